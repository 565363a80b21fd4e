//! Running the audit programme, for QA leads (admins and analysts): `GET /audits/programme`
//! lists each cycle's progress with the forms to start a cycle (`POST
//! /audits/programme/cycles`), draw its sample (`…/{cycle}/sample`: random or stratified by team
//! and plan type, reproducible by seed, leaving out the children of chosen cycles), allocate its
//! audits to auditors (`…/{cycle}/allocate`: the accounts with a worker id, never to their own
//! team's cases) and schedule dip samples of the audits graded requires improvement
//! (`…/{cycle}/dip`); and the completed audits waiting for moderation, each moderated on
//! `GET|POST /audits/{id}/moderate` (a second overall grade by someone other than the auditor).
//!
//! The steps are `assurance::manage`'s, as `harbour audit` takes them, so both refuse the same
//! things in the same words; a refused form comes back with the reason and stores nothing. The
//! programme page names no child (audits by id, team and auditor); the moderation page shows one
//! child and writes one access-log entry for them.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use assurance::AssuranceData;
use assurance::grade::Grade;
use assurance::programme::{Audit, AuditKind};
use assurance::sample::{Auditor, Design};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::civil::Date;
use std::collections::HashMap;
use store::{AccessEntry, AsAt, AssuranceEdit, Channel, Reader, Role};

const PAGE_TITLE: &str = "Run the audit programme";

fn reader(user: &CurrentUser, action: &str) -> Reader {
    Reader {
        actor: user.user.name.clone(),
        channel: Channel::Web,
        action: action.to_owned(),
    }
}

async fn read(
    state: &AppState,
    user: &CurrentUser,
    action: &str,
) -> Result<AssuranceData, AppError> {
    Ok(state
        .store
        .read_assurance_in_bulk(
            &reader(user, action),
            AsAt::Latest,
            "to run the audit programme",
        )
        .await?)
}

struct CycleRow {
    id: String,
    name: String,
    dates: String,
    audits: usize,
    unallocated: usize,
    completed: usize,
    to_moderate: usize,
    ri_without_dip: usize,
    dips: usize,
    sampled: bool,
    others: Vec<String>,
    form_id: String,
}

struct ModerateRow {
    id: String,
    cycle: String,
    team: String,
    auditor: String,
    grade: &'static str,
    completed: String,
    href: String,
}

struct AuditorChoice {
    value: String,
    label: String,
}

#[derive(Template)]
#[template(path = "audit_programme.html")]
struct ProgrammePage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    csrf_token: String,
    error: Option<String>,
    cycles: Vec<CycleRow>,
    auditors: Vec<AuditorChoice>,
    to_moderate: Vec<ModerateRow>,
    today: String,
}

