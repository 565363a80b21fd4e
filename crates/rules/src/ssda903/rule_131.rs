//! # What it checks
//!
//! Each row of the OC3 table has an `IN_TOUCH` code: `YES`, `NO`, `DIED`, `REFU` (refuses
//! contact), `NREQ` (no longer requires services) or `RHOM` (returned home for six months or
//! more). A blank `IN_TOUCH` is reported too.
//!
//! # Why
//!
//! Whether the authority is in touch with its care leavers is a national measure of how it meets
//! its duties to them; the row is there to say so.
//!
//! # DfE wording
//!
//! Data entry for being in touch after leaving care is invalid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "131",
    message: "Data entry for being in touch after leaving care is invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Oc3, "IN_TOUCH", |v| !matches!(v, "YES" | "NO" | "DIED" | "REFU" | "NREQ" | "RHOM"));
}
