//! `harbour focus-five`: the Focus Five of every open child on a day, or its compliance rolled up
//! by worker, team or service.

use crate::{Database, Failure, csv_field, open_store, write_out};
use anyhow::{Context as _, anyhow};
use clap::ValueEnum;
use metrics::focus_five::{
    ChildFocus, Compliance, Level, Standard, Timescales, exceptions, focus_five, rollup, total,
};
use model::Date;
use std::fmt::Write as _;
use std::path::PathBuf;
use store::{AccessEntry, AsAt, Channel};

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: Database,
    /// The day the standards are checked on (YYYY-MM-DD); defaults to 31 March of the latest
    /// loaded collection year.
    #[arg(long)]
    as_at: Option<Date>,
    /// Only the children of this team (their latest-starting open allocation's team).
    #[arg(long)]
    team: Option<String>,
    /// What one row is: a child (child-level, written to the access log), or compliance by
    /// worker, team or service, with a row for everyone.
    #[arg(long, value_enum, default_value_t = By::Child)]
    by: By,
    /// With --by child and --team: only the team's exceptions (children missing a standard).
    #[arg(long, requires = "team")]
    exceptions: bool,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    /// The stored data as it stood after a load, at a date or a timestamp; `latest` by default.
    #[arg(long, default_value = "latest")]
    store_as_at: AsAt,
    /// The timescales, each with its default (see `metrics::focus_five`).
    #[command(flatten)]
    timescales: TimescaleArgs,
}

#[derive(clap::Args)]
struct TimescaleArgs {
    /// Working days within which an event must be in the chronology.
    #[arg(long, default_value_t = 5)]
    chronology_working_days: u32,
    /// Working days between visits to a child on a CP plan.
    #[arg(long, default_value_t = 10)]
    cp_visit_working_days: u32,
    /// Working days between visits to a child on a CIN plan.
    #[arg(long, default_value_t = 20)]
    cin_visit_working_days: u32,
    /// Regulation 28: weeks between visits to a looked-after child.
    #[arg(long, default_value_t = 6)]
    cla_visit_weeks: u32,
    /// Working days within which an assessment is authorised.
    #[arg(long, default_value_t = 45)]
    assessment_working_days: u32,
    /// Months to the first CP review, then between reviews.
    #[arg(long, default_value_t = 3)]
    cp_first_review_months: u32,
    #[arg(long, default_value_t = 6)]
    cp_review_months: u32,
    /// Working days to the first CLA review, months to the second, then between reviews.
    #[arg(long, default_value_t = 20)]
    cla_first_review_working_days: u32,
    #[arg(long, default_value_t = 3)]
    cla_second_review_months: u32,
    #[arg(long, default_value_t = 6)]
    cla_review_months: u32,
    /// Months between CIN plan reviews, and the chronology event that records one.
    #[arg(long, default_value_t = 3)]
    cin_review_months: u32,
    #[arg(long, default_value = "CIN plan review")]
    cin_review_event: String,
    /// Months between case supervisions.
    #[arg(long, default_value_t = 1)]
    supervision_months: u32,
}

