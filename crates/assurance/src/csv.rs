//! The CSV layouts for assurance records, read from and written to bytes.
//!
//! # Layout
//!
//! Each file has a header row and is recognised by its first column (the record's id column),
//! whatever its name. Every column listed must be present, in any order (names compare ignoring
//! case and surrounding spaces); a column not listed is refused, so that a misspelt column is
//! never silently ignored. Files are UTF-8 (a byte-order mark is fine). Dates are `YYYY-MM-DD`;
//! an empty optional value means none. Tags are lower-case words joined by hyphens, several
//! separated by `;` (`relational-practice;multi-agency`); people's spellings (`Relational
//! practice`) are normalised. Grades are `outstanding`, `good`, `requires_improvement` or
//! `inadequate` (Ofsted's words and `RI` are read too). Flags are `1`/`0`, `yes`/`no` or blank
//! (no).
//!
//! **audit_cycles.csv**: `cycle_id, name, start_date, end_date` (required; start on or before
//! end). The sample is drawn from the children open on the start date; audits are due by the
//! end date.
//!
//! **audits.csv**: one row per audit.
//!
//! | column | rule |
//! |---|---|
//! | `audit_id` | required, unique |
//! | `cycle_id` | required: a cycle in the files or the store |
//! | `kind` | `full` or `dip` (a dip sample following up an audit graded requires improvement) |
//! | `child_id` | required: the child's LA id |
//! | `team_id`, `plan_type` | required: the team holding the case and `cp`, `cla`, `cin` or `other` |
//! | `worker_id` | the allocated worker when sampled |
//! | `auditor`, `allocated_on` | both or neither |
//! | `due_on` | when the audit is due |
//! | `completed_on`, `overall` | both or neither; completed on or after `allocated_on` |
//! | `chronology`, `visits`, `assessment`, `plan`, `supervision`, `child_voice` | domain grades, optional |
//! | `good_practice`, `development` | theme tags |
//! | `findings` | text (at most 4,000 characters) |
//! | `follows` | for `dip`: the audit followed up (required); empty for `full` |
//! | `moderator`, `moderated_on`, `moderated_overall` | all or none, only on a completed audit, moderated on or after completion |
//! | `moderation_notes` | text |
//!
//! **audit_actions.csv**: `action_id` (unique), `audit_id`, `child_id` (the audit's child),
//! `team_id`, `description`, `owner` (all required), `raised_on`, `due_on` (required; due on or
//! after raised), `closed_on` (empty while open; on or after raised).
//!
//! **workforce_posts.csv**: one row per spell of a post: `post_id`, `team_id`, `role` (`SW`
//! social worker, `TM` team manager, `FP` family practitioner, `DA` domestic abuse, `MH`
//! mental health, `SU` substance use worker), `from` (required), `to` (empty while it lasts),
//! `status` (`filled` or `vacant`), `worker_id` (required when filled, empty when vacant),
//! `agency` (only when filled). A post's rows agree on team and role, and its spells do not
//! overlap.
//!
//! **voice_feedback.csv**: `feedback_id`, `date`, `source` (`child`, `parent`, `carer`,
//! `family_member`, `professional`), `team_id`, `sentiment` (`positive`, `mixed`,
//! `negative`), `themes`, `summary` (no names).
//!
//! **voice_events.csv**: `event_id`, `date`, `team_id`, `name`, `children`, `adults` (whole
//! numbers attending), `themes`.
//!
//! **voice_nominations.csv**: `nomination_id`, `date`, `team_id`, `nominee` (the worker),
//! `nominated_by`, `themes`, `citation`.
//!
//! # Problems
//!
//! Every problem names the file, the 1-based line, the 1-based column (0 when it is about the
//! whole row or file), the field and the rule broken. A file with any problem gives no records:
//! import is all or nothing.

