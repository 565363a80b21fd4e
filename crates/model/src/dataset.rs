//! The child-journey model: every child with the whole of their journey, and the workforce.

use crate::CollectionYear;
use crate::codes::*;
use crate::practice::*;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The local authority's own identifier for a child (CIN `LAchildID`, SSDA903 `CHILD`). The same
/// id links a child's CIN census record, SSDA903 return and case-management extracts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct ChildId(pub String);

impl fmt::Display for ChildId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ChildId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

/// Everything the council knows, sorted by child id. Built by `formats` readers and the store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Child>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workers: Vec<Worker>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allocations: Vec<CaseAllocation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub family_safeguarding: Vec<FamilySafeguardingInvolvement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategy_discussions: Vec<StrategyDiscussion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervisions: Vec<Supervision>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chronology: Vec<ChronologyEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub return_home_interviews: Vec<ReturnHomeInterview>,
    /// Children aged 0 to 17 in the area, by year, for rates per 10,000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub population: Vec<PopulationEstimate>,
    /// The Family Safeguarding partners' monthly figures for each family (`partnership.csv`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partner_figures: Vec<crate::PartnerFigure>,
}

impl Dataset {
    /// Sorts children and their events into their canonical order (children by id; events by
    /// date), so that two datasets holding the same facts compare equal and print the same.
    pub fn normalise(&mut self) {
        self.children.sort_by(|a, b| a.id.cmp(&b.id));
        for child in &mut self.children {
            child.normalise();
        }
        normalise_workforce(
            &mut self.teams,
            &mut self.workers,
            &mut self.allocations,
            &mut self.family_safeguarding,
        );
        self.practice_mut().normalise();
        self.population
            .sort_by(|a, b| (&a.area, a.year).cmp(&(&b.area, b.year)));
        self.partner_figures
            .sort_by(|a, b| crate::partner_figure_key(a).cmp(&crate::partner_figure_key(b)));
    }

    /// The practice records, borrowed for sorting.
    pub fn practice_mut(&mut self) -> PracticeMut<'_> {
        PracticeMut {
            contacts: &mut self.contacts,
            strategy_discussions: &mut self.strategy_discussions,
            visits: &mut self.visits,
            supervisions: &mut self.supervisions,
            chronology: &mut self.chronology,
            return_home_interviews: &mut self.return_home_interviews,
        }
    }

    /// The child with this id, if any (children must be sorted, see [`Dataset::normalise`]).
    pub fn child(&self, id: &ChildId) -> Option<&Child> {
        self.children
            .binary_search_by(|c| c.id.cmp(id))
            .ok()
            .map(|i| &self.children[i])
    }
}

/// Sorts workforce records into their canonical order (teams and workers by id; allocations and
/// Family Safeguarding involvements by child, then start). Ties keep their order.
pub fn normalise_workforce(
    teams: &mut [Team],
    workers: &mut [Worker],
    allocations: &mut [CaseAllocation],
    family_safeguarding: &mut [FamilySafeguardingInvolvement],
) {
    teams.sort_by(|a, b| a.id.cmp(&b.id));
    workers.sort_by(|a, b| a.id.cmp(&b.id));
    allocations.sort_by(|a, b| (&a.child, a.start, &a.worker).cmp(&(&b.child, b.start, &b.worker)));
    family_safeguarding.sort_by(|a, b| (&a.child, a.start).cmp(&(&b.child, b.start)));
}

