//! # What it checks
//!
//! Each row of the Header table with a date of birth of the mother's child (`MC_DOB` filled in) is
//! not of a child whose `SEX` is male: `M` from 2024-25, `1` in 2023-24.
//!
//! # Why
//!
//! Only a girl or young woman can be the mother of a child; a male child with a child of his own
//! recorded is an error in one of the two items.
//!
//! # DfE wording
//!
//! From 2024-25: Mother's child date of birth is recorded but sex shows that the child is a male.
//!
//! 2023-24: Mother's child date of birth is recorded but gender shows that the child is a male.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "174",
    message: "Mother's child date of birth is recorded but sex shows that the child is a male.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "174",
    message: "Mother's child date of birth is recorded but gender shows that the child is a male.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check_2024),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    male(ret, out, "M");
}

fn check_2024(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    male(ret, out, "1");
}

fn male(ret: &Return, out: &mut Vec<Finding>, code: &str) {
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if !row.get(table, "MC_DOB").is_empty() && row.get(table, "SEX") == code {
            out.push(finding(RULE.code, table, row, "MC_DOB"));
        }
    }
}
