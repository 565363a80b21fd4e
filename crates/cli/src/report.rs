//! `harbour report`: the scrutiny pack for a quarter, from the store and the pack's own inputs,
//! as HTML, XLSX and PDF.

use crate::{Database, Failure, open_store};
use anyhow::{Context, anyhow};
use clap::ValueEnum;
use pack::build::{Inputs, LoadLine, Provenance};
use pack::{PackError, Quarter};
use std::path::{Path, PathBuf};
use store::AsAt;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The quarter the pack is for: `2025-26-Q3` (Q1 is April to June).
    #[arg(long)]
    period: String,
    /// `scrutiny`: figures under DfE disclosure control (counts 1 to 5 shown as c), for the panel;
    /// `internal`: exact figures, for council staff.
    #[arg(long, value_enum, default_value_t = PackAudience::Scrutiny)]
    audience: PackAudience,
    /// The folder to write `pack.html`, `pack.xlsx` and `pack.pdf` to (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// A folder with the pack's own inputs, each optional (the plan and recommendations, when
    /// not given, come from the store: harbour tracker import): plan.csv, plan_updates.csv,
    /// recommendations.csv, savings.csv, placement_costs.csv, targets.csv.
    #[arg(long, conflicts_with = "demo_inputs")]
    inputs: Option<PathBuf>,
    /// Use the demo inputs shipped with Harbour (the seed's Aiming Higher plan; illustrative
    /// recommendations, savings, costs and targets).
    #[arg(long)]
    demo_inputs: bool,
    /// The population aged 0 to 17 (CSV `area,year,children_0_17,vintage`), for rates per 10,000.
    /// Without it, the population table loaded into the store (if any) is used.
    #[arg(long)]
    population: Option<PathBuf>,
    #[command(flatten)]
    settings: crate::indicators::SettingsArgs,
    /// The smallest count shown to the panel.
    #[arg(long, default_value_t = 6)]
    smallest_shown: u64,
    /// Use the stored data as it stood after a load, at a date or a timestamp.
    #[arg(long, default_value = "latest")]
    store_as_at: AsAt,
    #[command(flatten)]
    db: Database,
}

#[derive(Clone, Copy, ValueEnum)]
enum PackAudience {
    Scrutiny,
    Internal,
}

/// One of the pack's input files, read if present.
struct InputFile {
    name: String,
    text: String,
}

fn input(dir: Option<&Path>, demo: bool, name: &str) -> Result<Option<InputFile>, Failure> {
    if demo {
        return Ok(pack::demo::FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| InputFile {
                name: format!("{n} (demo)"),
                text: (*text).to_string(),
            }));
    }
    let Some(dir) = dir else { return Ok(None) };
    let path = dir.join(name);
    if !path.exists() {
        return Ok(None);
    }
    let text = pack::read_text(&path).map_err(bad_input)?;
    Ok(Some(InputFile {
        name: path.display().to_string(),
        text,
    }))
}

fn bad_input(e: PackError) -> Failure {
    Failure {
        code: 1,
        error: e.into(),
    }
}

