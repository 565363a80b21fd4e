//! Tables of counts with their totals, and their protection.

use crate::audit::{Grid, Status};
use crate::{Audience, Policy, Published};
use std::fmt;

/// A place in a table: an interior cell or one of the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Position {
    /// The interior cell in `row` and `column`, counted from 0.
    Cell { row: usize, column: usize },
    /// The total of a row.
    RowTotal(usize),
    /// The total of a column.
    ColumnTotal(usize),
    /// The total of the whole table.
    GrandTotal,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Cell { row, column } => write!(f, "row {row}, column {column}"),
            Position::RowTotal(row) => write!(f, "the total of row {row}"),
            Position::ColumnTotal(column) => write!(f, "the total of column {column}"),
            Position::GrandTotal => write!(f, "the grand total"),
        }
    }
}

/// Why a table of counts could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// A row has a different number of cells from the first row.
    Ragged {
        row: usize,
        expected: usize,
        found: usize,
    },
    /// A total does not fit in a `u64`.
    Overflow,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Ragged {
                row,
                expected,
                found,
            } => write!(
                f,
                "row {row} has {found} cells but the first row has {expected}"
            ),
            TableError::Overflow => write!(f, "a total of the table is too large to count"),
        }
    }
}

impl std::error::Error for TableError {}

/// A grid of counts (for example months × categories, or a single row or column) and which of
/// its totals are published beside it.
///
/// The totals are always the sums of the cells; they are computed here, never passed in, so a
/// table cannot claim a total that its cells do not add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    rows: usize,
    columns: usize,
    cells: Vec<u64>,
    row_totals: Vec<u64>,
    column_totals: Vec<u64>,
    grand_total: u64,
    publish_row_totals: bool,
    publish_column_totals: bool,
    publish_grand_total: bool,
}

impl CountTable {
    /// A table from its rows, publishing no totals (add them with the `with_…` methods).
    /// Every row must have the same number of cells.
    pub fn new(rows: Vec<Vec<u64>>) -> Result<CountTable, TableError> {
        let columns = rows.first().map_or(0, Vec::len);
        if let Some((row, found)) = rows
            .iter()
            .map(Vec::len)
            .enumerate()
            .find(|&(_, len)| len != columns)
        {
            return Err(TableError::Ragged {
                row,
                expected: columns,
                found,
            });
        }
        let row_totals = rows
            .iter()
            .map(|row| checked_sum(row.iter().copied()))
            .collect::<Option<Vec<_>>>()
            .ok_or(TableError::Overflow)?;
        let column_totals = (0..columns)
            .map(|j| checked_sum(rows.iter().map(|row| row[j])))
            .collect::<Option<Vec<_>>>()
            .ok_or(TableError::Overflow)?;
        let grand_total = checked_sum(row_totals.iter().copied()).ok_or(TableError::Overflow)?;
        Ok(CountTable {
            rows: rows.len(),
            columns,
            cells: rows.into_iter().flatten().collect(),
            row_totals,
            column_totals,
            grand_total,
            publish_row_totals: false,
            publish_column_totals: false,
            publish_grand_total: false,
        })
    }

    /// Publish each row's total beside the row.
    pub fn with_row_totals(mut self) -> CountTable {
        self.publish_row_totals = true;
        self
    }

    /// Publish each column's total beneath the column.
    pub fn with_column_totals(mut self) -> CountTable {
        self.publish_column_totals = true;
        self
    }

    /// Publish the total of the whole table.
    pub fn with_grand_total(mut self) -> CountTable {
        self.publish_grand_total = true;
        self
    }

    /// Publish row totals, column totals and the grand total.
    pub fn with_all_totals(self) -> CountTable {
        self.with_row_totals()
            .with_column_totals()
            .with_grand_total()
    }

    /// Number of interior rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of interior columns.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Whether the figure at `position` is published with the table.
    pub fn publishes(&self, position: Position) -> bool {
        match position {
            Position::Cell { row, column } => row < self.rows && column < self.columns,
            Position::RowTotal(row) => self.publish_row_totals && row < self.rows,
            Position::ColumnTotal(column) => self.publish_column_totals && column < self.columns,
            Position::GrandTotal => self.publish_grand_total,
        }
    }

