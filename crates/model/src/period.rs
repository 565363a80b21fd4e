//! Reporting periods: DfE collection years (1 April to 31 March) and calendar months.

use jiff::civil::{Date, date};
use std::fmt;

/// A DfE collection year, named by the year in which it ends: `CollectionYear(2026)` is
/// 1 April 2025 to 31 March 2026 (the "2025-26" census, reference date 31 March 2026).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct CollectionYear(pub i16);

impl CollectionYear {
    /// The first day of the year: 1 April of the year before.
    pub fn start(self) -> Date {
        date(self.0 - 1, 4, 1)
    }
    /// The reference date: 31 March.
    pub fn end(self) -> Date {
        date(self.0, 3, 31)
    }
    /// Whether `d` falls in the year, both ends included.
    pub fn contains(self, d: Date) -> bool {
        self.start() <= d && d <= self.end()
    }
    /// The collection year that holds `d`.
    pub fn containing(d: Date) -> Self {
        if d.month() >= 4 {
            Self(d.year() + 1)
        } else {
            Self(d.year())
        }
    }
    /// The year before.
    pub fn previous(self) -> Self {
        Self(self.0 - 1)
    }
}

impl fmt::Display for CollectionYear {
    /// DfE style: `2025-26`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.0 - 1, self.0.rem_euclid(100))
    }
}

/// A calendar month.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    /// The month holding `d`.
    pub fn of(d: Date) -> Self {
        Self {
            year: d.year(),
            month: d.month(),
        }
    }
    /// The first day.
    pub fn first_day(self) -> Date {
        date(self.year, self.month, 1)
    }
    /// The last day.
    pub fn last_day(self) -> Date {
        self.first_day().last_of_month()
    }
    /// Whether `d` falls in the month.
    pub fn contains(self, d: Date) -> bool {
        d.year() == self.year && d.month() == self.month
    }
    /// The month `n` months later (or earlier, for negative `n`).
    pub fn plus(self, n: i32) -> Self {
        let index = i32::from(self.year) * 12 + i32::from(self.month) - 1 + n;
        Self {
            year: index.div_euclid(12) as i16,
            month: (index.rem_euclid(12) + 1) as i8,
        }
    }
    /// The `count` months that end with `self`, oldest first.
    pub fn trailing(self, count: u32) -> Vec<Self> {
        (0..count as i32)
            .rev()
            .map(|back| self.plus(-back))
            .collect()
    }
}

impl std::str::FromStr for Month {
    type Err = String;

    /// Reads `YYYY-MM` (four digits, a hyphen, two digits).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not a month YYYY-MM");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) {
            return Err(bad());
        }
        let (year, month) = (
            y.parse::<i16>().map_err(|_| bad())?,
            m.parse::<i8>().map_err(|_| bad())?,
        );
        if !(1..=12).contains(&month) || Date::new(year, month, 1).is_err() {
            return Err(bad());
        }
        Ok(Self { year, month })
    }
}

impl fmt::Display for Month {
    /// `YYYY-MM`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collection_year_runs_april_to_march() {
        let y = CollectionYear(2026);
        assert_eq!(y.start(), date(2025, 4, 1));
        assert_eq!(y.end(), date(2026, 3, 31));
        assert_eq!(y.to_string(), "2025-26");
        assert_eq!(
            CollectionYear::containing(date(2025, 3, 31)),
            CollectionYear(2025)
        );
        assert_eq!(
            CollectionYear::containing(date(2025, 4, 1)),
            CollectionYear(2026)
        );
        assert_eq!(CollectionYear(2000).to_string(), "1999-00");
    }

    #[test]
    fn months_step_across_years() {
        let m = Month {
            year: 2025,
            month: 1,
        };
        assert_eq!(
            m.plus(-1),
            Month {
                year: 2024,
                month: 12
            }
        );
        assert_eq!(
            m.plus(14),
            Month {
                year: 2026,
                month: 3
            }
        );
        assert_eq!(
            Month {
                year: 2024,
                month: 2
            }
            .last_day(),
            date(2024, 2, 29)
        );
        assert_eq!("2025-01".parse::<Month>(), Ok(m));
        for bad in [
            "2025-1", "2025-13", "2025-00", "25-01", "2025/01", "+202-01", "2025-+1",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
        let t = m.trailing(3);
        assert_eq!(t.first().unwrap().to_string(), "2024-11");
        assert_eq!(t.last().unwrap().to_string(), "2025-01");
    }
}
