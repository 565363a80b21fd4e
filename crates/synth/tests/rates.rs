//! At 10,000 children the generated council's rates are close to England's (2024-25 values,
//! research/indicators.md §2.1).

#[test]
fn ten_thousand_children_follow_englands_rates() {
    let config = synth::SynthConfig {
        children: 10_000,
        seed: 1,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    assert_eq!(council.dataset.children.len(), 10_000);
    let r = synth::stats::rates(&council, config.year);
    eprintln!("{r}");
    let near = |name: &str, got: f64, want: f64, tolerance: f64| {
        assert!(
            (got - want).abs() <= tolerance,
            "{name}: {got:.1}, England {want} (± {tolerance})\n{r}"
        );
    };
    near("referrals per 10k", r.referrals_per_10k, 519.0, 1.0);
    near(
        "re-referrals within 12 months %",
        r.rereferral_pct,
        22.6,
        3.0,
    );
    near("referrals NFA %", r.nfa_pct, 6.5, 1.5);
    near(
        "assessments within 45 WD %",
        r.assessments_within_45_pct,
        85.7,
        3.0,
    );
    near(
        "assessment median WD",
        r.assessment_median_wd as f64,
        33.0,
        3.0,
    );
    near("S47 per 10k", r.s47_per_10k, 189.0, 25.0);
    near("ICPC per 10k", r.icpc_per_10k, 59.0, 9.0);
    near("ICPC within 15 WD %", r.icpc_within_15_pct, 81.4, 6.0);
    near("CP starts per 10k", r.cp_starts_per_10k, 51.0, 8.0);
    near(
        "CP plans at 31 March per 10k",
        r.cp_at_end_per_10k,
        40.0,
        7.0,
    );
    near(
        "CP plans ending that lasted 2+ years %",
        r.cp_ending_2y_pct,
        4.4,
        3.5,
    );
    near("CLA at 31 March per 10k", r.cla_at_end_per_10k, 67.0, 10.0);
    near("CLA UASC %", r.cla_uasc_pct, 8.0, 3.5);
    assert!(
        r.cp_starts_from_cin_pct > 5.0,
        "some CP plans start from CIN plans\n{r}"
    );
    assert!(
        r.cla_starts_from_cp_pct > 5.0 && r.cla_starts_from_cin_pct > 5.0,
        "{r}"
    );
}
