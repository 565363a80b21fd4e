//! What the SSDA903 rules on episodes in order, care leavers, adoption decisions, missing periods,
//! social worker episodes and the previous year's return share.

pub(crate) use super::common::{HashMap, HashMapExt};
use super::common::{date, finding, table_name};
use crate::Finding;
use formats::ssda903::Table;
use formats::ssda903::raw::{RawReturn, RawRow};
use model::Date;

/// A finding at `row` of the previous year's `table`, about `field`.
pub(crate) fn finding_last(
    code: &'static str,
    table: Table,
    row: &RawRow,
    field: &'static str,
) -> Finding {
    Finding {
        table: table_name(table, true),
        ..finding(code, table, row, field)
    }
}

/// The rows of `table` by child, each child's rows in the order written.
pub(crate) fn rows_by_child(ret: &RawReturn, table: Table) -> HashMap<&str, Vec<&RawRow>> {
    let mut map: HashMap<&str, Vec<&RawRow>> = HashMap::new();
    for row in ret.rows(table) {
        map.entry(row.child()).or_default().push(row);
    }
    map
}

/// An Episodes value (one helper for every rule file).
pub(crate) use super::common_r1::ep;

/// An episode whose `DECOM` is a date, with its `DEC` when that is a date.
#[derive(Clone, Copy)]
pub(crate) struct Episode<'a> {
    pub start: Date,
    pub end: Option<Date>,
    pub row: &'a RawRow,
}

impl Episode<'_> {
    /// A value of the episode's row.
    pub fn get(&self, field: &str) -> &str {
        ep(self.row, field)
    }
}

/// Each child's episodes whose `DECOM` is a date, in order of `DECOM` (then of the rows), children
/// in the order of their first row.
pub(crate) fn episodes_in_order(ret: &RawReturn) -> Vec<(&str, Vec<Episode<'_>>)> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<(&str, Vec<Episode<'_>>)> = Vec::new();
    for row in ret.rows(Table::Episodes) {
        let Some(start) = date(ep(row, "DECOM")) else {
            continue;
        };
        let i = *index.entry(row.child()).or_insert_with(|| {
            groups.push((row.child(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(Episode {
            start,
            end: date(ep(row, "DEC")),
            row,
        });
    }
    for (_, episodes) in &mut groups {
        episodes.sort_by_key(|e| (e.start, e.row.row));
    }
    groups
}

/// Each child's episodes in order (see [`episodes_in_order`]), by child.
pub(crate) fn episodes_by_child(ret: &RawReturn) -> HashMap<&str, Vec<Episode<'_>>> {
    episodes_in_order(ret).into_iter().collect()
}

/// Whether an OC3 row has care leaver information: any of `IN_TOUCH`, `ACTIV`, `ACCOM`.
pub(crate) fn oc3_completed(row: &RawRow) -> bool {
    ["IN_TOUCH", "ACTIV", "ACCOM"]
        .iter()
        .any(|f| !row.get(Table::Oc3, f).is_empty())
}

/// Reports each OC3 row that has care leaver information and whose child `bad` says should not.
pub(crate) fn oc3_rows_where(
    out: &mut Vec<Finding>,
    code: &'static str,
    ret: &RawReturn,
    bad: impl Fn(&RawRow) -> bool,
) {
    for row in ret.rows(Table::Oc3) {
        if oc3_completed(row) && bad(row) {
            out.push(finding(code, Table::Oc3, row, "IN_TOUCH"));
        }
    }
}

/// Whether `a` and `b` are the same child's episodes with nothing in between: `a`'s `DEC` is
/// `b`'s `DECOM`.
pub(crate) fn continues(a: &Episode<'_>, b: &Episode<'_>) -> bool {
    a.end == Some(b.start)
}

/// Whether two episodes are in different placements: any of `PLACE`, `PLACE_PROVIDER`,
/// `PL_POST` or `URN` differs.
pub(crate) fn placement_differs(a: &Episode<'_>, b: &Episode<'_>) -> bool {
    ["PLACE", "PLACE_PROVIDER", "PL_POST", "URN"]
        .iter()
        .any(|f| a.get(f) != b.get(f))
}

/// With the previous year's return, each child whose last episode of last year (by `DECOM`) was
/// still open (no `DEC`), with that episode and the child's first episode of this year.
pub(crate) fn open_then_first<'a>(
    current: &'a RawReturn,
    previous: &'a RawReturn,
) -> Vec<(Episode<'a>, Episode<'a>)> {
    let this_year = episodes_by_child(current);
    episodes_in_order(previous)
        .into_iter()
        .filter_map(|(child, eps)| {
            let last = *eps.last()?;
            let first = *this_year.get(child)?.first()?;
            last.get("DEC").is_empty().then_some((last, first))
        })
        .collect()
}

/// Whether a `PLACE` is a placement for adoption (`A3` to `A6`).
pub(crate) fn placed_for_adoption(place: &str) -> bool {
    matches!(place, "A3" | "A4" | "A5" | "A6")
}

/// Whether a `REC` says the child was adopted (`E11`, `E12`).
pub(crate) fn adopted(rec: &str) -> bool {
    matches!(rec, "E11" | "E12")
}

/// The AD1 fields about the adoption itself.
pub(crate) const AD1_FIELDS: [&str; 6] = [
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];

/// Whether an AD1 row has any of the adoption fields.
pub(crate) fn ad1_completed(row: &RawRow) -> bool {
    AD1_FIELDS
        .iter()
        .any(|f| !row.get(Table::Ad1, f).is_empty())
}

/// A value of a PlacedAdoption row.
pub(crate) fn pa<'a>(row: &'a RawRow, field: &str) -> &'a str {
    row.get(Table::PlacedAdoption, field)
}

