//! The lists of Ofsted's Annex A template: each list's sheet, columns in order, headings and the
//! coded values of its dropdowns.
//!
//! Headings follow the January 2024 template as the liia Annex A schema records it
//! (`shared/spec/annex_a/Annex_A_schema.yml`) with the 2026 change (`Annex_A_schema_2026.diff.yml`):
//! `Gender` is `Sex` in every list. Coded values are written as the template's lettered dropdown
//! labels (`a) Male`, `a) 1A: Individual`, `k) P1: Placed with parents`); where the schema records
//! no lettered label that keeps the DfE code (a reason for closure, a legal status, a placement
//! type added since the template), the value is written `CODE: description`, the DfE code and its
//! description, so nothing is lost.

use model::codes::CodeSet;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An identifier (child, adopter, family).
    Id,
    /// Free text (team, worker, postcode).
    Text,
    /// A date, written as an Excel date shown dd/mm/yyyy.
    Date,
    /// A whole number of 0 or more.
    Count,
    /// A value from a dropdown.
    Coded(Codes),
}

/// One column of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub heading: &'static str,
    pub kind: Kind,
    /// The template says the cell may be blank.
    pub can_be_blank: bool,
}

/// One list of Annex A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListSpec {
    pub number: u8,
    /// The sheet's name in the workbook.
    pub sheet: &'static str,
    pub title: &'static str,
    /// Who is in the list, in Ofsted's words as the research records them.
    pub window: &'static str,
    pub columns: &'static [Column],
}

impl ListSpec {
    /// The index of the column with this heading.
    pub fn index(&self, heading: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.heading == heading)
    }
}

const fn col(heading: &'static str, kind: Kind, can_be_blank: bool) -> Column {
    Column {
        heading,
        kind,
        can_be_blank,
    }
}

pub const CHILD_ID: &str = "Child Unique ID";
pub const SEX: &str = "Sex";
/// The heading before 2026; read as `Sex`.
pub const GENDER: &str = "Gender";

const ID: Column = col(CHILD_ID, Kind::Id, false);
const SEX_COL: Column = col(SEX, Kind::Coded(Codes::Sex), false);
const ETHNICITY: Column = col("Ethnicity", Kind::Coded(Codes::Ethnicity), false);
const DOB: Column = col("Date of Birth", Kind::Date, true);
const AGE: Column = col("Age of Child (Years)", Kind::Count, true);
const DISABILITY: Column = col(
    "Does the Child have a Disability",
    Kind::Coded(Codes::YesNoUnknown),
    false,
);
const TEAM: Column = col("Allocated Team", Kind::Text, false);
const WORKER: Column = col("Allocated Worker", Kind::Text, false);

pub const LIST_1: ListSpec = ListSpec {
    number: 1,
    sheet: "List 1",
    title: "Contacts",
    window: "all contacts in the six months before the inspection, one row per contact",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        col("Date of Contact", Kind::Date, false),
        col("Contact Source", Kind::Coded(Codes::Source), false),
    ],
};

pub const LIST_2: ListSpec = ListSpec {
    number: 2,
    sheet: "List 2",
    title: "Early help",
    window: "early help assessments in the six months before the inspection",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        col("Assessment start date", Kind::Date, false),
        col("Assessment completion date", Kind::Date, true),
        col("Organisation completing assessment", Kind::Text, false),
    ],
};

pub const LIST_3: ListSpec = ListSpec {
    number: 3,
    sheet: "List 3",
    title: "Referrals",
    window: "all referrals in the six months before the inspection, one row per referral",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        col("Date of referral", Kind::Date, false),
        col("Referral Source", Kind::Coded(Codes::Source), false),
        col("Referral NFA?", Kind::Coded(Codes::YesNo), false),
        col("Number of Referrals in Last 12 Months", Kind::Count, false),
        TEAM,
        WORKER,
    ],
};

