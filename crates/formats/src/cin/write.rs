//! The writer of the 2025-26 census, in the element order of `CIN_schema_2026.xsd`.

use super::CinHeader;
use model::{Child, Date};
use std::io::{self, Write};

pub(super) fn write<W: Write>(w: W, header: &CinHeader, children: &[Child]) -> io::Result<()> {
    let mut out = Out {
        w: io::BufWriter::with_capacity(1 << 16, w),
        depth: 0,
    };
    out.w
        .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    out.open("Message")?;
    write_header(&mut out, header)?;
    out.open("Children")?;
    for child in children {
        write_child(&mut out, child)?;
    }
    out.close("Children")?;
    out.close("Message")?;
    out.w.flush()
}

fn write_header<W: Write>(out: &mut Out<W>, h: &CinHeader) -> io::Result<()> {
    out.open("Header")?;
    out.open("CollectionDetails")?;
    out.leaf("Collection", "CIN")?;
    out.leaf("Year", &format!("{:04}", h.year.0))?;
    // Rule 100: the reference date is 31 March of the collection year. Formatted here rather than
    // through `CollectionYear::end`, which cannot build a date for a year out of range.
    out.leaf("ReferenceDate", &format!("{:04}-03-31", h.year.0))?;
    out.close("CollectionDetails")?;
    out.open("Source")?;
    out.leaf("SourceLevel", "L")?;
    out.leaf("LEA", &h.lea)?;
    // Optional, and typed (SerialNo is digits, DateTime an xs:dateTime), so empty means absent.
    for (name, value) in [
        ("SoftwareCode", &h.software_code),
        ("Release", &h.release),
        ("SerialNo", &h.serial_no),
        ("DateTime", &h.date_time),
    ] {
        if !value.is_empty() {
            out.leaf(name, value)?;
        }
    }
    out.close("Source")?;
    out.close("Header")
}

fn write_child<W: Write>(out: &mut Out<W>, c: &Child) -> io::Result<()> {
    out.open("Child")?;

    out.open("ChildIdentifiers")?;
    out.leaf("LAchildID", &c.id.0)?;
    out.opt("UPN", c.upn.as_deref())?;
    out.opt("FormerUPN", c.former_upn.as_deref())?;
    out.opt("UPNunknown", c.upn_unknown.map(|u| u.code()))?;
    out.opt_date("PersonBirthDate", c.birth_date)?;
    out.opt_date("ExpectedPersonBirthDate", c.expected_birth_date)?;
    out.opt("Sex", c.sex.map(|s| s.code()))?;
    out.opt_date("PersonDeathDate", c.death_date)?;
    out.close("ChildIdentifiers")?;

    out.open("ChildCharacteristics")?;
    out.opt("Ethnicity", c.ethnicity.map(|e| e.code()))?;
    if !c.disabilities.is_empty() {
        out.open("Disabilities")?;
        for d in &c.disabilities {
            out.leaf("Disability", d.code())?;
        }
        out.close("Disabilities")?;
    }
    out.close("ChildCharacteristics")?;

    for r in &c.referrals {
        out.open("CINdetails")?;
        out.date("CINreferralDate", r.referral_date)?;
        out.opt("ReferralSource", r.source.map(|s| s.code()))?;
        out.opt("PrimaryNeedCode", r.primary_need.map(|n| n.code()))?;
        out.opt_date("CINclosureDate", r.closure_date)?;
        out.opt("ReasonForClosure", r.reason_for_closure.map(|x| x.code()))?;
        out.opt_date("DateOfInitialCPC", r.initial_cpc_date)?;
        for a in &r.assessments {
            out.open("Assessments")?;
            out.date("AssessmentActualStartDate", a.start_date)?;
            out.opt_date("AssessmentInternalReviewDate", a.internal_review_date)?;
            out.opt_date("AssessmentAuthorisationDate", a.authorised_date)?;
            if !a.factors.is_empty() {
                out.open("FactorsIdentifiedAtAssessment")?;
                for f in &a.factors {
                    out.leaf("AssessmentFactors", f.code())?;
                }
                out.close("FactorsIdentifiedAtAssessment")?;
            }
            out.close("Assessments")?;
        }
        for p in &r.cin_plans {
            out.open("CINPlanDates")?;
            out.date("CINPlanStartDate", p.start_date)?;
            out.opt_date("CINPlanEndDate", p.end_date)?;
            out.close("CINPlanDates")?;
        }
        for s in &r.section47s {
            out.open("Section47")?;
            out.date("S47ActualStartDate", s.start_date)?;
            out.opt_date("InitialCPCtarget", s.icpc_target_date)?;
            out.opt_date("DateOfInitialCPC", s.icpc_date)?;
            out.leaf("ICPCnotRequired", flag(s.icpc_not_required))?;
            out.close("Section47")?;
        }
        out.leaf("ReferralNFA", flag(r.no_further_action))?;
        for p in &r.cp_plans {
            out.open("ChildProtectionPlans")?;
            out.date("CPPstartDate", p.start_date)?;
            out.opt_date("CPPendDate", p.end_date)?;
            out.opt(
                "InitialCategoryOfAbuse",
                p.initial_category.map(|x| x.code()),
            )?;
            out.opt("LatestCategoryOfAbuse", p.latest_category.map(|x| x.code()))?;
            out.opt(
                "NumberOfPreviousCPP",
                p.number_of_previous_plans.map(|n| n.to_string()),
            )?;
            // The schema wants at least one CPPreviewDate in a Reviews block.
            if !p.review_dates.is_empty() {
                out.open("Reviews")?;
                for d in &p.review_dates {
                    out.date("CPPreviewDate", *d)?;
                }
                out.close("Reviews")?;
            }
            out.close("ChildProtectionPlans")?;
        }
        // 2026-27 only: written when held, so earlier censuses stay as their schema has them.
        if let Some(p) = &r.pre_proceedings {
            out.open("PreProceedingsandFGDM")?;
            out.opt_date("PPStartDate", p.start_date)?;
            out.opt_date("LBPSentDate", p.letter_before_proceedings_date)?;
            out.opt("FGDMMeetingOffer", p.fgdm_offered.map(flag))?;
            out.opt("FGDMMeetingFac", p.fgdm_facilitated.map(flag))?;
            out.opt_date("InitialPPMeetingDate", p.initial_meeting_date)?;
            out.opt(
                "ReviewMeetingsCount",
                p.review_meetings.map(|n| n.to_string()),
            )?;
            out.opt_date("StepDecisionDate", p.step_decision_date)?;
            out.opt("PPOutcome", p.outcome.as_deref())?;
            out.opt_date("CourtAppDate", p.court_application_date)?;
            out.opt_date("LetterInitCPDate", p.letter_init_cp_date)?;
            out.close("PreProceedingsandFGDM")?;
        }
        out.close("CINdetails")?;
    }

    out.close("Child")
}

