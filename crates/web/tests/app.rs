//! The real router over a fresh SQLite store per test, loaded through the store's own `load`
//! with a small council whose every figure is worked out by hand (the same journeys as
//! `metrics/tests/hand_computed.rs`, under ids that must never reach the page).

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use metrics::Settings;
use model::codes::ReasonNewEpisode;
use model::*;
use store::{LoadBatch, ReturnKind, SourceFile, Store};
use tower::ServiceExt;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// Child ids, chosen to be easy to spot if they ever leaked into the HTML.
const IDS: [&str; 9] = [
    "HBRCHILD-A",
    "HBRCHILD-B",
    "HBRCHILD-C",
    "HBRCHILD-D",
    "HBRCHILD-E",
    "HBRCHILD-F",
    "HBRCHILD-G",
    "HBRCHILD-H",
    "HBRCHILD-I",
];

fn child(id: &str) -> Child {
    Child {
        id: ChildId::from(id),
        ..Child::default()
    }
}

fn referral(date: &str, cin: &[(&str, Option<&str>)], cp: &[(&str, Option<&str>)]) -> Referral {
    Referral {
        referral_date: d(date),
        cin_plans: cin
            .iter()
            .map(|(s, e)| CinPlan {
                start_date: d(s),
                end_date: e.map(d),
            })
            .collect(),
        cp_plans: cp
            .iter()
            .map(|(s, e)| CpPlan {
                start_date: d(s),
                end_date: e.map(d),
                ..CpPlan::default()
            })
            .collect(),
        ..Referral::default()
    }
}

fn episode(start: &str, rne: ReasonNewEpisode, end: Option<&str>) -> ClaEpisode {
    ClaEpisode {
        start_date: d(start),
        reason_new_episode: Some(rne),
        end_date: end.map(d),
        ..ClaEpisode::default()
    }
}

fn fsm(id: &str, start: &str, end: Option<&str>) -> FamilySafeguardingInvolvement {
    FamilySafeguardingInvolvement {
        child: ChildId::from(id),
        team: "FS1".into(),
        start: d(start),
        end: end.map(d),
        ..FamilySafeguardingInvolvement::default()
    }
}

/// A: CP plan starts the day its CIN plan ends (escalated from CIN).
/// B: CP plan with no CIN plan. C: CIN plan ended 19 days before its CP plan.
/// D: enters care the day its CP plan ends. E: UASC, enters care from nothing.
/// F: enters care from an open CIN plan, then moves placement. G: only a placement move in March.
/// Family Safeguarding: H in January to mid February, A from February (two involvements),
/// I on 28 February only.
fn council() -> Dataset {
    let [a, b, c, dd, e, f, g, h, i] = IDS;
    let mut a = child(a);
    a.referrals.push(referral(
        "2025-01-02",
        &[("2025-01-06", Some("2025-02-10"))],
        &[("2025-02-10", None)],
    ));
    let mut b = child(b);
    b.referrals
        .push(referral("2025-02-01", &[], &[("2025-02-14", None)]));
    let mut c = child(c);
    c.referrals.push(referral(
        "2024-11-20",
        &[("2024-12-01", Some("2025-02-01"))],
        &[("2025-02-20", None)],
    ));
    let mut dd = child(dd);
    dd.referrals.push(referral(
        "2024-10-01",
        &[],
        &[("2024-11-01", Some("2025-03-10"))],
    ));
    dd.cla_episodes
        .push(episode("2025-03-10", ReasonNewEpisode::S, None));
    let mut e = child(e);
    e.uasc = Some(UascStatus {
        ceased: Some(d("2027-01-01")),
    });
    e.cla_episodes
        .push(episode("2025-03-15", ReasonNewEpisode::S, None));
    let mut f = child(f);
    f.referrals
        .push(referral("2025-01-10", &[("2025-01-20", None)], &[]));
    f.cla_episodes.push(episode(
        "2025-03-20",
        ReasonNewEpisode::S,
        Some("2025-03-25"),
    ));
    f.cla_episodes
        .push(episode("2025-03-25", ReasonNewEpisode::P, None));
    let mut g = child(g);
    g.cla_episodes.push(episode(
        "2024-05-01",
        ReasonNewEpisode::S,
        Some("2025-03-02"),
    ));
    g.cla_episodes
        .push(episode("2025-03-02", ReasonNewEpisode::P, None));
    Dataset {
        children: vec![a, b, c, dd, e, f, g, child(h), child(i)],
        family_safeguarding: vec![
            fsm(h, "2025-01-10", Some("2025-02-15")),
            fsm(IDS[0], "2025-02-01", None),
            fsm(IDS[0], "2025-02-05", None),
            fsm(i, "2025-02-28", Some("2025-02-28")),
        ],
        ..Dataset::default()
    }
}

