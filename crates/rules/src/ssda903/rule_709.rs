//! # What it checks
//!
//! For each order of the DoLo table whose `DOLO_START` is a date (and whose `DOLO_END` is a date
//! or blank: an order still going on), the child's episodes in the Episodes table that overlap it
//! (`DECOM` on or before the order's end, `DEC` blank or on or after its start) have a placement
//! type (`PLACE`) of `K2` (children's homes), `Z12` or `Z13`, the types the DfE expects for a child
//! deprived of liberty (its condition for this rule lists them; see the note on `Z12` in the code
//! sets). Each other type is reported on the episode, and the order is reported on the DoLo table.
//! A blank `PLACE` is left to the rules on placement types. The types rule 710 forbids (`K1`,
//! `P1`, `R5`, `K3`) are not among those expected, so they draw this rule too.
//!
//! An order still open is checked as going on, although the DfE's condition names orders with
//! both dates: a child under an open order is the one most likely to be in care now, and the
//! wording asks about any child with a DoLO.
//!
//! # Why
//!
//! A child deprived of liberty by the court outside a secure children's home is usually placed
//! in a children's home or in one of the other placements the DfE set aside for it; any other
//! type is more likely a mistake in the placement or in the order's dates, and is to be checked.
//!
//! # DfE wording
//!
//! Child with a DoLO is in an unexpected placement type.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_dolo::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "709",
    message: "Child with a DoLO is in an unexpected placement type.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (order, episodes) in orders_with_episodes(&ret.current) {
        let wrong: Vec<_> = episodes
            .iter()
            .filter(|e| !e.get("PLACE").is_empty() && !matches!(e.get("PLACE"), "K2" | "Z12" | "Z13"))
            .collect();
        if wrong.is_empty() {
            continue;
        }
        out.push(finding(RULE.code, Table::DoLo, order, "DOLO_START"));
        for e in wrong {
            out.push(finding(RULE.code, Table::Episodes, e.row, "PLACE"));
        }
    }
}
