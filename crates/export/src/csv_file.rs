//! A table as CSV: a header row of column names, then one record per row. Dates are ISO
//! `YYYY-MM-DD`, flags `true`/`false`, and a missing value is an empty field.

use crate::rows::{RowSink, Value, WriteError, check};
use crate::schema::TableDoc;
use std::fmt::Write as _;
use std::fs::File;

pub(crate) struct CsvTable {
    table: &'static TableDoc,
    writer: csv::Writer<File>,
    /// Reused to format dates and numbers.
    field: String,
    rows: u64,
}

impl CsvTable {
    pub(crate) fn create(table: &'static TableDoc, file: File) -> Result<Self, WriteError> {
        let mut writer = csv::WriterBuilder::new().from_writer(file);
        writer.write_record(table.columns.iter().map(|c| c.name))?;
        Ok(Self {
            table,
            writer,
            field: String::new(),
            rows: 0,
        })
    }

    /// Flushes the file and returns it with the number of rows written.
    pub(crate) fn finish(self) -> Result<(File, u64), WriteError> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        Ok((file, self.rows))
    }
}

impl RowSink for CsvTable {
    fn row(&mut self, values: &[Value<'_>]) -> Result<(), WriteError> {
        check(self.table, values)?;
        for value in values {
            self.field.clear();
            match *value {
                Value::Text(Some(s)) => self.field.push_str(s),
                Value::Date(Some(d)) => write!(self.field, "{d}")?,
                Value::Boolean(Some(b)) => self.field.push_str(if b { "true" } else { "false" }),
                Value::Integer(Some(n)) => write!(self.field, "{n}")?,
                Value::Text(None)
                | Value::Date(None)
                | Value::Boolean(None)
                | Value::Integer(None) => {}
            }
            self.writer.write_field(&self.field)?;
        }
        // An empty record ends the one the fields above were written to.
        self.writer.write_record(None::<&[u8]>)?;
        self.rows += 1;
        Ok(())
    }
}
