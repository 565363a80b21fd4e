//! The signed-in pages: the OBA scorecard, an indicator, the children behind a figure, a child's
//! chronology, the data loads and the access log; and signing in and out.
//!
//! Figures come from `metrics` (the catalogue, `oba`, `publish`) and `benchmarks`; this module only
//! lays them out. For the scrutiny role every figure passes through `metrics::publish` (DfE
//! disclosure control: counts of 1 to 5 shown as `c`). Child-level pages ask
//! [`crate::access::ChildScope`] first and write one access-log entry before answering.

use crate::access::ChildScope;
use crate::auth::{self, ClientAddr, CurrentUser, SignIn};
use crate::computed::{self, Computed};
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disclosure::{Audience, Policy};
use metrics::{Observation, Series, Unit, oba};
use model::{ChildId, Date};
use report::svg::{self, ChartSpec, Point, YAxis};
use store::{AccessEntry, Channel, Role};

/// Roles that may see child-level pages at all (each within their scope).
const CHILD_ROLES: [Role; 4] = [
    Role::Admin,
    Role::Analyst,
    Role::Manager,
    Role::Practitioner,
];

fn audience(user: &CurrentUser) -> Audience {
    if user.role() == Role::Scrutiny {
        Audience::Scrutiny
    } else {
        Audience::Internal
    }
}

fn html(page: &impl Template) -> Result<Response, AppError> {
    Ok(Html(page.render()?).into_response())
}

// Signing in and out ----------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    csrf_token: String,
    name: String,
    error: Option<&'static str>,
}

fn login_form(
    state: &AppState,
    status: StatusCode,
    name: String,
    error: Option<&'static str>,
) -> Result<Response, AppError> {
    let token = auth::random_token();
    let page = LoginPage {
        chrome: None,
        page_title: "Sign in",
        csrf_token: token.clone(),
        name,
        error,
    };
    Ok((
        status,
        [(
            header::SET_COOKIE,
            auth::set_cookie(state, auth::LOGIN_CSRF_COOKIE, &token, "/login", 3600),
        )],
        Html(page.render()?),
    )
        .into_response())
}

pub(crate) async fn login_page(State(state): State<AppState>) -> Result<Response, AppError> {
    login_form(&state, StatusCode::OK, String::new(), None)
}

#[derive(serde::Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf_token: String,
}

pub(crate) async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let cookie_token = auth::cookie(&headers, auth::LOGIN_CSRF_COOKIE).unwrap_or_default();
    if cookie_token.is_empty() || !auth::same_secret(cookie_token, &form.csrf_token) {
        return login_form(
            &state,
            StatusCode::FORBIDDEN,
            form.name,
            Some("The sign-in form expired. Enter your user name and password again."),
        );
    }
    let name = form.name.trim().to_owned();
    if name.is_empty() || form.password.is_empty() || name.len() > 100 {
        return login_form(
            &state,
            StatusCode::UNAUTHORIZED,
            name,
            Some("Enter your user name and password"),
        );
    }
    let old = auth::cookie(&headers, auth::session_cookie_name(&state)).map(str::to_owned);
    match auth::sign_in(&state, &name, &form.password, &client, old.as_deref()).await? {
        SignIn::Started { token } => Ok((
            StatusCode::SEE_OTHER,
            [
                (
                    header::SET_COOKIE,
                    auth::set_cookie(
                        &state,
                        auth::session_cookie_name(&state),
                        &token,
                        "/",
                        auth::SESSION_HOURS * 3600,
                    ),
                ),
                (header::LOCATION, "/".to_owned()),
            ],
        )
            .into_response()),
        SignIn::Wrong => login_form(
            &state,
            StatusCode::UNAUTHORIZED,
            name,
            Some("Enter a correct user name and password"),
        ),
        SignIn::Locked => login_form(
            &state,
            StatusCode::TOO_MANY_REQUESTS,
            name,
            Some("Too many attempts to sign in. Wait 15 minutes, then try again."),
        ),
    }
}

#[derive(serde::Deserialize)]
pub(crate) struct CsrfForm {
    #[serde(default)]
    csrf_token: String,
}

