//! # What it checks
//!
//! Each ended episode agrees with what follows it (the child's next episode by `DECOM`): `REC` `X1`
//! (a new episode begins) needs a next episode starting on the `DEC`; a `REC` that ends the period
//! of care needs any next episode to start later than the `DEC`; a child's last episode cannot end
//! with `X1`. An episode coded `X1` with no `DEC` (still open) is reported too: it has not ended,
//! so no episode can continue it (rule 148 reports the blank `DEC` as well). Episodes whose
//! `DECOM` is not a date, and ends whose `DEC` is not a date, are left to other rules.
//!
//! # Why
//!
//! `X1` says the child stays looked after in a new episode; without that episode the period of care
//! has an end the return does not explain.
//!
//! # DfE wording
//!
//! Reason episode ceased is coded new episode begins, but there is no continuation episode.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "388",
    message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, episodes) in episodes_in_order(&ret.current) {
        for (i, (_, row)) in episodes.iter().enumerate() {
            let rec = ep(row, "REC");
            let Some(dec) = date(ep(row, "DEC")) else {
                if rec == "X1" && ep(row, "DEC").is_empty() {
                    out.push(finding(RULE.code, Table::Episodes, row, "REC"));
                }
                continue;
            };
            let bad = match episodes.get(i + 1) {
                Some((next, _)) => {
                    let joined = dec == *next;
                    (rec == "X1" && !joined) || (rec != "X1" && !rec.is_empty() && joined)
                }
                None => rec == "X1",
            };
            if bad {
                out.push(finding(RULE.code, Table::Episodes, row, "REC"));
            }
        }
    }
}
