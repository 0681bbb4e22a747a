//! HTTP tests of the OGP module on the demo data: public pages, JSON and CSV checked against
//! the demo; the report page and its PDFs; a self-assessment and a civil-society review with
//! their forbidden paths; bad input refused with a translated message keeping what was typed
//! (rating outside the scale, association not in the forum, update to a closed plan, evidence
//! of a forbidden type or too large), never a 500; evidence files served back.

use axum::body::Body;
use axum::http::{Request, header};
use nousharik::accounts::model::{DisplayName, Email, Language, OrgRole};
use nousharik::accounts::store as accounts;
use nousharik::ogp::model::evidence::MAX_FILE_BYTES;
use nousharik::platform::db::Db;
use nousharik::platform::ids::OrganisationId;
use nousharik::platform::testing::{self, TestApp, TestResponse};

const STAFF: (&str, &str) = ("staff.region@demo.nousharik.ma", "demo-staff-2026");
const REPRESENTATIVE: (&str, &str) = ("association@demo.nousharik.ma", "demo-assoc-2026");
const CITIZEN: (&str, &str) = ("citizen.tanger@demo.nousharik.ma", "demo-citizen-2026");
const ADMIN: (&str, &str) = ("admin@demo.nousharik.ma", "demo-admin-2026");

fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..start + 64].to_owned()
}

