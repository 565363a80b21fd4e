//! `harbour user add`: a password from stdin or generated and printed once, only its argon2id
//! hash stored, and the role's requirements checked.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

fn user_add(db: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(["user", "add"])
        .args(args)
        .args(["--database", db])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn users_are_added_with_a_hash_and_their_role_s_scope() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let db = db.to_str().unwrap();

    let given = user_add(db, &["ana", "--role", "analyst"], "correct horse battery\n");
    assert!(
        given.status.success(),
        "{}",
        String::from_utf8_lossy(&given.stderr)
    );
    assert!(given.stdout.is_empty(), "a given password is not printed");

    // Empty stdin: a password is made and printed once on stdout.
    let made = user_add(db, &["mo", "--role", "manager", "--team", "T1"], "");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let password = String::from_utf8(made.stdout).unwrap().trim().to_owned();
    assert_eq!(password.chars().count(), 20);

    for (args, stdin, why) in [
        (
            &["mo", "--role", "admin"][..],
            "another long password",
            "there is already a user called mo",
        ),
        (
            &["pat", "--role", "practitioner"][..],
            "another long password",
            "a practitioner needs --worker",
        ),
        (
            &["max", "--role", "manager"][..],
            "another long password",
            "a manager needs --team",
        ),
        (
            &["sam", "--role", "scrutiny"][..],
            "short",
            "at least 12 characters",
        ),
    ] {
        let out = user_add(db, args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{args:?}: {err}");
    }
    let bad_role = user_add(db, &["x", "--role", "root"], "another long password");
    assert_eq!(bad_role.status.code(), Some(2));

    let store = store::Store::open(db).await.unwrap();
    let users = store.users().await.unwrap();
    let names: Vec<&str> = users.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["ana", "mo"]);
    assert_eq!(users[0].role, store::Role::Analyst);
    assert_eq!(users[1].team.as_deref(), Some("T1"));
    assert!(users[0].password_hash.starts_with("$argon2id$"));
    assert!(web::auth::verify_password(
        "correct horse battery",
        &users[0].password_hash
    ));
    assert!(web::auth::verify_password(
        &password,
        &users[1].password_hash
    ));
    assert!(!web::auth::verify_password(
        "correct horse battery",
        &users[1].password_hash
    ));
}
