//! # What it checks
//!
//! Each row of the Episodes table in supported accommodation is of a child aged 16 or over on its
//! `DECOM`, by the child's `DOB` in the Header table: `PLACE` `K3` (supported accommodation not
//! subject to children's homes regulations) from 2024-25, `H5` (semi-independent living
//! accommodation not subject to children's homes regulations) in 2023-24. Episodes of children
//! with no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! Accommodation that is not regulated as a children's home may be used only for young people of
//! 16 and 17; a younger child must be placed where care is provided.
//!
//! # DfE wording
//!
//! From 2024-25: Child in supported accomodation not subject to children’s homes regulations should be at least 16.
//!
//! 2023-24: Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 16.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "371",
    message: "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "371",
    message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 16.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check_2024),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    under_16(ret, out, "K3");
}

fn check_2024(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    under_16(ret, out, "H5");
}

fn under_16(ret: &Return, out: &mut Vec<Finding>, place: &str) {
    let headers = header_rows(&ret.current);
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if row.get(table, "PLACE") != place {
            continue;
        }
        let Some(header) = headers.get(row.child()) else {
            continue;
        };
        if let (Some(dob), Some(on)) = (
            date(header.get(Table::Header, "DOB")),
            date(row.get(table, "DECOM")),
        ) && age(dob, on) < 16
        {
            out.push(finding(RULE.code, table, row, "DECOM"));
        }
    }
}
