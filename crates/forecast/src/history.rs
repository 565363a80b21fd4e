//! What the episodes say happened: each child's days in each state, the moves between states,
//! entries into care and exits from it.

use crate::states::{AgeBand, Category, OUT, STATES, state};
use crate::{AgeAt, Method, day_number};
use jiff::ToSpan;
use model::Dataset;
use pack::placements::CostTable;

/// A child's stay in one state: days `from` to `to - 1` (day numbers, see [`day_number`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spell {
    pub state: u8,
    pub from: i32,
    /// The first day no longer in the state; `i32::MAX` while open.
    pub to: i32,
}

/// A move on `day` from one state to another (`OUT` for not in care, in either place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Move {
    pub day: i32,
    pub from: u8,
    pub to: u8,
}

/// Priced days of one episode: `days_from..days_to` at `weekly` pounds, in `category`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PricedSpan {
    pub category: u8,
    pub from: i32,
    pub to: i32,
    pub weekly: Option<i64>,
}

/// Everything observed, over all children.
#[derive(Debug, Default)]
pub(crate) struct History {
    pub spells: Vec<Spell>,
    pub moves: Vec<Move>,
    pub priced: Vec<PricedSpan>,
    /// Children with episodes of care but no date of birth, left out.
    pub without_birth_date: usize,
    /// The latest episode start or end date seen.
    pub latest_day: Option<i32>,
}

/// An episode after cleaning.
#[derive(Debug, Clone, Copy)]
struct Ep {
    start: i32,
    end: Option<i32>,
    category: Category,
    weekly: Option<i64>,
}

/// Reads the episodes of care of every child.
///
/// Cleaning, as cs-demand-model does it after merging years: episodes sorted by start; of two
/// closed on the same day only the earlier-starting (longer) is kept (with the cs-demand-model
/// method, also of two open ones); an episode still open, or ending after the next one starts,
/// ends when the next starts.
pub(crate) fn observe(dataset: &Dataset, method: &Method, costs: Option<&CostTable>) -> History {
    let mut h = History::default();
    let k3 = method.k3_supported;
    for child in &dataset.children {
        if child.cla_episodes.is_empty() {
            continue;
        }
        let Some(birth) = child.birth_date else {
            h.without_birth_date += 1;
            continue;
        };
        let mut eps: Vec<Ep> = child
            .cla_episodes
            .iter()
            .map(|e| Ep {
                start: day_number(e.start_date),
                end: e.end_date.map(day_number),
                category: Category::of(e.placement, k3),
                weekly: costs.and_then(|c| c.weekly_cost(e)),
            })
            .collect();
        // Open episodes first among equal starts, as pandas sorts missing values first.
        eps.sort_by_key(|e| (e.start, e.end.map_or(i64::MIN, i64::from)));
        eps.dedup_by_key(|e| e.start);
        // Of two with the same end (open or closed), keep the first.
        let mut kept: Vec<Ep> = Vec::with_capacity(eps.len());
        for e in eps {
            let duplicate = kept.iter().any(|k| {
                k.end == e.end && (e.end.is_some() || method.age_at == AgeAt::EpisodeStart)
            });
            if !duplicate {
                kept.push(e);
            }
        }
        for i in 0..kept.len().saturating_sub(1) {
            let next = kept[i + 1].start;
            if kept[i].end.is_none_or(|end| end > next) {
                kept[i].end = Some(next);
            }
        }
        let kept: Vec<Ep> = kept
            .into_iter()
            .filter(|e| e.end.is_none_or(|end| end >= e.start))
            .collect();
        for e in &kept {
            let latest = e.end.unwrap_or(e.start).max(e.start);
            h.latest_day = Some(h.latest_day.map_or(latest, |l: i32| l.max(latest)));
            h.priced.push(PricedSpan {
                category: e.category.index() as u8,
                from: e.start,
                to: e.end.unwrap_or(i32::MAX),
                weekly: e.weekly,
            });
        }
        match method.age_at {
            AgeAt::EpisodeStart => observe_by_episode(&mut h, &kept, day_number(birth)),
            AgeAt::EachDay => observe_by_day(&mut h, &kept, birth),
        }
    }
    h
}

