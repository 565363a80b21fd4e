//! # What it checks
//!
//! Each child's last social worker episode in the SWEpisodes table (by `SW_DECOM`; episodes whose
//! `SW_DECOM` is not a date left out) has no `SW_DEC`: it is still open at 31 March. One with an
//! `SW_DEC` is reported.
//!
//! # Why
//!
//! Social worker episodes are returned for children looked after at 31 March, each of whom has an
//! allocated social worker at the end of the year.
//!
//! # DfE wording
//!
//! There is no social worker episode open at 31 March

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW17STG2",
    message: "There is no social worker episode open at 31 March",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        if let Some(last) = eps.last()
            && !sw(last.row, "SW_DEC").is_empty()
        {
            out.push(finding(RULE.code, Table::SwEpisodes, last.row, "SW_DEC"));
        }
    }
}
