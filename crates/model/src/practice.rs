//! Practice records from the case-management extract: contacts, strategy discussions, statutory
//! visits, case supervisions, chronology entries and return-home interviews; and the population
//! table behind rates per 10,000 children.
//!
//! Each record names its child (or, for a population estimate, its area and year). They are held
//! at the dataset level, like case allocations, sorted by child and then date, so one child's
//! records are together; [`of_child`] finds them.

use crate::ChildId;
use crate::codes::ReferralSource;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A contact: information received about a child that might become a referral (Annex A list 1;
/// SSD `ssd_contacts`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub child: ChildId,
    /// `cont_contact_date`: the day the contact was received.
    pub date: Date,
    /// `cont_contact_source_code`, in the CIN census `ReferralSource` code set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ReferralSource>,
    /// The contact's outcome was a referral to children's social care.
    pub led_to_referral: bool,
}

/// A strategy discussion (Working Together 2023), which may decide to start section 47
/// enquiries. The SSD holds its date as `s47e_s47_start_date`; the CIN census does not hold it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StrategyDiscussion {
    pub child: ChildId,
    pub date: Date,
    /// The start date of the section 47 enquiry it led to (CIN census `S47ActualStartDate`), if
    /// any: the link to the enquiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s47_start: Option<Date>,
}

/// What kind of statutory visit a visit was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VisitKind {
    /// To a child on a child protection plan (SSD `ssd_cp_visits`).
    #[serde(rename = "CP")]
    ChildProtection,
    /// To a child in need on a CIN plan (SSD `ssd_cin_visits`).
    #[serde(rename = "CIN")]
    ChildInNeed,
    /// To a looked-after child, under regulation 28 of the Care Planning, Placement and Case
    /// Review (England) Regulations 2010 (SSD `ssd_cla_visits`).
    #[serde(rename = "CLA")]
    LookedAfter,
}

impl VisitKind {
    pub const ALL: [Self; 3] = [Self::ChildProtection, Self::ChildInNeed, Self::LookedAfter];
    /// The code used in extracts.
    pub fn code(self) -> &'static str {
        match self {
            Self::ChildProtection => "CP",
            Self::ChildInNeed => "CIN",
            Self::LookedAfter => "CLA",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A statutory visit to a child by their worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub child: ChildId,
    /// The worker who visited (as in the workers extract).
    pub worker: String,
    /// `cppv_cp_visit_date`, `cinv_cin_visit_date`, `clav_cla_visit_date`.
    pub date: Date,
    pub kind: VisitKind,
    /// The child was seen (`…_visit_seen`).
    pub seen: bool,
    /// The child was seen alone (`…_visit_seen_alone`).
    pub seen_alone: bool,
}

/// A supervision of a worker's work on a child's case (no SSD table holds supervision).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Supervision {
    pub child: ChildId,
    /// The worker supervised.
    pub worker: String,
    pub date: Date,
}

/// An entry in a child's chronology: a significant event and when it was written up (no SSD
/// table holds the chronology).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChronologyEntry {
    pub child: ChildId,
    /// The day the event happened.
    pub event_date: Date,
    /// The day it was recorded in the chronology.
    pub recorded_date: Date,
    /// What kind of event, in the case-management system's words (e.g. `Visit`, `Strategy
    /// discussion`).
    pub event: String,
}

/// A return-home interview after a child came back from being missing (Annex A list 8; SSD
/// `ssd_missing`: `miss_missing_rhi_offered`, `miss_missing_rhi_accepted`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReturnHomeInterview {
    pub child: ChildId,
    /// The start of the missing episode (SSDA903 `MIS_START`): the link to the episode.
    pub missing_start: Date,
    /// The day the interview was offered; `None` when it was not offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offered: Option<Date>,
    /// Whether the child accepted it; `None` when not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<bool>,
    /// The day the interview took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
}

/// An estimate of the number of children aged 0 to 17 living in an area at 30 June of a year,
/// from a named release (its vintage).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PopulationEstimate {
    pub area: String,
    pub year: i16,
    pub children_0_17: u64,
    pub vintage: String,
}

/// Records that name a child, sorted by child.
pub trait ChildRecord {
    fn child(&self) -> &ChildId;
}

macro_rules! child_record {
    ($($t:ty),*) => {$(
        impl ChildRecord for $t {
            fn child(&self) -> &ChildId {
                &self.child
            }
        }
    )*};
}
child_record!(
    Contact,
    StrategyDiscussion,
    Visit,
    Supervision,
    ChronologyEntry,
    ReturnHomeInterview,
    crate::CaseAllocation,
    crate::FamilySafeguardingInvolvement,
    crate::PartnerFigure
);

/// The records of one child in a list sorted by child (as [`crate::Dataset::normalise`] sorts).
pub fn of_child<'a, T: ChildRecord>(records: &'a [T], child: &ChildId) -> &'a [T] {
    let start = records.partition_point(|r| r.child() < child);
    let len = records[start..].partition_point(|r| r.child() == child);
    &records[start..start + len]
}

/// The date of the latest of `visits` (one child's, in any order) of `kind` with the child seen,
/// from `from` to `to`, both included.
pub fn latest_seen_visit(visits: &[Visit], kind: VisitKind, from: Date, to: Date) -> Option<Date> {
    visits
        .iter()
        .filter(|v| v.kind == kind && v.seen && from <= v.date && v.date <= to)
        .map(|v| v.date)
        .max()
}

/// The practice records of a dataset or extract, borrowed for sorting.
pub struct PracticeMut<'a> {
    pub contacts: &'a mut [Contact],
    pub strategy_discussions: &'a mut [StrategyDiscussion],
    pub visits: &'a mut [Visit],
    pub supervisions: &'a mut [Supervision],
    pub chronology: &'a mut [ChronologyEntry],
    pub return_home_interviews: &'a mut [ReturnHomeInterview],
}

impl PracticeMut<'_> {
    /// Sorts each list by child, then by its natural key (ties keep their order).
    pub fn normalise(self) {
        self.contacts
            .sort_by(|a, b| contact_key(a).cmp(&contact_key(b)));
        self.strategy_discussions
            .sort_by(|a, b| (&a.child, a.date).cmp(&(&b.child, b.date)));
        self.visits.sort_by(|a, b| visit_key(a).cmp(&visit_key(b)));
        self.supervisions
            .sort_by(|a, b| supervision_key(a).cmp(&supervision_key(b)));
        self.chronology
            .sort_by(|a, b| chronology_key(a).cmp(&chronology_key(b)));
        self.return_home_interviews
            .sort_by(|a, b| (&a.child, a.missing_start).cmp(&(&b.child, b.missing_start)));
    }
}

/// Natural keys: a later extract's record with the same key replaces the stored one.
pub fn contact_key(c: &Contact) -> (&ChildId, Date) {
    (&c.child, c.date)
}
pub fn strategy_discussion_key(s: &StrategyDiscussion) -> (&ChildId, Date) {
    (&s.child, s.date)
}
pub fn visit_key(v: &Visit) -> (&ChildId, Date, VisitKind, &str) {
    (&v.child, v.date, v.kind, &v.worker)
}
pub fn supervision_key(s: &Supervision) -> (&ChildId, Date, &str) {
    (&s.child, s.date, &s.worker)
}
pub fn chronology_key(c: &ChronologyEntry) -> (&ChildId, Date, Date, &str) {
    (&c.child, c.event_date, c.recorded_date, &c.event)
}
pub fn return_home_interview_key(r: &ReturnHomeInterview) -> (&ChildId, Date) {
    (&r.child, r.missing_start)
}