pub(crate) async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<CsrfForm>,
) -> Result<Response, AppError> {
    user.check_csrf(&form.csrf_token)?;
    state.store.delete_session(&user.token_hash).await?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (
                header::SET_COOKIE,
                auth::set_cookie(&state, auth::session_cookie_name(&state), "", "/", 0),
            ),
            (header::LOCATION, "/login".to_owned()),
        ],
    )
        .into_response())
}

// The scorecard ---------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "scorecard.html")]
struct ScorecardPage<'a> {
    chrome: Option<Chrome>,
    page_title: &'static str,
    reporting_date: String,
    controlled: bool,
    /// The table, rendered once per load and audience (`scorecard_table.html`).
    table: &'a str,
}

#[derive(Template)]
#[template(path = "scorecard_table.html")]
struct ScorecardTable {
    rows: Vec<ScorecardRow>,
}

struct ScorecardRow {
    id: &'static str,
    title: &'static str,
    quadrant: &'static str,
    latest_month: String,
    latest: String,
    sparkline: String,
    trend: Vec<(String, String)>,
    target: String,
    against_target: Tag,
    england: String,
    against_england: Tag,
}

/// A red/amber/green status as a GOV.UK tag.
struct Tag {
    text: &'static str,
    class: &'static str,
}

fn tag(rag: oba::Rag, suppressed: bool) -> Tag {
    if suppressed {
        return Tag {
            text: "c",
            class: "govuk-tag--grey",
        };
    }
    Tag {
        text: rag.label(),
        class: match rag {
            oba::Rag::Red => "govuk-tag--red",
            oba::Rag::Amber => "govuk-tag--yellow",
            oba::Rag::Green => "govuk-tag--green",
            _ => "govuk-tag--grey",
        },
    }
}

/// One figure as the user may see it: exact, or disclosure-controlled for scrutiny.
struct Shown {
    numerator: String,
    denominator: String,
    value: String,
    suppressed: bool,
    /// The value to draw (`None` when missing or suppressed).
    drawn: Option<f64>,
}

fn shown(p: &Observation, unit: Unit, audience: Audience) -> Shown {
    let f = metrics::publish::publish(p, unit, audience, &Policy::default());
    let decimals = match unit {
        Unit::Percent | Unit::Per10k => 1,
        Unit::Count | Unit::Days => 0,
    };
    let value = match f.value.value() {
        Some(_) => format!("{:.*}", decimals, f.value),
        None if f.value.is_suppressed() => "c".to_owned(),
        None => "–".to_owned(),
    };
    Shown {
        numerator: f.numerator.to_string(),
        denominator: f
            .denominator
            .map_or_else(|| "–".to_owned(), |d| d.to_string()),
        value,
        suppressed: f.value.is_suppressed(),
        drawn: f.value.value(),
    }
}

fn fmt1(v: Option<f64>) -> String {
    v.map_or_else(|| "Not set".to_owned(), |v| format!("{v:.1}"))
}

/// England's latest published value for an indicator, if it can be set beside monthly figures.
fn england_of(def: &metrics::IndicatorDef) -> Option<&'static benchmarks::Benchmark> {
    // The shipped figures are read once; a build whose shipped file could not be read shows
    // "Not available" rather than fail every page (the benchmarks crate's tests read it).
    static ENGLAND: std::sync::LazyLock<Vec<benchmarks::Benchmark>> =
        std::sync::LazyLock::new(|| benchmarks::england_latest().unwrap_or_default());
    if !oba::comparable_with_england(def.unit, metrics::PeriodKind::Month) {
        return None;
    }
    ENGLAND
        .iter()
        .filter(|b| b.indicator_id == def.id)
        .max_by_key(|b| b.year)
}