/// A test app: the real router over a fresh store in a temporary folder (kept while the app
/// lives).
struct App {
    router: Router,
    store: Store,
    _dir: tempfile::TempDir,
}

async fn empty_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.db");
    let store = Store::open(path.to_str().unwrap()).await.unwrap();
    (store, dir)
}

async fn load(store: &Store, dataset: Dataset, collection_year: Option<i16>) {
    let outcome = store
        .load(LoadBatch {
            files: vec![SourceFile::from_bytes(
                "council_extract.csv",
                format!("{collection_year:?} {}", dataset.children.len()).as_bytes(),
                ReturnKind::Extract,
                collection_year,
            )],
            dataset,
            loaded_by: "web-tests".into(),
            assurance: None,
        })
        .await
        .unwrap();
    assert!(matches!(outcome, store::LoadOutcome::Loaded { .. }));
}

/// An analyst's session, made in the store directly; the cookie that carries it.
async fn analyst_cookie(store: &Store) -> String {
    let id = store
        .add_user(&store::NewUser {
            name: "test-analyst".into(),
            role: store::Role::Analyst,
            team: None,
            worker: None,
            // Never verified here: the session is made without signing in.
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        })
        .await
        .unwrap();
    let token = web::auth::random_token();
    store
        .create_session(
            &web::auth::token_hash(&token),
            id,
            "csrf",
            jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1),
        )
        .await
        .unwrap();
    format!("harbour_session={token}")
}

/// The app as seen by a signed-in analyst: every request carries their session cookie.
async fn signed_in_router(state: web::AppState) -> Router {
    let cookie = analyst_cookie(&state.store).await;
    web::router(state).layer(axum::middleware::map_request(
        move |mut req: Request<Body>| {
            let cookie = cookie.clone();
            async move {
                req.headers_mut()
                    .insert(header::COOKIE, cookie.parse().unwrap());
                req
            }
        },
    ))
}

fn state(store: Store, as_at: Option<Date>, settings: Settings) -> web::AppState {
    web::AppState {
        as_at,
        settings,
        ..web::AppState::new(store)
    }
}

async fn app(as_at: Option<Date>, settings: Settings, year: Option<i16>) -> App {
    let (store, dir) = empty_store().await;
    load(&store, council(), year).await;
    App {
        router: signed_in_router(state(store.clone(), as_at, settings)).await,
        store,
        _dir: dir,
    }
}