/// A child, unborn child or young person known to children's social care.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Child {
    pub id: ChildId,
    /// Unique Pupil Number, 13 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub former_upn: Option<String>,
    /// Why there is no UPN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upn_unknown: Option<UpnUnknown>,
    /// Date of birth, or `None` for an unborn child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// Expected date of birth of an unborn child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_birth_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub death_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<Ethnicity>,
    /// Disabilities as recorded on the CIN census (empty when none were recorded; `NONE` is a code).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disabilities: Vec<Disability>,
    /// Unaccompanied asylum-seeking child status, from the SSDA903 UASC table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uasc: Option<UascStatus>,
    /// SSDA903 `MOTHER`: whether the child is a mother, and the date of birth of her child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mother: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mothers_child_birth_date: Option<Date>,
    /// Referrals and what followed (CIN census `CINdetails`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referrals: Vec<Referral>,
    /// SSDA903 episodes of care, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cla_episodes: Vec<ClaEpisode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cla_reviews: Vec<ClaReview>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_episodes: Vec<MissingEpisode>,
    /// SSDA903 OC3: care-leaver records around the young person's birthdays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care_leaver_records: Vec<CareLeaverRecord>,
    /// SSDA903 OC2: outcomes for children looked after continuously for 12 months, one per
    /// collection year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<ClaOutcomes>,
    /// SSDA903 AD1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<Adoption>,
    /// SSDA903 PlacedAdoption: decisions that the child should be placed for adoption.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placed_for_adoption: Vec<PlacedForAdoption>,
    /// SSDA903 PrevPerm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_permanence: Option<PreviousPermanenceOrder>,
    /// SSDA903 SWEpisodes: the child's social workers while looked after.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub social_worker_episodes: Vec<SocialWorkerEpisode>,
}

impl Child {
    /// Sorts the child's events into date order.
    pub fn normalise(&mut self) {
        self.disabilities.sort();
        self.disabilities.dedup();
        self.referrals.sort_by_key(|r| r.referral_date);
        for r in &mut self.referrals {
            r.assessments.sort_by_key(|a| a.start_date);
            r.cin_plans.sort_by_key(|p| p.start_date);
            r.section47s.sort_by_key(|s| s.start_date);
            r.cp_plans.sort_by_key(|p| p.start_date);
            for p in &mut r.cp_plans {
                p.review_dates.sort();
            }
        }
        self.cla_episodes.sort_by_key(|e| e.start_date);
        self.cla_reviews.sort_by_key(|r| r.date);
        self.missing_episodes.sort_by_key(|m| m.start_date);
        self.care_leaver_records.sort_by_key(|c| c.year);
        self.outcomes.sort_by_key(|o| o.year);
        self.placed_for_adoption.sort_by_key(|p| p.date_placed);
        self.social_worker_episodes.sort_by_key(|s| s.start_date);
    }

    /// All CIN plans of the child, across referrals.
    pub fn cin_plans(&self) -> impl Iterator<Item = &CinPlan> {
        self.referrals.iter().flat_map(|r| r.cin_plans.iter())
    }

    /// All child protection plans of the child, across referrals.
    pub fn cp_plans(&self) -> impl Iterator<Item = &CpPlan> {
        self.referrals.iter().flat_map(|r| r.cp_plans.iter())
    }

    /// Whether the child was an unaccompanied asylum-seeking child on `d`.
    pub fn is_uasc_on(&self, d: Date) -> bool {
        self.uasc
            .as_ref()
            .is_some_and(|u| u.ceased.is_none_or(|ceased| d < ceased))
    }

    /// Whether the child was an unaccompanied asylum-seeking child at any time.
    pub fn was_ever_uasc(&self) -> bool {
        self.uasc.is_some()
    }
}

/// UASC status (SSDA903 UASC table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UascStatus {
    /// Date UASC status ceased (`DUC`), usually the 18th birthday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceased: Option<Date>,
}

/// A referral to children's social care and the episode that followed (CIN census `CINdetails`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Referral {
    pub referral_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ReferralSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_need: Option<PrimaryNeed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_for_closure: Option<ReasonForClosure>,
    /// The referral led to no further action (`ReferralNFA`).
    pub no_further_action: bool,
    /// Date of the initial child protection conference when held without a S47 at this level
    /// (`CINdetails/DateOfInitialCPC`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_cpc_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cin_plans: Vec<CinPlan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section47s: Vec<Section47>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cp_plans: Vec<CpPlan>,
    /// Pre-proceedings and family group decision making in this episode (the
    /// `PreProceedingsandFGDM` block, from the 2026-27 census).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_proceedings: Option<PreProceedings>,
}

