//! Practice assurance: how a service knows its practice is good and keeps it so.
//!
//! - **The audit programme** ([`programme`], [`sample`]): cycles; a sample of the children
//!   open and allocated on the cycle's first day, random or stratified by team and plan type,
//!   the same for the same seed; allocation to auditors (never an auditor's own team); audits
//!   with the Ofsted four-point [`Grade`] overall and per [`Domain`], themes of good practice
//!   and of development as [`Tag`]s and findings as text; moderation (a second grading, and the
//!   agreement rate); dip samples of audits graded requires improvement; follow-up
//!   [`Action`]s with owners and due dates, tracked to closure. [`programme::summarise`] gives
//!   completion ("32 of 37 completed"), the grade mix, % good or better and % inadequate.
//! - **The workforce** ([`workforce`]): posts by discipline, filled, vacant or agency over
//!   time; starters and leavers; caseloads per social worker from the case allocations.
//! - **Family voice** ([`voice`]): feedback, participation events and colleagues'
//!   nominations, with counts and themes.
//!
//! Everything here is pure: no I/O, no clock. [`csv`] reads and writes the documented CSV
//! layouts from and to bytes, with every problem located (file, line, column, field, rule).

pub mod csv;
pub mod grade;
pub mod manage;
pub mod programme;
pub mod sample;
pub mod voice;
pub mod workforce;

pub use grade::{Domain, Grade, Tag};
pub use programme::{Action, ActionStatus, Audit, AuditKind, AuditSummary, Cycle, Moderation};
pub use sample::{Auditor, Candidate, Design, PlanType};
pub use voice::{Feedback, FeedbackSource, Nomination, ParticipationEvent, Sentiment};
pub use workforce::{Post, PostSpell};

use serde::{Deserialize, Serialize};

/// Every assurance record, as stored or as read from files. Each list is keyed by its records'
/// ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssuranceData {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Cycle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audits: Vec<Audit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Feedback>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<ParticipationEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nominations: Vec<Nomination>,
}

impl AssuranceData {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records of every kind.
    pub fn len(&self) -> usize {
        self.cycles.len()
            + self.audits.len()
            + self.actions.len()
            + self.posts.len()
            + self.feedback.len()
            + self.events.len()
            + self.nominations.len()
    }

    /// Sorts every list by id, so that equal data compares equal.
    pub fn normalise(&mut self) {
        self.cycles.sort_by(|a, b| a.id.cmp(&b.id));
        self.audits.sort_by(|a, b| a.id.cmp(&b.id));
        self.actions.sort_by(|a, b| a.id.cmp(&b.id));
        self.posts.sort_by(|a, b| a.id.cmp(&b.id));
        self.feedback.sort_by(|a, b| a.id.cmp(&b.id));
        self.events.sort_by(|a, b| a.id.cmp(&b.id));
        self.nominations.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// Folds `newer` in: a record replaces the one with the same id, the rest are added.
    pub fn merge(&mut self, newer: AssuranceData) {
        fn upsert<T>(old: &mut Vec<T>, new: Vec<T>, id: impl Fn(&T) -> &str) {
            for n in new {
                match old.iter().position(|o| id(o) == id(&n)) {
                    Some(i) => old[i] = n,
                    None => old.push(n),
                }
            }
        }
        upsert(&mut self.cycles, newer.cycles, |x| &x.id);
        upsert(&mut self.audits, newer.audits, |x| &x.id);
        upsert(&mut self.actions, newer.actions, |x| &x.id);
        upsert(&mut self.posts, newer.posts, |x| &x.id);
        upsert(&mut self.feedback, newer.feedback, |x| &x.id);
        upsert(&mut self.events, newer.events, |x| &x.id);
        upsert(&mut self.nominations, newer.nominations, |x| &x.id);
        self.normalise();
    }

    pub fn cycle(&self, id: &str) -> Option<&Cycle> {
        self.cycles.iter().find(|c| c.id == id)
    }

    /// The audits and actions of one cycle.
    pub fn of_cycle(&self, cycle: &str) -> (Vec<Audit>, Vec<Action>) {
        let audits: Vec<Audit> = self
            .audits
            .iter()
            .filter(|a| a.cycle == cycle)
            .cloned()
            .collect();
        let actions = self
            .actions
            .iter()
            .filter(|x| audits.iter().any(|a| a.id == x.audit))
            .cloned()
            .collect();
        (audits, actions)
    }

    /// Problems between records: an audit naming a cycle that is not there, a dip sample
    /// following an audit that is not there, an action naming an audit that is not there or a
    /// child other than its audit's. Each as `(kind, id, message)`.
    pub fn cross_check(&self) -> Vec<(&'static str, String, String)> {
        self.cross_check_with(&References::default())
    }

    /// [`AssuranceData::cross_check`], where cycles and audits may also be among `known` (those
    /// already stored); a record here replaces a known one with the same id.
    pub fn cross_check_with(&self, known: &References) -> Vec<(&'static str, String, String)> {
        let mut refs = known.clone();
        let own = self.references();
        refs.cycles.extend(own.cycles);
        refs.audits.extend(own.audits);
        let mut out = Vec::new();
        for a in &self.audits {
            if !refs.cycles.contains(&a.cycle) {
                out.push((
                    "audit",
                    a.id.clone(),
                    format!("cycle {} is not known", a.cycle),
                ));
            }
            if let Some(f) = &a.follows
                && !refs.audits.contains_key(f)
            {
                out.push((
                    "audit",
                    a.id.clone(),
                    format!("follows audit {f}, which is not known"),
                ));
            }
        }
        for x in &self.actions {
            match refs.audits.get(&x.audit) {
                None => out.push((
                    "action",
                    x.id.clone(),
                    format!("audit {} is not known", x.audit),
                )),
                Some(child) if *child != x.child => out.push((
                    "action",
                    x.id.clone(),
                    format!("child {} is not the child of audit {}", x.child, x.audit),
                )),
                Some(_) => {}
            }
        }
        out
    }

    /// The ids other records may refer to.
    pub fn references(&self) -> References {
        References {
            cycles: self.cycles.iter().map(|c| c.id.clone()).collect(),
            audits: self
                .audits
                .iter()
                .map(|a| (a.id.clone(), a.child.clone()))
                .collect(),
        }
    }
}

/// The ids records refer to: cycles, and audits with their child. Enough to check an import
/// against what is stored without reading any audit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    pub cycles: std::collections::BTreeSet<String>,
    pub audits: std::collections::BTreeMap<String, model::ChildId>,
}
