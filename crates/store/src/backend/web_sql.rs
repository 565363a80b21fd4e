//! The accounts' operations (see [`crate::accounts`]), on both backends.

use super::{Fail, Pool, corrupt, timestamp_text};
use crate::accounts::{IndicatorNote, LoginAttempt, NewUser, Role, Session, User};
use sqlx::Row;

/// A `User` from a row holding [`USER_COLUMNS`] (a macro, so that it compiles for each driver's
/// row type).
macro_rules! user_from_row {
    ($row:expr) => {{
        let row = $row;
        let role: String = row.try_get("role")?;
        Ok::<User, Fail>(User {
            user_id: row.try_get("user_id")?,
            name: row.try_get("name")?,
            role: Role::parse(&role).ok_or(corrupt("users", "role"))?,
            team: row.try_get("team")?,
            worker: row.try_get("worker")?,
            password_hash: row.try_get("password_hash")?,
            created_at: row.try_get("created_at")?,
        })
    }};
}

const USER_COLUMNS: &str = "user_id, name, role, team, worker, password_hash, created_at";

impl Pool {
    pub(crate) async fn add_user(&self, user: &NewUser) -> Result<i64, Fail> {
        let at = timestamp_text(jiff::Timestamp::now());
        on_pool!(self, p, Db => {
            let id: i64 = sqlx::query(
                "INSERT INTO users (name, role, team, worker, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING user_id",
            )
            .bind(user.name.clone())
            .bind(user.role.as_str())
            .bind(user.team.clone())
            .bind(user.worker.clone())
            .bind(user.password_hash.clone())
            .bind(at)
            .fetch_one(p)
            .await?
            .try_get(0)?;
            Ok(id)
        })
    }

    pub(crate) async fn user_by_name(&self, name: &str) -> Result<Option<User>, Fail> {
        on_pool!(self, p, Db => {
            let sql = sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users WHERE name = $1"));
            let row = sqlx::query(sql).bind(name).fetch_optional(p).await?;
            row.as_ref().map(|r| user_from_row!(r)).transpose()
        })
    }

    pub(crate) async fn users(&self) -> Result<Vec<User>, Fail> {
        on_pool!(self, p, Db => {
            let sql = sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"));
            let rows = sqlx::query(sql).fetch_all(p).await?;
            rows.iter().map(|r| user_from_row!(r)).collect()
        })
    }

    pub(crate) async fn set_password(&self, name: &str, password_hash: &str) -> Result<bool, Fail> {
        on_pool!(self, p, Db => {
            let mut tx = p.begin().await?;
            let changed = sqlx::query("UPDATE users SET password_hash = $1 WHERE name = $2")
                .bind(password_hash)
                .bind(name)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            // A new password ends every session signed in with the old one.
            sqlx::query(
                "DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM users WHERE name = $1)",
            )
            .bind(name)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(changed == 1)
        })
    }

