//! The SSDA903 reader never panics, whatever bytes it is given.

use formats::ssda903::{self, Table};
use model::CollectionYear;
use proptest::prelude::*;

const YEAR: CollectionYear = CollectionYear(2026);

/// Bytes that look like CSV more often than random bytes do.
fn csvish_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => prop::sample::select(b",\"\r\n/0123456789 ".to_vec()),
        2 => prop::sample::select(b"CMFUSPNXZ".to_vec()),
        1 => any::<u8>(),
    ];
    prop::collection::vec(byte, 0..max)
}

fn read_bytes(bytes: &[u8]) -> Result<formats::Read<Vec<model::Child>>, formats::FormatError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, bytes).unwrap();
    let by_files = ssda903::read_files(std::slice::from_ref(&path), YEAR);
    let by_dir = ssda903::read_dir(dir.path(), YEAR);
    if let Ok(read) = &by_files {
        assert_eq!(
            by_dir.as_ref().ok(),
            Some(read),
            "a folder of one table reads as the file"
        );
    }
    by_files
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_bytes(&bytes);
    }

    #[test]
    fn random_rows_under_a_real_header_never_panic(
        table in prop::sample::select(Table::ALL.to_vec()),
        bom in any::<bool>(),
        body in csvish_bytes(1024),
    ) {
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(table.columns().join(",").as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&body);
        match read_bytes(&bytes) {
            Ok(read) => {
                for p in &read.problems {
                    prop_assert!(!p.message.is_empty());
                }
            }
            // Only text that is not UTF-8 (or holds a NUL byte) stops the read: a full header row
            // is recognised.
            Err(e) => prop_assert!(
                matches!(e, formats::FormatError::Csv { .. } | formats::FormatError::Encoding { .. }),
                "{e}"
            ),
        }
    }

    #[test]
    fn mutated_files_never_panic(
        table in prop::sample::select(Table::ALL.to_vec()),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..20),
    ) {
        // A real row of each table, then bytes replaced, inserted or removed.
        let row: Vec<&str> = table.columns().iter().enumerate().map(|(i, _)| match i {
            0 => "C1",
            1 => "01/04/2025",
            _ => "31/02/2025",
        }).collect();
        let mut bytes = format!("{}\r\n{}\r\n{}\n", table.columns().join(","), row.join(","), row.join(",")).into_bytes();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                bytes.push(byte);
                continue;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        let _ = read_bytes(&bytes);
    }
}
