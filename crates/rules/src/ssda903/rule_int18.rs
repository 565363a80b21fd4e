//! # What it checks
//!
//! Each row of the UASC table whose child has a Header row, and whose `DOB` and the Header's
//! `DOB` are both dates, has the same date of birth as the Header. A `DOB` that is blank or not a
//! date is left to the rules on that date.
//!
//! # Why
//!
//! The child's date of birth is given in both tables; they must agree.
//!
//! # DfE wording
//!
//! Internal Check: DOB in UASC is different to DOB in Header.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "INT18",
    message: "Internal Check: DOB in UASC is different to DOB in Header.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    dob_differs_from_header(out, RULE.code, &ret.current, Table::Uasc);
}
