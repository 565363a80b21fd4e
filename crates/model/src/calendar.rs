//! The England and Wales working-day calendar.
//!
//! Children's social care timescales are set in working days (45 for a single assessment, 15 for
//! an initial child protection conference), so every timeliness measure needs to know which days
//! count. A working day is a Monday to Friday that is neither a bank holiday in England and Wales
//! nor a local closure day that the council adds with [`Calendar::with_closures`].
//!
//! Bank holidays are known for 2000 to 2030 only: they come from
//! `data/bank_holidays_england_wales.txt`, embedded at compile time so that the crate does no I/O.
//! Outside those years the calendar knows no bank holidays and every weekday counts as a working
//! day; [`Calendar::covers`] tells the caller whether a date is in the known range, so that a
//! count over unknown years can be flagged rather than trusted.
//!
//! Counting is arithmetic, because it runs millions of times over multi-year spans: the weekdays
//! up to a date come from whole weeks plus the remainder, and the non-working weekdays up to a
//! date from a binary search in one sorted list. No method walks day by day, and no method panics
//! on any date that `jiff` can represent.

use jiff::civil::Date;
use std::sync::OnceLock;

/// The embedded bank holiday list: one ISO date per line, `#` starts a comment.
const BANK_HOLIDAYS: &str = include_str!("../data/bank_holidays_england_wales.txt");

/// How the start day of a timescale is counted.
///
/// If the start date is not a working day (a weekend, a bank holiday or a closure day), the clock
/// starts on the next working day instead, and that day is day 0 (or day 1). A referral received
/// on a Saturday and assessed on the Monday therefore takes 0 working days under
/// [`DayCount::StartIsDayZero`] and 1 under [`DayCount::StartIsDayOne`], exactly as if it had
/// been received on the Monday. An end date that falls before the clock has started (a Saturday
/// start and a Sunday end) gives 0 under both conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DayCount {
    /// The start day is day 0: the duration is the number of working days after the start date,
    /// up to and including the end date. This is the DfE CIN census (C2) convention, in which
    /// "started and finished the same day" takes 0 working days.
    #[default]
    StartIsDayZero,
    /// The start day is day 1: the duration is the number of working days from the start date to
    /// the end date, both included. This is the Data to Insight validator's convention; for a
    /// start on a working day it is always one more than [`DayCount::StartIsDayZero`].
    StartIsDayOne,
}

/// A working-day calendar: weekends, bank holidays and optional local closure days.
///
/// Build it once ([`Calendar::england_and_wales_ref`] shares one parsed copy) and query it as
/// often as needed; every query is a few integer operations and one or two binary searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Bank holidays, ascending, without duplicates.
    bank_holidays: Vec<Date>,
    /// Local closure days, ascending, without duplicates. Weekend closures are kept but change
    /// nothing, since weekends are never working days.
    closures: Vec<Date>,
    /// Every weekday that is not a working day, as a day number (see [`day_number`]), ascending:
    /// the only list that counting needs, kept apart so that searches compare plain integers.
    off: Vec<i32>,
}

impl Calendar {
    /// The first year whose bank holidays are known.
    pub const FIRST_YEAR: i16 = 2000;
    /// The last year whose bank holidays are known.
    pub const LAST_YEAR: i16 = 2030;

    /// The England and Wales calendar with no local closures, as an owned value that can be
    /// extended with [`Calendar::with_closures`]. It clones the shared parsed copy.
    pub fn england_and_wales() -> Calendar {
        Self::england_and_wales_ref().clone()
    }

