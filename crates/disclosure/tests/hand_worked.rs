//! Examples worked by hand: the table goes in, the published table is written out beside it, and
//! the attacker of `common` confirms that no `c` can be worked out.

mod common;

use common::{Attack, render};
use disclosure::{
    Audience, CountTable, Policy, Position, Published, PublishedValue, Suppression, TableError,
    Unprotectable, per_10000, percentage, protect, protect_for, protect_series, rate,
};

/// A table with the totals named in `totals` (any of `rows`, `columns`, `grand`, or `all`).
fn table(rows: &[&[u64]], totals: &str) -> CountTable {
    let mut table = CountTable::new(rows.iter().map(|r| r.to_vec()).collect()).unwrap();
    if totals.contains("rows") || totals == "all" {
        table = table.with_row_totals();
    }
    if totals.contains("columns") || totals == "all" {
        table = table.with_column_totals();
    }
    if totals.contains("grand") || totals == "all" {
        table = table.with_grand_total();
    }
    table
}

/// Words and numbers with single spaces, so that expectations need not be aligned by hand.
fn normalise(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Protects the table under a policy showing counts from `smallest_shown`, checks the published
/// table against `expected` (row totals after `|`, then a line of column totals and the grand
/// total) and that no `c` can be worked out.
fn check(rows: &[&[u64]], totals: &str, smallest_shown: u64, expected: &str) {
    let table = table(rows, totals);
    let policy = Policy::new(smallest_shown).unwrap();
    let protected = protect(&table, &policy).unwrap();
    let published = render(&protected);
    assert_eq!(
        normalise(&published),
        normalise(expected),
        "published:\n{published}"
    );
    let mut attack = Attack::new(&table, &protected, &policy);
    assert!(attack.admits_truth());
    assert_eq!(attack.recovered(), vec![], "published:\n{published}");
}

#[test]
fn a_small_cell_in_a_3_by_3_table_needs_a_rectangle_of_four() {
    // The 3 alone would be its row total less 20 and 14. The cheapest rectangle of cells that
    // hides it (fewest cells, interior before totals, smallest sum) is 3, 14, 12 and 7: 33,
    // against 34 for 3, 14, 9 and 11.
    check(
        &[&[20, 3, 14], &[18, 9, 11], &[25, 12, 7]],
        "all",
        6,
        "
          20  c  c |  37
          18  9 11 |  38
          25  c  c |  44
          63 24 32 | 119
        ",
    );
}

#[test]
fn without_totals_nothing_needs_secondary_suppression() {
    check(
        &[&[20, 3, 14], &[18, 9, 11], &[25, 12, 7]],
        "",
        6,
        "
          20  c 14
          18  9 11
          25 12  7
        ",
    );
}

#[test]
fn a_row_with_its_total_needs_a_second_cell() {
    // With only the row total, 3 = 13 − 10; the 10 must go too. Then the attacker knows only
    // that the two add up to 13, and the small one is from 1 to 5.
    check(
        &[&[10, 3]],
        "rows",
        6,
        "
          c c | 13
        ",
    );
}

#[test]
fn a_small_total_is_suppressed_like_any_count() {
    // The row [2, 0, 1] has total 3: all three small figures are `c`. Its cells and its total
    // then share their column totals with the second row, which gives up a cell and its total.
    check(
        &[&[2, 0, 1], &[9, 7, 8]],
        "all",
        6,
        "
           c  0  c |  c
           c  7  c |  c
          11  7  9 | 27
        ",
    );
}

#[test]
fn a_row_whose_only_other_non_zero_figure_is_its_total() {
    // Row 0 is [4, 0, 0 | 4]: the cell and the total are both small and equal. Knowing they
    // are equal tells nothing, but the column of the 4 and the column of row totals each hold
    // one `c`, so the cell would be its column total less 10. The rectangle through the row of
    // 10 hides it, taking 10 and that row's total (the zeros are true zeros, never chosen
    // while a non-zero cell will do).
    check(
        &[&[4, 0, 0], &[10, 8, 9]],
        "all",
        6,
        "
           c 0 0 |  c
           c 8 9 |  c
          14 8 9 | 31
        ",
    );
}

#[test]
fn a_table_of_zeros_is_published_as_it_is() {
    check(
        &[&[0, 0, 0], &[0, 0, 0]],
        "all",
        6,
        "
          0 0 0 | 0
          0 0 0 | 0
          0 0 0 | 0
        ",
    );
}

#[test]
fn a_single_cell() {
    check(&[&[3]], "", 6, "c");
    check(&[&[0]], "", 6, "0");
    check(&[&[6]], "", 6, "6");
    // Published with its totals, a small cell and its three totals are the same small number;
    // all four are `c`, and together they still say nothing but "from 1 to 5".
    check(
        &[&[3]],
        "all",
        6,
        "
          c | c
          c | c
        ",
    );
    check(
        &[&[7]],
        "all",
        6,
        "
          7 | 7
          7 | 7
        ",
    );
}

#[test]
fn a_higher_threshold_suppresses_more() {
    check(
        &[&[12, 9, 30], &[15, 25, 40]],
        "rows",
        10,
        "
           c  c 30 |  51
          15 25 40 |  80
        ",
    );
}

#[test]
fn the_grand_total_alone_is_enough_to_subtract_from() {
    // With only the grand total, a lone `c` is the total less everything else: the 3 takes the
    // smallest cell beside it, the 20, and then the two add up to 23.
    check(
        &[&[20, 3], &[18, 40]],
        "grand",
        6,
        "
           c  c
          18 40
             | 81
        ",
    );
}

#[test]
fn bounds_can_give_away_cells_that_every_equation_leaves_open() {
    // Suppress only the small cells and totals of this table and every row and column holding
    // a `c` holds two, yet row 0 says its two `c`s add up to 22 − 20 = 2, and each is at least
    // 1, so both are 1. The attacker finds that; `protect` does not fall for it.
    //
    // Suppressing the 20 and the 30 as well would not do either: the four 1s then add up to
    // the two column totals, 54 − 50 = 4, and four counts of at least 1 that add up to 4 are all
    // 1. The 50 has to go too, and then the 1s can be anything that fits the row totals.
    let table = table(&[&[1, 1, 20], &[1, 1, 30]], "all");
    let policy = Policy::default();
    let naive: Vec<_> = table
        .positions()
        .map(|p| {
            let n = table.get(p).unwrap();
            if policy.is_small(n) {
                (p, Published::Suppressed, Some(Suppression::Primary))
            } else {
                (p, Published::Count(n), None)
            }
        })
        .collect();
    let mut attack = Attack::of_view(&table, naive, &policy);
    assert_eq!(attack.recovered().len(), 6, "all four 1s and both 2s");

    check(
        &[&[1, 1, 20], &[1, 1, 30]],
        "all",
        6,
        "
          c c c | 22
          c c c | 32
          c c c | 54
        ",
    );
}

#[test]
fn a_cell_can_be_worked_out_from_several_equations_each_with_two_unknowns() {
    // Two rectangles of `c`s, joined by the `c` at row 1, column 2. Every row and column holds
    // two `c`s or none, yet adding rows 0 and 1 and taking away columns 0 and 1 leaves the joining
    // cell alone: it is 7.
    let rows: &[&[u64]] = &[
        &[3, 2, 20, 30],
        &[4, 5, 7, 40],
        &[50, 60, 2, 3],
        &[70, 80, 4, 5],
    ];
    let table = table(rows, "all");
    let policy = Policy::default();
    let suppressed = |p: Position| match p {
        Position::Cell { row, column } => {
            (row < 2 && column < 2) || (row >= 2 && column >= 2) || (row, column) == (1, 2)
        }
        _ => false,
    };
    let view: Vec<_> = table
        .positions()
        .map(|p| {
            let n = table.get(p).unwrap();
            if suppressed(p) {
                let why = if policy.is_small(n) {
                    Suppression::Primary
                } else {
                    Suppression::Secondary
                };
                (p, Published::Suppressed, Some(why))
            } else {
                (p, Published::Count(n), None)
            }
        })
        .collect();
    let mut attack = Attack::of_view(&table, view, &policy);
    assert_eq!(
        attack.recovered(),
        vec![Position::Cell { row: 1, column: 2 }]
    );

    // `protect` makes its own choice, which must leave nothing to work out.
    let protected = protect(&table, &policy).unwrap();
    let mut attack = Attack::new(&table, &protected, &policy);
    assert_eq!(attack.recovered(), vec![]);
}

#[test]
fn a_table_that_cannot_be_protected_is_refused() {
    // Five categories of one child each, and the total of 5 published: even with every figure
    // `c`, five counts of at least 1 that add up to at most 5 are all 1.
    let table = table(&[&[1, 1, 1, 1, 1]], "grand");
    assert_eq!(
        protect(&table, &Policy::default()),
        Err(Unprotectable {
            position: Position::Cell { row: 0, column: 0 }
        })
    );
    let refusal = protect(&table, &Policy::default()).unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "the table cannot be published at this level of detail: even with every figure \
         suppressed, row 0, column 0 could be worked out; combine categories or leave out the \
         totals"
    );
    // Without the total it can be published: each `c` is anything from 1 to 5.
    check(&[&[1, 1, 1, 1, 1]], "", 6, "c c c c c");
}