    /// The count at `position`, whether or not it is published; `None` outside the table.
    pub fn get(&self, position: Position) -> Option<u64> {
        match position {
            Position::Cell { row, column } if row < self.rows && column < self.columns => {
                Some(self.cells[row * self.columns + column])
            }
            Position::RowTotal(row) => self.row_totals.get(row).copied(),
            Position::ColumnTotal(column) => self.column_totals.get(column).copied(),
            Position::GrandTotal => Some(self.grand_total),
            Position::Cell { .. } => None,
        }
    }

    /// Every published position, interior cells first (row by row), then row totals, column
    /// totals and the grand total.
    pub fn positions(&self) -> impl Iterator<Item = Position> + '_ {
        let cells = (0..self.rows).flat_map(move |row| {
            (0..self.columns).map(move |column| Position::Cell { row, column })
        });
        let row_totals = (0..self.rows).map(Position::RowTotal);
        let column_totals = (0..self.columns).map(Position::ColumnTotal);
        cells
            .chain(row_totals)
            .chain(column_totals)
            .chain(std::iter::once(Position::GrandTotal))
            .filter(move |&position| self.publishes(position))
    }

    fn grid(&self, smallest_shown: u64) -> Grid {
        let width = self.columns + 1;
        let size = (self.rows + 1) * width;
        let mut grid = Grid {
            rows: self.rows,
            columns: self.columns,
            values: vec![0; size],
            status: vec![Status::Unpublished; size],
            smallest_shown,
        };
        for index in 0..size {
            let position = grid.position(index);
            grid.values[index] = self
                .get(position)
                .expect("every grid position is in the table");
            if self.publishes(position) {
                grid.status[index] = Status::Shown;
            }
        }
        grid
    }
}

fn checked_sum(mut counts: impl Iterator<Item = u64>) -> Option<u64> {
    counts.try_fold(0u64, |total, n| total.checked_add(n))
}

/// Why a cell is shown as `c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suppression {
    /// The count is small: from 1 to one less than the policy's smallest shown count.
    Primary,
    /// The count is not small, but showing it would let a small one be worked out.
    Secondary,
}

/// A table as it may be published: every published figure shown or replaced by `c`.
///
/// It holds only what is published; the suppressed counts are not kept, so it can be logged,
/// serialised or handed to a template without leaking them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectedTable {
    rows: usize,
    columns: usize,
    /// The extended grid, row-major: `None` where a total is not published.
    cells: Vec<Option<(Published, Option<Suppression>)>>,
}

impl ProtectedTable {
    /// Number of interior rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of interior columns.
    pub fn columns(&self) -> usize {
        self.columns
    }

    fn index(&self, position: Position) -> Option<usize> {
        let (row, column) = match position {
            Position::Cell { row, column } if row < self.rows && column < self.columns => {
                (row, column)
            }
            Position::RowTotal(row) if row < self.rows => (row, self.columns),
            Position::ColumnTotal(column) if column < self.columns => (self.rows, column),
            Position::GrandTotal => (self.rows, self.columns),
            _ => return None,
        };
        Some(row * (self.columns + 1) + column)
    }

    fn entry(&self, position: Position) -> Option<(Published, Option<Suppression>)> {
        self.index(position).and_then(|index| self.cells[index])
    }

    /// The published figure at `position`; `None` outside the table or for a total that is not
    /// published.
    pub fn get(&self, position: Position) -> Option<Published> {
        self.entry(position).map(|(published, _)| published)
    }

    /// The interior cell in `row` and `column`.
    ///
    /// # Panics
    /// If the cell is outside the table.
    pub fn cell(&self, row: usize, column: usize) -> Published {
        self.get(Position::Cell { row, column })
            .expect("cell inside the table")
    }

    /// The total of `row`, if row totals are published.
    pub fn row_total(&self, row: usize) -> Option<Published> {
        self.get(Position::RowTotal(row))
    }

    /// The total of `column`, if column totals are published.
    pub fn column_total(&self, column: usize) -> Option<Published> {
        self.get(Position::ColumnTotal(column))
    }

    /// The grand total, if it is published.
    pub fn grand_total(&self) -> Option<Published> {
        self.get(Position::GrandTotal)
    }

