//! # What it checks
//!
//! Each row of the Header table has an `ETHNIC` code of the DfE's ethnicity list (`WBRI`, `WIRI`,
//! `WIRT`, `WOTH`, `WROM`, `MWBC`, `MWBA`, `MWAS`, `MOTH`, `AIND`, `APKN`, `ABAN`, `AOTH`,
//! `BCRB`, `BAFR`, `BOTH`, `CHNE`, `OOTH`, `REFU`, `NOBT`), written exactly so. A blank `ETHNIC`
//! is reported too.
//!
//! # Why
//!
//! Children looked after are counted by ethnicity nationally; an unknown or missing code leaves
//! the child out of those figures (`REFU` and `NOBT` record a refusal or information not yet
//! obtained).
//!
//! # DfE wording
//!
//! The ethnicity code is either not valid or has not been entered.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;
use model::codes::Ethnicity;

pub(crate) const RULE: Rule = Rule {
    code: "103",
    message: "The ethnicity code is either not valid or has not been entered.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "ETHNIC", |v| {
        Ethnicity::from_code(v).is_none()
    });
}
