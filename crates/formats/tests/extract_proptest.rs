//! The extract reader never panics, whatever bytes it is given.

use formats::extract;
use proptest::prelude::*;

const HEADERS: [&str; 4] = [
    "team_id,name,service,family_safeguarding",
    "worker_id,team_id,role,start_date,end_date,agency",
    "child_id,worker_id,team_id,start_date,end_date",
    "child_id,team_id,start_date,end_date,domestic_abuse,mental_health,substance_use",
];

fn csvish_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => prop::sample::select(b",\"\r\n-0123456789 ".to_vec()),
        2 => prop::sample::select(b"SWTMFPDAHUC".to_vec()),
        1 => any::<u8>(),
    ];
    prop::collection::vec(byte, 0..max)
}

fn read_bytes(bytes: &[u8]) -> Result<formats::Read<extract::Extract>, formats::FormatError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, bytes).unwrap();
    let by_files = extract::read_files(std::slice::from_ref(&path));
    let by_dir = extract::read_dir(dir.path());
    if let Ok(read) = &by_files {
        assert_eq!(
            by_dir.as_ref().ok(),
            Some(read),
            "a folder of one file reads as the file"
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
        header in prop::sample::select(HEADERS.to_vec()),
        body in csvish_bytes(1024),
    ) {
        let mut bytes = format!("{header}\n").into_bytes();
        bytes.extend_from_slice(&body);
        match read_bytes(&bytes) {
            Ok(read) => {
                for p in &read.problems {
                    prop_assert!(!p.message.is_empty());
                }
            }
            Err(e) => prop_assert!(
                matches!(e, formats::FormatError::Csv { .. } | formats::FormatError::Encoding { .. }),
                "{e}"
            ),
        }
    }
}
