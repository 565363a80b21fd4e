//! # What it checks
//!
//! For each order of the DoLo table whose `DOLO_START` is a date (and whose `DOLO_END` is a date
//! or blank: an order still going on), the child's episodes in the Episodes table that overlap it
//! (`DECOM` on or before the order's end, `DEC` blank or on or after its start) have none of the
//! placement types the wording names: `K1` (secure children's homes), `P1` (with parents or
//! others with parental responsibility), `R5` (young offender institutions) and `K3` (supported
//! accommodation). Each such episode is reported, and the order on the DoLo table.
//!
//! # Why
//!
//! A deprivation of liberty order is made for a child who cannot be placed in a secure
//! children's home; it cannot authorise a placement with parents, in a young offender
//! institution or in supported accommodation, which may not restrict liberty. One of the dates or
//! the placement type is wrong.
//!
//! # DfE wording
//!
//! Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_dolo::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "710",
    message: "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (order, episodes) in orders_with_episodes(&ret.current) {
        let wrong: Vec<_> = episodes
            .iter()
            .filter(|e| matches!(e.get("PLACE"), "K1" | "P1" | "R5" | "K3"))
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
