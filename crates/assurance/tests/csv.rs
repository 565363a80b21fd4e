//! The CSV layouts: round trips, and problems located by file, line, column, field and rule.

use assurance::csv::{FileKind, identify, locate, read, read_files, write};
use assurance::*;

fn problems(file: &str, text: &str) -> Vec<String> {
    read(file, text.as_bytes())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

const AUDIT_HEADER: &str = "audit_id,cycle_id,kind,child_id,team_id,plan_type,worker_id,auditor,allocated_on,due_on,completed_on,overall,chronology,visits,assessment,plan,supervision,child_voice,good_practice,development,findings,follows,moderator,moderated_on,moderated_overall,moderation_notes";

#[test]
fn audits_read_back_as_written() {
    let text = format!(
        "{AUDIT_HEADER}\n\
         A1,Q3,full,C1,FST1,cp,W1,QA1,2024-07-01,2024-11-30,2024-09-02,Good,requires improvement,good,,,,,Relational practice;multi-agency,chronology,\"Knows the child well,\nplan child focused\",,HOS,2024-10-01,RI,\"Risk underplayed\"\n\
         A1-DIP,Q3,dip,C1,FST1,cp,W1,TM1,2024-12-02,2024-12-30,,,,,,,,,,,,A1,,,,\n"
    );
    let parsed = read("audits.csv", text.as_bytes()).unwrap();
    let a = &parsed.data.audits[0];
    assert_eq!(a.id, "A1");
    assert_eq!(a.overall, Some(Grade::Good));
    assert_eq!(a.domains[&Domain::Chronology], Grade::RequiresImprovement);
    assert_eq!(a.domains.len(), 2);
    assert_eq!(a.good_practice[0].as_str(), "relational-practice");
    assert_eq!(a.findings, "Knows the child well,\nplan child focused");
    let m = a.moderation.as_ref().unwrap();
    assert_eq!(
        (m.moderator.as_str(), m.overall),
        ("HOS", Grade::RequiresImprovement)
    );
    assert_eq!(a.final_grade(), Some(Grade::RequiresImprovement));
    // The second record starts on line 4: the first spans lines 2 and 3.
    assert_eq!(
        parsed.places[&("audit", "A1-DIP".to_owned())],
        ("audits.csv".into(), 4)
    );
    let dip = &parsed.data.audits[1];
    assert_eq!(
        (dip.kind, dip.follows.as_deref()),
        (AuditKind::Dip, Some("A1"))
    );
    // Written and read again: the same records.
    let again = read(
        "audits.csv",
        write(FileKind::Audits, &parsed.data).as_bytes(),
    )
    .unwrap();
    assert_eq!(again.data, parsed.data);
}

#[test]
fn bad_audit_rows_are_located() {
    let text = format!(
        "{AUDIT_HEADER}\n\
         A1,Q3,full,C1,FST1,cp,W1,QA1,2024-07-01,,2024-06-30,satisfactory,,,,,,,,,,,,,,\n\
         A2,Q3,dip,,FST1,xx,W1,,2024-07-01,,,,,,,,,,bad/tag,,,,HOS,,,\n\
         A1,Q3,full,C1,FST1,cp,W1,,,,,,,,,,,,,,,,,,,\n"
    );
    assert_eq!(
        problems("audits.csv", &text),
        [
            "audits.csv:2:11: completed_on: 2024-06-30 is before allocated_on (2024-07-01)",
            "audits.csv:2:12: overall: \"satisfactory\" is not one of outstanding, good, requires_improvement, inadequate",
            "audits.csv:3:4: child_id: required: the value is empty",
            "audits.csv:3:6: plan_type: \"xx\" is not one of cp, cla, cin, other",
            "audits.csv:3:8: auditor: auditor and allocated_on go together: give both or neither",
            "audits.csv:3:19: good_practice: \"bad/tag\" is not a tag (letters, digits, spaces or hyphens; tags separated by ;)",
            "audits.csv:3:22: follows: a dip sample names the audit it follows up",
            "audits.csv:3:24: moderated_on: moderator, moderated_on and moderated_overall go together: give all three or none",
            "audits.csv:4:1: audit_id: A1 appears again (first on line 2)",
        ]
    );
}

#[test]
fn headers_are_checked() {
    assert_eq!(problems("x.csv", "audit_id,cycle_id,kind,extra\n"), {
        let mut v = vec![
                "x.csv:1:4: extra: not a column of audits.csv (columns: audit_id, cycle_id, kind, child_id, team_id, plan_type, worker_id, auditor, allocated_on, due_on, completed_on, overall, chronology, visits, assessment, plan, supervision, child_voice, good_practice, development, findings, follows, moderator, moderated_on, moderated_overall, moderation_notes)".to_owned(),
            ];
        v.extend(
            FileKind::Audits.columns()[3..]
                .iter()
                .map(|c| format!("x.csv:1:0: {c}: the column is missing from audits.csv")),
        );
        v
    });
    assert_eq!(
        problems("y.csv", "name,start\n"),
        [
            "y.csv:1:0: (file): the first column is \"name\", which names none of the assurance files (expected one of cycle_id, audit_id, action_id, post_id, feedback_id, event_id, nomination_id)"
        ]
    );
    assert_eq!(
        problems("z.csv", ""),
        ["z.csv:1:0: (file): the file is empty: a header row is needed"]
    );
    let latin1 = b"cycle_id,name,start_date,end_date\nQ1,caf\xe9,2024-01-01,2024-03-31\n";
    assert_eq!(
        read("w.csv", latin1).unwrap_err()[0].to_string(),
        "w.csv:2:0: (file): the file is not UTF-8 text (save it as CSV UTF-8)"
    );
    // The id column first, the others in any order, any case, with a byte-order mark.
    let ok = read(
        "c.csv",
        "\u{feff}CYCLE_ID,end_date,Name,start_date\nQ3,2024-11-30,July to November,2024-07-01\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(ok.data.cycles[0].id, "Q3");
    assert_eq!(identify(&["post_id", "team_id"]), Some(FileKind::Posts));
    assert_eq!(identify(&["team_id", "post_id"]), None);
}

#[test]
fn cycles_actions_and_row_shapes() {
    assert_eq!(
        problems(
            "audit_cycles.csv",
            "cycle_id,name,start_date,end_date\nQ3,Autumn,2024-11-30,2024-07-01\nQ4,,2024-13-01,\nQ5,x,2024-01-01\n"
        ),
        [
            "audit_cycles.csv:2:4: end_date: 2024-07-01 is before start_date (2024-11-30)",
            "audit_cycles.csv:3:2: name: required: the value is empty",
            "audit_cycles.csv:3:3: start_date: \"2024-13-01\" is not a date written YYYY-MM-DD",
            "audit_cycles.csv:3:4: end_date: required: the date is empty",
            "audit_cycles.csv:4:0: (row): the row has 3 values but the header has 4 columns",
        ]
    );
    assert_eq!(
        problems(
            "audit_actions.csv",
            "action_id,audit_id,child_id,team_id,description,owner,raised_on,due_on,closed_on\nX1,A1,C1,T1,,TM1,2024-10-01,2024-09-01,2024-09-15\n"
        ),
        [
            "audit_actions.csv:2:5: description: required: the value is empty",
            "audit_actions.csv:2:8: due_on: 2024-09-01 is before raised_on (2024-10-01)",
            "audit_actions.csv:2:9: closed_on: 2024-09-15 is before raised_on (2024-10-01)",
        ]
    );
}

#[test]
fn posts_group_spells_and_refuse_overlaps() {
    let header = "post_id,team_id,role,from,to,status,worker_id,agency\n";
    let ok = format!(
        "{header}P1,FST1,SW,2024-07-01,,vacant,,\nP1,FST1,SW,2024-01-01,2024-06-30,filled,W2,yes\nP2,FST1,MH,2024-04-01,,vacant,,\n"
    );
    let parsed = read("workforce_posts.csv", ok.as_bytes()).unwrap();
    assert_eq!(parsed.data.posts.len(), 2);
    let p1 = &parsed.data.posts[0];
    assert_eq!(p1.spells.len(), 2);
    assert_eq!(
        p1.spells[0].worker.as_deref(),
        Some("W2"),
        "spells in date order"
    );
    assert!(p1.spells[0].agency);
    let again = read("p.csv", write(FileKind::Posts, &parsed.data).as_bytes()).unwrap();
    assert_eq!(again.data, parsed.data);

    let bad = format!(
        "{header}P1,FST1,SW,2024-01-01,2024-06-30,filled,W2,1\nP1,FST2,SW,2024-06-30,,vacant,,\nP2,FST1,XX,2024-01-01,,filled,,\nP3,FST1,DA,2024-01-01,,vacant,W9,yes\nP4,FST1,SW,2024-01-01,,open,,\n"
    );
    assert_eq!(
        problems("workforce_posts.csv", &bad),
        [
            "workforce_posts.csv:3:2: team_id: post P1 is in team FST1 on another row",
            "workforce_posts.csv:3:4: from: post P1's spells overlap: this one starts on or before 2024-06-30, when the one before ends",
            "workforce_posts.csv:4:3: role: \"XX\" is not one of SW, TM, FP, DA, MH, SU",
            "workforce_posts.csv:4:7: worker_id: a filled post names its worker",
            "workforce_posts.csv:5:7: worker_id: a vacant post has no worker",
            "workforce_posts.csv:5:8: agency: a vacant post is not filled by agency staff",
            "workforce_posts.csv:6:6: status: \"open\" is not one of filled, vacant",
        ]
    );
}

#[test]
fn voice_files_round_trip_and_check_codes() {
    let fb = "feedback_id,date,source,team_id,sentiment,themes,summary\nF1,2024-12-14,Parent,FST2,positive,listened to;more events,\"Felt listened to, things got better\"\n";
    let ev = "event_id,date,team_id,name,children,adults,themes\nE1,2024-12-14,FST2,Christmas party,38,30,participation\n";
    let nm = "nomination_id,date,team_id,nominee,nominated_by,themes,citation\nN1,2024-12-20,FST1,W1,W2,tenacity,Late night and weekend visits\n";
    let parsed = read_files(&[
        ("voice_feedback.csv".into(), fb.as_bytes().to_vec()),
        ("voice_events.csv".into(), ev.as_bytes().to_vec()),
        ("voice_nominations.csv".into(), nm.as_bytes().to_vec()),
    ])
    .unwrap();
    assert_eq!(parsed.data.feedback[0].source, FeedbackSource::Parent);
    assert_eq!(parsed.data.feedback[0].themes[1].as_str(), "more-events");
    assert_eq!(parsed.data.events[0].children, 38);
    assert_eq!(parsed.data.nominations[0].nominee, "W1");
    for kind in [FileKind::Feedback, FileKind::Events, FileKind::Nominations] {
        let again = read("v.csv", write(kind, &parsed.data).as_bytes()).unwrap();
        assert_eq!(again.data.len(), 1, "{kind:?}");
    }
    assert_eq!(
        problems(
            "voice_feedback.csv",
            "feedback_id,date,source,team_id,sentiment,themes,summary\nF1,2024-12-14,neighbour,,happy,,\n"
        ),
        [
            "voice_feedback.csv:2:3: source: \"neighbour\" is not one of child, parent, carer, family_member, professional",
            "voice_feedback.csv:2:5: sentiment: \"happy\" is not one of positive, mixed, negative",
        ]
    );
    assert_eq!(
        problems(
            "voice_events.csv",
            "event_id,date,team_id,name,children,adults,themes\nE1,2024-12-14,T,Party,about 38,-1,\n"
        ),
        [
            "voice_events.csv:2:5: children: \"about 38\" is not a whole number of people",
            "voice_events.csv:2:6: adults: \"-1\" is not a whole number of people",
        ]
    );
}

#[test]
fn ids_repeated_across_files_and_missing_references_are_located() {
    let cycles = "cycle_id,name,start_date,end_date\nQ3,Autumn,2024-07-01,2024-11-30\n";
    let actions = "action_id,audit_id,child_id,team_id,description,owner,raised_on,due_on,closed_on\nX1,A9,C1,T1,Update chronology,TM1,2024-10-01,2024-11-01,\n";
    let err = read_files(&[
        ("a.csv".into(), cycles.as_bytes().to_vec()),
        ("b.csv".into(), cycles.as_bytes().to_vec()),
    ])
    .unwrap_err();
    assert_eq!(
        err[0].to_string(),
        "b.csv:2:1: cycle_id: cycle Q3 appears again (first in a.csv line 2)"
    );
    let parsed = read_files(&[("audit_actions.csv".into(), actions.as_bytes().to_vec())]).unwrap();
    let located = locate(parsed.data.cross_check(), &parsed.places);
    assert_eq!(
        located[0].to_string(),
        "audit_actions.csv:2:0: action X1: audit A9 is not known"
    );
}
