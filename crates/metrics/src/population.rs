//! The population aged 0 to 17, for rates per 10,000 children, with its vintage.

use model::Date;
use std::collections::BTreeMap;

/// Mid-year estimates of the number of children aged 0 to 17 living in the area, one per year,
/// from one named release (its vintage), for example "ONS mid-2023 population estimates (published
/// July 2024)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Population {
    /// The area, e.g. the local authority's name or code.
    pub area: String,
    /// The release the figures come from, shown beside every rate.
    pub vintage: String,
    /// Children aged 0 to 17 at 30 June of each year.
    pub children: BTreeMap<i16, u64>,
}

/// A population file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: {cause}")]
pub struct PopulationError {
    pub file: String,
    pub line: usize,
    pub cause: String,
}

impl Population {
    /// The estimate for a date: the latest mid-year estimate on or before it, or the earliest
    /// there is (rates for years before the first estimate use it, and say so by the vintage).
    pub fn for_date(&self, d: Date) -> Option<u64> {
        let mid_year = if (d.month(), d.day()) >= (6, 30) {
            d.year()
        } else {
            d.year() - 1
        };
        self.children
            .range(..=mid_year)
            .next_back()
            .or_else(|| self.children.iter().next())
            .map(|(_, n)| *n)
    }

    /// The table held in a dataset (loaded from `population.csv`): the estimates of its first
    /// area (a council's table names one), with the vintage of its latest year. `None` when the
    /// dataset holds none.
    pub fn from_estimates(estimates: &[model::PopulationEstimate]) -> Option<Population> {
        let first = estimates.iter().min_by(|a, b| a.area.cmp(&b.area))?;
        let mine: Vec<&model::PopulationEstimate> =
            estimates.iter().filter(|e| e.area == first.area).collect();
        let latest = mine.iter().max_by_key(|e| e.year)?;
        Some(Population {
            area: first.area.clone(),
            vintage: latest.vintage.clone(),
            children: mine.iter().map(|e| (e.year, e.children_0_17)).collect(),
        })
    }

    /// Reads the CSV layout `area,year,children_0_17,vintage` (a header row, then one row per
    /// year; every row names the same area and vintage).
    pub fn from_csv(file: &str, text: &str) -> Result<Population, PopulationError> {
        let err = |line: usize, cause: String| PopulationError {
            file: file.to_owned(),
            line,
            cause,
        };
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
        match lines.next() {
            Some((_, "area,year,children_0_17,vintage")) => {}
            Some((n, _)) => {
                return Err(err(
                    n,
                    "the header row must be area,year,children_0_17,vintage".into(),
                ));
            }
            None => return Err(err(1, "the file is empty".into())),
        }
        let mut population: Option<Population> = None;
        for (n, line) in lines.filter(|(_, l)| !l.is_empty()) {
            let fields: Vec<&str> = line.splitn(4, ',').collect();
            let [area, year, children, vintage] = fields[..] else {
                return Err(err(
                    n,
                    "expected 4 fields: area,year,children_0_17,vintage".into(),
                ));
            };
            let year: i16 = year
                .parse()
                .map_err(|_| err(n, format!("year {year:?} is not a year")))?;
            let children: u64 = children
                .parse()
                .map_err(|_| err(n, format!("children_0_17 {children:?} is not a count")))?;
            let p = population.get_or_insert_with(|| Population {
                area: area.to_owned(),
                vintage: vintage.trim_matches('"').to_owned(),
                children: BTreeMap::new(),
            });
            if p.area != area {
                return Err(err(n, format!("area {area:?} differs from {:?}", p.area)));
            }
            if p.children.insert(year, children).is_some() {
                return Err(err(n, format!("year {year} appears twice")));
            }
        }
        population.ok_or_else(|| err(2, "no years".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn estimates_apply_from_30_june() {
        let p = Population::from_csv(
            "pop.csv",
            "area,year,children_0_17,vintage\nE1,2023,1000,ONS mid-2024\nE1,2024,1100,ONS mid-2024\n",
        )
        .unwrap();
        assert_eq!(p.vintage, "ONS mid-2024");
        assert_eq!(p.for_date(date(2024, 6, 29)), Some(1000));
        assert_eq!(p.for_date(date(2024, 6, 30)), Some(1100));
        assert_eq!(p.for_date(date(2030, 1, 1)), Some(1100));
        assert_eq!(p.for_date(date(2001, 1, 1)), Some(1000));
    }

    #[test]
    fn bad_files_say_where() {
        let e = Population::from_csv("pop.csv", "area,year,children_0_17,vintage\nE1,20x3,5,v\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "pop.csv: line 2: year \"20x3\" is not a year"
        );
        let e = Population::from_csv("pop.csv", "year,n\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