use crate::AssuranceData;
use crate::grade::{Domain, Grade, format_tags, parse_tags};
use crate::programme::{Action, Audit, AuditKind, Cycle, Moderation};
use crate::sample::PlanType;
use crate::voice::{Feedback, FeedbackSource, Nomination, ParticipationEvent, Sentiment};
use crate::workforce::{Post, PostSpell};
use model::{ChildId, Date, WorkerRole};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The longest free text accepted (findings, summaries, citations).
pub const MAX_TEXT: usize = 4_000;
/// The longest id or name accepted.
pub const MAX_ID: usize = 255;

/// Which layout a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Cycles,
    Audits,
    Actions,
    Posts,
    Feedback,
    Events,
    Nominations,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Cycles,
        FileKind::Audits,
        FileKind::Actions,
        FileKind::Posts,
        FileKind::Feedback,
        FileKind::Events,
        FileKind::Nominations,
    ];

    /// The file's usual name.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Cycles => "audit_cycles.csv",
            FileKind::Audits => "audits.csv",
            FileKind::Actions => "audit_actions.csv",
            FileKind::Posts => "workforce_posts.csv",
            FileKind::Feedback => "voice_feedback.csv",
            FileKind::Events => "voice_events.csv",
            FileKind::Nominations => "voice_nominations.csv",
        }
    }

    /// The columns, the id column first.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            FileKind::Cycles => &["cycle_id", "name", "start_date", "end_date"],
            FileKind::Audits => &[
                "audit_id",
                "cycle_id",
                "kind",
                "child_id",
                "team_id",
                "plan_type",
                "worker_id",
                "auditor",
                "allocated_on",
                "due_on",
                "completed_on",
                "overall",
                "chronology",
                "visits",
                "assessment",
                "plan",
                "supervision",
                "child_voice",
                "good_practice",
                "development",
                "findings",
                "follows",
                "moderator",
                "moderated_on",
                "moderated_overall",
                "moderation_notes",
            ],
            FileKind::Actions => &[
                "action_id",
                "audit_id",
                "child_id",
                "team_id",
                "description",
                "owner",
                "raised_on",
                "due_on",
                "closed_on",
            ],
            FileKind::Posts => &[
                "post_id",
                "team_id",
                "role",
                "from",
                "to",
                "status",
                "worker_id",
                "agency",
            ],
            FileKind::Feedback => &[
                "feedback_id",
                "date",
                "source",
                "team_id",
                "sentiment",
                "themes",
                "summary",
            ],
            FileKind::Events => &[
                "event_id", "date", "team_id", "name", "children", "adults", "themes",
            ],
            FileKind::Nominations => &[
                "nomination_id",
                "date",
                "team_id",
                "nominee",
                "nominated_by",
                "themes",
                "citation",
            ],
        }
    }

    /// The kind of record (`audit`, `post`, …), as problems and the store name it.
    pub fn record(self) -> &'static str {
        match self {
            FileKind::Cycles => "cycle",
            FileKind::Audits => "audit",
            FileKind::Actions => "action",
            FileKind::Posts => "post",
            FileKind::Feedback => "feedback",
            FileKind::Events => "event",
            FileKind::Nominations => "nomination",
        }
    }
}

/// The layout whose id column is the first header cell, if any.
pub fn identify(headers: &[&str]) -> Option<FileKind> {
    let first = headers.first()?.trim().trim_start_matches('\u{feff}');
    FileKind::ALL
        .into_iter()
        .find(|k| k.columns()[0].eq_ignore_ascii_case(first))
}

/// One problem in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub file: String,
    /// 1-based.
    pub line: u64,
    /// 1-based; 0 when the problem is about the whole row or file.
    pub column: usize,
    pub field: String,
    pub rule: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.field, self.rule
        )
    }
}

/// What files were read into: the records, and where each came from (by record kind and id),
/// for locating problems found later between records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub data: AssuranceData,
    pub places: BTreeMap<(&'static str, String), (String, u64)>,
}

