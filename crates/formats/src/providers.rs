//! Ofsted's lists of children's social care providers, for the SSDA903 rules that check a
//! placement's URN (219, 221, 224, 227, 228, 1008).
//!
//! Ofsted publishes its registered providers (children's homes, fostering and adoption agencies,
//! supported accommodation, residential schools...) as spreadsheets; save each list's provider
//! sheet as CSV. Columns are recognised by their header names, compared ignoring case, spaces,
//! underscores, hyphens and apostrophes; their order does not matter and other columns are
//! ignored. Several lists may be given (for example the children's homes list and the social care
//! providers list); a URN listed twice keeps its first row.
//!
//! | what | header names accepted | needed |
//! |---|---|---|
//! | URN | `URN` | yes |
//! | SSDA903 placement types the provider may hold | `Placement code`, `Placement codes`, `PLACE` | no¹ |
//! | Ofsted provider type | `Provider type`, `Provision type`, `Setting type` | no¹ |
//! | SSDA903 placement provider codes (`PR0` to `PR5`) | `Placement provider code`, `Placement provider codes`, `PLACE_PROVIDER` | no |
//! | registration date | `Registration date`, `Date registered`, `Reg date`, `Registration start date` | no |
//! | closure (deregistration) date | `Closed date`, `Closure date`, `Date closed`, `Deregistration date`, `Registration end date`, `Reg end` | no |
//! | the setting's postcode | `Setting address postcode`, `Setting postcode`, `Postcode`, `Provider postcode` | no |
//! | the provider's local authority | `Local authority`, `Provider local authority`, `LA`, `LA code`, `Local authority code` | no |
//!
//! ¹ The placement types come from the placement code column when there is one (codes separated
//! by `,`, `/`, `;` or spaces); otherwise from the provider type, for the types whose placement
//! code is certain: `Children's home` (`K2`), `Secure children's home` (`K1`), `Supported
//! accommodation` (`K3`), `Residential special school` (`S1`). A provider whose types are not
//! known is not checked against `PLACE`.
//!
//! Dates are `DD/MM/YYYY` (a one-digit day or month allowed) or `YYYY-MM-DD`; a date cell that is
//! neither is an error naming the file, line and column. Postcodes are kept upper-case without
//! spaces.

use crate::FormatError;
use crate::ssda903::csv_table::CsvFile;
use model::Date;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One provider of an Ofsted list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub urn: String,
    /// SSDA903 `PLACE` codes the provider may hold; empty when the list does not say.
    pub place_codes: Vec<String>,
    /// SSDA903 `PLACE_PROVIDER` codes; empty when the list does not say.
    pub provider_codes: Vec<String>,
    pub registered: Option<Date>,
    pub closed: Option<Date>,
    /// Upper-case, without spaces.
    pub postcode: Option<String>,
    pub local_authority: Option<String>,
    /// Where the provider was read: file and 1-based line.
    pub file: PathBuf,
    pub line: u64,
}

/// Providers by URN, from one or more Ofsted lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderList {
    by_urn: HashMap<String, Provider>,
    /// The files read, in order.
    pub files: Vec<PathBuf>,
}

const URN: &[&str] = &["urn"];
const PLACE: &[&str] = &["placementcode", "placementcodes", "place"];
const TYPE: &[&str] = &["providertype", "provisiontype", "settingtype"];
const PROVIDER: &[&str] = &[
    "placementprovidercode",
    "placementprovidercodes",
    "placeprovider",
];
const REGISTERED: &[&str] = &[
    "registrationdate",
    "dateregistered",
    "regdate",
    "registrationstartdate",
];
const CLOSED: &[&str] = &[
    "closeddate",
    "closuredate",
    "dateclosed",
    "deregistrationdate",
    "registrationenddate",
    "regend",
];
const POSTCODE: &[&str] = &[
    "settingaddresspostcode",
    "settingpostcode",
    "postcode",
    "providerpostcode",
];
const LA: &[&str] = &[
    "localauthority",
    "providerlocalauthority",
    "la",
    "lacode",
    "localauthoritycode",
];

