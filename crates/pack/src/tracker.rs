//! The trackers as stored documents: the improvement plan (milestones and their dated updates)
//! and the scrutiny panel's recommendations, kept in the store so that the web app can show and
//! update them and the pack can use them without the files.
//!
//! Each record is one JSON document with an id ([`Doc`]); the store keeps every version with who
//! made it and when. Ids:
//!
//! - a milestone: `2025-26-Q3 | Clear Impact | Outcome Based Accountability` (its first quarter,
//!   workstream and item, which `plan.csv` already requires to be unique);
//! - an update: the milestone's id, its date and its number among that milestone's updates of
//!   that date (`… | 2025-12-05 | 1`), so importing the same file again changes nothing and an
//!   update made on the web is added after those already there;
//! - a recommendation: its own id (`2025-01-R3`). Changing its status or response makes a new
//!   version of the same record.
//!
//! Each document carries its position (the file's row order), since the pack lists milestones
//! in plan order and, of two updates on one date, the later one wins.

use crate::plan::{Milestone, Plan, Update};
use crate::quarter::Quarter;
use crate::recommendations::Recommendation;
use std::collections::HashMap;

/// The store's kind names (`store::AssuranceKind::as_str`).
pub const MILESTONE: &str = "plan_milestone";
pub const UPDATE: &str = "plan_update";
pub const RECOMMENDATION: &str = "recommendation";

/// One stored record: kind, id, JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub kind: &'static str,
    pub key: String,
    pub doc: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Positioned<T> {
    position: usize,
    #[serde(flatten)]
    record: T,
}

fn json<T: serde::Serialize>(position: usize, record: &T) -> String {
    serde_json::to_string(&Positioned { position, record })
        .expect("plan and recommendation records serialise to JSON")
}

/// A milestone's id.
pub fn milestone_key(workstream: &str, item: &str, quarter: Quarter) -> String {
    format!("{quarter} | {workstream} | {item}")
}

/// The documents of a plan: its milestones, and its updates numbered per milestone and date
/// after `existing` (the updates already stored, so none is overwritten).
pub fn plan_docs(plan: &Plan, existing: &[Update]) -> Vec<Doc> {
    let mut out: Vec<Doc> = plan
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| Doc {
            kind: MILESTONE,
            key: milestone_key(&m.workstream, &m.item, m.from),
            doc: json(i, m),
        })
        .collect();
    out.extend(update_docs(&plan.updates, existing));
    out
}

/// The documents of new updates after `existing` (those stored). The n-th update of a
/// milestone on a date has the id ending `| n`; an update equal to the stored one with its id
/// keeps it (so importing a file twice changes nothing), and one that differs gets the next free
/// number for that milestone and date.
pub fn update_docs(updates: &[Update], existing: &[Update]) -> Vec<Doc> {
    type Day = (String, jiff::civil::Date);
    let mut taken: HashMap<Day, usize> = HashMap::new();
    let mut stored: HashMap<(Day, usize), &Update> = HashMap::new();
    for u in existing {
        let day = (milestone_key(&u.workstream, &u.item, u.quarter), u.date);
        let n = taken.entry(day.clone()).or_default();
        *n += 1;
        stored.insert((day, *n), u);
    }
    let mut seq: HashMap<Day, usize> = HashMap::new();
    let mut out = Vec::new();
    for u in updates {
        let day = (milestone_key(&u.workstream, &u.item, u.quarter), u.date);
        let n = seq.entry(day.clone()).or_default();
        *n += 1;
        let n = match stored.get(&(day.clone(), *n)) {
            Some(s) if *s == u => *n,
            None => {
                let t = taken.entry(day.clone()).or_default();
                *t = (*t).max(*n);
                *n
            }
            Some(_) => {
                let t = taken.entry(day.clone()).or_default();
                *t += 1;
                *t
            }
        };
        out.push(Doc {
            kind: UPDATE,
            key: format!("{} | {} | {n}", day.0, u.date),
            doc: json(n, u),
        });
    }
    out
}

/// The documents of recommendations.
pub fn recommendation_docs(recs: &[Recommendation]) -> Vec<Doc> {
    recs.iter()
        .enumerate()
        .map(|(i, r)| Doc {
            kind: RECOMMENDATION,
            key: r.id.clone(),
            doc: json(i, r),
        })
        .collect()
}

/// One recommendation's document, keeping its place in the list.
pub fn recommendation_doc(position: usize, r: &Recommendation) -> Doc {
    Doc {
        kind: RECOMMENDATION,
        key: r.id.clone(),
        doc: json(position, r),
    }
}

/// The document that withdraws a milestone or recommendation no longer in its file: the store
/// keeps every version, so it stays in the history but is no longer shown or counted.
pub fn withdrawn(kind: &'static str, key: String) -> Doc {
    Doc {
        kind,
        key,
        doc: WITHDRAWN.to_string(),
    }
}

const WITHDRAWN: &str = r#"{"withdrawn":true}"#;

