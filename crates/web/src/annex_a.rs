//! `GET /annex-a`: the ChAT-style analysis of Ofsted's Annex A for an inspection date (by default
//! the reporting date): contacts and referrals, assessment timeliness, section 47 enquiries and
//! conferences, child protection plans, children in care and care leavers.
//!
//! The lists are child-level, but only their aggregates reach the page (exact counts): it is for
//! analysts and admins, never for the scrutiny panel, managers or practitioners. The workbook
//! itself is written by `harbour annex-a`, which logs it.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState, reporting_date};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use model::Date;
use serde::Deserialize;
use store::Role;

#[derive(Debug, Deserialize)]
pub(crate) struct Params {
    #[serde(rename = "inspection-date")]
    inspection_date: Option<String>,
}

#[derive(Template)]
#[template(path = "annex_a.html")]
struct AnnexAPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    /// The date in the form, as YYYY-MM-DD.
    date: String,
    /// "15 June 2026".
    date_long: String,
    /// A date that could not be read, with why.
    error: Option<String>,
    /// Rows per list: (number, title, rows).
    lists: Vec<(u8, &'static str, usize)>,
    /// The analysis as HTML, every text escaped by `annex_a::analysis::html`.
    body: String,
    has_data: bool,
}

pub(crate) async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<Params>,
) -> Result<Response, AppError> {
    // Exact counts from child-level lists: analysts and admins only.
    user.require(&[Role::Admin, Role::Analyst])?;
    let chrome = Some(Chrome::of(&user));
    let loads = state.store.loads().await?;
    let default = reporting_date(state.as_at, &loads, jiff::Zoned::now().date()).date();
    let (date, error) = match params.inspection_date.as_deref().map(str::trim) {
        None | Some("") => (default, None),
        Some(text) => match text.parse::<Date>() {
            Ok(d) => (d, None),
            Err(_) => (
                default,
                Some(format!(
                    "The inspection date must be a date like 2026-06-15; showing {default} instead."
                )),
            ),
        },
    };
    let mut page = AnnexAPage {
        chrome,
        page_title: "Annex A analysis",
        date: date.to_string(),
        date_long: date.strftime("%-d %B %Y").to_string(),
        error,
        lists: vec![],
        body: String::new(),
        has_data: !loads.is_empty(),
    };
    if page.has_data {
        let dataset = state.store.dataset().await?;
        // Every child's journey is walked: off the async threads.
        let (lists, body) = tokio::task::spawn_blocking(move || {
            let annex = annex_a::build(&dataset, date);
            let lists = annex
                .lists
                .iter()
                .map(|l| (l.number, l.spec().title, l.rows.len()))
                .collect::<Vec<_>>();
            (lists, annex_a::analysis::html(&annex_a::analyse(&annex)))
        })
        .await?;
        page.lists = lists;
        page.body = body;
    }
    Ok(Html(page.render()?).into_response())
}
