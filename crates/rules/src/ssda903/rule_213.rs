//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is a placement recorded without its provider has a
//! blank `PLACE_PROVIDER`: the temporary placements (`T0` to `T4`), and from 2025-26 the other
//! placements `Z11` to `Z14` too, as the DfE's lists of that year name them alongside the
//! temporary ones for rule 178.
//!
//! # Why
//!
//! A temporary placement is recorded without its provider: the provider is that of the placement
//! the child returns to. The other placements of 2025-26 (`Z11` to `Z14`, which replaced `Z1`)
//! have no provider in the DfE's list either.
//!
//! # DfE wording
//!
//! Placement provider information not required.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "213",
    message: "Placement provider information not required.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "213",
    message: "Placement provider information not required.",
    severity: Severity::Error,
    years: &[2024, 2025],
    check: Check::Return(check_2024),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    report(
        ret,
        out,
        &["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"],
    );
}

fn check_2024(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    report(ret, out, &["T0", "T1", "T2", "T3", "T4"]);
}

/// Reports each episode of one of `without_provider` whose `PLACE_PROVIDER` is filled in.
fn report(ret: &Return, out: &mut Vec<Finding>, without_provider: &[&str]) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if without_provider.contains(&row.get(table, "PLACE"))
            && !row.get(table, "PLACE_PROVIDER").is_empty()
        {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
