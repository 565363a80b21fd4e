//! An Annex A workbook read as an input: each list's sheet found by its name (`List 1`,
//! `List 1 - Contacts`, `list_1`), its headings matched to the template's (any case and spacing;
//! `Gender` read as `Sex`), every cell checked against its column's kind and codes, and the lists
//! loaded into a [`model::Dataset`].
//!
//! Every problem is a [`Finding`] naming the sheet, the row and column as Excel shows them, the
//! heading, the rule and the value; a cell that breaks a rule is left empty, a row without a child
//! id is skipped. Nothing here panics on any bytes.
//!
//! What the lists become in the model (what Annex A does not say is not invented, except where
//! stated):
//! - a child's sex, ethnicity and date of birth from the first row that gives them; disability
//!   `a) Yes` as the DfE code `DDA` (other: Annex A does not say which), `b) No` as `NONE`;
//! - list 1 contacts (a contact led to a referral when list 3 has a referral of the child that day);
//! - list 3 referrals; list 6 adds the primary need, closure date and reason to the referral of the
//!   same child and date (or adds the referral);
//! - list 4 assessments, list 5 section 47 enquiries and list 7 child protection plans go to the
//!   child's latest referral dated on or before them; where there is none, a referral dated the
//!   day the record starts holds them;
//! - list 7's last statutory visit and list 8's last social work visit as visits with the child
//!   seen, list 7's latest review conference as a review date, list 8's latest review as a review;
//! - list 8 as episodes of care from the period's start: one episode from each of the start of care,
//!   of the current legal status and of the most recent placement (whichever differ), the last one
//!   with the placement, provider, postcode, URN, and the date and reason ceased;
//! - list 9's LA in touch, type and suitability of accommodation and activity as a care-leaver
//!   record of the collection year holding the reference date;
//! - list 10's decision, matching and reversal as the SSDA903 placed-for-adoption and adoption
//!   records;
//! - Allocated Team and Allocated Worker as an allocation open from the reference date (its start
//!   is not in Annex A).
//!
//! The reference date is the one passed in, or else the latest date in the workbook.

use crate::spec::{self, CHILD_ID, GENDER, Kind, LISTS, ListSpec, SEX};
use crate::{Cell, List};
use calamine::{Data, Reader as _, Xlsx};
use model::codes::*;
use model::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::Path;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    /// The value cannot be used: the cell (or row, or list) is left out.
    Error,
    /// The value is used, but the template wants otherwise (a blank where it wants a value, a
    /// column it does not have).
    Query,
}

/// A problem found in a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub sheet: String,
    /// The row as Excel numbers it (1 is the first); 0 for the whole sheet.
    pub row: u32,
    /// The column letter as Excel shows it, empty for the whole row or sheet.
    pub column: String,
    /// The column's heading, if any.
    pub heading: String,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A finding about the whole workbook has no sheet: it is just the message.
        if !self.sheet.is_empty() {
            write!(f, "{}", self.sheet)?;
            if self.row > 0 {
                write!(f, " row {}", self.row)?;
            }
            if !self.column.is_empty() {
                write!(f, " column {}", self.column)?;
            }
            if !self.heading.is_empty() {
                write!(f, " ({})", self.heading)?;
            }
            f.write_str(": ")?;
        }
        write!(
            f,
            "{} [{}, {}]",
            self.message,
            self.rule,
            match self.severity {
                Severity::Error => "error",
                Severity::Query => "query",
            }
        )
    }
}

/// The rules a workbook is checked against.
pub mod rules {
    pub const UNREADABLE: &str = "AA-file: the file is an xlsx workbook";
    pub const SHEET: &str = "AA-sheet: every list has its sheet";
    pub const HEADING_MISSING: &str = "AA-heading: every column of the template is there";
    pub const HEADING_UNKNOWN: &str = "AA-heading-unknown: only the template's columns";
    pub const HEADING_TWICE: &str = "AA-heading-twice: each column once";
    pub const ID: &str = "AA-id: every row names its child";
    pub const DATE: &str = "AA-date: a date (an Excel date, dd/mm/yyyy or yyyy-mm-dd)";
    pub const COUNT: &str = "AA-count: a whole number of 0 or more";
    pub const CODE: &str = "AA-code: one of the template's values";
    pub const BLANK: &str = "AA-blank: a value where the template wants one";
    pub const ACCOMMODATION: &str =
        "AA-accommodation: a type of accommodation comes with its suitability";
}

