//! The trackers: `GET /plan`, the improvement plan (workstreams, milestones, status and RAG
//! today, the latest dated update, owner, evidence) and `POST /plan/update`, a dated update of
//! one milestone; `GET /recommendations`, the scrutiny panel's recommendations, and
//! `POST /recommendations/{id}`, a new status, response and dates for one.
//!
//! Every role may read both: they name no child. Analysts and admins may update them (forms with
//! the session's CSRF token); each update is a change in the store with who made it and when
//! (`store::Store::edit_tracker`), so the history is kept and `harbour report` uses it. A form
//! with a mistake changes nothing and comes back with the problem named.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::civil::Date;
use pack::plan::{Plan, Rag, Status, Update};
use pack::recommendations::{self as recs, Recommendation};
use pack::tracker;
use store::{AsAt, AssuranceKind, Channel, Role, TrackerDoc, TrackerEdit};

const PLAN_TITLE: &str = "Improvement plan";
const RECS_TITLE: &str = "Scrutiny recommendations";

fn today() -> Date {
    jiff::Zoned::now().date()
}

fn may_edit(user: &CurrentUser) -> bool {
    matches!(user.role(), Role::Admin | Role::Analyst)
}

async fn stored(state: &AppState) -> Result<tracker::Stored, AppError> {
    let docs = state
        .store
        .read_tracker(&AssuranceKind::TRACKER, AsAt::Latest)
        .await?;
    tracker::from_docs(
        docs.iter()
            .map(|d| (d.kind.as_str(), d.key.as_str(), d.doc.as_str())),
    )
    .map_err(|e| AppError::Corrupt(e.to_string()))
}

fn to_store(docs: Vec<tracker::Doc>) -> Vec<TrackerDoc> {
    docs.into_iter()
        .filter_map(|d| {
            Some(TrackerDoc {
                kind: AssuranceKind::parse(d.kind)?,
                key: d.key,
                doc: d.doc,
            })
        })
        .collect()
}

// The plan -------------------------------------------------------------------------------------

struct MilestoneRow {
    workstream: String,
    item: String,
    quarter: String,
    quarters: String,
    milestone: String,
    owner: String,
    status: &'static str,
    rag: &'static str,
    rag_class: &'static str,
    last_update: String,
    evidence: Vec<String>,
    form_id: String,
}

struct Workstream {
    name: String,
    counts: String,
    rows: Vec<MilestoneRow>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    today: String,
    workstreams: Vec<Workstream>,
    editable: bool,
    statuses: Vec<&'static str>,
    error: Option<String>,
    csrf_token: String,
}

fn rag_class(r: Rag) -> &'static str {
    match r {
        Rag::Red => "govuk-tag govuk-tag--red",
        Rag::Amber => "govuk-tag govuk-tag--orange",
        Rag::Green => "govuk-tag govuk-tag--green",
        Rag::NotDue => "govuk-tag govuk-tag--grey",
    }
}

fn plan_page(user: &CurrentUser, plan: Option<&Plan>, error: Option<String>) -> PlanPage {
    let on = today();
    let mut workstreams: Vec<Workstream> = Vec::new();
    if let Some(plan) = plan {
        for p in plan.progress(on) {
            workstreams.push(Workstream {
                counts: format!(
                    "{} milestones: {} done; {} red, {} amber, {} green, {} not yet due",
                    p.milestones, p.done, p.red, p.amber, p.green, p.not_due
                ),
                name: p.workstream,
                rows: Vec::new(),
            });
        }
        for (i, m) in plan.as_at(on).into_iter().enumerate() {
            let ms = m.milestone;
            let row = MilestoneRow {
                workstream: ms.workstream.clone(),
                item: ms.item.clone(),
                quarter: ms.from.to_string(),
                quarters: if ms.from == ms.until {
                    ms.from.to_string()
                } else {
                    format!("{} to {}", ms.from, ms.until)
                },
                milestone: ms.milestone.clone(),
                owner: ms.owner.clone().unwrap_or_default(),
                status: m.status.label(),
                rag: m.rag.label(),
                rag_class: rag_class(m.rag),
                last_update: m.last_update.map_or_else(String::new, |u| {
                    let mut s = format!("{}: {}", u.date, u.status.label());
                    if let Some(n) = &u.note {
                        s.push_str(&format!(". {n}"));
                    }
                    if let Some(b) = &u.by {
                        s.push_str(&format!(" ({b})"));
                    }
                    s
                }),
                evidence: ms.evidence.clone(),
                form_id: format!("m{i}"),
            };
            if let Some(w) = workstreams.iter_mut().find(|w| w.name == ms.workstream) {
                w.rows.push(row);
            }
        }
    }
    PlanPage {
        chrome: Some(Chrome::of(user)),
        page_title: PLAN_TITLE,
        today: on.to_string(),
        workstreams,
        editable: may_edit(user),
        statuses: Status::ALL.iter().map(|s| s.label()).collect(),
        error,
        csrf_token: user.csrf_token.clone(),
    }
}

