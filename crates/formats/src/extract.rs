//! The case-management extract: teams, workers, case allocations, Family Safeguarding
//! involvement and the practice records (contacts, strategy discussions, statutory visits, case
//! supervisions, chronology entries, return-home interviews), as ten CSV files in a layout of
//! Harbour's own. Where the Standard Safeguarding Dataset (SSD, data-to-insight
//! `ssd-data-model`) holds a field, its table and field are named beside the column, so an SSD
//! deployment can be exported to these files column for column.
//!
//! # Layout
//!
//! Each file is a CSV with a header row, recognised by that row rather than its name: the file
//! is the one, of those whose first column below is present, with the most of its own columns
//! (column names compare ignoring case and surrounding spaces; columns may come in any order; extra
//! columns are ignored; a recognised file lacking a column is a
//! [`FormatError::MissingColumns`], and one naming a column twice a [`FormatError::Csv`]). Dates are ISO `YYYY-MM-DD`; an empty end date means the
//! period is still open. Flags are `0` or `1`, and a blank flag reads as `0`.
//!
//! **teams.csv**: one row per team ([`model::Team`]).
//!
//! | column | meaning |
//! |---|---|
//! | `team_id` | the team's id in the case-management system (required) |
//! | `name` | the team's name |
//! | `service` | service area, e.g. `Assessment`, `Family Safeguarding`, `Children in Care` |
//! | `family_safeguarding` | `1` for a Family Safeguarding team |
//!
//! **workers.csv**: one row per member of staff ([`model::Worker`]).
//!
//! | column | meaning |
//! |---|---|
//! | `worker_id` | the worker's id; for social workers, the Social Work England number used as SSDA903 `SW_ID` (required) |
//! | `team_id` | the worker's team |
//! | `role` | `SW` social worker, `TM` team manager, `FP` family practitioner, `DA` domestic abuse adult worker, `MH` mental health adult worker, `SU` substance use adult worker ([`model::WorkerRole::code`]) |
//! | `start_date` | first day in post |
//! | `end_date` | last day in post; empty while in post |
//! | `agency` | `1` for agency (locum) staff |
//!
//! **allocations.csv**: one row per period a child's case was allocated to a worker
//! ([`model::CaseAllocation`]).
//!
//! | column | meaning |
//! |---|---|
//! | `child_id` | the child's LA id, as CIN `LAchildID` and SSDA903 `CHILD` (required) |
//! | `worker_id` | the allocated worker (required) |
//! | `team_id` | the team holding the case |
//! | `start_date` | first day of the allocation (required) |
//! | `end_date` | last day; empty while allocated |
//!
//! **family_safeguarding.csv**: one row per period a child's family was supported by Family
//! Safeguarding ([`model::FamilySafeguardingInvolvement`]).
//!
//! | column | meaning |
//! |---|---|
//! | `child_id` | the child's LA id (required) |
//! | `team_id` | the Family Safeguarding team |
//! | `start_date` | first day (required) |
//! | `end_date` | last day; empty while open |
//! | `domestic_abuse` | `1` when a domestic abuse adult worker was involved |
//! | `mental_health` | `1` when a mental health adult worker was involved |
//! | `substance_use` | `1` when a substance use adult worker was involved |
//!
//! **contacts.csv**: one row per contact received about a child (SSD `ssd_contacts`; Ofsted Annex
//! A list 1) ([`model::Contact`]). One row per child and day.
//!
//! | column | meaning | SSD |
//! |---|---|---|
//! | `child_id` | the child's LA id (required) | `cont_person_id` |
//! | `contact_date` | the day the contact was received (required) | `cont_contact_date` |
//! | `source` | who made it, in the CIN census `ReferralSource` codes (`1A` … `10`) | `cont_contact_source_code` |
//! | `led_to_referral` | `1` when its outcome was a referral to children's social care | `cont_contact_outcome_json` (the outcome) |
//!
//! **strategy_discussions.csv**: one row per strategy discussion ([`model::StrategyDiscussion`]).
//!
//! | column | meaning | SSD |
//! |---|---|---|
//! | `child_id` | the child's LA id (required) | `s47e_person_id` |
//! | `strategy_discussion_date` | the day of the discussion (required) | `s47e_s47_start_date` (the SSD records "the date of the strategy discussion at which the Section 47 Enquiries were initiated" there) |
//! | `s47_start_date` | the start of the section 47 enquiry it led to (CIN census `S47ActualStartDate`); empty when none followed. Links the discussion to the enquiry, for the ICPC timescale counted from the strategy discussion | (none) |
//!
//! **visits.csv**: one row per statutory visit ([`model::Visit`]). One row per child, day, kind
//! and worker.
//!
//! | column | meaning | SSD |
//! |---|---|---|
//! | `child_id` | the child's LA id (required) | `cppv_person_id`, `cinv_person_id`, `clav_person_id` |
//! | `worker_id` | the worker who visited | (none; `ssd_involvements` holds the allocated worker) |
//! | `visit_date` | the day of the visit (required) | `cppv_cp_visit_date`, `cinv_cin_visit_date`, `clav_cla_visit_date` |
//! | `visit_kind` | `CP` (child protection plan), `CIN` (child in need plan) or `CLA` (looked after, regulation 28) (required) | the table: `ssd_cp_visits`, `ssd_cin_visits`, `ssd_cla_visits` |
//! | `seen` | `1` when the child was seen | `cppv_cp_visit_seen`, `cinv_cin_visit_seen`, `clav_cla_visit_seen` |
//! | `seen_alone` | `1` when the child was seen alone | `cppv_cp_visit_seen_alone`, `cinv_cin_visit_seen_alone`, `clav_cla_visit_seen_alone` |
//!
//! **supervisions.csv**: one row per supervision of a worker's work on a child's case
//! ([`model::Supervision`]). The SSD has no supervision table.
//!
//! | column | meaning |
//! |---|---|
//! | `worker_id` | the worker supervised (required) |
//! | `child_id` | the child whose case was discussed (required) |
//! | `supervision_date` | the day of the supervision (required) |
//!
//! **chronology.csv**: one row per entry in a child's chronology ([`model::ChronologyEntry`]).
//! The SSD has no chronology table.
//!
//! | column | meaning |
//! |---|---|
//! | `child_id` | the child's LA id (required) |
//! | `event_date` | the day the event happened (required) |
//! | `recorded_date` | the day it was written into the chronology (required; not before `event_date`) |
//! | `event` | what kind of event, in the system's words (e.g. `Visit`, `Strategy discussion`) |
//!
//! **return_home_interviews.csv**: one row per missing episode after which a return-home
//! interview was due ([`model::ReturnHomeInterview`]; Annex A list 8).
//!
//! | column | meaning | SSD |
//! |---|---|---|
//! | `child_id` | the child's LA id (required) | `miss_person_id` |
//! | `missing_start_date` | the start of the missing episode, as SSDA903 `MIS_START` (required) | `miss_missing_episode_start_date` |
//! | `offered_date` | the day the interview was offered; empty when it was not | `miss_missing_rhi_offered` (a flag there) |
//! | `accepted` | `1` accepted, `0` declined, empty not recorded | `miss_missing_rhi_accepted` |
//! | `completed_date` | the day the interview took place | (none) |
//!
//! # Problems
//!
//! As for the SSDA903 reader: a bad value (a date that does not exist, an unknown role, a flag
//! that is not 0/1) is a [`Problem`] located by file, table (the file's name without `.csv`),
//! 0-based data row and 1-based line, and the value is left empty. A row lacking a required value
//! is skipped with a problem, as is a row with a value longer than 255 characters. A row with
//! fewer values than the header has columns, or more that are not blank, is a problem. A second
//! row for the same team or worker id replaces the first, with a problem. Dates out of order
//! within a row (a chronology entry recorded before its event, an interview offered before the
//! child went missing or held before it was offered, an enquiry starting before the strategy
//! discussion that led to it) and a child seen alone but not seen are problems. Records come back sorted as [`model::Dataset::normalise`] sorts them.

