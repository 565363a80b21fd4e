//! The SSDA903 return as one XML file, the form some case-management systems export, read into
//! the same tables as the CSV files ([`RawReturn`]) so that every rule and the typed reader work
//! on it unchanged.
//!
//! # Layout
//!
//! ```text
//! <EXPSSDA903>
//!   <CHILD>
//!     <HEADER>
//!       <CHILDID/> <UPN/> <SEX/> <DOB/> <ETHNIC/> <MOTHER/> <MC_DOB/>   Header
//!       <UASC/> <DUC/>                                                   UASC
//!       <IN_TOUCH/> <ACTIV/> <ACCOM/>                                    OC3
//!       <DATE_INT/> <DATE_MATCH/> <FOSTER_CARE/> <NB_ADOPTR/>
//!         <SEX_ADOPTR/> <LS_ADOPTR/>                                     AD1
//!       <AREVIEW> REVIEW, REVIEW_CODE </AREVIEW>                         Reviews, one a block
//!       <AMISSING> MISSING, MIS_START, MIS_END </AMISSING>               Missing
//!       <AD_PLACED> DATE_PLACED, DATE_PLACED_CEASED,
//!         REASON_PLACED_CEASED </AD_PLACED>                              PlacedAdoption
//!       <PERMANENCE> PREV_PERM, LA_PERM, DATE_PERM </PERMANENCE>         PrevPerm
//!       <OC2> SDQ_SCORE … INTERVENTION_OFFERED </OC2>                    OC2
//!     </HEADER>
//!     <EPISODE> DECOM, RNE, LS, CIN, PL, PLACE_PROVIDER, DEC, REC,
//!       REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN </EPISODE>          Episodes, one a block
//!   </CHILD>
//! </EXPSSDA903>
//! ```
//!
//! Each table's columns are the CSV table's ([`Table::columns`]): `CHILD` is the child's
//! `CHILDID`, `PLACE` is the episode's `PL`, and a table's `DOB` and `SEX` are the child's, from
//! `HEADER`. Every `<CHILD>` gives a Header row; every `EPISODE`, `AREVIEW`, `AMISSING`,
//! `AD_PLACED`, `PERMANENCE` and `OC2` block a row of its table; the UASC, OC3 and AD1 tables,
//! whose values sit in `HEADER` itself, get a row for a child when any of their values is given
//! (for UASC: `UASC` or `DUC`). An element left out reads as a blank value, as does an empty
//! one. Rows are numbered from 0 per table in document order, as the DfE validators count them,
//! and keep the line of their element. The form has no social worker episodes, so a return read
//! from XML has no SWEpisodes table.
//!
//! # What is refused
//!
//! Values are kept as written (trimmed; character and entity references resolved): checking them
//! is for the rules. The layout is checked, and a file that breaks it is a
//! [`FormatError::Structure`] naming the file, line and column, the element, and what the layout
//! says, so that nothing is silently dropped: an element the layout does not have (say a `<DOB>`
//! inside `<EPISODE>`), a value given twice in one element, an element or text inside a value,
//! text between elements, a `<CHILD>` without its `<HEADER>` or with two. A file that is not
//! well-formed XML is a [`FormatError::Xml`], one that is not UTF-8 a [`FormatError::Encoding`].

use super::Table;
use super::raw::{RawRow, RawTable};
use crate::FormatError;
use quick_xml::errors::Error as XmlError;
use quick_xml::events::{BytesRef, Event};
use std::path::Path;

/// The root element of an SSDA903 return in XML.
pub const ROOT: &str = "EXPSSDA903";

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where a table's rows come from in a `<CHILD>`.
#[derive(Clone, Copy)]
enum Source {
    /// One row a child, from `HEADER`.
    Header,
    /// A row when any of the named `HEADER` values is given.
    HeaderValues(&'static [&'static str]),
    /// A row for each block of this name in `HEADER`.
    Block(&'static str),
    /// A row for each `EPISODE` of the child.
    Episode,
}

fn source(table: Table) -> Option<Source> {
    Some(match table {
        Table::Header => Source::Header,
        Table::Episodes => Source::Episode,
        Table::Uasc => Source::HeaderValues(&["UASC", "DUC"]),
        Table::Reviews => Source::Block("AREVIEW"),
        Table::Oc2 => Source::Block("OC2"),
        Table::Oc3 => Source::HeaderValues(&["IN_TOUCH", "ACTIV", "ACCOM"]),
        Table::Ad1 => Source::HeaderValues(&[
            "DATE_INT",
            "DATE_MATCH",
            "FOSTER_CARE",
            "NB_ADOPTR",
            "SEX_ADOPTR",
            "LS_ADOPTR",
        ]),
        Table::PlacedAdoption => Source::Block("AD_PLACED"),
        Table::PrevPerm => Source::Block("PERMANENCE"),
        Table::Missing => Source::Block("AMISSING"),
        Table::SwEpisodes | Table::DoLo => return None,
    })
}

