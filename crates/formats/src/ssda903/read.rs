//! Reading SSDA903 tables into children.

use super::csv_table::{
    CsvFile, DateStyle, RowContext, check_row_length, column_positions, has_overlong_value,
    is_blank, values,
};
use super::{Opened, Table, recognise, return_files_in};
use crate::{FormatError, Location, Problem, ProblemKind, Read};
use model::codes::{Sex, UpnUnknown};
use model::{
    Adoption, CareLeaverRecord, Child, ChildId, ClaEpisode, ClaOutcomes, ClaReview, CollectionYear,
    Date, MissingEpisode, PlacedForAdoption, PreviousPermanenceOrder, SocialWorkerEpisode,
    UascStatus,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const DMY: DateStyle = DateStyle::DayMonthYear;

/// Reads SSDA903 tables from any number of CSV files, each recognised by its header row, or
/// returns in XML (a file whose first character is `<`, see [`super::xml`]), and merges them per
/// child. OC2 and OC3 rows become records of `year`. A file that is not an
/// SSDA903 table is an error (see [`read_dir`] for a lenient reader of a whole folder).
pub fn read_files(
    paths: &[PathBuf],
    year: CollectionYear,
) -> Result<Read<Vec<Child>>, FormatError> {
    let mut reader = ReturnReader::new(year);
    for path in paths {
        let bytes = std::fs::read(path).map_err(|source| FormatError::Io {
            file: path.clone(),
            source,
        })?;
        if super::xml::looks_like_xml(&bytes) {
            reader.read_xml(path, &bytes)?;
            continue;
        }
        let file = CsvFile::from_bytes(path, bytes)?;
        let mut records = file.records();
        let header = records.header()?;
        match recognise(path, header, records.line(), &Table::ALL)? {
            Opened::Table(table, header) => reader.read_table(table, &header, &mut records)?,
            Opened::Unrecognised(message) => {
                return Err(FormatError::Unrecognised {
                    file: path.clone(),
                    message,
                });
            }
        }
    }
    Ok(reader.finish())
}

/// Reads every `*.csv` and `*.xml` file in a folder, in name order, as [`read_files`] does, except that a
/// file which is not an SSDA903 table (empty, another table such as the 2026-27 DoLo, or
/// something else) is skipped with a problem rather than failing the read.
pub fn read_dir(dir: &Path, year: CollectionYear) -> Result<Read<Vec<Child>>, FormatError> {
    let mut reader = ReturnReader::new(year);
    for path in return_files_in(dir)? {
        let bytes = std::fs::read(&path).map_err(|source| FormatError::Io {
            file: path.clone(),
            source,
        })?;
        if super::xml::looks_like_xml(&bytes) {
            if super::xml::is_ssda903_xml(&bytes) {
                reader.read_xml(&path, &bytes)?;
            } else {
                reader.problems.push(Problem {
                    kind: ProblemKind::Unexpected,
                    location: Location::File { file: path.clone() },
                    field: String::new(),
                    child_id: None,
                    message: format!(
                        "an XML file whose root element is not <{}>, so not an SSDA903 return; \
                         the file is skipped",
                        super::xml::ROOT
                    ),
                });
            }
            continue;
        }
        let file = CsvFile::from_bytes(&path, bytes)?;
        let mut records = file.records();
        let header = records.header()?;
        match recognise(&path, header, records.line(), &Table::ALL)? {
            Opened::Table(table, header) => reader.read_table(table, &header, &mut records)?,
            Opened::Unrecognised(message) => reader.problems.push(Problem {
                kind: ProblemKind::Unexpected,
                location: Location::File { file: path.clone() },
                field: String::new(),
                child_id: None,
                message: format!("{message}; the file is skipped"),
            }),
        }
    }
    Ok(reader.finish())
}

/// Where a child's row is, to point at it when a second one turns up.
#[derive(Debug, Clone, Copy)]
struct Seen {
    file: usize,
    row: u64,
    line: u64,
}

/// The tables that hold at most one row per child (in a year's return).
const ONE_ROW_TABLES: [Table; 6] = [
    Table::Header,
    Table::Uasc,
    Table::Oc2,
    Table::Oc3,
    Table::Ad1,
    Table::PrevPerm,
];

#[derive(Default)]
struct ChildEntry {
    child: Child,
    seen: [Option<Seen>; ONE_ROW_TABLES.len()],
    /// DOB and SEX from tables other than Header, used only when the child has no Header row.
    other_birth_date: Option<Date>,
    other_sex: Option<Sex>,
}

struct ReturnReader {
    year: CollectionYear,
    files: Vec<PathBuf>,
    index: HashMap<String, usize>,
    children: Vec<ChildEntry>,
    problems: Vec<Problem>,
}

impl ReturnReader {
    fn new(year: CollectionYear) -> Self {
        Self {
            year,
            files: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn read_table(
        &mut self,
        table: Table,
        header: &[String],
        records: &mut super::csv_table::Records<'_>,
    ) -> Result<(), FormatError> {
        let file_index = self.files.len();
        let path = records.path().to_owned();
        self.files.push(path.clone());
        let positions = column_positions(header, table.columns());
        while let Some(row) = records.next_row()? {
            let place = (file_index, row.row, row.line);
            self.read_row(table, &path, place, header, &positions, row.record);
        }
        Ok(())
    }

    /// Reads the tables of a return in XML: their rows as if from CSV files with the tables'
    /// own columns.
    fn read_xml(&mut self, path: &Path, bytes: &[u8]) -> Result<(), FormatError> {
        for raw in super::xml::read_tables(bytes, path)? {
            let file_index = self.files.len();
            self.files.push(path.to_owned());
            let header: Vec<String> = raw
                .table
                .columns()
                .iter()
                .map(|c| (*c).to_owned())
                .collect();
            let positions: Vec<usize> = (0..header.len()).collect();
            let mut record = csv::StringRecord::new();
            for row in &raw.rows {
                record.clear();
                for c in raw.table.columns() {
                    record.push_field(row.get(raw.table, c));
                }
                let place = (file_index, row.row as u64, row.line);
                self.read_row(raw.table, path, place, &header, &positions, &record);
            }
        }
        Ok(())
    }

    /// Reads one row: `place` is its file's index, its 0-based data row and its line.
    fn read_row(
        &mut self,
        table: Table,
        path: &Path,
        (file_index, row, line): (usize, u64, u64),
        header: &[String],
        positions: &[usize],
        record: &csv::StringRecord,
    ) {
        if is_blank(record) {
            return;
        }
        let id = record.get(positions[0]).map_or("", str::trim);
        let mut ctx = RowContext {
            file: path,
            table: table.name(),
            row,
            line,
            child: (!id.is_empty()).then_some(id),
            problems: &mut self.problems,
        };
        if check_row_length(&mut ctx, record, header.len())
            || has_overlong_value(&mut ctx, record, header)
        {
            return;
        }
        if ctx
            .required("CHILD", id, "it does not say which child it belongs to")
            .is_none()
        {
            return;
        }
        let entry = entry_for(&mut self.index, &mut self.children, id);
        let seen = Seen {
            file: file_index,
            row,
            line,
        };
        let reader = RowReader {
            ctx,
            entry,
            seen,
            files: &self.files,
            year: self.year,
        };
        reader.read(table, record, positions);
    }

    fn finish(self) -> Read<Vec<Child>> {
        let mut children: Vec<Child> = self
            .children
            .into_iter()
            .map(|mut entry| {
                if entry.seen[0].is_none() {
                    entry.child.birth_date = entry.other_birth_date;
                    entry.child.sex = entry.other_sex;
                }
                entry.child.normalise();
                entry.child
            })
            .collect();
        children.sort_by(|a, b| a.id.cmp(&b.id));
        Read {
            data: children,
            problems: self.problems,
        }
    }
}

fn entry_for<'e>(
    index: &mut HashMap<String, usize>,
    children: &'e mut Vec<ChildEntry>,
    id: &str,
) -> &'e mut ChildEntry {
    let i = match index.get(id) {
        Some(&i) => i,
        None => {
            index.insert(id.to_owned(), children.len());
            children.push(ChildEntry {
                child: Child {
                    id: ChildId::from(id),
                    ..Child::default()
                },
                ..ChildEntry::default()
            });
            children.len() - 1
        }
    };
    &mut children[i]
}

/// Reads one row of a table into its child.
struct RowReader<'a> {
    ctx: RowContext<'a>,
    entry: &'a mut ChildEntry,
    seen: Seen,
    files: &'a [PathBuf],
    year: CollectionYear,
}