use crate::ssda903::csv_table::{
    self, CsvFile, DateStyle, RowContext, check_row_length, column_positions, format_date,
    is_blank, values,
};
use crate::{FormatError, Location, Problem, ProblemKind, Read};
use model::{
    CaseAllocation, ChildId, ChronologyEntry, Contact, FamilySafeguardingInvolvement,
    ReturnHomeInterview, StrategyDiscussion, Supervision, Team, Visit, VisitKind, Worker,
    WorkerRole,
};
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

const ISO: DateStyle = DateStyle::Iso;

/// The records of a case-management extract.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extract {
    pub teams: Vec<Team>,
    pub workers: Vec<Worker>,
    pub allocations: Vec<CaseAllocation>,
    pub family_safeguarding: Vec<FamilySafeguardingInvolvement>,
    pub contacts: Vec<Contact>,
    pub strategy_discussions: Vec<StrategyDiscussion>,
    pub visits: Vec<Visit>,
    pub supervisions: Vec<Supervision>,
    pub chronology: Vec<ChronologyEntry>,
    pub return_home_interviews: Vec<ReturnHomeInterview>,
}

impl Extract {
    /// Sorts the records as [`model::Dataset::normalise`] does (ties keep their order).
    pub fn normalise(&mut self) {
        model::normalise_workforce(
            &mut self.teams,
            &mut self.workers,
            &mut self.allocations,
            &mut self.family_safeguarding,
        );
        model::PracticeMut {
            contacts: &mut self.contacts,
            strategy_discussions: &mut self.strategy_discussions,
            visits: &mut self.visits,
            supervisions: &mut self.supervisions,
            chronology: &mut self.chronology,
            return_home_interviews: &mut self.return_home_interviews,
        }
        .normalise();
    }

