//! # What it checks
//!
//! Each row of the OC3 table that has care leaver information (any of `IN_TOUCH`, `ACTIV`, `ACCOM`)
//! is of a young person who did not cease to be looked after on or after the 17th or 18th birthday
//! that falls in the collection year (from the OC3 `DOB`): an episode in the Episodes table whose
//! `DEC` is on or after that birthday is reported.
//!
//! # Why
//!
//! Care leaver information is collected on the birthday for young people who had left care by then;
//! one who was still looked after on the birthday is not yet a care leaver for that year.
//!
//! # DfE wording
//!
//! Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1016",
    message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    oc3_rows_where(out, RULE.code, &ret.current, |r| {
        let Some(dob) = date(r.get(Table::Oc3, "DOB")) else {
            return false;
        };
        let Some(eps) = episodes.get(r.child()) else {
            return false;
        };
        [17, 18].into_iter().any(|years| {
            let day = birthday(dob, years);
            (ctx.collection_start..=ctx.collection_end).contains(&day)
                && eps.iter().any(|e| e.end.is_some_and(|end| end >= day))
        })
    });
}
