//! # What it checks
//!
//! Each row of the Episodes table whose `REASON_PLACE_CHANGE` is `CUSTOD` (placement changed because
//! the child was taken into custody) is of a child aged 10 or over on its `DECOM`, by the child's
//! `DOB` in the Header table. The episode and the child's Header row are reported. Dates that are
//! not dates are left to other rules.
//!
//! # Why
//!
//! The age of criminal responsibility in England is 10; a younger child cannot be remanded or
//! sentenced to custody.
//!
//! # DfE wording
//!
//! A child aged under 10 can not change placement due to being admitted to custody

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "234",
    message: "A child aged under 10 can not change placement due to being admitted to custody",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if ep(row, "REASON_PLACE_CHANGE") != "CUSTOD" {
            continue;
        }
        let Some(header) = headers.get(row.child()) else {
            continue;
        };
        if let (Some(dob), Some(on)) = (
            date(header.get(Table::Header, "DOB")),
            date(ep(row, "DECOM")),
        ) && age(dob, on) < 10
        {
            out.push(finding(RULE.code, table, row, "REASON_PLACE_CHANGE"));
            out.push(finding(RULE.code, Table::Header, header, "DOB"));
        }
    }
}
