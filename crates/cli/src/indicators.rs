//! `harbour indicators`: the catalogue computed from the store, one indicator explained, or the
//! children behind one figure.

use crate::{Database, Failure, open_store, write_out};
use anyhow::{Context as _, anyhow, bail};
use clap::ValueEnum;
use metrics::{Inputs, Period, PeriodKind, Population, Settings};
use model::calendar::DayCount;
use model::{Date, Month};
use std::fmt::Write as _;
use std::path::PathBuf;
use store::{AccessEntry, AsAt, Channel};

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: Database,
    /// Reporting date (YYYY-MM-DD); defaults to 31 March of the latest loaded collection year.
    #[arg(long)]
    as_at: Option<Date>,
    /// The kind of period each figure covers.
    #[arg(long, value_enum, default_value_t = Kind::Month)]
    period_kind: Kind,
    /// Number of periods up to the reporting date.
    #[arg(long, visible_alias = "periods", default_value_t = 36)]
    months: u32,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Who the figures are for: internal (exact figures), or scrutiny and public (disclosure
    /// control: counts from 1 to 5 shown as `c`, with secondary suppression; no breakdowns).
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    audience: AudienceArg,
    /// With disclosure control, the smallest count shown (6: counts 1 to 5 are suppressed).
    #[arg(long, default_value_t = 6)]
    smallest_shown: u64,
    /// Write to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print one indicator's definition, numerator, denominator, source and settings, and stop.
    #[arg(long, value_name = "ID", conflicts_with = "children")]
    explain: Option<String>,
    /// List the children behind one figure (with --period): who is in its numerator and its
    /// denominator. Child-level data: written to the access log.
    #[arg(long, value_name = "ID", requires = "period")]
    children: Option<String>,
    /// The month of the figure for --children (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    period: Option<String>,
    /// Print the OBA scorecard instead of the series: for each indicator its latest value, a
    /// forecast of the next period with its interval, the target and the latest England value,
    /// each with a red/amber/green status (CSV).
    #[arg(long, conflicts_with_all = ["children", "explain"])]
    scorecard: bool,
    /// Targets for the scorecard: a CSV `indicator_id,target`.
    #[arg(long, requires = "scorecard")]
    targets: Option<PathBuf>,
    /// Population aged 0 to 17 for rates per 10,000: a CSV `area,year,children_0_17,vintage`.
    /// Without it, the population table loaded into the store (if any) is used.
    #[arg(long)]
    population: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
    /// Compute on the stored data as it stood after a load (its number), at a date (the end
    /// of that day, UTC) or a timestamp; `latest` by default.
    #[arg(long, default_value = "latest")]
    store_as_at: AsAt,
}

/// The settings of the indicators whose definitions leave a choice, shared by `harbour
/// indicators` and `harbour report` (which shows them on its provenance page).
#[derive(clap::Args)]
pub(crate) struct SettingsArgs {
    /// Days before a CP plan starts that a CIN plan may have ended and still count.
    #[arg(long, default_value_t = 0)]
    cin_lookback_days: u32,
    /// Days before care starts that a CP or CIN plan may have ended and still count.
    #[arg(long, default_value_t = 0)]
    care_lookback_days: u32,
    /// How working days are counted: the start day is day 0 (the DfE's CIN convention) or day 1.
    #[arg(long, value_enum, default_value_t = StartDay::Zero)]
    start_day: StartDay,
    /// The assessment timescale, in working days.
    #[arg(long, default_value_t = 45)]
    assessment_working_days: u32,
    /// The ICPC timescale, in working days from its anchor.
    #[arg(long, default_value_t = 15)]
    icpc_working_days: u32,
    /// Where the ICPC timescale counts from: the section 47 start (the DfE) or the last
    /// strategy discussion that led to the enquiry (Working Together).
    #[arg(long, value_enum, default_value_t = IcpcAnchorArg::S47Start)]
    icpc_anchor: IcpcAnchorArg,
    /// The most working days between CP visits (child seen).
    #[arg(long, default_value_t = 10)]
    cp_visit_working_days: u32,
    /// The most working days between CIN visits (child seen).
    #[arg(long, default_value_t = 20)]
    cin_visit_working_days: u32,
    /// Regulation 28: the first visit within this many weeks of a placement starting.
    #[arg(long, default_value_t = 1)]
    cla_visit_first_weeks: u32,
    /// Regulation 28: then at most this many weeks apart.
    #[arg(long, default_value_t = 6)]
    cla_visit_weeks: u32,
    /// Regulation 28: at most this many months apart after the first year of a long-term
    /// placement.
    #[arg(long, default_value_t = 3)]
    cla_visit_long_term_months: u32,
}