#[tracing::instrument(name = "plan page", skip_all)]
pub(crate) async fn plan(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let stored = stored(&state).await?;
    Ok(Html(plan_page(&user, stored.plan.as_ref(), None).render()?).into_response())
}

#[derive(serde::Deserialize)]
pub(crate) struct UpdateForm {
    csrf_token: String,
    workstream: String,
    item: String,
    quarter: String,
    date: String,
    status: String,
    #[serde(default)]
    note: String,
}

/// What is wrong with an update form, if anything.
fn read_update(plan: &Plan, f: &UpdateForm, by: &str) -> Result<Update, String> {
    let quarter = f
        .quarter
        .parse()
        .map_err(|_| format!("`{}` is not a quarter", f.quarter))?;
    if plan.milestone(&f.workstream, &f.item, quarter).is_none() {
        return Err("that milestone is not in the plan".to_owned());
    }
    let date: Date = f
        .date
        .trim()
        .parse()
        .map_err(|_| format!("Date: `{}` is not a date (write 2025-12-05)", f.date.trim()))?;
    if date > today() {
        return Err("Date: an update cannot be dated in the future".to_owned());
    }
    let status = Status::parse(&f.status)
        .ok_or_else(|| format!("Status: `{}` is not a status", f.status))?;
    let note = f.note.trim();
    if note.chars().count() > assurance::csv::MAX_TEXT {
        return Err(format!(
            "Note: longer than {} characters",
            assurance::csv::MAX_TEXT
        ));
    }
    Ok(Update {
        workstream: f.workstream.clone(),
        item: f.item.clone(),
        quarter,
        date,
        status,
        note: (!note.is_empty()).then(|| note.to_owned()),
        by: Some(by.to_owned()),
    })
}

#[tracing::instrument(name = "plan update", skip_all)]
pub(crate) async fn update_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<UpdateForm>,
) -> Result<Response, AppError> {
    user.check_csrf(&form.csrf_token)?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let stored = stored(&state).await?;
    let plan = stored.plan.as_ref().ok_or(AppError::NotFound)?;
    let update = match read_update(plan, &form, &user.user.name) {
        Ok(u) => u,
        Err(problem) => {
            let page = plan_page(&user, Some(plan), Some(problem)).render()?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page)).into_response());
        }
    };
    let docs = tracker::update_docs(std::slice::from_ref(&update), &stored.updates);
    state
        .store
        .edit_tracker(TrackerEdit {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: "POST /plan/update".to_owned(),
            source: None,
            docs: to_store(docs),
        })
        .await?;
    Ok(Redirect::to("/plan").into_response())
}

// The recommendations ----------------------------------------------------------------------------

struct RecRow {
    id: String,
    meeting: String,
    recommendation: String,
    owner: String,
    response: String,
    status: &'static str,
    status_value: &'static str,
    due: String,
    due_value: String,
    closed: String,
    overdue: bool,
    form_id: String,
    action: String,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
struct RecsPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    today: String,
    summary: String,
    rows: Vec<RecRow>,
    editable: bool,
    statuses: Vec<&'static str>,
    error: Option<String>,
    csrf_token: String,
}

