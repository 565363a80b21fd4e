//! The periods figures are reported over: months, quarters, rolling twelve months and the year
//! to 31 March (the DfE collection year), each ending on or before the reporting date.

use model::{CollectionYear, Date, Month};
use std::fmt;

/// A kind of reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A quarter of the financial year: April to June is Q1, January to March Q4.
    Quarter,
    /// The twelve months ending with a month.
    Rolling12Months,
    /// The DfE collection year, 1 April to 31 March (to date, for the year holding the reporting
    /// date).
    YearToMarch,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::Rolling12Months,
        PeriodKind::YearToMarch,
    ];

    /// The name used on the command line and in CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Rolling12Months => "rolling-12-months",
            PeriodKind::YearToMarch => "year-to-march",
        }
    }

    pub fn parse(s: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for PeriodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reporting period, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: Date,
    pub end: Date,
}

impl Period {
    /// Whether `d` falls in the period.
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }

    /// How people name it: `2025-03`, `2025-26 Q4`, `12 months to 2025-03`, `2024-25`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Month => Month::of(self.start).to_string(),
            PeriodKind::Quarter => {
                let year = CollectionYear::containing(self.start);
                let q = (i32::from(self.start.month()) + 8) % 12 / 3 + 1;
                format!("{year} Q{q}")
            }
            PeriodKind::Rolling12Months => format!("12 months to {}", Month::of(self.end)),
            PeriodKind::YearToMarch => CollectionYear::containing(self.start).to_string(),
        }
    }
}

/// The `count` periods of `kind` ending with the one that holds `as_at`, oldest first. The last
/// period ends on `as_at` itself, so that no figure counts events after the reporting date.
/// Rolling periods step by a month.
pub fn periods(kind: PeriodKind, as_at: Date, count: u32) -> Vec<Period> {
    let month = Month::of(as_at);
    let clip = |start: Date, end: Date| Period {
        kind,
        start,
        end: end.min(as_at),
    };
    match kind {
        PeriodKind::Month => month
            .trailing(count)
            .into_iter()
            .map(|m| clip(m.first_day(), m.last_day()))
            .collect(),
        PeriodKind::Rolling12Months => month
            .trailing(count)
            .into_iter()
            .map(|m| clip(m.plus(-11).first_day(), m.last_day()))
            .collect(),
        PeriodKind::Quarter => {
            // The quarter holding as_at starts in January, April, July or October.
            let first = month.plus(-((i32::from(month.month) - 1) % 3));
            (0..count as i32)
                .rev()
                .map(|back| {
                    let q = first.plus(-3 * back);
                    clip(q.first_day(), q.plus(2).last_day())
                })
                .collect()
        }
        PeriodKind::YearToMarch => {
            let year = CollectionYear::containing(as_at);
            (0..count as i16)
                .rev()
                .map(|back| {
                    let y = CollectionYear(year.0 - back);
                    clip(y.start(), y.end())
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn spans(ps: &[Period]) -> Vec<(String, String, String)> {
        ps.iter()
            .map(|p| (p.start.to_string(), p.end.to_string(), p.label()))
            .collect()
    }

    #[test]
    fn months_end_on_the_reporting_date() {
        let ps = periods(PeriodKind::Month, date(2024, 3, 15), 2);
        assert_eq!(
            spans(&ps),
            [
                ("2024-02-01".into(), "2024-02-29".into(), "2024-02".into()),
                ("2024-03-01".into(), "2024-03-15".into(), "2024-03".into()),
            ]
        );
    }

    #[test]
    fn quarters_follow_the_financial_year() {
        let ps = periods(PeriodKind::Quarter, date(2025, 5, 20), 3);
        assert_eq!(
            spans(&ps),
            [
                (
                    "2024-10-01".into(),
                    "2024-12-31".into(),
                    "2024-25 Q3".into()
                ),
                (
                    "2025-01-01".into(),
                    "2025-03-31".into(),
                    "2024-25 Q4".into()
                ),
                (
                    "2025-04-01".into(),
                    "2025-05-20".into(),
                    "2025-26 Q1".into()
                ),
            ]
        );
    }

    #[test]
    fn rolling_years_step_by_a_month() {
        let ps = periods(PeriodKind::Rolling12Months, date(2025, 3, 31), 2);
        assert_eq!(
            spans(&ps),
            [
                (
                    "2024-03-01".into(),
                    "2025-02-28".into(),
                    "12 months to 2025-02".into()
                ),
                (
                    "2024-04-01".into(),
                    "2025-03-31".into(),
                    "12 months to 2025-03".into()
                ),
            ]
        );
    }

    #[test]
    fn collection_years_run_to_31_march() {
        let ps = periods(PeriodKind::YearToMarch, date(2025, 3, 31), 2);
        assert_eq!(
            spans(&ps),
            [
                ("2023-04-01".into(), "2024-03-31".into(), "2023-24".into()),
                ("2024-04-01".into(), "2025-03-31".into(), "2024-25".into()),
            ]
        );
        // A reporting date in April starts a new year, to date.
        let ps = periods(PeriodKind::YearToMarch, date(2025, 4, 2), 1);
        assert_eq!(
            spans(&ps),
            [("2025-04-01".into(), "2025-04-02".into(), "2025-26".into())]
        );
    }

    #[test]
    fn kinds_read_back() {
        for k in PeriodKind::ALL {
            assert_eq!(PeriodKind::parse(k.as_str()), Some(k));
        }
    }
}
