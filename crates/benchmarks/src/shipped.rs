//! The latest England values found in the research, shipped with their sources.
//!
//! `data/england_latest.csv` holds, for each Harbour indicator that research/indicators.md §2.1
//! gives an England figure for, the figure, its collection year (by the year it ends), the
//! year as the source labels it, the source's title and URL, whether the figure was worked out
//! from published counts (`derived`: `yes` or `no`) and a note. These are a fallback for when no
//! EES file has been loaded; a figure read from the current release supersedes them.
//!
//! Shipped (14): `referrals_per_10k` (derived), `rereferrals_12m_pct`, `referrals_nfa_pct`,
//! `assessments_45wd_pct` (derived), `s47_per_10k` (derived), `icpc_per_10k` (derived),
//! `icpc_15wd_pct` (derived, timed from the S47 start), `cp_plans_per_10k` (derived),
//! `cp_ended_2y_plus_pct`, `cla_per_10k` (all 2024-25); `cla_long_term_stability_pct`
//! (2023-24); `cla_missing_pct` (2021-22, from a parliamentary answer);
//! `care_leavers_suitable_accommodation_pct` (2018-19); `adoption_a1_days` (2015-18).
//!
//! Not shipped, and why:
//!
//! | Indicator | Why |
//! |---|---|
//! | `cp_second_or_subsequent_pct` | not retrieved for 2024-25; the research has only 2015 (16.6%) |
//! | `cp_reviews_in_timescale_pct` | not retrieved; the research has only 2015 (94%) |
//! | `cla_3plus_placements_pct` | the research marks ≈10% unverified |
//! | `care_leavers_eet_pct` | the research gives 38% NEET, so ≈62% is "EET or not known", not the EET figure |
//! | `cp_starts_per_10k`, `cla_starts_per_10k`, `cla_per_10k_excl_uasc` | the research gives counts (CP starts 61,840; CLA starters 33,050; UASC 6,540) but no rate or population to make one |
//! | `adoption_a10_days`, `adoption_a2_days` | no England figure in the research |
//! | `cp_starts_from_cin_pct`, `cla_starts_from_cp_or_cin` | local linkage measures; the DfE publishes none |
//! | `cp_visits_in_timescale_pct`, `cla_visits_in_timescale_pct` | local standards; the DfE publishes none |
//! | `audits_good_or_better_pct`, `fsm_open_children` | local measures |

use crate::ees::{Headers, yes_no};
use crate::{Benchmark, Cause, DataError, Geography, Source, csv_error, indicator_id, line_of};

const ENGLAND_LATEST: &str = include_str!("../data/england_latest.csv");
const ENGLAND_LATEST_NAME: &str = "benchmarks/data/england_latest.csv";