    /// The England and Wales calendar with no local closures, parsed once on first use and then
    /// shared, so that hot code can hold a `&'static` reference instead of cloning.
    pub fn england_and_wales_ref() -> &'static Calendar {
        static CALENDAR: OnceLock<Calendar> = OnceLock::new();
        CALENDAR.get_or_init(|| {
            let mut calendar = Calendar {
                bank_holidays: parse_bank_holidays(BANK_HOLIDAYS),
                closures: Vec::new(),
                off: Vec::new(),
            };
            calendar.rebuild_off();
            calendar
        })
    }

    /// Adds local closure days (for example a council's extra day at Christmas). They stop being
    /// working days but are not bank holidays, so [`Calendar::is_bank_holiday`] ignores them.
    /// Duplicates and weekend days are harmless.
    pub fn with_closures(mut self, days: impl IntoIterator<Item = Date>) -> Calendar {
        self.closures.extend(days);
        self.closures.sort_unstable();
        self.closures.dedup();
        self.rebuild_off();
        self
    }

    /// Whether the bank holidays of `d`'s year are known (2000 to 2030). Outside that range the
    /// calendar treats every weekday as a working day, which may overcount.
    pub fn covers(&self, d: Date) -> bool {
        (Self::FIRST_YEAR..=Self::LAST_YEAR).contains(&d.year())
    }

    /// Whether `d` is an England and Wales bank holiday. Always false outside 2000 to 2030.
    pub fn is_bank_holiday(&self, d: Date) -> bool {
        self.bank_holidays.binary_search(&d).is_ok()
    }

    /// Whether `d` is a working day: a Monday to Friday that is neither a bank holiday nor a
    /// closure day.
    pub fn is_working_day(&self, d: Date) -> bool {
        let n = day_number(d);
        is_weekday(n) && self.off.binary_search(&(n as i32)).is_err()
    }

    /// The bank holidays of one year, in date order; empty outside 2000 to 2030.
    pub fn bank_holidays_in(&self, year: i16) -> impl Iterator<Item = Date> + '_ {
        let from = self.bank_holidays.partition_point(|d| d.year() < year);
        let to = self.bank_holidays.partition_point(|d| d.year() <= year);
        self.bank_holidays[from..to].iter().copied()
    }

    /// The first working day on or after `d`: the day on which a clock started at `d` starts.
    /// Saturates at the last date `jiff` can represent.
    pub fn next_working_day_on_or_after(&self, d: Date) -> Date {
        date_from_number(self.advance(day_number(d) - 1, 1))
    }

    /// The date that is day `n` of a clock started at `start`, so that
    /// `working_days_between(start, result, count) == n`; it is always a working day. Under
    /// [`DayCount::StartIsDayOne`] there is no day 0, and `n = 0` gives day 1. A result beyond
    /// 9999-12-31, the last date `jiff` can represent, saturates to that date.
    pub fn add_working_days(&self, start: Date, n: u32, count: DayCount) -> Date {
        // Day n is the k-th working day on or after `start`.
        let k = match count {
            DayCount::StartIsDayZero => i64::from(n) + 1,
            DayCount::StartIsDayOne => i64::from(n.max(1)),
        };
        date_from_number(self.advance(day_number(start) - 1, k))
    }

    /// The duration from `start` to `end` in working days, under the convention `count` (see
    /// [`DayCount`] for what each counts and for starts on non-working days).
    ///
    /// When `end` is before `start` the result is the negated duration from `end` to `start`, so
    /// `working_days_between(a, b, c) == -working_days_between(b, a, c)` whenever `a != b`. (For
    /// `a == b` it is 0 under `StartIsDayZero`, but 1 under `StartIsDayOne` if `a` is a working
    /// day.) The result never decreases as `end` moves later.
    pub fn working_days_between(&self, start: Date, end: Date, count: DayCount) -> i64 {
        if end < start {
            return -self.working_days_between(end, start, count);
        }
        // Working days in start..=end, both included.
        let inclusive = self.working_days_through(day_number(end))
            - self.working_days_through(day_number(start) - 1);
        match count {
            // The clock starts on the first working day in the range, which is day 0; with
            // none, it has not started yet.
            DayCount::StartIsDayZero => (inclusive - 1).max(0),
            DayCount::StartIsDayOne => inclusive,
        }
    }

    /// Whether `end` is within `limit` working days of `start`: `working_days_between <= limit`.
    /// An `end` before `start` gives a negative duration and so is always within.
    pub fn within_working_days(&self, start: Date, end: Date, limit: u32, count: DayCount) -> bool {
        self.working_days_between(start, end, count) <= i64::from(limit)
    }

    /// Recomputes `off` from the bank holidays and closures.
    fn rebuild_off(&mut self) {
        let mut off: Vec<i32> = (self.bank_holidays.iter().chain(&self.closures))
            .map(|&d| day_number(d))
            .filter(|&n| is_weekday(n))
            .map(|n| n as i32) // |n| < 4 million for any jiff date
            .collect();
        off.sort_unstable();
        off.dedup();
        self.off = off;
    }

    /// The number of working days with day number at most `n`, counted from an arbitrary origin:
    /// only differences between two calls mean anything.
    fn working_days_through(&self, n: i64) -> i64 {
        weekdays_through(n) - self.off.partition_point(|&h| i64::from(h) <= n) as i64
    }

    /// The day number of the `k`-th working day after day `from` (`k >= 1`), that is the
    /// smallest day whose `working_days_through` is `k` more than `from`'s.
    ///
    /// Each step jumps forward by the number of working days still missing, counted as
    /// weekdays; only the non-working weekdays jumped over are left to make up, so the loop runs
    /// once plus once per cluster of holidays met, never once per day. It cannot overshoot, and
    /// it ends on a working day, because landing on a non-working weekday always leaves a
    /// shortfall.
    fn advance(&self, from: i64, k: i64) -> i64 {
        let target = self.working_days_through(from) + k;
        let mut at = from;
        loop {
            let short = target - self.working_days_through(at);
            if short <= 0 || at > MAX_DAY {
                return at;
            }
            at = nth_weekday(weekdays_through(at) + short);
        }
    }
}

