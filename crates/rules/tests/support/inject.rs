//! Errors injected into a clean synthetic census, deterministically from a seed.
//!
//! The census is the one `formats` writes: one element a line, two-space indentation. Each child
//! is picked with probability `rate` and gets one to three of the edits below, which between them
//! reach every rule the census can break: values removed, set to codes outside the code sets,
//! dates shifted by a day, a week, a month or a year, dates malformed, blocks duplicated,
//! identifiers copied from the child before, UPN characters changed, flags flipped.
//!
//! Dates are malformed only in ways the peer also rejects: the peer reads `31/03/2025` as a date
//! where the schema's `xs:date` does not (PEER_DEFECTS.md).

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Elements whose value an edit may change or remove. `LAchildID` is changed only by the
/// id edits: a child without one makes the whole peer run fail (PEER_DEFECTS.md), so rule 8500
/// is checked by its fixture alone.
const VALUES: &[&str] = &[
    "UPN",
    "FormerUPN",
    "UPNunknown",
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "Sex",
    "PersonDeathDate",
    "Ethnicity",
    "Disability",
    "CINreferralDate",
    "ReferralSource",
    "PrimaryNeedCode",
    "CINclosureDate",
    "ReasonForClosure",
    "DateOfInitialCPC",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
    "AssessmentFactors",
    "CINPlanStartDate",
    "CINPlanEndDate",
    "S47ActualStartDate",
    "InitialCPCtarget",
    "ICPCnotRequired",
    "ReferralNFA",
    "CPPstartDate",
    "CPPendDate",
    "InitialCategoryOfAbuse",
    "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP",
    "CPPreviewDate",
];

/// Blocks an edit may duplicate or remove.
const BLOCKS: &[&str] = &[
    "CINdetails",
    "Assessments",
    "CINPlanDates",
    "Section47",
    "ChildProtectionPlans",
    "Reviews",
    "Disabilities",
    "FactorsIdentifiedAtAssessment",
];

/// Values outside (or at the edge of) the code sets, and other odd values.
const ODD: &[&str] = &[
    "XX",
    "",
    "N0",
    "RC9",
    "RC8",
    "21",
    "NONE",
    "UN7",
    "UN1",
    "UN5",
    "U",
    "M",
    "0",
    "1",
    "true",
    "false",
    "MUL",
    "9",
    "5D",
    "18A",
    "19A",
    "DDA",
    "REFU",
    "-1",
    "A1234567890123",
];

const SHIFTS: &[i64] = &[
    -400, -365, -60, -30, -14, -7, -2, -1, 1, 2, 7, 14, 30, 60, 365, 400,
];

fn value_lines(lines: &[String], name: &str) -> Vec<usize> {
    let open = format!("<{name}>");
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(&open) && l.contains(&format!("</{name}>")))
        .map(|(i, _)| i)
        .collect()
}

fn block_ranges(lines: &[String], name: &str) -> Vec<(usize, usize)> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t == open {
            stack.push(i);
        } else if t == close
            && let Some(s) = stack.pop()
        {
            out.push((s, i));
        }
    }
    out
}

fn set_value(line: &str, value: &str) -> String {
    let start = line.find('>').unwrap() + 1;
    let end = line.rfind("</").unwrap();
    format!("{}{}{}", &line[..start], value, &line[end..])
}

/// Whether the line is one element with its value, `<Name>value</Name>`.
fn is_value_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('<')
        && !t.starts_with("</")
        && t.ends_with('>')
        && matches!((t.find('>'), t.rfind("</")), (Some(a), Some(b)) if a < b)
}

fn value_of(line: &str) -> &str {
    let start = line.find('>').unwrap() + 1;
    let end = line.rfind("</").unwrap();
    &line[start..end]
}

fn shift_date(text: &str, days: i64) -> Option<String> {
    let d: jiff::civil::Date = text.parse().ok()?;
    d.checked_add(jiff::Span::new().days(days))
        .ok()
        .map(|d| d.to_string())
}

