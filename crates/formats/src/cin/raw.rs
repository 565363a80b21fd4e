//! The census as written: every value as its trimmed text with the line and column of its
//! element, one child at a time.
//!
//! The model reader ([`super::read_census`]) turns values into types and leaves a bad value
//! empty, which is right for loading but wrong for validation: the DfE rules must see the bad
//! value to report it. [`RawReader`] keeps the text and does not judge it. It streams: the header
//! is read when the reader is made, then each `<Child>` is read whole and handed out, and nothing
//! of earlier children is kept but counters, so memory does not grow with the file.
//!
//! Each block carries the 0-based row the DfE validators (and the Data to Insight peer) give it:
//! the n-th occurrence of that block in document order, counted over the whole file. Child
//! identifiers and characteristics count `<Child>`; `Reviews` count only `<Reviews>` blocks that
//! hold a `CPPreviewDate`.
//!
//! Only elements at their schema place are taken; others are passed over (the model reader
//! reports them). When an element that may appear once appears twice, the first is kept. The
//! legacy `GenderCurrent` (to 2023-24) is read into [`RawChild::sex`].

use super::read::{describe_xml_error, not_utf8};
use super::source::Tracked;
use crate::FormatError;
use quick_xml::errors::Error as XmlError;
use quick_xml::events::Event;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// A value as written, trimmed of surrounding XML whitespace, and where its element starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawValue {
    pub text: String,
    /// 1-based line and byte column of the element's start tag.
    pub line: u64,
    pub column: u64,
}

/// Where a block starts, and its 0-based row in its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RawPlace {
    pub row: usize,
    pub line: u64,
    pub column: u64,
}

/// The `Header` block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawHeader {
    pub place: RawPlace,
    pub collection: Option<RawValue>,
    pub year: Option<RawValue>,
    pub reference_date: Option<RawValue>,
    pub lea: Option<RawValue>,
}

/// One `<Child>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawChild {
    /// The n-th `<Child>`: the row of both `ChildIdentifiers` and `ChildCharacteristics`.
    pub place: RawPlace,
    pub la_child_id: Option<RawValue>,
    pub upn: Option<RawValue>,
    pub former_upn: Option<RawValue>,
    pub upn_unknown: Option<RawValue>,
    pub person_birth_date: Option<RawValue>,
    pub expected_person_birth_date: Option<RawValue>,
    /// `Sex`, or `GenderCurrent` in files to 2023-24.
    pub sex: Option<RawValue>,
    pub person_death_date: Option<RawValue>,
    pub ethnicity: Option<RawValue>,
    /// Each `<Disability>`, with its row in the `Disabilities` table.
    pub disabilities: Vec<(RawPlace, RawValue)>,
    pub cin_details: Vec<RawCinDetails>,
}

impl RawChild {
    /// `LAchildID` as written, or the empty string.
    pub fn id(&self) -> &str {
        self.la_child_id.as_ref().map_or("", |v| v.text.as_str())
    }
}

/// One `<CINdetails>`: a referral and what followed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCinDetails {
    pub place: RawPlace,
    pub cin_referral_date: Option<RawValue>,
    pub referral_source: Option<RawValue>,
    pub primary_need_code: Option<RawValue>,
    pub cin_closure_date: Option<RawValue>,
    pub reason_for_closure: Option<RawValue>,
    pub date_of_initial_cpc: Option<RawValue>,
    pub referral_nfa: Option<RawValue>,
    pub assessments: Vec<RawAssessment>,
    pub cin_plan_dates: Vec<RawCinPlanDates>,
    pub section47: Vec<RawSection47>,
    pub child_protection_plans: Vec<RawCpPlan>,
    /// The 2026-27 `PreProceedingsandFGDM` blocks: each element's name and value, in order.
    pub pre_proceedings: Vec<Vec<(String, RawValue)>>,
}

/// One `<Assessments>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawAssessment {
    pub place: RawPlace,
    pub actual_start_date: Option<RawValue>,
    pub internal_review_date: Option<RawValue>,
    pub authorisation_date: Option<RawValue>,
    /// Whether `FactorsIdentifiedAtAssessment` is present at all.
    pub has_factors_block: bool,
    /// Each `<AssessmentFactors>`, with its row in `AssessmentFactorsList`.
    pub factors: Vec<(RawPlace, RawValue)>,
}

