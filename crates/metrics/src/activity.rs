//! Which children can count in a period: those with a record that touches it.
//!
//! Each of a child's records is active from its earliest date to its latest, or without end if it
//! is still open (a referral not closed, an assessment not authorised, a plan or episode of care
//! not ended). A child is active in a period when one of their records is. Every indicator counts
//! a child only for a record that has a date in, or is open during, the period (looking back from
//! there within the child's own records), so a child none of whose records touches the period
//! cannot count in it. Skipping them is the same calculation, faster: most children known to a
//! council have nothing open in any given month, even when they had something years before and
//! something again years after. A test checks that the whole catalogue gives the same figures with
//! and without the skip.

use crate::Period;
use model::{Child, CollectionYear, Date};

/// Which of a child's records an indicator reads to decide whether the child counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Records {
    /// Every record.
    All,
    /// None: the indicator does not read the children (Family Safeguarding has its own records).
    Nothing,
    /// The CIN census events the CIN indicators count: referrals (their date), assessments
    /// (authorised), section 47 enquiries (started, conference held), initial conferences and CP
    /// plans (from start to end).
    Cin,
    /// The episodes of care (short breaks included).
    Care,
    /// The care leaver (OC3) records.
    CareLeavers,
    /// CP plans and CIN plans, each from start to end: the visits indicators count children on
    /// a plan at the period end.
    Plans,
    /// Missing episodes, from start to end.
    Missing,
}

impl Records {
    /// The records an indicator of the catalogue needs a child to have in the period before it
    /// can count them: each indicator counts only children with such a record with a date in,
    /// or open during, the period.
    pub(crate) fn of(indicator: &str) -> Records {
        match indicator {
            // CP plans starting, referrals, assessments authorised, section 47 enquiries and
            // conferences, CP plans open, ending or starting: all CIN census records.
            crate::CP_STARTS_FROM_CIN_PCT
            | "referrals"
            | "referrals_per_10k"
            | "rereferrals_12m_pct"
            | "referrals_nfa_pct"
            | "assessments_completed"
            | "assessments_45wd_pct"
            | "section47s"
            | "s47_per_10k"
            | "icpcs"
            | "icpc_per_10k"
            | "icpc_15wd_pct"
            | "cp_starts"
            | "cp_starts_per_10k"
            | "cp_plans_open"
            | "cp_plans_per_10k"
            | "cp_second_or_subsequent_pct"
            | "cp_ended_2y_plus_pct"
            | "cp_reviews_in_timescale_pct" => Records::Cin,
            // An episode starting in the period, or (through `looked_after::cares`) an episode
            // open on some day of it.
            crate::CLA_STARTS_FROM_CP_OR_CIN
            | crate::CLA_STARTS
            | crate::CLA_STARTS_PER_10K
            | crate::CLA_OPEN
            | crate::CLA_PER_10K
            | crate::CLA_PER_10K_EXCL_UASC
            | crate::CLA_3PLUS_PLACEMENTS_PCT
            | crate::CLA_LONG_TERM_STABILITY_PCT
            | crate::CLA_MISSING_PCT
            | crate::ADOPTION_A1_DAYS
            | crate::ADOPTION_A10_DAYS => Records::Care,
            // A record for the collection year holding the period end.
            crate::CARE_LEAVERS_EET_PCT | crate::CARE_LEAVERS_SUITABLE_ACCOMMODATION_PCT => {
                Records::CareLeavers
            }
            crate::FSM_OPEN_CHILDREN
            | crate::CONTACTS
            | crate::CONTACTS_PER_10K
            | crate::CONTACT_REFERRAL_PCT => Records::Nothing,
            crate::CLA_VISITS_PCT | crate::ADOPTION_A2_DAYS => Records::Care,
            crate::CP_VISITS_PCT | crate::CIN_VISITS_PCT => Records::Plans,
            crate::CLA_MISSING_RHI_PCT => Records::Missing,
            _ => Records::All,
        }
    }
}

