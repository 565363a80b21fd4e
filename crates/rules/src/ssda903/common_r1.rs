//! What the SSDA903 rules of issue 9 share beyond `common`: each child's episodes in date order,
//! the children looked after continuously for 12 months at 31 March, the previous year's Header,
//! day counts, and the placement codes that take no Ofsted URN.

use super::common::{HashMap, HashSet, HashSetExt};
use super::common::{date, header_rows};
use super::{Ctx, Return};
use formats::ssda903::Table;
use formats::ssda903::raw::{RawReturn, RawRow};
use model::Date;

/// The day number of a date (days since 1970-01-01), for counting days between dates.
pub(crate) fn day_number(d: Date) -> i64 {
    let (y, m, dd) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + dd - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// Days from `a` to `b` (negative when `b` is before `a`).
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

/// An episode whose `DECOM` is a date, with that date.
pub(crate) type Dated<'a> = (Date, &'a RawRow);

/// Each child's Episodes rows whose `DECOM` is a date, in `DECOM` order (then row), children in
/// the order of their first row. Episodes whose start is not a date cannot be placed in the
/// child's journey and are left to the rules on `DECOM`.
pub(crate) fn episodes_in_order(ret: &RawReturn) -> Vec<(&str, Vec<Dated<'_>>)> {
    let table = Table::Episodes;
    super::common::by_child(ret, table)
        .into_iter()
        .map(|(child, rows)| {
            let mut eps: Vec<Dated<'_>> = rows
                .into_iter()
                .filter_map(|r| date(r.get(table, "DECOM")).map(|d| (d, r)))
                .collect();
            eps.sort_by_key(|(d, r)| (*d, r.row));
            (child, eps)
        })
        .collect()
}

/// The value of an Episodes field.
pub(crate) fn ep<'a>(row: &'a RawRow, field: &str) -> &'a str {
    row.get(Table::Episodes, field)
}

/// The children of this year's return looked after continuously for the 12 months to 31 March
/// (the OC2 cohort): with an episode open at some time in the year (one whose `DEC` is blank or
/// not a date counts as open), and none that shows the child
/// outside care during it: no period of care starting (`RNE` `S`) after 1 April, no episode ending
/// with a reason other than `X1` (episode ceases and a new one begins) from 1 April to 30 March,
/// and no short break (`LS` `V3` or `V4`) in the year.
pub(crate) fn looked_after_for_12_months<'a>(ctx: &Ctx, ret: &'a RawReturn) -> HashSet<&'a str> {
    let (start, end) = (ctx.collection_start, ctx.collection_end);
    let mut in_year: HashSet<&str> = HashSet::new();
    let mut broken: HashSet<&str> = HashSet::new();
    for row in ret.rows(Table::Episodes) {
        let decom = date(ep(row, "DECOM"));
        let dec = date(ep(row, "DEC"));
        // A `DEC` that is not a date does not say the child left: the rules on `DEC` report it.
        let during = decom.is_some_and(|d| d <= end) && dec.is_none_or(|d| d >= start);
        if during {
            in_year.insert(row.child());
        }
        let enters = ep(row, "RNE") == "S" && decom.is_some_and(|d| d > start && d <= end);
        let leaves = ep(row, "REC") != "X1" && dec.is_some_and(|d| d >= start && d < end);
        let short_break = matches!(ep(row, "LS"), "V3" | "V4") && during;
        if enters || leaves || short_break {
            broken.insert(row.child());
        }
    }
    in_year.retain(|c| !broken.contains(c));
    in_year
}

/// Each child's row of the previous year's Header table, when the previous year's return is
/// given.
pub(crate) fn previous_headers(ret: &Return) -> Option<HashMap<&str, &RawRow>> {
    ret.previous.as_ref().map(header_rows)
}

