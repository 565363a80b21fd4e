//! `GET /focus-five`: the Focus Five on the reporting date (`metrics::focus_five`).
//!
//! What each role sees: admins and analysts compliance by service, team and worker, and with
//! `?team=T` that team's workers and exceptions list; a manager their own team's workers and
//! exceptions (another team is "not found"); a practitioner the children on their own caseload;
//! the scrutiny panel compliance by service and in total only, through `disclosure` (counts of 1
//! to 5 shown as `c`, with secondary suppression). Every list of children is within the user's
//! [`ChildScope`] and is written to the access log before the page answers.

use crate::access::ChildScope;
use crate::auth::CurrentUser;
use crate::computed;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use metrics::focus_five::{
    ChildFocus, Compliance, Level, PlanType, Standard, Status, Timescales, exceptions, focus_five,
    publish_by_service, rollup, total,
};
use store::{AccessEntry, Channel, Role};

#[derive(serde::Deserialize)]
pub(crate) struct TeamQuery {
    team: Option<String>,
}

/// One row of a compliance table.
struct RollupRow {
    name: String,
    href: Option<String>,
    children: String,
    compliant: String,
    pct: String,
    standards: Vec<String>,
}

/// One child of an exceptions list or caseload.
struct ChildRow {
    id: String,
    href: String,
    plan: &'static str,
    worker: String,
    /// Each standard: "Met", "n/a" or "Not met (due …)".
    checks: Vec<(bool, String)>,
}

#[derive(Template)]
#[template(path = "focus_five.html")]
struct FocusFivePage {
    chrome: Option<Chrome>,
    page_title: String,
    as_at: String,
    controlled: bool,
    standards: Vec<&'static str>,
    /// Tables of compliance, each with its caption and the name of its first column.
    tables: Vec<(String, &'static str, Vec<RollupRow>)>,
    /// The list of children and its caption, when the page shows one.
    children: Option<(String, Vec<ChildRow>)>,
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}%"))
}

fn rollup_rows(groups: &[(String, Compliance)], link: bool) -> Vec<RollupRow> {
    groups
        .iter()
        .map(|(name, c)| RollupRow {
            href: (link && !name.starts_with('('))
                .then(|| format!("/focus-five?team={}", encode(name))),
            name: name.clone(),
            children: c.children.to_string(),
            compliant: c.compliant.to_string(),
            pct: pct(c.pct()),
            standards: Standard::ALL
                .iter()
                .map(|s| {
                    let i = *s as usize;
                    format!(
                        "{} of {} ({})",
                        c.met[i],
                        c.applicable[i],
                        pct(c.standard_pct(*s))
                    )
                })
                .collect(),
        })
        .collect()
}

fn child_rows(rows: &[&ChildFocus]) -> Vec<ChildRow> {
    rows.iter()
        .map(|f| ChildRow {
            id: f.child.0.clone(),
            href: format!("/children/{}", encode(&f.child.0)),
            plan: match f.plan_type {
                PlanType::Cp => "CP",
                PlanType::Cla => "Looked after",
                PlanType::Cin => "CIN",
                PlanType::Other => "Other",
            },
            worker: f.worker.clone().unwrap_or_else(|| "Unallocated".to_owned()),
            checks: f
                .checks
                .iter()
                .map(|c| match c.status {
                    Status::Met => (false, "Met".to_owned()),
                    Status::NotApplicable => (false, "n/a".to_owned()),
                    Status::NotMet => (
                        true,
                        match c.due {
                            Some(d) => format!("Not met (due {d})"),
                            None => "Not met".to_owned(),
                        },
                    ),
                })
                .collect(),
        })
        .collect()
}

