//! What the SSDA903 rules on unaccompanied asylum-seeking children (UASC) share: each child's
//! UASC status, the Header column `UASC` of [`formats::ssda903::raw`] (written in the Header file
//! or the XML form, or derived from the UASC table), and the child's row of the UASC table, with
//! its date UASC status ceased (`DUC`).

use super::Return;
use super::common::{HashMap, HashMapExt, HashSet, HashSetExt};
use formats::ssda903::Table;
use formats::ssda903::raw::{RawReturn, RawRow};

/// A child's UASC status in one year's return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// `UASC` is `1`.
    Uasc,
    /// `UASC` is `0`, or (last year) the child is not in the return.
    NotUasc,
    /// `UASC` is blank or not a code, or the return gives no status at all: the rules that need
    /// the status do nothing for the child (rule 105 reports a bad one).
    Unknown,
}

/// The status a Header row's `UASC` value says.
pub(crate) fn status_of(row: &RawRow) -> Status {
    match row.get(Table::Header, "UASC") {
        "1" => Status::Uasc,
        "0" => Status::NotUasc,
        _ => Status::Unknown,
    }
}

/// Whether a return gives children a UASC status: its Header file has the `UASC` column, or the
/// status was derived from its UASC table, or it was read from XML.
pub(crate) fn gives_status(ret: &RawReturn) -> bool {
    ret.table(Table::Header)
        .is_some_and(|t| t.has_column("UASC"))
}

/// One year's return as the UASC rules read it: each child's Header row and UASC row (the first,
/// when a child has two).
pub(crate) struct UascYear<'a> {
    pub(crate) headers: HashMap<&'a str, &'a RawRow>,
    pub(crate) uasc: HashMap<&'a str, &'a RawRow>,
    gives_status: bool,
}

impl<'a> UascYear<'a> {
    pub(crate) fn new(ret: &'a RawReturn) -> Self {
        let first_rows = |table: Table| {
            let mut rows = HashMap::new();
            for row in ret.rows(table) {
                rows.entry(row.child()).or_insert(row);
            }
            rows
        };
        let uasc = first_rows(Table::Uasc);
        Self {
            headers: first_rows(Table::Header),
            uasc,
            gives_status: gives_status(ret),
        }
    }

    /// The child's status in this year's return (the child is in its Header table).
    pub(crate) fn status(&self, child: &str) -> Status {
        self.headers
            .get(child)
            .map_or(Status::Unknown, |h| status_of(h))
    }

    /// The child's status in last year's return: a child not in its Header table was not UASC
    /// then, when that return gives statuses at all.
    pub(crate) fn status_last_year(&self, child: &str) -> Status {
        match self.headers.get(child) {
            Some(h) => status_of(h),
            None if self.gives_status => Status::NotUasc,
            None => Status::Unknown,
        }
    }

    /// The child's `DUC` (date UASC status ceased) as written; blank without a UASC row.
    pub(crate) fn duc(&self, child: &str) -> &'a str {
        self.uasc
            .get(child)
            .map_or("", |r| r.get(Table::Uasc, "DUC"))
    }
}

/// The children whose UASC status is `1` in this year's Header table or last year's; for a year
/// whose Header gives no status (no Header table, or neither a `UASC` column nor a UASC table to
/// derive it from), the children with a row in that year's UASC table.
pub(crate) fn uasc_this_or_last_year(ret: &Return) -> HashSet<&str> {
    let mut children = HashSet::new();
    for r in [Some(&ret.current), ret.previous.as_ref()]
        .into_iter()
        .flatten()
    {
        let header = r.table(Table::Header).filter(|t| t.has_column("UASC"));
        match header {
            Some(header) => children.extend(
                header
                    .rows
                    .iter()
                    .filter(|h| status_of(h) == Status::Uasc)
                    .map(RawRow::child),
            ),
            None => children.extend(r.rows(Table::Uasc).iter().map(RawRow::child)),
        }
    }
    children
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(header: &str, uasc: Option<&str>) -> RawReturn {
        let mut texts = vec![(Path::new("h.csv"), header)];
        if let Some(u) = uasc {
            texts.push((Path::new("u.csv"), u));
        }
        RawReturn::from_texts(texts).unwrap()
    }

    const HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,M,01/02/2010,WBRI,UN1,,\nB,M,01/02/2010,WBRI,UN1,,\n";

    #[test]
    fn children_uasc_in_either_year() {
        let now = read(HEADER, Some("CHILD,SEX,DOB,DUC\nA,M,01/02/2010,\n"));
        let last = read(
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nC,M,01/02/2010,WBRI,UN1,,,1\nB,M,01/02/2010,WBRI,UN1,,,0\nD,M,01/02/2010,WBRI,UN1,,,x\n",
            None,
        );
        let ret = Return {
            current: now,
            previous: Some(last),
            ..Return::default()
        };
        let mut found: Vec<&str> = uasc_this_or_last_year(&ret).into_iter().collect();
        found.sort_unstable();
        assert_eq!(found, ["A", "C"]);
    }

    #[test]
    fn statuses_of_this_year_and_last() {
        let derived = read(
            HEADER,
            Some("CHILD,SEX,DOB,DUC\nB,M,01/02/2010,01/02/2028\n"),
        );
        let year = UascYear::new(&derived);
        assert_eq!(year.status("A"), Status::NotUasc);
        assert_eq!(year.status("B"), Status::Uasc);
        assert_eq!(year.status("Z"), Status::Unknown);
        assert_eq!(year.status_last_year("Z"), Status::NotUasc);
        assert_eq!(year.duc("B"), "01/02/2028");
        assert_eq!(year.duc("A"), "");
        let none = read(HEADER, None);
        let year = UascYear::new(&none);
        assert_eq!(year.status("A"), Status::Unknown);
        assert_eq!(year.status_last_year("Z"), Status::Unknown);
    }
}
