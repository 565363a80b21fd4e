//! Indicators computed over the child-journey model.
//!
//! Each indicator is a pure function of a [`model::Dataset`] and a period. It returns the
//! numerator, the denominator, the value and the ids of the children behind numerator and
//! denominator, so that every figure can be explained and drilled into by an entitled user.
//! Where a definition has a choice, the choice is a field of [`Settings`] and is reported with
//! the figure.

mod activity;
mod assurance;
mod children_in_need;
mod escalation;
mod family_safeguarding;
pub mod focus_five;
mod looked_after;
pub mod oba;
pub mod partnership;
mod periods;
mod population;
mod practice;
pub mod publish;

use model::calendar::DayCount;
use model::{ChildId, Dataset, Date};
use std::fmt::Write as _;

pub use assurance::{
    AGENCY_RATE_PCT, AUDIT_COMPLETION_PCT, AUDITS_GOOD_OR_BETTER_PCT, MEDIAN_CASELOAD,
    MODERATION_AGREEMENT_PCT, VACANCY_RATE_PCT,
};
pub use escalation::{CareEntryRoute, care_entries_in, cp_starts_in};
pub use focus_five::FOCUS_FIVE_PCT;
pub use periods::{Period, PeriodKind, periods};
pub use population::{Population, PopulationError};

/// What an indicator is computed from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub dataset: &'a Dataset,
    /// The population aged 0 to 17, for rates per 10,000 (rates are left empty without it).
    pub population: Option<&'a Population>,
    /// When set, the only children the indicator looks at for the period being computed
    /// (indices into `dataset.children`, in order): those with a record touching the period of
    /// a kind the indicator counts on. The others cannot count in it, so they are skipped. See
    /// [`activity::Activity::active_in`].
    pub active: Option<&'a [u32]>,
    /// The practice-assurance records (audits, workforce posts), for the assurance indicators;
    /// without them those indicators have no value.
    pub assurance: Option<&'a ::assurance::AssuranceData>,
    /// Where each child's practice records start in the dataset's lists, for computing many
    /// figures over one dataset (built by [`compute_catalogue`]); without it each child's
    /// records are found by searching the lists. It changes no figure.
    pub index: Option<&'a Index>,
}

/// Where each child's visits are in a dataset's list of visits (which, like every practice list,
/// is held sorted by child): the visits of the child at position `i` of `dataset.children` are
/// `visits[ranges[i].0..ranges[i].1]`.
#[derive(Debug, Clone)]
pub struct Index {
    visit_ranges: Vec<(u32, u32)>,
}

impl Index {
    /// Builds the index: in one pass over the children and the visits when the children are
    /// sorted by id (as the store and the readers give them), else by a search for each child.
    pub fn new(dataset: &Dataset) -> Index {
        let visits = &dataset.visits;
        let at = |i: usize| u32::try_from(i).expect("fewer than 2^32 visits");
        let mut visit_ranges = Vec::with_capacity(dataset.children.len());
        if dataset.children.is_sorted_by(|a, b| a.id <= b.id) {
            let mut i = 0;
            for c in &dataset.children {
                // Visits of children the dataset does not list are passed over.
                while i < visits.len() && visits[i].child < c.id {
                    i += 1;
                }
                let start = i;
                while i < visits.len() && visits[i].child == c.id {
                    i += 1;
                }
                visit_ranges.push((at(start), at(i)));
            }
        } else {
            for c in &dataset.children {
                let start = visits.partition_point(|v| v.child < c.id);
                let end = start + visits[start..].partition_point(|v| v.child == c.id);
                visit_ranges.push((at(start), at(end)));
            }
        }
        Index { visit_ranges }
    }
}

impl<'a> Inputs<'a> {
    pub fn new(dataset: &'a Dataset) -> Self {
        Inputs {
            dataset,
            population: None,
            active: None,
            assurance: None,
            index: None,
        }
    }

    /// The position of `child` in `dataset.children`, when it is one of them (found from its
    /// address, so without comparing ids).
    fn position(&self, child: &model::Child) -> Option<usize> {
        let base = self.dataset.children.as_ptr() as usize;
        let at = std::ptr::from_ref(child) as usize;
        let size = std::mem::size_of::<model::Child>();
        let offset = at.checked_sub(base)?;
        (offset % size == 0 && offset / size < self.dataset.children.len()).then_some(offset / size)
    }

    /// The visits of one of the dataset's children, in the order the dataset holds them.
    pub fn visits_of(&self, child: &model::Child) -> &'a [model::Visit] {
        let visits = &self.dataset.visits;
        match (self.index, self.position(child)) {
            (Some(index), Some(i)) if index.visit_ranges.len() == self.dataset.children.len() => {
                let (start, end) = index.visit_ranges[i];
                &visits[start as usize..end as usize]
            }
            _ => model::of_child(visits, &child.id),
        }
    }

    /// The children an indicator looks at: every child, or only the active ones.
    pub fn children(&self) -> Children<'a> {
        Children {
            all: &self.dataset.children,
            active: self.active.map(|a| a.iter()),
            next: 0,
        }
    }
}

/// The children of [`Inputs::children`].
#[derive(Debug, Clone)]
pub struct Children<'a> {
    all: &'a [model::Child],
    active: Option<std::slice::Iter<'a, u32>>,
    next: usize,
}

impl<'a> Iterator for Children<'a> {
    type Item = &'a model::Child;

    fn next(&mut self) -> Option<&'a model::Child> {
        match &mut self.active {
            Some(active) => active.next().map(|&i| &self.all[i as usize]),
            None => {
                let c = self.all.get(self.next)?;
                self.next += 1;
                Some(c)
            }
        }
    }
}

/// An indicator's calculation: a pure function of the inputs, one period and the settings.
pub type ComputeFn = fn(&Inputs<'_>, &Period, &Settings) -> Observation;

/// Outcomes Based Accountability quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    HowMuch,
    HowWell,
    BetterOff,
}

impl Quadrant {
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::HowMuch => "How much did we do?",
            Quadrant::HowWell => "How well did we do it?",
            Quadrant::BetterOff => "Is anyone better off?",
        }
    }
}

/// Which direction counts as good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    HighIsGood,
    LowIsGood,
    /// Neither: read against benchmarks and local context.
    Contextual,
}

/// What the value of an indicator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `100 × numerator ÷ denominator`, shown to one decimal place.
    Percent,
    /// The numerator itself; the denominator, when there is one, gives context.
    Count,
    /// `10,000 × numerator ÷ population aged 0 to 17`, to one decimal place.
    Per10k,
    /// A mean number of days, to the nearest day.
    Days,
}

/// A choice a definition leaves open (see [`Settings`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    CinLookback,
    CareEntryLookback,
    /// How working days are counted (the start day as day 0 or day 1).
    DayCount,
    AssessmentWorkingDays,
    IcpcWorkingDays,
    /// Where the ICPC timescale is counted from.
    IcpcAnchor,
    CpVisitWorkingDays,
    CinVisitWorkingDays,
    /// The regulation 28 intervals for visits to looked-after children.
    ClaVisitTimescale,
}