pub const LIST_4: ListSpec = ListSpec {
    number: 4,
    sheet: "List 4",
    title: "Assessments",
    window: "child and family assessments open at any time in the six months before the inspection",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        DISABILITY,
        col("Continuous Assessment Start Date", Kind::Date, false),
        col(
            "Child Seen During Continuous Assessment",
            Kind::Coded(Codes::YesNoUnknown),
            true,
        ),
        col(
            "Continuous Assessment Date of Authorisation",
            Kind::Date,
            true,
        ),
        col(
            "Was the child assessed as requiring LA children's social care support?",
            Kind::Coded(Codes::YesNo),
            true,
        ),
        TEAM,
        WORKER,
    ],
};

pub const LIST_5: ListSpec = ListSpec {
    number: 5,
    sheet: "List 5",
    title: "Section 47 enquiries and ICPCs",
    window: "section 47 enquiries started in the six months before the inspection, open ones included, one row per enquiry",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        DISABILITY,
        col(
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            Kind::Date,
            false,
        ),
        col(
            "Was an Initial Child Protection Conference deemed unnecessary?",
            Kind::Coded(Codes::YesNo),
            true,
        ),
        col(
            "Date of Initial Child Protection Conference",
            Kind::Date,
            true,
        ),
        col(
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            Kind::Coded(Codes::YesNoUnknown),
            true,
        ),
        col(
            "Number of Section 47 Enquiries in the last 12 months",
            Kind::Count,
            false,
        ),
        col("Number of ICPCs in the last 12 months", Kind::Count, false),
        TEAM,
        WORKER,
    ],
};

pub const LIST_6: ListSpec = ListSpec {
    number: 6,
    sheet: "List 6",
    title: "Children in need",
    window: "children in need episodes open at any time in the six months before the inspection (not referrals closed with no further action)",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        DISABILITY,
        col("CIN Start Date", Kind::Date, true),
        col("Primary Need Code", Kind::Coded(Codes::PrimaryNeed), false),
        col("Date Child Was Last Seen", Kind::Date, true),
        col("CIN Closure Date", Kind::Date, true),
        col(
            "Reason for Closure",
            Kind::Coded(Codes::ReasonForClosure),
            true,
        ),
        col("Case Status", Kind::Coded(Codes::CaseStatus), false),
        TEAM,
        WORKER,
    ],
};

pub const LIST_7: ListSpec = ListSpec {
    number: 7,
    sheet: "List 7",
    title: "Child protection",
    window: "child protection plans open on the inspection date or ended in the six months before it",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        DISABILITY,
        col("Child Protection Plan Start Date", Kind::Date, false),
        col(
            "Initial Category of Abuse",
            Kind::Coded(Codes::Abuse),
            false,
        ),
        col("Latest Category of Abuse", Kind::Coded(Codes::Abuse), false),
        col("Date of the Last Statutory Visit", Kind::Date, true),
        col(
            "Was the Child Seen Alone?",
            Kind::Coded(Codes::YesNoUnknown),
            true,
        ),
        col("Date of latest review conference", Kind::Date, true),
        col("Child Protection Plan End Date", Kind::Date, true),
        col(
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
            Kind::Coded(Codes::YesNo),
            false,
        ),
        col(
            "Number of Previous Child Protection Plans",
            Kind::Count,
            false,
        ),
        TEAM,
        WORKER,
    ],
};

