//! The web app's accounts: users and their roles, signed-in sessions, sign-in attempts (for rate
//! limiting), and the analysts' notes on each indicator.
//!
//! The store keeps what it is given: a password arrives already hashed (argon2id, by the web
//! crate), and a session by the SHA-256 of its token, so nothing here can sign anyone in.

/// What a user may see and do in the web app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Everything, the access log and user list included.
    Admin,
    /// Every figure and every child; writes the story behind each indicator.
    Analyst,
    /// Every figure; the children allocated to their team.
    Manager,
    /// Every figure; the children on their own caseload.
    Practitioner,
    /// A councillor on the scrutiny panel: figures only, under disclosure control; no child.
    Scrutiny,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Analyst,
        Role::Manager,
        Role::Practitioner,
        Role::Scrutiny,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Manager => "manager",
            Role::Practitioner => "practitioner",
            Role::Scrutiny => "scrutiny",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A user to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub name: String,
    pub role: Role,
    /// The team a manager runs (required for a manager).
    pub team: Option<String>,
    /// The worker id a practitioner has in the case-management extract (required for a
    /// practitioner).
    pub worker: Option<String>,
    /// An argon2id PHC string (`$argon2id$v=19$…`).
    pub password_hash: String,
}

/// A stored user.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    pub user_id: i64,
    pub name: String,
    pub role: Role,
    pub team: Option<String>,
    pub worker: Option<String>,
    pub password_hash: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

impl std::fmt::Debug for User {
    /// Leaves the hash out, so that no log line ever carries it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("user_id", &self.user_id)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("team", &self.team)
            .field("worker", &self.worker)
            .finish_non_exhaustive()
    }
}

/// A live session, with its user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    /// The secret every form of this session must send back.
    pub csrf_token: String,
    pub expires_at: jiff::Timestamp,
}

/// A sign-in attempt, for rate limiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginAttempt {
    /// The name typed, whether or not a user has it.
    pub user_name: String,
    /// The client's address.
    pub client: String,
    pub succeeded: bool,
}

/// The story behind an indicator's curve and the actions, as last written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorNote {
    pub note_id: i64,
    pub indicator_id: String,
    pub story: String,
    pub actions: String,
    pub written_by: String,
    /// RFC 3339 UTC.
    pub written_at: String,
}
