//! `harbour validate` and `harbour rule` end to end.

use std::process::{Command, Output};

/// Rule 209's DfE message.
const UPN_UN1: &str = "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.";
/// Rule EPI's DfE message, as the CSV quotes it.
const EPI: &str = "\"WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]\"";

fn harbour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .output()
        .expect("harbour runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

const HEADER: &str = "<Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>";

/// A census of one child whose referral date is after the census year (error 8600) and whose
/// expected date of birth is outside the range queried by 8530Q.
fn census(child: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<Message>\n{HEADER}\n<Children>\n{child}\n</Children>\n</Message>\n"
    )
}

const GOOD_CHILD: &str = "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><UPN>C318010760224</UPN><PersonBirthDate>2012-04-23</PersonBirthDate><Sex>F</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics><CINdetails><CINreferralDate>2025-12-23</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>0</ReferralNFA></CINdetails></Child>";

#[test]
fn errors_fail_the_return_and_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("census.xml");
    let bad = GOOD_CHILD.replace("2025-12-23", "2026-04-01");
    std::fs::write(&path, census(&bad)).unwrap();
    let file = path.to_str().unwrap();

    let out = harbour(&["validate", file]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with(&format!("{file}:5:"))
            && l.contains(
                "error[8600] child A1 CINdetails row 0, CINreferralDate value \"2026-04-01\""
            )),
        "{text}"
    );

    let out = harbour(&["validate", file, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let csv = stdout(&out);
    assert!(
        csv.starts_with("rule_code,child_id,table,field,row,line,column,"),
        "{csv}"
    );
    assert!(
        csv.contains("\n8600,A1,CINdetails,CINreferralDate,0,5,"),
        "{csv}"
    );

    let out = harbour(&["validate", file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["findings"][0]["rule_code"], "8600");
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(json["skipped"], serde_json::json!([]));
}

#[test]
fn a_clean_census_passes_and_queries_alone_do_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("census.xml");
    std::fs::write(&path, census(GOOD_CHILD)).unwrap();
    // The folder is searched; other files in it are passed over.
    std::fs::write(dir.path().join("notes.txt"), "not a census").unwrap();
    let out = harbour(&["validate", dir.path().to_str().unwrap()]);
    let text = stdout(&out);
    // A one-child return uses fewer than 8 disability codes: a query, not an error.
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("query[2887Q]"), "{text}");
    assert!(!text.contains("error["), "{text}");
}

