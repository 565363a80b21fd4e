//! `harbour`: children's services data from returns to the scrutiny panel.
//!
//! The binary is thin: it parses arguments, shows progress on stderr, and calls the library
//! crates. Exit codes: 0 success, 1 the input has errors (a refused load), 2 usage or environment
//! problems.

mod annex_a;
mod assurance;
mod focus_five;
mod forecast;
mod indicators;
mod load;
mod partnership;
mod report;
mod stored;
mod tracker;
mod users;
mod validate;
mod xlsx;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

const DEFAULT_DATABASE: &str = "./harbour.db";
/// The demo's own store, made afresh by each `harbour demo`.
const DEFAULT_DEMO_DATABASE: &str = "./harbour-demo.db";
/// The administrator `harbour demo` creates.
const DEMO_ADMIN: &str = "demo-admin";

#[derive(Parser)]
#[command(
    name = "harbour",
    version,
    about = "Children's services data: returns in, indicators and assurance out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
pub(crate) struct Database {
    /// The store: a SQLite file path (created if missing) or URL.
    #[arg(long, env = "HARBOUR_DATABASE_URL", default_value = DEFAULT_DATABASE)]
    pub(crate) database: String,
}

#[derive(Subcommand)]
enum Command {
    /// Write a deterministic synthetic council: CIN census XML, SSDA903 CSVs and extracts.
    Synth {
        /// Number of children with any involvement over the simulated years.
        #[arg(long, default_value_t = 5000)]
        children: u32,
        /// Random seed; the same seed gives byte-identical files.
        #[arg(long, default_value_t = synth_defaults::SEED)]
        seed: u64,
        /// Collection year, named by the year it ends (2026 = 2025-26, reference date 31 March 2026).
        #[arg(long, default_value_t = synth_defaults::YEAR)]
        year: i16,
        /// Output folder (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Load returns, extracts, a population table and assurance CSVs (folders or files) into the
    /// store, all or nothing, in one transaction.
    Load {
        /// CIN census XML files, SSDA903 CSVs, extract CSVs, or folders holding them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Collection year (ending 31 March) of SSDA903 files; inferred from their dates if not given.
        #[arg(long)]
        year: Option<i16>,
        #[command(flatten)]
        db: Database,
    },
    /// Compute the indicators from the store.
    Indicators(indicators::Args),
    /// Write Ofsted's Annex A (lists 1 to 11, the 2026 template) from the store for an
    /// inspection date, or check an Annex A workbook (--check).
    AnnexA(annex_a::Args),
    /// Write the scrutiny pack for a quarter (HTML, PDF and XLSX): the scorecard with trends, targets
    /// and benchmarks, plan progress, Family Safeguarding, budget and placements,
    /// recommendations and provenance.
    Report(report::Args),
    /// Forecast children in care by placement type and age band 1 to 5 years ahead (a
    /// stock-and-flow model learnt from the SSDA903 episodes), with costs, scenarios and savings
    /// against the budget's targets.
    Forecast(forecast::Args),
    /// Write the child-journey tables of the stored data (29 tables, described in docs/export.md)
    /// for analysts; readable as they are by DuckDB, pandas, R or a spreadsheet.
    Export {
        #[command(flatten)]
        db: Database,
        #[arg(long, value_enum, default_value_t = ExportFormat::Parquet)]
        format: ExportFormat,
        /// Folder to write the tables to (created if missing; files of the same names are replaced).
        #[arg(long)]
        out: PathBuf,
        /// The stored data as it stood after a load (its number), at a date (the end of that day,
        /// UTC) or a timestamp; `latest` by default.
        #[arg(long, default_value = "latest")]
        store_as_at: store::AsAt,
    },
    /// List every load: when, by whom, and each file's name, SHA-256, size, return and year.
    Loads {
        #[command(flatten)]
        db: Database,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show the latest entries of the access log (who took out child-level data), newest first.
    AccessLog {
        #[command(flatten)]
        db: Database,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// The case-audit programme: cycles, samples, allocation, dip samples, import, export and
    /// summaries.
    Audit {
        #[command(subcommand)]
        command: assurance::AuditCommand,
    },
    /// The workforce: posts by discipline, vacancies, agency staff, starters, leavers and
    /// caseloads.
    Workforce {
        #[command(subcommand)]
        command: assurance::WorkforceCommand,
    },
    /// Family voice: feedback, participation events and nominations.
    Voice {
        #[command(subcommand)]
        command: assurance::VoiceCommand,
    },
    /// Focus Five: the five minimum practice standards (chronology, visits, assessment, plan
    /// reviews, supervision) for every open child on a day, or compliance by worker, team or
    /// service.
    FocusFive(focus_five::Args),
    /// The Family Safeguarding partnership report: each family's partner figures (police
    /// domestic-abuse call-outs, A&E attendances, treatment starts, school attendance), CP plans
    /// and days in care, before and after involvement.
    Partnership(partnership::Args),
    /// The improvement plan and the scrutiny recommendations in the store: import the files,
    /// show them as at a date (the web app's /plan and /recommendations update them).
    Tracker {
        #[command(subcommand)]
        command: tracker::TrackerCommand,
    },
    /// Check returns against the DfE validation rules (CIN census), found by content.
    Validate(validate::ValidateArgs),
    /// Explain a DfE validation rule: what it checks, why, and the DfE wording.
    Rule(validate::RuleArgs),
    /// Serve the web app.
    Serve {
        #[command(flatten)]
        db: Database,
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
        /// Set when the app is reached through HTTPS (a TLS-terminating proxy in front): cookies
        /// become `Secure` and responses carry Strict-Transport-Security.
        #[arg(long, env = "HARBOUR_BEHIND_TLS")]
        behind_tls: bool,
    },
    /// Accounts for the web app.
    #[command(subcommand)]
    User(UserCommand),
    /// Synthetic council + load + serve: everything needed to look around.
    Demo {
        /// The demo's own store, kept apart from real data.
        #[arg(
            long,
            env = "HARBOUR_DEMO_DATABASE",
            default_value = DEFAULT_DEMO_DATABASE
        )]
        database: String,
        /// Where the synthetic files are written.
        #[arg(long, default_value = "./harbour-demo")]
        out: PathBuf,
        #[arg(long, default_value_t = 5000)]
        children: u32,
        #[arg(long, default_value_t = synth_defaults::SEED)]
        seed: u64,
        #[arg(long, default_value_t = synth_defaults::YEAR)]
        year: i16,
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Adds a user: `harbour user add NAME --role admin|analyst|manager|practitioner|scrutiny
    /// [--team T] [--worker W]`. The password is the first line of stdin, or, when stdin is a
    /// terminal or empty, generated and printed once.
    Add(users::AddArgs),
}

mod synth_defaults {
    pub const SEED: u64 = 20_260_331;
    pub const YEAR: i16 = 2026;
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Parquet,
    Csv,
}

/// A failure with the exit code it deserves.
struct Failure {
    code: u8,
    error: anyhow::Error,
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure { code: 2, error }
    }
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("HARBOUR_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { code, error }) => {
            eprintln!("error: {error:#}");
            ExitCode::from(code)
        }
    }
}

async fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Synth {
            children,
            seed,
            year,
            out,
        } => {
            run_synth(children, seed, year, &out)?;
            Ok(())
        }
        Command::Load { paths, year, db } => {
            let store = open_store(&db.database).await?;
            load::run(&store, &paths, year.map(model::CollectionYear)).await
        }
        Command::Indicators(args) => indicators::run(args).await,
        Command::AnnexA(args) => annex_a::run(args).await,
        Command::Report(args) => report::run(args).await,
        Command::Forecast(args) => forecast::run(args).await,
        Command::Export {
            db,
            format,
            out,
            store_as_at,
        } => {
            let store = open_store(&db.database).await?;
            let format = match format {
                ExportFormat::Parquet => export::Format::Parquet,
                ExportFormat::Csv => export::Format::Csv,
            };
            stored::export(&store, format, &out, store_as_at).await?;
            Ok(())
        }
        Command::Loads { db, format } => {
            let store = open_store(&db.database).await?;
            write_out(None, &stored::loads(&store, format).await?)?;
            Ok(())
        }
        Command::AccessLog { db, limit } => {
            let store = open_store(&db.database).await?;
            write_out(None, &stored::access_log(&store, limit).await?)?;
            Ok(())
        }
        Command::Audit { command } => assurance::audit(command).await,
        Command::Workforce { command } => assurance::workforce(command).await,
        Command::Voice { command } => assurance::voice(command).await,
        Command::FocusFive(args) => focus_five::run(args).await,
        Command::Tracker { command } => tracker::run(command).await,
        Command::Partnership(args) => partnership::run(args).await,
        Command::Validate(args) => validate::run(args),
        Command::Rule(args) => validate::rule(args),
        Command::Serve {
            db,
            bind,
            behind_tls,
        } => {
            let store = open_store(&db.database).await?;
            serve(store, &bind, behind_tls).await
        }
        Command::User(UserCommand::Add(args)) => users::add(args).await,
        Command::Demo {
            database,
            out,
            children,
            seed,
            year,
            bind,
        } => {
            run_synth(children, seed, year, &out)?;
            if database == DEFAULT_DEMO_DATABASE {
                // The demo's own store holds nothing but synthetic children: start it afresh, so
                // that a store left by an older build of Harbour never stands in the way.
                for suffix in ["", "-wal", "-shm"] {
                    let file = format!("{database}{suffix}");
                    match std::fs::remove_file(&file) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => return Err(anyhow::anyhow!("cannot remove {file}: {e}").into()),
                    }
                }
            }
            let store = open_store(&database).await?;
            load::run(&store, std::slice::from_ref(&out), None).await?;
            tracker::import_demo(&store).await?;
            eprintln!("demo data: {} (store {database})", out.display());
            // A demo administrator, with a password made now and shown only this once. A store
            // kept from an earlier run (--database) keeps its own.
            if store
                .user_by_name(DEMO_ADMIN)
                .await
                .context("cannot read the users")?
                .is_none()
            {
                let password = users::Password::Generated(web::auth::generate_password());
                users::add_user(
                    &store,
                    DEMO_ADMIN,
                    store::Role::Admin,
                    None,
                    None,
                    &password,
                )
                .await?;
                if let users::Password::Generated(p) = &password {
                    println!("demo account: user name {DEMO_ADMIN}, password {p}");
                }
                eprintln!("(the password is shown only this once)");
            }
            serve(store, &bind, false).await
        }
    }
}