/// The tables an XML return holds, in [`Table::ALL`] order.
pub fn tables() -> impl Iterator<Item = Table> {
    Table::ALL.into_iter().filter(|t| source(*t).is_some())
}

/// The element that holds a column's value in the XML form.
fn element_of(table: Table, column: &'static str) -> &'static str {
    match (table, column) {
        (_, "CHILD") => "CHILDID",
        (Table::Episodes, "PLACE") => "PL",
        _ => column,
    }
}

/// The columns a block (or `EPISODE`) holds itself; the others (`CHILD`, `DOB`, `SEX`) come from
/// `HEADER`.
fn own_columns(table: Table) -> impl Iterator<Item = &'static str> {
    table
        .columns()
        .iter()
        .copied()
        .filter(|c| !matches!(*c, "CHILD" | "DOB" | "SEX"))
}

/// The value elements `HEADER` may hold.
fn header_values() -> Vec<&'static str> {
    let mut names = vec!["CHILDID"];
    for table in tables() {
        match source(table) {
            Some(Source::Header) => {
                names.extend(table.columns().iter().map(|c| element_of(table, c)));
            }
            Some(Source::HeaderValues(of)) => names.extend(of.iter().copied()),
            _ => {}
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// The value elements of a block or `EPISODE`.
fn block_values(table: Table) -> Vec<&'static str> {
    own_columns(table).map(|c| element_of(table, c)).collect()
}

/// Whether `bytes` are XML rather than CSV: the first character after any byte-order mark and
/// blank space is `<`.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// Whether `bytes` look like an SSDA903 return in XML: their root element, after any
/// declaration, comments and byte-order mark, is `<EXPSSDA903>`. Reads only as far as the root's
/// name, so the first few kilobytes of a file are enough.
pub fn is_ssda903_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        // A head cut inside a character: what is before it is enough.
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    };
    let mut xml = quick_xml::Reader::from_str(text);
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => return e.name().as_ref() == ROOT,
            Ok(Event::Text(t)) if !t.trim().is_empty() => return false,
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// Reads an SSDA903 return in XML into its tables (every table of [`tables`], even those with no
/// rows); `file` names it in errors and in each table.
pub fn read_tables(bytes: &[u8], file: &Path) -> Result<Vec<RawTable>, FormatError> {
    crate::text::check_text(file, bytes)?;
    let bom = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    // check_text has made sure the bytes are UTF-8.
    let text = std::str::from_utf8(&bytes[bom..]).map_err(|e| FormatError::Encoding {
        file: file.to_owned(),
        line: 1,
        column: 1,
        message: e.to_string(),
    })?;
    let mut parser = Parser {
        xml: quick_xml::Reader::from_str(text),
        text,
        bytes,
        bom,
        file,
        lines: Lines::default(),
        header_values: header_values(),
        blocks: tables()
            .filter_map(|t| match source(t) {
                Some(Source::Block(name)) => Some((name, block_values(t))),
                _ => None,
            })
            .collect(),
        episode_values: block_values(Table::Episodes),
    };
    let children = parser.document()?;
    Ok(build_tables(&children, file))
}

/// A value element: its name, value (trimmed) and line.
struct Value {
    name: &'static str,
    value: String,
    line: u64,
}

/// An element holding values (`HEADER`, a block, `EPISODE`).
struct Record {
    name: &'static str,
    line: u64,
    values: Vec<Value>,
}

impl Record {
    fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.name == name)
    }
}

/// One `<CHILD>`.
struct ChildXml {
    header: Record,
    blocks: Vec<Record>,
    episodes: Vec<Record>,
}

fn build_tables(children: &[ChildXml], file: &Path) -> Vec<RawTable> {
    tables()
        .map(|table| {
            let mut rows = Vec::new();
            let columns = table.columns();
            for child in children {
                let header = &child.header;
                let from = |index: usize, record: &Record, own: bool| -> RawRow {
                    let values = columns.iter().map(|c| {
                        let name = element_of(table, c);
                        let in_record = own && !matches!(*c, "CHILD" | "DOB" | "SEX");
                        let holder = if in_record { record } else { header };
                        holder
                            .get(name)
                            .map_or_else(Box::default, |v| v.value.as_str().into())
                    });
                    RawRow::new(index, record.line, values.collect())
                };
                match source(table) {
                    Some(Source::Header) => rows.push(from(rows.len(), header, false)),
                    Some(Source::HeaderValues(of)) => {
                        let given = of
                            .iter()
                            .filter_map(|n| header.get(n))
                            .filter(|v| !v.value.is_empty())
                            .map(|v| v.line)
                            .min();
                        if let Some(line) = given {
                            let mut row = from(rows.len(), header, false);
                            row.line = line;
                            rows.push(row);
                        }
                    }
                    Some(Source::Block(name)) => {
                        for block in child.blocks.iter().filter(|b| b.name == name) {
                            rows.push(from(rows.len(), block, true));
                        }
                    }
                    Some(Source::Episode) => {
                        for episode in &child.episodes {
                            rows.push(from(rows.len(), episode, true));
                        }
                    }
                    None => {}
                }
            }
            RawTable::new(table, file.to_owned(), rows, Vec::new())
        })
        .collect()
}

