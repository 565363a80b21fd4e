//! # What it checks
//!
//! Within an episode, no Section 47 enquiry starts while another is ongoing: after the other's
//! start and on or before its `DateOfInitialCPC`, or at any time after its start when it is open
//! (no conference date and not marked `ICPCnotRequired`). The enquiry that starts during the other
//! is reported.
//!
//! # Why
//!
//! A child has one Section 47 enquiry at a time within an episode; a second one starting during the
//! first is a duplicate or a recording error.
//!
//! # DfE wording
//!
//! A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8890",
    message: "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let mut hit = vec![false; ep.section47.len()];
        for (i, a) in ep.section47.iter().enumerate() {
            let Some(start) = date(a.actual_start_date.as_ref()) else {
                continue;
            };
            let during: Vec<usize> = ep.section47.iter().enumerate().filter(|&(j, b)| {
                let Some(b_start) = date(b.actual_start_date.as_ref()) else {
                    return false;
                };
                let ongoing = match date(b.date_of_initial_cpc.as_ref()) {
                    Some(end) => start <= end,
                    None => open_s47(b),
                };
                j != i && b_start < start && ongoing
            }).map(|(j, _)| j).collect();
            if !during.is_empty() {
                hit[i] = true;
                for j in during {
                    hit[j] = true;
                }
            }
        }
        for (a, hit) in ep.section47.iter().zip(hit) {
            if hit {
                flag(out, RULE.code, child, SECTION47, a.place, "S47ActualStartDate", a.actual_start_date.as_ref());
            }
        }
    }
}
