//! The case-audit programme: cycles, audits (full and dip samples) with their grades and
//! moderation, follow-up actions, and the figures a QA lead reports.

use crate::grade::{Domain, Grade, Tag};
use crate::sample::PlanType;
use model::{ChildId, Date};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A round of the audit programme, e.g. "July to November 2024".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cycle {
    pub id: String,
    pub name: String,
    /// First day of the cycle; the sample is drawn from the children open on this day.
    pub start: Date,
    /// Last day: audits allocated in the cycle are due by then.
    pub end: Date,
}

/// A full case-file audit, or a dip sample that checks on one graded requires improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Full,
    Dip,
}

impl AuditKind {
    pub fn code(self) -> &'static str {
        match self {
            AuditKind::Full => "full",
            AuditKind::Dip => "dip",
        }
    }
    pub fn parse(s: &str) -> Option<AuditKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "full" => Some(AuditKind::Full),
            "dip" => Some(AuditKind::Dip),
            _ => None,
        }
    }
}

/// A second, independent grading of a completed audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderation {
    pub moderator: String,
    pub date: Date,
    /// The moderator's overall grade.
    pub overall: Grade,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One audit of one child's case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audit {
    pub id: String,
    pub cycle: String,
    pub kind: AuditKind,
    pub child: ChildId,
    /// The team holding the case when it was sampled.
    pub team: String,
    pub plan_type: PlanType,
    /// The allocated worker when it was sampled.
    pub worker: String,
    /// The auditor; `None` until allocated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auditor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<Date>,
    /// The day the audit was completed; `None` while it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<Date>,
    /// The overall grade (required once completed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<Grade>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<Domain, Grade>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub good_practice: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub development: Vec<Tag>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub findings: String,
    /// For a dip sample: the full audit it follows up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation: Option<Moderation>,
}

impl Audit {
    /// Completed: a completion date and an overall grade.
    pub fn is_completed(&self) -> bool {
        self.completed_on.is_some() && self.overall.is_some()
    }

    /// The grade that stands: the moderator's where the audit was moderated, else the auditor's.
    pub fn final_grade(&self) -> Option<Grade> {
        self.moderation.as_ref().map(|m| m.overall).or(self.overall)
    }
}

/// Where a follow-up action stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not closed, and not yet due.
    Open,
    /// Not closed, and its due date has passed.
    Overdue,
    /// Closed on or before its due date.
    Closed,
    /// Closed after its due date.
    ClosedLate,
}

impl ActionStatus {
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Overdue => "overdue",
            ActionStatus::Closed => "closed",
            ActionStatus::ClosedLate => "closed_late",
        }
    }
}

/// A follow-up action from an audit, owned (usually by the team manager) until closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub audit: String,
    pub child: ChildId,
    pub team: String,
    pub description: String,
    pub owner: String,
    pub raised_on: Date,
    pub due_on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<Date>,
}

impl Action {
    /// The action's status on `day`: closed if closed on or before it (late if after the due
    /// date), else overdue once `day` is after the due date, else open.
    pub fn status_on(&self, day: Date) -> ActionStatus {
        match self.closed_on {
            Some(c) if c <= day => {
                if c > self.due_on {
                    ActionStatus::ClosedLate
                } else {
                    ActionStatus::Closed
                }
            }
            _ if day > self.due_on => ActionStatus::Overdue,
            _ => ActionStatus::Open,
        }
    }
}

/// `100 × n ÷ d`, `None` when `d` is 0.
pub fn percent(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| 100.0 * n as f64 / d as f64)
}

/// The figures of one cycle's (or any set's) audits, as a QA lead reports them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AuditSummary {
    /// Full audits allocated to an auditor ("of 37").
    pub allocated: u64,
    /// Of those, completed ("32").
    pub completed: u64,
    /// Completed full audits by final grade, best first.
    pub grades: [u64; 4],
    /// Completed full audits by domain and grade (auditor's grades).
    pub domain_grades: BTreeMap<Domain, [u64; 4]>,
    /// Completed full audits that were moderated, and those where the moderator's overall grade
    /// was the auditor's.
    pub moderated: u64,
    pub agreed: u64,
    /// Dip samples scheduled, completed, and completed at a better grade than the audit they
    /// follow.
    pub dips: u64,
    pub dips_completed: u64,
    pub dips_improved: u64,
    /// Follow-up actions by status on the summary day.
    pub actions: BTreeMap<ActionStatus, u64>,
    /// Themes of good practice and of development, with how many completed audits named each,
    /// most named first.
    pub good_practice: Vec<(Tag, u64)>,
    pub development: Vec<(Tag, u64)>,
}

impl AuditSummary {
    /// Completed full audits with a grade (the denominator of the grade mix).
    pub fn graded(&self) -> u64 {
        self.grades.iter().sum()
    }
    pub fn completion_pct(&self) -> Option<f64> {
        percent(self.completed, self.allocated)
    }
    pub fn good_or_better_pct(&self) -> Option<f64> {
        percent(self.grades[0] + self.grades[1], self.graded())
    }
    pub fn requires_improvement_pct(&self) -> Option<f64> {
        percent(self.grades[2], self.graded())
    }
    pub fn inadequate_pct(&self) -> Option<f64> {
        percent(self.grades[3], self.graded())
    }
    pub fn agreement_pct(&self) -> Option<f64> {
        percent(self.agreed, self.moderated)
    }
    /// "32 of 37 completed".
    pub fn completion_text(&self) -> String {
        format!("{} of {} completed", self.completed, self.allocated)
    }
}

