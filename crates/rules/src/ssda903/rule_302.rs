//! # What it checks
//!
//! For each child with a Header row whose `DOB` is a date, the child's first episode (the row of
//! the Episodes table with the earliest `DECOM` that is a date; the first written of those on the
//! same day) does not start before `DOB`. Both the episode and the Header row are reported.
//!
//! # Why
//!
//! A child cannot be looked after before being born; an episode starting before the date of birth
//! means one of the two dates is wrong.
//!
//! # DfE wording
//!
//! First episode starts before child was born.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "302",
    message: "First episode starts before child was born.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let table = Table::Episodes;
    for (child, rows) in by_child(&ret.current, table) {
        let Some(header) = headers.get(child) else {
            continue;
        };
        let Some(dob) = date(header.get(Table::Header, "DOB")) else {
            continue;
        };
        let mut first: Option<(model::Date, &formats::ssda903::raw::RawRow)> = None;
        for row in rows {
            if let Some(decom) = date(row.get(table, "DECOM"))
                && first.is_none_or(|(d, _)| decom < d)
            {
                first = Some((decom, row));
            }
        }
        if let Some((decom, row)) = first
            && decom < dob
        {
            out.push(finding(RULE.code, table, row, "DECOM"));
            out.push(finding(RULE.code, Table::Header, header, "DOB"));
        }
    }
}
