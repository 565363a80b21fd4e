//! Bad SSDA903 files: each fixture under `fixtures/ssda903/` with the exact problems or error
//! it gives.

use formats::{Location, Problem, ssda903};
use model::codes::{Placement, SdqReason, Sex, SwReason, UpnUnknown};
use model::{Child, CollectionYear, Date};
use std::path::{Path, PathBuf};

const YEAR: CollectionYear = CollectionYear(2026);

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ssda903")
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

/// Reads the fixture files and checks the problems, returning the children.
fn check(files: &[&str], expected: &[&str]) -> Vec<Child> {
    let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
    let read = ssda903::read_files(&paths, YEAR).unwrap();
    let got: Vec<String> = read.problems.iter().map(render).collect();
    assert_eq!(got, expected);
    read.data
}

/// Reads the fixture files, which must fail, and gives the error without the fixture folder.
fn error(files: &[&str]) -> String {
    let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
    let err = ssda903::read_files(&paths, YEAR).unwrap_err();
    err.to_string()
        .replace(&fixture("").display().to_string(), "")
}

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

#[test]
fn a_missing_column_is_an_error_naming_file_table_and_columns() {
    assert_eq!(
        error(&["missing_column/episodes.csv"]),
        "missing_column/episodes.csv: line 1: the Episodes table is missing the column(s) HOME_POST, \
         PL_POST, URN"
    );
}

#[test]
fn extra_columns_in_any_order_are_ignored() {
    let children = check(&["extra_column/header.csv"], &[]);
    assert_eq!(children.len(), 2);
    let (c1, c2) = (&children[0], &children[1]);
    assert_eq!(c1.id.0, "C1");
    assert_eq!(c1.upn.as_deref(), Some("A123456789012"));
    assert_eq!(c1.birth_date, Some(date(2010, 3, 2)));
    assert_eq!(c1.mother, Some(false));
    assert_eq!(c2.upn, None);
    assert_eq!(c2.upn_unknown, Some(UpnUnknown::UN3));
    assert_eq!(c2.sex, Some(Sex::M), "1 is male in returns before 2024-25");
    assert_eq!(
        c2.birth_date,
        Some(date(2011, 3, 2)),
        "a one-digit day and month are read"
    );
}

#[test]
fn each_bad_value_is_a_problem_at_its_row_and_line() {
    let children = check(
        &[
            "bad_values/header.csv",
            "bad_values/episodes.csv",
            "bad_values/oc2.csv",
        ],
        &[
            "header.csv:2 Header[0] SEX format:unknown-code C1: 'X' is not a valid SEX code \
             (expected M, F or U; returns before 2024-25 used 1 and 2)",
            "header.csv:2 Header[0] DOB format:bad-date C1: '31/02/2025' is not a date \
             (expected DD/MM/YYYY)",
            "header.csv:2 Header[0] MOTHER format:bad-value C1: 'Y' is not a yes/no flag \
             (expected 0 or 1)",
            "header.csv:3 Header[1] CHILD format:missing-value -: CHILD is blank; the row is \
             skipped because it does not say which child it belongs to",
            "header.csv:4 Header[2] ETHNIC format:unknown-code C2: 'wbri' is not a valid ETHNIC \
             code (see the DfE code set)",
            "header.csv:4 Header[2] MC_DOB format:bad-date C2: '2015-06-01' is not a date \
             (expected DD/MM/YYYY)",
            "episodes.csv:2 Episodes[0] DEC format:bad-date C1: '31/02/2025' is not a date \
             (expected DD/MM/YYYY)",
            "episodes.csv:3 Episodes[1] DECOM format:bad-date C1: '30/02/2025' is not a date \
             (expected DD/MM/YYYY); the row is skipped because an episode needs its start date",
            "episodes.csv:3 Episodes[1] PLACE format:unknown-code C1: 'Z9' is not a valid PLACE \
             code (see the DfE code set)",
            "episodes.csv:4 Episodes[2] DECOM format:missing-value C2: DECOM is blank; the row is \
             skipped because an episode needs its start date",
            "episodes.csv:5 Episodes[3]  format:unexpected C2: the row has 14 values but the \
             header row has 13 columns; the values after the last column are ignored",
            "episodes.csv:7 Episodes[5]  format:unexpected C2: the row has 7 value(s) but the \
             header row has 13 columns: a value or a comma is missing",
            "oc2.csv:2 OC2[0] DOB format:bad-date C1: '31/02/2025' is not a date (expected \
             DD/MM/YYYY)",
            "oc2.csv:2 OC2[0] SDQ_SCORE format:bad-value C1: 'twelve' is not a whole number from \
             0 to 255",
            "oc2.csv:2 OC2[0] SDQ_REASON format:unknown-code C1: 'SDQ9' is not a valid \
             SDQ_REASON code (expected SDQ1, SDQ2, SDQ3, SDQ4 or SDQ5)",
            "oc2.csv:2 OC2[0] IMMUNISATIONS format:bad-value C1: '1.0' is not a yes/no flag \
             (expected 0 or 1)",
        ],
    );
    let ids: Vec<&str> = children.iter().map(|c| c.id.0.as_str()).collect();
    assert_eq!(ids, ["C1", "C2"]);
    let c1 = &children[0];
    assert_eq!(
        (c1.sex, c1.birth_date, c1.mother),
        (None, None, None),
        "bad values are left empty"
    );
    assert_eq!(
        c1.cla_episodes.len(),
        1,
        "the episode with a bad DECOM is skipped"
    );
    assert_eq!(c1.cla_episodes[0].end_date, None);
    assert_eq!(c1.cla_episodes[0].urn.as_deref(), Some("SC123456"));
    let outcomes = &c1.outcomes[0];
    assert_eq!(outcomes.year, YEAR);
    assert_eq!(
        (outcomes.sdq_score, outcomes.sdq_reason),
        (None, None::<SdqReason>)
    );
    assert_eq!(
        (outcomes.convicted, outcomes.immunisations),
        (Some(true), None)
    );
    let c2 = &children[1];
    // The blank row counts as row 4 (as the DfE validators count it) and is otherwise ignored;
    // the short row after it reads its missing values as blank.
    let starts: Vec<Date> = c2.cla_episodes.iter().map(|e| e.start_date).collect();
    assert_eq!(starts, [date(2025, 5, 1), date(2025, 6, 1)]);
    assert_eq!(c2.cla_episodes[1].placement, Some(Placement::K2));
    assert_eq!(c2.cla_episodes[1].urn, None);
}