/// One `<CINPlanDates>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCinPlanDates {
    pub place: RawPlace,
    pub start_date: Option<RawValue>,
    pub end_date: Option<RawValue>,
}

/// One `<Section47>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawSection47 {
    pub place: RawPlace,
    pub actual_start_date: Option<RawValue>,
    pub initial_cpc_target: Option<RawValue>,
    pub date_of_initial_cpc: Option<RawValue>,
    pub icpc_not_required: Option<RawValue>,
}

/// One `<ChildProtectionPlans>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCpPlan {
    pub place: RawPlace,
    pub start_date: Option<RawValue>,
    pub end_date: Option<RawValue>,
    pub initial_category_of_abuse: Option<RawValue>,
    pub latest_category_of_abuse: Option<RawValue>,
    pub number_of_previous_cpp: Option<RawValue>,
    /// Each `<Reviews>` block that holds a `CPPreviewDate`, with its row in `Reviews`, and its
    /// dates in order.
    pub reviews: Vec<(RawPlace, Vec<RawValue>)>,
}

/// A node of one child's subtree, before it is sorted into the typed blocks.
#[derive(Debug, Default)]
struct Node {
    name: String,
    text: String,
    line: u64,
    column: u64,
    children: Vec<Node>,
}

impl Node {
    fn value(&self) -> RawValue {
        RawValue {
            text: self
                .text
                .trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
                .to_owned(),
            line: self.line,
            column: self.column,
        }
    }

    fn first(&self, name: &str) -> Option<RawValue> {
        self.children
            .iter()
            .find(|n| n.name == name)
            .map(Node::value)
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |n| n.name == name)
    }
}

/// Rows handed out so far, per table.
#[derive(Debug, Default, Clone, Copy)]
struct Rows {
    child: usize,
    disability: usize,
    cin_details: usize,
    assessment: usize,
    factor: usize,
    cin_plan: usize,
    section47: usize,
    cp_plan: usize,
    reviews: usize,
}

fn next(counter: &mut usize) -> usize {
    *counter += 1;
    *counter - 1
}

/// Reads a census one child at a time. See the module documentation.
pub struct RawReader<R: BufRead> {
    xml: quick_xml::Reader<Tracked<R>>,
    file: PathBuf,
    buf: Vec<u8>,
    header: Option<RawHeader>,
    /// Open elements outside the child being built: their names.
    outer: Vec<String>,
    rows: Rows,
    /// The first child, read while looking for the header.
    pending: Option<RawChild>,
    done: bool,
    seen_root: bool,
    declared_encoding: Option<String>,
}

impl RawReader<std::io::BufReader<std::fs::File>> {
    /// Opens a census file and reads up to its first child.
    pub fn open(path: &Path) -> Result<Self, FormatError> {
        let file = std::fs::File::open(path).map_err(|source| FormatError::Io {
            file: path.to_owned(),
            source,
        })?;
        Self::new(std::io::BufReader::with_capacity(1 << 16, file), path)
    }
}

/// What the event loop found.
#[allow(clippy::large_enum_variant)] // one value per child read, moved once
enum Step {
    Header(RawHeader),
    Child(RawChild),
    End,
}

impl<R: BufRead> RawReader<R> {
    /// Reads from `reader` up to the first child; `file` names it in errors.
    pub fn new(reader: R, file: &Path) -> Result<Self, FormatError> {
        let mut this = Self {
            xml: quick_xml::Reader::from_reader(Tracked::new(reader)),
            file: file.to_owned(),
            buf: Vec::with_capacity(4096),
            header: None,
            outer: Vec::new(),
            rows: Rows::default(),
            pending: None,
            done: false,
            seen_root: false,
            declared_encoding: None,
        };
        loop {
            match this.step()? {
                Step::Header(h) => {
                    if this.header.is_none() {
                        this.header = Some(h);
                    }
                }
                Step::Child(c) => {
                    this.pending = Some(c);
                    break;
                }
                Step::End => {
                    this.done = true;
                    break;
                }
            }
        }
        Ok(this)
    }

    /// The `Header` block, when the file has one before its first child.
    pub fn header(&self) -> Option<&RawHeader> {
        self.header.as_ref()
    }

    fn error_at(&self, offset: u64, message: String, structure: bool) -> FormatError {
        let (line, column) = self.xml.get_ref().line_column(offset);
        let file = self.file.clone();
        if structure {
            FormatError::Structure {
                file,
                line,
                column,
                message,
            }
        } else {
            FormatError::Xml {
                file,
                line,
                column,
                message,
            }
        }
    }

