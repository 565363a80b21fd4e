//! Statistical disclosure control as the Department for Education practises it, so that no child
//! can be identified from a figure Harbour publishes to a scrutiny panel or the public.
//!
//! # The rules
//!
//! These are the rules of the DfE's children in need and children looked after statistics.
//!
//! - **Small numbers.** Any number from 1 to 5 is suppressed and shown as `c`, "to protect
//!   confidentiality; secondary suppression may have been applied". The threshold is a
//!   [`Policy`]: by default the smallest count shown is 6, and it can be raised (to 10, say).
//!   Totals are counts like any other: a total of 3 is suppressed too.
//! - **Secondary suppression.** Secondary suppression is applied so that a suppressed number
//!   cannot be recovered by subtraction. If a row has one `c` and its total is shown, the `c` is
//!   the total less the other cells, so another cell of the row must be suppressed as well, and
//!   then another in that cell's column, and so on.
//! - **Zero.** `0` means a true zero. It is never suppressed for being small.
//! - **Other symbols.** `z` means not applicable, `x` not available, and `k` a percentage that
//!   rounds to 0 but is not 0 (see [`PublishedValue`]).
//! - **Rates and percentages.** A rate or percentage whose numerator or denominator is
//!   suppressed is suppressed too, because the rate and the denominator would give the numerator
//!   back. A denominator of 0 gives `z` (see [`rate`]).
//! - **Rounding.** The DfE rounds England and regional totals to the nearest 10 and leaves local
//!   authority figures unrounded. Harbour publishes one council's figures, so nothing here rounds.
//!
//! Internal users see exact figures; the scrutiny panel and the public see protected ones
//! ([`Audience`]).
//!
//! # What "cannot be recovered" means here
//!
//! The attacker is assumed to know everything published: every shown cell, which cells are
//! `c`, that the totals are the sums of their rows and columns, that every count is 0 or more,
//! and, to be safe, which `c` cells are small ones, so that each of those lies between 1 and the
//! smallest shown count less one. A suppressed cell is protected when at least two different
//! tables of whole numbers fit all of that and give it different values.
//!
//! Not modelled: an attacker who also knows how secondary cells are chosen, and so that every
//! `c` that is not small is at least the smallest shown count (here it is only known to be 0 or
//! more); and anything published elsewhere, such as the same counts in another table or a total
//! in the text. Each table is protected on its own.
//!
//! That is stronger than checking each row and column for a lone `c`. A pattern of `c` cells can
//! be worked out by combining several rows and columns even when every one of them has two or
//! more `c`s; and a cell can be pinned by the bounds alone (if a row's two `c`s must add up to 2
//! and each is at least 1, both are 1). [`protect`] checks every suppressed cell exactly: the
//! published equations form a network, so a cell can take another value if and only if a step
//! of one along some cycle of suppressed cells keeps every cell within its bounds, which a
//! breadth-first search decides.
//!
//! # How secondary cells are chosen
//!
//! [`protect`] first suppresses every small count, interior or total. Then, while some `c` can
//! be worked out, it takes the first such cell (row by row, each row's total after the row, the
//! column totals and the grand total last) and suppresses more
//! cells for it, the ones a DfE statistician would pick:
//!
//! 1. one cell that on its own protects it, if there is one: a cell in the same row or column
//!    before one elsewhere, an interior cell before a total, the smallest count first, ties
//!    broken by position;
//! 2. otherwise the cheapest rectangle of cells through it (its own row and column and one other
//!    of each, totals included) that protects it: the fewest new cells, then the fewest totals
//!    among them, then the smallest sum, then the first position. This is the hypercube method
//!    statistical offices use, in two dimensions;
//! 3. otherwise the first cell of the order in 1, and the search goes on from there.
//!
//! True zeros are chosen only when no non-zero figure is left. Every choice is checked by the
//! exact audit above, so the heuristics only decide how much is hidden, never whether the result
//! is safe. The result is the same for the same table every time.
//!
//! If even suppressing every figure leaves a cell that can be worked out, the table cannot be
//! published at that level of detail and [`protect`] says so with [`Unprotectable`]: five
//! categories of one child each with their total of 5, for instance, are five counts of at least
//! 1 adding up to at most 5, so all 1 whatever is hidden. Otherwise [`protect`] always succeeds.
//!
//! A series published without any total, such as a count for each month, needs only the small
//! numbers suppressed: see [`protect_series`].
//!
//! # Example
//!
//! ```
//! use disclosure::{CountTable, Policy, Published, protect};
//!
//! // Referrals by month (rows) and source (columns), with every total published.
//! let table = CountTable::new(vec![vec![20, 3, 14], vec![18, 9, 11], vec![25, 12, 7]])
//!     .unwrap()
//!     .with_all_totals();
//! let published = protect(&table, &Policy::default()).unwrap();
//! assert_eq!(published.cell(0, 1), Published::Suppressed); // the 3
//! assert_eq!(published.cell(0, 1).to_string(), "c");
//! // Its row and column each need a second `c`, or subtraction would give the 3 back.
//! let suppressed = published.suppressed().len();
//! assert_eq!(suppressed, 4);
//! ```

