//! The web app: accounts and sessions, the OBA scorecard, indicators, the children behind a
//! figure, a child's chronology, the data loads, the access log, and the Family Safeguarding
//! measures page, over the store and the indicator catalogue.
//!
//! Routes (every page but sign-in needs a signed-in user; see [`auth`]):
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /login`, `POST /login` | anyone | sign in (CSRF double-submit cookie, rate-limited) |
//! | `POST /logout` | signed in | sign out (CSRF) |
//! | `GET /` | every role | the OBA scorecard: every indicator's latest value, sparkline with its table, target, England, RAG |
//! | `GET /indicators/{id}` | every role | trend chart and table, target, benchmark, forecast, settings, story and actions |
//! | `POST /indicators/{id}/notes` | admin, analyst | a new version of the story and actions (CSRF) |
//! | `GET /indicators/{id}/children?month=YYYY-MM` | admin, analyst, manager, practitioner | the children behind a month's figure, within the user's scope; logged |
//! | `GET /children/{id}` | admin, analyst, manager, practitioner | a child's chronology, if in scope; logged |
//! | `GET /measures` | all but scrutiny | the seed's Family Safeguarding measures |
//! | `GET /audits` | every role | the audit programme: admin and analyst each cycle's completion, grade mix, moderation, dip samples and actions; scrutiny the counts through disclosure control; an auditor (manager or practitioner whose worker id audits are allocated to) only their audits; a manager their team's actions. Lists are logged |
//! | `POST /audits/actions/{id}/close` | manager | closes one of their team's follow-up actions today (CSRF) |
//! | `GET /audits/{id}`, `POST /audits/{id}` | the audit's allocated auditor (a manager or practitioner) | the audit form: the four-point grade overall and per domain, themes as tags, findings; completes it (CSRF); logged |
//! | `GET /focus-five[?team=T]` | every role | Focus Five compliance: admin and analyst by service, team and worker and any team's exceptions; manager their team's workers and exceptions; practitioner their caseload; scrutiny by service through disclosure control. Lists of children are logged |
//! | `GET /loads` | admin, analyst | every load with its files and rows |
//! | `GET /upload`, `POST /upload` | admin, analyst | upload files (drag and drop, progress), read by `ingest` as `harbour load` reads them, stored all or nothing (CSRF) |
//! | `GET /admin/access-log` | admin | the access log (the read is logged first) |
//! | `GET /healthz` | anyone | `ok` |
//! | `GET /assets/…` | anyone | govuk-frontend and Harbour's CSS, JavaScript, fonts and images, embedded |
//!
//! The scrutiny role sees figures only through `metrics::publish` (DfE disclosure control) and
//! no child-level route. Every response carries the security headers of [`headers`]. Errors
//! become a plain page through one type, [`AppError`]; the detail goes to the log.

mod access;
mod annex_a;
mod assets;
mod audits;
pub mod auth;
mod chronology;
mod computed;
mod error;
mod focus_five;
mod forecast_page;
pub mod headers;
mod layout;
mod measures;
mod pages;
mod partnership;
mod programme;
mod trackers;
mod upload;

use axum::Router;
use axum::routing::{get, post};
use std::future::Future;

pub use access::ChildScope;
pub use computed::Cache;
pub use error::AppError;
pub use measures::{MONTHS, ReportingDate, reporting_date};

/// Everything a request needs. Cheap to clone: the store is a connection pool and the cache is
/// shared.
#[derive(Clone)]
pub struct AppState {
    pub store: store::Store,
    /// The reporting date. `None`: 31 March of the latest collection year among the loaded files,
    /// or today when no file names its collection year.
    pub as_at: Option<model::Date>,
    pub settings: metrics::Settings,
    /// Targets for the scorecard: `(indicator id, target)`.
    pub targets: Vec<(String, f64)>,
    /// The app is reached through HTTPS (a TLS-terminating proxy): cookies are `Secure` with the
    /// `__Host-` prefix, and responses carry `Strict-Transport-Security`.
    pub behind_tls: bool,
    /// The figures computed for the latest load.
    pub cache: Cache,
}

impl AppState {
    /// A state over `store` with the default settings, no targets, plain HTTP.
    pub fn new(store: store::Store) -> AppState {
        AppState {
            store,
            as_at: None,
            settings: metrics::Settings::default(),
            targets: Vec::new(),
            behind_tls: false,
            cache: Cache::default(),
        }
    }

    pub(crate) fn target(&self, id: &str) -> Option<f64> {
        self.targets.iter().find(|(i, _)| i == id).map(|(_, t)| *t)
    }
}

/// The app: every route, with the security headers on every response (404s included).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::scorecard))
        .route("/login", get(pages::login_page).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/indicators/{id}", get(pages::indicator))
        .route("/indicators/{id}/notes", post(pages::save_note))
        .route("/indicators/{id}/children", get(pages::drill))
        .route("/children/{id}", get(pages::chronology))
        .route("/measures", get(measures::page))
        .route("/focus-five", get(focus_five::page))
        .route("/audits", get(audits::page))
        .route("/audits/programme", get(programme::show))
        .route("/audits/programme/cycles", post(programme::new_cycle))
        .route("/audits/programme/{cycle}/sample", post(programme::sample))
        .route(
            "/audits/programme/{cycle}/allocate",
            post(programme::allocate),
        )
        .route("/audits/programme/{cycle}/dip", post(programme::dip))
        .route(
            "/audits/{id}/moderate",
            get(programme::moderate_form).post(programme::moderate),
        )
        .route("/audits/actions/{id}/close", post(audits::close_action))
        .route("/audits/{id}", get(audits::form).post(audits::save))
        .route("/forecast", get(forecast_page::page))
        .route("/partnership", get(partnership::page))
        .route("/plan", get(trackers::plan))
        .route("/plan/update", post(trackers::update_plan))
        .route("/recommendations", get(trackers::recommendations))
        .route(
            "/recommendations/{id}",
            post(trackers::update_recommendation),
        )
        .route("/annex-a", get(annex_a::page))
        .route("/loads", get(pages::loads))
        .route(
            "/upload",
            get(upload::form)
                .post(upload::receive)
                .layer(axum::extract::DefaultBodyLimit::max(
                    upload::MAX_UPLOAD_BYTES,
                )),
        )
        .route("/admin/access-log", get(pages::access_log))
        .route("/healthz", get(healthz))
        .route("/assets/app.css", get(assets::css))
        .route("/assets/govuk-frontend.min.css", get(assets::govuk_css))
        .route("/assets/{*path}", get(assets::file))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            headers::security_headers,
        ))
        .with_state(state)
}

/// Serves the app on `listener` until Ctrl-C (or SIGTERM), then lets requests in flight finish
/// and closes the store.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with_shutdown(listener, state, shutdown_signal()).await
}

/// Serves the app on `listener` until `signal` completes, then lets requests in flight finish
/// and closes the store.
pub async fn serve_with_shutdown(
    listener: tokio::net::TcpListener,
    state: AppState,
    signal: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let store = state.store.clone();
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "serving");
    }
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(signal)
    .await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn healthz() -> &'static str {
    "ok"
}

async fn not_found() -> AppError {
    AppError::NotFound
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (what a service manager or a script's
/// `kill` sends).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No Ctrl-C handler could be installed: never complete on this branch.
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
