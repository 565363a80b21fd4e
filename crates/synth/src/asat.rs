//! As-at views: what the council knew on a day, and what each statutory return holds.
//!
//! - [`as_at`] cuts a child's record at a day: later events do not exist yet, and anything that
//!   ended later is still open (no end date, no reason). It works on any record, so the dataset
//!   (cut at the last reference date) can be cut again for an earlier year's returns.
//! - [`cin_census`] picks what the CIN census for a year holds: every CIN episode open at some
//!   time in the year, with the activity of the year (assessments completed in the year or still
//!   open, section 47 enquiries started or conferenced in the year, plans open in the year, reviews
//!   held in the year), as the DfE's census rules require.
//! - [`ssda903`] picks what the SSDA903 return for a year holds: episodes open at some time in
//!   the year, that year's reviews, missing episodes, outcomes, adoptions and social worker
//!   episodes, and the care leavers due a record around a birthday in the year.

use crate::days::*;
use crate::journey::not_required_decided;
use model::codes::*;
use model::*;

/// Whether a UPN had been issued by `at`: the September after the fourth birthday.
pub fn upn_issued(dob: Day, at: Day) -> bool {
    let (y4, m4, _) = dob.add_years(4).parts();
    Day::ymd(if m4 >= 9 { y4 + 1 } else { y4 }, 9, 1) <= at
}

fn d(x: Date) -> Day {
    Day::from_date(x)
}

fn cut_end(end: Option<Date>, at: Day) -> Option<Date> {
    end.filter(|&e| d(e) <= at)
}

/// The child's record as known on `at`, or `None` if nothing about the child was known yet.
/// `upn` is the UPN the child has (or will have) once at school.
pub fn as_at(child: &Child, at: Day, upn: Option<&str>) -> Option<Child> {
    let referrals: Vec<Referral> = child
        .referrals
        .iter()
        .filter(|r| d(r.referral_date) <= at)
        .map(|r| cut_referral(r, at))
        .collect();
    let episodes: Vec<ClaEpisode> = child
        .cla_episodes
        .iter()
        .filter(|e| d(e.start_date) <= at)
        .map(|e| {
            let mut e = e.clone();
            if e.end_date.is_some_and(|x| d(x) > at) {
                e.end_date = None;
                e.reason_ceased = None;
                e.reason_place_change = None;
            }
            e
        })
        .collect();
    if referrals.is_empty() && episodes.is_empty() {
        return None;
    }
    let mut c = child.clone();
    c.referrals = referrals;
    let born = c.birth_date.is_some_and(|b| d(b) <= at);
    if !born {
        if let Some(b) = c.birth_date.take() {
            c.expected_birth_date = Some(b);
        }
        c.sex = Some(Sex::U);
    }
    let dob = child.birth_date.map(d);
    match (upn, dob) {
        (Some(u), Some(b)) if born && upn_issued(b, at) => {
            c.upn = Some(u.to_owned());
            c.upn_unknown = None;
        }
        _ => {
            c.upn = None;
            c.upn_unknown = Some(if child.uasc.is_some() {
                UpnUnknown::UN2
            } else {
                UpnUnknown::UN1
            });
        }
    }
    // An adoption is known once the child has left care adopted.
    let adopted_by = episodes
        .iter()
        .find(|e| {
            matches!(
                e.reason_ceased,
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            )
        })
        .and_then(|e| e.end_date);
    if adopted_by.is_none() {
        c.adoption = None;
    }
    let looked_after = !episodes.is_empty();
    c.cla_episodes = episodes;
    c.cla_reviews.retain(|r| d(r.date) <= at);
    c.missing_episodes.retain(|m| d(m.start_date) <= at);
    for m in &mut c.missing_episodes {
        m.end_date = cut_end(m.end_date, at);
    }
    let year = collection_year_of(at) as i16;
    c.care_leaver_records.retain(|r| r.year.0 <= year);
    c.outcomes.retain(|o| o.year.0 <= year);
    c.placed_for_adoption.retain(|p| d(p.date_placed) <= at);
    for p in &mut c.placed_for_adoption {
        if p.date_ceased.is_some_and(|x| d(x) > at) {
            p.date_ceased = None;
            p.reason_ceased = None;
        }
    }
    if !c.cla_episodes.iter().any(|e| e.starts_period_of_care()) {
        c.previous_permanence = None;
    }
    // Social worker episodes belong to the SSDA903 return, so only children who have been looked
    // after have them (all their social workers, also from before and between periods of care).
    if !looked_after {
        c.social_worker_episodes.clear();
    }
    c.social_worker_episodes.retain(|s| d(s.start_date) <= at);
    for s in &mut c.social_worker_episodes {
        if s.end_date.is_some_and(|x| d(x) > at) {
            s.end_date = None;
        }
    }
    let mc = child.mothers_child_birth_date.filter(|&m| d(m) <= at);
    c.mothers_child_birth_date = mc;
    c.mother = if c.sex == Some(Sex::F) && looked_after {
        Some(mc.is_some())
    } else {
        None
    };
    Some(c)
}

