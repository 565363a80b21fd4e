//! An attacker, written from first principles and independently of the crate's own audit: every
//! table of whole numbers consistent with what is published, found by exhaustive search.
//!
//! The attacker knows every shown figure, which figures are `c` and why, that each published
//! total is the sum of its row, its column or the whole table, that a primary-suppressed cell is
//! between 1 and `smallest_shown − 1`, and that every other cell is at least 0. For the search
//! to be finite, other suppressed cells are also bounded above by the true grand total plus one:
//! every table the search finds is consistent with what is published, so finding two values
//! for a cell inside the box proves it is protected; and the box cannot hide the protection the
//! crate claims, since a unit step along a cycle (which is what the crate checks for) moves no
//! cell by more than one.

#![allow(dead_code)]

use disclosure::{CountTable, Policy, Position, ProtectedTable, Published, Suppression};
use std::ops::ControlFlow;

/// `Σ coefficient × unknown + constant = 0`.
#[derive(Debug, Clone)]
struct Equation {
    terms: Vec<(i64, usize)>,
    constant: i64,
}

/// What the attacker sees of one table.
#[derive(Debug, Clone)]
pub struct Attack {
    /// The suppressed positions, one unknown each.
    pub unknowns: Vec<Position>,
    /// The bounds of each unknown.
    pub bounds: Vec<(i64, i64)>,
    /// The true value of each unknown (never used to decide anything, only to ask for another).
    pub truth: Vec<i64>,
    equations: Vec<Equation>,
    /// Search nodes visited so far, to keep an eye on the cost.
    pub nodes: u64,
    /// When set, searches stop once `nodes` passes it.
    budget: Option<u64>,
}

/// Why a search stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The visitor had what it wanted.
    Visitor,
    /// The node budget ran out.
    Budget,
}

impl Attack {
    /// The attacker's view of `protected`, which was made from `table` under `policy`.
    pub fn new(table: &CountTable, protected: &ProtectedTable, policy: &Policy) -> Attack {
        let view = protected
            .positions()
            .map(|p| (p, protected.get(p).unwrap(), protected.suppression(p)))
            .collect();
        Attack::of_view(table, view, policy)
    }

    /// The attacker's view of `table` with every published figure suppressed, small ones as
    /// primary, the rest as secondary.
    pub fn everything_suppressed(table: &CountTable, policy: &Policy) -> Attack {
        let view = table
            .positions()
            .map(|p| {
                let why = if policy.is_small(table.get(p).unwrap()) {
                    Suppression::Primary
                } else {
                    Suppression::Secondary
                };
                (p, Published::Suppressed, Some(why))
            })
            .collect();
        Attack::of_view(table, view, policy)
    }

    /// The attacker's view of what is published of `table`: each published position, what is
    /// shown there and, if it is `c`, why.
    pub fn of_view(
        table: &CountTable,
        view: Vec<(Position, Published, Option<Suppression>)>,
        policy: &Policy,
    ) -> Attack {
        let value = |position: Position| table.get(position).unwrap() as i64;
        let box_top = value(Position::GrandTotal) + 1;
        let mut unknowns = Vec::new();
        let mut bounds = Vec::new();
        let mut truth = Vec::new();
        for &(position, _, why) in &view {
            let Some(why) = why else { continue };
            unknowns.push(position);
            bounds.push(match why {
                Suppression::Primary => (1, policy.smallest_shown() as i64 - 1),
                Suppression::Secondary => (0, box_top),
            });
            truth.push(value(position));
        }
        let published = |position: Position| view.iter().find(|v| v.0 == position).map(|v| v.1);
        let term = |position: Position| -> Result<usize, i64> {
            match published(position).unwrap() {
                Published::Count(n) => Err(n as i64),
                Published::Suppressed => Ok(unknowns.iter().position(|&u| u == position).unwrap()),
                other => panic!("a table of counts published {other}"),
            }
        };
        let equation = |parts: Vec<Position>, total: Position| {
            let mut equation = Equation {
                terms: Vec::new(),
                constant: 0,
            };
            let signed = parts
                .into_iter()
                .map(|p| (1, p))
                .chain(std::iter::once((-1, total)));
            for (coefficient, position) in signed {
                match term(position) {
                    Ok(unknown) => equation.terms.push((coefficient, unknown)),
                    Err(known) => equation.constant += coefficient * known,
                }
            }
            equation
        };
        let cell = |row, column| Position::Cell { row, column };
        let (rows, columns) = (table.rows(), table.columns());
        let mut equations = Vec::new();
        for row in 0..rows {
            if published(Position::RowTotal(row)).is_some() {
                let parts = (0..columns).map(|c| cell(row, c)).collect();
                equations.push(equation(parts, Position::RowTotal(row)));
            }
        }
        for column in 0..columns {
            if published(Position::ColumnTotal(column)).is_some() {
                let parts = (0..rows).map(|r| cell(r, column)).collect();
                equations.push(equation(parts, Position::ColumnTotal(column)));
            }
        }
        if published(Position::GrandTotal).is_some() {
            let parts = (0..rows)
                .flat_map(|r| (0..columns).map(move |c| cell(r, c)))
                .collect();
            equations.push(equation(parts, Position::GrandTotal));
        }
        Attack {
            unknowns,
            bounds,
            truth,
            equations,
            nodes: 0,
            budget: None,
        }
    }