pub const LIST_8: ListSpec = ListSpec {
    number: 8,
    sheet: "List 8",
    title: "Children in care",
    window: "children looked after on the inspection date or who ceased to be looked after in the six months before it, one row per child (their latest episode)",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        col(
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            Kind::Coded(Codes::YesNo),
            false,
        ),
        DISABILITY,
        col("Date Started to be Looked After", Kind::Date, false),
        col(
            "Child's Category of Need",
            Kind::Coded(Codes::PrimaryNeed),
            false,
        ),
        col(
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
            Kind::Coded(Codes::YesNo),
            false,
        ),
        col("Start date of current legal status", Kind::Date, false),
        col(
            "Child's Legal Status",
            Kind::Coded(Codes::LegalStatus),
            false,
        ),
        col("Date of Latest Statutory Review", Kind::Date, true),
        col("Date of Last Social Work Visit", Kind::Date, true),
        col(
            "What is the permanence plan for this child?",
            Kind::Coded(Codes::Permanence),
            true,
        ),
        col(
            "Date of Last IRO Visit / Contact to the Child",
            Kind::Date,
            true,
        ),
        col("Date of Last Health Assessment", Kind::Date, true),
        col("Date of Last Dental Check", Kind::Date, true),
        col(
            "Number of Placements in the Last 12 months",
            Kind::Count,
            false,
        ),
        col("Date Ceased to be Looked After", Kind::Date, true),
        col(
            "Reason Ceased to be Looked After",
            Kind::Coded(Codes::ReasonCeased),
            true,
        ),
        col("Start Date of Most Recent Placement", Kind::Date, false),
        col("Placement Type", Kind::Coded(Codes::Placement), false),
        col("Placement Provider", Kind::Coded(Codes::Provider), false),
        col("Placement postcode", Kind::Text, false),
        col("URN of Placement", Kind::Text, true),
        col("Placement Location", Kind::Coded(Codes::Location), false),
        col("LA of Placement", Kind::Text, false),
        col(
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            Kind::Count,
            false,
        ),
        col(
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
            Kind::Count,
            false,
        ),
        col(
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            Kind::Coded(Codes::YesNo),
            true,
        ),
        col(
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            Kind::Coded(Codes::YesNo),
            true,
        ),
        TEAM,
        WORKER,
    ],
};

pub const LIST_9: ListSpec = ListSpec {
    number: 9,
    sheet: "List 9",
    title: "Care leavers",
    window: "care leavers entitled to support on the inspection date: eligible (16 or 17, looked after), relevant (16 or 17, left care) and former relevant (18 to 20) young people who were looked after for 13 weeks (91 days) since their 14th birthday and on or after their 16th",
    columns: &[
        ID,
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        col(
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            Kind::Coded(Codes::YesNo),
            false,
        ),
        DISABILITY,
        TEAM,
        WORKER,
        col("Allocated Personal Advisor", Kind::Text, false),
        col(
            "Eligibility Category",
            Kind::Coded(Codes::Eligibility),
            false,
        ),
        col("Latest Pathway Plan Review Date", Kind::Date, true),
        col("LA in Touch", Kind::Coded(Codes::InTouch), false),
        col("Latest Date of Contact", Kind::Date, true),
        col(
            "Type of Accommodation",
            Kind::Coded(Codes::Accommodation),
            true,
        ),
        col(
            "Suitability of Accommodation",
            Kind::Coded(Codes::Suitability),
            true,
        ),
        col("Activity Status", Kind::Coded(Codes::Activity), true),
    ],
};

pub const LIST_10: ListSpec = ListSpec {
    number: 10,
    sheet: "List 10",
    title: "Adoption",
    window: "children with a decision that they should be placed for adoption who, in the 12 months before the inspection, were adopted, are still waiting, or whose decision was reversed",
    columns: &[
        ID,
        col("Family identifier", Kind::Id, true),
        SEX_COL,
        ETHNICITY,
        DOB,
        AGE,
        DISABILITY,
        col("Date the Child Entered Care", Kind::Date, false),
        col(
            "Date of Decision that Child Should be Placed for Adoption",
            Kind::Date,
            false,
        ),
        col("Date of Placement Order", Kind::Date, true),
        col(
            "Date of Matching Child and Prospective Adopters",
            Kind::Date,
            true,
        ),
        col("Date Placed for Adoption", Kind::Date, true),
        col("Date of Adoption Order", Kind::Date, true),
        col(
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            Kind::Date,
            true,
        ),
        col(
            "Reason Why Child No Longer Placed for Adoption",
            Kind::Coded(Codes::NoLongerPlaced),
            true,
        ),
        col(
            "Date the child was placed for fostering in FFA or concurrent planning placement",
            Kind::Date,
            true,
        ),
    ],
};

