//! The pack's PDF, read back with poppler's tools as a person would see it: every page drawn
//! (pdftoppm) and none blank; its text (pdftotext) shows the panel no count from 1 to 5.

use disclosure::{Audience, Policy, Published};
use pack::build::{Inputs, Provenance, build};
use pack::view::{Block, Cell, Pack};
use pack::{Quarter, demo};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn make(council: &synth::Council, audience: Audience) -> Pack {
    let population = metrics::Population {
        area: "Synthetic".to_string(),
        vintage: "synthetic".to_string(),
        children: BTreeMap::from([
            (2025, u64::from(council.population_0_17)),
            (2026, u64::from(council.population_0_17)),
        ]),
    };
    let (plan, recs, savings, costs) = (
        demo::plan(),
        demo::recommendations(),
        demo::savings(),
        demo::placement_costs(),
    );
    let assurance = synth::assurance::generate(council, 7);
    build(&Inputs {
        dataset: &council.dataset,
        population: Some(&population),
        settings: &metrics::Settings::default(),
        quarter: "2025-26-Q3".parse::<Quarter>().unwrap(),
        audience,
        policy: &Policy::default(),
        targets: &[],
        plan: Some(&plan),
        recommendations: Some(&recs),
        savings: Some(&savings),
        costs: Some(&costs),
        assurance: Some(&assurance),
        provenance: &Provenance {
            generator: "harbour test".to_string(),
            generated_at: "2026-01-15T09:00:00Z".to_string(),
            store: "a test".to_string(),
            ..Provenance::default()
        },
    })
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} runs (poppler-utils; scripts/test.sh installs it): {e}")
    });
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The whole numbers from 1 to 5 standing alone in `text` (a digit run with no digit, `.` or
/// `,` joined to a digit on either side), counted.
fn small_numbers(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            if matches!(token.as_str(), "1" | "2" | "3" | "4" | "5") {
                count += 1;
            }
        } else {
            i += 1;
        }
    }
    count
}

/// Every text of the pack that is not a count of children, and the text drawn in its charts.
fn non_count_text(pack: &Pack) -> String {
    let mut out = format!(
        "{}\n{}\n{}\n{}\n{}\n",
        pack.title, pack.period, pack.period_dates, pack.audience, pack.audience_note
    );
    for s in &pack.sections {
        out.push_str(&s.title);
        out.push('\n');
        for b in &s.blocks {
            let mut table = |t: &pack::view::Table| {
                out.push_str(&t.title);
                out.push('\n');
                out.push_str(&t.columns.join("\n"));
                out.push('\n');
                for row in &t.rows {
                    for cell in row {
                        if !matches!(cell, Cell::Count(_)) {
                            out.push_str(&cell.text());
                            out.push('\n');
                        }
                    }
                }
                if let Some(n) = &t.note {
                    out.push_str(n);
                    out.push('\n');
                }
            };
            match b {
                Block::Paragraph(p) => {
                    out.push_str(p);
                    out.push('\n');
                }
                Block::Table(t) => table(t),
                Block::Chart(c) => {
                    table(&c.table);
                    // The chart's drawn text: axis labels and ticks.
                    let svg = c.svg();
                    for piece in svg.split("<text").skip(1) {
                        if let Some(inner) = piece
                            .split_once('>')
                            .and_then(|(_, r)| r.split_once("</text>"))
                        {
                            out.push_str(inner.0);
                            out.push('\n');
                        }
                    }
                }
            }
        }
    }
    out
}

/// pdftotext's text without the page furniture ("… Page 3 of 40").
fn pdf_text(path: &Path) -> String {
    let out = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            !matches!(words.as_slice(), ["Page", n, "of", m] if n.parse::<u32>().is_ok() && m.parse::<u32>().is_ok())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_pdf_has_every_page_drawn_and_shows_the_panel_no_small_count() {
    let council = synth::generate(&synth::SynthConfig {
        children: 1_500,
        seed: 7,
        ..synth::SynthConfig::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let mut small_in = BTreeMap::new();
    for (audience, name) in [
        (Audience::Internal, "internal"),
        (Audience::Scrutiny, "scrutiny"),
    ] {
        let pack = make(&council, audience);
        let (pdf, pages) = pack_pdf::render_with_page_count(&pack).unwrap();
        assert!(pages >= 10, "{name}: {pages} pages");
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf).unwrap();

        // Every page drawn, at 20 dpi, as PPM: the count is the document's, and none is blank.
        let prefix = dir.path().join(name);
        tool(
            "pdftoppm",
            &["-r", "20", path.to_str().unwrap(), prefix.to_str().unwrap()],
        );
        let mut images: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "ppm")
                    && p.file_name().unwrap().to_string_lossy().starts_with(name)
            })
            .collect();
        images.sort();
        assert_eq!(images.len(), pages, "{name}: pdftoppm drew every page");
        for image in &images {
            let bytes = std::fs::read(image).unwrap();
            // P6, width, height, 255, then RGB bytes: a blank page is white throughout.
            let header_end = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .nth(2)
                .unwrap()
                .0
                + 1;
            let dark = bytes[header_end..].iter().filter(|b| **b < 200).count();
            assert!(dark > 100, "{} is blank", image.display());
        }

        let text = pdf_text(&path);
        if std::env::var_os("PACK_PDF_DEBUG").is_some() {
            std::fs::write(format!("/tmp/pack-{name}.txt"), &text).unwrap();
            std::fs::write(
                format!("/tmp/pack-{name}-allowed.txt"),
                non_count_text(&pack),
            )
            .unwrap();
        }
        small_in.insert(
            name,
            (small_numbers(&text), small_numbers(&non_count_text(&pack))),
        );
        if audience == Audience::Scrutiny {
            // Something the pack shows is in the PDF's text.
            assert!(text.contains("Scrutiny panel recommendations"));
            // The practice-assurance sections are typeset, so the check above reads them too.
            for heading in [
                "Case audits: completion and grades by cycle",
                "Feedback from children and families",
                "Posts by discipline",
                "Caseloads of social workers",
            ] {
                assert!(text.contains(heading), "{heading}");
            }
            let shown = pack
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .filter_map(|b| match b {
                    Block::Table(t) if t.id == "placement_mix" => Some(t),
                    _ => None,
                })
                .flat_map(|t| t.rows.iter().flatten())
                .filter(|c| matches!(c, Cell::Count(Published::Count(_))))
                .count();
            assert!(shown > 0);
        }
    }
    let (internal_pdf, internal_allowed) = small_in["internal"];
    assert!(
        internal_pdf > internal_allowed,
        "the internal PDF shows small counts ({internal_pdf} small numbers, {internal_allowed} from other text), so the check can fail"
    );
    let (scrutiny_pdf, scrutiny_allowed) = small_in["scrutiny"];
    assert!(
        scrutiny_pdf <= scrutiny_allowed,
        "the scrutiny PDF has {scrutiny_pdf} numbers from 1 to 5 where its non-count text has {scrutiny_allowed}"
    );
}
