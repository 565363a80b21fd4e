//! Scenarios: what would change, read from a CSV file a council edits.
//!
//! `scenarios.csv`, UTF-8 with a header row, one change a row; rows with the same `scenario`
//! make one scenario, compared with the base (no change):
//!
//! | column | what |
//! |---|---|
//! | `scenario` | its name, e.g. `Right Child, Right Home` (not `base`) |
//! | `change` | `entry_rate`, `transition_rate`, `move_share` or `weekly_cost` |
//! | `age_band` | `0-1`, `1-5`, `5-10`, `10-16`, `16+`, or `all` (empty is `all`) |
//! | `placement` | a category (`fostering`, `residential`, `supported`, `other`): where children enter (`entry_rate`, or `all`), the one they move from (`transition_rate`, `move_share`), or the one priced (`weekly_cost`) |
//! | `to` | `transition_rate`: the category moved to, or `out` (leaving care); `move_share`: the category moved to; empty otherwise |
//! | `value` | `entry_rate`, `transition_rate`: a factor (0.9 is 10% fewer); `move_share`: the share of the `placement` stock moved to `to` in a year, 0 to below 1 (0.2: a fifth a year, at a constant daily rate); `weekly_cost`: pounds a week |
//!
//! ```csv
//! scenario,change,age_band,placement,to,value
//! Right Child Right Home,move_share,10-16,residential,fostering,0.2
//! Right Child Right Home,move_share,16+,residential,supported,0.2
//! Managing Demand,entry_rate,all,all,,0.9
//! Cheaper homes,weekly_cost,,residential,,4800
//! ```

use crate::Rates;
use crate::states::{AgeBand, Category, OUT, STATES, parts, state};

/// A change to the base.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Entrants into `placement` (all when `None`) at `age_band` (all when `None`) × `factor`.
    EntryRate {
        age_band: Option<AgeBand>,
        placement: Option<Category>,
        factor: f64,
    },
    /// Moves from `placement` to `to` (`None`: leaving care) × `factor`.
    TransitionRate {
        age_band: Option<AgeBand>,
        placement: Category,
        to: Option<Category>,
        factor: f64,
    },
    /// A further `share` of the `placement` stock moved to `to` each year.
    MoveShare {
        age_band: Option<AgeBand>,
        placement: Category,
        to: Category,
        share: f64,
    },
    /// The category's weekly cost.
    WeeklyCost {
        placement: Category,
        weekly_gbp: f64,
    },
}

/// A named set of changes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scenario {
    pub name: String,
    pub changes: Vec<Change>,
}

/// A scenario file that could not be read: file, line, column, field and rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}, column {column} (`{field}`): {rule}")]
pub struct ScenarioError {
    pub file: String,
    pub line: u64,
    pub column: usize,
    pub field: String,
    pub rule: String,
}

const COLUMNS: [&str; 6] = ["scenario", "change", "age_band", "placement", "to", "value"];

