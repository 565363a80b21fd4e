//! A postcode directory as a council downloads it from the ONS (the ONS Postcode Directory,
//! ONSPD, or the National Statistics Postcode Lookup, NSPL, or a cut of either), for the SSDA903
//! fields the DfE derives from the postcodes: `PL_LA` (the placement's local authority),
//! `PL_LOCATION` (in or out of the council's area) and `PL_DISTANCE` (miles from home), and for
//! the rules that ask whether a postcode exists (392c) or where a provider is (229, 241).
//!
//! Columns are recognised by their header names, compared ignoring case; their order does not
//! matter and every other column is passed over (the full ONSPD has some fifty):
//!
//! | what | header names accepted | needed |
//! |---|---|---|
//! | postcode | `pcd`, `pcd7`, `pcd8`, `pcds`, `pcd2` | yes |
//! | grid reference (metres) | `oseast1m` and `osnrth1m`, or `east1m` and `north1m` | yes |
//! | lower-tier local authority | `oslaua`, `laua`, `ladNNcd` (e.g. `lad25cd`) | yes |
//! | county | `oscty`, `cty`, `ctyNNcd` | no |
//! | upper-tier local authority | `utlaNNcd` (e.g. `utla21cd`) | no |
//!
//! A postcode's upper-tier authority (the one `PL_LA` names, the council responsible for
//! children's services) is the `utla` column when there is one and it has a value; otherwise the
//! county when it is a real county (`E10…`; the ONS writes `E99999999` where there is none);
//! otherwise the lower tier, which is then a unitary authority, London borough or metropolitan
//! district. Postcodes are compared upper-case without spaces. A row with no postcode is passed
//! over; a grid reference left blank (the ONS does so for a few postcodes) leaves the postcode
//! without a distance. A grid reference that is not a whole number, a postcode longer than seven
//! characters or holding other than letters and digits, or a row without a local authority, is an
//! error naming the file, line, column and field.
//!
//! The file is read as a stream and only those columns kept, packed: 24 bytes a postcode, some 65
//! MB for the 2.7 million of the full ONSPD; reading a file of that shape (2.0 GB) peaks at 97 MB
//! and takes 6 s (BENCHMARKS.md).

use crate::FormatError;
use crate::ssda903::Table;
use crate::ssda903::raw::RawReturn;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A postcode of the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    /// Easting and northing in metres on the Ordnance Survey national grid, when the directory
    /// gives them.
    pub grid: Option<(i32, i32)>,
    /// The ONS code of the lower-tier local authority (`E07000208`, `W06000015`...).
    pub lower_tier: &'a str,
    /// The ONS code of the upper-tier local authority (`E10000030`, `E09000027`...).
    pub upper_tier: &'a str,
}

impl Place<'_> {
    /// The placement's local authority as the SSDA903 `PL_LA` gives it: the upper-tier authority's
    /// ONS code in England, `WAL`, `SCO` or `NIR` for a postcode in Wales, Scotland or Northern
    /// Ireland.
    pub fn pl_la(&self) -> &str {
        match self.lower_tier.as_bytes().first() {
            Some(b'W') => "WAL",
            Some(b'S') => "SCO",
            Some(b'N') => "NIR",
            _ => self.upper_tier,
        }
    }
}

/// A postcode directory: postcode to grid reference and local authorities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostcodeDirectory {
    /// Sorted by postcode, one entry a postcode (the first row of a postcode written twice).
    entries: Vec<Entry>,
    /// The authority codes, each once; entries point into it.
    codes: Vec<Box<str>>,
    /// The file read.
    pub file: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    /// The postcode, upper-case without spaces, as ASCII bytes padded with zeros.
    postcode: u64,
    easting: i32,
    northing: i32,
    lower: u32,
    upper: u32,
}

/// No grid reference.
const NO_GRID: i32 = i32::MIN;

