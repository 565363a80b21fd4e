//! Financial quarters, the pack's period: `2025-26-Q3` is October to December 2025.

use jiff::civil::{Date, date};
use model::CollectionYear;
use std::fmt;
use std::str::FromStr;

/// A quarter of a financial (and DfE collection) year: Q1 April–June, Q2 July–September,
/// Q3 October–December, Q4 January–March.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Quarter {
    /// The year, named by the year in which it ends (2026 = 2025-26).
    pub year: CollectionYear,
    /// 1 to 4.
    pub q: u8,
}

impl Quarter {
    /// The quarter; `None` unless `q` is 1 to 4.
    pub fn new(year: CollectionYear, q: u8) -> Option<Self> {
        (1..=4).contains(&q).then_some(Self { year, q })
    }
    /// The quarter holding `d`.
    pub fn containing(d: Date) -> Self {
        let year = CollectionYear::containing(d);
        let q = match d.month() {
            4..=6 => 1,
            7..=9 => 2,
            10..=12 => 3,
            _ => 4,
        };
        Self { year, q }
    }
    /// The first day.
    pub fn start(self) -> Date {
        let (y, m) = self.first_month();
        date(y, m, 1)
    }
    /// The last day.
    pub fn end(self) -> Date {
        let (y, m) = self.first_month();
        date(y, m + 2, 1).last_of_month()
    }
    fn first_month(self) -> (i16, i8) {
        match self.q {
            1 => (self.year.0 - 1, 4),
            2 => (self.year.0 - 1, 7),
            3 => (self.year.0 - 1, 10),
            _ => (self.year.0, 1),
        }
    }
    /// Whether `d` falls in the quarter, both ends included.
    pub fn contains(self, d: Date) -> bool {
        self.start() <= d && d <= self.end()
    }
    /// The quarter `n` quarters later (earlier for negative `n`).
    pub fn plus(self, n: i32) -> Self {
        let index = i32::from(self.year.0) * 4 + i32::from(self.q) - 1 + n;
        Self {
            year: CollectionYear(index.div_euclid(4) as i16),
            q: (index.rem_euclid(4) + 1) as u8,
        }
    }
    /// The quarters from `self` to `last`, both included (empty when `last` comes first).
    pub fn through(self, last: Quarter) -> Vec<Quarter> {
        let mut out = Vec::new();
        let mut q = self;
        while q <= last {
            out.push(q);
            q = q.plus(1);
        }
        out
    }
}

impl fmt::Display for Quarter {
    /// `2025-26-Q3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.q)
    }
}

/// Why a quarter could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a financial quarter: write it as 2025-26-Q3 (Q1 is April to June)")]
pub struct BadQuarter(pub String);

impl FromStr for Quarter {
    type Err = BadQuarter;
    /// Reads `2025-26-Q3` (also `2025/26 Q3`): the two years must be consecutive.
    fn from_str(s: &str) -> Result<Self, BadQuarter> {
        let bad = || BadQuarter(s.to_string());
        let t = s.trim();
        let (years, q) = t
            .rsplit_once(['-', ' '])
            .filter(|(_, q)| q.len() == 2 && q.starts_with(['Q', 'q']))
            .ok_or_else(bad)?;
        let q: u8 = q[1..].parse().map_err(|_| bad())?;
        let (first, second) = years.split_once(['-', '/']).ok_or_else(bad)?;
        if first.len() != 4 || second.len() != 2 {
            return Err(bad());
        }
        let first: i16 = first.parse().map_err(|_| bad())?;
        let second: i16 = second.parse().map_err(|_| bad())?;
        if (first + 1).rem_euclid(100) != second || !(1900..=2199).contains(&first) {
            return Err(bad());
        }
        Quarter::new(CollectionYear(first + 1), q).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quarters_of_2025_26() {
        let q3: Quarter = "2025-26-Q3".parse().unwrap();
        assert_eq!(
            (q3.start(), q3.end()),
            (date(2025, 10, 1), date(2025, 12, 31))
        );
        let q4: Quarter = "2025/26 Q4".parse().unwrap();
        assert_eq!(
            (q4.start(), q4.end()),
            (date(2026, 1, 1), date(2026, 3, 31))
        );
        let q1 = q4.plus(1);
        assert_eq!(q1.to_string(), "2026-27-Q1");
        assert_eq!(q1.start(), date(2026, 4, 1));
        assert_eq!(
            Quarter::containing(date(2024, 2, 29)).to_string(),
            "2023-24-Q4"
        );
        assert_eq!(q3.through(q1).len(), 3);
    }

    #[test]
    fn bad_quarters_are_refused() {
        for s in [
            "2025-27-Q1",
            "2025-26-Q5",
            "2025-26-Q0",
            "2025-26",
            "Q3",
            "25-26-Q1",
            "",
        ] {
            assert!(s.parse::<Quarter>().is_err(), "{s}");
        }
    }

    proptest! {
        #[test]
        fn every_day_is_in_exactly_the_quarter_that_contains_it(days in 0i32..20_000) {
            let d = date(2000, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
            let q = Quarter::containing(d);
            prop_assert!(q.contains(d));
            prop_assert!(!q.plus(1).contains(d) && !q.plus(-1).contains(d));
            prop_assert_eq!(q.to_string().parse::<Quarter>().unwrap(), q);
            prop_assert_eq!(q.plus(1).start(), q.end().tomorrow().unwrap());
        }
    }
}