/// Reads a scenario file (scenarios in the order first named).
pub fn read(file: &str, text: &str) -> Result<Vec<Scenario>, ScenarioError> {
    let err = |line: u64, column: usize, field: &str, rule: String| ScenarioError {
        file: file.to_string(),
        line,
        column,
        field: field.to_string(),
        rule,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(1, 1, "header", format!("cannot read the header row: {e}")))?
        .clone();
    let mut at = [0usize; 6];
    for (i, name) in COLUMNS.iter().enumerate() {
        at[i] = headers
            .iter()
            .position(|h| h.trim() == *name)
            .ok_or_else(|| {
                err(
                    1,
                    headers.len() + 1,
                    name,
                    format!(
                        "the header row has no `{name}` column (columns: {})",
                        COLUMNS.join(",")
                    ),
                )
            })?;
    }
    let mut out: Vec<Scenario> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, 1, "row", format!("not a CSV row: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| record.get(at[i]).unwrap_or("").trim();
        let fail = |i: usize, rule: String| err(line, at[i] + 1, COLUMNS[i], rule);
        let name = get(0);
        if name.is_empty() {
            return Err(fail(0, "must not be empty".into()));
        }
        if name.eq_ignore_ascii_case("base") {
            return Err(fail(
                0,
                "`base` is the forecast with no change; name the scenario otherwise".into(),
            ));
        }
        let band = match get(2) {
            "" | "all" => None,
            b => Some(AgeBand::from_key(b).ok_or_else(|| {
                fail(
                    2,
                    format!(
                        "`{b}` is not an age band ({}, or all)",
                        AgeBand::ALL.map(AgeBand::key).join(", ")
                    ),
                )
            })?),
        };
        let category = |i: usize,
                        allow_all: bool,
                        allow_out: bool|
         -> Result<Option<Category>, ScenarioError> {
            let v = get(i);
            if (allow_all && (v == "all" || v.is_empty())) || (allow_out && v == "out") {
                return Ok(None);
            }
            Category::from_key(v).map(Some).ok_or_else(|| {
                let mut also = String::new();
                if allow_all {
                    also.push_str(", or all");
                }
                if allow_out {
                    also.push_str(", or out");
                }
                fail(
                    i,
                    format!(
                        "`{v}` is not a placement category ({}{also})",
                        Category::ALL.map(Category::key).join(", ")
                    ),
                )
            })
        };
        let value_text = get(5);
        let value: f64 = value_text
            .replace([',', '£'], "")
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| fail(5, format!("`{value_text}` is not a number")))?;
        let no_to = |what: &str| -> Result<(), ScenarioError> {
            if get(4).is_empty() {
                Ok(())
            } else {
                Err(fail(4, format!("must be empty for {what}")))
            }
        };
        let change = match get(1) {
            "entry_rate" => {
                no_to("entry_rate")?;
                if value < 0.0 {
                    return Err(fail(5, "a factor cannot be negative".into()));
                }
                Change::EntryRate {
                    age_band: band,
                    placement: category(3, true, false)?,
                    factor: value,
                }
            }
            "transition_rate" => {
                if value < 0.0 {
                    return Err(fail(5, "a factor cannot be negative".into()));
                }
                let from = category(3, false, false)?
                    .ok_or_else(|| fail(3, "must be a category".into()))?;
                let to = category(4, false, true)?;
                if to == Some(from) {
                    return Err(fail(4, "must differ from `placement`".into()));
                }
                Change::TransitionRate {
                    age_band: band,
                    placement: from,
                    to,
                    factor: value,
                }
            }
            "move_share" => {
                if !(0.0..1.0).contains(&value) {
                    return Err(fail(5, "a share a year must be from 0 to below 1".into()));
                }
                let from = category(3, false, false)?
                    .ok_or_else(|| fail(3, "must be a category".into()))?;
                let to = category(4, false, false)?
                    .ok_or_else(|| fail(4, "must be a category".into()))?;
                if to == from {
                    return Err(fail(4, "must differ from `placement`".into()));
                }
                Change::MoveShare {
                    age_band: band,
                    placement: from,
                    to,
                    share: value,
                }
            }
            "weekly_cost" => {
                no_to("weekly_cost")?;
                if band.is_some() {
                    return Err(fail(
                        2,
                        "a weekly cost is for all ages: leave it empty or all".into(),
                    ));
                }
                if value < 0.0 {
                    return Err(fail(5, "a weekly cost cannot be negative".into()));
                }
                Change::WeeklyCost {
                    placement: category(3, false, false)?
                        .ok_or_else(|| fail(3, "must be a category".into()))?,
                    weekly_gbp: value,
                }
            }
            other => {
                return Err(fail(
                    1,
                    format!(
                        "`{other}` is not a change (entry_rate, transition_rate, move_share, weekly_cost)"
                    ),
                ));
            }
        };
        match out.iter_mut().find(|s| s.name == name) {
            Some(s) => s.changes.push(change),
            None => out.push(Scenario {
                name: name.to_string(),
                changes: vec![change],
            }),
        }
    }
    if out.is_empty() {
        return Err(err(2, 1, "row", "the file holds no scenario".into()));
    }
    Ok(out)
}

impl Scenario {
    /// The rates with this scenario's changes, in file order.
    pub(crate) fn apply(&self, base: &Rates) -> Rates {
        let mut r = base.clone();
        let in_band = |band: Option<AgeBand>, s: usize| band.is_none_or(|b| parts(s).0 == b);
        for change in &self.changes {
            match *change {
                Change::EntryRate {
                    age_band,
                    placement,
                    factor,
                } => {
                    for s in 0..STATES {
                        if in_band(age_band, s) && placement.is_none_or(|c| parts(s).1 == c) {
                            r.entries[s] *= factor;
                        }
                    }
                }
                Change::TransitionRate {
                    age_band,
                    placement,
                    to,
                    factor,
                } => {
                    for s in 0..STATES {
                        if !in_band(age_band, s) || parts(s).1 != placement {
                            continue;
                        }
                        for t in 0..=STATES {
                            let target = if t == OUT { None } else { Some(parts(t).1) };
                            if target == to {
                                r.moves[s][t] *= factor;
                            }
                        }
                    }
                }
                Change::MoveShare {
                    age_band,
                    placement,
                    to,
                    share,
                } => {
                    let daily = -(1.0 - share).ln() / 365.25;
                    for s in 0..STATES {
                        if in_band(age_band, s) && parts(s).1 == placement {
                            r.moves[s][state(parts(s).0, to)] += daily;
                        }
                    }
                }
                Change::WeeklyCost { .. } => {}
            }
        }
        r
    }

    /// The weekly costs with this scenario's changes.
    pub(crate) fn weekly(&self, base: [Option<f64>; 4]) -> [Option<f64>; 4] {
        let mut w = base;
        for change in &self.changes {
            if let Change::WeeklyCost {
                placement,
                weekly_gbp,
            } = *change
            {
                w[placement.index()] = Some(weekly_gbp);
            }
        }
        w
    }
}

/// The illustrative scenarios shipped with Harbour (`data/demo_scenarios.csv`): a fifth of the
/// residential placements of children aged 10 to 15 stepping down to fostering each year (and of
/// those 16 and over to supported accommodation), and 10% fewer children coming into care.
pub fn demo() -> Vec<Scenario> {
    read(
        "demo_scenarios.csv",
        include_str!("../data/demo_scenarios.csv"),
    )
    .expect("the demo scenarios read")
}
