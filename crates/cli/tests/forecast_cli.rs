//! `harbour forecast` end to end on a small synthetic council: the workbook's sheets, the
//! savings file beside a CSV, and a bad scenario file refused with its place (exit 1).

use calamine::{Reader, Xlsx, open_workbook};
use std::process::{Command, Output};

fn harbour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn forecast_writes_workbook_and_refuses_bad_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    assert!(
        harbour(&[
            "synth",
            "--children",
            "600",
            "--seed",
            "3",
            "--out",
            &p("data")
        ])
        .status
        .success()
    );
    assert!(
        harbour(&["load", &p("data"), "--database", &p("h.db")])
            .status
            .success()
    );
    std::fs::write(
        p("scenarios.csv"),
        "scenario,change,age_band,placement,to,value\nStep down,move_share,10-16,residential,fostering,0.2\n",
    )
    .unwrap();
    let base = [
        "forecast",
        "--database",
        &p("h.db"),
        "--years",
        "2",
        "--replicates",
        "20",
    ];

    let out = harbour(
        &[
            &base[..],
            &[
                "--scenario",
                &p("scenarios.csv"),
                "--demo-inputs",
                "--format",
                "xlsx",
                "--out",
                &p("f.xlsx"),
            ],
        ]
        .concat(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wb: Xlsx<_> = open_workbook(p("f.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["forecast", "by_year", "rates", "entrants", "unit_costs"]
    );

    let out = harbour(
        &[
            &base[..],
            &["--scenario", &p("scenarios.csv"), "--out", &p("f.csv")],
        ]
        .concat(),
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(p("f.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(forecast_header()));
    // 25 dates (the start and 24 month-ends) × 30 rows × 2 scenarios.
    assert_eq!(lines.count(), 25 * 30 * 2);

    std::fs::write(
        p("bad.csv"),
        "scenario,change,age_band,placement,to,value\nX,move_share,10-16,residential,fostering,2\n",
    )
    .unwrap();
    let out = harbour(&[&base[..], &["--scenario", &p("bad.csv")]].concat());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "bad.csv: line 2, column 6 (`value`): a share a year must be from 0 to below 1"
        ),
        "{err}"
    );
}

fn forecast_header() -> &'static str {
    "scenario,date,age_band,placement,children,children_low,children_high,cost_gbp,cost_low_gbp,cost_high_gbp,vs_base_children,vs_base_cost_gbp"
}
