//! # What it checks
//!
//! With the previous year's return given: each row of the OC3 table that has care leaver
//! information (any of `IN_TOUCH`, `ACTIV`, `ACCOM`) is of a relevant or former relevant child:
//! looked after for at least 13 weeks (91 days) in all after their 14th birthday, some of it after
//! their 16th. The episodes of both years are counted once each (an episode open at the end of last
//! year is this year's first, with the same `DECOM`), short breaks (`LS` `V3`, `V4`) left out, an
//! episode still open counted to 31 March. A child who falls short is reported, as is one whose
//! last episode (by `DECOM`) ended in adoption (`REC` `E11`, `E12`: an adopted child is no longer
//! owed leaving care duties), or one with no episode in either year (no care is recorded at all);
//! one with episodes but no Header `DOB` that is a date is not judged. Without the previous year's
//! return nothing is checked; care before last year is not seen, so the rule can report a young
//! person whose care ended earlier.
//!
//! # Why
//!
//! Care leaver information is collected about relevant and former relevant children, those the
//! council owes leaving care duties; a young person who was not looked after long enough after 14
//! is not one of them.
//!
//! # DfE wording
//!
//! The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "1001",
    message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let headers = header_rows(&ret.current);
    let this_year = episodes_by_child(&ret.current);
    let last_year = episodes_by_child(previous);
    oc3_rows_where(out, RULE.code, &ret.current, |r| {
        let last = this_year
            .get(r.child())
            .and_then(|e| e.last())
            .or_else(|| last_year.get(r.child()).and_then(|e| e.last()));
        if last.is_some_and(|e| adopted(e.get("REC"))) {
            return true;
        }
        let mut spans: HashMap<Date, Option<Date>> = HashMap::new();
        for e in last_year.get(r.child()).into_iter().flatten() {
            if !matches!(e.get("LS"), "V3" | "V4") {
                spans.insert(e.start, e.end);
            }
        }
        for e in this_year.get(r.child()).into_iter().flatten() {
            if !matches!(e.get("LS"), "V3" | "V4") {
                spans.insert(e.start, e.end);
            }
        }
        if spans.is_empty() {
            return true;
        }
        let Some(dob) = headers
            .get(r.child())
            .and_then(|h| date(h.get(Table::Header, "DOB")))
        else {
            return false;
        };
        let (at14, at16) = (birthday(dob, 14), birthday(dob, 16));
        let days_after = |from: Date| -> i64 {
            spans
                .iter()
                .map(|(start, end)| {
                    let end = end.unwrap_or(ctx.collection_end);
                    let start = (*start).max(from);
                    i64::from((end - start).get_days()).max(0)
                })
                .sum()
        };
        days_after(at14) < 91 || days_after(at16) == 0
    });
}
