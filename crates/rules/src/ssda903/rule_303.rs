//! # What it checks
//!
//! Each child with a date UASC status ceased (`DUC` given in their row of the UASC table) has UASC
//! status `1` in the Header table. The Header row and the UASC row are reported. When the status
//! is derived from the UASC table (a Header file without the `UASC` column) a child with a UASC
//! row is always `1`, so the rule reports the status written in the XML form or the Header file's
//! own column.
//!
//! # Why
//!
//! Only an unaccompanied asylum-seeking child can stop being one: a date the status ceased
//! contradicts a status of `0` (or none).
//!
//! # DfE wording
//!
//! If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.

use super::common::*;
use super::common_uasc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "303",
    message: "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let ret = &ret.current;
    if !gives_status(ret) {
        return;
    }
    let ceased: HashMap<&str, Vec<_>> = by_child(ret, Table::Uasc)
        .into_iter()
        .map(|(child, rows)| {
            let with_duc: Vec<_> = rows
                .into_iter()
                .filter(|r| !r.get(Table::Uasc, "DUC").is_empty())
                .collect();
            (child, with_duc)
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    let mut reported = HashSet::new();
    for header in ret.rows(Table::Header) {
        let Some(rows) = ceased.get(header.child()) else {
            continue;
        };
        if status_of(header) == Status::Uasc {
            continue;
        }
        out.push(finding(RULE.code, Table::Header, header, "UASC"));
        for row in rows {
            if reported.insert(row.row) {
                out.push(finding(RULE.code, Table::Uasc, row, "DUC"));
            }
        }
    }
}
