//! # What it checks
//!
//! A child all of whose episodes are short breaks (`LS` `V3` or `V4`) has no `MOTHER` in the Header
//! table and no reviews (`REVIEW` or `REVIEW_CODE` in the Reviews table). When either is filled in,
//! the child's episodes, Header row and the review rows concerned are reported.
//!
//! # Why
//!
//! Children looked after only for short breaks are outside the mother and review items of the
//! return; values there mean the legal status or the items are wrong.
//!
//! # DfE wording
//!
//! Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "399",
    message: "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let reviews = by_child(&ret.current, Table::Reviews);
    let reviews: HashMap<_, _> = reviews.into_iter().collect();
    for (child, episodes) in by_child(&ret.current, Table::Episodes) {
        if !episodes.iter().all(|r| matches!(ep(r, "LS"), "V3" | "V4")) {
            continue;
        }
        let header = headers.get(child);
        let mother = header.is_some_and(|h| !h.get(Table::Header, "MOTHER").is_empty());
        let reviewed: Vec<_> = reviews
            .get(child)
            .into_iter()
            .flatten()
            .filter(|r| {
                mother
                    || !r.get(Table::Reviews, "REVIEW").is_empty()
                    || !r.get(Table::Reviews, "REVIEW_CODE").is_empty()
            })
            .collect();
        if !mother && reviewed.is_empty() {
            continue;
        }
        for row in episodes {
            out.push(finding(RULE.code, Table::Episodes, row, "LS"));
        }
        if let Some(h) = header {
            out.push(finding(RULE.code, Table::Header, h, "MOTHER"));
        }
        for r in reviewed {
            out.push(finding(RULE.code, Table::Reviews, r, "REVIEW"));
        }
    }
}
