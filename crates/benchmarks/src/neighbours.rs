//! Statistical neighbours, and a council's figure beside its neighbours, region and England.
//!
//! # The list read
//!
//! The DfE's children's services statistical neighbour benchmarking tool gives each local
//! authority ten others with similar characteristics, closest first. This module reads that list
//! as a CSV with a header row and one row per authority:
//!
//! | Column | Content |
//! |---|---|
//! | `la_code` | the authority: its DfE number (`919`) or its ONS code (`E10000015`) |
//! | `la_name` | optional, for people reading the file |
//! | `sn1` … `sn10` | its neighbours' codes, closest first (either kind of code) |
//!
//! All of `sn1` to `sn10` must be in the header; a cell may be empty where an authority has
//! fewer neighbours (after reorganisations the tool left some neighbours without data). Other
//! columns, such as neighbour names, are ignored. An authority listed twice, a neighbour listed
//! twice, an authority that is its own neighbour, or a code of the wrong shape is an error.
//!
//! ```text
//! la_code,la_name,sn1,sn2,sn3,sn4,sn5,sn6,sn7,sn8,sn9,sn10
//! 919,Hertfordshire,E10000014,825,850,E10000016,886,E10000030,E10000032,931,E10000031,E06000040
//! ```

use crate::ees::Headers;
use crate::{Benchmark, Cause, DataError, Geography, csv_error, is_la_code, line_of};
use std::io::Read;
use std::path::Path;

/// How many neighbours the DfE tool lists for each authority.
pub const NEIGHBOURS_PER_LA: usize = 10;

/// One authority's statistical neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeighbourList {
    /// The authority's code as the file gave it, old or new.
    pub la_code: String,
    /// The authority's name, if the file gave one.
    pub la_name: Option<String>,
    /// Neighbours' codes, closest first; empty cells are left out.
    pub neighbours: Vec<String>,
}

/// A statistical-neighbour list for many authorities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatisticalNeighbours {
    /// One list per authority, in file order.
    pub lists: Vec<NeighbourList>,
}

impl StatisticalNeighbours {
    /// Reads the list at `path`; see the [module docs](self) for the layout.
    pub fn read_csv(path: &Path) -> Result<StatisticalNeighbours, DataError> {
        let file = path.display().to_string();
        let reader = std::fs::File::open(path).map_err(|e| DataError {
            file: file.clone(),
            line: None,
            column: None,
            cause: Cause::Io(e.to_string()),
        })?;
        StatisticalNeighbours::from_csv(reader, &file)
    }

    /// Reads a list in the layout of the [module docs](self); `file` names it in errors.
    pub fn from_csv<R: Read>(reader: R, file: &str) -> Result<StatisticalNeighbours, DataError> {
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let headers = Headers::read(&mut csv, file)?;
        let la_code_i = headers.require("la_code", file)?;
        let la_name_i = headers.index("la_name");
        let neighbour_is = (1..=NEIGHBOURS_PER_LA)
            .map(|rank| headers.require(&format!("sn{rank}"), file))
            .collect::<Result<Vec<_>, _>>()?;

        let mut lists: Vec<(NeighbourList, u64)> = Vec::new();
        for record in csv.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = line_of(&record);
            let cell = |i: usize| record.get(i).unwrap_or("").trim();
            let error = |i: usize, cause| DataError::at(file, line, headers.name(i), cause);
            let checked_code = |i: usize| {
                let code = cell(i);
                if is_la_code(code) {
                    Ok(code.to_owned())
                } else {
                    Err(error(i, Cause::BadLaCode(code.to_owned())))
                }
            };

            let la_code = checked_code(la_code_i)?;
            if let Some((_, first_line)) = lists.iter().find(|(l, _)| l.la_code == la_code) {
                return Err(error(
                    la_code_i,
                    Cause::Invalid(format!(
                        "{la_code} is listed again (first on line {first_line})"
                    )),
                ));
            }
            let mut neighbours: Vec<String> = Vec::with_capacity(NEIGHBOURS_PER_LA);
            for &i in &neighbour_is {
                if cell(i).is_empty() {
                    continue;
                }
                let neighbour = checked_code(i)?;
                if neighbour == la_code {
                    return Err(error(
                        i,
                        Cause::Invalid(format!("{la_code} is listed as its own neighbour")),
                    ));
                }
                if neighbours.contains(&neighbour) {
                    return Err(error(
                        i,
                        Cause::Invalid(format!("neighbour {neighbour} is listed twice")),
                    ));
                }
                neighbours.push(neighbour);
            }
            let la_name = la_name_i
                .map(cell)
                .filter(|n| !n.is_empty())
                .map(str::to_owned);
            lists.push((
                NeighbourList {
                    la_code,
                    la_name,
                    neighbours,
                },
                line,
            ));
        }
        Ok(StatisticalNeighbours {
            lists: lists.into_iter().map(|(list, _)| list).collect(),
        })
    }

    /// The list for the authority with exactly `la_code`.
    pub fn get(&self, la_code: &str) -> Option<&NeighbourList> {
        self.lists.iter().find(|l| l.la_code == la_code)
    }
}

