//! Security headers on every response, and one log line per request.
//!
//! The page needs nothing from anywhere but this server, and runs no script at all, so the
//! Content-Security-Policy allows only same-origin resources and no inline script or style; a
//! stray `<script>` or `style=""` that ever slipped into a page would be refused by the browser
//! (and the browser test would see the console error).

use axum::extract::Request;
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

/// The routes the app knows, for the log: any other path is logged as `other`, since a path
/// someone typed might hold anything, a child's id included.
const KNOWN_PATHS: [&str; 4] = ["/", "/healthz", "/assets/app.css", "/assets/favicon.svg"];

pub(crate) async fn security_headers(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = KNOWN_PATHS
        .iter()
        .find(|p| **p == request.uri().path())
        .copied()
        .unwrap_or("other");
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(PAGE_CACHE_CONTROL));
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        millis = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}
