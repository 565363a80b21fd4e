//! # What it checks
//!
//! Each child's UASC status in the Header table (`UASC`, whether the child is an unaccompanied
//! asylum-seeking child) is `0` or `1`. A blank value, or one that is not a code, is reported.
//! The status is read where the return writes it: the `<UASC>` of the XML form, or the Header
//! file's own `UASC` column. When the status is derived from the UASC table (a Header file without
//! the column) it is always a code; with neither column nor UASC table there is no status to check
//! and the rule does nothing.
//!
//! # Why
//!
//! The DfE counts unaccompanied asylum-seeking children apart (their funding and their numbers in
//! the statistics); every child must say whether they are one.
//!
//! # DfE wording
//!
//! Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.

#[allow(unused_imports)]
use super::common::*;
use super::common_uasc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "105",
    message: "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    if !gives_status(&ret.current) {
        return;
    }
    each_row(out, RULE.code, &ret.current, Table::Header, "UASC", |v| {
        !matches!(v, "0" | "1")
    });
}
