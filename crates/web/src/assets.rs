//! The page's assets, embedded in the binary so that an install is one file and the page needs
//! nothing from outside the server.

use axum::http::header;
use axum::response::IntoResponse;
use std::sync::LazyLock;

/// The look of GOV.UK pages written by hand (header, width container, headings, tables), then
/// the charts' own stylesheet.
static APP_CSS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{}\n{}",
        include_str!("../assets/app.css"),
        report::svg::CSS
    )
});

const FAVICON: &str = include_str!("../assets/favicon.svg");

/// Assets change only with the binary; a short cache spares reloads without keeping a stale
/// stylesheet for long after an upgrade.
const ASSET_CACHE_CONTROL: &str = "public, max-age=300";

pub(crate) async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, ASSET_CACHE_CONTROL),
        ],
        APP_CSS.as_str(),
    )
}

pub(crate) async fn favicon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, ASSET_CACHE_CONTROL),
        ],
        FAVICON,
    )
}
