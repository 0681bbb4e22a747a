//! HTTP tests of the territory administration: every route as anonymous, citizen, staff and
//! administrator (forbidden paths included), bad input (refilled forms with translated
//! messages, escaped script and SQL strings, overlong fields), the CSV import's report and its
//! all-or-nothing rule, and the audit entries of every change.

use axum::body::Body;
use axum::http::{Request, header};
use nousharik::accounts::model::{DisplayName, Email, Language, OrgRole};
use nousharik::accounts::store::{self as accounts, NewUser};
use nousharik::platform::audit;
use nousharik::platform::db::Db;
use nousharik::platform::ids::{OrganisationId, UserId};
use nousharik::platform::testing::{self, TestApp, TestResponse};
use nousharik::territory::{demo, store};

const PASSWORD: &str = "a long enough password";

async fn app() -> (TestApp, testing::TestDb) {
    let test_db = testing::sqlite().await;
    demo::seed_demo(&test_db.db).await.unwrap();
    (TestApp::new(test_db.db.clone()), test_db)
}

/// The body with apostrophes and quotes unescaped, to look for translated messages.
fn text(r: &TestResponse) -> String {
    r.text().replace("&#39;", "'").replace("&quot;", "\"")
}

fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..start + 64].to_owned()
}

/// GETs `form_path`, then POSTs `fields` plus its CSRF token to `action`.
async fn submit(
    app: &mut TestApp,
    form_path: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let page = app.get(form_path).await;
    assert_eq!(page.status, 200, "GET {form_path}: {}", page.text());
    let csrf = csrf_of(&page.text());
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(action, &all).await
}

async fn account(db: &Db, email: &str) -> UserId {
    let phc = nousharik::platform::password::hash(PASSWORD).unwrap();
    let id = accounts::create_user(
        db,
        &NewUser {
            email: &Email::parse(email).unwrap(),
            password_hash: &phc,
            display_name: &DisplayName::parse("Test").unwrap(),
            language: Language::Fr,
        },
        1_780_000_000,
    )
    .await
    .unwrap()
    .unwrap();
    accounts::confirm_email(db, id, 1_780_000_000)
        .await
        .unwrap();
    id
}

async fn org_id(db: &Db, code: &str) -> OrganisationId {
    OrganisationId(
        store::organisation_by_code(db, code)
            .await
            .unwrap()
            .unwrap()
            .id,
    )
}

/// The four kinds of visitor of the tests.
struct People {
    admin: UserId,
}

async fn people(db: &Db) -> People {
    let admin = account(db, "admin@example.ma").await;
    accounts::set_admin(db, admin, true, None).await.unwrap();
    let staff = account(db, "staff@example.ma").await;
    accounts::grant_membership(
        db,
        staff,
        org_id(db, "council-tanger").await,
        OrgRole::Staff,
        None,
        1,
    )
    .await
    .unwrap();
    // Staff of an association: may edit its record, never its standing.
    accounts::grant_membership(
        db,
        staff,
        org_id(db, "assoc-nassaim").await,
        OrgRole::Staff,
        None,
        1,
    )
    .await
    .unwrap();
    account(db, "citizen@example.ma").await;
    People { admin }
}

async fn log_in(app: &mut TestApp, email: &str) {
    app.clear_cookies();
    app.set_cookie("lang", "fr");
    let r = submit(
        app,
        "/account/login",
        "/account/login",
        &[("email", email), ("password", PASSWORD), ("next", "")],
    )
    .await;
    assert_eq!(r.status, 303, "log-in of {email}: {}", r.text());
}

const ADMIN_PAGES: &[&str] = &[
    "/admin/territory",
    "/admin/territories/new",
    "/admin/territories/import",
    "/admin/territories/template.csv",
    "/admin/organisations/new",
    "/admin/associations/new",
];