    /// Reads one event, turning parser and encoding failures into errors.
    fn event(&mut self) -> Result<(Event<'static>, u64), FormatError> {
        self.buf.clear();
        let at = self.xml.get_ref().consumed();
        let event = self.xml.read_event_into(&mut self.buf);
        if let Some(bad) = self.xml.get_ref().not_utf8() {
            let fatal = not_utf8(bad, self.declared_encoding.as_deref());
            return Err(self.error_at(fatal.offset, fatal.message, false));
        }
        match event {
            Ok(Event::Eof) => {
                if let Some(bad) = self.xml.get_mut().finish() {
                    let fatal = not_utf8(bad, self.declared_encoding.as_deref());
                    return Err(self.error_at(fatal.offset, fatal.message, false));
                }
                Ok((Event::Eof, at))
            }
            Ok(event) => {
                if let Event::Decl(decl) = &event
                    && let Some(Ok(encoding)) = decl.encoding()
                {
                    self.declared_encoding = Some(encoding.into_owned());
                }
                Ok((event.into_owned(), at))
            }
            Err(XmlError::Io(e)) => Err(FormatError::Io {
                file: self.file.clone(),
                source: std::io::Error::new(e.kind(), e.to_string()),
            }),
            Err(e) => {
                let bom = self
                    .xml
                    .get_ref()
                    .consumed()
                    .saturating_sub(self.xml.buffer_position());
                let offset = self.xml.error_position() + bom;
                Err(self.error_at(offset, describe_xml_error(&e), false))
            }
        }
    }

    /// Reads until a header or a child is complete, or the file ends.
    fn step(&mut self) -> Result<Step, FormatError> {
        loop {
            let (event, at) = self.event()?;
            match event {
                Event::Start(e) if self.outer.is_empty() => {
                    self.root(e.name().as_ref(), at)?;
                    self.outer.push("Message".to_owned());
                }
                Event::Empty(e) if self.outer.is_empty() => {
                    self.root(e.name().as_ref(), at)?;
                }
                Event::Start(e) => {
                    let name = e.name().as_ref().to_owned();
                    let parent = self.outer.last().map(String::as_str);
                    let grand = self
                        .outer
                        .len()
                        .checked_sub(2)
                        .map(|i| self.outer[i].as_str());
                    if parent == Some("Message") && name == "Header" {
                        let node = self.subtree(name, at)?;
                        return Ok(Step::Header(self.header_of(&node)));
                    }
                    if parent == Some("Children") && grand == Some("Message") && name == "Child" {
                        let node = self.subtree(name, at)?;
                        let child = self.child_of(&node);
                        self.xml.get_mut().forget_lines_before(at);
                        return Ok(Step::Child(child));
                    }
                    self.outer.push(name);
                }
                Event::Empty(e) => {
                    let name = e.name();
                    let parent = self.outer.last().map(String::as_str);
                    if parent == Some("Children") && name.as_ref() == "Child" {
                        let node = self.node(String::from("Child"), at);
                        return Ok(Step::Child(self.child_of(&node)));
                    }
                }
                Event::End(_) => {
                    self.outer.pop();
                }
                Event::Eof => {
                    if !self.seen_root {
                        let message = if at == 0 {
                            "the file is empty"
                        } else {
                            "the file has no XML element"
                        };
                        return Err(self.error_at(at, message.to_owned(), false));
                    }
                    if !self.outer.is_empty() {
                        let open = self.outer.last().cloned().unwrap_or_default();
                        return Err(self.error_at(
                            at,
                            format!("the file ends before </{open}>; is it cut short?"),
                            false,
                        ));
                    }
                    return Ok(Step::End);
                }
                _ => {}
            }
        }
    }

    /// Checks the root element: a census is a `<Message>`, and there is only one root.
    fn root(&mut self, name: &str, at: u64) -> Result<(), FormatError> {
        if self.seen_root {
            return Err(self.error_at(
                at,
                "a second root element follows the end of the first".to_owned(),
                false,
            ));
        }
        self.seen_root = true;
        if name != "Message" {
            return Err(self.error_at(
                at,
                format!("the root element is <{name}>, not <Message>: is this a CIN census?"),
                true,
            ));
        }
        Ok(())
    }

