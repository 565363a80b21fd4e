//! Annex A produced from a synthetic council, written as a workbook, read back: the same lists
//! cell for cell, and the same facts in the model.

use annex_a::read::{Severity, read_bytes, read_workbook};
use annex_a::{AnnexA, build, xlsx};
use model::{Dataset, Date};

const D: Date = Date::constant(2026, 3, 31);

fn council() -> Dataset {
    synth::generate(&synth::SynthConfig {
        children: 1_500,
        seed: 7,
        ..synth::SynthConfig::default()
    })
    .dataset
}

/// Columns whose value rests on history Annex A does not carry (records outside the list's
/// window, or not in any list), so a dataset read from Annex A cannot give them again.
const FROM_OUTSIDE: &[(u8, &str)] = &[
    (3, "Number of Referrals in Last 12 Months"),
    (5, "Number of Section 47 Enquiries in the last 12 months"),
    (5, "Number of ICPCs in the last 12 months"),
    (6, "Case Status"),
    (
        7,
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
    ),
    (
        8,
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
    ),
    (8, "Number of Placements in the Last 12 months"),
    (
        8,
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    ),
    (
        8,
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    ),
    (
        8,
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    ),
    (
        8,
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    ),
    (10, "Date the Child Entered Care"),
    (10, "Date of Placement Order"),
    (10, "Date Placed for Adoption"),
    (10, "Date of Adoption Order"),
    (
        10,
        "Date the child was placed for fostering in FFA or concurrent planning placement",
    ),
];