    /// Whether the extract holds no record at all.
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
            && self.workers.is_empty()
            && self.allocations.is_empty()
            && self.family_safeguarding.is_empty()
            && self.contacts.is_empty()
            && self.strategy_discussions.is_empty()
            && self.visits.is_empty()
            && self.supervisions.is_empty()
            && self.chronology.is_empty()
            && self.return_home_interviews.is_empty()
    }
}

/// An extract file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum File {
    Teams,
    Workers,
    Allocations,
    FamilySafeguarding,
    Contacts,
    StrategyDiscussions,
    Visits,
    Supervisions,
    Chronology,
    ReturnHomeInterviews,
}

impl File {
    const ALL: [File; 10] = [
        File::Teams,
        File::Workers,
        File::Allocations,
        File::FamilySafeguarding,
        File::Contacts,
        File::StrategyDiscussions,
        File::Visits,
        File::Supervisions,
        File::Chronology,
        File::ReturnHomeInterviews,
    ];

    /// The file's name without `.csv`; also the table name in problem locations.
    fn name(self) -> &'static str {
        match self {
            File::Teams => "teams",
            File::Workers => "workers",
            File::Allocations => "allocations",
            File::FamilySafeguarding => "family_safeguarding",
            File::Contacts => "contacts",
            File::StrategyDiscussions => "strategy_discussions",
            File::Visits => "visits",
            File::Supervisions => "supervisions",
            File::Chronology => "chronology",
            File::ReturnHomeInterviews => "return_home_interviews",
        }
    }

    fn columns(self) -> &'static [&'static str] {
        match self {
            File::Teams => &TEAMS,
            File::Workers => &WORKERS,
            File::Allocations => &ALLOCATIONS,
            File::FamilySafeguarding => &FAMILY_SAFEGUARDING,
            File::Contacts => &CONTACTS,
            File::StrategyDiscussions => &STRATEGY_DISCUSSIONS,
            File::Visits => &VISITS,
            File::Supervisions => &SUPERVISIONS,
            File::Chronology => &CHRONOLOGY,
            File::ReturnHomeInterviews => &RETURN_HOME_INTERVIEWS,
        }
    }
}

const TEAMS: [&str; 4] = ["team_id", "name", "service", "family_safeguarding"];
const WORKERS: [&str; 6] = [
    "worker_id",
    "team_id",
    "role",
    "start_date",
    "end_date",
    "agency",
];
const ALLOCATIONS: [&str; 5] = ["child_id", "worker_id", "team_id", "start_date", "end_date"];
const FAMILY_SAFEGUARDING: [&str; 7] = [
    "child_id",
    "team_id",
    "start_date",
    "end_date",
    "domestic_abuse",
    "mental_health",
    "substance_use",
];
const CONTACTS: [&str; 4] = ["child_id", "contact_date", "source", "led_to_referral"];
const STRATEGY_DISCUSSIONS: [&str; 3] = ["child_id", "strategy_discussion_date", "s47_start_date"];
const VISITS: [&str; 6] = [
    "child_id",
    "worker_id",
    "visit_date",
    "visit_kind",
    "seen",
    "seen_alone",
];
const SUPERVISIONS: [&str; 3] = ["worker_id", "child_id", "supervision_date"];
const CHRONOLOGY: [&str; 4] = ["child_id", "event_date", "recorded_date", "event"];
const RETURN_HOME_INTERVIEWS: [&str; 5] = [
    "child_id",
    "missing_start_date",
    "offered_date",
    "accepted",
    "completed_date",
];

