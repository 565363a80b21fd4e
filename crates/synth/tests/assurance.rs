//! The synthetic assurance records: clean under their own CSV rules, deterministic, and with
//! the seed's mix of grades.

use assurance::csv::{FileKind, locate, read_files};
use assurance::{AuditKind, Grade};

#[test]
fn assurance_records_are_clean_plausible_and_deterministic() {
    let config = synth::SynthConfig {
        children: 1_500,
        seed: 11,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    let data = synth::assurance::generate(&council, config.seed);
    assert_eq!(data, synth::assurance::generate(&council, config.seed));
    assert_eq!(data.cycles.len(), 8);

    // Every file reads back clean, and the records refer to each other correctly.
    let files: Vec<(String, Vec<u8>)> = FileKind::ALL
        .iter()
        .map(|k| {
            (
                k.file_name().to_owned(),
                assurance::csv::write(*k, &data).into_bytes(),
            )
        })
        .collect();
    let parsed = read_files(&files).unwrap_or_else(|p| panic!("{}", p[0]));
    macro_rules! same {
        ($f:ident) => {
            for (a, b) in parsed.data.$f.iter().zip(&data.$f) {
                assert_eq!(a, b);
            }
            assert_eq!(parsed.data.$f.len(), data.$f.len(), stringify!($f));
        };
    }
    same!(cycles);
    same!(audits);
    same!(actions);
    same!(posts);
    same!(feedback);
    same!(events);
    same!(nominations);
    assert_eq!(locate(data.cross_check(), &parsed.places), vec![]);

    // Every sampled child was open and allocated; audits are stratified per cycle.
    let full: Vec<_> = data
        .audits
        .iter()
        .filter(|a| a.kind == AuditKind::Full)
        .collect();
    assert!(full.len() >= 8 * 5, "{}", full.len());
    let completed: Vec<_> = full.iter().filter(|a| a.is_completed()).collect();
    let share = completed.len() as f64 / full.len() as f64;
    assert!((0.7..0.95).contains(&share), "completion {share}");
    let graded = |g: Grade| {
        completed
            .iter()
            .filter(|a| a.final_grade() == Some(g))
            .count() as f64
    };
    let good = (graded(Grade::Outstanding) + graded(Grade::Good)) / completed.len() as f64;
    assert!((0.5..0.8).contains(&good), "good or better {good}");
    assert!(graded(Grade::Inadequate) / (completed.len() as f64) < 0.08);
    assert!(data.audits.iter().any(|a| a.kind == AuditKind::Dip));
    assert!(data.audits.iter().any(|a| a.moderation.is_some()));
    assert!(!data.actions.is_empty());

    // Posts: some vacant, mental health the hardest to fill.
    let on = council.year.end();
    let (by_role, total) = assurance::workforce::posts_on(&data.posts, on);
    assert!(total.vacant > 0 && total.filled > total.vacant, "{total:?}");
    let mh = by_role[&model::WorkerRole::MentalHealthWorker];
    let sw = by_role[&model::WorkerRole::SocialWorker];
    assert!(mh.vacancy_pct() > sw.vacancy_pct(), "{mh:?} {sw:?}");
    assert!(!data.feedback.is_empty() && !data.events.is_empty() && !data.nominations.is_empty());
}
