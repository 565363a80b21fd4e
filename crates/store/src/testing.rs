//! Support for tests of this crate and of the crates above it (not part of the store's API):
//! fresh PostgreSQL databases on the server `HARBOUR_TEST_POSTGRES_URL` names.

/// The PostgreSQL server the tests use: `HARBOUR_TEST_POSTGRES_URL`, a role that may create
/// roles and databases (`scripts/postgres.sh` starts one). Without it the PostgreSQL half of each
/// test is skipped, except under CI, where it must be there.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("HARBOUR_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!(
                "CI is set but HARBOUR_TEST_POSTGRES_URL is not: start PostgreSQL with scripts/postgres.sh"
            )
        }
        _ => {
            eprintln!(
                "skipped on PostgreSQL: HARBOUR_TEST_POSTGRES_URL is not set (eval \"$(scripts/postgres.sh)\")"
            );
            None
        }
    }
}

/// The role that owns each test database: an ordinary role, not a superuser, as a deployment's
/// would be.
pub const PG_OWNER: &str = "harbour_test_owner";

/// Creates an empty PostgreSQL database owned by [`PG_OWNER`] and returns its URL.
pub async fn fresh_postgres_database(admin: &str) -> String {
    use sqlx::{ConnectOptions, Connection};
    use std::str::FromStr;
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let options = sqlx::postgres::PgConnectOptions::from_str(admin).unwrap();
    let mut conn = options.connect().await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DO $$ BEGIN CREATE ROLE {PG_OWNER} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    )))
    .execute(&mut conn)
    .await
    .unwrap();
    let name = format!(
        "harbour_test_{}_{}_{}",
        std::process::id(),
        jiff::Timestamp::now().as_microsecond(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "CREATE DATABASE {name} OWNER {PG_OWNER}"
    )))
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    format!(
        "postgres://{PG_OWNER}@{}:{}/{name}",
        options.get_host(),
        options.get_port()
    )
}
