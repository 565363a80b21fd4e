//! The streaming reader: quick-xml events in, children and problems out.

use super::source::{NotUtf8, Tracked};
use super::tags::Tag;
use super::{CinCensus, CinHeader};
use crate::{FormatError, Location, Problem, ProblemKind, Read};
use model::codes::{CodeSet, Sex};
use model::{
    Assessment, Child, ChildId, CinPlan, CollectionYear, CpPlan, Date, PreProceedings, Referral,
    Section47,
};
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesRef, Event};
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

pub(super) fn read<R: BufRead>(reader: R, file: &Path) -> Result<Read<CinCensus>, FormatError> {
    let mut xml = quick_xml::Reader::from_reader(Tracked::new(reader));
    let mut census = Builder::new();
    let mut buf = Vec::with_capacity(4096);
    let outcome = loop {
        buf.clear();
        let at = xml.get_ref().consumed();
        let event = xml.read_event_into(&mut buf);
        // Bytes that are not UTF-8 make any later complaint meaningless, so they come first.
        if let Some(bad) = xml.get_ref().not_utf8() {
            break Err(not_utf8(bad, census.declared_encoding.as_deref()));
        }
        match event {
            Ok(Event::Eof) => break census.eof(xml.get_ref().consumed()),
            Ok(event) => {
                if let Err(fatal) = census.event(event, at) {
                    break Err(fatal);
                }
            }
            Err(XmlError::Io(e)) => {
                let source = std::sync::Arc::try_unwrap(e).unwrap_or_else(|shared| {
                    std::io::Error::new(shared.kind(), shared.to_string())
                });
                return Err(FormatError::Io {
                    file: file.to_owned(),
                    source,
                });
            }
            Err(e) => {
                // quick-xml counts offsets after a byte-order mark; the tracker counts from the
                // first byte of the file.
                let bom = xml
                    .get_ref()
                    .consumed()
                    .saturating_sub(xml.buffer_position());
                break Err(Fatal::xml(
                    xml.error_position() + bom,
                    describe_xml_error(&e),
                ));
            }
        }
    };
    let source = xml.get_mut();
    let outcome = match (outcome, source.finish()) {
        (Ok(()), Some(bad)) => Err(not_utf8(bad, census.declared_encoding.as_deref())),
        (outcome, _) => outcome,
    };
    if let Err(fatal) = outcome {
        let (line, column) = source.line_column(fatal.offset);
        let file = file.to_owned();
        return Err(match fatal.kind {
            FatalKind::Xml => FormatError::Xml {
                file,
                line,
                column,
                message: fatal.message,
            },
            FatalKind::Structure => FormatError::Structure {
                file,
                line,
                column,
                message: fatal.message,
            },
        });
    }
    // Problems about a missing element are found when its parent closes; file order reads better.
    census.problems.sort_by_key(|p| p.offset);
    let problems = census
        .problems
        .into_iter()
        .map(|p| {
            let (line, column) = source.line_column(p.offset);
            Problem {
                kind: p.kind,
                location: Location::Xml {
                    file: file.to_owned(),
                    line,
                    column,
                    path: p.path,
                },
                field: p.field,
                child_id: p.child_id,
                message: p.message,
            }
        })
        .collect();
    Ok(Read {
        data: CinCensus {
            header: census.header,
            children: census.children,
        },
        problems,
    })
}

/// Why the file cannot be read, and where; turned into a [`FormatError`] once the offset has a
/// line and column.
#[derive(Debug)]
pub(super) struct Fatal {
    kind: FatalKind,
    pub(super) offset: u64,
    pub(super) message: String,
}

#[derive(Debug)]
enum FatalKind {
    Xml,
    Structure,
}

impl Fatal {
    fn xml(offset: u64, message: String) -> Self {
        Self {
            kind: FatalKind::Xml,
            offset,
            message,
        }
    }
    fn structure(offset: u64, message: String) -> Self {
        Self {
            kind: FatalKind::Structure,
            offset,
            message,
        }
    }
}

pub(super) fn not_utf8(bad: NotUtf8, declared: Option<&str>) -> Fatal {
    let mut message = if bad.offset == 0 && matches!(bad.byte, 0xFE | 0xFF) {
        "the file is not UTF-8: it starts with a UTF-16 byte-order mark".to_owned()
    } else if bad.truncated {
        format!(
            "the file is not UTF-8: it ends inside a character (byte 0x{:02X})",
            bad.byte
        )
    } else {
        crate::text::not_utf8_message(bad.byte)
    };
    if let Some(encoding) = declared.filter(|e| !e.eq_ignore_ascii_case("utf-8")) {
        message.push_str(&format!(" (the file declares encoding '{encoding}')"));
    }
    message.push_str("; CIN census files must be UTF-8: save the file as UTF-8 and load it again");
    Fatal::structure(bad.offset, message)
}