fn cut_referral(r: &Referral, at: Day) -> Referral {
    let mut r = r.clone();
    if r.closure_date.is_some_and(|x| d(x) > at) {
        r.closure_date = None;
        r.reason_for_closure = None;
    }
    r.assessments.retain(|a| d(a.start_date) <= at);
    for a in &mut r.assessments {
        if a.authorised_date.is_some_and(|x| d(x) > at) {
            a.authorised_date = None;
            a.factors.clear();
        }
    }
    r.cin_plans.retain(|p| d(p.start_date) <= at);
    for p in &mut r.cin_plans {
        p.end_date = cut_end(p.end_date, at);
    }
    r.section47s.retain(|s| d(s.start_date) <= at);
    for s in &mut r.section47s {
        s.icpc_date = cut_end(s.icpc_date, at);
        if s.icpc_not_required && not_required_decided(d(s.start_date)) > at {
            s.icpc_not_required = false;
        }
    }
    r.cp_plans.retain(|p| d(p.start_date) <= at);
    for p in &mut r.cp_plans {
        p.end_date = cut_end(p.end_date, at);
        p.review_dates.retain(|&x| d(x) <= at);
    }
    r
}

/// What the CIN census for collection year `year` holds about a child already cut at its
/// reference date ([`as_at`]), or `None` if the child had no CIN episode open in the year.
pub fn cin_census(child: &Child, year: i32) -> Option<Child> {
    let (start, end) = (year_start(year), year_end(year));
    let in_year = |x: Date| d(x) >= start && d(x) <= end;
    let open_in_year = |x: Option<Date>| x.is_none_or(|x| d(x) >= start);
    let referrals: Vec<Referral> = child
        .referrals
        .iter()
        .filter(|r| d(r.referral_date) <= end && open_in_year(r.closure_date))
        .map(|r| {
            let mut r = r.clone();
            r.assessments
                .retain(|a| a.authorised_date.is_none_or(in_year));
            r.cin_plans.retain(|p| open_in_year(p.end_date));
            r.section47s
                .retain(|s| in_year(s.start_date) || s.icpc_date.is_some_and(in_year));
            r.cp_plans.retain(|p| open_in_year(p.end_date));
            for p in &mut r.cp_plans {
                p.review_dates.retain(|&x| in_year(x));
            }
            r
        })
        .collect();
    if referrals.is_empty() {
        return None;
    }
    let mut c = child.clone();
    c.referrals = referrals;
    c.cla_episodes.clear();
    c.cla_reviews.clear();
    c.missing_episodes.clear();
    c.care_leaver_records.clear();
    c.outcomes.clear();
    c.adoption = None;
    c.placed_for_adoption.clear();
    c.previous_permanence = None;
    c.social_worker_episodes.clear();
    Some(c)
}

