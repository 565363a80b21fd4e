//! # What it checks
//!
//! For each child looked after on 31 March (an episode in the Episodes table with no `DEC`), the
//! child's last social worker episode in the SWEpisodes table (by `SW_DECOM`; episodes whose
//! `SW_DECOM` is not a date left out) has no `SW_DEC` before 31 March; one that ended before then
//! is reported. A child who left care has no social worker after it; the rule is not about them. An
//! episode that ends before it began is SW18STG2's.
//!
//! In 2023-24 (`RULE_2024`) the rule was narrower, beside SW11aSTG2 (an episode that ended more
//! than 5 days before 31 March): each child's last social worker episode (by `SW_DECOM`) has no
//! `SW_DEC` in the last 5 days before 31 March; one that ended then is reported, for any child.
//!
//! # Why
//!
//! Social worker episodes are returned for children looked after at 31 March, who have a social
//! worker on that day; an episode that ended before it with none after leaves the child without
//! one.
//!
//! # DfE wording
//!
//! Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::days_between;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW11bSTG2",
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "SW11bSTG2",
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check_2024),
};

/// The last days before 31 March in which an ended episode is this rule's in 2023-24.
const WINDOW_2024: i64 = 5;

fn check_2024(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        if let Some(last) = eps.last()
            && let Some(end) = last.end
            && (1..=WINDOW_2024).contains(&days_between(end, ctx.collection_end))
        {
            out.push(finding(RULE.code, Table::SwEpisodes, last.row, "SW_DEC"));
        }
    }
}

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let looked_after: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .filter(|r| ep(r, "DEC").is_empty())
        .map(|r| r.child())
        .collect();
    for (child, eps) in sw_episodes_in_order(&ret.current) {
        if !looked_after.contains(child) {
            continue;
        }
        if let Some(last) = eps.last()
            && last.end.is_some_and(|end| end < ctx.collection_end && end >= last.start)
        {
            out.push(finding(RULE.code, Table::SwEpisodes, last.row, "SW_DEC"));
        }
    }
}
