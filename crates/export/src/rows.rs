//! The rows of each table, read from the dataset in its own order (children as they come, each
//! child's records as they come), so that both formats and every run over the same dataset give
//! the same rows and the same numbered ids.

use crate::schema::{ColumnType, TableDoc};
use model::{Child, Dataset, Date, Referral};

/// One value of a row, typed as its column is ([`ColumnType`]); `None` is a missing value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    Text(Option<&'a str>),
    Date(Option<Date>),
    Boolean(Option<bool>),
    Integer(Option<i64>),
}

impl Value<'_> {
    fn ty(&self) -> ColumnType {
        match self {
            Value::Text(_) => ColumnType::Text,
            Value::Date(_) => ColumnType::Date,
            Value::Boolean(_) => ColumnType::Boolean,
            Value::Integer(_) => ColumnType::Integer,
        }
    }

    fn is_missing(&self) -> bool {
        match self {
            Value::Text(v) => v.is_none(),
            Value::Date(v) => v.is_none(),
            Value::Boolean(v) => v.is_none(),
            Value::Integer(v) => v.is_none(),
        }
    }
}

/// The error a writer gives; the caller names the table and file.
pub(crate) type WriteError = Box<dyn std::error::Error + Send + Sync>;

/// Where rows go: a CSV or Parquet file.
pub(crate) trait RowSink {
    fn row(&mut self, values: &[Value<'_>]) -> Result<(), WriteError>;
}

/// Checks that a row fits the table: one value per column, of the column's type, present where
/// the column is not nullable. A misfit is a bug in this crate, reported rather than written.
pub(crate) fn check(table: &TableDoc, values: &[Value<'_>]) -> Result<(), WriteError> {
    if values.len() != table.columns.len() {
        return Err(format!(
            "internal error: a row of {} values for {} columns",
            values.len(),
            table.columns.len()
        )
        .into());
    }
    for (column, value) in table.columns.iter().zip(values) {
        if value.ty() != column.ty {
            return Err(format!(
                "internal error: column {} is {:?} but was given {:?}",
                column.name,
                column.ty,
                value.ty()
            )
            .into());
        }
        if !column.nullable && value.is_missing() {
            return Err(format!("internal error: column {} cannot be missing", column.name).into());
        }
    }
    Ok(())
}

type Rows = fn(&Dataset, &mut dyn RowSink) -> Result<(), WriteError>;

/// The rows of every table, in the order of [`crate::TABLES`] (a test checks the names match).
pub(crate) const ROWS: [(&str, Rows); 29] = [
    ("children", children),
    ("disabilities", disabilities),
    ("referrals", referrals),
    ("assessments", assessments),
    ("assessment_factors", assessment_factors),
    ("cin_plans", cin_plans),
    ("section47s", section47s),
    ("cp_plans", cp_plans),
    ("cp_plan_reviews", cp_plan_reviews),
    ("cla_episodes", cla_episodes),
    ("cla_reviews", cla_reviews),
    ("missing_episodes", missing_episodes),
    ("care_leaver_records", care_leaver_records),
    ("cla_outcomes", cla_outcomes),
    ("adoptions", adoptions),
    ("placed_for_adoption", placed_for_adoption),
    ("previous_permanence", previous_permanence),
    ("social_worker_episodes", social_worker_episodes),
    ("teams", teams),
    ("workers", workers),
    ("case_allocations", case_allocations),
    ("family_safeguarding", family_safeguarding),
    ("contacts", contacts),
    ("strategy_discussions", strategy_discussions),
    ("visits", visits),
    ("supervisions", supervisions),
    ("chronology_entries", chronology_entries),
    ("return_home_interviews", return_home_interviews),
    ("population", population),
];

fn text(s: &str) -> Value<'_> {
    Value::Text(Some(s))
}
fn opt_text(s: &Option<String>) -> Value<'_> {
    Value::Text(s.as_deref())
}
/// A DfE code as its code text.
fn code<C: model::codes::CodeSet>(c: Option<C>) -> Value<'static> {
    Value::Text(c.map(C::code))
}
fn date(d: Date) -> Value<'static> {
    Value::Date(Some(d))
}
fn opt_date(d: Option<Date>) -> Value<'static> {
    Value::Date(d)
}
fn flag(b: bool) -> Value<'static> {
    Value::Boolean(Some(b))
}
fn opt_flag(b: Option<bool>) -> Value<'static> {
    Value::Boolean(b)
}
fn int(n: impl Into<i64>) -> Value<'static> {
    Value::Integer(Some(n.into()))
}
fn opt_int(n: Option<impl Into<i64>>) -> Value<'static> {
    Value::Integer(n.map(Into::into))
}