pub(crate) async fn scorecard(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let Some(c) = computed::latest(&state).await? else {
        return no_data(&user);
    };
    let audience = audience(&user);
    let slot = &c.scorecard_tables[usize::from(audience.needs_control())];
    if slot.get().is_none() {
        let rows = c
            .series
            .iter()
            .map(|s| {
                let def = s.indicator;
                let target = state.target(def.id);
                let bench = england_of(def);
                let card = oba::scorecard(s, target, bench.and_then(|b| b.value), 1, 0.05);
                let shown_points: Vec<Shown> = s
                    .points
                    .iter()
                    .map(|p| shown(p, def.unit, audience))
                    .collect();
                let latest = shown_points.last();
                let suppressed = latest.is_some_and(|l| l.suppressed);
                ScorecardRow {
                    id: def.id,
                    title: def.title,
                    quadrant: def.quadrant.label(),
                    latest_month: s
                        .points
                        .last()
                        .map(|p| short_month(p.period_start))
                        .unwrap_or_default(),
                    latest: latest.map(|l| l.value.clone()).unwrap_or_default(),
                    sparkline: svg::sparkline(
                        &format!("{}-spark", def.id),
                        &format!("{}: trend over {} months", def.title, s.points.len()),
                        &shown_points.iter().map(|p| p.drawn).collect::<Vec<_>>(),
                    ),
                    trend: s
                        .points
                        .iter()
                        .zip(&shown_points)
                        .map(|(p, sh)| (short_month(p.period_start), sh.value.clone()))
                        .collect(),
                    target: fmt1(target),
                    against_target: tag(card.against_target, suppressed),
                    england: bench
                        .and_then(|b| b.value)
                        .map_or_else(|| "Not available".to_owned(), |v| format!("{v:.1}")),
                    against_england: tag(card.against_benchmark, suppressed),
                }
            })
            .collect();
        // Two requests may render it at once after a load; both render the same table.
        let _ = slot.set(ScorecardTable { rows }.render()?);
    }
    let table = slot.get().map_or("", String::as_str);
    html(&ScorecardPage {
        chrome: Some(Chrome::of(&user)),
        page_title: "Scorecard",
        reporting_date: long_date(c.when.date()),
        controlled: audience.needs_control(),
        table,
    })
}

#[derive(Template)]
#[template(path = "no_data.html")]
struct NoDataPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
}

fn no_data(user: &CurrentUser) -> Result<Response, AppError> {
    html(&NoDataPage {
        chrome: Some(Chrome::of(user)),
        page_title: "No data yet",
    })
}

// An indicator ----------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "indicator.html")]
struct IndicatorPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    id: &'static str,
    quadrant: &'static str,
    definition: &'static str,
    numerator: &'static str,
    denominator: &'static str,
    source: &'static str,
    settings: String,
    reporting_date: String,
    chart: String,
    value_heading: &'static str,
    rows: Vec<IndicatorRow>,
    target: String,
    against_target: Tag,
    england: String,
    england_detail: String,
    against_england: Tag,
    forecast: String,
    /// Links to the children behind each month.
    can_drill: bool,
    can_edit: bool,
    story: String,
    actions: String,
    note_by: String,
}

struct IndicatorRow {
    month: String,
    /// `YYYY-MM` for the drill-down link.
    month_key: String,
    numerator: String,
    denominator: String,
    value: String,
    has_children: bool,
}

