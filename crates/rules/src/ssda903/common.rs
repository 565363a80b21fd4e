//! What SSDA903 rules share: the collection year, values read as dates and codes, findings at a
//! row.

use crate::Finding;
/// Maps and sets for the rules: keyed by values of the return, hashed with foldhash, which is
/// several times quicker than the standard library's hasher on short keys such as child ids.
pub(crate) use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use formats::ssda903::Table;
use formats::ssda903::raw::{RawReturn, RawRow};
use model::{CollectionYear, Date};

/// The return being checked.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The collection year, named by the year it ends (2026 is 2025-26).
    pub year: i16,
    /// 1 April of the year before: the first day of the collection year.
    pub collection_start: Date,
    /// 31 March: the last day of the collection year.
    pub collection_end: Date,
}

impl Ctx {
    pub fn new(year: i16) -> Self {
        let y = CollectionYear(year);
        Self {
            year,
            collection_start: y.start(),
            collection_end: y.end(),
        }
    }
}

/// A date as the return writes it: `DD/MM/YYYY`, a one-digit day or month allowed (as the DfE
/// validators read it); anything else, or a day that does not exist, is no date.
pub(crate) fn date(v: &str) -> Option<Date> {
    // Read byte by byte: every rule reads dates, many of them, so this is kept cheap.
    let (mut parts, mut lens, mut part) = ([0i32; 3], [0usize; 3], 0);
    for &b in v.as_bytes() {
        if b == b'/' {
            part += 1;
            if part > 2 {
                return None;
            }
        } else if b.is_ascii_digit() && lens[part] < 4 {
            parts[part] = parts[part] * 10 + i32::from(b - b'0');
            lens[part] += 1;
        } else {
            return None;
        }
    }
    let short = |n: usize| (1..=2).contains(&n);
    if part != 2 || !short(lens[0]) || !short(lens[1]) || lens[2] != 4 {
        return None;
    }
    Date::new(parts[2] as i16, parts[1] as i8, parts[0] as i8).ok()
}

/// The DfE validators' name of a table, with `_last` for the previous year's.
pub fn table_name(table: Table, previous: bool) -> &'static str {
    if !previous {
        return table.name();
    }
    match table {
        Table::Header => "Header_last",
        Table::Episodes => "Episodes_last",
        Table::Uasc => "UASC_last",
        Table::Reviews => "Reviews_last",
        Table::Oc2 => "OC2_last",
        Table::Oc3 => "OC3_last",
        Table::Ad1 => "AD1_last",
        Table::PlacedAdoption => "PlacedAdoption_last",
        Table::PrevPerm => "PrevPerm_last",
        Table::Missing => "Missing_last",
        Table::SwEpisodes => "SWEpisodes_last",
        Table::DoLo => "DoLo_last",
    }
}

/// A finding at `row` of this year's `table`, about `field`.
pub(crate) fn finding(
    code: &'static str,
    table: Table,
    row: &RawRow,
    field: &'static str,
) -> Finding {
    Finding {
        rule_code: code,
        child_id: row.child().to_owned(),
        table: table_name(table, false),
        field,
        row: Some(row.row),
        line: Some(row.line),
        column: None,
        value: row.get(table, field).to_owned(),
    }
}

/// Reports each row of this year's `table` whose `field` `bad` says is wrong.
pub(crate) fn each_row(
    out: &mut Vec<Finding>,
    code: &'static str,
    ret: &RawReturn,
    table: Table,
    field: &'static str,
    bad: impl Fn(&str) -> bool,
) {
    for row in ret.rows(table) {
        if bad(row.get(table, field)) {
            out.push(finding(code, table, row, field));
        }
    }
}

/// Whether a value that is there is not a date (a blank value is not reported).
pub(crate) fn present_but_not_a_date(v: &str) -> bool {
    !v.is_empty() && date(v).is_none()
}