/// Where the ICPC timescale is counted from (research/indicators.md §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcpcAnchor {
    /// The start of the section 47 enquiry, as the DfE measures it from the CIN census.
    S47Start,
    /// The last strategy discussion that led to the enquiry, as statutory guidance (Working
    /// Together) sets the timescale; needs the strategy discussions extract.
    StrategyDiscussion,
}

impl IcpcAnchor {
    /// The name used on the command line (`s47_start`, `strategy_discussion`).
    pub fn name(self) -> &'static str {
        match self {
            IcpcAnchor::S47Start => "s47_start",
            IcpcAnchor::StrategyDiscussion => "strategy_discussion",
        }
    }

    pub fn parse(s: &str) -> Option<IcpcAnchor> {
        [IcpcAnchor::S47Start, IcpcAnchor::StrategyDiscussion]
            .into_iter()
            .find(|a| a.name() == s)
    }
}

/// An indicator's definition: what it is, in words a councillor can read, and its calculation.
#[derive(Clone, Copy)]
pub struct IndicatorDef {
    pub id: &'static str,
    pub title: &'static str,
    pub quadrant: Quadrant,
    pub polarity: Polarity,
    pub unit: Unit,
    /// The definition implemented, in plain English.
    pub definition: &'static str,
    pub numerator: &'static str,
    pub denominator: &'static str,
    /// The period kinds the indicator is defined for.
    pub period_kinds: &'static [PeriodKind],
    /// The settings its definition depends on, shown beside every figure.
    pub settings: &'static [Setting],
    /// Where the definition comes from (a DfE table, or "local").
    pub source: &'static str,
    pub compute: ComputeFn,
}

impl std::fmt::Debug for IndicatorDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndicatorDef")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The choices a definition leaves open. The setting in force is shown beside each figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// For `cp_starts_from_cin_pct`: how many days before the CP plan start a CIN plan may have
    /// ended and still count as the plan the child escalated from. 0 means the CIN plan must be
    /// open on the day the CP plan starts (ending that day counts).
    pub cin_lookback_days: u32,
    /// For `cla_starts_from_cp_or_cin`: how many days before the day before care started a CP or
    /// CIN plan may have ended and still count. 0 means the plan was open the day before care
    /// started.
    pub care_entry_lookback_days: u32,
    /// How working days are counted. The default, the start day as day 0, is the DfE CIN census
    /// convention (an assessment authorised the day it started took 0 working days).
    pub day_count: DayCount,
    /// The assessment timescale in working days (Working Together: 45).
    pub assessment_working_days: u32,
    /// The ICPC timescale in working days from the anchor (DfE and Working Together: 15).
    pub icpc_working_days: u32,
    /// Where the ICPC timescale is counted from (default: the section 47 start, as the DfE).
    pub icpc_anchor: IcpcAnchor,
    /// The most working days between visits (child seen) to a child on a CP plan (local
    /// standard; commonly 10).
    pub cp_visit_working_days: u32,
    /// The same for a child on a CIN plan (commonly 20).
    pub cin_visit_working_days: u32,
    /// Regulation 28: the first visit within this many weeks of a placement starting (1) …
    pub cla_visit_first_weeks: u32,
    /// … then at intervals of at most this many weeks in the placement's first year, and
    /// after it where the placement is not intended to last until 18 (6) …
    pub cla_visit_weeks: u32,
    /// … and at most this many months after the first year of a placement intended to last
    /// until 18 (3).
    pub cla_visit_long_term_months: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            cin_lookback_days: 0,
            care_entry_lookback_days: 0,
            day_count: DayCount::StartIsDayZero,
            assessment_working_days: 45,
            icpc_working_days: 15,
            icpc_anchor: IcpcAnchor::S47Start,
            cp_visit_working_days: 10,
            cin_visit_working_days: 20,
            cla_visit_first_weeks: 1,
            cla_visit_weeks: 6,
            cla_visit_long_term_months: 3,
        }
    }
}

impl Settings {
    /// One setting as shown beside a figure.
    pub fn describe_one(&self, setting: Setting) -> String {
        match setting {
            Setting::CinLookback => format!("CIN plan look-back: {} days", self.cin_lookback_days),
            Setting::CareEntryLookback => format!(
                "Plan look-back before care: {} days",
                self.care_entry_lookback_days
            ),
            Setting::DayCount => match self.day_count {
                DayCount::StartIsDayZero => {
                    "Working days: England and Wales, the start day is day 0".into()
                }
                DayCount::StartIsDayOne => {
                    "Working days: England and Wales, the start day is day 1".into()
                }
            },
            Setting::AssessmentWorkingDays => format!(
                "Assessment timescale: {} working days from the start",
                self.assessment_working_days
            ),
            Setting::IcpcWorkingDays => format!(
                "ICPC timescale: {} working days",
                self.icpc_working_days
            ),
            Setting::IcpcAnchor => match self.icpc_anchor {
                IcpcAnchor::S47Start => {
                    "ICPC anchor: the start of the section 47 enquiry (DfE)".into()
                }
                IcpcAnchor::StrategyDiscussion => {
                    "ICPC anchor: the last strategy discussion before the enquiry (Working Together)"
                        .into()
                }
            },
            Setting::CpVisitWorkingDays => format!(
                "CP visits: at most {} working days apart, child seen",
                self.cp_visit_working_days
            ),
            Setting::CinVisitWorkingDays => format!(
                "CIN visits: at most {} working days apart, child seen",
                self.cin_visit_working_days
            ),
            Setting::ClaVisitTimescale => format!(
                "Regulation 28 visits: within {} week(s) of a placement starting, then every {} \
                 weeks, and every {} months after the first year of a long-term placement",
                self.cla_visit_first_weeks, self.cla_visit_weeks, self.cla_visit_long_term_months
            ),
        }
    }

