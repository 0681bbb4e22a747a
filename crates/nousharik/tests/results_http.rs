//! HTTP tests of the results framework on the demo data: the public list, dashboard, JSON and
//! CSV; who may manage (forbidden paths for anonymous visitors, citizens and the staff of
//! another organisation); building a framework as staff; bad input refused with a translated
//! message and what was typed kept (value not a number, negative target, unknown query,
//! forbidden or oversized evidence file), with nothing stored.

use axum::body::Body;
use axum::http::{Request, header};
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

const ADMIN: (&str, &str) = ("admin@demo.nousharik.ma", "demo-admin-2026");
const STAFF: (&str, &str) = ("staff.tanger@demo.nousharik.ma", "demo-staff-2026");
const CITIZEN: (&str, &str) = ("citizen.tanger@demo.nousharik.ma", "demo-citizen-2026");

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

async fn demo_programme(app: &TestApp) -> i64 {
    app.db()
        .query_scalar("SELECT id FROM results_programmes WHERE programme_key = 'Nousharik 2023'")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn indicator_id(app: &TestApp, title_start: &str) -> i64 {
    app.db()
        .query_scalar("SELECT id FROM results_indicators WHERE title LIKE ?")
        .bind(format!("{title_start}%"))
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db()
        .query_scalar(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// GETs `page` for a CSRF token, then POSTs the form fields to `action`.
async fn post(
    app: &mut TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let csrf = csrf_of(&app.get(page).await.text());
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(action, &all).await
}

/// A multipart POST of text fields and one file part `file`.
async fn post_multipart(
    app: &mut TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> TestResponse {
    let csrf = csrf_of(&app.get(page).await.text());
    let boundary = "nkBoundary7MA4YWxk";
    let mut body: Vec<u8> = Vec::new();
    let mut text = |name: &str, value: &str| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    };
    text("csrf", &csrf);
    for (k, v) in fields {
        text(k, v);
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::post(action)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn public_dashboard_and_exports_show_the_demo_programme() {
    let (mut app, test_db) = demo_app().await;
    let p = demo_programme(&app).await;
    app.set_cookie("lang", "fr");
    let r = app.get("/results").await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains(&format!("/results/programmes/{p}")));
    assert!(
        r.text().contains(r#"href="/results" aria-current="page""#),
        "in the navigation"
    );
    let r = app.get(&format!("/results/programmes/{p}")).await;
    assert_eq!(r.status, 200);
    let html = r.text();
    for text in [
        "Sessions de formation tenues",
        "Calculé : personnes formées, par sexe",
        "<meter",
        "chart-table",
        "Femmes",
    ] {
        assert!(html.contains(text), "{text}");
    }
    assert!(
        !html.contains("Gérer le cadre"),
        "no management link for visitors"
    );
    // Arabic page: right to left.
    app.set_cookie("lang", "ar");
    let html = app.get(&format!("/results/programmes/{p}")).await.text();
    assert!(html.contains(r#"dir="rtl""#) && html.contains("التقدم نحو الهدف"));

    // JSON: the trainings indicator has the demo's three trainings, target 9.
    let r = app.get(&format!("/results/programmes/{p}.json")).await;
    assert_eq!(r.status, 200);
    let json: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    let indicators = json["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 16);
    let trainings = indicators
        .iter()
        .find(|i| i["source"]["query"] == "trainings_held")
        .unwrap();
    assert_eq!(trainings["current"], 3);
    assert_eq!(trainings["target"], 9);
    assert_eq!(trainings["progress"]["permille"], 333);
    let cell = indicators
        .iter()
        .find(|i| {
            i["title"]
                .as_str()
                .unwrap()
                .starts_with("Cellule de coordination")
        })
        .unwrap();
    assert_eq!(cell["current"], 1);
    assert_eq!(cell["progress"]["reached"], true);
    assert_eq!(json["objectives"].as_array().unwrap().len(), 3);

    // CSV: a header and one row per indicator, parsed back.
    let r = app.get(&format!("/results/programmes/{p}.csv")).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(r.bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 16);
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = rows
        .iter()
        .find(|r| &r[col("query")] == "trainings_held")
        .unwrap();
    assert_eq!((&row[col("current")], &row[col("target")]), ("3", "9"));
    let row = rows
        .iter()
        .find(|r| &r[col("query")] == "people_trained_by_sex")
        .unwrap();
    assert!(row[col("breakdown")].starts_with("female="));

    // The demo evidence file is served as a download.
    let value: i64 = count(&app, "SELECT id FROM results_values").await;
    let r = app
        .get(&format!("/results/programmes/{p}/values/{value}/evidence"))
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.bytes, nousharik::results::demo::CELL_EVIDENCE.as_bytes());
    // Unknown files and programmes are 404.
    for path in [
        format!("/results/programmes/{p}.xml"),
        "/results/programmes/abc".to_string(),
        "/results/programmes/999".to_string(),
        format!("/results/programmes/{p}/values/999/evidence"),
    ] {
        assert_eq!(app.get(&path).await.status, 404, "{path}");
    }
    drop(app);
    test_db.cleanup().await;
}

#[tokio::test]
async fn only_the_programmes_staff_and_admins_manage_it() {
    let (mut app, test_db) = demo_app().await;
    let p = demo_programme(&app).await;
    let ind = indicator_id(&app, "Stratégies de participation").await;
    let manage = format!("/results/programmes/{p}/manage");
    // Anonymous: sent to log in.
    let r = app.get(&manage).await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap().starts_with("/account/login"));
    let audit_before = count(&app, "SELECT COUNT(*) FROM audit_log").await;
    // A citizen and the Tangier staff (not staff of the regional council) are refused.
    for who in [CITIZEN, STAFF] {
        log_in(&mut app, who.0, who.1).await;
        assert_eq!(app.get(&manage).await.status, 403, "{}", who.0);
        assert_eq!(
            app.get(&format!("/results/programmes/{p}/edit"))
                .await
                .status,
            403
        );
        let r = post(
            &mut app,
            "/results",
            &format!("/results/programmes/{p}/nodes"),
            &[
                ("level", "objective"),
                ("parent", &p.to_string()),
                ("title", "Objectif pirate"),
            ],
        )
        .await;
        assert_eq!(r.status, 403, "{}", who.0);
        let r = post_multipart(
            &mut app,
            "/results",
            &format!("/results/programmes/{p}/indicators/{ind}/values"),
            &[
                ("measured_on", "2023-12-31"),
                ("value", "3"),
                ("evidence_url", "https://example.org/x"),
            ],
            None,
        )
        .await;
        assert_eq!(r.status, 403, "{}", who.0);
        let html = app
            .get(&format!("/results/programmes/{p}/indicators/{ind}"))
            .await
            .text();
        assert!(
            !html.contains("Saisir une valeur"),
            "no value form for {}",
            who.0
        );
    }
    // A citizen cannot start a programme, not even for an organisation they name.
    log_in(&mut app, CITIZEN.0, CITIZEN.1).await;
    assert_eq!(app.get("/results/new").await.status, 403);
    let region_council: i64 = count(
        &app,
        "SELECT id FROM organisations WHERE code = 'council-region'",
    )
    .await;
    let r = post(
        &mut app,
        "/results",
        "/results/programmes",
        &[
            ("organisation", &region_council.to_string()),
            ("key", "Pirate"),
            ("title", "Pirate"),
            ("starts_on", "2024-01-01"),
            ("ends_on", "2024-12-31"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log").await,
        audit_before
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM results_values").await, 1);

    // The admin manages the regional programme.
    log_in(&mut app, ADMIN.0, ADMIN.1).await;
    let html = app.get(&manage).await.text();
    assert!(html.contains("Ajouter un objectif"));
    let r = post(
        &mut app,
        &manage,
        &format!("/results/programmes/{p}/nodes"),
        &[
            ("level", "objective"),
            ("parent", &p.to_string()),
            ("title", "Objectif 4 : pérennité"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert!(
        app.get(&manage)
            .await
            .text()
            .contains("Objectif 4 : pérennité")
    );

    // The Tangier staff starts a programme of the Tangier council — not of the region's.
    log_in(&mut app, STAFF.0, STAFF.1).await;
    let html = app.get("/results/new").await.text();
    assert!(html.contains("Commune de Tanger") || html.contains("Tanger"));
    assert!(!html.contains(&format!(r#"value="{region_council}""#)));
    let r = post(
        &mut app,
        "/results/new",
        "/results/programmes",
        &[
            ("organisation", &region_council.to_string()),
            ("key", "Région 2024"),
            ("title", "Programme"),
            ("starts_on", "2024-01-01"),
            ("ends_on", "2024-12-31"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);
    let tangier_council: i64 = count(
        &app,
        "SELECT id FROM organisations WHERE code = 'council-tanger'",
    )
    .await;
    let r = post(
        &mut app,
        "/results/new",
        "/results/programmes",
        &[
            ("organisation", &tangier_council.to_string()),
            ("key", "Tanger 2024"),
            ("title", "Programme de Tanger"),
            ("starts_on", "2024-01-01"),
            ("ends_on", "2024-12-31"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let created = r.location().unwrap().to_string();
    assert!(app.get(&created).await.status == 200);
    let audited = count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'results.programme.create' AND actor LIKE 'account:%'").await;
    assert_eq!(audited, 1);
    drop(app);
    test_db.cleanup().await;
}

#[tokio::test]
async fn bad_input_is_refused_with_a_message_and_what_was_typed() {
    let (mut app, test_db) = demo_app().await;
    let p = demo_programme(&app).await;
    log_in(&mut app, ADMIN.0, ADMIN.1).await;
    let result: i64 = count(&app, "SELECT MIN(id) FROM results_expected").await;
    let form_page = format!("/results/programmes/{p}/results/{result}/indicators");
    let indicators_before = count(&app, "SELECT COUNT(*) FROM results_indicators").await;

    // Negative target, baseline not a number, unknown query: all reported, typed text kept.
    let r = post(
        &mut app,
        &form_page,
        &form_page,
        &[
            ("title", "Femmes élues formées"),
            ("unit", "personnes"),
            ("baseline", "douze"),
            ("target", "-5"),
            ("source", "drop_table_users"),
            ("note", ""),
            ("activity", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let html = r.text();
    for text in [
        "Saisissez un nombre entier",
        "Le nombre ne peut pas être négatif.",
        "Choisissez « saisi à la main » ou l&#39;un des chiffres calculés",
        r#"value="Femmes élues formées""#,
        r#"value="douze""#,
        r#"value="-5""#,
        r#"aria-invalid="true""#,
    ] {
        assert!(html.contains(text), "{text} in {html}");
    }
    // An activity of another result is refused too.
    let foreign_activity: i64 = count(&app, "SELECT MAX(id) FROM results_activities").await;
    let r = post(
        &mut app,
        &form_page,
        &form_page,
        &[
            ("title", "x"),
            ("unit", "x"),
            ("baseline", "0"),
            ("target", "1"),
            ("source", "manual"),
            ("activity", &foreign_activity.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Choisissez l&#39;une des activités"));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM results_indicators").await,
        indicators_before
    );
    // A valid computed indicator is added.
    let r = post(
        &mut app,
        &form_page,
        &form_page,
        &[
            ("title", "Bulletins du budget participatif"),
            ("unit", "bulletins"),
            ("baseline", "0"),
            ("target", "١٢٠٠"),
            ("source", "pb_ballots_cast"),
            ("activity", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let target: i64 = count(
        &app,
        "SELECT target FROM results_indicators WHERE title = 'Bulletins du budget participatif'",
    )
    .await;
    assert_eq!(target, 1200, "Arabic-Indic digits are read");

    // Values of a manual indicator.
    let ind = indicator_id(&app, "Stratégies de participation").await;
    let page = format!("/results/programmes/{p}/indicators/{ind}");
    let action = format!("{page}/values");
    let values_before = count(&app, "SELECT COUNT(*) FROM results_values").await;
    let r = post_multipart(
        &mut app,
        &page,
        &action,
        &[
            ("measured_on", "2023-12-20"),
            ("value", "trois"),
            ("note", "Délibérations de Larache et Tanger"),
            ("evidence_url", "https://example.org/pv.pdf"),
        ],
        None,
    )
    .await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("Saisissez un nombre entier"));
    assert!(html.contains(r#"value="trois""#));
    assert!(html.contains("Délibérations de Larache et Tanger"));
    // Forbidden file types, disguised or not, and an oversized file.
    let big = {
        let mut b = b"%PDF-1.7\n".to_vec();
        b.resize(
            nousharik::results::model::evidence::MAX_FILE_BYTES + 10,
            b' ',
        );
        b
    };
    for (name, bytes, message) in [
        (
            "virus.exe",
            b"MZ\x90\x00".as_slice(),
            "Ce type de fichier n&#39;est pas accepté",
        ),
        (
            "pv.pdf",
            b"<html><script>alert(1)</script>".as_slice(),
            "Ce type de fichier n&#39;est pas accepté",
        ),
        ("pv.pdf", big.as_slice(), "Le fichier est trop volumineux."),
    ] {
        let r = post_multipart(
            &mut app,
            &page,
            &action,
            &[
                ("measured_on", "2023-12-20"),
                ("value", "2"),
                ("note", ""),
                ("evidence_url", ""),
            ],
            Some((name, bytes)),
        )
        .await;
        assert_eq!(r.status, 422, "{name}");
        let html = r.text();
        assert!(html.contains(message), "{name}: {message}");
        assert!(
            html.contains(r#"value="2""#),
            "{name}: the value typed is kept"
        );
    }
    // No evidence at all, a bad date, a javascript: link.
    let r = post_multipart(
        &mut app,
        &page,
        &action,
        &[
            ("measured_on", "31/12/2023"),
            ("value", "2"),
            ("evidence_url", "javascript:alert(1)"),
        ],
        None,
    )
    .await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("Saisissez une date au format AAAA-MM-JJ."));
    assert!(html.contains("Le lien doit commencer par http://"));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM results_values").await,
        values_before
    );
    // A computed indicator takes no value.
    let computed = indicator_id(&app, "Sessions de formation tenues").await;
    let r = post_multipart(
        &mut app,
        &page,
        &format!("/results/programmes/{p}/indicators/{computed}/values"),
        &[
            ("measured_on", "2023-12-20"),
            ("value", "2"),
            ("evidence_url", "https://example.org/"),
        ],
        None,
    )
    .await;
    assert_eq!(r.status, 409);
    // A valid value with a PDF: stored, shown, downloadable, audited.
    let pdf = b"%PDF-1.4\n% demo\n";
    let r = post_multipart(
        &mut app,
        &page,
        &action,
        &[
            ("measured_on", "2023-12-20"),
            ("value", "2"),
            ("note", "Larache, Tanger"),
            ("evidence_url", ""),
        ],
        Some(("délibération 2023.pdf", pdf.as_slice())),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let html = r.text();
    assert!(html.contains("La valeur est enregistrée."));
    assert!(html.contains("délibération 2023.pdf"));
    let value: i64 = count(&app, "SELECT MAX(id) FROM results_values").await;
    let r = app
        .get(&format!("/results/programmes/{p}/values/{value}/evidence"))
        .await;
    assert_eq!(r.header("content-type"), Some("application/pdf"));
    assert_eq!(r.bytes, pdf);
    let audit: String = app
        .db()
        .query_scalar("SELECT details FROM audit_log WHERE action = 'results.value.add' ORDER BY id DESC LIMIT 1")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert!(
        audit.contains("\"bytes\":") && audit.contains("application/pdf"),
        "{audit}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &app.get(&format!("/results/programmes/{p}.json"))
            .await
            .bytes,
    )
    .unwrap();
    let strategies = json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ind)
        .unwrap();
    assert_eq!(strategies["current"], 2);

    // Programme form: period upside down, duplicate key.
    let edit = format!("/results/programmes/{p}/edit");
    let r = post(
        &mut app,
        &edit,
        &edit,
        &[
            ("key", "Nousharik 2023"),
            ("title", "Nousharik"),
            ("starts_on", "2023-12-31"),
            ("ends_on", "2023-01-01"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("Le dernier jour ne peut pas précéder le premier.")
    );
    // Empty title of a new objective: refused on the management page, nothing added.
    let manage = format!("/results/programmes/{p}/manage");
    let objectives = count(&app, "SELECT COUNT(*) FROM results_objectives").await;
    let r = post(
        &mut app,
        &manage,
        &format!("/results/programmes/{p}/nodes"),
        &[
            ("level", "objective"),
            ("parent", &p.to_string()),
            ("title", "   "),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Ce champ est obligatoire."));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM results_objectives").await,
        objectives
    );
    drop(app);
    test_db.cleanup().await;
}
