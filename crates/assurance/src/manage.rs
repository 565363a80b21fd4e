//! The steps of running the audit programme, each checked against what is stored: start a
//! cycle, draw its sample, allocate its audits, moderate a completed audit, schedule dip
//! samples. Shared by `harbour audit …` and the web app's programme pages, so both refuse the
//! same things with the same words. Each returns the records to store; none stores anything.

use crate::AssuranceData;
use crate::grade::Grade;
use crate::programme::{Audit, AuditKind, Cycle, DipPlan, Moderation, dip_sample};
use crate::sample::{self, Auditor, Design, SampleError};
use model::{ChildId, Dataset, Date};

/// Why a step cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManageError {
    #[error("no audit cycle {0} is stored (start one first)")]
    NoCycle(String),
    #[error("cycle {0} exists already")]
    CycleExists(String),
    #[error("the cycle's id and name must not be empty")]
    EmptyCycle,
    #[error("the cycle ends ({end}) before it starts ({start})")]
    EndsBeforeStart { start: Date, end: Date },
    #[error("cycle {0} has been sampled already")]
    Sampled(String),
    #[error("a sample needs at least one child")]
    EmptySample,
    #[error(transparent)]
    Sample(#[from] SampleError),
    #[error("cycle {0} has no audits to allocate: draw its sample first")]
    NothingToAllocate(String),
    #[error("the dip-sample share must be from 1 to 100 percent, not {0}")]
    Percent(u32),
    #[error("no audit {0} is stored")]
    NoAudit(String),
    #[error("audit {0} is not completed: only a completed audit can be moderated")]
    NotCompleted(String),
    #[error("audit {0} is a dip sample: moderation is of full audits")]
    DipModeration(String),
    #[error("the auditor of audit {0} cannot moderate it")]
    OwnAudit(String),
    #[error("the moderation date {date} is before the audit was completed ({completed})")]
    ModeratedBeforeCompleted { date: Date, completed: Date },
}

/// A new cycle, refused if its id is taken or its dates are the wrong way round.
pub fn new_cycle(
    data: &AssuranceData,
    id: &str,
    name: &str,
    start: Date,
    end: Date,
) -> Result<Cycle, ManageError> {
    let (id, name) = (id.trim(), name.trim());
    if id.is_empty() || name.is_empty() {
        return Err(ManageError::EmptyCycle);
    }
    if end < start {
        return Err(ManageError::EndsBeforeStart { start, end });
    }
    if data.cycle(id).is_some() {
        return Err(ManageError::CycleExists(id.to_owned()));
    }
    Ok(Cycle {
        id: id.to_owned(),
        name: name.to_owned(),
        start,
        end,
    })
}

fn cycle<'a>(data: &'a AssuranceData, id: &str) -> Result<&'a Cycle, ManageError> {
    data.cycle(id)
        .ok_or_else(|| ManageError::NoCycle(id.to_owned()))
}

/// A drawn sample: the cycle's new (unallocated) audits, and how many children it was drawn
/// from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub audits: Vec<Audit>,
    pub population: usize,
}

/// Draws the sample of a cycle not yet sampled from the children open and allocated on its
/// first day (`sample::population`), leaving out the children audited in `exclude_cycles`.
pub fn draw_sample(
    data: &AssuranceData,
    dataset: &Dataset,
    cycle_id: &str,
    size: usize,
    design: Design,
    seed: u64,
    exclude_cycles: &[String],
) -> Result<Drawn, ManageError> {
    let cycle = cycle(data, cycle_id)?;
    if size == 0 {
        return Err(ManageError::EmptySample);
    }
    if data
        .audits
        .iter()
        .any(|a| a.cycle == cycle.id && a.kind == AuditKind::Full)
    {
        return Err(ManageError::Sampled(cycle.id.clone()));
    }
    let exclude: Vec<ChildId> = data
        .audits
        .iter()
        .filter(|a| exclude_cycles.contains(&a.cycle))
        .map(|a| a.child.clone())
        .collect();
    let population = sample::population(dataset, cycle.start);
    let chosen = sample::select(&population, size, design, seed, &exclude)?;
    Ok(Drawn {
        audits: sample::audits_for(cycle, &chosen, 1),
        population: population.len(),
    })
}

/// Allocates the cycle's unallocated full audits to `auditors` (`sample::allocate`) on `on`
/// (default: the cycle's first day). Returns every full audit of the cycle, changed or not, and
/// how many were allocated now.
pub fn allocate_cycle(
    data: &AssuranceData,
    cycle_id: &str,
    auditors: &[Auditor],
    on: Option<Date>,
) -> Result<(Vec<Audit>, usize), ManageError> {
    let cycle = cycle(data, cycle_id)?;
    let (mut audits, _) = data.of_cycle(&cycle.id);
    audits.retain(|a| a.kind == AuditKind::Full);
    if audits.is_empty() {
        return Err(ManageError::NothingToAllocate(cycle.id.clone()));
    }
    let n = sample::allocate(&mut audits, auditors, on.unwrap_or(cycle.start))?;
    Ok((audits, n))
}

/// Schedules dip samples of the cycle's audits graded requires improvement (`dip_sample`); `on`
/// defaults to the cycle's last day.
pub fn schedule_dips(
    data: &AssuranceData,
    cycle_id: &str,
    percent: u32,
    seed: u64,
    on: Option<Date>,
    due_in_days: i32,
    auditor: Option<String>,
) -> Result<Vec<Audit>, ManageError> {
    let cycle = cycle(data, cycle_id)?;
    if percent == 0 || percent > 100 {
        return Err(ManageError::Percent(percent));
    }
    let (audits, _) = data.of_cycle(&cycle.id);
    Ok(dip_sample(
        &audits,
        &DipPlan {
            percent,
            seed,
            on: on.unwrap_or(cycle.end),
            due_in_days,
            auditor,
        },
    ))
}

