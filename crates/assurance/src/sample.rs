//! Choosing the cases to audit: the population of open, allocated children on a day, a random
//! or stratified sample of it reproducible by seed, and allocation of the sample to auditors.

use crate::programme::{Audit, AuditKind, Cycle};
use model::{ChildId, Dataset, Date};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of plan a sampled child was on, for stratifying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanType {
    /// A child protection plan.
    Cp,
    /// Looked after.
    Cla,
    /// A child in need plan.
    Cin,
    /// Open to children's social care with none of these (in assessment, or services without
    /// a plan).
    Other,
}

impl PlanType {
    pub const ALL: [PlanType; 4] = [PlanType::Cp, PlanType::Cla, PlanType::Cin, PlanType::Other];

    pub fn code(self) -> &'static str {
        match self {
            PlanType::Cp => "cp",
            PlanType::Cla => "cla",
            PlanType::Cin => "cin",
            PlanType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<PlanType> {
        let s = s.trim().to_ascii_lowercase();
        PlanType::ALL.into_iter().find(|p| p.code() == s)
    }
}

/// A child who could be sampled: open and allocated on the day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub child: ChildId,
    pub team: String,
    pub plan_type: PlanType,
    pub worker: String,
}

/// The children open to children's social care on `day` (a referral open, or looked after) with
/// a case allocation open that day, each with the team and worker of their latest-starting open
/// allocation and their plan type: CP if a CP plan is open, else looked after, else a CIN plan,
/// else other. Sorted by child id.
pub fn population(dataset: &Dataset, day: Date) -> Vec<Candidate> {
    let mut allocation: BTreeMap<&ChildId, &model::CaseAllocation> = BTreeMap::new();
    for a in dataset.allocations.iter().filter(|a| a.is_open_on(day)) {
        let keep = allocation
            .get(&a.child)
            .is_none_or(|b| (a.start, &a.worker) > (b.start, &b.worker));
        if keep {
            allocation.insert(&a.child, a);
        }
    }
    let mut out = Vec::new();
    for child in &dataset.children {
        let Some(alloc) = allocation.get(&child.id) else {
            continue;
        };
        let cla = child.cla_episodes.iter().any(|e| e.is_open_on(day));
        let referral_open = child.referrals.iter().any(|r| r.is_open_on(day));
        if !cla && !referral_open {
            continue;
        }
        let plan_type = if child.cp_plans().any(|p| p.is_open_on(day)) {
            PlanType::Cp
        } else if cla {
            PlanType::Cla
        } else if child.cin_plans().any(|p| p.is_open_on(day)) {
            PlanType::Cin
        } else {
            PlanType::Other
        };
        out.push(Candidate {
            child: child.id.clone(),
            team: alloc.team.clone(),
            plan_type,
            worker: alloc.worker.clone(),
        });
    }
    out.sort();
    out
}

/// How to draw a sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Design {
    /// A simple random sample of the whole population.
    Random,
    /// Stratified by team and plan type, each stratum's share proportional to its size
    /// (largest remainders for the rounding), then random within each stratum.
    Stratified,
}

/// Why a sample cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SampleError {
    #[error("a sample of {size} cannot be drawn from {population} open, allocated children")]
    TooLarge { size: usize, population: usize },
    #[error(
        "no auditor may audit the case of child {child} (team {team}): every auditor is in that team"
    )]
    NoEligibleAuditor { child: String, team: String },
    #[error("no auditors were given")]
    NoAuditors,
}

/// How many of a sample of `size` each stratum gets: `size × n ÷ N` rounded down, then one more
/// each to the strata with the largest remainders (ties: the larger stratum, then the first
/// in key order) until the sizes add up to `size`.
pub fn proportional_quotas(sizes: &[usize], size: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    if total == 0 {
        return vec![0; sizes.len()];
    }
    let mut quotas: Vec<usize> = sizes.iter().map(|&n| size * n / total).collect();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    // Remainders as numerators over `total`, so they compare exactly.
    order.sort_by(|&a, &b| {
        let ra = size * sizes[a] % total;
        let rb = size * sizes[b] % total;
        rb.cmp(&ra).then(sizes[b].cmp(&sizes[a])).then(a.cmp(&b))
    });
    let mut left = size - quotas.iter().sum::<usize>();
    for i in order {
        if left == 0 {
            break;
        }
        if quotas[i] < sizes[i] {
            quotas[i] += 1;
            left -= 1;
        }
    }
    quotas
}

