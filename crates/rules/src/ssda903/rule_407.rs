//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is `E45` or `E46` (special guardianship order) and
//! whose `DEC` is a date is of a child under 18 on that day, by the Header `DOB`; the episode and
//! the child's Header row are reported.
//!
//! # Why
//!
//! A special guardianship order is made for a child; a young person of 18 or over leaves care for
//! another reason.
//!
//! # DfE wording
//!
//! Reason episode ceased is Special Guardianship Order, but child has reached age 18.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "407",
    message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    for row in ret.current.rows(Table::Episodes) {
        if !matches!(ep(row, "REC"), "E45" | "E46") {
            continue;
        }
        let dob = headers
            .get(row.child())
            .and_then(|h| date(h.get(Table::Header, "DOB")));
        if let (Some(dob), Some(dec)) = (dob, date(ep(row, "DEC")))
            && age(dob, dec) >= 18
        {
            out.push(finding(RULE.code, Table::Episodes, row, "REC"));
            if let Some(h) = headers.get(row.child()) {
                out.push(finding(RULE.code, Table::Header, h, "DOB"));
            }
        }
    }
}
