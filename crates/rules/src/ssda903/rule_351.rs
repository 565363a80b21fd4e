//! # What it checks
//!
//! Each row of the Header table whose `DOB` is a date is of a child not more than 25 years old on 1
//! April, the first day of the collection year: a child whose 25th birthday was before that day is
//! over 25 and is reported.
//!
//! # Why
//!
//! Care leavers are followed up to 21 and support lasts to 25 at most; an older date of birth is a
//! typing error or a record that should not be there.
//!
//! # DfE wording
//!
//! Child was over 25 at the start of the current collection year.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "351",
    message: "Child was over 25 at the start of the current collection year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "DOB", |v| {
        date(v).is_some_and(|d| birthday(d, 25) < ctx.collection_start)
    });
}
