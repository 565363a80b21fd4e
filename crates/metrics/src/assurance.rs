//! Practice-assurance indicators: the audit programme (completion, % good or better,
//! moderation agreement), caseloads, and the workforce's vacancy and agency rates.
//!
//! Audit and workforce figures come from [`Inputs::assurance`]; without it (no assurance
//! records given) their denominators are 0 and they have no value. Median caseload comes from
//! the dataset's case allocations.

use crate::{
    ALL_PERIODS, IndicatorDef, Inputs, Observation, Period, Polarity, Quadrant, Unit, ids,
};
use assurance::{AuditKind, workforce};
use model::ChildId;

pub const AUDIT_COMPLETION_PCT: &str = "audit_completion_pct";
pub const AUDITS_GOOD_OR_BETTER_PCT: &str = "audits_good_or_better_pct";
pub const MODERATION_AGREEMENT_PCT: &str = "moderation_agreement_pct";
pub const MEDIAN_CASELOAD: &str = "median_caseload";
pub const VACANCY_RATE_PCT: &str = "vacancy_rate_pct";
pub const AGENCY_RATE_PCT: &str = "agency_rate_pct";

fn observation(
    p: &Period,
    numerator: Vec<ChildId>,
    denominator: Vec<ChildId>,
    n: u64,
    d: u64,
) -> Observation {
    Observation {
        period_start: p.start,
        period_end: p.end,
        numerator: n,
        denominator: Some(d),
        value: crate::percent(n, d),
        numerator_children: ids(numerator),
        denominator_children: ids(denominator),
        breakdown: Vec::new(),
    }
}

fn audit_completion(i: &Inputs<'_>, p: &Period) -> Observation {
    let (mut num, mut den) = (Vec::new(), Vec::new());
    let (mut n, mut d) = (0, 0);
    if let Some(data) = i.assurance {
        for a in data
            .audits
            .iter()
            .filter(|a| a.kind == AuditKind::Full && a.auditor.is_some())
        {
            let due = a.due_on.or_else(|| data.cycle(&a.cycle).map(|c| c.end));
            if !due.is_some_and(|due| p.start <= due && due <= p.end) {
                continue;
            }
            d += 1;
            den.push(a.child.clone());
            if a.is_completed() && a.completed_on.is_some_and(|c| c <= p.end) {
                n += 1;
                num.push(a.child.clone());
            }
        }
    }
    observation(p, num, den, n, d)
}

fn good_or_better(i: &Inputs<'_>, p: &Period) -> Observation {
    let (mut num, mut den) = (Vec::new(), Vec::new());
    let (mut n, mut d) = (0, 0);
    for a in i.assurance.iter().flat_map(|x| &x.audits) {
        let in_period = a.completed_on.is_some_and(|c| p.start <= c && c <= p.end);
        let Some(g) = a
            .final_grade()
            .filter(|_| a.kind == AuditKind::Full && in_period)
        else {
            continue;
        };
        d += 1;
        den.push(a.child.clone());
        if g.is_good_or_better() {
            n += 1;
            num.push(a.child.clone());
        }
    }
    observation(p, num, den, n, d)
}

fn moderation_agreement(i: &Inputs<'_>, p: &Period) -> Observation {
    let (mut num, mut den) = (Vec::new(), Vec::new());
    let (mut n, mut d) = (0, 0);
    for a in i.assurance.iter().flat_map(|x| &x.audits) {
        let (Some(m), Some(o)) = (&a.moderation, a.overall) else {
            continue;
        };
        if !(p.start <= m.date && m.date <= p.end) {
            continue;
        }
        d += 1;
        den.push(a.child.clone());
        if m.overall == o {
            n += 1;
            num.push(a.child.clone());
        }
    }
    observation(p, num, den, n, d)
}

fn median_caseload(i: &Inputs<'_>, p: &Period) -> Observation {
    let loads = workforce::caseloads(i.dataset, p.end);
    let values: Vec<u32> = loads.iter().map(|(_, n)| *n).collect();
    // Only the list of children behind the figure needs these lookups.
    let mut children: Vec<ChildId> = i
        .dataset
        .allocations
        .iter()
        .filter(|_| crate::keep_ids())
        .filter(|a| {
            a.is_open_on(p.end)
                && loads
                    .binary_search_by(|(w, _)| w.as_str().cmp(&a.worker))
                    .is_ok()
        })
        .map(|a| a.child.clone())
        .collect();
    children.sort();
    children.dedup();
    Observation {
        period_start: p.start,
        period_end: p.end,
        // The workers are the count shown beside the median (and withheld with it when few).
        numerator: values.len() as u64,
        denominator: None,
        value: workforce::median(&values),
        numerator_children: ids(children),
        denominator_children: Vec::new(),
        breakdown: Vec::new(),
    }
}

fn posts(i: &Inputs<'_>, p: &Period, agency: bool) -> Observation {
    let (_, total) = workforce::posts_on(i.assurance.map_or(&[], |a| a.posts.as_slice()), p.end);
    let (n, d) = if agency {
        (total.agency, total.filled)
    } else {
        (total.vacant, total.posts)
    };
    observation(p, Vec::new(), Vec::new(), n, d)
}

