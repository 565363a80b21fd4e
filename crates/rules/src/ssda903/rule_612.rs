//! # What it checks
//!
//! Each row of the Header table of a girl (`SEX` `F` from 2024-25, `2` in 2023-24) with `MC_DOB`
//! (the date of birth of a mother's first child) filled in has `MOTHER` `1`: a blank or `0`
//! `MOTHER` is reported. A `MOTHER` that is not a code (`2`, say) does not indicate that the girl
//! is not a mother, which is what the DfE's wording asks: rule 165 reports it.
//!
//! # Why
//!
//! A date of birth of her child says the child is a mother; the mother item must say so too.
//!
//! # DfE wording
//!
//! Date of birth field has been completed but mother field indicates child is not a mother.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "612",
    message: "Date of birth field has been completed but mother field indicates child is not a mother.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let female = if ctx.year <= 2024 { "2" } else { "F" };
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if row.get(table, "SEX") == female
            && !row.get(table, "MC_DOB").is_empty()
            && matches!(row.get(table, "MOTHER"), "" | "0")
        {
            out.push(finding(RULE.code, table, row, "MOTHER"));
        }
    }
}