#[tokio::test]
async fn every_admin_page_by_role() {
    let (mut app, db) = app().await;
    people(&db.db).await;

    // Anonymous: sent to log in, then back here.
    app.set_cookie("lang", "fr");
    for path in ADMIN_PAGES.iter().chain(&[
        "/admin/organisations/council-tanger/edit",
        "/admin/associations/assoc-nassaim/edit",
    ]) {
        let r = app.get(path).await;
        assert_eq!(r.status, 303, "{path}");
        assert!(
            r.location().unwrap().starts_with("/account/login?next="),
            "{path}: {:?}",
            r.location()
        );
    }

    // A citizen: 403 everywhere.
    log_in(&mut app, "citizen@example.ma").await;
    for path in ADMIN_PAGES.iter().chain(&[
        "/admin/organisations/council-tanger/edit",
        "/admin/associations/assoc-nassaim/edit",
    ]) {
        let r = app.get(path).await;
        assert_eq!(r.status, 403, "{path}");
        assert!(text(&r).contains("lang=\"fr\""));
    }

    // Tangier council staff: may rename their own council and edit their association, nothing else.
    log_in(&mut app, "staff@example.ma").await;
    for path in ADMIN_PAGES {
        assert_eq!(app.get(path).await.status, 403, "staff {path}");
    }
    assert_eq!(
        app.get("/admin/organisations/council-tanger/edit")
            .await
            .status,
        200
    );
    assert_eq!(
        app.get("/admin/organisations/council-larache/edit")
            .await
            .status,
        403
    );
    let html = app
        .get("/admin/associations/assoc-nassaim/edit")
        .await
        .text();
    assert!(
        !html.contains("/admin/associations/assoc-nassaim/standing"),
        "no standing form"
    );
    assert_eq!(
        app.get("/admin/associations/assoc-loukkos/edit")
            .await
            .status,
        403
    );

    // Administrator: everything.
    log_in(&mut app, "admin@example.ma").await;
    for path in ADMIN_PAGES.iter().chain(&[
        "/admin/organisations/council-larache/edit",
        "/admin/associations/assoc-loukkos/edit",
    ]) {
        assert_eq!(app.get(path).await.status, 200, "admin {path}");
    }
    let html = app
        .get("/admin/associations/assoc-loukkos/edit")
        .await
        .text();
    assert!(html.contains("/admin/associations/assoc-loukkos/standing"));
    // Unknown records are 404, not 500.
    assert_eq!(app.get("/admin/organisations/nope/edit").await.status, 404);
    assert_eq!(
        app.get("/admin/associations/council-tanger/edit")
            .await
            .status,
        404
    );
    assert_eq!(
        app.get("/admin/organisations/assoc-loukkos/edit")
            .await
            .status,
        404
    );
    db.cleanup().await;
}

#[tokio::test]
async fn forbidden_posts_change_nothing() {
    let (mut app, db) = app().await;
    people(&db.db).await;
    let before = store::all_territories(&db.db).await.unwrap().len();
    let commune = [
        ("code", "commune-assilah"),
        ("level", "commune"),
        ("parent", "prefecture-tanger-assilah"),
        ("name_ar", "أصيلة"),
        ("name_fr", "Assilah"),
        ("population", "1000"),
        ("census_year", "2024"),
    ];
    // Anonymous, with a valid anonymous CSRF token: sent to log in.
    app.set_cookie("lang", "fr");
    let r = submit(
        &mut app,
        "/account/login",
        "/admin/territories/new",
        &commune,
    )
    .await;
    assert_eq!(r.status, 303);
    // Citizen and staff: 403.
    for who in ["citizen@example.ma", "staff@example.ma"] {
        log_in(&mut app, who).await;
        let r = submit(
            &mut app,
            "/account/profile",
            "/admin/territories/new",
            &commune,
        )
        .await;
        assert_eq!(r.status, 403, "{who}");
        let r = submit(
            &mut app,
            "/account/profile",
            "/admin/associations/assoc-nassaim/standing",
            &[
                ("standing", "not_good"),
                ("standing_on", "2026-01-01"),
                ("standing_note", ""),
            ],
        )
        .await;
        assert_eq!(r.status, 403, "{who}: standing");
        let r = submit(
            &mut app,
            "/account/profile",
            "/admin/organisations/council-larache/edit",
            &[("name_ar", "مجلس"), ("name_fr", "Pirate")],
        )
        .await;
        assert_eq!(r.status, 403, "{who}: rename another council");
    }
    // An administrator without a CSRF token: refused by the CSRF layer.
    log_in(&mut app, "admin@example.ma").await;
    let r = app.post_form("/admin/territories/new", &commune).await;
    assert_eq!(r.status, 403);
    assert_eq!(store::all_territories(&db.db).await.unwrap().len(), before);
    let larache = store::organisation_by_code(&db.db, "council-larache")
        .await
        .unwrap()
        .unwrap();
    assert_ne!(larache.names.fr, "Pirate");
    db.cleanup().await;
}