pub const LIST_11: ListSpec = ListSpec {
    number: 11,
    sheet: "List 11",
    title: "Adopters",
    window: "individuals in contact with the adoption agency in the 12 months before the inspection",
    columns: &[
        col("Individual adopter identifier", Kind::Id, false),
        col("Family identifier", Kind::Id, true),
        SEX_COL,
        ETHNICITY,
        col("Disability", Kind::Coded(Codes::YesNoUnknown), false),
        col(
            "Is the (prospective) adopter fostering for adoption?",
            Kind::Coded(Codes::YesNo),
            false,
        ),
        col("Date enquiry received", Kind::Date, false),
        col("Date Stage 1 started", Kind::Date, true),
        col("Date Stage 1 ended", Kind::Date, true),
        col("Date Stage 2 started", Kind::Date, true),
        col("Date Stage 2 ended", Kind::Date, true),
        col("Date application submitted", Kind::Date, true),
        col("Date application approved", Kind::Date, true),
        col("Date adopter matched with child(ren)", Kind::Date, true),
        col(
            "Date child/children placed with adopter(s)",
            Kind::Date,
            true,
        ),
        col("No. of children placed", Kind::Count, true),
        col("Date of Adoption Order", Kind::Date, true),
        col("Date of leaving adoption process", Kind::Date, true),
        col(
            "Reason for leaving adoption process",
            Kind::Coded(Codes::AdopterLeft),
            true,
        ),
    ],
};

/// The eleven lists in order.
pub const LISTS: [ListSpec; 11] = [
    LIST_1, LIST_2, LIST_3, LIST_4, LIST_5, LIST_6, LIST_7, LIST_8, LIST_9, LIST_10, LIST_11,
];

/// The dropdowns of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Codes {
    Sex,
    Ethnicity,
    Source,
    YesNo,
    YesNoUnknown,
    Abuse,
    CaseStatus,
    PrimaryNeed,
    ReasonForClosure,
    LegalStatus,
    Permanence,
    Placement,
    Provider,
    Location,
    ReasonCeased,
    Eligibility,
    InTouch,
    Accommodation,
    Suitability,
    Activity,
    NoLongerPlaced,
    AdopterLeft,
}

const ALL_CODES: [Codes; 22] = [
    Codes::Sex,
    Codes::Ethnicity,
    Codes::Source,
    Codes::YesNo,
    Codes::YesNoUnknown,
    Codes::Abuse,
    Codes::CaseStatus,
    Codes::PrimaryNeed,
    Codes::ReasonForClosure,
    Codes::LegalStatus,
    Codes::Permanence,
    Codes::Placement,
    Codes::Provider,
    Codes::Location,
    Codes::ReasonCeased,
    Codes::Eligibility,
    Codes::InTouch,
    Codes::Accommodation,
    Codes::Suitability,
    Codes::Activity,
    Codes::NoLongerPlaced,
    Codes::AdopterLeft,
];

/// A dropdown's values: each internal code (the DfE code where there is one) with the label
/// written, and every spelling read.
#[derive(Debug)]
pub struct Table {
    pub entries: Vec<(&'static str, String)>,
    by_code: HashMap<&'static str, usize>,
    by_label: HashMap<String, &'static str>,
}

impl Table {
    fn new(entries: Vec<(&'static str, String)>, aliases: &[(&str, &'static str)]) -> Self {
        let mut by_code = HashMap::new();
        let mut by_label = HashMap::new();
        for (i, (code, label)) in entries.iter().enumerate() {
            by_code.entry(*code).or_insert(i);
            by_label.insert(label.to_lowercase(), *code);
            // The label without its letter: "Male", "1A: Individual".
            by_label
                .entry(strip_letter(label).to_lowercase())
                .or_insert(*code);
        }
        for (alias, code) in aliases {
            by_label.insert(alias.to_lowercase(), *code);
        }
        Self {
            entries,
            by_code,
            by_label,
        }
    }