/// The auditors the page offers: every account with a worker id (managers and practitioners
/// audit), with their team from the account or, failing that, the stored workers.
async fn auditors(state: &AppState) -> Result<Vec<(String, Auditor)>, AppError> {
    let users = state.store.users().await?;
    let dataset = state.store.dataset().await?;
    let mut out: Vec<(String, Auditor)> = users
        .into_iter()
        .filter(|u| matches!(u.role, Role::Manager | Role::Practitioner))
        .filter_map(|u| {
            let worker = u.worker.clone()?;
            let team = u.team.clone().or_else(|| {
                dataset
                    .workers
                    .iter()
                    .find(|w| w.id == worker)
                    .map(|w| w.team.clone())
            });
            Some((
                format!(
                    "{} (worker {worker}{})",
                    u.name,
                    team.as_deref()
                        .map_or_else(String::new, |t| format!(", team {t}"))
                ),
                Auditor { id: worker, team },
            ))
        })
        .collect();
    out.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    out.dedup_by(|a, b| a.1.id == b.1.id);
    Ok(out)
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    data: &AssuranceData,
    error: Option<String>,
) -> Result<ProgrammePage, AppError> {
    let mut cycles: Vec<&assurance::programme::Cycle> = data.cycles.iter().collect();
    cycles.sort_by(|a, b| (b.start, &b.id).cmp(&(a.start, &a.id)));
    let rows = cycles
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (audits, _) = data.of_cycle(&c.id);
            let full: Vec<&Audit> = audits
                .iter()
                .filter(|a| a.kind == AuditKind::Full)
                .collect();
            let followed: Vec<&str> = audits.iter().filter_map(|a| a.follows.as_deref()).collect();
            CycleRow {
                id: c.id.clone(),
                name: c.name.clone(),
                dates: format!("{} to {}", c.start, c.end),
                audits: full.len(),
                unallocated: full.iter().filter(|a| a.auditor.is_none()).count(),
                completed: full.iter().filter(|a| a.is_completed()).count(),
                to_moderate: full
                    .iter()
                    .filter(|a| a.is_completed() && a.moderation.is_none())
                    .count(),
                ri_without_dip: full
                    .iter()
                    .filter(|a| {
                        a.is_completed()
                            && a.final_grade() == Some(Grade::RequiresImprovement)
                            && !followed.contains(&a.id.as_str())
                    })
                    .count(),
                dips: audits.iter().filter(|a| a.kind == AuditKind::Dip).count(),
                sampled: !full.is_empty(),
                others: cycles
                    .iter()
                    .filter(|o| o.id != c.id)
                    .map(|o| o.id.clone())
                    .collect(),
                form_id: format!("c{i}"),
            }
        })
        .collect();
    let mut to_moderate: Vec<&Audit> = data
        .audits
        .iter()
        .filter(|a| a.kind == AuditKind::Full && a.is_completed() && a.moderation.is_none())
        .collect();
    to_moderate.sort_by(|a, b| (&a.completed_on, &a.id).cmp(&(&b.completed_on, &b.id)));
    Ok(ProgrammePage {
        chrome: Some(Chrome::of(user)),
        page_title: PAGE_TITLE,
        csrf_token: user.csrf_token.clone(),
        error,
        cycles: rows,
        auditors: auditors(state)
            .await?
            .into_iter()
            .map(|(label, a)| AuditorChoice { value: a.id, label })
            .collect(),
        to_moderate: to_moderate
            .into_iter()
            .map(|a| ModerateRow {
                id: a.id.clone(),
                cycle: a.cycle.clone(),
                team: a.team.clone(),
                auditor: a.auditor.clone().unwrap_or_default(),
                grade: a.overall.map_or("", |g| g.label()),
                completed: a.completed_on.map(|d| d.to_string()).unwrap_or_default(),
                href: format!("/audits/{}/moderate", crate::audits::encode(&a.id)),
            })
            .collect(),
        today: jiff::Zoned::now().date().to_string(),
    })
}

/// `GET /audits/programme`.
#[tracing::instrument(name = "audit programme page", skip_all)]
pub(crate) async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    user.require(&[Role::Admin, Role::Analyst])?;
    let data = read(&state, &user, "GET /audits/programme").await?;
    Ok(Html(page(&state, &user, &data, None).await?.render()?).into_response())
}

type Fields = HashMap<String, String>;

fn field<'a>(f: &'a Fields, k: &str) -> &'a str {
    f.get(k).map_or("", |v| v.trim())
}

fn date_field(f: &Fields, k: &str, label: &str) -> Result<Option<Date>, String> {
    match field(f, k) {
        "" => Ok(None),
        v => v
            .parse()
            .map(Some)
            .map_err(|_| format!("{label}: `{v}` is not a date (write 2025-07-01)")),
    }
}

fn number<T: std::str::FromStr>(f: &Fields, k: &str, label: &str) -> Result<T, String> {
    let v = field(f, k);
    v.parse()
        .map_err(|_| format!("{label}: `{v}` is not a whole number"))
}

