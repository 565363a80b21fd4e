//! The pack as one self-contained HTML file: styles inline, charts as inline SVG each followed
//! by the table of its numbers, no script and nothing fetched from elsewhere.

use crate::view::{Block, Cell, Pack, Table};
use std::fmt::Write as _;

const STYLE: &str = "
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 2rem; margin-bottom: .25rem; }
h2 { font-size: 1.5rem; border-top: 4px solid #1d70b8; padding-top: .5rem; margin-top: 2.5rem; }
.meta { color: #505a5f; }
.audience { border-left: 6px solid #1d70b8; padding: .5rem 1rem; background: #f3f2f1; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 700; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: .3rem .4rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; break-inside: avoid; }
.note { color: #505a5f; font-size: .85rem; }
nav ol { columns: 2; }
";

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, t: &Table) {
    let _ = write!(
        out,
        "<table id=\"{}\"><caption>{}</caption><thead><tr>",
        esc(&t.id),
        esc(&t.title)
    );
    // A column is numeric when every filled cell in it is.
    let numeric: Vec<bool> = (0..t.columns.len())
        .map(|c| {
            let mut any = false;
            for row in &t.rows {
                match row.get(c) {
                    Some(Cell::Empty) | None => {}
                    Some(cell) if cell.is_numeric() => any = true,
                    Some(_) => return false,
                }
            }
            any
        })
        .collect();
    for (c, name) in t.columns.iter().enumerate() {
        let class = if numeric[c] { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", esc(name));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let class = if numeric.get(c).copied().unwrap_or(false) {
                " class=\"num\""
            } else {
                ""
            };
            if c == 0 {
                let _ = write!(out, "<th scope=\"row\"{class}>{}</th>", esc(&cell.text()));
            } else {
                let _ = write!(out, "<td{class}>{}</td>", esc(&cell.text()));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if let Some(note) = &t.note {
        let _ = write!(out, "<p class=\"note\">{}</p>", esc(note));
    }
}

/// The pack as HTML.
pub fn render(pack: &Pack) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}, {period}</title><style>{STYLE}{chart}</style></head><body><main>\
         <h1>{title}</h1><p class=\"meta\">{period}: {dates}</p>\
         <p class=\"audience\"><strong>Audience: {audience}.</strong> {note}</p><nav aria-label=\"Contents\"><h2>Contents</h2><ol>",
        title = esc(&pack.title),
        period = esc(&pack.period),
        dates = esc(&pack.period_dates),
        audience = esc(pack.audience),
        note = esc(&pack.audience_note),
        chart = report::svg::CSS,
    );
    for s in &pack.sections {
        let _ = write!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            esc(&s.id),
            esc(&s.title)
        );
    }
    out.push_str("</ol></nav>");
    for s in &pack.sections {
        let _ = write!(
            out,
            "<section id=\"{}\"><h2>{}</h2>",
            esc(&s.id),
            esc(&s.title)
        );
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => {
                    let _ = write!(out, "<p>{}</p>", esc(p));
                }
                Block::Table(t) => table(&mut out, t),
                Block::Chart(c) => {
                    out.push_str("<figure>");
                    out.push_str(&c.svg());
                    table(&mut out, &c.table);
                    out.push_str("</figure>");
                }
            }
        }
        out.push_str("</section>");
    }
    out.push_str("</main></body></html>\n");
    out
}
