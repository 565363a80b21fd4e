//! The Ofsted four-point grade, the domains of practice an audit grades, and theme tags.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The four-point scale Ofsted's judgements use, which case audits mirror.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

impl Grade {
    /// Best first.
    pub const ALL: [Grade; 4] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::RequiresImprovement,
        Grade::Inadequate,
    ];

    /// The code written in CSV files: `outstanding`, `good`, `requires_improvement`,
    /// `inadequate`.
    pub fn code(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::RequiresImprovement => "requires_improvement",
            Grade::Inadequate => "inadequate",
        }
    }

    /// Ofsted's words.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::Inadequate => "Inadequate",
        }
    }

    /// Reads a code or Ofsted's words, ignoring case, with spaces, hyphens or underscores
    /// between words (`Requires improvement`, `requires-improvement`), or `RI`.
    pub fn parse(s: &str) -> Option<Grade> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        if norm == "ri" {
            return Some(Grade::RequiresImprovement);
        }
        Grade::ALL.into_iter().find(|g| g.code() == norm)
    }

    /// Outstanding or good.
    pub fn is_good_or_better(self) -> bool {
        matches!(self, Grade::Outstanding | Grade::Good)
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An area of practice an audit grades: the Focus Five and the child's voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Chronology,
    Visits,
    Assessment,
    Plan,
    Supervision,
    ChildVoice,
}

impl Domain {
    pub const ALL: [Domain; 6] = [
        Domain::Chronology,
        Domain::Visits,
        Domain::Assessment,
        Domain::Plan,
        Domain::Supervision,
        Domain::ChildVoice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Domain::Chronology => "chronology",
            Domain::Visits => "visits",
            Domain::Assessment => "assessment",
            Domain::Plan => "plan",
            Domain::Supervision => "supervision",
            Domain::ChildVoice => "child_voice",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Domain::Chronology => "Chronology and genogram",
            Domain::Visits => "Visits",
            Domain::Assessment => "Assessment",
            Domain::Plan => "Plan",
            Domain::Supervision => "Supervision and management oversight",
            Domain::ChildVoice => "The child's voice",
        }
    }
}

/// A theme of good practice or of development, as a tag: lower-case letters, digits and
/// hyphens (`relational-practice`, `chronology-up-to-date`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tag(String);

impl Tag {
    /// Normalises a tag as people type it: trimmed, lower case, spaces and underscores as
    /// hyphens. `None` if anything else is left that is not a letter, digit or hyphen, or if
    /// nothing is left.
    pub fn parse(s: &str) -> Option<Tag> {
        let t: String = s
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '_' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let ok = !t.is_empty()
            && t.len() <= 64
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        ok.then_some(Tag(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads `a;b;c` into tags (empty text is no tags); the first bad one is returned as `Err`.
pub fn parse_tags(s: &str) -> Result<Vec<Tag>, String> {
    let mut tags = Vec::new();
    for part in s.split(';').filter(|p| !p.trim().is_empty()) {
        match Tag::parse(part) {
            Some(t) if !tags.contains(&t) => tags.push(t),
            Some(_) => {}
            None => return Err(part.trim().to_owned()),
        }
    }
    Ok(tags)
}

/// Writes tags as `a;b;c`.
pub fn format_tags(tags: &[Tag]) -> String {
    tags.iter().map(Tag::as_str).collect::<Vec<_>>().join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_read_as_people_write_them() {
        assert_eq!(
            Grade::parse("Requires improvement"),
            Some(Grade::RequiresImprovement)
        );
        assert_eq!(
            Grade::parse(" requires-improvement "),
            Some(Grade::RequiresImprovement)
        );
        assert_eq!(Grade::parse("RI"), Some(Grade::RequiresImprovement));
        assert_eq!(Grade::parse("GOOD"), Some(Grade::Good));
        assert_eq!(Grade::parse("satisfactory"), None);
        assert_eq!(Grade::parse(""), None);
        for g in Grade::ALL {
            assert_eq!(Grade::parse(g.code()), Some(g));
            assert_eq!(Grade::parse(g.label()), Some(g));
        }
        assert!(Grade::Outstanding < Grade::Inadequate, "best sorts first");
    }

    #[test]
    fn tags_are_normalised_and_checked() {
        assert_eq!(
            parse_tags("Relational practice; multi_agency;;relational-practice").unwrap(),
            vec![
                Tag::parse("relational-practice").unwrap(),
                Tag::parse("multi-agency").unwrap()
            ]
        );
        assert_eq!(parse_tags("good; bad/tag").unwrap_err(), "bad/tag");
        assert_eq!(parse_tags("").unwrap(), vec![]);
    }
}
