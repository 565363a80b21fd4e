//! # What it checks
//!
//! Each row of the OC3 table that has care leaver information (any of `IN_TOUCH`, `ACTIV`, `ACCOM`)
//! is of a child none of whose episodes ceased with `REC` `E2` (died), in this year's Episodes
//! table and, when given, last year's (as the DfE's note says, the rule looks at both years loaded:
//! a child who died in care last year has no care leaver information this year).
//!
//! # Why
//!
//! Care leaver information describes a young person alive after leaving care; a child who died in
//! care has none, so one of the two records is wrong.
//!
//! # DfE wording
//!
//! This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1000",
    message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let died: HashSet<&str> = [Some(&ret.current), ret.previous.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|r| r.rows(Table::Episodes))
        .filter(|r| ep(r, "REC") == "E2")
        .map(|r| r.child())
        .collect();
    oc3_rows_where(out, RULE.code, &ret.current, |r| died.contains(r.child()));
}
