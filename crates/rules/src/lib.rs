//! The DfE validation rules, run over returns as written.
//!
//! Each rule is one file with its code, the DfE message verbatim, a doc comment that explains it
//! (what it checks, why, the DfE wording) and a fixture beside it with failing and passing
//! children. One table per return lists every rule ([`cin::RULES`]); a test fails when a rule
//! lacks its docs or fixture, or when a rule file is missing from the table.
//!
//! Rules see the values as written (through [`formats::cin::raw`]), not the normalised model,
//! because the model leaves a bad code or date empty and a rule must report it. Findings are
//! data: [`Finding`] names the rule, the child, the table and 0-based row the DfE validators use,
//! the field, the place in the file and the offending value.

pub mod cin;

use std::fmt;

/// Whether a finding stops the return (an error) or asks for a check or an explanation (a query,
/// code ending in Q).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Query,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Query => "query",
        })
    }
}

/// One place where a rule fails.
///
/// `table` and `row` follow the DfE validators' flattened tables (see `formats::cin::raw`): the
/// table name (`ChildIdentifiers`, `CINdetails`, …, or `Header`) and the 0-based row in it.
/// Return-level findings (a share of the whole return, a count over it) have no child, table or
/// row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Finding {
    pub rule_code: &'static str,
    pub child_id: String,
    pub table: &'static str,
    pub field: &'static str,
    pub row: Option<usize>,
    /// 1-based line and byte column of the offending element, or of its block when the element
    /// is missing.
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// The value as written, or empty when missing.
    pub value: String,
}
