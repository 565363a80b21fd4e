//! `harbour forecast`: children in care by placement type and age band, one to five years
//! ahead, with costs, scenarios and savings against the budget's targets (crate `forecast`).

use crate::{Database, Failure, open_store, write_out};
use anyhow::{Context as _, anyhow};
use clap::ValueEnum;
use jiff::civil::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};
use store::AsAt;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The forecast's first day (its stock is the children in care at the end of it); by
    /// default the 31 March that ends the latest return loaded.
    #[arg(long)]
    start: Option<Date>,
    /// How many years ahead, 1 to 5.
    #[arg(long, default_value_t = 3)]
    years: u8,
    /// Scenarios to compare with the base (CSV: scenario,change,age_band,placement,to,value;
    /// see crates/forecast/README.md).
    #[arg(long)]
    scenario: Option<PathBuf>,
    /// The weekly cost table (`placement_costs.csv`: placement,weekly_cost_gbp, by placement
    /// type or PLACE code, as the scrutiny pack reads it).
    #[arg(long)]
    costs: Option<PathBuf>,
    /// Savings targets (`savings.csv`: directorate,quarter,target_gbp,delivered_gbp, as the pack
    /// reads it): each scenario's saving on the base, quarter by quarter, against them.
    #[arg(long)]
    savings: Option<PathBuf>,
    /// Use the pack's demo cost table and savings targets shipped with Harbour (illustrative).
    #[arg(long, conflicts_with_all = ["costs", "savings"])]
    demo_inputs: bool,
    /// The first day of the reference window the rates are learnt from (it ends on --start);
    /// a year before --start by default.
    #[arg(long)]
    reference_start: Option<Date>,
    /// `harbour`: ages on each day, rates as moves over days in a state; `cs-demand-model`: the
    /// conventions of Social Finance's cs-demand-model 0.5.1 (for comparison).
    #[arg(long, value_enum, default_value_t = MethodArg::Harbour)]
    method: MethodArg,
    /// Simulations for the 90% band (0: none).
    #[arg(long, default_value_t = 200)]
    replicates: usize,
    /// The simulations' random seed; the same seed gives the same band.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_enum, default_value_t = Format_::Csv)]
    format: Format_,
    /// Where to write (stdout by default; required for xlsx). With --format csv and --savings,
    /// the savings go beside it as FILE_savings.csv.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Use the stored data as it stood after a load, at a date or a timestamp.
    #[arg(long, default_value = "latest")]
    store_as_at: AsAt,
    #[command(flatten)]
    db: Database,
}

#[derive(Clone, Copy, ValueEnum)]
enum MethodArg {
    Harbour,
    CsDemandModel,
}

#[derive(Clone, Copy, ValueEnum)]
#[value(rename_all = "lower")]
enum Format_ {
    Csv,
    Xlsx,
    Json,
}

fn input_error(e: impl std::fmt::Display) -> Failure {
    Failure {
        code: 1,
        error: anyhow!("{e}"),
    }
}

fn read_text(path: &Path) -> Result<(String, String), Failure> {
    let text = pack::read_text(path).map_err(input_error)?;
    Ok((path.display().to_string(), text))
}

pub(crate) async fn run(args: Args) -> Result<(), Failure> {
    if matches!(args.format, Format_::Xlsx) {
        crate::xlsx::out_path(args.out.as_deref())?;
    }
    // The inputs first, so a bad file is refused before the store is read.
    let scenarios = match &args.scenario {
        Some(p) => {
            let (name, text) = read_text(p)?;
            forecast::scenario::read(&name, &text).map_err(input_error)?
        }
        None => Vec::new(),
    };
    let costs = if args.demo_inputs {
        Some(pack::demo::placement_costs())
    } else {
        match &args.costs {
            Some(p) => {
                let (name, text) = read_text(p)?;
                Some(pack::placements::CostTable::read(&name, &text).map_err(input_error)?)
            }
            None => None,
        }
    };
    let savings = if args.demo_inputs {
        Some(pack::demo::savings())
    } else {
        match &args.savings {
            Some(p) => {
                let (name, text) = read_text(p)?;
                Some(pack::savings::read(&name, &text).map_err(input_error)?)
            }
            None => None,
        }
    };
    let store = open_store(&args.db.database).await?;
    let snapshot = store
        .dataset_as_at(args.store_as_at)
        .await
        .context("cannot read the store")?;
    let dataset = snapshot.dataset;
    let start = match args.start.or_else(|| forecast::default_start(&dataset)) {
        Some(d) => d,
        None => {
            return Err(input_error(
                "the store holds no episode of care: load SSDA903 returns first",
            ));
        }
    };
    let settings = forecast::Settings {
        start,
        years: args.years,
        reference_start: args.reference_start,
        method: match args.method {
            MethodArg::Harbour => forecast::Method::harbour(),
            MethodArg::CsDemandModel => forecast::Method::cs_demand_model(),
        },
        replicates: args.replicates,
        seed: args.seed,
    };
    let started = std::time::Instant::now();
    let f = forecast::forecast(
        &dataset,
        &settings,
        costs.as_ref(),
        &scenarios,
        savings.as_deref(),
    )
    .map_err(input_error)?;
    eprintln!(
        "forecast from {start} to {} ({} method, rates from {} to {start}, {} scenario(s), {} simulations) in {:.2} s",
        f.end,
        settings.method.name,
        f.reference_start,
        f.runs.len() - 1,
        settings.replicates,
        started.elapsed().as_secs_f64()
    );
    if f.without_birth_date > 0 {
        eprintln!(
            "note: {} children in care with no date of birth were left out",
            f.without_birth_date
        );
    }
    match args.format {
        Format_::Csv => {
            write_out(args.out.as_deref(), &f.csv())?;
            if savings.is_some() {
                match &args.out {
                    Some(out) => {
                        let stem = out.with_extension("");
                        let path = PathBuf::from(format!("{}_savings.csv", stem.display()));
                        write_out(Some(&path), &f.savings_csv())?;
                        eprintln!("savings against targets written to {}", path.display());
                    }
                    None => eprintln!(
                        "note: the savings table goes to a file: give --out (or use --format xlsx or json)"
                    ),
                }
            }
        }
        Format_::Json => {
            let text = serde_json::to_string_pretty(&f.report()).context("cannot write JSON")?;
            write_out(args.out.as_deref(), &(text + "\n"))?;
        }
        Format_::Xlsx => {
            let path = crate::xlsx::out_path(args.out.as_deref())?;
            let mut wb = workbook(&f).context("cannot make the workbook")?;
            crate::xlsx::save(&mut wb, path)?;
        }
    }
    Ok(())
}