/// Counts lines as [`crate::text::line_column`] does (`\n`, `\r\n` or a lone `\r`), moving
/// forward only, so that each element's line costs the bytes since the last one.
#[derive(Default)]
struct Lines {
    offset: usize,
    line: u64,
}

impl Lines {
    fn line_at(&mut self, text: &str, offset: usize) -> u64 {
        let bytes = text.as_bytes();
        let offset = offset.min(bytes.len());
        if offset < self.offset {
            return crate::text::line_column(&bytes[..offset], offset).0;
        }
        for i in self.offset..offset {
            let b = bytes[i];
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.offset = offset;
        self.line + 1
    }
}

struct Parser<'a> {
    xml: quick_xml::Reader<&'a [u8]>,
    text: &'a str,
    /// The whole file, with its byte-order mark (`bom` bytes) if any, for line and column.
    bytes: &'a [u8],
    bom: usize,
    file: &'a Path,
    lines: Lines,
    header_values: Vec<&'static str>,
    blocks: Vec<(&'static str, Vec<&'static str>)>,
    episode_values: Vec<&'static str>,
}

/// An element just opened: its name, whether it is empty (`<X/>`), and where its `<` is.
struct Opened {
    name: String,
    empty: bool,
    at: usize,
}

/// What reading inside an element found next.
enum Next {
    Element(Opened),
    /// Non-blank text, and where.
    Text(String, usize),
    End,
}

impl<'a> Parser<'a> {
    fn error(&self, at: usize, message: String) -> FormatError {
        let (line, column) = crate::text::line_column(self.bytes, at + self.bom);
        FormatError::Structure {
            file: self.file.to_owned(),
            line,
            column,
            message,
        }
    }

    fn xml_error(&self, e: &XmlError) -> FormatError {
        let at = usize::try_from(self.xml.error_position()).unwrap_or(usize::MAX);
        let (line, column) = crate::text::line_column(self.bytes, at.saturating_add(self.bom));
        FormatError::Xml {
            file: self.file.to_owned(),
            line,
            column,
            message: crate::cin::describe_xml_error(e),
        }
    }

    fn line(&mut self, at: usize) -> u64 {
        self.lines.line_at(self.text, at)
    }

    /// The next event, with the offset it starts at.
    fn event(&mut self) -> Result<(Event<'a>, usize), FormatError> {
        let at = usize::try_from(self.xml.buffer_position()).unwrap_or(usize::MAX);
        match self.xml.read_event() {
            Ok(event) => Ok((event, at)),
            Err(e) => Err(self.xml_error(&e)),
        }
    }

    /// The next element, non-blank text or end tag inside the element `inside` (comments and
    /// processing instructions are passed over).
    fn next(&mut self, inside: &str) -> Result<Next, FormatError> {
        loop {
            let (event, at) = self.event()?;
            match event {
                Event::Start(e) => {
                    return Ok(Next::Element(Opened {
                        name: e.name().as_ref().to_owned(),
                        empty: false,
                        at,
                    }));
                }
                Event::Empty(e) => {
                    return Ok(Next::Element(Opened {
                        name: e.name().as_ref().to_owned(),
                        empty: true,
                        at,
                    }));
                }
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Text(t) => {
                    let start = t.len() - t.trim_start().len();
                    return Ok(Next::Text(t.trim().to_owned(), at + start));
                }
                Event::CData(t) => return Ok(Next::Text(t.trim().to_owned(), at)),
                Event::GeneralRef(r) => return Ok(Next::Text(format!("&{};", &*r), at)),
                Event::End(_) => return Ok(Next::End),
                Event::Eof => {
                    return Err(self.error(
                        at,
                        format!("the file ends inside <{inside}>; is it cut short?"),
                    ));
                }
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => {}
            }
        }
    }

    fn text_error(&self, inside: &str, text: &str, at: usize) -> FormatError {
        let shown: String = text.chars().take(40).collect();
        self.error(
            at,
            format!(
                "text '{shown}' directly inside <{inside}>: in an SSDA903 return <{inside}> \
                 holds only elements"
            ),
        )
    }

