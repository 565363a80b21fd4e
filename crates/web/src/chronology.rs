//! A child's chronology: every dated event of every return and extract on one timeline, oldest
//! first — referrals with their assessments, section 47 enquiries, conferences, CIN and CP plans
//! and reviews (CIN census); periods of care, placements, reviews, missing episodes, adoption and
//! care-leaver records (SSDA903); allocations and Family Safeguarding involvement (extract).
//!
//! Only what the returns hold is shown, in the DfE's words for each code.

use model::codes::CodeSet;
use model::{Child, ChildId, Dataset, Date};

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: Date,
    /// Which return or extract it comes from.
    pub source: &'static str,
    /// What happened, e.g. "Child protection plan started".
    pub what: String,
    /// Further detail, e.g. the category of abuse; may be empty.
    pub detail: String,
}

const CIN: &str = "CIN census";
const SSDA903: &str = "SSDA903";
const EXTRACT: &str = "Case-management extract";

fn code<C: CodeSet>(c: Option<C>) -> String {
    c.map(|c| format!("{} ({})", c.description(), c.code()))
        .unwrap_or_default()
}

/// Every event of `child` (and of the allocations and Family Safeguarding involvements the
/// dataset holds for them), oldest first; events on one day keep the order of the journey.
pub fn events(child: &Child, dataset: &Dataset) -> Vec<Event> {
    let mut out = Vec::new();
    let mut push = |date: Date, source: &'static str, what: &str, detail: String| {
        out.push(Event {
            date,
            source,
            what: what.to_owned(),
            detail,
        });
    };
    for r in &child.referrals {
        push(
            r.referral_date,
            CIN,
            "Referral",
            [code(r.source), code(r.primary_need)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        );
        for a in &r.assessments {
            push(a.start_date, CIN, "Assessment started", String::new());
            if let Some(d) = a.authorised_date {
                let factors: Vec<&str> = a.factors.iter().map(|f| f.code()).collect();
                push(
                    d,
                    CIN,
                    "Assessment authorised",
                    if factors.is_empty() {
                        String::new()
                    } else {
                        format!("Factors: {}", factors.join(", "))
                    },
                );
            }
        }
        for s in &r.section47s {
            push(
                s.start_date,
                CIN,
                "Section 47 enquiry started",
                String::new(),
            );
            if let Some(d) = s.icpc_date {
                push(d, CIN, "Initial child protection conference", String::new());
            }
        }
        for p in &r.cin_plans {
            push(p.start_date, CIN, "CIN plan started", String::new());
            if let Some(d) = p.end_date {
                push(d, CIN, "CIN plan ended", String::new());
            }
        }
        for p in &r.cp_plans {
            push(
                p.start_date,
                CIN,
                "Child protection plan started",
                code(p.initial_category),
            );
            for d in &p.review_dates {
                push(*d, CIN, "Child protection review", String::new());
            }
            if let Some(d) = p.end_date {
                push(d, CIN, "Child protection plan ended", String::new());
            }
        }
        if let Some(d) = r.closure_date {
            push(d, CIN, "Case closed", code(r.reason_for_closure));
        }
    }
    for e in &child.cla_episodes {
        push(
            e.start_date,
            SSDA903,
            "Episode of care started",
            [
                code(e.reason_new_episode),
                code(e.legal_status),
                code(e.placement),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        );
        if let Some(d) = e.end_date {
            push(d, SSDA903, "Episode of care ended", code(e.reason_ceased));
        }
    }
    for r in &child.cla_reviews {
        push(
            r.date,
            SSDA903,
            "Looked-after review",
            code(r.participation),
        );
    }
    for m in &child.missing_episodes {
        push(
            m.start_date,
            SSDA903,
            "Missing or away from placement",
            code(m.kind),
        );
        if let Some(d) = m.end_date {
            push(d, SSDA903, "Returned", String::new());
        }
    }
    if let Some(a) = &child.adoption {
        if let Some(d) = a.decision_date {
            push(
                d,
                SSDA903,
                "Decision that the child should be placed for adoption",
                String::new(),
            );
        }
        if let Some(d) = a.match_date {
            push(d, SSDA903, "Matched with adopters", String::new());
        }
    }
    for p in &child.placed_for_adoption {
        push(p.date_placed, SSDA903, "Placed for adoption", String::new());
        if let Some(d) = p.date_ceased {
            push(
                d,
                SSDA903,
                "No longer placed for adoption",
                code(p.reason_ceased),
            );
        }
    }
    for c in &child.care_leaver_records {
        push(
            c.year.end(),
            SSDA903,
            "Care leaver record",
            [code(c.activity), code(c.accommodation)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
    for s in &child.social_worker_episodes {
        push(
            s.start_date,
            SSDA903,
            "Social worker allocated",
            format!("Worker {}", s.worker),
        );
    }
    let id: &ChildId = &child.id;
    for a in dataset.allocations.iter().filter(|a| &a.child == id) {
        push(
            a.start,
            EXTRACT,
            "Allocated",
            format!("Worker {}, team {}", a.worker, a.team),
        );
        if let Some(d) = a.end {
            push(
                d,
                EXTRACT,
                "Allocation ended",
                format!("Worker {}", a.worker),
            );
        }
    }
    for f in dataset
        .family_safeguarding
        .iter()
        .filter(|f| &f.child == id)
    {
        push(
            f.start,
            EXTRACT,
            "Family Safeguarding involvement started",
            format!("Team {}", f.team),
        );
        if let Some(d) = f.end {
            push(
                d,
                EXTRACT,
                "Family Safeguarding involvement ended",
                String::new(),
            );
        }
    }
    // Stable: events on one day stay in the order of the journey.
    out.sort_by_key(|e| e.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use model::*;

    #[test]
    fn every_return_lands_on_one_timeline_in_date_order() {
        let child = Child {
            id: ChildId::from("K1"),
            referrals: vec![Referral {
                referral_date: date(2025, 1, 10),
                cp_plans: vec![CpPlan {
                    start_date: date(2025, 2, 1),
                    end_date: None,
                    review_dates: vec![date(2025, 4, 28)],
                    ..CpPlan::default()
                }],
                ..Referral::default()
            }],
            cla_episodes: vec![ClaEpisode {
                start_date: date(2025, 3, 5),
                end_date: Some(date(2025, 3, 20)),
                ..ClaEpisode::default()
            }],
            ..Child::default()
        };
        let ds = Dataset {
            allocations: vec![CaseAllocation {
                child: ChildId::from("K1"),
                worker: "W1".into(),
                team: "T1".into(),
                start: date(2025, 1, 11),
                end: None,
            }],
            ..Dataset::default()
        };
        let got: Vec<(String, &str, String)> = events(&child, &ds)
            .into_iter()
            .map(|e| (e.date.to_string(), e.source, e.what))
            .collect();
        let want = [
            ("2025-01-10", CIN, "Referral"),
            ("2025-01-11", EXTRACT, "Allocated"),
            ("2025-02-01", CIN, "Child protection plan started"),
            ("2025-03-05", SSDA903, "Episode of care started"),
            ("2025-03-20", SSDA903, "Episode of care ended"),
            ("2025-04-28", CIN, "Child protection review"),
        ];
        assert_eq!(got, want.map(|(d, s, w)| (d.to_owned(), s, w.to_owned())));
    }
}
