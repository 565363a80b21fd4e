//! `harbour user add`: accounts for the web app.
//!
//! The password is read from stdin (its first line) when stdin is not a terminal, or generated
//! and printed once on stdout; either way only its argon2id hash is stored.

use crate::Failure;
use anyhow::{Context as _, anyhow};
use std::io::{IsTerminal as _, Read as _};

#[derive(clap::Args)]
pub(crate) struct AddArgs {
    /// The user name they sign in with.
    pub name: String,
    /// What they may see: admin and analyst every child; manager their team's; practitioner
    /// their own caseload; scrutiny figures only, under disclosure control.
    #[arg(long, value_parser = parse_role)]
    pub role: store::Role,
    /// The team a manager runs (a team id of the case-management extract).
    #[arg(long)]
    pub team: Option<String>,
    /// The worker id a practitioner has in the case-management extract.
    #[arg(long)]
    pub worker: Option<String>,
    #[command(flatten)]
    pub db: crate::Database,
}

fn parse_role(s: &str) -> Result<store::Role, String> {
    store::Role::parse(s).ok_or_else(|| {
        format!("{s:?} is not a role: admin, analyst, manager, practitioner or scrutiny")
    })
}

/// Where the password comes from.
pub(crate) enum Password {
    Given(String),
    Generated(String),
}

impl Password {
    fn text(&self) -> &str {
        match self {
            Password::Given(p) | Password::Generated(p) => p,
        }
    }
}

/// The shortest password accepted from stdin.
const MIN_PASSWORD: usize = 12;

pub(crate) async fn add(args: AddArgs) -> Result<(), Failure> {
    let password = if std::io::stdin().is_terminal() {
        Password::Generated(web::auth::generate_password())
    } else {
        let mut input = String::new();
        std::io::stdin()
            .read_to_string(&mut input)
            .context("cannot read the password from stdin")?;
        let line = input.lines().next().unwrap_or_default().to_owned();
        if line.is_empty() {
            Password::Generated(web::auth::generate_password())
        } else {
            Password::Given(line)
        }
    };
    let store = crate::open_store(&args.db.database).await?;
    let user = add_user(
        &store,
        &args.name,
        args.role,
        args.team,
        args.worker,
        &password,
    )
    .await?;
    eprintln!("added {} ({})", user, args.role);
    if let Password::Generated(p) = &password {
        // Printed once, on stdout, and never stored.
        println!("{p}");
        eprintln!("that is the password: it is shown only this once");
    }
    Ok(())
}

/// Checks the role's requirements, hashes the password and adds the user. Returns the name.
pub(crate) async fn add_user(
    store: &store::Store,
    name: &str,
    role: store::Role,
    team: Option<String>,
    worker: Option<String>,
    password: &Password,
) -> Result<String, Failure> {
    let name = name.trim();
    if name.is_empty() || name.len() > 100 || name.chars().any(char::is_control) {
        return Err(
            anyhow!("a user name is 1 to 100 characters, with no control characters").into(),
        );
    }
    match role {
        store::Role::Manager if team.is_none() => {
            return Err(
                anyhow!("a manager needs --team (the team whose children they see)").into(),
            );
        }
        store::Role::Practitioner if worker.is_none() => {
            return Err(
                anyhow!("a practitioner needs --worker (their worker id in the extract)").into(),
            );
        }
        _ => {}
    }
    if let Password::Given(p) = password
        && p.chars().count() < MIN_PASSWORD
    {
        return Err(anyhow!("a password needs at least {MIN_PASSWORD} characters").into());
    }
    if store
        .user_by_name(name)
        .await
        .context("cannot read the users")?
        .is_some()
    {
        return Err(anyhow!("there is already a user called {name}").into());
    }
    let hash = web::auth::hash_password(password.text()).context("cannot hash the password")?;
    store
        .add_user(&store::NewUser {
            name: name.to_owned(),
            role,
            team,
            worker,
            password_hash: hash,
        })
        .await
        .context("cannot add the user")?;
    Ok(name.to_owned())
}
