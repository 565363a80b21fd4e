//! The figures the pages show, computed once per load and shared by every request until the
//! next load: the stored dataset, the reporting date and the whole catalogue monthly over
//! [`crate::MONTHS`] months.

use crate::{AppError, AppState, ReportingDate, reporting_date};
use metrics::Series;
use std::sync::Arc;

/// Everything computed from one state of the store.
pub(crate) struct Computed {
    /// The load the figures are as at.
    pub load_id: i64,
    pub when: ReportingDate,
    pub dataset: model::Dataset,
    /// The population aged 0 to 17 from the stored population table, for rates per 10,000.
    pub population: Option<metrics::Population>,
    /// The catalogue, in catalogue order.
    pub series: Vec<Series>,
    /// The scorecard's table, rendered once per load for staff (`[0]`) and for the scrutiny panel
    /// (`[1]`): it holds no user's details, only figures.
    pub scorecard_tables: [std::sync::OnceLock<String>; 2],
}

impl Computed {
    /// What the indicators are computed from.
    pub fn inputs(&self) -> metrics::Inputs<'_> {
        metrics::Inputs {
            population: self.population.as_ref(),
            ..metrics::Inputs::new(&self.dataset)
        }
    }

    pub fn series_of(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.indicator.id == id)
    }
}

/// The shared cache: the latest computation, replaced when a newer load appears.
#[derive(Clone, Default)]
pub struct Cache(Arc<tokio::sync::Mutex<Option<Arc<Computed>>>>);

/// The figures as at the latest load (`None` when nothing is loaded). One request computes them
/// after a load; others wait for it rather than compute them again.
pub(crate) async fn latest(state: &AppState) -> Result<Option<Arc<Computed>>, AppError> {
    let loads = state.store.loads().await?;
    let Some(latest) = loads.last().map(|l| l.load_id) else {
        return Ok(None);
    };
    let mut slot = state.cache.0.lock().await;
    if let Some(c) = slot.as_ref()
        && c.load_id == latest
    {
        return Ok(Some(c.clone()));
    }
    let snapshot = state.store.dataset_as_at(store::AsAt::Load(latest)).await?;
    let when = reporting_date(state.as_at, &loads, jiff::Zoned::now().date());
    let settings = state.settings;
    let computed = tokio::task::spawn_blocking(move || {
        let population = metrics::Population::from_estimates(&snapshot.dataset.population);
        // Only the figures are kept: the drill-down computes the one figure it shows again.
        let series = metrics::compute_catalogue(
            &metrics::Inputs {
                population: population.as_ref(),
                ..metrics::Inputs::new(&snapshot.dataset)
            },
            metrics::PeriodKind::Month,
            when.date(),
            crate::MONTHS,
            &settings,
        );
        Computed {
            load_id: latest,
            when,
            dataset: snapshot.dataset,
            population,
            series,
            scorecard_tables: Default::default(),
        }
    })
    .await?;
    let computed = Arc::new(computed);
    *slot = Some(computed.clone());
    Ok(Some(computed))
}