/// What the stored documents hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    /// The plan, if any milestone is stored (updates whose milestone is not are left out).
    pub plan: Option<Plan>,
    /// Every stored update, in order (also those left out of `plan`).
    pub updates: Vec<Update>,
    /// The recommendations, if any is stored, in order, each with its position.
    pub recommendations: Option<Vec<(usize, Recommendation)>>,
}

/// A stored document that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("the stored {kind} record `{key}` cannot be read: {source}")]
pub struct BadDoc {
    pub kind: String,
    pub key: String,
    source: serde_json::Error,
}

/// Reads stored documents (kind, id, JSON); unknown kinds are skipped.
pub fn from_docs<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
) -> Result<Stored, BadDoc> {
    let mut milestones: Vec<Positioned<Milestone>> = Vec::new();
    let mut updates: Vec<Positioned<Update>> = Vec::new();
    let mut recs: Vec<Positioned<Recommendation>> = Vec::new();
    for (kind, key, doc) in docs {
        let bad = |source| BadDoc {
            kind: kind.to_string(),
            key: key.to_string(),
            source,
        };
        if doc == WITHDRAWN {
            continue;
        }
        match kind {
            MILESTONE => milestones.push(serde_json::from_str(doc).map_err(bad)?),
            UPDATE => updates.push(serde_json::from_str(doc).map_err(bad)?),
            RECOMMENDATION => recs.push(serde_json::from_str(doc).map_err(bad)?),
            _ => {}
        }
    }
    milestones.sort_by_key(|p| p.position);
    // Updates in date order; on one date, by their number.
    updates.sort_by_key(|p| (p.record.date, p.position));
    recs.sort_by_key(|p| p.position);
    let updates: Vec<Update> = updates.into_iter().map(|p| p.record).collect();
    let plan = (!milestones.is_empty()).then(|| {
        let milestones: Vec<Milestone> = milestones.into_iter().map(|p| p.record).collect();
        let mut plan = Plan {
            milestones,
            updates: Vec::new(),
        };
        plan.updates = plan.known_updates(&updates);
        plan
    });
    Ok(Stored {
        plan,
        updates,
        recommendations: (!recs.is_empty())
            .then(|| recs.into_iter().map(|p| (p.position, p.record)).collect()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Status;
    use jiff::civil::date;

    const PLAN: &str = "workstream,item,quarter,until,milestone,owner,status,evidence
W,A,2025-26-Q1,,First,Head,done,
W,B,2025-26-Q2,2025-26-Q4,Second,Head,on track,
";
    const UPDATES: &str = "workstream,item,quarter,date,status,note,by
W,B,2025-26-Q2,2025-09-01,at risk,late,Head
W,B,2025-26-Q2,2025-09-01,on track,recovered,Head
";

    fn docs(d: &[Doc]) -> Vec<(&str, &str, &str)> {
        d.iter()
            .map(|d| (d.kind, d.key.as_str(), d.doc.as_str()))
            .collect()
    }

    #[test]
    fn a_plan_round_trips_in_order() {
        let plan = Plan::read(("plan.csv", PLAN), Some(("plan_updates.csv", UPDATES))).unwrap();
        let d = plan_docs(&plan, &[]);
        let keys: Vec<&str> = d.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "2025-26-Q1 | W | A",
                "2025-26-Q2 | W | B",
                "2025-26-Q2 | W | B | 2025-09-01 | 1",
                "2025-26-Q2 | W | B | 2025-09-01 | 2",
            ]
        );
        // The store returns documents by id; the positions restore the order.
        let mut shuffled = d.clone();
        shuffled.reverse();
        let stored = from_docs(docs(&shuffled)).unwrap();
        assert_eq!(stored.plan.as_ref(), Some(&plan));
        // The later of two updates on one date wins.
        let plan = stored.plan.unwrap();
        assert_eq!(plan.as_at(date(2025, 9, 2))[1].status, Status::OnTrack);
    }

    #[test]
    fn importing_again_keeps_ids_and_new_updates_come_after() {
        let plan = Plan::read(("plan.csv", PLAN), Some(("plan_updates.csv", UPDATES))).unwrap();
        let first = update_docs(&plan.updates, &[]);
        assert_eq!(update_docs(&plan.updates, &plan.updates), first);
        let new = Update {
            status: Status::Done,
            ..plan.updates[0].clone()
        };
        let d = update_docs(std::slice::from_ref(&new), &plan.updates);
        assert_eq!(d[0].key, "2025-26-Q2 | W | B | 2025-09-01 | 3");
        let mut all = plan_docs(&plan, &[]);
        all.extend(d);
        let stored = from_docs(docs(&all)).unwrap();
        let plan = stored.plan.unwrap();
        assert_eq!(
            plan.as_at(date(2025, 9, 1))[1].status,
            Status::Done,
            "the update added last wins on its date"
        );
        // Without milestones stored there is no plan, but the updates are kept.
        let only = from_docs(docs(&first)).unwrap();
        assert!(only.plan.is_none());
        assert_eq!(only.updates.len(), 2);
    }
}