    /// The label written for a code.
    pub fn label(&self, code: &str) -> Option<&str> {
        self.by_code.get(code).map(|&i| self.entries[i].1.as_str())
    }

    /// Reads a cell: the template's label (with or without its letter, any case), the DfE code
    /// alone, or `CODE: description` / `CODE - description`.
    pub fn parse(&self, text: &str) -> Option<&'static str> {
        let t = text.trim();
        let lower = t.to_lowercase();
        if let Some(c) = self.by_label.get(&lower) {
            return Some(c);
        }
        let rest = strip_letter(t);
        if let Some(c) = self.by_label.get(&rest.to_lowercase()) {
            return Some(c);
        }
        let token = rest
            .split([':', ' ', '-'])
            .next()
            .unwrap_or_default()
            .trim();
        self.entries
            .iter()
            .map(|(c, _)| *c)
            .find(|c| c.eq_ignore_ascii_case(token))
    }
}

/// `a) Male` → `Male`; `zz) T4: …` → `T4: …`.
fn strip_letter(label: &str) -> &str {
    let bytes = label.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
    if (1..=2).contains(&letters) && label[letters..].starts_with(") ") {
        &label[letters + 2..]
    } else {
        label
    }
}

fn lettered(codes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    codes
        .iter()
        .enumerate()
        .map(|(i, (code, text))| (*code, format!("{}) {text}", letter(i))))
        .collect()
}

/// a, b, …, z, then zz (as the template's placement types).
fn letter(i: usize) -> String {
    if i < 26 {
        char::from(b'a' + i as u8).to_string()
    } else {
        "zz".to_owned()
    }
}

/// Every code of a DfE code set as `CODE: description`.
fn dfe<C: CodeSet>() -> Vec<(&'static str, String)> {
    C::ALL
        .iter()
        .map(|c| (c.code(), format!("{}: {}", c.code(), c.description())))
        .collect()
}

/// The template's lettered labels first, then the set's other codes as `CODE: description`.
fn lettered_then_dfe<C: CodeSet>(labels: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = labels
        .iter()
        .map(|(code, label)| (*code, (*label).to_owned()))
        .collect();
    for c in C::ALL {
        if !labels.iter().any(|(code, _)| *code == c.code()) {
            out.push((c.code(), format!("{}: {}", c.code(), c.description())));
        }
    }
    out
}