/// A header name as compared: lower case, without spaces, `_`, `-`, apostrophes.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A date of a provider list: `DD/MM/YYYY` or `YYYY-MM-DD`.
fn parse_date(v: &str) -> Option<Date> {
    let num = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = if let [d, m, y] = v.split('/').collect::<Vec<_>>()[..] {
        (y.len() == 4).then_some(())?;
        (num(y)?, num(m)?, num(d)?)
    } else if let [y, m, d] = v.split('-').collect::<Vec<_>>()[..] {
        (y.len() == 4 && m.len() == 2 && d.len() == 2).then_some(())?;
        (num(y)?, num(m)?, num(d)?)
    } else {
        return None;
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// The placement codes of an Ofsted provider type, where certain.
fn place_codes_of_type(provider_type: &str) -> &'static [&'static str] {
    match key(provider_type).as_str() {
        "childrenshome" => &["K2"],
        "securechildrenshome" => &["K1"],
        "supportedaccommodation" => &["K3"],
        "residentialspecialschool" => &["S1"],
        _ => &[],
    }
}

fn codes(v: &str) -> Vec<String> {
    v.split([',', '/', ';', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

impl ProviderList {
    /// Reads the lists in `paths`, in order.
    pub fn read(paths: &[PathBuf]) -> Result<Self, FormatError> {
        let mut list = Self::default();
        for path in paths {
            list.add(CsvFile::open(path)?)?;
        }
        Ok(list)
    }

    /// Reads a list held in memory; `path` names it in errors.
    pub fn from_text(path: &Path, text: &str) -> Result<Self, FormatError> {
        let mut list = Self::default();
        list.add(CsvFile::from_bytes(path, text.as_bytes().to_vec())?)?;
        Ok(list)
    }

    /// The provider with this URN (compared ignoring case and surrounding spaces).
    pub fn get(&self, urn: &str) -> Option<&Provider> {
        self.by_urn.get(&urn.trim().to_uppercase())
    }

    /// The number of providers.
    pub fn len(&self) -> usize {
        self.by_urn.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_urn.is_empty()
    }

    fn add(&mut self, file: CsvFile) -> Result<(), FormatError> {
        let mut records = file.records();
        let Some(header) = records.header()? else {
            return Err(FormatError::Csv {
                file: file.path.clone(),
                line: 1,
                message: "the provider list is empty: it needs a header row with a URN column"
                    .to_owned(),
            });
        };
        let header_line = records.line();
        let keys: Vec<String> = header.iter().map(|h| key(h)).collect();
        let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
        let Some(urn_at) = find(URN) else {
            return Err(FormatError::MissingColumns {
                file: file.path.clone(),
                table: "Ofsted provider list".to_owned(),
                line: header_line,
                columns: vec!["URN".to_owned()],
            });
        };
        let (place_at, type_at, provider_at) = (find(PLACE), find(TYPE), find(PROVIDER));
        let (registered_at, closed_at) = (find(REGISTERED), find(CLOSED));
        let (postcode_at, la_at) = (find(POSTCODE), find(LA));
        while let Some(row) = records.next_row()? {
            let cell = |at: Option<usize>| {
                at.and_then(|i| row.record.get(i))
                    .map(str::trim)
                    .unwrap_or_default()
            };
            let urn = cell(Some(urn_at)).to_uppercase();
            if urn.is_empty() {
                continue;
            }
            let date_at = |at: Option<usize>| -> Result<Option<Date>, FormatError> {
                let v = cell(at);
                if v.is_empty() {
                    return Ok(None);
                }
                parse_date(v).map(Some).ok_or_else(|| FormatError::Csv {
                    file: file.path.clone(),
                    line: row.line,
                    message: format!(
                        "column {} ({}), URN {urn}: {v:?} is not a date (DD/MM/YYYY or YYYY-MM-DD)",
                        at.map_or(0, |i| i + 1),
                        at.and_then(|i| header.get(i)).map_or("", String::as_str),
                    ),
                })
            };
            let place_codes = if place_at.is_some() {
                codes(cell(place_at))
            } else {
                place_codes_of_type(cell(type_at))
                    .iter()
                    .map(|c| (*c).to_owned())
                    .collect()
            };
            let provider = Provider {
                urn: urn.clone(),
                place_codes,
                provider_codes: codes(cell(provider_at)),
                registered: date_at(registered_at)?,
                closed: date_at(closed_at)?,
                postcode: Some(cell(postcode_at).replace(' ', "").to_uppercase())
                    .filter(|p| !p.is_empty()),
                local_authority: Some(cell(la_at).to_owned()).filter(|l| !l.is_empty()),
                file: file.path.clone(),
                line: row.line,
            };
            self.by_urn.entry(urn).or_insert(provider);
        }
        self.files.push(file.path.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let text = "Local Authority,Setting address postcode,URN,Placement code,Placement provider code,Deregistration date,Registration date\n\
                    Richmond upon Thames,tw9 1aa,SC000001,K2,PR4/PR5,31/12/2025,2001-05-01\n\
                    Kingston,KT1 1AA,SC000002,\"U1,U2\",PR4,,\n";
        let list = ProviderList::from_text(Path::new("ofsted.csv"), text).unwrap();
        assert_eq!(list.len(), 2);
        let p = list.get("sc000001").unwrap();
        assert_eq!(p.place_codes, ["K2"]);
        assert_eq!(p.provider_codes, ["PR4", "PR5"]);
        assert_eq!(p.closed, Date::new(2025, 12, 31).ok());
        assert_eq!(p.registered, Date::new(2001, 5, 1).ok());
        assert_eq!(p.postcode.as_deref(), Some("TW91AA"));
        assert_eq!(p.local_authority.as_deref(), Some("Richmond upon Thames"));
        assert_eq!(p.line, 2);
        assert_eq!(list.get("SC000002").unwrap().place_codes, ["U1", "U2"]);
        assert!(list.get("SC000003").is_none());
    }

    #[test]
    fn the_provider_type_gives_placement_codes_when_there_is_no_code_column() {
        let text = "URN,Provider type\nSC1,Children's home\nSC2,Independent fostering agency\n";
        let list = ProviderList::from_text(Path::new("ofsted.csv"), text).unwrap();
        assert_eq!(list.get("SC1").unwrap().place_codes, ["K2"]);
        assert!(list.get("SC2").unwrap().place_codes.is_empty());
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let err = ProviderList::from_text(Path::new("ch.csv"), "Name,Postcode\nA,TW1 1AA\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("ch.csv: line 1") && err.contains("URN"),
            "{err}"
        );
        let err = ProviderList::from_text(
            Path::new("ch.csv"),
            "URN,Closed date\nSC1,\nSC2,31/02/2025\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("ch.csv: line 3") && err.contains("column 2 (Closed date)"),
            "{err}"
        );
    }
}
