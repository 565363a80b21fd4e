//! `GET /audits`: the case-audit programme; `POST /audits/actions/{id}/close`: a team manager
//! closes one of their team's follow-up actions.
//!
//! What each role sees: admins and analysts each cycle's figures ("32 of 37 completed", the
//! grade mix, % good or better, % inadequate, moderation agreement, dip samples, actions by
//! status); the scrutiny panel the same counts through `disclosure` (1 to 5 shown as `c`, with
//! what would give them away); an auditor — a manager or practitioner whose worker id an audit
//! is allocated to — the audits allocated to them and no other; a manager the follow-up actions
//! of their own team, with a form (CSRF) to mark each closed. Audits and actions are read in bulk
//! (one access-log entry naming how many children, as the store does), and every page that lists
//! children writes one more entry naming what it showed before it answers.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disclosure::{CountTable, Policy, Published};
use store::{AccessEntry, AsAt, AssuranceEdit, Channel, EditOutcome, Reader, Role};

struct CycleRow {
    name: String,
    completion: String,
    good_or_better: String,
    inadequate: String,
    grades: Vec<String>,
    agreement: String,
    dips: String,
    actions: String,
}

struct AuditRow {
    id: String,
    cycle: String,
    child: String,
    href: String,
    kind: &'static str,
    due: String,
    status: String,
}

struct ActionRow {
    id: String,
    child: String,
    href: String,
    description: String,
    owner: String,
    due: String,
    status: &'static str,
    open: bool,
}

#[derive(Template)]
#[template(path = "audits.html")]
struct AuditsPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    controlled: bool,
    grade_names: Vec<&'static str>,
    cycles: Vec<CycleRow>,
    /// The audits allocated to the user as auditor, if they are one.
    allocated: Option<Vec<AuditRow>>,
    /// Their team's actions, for a manager.
    team: Option<(String, Vec<ActionRow>)>,
    csrf_token: String,
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}%"))
}

fn reader(user: &CurrentUser, action: &str) -> Reader {
    Reader {
        actor: user.user.name.clone(),
        channel: Channel::Web,
        action: action.to_owned(),
    }
}

pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One cycle's figures for the scrutiny panel: completed and not completed, and the grade mix
/// with its total, each protected as a table with its totals.
fn controlled_row(name: String, s: &assurance::programme::AuditSummary) -> CycleRow {
    let policy = Policy::new(6).expect("6 is a valid policy");
    let protect = |cells: Vec<u64>| -> (Vec<Published>, Published) {
        let n = cells.len();
        match CountTable::new(vec![cells])
            .ok()
            .and_then(|t| disclosure::protect(&t.with_row_totals(), &policy).ok())
        {
            Some(p) => (
                (0..n).map(|j| p.cell(0, j)).collect(),
                p.row_total(0).unwrap_or(Published::Suppressed),
            ),
            None => (vec![Published::Suppressed; n], Published::Suppressed),
        }
    };
    let (done, allocated) = protect(vec![s.completed, s.allocated - s.completed]);
    let (grades, graded) = protect(s.grades.to_vec());
    let share = |n: &Published, d: &Published| {
        let v = disclosure::percentage(n, d);
        v.value()
            .map_or_else(|| v.to_string(), |v| format!("{v:.1}%"))
    };
    let good = match (grades[0], grades[1]) {
        (Published::Count(a), Published::Count(b)) => Published::Count(a + b),
        _ => Published::Suppressed,
    };
    CycleRow {
        name,
        completion: format!("{} of {allocated} completed", done[0]),
        good_or_better: share(&good, &graded),
        inadequate: share(&grades[3], &graded),
        grades: grades.iter().map(ToString::to_string).collect(),
        agreement: "–".to_owned(),
        dips: "–".to_owned(),
        actions: "–".to_owned(),
    }
}

