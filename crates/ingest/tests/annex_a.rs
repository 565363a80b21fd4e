//! `harbour load` and the upload recognise an Ofsted Annex A workbook by its content and read it
//! into the batch; a damaged one is refused with its sheet, row and column.

use model::codes::{ReferralSource, Sex};
use model::{Child, ChildId, Contact, Dataset, Date, Referral};

fn workbook(dir: &std::path::Path, sex: Option<Sex>, source: ReferralSource) -> std::path::PathBuf {
    let mut ds = Dataset {
        children: vec![Child {
            id: ChildId("C1".into()),
            sex,
            birth_date: Some(Date::constant(2015, 2, 3)),
            referrals: vec![Referral {
                referral_date: Date::constant(2026, 5, 1),
                source: Some(source),
                ..Referral::default()
            }],
            ..Child::default()
        }],
        contacts: vec![Contact {
            child: ChildId("C1".into()),
            date: Date::constant(2026, 5, 1),
            source: Some(source),
            led_to_referral: true,
        }],
        ..Dataset::default()
    };
    ds.normalise();
    let annex = annex_a::build(&ds, Date::constant(2026, 6, 15));
    let path = dir.join("annex_a.xlsx");
    annex_a::xlsx::write(&annex, &path).unwrap();
    path
}

#[test]
fn an_annex_a_workbook_is_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), Some(Sex::F), ReferralSource::R6);
    let prepared = ingest::prepare(&[path], None, "tester".into(), &mut |_| {}).unwrap();
    assert_eq!(prepared.batch.files.len(), 1);
    assert_eq!(prepared.batch.files[0].kind, store::ReturnKind::AnnexA);
    let ds = &prepared.batch.dataset;
    assert_eq!(ds.children.len(), 1);
    let c = &ds.children[0];
    assert_eq!(c.sex, Some(Sex::F));
    assert_eq!(c.referrals.len(), 1);
    assert_eq!(c.referrals[0].source, Some(ReferralSource::R6));
    assert_eq!(ds.contacts.len(), 1);
    assert!(ds.contacts[0].led_to_referral);
}

#[test]
fn a_damaged_annex_a_is_refused_with_its_place() {
    use calamine_free_edit::*;
    let dir = tempfile::tempdir().unwrap();
    let path = bad_workbook(dir.path());
    let err = ingest::prepare(&[path], None, "tester".into(), &mut |_| {}).unwrap_err();
    let ingest::IngestError::Refused { problems, .. } = err else {
        panic!("not refused: {err}");
    };
    let text = problems.join("\n");
    assert!(
        text.contains("List 3 row 2 column F (Date of referral): \"32/13/2026\" is not a date"),
        "{text}"
    );
}

/// A hand-written list 3 with a bad date.
mod calamine_free_edit {
    pub fn bad_workbook(dir: &std::path::Path) -> std::path::PathBuf {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let s = wb.add_worksheet();
        s.set_name("List 3").unwrap();
        for (c, h) in annex_a::spec::LIST_3.columns.iter().enumerate() {
            s.write_string(0, c as u16, h.heading).unwrap();
        }
        for (c, v) in [
            "C9",
            "a) Male",
            "a) WBRI",
            "",
            "",
            "32/13/2026",
            "q) 6: Police",
            "b) No",
            "1",
        ]
        .iter()
        .enumerate()
        {
            s.write_string(1, c as u16, *v).unwrap();
        }
        let path = dir.join("list3.xlsx");
        wb.save(&path).unwrap();
        path
    }
}
