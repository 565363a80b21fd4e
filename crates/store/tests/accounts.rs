//! The web app's accounts in the store: users, sessions, sign-in attempts, indicator notes.

mod common;

use common::*;
use store::{LoginAttempt, NewUser, Role, StoreError};

/// A well-formed argon2id PHC string (the store checks only the prefix; the web crate hashes).
const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

fn user(name: &str, role: Role) -> NewUser {
    NewUser {
        name: name.into(),
        role,
        team: (role == Role::Manager).then(|| "T1".into()),
        worker: (role == Role::Practitioner).then(|| "SW00001".into()),
        password_hash: HASH.into(),
    }
}

both! {
    async fn users_round_trip_and_names_are_unique(db) {
        let s = &db.store;
        let id = s.add_user(&user("mira", Role::Manager)).await.unwrap();
        s.add_user(&user("abe", Role::Practitioner)).await.unwrap();
        let mira = s.user_by_name("mira").await.unwrap().unwrap();
        assert_eq!(mira.user_id, id);
        assert_eq!(mira.role, Role::Manager);
        assert_eq!(mira.team.as_deref(), Some("T1"));
        assert_eq!(mira.worker, None);
        assert_eq!(mira.password_hash, HASH);
        assert!(s.user_by_name("nobody").await.unwrap().is_none());
        let names: Vec<String> = s.users().await.unwrap().into_iter().map(|u| u.name).collect();
        assert_eq!(names, ["abe", "mira"]);
        let again = s.add_user(&user("mira", Role::Admin)).await.unwrap_err();
        assert!(matches!(again, StoreError::Constraint { .. }), "{again:?}");
        // The Debug form never shows the hash.
        assert!(!format!("{mira:?}").contains("argon2"));
    }
}

both! {
    async fn the_schema_refuses_a_plain_password_and_a_manager_without_a_team(db) {
        let s = &db.store;
        let mut plain = user("p", Role::Admin);
        plain.password_hash = "hunter2".into();
        assert!(matches!(s.add_user(&plain).await, Err(StoreError::Constraint { .. })));
        let mut manager = user("m", Role::Manager);
        manager.team = None;
        assert!(matches!(s.add_user(&manager).await, Err(StoreError::Constraint { .. })));
        let mut practitioner = user("w", Role::Practitioner);
        practitioner.worker = None;
        assert!(matches!(s.add_user(&practitioner).await, Err(StoreError::Constraint { .. })));
        assert!(s.users().await.unwrap().is_empty());
    }
}

both! {
    async fn sessions_live_until_they_expire_or_end(db) {
        let s = &db.store;
        let id = s.add_user(&user("ana", Role::Analyst)).await.unwrap();
        let live = "a".repeat(64);
        let old = "b".repeat(64);
        let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
        let earlier = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(1);
        s.create_session(&old, id, "csrf-old", earlier).await.unwrap();
        s.create_session(&live, id, "csrf-live", later).await.unwrap();
        let session = s.session(&live).await.unwrap().unwrap();
        assert_eq!(session.user.name, "ana");
        assert_eq!(session.user.role, Role::Analyst);
        assert_eq!(session.csrf_token, "csrf-live");
        assert_eq!(session.expires_at.as_second(), later.as_second());
        assert!(s.session(&old).await.unwrap().is_none(), "expired");
        assert!(s.session(&"c".repeat(64)).await.unwrap().is_none(), "unknown");
        s.delete_session(&live).await.unwrap();
        assert!(s.session(&live).await.unwrap().is_none(), "ended");
    }
}

both! {
    async fn a_new_password_ends_every_session(db) {
        let s = &db.store;
        let id = s.add_user(&user("ana", Role::Analyst)).await.unwrap();
        let token = "d".repeat(64);
        let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
        s.create_session(&token, id, "x", later).await.unwrap();
        let new_hash = HASH.replace("aGFz", "bGFz");
        assert!(s.set_password("ana", &new_hash).await.unwrap());
        assert!(s.session(&token).await.unwrap().is_none());
        assert_eq!(s.user_by_name("ana").await.unwrap().unwrap().password_hash, new_hash);
        assert!(!s.set_password("nobody", HASH).await.unwrap());
    }
}

both! {
    async fn failed_sign_ins_are_counted_by_name_and_by_client(db) {
        let s = &db.store;
        let since = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(1);
        let attempt = |name: &str, client: &str, succeeded| LoginAttempt {
            user_name: name.into(),
            client: client.into(),
            succeeded,
        };
        for a in [
            attempt("ana", "10.0.0.1", false),
            attempt("ana", "10.0.0.2", false),
            attempt("ana", "10.0.0.1", true),
            attempt("bob", "10.0.0.1", false),
        ] {
            s.record_login_attempt(&a).await.unwrap();
        }
        assert_eq!(s.failed_logins_since("ana", "10.0.0.1", since).await.unwrap(), (2, 2));
        assert_eq!(s.failed_logins_since("bob", "10.0.0.2", since).await.unwrap(), (1, 1));
        assert_eq!(s.failed_logins_since("cy", "10.0.0.3", since).await.unwrap(), (0, 0));
        let future = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
        assert_eq!(s.failed_logins_since("ana", "10.0.0.1", future).await.unwrap(), (0, 0));
    }
}

both! {
    async fn indicator_notes_keep_every_version_newest_first(db) {
        let s = &db.store;
        assert!(s.indicator_notes("referrals").await.unwrap().is_empty());
        let first = s.add_indicator_note("referrals", "Rising since May.", "Audit the front door.", "ana").await.unwrap();
        let second = s.add_indicator_note("referrals", "Levelled off.", "", "bea").await.unwrap();
        s.add_indicator_note("cla_open", "Other.", "Other.", "ana").await.unwrap();
        let notes = s.indicator_notes("referrals").await.unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].note_id, second);
        assert_eq!(notes[0].story, "Levelled off.");
        assert_eq!(notes[0].actions, "");
        assert_eq!(notes[0].written_by, "bea");
        assert_eq!(notes[1].note_id, first);
        assert_eq!(notes[1].actions, "Audit the front door.");
    }
}
