//! # What it checks
//!
//! Each episode that ended in adoption (`REC` `E1`, `E11` or `E12`) agrees with the AD1 table's
//! `FOSTER_CARE` (adopted by the foster carer): a last placement with the foster carer as adopter
//! (`PLACE` `A2`, `A3` or `A5`) needs `FOSTER_CARE` `1`, and one with other adopters (`A1`, `A4` or
//! `A6`) needs `0`. The episode and the AD1 row are reported.
//!
//! # Why
//!
//! The placement code already says whether the adopters were the child's foster carers; the AD1 flag
//! must say the same.
//!
//! # DfE wording
//!
//! The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "335",
    message: "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let adoptions = ret.current.rows(Table::Ad1);
    for row in ret.current.rows(Table::Episodes) {
        if !matches!(ep(row, "REC"), "E1" | "E11" | "E12") {
            continue;
        }
        let place = ep(row, "PLACE");
        for ad1 in adoptions.iter().filter(|a| a.child() == row.child()) {
            let foster = ad1.get(Table::Ad1, "FOSTER_CARE");
            let conflict = (matches!(place, "A2" | "A3" | "A5") && foster == "0")
                || (matches!(place, "A1" | "A4" | "A6") && foster == "1");
            if conflict {
                out.push(finding(RULE.code, Table::Episodes, row, "PLACE"));
                out.push(finding(RULE.code, Table::Ad1, ad1, "FOSTER_CARE"));
            }
        }
    }
}
