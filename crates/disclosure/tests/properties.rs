//! Properties of protection over random small tables, checked against an attacker that searches
//! every consistent table (`common::Attack`).

mod common;

use common::Attack;
use disclosure::{
    Audience, CountTable, Policy, Published, Suppression, protect, protect_for, protect_series,
    protect_series_for,
};
use proptest::prelude::*;

/// Counts from 0 to 12, with small ones and zeros more common than chance would make them.
fn count() -> impl Strategy<Value = u64> + Clone + 'static {
    prop_oneof![Just(0u64), 1u64..=5, 0u64..=12]
}

/// A table of up to 4 × 4 counts, with each kind of total published or not.
fn table() -> impl Strategy<Value = CountTable> {
    table_of(count(), 4)
}

/// A table of up to `size` × `size` counts drawn from `count`, with each kind of total
/// published or not.
fn table_of(
    count: impl Strategy<Value = u64> + Clone + 'static,
    size: usize,
) -> impl Strategy<Value = CountTable> {
    (1..=size, 1..=size)
        .prop_flat_map(move |(rows, columns)| {
            (
                prop::collection::vec(prop::collection::vec(count.clone(), columns), rows),
                any::<(bool, bool, bool)>(),
            )
        })
        .prop_map(|(cells, (row_totals, column_totals, grand_total))| {
            let mut table = CountTable::new(cells).unwrap();
            if row_totals {
                table = table.with_row_totals();
            }
            if column_totals {
                table = table.with_column_totals();
            }
            if grand_total {
                table = table.with_grand_total();
            }
            table
        })
}

/// The DfE's policy most of the time, others sometimes.
fn policy() -> impl Strategy<Value = Policy> {
    prop_oneof![3 => Just(6u64), 1 => 3u64..=10].prop_map(|s| Policy::new(s).unwrap())
}

/// Properties (a) to (d) of one table under one policy.
fn check_protection(table: &CountTable, policy: &Policy) -> Result<(), TestCaseError> {
    let result = protect(table, policy);
    prop_assert_eq!(&result, &protect(table, policy), "(d) not deterministic");
    match result {
        Ok(protected) => {
            prop_assert_eq!(protected.rows(), table.rows());
            prop_assert_eq!(protected.columns(), table.columns());
            prop_assert!(protected.positions().eq(table.positions()));
            for position in table.positions() {
                let truth = table.get(position).unwrap();
                match protected.get(position).unwrap() {
                    Published::Count(n) => {
                        prop_assert!(!policy.is_small(n), "(a) {} shown at {}", n, position);
                        prop_assert_eq!(n, truth, "(b) changed at {}", position);
                    }
                    Published::Suppressed => {
                        let why = protected.suppression(position).unwrap();
                        prop_assert_eq!(
                            why == Suppression::Primary,
                            policy.is_small(truth),
                            "reason at {}",
                            position
                        );
                    }
                    other => prop_assert!(false, "{} published at {}", other, position),
                }
            }
            let mut attack = Attack::new(table, &protected, policy);
            prop_assert!(attack.admits_truth());
            let recovered = attack.recovered();
            prop_assert!(
                recovered.is_empty(),
                "(c) recovered {:?} from {:?}",
                recovered,
                protected
            );
        }
        Err(refusal) => {
            let mut attack = Attack::everything_suppressed(table, policy);
            prop_assert!(
                attack.recovered().contains(&refusal.position),
                "refused, but suppressing everything would protect {}",
                refusal.position
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// (a) no small count is shown; (b) what is shown is the true count, and the table keeps its
    /// shape and its published totals; (c) no suppressed count can be worked out, or, when
    /// `protect` refuses, not even suppressing everything would do; (d) the same input gives the
    /// same output.
    #[test]
    fn protected_tables_hide_every_small_count(table in table(), policy in policy()) {
        check_protection(&table, &policy)?;
    }

    /// The same with tiny counts and low thresholds, where the bounds do most of the giving
    /// away and some tables must be refused.
    #[test]
    fn tiny_counts_are_protected_or_refused(
        table in table_of(0u64..=4, 4),
        policy in (3u64..=6).prop_map(|s| Policy::new(s).unwrap()),
    ) {
        check_protection(&table, &policy)?;
    }

    /// Over larger tables, up to 8 × 8, (a), (b) and (d). The attacker's search grows too fast
    /// with the number of `c`s to run on every one of these; the audit it checks on smaller
    /// tables is the same code.
    #[test]
    fn larger_tables_show_only_true_counts_that_are_not_small(
        table in table_of(count(), 8),
        policy in policy(),
    ) {
        let result = protect(&table, &policy);
        prop_assert_eq!(&result, &protect(&table, &policy), "(d) not deterministic");
        if let Ok(protected) = result {
            for position in table.positions() {
                let truth = table.get(position).unwrap();
                match protected.get(position).unwrap() {
                    Published::Count(n) => {
                        prop_assert!(!policy.is_small(n), "(a) {} shown at {}", n, position);
                        prop_assert_eq!(n, truth, "(b) changed at {}", position);
                    }
                    Published::Suppressed => {}
                    other => prop_assert!(false, "{} published at {}", other, position),
                }
            }
        }
    }

    /// Internal users see every figure exactly.
    #[test]
    fn internal_users_see_exact_counts(table in table(), policy in policy()) {
        let shown = protect_for(&table, Audience::Internal, &policy).unwrap();
        for position in table.positions() {
            prop_assert_eq!(shown.get(position), Some(Published::Count(table.get(position).unwrap())));
        }
        prop_assert!(shown.suppressed().is_empty());
        for audience in [Audience::Scrutiny, Audience::Public] {
            prop_assert_eq!(protect_for(&table, audience, &policy), protect(&table, &policy));
        }
    }

    /// A series without totals has its small counts suppressed and nothing else.
    #[test]
    fn series_suppress_exactly_the_small_counts(
        counts in prop::collection::vec(0u64..=40, 0..=36),
        policy in policy(),
    ) {
        let published = protect_series(&counts, &policy);
        prop_assert_eq!(published.len(), counts.len());
        for (&count, cell) in counts.iter().zip(&published) {
            if policy.is_small(count) {
                prop_assert_eq!(*cell, Published::Suppressed);
            } else {
                prop_assert_eq!(*cell, Published::Count(count));
            }
        }
        let internal = protect_series_for(&counts, Audience::Internal, &policy);
        prop_assert!(internal.iter().zip(&counts).all(|(p, &c)| *p == Published::Count(c)));
        prop_assert_eq!(protect_series_for(&counts, Audience::Public, &policy), published);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The same as (c), by listing every consistent table of tables up to 3 × 3 and collecting
    /// the values each suppressed cell takes, where there are few enough tables to list.
    #[test]
    fn listing_every_consistent_table_finds_two_values_for_each_c(
        table in table().prop_filter("up to 3 × 3", |t| t.rows() <= 3 && t.columns() <= 3),
        policy in policy(),
    ) {
        if let Ok(protected) = protect(&table, &policy) {
            let mut attack = Attack::new(&table, &protected, &policy);
            if let Some(taken) = attack.values_taken(200_000) {
                for (position, values) in attack.unknowns.iter().zip(&taken) {
                    prop_assert!(values.len() >= 2, "{} takes only {:?}", position, values);
                }
            }
        }
    }
}