/// Placement types that are not registered with Ofsted, so take no URN, in the year's code list:
/// placed with parents (`P1`; `P2` with another person with parental responsibility in 2023-24),
/// residential employment (`P3`), secure units and YOIs (`R1`, `R2`, `R5`), temporary placements
/// (`T0` to `T4`) and other placements (`Z1`, split into `Z11` to `Z14` from 2025-26).
pub(crate) fn no_urn_places(year: i16) -> &'static [&'static str] {
    match year {
        ..=2024 => &[
            "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
        ],
        2025 => &[
            "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
        ],
        _ => &[
            "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
        ],
    }
}

/// Temporary placements: `T0` to `T4`.
pub(crate) fn temporary(place: &str) -> bool {
    matches!(place, "T0" | "T1" | "T2" | "T3" | "T4")
}

/// Reports every episode of a run of a child's consecutive episodes under legal status `ls`, each
/// starting the day the one before ended, when the run lasts more than `limit` days from its first
/// `DECOM` to its last `DEC` (31 March when the last episode is open, or its `DEC` is not a date).
pub(crate) fn legal_status_longer_than(
    ctx: &Ctx,
    ret: &RawReturn,
    ls: &str,
    limit: i64,
    code: &'static str,
    out: &mut Vec<crate::Finding>,
) {
    let end_of = |r: &RawRow| date(ep(r, "DEC")).unwrap_or(ctx.collection_end);
    for (_, episodes) in episodes_in_order(ret) {
        let mut run: Vec<Dated<'_>> = Vec::new();
        let mut flush = |run: &mut Vec<Dated<'_>>| {
            if let (Some((first, _)), Some((_, last))) = (run.first(), run.last())
                && days_between(*first, end_of(last)) > limit
            {
                for (_, r) in run.iter() {
                    out.push(super::common::finding(code, Table::Episodes, r, "DEC"));
                }
            }
            run.clear();
        };
        for (start, row) in episodes {
            if ep(row, "LS") != ls {
                flush(&mut run);
                continue;
            }
            let continues = run
                .last()
                .is_some_and(|(_, before)| date(ep(before, "DEC")) == Some(start));
            if !continues {
                flush(&mut run);
            }
            run.push((start, row));
        }
        flush(&mut run);
    }
}

/// Reports each episode in temporary placement `place` whose `DEC` is more than `limit` days after
/// its `DECOM` (both dates; an open episode is left until it ends).
pub(crate) fn temporary_longer_than(
    ret: &RawReturn,
    place: &str,
    limit: i64,
    code: &'static str,
    out: &mut Vec<crate::Finding>,
) {
    for row in ret.rows(Table::Episodes) {
        if ep(row, "PLACE") == place
            && let (Some(start), Some(end)) = (date(ep(row, "DECOM")), date(ep(row, "DEC")))
            && days_between(start, end) > limit
        {
            out.push(super::common::finding(code, Table::Episodes, row, "DEC"));
        }
    }
}

/// The episodes of this year's return that name an Ofsted URN (not blank, not `XXXXXXX`, the code
/// of a regional adoption agency), each with its provider in the lists when listed; `None`
/// without the lists.
pub(crate) fn episodes_with_urn(
    ret: &Return,
) -> Option<Vec<(&RawRow, Option<&formats::providers::Provider>)>> {
    let providers = ret.providers.as_ref()?;
    Some(
        ret.current
            .rows(Table::Episodes)
            .iter()
            .filter(|r| !ep(r, "URN").is_empty() && ep(r, "URN") != "XXXXXXX")
            .map(|r| (r, providers.get(ep(r, "URN"))))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_across_months_and_leap_years() {
        let d = |s| date(s).unwrap();
        assert_eq!(days_between(d("01/04/2025"), d("31/03/2026")), 364);
        assert_eq!(days_between(d("28/02/2024"), d("01/03/2024")), 2);
        assert_eq!(days_between(d("02/01/1970"), d("01/01/1970")), -1);
        assert_eq!(day_number(d("01/01/1970")), 0);
    }
}
