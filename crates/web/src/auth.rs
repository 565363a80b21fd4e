//! Signing in and out: argon2id password hashes, session cookies, CSRF tokens and rate limiting.
//!
//! A session is a random 256-bit token in a cookie (`HttpOnly`, `SameSite=Strict`, `Path=/`, and
//! `Secure` with the `__Host-` prefix when the app is behind TLS); the store keeps only its
//! SHA-256, so a copy of the database signs no one in. Every sign-in makes a new token and ends
//! the session the browser came with (no session fixation). Each session has its own CSRF token,
//! which every form carries in a hidden field and every `POST` checks; the sign-in form, which
//! comes before any session, uses a double-submit cookie of its own. Sign-in attempts are
//! recorded: after [`MAX_FAILURES_PER_NAME`] failures for one name, or [`MAX_FAILURES_PER_CLIENT`]
//! from one address, in [`LOCKOUT_MINUTES`] minutes, sign-in is refused until the window passes.

use crate::{AppError, AppState};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;

/// How long a session lasts from sign-in: a working day.
pub const SESSION_HOURS: i64 = 10;
/// Failed sign-ins for one name within the window before that name is locked out.
pub const MAX_FAILURES_PER_NAME: u32 = 5;
/// Failed sign-ins from one address within the window before that address is locked out.
pub const MAX_FAILURES_PER_CLIENT: u32 = 20;
/// The rate-limiting window.
pub const LOCKOUT_MINUTES: i64 = 15;

/// The session cookie over plain HTTP (loopback, a test).
const SESSION_COOKIE: &str = "harbour_session";
/// The session cookie behind TLS: the `__Host-` prefix makes the browser insist on `Secure`,
/// `Path=/` and no `Domain`.
const SECURE_SESSION_COOKIE: &str = "__Host-harbour_session";
/// The sign-in form's double-submit cookie.
pub(crate) const LOGIN_CSRF_COOKIE: &str = "harbour_signin";

/// A problem hashing a password.
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// An argon2id PHC string for `password`, with a random salt and the crate's default parameters
/// (OWASP's minimum: 19 MiB, 2 passes, 1 lane).
pub fn hash_password(password: &str) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the PHC string `hash` (false for a malformed hash).
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash no password matches in practice, verified when the name is unknown so that a wrong
/// name takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password(&random_token()).unwrap_or_default())
}

/// 256 random bits from the operating system, as 64 lower-case hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS's generator does not fail on the systems Harbour runs on; if it ever did, a
    // token must not be predictable, so stop rather than go on.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    hex(&bytes)
}

/// A password of 20 characters from an alphabet without look-alikes (about 112 bits).
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut out = String::with_capacity(20);
    while out.len() < 20 {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte).expect("the operating system's random generator failed");
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - 256 % ALPHABET.len();
        if usize::from(byte[0]) < limit {
            out.push(char::from(ALPHABET[usize::from(byte[0]) % ALPHABET.len()]));
        }
    }
    out
}

/// The SHA-256 of a session token, as the store keeps it.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Compares two secrets in time that depends only on their lengths.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of a cookie of the request.
pub(crate) fn cookie<'a>(parts: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    parts
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// The session cookie's name for this deployment.
pub(crate) fn session_cookie_name(state: &AppState) -> &'static str {
    if state.behind_tls {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, and `Secure` behind TLS.
pub(crate) fn set_cookie(
    state: &AppState,
    name: &str,
    value: &str,
    path: &str,
    max_age: i64,
) -> String {
    let secure = if state.behind_tls { "; Secure" } else { "" };
    format!("{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}")
}

/// The client's address, for rate limiting (`unknown` when the server was not told it).
pub(crate) struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string()),
        ))
    }
}

/// The signed-in user of a request. A handler that takes one is for signed-in users only: without
/// a live session the request is sent to the sign-in page.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: store::User,
    pub csrf_token: String,
    pub(crate) token_hash: String,
}

