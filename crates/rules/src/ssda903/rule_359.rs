//! # What it checks
//!
//! Each open episode (blank `DEC`) of a child who turned 18 before 31 March, by the child's `DOB` in
//! the Header table, is under section 20(5) (`LS` `V2`) in a children's home (`PLACE` `K2`).
//!
//! # Why
//!
//! A young person may stay looked after beyond 18 only when accommodated under section 20(5) of the
//! Children Act 1989 in a community home; any other open episode should have ended at 18.
//!
//! # DfE wording
//!
//! Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "359",
    message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let adult = headers
            .get(row.child())
            .and_then(|h| date(h.get(Table::Header, "DOB")))
            .is_some_and(|dob| birthday(dob, 18) < ctx.collection_end);
        if adult
            && ep(row, "DEC").is_empty()
            && !(ep(row, "LS") == "V2" && ep(row, "PLACE") == "K2")
        {
            out.push(finding(RULE.code, table, row, "LS"));
        }
    }
}
