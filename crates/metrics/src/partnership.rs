//! Family Safeguarding: the cohort, the partnership data set and the partnership report with the
//! measures the Hertfordshire evaluations used (research/indicators.md §4): children on child
//! protection plans, days in care, police domestic-abuse call-outs and A&E attendances, with
//! treatment starts and school attendance beside them, each in the months before a family's
//! involvement began and the same number of months after.
//!
//! # The partnership data set: `partnership.csv`
//!
//! One row per family, measure and month, as partners supply them (police, the acute trust, the
//! recovery service, schools). A family is named by the child id of its Family Safeguarding
//! involvement (the case-management extract's `family_safeguarding.csv`).
//!
//! | column | meaning |
//! |---|---|
//! | `child_id` | the family's child, as in the extract (required) |
//! | `measure` | `police_da_callouts`, `ae_attendances`, `treatment_starts` (counts) or `school_attendance_pct` (% of sessions attended, 0 to 100) |
//! | `month` | `YYYY-MM` |
//! | `value` | a whole number for counts; a number from 0 to 100 for attendance |
//!
//! The file is read whole or refused: every problem names the file, line, column, field and
//! rule, and one family, measure and month given twice is a problem. Pure: no I/O.
//!
//! `harbour load` and the web upload recognise the file by its header row and keep its figures
//! in the store (`Dataset::partner_figures`); the report reads them from there, or from a file
//! given to `harbour partnership --data`.

use model::{ChildId, Dataset, Date, Month};
use std::collections::{BTreeMap, BTreeSet};

/// The figure and measure types live in the model, since the store keeps the figures
/// (`Dataset::partner_figures`).
pub use model::{PartnerFigure, PartnerMeasure};

/// A problem in a partnership file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerProblem {
    pub file: String,
    pub line: u64,
    pub column: usize,
    pub field: &'static str,
    pub rule: String,
}

impl std::fmt::Display for PartnerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.field, self.rule
        )
    }
}

const COLUMNS: [&str; 4] = ["child_id", "measure", "month", "value"];

/// Reads `partnership.csv` (bytes of the file named `file`): every figure, or every problem.
pub fn read_partnership(
    file: &str,
    bytes: &[u8],
) -> Result<Vec<PartnerFigure>, Vec<PartnerProblem>> {
    let problem = |line: u64, column: usize, field: &'static str, rule: String| PartnerProblem {
        file: file.to_owned(),
        line,
        column,
        field,
        rule,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![problem(
                1,
                1,
                "header",
                format!("not a CSV file: {e}"),
            )]);
        }
    };
    let mut at = [usize::MAX; 4];
    for (i, h) in headers.iter().enumerate() {
        if let Some(k) = COLUMNS
            .iter()
            .position(|c| h.trim().eq_ignore_ascii_case(c))
        {
            at[k] = i;
        }
    }
    let missing: Vec<&str> = (0..4)
        .filter(|&k| at[k] == usize::MAX)
        .map(|k| COLUMNS[k])
        .collect();
    if !missing.is_empty() {
        return Err(vec![problem(
            1,
            1,
            "header",
            format!("missing column(s) {}", missing.join(", ")),
        )]);
    }
    let mut problems = Vec::new();
    let mut figures = Vec::new();
    let mut seen = BTreeSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(problem(line, 1, "row", format!("cannot be read: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |k: usize| record.get(at[k]).unwrap_or("").trim();
        let col = |k: usize| at[k] + 1;
        let child = get(0);
        if child.is_empty() {
            problems.push(problem(line, col(0), "child_id", "is required".into()));
        }
        let measure = PartnerMeasure::from_code(get(1));
        if measure.is_none() {
            problems.push(problem(
                line,
                col(1),
                "measure",
                format!(
                    "'{}' is not one of police_da_callouts, ae_attendances, treatment_starts, school_attendance_pct",
                    get(1)
                ),
            ));
        }
        let month = get(2).parse::<Month>().ok();
        if month.is_none() {
            problems.push(problem(
                line,
                col(2),
                "month",
                format!("'{}' is not a month YYYY-MM", get(2)),
            ));
        }
        let value = get(3).parse::<f64>().ok().filter(|v| v.is_finite());
        let value = match (value, measure) {
            (Some(v), Some(m)) if m.is_count() && (v < 0.0 || v.fract() != 0.0) => {
                problems.push(problem(
                    line,
                    col(3),
                    "value",
                    format!("'{}' is not a whole number of at least 0", get(3)),
                ));
                None
            }
            (Some(v), Some(_)) if !(0.0..=100.0).contains(&v) => {
                problems.push(problem(
                    line,
                    col(3),
                    "value",
                    format!("'{}' is not a percentage from 0 to 100", get(3)),
                ));
                None
            }
            (None, _) => {
                problems.push(problem(
                    line,
                    col(3),
                    "value",
                    format!("'{}' is not a number", get(3)),
                ));
                None
            }
            (v, _) => v,
        };
        if let (false, Some(measure), Some(month), Some(value)) =
            (child.is_empty(), measure, month, value)
        {
            if !seen.insert((child.to_owned(), measure, month.year, month.month)) {
                problems.push(problem(
                    line,
                    col(0),
                    "child_id",
                    format!("{child} already has {} for {}", measure.code(), get(2)),
                ));
                continue;
            }
            figures.push(PartnerFigure {
                child: ChildId::from(child),
                measure,
                month,
                value,
            });
        }
    }
    if problems.is_empty() {
        Ok(figures)
    } else {
        Err(problems)
    }
}

/// A family in the Family Safeguarding cohort: its involvement, and which adult workers were
/// involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortFamily {
    pub child: ChildId,
    pub team: String,
    pub start: Date,
    pub end: Option<Date>,
    pub domestic_abuse: bool,
    pub mental_health: bool,
    pub substance_use: bool,
}