/// Reads several files (each recognised by its header), all or nothing. Ids repeated across
/// files are problems too.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Parsed, Vec<CsvProblem>> {
    let mut parsed = Parsed::default();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        match read(name, bytes) {
            Ok(p) => {
                for (key, place) in p.places {
                    if let Some(first) = parsed.places.get(&key) {
                        problems.push(CsvProblem {
                            file: place.0.clone(),
                            line: place.1,
                            column: 1,
                            field: format!("{}_id", key.0),
                            rule: format!(
                                "{} {} appears again (first in {} line {})",
                                key.0, key.1, first.0, first.1
                            ),
                        });
                    } else {
                        parsed.places.insert(key, place);
                    }
                }
                parsed.data.merge(p.data);
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

/// Problems between records (see [`AssuranceData::cross_check`]) of `data`, located where
/// `places` knows the record; records from elsewhere (the store) are named `(stored)`.
pub fn locate(
    problems: Vec<(&'static str, String, String)>,
    places: &BTreeMap<(&'static str, String), (String, u64)>,
) -> Vec<CsvProblem> {
    problems
        .into_iter()
        .map(|(kind, id, rule)| {
            let (file, line) = places
                .get(&(kind, id.clone()))
                .cloned()
                .unwrap_or_else(|| ("(stored)".to_owned(), 0));
            CsvProblem {
                file,
                line,
                column: 0,
                field: format!("{kind} {id}"),
                rule,
            }
        })
        .collect()
}

/// Reads one file, recognised by its header row.
pub fn read(file: &str, bytes: &[u8]) -> Result<Parsed, Vec<CsvProblem>> {
    let whole = |line: u64, rule: String| {
        vec![CsvProblem {
            file: file.to_owned(),
            line,
            column: 0,
            field: "(file)".into(),
            rule,
        }]
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            return Err(whole(
                line as u64,
                "the file is not UTF-8 text (save it as CSV UTF-8)".into(),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(whole(1, "the file is empty: a header row is needed".into()));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(whole(1, format!("the header row cannot be read: {e}"))),
    };
    let cells: Vec<&str> = headers.iter().collect();
    let Some(kind) = identify(&cells) else {
        return Err(whole(
            1,
            format!(
                "the first column is {:?}, which names none of the assurance files (expected one of {})",
                cells.first().copied().unwrap_or(""),
                FileKind::ALL
                    .iter()
                    .map(|k| k.columns()[0])
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    };
    let mut problems = Vec::new();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in cells.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}');
        match kind.columns().iter().find(|c| c.eq_ignore_ascii_case(h)) {
            Some(c) if index.contains_key(c) => problems.push(CsvProblem {
                file: file.to_owned(),
                line: 1,
                column: i + 1,
                field: (*c).to_owned(),
                rule: "the column is named twice".into(),
            }),
            Some(c) => {
                index.insert(c, i);
            }
            None => problems.push(CsvProblem {
                file: file.to_owned(),
                line: 1,
                column: i + 1,
                field: h.to_owned(),
                rule: format!(
                    "not a column of {} (columns: {})",
                    kind.file_name(),
                    kind.columns().join(", ")
                ),
            }),
        }
    }
    for c in kind.columns() {
        if !index.contains_key(c) {
            problems.push(CsvProblem {
                file: file.to_owned(),
                line: 1,
                column: 0,
                field: (*c).to_owned(),
                rule: format!("the column is missing from {}", kind.file_name()),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut parsed = Parsed::default();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    let mut spells: BTreeMap<String, Vec<(u64, Post)>> = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(CsvProblem {
                    file: file.to_owned(),
                    line,
                    column: 0,
                    field: "(row)".into(),
                    rule: format!("the row cannot be read as CSV: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            file,
            line,
            record: &record,
            index: &index,
            problems: &mut problems,
        };
        if record.len() != cells.len() {
            row.problem(
                0,
                "(row)",
                format!(
                    "the row has {} values but the header has {} columns",
                    record.len(),
                    cells.len()
                ),
            );
            continue;
        }
        let id_col = kind.columns()[0];
        let Some(id) = row.required(id_col) else {
            continue;
        };
        if kind != FileKind::Posts {
            if let Some(first) = first_line.get(&id) {
                let rule = format!("{id} appears again (first on line {first})");
                row.problem(row.column(id_col), id_col, rule);
                continue;
            }
            first_line.insert(id.clone(), line);
        }
        let before = row.problems.len();
        match kind {
            FileKind::Cycles => {
                if let Some(c) = row.cycle(&id)
                    && row.problems.len() == before
                {
                    parsed.data.cycles.push(c);
                }
            }
            FileKind::Audits => {
                if let Some(a) = row.audit(&id)
                    && row.problems.len() == before
                {
                    parsed.data.audits.push(a);
                }
            }
            FileKind::Actions => {
                if let Some(a) = row.action(&id)
                    && row.problems.len() == before
                {
                    parsed.data.actions.push(a);
                }
            }
            FileKind::Posts => {
                if let Some(p) = row.post_spell(&id)
                    && row.problems.len() == before
                {
                    spells.entry(id.clone()).or_default().push((line, p));
                }
                first_line.entry(id.clone()).or_insert(line);
            }
            FileKind::Feedback => {
                if let Some(f) = row.feedback(&id)
                    && row.problems.len() == before
                {
                    parsed.data.feedback.push(f);
                }
            }
            FileKind::Events => {
                if let Some(e) = row.event(&id)
                    && row.problems.len() == before
                {
                    parsed.data.events.push(e);
                }
            }
            FileKind::Nominations => {
                if let Some(n) = row.nomination(&id)
                    && row.problems.len() == before
                {
                    parsed.data.nominations.push(n);
                }
            }
        }
    }
    // A post's spells: one team and role, no overlaps.
    for (id, mut rows) in spells {
        rows.sort_by_key(|(_, p)| p.spells[0].from);
        let (_, first) = &rows[0];
        let mut post = Post {
            id: id.clone(),
            team: first.team.clone(),
            role: first.role,
            spells: Vec::new(),
        };
        let mut previous_to: Option<Option<Date>> = None;
        for (line, p) in &rows {
            let col = |name: &str| index.get(name).map_or(0, |i| i + 1);
            let mut fail = |field: &str, rule: String| {
                problems.push(CsvProblem {
                    file: file.to_owned(),
                    line: *line,
                    column: col(field),
                    field: field.to_owned(),
                    rule,
                })
            };
            if p.team != post.team {
                fail(
                    "team_id",
                    format!("post {id} is in team {} on another row", post.team),
                );
            }
            if p.role != post.role {
                fail(
                    "role",
                    format!("post {id} is {} on another row", post.role.code()),
                );
            }
            let spell = &p.spells[0];
            match previous_to {
                Some(None) => fail(
                    "from",
                    format!("post {id} has an earlier spell with no end, so this one overlaps it"),
                ),
                Some(Some(t)) if spell.from <= t => fail(
                    "from",
                    format!(
                        "post {id}'s spells overlap: this one starts on or before {t}, when the one before ends"
                    ),
                ),
                _ => {}
            }
            previous_to = Some(spell.to);
            post.spells.push(spell.clone());
        }
        parsed.data.posts.push(post);
    }
    if !problems.is_empty() {
        problems.sort_by_key(|a| (a.line, a.column));
        return Err(problems);
    }
    for (id, line) in first_line {
        parsed
            .places
            .insert((kind.record(), id), (file.to_owned(), line));
    }
    parsed.data.normalise();
    Ok(parsed)
}

struct Row<'a> {
    file: &'a str,
    line: u64,
    record: &'a ::csv::StringRecord,
    index: &'a HashMap<&'static str, usize>,
    problems: &'a mut Vec<CsvProblem>,
}

impl Row<'_> {
    fn column(&self, name: &str) -> usize {
        self.index.get(name).map_or(0, |i| i + 1)
    }

    fn problem(&mut self, column: usize, field: &str, rule: String) {
        self.problems.push(CsvProblem {
            file: self.file.to_owned(),
            line: self.line,
            column,
            field: field.to_owned(),
            rule,
        });
    }

    fn fail(&mut self, field: &str, rule: impl Into<String>) {
        let c = self.column(field);
        self.problem(c, field, rule.into());
    }

    /// The trimmed value, or `None` when blank.
    fn value(&mut self, name: &str) -> Option<String> {
        let i = *self.index.get(name)?;
        let v = self.record.get(i).unwrap_or("").trim();
        (!v.is_empty()).then(|| v.to_owned())
    }

    /// An optional id or name (at most [`MAX_ID`] characters).
    fn id(&mut self, name: &str) -> Option<String> {
        let v = self.value(name)?;
        if v.chars().count() > MAX_ID {
            self.fail(name, format!("longer than {MAX_ID} characters"));
            return None;
        }
        Some(v)
    }

    fn required(&mut self, name: &str) -> Option<String> {
        let v = self.id(name);
        if v.is_none()
            && !self
                .problems
                .iter()
                .any(|p| p.line == self.line && p.field == name)
        {
            self.fail(name, "required: the value is empty");
        }
        v
    }

    fn text(&mut self, name: &str) -> String {
        let v = self.value(name).unwrap_or_default();
        if v.chars().count() > MAX_TEXT {
            self.fail(name, format!("longer than {MAX_TEXT} characters"));
        }
        v
    }

    fn date(&mut self, name: &str) -> Option<Date> {
        let v = self.value(name)?;
        match v.parse::<Date>() {
            Ok(d) if v.len() == 10 => Some(d),
            _ => {
                self.fail(name, format!("{v:?} is not a date written YYYY-MM-DD"));
                None
            }
        }
    }

    fn required_date(&mut self, name: &str) -> Option<Date> {
        if self.value(name).is_none() {
            self.fail(name, "required: the date is empty");
            return None;
        }
        self.date(name)
    }

    fn parsed<T>(
        &mut self,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Option<T> {
        let v = self.value(name)?;
        let p = parse(&v);
        if p.is_none() {
            self.fail(name, format!("{v:?} is not one of {allowed}"));
        }
        p
    }

    fn grade(&mut self, name: &str) -> Option<Grade> {
        self.parsed(
            name,
            Grade::parse,
            "outstanding, good, requires_improvement, inadequate",
        )
    }

    fn tags(&mut self, name: &str) -> Vec<crate::Tag> {
        let v = self.value(name).unwrap_or_default();
        match parse_tags(&v) {
            Ok(t) => t,
            Err(bad) => {
                self.fail(
                    name,
                    format!("{bad:?} is not a tag (letters, digits, spaces or hyphens; tags separated by ;)"),
                );
                Vec::new()
            }
        }
    }

    fn flag(&mut self, name: &str) -> bool {
        match self.value(name).map(|v| v.to_ascii_lowercase()) {
            None => false,
            Some(v) if v == "1" || v == "yes" || v == "y" || v == "true" => true,
            Some(v) if v == "0" || v == "no" || v == "n" || v == "false" => false,
            Some(v) => {
                self.fail(name, format!("{v:?} is not a flag (1 or 0, yes or no)"));
                false
            }
        }
    }

    fn count(&mut self, name: &str) -> u32 {
        let Some(v) = self.value(name) else { return 0 };
        match v.parse::<u32>() {
            Ok(n) => n,
            Err(_) => {
                self.fail(name, format!("{v:?} is not a whole number of people"));
                0
            }
        }
    }

    /// `later` is on or after `earlier`, when both are given.
    fn order(&mut self, earlier: (&str, Option<Date>), later: (&str, Option<Date>)) {
        if let (Some(a), Some(b)) = (earlier.1, later.1)
            && b < a
        {
            self.fail(later.0, format!("{b} is before {} ({a})", earlier.0));
        }
    }

    fn cycle(&mut self, id: &str) -> Option<Cycle> {
        let name = self.required("name");
        let start = self.required_date("start_date");
        let end = self.required_date("end_date");
        self.order(("start_date", start), ("end_date", end));
        Some(Cycle {
            id: id.to_owned(),
            name: name?,
            start: start?,
            end: end?,
        })
    }

    fn audit(&mut self, id: &str) -> Option<Audit> {
        let cycle = self.required("cycle_id");
        let kind = self.parsed("kind", AuditKind::parse, "full, dip");
        if self.value("kind").is_none() {
            self.fail("kind", "required: full or dip");
        }
        let child = self.required("child_id");
        let team = self.required("team_id");
        let plan_type = self.parsed("plan_type", PlanType::parse, "cp, cla, cin, other");
        if self.value("plan_type").is_none() {
            self.fail("plan_type", "required: cp, cla, cin or other");
        }
        let worker = self.id("worker_id").unwrap_or_default();
        let auditor = self.id("auditor");
        let allocated_on = self.date("allocated_on");
        if auditor.is_some() != (allocated_on.is_some() || self.value("allocated_on").is_some()) {
            let field = if auditor.is_some() {
                "allocated_on"
            } else {
                "auditor"
            };
            self.fail(
                field,
                "auditor and allocated_on go together: give both or neither",
            );
        }
        let due_on = self.date("due_on");
        let completed_on = self.date("completed_on");
        let overall = self.grade("overall");
        if completed_on.is_some() != overall.is_some()
            && !self
                .problems
                .iter()
                .any(|p| p.line == self.line && (p.field == "completed_on" || p.field == "overall"))
        {
            let field = if completed_on.is_some() {
                "overall"
            } else {
                "completed_on"
            };
            self.fail(field, "a completed audit has both completed_on and an overall grade; an audit not completed has neither");
        }
        if completed_on.is_some() && auditor.is_none() {
            self.fail("auditor", "a completed audit needs its auditor");
        }
        self.order(
            ("allocated_on", allocated_on),
            ("completed_on", completed_on),
        );
        let mut domains = BTreeMap::new();
        for d in Domain::ALL {
            if let Some(g) = self.grade(d.code()) {
                domains.insert(d, g);
            }
        }
        let good_practice = self.tags("good_practice");
        let development = self.tags("development");
        let findings = self.text("findings");
        let follows = self.id("follows");
        match (kind, &follows) {
            (Some(AuditKind::Dip), None) => {
                self.fail("follows", "a dip sample names the audit it follows up")
            }
            (Some(AuditKind::Full), Some(_)) => {
                self.fail("follows", "only a dip sample follows another audit")
            }
            _ => {}
        }
        let moderator = self.id("moderator");
        let moderated_on = self.date("moderated_on");
        let moderated_overall = self.grade("moderated_overall");
        let notes = self.text("moderation_notes");
        let given = [
            moderator.is_some() || self.value("moderator").is_some(),
            moderated_on.is_some() || self.value("moderated_on").is_some(),
            moderated_overall.is_some() || self.value("moderated_overall").is_some(),
        ];
        let moderation = if given.iter().all(|g| *g) {
            if completed_on.is_none() {
                self.fail("moderator", "only a completed audit can be moderated");
            }
            self.order(
                ("completed_on", completed_on),
                ("moderated_on", moderated_on),
            );
            Some(Moderation {
                moderator: moderator?,
                date: moderated_on?,
                overall: moderated_overall?,
                notes,
            })
        } else if given.iter().any(|g| *g) {
            let missing = ["moderator", "moderated_on", "moderated_overall"]
                [given.iter().position(|g| !g).unwrap_or(0)];
            self.fail(
                missing,
                "moderator, moderated_on and moderated_overall go together: give all three or none",
            );
            None
        } else {
            if !notes.is_empty() {
                self.fail(
                    "moderation_notes",
                    "notes need a moderation (moderator, moderated_on, moderated_overall)",
                );
            }
            None
        };
        Some(Audit {
            id: id.to_owned(),
            cycle: cycle?,
            kind: kind?,
            child: ChildId(child?),
            team: team?,
            plan_type: plan_type?,
            worker,
            auditor,
            allocated_on,
            due_on,
            completed_on,
            overall,
            domains,
            good_practice,
            development,
            findings,
            follows,
            moderation,
        })
    }

    fn action(&mut self, id: &str) -> Option<Action> {
        let audit = self.required("audit_id");
        let child = self.required("child_id");
        let team = self.required("team_id");
        let description = self.text("description");
        if description.is_empty() {
            self.fail("description", "required: the value is empty");
        }
        let owner = self.required("owner");
        let raised_on = self.required_date("raised_on");
        let due_on = self.required_date("due_on");
        let closed_on = self.date("closed_on");
        self.order(("raised_on", raised_on), ("due_on", due_on));
        self.order(("raised_on", raised_on), ("closed_on", closed_on));
        Some(Action {
            id: id.to_owned(),
            audit: audit?,
            child: ChildId(child?),
            team: team?,
            description,
            owner: owner?,
            raised_on: raised_on?,
            due_on: due_on?,
            closed_on,
        })
    }

    /// One row of a post: a post holding just this spell.
    fn post_spell(&mut self, id: &str) -> Option<Post> {
        let team = self.required("team_id");
        let role = self.parsed("role", WorkerRole::from_code, "SW, TM, FP, DA, MH, SU");
        if self.value("role").is_none() {
            self.fail("role", "required: SW, TM, FP, DA, MH or SU");
        }
        let from = self.required_date("from");
        let to = self.date("to");
        self.order(("from", from), ("to", to));
        let status = self.value("status").map(|s| s.to_ascii_lowercase());
        let worker = self.id("worker_id");
        let agency = self.flag("agency");
        match status.as_deref() {
            Some("filled") => {
                if worker.is_none() {
                    self.fail("worker_id", "a filled post names its worker");
                }
            }
            Some("vacant") => {
                if worker.is_some() {
                    self.fail("worker_id", "a vacant post has no worker");
                }
                if agency {
                    self.fail("agency", "a vacant post is not filled by agency staff");
                }
            }
            Some(other) => self.fail("status", format!("{other:?} is not one of filled, vacant")),
            None => self.fail("status", "required: filled or vacant"),
        }
        Some(Post {
            id: id.to_owned(),
            team: team?,
            role: role?,
            spells: vec![PostSpell {
                from: from?,
                to,
                worker,
                agency,
            }],
        })
    }

    fn feedback(&mut self, id: &str) -> Option<Feedback> {
        let date = self.required_date("date");
        let source = self.parsed(
            "source",
            FeedbackSource::parse,
            "child, parent, carer, family_member, professional",
        );
        if self.value("source").is_none() {
            self.fail(
                "source",
                "required: child, parent, carer, family_member or professional",
            );
        }
        let team = self.id("team_id").unwrap_or_default();
        let sentiment = self.parsed("sentiment", Sentiment::parse, "positive, mixed, negative");
        if self.value("sentiment").is_none() {
            self.fail("sentiment", "required: positive, mixed or negative");
        }
        let themes = self.tags("themes");
        let summary = self.text("summary");
        Some(Feedback {
            id: id.to_owned(),
            date: date?,
            source: source?,
            team,
            sentiment: sentiment?,
            themes,
            summary,
        })
    }

    fn event(&mut self, id: &str) -> Option<ParticipationEvent> {
        let date = self.required_date("date");
        let team = self.id("team_id").unwrap_or_default();
        let name = self.required("name");
        let children = self.count("children");
        let adults = self.count("adults");
        let themes = self.tags("themes");
        Some(ParticipationEvent {
            id: id.to_owned(),
            date: date?,
            team,
            name: name?,
            children,
            adults,
            themes,
        })
    }

    fn nomination(&mut self, id: &str) -> Option<Nomination> {
        let date = self.required_date("date");
        let team = self.id("team_id").unwrap_or_default();
        let nominee = self.required("nominee");
        let nominated_by = self.required("nominated_by");
        let themes = self.tags("themes");
        let citation = self.text("citation");
        Some(Nomination {
            id: id.to_owned(),
            date: date?,
            team,
            nominee: nominee?,
            nominated_by: nominated_by?,
            themes,
            citation,
        })
    }
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn grade(g: Option<Grade>) -> String {
    g.map(|g| g.code().to_owned()).unwrap_or_default()
}

fn flag(b: bool) -> String {
    (if b { "1" } else { "0" }).to_owned()
}

/// Writes the records of one layout as CSV (header first), in id order.
pub fn write(kind: FileKind, data: &AssuranceData) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    match kind {
        FileKind::Cycles => {
            for c in &data.cycles {
                rows.push(vec![
                    c.id.clone(),
                    c.name.clone(),
                    c.start.to_string(),
                    c.end.to_string(),
                ]);
            }
        }
        FileKind::Audits => {
            for a in &data.audits {
                let m = a.moderation.as_ref();
                let mut row = vec![
                    a.id.clone(),
                    a.cycle.clone(),
                    a.kind.code().to_owned(),
                    a.child.0.clone(),
                    a.team.clone(),
                    a.plan_type.code().to_owned(),
                    a.worker.clone(),
                    a.auditor.clone().unwrap_or_default(),
                    date(a.allocated_on),
                    date(a.due_on),
                    date(a.completed_on),
                    grade(a.overall),
                ];
                for d in Domain::ALL {
                    row.push(grade(a.domains.get(&d).copied()));
                }
                row.extend([
                    format_tags(&a.good_practice),
                    format_tags(&a.development),
                    a.findings.clone(),
                    a.follows.clone().unwrap_or_default(),
                    m.map(|m| m.moderator.clone()).unwrap_or_default(),
                    date(m.map(|m| m.date)),
                    grade(m.map(|m| m.overall)),
                    m.map(|m| m.notes.clone()).unwrap_or_default(),
                ]);
                rows.push(row);
            }
        }
        FileKind::Actions => {
            for x in &data.actions {
                rows.push(vec![
                    x.id.clone(),
                    x.audit.clone(),
                    x.child.0.clone(),
                    x.team.clone(),
                    x.description.clone(),
                    x.owner.clone(),
                    x.raised_on.to_string(),
                    x.due_on.to_string(),
                    date(x.closed_on),
                ]);
            }
        }
        FileKind::Posts => {
            for p in &data.posts {
                for s in &p.spells {
                    let filled = s.worker.is_some();
                    rows.push(vec![
                        p.id.clone(),
                        p.team.clone(),
                        p.role.code().to_owned(),
                        s.from.to_string(),
                        date(s.to),
                        (if filled { "filled" } else { "vacant" }).to_owned(),
                        s.worker.clone().unwrap_or_default(),
                        if filled {
                            flag(s.agency)
                        } else {
                            String::new()
                        },
                    ]);
                }
            }
        }
        FileKind::Feedback => {
            for f in &data.feedback {
                rows.push(vec![
                    f.id.clone(),
                    f.date.to_string(),
                    f.source.code().to_owned(),
                    f.team.clone(),
                    f.sentiment.code().to_owned(),
                    format_tags(&f.themes),
                    f.summary.clone(),
                ]);
            }
        }
        FileKind::Events => {
            for e in &data.events {
                rows.push(vec![
                    e.id.clone(),
                    e.date.to_string(),
                    e.team.clone(),
                    e.name.clone(),
                    e.children.to_string(),
                    e.adults.to_string(),
                    format_tags(&e.themes),
                ]);
            }
        }
        FileKind::Nominations => {
            for n in &data.nominations {
                rows.push(vec![
                    n.id.clone(),
                    n.date.to_string(),
                    n.team.clone(),
                    n.nominee.clone(),
                    n.nominated_by.clone(),
                    format_tags(&n.themes),
                    n.citation.clone(),
                ]);
            }
        }
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(kind.columns());
    for r in rows {
        let _ = w.write_record(&r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
