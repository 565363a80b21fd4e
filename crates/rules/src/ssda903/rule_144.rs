//! # What it checks
//!
//! Each row of the Episodes table whose `LS` is filled in holds a legal status of the SSDA903
//! list: `C1`, `C2` (care orders), `D1` (freeing order), `E1` (placement order), `V2`, `V3`,
//! `V4` (accommodated under section 20), `L1`, `L2`, `L3` (police protection, emergency
//! protection, child assessment orders), `J1`, `J2`, `J3` (remanded or detained). A blank `LS`
//! is not reported here.
//!
//! # Why
//!
//! Children looked after are counted by legal status nationally, and the status decides which
//! other items the return needs (placement orders for adoption, respite care under V3 and V4).
//!
//! # DfE wording
//!
//! The legal status code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "144",
    message: "The legal status code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "LS", |v| !matches!(v, "" | "C1" | "C2" | "D1" | "E1" | "V2" | "V3" | "V4" | "L1" | "L2" | "L3" | "J1" | "J2" | "J3"));
}
