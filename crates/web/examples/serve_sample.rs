//! Serves the measures page over a small made-up council, for looking at the page and for
//! running the browser test against it without the CLI:
//!
//! ```text
//! cargo run -p web --example serve_sample -- 8080
//! HARBOUR_URL=http://127.0.0.1:8080/ node --test e2e/
//! ```
//!
//! The council is built here by hand (a fixed pseudo-random sequence, so every run is the same):
//! two collection years, April 2023 to March 2025, of child protection plans (some from a CIN
//! plan), entries into care (from CP plans, CIN plans or neither, some unaccompanied
//! asylum-seeking children) and Family Safeguarding involvements. It is loaded through the
//! store's own `load` into a temporary database that is removed when the server stops (Ctrl-C).

use model::codes::ReasonNewEpisode;
use model::*;
use store::{LoadBatch, ReturnKind, SourceFile, Store};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let port: u16 = std::env::args()
        .nth(1)
        .map(|p| p.parse())
        .transpose()?
        .unwrap_or(8080);

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("sample.db");
    let store = Store::open(path.to_str().ok_or("temporary path is not UTF-8")?).await?;
    let dataset = sample_council();
    let description = format!("sample council: {} children", dataset.children.len());
    store
        .load(LoadBatch {
            files: vec![SourceFile::from_bytes(
                "sample_council.csv",
                description.as_bytes(),
                ReturnKind::Extract,
                Some(2025),
            )],
            dataset,
            loaded_by: "serve_sample".into(),
            assurance: None,
        })
        .await?;

    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    eprintln!(
        "{description}; serving on http://{}/ (Ctrl-C to stop)",
        listener.local_addr()?
    );
    let password = web::auth::generate_password();
    store
        .add_user(&store::NewUser {
            name: "sample-admin".into(),
            role: store::Role::Admin,
            team: None,
            worker: None,
            password_hash: web::auth::hash_password(&password)?,
        })
        .await?;
    eprintln!("sign in as sample-admin with the password {password}");
    web::serve(listener, web::AppState::new(store)).await?;
    Ok(())
}

/// A fixed pseudo-random sequence (xorshift64*), so that the sample is the same on every run.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A whole number from `lo` to `hi`, both included.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn day(month: Month, seq: &mut Sequence) -> Date {
    let last = i64::from(month.last_day().day());
    month
        .first_day()
        .checked_add(jiff::Span::new().days(seq.between(0, last - 1)))
        .unwrap()
}

fn days_before(d: Date, n: i64) -> Date {
    d.checked_sub(jiff::Span::new().days(n)).unwrap()
}

fn sample_council() -> Dataset {
    let mut seq = Sequence(0x0005_EED0_F4A8_B0B1);
    let mut children = Vec::new();
    let mut family_safeguarding = Vec::new();
    let mut next_id = 0;
    let mut new_child = |children: &mut Vec<Child>| {
        next_id += 1;
        children.push(Child {
            id: ChildId(format!("SAMPLE-{next_id:05}")),
            ..Child::default()
        });
        children.len() - 1
    };
    let first = Month {
        year: 2022,
        month: 10,
    };
    for m in 0..30 {
        let month = first.plus(m);
        // Child protection plans: most from a CIN plan open on the day, some straight from a
        // section 47 enquiry.
        for _ in 0..seq.between(6, 16) {
            let i = new_child(&mut children);
            let start = day(month, &mut seq);
            let mut referral = Referral {
                referral_date: days_before(start, seq.between(40, 120)),
                ..Referral::default()
            };
            if seq.chance(62) {
                referral.cin_plans.push(CinPlan {
                    start_date: days_before(start, seq.between(20, 35)),
                    end_date: Some(start),
                });
            }
            referral.cp_plans.push(CpPlan {
                start_date: start,
                end_date: None,
                ..CpPlan::default()
            });
            children[i].referrals.push(referral);
        }
        // Entries into care: from a CP plan, from a CIN plan, or from neither (some of them
        // unaccompanied asylum-seeking children).
        for _ in 0..seq.between(2, 9) {
            let i = new_child(&mut children);
            let began = day(month, &mut seq);
            let route = seq.between(0, 9);
            let mut referral = Referral {
                referral_date: days_before(began, seq.between(150, 200)),
                ..Referral::default()
            };
            match route {
                0..=3 => referral.cp_plans.push(CpPlan {
                    start_date: days_before(began, seq.between(60, 120)),
                    end_date: Some(began),
                    ..CpPlan::default()
                }),
                4..=6 => referral.cin_plans.push(CinPlan {
                    start_date: days_before(began, seq.between(30, 90)),
                    end_date: None,
                }),
                _ => {}
            }
            if route >= 8 {
                children[i].uasc = Some(UascStatus {
                    ceased: Some(began.checked_add(jiff::Span::new().years(2)).unwrap()),
                });
            } else {
                children[i].referrals.push(referral);
            }
            children[i].cla_episodes.push(ClaEpisode {
                start_date: began,
                reason_new_episode: Some(ReasonNewEpisode::S),
                ..ClaEpisode::default()
            });
        }
        // Family Safeguarding: families join every month and stay three to fifteen months.
        for _ in 0..seq.between(14, 30) {
            let i = new_child(&mut children);
            let start = day(month, &mut seq);
            family_safeguarding.push(FamilySafeguardingInvolvement {
                child: children[i].id.clone(),
                team: format!("FS{}", seq.between(1, 4)),
                start,
                end: Some(
                    start
                        .checked_add(jiff::Span::new().days(seq.between(90, 450)))
                        .unwrap(),
                ),
                domestic_abuse_worker: seq.chance(60),
                mental_health_worker: seq.chance(40),
                substance_use_worker: seq.chance(30),
            });
        }
    }
    let mut dataset = Dataset {
        children,
        family_safeguarding,
        ..Dataset::default()
    };
    dataset.normalise();
    dataset
}