/// Pre-proceedings under the Public Law Outline and the family group decision making offered
/// with them (CIN census `CINdetails/PreProceedingsandFGDM`, from 2026-27). The DfE has not yet
/// published the block's schema or code list, so every item is optional and the outcome is kept
/// as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PreProceedings {
    /// `PPStartDate`: the day pre-proceedings started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    /// `LBPSentDate`: the day the letter before proceedings was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_before_proceedings_date: Option<Date>,
    /// `FGDMMeetingOffer`: whether a family group decision making meeting was offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fgdm_offered: Option<bool>,
    /// `FGDMMeetingFac`: whether a family group decision making meeting was facilitated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fgdm_facilitated: Option<bool>,
    /// `InitialPPMeetingDate`: the day of the initial pre-proceedings meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_meeting_date: Option<Date>,
    /// `ReviewMeetingsCount`: how many pre-proceedings review meetings were held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_meetings: Option<u32>,
    /// `StepDecisionDate`: the day of the decision to step up to proceedings or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_decision_date: Option<Date>,
    /// `PPOutcome`: the outcome code, as written (no code list is published yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// `CourtAppDate`: the day the application to court was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court_application_date: Option<Date>,
    /// `LetterInitCPDate`: the date the census element `LetterInitCPDate` records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_init_cp_date: Option<Date>,
}

impl Referral {
    /// Whether the episode is open on `d` (referral on or before `d`, not closed before it).
    pub fn is_open_on(&self, d: Date) -> bool {
        self.referral_date <= d && self.closure_date.is_none_or(|c| d <= c)
    }
}

/// A child and family assessment (CIN census `Assessments`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Assessment {
    pub start_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_review_date: Option<Date>,
    /// The date the assessment was completed and authorised; `None` while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorised_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<AssessmentFactor>,
}

/// A child in need plan (CIN census `CINPlanDates`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CinPlan {
    pub start_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
}

impl CinPlan {
    /// Whether the plan is open on `d`, both ends included.
    pub fn is_open_on(&self, d: Date) -> bool {
        self.start_date <= d && self.end_date.is_none_or(|e| d <= e)
    }
}

/// A section 47 enquiry and its initial conference (CIN census `Section47`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Section47 {
    pub start_date: Date,
    /// Target date for the initial child protection conference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icpc_target_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icpc_date: Option<Date>,
    /// The enquiry concluded that no conference was needed.
    pub icpc_not_required: bool,
}

/// A child protection plan (CIN census `ChildProtectionPlans`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CpPlan {
    pub start_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_category: Option<CategoryOfAbuse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_category: Option<CategoryOfAbuse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_previous_plans: Option<u32>,
    /// Review conference dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review_dates: Vec<Date>,
}

impl CpPlan {
    /// Whether the plan is open on `d`, both ends included.
    pub fn is_open_on(&self, d: Date) -> bool {
        self.start_date <= d && self.end_date.is_none_or(|e| d <= e)
    }
}

/// An episode of care (SSDA903 Episodes): a new one starts whenever legal status or placement changes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClaEpisode {
    /// `DECOM`.
    pub start_date: Date,
    /// `RNE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_new_episode: Option<ReasonNewEpisode>,
    /// `LS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<LegalStatus>,
    /// `CIN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_of_need: Option<CategoryOfNeed>,
    /// `PLACE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<Placement>,
    /// `PLACE_PROVIDER`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_provider: Option<PlacementProvider>,
    /// `DEC`; `None` while the episode is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// `REC`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_ceased: Option<ReasonEpisodeCeased>,
    /// `REASON_PLACE_CHANGE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_place_change: Option<ReasonPlaceChange>,
    /// `HOME_POST`: the postcode of the home the child was living at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_postcode: Option<String>,
    /// `PL_POST`: the postcode of the placement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_postcode: Option<String>,
    /// `URN`: Ofsted's unique reference number for the provider, or `XXXXXXX`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urn: Option<String>,
}

