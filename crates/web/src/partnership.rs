//! `GET /partnership`: the Family Safeguarding partnership report on the reporting date, from
//! the partner figures loaded into the store (`partnership.csv`): families compared, their adult
//! workers, and children on a plan, days in care, police domestic-abuse call-outs, A&E
//! attendances, treatment starts and school attendance before and after involvement.
//!
//! Every role may read it: it is aggregates only, the same figures as the pack's
//! (`pack::practice::partnership_blocks`); the scrutiny panel reads them under disclosure
//! control, as the scrutiny pack does.

use crate::auth::CurrentUser;
use crate::layout::Chrome;

use crate::{AppError, AppState, reporting_date};
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use disclosure::{Audience, Policy};
use pack::view::Block;
use store::Role;

/// Months before and after the month involvement began.
const MONTHS: u32 = 12;

#[derive(Template)]
#[template(path = "partnership.html")]
struct PartnershipPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    controlled: bool,
    has_data: bool,
    paragraphs: Vec<String>,
    title: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    note: String,
}

#[tracing::instrument(name = "partnership page", skip_all)]
pub(crate) async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let controlled = user.role() == Role::Scrutiny;
    let loads = state.store.loads().await?;
    let mut page = PartnershipPage {
        chrome: Some(Chrome::of(&user)),
        page_title: "Family Safeguarding partnership",
        controlled,
        has_data: !loads.is_empty(),
        paragraphs: Vec::new(),
        title: String::new(),
        columns: Vec::new(),
        rows: Vec::new(),
        note: String::new(),
    };
    if page.has_data {
        let day = reporting_date(state.as_at, &loads, jiff::Zoned::now().date()).date();
        let dataset = state.store.dataset().await?;
        let blocks = tokio::task::spawn_blocking(move || {
            let policy = Policy::new(6).expect("6 is a valid policy");
            let audience = if controlled {
                Audience::Scrutiny
            } else {
                Audience::Internal
            };
            pack::practice::partnership_blocks(&dataset, day, MONTHS, audience, &policy)
        })
        .await?;
        for b in blocks {
            match b {
                Block::Paragraph(p) => page.paragraphs.push(p),
                Block::Table(t) => {
                    page.title = t.title;
                    page.columns = t.columns;
                    page.rows = t
                        .rows
                        .iter()
                        .map(|r| r.iter().map(|c| c.text()).collect())
                        .collect();
                    page.note = t.note.unwrap_or_default();
                }
                Block::Chart(_) => {}
            }
        }
    }
    Ok(Html(page.render()?).into_response())
}
