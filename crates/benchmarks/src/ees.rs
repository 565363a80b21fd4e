//! Reading Explore Education Statistics (EES) CSV files.
//!
//! # The layout read
//!
//! An EES data file has a header row and one row per place, period and combination of filter
//! values. The columns this reader uses are:
//!
//! | Column | Use |
//! |---|---|
//! | `time_period` | `2025` (a year) or `202425` (two years, read as the year it ends: 2025) |
//! | `time_identifier` | e.g. "Reporting year"; optional, kept in the source's year label |
//! | `geographic_level` | `National`, `Regional` or `Local authority`; anything else is an error |
//! | `region_code`, `region_name` | the region, on Regional rows (and on Local authority rows, to find the region) |
//! | `new_la_code`, `old_la_code`, `la_name` | the authority, on Local authority rows |
//! | filter columns | e.g. `breakdown`; a [`Filter`] keeps only rows with a given value |
//! | indicator columns | a number or a symbol (`c`, `z`, `x`, `:`, `k`, `u`) |
//!
//! `time_identifier` is not interpreted: a four-digit `time_period` is taken to be the
//! collection year ending 31 March of that year, which is what the CIN and CLA "Reporting year"
//! files mean. A dataset counted by calendar year would need converting by the caller.
//! Periods of more than two years (such as the adoption scorecards' three-year averages) are
//! not an EES form this reader accepts.
//!
//! `country_code` and `country_name` are not needed: a National row is England. Other columns
//! are ignored. Cells are trimmed of spaces. A cell that is neither a number nor a known symbol,
//! empty cells included, is an error; symbols are never read as numbers.
//!
//! # The mappings shipped
//!
//! `data/ees_mappings.csv` has one row per Harbour indicator read from an EES dataset, with the
//! columns `dataset`, `indicator_id`, `column`, `filters` (`name=value` pairs separated by `;`,
//! or empty), `scale` (the cell is multiplied by it), `derived` (`yes`/`no`), `source_title`,
//! `source_url` and `note` (for people; not read). It maps only the columns whose names research/indicators.md
//! documents:
//!
//! - CIN **C1** referrals: `rereferral_percent` → `rereferrals_12m_pct` and
//!   `no_further_action_percent` → `referrals_nfa_pct`. (`not_in_need_percent` is documented
//!   too but is not a Harbour indicator.) The research names no filter columns for C1, so none
//!   is set; if a release has breakdown rows, the reader reports a duplicate rather than pick
//!   one, and a filter must be added.
//!
//! Not mapped, because the research gives the dataset but not its column names (they must be
//! read from each dataset's EES metadata before a row is added here, never guessed):
//! C1's referral rate (`referrals_per_10k`); C2 assessment duration bands
//! (`assessments_45wd_pct`, which is derived from the bands); C4 S47 and ICPC counts, rates and
//! ICPC duration bands (`s47_per_10k`, `icpc_per_10k`, `icpc_15wd_pct`); D1 CP plans
//! (`cp_plans_per_10k`, `cp_starts_per_10k`); D3 repeat plans (`cp_second_or_subsequent_pct`);
//! D5 reviews (`cp_reviews_in_timescale_pct`); D7 plan duration (`cp_ended_2y_plus_pct`); the CLA
//! national tables (`cla_per_10k`, `cla_per_10k_excl_uasc`, `cla_starts_per_10k`); the
//! stability dataset (`cla_3plus_placements_pct`, `cla_long_term_stability_pct`); missing from
//! care (`cla_missing_pct`); care leavers (`care_leavers_eet_pct`,
//! `care_leavers_suitable_accommodation_pct`); and adoption (`adoption_a1_days`,
//! `adoption_a10_days`, `adoption_a2_days`, published in the adoption scorecards and the ASGLB
//! survey rather than EES). A caller who knows a column can build a [`Mapping`] in code or
//! with [`Mapping::from_csv`].