fn identify_file(headers: &[&str]) -> Option<File> {
    let tables = File::ALL.map(File::columns);
    csv_table::best_match(headers, &tables).map(|i| File::ALL[i])
}

/// Which extract file a header row heads: `teams`, `workers`, `allocations`,
/// `family_safeguarding`, `contacts`, `strategy_discussions`, `visits`, `supervisions`,
/// `chronology` or `return_home_interviews` (the file's name without `.csv`). The file is the
/// one, of those whose first column (`team_id`, `worker_id`, `child_id`) is present, with the most of its own columns
/// present; the row may still lack some of them. `None` when the row is none of
/// these or could be either of two.
pub fn identify(headers: &[&str]) -> Option<&'static str> {
    identify_file(headers).map(File::name)
}

/// Reads every `*.csv` file in a folder, in name order, as [`read_files`] does, except that a
/// file which is not an extract file is skipped with a problem rather than failing the read.
pub fn read_dir(dir: &Path) -> Result<Read<Extract>, FormatError> {
    let paths = crate::ssda903::csv_files_in(dir)?;
    read(&paths, true)
}

/// Reads extract files, each recognised by its header row. A file that is not an extract file
/// is an error.
pub fn read_files(paths: &[PathBuf]) -> Result<Read<Extract>, FormatError> {
    read(paths, false)
}

fn read(paths: &[PathBuf], skip_unrecognised: bool) -> Result<Read<Extract>, FormatError> {
    let mut reader = ExtractReader::default();
    for path in paths {
        let csv = CsvFile::open(path)?;
        let mut records = csv.records();
        let header = records.header()?;
        let unrecognised = match &header {
            None => Some("the file is empty (an extract file starts with a header row)".to_owned()),
            Some(header) => {
                let names: Vec<&str> = header.iter().map(String::as_str).collect();
                match identify_file(&names) {
                    Some(file) => {
                        let missing = csv_table::missing_columns(&names, file.columns());
                        if !missing.is_empty() {
                            return Err(FormatError::MissingColumns {
                                file: path.clone(),
                                table: file.name().to_owned(),
                                line: records.line(),
                                columns: missing.into_iter().map(str::to_owned).collect(),
                            });
                        }
                        if let Some(twice) = csv_table::duplicate_column(header, file.columns()) {
                            return Err(csv_table::duplicate_column_error(
                                path,
                                records.line(),
                                file.name(),
                                twice,
                            ));
                        }
                        None
                    }
                    None => Some(format!(
                        "the header row ({}) is not that of an extract file (teams, workers, \
                         allocations, family_safeguarding, contacts, strategy_discussions, \
                         visits, supervisions, chronology or return_home_interviews)",
                        names.join(",")
                    )),
                }
            }
        };
        match (unrecognised, header) {
            (Some(message), _) if skip_unrecognised => reader.problems.push(Problem {
                kind: ProblemKind::Unexpected,
                location: Location::File { file: path.clone() },
                field: String::new(),
                child_id: None,
                message: format!("{message}; the file is skipped"),
            }),
            (Some(message), _) => {
                return Err(FormatError::Unrecognised {
                    file: path.clone(),
                    message,
                });
            }
            (None, Some(header)) => reader.read_file(path, &header, &mut records)?,
            (None, None) => {}
        }
    }
    let mut extract = reader.extract;
    extract.normalise();
    Ok(Read {
        data: extract,
        problems: reader.problems,
    })
}

#[derive(Default)]
struct ExtractReader {
    extract: Extract,
    problems: Vec<Problem>,
    /// Where each team and worker id was read, to report a second row.
    teams: HashMap<String, (usize, u64, u64)>,
    workers: HashMap<String, (usize, u64, u64)>,
}

