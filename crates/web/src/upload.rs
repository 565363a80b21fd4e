//! Uploading files in the browser: the CIN census, SSDA903 tables, extracts, population tables
//! and practice-assurance files of one load,
//! dropped or chosen on the page, sent with a progress bar (or as a plain form without
//! JavaScript), then read by `ingest` — the same code path as `harbour load` — and stored all or
//! nothing. A refused load shows every problem with its file, place and cause, and stores nothing.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use store::{Channel, LoadOutcome, Role};

/// The largest upload taken, in bytes: a large council's returns with room to spare.
pub const MAX_UPLOAD_BYTES: usize = 512 * 1024 * 1024;

#[derive(Template)]
#[template(path = "upload.html")]
struct UploadPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    /// Why the last upload was refused, and its problems.
    refusal: Option<String>,
    problems: Vec<String>,
    more: usize,
    /// A note after an upload that changed nothing.
    notice: Option<String>,
}

fn page(
    user: &CurrentUser,
    status: StatusCode,
    refusal: Option<String>,
    problems: Vec<String>,
    more: usize,
    notice: Option<String>,
) -> Result<Response, AppError> {
    let page = UploadPage {
        chrome: Some(Chrome::of(user)),
        page_title: "Upload files",
        refusal,
        problems,
        more,
        notice,
    };
    Ok((status, Html(page.render()?)).into_response())
}

pub(crate) async fn form(user: CurrentUser) -> Result<Response, AppError> {
    user.require(&[Role::Admin, Role::Analyst])?;
    page(&user, StatusCode::OK, None, Vec::new(), 0, None)
}

/// A file name as given by the browser, cut to its last component and to characters that are
/// safe in a path: `../../etc/passwd` becomes `passwd`, `a b.csv` `a_b.csv`.
fn safe_name(given: &str) -> String {
    let base = given.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_start_matches('.').to_owned();
    if name.is_empty() {
        "file".to_owned()
    } else {
        name
    }
}

pub(crate) async fn receive(
    State(state): State<AppState>,
    user: CurrentUser,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    user.require(&[Role::Admin, Role::Analyst])?;
    let dir = tempfile::tempdir().map_err(|_| AppError::BadRequest("no room for the upload"))?;
    let mut csrf = String::new();
    let mut paths = Vec::new();
    let bad = |_| AppError::BadRequest("the upload was cut off or malformed");
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("csrf_token") => csrf = field.text().await.map_err(bad)?,
            Some("files") => {
                let Some(given) = field.file_name().map(str::to_owned) else {
                    continue;
                };
                let bytes = field.bytes().await.map_err(bad)?;
                if given.is_empty() && bytes.is_empty() {
                    // The form sent with no file chosen.
                    continue;
                }
                let mut name = safe_name(&given);
                while paths
                    .iter()
                    .any(|p: &std::path::PathBuf| p.file_name() == Some(name.as_ref()))
                {
                    name = format!("_{name}");
                }
                let path = dir.path().join(&name);
                std::fs::write(&path, &bytes)
                    .map_err(|_| AppError::BadRequest("no room for the upload"))?;
                paths.push(path);
            }
            _ => {}
        }
    }
    // Nothing is read or stored for a form without this session's token.
    user.check_csrf(&csrf)?;
    if paths.is_empty() {
        return page(
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("Select the files to upload".to_owned()),
            Vec::new(),
            0,
            None,
        );
    }
    paths.sort();
    let prefix = format!("{}/", dir.path().display());
    let strip = move |s: &str| s.replace(&prefix, "");
    let loaded_by = format!("{} (web upload)", user.user.name);
    let read =
        tokio::task::spawn_blocking(move || ingest::prepare(&paths, None, loaded_by, &mut |_| {}))
            .await?;
    // Practice-assurance records are checked against the store and stored in the load's one
    // transaction, as `harbour load` does.
    let read = match read {
        Ok(mut p) => {
            let actor = user.user.name.clone();
            ingest::attach_assurance(&state.store, &mut p, &actor, Channel::Web, "POST /upload")
                .await
                .map(|_| p)
        }
        Err(e) => Err(e),
    };
    let mut prepared = match read {
        Ok(p) => p,
        Err(ingest::IngestError::Refused {
            message,
            problems,
            total,
        }) => {
            let more = total.saturating_sub(problems.len());
            return page(
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(strip(&message)),
                problems.iter().map(|p| strip(p)).collect(),
                more,
                None,
            );
        }
        Err(ingest::IngestError::Store(e)) => return Err(e.into()),
        Err(ingest::IngestError::Io(message)) => {
            return page(
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(strip(&message)),
                Vec::new(),
                0,
                None,
            );
        }
    };
    // Lineage names the files as uploaded, not where they were kept for reading.
    for f in &mut prepared.batch.files {
        f.name = strip(&f.name);
    }
    if let Some(edit) = &mut prepared.batch.assurance
        && let Some(source) = &mut edit.source
    {
        source.name = strip(&source.name);
    }
    match state.store.load(prepared.batch).await? {
        LoadOutcome::Loaded { load_id, .. } => {
            tracing::info!(load_id, user = %user.user.name, "upload loaded");
            Ok(Redirect::to(&format!("/loads#load-{load_id}")).into_response())
        }
        LoadOutcome::AssuranceOnly { change_id, .. } => {
            tracing::info!(change_id, user = %user.user.name, "upload: assurance records stored");
            page(
                &user,
                StatusCode::OK,
                None,
                Vec::new(),
                0,
                Some(format!(
                    "The practice-assurance records were stored (change {change_id}); no return \
                     was loaded."
                )),
            )
        }
        LoadOutcome::AlreadyLoaded => page(
            &user,
            StatusCode::OK,
            None,
            Vec::new(),
            0,
            Some("These files are in the store already: nothing changed.".to_owned()),
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uploaded_names_lose_their_folders_and_odd_characters() {
        assert_eq!(super::safe_name("../../etc/passwd"), "passwd");
        assert_eq!(
            super::safe_name("C:\\returns\\header 2025.csv"),
            "header_2025.csv"
        );
        assert_eq!(super::safe_name(".."), "file");
        assert_eq!(super::safe_name(".hidden"), "hidden");
        assert_eq!(super::safe_name("cin_census.xml"), "cin_census.xml");
    }
}
