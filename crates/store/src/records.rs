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
//! start) and the others are kept. The practice records (contacts, strategy discussions, visits,
//! supervisions, chronology entries, return-home interviews) are one record per child and kind in
//! the same way, merged on their natural keys (see `model::practice`), and so are a family's
//! Family Safeguarding partner figures (merged on measure and month). A population estimate is
//! one record per area and year, replaced by a newer one.

use model::{
    CaseAllocation, Child, ChildId, ChildRecord, ChronologyEntry, Contact, Dataset, Date,
    FamilySafeguardingInvolvement, PartnerFigure, PopulationEstimate, ReturnHomeInterview,
    StrategyDiscussion, Supervision, Team, Visit, Worker,
};
use std::collections::BTreeSet;

/// What a record is. The names are stored in `records.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    Child,
    Team,
    Worker,
    Allocation,
    FamilySafeguarding,
    Contact,
    StrategyDiscussion,
    Visit,
    Supervision,
    Chronology,
    ReturnHomeInterview,
    Population,
    PartnerFigure,
}

impl Kind {
    pub(crate) const ALL: [Kind; 13] = [
        Kind::Child,
        Kind::Team,
        Kind::Worker,
        Kind::Allocation,
        Kind::FamilySafeguarding,
        Kind::Contact,
        Kind::StrategyDiscussion,
        Kind::Visit,
        Kind::Supervision,
        Kind::Chronology,
        Kind::ReturnHomeInterview,
        Kind::Population,
        Kind::PartnerFigure,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Child => "child",
            Kind::Team => "team",
            Kind::Worker => "worker",
            Kind::Allocation => "allocation",
            Kind::FamilySafeguarding => "family_safeguarding",
            Kind::Contact => "contact",
            Kind::StrategyDiscussion => "strategy_discussion",
            Kind::Visit => "visit",
            Kind::Supervision => "supervision",
            Kind::Chronology => "chronology",
            Kind::ReturnHomeInterview => "return_home_interview",
            Kind::Population => "population",
            Kind::PartnerFigure => "partner_figure",
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
    /// One child's records of each practice kind.
    Contact(Vec<Contact>),
    StrategyDiscussion(Vec<StrategyDiscussion>),
    Visit(Vec<Visit>),
    Supervision(Vec<Supervision>),
    Chronology(Vec<ChronologyEntry>),
    ReturnHomeInterview(Vec<ReturnHomeInterview>),
    /// One area's estimate for one year.
    Population(PopulationEstimate),
    /// One family's partner figures (by the child of its Family Safeguarding involvement).
    PartnerFigure(Vec<PartnerFigure>),
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
            Value::Contact(v) => serde_json::to_string(v),
            Value::StrategyDiscussion(v) => serde_json::to_string(v),
            Value::Visit(v) => serde_json::to_string(v),
            Value::Supervision(v) => serde_json::to_string(v),
            Value::Chronology(v) => serde_json::to_string(v),
            Value::ReturnHomeInterview(v) => serde_json::to_string(v),
            Value::Population(v) => serde_json::to_string(v),
            Value::PartnerFigure(v) => serde_json::to_string(v),
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
            Kind::Contact => Value::Contact(serde_json::from_str(doc)?),
            Kind::StrategyDiscussion => Value::StrategyDiscussion(serde_json::from_str(doc)?),
            Kind::Visit => Value::Visit(serde_json::from_str(doc)?),
            Kind::Supervision => Value::Supervision(serde_json::from_str(doc)?),
            Kind::Chronology => Value::Chronology(serde_json::from_str(doc)?),
            Kind::ReturnHomeInterview => Value::ReturnHomeInterview(serde_json::from_str(doc)?),
            Kind::Population => Value::Population(serde_json::from_str(doc)?),
            Kind::PartnerFigure => Value::PartnerFigure(serde_json::from_str(doc)?),
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
            (Value::Contact(old), Value::Contact(new)) => upsert(old, new, |c| c.date),
            (Value::StrategyDiscussion(old), Value::StrategyDiscussion(new)) => {
                upsert(old, new, |s| s.date)
            }
            (Value::Visit(old), Value::Visit(new)) => {
                upsert(old, new, |v| (v.date, v.kind, v.worker.clone()))
            }
            (Value::Supervision(old), Value::Supervision(new)) => {
                upsert(old, new, |s| (s.date, s.worker.clone()))
            }
            (Value::Chronology(old), Value::Chronology(new)) => upsert(old, new, |c| {
                (c.event_date, c.recorded_date, c.event.clone())
            }),
            (Value::ReturnHomeInterview(old), Value::ReturnHomeInterview(new)) => {
                upsert(old, new, |r| r.missing_start)
            }
            (Value::PartnerFigure(old), Value::PartnerFigure(new)) => {
                upsert(old, new, |f| (f.measure, f.month))
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
        contacts,
        strategy_discussions,
        visits,
        supervisions,
        chronology,
        return_home_interviews,
        population,
        partner_figures,
    } = ds;
    let mut records = Vec::with_capacity(
        children.len()
            + teams.len()
            + workers.len()
            + allocations.len()
            + family_safeguarding.len()
            + contacts.len()
            + visits.len()
            + population.len()
            + partner_figures.len(),
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
    per_child(&mut records, contacts, Kind::Contact, Value::Contact);
    per_child(
        &mut records,
        strategy_discussions,
        Kind::StrategyDiscussion,
        Value::StrategyDiscussion,
    );
    per_child(&mut records, visits, Kind::Visit, Value::Visit);
    per_child(
        &mut records,
        supervisions,
        Kind::Supervision,
        Value::Supervision,
    );
    per_child(
        &mut records,
        chronology,
        Kind::Chronology,
        Value::Chronology,
    );
    per_child(
        &mut records,
        return_home_interviews,
        Kind::ReturnHomeInterview,
        Value::ReturnHomeInterview,
    );
    records.extend(population.into_iter().map(|p| Record {
        kind: Kind::Population,
        key: population_key(&p.area, p.year),
        child_id: None,
        value: Value::Population(p),
    }));
    per_child(
        &mut records,
        partner_figures,
        Kind::PartnerFigure,
        Value::PartnerFigure,
    );
    records
}

/// The key of a population estimate: the area and the year (`E06000001/2025`).
pub(crate) fn population_key(area: &str, year: i16) -> String {
    format!("{area}/{year}")
}

/// One record per child of a practice list (normalised, so each child's are together).
fn per_child<T: ChildRecord>(
    records: &mut Vec<Record>,
    list: Vec<T>,
    kind: Kind,
    value: fn(Vec<T>) -> Value,
) {
    let mut list = list.into_iter().peekable();
    while let Some(first) = list.next() {
        let child: ChildId = first.child().clone();
        let mut group = vec![first];
        while let Some(next) = list.next_if(|r| r.child() == &child) {
            group.push(next);
        }
        records.push(Record {
            kind,
            key: child.0.clone(),
            child_id: Some(child.0),
            value: value(group),
        });
    }
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
            Value::Contact(v) => ds.contacts.extend(v),
            Value::StrategyDiscussion(v) => ds.strategy_discussions.extend(v),
            Value::Visit(v) => ds.visits.extend(v),
            Value::Supervision(v) => ds.supervisions.extend(v),
            Value::Chronology(v) => ds.chronology.extend(v),
            Value::ReturnHomeInterview(v) => ds.return_home_interviews.extend(v),
            Value::Population(p) => ds.population.push(p),
            Value::PartnerFigure(v) => ds.partner_figures.extend(v),
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
        ds.partner_figures.push(PartnerFigure {
            child: ChildId::from("C1"),
            measure: model::PartnerMeasure::AeAttendances,
            month: model::Month {
                year: 2025,
                month: 5,
            },
            value: 2.0,
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
                (Kind::Allocation, "C1"),
                (Kind::PartnerFigure, "C1")
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