    fn unknown(&self, opened: &Opened, inside: &str, expected: &[&str]) -> FormatError {
        self.error(
            opened.at,
            format!(
                "<{}> is not an element of <{inside}> in an SSDA903 return (it holds {})",
                opened.name,
                expected
                    .iter()
                    .map(|n| format!("<{n}>"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    }

    /// The whole file: its root and the children inside.
    fn document(&mut self) -> Result<Vec<ChildXml>, FormatError> {
        let root = loop {
            let (event, at) = self.event()?;
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let name = e.name().as_ref().to_owned();
                    let empty = matches!(event, Event::Empty(_));
                    break Opened { name, empty, at };
                }
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Eof => {
                    return Err(self.error(at, "the file has no XML element".to_owned()));
                }
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(
                        at,
                        format!("text before the root element; an SSDA903 return is <{ROOT}>"),
                    ));
                }
                _ => {}
            }
        };
        if root.name != ROOT {
            return Err(self.error(
                root.at,
                format!(
                    "the root element is <{}>, not <{ROOT}>: is this an SSDA903 return?",
                    root.name
                ),
            ));
        }
        let mut children = Vec::new();
        if !root.empty {
            loop {
                match self.next(ROOT)? {
                    Next::Element(e) if e.name == "CHILD" => children.push(self.child(&e)?),
                    Next::Element(e) => return Err(self.unknown(&e, ROOT, &["CHILD"])),
                    Next::Text(t, at) => return Err(self.text_error(ROOT, &t, at)),
                    Next::End => break,
                }
            }
        }
        // After the root: comments, processing instructions and blank space only.
        loop {
            let (event, at) = self.event()?;
            match event {
                Event::Eof => return Ok(children),
                Event::Start(_) | Event::Empty(_) => {
                    return Err(self.error(at, format!("a second root element follows </{ROOT}>")));
                }
                Event::Text(t) if t.trim().is_empty() => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(at, format!("text after </{ROOT}>")));
                }
                _ => {}
            }
        }
    }

    fn child(&mut self, opened: &Opened) -> Result<ChildXml, FormatError> {
        let mut header: Option<(Record, Vec<Record>)> = None;
        let mut episodes = Vec::new();
        if !opened.empty {
            loop {
                match self.next("CHILD")? {
                    Next::Element(e) if e.name == "HEADER" => {
                        if let Some((first, _)) = &header {
                            return Err(self.error(
                                e.at,
                                format!(
                                    "a second <HEADER> in this <CHILD> (the first is on line {}): \
                                     a child has one",
                                    first.line
                                ),
                            ));
                        }
                        header = Some(self.header(&e)?);
                    }
                    Next::Element(e) if e.name == "EPISODE" => {
                        let values = std::mem::take(&mut self.episode_values);
                        let episode = self.record(&e, "EPISODE", &values);
                        self.episode_values = values;
                        episodes.push(episode?);
                    }
                    Next::Element(e) => {
                        return Err(self.unknown(&e, "CHILD", &["HEADER", "EPISODE"]));
                    }
                    Next::Text(t, at) => return Err(self.text_error("CHILD", &t, at)),
                    Next::End => break,
                }
            }
        }
        let Some((header, blocks)) = header else {
            return Err(self.error(
                opened.at,
                "this <CHILD> has no <HEADER>: the child's details, and the CHILDID that says \
                 whose its episodes are, are in <HEADER>"
                    .to_owned(),
            ));
        };
        Ok(ChildXml {
            header,
            blocks,
            episodes,
        })
    }

    /// `HEADER`: its values, and its blocks in order.
    fn header(&mut self, opened: &Opened) -> Result<(Record, Vec<Record>), FormatError> {
        let line = self.line(opened.at);
        let mut header = Record {
            name: "HEADER",
            line,
            values: Vec::new(),
        };
        let mut blocks = Vec::new();
        if opened.empty {
            return Ok((header, blocks));
        }
        loop {
            match self.next("HEADER")? {
                Next::Element(e) => {
                    if let Some(i) = self.blocks.iter().position(|(n, _)| *n == e.name) {
                        let (name, values) = std::mem::take(&mut self.blocks[i]);
                        let block = self.record(&e, name, &values);
                        self.blocks[i] = (name, values);
                        blocks.push(block?);
                    } else if let Some(&name) = self.header_values.iter().find(|n| **n == e.name) {
                        let value = self.value(&e, name, &header)?;
                        header.values.push(value);
                    } else {
                        let mut expected = self.header_values.clone();
                        expected.extend(self.blocks.iter().map(|(n, _)| *n));
                        return Err(self.unknown(&e, "HEADER", &expected));
                    }
                }
                Next::Text(t, at) => return Err(self.text_error("HEADER", &t, at)),
                Next::End => return Ok((header, blocks)),
            }
        }
    }

    /// A block or `EPISODE`: value elements only, each at most once.
    fn record(
        &mut self,
        opened: &Opened,
        name: &'static str,
        allowed: &[&'static str],
    ) -> Result<Record, FormatError> {
        let line = self.line(opened.at);
        let mut record = Record {
            name,
            line,
            values: Vec::new(),
        };
        if opened.empty {
            return Ok(record);
        }
        loop {
            match self.next(name)? {
                Next::Element(e) => match allowed.iter().find(|n| **n == e.name) {
                    Some(&value_name) => {
                        let value = self.value(&e, value_name, &record)?;
                        record.values.push(value);
                    }
                    None => return Err(self.unknown(&e, name, allowed)),
                },
                Next::Text(t, at) => return Err(self.text_error(name, &t, at)),
                Next::End => return Ok(record),
            }
        }
    }

    /// A value element's text, trimmed, with references resolved; refused when `record` already
    /// has the value.
    fn value(
        &mut self,
        opened: &Opened,
        name: &'static str,
        record: &Record,
    ) -> Result<Value, FormatError> {
        let line = self.line(opened.at);
        if let Some(first) = record.get(name) {
            return Err(self.error(
                opened.at,
                format!(
                    "<{name}> is given twice in this <{}> (first on line {}): a value is given once",
                    record.name, first.line
                ),
            ));
        }
        let mut value = String::new();
        if !opened.empty {
            loop {
                let (event, at) = self.event()?;
                match event {
                    Event::Text(t) => value.push_str(&t.xml10_content()),
                    Event::CData(t) => value.push_str(&t.xml10_content()),
                    Event::GeneralRef(r) => value.push_str(&self.reference(&r, at)?),
                    Event::End(_) => break,
                    Event::Start(e) | Event::Empty(e) => {
                        let inner = e.name().as_ref().to_owned();
                        return Err(self.error(
                            at,
                            format!("<{inner}> inside <{name}>: <{name}> holds only its value"),
                        ));
                    }
                    Event::Eof => {
                        return Err(self.error(
                            at,
                            format!("the file ends inside <{name}>; is it cut short?"),
                        ));
                    }
                    Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => {}
                }
            }
        }
        Ok(Value {
            name,
            value: value.trim().to_owned(),
            line,
        })
    }

    fn reference(&self, r: &BytesRef<'_>, at: usize) -> Result<String, FormatError> {
        let resolved = match r.resolve_char_ref() {
            Ok(Some(c)) => Some(c.to_string()),
            Ok(None) => quick_xml::escape::resolve_xml_entity(r).map(str::to_owned),
            Err(_) => None,
        };
        resolved.ok_or_else(|| {
            self.error(
                at,
                format!("'&{};' is not an XML entity or character reference", &**r),
            )
        })
    }
}

