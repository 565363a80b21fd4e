//! `docs/export.md`, generated from [`TABLES`](crate::TABLES).

use crate::schema::{ColumnType, TABLES};
use std::fmt::Write as _;

/// The reference for the exported tables as Markdown: what `docs/export.md` holds. A test checks
/// that the file is up to date; `HARBOUR_UPDATE_DOCS=1 cargo test -p export` rewrites it.
pub fn markdown() -> String {
    let mut md = String::new();
    md.push_str(
        "# The exported tables\n\
         \n\
         <!-- Generated from crates/export/src/schema.rs; do not edit. \
         Regenerate with `HARBOUR_UPDATE_DOCS=1 cargo test -p export`. -->\n\
         \n\
         `export::write_tables` writes one file per table, `NAME.parquet` or `NAME.csv`, with the \
         columns below in this order. Tables are flat: every table about a child has `child_id`; \
         assessments, CIN plans, section 47 enquiries and CP plans point at their referral by \
         `referral_id`, assessment factors at their assessment by `assessment_id` and CP plan \
         reviews at their plan by `cp_plan_id`. These ids number the records within one export; \
         across exports the natural keys hold (a child's referral by `child_id` and \
         `referral_date`, an episode of care by `child_id` and `start_date`).\n\
         \n\
         Rows come in the order of the dataset: children by id and each child's records by date \
         once the dataset is normalised (`model::Dataset::normalise`).\n\
         \n\
         ## Types\n\
         \n\
         | type | Parquet | CSV | DuckDB |\n\
         |---|---|---|---|\n",
    );
    for (ty, parquet, csv) in [
        (
            ColumnType::Text,
            "`BYTE_ARRAY` (`STRING`)",
            "the text; DfE codes as their code text",
        ),
        (ColumnType::Date, "`INT32` (`DATE`)", "`YYYY-MM-DD`"),
        (ColumnType::Boolean, "`BOOLEAN`", "`true` / `false`"),
        (ColumnType::Integer, "`INT64`", "digits"),
    ] {
        let _ = writeln!(md, "| {ty:?} | {parquet} | {csv} | `{}` |", ty.sql_name());
    }
    md.push_str(
        "\nA missing value is a Parquet null and an empty CSV field (so CSV cannot tell a missing \
         text from an empty one). Columns that can be missing say \"yes\" under *null*. DuckDB's CSV \
         auto-detection gives a column whose values are all missing the type `VARCHAR`, and \
         samples the first rows of a large file: pass `types` or `all_varchar = true` to \
         `read_csv` when a text column that looks numeric early on holds text later (`urn`, `la`), \
         or read the Parquet files, which carry their types.\n",
    );
    for table in &TABLES {
        let _ = write!(
            md,
            "\n## `{}`\n\n{}\n\n| column | type | null | description |\n|---|---|---|---|\n",
            table.name, table.description
        );
        for c in table.columns {
            let _ = writeln!(
                md,
                "| `{}` | {:?} | {} | {} |",
                c.name,
                c.ty,
                if c.nullable { "yes" } else { "no" },
                c.description
            );
        }
    }
    md
}
