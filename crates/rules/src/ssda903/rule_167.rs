//! # What it checks
//!
//! Each row of the Reviews table has a `REVIEW_CODE` (how the child took part in the review) of the
//! list `PN0` (under 4 at the review) to `PN7`; a blank one is reported too.
//!
//! # Why
//!
//! Children's participation in their own reviews is a national measure; it is counted by these
//! codes only.
//!
//! # DfE wording
//!
//! Data entry for participation is invalid or blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "167",
    message: "Data entry for participation is invalid or blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Reviews, "REVIEW_CODE", |v| {
        !matches!(v, "PN0" | "PN1" | "PN2" | "PN3" | "PN4" | "PN5" | "PN6" | "PN7")
    });
}