    /// Why the figure at `position` is suppressed; `None` if it is shown or not published.
    pub fn suppression(&self, position: Position) -> Option<Suppression> {
        self.entry(position).and_then(|(_, why)| why)
    }

    /// Every suppressed position and why, interior cells first (row by row), then the totals.
    pub fn suppressed(&self) -> Vec<(Position, Suppression)> {
        self.positions()
            .filter_map(|position| self.suppression(position).map(|why| (position, why)))
            .collect()
    }

    /// Every published position, interior cells first (row by row), then row totals, column
    /// totals and the grand total.
    pub fn positions(&self) -> impl Iterator<Item = Position> + '_ {
        let cells = (0..self.rows).flat_map(move |row| {
            (0..self.columns).map(move |column| Position::Cell { row, column })
        });
        let row_totals = (0..self.rows).map(Position::RowTotal);
        let column_totals = (0..self.columns).map(Position::ColumnTotal);
        cells
            .chain(row_totals)
            .chain(column_totals)
            .chain(std::iter::once(Position::GrandTotal))
            .filter(move |&position| self.entry(position).is_some())
    }

    fn from_grid(grid: &Grid) -> ProtectedTable {
        let cells = (0..grid.values.len())
            .map(|index| match grid.status[index] {
                Status::Unpublished => None,
                Status::Shown => Some((Published::Count(grid.values[index]), None)),
                Status::Primary => Some((Published::Suppressed, Some(Suppression::Primary))),
                Status::Secondary => Some((Published::Suppressed, Some(Suppression::Secondary))),
            })
            .collect();
        ProtectedTable {
            rows: grid.rows,
            columns: grid.columns,
            cells,
        }
    }
}

/// A table that cannot be published at this level of detail: even with every figure suppressed,
/// the one at `position` could be worked out (the first such in the order [`protect`] works in).
/// Publish fewer categories or no totals instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unprotectable {
    pub position: Position,
}

impl fmt::Display for Unprotectable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the table cannot be published at this level of detail: even with every figure \
             suppressed, {} could be worked out; combine categories or leave out the totals",
            self.position
        )
    }
}

impl std::error::Error for Unprotectable {}

/// Protects a table for publication: primary suppression of small counts, then secondary
/// suppression until no suppressed count can be worked out (see the crate documentation for the
/// rules and how secondary cells are chosen).
///
/// The result is deterministic: the same table and policy always give the same cells.
pub fn protect(table: &CountTable, policy: &Policy) -> Result<ProtectedTable, Unprotectable> {
    let mut grid = table.grid(policy.smallest_shown());

    // Primary suppression: every published count, interior or total, from 1 to smallest_shown − 1.
    for index in 0..grid.values.len() {
        if grid.status[index] == Status::Shown && policy.is_small(grid.values[index]) {
            grid.status[index] = Status::Primary;
        }
    }

    // A cell that could be worked out even with every figure suppressed can never be protected
    // (suppressing more only ever helps, see below), so such a table is refused at once.
    let mut everything = grid.clone();
    for status in &mut everything.status {
        if *status == Status::Shown {
            *status = Status::Secondary;
        }
    }
    if let Some(pinned) = everything.first_exposed() {
        return Err(Unprotectable {
            position: grid.position(pinned),
        });
    }

    // Secondary suppression, a cell or a rectangle at a time, until the audit finds nothing to
    // work out. Safety only grows as cells are added (a new unknown adds arcs to the residual
    // graph and removes none), so each step keeps every cell already safe; the loop ends because
    // each step suppresses at least one more of finitely many cells, and at the latest when
    // everything is suppressed, which was checked above to be safe.
    while let Some(exposed) = grid.first_exposed() {
        let Some(chosen) = choose_secondary(&mut grid, exposed) else {
            // Everything is suppressed, which is safe: this cannot happen.
            return Err(Unprotectable {
                position: grid.position(exposed),
            });
        };
        for cell in chosen {
            grid.status[cell] = Status::Secondary;
        }
    }
    Ok(ProtectedTable::from_grid(&grid))
}

