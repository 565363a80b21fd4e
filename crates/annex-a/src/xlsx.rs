//! The lists as a workbook: one sheet per list (`List 1` … `List 11`), the template's headings on
//! the first row, one row per record below. Dates are Excel dates shown dd/mm/yyyy, counts are
//! numbers, coded values the template's labels. A field the model does not hold is left empty
//! and its heading carries a note (a cell comment) saying so; a list the model cannot fill at all
//! carries its note on `A1`.

use crate::spec::{Codes, Kind};
use crate::{AnnexA, Cell};
use rust_xlsxwriter::{ExcelDateTime, Format, Note, Workbook, XlsxError};
use std::path::Path;

/// Writes the workbook to `path`.
pub fn write(annex: &AnnexA, path: &Path) -> Result<(), XlsxError> {
    workbook(annex)?.save(path)
}

/// The workbook's bytes.
pub fn to_bytes(annex: &AnnexA) -> Result<Vec<u8>, XlsxError> {
    workbook(annex)?.save_to_buffer()
}

fn workbook(annex: &AnnexA) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let heading = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for list in &annex.lists {
        let spec = list.spec();
        let sheet = wb.add_worksheet();
        sheet.set_name(spec.sheet)?;
        for (c, col) in spec.columns.iter().enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, col.heading, &heading)?;
            sheet.set_column_width(
                c,
                match col.kind {
                    Kind::Date => 12.0,
                    Kind::Count => 10.0,
                    _ => 18.0,
                },
            )?;
        }
        sheet.set_row_height(0, 60)?;
        sheet.set_freeze_panes(1, 0)?;
        if let Some(note) = list.note {
            sheet.insert_note(0, 0, &Note::new(note).set_author("Harbour"))?;
        }
        for (heading, why) in &list.empty_fields {
            if let Some(c) = spec.index(heading) {
                sheet.insert_note(
                    0,
                    c as u16,
                    &Note::new(format!("Left empty: {why}.")).set_author("Harbour"),
                )?;
            }
        }
        for (r, row) in list.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, (cell, col)) in row.iter().zip(spec.columns).enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t)?;
                    }
                    Cell::Count(n) => {
                        sheet.write_number(r, c, f64::from(*n))?;
                    }
                    Cell::Date(d) => {
                        let x = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        sheet.write_date_with_format(r, c, &x, &date)?;
                    }
                    Cell::Code(code) => {
                        let label = match col.kind {
                            Kind::Coded(codes) => label(codes, code),
                            _ => code,
                        };
                        sheet.write_string(r, c, label)?;
                    }
                }
            }
        }
    }
    Ok(wb)
}

fn label(codes: Codes, code: &'static str) -> &'static str {
    codes.table().label(code).unwrap_or(code)
}
