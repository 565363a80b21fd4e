//! Ofsted ILACS Annex A: the eleven child-level lists a council sends when an inspection is
//! announced, built from the model, written as a workbook and read back.
//!
//! - [`spec`]: the lists of the template (2026: `Sex`, not `Gender`), their columns in order,
//!   headings and coded values.
//! - [`build`]: who is in each list and what each cell holds, a pure function of a
//!   [`model::Dataset`] and the inspection date. Every window is written out in [`spec::ListSpec::window`]
//!   and in [`build`]'s documentation; cells the model does not hold are left empty and named in the
//!   list's notes.
//! - [`xlsx`]: the lists as a workbook, one sheet per list, headings on the first row, dates as
//!   Excel dates shown dd/mm/yyyy, each empty field's heading carrying a note that says why.
//! - [`read`]: an Annex A workbook read into a [`model::Dataset`], with findings that name sheet,
//!   row, column and rule; never a panic.
//! - [`analysis`]: a ChAT-style analysis of the lists (contacts to referrals, re-referrals,
//!   assessment timeliness, S47 to ICPC, plans by category and duration, placements and stability,
//!   care leavers) as a serialisable struct, and [`analysis::html`] to show it.
//!
//! No I/O but the workbook's own file, no clock.

pub mod analysis;
pub mod build;
pub mod read;
pub mod spec;
pub mod xlsx;

use model::Date;
use serde::Serialize;

pub use analysis::{Analysis, analyse};
pub use build::build;
pub use read::{Finding, read_workbook};

/// One cell of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Cell {
    Empty,
    Text(String),
    Date(Date),
    Count(u32),
    /// A coded value: the internal code (the DfE code where there is one); written as the
    /// template's label (see [`spec::Codes`]).
    Code(&'static str),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
    pub fn date(d: Option<Date>) -> Self {
        d.map_or(Cell::Empty, Cell::Date)
    }
    pub fn code(c: Option<&'static str>) -> Self {
        c.map_or(Cell::Empty, Cell::Code)
    }
    pub fn yes_no(b: bool) -> Self {
        Cell::Code(if b { "Y" } else { "N" })
    }
    pub fn as_date(&self) -> Option<Date> {
        match self {
            Cell::Date(d) => Some(*d),
            _ => None,
        }
    }
    pub fn as_code(&self) -> Option<&'static str> {
        match self {
            Cell::Code(c) => Some(c),
            _ => None,
        }
    }
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }
    pub fn as_count(&self) -> Option<u32> {
        match self {
            Cell::Count(n) => Some(*n),
            _ => None,
        }
    }
}

/// One list: its rows (cells in the order of [`spec::ListSpec::columns`]) and the fields left
/// empty because the model does not hold them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct List {
    pub number: u8,
    pub rows: Vec<Vec<Cell>>,
    /// Headings of the columns left empty, each with why.
    pub empty_fields: Vec<(&'static str, &'static str)>,
    /// A note on the whole list (an empty list the model cannot fill).
    pub note: Option<&'static str>,
}

impl List {
    pub fn spec(&self) -> &'static spec::ListSpec {
        &spec::LISTS[usize::from(self.number) - 1]
    }
    /// The cell of `row` under `heading`.
    pub fn cell(&self, row: usize, heading: &str) -> &Cell {
        match self.spec().index(heading) {
            Some(i) => &self.rows[row][i],
            None => &Cell::Empty,
        }
    }
    /// The child ids of the rows, in order.
    pub fn ids(&self) -> Vec<&str> {
        self.rows
            .iter()
            .map(|r| match &r[0] {
                Cell::Text(t) => t.as_str(),
                _ => "",
            })
            .collect()
    }
}

/// The eleven lists for an inspection date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnexA {
    pub inspection_date: Date,
    pub lists: Vec<List>,
}

impl AnnexA {
    /// List `n` (1 to 11).
    pub fn list(&self, n: u8) -> &List {
        &self.lists[usize::from(n) - 1]
    }
    /// Rows in all lists.
    pub fn rows(&self) -> usize {
        self.lists.iter().map(|l| l.rows.len()).sum()
    }
    /// Children named in any list.
    pub fn children(&self) -> usize {
        let mut ids: Vec<&str> = self.lists[..10].iter().flat_map(|l| l.ids()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}