    /// Calls `visit` with every consistent assignment of the unknowns, in a fixed order, until
    /// it breaks or the node budget runs out. `bounds` may be narrower than the attacker's, to
    /// ask a narrower question.
    pub fn search(
        &mut self,
        bounds: Vec<(i64, i64)>,
        visit: &mut dyn FnMut(&[i64]) -> ControlFlow<()>,
    ) -> ControlFlow<Stop> {
        self.nodes += 1;
        if self.budget.is_some_and(|budget| self.nodes > budget) {
            return ControlFlow::Break(Stop::Budget);
        }
        let Some(bounds) = self.propagate(bounds) else {
            return ControlFlow::Continue(());
        };
        // Branch on the unknown with the fewest values left; all fixed means a solution.
        let open = (0..bounds.len())
            .filter(|&k| bounds[k].0 < bounds[k].1)
            .min_by_key(|&k| (bounds[k].1 - bounds[k].0, k));
        let Some(k) = open else {
            let solution: Vec<i64> = bounds.iter().map(|b| b.0).collect();
            assert!(
                self.satisfies(&solution),
                "propagation let through {solution:?}"
            );
            return match visit(&solution) {
                ControlFlow::Break(()) => ControlFlow::Break(Stop::Visitor),
                ControlFlow::Continue(()) => ControlFlow::Continue(()),
            };
        };
        // Every value is tried; the order, nearest the true value first, only makes the tables
        // a small change away from the true one turn up early.
        let (lo, hi) = bounds[k];
        let truth = self.truth[k].clamp(lo, hi);
        let mut values: Vec<i64> = (lo..=hi).collect();
        values.sort_by_key(|&v| ((v - truth).abs(), v));
        for v in values {
            let mut narrower = bounds.clone();
            narrower[k] = (v, v);
            self.search(narrower, visit)?;
        }
        ControlFlow::Continue(())
    }

    fn satisfies(&self, solution: &[i64]) -> bool {
        self.equations
            .iter()
            .all(|e| e.constant + e.terms.iter().map(|&(c, k)| c * solution[k]).sum::<i64>() == 0)
            && solution
                .iter()
                .zip(&self.bounds)
                .all(|(v, (lo, hi))| lo <= v && v <= hi)
    }

    /// Narrows the bounds until every equation agrees with them; `None` if one cannot hold.
    fn propagate(&self, mut bounds: Vec<(i64, i64)>) -> Option<Vec<(i64, i64)>> {
        loop {
            let mut changed = false;
            for equation in &self.equations {
                // Range of Σ terms + constant.
                let (mut lo, mut hi) = (equation.constant, equation.constant);
                for &(c, k) in &equation.terms {
                    let (a, b) = (c * bounds[k].0, c * bounds[k].1);
                    lo += a.min(b);
                    hi += a.max(b);
                }
                if lo > 0 || hi < 0 {
                    return None;
                }
                for &(c, k) in &equation.terms {
                    // c·x = −(the rest); the rest ranges over [lo − own_lo, hi − own_hi].
                    let (a, b) = (c * bounds[k].0, c * bounds[k].1);
                    let (own_lo, own_hi) = (a.min(b), a.max(b));
                    let (rest_lo, rest_hi) = (lo - own_lo, hi - own_hi);
                    let (x_lo, x_hi) = if c > 0 {
                        (-rest_hi, -rest_lo)
                    } else {
                        (rest_lo, rest_hi)
                    };
                    let (old_lo, old_hi) = bounds[k];
                    let new = (old_lo.max(x_lo), old_hi.min(x_hi));
                    if new.0 > new.1 {
                        return None;
                    }
                    if new != (old_lo, old_hi) {
                        bounds[k] = new;
                        changed = true;
                    }
                }
            }
            if !changed {
                return Some(bounds);
            }
        }
    }

