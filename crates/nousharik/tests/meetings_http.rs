//! HTTP tests of the meetings module on the demo data: listing, registration (twice refused),
//! forbidden check-in, check-in by a forged, a real and a reused code, post-test, certificate
//! PDF and its public verification, a non-attendee refused a certificate; the iCal feed parsed
//! back by the `icalendar` parser; the dashboard's figures checked against the demo programme.

use nousharik::meetings::model::{
    CertificateCriteria, EventDraft, EventKind, FormQuestion, Mode, RegistrationPolicy,
};
use nousharik::meetings::store::{self, Placement};
use nousharik::platform::db::Db;
use nousharik::platform::now;
use nousharik::platform::testing::{self, TestApp, TestResponse};

fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..start + 64].to_owned()
}

async fn log_in(app: &mut TestApp, email: &str, password: &str) {
    app.clear_cookies();
    app.set_cookie("lang", "fr");
    let csrf = csrf_of(&app.get("/account/login").await.text());
    let r = app
        .post_form(
            "/account/login",
            &[
                ("csrf", &csrf),
                ("email", email),
                ("password", password),
                ("next", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "log-in of {email}: {}", r.text());
    app.set_cookie("lang", "fr");
}

async fn post(
    app: &mut TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let html = app.get(page).await.text();
    let csrf = csrf_of(&html);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(action, &all).await
}

const CITIZEN: (&str, &str) = ("citizen.tanger@demo.nousharik.ma", "demo-citizen-2026");
const LARACHE: (&str, &str) = ("citizen.larache@demo.nousharik.ma", "demo-citizen-2026");
const STAFF: (&str, &str) = ("staff.tanger@demo.nousharik.ma", "demo-staff-2026");

async fn soon_training(db: &Db) -> i64 {
    let org: i64 = db
        .query_scalar("SELECT id FROM organisations WHERE code = 'council-tanger'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let ter: i64 = db
        .query_scalar("SELECT id FROM territories WHERE code = 'commune-tanger'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let t = now();
    let d = EventDraft {
        kind: EventKind::TrainingSession,
        title: "Formation test <script>alert(1)</script>".into(),
        description: String::new(),
        agenda: String::new(),
        speakers: String::new(),
        programme: None,
        starts_at: t + 3600,
        ends_at: t + 5 * 3600,
        mode: Mode::InPerson {
            address: "Salle".into(),
        },
        capacity: Some(20),
        waitlist_capacity: 0,
        policy: RegistrationPolicy::Open,
        registration_closes_at: t + 1800,
        questions: vec![FormQuestion {
            label: "Organisation".into(),
            required: true,
        }],
        certificate: CertificateCriteria {
            enabled: true,
            requires_post_test: true,
            min_post_score_percent: 50,
        },
    }
    .validate()
    .unwrap();
    let id = store::create_event(
        db,
        Placement {
            organiser_id: org,
            territory_id: ter,
            demo: false,
        },
        &d,
        None,
        t,
    )
    .await
    .unwrap();
    let bank = store::question_bank(db, org).await.unwrap();
    let ids: Vec<i64> = bank.iter().map(|q| q.id).collect();
    assert_eq!(ids.len(), 4, "the demo bank of the Tangier council");
    store::set_event_questions(db, id, &ids, None)
        .await
        .unwrap();
    id
}

async fn demo_app() -> (TestApp, testing::TestDb) {
    let test_db = testing::sqlite().await;
    let app = TestApp::new(test_db.db.clone());
    let state = testing::test_state(test_db.db.clone(), app.data_dir());
    nousharik::territory::store::seed_reference(&test_db.db)
        .await
        .unwrap();
    nousharik::demo::seed(&state).await.unwrap();
    (app, test_db)
}

#[tokio::test]
async fn register_check_in_post_test_certificate_and_forbidden_paths() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let id = soon_training(&db).await;
    let page = format!("/events/{id}");

    // Anonymous: the page shows, escaped; registering sends to log-in.
    app.set_cookie("lang", "fr");
    let r = app.get(&page).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("alert(1)"));
    assert!(!r.text().contains("<script>alert"));
    let r = app.post_form(&format!("{page}/register"), &[]).await;
    assert_ne!(r.status, 200);

    // A citizen registers; a missing required answer is refused with the form refilled.
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", " "), ("actor_type", "citizen")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Répondez aux questions obligatoires"),
        "{}",
        r.text()
    );
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "Nassaim"), ("actor_type", "bogus")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Nassaim"), "answer kept");
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "Nassaim"), ("actor_type", "citizen")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let html = app.get(&page).await.text();
    assert!(
        html.contains("registration-code") && html.contains("<svg"),
        "code and QR shown"
    );
    // Registering twice: refused, translated, nothing lost.
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "X"), ("actor_type", "")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("déjà inscrit"), "{}", r.text());
    let code: String = db
        .query_scalar("SELECT r.code FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.event_id = ? AND u.email = ?")
        .bind(id)
        .bind(CITIZEN.0)
        .fetch_one(db.pool())
        .await
        .unwrap();
    // The post-test is closed before check-in.
    let r = post(
        &mut app,
        &format!("{page}/test/pre"),
        &format!("{page}/test/post"),
        &[("q_0", "1"), ("q_1", "0"), ("q_2", "0"), ("q_3", "0")],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = app.get(&format!("{page}/certificate.pdf")).await;
    assert_eq!(r.status, 409, "no certificate before attending");
    // My registrations.
    assert!(
        app.get("/events/mine")
            .await
            .text()
            .contains("Formation test")
    );

    // Someone who is not staff of the organiser may not check people in.
    log_in(&mut app, LARACHE.0, LARACHE.1).await;
    assert_eq!(app.get(&format!("{page}/check-in")).await.status, 403);
    let csrf = csrf_of(&app.get(&page).await.text());
    let r = app
        .post_form(
            &format!("{page}/check-in"),
            &[("csrf", &csrf), ("code", &code)],
        )
        .await;
    assert_eq!(r.status, 403);
    let r = app
        .post_form(
            &format!("{page}/walk-in"),
            &[("csrf", &csrf), ("name", "Intrus")],
        )
        .await;
    assert_eq!(r.status, 403);
    // This person registers but will not attend.
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "—")],
    )
    .await;
    assert_eq!(r.status, 303);

    // The organiser's staff: forged code, real code (typed loosely), reused code, walk-in.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let checkin = format!("{page}/check-in");
    let mut forged = code.clone().into_bytes();
    forged[3] = if forged[3] == b'7' { b'8' } else { b'7' };
    let forged = String::from_utf8(forged).unwrap();
    let r = post(&mut app, &checkin, &checkin, &[("code", &forged)]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("est pas valide"), "{}", r.text());
    let loose = format!(" {}-{} ", &code[..5].to_lowercase(), &code[5..]);
    let r = post(&mut app, &checkin, &checkin, &[("code", &loose)]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("notice-ok"));
    let r = post(&mut app, &checkin, &checkin, &[("code", &code)]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("déjà enregistrée"));
    let r = post(
        &mut app,
        &checkin,
        &format!("{page}/walk-in"),
        &[
            ("name", "Fatima (sans inscription)"),
            ("sex", "female"),
            ("age_group", "18_35"),
            ("actor_type", "association"),
        ],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Fatima"));
    let r = post(
        &mut app,
        &checkin,
        &format!("{page}/walk-in"),
        &[("name", "  ")],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = post(
        &mut app,
        &checkin,
        &format!("{page}/minutes"),
        &[("body", "Résumé"), ("contributions", "-3")],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = post(
        &mut app,
        &checkin,
        &format!("{page}/minutes"),
        &[("body", "Résumé"), ("contributions", "7")],
    )
    .await;
    assert_eq!(r.status, 200);

    // The attendee fills the post-test and downloads the certificate.
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    let test = format!("{page}/test/post");
    let questions = store::event_questions(&db, id).await.unwrap();
    let right: Vec<String> = questions.iter().map(|q| q.correct.to_string()).collect();
    let r = post(&mut app, &test, &test, &[("q_0", &right[0])]).await;
    assert_eq!(r.status, 422, "unanswered questions refused");
    let r = post(
        &mut app,
        &test,
        &test,
        &[
            ("q_0", &right[0]),
            ("q_1", &right[1]),
            ("q_2", &right[2]),
            ("q_3", &right[3]),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = post(
        &mut app,
        &test,
        &test,
        &[
            ("q_0", &right[0]),
            ("q_1", &right[1]),
            ("q_2", &right[2]),
            ("q_3", &right[3]),
        ],
    )
    .await;
    assert_eq!(r.status, 422, "a second post-test is refused");
    let sat = format!("{page}/satisfaction");
    let r = post(
        &mut app,
        &sat,
        &sat,
        &[
            ("overall", "9"),
            ("content", "4"),
            ("speakers", "4"),
            ("organisation", "4"),
            ("comment", "ok"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains(">ok</textarea>"), "comment kept");
    let r = post(
        &mut app,
        &sat,
        &sat,
        &[
            ("overall", "5"),
            ("content", "4"),
            ("speakers", "4"),
            ("organisation", "4"),
            ("comment", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let r = app.get(&format!("{page}/certificate.pdf")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/pdf"));
    assert!(r.bytes.starts_with(b"%PDF"));
    let cert: String = db
        .query_scalar("SELECT verification_code FROM certificates")
        .fetch_one(db.pool())
        .await
        .unwrap();

    // Anyone can verify it; a made-up code is not found.
    app.clear_cookies();
    app.set_cookie("lang", "fr");
    let r = app.get(&format!("/certificates/verify?code={cert}")).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("authentique") && r.text().contains("Formation test"));
    let r = app.get("/certificates/verify?code=ABCD-EFGH-JKM").await;
    assert_eq!(r.status, 404);
    assert!(r.text().contains("Aucune attestation"));

    // The registered non-attendee gets no certificate.
    log_in(&mut app, LARACHE.0, LARACHE.1).await;
    let r = app.get(&format!("{page}/certificate.pdf")).await;
    assert_eq!(r.status, 409);
    test_db.cleanup().await;
}

#[tokio::test]
async fn calendars_json_and_dashboard_match_the_demo_programme() {
    let (mut app, test_db) = demo_app().await;
    // iCal: parsed back by the icalendar crate's parser.
    let r = app.get("/events.ics").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = r.text();
    let cal: icalendar::Calendar = text.parse().expect("the feed parses");
    let events: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(
        events.len(),
        12,
        "11 events of 2023 and the upcoming training"
    );
    use icalendar::Component;
    let launch = events
        .iter()
        .find(|e| {
            e.get_summary()
                .is_some_and(|s| s.contains("lancement – Larache"))
        })
        .expect("Larache launch meeting");
    // 16 February 2023, 10:00 in Casablanca (UTC+1) = 09:00 UTC.
    assert_eq!(launch.property_value("DTSTART"), Some("20230216T090000Z"));
    assert!(text.contains("BEGIN:VCALENDAR") && text.contains("END:VCALENDAR"));
    // One territory's feed holds only its events (and its subdivisions').
    let r = app.get("/territories/commune-larache/events.ics").await;
    let cal: icalendar::Calendar = r.text().parse().unwrap();
    let n = cal
        .components
        .iter()
        .filter(|c| c.as_event().is_some())
        .count();
    assert_eq!(n, 3, "launch meeting, workshop 2 and training in Larache");
    assert_eq!(app.get("/territories/nowhere/events.ics").await.status, 404);
    let one = app.get("/events/1/event.ics").await;
    let cal: icalendar::Calendar = one.text().parse().unwrap();
    assert_eq!(
        cal.components
            .iter()
            .filter(|c| c.as_event().is_some())
            .count(),
        1
    );

    // JSON.
    let r = app.get("/events.json?programme=Nousharik%202023").await;
    let v: serde_json::Value = serde_json::from_str(&r.text()).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 11);

    // Dashboard of the programme, against the demo table (see src/meetings/demo.rs):
    // 365 walk-ins + 13 attendances of 3 demo accounts.
    app.set_cookie("lang", "en");
    let r = app
        .get("/events/dashboard.csv?programme=Nousharik%202023")
        .await;
    assert_eq!(r.status, 200);
    let csv = r.text();
    let value = |fig: &str, cat: &str| -> String {
        csv.lines()
            .find(|l| l.starts_with(&format!("{fig},{cat},")))
            .unwrap_or_else(|| panic!("{fig},{cat} in {csv}"))
            .rsplit(',')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(value("events_held", ""), "11");
    assert_eq!(value("people_total", ""), "378");
    assert_eq!(value("people_unique", ""), "368");
    assert_eq!(value("unique_by_sex", "female"), "170");
    assert_eq!(value("unique_by_sex", "male"), "198");
    assert_eq!(value("unique_by_age_group", "18_35"), "109");
    assert_eq!(value("unique_by_age_group", "under_18"), "53");
    assert_eq!(value("unique_by_age_group", "unknown"), "47");
    assert_eq!(value("tested_people", ""), "72");
    assert_eq!(value("average_gain_percentage_points", ""), "37.15");
    assert_eq!(value("satisfaction_responses", ""), "64");
    assert_eq!(value("satisfaction_average_of_5", ""), "3.95");
    let html = app
        .get("/events/dashboard?programme=Nousharik%202023")
        .await
        .text();
    assert!(html.contains("<svg") && html.contains("378") && html.contains("+37.15"));
    // Per territory: Larache's three events.
    let r = app
        .get("/events/dashboard.csv?territory=commune-larache")
        .await;
    assert!(r.text().contains("events_held,,3"));
    // Arabic page renders right to left with the chart.
    app.set_cookie("lang", "ar");
    let r = app.get("/events/dashboard").await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("dir=\"rtl\""));
    assert_eq!(app.get("/events").await.status, 200);
    assert_eq!(app.get("/events/99999").await.status, 404);
    test_db.cleanup().await;
}

#[tokio::test]
async fn the_reminder_is_mailed_once_the_day_before() {
    use nousharik::meetings::store::NewRegistration;
    use nousharik::platform::ids::UserId;
    use nousharik::platform::mail::{Mailer, read_outbox};
    let (app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let state = testing::test_state(db.clone(), app.data_dir());
    let upcoming: (i64, i64) = {
        let row = db
            .query("SELECT id, starts_at FROM events WHERE programme = 'Nousharik – suivi (démo)'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        use sqlx::Row;
        (row.get(0), row.get(1))
    };
    let user: i64 = db
        .query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(CITIZEN.0)
        .fetch_one(db.pool())
        .await
        .unwrap();
    let new = NewRegistration {
        user: UserId(user),
        name: "Amina".into(),
        answers: vec![String::new()],
        profile: Default::default(),
    };
    store::register(&db, upcoming.0, &new, now()).await.unwrap();
    let mailer = Mailer::new(&state.config.mail, "Nousharik <no-reply@example.org>").unwrap();
    let send = nousharik::meetings::reminders::send_due;
    // Two days before: not yet.
    assert_eq!(
        send(&state, &mailer, upcoming.1 - 2 * 86_400)
            .await
            .unwrap(),
        0
    );
    let day_before = upcoming.1 - 86_400;
    assert_eq!(send(&state, &mailer, day_before).await.unwrap(), 1);
    assert_eq!(send(&state, &mailer, day_before + 60).await.unwrap(), 0);
    let mails: Vec<_> = read_outbox(&app.data_dir().join("mail"))
        .into_iter()
        .filter(|m| m.to == CITIZEN.0)
        .collect();
    assert_eq!(mails.len(), 1);
    test_db.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// The organiser's form: create, edit, materials, cancel; forbidden paths and bad input
// ---------------------------------------------------------------------------------------------

use axum::body::Body;
use axum::http::{Request, header};
use nousharik::meetings::model::form::format_local;

/// The body with apostrophes unescaped, to look for translated messages.
fn unescaped(r: &TestResponse) -> String {
    r.text().replace("&#39;", "'").replace("&quot;", "\"")
}

async fn id_of(db: &Db, table: &str, code: &str) -> i64 {
    db.query_scalar(&format!("SELECT id FROM {table} WHERE code = ?"))
        .bind(code)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

async fn user_id(db: &Db, email: &str) -> i64 {
    db.query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(email)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

async fn audit_count(db: &Db, action: &str, actor: i64) -> i64 {
    db.query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = ?")
        .bind(action)
        .bind(format!("account:{actor}"))
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// A complete, valid event form (a training of the Tangier council two hours from now).
fn event_form(org: i64, bank: &[i64]) -> Vec<(String, String)> {
    let t = now();
    let mut f: Vec<(String, String)> = [
        ("kind", "training_session".to_string()),
        ("organiser", org.to_string()),
        ("territory", "commune-tanger".into()),
        ("programme", "Nousharik 2024".into()),
        ("title", "Atelier <b>budget</b> participatif".into()),
        ("description", "Pour les associations.".into()),
        ("agenda", "Accueil\nCas pratiques".into()),
        ("speakers", "Une formatrice".into()),
        ("starts_at", format_local(t + 2 * 3600)),
        ("ends_at", format_local(t + 6 * 3600)),
        ("mode", "hybrid".into()),
        ("address", "Salle des fêtes".into()),
        ("link", "https://meet.example.org/budget".into()),
        ("capacity", "25".into()),
        ("waitlist", "5".into()),
        ("policy", "open".into()),
        ("closes_at", String::new()),
        ("question_0", "Votre association".into()),
        ("question_0_required", "yes".into()),
        ("certificate", "yes".into()),
        ("requires_post_test", "yes".into()),
        ("min_score", "50".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for q in bank {
        f.push(("test_question".into(), q.to_string()));
    }
    f
}

fn with(form: &[(String, String)], changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut f = form.to_vec();
    for (k, v) in changes {
        match f.iter_mut().find(|(name, _)| name == k) {
            Some(pair) => pair.1 = v.to_string(),
            None => f.push((k.to_string(), v.to_string())),
        }
    }
    f
}

async fn post_owned(
    app: &mut TestApp,
    page: &str,
    action: &str,
    fields: &[(String, String)],
) -> TestResponse {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post(app, page, action, &pairs).await
}

/// Uploads a file with the form of the edit page.
async fn upload(
    app: &mut TestApp,
    event: i64,
    name: &str,
    bytes: &[u8],
    purpose: &str,
) -> TestResponse {
    let html = app.get(&format!("/events/{event}")).await.text();
    let csrf = csrf_of(&html);
    let boundary = "nousharik-test-boundary-7f3a";
    let mut body = Vec::new();
    for (k, v) in [("csrf", csrf.as_str()), ("purpose", purpose)] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("/events/{event}/files"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

fn created_id(r: &TestResponse) -> i64 {
    let loc = r.location().expect("a redirect to the new event");
    let rest = loc.strip_prefix("/events/").expect("an event page");
    rest.split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn the_event_form_creates_edits_uploads_and_cancels_for_the_organiser_only() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let tanger = id_of(&db, "organisations", "council-tanger").await;
    let larache = id_of(&db, "organisations", "council-larache").await;
    let staff = user_id(&db, STAFF.0).await;
    // The Larache citizen becomes staff of the Larache council: staff of another organisation.
    let other_staff = user_id(&db, LARACHE.0).await;
    nousharik::accounts::store::grant_membership(
        &db,
        nousharik::platform::ids::UserId(other_staff),
        nousharik::platform::ids::OrganisationId(larache),
        nousharik::accounts::model::OrgRole::Staff,
        None,
        now(),
    )
    .await
    .unwrap();
    let bank: Vec<i64> = store::question_bank(&db, tanger)
        .await
        .unwrap()
        .iter()
        .map(|q| q.id)
        .collect();
    let good = event_form(tanger, &bank[..2]);
    let upcoming: i64 = db
        .query_scalar("SELECT id FROM events WHERE programme = 'Nousharik – suivi (démo)'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let events_before: i64 = db
        .query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let count_events = || async {
        db.query_scalar::<i64>("SELECT COUNT(*) FROM events")
            .fetch_one(db.pool())
            .await
            .unwrap()
    };

    // Anonymous: no form, no change.
    app.set_cookie("lang", "fr");
    assert_ne!(app.get("/events/new").await.status, 200);
    let pairs: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = app.post_form_csrf("/events/new", &pairs).await;
    assert!(
        r.location().is_none_or(|l| l.starts_with("/account/login")),
        "anonymous sent to log in or refused"
    );
    let r = app
        .post_form_csrf(&format!("/events/{upcoming}/cancel-event"), &[])
        .await;
    assert!(r.location().is_none_or(|l| l.starts_with("/account/login")));
    assert_eq!(count_events().await, events_before);

    // A citizen: forbidden everywhere.
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    assert!(!app.get("/events").await.text().contains("/events/new"));
    assert_eq!(app.get("/events/new").await.status, 403);
    let r = post_owned(&mut app, "/events", "/events/new", &good).await;
    assert_eq!(r.status, 403);
    assert_eq!(
        app.get(&format!("/events/{upcoming}/edit")).await.status,
        403
    );
    let r = post(
        &mut app,
        "/events",
        &format!("/events/{upcoming}/cancel-event"),
        &[],
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        upload(&mut app, upcoming, "a.pdf", b"%PDF-1.4", "material")
            .await
            .status,
        403
    );

    // Staff of another organisation: may create for Larache, not for Tangier, nor touch
    // Tangier's events.
    log_in(&mut app, LARACHE.0, LARACHE.1).await;
    let r = app.get("/events/new").await;
    assert_eq!(r.status, 200);
    assert!(!r.text().contains(&format!("<option value=\"{tanger}\"")));
    let r = post_owned(&mut app, "/events/new", "/events/new", &good).await;
    assert_eq!(r.status, 403, "organiser forged to Tangier");
    assert_eq!(
        app.get(&format!("/events/{upcoming}/edit")).await.status,
        403
    );
    let r = post_owned(
        &mut app,
        "/events/new",
        &format!("/events/{upcoming}/edit"),
        &good,
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post(
        &mut app,
        "/events",
        &format!("/events/{upcoming}/cancel-event"),
        &[],
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        upload(&mut app, upcoming, "a.pdf", b"%PDF-1.4", "material")
            .await
            .status,
        403
    );
    assert_eq!(count_events().await, events_before);
    assert_eq!(
        audit_count(&db, "meetings.event_cancel", other_staff).await,
        0
    );

    // The organiser's staff: each bad field refused, translated, with what was typed kept.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    assert!(
        app.get("/events")
            .await
            .text()
            .contains("href=\"/events/new\"")
    );
    let t = now();
    let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
        (
            vec![("ends_at", format_local(t + 3600))],
            "La fin doit être après le début.",
        ),
        (
            vec![("mode", "online".into()), ("link", String::new())],
            "Indiquez le lien en ligne.",
        ),
        (
            vec![("link", "javascript:alert(1)".into())],
            "Le lien doit commencer par http:// ou https://.",
        ),
        (
            vec![("capacity", "0".into())],
            "Le nombre de places doit être un entier de 1 à 100 000.",
        ),
        (
            vec![("capacity", "-5".into())],
            "Le nombre de places doit être un entier de 1 à 100 000.",
        ),
        (
            vec![("territory", "nowhere".into())],
            "Choisissez un territoire dans la liste.",
        ),
        (
            vec![("starts_at", "demain matin".into())],
            "Indiquez une date et une heure",
        ),
        (
            vec![("closes_at", format_local(t + 3 * 3600))],
            "L'inscription doit se clore avant le début.",
        ),
        (vec![("title", "   ".into())], "Donnez un titre"),
        (
            vec![("organiser", String::new())],
            "Choisissez l'organisateur dans la liste.",
        ),
    ];
    for (changes, message) in cases {
        let changes: Vec<(&str, &str)> = changes.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let bad = with(&good, &changes);
        let r = post_owned(&mut app, "/events/new", "/events/new", &bad).await;
        assert_eq!(r.status, 422, "{changes:?}");
        let body = unescaped(&r);
        assert!(body.contains(message), "{changes:?}: {message} in {body}");
        assert!(body.contains("aria-invalid=\"true\""), "{changes:?}");
        if changes[0].0 != "title" {
            assert!(
                body.contains("Atelier &#60;b&#62;budget") && !body.contains("<b>budget"),
                "title kept, escaped"
            );
        }
        assert!(body.contains("Salle des fêtes") || changes[0].0 == "address");
    }
    assert_eq!(count_events().await, events_before, "nothing stored");

    // A good form creates the event, with its tests from the bank, audited.
    let r = post_owned(&mut app, "/events/new", "/events/new", &good).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = created_id(&r);
    let page = app
        .get(&format!("/events/{id}?done=meetings-notice-event-saved"))
        .await;
    let html = unescaped(&page);
    assert!(html.contains("L'évènement est enregistré."));
    assert!(html.contains("Votre association") && html.contains("Cas pratiques"));
    assert!(html.contains(&format!("/events/{id}/edit")));
    let e = store::event(&db, id).await.unwrap().unwrap();
    assert_eq!(e.organiser_id, tanger);
    assert_eq!(e.draft.capacity, Some(25));
    assert_eq!(e.draft.waitlist_capacity, 5);
    assert_eq!(e.draft.registration_closes_at, e.draft.starts_at);
    assert_eq!(e.draft.mode.link(), Some("https://meet.example.org/budget"));
    let tests: Vec<i64> = store::event_questions(&db, id)
        .await
        .unwrap()
        .iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(tests, bank[..2].to_vec());
    assert_eq!(audit_count(&db, "meetings.event_create", staff).await, 1);

    // Edit: the form is filled with the stored values; bad input refused; a change saved.
    let edit = format!("/events/{id}/edit");
    let r = app.get(&edit).await;
    assert_eq!(r.status, 200);
    assert!(
        r.text()
            .contains(&format!("value=\"{}\"", format_local(e.draft.starts_at)))
    );
    assert!(r.text().contains("value=\"25\""));
    let r = post_owned(&mut app, &edit, &edit, &with(&good, &[("waitlist", "-1")])).await;
    assert_eq!(r.status, 422);
    assert!(unescaped(&r).contains("Les places en liste d'attente"));
    let changed = with(
        &good,
        &[
            ("capacity", "40"),
            ("territory", "commune-larache"),
            ("mode", "in_person"),
        ],
    );
    let changed: Vec<(String, String)> = changed
        .into_iter()
        .filter(|(k, _)| k != "test_question")
        .chain([("test_question".to_string(), bank[3].to_string())])
        .collect();
    let r = post_owned(&mut app, &edit, &edit, &changed).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let e = store::event(&db, id).await.unwrap().unwrap();
    assert_eq!(e.draft.capacity, Some(40));
    assert_eq!(e.territory_code, "commune-larache");
    assert_eq!(e.draft.mode.link(), None);
    assert_eq!(
        store::event_questions(&db, id).await.unwrap()[0].id,
        bank[3]
    );
    assert_eq!(audit_count(&db, "meetings.event_update", staff).await, 1);

    // Materials: type and size checked, then downloadable from the event page.
    let pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".to_vec();
    let r = upload(&mut app, id, "Programme de l'atelier.pdf", &pdf, "material").await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = upload(&mut app, id, "setup.exe", b"MZ\x90\x00", "material").await;
    assert_eq!(r.status, 422);
    assert!(unescaped(&r).contains("Ce type de fichier n'est pas accepté"));
    let r = upload(&mut app, id, "faux.pdf", b"MZ\x90\x00", "minutes").await;
    assert_eq!(r.status, 422);
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let r = upload(&mut app, id, "gros.txt", &big, "material").await;
    assert_eq!(r.status, 413);
    assert!(unescaped(&r).contains("Le fichier est trop volumineux"));
    let r = upload(
        &mut app,
        id,
        "liste.txt",
        "Présents : 12".as_bytes(),
        "minutes",
    )
    .await;
    assert_eq!(r.status, 303);
    let files = store::files(&db, id).await.unwrap();
    assert_eq!(files.len(), 2, "only the two good files");
    assert_eq!(audit_count(&db, "meetings.file_add", staff).await, 2);
    app.clear_cookies();
    app.set_cookie("lang", "fr");
    let html = app.get(&format!("/events/{id}")).await.text();
    assert!(html.contains(&format!("/events/{id}/files/{}", files[0].id)));
    assert!(html.contains(&format!("/events/{id}/files/{}", files[1].id)));
    let r = app
        .get(&format!("/events/{id}/files/{}", files[0].id))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/pdf"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert!(
        r.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(&r.bytes[..], pdf.as_slice());
    assert_eq!(
        app.get(&format!("/events/{upcoming}/files/{}", files[0].id))
            .await
            .status,
        404,
        "a file is only reachable through its own event"
    );

    // Cancel: audited, then nobody registers and the form is closed.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let r = post(&mut app, &edit, &format!("/events/{id}/cancel-event"), &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(audit_count(&db, "meetings.event_cancel", staff).await, 1);
    let r = post(&mut app, &edit, &format!("/events/{id}/cancel-event"), &[]).await;
    assert_eq!(r.status, 409);
    let r = post_owned(&mut app, &edit, &edit, &good).await;
    assert_eq!(r.status, 409);
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    let page = format!("/events/{id}");
    assert!(unescaped(&app.get(&page).await).contains("Annulé"));
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "Nassaim")],
    )
    .await;
    assert_eq!(r.status, 422, "no registration for a cancelled event");
    assert!(unescaped(&r).contains("Cet évènement a été annulé."));
    test_db.cleanup().await;
}

#[tokio::test]
async fn over_capacity_and_after_closing_are_refused_with_a_message() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let tanger = id_of(&db, "organisations", "council-tanger").await;
    let t = now();
    log_in(&mut app, STAFF.0, STAFF.1).await;
    // One place, no waiting list.
    let one_place = with(
        &event_form(tanger, &[]),
        &[("capacity", "1"), ("waitlist", "0")],
    );
    let r = post_owned(&mut app, "/events/new", "/events/new", &one_place).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let full = created_id(&r);
    // Registration closed a minute ago (the event itself starts later).
    let a_minute_ago = format_local(t - 60);
    let closed = with(
        &event_form(tanger, &[]),
        &[("closes_at", a_minute_ago.as_str())],
    );
    let r = post_owned(&mut app, "/events/new", "/events/new", &closed).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let late = created_id(&r);

    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    let page = format!("/events/{full}");
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "A")],
    )
    .await;
    assert_eq!(r.status, 303);
    let page = format!("/events/{late}");
    let html = unescaped(&app.get(&page).await);
    assert!(!html.contains("register-button"), "no form after closing");
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "A")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(unescaped(&r).contains("Les inscriptions sont closes"));

    log_in(&mut app, LARACHE.0, LARACHE.1).await;
    let page = format!("/events/{full}");
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "Kept answer")],
    )
    .await;
    assert_eq!(r.status, 422);
    let body = unescaped(&r);
    assert!(body.contains("L'évènement est complet"), "{body}");
    let n: i64 = db
        .query_scalar("SELECT COUNT(*) FROM registrations WHERE event_id = ?")
        .bind(full)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(n, 1, "nothing stored for the refused person");
    test_db.cleanup().await;
}

#[tokio::test]
async fn the_question_bank_grows_from_a_page_for_the_organiser_only() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let tanger = id_of(&db, "organisations", "council-tanger").await;
    let staff = user_id(&db, STAFF.0).await;
    let bank_size = || async {
        db.query_scalar::<i64>("SELECT COUNT(*) FROM test_questions WHERE organiser_id = ?")
            .bind(tanger)
            .fetch_one(db.pool())
            .await
            .unwrap()
    };
    let before = bank_size().await;
    let org = tanger.to_string();
    let good: Vec<(&str, &str)> = vec![
        ("organiser", &org),
        ("prompt", "Combien de membres compte le bureau ?"),
        ("choice_0", "3"),
        ("choice_1", ""),
        ("choice_2", "7"),
        ("correct", "2"),
    ];

    // Anonymous and a citizen: refused.
    app.set_cookie("lang", "fr");
    assert_ne!(app.get("/events/questions").await.status, 200);
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    assert_eq!(app.get("/events/questions").await.status, 403);
    let r = post(&mut app, "/events", "/events/questions", &good).await;
    assert_eq!(r.status, 403);
    assert_eq!(bank_size().await, before);

    // The organiser's staff: bad input refused with the typed text kept.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let page = "/events/questions";
    let r = app.get(page).await;
    assert_eq!(r.status, 200);
    assert!(
        r.text().contains("Qui décide de la recevabilité"),
        "the demo bank listed"
    );
    for (changes, message) in [
        (vec![("prompt", "  ")], "Écrivez la question"),
        (
            vec![("choice_2", ""), ("correct", "0")],
            "Donnez de 2 à 6 choix",
        ),
        (vec![("correct", "1")], "Cochez le choix rempli"),
        (vec![("correct", "")], "Cochez le choix rempli"),
        (vec![("organiser", "")], "Choisissez l'organisateur"),
    ] {
        let mut bad = good.clone();
        for (k, v) in &changes {
            bad.retain(|(name, _)| name != k);
            bad.push((*k, *v));
        }
        let r = post(&mut app, page, page, &bad).await;
        assert_eq!(r.status, 422, "{changes:?}");
        let body = unescaped(&r);
        assert!(body.contains(message), "{changes:?}: {body}");
        if changes[0].0 != "prompt" {
            assert!(
                body.contains("Combien de membres compte le bureau ?"),
                "prompt kept"
            );
        }
    }
    assert_eq!(bank_size().await, before, "nothing stored");
    // The right answer is counted among the filled-in choices (the blank row is dropped).
    let r = post(&mut app, page, page, &good).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(bank_size().await, before + 1);
    let added = store::question_bank(&db, tanger)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(added.choices, vec!["3".to_string(), "7".to_string()]);
    assert_eq!(added.correct, 1);
    assert_eq!(audit_count(&db, "meetings.question_add", staff).await, 1);
    // It is offered on the event form.
    assert!(
        app.get("/events/new")
            .await
            .text()
            .contains("Combien de membres compte le bureau ?")
    );
    test_db.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// Invitations, and the mails of a cancelled event and of a freed place
// ---------------------------------------------------------------------------------------------

const ASSOCIATION: (&str, &str) = ("association@demo.nousharik.ma", "demo-assoc-2026");

/// Text without Fluent's bidi isolation marks around its arguments.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

fn outbox(app: &TestApp) -> Vec<nousharik::platform::mail::StoredMail> {
    nousharik::platform::mail::read_outbox(&app.data_dir().join("mail"))
}

fn mails_to(app: &TestApp, to: &str) -> Vec<nousharik::platform::mail::StoredMail> {
    outbox(app).into_iter().filter(|m| m.to == to).collect()
}

async fn count(db: &Db, sql: &str, id: i64) -> i64 {
    db.query_scalar(sql)
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// The Larache citizen becomes staff of the Larache council (staff of another organisation).
async fn larache_staff(db: &Db) -> i64 {
    let larache = id_of(db, "organisations", "council-larache").await;
    let other = user_id(db, LARACHE.0).await;
    nousharik::accounts::store::grant_membership(
        db,
        nousharik::platform::ids::UserId(other),
        nousharik::platform::ids::OrganisationId(larache),
        nousharik::accounts::model::OrgRole::Staff,
        None,
        now(),
    )
    .await
    .unwrap();
    other
}

#[tokio::test]
async fn invitations_are_sent_from_a_page_and_only_the_invited_may_register() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let tanger = id_of(&db, "organisations", "council-tanger").await;
    let staff = user_id(&db, STAFF.0).await;
    larache_staff(&db).await;

    // The organiser's staff create an event on invitation, and an open one.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let form = with(
        &event_form(tanger, &[]),
        &[("policy", "invitation"), ("title", "Réunion du forum")],
    );
    let r = post_owned(&mut app, "/events/new", "/events/new", &form).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let event = created_id(&r);
    let r = post_owned(
        &mut app,
        "/events/new",
        "/events/new",
        &event_form(tanger, &[]),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let open_event = created_id(&r);
    let invitations = format!("/events/{event}/invitations");
    let html = app.get(&format!("/events/{event}")).await.text();
    assert!(html.contains(&invitations), "a link from the event page");
    let dbr = &db;
    let invitations_of = move |id: i64| async move {
        count(
            dbr,
            "SELECT COUNT(*) FROM event_invitations WHERE event_id = ?",
            id,
        )
        .await
    };

    // Anonymous: sent to log in, nothing stored.
    app.clear_cookies();
    app.set_cookie("lang", "fr");
    let r = app.get(&invitations).await;
    assert!(
        r.location()
            .is_some_and(|l| l.starts_with("/account/login"))
    );
    let r = app
        .post_form_csrf(&invitations, &[("addresses", CITIZEN.0)])
        .await;
    assert!(r.location().is_none_or(|l| l.starts_with("/account/login")));
    assert_ne!(r.status, 200);
    // A citizen and the staff of another organisation: 403.
    for (email, password) in [CITIZEN, LARACHE] {
        log_in(&mut app, email, password).await;
        assert_eq!(app.get(&invitations).await.status, 403, "{email}");
        let r = post(
            &mut app,
            &format!("/events/{event}"),
            &invitations,
            &[("addresses", CITIZEN.0)],
        )
        .await;
        assert_eq!(r.status, 403, "{email}");
    }
    assert_eq!(invitations_of(event).await, 0);
    assert!(outbox(&app).is_empty());

    // The organiser: nothing typed is refused with a message.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let r = app.get(&invitations).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("id=\"addresses\""));
    let r = post(
        &mut app,
        &invitations,
        &invitations,
        &[("addresses", " \n ")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(unescaped(&r).contains("Indiquez au moins une adresse"));
    // Two accounts, a malformed line, an address with no account, a repeat: the two accounts
    // are invited; the two other lines are named and kept in the box.
    let typed = format!(
        "{}\nnot an address\n  nobody@example.org\nASSOCIATION@demo.nousharik.ma\n{}",
        CITIZEN.0, CITIZEN.0
    );
    let r = post(
        &mut app,
        &invitations,
        &invitations,
        &[("addresses", &typed)],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.text());
    let body = plain(&unescaped(&r));
    assert!(body.contains("2 invitations envoyées"), "{body}");
    assert!(body.contains("ne sont pas des adresses"), "{body}");
    assert!(
        body.contains("Aucun compte n'utilise ces adresses"),
        "{body}"
    );
    let malformed = &body[body.find("id=\"invite-malformed\"").unwrap()..];
    assert!(malformed[..malformed.find("</ul>").unwrap()].contains("not an address"));
    let unknown = &body[body.find("id=\"invite-unknown\"").unwrap()..];
    assert!(unknown[..unknown.find("</ul>").unwrap()].contains("nobody@example.org"));
    let textarea = &body[body.find("id=\"addresses\"").unwrap()..];
    let textarea = &textarea[..textarea.find("</textarea>").unwrap()];
    assert!(
        textarea.contains("not an address\nnobody@example.org"),
        "{textarea}"
    );
    assert!(
        !textarea.contains(CITIZEN.0),
        "the invited are not left in the box"
    );
    assert_eq!(invitations_of(event).await, 2);
    assert_eq!(audit_count(&db, "meetings.invite", staff).await, 2);
    // Each invited person has a mail in their language with the title, the date and the link.
    let link = format!("/events/{event}");
    let ar = mails_to(&app, CITIZEN.0);
    assert_eq!(ar.len(), 1);
    assert!(ar[0].subject.contains("دعوة") && ar[0].subject.contains("Réunion du forum"));
    assert!(
        ar[0].text.lines().any(|l| l.ends_with(&link)),
        "{}",
        ar[0].text
    );
    assert!(ar[0].text.contains("يبدأ في"));
    let fr = mails_to(&app, ASSOCIATION.0);
    assert_eq!(fr.len(), 1);
    assert!(fr[0].subject.starts_with("Invitation"), "{}", fr[0].subject);
    assert!(fr[0].text.contains("Bonjour") && fr[0].text.contains("Réunion du forum"));
    // Inviting again is harmless: one invitation each, no second audit entry; the mail is sent
    // again (the person may have lost it).
    let r = post(
        &mut app,
        &invitations,
        &invitations,
        &[("addresses", CITIZEN.0)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = plain(&unescaped(&app.get(r.location().unwrap()).await));
    assert!(page.contains("Une invitation envoyée"), "{page}");
    assert_eq!(invitations_of(event).await, 2);
    assert_eq!(audit_count(&db, "meetings.invite", staff).await, 2);
    assert_eq!(mails_to(&app, CITIZEN.0).len(), 2);
    // The list shows both, not registered yet.
    assert_eq!(page.matches("Pas encore inscrite").count(), 2, "{page}");

    // Not an event on invitation: no form, and a forged post is refused.
    let r = app.get(&format!("/events/{open_event}/invitations")).await;
    assert_eq!(r.status, 200);
    assert!(!r.text().contains("id=\"addresses\""));
    let r = post(
        &mut app,
        &format!("/events/{open_event}/invitations"),
        &format!("/events/{open_event}/invitations"),
        &[("addresses", CITIZEN.0)],
    )
    .await;
    assert_eq!(r.status, 409);
    assert_eq!(invitations_of(open_event).await, 0);

    // Someone not invited sees no form and is refused a forged registration.
    let page = format!("/events/{event}");
    log_in(&mut app, LARACHE.0, LARACHE.1).await;
    let html = app.get(&page).await.text();
    assert!(html.contains("not-invited") && !html.contains("register-button"));
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "Kept answer")],
    )
    .await;
    assert_eq!(r.status, 422);
    let body = unescaped(&r);
    assert!(body.contains("sur invitation seulement"), "{body}");
    assert!(!body.contains("register-button"), "still no form to send");
    // An invited person registers; the list shows it.
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    let html = app.get(&page).await.text();
    assert!(html.contains("register-button"));
    let r = post(
        &mut app,
        &page,
        &format!("{page}/register"),
        &[("answer_0", "Nassaim")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM registrations WHERE event_id = ? AND status = 'confirmed'",
            event
        )
        .await,
        1
    );
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let list = unescaped(&app.get(&invitations).await);
    assert_eq!(
        list.matches("data-status=\"confirmed\"").count(),
        1,
        "{list}"
    );
    assert_eq!(list.matches("data-status=\"none\"").count(), 1, "{list}");
    test_db.cleanup().await;
}

#[tokio::test]
async fn freed_places_and_a_cancelled_event_are_mailed_in_each_language() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let tanger = id_of(&db, "organisations", "council-tanger").await;
    let staff = user_id(&db, STAFF.0).await;
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let form = with(
        &event_form(tanger, &[]),
        &[
            ("capacity", "1"),
            ("waitlist", "5"),
            ("title", "Atelier des places"),
        ],
    );
    let r = post_owned(&mut app, "/events/new", "/events/new", &form).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let event = created_id(&r);
    let page = format!("/events/{event}");
    // One place: the Tangier citizen has it, Larache and the association wait, in that order.
    for (email, password) in [CITIZEN, LARACHE, ASSOCIATION] {
        log_in(&mut app, email, password).await;
        let r = post(
            &mut app,
            &page,
            &format!("{page}/register"),
            &[("answer_0", "A")],
        )
        .await;
        assert_eq!(r.status, 303, "{email}: {}", r.text());
    }
    assert!(outbox(&app).is_empty());
    let code_of = |email: &'static str| {
        let db = db.clone();
        async move {
            let code: String = db
                .query_scalar(
                    "SELECT r.code FROM registrations r JOIN users u ON u.id = r.user_id \
                     WHERE r.event_id = ? AND u.email = ?",
                )
                .bind(event)
                .bind(email)
                .fetch_one(db.pool())
                .await
                .unwrap();
            nousharik::meetings::model::code::Code::parse(&code)
                .unwrap()
                .to_string()
        }
    };

    // She cancels: the first in line gets the place and a mail (Tamazight) with his code.
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    let r = post(&mut app, &page, &format!("{page}/cancel"), &[]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let status: String = db
        .query_scalar(
            "SELECT r.status FROM registrations r JOIN users u ON u.id = r.user_id \
             WHERE r.event_id = ? AND u.email = ?",
        )
        .bind(event)
        .bind(LARACHE.0)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(status, "confirmed");
    let promoted = mails_to(&app, LARACHE.0);
    assert_eq!(promoted.len(), 1);
    assert!(
        promoted[0].subject.contains("ⴰⴷⵖⴰⵔ") && promoted[0].subject.contains("Atelier des places"),
        "{}",
        promoted[0].subject
    );
    let code = code_of(LARACHE.0).await;
    assert!(
        promoted[0].text.contains(&code),
        "{code} in {}",
        promoted[0].text
    );
    assert!(promoted[0].text.lines().any(|l| l.ends_with(&page)));
    assert!(
        mails_to(&app, ASSOCIATION.0).is_empty(),
        "still waiting: no mail"
    );
    assert!(mails_to(&app, CITIZEN.0).is_empty());

    // The staff open a second place with the form: the association moves up and is told, in
    // French, with its code.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let two = with(&form, &[("capacity", "2")]);
    let r = post_owned(
        &mut app,
        &format!("{page}/edit"),
        &format!("{page}/edit"),
        &two,
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let fr = mails_to(&app, ASSOCIATION.0);
    assert_eq!(fr.len(), 1);
    assert!(
        fr[0].subject.starts_with("Vous avez une place"),
        "{}",
        fr[0].subject
    );
    assert!(fr[0].text.contains(&code_of(ASSOCIATION.0).await));

    // The staff cancel the event: both registered people (Tamazight, French) hear of it; the
    // person who had cancelled does not.
    let r = post(
        &mut app,
        &format!("{page}/edit"),
        &format!("{page}/cancel-event"),
        &[],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(audit_count(&db, "meetings.event_cancel", staff).await, 1);
    let zgh = mails_to(&app, LARACHE.0);
    assert_eq!(zgh.len(), 2);
    assert!(
        zgh.iter().any(|m| m.subject.starts_with("ⵉⵜⵜⵓⵙⵙⵔ")),
        "{zgh:?}"
    );
    let fr = mails_to(&app, ASSOCIATION.0);
    assert_eq!(fr.len(), 2);
    let cancelled = fr
        .iter()
        .find(|m| m.subject.starts_with("Annulé"))
        .expect("the cancellation mail in French");
    assert!(cancelled.text.contains("Atelier des places") && cancelled.text.contains("annulé"));
    assert!(cancelled.text.lines().any(|l| l.ends_with(&page)));
    assert!(mails_to(&app, CITIZEN.0).is_empty());
    test_db.cleanup().await;
}