/// The cohort on `day`: families with a Family Safeguarding involvement open that day, by child.
pub fn cohort(dataset: &Dataset, day: Date) -> Vec<CohortFamily> {
    let mut out: Vec<CohortFamily> = dataset
        .family_safeguarding
        .iter()
        .filter(|f| f.is_open_on(day))
        .map(|f| CohortFamily {
            child: f.child.clone(),
            team: f.team.clone(),
            start: f.start,
            end: f.end,
            domestic_abuse: f.domestic_abuse_worker,
            mental_health: f.mental_health_worker,
            substance_use: f.substance_use_worker,
        })
        .collect();
    out.sort_by(|a, b| (&a.child, a.start).cmp(&(&b.child, b.start)));
    out
}

/// One measure before and after involvement, over the families compared.
#[derive(Debug, Clone, PartialEq)]
pub struct BeforeAfter {
    pub measure: &'static str,
    pub before: f64,
    pub after: f64,
}

impl BeforeAfter {
    /// The change from before to after, as a percentage of before; `None` when before is 0.
    pub fn change_pct(&self) -> Option<f64> {
        (self.before != 0.0).then(|| 100.0 * (self.after - self.before) / self.before)
    }
}

/// The partnership report: the families whose involvement began at least `months` months before
/// `as_at` (so that a whole window after it has passed) are compared over the `months` months
/// before the month their involvement began and the `months` months from it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnershipReport {
    pub as_at: Date,
    pub months: u32,
    /// Families compared.
    pub families: u64,
    /// Of them, with each adult worker: domestic abuse, mental health, substance use.
    pub adult_workers: [u64; 3],
    /// Children on a child protection plan on the day before involvement began, and at the end
    /// of the window after; days in care in each window; then each partner measure (counts
    /// summed; attendance the mean of the monthly figures given).
    pub measures: Vec<BeforeAfter>,
}

