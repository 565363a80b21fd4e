//! What a load is made of and what the store remembers about it.

use crate::EditOutcome;
use sha2::{Digest, Sha256};
use std::fmt;

/// The kind of source a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReturnKind {
    /// The DfE children in need census (XML).
    CinCensus,
    /// The DfE SSDA903 return on children looked after.
    Ssda903,
    /// A case-management or workforce extract.
    Extract,
    /// A population table (children aged 0 to 17 by year, with its vintage).
    Population,
    /// An Ofsted Annex A workbook (lists 1 to 11).
    AnnexA,
    /// The Family Safeguarding partnership data set (`partnership.csv`: partners' monthly
    /// figures for each family).
    Partnership,
}

impl ReturnKind {
    pub const ALL: [Self; 6] = [
        Self::CinCensus,
        Self::Ssda903,
        Self::Extract,
        Self::Population,
        Self::AnnexA,
        Self::Partnership,
    ];

    /// The name stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CinCensus => "cin_census",
            Self::Ssda903 => "ssda903",
            Self::Extract => "extract",
            Self::Population => "population",
            Self::AnnexA => "annex_a",
            Self::Partnership => "partnership",
        }
    }

    /// Reads a name written by [`ReturnKind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for ReturnKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One file that went into a load, identified by the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name as given (for people; the hash is what identifies the file).
    pub name: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    pub kind: ReturnKind,
    /// The collection year the file is for (the year it ends: 2026 = 2025-26), where known.
    pub collection_year: Option<i16>,
}

impl SourceFile {
    /// Describes a file from its bytes, computing the hash and size.
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        kind: ReturnKind,
        collection_year: Option<i16>,
    ) -> Self {
        Self {
            name: name.to_owned(),
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
            kind,
            collection_year,
        }
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut hex = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// One load: the files read, the dataset built from them, and any practice-assurance records
/// read with them, all stored in one transaction.
#[derive(Debug, Clone, Default)]
pub struct LoadBatch {
    pub files: Vec<SourceFile>,
    pub dataset: model::Dataset,
    /// Who ran the load (a user name or service account).
    pub loaded_by: String,
    /// Assurance records brought by the load (audits, actions, posts, family voice), recorded
    /// as one change in the load's own transaction, at the load's time, as
    /// [`Store::edit_assurance`](crate::Store::edit_assurance) would record them: records
    /// stored already as given get no new version.
    pub assurance: Option<crate::AssuranceEdit>,
}

/// What [`Store::load`](crate::Store::load) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Every file of the batch had been loaded before, and its assurance records (if any) were
    /// all stored as given; nothing changed.
    AlreadyLoaded,
    /// The batch was merged in as load `load_id`.
    Loaded {
        load_id: i64,
        /// Records the batch brought in, per table (every data table, in schema order, then
        /// the partner figures; including zeros).
        rows: Vec<(String, u64)>,
        /// What the load did to the assurance records ([`EditOutcome::Unchanged`] when it
        /// brought none, or none that differ from those stored).
        assurance: EditOutcome,
    },
    /// Every file of the batch had been loaded before, but its assurance records differ from
    /// those stored: they were recorded as change `change_id` (with no new load), with how many
    /// records got a new version, by kind.
    AssuranceOnly {
        change_id: i64,
        records: std::collections::BTreeMap<crate::AssuranceKind, usize>,
    },
}

/// A past load, for lineage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadRecord {
    pub load_id: i64,
    /// RFC 3339 UTC timestamp with microseconds, e.g. `2026-05-07T09:30:00.123456Z`.
    pub loaded_at: String,
    pub loaded_by: String,
    /// The files first loaded by this load (a file already loaded earlier stays with that load).
    pub files: Vec<SourceFile>,
    /// Records the load brought in, per table, as returned by the load.
    pub rows: Vec<(String, u64)>,
}

/// The latest collection year among the files of these loads: the year whose reference date
/// (31 March) is the natural reporting date for what is stored.
pub fn latest_collection_year(loads: &[LoadRecord]) -> Option<model::CollectionYear> {
    loads
        .iter()
        .flat_map(|l| &l.files)
        .filter_map(|f| f.collection_year)
        .max()
        .map(model::CollectionYear)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_kinds_read_back() {
        for k in ReturnKind::ALL {
            assert_eq!(ReturnKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ReturnKind::parse("CIN"), None);
    }

    #[test]
    fn sha256_of_known_input() {
        let f = SourceFile::from_bytes("a.xml", b"abc", ReturnKind::CinCensus, Some(2026));
        assert_eq!(
            f.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(f.size, 3);
    }
}
