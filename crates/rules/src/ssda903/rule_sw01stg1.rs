//! # What it checks
//!
//! 2023-24 only. Each child looked after on 31 March (an episode in the Episodes table with no
//! `DEC` and a `LS` other than `V3` or `V4`) has, among their rows of the SWEpisodes table, at
//! least one `SW_ID`, one `SW_DECOM` and one `SW_REASON`. The child's open episode is reported,
//! at `DEC`. (An incomplete SWEpisodes row is SW03STG1's.)
//!
//! # Why
//!
//! Every child looked after at 31 March has a social worker; from 1 April 2023 the return
//! records who, from when and why. The DfE's condition: if the child is looked after at 31 March,
//! at least one instance of each of `SW_ID`, `SW_DECOM` and `SW_REASON` should be provided.
//!
//! # DfE wording
//!
//! Child looked after on 31 March, but no social worker episode information is reported

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW01STG1",
    message: "Child looked after on 31 March, but no social worker episode information is reported",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

const FIELDS: [&str; 3] = ["SW_ID", "SW_DECOM", "SW_REASON"];

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    // For each child, which of FIELDS some SWEpisodes row of theirs gives.
    let mut given: HashMap<&str, [bool; 3]> = HashMap::new();
    for row in ret.current.rows(Table::SwEpisodes) {
        let seen = given.entry(row.child()).or_default();
        for (i, f) in FIELDS.iter().enumerate() {
            seen[i] |= !sw(row, f).is_empty();
        }
    }
    for row in ret.current.rows(Table::Episodes) {
        let looked_after = ep(row, "DEC").is_empty() && !matches!(ep(row, "LS"), "V3" | "V4");
        let complete = given.get(row.child()).is_some_and(|s| s.iter().all(|&b| b));
        if looked_after && !complete {
            out.push(finding(RULE.code, Table::Episodes, row, "DEC"));
        }
    }
}
