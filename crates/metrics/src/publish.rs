//! Figures as published to an audience: exact for council staff, disclosure-controlled for the
//! scrutiny panel and the public (see the `disclosure` crate for the DfE rules).
//!
//! Each figure is protected on its own, as the small table it implies: the numerator, the rest
//! of the denominator (`denominator − numerator`) and their total, the denominator. A numerator of
//! 10 out of 13 would otherwise give away the 3 who are not in it, so the 3 is suppressed and, to
//! keep it from being worked out by subtraction, so is the 10. A rate or percentage whose
//! numerator or denominator is suppressed is suppressed. Breakdowns are not published to
//! controlled audiences. Series carry no published totals, so months cannot be subtracted from
//! one another; a caller that publishes a total beside a series must protect them together.

use crate::{Observation, Series, Unit};
use disclosure::{
    Audience, CountTable, Policy, Position, Published, PublishedValue, per_10000, percentage,
};
use std::fmt::Write as _;

/// One figure as published.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedFigure {
    pub numerator: Published,
    /// `None` where the indicator has no denominator.
    pub denominator: Option<Published>,
    pub value: PublishedValue,
}

/// Publishes one figure of an indicator with this unit.
pub fn publish(
    o: &Observation,
    unit: Unit,
    audience: Audience,
    policy: &Policy,
) -> PublishedFigure {
    let exact = |n: u64| Published::Count(n);
    let value_of = |v: Option<f64>| match v {
        Some(v) => PublishedValue::Value(v),
        None => PublishedValue::NotApplicable,
    };
    if !audience.needs_control() {
        return PublishedFigure {
            numerator: exact(o.numerator),
            denominator: o.denominator.map(exact),
            value: value_of(o.value),
        };
    }
    match (unit, o.denominator) {
        // A rate per 10,000: the denominator is a population estimate, not a count of children.
        (Unit::Per10k, population) => {
            let numerator = policy.publish_count(o.numerator);
            let denominator = population.map(exact);
            let value = match &denominator {
                Some(p) => per_10000(&numerator, p),
                None => PublishedValue::NotAvailable,
            };
            PublishedFigure {
                numerator,
                denominator,
                value,
            }
        }
        // A mean over children: the children are the count that identifies; the total days are
        // shown only with them.
        (Unit::Days, Some(children)) => {
            let denominator = policy.publish_count(children);
            if denominator.count().is_some() {
                PublishedFigure {
                    numerator: exact(o.numerator),
                    denominator: Some(denominator),
                    value: value_of(o.value),
                }
            } else {
                PublishedFigure {
                    numerator: Published::Suppressed,
                    denominator: Some(denominator),
                    value: PublishedValue::Suppressed,
                }
            }
        }
        (_, None) => {
            let numerator = policy.publish_count(o.numerator);
            let value = match numerator {
                Published::Count(_) => value_of(o.value),
                _ => PublishedValue::Suppressed,
            };
            PublishedFigure {
                numerator,
                denominator: None,
                value,
            }
        }
        (_, Some(denominator)) => {
            let (numerator, denominator) = protect_pair(o.numerator, denominator, policy);
            let value = match unit {
                Unit::Percent => percentage(&numerator, &denominator),
                // A count shown beside its denominator (children starting care from a plan, of
                // all starting care): the value is the numerator.
                _ => match numerator {
                    Published::Count(n) => PublishedValue::Value(n as f64),
                    _ => PublishedValue::Suppressed,
                },
            };
            PublishedFigure {
                numerator,
                denominator: Some(denominator),
                value,
            }
        }
    }
}

/// The numerator and denominator of a share, protected as the table `[numerator, rest]` with
/// its total. A table that cannot be protected is suppressed whole.
fn protect_pair(numerator: u64, denominator: u64, policy: &Policy) -> (Published, Published) {
    let rest = denominator.saturating_sub(numerator);
    let protected = CountTable::new(vec![vec![numerator, rest]])
        .map(CountTable::with_row_totals)
        .ok()
        .and_then(|t| disclosure::protect(&t, policy).ok());
    match protected {
        Some(t) => (
            t.cell(0, 0),
            t.get(Position::RowTotal(0))
                .unwrap_or(Published::Suppressed),
        ),
        None => (Published::Suppressed, Published::Suppressed),
    }
}

