//! The workforce: posts by discipline, filled, vacant or filled by agency staff over time;
//! starters and leavers; and caseloads per social worker from the case allocations.

use model::{Dataset, Date, WorkerRole};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The default caseload above which a social worker is counted as over-loaded: a local choice,
/// not a national standard (Family Safeguarding teams aim lower, e.g. 13).
pub const DEFAULT_CASELOAD_THRESHOLD: u32 = 20;

/// A spell of a post in one state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSpell {
    pub from: Date,
    /// Last day; `None` while it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The worker holding the post; `None` while vacant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker: Option<String>,
    /// Held by agency (locum) staff.
    #[serde(default)]
    pub agency: bool,
}

impl PostSpell {
    pub fn covers(&self, d: Date) -> bool {
        self.from <= d && self.to.is_none_or(|t| d <= t)
    }
}

/// An established post in a team, with its history of spells (filled or vacant), which do not
/// overlap. A day no spell covers is a day the post did not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    pub id: String,
    pub team: String,
    pub role: WorkerRole,
    pub spells: Vec<PostSpell>,
}

impl Post {
    /// The spell covering `d`, if the post existed then.
    pub fn on(&self, d: Date) -> Option<&PostSpell> {
        self.spells.iter().find(|s| s.covers(d))
    }
}

/// Posts of one discipline on a day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PostCounts {
    pub posts: u64,
    pub filled: u64,
    pub vacant: u64,
    /// Filled by agency staff (part of `filled`).
    pub agency: u64,
}

impl PostCounts {
    /// Vacant posts as a % of established posts.
    pub fn vacancy_pct(&self) -> Option<f64> {
        crate::programme::percent(self.vacant, self.posts)
    }
    /// Agency-filled posts as a % of filled posts.
    pub fn agency_pct(&self) -> Option<f64> {
        crate::programme::percent(self.agency, self.filled)
    }
    fn add(&mut self, o: PostCounts) {
        self.posts += o.posts;
        self.filled += o.filled;
        self.vacant += o.vacant;
        self.agency += o.agency;
    }
}

/// Counts posts on `day`, by discipline (and in total as the second value).
pub fn posts_on(posts: &[Post], day: Date) -> (BTreeMap<WorkerRole, PostCounts>, PostCounts) {
    let mut by_role: BTreeMap<WorkerRole, PostCounts> = BTreeMap::new();
    for p in posts {
        let Some(s) = p.on(day) else { continue };
        let c = by_role.entry(p.role).or_default();
        c.posts += 1;
        if s.worker.is_some() {
            c.filled += 1;
            c.agency += u64::from(s.agency);
        } else {
            c.vacant += 1;
        }
    }
    let mut total = PostCounts::default();
    for c in by_role.values() {
        total.add(*c);
    }
    (by_role, total)
}

/// Workers who started and left in `[start, end]`: a starter's first filled spell (over every
/// post) begins in it, a leaver's last filled spell ends in it. A move between posts is neither.
pub fn starters_and_leavers(posts: &[Post], start: Date, end: Date) -> (u64, u64) {
    let mut span: BTreeMap<&str, (Date, Option<Date>)> = BTreeMap::new();
    for s in posts.iter().flat_map(|p| &p.spells) {
        let Some(w) = s.worker.as_deref() else {
            continue;
        };
        let e = span.entry(w).or_insert((s.from, s.to));
        e.0 = e.0.min(s.from);
        e.1 = match (e.1, s.to) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }
    let within = |d: Date| start <= d && d <= end;
    let starters = span.values().filter(|(f, _)| within(*f)).count() as u64;
    let leavers = span.values().filter(|(_, t)| t.is_some_and(within)).count() as u64;
    (starters, leavers)
}

/// Each case-holding social worker's caseload on `day`: the distinct children with a case
/// allocation to them open that day. Workers whose recorded role is not social worker are left
/// out; workers the extract does not list are counted. Sorted by worker id.
pub fn caseloads(dataset: &Dataset, day: Date) -> Vec<(String, u32)> {
    let not_social_workers: BTreeSet<&str> = dataset
        .workers
        .iter()
        .filter(|w| w.role.is_some_and(|r| r != WorkerRole::SocialWorker))
        .map(|w| w.id.as_str())
        .collect();
    let mut open: Vec<(&model::ChildId, &str)> = dataset
        .allocations
        .iter()
        .filter(|a| a.is_open_on(day))
        .map(|a| (&a.child, a.worker.as_str()))
        .collect();
    // Allocations are held sorted by child, which this sort then only checks.
    open.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut counts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut workers: Vec<&str> = Vec::new();
    for run in open.chunk_by(|a, b| a.0 == b.0) {
        workers.clear();
        workers.extend(run.iter().map(|(_, w)| *w));
        workers.sort_unstable();
        workers.dedup();
        for w in &workers {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut loads: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(w, _)| !not_social_workers.contains(w))
        .map(|(w, n)| (w.to_owned(), n))
        .collect();
    loads.sort_unstable();
    loads
}

/// The caseload figures managers read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CaseloadSummary {
    pub workers: u64,
    pub cases: u64,
    pub median: Option<f64>,
    pub mean: Option<f64>,
    pub max: u32,
    pub threshold: u32,
    /// Workers with more cases than the threshold.
    pub over_threshold: u64,
    /// Workers by band of caseload: 1–5, 6–10, 11–15, 16–20, 21–25, 26 or more.
    pub bands: [(&'static str, u64); 6],
}

/// The median of a list (the mean of the middle two for an even count).
pub fn median(values: &[u32]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(v[n / 2])),
        _ => Some((f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0),
    }
}

pub fn summarise_caseloads(loads: &[(String, u32)], threshold: u32) -> CaseloadSummary {
    let values: Vec<u32> = loads.iter().map(|(_, n)| *n).collect();
    let cases: u64 = values.iter().map(|&n| u64::from(n)).sum();
    let mut bands = [
        ("1-5", 0),
        ("6-10", 0),
        ("11-15", 0),
        ("16-20", 0),
        ("21-25", 0),
        ("26+", 0),
    ];
    for &n in &values {
        let i = (n.saturating_sub(1) / 5).min(5) as usize;
        bands[i].1 += 1;
    }
    CaseloadSummary {
        workers: values.len() as u64,
        cases,
        median: median(&values),
        mean: crate::programme::percent(cases, values.len() as u64).map(|p| p / 100.0),
        max: values.iter().copied().max().unwrap_or(0),
        threshold,
        over_threshold: values.iter().filter(|&&n| n > threshold).count() as u64,
        bands,
    }
}
