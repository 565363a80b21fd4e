//! Nothing is lost: `harbour load` killed with SIGKILL at random points while it writes to the
//! store leaves the store exactly as it was before that load, on SQLite and on PostgreSQL, and a
//! re-run then completes.
//!
//! Each round starts a load of a newer return into a store that already holds an older one,
//! waits until the process says it is storing (the transaction is about to begin), then kills it
//! after a random delay spread over the time a whole write takes. After each kill the store's
//! fingerprint (a digest of every row of every table) must equal the one from before the load;
//! if the load happened to finish first, it must hold the completed load's data and assurance
//! records. Finally the load is run to completion and the data must equal that of an undisturbed
//! store. The synthetic council's folder includes its practice-assurance files
//! (`assurance/*.csv`), which the load stores in the same transaction as the returns, so a kill
//! can never leave the returns stored without them.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Kills per backend.
const ROUNDS: usize = 24;

fn harbour() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_harbour"));
    c.env_remove("HARBOUR_DATABASE_URL");
    c
}

fn synth(out: &Path, seed: &str) {
    let status = harbour()
        .args([
            "synth",
            "--children",
            "3000",
            "--seed",
            seed,
            "--year",
            "2026",
        ])
        .arg("--out")
        .arg(out)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn load(db: &str, dir: &Path) {
    let out = harbour()
        .args(["load", "--database", db])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "load failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A small, seeded generator (xorshift64*), so that a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

fn fingerprint(rt: &tokio::runtime::Runtime, db: &str) -> String {
    rt.block_on(async {
        let store = store::Store::open(db).await.unwrap();
        let f = store.fingerprint().await.unwrap();
        store.close().await;
        f
    })
}

/// Runs the load of `newer` and kills it `after` the moment it says it is storing. Returns
/// whether the load had already finished (exit 0) when the kill came.
fn load_and_kill(db: &str, newer: &Path, after: Duration) -> bool {
    let mut child = harbour()
        .args(["load", "--database", db])
        .arg(newer)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        if stderr.read_line(&mut line).unwrap() == 0 {
            panic!("the load ended before storing anything");
        }
        if line.starts_with("storing ") {
            break;
        }
    }
    std::thread::sleep(after);
    // SIGKILL: no destructor, no rollback by the process itself.
    let _ = child.kill();
    let status = child.wait().unwrap();
    status.success()
}

/// How long a whole write takes, from the "storing" line to the end of the process.
fn time_a_write(db: &str, newer: &Path) -> Duration {
    let mut child = harbour()
        .args(["load", "--database", db])
        .arg(newer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 && !line.starts_with("storing ") {
        line.clear();
    }
    let start = Instant::now();
    std::io::copy(&mut stderr, &mut std::io::sink()).unwrap();
    assert!(child.wait().unwrap().success());
    start.elapsed()
}

/// What a store holds after the loads: the dataset, the assurance records (read in bulk, which
/// writes one access-log entry) and the number of loads.
type Stored = (model::Dataset, assurance::AssuranceData, usize);

fn read(rt: &tokio::runtime::Runtime, db: &str) -> Stored {
    rt.block_on(async {
        let store = store::Store::open(db).await.unwrap();
        let reader = store::Reader {
            actor: "kill-test".into(),
            channel: store::Channel::Cli,
            action: "cargo test".into(),
        };
        let data = (
            store.dataset().await.unwrap(),
            store
                .read_assurance_in_bulk(&reader, store::AsAt::Latest, "to compare stores")
                .await
                .unwrap(),
            store.loads().await.unwrap().len(),
        );
        store.close().await;
        data
    })
}

/// The test, given a way to make a fresh, empty database.
fn kill_loads_at_random(fresh_db: &dyn Fn() -> String, tmp: &Path) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let older = tmp.join("older");
    let newer = tmp.join("newer");
    synth(&older, "21");
    synth(&newer, "22");
    // The synthetic council brings practice-assurance files with its returns, so each killed
    // load would write both in its one transaction.
    let assurance_files = std::fs::read_dir(newer.join("assurance")).unwrap().count();
    assert!(assurance_files >= 5, "{assurance_files} assurance files");

    // The undisturbed result, and how long its second load's write takes.
    let reference_db = fresh_db();
    load(&reference_db, &older);
    let write_time = time_a_write(&reference_db, &newer);
    let (reference, reference_assurance, _) = read(&rt, &reference_db);
    assert!(
        !reference_assurance.audits.is_empty() && !reference_assurance.posts.is_empty(),
        "the loads stored assurance records"
    );

    let seed = std::env::var("HARBOUR_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| jiff::Timestamp::now().as_microsecond() as u64 | 1);
    let mut rng = Rng(seed);
    let span = (write_time.as_micros() as u64).max(1_000);
    let mut db = fresh_db();
    load(&db, &older);
    let mut before = fingerprint(&rt, &db);
    let (mut unchanged, mut completed) = (0, 0);
    for round in 0..ROUNDS {
        let after = Duration::from_micros(rng.below(span));
        let exited_first = load_and_kill(&db, &newer, after);
        let context =
            format!("round {round} (seed {seed}, killed {after:?} into a {write_time:?} write)");
        if !exited_first && fingerprint(&rt, &db) == before {
            unchanged += 1;
            continue;
        }
        // The load committed before the kill came: it must be whole. Then start again from a
        // store holding only the older return.
        let (stored, stored_assurance, loads) = read(&rt, &db);
        assert_eq!(
            loads, 2,
            "{context}: the store changed but holds no whole load"
        );
        assert!(
            stored == reference,
            "{context}: a committed load differs from the reference"
        );
        assert!(
            stored_assurance == reference_assurance,
            "{context}: a committed load's assurance records differ from the reference"
        );
        completed += 1;
        db = fresh_db();
        load(&db, &older);
        before = fingerprint(&rt, &db);
    }
    eprintln!(
        "{ROUNDS} kills (seed {seed}, write {write_time:?}): {unchanged} left the store as it was, \
         {completed} came after the commit"
    );
    assert!(
        unchanged >= ROUNDS / 3,
        "only {unchanged} of {ROUNDS} kills came before the commit (seed {seed})"
    );

    // A re-run completes, and gives what an undisturbed store holds.
    load(&db, &newer);
    let (stored, stored_assurance, loads) = read(&rt, &db);
    assert!(stored == reference, "the completed re-run differs");
    assert!(
        stored_assurance == reference_assurance,
        "the completed re-run's assurance records differ"
    );
    assert_eq!(loads, 2, "one load before, one after: no half loads");
}

#[test]
fn sqlite_survives_sigkill_during_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let n = std::cell::Cell::new(0);
    let fresh = || {
        n.set(n.get() + 1);
        let path = tmp.path().join(format!("harbour-{}.db", n.get()));
        path.to_str().unwrap().to_owned()
    };
    kill_loads_at_random(&fresh, tmp.path());
}

#[test]
fn postgres_survives_sigkill_during_loads() {
    let Some(admin) = store::testing::postgres_admin_url() else {
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fresh = || rt.block_on(store::testing::fresh_postgres_database(&admin));
    let tmp = tempfile::tempdir().unwrap();
    kill_loads_at_random(&fresh, tmp.path());
}