impl TimescaleArgs {
    fn timescales(&self) -> Timescales {
        Timescales {
            chronology_working_days: self.chronology_working_days,
            cp_visit_working_days: self.cp_visit_working_days,
            cin_visit_working_days: self.cin_visit_working_days,
            cla_visit_weeks: self.cla_visit_weeks,
            assessment_working_days: self.assessment_working_days,
            cp_first_review_months: self.cp_first_review_months,
            cp_review_months: self.cp_review_months,
            cla_first_review_working_days: self.cla_first_review_working_days,
            cla_second_review_months: self.cla_second_review_months,
            cla_review_months: self.cla_review_months,
            cin_review_months: self.cin_review_months,
            cin_review_event: self.cin_review_event.clone(),
            supervision_months: self.supervision_months,
            ..Timescales::default()
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum By {
    Child,
    Worker,
    Team,
    Service,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
}

pub(crate) async fn run(args: Args) -> Result<(), Failure> {
    let store = open_store(&args.db.database).await?;
    let snapshot = store
        .dataset_as_at(args.store_as_at)
        .await
        .context("cannot read the store")?;
    let as_at = crate::reporting_date(&store, &snapshot, args.as_at).await?;
    let mut rows = focus_five(&snapshot.dataset, as_at, &args.timescales.timescales());
    if let Some(team) = &args.team {
        if !snapshot.dataset.teams.iter().any(|t| &t.id == team) {
            return Err(Failure {
                code: 2,
                error: anyhow!("no team {team} in the store's teams"),
            });
        }
        rows.retain(|f| f.team.as_ref() == Some(team));
    }
    let text = match args.by {
        By::Child => {
            let list: Vec<&ChildFocus> = match (&args.team, args.exceptions) {
                (Some(team), true) => exceptions(&rows, team),
                _ => rows.iter().collect(),
            };
            // Child-level: logged before anything is shown.
            let n = list.len();
            store
                .log_access(&[AccessEntry {
                    actor: crate::load::loaded_by(),
                    channel: Channel::Cli,
                    action: "harbour focus-five".into(),
                    subject: format!(
                        "Focus Five of {n} {} on {as_at}{}",
                        if n == 1 { "child" } else { "children" },
                        args.team
                            .as_ref()
                            .map(|t| format!(", team {t}"))
                            .unwrap_or_default()
                    ),
                    child_id: None,
                }])
                .await
                .context("cannot write the access log, so nothing is shown")?;
            match args.format {
                Format::Csv => children_csv(&list),
                Format::Json => {
                    serde_json::to_string_pretty(&list).context("cannot write JSON")? + "\n"
                }
            }
        }
        By::Worker | By::Team | By::Service => {
            let level = match args.by {
                By::Worker => Level::Worker,
                By::Team => Level::Team,
                _ => Level::Service,
            };
            let mut groups = rollup(&rows, level);
            groups.push(("(all)".to_owned(), total(&rows)));
            match args.format {
                Format::Csv => rollup_csv(level, &groups),
                Format::Json => rollup_json(as_at, level, &groups)?,
            }
        }
    };
    write_out(args.out.as_deref(), &text)?;
    Ok(())
}

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// One row per child: who holds the case, compliant or not, then each standard's status, latest
/// event and due date.
fn children_csv(rows: &[&ChildFocus]) -> String {
    let mut out = String::from("child_id,plan_type,worker_id,team_id,service,compliant");
    for s in Standard::ALL {
        let c = s.code();
        let _ = write!(out, ",{c},{c}_last,{c}_due");
    }
    out.push('\n');
    for f in rows {
        let _ = write!(
            out,
            "{},{},{},{},{},{}",
            csv_field(&f.child.0),
            f.plan_type.code(),
            csv_field(f.worker.as_deref().unwrap_or("")),
            csv_field(f.team.as_deref().unwrap_or("")),
            csv_field(f.service.as_deref().unwrap_or("")),
            f.compliant()
        );
        for c in &f.checks {
            let _ = write!(out, ",{},{},{}", c.status.code(), opt(c.last), opt(c.due));
        }
        out.push('\n');
    }
    out
}

fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_default()
}

fn rollup_csv(level: Level, groups: &[(String, Compliance)]) -> String {
    let mut out = format!("{},children,compliant,compliant_pct", level.code());
    for s in Standard::ALL {
        let c = s.code();
        let _ = write!(out, ",{c}_applicable,{c}_met,{c}_pct");
    }
    out.push('\n');
    for (key, c) in groups {
        let _ = write!(
            out,
            "{},{},{},{}",
            csv_field(key),
            c.children,
            c.compliant,
            pct(c.pct())
        );
        for s in Standard::ALL {
            let i = s as usize;
            let _ = write!(
                out,
                ",{},{},{}",
                c.applicable[i],
                c.met[i],
                pct(c.standard_pct(s))
            );
        }
        out.push('\n');
    }
    out
}

fn rollup_json(
    as_at: Date,
    level: Level,
    groups: &[(String, Compliance)],
) -> anyhow::Result<String> {
    let rows: Vec<serde_json::Value> = groups
        .iter()
        .map(|(key, c)| {
            let standards: serde_json::Map<String, serde_json::Value> = Standard::ALL
                .iter()
                .map(|s| {
                    let i = *s as usize;
                    (
                        s.code().to_owned(),
                        serde_json::json!({
                            "applicable": c.applicable[i],
                            "met": c.met[i],
                            "pct": c.standard_pct(*s),
                        }),
                    )
                })
                .collect();
            serde_json::json!({
                level.code(): key,
                "children": c.children,
                "compliant": c.compliant,
                "compliant_pct": c.pct(),
                "standards": standards,
            })
        })
        .collect();
    let doc = serde_json::json!({ "as_at": as_at.to_string(), "by": level.code(), "rows": rows });
    Ok(serde_json::to_string_pretty(&doc).context("cannot write JSON")? + "\n")
}