pub(crate) fn describe_xml_error(e: &XmlError) -> String {
    match e {
        XmlError::Syntax(SyntaxError::UnclosedTag) => {
            "a tag is not closed: '>' is missing before the end of the file".to_owned()
        }
        XmlError::Syntax(
            SyntaxError::UnclosedSingleQuotedAttributeValue
            | SyntaxError::UnclosedDoubleQuotedAttributeValue,
        ) => "an attribute value in this tag is not closed: its closing quote is missing before \
              the end of the file; is it cut short?"
            .to_owned(),
        XmlError::Syntax(SyntaxError::UnclosedComment) => {
            "a comment is not closed: '-->' is missing before the end of the file".to_owned()
        }
        XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("</{found}> found where </{expected}> should close <{expected}>")
        }
        XmlError::IllFormed(IllFormedError::UnmatchedEndTag(tag)) => {
            format!("</{tag}> closes an element that is not open")
        }
        XmlError::IllFormed(IllFormedError::UnclosedReference) => {
            "'&' is not followed by a reference ending in ';' (write '&amp;' for a literal '&')"
                .to_owned()
        }
        other => other.to_string(),
    }
}

/// A problem found while streaming, located by byte offset until the end of the file.
struct Pending {
    kind: ProblemKind,
    offset: u64,
    path: String,
    field: String,
    child_id: Option<String>,
    message: String,
}

/// An open element.
struct Frame {
    tag: Tag,
    /// 1-based position among its siblings of the same name.
    index: u32,
    /// Byte offset of its `<`.
    start: u64,
    /// How many children of each name it has had so far.
    counts: Vec<(Tag, u32)>,
    /// Counted by name in a map: a file may hold any number of distinct unknown names.
    unknown_counts: HashMap<String, u32>,
}

impl Frame {
    fn count(&self, tag: Tag) -> u32 {
        self.counts
            .iter()
            .find(|(t, _)| *t == tag)
            .map_or(0, |(_, n)| *n)
    }

    fn next_index(&mut self, tag: Option<Tag>, name: &str) -> u32 {
        let slot = match tag {
            Some(tag) => match self.counts.iter().position(|(t, _)| *t == tag) {
                Some(i) => &mut self.counts[i].1,
                None => {
                    self.counts.push((tag, 0));
                    &mut self.counts.last_mut().unwrap().1
                }
            },
            None => match self.unknown_counts.get_mut(name) {
                Some(n) => n,
                None => self.unknown_counts.entry(name.to_owned()).or_insert(0),
            },
        };
        *slot += 1;
        *slot
    }
}

#[derive(Default)]
struct HeaderDraft {
    year: Option<CollectionYear>,
    lea: String,
    software_code: String,
    release: String,
    serial_no: String,
    date_time: String,
}

#[derive(Default)]
struct ChildDraft {
    child: Child,
    id: Option<String>,
    gender_current: Option<Sex>,
    /// Index into the problems of the first one found in this child.
    first_problem: usize,
}

#[derive(Default)]
struct Drafts {
    header: Option<HeaderDraft>,
    child: ChildDraft,
    referral: Option<Referral>,
    referral_date: Option<Date>,
    assessment: Option<Assessment>,
    assessment_start: Option<Date>,
    cin_plan: Option<CinPlan>,
    cin_plan_start: Option<Date>,
    section47: Option<Section47>,
    section47_start: Option<Date>,
    cp_plan: Option<CpPlan>,
    cp_plan_start: Option<Date>,
}

struct Builder {
    frames: Vec<Frame>,
    depth: usize,
    /// Depth inside an element being skipped with everything in it.
    skipping: u32,
    root_closed: bool,
    /// Text of the value element being read, and the offset of its first non-space byte.
    text: String,
    text_at: Option<u64>,
    /// Stray text in a container was reported and has not been interrupted by an element since.
    in_stray_text: bool,
    declared_encoding: Option<String>,
    drafts: Drafts,
    problems: Vec<Pending>,
    header: Option<CinHeader>,
    children: Vec<Child>,
    /// Each child's id and the position of its `<Child>`, to report a second one.
    child_indices: HashMap<String, u32>,
}

/// The longest value any element of the census holds, with room to spare; a longer one is a
/// damaged file or one that is not what it seems.
const MAX_VALUE_CHARS: usize = 255;

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn first_non_space(s: &str) -> Option<usize> {
    s.bytes().position(|b| !is_xml_space(b))
}

/// A value as quoted in a message: trimmed, on one line, and cut short when long.
fn quote(value: &str) -> String {
    const MAX: usize = 60;
    let one_line: String = value
        .trim_matches(|c: char| c.is_ascii() && is_xml_space(c as u8))
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("'{cut}…'")
    } else {
        format!("'{one_line}'")
    }
}

/// A strict `xs:date` without time zone: `YYYY-MM-DD`, and a day that exists.
fn parse_date(value: &str) -> Option<Date> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let number = |r: std::ops::Range<usize>| value[r].parse::<i16>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

impl Builder {
    fn new() -> Self {
        Self {
            frames: Vec::new(),
            depth: 0,
            skipping: 0,
            root_closed: false,
            text: String::new(),
            text_at: None,
            in_stray_text: false,
            declared_encoding: None,
            drafts: Drafts::default(),
            problems: Vec::new(),
            header: None,
            children: Vec::new(),
            child_indices: HashMap::new(),
        }
    }