fn flag(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

/// Indented output, one element per line.
struct Out<W: Write> {
    w: io::BufWriter<W>,
    depth: usize,
}

impl<W: Write> Out<W> {
    fn indent(&mut self) -> io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        let mut n = self.depth * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            self.w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open(&mut self, name: &str) -> io::Result<()> {
        self.indent()?;
        writeln!(self.w, "<{name}>")?;
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.depth -= 1;
        self.indent()?;
        writeln!(self.w, "</{name}>")
    }

    fn leaf(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.indent()?;
        write!(self.w, "<{name}>")?;
        write_escaped(&mut self.w, value)?;
        writeln!(self.w, "</{name}>")
    }

    fn opt(&mut self, name: &str, value: Option<impl AsRef<str>>) -> io::Result<()> {
        match value {
            Some(v) => self.leaf(name, v.as_ref()),
            None => Ok(()),
        }
    }

    fn date(&mut self, name: &str, d: Date) -> io::Result<()> {
        self.leaf(
            name,
            &format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        )
    }

    fn opt_date(&mut self, name: &str, d: Option<Date>) -> io::Result<()> {
        match d {
            Some(d) => self.date(name, d),
            None => Ok(()),
        }
    }
}

/// Writes text content: markup characters escaped, a carriage return as a character reference
/// (a reader would turn a literal one into a line feed), and characters XML 1.0 cannot hold at
/// all replaced by U+FFFD.
fn write_escaped(w: &mut impl Write, value: &str) -> io::Result<()> {
    let mut rest = value;
    while let Some(i) = rest.find(|c: char| matches!(c, '&' | '<' | '>' | '\r') || !is_xml_char(c))
    {
        w.write_all(&rest.as_bytes()[..i])?;
        let c = rest[i..].chars().next().unwrap_or('\u{FFFD}');
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            _ => "\u{FFFD}",
        };
        w.write_all(replacement.as_bytes())?;
        rest = &rest[i + c.len_utf8()..];
    }
    w.write_all(rest.as_bytes())
}

/// Whether XML 1.0 allows the character in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        write_escaped(&mut out, s).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escaped("plain"), "plain");
        assert_eq!(escaped("a&b<c>d"), "a&amp;b&lt;c&gt;d");
        assert_eq!(escaped("x\r\ny"), "x&#13;\ny");
        assert_eq!(escaped("bell\u{7}é"), "bell\u{FFFD}é");
        assert_eq!(escaped("'\""), "'\"");
    }
}