/// The dates of the decisions to place a child for adoption (`DATE_PLACED`) that are dates.
pub(crate) fn decision_dates(rows: &[&RawRow]) -> Vec<Date> {
    rows.iter()
        .filter_map(|r| date(pa(r, "DATE_PLACED")))
        .collect()
}

/// A value of a Missing row.
pub(crate) fn mis<'a>(row: &'a RawRow, field: &str) -> &'a str {
    row.get(Table::Missing, field)
}

/// The day a child ceased to be looked after: the `DEC` of their last episode (by `DECOM`) when
/// it is a date and its `REC` is a code that ends care (any but `X1`, the period of care goes on).
pub(crate) fn ceased_on(eps: &[Episode<'_>]) -> Option<Date> {
    let last = eps.last()?;
    ceases_care(last.get("REC")).then_some(last.end).flatten()
}

/// Whether a child was looked after continuously through the collection year, as the DfE's
/// validation rules define it: they have an episode in the year, and none of their episodes
/// started to be looked after (`RNE` `S`) after 1 April, ceased with a `REC` other than `X1`
/// after 1 April, or is a short break (`LS` `V3`, `V4`) going on after 1 April.
pub(crate) fn continuously_looked_after(eps: &[Episode<'_>], start: Date, end: Date) -> bool {
    let in_year = |e: &Episode<'_>| e.start <= end && e.end.is_none_or(|d| d >= start);
    eps.iter().any(in_year)
        && !eps.iter().any(|e| {
            let after_start = e.end.is_none_or(|d| d > start);
            (e.get("RNE") == "S" && e.start > start && e.start <= end)
                || (e.end.is_some_and(|d| d > start) && e.get("REC") != "X1")
                || (matches!(e.get("LS"), "V3" | "V4") && after_start)
        })
}

/// A value of a PrevPerm row.
pub(crate) fn pp<'a>(row: &'a RawRow, field: &str) -> &'a str {
    row.get(Table::PrevPerm, field)
}

/// The shipped list of three-digit LA numbers (`data/la_numbers.txt`, also CIN rule 1530's).
const LA_NUMBERS: &str = include_str!("../../data/la_numbers.txt");

/// Whether `s` is the three-digit number of an English local authority (of today or abolished
/// since April 1998) in the shipped list: the pseudo numbers (001 to 005, 701 to 708) and the
/// Welsh authorities (660 to 681) of that list are not English authorities.
pub(crate) fn is_english_la_number(s: &str) -> bool {
    let Ok(n) = s.parse::<u16>() else {
        return false;
    };
    if s.len() != 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if n <= 5 || (660..=681).contains(&n) || (701..=708).contains(&n) {
        return false;
    }
    LA_NUMBERS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .any(|entry| {
            let (first, last) = entry.split_once('-').unwrap_or((entry, entry));
            matches!((first.parse::<u16>(), last.parse::<u16>()), (Ok(a), Ok(b)) if (a..=b).contains(&n))
        })
}

/// A `DATE_PERM` as the return writes it: `DD/MM/YYYY`, where the day, or the day and the month,
/// may be `ZZ` when not known. The earliest day it can mean, or `None` when it is not such a
/// value.
pub(crate) fn date_perm(v: &str) -> Option<Date> {
    let mut parts = v.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    match (d, m) {
        ("ZZ", "ZZ") => date(&format!("01/01/{y}")),
        ("ZZ", m) => date(&format!("01/{m}/{y}")),
        _ => date(v),
    }
}