impl ClaEpisode {
    /// Whether this episode starts a new period of care (`RNE` = S).
    pub fn starts_period_of_care(&self) -> bool {
        self.reason_new_episode == Some(ReasonNewEpisode::S)
    }
    /// Whether the child is looked after on `d` in this episode (the end date is the day care
    /// or the episode ended, so it does not count).
    pub fn is_open_on(&self, d: Date) -> bool {
        self.start_date <= d && self.end_date.is_none_or(|e| d < e)
    }
}

/// A looked-after child's review (SSDA903 Reviews).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClaReview {
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<ReviewParticipation>,
}

/// A missing or away-from-placement episode (SSDA903 Missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MissingEpisode {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MissingKind>,
    pub start_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
}

/// A care leaver's circumstances around their birthday in a collection year (SSDA903 OC3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareLeaverRecord {
    /// The collection year of the return that holds the record (the birthday falls in it).
    pub year: CollectionYear,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_touch: Option<InTouch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accommodation: Option<Accommodation>,
}

/// Outcomes for a child looked after continuously for 12 months (SSDA903 OC2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaOutcomes {
    /// The collection year of the return that holds the record.
    pub year: CollectionYear,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdq_score: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdq_reason: Option<SdqReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convicted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immunisations: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teeth_check: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_assessment: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substance_misuse: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervention_received: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervention_offered: Option<bool>,
}

/// A child's adoption (SSDA903 AD1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Adoption {
    /// `DATE_INT`: decision that the child should be placed for adoption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_date: Option<Date>,
    /// `DATE_MATCH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub match_date: Option<Date>,
    /// `FOSTER_CARE`: adopted by their foster carer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_foster_carer: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_adopters: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopter_sex: Option<AdopterSex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopter_legal_status: Option<AdopterLegalStatus>,
}

/// A decision that the child should be placed for adoption (SSDA903 PlacedAdoption).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlacedForAdoption {
    pub date_placed: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_ceased: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_ceased: Option<ReasonPlacedCeased>,
}

/// A permanence order held before entering care (SSDA903 PrevPerm).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PreviousPermanenceOrder {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PreviousPermanence>,
    /// `LA_PERM`: the LA that made the order (3-digit code, or NIR, SCO, WAL, NUK, 999).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub la: Option<String>,
    /// `DATE_PERM` as written: DD/MM/YYYY where any part may be `ZZ` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A period in which a social worker was allocated to a looked-after child (SSDA903 SWEpisodes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SocialWorkerEpisode {
    /// `SW_ID`: Social Work England number (`SW…`) or a local placeholder (`XX…`).
    pub worker: String,
    pub start_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<SwReason>,
}

/// A team in children's services.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// Service area, e.g. "Assessment", "Family Safeguarding", "Children in Care".
    pub service: String,
    /// Whether the team is a Family Safeguarding team.
    pub family_safeguarding: bool,
}

/// The kind of post a worker holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WorkerRole {
    SocialWorker,
    TeamManager,
    FamilyPractitioner,
    /// Family Safeguarding adult specialist for domestic abuse.
    DomesticAbuseWorker,
    /// Family Safeguarding adult specialist for mental health.
    MentalHealthWorker,
    /// Family Safeguarding adult specialist for substance use.
    SubstanceUseWorker,
}