/// A neighbour and its benchmark, if one was loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct NeighbourValue {
    /// The code as the neighbour list gave it.
    pub la_code: String,
    /// The neighbour's figure for the indicator and year; `None` when none was loaded.
    pub benchmark: Option<Benchmark>,
}

/// One authority's figure beside its statistical neighbours, its region and England, for one
/// indicator and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The indicator compared.
    pub indicator_id: &'static str,
    /// The collection year compared, by the year it ends.
    pub year: i16,
    /// The authority's own published figure, if loaded.
    pub local_authority: Option<Benchmark>,
    /// Every listed neighbour, closest first.
    pub neighbours: Vec<NeighbourValue>,
    /// The unweighted mean of the neighbours' values, over those with a value; a neighbour
    /// whose figure is a symbol (`k` included) or who has no figure does not count. `None` when
    /// none has a value.
    pub neighbour_mean: Option<f64>,
    /// How many neighbours the mean is over.
    pub neighbours_with_value: usize,
    /// The authority's region's figure, found through the region code on the authority's rows.
    pub region: Option<Benchmark>,
    /// England's figure.
    pub england: Option<Benchmark>,
}

/// Why a comparison could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    /// The indicator id is not one of [`crate::INDICATOR_IDS`].
    #[error("{0:?} is not a Harbour indicator id")]
    UnknownIndicator(String),
    /// The list has no row for the authority under either of its codes.
    #[error("the statistical-neighbour list has no row for local authority {0}")]
    NoNeighbourList(String),
}

/// Compares the authority with code `la_code` (old or new) with its statistical neighbours, its
/// region and England for `indicator` in collection `year`, from `benchmarks`.
///
/// Codes are matched old or new: the authority's other code, and each neighbour's, are known
/// from the Local authority rows in `benchmarks`. Where `benchmarks` holds more than one figure
/// for the same indicator, place and year (say two releases), the last one wins, so load older
/// releases first.
pub fn compare(
    benchmarks: &[Benchmark],
    neighbours: &StatisticalNeighbours,
    la_code: &str,
    indicator: &str,
    year: i16,
) -> Result<Comparison, CompareError> {
    let indicator_id = crate::indicator_id(indicator)
        .ok_or_else(|| CompareError::UnknownIndicator(indicator.into()))?;
    let find = |place: &dyn Fn(&Geography) -> bool| {
        benchmarks
            .iter()
            .rev()
            .find(|b| b.indicator_id == indicator_id && b.year == year && place(&b.geography))
            .cloned()
    };

    // The authority's codes, old and new, from any row that names it.
    let mut codes = vec![la_code.to_owned()];
    let mut region_code = None;
    for b in benchmarks.iter().rev() {
        if let Geography::LocalAuthority {
            code,
            old_code,
            region_code: region,
            ..
        } = &b.geography
            && b.geography.is_local_authority(la_code)
        {
            for c in [code, old_code] {
                if !c.is_empty() && !codes.contains(c) {
                    codes.push(c.clone());
                }
            }
            if region_code.is_none() {
                region_code.clone_from(region);
            }
        }
    }
    let list = codes
        .iter()
        .find_map(|c| neighbours.get(c))
        .ok_or_else(|| CompareError::NoNeighbourList(la_code.to_owned()))?;

    let neighbour_values: Vec<NeighbourValue> = list
        .neighbours
        .iter()
        .map(|code| NeighbourValue {
            la_code: code.clone(),
            benchmark: find(&|g| g.is_local_authority(code)),
        })
        .collect();
    let values: Vec<f64> = neighbour_values
        .iter()
        .filter_map(|n| n.benchmark.as_ref().and_then(|b| b.value))
        .collect();
    let neighbour_mean =
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);

    Ok(Comparison {
        indicator_id,
        year,
        local_authority: find(&|g| codes.iter().any(|c| g.is_local_authority(c))),
        neighbours_with_value: values.len(),
        neighbours: neighbour_values,
        neighbour_mean,
        region: region_code.and_then(|r| find(&|g| g.is_region(&r))),
        england: find(&|g| *g == Geography::England),
    })
}