/// Percent-encodes a query value or path segment.
fn encode(s: &str) -> String {
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

#[tracing::instrument(name = "focus five page", skip_all)]
pub(crate) async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<TeamQuery>,
) -> Result<Response, AppError> {
    let chrome = Some(Chrome::of(&user));
    let Some(c) = computed::latest(&state).await? else {
        return Ok(Html(
            NoData {
                chrome,
                page_title: "No data yet",
            }
            .render()?,
        )
        .into_response());
    };
    let day = c.when.date();
    let timescales = Timescales::from_settings(&state.settings);
    let figures = c.clone();
    let rows =
        tokio::task::spawn_blocking(move || focus_five(&figures.dataset, day, &timescales)).await?;
    let role = user.role();
    let standards: Vec<&'static str> = Standard::ALL.iter().map(|s| s.title()).collect();
    let mut page = FocusFivePage {
        chrome,
        page_title: "Focus Five".to_owned(),
        as_at: day.to_string(),
        controlled: role == Role::Scrutiny,
        standards,
        tables: Vec::new(),
        children: None,
    };
    if role == Role::Scrutiny {
        // Aggregates only, through disclosure control; no child, team or worker.
        if q.team.is_some() {
            return Err(AppError::NotFound);
        }
        let policy = disclosure::Policy::new(6).expect("6 is a valid policy");
        let rows = publish_by_service(&rows, &policy)
            .into_iter()
            .map(|p| RollupRow {
                name: p.name,
                href: None,
                children: p.children.to_string(),
                compliant: p.compliant.to_string(),
                pct: match p.pct.value() {
                    Some(v) => format!("{v:.1}%"),
                    None => p.pct.to_string(),
                },
                standards: Vec::new(),
            })
            .collect();
        page.tables
            .push(("Compliance by service".to_owned(), "Service", rows));
        return Ok(Html(page.render()?).into_response());
    }
    let scope = ChildScope::of(&user.user, &c.dataset, day);
    // The team whose workers and exceptions are shown, if any.
    let team = match role {
        Role::Manager => {
            let own = user.user.team.clone().ok_or(AppError::Forbidden)?;
            if q.team.as_ref().is_some_and(|t| *t != own) {
                return Err(AppError::NotFound);
            }
            Some(own)
        }
        Role::Practitioner => {
            if q.team.is_some() {
                return Err(AppError::NotFound);
            }
            None
        }
        _ => q.team.clone(),
    };
    if let Some(t) = &team
        && !c.dataset.teams.iter().any(|x| &x.id == t)
        && !rows.iter().any(|f| f.team.as_ref() == Some(t))
    {
        return Err(AppError::NotFound);
    }
    let (list, caption, subject): (Vec<&ChildFocus>, String, String) = match role {
        Role::Practitioner => {
            let worker = user.user.worker.clone().unwrap_or_default();
            let mine: Vec<&ChildFocus> = rows
                .iter()
                .filter(|f| f.worker.as_deref() == Some(worker.as_str()) && scope.allows(&f.child))
                .collect();
            let own: Vec<ChildFocus> = mine.iter().map(|f| (*f).clone()).collect();
            page.tables.push((
                "Your caseload".to_owned(),
                "Worker",
                rollup_rows(&rollup(&own, Level::Worker), false),
            ));
            (
                mine,
                "Your caseload".to_owned(),
                format!("Focus Five of worker {worker}'s caseload on {day}"),
            )
        }
        _ => {
            if matches!(role, Role::Admin | Role::Analyst) {
                let mut services = rollup(&rows, Level::Service);
                services.push(("All open children".to_owned(), total(&rows)));
                page.tables.push((
                    "Compliance by service".to_owned(),
                    "Service",
                    rollup_rows(&services, false),
                ));
                page.tables.push((
                    "Compliance by team".to_owned(),
                    "Team",
                    rollup_rows(&rollup(&rows, Level::Team), true),
                ));
            }
            let Some(t) = &team else {
                return Ok(Html(page.render()?).into_response());
            };
            let in_team: Vec<ChildFocus> = rows
                .iter()
                .filter(|f| f.team.as_ref() == Some(t) && scope.allows(&f.child))
                .cloned()
                .collect();
            let mut workers = rollup(&in_team, Level::Worker);
            workers.push((format!("Team {t}"), total(&in_team)));
            page.tables.push((
                format!("Team {t} by worker"),
                "Worker",
                rollup_rows(&workers, false),
            ));
            let list: Vec<&ChildFocus> = exceptions(&rows, t)
                .into_iter()
                .filter(|f| scope.allows(&f.child))
                .collect();
            (
                list,
                format!("Exceptions: team {t}'s children missing a standard"),
                format!("Focus Five exceptions of team {t} on {day}"),
            )
        }
    };
    // Child-level: logged first; if the log cannot be written, nothing is shown.
    state
        .store
        .log_access(&[AccessEntry {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: "GET /focus-five".into(),
            subject: format!("{subject} ({} shown)", list.len()),
            child_id: None,
        }])
        .await?;
    page.children = Some((caption, child_rows(&list)));
    Ok(Html(page.render()?).into_response())
}

#[derive(Template)]
#[template(path = "no_data.html")]
struct NoData {
    chrome: Option<Chrome>,
    page_title: &'static str,
}