impl RowReader<'_> {
    fn read(mut self, table: Table, record: &csv::StringRecord, positions: &[usize]) {
        match table {
            Table::Header => self.header(values(record, positions)),
            Table::Episodes => self.episode(values(record, positions)),
            Table::Uasc => self.uasc(values(record, positions)),
            Table::Reviews => self.review(values(record, positions)),
            Table::Oc2 => self.outcomes(values(record, positions)),
            Table::Oc3 => self.care_leaver(values(record, positions)),
            Table::Ad1 => self.adoption(values(record, positions)),
            Table::PlacedAdoption => self.placed_for_adoption(values(record, positions)),
            Table::PrevPerm => self.previous_permanence(values(record, positions)),
            Table::Missing => self.missing(values(record, positions)),
            Table::SwEpisodes => self.social_worker(values(record, positions)),
            // Not in the model: the files are recognised among `Table::ALL`, so none comes here.
            Table::DoLo => {}
        }
    }

    fn header(&mut self, [_, sex, dob, ethnic, upn, mother, mc_dob]: [&str; 7]) {
        let sex = self.sex(sex);
        let birth_date = self.ctx.date(DMY, "DOB", dob);
        let ethnicity = self.ctx.code("ETHNIC", ethnic);
        let mother = self.ctx.flag("MOTHER", mother);
        let mothers_child_birth_date = self.ctx.date(DMY, "MC_DOB", mc_dob);
        self.only_row(Table::Header);
        let child = &mut self.entry.child;
        child.sex = sex;
        child.birth_date = birth_date;
        child.ethnicity = ethnicity;
        (child.upn, child.upn_unknown) = match UpnUnknown::from_code(upn) {
            Some(code) => (None, Some(code)),
            None if upn.is_empty() => (None, None),
            None => (Some(upn.to_owned()), None),
        };
        child.mother = mother;
        child.mothers_child_birth_date = mothers_child_birth_date;
    }

    fn episode(
        &mut self,
        [
            _,
            decom,
            rne,
            ls,
            cin,
            place,
            provider,
            dec,
            rec,
            change,
            home,
            pl,
            urn,
        ]: [&str; 13],
    ) {
        let start = self
            .ctx
            .key_date(DMY, "DECOM", decom, "an episode needs its start date");
        let episode = ClaEpisode {
            start_date: Date::default(),
            reason_new_episode: self.ctx.code("RNE", rne),
            legal_status: self.ctx.code("LS", ls),
            category_of_need: self.ctx.code("CIN", cin),
            placement: self.ctx.code("PLACE", place),
            placement_provider: self.ctx.code("PLACE_PROVIDER", provider),
            end_date: self.ctx.date(DMY, "DEC", dec),
            reason_ceased: self.ctx.code("REC", rec),
            reason_place_change: self.ctx.code("REASON_PLACE_CHANGE", change),
            home_postcode: text(home),
            placement_postcode: text(pl),
            urn: text(urn),
        };
        if let Some(start_date) = start
            && is_new(
                &mut self.ctx,
                &self.entry.child.cla_episodes,
                |e| e.start_date,
                start_date,
                "DECOM",
            )
        {
            self.entry.child.cla_episodes.push(ClaEpisode {
                start_date,
                ..episode
            });
        }
    }

    fn uasc(&mut self, [_, sex, dob, duc]: [&str; 4]) {
        let sex = self.sex(sex);
        self.other_details(sex, dob);
        let ceased = self.ctx.date(DMY, "DUC", duc);
        self.only_row(Table::Uasc);
        self.entry.child.uasc = Some(UascStatus { ceased });
    }

    fn review(&mut self, [_, dob, review, code]: [&str; 4]) {
        self.other_details(None, dob);
        let date = self
            .ctx
            .key_date(DMY, "REVIEW", review, "a review needs its date");
        let participation = self.ctx.code("REVIEW_CODE", code);
        if let Some(date) = date
            && is_new(
                &mut self.ctx,
                &self.entry.child.cla_reviews,
                |r| r.date,
                date,
                "REVIEW",
            )
        {
            self.entry.child.cla_reviews.push(ClaReview {
                date,
                participation,
            });
        }
    }

    fn outcomes(
        &mut self,
        [
            _,
            dob,
            score,
            reason,
            convicted,
            health,
            immunisations,
            teeth,
            assessment,
            substance,
            received,
            offered,
        ]: [&str; 12],
    ) {
        self.other_details(None, dob);
        let outcomes = ClaOutcomes {
            year: self.year,
            sdq_score: self.ctx.small_number("SDQ_SCORE", score),
            sdq_reason: self.ctx.code("SDQ_REASON", reason),
            convicted: self.ctx.flag("CONVICTED", convicted),
            health_check: self.ctx.flag("HEALTH_CHECK", health),
            immunisations: self.ctx.flag("IMMUNISATIONS", immunisations),
            teeth_check: self.ctx.flag("TEETH_CHECK", teeth),
            health_assessment: self.ctx.flag("HEALTH_ASSESSMENT", assessment),
            substance_misuse: self.ctx.flag("SUBSTANCE_MISUSE", substance),
            intervention_received: self.ctx.flag("INTERVENTION_RECEIVED", received),
            intervention_offered: self.ctx.flag("INTERVENTION_OFFERED", offered),
        };
        self.only_row(Table::Oc2);
        let year = self.year;
        let records = &mut self.entry.child.outcomes;
        records.retain(|o| o.year != year);
        records.push(outcomes);
    }

    fn care_leaver(&mut self, [_, dob, in_touch, activity, accommodation]: [&str; 5]) {
        self.other_details(None, dob);
        let record = CareLeaverRecord {
            year: self.year,
            in_touch: self.ctx.code("IN_TOUCH", in_touch),
            activity: self.ctx.code("ACTIV", activity),
            accommodation: self.ctx.code("ACCOM", accommodation),
        };
        self.only_row(Table::Oc3);
        let year = self.year;
        let records = &mut self.entry.child.care_leaver_records;
        records.retain(|c| c.year != year);
        records.push(record);
    }

    fn adoption(&mut self, [_, dob, decision, matched, foster, number, sex, legal]: [&str; 8]) {
        self.other_details(None, dob);
        let adoption = Adoption {
            decision_date: self.ctx.date(DMY, "DATE_INT", decision),
            match_date: self.ctx.date(DMY, "DATE_MATCH", matched),
            by_foster_carer: self.ctx.flag("FOSTER_CARE", foster),
            number_of_adopters: self.ctx.small_number("NB_ADOPTR", number),
            adopter_sex: self.ctx.code("SEX_ADOPTR", sex),
            adopter_legal_status: self.ctx.code("LS_ADOPTR", legal),
        };
        self.only_row(Table::Ad1);
        self.entry.child.adoption = Some(adoption);
    }

    fn placed_for_adoption(&mut self, [_, dob, placed, ceased, reason]: [&str; 5]) {
        self.other_details(None, dob);
        let date_placed = self.ctx.key_date(
            DMY,
            "DATE_PLACED",
            placed,
            "a decision to place for adoption needs its date",
        );
        let date_ceased = self.ctx.date(DMY, "DATE_PLACED_CEASED", ceased);
        let reason_ceased = self.ctx.code("REASON_PLACED_CEASED", reason);
        if let Some(date_placed) = date_placed
            && is_new(
                &mut self.ctx,
                &self.entry.child.placed_for_adoption,
                |p| p.date_placed,
                date_placed,
                "DATE_PLACED",
            )
        {
            self.entry
                .child
                .placed_for_adoption
                .push(PlacedForAdoption {
                    date_placed,
                    date_ceased,
                    reason_ceased,
                });
        }
    }

    fn previous_permanence(&mut self, [_, dob, kind, la, date]: [&str; 5]) {
        self.other_details(None, dob);
        let order = PreviousPermanenceOrder {
            kind: self.ctx.code("PREV_PERM", kind),
            la: text(la),
            date: text(date),
        };
        self.only_row(Table::PrevPerm);
        self.entry.child.previous_permanence = Some(order);
    }

    fn missing(&mut self, [_, dob, kind, start, end]: [&str; 5]) {
        self.other_details(None, dob);
        let kind = self.ctx.code("MISSING", kind);
        let start = self.ctx.key_date(
            DMY,
            "MIS_START",
            start,
            "a missing episode needs its start date",
        );
        let end_date = self.ctx.date(DMY, "MIS_END", end);
        if let Some(start_date) = start
            && is_new(
                &mut self.ctx,
                &self.entry.child.missing_episodes,
                |m| m.start_date,
                start_date,
                "MIS_START",
            )
        {
            self.entry.child.missing_episodes.push(MissingEpisode {
                kind,
                start_date,
                end_date,
            });
        }
    }

    fn social_worker(&mut self, [_, dob, worker, start, end, reason]: [&str; 6]) {
        self.other_details(None, dob);
        let start = self.ctx.key_date(
            DMY,
            "SW_DECOM",
            start,
            "a social worker episode needs its start date",
        );
        let end_date = self.ctx.date(DMY, "SW_DEC", end);
        let reason = self.ctx.code("SW_REASON", reason);
        if let Some(start_date) = start
            && is_new(
                &mut self.ctx,
                &self.entry.child.social_worker_episodes,
                |e| e.start_date,
                start_date,
                "SW_DECOM",
            )
        {
            self.entry
                .child
                .social_worker_episodes
                .push(SocialWorkerEpisode {
                    worker: worker.to_owned(),
                    start_date,
                    end_date,
                    reason,
                });
        }
    }

    /// `SEX`: M/F/U, or 1/2 as written before 2024-25.
    fn sex(&mut self, value: &str) -> Option<Sex> {
        match value {
            "" => None,
            "1" => Some(Sex::M),
            "2" => Some(Sex::F),
            _ => {
                let sex = Sex::from_code(value);
                if sex.is_none() {
                    self.ctx.problem(
                        ProblemKind::UnknownCode,
                        "SEX",
                        format!(
                            "'{value}' is not a valid SEX code (expected M, F or U; returns \
                             before 2024-25 used 1 and 2)"
                        ),
                    );
                }
                sex
            }
        }
    }

    /// `DOB` (and `SEX`) of a table other than Header: checked, and kept in case the child has
    /// no Header row.
    fn other_details(&mut self, sex: Option<Sex>, dob: &str) {
        let birth_date = self.ctx.date(DMY, "DOB", dob);
        self.entry.other_birth_date = self.entry.other_birth_date.or(birth_date);
        self.entry.other_sex = self.entry.other_sex.or(sex);
    }

    /// Notes the child's row in a table with one row per child, reporting an earlier one.
    fn only_row(&mut self, table: Table) {
        let Some(slot) = ONE_ROW_TABLES.iter().position(|&t| t == table) else {
            return;
        };
        if let Some(earlier) = self.entry.seen[slot] {
            let place = if earlier.file == self.seen.file {
                format!("row {}, line {}", earlier.row, earlier.line)
            } else {
                let file = self.files[earlier.file].file_name().unwrap_or_default();
                format!(
                    "row {}, line {} of {}",
                    earlier.row,
                    earlier.line,
                    file.display()
                )
            };
            let message = format!(
                "child '{}' already has a row in the {} table ({place}); this later row replaces it",
                self.entry.child.id,
                table.name()
            );
            self.ctx.problem(ProblemKind::Unexpected, "CHILD", message);
        }
        self.entry.seen[slot] = Some(self.seen);
    }
}

/// A free-text value, absent when blank.
fn text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

/// Whether this row's key date is new for the child. A record is known by its child and date, so
/// a second row with the same date cannot be told apart from the first: it is reported at its
/// row and left out.
fn is_new<T>(
    ctx: &mut RowContext<'_>,
    records: &[T],
    key: impl Fn(&T) -> Date,
    date: Date,
    field: &str,
) -> bool {
    if records.iter().any(|r| key(r) == date) {
        let message = format!(
            "a second row for this child with {field} {}, so it is left out: each of a child's \
             rows in this table must have its own {field}",
            date.strftime("%d/%m/%Y")
        );
        ctx.problem(ProblemKind::Unexpected, field, message);
        false
    } else {
        true
    }
}