impl Codes {
    /// The dropdown's table (built once).
    pub fn table(self) -> &'static Table {
        static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
        let tables = TABLES.get_or_init(|| ALL_CODES.iter().map(|c| c.build()).collect());
        &tables[ALL_CODES.iter().position(|c| *c == self).unwrap_or(0)]
    }

    fn build(self) -> Table {
        use model::codes::*;
        match self {
            Codes::Sex => Table::new(
                lettered(&[("M", "Male"), ("F", "Female"), ("U", "Not stated/recorded")]),
                &[
                    ("d) Neither", "U"),
                    ("Neither", "U"),
                    ("c) Not stated/recorded (or unborn)", "U"),
                    ("1", "M"),
                    ("2", "F"),
                    ("0", "U"),
                    ("9", "U"),
                ],
            ),
            Codes::Ethnicity => Table::new(
                Ethnicity::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.code(), format!("{}) {}", letter(i), e.code())))
                    .collect(),
                &[],
            ),
            Codes::Source => Table::new(
                lettered_then_dfe::<ReferralSource>(&[
                    ("1A", "a) 1A: Individual"),
                    ("1B", "b) 1B: Individual"),
                    ("1C", "c) 1C: Individual"),
                    ("1D", "d) 1D: Individual"),
                    ("2A", "e) 2A: Schools"),
                    ("2B", "f) 2B: Education services"),
                    ("3A", "g) 3A: Health services"),
                    ("3B", "h) 3B: Health services"),
                    ("3C", "i) 3C: Health services"),
                    ("3D", "j) 3D: Health services"),
                    ("3E", "k) 3E: Health services"),
                    ("3F", "l) 3F: Health services"),
                    ("4", "m) 4: Housing"),
                    ("5A", "n) 5A: LA services"),
                    ("5B", "o) 5B: LA services"),
                    ("5C", "p) 5C: LA services"),
                    ("6", "q) 6: Police"),
                    ("7", "r) 7: Other legal agency"),
                    ("8", "s) 8: Other"),
                    ("9", "t) 9: Anonymous"),
                    ("10", "u) 10: Unknown"),
                ]),
                &[],
            ),
            Codes::YesNo => Table::new(
                lettered(&[("Y", "Yes"), ("N", "No")]),
                &[("true", "Y"), ("false", "N")],
            ),
            Codes::YesNoUnknown => Table::new(
                lettered(&[("Y", "Yes"), ("N", "No"), ("U", "Unknown")]),
                &[("true", "Y"), ("false", "N")],
            ),
            Codes::Abuse => Table::new(
                lettered(&[
                    ("NEG", "Neglect"),
                    ("PHY", "Physical abuse"),
                    ("SAB", "Sexual abuse"),
                    ("EMO", "Emotional abuse"),
                    ("MUL", "Multiple/not recommended"),
                ]),
                &[("e) Multiple", "MUL"), ("Multiple", "MUL")],
            ),
            Codes::CaseStatus => Table::new(
                lettered(&[
                    ("LAC", "Looked after child"),
                    ("CPP", "Child Protection plan"),
                    ("CINP", "Child in need plan"),
                    ("ASMT", "Open assessment"),
                    ("CLOSED", "Closed episode"),
                ]),
                &[],
            ),
            Codes::PrimaryNeed => Table::new(
                lettered(&[
                    ("N1", "Abuse or neglect"),
                    ("N2", "Child's disability"),
                    ("N3", "Parents illness or disability"),
                    ("N4", "Family in acute stress"),
                    ("N5", "Family dysfunction"),
                    ("N6", "Socially unacceptable behaviour"),
                    ("N7", "Low income"),
                    ("N8", "Absent parenting"),
                    ("N9", "Not CIN"),
                    ("N0", "Not stated"),
                ]),
                &[],
            ),
            Codes::ReasonForClosure => Table::new(dfe::<ReasonForClosure>(), &[]),
            Codes::LegalStatus => Table::new(dfe::<LegalStatus>(), &[]),
            Codes::Permanence => Table::new(
                lettered(&[
                    ("RTF", "Return to family"),
                    ("ADO", "Adoption"),
                    ("SGO", "SGO/CAO"),
                    ("SLC", "Supported living in the community"),
                    ("LTR", "Long-term residential placement"),
                    ("LTF", "Long-term fostering"),
                    ("OTH", "Other"),
                ]),
                &[],
            ),
            Codes::Placement => Table::new(
                lettered_then_dfe::<Placement>(&[
                    ("U1", "a) U1: Foster placement - relatives - long term"),
                    ("U2", "b) U2: Foster placement - relative - FFA"),
                    ("U3", "c) U3: Foster placement - relative - not FFA"),
                    ("U4", "d) U4: Foster placement - long term"),
                    ("U5", "e) U5: Foster placement - FFA"),
                    ("U6", "f) U6: Foster placement - not FFA"),
                    ("A3", "g) A3: Placed for adoption - consent - current foster"),
                    ("A4", "h) A4: Placed for adoption - consent - not foster"),
                    ("A5", "i) A5: Placed for adoption - order - foster"),
                    ("A6", "j) A6: Placed for adoption - order - not foster"),
                    ("P1", "k) P1: Placed with parents"),
                    ("P2", "l) P2: Independent living"),
                    ("P3", "m) P3: Residential employment"),
                    ("H5", "n) H5: Residential accommodation"),
                    ("K1", "o) K1: Secure Children’s Homes"),
                    ("K2", "p) K2: Children’s Homes"),
                    ("R1", "q) R1: Residential Care Home"),
                    ("R2", "r) R2: NHS/Health Trust"),
                    ("R3", "s) R3: Family Centre or Mother and Baby Unit"),
                    ("R5", "t) R5: Young Offender Institution"),
                    ("S1", "u) S1: Residential school"),
                    ("Z1", "v) Z1: Other placements"),
                    ("T0", "w) T0: Temporary placement"),
                    ("T1", "x) T1: Temporary placement - hospital"),
                    ("T2", "y) T2: Temporary placement - holiday"),
                    ("T3", "z) T3: Temporary placement - carer holiday"),
                    ("T4", "zz) T4: Temporary placement - seven days or less"),
                ]),
                &[],
            ),
            Codes::Provider => Table::new(
                lettered_then_dfe::<PlacementProvider>(&[
                    ("PR0", "a) PR0: Parents/Parental responsibility"),
                    ("PR1", "b) PR1: Own provision"),
                    ("PR2", "c) PR2: Other LA provision"),
                    ("PR3", "d) PR3: Other public provision"),
                    ("PR4", "e) PR4: Private provision"),
                    ("PR5", "f) PR5: Voluntary/third sector"),
                ]),
                &[],
            ),
            Codes::Location => Table::new(lettered(&[("IN", "In"), ("OUT", "Out")]), &[]),
            Codes::ReasonCeased => Table::new(
                lettered_then_dfe::<ReasonEpisodeCeased>(&[
                    ("E11", "a) E11: Adopted - application unopposed"),
                    ("E12", "b) E12: Adopted - consent dispensed"),
                    ("E2", "c) E2: Died"),
                    ("E3", "d) E3: Care taken by another LA"),
                    (
                        "E4A",
                        "e) E4A: Returned home to live with parents or relatives - part of planning",
                    ),
                    (
                        "E4B",
                        "f) E4B: Returned home to live with parents or relatives - not part of planning",
                    ),
                    (
                        "E13",
                        "g) E13: Parents, relatives or other with no parental responsibility",
                    ),
                    ("E41", "h) E41: Residence order granted"),
                    (
                        "E45",
                        "i) E45: Special Guardianship Orders - former carer relative/friend",
                    ),
                    ("E46", "j) E46: Special Guardianship Orders - former carer other"),
                    ("E47", "k) E47: Special Guardianship Orders - relative/friend"),
                    ("E48", "l) E48: Special Guardianship Orders - other"),
                    ("E5", "m) E5: Moved into independent living - supported"),
                    ("E6", "n) E6: Moved into independent living - no support"),
                    (
                        "E7",
                        "o) E7: Transferred to residential care funded by adult social services",
                    ),
                    ("E9", "p) E9: Sentenced to custody"),
                    ("E14", "q) E14: Accommodation on remand ended"),
                    ("E15", "r) E15: Age assessment determined child was 18 or over"),
                    ("E16", "s) E16: Child moved abroad"),
                    ("E8", "t) E8: Care ceased for any other reason"),
                    ("X1", "u) X1:CodeError"),
                    (
                        "E17",
                        "v) E17: Aged 18 (or over) and remained with current carers (inc under staying put arrangements)",
                    ),
                ]),
                &[],
            ),
            Codes::Eligibility => Table::new(
                lettered(&[
                    ("REL", "Relevant child"),
                    ("FREL", "Former relevant child"),
                    ("QUAL", "Qualifying care leaver"),
                    ("ELIG", "Eligible child"),
                ]),
                &[],
            ),
            Codes::InTouch => Table::new(
                lettered(&[
                    ("YES", "Yes"),
                    ("NO", "No"),
                    ("DIED", "Died"),
                    ("REFU", "Refu"),
                    ("NREQ", "NREQ"),
                    ("RHOM", "Rhom"),
                ]),
                &[],
            ),
            Codes::Accommodation => Table::new(
                lettered(&[
                    ("B", "With parents or relatives"),
                    ("C", "Community home"),
                    ("D", "Semi-independent transitional accommodation"),
                    ("E", "Supported lodgings"),
                    ("G", "Gone abroad"),
                    ("H", "Deported"),
                    ("K", "Ordinary lodgings"),
                    ("R", "Residence not known"),
                    ("S", "No fixed abode / homeless"),
                    ("T", "Foyers"),
                    ("U", "Independent living"),
                    ("V", "Emergency accommodation"),
                    ("W", "Bed and breakfast"),
                    ("X", "In custody"),
                    ("Z", "With Former Foster Carer"),
                    ("Y", "Other accommodation"),
                ]),
                &[],
            ),
            Codes::Suitability => Table::new(
                lettered(&[("1", "Suitable"), ("2", "Unsuitable")]),
                &[("b) Not suitable", "2"), ("Not suitable", "2")],
            ),
            Codes::Activity => Table::new(
                [
                    ("F1", "Full time in higher education"),
                    ("P1", "Part time in higher education"),
                    ("F2", "Full time in education other than higher"),
                    ("P2", "Part time in education other than higher"),
                    ("F3", "Full time in training or employment"),
                    ("P3", "Part time in training or employment"),
                    ("F4", "Young person engaged full time in an apprenticeship"),
                    ("P4", "Young person engaged part time in an apprenticeship"),
                    (
                        "F5",
                        "Young person engaged full time in training or employment (not apprenticeship)",
                    ),
                    (
                        "P5",
                        "Young person engaged part time in training or employment (not apprenticeship)",
                    ),
                    (
                        "G4",
                        "Not in education, employment or training - illness or disability",
                    ),
                    ("G5", "Not in education, employment or training - other"),
                    (
                        "G6",
                        "Not in education, employment or training - pregnancy or parenting",
                    ),
                ]
                .iter()
                .map(|(c, d)| (*c, format!("{c}: {d}")))
                .collect(),
                &[],
            ),
            Codes::NoLongerPlaced => Table::new(
                lettered(&[
                    ("RD1", "Child’s needs changed"),
                    ("RD2", "Court did not make a PO"),
                    ("RD3", "Prospective adopters cannot be found"),
                    ("RD4", "Any other reason"),
                ]),
                &[],
            ),
            Codes::AdopterLeft => Table::new(
                lettered(&[
                    ("1", "Withdrew"),
                    ("2", "Process on hold"),
                    ("3", "Application refused"),
                ]),
                &[],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_reads_back_to_its_code() {
        for c in ALL_CODES {
            let t = c.table();
            for (code, label) in &t.entries {
                assert_eq!(t.parse(label), Some(*code), "{c:?} {label}");
                assert_eq!(t.parse(code), Some(*code), "{c:?} {code}");
            }
        }
    }

    #[test]
    fn template_spellings() {
        assert_eq!(Codes::Sex.table().label("M"), Some("a) Male"));
        assert_eq!(Codes::Ethnicity.table().label("NOBT"), Some("t) NOBT"));
        assert_eq!(Codes::Source.table().label("10"), Some("u) 10: Unknown"));
        assert_eq!(
            Codes::Placement.table().label("T4"),
            Some("zz) T4: Temporary placement - seven days or less")
        );
        assert_eq!(Codes::Sex.table().parse("Female"), Some("F"));
        assert_eq!(Codes::Source.table().parse("3A - GP"), Some("3A"));
        assert_eq!(Codes::YesNo.table().parse("no"), Some("N"));
        assert_eq!(Codes::Sex.table().parse("x) Other"), None);
    }

    #[test]
    fn sex_replaces_gender_in_every_list_with_one() {
        for l in LISTS {
            assert!(l.index(GENDER).is_none(), "list {}", l.number);
            assert!(l.index(SEX).is_some(), "list {}", l.number);
        }
    }
}