impl SettingsArgs {
    pub(crate) fn settings(&self) -> Settings {
        Settings {
            cin_lookback_days: self.cin_lookback_days,
            care_entry_lookback_days: self.care_lookback_days,
            day_count: match self.start_day {
                StartDay::Zero => DayCount::StartIsDayZero,
                StartDay::One => DayCount::StartIsDayOne,
            },
            assessment_working_days: self.assessment_working_days,
            icpc_working_days: self.icpc_working_days,
            icpc_anchor: match self.icpc_anchor {
                IcpcAnchorArg::S47Start => metrics::IcpcAnchor::S47Start,
                IcpcAnchorArg::StrategyDiscussion => metrics::IcpcAnchor::StrategyDiscussion,
            },
            cp_visit_working_days: self.cp_visit_working_days,
            cin_visit_working_days: self.cin_visit_working_days,
            cla_visit_first_weeks: self.cla_visit_first_weeks,
            cla_visit_weeks: self.cla_visit_weeks,
            cla_visit_long_term_months: self.cla_visit_long_term_months,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
    /// An Excel workbook (needs --out): the figures as in the CSV, and the definitions.
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AudienceArg {
    Internal,
    Scrutiny,
    Public,
}

impl AudienceArg {
    pub(crate) fn audience(self) -> disclosure::Audience {
        match self {
            AudienceArg::Internal => disclosure::Audience::Internal,
            AudienceArg::Scrutiny => disclosure::Audience::Scrutiny,
            AudienceArg::Public => disclosure::Audience::Public,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Month,
    Quarter,
    #[value(name = "rolling-12-months")]
    Rolling12Months,
    #[value(name = "year-to-march")]
    YearToMarch,
}

impl Kind {
    fn period_kind(self) -> PeriodKind {
        match self {
            Kind::Month => PeriodKind::Month,
            Kind::Quarter => PeriodKind::Quarter,
            Kind::Rolling12Months => PeriodKind::Rolling12Months,
            Kind::YearToMarch => PeriodKind::YearToMarch,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum StartDay {
    #[value(name = "0")]
    Zero,
    #[value(name = "1")]
    One,
}

/// `--icpc-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum IcpcAnchorArg {
    #[value(name = "s47_start")]
    S47Start,
    #[value(name = "strategy_discussion")]
    StrategyDiscussion,
}

pub(crate) async fn run(args: Args) -> Result<(), Failure> {
    let settings = args.settings.settings();
    let policy = disclosure::Policy::new(args.smallest_shown).map_err(|e| Failure {
        code: 2,
        error: anyhow!("--smallest-shown: {e}"),
    })?;
    let audience = args.audience.audience();
    if matches!(args.format, Format::Xlsx) {
        crate::xlsx::out_path(args.out.as_deref())?;
        if args.explain.is_some() || args.children.is_some() || args.scorecard {
            return Err(Failure {
                code: 2,
                error: anyhow!(
                    "--format xlsx is for the indicator series: --explain, --children and --scorecard write text or CSV"
                ),
            });
        }
    }
    if args.children.is_some() && audience.needs_control() {
        return Err(Failure {
            code: 2,
            error: anyhow!(
                "--children lists children: it is for the internal audience only, never for scrutiny or public"
            ),
        });
    }
    if let Some(id) = &args.explain {
        let text = explain(id, &settings)?;
        write_out(args.out.as_deref(), &text)?;
        return Ok(());
    }
    let population = read_population(args.population.as_deref())?;
    let store = open_store(&args.db.database).await?;
    let snapshot = store
        .dataset_as_at(args.store_as_at)
        .await
        .context("cannot read the store")?;
    // Without --population, the population table loaded into the store.
    let population =
        population.or_else(|| Population::from_estimates(&snapshot.dataset.population));
    // Audits are child-level: reading them for the assurance indicators is logged.
    let assurance = store
        .read_assurance_in_bulk(
            &store::Reader {
                actor: crate::load::loaded_by(),
                channel: Channel::Cli,
                action: "harbour indicators".into(),
            },
            args.store_as_at,
            "for aggregate figures",
        )
        .await
        .context("cannot read the store's assurance records")?;
    let inputs = Inputs {
        dataset: &snapshot.dataset,
        population: population.as_ref(),
        active: None,
        assurance: Some(&assurance),
        index: None,
    };

    if let (Some(id), Some(period)) = (&args.children, &args.period) {
        let def = metrics::indicator(id).ok_or_else(|| unknown(id))?;
        let month = parse_month(period)?;
        let period = Period {
            kind: PeriodKind::Month,
            start: month.first_day(),
            end: month.last_day(),
        };
        let o = (def.compute)(&inputs, &period, &settings);
        let mut text = String::from("child_id,in_numerator,in_denominator\n");
        let mut all: Vec<_> = o
            .numerator_children
            .iter()
            .chain(&o.denominator_children)
            .collect();
        all.sort();
        all.dedup();
        for c in &all {
            let _ = writeln!(
                text,
                "{c},{},{}",
                o.numerator_children.binary_search(c).is_ok(),
                o.denominator_children.binary_search(c).is_ok()
            );
        }
        // Logged before anything is shown.
        store
            .log_access(&[AccessEntry {
                actor: crate::load::loaded_by(),
                channel: Channel::Cli,
                action: "harbour indicators --children".into(),
                subject: format!(
                    "children behind {id} {month} ({} {})",
                    all.len(),
                    if all.len() == 1 { "child" } else { "children" }
                ),
                child_id: None,
            }])
            .await
            .context("cannot write the access log, so nothing is shown")?;
        write_out(args.out.as_deref(), &text)?;
        return Ok(());
    }

    let as_at = crate::reporting_date(&store, &snapshot, args.as_at).await?;
    let series = metrics::compute_catalogue(
        &inputs,
        args.period_kind.period_kind(),
        as_at,
        args.months,
        &settings,
    );
    if args.scorecard {
        let targets = match &args.targets {
            Some(path) => read_targets(path)?,
            None => Vec::new(),
        };
        let text = scorecard(
            &series,
            args.period_kind.period_kind(),
            &targets,
            audience,
            &policy,
        )?;
        write_out(args.out.as_deref(), &text)?;
        return Ok(());
    }
    let text = match (args.format, audience.needs_control()) {
        (Format::Csv, false) => metrics::to_csv(&series),
        (Format::Csv, true) => metrics::publish::to_published_csv(&series, audience, &policy),
        (Format::Json, false) => to_json(&series, population.as_ref())?,
        (Format::Json, true) => to_published_json(&series, audience, &policy)?,
        (Format::Xlsx, _) => {
            let mut workbook = crate::xlsx::indicators(&series, audience, &policy)?;
            crate::xlsx::save(&mut workbook, crate::xlsx::out_path(args.out.as_deref())?)?;
            return Ok(());
        }
    };
    write_out(args.out.as_deref(), &text)?;
    Ok(())
}

fn unknown(id: &str) -> Failure {
    let ids: Vec<&str> = metrics::CATALOGUE.iter().map(|d| d.id).collect();
    Failure {
        code: 2,
        error: anyhow!(
            "there is no indicator {id:?}; the catalogue has: {}",
            ids.join(", ")
        ),
    }
}

fn parse_month(s: &str) -> Result<Month, Failure> {
    let bad = || Failure {
        code: 2,
        error: anyhow!("--period {s:?} is not a month: write YYYY-MM, e.g. 2025-03"),
    };
    let (y, m) = s.split_once('-').ok_or_else(bad)?;
    let year: i16 = y.parse().map_err(|_| bad())?;
    let month: i8 = m.parse().map_err(|_| bad())?;
    if y.len() != 4 || !(1..=12).contains(&month) {
        return Err(bad());
    }
    Ok(Month { year, month })
}

/// `--explain ID`: everything a reader needs to understand a figure.
fn explain(id: &str, settings: &Settings) -> Result<String, Failure> {
    let def = metrics::indicator(id).ok_or_else(|| unknown(id))?;
    let kinds: Vec<&str> = def.period_kinds.iter().map(|k| k.as_str()).collect();
    let polarity = match def.polarity {
        metrics::Polarity::HighIsGood => "high is good",
        metrics::Polarity::LowIsGood => "low is good",
        metrics::Polarity::Contextual => "neither: read against benchmarks and local context",
    };
    let unit = match def.unit {
        metrics::Unit::Percent => "per cent of the denominator",
        metrics::Unit::Count => "a count",
        metrics::Unit::Per10k => "per 10,000 children aged 0 to 17",
        metrics::Unit::Days => "mean days",
    };
    let settings = settings.describe(id);
    let mut text = String::new();
    let _ = writeln!(text, "{} ({})", def.title, def.id);
    let _ = writeln!(text);
    let _ = writeln!(text, "{}", def.definition);
    let _ = writeln!(text);
    let _ = writeln!(text, "Numerator:    {}", def.numerator);
    let _ = writeln!(text, "Denominator:  {}", def.denominator);
    let _ = writeln!(text, "Value:        {unit}");
    let _ = writeln!(text, "Polarity:     {polarity}");
    let _ = writeln!(text, "OBA quadrant: {}", def.quadrant.label());
    let _ = writeln!(text, "Periods:      {}", kinds.join(", "));
    let _ = writeln!(text, "Source:       {}", def.source);
    let _ = writeln!(
        text,
        "Settings:     {}",
        if settings.is_empty() {
            "none (the definition leaves no choice)"
        } else {
            &settings
        }
    );
    Ok(text)
}

/// The population table given with `--population`, if one was.
pub(crate) fn read_population(
    path: Option<&std::path::Path>,
) -> Result<Option<Population>, Failure> {
    let Some(path) = path else { return Ok(None) };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Population::from_csv(&path.display().to_string(), &text)
        .map(Some)
        .map_err(|e| Failure {
            code: 1,
            error: e.into(),
        })
}

/// `indicator_id,target` rows.
fn read_targets(path: &std::path::Path) -> Result<Vec<(String, f64)>, Failure> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    parse_targets(&name, &text)
}

/// `indicator_id,target` rows of the file `name`.
pub(crate) fn parse_targets(name: &str, text: &str) -> Result<Vec<(String, f64)>, Failure> {
    let bad = |line: usize, cause: String| Failure {
        code: 1,
        error: anyhow!("{name}: line {line}: {cause}"),
    };
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
    match lines.next() {
        Some((_, "indicator_id,target")) => {}
        _ => return Err(bad(1, "the header row must be indicator_id,target".into())),
    }
    let mut targets = Vec::new();
    for (n, line) in lines.filter(|(_, l)| !l.is_empty()) {
        let Some((id, value)) = line.split_once(',') else {
            return Err(bad(n, "expected indicator_id,target".into()));
        };
        if metrics::indicator(id).is_none() {
            return Err(bad(n, format!("there is no indicator {id:?}")));
        }
        let value: f64 = value
            .trim()
            .parse()
            .map_err(|_| bad(n, format!("target {value:?} is not a number")))?;
        targets.push((id.to_owned(), value));
    }
    Ok(targets)
}

/// The OBA scorecard as CSV.
fn scorecard(
    series: &[metrics::Series],
    kind: PeriodKind,
    targets: &[(String, f64)],
    audience: disclosure::Audience,
    policy: &disclosure::Policy,
) -> anyhow::Result<String> {
    use metrics::oba;
    let england = benchmarks::england_latest().context("the shipped England figures")?;
    let mut out = String::from(
        "indicator_id,title,quadrant,polarity,period_end,value,forecast_next,forecast_low,\
         forecast_high,forecast_method,target,against_target,england,england_year,against_england,\
         england_source\n",
    );
    let field = crate::csv_field;
    for s in series {
        let def = s.indicator;
        let target = targets.iter().find(|(id, _)| id == def.id).map(|(_, t)| *t);
        // England's figures are for years to 31 March: rates and counts compare only with
        // yearly figures; shares and means with any period.
        let comparable = oba::comparable_with_england(def.unit, kind);
        let bench = england
            .iter()
            .filter(|b| b.indicator_id == def.id && comparable)
            .max_by_key(|b| b.year);
        // The row as the audience may read it: the same function as the pack's scorecard.
        let shown = oba::published_card(s, target, bench.and_then(|b| b.value), audience, policy);
        let card = &shown.card;
        let latest = s.points.last();
        // Under disclosure control a suppressed latest figure is not shown, rated or projected.
        let suppressed = shown
            .latest
            .as_ref()
            .is_some_and(|f| f.value.is_suppressed());
        let num = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_default();
        let forecast = shown.forecast.clone();
        let (value, against_target, against_england) = if suppressed {
            ("c".to_owned(), "c", "c")
        } else {
            (
                num(card.latest),
                card.against_target.label(),
                card.against_benchmark.label(),
            )
        };
        // A forecast of a count that would show a small number is withheld like one.
        let forecast_cell = |v: Option<f64>| {
            if shown.forecast_withheld {
                "c".to_owned()
            } else {
                num(v)
            }
        };
        let quadrant = def.quadrant.label();
        let polarity = match def.polarity {
            metrics::Polarity::HighIsGood => "high is good",
            metrics::Polarity::LowIsGood => "low is good",
            metrics::Polarity::Contextual => "contextual",
        };
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            def.id,
            field(def.title),
            field(quadrant),
            polarity,
            latest.map(|p| p.period_end.to_string()).unwrap_or_default(),
            value,
            forecast_cell(forecast.as_ref().map(|f| f.value)),
            forecast_cell(forecast.as_ref().map(|f| f.low)),
            forecast_cell(forecast.as_ref().map(|f| f.high)),
            if forecast.is_some() {
                field(oba::FORECAST_METHOD)
            } else {
                String::new()
            },
            num(target),
            against_target,
            num(bench.and_then(|b| b.value)),
            bench.map(|b| b.year.to_string()).unwrap_or_default(),
            against_england,
            field(&bench.map(|b| b.source.title.clone()).unwrap_or_default()),
        );
    }
    Ok(out)
}

/// JSON for a controlled audience: published figures only (`"c"` for suppressed ones), no
/// breakdowns.
fn to_published_json(
    series: &[metrics::Series],
    audience: disclosure::Audience,
    policy: &disclosure::Policy,
) -> anyhow::Result<String> {
    let cell = |p: &disclosure::Published| match p.count() {
        Some(n) => serde_json::json!(n),
        None => serde_json::json!(p.to_string()),
    };
    let json: Vec<_> = series
        .iter()
        .map(|s| {
            serde_json::json!({
                "indicator_id": s.indicator.id,
                "title": s.indicator.title,
                "definition": s.indicator.definition,
                "source": s.indicator.source,
                "settings": s.settings,
                "disclosure_control": format!(
                    "counts from 1 to {} are shown as c, with secondary suppression",
                    policy.smallest_shown() - 1
                ),
                "points": s.points.iter().map(|p| {
                    let f = metrics::publish::publish(p, s.indicator.unit, audience, policy);
                    serde_json::json!({
                        "period_start": p.period_start.to_string(),
                        "period_end": p.period_end.to_string(),
                        "numerator": cell(&f.numerator),
                        "denominator": f.denominator.as_ref().map(cell),
                        "value": match f.value {
                            disclosure::PublishedValue::Value(v) => serde_json::json!(v),
                            disclosure::PublishedValue::NotApplicable => serde_json::Value::Null,
                            other => serde_json::json!(format!("{other:.1}")),
                        },
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json)?;
    text.push('\n');
    Ok(text)
}

fn to_json(series: &[metrics::Series], population: Option<&Population>) -> anyhow::Result<String> {
    if series.is_empty() {
        bail!("no indicator supports that kind of period");
    }
    let json: Vec<_> = series
        .iter()
        .map(|s| {
            serde_json::json!({
                "indicator_id": s.indicator.id,
                "title": s.indicator.title,
                "definition": s.indicator.definition,
                "source": s.indicator.source,
                "settings": s.settings,
                "population_vintage": matches!(s.indicator.unit, metrics::Unit::Per10k)
                    .then(|| population.map(|p| p.vintage.clone()))
                    .flatten(),
                "points": s.points.iter().map(|p| serde_json::json!({
                    "period_start": p.period_start.to_string(),
                    "period_end": p.period_end.to_string(),
                    "numerator": p.numerator,
                    "denominator": p.denominator,
                    "value": p.value,
                    "breakdown": p.breakdown.iter().map(|(k, v)| serde_json::json!({"label": k, "count": v})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json)?;
    text.push('\n');
    Ok(text)
}
