//! Bad extract files: each fixture under `fixtures/extract/` with the exact problems or error
//! it gives.

use formats::{Location, Problem, extract};
use model::{Date, WorkerRole};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(path)
}

/// A problem on one line: `file:line table[row] field kind child: message`.
fn render(p: &Problem) -> String {
    let child = p.child_id.as_deref().unwrap_or("-");
    let (kind, field, message) = (p.kind.code(), &p.field, &p.message);
    match &p.location {
        Location::Csv {
            file,
            table,
            row,
            line,
        } => {
            let file = file.file_name().unwrap().to_string_lossy();
            format!("{file}:{line} {table}[{row}] {field} {kind} {child}: {message}")
        }
        Location::File { file } => {
            let file = file.file_name().unwrap().to_string_lossy();
            format!("{file} {kind}: {message}")
        }
        other => panic!("unexpected location {other:?}"),
    }
}

fn error(files: &[&str]) -> String {
    let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
    let err = extract::read_files(&paths).unwrap_err();
    err.to_string()
        .replace(&fixture("").display().to_string(), "")
}

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

#[test]
fn a_missing_column_is_an_error_naming_file_and_columns() {
    assert_eq!(
        error(&["missing_column/workers.csv"]),
        "missing_column/workers.csv: line 1: the workers table is missing the column(s) agency"
    );
}

#[test]
fn extra_columns_any_case_and_order_bom_and_crlf_are_read() {
    let read = extract::read_files(&[fixture("extra_column/allocations.csv")]).unwrap();
    assert_eq!(read.problems, []);
    let a = &read.data.allocations;
    assert_eq!(a.len(), 2);
    assert_eq!(
        (
            a[0].child.0.as_str(),
            a[0].worker.as_str(),
            a[0].team.as_str()
        ),
        ("C1", "SW1", "T1")
    );
    assert_eq!((a[0].start, a[0].end), (date(2025, 4, 1), None));
    assert_eq!(
        (a[1].start, a[1].end),
        (date(2025, 5, 1), Some(date(2025, 6, 30)))
    );
}

#[test]
fn each_bad_value_is_a_problem_at_its_row_and_line() {
    let read = extract::read_dir(&fixture("bad_values")).unwrap();
    let got: Vec<String> = read.problems.iter().map(render).collect();
    assert_eq!(
        got,
        [
            "allocations.csv:2 allocations[0] worker_id format:missing-value C1: worker_id is \
             blank; the row is skipped because an allocation needs its child, worker and start \
             date",
            "allocations.csv:3 allocations[1] start_date format:bad-date C2: '2025-13-01' is not \
             a date (expected YYYY-MM-DD); the row is skipped because an allocation needs its \
             child, worker and start date",
            "allocations.csv:3 allocations[1] end_date format:bad-date C2: '2025-14-01' is not a \
             date (expected YYYY-MM-DD)",
            "family_safeguarding.csv:2 family_safeguarding[0] mental_health format:bad-value C1: \
             'Y' is not a yes/no flag (expected 0 or 1)",
            "teams.csv:3 teams[1] family_safeguarding format:bad-value -: 'yes' is not a yes/no \
             flag (expected 0 or 1)",
            "teams.csv:4 teams[2] team_id format:unexpected -: team 'T1' is already listed \
             (table teams, row 0, line 2); this later row replaces it",
            "teams.csv:5 teams[3] team_id format:missing-value -: team_id is blank; the row is \
             skipped because a team needs its id",
            "workers.csv:2 workers[0] role format:unknown-code -: 'XX' is not a valid role code \
             (expected SW, TM, FP, DA, MH or SU)",
            "workers.csv:2 workers[0] start_date format:bad-date -: '2025-02-31' is not a date \
             (expected YYYY-MM-DD)",
            "workers.csv:3 workers[1] start_date format:bad-date -: '01/04/2025' is not a date \
             (expected YYYY-MM-DD)",
        ]
    );
    let data = &read.data;
    assert!(data.allocations.is_empty());
    let fs = &data.family_safeguarding[0];
    assert_eq!(
        (
            fs.domestic_abuse_worker,
            fs.mental_health_worker,
            fs.substance_use_worker
        ),
        (true, false, false)
    );
    let teams: Vec<(&str, &str, bool)> = data
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str(), t.family_safeguarding))
        .collect();
    assert_eq!(
        teams,
        [("T1", "North (renamed)", false), ("T2", "FS East", false)]
    );
    let w = &data.workers;
    assert_eq!(
        (w[0].role, w[0].start_date, w[0].agency),
        (None, None, true)
    );
    assert_eq!(
        (w[1].role, w[1].agency),
        (Some(WorkerRole::SocialWorker), false)
    );
}

