//! Property tests for the working-day calendar: the fast arithmetic must agree with a naive
//! day-by-day count, and the conventions must hang together.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use model::calendar::{Calendar, DayCount};
use proptest::prelude::*;
use std::collections::HashSet;

const COUNTS: [DayCount; 2] = [DayCount::StartIsDayZero, DayCount::StartIsDayOne];

/// Days from 2000-01-01 to 2030-12-31.
const KNOWN_DAYS: i64 = 11_322;

fn day(offset: i64) -> Date {
    date(2000, 1, 1).checked_add(offset.days()).unwrap()
}

fn plus(d: Date, days: i64) -> Date {
    d.checked_add(days.days()).unwrap()
}

/// A date in 2000-2030, where the bank holidays are known.
fn known_date() -> impl Strategy<Value = Date> {
    (0..=KNOWN_DAYS).prop_map(day)
}

/// Any date `jiff` can represent.
fn any_date() -> impl Strategy<Value = Date> {
    let span = Date::MIN.until(Date::MAX).unwrap().get_days();
    (0..=i64::from(span)).prop_map(|n| Date::MIN.checked_add(n.days()).unwrap())
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// A deliberately simple reference: a set of days off, consulted one day at a time.
struct Naive {
    off: HashSet<Date>,
}

impl Naive {
    fn new(closures: &[Date]) -> Self {
        let cal = Calendar::england_and_wales_ref();
        let mut off: HashSet<Date> = (1990..=2040)
            .flat_map(|y| cal.bank_holidays_in(y))
            .collect();
        off.extend(closures);
        Naive { off }
    }

    fn is_working(&self, d: Date) -> bool {
        !is_weekend(d) && !self.off.contains(&d)
    }

    /// Duration for `start <= end`, walking day by day.
    fn between(&self, start: Date, end: Date, count: DayCount) -> i64 {
        let mut clock = start;
        while !self.is_working(clock) {
            clock = plus(clock, 1);
        }
        if clock > end {
            return 0;
        }
        let mut n = 0;
        let mut d = plus(clock, 1);
        while d <= end {
            n += i64::from(self.is_working(d));
            d = plus(d, 1);
        }
        match count {
            DayCount::StartIsDayZero => n,
            DayCount::StartIsDayOne => n + 1,
        }
    }
}

proptest! {
    #[test]
    fn add_then_count_round_trips(start in known_date(), n in 0u32..1500) {
        let cal = Calendar::england_and_wales_ref();
        for count in COUNTS {
            let n = if count == DayCount::StartIsDayOne { n.max(1) } else { n };
            let end = cal.add_working_days(start, n, count);
            prop_assert!(cal.is_working_day(end));
            prop_assert_eq!(cal.working_days_between(start, end, count), i64::from(n));
            // And it is the first such day. (Not for day 0 after a non-working start: every day
            // before the clock starts also counts 0.)
            if n >= 1 {
                let day_before = plus(end, -1);
                prop_assert!(cal.working_days_between(start, day_before, count) < i64::from(n));
            }
        }
    }

    #[test]
    fn monotone_in_end_date(start in known_date(), offset in -1100i64..1100) {
        let cal = Calendar::england_and_wales_ref();
        let end = plus(start, offset);
        for count in COUNTS {
            let here = cal.working_days_between(start, end, count);
            let next = cal.working_days_between(start, plus(end, 1), count);
            prop_assert!(here <= next && next <= here + 3, "{here} then {next}");
        }
    }

    #[test]
    fn antisymmetric(a in known_date(), b in known_date()) {
        let cal = Calendar::england_and_wales_ref();
        for count in COUNTS {
            if a != b || count == DayCount::StartIsDayZero {
                prop_assert_eq!(
                    cal.working_days_between(a, b, count),
                    -cal.working_days_between(b, a, count)
                );
            }
        }
    }

    #[test]
    fn agrees_with_naive_count(start in known_date(), span in 0i64..=1096) {
        let cal = Calendar::england_and_wales_ref();
        let naive = Naive::new(&[]);
        let end = plus(start, span);
        for count in COUNTS {
            let expected = naive.between(start, end, count);
            prop_assert_eq!(cal.working_days_between(start, end, count), expected);
            if span > 0 {
                prop_assert_eq!(cal.working_days_between(end, start, count), -expected);
            }
            prop_assert_eq!(cal.within_working_days(start, end, 45, count), expected <= 45);
        }
    }

    #[test]
    fn agrees_with_naive_count_with_closures(
        start in known_date(),
        span in 0i64..=200,
        closures in proptest::collection::vec(0i64..=220, 0..40),
    ) {
        let closures: Vec<Date> = closures.into_iter().map(|k| plus(start, k - 10)).collect();
        let cal = Calendar::england_and_wales().with_closures(closures.iter().copied());
        let naive = Naive::new(&closures);
        let end = plus(start, span);
        for count in COUNTS {
            let expected = naive.between(start, end, count);
            prop_assert_eq!(cal.working_days_between(start, end, count), expected);
        }
        for k in -10..=span {
            let d = plus(start, k);
            prop_assert_eq!(cal.is_working_day(d), naive.is_working(d), "{}", d);
        }
    }

    #[test]
    fn next_working_day_is_first(d in known_date()) {
        let cal = Calendar::england_and_wales_ref();
        let next = cal.next_working_day_on_or_after(d);
        prop_assert!(next >= d && cal.is_working_day(next));
        let mut between = d;
        while between < next {
            prop_assert!(!cal.is_working_day(between));
            between = plus(between, 1);
        }
    }

    #[test]
    fn weekends_never_work(d in any_date()) {
        let cal = Calendar::england_and_wales_ref();
        if is_weekend(d) {
            prop_assert!(!cal.is_working_day(d));
        } else if !cal.covers(d) {
            prop_assert!(cal.is_working_day(d));
        }
    }
}

#[test]
fn every_weekend_day_in_the_known_years_is_not_working() {
    let cal = Calendar::england_and_wales_ref();
    let naive = Naive::new(&[]);
    for offset in 0..=KNOWN_DAYS {
        let d = day(offset);
        assert_eq!(cal.is_working_day(d), naive.is_working(d), "{d}");
        if is_weekend(d) {
            assert!(!cal.is_working_day(d) && !cal.is_bank_holiday(d), "{d}");
        }
    }
}