use crate::{
    Benchmark, Cause, DataError, Geography, Source, Symbol, csv_error, indicator_id, line_of,
};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

const SHIPPED_MAPPINGS: &str = include_str!("../data/ees_mappings.csv");
const SHIPPED_MAPPINGS_NAME: &str = "benchmarks/data/ees_mappings.csv";

/// Keep only rows whose `column` holds exactly `value` (after trimming spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// The filter column, e.g. `breakdown`.
    pub column: String,
    /// The value rows must hold, e.g. `Total`.
    pub value: String,
}

/// One Harbour indicator read from one column of an EES dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorColumn {
    /// One of [`crate::INDICATOR_IDS`].
    pub indicator_id: &'static str,
    /// The EES column holding the figure, e.g. `rereferral_percent`.
    pub column: String,
    /// Rows must match every filter; with none, every row counts.
    pub filters: Vec<Filter>,
    /// The cell is multiplied by this (1 to keep it as published; 100 to turn a proportion into
    /// a percentage).
    pub scale: f64,
    /// Whether the benchmark is worked out rather than published as is (set it when `scale`
    /// is not 1).
    pub derived: bool,
}

/// Which columns of one EES dataset give which Harbour indicators, and the dataset's source.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// A short name for the dataset, e.g. `cin_c1_referrals`.
    pub dataset: String,
    /// The dataset's title, given as each benchmark's [`Source::title`].
    pub source_title: String,
    /// The dataset's address, given as each benchmark's [`Source::url`].
    pub source_url: String,
    /// The indicators read from the dataset.
    pub columns: Vec<IndicatorColumn>,
}

impl Mapping {
    /// The mappings shipped in `data/ees_mappings.csv`, one per dataset in file order.
    pub fn shipped() -> Result<Vec<Mapping>, DataError> {
        Mapping::from_csv(SHIPPED_MAPPINGS.as_bytes(), SHIPPED_MAPPINGS_NAME)
    }

    /// The shipped mapping for `dataset`, e.g. `cin_c1_referrals`.
    pub fn shipped_for(dataset: &str) -> Result<Option<Mapping>, DataError> {
        Ok(Mapping::shipped()?
            .into_iter()
            .find(|m| m.dataset == dataset))
    }

    /// Mappings from a CSV in the layout of `data/ees_mappings.csv` (see the [module
    /// docs](self)); `file` names it in errors.
    pub fn from_csv<R: Read>(reader: R, file: &str) -> Result<Vec<Mapping>, DataError> {
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let headers = Headers::read(&mut csv, file)?;
        let col = |name: &str| headers.require(name, file);
        let dataset_i = col("dataset")?;
        let id_i = col("indicator_id")?;
        let column_i = col("column")?;
        let filters_i = col("filters")?;
        let scale_i = col("scale")?;
        let derived_i = col("derived")?;
        let title_i = col("source_title")?;
        let url_i = col("source_url")?;

        let mut mappings: Vec<Mapping> = Vec::new();
        for record in csv.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = line_of(&record);
            let cell = |i: usize| record.get(i).unwrap_or("").trim();
            let error = |i: usize, cause| DataError::at(file, line, headers.name(i), cause);

            let id = cell(id_i);
            let indicator_id = indicator_id(id)
                .ok_or_else(|| error(id_i, Cause::UnknownIndicator(id.to_owned())))?;
            let column = cell(column_i);
            if column.is_empty() {
                return Err(error(
                    column_i,
                    Cause::Invalid("the column name is empty".into()),
                ));
            }
            let filters =
                parse_filters(cell(filters_i)).map_err(|cause| error(filters_i, cause))?;
            let scale = cell(scale_i)
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s != 0.0)
                .ok_or_else(|| {
                    error(
                        scale_i,
                        Cause::Invalid(format!(
                            "scale {:?} is not a non-zero number",
                            cell(scale_i)
                        )),
                    )
                })?;
            let derived = yes_no(cell(derived_i)).ok_or_else(|| {
                error(
                    derived_i,
                    Cause::Invalid(format!("{:?} is not yes or no", cell(derived_i))),
                )
            })?;
            let column = IndicatorColumn {
                indicator_id,
                column: column.to_owned(),
                filters,
                scale,
                derived,
            };