/// Parses the embedded list. The file is fixed at compile time and checked by the tests below,
/// so a bad line is a build defect, not an input error.
fn parse_bank_holidays(text: &str) -> Vec<Date> {
    let mut days: Vec<Date> = text
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|field| !field.is_empty())
        .map(|field| {
            field
                .parse()
                .expect("embedded bank holiday list holds ISO dates")
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The day number of `y-m-d` in the proleptic Gregorian calendar: days since 1970-01-01
/// (Howard Hinnant's `days_from_civil`). Plain integer arithmetic, much cheaper than span
/// arithmetic and exact for every year.
const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day number of the first date `jiff` can represent, -9999-01-01.
const MIN_DAY: i64 = days_from_civil(-9999, 1, 1);
/// The day number of the last date `jiff` can represent, 9999-12-31.
const MAX_DAY: i64 = days_from_civil(9999, 12, 31);

/// The day number of `d`: days since 1970-01-01.
fn day_number(d: Date) -> i64 {
    days_from_civil(
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    )
}

/// The date of a day number (Hinnant's `civil_from_days`), clamped to the dates `jiff` can
/// represent so that saturating arithmetic never panics.
fn date_from_number(n: i64) -> Date {
    let z = n.clamp(MIN_DAY, MAX_DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date::new(year as i16, month as i8, day as i8).unwrap_or(Date::MAX)
}

/// Days since the Monday 1969-12-29, which is day number -3; so weekday 0 is Monday.
fn days_since_monday(n: i64) -> i64 {
    n + 3
}

/// Whether day number `n` is a Monday to Friday.
fn is_weekday(n: i64) -> bool {
    days_since_monday(n).rem_euclid(7) < 5
}

/// The number of weekdays from the origin Monday up to and including day number `n` (negative
/// before the origin): five per whole week, plus the weekdays of the part week.
fn weekdays_through(n: i64) -> i64 {
    let m = days_since_monday(n) + 1;
    5 * m.div_euclid(7) + m.rem_euclid(7).min(5)
}

/// The smallest day number whose `weekdays_through` is `t`: the inverse of [`weekdays_through`],
/// always a weekday.
fn nth_weekday(t: i64) -> i64 {
    let index = t - 1;
    7 * index.div_euclid(5) + index.rem_euclid(5) - 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};
    use std::collections::BTreeSet;

    const ZERO: DayCount = DayCount::StartIsDayZero;
    const ONE: DayCount = DayCount::StartIsDayOne;

    fn cal() -> &'static Calendar {
        Calendar::england_and_wales_ref()
    }

    fn easter_sunday(y: i16) -> Date {
        // The anonymous Gregorian algorithm (Meeus, Jones, Butcher).
        let y = i32::from(y);
        let (a, b, c) = (y % 19, y / 100, y % 100);
        let (d, e) = (b / 4, b % 4);
        let g = (8 * b + 13) / 25;
        let h = (19 * a + b - d - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        date(y as i16, month as i8, day as i8)
    }

    fn monday_on_or_after(d: Date) -> Date {
        let shift = d.weekday().until(Weekday::Monday);
        d.checked_add(jiff::Span::new().days(i64::from(shift)))
            .unwrap()
    }

    /// The bank holidays the standard rules give for year `y`, with no one-off changes.
    fn rule_based(y: i16) -> BTreeSet<Date> {
        let day = |m, d| date(y, m, d);
        let plus = |d: Date, n: i64| d.checked_add(jiff::Span::new().days(n)).unwrap();
        let easter = easter_sunday(y);
        let mut out = BTreeSet::from([
            plus(easter, -2),
            plus(easter, 1),
            monday_on_or_after(day(5, 1)),
            plus(monday_on_or_after(day(6, 1)), -7),
            plus(monday_on_or_after(day(9, 1)), -7),
        ]);
        // New Year's Day, Christmas Day and Boxing Day; a weekend one moves to the next weekday
        // that is not already a holiday.
        for fixed in [day(1, 1), day(12, 25), day(12, 26)] {
            let mut d = fixed;
            while matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) || out.contains(&d) {
                d = plus(d, 1);
            }
            out.insert(d);
        }
        out
    }

    #[test]
    fn data_file_matches_rules_with_listed_exceptions() {
        let moved_or_dropped = [
            date(2002, 5, 27),
            date(2012, 5, 28),
            date(2020, 5, 4),
            date(2022, 5, 30),
        ];
        let one_off = [
            date(2002, 6, 3),  // Golden Jubilee
            date(2002, 6, 4),  // spring bank holiday, moved
            date(2011, 4, 29), // royal wedding
            date(2012, 6, 4),  // spring bank holiday, moved
            date(2012, 6, 5),  // Diamond Jubilee
            date(2020, 5, 8),  // early May bank holiday moved for VE Day
            date(2022, 6, 2),  // spring bank holiday, moved
            date(2022, 6, 3),  // Platinum Jubilee
            date(2022, 9, 19), // State Funeral of Queen Elizabeth II
            date(2023, 5, 8),  // Coronation of King Charles III
        ];
        let mut expected: BTreeSet<Date> = (Calendar::FIRST_YEAR..=Calendar::LAST_YEAR)
            .flat_map(rule_based)
            .collect();
        for d in moved_or_dropped {
            assert!(expected.remove(&d), "{d} is not a rule-based holiday");
        }
        for d in one_off {
            assert!(expected.insert(d), "{d} is already a rule-based holiday");
        }
        let file: BTreeSet<Date> = cal().bank_holidays.iter().copied().collect();
        let missing: Vec<_> = expected.difference(&file).collect();
        let unexpected: Vec<_> = file.difference(&expected).collect();
        assert!(
            missing.is_empty() && unexpected.is_empty(),
            "missing from the file: {missing:?}; in the file but not expected: {unexpected:?}"
        );
        assert_eq!(cal().bank_holidays.len(), 31 * 8 + 6);
    }

    #[test]
    fn data_file_is_sorted_commented_weekdays() {
        let mut previous = None;
        for line in BANK_HOLIDAYS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let (field, name) = line.split_once('#').expect("every date has a name");
            assert!(!name.trim().is_empty(), "{line}");
            let d: Date = field.trim().parse().unwrap();
            assert!(is_weekday(day_number(d)), "{line}");
            assert!(cal().covers(d), "{line}");
            assert!(previous < Some(d), "{line} is out of order");
            previous = Some(d);
        }
    }

    #[test]
    fn known_years() {
        let year = |y| cal().bank_holidays_in(y).collect::<Vec<_>>();
        let list = |y, md: &[(i8, i8)]| md.iter().map(|&(m, d)| date(y, m, d)).collect::<Vec<_>>();
        let y2022 = [
            (1, 3),
            (4, 15),
            (4, 18),
            (5, 2),
            (6, 2),
            (6, 3),
            (8, 29),
            (9, 19),
            (12, 26),
            (12, 27),
        ];
        assert_eq!(year(2022), list(2022, &y2022));
        let y2025 = [
            (1, 1),
            (4, 18),
            (4, 21),
            (5, 5),
            (5, 26),
            (8, 25),
            (12, 25),
            (12, 26),
        ];
        assert_eq!(year(2025), list(2025, &y2025));
        let y2026 = [
            (1, 1),
            (4, 3),
            (4, 6),
            (5, 4),
            (5, 25),
            (8, 31),
            (12, 25),
            (12, 28),
        ];
        assert_eq!(year(2026), list(2026, &y2026));
        assert_eq!(year(1999), vec![]);
        assert_eq!(year(2031), vec![]);
        assert!(cal().covers(date(2000, 1, 1)) && cal().covers(date(2030, 12, 31)));
        assert!(!cal().covers(date(1999, 12, 31)) && !cal().covers(date(2031, 1, 1)));
    }

    #[test]
    fn day_numbers_match_jiff_over_the_whole_range() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        let (mut d, mut n) = (Date::MIN, MIN_DAY);
        loop {
            assert_eq!(day_number(d), n);
            assert_eq!(date_from_number(n), d);
            assert_eq!(is_weekday(n), d.weekday().to_monday_one_offset() <= 5);
            let Ok(next) = d.tomorrow() else { break };
            (d, n) = (next, n + 1);
        }
        assert_eq!(n, MAX_DAY);
        assert_eq!(date_from_number(i64::MIN / 2), Date::MIN);
        assert_eq!(date_from_number(i64::MAX / 2), Date::MAX);
    }

    #[test]
    fn same_day() {
        let mon = date(2025, 4, 14);
        assert_eq!(cal().working_days_between(mon, mon, ZERO), 0);
        assert_eq!(cal().working_days_between(mon, mon, ONE), 1);
        assert_eq!(cal().add_working_days(mon, 0, ZERO), mon);
        assert_eq!(cal().add_working_days(mon, 1, ONE), mon);
        assert_eq!(cal().add_working_days(mon, 0, ONE), mon);
    }

    #[test]
    fn across_easter_2025() {
        // Mon 14 April: Tue 15, Wed 16, Thu 17 (1-3); Good Friday 18 and Easter Monday 21 off;
        // Tue 22 to Fri 25 (4-7); Mon 28 (8).
        let (start, end) = (date(2025, 4, 14), date(2025, 4, 28));
        assert_eq!(cal().working_days_between(start, end, ZERO), 8);
        assert_eq!(cal().working_days_between(start, end, ONE), 9);
        assert_eq!(cal().working_days_between(end, start, ZERO), -8);
        assert_eq!(cal().add_working_days(start, 4, ZERO), date(2025, 4, 22));
        assert_eq!(cal().add_working_days(start, 3, ZERO), date(2025, 4, 17));
        // Starting on Good Friday: the clock starts on Tuesday 22.
        assert_eq!(
            cal().next_working_day_on_or_after(date(2025, 4, 18)),
            date(2025, 4, 22)
        );
        assert_eq!(
            cal().working_days_between(date(2025, 4, 18), date(2025, 4, 22), ZERO),
            0
        );
        assert_eq!(
            cal().working_days_between(date(2025, 4, 18), date(2025, 4, 22), ONE),
            1
        );
    }

    #[test]
    fn assessment_45_day_edge() {
        // From Mon 14 April 2025: April 15-17, 22-25, 28-30 (10); May 1-2, 6-9 (early May bank
        // holiday on the 5th), 12-16, 19-23 (26); 27-30 (spring bank holiday on the 26th) (30);
        // June 2-6, 9-13, 16-20 (45). So day 45 is Fri 20 June and day 46 Mon 23 June.
        let start = date(2025, 4, 14);
        assert_eq!(cal().add_working_days(start, 45, ZERO), date(2025, 6, 20));
        assert_eq!(cal().add_working_days(start, 46, ZERO), date(2025, 6, 23));
        assert_eq!(cal().add_working_days(start, 45, ONE), date(2025, 6, 19));
        for (end, days) in [((6, 20), 45), ((6, 21), 45), ((6, 22), 45), ((6, 23), 46)] {
            let end = date(2025, end.0, end.1);
            assert_eq!(cal().working_days_between(start, end, ZERO), days);
            assert_eq!(cal().working_days_between(start, end, ONE), days + 1);
            assert_eq!(cal().within_working_days(start, end, 45, ZERO), days <= 45);
        }
        assert!(!cal().within_working_days(start, date(2025, 6, 20), 45, ONE));
        assert!(cal().within_working_days(start, date(2025, 6, 19), 45, ONE));
    }

    #[test]
    fn saturday_start() {
        let sat = date(2025, 4, 12);
        let (sun, mon, tue) = (date(2025, 4, 13), date(2025, 4, 14), date(2025, 4, 15));
        assert_eq!(cal().next_working_day_on_or_after(sat), mon);
        assert_eq!(cal().add_working_days(sat, 0, ZERO), mon);
        assert_eq!(cal().add_working_days(sat, 1, ONE), mon);
        for (end, zero, one) in [(sat, 0, 0), (sun, 0, 0), (mon, 0, 1), (tue, 1, 2)] {
            assert_eq!(cal().working_days_between(sat, end, ZERO), zero, "{end}");
            assert_eq!(cal().working_days_between(sat, end, ONE), one, "{end}");
        }
    }

    #[test]
    fn platinum_jubilee_week_2022() {
        // Mon 30 May 2022 was a working day (the spring bank holiday moved to Thu 2 June); Fri 3
        // June was the jubilee.
        assert!(cal().is_working_day(date(2022, 5, 30)));
        assert!(cal().is_bank_holiday(date(2022, 6, 2)) && cal().is_bank_holiday(date(2022, 6, 3)));
        let (fri, next_mon) = (date(2022, 5, 27), date(2022, 6, 6));
        assert_eq!(cal().working_days_between(fri, next_mon, ZERO), 4);
        assert_eq!(cal().add_working_days(date(2022, 6, 1), 1, ZERO), next_mon);
        assert_eq!(
            cal().next_working_day_on_or_after(date(2022, 6, 2)),
            next_mon
        );
    }

    #[test]
    fn whole_year_and_closures() {
        // 2025 has 261 weekdays and 8 bank holidays.
        assert_eq!(
            cal().working_days_between(date(2024, 12, 31), date(2025, 12, 31), ZERO),
            253
        );
        let local = Calendar::england_and_wales().with_closures([
            date(2025, 4, 15),
            date(2025, 4, 15),
            date(2025, 4, 19), // a Saturday: no effect
            date(2025, 4, 18), // already a bank holiday
        ]);
        assert!(
            !local.is_working_day(date(2025, 4, 15)) && !local.is_bank_holiday(date(2025, 4, 15))
        );
        assert_eq!(
            local.working_days_between(date(2025, 4, 14), date(2025, 4, 28), ZERO),
            7
        );
        assert_eq!(
            local.add_working_days(date(2025, 4, 14), 1, ZERO),
            date(2025, 4, 16)
        );
    }

    #[test]
    fn outside_the_known_years_every_weekday_works() {
        let christmas_2031 = date(2031, 12, 25); // a Thursday
        assert!(!cal().covers(christmas_2031) && cal().is_working_day(christmas_2031));
        assert_eq!(
            cal().working_days_between(date(1990, 1, 1), date(1990, 1, 8), ZERO),
            5
        );
    }

    #[test]
    fn extremes_do_not_panic() {
        let local = Calendar::england_and_wales().with_closures([Date::MAX, Date::MIN]);
        for c in [cal(), &local] {
            for count in [ZERO, ONE] {
                assert_eq!(c.add_working_days(Date::MAX, u32::MAX, count), Date::MAX);
                assert!(c.is_working_day(c.add_working_days(Date::MIN, 0, count)));
                let span = c.working_days_between(Date::MIN, Date::MAX, count);
                assert_eq!(c.working_days_between(Date::MAX, Date::MIN, count), -span);
                assert!(c.within_working_days(Date::MAX, Date::MIN, 0, count));
            }
            assert_eq!(c.next_working_day_on_or_after(Date::MAX), Date::MAX);
        }
    }
}
