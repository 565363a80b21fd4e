//! # What it checks
//!
//! Each row of the Episodes table provided by the council itself (`PLACE_PROVIDER` `PR1`), other
//! than a short break (`LS` `V3`, `V4`) or a foster or adoptive placement (`PLACE` `A3` to `A6`,
//! `U1` to `U6`, whose carers may live anywhere; from 2025-26 also supported accommodation, `K3`,
//! as the DfE's 2025-26 conditions leave it out of rule 229 too), is not outside the council's
//! area: one with `PL_LOCATION` `OUT` is reported.
//!
//! `PL_LOCATION` is derived by the DfE from the postcodes: Harbour reads it when the Episodes file
//! has it and otherwise derives it with the ONS postcode directory and the council's LA code
//! (`harbour validate --postcodes FILE --la CODE`); with neither the rule is skipped.
//!
//! # Why
//!
//! The council's own provision (its children's homes, its hostels) is in its own area; a placement
//! outside it is provided by someone else, or the provider code is wrong.
//!
//! # DfE wording
//!
//! Placement provider is own provision but child not placed in own LA.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1015",
    message: "Placement provider is own provision but child not placed in own LA.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2025: Rule = Rule {
    years: &[2024, 2025],
    check: Check::Return(check_2025),
    ..RULE
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    run(ret, out, &["K3"]);
}

fn check_2025(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    run(ret, out, &[]);
}

/// Reports the council's own placements out of its area, but those of types `left_out`.
fn run(ret: &Return, out: &mut Vec<Finding>, left_out: &[&str]) {
    for row in ret.current.rows(Table::Episodes) {
        let place = ep(row, "PLACE");
        let fostered = placed_for_adoption(place)
            || matches!(place, "U1" | "U2" | "U3" | "U4" | "U5" | "U6")
            || left_out.contains(&place);
        if ep(row, "PLACE_PROVIDER") == "PR1"
            && !fostered
            && !matches!(ep(row, "LS"), "V3" | "V4")
            && ep(row, "PL_LOCATION") == "OUT"
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_LOCATION"));
        }
    }
}
