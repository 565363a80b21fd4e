//! # What it checks
//!
//! Each child's episodes in the Episodes table, in order of `DECOM` (episodes whose `DECOM` is not
//! a date left out): an episode that follows, on its `DEC`, one that ceased with `REC` `X1` (the
//! period of care goes on) has the same `CIN` as that episode, and so as the start of the period of
//! care.
//!
//! # Why
//!
//! The category of need is recorded once, when the child starts to be looked after, and carried
//! through the period of care; a change inside it is a recording error.
//!
//! # DfE wording
//!
//! The category of need code differs from that reported at start of current period of being looked after

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "504",
    message: "The category of need code differs from that reported at start of current period of being looked after",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            let (before, row) = (&pair[0], &pair[1]);
            if before.get("REC") == "X1" && continues(before, row) && before.get("CIN") != row.get("CIN") {
                out.push(finding(RULE.code, Table::Episodes, row.row, "CIN"));
            }
        }
    }
}