/// A completed full audit with a moderator's second grading (replacing any earlier one). The
/// moderator may not be its auditor, nor date the moderation before its completion.
pub fn moderate(
    data: &AssuranceData,
    audit_id: &str,
    moderator: &str,
    date: Date,
    overall: Grade,
    notes: &str,
) -> Result<Audit, ManageError> {
    let audit = data
        .audits
        .iter()
        .find(|a| a.id == audit_id)
        .ok_or_else(|| ManageError::NoAudit(audit_id.to_owned()))?;
    if audit.kind == AuditKind::Dip {
        return Err(ManageError::DipModeration(audit.id.clone()));
    }
    let Some(completed) = audit.completed_on.filter(|_| audit.is_completed()) else {
        return Err(ManageError::NotCompleted(audit.id.clone()));
    };
    if audit.auditor.as_deref() == Some(moderator) {
        return Err(ManageError::OwnAudit(audit.id.clone()));
    }
    if date < completed {
        return Err(ManageError::ModeratedBeforeCompleted { date, completed });
    }
    Ok(Audit {
        moderation: Some(Moderation {
            moderator: moderator.to_owned(),
            date,
            overall,
            notes: notes.trim().to_owned(),
        }),
        ..audit.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn audit(id: &str, auditor: &str, completed: Option<Date>, overall: Option<Grade>) -> Audit {
        Audit {
            id: id.into(),
            cycle: "C1".into(),
            kind: AuditKind::Full,
            child: ChildId::from("CH1"),
            team: "T1".into(),
            plan_type: sample::PlanType::Cp,
            worker: "W9".into(),
            auditor: Some(auditor.into()),
            allocated_on: Some(date(2025, 7, 1)),
            due_on: Some(date(2025, 7, 31)),
            completed_on: completed,
            overall,
            domains: Default::default(),
            good_practice: Vec::new(),
            development: Vec::new(),
            findings: String::new(),
            follows: None,
            moderation: None,
        }
    }

    fn data() -> AssuranceData {
        AssuranceData {
            cycles: vec![Cycle {
                id: "C1".into(),
                name: "Summer".into(),
                start: date(2025, 7, 1),
                end: date(2025, 9, 30),
            }],
            audits: vec![
                audit(
                    "C1-001",
                    "W1",
                    Some(date(2025, 7, 20)),
                    Some(Grade::RequiresImprovement),
                ),
                audit("C1-002", "W1", None, None),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn moderation_is_of_a_completed_audit_by_someone_else_after_it() {
        let d = data();
        let m = moderate(
            &d,
            "C1-001",
            "QA1",
            date(2025, 7, 21),
            Grade::Good,
            " agreed RI ",
        )
        .unwrap();
        let got = m.moderation.unwrap();
        assert_eq!((got.moderator.as_str(), got.overall), ("QA1", Grade::Good));
        assert_eq!(got.notes, "agreed RI");
        let e = |r: Result<Audit, ManageError>| r.unwrap_err().to_string();
        assert_eq!(
            e(moderate(
                &d,
                "C1-002",
                "QA1",
                date(2025, 8, 1),
                Grade::Good,
                ""
            )),
            "audit C1-002 is not completed: only a completed audit can be moderated"
        );
        assert_eq!(
            e(moderate(
                &d,
                "C1-001",
                "W1",
                date(2025, 8, 1),
                Grade::Good,
                ""
            )),
            "the auditor of audit C1-001 cannot moderate it"
        );
        assert_eq!(
            e(moderate(
                &d,
                "C1-001",
                "QA1",
                date(2025, 7, 19),
                Grade::Good,
                ""
            )),
            "the moderation date 2025-07-19 is before the audit was completed (2025-07-20)"
        );
        assert_eq!(
            e(moderate(
                &d,
                "NO",
                "QA1",
                date(2025, 7, 21),
                Grade::Good,
                ""
            )),
            "no audit NO is stored"
        );
    }

    #[test]
    fn cycles_and_samples_are_checked_against_what_is_stored() {
        let d = data();
        assert_eq!(
            new_cycle(&d, "C1", "Again", date(2025, 10, 1), date(2025, 12, 31)),
            Err(ManageError::CycleExists("C1".into()))
        );
        assert_eq!(
            new_cycle(&d, "C2", "Autumn", date(2025, 10, 1), date(2025, 9, 30)).unwrap_err(),
            ManageError::EndsBeforeStart {
                start: date(2025, 10, 1),
                end: date(2025, 9, 30)
            }
        );
        assert_eq!(
            draw_sample(&d, &Dataset::default(), "C1", 5, Design::Random, 1, &[]),
            Err(ManageError::Sampled("C1".into()))
        );
        assert_eq!(
            draw_sample(&d, &Dataset::default(), "C9", 5, Design::Random, 1, &[]),
            Err(ManageError::NoCycle("C9".into()))
        );
        assert_eq!(
            schedule_dips(&d, "C1", 0, 1, None, 28, None),
            Err(ManageError::Percent(0))
        );
        // The one audit graded requires improvement gets its dip sample, due 28 days after the
        // cycle's last day.
        let dips = schedule_dips(&d, "C1", 100, 1, None, 28, None).unwrap();
        assert_eq!(dips.len(), 1);
        assert_eq!(dips[0].follows.as_deref(), Some("C1-001"));
        assert_eq!(dips[0].due_on, Some(date(2025, 10, 28)));
    }
}
