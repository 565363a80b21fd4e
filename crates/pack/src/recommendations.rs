//! The scrutiny panel's recommendations and what became of them.
//!
//! `recommendations.csv`, UTF-8 with a header row, columns in any order:
//!
//! | column | what |
//! |---|---|
//! | `id` | the panel's reference, unique in the file (e.g. `2025-01-R3`) |
//! | `meeting_date` | the meeting that made it |
//! | `recommendation` | what the panel asked for |
//! | `owner` | optional: who answers for it |
//! | `response` | optional: the service's response |
//! | `status` | `open`, `in progress`, `done` or `declined` |
//! | `due_date` | optional: when the panel expects it |
//! | `closed_date` | optional: when it was done or declined |
//!
//! As at a date, a recommendation made after it is not shown; one closed after it is shown as it
//! was (in progress); one not closed with its due date passed is overdue.

use crate::PackError;
use crate::table::Table;
use jiff::civil::Date;
use std::collections::HashMap;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    InProgress,
    Done,
    Declined,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Declined,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::Declined => "declined",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().to_lowercase().replace(['_', '-'], " ");
        Status::ALL.into_iter().find(|st| st.label() == s)
    }
    /// Done or declined.
    pub fn closed(self) -> bool {
        matches!(self, Status::Done | Status::Declined)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Recommendation {
    pub id: String,
    pub meeting_date: Date,
    pub recommendation: String,
    pub owner: Option<String>,
    pub response: Option<String>,
    pub status: Status,
    pub due_date: Option<Date>,
    pub closed_date: Option<Date>,
}

/// A recommendation as it stood on a date.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RecommendationAsAt<'a> {
    pub recommendation: &'a Recommendation,
    pub status: Status,
    pub overdue: bool,
}

/// Counts for the pack's summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    pub total: usize,
    pub open: usize,
    pub in_progress: usize,
    pub done: usize,
    pub declined: usize,
    pub overdue: usize,
}

/// Reads `recommendations.csv`.
pub fn read(file: &str, text: &str) -> Result<Vec<Recommendation>, PackError> {
    let table = Table::read(
        file,
        text,
        &["id", "meeting_date", "recommendation", "status"],
        &["owner", "response", "due_date", "closed_date"],
    )?;
    let mut out = Vec::new();
    let mut ids: HashMap<String, u64> = HashMap::new();
    for row in table.rows() {
        let id = row.required("id")?.to_string();
        if let Some(first) = ids.insert(id.clone(), row.line) {
            return Err(row.error("id", format!("`{id}` is already used on line {first}")));
        }
        let status_text = row.required("status")?;
        let status = Status::parse(status_text).ok_or_else(|| {
            row.error(
                "status",
                format!("`{status_text}` is not one of: open, in progress, done, declined"),
            )
        })?;
        let meeting_date = row
            .date("meeting_date")?
            .ok_or_else(|| row.error("meeting_date", "must not be empty"))?;
        let due_date = row.date("due_date")?;
        let closed_date = row.date("closed_date")?;
        if let Some((field, rule)) = dates_problem(status, meeting_date, due_date, closed_date) {
            return Err(row.error(field, rule));
        }
        out.push(Recommendation {
            id,
            meeting_date,
            recommendation: row.required("recommendation")?.to_string(),
            owner: row.text("owner").map(str::to_string),
            response: row.text("response").map(str::to_string),
            status,
            due_date,
            closed_date,
        });
    }
    Ok(out)
}

/// What is wrong with a recommendation's dates for its status, if anything: the field and the
/// rule broken. Used for the file and for the tracker's form alike.
pub fn dates_problem(
    status: Status,
    meeting_date: Date,
    due_date: Option<Date>,
    closed_date: Option<Date>,
) -> Option<(&'static str, String)> {
    if due_date.is_some_and(|d| d < meeting_date) {
        return Some((
            "due_date",
            "is before the meeting that made the recommendation".to_string(),
        ));
    }
    match (status.closed(), closed_date) {
        (true, None) => Some((
            "closed_date",
            format!(
                "a recommendation {} needs the date it was closed",
                status.label()
            ),
        )),
        (false, Some(_)) => Some((
            "closed_date",
            format!(
                "a recommendation still {} has no closed date",
                status.label()
            ),
        )),
        (true, Some(c)) if c < meeting_date => Some((
            "closed_date",
            "is before the meeting that made the recommendation".to_string(),
        )),
        _ => None,
    }
}

/// The recommendations made on or before `as_at`, as they stood then.
pub fn as_at(recommendations: &[Recommendation], as_at: Date) -> Vec<RecommendationAsAt<'_>> {
    recommendations
        .iter()
        .filter(|r| r.meeting_date <= as_at)
        .map(|r| {
            let status = match r.closed_date {
                Some(c) if c > as_at => Status::InProgress,
                _ => r.status,
            };
            let overdue = !status.closed() && r.due_date.is_some_and(|d| d < as_at);
            RecommendationAsAt {
                recommendation: r,
                status,
                overdue,
            }
        })
        .collect()
}

/// Counts by status on `as_at`.
pub fn summary(recommendations: &[Recommendation], on: Date) -> Summary {
    let mut s = Summary::default();
    for r in as_at(recommendations, on) {
        s.total += 1;
        s.overdue += usize::from(r.overdue);
        match r.status {
            Status::Open => s.open += 1,
            Status::InProgress => s.in_progress += 1,
            Status::Done => s.done += 1,
            Status::Declined => s.declined += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const FILE: &str = "id,meeting_date,recommendation,owner,response,status,due_date,closed_date
R1,2025-01-16,Visit teams,Head of service,Arranged,done,2025-06-30,2025-05-20
R2,2025-01-16,Briefing,,,open,2025-09-30,
R3,2025-07-10,Dip sampling report,,,in progress,,
R4,2025-01-16,Meet young researchers,,,declined,,2025-02-01
";

    #[test]
    fn status_on_a_date() {
        let recs = read("recommendations.csv", FILE).unwrap();
        let s = summary(&recs, date(2025, 3, 31));
        assert_eq!(
            (
                s.total,
                s.open,
                s.in_progress,
                s.done,
                s.declined,
                s.overdue
            ),
            (3, 1, 1, 0, 1, 0),
            "R1 closed later so it shows in progress; R3 not yet made"
        );
        let s = summary(&recs, date(2025, 10, 1));
        assert_eq!(
            (
                s.total,
                s.open,
                s.in_progress,
                s.done,
                s.declined,
                s.overdue
            ),
            (4, 1, 1, 1, 1, 1),
            "R2 overdue from 1 October"
        );
        let s = summary(&recs, date(2025, 9, 30));
        assert_eq!(s.overdue, 0, "due on the day is not overdue");
    }

    #[test]
    fn problems_are_located() {
        let e = |t: &str| read("recommendations.csv", t).unwrap_err().to_string();
        let h = "id,meeting_date,recommendation,status,closed_date\n";
        assert_eq!(
            e(&format!("{h}R1,2025-01-16,x,done,\n")),
            "recommendations.csv: line 2, column 5 (`closed_date`): a recommendation done needs the date it was closed"
        );
        assert_eq!(
            e(&format!(
                "{h}R1,2025-01-16,x,open,\nR1,2025-01-16,y,open,\n"
            )),
            "recommendations.csv: line 3, column 1 (`id`): `R1` is already used on line 2"
        );
        assert_eq!(
            e(&format!("{h}R1,16/01/25,x,open,\n")),
            "recommendations.csv: line 2, column 2 (`meeting_date`): `16/01/25` is not a date (write 2025-10-31 or 31/10/2025)"
        );
    }
}