    fn node(&self, name: String, at: u64) -> Node {
        let (line, column) = self.xml.get_ref().line_column(at);
        Node {
            name,
            line,
            column,
            ..Node::default()
        }
    }

    /// Reads the element just opened, up to its end tag, as a tree.
    fn subtree(&mut self, name: String, at: u64) -> Result<Node, FormatError> {
        let mut stack = vec![self.node(name, at)];
        loop {
            let (event, at) = self.event()?;
            match event {
                Event::Start(e) => {
                    let name = e.name().as_ref().to_owned();
                    stack.push(self.node(name, at));
                }
                Event::Empty(e) => {
                    let name = e.name().as_ref().to_owned();
                    let node = self.node(name, at);
                    if let Some(top) = stack.last_mut() {
                        top.children.push(node);
                    }
                }
                Event::Text(t) => {
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&t);
                    }
                }
                Event::CData(t) => {
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&t);
                    }
                }
                Event::GeneralRef(r) => {
                    let mut utf8 = [0; 4];
                    let resolved: Option<&str> = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.encode_utf8(&mut utf8)),
                        Ok(None) => quick_xml::escape::resolve_xml_entity(&r),
                        Err(_) => None,
                    };
                    let Some(resolved) = resolved else {
                        return Err(self.error_at(
                            at,
                            format!("'&{};' is not an XML entity or character reference", &*r),
                            false,
                        ));
                    };
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(resolved);
                    }
                }
                Event::End(_) => {
                    let done = stack.pop().unwrap_or_default();
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => return Ok(done),
                    }
                }
                Event::Eof => {
                    let open = stack.last().map(|n| n.name.clone()).unwrap_or_default();
                    return Err(self.error_at(
                        at,
                        format!("the file ends before </{open}>; is it cut short?"),
                        false,
                    ));
                }
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    fn header_of(&self, node: &Node) -> RawHeader {
        let details = node.children.iter().find(|n| n.name == "CollectionDetails");
        let source = node.children.iter().find(|n| n.name == "Source");
        RawHeader {
            place: RawPlace {
                row: 0,
                line: node.line,
                column: node.column,
            },
            collection: details.and_then(|d| d.first("Collection")),
            year: details.and_then(|d| d.first("Year")),
            reference_date: details.and_then(|d| d.first("ReferenceDate")),
            lea: source.and_then(|s| s.first("LEA")),
        }
    }

    fn place(node: &Node, counter: &mut usize) -> RawPlace {
        RawPlace {
            row: next(counter),
            line: node.line,
            column: node.column,
        }
    }

    fn child_of(&mut self, node: &Node) -> RawChild {
        let rows = &mut self.rows;
        let ids = node.all("ChildIdentifiers").next();
        let id = |name: &str| ids.and_then(|n| n.first(name));
        let chars = node.all("ChildCharacteristics").next();
        let mut disabilities = Vec::new();
        if let Some(chars) = chars {
            // `Disabilities` may appear once; a second block is passed over, as the DfE
            // validators do.
            if let Some(list) = chars.all("Disabilities").next() {
                for d in list.all("Disability") {
                    disabilities.push((Self::place(d, &mut rows.disability), d.value()));
                }
            }
        }
        let place = Self::place(node, &mut rows.child);
        let cin_details = node
            .all("CINdetails")
            .map(|n| Self::cin_details_of(n, rows))
            .collect();
        RawChild {
            place,
            la_child_id: id("LAchildID"),
            upn: id("UPN"),
            former_upn: id("FormerUPN"),
            upn_unknown: id("UPNunknown"),
            person_birth_date: id("PersonBirthDate"),
            expected_person_birth_date: id("ExpectedPersonBirthDate"),
            sex: id("Sex").or_else(|| id("GenderCurrent")),
            person_death_date: id("PersonDeathDate"),
            ethnicity: chars.and_then(|n| n.first("Ethnicity")),
            disabilities,
            cin_details,
        }
    }

    fn cin_details_of(node: &Node, rows: &mut Rows) -> RawCinDetails {
        let place = Self::place(node, &mut rows.cin_details);
        let assessments = node
            .all("Assessments")
            .map(|a| {
                let place = Self::place(a, &mut rows.assessment);
                let mut factors = Vec::new();
                let mut has_factors_block = false;
                // Once per assessment, like `Disabilities`.
                if let Some(list) = a.all("FactorsIdentifiedAtAssessment").next() {
                    has_factors_block = true;
                    for f in list.all("AssessmentFactors") {
                        factors.push((Self::place(f, &mut rows.factor), f.value()));
                    }
                }
                RawAssessment {
                    place,
                    actual_start_date: a.first("AssessmentActualStartDate"),
                    internal_review_date: a.first("AssessmentInternalReviewDate"),
                    authorisation_date: a.first("AssessmentAuthorisationDate"),
                    has_factors_block,
                    factors,
                }
            })
            .collect();
        let cin_plan_dates = node
            .all("CINPlanDates")
            .map(|p| RawCinPlanDates {
                place: Self::place(p, &mut rows.cin_plan),
                start_date: p.first("CINPlanStartDate"),
                end_date: p.first("CINPlanEndDate"),
            })
            .collect();
        let section47 = node
            .all("Section47")
            .map(|s| RawSection47 {
                place: Self::place(s, &mut rows.section47),
                actual_start_date: s.first("S47ActualStartDate"),
                initial_cpc_target: s.first("InitialCPCtarget"),
                date_of_initial_cpc: s.first("DateOfInitialCPC"),
                icpc_not_required: s.first("ICPCnotRequired"),
            })
            .collect();
        let child_protection_plans = node
            .all("ChildProtectionPlans")
            .map(|p| {
                let place = Self::place(p, &mut rows.cp_plan);
                let reviews = p
                    .all("Reviews")
                    .filter_map(|r| {
                        let dates: Vec<RawValue> =
                            r.all("CPPreviewDate").map(Node::value).collect();
                        (!dates.is_empty()).then(|| (Self::place(r, &mut rows.reviews), dates))
                    })
                    .collect();
                RawCpPlan {
                    place,
                    start_date: p.first("CPPstartDate"),
                    end_date: p.first("CPPendDate"),
                    initial_category_of_abuse: p.first("InitialCategoryOfAbuse"),
                    latest_category_of_abuse: p.first("LatestCategoryOfAbuse"),
                    number_of_previous_cpp: p.first("NumberOfPreviousCPP"),
                    reviews,
                }
            })
            .collect();
        let pre_proceedings = node
            .all("PreProceedingsandFGDM")
            .map(|b| {
                b.children
                    .iter()
                    .map(|n| (n.name.clone(), n.value()))
                    .collect()
            })
            .collect();
        RawCinDetails {
            place,
            cin_referral_date: node.first("CINreferralDate"),
            referral_source: node.first("ReferralSource"),
            primary_need_code: node.first("PrimaryNeedCode"),
            cin_closure_date: node.first("CINclosureDate"),
            reason_for_closure: node.first("ReasonForClosure"),
            date_of_initial_cpc: node.first("DateOfInitialCPC"),
            referral_nfa: node.first("ReferralNFA"),
            assessments,
            cin_plan_dates,
            section47,
            child_protection_plans,
            pre_proceedings,
        }
    }
}