#[test]
fn produce_read_back_same_lists_and_same_facts() {
    let ds = council();
    let first = build(&ds, D);
    // Every list but 2 and 11 (which the model cannot fill) has rows.
    for n in [1, 3, 4, 5, 6, 7, 8, 9, 10] {
        assert!(!first.list(n).rows.is_empty(), "list {n} is empty");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annex_a.xlsx");
    xlsx::write(&first, &path).unwrap();
    let back = read_workbook(&path, Some(D));
    let errors: Vec<_> = back
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // 1. The workbook holds the lists exactly: every row, every cell.
    assert_eq!(back.lists.len(), 11);
    for (a, b) in first.lists.iter().zip(&back.lists) {
        assert_eq!(a.number, b.number);
        assert_eq!(a.rows, b.rows, "list {}", a.number);
    }

    // 2. The model holds the same facts: Annex A built again from what was read gives the same
    //    rows, but for the columns that rest on history outside the lists.
    let again = build(&back.dataset, D);
    for n in [1u8, 3, 4, 5, 6, 7, 8, 10] {
        let (a, b) = (first.list(n), again.list(n));
        assert_eq!(a.rows.len(), b.rows.len(), "list {n}: rows");
        let skip: Vec<usize> = FROM_OUTSIDE
            .iter()
            .filter(|(l, _)| *l == n)
            .filter_map(|(_, h)| a.spec().index(h))
            .collect();
        for (r, (x, y)) in a.rows.iter().zip(&b.rows).enumerate() {
            for (c, (p, q)) in x.iter().zip(y).enumerate() {
                if !skip.contains(&c) {
                    assert_eq!(
                        p,
                        q,
                        "list {n} row {r} column {:?}",
                        a.spec().columns[c].heading
                    );
                }
            }
        }
    }
    // One record per natural key, as the store requires.
    let visits = &back.dataset.visits;
    assert!(
        visits
            .windows(2)
            .all(|w| model::visit_key(&w[0]) != model::visit_key(&w[1]))
    );
    let contacts = &back.dataset.contacts;
    assert!(
        contacts
            .windows(2)
            .all(|w| model::contact_key(&w[0]) != model::contact_key(&w[1]))
    );
    for c in &back.dataset.children {
        assert!(
            c.referrals
                .windows(2)
                .all(|w| w[0].referral_date < w[1].referral_date)
        );
    }
    // List 9's care-leaver records are in the model as written.
    let l9 = first.list(9);
    for r in 0..l9.rows.len() {
        let id = l9.cell(r, "Child Unique ID").as_text().unwrap();
        let child = back.dataset.child(&model::ChildId(id.into())).unwrap();
        let record = child.care_leaver_records.last();
        assert_eq!(
            record.and_then(|x| x.in_touch).map(|t| t.code()),
            l9.cell(r, "LA in Touch").as_code(),
            "{id}"
        );
        assert_eq!(
            record.and_then(|x| x.activity).map(|t| t.code()),
            l9.cell(r, "Activity Status").as_code(),
            "{id}"
        );
    }
    // Contacts: as many as list 1 has rows, and those that led to a referral are the ones with
    // a list 3 referral that day.
    assert_eq!(back.dataset.contacts.len(), first.list(1).rows.len());
    let analysis = annex_a::analyse(&first);
    let led = back
        .dataset
        .contacts
        .iter()
        .filter(|c| c.led_to_referral)
        .count() as u64;
    assert_eq!(
        analysis
            .figure(
                "Contacts and referrals in the six months",
                "contacts that became a referral the same day"
            )
            .unwrap()
            .count,
        led
    );
    // And the analysis of what was read is the analysis of what was written.
    let read_annex = AnnexA {
        inspection_date: D,
        lists: back.lists.clone(),
    };
    assert_eq!(annex_a::analyse(&read_annex), analysis);
}

#[test]
fn a_damaged_workbook_gives_findings_naming_sheet_row_and_column() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.set_name("List 1 - Contacts").unwrap();
    // Pre-2026 heading `Gender` is read as `Sex`; one column missing, one unknown.
    for (c, h) in [
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Date of Contact",
        "Favourite colour",
    ]
    .iter()
    .enumerate()
    {
        s.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "C1",
        "b) Female",
        "a) WBRI",
        "31/02/2015",
        "ten",
        "01/03/2026",
    ]
    .iter()
    .enumerate()
    {
        s.write_string(1, c as u16, *v).unwrap();
    }
    for (c, v) in ["C2", "Dragon", "zz) ABCD", "01/01/2015", "11", ""]
        .iter()
        .enumerate()
    {
        s.write_string(2, c as u16, *v).unwrap();
    }
    s.write_string(3, 1, "a) Male").unwrap(); // no child id
    let bytes = wb.save_to_buffer().unwrap();
    let out = read_bytes(&bytes, None);
    let show: Vec<String> = out.findings.iter().map(|f| f.to_string()).collect();
    let has = |needle: &str| {
        assert!(
            show.iter().any(|s| s.contains(needle)),
            "no finding with {needle:?} in {show:#?}"
        )
    };
    has("List 1 - Contacts row 1 column G (Favourite colour): list 1 has no such column");
    has("List 1 - Contacts row 1 (Contact Source): the column \"Contact Source\" is missing");
    has("List 1 - Contacts row 2 column D (Date of Birth): \"31/02/2015\" is not a date");
    has("List 1 - Contacts row 2 column E (Age of Child (Years)): \"ten\" is not a whole number");
    has("List 1 - Contacts row 3 column B (Sex): \"Dragon\" is not one of the template's values");
    has(
        "List 1 - Contacts row 3 column C (Ethnicity): \"zz) ABCD\" is not one of the template's values",
    );
    has(
        "List 1 - Contacts row 3 column F (Date of Contact): blank, where the template wants a value",
    );
    has("List 1 - Contacts row 4 column A (Child Unique ID): no child id: the row is not read");
    // Lists 2 to 11 have no sheet.
    assert_eq!(
        out.findings
            .iter()
            .filter(|f| f.rule == annex_a::read::rules::SHEET)
            .count(),
        10
    );
    // What could be read is in the model: C1 a girl, with one contact; C2 without a contact date.
    let c1 = out.dataset.child(&model::ChildId("C1".into())).unwrap();
    assert_eq!(c1.sex, Some(model::codes::Sex::F));
    assert_eq!(c1.birth_date, None);
    assert_eq!(out.dataset.contacts.len(), 1);
    assert_eq!(out.dataset.contacts[0].date, Date::constant(2026, 3, 1));
    assert_eq!(out.dataset.children.len(), 2);
}

#[test]
fn a_file_that_is_not_a_workbook_is_one_finding_about_the_whole_file() {
    let out = read_bytes(b"child_id,sex\nC1,F\n", None);
    assert_eq!(out.findings.len(), 1);
    let shown = out.findings[0].to_string();
    assert!(
        shown.starts_with("not an xlsx workbook: "),
        "no sheet to name, so no empty place before the message: {shown}"
    );
    assert!(shown.ends_with(", error]"), "{shown}");
    assert_eq!(out.errors(), 1);
    assert!(out.dataset.children.is_empty());
}