/// The council loaded from a file for collection year 2024-25: the page runs to 31 March 2025.
async fn council_app() -> App {
    app(None, Settings::default(), Some(2025)).await
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn request(router: &Router, method: Method, path: &str) -> Reply {
    let response = router
        .clone()
        .oneshot(
            Request::builder()
                .method(method)
                .uri(path)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(router: &Router, path: &str) -> Reply {
    request(router, Method::GET, path).await
}

/// The rows of the table with this id, each as its text with tags removed and spaces collapsed,
/// e.g. `Feb 2025 1 3 33.3`.
fn table_rows(html: &str, table_id: &str) -> Vec<String> {
    let start = html
        .find(&format!("id=\"{table_id}\""))
        .unwrap_or_else(|| panic!("no table {table_id}"));
    let table = &html[start..];
    let table = &table[..table.find("</table>").unwrap()];
    let body = &table[table.find("<tbody").unwrap()..];
    body.split("<tr").skip(1).map(text).collect()
}

/// The rows of the breakdown table that follows the chart of `indicator`.
fn breakdown_rows(html: &str, indicator: &str) -> Vec<String> {
    let start = html
        .find(&format!("id=\"{indicator}-chart-title\""))
        .unwrap();
    let rest = &html[start..];
    let table = &rest[rest.find("app-breakdown").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let body = &table[table.find("<tbody").unwrap()..];
    body.split("<tr").skip(1).map(text).collect()
}

/// Text content: tags removed, whitespace collapsed.
fn text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = true; // the fragment starts inside the `<tr` tag
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn section<'a>(html: &'a str, indicator: &str) -> &'a str {
    let start = html
        .find(&format!(
            "<section class=\"app-measure\" id=\"{indicator}\""
        ))
        .unwrap();
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap()]
}

const NO_VALUE: &str = "– no value: nothing to count from";
const NO_DENOMINATOR: &str = "– not applicable";

#[tokio::test]
async fn the_page_shows_every_measure_month_by_month_with_hand_computed_figures() {
    let app = council_app().await;
    let page = get(&app.router, "/measures").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.headers[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let html = &page.body;
    assert!(
        html.contains(
            "<h1 class=\"govuk-heading-xl\">Family Safeguarding: escalation measures</h1>"
        )
    );
    assert!(html.contains(
        "Monthly figures from April 2023 to March 2025, to the reporting date of 31 March 2025."
    ));
    assert!(html.contains("the end of the latest collection year loaded, 2024-25"));
    assert!(html.contains("1 file in 1 load; the latest load was on"));

    let cp = table_rows(html, "cp_starts_from_cin_pct-table");
    assert_eq!(cp.len(), 24);
    assert_eq!(cp[0], format!("Apr 2023 0 0 {NO_VALUE}"));
    assert_eq!(
        cp[21..],
        [
            format!("Jan 2025 0 0 {NO_VALUE}"),
            // A (its CIN plan ends the day the CP plan starts) of A, B and C.
            "Feb 2025 1 3 33.3".to_owned(),
            format!("Mar 2025 0 0 {NO_VALUE}"),
        ]
    );

    let cla = table_rows(html, "cla_starts_from_cp_or_cin-table");
    assert_eq!(cla.len(), 24);
    assert_eq!(cla[22], "Feb 2025 0 0 0");
    // D (CP plan) and F (CIN plan) of D, E (UASC) and F; G only moved placement.
    assert_eq!(cla[23], "Mar 2025 2 3 2");
    assert_eq!(
        breakdown_rows(html, "cla_starts_from_cp_or_cin"),
        [
            "Children starting care 3",
            "From a CP plan 1",
            "From a CIN plan 1",
            "From neither 1",
            "UASC starting care 1",
            "Children starting care, excluding UASC 2",
            "From a CP or CIN plan, excluding UASC 2",
        ]
    );
    assert!(
        section(html, "cla_starts_from_cp_or_cin").contains("Breakdown for March 2025"),
        "the breakdown is for the latest month"
    );

    let fsm = table_rows(html, "fsm_open_children-table");
    assert_eq!(fsm.len(), 24);
    assert_eq!(
        fsm[20..],
        [
            format!("Dec 2024 0 {NO_DENOMINATOR} 0"),
            // 31 January: H. 28 February: A (twice, counted once) and I. 31 March: A.
            format!("Jan 2025 1 {NO_DENOMINATOR} 1"),
            format!("Feb 2025 2 {NO_DENOMINATOR} 2"),
            format!("Mar 2025 1 {NO_DENOMINATOR} 1"),
        ]
    );
}

#[tokio::test]
async fn each_measure_has_its_quadrant_definition_setting_and_a_labelled_chart() {
    let app = council_app().await;
    let html = get(&app.router, "/measures").await.body;
    for def in metrics::SEED_MEASURES.map(|id| metrics::indicator(id).unwrap()) {
        let s = section(&html, def.id);
        assert!(s.contains(def.title), "{}", def.id);
        assert!(s.contains(def.quadrant.label()), "{}", def.id);
        assert!(s.contains(def.definition), "{}", def.id);
        assert!(s.contains(r#"role="img""#), "{}", def.id);
        assert!(
            s.contains(&format!(
                r#"<table class="govuk-table app-series" id="{}-table">"#,
                def.id
            )),
            "{}",
            def.id
        );
        assert!(s.contains("<caption"), "{}", def.id);
        assert!(s.contains(r#"<th scope="col""#), "{}", def.id);
        assert!(s.contains(r#"<th scope="row""#), "{}", def.id);
    }
    let cp = section(&html, "cp_starts_from_cin_pct");
    assert!(cp.contains("CIN plan look-back: 0 days"));
    assert!(cp.contains("class=\"chart chart-line\""));
    // 33.3% on the 0–100 axis: 40 + 240 × (1 − 0.333…) = 200. February 2025 is the 23rd of 24
    // bands of 20 from x = 60, centred at 510.
    assert!(cp.contains(
        r#"<circle class="marker" cx="510" cy="200" r="4"><title>Feb 2025: 33.3%</title></circle>"#
    ));
    let cla = section(&html, "cla_starts_from_cp_or_cin");
    assert!(cla.contains("Plan look-back before care: 0 days"));
    assert!(cla.contains("class=\"chart chart-bar\""));
    // Highest count 2: axis 0–2, so March's 2 reaches the top of the plot (y = 40).
    assert!(cla.contains(r#"<rect class="bar" x="523" y="40" width="14" height="240"><title>Mar 2025: 2</title></rect>"#));
    assert!(section(&html, "fsm_open_children").contains("None: this measure has no settings."));
}

#[tokio::test]
async fn no_child_id_and_no_inline_script_or_style_reach_the_page() {
    let app = council_app().await;
    let html = get(&app.router, "/measures").await.body;
    for id in IDS {
        assert!(!html.contains(id), "{id} is on the page");
    }
    assert!(!html.contains("HBRCHILD"));
    assert!(
        !html.contains("web-tests"),
        "the loader's name is not shown"
    );
    // The one script is the server's own file; none is inline.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script type=\"module\" src=\"/assets/app.js\"></script>"));
    assert!(!html.contains("style="), "the CSP refuses inline styles");
    assert!(!html.contains("<style"));
    for src in html.match_indices("src=\"").map(|(i, _)| &html[i + 5..]) {
        assert!(src.starts_with('/'), "nothing is loaded from elsewhere");
    }
    for url in html.match_indices("href=\"").map(|(i, _)| &html[i + 6..]) {
        assert!(
            url.starts_with('/') || url.starts_with('#'),
            "external link: {}",
            &url[..url.find('"').unwrap()]
        );
    }
}

#[tokio::test]
async fn the_settings_in_force_change_the_figures_and_are_shown() {
    let settings = Settings {
        cin_lookback_days: 19,
        ..Settings::default()
    };
    let app = app(None, settings, Some(2025)).await;
    let html = get(&app.router, "/measures").await.body;
    // C's CIN plan ended on 1 February, 19 days before its CP plan started on 20 February.
    assert_eq!(
        table_rows(&html, "cp_starts_from_cin_pct-table")[22],
        "Feb 2025 2 3 66.7"
    );
    assert!(html.contains("CIN plan look-back: 19 days"));
}

#[tokio::test]
async fn a_configured_reporting_date_ends_the_last_month_early() {
    let app = app(Some(d("2025-02-15")), Settings::default(), Some(2025)).await;
    let html = get(&app.router, "/measures").await.body;
    assert!(html.contains("Monthly figures from March 2023 to February 2025, to the reporting date of 15 February 2025."));
    assert!(html.contains("The reporting date is the reporting date set for this server."));
    let cp = table_rows(&html, "cp_starts_from_cin_pct-table");
    assert_eq!(cp.len(), 24);
    assert_eq!(cp[0], format!("Mar 2023 0 0 {NO_VALUE}"));
    // A (10 February) and B (14 February) started by the 15th; C (20 February) did not.
    assert_eq!(cp[23], "Feb 2025 (to 15 Feb) 1 2 50.0");
    // On 15 February H is still open and A has started.
    assert_eq!(
        table_rows(&html, "fsm_open_children-table")[23],
        format!("Feb 2025 (to 15 Feb) 2 {NO_DENOMINATOR} 2")
    );
}

#[tokio::test]
async fn without_a_collection_year_the_page_runs_to_today() {
    let app = app(None, Settings::default(), None).await;
    let html = get(&app.router, "/measures").await.body;
    let today = jiff::Zoned::now().date();
    assert!(html.contains("today, because no loaded file names its collection year"));
    let rows = table_rows(&html, "cp_starts_from_cin_pct-table");
    assert_eq!(rows.len(), 24);
    assert!(
        rows[23].starts_with(&today.strftime("%b %Y").to_string()),
        "{}",
        rows[23]
    );
}

#[tokio::test]
async fn an_empty_store_gets_a_page_saying_how_to_load_data() {
    let (store, _dir) = empty_store().await;
    let router = signed_in_router(state(store, None, Settings::default())).await;
    let page = get(&router, "/measures").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("There is no data in the store yet"));
    assert!(page.body.contains("<code>harbour load DIR</code>"));
    assert!(!page.body.contains("<svg"));
    assert!(!page.body.contains("<table"));
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn a_store_whose_loads_brought_nothing_counts_as_empty() {
    let (store, _dir) = empty_store().await;
    load(&store, Dataset::default(), Some(2025)).await;
    let router = signed_in_router(state(store, None, Settings::default())).await;
    assert!(
        get(&router, "/measures")
            .await
            .body
            .contains("There is no data in the store yet")
    );
}

fn assert_security_headers(reply: &Reply, what: &str) {
    let h = &reply.headers;
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.starts_with("default-src 'self'"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{what}");
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{what}");
    assert!(h.contains_key(header::CACHE_CONTROL), "{what}");
}

#[tokio::test]
async fn every_response_has_the_security_headers_and_pages_are_not_stored() {
    let app = council_app().await;
    for path in ["/", "/measures", "/healthz", "/no/such/page/HBRCHILD-A"] {
        let reply = get(&app.router, path).await;
        assert_security_headers(&reply, path);
        assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store", "{path}");
    }
    for path in ["/assets/app.css", "/assets/favicon.svg"] {
        let reply = get(&app.router, path).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_security_headers(&reply, path);
        assert_eq!(reply.headers[header::CACHE_CONTROL], "public, max-age=300");
    }
    let reply = request(&app.router, Method::POST, "/").await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_security_headers(&reply, "POST /");
}

#[tokio::test]
async fn health_check_assets_and_a_missing_page() {
    let app = council_app().await;
    let health = get(&app.router, "/healthz").await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok")
    );

    let css = get(&app.router, "/assets/app.css").await;
    assert_eq!(css.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(css.body.contains(".app-measure {"));
    assert!(
        css.body
            .contains(".chart .series-1 .line { stroke: #0072b2; }")
    );

    let icon = get(&app.router, "/assets/favicon.svg").await;
    assert_eq!(icon.headers[header::CONTENT_TYPE], "image/svg+xml");

    let missing = get(&app.router, "/no/such/page/HBRCHILD-A").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page not found"));
    assert!(!missing.body.contains("HBRCHILD"), "the path is not echoed");
}

#[tokio::test]
async fn a_failing_store_gives_a_plain_error_page() {
    let app = council_app().await;
    // A closed pool makes every read fail.
    app.store.close().await;
    let page = get(&app.router, "/measures").await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        page.body
            .contains("Sorry, there is a problem with the service")
    );
    assert!(
        !page.body.contains("harbour.db"),
        "no internals on the page"
    );
    assert!(!page.body.contains("pool"), "no internals on the page");
    assert_security_headers(&page, "error page");
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
}

/// The real server over TCP: a plain HTTP/1.1 request, then a graceful shutdown.
#[tokio::test]
async fn the_server_answers_over_tcp_and_shuts_down_gracefully() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (store, _dir) = empty_store().await;
    load(&store, council(), Some(2025)).await;
    let cookie = analyst_cookie(&store).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::serve_with_shutdown(
        listener,
        state(store, None, Settings::default()),
        async {
            let _ = stopped.await;
        },
    ));

    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET /measures HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    );
    conn.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await.unwrap();
    let raw = String::from_utf8(raw).unwrap();
    assert!(
        raw.starts_with("HTTP/1.1 200 OK\r\n"),
        "{}",
        &raw[..raw.len().min(200)]
    );
    let lower = raw.to_ascii_lowercase();
    assert!(lower.contains("\r\nx-frame-options: deny\r\n"));
    assert!(lower.contains("\r\ncache-control: no-store\r\n"));
    assert!(raw.contains("Feb 2025"));

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "the listener is closed after shutdown"
    );
}

/// With a population table in the store, the page lists the rates per 10,000 children over the
/// 12 months to the reporting date, with the population's vintage; without one, it says so.
#[tokio::test]
async fn rates_per_10000_use_the_stored_population_table() {
    let without = council_app().await;
    let html = get(&without.router, "/measures").await.body;
    assert!(html.contains("No population table is loaded"));

    let app = council_app().await;
    load(
        &app.store,
        Dataset {
            population: vec![PopulationEstimate {
                area: "E1".into(),
                year: 2024,
                children_0_17: 20_000,
                vintage: "Synthetic test estimate".into(),
            }],
            ..Dataset::default()
        },
        Some(2025),
    )
    .await;
    let html = get(&app.router, "/measures").await.body;
    assert!(html.contains("The 12 months from 1 April 2024 to 31 March 2025"));
    assert!(html.contains("20000 children aged 0 to 17 (E1; Synthetic test estimate)"));
    let rows = table_rows(&html, "rates-table");
    // Referrals: A, B, C, D and F. Starting care: D, E, F and G (May 2024). Looked after on
    // 31 March 2025: D, E, F and G.
    for row in [
        "Referrals per 10,000 children 5 2.5",
        "Children starting to be looked after per 10,000 children 4 2.0",
        "Children looked after per 10,000 children 4 2.0",
    ] {
        assert!(rows.iter().any(|r| r == row), "{row} not in {rows:?}");
    }
}
