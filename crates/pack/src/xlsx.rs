//! The pack as an XLSX workbook: a contents sheet, then every table of the pack (the charts'
//! tables included) on a sheet of its own, figures as numbers and withheld figures as the DfE
//! symbols (`c`, `z`, `x`) in text.

use crate::view::{Block, Cell, Pack, Table};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// Every table of the pack with the section it belongs to, in order.
pub fn tables(pack: &Pack) -> Vec<(&str, &Table)> {
    let mut out = Vec::new();
    for s in &pack.sections {
        for b in &s.blocks {
            match b {
                Block::Table(t) => out.push((s.title.as_str(), t)),
                Block::Chart(c) => out.push((s.title.as_str(), &c.table)),
                Block::Paragraph(_) => {}
            }
        }
    }
    out
}

/// Sheet names: at most 31 characters, unique regardless of case.
fn sheet_names(tables: &[(&str, &Table)]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, t) in tables {
        let base: String =
            t.id.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .take(31)
                .collect();
        let mut name = base.clone();
        let mut n = 2;
        while names.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
            let suffix = format!("_{n}");
            name = format!("{}{suffix}", &base[..base.len().min(31 - suffix.len())]);
            n += 1;
        }
        names.push(name);
    }
    names
}

fn write_table(sheet: &mut Worksheet, t: &Table) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, &t.title, &bold)?;
    for (c, name) in t.columns.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, name, &bold)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 3;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match (cell, cell.number()) {
                (Cell::Empty, _) => {}
                (Cell::Text(s), _) => {
                    sheet.write_string(r, c, s)?;
                }
                (
                    Cell::Value {
                        decimals, suffix, ..
                    }
                    | Cell::Number {
                        decimals, suffix, ..
                    },
                    Some(v),
                ) => {
                    let pattern = match (*decimals, *suffix) {
                        (0, _) => "#,##0".to_string(),
                        (d, _) => format!("#,##0.{}", "0".repeat(d)),
                    };
                    // Percentages are kept as the number shown (33.3, not 0.333), as the DfE's
                    // tables do.
                    sheet.write_number_with_format(
                        r,
                        c,
                        v,
                        &Format::new().set_num_format(&pattern),
                    )?;
                }
                (Cell::Pounds(_), Some(v)) => {
                    sheet.write_number_with_format(
                        r,
                        c,
                        v,
                        &Format::new().set_num_format("£#,##0"),
                    )?;
                }
                (Cell::Count(_), Some(v)) => {
                    sheet.write_number(r, c, v)?;
                }
                (_, None) => {
                    sheet.write_string(r, c, cell.text())?;
                }
            }
        }
    }
    if let Some(note) = &t.note {
        sheet.write_string(t.rows.len() as u32 + 4, 0, note)?;
    }
    sheet.set_column_width(0, 40)?;
    Ok(())
}

/// The workbook.
pub fn workbook(pack: &Pack) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let tables = tables(pack);
    let names = sheet_names(&tables);
    let bold = Format::new().set_bold();
    let contents = workbook.add_worksheet();
    contents.set_name("contents")?;
    contents.write_string_with_format(0, 0, format!("{}, {}", pack.title, pack.period), &bold)?;
    contents.write_string(1, 0, &pack.period_dates)?;
    contents.write_string(
        2,
        0,
        format!("Audience: {}. {}", pack.audience, pack.audience_note),
    )?;
    for (c, h) in ["Sheet", "Section", "Table"].iter().enumerate() {
        contents.write_string_with_format(4, c as u16, *h, &bold)?;
    }
    for (i, ((section, t), name)) in tables.iter().zip(&names).enumerate() {
        let r = i as u32 + 5;
        contents.write_string(r, 0, name)?;
        contents.write_string(r, 1, *section)?;
        contents.write_string(r, 2, &t.title)?;
    }
    contents.set_column_width(0, 32)?;
    contents.set_column_width(1, 50)?;
    contents.set_column_width(2, 80)?;
    for ((_, t), name) in tables.iter().zip(&names) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_table(sheet, t)?;
    }
    Ok(workbook)
}
