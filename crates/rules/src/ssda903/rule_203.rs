//! # What it checks
//!
//! Each row of the Header table of a child who has a row in the previous year's Header table has the
//! same `DOB` as last year: the same day, however written, when both are dates; a date one year and
//! a value that is not a date the other is reported. When neither year's `DOB` is a date, no date
//! of birth was recorded to disagree with: the rule leaves them to rule 102 (the `DOB` is not a
//! date). Without the previous year's return the rule does nothing.
//!
//! # Why
//!
//! A date of birth does not change; a difference between years is a keying error in one of them,
//! and every age-based count depends on it.
//!
//! # DfE wording
//!
//! Date of birth disagrees with the date of birth already recorded for this child.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "203",
    message: "Date of birth disagrees with the date of birth already recorded for this child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(last) = previous_headers(ret) else {
        return;
    };
    let table = Table::Header;
    for row in ret.current.rows(table) {
        let Some(before) = last.get(row.child()) else {
            continue;
        };
        let (now, then) = (row.get(table, "DOB"), before.get(table, "DOB"));
        let differs = match (date(now), date(then)) {
            (Some(a), Some(b)) => a != b,
            (None, None) => false,
            _ => true,
        };
        if differs {
            out.push(finding(RULE.code, table, row, "DOB"));
        }
    }
}