/// [`protect`] for an audience: internal users see every count, scrutiny and public audiences
/// see the protected table.
pub fn protect_for(
    table: &CountTable,
    audience: Audience,
    policy: &Policy,
) -> Result<ProtectedTable, Unprotectable> {
    if audience.needs_control() {
        protect(table, policy)
    } else {
        Ok(ProtectedTable::from_grid(
            &table.grid(policy.smallest_shown()),
        ))
    }
}

/// The cells to suppress next to protect the cell at `exposed`, chosen as a DfE statistician
/// would choose them, in this order of preference:
///
/// 1. one shown cell that on its own makes the exposed cell safe, taking first a cell in the
///    same row or column, an interior cell before a total, the smallest count, the first in
///    row-major order;
/// 2. the cheapest rectangle through the exposed cell whose other corners, once suppressed, make
///    it safe: fewest new cells, then fewest totals among them, then the smallest sum, then the
///    first position (in two dimensions this is the hypercube method statistical offices use);
/// 3. failing both, the first cell in the order of 1, and the search goes on from there.
///
/// Non-zero cells are tried first; true zeros only when no non-zero cell is left to suppress.
/// `None` when every published figure is suppressed already.
fn choose_secondary(grid: &mut Grid, exposed: usize) -> Option<Vec<usize>> {
    let mut same_line = vec![false; grid.values.len()];
    for other in grid.in_same_lines(exposed) {
        same_line[other] = true;
    }
    let mut candidates: Vec<usize> = (0..grid.values.len())
        .filter(|&index| grid.status[index] == Status::Shown)
        .collect();
    candidates.sort_by_key(|&index| {
        (
            grid.values[index] == 0,
            !same_line[index],
            grid.is_total(index),
            grid.values[index],
            index,
        )
    });
    let non_zero = candidates.partition_point(|&index| grid.values[index] != 0);
    for (tier, allow_zero) in [
        (&candidates[..non_zero], false),
        (&candidates[non_zero..], true),
    ] {
        let fixing = tier
            .iter()
            .copied()
            .find(|&candidate| protects(grid, exposed, &[candidate]));
        if let Some(chosen) = fixing {
            return Some(vec![chosen]);
        }
        if let Some(rectangle) = cheapest_rectangle(grid, exposed, allow_zero) {
            return Some(rectangle);
        }
        if let Some(&first) = tier.first() {
            return Some(vec![first]);
        }
    }
    None
}

/// Whether suppressing `cells` as well would make the cell at `exposed` safe.
fn protects(grid: &mut Grid, exposed: usize, cells: &[usize]) -> bool {
    for &cell in cells {
        grid.status[cell] = Status::Secondary;
    }
    let safe = !grid.is_exposed(exposed);
    for &cell in cells {
        grid.status[cell] = Status::Shown;
    }
    safe
}

/// The shown corners of the cheapest rectangle through `exposed` in the extended grid that would
/// make it safe; see [`choose_secondary`] for what cheapest means.
fn cheapest_rectangle(grid: &mut Grid, exposed: usize, allow_zero: bool) -> Option<Vec<usize>> {
    let (row, column) = grid.row_column(exposed);
    // (new cells, totals among them, their sum, the cells themselves), compared in that order.
    let mut best: Option<(usize, usize, u128, Vec<usize>)> = None;
    for other_row in (0..=grid.rows).filter(|&r| r != row) {
        for other_column in (0..=grid.columns).filter(|&c| c != column) {
            let mut new: Vec<usize> = [
                grid.index(row, other_column),
                grid.index(other_row, column),
                grid.index(other_row, other_column),
            ]
            .into_iter()
            .filter(|&index| grid.status[index] == Status::Shown)
            .collect();
            if new.is_empty() || (!allow_zero && new.iter().any(|&i| grid.values[i] == 0)) {
                continue;
            }
            new.sort_unstable();
            let cost = (
                new.len(),
                new.iter().filter(|&&i| grid.is_total(i)).count(),
                new.iter().map(|&i| u128::from(grid.values[i])).sum(),
                new,
            );
            if best.as_ref().is_some_and(|best| *best <= cost) {
                continue;
            }
            if protects(grid, exposed, &cost.3) {
                best = Some(cost);
            }
        }
    }
    best.map(|(_, _, _, cells)| cells)
}
