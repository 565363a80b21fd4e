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

/// The first value of `name` in the lines, if any.
fn first_value<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
    value_lines(lines, name)
        .first()
        .map(|&i| value_of(&lines[i]))
}

/// Inserts `<name>value</name>` before the first line that is `</before>`.
fn insert_before(lines: &mut Vec<String>, before: &str, name: &str, value: &str) {
    let close = format!("</{before}>");
    if let Some(i) = lines.iter().position(|l| l.trim() == close) {
        let indent = " ".repeat(lines[i].len() - lines[i].trim_start().len() + 2);
        lines.insert(i, format!("{indent}<{name}>{value}</{name}>"));
    }
}

/// Sets the first `name` to `value`, or adds it before `</before>` when there is none.
fn set_or_add(lines: &mut Vec<String>, name: &str, value: &str, before: &str) {
    match value_lines(lines, name).first() {
        Some(&i) => lines[i] = set_value(&lines[i], value),
        None => insert_before(lines, before, name, value),
    }
}

/// Edits aimed at one rule or a few, with values near their limits: deaths around the dates of
/// the child's work, unborn children, shared UPNs, closure reasons, conference dates, plans
/// ending the day they start, children without episodes, ages near 25.
fn scenario(rng: &mut Rng, lines: &mut Vec<String>, previous_upn: Option<&str>) {
    let referral = first_value(lines, "CINreferralDate").map(str::to_owned);
    let shift = |rng: &mut Rng, d: &str| shift_date(d, *rng.pick(&[-2, -1, 0, 1, 2, 30, 400]));
    match rng.below(12) {
        0 => {
            let anchor = [
                "CPPstartDate",
                "CINPlanStartDate",
                "CPPendDate",
                "CINPlanEndDate",
            ]
            .iter()
            .find_map(|n| first_value(lines, n))
            .map(str::to_owned)
            .or(referral);
            if let Some(d) = anchor.and_then(|d| shift(rng, &d)) {
                set_or_add(lines, "PersonDeathDate", &d, "ChildIdentifiers");
            }
        }
        1 => {
            let born = value_lines(lines, "PersonBirthDate");
            if let (Some(&i), Some(r)) = (born.first(), referral) {
                let due = shift_date(&r, *rng.pick(&[100, 279, 280, 281, 300])).unwrap_or(r);
                lines[i] = format!(
                    "{}<ExpectedPersonBirthDate>{due}</ExpectedPersonBirthDate>",
                    &lines[i][..lines[i].len() - lines[i].trim_start().len()]
                );
            }
        }
        2 => {
            if let Some(upn) = previous_upn {
                set_or_add(lines, "UPN", upn, "ChildIdentifiers");
            }
        }
        3 => {
            let code = *rng.pick(&["RC2", "RC8", "RC9"]);
            if let Some(&i) = value_lines(lines, "ReasonForClosure").first() {
                lines[i] = set_value(&lines[i], code);
            }
        }
        4 => {
            if let Some(&i) = value_lines(lines, "UPN").first() {
                lines[i] = "        <UPNunknown>UN7</UPNunknown>".to_owned();
            }
        }
        5 => {
            // A conference at episode level too, on the S47's day or a day or three after.
            if let Some(&at) = value_lines(lines, "DateOfInitialCPC").first()
                && let Some(d) = shift_date(value_of(&lines[at]), *rng.pick(&[0, 1, 3]))
                && let Some(c) = lines[..at].iter().rposition(|l| l.trim() == "<CINdetails>")
            {
                let indent = lines[c + 1].len() - lines[c + 1].trim_start().len();
                let line = format!(
                    "{}<DateOfInitialCPC>{d}</DateOfInitialCPC>",
                    " ".repeat(indent)
                );
                lines.insert(c + 2, line);
            }
        }
        6 => {
            for (start, end) in [
                ("CPPstartDate", "CPPendDate"),
                ("CINPlanStartDate", "CINPlanEndDate"),
            ] {
                if let (Some(d), Some(&i)) = (
                    first_value(lines, start).map(str::to_owned),
                    value_lines(lines, end).first(),
                ) {
                    lines[i] = set_value(&lines[i], &d);
                }
            }
        }
        7 => {
            // No episode at all.
            while let Some((s, e)) = block_ranges(lines, "CINdetails").first().copied() {
                lines.drain(s..=e);
            }
        }
        8 => {
            if let Some(&i) = value_lines(lines, "PersonBirthDate").first() {
                let d = *rng.pick(&[
                    "2000-03-31",
                    "2000-04-01",
                    "2001-03-31",
                    "1990-06-01",
                    "2026-04-01",
                    "2020-08-31",
                    "2020-09-01",
                ]);
                lines[i] = set_value(&lines[i], d);
            }
        }
        9 => {
            for i in value_lines(lines, "ReferralNFA") {
                lines[i] = set_value(&lines[i], "1");
            }
        }
        10 => {
            // An open enquiry beside another, or a conference no longer needed.
            if let Some(&i) = value_lines(lines, "ICPCnotRequired").first() {
                let v = *rng.pick(&["0", "1", "true", "false"]);
                lines[i] = set_value(&lines[i], v);
            }
        }
        _ => {
            if let Some(&i) = value_lines(lines, "Sex").first() {
                lines[i] = set_value(&lines[i], "U");
            }
        }
    }
}

/// One edit to one child's lines; `previous_id` is the LAchildID of the child before.
fn edit(
    rng: &mut Rng,
    lines: &mut Vec<String>,
    previous_id: Option<&str>,
    previous_upn: Option<&str>,
) {
    if rng.chance(0.4) {
        scenario(rng, lines, previous_upn);
        return;
    }
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

/// Characters 2-4 of a 13-character UPN set to another LA number, recognised or not (rule 1530),
/// for about 3% of the children with one. Never 942 or 943, which the peer's 2022-23 pack (used
/// for 2023-24) predates.
fn set_la_number(rng: &mut Rng, lines: &mut [String]) {
    if !rng.chance(0.03) {
        return;
    }
    let la = *rng.pick(&[
        "999", "814", "000", "006", "682", "201", "709", "875", "A18",
    ]);
    if let Some(&i) = value_lines(lines, "UPN").first() {
        let upn = value_of(&lines[i]);
        if upn.len() == 13 && upn.is_ascii() {
            let upn = format!("{}{la}{}", &upn[..1], &upn[4..]);
            lines[i] = set_value(&lines[i], &upn);
        }
    }
}

/// The census with errors injected into about `rate` of its children.
pub fn inject(xml: &str, seed: u64, rate: f64) -> String {
    let mut rng = Rng::new(seed);
    // A stream of its own for the LA numbers of UPNs, so the other edits stay as they were.
    let mut la_rng = Rng::new(seed ^ 0x1530_1530);
    let mut out = String::with_capacity(xml.len() + xml.len() / 10);
    let mut child: Option<Vec<String>> = None;
    let mut previous_id: Option<String> = None;
    let mut previous_upn: Option<String> = None;
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
                        edit(
                            &mut rng,
                            &mut lines,
                            previous_id.as_deref(),
                            previous_upn.as_deref(),
                        );
                    }
                }
                set_la_number(&mut la_rng, &mut lines);
                previous_id = first_value(&lines, "LAchildID").map(str::to_owned);
                previous_upn = first_value(&lines, "UPN").map(str::to_owned);
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