    fn event(&mut self, event: Event<'_>, at: u64) -> Result<(), Fatal> {
        match event {
            Event::Start(e) => self.start(e.name().as_ref(), at, false),
            Event::Empty(e) => self.start(e.name().as_ref(), at, true),
            Event::End(_) => {
                self.end();
                Ok(())
            }
            Event::Text(e) => self.text(&e, at),
            // `<![CDATA[` is 9 bytes.
            Event::CData(e) => self.text(&e, at + 9),
            Event::GeneralRef(e) => self.reference(&e, at),
            Event::Decl(decl) => {
                if let Some(Ok(encoding)) = decl.encoding() {
                    self.declared_encoding = Some(encoding.into_owned());
                }
                Ok(())
            }
            Event::Comment(_) | Event::PI(_) | Event::DocType(_) | Event::Eof => Ok(()),
        }
    }

    fn eof(&mut self, at: u64) -> Result<(), Fatal> {
        if self.depth > 0 {
            let message = format!(
                "the file ends before </{}> at {}; is it cut short?",
                self.top().tag.name(),
                self.path()
            );
            return Err(Fatal::xml(at, message));
        }
        if !self.root_closed {
            let message = if at == 0 {
                "the file is empty"
            } else {
                "the file has no XML element"
            };
            return Err(Fatal::xml(at, message.to_owned()));
        }
        Ok(())
    }

    fn top(&self) -> &Frame {
        &self.frames[self.depth - 1]
    }

    fn parent_tag(&self) -> Option<Tag> {
        (self.depth >= 2).then(|| self.frames[self.depth - 2].tag)
    }

    fn push(&mut self, tag: Tag, index: u32, start: u64) {
        if self.depth < self.frames.len() {
            let frame = &mut self.frames[self.depth];
            frame.tag = tag;
            frame.index = index;
            frame.start = start;
            frame.counts.clear();
            frame.unknown_counts.clear();
        } else {
            self.frames.push(Frame {
                tag,
                index,
                start,
                counts: Vec::new(),
                unknown_counts: HashMap::new(),
            });
        }
        self.depth += 1;
    }

    /// The path of the open elements, e.g. `/Message/Children/Child[3]/CINdetails[1]`.
    fn path(&self) -> String {
        let mut path = String::with_capacity(96);
        for frame in &self.frames[..self.depth] {
            push_step(
                &mut path,
                frame.tag.name(),
                frame.index,
                frame.tag.repeats(),
            );
        }
        path
    }

    fn report(
        &mut self,
        kind: ProblemKind,
        offset: u64,
        path: String,
        field: &str,
        message: String,
    ) {
        let (field, child_id) = (field.to_owned(), self.drafts.child.id.clone());
        self.problems.push(Pending {
            kind,
            offset,
            path,
            field,
            child_id,
            message,
        });
    }

    /// Reports a problem with the value of the open value element.
    fn value_problem(&mut self, kind: ProblemKind, offset: u64, message: String) {
        let field = self.top().tag.name();
        let path = self.path();
        self.report(kind, offset, path, field, message);
    }

    /// Reports that the open container lacks a required element.
    fn missing(&mut self, field: Tag, consequence: &str) {
        let frame = self.top();
        let message = format!("{} has no {}{consequence}", frame.tag.name(), field.name());
        let (start, path) = (frame.start, self.path());
        self.report(
            ProblemKind::MissingValue,
            start,
            path,
            field.name(),
            message,
        );
    }

    fn start(&mut self, name: &str, at: u64, empty: bool) -> Result<(), Fatal> {
        self.in_stray_text = false;
        if self.skipping > 0 {
            if !empty {
                self.skipping += 1;
            }
            return Ok(());
        }
        let tag = Tag::from_name(name);
        if self.depth == 0 {
            if self.root_closed {
                return Err(Fatal::xml(
                    at,
                    format!("a second root element <{name}> follows </Message>"),
                ));
            }
            if tag != Some(Tag::Message) {
                return Err(Fatal::structure(
                    at,
                    if name.eq_ignore_ascii_case("html") {
                        format!(
                            "the root element is <{name}>, not <Message>: this is a web page, not \
                             a CIN census file (perhaps a sign-in or error page saved in its place)"
                        )
                    } else {
                        format!(
                            "the root element is <{name}>, not <Message>: this is not a CIN \
                             census file"
                        )
                    },
                ));
            }
            self.push(Tag::Message, 1, at);
            if empty {
                self.end();
            }
            return Ok(());
        }
        let parent = self.top().tag;
        let index = self.frames[self.depth - 1].next_index(tag, name);
        match tag {
            Some(tag) if parent.allows(tag) && (index == 1 || tag.repeats()) => {
                self.push(tag, index, at);
                self.open(tag);
                if empty {
                    self.end();
                }
            }
            _ => {
                let mut path = self.path();
                push_step(&mut path, name, index, tag.is_some_and(Tag::repeats));
                let message = match tag {
                    Some(tag) if parent.allows(tag) => format!(
                        "another <{name}> in <{}>; only the first is read",
                        parent.name()
                    ),
                    _ if !parent.is_container() => format!(
                        "<{name}> inside <{}>, which holds a value; it is skipped",
                        parent.name()
                    ),
                    _ => format!(
                        "<{name}> is not part of <{}> in the CIN census; it is skipped",
                        parent.name()
                    ),
                };
                self.report(ProblemKind::Unexpected, at, path, name, message);
                if !empty {
                    self.skipping = 1;
                }
            }
        }
        Ok(())
    }

