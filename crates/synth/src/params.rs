//! The generative model's parameters, with where each comes from.
//!
//! Rates "per referral" are chosen so that, with the population derived as the module
//! documentation of the crate explains, the per-10,000 rates of England 2024-25
//! (research/indicators.md §2.1) come out; the crate's tests check the outcome.

/// Knots of an inverse CDF: (cumulative probability, value).
pub type Knots = &'static [(f64, f64)];

/// Ages at first referral, in years (unborn children are drawn separately).
pub const P_UNBORN: f64 = 0.035;
pub const FIRST_REFERRAL_AGE: Knots = &[
    (0.0, 0.0),
    (0.10, 1.0),
    (0.30, 5.0),
    (0.57, 10.0),
    (0.90, 16.0),
    (1.0, 17.95),
];

/// Share of children who first come to the council as unaccompanied asylum-seeking children
/// (they are referred, assessed and become looked after within days, with no CIN or CP plan
/// before). Chosen so that about 8% of children looked after at 31 March are UASC.
pub const P_UASC: f64 = 0.0115;

/// Pre-birth referrals: an enquiry is likelier, and so is a conference (pre-birth CP plans).
pub const P_S47_PRE_BIRTH: f64 = 0.55;
pub const P_ICPC_PRE_BIRTH: f64 = 0.55;
/// Babies under one come into care several times as often as older children: the extra chance
/// that a baby's CP plan ends in care, and the factor on a CIN plan ending in care.
pub const P_BABY_CP_TO_CARE: f64 = 0.22;
pub const BABY_CARE_FACTOR: f64 = 3.0;

/// Referral with no further action (C1: 6.5% of referrals).
pub const P_NFA: f64 = 0.07;

/// A section 47 enquiry begins with the assessment (a strategy discussion on referral).
pub const P_S47_AT_START: f64 = 0.335;
/// An S47 leads to an initial child protection conference (C4: 72,100 ICPCs of 230,590 S47s).
pub const P_ICPC_GIVEN_S47: f64 = 0.28;
/// An ICPC leads to a child protection plan (D1 starts 61,840 / C4 ICPCs 72,100).
pub const P_CPP_GIVEN_ICPC: f64 = 0.86;

/// Assessment duration in working days (C2 2024-25: median 33, IQR 17-43, 85.7% within 45).
pub const ASSESSMENT_WD: Knots = &[
    (0.0, 0.0),
    (0.03, 0.0),
    (0.25, 17.0),
    (0.50, 33.0),
    (0.75, 43.0),
    (0.857, 45.0),
    (0.857, 46.0),
    (0.95, 60.0),
    (1.0, 95.0),
];

/// Working days from the S47 start to the ICPC (C4: 81.4% within 15, median 14).
pub const S47_TO_ICPC_WD: Knots = &[
    (0.0, 3.0),
    (0.50, 14.0),
    (0.814, 15.0),
    (0.814, 16.0),
    (0.95, 25.0),
    (1.0, 40.0),
];

/// Outcome of an assessment without an S47: (not in need, CIN plan, services without a plan,
/// straight into care) weights.
pub const AFTER_ASSESSMENT: [(Outcome, u32); 4] = [
    (Outcome::NotInNeed, 385),
    (Outcome::CinPlan, 430),
    (Outcome::Services, 160),
    (Outcome::Care, 30),
];
/// Outcome of an S47 that did not lead to a plan.
pub const AFTER_S47_NO_PLAN: [(Outcome, u32); 3] = [
    (Outcome::NotInNeed, 440),
    (Outcome::CinPlan, 460),
    (Outcome::Services, 100),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    NotInNeed,
    CinPlan,
    Services,
    Care,
}

/// CIN plan length in days.
pub const CIN_PLAN_DAYS: Knots = &[(0.0, 45.0), (0.5, 180.0), (0.9, 400.0), (1.0, 730.0)];
/// At the end of a CIN plan: escalate to an S47 (and perhaps a CP plan), or enter care.
pub const P_CIN_ESCALATES: f64 = 0.13;
pub const P_ICPC_GIVEN_ESCALATION: f64 = 0.55;
pub const P_CIN_TO_CARE: f64 = 0.05;

/// CP plan length in days (D7: 4.4% of plans ending lasted two years or more; a mean near 9.5
/// months gives 40 per 10,000 at 31 March from 51 starts per 10,000).
pub const CP_PLAN_DAYS: Knots = &[
    (0.0, 20.0),
    (0.20, 70.0),
    (0.45, 150.0),
    (0.80, 280.0),
    (0.945, 540.0),
    (1.0, 1200.0),
];
/// At the end of a CP plan: (step down to a CIN plan, close, into care, transferred out).
pub const AFTER_CP: [(CpEnd, u32); 4] = [
    (CpEnd::StepDown, 460),
    (CpEnd::Close, 370),
    (CpEnd::Care, 125),
    (CpEnd::Transfer, 30),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CpEnd {
    StepDown,
    Close,
    Care,
    Transfer,
}

/// Services without a plan last this many days before the case closes.
pub const SERVICES_DAYS: Knots = &[(0.0, 20.0), (0.5, 70.0), (1.0, 240.0)];

/// After a case closes, the chance of another referral, and the gap in days from closure.
/// Tuned so that about 22.6% of referrals come within 12 months of the previous one (C1).
pub const P_REREFERRAL: f64 = 0.60;
pub const REREFERRAL_GAP_DAYS: Knots = &[
    (0.0, 7.0),
    (0.40, 120.0),
    (0.60, 320.0),
    (0.80, 800.0),
    (1.0, 2500.0),
];

/// Family Safeguarding: the share of CIN and CP work done by Family Safeguarding teams once the
/// service has launched, the adult specialists involved with a family, and the effect on
/// escalation (modest, in line with the evaluations summarised in research/indicators.md §4).
pub const P_FAMILY_SAFEGUARDING: f64 = 0.6;
pub const P_FS_DOMESTIC_ABUSE: f64 = 0.55;
pub const P_FS_MENTAL_HEALTH: f64 = 0.40;
pub const P_FS_SUBSTANCE_USE: f64 = 0.30;
pub const FS_ESCALATION_FACTOR: f64 = 0.70;
pub const FS_CARE_FACTOR: f64 = 0.80;

/// Chance a child returned home from care keeps a CIN plan for a while.
pub const P_CIN_AFTER_CARE: f64 = 0.35;