#[test]
fn an_empty_file_or_another_table_is_an_error_when_asked_for() {
    assert_eq!(
        error(&["unrecognised/empty.csv"]),
        "unrecognised/empty.csv: the file is empty (an SSDA903 table starts with a header row)"
    );
    assert_eq!(
        error(&["unrecognised/dolo.csv"]),
        "unrecognised/dolo.csv: the header row (CHILD,DOB,DOLO_START,DOLO_END) is not that of an \
         SSDA903 table Harbour reads (Header, Episodes, UASC, Reviews, OC2, OC3, AD1, \
         PlacedAdoption, PrevPerm, Missing, SWEpisodes)"
    );
}

#[test]
fn a_folder_skips_files_that_are_not_its_tables() {
    let read = ssda903::read_dir(&fixture("unrecognised"), YEAR).unwrap();
    let got: Vec<String> = read.problems.iter().map(render).collect();
    assert_eq!(
        got,
        [
            "dolo.csv format:unexpected: the header row (CHILD,DOB,DOLO_START,DOLO_END) is not \
             that of an SSDA903 table Harbour reads (Header, Episodes, UASC, Reviews, OC2, OC3, \
             AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes); the file is skipped",
            "empty.csv format:unexpected: the file is empty (an SSDA903 table starts with a \
             header row); the file is skipped",
        ]
    );
    assert!(read.data.is_empty());
}

#[test]
fn bom_crlf_blank_lines_and_quoted_line_breaks_keep_lines_right() {
    let children = check(
        &["bom/sw_episodes.csv"],
        &[
            "sw_episodes.csv:5 SWEpisodes[1] SW_REASON format:unknown-code C1: 'SWLAZY' is not a \
           valid SW_REASON code (expected MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, \
           CHCHAN, PCCHAN, SWDIED or OTHERS)",
        ],
    );
    let c1 = &children[0];
    assert_eq!(
        c1.birth_date,
        Some(date(2010, 12, 5)),
        "DOB of a child with no Header row"
    );
    let sw = &c1.social_worker_episodes;
    assert_eq!(sw.len(), 2);
    assert_eq!(sw[0].worker, "SW1\r\n2");
    assert_eq!(sw[0].reason, Some(SwReason::MANAGE));
    assert_eq!((sw[1].worker.as_str(), sw[1].end_date), ("SW9", None));
}

#[test]
fn text_that_is_not_utf8_is_an_error_naming_the_line() {
    assert_eq!(
        error(&["not_utf8/header.csv"]),
        "not_utf8/header.csv: line 3, column 4: the file is not UTF-8: byte 0xE9 looks like 'é' \
         in Windows-1252, as Excel and older systems save text; save the file as UTF-8 (\"CSV \
         UTF-8\" in Excel) and load it again"
    );
}

