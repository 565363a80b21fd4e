//! Which suppressed cells an attacker could work out, exactly.
//!
//! A table with its margins is written as an extended grid of `rows + 1` by `columns + 1` cells:
//! the interior, the row totals in the last column, the column totals in the last row and the
//! grand total in the corner. Giving the interior and the grand total the sign `+` and the other
//! totals the sign `−`, every line of the extended grid sums to 0. So the grid is a bipartite
//! graph, a node for each line, in which every unknown cell is an edge between its row and its
//! column, and the published figures say that the signed unknowns at each node sum to a known
//! number.
//!
//! Totals that are not published are unknowns with no bounds at all (which is the same as their
//! equation not being there). Suppressed cells are unknowns with the bounds an attacker knows: a
//! primary-suppressed cell lies in `1..smallest_shown`, any other suppressed cell is at least 0.
//!
//! Another table consistent with what is published differs from the true one by a circulation on
//! that graph within the bounds. The constraint matrix is a network matrix (totally unimodular),
//! so if any consistent table of integers gives a cell another value, the difference decomposes
//! into simple cycles of the same signs, and one of them moves the cell by exactly one while
//! keeping every cell within its bounds. So a suppressed cell can take a second value if and only
//! if a unit step along some cycle through it is feasible: a reachability question on the
//! residual graph, answered exactly by one breadth-first search per direction.

use crate::Position;
use std::collections::VecDeque;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// A total the table does not publish: an unknown with no bounds.
    Unpublished,
    /// Published as its number.
    Shown,
    /// Published as `c` because it is small: the attacker knows it is in `1..smallest_shown`.
    Primary,
    /// Published as `c` to protect another cell: the attacker knows it is at least 0.
    Secondary,
}

/// The extended grid of a table: values (never published as such) and what is published of each.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    /// Interior rows; the extended grid has one more.
    pub(crate) rows: usize,
    /// Interior columns; the extended grid has one more.
    pub(crate) columns: usize,
    pub(crate) values: Vec<u64>,
    pub(crate) status: Vec<Status>,
    pub(crate) smallest_shown: u64,
}

impl Grid {
    fn width(&self) -> usize {
        self.columns + 1
    }

    pub(crate) fn index(&self, row: usize, column: usize) -> usize {
        row * self.width() + column
    }

    pub(crate) fn row_column(&self, index: usize) -> (usize, usize) {
        (index / self.width(), index % self.width())
    }

    pub(crate) fn position(&self, index: usize) -> Position {
        let (row, column) = self.row_column(index);
        match (row == self.rows, column == self.columns) {
            (false, false) => Position::Cell { row, column },
            (false, true) => Position::RowTotal(row),
            (true, false) => Position::ColumnTotal(column),
            (true, true) => Position::GrandTotal,
        }
    }

    pub(crate) fn is_total(&self, index: usize) -> bool {
        let (row, column) = self.row_column(index);
        row == self.rows || column == self.columns
    }

    /// `+1` for interior cells and the grand total, `-1` for row and column totals.
    fn sign(&self, index: usize) -> i8 {
        let (row, column) = self.row_column(index);
        if (row == self.rows) == (column == self.columns) {
            1
        } else {
            -1
        }
    }

    fn is_unknown(&self, index: usize) -> bool {
        self.status[index] != Status::Shown
    }

    /// Whether the cell's value can move by `step` (±1) and stay within what the attacker knows.
    fn can_move(&self, index: usize, step: i8) -> bool {
        let value = self.values[index];
        match self.status[index] {
            Status::Shown => false,
            Status::Unpublished => true,
            Status::Secondary => step > 0 || value > 0,
            Status::Primary => {
                if step > 0 {
                    value + 1 < self.smallest_shown
                } else {
                    value > 1
                }
            }
        }
    }

    /// Whether some unit step along a cycle through `index` keeps every cell within its bounds:
    /// if not, the cell's value is the only one consistent with what is published.
    pub(crate) fn is_exposed(&self, index: usize) -> bool {
        let (row, column) = self.row_column(index);
        let sign = self.sign(index);
        // Raising the signed value is the arc row → column; the cycle closes with a path from
        // the column back to the row. Lowering it is the reverse.
        let row_node = row;
        let column_node = self.rows + 1 + column;
        let up = self.can_move(index, sign) && self.reaches(column_node, row_node, index);
        let down = self.can_move(index, -sign) && self.reaches(row_node, column_node, index);
        !(up || down)
    }

    /// Breadth-first search on the residual graph without the cell `skip`. Nodes `0..=rows` are
    /// the extended rows, the rest the extended columns.
    fn reaches(&self, from: usize, to: usize, skip: usize) -> bool {
        let row_nodes = self.rows + 1;
        let column_nodes = self.columns + 1;
        let mut seen = vec![false; row_nodes + column_nodes];
        let mut queue = VecDeque::from([from]);
        seen[from] = true;
        while let Some(node) = queue.pop_front() {
            if node == to {
                return true;
            }
            // From a row node an arc to column j raises the signed value of cell (row, j); from a
            // column node an arc to row i lowers the signed value of cell (i, column).
            let arcs: Vec<(usize, usize, i8)> = if node < row_nodes {
                (0..column_nodes)
                    .map(|j| (self.index(node, j), row_nodes + j, 1))
                    .collect()
            } else {
                (0..row_nodes)
                    .map(|i| (self.index(i, node - row_nodes), i, -1))
                    .collect()
            };
            for (index, next, direction) in arcs {
                if index == skip || seen[next] || !self.is_unknown(index) {
                    continue;
                }
                if self.can_move(index, direction * self.sign(index)) {
                    seen[next] = true;
                    queue.push_back(next);
                }
            }
        }
        false
    }

