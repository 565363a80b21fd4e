//! The exported tables and their columns: the one description that the writers check every row
//! against and that `docs/export.md` is generated from.

use ColumnType::{Boolean, Date, Integer, Text};

/// How a column is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text; DfE codes are their code text (`N1`, `K2`, `5D`). Parquet `BYTE_ARRAY`
    /// annotated `STRING`; DuckDB `VARCHAR`.
    Text,
    /// A calendar date. Parquet `INT32` annotated `DATE` (days since 1970-01-01); CSV
    /// `YYYY-MM-DD`; DuckDB `DATE`.
    Date,
    /// A yes/no flag. Parquet `BOOLEAN`; CSV `true`/`false`; DuckDB `BOOLEAN`.
    Boolean,
    /// A whole number: an id, a count, a score or a year. Parquet `INT64`; DuckDB `BIGINT`.
    Integer,
}

impl ColumnType {
    /// The type DuckDB gives the column when it reads the Parquet file (and, with its CSV
    /// auto-detection, the CSV file, unless every value is missing).
    pub fn sql_name(self) -> &'static str {
        match self {
            Text => "VARCHAR",
            Date => "DATE",
            Boolean => "BOOLEAN",
            Integer => "BIGINT",
        }
    }
}

/// One column of an exported table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnDoc {
    /// The column's name in the Parquet schema and the CSV header.
    pub name: &'static str,
    /// How the column is stored.
    pub ty: ColumnType,
    /// Whether the column may be missing (Parquet `OPTIONAL`, an empty CSV field).
    pub nullable: bool,
    /// What the column holds, in the DfE's terms where it comes from a return.
    pub description: &'static str,
}

/// One exported table: a file `NAME.parquet` or `NAME.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableDoc {
    /// The table's name: the file is `NAME.parquet` or `NAME.csv`.
    pub name: &'static str,
    /// What one row is and where it comes from.
    pub description: &'static str,
    /// The columns, in file order.
    pub columns: &'static [ColumnDoc],
}

const fn required(name: &'static str, ty: ColumnType, description: &'static str) -> ColumnDoc {
    ColumnDoc {
        name,
        ty,
        nullable: false,
        description,
    }
}

const fn optional(name: &'static str, ty: ColumnType, description: &'static str) -> ColumnDoc {
    ColumnDoc {
        name,
        ty,
        nullable: true,
        description,
    }
}

const CHILD_ID: ColumnDoc = required(
    "child_id",
    Text,
    "The local authority's identifier for the child (CIN census LAchildID, SSDA903 CHILD); links every table of a child.",
);
const REFERRAL_ID: ColumnDoc = required(
    "referral_id",
    Integer,
    "The referral this record belongs to: `referrals.referral_id`.",
);