    fn text(&mut self, raw: &str, at: u64) -> Result<(), Fatal> {
        if self.skipping > 0 {
            return Ok(());
        }
        let Some(first) = first_non_space(raw) else {
            if self.depth > 0 && !self.top().tag.is_container() {
                self.text.push_str(raw);
            }
            return Ok(());
        };
        if self.depth == 0 {
            let message = if self.root_closed {
                format!("text {} follows the end of the root element", quote(raw))
            } else {
                format!(
                    "the file starts with text {} where an element should be",
                    quote(raw)
                )
            };
            return Err(Fatal::xml(at + first as u64, message));
        }
        let tag = self.top().tag;
        if tag.is_container() {
            if !self.in_stray_text {
                self.in_stray_text = true;
                let (path, field) = (self.path(), tag.name());
                let message = format!(
                    "text {} is not part of any element in <{field}>",
                    quote(raw)
                );
                self.report(
                    ProblemKind::Unexpected,
                    at + first as u64,
                    path,
                    field,
                    message,
                );
            }
        } else {
            self.text_at.get_or_insert(at + first as u64);
            self.text.push_str(raw);
        }
        Ok(())
    }

    fn reference(&mut self, r: &BytesRef<'_>, at: u64) -> Result<(), Fatal> {
        let mut utf8 = [0; 4];
        let resolved: &str = match r.resolve_char_ref() {
            Ok(Some(c)) => c.encode_utf8(&mut utf8),
            Ok(None) => match quick_xml::escape::resolve_xml_entity(r) {
                Some(s) => s,
                None => {
                    return Err(Fatal::xml(
                        at,
                        format!(
                            "'&{};' is not an XML entity (only &lt; &gt; &amp; &apos; &quot; are)",
                            &**r
                        ),
                    ));
                }
            },
            Err(_) => {
                return Err(Fatal::xml(
                    at,
                    format!("'&{};' is not a valid character reference", &**r),
                ));
            }
        };
        // A value that starts with a reference starts at its `&`.
        let resolved = resolved.to_owned();
        self.text(&resolved, at)
    }

    fn end(&mut self) {
        self.in_stray_text = false;
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        if self.depth == 0 {
            // quick-xml reports an end tag that closes nothing before it gets here.
            return;
        }
        let tag = self.top().tag;
        if tag.is_container() {
            self.close(tag);
        } else {
            let text = std::mem::take(&mut self.text);
            let at = self.text_at.take().unwrap_or(self.top().start);
            let value = text.trim_matches(|c: char| c.is_ascii() && is_xml_space(c as u8));
            self.value(tag, value, at);
            self.text = text;
            self.text.clear();
        }
        self.depth -= 1;
        if self.depth == 0 {
            self.root_closed = true;
        }
    }

    /// A container opens.
    fn open(&mut self, tag: Tag) {
        let d = &mut self.drafts;
        match tag {
            Tag::Header => d.header = Some(HeaderDraft::default()),
            Tag::Child => {
                d.child = ChildDraft {
                    first_problem: self.problems.len(),
                    ..ChildDraft::default()
                }
            }
            Tag::CINdetails => {
                d.referral = Some(Referral::default());
                d.referral_date = None;
            }
            Tag::Assessments => {
                d.assessment = Some(Assessment::default());
                d.assessment_start = None;
            }
            Tag::CINPlanDates => {
                d.cin_plan = Some(CinPlan::default());
                d.cin_plan_start = None;
            }
            Tag::Section47 => {
                d.section47 = Some(Section47::default());
                d.section47_start = None;
            }
            Tag::ChildProtectionPlans => {
                d.cp_plan = Some(CpPlan::default());
                d.cp_plan_start = None;
            }
            Tag::PreProceedingsandFGDM => {
                if let Some(r) = &mut d.referral {
                    r.pre_proceedings = Some(PreProceedings::default());
                }
            }
            _ => {}
        }
    }

