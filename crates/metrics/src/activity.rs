//! Which children can count in a period: those with a record that touches it.
//!
//! A child's activity span runs from their earliest recorded date to their latest, or without end
//! if any record is still open (a referral not closed, a plan or episode of care not ended). Every
//! indicator counts a child only for something that happens in, or is open during, the period
//! (looking back from there within the child's own records), so a child whose span misses the
//! period cannot count in it. Skipping them is the same calculation, faster: most children known
//! to a council have nothing open in any given month. A test checks that the whole catalogue gives
//! the same figures with and without the skip.

use crate::Period;
use model::{Child, CollectionYear, Date};

/// The first and last day of a child's records (`Date::MAX` when something is still open).
pub(crate) fn span(c: &Child) -> (Date, Date) {
    let mut first = Date::MAX;
    let mut last = Date::MIN;
    let mut see = |d: Date| {
        first = first.min(d);
        last = last.max(d);
    };
    let mut open = false;
    let mut until = |d: Option<Date>, see: &mut dyn FnMut(Date)| match d {
        Some(d) => see(d),
        None => open = true,
    };
    let year = |y: CollectionYear, see: &mut dyn FnMut(Date)| {
        see(y.start());
        see(y.end());
    };
    for r in &c.referrals {
        see(r.referral_date);
        until(r.closure_date, &mut see);
        r.initial_cpc_date.into_iter().for_each(&mut see);
        for a in &r.assessments {
            see(a.start_date);
            until(a.authorised_date, &mut see);
        }
        for p in &r.cin_plans {
            see(p.start_date);
            until(p.end_date, &mut see);
        }
        for s in &r.section47s {
            see(s.start_date);
            s.icpc_date.into_iter().for_each(&mut see);
        }
        for p in &r.cp_plans {
            see(p.start_date);
            until(p.end_date, &mut see);
            p.review_dates.iter().copied().for_each(&mut see);
        }
    }
    for e in &c.cla_episodes {
        see(e.start_date);
        until(e.end_date, &mut see);
    }
    c.cla_reviews.iter().for_each(|r| see(r.date));
    for m in &c.missing_episodes {
        see(m.start_date);
        m.end_date.into_iter().for_each(&mut see);
    }
    c.care_leaver_records
        .iter()
        .for_each(|r| year(r.year, &mut see));
    c.outcomes.iter().for_each(|o| year(o.year, &mut see));
    for p in &c.placed_for_adoption {
        see(p.date_placed);
        p.date_ceased.into_iter().for_each(&mut see);
    }
    if let Some(a) = &c.adoption {
        a.decision_date.into_iter().for_each(&mut see);
        a.match_date.into_iter().for_each(&mut see);
    }
    for s in &c.social_worker_episodes {
        see(s.start_date);
        s.end_date.into_iter().for_each(&mut see);
    }
    if let Some(u) = &c.uasc {
        u.ceased.into_iter().for_each(&mut see);
    }
    if open {
        last = Date::MAX;
    }
    (first, last)
}

/// The indices of the children whose span touches `period` (spans as from [`span`], in the
/// dataset's order).
pub(crate) fn active_in(spans: &[(Date, Date)], period: &Period) -> Vec<u32> {
    spans
        .iter()
        .enumerate()
        .filter(|(_, (first, last))| *first <= period.end && *last >= period.start)
        .map(|(i, _)| i as u32)
        .collect()
}