/// What reading a workbook gives.
#[derive(Debug, Clone, Default)]
pub struct ReadOutcome {
    /// The lists found, their cells checked (numbers 1 to 11; a missing list is absent).
    pub lists: Vec<List>,
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
}

impl ReadOutcome {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Reads the workbook at `path`.
pub fn read_workbook(path: &Path, reference: Option<Date>) -> ReadOutcome {
    match std::fs::File::open(path) {
        Ok(f) => read_from(std::io::BufReader::new(f), reference),
        Err(e) => unreadable(format!("cannot open {}: {e}", path.display())),
    }
}

/// Reads a workbook's bytes.
pub fn read_bytes(bytes: &[u8], reference: Option<Date>) -> ReadOutcome {
    read_from(std::io::Cursor::new(bytes), reference)
}

fn unreadable(message: String) -> ReadOutcome {
    ReadOutcome {
        findings: vec![Finding {
            sheet: String::new(),
            row: 0,
            column: String::new(),
            heading: String::new(),
            rule: rules::UNREADABLE,
            severity: Severity::Error,
            message,
        }],
        ..ReadOutcome::default()
    }
}

fn read_from<R: Read + Seek>(rs: R, reference: Option<Date>) -> ReadOutcome {
    let mut wb: Xlsx<R> = match Xlsx::new(rs) {
        Ok(wb) => wb,
        Err(e) => return unreadable(format!("not an xlsx workbook: {e}")),
    };
    let mut findings = Vec::new();
    let mut lists = Vec::new();
    let names = wb.sheet_names();
    for spec in &LISTS {
        let Some(name) = names.iter().find(|n| list_number(n) == Some(spec.number)) else {
            findings.push(Finding {
                sheet: spec.sheet.to_owned(),
                row: 0,
                column: String::new(),
                heading: String::new(),
                rule: rules::SHEET,
                severity: Severity::Query,
                message: format!(
                    "no sheet for list {} ({}): read as empty",
                    spec.number, spec.title
                ),
            });
            continue;
        };
        match wb.worksheet_range(name) {
            Ok(range) => lists.push(read_sheet(spec, name, &range, &mut findings)),
            Err(e) => findings.push(Finding {
                sheet: name.clone(),
                row: 0,
                column: String::new(),
                heading: String::new(),
                rule: rules::UNREADABLE,
                severity: Severity::Error,
                message: format!("the sheet cannot be read: {e}"),
            }),
        }
    }
    let reference = reference
        .or_else(|| {
            lists
                .iter()
                .flat_map(|l| l.rows.iter().flatten())
                .filter_map(Cell::as_date)
                .max()
        })
        .unwrap_or(Date::constant(2000, 1, 1));
    let dataset = into_dataset(&lists, reference);
    ReadOutcome {
        lists,
        dataset,
        findings,
    }
}

/// `List 3`, `List 3 - Referrals`, `list_3`, `Annex A List 3` → 3.
fn list_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let at = lower.find("list")?;
    let rest = lower[at + 4..].trim_start_matches([' ', '_', '-', '.']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|n| (1..=11).contains(n))
}