impl CurrentUser {
    pub fn role(&self) -> store::Role {
        self.user.role
    }

    /// Refuses the request unless the user has one of `roles`.
    pub(crate) fn require(&self, roles: &[store::Role]) -> Result<(), AppError> {
        if roles.contains(&self.user.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Refuses a form whose CSRF token is not this session's.
    pub(crate) fn check_csrf(&self, sent: &str) -> Result<(), AppError> {
        if same_secret(sent, &self.csrf_token) {
            Ok(())
        } else {
            Err(AppError::CsrfRejected)
        }
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let name = session_cookie_name(state);
        let Some(token) = cookie(&parts.headers, name) else {
            return Err(AppError::SignInRequired);
        };
        // A token is 64 hex digits; anything else is not worth a query.
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AppError::SignInRequired);
        }
        let hash = token_hash(token);
        match state.store.session(&hash).await? {
            Some(session) => Ok(CurrentUser {
                user: session.user,
                csrf_token: session.csrf_token,
                token_hash: hash,
            }),
            None => Err(AppError::SignInRequired),
        }
    }
}

/// The outcome of checking a name and password.
pub(crate) enum SignIn {
    /// The password is right: the session's cookie token.
    Started {
        token: String,
    },
    Wrong,
    /// Too many recent failures for the name or from the address.
    Locked,
}

/// Checks a name and password (rate-limited, recorded) and, if right, starts a session. The
/// session the browser came with, if any, is ended either way on success.
pub(crate) async fn sign_in(
    state: &AppState,
    name: &str,
    password: &str,
    client: &str,
    old_token: Option<&str>,
) -> Result<SignIn, AppError> {
    let since = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(LOCKOUT_MINUTES);
    let (by_name, by_client) = state.store.failed_logins_since(name, client, since).await?;
    if by_name >= MAX_FAILURES_PER_NAME || by_client >= MAX_FAILURES_PER_CLIENT {
        return Ok(SignIn::Locked);
    }
    let user = state.store.user_by_name(name).await?;
    let hash = user
        .as_ref()
        .map_or_else(|| dummy_hash().to_owned(), |u| u.password_hash.clone());
    let password = password.to_owned();
    // argon2 takes tens of milliseconds of CPU on purpose: off the async threads.
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await?;
    let succeeded = matches && user.is_some();
    state
        .store
        .record_login_attempt(&store::LoginAttempt {
            user_name: name.to_owned(),
            client: client.to_owned(),
            succeeded,
        })
        .await?;
    let Some(user) = user.filter(|_| succeeded) else {
        return Ok(SignIn::Wrong);
    };
    if let Some(old) = old_token {
        state.store.delete_session(&token_hash(old)).await?;
    }
    let token = random_token();
    let expires = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(SESSION_HOURS);
    state
        .store
        .create_session(&token_hash(&token), user.user_id, &random_token(), expires)
        .await?;
    tracing::info!(user = %user.name, role = %user.role, "signed in");
    Ok(SignIn::Started { token })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_argon2id_salted_and_verifies_only_its_password() {
        let a = hash_password("correct horse").unwrap();
        let b = hash_password("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("correct horse", &a));
        assert!(!verify_password("correct horsE", &a));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn tokens_and_passwords_are_random_and_well_formed() {
        let t = random_token();
        assert_eq!(t.len(), 64);
        assert!(t.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(t, random_token());
        let p = generate_password();
        assert_eq!(p.chars().count(), 20);
        assert!(!p.contains(['0', 'O', '1', 'l', 'I', 'i', 'o']));
        // SHA-256 of "abc", from FIPS 180-2.
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = axum::http::HeaderMap::new();
        h.append(header::COOKIE, "a=1; harbour_session_x=2".parse().unwrap());
        h.append(header::COOKIE, "harbour_session=3".parse().unwrap());
        assert_eq!(cookie(&h, "harbour_session"), Some("3"));
        assert_eq!(cookie(&h, "a"), Some("1"));
        assert_eq!(cookie(&h, "b"), None);
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