impl ExtractReader {
    fn read_file(
        &mut self,
        path: &Path,
        header: &[String],
        records: &mut csv_table::Records<'_>,
    ) -> Result<(), FormatError> {
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        let Some(file) = identify_file(&names) else {
            return Ok(());
        };
        let positions = column_positions(header, file.columns());
        while let Some(row) = records.next_row()? {
            if is_blank(row.record) {
                continue;
            }
            let mut ctx = RowContext {
                file: path,
                table: file.name(),
                row: row.row,
                line: row.line,
                child: None,
                problems: &mut self.problems,
            };
            if check_row_length(&mut ctx, row.record, header.len())
                || csv_table::has_overlong_value(&mut ctx, row.record, header)
            {
                continue;
            }
            let here = (row.row, row.line);
            match file {
                File::Teams => {
                    let team = read_team(&mut ctx, values(row.record, &positions));
                    if let Some(team) = team {
                        replace(
                            &mut ctx,
                            &mut self.teams,
                            &mut self.extract.teams,
                            team,
                            here,
                            |t| &t.id,
                        );
                    }
                }
                File::Workers => {
                    let worker = read_worker(&mut ctx, values(row.record, &positions));
                    if let Some(worker) = worker {
                        let (seen, list) = (&mut self.workers, &mut self.extract.workers);
                        replace(&mut ctx, seen, list, worker, here, |w| &w.id);
                    }
                }
                File::Allocations => {
                    let [child, ..] = values::<1>(row.record, &positions);
                    ctx.child = (!child.is_empty()).then_some(child);
                    if let Some(a) = read_allocation(&mut ctx, values(row.record, &positions)) {
                        self.extract.allocations.push(a);
                    }
                }
                File::FamilySafeguarding => {
                    let [child, ..] = values::<1>(row.record, &positions);
                    ctx.child = (!child.is_empty()).then_some(child);
                    let values = values(row.record, &positions);
                    if let Some(f) = read_family_safeguarding(&mut ctx, values) {
                        self.extract.family_safeguarding.push(f);
                    }
                }
                File::Supervisions => {
                    let [_, child, ..] = values::<2>(row.record, &positions);
                    ctx.child = (!child.is_empty()).then_some(child);
                    if let Some(r) = read_supervision(&mut ctx, values(row.record, &positions)) {
                        self.extract.supervisions.push(r);
                    }
                }
                File::Contacts
                | File::StrategyDiscussions
                | File::Visits
                | File::Chronology
                | File::ReturnHomeInterviews => {
                    let [child, ..] = values::<1>(row.record, &positions);
                    ctx.child = (!child.is_empty()).then_some(child);
                    let e = &mut self.extract;
                    match file {
                        File::Contacts => {
                            e.contacts
                                .extend(read_contact(&mut ctx, values(row.record, &positions)));
                        }
                        File::StrategyDiscussions => e.strategy_discussions.extend(
                            read_strategy_discussion(&mut ctx, values(row.record, &positions)),
                        ),
                        File::Visits => {
                            e.visits
                                .extend(read_visit(&mut ctx, values(row.record, &positions)));
                        }
                        File::Chronology => e
                            .chronology
                            .extend(read_chronology(&mut ctx, values(row.record, &positions))),
                        _ => e.return_home_interviews.extend(read_return_home_interview(
                            &mut ctx,
                            values(row.record, &positions),
                        )),
                    }
                }
            }
        }
        Ok(())
    }
}

/// Adds a team or worker, replacing (and reporting) an earlier one with the same id.
fn replace<T>(
    ctx: &mut RowContext<'_>,
    seen: &mut HashMap<String, (usize, u64, u64)>,
    list: &mut Vec<T>,
    record: T,
    (row, line): (u64, u64),
    id: impl Fn(&T) -> &String,
) {
    let key = id(&record).clone();
    if let Some(&(index, earlier_row, earlier_line)) = seen.get(&key) {
        let (field, what) = if ctx.table == "teams" {
            ("team_id", "team")
        } else {
            ("worker_id", "worker")
        };
        ctx.problem(
            ProblemKind::Unexpected,
            field,
            format!(
                "{what} '{key}' is already listed (table {}, row {earlier_row}, line \
                 {earlier_line}); this later row replaces it",
                ctx.table
            ),
        );
        list[index] = record;
    } else {
        seen.insert(key, (list.len(), row, line));
        list.push(record);
    }
}

