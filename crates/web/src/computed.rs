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
    /// The latest assurance change they include (audits, workforce posts: edited between loads).
    pub assurance_revision: i64,
    pub when: ReportingDate,
    pub dataset: model::Dataset,
    /// The population aged 0 to 17 from the stored population table, for rates per 10,000.
    pub population: Option<metrics::Population>,
    /// The practice-assurance records, for the assurance indicators.
    pub assurance: assurance::AssuranceData,
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
            assurance: Some(&self.assurance),
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

/// The figures as at the latest load and assurance edit (`None` when nothing is loaded). One
/// request computes them after a load or an edit; others wait for it rather than compute them
/// again.
pub(crate) async fn latest(state: &AppState) -> Result<Option<Arc<Computed>>, AppError> {
    let loads = state.store.loads().await?;
    let Some(latest) = loads.last().map(|l| l.load_id) else {
        return Ok(None);
    };
    let revision = state.store.assurance_revision().await?;
    let mut slot = state.cache.0.lock().await;
    if let Some(c) = slot.as_ref()
        && c.load_id == latest
        && c.assurance_revision == revision
    {
        return Ok(Some(c.clone()));
    }
    let snapshot = state.store.dataset_as_at(store::AsAt::Load(latest)).await?;
    // Audits are child-level: reading them for aggregate figures is written to the access log
    // (one entry, naming how many children's records were read and why).
    let assurance = state
        .store
        .read_assurance_in_bulk(
            &store::Reader {
                actor: "harbour serve".into(),
                channel: store::Channel::Web,
                action: "the scorecard's figures".into(),
            },
            store::AsAt::Latest,
            "for aggregate figures",
        )
        .await?;
    let when = reporting_date(state.as_at, &loads, jiff::Zoned::now().date());
    let settings = state.settings;
    let computed = tokio::task::spawn_blocking(move || {
        let population = metrics::Population::from_estimates(&snapshot.dataset.population);
        // Only the figures are kept: the drill-down computes the one figure it shows again.
        let series = metrics::compute_catalogue(
            &metrics::Inputs {
                population: population.as_ref(),
                assurance: Some(&assurance),
                ..metrics::Inputs::new(&snapshot.dataset)
            },
            metrics::PeriodKind::Month,
            when.date(),
            crate::MONTHS,
            &settings,
        );
        Computed {
            load_id: latest,
            assurance_revision: revision,
            assurance,
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