#[tokio::test]
async fn an_admin_adds_a_commune_and_an_arrondissement_by_form() {
    let (mut app, db) = app().await;
    let p = people(&db.db).await;
    log_in(&mut app, "admin@example.ma").await;
    let r = submit(
        &mut app,
        "/admin/territories/new",
        "/admin/territories/new",
        &[
            ("code", "commune-assilah"),
            ("level", "commune"),
            ("parent", "prefecture-tanger-assilah"),
            ("name_ar", "أصيلة"),
            ("name_fr", "Assilah"),
            ("name_zgh", ""),
            ("name_en", "Asilah"),
            ("population", "1 000"),
            ("census_year", "2024"),
            ("source", "test"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location(), Some("/territories/commune-assilah"));
    let html = app.get("/territories/commune-assilah").await.text();
    assert!(html.contains("Assilah"));
    assert!(html.contains("/territories/prefecture-tanger-assilah"));
    let trail = audit::for_subject(&db.db, "territory:commune-assilah")
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].actor, format!("account:{}", p.admin.0));
    assert_eq!(trail[0].action, "territory.create");

    let r = submit(
        &mut app,
        "/admin/territories/new",
        "/admin/territories/new",
        &[
            ("code", "arrondissement-assilah-centre"),
            ("level", "arrondissement"),
            ("parent", "commune-assilah"),
            ("name_ar", "المركز"),
            ("name_fr", "Centre"),
            ("population", "500"),
            ("census_year", "2024"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    db.cleanup().await;
}

#[tokio::test]
async fn a_refused_territory_form_comes_back_filled_with_translated_messages() {
    let (mut app, db) = app().await;
    people(&db.db).await;
    log_in(&mut app, "admin@example.ma").await;
    let before = store::all_territories(&db.db).await.unwrap().len();
    let overlong = "é".repeat(201);
    let r = submit(
        &mut app,
        "/admin/territories/new",
        "/admin/territories/new",
        &[
            ("code", "Bad Code!"),
            ("level", "arrondissement"),
            ("parent", "province-larache"),
            ("name_ar", "<script>alert(1)</script>"),
            ("name_fr", ""),
            ("name_zgh", "'; DROP TABLE territories; --"),
            ("name_en", &overlong),
            ("population", "-12"),
            ("census_year", "1850"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let html = text(&r);
    for message in [
        "Utilisez 2 à 64 caractères",
        "Le parent doit être de niveau",
        "Le nom arabe doit être écrit en lettres arabes.",
        "Ce champ est obligatoire.",
        "Le nom tamazight doit être écrit en tifinagh.",
        "200 caractères au plus.",
        "La population doit être supérieure à zéro.",
        "L'année doit être comprise entre 1960 et 2100.",
    ] {
        assert!(html.contains(message), "missing: {message}");
    }
    // Refilled, escaped, marked invalid, summary linked to the fields.
    assert!(html.contains(r#"value="Bad Code!""#));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&#60;script&#62;")
    );
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains(r#"value="-12""#));
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(html.contains(r##"href="#territory-population""##));
    assert!(html.contains(r#"<option value="province-larache" lang="fr" selected>"#));
    assert_eq!(store::all_territories(&db.db).await.unwrap().len(), before);

    // A province cannot be added; a duplicate code is refused; an unknown parent is named.
    let r = submit(
        &mut app,
        "/admin/territories/new",
        "/admin/territories/new",
        &[
            ("code", "commune-tanger"),
            ("level", "province"),
            ("parent", "nowhere"),
            ("name_ar", "طنجة"),
            ("name_fr", "Tanger"),
            ("population", "10"),
            ("census_year", "2024"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let html = text(&r);
    assert!(html.contains("Seules des communes et des arrondissements"));
    assert!(html.contains("Aucun territoire ne porte ce code."));
    // A garbage body is a form error, not a rejection.
    let r = submit(
        &mut app,
        "/admin/territories/new",
        "/admin/territories/new",
        &[("zzz", "1")],
    )
    .await;
    assert_eq!(r.status, 422);
    db.cleanup().await;
}

/// POSTs a CSV file as the import form does.
async fn upload(app: &mut TestApp, bytes: &[u8]) -> TestResponse {
    let csrf = csrf_of(&app.get("/admin/territories/import").await.text());
    let boundary = "XnousharikX";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n\
             Content-Type: text/csv\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post("/admin/territories/import")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn csv_import_reports_every_problem_and_imports_all_or_nothing() {
    let (mut app, db) = app().await;
    people(&db.db).await;
    log_in(&mut app, "admin@example.ma").await;

    let r = app.get("/admin/territories/template.csv").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    assert!(
        r.text()
            .starts_with("code,level,parent_code,name_ar,name_fr")
    );

    let before = store::all_territories(&db.db).await.unwrap().len();
    // Row 2 fine, row 3 an unknown parent, row 4 Latin-1 bytes, row 5 a duplicate code.
    let mut bad = b"code,level,parent_code,name_ar,name_fr,population,census_year\n\
                    commune-ksar-kebir,commune,province-larache,\xd8\xa7\xd9\x84\xd9\x82\xd8\xb5\xd8\xb1,Ksar El K\xc3\xa9bir,1000,2024\n\
                    commune-x,commune,province-nowhere,\xd8\xb3,X,10,2024\n"
        .to_vec();
    bad.extend_from_slice(b"commune-y,commune,province-larache,\xe9\xe9,Y,10,2024\n");
    bad.extend_from_slice(b"commune-tanger,commune,province-larache,\xd8\xb3,Z,10,2024\n");
    let r = upload(&mut app, &bad).await;
    assert_eq!(r.status, 422, "{}", r.text());
    let html = text(&r);
    assert!(
        html.contains("3 problèmes trouvés : rien n'a été importé"),
        "{html}"
    );
    assert!(html.contains("Aucun territoire ne porte ce code."));
    assert!(html.contains("UTF-8"));
    assert!(html.contains("Ce code est déjà utilisé."));
    assert!(html.contains(r#"<code dir="ltr">parent_code</code>"#));
    assert!(html.contains(r#"<th scope="row" class="num">4</th>"#));
    assert_eq!(store::all_territories(&db.db).await.unwrap().len(), before);

    // Missing columns are reported on row 1.
    let r = upload(&mut app, b"code;level\ncommune-z;commune\n").await;
    assert_eq!(r.status, 422);
    let html = text(&r);
    assert!(html.contains("Cette colonne obligatoire manque"));
    assert!(html.contains(r#"<code dir="ltr">population</code>"#));

    // No file at all.
    let r = upload(&mut app, b"").await;
    assert_eq!(r.status, 422);
    assert!(text(&r).contains("Choisissez un fichier CSV"));

    // A valid file: a commune and its arrondissement, in one go.
    let good = "code,level,parent_code,name_ar,name_fr,name_zgh,population,census_year\n\
                commune-ksar-kebir,commune,province-larache,القصر الكبير,Ksar El Kébir,,1000,2024\n\
                arrondissement-ksar-1,arrondissement,commune-ksar-kebir,الأولى,Premier,ⵢⴰⵏ,400,2024\n";
    let r = upload(&mut app, good.as_bytes()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let html = text(&r);
    assert!(html.contains("2 territoires importés."));
    assert!(html.contains("/territories/arrondissement-ksar-1"));
    let child = store::territory_by_code(&db.db, "arrondissement-ksar-1")
        .await
        .unwrap()
        .unwrap();
    let parent = store::territory_by_code(&db.db, "commune-ksar-kebir")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(child.parent_id, Some(parent.id));
    let trail = audit::for_subject(&db.db, "territory:arrondissement-ksar-1")
        .await
        .unwrap();
    assert_eq!(trail[0].action, "territory.create");
    assert!(trail[0].details.contains("\"via\":\"import\""));

    // The same file again: every row collides, nothing changes.
    let r = upload(&mut app, good.as_bytes()).await;
    assert_eq!(r.status, 422);
    assert!(text(&r).contains("2 problèmes trouvés"));
    db.cleanup().await;
}

#[tokio::test]
async fn organisations_are_created_and_renamed_with_their_rules() {
    let (mut app, db) = app().await;
    people(&db.db).await;
    log_in(&mut app, "admin@example.ma").await;
    let r = submit(
        &mut app,
        "/admin/organisations/new",
        "/admin/organisations/new",
        &[
            ("code", "committee-tanger-youth"),
            ("kind", "standing_committee"),
            ("topic", ""),
            ("territory", "commune-tanger"),
            ("parent", "council-tanger"),
            ("name_ar", "لجنة الشباب"),
            ("name_fr", "Commission de la jeunesse"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let html = app.get("/organisations/council-tanger").await.text();
    assert!(html.contains("/organisations/committee-tanger-youth"));

    // A youth body at a commune, a second council, a committee without its council.
    for (fields, message) in [
        (
            vec![
                ("kind", "consultative_body"),
                ("topic", "youth"),
                ("territory", "commune-tanger"),
                ("parent", "council-tanger"),
            ],
            "La loi ne prévoit cette instance consultative qu'au niveau régional.",
        ),
        (
            vec![
                ("kind", "council"),
                ("topic", ""),
                ("territory", "commune-tanger"),
                ("parent", ""),
            ],
            "Il en existe déjà un",
        ),
        (
            vec![
                ("kind", "standing_committee"),
                ("topic", ""),
                ("territory", "commune-larache"),
                ("parent", "council-tanger"),
            ],
            "Choisissez le conseil de rattachement, dans le même territoire.",
        ),
        (
            vec![
                ("kind", "association"),
                ("topic", ""),
                ("territory", "commune-larache"),
                ("parent", ""),
            ],
            "Type d'organisation inconnu.",
        ),
    ] {
        let mut all = vec![
            ("code", "org-new"),
            ("name_ar", "هيئة"),
            ("name_fr", "Instance"),
        ];
        all.extend(fields);
        let r = submit(
            &mut app,
            "/admin/organisations/new",
            "/admin/organisations/new",
            &all,
        )
        .await;
        assert_eq!(r.status, 422, "{message}");
        assert!(text(&r).contains(message), "{message}");
    }
    assert!(
        store::organisation_by_code(&db.db, "org-new")
            .await
            .unwrap()
            .is_none()
    );

    // Renaming: refused names come back; good ones are saved and audited.
    let r = submit(
        &mut app,
        "/admin/organisations/council-larache/edit",
        "/admin/organisations/council-larache/edit",
        &[
            ("name_ar", ""),
            ("name_fr", "Conseil"),
            ("name_zgh", "Latin"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = submit(
        &mut app,
        "/admin/organisations/council-larache/edit",
        "/admin/organisations/council-larache/edit",
        &[
            ("name_ar", "المجلس الجماعي للعرائش"),
            ("name_fr", "Conseil communal de Larache"),
            ("name_zgh", ""),
            ("name_en", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let trail = audit::for_subject(&db.db, "organisation:council-larache")
        .await
        .unwrap();
    assert_eq!(trail.last().unwrap().action, "organisation.rename");
    db.cleanup().await;
}

#[tokio::test]
async fn associations_are_registered_edited_and_their_standing_set() {
    let (mut app, db) = app().await;
    let p = people(&db.db).await;
    log_in(&mut app, "admin@example.ma").await;
    let r = submit(
        &mut app,
        "/admin/associations/new",
        "/admin/associations/new",
        &[
            ("code", "assoc-test"),
            ("seat", "arrondissement-bni-makada"),
            ("branches", "commune-larache"),
            ("branches", "commune-al-hoceima"),
            ("name_ar", "جمعية الاختبار"),
            ("name_fr", "Association test"),
            ("created_on", "2015-06-01"),
            ("representative_name", "Nour"),
            ("fields", "youth"),
            ("fields", "education"),
            ("standing", "good"),
            ("standing_on", "2026-01-02"),
            ("standing_note", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let html = app
        .get("/associations?territory=commune-al-hoceima&field=education")
        .await
        .text();
    assert!(html.contains("/associations/assoc-test"));

    // Bad input: future date, no field, unknown field, unknown branch, missing representative.
    let r = submit(
        &mut app,
        "/admin/associations/new",
        "/admin/associations/new",
        &[
            ("code", "assoc-bad"),
            ("seat", "commune-larache"),
            ("branches", "atlantis"),
            ("name_ar", "جمعية"),
            ("name_fr", "<b>Bad</b>"),
            ("created_on", "2999-01-01"),
            ("fields", "fishing"),
            ("standing", "good"),
            ("standing_on", "01/02/2026"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let html = text(&r);
    for message in [
        "La date ne peut pas être dans le futur.",
        "Domaine d'activité inconnu.",
        "Territoire inconnu.",
        "Écrivez la date sous la forme AAAA-MM-JJ",
        "Ce champ est obligatoire.",
    ] {
        assert!(html.contains(message), "{message}");
    }
    assert!(html.contains("&lt;b&gt;Bad&lt;/b&gt;") || html.contains("&#60;b&#62;Bad"));

    // Edit: fields and branches change, the standing does not.
    let r = submit(
        &mut app,
        "/admin/associations/assoc-test/edit",
        "/admin/associations/assoc-test/edit",
        &[
            ("name_ar", "جمعية الاختبار"),
            ("name_fr", "Association test"),
            ("created_on", "2015-06-01"),
            ("representative_name", "Nour Amrani"),
            ("fields", "sport"),
            ("standing", "not_good"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = store::organisation_by_code(&db.db, "assoc-test")
        .await
        .unwrap()
        .unwrap()
        .id;
    let rec = store::association(&db.db, id).await.unwrap().unwrap();
    assert_eq!(rec.representative_name, "Nour Amrani");
    assert!(rec.branch_ids.is_empty());
    assert_eq!(rec.standing.as_str(), "good");

    // Standing, by its own form.
    let r = submit(
        &mut app,
        "/admin/associations/assoc-test/edit",
        "/admin/associations/assoc-test/standing",
        &[
            ("standing", "not_good"),
            ("standing_on", "2026-02-01"),
            ("standing_note", "Rapport non déposé"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let html = app.get("/associations/assoc-test").await.text();
    assert!(html.contains("En situation irrégulière") || html.contains("Rapport non déposé"));
    let r = submit(
        &mut app,
        "/admin/associations/assoc-test/edit",
        "/admin/associations/assoc-test/standing",
        &[("standing", "perfect"), ("standing_on", "2026-02-01")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(text(&r).contains("Situation inconnue."));
    let trail: Vec<String> = audit::for_subject(&db.db, "organisation:assoc-test")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        trail,
        [
            "association.register",
            "association.record",
            "association.update",
            "association.standing"
        ]
    );
    let entries = audit::for_subject(&db.db, "organisation:assoc-test")
        .await
        .unwrap();
    assert!(
        entries
            .iter()
            .all(|e| e.actor == format!("account:{}", p.admin.0))
    );
    db.cleanup().await;
}

#[tokio::test]
async fn public_pages_are_the_same_for_every_role_and_admins_get_a_link() {
    let (mut app, db) = app().await;
    people(&db.db).await;
    let public = [
        "/territories",
        "/territories/commune-tanger",
        "/territories.json",
        "/organisations/council-region",
        "/associations",
        "/associations?territory=commune-larache&field=youth",
        "/associations/assoc-nassaim",
        "/associations.json",
    ];
    for who in [
        None,
        Some("citizen@example.ma"),
        Some("staff@example.ma"),
        Some("admin@example.ma"),
    ] {
        match who {
            Some(email) => log_in(&mut app, email).await,
            None => app.clear_cookies(),
        }
        for path in public {
            assert_eq!(app.get(path).await.status, 200, "{who:?} {path}");
        }
        // Administrators find the territory admin through the administration home.
        let html = app.get("/territories").await.text();
        assert_eq!(
            html.contains(r#"href="/admin""#),
            who == Some("admin@example.ma"),
            "{who:?}"
        );
    }
    db.cleanup().await;
}