fn read_team(ctx: &mut RowContext<'_>, [id, name, service, fs]: [&str; 4]) -> Option<Team> {
    let family_safeguarding = flag(ctx, "family_safeguarding", fs);
    let id = ctx.required("team_id", id, "a team needs its id")?;
    Some(Team {
        id: id.to_owned(),
        name: name.to_owned(),
        service: service.to_owned(),
        family_safeguarding,
    })
}

fn read_worker(
    ctx: &mut RowContext<'_>,
    [id, team, role, start, end, agency]: [&str; 6],
) -> Option<Worker> {
    let role = match role {
        "" => None,
        code => {
            let role = WorkerRole::from_code(code);
            if role.is_none() {
                let codes = WorkerRole::ALL.map(WorkerRole::code);
                let message = csv_table::unknown_code_message("role", code, &codes);
                ctx.problem(ProblemKind::UnknownCode, "role", message);
            }
            role
        }
    };
    let start_date = ctx.date(ISO, "start_date", start);
    let end_date = ctx.date(ISO, "end_date", end);
    let agency = flag(ctx, "agency", agency);
    let id = ctx.required("worker_id", id, "a worker needs their id")?;
    Some(Worker {
        id: id.to_owned(),
        team: team.to_owned(),
        role,
        start_date,
        end_date,
        agency,
    })
}

fn read_allocation(
    ctx: &mut RowContext<'_>,
    [child, worker, team, start, end]: [&str; 5],
) -> Option<CaseAllocation> {
    let what = "an allocation needs its child, worker and start date";
    let child = ctx.required("child_id", child, what);
    let worker = ctx.required("worker_id", worker, what);
    let start = ctx.key_date(ISO, "start_date", start, what);
    let end = ctx.date(ISO, "end_date", end);
    Some(CaseAllocation {
        child: ChildId::from(child?),
        worker: worker?.to_owned(),
        team: team.to_owned(),
        start: start?,
        end,
    })
}

fn read_family_safeguarding(
    ctx: &mut RowContext<'_>,
    [child, team, start, end, da, mh, su]: [&str; 7],
) -> Option<FamilySafeguardingInvolvement> {
    let what = "an involvement needs its child and start date";
    let child = ctx.required("child_id", child, what);
    let start = ctx.key_date(ISO, "start_date", start, what);
    let end = ctx.date(ISO, "end_date", end);
    let domestic_abuse_worker = flag(ctx, "domestic_abuse", da);
    let mental_health_worker = flag(ctx, "mental_health", mh);
    let substance_use_worker = flag(ctx, "substance_use", su);
    Some(FamilySafeguardingInvolvement {
        child: ChildId::from(child?),
        team: team.to_owned(),
        start: start?,
        end,
        domestic_abuse_worker,
        mental_health_worker,
        substance_use_worker,
    })
}

fn read_contact(
    ctx: &mut RowContext<'_>,
    [child, date, source, referral]: [&str; 4],
) -> Option<Contact> {
    let what = "a contact needs its child and date";
    let child = ctx.required("child_id", child, what);
    let date = ctx.key_date(ISO, "contact_date", date, what);
    let source = ctx.code("source", source);
    let led_to_referral = flag(ctx, "led_to_referral", referral);
    Some(Contact {
        child: ChildId::from(child?),
        date: date?,
        source,
        led_to_referral,
    })
}

fn read_strategy_discussion(
    ctx: &mut RowContext<'_>,
    [child, date, s47]: [&str; 3],
) -> Option<StrategyDiscussion> {
    let what = "a strategy discussion needs its child and date";
    let child = ctx.required("child_id", child, what);
    let date = ctx.key_date(ISO, "strategy_discussion_date", date, what);
    let s47_start = ctx.date(ISO, "s47_start_date", s47);
    if let (Some(d), Some(s)) = (date, s47_start)
        && s < d
    {
        ctx.problem(
            ProblemKind::BadValue,
            "s47_start_date",
            format!(
                "the section 47 enquiry started ({}) before the strategy discussion ({}) that \
                 is said to have led to it",
                ISO.format(s),
                ISO.format(d)
            ),
        );
    }
    Some(StrategyDiscussion {
        child: ChildId::from(child?),
        date: date?,
        s47_start,
    })
}

