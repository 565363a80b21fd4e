//! The stored form of the model: one JSON document per record, keyed within its kind.
//!
//! A [`model::Dataset`] splits into records of five kinds. A child is one record holding their
//! whole journey (referrals, episodes of care, reviews, …), because a child is what a return
//! corrects and what a person looks at. Teams and workers are one record each. A child's case
//! allocations are one record, and their Family Safeguarding involvements another (a council has
//! several allocations per child; one row each would make most of a load's rows). Merging a newer
//! record into a stored one follows [`model::Dataset::merge`] exactly: a child merges field by
//! field ([`model::Child::merge`]); a team or worker replaces the older one; an allocation or
//! involvement replaces the stored one with the same key (child, worker and start; child and
//! start) and the others are kept.

use model::{CaseAllocation, Child, Dataset, Date, FamilySafeguardingInvolvement, Team, Worker};
use std::collections::BTreeSet;

/// What a record is. The names are stored in `records.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    Child,
    Team,
    Worker,
    Allocation,
    FamilySafeguarding,
}

impl Kind {
    pub(crate) const ALL: [Kind; 5] = [
        Kind::Child,
        Kind::Team,
        Kind::Worker,
        Kind::Allocation,
        Kind::FamilySafeguarding,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Child => "child",
            Kind::Team => "team",
            Kind::Worker => "worker",
            Kind::Allocation => "allocation",
            Kind::FamilySafeguarding => "family_safeguarding",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One record of the model, ready to store.
#[derive(Debug)]
pub(crate) struct Record {
    pub kind: Kind,
    pub key: String,
    /// The child the record is about, if any.
    pub child_id: Option<String>,
    pub value: Value,
}

/// A record's value, typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Child(Box<Child>),
    Team(Team),
    Worker(Worker),
    /// One child's case allocations.
    Allocation(Vec<CaseAllocation>),
    /// One child's Family Safeguarding involvements.
    FamilySafeguarding(Vec<FamilySafeguardingInvolvement>),
}

/// Replaces the records of `old` whose key is in `new`, adds the rest, and sorts by key (the
/// model's upsert, for one child's list).
fn upsert<T, K: Ord>(old: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> K) {
    let new_keys: BTreeSet<K> = new.iter().map(&key).collect();
    old.retain(|o| !new_keys.contains(&key(o)));
    old.extend(new);
    old.sort_by_key(|r| key(r));
}

fn allocation_key(a: &CaseAllocation) -> (Date, String) {
    (a.start, a.worker.clone())
}

fn involvement_key(f: &FamilySafeguardingInvolvement) -> Date {
    f.start
}

impl Value {
    /// The document stored for this value.
    pub(crate) fn to_doc(&self) -> String {
        let doc = match self {
            Value::Child(c) => serde_json::to_string(c),
            Value::Team(t) => serde_json::to_string(t),
            Value::Worker(w) => serde_json::to_string(w),
            Value::Allocation(a) => serde_json::to_string(a),
            Value::FamilySafeguarding(f) => serde_json::to_string(f),
        };
        // The model holds only strings, numbers, dates, codes and lists: nothing that fails to
        // serialise.
        doc.expect("model values serialise to JSON")
    }

    /// Reads a stored document of this kind.
    pub(crate) fn from_doc(kind: Kind, doc: &str) -> Result<Value, serde_json::Error> {
        Ok(match kind {
            Kind::Child => Value::Child(Box::new(serde_json::from_str(doc)?)),
            Kind::Team => Value::Team(serde_json::from_str(doc)?),
            Kind::Worker => Value::Worker(serde_json::from_str(doc)?),
            Kind::Allocation => Value::Allocation(serde_json::from_str(doc)?),
            Kind::FamilySafeguarding => Value::FamilySafeguarding(serde_json::from_str(doc)?),
        })
    }