/// Stores `data` as one edit, or shows the page again with `problem` (422, nothing stored).
async fn finish(
    state: &AppState,
    user: &CurrentUser,
    action: &str,
    result: Result<AssuranceData, String>,
    before: &AssuranceData,
) -> Result<Response, AppError> {
    match result {
        Ok(data) => {
            state
                .store
                .edit_assurance(AssuranceEdit {
                    actor: user.user.name.clone(),
                    channel: Channel::Web,
                    action: action.to_owned(),
                    source: None,
                    data,
                })
                .await?;
            Ok(Redirect::to("/audits/programme").into_response())
        }
        Err(problem) => {
            let p = page(state, user, before, Some(problem)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
        }
    }
}

/// `POST /audits/programme/cycles`: a new cycle (id, name, first and last day).
pub(crate) async fn new_cycle(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(field(&f, "csrf_token"))?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let data = state.store.read_workforce_and_voice().await?;
    let result = (|| {
        let start = date_field(&f, "start", "First day")?.ok_or("First day: enter a date")?;
        let end = date_field(&f, "end", "Last day")?.ok_or("Last day: enter a date")?;
        let c = assurance::manage::new_cycle(&data, field(&f, "id"), field(&f, "name"), start, end)
            .map_err(|e| e.to_string())?;
        Ok(AssuranceData {
            cycles: vec![c],
            ..Default::default()
        })
    })();
    finish(
        &state,
        &user,
        "POST /audits/programme/cycles",
        result,
        &data,
    )
    .await
}

/// `POST /audits/programme/{cycle}/sample`.
pub(crate) async fn sample(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(cycle): Path<String>,
    Form(f): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let fields: Fields = f.iter().cloned().collect();
    user.check_csrf(field(&fields, "csrf_token"))?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let action = "POST /audits/programme/{cycle}/sample";
    let data = read(&state, &user, action).await?;
    let dataset = state.store.dataset().await?;
    let exclude: Vec<String> = f
        .iter()
        .filter(|(k, _)| k == "exclude")
        .map(|(_, v)| v.clone())
        .collect();
    let result = (|| {
        let size: usize = number(&fields, "size", "Sample size")?;
        let seed: u64 = number(&fields, "seed", "Seed")?;
        let design = match field(&fields, "design") {
            "random" => Design::Random,
            _ => Design::Stratified,
        };
        let drawn =
            assurance::manage::draw_sample(&data, &dataset, &cycle, size, design, seed, &exclude)
                .map_err(|e| e.to_string())?;
        Ok(AssuranceData {
            audits: drawn.audits,
            ..Default::default()
        })
    })();
    finish(&state, &user, action, result, &data).await
}

/// `POST /audits/programme/{cycle}/allocate`: the chosen auditors (`auditor`, repeated).
pub(crate) async fn allocate(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(cycle): Path<String>,
    Form(f): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let fields: Fields = f.iter().cloned().collect();
    user.check_csrf(field(&fields, "csrf_token"))?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let action = "POST /audits/programme/{cycle}/allocate";
    let data = read(&state, &user, action).await?;
    let known = auditors(&state).await?;
    let chosen: Vec<Auditor> = f
        .iter()
        .filter(|(k, _)| k == "auditor")
        .filter_map(|(_, v)| {
            known
                .iter()
                .find(|(_, a)| &a.id == v)
                .map(|(_, a)| a.clone())
        })
        .collect();
    let result = (|| {
        let on = date_field(&fields, "on", "Allocation date")?;
        let (audits, _) = assurance::manage::allocate_cycle(&data, &cycle, &chosen, on)
            .map_err(|e| e.to_string())?;
        Ok(AssuranceData {
            audits,
            ..Default::default()
        })
    })();
    finish(&state, &user, action, result, &data).await
}

/// `POST /audits/programme/{cycle}/dip`.
pub(crate) async fn dip(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(cycle): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(field(&f, "csrf_token"))?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let action = "POST /audits/programme/{cycle}/dip";
    let data = read(&state, &user, action).await?;
    let known = auditors(&state).await?;
    let result = (|| {
        let percent: u32 = number(&f, "percent", "Share")?;
        let seed: u64 = number(&f, "seed", "Seed")?;
        let due: i32 = number(&f, "due_in_days", "Due in")?;
        let auditor = match field(&f, "auditor") {
            "" => None,
            v => Some(
                known
                    .iter()
                    .find(|(_, a)| a.id == v)
                    .map(|(_, a)| a.id.clone())
                    .ok_or_else(|| format!("Auditor: `{v}` is not an auditor"))?,
            ),
        };
        let on = date_field(&f, "on", "Scheduled on")?;
        let dips = assurance::manage::schedule_dips(&data, &cycle, percent, seed, on, due, auditor)
            .map_err(|e| e.to_string())?;
        if dips.is_empty() {
            return Err(
                "no completed audit graded requires improvement is waiting for a dip sample"
                    .to_owned(),
            );
        }
        Ok(AssuranceData {
            audits: dips,
            ..Default::default()
        })
    })();
    finish(&state, &user, action, result, &data).await
}

// Moderation -------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "audit_moderate.html")]
struct ModeratePage {
    chrome: Option<Chrome>,
    page_title: String,
    csrf_token: String,
    id: String,
    child: String,
    child_href: String,
    cycle: String,
    team: String,
    auditor: String,
    completed: String,
    overall: &'static str,
    domains: Vec<(&'static str, &'static str)>,
    findings: String,
    grades: Vec<(&'static str, &'static str, bool)>,
    notes: String,
    date: String,
    error: Option<String>,
}

fn moderate_page(
    user: &CurrentUser,
    a: &Audit,
    error: Option<String>,
    chosen: Option<Grade>,
    notes: &str,
    date: &str,
) -> ModeratePage {
    ModeratePage {
        chrome: Some(Chrome::of(user)),
        page_title: format!("Moderate audit {}", a.id),
        csrf_token: user.csrf_token.clone(),
        id: a.id.clone(),
        child: a.child.0.clone(),
        child_href: format!("/children/{}", crate::audits::encode(&a.child.0)),
        cycle: a.cycle.clone(),
        team: a.team.clone(),
        auditor: a.auditor.clone().unwrap_or_default(),
        completed: a.completed_on.map(|d| d.to_string()).unwrap_or_default(),
        overall: a.overall.map_or("", |g| g.label()),
        domains: a
            .domains
            .iter()
            .map(|(d, g)| (d.label(), g.label()))
            .collect(),
        findings: a.findings.clone(),
        grades: Grade::ALL
            .iter()
            .map(|g| (g.code(), g.label(), chosen == Some(*g)))
            .collect(),
        notes: notes.to_owned(),
        date: date.to_owned(),
        error,
    }
}

/// The moderator's name for the record: their worker id, else their account name.
fn moderator(user: &CurrentUser) -> String {
    user.user
        .worker
        .clone()
        .unwrap_or_else(|| user.user.name.clone())
}

async fn log_view(
    state: &AppState,
    user: &CurrentUser,
    action: &str,
    a: &Audit,
) -> Result<(), AppError> {
    state
        .store
        .log_access(&[AccessEntry {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: action.into(),
            subject: format!("audit {} of child {} (moderation)", a.id, a.child.0),
            child_id: Some(a.child.0.clone()),
        }])
        .await?;
    Ok(())
}

/// `GET /audits/{id}/moderate`.
pub(crate) async fn moderate_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    user.require(&[Role::Admin, Role::Analyst])?;
    let action = "GET /audits/{id}/moderate";
    let data = read(&state, &user, action).await?;
    let audit = data
        .audits
        .iter()
        .find(|a| a.id == id && a.kind == AuditKind::Full && a.is_completed())
        .ok_or(AppError::NotFound)?;
    log_view(&state, &user, action, audit).await?;
    let today = jiff::Zoned::now().date().to_string();
    let (grade, notes) = audit
        .moderation
        .as_ref()
        .map_or((None, ""), |m| (Some(m.overall), m.notes.as_str()));
    Ok(Html(moderate_page(&user, audit, None, grade, notes, &today).render()?).into_response())
}