/// Every referral with its number in the export (1, 2, …) and its child: the one walk that
/// `referral_id` comes from, so that every table numbers referrals alike.
fn numbered_referrals(ds: &Dataset) -> impl Iterator<Item = (i64, &Child, &Referral)> {
    ds.children
        .iter()
        .flat_map(|c| c.referrals.iter().map(move |r| (c, r)))
        .zip(1..)
        .map(|((c, r), id)| (id, c, r))
}

fn children(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        out.row(&[
            text(&c.id.0),
            opt_text(&c.upn),
            opt_text(&c.former_upn),
            code(c.upn_unknown),
            opt_date(c.birth_date),
            opt_date(c.expected_birth_date),
            opt_date(c.death_date),
            code(c.sex),
            code(c.ethnicity),
            flag(c.uasc.is_some()),
            opt_date(c.uasc.and_then(|u| u.ceased)),
            opt_flag(c.mother),
            opt_date(c.mothers_child_birth_date),
        ])?;
    }
    Ok(())
}

fn disabilities(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for &d in &c.disabilities {
            out.row(&[text(&c.id.0), code(Some(d))])?;
        }
    }
    Ok(())
}

fn referrals(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (id, c, r) in numbered_referrals(ds) {
        let pp = r.pre_proceedings.as_ref();
        out.row(&[
            int(id),
            text(&c.id.0),
            date(r.referral_date),
            code(r.source),
            code(r.primary_need),
            opt_date(r.closure_date),
            code(r.reason_for_closure),
            flag(r.no_further_action),
            opt_date(r.initial_cpc_date),
            opt_date(pp.and_then(|p| p.start_date)),
            opt_date(pp.and_then(|p| p.letter_before_proceedings_date)),
            opt_flag(pp.and_then(|p| p.fgdm_offered)),
            opt_flag(pp.and_then(|p| p.fgdm_facilitated)),
            opt_date(pp.and_then(|p| p.initial_meeting_date)),
            opt_int(pp.and_then(|p| p.review_meetings)),
            opt_date(pp.and_then(|p| p.step_decision_date)),
            Value::Text(pp.and_then(|p| p.outcome.as_deref())),
            opt_date(pp.and_then(|p| p.court_application_date)),
            opt_date(pp.and_then(|p| p.letter_init_cp_date)),
        ])?;
    }
    Ok(())
}

/// Every assessment with its number in the export, its referral's number and its child.
fn numbered_assessments(
    ds: &Dataset,
) -> impl Iterator<Item = (i64, i64, &Child, &model::Assessment)> {
    numbered_referrals(ds)
        .flat_map(|(rid, c, r)| r.assessments.iter().map(move |a| (rid, c, a)))
        .zip(1..)
        .map(|((rid, c, a), id)| (id, rid, c, a))
}

fn assessments(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (id, rid, c, a) in numbered_assessments(ds) {
        out.row(&[
            int(id),
            int(rid),
            text(&c.id.0),
            date(a.start_date),
            opt_date(a.internal_review_date),
            opt_date(a.authorised_date),
        ])?;
    }
    Ok(())
}