    pub(crate) async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        expires_at: jiff::Timestamp,
    ) -> Result<(), Fail> {
        let now = jiff::Timestamp::now();
        on_pool!(self, p, Db => {
            let mut tx = p.begin().await?;
            // Expired sessions of anyone go as a new one is made, so the table stays small.
            sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(timestamp_text(now))
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(user_id)
            .bind(csrf_token)
            .bind(timestamp_text(now))
            .bind(timestamp_text(expires_at))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// The live session with this token hash (`None` when unknown or expired).
    pub(crate) async fn session(&self, token_hash: &str) -> Result<Option<Session>, Fail> {
        let now = timestamp_text(jiff::Timestamp::now());
        on_pool!(self, p, Db => {
            let row = sqlx::query(
                "SELECT u.user_id, u.name, u.role, u.team, u.worker, u.password_hash, \
                 u.created_at, s.csrf_token, s.expires_at \
                 FROM sessions s JOIN users u ON u.user_id = s.user_id \
                 WHERE s.token_hash = $1 AND s.expires_at > $2",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(p)
            .await?;
            let Some(row) = row else { return Ok(None) };
            let expires: String = row.try_get("expires_at")?;
            Ok(Some(Session {
                user: user_from_row!(&row)?,
                csrf_token: row.try_get("csrf_token")?,
                expires_at: expires
                    .parse()
                    .map_err(|_| corrupt("sessions", "expires_at"))?,
            }))
        })
    }

    pub(crate) async fn delete_session(&self, token_hash: &str) -> Result<(), Fail> {
        on_pool!(self, p, Db => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(p)
                .await?;
            Ok(())
        })
    }

    pub(crate) async fn record_login_attempt(&self, attempt: &LoginAttempt) -> Result<(), Fail> {
        let at = timestamp_text(jiff::Timestamp::now());
        on_pool!(self, p, Db => {
            sqlx::query(
                "INSERT INTO login_attempts (at, user_name, client, succeeded) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(at)
            .bind(attempt.user_name.clone())
            .bind(attempt.client.clone())
            .bind(i64::from(attempt.succeeded))
            .execute(p)
            .await?;
            Ok(())
        })
    }

    /// Failed attempts since `since` for this name, and from this client.
    pub(crate) async fn failed_logins_since(
        &self,
        user_name: &str,
        client: &str,
        since: jiff::Timestamp,
    ) -> Result<(u32, u32), Fail> {
        let since = timestamp_text(since);
        on_pool!(self, p, Db => {
            let by_name: i64 = sqlx::query(
                "SELECT count(*) FROM login_attempts \
                 WHERE user_name = $1 AND at >= $2 AND succeeded = 0",
            )
            .bind(user_name)
            .bind(since.clone())
            .fetch_one(p)
            .await?
            .try_get(0)?;
            let by_client: i64 = sqlx::query(
                "SELECT count(*) FROM login_attempts \
                 WHERE client = $1 AND at >= $2 AND succeeded = 0",
            )
            .bind(client)
            .bind(since)
            .fetch_one(p)
            .await?
            .try_get(0)?;
            Ok((
                u32::try_from(by_name).unwrap_or(u32::MAX),
                u32::try_from(by_client).unwrap_or(u32::MAX),
            ))
        })
    }

    pub(crate) async fn add_indicator_note(
        &self,
        indicator_id: &str,
        story: &str,
        actions: &str,
        written_by: &str,
    ) -> Result<i64, Fail> {
        let at = timestamp_text(jiff::Timestamp::now());
        on_pool!(self, p, Db => {
            let id: i64 = sqlx::query(
                "INSERT INTO indicator_notes (indicator_id, story, actions, written_by, written_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING note_id",
            )
            .bind(indicator_id)
            .bind(story)
            .bind(actions)
            .bind(written_by)
            .bind(at)
            .fetch_one(p)
            .await?
            .try_get(0)?;
            Ok(id)
        })
    }

    /// Every note written on an indicator, newest first.
    pub(crate) async fn indicator_notes(
        &self,
        indicator_id: &str,
    ) -> Result<Vec<IndicatorNote>, Fail> {
        on_pool!(self, p, Db => {
            let rows = sqlx::query(
                "SELECT note_id, indicator_id, story, actions, written_by, written_at \
                 FROM indicator_notes WHERE indicator_id = $1 ORDER BY note_id DESC",
            )
            .bind(indicator_id)
            .fetch_all(p)
            .await?;
            rows.iter()
                .map(|row| {
                    Ok(IndicatorNote {
                        note_id: row.try_get("note_id")?,
                        indicator_id: row.try_get("indicator_id")?,
                        story: row.try_get("story")?,
                        actions: row.try_get("actions")?,
                        written_by: row.try_get("written_by")?,
                        written_at: row.try_get("written_at")?,
                    })
                })
                .collect()
        })
    }
}