    /// The settings in force for an indicator, as shown beside its figures ("" when its
    /// definition leaves no choice).
    pub fn describe(&self, indicator: &str) -> String {
        self::indicator(indicator)
            .map(|d| {
                d.settings
                    .iter()
                    .map(|s| self.describe_one(*s))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default()
    }
}

/// Every period kind.
const ALL_PERIODS: &[PeriodKind] = &PeriodKind::ALL;

pub const CP_STARTS_FROM_CIN_PCT: &str = "cp_starts_from_cin_pct";
pub const CLA_STARTS_FROM_CP_OR_CIN: &str = "cla_starts_from_cp_or_cin";
pub const FSM_OPEN_CHILDREN: &str = "fsm_open_children";
pub const CLA_STARTS: &str = "cla_starts";
pub const CLA_STARTS_PER_10K: &str = "cla_starts_per_10k";
pub const CLA_OPEN: &str = "cla_open";
pub const CLA_PER_10K: &str = "cla_per_10k";
pub const CLA_PER_10K_EXCL_UASC: &str = "cla_per_10k_excl_uasc";
pub const CLA_3PLUS_PLACEMENTS_PCT: &str = "cla_3plus_placements_pct";
pub const CLA_LONG_TERM_STABILITY_PCT: &str = "cla_long_term_stability_pct";
pub const CLA_MISSING_PCT: &str = "cla_missing_pct";
pub const CARE_LEAVERS_EET_PCT: &str = "care_leavers_eet_pct";
pub const CARE_LEAVERS_SUITABLE_ACCOMMODATION_PCT: &str = "care_leavers_suitable_accommodation_pct";
pub const ADOPTION_A1_DAYS: &str = "adoption_a1_days";
pub const ADOPTION_A10_DAYS: &str = "adoption_a10_days";
pub const ADOPTION_A2_DAYS: &str = "adoption_a2_days";
pub const CONTACTS: &str = "contacts";
pub const CONTACTS_PER_10K: &str = "contacts_per_10k";
pub const CONTACT_REFERRAL_PCT: &str = "contact_referral_pct";
pub const CP_VISITS_PCT: &str = "cp_visits_10wd_pct";
pub const CIN_VISITS_PCT: &str = "cin_visits_20wd_pct";
pub const CLA_VISITS_PCT: &str = "cla_visits_reg28_pct";
pub const CLA_MISSING_RHI_PCT: &str = "cla_missing_rhi_72h_pct";

/// The seed's own measures, shown together on the Family Safeguarding page.
pub const SEED_MEASURES: [&str; 3] = [
    CP_STARTS_FROM_CIN_PCT,
    CLA_STARTS_FROM_CP_OR_CIN,
    FSM_OPEN_CHILDREN,
];

/// Every indicator Harbour computes, in the order reports show them.
pub const CATALOGUE: &[IndicatorDef] = &[
    IndicatorDef {
        id: CP_STARTS_FROM_CIN_PCT,
        title: "% of CP plans started in the month escalated from CIN",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::Contextual,
        unit: Unit::Percent,
        definition: "Of the child protection plans that started in the month, the share where the \
            child had a child in need plan open on the day the CP plan started (a CIN plan that ends \
            on that day counts; with a look-back of N days, a CIN plan that ended up to N days \
            before counts too). Plans are counted, not children: a child with two plans starting \
            in the month counts twice.",
        numerator: "CP plans starting in the month with a CIN plan open on the start date",
        denominator: "CP plans starting in the month",
        period_kinds: ALL_PERIODS,
        settings: &[Setting::CinLookback],
        source: "local (research/indicators.md §1.3)",
        compute: |i, p, s| escalation::cp_starts_from_cin(i, p.start, p.end, s),
    },
    IndicatorDef {
        id: CLA_STARTS_FROM_CP_OR_CIN,
        title: "New children in care escalated from CP or CIN plans",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Children who started a new period of care in the month (an SSDA903 episode \
            with reason for new episode S, not a change of placement or legal status) and who, on \
            the day before care started, were on a child protection plan or a child in need plan. \
            The denominator is every child who started a period of care in the month, so the rest \
            came into care from neither (for example straight from a referral or assessment, on \
            remand, or as an unaccompanied asylum-seeking child).",
        numerator: "Children starting care in the month who were on a CP or CIN plan the day before",
        denominator: "Children starting care in the month",
        period_kinds: ALL_PERIODS,
        settings: &[Setting::CareEntryLookback],
        source: "local (research/indicators.md §1.3)",
        compute: |i, p, s| escalation::cla_starts_from_cp_or_cin(i, p.start, p.end, s),
    },
    IndicatorDef {
        id: FSM_OPEN_CHILDREN,
        title: "Children open to Family Safeguarding",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Children whose family is open to the Family Safeguarding service on the last \
            day of the period (or on the reporting date, for the month that holds it), counted \
            once each however many involvements they have.",
        numerator: "Children open to Family Safeguarding at the end of the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "local (Family Safeguarding extract)",
        compute: |i, p, _| family_safeguarding::open_children(i.dataset, p.start, p.end),
    },
    // The front door (CIN census; DfE C1 and C2; contacts from the extract).
    IndicatorDef {
        id: CONTACTS,
        title: "Contacts",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Contacts received in the period (the contacts extract: information about a \
            child that might become a referral, Ofsted Annex A list 1). Every contact counts, \
            including those about children known by nothing else.",
        numerator: "Contacts received in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "local (contacts extract; Annex A list 1); the DfE does not collect contacts",
        compute: practice::contacts,
    },
    IndicatorDef {
        id: CONTACTS_PER_10K,
        title: "Contacts per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Contacts received in the period for every 10,000 children aged 0 to 17 \
            living in the area (the population estimate for the period's end, with its vintage). \
            For months and quarters this is the rate for that period, not an annual rate.",
        numerator: "Contacts received in the period",
        denominator: "Children aged 0 to 17 (population estimate)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "local (contacts extract; Annex A list 1)",
        compute: practice::contacts_per_10k,
    },
    IndicatorDef {
        id: CONTACT_REFERRAL_PCT,
        title: "Contacts that became referrals",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::Contextual,
        unit: Unit::Percent,
        definition: "Of the contacts received in the period, the share whose outcome was a \
            referral to children's social care (the contacts extract's led_to_referral). Too low \
            can mean contacts that need no social care reach the front door; too high, that \
            partners hold back until concerns are serious.",
        numerator: "Contacts in the period that led to a referral",
        denominator: "Contacts received in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "local (contacts extract; research/indicators.md §1.1)",
        compute: practice::contact_referral_pct,
    },
    IndicatorDef {
        id: "referrals",
        title: "Referrals",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Referrals to children's social care received in the period (CIN census \
            ReferralDate). A referral is a request for services for a child not already open to \
            children's social care.",
        numerator: "Referrals received in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C1",
        compute: children_in_need::referrals,
    },
    IndicatorDef {
        id: "referrals_per_10k",
        title: "Referrals per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Referrals received in the period for every 10,000 children aged 0 to 17 \
            living in the area (the population estimate for the period's end, with its vintage). \
            For months and quarters this is the rate for that period, not an annual rate.",
        numerator: "Referrals received in the period",
        denominator: "Children aged 0 to 17 (population estimate)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C1",
        compute: children_in_need::referrals_per_10k,
    },
    IndicatorDef {
        id: "rereferrals_12m_pct",
        title: "Re-referrals within 12 months",
        quadrant: Quadrant::BetterOff,
        polarity: Polarity::LowIsGood,
        unit: Unit::Percent,
        definition: "Of the referrals received in the period, the share where the same child had \
            an earlier referral within the 12 months before (on or after the same date a year \
            earlier; a referral on 29 February looks back to 28 February). Only referrals held in \
            the store are seen, so load the previous year's census too. Low is good, but zero is \
            implausible.",
        numerator: "Referrals in the period within 12 months of an earlier referral of the child",
        denominator: "Referrals received in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C1 (rereferral_percent)",
        compute: children_in_need::rereferrals_12m_pct,
    },
    IndicatorDef {
        id: "referrals_nfa_pct",
        title: "Referrals with no further action",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::Contextual,
        unit: Unit::Percent,
        definition: "Of the referrals received in the period, the share recorded as leading to \
            no further action (CIN census ReferralNFA).",
        numerator: "Referrals in the period with no further action",
        denominator: "Referrals received in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C1 (no_further_action_percent)",
        compute: children_in_need::referrals_nfa_pct,
    },
    IndicatorDef {
        id: "assessments_completed",
        title: "Assessments completed",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Children and family assessments completed (authorised) in the period.",
        numerator: "Assessments authorised in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C2",
        compute: children_in_need::assessments_completed,
    },
    IndicatorDef {
        id: "assessments_45wd_pct",
        title: "Assessments completed within 45 working days",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the assessments completed (authorised) in the period, the share that took \
            no more than the timescale (45 working days) from the assessment's start to its \
            authorisation, counting working days on the England and Wales calendar (weekends and \
            bank holidays are not working days). Assessments authorised before their start date \
            are left out and counted beside the figure.",
        numerator: "Assessments completed in the period within the timescale",
        denominator: "Assessments completed in the period",
        period_kinds: ALL_PERIODS,
        settings: &[Setting::AssessmentWorkingDays, Setting::DayCount],
        source: "DfE CIN census, table C2",
        compute: children_in_need::assessments_45wd_pct,
    },
    // Child protection (CIN census; DfE C4, D1, D3, D5, D7).
    IndicatorDef {
        id: "section47s",
        title: "Section 47 enquiries started",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Section 47 enquiries that started in the period.",
        numerator: "Section 47 enquiries started in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C4",
        compute: children_in_need::section47s,
    },
    IndicatorDef {
        id: "s47_per_10k",
        title: "Section 47 enquiries per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Section 47 enquiries started in the period for every 10,000 children aged 0 \
            to 17 (the population estimate for the period's end).",
        numerator: "Section 47 enquiries started in the period",
        denominator: "Children aged 0 to 17 (population estimate)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C4",
        compute: children_in_need::s47_per_10k,
    },
    IndicatorDef {
        id: "icpcs",
        title: "Initial child protection conferences",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Initial child protection conferences held in the period: those following a \
            section 47 enquiry and those recorded on the referral.",
        numerator: "Initial conferences held in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C4",
        compute: children_in_need::icpcs,
    },
    IndicatorDef {
        id: "icpc_per_10k",
        title: "Initial child protection conferences per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Initial child protection conferences held in the period for every 10,000 \
            children aged 0 to 17 (the population estimate for the period's end).",
        numerator: "Initial conferences held in the period",
        denominator: "Children aged 0 to 17 (population estimate)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table C4",
        compute: children_in_need::icpc_per_10k,
    },
    IndicatorDef {
        id: "icpc_15wd_pct",
        title: "Initial child protection conferences within 15 working days",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the initial child protection conferences held in the period after a \
            section 47 enquiry, the share held within the timescale (15 working days) of the \
            anchor: by default the start of the enquiry, as the DfE measures it from the CIN \
            census; with the anchor set to the strategy discussion, the last strategy discussion \
            that led to the enquiry (the strategy discussions extract), as statutory guidance \
            sets it. Conferences dated before their anchor are left out and counted beside the \
            figure, as are, with the strategy-discussion anchor, enquiries with no strategy \
            discussion linked to them.",
        numerator: "Conferences in the period held within the timescale",
        denominator: "Conferences in the period after a section 47 enquiry",
        period_kinds: ALL_PERIODS,
        settings: &[
            Setting::IcpcWorkingDays,
            Setting::IcpcAnchor,
            Setting::DayCount,
        ],
        source: "DfE CIN census, table C4; Working Together 2023 (strategy discussion anchor)",
        compute: children_in_need::icpc_15wd_pct,
    },
    IndicatorDef {
        id: "cp_starts",
        title: "Child protection plans started",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Child protection plans that started in the period.",
        numerator: "CP plans started in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D1",
        compute: children_in_need::cp_starts,
    },
    IndicatorDef {
        id: "cp_starts_per_10k",
        title: "Child protection plans started per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Child protection plans that started in the period for every 10,000 children \
            aged 0 to 17 (the population estimate for the period's end).",
        numerator: "CP plans started in the period",
        denominator: "Children aged 0 to 17 (population estimate)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D1",
        compute: children_in_need::cp_starts_per_10k,
    },
    IndicatorDef {
        id: "cp_plans_open",
        title: "Children on a child protection plan",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Children on a child protection plan on the last day of the period (a plan \
            that ends that day no longer counts), each counted once.",
        numerator: "Children on a CP plan at the end of the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D1",
        compute: children_in_need::cp_plans_open,
    },
    IndicatorDef {
        id: "cp_plans_per_10k",
        title: "Children on a child protection plan per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Children on a child protection plan on the last day of the period for every \
            10,000 children aged 0 to 17 (the population estimate for that day).",
        numerator: "Children on a CP plan at the end of the period",
        denominator: "Children aged 0 to 17 (population estimate)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D1",
        compute: children_in_need::cp_plans_per_10k,
    },
    IndicatorDef {
        id: "cp_second_or_subsequent_pct",
        title: "Child protection plans that are a second or later plan",
        quadrant: Quadrant::BetterOff,
        polarity: Polarity::LowIsGood,
        unit: Unit::Percent,
        definition: "Of the child protection plans that started in the period, the share where \
            the child had been on a plan before, however long ago: an earlier plan held in the \
            store, or a number of previous plans of one or more recorded on the census. Low is \
            good, but zero is implausible.",
        numerator: "CP plans started in the period where the child had a plan before",
        denominator: "CP plans started in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D3",
        compute: children_in_need::cp_second_or_subsequent_pct,
    },
    IndicatorDef {
        id: "cp_ended_2y_plus_pct",
        title: "Child protection plans ending that lasted two years or more",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::LowIsGood,
        unit: Unit::Percent,
        definition: "Of the child protection plans that ended in the period, the share that had \
            lasted two years or more (ending on or after the second anniversary of the start; a \
            plan starting on 29 February reaches it on 28 February).",
        numerator: "CP plans ending in the period that lasted 2 years or more",
        denominator: "CP plans ending in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D7",
        compute: children_in_need::cp_ended_2y_plus_pct,
    },
    IndicatorDef {
        id: "cp_reviews_in_timescale_pct",
        title: "Child protection plans reviewed within timescales",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the child protection plans open on the last day of the period that had \
            then lasted at least three months, the share whose every review due by that day was \
            held on time: the first within 3 months of the plan starting, each later one within \
            6 months of the one before.",
        numerator: "Plans whose reviews were all held within timescale",
        denominator: "Plans open at the period end for 3 months or more",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CIN census, table D5",
        compute: children_in_need::cp_reviews_in_timescale_pct,
    },
    IndicatorDef {
        id: CLA_STARTS,
        title: "Children starting to be looked after",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Children who started to be looked after in the period, each counted once however \
            many times they started. A child starts to be looked after with an SSDA903 episode whose \
            reason for new episode is S or, where the reason is missing, with an episode that follows \
            on from no earlier one (none ended the day it began). Changes of placement or legal status \
            (L, P, T, B, U) are never starts, even when the episode before is missing from the data. \
            Care under an agreed series of short-term breaks (legal status V3 or V4) is left out, as in \
            DfE figures; a child whose short breaks turn into full care (an episode with another \
            legal status beginning the day a short-break episode ended) starts to be looked after that \
            day. The breakdown gives the periods of care started (a child can start twice) and the \
            unaccompanied asylum-seeking children (UASC on the day they started).",
        numerator: "Children starting to be looked after in the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (children starting to be looked after); SSDA903",
        compute: |i, p, _| looked_after::cla_starts(i, p),
    },
    IndicatorDef {
        id: CLA_STARTS_PER_10K,
        title: "Children starting to be looked after per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Children who started to be looked after in the period (as for cla_starts: reason \
            for new episode S, each child once, short breaks V3 and V4 left out) per 10,000 children \
            aged 0 to 17, using the population estimate that applies on the last day of the period. \
            The rate is for the period as it is, not scaled up to a year. Empty without a population \
            table.",
        numerator: "Children starting to be looked after in the period",
        denominator: "Children aged 0 to 17 (population estimate at the period end)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (children starting to be looked after); SSDA903; ONS mid-year estimates",
        compute: |i, p, _| looked_after::cla_starts_per_10k(i, p),
    },
    IndicatorDef {
        id: CLA_OPEN,
        title: "Children looked after at the end of the period",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Count,
        definition: "Children looked after on the last day of the period (31 March for the year): an \
            SSDA903 episode had started on or before that day and had not ended by it. A child whose \
            care ended on that day is not counted (the DfE counts them among the children who ceased \
            to be looked after). Children whose only care that day was an agreed series of short-term \
            breaks (legal status V3 or V4) are not counted, as in DfE figures; the breakdown says \
            how many there were, and splits the count into unaccompanied asylum-seeking children (a \
            UASC record whose status had not ceased by that day) and the rest.",
        numerator: "Children looked after on the last day of the period",
        denominator: "(none)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (children looked after at 31 March); SSDA903",
        compute: |i, p, _| looked_after::cla_open(i, p),
    },
    IndicatorDef {
        id: CLA_PER_10K,
        title: "Children looked after per 10,000 children",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "Children looked after on the last day of the period (as for cla_open: short breaks \
            V3 and V4 left out, care ending that day not counted) per 10,000 children aged 0 to 17, \
            using the population estimate that applies on that day. Empty without a population table.",
        numerator: "Children looked after on the last day of the period",
        denominator: "Children aged 0 to 17 (population estimate at the period end)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (children looked after at 31 March); SSDA903; ONS mid-year estimates",
        compute: |i, p, _| looked_after::cla_per_10k(i, p),
    },
    IndicatorDef {
        id: CLA_PER_10K_EXCL_UASC,
        title: "Children looked after per 10,000 children, excluding UASC",
        quadrant: Quadrant::HowMuch,
        polarity: Polarity::Contextual,
        unit: Unit::Per10k,
        definition: "As cla_per_10k, leaving out unaccompanied asylum-seeking children: those with a \
            UASC record whose status had not ceased by the last day of the period (status that ceased \
            on that day has ceased). The population is all children aged 0 to 17, not adjusted.",
        numerator: "Children looked after on the last day of the period who were not UASC that day",
        denominator: "Children aged 0 to 17 (population estimate at the period end)",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (children looked after at 31 March, excluding UASC); SSDA903; ONS mid-year estimates",
        compute: |i, p, _| looked_after::cla_per_10k_excl_uasc(i, p),
    },
    IndicatorDef {
        id: CLA_3PLUS_PLACEMENTS_PCT,
        title: "% of children looked after with 3 or more placements in the year",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::LowIsGood,
        unit: Unit::Percent,
        definition: "Of the children looked after on the last day of the period (as for cla_open), the \
            share who had three or more placements during the period. The placements counted are those \
            the child was in at some time in the period: the one they were in on its first day, and \
            each new one after, across every period of care (a child who left care and came back \
            counts the placements of both). A new placement is a new period of care, or an episode \
            whose reason for new episode is P or B (new carers) or T or U (a new placement with the \
            same carers, such as a foster placement becoming long-term); a change of legal status \
            alone (L) is not. Not new placements: placement for adoption with the current foster \
            carers (placement A3 or A5); a temporary placement (T0 to T4, such as hospital or a \
            holiday) and the return after it to the same place (same placement type, provider, \
            postcode and URN); an episode with no reason recorded in the same place as the one before. \
            Short breaks (V3, V4) are left out. Defined over a year only (rolling 12 months or the \
            year to 31 March): the measure and its benchmarks are annual, and three moves in a month \
            or a quarter is a different, rarer event.",
        numerator: "Children looked after at the period end with 3 or more placements in the period",
        denominator: "Children looked after at the period end",
        period_kinds: looked_after::YEARLY,
        settings: &[],
        source: "DfE CLA statistics (stability dataset); formerly NI 62; SSDA903",
        compute: |i, p, _| looked_after::cla_3plus_placements_pct(i, p),
    },
    IndicatorDef {
        id: CLA_LONG_TERM_STABILITY_PCT,
        title: "% of children looked after for 2.5 years or more in the same placement for 2 years (under 16)",
        quadrant: Quadrant::BetterOff,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the children under 16 on the last day of the period (their 16th birthday after \
            it) who were looked after that day and had been looked after continuously for at least two \
            and a half years, the share who had been living in the same placement, with the same \
            carers, for at least two years. Two and a half years: the period of care began on or before the \
            same day 30 months earlier, or the last day of that month when it is shorter (for a \
            period ending 31 August 2026, on or before 29 February 2024). Two years: the placement \
            began on or before the same day two years earlier (a placement that began on 29 February \
            reaches two years on 1 March). Continuously means in one period of care: a child who left \
            care and came back counts from the latest return. The placement is the time with the same \
            carers: it continues through changes of legal status, temporary placements (T0 to T4) and \
            changes of placement type with the same carers (reason for new episode T or U, such as \
            fostering becoming long-term, or placement for adoption with the current foster carers), \
            and ends with a move to new carers (P or B). A child placed for adoption with new carers \
            counts the adoptive placement and the one before it together. Children with no date of \
            birth are left out (the breakdown says how many). Short breaks (V3, V4) are left out. The \
            DfE figure is at 31 March; this is a snapshot at the end of any period.",
        numerator: "Of those, children living with the same carers for at least 2 years (or adoptive and previous placement together)",
        denominator: "Children under 16 looked after at the period end, continuously for at least 2.5 years",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (stability dataset); formerly NI 63; SSDA903",
        compute: |i, p, _| looked_after::cla_long_term_stability_pct(i, p),
    },
    IndicatorDef {
        id: CLA_MISSING_PCT,
        title: "% of children looked after who went missing",
        quadrant: Quadrant::BetterOff,
        polarity: Polarity::LowIsGood,
        unit: Unit::Percent,
        definition: "Of the children looked after at any time in the period (an episode open on at least \
            one day of it; a child whose care ended on its first day counts; short breaks V3 and V4 \
            left out), the share with at least one missing episode that started in the period \
            (SSDA903 Missing, code M: whereabouts not known). Absences coded A (away from placement \
            without authorisation, whereabouts known) are not counted, as the DfE reports them \
            separately, nor are episodes with no code; the breakdown counts both, and the missing \
            incidents (episodes starting in the period) of the children counted.",
        numerator: "Children looked after in the period with a missing episode starting in it",
        denominator: "Children looked after at any time in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "DfE CLA statistics (missing from care dataset); SSDA903",
        compute: |i, p, _| looked_after::cla_missing_pct(i, p),
    },
    IndicatorDef {
        id: CARE_LEAVERS_EET_PCT,
        title: "% of care leavers aged 19 to 21 in education, employment or training",
        quadrant: Quadrant::BetterOff,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the care leavers who turned 19, 20 or 21 in the collection year (1 April to \
            31 March) that holds the last day of the period, with an SSDA903 OC3 record for that year, \
            the share whose main activity around that birthday was education, training or employment, \
            full or part time (ACTIV F1, P1, F2, P2, F3, P3, F4, P4, F5, P5). The denominator includes \
            those not in touch, who refused contact, no longer need services, returned home or died, \
            and those with no activity recorded; those not in education, employment or training (G4, \
            G5, G6) or not in touch (0) are not in the numerator. Age is from the date of birth; care \
            leavers with no date of birth are left out. A young person with two records for the year \
            counts once, in the numerator if either says so. Defined for the year to 31 March only: \
            OC3 records belong to a collection year, each around the birthday of the young person in it.",
        numerator: "Care leavers aged 19 to 21 in education, employment or training",
        denominator: "Care leavers aged 19 to 21 (including those not in touch)",
        period_kinds: looked_after::COLLECTION_YEAR,
        settings: &[],
        source: "DfE CLA statistics (care leavers aged 19 to 21); SSDA903 OC3",
        compute: |i, p, _| looked_after::care_leavers_eet_pct(i, p),
    },
    IndicatorDef {
        id: CARE_LEAVERS_SUITABLE_ACCOMMODATION_PCT,
        title: "% of care leavers aged 19 to 21 in suitable accommodation",
        quadrant: Quadrant::BetterOff,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the care leavers who turned 19, 20 or 21 in the collection year (1 April to \
            31 March) that holds the last day of the period, with an SSDA903 OC3 record for that year, \
            the share whose accommodation around that birthday was judged suitable (ACCOM codes ending \
            in 1, B1 to Z1; codes ending in 2 are unsuitable and 0 is not in touch). The denominator \
            includes those not in touch, who refused contact, no longer need services, returned home \
            or died, and those with no accommodation recorded. Age is from the date of birth; care \
            leavers with no date of birth are left out. A young person with two records for the year \
            counts once, in the numerator if either says so. Defined for the year to 31 March only: \
            OC3 records belong to a collection year, each around the birthday of the young person in it.",
        numerator: "Care leavers aged 19 to 21 in suitable accommodation",
        denominator: "Care leavers aged 19 to 21 (including those not in touch)",
        period_kinds: looked_after::COLLECTION_YEAR,
        settings: &[],
        source: "DfE CLA statistics (care leavers aged 19 to 21); SSDA903 OC3",
        compute: |i, p, _| looked_after::care_leavers_suitable_accommodation_pct(i, p),
    },
    IndicatorDef {
        id: ADOPTION_A1_DAYS,
        title: "Adoption A1: average days from entering care to moving in with the adoptive family",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::LowIsGood,
        unit: Unit::Days,
        definition: "For children adopted in the period (an episode ending with reason E11 or E12, \
            adopted, on a day in the period), the mean number of days from entering care (the first \
            day of the period of care that ended in adoption) to moving in with the adoptive family \
            (the first day of the first placed-for-adoption episode, placement A3 to A6, in that \
            period of care). The numerator is the total of those days, the denominator the children \
            and the value the mean. Children adopted with no placed-for-adoption episode are left out \
            and counted in the breakdown. The scorecard uses three years; this is over 12 months \
            (rolling or to 31 March).",
        numerator: "Total days from entering care to moving in with the adoptive family",
        denominator: "Children adopted in the period",
        period_kinds: looked_after::YEARLY,
        settings: &[],
        source: "Adoption scorecard A1; SSDA903",
        compute: |i, p, _| looked_after::adoption_days(i, p, looked_after::AdoptionClock::A1),
    },
    IndicatorDef {
        id: ADOPTION_A10_DAYS,
        title: "Adoption A10: average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::LowIsGood,
        unit: Unit::Days,
        definition: "As adoption_a1_days, except that for a child adopted by their foster carers the \
            clock stops on the day the child began living with those carers. Adopted by foster carers: \
            AD1 FOSTER_CARE is yes or, where it is not recorded, the adoptive placement is coded A3 or \
            A5 (placed for adoption with current foster carers). The day the child began living with \
            the carers is the start of the placement the A3 or A5 episode continues, looking back \
            through changes of placement with the same carers (reason T or U, such as short-term \
            becoming long-term fostering), changes of legal status and temporary placements. Where \
            FOSTER_CARE is yes but the adoptive placement is A4 or A6 (carers other than the current \
            foster carers), the records do not say when the child began living with the adopters, so \
            the A1 clock is used and the breakdown counts them.",
        numerator: "Total days from entering care to moving in with the adoptive family (foster carer adoptions: to moving in with the carers)",
        denominator: "Children adopted in the period",
        period_kinds: looked_after::YEARLY,
        settings: &[],
        source: "Adoption Leadership Board (ASGLB) A10; SSDA903",
        compute: |i, p, _| looked_after::adoption_days(i, p, looked_after::AdoptionClock::A10),
    },
    IndicatorDef {
        id: ADOPTION_A2_DAYS,
        title: "Adoption A2: average days from the court's authority to place to the match",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::LowIsGood,
        unit: Unit::Days,
        definition: "For children adopted in the period (an episode ending with reason E11 or E12 \
            on a day in the period), the mean number of days from the council receiving the \
            court's authority to place the child for adoption (the start of the first episode, in \
            the period of care that ended in adoption, with legal status E1, placement order \
            granted, or D1, freeing order granted) to its decision on a match with the adoptive \
            family (SSDA903 AD1 DATE_MATCH). A match decided before the authority counts as 0 \
            days. Children with no placement order episode, or no match date, are left out and \
            counted beside the figure. The scorecard uses three years; this is over 12 months \
            (rolling or to 31 March).",
        numerator: "Total days from placement order to match",
        denominator: "Children adopted in the period with a placement order and a match date",
        period_kinds: looked_after::YEARLY,
        settings: &[],
        source: "Adoption scorecard A2 (LG Inform 912); SSDA903",
        compute: |i, p, _| looked_after::adoption_a2_days(i, p),
    },
    // Practice (the visits and return-home interviews extracts).
    IndicatorDef {
        id: CP_VISITS_PCT,
        title: "Children on CP plans visited within 10 working days",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the children on a child protection plan on the last day of the period, \
            the share whose latest CP visit with the child seen, on or after the plan started, \
            was no more than the timescale (10 working days) before that day, counting working \
            days on the England and Wales calendar. A child not yet visited counts from the day \
            the plan started. Visits where the child was not seen do not count.",
        numerator: "Children on a CP plan at the period end seen within the timescale",
        denominator: "Children on a CP plan at the period end",
        period_kinds: ALL_PERIODS,
        settings: &[Setting::CpVisitWorkingDays, Setting::DayCount],
        source: "local standard (Annex A list 7: date of last statutory visit)",
        compute: practice::cp_visits_pct,
    },
    IndicatorDef {
        id: CIN_VISITS_PCT,
        title: "Children on CIN plans visited within 20 working days",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the children on a child in need plan on the last day of the period (and \
            not on a child protection plan, whose visits are counted there), the share whose \
            latest CIN visit with the child seen, on or after the plan started, was no more than \
            the timescale (20 working days) before that day. A child not yet visited counts from \
            the day the plan started.",
        numerator: "Children on a CIN plan at the period end seen within the timescale",
        denominator: "Children on a CIN plan (not a CP plan) at the period end",
        period_kinds: ALL_PERIODS,
        settings: &[Setting::CinVisitWorkingDays, Setting::DayCount],
        source: "local standard (Annex A list 6: date last seen)",
        compute: practice::cin_visits_pct,
    },
    IndicatorDef {
        id: CLA_VISITS_PCT,
        title: "Looked-after children visited within the regulation 28 timescale",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the children looked after on the last day of the period (short breaks \
            left out), the share whose visits are not overdue under regulation 28 of the Care \
            Planning, Placement and Case Review (England) Regulations 2010: a first visit within \
            one week of the current placement starting; then at intervals of not more than 6 \
            weeks in the placement's first year; after it, not more than 3 months where the \
            placement is intended to last until the child is 18 (long-term fostering, placement \
            U1 or U4) and 6 weeks otherwise. The placement starts with the episode that began it \
            (a change of legal status alone does not start one). Only CLA visits with the child \
            seen, on or after the placement started, count. Calendar weeks and months, not \
            working days.",
        numerator: "Children looked after at the period end whose visits are not overdue",
        denominator: "Children looked after at the period end",
        period_kinds: ALL_PERIODS,
        settings: &[Setting::ClaVisitTimescale],
        source: "Care Planning Regulations 2010, regulation 28 (Annex A list 8: last visit)",
        compute: looked_after::cla_visits_in_timescale_pct,
    },
    IndicatorDef {
        id: CLA_MISSING_RHI_PCT,
        title: "Missing episodes of looked-after children with a return-home interview offered within 72 hours",
        quadrant: Quadrant::HowWell,
        polarity: Polarity::HighIsGood,
        unit: Unit::Percent,
        definition: "Of the missing episodes (SSDA903 Missing, code M) of looked-after children \
            that ended in the period (the child looked after, short breaks left out, on the day \
            the episode started), the share where a return-home interview was offered within 72 \
            hours of the child's return: on the day they came back or the next three days, as \
            the records hold dates, not times. Episodes are counted, not children; the breakdown \
            counts interviews offered later, none offered or recorded, and those accepted.",
        numerator: "Missing episodes ended in the period with an interview offered within 72 hours",
        denominator: "Missing episodes of looked-after children ended in the period",
        period_kinds: ALL_PERIODS,
        settings: &[],
        source: "Statutory guidance on children who run away or go missing (2014); Annex A list 8",
        compute: |i, p, _| looked_after::cla_missing_rhi_72h_pct(i, p),
    },
    // Practice assurance: the audit programme and the workforce (module `assurance`).
    assurance::AUDIT_COMPLETION,
    assurance::GOOD_OR_BETTER,
    assurance::MODERATION_AGREEMENT,
    assurance::CASELOAD,
    assurance::VACANCY,
    assurance::AGENCY,
    // Focus Five, the minimum practice standards (module `focus_five`).
    focus_five::FOCUS_FIVE,
];

/// Looks an indicator up by id.
pub fn indicator(id: &str) -> Option<&'static IndicatorDef> {
    CATALOGUE.iter().find(|d| d.id == id)
}

/// One figure for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub period_start: Date,
    pub period_end: Date,
    pub numerator: u64,
    /// `None` for a count with no natural denominator.
    pub denominator: Option<u64>,
    /// `None` when a percentage has no denominator (nothing happened in the period).
    pub value: Option<f64>,
    pub numerator_children: Vec<ChildId>,
    pub denominator_children: Vec<ChildId>,
    /// Breakdowns shown beside the figure (e.g. the routes into care, and the figure without
    /// unaccompanied asylum-seeking children).
    pub breakdown: Vec<(&'static str, u64)>,
}

impl Observation {
    /// The value as printed: percentages to one decimal place, counts as whole numbers, and an
    /// empty string when there is no value.
    pub fn formatted_value(&self, unit: Unit) -> String {
        match (self.value, unit) {
            (None, _) => String::new(),
            (Some(v), Unit::Percent | Unit::Per10k) => format!("{v:.1}"),
            (Some(v), Unit::Count | Unit::Days) => format!("{v:.0}"),
        }
    }
}

/// An indicator's figures over consecutive periods, oldest first.
#[derive(Debug, Clone)]
pub struct Series {
    pub indicator: &'static IndicatorDef,
    pub settings: String,
    pub points: Vec<Observation>,
}

/// The monthly periods ending with the month that holds `as_at`, oldest first. The last period
/// ends on `as_at` itself, so that no figure counts events after the reporting date.
pub fn monthly_periods(as_at: Date, months: u32) -> Vec<(Date, Date)> {
    periods(PeriodKind::Month, as_at, months)
        .into_iter()
        .map(|p| (p.start, p.end))
        .collect()
}

/// Computes one indicator over the given periods.
pub fn compute_series(
    indicator: &'static IndicatorDef,
    inputs: &Inputs<'_>,
    periods: &[Period],
    settings: &Settings,
) -> Series {
    Series {
        indicator,
        settings: settings.describe(indicator.id),
        points: periods
            .iter()
            .map(|p| (indicator.compute)(inputs, p, settings))
            .collect(),
    }
}

/// Computes one indicator, by id, over the given months.
pub fn compute(
    id: &str,
    dataset: &Dataset,
    periods: &[(Date, Date)],
    settings: &Settings,
) -> Option<Series> {
    let indicator = indicator(id)?;
    let periods: Vec<Period> = periods
        .iter()
        .map(|&(start, end)| Period {
            kind: PeriodKind::Month,
            start,
            end,
        })
        .collect();
    Some(compute_series(
        indicator,
        &Inputs::new(dataset),
        &periods,
        settings,
    ))
}

/// Computes every indicator in the catalogue, monthly over `months` months up to `as_at`.
pub fn compute_all(
    dataset: &Dataset,
    as_at: Date,
    months: u32,
    settings: &Settings,
) -> Vec<Series> {
    compute_catalogue(
        &Inputs::new(dataset),
        PeriodKind::Month,
        as_at,
        months,
        settings,
    )
}

/// Computes every indicator of the catalogue that supports `kind`, over the `count` periods of
/// that kind up to `as_at`, in catalogue order: the figures, without the ids of the children
/// behind them (the lists are dropped as each figure is made, so that a whole catalogue over a
/// large council fits in memory). For the children behind a figure, compute that one figure
/// with its indicator's `compute`, or use [`compute_catalogue_with_children`]. Each indicator
/// looks, in each period, only at the children with a record of the kind it counts on touching
/// the period (see [`activity`]), and the indicators are shared out over the machine's cores;
/// each is a pure function, so neither changes a figure.
pub fn compute_catalogue(
    inputs: &Inputs<'_>,
    kind: PeriodKind,
    as_at: Date,
    count: u32,
    settings: &Settings,
) -> Vec<Series> {
    catalogue(inputs, kind, as_at, count, settings, false)
}

/// [`compute_catalogue`], keeping with every figure the ids of the children behind it.
pub fn compute_catalogue_with_children(
    inputs: &Inputs<'_>,
    kind: PeriodKind,
    as_at: Date,
    count: u32,
    settings: &Settings,
) -> Vec<Series> {
    catalogue(inputs, kind, as_at, count, settings, true)
}

fn catalogue(
    inputs: &Inputs<'_>,
    kind: PeriodKind,
    as_at: Date,
    count: u32,
    settings: &Settings,
    keep_children: bool,
) -> Vec<Series> {
    let periods = periods(kind, as_at, count);
    let index = Index::new(inputs.dataset);
    let defs: Vec<&'static IndicatorDef> = CATALOGUE
        .iter()
        .filter(|d| d.period_kinds.contains(&kind))
        .collect();
    // For each kind of record an indicator reads, the children with such a record touching each
    // period.
    let mut active: Vec<(activity::Records, Vec<Vec<u32>>)> = Vec::new();
    for d in &defs {
        let which = activity::Records::of(d.id);
        if active.iter().all(|(w, _)| *w != which) {
            let lists = if which == activity::Records::Nothing {
                vec![Vec::new(); periods.len()]
            } else {
                let activity = activity::Activity::of(&inputs.dataset.children, which);
                periods.iter().map(|p| activity.active_in(p)).collect()
            };
            active.push((which, lists));
        }
    }
    let series = |d: &'static IndicatorDef| Series {
        indicator: d,
        settings: settings.describe(d.id),
        points: periods
            .iter()
            .zip(
                active
                    .iter()
                    .find(|(w, _)| *w == activity::Records::of(d.id))
                    .map(|(_, lists)| lists)
                    .expect("computed above"),
            )
            .map(|(p, a)| {
                let inputs = Inputs {
                    active: inputs.active.or(Some(a.as_slice())),
                    index: inputs.index.or(Some(&index)),
                    ..*inputs
                };
                let mut o = (d.compute)(&inputs, p, settings);
                if !keep_children {
                    o.numerator_children = Vec::new();
                    o.denominator_children = Vec::new();
                }
                o
            })
            .collect(),
    };
    let series_of = |d: &'static IndicatorDef| {
        let _figures_only = (!keep_children).then(FiguresOnly::new);
        series(d)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, defs.len().max(1));
    if threads == 1 {
        return defs.into_iter().map(series_of).collect();
    }
    let mut done: Vec<(usize, Series)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (defs, series_of) = (&defs, &series_of);
                scope.spawn(move || {
                    defs.iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(i, d)| (i, series_of(d)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, s)| s).collect()
}