/// cs-demand-model 0.5.1: a whole episode is in the age band of the child's age at its start
/// (days since birth ÷ 365.24); it ends with a move to the next episode's category in the same
/// band, or out of care when no episode starts on its end date.
fn observe_by_episode(h: &mut History, eps: &[Ep], birth: i32) {
    let band_at = |day: i32| -> Option<AgeBand> {
        let age = f64::from(day - birth) / 365.24;
        match age {
            a if a < -1.0 => None,
            a if a < 1.0 => Some(AgeBand::Under1),
            a if a < 5.0 => Some(AgeBand::From1To4),
            a if a < 10.0 => Some(AgeBand::From5To9),
            a if a < 16.0 => Some(AgeBand::From10To15),
            a if a < 30.0 => Some(AgeBand::From16),
            _ => None,
        }
    };
    for (i, e) in eps.iter().enumerate() {
        let Some(band) = band_at(e.start) else {
            continue;
        };
        let s = state(band, e.category) as u8;
        let to = e.end.unwrap_or(i32::MAX);
        h.spells.push(Spell {
            state: s,
            from: e.start,
            to,
        });
        let previous_adjoins = i > 0 && eps[i - 1].end == Some(e.start);
        if !previous_adjoins {
            h.moves.push(Move {
                day: e.start,
                from: OUT as u8,
                to: s,
            });
        }
        if let Some(end) = e.end {
            let next = eps.get(i + 1).filter(|n| n.start == end);
            let target = match next {
                Some(n) => state(band, n.category) as u8,
                None => OUT as u8,
            };
            if target != s {
                h.moves.push(Move {
                    day: end,
                    from: s,
                    to: target,
                });
            }
        }
    }
}

/// Harbour: a child is, on each day, in the band of their age that day (whole years, birthdays
/// as the calendar has them) and the category of that day's placement; a move is a change of
/// state from one day to the next, birthdays included.
fn observe_by_day(h: &mut History, eps: &[Ep], birth: jiff::civil::Date) {
    // Day numbers of the birthdays that start each band after the first.
    let bounds: Vec<(i32, AgeBand)> = AgeBand::ALL[1..]
        .iter()
        .filter_map(|&b| {
            birth
                .checked_add(i64::from(b.first_age()).years())
                .ok()
                .map(|d| (day_number(d), b))
        })
        .collect();
    let band_on = |day: i32| -> AgeBand {
        bounds
            .iter()
            .rev()
            .find(|(d, _)| *d <= day)
            .map_or(AgeBand::Under1, |&(_, b)| b)
    };
    let mut last: Option<Spell> = None;
    let close = |h: &mut History, spell: Spell, next: Option<&Spell>| {
        h.spells.push(spell);
        if spell.to == i32::MAX {
            return;
        }
        let to = match next {
            Some(n) if n.from == spell.to => n.state,
            _ => OUT as u8,
        };
        h.moves.push(Move {
            day: spell.to,
            from: spell.state,
            to,
        });
    };
    for e in eps {
        let end = e.end.unwrap_or(i32::MAX);
        if end <= e.start {
            // An episode that ends the day it starts holds no day in care.
            continue;
        }
        let mut from = e.start;
        // The episode, cut at the birthdays inside it.
        while from < end {
            let band = band_on(from);
            let cut = bounds
                .iter()
                .map(|&(d, _)| d)
                .find(|&d| d > from && d < end)
                .unwrap_or(end);
            let s = state(band, e.category) as u8;
            let spell = Spell {
                state: s,
                from,
                to: cut,
            };
            match last {
                Some(mut prev) if prev.to == from && prev.state == s => {
                    // Same state carries on (a new episode in the same category and band).
                    prev.to = cut;
                    last = Some(prev);
                }
                Some(prev) => {
                    close(h, prev, Some(&spell));
                    if prev.to != from {
                        h.moves.push(Move {
                            day: from,
                            from: OUT as u8,
                            to: s,
                        });
                    }
                    last = Some(spell);
                }
                None => {
                    h.moves.push(Move {
                        day: from,
                        from: OUT as u8,
                        to: s,
                    });
                    last = Some(spell);
                }
            }
            from = cut;
        }
    }
    if let Some(prev) = last {
        close(h, prev, None);
    }
}

/// Children in each state at the end of `day` (a day number): those with a spell holding it.
pub(crate) fn stock_on(spells: &[Spell], day: i32) -> [u32; STATES] {
    let mut stock = [0u32; STATES];
    for s in spells {
        if s.from <= day && day < s.to {
            stock[s.state as usize] += 1;
        }
    }
    stock
}

/// Children in each state on each day from `first` to `last` (day numbers, both included).
pub(crate) fn daily_stock(spells: &[Spell], first: i32, last: i32) -> Vec<[u32; STATES]> {
    let n = (last - first + 1).max(0) as usize;
    let mut delta = vec![[0i64; STATES]; n + 1];
    for s in spells {
        let from = s.from.max(first);
        let to = s.to.min(last + 1);
        if from >= to {
            continue;
        }
        delta[(from - first) as usize][s.state as usize] += 1;
        delta[(to - first) as usize][s.state as usize] -= 1;
    }
    let mut out = Vec::with_capacity(n);
    let mut running = [0i64; STATES];
    for d in delta.iter().take(n) {
        for k in 0..STATES {
            running[k] += d[k];
        }
        out.push(running.map(|v| v.max(0) as u32));
    }
    out
}
