//! # What it checks
//!
//! A child with care leaver information in the OC3 table (any of `IN_TOUCH`, `ACTIV`, `ACCOM`) and
//! a row in the UASC table was looked after during the collection year: an episode in the Episodes
//! table that began on or before 31 March and ceased on or after 1 April, or has not ceased.
//! Otherwise the UASC row and the OC3 row are reported.
//!
//! # Why
//!
//! UASC information is returned for children looked after in the year; a care leaver who was not
//! looked after in it has none.
//!
//! # DfE wording
//!
//! UASC information is not required for care leavers

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1014",
    message: "UASC information is not required for care leavers",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    let in_year = |child: &str| {
        episodes.get(child).is_some_and(|eps| {
            eps.iter().any(|e| {
                e.start <= ctx.collection_end
                    && (e.get("DEC").is_empty() || e.end.is_some_and(|d| d >= ctx.collection_start))
            })
        })
    };
    let uasc = rows_by_child(&ret.current, Table::Uasc);
    for row in ret.current.rows(Table::Oc3) {
        if !oc3_completed(row) || in_year(row.child()) {
            continue;
        }
        if let Some(rows) = uasc.get(row.child()) {
            out.push(finding(RULE.code, Table::Oc3, row, "IN_TOUCH"));
            for u in rows {
                out.push(finding(RULE.code, Table::Uasc, u, "DUC"));
            }
        }
    }
}