#[test]
fn internal_users_see_every_count() {
    let table = table(&[&[10, 3]], "rows");
    let policy = Policy::default();
    let internal = protect_for(&table, Audience::Internal, &policy).unwrap();
    assert_eq!(normalise(&render(&internal)), "10 3 | 13");
    let scrutiny = protect_for(&table, Audience::Scrutiny, &policy).unwrap();
    assert_eq!(normalise(&render(&scrutiny)), "c c | 13");
    assert!(!Audience::Internal.needs_control());
    assert!(Audience::Scrutiny.needs_control());
    assert!(Audience::Public.needs_control());
}

#[test]
fn suppression_says_why() {
    let protected = protect(&table(&[&[10, 3]], "rows"), &Policy::default()).unwrap();
    let cell = |column| Position::Cell { row: 0, column };
    assert_eq!(
        protected.suppressed(),
        vec![
            (cell(0), Suppression::Secondary),
            (cell(1), Suppression::Primary)
        ]
    );
    assert_eq!(protected.suppression(Position::RowTotal(0)), None);
    assert_eq!(protected.get(Position::GrandTotal), None);
    assert_eq!(protected.get(cell(2)), None);
}

#[test]
fn a_monthly_series_without_totals_needs_only_the_small_counts_suppressed() {
    let published = protect_series(&[0, 3, 12, 5, 6, 1], &Policy::default());
    let shown: Vec<String> = published.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["0", "c", "12", "c", "6", "c"]);
    let published = protect_series(&[9, 10], &Policy::new(10).unwrap());
    assert_eq!(published, [Published::Suppressed, Published::Count(10)]);
}

