//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE_PROVIDER` is filled in holds `PR0` (parents or
//! others with parental responsibility), `PR1` (own provision), `PR2` (another local authority),
//! `PR3` (other public provision), `PR4` (private) or `PR5` (voluntary or third sector), and its
//! placement is not one recorded without a provider: from 2025-26 the temporary placements `T0`
//! to `T3` and the other placements `Z11` to `Z14`, as the DfE's condition for the rule lists them
//! ("If provided <PLACE_PROVIDER> must be a valid value and should not be provided if <PL> = ‘T0’;
//! ‘T1’; ‘T2’; ‘T3’; ‘Z11’; ‘Z12’; ‘Z13’;’Z14’"); before 2025-26, `T0` to `T4` and `Z1`, the code
//! `Z11` to `Z14` replaced. A blank `PLACE_PROVIDER` is left to rule 526. A provider given for a
//! temporary placement is also rule 213's.
//!
//! # Why
//!
//! Placements are counted by who provides them (the share in private provision is a national
//! measure); it is counted by these codes only, and a placement that has no provider of its own
//! (a temporary one, whose provider is that of the placement the child returns to, or an other
//! placement) must not add to the count.
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
    years: &[2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "178",
    message: "Placement provider code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025],
    check: Check::Return(check_2024),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    report(ret, out, &["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"]);
}

fn check_2024(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    report(ret, out, &["T0", "T1", "T2", "T3", "T4", "Z1"]);
}

/// Reports each episode whose `PLACE_PROVIDER` is given and is not a code, or is given for one of
/// `without_provider`.
fn report(ret: &Return, out: &mut Vec<Finding>, without_provider: &[&str]) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let provider = row.get(table, "PLACE_PROVIDER");
        if provider.is_empty() {
            continue;
        }
        let code = matches!(provider, "PR0" | "PR1" | "PR2" | "PR3" | "PR4" | "PR5");
        if !code || without_provider.contains(&row.get(table, "PLACE")) {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
