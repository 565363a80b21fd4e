//! A table as Parquet, written with the `parquet` crate's low-level API (no Arrow): the schema
//! comes from the table's [`TableDoc`], rows are buffered column by column and written as a row
//! group every [`ROW_GROUP_ROWS`] rows, Snappy-compressed.

use crate::rows::{RowSink, Value, WriteError, check};
use crate::schema::{ColumnType, TableDoc};
use model::Date;
use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::fs::File;
use std::io::BufWriter;
use std::sync::Arc;

/// Rows per row group: large enough for readers to scan efficiently, small enough that the
/// buffered columns of the widest table stay within tens of MB however many rows it has.
const ROW_GROUP_ROWS: usize = 128 * 1024;

pub(crate) struct ParquetTable {
    table: &'static TableDoc,
    writer: SerializedFileWriter<BufWriter<File>>,
    columns: Vec<ColumnBuffer>,
    buffered: usize,
    rows: u64,
}

/// The values of one column in the current row group. Only present values are kept; `defs`
/// holds the definition level of every row (1 present, 0 missing) for nullable columns.
struct ColumnBuffer {
    defs: Vec<i16>,
    values: Values,
}

enum Values {
    Text(Vec<ByteArray>),
    Date(Vec<i32>),
    Boolean(Vec<bool>),
    Integer(Vec<i64>),
}

/// The Parquet schema of a table: one flat column per documented column.
fn schema(table: &TableDoc) -> Result<Type, WriteError> {
    let mut fields = Vec::with_capacity(table.columns.len());
    for column in table.columns {
        let (physical, logical) = match column.ty {
            ColumnType::Text => (PhysicalType::BYTE_ARRAY, Some(LogicalType::String)),
            ColumnType::Date => (PhysicalType::INT32, Some(LogicalType::Date)),
            ColumnType::Boolean => (PhysicalType::BOOLEAN, None),
            ColumnType::Integer => (PhysicalType::INT64, None),
        };
        let repetition = if column.nullable {
            Repetition::OPTIONAL
        } else {
            Repetition::REQUIRED
        };
        let field = Type::primitive_type_builder(column.name, physical)
            .with_repetition(repetition)
            .with_logical_type(logical)
            .build()?;
        fields.push(Arc::new(field));
    }
    Ok(Type::group_type_builder(table.name)
        .with_fields(fields)
        .build()?)
}

/// Days since 1970-01-01, as Parquet's `DATE` counts them (the days-from-civil algorithm of
/// Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms").
fn days_since_epoch(d: Date) -> i32 {
    let (y, m, d) = (
        i32::from(d.year()),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

impl ParquetTable {
    pub(crate) fn create(table: &'static TableDoc, file: File) -> Result<Self, WriteError> {
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = SerializedFileWriter::new(
            BufWriter::new(file),
            Arc::new(schema(table)?),
            Arc::new(properties),
        )?;
        let columns = table
            .columns
            .iter()
            .map(|c| ColumnBuffer {
                defs: Vec::new(),
                values: match c.ty {
                    ColumnType::Text => Values::Text(Vec::new()),
                    ColumnType::Date => Values::Date(Vec::new()),
                    ColumnType::Boolean => Values::Boolean(Vec::new()),
                    ColumnType::Integer => Values::Integer(Vec::new()),
                },
            })
            .collect();
        Ok(Self {
            table,
            writer,
            columns,
            buffered: 0,
            rows: 0,
        })
    }

    /// Writes the buffered rows as one row group.
    fn flush_row_group(&mut self) -> Result<(), WriteError> {
        if self.buffered == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for (buffer, column) in self.columns.iter_mut().zip(self.table.columns) {
            let mut writer = group
                .next_column()?
                .ok_or("internal error: the Parquet schema has fewer columns than the table")?;
            let defs = column.nullable.then_some(buffer.defs.as_slice());
            match (&mut buffer.values, writer.untyped()) {
                (Values::Text(v), ColumnWriter::ByteArrayColumnWriter(w)) => {
                    w.write_batch(v, defs, None)?;
                    v.clear();
                }
                (Values::Date(v), ColumnWriter::Int32ColumnWriter(w)) => {
                    w.write_batch(v, defs, None)?;
                    v.clear();
                }
                (Values::Boolean(v), ColumnWriter::BoolColumnWriter(w)) => {
                    w.write_batch(v, defs, None)?;
                    v.clear();
                }
                (Values::Integer(v), ColumnWriter::Int64ColumnWriter(w)) => {
                    w.write_batch(v, defs, None)?;
                    v.clear();
                }
                _ => {
                    return Err(format!(
                        "internal error: column {} has another Parquet type than its buffer",
                        column.name
                    )
                    .into());
                }
            }
            buffer.defs.clear();
            writer.close()?;
        }
        group.close()?;
        self.buffered = 0;
        Ok(())
    }

    /// Writes the last row group and the footer; returns the file with the number of rows written.
    pub(crate) fn finish(mut self) -> Result<(File, u64), WriteError> {
        self.flush_row_group()?;
        let buffered = self.writer.into_inner()?;
        let file = buffered.into_inner().map_err(|e| e.into_error())?;
        Ok((file, self.rows))
    }
}

impl RowSink for ParquetTable {
    fn row(&mut self, values: &[Value<'_>]) -> Result<(), WriteError> {
        check(self.table, values)?;
        for (buffer, value) in self.columns.iter_mut().zip(values) {
            let present = match (&mut buffer.values, *value) {
                (Values::Text(v), Value::Text(x)) => x.map(|s| v.push(ByteArray::from(s))),
                (Values::Date(v), Value::Date(x)) => x.map(|d| v.push(days_since_epoch(d))),
                (Values::Boolean(v), Value::Boolean(x)) => x.map(|b| v.push(b)),
                (Values::Integer(v), Value::Integer(x)) => x.map(|n| v.push(n)),
                // `check` has matched every value to its column's type.
                _ => return Err("internal error: a value of another type than its column".into()),
            };
            buffer.defs.push(i16::from(present.is_some()));
        }
        self.buffered += 1;
        self.rows += 1;
        if self.buffered >= ROW_GROUP_ROWS {
            self.flush_row_group()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_count_days_from_1970() {
        assert_eq!(days_since_epoch(date(1970, 1, 1)), 0);
        assert_eq!(days_since_epoch(date(1969, 12, 31)), -1);
        assert_eq!(days_since_epoch(date(2000, 3, 1)), 11_017);
        assert_eq!(days_since_epoch(date(2024, 2, 29)), 19_782);
        assert_eq!(days_since_epoch(date(2026, 3, 31)), 20_543);
        // Every day for 200 years is one more than the day before.
        let mut d = date(1900, 1, 1);
        let mut n = days_since_epoch(d);
        while d < date(2100, 1, 1) {
            d = d.tomorrow().unwrap();
            n += 1;
            assert_eq!(days_since_epoch(d), n, "{d}");
        }
    }
}