fn normalise(heading: &str) -> String {
    heading
        .replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Excel's column letters: 0 → A, 26 → AA.
pub fn column_letter(mut c: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn read_sheet(
    spec: &'static ListSpec,
    sheet: &str,
    range: &calamine::Range<Data>,
    findings: &mut Vec<Finding>,
) -> List {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows_iter = range.rows().enumerate();
    let mut list = List {
        number: spec.number,
        rows: vec![],
        empty_fields: vec![],
        note: None,
    };
    let find = |findings: &mut Vec<Finding>,
                r: u32,
                c: Option<u32>,
                heading: &str,
                rule: &'static str,
                severity: Severity,
                message: String| {
        findings.push(Finding {
            sheet: sheet.to_owned(),
            row: r,
            column: c.map(column_letter).unwrap_or_default(),
            heading: heading.to_owned(),
            rule,
            severity,
            message,
        })
    };
    // The heading row: the first row with any text.
    let mut heading_row = None;
    for (i, row) in rows_iter.by_ref() {
        if row.iter().any(|d| !matches!(d, Data::Empty)) {
            heading_row = Some((i, row));
            break;
        }
    }
    let Some((hi, headings)) = heading_row else {
        return list;
    };
    let heading_excel_row = row0 + hi as u32 + 1;
    // Which sheet column holds each template column.
    let mut at: Vec<Option<usize>> = vec![None; spec.columns.len()];
    for (i, d) in headings.iter().enumerate() {
        let text = cell_text(d);
        if text.trim().is_empty() {
            continue;
        }
        let mut norm = normalise(&text);
        if norm == GENDER.to_lowercase() {
            norm = SEX.to_lowercase();
        }
        match spec
            .columns
            .iter()
            .position(|c| normalise(c.heading) == norm)
        {
            Some(j) if at[j].is_none() => at[j] = Some(i),
            Some(_) => find(
                findings,
                heading_excel_row,
                Some(col0 + i as u32),
                &text,
                rules::HEADING_TWICE,
                Severity::Error,
                "this column appears twice: the later one is not read".into(),
            ),
            None => find(
                findings,
                heading_excel_row,
                Some(col0 + i as u32),
                &text,
                rules::HEADING_UNKNOWN,
                Severity::Query,
                format!("list {} has no such column: not read", spec.number),
            ),
        }
    }
    for (j, c) in spec.columns.iter().enumerate() {
        if at[j].is_none() {
            find(
                findings,
                heading_excel_row,
                None,
                c.heading,
                rules::HEADING_MISSING,
                if j == 0 {
                    Severity::Error
                } else {
                    Severity::Query
                },
                format!("the column {:?} is missing: read as empty", c.heading),
            );
        }
    }
    if at[0].is_none() {
        return list;
    }
    for (i, row) in rows_iter {
        if row.iter().all(|d| matches!(d, Data::Empty)) {
            continue;
        }
        let excel_row = row0 + i as u32 + 1;
        let mut cells = Vec::with_capacity(spec.columns.len());
        for (j, c) in spec.columns.iter().enumerate() {
            let Some(src) = at[j] else {
                cells.push(Cell::Empty);
                continue;
            };
            let d = row.get(src).unwrap_or(&Data::Empty);
            let col = Some(col0 + src as u32);
            let text = cell_text(d);
            if text.trim().is_empty() {
                if !c.can_be_blank {
                    find(
                        findings,
                        excel_row,
                        col,
                        c.heading,
                        if j == 0 { rules::ID } else { rules::BLANK },
                        if j == 0 {
                            Severity::Error
                        } else {
                            Severity::Query
                        },
                        if j == 0 {
                            "no child id: the row is not read".into()
                        } else {
                            "blank, where the template wants a value".into()
                        },
                    );
                }
                cells.push(Cell::Empty);
                continue;
            }
            let parsed = match c.kind {
                Kind::Id | Kind::Text => Ok(Cell::Text(text.trim().to_owned())),
                Kind::Date => read_date(d)
                    .map(Cell::Date)
                    .ok_or((rules::DATE, "not a date")),
                Kind::Count => read_count(d)
                    .map(Cell::Count)
                    .ok_or((rules::COUNT, "not a whole number of 0 or more")),
                Kind::Coded(codes) => codes
                    .table()
                    .parse(&text)
                    .map(Cell::Code)
                    .ok_or((rules::CODE, "not one of the template's values")),
            };
            match parsed {
                Ok(cell) => cells.push(cell),
                Err((rule, what)) => {
                    find(
                        findings,
                        excel_row,
                        col,
                        c.heading,
                        rule,
                        Severity::Error,
                        format!("{:?} is {what}: left empty", text.trim()),
                    );
                    cells.push(Cell::Empty);
                }
            }
        }
        if cells[0] == Cell::Empty {
            continue;
        }
        list.rows.push(cells);
    }
    list
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(x) => x.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// An Excel serial day number (1900 date system) as a date.
fn from_serial(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Day 60 is Excel's 29 February 1900, which did not exist; 1899-12-30 is day 0 after it.
    let days = serial.floor() as i64;
    Date::constant(1899, 12, 30)
        .checked_add(jiff::Span::new().days(days))
        .ok()
}

fn read_date(d: &Data) -> Option<Date> {
    match d {
        Data::DateTime(x) => from_serial(x.as_f64()),
        Data::Float(f) => from_serial(*f),
        Data::Int(i) => from_serial(*i as f64),
        Data::String(s) | Data::DateTimeIso(s) => parse_date_text(s.trim()),
        _ => None,
    }
}

fn parse_date_text(s: &str) -> Option<Date> {
    let s = s.split([' ', 'T']).next()?;
    if let Some((d, rest)) = s.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        let (d, m, y): (i8, i8, i16) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        return Date::new(y, m, d).ok();
    }
    s.parse().ok()
}

fn read_count(d: &Data) -> Option<u32> {
    match d {
        Data::Int(i) => u32::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Some(*f as u32)
        }
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

// --- into the model ---------------------------------------------------------------------------

struct Row<'a> {
    spec: &'static ListSpec,
    cells: &'a [Cell],
}

impl Row<'_> {
    fn get(&self, heading: &str) -> &Cell {
        self.spec
            .index(heading)
            .and_then(|i| self.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }
    fn date(&self, heading: &str) -> Option<Date> {
        self.get(heading).as_date()
    }
    fn code(&self, heading: &str) -> Option<&'static str> {
        self.get(heading).as_code()
    }
    fn yes(&self, heading: &str) -> Option<bool> {
        match self.code(heading) {
            Some("Y") => Some(true),
            Some("N") => Some(false),
            _ => None,
        }
    }
    fn text(&self, heading: &str) -> Option<&str> {
        self.get(heading).as_text()
    }
}

/// The child's referral dated on or before `d` (the latest), or a new one dated `d`.
fn referral_for(child: &mut Child, d: Date) -> &mut Referral {
    let i = child.referrals.iter().rposition(|r| r.referral_date <= d);
    let i = match i {
        Some(i) => i,
        None => {
            child.referrals.push(Referral {
                referral_date: d,
                ..Referral::default()
            });
            child.referrals.sort_by_key(|r| r.referral_date);
            child
                .referrals
                .iter()
                .rposition(|r| r.referral_date == d)
                .unwrap_or(0)
        }
    };
    &mut child.referrals[i]
}

fn into_dataset(lists: &[List], reference: Date) -> Dataset {
    let mut children: BTreeMap<String, Child> = BTreeMap::new();
    let mut ds = Dataset::default();
    let rows = |n: u8| {
        lists
            .iter()
            .filter(move |l| l.number == n)
            .flat_map(|l| l.rows.iter())
            .map(move |cells| Row {
                spec: &spec::LISTS[usize::from(n) - 1],
                cells,
            })
    };
    let mut allocations: BTreeMap<(String, String, String), ()> = BTreeMap::new();
    // People first: every list 1 to 10 names children.
    for n in 1..=10u8 {
        for row in rows(n) {
            let Some(id) = row.text(CHILD_ID) else {
                continue;
            };
            let child = children.entry(id.to_owned()).or_insert_with(|| Child {
                id: ChildId(id.to_owned()),
                ..Child::default()
            });
            if child.sex.is_none() {
                child.sex = row.code(SEX).and_then(Sex::from_code);
            }
            if child.ethnicity.is_none() {
                child.ethnicity = row.code("Ethnicity").and_then(Ethnicity::from_code);
            }
            if child.birth_date.is_none() {
                child.birth_date = row.date("Date of Birth");
            }
            if child.disabilities.is_empty() {
                match row.yes("Does the Child have a Disability") {
                    Some(true) => child.disabilities = vec![Disability::DDA],
                    Some(false) => child.disabilities = vec![Disability::NONE],
                    None => {}
                }
            }
            if let (Some(team), Some(worker)) =
                (row.text("Allocated Team"), row.text("Allocated Worker"))
            {
                allocations.insert((id.to_owned(), worker.to_owned(), team.to_owned()), ());
            }
        }
    }
    for row in rows(3) {
        let (Some(id), Some(date)) = (row.text(CHILD_ID), row.date("Date of referral")) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        child.referrals.push(Referral {
            referral_date: date,
            source: row
                .code("Referral Source")
                .and_then(ReferralSource::from_code),
            no_further_action: row.yes("Referral NFA?").unwrap_or(false),
            ..Referral::default()
        });
    }
    for child in children.values_mut() {
        child.referrals.sort_by_key(|r| r.referral_date);
    }
    for row in rows(1) {
        let (Some(id), Some(date)) = (row.text(CHILD_ID), row.date("Date of Contact")) else {
            continue;
        };
        let led = children
            .get(id)
            .is_some_and(|c| c.referrals.iter().any(|r| r.referral_date == date));
        ds.contacts.push(Contact {
            child: ChildId(id.to_owned()),
            date,
            source: row
                .code("Contact Source")
                .and_then(ReferralSource::from_code),
            led_to_referral: led,
        });
    }
    for row in rows(6) {
        let (Some(id), Some(start)) = (row.text(CHILD_ID), row.date("CIN Start Date")) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        let r = match child
            .referrals
            .iter()
            .position(|r| r.referral_date == start)
        {
            Some(i) => &mut child.referrals[i],
            None => referral_for(child, start),
        };
        r.primary_need = row
            .code("Primary Need Code")
            .and_then(PrimaryNeed::from_code);
        r.closure_date = row.date("CIN Closure Date");
        r.reason_for_closure = row
            .code("Reason for Closure")
            .and_then(ReasonForClosure::from_code);
        if let Some(seen) = row.date("Date Child Was Last Seen") {
            let worker = row.text("Allocated Worker").unwrap_or_default().to_owned();
            // A CIN visit stands for "last seen"; its kind is not in Annex A.
            ds.visits.push(Visit {
                child: ChildId(id.to_owned()),
                worker,
                date: seen,
                kind: VisitKind::ChildInNeed,
                seen: true,
                seen_alone: false,
            });
        }
    }
    for row in rows(4) {
        let (Some(id), Some(start)) = (
            row.text(CHILD_ID),
            row.date("Continuous Assessment Start Date"),
        ) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        referral_for(child, start).assessments.push(Assessment {
            start_date: start,
            authorised_date: row.date("Continuous Assessment Date of Authorisation"),
            ..Assessment::default()
        });
    }
    for row in rows(5) {
        let (Some(id), Some(start)) = (
            row.text(CHILD_ID),
            row.date("Strategy discussion initiating Section 47 Enquiry Start Date"),
        ) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        referral_for(child, start).section47s.push(Section47 {
            start_date: start,
            icpc_target_date: None,
            icpc_date: row.date("Date of Initial Child Protection Conference"),
            icpc_not_required: row
                .yes("Was an Initial Child Protection Conference deemed unnecessary?")
                .unwrap_or(false),
        });
    }
    for row in rows(7) {
        let (Some(id), Some(start)) = (
            row.text(CHILD_ID),
            row.date("Child Protection Plan Start Date"),
        ) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        referral_for(child, start).cp_plans.push(CpPlan {
            start_date: start,
            end_date: row.date("Child Protection Plan End Date"),
            initial_category: row
                .code("Initial Category of Abuse")
                .and_then(CategoryOfAbuse::from_code),
            latest_category: row
                .code("Latest Category of Abuse")
                .and_then(CategoryOfAbuse::from_code),
            number_of_previous_plans: row
                .get("Number of Previous Child Protection Plans")
                .as_count(),
            review_dates: row
                .date("Date of latest review conference")
                .into_iter()
                .collect(),
        });
        if let Some(v) = row.date("Date of the Last Statutory Visit") {
            ds.visits.push(Visit {
                child: ChildId(id.to_owned()),
                worker: row.text("Allocated Worker").unwrap_or_default().to_owned(),
                date: v,
                kind: VisitKind::ChildProtection,
                seen: true,
                seen_alone: row.yes("Was the Child Seen Alone?").unwrap_or(false),
            });
        }
    }
    for row in rows(8) {
        let Some(id) = row.text(CHILD_ID) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        let Some(period) = row.date("Date Started to be Looked After") else {
            continue;
        };
        let status = row
            .date("Start date of current legal status")
            .unwrap_or(period);
        let placement = row
            .date("Start Date of Most Recent Placement")
            .unwrap_or(status);
        let mut starts = vec![period, status.max(period), placement.max(period)];
        starts.sort();
        starts.dedup();
        let ls = row
            .code("Child's Legal Status")
            .and_then(LegalStatus::from_code);
        let need = row
            .code("Child's Category of Need")
            .and_then(CategoryOfNeed::from_code);
        for (k, &s) in starts.iter().enumerate() {
            let last = k + 1 == starts.len();
            let at_placement = s >= placement;
            child.cla_episodes.push(ClaEpisode {
                start_date: s,
                reason_new_episode: Some(if k == 0 {
                    ReasonNewEpisode::S
                } else if s == placement && s == status {
                    ReasonNewEpisode::B
                } else if s == placement {
                    ReasonNewEpisode::P
                } else {
                    ReasonNewEpisode::L
                }),
                legal_status: ls.filter(|_| s >= status),
                category_of_need: need,
                placement: row
                    .code("Placement Type")
                    .and_then(Placement::from_code)
                    .filter(|_| at_placement),
                placement_provider: row
                    .code("Placement Provider")
                    .and_then(PlacementProvider::from_code)
                    .filter(|_| at_placement),
                end_date: if last {
                    row.date("Date Ceased to be Looked After")
                } else {
                    starts.get(k + 1).copied()
                },
                reason_ceased: if last {
                    row.code("Reason Ceased to be Looked After")
                        .and_then(ReasonEpisodeCeased::from_code)
                } else {
                    Some(ReasonEpisodeCeased::X1)
                },
                placement_postcode: row
                    .text("Placement postcode")
                    .filter(|_| at_placement)
                    .map(str::to_owned),
                urn: row
                    .text("URN of Placement")
                    .filter(|_| at_placement)
                    .map(str::to_owned),
                ..ClaEpisode::default()
            });
        }
        if row.yes("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")
            == Some(true)
        {
            child.uasc = Some(UascStatus { ceased: None });
        }
        if let Some(r) = row.date("Date of Latest Statutory Review") {
            child.cla_reviews.push(ClaReview {
                date: r,
                participation: None,
            });
        }
        if let Some(v) = row.date("Date of Last Social Work Visit") {
            ds.visits.push(Visit {
                child: ChildId(id.to_owned()),
                worker: row.text("Allocated Worker").unwrap_or_default().to_owned(),
                date: v,
                kind: VisitKind::LookedAfter,
                seen: true,
                seen_alone: false,
            });
        }
    }
    for row in rows(9) {
        let Some(id) = row.text(CHILD_ID) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        let accommodation = match (
            row.code("Type of Accommodation"),
            row.code("Suitability of Accommodation"),
        ) {
            (Some(t), Some(s)) => Accommodation::from_code(&format!("{t}{s}")),
            _ => None,
        };
        if row
            .yes("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)")
            == Some(true)
            && child.uasc.is_none()
        {
            child.uasc = Some(UascStatus { ceased: None });
        }
        child.care_leaver_records.push(CareLeaverRecord {
            year: CollectionYear::containing(reference),
            in_touch: row.code("LA in Touch").and_then(InTouch::from_code),
            activity: row.code("Activity Status").and_then(Activity::from_code),
            accommodation,
        });
    }
    for row in rows(10) {
        let Some(id) = row.text(CHILD_ID) else {
            continue;
        };
        let Some(child) = children.get_mut(id) else {
            continue;
        };
        let Some(decision) = row.date("Date of Decision that Child Should be Placed for Adoption")
        else {
            continue;
        };
        child.placed_for_adoption.push(PlacedForAdoption {
            date_placed: decision,
            date_ceased: row
                .date("Date of Decision that Child Should No Longer be Placed for Adoption"),
            reason_ceased: row
                .code("Reason Why Child No Longer Placed for Adoption")
                .and_then(ReasonPlacedCeased::from_code),
        });
        child.adoption = Some(Adoption {
            decision_date: Some(decision),
            match_date: row.date("Date of Matching Child and Prospective Adopters"),
            ..Adoption::default()
        });
    }
    for ((child, worker, team), ()) in allocations {
        ds.allocations.push(CaseAllocation {
            child: ChildId(child),
            worker,
            team,
            start: reference,
            end: None,
        });
    }
    ds.children = children.into_values().collect();
    for child in &mut ds.children {
        // Two rows for one referral (a list 3 row and list 4 to 7 rows dated the same day) are
        // one referral.
        child.referrals.sort_by_key(|r| r.referral_date);
        child.referrals.dedup_by(|later, kept| {
            if later.referral_date != kept.referral_date {
                return false;
            }
            kept.assessments.append(&mut later.assessments);
            kept.section47s.append(&mut later.section47s);
            kept.cp_plans.append(&mut later.cp_plans);
            kept.source = kept.source.or(later.source);
            kept.primary_need = kept.primary_need.or(later.primary_need);
            kept.closure_date = kept.closure_date.or(later.closure_date);
            kept.reason_for_closure = kept.reason_for_closure.or(later.reason_for_closure);
            true
        });
        child.cla_reviews.sort_by_key(|r| r.date);
        child.cla_reviews.dedup_by_key(|r| r.date);
    }
    ds.normalise();
    // One record per natural key, as the store keeps them: the same visit stands behind rows
    // of several lists (last seen, last statutory visit), and a list may repeat a contact.
    ds.visits
        .dedup_by(|a, b| model::visit_key(a) == model::visit_key(b));
    ds.contacts
        .dedup_by(|a, b| model::contact_key(a) == model::contact_key(b));
    ds
}

/// A workbook is an Annex A when it has a sheet named for a list whose first row holds the
/// `Child Unique ID` heading (for `harbour load` to recognise one).
pub fn looks_like_annex_a(bytes: &[u8]) -> bool {
    let Ok(mut wb) = Xlsx::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let names = wb.sheet_names();
    names.iter().any(|n| {
        list_number(n).is_some()
            && wb.worksheet_range(n).is_ok_and(|r| {
                r.rows().next().is_some_and(|row| {
                    row.iter().any(|d| {
                        let t = normalise(&cell_text(d));
                        t == normalise(CHILD_ID) || t == "individual adopter identifier"
                    })
                })
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names() {
        assert_eq!(list_number("List 3"), Some(3));
        assert_eq!(list_number("List 10 - Adoption"), Some(10));
        assert_eq!(list_number("list_11"), Some(11));
        assert_eq!(list_number("List 12"), None);
        assert_eq!(list_number("Contents"), None);
    }

    #[test]
    fn dates_and_letters() {
        assert_eq!(from_serial(46188.0), Some(Date::constant(2026, 6, 15)));
        assert_eq!(
            parse_date_text("15/06/2026"),
            Some(Date::constant(2026, 6, 15))
        );
        assert_eq!(
            parse_date_text("2026-06-15"),
            Some(Date::constant(2026, 6, 15))
        );
        assert_eq!(parse_date_text("31/02/2026"), None);
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(35), "AJ");
    }

    #[test]
    fn garbage_is_a_finding_not_a_panic() {
        let out = read_bytes(b"PK\x03\x04 not really a zip", None);
        assert_eq!(out.errors(), 1);
        assert_eq!(out.findings[0].rule, rules::UNREADABLE);
        let out = read_bytes(b"", None);
        assert_eq!(out.errors(), 1);
    }
}