pub(crate) const AUDIT_COMPLETION: IndicatorDef = IndicatorDef {
    id: AUDIT_COMPLETION_PCT,
    title: "% of allocated case audits completed",
    quadrant: Quadrant::HowMuch,
    polarity: Polarity::HighIsGood,
    unit: Unit::Percent,
    definition: "Of the full case-file audits allocated to an auditor and due in the period (their \
        due date, or else their cycle's last day, falls in it), the share completed, with an \
        overall grade, by the end of the period. Dip samples are not counted. \"32 of 37 \
        completed\" is 86.5%.",
    numerator: "Allocated full audits due in the period and completed by its end",
    denominator: "Allocated full audits due in the period",
    period_kinds: ALL_PERIODS,
    settings: &[],
    source: "local (research/indicators.md §5; the audit programme)",
    compute: |i, p, _| audit_completion(i, p),
};

pub(crate) const GOOD_OR_BETTER: IndicatorDef = IndicatorDef {
    id: AUDITS_GOOD_OR_BETTER_PCT,
    title: "% of case audits graded good or better",
    quadrant: Quadrant::HowWell,
    polarity: Polarity::HighIsGood,
    unit: Unit::Percent,
    definition: "Of the full case-file audits completed in the period, the share whose grade is \
        outstanding or good on Ofsted's four-point scale. A moderated audit counts at the \
        moderator's grade. Dip samples are not counted.",
    numerator: "Full audits completed in the period graded outstanding or good",
    denominator: "Full audits completed in the period",
    period_kinds: ALL_PERIODS,
    settings: &[],
    source: "local (research/indicators.md §5 and §8, indicator 20)",
    compute: |i, p, _| good_or_better(i, p),
};

pub(crate) const MODERATION_AGREEMENT: IndicatorDef = IndicatorDef {
    id: MODERATION_AGREEMENT_PCT,
    title: "% of moderated audits where the moderator agreed the grade",
    quadrant: Quadrant::HowWell,
    polarity: Polarity::HighIsGood,
    unit: Unit::Percent,
    definition: "Of the audits moderated in the period (a second, independent grading dated in \
        the period), the share where the moderator's overall grade was the auditor's.",
    numerator: "Audits moderated in the period at the auditor's grade",
    denominator: "Audits moderated in the period",
    period_kinds: ALL_PERIODS,
    settings: &[],
    source: "local (research/indicators.md §5, moderation agreement rate)",
    compute: |i, p, _| moderation_agreement(i, p),
};

pub(crate) const CASELOAD: IndicatorDef = IndicatorDef {
    id: MEDIAN_CASELOAD,
    title: "Median caseload of case-holding social workers",
    quadrant: Quadrant::HowMuch,
    polarity: Polarity::LowIsGood,
    unit: Unit::Count,
    definition: "On the last day of the period (or the reporting date), the median number of \
        children allocated to each social worker holding at least one case (the mean of the two \
        middle caseloads when there is an even number of workers). A child allocated twice to \
        the same worker counts once; workers recorded in another role (team managers, family \
        practitioners, adult workers) are left out. The figure is the median; the count beside \
        it is the number of case-holding social workers, and the children behind it are those \
        on their caseloads.",
    numerator: "Social workers holding at least one case (the figure is their median caseload)",
    denominator: "(none)",
    period_kinds: ALL_PERIODS,
    settings: &[],
    source: "local (case-management extract allocations); DfE CSC workforce statistics use the mean",
    compute: |i, p, _| median_caseload(i, p),
};

pub(crate) const VACANCY: IndicatorDef = IndicatorDef {
    id: VACANCY_RATE_PCT,
    title: "% of posts vacant",
    quadrant: Quadrant::HowMuch,
    polarity: Polarity::LowIsGood,
    unit: Unit::Percent,
    definition: "On the last day of the period (or the reporting date), the share of established \
        posts, of every discipline (social workers, team managers, family practitioners and \
        Family Safeguarding's domestic abuse, mental health and substance use workers), that \
        were vacant. Posts are counted, not full-time equivalents.",
    numerator: "Vacant posts at the end of the period",
    denominator: "Established posts at the end of the period",
    period_kinds: ALL_PERIODS,
    settings: &[],
    source: "local (workforce posts)",
    compute: |i, p, _| posts(i, p, false),
};

pub(crate) const AGENCY: IndicatorDef = IndicatorDef {
    id: AGENCY_RATE_PCT,
    title: "% of filled posts held by agency staff",
    quadrant: Quadrant::HowWell,
    polarity: Polarity::LowIsGood,
    unit: Unit::Percent,
    definition: "On the last day of the period (or the reporting date), the share of filled \
        posts held by agency (locum) staff. The DfE's agency worker rate is the same share by \
        full-time equivalents.",
    numerator: "Posts filled by agency staff at the end of the period",
    denominator: "Filled posts at the end of the period",
    period_kinds: ALL_PERIODS,
    settings: &[],
    source: "local (workforce posts); cf. DfE children's social work workforce, agency worker rate",
    compute: |i, p, _| posts(i, p, true),
};
