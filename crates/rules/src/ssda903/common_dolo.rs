//! What the SSDA903 rules on deprivation of liberty orders (the DoLo table of 2026-27, rules 700
//! to 710) share.

use super::common::date;
use super::common_r2::{Episode, episodes_by_child};
use formats::ssda903::Table;
use formats::ssda903::raw::{RawReturn, RawRow};
use model::Date;

/// A value of a DoLo row.
pub(crate) fn dolo<'a>(row: &'a RawRow, field: &str) -> &'a str {
    row.get(Table::DoLo, field)
}

/// Each DoLo row whose `DOLO_START` is a date and whose `DOLO_END` is a date or blank (the order
/// goes on), with the child's episodes (`DECOM` a date; a `DEC` that is not a date counts as
/// open) that overlap it: the episode starts on or before the order ends and ends on or after it
/// starts. Rows with a `DOLO_END` that is not a date are left to rule 701.
pub(crate) fn orders_with_episodes(ret: &RawReturn) -> Vec<(&RawRow, Vec<Episode<'_>>)> {
    let episodes = episodes_by_child(ret);
    let mut out = Vec::new();
    for row in ret.rows(Table::DoLo) {
        let Some(start) = date(dolo(row, "DOLO_START")) else {
            continue;
        };
        let end: Option<Date> = match dolo(row, "DOLO_END") {
            "" => None,
            v => match date(v) {
                Some(d) => Some(d),
                None => continue,
            },
        };
        let during: Vec<Episode<'_>> = episodes
            .get(row.child())
            .into_iter()
            .flatten()
            .filter(|e| end.is_none_or(|end| e.start <= end) && e.end.is_none_or(|d| d >= start))
            .copied()
            .collect();
        out.push((row, during));
    }
    out
}