    /// A container closes: check what it must hold and hand its record to its parent.
    fn close(&mut self, tag: Tag) {
        let frame = self.top();
        let missing: Vec<(Tag, &str)> = required_in(tag)
            .iter()
            .copied()
            .filter(|&(t, _)| frame.count(t) == 0)
            .filter(|&(t, _)| match t {
                // Only the first Source is read.
                Tag::LEA => frame.index == 1,
                // Censuses before 2024-25 have GenderCurrent instead.
                Tag::Sex => frame.count(Tag::GenderCurrent) == 0,
                _ => true,
            })
            .collect();
        for (t, consequence) in missing {
            self.missing(t, consequence);
        }
        let d = &mut self.drafts;
        match tag {
            Tag::Header => {
                let draft = d.header.take().unwrap_or_default();
                if self.header.is_none() {
                    self.header = draft.year.map(|year| CinHeader {
                        year,
                        lea: draft.lea,
                        software_code: draft.software_code,
                        release: draft.release,
                        serial_no: draft.serial_no,
                        date_time: draft.date_time,
                    });
                }
            }
            Tag::ChildIdentifiers => {
                let child = &mut d.child;
                if child.child.sex.is_none() && self.frames[self.depth - 1].count(Tag::Sex) == 0 {
                    child.child.sex = child.gender_current;
                }
            }
            Tag::Child => {
                let draft = std::mem::take(&mut d.child);
                if let Some(id) = draft.id {
                    let index = self.top().index;
                    if let Some(&first) = self.child_indices.get(&id) {
                        // A child is in the census once; a second <Child> with the same id cannot
                        // be told apart from the first.
                        let (start, path) = (self.top().start, self.path());
                        let message = format!(
                            "child '{id}' is already in the census (/Message/Children/Child[{first}]), \
                             so this <Child> is left out: each child must appear once"
                        );
                        self.report(ProblemKind::Unexpected, start, path, "LAchildID", message);
                        if let Some(p) = self.problems.last_mut() {
                            p.child_id = Some(id);
                        }
                    } else {
                        self.child_indices.insert(id.clone(), index);
                        self.children.push(Child {
                            id: ChildId(id),
                            ..draft.child
                        });
                    }
                }
            }
            Tag::CINdetails => {
                if let (Some(mut r), Some(date)) = (d.referral.take(), d.referral_date) {
                    r.referral_date = date;
                    if d.child
                        .child
                        .referrals
                        .iter()
                        .any(|o| o.referral_date == date)
                    {
                        // A referral is known by its child and date; two cannot be told apart.
                        let (start, path) = (self.top().start, self.path());
                        let message = format!(
                            "a second CINdetails with the referral date {date} for this child, so \
                             it is left out: each referral of a child must have its own date"
                        );
                        self.report(
                            ProblemKind::Unexpected,
                            start,
                            path,
                            "CINreferralDate",
                            message,
                        );
                    } else {
                        d.child.child.referrals.push(r);
                    }
                }
            }
            Tag::Assessments => {
                if let (Some(mut a), Some(start), Some(r)) =
                    (d.assessment.take(), d.assessment_start, d.referral.as_mut())
                {
                    a.start_date = start;
                    r.assessments.push(a);
                }
            }
            Tag::CINPlanDates => {
                if let (Some(mut p), Some(start), Some(r)) =
                    (d.cin_plan.take(), d.cin_plan_start, d.referral.as_mut())
                {
                    p.start_date = start;
                    r.cin_plans.push(p);
                }
            }
            Tag::Section47 => {
                if let (Some(mut s), Some(start), Some(r)) =
                    (d.section47.take(), d.section47_start, d.referral.as_mut())
                {
                    s.start_date = start;
                    r.section47s.push(s);
                }
            }
            Tag::ChildProtectionPlans => {
                if let (Some(mut p), Some(start), Some(r)) =
                    (d.cp_plan.take(), d.cp_plan_start, d.referral.as_mut())
                {
                    p.start_date = start;
                    r.cp_plans.push(p);
                }
            }
            _ => {}
        }
    }

