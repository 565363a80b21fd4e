//! The improvement plan: workstreams, their items, quarterly milestones with a status, owner and
//! evidence, and dated updates that move the status on.
//!
//! Two CSV files, both UTF-8 with a header row, columns in any order:
//!
//! `plan.csv`, one row per milestone:
//!
//! | column | what |
//! |---|---|
//! | `workstream` | e.g. `User Involvement` |
//! | `item` | e.g. `Young inspectors` |
//! | `quarter` | the quarter the milestone falls in (or starts in), `2025-26-Q1` |
//! | `until` | optional: the last quarter of a milestone that spans several |
//! | `milestone` | what is to be done |
//! | `owner` | optional: who answers for it (a role, not a person's name, is best) |
//! | `status` | `not started`, `on track`, `at risk` or `done` (as when the plan was written) |
//! | `evidence` | optional: links or document references, separated by `;` |
//!
//! `plan_updates.csv`, optional, one row per dated update of a milestone:
//! `workstream,item,quarter,date,status,note,by` (`quarter` names the milestone as in
//! `plan.csv`; `note` and `by` optional). The status as at a date is the latest update on or
//! before it, else the status in `plan.csv`, so a pack for an earlier quarter shows the plan as
//! it stood then.
//!
//! RAG as at a date: done is green; a milestone whose last quarter has ended and is not done is
//! red (overdue); at risk is amber; not started once its first quarter has begun is amber; on
//! track is green; not started before its first quarter is not yet due.

use crate::table::Table;
use crate::{PackError, Quarter};
use jiff::civil::Date;
use std::collections::HashMap;

/// Where a milestone stands, as its owner reports it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    OnTrack,
    AtRisk,
    Done,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::Done,
    ];
    /// As written in the files and shown: `not started`, `on track`, `at risk`, `done`.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::OnTrack => "on track",
            Status::AtRisk => "at risk",
            Status::Done => "done",
        }
    }
    /// Reads a status, ignoring case and `_`/`-` for spaces.
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().to_lowercase().replace(['_', '-'], " ");
        Status::ALL.into_iter().find(|st| st.label() == s)
    }
}

/// Red, amber, green, or not yet due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Red,
    Amber,
    Green,
    NotDue,
}

impl Rag {
    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
            Rag::NotDue => "not yet due",
        }
    }
}

/// One milestone of the plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Milestone {
    pub workstream: String,
    pub item: String,
    pub from: Quarter,
    pub until: Quarter,
    pub milestone: String,
    pub owner: Option<String>,
    /// The status written in `plan.csv`.
    pub status: Status,
    pub evidence: Vec<String>,
}

/// A dated update of a milestone.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Update {
    pub workstream: String,
    pub item: String,
    pub quarter: Quarter,
    pub date: Date,
    pub status: Status,
    pub note: Option<String>,
    pub by: Option<String>,
}

/// The plan: milestones in file order and their updates.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Plan {
    pub milestones: Vec<Milestone>,
    pub updates: Vec<Update>,
}

/// A milestone as it stood on a date.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MilestoneAsAt<'a> {
    pub milestone: &'a Milestone,
    pub status: Status,
    pub rag: Rag,
    /// The latest update on or before the date.
    pub last_update: Option<&'a Update>,
}

/// A workstream's milestones counted by RAG on a date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WorkstreamProgress {
    pub workstream: String,
    pub milestones: usize,
    pub done: usize,
    pub red: usize,
    pub amber: usize,
    pub green: usize,
    pub not_due: usize,
}

type Key = (String, String, Quarter);