async fn log_in(app: &mut TestApp, (email, password): (&str, &str)) {
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

async fn id_of(db: &Db, sql: &str, bind: &str) -> i64 {
    db.query_scalar(sql)
        .bind(bind.to_string())
        .fetch_one(db.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql} {bind}: {e}"))
}

async fn commitment(db: &Db, code: &str) -> i64 {
    id_of(db, "SELECT id FROM ogp_commitments WHERE code = ?", code).await
}

async fn count(db: &Db, sql: &str) -> i64 {
    db.query_scalar(sql).fetch_one(db.pool()).await.unwrap()
}

async fn post_with_csrf(
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

/// POSTs the update form as a browser does (text fields first, then the file).
async fn post_update(
    app: &mut TestApp,
    commitment: i64,
    body_text: &str,
    link: &str,
    file: Option<(&str, &[u8])>,
) -> TestResponse {
    let page = format!("/ogp/commitments/{commitment}");
    let csrf = csrf_of(&app.get(&page).await.text());
    let boundary = "XogpX";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf.as_str()), ("body", body_text), ("link", link)] {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    let (name, bytes) = file.unwrap_or(("", b""));
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("{page}/updates"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn public_pages_json_csv_and_report_match_the_demo() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    app.set_cookie("lang", "fr");
    let r = app.get("/ogp").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(
        html.contains("Plan d&#39;action OGP Local 2025–2026")
            || html.contains("Plan d'action OGP Local 2025–2026")
    );
    assert!(html.contains("Démo"), "demo plans are marked");
    assert!(html.contains(r#"href="/ogp""#), "OGP is in the navigation");

    let plan = id_of(
        &db,
        "SELECT plan_id FROM ogp_commitments WHERE code = ?",
        "TTA-01",
    )
    .await;
    let r = app.get(&format!("/ogp/plans/{plan}")).await;
    assert_eq!(r.status, 200);
    let html = r.text();
    for code in ["TTA-01", "TTA-02", "TTA-03", "TTA-04"] {
        assert!(html.contains(code), "{code}");
    }
    // TTA-03 (last update March 2026) and TTA-04 (never updated) are overdue.
    assert!(
        html.contains("engagements n&#39;ont fait l&#39;objet")
            || html.contains("engagements n'ont fait l'objet"),
        "overdue count"
    );

    // JSON: every OGP field, the flag, the forum.
    let r = app.get(&format!("/ogp/plans/{plan}.json")).await;
    assert_eq!(r.status, 200);
    let j: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    assert_eq!(j["demo"], true);
    assert_eq!(j["status"], "open");
    assert_eq!(j["forum"].as_array().unwrap().len(), 4);
    let cs = j["commitments"].as_array().unwrap();
    assert_eq!(cs.len(), 4);
    let by_code = |code: &str| cs.iter().find(|c| c["code"] == code).unwrap().clone();
    let c1 = by_code("TTA-01");
    for key in [
        "title",
        "problem",
        "status_quo",
        "action",
        "how_it_solves",
        "lead_institution",
        "supporting_institutions",
        "starts_on",
        "ends_on",
    ] {
        assert!(c1[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    assert_eq!(
        c1["ogp_values"],
        serde_json::json!(["access_to_information", "technology_innovation"])
    );
    assert_eq!(c1["self_assessment"]["completion"], "substantial");
    assert_eq!(c1["reviews"][0]["completion"], "limited");
    assert_eq!(c1["milestones"].as_array().unwrap().len(), 4);
    assert_eq!(c1["indicators"][0]["values"].as_array().unwrap().len(), 2);
    assert_eq!(by_code("TTA-03")["update_overdue"], true);
    assert_eq!(by_code("TTA-04")["update_overdue"], true);
    assert!(by_code("TTA-04")["self_assessment"].is_null());
    assert_eq!(app.get("/ogp/plans/999999.json").await.status, 404);
    assert_eq!(app.get("/ogp/plans/abc").await.status, 404);

    // CSV: one row per rating, one for each unrated commitment.
    let r = app.get("/ogp/commitments.csv").await;
    assert_eq!(r.status, 200);
    let mut reader = csv::Reader::from_reader(r.bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|x| x.unwrap()).collect();
    let ratings = count(&db, "SELECT COUNT(*) FROM ogp_assessments").await
        + count(&db, "SELECT COUNT(*) FROM ogp_reviews").await;
    let unrated = count(
        &db,
        "SELECT COUNT(*) FROM ogp_commitments c WHERE NOT EXISTS (SELECT 1 FROM ogp_assessments a \
         WHERE a.commitment_id = c.id) AND NOT EXISTS (SELECT 1 FROM ogp_reviews r WHERE r.commitment_id = c.id)",
    )
    .await;
    assert_eq!(rows.len() as i64, ratings + unrated);
    assert_eq!((ratings, unrated), (6, 1), "the demo's ratings");
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert!(rows.iter().any(|r| &r[col("code")] == "TTA-01"
        && &r[col("rated_by")] == "civil_society_review"
        && &r[col("completion")] == "limited"));

    // The report page has the three charts and the PDFs exist in both languages.
    let r = app.get(&format!("/ogp/plans/{plan}/report")).await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert_eq!(html.matches("<svg").count(), 3, "three charts");
    assert!(html.contains("Réalisation par valeur OGP"));
    assert!(
        html.contains("diffère de l&#39;auto-évaluation")
            || html.contains("diffère de l'auto-évaluation")
    );
    for lang in ["ar", "fr"] {
        let r = app
            .get(&format!("/ogp/plans/{plan}/report.pdf?lang={lang}"))
            .await;
        assert_eq!(r.status, 200, "{lang}");
        assert!(r.bytes.starts_with(b"%PDF-"));
        assert_eq!(r.header("content-type"), Some("application/pdf"));
    }
    let r = app
        .get(&format!("/ogp/plans/{plan}/report.pdf?lang=de"))
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("arabe (ar) et en français (fr)"));
    test_db.cleanup().await;
}

#[tokio::test]
async fn self_assessment_and_review_with_their_forbidden_paths() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let c4 = commitment(&db, "TTA-04").await;
    let page = format!("/ogp/commitments/{c4}");
    let assess = format!("{page}/assessment");
    let fields = [
        ("completion", "limited"),
        ("potential", "modest"),
        ("relevant_values", "civic_participation"),
        ("narrative", "Deux sessions de formation tenues"),
        ("evidence_link", "https://example.org/pv"),
    ];

    // Anonymous: sent to log in; citizen, administrator, association: 403. Nothing recorded.
    app.clear_cookies();
    let token = app.csrf_token().await;
    let mut with_token = vec![("csrf", token.as_str())];
    with_token.extend_from_slice(&fields);
    let r = app.post_form(&assess, &with_token).await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap().starts_with("/account/login"));
    for who in [CITIZEN, ADMIN, REPRESENTATIVE] {
        log_in(&mut app, who).await;
        let r = post_with_csrf(&mut app, &page, &assess, &fields).await;
        assert_eq!(r.status, 403, "{}", who.0);
    }
    let assessed = "SELECT COUNT(*) FROM ogp_assessments";
    assert_eq!(count(&db, assessed).await, 4);

    // The regional staff: a value outside the scale is refused, what was typed is kept.
    log_in(&mut app, STAFF).await;
    let html = app.get(&page).await.text();
    assert!(
        html.contains("Enregistrer l&#39;auto-évaluation")
            || html.contains("Enregistrer l'auto-évaluation")
    );
    let mut bad = fields;
    bad[0] = ("completion", "excellent");
    let r = post_with_csrf(&mut app, &page, &assess, &bad).await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(
        html.contains("Réalisation — choisissez une valeur de la liste."),
        "{html}"
    );
    assert!(
        html.contains("Deux sessions de formation tenues"),
        "narrative kept"
    );
    assert!(
        html.contains(r#"value="civic_participation" checked"#),
        "ticks kept"
    );
    assert_eq!(count(&db, assessed).await, 4);
    let mut bad = fields;
    bad[1] = ("potential", "transformative");
    let r = post_with_csrf(&mut app, &page, &assess, &bad).await;
    assert_eq!(r.status, 422);
    // Then recorded and audited.
    let r = post_with_csrf(&mut app, &page, &assess, &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(count(&db, assessed).await, 5);
    let staff_id = id_of(&db, "SELECT id FROM users WHERE email = ?", STAFF.0).await;
    let actor: String = db
        .query_scalar(
            "SELECT actor FROM audit_log WHERE action = 'ogp.assessment' ORDER BY id DESC LIMIT 1",
        )
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(actor, format!("account:{staff_id}"));
    let html = app.get(&page).await.text();
    assert!(html.contains("Deux sessions de formation tenues"));

    // Review by the representative of a forum member: recorded, shown beside the assessment.
    log_in(&mut app, REPRESENTATIVE).await;
    let nassaim = id_of(
        &db,
        "SELECT id FROM organisations WHERE code = ?",
        "assoc-nassaim",
    )
    .await
    .to_string();
    let review = format!("{page}/reviews");
    let r = post_with_csrf(
        &mut app,
        &page,
        &review,
        &[
            ("association", &nassaim),
            ("completion", "not_started"),
            ("potential", "modest"),
            ("narrative", "Aucune session ouverte aux jeunes de Nador"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let html = app.get(&page).await.text();
    assert!(html.contains("Aucune session ouverte aux jeunes de Nador"));
    assert!(
        html.contains("diffère de l&#39;auto-évaluation")
            || html.contains("diffère de l'auto-évaluation"),
        "disagreement shown"
    );
    // For an association one does not represent: 403.
    let tifawin = id_of(
        &db,
        "SELECT id FROM organisations WHERE code = ?",
        "assoc-tifawin-femmes",
    )
    .await
    .to_string();
    let r = post_with_csrf(
        &mut app,
        &page,
        &review,
        &[
            ("association", &tifawin),
            ("completion", "limited"),
            ("potential", "modest"),
            ("narrative", "x"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);

    // The representative of an association outside the forum: a translated refusal, text kept.
    let outside = id_of(
        &db,
        "SELECT id FROM organisations WHERE code = ?",
        "assoc-sabadia-handicap",
    )
    .await;
    let email = Email::parse("sabadia@example.ma").unwrap();
    let phc = nousharik::platform::password::hash("une phrase assez longue").unwrap();
    let name = DisplayName::parse("Rachid Sabadia").unwrap();
    let u = accounts::create_user(
        &db,
        &accounts::NewUser {
            email: &email,
            password_hash: &phc,
            display_name: &name,
            language: Language::Fr,
        },
        0,
    )
    .await
    .unwrap()
    .unwrap();
    accounts::confirm_email(&db, u, 0).await.unwrap();
    accounts::grant_membership(
        &db,
        u,
        OrganisationId(outside),
        OrgRole::AssociationRepresentative,
        None,
        0,
    )
    .await
    .unwrap();
    log_in(&mut app, ("sabadia@example.ma", "une phrase assez longue")).await;
    let before = count(&db, "SELECT COUNT(*) FROM ogp_reviews").await;
    let r = post_with_csrf(
        &mut app,
        &page,
        &review,
        &[
            ("association", &outside.to_string()),
            ("completion", "limited"),
            ("potential", "modest"),
            ("narrative", "Notre avis sur l'accessibilité"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("pas membre du forum multi-acteurs"), "{html}");
    assert!(
        html.contains("Notre avis sur l&#39;accessibilité")
            || html.contains("Notre avis sur l'accessibilité"),
        "text kept"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM ogp_reviews").await, before);
    test_db.cleanup().await;
}

#[tokio::test]
async fn updates_with_evidence_and_every_refusal() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let c4 = commitment(&db, "TTA-04").await;
    let updates = "SELECT COUNT(*) FROM ogp_updates";
    let before = count(&db, updates).await;

    // A citizen may not post an update.
    log_in(&mut app, CITIZEN).await;
    let r = post_update(&mut app, c4, "Faux point", "", None).await;
    assert_eq!(r.status, 403);

    log_in(&mut app, STAFF).await;
    // Forbidden type: refused, text kept.
    let r = post_update(
        &mut app,
        c4,
        "Compte rendu du forum",
        "https://example.org/cr",
        Some(("outil.exe", b"MZ\x90\x00binary")),
    )
    .await;
    assert_eq!(r.status, 415);
    let html = r.text();
    assert!(
        html.contains("Ce type de fichier n&#39;est pas accepté")
            || html.contains("Ce type de fichier n'est pas accepté"),
        "{html}"
    );
    assert!(html.contains("Compte rendu du forum"));
    assert!(html.contains("https://example.org/cr"));
    // A program renamed .pdf is refused too.
    let r = post_update(
        &mut app,
        c4,
        "Compte rendu du forum",
        "",
        Some(("cr.pdf", b"MZ\x90\x00binary")),
    )
    .await;
    assert_eq!(r.status, 415);
    // Too large: refused, text kept.
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(MAX_FILE_BYTES + 1, b'x');
    let r = post_update(
        &mut app,
        c4,
        "Compte rendu volumineux",
        "",
        Some(("cr.pdf", &big)),
    )
    .await;
    assert_eq!(r.status, 413);
    let html = r.text();
    assert!(html.contains("Le fichier est trop volumineux"), "{html}");
    assert!(html.contains("Compte rendu volumineux"));
    // A bad link and an empty text.
    let r = post_update(&mut app, c4, "Avec un lien", "javascript:alert(1)", None).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Avec un lien"));
    let r = post_update(&mut app, c4, "  ", "", None).await;
    assert_eq!(r.status, 422);
    assert_eq!(count(&db, updates).await, before, "nothing saved");

    // Accepted: a PDF and a link; the file is served back as a download.
    let pdf = b"%PDF-1.4\n% compte rendu\n".to_vec();
    let r = post_update(
        &mut app,
        c4,
        "Compte rendu du forum",
        "https://example.org/cr",
        Some(("compte rendu.pdf", &pdf)),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(count(&db, updates).await, before + 1);
    let file: i64 = db
        .query_scalar("SELECT id FROM ogp_evidence WHERE file_name = 'compte rendu.pdf'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let r = app.get(&format!("/ogp/evidence/{file}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.bytes, pdf);
    assert!(
        r.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    let html = app.get(&format!("/ogp/commitments/{c4}")).await.text();
    assert!(
        !html.contains(r#"id="overdue-flag""#),
        "updated today: no longer overdue"
    );

    // The closed 2021–2023 plan refuses updates with a translated message, text kept.
    let old = commitment(&db, "TTA21-01").await;
    let n = count(&db, updates).await;
    let r = post_update(&mut app, old, "Point tardif", "", None).await;
    assert_eq!(r.status, 409);
    let html = r.text();
    assert!(
        html.contains("Ce plan d&#39;action est clos")
            || html.contains("Ce plan d'action est clos"),
        "{html}"
    );
    assert!(html.contains("Point tardif"));
    assert_eq!(count(&db, updates).await, n);
    // And self-assessments.
    let r = post_with_csrf(
        &mut app,
        &format!("/ogp/commitments/{old}"),
        &format!("/ogp/commitments/{old}/assessment"),
        &[
            ("completion", "complete"),
            ("potential", "modest"),
            ("narrative", "Bilan final"),
        ],
    )
    .await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("Bilan final"));
    test_db.cleanup().await;
}

#[tokio::test]
async fn staff_build_a_plan_and_bad_forms_keep_what_was_typed() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let first_entry = count(&db, "SELECT COALESCE(MAX(id), 0) FROM audit_log").await;
    // Only staff of a council (or an administrator) may open the form.
    log_in(&mut app, CITIZEN).await;
    assert_eq!(app.get("/ogp/plans/new").await.status, 403);
    log_in(&mut app, STAFF).await;
    let r = app.get("/ogp/plans/new").await;
    assert_eq!(r.status, 200);
    let council = id_of(
        &db,
        "SELECT id FROM organisations WHERE code = ?",
        "council-region",
    )
    .await
    .to_string();
    let tangier = id_of(
        &db,
        "SELECT id FROM organisations WHERE code = ?",
        "council-tanger",
    )
    .await
    .to_string();
    let plan_fields = |org: &'static str, end: &'static str| {
        vec![
            ("organisation", org),
            ("title", "Plan 2027–2028"),
            ("starts_on", "2027-01-01"),
            ("ends_on", end),
            ("co_creation", "Ateliers"),
            ("participants", "30"),
            ("contributions", "12"),
        ]
    };
    let council: &'static str = council.leak();
    let tangier: &'static str = tangier.leak();
    // Another council: 403.
    let f = plan_fields(tangier, "2028-12-31");
    assert_eq!(
        post_with_csrf(&mut app, "/ogp/plans/new", "/ogp/plans", &f)
            .await
            .status,
        403
    );
    // End before start: 422, typed title kept.
    let f = plan_fields(council, "2026-12-31");
    let r = post_with_csrf(&mut app, "/ogp/plans/new", "/ogp/plans", &f).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("la date de fin précède la date de début"));
    assert!(r.text().contains("Plan 2027–2028"));
    let f = plan_fields(council, "2028-12-31");
    let r = post_with_csrf(&mut app, "/ogp/plans/new", "/ogp/plans", &f).await;
    assert_eq!(r.status, 303);
    let plan_page = r.location().unwrap().to_string();
    let plan: i64 = plan_page.rsplit('/').next().unwrap().parse().unwrap();

    // A commitment without an OGP value is refused, its text kept; then accepted.
    let new = format!("/ogp/plans/{plan}/commitments");
    let mut fields = vec![
        ("code", "NEW-01"),
        ("title", "Registre des subventions"),
        ("problem", "P"),
        ("status_quo", "S"),
        ("action", "A"),
        ("how_it_solves", "H"),
        ("lead_institution", "Conseil"),
        ("starts_on", "2027-01-01"),
        ("ends_on", "2028-06-30"),
    ];
    let r = post_with_csrf(&mut app, &new, &new, &fields).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("cochez au moins une valeur OGP"));
    assert!(r.text().contains("Registre des subventions"));
    fields.push(("values", "public_accountability"));
    fields.push(("values", "access_to_information"));
    let r = post_with_csrf(&mut app, &new, &new, &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    // The same ID twice: 409 with a message.
    let r = post_with_csrf(&mut app, &new, &new, &fields).await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("Cela existe déjà"));

    // Forum: a council is not an association; a real association joins once.
    let forum = format!("/ogp/plans/{plan}/forum");
    let r = post_with_csrf(&mut app, &plan_page, &forum, &[("association", council)]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Choisissez une association du registre"));
    let loukkos = id_of(
        &db,
        "SELECT id FROM organisations WHERE code = ?",
        "assoc-loukkos",
    )
    .await
    .to_string();
    assert_eq!(
        post_with_csrf(&mut app, &plan_page, &forum, &[("association", &loukkos)])
            .await
            .status,
        303
    );

    // Milestone with a bad date; then status with a completion date.
    let c = commitment(&db, "NEW-01").await;
    let cpage = format!("/ogp/commitments/{c}");
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("{cpage}/milestones"),
        &[
            ("kind", "milestone"),
            ("title", "Ouverture du registre"),
            ("responsible", "DSI"),
            ("starts_on", "2027-01-01"),
            ("due_on", "31/06/2027"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Ouverture du registre"));
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("{cpage}/milestones"),
        &[
            ("kind", "milestone"),
            ("title", "Ouverture du registre"),
            ("responsible", "DSI"),
            ("starts_on", "2027-01-01"),
            ("due_on", "2027-06-30"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let m = id_of(
        &db,
        "SELECT id FROM ogp_milestones WHERE title = ?",
        "Ouverture du registre",
    )
    .await;
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("/ogp/milestones/{m}/status"),
        &[("status", "done")],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("/ogp/milestones/{m}/status"),
        &[("status", "completed"), ("completed_on", "2027-06-01")],
    )
    .await;
    assert_eq!(r.status, 303);
    // Indicator and a value.
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("{cpage}/indicators"),
        &[
            ("name", "Subventions publiées"),
            ("unit", "%"),
            ("baseline", "0"),
            ("target", "beaucoup"),
            ("data_source", "Registre"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Subventions publiées"));
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("{cpage}/indicators"),
        &[
            ("name", "Subventions publiées"),
            ("unit", "%"),
            ("baseline", "0"),
            ("target", "100"),
            ("data_source", "Registre"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let i = id_of(
        &db,
        "SELECT id FROM ogp_indicators WHERE name = ?",
        "Subventions publiées",
    )
    .await;
    let r = post_with_csrf(
        &mut app,
        &cpage,
        &format!("/ogp/indicators/{i}/values"),
        &[("measured_on", "2027-12-31"), ("value", "42,5")],
    )
    .await;
    assert_eq!(r.status, 303);
    assert!(app.get(&cpage).await.text().contains("42.5"));

    // Close the plan: later changes are refused.
    let r = post_with_csrf(
        &mut app,
        &plan_page,
        &format!("/ogp/plans/{plan}/close"),
        &[],
    )
    .await;
    assert_eq!(r.status, 303);
    let r = post_with_csrf(&mut app, &plan_page, &forum, &[("association", &loukkos)]).await;
    assert_eq!(r.status, 409);
    let actions: Vec<String> = db
        .query_scalar(
            "SELECT action FROM audit_log WHERE action LIKE 'ogp.%' AND id > ? ORDER BY id",
        )
        .bind(first_entry)
        .fetch_all(db.pool())
        .await
        .unwrap();
    for a in [
        "ogp.plan_create",
        "ogp.commitment_create",
        "ogp.forum_add",
        "ogp.milestone_add",
        "ogp.milestone_status",
        "ogp.indicator_add",
        "ogp.indicator_value",
        "ogp.plan_close",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
    test_db.cleanup().await;
}

const OTHER_COUNCIL_STAFF: (&str, &str) = ("staff.tanger@demo.nousharik.ma", "demo-staff-2026");

/// The newest audit entry of `action`: (actor, details).
async fn last_audit(db: &Db, action: &str) -> (String, serde_json::Value) {
    let (actor, details): (String, String) = db
        .query_as("SELECT actor, details FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1")
        .bind(action.to_string())
        .fetch_one(db.pool())
        .await
        .unwrap_or_else(|e| panic!("no {action} in the audit log: {e}"));
    (actor, serde_json::from_str(&details).unwrap())
}

async fn text_of(db: &Db, sql: &str, id: i64) -> String {
    db.query_scalar(sql)
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// The plan's staff correct a commitment's OGP fields, a milestone and an indicator; a bad
/// value is explained with what was typed kept; nobody else may (anonymous, citizen,
/// association, staff of another council); a closed plan refuses every correction; every
/// correction is audited with its old and new values.
#[tokio::test]
async fn staff_correct_commitments_milestones_and_indicators() {
    let (mut app, test_db) = demo_app().await;
    let db = test_db.db.clone();
    let c1 = commitment(&db, "TTA-01").await;
    let page = format!("/ogp/commitments/{c1}");
    let edit_c = format!("{page}/edit");
    let m: i64 = db
        .query_scalar(
            "SELECT id FROM ogp_milestones WHERE commitment_id = ? AND kind = 'milestone' \
             ORDER BY id LIMIT 1",
        )
        .bind(c1)
        .fetch_one(db.pool())
        .await
        .unwrap();
    let edit_m = format!("/ogp/milestones/{m}/edit");
    let i: i64 = db
        .query_scalar("SELECT id FROM ogp_indicators WHERE commitment_id = ? ORDER BY id LIMIT 1")
        .bind(c1)
        .fetch_one(db.pool())
        .await
        .unwrap();
    let edit_i = format!("/ogp/indicators/{i}/edit");
    let old_title = text_of(&db, "SELECT title FROM ogp_commitments WHERE id = ?", c1).await;
    let old_responsible = text_of(
        &db,
        "SELECT responsible FROM ogp_milestones WHERE id = ?",
        m,
    )
    .await;
    let values_before = count(&db, "SELECT COUNT(*) FROM ogp_indicator_values").await;

    let commitment_fields = |title: &'static str, code: &'static str, ends: &'static str| {
        vec![
            ("code", code),
            ("title", title),
            ("problem", "Les données de la région sont dispersées"),
            ("status_quo", "Quelques fichiers PDF"),
            ("action", "Ouvrir un portail de données"),
            (
                "how_it_solves",
                "Chacun peut trouver et réutiliser les données",
            ),
            ("values", "access_to_information"),
            ("values", "technology_innovation"),
            (
                "lead_institution",
                "Conseil régional, direction des systèmes d'information",
            ),
            ("supporting_institutions", "Associations du forum"),
            ("starts_on", "2025-01-01"),
            ("ends_on", ends),
        ]
    };
    let good_c = commitment_fields(
        "Portail régional de données ouvertes (corrigé)",
        "TTA-01",
        "2026-12-31",
    );
    let good_m = [
        ("title", "Inventaire des données publié"),
        ("responsible", "Direction des systèmes d'information"),
        ("starts_on", "2025-01-15"),
        ("due_on", "2025-09-30"),
        ("status", "in_progress"),
        ("completed_on", ""),
    ];
    let good_i = [
        ("name", "Jeux de données publiés"),
        ("unit", "jeux de données"),
        ("baseline", "3"),
        ("target", "60"),
        ("data_source", "Portail régional, page des statistiques"),
    ];

    // Anonymous: sent to log in, for the pages and the forms.
    app.clear_cookies();
    for path in [&edit_c, &edit_m, &edit_i] {
        let r = app.get(path).await;
        assert_eq!(r.status, 303, "{path}");
        assert!(r.location().unwrap().starts_with("/account/login"));
    }
    let token = app.csrf_token().await;
    let mut with_token = vec![("csrf", token.as_str())];
    with_token.extend_from_slice(&good_m);
    let r = app.post_form(&edit_m, &with_token).await;
    assert_eq!(r.status, 303);
    assert!(r.location().unwrap().starts_with("/account/login"));
    // A citizen, an association's representative, the staff of another council: 403.
    for who in [CITIZEN, REPRESENTATIVE, OTHER_COUNCIL_STAFF] {
        log_in(&mut app, who).await;
        for path in [&edit_c, &edit_m, &edit_i] {
            assert_eq!(app.get(path).await.status, 403, "{} {path}", who.0);
        }
        let html = app.get(&page).await.text();
        assert!(!html.contains(&edit_c), "no edit link for {}", who.0);
        let r = post_with_csrf(&mut app, &page, &edit_c, &good_c).await;
        assert_eq!(r.status, 403, "{}", who.0);
        let r = post_with_csrf(&mut app, &page, &edit_m, &good_m).await;
        assert_eq!(r.status, 403, "{}", who.0);
        let r = post_with_csrf(&mut app, &page, &edit_i, &good_i).await;
        assert_eq!(r.status, 403, "{}", who.0);
    }
    let edits = "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'ogp.%_edit'";
    assert_eq!(count(&db, edits).await, 0, "nothing corrected");
    assert_eq!(
        text_of(&db, "SELECT title FROM ogp_commitments WHERE id = ?", c1).await,
        old_title
    );

    // The regional staff: the links, then the commitment form filled with what is stored.
    log_in(&mut app, STAFF).await;
    let staff_id = id_of(&db, "SELECT id FROM users WHERE email = ?", STAFF.0).await;
    let html = app.get(&page).await.text();
    for link in [&edit_c, &edit_m, &edit_i] {
        assert!(html.contains(&format!("href=\"{link}\"")), "{link} linked");
    }
    let r = app.get(&edit_c).await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains(r#"value="TTA-01""#));
    assert!(html.contains(r#"value="access_to_information" checked"#));
    assert!(html.contains("journal d&#39;audit") || html.contains("journal d'audit"));
    // End before start: 422, explained, what was typed kept, nothing changed.
    let bad = commitment_fields("Titre tapé mais refusé", "TTA-01", "2024-12-31");
    let r = post_with_csrf(&mut app, &edit_c, &edit_c, &bad).await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(
        html.contains("Date de fin — la date de fin précède la date de début."),
        "{html}"
    );
    assert!(html.contains("Titre tapé mais refusé"), "typed title kept");
    assert!(html.contains(r#"value="technology_innovation" checked"#));
    // Another commitment's identifier: 409, explained, typed text kept.
    let bad = commitment_fields("Titre avec un identifiant pris", "TTA-02", "2026-12-31");
    let r = post_with_csrf(&mut app, &edit_c, &edit_c, &bad).await;
    assert_eq!(r.status, 409);
    let html = r.text();
    assert!(html.contains("Cela existe déjà"), "{html}");
    assert!(html.contains("Titre avec un identifiant pris"));
    assert_eq!(count(&db, edits).await, 0, "refusals change nothing");
    // Accepted: stored, shown, audited with the old and new title.
    let r = post_with_csrf(&mut app, &edit_c, &edit_c, &good_c).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), Some(page.as_str()));
    assert!(
        app.get(&page)
            .await
            .text()
            .contains("Portail régional de données ouvertes (corrigé)")
    );
    let (actor, details) = last_audit(&db, "ogp.commitment_edit").await;
    assert_eq!(actor, format!("account:{staff_id}"));
    assert_eq!(
        details["changes"]["title"],
        serde_json::json!([old_title, "Portail régional de données ouvertes (corrigé)"])
    );
    // Saving again without a change writes nothing.
    let r = post_with_csrf(&mut app, &edit_c, &edit_c, &good_c).await;
    assert_eq!(r.status, 303);
    assert_eq!(count(&db, edits).await, 1);

    // The milestone: its form, a completion without its date, then a correction.
    let r = app.get(&edit_m).await;
    assert_eq!(r.status, 200);
    assert!(
        r.text().contains(&old_responsible.replace('\'', "&#39;"))
            || r.text().contains(&old_responsible)
    );
    let mut bad = good_m;
    bad[4] = ("status", "completed");
    let r = post_with_csrf(&mut app, &edit_m, &edit_m, &bad).await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(
        html.contains("Achevé le — écrivez la date sous la forme AAAA-MM-JJ."),
        "{html}"
    );
    assert!(
        html.contains("Direction des systèmes d&#39;information")
            || html.contains("Direction des systèmes d'information"),
        "typed responsible kept"
    );
    let mut bad = good_m;
    bad[4] = ("status", "done");
    assert_eq!(
        post_with_csrf(&mut app, &edit_m, &edit_m, &bad)
            .await
            .status,
        422
    );
    let mut bad = good_m;
    bad[3] = ("due_on", "2024-01-01");
    let r = post_with_csrf(&mut app, &edit_m, &edit_m, &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("la date de fin précède la date de début"));
    assert_eq!(
        text_of(
            &db,
            "SELECT responsible FROM ogp_milestones WHERE id = ?",
            m
        )
        .await,
        old_responsible
    );
    let r = post_with_csrf(&mut app, &edit_m, &edit_m, &good_m).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), Some(format!("{page}#milestones").as_str()));
    let (responsible, due, status): (String, String, String) = db
        .query_as("SELECT responsible, due_on, status FROM ogp_milestones WHERE id = ?")
        .bind(m)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(
        (responsible.as_str(), due.as_str(), status.as_str()),
        (
            "Direction des systèmes d'information",
            "2025-09-30",
            "in_progress"
        )
    );
    let (actor, details) = last_audit(&db, "ogp.milestone_edit").await;
    assert_eq!(actor, format!("account:{staff_id}"));
    assert_eq!(details["milestone"], m);
    assert_eq!(
        details["changes"]["responsible"],
        serde_json::json!([old_responsible, "Direction des systèmes d'information"])
    );

    // The indicator: a target that is not a number, then a correction.
    assert_eq!(app.get(&edit_i).await.status, 200);
    let mut bad = good_i;
    bad[3] = ("target", "beaucoup");
    let r = post_with_csrf(&mut app, &edit_i, &edit_i, &bad).await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("Cible — écrivez un nombre."), "{html}");
    assert!(html.contains("beaucoup"), "typed target kept");
    assert!(html.contains("Portail régional, page des statistiques"));
    let r = post_with_csrf(&mut app, &edit_i, &edit_i, &good_i).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), Some(format!("{page}#indicators").as_str()));
    let (target, source): (f64, String) = db
        .query_as("SELECT target, data_source FROM ogp_indicators WHERE id = ?")
        .bind(i)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(target, 60.0);
    assert_eq!(source, "Portail régional, page des statistiques");
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM ogp_indicator_values").await,
        values_before,
        "measured values kept"
    );
    let (actor, details) = last_audit(&db, "ogp.indicator_edit").await;
    assert_eq!(actor, format!("account:{staff_id}"));
    assert_eq!(details["changes"]["target"][1], "60");
    assert_eq!(count(&db, edits).await, 3);

    // Once the plan is closed every correction is refused with a message, what was typed kept.
    let plan = id_of(
        &db,
        "SELECT plan_id FROM ogp_commitments WHERE code = ?",
        "TTA-01",
    )
    .await;
    let plan_page = format!("/ogp/plans/{plan}");
    let r = post_with_csrf(&mut app, &plan_page, &format!("{plan_page}/close"), &[]).await;
    assert_eq!(r.status, 303);
    let html = app.get(&page).await.text();
    assert!(!html.contains(&edit_c), "no edit link on a closed plan");
    let closed = "ne peuvent plus être modifiés";
    for path in [&edit_c, &edit_m, &edit_i] {
        let r = app.get(path).await;
        assert_eq!(r.status, 409, "{path}");
        let html = r.text();
        assert!(html.contains(closed), "{path}: {html}");
        assert!(
            !html.contains("<form method=\"post\" action=\"/ogp/"),
            "no form"
        );
    }
    let late = commitment_fields("Correction tardive de l'engagement", "TTA-01", "2026-12-31");
    let r = post_with_csrf(&mut app, &plan_page, &edit_c, &late).await;
    assert_eq!(r.status, 409);
    let html = r.text();
    assert!(html.contains(closed), "{html}");
    assert!(
        html.contains("Correction tardive de l&#39;engagement")
            || html.contains("Correction tardive de l'engagement")
    );
    let mut late_m = good_m;
    late_m[0] = ("title", "Jalon corrigé trop tard");
    let r = post_with_csrf(&mut app, &plan_page, &edit_m, &late_m).await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("Jalon corrigé trop tard"));
    let mut late_i = good_i;
    late_i[2] = ("baseline", "7");
    let r = post_with_csrf(&mut app, &plan_page, &edit_i, &late_i).await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains(closed));
    assert_eq!(count(&db, edits).await, 3, "nothing more recorded");
    // Unknown ids: 404.
    assert_eq!(app.get("/ogp/milestones/999999/edit").await.status, 404);
    assert_eq!(app.get("/ogp/indicators/999999/edit").await.status, 404);
    assert_eq!(app.get("/ogp/commitments/999999/edit").await.status, 404);
    nousharik::platform::audit::verify(&db).await.unwrap();
    test_db.cleanup().await;
}