mod audit;
mod published;
mod series;
mod table;

pub use published::{Published, PublishedValue, per_10000, percentage, rate};
pub use series::{protect_series, protect_series_for};
pub use table::{
    CountTable, Position, ProtectedTable, Suppression, TableError, Unprotectable, protect,
    protect_for,
};

use std::fmt;

/// Who a figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Council staff entitled to exact figures.
    Internal,
    /// Councillors on a scrutiny panel: figures are protected.
    Scrutiny,
    /// Anyone: figures are protected.
    Public,
}

impl Audience {
    /// Whether figures for this audience must go through disclosure control.
    pub fn needs_control(self) -> bool {
        match self {
            Audience::Internal => false,
            Audience::Scrutiny | Audience::Public => true,
        }
    }
}

/// How small a count must be to be suppressed.
///
/// Counts from 1 to `smallest_shown − 1` are suppressed; 0 never is. The default, 6, is the
/// DfE's: 1 to 5 become `c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Policy {
    smallest_shown: u64,
}

impl Policy {
    /// A policy that shows counts of `smallest_shown` or more (`Policy::new(10)` suppresses 1 to
    /// 9). It must be at least 3, so that a `c` stands for at least two possible counts: with 2,
    /// a `c` would always mean exactly 1.
    pub fn new(smallest_shown: u64) -> Result<Policy, PolicyError> {
        if smallest_shown < 3 {
            return Err(PolicyError { smallest_shown });
        }
        Ok(Policy { smallest_shown })
    }

    /// The smallest non-zero count that is shown.
    pub fn smallest_shown(&self) -> u64 {
        self.smallest_shown
    }

    /// Whether a count is small enough to be suppressed: from 1 to `smallest_shown − 1`.
    pub fn is_small(&self, count: u64) -> bool {
        (1..self.smallest_shown).contains(&count)
    }

    /// One count on its own, with nothing published that it adds up to: `c` if small, else the
    /// count. For counts in a table with totals, use [`protect`].
    pub fn publish_count(&self, count: u64) -> Published {
        if self.is_small(count) {
            Published::Suppressed
        } else {
            Published::Count(count)
        }
    }
}

impl Default for Policy {
    /// The DfE's policy: counts from 1 to 5 are suppressed.
    fn default() -> Policy {
        Policy { smallest_shown: 6 }
    }
}

/// A [`Policy`] that would let a `c` stand for a single count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyError {
    pub smallest_shown: u64,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the smallest count shown must be at least 3, so that \"c\" stands for at least two \
             possible counts; {} is too small",
            self.smallest_shown
        )
    }
}

impl std::error::Error for PolicyError {}