    /// A value element closes with `value` (trimmed), whose text starts at `at`.
    fn value(&mut self, tag: Tag, value: &str, at: u64) {
        let Some(parent) = self.parent_tag() else {
            return;
        };
        if parent == Tag::Source && self.frames[self.depth - 2].index > 1 {
            // Only the first Source is read.
            return;
        }
        if value.len() > MAX_VALUE_CHARS && value.chars().count() > MAX_VALUE_CHARS {
            // Not quoted: a value this long is not one the census has, and may hold anything.
            let message = format!(
                "the value is {} characters long, longer than any value of the census \
                 ({MAX_VALUE_CHARS} at most), so it is left out",
                value.chars().count()
            );
            self.value_problem(ProblemKind::BadValue, at, message);
            return;
        }
        match tag {
            // Header.
            Tag::Year => {
                let year = self.year(value, at);
                if let Some(h) = &mut self.drafts.header {
                    h.year = year;
                }
            }
            Tag::ReferenceDate => {
                self.date(value, at, "");
            }
            Tag::LEA => {
                if value.is_empty() {
                    self.value_problem(ProblemKind::MissingValue, at, "LEA is empty".to_owned());
                }
                self.header_text(value, |h| &mut h.lea);
            }
            Tag::SoftwareCode => self.header_text(value, |h| &mut h.software_code),
            Tag::Release => self.header_text(value, |h| &mut h.release),
            Tag::SerialNo => self.header_text(value, |h| &mut h.serial_no),
            Tag::DateTime => self.header_text(value, |h| &mut h.date_time),
            Tag::Collection | Tag::SourceLevel => {}

            // Child.
            Tag::LAchildID => {
                if value.is_empty() {
                    self.value_problem(
                        ProblemKind::MissingValue,
                        at,
                        "LAchildID is empty, so the child is left out".to_owned(),
                    );
                } else {
                    self.drafts.child.id = Some(value.to_owned());
                    // Problems found so far in this child get its id.
                    let from = self.drafts.child.first_problem;
                    for p in &mut self.problems[from..] {
                        p.child_id.get_or_insert_with(|| value.to_owned());
                    }
                }
            }
            Tag::UPN => self.drafts.child.child.upn = non_empty(value),
            Tag::FormerUPN => self.drafts.child.child.former_upn = non_empty(value),
            Tag::UPNunknown => self.drafts.child.child.upn_unknown = self.code(value, at),
            Tag::PersonBirthDate => self.drafts.child.child.birth_date = self.date(value, at, ""),
            Tag::ExpectedPersonBirthDate => {
                self.drafts.child.child.expected_birth_date = self.date(value, at, "")
            }
            Tag::PersonDeathDate => self.drafts.child.child.death_date = self.date(value, at, ""),
            Tag::Sex => {
                self.drafts.child.child.sex =
                    self.required(value, at, "").and_then(|v| self.code(v, at))
            }
            Tag::GenderCurrent => {
                let sex = match value {
                    "" => None,
                    "1" => Some(Sex::M),
                    "2" => Some(Sex::F),
                    "0" | "9" => Some(Sex::U),
                    other => {
                        let message = format!(
                            "{} is not one of the GenderCurrent codes (1, 2, 0 or 9)",
                            quote(other)
                        );
                        self.value_problem(ProblemKind::UnknownCode, at, message);
                        None
                    }
                };
                self.drafts.child.gender_current = sex;
            }
            Tag::Ethnicity => {
                self.drafts.child.child.ethnicity =
                    self.required(value, at, "").and_then(|v| self.code(v, at))
            }
            Tag::Disability => {
                if let Some(d) = self.code(value, at) {
                    self.drafts.child.child.disabilities.push(d);
                }
            }

            // Referral.
            Tag::CINreferralDate => {
                let consequence = ", so the referral is left out";
                self.drafts.referral_date = self
                    .required(value, at, consequence)
                    .and_then(|v| self.date(v, at, consequence));
            }
            Tag::ReferralSource => {
                let source = self.required(value, at, "").and_then(|v| self.code(v, at));
                self.referral(|r| r.source = source);
            }
            Tag::PrimaryNeedCode => {
                let need = self.code(value, at);
                self.referral(|r| r.primary_need = need);
            }
            Tag::CINclosureDate => {
                let date = self.date(value, at, "");
                self.referral(|r| r.closure_date = date);
            }
            Tag::ReasonForClosure => {
                let reason = self.code(value, at);
                self.referral(|r| r.reason_for_closure = reason);
            }
            Tag::DateOfInitialCPC if parent == Tag::CINdetails => {
                let date = self.date(value, at, "");
                self.referral(|r| r.initial_cpc_date = date);
            }
            Tag::ReferralNFA => {
                let nfa = self.required(value, at, "").and_then(|v| self.flag(v, at));
                self.referral(|r| r.no_further_action = nfa.unwrap_or(false));
            }

            // Assessment.
            Tag::AssessmentActualStartDate => {
                let consequence = ", so the assessment is left out";
                self.drafts.assessment_start = self
                    .required(value, at, consequence)
                    .and_then(|v| self.date(v, at, consequence));
            }
            Tag::AssessmentInternalReviewDate => {
                let date = self.date(value, at, "");
                if let Some(a) = &mut self.drafts.assessment {
                    a.internal_review_date = date;
                }
            }
            Tag::AssessmentAuthorisationDate => {
                let date = self.date(value, at, "");
                if let Some(a) = &mut self.drafts.assessment {
                    a.authorised_date = date;
                }
            }
            Tag::AssessmentFactors => {
                let factor = self.code(value, at);
                if let (Some(a), Some(f)) = (&mut self.drafts.assessment, factor) {
                    a.factors.push(f);
                }
            }

            // CIN plan.
            Tag::CINPlanStartDate => {
                let consequence = ", so the CIN plan is left out";
                self.drafts.cin_plan_start = self
                    .required(value, at, consequence)
                    .and_then(|v| self.date(v, at, consequence));
            }
            Tag::CINPlanEndDate => {
                let date = self.date(value, at, "");
                if let Some(p) = &mut self.drafts.cin_plan {
                    p.end_date = date;
                }
            }

            // Section 47 enquiry.
            Tag::S47ActualStartDate => {
                let consequence = ", so the section 47 enquiry is left out";
                self.drafts.section47_start = self
                    .required(value, at, consequence)
                    .and_then(|v| self.date(v, at, consequence));
            }
            Tag::InitialCPCtarget => {
                let date = self.date(value, at, "");
                if let Some(s) = &mut self.drafts.section47 {
                    s.icpc_target_date = date;
                }
            }
            Tag::DateOfInitialCPC => {
                let date = self.date(value, at, "");
                if let Some(s) = &mut self.drafts.section47 {
                    s.icpc_date = date;
                }
            }
            Tag::ICPCnotRequired => {
                let flag = self.required(value, at, "").and_then(|v| self.flag(v, at));
                if let Some(s) = &mut self.drafts.section47 {
                    s.icpc_not_required = flag.unwrap_or(false);
                }
            }

            // Child protection plan.
            Tag::CPPstartDate => {
                let consequence = ", so the child protection plan is left out";
                self.drafts.cp_plan_start = self
                    .required(value, at, consequence)
                    .and_then(|v| self.date(v, at, consequence));
            }
            Tag::CPPendDate => {
                let date = self.date(value, at, "");
                if let Some(p) = &mut self.drafts.cp_plan {
                    p.end_date = date;
                }
            }
            Tag::InitialCategoryOfAbuse => {
                let category = self.required(value, at, "").and_then(|v| self.code(v, at));
                if let Some(p) = &mut self.drafts.cp_plan {
                    p.initial_category = category;
                }
            }
            Tag::LatestCategoryOfAbuse => {
                let category = self.required(value, at, "").and_then(|v| self.code(v, at));
                if let Some(p) = &mut self.drafts.cp_plan {
                    p.latest_category = category;
                }
            }
            Tag::NumberOfPreviousCPP => {
                let count = self.required(value, at, "").and_then(|v| self.count(v, at));
                if let Some(p) = &mut self.drafts.cp_plan {
                    p.number_of_previous_plans = count;
                }
            }
            // Pre-proceedings and family group decision making (2026-27).
            Tag::PPStartDate => {
                let date = self.date(value, at, "");
                self.pre_proceedings(|p| p.start_date = date);
            }
            Tag::LBPSentDate => {
                let date = self.date(value, at, "");
                self.pre_proceedings(|p| p.letter_before_proceedings_date = date);
            }
            Tag::FGDMMeetingOffer => {
                let flag = non_empty(value).and_then(|_| self.flag(value, at));
                self.pre_proceedings(|p| p.fgdm_offered = flag);
            }
            Tag::FGDMMeetingFac => {
                let flag = non_empty(value).and_then(|_| self.flag(value, at));
                self.pre_proceedings(|p| p.fgdm_facilitated = flag);
            }
            Tag::InitialPPMeetingDate => {
                let date = self.date(value, at, "");
                self.pre_proceedings(|p| p.initial_meeting_date = date);
            }
            Tag::ReviewMeetingsCount => {
                let count = non_empty(value).and_then(|_| self.count(value, at));
                self.pre_proceedings(|p| p.review_meetings = count);
            }
            Tag::StepDecisionDate => {
                let date = self.date(value, at, "");
                self.pre_proceedings(|p| p.step_decision_date = date);
            }
            Tag::PPOutcome => {
                let outcome = non_empty(value);
                self.pre_proceedings(|p| p.outcome = outcome);
            }
            Tag::CourtAppDate => {
                let date = self.date(value, at, "");
                self.pre_proceedings(|p| p.court_application_date = date);
            }
            Tag::LetterInitCPDate => {
                let date = self.date(value, at, "");
                self.pre_proceedings(|p| p.letter_init_cp_date = date);
            }
            Tag::CPPreviewDate => {
                let date = self.date(value, at, "");
                if let (Some(p), Some(d)) = (&mut self.drafts.cp_plan, date) {
                    p.review_dates.push(d);
                }
            }
            _ => {}
        }
    }