impl WorkerRole {
    pub const ALL: [Self; 6] = [
        Self::SocialWorker,
        Self::TeamManager,
        Self::FamilyPractitioner,
        Self::DomesticAbuseWorker,
        Self::MentalHealthWorker,
        Self::SubstanceUseWorker,
    ];
    /// The code used in extracts.
    pub fn code(self) -> &'static str {
        match self {
            Self::SocialWorker => "SW",
            Self::TeamManager => "TM",
            Self::FamilyPractitioner => "FP",
            Self::DomesticAbuseWorker => "DA",
            Self::MentalHealthWorker => "MH",
            Self::SubstanceUseWorker => "SU",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
    pub fn description(self) -> &'static str {
        match self {
            Self::SocialWorker => "Social worker",
            Self::TeamManager => "Team manager",
            Self::FamilyPractitioner => "Family practitioner",
            Self::DomesticAbuseWorker => "Domestic abuse adult worker",
            Self::MentalHealthWorker => "Mental health adult worker",
            Self::SubstanceUseWorker => "Substance use adult worker",
        }
    }
    /// Whether this is one of Family Safeguarding's adult specialist posts.
    pub fn is_adult_worker(self) -> bool {
        matches!(
            self,
            Self::DomesticAbuseWorker | Self::MentalHealthWorker | Self::SubstanceUseWorker
        )
    }
}

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Worker {
    /// The worker's id in the case-management system (for social workers, the Social Work
    /// England number as used in SSDA903 `SW_ID`).
    pub id: String,
    pub team: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<WorkerRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// Agency (locum) rather than employed staff.
    pub agency: bool,
}

/// A child's case allocated to a worker for a period.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CaseAllocation {
    pub child: ChildId,
    pub worker: String,
    pub team: String,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
}

impl CaseAllocation {
    pub fn is_open_on(&self, d: Date) -> bool {
        self.start <= d && self.end.is_none_or(|e| d <= e)
    }
}

/// A child's family supported by the Family Safeguarding service for a period, with the adult
/// specialists involved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FamilySafeguardingInvolvement {
    pub child: ChildId,
    pub team: String,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub domestic_abuse_worker: bool,
    pub mental_health_worker: bool,
    pub substance_use_worker: bool,
}

impl FamilySafeguardingInvolvement {
    /// Whether the child is open to Family Safeguarding on `d`, both ends included.
    pub fn is_open_on(&self, d: Date) -> bool {
        self.start <= d && self.end.is_none_or(|e| d <= e)
    }
}

impl Dataset {
    /// Folds a newer source into this dataset. Records are matched on their natural keys (a
    /// child on its id; a referral on its date; an episode of care on its start date; a review,
    /// missing episode or social worker episode on its start; a care-leaver or outcomes record on
    /// its year) and the newer record replaces the older one, so that a later extract corrects an
    /// earlier one and loading the same source twice changes nothing. Child-level details (UPN,
    /// dates of birth, sex, …) are taken from the newer source where it has them.
    pub fn merge(&mut self, newer: Dataset) {
        self.normalise();
        let mut merged: Vec<Child> = Vec::with_capacity(self.children.len() + newer.children.len());
        let mut old = std::mem::take(&mut self.children).into_iter().peekable();
        let mut new = {
            let mut n = newer.children;
            n.sort_by(|a, b| a.id.cmp(&b.id));
            n.into_iter().peekable()
        };
        loop {
            match (old.peek(), new.peek()) {
                (Some(o), Some(n)) if o.id == n.id => {
                    let mut o = old.next().unwrap();
                    o.merge(new.next().unwrap());
                    merged.push(o);
                }
                (Some(o), Some(n)) if o.id < n.id => merged.push(old.next().unwrap()),
                (Some(_), Some(_)) | (None, Some(_)) => {
                    let mut n = new.next().unwrap();
                    n.normalise();
                    merged.push(n);
                }
                (Some(_), None) => merged.push(old.next().unwrap()),
                (None, None) => break,
            }
        }
        // A later child record with the same id as an earlier one in the same source is folded in.
        merged.dedup_by(|later, earlier| {
            if later.id == earlier.id {
                earlier.merge(std::mem::take(later));
                true
            } else {
                false
            }
        });
        self.children = merged;

        upsert(&mut self.teams, newer.teams, |t| t.id.clone());
        upsert(&mut self.workers, newer.workers, |w| w.id.clone());
        upsert(&mut self.allocations, newer.allocations, |a| {
            (a.child.clone(), a.worker.clone(), a.start)
        });
        upsert(
            &mut self.family_safeguarding,
            newer.family_safeguarding,
            |f| (f.child.clone(), f.start),
        );
        upsert(&mut self.contacts, newer.contacts, |c| {
            (c.child.clone(), c.date)
        });
        upsert(
            &mut self.strategy_discussions,
            newer.strategy_discussions,
            |s| (s.child.clone(), s.date),
        );
        upsert(&mut self.visits, newer.visits, |v| {
            (v.child.clone(), v.date, v.kind, v.worker.clone())
        });
        upsert(&mut self.supervisions, newer.supervisions, |s| {
            (s.child.clone(), s.date, s.worker.clone())
        });
        upsert(&mut self.chronology, newer.chronology, |c| {
            (
                c.child.clone(),
                c.event_date,
                c.recorded_date,
                c.event.clone(),
            )
        });
        upsert(
            &mut self.return_home_interviews,
            newer.return_home_interviews,
            |r| (r.child.clone(), r.missing_start),
        );
        upsert(&mut self.population, newer.population, |p| {
            (p.area.clone(), p.year)
        });
        upsert(&mut self.partner_figures, newer.partner_figures, |f| {
            (f.child.clone(), f.measure, f.month)
        });
        self.normalise();
    }
}

