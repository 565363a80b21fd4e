//! The pack as its renderers see it: sections of paragraphs, tables and charts whose every
//! figure is already what the audience may read. A renderer (HTML, XLSX, PDF) only lays out
//! what is here, so it cannot show a count that disclosure control withheld.

use disclosure::{Published, PublishedValue};

/// The whole pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub title: String,
    /// `2025-26-Q3`.
    pub period: String,
    /// "1 October 2025 to 31 December 2025".
    pub period_dates: String,
    /// `internal` or `scrutiny`.
    pub audience: &'static str,
    /// What the audience means for the figures, in a sentence.
    pub audience_note: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// For anchors and sheet names: lower case, `-` between words.
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    Table(Table),
    Chart(Chart),
}

/// A table with a header row. Its `id` names its XLSX sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub note: Option<String>,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count of children (or of their records) as published: a number or a DfE symbol.
    Count(Published),
    /// A rate, percentage or mean as published, shown with `decimals` places and `suffix`.
    Value {
        value: PublishedValue,
        decimals: usize,
        suffix: &'static str,
    },
    /// Money in whole pounds, or withheld (`None` shows `c`).
    Pounds(Option<i64>),
    /// A number that is not about children (a target, England's figure).
    Number {
        value: f64,
        decimals: usize,
        suffix: &'static str,
    },
    Empty,
}

impl Cell {
    /// The cell as text, as every renderer shows it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(p) => p.to_string(),
            Cell::Value {
                value,
                decimals,
                suffix,
            } => match value.value() {
                Some(_) => format!("{value:.decimals$}{suffix}"),
                None => value.to_string(),
            },
            Cell::Pounds(Some(p)) if *p < 0 => format!("-£{}", thousands(-*p)),
            Cell::Pounds(Some(p)) => format!("£{}", thousands(*p)),
            Cell::Pounds(None) => "c".to_string(),
            Cell::Number {
                value,
                decimals,
                suffix,
            } => format!("{value:.decimals$}{suffix}"),
            Cell::Empty => String::new(),
        }
    }

    /// The number behind the cell, for a spreadsheet, when one is shown.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Count(p) => p.count().map(|n| n as f64),
            Cell::Value { value, .. } => value.value(),
            Cell::Pounds(p) => p.map(|p| p as f64),
            Cell::Number { value, .. } => Some(*value),
            Cell::Text(_) | Cell::Empty => None,
        }
    }

    /// Whether the cell is right-aligned (a figure).
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Empty)
    }
}

/// A chart and the table of its numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    pub spec: report::svg::ChartSpec,
    pub table: Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Line,
    Bar,
}

impl Chart {
    /// The chart as SVG.
    pub fn svg(&self) -> String {
        match self.kind {
            ChartKind::Line => report::svg::line_chart(&self.spec),
            ChartKind::Bar => report::svg::bar_chart(&self.spec),
        }
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_print_as_published() {
        assert_eq!(Cell::Count(Published::Suppressed).text(), "c");
        assert_eq!(Cell::Count(Published::Count(12)).text(), "12");
        assert_eq!(Cell::Pounds(Some(1_234_567)).text(), "£1,234,567");
        assert_eq!(Cell::Pounds(Some(-500)).text(), "-£500");
        assert_eq!(Cell::Pounds(None).text(), "c");
        assert_eq!(
            Cell::Value {
                value: PublishedValue::Value(33.333),
                decimals: 1,
                suffix: "%"
            }
            .text(),
            "33.3%"
        );
        assert_eq!(
            Cell::Value {
                value: PublishedValue::Suppressed,
                decimals: 1,
                suffix: "%"
            }
            .text(),
            "c"
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