pub(crate) async fn indicator(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let def = metrics::indicator(&id).ok_or(AppError::NotFound)?;
    let Some(c) = computed::latest(&state).await? else {
        return no_data(&user);
    };
    let s = c.series_of(def.id).ok_or(AppError::NotFound)?;
    let audience = audience(&user);
    let shown_points: Vec<Shown> = s
        .points
        .iter()
        .map(|p| shown(p, def.unit, audience))
        .collect();
    let suppressed = shown_points.last().is_some_and(|l| l.suppressed);
    let target = state.target(def.id);
    let bench = england_of(def);
    let card = oba::scorecard(s, target, bench.and_then(|b| b.value), 1, 0.05);
    let notes = state.store.indicator_notes(def.id).await?;
    let note = notes.first();
    let can_drill = CHILD_ROLES.contains(&user.role());
    let forecast = match card.forecast.as_ref().and_then(|f| f.first()) {
        Some(f) if !suppressed => format!(
            "{:.1} next month (80% interval {:.1} to {:.1}), {}",
            f.value,
            f.low,
            f.high,
            oba::FORECAST_METHOD
        ),
        _ => "Not available".to_owned(),
    };
    html(&IndicatorPage {
        chrome: Some(Chrome::of(&user)),
        page_title: def.title,
        id: def.id,
        quadrant: def.quadrant.label(),
        definition: def.definition,
        numerator: def.numerator,
        denominator: def.denominator,
        source: def.source,
        settings: if s.settings.is_empty() {
            "None: this indicator has no settings.".to_owned()
        } else {
            s.settings.clone()
        },
        reporting_date: long_date(c.when.date()),
        chart: chart(s, shown_points.iter().map(|sh| sh.drawn)),
        value_heading: value_heading(def.unit),
        rows: s
            .points
            .iter()
            .zip(&shown_points)
            .map(|(p, sh)| IndicatorRow {
                month: short_month(p.period_start),
                month_key: p.period_start.strftime("%Y-%m").to_string(),
                numerator: sh.numerator.clone(),
                denominator: sh.denominator.clone(),
                value: sh.value.clone(),
                // The catalogue is kept without the children behind each figure: a figure
                // that counts anyone has children to show.
                has_children: can_drill && (p.numerator > 0 || p.denominator.unwrap_or(0) > 0),
            })
            .collect(),
        target: fmt1(target),
        against_target: tag(card.against_target, suppressed),
        england: bench
            .and_then(|b| b.value)
            .map_or_else(|| "Not available".to_owned(), |v| format!("{v:.1}")),
        england_detail: bench
            .map(|b| format!("{}, {}", b.year, b.source.title))
            .unwrap_or_default(),
        against_england: tag(card.against_benchmark, suppressed),
        forecast,
        can_drill,
        can_edit: matches!(user.role(), Role::Admin | Role::Analyst),
        story: note.map(|n| n.story.clone()).unwrap_or_default(),
        actions: note.map(|n| n.actions.clone()).unwrap_or_default(),
        note_by: note
            .map(|n| format!("{}, {}", n.written_by, short_timestamp(&n.written_at)))
            .unwrap_or_default(),
    })
}

fn value_heading(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "Value (%)",
        Unit::Per10k => "Per 10,000 children",
        Unit::Days => "Days (mean)",
        Unit::Count => "Value",
    }
}

/// An indicator's monthly chart of `values` (one a month, `None` where none is shown): a
/// percentage is a line on a 0–100 axis, so that measures read alike; a count is bars from zero.
pub(crate) fn chart(series: &Series, values: impl IntoIterator<Item = Option<f64>>) -> String {
    let def = series.indicator;
    let spec = ChartSpec {
        id: format!("{}-chart", def.id),
        title: format!("{}, by month", def.title),
        y_label: match def.unit {
            Unit::Percent => "Per cent".into(),
            Unit::Per10k => "Per 10,000 children".into(),
            Unit::Days => "Days".into(),
            Unit::Count => "Number".into(),
        },
        unit: match def.unit {
            Unit::Percent => svg::Unit::Percent,
            Unit::Count | Unit::Per10k | Unit::Days => svg::Unit::Count,
        },
        y_axis: match def.unit {
            Unit::Percent => YAxis::ZeroToHundred,
            Unit::Count | Unit::Per10k | Unit::Days => YAxis::Auto,
        },
        points: series
            .points
            .iter()
            .zip(values)
            .map(|(p, v)| Point::new(short_month(p.period_start), v))
            .collect(),
    };
    match def.unit {
        Unit::Percent | Unit::Per10k | Unit::Days => svg::line_chart(&spec),
        Unit::Count => svg::bar_chart(&spec),
    }
}

#[derive(serde::Deserialize)]
pub(crate) struct NoteForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    story: String,
    #[serde(default)]
    actions: String,
}

/// The longest story or list of actions kept.
const NOTE_MAX: usize = 10_000;

