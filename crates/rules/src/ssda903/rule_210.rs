//! # What it checks
//!
//! A child whose Header `UPN` is `UN4` (pupil number not yet obtained, for a child newly looked after)
//! was not looked after for more than a week at 31 March: no episode is open at 31 March (blank
//! `DEC`) in a period of care that began before 24 March (the `DECOM` of the child's latest episode
//! starting a period of care, `RNE` `S`, on or before the open one; a child whose episodes in the
//! return start no period of care has been looked after since before them). The Header row and the
//! open episode are reported.
//!
//! # Why
//!
//! A council has a week to obtain a newly looked-after child's pupil number; after that `UN4` no
//! longer explains a missing one.
//!
//! # DfE wording
//!
//! Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "210",
    message: "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Ok(week_before) = model::Date::new(ctx.collection_end.year(), 3, 24) else {
        return;
    };
    let headers = header_rows(&ret.current);
    for (child, episodes) in episodes_in_order(&ret.current) {
        let Some(header) = headers.get(child) else {
            continue;
        };
        if header.get(Table::Header, "UPN") != "UN4" {
            continue;
        }
        for (i, (_, row)) in episodes.iter().enumerate() {
            if !ep(row, "DEC").is_empty() {
                continue;
            }
            let began = episodes[..=i]
                .iter()
                .rev()
                .find(|(_, r)| ep(r, "RNE") == "S")
                .map(|(d, _)| *d);
            if began.is_none_or(|d| d < week_before) {
                out.push(finding(RULE.code, Table::Header, header, "UPN"));
                out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
            }
        }
    }
}