impl Child {
    /// Folds a newer record of the same child into this one (see [`Dataset::merge`]).
    pub fn merge(&mut self, newer: Child) {
        fn take<T>(old: &mut Option<T>, new: Option<T>) {
            if new.is_some() {
                *old = new;
            }
        }
        take(&mut self.upn, newer.upn);
        take(&mut self.former_upn, newer.former_upn);
        take(&mut self.upn_unknown, newer.upn_unknown);
        take(&mut self.birth_date, newer.birth_date);
        take(&mut self.expected_birth_date, newer.expected_birth_date);
        take(&mut self.death_date, newer.death_date);
        take(&mut self.sex, newer.sex);
        take(&mut self.ethnicity, newer.ethnicity);
        if !newer.disabilities.is_empty() {
            self.disabilities = newer.disabilities;
        }
        take(&mut self.uasc, newer.uasc);
        take(&mut self.mother, newer.mother);
        take(
            &mut self.mothers_child_birth_date,
            newer.mothers_child_birth_date,
        );
        upsert(&mut self.referrals, newer.referrals, |r| r.referral_date);
        upsert(&mut self.cla_episodes, newer.cla_episodes, |e| e.start_date);
        upsert(&mut self.cla_reviews, newer.cla_reviews, |r| r.date);
        upsert(&mut self.missing_episodes, newer.missing_episodes, |m| {
            m.start_date
        });
        upsert(
            &mut self.care_leaver_records,
            newer.care_leaver_records,
            |c| c.year,
        );
        upsert(&mut self.outcomes, newer.outcomes, |o| o.year);
        take(&mut self.adoption, newer.adoption);
        upsert(
            &mut self.placed_for_adoption,
            newer.placed_for_adoption,
            |p| p.date_placed,
        );
        take(&mut self.previous_permanence, newer.previous_permanence);
        upsert(
            &mut self.social_worker_episodes,
            newer.social_worker_episodes,
            |s| s.start_date,
        );
        self.normalise();
    }
}

