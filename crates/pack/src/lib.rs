//! The scrutiny pack's own data, beside the indicators: what the council plans, what the panel
//! asked for and what the money does.
//!
//! - [`plan`]: the improvement plan (workstreams, quarterly milestones, status with RAG, owner,
//!   evidence, dated updates). The seed's Aiming Higher roadmap for 2025/26 and 2026/27 ships as
//!   the demo plan ([`demo`]).
//! - [`recommendations`]: the scrutiny panel's recommendations and what became of them.
//! - [`savings`]: savings targets per directorate against delivery, quarter by quarter.
//! - [`practice`]: the audit programme, family voice and the workforce, from the stored
//!   practice-assurance records.
//! - [`placements`]: placement spend from the SSDA903 episodes priced by a weekly cost table,
//!   and the Right Child, Right Home view (placement mix, residential against fostering, cost).
//!
//! Every input is a CSV file a council edits; each is read whole and checked, and a problem is a
//! [`PackError`] naming the file, line, column, field and rule. Nothing here does I/O beyond
//! reading the file it is given, or knows about storage or HTTP.

pub mod build;
pub mod demo;
pub mod html;
pub mod placements;
pub mod plan;
pub mod practice;
pub mod quarter;
pub mod recommendations;
pub mod savings;
mod table;
pub mod tracker;
pub mod view;
pub mod xlsx;

pub use quarter::Quarter;

use std::path::Path;

/// A pack input that could not be read. Never holds child-level data: the pack's own files are
/// about plans, recommendations and money.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: line {line}: {rule}")]
    Row {
        file: String,
        line: u64,
        rule: String,
    },
    #[error("{file}: line {line}, column {column} (`{field}`): {rule}")]
    Field {
        file: String,
        line: u64,
        column: usize,
        field: String,
        rule: String,
    },
}

impl PackError {
    pub(crate) fn at(
        file: &str,
        line: u64,
        column: usize,
        field: &str,
        rule: impl Into<String>,
    ) -> PackError {
        PackError::Field {
            file: file.to_string(),
            line,
            column,
            field: field.to_string(),
            rule: rule.into(),
        }
    }
}

/// Reads a whole file as UTF-8 text, for the `read` functions that take text.
pub fn read_text(path: &Path) -> Result<String, PackError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PackError::Io {
        file: file.clone(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| PackError::Row {
        file,
        line: 0,
        rule: format!(
            "the file is not UTF-8 text (byte {} is not); save it as CSV UTF-8",
            e.utf8_error().valid_up_to() + 1
        ),
    })
}