pub(crate) async fn save_note(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<NoteForm>,
) -> Result<Response, AppError> {
    user.check_csrf(&form.csrf_token)?;
    user.require(&[Role::Admin, Role::Analyst])?;
    let def = metrics::indicator(&id).ok_or(AppError::NotFound)?;
    if form.story.len() > NOTE_MAX || form.actions.len() > NOTE_MAX {
        return Err(AppError::BadRequest("note too long"));
    }
    state
        .store
        .add_indicator_note(
            def.id,
            form.story.trim(),
            form.actions.trim(),
            &user.user.name,
        )
        .await?;
    Ok(Redirect::to(&format!("/indicators/{}#story", def.id)).into_response())
}

// The children behind a figure ------------------------------------------------------------------

#[derive(serde::Deserialize)]
pub(crate) struct MonthQuery {
    month: Option<String>,
}

#[derive(Template)]
#[template(path = "drill.html")]
struct DrillPage {
    chrome: Option<Chrome>,
    page_title: String,
    id: &'static str,
    title: &'static str,
    month: String,
    numerator: &'static str,
    denominator: &'static str,
    scoped: bool,
    children: Vec<DrillRow>,
}

struct DrillRow {
    id: String,
    href: String,
    in_numerator: bool,
    in_denominator: bool,
}

pub(crate) async fn drill(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<MonthQuery>,
) -> Result<Response, AppError> {
    user.require(&CHILD_ROLES)?;
    let def = metrics::indicator(&id).ok_or(AppError::NotFound)?;
    let month = parse_month(q.month.as_deref().unwrap_or(""))?;
    let Some(c) = computed::latest(&state).await? else {
        return no_data(&user);
    };
    // The cached catalogue keeps only the figures; the children behind this one are found by
    // computing it again, for this month alone.
    let period = metrics::periods(metrics::PeriodKind::Month, c.when.date(), crate::MONTHS)
        .into_iter()
        .find(|p| p.start == month)
        .ok_or(AppError::NotFound)?;
    let settings = state.settings;
    let figure = c.clone();
    let p =
        tokio::task::spawn_blocking(move || (def.compute)(&figure.inputs(), &period, &settings))
            .await?;
    let scope = scope(&user, &c);
    let mut ids: Vec<&ChildId> = p
        .numerator_children
        .iter()
        .chain(&p.denominator_children)
        .filter(|c| scope.allows(c))
        .collect();
    ids.sort();
    ids.dedup();
    let children: Vec<DrillRow> = ids
        .into_iter()
        .map(|cid| DrillRow {
            id: cid.0.clone(),
            href: format!("/children/{}", url_segment(&cid.0)),
            in_numerator: p.numerator_children.contains(cid),
            in_denominator: p.denominator_children.contains(cid),
        })
        .collect();
    let month_key = month.strftime("%Y-%m").to_string();
    // The log first: if it cannot be written, nothing is shown.
    state
        .store
        .log_access(&[AccessEntry {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: "GET /indicators/{id}/children".into(),
            subject: format!(
                "children behind {} {month_key} ({} shown)",
                def.id,
                children.len()
            ),
            child_id: None,
        }])
        .await?;
    html(&DrillPage {
        chrome: Some(Chrome::of(&user)),
        page_title: format!("Children behind {}, {}", def.title, long_month(month)),
        id: def.id,
        title: def.title,
        month: long_month(month),
        numerator: def.numerator,
        denominator: def.denominator,
        scoped: !matches!(scope, ChildScope::Every),
        children,
    })
}

fn scope(user: &CurrentUser, c: &Computed) -> ChildScope {
    ChildScope::of(&user.user, &c.dataset, c.when.date())
}

fn parse_month(s: &str) -> Result<Date, AppError> {
    let bad = AppError::BadRequest("month must be YYYY-MM");
    let (y, m) = s.split_once('-').ok_or(bad)?;
    let (Ok(y), Ok(m)) = (y.parse::<i16>(), m.parse::<i8>()) else {
        return Err(AppError::BadRequest("month must be YYYY-MM"));
    };
    Date::new(y, m, 1).map_err(|_| AppError::BadRequest("month must be YYYY-MM"))
}

