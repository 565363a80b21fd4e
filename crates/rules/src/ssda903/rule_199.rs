//! # What it checks
//!
//! No episode of this year's return comes after (by `DECOM`) an episode that ended in adoption (`REC`
//! `E11` or `E12`), in this year's episodes and, when given, the previous year's: one whose `DECOM`
//! is later than that of the adoption episode. The adoption episode itself is not reported, nor
//! this year's copy of it: an episode open at the start of the year is in both years' returns with
//! the same `DECOM` (last year's copy may carry a `REC` this year's changed), and it is the same
//! episode, not one after it.
//!
//! # Why
//!
//! A child adopted from care is no longer looked after; a later episode means the child was
//! previously adopted, which the return records another way, or a code is wrong.
//!
//! # DfE wording
//!
//! Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "199",
    message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let mut by_child: HashMap<&str, Vec<(model::Date, bool, &_)>> =
        HashMap::new();
    let years = [(Some(&ret.current), true), (ret.previous.as_ref(), false)];
    for (r, this_year) in years {
        for row in r.map_or(&[][..], |r| r.rows(Table::Episodes)) {
            if let Some(d) = date(ep(row, "DECOM")) {
                by_child
                    .entry(row.child())
                    .or_default()
                    .push((d, this_year, row));
            }
        }
    }
    for episodes in by_child.values_mut() {
        episodes.sort_by_key(|(d, this_year, r)| (*d, *this_year, r.row));
        let mut adopted: Option<model::Date> = None;
        for (decom, this_year, row) in episodes.iter() {
            if *this_year && adopted.is_some_and(|a| *decom > a) {
                out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
            }
            if adopted.is_none() && matches!(ep(row, "REC"), "E11" | "E12") {
                adopted = Some(*decom);
            }
        }
    }
}
