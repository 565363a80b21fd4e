//! # What it checks
//!
//! For each child with an episode that is not a short break (`LS` other than `V3` and `V4`), the
//! Header table's `MOTHER` is blank, `0` or `1`; is blank for a boy (`SEX` `M`; `1` in 2023-24); and
//! is filled in for a girl (`F`; `2` in 2023-24) looked after during the year (an episode, not a
//! short break, starting by 31 March and ending, or open, on or after 1 April). The child's Header
//! row and any OC3 row are reported.
//!
//! # Why
//!
//! Whether a looked-after girl is a mother is a national measure; it must be answered for every girl
//! in care during the year, and only with the codes of the return.
//!
//! # DfE wording
//!
//! Data entry for mother status is invalid.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "165",
    message: "Data entry for mother status is invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let (male, female) = if ctx.year <= 2024 {
        ("1", "2")
    } else {
        ("M", "F")
    };
    let headers = header_rows(&ret.current);
    let oc3 = by_child(&ret.current, Table::Oc3);
    let oc3: HashMap<_, _> = oc3.into_iter().collect();
    for (child, rows) in by_child(&ret.current, Table::Episodes) {
        let episodes: Vec<_> = rows
            .into_iter()
            .filter(|r| !matches!(ep(r, "LS"), "V3" | "V4"))
            .collect();
        let Some(header) = headers.get(child) else {
            continue;
        };
        if episodes.is_empty() {
            continue;
        }
        let in_year = episodes.iter().any(|r| {
            let dec = ep(r, "DEC");
            let end = if dec.is_empty() {
                Some(ctx.collection_end)
            } else {
                date(dec)
            };
            date(ep(r, "DECOM")).is_some_and(|d| d <= ctx.collection_end)
                && end.is_some_and(|d| d >= ctx.collection_start)
        });
        let (mother, sex) = (
            header.get(Table::Header, "MOTHER"),
            header.get(Table::Header, "SEX"),
        );
        let bad = !matches!(mother, "" | "0" | "1")
            || (!mother.is_empty() && sex == male)
            || (mother.is_empty() && sex == female && in_year);
        if !bad {
            continue;
        }
        out.push(finding(RULE.code, Table::Header, header, "MOTHER"));
        for row in oc3.get(child).into_iter().flatten() {
            out.push(finding(RULE.code, Table::Oc3, row, "IN_TOUCH"));
        }
    }
}
