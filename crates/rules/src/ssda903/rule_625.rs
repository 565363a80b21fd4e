//! # What it checks
//!
//! Each row of the Header table whose `MC_DOB` (date of birth of the first child) is a date has it
//! on or before 31 March, and, when the child ceased to be looked after (their last episode in the
//! Episodes table, by `DECOM`, has a `DEC` and a `REC` code other than `X1`), on or before that
//! `DEC`. A date after 31 March reports the Header row; one after that `DEC` reports the Header row
//! and the episode.
//!
//! # Why
//!
//! Motherhood is recorded for a young woman while she is looked after; a birth after she left care,
//! or after the year, is not hers to record in this return.
//!
//! # DfE wording
//!
//! Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "625",
    message: "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Header) {
        let Some(born) = date(row.get(Table::Header, "MC_DOB")) else {
            continue;
        };
        let last = episodes
            .get(row.child())
            .and_then(|eps| Some((eps.last()?, ceased_on(eps)?)));
        let after_episode = last.filter(|(_, ceased)| born > *ceased).map(|(e, _)| e);
        if born > ctx.collection_end || after_episode.is_some() {
            out.push(finding(RULE.code, Table::Header, row, "MC_DOB"));
        }
        if let Some(e) = after_episode {
            out.push(finding(RULE.code, Table::Episodes, e.row, "DEC"));
        }
    }
}