fn grade_index(g: Grade) -> usize {
    Grade::ALL.iter().position(|x| *x == g).unwrap_or(0)
}

/// Summarises audits and actions (already chosen, e.g. one cycle's) on `day`. Full audits
/// count in the completion and grade figures; dip samples in the dip figures. A moderated
/// audit counts in the grade mix at the moderator's grade.
pub fn summarise(audits: &[Audit], actions: &[Action], day: Date) -> AuditSummary {
    let mut s = AuditSummary::default();
    let mut good: BTreeMap<Tag, u64> = BTreeMap::new();
    let mut dev: BTreeMap<Tag, u64> = BTreeMap::new();
    let by_id: BTreeMap<&str, &Audit> = audits.iter().map(|a| (a.id.as_str(), a)).collect();
    for a in audits {
        match a.kind {
            AuditKind::Full => {
                if a.auditor.is_none() {
                    continue;
                }
                s.allocated += 1;
                if !a.is_completed() {
                    continue;
                }
                s.completed += 1;
                if let Some(g) = a.final_grade() {
                    s.grades[grade_index(g)] += 1;
                }
                for (d, g) in &a.domains {
                    s.domain_grades.entry(*d).or_default()[grade_index(*g)] += 1;
                }
                if let (Some(m), Some(o)) = (&a.moderation, a.overall) {
                    s.moderated += 1;
                    s.agreed += u64::from(m.overall == o);
                }
                for t in &a.good_practice {
                    *good.entry(t.clone()).or_default() += 1;
                }
                for t in &a.development {
                    *dev.entry(t.clone()).or_default() += 1;
                }
            }
            AuditKind::Dip => {
                s.dips += 1;
                if !a.is_completed() {
                    continue;
                }
                s.dips_completed += 1;
                let before = a
                    .follows
                    .as_deref()
                    .and_then(|f| by_id.get(f))
                    .and_then(|f| f.final_grade());
                if let (Some(before), Some(now)) = (before, a.final_grade())
                    && now < before
                {
                    s.dips_improved += 1;
                }
            }
        }
    }
    for act in actions {
        *s.actions.entry(act.status_on(day)).or_default() += 1;
    }
    let ranked = |m: BTreeMap<Tag, u64>| {
        let mut v: Vec<(Tag, u64)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    };
    s.good_practice = ranked(good);
    s.development = ranked(dev);
    s
}

/// What [`dip_sample`] is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DipPlan {
    /// The share of eligible audits to dip-sample, in whole percent (100: every one).
    pub percent: u32,
    pub seed: u64,
    /// The day the dip samples are scheduled.
    pub on: Date,
    /// Days from `on` until each is due.
    pub due_in_days: i32,
    /// Who carries them out; `None` leaves them with the team manager to allocate.
    pub auditor: Option<String>,
}

/// Chooses, among the completed full audits graded requires improvement (final grade) that
/// have no dip sample yet, `ceil(percent × n ÷ 100)` at random (reproducible by seed), and
/// returns a dip-sample audit for each, named `<audit id>-DIP`, in the same cycle.
pub fn dip_sample(audits: &[Audit], plan: &DipPlan) -> Vec<Audit> {
    let followed: BTreeSet<&str> = audits
        .iter()
        .filter(|a| a.kind == AuditKind::Dip)
        .filter_map(|a| a.follows.as_deref())
        .collect();
    let mut eligible: Vec<&Audit> = audits
        .iter()
        .filter(|a| {
            a.kind == AuditKind::Full
                && a.is_completed()
                && a.final_grade() == Some(Grade::RequiresImprovement)
                && !followed.contains(a.id.as_str())
        })
        .collect();
    eligible.sort_by(|a, b| a.id.cmp(&b.id));
    let n = eligible.len();
    let take = (n * plan.percent.min(100) as usize).div_ceil(100);
    let mut rng = crate::sample::Rng::new(plan.seed);
    rng.partial_shuffle(&mut eligible, take);
    let mut chosen: Vec<&Audit> = eligible.into_iter().take(take).collect();
    chosen.sort_by(|a, b| a.id.cmp(&b.id));
    let due = plan
        .on
        .checked_add(jiff::Span::new().days(i64::from(plan.due_in_days)))
        .ok();
    chosen
        .into_iter()
        .map(|a| Audit {
            id: format!("{}-DIP", a.id),
            cycle: a.cycle.clone(),
            kind: AuditKind::Dip,
            child: a.child.clone(),
            team: a.team.clone(),
            plan_type: a.plan_type,
            worker: a.worker.clone(),
            auditor: plan.auditor.clone(),
            allocated_on: Some(plan.on),
            due_on: due,
            completed_on: None,
            overall: None,
            domains: BTreeMap::new(),
            good_practice: Vec::new(),
            development: Vec::new(),
            findings: String::new(),
            follows: Some(a.id.clone()),
            moderation: None,
        })
        .collect()
}
