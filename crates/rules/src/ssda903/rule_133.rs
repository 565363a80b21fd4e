//! # What it checks
//!
//! Each row of the OC3 table holds in `ACCOM` an accommodation code of the SSDA903
//! list: a type letter (`B`, `C`, `D`, `E`, `G`, `H`, `K`, `R`, `S`, `T`, `U`, `V`, `W`, `X`, `Y`,
//! `Z`) followed by `1` (suitable) or `2` (not suitable), or `0` (not in touch, died or returned
//! home). A blank `ACCOM` is reported too, as the
//! schema of the return does not let it be blank.
//!
//! # Why
//!
//! Where care leavers live, and whether it suits them, is a national measure; it is counted by
//! these codes only.
//!
//! # DfE wording
//!
//! Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "133",
    message: "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Oc3, "ACCOM", |v| {
        model::codes::Accommodation::from_code(v).is_none()
    });
}
