//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE_PROVIDER` is `PR3` (other public provision) has a
//! `PLACE` other than `P1` (with parents), `A3` to `A6` (placed for adoption), `K1`, `K2`
//! (children's homes) and `U1` to `U6` (foster placements).
//!
//! # Why
//!
//! Adoptive and foster placements and children's homes are provided by local authorities, private
//! or voluntary providers, not by other public bodies such as the NHS.
//!
//! # DfE wording
//!
//! Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "529",
    message: "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (place, provider) = (row.get(table, "PLACE"), row.get(table, "PLACE_PROVIDER"));
        if provider == "PR3" && matches!(place, "P1" | "A3" | "A4" | "A5" | "A6" | "K1" | "K2" | "U1" | "U2" | "U3" | "U4" | "U5" | "U6") {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