/// A postcode as compared: upper-case, without spaces.
pub fn normalise(postcode: &str) -> String {
    postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A normalised postcode packed in a `u64`, when it is one to seven letters and digits.
fn pack(postcode: &str) -> Option<u64> {
    let mut bytes = [0u8; 8];
    let mut n = 0;
    for b in postcode.bytes().filter(|b| !b.is_ascii_whitespace()) {
        if n == 7 || !b.is_ascii_alphanumeric() {
            return None;
        }
        bytes[n] = b.to_ascii_uppercase();
        n += 1;
    }
    (n > 0).then(|| u64::from_be_bytes(bytes))
}

/// Miles between two grid references as the DfE guidance for the SSDA903 computes `PL_DISTANCE`:
/// the straight line in metres, divided by 1000 and by 1.6093, to one decimal place.
pub fn miles_between(a: (i32, i32), b: (i32, i32)) -> f64 {
    let dx = f64::from(a.0) - f64::from(b.0);
    let dy = f64::from(a.1) - f64::from(b.1);
    let miles = (dx * dx + dy * dy).sqrt() / 1000.0 / 1.6093;
    (miles * 10.0).round() / 10.0
}

/// Which column holds what, by position in the header row.
struct Columns {
    postcode: usize,
    easting: usize,
    northing: usize,
    lower: usize,
    county: Option<usize>,
    upper: Option<usize>,
}

/// Whether `name` (lower case) is `prefix` then two digits then `suffix` (`lad25cd`).
fn numbered(name: &str, prefix: &str, suffix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .is_some_and(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
}

impl Columns {
    fn find(header: &csv::StringRecord, file: &Path, line: u64) -> Result<Self, FormatError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        let find = |accept: &dyn Fn(&str) -> bool| names.iter().position(|n| accept(n));
        let postcode = find(&|n| matches!(n, "pcd" | "pcd7" | "pcd8" | "pcds" | "pcd2"));
        let easting = find(&|n| matches!(n, "oseast1m" | "east1m"));
        let northing = find(&|n| matches!(n, "osnrth1m" | "north1m"));
        let lower = find(&|n| matches!(n, "oslaua" | "laua") || numbered(n, "lad", "cd"));
        let county = find(&|n| matches!(n, "oscty" | "cty") || numbered(n, "cty", "cd"));
        let upper = find(&|n| numbered(n, "utla", "cd"));
        let mut missing = Vec::new();
        for (at, name) in [
            (postcode, "postcode (pcd, pcd7, pcd8, pcds or pcd2)"),
            (easting, "easting (oseast1m or east1m)"),
            (northing, "northing (osnrth1m or north1m)"),
            (lower, "local authority (oslaua, laua or ladNNcd)"),
        ] {
            if at.is_none() {
                missing.push(name.to_owned());
            }
        }
        match (postcode, easting, northing, lower) {
            (Some(postcode), Some(easting), Some(northing), Some(lower)) => Ok(Columns {
                postcode,
                easting,
                northing,
                lower,
                county,
                upper,
            }),
            _ => Err(FormatError::MissingColumns {
                file: file.to_owned(),
                table: "postcode directory".to_owned(),
                line,
                columns: missing,
            }),
        }
    }
}

impl PostcodeDirectory {
    /// Reads a postcode directory CSV, streaming.
    pub fn read(path: &Path) -> Result<Self, FormatError> {
        let file = std::fs::File::open(path).map_err(|source| FormatError::Io {
            file: path.to_owned(),
            source,
        })?;
        Self::from_reader(path, std::io::BufReader::with_capacity(1 << 16, file))
    }

    /// Reads a postcode directory from `reader`; `path` names it in errors.
    pub fn from_reader(path: &Path, reader: impl Read) -> Result<Self, FormatError> {
        let csv_error = |line: u64, e: csv::Error| match e.into_kind() {
            csv::ErrorKind::Io(source) => FormatError::Io {
                file: path.to_owned(),
                source,
            },
            kind => FormatError::Csv {
                file: path.to_owned(),
                line,
                message: format!("not a CSV row: {kind:?}"),
            },
        };
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(reader);
        let mut record = csv::StringRecord::new();
        if !csv.read_record(&mut record).map_err(|e| csv_error(1, e))? {
            return Err(FormatError::Csv {
                file: path.to_owned(),
                line: 1,
                message: "the postcode directory is empty: it needs a header row".to_owned(),
            });
        }
        let columns = Columns::find(&record, path, 1)?;
        let mut dir = PostcodeDirectory {
            file: path.to_owned(),
            ..Self::default()
        };
        let mut code_index: std::collections::HashMap<Box<str>, u32> =
            std::collections::HashMap::new();
        let mut intern = |code: &str, codes: &mut Vec<Box<str>>| -> u32 {
            if let Some(&i) = code_index.get(code) {
                return i;
            }
            let i = codes.len() as u32;
            codes.push(code.into());
            code_index.insert(code.into(), i);
            i
        };
        let mut header = record.clone();
        header.trim();
        loop {
            let line = csv.position().line();
            match csv.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(line, e)),
            }
            let line = record.position().map_or(line, csv::Position::line);
            let cell = |at: usize| record.get(at).map_or("", str::trim);
            let bad = |at: usize, what: &str| FormatError::Csv {
                file: path.to_owned(),
                line,
                message: format!(
                    "column {} ({}): {:?} {what}",
                    at + 1,
                    header.get(at).unwrap_or(""),
                    cell(at)
                ),
            };
            let written = cell(columns.postcode);
            if written.is_empty() {
                continue;
            }
            let postcode = pack(written).ok_or_else(|| {
                bad(
                    columns.postcode,
                    "is not a postcode (one to seven letters and digits, spaces aside)",
                )
            })?;
            let grid = |at: usize| -> Result<Option<i32>, FormatError> {
                let v = cell(at);
                if v.is_empty() {
                    return Ok(None);
                }
                v.parse::<i32>()
                    .ok()
                    .filter(|n| *n > NO_GRID)
                    .map(Some)
                    .ok_or_else(|| bad(at, "is not a grid reference in whole metres"))
            };
            let (easting, northing) = match (grid(columns.easting)?, grid(columns.northing)?) {
                (Some(e), Some(n)) => (e, n),
                _ => (NO_GRID, NO_GRID),
            };
            let lower_code = cell(columns.lower);
            if lower_code.is_empty() {
                return Err(bad(
                    columns.lower,
                    "is blank: the postcode has no local authority",
                ));
            }
            let county = columns.county.map(cell).unwrap_or_default();
            let upper_code = match columns.upper.map(cell) {
                Some(u) if !u.is_empty() => u,
                _ if county.starts_with("E10") => county,
                _ => lower_code,
            };
            let lower = intern(lower_code, &mut dir.codes);
            let upper = intern(upper_code, &mut dir.codes);
            dir.entries.push(Entry {
                postcode,
                easting,
                northing,
                lower,
                upper,
            });
        }
        // A stable sort keeps the first row of a postcode written twice first.
        dir.entries.sort_by_key(|e| e.postcode);
        dir.entries.dedup_by_key(|e| e.postcode);
        dir.entries.shrink_to_fit();
        Ok(dir)
    }

    /// Reads a directory held in memory; `path` names it in errors.
    pub fn from_text(path: &Path, text: &str) -> Result<Self, FormatError> {
        Self::from_reader(path, text.as_bytes())
    }

    /// The postcode, compared upper-case without spaces, when the directory has it.
    pub fn get(&self, postcode: &str) -> Option<Place<'_>> {
        let key = pack(postcode)?;
        let at = self
            .entries
            .binary_search_by_key(&key, |e| e.postcode)
            .ok()?;
        let e = &self.entries[at];
        Some(Place {
            grid: (e.easting != NO_GRID).then_some((e.easting, e.northing)),
            lower_tier: &self.codes[e.lower as usize],
            upper_tier: &self.codes[e.upper as usize],
        })
    }

    /// Miles between two postcodes ([`miles_between`]), when both are in the directory with
    /// grid references.
    pub fn miles(&self, from: &str, to: &str) -> Option<f64> {
        Some(miles_between(self.get(from)?.grid?, self.get(to)?.grid?))
    }

    /// The number of postcodes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Fills in the Episodes fields the DfE derives from the postcodes, those the return's Episodes
