//! # What it checks
//!
//! Each row of the Header table is of a child with an episode in the Episodes table or a row in the
//! OC3 table (a care leaver); a child with neither is reported.
//!
//! # Why
//!
//! A child is in the return because they were looked after or are a care leaver; with neither
//! recorded, the rest of the child's data cannot be checked.
//!
//! # DfE wording
//!
//! WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "EPI",
    message: "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let known: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .chain(ret.current.rows(Table::Oc3))
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::Header) {
        if !known.contains(row.child()) {
            out.push(finding(RULE.code, Table::Header, row, "CHILD"));
        }
    }
}