fn recs_page(
    user: &CurrentUser,
    list: &[(usize, Recommendation)],
    error: Option<String>,
) -> RecsPage {
    let on = today();
    let all: Vec<Recommendation> = list.iter().map(|(_, r)| r.clone()).collect();
    let s = recs::summary(&all, on);
    let rows = recs::as_at(&all, on)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let rec = r.recommendation;
            RecRow {
                id: rec.id.clone(),
                meeting: rec.meeting_date.to_string(),
                recommendation: rec.recommendation.clone(),
                owner: rec.owner.clone().unwrap_or_default(),
                response: rec.response.clone().unwrap_or_default(),
                status: r.status.label(),
                status_value: rec.status.label(),
                due: rec.due_date.map_or_else(String::new, |d| d.to_string()),
                due_value: rec.due_date.map_or_else(String::new, |d| d.to_string()),
                closed: rec.closed_date.map_or_else(String::new, |d| d.to_string()),
                overdue: r.overdue,
                form_id: format!("r{i}"),
                action: format!("/recommendations/{}", crate::audits::encode(&rec.id)),
            }
        })
        .collect();
    RecsPage {
        chrome: Some(Chrome::of(user)),
        page_title: RECS_TITLE,
        today: on.to_string(),
        summary: format!(
            "{} recommendations: {} open, {} in progress, {} done, {} declined; {} overdue",
            s.total, s.open, s.in_progress, s.done, s.declined, s.overdue
        ),
        rows,
        editable: may_edit(user),
        statuses: recs::Status::ALL.iter().map(|s| s.label()).collect(),
        error,
        csrf_token: user.csrf_token.clone(),
    }
}

#[tracing::instrument(name = "recommendations page", skip_all)]
pub(crate) async fn recommendations(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let stored = stored(&state).await?;
    let list = stored.recommendations.unwrap_or_default();
    Ok(Html(recs_page(&user, &list, None).render()?).into_response())
}

#[derive(serde::Deserialize)]
pub(crate) struct RecForm {
    csrf_token: String,
    status: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    due_date: String,
    #[serde(default)]
    closed_date: String,
}

fn optional_date(field: &str, v: &str) -> Result<Option<Date>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse()
        .map(Some)
        .map_err(|_| format!("{field}: `{v}` is not a date (write 2025-12-05)"))
}

fn read_rec(old: &Recommendation, f: &RecForm) -> Result<Recommendation, String> {
    let status = recs::Status::parse(&f.status)
        .ok_or_else(|| format!("Status: `{}` is not a status", f.status))?;
    let due_date = optional_date("Due date", &f.due_date)?;
    let mut closed_date = optional_date("Closed date", &f.closed_date)?;
    // Closing without a date closes it today.
    if status.closed() && closed_date.is_none() {
        closed_date = Some(today());
    }
    if !status.closed() {
        closed_date = None;
    }
    if closed_date.is_some_and(|d| d > today()) {
        return Err("Closed date: cannot be in the future".to_owned());
    }
    if let Some((field, rule)) =
        recs::dates_problem(status, old.meeting_date, due_date, closed_date)
    {
        let name = if field == "due_date" {
            "Due date"
        } else {
            "Closed date"
        };
        return Err(format!("{name}: {rule}"));
    }
    let response = f.response.trim();
    if response.chars().count() > assurance::csv::MAX_TEXT {
        return Err(format!(
            "Response: longer than {} characters",
            assurance::csv::MAX_TEXT
        ));
    }
    Ok(Recommendation {
        status,
        response: (!response.is_empty()).then(|| response.to_owned()),
        due_date,
        closed_date,
        ..old.clone()
    })
}

#[tracing::instrument(name = "recommendation update", skip_all)]
pub(crate) async fn update_recommendation(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<RecForm>,
) -> Result<Response, AppError> {
    user.check_csrf(&form.csrf_token)?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let stored = stored(&state).await?;
    let list = stored.recommendations.unwrap_or_default();
    let (position, old) = list
        .iter()
        .find(|(_, r)| r.id == id)
        .ok_or(AppError::NotFound)?;
    let new = match read_rec(old, &form) {
        Ok(r) => r,
        Err(problem) => {
            let page = recs_page(&user, &list, Some(format!("{id}: {problem}"))).render()?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page)).into_response());
        }
    };
    state
        .store
        .edit_tracker(TrackerEdit {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: format!("POST /recommendations/{id}"),
            source: None,
            docs: to_store(vec![tracker::recommendation_doc(*position, &new)]),
        })
        .await?;
    Ok(Redirect::to("/recommendations").into_response())
}