/// What the SSDA903 return for `year` holds about a child already cut at its reference date,
/// or `None` if the child is not in it.
///
/// Care leavers (OC3) are returned only when the young person was looked after in this year or
/// the last one: with two years of returns loaded, the DfE rules that check a care leaver's
/// history (1001, 1002) cannot see older episodes and would report the record.
pub fn ssda903(child: &Child, year: i32) -> Option<Child> {
    let (start, end) = (year_start(year), year_end(year));
    let in_year = |x: Date| d(x) >= start && d(x) <= end;
    let episodes: Vec<ClaEpisode> = child
        .cla_episodes
        .iter()
        .filter(|e| e.end_date.is_none_or(|x| d(x) >= start))
        .cloned()
        .collect();
    let leaver = child
        .care_leaver_records
        .iter()
        .find(|r| i32::from(r.year.0) == year)
        .copied();
    let leaver = leaver.filter(|_| recent_care_leaver(child, year));
    if episodes.is_empty() && leaver.is_none() {
        return None;
    }
    // A care leaver who is a mother cannot be returned without episodes: the rules want her
    // child's date of birth again (624), with the mother flag (612), which care leavers not
    // looked after in the year must leave blank (628).
    if episodes.is_empty() && child.mothers_child_birth_date.is_some() {
        return None;
    }
    let mut c = child.clone();
    c.referrals.clear();
    c.disabilities.clear();
    let in_care = !episodes.is_empty();
    let looked_after_at_end = episodes.iter().any(|e| {
        e.end_date.is_none() && !matches!(e.legal_status, Some(LegalStatus::V3 | LegalStatus::V4))
    });
    let starts_in_year = episodes
        .iter()
        .any(|e| e.starts_period_of_care() && in_year(e.start_date));
    c.cla_episodes = episodes;
    c.cla_reviews.retain(|r| in_year(r.date));
    c.missing_episodes.retain(|m| in_year(m.start_date));
    c.care_leaver_records = leaver.into_iter().collect();
    c.outcomes.retain(|o| i32::from(o.year.0) == year);
    let adopted_in_year = c.cla_episodes.iter().any(|e| {
        matches!(
            e.reason_ceased,
            Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
        ) && e.end_date.is_some_and(in_year)
    });
    if !adopted_in_year {
        c.adoption = None;
    }
    c.placed_for_adoption
        .retain(|p| p.date_ceased.is_none_or(|x| d(x) >= start));
    if !in_care {
        c.placed_for_adoption.clear();
        c.mother = None;
        c.mothers_child_birth_date = None;
        c.uasc = None;
    }
    if !starts_in_year {
        c.previous_permanence = None;
    }
    c.social_worker_episodes = if in_care {
        social_worker_rows(child, &c.cla_episodes, start, looked_after_at_end)
    } else {
        Vec::new()
    };
    Some(c)
}

/// The SWEpisodes rows for a child in the return: the social worker episodes of the child's
/// latest period of care that run into the year, the first starting no earlier than the period
/// of care and none starting after it ended; rows shorter than three days are left out. The last
/// row stays open, also for a child who left care in the year: the DfE rules as the validators
/// apply them ask every child with episodes in the year for social worker episodes (SW12) and
/// for an episode open at 31 March (SW17).
fn social_worker_rows(
    c: &Child,
    in_return: &[ClaEpisode],
    year_start: Day,
    looked_after_at_end: bool,
) -> Vec<SocialWorkerEpisode> {
    let Some(period_start) = c
        .cla_episodes
        .iter()
        .filter(|e| e.starts_period_of_care())
        .map(|e| d(e.start_date))
        .max()
    else {
        return Vec::new();
    };
    let period_end = if looked_after_at_end {
        None
    } else {
        in_return.iter().filter_map(|e| e.end_date).map(d).max()
    };
    let mut rows: Vec<SocialWorkerEpisode> = c
        .social_worker_episodes
        .iter()
        .filter(|s| {
            s.end_date
                .is_none_or(|x| d(x) > period_start && d(x) >= year_start)
        })
        .filter(|s| period_end.is_none_or(|e| d(s.start_date) < e))
        .map(|s| {
            let mut s = s.clone();
            s.start_date = d(s.start_date).max(period_start).date();
            s
        })
        .filter(|s| s.end_date.is_none_or(|x| d(x).since(d(s.start_date)) >= 3))
        .collect();
    rows.sort_by_key(|s| s.start_date);
    if let Some(last) = rows.last_mut() {
        last.end_date = None;
    }
    rows
}

/// Whether the care leaver's care appears in this year's or last year's return, and the time
/// looked after there (from the 14th and 16th birthdays) makes them a relevant child in the eyes
/// of DfE rule 1001.
fn recent_care_leaver(child: &Child, year: i32) -> bool {
    let prev_start = year_start(year - 1);
    let Some(dob) = child.birth_date.map(d) else {
        return false;
    };
    let visible: Vec<&ClaEpisode> = child
        .cla_episodes
        .iter()
        .filter(|e| e.end_date.is_none_or(|x| d(x) >= prev_start))
        .collect();
    if visible.is_empty() {
        return false;
    }
    let (d14, d16) = (dob.add_years(14), dob.add_years(16));
    let end = year_end(year);
    let mut total14 = 0;
    let mut total16 = 0;
    for e in &visible {
        let s = d(e.start_date);
        let t = e.end_date.map(d).unwrap_or(end);
        total14 += t.since(s.max(d14)).max(0);
        total16 += t.since(s.max(d16)).max(0);
    }
    let adopted = visible.iter().any(|e| {
        matches!(
            e.reason_ceased,
            Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
        )
    });
    total14 >= 91 && total16 >= 1 && !adopted
}
