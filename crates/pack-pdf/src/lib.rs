//! The scrutiny pack as PDF: [`pack::view::Pack`] written as typst markup and typeset
//! in-process with the fonts typst ships (Libertinus Serif, New Computer Modern, DejaVu Sans
//! Mono), so the same pack gives the same pages on any machine and nothing is fetched.
//!
//! Every text of the pack goes into the markup as a typst string literal, never as markup, so
//! no value can change the layout; charts go in as the same SVG the HTML shows, with its styles
//! inlined. Kept in its own crate because typst is the heaviest dependency of the workspace: the
//! binary builds it behind its default `pdf` feature.

use pack::view::{Block, Cell, Pack, Table};
use std::fmt::Write as _;
use typst_as_lib::TypstEngine;

/// Why the PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("typesetting the pack failed: {0}")]
    Typeset(String),
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
}

/// A typst string literal holding `s` exactly.
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn table(out: &mut String, t: &Table) {
    let columns = t.columns.len().max(1);
    let numeric: Vec<bool> = (0..columns)
        .map(|c| {
            t.rows
                .iter()
                .any(|r| r.get(c).is_some_and(Cell::is_numeric))
                && t.rows
                    .iter()
                    .all(|r| r.get(c).is_none_or(|x| x.is_numeric() || *x == Cell::Empty))
        })
        .collect();
    let align: Vec<&str> = numeric
        .iter()
        .map(|n| if *n { "right" } else { "left" })
        .collect();
    let _ = writeln!(
        out,
        "#block(breakable: true, width: 100%)[#text(weight: \"bold\", {})\n#table(columns: {columns}, align: ({}), stroke: (x: none, y: 0.5pt + rgb(\"#b1b4b6\")), inset: 4pt,",
        lit(&t.title),
        align.join(", ")
    );
    let header: Vec<String> = t
        .columns
        .iter()
        .map(|c| format!("text(weight: \"bold\", {})", lit(c)))
        .collect();
    // Not repeated on a following page: every figure of the pack appears in the PDF once.
    let _ = writeln!(out, "  table.header(repeat: false, {}),", header.join(", "));
    for row in &t.rows {
        let cells: Vec<String> = (0..columns)
            .map(|c| lit(&row.get(c).map(Cell::text).unwrap_or_default()))
            .collect();
        let _ = writeln!(out, "  {},", cells.join(", "));
    }
    out.push(')');
    if let Some(note) = &t.note {
        let _ = write!(
            out,
            "\n#text(size: 8pt, fill: rgb(\"#505a5f\"), {})",
            lit(note)
        );
    }
    out.push_str("]\n");
}

/// The typst source of the pack, and the chart files it refers to.
pub fn markup(pack: &Pack) -> (String, Vec<(String, Vec<u8>)>) {
    let mut out = String::new();
    let mut files = Vec::new();
    let _ = writeln!(
        out,
        "#set document(title: {title})
#set page(paper: \"a4\", margin: (x: 18mm, y: 20mm), footer: context [#set text(size: 8pt); #h(1fr) Page #counter(page).display() of #counter(page).final().first()])
#set text(font: \"Libertinus Serif\", size: 10pt, lang: \"en\", region: \"gb\")
#set table(inset: 4pt)
#show heading.where(level: 1): set text(size: 22pt)
#show heading.where(level: 2): it => [#pagebreak(weak: true) #block(above: 0pt, below: 10pt, text(size: 16pt, it.body))]
= #{title}
#text(size: 12pt, {dates})

#block(fill: rgb(\"#f3f2f1\"), inset: 8pt, width: 100%)[#text(weight: \"bold\", {audience}) #{note}]
",
        title = lit(&pack.title),
        dates = lit(&format!("{}: {}", pack.period, pack.period_dates)),
        audience = lit(&format!("Audience: {}.", pack.audience)),
        note = lit(&pack.audience_note),
    );
    // The contents as a list of the sections, without page numbers: a number on its own is
    // what a reader could take for a count.
    out.push_str("#heading(level: 3, outlined: false)[Contents]\n");
    for section in &pack.sections {
        let _ = writeln!(out, "- #{}", lit(&section.title));
    }
    for s in &pack.sections {
        let _ = writeln!(out, "== #{}", lit(&s.title));
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => {
                    let _ = writeln!(out, "#par({})\n", lit(p));
                }
                Block::Table(t) => table(&mut out, t),
                Block::Chart(c) => {
                    let name = format!("chart-{}.svg", files.len() + 1);
                    // The chart's styles go inside the SVG, since no page stylesheet reaches it.
                    let svg =
                        c.svg()
                            .replacen('>', &format!("><style>{}</style>", report::svg::CSS), 1);
                    let _ = writeln!(
                        out,
                        "#figure(image({}, width: 100%, alt: {}))",
                        lit(&name),
                        lit(&c.spec.title)
                    );
                    files.push((name, svg.into_bytes()));
                    table(&mut out, &c.table);
                }
            }
        }
    }
    (out, files)
}

/// The pack as PDF bytes.
pub fn render(pack: &Pack) -> Result<Vec<u8>, PdfError> {
    render_with_page_count(pack).map(|(pdf, _)| pdf)
}

/// The pack as PDF bytes, and how many pages it has.
pub fn render_with_page_count(pack: &Pack) -> Result<(Vec<u8>, usize), PdfError> {
    let (source, files) = markup(pack);
    let engine = TypstEngine::builder()
        .main_file(source)
        .fonts(typst_assets::fonts())
        .with_static_file_resolver(
            files
                .iter()
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
        )
        .build();
    let document: typst_layout::PagedDocument = engine
        .compile()
        .output
        .map_err(|e| PdfError::Typeset(e.to_string()))?;
    let pages = document.pages().len();
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        PdfError::Pdf(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok((pdf, pages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_hold_any_text_exactly() {
        assert_eq!(lit(r#"a "b" \c #d [e] $f$"#), r#""a \"b\" \\c #d [e] $f$""#);
        assert_eq!(lit("line\nnext"), r#""line\nnext""#);
    }
}
