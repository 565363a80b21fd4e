//! # What it checks
//!
//! Each child's social worker episodes in the SWEpisodes table, in order of `SW_DECOM`
//! (episodes whose `SW_DECOM` is not a date left out), have a `SW_DEC` that is a date, except
//! the child's last one, which may still be open. An earlier episode whose `SW_DEC` is blank or
//! not a date is reported.
//!
//! # Why
//!
//! Only the child's current social worker episode can still be open; one followed by another
//! must have ended.
//!
//! # DfE wording
//!
//! Social worker episode date ceased is blank.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW14STG2",
    message: "Social worker episode date ceased is blank.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        let Some((_, earlier)) = eps.split_last() else {
            continue;
        };
        for e in earlier {
            if e.end.is_none() {
                out.push(finding(RULE.code, Table::SwEpisodes, e.row, "SW_DEC"));
            }
        }
    }
}