#[test]
fn the_policy() {
    let dfe = Policy::default();
    assert_eq!(dfe.smallest_shown(), 6);
    assert!(!dfe.is_small(0));
    assert!(dfe.is_small(1) && dfe.is_small(5));
    assert!(!dfe.is_small(6));
    assert_eq!(dfe.publish_count(0), Published::Count(0));
    assert_eq!(dfe.publish_count(5), Published::Suppressed);
    assert!(Policy::new(3).is_ok());
    let too_small = Policy::new(2).unwrap_err();
    assert_eq!(too_small.smallest_shown, 2);
    assert!(too_small.to_string().contains("at least 3"));
}

#[test]
fn ragged_rows_are_refused() {
    assert_eq!(
        CountTable::new(vec![vec![1, 2], vec![3]]),
        Err(TableError::Ragged {
            row: 1,
            expected: 2,
            found: 1
        })
    );
    assert_eq!(
        CountTable::new(vec![vec![u64::MAX, 1]]),
        Err(TableError::Overflow)
    );
}

#[test]
fn symbols() {
    let shown: Vec<String> = [
        Published::Count(0),
        Published::Count(12),
        Published::Suppressed,
        Published::NotApplicable,
        Published::NotAvailable,
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(shown, ["0", "12", "c", "z", "x"]);
    assert_eq!(format!("{:>3}", Published::Suppressed), "  c");
    assert_eq!(format!("{:>3}", Published::Count(7)), "  7");
}

#[test]
fn rates_follow_their_numerator_and_denominator() {
    use Published::*;
    let c = Suppressed;
    // A suppressed numerator or denominator suppresses the rate.
    assert_eq!(percentage(&c, &Count(40)), PublishedValue::Suppressed);
    assert_eq!(percentage(&Count(7), &c), PublishedValue::Suppressed);
    assert_eq!(percentage(&c, &c), PublishedValue::Suppressed);
    // A denominator of 0 gives `z`; `z` and `x` carry through, `x` first.
    assert_eq!(
        percentage(&Count(0), &Count(0)),
        PublishedValue::NotApplicable
    );
    assert_eq!(percentage(&c, &Count(0)), PublishedValue::NotApplicable);
    assert_eq!(
        percentage(&NotApplicable, &Count(9)),
        PublishedValue::NotApplicable
    );
    assert_eq!(
        percentage(&Count(9), &NotAvailable),
        PublishedValue::NotAvailable
    );
    assert_eq!(
        percentage(&NotAvailable, &NotApplicable),
        PublishedValue::NotAvailable
    );
    // A true zero is a figure.
    assert_eq!(
        percentage(&Count(0), &Count(40)),
        PublishedValue::Value(0.0)
    );
    assert_eq!(
        rate(&Count(6), &Count(8), |n, d| n as f64 / d as f64),
        PublishedValue::Value(0.75)
    );
    assert_eq!(
        per_10000(&Count(30), &Count(60_000)),
        PublishedValue::Value(5.0)
    );
}

#[test]
fn rates_are_shown_with_the_dfe_symbols() {
    let shown = |v: PublishedValue| (format!("{v:.1}"), format!("{v:.0}"), format!("{v}"));
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // Whole numbers and true zeros: never `k`.
    assert_eq!(shown(PublishedValue::Value(50.0)), s("50.0", "50", "50"));
    assert_eq!(shown(PublishedValue::Value(0.0)), s("0.0", "0", "0"));
    assert_eq!(
        shown(PublishedValue::Value(12.25)),
        s("12.2", "12", "12.25")
    );
    // Rounds to 0 but is not 0: `k` at that precision only.
    assert_eq!(shown(PublishedValue::Value(0.3)), s("0.3", "k", "0.3"));
    assert_eq!(shown(PublishedValue::Value(0.04)), s("k", "k", "0.04"));
    assert_eq!(shown(PublishedValue::Suppressed), s("c", "c", "c"));
    assert_eq!(shown(PublishedValue::NotApplicable), s("z", "z", "z"));
    assert_eq!(shown(PublishedValue::NotAvailable), s("x", "x", "x"));
    assert_eq!(format!("{:>5.1}", PublishedValue::Value(7.25)), "  7.2");
    assert_eq!(format!("{:>5.0}", PublishedValue::Value(0.2)), "    k");
    // A percentage from published counts, as a scrutiny pack shows it.
    let pct = percentage(&Published::Count(1), &Published::Count(300));
    assert_eq!(format!("{pct:.0}"), "k");
    assert_eq!(format!("{pct:.1}"), "0.3");
}