/// Sheets `forecast` (the CSV's cells), `by_year`, `rates`, `entrants`, `unit_costs` and, with
/// targets, `savings`.
fn workbook(f: &forecast::Forecast) -> Result<Workbook, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let children = Format::new().set_num_format("0.0");
    let money = Format::new().set_num_format("£#,##0");
    let rate = Format::new().set_num_format("0.000000");
    let excel_date =
        |d: Date| ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8);

    let ws = wb.add_worksheet().set_name("forecast")?;
    let header: Vec<&str> = forecast::CSV_HEADER.split(',').collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let rows = f.rows();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &r.scenario)?;
        ws.write_datetime_with_format(row, 1, excel_date(r.date)?, &date_format)?;
        ws.write_string(row, 2, r.age_band_key())?;
        ws.write_string(row, 3, r.placement_key())?;
        ws.write_number_with_format(row, 4, r.children, &children)?;
        let numbers = [
            (5, r.children_low, &children),
            (6, r.children_high, &children),
            (7, r.cost_gbp, &money),
            (8, r.cost_low_gbp, &money),
            (9, r.cost_high_gbp, &money),
        ];
        for (c, v, fmt) in numbers {
            if let Some(v) = v {
                ws.write_number_with_format(row, c, v, fmt)?;
            }
        }
        ws.write_number_with_format(row, 10, r.vs_base_children, &children)?;
        if let Some(v) = r.vs_base_cost_gbp {
            ws.write_number_with_format(row, 11, v, &money)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;

    let ws = wb.add_worksheet().set_name("by_year")?;
    for (c, h) in [
        "scenario",
        "year",
        "date",
        "children",
        "children_low",
        "children_high",
        "cost_gbp",
        "base_children",
        "base_cost_gbp",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, y) in f.yearly().iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &y.scenario)?;
        ws.write_number(row, 1, f64::from(y.year))?;
        ws.write_datetime_with_format(row, 2, excel_date(y.date)?, &date_format)?;
        ws.write_number_with_format(row, 3, y.children, &children)?;
        if let (Some(lo), Some(hi)) = (y.children_low, y.children_high) {
            ws.write_number_with_format(row, 4, lo, &children)?;
            ws.write_number_with_format(row, 5, hi, &children)?;
        }
        ws.write_number_with_format(row, 6, y.cost_gbp, &money)?;
        ws.write_number_with_format(row, 7, y.base_children, &children)?;
        ws.write_number_with_format(row, 8, y.base_cost_gbp, &money)?;
    }

    let ws = wb.add_worksheet().set_name("rates")?;
    for (c, h) in [
        "from_age_band",
        "from_placement",
        "to_age_band",
        "to_placement",
        "daily_rate",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, r) in f.rates.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, r.from_age_band.key())?;
        ws.write_string(row, 1, r.from_placement.key())?;
        ws.write_string(row, 2, r.to_age_band.map_or("out of care", |b| b.key()))?;
        ws.write_string(row, 3, r.to_placement.map_or("out of care", |c| c.key()))?;
        ws.write_number_with_format(row, 4, r.daily_rate, &rate)?;
    }

    let ws = wb.add_worksheet().set_name("entrants")?;
    for (c, h) in ["age_band", "placement", "per_day", "per_year"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, e) in f.entrants.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, e.age_band.key())?;
        ws.write_string(row, 1, e.placement.key())?;
        ws.write_number_with_format(row, 2, e.per_day, &rate)?;
        ws.write_number_with_format(row, 3, e.per_day * 365.25, &children)?;
    }

    let ws = wb.add_worksheet().set_name("unit_costs")?;
    for (c, h) in ["placement", "weekly_gbp", "priced_days", "unpriced_days"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, u) in f.unit_costs.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, u.placement.key())?;
        if let Some(w) = u.weekly_gbp {
            ws.write_number_with_format(row, 1, w, &money)?;
        }
        ws.write_number(row, 2, u.priced_days as f64)?;
        ws.write_number(row, 3, u.unpriced_days as f64)?;
    }

    if !f.savings.is_empty() {
        let ws = wb.add_worksheet().set_name("savings")?;
        for (c, h) in [
            "scenario",
            "quarter",
            "target_gbp",
            "saving_gbp",
            "whole_quarter",
            "meets_target",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (i, s) in f.savings.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_string(row, 0, &s.scenario)?;
            ws.write_string(row, 1, s.quarter.to_string())?;
            ws.write_number_with_format(row, 2, s.target_gbp as f64, &money)?;
            ws.write_number_with_format(row, 3, s.saving_gbp, &money)?;
            ws.write_boolean(row, 4, s.whole_quarter)?;
            ws.write_boolean(row, 5, s.meets_target)?;
        }
    }
    Ok(wb)
}