/// Percent-encodes a path segment: only unreserved characters are left as they are.
fn url_segment(s: &str) -> String {
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

// A child's chronology --------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "chronology.html")]
struct ChronologyPage {
    chrome: Option<Chrome>,
    page_title: String,
    child_id: String,
    events: Vec<EventRow>,
}

struct EventRow {
    date: String,
    source: &'static str,
    what: String,
    detail: String,
}

pub(crate) async fn chronology(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(child_id): Path<String>,
) -> Result<Response, AppError> {
    user.require(&CHILD_ROLES)?;
    let Some(c) = computed::latest(&state).await? else {
        return Err(AppError::NotFound);
    };
    let id = ChildId::from(child_id.as_str());
    // A child outside the user's scope is "not found", the same as one that does not exist, so
    // that the answer says nothing about who is known.
    if !scope(&user, &c).allows(&id) {
        return Err(AppError::NotFound);
    }
    let child = c
        .dataset
        .children
        .binary_search_by(|ch| ch.id.cmp(&id))
        .ok()
        .map(|i| &c.dataset.children[i])
        .or_else(|| c.dataset.children.iter().find(|ch| ch.id == id))
        .ok_or(AppError::NotFound)?;
    let events = crate::chronology::events(child, &c.dataset);
    state
        .store
        .log_access(&[AccessEntry {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: "GET /children/{id}".into(),
            subject: format!("chronology of child {} ({} events)", id.0, events.len()),
            child_id: Some(id.0.clone()),
        }])
        .await?;
    html(&ChronologyPage {
        chrome: Some(Chrome::of(&user)),
        page_title: format!("Chronology of child {}", id.0),
        child_id: id.0,
        events: events
            .into_iter()
            .map(|e| EventRow {
                date: long_date(e.date),
                source: e.source,
                what: e.what,
                detail: e.detail,
            })
            .collect(),
    })
}

// Data loads ------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "loads.html")]
struct LoadsPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    loads: Vec<store::LoadRecord>,
}

pub(crate) async fn loads(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    user.require(&[Role::Admin, Role::Analyst])?;
    let mut loads = state.store.loads().await?;
    loads.reverse();
    html(&LoadsPage {
        chrome: Some(Chrome::of(&user)),
        page_title: "Data loads",
        loads,
    })
}

// The access log --------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "access_log.html")]
struct AccessLogPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    entries: Vec<store::AccessRecord>,
}

/// How many entries the page shows, newest first.
const ACCESS_LOG_SHOWN: u32 = 500;

pub(crate) async fn access_log(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    user.require(&[Role::Admin])?;
    // Reading the log is itself logged, first.
    state
        .store
        .log_access(&[AccessEntry {
            actor: user.user.name.clone(),
            channel: Channel::Web,
            action: "GET /admin/access-log".into(),
            subject: format!("the access log (latest {ACCESS_LOG_SHOWN})"),
            child_id: None,
        }])
        .await?;
    let entries = state.store.access_log(ACCESS_LOG_SHOWN).await?;
    html(&AccessLogPage {
        chrome: Some(Chrome::of(&user)),
        page_title: "Access log",
        entries,
    })
}

// Dates -----------------------------------------------------------------------------------------

fn long_date(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

fn long_month(d: Date) -> String {
    d.strftime("%B %Y").to_string()
}

fn short_month(d: Date) -> String {
    d.strftime("%b %Y").to_string()
}

/// "2026-05-07T09:30:00.000000Z" as "7 May 2026 09:30 UTC".
fn short_timestamp(s: &str) -> String {
    s.parse::<jiff::Timestamp>().map_or_else(
        |_| s.to_owned(),
        |t| t.strftime("%-d %B %Y %H:%M UTC").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_path_segments_are_read_and_written_strictly() {
        assert_eq!(
            parse_month("2025-03").unwrap(),
            Date::new(2025, 3, 1).unwrap()
        );
        for bad in ["", "2025", "2025-13", "x-03", "2025-03-01"] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
        assert_eq!(url_segment("C 1/é"), "C%201%2F%C3%A9");
        assert_eq!(url_segment("AB-12_x.~"), "AB-12_x.~");
        assert_eq!(
            short_timestamp("2026-05-07T09:30:00.000000Z"),
            "7 May 2026 09:30 UTC"
        );
    }
}