fn internal_row(name: String, s: &assurance::programme::AuditSummary) -> CycleRow {
    CycleRow {
        name,
        completion: s.completion_text(),
        good_or_better: pct(s.good_or_better_pct()),
        inadequate: pct(s.inadequate_pct()),
        grades: s.grades.iter().map(ToString::to_string).collect(),
        agreement: format!(
            "{} of {} ({})",
            s.agreed,
            s.moderated,
            pct(s.agreement_pct())
        ),
        dips: format!(
            "{} scheduled, {} completed, {} improved",
            s.dips, s.dips_completed, s.dips_improved
        ),
        actions: s
            .actions
            .iter()
            .map(|(k, n)| format!("{n} {}", k.code().replace('_', " ")))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[tracing::instrument(name = "audits page", skip_all)]
pub(crate) async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let role = user.role();
    let today = jiff::Zoned::now().date();
    let data = state
        .store
        .read_assurance_in_bulk(
            &reader(&user, "GET /audits"),
            AsAt::Latest,
            "for the audit programme page",
        )
        .await?;
    let controlled = role == Role::Scrutiny;
    let mut cycles: Vec<&assurance::programme::Cycle> = data.cycles.iter().collect();
    cycles.sort_by(|a, b| (b.start, &b.id).cmp(&(a.start, &a.id)));
    let mut page = AuditsPage {
        chrome: Some(Chrome::of(&user)),
        page_title: "Case audits",
        controlled,
        grade_names: assurance::grade::Grade::ALL
            .iter()
            .map(|g| g.label())
            .collect(),
        cycles: Vec::new(),
        allocated: None,
        team: None,
        csrf_token: user.csrf_token.clone(),
    };
    if matches!(role, Role::Admin | Role::Analyst | Role::Scrutiny) {
        for c in cycles {
            let audits: Vec<_> = data
                .audits
                .iter()
                .filter(|a| a.cycle == c.id)
                .cloned()
                .collect();
            let ids: std::collections::HashSet<&str> =
                audits.iter().map(|a| a.id.as_str()).collect();
            let actions: Vec<_> = data
                .actions
                .iter()
                .filter(|a| ids.contains(a.audit.as_str()))
                .cloned()
                .collect();
            let s = assurance::programme::summarise(&audits, &actions, today);
            let name = format!("{} ({} to {})", c.name, c.start, c.end);
            page.cycles.push(if controlled {
                controlled_row(name, &s)
            } else {
                internal_row(name, &s)
            });
        }
        return Ok(Html(page.render()?).into_response());
    }
    // Managers and practitioners: what is theirs, listed child by child.
    let mut shown = Vec::new();
    if let Some(worker) = user.user.worker.as_deref() {
        let mut mine: Vec<&assurance::programme::Audit> = data
            .audits
            .iter()
            .filter(|a| a.auditor.as_deref() == Some(worker))
            .collect();
        mine.sort_by(|a, b| (&a.due_on, &a.id).cmp(&(&b.due_on, &b.id)));
        shown.push(format!("{} audits allocated to {worker}", mine.len()));
        page.allocated = Some(
            mine.iter()
                .map(|a| AuditRow {
                    id: a.id.clone(),
                    cycle: a.cycle.clone(),
                    child: a.child.0.clone(),
                    href: format!("/children/{}", encode(&a.child.0)),
                    kind: match a.kind {
                        assurance::programme::AuditKind::Full => "Full audit",
                        assurance::programme::AuditKind::Dip => "Dip sample",
                    },
                    due: a.due_on.map(|d| d.to_string()).unwrap_or_default(),
                    status: match (a.is_completed(), a.final_grade()) {
                        (true, Some(g)) => format!("Completed: {}", g.label()),
                        (true, None) => "Completed".to_owned(),
                        _ => "To do".to_owned(),
                    },
                })
                .collect(),
        );
    }
    if role == Role::Manager
        && let Some(team) = user.user.team.as_deref()
    {
        let mut actions: Vec<&assurance::programme::Action> =
            data.actions.iter().filter(|a| a.team == team).collect();
        actions.sort_by(|a, b| {
            (a.closed_on.is_some(), a.due_on, &a.id).cmp(&(b.closed_on.is_some(), b.due_on, &b.id))
        });
        shown.push(format!("{} actions of team {team}", actions.len()));
        page.team = Some((
            team.to_owned(),
            actions
                .iter()
                .map(|a| {
                    let status = a.status_on(today);
                    ActionRow {
                        id: a.id.clone(),
                        child: a.child.0.clone(),
                        href: format!("/children/{}", encode(&a.child.0)),
                        description: a.description.clone(),
                        owner: a.owner.clone(),
                        due: a.due_on.to_string(),
                        status: match status {
                            assurance::programme::ActionStatus::Open => "Open",
                            assurance::programme::ActionStatus::Overdue => "Overdue",
                            assurance::programme::ActionStatus::Closed => "Closed",
                            assurance::programme::ActionStatus::ClosedLate => "Closed late",
                        },
                        open: a.closed_on.is_none(),
                    }
                })
                .collect(),
        ));
    }
    if !shown.is_empty() {
        state
            .store
            .log_access(&[AccessEntry {
                actor: user.user.name.clone(),
                channel: Channel::Web,
                action: "GET /audits".into(),
                subject: shown.join("; "),
                child_id: None,
            }])
            .await?;
    }
    Ok(Html(page.render()?).into_response())
}

#[derive(serde::Deserialize)]
pub(crate) struct CsrfForm {
    csrf_token: String,
}

/// A team manager marks one of their team's actions closed today. Any other role, or another
/// team's action, is refused; closing a closed action changes nothing.
pub(crate) async fn close_action(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, AppError> {
    user.check_csrf(&form.csrf_token)?;
    user.require(&[Role::Manager])?;
    let team = user.user.team.clone().ok_or(AppError::Forbidden)?;
    let data = state
        .store
        .read_assurance_in_bulk(
            &reader(&user, "POST /audits/actions/{id}/close"),
            AsAt::Latest,
            "to close a follow-up action",
        )
        .await?;
    let action = data
        .actions
        .iter()
        .find(|a| a.id == id && a.team == team)
        .ok_or(AppError::NotFound)?;
    if action.closed_on.is_none() {
        let closed = assurance::programme::Action {
            closed_on: Some(jiff::Zoned::now().date()),
            ..action.clone()
        };
        let outcome = state
            .store
            .edit_assurance(AssuranceEdit {
                actor: user.user.name.clone(),
                channel: Channel::Web,
                action: format!("POST /audits/actions/{id}/close"),
                source: None,
                data: assurance::AssuranceData {
                    actions: vec![closed],
                    ..assurance::AssuranceData::default()
                },
            })
            .await?;
        if let EditOutcome::Unchanged = outcome {
            tracing::info!("closing an action changed nothing");
        }
    }
    Ok(Redirect::to("/audits#actions").into_response())
}

// The audit form -------------------------------------------------------------------------------

/// One field of the audit form: a grade chosen from the four.
struct GradeField {
    name: String,
    label: &'static str,
    options: Vec<(&'static str, &'static str, bool)>,
}

#[derive(Template)]
#[template(path = "audit_form.html")]
struct AuditForm {
    chrome: Option<Chrome>,
    page_title: String,
    id: String,
    child: String,
    cycle: String,
    csrf_token: String,
    overall: GradeField,
    domains: Vec<GradeField>,
    good_practice: String,
    development: String,
    findings: String,
    error: Option<String>,
}

fn grade_field(
    name: String,
    label: &'static str,
    chosen: Option<assurance::grade::Grade>,
) -> GradeField {
    GradeField {
        name,
        label,
        options: assurance::grade::Grade::ALL
            .iter()
            .map(|g| (g.code(), g.label(), chosen == Some(*g)))
            .collect(),
    }
}

/// The audit `id` if the user is its allocated auditor; otherwise "not found" (scrutiny: not
/// allowed at all). The read is logged in bulk, and the view of the one child by the caller.
async fn my_audit(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    action: &str,
) -> Result<(assurance::programme::Audit, assurance::AssuranceData), AppError> {
    user.require(&[Role::Manager, Role::Practitioner])?;
    let worker = user.user.worker.as_deref().ok_or(AppError::NotFound)?;
    let data = state
        .store
        .read_assurance_in_bulk(
            &reader(user, action),
            AsAt::Latest,
            "to find an auditor's audit",
        )
        .await?;
    let audit = data
        .audits
        .iter()
        .find(|a| a.id == id && a.auditor.as_deref() == Some(worker))
        .cloned()
        .ok_or(AppError::NotFound)?;
    Ok((audit, data))
}

fn form_page(
    user: &CurrentUser,
    a: &assurance::programme::Audit,
    error: Option<String>,
) -> AuditForm {
    AuditForm {
        chrome: Some(Chrome::of(user)),
        page_title: format!("Audit {}", a.id),
        id: a.id.clone(),
        child: a.child.0.clone(),
        cycle: a.cycle.clone(),
        csrf_token: user.csrf_token.clone(),
        overall: grade_field("overall".into(), "Overall grade", a.overall),
        domains: assurance::grade::Domain::ALL
            .iter()
            .map(|d| {
                grade_field(
                    format!("domain_{}", d.code()),
                    d.label(),
                    a.domains.get(d).copied(),
                )
            })
            .collect(),
        good_practice: assurance::grade::format_tags(&a.good_practice),
        development: assurance::grade::format_tags(&a.development),
        findings: a.findings.clone(),
        error,
    }
}

/// `GET /audits/{id}`: the audit form, for its allocated auditor only.
pub(crate) async fn form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (audit, _) = my_audit(&state, &user, &id, "GET /audits/{id}").await?;
    state
        .store
        .log_access(&[AccessEntry {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: "GET /audits/{id}".into(),
            subject: format!("audit {} of child {}", audit.id, audit.child.0),
            child_id: Some(audit.child.0.clone()),
        }])
        .await?;
    Ok(Html(form_page(&user, &audit, None).render()?).into_response())
}

/// `POST /audits/{id}`: the auditor's grades (overall and per domain, on Ofsted's four-point
/// scale), themes and findings; completes the audit today. CSRF first; a bad grade or tag shows
/// the form again with the reason and stores nothing.
pub(crate) async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<std::collections::HashMap<String, String>>,
) -> Result<Response, AppError> {
    user.check_csrf(form.get("csrf_token").map_or("", String::as_str))?;
    let (mut audit, _) = my_audit(&state, &user, &id, "POST /audits/{id}").await?;
    let field = |k: &str| form.get(k).map_or("", |v| v.trim());
    let grade = |k: &str| assurance::grade::Grade::parse(field(k));
    let mut problems = Vec::new();
    let overall = grade("overall");
    if overall.is_none() {
        problems.push("choose an overall grade".to_owned());
    }
    let mut domains = std::collections::BTreeMap::new();
    for d in assurance::grade::Domain::ALL {
        let k = format!("domain_{}", d.code());
        match (field(&k), grade(&k)) {
            ("", _) => {}
            (_, Some(g)) => {
                domains.insert(d, g);
            }
            (v, None) => problems.push(format!("'{v}' is not a grade for {}", d.label())),
        }
    }
    let tags = |k: &str, what: &str, problems: &mut Vec<String>| {
        assurance::grade::parse_tags(field(k)).unwrap_or_else(|bad| {
            problems.push(format!(
                "'{bad}' is not a theme of {what} (letters, digits and hyphens, separated by ;)"
            ));
            Vec::new()
        })
    };
    let good_practice = tags("good_practice", "good practice", &mut problems);
    let development = tags("development", "development", &mut problems);
    let findings = field("findings").to_owned();
    if findings.len() > 20_000 {
        problems.push("the findings are longer than 20,000 characters".to_owned());
    }
    audit.domains = domains;
    audit.good_practice = good_practice;
    audit.development = development;
    audit.findings = findings;
    if !problems.is_empty() {
        audit.overall = overall.or(audit.overall);
        let page = form_page(&user, &audit, Some(problems.join("; ")));
        return Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            Html(page.render()?),
        )
            .into_response());
    }
    audit.overall = overall;
    audit.completed_on = audit.completed_on.or(Some(jiff::Zoned::now().date()));
    state
        .store
        .edit_assurance(AssuranceEdit {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: format!("POST /audits/{id}"),
            source: None,
            data: assurance::AssuranceData {
                audits: vec![audit],
                ..assurance::AssuranceData::default()
            },
        })
        .await?;
    Ok(Redirect::to("/audits").into_response())
}
