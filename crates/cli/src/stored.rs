//! Commands over what is stored: `export` (the child-journey tables for analysts), `loads` (the
//! lineage of every load) and `access-log` (who took out child-level data).

use anyhow::Context as _;
use std::fmt::Write as _;
use std::path::Path;
use store::{AccessEntry, AsAt, Channel, Store};

/// `harbour export`: writes the child-journey tables of the stored data (as at `as_at`) to `out`,
/// and records in the access log that child-level data left the store.
pub(crate) async fn export(
    store: &Store,
    format: export::Format,
    out: &Path,
    as_at: AsAt,
) -> anyhow::Result<()> {
    let snapshot = store
        .dataset_as_at(as_at)
        .await
        .context("cannot read the store")?;
    let Some(load_id) = snapshot.load_id else {
        anyhow::bail!("the store held no data at that point: nothing to export");
    };
    let children = snapshot.dataset.children.len();
    // Logged before the files are written: an export that fails half-way has still taken data out.
    store
        .log_access(&[AccessEntry {
            actor: crate::load::loaded_by(),
            channel: Channel::Cli,
            action: "harbour export".into(),
            subject: format!(
                "all children ({children}), {} tables as {}, data as at load {load_id}, to {}",
                export::TABLES.len(),
                format.extension(),
                out.display()
            ),
            child_id: None,
        }])
        .await
        .context("cannot write the access log, so nothing was exported")?;
    let written = export::write_tables(&snapshot.dataset, out, format)?;
    let rows: u64 = written.iter().map(|w| w.rows).sum();
    eprintln!(
        "exported {} tables ({rows} rows, {children} children, data as at load {load_id}) to {}; \
         columns are described in docs/export.md",
        written.len(),
        out.display()
    );
    Ok(())
}

/// `harbour loads`: every load with its files and the records it brought.
pub(crate) async fn loads(store: &Store, format: crate::ListFormat) -> anyhow::Result<String> {
    let loads = store.loads().await.context("cannot read the store")?;
    Ok(match format {
        crate::ListFormat::Csv => {
            let mut out = String::from(
                "load_id,loaded_at,loaded_by,file,sha256,size,return_kind,collection_year\n",
            );
            for l in &loads {
                for f in &l.files {
                    let _ = writeln!(
                        out,
                        "{},{},{},{},{},{},{},{}",
                        l.load_id,
                        l.loaded_at,
                        crate::csv_field(&l.loaded_by),
                        crate::csv_field(&f.name),
                        f.sha256,
                        f.size,
                        f.kind,
                        f.collection_year.map(|y| y.to_string()).unwrap_or_default()
                    );
                }
            }
            out
        }
        crate::ListFormat::Json => {
            let json: Vec<_> = loads
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "load_id": l.load_id,
                        "loaded_at": l.loaded_at,
                        "loaded_by": l.loaded_by,
                        "files": l.files.iter().map(|f| serde_json::json!({
                            "name": f.name,
                            "sha256": f.sha256,
                            "size": f.size,
                            "return_kind": f.kind.as_str(),
                            "collection_year": f.collection_year,
                        })).collect::<Vec<_>>(),
                        "rows": l.rows.iter().map(|(t, n)| (t.clone(), serde_json::json!(n)))
                            .collect::<serde_json::Map<_, _>>(),
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&json)?;
            text.push('\n');
            text
        }
        crate::ListFormat::Text => {
            let mut out = String::new();
            if loads.is_empty() {
                out.push_str("no loads yet\n");
            }
            for l in &loads {
                let records: u64 = l.rows.iter().map(|(_, n)| n).sum();
                let _ = writeln!(
                    out,
                    "load {} at {} by {}: {} file(s), {records} records",
                    l.load_id,
                    l.loaded_at,
                    l.loaded_by,
                    l.files.len()
                );
                for f in &l.files {
                    let year = f
                        .collection_year
                        .map(|y| format!(" {}", model::CollectionYear(y)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "  {} ({}{year}, {} bytes, sha256 {})",
                        f.name, f.kind, f.size, f.sha256
                    );
                }
            }
            out
        }
    })
}

/// `harbour access-log`: the latest entries, newest first. Reading the log is itself logged.
pub(crate) async fn access_log(store: &Store, limit: u32) -> anyhow::Result<String> {
    store
        .log_access(&[AccessEntry {
            actor: crate::load::loaded_by(),
            channel: Channel::Cli,
            action: "harbour access-log".into(),
            subject: format!("the access log (latest {limit} entries)"),
            child_id: None,
        }])
        .await
        .context("cannot write the access log")?;
    let entries = store
        .access_log(limit)
        .await
        .context("cannot read the store")?;
    let mut out = String::from("entry_id,at,actor,channel,action,subject,child_id\n");
    for r in &entries {
        let e = &r.entry;
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            r.entry_id,
            r.at,
            crate::csv_field(&e.actor),
            e.channel.as_str(),
            crate::csv_field(&e.action),
            crate::csv_field(&e.subject),
            crate::csv_field(e.child_id.as_deref().unwrap_or(""))
        );
    }
    Ok(out)
}