    fn pre_proceedings(&mut self, set: impl FnOnce(&mut PreProceedings)) {
        if let Some(p) = self
            .drafts
            .referral
            .as_mut()
            .and_then(|r| r.pre_proceedings.as_mut())
        {
            set(p);
        }
    }

    fn referral(&mut self, set: impl FnOnce(&mut Referral)) {
        if let Some(r) = &mut self.drafts.referral {
            set(r);
        }
    }

    fn header_text(&mut self, value: &str, field: impl FnOnce(&mut HeaderDraft) -> &mut String) {
        if let Some(h) = &mut self.drafts.header {
            *field(h) = value.to_owned();
        }
    }

    /// A required value: `None`, with a problem, when empty.
    fn required<'v>(&mut self, value: &'v str, at: u64, consequence: &str) -> Option<&'v str> {
        if value.is_empty() {
            let message = format!("{} is empty{consequence}", self.top().tag.name());
            self.value_problem(ProblemKind::MissingValue, at, message);
            None
        } else {
            Some(value)
        }
    }

    /// An optional date: empty is no date; anything but `YYYY-MM-DD` is a problem.
    fn date(&mut self, value: &str, at: u64, consequence: &str) -> Option<Date> {
        if value.is_empty() {
            return None;
        }
        let date = parse_date(value);
        if date.is_none() {
            let message = format!(
                "{} is not a date (expected YYYY-MM-DD){consequence}",
                quote(value)
            );
            self.value_problem(ProblemKind::BadDate, at, message);
        }
        date
    }

    fn code<C: CodeSet>(&mut self, value: &str, at: u64) -> Option<C> {
        if value.is_empty() {
            return None;
        }
        let code = C::from_code(value);
        if code.is_none() {
            let field = self.top().tag.name();
            let mut message = format!("{} is not one of the {field} codes", quote(value));
            // Short code sets are worth listing.
            if C::ALL.len() <= 10 {
                let codes: Vec<&str> = C::ALL.iter().map(|c| c.code()).collect();
                let (last, rest) = codes.split_last().unwrap_or((&"", &[]));
                message.push_str(&format!(" ({} or {last})", rest.join(", ")));
            }
            self.value_problem(ProblemKind::UnknownCode, at, message);
        }
        code
    }

    fn flag(&mut self, value: &str, at: u64) -> Option<bool> {
        match value {
            "1" | "true" => Some(true),
            "0" | "false" => Some(false),
            _ => {
                let message = format!("{} is not a yes/no value (expected 0 or 1)", quote(value));
                self.value_problem(ProblemKind::BadValue, at, message);
                None
            }
        }
    }

    fn count(&mut self, value: &str, at: u64) -> Option<u32> {
        let n = value.strip_prefix('+').unwrap_or(value);
        let parsed = n
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| n.parse::<u32>().ok())
            .flatten();
        if parsed.is_none() {
            let message = format!(
                "{} is not a whole number (expected 0, 1, 2, …)",
                quote(value)
            );
            self.value_problem(ProblemKind::BadValue, at, message);
        }
        parsed
    }

    fn year(&mut self, value: &str, at: u64) -> Option<CollectionYear> {
        if value.is_empty() {
            let message = "Year is empty, so the collection year is unknown".to_owned();
            self.value_problem(ProblemKind::MissingValue, at, message);
            return None;
        }
        let year = (value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()))
            .then(|| value.parse::<i16>().ok())
            .flatten();
        if year.is_none() {
            let message = format!(
                "{} is not a year (expected YYYY), so the collection year is unknown",
                quote(value)
            );
            self.value_problem(ProblemKind::BadValue, at, message);
        }
        year.map(CollectionYear)
    }
}

