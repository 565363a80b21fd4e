//! The access log: who saw or took out child-level data, when, how, and which child or record.
//!
//! Entries are only ever added. The database itself refuses to change or delete one (SQLite
//! triggers; on PostgreSQL a trigger, and no role holding `UPDATE`, `DELETE` or `TRUNCATE` on the
//! table), so that the log can be trusted by someone who does not trust the application.

/// Where an access came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A page or download of the web app.
    Web,
    /// A `harbour` command.
    Cli,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Cli => "cli",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "web" => Some(Channel::Web),
            "cli" => Some(Channel::Cli),
            _ => None,
        }
    }
}

/// One access to child-level data, as the caller describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    /// The user name or account that looked.
    pub actor: String,
    pub channel: Channel,
    /// The route (`GET /children/C0001`) or command (`harbour export`).
    pub action: String,
    /// What was seen, in words and ids, never in personal details: `child C0001`,
    /// `all children (22 tables, csv)`, `children behind cp_starts_from_cin_pct 2025-03`.
    pub subject: String,
    /// The child, when the access is to one child.
    pub child_id: Option<String>,
}

/// An entry as stored, with its number and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRecord {
    pub entry_id: i64,
    /// RFC 3339 UTC with microseconds.
    pub at: String,
    pub entry: AccessEntry,
}
