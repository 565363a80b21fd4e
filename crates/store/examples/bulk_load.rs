//! Times the store on a large synthetic dataset.
//!
//! `cargo run --release -p store --example bulk_load -- [children] [path]`
//! (default 100,000 children in a temporary file).

use model::codes::*;
use model::*;
use std::time::Instant;
use store::{LoadBatch, LoadOutcome, ReturnKind, SourceFile, Store};

fn pick<C: CodeSet>(i: usize) -> C {
    C::ALL[i % C::ALL.len()]
}

fn day(n: usize) -> Date {
    jiff::civil::date(2018, 1, 1)
        .checked_add(jiff::Span::new().days(n as i64 % 2500))
        .unwrap()
}

/// A child with a couple of referrals (assessment, factors, a CIN or CP plan) and, for one in
/// four, an episode of care with a review.
fn child(i: usize) -> Child {
    let referrals = (0..1 + i % 3)
        .map(|k| {
            let start = i * 7 + k * 400;
            Referral {
                referral_date: day(start),
                source: Some(pick(i + k)),
                primary_need: Some(pick(i)),
                closure_date: (k > 0).then(|| day(start + 120)),
                reason_for_closure: (k > 0).then(|| pick(i)),
                no_further_action: false,
                initial_cpc_date: None,
                assessments: vec![Assessment {
                    start_date: day(start + 1),
                    internal_review_date: None,
                    authorised_date: Some(day(start + 30)),
                    factors: vec![pick(i), pick(i + 7)],
                }],
                cin_plans: if i.is_multiple_of(2) {
                    vec![CinPlan {
                        start_date: day(start + 31),
                        end_date: None,
                    }]
                } else {
                    vec![]
                },
                section47s: vec![],
                cp_plans: if i.is_multiple_of(5) {
                    vec![CpPlan {
                        start_date: day(start + 40),
                        end_date: None,
                        initial_category: Some(pick(i)),
                        latest_category: Some(pick(i)),
                        number_of_previous_plans: Some(0),
                        review_dates: vec![day(start + 130)],
                    }]
                } else {
                    vec![]
                },
                pre_proceedings: None,
            }
        })
        .collect();
    let looked_after = i.is_multiple_of(4);
    Child {
        id: ChildId(format!("LA{i:08}")),
        upn: Some(format!("A{i:012}")),
        birth_date: Some(day(i)),
        sex: Some(pick(i)),
        ethnicity: Some(pick(i)),
        disabilities: vec![Disability::NONE],
        referrals,
        cla_episodes: if looked_after {
            vec![ClaEpisode {
                start_date: day(i + 200),
                reason_new_episode: Some(ReasonNewEpisode::S),
                legal_status: Some(pick(i)),
                category_of_need: Some(pick(i)),
                placement: Some(pick(i)),
                placement_provider: Some(pick(i)),
                home_postcode: Some("AB1".into()),
                placement_postcode: Some("CD2".into()),
                urn: Some("SC123456".into()),
                ..ClaEpisode::default()
            }]
        } else {
            vec![]
        },
        cla_reviews: if looked_after {
            vec![ClaReview {
                date: day(i + 220),
                participation: Some(pick(i)),
            }]
        } else {
            vec![]
        },
        ..Child::default()
    }
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map_or(100_000, |a| a.parse().expect("a number of children"));
    let dir = tempfile::tempdir().unwrap();
    let path = args
        .next()
        .unwrap_or_else(|| dir.path().join("harbour.db").display().to_string());

    let t = Instant::now();
    let dataset = Dataset {
        children: (0..n).map(child).collect(),
        ..Dataset::default()
    };
    let rows: u64 = store::row_counts(&dataset).iter().map(|(_, n)| n).sum();
    println!("built {n} children, {rows} rows, in {:.2?}", t.elapsed());

    let store = Store::open(&path).await.unwrap();
    let file = |name: &str| {
        SourceFile::from_bytes(name, name.as_bytes(), ReturnKind::CinCensus, Some(2026))
    };
    let load = |name: &str, dataset: Dataset| LoadBatch {
        files: vec![file(name)],
        dataset,
        loaded_by: "bulk".into(),
        assurance: None,
    };

    let t = Instant::now();
    let outcome = store.load(load("first", dataset.clone())).await.unwrap();
    assert!(matches!(outcome, LoadOutcome::Loaded { .. }));
    println!("first load into an empty store:  {:.2?}", t.elapsed());

    let t = Instant::now();
    let stored = store.dataset().await.unwrap();
    println!("dataset() read back:             {:.2?}", t.elapsed());
    let mut expected = dataset.clone();
    expected.normalise();
    assert!(stored == expected, "round trip");

    let t = Instant::now();
    assert_eq!(
        store.load(load("first", dataset.clone())).await.unwrap(),
        LoadOutcome::AlreadyLoaded
    );
    println!("same file again (AlreadyLoaded): {:.2?}", t.elapsed());

    // Every child again, as a newer file with the same facts: read and merge, nothing to write.
    let t = Instant::now();
    store.load(load("second", dataset.clone())).await.unwrap();
    println!("newer file, same facts:          {:.2?}", t.elapsed());
    assert!(
        store.dataset().await.unwrap() == expected,
        "merge of the same facts changes nothing"
    );

    // Every child again with its first referral closed later: every child is rewritten.
    let mut corrected = dataset;
    for c in &mut corrected.children {
        c.referrals.truncate(1);
        c.referrals[0].closure_date = Some(day(2600));
        c.cla_episodes.clear();
        c.cla_reviews.clear();
    }
    let t = Instant::now();
    store.load(load("third", corrected.clone())).await.unwrap();
    println!("newer file changing every child: {:.2?}", t.elapsed());
    expected.merge(corrected);
    assert!(
        store.dataset().await.unwrap() == expected,
        "merged as the model merges"
    );

    store.close().await;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database file: {:.1} MB", size as f64 / 1e6);
}