/// The series as CSV for an audience: `indicator_id,period_start,period_end,numerator,
/// denominator,value`, with `c` for suppressed figures and nothing for values that do not apply.
pub fn to_published_csv(series: &[Series], audience: Audience, policy: &Policy) -> String {
    let mut out =
        String::from("indicator_id,period_start,period_end,numerator,denominator,value\n");
    for s in series {
        let decimals = match s.indicator.unit {
            Unit::Percent | Unit::Per10k => 1,
            Unit::Count | Unit::Days => 0,
        };
        for p in &s.points {
            let f = publish(p, s.indicator.unit, audience, policy);
            let denominator = f.denominator.map(|d| d.to_string()).unwrap_or_default();
            let value = match f.value {
                PublishedValue::NotApplicable => String::new(),
                v => format!("{v:.decimals$}"),
            };
            let _ = writeln!(
                out,
                "{},{},{},{},{},{}",
                s.indicator.id, p.period_start, p.period_end, f.numerator, denominator, value
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Date;

    fn obs(numerator: u64, denominator: Option<u64>, value: Option<f64>) -> Observation {
        Observation {
            period_start: Date::constant(2025, 3, 1),
            period_end: Date::constant(2025, 3, 31),
            numerator,
            denominator,
            value,
            numerator_children: Vec::new(),
            denominator_children: Vec::new(),
            breakdown: Vec::new(),
        }
    }

    fn shown(f: &PublishedFigure) -> (String, String, String) {
        (
            f.numerator.to_string(),
            f.denominator.map(|d| d.to_string()).unwrap_or_default(),
            match f.value {
                PublishedValue::NotApplicable => String::new(),
                v => format!("{v:.1}"),
            },
        )
    }

    #[test]
    fn internal_figures_are_exact() {
        let f = publish(
            &obs(3, Some(4), Some(75.0)),
            Unit::Percent,
            Audience::Internal,
            &Policy::default(),
        );
        assert_eq!(shown(&f), ("3".into(), "4".into(), "75.0".into()));
    }

    #[test]
    fn small_counts_and_their_complements_are_suppressed() {
        let p = Policy::default();
        let pct = |n, d| {
            shown(&publish(
                &obs(n, Some(d), Some(100.0 * n as f64 / d as f64)),
                Unit::Percent,
                Audience::Scrutiny,
                &p,
            ))
        };
        // 10 of 13: the 3 not counted would be known, so 10 is suppressed too.
        assert_eq!(pct(10, 13), ("c".into(), "13".into(), "c".into()));
        // 3 of 40: 3 is small; 37 is suppressed with it so 3 cannot be worked out.
        assert_eq!(pct(3, 40), ("c".into(), "40".into(), "c".into()));
        // 20 of 40: nothing small.
        assert_eq!(pct(20, 40), ("20".into(), "40".into(), "50.0".into()));
        // 0 of 40: zero is a true zero, and 40 is not small.
        assert_eq!(pct(0, 40), ("0".into(), "40".into(), "0.0".into()));
        // 2 of 4: everything small.
        assert_eq!(pct(2, 4), ("c".into(), "c".into(), "c".into()));
        // A count alone.
        let count = |n| {
            shown(&publish(
                &obs(n, None, Some(n as f64)),
                Unit::Count,
                Audience::Public,
                &p,
            ))
        };
        assert_eq!(count(5), ("c".into(), "".into(), "c".into()));
        assert_eq!(count(6), ("6".into(), "".into(), "6.0".into()));
        // A rate per 10,000 with a small numerator.
        let rate = shown(&publish(
            &obs(4, Some(20_000), Some(2.0)),
            Unit::Per10k,
            Audience::Scrutiny,
            &p,
        ));
        assert_eq!(rate, ("c".into(), "20000".into(), "c".into()));
        // A mean over 3 children.
        let days = shown(&publish(
            &obs(1500, Some(3), Some(500.0)),
            Unit::Days,
            Audience::Scrutiny,
            &p,
        ));
        assert_eq!(days, ("c".into(), "c".into(), "c".into()));
    }
}
