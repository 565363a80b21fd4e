//! The Children in Need census XML: a streaming reader into the child-journey model and a writer
//! of the 2025-26 census.
//!
//! The reader accepts the census of any year from 2022-23 on (the legacy `GenderCurrent` element
//! is read as `Sex`) and is lenient about element order, as real extracts are. It stops with a
//! [`FormatError`] only when the file cannot be read at all: not UTF-8, not well-formed XML, or a
//! root element other than `Message`. Everything else becomes a [`Problem`](crate::Problem),
//! located by line, column and element path, and reading goes on:
//!
//! - a value that is not a date, a 0/1 flag, a number or a code of its DfE code set is left empty;
//! - a required value that is missing or empty is reported; a record whose key is unreadable (a
//!   child without `LAchildID`, a referral without `CINreferralDate`, an assessment, plan or
//!   enquiry without its start date) is left out, and the problem says so;
//! - a second `<Child>` with the `LAchildID` of an earlier one is reported and left out (a child is
//!   in the census once), and a value longer than 255 characters (no value of the census comes
//!   close) is reported without being quoted, and left out;
//! - an element the census does not have, or one in the wrong place, is reported and skipped with
//!   everything inside it.
//!
//! The 2026-27 `CINdetails/PreProceedingsandFGDM` block is read into the referral's
//! [`model::PreProceedings`] (dates, 0/1 flags and a count checked as above; `PPOutcome` kept as
//! written, as no code list is published yet); a second block in one `CINdetails` is reported
//! and skipped.
//!
//! Values are trimmed of surrounding whitespace. Columns count bytes from the start of the line,
//! so they match the characters an editor shows for ASCII files.
//!
//! The writer produces the 2025-26 census exactly in the element order of `CIN_schema_2026.xsd`,
//! with a referral's `PreProceedingsandFGDM` block (2026-27) last in its `CINdetails` when the
//! model holds one.

use crate::{FormatError, Read};
use std::io::BufRead;
use std::path::Path;

pub mod raw;
mod read;
mod source;
mod tags;
mod write;

pub(crate) use read::describe_xml_error;

/// The census `Header`: the collection year and the `Source` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CinHeader {
    /// `CollectionDetails/Year`: the collection year, named by the year it ends.
    pub year: model::CollectionYear,
    /// `Source/LEA`: the local authority's three-digit code.
    pub lea: String,
    /// `Source/SoftwareCode`.
    pub software_code: String,
    /// `Source/Release`.
    pub release: String,
    /// `Source/SerialNo`.
    pub serial_no: String,
    /// `Source/DateTime`, as written (`xs:dateTime`, e.g. `2026-05-01T09:30:00`).
    pub date_time: String,
}

/// A CIN census file as read: its header and its children, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CinCensus {
    /// `None` when the file has no `Header` or its collection year cannot be read (a problem says
    /// which).
    pub header: Option<CinHeader>,
    pub children: Vec<model::Child>,
}

/// Reads a CIN census file. See the module documentation for what is a problem and what is an
/// error.
pub fn read_census(path: &Path) -> Result<Read<CinCensus>, FormatError> {
    let file = std::fs::File::open(path).map_err(|source| FormatError::Io {
        file: path.to_owned(),
        source,
    })?;
    read_census_from(std::io::BufReader::with_capacity(1 << 16, file), path)
}

/// Reads a CIN census from `reader`; `file` names it in locations and errors.
pub fn read_census_from<R: BufRead>(
    reader: R,
    file: &Path,
) -> Result<Read<CinCensus>, FormatError> {
    read::read(reader, file)
}

/// Writes a 2025-26 CIN census: UTF-8, two-space indentation, elements in schema order, optional
/// elements left out when the model has no value. The same input always gives the same bytes.
///
/// Values the schema requires but the model lacks (`Sex`, `Ethnicity`, `ReferralSource`, the
/// categories of abuse, `NumberOfPreviousCPP`) are left out rather than invented, as is a
/// `Reviews` block with no review dates; such a file will not pass schema validation.
pub fn write_census<W: std::io::Write>(
    w: W,
    header: &CinHeader,
    children: &[model::Child],
) -> std::io::Result<()> {
    write::write(w, header, children)
}
