//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is filled in holds a reason of the current list: `X1`
//! (a new episode begins the same day), `E11`, `E12` (adopted), `E2` (died), `E3` (care taken over
//! by another authority), `E4A`, `E4B` (returned home), `E13`, `E41`, `E45` to `E48` (child
//! arrangements and special guardianship orders), `E5`, `E6`, `E7`, `E8`, `E9`, `E14` to `E17`. The
//! codes `E43` and `E44`, replaced in 2018-19, are reported. A blank `REC` (an open episode) is
//! left to rule 148.
//!
//! # Why
//!
//! Why children leave care is a national measure (adoptions, special guardianship, returns home);
//! it is counted by these codes only.
//!
//! # DfE wording
//!
//! Reason episode ceased code is not valid. 

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "149",
    message: "Reason episode ceased code is not valid. ",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "REC", |v| {
        !matches!(
            v,
            "" | "X1" | "E11" | "E12" | "E2" | "E3" | "E4A" | "E4B" | "E13" | "E41" | "E45" | "E46"
                | "E47" | "E48" | "E5" | "E6" | "E7" | "E8" | "E9" | "E14" | "E15" | "E16" | "E17"
        )
    });
}