/// The days a child's records (those of `which`) cover: each record from its earliest date to
/// its latest (`Date::MAX` when it is still open), merged where they overlap, in date order.
pub(crate) fn intervals(c: &Child, which: Records, out: &mut Vec<(Date, Date)>) {
    let start = out.len();
    // One record: the dates it holds, and whether it is still open.
    let mut record = |dates: &mut dyn Iterator<Item = Date>, open: bool| {
        let (mut first, mut last) = (Date::MAX, Date::MIN);
        for d in dates {
            first = first.min(d);
            last = last.max(d);
        }
        if first <= last {
            out.push((first, if open { Date::MAX } else { last }));
        }
    };
    let year = |y: CollectionYear| [y.start(), y.end()];
    if which == Records::Plans {
        for r in &c.referrals {
            for p in &r.cp_plans {
                record(
                    &mut [p.start_date].into_iter().chain(p.end_date),
                    p.end_date.is_none(),
                );
            }
            for p in &r.cin_plans {
                record(
                    &mut [p.start_date].into_iter().chain(p.end_date),
                    p.end_date.is_none(),
                );
            }
        }
        return merge(out, start);
    }
    if which == Records::Missing {
        for m in &c.missing_episodes {
            record(&mut [m.start_date].into_iter().chain(m.end_date), false);
        }
        return merge(out, start);
    }
    let (cin, care, leavers) = match which {
        Records::All => (true, true, true),
        Records::Cin => (true, false, false),
        Records::Care => (false, true, false),
        Records::CareLeavers => (false, false, true),
        Records::Nothing | Records::Plans | Records::Missing => return,
    };
    if which == Records::Cin {
        // Only the dates the CIN indicators count on: a referral's date and its conference, an
        // assessment's authorisation, an enquiry's start and conference, and CP plans (open at
        // the period end, or starting or ending in it). An open referral, an assessment not yet
        // authorised or a CIN plan is read only to look back from one of those.
        for r in &c.referrals {
            for d in [r.referral_date].into_iter().chain(r.initial_cpc_date) {
                record(&mut std::iter::once(d), false);
            }
            for a in &r.assessments {
                record(&mut a.authorised_date.into_iter(), false);
            }
            for s in &r.section47s {
                for d in [s.start_date].into_iter().chain(s.icpc_date) {
                    record(&mut std::iter::once(d), false);
                }
            }
            for p in &r.cp_plans {
                record(
                    &mut [p.start_date]
                        .into_iter()
                        .chain(p.end_date)
                        .chain(p.review_dates.iter().copied()),
                    p.end_date.is_none(),
                );
            }
        }
        return merge(out, start);
    }
    for r in c.referrals.iter().filter(|_| cin) {
        record(
            &mut [r.referral_date]
                .into_iter()
                .chain(r.closure_date)
                .chain(r.initial_cpc_date),
            r.closure_date.is_none(),
        );
        for a in &r.assessments {
            record(
                &mut [a.start_date].into_iter().chain(a.authorised_date),
                a.authorised_date.is_none(),
            );
        }
        for p in &r.cin_plans {
            record(
                &mut [p.start_date].into_iter().chain(p.end_date),
                p.end_date.is_none(),
            );
        }
        for s in &r.section47s {
            record(&mut [s.start_date].into_iter().chain(s.icpc_date), false);
        }
        for p in &r.cp_plans {
            record(
                &mut [p.start_date]
                    .into_iter()
                    .chain(p.end_date)
                    .chain(p.review_dates.iter().copied()),
                p.end_date.is_none(),
            );
        }
    }
    for e in c.cla_episodes.iter().filter(|_| care) {
        record(
            &mut [e.start_date].into_iter().chain(e.end_date),
            e.end_date.is_none(),
        );
    }
    for r in c.care_leaver_records.iter().filter(|_| leavers) {
        record(&mut year(r.year).into_iter(), false);
    }
    if which != Records::All {
        return merge(out, start);
    }
    for r in &c.cla_reviews {
        record(&mut std::iter::once(r.date), false);
    }
    for m in &c.missing_episodes {
        record(&mut [m.start_date].into_iter().chain(m.end_date), false);
    }
    for o in &c.outcomes {
        record(&mut year(o.year).into_iter(), false);
    }
    for p in &c.placed_for_adoption {
        record(&mut [p.date_placed].into_iter().chain(p.date_ceased), false);
    }
    if let Some(a) = &c.adoption {
        record(&mut a.decision_date.into_iter(), false);
        record(&mut a.match_date.into_iter(), false);
    }
    for s in &c.social_worker_episodes {
        record(&mut [s.start_date].into_iter().chain(s.end_date), false);
    }
    if let Some(u) = &c.uasc {
        record(&mut u.ceased.into_iter(), false);
    }
    merge(out, start);
}