/// `POST /audits/{id}/moderate`: the moderator's overall grade, notes and date.
pub(crate) async fn moderate(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(field(&f, "csrf_token"))?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let action = "POST /audits/{id}/moderate";
    let data = read(&state, &user, action).await?;
    let audit = data
        .audits
        .iter()
        .find(|a| a.id == id && a.kind == AuditKind::Full && a.is_completed())
        .ok_or(AppError::NotFound)?;
    let grade = Grade::parse(field(&f, "overall"));
    let result = (|| {
        let grade = grade.ok_or("Moderator's grade: choose one of the four")?;
        let date = date_field(&f, "date", "Date")?.ok_or("Date: enter a date")?;
        if date > jiff::Zoned::now().date() {
            return Err("Date: a moderation cannot be dated in the future".to_owned());
        }
        let notes = field(&f, "notes");
        if notes.chars().count() > assurance::csv::MAX_TEXT {
            return Err(format!(
                "Notes: longer than {} characters",
                assurance::csv::MAX_TEXT
            ));
        }
        assurance::manage::moderate(&data, &id, &moderator(&user), date, grade, notes)
            .map_err(|e| e.to_string())
    })();
    match result {
        Ok(moderated) => {
            state
                .store
                .edit_assurance(AssuranceEdit {
                    actor: user.user.name.clone(),
                    channel: Channel::Web,
                    action: format!("POST /audits/{id}/moderate"),
                    source: None,
                    data: AssuranceData {
                        audits: vec![moderated],
                        ..Default::default()
                    },
                })
                .await?;
            Ok(Redirect::to("/audits/programme#moderation").into_response())
        }
        Err(problem) => {
            log_view(&state, &user, action, audit).await?;
            let p = moderate_page(
                &user,
                audit,
                Some(problem),
                grade,
                field(&f, "notes"),
                field(&f, "date"),
            );
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
        }
    }
}