/// Every exported table, in the order they are written (the order of the store's tables: parents
/// before children, the workforce last).
pub const TABLES: [TableDoc; 29] = [
    TableDoc {
        name: "children",
        description: "One row per child, unborn child or young person known to children's social care (CIN census `Child`, SSDA903 Header and UASC).",
        columns: &[
            CHILD_ID,
            optional(
                "upn",
                Text,
                "Unique Pupil Number, 13 characters (CIN census UPN, SSDA903 UPN).",
            ),
            optional(
                "former_upn",
                Text,
                "A previous Unique Pupil Number (CIN census FormerUPN).",
            ),
            optional(
                "upn_unknown",
                Text,
                "Why there is no UPN: the code (CIN census UPNunknown, e.g. UN1).",
            ),
            optional(
                "birth_date",
                Date,
                "Date of birth (CIN census PersonBirthDate, SSDA903 DOB); missing for an unborn child.",
            ),
            optional(
                "expected_birth_date",
                Date,
                "Expected date of birth of an unborn child (CIN census ExpectedPersonBirthDate).",
            ),
            optional(
                "death_date",
                Date,
                "Date of death (CIN census PersonDeathDate).",
            ),
            optional(
                "sex",
                Text,
                "Sex: M, F or U (CIN census Sex, SSDA903 SEX; the 1 and 2 of SSDA903 returns before 2024-25 are M and F).",
            ),
            optional(
                "ethnicity",
                Text,
                "Ethnicity: the code (CIN census Ethnicity, SSDA903 ETHNIC, e.g. WBRI).",
            ),
            required(
                "uasc",
                Boolean,
                "Whether the child has an unaccompanied asylum-seeking child record (SSDA903 UASC table).",
            ),
            optional(
                "uasc_ceased",
                Date,
                "Date the child's UASC status ceased (SSDA903 DUC), usually the 18th birthday; missing while the status holds.",
            ),
            optional(
                "mother",
                Boolean,
                "Whether the child is a mother (SSDA903 MOTHER).",
            ),
            optional(
                "mothers_child_birth_date",
                Date,
                "Date of birth of the mother's child (SSDA903 MC_DOB).",
            ),
        ],
    },
    TableDoc {
        name: "disabilities",
        description: "One row per disability recorded for a child (CIN census `Disabilities`); `NONE` is a code of its own.",
        columns: &[
            CHILD_ID,
            required(
                "disability",
                Text,
                "Disability: the code (CIN census Disability, e.g. AUT, NONE).",
            ),
        ],
    },
    TableDoc {
        name: "referrals",
        description: "One row per referral and the episode of need that followed (CIN census `CINdetails`).",
        columns: &[
            required(
                "referral_id",
                Integer,
                "The referral's number in this export (1, 2, …), unique within one export; the key that `assessments`, `cin_plans`, `section47s` and `cp_plans` point at. Across exports, use `child_id` and `referral_date`.",
            ),
            CHILD_ID,
            required(
                "referral_date",
                Date,
                "Date of the referral (CIN census CINreferralDate).",
            ),
            optional(
                "source",
                Text,
                "Source of the referral: the code (CIN census ReferralSource, e.g. 5D).",
            ),
            optional(
                "primary_need",
                Text,
                "Primary need at assessment: the code (CIN census PrimaryNeedCode, e.g. N1).",
            ),
            optional(
                "closure_date",
                Date,
                "Date the episode of need was closed (CIN census CINclosureDate); missing while open.",
            ),
            optional(
                "reason_for_closure",
                Text,
                "Reason the episode was closed: the code (CIN census ReasonForClosure, e.g. RC1).",
            ),
            required(
                "no_further_action",
                Boolean,
                "Whether the referral led to no further action (CIN census ReferralNFA).",
            ),
            optional(
                "initial_cpc_date",
                Date,
                "Date of an initial child protection conference held without a section 47 enquiry at this level (CIN census CINdetails/DateOfInitialCPC).",
            ),
            optional(
                "pp_start_date",
                Date,
                "Date pre-proceedings started (CIN census PreProceedingsandFGDM/PPStartDate, from 2026-27); missing when the episode had none.",
            ),
            optional(
                "pp_letter_before_proceedings_date",
                Date,
                "Date the letter before proceedings was sent (CIN census LBPSentDate, from 2026-27).",
            ),
            optional(
                "pp_fgdm_offered",
                Boolean,
                "Whether a family group decision making meeting was offered (CIN census FGDMMeetingOffer, from 2026-27).",
            ),
            optional(
                "pp_fgdm_facilitated",
                Boolean,
                "Whether a family group decision making meeting was facilitated (CIN census FGDMMeetingFac, from 2026-27).",
            ),
            optional(
                "pp_initial_meeting_date",
                Date,
                "Date of the initial pre-proceedings meeting (CIN census InitialPPMeetingDate, from 2026-27).",
            ),
            optional(
                "pp_review_meetings",
                Integer,
                "Number of pre-proceedings review meetings (CIN census ReviewMeetingsCount, from 2026-27).",
            ),
            optional(
                "pp_step_decision_date",
                Date,
                "Date of the decision to step up to proceedings or down (CIN census StepDecisionDate, from 2026-27).",
            ),
            optional(
                "pp_outcome",
                Text,
                "Outcome of pre-proceedings as written (CIN census PPOutcome, from 2026-27; the DfE has published no code list yet).",
            ),
            optional(
                "pp_court_application_date",
                Date,
                "Date of the application to court (CIN census CourtAppDate, from 2026-27).",
            ),
            optional(
                "pp_letter_init_cp_date",
                Date,
                "The date the CIN census element LetterInitCPDate records (from 2026-27).",
            ),
        ],
    },
    TableDoc {
        name: "assessments",
        description: "One row per child and family assessment (CIN census `Assessments`).",
        columns: &[
            required(
                "assessment_id",
                Integer,
                "The assessment's number in this export (1, 2, …), unique within one export; `assessment_factors` point at it.",
            ),
            REFERRAL_ID,
            CHILD_ID,
            required(
                "start_date",
                Date,
                "Date the assessment started (CIN census AssessmentActualStartDate).",
            ),
            optional(
                "internal_review_date",
                Date,
                "Date of the assessment's internal review (CIN census AssessmentInternalReviewDate).",
            ),
            optional(
                "authorised_date",
                Date,
                "Date the assessment was completed and authorised (CIN census AssessmentAuthorisationDate); missing while open.",
            ),
        ],
    },
    TableDoc {
        name: "assessment_factors",
        description: "One row per factor identified at the end of an assessment (CIN census `FactorsIdentifiedAtAssessment`).",
        columns: &[
            required(
                "assessment_id",
                Integer,
                "The assessment: `assessments.assessment_id`.",
            ),
            CHILD_ID,
            required(
                "factor",
                Text,
                "Factor identified at assessment: the code (CIN census AssessmentFactors, e.g. 2A, 21).",
            ),
        ],
    },
    TableDoc {
        name: "cin_plans",
        description: "One row per child in need plan (CIN census `CINPlanDates`).",
        columns: &[
            REFERRAL_ID,
            CHILD_ID,
            required(
                "start_date",
                Date,
                "Date the CIN plan started (CIN census CINPlanStartDate).",
            ),
            optional(
                "end_date",
                Date,
                "Date the CIN plan ended (CIN census CINPlanEndDate); missing while open.",
            ),
        ],
    },
    TableDoc {
        name: "section47s",
        description: "One row per section 47 enquiry and its initial child protection conference (CIN census `Section47`).",
        columns: &[
            REFERRAL_ID,
            CHILD_ID,
            required(
                "start_date",
                Date,
                "Date the section 47 enquiry started (CIN census S47ActualStartDate).",
            ),
            optional(
                "icpc_target_date",
                Date,
                "Target date for the initial child protection conference (CIN census InitialCPCtarget).",
            ),
            optional(
                "icpc_date",
                Date,
                "Date of the initial child protection conference (CIN census DateOfInitialCPC).",
            ),
            required(
                "icpc_not_required",
                Boolean,
                "Whether the enquiry concluded that no initial conference was needed (CIN census ICPCnotRequired).",
            ),
        ],
    },
    TableDoc {
        name: "cp_plans",
        description: "One row per child protection plan (CIN census `ChildProtectionPlans`).",
        columns: &[
            required(
                "cp_plan_id",
                Integer,
                "The plan's number in this export (1, 2, …), unique within one export; `cp_plan_reviews` point at it.",
            ),
            REFERRAL_ID,
            CHILD_ID,
            required(
                "start_date",
                Date,
                "Date the child protection plan started (CIN census CPPstartDate).",
            ),
            optional(
                "end_date",
                Date,
                "Date the child protection plan ended (CIN census CPPendDate); missing while open.",
            ),
            optional(
                "initial_category",
                Text,
                "Initial category of abuse: the code (CIN census InitialCategoryOfAbuse: NEG, PHY, SAB, EMO, MUL).",
            ),
            optional(
                "latest_category",
                Text,
                "Latest category of abuse: the code (CIN census LatestCategoryOfAbuse).",
            ),
            optional(
                "number_of_previous_plans",
                Integer,
                "Number of previous child protection plans the child has had (CIN census NumberOfPreviousCPP).",
            ),
        ],
    },
    TableDoc {
        name: "cp_plan_reviews",
        description: "One row per review conference of a child protection plan (CIN census `Reviews`).",
        columns: &[
            required("cp_plan_id", Integer, "The plan: `cp_plans.cp_plan_id`."),
            CHILD_ID,
            required(
                "review_date",
                Date,
                "Date of the child protection review conference (CIN census CPPreviewDate).",
            ),
        ],
    },
    TableDoc {
        name: "cla_episodes",
        description: "One row per episode of care of a looked-after child (SSDA903 Episodes): a new episode starts whenever the legal status or placement changes.",
        columns: &[
            CHILD_ID,
            required(
                "start_date",
                Date,
                "Date the episode started (SSDA903 DECOM).",
            ),
            optional(
                "reason_new_episode",
                Text,
                "Reason for the new episode: the code (SSDA903 RNE; S = started to be looked after).",
            ),
            optional(
                "legal_status",
                Text,
                "Legal status: the code (SSDA903 LS, e.g. C2, V2).",
            ),
            optional(
                "category_of_need",
                Text,
                "Category of need: the code (SSDA903 CIN, e.g. N1).",
            ),
            optional(
                "placement",
                Text,
                "Placement type: the code (SSDA903 PLACE, e.g. U1, K2).",
            ),
            optional(
                "placement_provider",
                Text,
                "Placement provider: the code (SSDA903 PLACE_PROVIDER, PR0 to PR5).",
            ),
            optional(
                "end_date",
                Date,
                "Date the episode ceased (SSDA903 DEC); missing while open.",
            ),
            optional(
                "reason_ceased",
                Text,
                "Reason the episode ceased: the code (SSDA903 REC, e.g. X1, E4A).",
            ),
            optional(
                "reason_place_change",
                Text,
                "Reason for the change of placement: the code (SSDA903 REASON_PLACE_CHANGE, e.g. CARPL).",
            ),
            optional(
                "home_postcode",
                Text,
                "Postcode of the home the child was living at (SSDA903 HOME_POST).",
            ),
            optional(
                "placement_postcode",
                Text,
                "Postcode of the placement (SSDA903 PL_POST).",
            ),
            optional(
                "urn",
                Text,
                "Ofsted unique reference number of the placement provider, or XXXXXXX (SSDA903 URN).",
            ),
        ],
    },
    TableDoc {
        name: "cla_reviews",
        description: "One row per statutory review of a looked-after child (SSDA903 Reviews).",
        columns: &[
            CHILD_ID,
            required("review_date", Date, "Date of the review (SSDA903 REVIEW)."),
            optional(
                "participation",
                Text,
                "How the child participated in the review: the code (SSDA903 REVIEW_CODE, PN0 to PN7).",
            ),
        ],
    },
    TableDoc {
        name: "missing_episodes",
        description: "One row per episode of a looked-after child missing or away from placement without authorisation (SSDA903 Missing).",
        columns: &[
            CHILD_ID,
            optional(
                "kind",
                Text,
                "Missing (M) or away from placement without authorisation (A) (SSDA903 MISSING).",
            ),
            required(
                "start_date",
                Date,
                "Date the episode started (SSDA903 MIS_START).",
            ),
            optional(
                "end_date",
                Date,
                "Date the episode ended (SSDA903 MIS_END); missing while ongoing.",
            ),
        ],
    },
    TableDoc {
        name: "care_leaver_records",
        description: "One row per care leaver and collection year: their circumstances around their birthday (SSDA903 OC3).",
        columns: &[
            CHILD_ID,
            required(
                "collection_year",
                Integer,
                "The collection year of the return that holds the record, named by the year it ends (2026 = 2025-26).",
            ),
            optional(
                "in_touch",
                Text,
                "Whether the local authority is in touch with the care leaver: the code (SSDA903 IN_TOUCH, e.g. YES, NO, DIED).",
            ),
            optional(
                "activity",
                Text,
                "Main activity: the code (SSDA903 ACTIV, e.g. F1, G4).",
            ),
            optional(
                "accommodation",
                Text,
                "Type of accommodation and its suitability: the code (SSDA903 ACCOM, e.g. B1).",
            ),
        ],
    },
    TableDoc {
        name: "cla_outcomes",
        description: "One row per child looked after continuously for at least 12 months and collection year: their outcomes (SSDA903 OC2).",
        columns: &[
            CHILD_ID,
            required(
                "collection_year",
                Integer,
                "The collection year of the return that holds the record, named by the year it ends (2026 = 2025-26).",
            ),
            optional(
                "sdq_score",
                Integer,
                "Strengths and Difficulties Questionnaire total score, 0 to 40 (SSDA903 SDQ_SCORE).",
            ),
            optional(
                "sdq_reason",
                Text,
                "Why there is no SDQ score: the code (SSDA903 SDQ_REASON, e.g. SDQ1).",
            ),
            optional(
                "convicted",
                Boolean,
                "Convicted or subject to a youth caution or conditional caution during the year (SSDA903 CONVICTED).",
            ),
            optional(
                "health_check",
                Boolean,
                "Health surveillance checks up to date (SSDA903 HEALTH_CHECK).",
            ),
            optional(
                "immunisations",
                Boolean,
                "Immunisations up to date (SSDA903 IMMUNISATIONS).",
            ),
            optional(
                "teeth_check",
                Boolean,
                "Teeth checked by a dentist during the year (SSDA903 TEETH_CHECK).",
            ),
            optional(
                "health_assessment",
                Boolean,
                "Annual health assessment up to date (SSDA903 HEALTH_ASSESSMENT).",
            ),
            optional(
                "substance_misuse",
                Boolean,
                "Identified as having a substance misuse problem during the year (SSDA903 SUBSTANCE_MISUSE).",
            ),
            optional(
                "intervention_received",
                Boolean,
                "Received an intervention for a substance misuse problem (SSDA903 INTERVENTION_RECEIVED).",
            ),
            optional(
                "intervention_offered",
                Boolean,
                "Offered an intervention for a substance misuse problem but refused it (SSDA903 INTERVENTION_OFFERED).",
            ),
        ],
    },
    TableDoc {
        name: "adoptions",
        description: "One row per adopted child (SSDA903 AD1).",
        columns: &[
            CHILD_ID,
            optional(
                "decision_date",
                Date,
                "Date of the decision that the child should be placed for adoption (SSDA903 DATE_INT).",
            ),
            optional(
                "match_date",
                Date,
                "Date the child was matched with prospective adopters (SSDA903 DATE_MATCH).",
            ),
            optional(
                "by_foster_carer",
                Boolean,
                "Whether the child was adopted by their foster carer (SSDA903 FOSTER_CARE).",
            ),
            optional(
                "number_of_adopters",
                Integer,
                "Number of adopters (SSDA903 NB_ADOPTR).",
            ),
            optional(
                "adopter_sex",
                Text,
                "Sex of the adopter or adopters: the code (SSDA903 SEX_ADOPTR, e.g. M1, F1, MF).",
            ),
            optional(
                "adopter_legal_status",
                Text,
                "Legal status of the adopter or adopters: the code (SSDA903 LS_ADOPTR, e.g. L0, L12).",
            ),
        ],
    },
    TableDoc {
        name: "placed_for_adoption",
        description: "One row per decision that a child should be placed for adoption (SSDA903 PlacedAdoption).",
        columns: &[
            CHILD_ID,
            required(
                "date_placed",
                Date,
                "Date of the decision that the child should be placed for adoption (SSDA903 DATE_PLACED).",
            ),
            optional(
                "date_ceased",
                Date,
                "Date the child was no longer to be placed for adoption (SSDA903 DATE_PLACED_CEASED).",
            ),
            optional(
                "reason_ceased",
                Text,
                "Why the child was no longer to be placed for adoption: the code (SSDA903 REASON_PLACED_CEASED, e.g. RD1).",
            ),
        ],
    },
    TableDoc {
        name: "previous_permanence",
        description: "One row per child who returned to care after a previous permanence order (SSDA903 PrevPerm).",
        columns: &[
            CHILD_ID,
            optional(
                "kind",
                Text,
                "The previous permanence order: the code (SSDA903 PREV_PERM, e.g. P1 adoption, Z1 none).",
            ),
            optional(
                "la",
                Text,
                "The local authority that made the order: 3-digit LA code, or NIR, SCO, WAL, NUK, 999 (SSDA903 LA_PERM).",
            ),
            optional(
                "perm_date",
                Text,
                "Date of the order as written: DD/MM/YYYY, where any part may be ZZ when unknown (SSDA903 DATE_PERM); text, as it need not be a whole date.",
            ),
        ],
    },
    TableDoc {
        name: "social_worker_episodes",
        description: "One row per period a social worker was allocated to a looked-after child (SSDA903 SWEpisodes).",
        columns: &[
            CHILD_ID,
            required(
                "worker_id",
                Text,
                "The social worker: Social Work England number (SW…) or a local placeholder (XX…) (SSDA903 SW_ID).",
            ),
            required(
                "start_date",
                Date,
                "Date the social worker was allocated (SSDA903 SW_DECOM).",
            ),
            optional(
                "end_date",
                Date,
                "Date the allocation ended (SSDA903 SW_DEC); missing while allocated.",
            ),
            optional(
                "reason",
                Text,
                "Why the allocation ended: the code (SSDA903 SW_REASON, e.g. MANAGE).",
            ),
        ],
    },
    TableDoc {
        name: "teams",
        description: "One row per team in children's services (case-management extract `teams.csv`).",
        columns: &[
            required(
                "team_id",
                Text,
                "The team's id in the case-management system.",
            ),
            required("name", Text, "The team's name."),
            required(
                "service",
                Text,
                "Service area, e.g. Assessment, Family Safeguarding, Children in Care.",
            ),
            required(
                "family_safeguarding",
                Boolean,
                "Whether the team is a Family Safeguarding team.",
            ),
        ],
    },
    TableDoc {
        name: "workers",
        description: "One row per member of staff (case-management extract `workers.csv`).",
        columns: &[
            required(
                "worker_id",
                Text,
                "The worker's id in the case-management system; for social workers, the Social Work England number used as SSDA903 SW_ID.",
            ),
            required("team_id", Text, "The worker's team: `teams.team_id`."),
            optional(
                "role",
                Text,
                "The post: SW social worker, TM team manager, FP family practitioner, DA domestic abuse adult worker, MH mental health adult worker, SU substance use adult worker.",
            ),
            optional("start_date", Date, "First day in post."),
            optional("end_date", Date, "Last day in post; missing while in post."),
            required(
                "agency",
                Boolean,
                "Whether the worker is agency (locum) rather than employed staff.",
            ),
        ],
    },
    TableDoc {
        name: "case_allocations",
        description: "One row per period a child's case was allocated to a worker (case-management extract `allocations.csv`).",
        columns: &[
            CHILD_ID,
            required(
                "worker_id",
                Text,
                "The allocated worker: `workers.worker_id`.",
            ),
            required(
                "team_id",
                Text,
                "The team holding the case: `teams.team_id`.",
            ),
            required("start_date", Date, "First day of the allocation."),
            optional(
                "end_date",
                Date,
                "Last day of the allocation; missing while allocated.",
            ),
        ],
    },
    TableDoc {
        name: "family_safeguarding",
        description: "One row per period a child's family was supported by the Family Safeguarding service (case-management extract `family_safeguarding.csv`).",
        columns: &[
            CHILD_ID,
            required(
                "team_id",
                Text,
                "The Family Safeguarding team: `teams.team_id`.",
            ),
            required("start_date", Date, "First day of the involvement."),
            optional(
                "end_date",
                Date,
                "Last day of the involvement; missing while open.",
            ),
            required(
                "domestic_abuse_worker",
                Boolean,
                "Whether a domestic abuse adult specialist was involved.",
            ),
            required(
                "mental_health_worker",
                Boolean,
                "Whether a mental health adult specialist was involved.",
            ),
            required(
                "substance_use_worker",
                Boolean,
                "Whether a substance use adult specialist was involved.",
            ),
        ],
    },
    TableDoc {
        name: "contacts",
        description: "One row per contact received about a child (case-management extract `contacts.csv`; SSD `ssd_contacts`; Ofsted Annex A list 1).",
        columns: &[
            CHILD_ID,
            required(
                "contact_date",
                Date,
                "The day the contact was received (SSD `cont_contact_date`).",
            ),
            optional(
                "source",
                Text,
                "Who made the contact: the code, in the CIN census `ReferralSource` code set (SSD `cont_contact_source_code`).",
            ),
            required(
                "led_to_referral",
                Boolean,
                "Whether the contact's outcome was a referral to children's social care.",
            ),
        ],
    },
    TableDoc {
        name: "strategy_discussions",
        description: "One row per strategy discussion (case-management extract `strategy_discussions.csv`; the SSD records the date as `s47e_s47_start_date`).",
        columns: &[
            CHILD_ID,
            required(
                "strategy_discussion_date",
                Date,
                "The day of the strategy discussion.",
            ),
            optional(
                "s47_start_date",
                Date,
                "The start of the section 47 enquiry it led to (`section47s.start_date`); missing when none followed.",
            ),
        ],
    },
    TableDoc {
        name: "visits",
        description: "One row per statutory visit to a child (case-management extract `visits.csv`; SSD `ssd_cp_visits`, `ssd_cin_visits`, `ssd_cla_visits`).",
        columns: &[
            CHILD_ID,
            required(
                "worker_id",
                Text,
                "The worker who visited: `workers.worker_id` (empty when not recorded).",
            ),
            required("visit_date", Date, "The day of the visit."),
            required(
                "visit_kind",
                Text,
                "`CP` (child protection plan), `CIN` (child in need plan) or `CLA` (looked after; regulation 28 of the Care Planning, Placement and Case Review (England) Regulations 2010).",
            ),
            required("seen", Boolean, "Whether the child was seen."),
            required("seen_alone", Boolean, "Whether the child was seen alone."),
        ],
    },
    TableDoc {
        name: "supervisions",
        description: "One row per supervision of a worker's work on a child's case (case-management extract `supervisions.csv`).",
        columns: &[
            CHILD_ID,
            required(
                "worker_id",
                Text,
                "The worker supervised: `workers.worker_id`.",
            ),
            required("supervision_date", Date, "The day of the supervision."),
        ],
    },
    TableDoc {
        name: "chronology_entries",
        description: "One row per entry in a child's chronology (case-management extract `chronology.csv`).",
        columns: &[
            CHILD_ID,
            required("event_date", Date, "The day the event happened."),
            required(
                "recorded_date",
                Date,
                "The day it was written into the chronology.",
            ),
            required(
                "event",
                Text,
                "What kind of event, in the case-management system's words.",
            ),
        ],
    },
    TableDoc {
        name: "return_home_interviews",
        description: "One row per missing episode after which a return-home interview was due (case-management extract `return_home_interviews.csv`; SSD `ssd_missing`; Ofsted Annex A list 8).",
        columns: &[
            CHILD_ID,
            required(
                "missing_start_date",
                Date,
                "The start of the missing episode: `missing_episodes.start_date` (SSD `miss_missing_episode_start_date`).",
            ),
            optional(
                "offered_date",
                Date,
                "The day the interview was offered; missing when it was not (SSD `miss_missing_rhi_offered`).",
            ),
            optional(
                "accepted",
                Boolean,
                "Whether the child accepted the interview; missing when not recorded (SSD `miss_missing_rhi_accepted`).",
            ),
            optional("completed_date", Date, "The day the interview took place."),
        ],
    },
    TableDoc {
        name: "population",
        description: "One row per area and year: the estimated number of children aged 0 to 17 living in the area at 30 June, the denominator of rates per 10,000 children (`population.csv`).",
        columns: &[
            required("area", Text, "The area, e.g. the local authority's code."),
            required(
                "year",
                Integer,
                "The year of the mid-year (30 June) estimate.",
            ),
            required("children_0_17", Integer, "Children aged 0 to 17."),
            required(
                "vintage",
                Text,
                "The release the estimate comes from, shown beside every rate.",
            ),
        ],
    },
];

/// The table named `name`, if it is exported.
pub fn table(name: &str) -> Option<&'static TableDoc> {
    TABLES.iter().find(|t| t.name == name)
}
