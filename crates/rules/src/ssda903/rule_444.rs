//! # What it checks
//!
//! Each row of the Header table whose `UPN` is filled in and is not one of the codes for a UPN not
//! known (`UN1` to `UN5`) holds a UPN no other row of the table holds: every row sharing a UPN is
//! reported.
//!
//! # Why
//!
//! A UPN belongs to one child; two children with one UPN are the same child recorded twice or a
//! typing error.
//!
//! # DfE wording
//!
//! Duplicate UPN has been reported

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "444",
    message: "Duplicate UPN has been reported",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Header;
    let mut count: HashMap<&str, usize> = HashMap::new();
    let known = |v: &str| !v.is_empty() && !matches!(v, "UN1" | "UN2" | "UN3" | "UN4" | "UN5");
    for row in ret.current.rows(table) {
        let upn = row.get(table, "UPN");
        if known(upn) {
            *count.entry(upn).or_default() += 1;
        }
    }
    for row in ret.current.rows(table) {
        let upn = row.get(table, "UPN");
        if known(upn) && count.get(upn).is_some_and(|n| *n > 1) {
            out.push(finding(RULE.code, table, row, "UPN"));
        }
    }
}
