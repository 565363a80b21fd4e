//! # What it checks
//!
//! Each child who is an unaccompanied asylum-seeking child in both years (UASC status `1` in this
//! year's Header table and last year's) has dates their status ceased (`DUC`, in the UASC tables)
//! that agree with it:
//!
//! - when last year's return gives no `DUC` (the child was still UASC at its end), this year's is
//!   blank or a date within this collection year (the status ceased this year);
//! - when last year's return gives one, it is the child's 18th birthday (going by the `DOB` of
//!   last year's UASC row, or Header row when that is not a date), the day the status ends, and
//!   this year's `DUC` is that same date or a date within this collection year.
//!
//! The child's Header row and UASC row of this year are reported. Without last year's return the
//! rule does nothing, as it does for a child whose status in either year is blank or not a code.
//!
//! # Why
//!
//! A status that ceased before this year cannot go on this year; the one date last year's return
//! may give for a child still UASC is the 18th birthday, when the status ends, and this year's
//! return either keeps it or says when, this year, the status ceased.
//!
//! # DfE wording
//!
//! Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.

use super::common::*;
use super::common_uasc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "205B",
    message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let now = UascYear::new(&ret.current);
    let then = UascYear::new(previous);
    for header in ret.current.rows(Table::Header) {
        let child = header.child();
        if status_of(header) != Status::Uasc || then.status(child) != Status::Uasc {
            continue;
        }
        let (duc, duc_last) = (now.duc(child), then.duc(child));
        let ceased_this_year =
            date(duc).is_some_and(|d| ctx.collection_start <= d && d <= ctx.collection_end);
        let supported = if duc_last.is_empty() {
            duc.is_empty() || ceased_this_year
        } else {
            let dob = then
                .uasc
                .get(child)
                .and_then(|r| date(r.get(Table::Uasc, "DOB")))
                .or_else(|| {
                    then.headers
                        .get(child)
                        .and_then(|h| date(h.get(Table::Header, "DOB")))
                });
            let at_18 = dob.map(|dob| birthday(dob, 18));
            date(duc_last).is_some_and(|d| {
                Some(d) == at_18 && (date(duc) == Some(d) || ceased_this_year)
            })
        };
        if supported {
            continue;
        }
        out.push(finding(RULE.code, Table::Header, header, "UASC"));
        for row in ret.current.rows(Table::Uasc).iter().filter(|r| r.child() == child) {
            out.push(finding(RULE.code, Table::Uasc, row, "DUC"));
        }
    }
}
