//! Accounts and access, end to end: the real app on a random port over a fresh SQLite store,
//! spoken to over TCP, each role signed in through the real sign-in form.
//!
//! The role × route matrix: no route gives child-level data to the scrutiny panel, nor to a
//! manager or practitioner outside their team or caseload, and each child-level view writes
//! exactly one access-log row.

use model::*;
use std::collections::HashMap;
use std::net::SocketAddr;
use store::{LoadBatch, NewUser, ReturnKind, Role, SourceFile, Store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Children, each with a referral in February 2025, allocated on 31 March 2025 (the reporting
/// date) as: T1A to worker W1 in team T1, T1B to W2 in T1, T2A to W3 in T2; ELSE to no one.
const T1A: &str = "HBRC-T1A";
const T1B: &str = "HBRC-T1B";
const T2A: &str = "HBRC-T2A";
const ELSE: &str = "HBRC-ELSE";
const ALL: [&str; 4] = [T1A, T1B, T2A, ELSE];

const PASSWORD: &str = "a long test password";

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn council() -> Dataset {
    let child = |id: &str, day: &str| Child {
        id: ChildId::from(id),
        referrals: vec![Referral {
            referral_date: d(day),
            ..Referral::default()
        }],
        ..Child::default()
    };
    let alloc = |c: &str, w: &str, t: &str| CaseAllocation {
        child: ChildId::from(c),
        worker: w.into(),
        team: t.into(),
        start: d("2025-01-01"),
        end: None,
    };
    Dataset {
        children: vec![
            child(T1A, "2025-02-03"),
            child(T1B, "2025-02-10"),
            child(T2A, "2025-02-17"),
            child(ELSE, "2025-02-24"),
        ],
        allocations: vec![
            alloc(T1A, "W1", "T1"),
            alloc(T1B, "W2", "T1"),
            alloc(T2A, "W3", "T2"),
            // Ended before the reporting date: no longer W1's.
            CaseAllocation {
                end: Some(d("2025-02-28")),
                ..alloc(ELSE, "W1", "T1")
            },
        ],
        ..Dataset::default()
    }
}

struct Server {
    addr: SocketAddr,
    store: Store,
    _dir: tempfile::TempDir,
}

async fn start() -> Server {
    start_with(None).await
}

async fn start_with(assurance: Option<assurance::AssuranceData>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("harbour.db").to_str().unwrap())
        .await
        .unwrap();
    store
        .load(LoadBatch {
            files: vec![SourceFile::from_bytes(
                "extract.csv",
                b"access test",
                ReturnKind::Extract,
                Some(2025),
            )],
            dataset: council(),
            loaded_by: "access-tests".into(),
            assurance: assurance.map(|data| store::AssuranceEdit {
                actor: "access-tests".into(),
                channel: store::Channel::Cli,
                action: "harbour load".into(),
                source: None,
                data,
            }),
        })
        .await
        .unwrap();
    let hash = web::auth::hash_password(PASSWORD).unwrap();
    for (name, role, team, worker) in [
        ("admin", Role::Admin, None, None),
        ("analyst", Role::Analyst, None, None),
        ("manager", Role::Manager, Some("T1"), None),
        ("practitioner", Role::Practitioner, None, Some("W1")),
        ("scrutiny", Role::Scrutiny, None, None),
    ] {
        store
            .add_user(&NewUser {
                name: name.into(),
                role,
                team: team.map(Into::into),
                worker: worker.map(Into::into),
                password_hash: hash.clone(),
            })
            .await
            .unwrap();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = web::AppState::new(store.clone());
    tokio::spawn(web::serve_with_shutdown(
        listener,
        state,
        std::future::pending(),
    ));
    Server {
        addr,
        store,
        _dir: dir,
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    /// Header names in lower case; repeated headers joined by `\n`.
    headers: HashMap<String, String>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }

    /// The value a `Set-Cookie` gives `name`.
    fn cookie(&self, name: &str) -> Option<String> {
        self.header("set-cookie")
            .lines()
            .find_map(|c| c.strip_prefix(&format!("{name}=")))
            .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
    }

    /// The value of the hidden `csrf_token` field of the first form.
    fn csrf(&self) -> String {
        let field = "name=\"csrf_token\" value=\"";
        let at = self.body.find(field).unwrap();
        let rest = &self.body[at + field.len()..];
        rest[..rest.find('"').unwrap()].to_owned()
    }
}

/// One HTTP/1.1 request on its own connection.
async fn http(addr: SocketAddr, method: &str, path: &str, cookie: &str, form: &str) -> Reply {
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if !cookie.is_empty() {
        req.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    if method == "POST" {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            form.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(form);
    conn.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await.unwrap();
    // Fonts and images are not text; only pages are read as such.
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let mut headers: HashMap<String, String> = HashMap::new();
    for line in lines {
        let (k, v) = line.split_once(": ").unwrap();
        headers
            .entry(k.to_ascii_lowercase())
            .and_modify(|e| {
                e.push('\n');
                e.push_str(v);
            })
            .or_insert_with(|| v.to_owned());
    }
    // Bodies are small and sent whole or chunked; strip chunk sizes if chunked.
    let body = if headers
        .get("transfer-encoding")
        .is_some_and(|t| t == "chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Reply {
        status,
        headers,
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    loop {
        let (size, rest) = s.split_once("\r\n").unwrap();
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Signs in through the form; the session cookie (`harbour_session=…`).
async fn sign_in(addr: SocketAddr, name: &str, password: &str) -> Reply {
    let page = http(addr, "GET", "/login", "", "").await;
    assert_eq!(page.status, 200);
    let login_cookie = page.cookie("harbour_signin").unwrap();
    http(
        addr,
        "POST",
        "/login",
        &format!("harbour_signin={login_cookie}"),
        &form(&[
            ("name", name),
            ("password", password),
            ("csrf_token", &page.csrf()),
        ]),
    )
    .await
}

async fn session(addr: SocketAddr, name: &str) -> String {
    let reply = sign_in(addr, name, PASSWORD).await;
    assert_eq!(reply.status, 303, "{name}: {}", reply.body);
    assert_eq!(reply.header("location"), "/");
    format!(
        "harbour_session={}",
        reply.cookie("harbour_session").unwrap()
    )
}

async fn log_len(store: &Store) -> usize {
    store.access_log(10_000).await.unwrap().len()
}

/// Which of the test children a page shows.
fn children_in(body: &str) -> Vec<&'static str> {
    ALL.into_iter().filter(|c| body.contains(c)).collect()
}

#[tokio::test]
async fn the_role_by_route_matrix_keeps_children_in_scope_and_logs_each_view_once() {
    let s = start().await;
    let drill = "/indicators/referrals/children?month=2025-02";
    // (route, [(role, status, children shown)]).
    type Cell = (&'static str, u16, Vec<&'static str>);
    let matrix: Vec<(String, Vec<Cell>)> = vec![
        (
            drill.into(),
            vec![
                ("admin", 200, ALL.to_vec()),
                ("analyst", 200, ALL.to_vec()),
                ("manager", 200, vec![T1A, T1B]),
                ("practitioner", 200, vec![T1A]),
                ("scrutiny", 403, vec![]),
            ],
        ),
        (
            format!("/children/{T1A}"),
            vec![
                ("admin", 200, vec![T1A]),
                ("analyst", 200, vec![T1A]),
                ("manager", 200, vec![T1A]),
                ("practitioner", 200, vec![T1A]),
                ("scrutiny", 403, vec![]),
            ],
        ),
        (
            format!("/children/{T2A}"),
            vec![
                ("admin", 200, vec![T2A]),
                ("analyst", 200, vec![T2A]),
                ("manager", 404, vec![]),
                ("practitioner", 404, vec![]),
                ("scrutiny", 403, vec![]),
            ],
        ),
        (
            format!("/children/{ELSE}"),
            vec![
                ("analyst", 200, vec![ELSE]),
                ("manager", 404, vec![]),
                ("practitioner", 404, vec![]),
            ],
        ),
        (
            "/children/NO-SUCH-CHILD".into(),
            vec![("admin", 404, vec![]), ("manager", 404, vec![])],
        ),
    ];
    let mut cookies = HashMap::new();
    for name in ["admin", "analyst", "manager", "practitioner", "scrutiny"] {
        cookies.insert(name, session(s.addr, name).await);
    }
    for (route, cells) in &matrix {
        for (role, status, shown) in cells {
            let before = log_len(&s.store).await;
            let reply = http(s.addr, "GET", route, &cookies[role], "").await;
            assert_eq!(reply.status, *status, "{role} {route}");
            assert_eq!(children_in(&reply.body), *shown, "{role} {route}");
            let written = log_len(&s.store).await - before;
            assert_eq!(
                written,
                usize::from(*status == 200),
                "{role} {route}: log rows"
            );
            if *status == 200 {
                let entry = &s.store.access_log(1).await.unwrap()[0].entry;
                assert_eq!(entry.actor, *role);
                assert_eq!(entry.channel, store::Channel::Web);
                if route.starts_with("/children/") {
                    assert_eq!(entry.child_id.as_deref(), Some(shown[0]));
                } else {
                    assert_eq!(
                        entry.subject,
                        format!("children behind referrals 2025-02 ({} shown)", shown.len())
                    );
                }
            }
        }
    }

    // Every other page, for every role: no child id anywhere, no access-log row (except the
    // admin's read of the log itself), and the role's own allowance.
    let pages: [(&str, [u16; 5]); 9] = [
        ("/", [200, 200, 200, 200, 200]),
        ("/indicators/referrals", [200, 200, 200, 200, 200]),
        ("/measures", [200, 200, 200, 200, 403]),
        ("/forecast", [200, 200, 403, 403, 403]),
        ("/annex-a", [200, 200, 403, 403, 403]),
        (
            "/annex-a?inspection-date=not-a-date",
            [200, 200, 403, 403, 403],
        ),
        ("/loads", [200, 200, 403, 403, 403]),
        ("/admin/access-log", [200, 403, 403, 403, 403]),
        ("/no-such-page", [404, 404, 404, 404, 404]),
    ];
    for (path, statuses) in pages {
        for (role, status) in ["admin", "analyst", "manager", "practitioner", "scrutiny"]
            .into_iter()
            .zip(statuses)
        {
            let before = log_len(&s.store).await;
            let reply = http(s.addr, "GET", path, &cookies[role], "").await;
            assert_eq!(reply.status, status, "{role} {path}");
            if path.starts_with("/annex-a") && status == 200 {
                // The analysis of the lists: aggregates, each in a captioned table.
                assert!(reply.body.contains("Rows in each list"), "{role} {path}");
                assert!(
                    reply
                        .body
                        .contains("Contacts and referrals in the six months"),
                    "{role} {path}"
                );
            }
            let logged = log_len(&s.store).await - before;
            if path == "/admin/access-log" && status == 200 {
                assert_eq!(logged, 1, "reading the log is logged");
                // The log names children by id: that is the admin's page.
                continue;
            }
            assert_eq!(logged, 0, "{role} {path}");
            assert_eq!(
                children_in(&reply.body),
                Vec::<&str>::new(),
                "{role} {path}"
            );
        }
    }

    // Without a session, every page sends the browser to sign in and shows nothing.
    for path in [
        "/",
        drill,
        "/children/HBRC-T1A",
        "/loads",
        "/admin/access-log",
        "/measures",
        "/forecast",
        "/annex-a",
    ] {
        let reply = http(s.addr, "GET", path, "", "").await;
        assert_eq!(
            (reply.status, reply.header("location")),
            (303, "/login"),
            "{path}"
        );
        assert!(children_in(&reply.body).is_empty());
        let forged = http(
            s.addr,
            "GET",
            path,
            &format!("harbour_session={}", "a".repeat(64)),
            "",
        )
        .await;
        assert_eq!(forged.status, 303, "{path} with a made-up token");
    }
}

#[tokio::test]
async fn scrutiny_sees_small_counts_as_c_and_staff_see_them_exactly() {
    let s = start().await;
    let analyst = session(s.addr, "analyst").await;
    let scrutiny = session(s.addr, "scrutiny").await;
    // Four referrals in February 2025 (hand count: T1A, T1B, T2A, ELSE).
    let row = |body: &str| {
        let at = body.find(">Feb 2025</th>").unwrap();
        let rest = &body[at..];
        let end = rest.find("</tr>").unwrap();
        rest[..end]
            .split("govuk-table__cell--numeric\">")
            .skip(1)
            .map(|c| c[..c.find('<').unwrap()].to_owned())
            .collect::<Vec<_>>()
    };
    // The scorecard's table is rendered once per load for each audience: the analyst's, asked
    // for first, must not reach the scrutiny panel.
    let feb = |body: &str| {
        let row = &body[body.find("id=\"referrals\"").unwrap()..];
        let cell = &row[row.find(">Feb 2025</th>").unwrap()..];
        let cell = &cell[cell.find("numeric\">").unwrap() + 9..];
        cell[..cell.find('<').unwrap()].to_owned()
    };
    let staff_card = http(s.addr, "GET", "/", &analyst, "").await;
    assert_eq!(feb(&staff_card.body), "4");
    let scrutiny_card = http(s.addr, "GET", "/", &scrutiny, "").await;
    assert_eq!(feb(&scrutiny_card.body), "c");
    assert_eq!(feb(&http(s.addr, "GET", "/", &analyst, "").await.body), "4");

    let exact = http(s.addr, "GET", "/indicators/referrals", &analyst, "").await;
    assert_eq!(row(&exact.body), ["4", "–", "4"]);
    assert!(
        exact
            .body
            .contains("/indicators/referrals/children?month=2025-02")
    );
    let controlled = http(s.addr, "GET", "/indicators/referrals", &scrutiny, "").await;
    assert_eq!(row(&controlled.body), ["c", "–", "c"]);
    assert!(
        !controlled.body.contains("/children?month="),
        "no drill-down links"
    );
    assert!(controlled.body.contains("under disclosure control"));
}

#[tokio::test]
async fn sign_in_is_rate_limited_renews_the_session_and_sets_strict_cookies() {
    let s = start().await;
    let first = sign_in(s.addr, "analyst", PASSWORD).await;
    assert_eq!(first.status, 303);
    let set = first.header("set-cookie");
    assert!(set.contains("HttpOnly"), "{set}");
    assert!(set.contains("SameSite=Strict"), "{set}");
    assert!(set.contains("Path=/"), "{set}");
    assert!(!set.contains("Secure"), "plain HTTP here: {set}");
    let old = format!(
        "harbour_session={}",
        first.cookie("harbour_session").unwrap()
    );

    // Signing in again from the same browser makes a new session and ends the old one.
    let page = http(s.addr, "GET", "/login", "", "").await;
    let login_cookie = page.cookie("harbour_signin").unwrap();
    let second = http(
        s.addr,
        "POST",
        "/login",
        &format!("harbour_signin={login_cookie}; {old}"),
        &form(&[
            ("name", "analyst"),
            ("password", PASSWORD),
            ("csrf_token", &page.csrf()),
        ]),
    )
    .await;
    assert_eq!(second.status, 303);
    let new = format!(
        "harbour_session={}",
        second.cookie("harbour_session").unwrap()
    );
    assert_ne!(new, old);
    assert_eq!(http(s.addr, "GET", "/", &old, "").await.status, 303);
    assert_eq!(http(s.addr, "GET", "/", &new, "").await.status, 200);

    // A sign-in form without its cookie is refused.
    let page = http(s.addr, "GET", "/login", "", "").await;
    let no_cookie = http(
        s.addr,
        "POST",
        "/login",
        "",
        &form(&[
            ("name", "analyst"),
            ("password", PASSWORD),
            ("csrf_token", &page.csrf()),
        ]),
    )
    .await;
    assert_eq!(no_cookie.status, 403);
    assert!(no_cookie.cookie("harbour_session").is_none());

    // Five wrong passwords lock the name out, even for the right password.
    let unknown = sign_in(s.addr, "nobody", PASSWORD).await;
    assert_eq!(unknown.status, 401);
    for _ in 0..web::auth::MAX_FAILURES_PER_NAME {
        let wrong = sign_in(s.addr, "manager", "not the password").await;
        assert_eq!(wrong.status, 401);
        assert!(
            wrong
                .body
                .contains("Enter a correct user name and password")
        );
    }
    let locked = sign_in(s.addr, "manager", PASSWORD).await;
    assert_eq!(locked.status, 429);
    assert!(locked.body.contains("Too many attempts"));
    assert!(locked.cookie("harbour_session").is_none());
    // Another name from the same address is not locked by them.
    assert_eq!(sign_in(s.addr, "practitioner", PASSWORD).await.status, 303);
}

#[tokio::test]
async fn forms_need_the_sessions_csrf_token_and_the_right_role() {
    let s = start().await;
    let analyst = session(s.addr, "analyst").await;
    let manager = session(s.addr, "manager").await;
    let page = http(s.addr, "GET", "/indicators/referrals", &analyst, "").await;
    let token = page.csrf();
    assert_eq!(token.len(), 64);
    let note = |t: &str| {
        form(&[
            ("csrf_token", t),
            ("story", "Referrals doubled in February."),
            ("actions", "Check the front door."),
        ])
    };

    let forged = http(
        s.addr,
        "POST",
        "/indicators/referrals/notes",
        &analyst,
        &note("x"),
    )
    .await;
    assert_eq!(forged.status, 403);
    assert!(
        s.store
            .indicator_notes("referrals")
            .await
            .unwrap()
            .is_empty()
    );

    let manager_token = http(s.addr, "GET", "/", &manager, "").await.csrf();
    let by_manager = http(
        s.addr,
        "POST",
        "/indicators/referrals/notes",
        &manager,
        &note(&manager_token),
    )
    .await;
    assert_eq!(by_manager.status, 403);
    // Another session's token is no good either.
    let crossed = http(
        s.addr,
        "POST",
        "/indicators/referrals/notes",
        &analyst,
        &note(&manager_token),
    )
    .await;
    assert_eq!(crossed.status, 403);
    assert!(
        s.store
            .indicator_notes("referrals")
            .await
            .unwrap()
            .is_empty()
    );

    let saved = http(
        s.addr,
        "POST",
        "/indicators/referrals/notes",
        &analyst,
        &note(&token),
    )
    .await;
    assert_eq!(saved.status, 303);
    let notes = s.store.indicator_notes("referrals").await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].written_by, "analyst");
    assert_eq!(notes[0].story, "Referrals doubled in February.");
    let shown = http(s.addr, "GET", "/indicators/referrals", &manager, "").await;
    assert!(shown.body.contains("Referrals doubled in February."));
    assert!(
        !shown.body.contains("<textarea"),
        "managers read, analysts write"
    );

    // Signing out needs the token too, then ends the session.
    assert_eq!(
        http(
            s.addr,
            "POST",
            "/logout",
            &analyst,
            &form(&[("csrf_token", "x")])
        )
        .await
        .status,
        403
    );
    let out = http(
        s.addr,
        "POST",
        "/logout",
        &analyst,
        &form(&[("csrf_token", &token)]),
    )
    .await;
    assert_eq!((out.status, out.header("location")), (303, "/login"));
    assert_eq!(http(s.addr, "GET", "/", &analyst, "").await.status, 303);
}

#[tokio::test]
async fn every_page_has_the_security_headers_and_no_inline_script_or_style() {
    let s = start().await;
    let admin = session(s.addr, "admin").await;
    for path in [
        "/login",
        "/",
        "/indicators/referrals",
        "/indicators/referrals/children?month=2025-02",
        &format!("/children/{T1A}"),
        "/loads",
        "/admin/access-log",
        "/measures",
        "/focus-five",
        "/focus-five?team=T1",
        "/audits",
        "/forecast",
        "/annex-a",
        "/plan",
        "/recommendations",
        "/partnership",
        "/audits/programme",
    ] {
        let reply = http(s.addr, "GET", path, &admin, "").await;
        assert_eq!(reply.status, 200, "{path}");
        let csp = reply.header("content-security-policy");
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(reply.header("cache-control"), "no-store", "{path}");
        assert!(
            reply.header("strict-transport-security").is_empty(),
            "no HSTS over plain HTTP"
        );
        assert!(!reply.body.contains("<script>"), "{path}: inline script");
        assert!(!reply.body.contains(" style="), "{path}: inline style");
        assert!(!reply.body.contains("<style"), "{path}: inline style");
        assert!(
            reply
                .body
                .contains("<script type=\"module\" src=\"/assets/app.js\"></script>")
        );
    }
    // The GDS Transport font is for GOV.UK's own services: it is neither served nor asked for.
    let fonts = http(
        s.addr,
        "GET",
        "/assets/fonts/bold-b542beb274-v2.woff2",
        "",
        "",
    )
    .await;
    assert_eq!(fonts.status, 404);
    for (path, kind) in [
        ("/assets/govuk-frontend.min.css", "text/css; charset=utf-8"),
        (
            "/assets/govuk-frontend.min.js",
            "text/javascript; charset=utf-8",
        ),
        ("/assets/images/govuk-crest.svg", "image/svg+xml"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
    ] {
        let reply = http(s.addr, "GET", path, "", "").await;
        assert_eq!(
            (reply.status, reply.header("content-type")),
            (200, kind),
            "{path}"
        );
    }
}

/// A multipart form with a CSRF token and files `(name, content)`.
fn multipart(csrf: &str, files: &[(&str, &str)]) -> (String, String) {
    let boundary = "----harbour-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n"
    );
    for (name, content) in files {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_multipart(addr: SocketAddr, cookie: &str, content_type: &str, body: &str) -> Reply {
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!(
        "POST /upload HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    conn.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await.unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    let mut headers = HashMap::new();
    for line in head.lines().skip(1) {
        let (k, v) = line.split_once(": ").unwrap();
        headers.insert(k.to_ascii_lowercase(), v.to_owned());
    }
    let body = if headers
        .get("transfer-encoding")
        .is_some_and(|t| t == "chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Reply {
        status,
        headers,
        body,
    }
}

#[tokio::test]
async fn an_upload_loads_all_or_nothing_through_the_same_path_as_harbour_load() {
    let s = start().await;
    let analyst = session(s.addr, "analyst").await;
    let manager = session(s.addr, "manager").await;
    let token = http(s.addr, "GET", "/upload", &analyst, "").await.csrf();
    let header = "child_id,worker_id,team_id,start_date,end_date";
    let good = format!("{header}\nHBRC-NEW,W9,T9,2025-01-01,\n");
    let bad = format!("{header}\nHBRC-NEW,W9,T9,2025-01-01,\nHBRC-BAD,W9,T9,2025-02-30,\n");
    let loads = |store: Store| async move { store.loads().await.unwrap().len() };
    assert_eq!(loads(s.store.clone()).await, 1);

    // Not for managers, and not without the session's token: nothing is read or stored.
    let (ct, body) = multipart(&token, &[("allocations.csv", &good)]);
    assert_eq!(
        post_multipart(s.addr, &manager, &ct, &body).await.status,
        403
    );
    let (ct, body) = multipart("forged", &[("allocations.csv", &good)]);
    assert_eq!(
        post_multipart(s.addr, &analyst, &ct, &body).await.status,
        403
    );
    assert_eq!(loads(s.store.clone()).await, 1);

    // A file with a bad date refuses the whole upload, naming the file, line and field.
    let (ct, body) = multipart(
        &token,
        &[
            (
                "teams.csv",
                "team_id,name,service,family_safeguarding\nT9,North,Assessment,0\n",
            ),
            ("bad allocations.csv", &bad),
        ],
    );
    let refused = post_multipart(s.addr, &analyst, &ct, &body).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("nothing was stored"));
    assert!(
        refused
            .body
            .contains("load refused: 1 problem(s) in the input"),
        "{}",
        refused.body
    );
    let problem = refused.body.split("<li>").nth(1).unwrap();
    assert!(
        problem.starts_with("bad_allocations.csv: line 3"),
        "{problem}"
    );
    assert!(problem.contains("start_date"), "{problem}");
    assert!(!refused.body.contains("/tmp"), "no server path on the page");
    assert_eq!(loads(s.store.clone()).await, 1);

    // A clean file is loaded, with its own name and the uploader in the lineage.
    let (ct, body) = multipart(&token, &[("allocations.csv", &good)]);
    let loaded = post_multipart(s.addr, &analyst, &ct, &body).await;
    assert_eq!(
        (loaded.status, loaded.header("location")),
        (303, "/loads#load-2")
    );
    let all = s.store.loads().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].loaded_by, "analyst (web upload)");
    assert_eq!(all[1].files[0].name, "allocations.csv");
    let brought: Vec<_> = all[1].rows.iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(brought, [&("case_allocations".to_owned(), 1)]);
    // The same file again changes nothing.
    let again = post_multipart(s.addr, &analyst, &ct, &body).await;
    assert_eq!(again.status, 200);
    assert!(again.body.contains("in the store already"));
    assert_eq!(loads(s.store.clone()).await, 2);
}

#[tokio::test]
async fn an_upload_stores_a_population_table_and_assurance_records_in_one_load() {
    let s = start().await;
    let analyst = session(s.addr, "analyst").await;
    let token = http(s.addr, "GET", "/upload", &analyst, "").await.csrf();
    let population = "area,year,children_0_17,vintage\nE09000027,2025,41203,Synthetic\n";
    let posts_header = "post_id,team_id,role,from,to,status,worker_id,agency";
    let bad_posts =
        format!("{posts_header}\nP1,T1,MH,2025-01-01,,vacant,,\nP2,T1,MH,2025-02-30,,vacant,,\n");
    let posts = format!("{posts_header}\nP1,T1,MH,2025-01-01,,vacant,,\n");

    // A bad date in the assurance file refuses the population table with it: nothing is stored.
    let (ct, body) = multipart(
        &token,
        &[("population.csv", population), ("posts.csv", &bad_posts)],
    );
    let refused = post_multipart(s.addr, &analyst, &ct, &body).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("import refused: 1 problem(s) in the input; nothing was stored"),
        "{}",
        refused.body
    );
    let problem = refused.body.split("<li>").nth(1).unwrap();
    assert!(problem.starts_with("posts.csv:3:"), "{problem}");
    assert!(!refused.body.contains("/tmp"), "no server path on the page");
    assert_eq!(s.store.loads().await.unwrap().len(), 1);
    assert!(
        s.store
            .read_workforce_and_voice()
            .await
            .unwrap()
            .posts
            .is_empty()
    );

    // Fixed, both are stored by the one load.
    let (ct, body) = multipart(
        &token,
        &[("population.csv", population), ("posts.csv", &posts)],
    );
    let loaded = post_multipart(s.addr, &analyst, &ct, &body).await;
    assert_eq!(
        (loaded.status, loaded.header("location")),
        (303, "/loads#load-2"),
        "{}",
        loaded.body
    );
    let all = s.store.loads().await.unwrap();
    assert_eq!(all.len(), 2);
    let names: Vec<&str> = all[1].files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["population.csv"], "assurance files are not returns");
    let brought: Vec<_> = all[1].rows.iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(brought, [&("population".to_owned(), 1)]);
    let stored = s.store.read_workforce_and_voice().await.unwrap();
    let ids: Vec<&str> = stored.posts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P1"]);

    // Assurance records alone make a change of their own, not a load.
    let more =
        format!("{posts_header}\nP1,T1,MH,2025-01-01,,vacant,,\nP2,T1,MH,2025-02-01,,vacant,,\n");
    let (ct, body) = multipart(&token, &[("posts.csv", &more)]);
    let only = post_multipart(s.addr, &analyst, &ct, &body).await;
    assert_eq!(only.status, 200, "{}", only.body);
    assert!(
        only.body.contains("practice-assurance records were stored"),
        "{}",
        only.body
    );
    assert_eq!(s.store.loads().await.unwrap().len(), 2);
    assert_eq!(
        s.store
            .read_workforce_and_voice()
            .await
            .unwrap()
            .posts
            .len(),
        2
    );
}

#[tokio::test]
async fn an_assurance_edit_between_loads_reaches_the_figures() {
    let s = start().await;
    let analyst = session(s.addr, "analyst").await;
    // The last month of the page, March 2025: numerator, denominator and value.
    let march = |body: &str| {
        let at = body.rfind(">Mar 2025</th>").expect("a March 2025 row");
        let rest = &body[at..];
        rest[..rest.find("</tr>").unwrap()]
            .split("govuk-table__cell--numeric\">")
            .skip(1)
            .map(|c| c[..c.find('<').unwrap()].to_owned())
            .collect::<Vec<_>>()
    };
    let before = http(s.addr, "GET", "/indicators/vacancy_rate_pct", &analyst, "").await;
    assert_eq!(before.status, 200);
    assert_eq!(march(&before.body), ["0", "0", "–"], "no posts yet");

    // Four social work posts, one of them vacant since January 2025: 1 of 4 vacant, 25.0%.
    let post = |id: &str, worker: Option<&str>| assurance::workforce::Post {
        id: id.into(),
        team: "T1".into(),
        role: WorkerRole::SocialWorker,
        spells: vec![assurance::workforce::PostSpell {
            from: "2025-01-01".parse().unwrap(),
            to: None,
            worker: worker.map(str::to_owned),
            agency: false,
        }],
    };
    let outcome = s
        .store
        .edit_assurance(store::AssuranceEdit {
            actor: "access-tests".into(),
            channel: store::Channel::Cli,
            action: "harbour workforce import".into(),
            source: None,
            data: assurance::AssuranceData {
                posts: vec![
                    post("P1", Some("W1")),
                    post("P2", Some("W2")),
                    post("P3", Some("W3")),
                    post("P4", None),
                ],
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert_ne!(outcome, store::EditOutcome::Unchanged);
    let after = http(s.addr, "GET", "/indicators/vacancy_rate_pct", &analyst, "").await;
    assert_eq!(march(&after.body), ["1", "4", "25.0"]);
    // Posts are about no child, so reading them for the figures writes nothing to the access
    // log (audits would: one bulk entry per computation).
    let log = s.store.access_log(1000).await.unwrap();
    assert!(!log.iter().any(|r| r.entry.actor == "harbour serve"));
}

#[tokio::test]
async fn focus_five_shows_each_role_its_own_children_and_logs_every_list() {
    // On 31 March 2025 none of the four children is compliant: no chronology entry for their
    // February referral and no supervision since January (ELSE is unallocated), so every child
    // in a team is on its exceptions list.
    let s = start().await;
    type Cell = (&'static str, u16, Vec<&'static str>, Option<&'static str>);
    let matrix: Vec<(&str, Vec<Cell>)> = vec![
        (
            "/focus-five",
            vec![
                // Aggregates only for the whole service: no list, nothing logged.
                ("admin", 200, vec![], None),
                ("analyst", 200, vec![], None),
                (
                    "manager",
                    200,
                    vec![T1A, T1B],
                    Some("Focus Five exceptions of team T1 on 2025-03-31 (2 shown)"),
                ),
                (
                    "practitioner",
                    200,
                    vec![T1A],
                    Some("Focus Five of worker W1's caseload on 2025-03-31 (1 shown)"),
                ),
                ("scrutiny", 200, vec![], None),
            ],
        ),
        (
            "/focus-five?team=T1",
            vec![
                (
                    "admin",
                    200,
                    vec![T1A, T1B],
                    Some("Focus Five exceptions of team T1 on 2025-03-31 (2 shown)"),
                ),
                (
                    "analyst",
                    200,
                    vec![T1A, T1B],
                    Some("Focus Five exceptions of team T1 on 2025-03-31 (2 shown)"),
                ),
                (
                    "manager",
                    200,
                    vec![T1A, T1B],
                    Some("Focus Five exceptions of team T1 on 2025-03-31 (2 shown)"),
                ),
                ("practitioner", 404, vec![], None),
                ("scrutiny", 404, vec![], None),
            ],
        ),
        (
            "/focus-five?team=T2",
            vec![
                (
                    "analyst",
                    200,
                    vec![T2A],
                    Some("Focus Five exceptions of team T2 on 2025-03-31 (1 shown)"),
                ),
                ("manager", 404, vec![], None),
                ("practitioner", 404, vec![], None),
                ("scrutiny", 404, vec![], None),
            ],
        ),
        (
            "/focus-five?team=NO-SUCH-TEAM",
            vec![("admin", 404, vec![], None)],
        ),
    ];
    let mut cookies = HashMap::new();
    for name in ["admin", "analyst", "manager", "practitioner", "scrutiny"] {
        cookies.insert(name, session(s.addr, name).await);
    }
    for (route, cells) in &matrix {
        for (role, status, shown, subject) in cells {
            let before = log_len(&s.store).await;
            let reply = http(s.addr, "GET", route, &cookies[role], "").await;
            assert_eq!(reply.status, *status, "{role} {route}");
            assert_eq!(children_in(&reply.body), *shown, "{role} {route}");
            let written = log_len(&s.store).await - before;
            assert_eq!(written, usize::from(subject.is_some()), "{role} {route}");
            if let Some(subject) = subject {
                let entry = &s.store.access_log(1).await.unwrap()[0].entry;
                assert_eq!(
                    (entry.actor.as_str(), entry.subject.as_str()),
                    (*role, *subject)
                );
                assert_eq!(entry.action, "GET /focus-five");
            }
        }
    }
    // The panel reads compliance by service through disclosure control: 3 children with no
    // service recorded and 1 unallocated, all small counts, shown as c; no team or worker.
    let scrutiny = http(s.addr, "GET", "/focus-five", &cookies["scrutiny"], "").await;
    assert!(scrutiny.body.contains("Compliance by service"));
    assert!(!scrutiny.body.contains("by team"));
    assert!(!scrutiny.body.contains("W1"));
    assert!(scrutiny.body.contains(">c<"), "{}", scrutiny.body);
    // Staff see the exact figures: four open children, none compliant.
    let admin = http(s.addr, "GET", "/focus-five", &cookies["admin"], "").await;
    assert!(admin.body.contains("Compliance by team"));
    assert!(admin.body.contains("href=\"/focus-five?team=T1\""));
}

/// Cycle Q4 2024-25: A1 (child T1A, team T1) audited by W3, graded good; A2 (child T2A, team
/// T2) audited by W1 — the practitioner — graded requires improvement; A3 (ELSE) not yet
/// allocated. Actions: X1 on A1 for team T1, X2 on A2 for team T2.
fn programme() -> assurance::AssuranceData {
    use assurance::grade::Grade;
    use assurance::programme::*;
    use assurance::sample::PlanType;
    let audit =
        |id: &str, child: &str, team: &str, auditor: Option<&str>, grade: Option<Grade>| Audit {
            id: id.into(),
            cycle: "Q4".into(),
            kind: AuditKind::Full,
            child: ChildId::from(child),
            team: team.into(),
            plan_type: PlanType::Other,
            worker: "W9".into(),
            auditor: auditor.map(Into::into),
            allocated_on: auditor.map(|_| d("2025-01-06")),
            due_on: Some(d("2025-03-31")),
            completed_on: grade.map(|_| d("2025-03-03")),
            overall: grade,
            domains: Default::default(),
            good_practice: Vec::new(),
            development: Vec::new(),
            findings: String::new(),
            follows: None,
            moderation: None,
        };
    let action = |id: &str, audit: &str, child: &str, team: &str| Action {
        id: id.into(),
        audit: audit.into(),
        child: ChildId::from(child),
        team: team.into(),
        description: "Update the chronology".into(),
        owner: "TM".into(),
        raised_on: d("2025-03-03"),
        due_on: d("2025-04-30"),
        closed_on: None,
    };
    assurance::AssuranceData {
        cycles: vec![Cycle {
            id: "Q4".into(),
            name: "Quarter 4".into(),
            start: d("2025-01-01"),
            end: d("2025-03-31"),
        }],
        audits: vec![
            audit("A1", T1A, "T1", Some("W3"), Some(Grade::Good)),
            audit(
                "A2",
                T2A,
                "T2",
                Some("W1"),
                Some(Grade::RequiresImprovement),
            ),
            audit("A3", ELSE, "T1", None, None),
        ],
        actions: vec![action("X1", "A1", T1A, "T1"), action("X2", "A2", T2A, "T2")],
        ..Default::default()
    }
}

#[tokio::test]
async fn audits_show_auditors_their_cases_managers_their_actions_and_scrutiny_only_c() {
    let s = start_with(Some(programme())).await;
    let mut cookies = HashMap::new();
    for name in ["admin", "analyst", "manager", "practitioner", "scrutiny"] {
        cookies.insert(name, session(s.addr, name).await);
    }
    // (role, children shown, access-log rows: the bulk read, and one more for a list).
    let cells: [(&str, Vec<&str>, usize); 5] = [
        ("admin", vec![], 1),
        ("analyst", vec![], 1),
        // The manager has no worker id, so audits no one; their team's action X1 is on T1A.
        ("manager", vec![T1A], 2),
        // The practitioner W1 audits A2 (T2A), a child outside their caseload: theirs to audit.
        ("practitioner", vec![T2A], 2),
        ("scrutiny", vec![], 1),
    ];
    for (role, shown, rows) in cells {
        let before = log_len(&s.store).await;
        let reply = http(s.addr, "GET", "/audits", &cookies[role], "").await;
        assert_eq!(reply.status, 200, "{role}");
        assert_eq!(children_in(&reply.body), shown, "{role}");
        assert_eq!(log_len(&s.store).await - before, rows, "{role}");
    }
    let admin = http(s.addr, "GET", "/audits", &cookies["admin"], "").await;
    // Two of the three are allocated and both completed: one good, one requires improvement.
    assert!(admin.body.contains("2 of 2 completed"), "{}", admin.body);
    assert!(admin.body.contains("50.0%"));
    let scrutiny = http(s.addr, "GET", "/audits", &cookies["scrutiny"], "").await;
    assert!(
        scrutiny.body.contains("c of c completed"),
        "{}",
        scrutiny.body
    );
    assert!(!scrutiny.body.contains("2 of 2"));
    let manager = http(s.addr, "GET", "/audits", &cookies["manager"], "").await;
    assert!(manager.body.contains("X1") && !manager.body.contains("X2"));

    // Closing: the manager, with the session's token, their own team's action only.
    let token = manager.csrf();
    let close = |id: &str, t: &str| {
        (
            format!("/audits/actions/{id}/close"),
            form(&[("csrf_token", t)]),
        )
    };
    let (path, body) = close("X1", "forged");
    assert_eq!(
        http(s.addr, "POST", &path, &cookies["manager"], &body)
            .await
            .status,
        403
    );
    let (path, body) = close("X2", &token);
    assert_eq!(
        http(s.addr, "POST", &path, &cookies["manager"], &body)
            .await
            .status,
        404
    );
    let practitioner_token = http(s.addr, "GET", "/", &cookies["practitioner"], "")
        .await
        .csrf();
    let (path, body) = close("X1", &practitioner_token);
    assert_eq!(
        http(s.addr, "POST", &path, &cookies["practitioner"], &body)
            .await
            .status,
        403
    );
    let (path, body) = close("X1", &token);
    assert_eq!(
        http(s.addr, "POST", &path, &cookies["manager"], &body)
            .await
            .status,
        303
    );
    let data = s.store.read_workforce_and_voice().await.unwrap();
    assert!(
        data.actions.is_empty(),
        "no child-level record read without a log"
    );
    let after = http(s.addr, "GET", "/audits", &cookies["manager"], "").await;
    assert!(after.body.contains("Closed"), "{}", after.body);
    assert!(!after.body.contains("Mark closed"));
}

#[tokio::test]
async fn only_the_allocated_auditor_opens_and_grades_an_audit() {
    let s = start_with(Some(programme())).await;
    let mut cookies = HashMap::new();
    for name in ["admin", "manager", "practitioner", "scrutiny"] {
        cookies.insert(name, session(s.addr, name).await);
    }
    // A2 is allocated to W1, the practitioner; A1 to W3, whom no account is.
    let cells = [
        ("practitioner", "/audits/A2", 200),
        ("practitioner", "/audits/A1", 404),
        ("practitioner", "/audits/NO-SUCH", 404),
        ("manager", "/audits/A2", 404),
        ("admin", "/audits/A2", 403),
        ("scrutiny", "/audits/A2", 403),
    ];
    for (role, path, status) in cells {
        let before = log_len(&s.store).await;
        let reply = http(s.addr, "GET", path, &cookies[role], "").await;
        assert_eq!(reply.status, status, "{role} {path}");
        if status == 200 {
            assert_eq!(children_in(&reply.body), [T2A]);
            // The bulk read, and the view of the one child.
            assert_eq!(log_len(&s.store).await - before, 2);
            let entry = &s.store.access_log(1).await.unwrap()[0].entry;
            assert_eq!(entry.child_id.as_deref(), Some(T2A));
        } else {
            assert!(children_in(&reply.body).is_empty(), "{role} {path}");
        }
    }
    let page = http(s.addr, "GET", "/audits/A2", &cookies["practitioner"], "").await;
    let token = page.csrf();
    let grade = |t: &str, overall: &str| {
        form(&[
            ("csrf_token", t),
            ("overall", overall),
            ("domain_chronology", "good"),
            ("good_practice", "Relational practice; child focused"),
            ("development", ""),
            ("findings", "Knows the child well."),
        ])
    };
    let read = || async {
        let reader = store::Reader {
            actor: "test".into(),
            channel: store::Channel::Cli,
            action: "test".into(),
        };
        let data = s
            .store
            .read_assurance_in_bulk(&reader, store::AsAt::Latest, "test")
            .await
            .unwrap();
        data.audits.into_iter().find(|a| a.id == "A2").unwrap()
    };
    let forged = http(
        s.addr,
        "POST",
        "/audits/A2",
        &cookies["practitioner"],
        &grade("x", "good"),
    )
    .await;
    assert_eq!(forged.status, 403);
    let bad = http(
        s.addr,
        "POST",
        "/audits/A2",
        &cookies["practitioner"],
        &grade(&token, "great"),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("choose an overall grade"), "{}", bad.body);
    assert_eq!(
        read().await.overall,
        Some(assurance::grade::Grade::RequiresImprovement)
    );
    let manager_token = http(s.addr, "GET", "/", &cookies["manager"], "")
        .await
        .csrf();
    let not_theirs = http(
        s.addr,
        "POST",
        "/audits/A2",
        &cookies["manager"],
        &grade(&manager_token, "good"),
    )
    .await;
    assert_eq!(not_theirs.status, 404);
    let saved = http(
        s.addr,
        "POST",
        "/audits/A2",
        &cookies["practitioner"],
        &grade(&token, "good"),
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let a2 = read().await;
    assert_eq!(a2.overall, Some(assurance::grade::Grade::Good));
    assert_eq!(a2.domains.len(), 1);
    assert_eq!(
        assurance::grade::format_tags(&a2.good_practice),
        "relational-practice;child-focused"
    );
    assert_eq!(a2.findings, "Knows the child well.");
    // Completed before (3 March 2025): the date stays.
    assert_eq!(a2.completed_on, Some(d("2025-03-03")));
}

/// The demo plan and recommendations, stored as `harbour tracker import` stores them.
async fn store_trackers(store: &Store) {
    let file = |n: &str| {
        pack::demo::FILES
            .iter()
            .find(|(name, _)| *name == n)
            .map(|(name, text)| (*name, *text))
            .unwrap()
    };
    let plan = pack::plan::Plan::read(file("plan.csv"), Some(file("plan_updates.csv"))).unwrap();
    let recs =
        pack::recommendations::read(file("recommendations.csv").0, file("recommendations.csv").1)
            .unwrap();
    let mut docs = pack::tracker::plan_docs(&plan, &[]);
    docs.extend(pack::tracker::recommendation_docs(&recs));
    store
        .edit_tracker(store::TrackerEdit {
            actor: "access-tests".into(),
            channel: store::Channel::Cli,
            action: "harbour tracker import".into(),
            source: None,
            docs: docs
                .into_iter()
                .map(|d| store::TrackerDoc {
                    kind: store::AssuranceKind::parse(d.kind).unwrap(),
                    key: d.key,
                    doc: d.doc,
                })
                .collect(),
        })
        .await
        .unwrap();
}

async fn stored_trackers(store: &Store) -> pack::tracker::Stored {
    let docs = store
        .read_tracker(&store::AssuranceKind::TRACKER, store::AsAt::Latest)
        .await
        .unwrap();
    pack::tracker::from_docs(
        docs.iter()
            .map(|d| (d.kind.as_str(), d.key.as_str(), d.doc.as_str())),
    )
    .unwrap()
}

#[tokio::test]
async fn every_role_reads_the_trackers_and_only_analysts_and_admins_update_them() {
    let s = start().await;
    store_trackers(&s.store).await;
    let mut cookies = HashMap::new();
    for name in ["admin", "analyst", "manager", "practitioner", "scrutiny"] {
        cookies.insert(name, session(s.addr, name).await);
    }
    for (role, editor) in [
        ("admin", true),
        ("analyst", true),
        ("manager", false),
        ("practitioner", false),
        ("scrutiny", false),
    ] {
        let before = log_len(&s.store).await;
        let plan = http(s.addr, "GET", "/plan", &cookies[role], "").await;
        assert_eq!(plan.status, 200, "{role}");
        assert!(
            plan.body.contains("Update QA and performance framework"),
            "{role}"
        );
        assert_eq!(plan.body.contains("Add an update"), editor, "{role}");
        let recs = http(s.addr, "GET", "/recommendations", &cookies[role], "").await;
        assert_eq!(recs.status, 200, "{role}");
        assert!(
            recs.body
                .contains("Rigorous promotion of corporate parenting")
        );
        assert_eq!(recs.body.contains("Update 2025-01-R3"), editor, "{role}");
        // They name no child: nothing to log.
        assert_eq!(log_len(&s.store).await, before, "{role}");
    }

    let update = |t: &str, date: &str| {
        form(&[
            ("csrf_token", t),
            ("workstream", "Clear Impact"),
            ("item", "Outcome Based Accountability"),
            ("quarter", "2025-26-Q3"),
            ("date", date),
            ("status", "at risk"),
            ("note", "Board moved to February"),
        ])
    };
    let stored = stored_trackers(&s.store).await;
    assert_eq!(stored.updates.len(), 5);
    // Without the token, or by a manager, nothing changes.
    let manager_token = http(s.addr, "GET", "/plan", &cookies["manager"], "")
        .await
        .csrf();
    for (who, token) in [("analyst", "x"), ("manager", manager_token.as_str())] {
        let reply = http(
            s.addr,
            "POST",
            "/plan/update",
            &cookies[who],
            &update(token, "2025-12-10"),
        )
        .await;
        assert_eq!(reply.status, 403, "{who}");
    }
    let token = http(s.addr, "GET", "/plan", &cookies["analyst"], "")
        .await
        .csrf();
    // A date in the future is refused and named; nothing is stored.
    let future = http(
        s.addr,
        "POST",
        "/plan/update",
        &cookies["analyst"],
        &update(&token, "2999-01-01"),
    )
    .await;
    assert_eq!(future.status, 422);
    assert!(
        future
            .body
            .contains("an update cannot be dated in the future")
    );
    assert_eq!(stored_trackers(&s.store).await.updates.len(), 5);
    let saved = http(
        s.addr,
        "POST",
        "/plan/update",
        &cookies["analyst"],
        &update(&token, "2025-12-10"),
    )
    .await;
    assert_eq!((saved.status, saved.header("location")), (303, "/plan"));
    let stored = stored_trackers(&s.store).await;
    assert_eq!(stored.updates.len(), 6);
    let plan = stored.plan.unwrap();
    let m = plan
        .as_at(jiff::civil::date(2025, 12, 10))
        .into_iter()
        .find(|m| m.milestone.milestone == "Update QA and performance framework")
        .unwrap();
    assert_eq!(m.status, pack::plan::Status::AtRisk);
    assert_eq!(m.last_update.unwrap().by.as_deref(), Some("analyst"));
    // As at 9 December the update of 5 December still stands.
    let m = plan
        .as_at(jiff::civil::date(2025, 12, 9))
        .into_iter()
        .find(|m| m.milestone.milestone == "Update QA and performance framework")
        .unwrap();
    assert_eq!(m.status, pack::plan::Status::OnTrack);
    let shown = http(s.addr, "GET", "/plan", &cookies["scrutiny"], "").await;
    assert!(shown.body.contains("Board moved to February"));

    // A recommendation closed: today's date when none is given; a closed date before the
    // meeting is refused.
    let rec = |t: &str, status: &str, closed: &str| {
        form(&[
            ("csrf_token", t),
            ("status", status),
            ("response", "Briefing given"),
            ("due_date", "2025-09-30"),
            ("closed_date", closed),
        ])
    };
    let bad = http(
        s.addr,
        "POST",
        "/recommendations/2025-01-R4",
        &cookies["analyst"],
        &rec(&token, "done", "2024-01-01"),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body
            .contains("Closed date: is before the meeting that made the recommendation")
    );
    let by_scrutiny_token = http(s.addr, "GET", "/recommendations", &cookies["scrutiny"], "")
        .await
        .csrf();
    let refused = http(
        s.addr,
        "POST",
        "/recommendations/2025-01-R4",
        &cookies["scrutiny"],
        &rec(&by_scrutiny_token, "done", ""),
    )
    .await;
    assert_eq!(refused.status, 403);
    let none = http(
        s.addr,
        "POST",
        "/recommendations/NO-SUCH",
        &cookies["analyst"],
        &rec(&token, "done", ""),
    )
    .await;
    assert_eq!(none.status, 404);
    let ok = http(
        s.addr,
        "POST",
        "/recommendations/2025-01-R4",
        &cookies["analyst"],
        &rec(&token, "done", ""),
    )
    .await;
    assert_eq!(ok.status, 303);
    let recs = stored_trackers(&s.store).await.recommendations.unwrap();
    let (position, r4) = recs.iter().find(|(_, r)| r.id == "2025-01-R4").unwrap();
    assert_eq!(*position, 3, "it keeps its place in the list");
    assert_eq!(r4.status, pack::recommendations::Status::Done);
    assert_eq!(r4.closed_date, Some(jiff::Zoned::now().date()));
    assert_eq!(r4.response.as_deref(), Some("Briefing given"));
    assert_eq!(recs.len(), 7);
}

#[tokio::test]
async fn qa_leads_run_the_programme_from_the_browser_and_others_cannot() {
    let s = start_with(Some(programme())).await;
    let mut cookies = HashMap::new();
    for name in ["admin", "analyst", "manager", "practitioner", "scrutiny"] {
        cookies.insert(name, session(s.addr, name).await);
    }
    for (role, status) in [
        ("admin", 200),
        ("analyst", 200),
        ("manager", 403),
        ("practitioner", 403),
        ("scrutiny", 403),
    ] {
        let reply = http(s.addr, "GET", "/audits/programme", &cookies[role], "").await;
        assert_eq!(reply.status, status, "{role}");
        assert!(
            children_in(&reply.body).is_empty(),
            "the page names no child"
        );
    }
    let analyst = &cookies["analyst"];
    let token = http(s.addr, "GET", "/audits/programme", analyst, "")
        .await
        .csrf();
    let audits = |store: Store| async move {
        store
            .read_assurance_in_bulk(
                &store::Reader {
                    actor: "test".into(),
                    channel: store::Channel::Cli,
                    action: "test".into(),
                },
                store::AsAt::Latest,
                "test",
            )
            .await
            .unwrap()
    };
    let post = |path: &'static str, fields: Vec<(&'static str, String)>| {
        let body = form(
            &fields
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        );
        let cookie = analyst.clone();
        async move { http(s.addr, "POST", path, &cookie, &body).await }
    };
    let t = || ("csrf_token", token.clone());

    // A cycle: refused when its id is taken, stored otherwise.
    let taken = post(
        "/audits/programme/cycles",
        vec![
            t(),
            ("id", "Q4".into()),
            ("name", "Again".into()),
            ("start", "2025-03-31".into()),
            ("end", "2025-06-30".into()),
        ],
    )
    .await;
    assert_eq!(taken.status, 422);
    assert!(taken.body.contains("cycle Q4 exists already"));
    let forged = post(
        "/audits/programme/cycles",
        vec![
            ("csrf_token", "x".into()),
            ("id", "Q1".into()),
            ("name", "Quarter 1".into()),
            ("start", "2025-03-31".into()),
            ("end", "2025-06-30".into()),
        ],
    )
    .await;
    assert_eq!(forged.status, 403);
    let made = post(
        "/audits/programme/cycles",
        vec![
            t(),
            ("id", "Q1".into()),
            ("name", "Quarter 1".into()),
            ("start", "2025-03-31".into()),
            ("end", "2025-06-30".into()),
        ],
    )
    .await;
    assert_eq!(made.status, 303);

    // The sample: on 31 March T1A, T1B and T2A are open and allocated (ELSE's allocation has
    // ended); leaving out Q4's children leaves T1B alone.
    let sample = |size: &str| {
        vec![
            t(),
            ("size", size.into()),
            ("design", "stratified".into()),
            ("seed", "1".into()),
            ("exclude", "Q4".into()),
        ]
    };
    let too_many = post("/audits/programme/Q1/sample", sample("2")).await;
    assert_eq!(too_many.status, 422);
    assert!(
        too_many
            .body
            .contains("a sample of 2 cannot be drawn from 1 open, allocated children")
    );
    assert_eq!(
        post("/audits/programme/Q1/sample", sample("1"))
            .await
            .status,
        303
    );
    let data = audits(s.store.clone()).await;
    let q1: Vec<_> = data.audits.iter().filter(|a| a.cycle == "Q1").collect();
    assert_eq!(q1.len(), 1);
    assert_eq!((q1[0].id.as_str(), q1[0].child.0.as_str()), ("Q1-001", T1B));
    let again = post("/audits/programme/Q1/sample", sample("1")).await;
    assert!(again.body.contains("cycle Q1 has been sampled already"));

    // Allocation: only an account's worker id counts; W1 (the practitioner) gets it.
    let nobody = post(
        "/audits/programme/Q1/allocate",
        vec![t(), ("auditor", "ZZ".into())],
    )
    .await;
    assert_eq!(nobody.status, 422);
    assert!(nobody.body.contains("no auditors were given"));
    assert_eq!(
        post(
            "/audits/programme/Q1/allocate",
            vec![t(), ("auditor", "W1".into())]
        )
        .await
        .status,
        303
    );
    let data = audits(s.store.clone()).await;
    let q1 = data.audits.iter().find(|a| a.id == "Q1-001").unwrap();
    assert_eq!(
        (q1.auditor.as_deref(), q1.allocated_on),
        (Some("W1"), Some(d("2025-03-31")))
    );

    // Moderation of A2 (T2A, completed on 3 March, requires improvement): the page shows the
    // one child and logs them.
    assert_eq!(
        http(
            s.addr,
            "GET",
            "/audits/A2/moderate",
            &cookies["manager"],
            ""
        )
        .await
        .status,
        403
    );
    assert_eq!(
        http(s.addr, "GET", "/audits/A3/moderate", analyst, "")
            .await
            .status,
        404,
        "not completed"
    );
    let before = log_len(&s.store).await;
    let page = http(s.addr, "GET", "/audits/A2/moderate", analyst, "").await;
    assert_eq!(page.status, 200);
    assert_eq!(children_in(&page.body), [T2A]);
    assert_eq!(
        log_len(&s.store).await - before,
        2,
        "the bulk read and the child"
    );
    let moderate = |date: &str| {
        vec![
            t(),
            ("overall", "requires_improvement".into()),
            ("notes", "Agree: plan drift".into()),
            ("date", date.into()),
        ]
    };
    let early = post("/audits/A2/moderate", moderate("2025-03-01")).await;
    assert_eq!(early.status, 422);
    assert!(
        early.body.contains(
            "the moderation date 2025-03-01 is before the audit was completed (2025-03-03)"
        )
    );
    assert_eq!(
        post("/audits/A2/moderate", moderate("2025-03-10"))
            .await
            .status,
        303
    );
    let data = audits(s.store.clone()).await;
    let m = data
        .audits
        .iter()
        .find(|a| a.id == "A2")
        .unwrap()
        .moderation
        .clone()
        .unwrap();
    assert_eq!((m.moderator.as_str(), m.date), ("analyst", d("2025-03-10")));

    // Dip samples of Q4: A2 is the one graded requires improvement.
    let dip = || {
        vec![
            t(),
            ("percent", "100".into()),
            ("seed", "1".into()),
            ("due_in_days", "28".into()),
            ("auditor", "".into()),
            ("on", "".into()),
        ]
    };
    assert_eq!(post("/audits/programme/Q4/dip", dip()).await.status, 303);
    let data = audits(s.store.clone()).await;
    let dips: Vec<_> = data.audits.iter().filter(|a| a.follows.is_some()).collect();
    assert_eq!(dips.len(), 1);
    assert_eq!(
        (dips[0].id.as_str(), dips[0].due_on),
        ("A2-DIP", Some(d("2025-04-28")))
    );
    let none_left = post("/audits/programme/Q4/dip", dip()).await;
    assert_eq!(none_left.status, 422);
    assert!(
        none_left
            .body
            .contains("no completed audit graded requires improvement is waiting for a dip sample")
    );
}

#[tokio::test]
async fn every_role_reads_the_partnership_report_and_scrutiny_under_control() {
    let s = start().await;
    for (role, controlled) in [
        ("admin", false),
        ("analyst", false),
        ("manager", false),
        ("practitioner", false),
        ("scrutiny", true),
    ] {
        let cookie = session(s.addr, role).await;
        let before = log_len(&s.store).await;
        let reply = http(s.addr, "GET", "/partnership", &cookie, "").await;
        assert_eq!(reply.status, 200, "{role}");
        assert!(reply.body.contains("Families compared: 0,"), "{role}");
        assert!(reply.body.contains("Police domestic-abuse call-outs"));
        assert_eq!(
            reply.body.contains("disclosure-controlled"),
            controlled,
            "{role}"
        );
        assert!(children_in(&reply.body).is_empty());
        assert_eq!(
            log_len(&s.store).await,
            before,
            "aggregates only: nothing to log"
        );
    }
}