/// A value of a SWEpisodes row.
pub(crate) fn sw<'a>(row: &'a RawRow, field: &str) -> &'a str {
    row.get(Table::SwEpisodes, field)
}

/// A social worker episode whose `SW_DECOM` is a date.
#[derive(Clone, Copy)]
pub(crate) struct SwEpisode<'a> {
    pub start: Date,
    pub end: Option<Date>,
    pub row: &'a RawRow,
}

/// Each child's social worker episodes whose `SW_DECOM` is a date, in order of `SW_DECOM` (then
/// of `SW_DEC`, then of the rows).
pub(crate) fn sw_episodes_in_order(ret: &RawReturn) -> Vec<(&str, Vec<SwEpisode<'_>>)> {
    let mut groups: Vec<(&str, Vec<SwEpisode<'_>>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for row in ret.rows(Table::SwEpisodes) {
        let Some(start) = date(sw(row, "SW_DECOM")) else {
            continue;
        };
        let i = *index.entry(row.child()).or_insert_with(|| {
            groups.push((row.child(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(SwEpisode {
            start,
            end: date(sw(row, "SW_DEC")),
            row,
        });
    }
    for (_, eps) in &mut groups {
        eps.sort_by_key(|e| (e.start, e.end, e.row.row));
    }
    groups
}

/// Whether a PlacedAdoption row records that the decision ended: a `DATE_PLACED_CEASED` or a
/// `REASON_PLACED_CEASED`.
pub(crate) fn decision_ended(row: &RawRow) -> bool {
    !pa(row, "DATE_PLACED_CEASED").is_empty() || !pa(row, "REASON_PLACED_CEASED").is_empty()
}

/// A `PL_DISTANCE` (miles) as a number, when it is one.
pub(crate) fn miles(v: &str) -> Option<f64> {
    let ok = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    ok.then(|| v.parse().ok()).flatten()
}

/// Whether an episode ended with the child adopted during the collection year: `REC` `E11` or
/// `E12` and a `DEC` from 1 April to 31 March.
pub(crate) fn adopted_in_year(ctx: &super::Ctx, row: &RawRow) -> bool {
    adopted(ep(row, "REC"))
        && date(ep(row, "DEC"))
            .is_some_and(|d| (ctx.collection_start..=ctx.collection_end).contains(&d))
}

/// The `REC` codes that end a period of care (every code of the list but `X1`).
pub(crate) fn ceases_care(rec: &str) -> bool {
    matches!(
        rec,
        "E11"
            | "E12"
            | "E13"
            | "E14"
            | "E15"
            | "E16"
            | "E17"
            | "E2"
            | "E3"
            | "E4A"
            | "E4B"
            | "E41"
            | "E45"
            | "E46"
            | "E47"
            | "E48"
            | "E5"
            | "E6"
            | "E7"
            | "E8"
            | "E9"
    )
}

#[cfg(test)]
mod tests {
    use super::super::{Return, validate_return};
    use formats::ssda903::raw::RawReturn;
    use std::path::Path;

    /// A return whose episode began before the year, with a care leaver and a decision to place
    /// for adoption made before the year: the rules on last year's return find something with an
    /// empty previous return, and must find nothing without one.
    #[test]
    fn rules_on_last_years_return_do_nothing_without_it() {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,UN1,,\nC2,F,01/06/2007,WBRI,UN1,,\n";
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/05/2024,S,C2,N1,U1,PR1,,,,,,\n";
        let oc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC2,01/06/2007,YES,F2,B1\n";
        let placed = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nC1,01/01/2012,01/02/2025,,\n";
        let current = RawReturn::from_texts([
            (Path::new("h.csv"), header),
            (Path::new("e.csv"), episodes),
            (Path::new("o.csv"), oc3),
            (Path::new("p.csv"), placed),
        ])
        .unwrap();
        let codes = ["1001", "1002", "559", "562", "NoE"];
        let keep = |r: &super::super::Rule| codes.contains(&r.code);
        let with = Return {
            current: current.clone(),
            previous: Some(RawReturn::default()),
            ..Return::default()
        };
        let found = validate_return(&with, 2026, keep).unwrap().findings;
        let mut found_codes: Vec<&str> = found.iter().map(|f| f.rule_code).collect();
        found_codes.sort_unstable();
        found_codes.dedup();
        assert_eq!(found_codes, ["1001", "1002", "559", "562", "NoE"]);
        let without = Return {
            current,
            previous: None,
            ..Return::default()
        };
        assert!(
            validate_return(&without, 2026, keep)
                .unwrap()
                .findings
                .is_empty()
        );
    }
}
