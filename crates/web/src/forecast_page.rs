//! `GET /forecast?years=N`: the demand and cost forecast (crate `forecast`) for analysts and
//! admins: children in care by placement and age band, with its band, costs at the pack's
//! illustrative weekly prices, and the illustrative scenarios against the base. Only aggregates
//! reach the page.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use store::Role;

const PAGE_TITLE: &str = "Children in care: forecast";

#[derive(serde::Deserialize)]
pub(crate) struct Params {
    years: Option<u8>,
}

#[derive(Template)]
#[template(path = "forecast.html")]
struct ForecastPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    years: u8,
    year_choices: Vec<u8>,
    /// Built by `forecast::html`, which escapes every text it holds.
    fragment: String,
}

#[derive(Template)]
#[template(path = "no_data.html")]
struct NoDataPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
}

#[tracing::instrument(name = "forecast page", skip_all)]
pub(crate) async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(params): Query<Params>,
) -> Result<Response, AppError> {
    user.require(&[Role::Admin, Role::Analyst])?;
    let chrome = Some(Chrome::of(&user));
    let years = params.years.unwrap_or(3).clamp(1, 5);
    let dataset = state.store.dataset().await?;
    let Some(start) = forecast::default_start(&dataset) else {
        return Ok(Html(
            NoDataPage {
                chrome,
                page_title: PAGE_TITLE,
            }
            .render()?,
        )
        .into_response());
    };
    let html = tokio::task::spawn_blocking(move || -> Result<String, AppError> {
        let settings = forecast::Settings::new(start, years);
        let costs = pack::demo::placement_costs();
        let savings = pack::demo::savings();
        let fragment = match forecast::forecast(
            &dataset,
            &settings,
            Some(&costs),
            &forecast::scenario::demo(),
            Some(&savings),
        ) {
            Ok(f) => forecast::html::fragment(&f, 2),
            Err(e) => format!(
                "<div class=\"govuk-inset-text\">No forecast: {}</div>",
                e.to_string()
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            ),
        };
        Ok(ForecastPage {
            chrome,
            page_title: PAGE_TITLE,
            years,
            year_choices: (1..=5).collect(),
            fragment,
        }
        .render()?)
    })
    .await??;
    Ok(Html(html).into_response())
}