/// The rows of this year's `table` grouped by child: children in the order of their first row,
/// each child's rows in the order written.
pub(crate) fn by_child(ret: &RawReturn, table: Table) -> Vec<(&str, Vec<&RawRow>)> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<(&str, Vec<&RawRow>)> = Vec::new();
    for row in ret.rows(table) {
        let i = *index.entry(row.child()).or_insert_with(|| {
            groups.push((row.child(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(row);
    }
    groups
}

/// Each child's row of this year's Header table (the first, when a child has two).
pub(crate) fn header_rows(ret: &RawReturn) -> HashMap<&str, &RawRow> {
    let mut rows = HashMap::new();
    for row in ret.rows(Table::Header) {
        rows.entry(row.child()).or_insert(row);
    }
    rows
}

/// Reports each row of this year's `table` whose child has no row in the Header table.
pub(crate) fn not_in_header(
    out: &mut Vec<Finding>,
    code: &'static str,
    ret: &RawReturn,
    table: Table,
) {
    let headers = header_rows(ret);
    for row in ret.rows(table) {
        if !headers.contains_key(row.child()) {
            out.push(finding(code, table, row, "CHILD"));
        }
    }
}

/// Reports every row of this year's `table` whose child has more than one row in it.
pub(crate) fn more_than_once(
    out: &mut Vec<Finding>,
    code: &'static str,
    ret: &RawReturn,
    table: Table,
) {
    for (_, rows) in by_child(ret, table) {
        if rows.len() > 1 {
            for row in rows {
                out.push(finding(code, table, row, "CHILD"));
            }
        }
    }
}

/// Reports each row of this year's `table` whose `DOB` and its child's Header `DOB` are both
/// dates and differ. A value that is not a date is left to the rules on that date.
pub(crate) fn dob_differs_from_header(
    out: &mut Vec<Finding>,
    code: &'static str,
    ret: &RawReturn,
    table: Table,
) {
    let headers = header_rows(ret);
    for row in ret.rows(table) {
        if let Some(h) = headers.get(row.child())
            && let (Some(ours), Some(theirs)) = (
                date(row.get(table, "DOB")),
                date(h.get(Table::Header, "DOB")),
            )
            && ours != theirs
        {
            out.push(finding(code, table, row, "DOB"));
        }
    }
}

/// A child's age in whole years on `on`, born on `dob` (a birthday on 29 February is reached on
/// 1 March in other years).
pub(crate) fn age(dob: Date, on: Date) -> i32 {
    let mut years = i32::from(on.year()) - i32::from(dob.year());
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    years
}

/// The day someone born on `dob` turns `years` (1 March for a 29 February birthday in other
/// years).
pub(crate) fn birthday(dob: Date, years: i16) -> Date {
    let y = dob.year() + years;
    Date::new(y, dob.month(), dob.day()).unwrap_or_else(|_| jiff::civil::date(y, 3, 1))
}

/// Whether a value is a whole number from `lo` to `hi` written in digits.
pub(crate) fn int_in(v: &str, lo: i64, hi: i64) -> bool {
    !v.is_empty()
        && v.len() <= 9
        && v.bytes().all(|b| b.is_ascii_digit())
        && v.parse::<i64>().is_ok_and(|n| (lo..=hi).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain reading of the date rule, to check the byte-by-byte one against.
    fn plain_date(v: &str) -> Option<Date> {
        let parts: Vec<&str> = v.split('/').collect();
        let [d, m, y] = parts.as_slice() else {
            return None;
        };
        let num = |s: &str, lens: std::ops::RangeInclusive<usize>| {
            (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
        };
        let (d, m, y) = (num(d, 1..=2)?, num(m, 1..=2)?, num(y, 4..=4)?);
        Date::new(y as i16, m as i8, d as i8).ok()
    }

    #[test]
    fn dates_are_read_as_written_or_not_at_all() {
        assert_eq!(date("1/2/2025"), Some(Date::constant(2025, 2, 1)));
        assert_eq!(date("29/02/2024"), Some(Date::constant(2024, 2, 29)));
        for no in [
            "29/02/2025",
            "01/13/2025",
            "001/02/2025",
            "01/02/25",
            "01/02/2025/",
            "",
            "/",
            "01-02-2025",
            " 01/02/2025",
            "01/02/20251",
            "0/1/2025",
        ] {
            assert_eq!(date(no), None, "{no:?}");
        }
    }

    proptest! {
        #[test]
        fn the_quick_date_reader_agrees_with_the_plain_one(v in "[0-9/ a٣]{0,12}") {
            prop_assert_eq!(date(&v), plain_date(&v));
        }

        #[test]
        fn every_real_day_reads_back(y in 1900i16..2100, m in 1i8..=12, d in 1i8..=31) {
            let text = format!("{d}/{m:02}/{y}");
            prop_assert_eq!(date(&text), Date::new(y, m, d).ok());
        }
    }

    #[test]
    fn ages_count_whole_years() {
        let d = |s| date(s).unwrap();
        assert_eq!(age(d("01/04/2010"), d("31/03/2026")), 15);
        assert_eq!(age(d("01/04/2010"), d("01/04/2026")), 16);
        assert_eq!(age(d("29/02/2008"), d("28/02/2026")), 17);
        assert_eq!(age(d("29/02/2008"), d("01/03/2026")), 18);
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(date("01/04/2025"), Date::new(2025, 4, 1).ok());
        assert_eq!(date("1/4/2025"), Date::new(2025, 4, 1).ok());
        for bad in [
            "2025-04-01",
            "31/02/2025",
            "01/13/2025",
            "01/04/25",
            "1/4/2025/1",
            "",
            "01/04/ 2025",
            "001/04/2025",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }
}