fn assessment_factors(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (id, _, c, a) in numbered_assessments(ds) {
        for &f in &a.factors {
            out.row(&[int(id), text(&c.id.0), code(Some(f))])?;
        }
    }
    Ok(())
}

fn cin_plans(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (rid, c, r) in numbered_referrals(ds) {
        for p in &r.cin_plans {
            out.row(&[
                int(rid),
                text(&c.id.0),
                date(p.start_date),
                opt_date(p.end_date),
            ])?;
        }
    }
    Ok(())
}

fn section47s(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (rid, c, r) in numbered_referrals(ds) {
        for s in &r.section47s {
            out.row(&[
                int(rid),
                text(&c.id.0),
                date(s.start_date),
                opt_date(s.icpc_target_date),
                opt_date(s.icpc_date),
                flag(s.icpc_not_required),
            ])?;
        }
    }
    Ok(())
}

/// Every child protection plan with its number in the export, its referral's number and its child.
fn numbered_cp_plans(ds: &Dataset) -> impl Iterator<Item = (i64, i64, &Child, &model::CpPlan)> {
    numbered_referrals(ds)
        .flat_map(|(rid, c, r)| r.cp_plans.iter().map(move |p| (rid, c, p)))
        .zip(1..)
        .map(|((rid, c, p), id)| (id, rid, c, p))
}

fn cp_plans(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (id, rid, c, p) in numbered_cp_plans(ds) {
        out.row(&[
            int(id),
            int(rid),
            text(&c.id.0),
            date(p.start_date),
            opt_date(p.end_date),
            code(p.initial_category),
            code(p.latest_category),
            opt_int(p.number_of_previous_plans),
        ])?;
    }
    Ok(())
}

fn cp_plan_reviews(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for (id, _, c, p) in numbered_cp_plans(ds) {
        for &d in &p.review_dates {
            out.row(&[int(id), text(&c.id.0), date(d)])?;
        }
    }
    Ok(())
}

fn cla_episodes(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for e in &c.cla_episodes {
            out.row(&[
                text(&c.id.0),
                date(e.start_date),
                code(e.reason_new_episode),
                code(e.legal_status),
                code(e.category_of_need),
                code(e.placement),
                code(e.placement_provider),
                opt_date(e.end_date),
                code(e.reason_ceased),
                code(e.reason_place_change),
                opt_text(&e.home_postcode),
                opt_text(&e.placement_postcode),
                opt_text(&e.urn),
            ])?;
        }
    }
    Ok(())
}

fn cla_reviews(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for r in &c.cla_reviews {
            out.row(&[text(&c.id.0), date(r.date), code(r.participation)])?;
        }
    }
    Ok(())
}

fn missing_episodes(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for m in &c.missing_episodes {
            out.row(&[
                text(&c.id.0),
                code(m.kind),
                date(m.start_date),
                opt_date(m.end_date),
            ])?;
        }
    }
    Ok(())
}

fn care_leaver_records(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for r in &c.care_leaver_records {
            out.row(&[
                text(&c.id.0),
                int(r.year.0),
                code(r.in_touch),
                code(r.activity),
                code(r.accommodation),
            ])?;
        }
    }
    Ok(())
}

fn cla_outcomes(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for o in &c.outcomes {
            out.row(&[
                text(&c.id.0),
                int(o.year.0),
                opt_int(o.sdq_score),
                code(o.sdq_reason),
                opt_flag(o.convicted),
                opt_flag(o.health_check),
                opt_flag(o.immunisations),
                opt_flag(o.teeth_check),
                opt_flag(o.health_assessment),
                opt_flag(o.substance_misuse),
                opt_flag(o.intervention_received),
                opt_flag(o.intervention_offered),
            ])?;
        }
    }
    Ok(())
}

