//! Family voice: feedback from children and families, participation events, and colleagues'
//! nominations for practice that made a difference.

use crate::grade::Tag;
use model::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who gave feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackSource {
    Child,
    Parent,
    Carer,
    FamilyMember,
    Professional,
}

impl FeedbackSource {
    pub const ALL: [FeedbackSource; 5] = [
        FeedbackSource::Child,
        FeedbackSource::Parent,
        FeedbackSource::Carer,
        FeedbackSource::FamilyMember,
        FeedbackSource::Professional,
    ];
    pub fn code(self) -> &'static str {
        match self {
            FeedbackSource::Child => "child",
            FeedbackSource::Parent => "parent",
            FeedbackSource::Carer => "carer",
            FeedbackSource::FamilyMember => "family_member",
            FeedbackSource::Professional => "professional",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// Whether feedback was positive, mixed or negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Mixed,
    Negative,
}

impl Sentiment {
    pub const ALL: [Sentiment; 3] = [Sentiment::Positive, Sentiment::Mixed, Sentiment::Negative];
    pub fn code(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Mixed => "mixed",
            Sentiment::Negative => "negative",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// A piece of feedback from a child, family member, carer or professional. No names: the
/// summary is in the service's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: String,
    pub date: Date,
    pub source: FeedbackSource,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    pub sentiment: Sentiment,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Tag>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

/// A participation event (a party, a consultation, a young inspectors' day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipationEvent {
    pub id: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    pub name: String,
    pub children: u32,
    pub adults: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Tag>,
}

/// A colleague's nomination for practice that made a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    /// The worker nominated.
    pub nominee: String,
    pub nominated_by: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Tag>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub citation: String,
}

/// Counts and themes of family voice over a period, for the pack.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VoiceSummary {
    pub feedback: u64,
    pub by_source: BTreeMap<FeedbackSource, u64>,
    pub by_sentiment: BTreeMap<Sentiment, u64>,
    pub events: u64,
    pub children_at_events: u64,
    pub adults_at_events: u64,
    pub nominations: u64,
    pub nominations_by_team: BTreeMap<String, u64>,
    /// Every theme tag over feedback, events and nominations, most named first.
    pub themes: Vec<(Tag, u64)>,
}

/// Summarises what falls in `[start, end]`.
pub fn summarise(
    feedback: &[Feedback],
    events: &[ParticipationEvent],
    nominations: &[Nomination],
    start: Date,
    end: Date,
) -> VoiceSummary {
    let within = |d: Date| start <= d && d <= end;
    let mut s = VoiceSummary::default();
    let mut themes: BTreeMap<Tag, u64> = BTreeMap::new();
    let mut count = |tags: &[Tag]| {
        for t in tags {
            *themes.entry(t.clone()).or_default() += 1;
        }
    };
    for f in feedback.iter().filter(|f| within(f.date)) {
        s.feedback += 1;
        *s.by_source.entry(f.source).or_default() += 1;
        *s.by_sentiment.entry(f.sentiment).or_default() += 1;
        count(&f.themes);
    }
    for e in events.iter().filter(|e| within(e.date)) {
        s.events += 1;
        s.children_at_events += u64::from(e.children);
        s.adults_at_events += u64::from(e.adults);
        count(&e.themes);
    }
    for n in nominations.iter().filter(|n| within(n.date)) {
        s.nominations += 1;
        *s.nominations_by_team.entry(n.team.clone()).or_default() += 1;
        count(&n.themes);
    }
    let mut v: Vec<(Tag, u64)> = themes.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    s.themes = v;
    s
}
