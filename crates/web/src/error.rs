//! The app's one error type. It becomes a plain error page: what went wrong inside is logged, not
//! shown, so that no database path, engine message or stack detail reaches a browser.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    /// No route has this path: `404 Not Found`.
    #[error("no such page")]
    NotFound,
    /// The page needs a signed-in user and the request has no live session: `303` to the
    /// sign-in page.
    #[error("not signed in")]
    SignInRequired,
    /// The user's role may not see this page: `403 Forbidden`.
    #[error("not allowed for this role")]
    Forbidden,
    /// A form came without this session's CSRF token: `403 Forbidden`, nothing done.
    #[error("the form's CSRF token is missing or wrong")]
    CsrfRejected,
    /// The request is malformed in a way the person can fix (a bad month in a link): `400`.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The store could not be read: `500`. The store's messages name tables and columns, never
    /// values, so they may be logged.
    #[error("reading the store failed")]
    Store(#[from] store::StoreError),
    /// The work off the async threads (computing the indicators) panicked or was cancelled: `500`.
    #[error("computing the page failed")]
    Task(#[from] tokio::task::JoinError),
    /// A template could not be rendered: `500`.
    #[error("rendering the page failed")]
    Template(#[from] askama::Error),
    /// A stored document cannot be read (a tracker record): `500`. The message names the
    /// record's kind and id, which name no child.
    #[error("a stored record cannot be read: {0}")]
    Corrupt(String),
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Option<crate::layout::Chrome>,
    page_title: &'static str,
    heading: &'static str,
    lines: &'static [&'static str],
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, page) = match &self {
            AppError::SignInRequired => {
                return (
                    StatusCode::SEE_OTHER,
                    [
                        (header::LOCATION, "/login"),
                        (header::CACHE_CONTROL, crate::headers::PAGE_CACHE_CONTROL),
                    ],
                )
                    .into_response();
            }
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                ErrorPage {
                    chrome: None,
                    page_title: "You cannot see this page",
                    heading: "You cannot see this page",
                    lines: &[
                        "Your role does not give access to this page.",
                        "If you need it for your work, ask an administrator.",
                    ],
                },
            ),
            AppError::CsrfRejected => (
                StatusCode::FORBIDDEN,
                ErrorPage {
                    chrome: None,
                    page_title: "The form has expired",
                    heading: "The form has expired",
                    lines: &["Nothing was changed. Go back, reload the page and try again."],
                },
            ),
            AppError::BadRequest(why) => {
                tracing::info!(why, "bad request");
                (
                    StatusCode::BAD_REQUEST,
                    ErrorPage {
                        chrome: None,
                        page_title: "There is a problem with the address",
                        heading: "There is a problem with the address",
                        lines: &["Check the web address, or go back and follow the link again."],
                    },
                )
            }
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                ErrorPage {
                    chrome: None,
                    page_title: "Page not found",
                    heading: "Page not found",
                    lines: &[
                        "If you typed the web address, check it is correct.",
                        "If you pasted the web address, check you copied the entire address.",
                    ],
                },
            ),
            AppError::Store(_)
            | AppError::Task(_)
            | AppError::Template(_)
            | AppError::Corrupt(_) => {
                tracing::error!(error = %chain(&self), "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorPage {
                        chrome: None,
                        page_title: "Sorry, there is a problem with the service",
                        heading: "Sorry, there is a problem with the service",
                        lines: &[
                            "Try again later.",
                            "If the problem continues, tell the performance team: the details \
                             are in the server's log.",
                        ],
                    },
                )
            }
        };
        let body = page.render().unwrap_or_else(|_| {
            // A page with no fields to fill cannot fail to render in practice; if it ever does,
            // a line of text still says what happened.
            page.heading.to_owned()
        });
        (
            status,
            [(header::CACHE_CONTROL, crate::headers::PAGE_CACHE_CONTROL)],
            Html(body),
        )
            .into_response()
    }
}

/// The error and its causes, outermost first: `reading the store failed: database x: reading the
/// loads failed: …`.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn internal_errors_show_a_plain_page_and_hide_the_detail() {
        let err = AppError::Store(store::StoreError::Corrupt {
            db: "/secret/path/harbour.db".into(),
            table: "cp_plans",
            column: "start_date",
        });
        assert_eq!(
            chain(&err),
            "reading the store failed: database /secret/path/harbour.db: a value in \
             cp_plans.start_date cannot be read"
        );
        let response = err.into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = body_of(response).await;
        assert!(body.contains("Sorry, there is a problem with the service"));
        for secret in ["/secret/path", "cp_plans", "start_date", "database"] {
            assert!(!body.contains(secret), "{secret} leaked");
        }
    }

    #[tokio::test]
    async fn a_missing_page_is_a_404_page() {
        let response = AppError::NotFound.into_response();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
        assert!(body_of(response).await.contains("Page not found"));
    }
}
