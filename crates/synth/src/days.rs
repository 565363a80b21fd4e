//! Days as plain integers while simulating, and the working-day calendar behind one function.
//!
//! The simulation does millions of date sums, so it counts days as `i32` (days since 1970-01-01)
//! and converts to [`model::Date`] only when it builds the model. Working days come from
//! [`model::calendar::Calendar`] (England and Wales bank holidays), reached only through
//! [`is_working_day`], so that the calendar can be swapped in one place.

use model::Date;
use model::calendar::{Calendar, DayCount};

/// A day, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    pub fn ymd(y: i32, m: u32, d: u32) -> Day {
        // Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// Year, month, day (Hinnant's civil_from_days).
    pub fn parts(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    pub fn year(self) -> i32 {
        self.parts().0
    }

    pub fn date(self) -> Date {
        let (y, m, d) = self.parts();
        model::Date::new(y as i16, m as i8, d as i8).expect("a day in jiff's range")
    }

    pub fn from_date(d: Date) -> Day {
        Day::ymd(i32::from(d.year()), d.month() as u32, d.day() as u32)
    }

    pub fn plus(self, n: i64) -> Day {
        Day(self.0 + n as i32)
    }

    /// Days from `earlier` to `self`.
    pub fn since(self, earlier: Day) -> i32 {
        self.0 - earlier.0
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The same calendar day `n` years later (29 February becomes 28 February), as pandas'
    /// `DateOffset(years=n)` does; the peers compute birthdays this way.
    pub fn add_years(self, n: i32) -> Day {
        let (y, m, d) = self.parts();
        let y = y + n;
        let d = if m == 2 && d == 29 && !is_leap(y) {
            28
        } else {
            d
        };
        Day::ymd(y, m, d)
    }

    /// The same day `n` months later, clamped to the end of the month.
    pub fn add_months(self, n: i32) -> Day {
        let (y, m, d) = self.parts();
        let idx = y * 12 + m as i32 - 1 + n;
        let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
        Day::ymd(y, m, d.min(days_in_month(y, m)))
    }

    /// Age in whole years on `self` of someone born on `dob`.
    pub fn age_of(self, dob: Day) -> i32 {
        let (y0, m0, d0) = dob.parts();
        let (y1, m1, d1) = self.parts();
        let mut a = y1 - y0;
        if (m1, d1) < (m0, d0) {
            a -= 1;
        }
        a
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 31 March of `year`: a collection year's reference date.
pub fn year_end(year: i32) -> Day {
    Day::ymd(year, 3, 31)
}

/// 1 April of `year - 1`: a collection year's first day.
pub fn year_start(year: i32) -> Day {
    Day::ymd(year - 1, 4, 1)
}

/// The collection year (named by its end) that holds `d`.
pub fn collection_year_of(d: Day) -> i32 {
    let (y, m, _) = d.parts();
    if m >= 4 { y + 1 } else { y }
}

/// Whether `d` is a working day. This function and the two below are the only places the
/// calendar is consulted.
pub fn is_working_day(d: Day) -> bool {
    calendar().is_working_day(d.date())
}

/// The first working day on or after `d`.
pub fn next_working_day(mut d: Day) -> Day {
    while !is_working_day(d) {
        d = d.plus(1);
    }
    d
}

/// The last working day on or before `d`.
pub fn previous_working_day(mut d: Day) -> Day {
    while !is_working_day(d) {
        d = d.plus(-1);
    }
    d
}

/// Working day `n` of a clock started at `start` (start = day 0; a start on a non-working day
/// counts from the next working day).
pub fn add_working_days(start: Day, n: u32) -> Day {
    Day::from_date(calendar().add_working_days(start.date(), n, DayCount::StartIsDayZero))
}

/// Working days after `start` up to and including `end` (the DfE convention, start = day 0).
pub fn working_days_between(start: Day, end: Day) -> i64 {
    if end <= start {
        return 0;
    }
    calendar().working_days_between(start.date(), end.date(), DayCount::StartIsDayZero)
}

fn calendar() -> &'static Calendar {
    Calendar::england_and_wales_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_dates() {
        for n in [-800_000, -1, 0, 1, 10_957, 20_000, 25_000, 40_000] {
            let d = Day(n);
            assert_eq!(Day::from_date(d.date()), d);
        }
        assert_eq!(Day::ymd(1970, 1, 1), Day(0));
        assert_eq!(
            Day::ymd(2026, 3, 31).date(),
            model::Date::new(2026, 3, 31).unwrap()
        );
        assert_eq!(
            Day::ymd(2026, 3, 30).weekday(),
            0,
            "30 March 2026 is a Monday"
        );
    }

    #[test]
    fn years_months_and_ages() {
        let leap = Day::ymd(2008, 2, 29);
        assert_eq!(leap.add_years(1), Day::ymd(2009, 2, 28));
        assert_eq!(Day::ymd(2024, 1, 31).add_months(1), Day::ymd(2024, 2, 29));
        assert_eq!(Day::ymd(2026, 3, 31).age_of(Day::ymd(2008, 3, 31)), 18);
        assert_eq!(Day::ymd(2026, 3, 30).age_of(Day::ymd(2008, 3, 31)), 17);
    }

    #[test]
    fn working_days_skip_weekends_and_bank_holidays() {
        // Friday 3 April 2026 and Monday 6 April 2026 are bank holidays.
        let thu = Day::ymd(2026, 4, 2);
        assert_eq!(add_working_days(thu, 1), Day::ymd(2026, 4, 7));
        assert_eq!(working_days_between(thu, Day::ymd(2026, 4, 7)), 1);
        assert_eq!(
            add_working_days(Day::ymd(2026, 3, 28), 0),
            Day::ymd(2026, 3, 30)
        );
    }
}
