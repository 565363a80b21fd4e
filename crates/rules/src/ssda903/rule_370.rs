//! # What it checks
//!
//! 2023-24 only. Each row of the Episodes table with `PLACE` `P2` (independent living, e.g. in a
//! flat, lodgings, bedsit, B&B or with friends, with or without formal support) is of a child aged
//! 16 or over on its `DECOM`, by the child's `DOB` in the Header table. Episodes of children with
//! no Header row, or whose dates are not dates, are left to other rules. Open episodes are checked
//! as well as ended ones (the peer checks only ended ones, as for 371: see PEER_DEFECTS.md).
//!
//! # Why
//!
//! A child living independently has no carer; only a young person of 16 or 17 may be placed so.
//!
//! # DfE wording
//!
//! Child in independent living should be at least 16.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "370",
    message: "Child in independent living should be at least 16.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if row.get(table, "PLACE") != "P2" {
            continue;
        }
        let Some(header) = headers.get(row.child()) else {
            continue;
        };
        if let (Some(dob), Some(on)) = (
            date(header.get(Table::Header, "DOB")),
            date(row.get(table, "DECOM")),
        ) && age(dob, on) < 16
        {
            out.push(finding(RULE.code, table, row, "DECOM"));
        }
    }
}