/// Builds the partnership report (see [`PartnershipReport`]). A family's first involvement is
/// the one compared.
pub fn partnership_report(
    dataset: &Dataset,
    figures: &[PartnerFigure],
    as_at: Date,
    months: u32,
) -> PartnershipReport {
    let n = i32::try_from(months).unwrap_or(i32::MAX);
    let mut first: BTreeMap<&ChildId, &model::FamilySafeguardingInvolvement> = BTreeMap::new();
    for f in &dataset.family_safeguarding {
        let e = first.entry(&f.child).or_insert(f);
        if f.start < e.start {
            *e = f;
        }
    }
    let mut families = Vec::new();
    for (child, f) in first {
        let began = Month::of(f.start);
        if began.plus(n).first_day() <= as_at.saturating_add(jiff::Span::new().days(1)) {
            families.push((child, f, began));
        }
    }
    let mut adult_workers = [0u64; 3];
    let (mut cp_before, mut cp_after, mut care_before, mut care_after) = (0.0, 0.0, 0.0, 0.0);
    let by_child: BTreeMap<&ChildId, &model::Child> =
        dataset.children.iter().map(|c| (&c.id, c)).collect();
    for (child, f, began) in &families {
        adult_workers[0] += u64::from(f.domestic_abuse_worker);
        adult_workers[1] += u64::from(f.mental_health_worker);
        adult_workers[2] += u64::from(f.substance_use_worker);
        let Some(c) = by_child.get(child) else {
            continue;
        };
        let window_start = began.plus(-n).first_day();
        let start = began.first_day();
        let window_end = began.plus(n).first_day().yesterday().unwrap_or(Date::MAX);
        let day_before = start.yesterday().unwrap_or(Date::MIN);
        cp_before += f64::from(u8::from(c.cp_plans().any(|p| p.is_open_on(day_before))));
        cp_after += f64::from(u8::from(c.cp_plans().any(|p| p.is_open_on(window_end))));
        care_before += days_in_care(c, window_start, day_before) as f64;
        care_after += days_in_care(c, start, window_end) as f64;
    }
    let mut measures = vec![
        BeforeAfter {
            measure: "Children on a child protection plan",
            before: cp_before,
            after: cp_after,
        },
        BeforeAfter {
            measure: "Days in care",
            before: care_before,
            after: care_after,
        },
    ];
    let began_of: BTreeMap<&ChildId, Month> =
        families.iter().map(|(c, _, began)| (*c, *began)).collect();
    for m in PartnerMeasure::ALL {
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for fig in figures.iter().filter(|x| x.measure == m) {
            let Some(began) = began_of.get(&fig.child) else {
                continue;
            };
            let offset = months_between(*began, fig.month);
            if (-n..0).contains(&offset) {
                before.push(fig.value);
            } else if (0..n).contains(&offset) {
                after.push(fig.value);
            }
        }
        let combine = |v: &[f64]| {
            // A fold from +0, since an empty `sum` of floats is -0.
            let total = v.iter().fold(0.0, |a, b| a + b);
            if m.is_count() || v.is_empty() {
                total
            } else {
                total / v.len() as f64
            }
        };
        measures.push(BeforeAfter {
            measure: m.title(),
            before: combine(&before),
            after: combine(&after),
        });
    }
    PartnershipReport {
        as_at,
        months,
        families: families.len() as u64,
        adult_workers,
        measures,
    }
}

fn months_between(from: Month, to: Month) -> i32 {
    (i32::from(to.year) - i32::from(from.year)) * 12 + i32::from(to.month) - i32::from(from.month)
}

/// Days a child was looked after from `from` to `to`, both included (each episode from its start
/// to the day before it ended).
fn days_in_care(c: &model::Child, from: Date, to: Date) -> i64 {
    if to < from {
        return 0;
    }
    c.cla_episodes
        .iter()
        .map(|e| {
            let start = e.start_date.max(from);
            let last = e
                .end_date
                .and_then(|d| d.yesterday().ok())
                .map_or(to, |d| d.min(to));
            if last < start {
                0
            } else {
                start.until(last).map_or(0, |s| i64::from(s.get_days())) + 1
            }
        })
        .sum()
}
