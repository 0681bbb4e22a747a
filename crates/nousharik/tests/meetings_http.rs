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
