//! Running one year's rules over a census, one child at a time.

use super::common::{Ctx, date};
use super::{Check, ReturnCheck, Rule, YEARS, rules_for};
use crate::Finding;
use formats::FormatError;
use formats::cin::raw::{RawChild, RawHeader, RawReader};
use std::io::BufRead;

/// Runs the rules of one collection year. Feed it the header, then each child in file order,
/// then call [`Validator::finish`].
pub struct Validator {
    ctx: Ctx,
    header_rules: Vec<&'static Rule>,
    child_rules: Vec<&'static Rule>,
    return_rules: Vec<Box<dyn ReturnCheck>>,
    findings: Vec<Finding>,
    children: usize,
}

impl Validator {
    /// The rules of `year` (all of them, or only those `keep` accepts).
    pub fn new(year: i16, keep: impl Fn(&Rule) -> bool) -> Self {
        let mut header_rules = Vec::new();
        let mut child_rules = Vec::new();
        let mut return_rules = Vec::new();
        for rule in rules_for(year).filter(|r| keep(r)) {
            match rule.check {
                Check::Header(_) => header_rules.push(rule),
                Check::Child(_) => child_rules.push(rule),
                Check::Return(make) => return_rules.push(make()),
            }
        }
        Self {
            ctx: Ctx::new(year),
            header_rules,
            child_rules,
            return_rules,
            findings: Vec::new(),
            children: 0,
        }
    }

    pub fn header(&mut self, header: Option<&RawHeader>) {
        for rule in &self.header_rules {
            if let Check::Header(check) = rule.check {
                check(&self.ctx, header, &mut self.findings);
            }
        }
    }

    pub fn child(&mut self, child: &RawChild) {
        self.children += 1;
        for rule in &self.child_rules {
            if let Check::Child(check) = rule.check {
                check(&self.ctx, child, &mut self.findings);
            }
        }
        for rule in &mut self.return_rules {
            rule.child(&self.ctx, child, &mut self.findings);
        }
    }

    /// The findings, return-level ones last, each place in file order.
    pub fn finish(mut self) -> Census {
        let mut at_end = Vec::new();
        for rule in &mut self.return_rules {
            rule.finish(&self.ctx, &mut at_end);
        }
        self.findings
            .sort_by(|a, b| (a.line, a.column, a.rule_code).cmp(&(b.line, b.column, b.rule_code)));
        self.findings.extend(at_end);
        Census {
            year: self.ctx.year,
            children: self.children,
            findings: self.findings,
        }
    }
}

/// What validating a census found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Census {
    /// The collection year whose rules ran.
    pub year: i16,
    pub children: usize,
    pub findings: Vec<Finding>,
}

/// The collection year cannot be told, or has no rule set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YearError {
    #[error(
        "the census header has no readable ReferenceDate or Year to tell the collection year; give it with --year"
    )]
    Unknown,
    #[error(
        "there is no CIN rule set for the collection year ending in {0} (there are: 2024, 2025, 2026)"
    )]
    Unsupported(i16),
}

/// Why a census could not be validated.
#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    #[error(transparent)]
    Format(#[from] FormatError),
    #[error(transparent)]
    Year(#[from] YearError),
}

/// The collection year a header names: the year of its `ReferenceDate`, else its `Year`.
pub fn year_of(header: Option<&RawHeader>) -> Option<i16> {
    let header = header?;
    if let Some(d) = date(header.reference_date.as_ref()) {
        return Some(d.year());
    }
    header.year.as_ref()?.text.parse().ok()
}

/// Validates a census with the rules of `year`, or of the year its header names.
pub fn validate_census<R: BufRead>(
    mut reader: RawReader<R>,
    year: Option<i16>,
    keep: impl Fn(&Rule) -> bool,
) -> Result<Census, ValidateError> {
    let year = match year {
        Some(y) => y,
        None => year_of(reader.header()).ok_or(YearError::Unknown)?,
    };
    if !YEARS.contains(&year) {
        return Err(YearError::Unsupported(year).into());
    }
    let mut validator = Validator::new(year, keep);
    validator.header(reader.header());
    for child in &mut reader {
        validator.child(&child?);
    }
    Ok(validator.finish())
}
