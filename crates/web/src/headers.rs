//! Security headers on every response, and one log line per request.
//!
//! The pages need nothing from anywhere but this server, and run only the server's own script
//! files, so the Content-Security-Policy allows only same-origin resources and no inline script or
//! style; a
//! stray `<script>` or `style=""` that ever slipped into a page would be refused by the browser
//! (and the browser test would see the console error).

use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The Content-Security-Policy of every response.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Headers set on every response.
pub const SECURITY_HEADERS: [(HeaderName, &str); 4] = [
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
];

/// Pages may hold figures about children: no browser or proxy keeps a copy. Assets set their own.
pub const PAGE_CACHE_CONTROL: &str = "no-store";

/// Behind TLS: browsers use HTTPS only for a year.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

pub(crate) async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    // The route's pattern (`/children/{id}`), never the path itself, which may hold a child's id.
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_owned(), |p| p.as_str().to_owned());
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if state.behind_tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(PAGE_CACHE_CONTROL));
    tracing::info!(
        %method,
        path = %path,
        status = response.status().as_u16(),
        millis = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}
