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

/// govuk-frontend's stylesheet without the GDS Transport typeface. That font is licensed for
/// services on GOV.UK only, and a council's service is not one: GOV.UK's guidance
/// (<https://frontend.design-system.service.gov.uk/choose-an-alternative-typeface/>) says to use
/// another, so the `@font-face` rules go and every font stack falls back to its next font, Arial.
/// The font files are not copied (scripts/govuk-frontend.sh).
pub(crate) static GOVUK_CSS: LazyLock<String> = LazyLock::new(|| {
    without_gds_transport(include_str!(
        "../assets/govuk-frontend/govuk-frontend.min.css"
    ))
});

fn without_gds_transport(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("@font-face{") {
        out.push_str(&rest[..at]);
        let block = &rest[at..];
        let end = block.find('}').map_or(block.len(), |e| e + 1);
        if !block[..end].contains("GDS Transport") {
            out.push_str(&block[..end]);
        }
        rest = &block[end..];
    }
    out.push_str(rest);
    out.replace("GDS Transport,", "")
}

macro_rules! govuk {
    ($path:literal) => {
        include_bytes!(concat!("../assets/govuk-frontend/", $path))
    };
}

/// Every file served under `/assets/`: URL path, content type, bytes. govuk-frontend's CSS asks
/// for its images at `/assets/images/…`; its stylesheet is [`GOVUK_CSS`].
pub(crate) const FILES: [(&str, &str, &[u8]); 11] = [
    (
        "govuk-frontend.min.js",
        "text/javascript; charset=utf-8",
        govuk!("govuk-frontend.min.js"),
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

pub(crate) async fn govuk_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, ASSET_CACHE_CONTROL),
        ],
        GOVUK_CSS.as_str(),
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
        for dir in ["assets/images"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                on_disk.push(format!("{}/{name}", dir.trim_start_matches("assets/")));
            }
        }
        on_disk.push("govuk-frontend.min.js".into());
        assert!(
            !root.join("assets/fonts").exists(),
            "the GDS Transport font files are not shipped"
        );
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

    #[test]
    fn the_stylesheet_asks_for_no_gds_transport_and_keeps_every_other_rule() {
        let source = include_str!("../assets/govuk-frontend/govuk-frontend.min.css");
        let served = super::GOVUK_CSS.as_str();
        assert!(source.contains("GDS Transport"));
        assert!(!served.contains("GDS Transport"));
        assert!(!served.contains("/assets/fonts/"));
        assert!(!served.contains("@font-face"));
        assert_eq!(
            source
                .matches("font-family:GDS Transport,arial,sans-serif")
                .count(),
            served.matches("font-family:arial,sans-serif").count()
        );
        // Two @font-face rules and the font's name in every stack are all that go.
        let removed: usize = source
            .split("@font-face{")
            .skip(1)
            .map(|b| "@font-face{".len() + b.find('}').unwrap() + 1)
            .sum::<usize>()
            + "GDS Transport,".len() * source.matches("GDS Transport,").count();
        assert_eq!(served.len(), source.len() - removed);
        assert_eq!(
            super::without_gds_transport("a{b:c}@font-face{x:y}d{e:f}"),
            "a{b:c}@font-face{x:y}d{e:f}"
        );
    }
}
