//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE_PROVIDER` is filled in holds `PR0` (parents or
//! others with parental responsibility), `PR1` (own provision), `PR2` (another local authority),
//! `PR3` (other public provision), `PR4` (private) or `PR5` (voluntary or third sector). A blank
//! one is left to rule 526.
//!
//! # Why
//!
//! Placements are counted by who provides them (the share in private provision is a national
//! measure); it is counted by these codes only.
//!
//! # DfE wording
//!
//! Placement provider code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "178",
    message: "Placement provider code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "PLACE_PROVIDER", |v| {
        !matches!(v, "" | "PR0" | "PR1" | "PR2" | "PR3" | "PR4" | "PR5")
    });
}
