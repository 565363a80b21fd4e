//! Writing children as the SSDA903 tables.

use super::Table;
use super::csv_table::{DateStyle, format_date, format_flag};
use model::codes::CodeSet;
use model::{Child, CollectionYear, Date};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

const DMY: DateStyle = DateStyle::DayMonthYear;

/// Writes the children as the eleven SSDA903 tables, one file each named by
/// [`Table::file_name`], into `dir` (created if need be). Every table gets its header row, even
/// when it has no rows. Columns are in the order of the 2025-26 return, dates `DD/MM/YYYY`, flags
/// 0/1; rows are sorted by child id, then date.
///
/// What goes in which table is the caller's choice; this writes what it is given: a Header row
/// for every child, an Episodes, Reviews, PlacedAdoption, Missing or SWEpisodes row for each such
/// record, a UASC, AD1 or PrevPerm row for each child that has one, and OC2 and OC3 rows for the
/// child's records of `year` (records of other years are not written). Tables other than Header
/// and Episodes carry the child's date of birth, as the return does.
pub fn write_return(dir: &Path, children: &[Child], year: CollectionYear) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut sorted: Vec<&Child> = children.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    for table in Table::ALL {
        let file = File::create(dir.join(table.file_name()))?;
        let mut out = csv::Writer::from_writer(BufWriter::new(file));
        out.write_record(table.columns())?;
        for child in &sorted {
            write_rows(&mut out, table, child, year)?;
        }
        out.into_inner().map_err(|e| e.into_error())?.flush()?;
    }
    Ok(())
}

fn write_rows<W: Write>(
    out: &mut csv::Writer<W>,
    table: Table,
    child: &Child,
    year: CollectionYear,
) -> csv::Result<()> {
    let id = child.id.0.as_str();
    let dob = format_date(DMY, child.birth_date);
    let dob = dob.as_str();
    match table {
        Table::Header => {
            let upn = match (&child.upn, child.upn_unknown) {
                (Some(upn), _) => upn.as_str(),
                (None, unknown) => code(unknown),
            };
            let mc_dob = format_date(DMY, child.mothers_child_birth_date);
            out.write_record([
                id,
                code(child.sex),
                dob,
                code(child.ethnicity),
                upn,
                format_flag(child.mother),
                &mc_dob,
            ])?;
        }
        Table::Episodes => {
            for e in sorted_by(&child.cla_episodes, |e| e.start_date) {
                let (decom, dec) = (DMY.format(e.start_date), format_date(DMY, e.end_date));
                out.write_record([
                    id,
                    &decom,
                    code(e.reason_new_episode),
                    code(e.legal_status),
                    code(e.category_of_need),
                    code(e.placement),
                    code(e.placement_provider),
                    &dec,
                    code(e.reason_ceased),
                    code(e.reason_place_change),
                    text(&e.home_postcode),
                    text(&e.placement_postcode),
                    text(&e.urn),
                ])?;
            }
        }
        Table::Uasc => {
            if let Some(uasc) = &child.uasc {
                let duc = format_date(DMY, uasc.ceased);
                out.write_record([id, code(child.sex), dob, &duc])?;
            }
        }
        Table::Reviews => {
            for r in sorted_by(&child.cla_reviews, |r| r.date) {
                let date = DMY.format(r.date);
                out.write_record([id, dob, &date, code(r.participation)])?;
            }
        }
        Table::Oc2 => {
            for o in child.outcomes.iter().filter(|o| o.year == year) {
                let score = o.sdq_score.map(|s| s.to_string()).unwrap_or_default();
                out.write_record([
                    id,
                    dob,
                    &score,
                    code(o.sdq_reason),
                    format_flag(o.convicted),
                    format_flag(o.health_check),
                    format_flag(o.immunisations),
                    format_flag(o.teeth_check),
                    format_flag(o.health_assessment),
                    format_flag(o.substance_misuse),
                    format_flag(o.intervention_received),
                    format_flag(o.intervention_offered),
                ])?;
            }
        }
        Table::Oc3 => {
            for c in child.care_leaver_records.iter().filter(|c| c.year == year) {
                out.write_record([
                    id,
                    dob,
                    code(c.in_touch),
                    code(c.activity),
                    code(c.accommodation),
                ])?;
            }
        }
        Table::Ad1 => {
            if let Some(a) = &child.adoption {
                let decision = format_date(DMY, a.decision_date);
                let matched = format_date(DMY, a.match_date);
                let number = a
                    .number_of_adopters
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                out.write_record([
                    id,
                    dob,
                    &decision,
                    &matched,
                    format_flag(a.by_foster_carer),
                    &number,
                    code(a.adopter_sex),
                    code(a.adopter_legal_status),
                ])?;
            }
        }
        Table::PlacedAdoption => {
            for p in sorted_by(&child.placed_for_adoption, |p| p.date_placed) {
                let (placed, ceased) = (DMY.format(p.date_placed), format_date(DMY, p.date_ceased));
                out.write_record([id, dob, &placed, &ceased, code(p.reason_ceased)])?;
            }
        }
        Table::PrevPerm => {
            if let Some(p) = &child.previous_permanence {
                out.write_record([id, dob, code(p.kind), text(&p.la), text(&p.date)])?;
            }
        }
        Table::Missing => {
            for m in sorted_by(&child.missing_episodes, |m| m.start_date) {
                let (start, end) = (DMY.format(m.start_date), format_date(DMY, m.end_date));
                out.write_record([id, dob, code(m.kind), &start, &end])?;
            }
        }
        Table::SwEpisodes => {
            for s in sorted_by(&child.social_worker_episodes, |s| s.start_date) {
                let (start, end) = (DMY.format(s.start_date), format_date(DMY, s.end_date));
                out.write_record([id, dob, &s.worker, &start, &end, code(s.reason)])?;
            }
        }
        // The model holds no deprivation of liberty orders (and `Table::ALL` lacks the table).
        Table::DoLo => {}
    }
    Ok(())
}

/// The records in date order (ties keep their order).
fn sorted_by<T>(records: &[T], date: impl Fn(&T) -> Date) -> Vec<&T> {
    let mut sorted: Vec<&T> = records.iter().collect();
    sorted.sort_by_key(|r| date(r));
    sorted
}

fn code<C: CodeSet>(value: Option<C>) -> &'static str {
    value.map_or("", C::code)
}

fn text(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}