/// Writes a return as XML in the layout above, for tests and for councils' tools that want the
/// XML form. A `<CHILD>` is written for each Header row, holding the rows of the other tables
/// with the same `CHILD` (those of a child without a Header row are left out, as are the
/// SWEpisodes table and every table's `DOB` and `SEX`, which the XML form takes from `HEADER`).
/// A UASC row is written as `<UASC>1</UASC>` and its `DUC`; only the first UASC, OC3 or AD1 row
/// of a child is written, and one with no value at all is lost, since these sit in `HEADER`.
/// Reading the result gives back the same values, in the order of the Header rows.
pub fn write(ret: &super::raw::RawReturn) -> String {
    use std::collections::HashMap;
    use std::fmt::Write;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<EXPSSDA903>\n");
    // Each table's rows by child, in order.
    let mut by_child: HashMap<(Table, &str), Vec<&RawRow>> = HashMap::new();
    for table in tables() {
        for row in ret.rows(table) {
            by_child.entry((table, row.child())).or_default().push(row);
        }
    }
    let mut written: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let leaf = |out: &mut String, name: &str, value: &str| {
        if value.is_empty() {
            let _ = writeln!(out, "      <{name} />");
        } else {
            let _ = writeln!(out, "      <{name}>{}</{name}>", escape(value));
        }
    };
    for header in ret.rows(Table::Header) {
        let id = header.child();
        // Another Header row for the same child gets a HEADER of its own and nothing else.
        let first = written.insert(id);
        let rows = |table: Table| -> &[&RawRow] {
            if first {
                by_child.get(&(table, id)).map_or(&[], Vec::as_slice)
            } else {
                &[]
            }
        };
        out.push_str("  <CHILD>\n    <HEADER>\n");
        for c in Table::Header.columns() {
            let name = element_of(Table::Header, c);
            leaf(&mut out, name, header.get(Table::Header, c));
        }
        for table in tables() {
            match source(table) {
                Some(Source::HeaderValues(_)) => {
                    let Some(row) = rows(table).first() else {
                        if table == Table::Uasc {
                            leaf(&mut out, "UASC", "");
                        }
                        continue;
                    };
                    if table == Table::Uasc {
                        leaf(&mut out, "UASC", "1");
                    }
                    for c in own_columns(table) {
                        leaf(&mut out, element_of(table, c), row.get(table, c));
                    }
                }
                Some(Source::Block(name)) => {
                    for row in rows(table) {
                        let _ = writeln!(out, "      <{name}>");
                        for c in own_columns(table) {
                            out.push_str("  ");
                            leaf(&mut out, element_of(table, c), row.get(table, c));
                        }
                        let _ = writeln!(out, "      </{name}>");
                    }
                }
                _ => {}
            }
        }
        out.push_str("    </HEADER>\n");
        for row in rows(Table::Episodes) {
            out.push_str("    <EPISODE>\n");
            for c in own_columns(Table::Episodes) {
                leaf(
                    &mut out,
                    element_of(Table::Episodes, c),
                    row.get(Table::Episodes, c),
                );
            }
            out.push_str("    </EPISODE>\n");
        }
        out.push_str("  </CHILD>\n");
    }
    out.push_str("</EXPSSDA903>\n");
    out
}

fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::raw::RawReturn;

    const TWO_CHILDREN: &str = "<?xml version='1.0' encoding='us-ascii'?>
<EXPSSDA903>
<CHILD><HEADER><CHILDID>7</CHILDID><UPN>A123</UPN><SEX>2</SEX><DOB>28/07/2010</DOB>
<ETHNIC> WBRI </ETHNIC><UASC /><AREVIEW><REVIEW>27/09/2025</REVIEW><REVIEW_CODE>PN0</REVIEW_CODE></AREVIEW>
<AREVIEW><REVIEW>14/01/2026</REVIEW></AREVIEW><MOTHER /><MC_DOB />
<PERMANENCE><PREV_PERM>Z1</PREV_PERM></PERMANENCE>
<OC2><SDQ_SCORE>21</SDQ_SCORE><CONVICTED>1</CONVICTED></OC2></HEADER>
<EPISODE><DECOM>06/01/2025</DECOM><RNE>T</RNE><PL>R5</PL><PL_POST>E7 5YR</PL_POST><DEC /></EPISODE>
<EPISODE><DECOM>06/10/2025</DECOM><RNE>P</RNE><PL>U1</PL></EPISODE></CHILD>
<!-- a comment -->
<CHILD><HEADER><CHILDID>8</CHILDID><SEX>1</SEX><DOB>01/02/2005</DOB><UASC>1</UASC><DUC>01/02/2023</DUC>
<IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM />
<AMISSING><MISSING>M</MISSING><MIS_START>01/05/2025</MIS_START></AMISSING>
<AD_PLACED><DATE_PLACED>03/03/2025</DATE_PLACED></AD_PLACED></HEADER>
<EPISODE><DECOM>01/04/2025</DECOM><PL>K&amp;1</PL><URN><![CDATA[SC<1>]]></URN></EPISODE></CHILD>
</EXPSSDA903>
";

    fn read(xml: &str) -> Result<RawReturn, FormatError> {
        RawReturn::from_xml(Path::new("r.xml"), xml.as_bytes())
    }

    /// A table's rows as (row, line, values in column order).
    fn rows(ret: &RawReturn, table: Table) -> Vec<(usize, u64, Vec<String>)> {
        ret.rows(table)
            .iter()
            .map(|r| {
                let values = table.columns().iter().map(|c| r.get(table, c).to_owned());
                (r.row, r.line, values.collect())
            })
            .collect()
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn each_table_gets_its_rows_with_the_childs_id_and_birth_date() {
        let ret = read(TWO_CHILDREN).unwrap();
        assert_eq!(
            rows(&ret, Table::Header),
            [
                (
                    0,
                    3,
                    strings(&["7", "2", "28/07/2010", "WBRI", "A123", "", ""])
                ),
                (1, 11, strings(&["8", "1", "01/02/2005", "", "", "", ""])),
            ]
        );
        let episodes = rows(&ret, Table::Episodes);
        assert_eq!(episodes.len(), 3);
        assert_eq!(
            episodes[0],
            (
                0,
                8,
                strings(&[
                    "7",
                    "06/01/2025",
                    "T",
                    "",
                    "",
                    "R5",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "E7 5YR",
                    ""
                ])
            )
        );
        assert_eq!(episodes[2].2[0], "8");
        assert_eq!(episodes[2].2[5], "K&1", "PLACE is PL, references resolved");
        assert_eq!(episodes[2].2[12], "SC<1>", "CDATA is text");
        assert_eq!(
            rows(&ret, Table::Reviews),
            [
                (0, 4, strings(&["7", "28/07/2010", "27/09/2025", "PN0"])),
                (1, 5, strings(&["7", "28/07/2010", "14/01/2026", ""])),
            ]
        );
        assert_eq!(
            rows(&ret, Table::Uasc),
            [(0, 11, strings(&["8", "1", "01/02/2005", "01/02/2023"]))],
            "only the child with UASC given"
        );
        assert_eq!(
            rows(&ret, Table::Oc3),
            [(0, 12, strings(&["8", "01/02/2005", "YES", "F2", ""]))]
        );
        assert!(ret.rows(Table::Ad1).is_empty());
        assert_eq!(
            rows(&ret, Table::Oc2)[0].2,
            strings(&["7", "28/07/2010", "21", "", "1", "", "", "", "", "", "", ""])
        );
        assert_eq!(
            rows(&ret, Table::PrevPerm),
            [(0, 6, strings(&["7", "28/07/2010", "Z1", "", ""]))]
        );
        assert_eq!(
            rows(&ret, Table::Missing),
            [(0, 13, strings(&["8", "01/02/2005", "M", "01/05/2025", ""]))]
        );
        assert_eq!(rows(&ret, Table::PlacedAdoption)[0].2[2], "03/03/2025");
        assert!(ret.table(Table::SwEpisodes).is_none());
        assert!(ret.table(Table::Ad1).is_some(), "every table of the form");
        assert_eq!(ret.children(), 2);
    }

    fn error(xml: &str) -> String {
        read(xml).unwrap_err().to_string()
    }

    #[test]
    fn a_broken_layout_is_an_error_naming_line_column_element_and_rule() {
        let cases = [
            (
                "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>1</CHILDID></HEADER>\n<EPISODE><DOB>1</DOB></EPISODE></CHILD></EXPSSDA903>",
                "r.xml: line 3, column 10: <DOB> is not an element of <EPISODE> in an SSDA903 return (it holds <DECOM>, <RNE>, <LS>, <CIN>, <PL>, <PLACE_PROVIDER>, <DEC>, <REC>, <REASON_PLACE_CHANGE>, <HOME_POST>, <PL_POST>, <URN>)",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID>\n  <DOB>1</DOB><DOB>2</DOB></HEADER></CHILD></EXPSSDA903>",
                "r.xml: line 2, column 15: <DOB> is given twice in this <HEADER> (first on line 2): a value is given once",
            ),
            (
                "<EXPSSDA903><CHILD><EPISODE/></CHILD></EXPSSDA903>",
                "r.xml: line 1, column 13: this <CHILD> has no <HEADER>: the child's details, and the CHILDID that says whose its episodes are, are in <HEADER>",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER/><HEADER/></CHILD></EXPSSDA903>",
                "r.xml: line 1, column 29: a second <HEADER> in this <CHILD> (the first is on line 1): a child has one",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER>oops<CHILDID>1</CHILDID></HEADER></CHILD></EXPSSDA903>",
                "r.xml: line 1, column 28: text 'oops' directly inside <HEADER>: in an SSDA903 return <HEADER> holds only elements",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER><DOB><B/></DOB></HEADER></CHILD></EXPSSDA903>",
                "r.xml: line 1, column 33: <B> inside <DOB>: <DOB> holds only its value",
            ),
            (
                "<?xml version='1.0'?>\n<Message><Header/></Message>",
                "r.xml: line 2, column 1: the root element is <Message>, not <EXPSSDA903>: is this an SSDA903 return?",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER><DOB>1</SEX></HEADER></CHILD></EXPSSDA903>",
                "r.xml: line 1, column 34: not well-formed XML: </SEX> found where </DOB> should close <DOB>",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER><DOB>1",
                "r.xml: line 1, column 34: the file ends inside <DOB>; is it cut short?",
            ),
            (
                "<EXPSSDA903><CHILD><HEADER><DOB>&nope;</DOB></HEADER></CHILD></EXPSSDA903>",
                "r.xml: line 1, column 33: '&nope;' is not an XML entity or character reference",
            ),
            (
                "<EXPSSDA903/><EXPSSDA903/>",
                "r.xml: line 1, column 14: a second root element follows </EXPSSDA903>",
            ),
            ("", "r.xml: line 1, column 1: the file has no XML element"),
        ];
        for (xml, expected) in cases {
            assert_eq!(error(xml), expected, "{xml}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_an_encoding_error() {
        let e = RawReturn::from_xml(Path::new("r.xml"), b"<EXPSSDA903>\n<CHILD>\xE9</CHILD>")
            .unwrap_err();
        assert!(
            matches!(
                e,
                FormatError::Encoding {
                    line: 2,
                    column: 8,
                    ..
                }
            ),
            "{e}"
        );
    }

    #[test]
    fn the_root_tells_a_903_return_from_a_census() {
        assert!(is_ssda903_xml(
            b"\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- x --><EXPSSDA903>"
        ));
        assert!(is_ssda903_xml(b"<EXPSSDA903/>"));
        assert!(!is_ssda903_xml(b"<?xml version='1.0'?><Message>"));
        assert!(!is_ssda903_xml(b"CHILD,SEX\n"));
        assert!(!is_ssda903_xml(b"<EXPSSDA903x>"));
        assert!(looks_like_xml(b"\xEF\xBB\xBF  \n<x"));
        assert!(!looks_like_xml(b"CHILD,DOB"));
        let empty = read("<EXPSSDA903/>").unwrap();
        assert_eq!(empty.tables().len(), 10);
        assert_eq!(empty.children(), 0);
    }

    /// One generated child: its Header values, and for each other table its rows' own values
    /// (those not taken from `HEADER`).
    type GeneratedChild = (Vec<String>, Vec<Vec<Vec<String>>>);

    fn value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::string::string_regex("[A-Za-z0-9/ &<>'\"\\,;é€]{0,9}")
            .unwrap()
            .prop_map(|v| v.trim().to_owned())
    }

    fn child() -> impl proptest::strategy::Strategy<Value = GeneratedChild> {
        use proptest::collection::vec;
        let header = vec(value(), Table::Header.columns().len() - 1);
        let others: Vec<_> = tables()
            .filter(|t| *t != Table::Header)
            .map(|t| {
                let most = if matches!(source(t), Some(Source::HeaderValues(_))) {
                    1
                } else {
                    3
                };
                vec(vec(value(), own_columns(t).count()), 0..=most)
            })
            .collect();
        (header, others)
    }

    fn csv_value(v: &str) -> String {
        if v.contains([',', '"']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_owned()
        }
    }

    /// The CSV tables of the generated children, rows grouped by child in order.
    fn as_csv(children: &[GeneratedChild]) -> Vec<(Table, String)> {
        tables()
            .enumerate()
            .map(|(k, table)| {
                let mut text = table.columns().join(",");
                text.push('\n');
                for (i, (header, others)) in children.iter().enumerate() {
                    let id = format!("C{i}");
                    let from_header = |c: &str| -> String {
                        let at = Table::Header.columns().iter().position(|h| *h == c);
                        at.map_or(String::new(), |at| header[at - 1].clone())
                    };
                    let rows: Vec<Vec<String>> = if table == Table::Header {
                        vec![header.clone()]
                    } else {
                        others[k - 1].clone()
                    };
                    for own in rows {
                        // A row of values in HEADER with none given is no row.
                        if matches!(source(table), Some(Source::HeaderValues(_)))
                            && own.iter().all(String::is_empty)
                        {
                            continue;
                        }
                        let mut own = own.into_iter();
                        let values: Vec<String> = table
                            .columns()
                            .iter()
                            .map(|c| match *c {
                                "CHILD" => id.clone(),
                                "DOB" | "SEX" if table != Table::Header => from_header(c),
                                _ => own.next().unwrap_or_default(),
                            })
                            .collect();
                        let values: Vec<String> = values.iter().map(|v| csv_value(v)).collect();
                        text.push_str(&values.join(","));
                        text.push('\n');
                    }
                }
                (table, text)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn any_return_written_as_xml_reads_back_with_the_same_rows_and_values(
            children in proptest::collection::vec(child(), 0..6)
        ) {
            let texts = as_csv(&children);
            let csv = RawReturn::from_texts(
                texts.iter().map(|(t, text)| (Path::new(t.file_name()), text.as_str())),
            )
            .unwrap();
            let back = read(&write(&csv)).unwrap();
            for table in tables() {
                let values = |ret: &RawReturn| -> Vec<(usize, Vec<String>)> {
                    rows(ret, table).into_iter().map(|(r, _, v)| (r, v)).collect()
                };
                proptest::prop_assert_eq!(values(&back), values(&csv), "{}", table);
            }
        }
    }

    #[test]
    fn written_xml_reads_back_as_the_csv_it_was_written_from() {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/02/2010,WBRI,UN1,,\n2,F,31/02/2011,x&y,<b>,1,\n";
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,01/04/2025,S,C2,N1,U1,PR1,,,,,,\n1,01/05/2025,P,C2,N1,U3,PR1,,,,,,\n2,01/04/2025,S,,,,,,,,,,\n";
        let uasc = "CHILD,SEX,DOB,DUC\n2,F,31/02/2011,01/01/2026\n";
        let csv = RawReturn::from_texts([
            (Path::new("h.csv"), header),
            (Path::new("e.csv"), episodes),
            (Path::new("u.csv"), uasc),
        ])
        .unwrap();
        let xml = write(&csv);
        let back = read(&xml).unwrap();
        for table in [Table::Header, Table::Episodes, Table::Uasc] {
            let values = |ret: &RawReturn| -> Vec<(usize, Vec<String>)> {
                rows(ret, table)
                    .into_iter()
                    .map(|(r, _, v)| (r, v))
                    .collect()
            };
            assert_eq!(values(&back), values(&csv), "{table}");
        }
        assert_eq!(rows(&back, Table::Header)[1].2[3], "x&y");
        assert_eq!(rows(&back, Table::Header)[1].2[4], "<b>");
    }
}