#[test]
fn the_year_comes_from_the_census_or_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("census.xml");
    std::fs::write(
        &path,
        census(GOOD_CHILD).replace("<ReferenceDate>2026-03-31</ReferenceDate>", ""),
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let out = harbour(&["validate", file]);
    // `Year` 2026 still names the year.
    assert_eq!(
        out.status.code(),
        Some(1),
        "rule 100: the reference date is missing"
    );
    assert!(stdout(&out).contains("error[100]"));
    let out = harbour(&["validate", file, "--year", "2023"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_file_that_is_not_a_census_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("episodes.csv");
    std::fs::write(&path, "CHILD,DECOM\n1,2025-01-01\n").unwrap();
    let out = harbour(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_census_cut_short_has_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("census.xml");
    let text = census(GOOD_CHILD);
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let out = harbour(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not well-formed XML"));
}

#[test]
fn rule_explains_a_code() {
    let out = harbour(&["rule", "8525q"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with("CIN rule 8525Q (query; 2023-24, 2024-25, 2025-26)\n"),
        "{text}"
    );
    assert!(
        text.contains("# What it checks") && text.contains("# DfE wording"),
        "{text}"
    );

    let out = harbour(&["rule", "4180", "--year", "2024"]);
    assert!(stdout(&out).contains("Gender is missing"));

    let out = harbour(&["rule", "9999"]);
    assert_eq!(out.status.code(), Some(2));
}

/// An SSDA903 return in XML, told from a CIN census beside it by its root element: its findings
/// are located by table, 0-based row and the line of the element in the XML file.
#[test]
fn an_ssda903_return_in_xml_is_validated_beside_a_census() {
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("return.xml");
    std::fs::write(
        &xml,
        "<?xml version=\"1.0\"?>\n<EXPSSDA903>\n\
         <CHILD><HEADER><CHILDID>C1</CHILDID><SEX>M</SEX><DOB>01/02/2012</DOB><ETHNIC>WBRI</ETHNIC><UPN>UN1</UPN>\n\
         <AD_PLACED><DATE_PLACED>31/06/2025</DATE_PLACED></AD_PLACED></HEADER></CHILD>\n\
         <CHILD><HEADER><CHILDID>C2</CHILDID><SEX>1</SEX><DOB>01/02/2012</DOB><ETHNIC>WBRI</ETHNIC><UPN>UN1</UPN></HEADER></CHILD>\n\
         </EXPSSDA903>\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("census.xml"), census(GOOD_CHILD)).unwrap();
    let out = harbour(&[
        "validate",
        xml.to_str().unwrap(),
        "--year",
        "2026",
        "--format",
        "csv",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out),
        format!(
            "rule_code,child_id,table,field,row,line,column,severity,value,message,file\n\
             105,C1,Header,UASC,0,3,,error,,{uasc},{x}\n\
             209,C1,Header,UPN,0,3,,error,UN1,{upn},{x}\n\
             EPI,C1,Header,CHILD,0,3,,error,C1,{epi},{x}\n\
             101,C2,Header,SEX,1,5,,error,1,The child or young person’s reported sex is not valid.,{x}\n\
             105,C2,Header,UASC,1,5,,error,,{uasc},{x}\n\
             209,C2,Header,UPN,1,5,,error,UN1,{upn},{x}\n\
             EPI,C2,Header,CHILD,1,5,,error,C2,{epi},{x}\n\
             115,C1,PlacedAdoption,DATE_PLACED,0,4,,error,31/06/2025,Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.,{x}\n",
            // School-age children with UPN UN1 (rule 209), no episode (rule EPI), and no
            // <UASC> status (rule 105: the XML form gives the status in HEADER).
            uasc = "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
            upn = UPN_UN1,
            epi = EPI,
            x = xml.display()
        )
    );
    // The folder: the census and the 903 return are each found and validated.
    let out = harbour(&["validate", dir.path().to_str().unwrap(), "--year", "2026"]);
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{}:5: error[101] child C2 Header row 1, SEX value \"1\"",
            xml.display()
        )),
        "{text}"
    );
    // A layout the XML form does not have is an error naming the place and the element.
    std::fs::write(
        &xml,
        "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER><EPISODE><DOB/></EPISODE></CHILD></EXPSSDA903>",
    )
    .unwrap();
    let out = harbour(&["validate", xml.to_str().unwrap(), "--year", "2026"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}: line 2, column 55: <DOB> is not an element of <EPISODE>",
            xml.display()
        )),
        "{err}"
    );
}

/// An SSDA903 return of two tables (recognised by their header rows, whatever their names) with
/// the previous year's: a bad sex code and a date that is not one, each at its table and 0-based
/// row, file and line.
#[test]
fn an_ssda903_return_is_validated_with_its_previous_year() {
    let dir = tempfile::tempdir().unwrap();
    let now = dir.path().join("now");
    let prev = dir.path().join("prev");
    std::fs::create_dir_all(&now).unwrap();
    std::fs::create_dir_all(&prev).unwrap();
    std::fs::write(
        now.join("a.csv"),
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2012,WBRI,UN1,,\nC2,1,01/02/2012,WBRI,UN1,,\n",
    )
    .unwrap();
    std::fs::write(
        now.join("b.csv"),
        "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nC1,01/02/2012,31/06/2025,,\n",
    )
    .unwrap();
    std::fs::write(now.join("notes.txt"), "not a table").unwrap();
    std::fs::write(
        prev.join("header.csv"),
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2012,WBRI,UN1,,\n",
    )
    .unwrap();
    let (now_s, prev_s) = (now.to_str().unwrap(), prev.to_str().unwrap());

    let out = harbour(&[
        "validate", now_s, "--prev", prev_s, "--year", "2026", "--format", "csv",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = stdout(&out);
    let a = now.join("a.csv");
    let b = now.join("b.csv");
    assert_eq!(
        csv,
        format!(
            "rule_code,child_id,table,field,row,line,column,severity,value,message,file\n\
             209,C1,Header,UPN,0,2,,error,UN1,{upn},{a}\n\
             EPI,C1,Header,CHILD,0,2,,error,C1,{epi},{a}\n\
             101,C2,Header,SEX,1,3,,error,1,The child or young person’s reported sex is not valid.,{a}\n\
             209,C2,Header,UPN,1,3,,error,UN1,{upn},{a}\n\
             EPI,C2,Header,CHILD,1,3,,error,C2,{epi},{a}\n\
             115,C1,PlacedAdoption,DATE_PLACED,0,2,,error,31/06/2025,Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.,{b}\n",
            // School-age children with UPN UN1 (rule 209), and no episode (rule EPI).
            upn = UPN_UN1,
            epi = EPI,
            a = a.display(),
            b = b.display()
        )
    );
    let text = stdout(&harbour(&["validate", now_s, "--year", "2026"]));
    assert!(
        text.contains(&format!(
            "{}:3: error[101] child C2 Header row 1, SEX value \"1\"",
            a.display()
        )),
        "{text}"
    );
    // A 903 return says no year of its own.
    let out = harbour(&["validate", now_s]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--year"));

    let out = harbour(&["rule", "101", "--return", "903", "--year", "2024"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("SSDA903 rule 101 (error; 2023-24)\nGender code is not valid.\n"),
        "{text}"
    );
    let out = harbour(&["rule", "115"]);
    assert!(
        stdout(&out).starts_with("SSDA903 rule 115 (error; 2023-24, 2024-25, 2025-26, 2026-27)\n")
    );
}

/// A 2026-27 return (`--year 2027`) brings its DoLo table of deprivation of liberty orders, found
/// in the folder by its header row and checked by rules 700 to 710; the 2025-26 rule set has
/// none of them.
#[test]
fn a_2026_27_return_is_validated_with_its_dolo_table() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("episodes.csv"),
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
         C1,01/05/2026,S,C2,N1,K1,PR1,,,,,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("orders.csv"),
        "CHILD,DOB,DOLO_START,DOLO_END\nC1,01/02/2012,01/06/2026,\nC1,01/02/2012,31/02/2026,\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let csv = stdout(&harbour(&[
        "validate", path, "--year", "2027", "--format", "csv",
    ]));
    let dolo: Vec<String> = csv
        .lines()
        .filter(|l| l.starts_with("70") || l.starts_with("710,"))
        .map(|l| l.split(',').take(5).collect::<Vec<_>>().join(","))
        .collect();
    assert_eq!(
        dolo,
        [
            "709,C1,DoLo,DOLO_START,0",
            "710,C1,DoLo,DOLO_START,0",
            "700,C1,DoLo,DOLO_START,1",
            "709,C1,Episodes,PLACE,0",
            "710,C1,Episodes,PLACE,0",
        ],
        "{csv}"
    );
    let csv = stdout(&harbour(&[
        "validate", path, "--year", "2026", "--format", "csv",
    ]));
    assert!(!csv.contains(",DoLo,"), "{csv}");
    let out = harbour(&["rule", "706"]);
    assert!(
        stdout(&out).starts_with("SSDA903 rule 706 (error; 2026-27)\nThere is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..\n"),
        "{}",
        stdout(&out)
    );
}

/// The 903 rules that look URNs up need Ofsted's provider lists: without `--providers` they are
/// skipped, with a note on stderr and the `skipped` field of the JSON; with the list
/// (`tests/ofsted_providers.csv`, synthetic) they run.
#[test]
fn ssda903_urn_rules_need_the_provider_lists_and_say_when_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("episodes.csv"),
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
         C1,01/05/2025,S,C2,N1,K2,PR4,,,,TW1 1AA,TW9 9ZZ,SC900001\n\
         C2,01/05/2025,S,C2,N1,K2,PR4,,,,TW1 1AA,TW9 9ZZ,SC999999\n\
         C3,01/07/2025,S,C2,N1,K2,PR1,,,,TW1 1AA,TW1 9ZZ,SC900002\n",
    )
    .unwrap();
    let ret = dir.path().to_str().unwrap();
    let list = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ofsted_providers.csv");

    let out = harbour(&["validate", ret, "--year", "2026", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let for_providers = |json: &serde_json::Value| -> Vec<String> {
        json["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["reason"].as_str().unwrap().contains("--providers"))
            .map(|s| s["rule_code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        for_providers(&json),
        ["219", "221", "224", "227", "228", "229", "241", "1008"]
    );
    let codes = |json: &serde_json::Value| -> Vec<String> {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["rule_code"].as_str().unwrap(),
                    f["child_id"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert!(!codes(&json).iter().any(|c| c.starts_with("1008 ")));
    let out = harbour(&["validate", ret, "--year", "2026"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "SSDA903 rules skipped: 219, 221, 224, 227, 228, 229, 241, 1008 (needs Ofsted's provider lists"
        ),
        "{stderr}"
    );

    let out = harbour(&[
        "validate",
        ret,
        "--year",
        "2026",
        "--format",
        "json",
        "--providers",
        list,
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(for_providers(&json).is_empty(), "{}", json["skipped"]);
    let found = codes(&json);
    // C2's URN is not listed; C3 started after SC900002 closed and its open episode runs past
    // the closure.
    for expected in ["1008 C2", "227 C3", "228 C3"] {
        assert!(
            found.iter().any(|c| c == expected),
            "{expected} in {found:?}"
        );
    }
    assert!(
        !found.iter().any(|c| c.ends_with(" C1")
            && ["1008", "219", "221", "224", "227", "228"].contains(&c.split(' ').next().unwrap())),
        "{found:?}"
    );

    // A list without a URN column is an error naming the file.
    let other = tempfile::tempdir().unwrap();
    let bad = other.path().join("list.csv");
    std::fs::write(&bad, "Name,Postcode\nA home,TW9 9ZZ\n").unwrap();
    let out = harbour(&[
        "validate",
        ret,
        "--year",
        "2026",
        "--providers",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("list.csv: line 1") && stderr.contains("URN"),
        "{stderr}"
    );
}

/// The rules on the fields the DfE derives from the postcodes (`PL_LA`, `PL_LOCATION`,
/// `PL_DISTANCE`) and on postcodes run with the ONS postcode directory (`--postcodes`, here the
/// committed cut `rules/tests/data/postcodes.csv`) and the council's ONS code (`--la`); without
/// them they are skipped, each with the option that supplies what it needs.
#[test]
fn ssda903_postcode_rules_run_with_the_postcode_directory_and_the_la_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("episodes.csv"),
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
         C1,01/05/2025,S,C2,N1,U1,PR1,,,,TW9 1HF,TW1 1PE,\n\
         C2,01/05/2025,S,C2,N1,U1,PR1,,,,TW9 1HF,TW9 9ZZ,\n\
         C3,01/05/2025,S,C2,N1,U4,PR1,,,,TW9 1HF,CF10 1EP,XXXXXXX\n",
    )
    .unwrap();
    let ret = dir.path().to_str().unwrap();
    let postcodes = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/tests/data/postcodes.csv"
    );
    let skipped = |json: &serde_json::Value, code: &str| -> Option<String> {
        json["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["rule_code"] == code)
            .map(|s| s["reason"].as_str().unwrap().to_owned())
    };
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["validate", ret, "--year", "2026", "--format", "json"];
        all.extend(args);
        serde_json::from_slice(&harbour(&all).stdout).unwrap()
    };

    let without = json(&[]);
    for code in ["169", "179", "164", "392a", "243", "411"] {
        assert!(
            skipped(&without, code).is_some_and(|r| r.contains("--postcodes")),
            "{code}: {}",
            without["skipped"]
        );
    }
    assert!(skipped(&without, "392c").is_some_and(|r| r.contains("--postcodes FILE")));

    // The directory without the LA code: PL_LOCATION cannot be derived, nor 229 judged.
    let no_la = json(&["--postcodes", postcodes]);
    assert!(skipped(&no_la, "169").is_none());
    assert!(skipped(&no_la, "179").is_some_and(|r| r.contains("--la")));

    let out = harbour(&[
        "validate",
        ret,
        "--year",
        "2026",
        "--format",
        "json",
        "--postcodes",
        postcodes,
        "--la",
        "e09000027",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "SSDA903 Episodes: PL_LA, PL_LOCATION, PL_DISTANCE derived from the postcodes of"
        ),
        "{stderr}"
    );
    let with: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for code in ["164", "169", "179", "243", "392a", "392c"] {
        assert!(skipped(&with, code).is_none(), "{code}");
    }
    let found: Vec<String> = with["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            ["164", "169", "179", "243", "392a", "392c"].contains(&f["rule_code"].as_str().unwrap())
        })
        .map(|f| {
            format!(
                "{} {} {}",
                f["rule_code"].as_str().unwrap(),
                f["child_id"].as_str().unwrap(),
                f["field"].as_str().unwrap()
            )
        })
        .collect();
    // TW9 9ZZ does not exist: no PL_LA, PL_LOCATION or distance for C2; C3 is placed in Wales
    // (Cardiff) with a URN.
    assert_eq!(
        found,
        [
            "169 C2 PL_LA",
            "179 C2 PL_LOCATION",
            "392a C2 PL_DISTANCE",
            "392c C2 PL_POST",
            "243 C3 URN"
        ]
    );

    let out = harbour(&["validate", ret, "--year", "2026", "--la", "318"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E09000027"));
    let out = harbour(&[
        "validate",
        ret,
        "--year",
        "2026",
        "--postcodes",
        "/nonexistent/pc.csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/pc.csv"));
}
