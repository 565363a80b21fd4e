//! `harbour audit`, `harbour workforce` and `harbour voice`: the audit programme, the workforce
//! and family voice, over the store's assurance records (see the `assurance` crate for the
//! rules and the CSV layouts).

use crate::{Failure, open_store, write_out};
use anyhow::{Context as _, anyhow};
use assurance::csv::FileKind;
use assurance::programme::summarise;
use assurance::sample::{Auditor, Design};
use assurance::{AssuranceData, Cycle, Grade, workforce};
use clap::{Args, Subcommand, ValueEnum};
use disclosure::{Audience, CountTable, Policy, Published, PublishedValue};
use model::Date;
use std::path::{Path, PathBuf};
use store::{AssuranceEdit, AssuranceKind, Channel, EditOutcome, EditSource, Reader, Store};

#[derive(Args)]
pub(crate) struct Common {
    /// The store: a SQLite file path (created if missing) or URL.
    #[arg(long, env = "HARBOUR_DATABASE_URL", default_value = crate::DEFAULT_DATABASE)]
    database: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Csv,
    Json,
}

#[derive(Args)]
pub(crate) struct SummaryArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Who the figures are for: scrutiny and public see counts 1 to 5 (and what would give them
    /// away) as `c`.
    #[arg(long, value_enum, default_value_t = crate::indicators::AudienceArg::Internal)]
    audience: crate::indicators::AudienceArg,
    /// The smallest count shown to scrutiny and public (DfE: 6, so 1 to 5 are `c`).
    #[arg(long, default_value_t = 6)]
    smallest_shown: u64,
    /// Write to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    common: Common,
    /// `csv`: one file per layout in the folder `--out`; `json`: one document to `--out` or stdout.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    #[command(flatten)]
    common: Common,
    /// CSV files in the documented layouts, recognised by their first column.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum AuditCommand {
    /// Audit cycles.
    Cycle {
        #[command(subcommand)]
        command: CycleCommand,
    },
    /// Draw a cycle's sample from the children open and allocated on its first day.
    Sample {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        cycle: String,
        /// How many children to audit.
        #[arg(long)]
        size: usize,
        #[arg(long, value_enum, default_value_t = DesignArg::Stratified)]
        design: DesignArg,
        /// The same seed draws the same sample from the same children.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Leave out the children audited in this cycle (repeatable).
        #[arg(long)]
        exclude_cycle: Vec<String>,
    },
    /// Allocate a cycle's unallocated audits to auditors, evenly, never to their own team.
    Allocate {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        cycle: String,
        /// An auditor as `ID` or `ID:TEAM` (their own team, whose cases they do not audit);
        /// repeatable.
        #[arg(long = "auditor", required = true)]
        auditors: Vec<String>,
        /// The allocation date (default: the cycle's first day).
        #[arg(long)]
        on: Option<Date>,
    },
    /// Schedule dip samples of a cycle's audits graded requires improvement.
    Dip {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        cycle: String,
        /// The share to dip-sample, in percent.
        #[arg(long, default_value_t = 100)]
        percent: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The day they are scheduled (default: the cycle's last day).
        #[arg(long)]
        on: Option<Date>,
        #[arg(long, default_value_t = 28)]
        due_in_days: i32,
        /// Who carries them out (default: left for the team manager to allocate).
        #[arg(long)]
        auditor: Option<String>,
    },
    /// Moderate a completed full audit: a second overall grade by someone other than its
    /// auditor, replacing any earlier moderation (each kept in the audit's history).
    Moderate {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        audit: String,
        /// The moderator's worker id (or name).
        #[arg(long)]
        moderator: String,
        /// outstanding, good, requires_improvement or inadequate.
        #[arg(long)]
        grade: String,
        /// The day of the moderation (default: today).
        #[arg(long)]
        on: Option<Date>,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Import audit_cycles.csv, audits.csv and audit_actions.csv (all or nothing).
    Import(ImportArgs),
    /// Export cycles, audits and actions (child-level: written to the access log).
    Export(ExportArgs),
    /// Completion, grade mix, moderation, dip samples, actions and themes of a cycle.
    Summary {
        #[command(flatten)]
        summary: SummaryArgs,
        /// The cycle (default: the latest to start).
        #[arg(long)]
        cycle: Option<String>,
        /// The day actions are judged open, overdue or closed on (default: today).
        #[arg(long)]
        as_at: Option<Date>,
    },
    /// Every version of an audit: who changed it and when (written to the access log).
    History {
        #[command(flatten)]
        common: Common,
        audit_id: String,
    },
}

#[derive(Subcommand)]
pub(crate) enum CycleCommand {
    /// Start a new audit cycle.
    New {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        start: Date,
        #[arg(long)]
        end: Date,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum DesignArg {
    Random,
    Stratified,
}

#[derive(Subcommand)]
pub(crate) enum WorkforceCommand {
    /// Import workforce_posts.csv (all or nothing).
    Import(ImportArgs),
    /// Export the posts.
    Export(ExportArgs),
    /// Posts by discipline (filled, vacant, agency), starters and leavers, and caseloads.
    Summary {
        #[command(flatten)]
        summary: SummaryArgs,
        /// The day posts and caseloads are counted on (default: today).
        #[arg(long)]
        as_at: Option<Date>,
        /// The first day of the period for starters and leavers (default: a year before).
        #[arg(long)]
        from: Option<Date>,
        /// Caseloads above this are counted as over the threshold.
        #[arg(long, default_value_t = workforce::DEFAULT_CASELOAD_THRESHOLD)]
        caseload_threshold: u32,
    },
}

#[derive(Subcommand)]
pub(crate) enum VoiceCommand {
    /// Import voice_feedback.csv, voice_events.csv and voice_nominations.csv (all or nothing).
    Import(ImportArgs),
    /// Export the family-voice records.
    Export(ExportArgs),
    /// Feedback by source and sentiment, events, nominations and themes over a period.
    Summary {
        #[command(flatten)]
        summary: SummaryArgs,
        /// First day (default: a year before `--to`).
        #[arg(long)]
        from: Option<Date>,
        /// Last day (default: today).
        #[arg(long)]
        to: Option<Date>,
    },
}

const AUDIT_FILES: [FileKind; 3] = [FileKind::Cycles, FileKind::Audits, FileKind::Actions];
const WORKFORCE_FILES: [FileKind; 1] = [FileKind::Posts];
const VOICE_FILES: [FileKind; 3] = [FileKind::Feedback, FileKind::Events, FileKind::Nominations];

fn today() -> Date {
    jiff::Zoned::now().date()
}

fn reader(action: &str) -> Reader {
    Reader {
        actor: crate::load::loaded_by(),
        channel: Channel::Cli,
        action: action.to_owned(),
    }
}

fn input_error(error: anyhow::Error) -> Failure {
    Failure { code: 1, error }
}

async fn record(
    store: &Store,
    action: &str,
    source: Option<EditSource>,
    data: AssuranceData,
) -> anyhow::Result<()> {
    let outcome = store
        .edit_assurance(AssuranceEdit {
            actor: crate::load::loaded_by(),
            channel: Channel::Cli,
            action: action.to_owned(),
            source,
            data,
        })
        .await
        .context("the change failed; nothing was stored")?;
    match outcome {
        EditOutcome::Unchanged => {
            eprintln!("nothing changed: the store already holds these records")
        }
        EditOutcome::Changed { change_id, records } => {
            let list: Vec<String> = records
                .iter()
                .map(|(k, n)| format!("{n} {}", k.as_str()))
                .collect();
            eprintln!("change {change_id}: {}", list.join(", "));
        }
    }
    Ok(())
}

pub(crate) async fn audit(command: AuditCommand) -> Result<(), Failure> {
    match command {
        AuditCommand::Cycle {
            command:
                CycleCommand::New {
                    common,
                    id,
                    name,
                    start,
                    end,
                },
        } => {
            let store = open_store(&common.database).await?;
            let stored = store
                .read_workforce_and_voice()
                .await
                .context("cannot read the store")?;
            let cycle = assurance::manage::new_cycle(&stored, &id, &name, start, end)
                .map_err(|e| input_error(e.into()))?;
            let data = AssuranceData {
                cycles: vec![cycle],
                ..Default::default()
            };
            record(&store, "harbour audit cycle new", None, data).await?;
            Ok(())
        }
        AuditCommand::Sample {
            common,
            cycle,
            size,
            design,
            seed,
            exclude_cycle,
        } => {
            let store = open_store(&common.database).await?;
            let stored = store
                .read_assurance_in_bulk(
                    &reader("harbour audit sample"),
                    store::AsAt::Latest,
                    "to draw a sample",
                )
                .await
                .context("cannot read the store")?;
            let dataset = store.dataset().await.context("cannot read the store")?;
            let design = match design {
                DesignArg::Random => Design::Random,
                DesignArg::Stratified => Design::Stratified,
            };
            let drawn = assurance::manage::draw_sample(
                &stored,
                &dataset,
                &cycle,
                size,
                design,
                seed,
                &exclude_cycle,
            )
            .map_err(|e| input_error(e.into()))?;
            let start = find_cycle(&stored, &cycle)?.start;
            let (audits, population) = (drawn.audits, drawn.population);
            eprintln!(
                "sampled {} of {population} open, allocated children on {start} (seed {seed})",
                audits.len(),
            );
            let mut strata = std::collections::BTreeMap::new();
            for a in &audits {
                *strata
                    .entry((a.team.clone(), a.plan_type.code()))
                    .or_insert(0) += 1;
            }
            for ((team, plan), n) in strata {
                eprintln!("  {team:<12} {plan:<6} {n:>4}");
            }
            record(
                &store,
                "harbour audit sample",
                None,
                AssuranceData {
                    audits,
                    ..Default::default()
                },
            )
            .await?;
            Ok(())
        }
        AuditCommand::Allocate {
            common,
            cycle,
            auditors,
            on,
        } => {
            let store = open_store(&common.database).await?;
            let stored = store
                .read_assurance_in_bulk(
                    &reader("harbour audit allocate"),
                    store::AsAt::Latest,
                    "to allocate audits",
                )
                .await
                .context("cannot read the store")?;
            let auditors: Vec<Auditor> = auditors
                .iter()
                .map(|a| match a.split_once(':') {
                    Some((id, team)) => Auditor {
                        id: id.trim().into(),
                        team: Some(team.trim().into()),
                    },
                    None => Auditor {
                        id: a.trim().into(),
                        team: None,
                    },
                })
                .collect();
            let (audits, n) = assurance::manage::allocate_cycle(&stored, &cycle, &auditors, on)
                .map_err(|e| input_error(e.into()))?;
            eprintln!("allocated {n} audit(s) of cycle {cycle}");
            record(
                &store,
                "harbour audit allocate",
                None,
                AssuranceData {
                    audits,
                    ..Default::default()
                },
            )
            .await?;
            Ok(())
        }
        AuditCommand::Dip {
            common,
            cycle,
            percent,
            seed,
            on,
            due_in_days,
            auditor,
        } => {
            let store = open_store(&common.database).await?;
            let stored = store
                .read_assurance_in_bulk(
                    &reader("harbour audit dip"),
                    store::AsAt::Latest,
                    "to schedule dip samples",
                )
                .await
                .context("cannot read the store")?;
            let dips = assurance::manage::schedule_dips(
                &stored,
                &cycle,
                percent,
                seed,
                on,
                due_in_days,
                auditor,
            )
            .map_err(|e| input_error(e.into()))?;
            eprintln!(
                "scheduled {} dip sample(s) of audits graded requires improvement",
                dips.len()
            );
            record(
                &store,
                "harbour audit dip",
                None,
                AssuranceData {
                    audits: dips,
                    ..Default::default()
                },
            )
            .await?;
            Ok(())
        }
        AuditCommand::Moderate {
            common,
            audit,
            moderator,
            grade,
            on,
            notes,
        } => {
            let grade = Grade::parse(&grade).ok_or_else(|| {
                input_error(anyhow!(
                    "--grade `{grade}` is not one of outstanding, good, requires_improvement, inadequate"
                ))
            })?;
            let store = open_store(&common.database).await?;
            let stored = store
                .read_assurance_in_bulk(
                    &reader("harbour audit moderate"),
                    store::AsAt::Latest,
                    "to moderate an audit",
                )
                .await
                .context("cannot read the store")?;
            let on = on.unwrap_or_else(|| jiff::Zoned::now().date());
            let moderated =
                assurance::manage::moderate(&stored, &audit, &moderator, on, grade, &notes)
                    .map_err(|e| input_error(e.into()))?;
            record(
                &store,
                "harbour audit moderate",
                None,
                AssuranceData {
                    audits: vec![moderated],
                    ..Default::default()
                },
            )
            .await?;
            Ok(())
        }
        AuditCommand::Import(args) => import(args, &AUDIT_FILES, "harbour audit import").await,
        AuditCommand::Export(args) => export(args, &AUDIT_FILES, "harbour audit export").await,
        AuditCommand::Summary {
            summary,
            cycle,
            as_at,
        } => {
            let store = open_store(&summary.common.database).await?;
            let stored = store
                .read_assurance_in_bulk(
                    &reader("harbour audit summary"),
                    store::AsAt::Latest,
                    "for aggregate figures",
                )
                .await
                .context("cannot read the store")?;
            let cycle = match cycle {
                Some(id) => find_cycle(&stored, &id)?,
                None => stored
                    .cycles
                    .iter()
                    .max_by_key(|c| (c.start, c.id.clone()))
                    .cloned()
                    .ok_or_else(|| input_error(anyhow!("the store holds no audit cycles")))?,
            };
            let (audits, actions) = stored.of_cycle(&cycle.id);
            let s = summarise(&audits, &actions, as_at.unwrap_or_else(today));
            let mut r = Report::new(&summary)?;
            r.text("cycle", "id", &cycle.id);
            r.text("cycle", "name", &cycle.name);
            let c = r.group(
                "completion",
                &[
                    ("completed", s.completed),
                    ("not_completed", s.allocated - s.completed),
                ],
                Some(("allocated", s.allocated)),
            );
            r.pct("completion", "completed_pct", c[0], c[2]);
            let grades: Vec<(&str, u64)> =
                Grade::ALL.iter().map(|g| g.code()).zip(s.grades).collect();
            let g = r.group("grades", &grades, Some(("graded", s.graded())));
            let good = match (g[0], g[1]) {
                (Published::Count(a), Published::Count(b)) => Published::Count(a + b),
                _ => Published::Suppressed,
            };
            r.pct("grades", "good_or_better_pct", good, g[4]);
            r.pct("grades", "requires_improvement_pct", g[2], g[4]);
            r.pct("grades", "inadequate_pct", g[3], g[4]);
            for (domain, counts) in &s.domain_grades {
                let row: Vec<(&str, u64)> =
                    Grade::ALL.iter().map(|g| g.code()).zip(*counts).collect();
                r.group(
                    &format!("domain_{}", domain.code()),
                    &row,
                    Some(("graded", counts.iter().sum())),
                );
            }
            let m = r.group(
                "moderation",
                &[("agreed", s.agreed), ("differed", s.moderated - s.agreed)],
                Some(("moderated", s.moderated)),
            );
            r.pct("moderation", "agreement_pct", m[0], m[2]);
            r.group(
                "dip_samples",
                &[
                    ("improved", s.dips_improved),
                    ("not_improved", s.dips_completed - s.dips_improved),
                    ("not_completed", s.dips - s.dips_completed),
                ],
                Some(("scheduled", s.dips)),
            );
            let statuses = [
                assurance::ActionStatus::Open,
                assurance::ActionStatus::Overdue,
                assurance::ActionStatus::Closed,
                assurance::ActionStatus::ClosedLate,
            ];
            let counts: Vec<(&str, u64)> = statuses
                .iter()
                .map(|st| (st.code(), s.actions.get(st).copied().unwrap_or(0)))
                .collect();
            r.group(
                "actions",
                &counts,
                Some(("actions", counts.iter().map(|c| c.1).sum())),
            );
            r.series(
                "good_practice_themes",
                s.good_practice.iter().map(|(t, n)| (t.to_string(), *n)),
            );
            r.series(
                "development_themes",
                s.development.iter().map(|(t, n)| (t.to_string(), *n)),
            );
            r.finish(summary.format, summary.out.as_deref())
        }
        AuditCommand::History { common, audit_id } => {
            let store = open_store(&common.database).await?;
            let versions = store
                .assurance_history(
                    &reader("harbour audit history"),
                    AssuranceKind::Audit,
                    &audit_id,
                )
                .await
                .context("cannot read the store")?;
            if versions.is_empty() {
                return Err(input_error(anyhow!("no audit {audit_id} is stored")));
            }
            let mut out = String::from(
                "change_id,at,actor,action,source,superseded_by,completed_on,overall,moderated_overall\n",
            );
            for v in &versions {
                let a = &v.record.audits[0];
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{}\n",
                    v.change_id,
                    v.at,
                    crate::csv_field(&v.actor),
                    crate::csv_field(&v.action),
                    crate::csv_field(v.source_name.as_deref().unwrap_or("")),
                    v.superseded_by.map(|s| s.to_string()).unwrap_or_default(),
                    a.completed_on.map(|d| d.to_string()).unwrap_or_default(),
                    a.overall.map(|g| g.code()).unwrap_or(""),
                    a.moderation
                        .as_ref()
                        .map(|m| m.overall.code())
                        .unwrap_or(""),
                ));
            }
            write_out(None, &out)?;
            Ok(())
        }
    }
}

pub(crate) async fn workforce(command: WorkforceCommand) -> Result<(), Failure> {
    match command {
        WorkforceCommand::Import(args) => {
            import(args, &WORKFORCE_FILES, "harbour workforce import").await
        }
        WorkforceCommand::Export(args) => {
            export(args, &WORKFORCE_FILES, "harbour workforce export").await
        }
        WorkforceCommand::Summary {
            summary,
            as_at,
            from,
            caseload_threshold,
        } => {
            let store = open_store(&summary.common.database).await?;
            let stored = store
                .read_workforce_and_voice()
                .await
                .context("cannot read the store")?;
            let day = as_at.unwrap_or_else(today);
            let from = match from {
                Some(f) => f,
                None => day
                    .checked_sub(jiff::Span::new().years(1))
                    .map_err(|e| anyhow!(e))?
                    .tomorrow()
                    .map_err(|e| anyhow!(e))?,
            };
            let mut r = Report::new(&summary)?;
            r.text("workforce", "as_at", &day.to_string());
            let (by_role, total) = workforce::posts_on(&stored.posts, day);
            // Posts by discipline: employed, agency and vacant, with their totals.
            let roles: Vec<model::WorkerRole> = by_role.keys().copied().collect();
            let rows: Vec<Vec<u64>> = roles
                .iter()
                .map(|role| {
                    let c = by_role[role];
                    vec![c.filled - c.agency, c.agency, c.vacant]
                })
                .collect();
            let (cells, totals) = r.table(&rows);
            for (i, role) in roles.iter().enumerate() {
                let section = format!("posts_{}", role.code());
                for (j, name) in ["employed", "agency", "vacant"].iter().enumerate() {
                    r.published(&section, name, cells[i][j]);
                }
                r.published(&section, "posts", totals[i]);
            }
            let t = r.group(
                "posts",
                &[
                    ("employed", total.filled - total.agency),
                    ("agency", total.agency),
                    ("vacant", total.vacant),
                ],
                Some(("posts", total.posts)),
            );
            let filled = match (t[0], t[1]) {
                (Published::Count(a), Published::Count(b)) => Published::Count(a + b),
                _ => Published::Suppressed,
            };
            r.pct("posts", "vacancy_rate_pct", t[2], t[3]);
            r.pct("posts", "agency_rate_pct", t[1], filled);
            let (starters, leavers) = workforce::starters_and_leavers(&stored.posts, from, day);
            r.text("turnover", "from", &from.to_string());
            r.count("turnover", "starters", starters);
            r.count("turnover", "leavers", leavers);
            let dataset = store.dataset().await.context("cannot read the store")?;
            let loads = workforce::caseloads(&dataset, day);
            let cs = workforce::summarise_caseloads(&loads, caseload_threshold);
            let w = r.count("caseloads", "social_workers", cs.workers);
            r.count("caseloads", "cases", cs.cases);
            r.value("caseloads", "median", cs.median, w);
            r.value("caseloads", "mean", cs.mean, w);
            r.text("caseloads", "threshold", &caseload_threshold.to_string());
            r.count("caseloads", "over_threshold", cs.over_threshold);
            r.series(
                "caseload_bands",
                cs.bands.iter().map(|(b, n)| (b.to_string(), *n)),
            );
            r.finish(summary.format, summary.out.as_deref())
        }
    }
}

pub(crate) async fn voice(command: VoiceCommand) -> Result<(), Failure> {
    match command {
        VoiceCommand::Import(args) => import(args, &VOICE_FILES, "harbour voice import").await,
        VoiceCommand::Export(args) => export(args, &VOICE_FILES, "harbour voice export").await,
        VoiceCommand::Summary { summary, from, to } => {
            let store = open_store(&summary.common.database).await?;
            let stored = store
                .read_workforce_and_voice()
                .await
                .context("cannot read the store")?;
            let to = to.unwrap_or_else(today);
            let from = match from {
                Some(f) => f,
                None => to
                    .checked_sub(jiff::Span::new().years(1))
                    .map_err(|e| anyhow!(e))?
                    .tomorrow()
                    .map_err(|e| anyhow!(e))?,
            };
            let s = assurance::voice::summarise(
                &stored.feedback,
                &stored.events,
                &stored.nominations,
                from,
                to,
            );
            let mut r = Report::new(&summary)?;
            r.text("period", "from", &from.to_string());
            r.text("period", "to", &to.to_string());
            let sources: Vec<(&str, u64)> = assurance::FeedbackSource::ALL
                .iter()
                .map(|x| (x.code(), s.by_source.get(x).copied().unwrap_or(0)))
                .collect();
            r.group(
                "feedback_by_source",
                &sources,
                Some(("feedback", s.feedback)),
            );
            let sentiments: Vec<(&str, u64)> = assurance::Sentiment::ALL
                .iter()
                .map(|x| (x.code(), s.by_sentiment.get(x).copied().unwrap_or(0)))
                .collect();
            r.group(
                "feedback_by_sentiment",
                &sentiments,
                Some(("feedback", s.feedback)),
            );
            r.count("events", "events", s.events);
            r.count("events", "children_attending", s.children_at_events);
            r.count("events", "adults_attending", s.adults_at_events);
            let teams: Vec<(String, u64)> = s
                .nominations_by_team
                .iter()
                .map(|(t, n)| (t.clone(), *n))
                .collect();
            let items: Vec<(&str, u64)> = teams.iter().map(|(t, n)| (t.as_str(), *n)).collect();
            r.group(
                "nominations_by_team",
                &items,
                Some(("nominations", s.nominations)),
            );
            r.series("themes", s.themes.iter().map(|(t, n)| (t.to_string(), *n)));
            r.finish(summary.format, summary.out.as_deref())
        }
    }
}

fn find_cycle(data: &AssuranceData, id: &str) -> Result<Cycle, Failure> {
    data.cycle(id).cloned().ok_or_else(|| {
        input_error(anyhow!(
            "no audit cycle {id} is stored (start one with `harbour audit cycle new`)"
        ))
    })
}

/// Reads the files (each must be one of `kinds`), checks them against each other and what is
/// stored, and stores them as one change, all or nothing.
pub(crate) async fn import(
    args: ImportArgs,
    kinds: &[FileKind],
    action: &str,
) -> Result<(), Failure> {
    let mut files = Vec::new();
    for path in &args.files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        files.push((path.display().to_string(), bytes));
    }
    let store = open_store(&args.common.database).await?;
    let (data, source) = check_files(&store, &files, kinds).await?;
    record(&store, action, source, data).await?;
    Ok(())
}

/// The checks of an import, shared with `harbour load`: every problem is printed and the files
/// are refused (exit 1) if there is any.
/// Reads and checks practice-assurance CSVs (see [`ingest::check_assurance`]), printing the
/// problems of a refused import.
pub(crate) async fn check_files(
    store: &Store,
    files: &[(String, Vec<u8>)],
    kinds: &[FileKind],
) -> Result<(AssuranceData, Option<EditSource>), Failure> {
    ingest::check_assurance(store, files, kinds)
        .await
        .map_err(crate::load::failure)
}

async fn export(args: ExportArgs, kinds: &[FileKind], action: &str) -> Result<(), Failure> {
    let store = open_store(&args.common.database).await?;
    let child_level = kinds.contains(&FileKind::Audits);
    let data = if child_level {
        store
            .read_assurance(&reader(action))
            .await
            .context("cannot read the store")?
    } else {
        store
            .read_workforce_and_voice()
            .await
            .context("cannot read the store")?
    };
    match args.format {
        Format::Csv => {
            let dir = args.out.ok_or_else(|| {
                anyhow!("--format csv writes one file per layout: give the folder as --out")
            })?;
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for k in kinds {
                let path = dir.join(k.file_name());
                std::fs::write(&path, assurance::csv::write(*k, &data))
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            eprintln!("wrote {} file(s) to {}", kinds.len(), dir.display());
        }
        Format::Json => {
            let mut only = AssuranceData::default();
            for k in kinds {
                match k {
                    FileKind::Cycles => only.cycles = data.cycles.clone(),
                    FileKind::Audits => only.audits = data.audits.clone(),
                    FileKind::Actions => only.actions = data.actions.clone(),
                    FileKind::Posts => only.posts = data.posts.clone(),
                    FileKind::Feedback => only.feedback = data.feedback.clone(),
                    FileKind::Events => only.events = data.events.clone(),
                    FileKind::Nominations => only.nominations = data.nominations.clone(),
                }
            }
            let text = serde_json::to_string_pretty(&only).context("cannot write JSON")? + "\n";
            write_out(args.out.as_deref(), &text)?;
        }
    }
    Ok(())
}

/// A summary's lines, `section,item,value`, each count protected for the audience.
struct Report {
    audience: Audience,
    policy: Policy,
    lines: Vec<(String, String, String)>,
}

impl Report {
    fn new(args: &SummaryArgs) -> Result<Report, Failure> {
        let policy = Policy::new(args.smallest_shown).map_err(|e| Failure {
            code: 2,
            error: anyhow!("--smallest-shown: {e}"),
        })?;
        Ok(Report {
            audience: args.audience.audience(),
            policy,
            lines: Vec::new(),
        })
    }

    fn push(&mut self, section: &str, item: &str, value: String) {
        self.lines
            .push((section.to_owned(), item.to_owned(), value));
    }

    fn text(&mut self, section: &str, item: &str, value: &str) {
        self.push(section, item, value.to_owned());
    }

    fn published(&mut self, section: &str, item: &str, p: Published) {
        self.push(section, item, p.to_string());
    }

    /// A count shown on its own (no total is published that it adds up to).
    fn count(&mut self, section: &str, item: &str, n: u64) -> Published {
        let p = disclosure::protect_series_for(&[n], self.audience, &self.policy)[0];
        self.push(section, item, p.to_string());
        p
    }

    /// Counts that add up to a published total: protected together, so that no `c` can be
    /// worked out by subtraction. Returns the published cells, the total last.
    fn group(
        &mut self,
        section: &str,
        items: &[(&str, u64)],
        total: Option<(&str, u64)>,
    ) -> Vec<Published> {
        let counts: Vec<u64> = items.iter().map(|i| i.1).collect();
        let mut cells: Vec<Published> = if !self.audience.needs_control() || items.is_empty() {
            counts.iter().map(|&n| Published::Count(n)).collect()
        } else if total.is_some() {
            match CountTable::new(vec![counts.clone()]).map(|t| t.with_row_totals()) {
                Ok(t) => match disclosure::protect(&t, &self.policy) {
                    Ok(p) => (0..counts.len())
                        .map(|j| p.cell(0, j))
                        .chain(p.row_total(0))
                        .collect(),
                    Err(_) => vec![Published::Suppressed; counts.len() + 1],
                },
                Err(_) => vec![Published::Suppressed; counts.len() + 1],
            }
        } else {
            disclosure::protect_series(&counts, &self.policy)
        };
        if let Some((_, n)) = total
            && cells.len() == items.len()
        {
            cells.push(if self.audience.needs_control() {
                self.policy.publish_count(n)
            } else {
                Published::Count(n)
            });
        }
        for (i, (name, _)) in items.iter().enumerate() {
            self.push(section, name, cells[i].to_string());
        }
        if let Some((name, _)) = total {
            let t = cells[items.len()];
            self.push(section, name, t.to_string());
        }
        cells
    }

    /// A table of counts with each row's total, protected together: the cells by row, and
    /// the row totals. A table that cannot be protected is withheld whole.
    fn table(&mut self, rows: &[Vec<u64>]) -> (Vec<Vec<Published>>, Vec<Published>) {
        let withheld = || {
            (
                rows.iter()
                    .map(|r| vec![Published::Suppressed; r.len()])
                    .collect(),
                vec![Published::Suppressed; rows.len()],
            )
        };
        if rows.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let Ok(table) = CountTable::new(rows.to_vec()) else {
            return withheld();
        };
        match disclosure::protect_for(&table.with_row_totals(), self.audience, &self.policy) {
            Ok(p) => (
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| (0..r.len()).map(|j| p.cell(i, j)).collect())
                    .collect(),
                (0..rows.len())
                    .map(|i| p.row_total(i).unwrap_or(Published::Suppressed))
                    .collect(),
            ),
            Err(_) => withheld(),
        }
    }

    /// Counts with no total (themes, bands): small ones are `c`.
    fn series(&mut self, section: &str, items: impl Iterator<Item = (String, u64)>) {
        let items: Vec<(String, u64)> = items.collect();
        let counts: Vec<u64> = items.iter().map(|i| i.1).collect();
        let cells = disclosure::protect_series_for(&counts, self.audience, &self.policy);
        for ((name, _), c) in items.iter().zip(cells) {
            self.push(section, name, c.to_string());
        }
    }

    fn pct(&mut self, section: &str, item: &str, numerator: Published, denominator: Published) {
        let v = disclosure::percentage(&numerator, &denominator);
        let text = match v {
            PublishedValue::Value(_) => format!("{v:.1}"),
            other => other.to_string(),
        };
        self.push(section, item, text);
    }

    /// A median or mean over `of` (a published count): withheld when that count is.
    fn value(&mut self, section: &str, item: &str, v: Option<f64>, of: Published) {
        let text = match (v, of) {
            (_, Published::Suppressed) => "c".to_owned(),
            (Some(v), _) => format!("{v:.1}"),
            (None, _) => "z".to_owned(),
        };
        self.push(section, item, text);
    }

    fn finish(self, format: Format, out: Option<&Path>) -> Result<(), Failure> {
        let text = match format {
            Format::Csv => {
                let mut s = String::from("section,item,value\n");
                for (a, b, c) in &self.lines {
                    s.push_str(&format!(
                        "{},{},{}\n",
                        crate::csv_field(a),
                        crate::csv_field(b),
                        crate::csv_field(c)
                    ));
                }
                s
            }
            Format::Json => {
                let rows: Vec<serde_json::Value> = self
                    .lines
                    .iter()
                    .map(|(a, b, c)| {
                        let value = if let Ok(n) = c.parse::<u64>() {
                            serde_json::Value::from(n)
                        } else if let Some(n) =
                            c.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
                        {
                            serde_json::Value::Number(n)
                        } else {
                            serde_json::Value::String(c.clone())
                        };
                        serde_json::json!({ "section": a, "item": b, "value": value })
                    })
                    .collect();
                serde_json::to_string_pretty(&rows).context("cannot write JSON")? + "\n"
            }
        };
        write_out(out, &text)?;
        Ok(())
    }
}
