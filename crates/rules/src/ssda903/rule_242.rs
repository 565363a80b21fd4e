//! # What it checks
//!
//! Each row of the Episodes table whose `URN` is `XXXXXXX` (a regional adoption agency, which has no
//! Ofsted URN of its own) is a placement for adoption or with a connected person or other foster
//! carer (`PLACE` `A3` to `A6` or `U1` to `U6`).
//!
//! # Why
//!
//! `XXXXXXX` stands in for a URN only where a regional adoption agency made the placement; on any
//! other placement a real URN, or none, is expected.
//!
//! # DfE wording
//!
//! URN = 'XXXXXXX' can only be used for regional adoption agencies

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "242",
    message: "URN = 'XXXXXXX' can only be used for regional adoption agencies",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let agency_place = matches!(
            ep(row, "PLACE"),
            "A3" | "A4" | "A5" | "A6" | "U1" | "U2" | "U3" | "U4" | "U5" | "U6"
        );
        if ep(row, "URN") == "XXXXXXX" && !agency_place {
            out.push(finding(RULE.code, table, row, "URN"));
        }
    }
}