            let dataset = cell(dataset_i);
            if dataset.is_empty() {
                return Err(error(
                    dataset_i,
                    Cause::Invalid("the dataset name is empty".into()),
                ));
            }
            match mappings.iter_mut().find(|m| m.dataset == dataset) {
                Some(mapping) => {
                    if mapping.source_title != cell(title_i) || mapping.source_url != cell(url_i) {
                        return Err(error(
                            title_i,
                            Cause::Invalid(format!(
                                "dataset {dataset} has another source on an earlier line"
                            )),
                        ));
                    }
                    mapping.columns.push(column);
                }
                None => mappings.push(Mapping {
                    dataset: dataset.to_owned(),
                    source_title: cell(title_i).to_owned(),
                    source_url: cell(url_i).to_owned(),
                    columns: vec![column],
                }),
            }
        }
        Ok(mappings)
    }
}

fn parse_filters(cell: &str) -> Result<Vec<Filter>, Cause> {
    cell.split(';')
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((column, value)) if !column.trim().is_empty() => Ok(Filter {
                column: column.trim().to_owned(),
                value: value.trim().to_owned(),
            }),
            _ => Err(Cause::Invalid(format!(
                "filter {pair:?} is not column=value"
            ))),
        })
        .collect()
}

pub(crate) fn yes_no(cell: &str) -> Option<bool> {
    match cell {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The collection year an EES `time_period` ends in: `2025` → 2025, `202425` → 2025. `None` for
/// anything else, including a two-year period whose years do not follow (`202426`).
pub fn collection_year(time_period: &str) -> Option<i16> {
    if !time_period.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first: i16 = time_period.get(..4)?.parse().ok()?;
    if !(1900..=2100).contains(&first) {
        return None;
    }
    match time_period.len() {
        4 => Some(first),
        6 => {
            let second: i16 = time_period[4..].parse().ok()?;
            ((first + 1) % 100 == second).then_some(first + 1)
        }
        _ => None,
    }
}

/// "2024-25" for `202425`, "2025" for `2025`.
fn period_label(time_period: &str) -> String {
    if time_period.len() == 6 {
        format!("{}-{}", &time_period[..4], &time_period[4..])
    } else {
        time_period.to_owned()
    }
}

/// A cell: a number or a symbol. Numbers are plain decimals (an optional `-`, digits and at most
/// one `.`); thousands separators, exponents, `NaN` and empty cells are errors.
pub fn parse_cell(cell: &str) -> Result<(Option<f64>, Option<Symbol>), Cause> {
    if let Some(symbol) = Symbol::from_code(cell) {
        return Ok((None, Some(symbol)));
    }
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let plain = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && digits.bytes().any(|b| b.is_ascii_digit());
    match cell.parse::<f64>() {
        Ok(value) if plain && value.is_finite() => Ok((Some(value), None)),
        _ => Err(Cause::BadValue(cell.to_owned())),
    }
}

/// Reads the EES CSV at `path` through `mapping`; see [`read_ees`].
pub fn read_ees_csv(path: &Path, mapping: &Mapping) -> Result<Vec<Benchmark>, DataError> {
    let file = path.display().to_string();
    let reader = std::fs::File::open(path).map_err(|e| DataError {
        file: file.clone(),
        line: None,
        column: None,
        cause: Cause::Io(e.to_string()),
    })?;
    read_ees(reader, &file, mapping)
}

/// Reads an EES CSV through `mapping`: one [`Benchmark`] per National, Regional and Local
/// authority row and mapped column whose filters the row matches, in file order (row by row,
/// then in the mapping's column order). `file` names the file in errors and in each benchmark's
/// source note.
///
/// Every row's `time_period` and `geographic_level` are checked, matched or not. Two rows giving
/// the same indicator for the same place and year is an error (a filter is missing).
pub fn read_ees<R: Read>(
    reader: R,
    file: &str,
    mapping: &Mapping,
) -> Result<Vec<Benchmark>, DataError> {
    let mut csv = csv::ReaderBuilder::new().from_reader(reader);
    let headers = Headers::read(&mut csv, file)?;
    let time_period_i = headers.require("time_period", file)?;
    let level_i = headers.require("geographic_level", file)?;
    let time_identifier_i = headers.index("time_identifier");

    struct Resolved<'m> {
        column: &'m IndicatorColumn,
        value_i: usize,
        filters: Vec<(usize, &'m str)>,
    }
    let mut resolved = Vec::with_capacity(mapping.columns.len());
    for column in &mapping.columns {
        let value_i = headers.require(&column.column, file)?;
        let filters = column
            .filters
            .iter()
            .map(|f| Ok((headers.require(&f.column, file)?, f.value.as_str())))
            .collect::<Result<Vec<_>, DataError>>()?;
        resolved.push(Resolved {
            column,
            value_i,
            filters,
        });
    }

    let mut seen: HashMap<(&'static str, PlaceKey, i16), u64> = HashMap::new();
    let mut benchmarks = Vec::new();
    for record in csv.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = line_of(&record);
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let error = |i: usize, cause| DataError::at(file, line, headers.name(i), cause);

        let time_period = cell(time_period_i);
        let year = collection_year(time_period)
            .ok_or_else(|| error(time_period_i, Cause::BadTimePeriod(time_period.into())))?;
        let geography = read_geography(&headers, &record, file, line, level_i)?;
        let year_label = match time_identifier_i.map(cell) {
            Some(identifier) if !identifier.is_empty() => {
                format!("{identifier} {}", period_label(time_period))
            }
            _ => period_label(time_period),
        };

        for r in &resolved {
            if !r.filters.iter().all(|(i, value)| cell(*i) == *value) {
                continue;
            }
            let (value, symbol) =
                parse_cell(cell(r.value_i)).map_err(|cause| error(r.value_i, cause))?;
            let key = (r.column.indicator_id, PlaceKey::of(&geography), year);
            if let Some(first_line) = seen.insert(key, line) {
                return Err(error(
                    r.value_i,
                    Cause::Duplicate {
                        indicator_id: r.column.indicator_id,
                        geography: geography.to_string(),
                        year,
                        first_line,
                    },
                ));
            }
            benchmarks.push(Benchmark {
                indicator_id: r.column.indicator_id,
                geography: geography.clone(),
                year,
                value: value.map(|v| v * r.column.scale),
                symbol,
                source: Source {
                    title: mapping.source_title.clone(),
                    url: mapping.source_url.clone(),
                    release_year_label: year_label.clone(),
                    note: format!("read from {file}, line {line}, column {}", r.column.column),
                },
                derived: r.column.derived,
            });
        }
    }
    Ok(benchmarks)
}

fn read_geography(
    headers: &Headers,
    record: &csv::StringRecord,
    file: &str,
    line: u64,
    level_i: usize,
) -> Result<Geography, DataError> {
    let cell = |name: &str| -> Result<&str, DataError> {
        let i = headers.index(name).ok_or_else(|| {
            DataError::at(
                file,
                line,
                Some(name),
                Cause::MissingColumn(name.to_owned()),
            )
        })?;
        Ok(record.get(i).unwrap_or("").trim())
    };
    let code = |name: &str| -> Result<String, DataError> {
        let value = cell(name)?;
        if value.is_empty() {
            return Err(DataError::at(file, line, Some(name), Cause::EmptyCode));
        }
        Ok(value.to_owned())
    };
    let level = record.get(level_i).unwrap_or("").trim();
    Ok(match level {
        "National" => Geography::England,
        "Regional" => Geography::Region {
            code: code("region_code")?,
            name: cell("region_name")?.to_owned(),
        },
        "Local authority" => {
            let region_code = match headers
                .index("region_code")
                .map(|i| record.get(i).unwrap_or("").trim())
            {
                Some(c) if !c.is_empty() => Some(c.to_owned()),
                _ => None,
            };
            Geography::LocalAuthority {
                code: code("new_la_code")?,
                old_code: code("old_la_code")?,
                name: cell("la_name")?.to_owned(),
                region_code,
            }
        }
        other => {
            return Err(DataError::at(
                file,
                line,
                headers.name(level_i),
                Cause::UnknownGeographicLevel(other.to_owned()),
            ));
        }
    })
}

/// A place without its names, for finding duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PlaceKey {
    England,
    Region(String),
    LocalAuthority(String),
}

impl PlaceKey {
    fn of(geography: &Geography) -> PlaceKey {
        match geography {
            Geography::England => PlaceKey::England,
            Geography::Region { code, .. } => PlaceKey::Region(code.clone()),
            Geography::LocalAuthority { code, .. } => PlaceKey::LocalAuthority(code.clone()),
        }
    }
}

/// A header row: column names, trimmed, and their positions.
pub(crate) struct Headers {
    names: Vec<String>,
}

impl Headers {
    pub(crate) fn read<R: Read>(
        csv: &mut csv::Reader<R>,
        file: &str,
    ) -> Result<Headers, DataError> {
        let headers = csv.headers().map_err(|e| csv_error(file, &e))?;
        Ok(Headers {
            names: headers.iter().map(|h| h.trim().to_owned()).collect(),
        })
    }

    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    pub(crate) fn name(&self, i: usize) -> Option<&str> {
        self.names.get(i).map(String::as_str)
    }

    /// The column's position, or an error on the header line naming it.
    pub(crate) fn require(&self, name: &str, file: &str) -> Result<usize, DataError> {
        self.index(name).ok_or_else(|| {
            DataError::at(file, 1, Some(name), Cause::MissingColumn(name.to_owned()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_periods() {
        assert_eq!(collection_year("2025"), Some(2025));
        assert_eq!(collection_year("202425"), Some(2025));
        assert_eq!(collection_year("199900"), Some(2000));
        assert_eq!(collection_year("202426"), None);
        assert_eq!(collection_year("2024/25"), None);
        assert_eq!(collection_year("20242025"), None);
        assert_eq!(collection_year("25"), None);
        assert_eq!(collection_year(""), None);
        assert_eq!(collection_year("+2025"), None);
    }

    #[test]
    fn cells() {
        assert_eq!(parse_cell("22.6"), Ok((Some(22.6), None)));
        assert_eq!(parse_cell("-3"), Ok((Some(-3.0), None)));
        assert_eq!(parse_cell("0"), Ok((Some(0.0), None)));
        assert_eq!(parse_cell("c"), Ok((None, Some(Symbol::Suppressed))));
        assert_eq!(parse_cell(":"), Ok((None, Some(Symbol::NotAvailable))));
        assert_eq!(parse_cell("k"), Ok((None, Some(Symbol::RoundsToZero))));
        for bad in [
            "", "C", "1,234", "1e3", "NaN", "inf", ".", "-", "1.2.3", "12%", "x1",
        ] {
            assert_eq!(
                parse_cell(bad),
                Err(Cause::BadValue(bad.to_owned())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn filters() {
        assert_eq!(parse_filters(""), Ok(vec![]));
        assert_eq!(
            parse_filters("breakdown=Total; characteristic = All children"),
            Ok(vec![
                Filter {
                    column: "breakdown".into(),
                    value: "Total".into()
                },
                Filter {
                    column: "characteristic".into(),
                    value: "All children".into()
                },
            ])
        );
        assert!(parse_filters("breakdown").is_err());
        assert!(parse_filters("=Total").is_err());
    }
}