fn adoptions(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        if let Some(a) = &c.adoption {
            out.row(&[
                text(&c.id.0),
                opt_date(a.decision_date),
                opt_date(a.match_date),
                opt_flag(a.by_foster_carer),
                opt_int(a.number_of_adopters),
                code(a.adopter_sex),
                code(a.adopter_legal_status),
            ])?;
        }
    }
    Ok(())
}

fn placed_for_adoption(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for p in &c.placed_for_adoption {
            out.row(&[
                text(&c.id.0),
                date(p.date_placed),
                opt_date(p.date_ceased),
                code(p.reason_ceased),
            ])?;
        }
    }
    Ok(())
}

fn previous_permanence(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        if let Some(p) = &c.previous_permanence {
            out.row(&[
                text(&c.id.0),
                code(p.kind),
                opt_text(&p.la),
                opt_text(&p.date),
            ])?;
        }
    }
    Ok(())
}

fn social_worker_episodes(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.children {
        for s in &c.social_worker_episodes {
            out.row(&[
                text(&c.id.0),
                text(&s.worker),
                date(s.start_date),
                opt_date(s.end_date),
                code(s.reason),
            ])?;
        }
    }
    Ok(())
}

fn teams(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for t in &ds.teams {
        out.row(&[
            text(&t.id),
            text(&t.name),
            text(&t.service),
            flag(t.family_safeguarding),
        ])?;
    }
    Ok(())
}

fn workers(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for w in &ds.workers {
        out.row(&[
            text(&w.id),
            text(&w.team),
            Value::Text(w.role.map(model::WorkerRole::code)),
            opt_date(w.start_date),
            opt_date(w.end_date),
            flag(w.agency),
        ])?;
    }
    Ok(())
}

fn case_allocations(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for a in &ds.allocations {
        out.row(&[
            text(&a.child.0),
            text(&a.worker),
            text(&a.team),
            date(a.start),
            opt_date(a.end),
        ])?;
    }
    Ok(())
}

fn family_safeguarding(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for f in &ds.family_safeguarding {
        out.row(&[
            text(&f.child.0),
            text(&f.team),
            date(f.start),
            opt_date(f.end),
            flag(f.domestic_abuse_worker),
            flag(f.mental_health_worker),
            flag(f.substance_use_worker),
        ])?;
    }
    Ok(())
}

fn contacts(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.contacts {
        out.row(&[
            text(&c.child.0),
            date(c.date),
            code(c.source),
            flag(c.led_to_referral),
        ])?;
    }
    Ok(())
}

fn strategy_discussions(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for s in &ds.strategy_discussions {
        out.row(&[text(&s.child.0), date(s.date), opt_date(s.s47_start)])?;
    }
    Ok(())
}

fn visits(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for v in &ds.visits {
        out.row(&[
            text(&v.child.0),
            text(&v.worker),
            date(v.date),
            text(v.kind.code()),
            flag(v.seen),
            flag(v.seen_alone),
        ])?;
    }
    Ok(())
}

fn supervisions(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for s in &ds.supervisions {
        out.row(&[text(&s.child.0), text(&s.worker), date(s.date)])?;
    }
    Ok(())
}

fn chronology_entries(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for c in &ds.chronology {
        out.row(&[
            text(&c.child.0),
            date(c.event_date),
            date(c.recorded_date),
            text(&c.event),
        ])?;
    }
    Ok(())
}

fn return_home_interviews(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for r in &ds.return_home_interviews {
        out.row(&[
            text(&r.child.0),
            date(r.missing_start),
            opt_date(r.offered),
            opt_flag(r.accepted),
            opt_date(r.completed),
        ])?;
    }
    Ok(())
}

fn population(ds: &Dataset, out: &mut dyn RowSink) -> Result<(), WriteError> {
    for p in &ds.population {
        out.row(&[
            text(&p.area),
            Value::Integer(Some(i64::from(p.year))),
            Value::Integer(Some(i64::try_from(p.children_0_17).unwrap_or(i64::MAX))),
            text(&p.vintage),
        ])?;
    }
    Ok(())
}