#[test]
fn files_that_are_not_extract_files() {
    assert_eq!(
        error(&["unrecognised/empty.csv"]),
        "unrecognised/empty.csv: the file is empty (an extract file starts with a header row)"
    );
    assert_eq!(
        error(&["unrecognised/people.csv"]),
        "unrecognised/people.csv: the header row (name,age) is not that of an extract file \
         (teams, workers, allocations, family_safeguarding, contacts, strategy_discussions, visits, supervisions, chronology or return_home_interviews)"
    );
    let read = extract::read_dir(&fixture("unrecognised")).unwrap();
    let got: Vec<String> = read.problems.iter().map(render).collect();
    assert_eq!(
        got,
        [
            "empty.csv format:unexpected: the file is empty (an extract file starts with a \
             header row); the file is skipped",
            "people.csv format:unexpected: the header row (name,age) is not that of an extract \
             file (teams, workers, allocations, family_safeguarding, contacts, \
             strategy_discussions, visits, supervisions, chronology or return_home_interviews); \
             the file is skipped",
        ]
    );
    assert_eq!(read.data, extract::Extract::default());
}

#[test]
fn text_that_is_not_utf8_is_an_error_naming_the_line() {
    assert_eq!(
        error(&["not_utf8/teams.csv"]),
        "not_utf8/teams.csv: line 2, column 7: the file is not UTF-8: byte 0xE9 looks like 'é' in \
         Windows-1252, as Excel and older systems save text; save the file as UTF-8 (\"CSV \
         UTF-8\" in Excel) and load it again"
    );
}

#[test]
fn bad_practice_records_are_problems_at_their_row_and_line() {
    let read = extract::read_dir(&fixture("bad_practice")).unwrap();
    let got: Vec<String> = read.problems.iter().map(render).collect();
    assert_eq!(
        got,
        [
            "chronology.csv:2 chronology[0] recorded_date format:bad-value C1: the entry was \
             recorded (2025-03-09) before the event it records (2025-03-10)",
            "contacts.csv:2 contacts[0] contact_date format:bad-date C1: '2025-02-29' is not a \
             date (expected YYYY-MM-DD); the row is skipped because a contact needs its child \
             and date",
            "contacts.csv:3 contacts[1] source format:unknown-code C2: 'ZZ' is not a valid \
             source code (see the DfE code set)",
            "contacts.csv:3 contacts[1] led_to_referral format:bad-value C2: '2' is not a yes/no \
             flag (expected 0 or 1)",
            "return_home_interviews.csv:2 return_home_interviews[0] accepted format:bad-value C1: \
             'Y' is not a yes/no flag (expected 0 or 1)",
            "return_home_interviews.csv:2 return_home_interviews[0] offered_date \
             format:bad-value C1: the interview is recorded as offered (2025-03-08) before the \
             missing episode started (2025-03-10)",
            "return_home_interviews.csv:3 return_home_interviews[1] offered_date \
             format:missing-value C2: the interview was held but no offer date is recorded",
            "strategy_discussions.csv:2 strategy_discussions[0] s47_start_date format:bad-value \
             C1: the section 47 enquiry started (2025-03-07) before the strategy discussion \
             (2025-03-10) that is said to have led to it",
            "supervisions.csv:2 supervisions[0] child_id format:missing-value -: child_id is \
             blank; the row is skipped because a supervision needs its worker, child and date",
            "visits.csv:2 visits[0] visit_kind format:unknown-code C1: 'CPP' is not a valid \
             visit_kind code (expected CP, CIN or CLA); the row is skipped because a visit needs \
             its child, date and kind",
            "visits.csv:3 visits[1] seen_alone format:bad-value C2: the child is recorded as \
             seen alone but not as seen",
        ]
    );
    let d = &read.data;
    assert_eq!(
        d.contacts.len(),
        1,
        "the contact on 29 February 2025 is skipped"
    );
    assert_eq!(
        (d.contacts[0].source, d.contacts[0].led_to_referral),
        (None, false)
    );
    assert_eq!(d.visits.len(), 1);
    assert!(d.supervisions.is_empty());
    assert_eq!(d.return_home_interviews[0].accepted, None);
}