/// Sorts and merges the intervals `out[start..]`, so that a period is checked against few.
fn merge(out: &mut Vec<(Date, Date)>, start: usize) {
    let mine = &mut out[start..];
    mine.sort_unstable();
    let mut kept = start;
    for i in start..out.len() {
        let (first, last) = out[i];
        if kept > start && first <= out[kept - 1].1 {
            out[kept - 1].1 = out[kept - 1].1.max(last);
        } else {
            out[kept] = (first, last);
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Every child's intervals (see [`intervals`]), flattened: child `i`'s are
/// `all[bounds[i]..bounds[i + 1]]`.
pub(crate) struct Activity {
    all: Vec<(Date, Date)>,
    bounds: Vec<u32>,
}

impl Activity {
    pub(crate) fn of(children: &[Child], which: Records) -> Activity {
        let mut all = Vec::new();
        let mut bounds = Vec::with_capacity(children.len() + 1);
        bounds.push(0);
        for c in children {
            intervals(c, which, &mut all);
            bounds.push(u32::try_from(all.len()).expect("fewer than 2^32 records"));
        }
        all.shrink_to_fit();
        Activity { all, bounds }
    }

    /// The indices of the children with a record touching `period`, in the dataset's order.
    pub(crate) fn active_in(&self, period: &Period) -> Vec<u32> {
        self.bounds
            .windows(2)
            .enumerate()
            .filter(|(_, w)| {
                self.all[w[0] as usize..w[1] as usize]
                    .iter()
                    .any(|(first, last)| *first <= period.end && *last >= period.start)
            })
            .map(|(i, _)| i as u32)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PeriodKind;
    use jiff::civil::date;
    use model::{CpPlan, Referral};

    fn month(y: i16, m: i8) -> Period {
        let start = date(y, m, 1);
        Period {
            kind: PeriodKind::Month,
            start,
            end: start.last_of_month(),
        }
    }

    #[test]
    fn a_child_is_active_only_where_a_record_of_the_kind_touches_the_period() {
        // A referral never closed in 2020, and a CP plan from March to May 2024.
        let child = Child {
            referrals: vec![
                Referral {
                    referral_date: date(2020, 1, 10),
                    ..Referral::default()
                },
                Referral {
                    referral_date: date(2024, 3, 1),
                    closure_date: Some(date(2024, 6, 1)),
                    cp_plans: vec![CpPlan {
                        start_date: date(2024, 3, 5),
                        end_date: Some(date(2024, 5, 20)),
                        ..CpPlan::default()
                    }],
                    ..Referral::default()
                },
            ],
            ..Child::default()
        };
        let children = [child];
        let active = |which, p: Period| !Activity::of(&children, which).active_in(&p).is_empty();
        // Every record: the open referral keeps the child active from 2020 on.
        assert!(active(Records::All, month(2022, 6)));
        assert!(active(Records::All, month(2024, 6)));
        // CIN events: the referral dates and the CP plan only.
        assert!(active(Records::Cin, month(2020, 1)));
        assert!(!active(Records::Cin, month(2022, 6)));
        assert!(active(Records::Cin, month(2024, 3)));
        assert!(active(Records::Cin, month(2024, 5)));
        assert!(!active(Records::Cin, month(2024, 6)));
        // No episodes of care, no care leaver records.
        assert!(!active(Records::Care, month(2024, 3)));
        assert!(!active(Records::CareLeavers, month(2024, 3)));
        assert!(!active(Records::Nothing, month(2024, 3)));
    }
}