pub(crate) async fn run(args: Args) -> Result<(), Failure> {
    let quarter: Quarter = args.period.parse().map_err(|e| Failure {
        code: 2,
        error: anyhow!("--period: {e}"),
    })?;
    let policy = disclosure::Policy::new(args.smallest_shown).map_err(|e| Failure {
        code: 2,
        error: anyhow!("--smallest-shown: {e}"),
    })?;
    let audience = match args.audience {
        PackAudience::Scrutiny => disclosure::Audience::Scrutiny,
        PackAudience::Internal => disclosure::Audience::Internal,
    };
    if let Some(dir) = &args.inputs
        && !dir.is_dir()
    {
        return Err(Failure {
            code: 1,
            error: anyhow!("{}: no such folder (--inputs)", dir.display()),
        });
    }
    // Every input is read and checked before the store is opened: a bad file changes nothing.
    let dir = args.inputs.as_deref();
    let demo = args.demo_inputs;
    let plan_file = input(dir, demo, "plan.csv")?;
    let updates_file = input(dir, demo, "plan_updates.csv")?;
    let recs_file = input(dir, demo, "recommendations.csv")?;
    let savings_file = input(dir, demo, "savings.csv")?;
    let costs_file = input(dir, demo, "placement_costs.csv")?;
    let targets_file = input(dir, demo, "targets.csv")?;
    let file_plan = plan_file
        .as_ref()
        .map(|p| {
            pack::plan::Plan::read(
                (&p.name, &p.text),
                updates_file
                    .as_ref()
                    .map(|u| (u.name.as_str(), u.text.as_str())),
            )
        })
        .transpose()
        .map_err(bad_input)?;
    let file_recommendations = recs_file
        .as_ref()
        .map(|f| pack::recommendations::read(&f.name, &f.text))
        .transpose()
        .map_err(bad_input)?;
    let savings = savings_file
        .as_ref()
        .map(|f| pack::savings::read(&f.name, &f.text))
        .transpose()
        .map_err(bad_input)?;
    let costs = costs_file
        .as_ref()
        .map(|f| pack::placements::CostTable::read(&f.name, &f.text))
        .transpose()
        .map_err(bad_input)?;
    let targets = match &targets_file {
        Some(f) => crate::indicators::parse_targets(&f.name, &f.text)?,
        None => Vec::new(),
    };
    let population_file = crate::indicators::read_population(args.population.as_deref())?;

    let store = open_store(&args.db.database).await?;
    // The trackers in the store (`harbour tracker`, the web app's /plan and /recommendations): a
    // file among the inputs wins; updates stored are added to those of plan_updates.csv.
    let stored = crate::tracker::stored(&store, args.store_as_at).await?;
    let mut tracker_lines: Vec<String> = Vec::new();
    let plan = match (file_plan, &stored.plan) {
        (Some(mut plan), _) => {
            let extra: Vec<pack::plan::Update> = plan
                .known_updates(&stored.updates)
                .into_iter()
                .filter(|u| !plan.updates.contains(u))
                .collect();
            if !extra.is_empty() {
                tracker_lines.push(format!(
                    "Improvement plan: {} dated updates from the store added to the plan's file",
                    extra.len()
                ));
            }
            plan.updates.extend(extra);
            Some(plan)
        }
        (None, Some(stored_plan)) => {
            let mut plan = stored_plan.clone();
            if let Some(u) = &updates_file {
                let extra: Vec<pack::plan::Update> = plan
                    .read_updates(&u.name, &u.text)
                    .map_err(bad_input)?
                    .into_iter()
                    .filter(|x| !plan.updates.contains(x))
                    .collect();
                plan.updates.extend(extra);
            }
            tracker_lines.push(format!(
                "Improvement plan: {} milestones and {} dated updates from the store",
                plan.milestones.len(),
                plan.updates.len()
            ));
            Some(plan)
        }
        (None, None) if updates_file.is_some() => {
            return Err(Failure {
                code: 1,
                error: anyhow!(
                    "plan_updates.csv needs plan.csv beside it, or a plan in the store (harbour tracker import)"
                ),
            });
        }
        (None, None) => None,
    };
    let recommendations = match (file_recommendations, &stored.recommendations) {
        (Some(r), _) => Some(r),
        (None, Some(list)) => {
            tracker_lines.push(format!(
                "Scrutiny recommendations: {} from the store",
                list.len()
            ));
            Some(list.iter().map(|(_, r)| r.clone()).collect())
        }
        (None, None) => None,
    };
    let snapshot = store
        .dataset_as_at(args.store_as_at)
        .await
        .context("cannot read the store")?;
    let mut loads = store
        .loads()
        .await
        .context("cannot read the store's loads")?;
    loads.retain(|l| snapshot.load_id.is_some_and(|id| l.load_id <= id));
    if loads.is_empty() {
        return Err(Failure {
            code: 1,
            error: anyhow!("the store holds no loads: load data first (harbour load)"),
        });
    }
    // Without --population, the population table loaded into the store (as `harbour indicators`).
    let population_source = match (&population_file, &args.population) {
        (Some(p), Some(path)) => Some(format!(
            "Population aged 0 to 17: {} ({}, {}), from {}",
            p.area,
            p.vintage,
            years(p),
            path.display()
        )),
        _ => None,
    };
    let population = population_file
        .or_else(|| metrics::Population::from_estimates(&snapshot.dataset.population));
    let population_line = population_source.or_else(|| {
        population.as_ref().map(|p| {
            format!(
                "Population aged 0 to 17: {} ({}, {}), as loaded into the store",
                p.area,
                p.vintage,
                years(p)
            )
        })
    });
    // Audits name children: reading them for the pack's aggregate figures is logged.
    let assurance = store
        .read_assurance_in_bulk(
            &store::Reader {
                actor: crate::load::loaded_by(),
                channel: store::Channel::Cli,
                action: "harbour report".into(),
            },
            args.store_as_at,
            "for the scrutiny pack's aggregate figures",
        )
        .await
        .context("cannot read the store's assurance records")?;
    let mut rule_sets: Vec<String> = Vec::new();
    for l in &loads {
        for f in &l.files {
            let Some(year) = f.collection_year else {
                continue;
            };
            let (name, count) = match f.kind {
                store::ReturnKind::CinCensus => ("CIN census", rules::cin::rules_for(year).count()),
                store::ReturnKind::Ssda903 => ("SSDA903", rules::ssda903::rules_for(year).count()),
                _ => continue,
            };
            let line = format!(
                "{name} {}: {count} DfE validation rules checked by harbour validate",
                model::CollectionYear(year)
            );
            if !rule_sets.contains(&line) {
                rule_sets.push(line);
            }
        }
    }
    let provenance = Provenance {
        generator: format!("harbour {}", env!("CARGO_PKG_VERSION")),
        generated_at: jiff::Timestamp::now()
            .round(jiff::TimestampRound::new().smallest(jiff::Unit::Second))
            .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string()),
        store: format!("a {} store", store.backend()),
        loads: loads
            .iter()
            .map(|l| LoadLine {
                load_id: l.load_id,
                loaded_at: l.loaded_at.clone(),
                loaded_by: l.loaded_by.clone(),
                files: l
                    .files
                    .iter()
                    .map(|f| {
                        (
                            f.name.clone(),
                            f.kind.as_str().to_string(),
                            f.collection_year,
                            f.sha256.clone(),
                        )
                    })
                    .collect(),
            })
            .collect(),
        inputs: [
            &plan_file,
            &updates_file,
            &recs_file,
            &savings_file,
            &costs_file,
            &targets_file,
        ]
        .into_iter()
        .flatten()
        .map(|f| (f.name.clone(), store::sha256_hex(f.text.as_bytes())))
        .chain(tracker_lines.into_iter().map(|l| (l, String::new())))
        .collect(),
        rule_sets,
        population: population_line,
    };
    let settings = args.settings.settings();
    let mut built = pack::build::build(&Inputs {
        dataset: &snapshot.dataset,
        population: population.as_ref(),
        settings: &settings,
        quarter,
        audience,
        policy: &policy,
        targets: &targets,
        plan: plan.as_ref(),
        recommendations: recommendations.as_deref(),
        savings: savings.as_deref(),
        costs: costs.as_ref(),
        assurance: (!assurance.is_empty()).then_some(&assurance),
        provenance: &provenance,
    });
    if audience == disclosure::Audience::Internal {
        internal_sections(
            &mut built,
            &snapshot.dataset,
            quarter,
            costs.as_ref(),
            savings.as_deref(),
        );
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot make the folder {}", args.out.display()))?;
    let html_path = args.out.join("pack.html");
    std::fs::write(&html_path, pack::html::render(&built))
        .with_context(|| format!("cannot write {}", html_path.display()))?;
    let xlsx_path = args.out.join("pack.xlsx");
    let mut workbook = pack::xlsx::workbook(&built).context("cannot make the workbook")?;
    crate::xlsx::save(&mut workbook, &xlsx_path)?;
    #[cfg(feature = "pdf")]
    {
        let pdf_path = args.out.join("pack.pdf");
        let pdf = pack_pdf::render(&built).context("cannot make the PDF")?;
        std::fs::write(&pdf_path, pdf)
            .with_context(|| format!("cannot write {}", pdf_path.display()))?;
    }
    eprintln!(
        "pack for {quarter} ({}): {}",
        built.audience,
        [
            "pack.html",
            "pack.xlsx",
            if cfg!(feature = "pdf") {
                "pack.pdf"
            } else {
                ""
            }
        ]
        .iter()
        .filter(|n| !n.is_empty())
        .map(|n| args.out.join(n).display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
    );
    Ok(())
}

/// The internal pack's own sections, before the provenance page: the Annex A analysis (ChAT)
/// for an inspection on the quarter's last day, and the demand and cost forecast three years on
/// from it (base only, at the pack's costs, against its savings targets). Their figures are
/// exact, so the scrutiny pack has neither. A forecast the data cannot support is said so.
fn internal_sections(
    built: &mut pack::view::Pack,
    dataset: &model::Dataset,
    quarter: Quarter,
    costs: Option<&pack::placements::CostTable>,
    savings: Option<&[pack::savings::SavingsLine]>,
) {
    let end = quarter.end();
    let annex = annex_a::analysis::pack_section(&annex_a::analyse(&annex_a::build(dataset, end)));
    let forecast = match forecast::forecast(
        dataset,
        &forecast::Settings::new(end, 3),
        costs,
        &[],
        savings,
    ) {
        Ok(f) => forecast::pack_section(&f),
        Err(e) => pack::view::Section {
            id: "forecast".into(),
            title: "Children in care: demand and cost forecast".into(),
            blocks: vec![pack::view::Block::Paragraph(format!("No forecast: {e}."))],
        },
    };
    let at = built
        .sections
        .iter()
        .position(|s| s.id == "provenance")
        .unwrap_or(built.sections.len());
    built.sections.splice(at..at, [annex, forecast]);
}

/// `2024 to 2026`: the mid-year estimates a population table holds.
fn years(p: &metrics::Population) -> String {
    match (p.children.keys().next(), p.children.keys().last()) {
        (Some(a), Some(b)) if a != b => format!("mid-year estimates {a} to {b}"),
        (Some(a), _) => format!("mid-year estimate {a}"),
        _ => "no estimates".to_string(),
    }
}