impl<R: BufRead> Iterator for RawReader<R> {
    type Item = Result<RawChild, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(child) = self.pending.take() {
            return Some(Ok(child));
        }
        if self.done {
            return None;
        }
        loop {
            match self.step() {
                Ok(Step::Child(c)) => return Some(Ok(c)),
                // A second header, or one after the children, is passed over.
                Ok(Step::Header(_)) => {}
                Ok(Step::End) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CENSUS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails>
    <Source><LEA>318</LEA></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID> A1 </LAchildID>
        <GenderCurrent>1</GenderCurrent>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities><Disability>MOB</Disability><Disability>XYZ</Disability></Disabilities>
        <Disabilities><Disability>HAND</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>not a date</CINreferralDate>
        <Assessments>
          <AssessmentActualStartDate>2025-05-01</AssessmentActualStartDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>21</AssessmentFactors></FactorsIdentifiedAtAssessment>
        </Assessments>
        <ChildProtectionPlans>
          <CPPstartDate>2025-06-01</CPPstartDate>
          <Reviews/>
          <Reviews><CPPreviewDate>2025-07-01</CPPreviewDate><CPPreviewDate>2025-08-01</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
        <PreProceedingsandFGDM><PPStartDate>2026-01-05</PPStartDate><PPOutcome>A</PPOutcome></PreProceedingsandFGDM>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>B&amp;2</LAchildID><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails><CINreferralDate>2025-04-01</CINreferralDate></CINdetails>
      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ChildProtectionPlans><Reviews><CPPreviewDate>2025-09-01</CPPreviewDate></Reviews></ChildProtectionPlans>
      </CINdetails>
    </Child>
  </Children>
</Message>
"#;

    fn read(xml: &str) -> Result<(Option<RawHeader>, Vec<RawChild>), FormatError> {
        let reader = RawReader::new(xml.as_bytes(), Path::new("c.xml"))?;
        let header = reader.header().cloned();
        let children = reader.collect::<Result<Vec<_>, _>>()?;
        Ok((header, children))
    }

    #[test]
    fn values_are_kept_as_written_with_their_places_and_rows() {
        let (header, children) = read(CENSUS).unwrap();
        let header = header.unwrap();
        assert_eq!(header.reference_date.unwrap().text, "2026-03-31");
        assert_eq!(header.lea.unwrap().text, "318");
        assert_eq!(children.len(), 2);
        let [a, b] = &children[..] else { panic!() };
        assert_eq!(a.id(), "A1", "trimmed");
        assert_eq!(
            a.la_child_id.as_ref().map(|v| (v.line, v.column)),
            Some((10, 9))
        );
        assert_eq!(
            a.sex.as_ref().unwrap().text,
            "1",
            "GenderCurrent is read as sex"
        );
        assert_eq!((a.place.row, a.place.line), (0, 8));
        assert_eq!(b.place.row, 1);
        assert_eq!(b.id(), "B&2", "references are resolved");
        // Only the first Disabilities block counts; rows run on across children.
        let codes: Vec<_> = a
            .disabilities
            .iter()
            .map(|(p, v)| (p.row, v.text.as_str()))
            .collect();
        assert_eq!(codes, [(0, "MOB"), (1, "XYZ")]);
        assert_eq!(b.disabilities[0].0.row, 2);
        let ep = &a.cin_details[0];
        assert_eq!(ep.cin_referral_date.as_ref().unwrap().text, "not a date");
        assert_eq!(ep.assessments[0].factors[0].1.text, "21");
        assert!(ep.assessments[0].has_factors_block);
        // A Reviews block without a date is not a row.
        let reviews = &ep.child_protection_plans[0].reviews;
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].0.row, 0);
        assert_eq!(reviews[0].1.len(), 2);
        assert_eq!(ep.pre_proceedings[0][1].0, "PPOutcome");
        let rows: Vec<_> = b.cin_details.iter().map(|d| d.place.row).collect();
        assert_eq!(rows, [1, 2]);
        assert_eq!(b.cin_details[1].child_protection_plans[0].place.row, 1);
        assert_eq!(
            b.cin_details[1].child_protection_plans[0].reviews[0].0.row,
            1
        );
    }