/// The series as CSV: `indicator_id,period_start,period_end,numerator,denominator,value`.
pub fn to_csv(series: &[Series]) -> String {
    let mut out =
        String::from("indicator_id,period_start,period_end,numerator,denominator,value\n");
    for s in series {
        for p in &s.points {
            let denominator = p.denominator.map(|d| d.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{},{},{},{},{}",
                s.indicator.id,
                p.period_start,
                p.period_end,
                p.numerator,
                denominator,
                p.formatted_value(s.indicator.unit)
            );
        }
    }
    out
}

/// `100 × n ÷ d`, or `None` when `d` is 0.
fn percent(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| 100.0 * n as f64 / d as f64)
}

thread_local! {
    /// Whether the figures computed on this thread keep the ids of their children: false only
    /// inside [`compute_catalogue`], which drops them anyway (see [`FiguresOnly`]).
    static KEEP_IDS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// While alive, figures computed on this thread are made without their lists of children,
/// which [`ids`] then neither sorts nor keeps. No count is taken from those lists (every
/// indicator counts its numerator and denominator itself), so no figure changes.
struct FiguresOnly(bool);

impl FiguresOnly {
    fn new() -> Self {
        FiguresOnly(KEEP_IDS.with(|k| k.replace(false)))
    }
}

impl Drop for FiguresOnly {
    fn drop(&mut self) {
        KEEP_IDS.with(|k| k.set(self.0));
    }
}

/// Whether figures made now keep the ids of their children (see [`FiguresOnly`]): an indicator
/// that would clone many ids only to count them may count instead when this is false.
fn keep_ids() -> bool {
    KEEP_IDS.with(|k| k.get())
}

/// Sorted, de-duplicated child ids, holding no spare capacity (figures are kept for many
/// periods, and their ids are most of the memory they take).
fn ids(mut v: Vec<ChildId>) -> Vec<ChildId> {
    if !keep_ids() {
        return Vec::new();
    }
    v.sort_unstable();
    v.dedup();
    v.shrink_to_fit();
    v
}