    /// Whether some consistent table gives unknown `k` a value other than its true one.
    ///
    /// Two questions (a larger value? a smaller one?) are searched side by side with a budget
    /// that grows fourfold each round, so that a quick yes to one is not held up by an
    /// exhaustive no to the other. Only a cell with no second value needs both searched to the
    /// end.
    pub fn has_second_value(&mut self, k: usize) -> bool {
        let truth = self.truth[k];
        let (lo, hi) = self.bounds[k];
        let mut open: Vec<(i64, i64)> = [(truth + 1, hi), (lo, truth - 1)]
            .into_iter()
            .filter(|(a, b)| a <= b)
            .collect();
        let mut budget = 1_000;
        while !open.is_empty() {
            let mut still_open = Vec::new();
            for narrow in open {
                let mut bounds = self.bounds.clone();
                bounds[k] = narrow;
                let start = self.nodes;
                self.budget = Some(start + budget);
                let outcome = self.search(bounds, &mut |_| ControlFlow::Break(()));
                self.budget = None;
                match outcome {
                    ControlFlow::Break(Stop::Visitor) => return true,
                    ControlFlow::Break(Stop::Budget) => still_open.push(narrow),
                    ControlFlow::Continue(()) => {}
                }
            }
            open = still_open;
            budget *= 4;
        }
        false
    }

    /// The suppressed positions whose value every consistent table agrees on.
    pub fn recovered(&mut self) -> Vec<Position> {
        let recovered: Vec<usize> = (0..self.unknowns.len())
            .filter(|&k| !self.has_second_value(k))
            .collect();
        recovered.into_iter().map(|k| self.unknowns[k]).collect()
    }

    /// Whether the true table is among the consistent ones (a check on the attacker itself).
    pub fn admits_truth(&self) -> bool {
        self.satisfies(&self.truth)
    }

    /// Every value each unknown takes across every consistent table, listing them all; stops
    /// early (returning `None`) if there are more than `limit` tables.
    pub fn values_taken(&mut self, limit: u64) -> Option<Vec<std::collections::BTreeSet<i64>>> {
        let mut taken = vec![std::collections::BTreeSet::new(); self.unknowns.len()];
        let mut count = 0u64;
        let flow = self.search(self.bounds.clone(), &mut |solution| {
            count += 1;
            for (set, &v) in taken.iter_mut().zip(solution) {
                set.insert(v);
            }
            if count > limit {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        flow.is_continue().then_some(taken)
    }
}

/// A protected table as text, one line per row: the cells, then `|` and the row total if row
/// totals are published; then a line of column totals and the grand total, if published.
pub fn render(table: &ProtectedTable) -> String {
    let cell = |published: Option<Published>| match published {
        Some(p) => format!("{p:>4}"),
        None => "    ".to_string(),
    };
    let mut lines = Vec::new();
    for row in 0..table.rows() {
        let mut line: Vec<String> = (0..table.columns())
            .map(|column| cell(Some(table.cell(row, column))))
            .collect();
        if let Some(total) = table.row_total(row) {
            line.push(format!("|{}", cell(Some(total))));
        }
        lines.push(line.join(" "));
    }
    let column_totals = (0..table.columns()).any(|c| table.column_total(c).is_some());
    if column_totals || table.grand_total().is_some() {
        let mut line: Vec<String> = (0..table.columns())
            .map(|column| cell(table.column_total(column)))
            .collect();
        if let Some(total) = table.grand_total() {
            line.push(format!("|{}", cell(Some(total))));
        }
        lines.push(line.join(" "));
    }
    lines
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}