    /// Folds a newer value of the same record into this one, as [`model::Dataset::merge`] does.
    pub(crate) fn merge(&mut self, newer: Value) {
        match (self, newer) {
            (Value::Child(old), Value::Child(new)) => old.merge(*new),
            (Value::Allocation(old), Value::Allocation(new)) => upsert(old, new, allocation_key),
            (Value::FamilySafeguarding(old), Value::FamilySafeguarding(new)) => {
                upsert(old, new, involvement_key)
            }
            (old, new) => *old = new,
        }
    }
}

/// Splits a normalised dataset into records, each with its key.
pub(crate) fn split(ds: Dataset) -> Vec<Record> {
    let Dataset {
        children,
        teams,
        workers,
        allocations,
        family_safeguarding,
    } = ds;
    let mut records = Vec::with_capacity(
        children.len()
            + teams.len()
            + workers.len()
            + allocations.len()
            + family_safeguarding.len(),
    );
    records.extend(children.into_iter().map(|c| Record {
        kind: Kind::Child,
        key: c.id.0.clone(),
        child_id: Some(c.id.0.clone()),
        value: Value::Child(Box::new(c)),
    }));
    records.extend(teams.into_iter().map(|t| Record {
        kind: Kind::Team,
        key: t.id.clone(),
        child_id: None,
        value: Value::Team(t),
    }));
    records.extend(workers.into_iter().map(|w| Record {
        kind: Kind::Worker,
        key: w.id.clone(),
        child_id: None,
        value: Value::Worker(w),
    }));
    // Grouped by child; the dataset is normalised, so each child's are together and in order.
    for group in allocations.chunk_by(|a, b| a.child == b.child) {
        let child = group[0].child.0.clone();
        records.push(Record {
            kind: Kind::Allocation,
            key: child.clone(),
            child_id: Some(child),
            value: Value::Allocation(group.to_vec()),
        });
    }
    for group in family_safeguarding.chunk_by(|a, b| a.child == b.child) {
        let child = group[0].child.0.clone();
        records.push(Record {
            kind: Kind::FamilySafeguarding,
            key: child.clone(),
            child_id: Some(child),
            value: Value::FamilySafeguarding(group.to_vec()),
        });
    }
    records
}

/// Assembles records into a normalised dataset.
pub(crate) fn assemble(values: impl IntoIterator<Item = Value>) -> Dataset {
    let mut ds = Dataset::default();
    for v in values {
        match v {
            Value::Child(c) => ds.children.push(*c),
            Value::Team(t) => ds.teams.push(t),
            Value::Worker(w) => ds.workers.push(w),
            Value::Allocation(a) => ds.allocations.extend(a),
            Value::FamilySafeguarding(f) => ds.family_safeguarding.extend(f),
        }
    }
    ds.normalise();
    ds
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::ChildId;

    fn sample() -> Dataset {
        let mut ds = Dataset::default();
        ds.children.push(Child {
            id: ChildId::from("C1"),
            birth_date: Some(Date::constant(2015, 2, 28)),
            sex: Some(model::codes::Sex::from_code("F").unwrap()),
            ..Child::default()
        });
        ds.teams.push(Team {
            id: "T1".into(),
            name: "Assessment North".into(),
            ..Team::default()
        });
        ds.allocations.push(CaseAllocation {
            child: ChildId::from("C1"),
            worker: "W1".into(),
            start: Date::constant(2025, 4, 1),
            ..CaseAllocation::default()
        });
        ds.normalise();
        ds
    }

    #[test]
    fn documents_read_back_to_the_same_dataset() {
        let ds = sample();
        let records = split(ds.clone());
        let keys: Vec<_> = records.iter().map(|r| (r.kind, r.key.as_str())).collect();
        assert_eq!(
            keys,
            [
                (Kind::Child, "C1"),
                (Kind::Team, "T1"),
                (Kind::Allocation, "C1")
            ]
        );
        let back = assemble(
            records
                .iter()
                .map(|r| Value::from_doc(r.kind, &r.value.to_doc()).unwrap()),
        );
        assert_eq!(back, ds);
    }

    #[test]
    fn codes_and_dates_are_stored_as_written_in_returns() {
        let records = split(sample());
        let doc = records[0].value.to_doc();
        assert!(doc.contains(r#""birth_date":"2015-02-28""#), "{doc}");
        assert!(doc.contains(r#""sex":"F""#), "{doc}");
        let bad = doc.replace(r#""sex":"F""#, r#""sex":"Q""#);
        let err = Value::from_doc(Kind::Child, &bad).unwrap_err().to_string();
        assert!(err.contains("unknown"), "{err}");
    }

    #[test]
    fn kinds_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
    }
}