fn read_visit(
    ctx: &mut RowContext<'_>,
    [child, worker, date, kind, seen, alone]: [&str; 6],
) -> Option<Visit> {
    let what = "a visit needs its child, date and kind";
    let child = ctx.required("child_id", child, what);
    let date = ctx.key_date(ISO, "visit_date", date, what);
    let kind = match ctx.required("visit_kind", kind, what) {
        None => None,
        Some(code) => {
            let kind = VisitKind::from_code(code);
            if kind.is_none() {
                let codes = VisitKind::ALL.map(VisitKind::code);
                let message = format!(
                    "{}; the row is skipped because {what}",
                    csv_table::unknown_code_message("visit_kind", code, &codes)
                );
                ctx.problem(ProblemKind::UnknownCode, "visit_kind", message);
            }
            kind
        }
    };
    let seen = flag(ctx, "seen", seen);
    let seen_alone = flag(ctx, "seen_alone", alone);
    if seen_alone && !seen {
        ctx.problem(
            ProblemKind::BadValue,
            "seen_alone",
            "the child is recorded as seen alone but not as seen".to_owned(),
        );
    }
    Some(Visit {
        child: ChildId::from(child?),
        worker: worker.to_owned(),
        date: date?,
        kind: kind?,
        seen,
        seen_alone,
    })
}

fn read_supervision(
    ctx: &mut RowContext<'_>,
    [worker, child, date]: [&str; 3],
) -> Option<Supervision> {
    let what = "a supervision needs its worker, child and date";
    let worker = ctx.required("worker_id", worker, what);
    let child = ctx.required("child_id", child, what);
    let date = ctx.key_date(ISO, "supervision_date", date, what);
    Some(Supervision {
        child: ChildId::from(child?),
        worker: worker?.to_owned(),
        date: date?,
    })
}

fn read_chronology(
    ctx: &mut RowContext<'_>,
    [child, event, recorded, what_happened]: [&str; 4],
) -> Option<ChronologyEntry> {
    let what = "a chronology entry needs its child, event date and recorded date";
    let child = ctx.required("child_id", child, what);
    let event_date = ctx.key_date(ISO, "event_date", event, what);
    let recorded_date = ctx.key_date(ISO, "recorded_date", recorded, what);
    if let (Some(e), Some(r)) = (event_date, recorded_date)
        && r < e
    {
        ctx.problem(
            ProblemKind::BadValue,
            "recorded_date",
            format!(
                "the entry was recorded ({}) before the event it records ({})",
                ISO.format(r),
                ISO.format(e)
            ),
        );
    }
    Some(ChronologyEntry {
        child: ChildId::from(child?),
        event_date: event_date?,
        recorded_date: recorded_date?,
        event: what_happened.to_owned(),
    })
}

fn read_return_home_interview(
    ctx: &mut RowContext<'_>,
    [child, start, offered, accepted, completed]: [&str; 5],
) -> Option<ReturnHomeInterview> {
    let what = "a return-home interview needs its child and the start of the missing episode";
    let child = ctx.required("child_id", child, what);
    let missing_start = ctx.key_date(ISO, "missing_start_date", start, what);
    let offered = ctx.date(ISO, "offered_date", offered);
    let accepted = ctx.flag("accepted", accepted);
    let completed = ctx.date(ISO, "completed_date", completed);
    let checks = [
        (
            missing_start,
            offered,
            "offered_date",
            "offered",
            "the missing episode started",
        ),
        (
            offered,
            completed,
            "completed_date",
            "held",
            "it was offered",
        ),
    ];
    for (before, after, field, verb, earlier) in checks {
        if let (Some(b), Some(a)) = (before, after)
            && a < b
        {
            ctx.problem(
                ProblemKind::BadValue,
                field,
                format!(
                    "the interview is recorded as {verb} ({}) before {earlier} ({})",
                    ISO.format(a),
                    ISO.format(b)
                ),
            );
        }
    }
    if completed.is_some() && offered.is_none() {
        ctx.problem(
            ProblemKind::MissingValue,
            "offered_date",
            "the interview was held but no offer date is recorded".to_owned(),
        );
    }
    Some(ReturnHomeInterview {
        child: ChildId::from(child?),
        missing_start: missing_start?,
        offered,
        accepted,
        completed,
    })
}

