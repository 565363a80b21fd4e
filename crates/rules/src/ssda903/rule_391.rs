//! # What it checks
//!
//! Each row of the OC3 table with care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM` filled
//! in) and a `DOB` that is a date is of a young person aged 17, 18, 19, 20 or 21 at some time in
//! the collection year: 17 or over on its last day (31 March) and 21 or under on its first
//! (1 April). A `DOB` that is not a date is left to other rules.
//!
//! # Why
//!
//! Care leaver information is collected for young people around their 17th to 21st birthdays;
//! anyone younger or older is not in the OC3 cohort.
//!
//! # DfE wording
//!
//! Young person was not 17, 18, 19, 20 or 21 during the current collection year. 

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "391",
    message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc3;
    for row in ret.current.rows(table) {
        let filled = ["IN_TOUCH", "ACTIV", "ACCOM"]
            .iter()
            .any(|f| !row.get(table, f).is_empty());
        if let Some(dob) = date(row.get(table, "DOB"))
            && filled
            && (age(dob, ctx.collection_end) < 17 || age(dob, ctx.collection_start) > 21)
        {
            out.push(finding(RULE.code, table, row, "DOB"));
        }
    }
}