/// Draws a sample of `size` from `population` (any order: it is sorted first), the same for
/// the same population, design and seed. Children in `exclude` (e.g. audited last cycle) are
/// left out first. The sample comes back sorted by team, plan type and child.
pub fn select(
    population: &[Candidate],
    size: usize,
    design: Design,
    seed: u64,
    exclude: &[ChildId],
) -> Result<Vec<Candidate>, SampleError> {
    let mut pool: Vec<&Candidate> = population
        .iter()
        .filter(|c| !exclude.contains(&c.child))
        .collect();
    pool.sort();
    pool.dedup_by(|a, b| a.child == b.child);
    if size > pool.len() {
        return Err(SampleError::TooLarge {
            size,
            population: pool.len(),
        });
    }
    let mut chosen: Vec<Candidate> = match design {
        Design::Random => {
            let mut rng = Rng::new(seed);
            rng.partial_shuffle(&mut pool, size);
            pool.into_iter().take(size).cloned().collect()
        }
        Design::Stratified => {
            let mut strata: BTreeMap<(&str, PlanType), Vec<&Candidate>> = BTreeMap::new();
            for c in pool {
                strata
                    .entry((c.team.as_str(), c.plan_type))
                    .or_default()
                    .push(c);
            }
            let sizes: Vec<usize> = strata.values().map(Vec::len).collect();
            let quotas = proportional_quotas(&sizes, size);
            let mut out = Vec::with_capacity(size);
            for (((team, plan), mut members), quota) in strata.into_iter().zip(quotas) {
                // One stream per stratum: a change in one stratum leaves the others' draws alone.
                let mut rng = Rng::new(seed ^ fnv1a(&format!("{team}\u{1f}{}", plan.code())));
                rng.partial_shuffle(&mut members, quota);
                out.extend(members.into_iter().take(quota).cloned());
            }
            out
        }
    };
    chosen.sort_by(|a, b| (&a.team, a.plan_type, &a.child).cmp(&(&b.team, b.plan_type, &b.child)));
    Ok(chosen)
}

/// Turns a sample into the cycle's audits (unallocated), numbered `<cycle>-001`, … in sample
/// order after `first_number - 1`.
pub fn audits_for(cycle: &Cycle, sample: &[Candidate], first_number: usize) -> Vec<Audit> {
    sample
        .iter()
        .enumerate()
        .map(|(i, c)| Audit {
            id: format!("{}-{:03}", cycle.id, first_number + i),
            cycle: cycle.id.clone(),
            kind: AuditKind::Full,
            child: c.child.clone(),
            team: c.team.clone(),
            plan_type: c.plan_type,
            worker: c.worker.clone(),
            auditor: None,
            allocated_on: None,
            due_on: Some(cycle.end),
            completed_on: None,
            overall: None,
            domains: BTreeMap::new(),
            good_practice: Vec::new(),
            development: Vec::new(),
            findings: String::new(),
            follows: None,
            moderation: None,
        })
        .collect()
}

/// An auditor and the team they manage or belong to (they do not audit that team's cases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auditor {
    pub id: String,
    pub team: Option<String>,
}

/// Gives each audit without an auditor to the eligible auditor (not of the case's team) with
/// the fewest audits so far (counting those already allocated in `audits`), the first listed
/// on a tie, in audit id order; sets `allocated_on`. All or nothing: on an error no audit is
/// changed. Returns how many were allocated.
pub fn allocate(
    audits: &mut [Audit],
    auditors: &[Auditor],
    on: Date,
) -> Result<usize, SampleError> {
    if auditors.is_empty() {
        return Err(SampleError::NoAuditors);
    }
    let mut load: Vec<usize> = auditors
        .iter()
        .map(|a| {
            audits
                .iter()
                .filter(|x| x.auditor.as_deref() == Some(a.id.as_str()))
                .count()
        })
        .collect();
    let mut order: Vec<usize> = (0..audits.len())
        .filter(|&i| audits[i].auditor.is_none())
        .collect();
    order.sort_by(|&a, &b| audits[a].id.cmp(&audits[b].id));
    let mut choice = Vec::with_capacity(order.len());
    for &i in &order {
        let best = (0..auditors.len())
            .filter(|&k| auditors[k].team.as_deref() != Some(audits[i].team.as_str()))
            .min_by_key(|&k| (load[k], k))
            .ok_or_else(|| SampleError::NoEligibleAuditor {
                child: audits[i].child.0.clone(),
                team: audits[i].team.clone(),
            })?;
        load[best] += 1;
        choice.push((i, best));
    }
    for (i, k) in &choice {
        audits[*i].auditor = Some(auditors[*k].id.clone());
        audits[*i].allocated_on = Some(on);
    }
    Ok(choice.len())
}

/// FNV-1a, 64-bit: a fixed hash of a stratum's name (the standard library's hasher may change
/// between releases, which would change samples).
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast and fixed forever, so a seed gives the
/// same sample on every machine and release.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), without modulo bias (Lemire's method).
    fn below(&mut self, n: u64) -> u64 {
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// Moves a uniformly random `k` of `items` to the front, in random order (Fisher–Yates,
    /// stopped after `k` steps).
    pub(crate) fn partial_shuffle<T>(&mut self, items: &mut [T], k: usize) {
        let n = items.len();
        for i in 0..k.min(n) {
            let j = i + self.below((n - i) as u64) as usize;
            items.swap(i, j);
        }
    }
}
