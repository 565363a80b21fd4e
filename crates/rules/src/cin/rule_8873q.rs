//! # What it checks
//!
//! An episode with exactly one assessment, completed (with an `AssessmentAuthorisationDate`) and
//! with factor 21 (no factors identified), has `ReasonForClosure` RC8 or RC9. The episode and the
//! assessment are reported; an open episode is reported too.
//!
//! # Why
//!
//! When the only assessment found no factors, the case normally closes after assessment; another
//! reason, or none, suggests the factors or the closure are not recorded right.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8873Q",
    message: "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let [a] = &ep.assessments[..] else {
            continue;
        };
        let no_factors = a.factors.iter().any(|(_, f)| f.text == "21");
        if no_factors
            && date(a.authorisation_date.as_ref()).is_some()
            && !matches!(text(ep.reason_for_closure.as_ref()), Some("RC8" | "RC9"))
        {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReasonForClosure", ep.reason_for_closure.as_ref());
            flag(out, RULE.code, child, ASSESSMENTS, a.place, "AssessmentFactors", None);
        }
    }
}