    fn is_suppressed(&self, index: usize) -> bool {
        matches!(self.status[index], Status::Primary | Status::Secondary)
    }

    /// The first suppressed cell, in row-major order over the extended grid, whose value could be
    /// worked out.
    pub(crate) fn first_exposed(&self) -> Option<usize> {
        (0..self.values.len()).find(|&index| self.is_suppressed(index) && self.is_exposed(index))
    }

    /// Every suppressed cell whose value could be worked out.
    #[cfg(test)]
    pub(crate) fn exposed(&self) -> Vec<usize> {
        (0..self.values.len())
            .filter(|&index| self.is_suppressed(index) && self.is_exposed(index))
            .collect()
    }

    /// The indices of the other cells in the same extended row and column as `index`.
    pub(crate) fn in_same_lines(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let (row, column) = self.row_column(index);
        let along_row = (0..=self.columns).map(move |j| self.index(row, j));
        let along_column = (0..=self.rows).map(move |i| self.index(i, column));
        along_row
            .chain(along_column)
            .filter(move |&other| other != index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grid of `rows` × `columns` interior cells with every total published, and the cells
    /// listed in `suppressed` (interior row, column) suppressed, each as primary if small.
    fn grid(cells: &[&[u64]], suppressed: &[(usize, usize)]) -> Grid {
        let (rows, columns) = (cells.len(), cells[0].len());
        let mut values = vec![0; (rows + 1) * (columns + 1)];
        for (i, row) in cells.iter().enumerate() {
            for (j, &n) in row.iter().enumerate() {
                values[i * (columns + 1) + j] = n;
                values[i * (columns + 1) + columns] += n;
                values[rows * (columns + 1) + j] += n;
                values[rows * (columns + 1) + columns] += n;
            }
        }
        let mut grid = Grid {
            rows,
            columns,
            values,
            status: vec![Status::Shown; (rows + 1) * (columns + 1)],
            smallest_shown: 6,
        };
        for &(i, j) in suppressed {
            let index = grid.index(i, j);
            grid.status[index] = if (1..6).contains(&grid.values[index]) {
                Status::Primary
            } else {
                Status::Secondary
            };
        }
        grid
    }

    #[test]
    fn a_lone_c_in_a_row_is_its_total_less_the_rest() {
        let g = grid(&[&[10, 3], &[7, 8]], &[(0, 1)]);
        assert_eq!(g.exposed(), vec![g.index(0, 1)]);
    }

    #[test]
    fn a_rectangle_of_c_is_safe() {
        let g = grid(&[&[10, 3], &[7, 8]], &[(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert_eq!(g.exposed(), vec![]);
    }

    #[test]
    fn two_rectangles_joined_by_a_c_give_the_joining_cell_away() {
        // Every line holds two `c`s or none, but the joining cell is a bridge between the two
        // cycles: rows 0 and 1 less columns 0 and 1 leave it alone.
        let cells: &[&[u64]] = &[
            &[3, 2, 20, 30],
            &[4, 5, 7, 40],
            &[50, 60, 2, 3],
            &[70, 80, 4, 5],
        ];
        let rectangles = [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
        ];
        let mut suppressed = rectangles.to_vec();
        suppressed.push((1, 2));
        let g = grid(cells, &suppressed);
        assert_eq!(g.exposed(), vec![g.index(1, 2)]);
    }

    #[test]
    fn bounds_can_pin_a_cycle() {
        // A rectangle of four 1s in rows whose other cells and totals are shown: each row says
        // its two `c`s add up to 2, so all four are 1.
        let g = grid(
            &[&[1, 1, 20], &[1, 1, 30]],
            &[(0, 0), (0, 1), (1, 0), (1, 1)],
        );
        assert_eq!(g.exposed().len(), 4);
        // With 3 and 1 the rows add up to 4: the cells can move.
        let g = grid(
            &[&[3, 1, 20], &[1, 3, 30]],
            &[(0, 0), (0, 1), (1, 0), (1, 1)],
        );
        assert_eq!(g.exposed(), vec![]);
    }

    #[test]
    fn an_unpublished_total_is_no_equation() {
        let mut g = grid(&[&[10, 3]], &[(0, 1)]);
        let row_total = g.index(0, 2);
        let column_totals = [g.index(1, 0), g.index(1, 1), g.index(1, 2)];
        for index in column_totals {
            g.status[index] = Status::Unpublished;
        }
        assert_eq!(g.exposed(), vec![g.index(0, 1)], "3 = 13 − 10");
        g.status[row_total] = Status::Unpublished;
        assert_eq!(g.exposed(), vec![]);
    }
}
