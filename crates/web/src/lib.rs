//! The web app: the measures page over the store, a health check and the page's assets.
//!
//! Routes:
//!
//! | route | what |
//! |---|---|
//! | `GET /` | "Family Safeguarding: escalation measures": the seed's measures ([`metrics::SEED_MEASURES`]), monthly over 24 months, as a chart and a table; a page saying how to load data when the store has none |
//! | `GET /healthz` | `ok` |
//! | `GET /assets/app.css`, `GET /assets/favicon.svg` | the page's only assets, embedded in the binary |
//!
//! Every response carries the security headers of [`headers`]. Pages show aggregates only: no
//! child id or other child-level value reaches the HTML, and nothing personal reaches the logs.
//! Errors become a plain error page through one type, [`AppError`]; the detail goes to the log.

mod assets;
mod error;
pub mod headers;
mod measures;

use axum::Router;
use axum::routing::get;
use std::future::Future;

pub use error::AppError;
pub use measures::{MONTHS, ReportingDate, reporting_date};

/// Everything a request needs. Cheap to clone: the store is a connection pool.
#[derive(Clone)]
pub struct AppState {
    pub store: store::Store,
    /// The reporting date. `None`: 31 March of the latest collection year among the loaded files,
    /// or today when no file names its year.
    pub as_at: Option<model::Date>,
    pub settings: metrics::Settings,
}

/// The app: every route, with the security headers on every response (404s included).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(measures::page))
        .route("/healthz", get(healthz))
        .route("/assets/app.css", get(assets::css))
        .route("/assets/favicon.svg", get(assets::favicon))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(headers::security_headers))
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
    axum::serve(listener, router(state))
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