impl Plan {
    /// Reads `plan.csv` (its name and text) and, if given, `plan_updates.csv`.
    pub fn read(plan: (&str, &str), updates: Option<(&str, &str)>) -> Result<Plan, PackError> {
        let table = Table::read(
            plan.0,
            plan.1,
            &["workstream", "item", "quarter", "milestone", "status"],
            &["until", "owner", "evidence"],
        )?;
        let mut milestones = Vec::new();
        let mut seen: HashMap<Key, u64> = HashMap::new();
        for row in table.rows() {
            let from: Quarter = row
                .parse("quarter", "a financial quarter such as 2025-26-Q1")?
                .ok_or_else(|| row.error("quarter", "must not be empty"))?;
            let until: Quarter = row
                .parse("until", "a financial quarter such as 2026-27-Q4")?
                .unwrap_or(from);
            if until < from {
                return Err(row.error("until", format!("ends ({until}) before it starts ({from})")));
            }
            let status_text = row.required("status")?;
            let status = Status::parse(status_text).ok_or_else(|| {
                row.error(
                    "status",
                    format!("`{status_text}` is not one of: not started, on track, at risk, done"),
                )
            })?;
            let m = Milestone {
                workstream: row.required("workstream")?.to_string(),
                item: row.required("item")?.to_string(),
                from,
                until,
                milestone: row.required("milestone")?.to_string(),
                owner: row.text("owner").map(str::to_string),
                status,
                evidence: row
                    .text("evidence")
                    .map(|e| {
                        e.split(';')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
            };
            let key = (m.workstream.clone(), m.item.clone(), m.from);
            if let Some(first) = seen.insert(key, row.line) {
                return Err(row.error(
                    "quarter",
                    format!(
                        "a second milestone for this workstream, item and quarter (the first is on line {first})"
                    ),
                ));
            }
            milestones.push(m);
        }
        let mut plan = Plan {
            milestones,
            updates: Vec::new(),
        };
        if let Some((file, text)) = updates {
            plan.updates = read_updates(file, text, &seen)?;
        }
        Ok(plan)
    }

    /// The milestone that starts in `quarter` for this workstream and item.
    pub fn milestone(&self, workstream: &str, item: &str, quarter: Quarter) -> Option<&Milestone> {
        self.milestones
            .iter()
            .find(|m| m.workstream == workstream && m.item == item && m.from == quarter)
    }

    /// Those of `updates` whose milestone is in the plan, in their order.
    pub fn known_updates(&self, updates: &[Update]) -> Vec<Update> {
        updates
            .iter()
            .filter(|u| self.milestone(&u.workstream, &u.item, u.quarter).is_some())
            .cloned()
            .collect()
    }

    /// Reads `plan_updates.csv` against this plan's milestones.
    pub fn read_updates(&self, file: &str, text: &str) -> Result<Vec<Update>, PackError> {
        let keys: HashMap<Key, u64> = self
            .milestones
            .iter()
            .map(|m| ((m.workstream.clone(), m.item.clone(), m.from), 0))
            .collect();
        read_updates(file, text, &keys)
    }

    /// Every milestone as it stood on `as_at`.
    pub fn as_at(&self, as_at: Date) -> Vec<MilestoneAsAt<'_>> {
        let mut latest: HashMap<Key, &Update> = HashMap::new();
        for u in self.updates.iter().filter(|u| u.date <= as_at) {
            let key = (u.workstream.clone(), u.item.clone(), u.quarter);
            // The later date wins; on the same date, the later row of the file.
            if latest.get(&key).is_none_or(|prev| prev.date <= u.date) {
                latest.insert(key, u);
            }
        }
        self.milestones
            .iter()
            .map(|m| {
                let key = (m.workstream.clone(), m.item.clone(), m.from);
                let last_update = latest.get(&key).copied();
                let status = last_update.map_or(m.status, |u| u.status);
                MilestoneAsAt {
                    milestone: m,
                    status,
                    rag: rag(m, status, as_at),
                    last_update,
                }
            })
            .collect()
    }

    /// Each workstream's milestones counted by RAG on `as_at`, workstreams in file order.
    pub fn progress(&self, as_at: Date) -> Vec<WorkstreamProgress> {
        let mut out: Vec<WorkstreamProgress> = Vec::new();
        for m in self.as_at(as_at) {
            let i = match out
                .iter()
                .position(|w| w.workstream == m.milestone.workstream)
            {
                Some(i) => i,
                None => {
                    out.push(WorkstreamProgress {
                        workstream: m.milestone.workstream.clone(),
                        milestones: 0,
                        done: 0,
                        red: 0,
                        amber: 0,
                        green: 0,
                        not_due: 0,
                    });
                    out.len() - 1
                }
            };
            let w = &mut out[i];
            w.milestones += 1;
            w.done += usize::from(m.status == Status::Done);
            match m.rag {
                Rag::Red => w.red += 1,
                Rag::Amber => w.amber += 1,
                Rag::Green => w.green += 1,
                Rag::NotDue => w.not_due += 1,
            }
        }
        out
    }
}

/// The RAG of a milestone with `status` on `as_at` (the rules in the module docs).
pub fn rag(m: &Milestone, status: Status, as_at: Date) -> Rag {
    match status {
        Status::Done => Rag::Green,
        _ if as_at > m.until.end() => Rag::Red,
        Status::AtRisk => Rag::Amber,
        Status::NotStarted if as_at >= m.from.start() => Rag::Amber,
        Status::NotStarted => Rag::NotDue,
        Status::OnTrack => Rag::Green,
    }
}

fn read_updates(
    file: &str,
    text: &str,
    milestones: &HashMap<Key, u64>,
) -> Result<Vec<Update>, PackError> {
    let table = Table::read(
        file,
        text,
        &["workstream", "item", "quarter", "date", "status"],
        &["note", "by"],
    )?;
    let mut out = Vec::new();
    for row in table.rows() {
        let quarter: Quarter = row
            .parse("quarter", "a financial quarter such as 2025-26-Q1")?
            .ok_or_else(|| row.error("quarter", "must not be empty"))?;
        let workstream = row.required("workstream")?.to_string();
        let item = row.required("item")?.to_string();
        if !milestones.contains_key(&(workstream.clone(), item.clone(), quarter)) {
            return Err(row.error(
                "quarter",
                format!(
                    "no milestone of `{workstream}` / `{item}` starts in {quarter} in the plan"
                ),
            ));
        }
        let status_text = row.required("status")?;
        let status = Status::parse(status_text).ok_or_else(|| {
            row.error(
                "status",
                format!("`{status_text}` is not one of: not started, on track, at risk, done"),
            )
        })?;
        out.push(Update {
            workstream,
            item,
            quarter,
            date: row
                .date("date")?
                .ok_or_else(|| row.error("date", "must not be empty"))?,
            status,
            note: row.text("note").map(str::to_string),
            by: row.text("by").map(str::to_string),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const PLAN: &str = "workstream,item,quarter,until,milestone,owner,status,evidence
A,One,2025-26-Q1,,First,Head of QA,done,https://example.org/a; minutes 3
A,One,2025-26-Q2,2025-26-Q3,Second,,on track,
A,Two,2025-26-Q2,,Late,,not started,
B,Three,2025-26-Q4,,Future,,not started,
B,Three,2025-26-Q3,,Now,,not started,
";
    const UPDATES: &str = "workstream,item,quarter,date,status,note,by
A,One,2025-26-Q2,2025-11-01,at risk,staff left,QA lead
A,One,2025-26-Q2,2026-01-05,done,,
B,Three,2025-26-Q3,31/10/2025,on track,,
";

    #[test]
    fn status_and_rag_follow_the_updates_and_the_date() {
        let plan = Plan::read(("plan.csv", PLAN), Some(("plan_updates.csv", UPDATES))).unwrap();
        assert_eq!(
            plan.milestones[0].evidence,
            vec!["https://example.org/a", "minutes 3"]
        );
        let on = |d: Date| {
            plan.as_at(d)
                .iter()
                .map(|m| (m.status, m.rag))
                .collect::<Vec<_>>()
        };
        use Rag::*;
        use Status::*;
        // 15 October 2025, in Q3: "Late" (Q2) is overdue, "Now" has begun and not started.
        assert_eq!(
            on(date(2025, 10, 15)),
            vec![
                (Done, Green),
                (OnTrack, Green),
                (NotStarted, Red),
                (NotStarted, NotDue),
                (NotStarted, Amber)
            ]
        );
        // 31 December 2025: the update of 1 November made "Second" at risk; "Now" on track.
        assert_eq!(
            on(date(2025, 12, 31)),
            vec![
                (Done, Green),
                (AtRisk, Amber),
                (NotStarted, Red),
                (NotStarted, NotDue),
                (OnTrack, Green)
            ]
        );
        // 1 January 2026: "Second" ended with Q3 and is not done until the 5th; "Now" overdue.
        let jan1 = on(date(2026, 1, 1));
        assert_eq!(jan1[1], (AtRisk, Red));
        assert_eq!(jan1[3], (NotStarted, Amber));
        assert_eq!(jan1[4], (OnTrack, Red));
        assert_eq!(on(date(2026, 1, 5))[1], (Done, Green));
        let progress = plan.progress(date(2025, 12, 31));
        assert_eq!(progress.len(), 2);
        assert_eq!(
            (
                progress[0].milestones,
                progress[0].done,
                progress[0].red,
                progress[0].amber,
                progress[0].green
            ),
            (3, 1, 1, 1, 1)
        );
        assert_eq!((progress[1].not_due, progress[1].green), (1, 1));
    }

    #[test]
    fn problems_name_file_line_column_and_rule() {
        let err = |plan: &str, updates: Option<&str>| {
            Plan::read(("plan.csv", plan), updates.map(|u| ("plan_updates.csv", u)))
                .unwrap_err()
                .to_string()
        };
        let header = "workstream,item,quarter,milestone,status\n";
        assert_eq!(
            err(&format!("{header}A,One,2025-26-Q5,x,done\n"), None),
            "plan.csv: line 2, column 3 (`quarter`): `2025-26-Q5` is not a financial quarter such as 2025-26-Q1"
        );
        assert_eq!(
            err(&format!("{header}A,One,2025-26-Q1,x,finished\n"), None),
            "plan.csv: line 2, column 5 (`status`): `finished` is not one of: not started, on track, at risk, done"
        );
        assert_eq!(
            err(
                &format!("{header}A,One,2025-26-Q1,x,done\nA,One,2025-26-Q1,y,done\n"),
                None
            ),
            "plan.csv: line 3, column 3 (`quarter`): a second milestone for this workstream, item and quarter (the first is on line 2)"
        );
        assert_eq!(
            err("workstream,item,quarter,milestone\n", None),
            "plan.csv: line 1, column 1 (`status`): required column missing from the header row"
        );
        assert!(
            err("workstream,item,quarter,milestone,status,colour\n", None)
                .starts_with("plan.csv: line 1, column 6 (`colour`): unknown column")
        );
        assert_eq!(
            err(&format!("{header}A,One,2025-26-Q1,x\n"), None),
            "plan.csv: line 2: the row has 4 fields where the header has 5"
        );
        assert_eq!(
            err(
                &format!("{header}A,One,2025-26-Q1,x,done\n"),
                Some("workstream,item,quarter,date,status\nA,One,2025-26-Q2,2025-10-01,done\n")
            ),
            "plan_updates.csv: line 2, column 3 (`quarter`): no milestone of `A` / `One` starts in 2025-26-Q2 in the plan"
        );
        assert_eq!(
            err(
                &format!("{header}A,One,2025-26-Q1,x,done\n"),
                Some("workstream,item,quarter,date,status\nA,One,2025-26-Q1,31/02/2025,done\n")
            ),
            "plan_updates.csv: line 2, column 4 (`date`): `31/02/2025` is not a date (write 2025-10-31 or 31/10/2025)"
        );
    }
}