/// table does not carry (a council's file that carries one is used as is), as the DfE guidance
/// for the SSDA903 says:
///
/// - `PL_LA`: the placement's local authority, [`Place::pl_la`] of `PL_POST`; blank when the
///   postcode is blank or not in the directory;
/// - `PL_LOCATION`: `IN` when `PL_LA` is the council's own (`la`, its ONS code), `OUT` when it is
///   another; blank when `PL_LA` is; not filled in without `la`;
/// - `PL_DISTANCE`: [`PostcodeDirectory::miles`] from `HOME_POST` to `PL_POST`, one decimal;
///   blank unless both postcodes are in the directory with grid references.
///
/// Returns the columns filled in.
pub fn derive_placement_fields(
    ret: &mut RawReturn,
    dir: &PostcodeDirectory,
    la: Option<&str>,
) -> Vec<&'static str> {
    let e = Table::Episodes;
    let Some(table) = ret.table(e) else {
        return Vec::new();
    };
    let lacks = |c: &str| !table.has_column(c);
    let (pl_la, pl_location, pl_distance) = (
        lacks("PL_LA"),
        lacks("PL_LOCATION") && la.is_some(),
        lacks("PL_DISTANCE"),
    );
    let mut filled = Vec::new();
    if pl_la {
        ret.fill_optional(e, "PL_LA", |row| {
            dir.get(row.get(e, "PL_POST"))
                .map_or_else(String::new, |p| p.pl_la().to_owned())
        });
        filled.push("PL_LA");
    }
    if let Some(la) = la.filter(|_| pl_location) {
        ret.fill_optional(e, "PL_LOCATION", |row| {
            match row.get(e, "PL_LA") {
                "" => "",
                l if l.eq_ignore_ascii_case(la) => "IN",
                _ => "OUT",
            }
            .to_owned()
        });
        filled.push("PL_LOCATION");
    }
    if pl_distance {
        ret.fill_optional(e, "PL_DISTANCE", |row| {
            dir.miles(row.get(e, "HOME_POST"), row.get(e, "PL_POST"))
                .map_or_else(String::new, |m| format!("{m:.1}"))
        });
        filled.push("PL_DISTANCE");
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ONSPD: &str = "\u{feff}pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,oseast1m,osnrth1m\n\
        \"TW9 1AA\",\"TW9  1AA\",\"TW9 1AA\",198001,,E99999999,E99999999,E09000027,E05013785,0,518100,175300\n\
        \"GU1 1AA\",\"GU1  1AA\",\"GU1 1AA\",198001,,E10000030,E58001555,E07000209,E05007442,1,499500,149800\n\
        \"CF101AA\",\"CF10 1AA\",\"CF10 1AA\",198001,,W99999999,W99999999,W06000015,W05001026,0,318300,176200\n\
        \"EH1 1AA\",\"EH1  1AA\",\"EH1 1AA\",198001,,S99999999,S99999999,S12000036,S13002673,0,,\n\
        \"TW9 1AA\",\"TW9  1AA\",\"TW9 1AA\",198001,,E99999999,E99999999,E09000099,E05013785,0,1,1\n\
        ,,,,,,,,,,,\n";

    fn onspd() -> PostcodeDirectory {
        PostcodeDirectory::from_text(Path::new("onspd.csv"), ONSPD).unwrap()
    }

    #[test]
    fn the_onspd_layout_gives_grid_references_and_authorities() {
        let dir = onspd();
        assert_eq!(dir.len(), 4);
        let tw9 = dir.get("tw9 1aa").unwrap();
        assert_eq!(tw9.grid, Some((518100, 175300)));
        assert_eq!((tw9.lower_tier, tw9.upper_tier), ("E09000027", "E09000027"));
        assert_eq!(tw9.pl_la(), "E09000027");
        // A district of a county: the county is the upper tier.
        let gu1 = dir.get("GU11AA").unwrap();
        assert_eq!((gu1.lower_tier, gu1.upper_tier), ("E07000209", "E10000030"));
        assert_eq!(gu1.pl_la(), "E10000030");
        assert_eq!(dir.get("CF10 1AA").unwrap().pl_la(), "WAL");
        let eh1 = dir.get("EH1 1AA").unwrap();
        assert_eq!((eh1.pl_la(), eh1.grid), ("SCO", None));
        assert!(dir.get("TW9 9ZZ").is_none());
        assert!(dir.get("not a postcode").is_none());
    }

    #[test]
    fn the_nspl_layout_with_an_explicit_upper_tier_is_read() {
        let text = "PCDS,LAD25CD,CTY25CD,UTLA21CD,EAST1M,NORTH1M\n\
                    GU1 1AA,E07000209,E10000030,E10000099,499500,149800\n\
                    SO14 7DU,E06000045,E99999999,,442600,111600\n";
        let dir = PostcodeDirectory::from_text(Path::new("nspl.csv"), text).unwrap();
        assert_eq!(dir.get("GU1 1AA").unwrap().upper_tier, "E10000099");
        assert_eq!(dir.get("so147du").unwrap().upper_tier, "E06000045");
    }

    /// A pair of grid references worked by hand: 3 km east and 4 km north is 5 km, which is
    /// 5 / 1.6093 = 3.1069 miles, 3.1 to one decimal.
    #[test]
    fn distances_are_straight_line_miles_to_one_decimal() {
        assert_eq!(miles_between((518100, 175300), (521100, 179300)), 3.1);
        assert_eq!(miles_between((518100, 175300), (518100, 175300)), 0.0);
        // Richmond TW9 1AA to Guildford GU1 1AA: dx 18,600 m, dy 25,500 m, 31,563 m, 19.6 miles.
        let dir = onspd();
        assert_eq!(dir.miles("TW9 1AA", "GU1 1AA"), Some(19.6));
        assert_eq!(dir.miles("TW9 1AA", "EH1 1AA"), None);
        assert_eq!(dir.miles("TW9 1AA", "XX1 1XX"), None);
    }

    #[test]
    fn errors_name_the_file_line_column_and_field() {
        let err = PostcodeDirectory::from_text(Path::new("pc.csv"), "pcd,laua,x\nTW9 1AA,E1,2\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("pc.csv: line 1:")
                && err.contains("easting")
                && err.contains("northing"),
            "{err}"
        );
        let err = PostcodeDirectory::from_text(
            Path::new("pc.csv"),
            "pcd,oslaua,oseast1m,osnrth1m\nTW9 1AA,E09000027,518100,175300\nTW9 1AB,E09000027,51810O,175300\n",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "pc.csv: line 3: column 3 (oseast1m): \"51810O\" is not a grid reference in whole metres"
        );
        let err = PostcodeDirectory::from_text(
            Path::new("pc.csv"),
            "pcd,oslaua,oseast1m,osnrth1m\nTW9-1AA,E09000027,1,2\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2: column 1 (pcd)"), "{err}");
        let err = PostcodeDirectory::from_text(
            Path::new("pc.csv"),
            "pcd,oslaua,oseast1m,osnrth1m\nTW9 1AA,,1,2\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2: column 2 (oslaua)"), "{err}");
    }

    #[test]
    fn the_placement_fields_are_derived_where_the_file_lacks_them() {
        let dir = onspd();
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
            1,01/04/2025,S,C2,N1,U1,PR1,,,,TW9 1AA,GU1 1AA,\n\
            2,01/04/2025,S,C2,N1,U1,PR1,,,,tw91aa,TW9 1AA,\n\
            3,01/04/2025,S,C2,N1,U1,PR1,,,,XX1 1XX,CF10 1AA,\n\
            4,01/04/2025,S,C2,N1,U1,PR1,,,,TW9 1AA,,\n";
        let mut ret = RawReturn::from_texts([(Path::new("e.csv"), episodes)]).unwrap();
        let filled = derive_placement_fields(&mut ret, &dir, Some("E09000027"));
        assert_eq!(filled, ["PL_LA", "PL_LOCATION", "PL_DISTANCE"]);
        let got: Vec<[&str; 3]> = ret
            .rows(Table::Episodes)
            .iter()
            .map(|r| ["PL_LA", "PL_LOCATION", "PL_DISTANCE"].map(|c| r.get(Table::Episodes, c)))
            .collect();
        assert_eq!(
            got,
            [
                ["E10000030", "OUT", "19.6"],
                ["E09000027", "IN", "0.0"],
                ["WAL", "OUT", ""],
                ["", "", ""],
            ]
        );
        // A file that carries the fields keeps its values; without the LA code PL_LOCATION is
        // left alone.
        let carried = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_LA\n\
            1,01/04/2025,S,C2,N1,U1,PR1,,,,TW9 1AA,GU1 1AA,,E09000001\n";
        let mut ret = RawReturn::from_texts([(Path::new("e.csv"), carried)]).unwrap();
        assert_eq!(
            derive_placement_fields(&mut ret, &dir, None),
            ["PL_DISTANCE"]
        );
        let r = &ret.rows(Table::Episodes)[0];
        assert_eq!(r.get(Table::Episodes, "PL_LA"), "E09000001");
        assert_eq!(r.get(Table::Episodes, "PL_DISTANCE"), "19.6");
        assert!(
            !ret.table(Table::Episodes)
                .unwrap()
                .has_column("PL_LOCATION")
        );
    }

    proptest! {
        /// Distances are symmetric, not negative, and within a tenth of a mile of the exact value.
        #[test]
        fn distances_are_symmetric_and_within_rounding(
            a in (0i32..700_000, 0i32..1_300_000),
            b in (0i32..700_000, 0i32..1_300_000),
        ) {
            let d = miles_between(a, b);
            prop_assert_eq!(d, miles_between(b, a));
            let exact = (f64::from(a.0 - b.0).powi(2) + f64::from(a.1 - b.1).powi(2)).sqrt()
                / 1609.3;
            prop_assert!((d - exact).abs() <= 0.05 + 1e-9);
        }

        /// A postcode is found however it is spaced or cased.
        #[test]
        fn postcodes_are_found_ignoring_case_and_spaces(spaces in 0usize..3, lower in any::<bool>()) {
            let dir = onspd();
            let mut pc = format!("TW9{}1AA", " ".repeat(spaces));
            if lower {
                pc = pc.to_lowercase();
            }
            prop_assert_eq!(dir.get(&pc).map(|p| p.upper_tier), Some("E09000027"));
        }
    }
}
