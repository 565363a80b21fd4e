//! The pages' assets, embedded in the binary so that an install is one file and no page needs
//! anything from outside the server: govuk-frontend's built CSS, JavaScript, fonts and images
//! (committed under `assets/govuk-frontend/`, checked against the npm package by
//! `scripts/govuk-frontend.sh --check`), then Harbour's own stylesheet and script.

use crate::AppError;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

/// Harbour's own styles (charts, and a few layout classes), after govuk-frontend's.
static APP_CSS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{}\n{}",
        include_str!("../assets/app.css"),
        report::svg::CSS
    )
});

macro_rules! govuk {
    ($path:literal) => {
        include_bytes!(concat!("../assets/govuk-frontend/", $path))
    };
}

/// Every file served under `/assets/`: URL path, content type, bytes. govuk-frontend's CSS asks
/// for its fonts and images at `/assets/fonts/…` and `/assets/images/…`.
pub(crate) const FILES: [(&str, &str, &[u8]); 16] = [
    (
        "govuk-frontend.min.css",
        "text/css; charset=utf-8",
        govuk!("govuk-frontend.min.css"),
    ),
    (
        "govuk-frontend.min.js",
        "text/javascript; charset=utf-8",
        govuk!("govuk-frontend.min.js"),
    ),
    (
        "fonts/bold-affa96571d-v2.woff",
        "font/woff",
        govuk!("assets/fonts/bold-affa96571d-v2.woff"),
    ),
    (
        "fonts/bold-b542beb274-v2.woff2",
        "font/woff2",
        govuk!("assets/fonts/bold-b542beb274-v2.woff2"),
    ),
    (
        "fonts/light-94a07e06a1-v2.woff2",
        "font/woff2",
        govuk!("assets/fonts/light-94a07e06a1-v2.woff2"),
    ),
    (
        "fonts/light-f591b13f7d-v2.woff",
        "font/woff",
        govuk!("assets/fonts/light-f591b13f7d-v2.woff"),
    ),
    (
        "images/favicon.ico",
        "image/x-icon",
        govuk!("assets/images/favicon.ico"),
    ),
    (
        "images/favicon.svg",
        "image/svg+xml",
        govuk!("assets/images/favicon.svg"),
    ),
    (
        "images/govuk-crest.svg",
        "image/svg+xml",
        govuk!("assets/images/govuk-crest.svg"),
    ),
    (
        "images/govuk-icon-180.png",
        "image/png",
        govuk!("assets/images/govuk-icon-180.png"),
    ),
    (
        "images/govuk-icon-192.png",
        "image/png",
        govuk!("assets/images/govuk-icon-192.png"),
    ),
    (
        "images/govuk-icon-512.png",
        "image/png",
        govuk!("assets/images/govuk-icon-512.png"),
    ),
    (
        "images/govuk-icon-mask.svg",
        "image/svg+xml",
        govuk!("assets/images/govuk-icon-mask.svg"),
    ),
    (
        "images/govuk-opengraph-image.png",
        "image/png",
        govuk!("assets/images/govuk-opengraph-image.png"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../assets/favicon.svg"),
    ),
];

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

pub(crate) async fn file(Path(path): Path<String>) -> Result<Response, AppError> {
    let (_, content_type, bytes) = FILES
        .iter()
        .find(|(p, _, _)| *p == path)
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, *content_type),
            (header::CACHE_CONTROL, ASSET_CACHE_CONTROL),
        ],
        *bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    /// A refresh of govuk-frontend that adds or renames a file must update [`super::FILES`].
    #[test]
    fn every_committed_govuk_frontend_file_is_served() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/govuk-frontend");
        let mut on_disk = Vec::new();
        for dir in ["assets/fonts", "assets/images"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                on_disk.push(format!("{}/{name}", dir.trim_start_matches("assets/")));
            }
        }
        on_disk.push("govuk-frontend.min.css".into());
        on_disk.push("govuk-frontend.min.js".into());
        on_disk.sort();
        let mut served: Vec<String> = super::FILES
            .iter()
            .map(|(p, _, _)| (*p).to_owned())
            .filter(|p| *p != "app.js" && *p != "favicon.svg")
            .collect();
        served.sort();
        assert_eq!(served, on_disk);
        let version = std::fs::read_to_string(root.join("VERSION")).unwrap();
        assert_eq!(version.trim(), "6.6.0");
    }
}
