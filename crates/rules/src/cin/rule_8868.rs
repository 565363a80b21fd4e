//! # What it checks
//!
//! In an episode with a `CINclosureDate`, every Section 47 enquiry has a `DateOfInitialCPC` or
//! `ICPCnotRequired` set (1 or true). The episode and each open enquiry are reported.
//!
//! # Why
//!
//! An episode closes when the work is done; an enquiry neither concluded by a conference nor marked
//! as not needing one was left behind.
//!
//! # DfE wording
//!
//! CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8868",
    message: "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if date(ep.cin_closure_date.as_ref()).is_none() {
            continue;
        }
        let open: Vec<_> = ep
            .section47
            .iter()
            .filter(|s| !concluded(s))
            .collect();
        if !open.is_empty() {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
            for s in open {
                flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
            }
        }
    }
}

/// Whether an enquiry shows how it ended: a conference date with a conference needed, or no date
/// with `ICPCnotRequired` set. A date and the flag together contradict each other.
fn concluded(s: &formats::cin::raw::RawSection47) -> bool {
    let held = date(s.date_of_initial_cpc.as_ref()).is_some();
    held != is_true(s.icpc_not_required.as_ref())
}