#[test]
fn a_second_row_for_a_child_replaces_the_first() {
    let children = check(
        &[
            "duplicate/header.csv",
            "duplicate/uasc.csv",
            "duplicate/uasc_again.csv",
        ],
        &[
            "header.csv:3 Header[1] CHILD format:unexpected C1: child 'C1' already has a row in \
             the Header table (row 0, line 2); this later row replaces it",
            "uasc_again.csv:2 UASC[0] CHILD format:unexpected C1: child 'C1' already has a row \
             in the UASC table (row 0, line 2 of uasc.csv); this later row replaces it",
        ],
    );
    let (c1, c9) = (&children[0], &children[1]);
    assert_eq!(
        (c1.sex, c1.birth_date),
        (Some(Sex::M), Some(date(2015, 1, 2)))
    );
    assert_eq!(c1.uasc.unwrap().ceased, None);
    // C9 has no Header row: its sex and date of birth come from the UASC table.
    assert_eq!(
        (c9.sex, c9.birth_date),
        (Some(Sex::M), Some(date(2012, 3, 3)))
    );
    assert_eq!(c9.uasc.unwrap().ceased, None);
}

#[test]
fn a_second_episode_on_the_same_day_is_left_out_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("episodes.csv");
    std::fs::write(
        &path,
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
         A1,01/05/2025,S,C2,N1,U4,PR1,,,,,,SC000001\n\
         A1,01/05/2025,S,C2,N1,U4,PR1,,,,,,SC000001\n",
    )
    .unwrap();
    let read = formats::ssda903::read_files(&[path], model::CollectionYear(2026)).unwrap();
    assert_eq!(read.data[0].cla_episodes.len(), 1);
    assert_eq!(read.problems.len(), 1);
    let p = &read.problems[0];
    assert_eq!(
        p.to_string()
            .split(": DECOM")
            .next()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap(),
        "episodes.csv: line 3 (table Episodes, row 1)"
    );
    assert_eq!(p.field, "DECOM");
    assert_eq!(
        p.message,
        "a second row for this child with DECOM 01/05/2025, so it is left out: each of a child's \
         rows in this table must have its own DECOM"
    );
}

/// Reads one table written to a temporary file: its problems, or its error without the folder.
fn read_text(text: &[u8]) -> Result<Vec<String>, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, text).unwrap();
    match ssda903::read_files(&[path], YEAR) {
        Ok(read) => Ok(read.problems.iter().map(render).collect()),
        Err(e) => Err(e.to_string().replace(&dir.path().display().to_string(), "")),
    }
}

const REVIEWS: &str = "CHILD,DOB,REVIEW,REVIEW_CODE\n";

#[test]
fn a_short_row_is_a_problem_and_an_unclosed_quote_is_named() {
    assert_eq!(
        read_text(format!("{REVIEWS}C1,01/02/2015,01/06/2025\n").as_bytes()),
        Ok(vec![
            "t.csv:2 Reviews[0]  format:unexpected C1: the row has 3 value(s) but the header row \
             has 4 columns: a value or a comma is missing"
                .to_owned()
        ])
    );
    assert_eq!(
        read_text(
            format!("{REVIEWS}C1,\"01/02/2015,01/06/2025,PN1\nC2,,01/07/2025,PN1\n").as_bytes()
        ),
        Ok(vec![
            "t.csv:2 Reviews[0]  format:unexpected C1: the row has 2 value(s) but the header row \
             has 4 columns: a value or a comma is missing, or the quote (\") that opens column 2 \
             is never closed, so the lines after it were read as one value; the row is skipped"
                .to_owned(),
        ]),
        "the values swallowed by the quote are not quoted"
    );
}

#[test]
fn an_overlong_value_skips_its_row_without_being_quoted() {
    let long = "PN1".repeat(100);
    let got = read_text(format!("{REVIEWS}C1,01/02/2015,01/06/2025,{long}\n").as_bytes()).unwrap();
    assert_eq!(
        got,
        [
            "t.csv:2 Reviews[0] REVIEW_CODE format:bad-value C1: the value in column 4 is 300 \
          characters long, longer than any field of the return (255 at most); the row is skipped"
        ]
    );
}

#[test]
fn a_column_named_twice_is_an_error() {
    assert_eq!(
        read_text(b"CHILD,DOB,REVIEW,REVIEW_CODE,dob\nC1,01/02/2015,01/06/2025,PN1,\n"),
        Err(
            "/t.csv: line 1: the header row has the Reviews column DOB twice (columns 2 and 5); \
             remove one so that it is clear which to read"
                .to_owned()
        )
    );
}

#[test]
fn bytes_that_are_not_text_are_errors_with_their_place() {
    assert_eq!(
        read_text(b"CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/02/2015,01/06/2025,P\0N1\n"),
        Err(
            "/t.csv: line 2, column 27: a NUL byte (0x00): the file is damaged or is not a text \
             file; export it again"
                .to_owned()
        )
    );
    assert!(
        read_text(b"PK\x03\x04\x14\x00")
            .unwrap_err()
            .contains("ZIP archive")
    );
}