/// One edit to one child's lines; `previous_id` is the LAchildID of the child before.
fn edit(rng: &mut Rng, lines: &mut Vec<String>, previous_id: Option<&str>) {
    match rng.below(10) {
        // A value removed.
        0 => {
            let name = *rng.pick(VALUES);
            let at = value_lines(lines, name);
            if !at.is_empty() {
                let i = at[rng.below(at.len())];
                lines.remove(i);
            }
        }
        // A value set to something odd.
        1 | 2 => {
            let name = *rng.pick(VALUES);
            let at = value_lines(lines, name);
            if !at.is_empty() {
                let i = at[rng.below(at.len())];
                let odd = ODD[rng.below(ODD.len())];
                lines[i] = set_value(&lines[i], odd);
            }
        }
        // A date shifted.
        3..=5 => {
            let dates: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    is_value_line(&lines[i]) && shift_date(value_of(&lines[i]), 0).is_some()
                })
                .collect();
            if !dates.is_empty() {
                let i = dates[rng.below(dates.len())];
                let shift = *rng.pick(SHIFTS);
                if let Some(d) = shift_date(value_of(&lines[i]), shift) {
                    lines[i] = set_value(&lines[i], &d);
                }
            }
        }
        // A date malformed.
        6 => {
            let dates: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    is_value_line(&lines[i]) && shift_date(value_of(&lines[i]), 0).is_some()
                })
                .collect();
            if !dates.is_empty() {
                let i = dates[rng.below(dates.len())];
                let bad = *rng.pick(&["2025-02-30", "2025-13-01", "not a date", "2025-00-10"]);
                lines[i] = set_value(&lines[i], bad);
            }
        }
        // A block duplicated or removed.
        7 => {
            let name = *rng.pick(BLOCKS);
            let at = block_ranges(lines, name);
            if !at.is_empty() {
                let (s, e) = at[rng.below(at.len())];
                if rng.chance(0.7) {
                    let copy: Vec<String> = lines[s..=e].to_vec();
                    lines.splice(e + 1..e + 1, copy);
                } else if name != "CINdetails" {
                    lines.drain(s..=e);
                }
            } else {
                // Or a single repeated value: a disability, a factor, a review date.
                let name = *rng.pick(&["Disability", "AssessmentFactors", "CPPreviewDate"]);
                let at = value_lines(lines, name);
                if !at.is_empty() {
                    let i = at[rng.below(at.len())];
                    let copy = lines[i].clone();
                    lines.insert(i + 1, copy);
                }
            }
        }
        // The id of the child before.
        8 => {
            if let (Some(prev), Some(&i)) = (previous_id, value_lines(lines, "LAchildID").first()) {
                lines[i] = set_value(&lines[i], prev);
            }
        }
        // A UPN character changed, or a long or odd LA child id.
        _ => {
            let at = value_lines(lines, "UPN");
            if let Some(&i) = at.first()
                && rng.chance(0.6)
            {
                let mut upn: Vec<u8> = value_of(&lines[i]).as_bytes().to_vec();
                if !upn.is_empty() {
                    let k = rng.below(upn.len());
                    upn[k] = *rng.pick(b"ABZ0159IO-");
                    let upn = String::from_utf8(upn).unwrap();
                    lines[i] = set_value(&lines[i], &upn);
                }
            } else if let Some(&i) = value_lines(lines, "LAchildID").first() {
                let id = value_of(&lines[i]).to_owned();
                let odd = *rng.pick(&["_x", "-1", "ABCDEFGHIJKLMNOPQRSTU", " y"]);
                lines[i] = set_value(&lines[i], &format!("{id}{odd}"));
            }
        }
    }
}

/// The census with errors injected into about `rate` of its children.
pub fn inject(xml: &str, seed: u64, rate: f64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(xml.len() + xml.len() / 10);
    let mut child: Option<Vec<String>> = None;
    let mut previous_id: Option<String> = None;
    for line in xml.lines() {
        let t = line.trim();
        if t == "<Child>" {
            child = Some(vec![line.to_owned()]);
            continue;
        }
        if let Some(lines) = child.as_mut() {
            lines.push(line.to_owned());
            if t == "</Child>" {
                let mut lines = child.take().unwrap();
                if rng.chance(rate) {
                    for _ in 0..1 + rng.below(3) {
                        edit(&mut rng, &mut lines, previous_id.as_deref());
                    }
                }
                previous_id = value_lines(&lines, "LAchildID")
                    .first()
                    .map(|&i| value_of(&lines[i]).to_owned());
                for l in lines {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