/// A CSV field, quoted when it needs to be.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Writes machine-readable output to `out`, or to stdout.
fn write_out(out: Option<&std::path::Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .context("cannot write to stdout"),
    }
}

async fn open_store(database: &str) -> anyhow::Result<store::Store> {
    store::Store::open(database)
        .await
        .with_context(|| format!("cannot open the store {database}"))
}

/// The reporting date: `as_at` when given, else 31 March of the latest collection year among
/// the loads the snapshot is as at.
async fn reporting_date(
    store: &store::Store,
    snapshot: &store::Snapshot,
    as_at: Option<model::Date>,
) -> anyhow::Result<model::Date> {
    if let Some(d) = as_at {
        return Ok(d);
    }
    let mut loads = store
        .loads()
        .await
        .context("cannot read the store's loads")?;
    loads.retain(|l| snapshot.load_id.is_some_and(|id| l.load_id <= id));
    store::latest_collection_year(&loads)
        .map(model::CollectionYear::end)
        .context(
            "the store holds no loads, so there is no reporting date: load data first or pass --as-at",
        )
}

fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("valid template"),
    );
    bar.set_message(message.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn counter(len: u64, message: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} files")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(message.to_owned());
    bar
}

fn run_synth(children: u32, seed: u64, year: i16, out: &std::path::Path) -> anyhow::Result<()> {
    let config = synth::SynthConfig {
        children,
        seed,
        year,
        ..synth::SynthConfig::default()
    };
    let bar = spinner(&format!(
        "generating a synthetic council of {children} children"
    ));
    let council = synth::generate(&config);
    bar.set_message(format!("writing {}", out.display()));
    synth::write(&council, &config, out)
        .with_context(|| format!("cannot write the synthetic council to {}", out.display()))?;
    bar.finish_and_clear();
    eprintln!(
        "synthetic council of {children} children (seed {seed}, {}) written to {}",
        model::CollectionYear(year),
        out.display()
    );
    Ok(())
}

async fn serve(store: store::Store, bind: &str, behind_tls: bool) -> Result<(), Failure> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    let addr = listener.local_addr().context("no local address")?;
    eprintln!("Harbour is serving on http://{addr}/ (Ctrl-C to stop)");
    let state = web::AppState {
        behind_tls,
        ..web::AppState::new(store)
    };
    web::serve(listener, state)
        .await
        .context("the web server stopped")?;
    Ok(())
}