/// Replaces records of `old` whose key appears in `new`, and adds the rest of `new`.
fn upsert<T, K: Ord>(old: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> K) {
    if new.is_empty() {
        return;
    }
    let new_keys: std::collections::BTreeSet<K> = new.iter().map(&key).collect();
    old.retain(|o| !new_keys.contains(&key(o)));
    old.extend(new);
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn child(id: &str) -> Child {
        Child {
            id: ChildId::from(id),
            ..Child::default()
        }
    }

    #[test]
    fn merge_replaces_on_natural_keys_and_is_idempotent() {
        let mut a = child("A");
        a.referrals.push(Referral {
            referral_date: date(2024, 5, 1),
            ..Referral::default()
        });
        a.referrals.push(Referral {
            referral_date: date(2023, 1, 9),
            ..Referral::default()
        });
        let mut first = Dataset {
            children: vec![a, child("C")],
            ..Dataset::default()
        };

        let mut a2 = child("A");
        a2.birth_date = Some(date(2015, 2, 3));
        a2.referrals.push(Referral {
            referral_date: date(2024, 5, 1),
            closure_date: Some(date(2024, 9, 30)),
            ..Referral::default()
        });
        let newer = Dataset {
            children: vec![child("B"), a2],
            ..Dataset::default()
        };

        first.merge(newer.clone());
        let ids: Vec<_> = first.children.iter().map(|c| c.id.0.as_str()).collect();
        assert_eq!(ids, ["A", "B", "C"]);
        let a = first.child(&ChildId::from("A")).unwrap();
        assert_eq!(a.birth_date, Some(date(2015, 2, 3)));
        assert_eq!(a.referrals.len(), 2);
        assert_eq!(a.referrals[0].referral_date, date(2023, 1, 9));
        assert_eq!(a.referrals[1].closure_date, Some(date(2024, 9, 30)));

        let once = first.clone();
        first.merge(newer);
        assert_eq!(first, once, "merging the same source twice changes nothing");
    }

    #[test]
    fn partner_figures_merge_on_family_measure_and_month_and_sort() {
        use crate::{Month, PartnerFigure, PartnerMeasure};
        let fig = |child: &str, measure, month: &str, value| PartnerFigure {
            child: ChildId::from(child),
            measure,
            month: month.parse::<Month>().unwrap(),
            value,
        };
        let police = PartnerMeasure::PoliceDomesticAbuseCallOuts;
        let school = PartnerMeasure::SchoolAttendance;
        let mut stored = Dataset {
            partner_figures: vec![
                fig("B", police, "2025-02", 1.0),
                fig("A", police, "2025-03", 2.0),
                fig("A", police, "2025-01", 4.0),
            ],
            ..Dataset::default()
        };
        let newer = Dataset {
            partner_figures: vec![
                fig("A", police, "2025-03", 0.0),
                fig("A", school, "2025-03", 91.5),
            ],
            ..Dataset::default()
        };
        stored.merge(newer.clone());
        assert_eq!(
            stored.partner_figures,
            [
                fig("A", police, "2025-01", 4.0),
                fig("A", police, "2025-03", 0.0),
                fig("A", school, "2025-03", 91.5),
                fig("B", police, "2025-02", 1.0),
            ]
        );
        let once = stored.clone();
        stored.merge(newer);
        assert_eq!(
            stored, once,
            "merging the same figures twice changes nothing"
        );
        let json = serde_json::to_string(&once.partner_figures[2]).unwrap();
        assert_eq!(
            json,
            r#"{"child":"A","measure":"school_attendance_pct","month":"2025-03","value":91.5}"#
        );
        let back: PartnerFigure = serde_json::from_str(&json).unwrap();
        assert_eq!(back, once.partner_figures[2]);
        let bad = json.replace("2025-03", "2025-3");
        assert!(serde_json::from_str::<PartnerFigure>(&bad).is_err());
    }

    #[test]
    fn uasc_status_ends_on_the_date_it_ceased() {
        let mut c = child("U");
        c.uasc = Some(UascStatus {
            ceased: Some(date(2025, 6, 1)),
        });
        assert!(c.is_uasc_on(date(2025, 5, 31)));
        assert!(!c.is_uasc_on(date(2025, 6, 1)));
        assert!(c.was_ever_uasc());
    }
}
