//! Family Safeguarding partnership figures: what partners (police, the acute trust, the recovery
//! service, schools) supply about each family, month by month — the measures the Hertfordshire
//! evaluations compared before and after a family's involvement (research/indicators.md §4).
//!
//! They arrive as `partnership.csv` (`child_id,measure,month,value`; read by
//! `metrics::partnership::read_partnership`) and are held at the dataset level, sorted by child,
//! measure and month, like the practice records.

use crate::{ChildId, Month};
use serde::{Deserialize, Serialize};

/// A partner's measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PartnerMeasure {
    /// Police call-outs for domestic abuse to the family's household (a count).
    #[serde(rename = "police_da_callouts")]
    PoliceDomesticAbuseCallOuts,
    /// Attendances at an emergency department by the family's children or adults (a count).
    #[serde(rename = "ae_attendances")]
    AeAttendances,
    /// Starts of treatment for substance use or mental health by the family's adults (a count).
    #[serde(rename = "treatment_starts")]
    TreatmentStarts,
    /// School attendance of the family's children: % of sessions attended, 0 to 100.
    #[serde(rename = "school_attendance_pct")]
    SchoolAttendance,
}

impl PartnerMeasure {
    pub const ALL: [PartnerMeasure; 4] = [
        PartnerMeasure::PoliceDomesticAbuseCallOuts,
        PartnerMeasure::AeAttendances,
        PartnerMeasure::TreatmentStarts,
        PartnerMeasure::SchoolAttendance,
    ];
    /// The code used in `partnership.csv` (and in the store).
    pub fn code(self) -> &'static str {
        match self {
            PartnerMeasure::PoliceDomesticAbuseCallOuts => "police_da_callouts",
            PartnerMeasure::AeAttendances => "ae_attendances",
            PartnerMeasure::TreatmentStarts => "treatment_starts",
            PartnerMeasure::SchoolAttendance => "school_attendance_pct",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
    pub fn title(self) -> &'static str {
        match self {
            PartnerMeasure::PoliceDomesticAbuseCallOuts => "Police domestic-abuse call-outs",
            PartnerMeasure::AeAttendances => "A&E attendances",
            PartnerMeasure::TreatmentStarts => "Treatment starts (substance use, mental health)",
            PartnerMeasure::SchoolAttendance => "School attendance (% of sessions)",
        }
    }
    /// Whether the measure is a count (a whole number of at least 0); otherwise it is a
    /// percentage from 0 to 100.
    pub fn is_count(self) -> bool {
        self != PartnerMeasure::SchoolAttendance
    }
}

/// One partner figure for one family and month. A family is named by the child of its Family
/// Safeguarding involvement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerFigure {
    pub child: ChildId,
    pub measure: PartnerMeasure,
    /// Stored as written in the file: `YYYY-MM`.
    #[serde(with = "month_text")]
    pub month: Month,
    /// A whole number for counts; a percentage from 0 to 100 for attendance.
    pub value: f64,
}

/// Natural key: a later file's figure for the same family, measure and month replaces the
/// stored one.
pub fn partner_figure_key(f: &PartnerFigure) -> (&ChildId, PartnerMeasure, Month) {
    (&f.child, f.measure, f.month)
}

/// A month as `YYYY-MM` text.
mod month_text {
    use crate::Month;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(super) fn serialize<S: Serializer>(m: &Month, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(m)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| D::Error::custom(format!("'{text}' is not a month YYYY-MM")))
    }
}