/// The shipped England values (see the [module docs](self)), one [`Benchmark`] per row of
/// `data/england_latest.csv`, in file order.
///
/// The file is embedded in the binary and checked by this crate's tests, so an error here means
/// the build shipped a broken file.
pub fn england_latest() -> Result<Vec<Benchmark>, DataError> {
    let file = ENGLAND_LATEST_NAME;
    let mut csv = csv::ReaderBuilder::new().from_reader(ENGLAND_LATEST.as_bytes());
    let headers = Headers::read(&mut csv, file)?;
    let col = |name: &str| headers.require(name, file);
    let id_i = col("indicator_id")?;
    let value_i = col("value")?;
    let year_i = col("year")?;
    let label_i = col("year_label")?;
    let title_i = col("source_title")?;
    let url_i = col("source_url")?;
    let derived_i = col("derived")?;
    let note_i = col("note")?;

    let mut benchmarks: Vec<Benchmark> = Vec::new();
    for record in csv.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = line_of(&record);
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let error = |i: usize, cause| DataError::at(file, line, headers.name(i), cause);

        let id = cell(id_i);
        let indicator_id =
            indicator_id(id).ok_or_else(|| error(id_i, Cause::UnknownIndicator(id.to_owned())))?;
        if benchmarks.iter().any(|b| b.indicator_id == indicator_id) {
            return Err(error(
                id_i,
                Cause::Invalid(format!("{indicator_id} is listed twice")),
            ));
        }
        let value = cell(value_i)
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| error(value_i, Cause::BadValue(cell(value_i).to_owned())))?;
        let year = cell(year_i)
            .parse::<i16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .ok_or_else(|| {
                error(
                    year_i,
                    Cause::Invalid(format!("{:?} is not a year", cell(year_i))),
                )
            })?;
        let derived = yes_no(cell(derived_i)).ok_or_else(|| {
            error(
                derived_i,
                Cause::Invalid(format!("{:?} is not yes or no", cell(derived_i))),
            )
        })?;
        for i in [label_i, title_i, url_i, note_i] {
            if cell(i).is_empty() {
                return Err(error(i, Cause::Invalid("empty".to_owned())));
            }
        }
        benchmarks.push(Benchmark {
            indicator_id,
            geography: Geography::England,
            year,
            value: Some(value),
            symbol: None,
            source: Source {
                title: cell(title_i).to_owned(),
                url: cell(url_i).to_owned(),
                release_year_label: cell(label_i).to_owned(),
                note: cell(note_i).to_owned(),
            },
            derived,
        });
    }
    Ok(benchmarks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::INDICATOR_IDS;

    #[test]
    fn every_row_parses_with_a_harbour_id_and_a_source() {
        let rows = england_latest().unwrap();
        assert_eq!(rows.len(), ENGLAND_LATEST.lines().count() - 1);
        for b in &rows {
            assert!(
                INDICATOR_IDS.contains(&b.indicator_id),
                "{}",
                b.indicator_id
            );
            assert!(b.source.url.starts_with("https://"), "{}", b.indicator_id);
            assert_eq!(b.geography, Geography::England);
        }
    }

    #[test]
    fn the_values_are_the_researched_ones() {
        let rows = england_latest().unwrap();
        let got: Vec<(&str, f64, i16, bool)> = rows
            .iter()
            .map(|b| (b.indicator_id, b.value.unwrap(), b.year, b.derived))
            .collect();
        assert_eq!(
            got,
            vec![
                ("referrals_per_10k", 519.0, 2025, true),
                ("rereferrals_12m_pct", 22.6, 2025, false),
                ("referrals_nfa_pct", 6.5, 2025, false),
                ("assessments_45wd_pct", 85.7, 2025, true),
                ("s47_per_10k", 189.0, 2025, true),
                ("icpc_per_10k", 59.0, 2025, true),
                ("icpc_15wd_pct", 81.4, 2025, true),
                ("cp_plans_per_10k", 40.0, 2025, true),
                ("cp_ended_2y_plus_pct", 4.4, 2025, false),
                ("cla_per_10k", 67.0, 2025, false),
                ("cla_long_term_stability_pct", 68.0, 2024, false),
                ("cla_missing_pct", 11.0, 2022, false),
                ("care_leavers_suitable_accommodation_pct", 85.0, 2019, false),
                ("adoption_a1_days", 486.0, 2018, false),
            ]
        );
    }

    #[test]
    fn the_shipped_mappings_parse() {
        let mappings = crate::Mapping::shipped().unwrap();
        assert_eq!(mappings.len(), 1);
        let c1 = &mappings[0];
        assert_eq!(c1.dataset, "cin_c1_referrals");
        let columns: Vec<(&str, &str)> = c1
            .columns
            .iter()
            .map(|c| (c.indicator_id, c.column.as_str()))
            .collect();
        assert_eq!(
            columns,
            vec![
                ("rereferrals_12m_pct", "rereferral_percent"),
                ("referrals_nfa_pct", "no_further_action_percent")
            ]
        );
    }
}
