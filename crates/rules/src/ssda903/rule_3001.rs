//! # What it checks
//!
//! Each row of the OC3 table of a young person whose 17th birthday (from the Header `DOB`) falls in
//! the collection year has an `ACCOM` other than `Z1` or `Z2` (with former foster carers).
//!
//! # Why
//!
//! Staying with former foster carers (staying put) is an arrangement for young people of 18 and
//! over; a young person of 17 living with foster carers is still in a foster placement, and so
//! looked after rather than a care leaver.
//!
//! # DfE wording
//!
//! Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "3001",
    message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    for row in ret.current.rows(Table::Oc3) {
        if !matches!(row.get(Table::Oc3, "ACCOM"), "Z1" | "Z2") {
            continue;
        }
        let dob = headers
            .get(row.child())
            .and_then(|h| date(h.get(Table::Header, "DOB")));
        if let Some(dob) = dob
            && (ctx.collection_start..=ctx.collection_end).contains(&birthday(dob, 17))
        {
            out.push(finding(RULE.code, Table::Oc3, row, "ACCOM"));
        }
    }
}