    #[test]
    fn a_file_that_is_not_a_census_is_an_error() {
        assert!(matches!(
            read("<Other/>"),
            Err(FormatError::Structure { line: 1, .. })
        ));
        assert!(matches!(read(""), Err(FormatError::Xml { .. })));
        assert!(matches!(
            read("<Message><Children><Child></Children></Message>"),
            Err(FormatError::Xml { .. })
        ));
        assert!(matches!(
            read("<Message><Children><Child><X>&bogus;</X></Child></Children></Message>"),
            Err(FormatError::Xml { .. })
        ));
        let cut = &CENSUS[..CENSUS.len() / 2];
        assert!(read(cut).is_err());
    }

    #[test]
    fn a_census_without_header_or_children_reads_as_empty() {
        let (header, children) = read("<Message><Children/></Message>").unwrap();
        assert!(header.is_none());
        assert!(children.is_empty());
    }

    #[test]
    fn line_starts_are_forgotten_as_children_pass() {
        let mut xml = String::from("<Message><Children>\n");
        for i in 0..1000 {
            xml.push_str(&format!("<Child>\n<ChildIdentifiers>\n<LAchildID>C{i}</LAchildID>\n</ChildIdentifiers>\n</Child>\n"));
        }
        xml.push_str("</Children></Message>\n");
        let mut reader = RawReader::new(xml.as_bytes(), Path::new("c.xml")).unwrap();
        let mut last = None;
        for child in &mut reader {
            last = Some(child.unwrap());
        }
        let last = last.unwrap();
        assert_eq!(last.la_child_id.unwrap().line, 2 + 999 * 5 + 2);
        assert!(reader.xml.get_ref().kept_lines() < 20);
    }
}
