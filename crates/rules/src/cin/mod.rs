//! The CIN census rules for the collection years 2023-24 (2024) to 2025-26 (2026).
//!
//! One file per rule (`rule_8500.rs`): a doc comment with the headings `# What it checks`,
//! `# Why` and `# DfE wording`, then `RULE` with its code, the DfE message verbatim, its severity,
//! the collection years it belongs to and its check. A rule whose wording or meaning changed
//! between years has one constant per version (`RULE` and `RULE_2024`). The fixture is beside it
//! (`rule_8500.fixture.xml`): a small census whose first comment lists the findings expected,
//! one `table,row,child_id` a line (`return` for a return-level finding).
//!
//! [`RULES`] lists every rule; [`Validator`] runs those of one collection year over a census
//! read one child at a time, so memory does not grow with the file: rules that compare children
//! (duplicate ids, shares of the whole return) keep only small state.

mod common;
mod engine;

pub use common::Ctx;
pub use engine::{Census, ValidateError, Validator, YearError, validate_census, year_of};

use crate::Finding;

use formats::cin::raw::{RawChild, RawHeader};

/// A CIN census rule.
pub type Rule = crate::Rule<Check>;

/// What a CIN rule looks at.
#[derive(Clone, Copy)]
pub enum Check {
    /// The header, once (it may be missing).
    Header(fn(&Ctx, Option<&RawHeader>, &mut Vec<Finding>)),
    /// Each child on its own.
    Child(fn(&Ctx, &RawChild, &mut Vec<Finding>)),
    /// The children together: state made fresh for each census.
    Return(fn() -> Box<dyn ReturnCheck>),
}

/// A rule over the whole return: it sees each child in turn, keeping what it needs, and may
/// report at any child or at the end.
pub trait ReturnCheck {
    fn child(&mut self, ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>);
    fn finish(&mut self, ctx: &Ctx, out: &mut Vec<Finding>);
}

crate::rule_table! {
    Check;
    rule_100,
    rule_1103,
    rule_1104,
    rule_1105,
    rule_1510,
    rule_1520,
    rule_1530,
    rule_1540,
    rule_1550,
    rule_1560q,
    rule_1570,
    rule_1580,
    rule_2883,
    rule_2884,
    rule_2885,
    rule_2886q (RULE_2024),
    rule_2887q,
    rule_2888q,
    rule_2889,
    rule_2990,
    rule_2991q,
    rule_4000,
    rule_4001,
    rule_4003,
    rule_4004,
    rule_4008,
    rule_4009q,
    rule_4010,
    rule_4011,
    rule_4012q,
    rule_4013,
    rule_4014,
    rule_4015,
    rule_4016,
    rule_4017,
    rule_4180 (RULE_2024),
    rule_4220,
    rule_8500,
    rule_8510,
    rule_8520,
    rule_8525q,
    rule_8530q,
    rule_8535q,
    rule_8540,
    rule_8545q,
    rule_8555q,
    rule_8565,
    rule_8568,
    rule_8569q,
    rule_8585q,
    rule_8590,
    rule_8600,
    rule_8606,
    rule_8608,
    rule_8610,
    rule_8614,
    rule_8615,
    rule_8620,
    rule_8630,
    rule_8640,
    rule_8650,
    rule_8670q,
    rule_8675q,
    rule_8696,
    rule_8715,
    rule_8720,
    rule_8730,
    rule_8736,
    rule_8740,
    rule_8750 (RULE_2024),
    rule_8770q (RULE_2024),
    rule_8772,
    rule_8775q,
    rule_8790,
    rule_8794,
    rule_8805,
    rule_8810,
    rule_8815,
    rule_8816,
    rule_8820,
    rule_8825q,
    rule_8831,
    rule_8832,
    rule_8839,
    rule_8840,
    rule_8841,
    rule_8842q,
    rule_8863q,
    rule_8866,
    rule_8867,
    rule_8868,
    rule_8869,
    rule_8870q,
    rule_8873q,
    rule_8875,
    rule_8890,
    rule_8896,
    rule_8897q,
    rule_8898,
    rule_8905,
    rule_8910,
    rule_8915,
    rule_8920,
    rule_8925,
    rule_8930,
    rule_8935,
    rule_8940,
    rule_8945q,
    rule_8950q,
}

/// The collection years this crate has rule sets for.
pub const YEARS: &[i16] = &[2024, 2025, 2026];

/// The rules of one collection year.
pub fn rules_for(year: i16) -> impl Iterator<Item = &'static Rule> {
    RULES.iter().filter(move |r| r.years.contains(&year))
}

/// The rule with this code in this year's set, or in any year's when `year` is `None` (codes
/// are compared without regard to case, so `8525q` finds 8525Q).
pub fn rule(code: &str, year: Option<i16>) -> Option<&'static Rule> {
    crate::find_rule(RULES, code, year)
}

/// A rule's explanation: the doc comment of its file (what it checks, why, the DfE wording).
pub fn explanation(code: &str) -> Option<String> {
    crate::explanation_in(FILES, code)
}

#[cfg(test)]
mod fixtures;