/// The elements a container must hold (per the 2025-26 schema, where the model needs them), and
/// what follows when one is missing.
fn required_in(container: Tag) -> &'static [(Tag, &'static str)] {
    use Tag::*;
    const UNKNOWN_YEAR: &str = ", so the collection year is unknown";
    match container {
        Header => &[(CollectionDetails, UNKNOWN_YEAR)],
        CollectionDetails => &[(Year, UNKNOWN_YEAR)],
        Source => &[(LEA, "")],
        Child => &[
            (ChildIdentifiers, ", so the child is left out"),
            (ChildCharacteristics, ", so its ethnicity is unknown"),
        ],
        ChildIdentifiers => &[(LAchildID, ", so the child is left out"), (Sex, "")],
        ChildCharacteristics => &[(Ethnicity, "")],
        CINdetails => &[
            (CINreferralDate, ", so the referral is left out"),
            (ReferralSource, ""),
            (ReferralNFA, ""),
        ],
        Assessments => &[(AssessmentActualStartDate, ", so the assessment is left out")],
        CINPlanDates => &[(CINPlanStartDate, ", so the CIN plan is left out")],
        Section47 => &[
            (
                S47ActualStartDate,
                ", so the section 47 enquiry is left out",
            ),
            (ICPCnotRequired, ""),
        ],
        ChildProtectionPlans => &[
            (CPPstartDate, ", so the child protection plan is left out"),
            (InitialCategoryOfAbuse, ""),
            (LatestCategoryOfAbuse, ""),
            (NumberOfPreviousCPP, ""),
        ],
        _ => &[],
    }
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn push_step(path: &mut String, name: &str, index: u32, repeats: bool) {
    path.push('/');
    path.push_str(name);
    if repeats || index > 1 {
        path.push('[');
        path.push_str(&index.to_string());
        path.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_xs_dates() {
        assert_eq!(
            parse_date("2025-02-28"),
            Some(Date::new(2025, 2, 28).unwrap())
        );
        assert_eq!(
            parse_date("2024-02-29"),
            Some(Date::new(2024, 2, 29).unwrap())
        );
        for bad in [
            "2025-02-29",
            "2025-02-31",
            "31/02/2025",
            "2025-2-03",
            "2025-13-01",
            "2025-00-10",
            "20250101",
            "2025-01-01Z",
            "2025-01-01T00:00:00",
            "+025-01-01",
            "２０２５-01-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn quoted_values_are_short_and_on_one_line() {
        assert_eq!(quote("  RB \n"), "'RB'");
        assert_eq!(quote("a\tb"), "'a b'");
        let long = "x".repeat(100);
        assert_eq!(quote(&long).chars().count(), 62);
    }
}