/// A 0/1 flag where blank means 0.
fn flag(ctx: &mut RowContext<'_>, field: &str, value: &str) -> bool {
    ctx.flag(field, value).unwrap_or(false)
}

/// Writes the extract as its ten files (`teams.csv`, `workers.csv`, `allocations.csv`,
/// `family_safeguarding.csv`, `contacts.csv`, `strategy_discussions.csv`, `visits.csv`,
/// `supervisions.csv`, `chronology.csv`, `return_home_interviews.csv`) into `dir`, created if need be, each with its header row even
/// when empty. Rows are sorted as [`Extract::normalise`] sorts them.
pub fn write_dir(dir: &Path, extract: &Extract) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut sorted = extract.clone();
    sorted.normalise();
    let flag = |b: bool| if b { "1" } else { "0" };
    let date = |d| format_date(ISO, d);
    let mut out = writer(dir, File::Teams)?;
    for t in &sorted.teams {
        out.write_record([&t.id, &t.name, &t.service, flag(t.family_safeguarding)])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::Workers)?;
    for w in &sorted.workers {
        let (start, end) = (date(w.start_date), date(w.end_date));
        let role = w.role.map_or("", WorkerRole::code);
        out.write_record([&w.id, &w.team, role, &start, &end, flag(w.agency)])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::Allocations)?;
    for a in &sorted.allocations {
        let (start, end) = (ISO.format(a.start), date(a.end));
        out.write_record([&a.child.0, &a.worker, &a.team, &start, &end])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::FamilySafeguarding)?;
    for f in &sorted.family_safeguarding {
        let (start, end) = (ISO.format(f.start), date(f.end));
        out.write_record([
            &f.child.0,
            &f.team,
            &start,
            &end,
            flag(f.domestic_abuse_worker),
            flag(f.mental_health_worker),
            flag(f.substance_use_worker),
        ])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::Contacts)?;
    for c in &sorted.contacts {
        let source = c.source.map_or("", |s| s.code());
        let date = ISO.format(c.date);
        out.write_record([&c.child.0, &date, source, flag(c.led_to_referral)])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::StrategyDiscussions)?;
    for s in &sorted.strategy_discussions {
        out.write_record([&s.child.0, &ISO.format(s.date), &date(s.s47_start)])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::Visits)?;
    for v in &sorted.visits {
        out.write_record([
            &v.child.0,
            &v.worker,
            &ISO.format(v.date),
            v.kind.code(),
            flag(v.seen),
            flag(v.seen_alone),
        ])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::Supervisions)?;
    for s in &sorted.supervisions {
        out.write_record([&s.worker, &s.child.0, &ISO.format(s.date)])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::Chronology)?;
    for c in &sorted.chronology {
        let (event, recorded) = (ISO.format(c.event_date), ISO.format(c.recorded_date));
        out.write_record([&c.child.0, &event, &recorded, &c.event])?;
    }
    finish(out)?;
    let mut out = writer(dir, File::ReturnHomeInterviews)?;
    for r in &sorted.return_home_interviews {
        out.write_record([
            &r.child.0,
            &ISO.format(r.missing_start),
            &date(r.offered),
            csv_table::format_flag(r.accepted),
            &date(r.completed),
        ])?;
    }
    finish(out)
}

fn writer(dir: &Path, file: File) -> io::Result<csv::Writer<BufWriter<std::fs::File>>> {
    let path = dir.join(format!("{}.csv", file.name()));
    let mut out = csv::Writer::from_writer(BufWriter::new(std::fs::File::create(path)?));
    out.write_record(file.columns())?;
    Ok(out)
}

fn finish(out: csv::Writer<BufWriter<std::fs::File>>) -> io::Result<()> {
    out.into_inner().map_err(|e| e.into_error())?.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_recognised_by_its_header_row() {
        for file in File::ALL {
            assert_eq!(identify(file.columns()), Some(file.name()));
            let upper: Vec<String> = file.columns().iter().map(|c| c.to_uppercase()).collect();
            let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
            assert_eq!(identify(&upper), Some(file.name()), "case is ignored");
        }
        assert_eq!(
            identify(&["child_id", "worker_id", "start_date"]),
            Some("allocations")
        );
        assert_eq!(identify(&["start_date", "end_date"]), None);
        assert_eq!(identify(&["CHILD", "DECOM"]), None);
    }
}
