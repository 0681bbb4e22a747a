//! HTTP tests of the participatory-budget pages (SQLite, in process): a whole campaign run
//! through the forms (create, edit, phases, proposal with a photo, review, merge, vote,
//! change of ballot with the receipt, receipt check, paper ballots with a second official,
//! count, results, implementation), every kind of bad input refused with a translated
//! message that keeps the form (never a 500), and the forbidden paths of every staff action.

use axum::body::Body;
use axum::http::{Request, header};

use nousharik::accounts::model::{Evidence, OrgRole};
use nousharik::budgets::model::{
    BallotType, BudgetSpec, CampaignSpec, CountingRule, Money, Phase, Schedule, VoteScope,
};
use nousharik::budgets::store;
use nousharik::platform::db::Db;
use nousharik::platform::i18n::Locale;
use nousharik::platform::ids::{OrganisationId, TerritoryId, UserId};
use nousharik::platform::now;
use nousharik::platform::testing::{self, TestApp, TestResponse};

const DAY: i64 = 86_400;

async fn territory(db: &Db, code: &str) -> i64 {
    db.query_scalar("SELECT id FROM territories WHERE code = ?")
        .bind(code)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

async fn council(db: &Db, code: &str, territory: i64) -> OrganisationId {
    OrganisationId(
        db.query_scalar(
            "INSERT INTO organisations (code, kind, territory_id, name_ar, name_fr, created_at, \
             updated_at) VALUES (?, 'council', ?, ?, ?, 0, 0) RETURNING id",
        )
        .bind(code)
        .bind(territory)
        .bind(code)
        .bind(code)
        .fetch_one(db.pool())
        .await
        .unwrap(),
    )
}

/// A confirmed account, with a residence and a staff role when given.
async fn person(
    db: &Db,
    email: &str,
    lives_in: Option<i64>,
    staff_of: Option<OrganisationId>,
) -> UserId {
    let id = UserId(
        db.query_scalar(
            "INSERT INTO users (email, display_name, language, created_at, email_confirmed_at) \
             VALUES (?, ?, 'fr', 0, 0) RETURNING id",
        )
        .bind(email)
        .bind(email)
        .fetch_one(db.pool())
        .await
        .unwrap(),
    );
    if let Some(t) = lives_in {
        nousharik::accounts::store::verify_resident(
            db,
            id,
            TerritoryId(t),
            Evidence::CinShownAtCounter,
            id,
            0,
        )
        .await
        .unwrap();
    }
    if let Some(org) = staff_of {
        nousharik::accounts::store::grant_membership(db, id, org, OrgRole::Staff, None, 0)
            .await
            .unwrap();
    }
    id
}

/// Signs `user` in (a fresh session cookie) with the page language `lang`.
async fn sign_in(app: &mut TestApp, user: Option<UserId>, lang: &str) {
    app.clear_cookies();
    app.set_cookie("lang", lang);
    if let Some(u) = user {
        let token = nousharik::accounts::store::create_session(app.db(), u, "test", now())
            .await
            .unwrap();
        app.set_cookie("nk_session", &token);
    }
}

fn multipart(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "XnousharikBoundaryX";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; \
                 filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_multipart(
    app: &mut TestApp,
    path: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> TestResponse {
    let token = app.csrf_token().await;
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    let (content_type, body) = multipart(&all, files);
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

fn ymd(t: i64) -> String {
    let z = nousharik::platform::i18n::to_casablanca(t);
    format!("{:04}-{:02}-{:02}", z.year(), z.month(), z.day())
}

/// The campaign form's fields: dates so that every phase up to voting may start now.
fn campaign_fields(tangier: i64, bni: i64, amount_bni: &str) -> Vec<(String, String)> {
    let t = now();
    [
        ("title", "Budget participatif Tanger 2026".to_owned()),
        ("description", "Présentation".to_owned()),
        ("territory", tangier.to_string()),
        ("ballot_type", "approval".to_owned()),
        ("approval_min", "1".to_owned()),
        ("approval_max", "2".to_owned()),
        ("points", "10".to_owned()),
        ("max_per_project", "5".to_owned()),
        ("rule", "mes_greedy".to_owned()),
        ("min_age", "16".to_owned()),
        ("scope", "each".to_owned()),
        ("informing", ymd(t - 5 * DAY)),
        ("proposing", ymd(t - 4 * DAY)),
        ("review", ymd(t - 3 * DAY)),
        ("voting", ymd(t - 2 * DAY)),
        ("voting_last", ymd(t + 2 * DAY)),
        ("budget_name_0", "Bni Makada".to_owned()),
        ("budget_territory_0", bni.to_string()),
        ("budget_amount_0", amount_bni.to_owned()),
        ("budget_name_1", "Toute la ville".to_owned()),
        ("budget_territory_1", tangier.to_string()),
        ("budget_amount_1", "5 000 000".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn refs<K: AsRef<str>, V: AsRef<str>>(fields: &[(K, V)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_ref(), v.as_ref()))
        .collect()
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

struct World {
    app: TestApp,
    _db: testing::TestDb,
    tangier: i64,
    bni: i64,
    larache: i64,
    staff: UserId,
    staff2: UserId,
    larache_staff: UserId,
    admin: UserId,
    resident: UserId,
    bni_resident: UserId,
    outsider: UserId,
}

async fn world() -> World {
    let test_db = testing::sqlite().await;
    let db = test_db.db.clone();
    nousharik::territory::store::seed_reference(&db)
        .await
        .unwrap();
    let tangier = territory(&db, "commune-tanger").await;
    let bni = territory(&db, "arrondissement-bni-makada").await;
    let larache = territory(&db, "commune-larache").await;
    let tangier_council = council(&db, "council-tanger-test", tangier).await;
    let larache_council = council(&db, "council-larache-test", larache).await;
    let admin = person(&db, "admin@example.org", None, None).await;
    db.query("UPDATE users SET is_admin = 1 WHERE id = ?")
        .bind(admin.0)
        .execute(db.pool())
        .await
        .unwrap();
    World {
        app: TestApp::new(db.clone()),
        staff: person(&db, "staff@example.org", None, Some(tangier_council)).await,
        staff2: person(&db, "staff2@example.org", None, Some(tangier_council)).await,
        larache_staff: person(&db, "lstaff@example.org", None, Some(larache_council)).await,
        admin,
        resident: person(&db, "resident@example.org", Some(tangier), None).await,
        bni_resident: person(&db, "bni@example.org", Some(bni), None).await,
        outsider: person(&db, "larache@example.org", Some(larache), None).await,
        _db: test_db,
        tangier,
        bni,
        larache,
    }
}

fn id_after(location: &str, prefix: &str) -> i64 {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['?', '/', '#']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{location} does not start with {prefix}<id>"))
}

fn receipt_of(html: &str) -> String {
    let marker = "id=\"receipt-code\" lang=\"en\">";
    let at = html.find(marker).expect("a receipt code") + marker.len();
    html[at..at + 17].to_owned()
}

async fn ballots_in(db: &Db, budget: i64) -> i64 {
    db.query_scalar("SELECT COUNT(*) FROM budget_ballots WHERE budget_id = ?")
        .bind(budget)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_campaign_runs_from_its_creation_to_its_results_through_the_pages() {
    let mut w = world().await;
    let app = &mut w.app;
    let db = app.db().clone();

    // --- Staff create a campaign; bad input is refused with what was typed kept. ---
    sign_in(app, Some(w.staff), "fr").await;
    let page = app.get("/budgets/new").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let bad = campaign_fields(w.tangier, w.bni, "beaucoup");
    let r = app.post_form_csrf("/budgets/new", &refs(&bad)).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("montant valide en dirhams"),
        "{}",
        r.text()
    );
    assert!(
        r.text().contains("Budget participatif Tanger 2026"),
        "title kept"
    );
    let mut bad = campaign_fields(w.tangier, w.bni, "1 000 000");
    bad.iter_mut()
        .filter(|(k, _)| k == "voting_last")
        .for_each(|(_, v)| *v = ymd(now() - 10 * DAY));
    let r = app.post_form_csrf("/budgets/new", &refs(&bad)).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Les dates doivent se suivre"),
        "{}",
        r.text()
    );
    let mut bad = campaign_fields(w.tangier, w.larache, "1 000 000");
    bad.truncate(bad.len() - 3);
    let r = app.post_form_csrf("/budgets/new", &refs(&bad)).await;
    assert_eq!(r.status, 422, "a budget outside the campaign's territory");
    assert!(r.text().contains("intérieur"), "{}", r.text());
    let good = campaign_fields(w.tangier, w.bni, "1 000");
    let r = app.post_form_csrf("/budgets/new", &refs(&good)).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let cid = id_after(r.location().unwrap(), "/budgets/campaigns/");
    let c = store::campaign(&db, cid).await.unwrap().unwrap();
    assert_eq!(c.phase, Phase::Draft);
    assert_eq!(c.budgets[0].amount, Money::from_dirhams(1_000));
    assert_eq!(c.budgets[1].amount, Money::from_dirhams(5_000_000));
    // The draft is invisible to others, editable by its staff.
    sign_in(app, Some(w.resident), "fr").await;
    assert_eq!(
        app.get(&format!("/budgets/campaigns/{cid}")).await.status,
        404
    );
    assert!(!app.get("/budgets").await.text().contains("Tanger 2026"));
    sign_in(app, Some(w.staff), "fr").await;
    let mut edited = good.clone();
    edited[0].1 = "Budget participatif de Tanger 2026".into();
    let r = app
        .post_form_csrf(&format!("/budgets/campaigns/{cid}/edit"), &refs(&edited))
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let c = store::campaign(&db, cid).await.unwrap().unwrap();
    assert_eq!(c.title, "Budget participatif de Tanger 2026");
    let (bni_budget, city_budget) = (c.budgets[0].id, c.budgets[1].id);

    // --- Phases move one at a time; skipping one is refused with a message. ---
    let phase = |to: &'static str| vec![("to", to)];
    let r = app
        .post_form_csrf(
            &format!("/budgets/campaigns/{cid}/phase"),
            &phase("proposing"),
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("phase suivante"), "{}", r.text());
    for to in ["informing", "proposing"] {
        let r = app
            .post_form_csrf(&format!("/budgets/campaigns/{cid}/phase"), &phase(to))
            .await;
        assert_eq!(r.status, 303, "{to}: {}", r.text());
    }
    let r = app
        .post_form_csrf(&format!("/budgets/campaigns/{cid}/edit"), &refs(&good))
        .await;
    assert_eq!(r.status, 422, "a published campaign is no longer edited");

    // --- Proposals: a resident with a photo; bad ones refused, kept; a non-resident refused. ---
    sign_in(app, Some(w.resident), "fr").await;
    let propose = format!("/budgets/campaigns/{cid}/propose");
    let fields = |title: &'static str, budget: i64, cost: &'static str| {
        vec![
            ("title", title.to_owned()),
            ("description", "Pour le quartier".to_owned()),
            ("place", "Rue 12".to_owned()),
            ("budget", budget.to_string()),
            ("category", "green".to_owned()),
            ("cost", cost.to_owned()),
        ]
    };
    let r = post_multipart(
        app,
        &propose,
        &refs(&fields("Jardin trop cher", bni_budget, "2 000")),
        &[],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("plus que le budget entier"),
        "{}",
        r.text()
    );
    assert!(r.text().contains("Jardin trop cher"), "typed title kept");
    let r = post_multipart(
        app,
        &propose,
        &refs(&fields("Jardin", bni_budget, "400")),
        &[("photo", b"<svg onload=alert(1)>")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("ni JPEG"), "{}", r.text());
    let mut ids = Vec::new();
    for (title, budget, cost) in [
        ("Jardin", bni_budget, "400"),
        ("Terrain de sport", bni_budget, "500"),
        ("Bibliothèque", bni_budget, "300"),
        ("Jardin public (doublon)", bni_budget, "350"),
        ("Casino", bni_budget, "100"),
        ("Piste cyclable", city_budget, "1 000 000"),
    ] {
        let photo: &[(&str, &[u8])] = if title == "Jardin" {
            &[("photo", PNG)]
        } else {
            &[]
        };
        let r = post_multipart(app, &propose, &refs(&fields(title, budget, cost)), photo).await;
        assert_eq!(r.status, 303, "{title}: {}", r.text());
        ids.push(id_after(r.location().unwrap(), "/budgets/projects/"));
    }
    let photos = store::photos(&db, ids[0]).await.unwrap();
    assert_eq!(photos.len(), 1);
    let r = app.get(&format!("/budgets/photos/{}", photos[0].0)).await;
    assert_eq!(r.header("content-type"), Some("image/png"));
    sign_in(app, Some(w.outsider), "fr").await;
    let r = post_multipart(
        app,
        &propose,
        &refs(&fields("Idée de Larache", bni_budget, "10")),
        &[],
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(r.text().contains("résident·es vérifié·es"), "{}", r.text());
    assert!(r.text().contains("Idée de Larache"), "typed title kept");

    // --- Technical review: decisions, a refused bad one, a merge, the published list. ---
    sign_in(app, Some(w.staff), "fr").await;
    let r = app
        .post_form_csrf(
            &format!("/budgets/projects/{}/review", ids[0]),
            &[("decision", "feasible"), ("cost", "400")],
        )
        .await;
    assert_eq!(r.status, 422, "review before the review phase");
    assert!(
        r.text()
            .contains("Les décisions se prennent pendant la phase"),
        "{}",
        r.text()
    );
    let r = app
        .post_form_csrf(&format!("/budgets/campaigns/{cid}/phase"), &phase("review"))
        .await;
    assert_eq!(r.status, 303);
    let review = |id: i64, decision: &'static str, cost: &'static str, reason: &'static str| {
        (
            format!("/budgets/projects/{id}/review"),
            vec![("decision", decision), ("cost", cost), ("reason", reason)],
        )
    };
    let (path, f) = review(ids[0], "feasible", "4 000", "");
    let r = app.post_form_csrf(&path, &f).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("plus que le budget entier"),
        "{}",
        r.text()
    );
    assert!(r.text().contains("4 000"), "typed cost kept");
    let (path, f) = review(ids[4], "not_feasible", "", " ");
    let r = app.post_form_csrf(&path, &f).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("motif est nécessaire"), "{}", r.text());
    for (i, decision, cost, reason) in [
        (0, "feasible", "400", ""),
        (1, "feasible", "500", "Terrain communal disponible"),
        (2, "feasible", "300", ""),
        (4, "not_feasible", "", "Contraire à la loi"),
        (5, "feasible", "1 000 000", ""),
    ] {
        let (path, f) = review(ids[i], decision, cost, reason);
        let r = app.post_form_csrf(&path, &f).await;
        assert_eq!(r.status, 303, "{i}: {}", r.text());
    }
    // The author hears of each decision, in her language, with the project's link.
    let mails: Vec<_> = nousharik::platform::mail::read_outbox(&app.data_dir().join("mail"))
        .into_iter()
        .filter(|m| m.to == "resident@example.org")
        .collect();
    assert_eq!(mails.len(), 5, "one notice per decision: {mails:#?}");
    let refused = mails
        .iter()
        .find(|m| m.subject.contains("Casino"))
        .expect("the notice of the refused project");
    assert!(
        refused.text.contains("n’a pas retenu") && refused.text.contains("Contraire à la loi"),
        "{}",
        refused.text
    );
    assert!(
        refused
            .text
            .lines()
            .any(|l| l.ends_with(&format!("/budgets/projects/{}", ids[4])))
    );
    let sport = mails
        .iter()
        .find(|m| m.subject.contains("Terrain de sport"))
        .expect("the notice of an accepted project");
    assert!(
        sport.text.contains("500") && sport.text.contains("Terrain communal disponible"),
        "{}",
        sport.text
    );
    let into = ids[0].to_string();
    let r = app
        .post_form_csrf(
            &format!("/budgets/projects/{}/merge", ids[3]),
            &[("into", &into)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let forged = app
        .post_form_csrf(
            &format!("/budgets/projects/{}/merge", ids[1]),
            &[("into", "999999")],
        )
        .await;
    assert_eq!(forged.status, 422);
    sign_in(app, None, "fr").await;
    let list = app
        .get(&format!("/budgets/campaigns/{cid}/projects"))
        .await
        .text();
    assert!(
        list.contains("Contraire à la loi") && list.contains("Non réalisable"),
        "{list}"
    );
    assert!(list.contains("Fusionné avec"), "{list}");

    // --- Voting: refused before the phase, then every kind of bad ballot. ---
    sign_in(app, Some(w.bni_resident), "fr").await;
    let vote = format!("/budgets/{bni_budget}/vote");
    let a = ids[0].to_string();
    let b = ids[1].to_string();
    let c3 = ids[2].to_string();
    let city = ids[5].to_string();
    let r = app
        .post_form_csrf(&vote, &[("project", &a), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("est pas ouvert en ce moment"),
        "{}",
        r.text()
    );
    sign_in(app, Some(w.staff), "fr").await;
    let r = app
        .post_form_csrf(&format!("/budgets/campaigns/{cid}/phase"), &phase("voting"))
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    sign_in(app, Some(w.bni_resident), "fr").await;
    let page = app.get(&vote).await.text();
    assert!(
        page.contains("Terrain de sport") && !page.contains("Casino"),
        "{page}"
    );
    for (choices, expected) in [
        (
            vec![
                ("project", a.as_str()),
                ("project", b.as_str()),
                ("project", c3.as_str()),
            ],
            "Trop de projets",
        ),
        (vec![("project", "999999")], "pas sur ce bulletin"),
        (vec![("project", "1 OR 1=1")], "pas sur ce bulletin"),
        (
            vec![("project", city.as_str())],
            "appartient à un autre budget",
        ),
        (vec![], "Choisissez plus de projets"),
    ] {
        let mut f = choices.clone();
        f.push(("adult", "yes"));
        let r = app.post_form_csrf(&vote, &f).await;
        assert_eq!(r.status, 422, "{expected}");
        assert!(r.text().contains(expected), "{expected}: {}", r.text());
    }
    let r = app.post_form_csrf(&vote, &[("project", &a)]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("âge minimum"), "{}", r.text());
    assert!(
        r.text().contains(&format!("value=\"{a}\" checked")),
        "choice kept"
    );
    // Without the CSRF token: refused, typed fields listed, nothing stored.
    let r = app
        .post_form(&vote, &[("project", &a), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(ballots_in(&db, bni_budget).await, 0);
    // A resident of Tangier only is no resident of Bni Makada.
    sign_in(app, Some(w.resident), "fr").await;
    let r = app
        .post_form_csrf(&vote, &[("project", &a), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("résident·es vérifié·es du territoire de ce budget"),
        "{}",
        r.text()
    );
    // The Tangier resident votes city-wide.
    let r = app
        .post_form_csrf(
            &format!("/budgets/{city_budget}/vote"),
            &[("project", &city), ("adult", "yes")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    // --- A good ballot, a second one refused, then replaced with the receipt. ---
    sign_in(app, Some(w.bni_resident), "fr").await;
    let r = app
        .post_form_csrf(&vote, &[("project", &a), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let first = receipt_of(&r.text());
    assert_eq!(ballots_in(&db, bni_budget).await, 1);
    let r = app
        .post_form_csrf(&vote, &[("project", &b), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("déjà voté"), "{}", r.text());
    let r = app
        .post_form_csrf(
            &vote,
            &[
                ("project", &b),
                ("adult", "yes"),
                ("receipt", "AAAAA-BBBBB-CCCCC"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "a wrong receipt");
    let r = app
        .post_form_csrf(
            &vote,
            &[
                ("project", &b),
                ("project", &c3),
                ("adult", "yes"),
                ("receipt", &first.to_lowercase()),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let second = receipt_of(&r.text());
    assert_eq!(
        ballots_in(&db, bni_budget).await,
        1,
        "replaced, not duplicated"
    );
    // Anyone checks a receipt; the replaced one is gone.
    sign_in(app, None, "fr").await;
    let check = format!("/budgets/campaigns/{cid}/receipt");
    let r = app.post_form_csrf(&check, &[("code", &second)]).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Terrain de sport") && r.text().contains("Bibliothèque"));
    let r = app.post_form_csrf(&check, &[("code", &first)]).await;
    assert_eq!(r.status, 404);
    let r = app.post_form_csrf(&check, &[("code", "pas un code")]).await;
    assert!(r.text().contains("15 caractères"), "{}", r.text());

    // --- Paper ballots: a first entry, the same official refused, another accepted. ---
    let paper = format!("/budgets/{bni_budget}/paper");
    let sheet = "7K3M9-QX2PA-W4RTZ";
    sign_in(app, Some(w.staff), "fr").await;
    let r = app
        .post_form_csrf(&paper, &[("sheet", sheet), ("project", &a)])
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Première saisie enregistrée"));
    let r = app
        .post_form_csrf(&paper, &[("sheet", sheet), ("project", &a)])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("un·e autre agent·e"), "{}", r.text());
    sign_in(app, Some(w.staff2), "fr").await;
    let r = app
        .post_form_csrf(&paper, &[("sheet", "nope"), ("project", &a)])
        .await;
    assert_eq!(r.status, 422);
    let r = app
        .post_form_csrf(&paper, &[("sheet", sheet), ("project", &a)])
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("le bulletin est compté"));
    assert_eq!(ballots_in(&db, bni_budget).await, 2);

    // --- Counting: voting closes at its date (moved here), count, results. ---
    db.query("UPDATE budget_campaigns SET voting_end_at = ? WHERE id = ?")
        .bind(now() - 1)
        .bind(cid)
        .execute(db.pool())
        .await
        .unwrap();
    sign_in(app, Some(w.bni_resident), "fr").await;
    let r = app
        .post_form_csrf(&vote, &[("project", &a), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 422, "voting closed at its end");
    sign_in(app, Some(w.staff), "fr").await;
    let r = app
        .post_form_csrf(&format!("/budgets/campaigns/{cid}/count"), &[])
        .await;
    assert_eq!(r.status, 422, "counting before the counting phase");
    for to in ["counting"] {
        let r = app
            .post_form_csrf(&format!("/budgets/campaigns/{cid}/phase"), &phase(to))
            .await;
        assert_eq!(r.status, 303, "{}", r.text());
    }
    let r = app
        .post_form_csrf(&format!("/budgets/campaigns/{cid}/count"), &[])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    sign_in(app, None, "fr").await;
    let results = app.get(&format!("/budgets/{bni_budget}/results")).await;
    assert_eq!(results.status, 200, "{}", results.text());
    let html = results.text();
    for expected in [
        "Terrain de sport",
        "Bibliothèque",
        "Financé",
        "ballots.pb",
        "results.json",
        "<svg",
        "<table",
    ] {
        assert!(html.contains(expected), "{expected}: {html}");
    }
    let json: serde_json::Value = serde_json::from_str(
        &app.get(&format!("/budgets/{bni_budget}/results.json"))
            .await
            .text(),
    )
    .unwrap();
    let funded: Vec<i64> = json["funded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert!(!funded.is_empty(), "{json}");
    assert!(
        !funded.contains(&ids[4]),
        "a project refused at review is not on the ballot"
    );
    for p in json["projects"].as_array().unwrap() {
        let title = p["title"].as_str().unwrap();
        assert!(html.contains(title), "{title} listed");
    }
    // Each reason is a translated sentence, not a code.
    assert!(!html.contains("shares_bought") && !html.contains("greedy_funded"));
    app.set_cookie("lang", "ar");
    let ar = app
        .get(&format!("/budgets/{bni_budget}/results"))
        .await
        .text();
    assert!(ar.contains("dir=\"rtl\"") && ar.contains("مموَّل"), "{ar}");

    // --- Implementation: progress on a funded project, shown on the campaign page. ---
    sign_in(app, Some(w.staff), "fr").await;
    let r = app
        .post_form_csrf(
            &format!("/budgets/campaigns/{cid}/phase"),
            &phase("implementation"),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let progress = format!("/budgets/projects/{}/progress", funded[0]);
    let r = post_multipart(
        app,
        &progress,
        &[("status", "completed"), ("percent", "40"), ("note", "x")],
        &[],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("ne correspond pas"), "{}", r.text());
    let r = post_multipart(
        app,
        &progress,
        &[
            ("status", "works"),
            ("percent", "40"),
            ("note", "Début des travaux"),
        ],
        &[("photo", PNG)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = post_multipart(
        app,
        &format!("/budgets/projects/{}/progress", ids[4]),
        &[("status", "works"), ("percent", "10"), ("note", "x")],
        &[],
    )
    .await;
    assert_eq!(r.status, 422, "a project that is not funded");
    sign_in(app, None, "fr").await;
    let page = app.get(&format!("/budgets/campaigns/{cid}")).await.text();
    assert!(
        page.contains("Travaux en cours") && page.contains("40 %"),
        "{page}"
    );
    let page = app
        .get(&format!("/budgets/projects/{}", funded[0]))
        .await
        .text();
    assert!(page.contains("Début des travaux"), "{page}");
}

/// A campaign in its voting phase made through the store: knapsack ballots, one budget of
/// 1 000 DH with projects of 400, 500 and 300 DH.
async fn knapsack_campaign(w: &World) -> (i64, i64, Vec<i64>) {
    let db = w.app.db();
    let t = now();
    let spec = CampaignSpec {
        title: "Sac à dos".into(),
        territory: TerritoryId(w.tangier),
        budgets: vec![BudgetSpec {
            name: "Ville".into(),
            territory: TerritoryId(w.tangier),
            amount: Money::from_dirhams(1_000),
        }],
        ballot: BallotType::Knapsack,
        rule: CountingRule::Greedy,
        min_age: 18,
        scope: VoteScope::OneBudget,
        schedule: Schedule {
            informing: t - 5 * DAY,
            proposing: t - 4 * DAY,
            review: t - 3 * DAY,
            voting: t - 2 * DAY,
            voting_end: t + 2 * DAY,
        },
    };
    let cid = store::create_campaign(db, &spec, "", Some(w.staff), false)
        .await
        .unwrap();
    let budget = store::campaign(db, cid).await.unwrap().unwrap().budgets[0].id;
    for to in [Phase::Informing, Phase::Proposing] {
        store::set_phase(db, cid, to, Some(w.staff), t)
            .await
            .unwrap();
    }
    let mut ids = Vec::new();
    for cost in ["400", "500", "300"] {
        let p = nousharik::budgets::model::project::ProposalForm {
            title: format!("Projet {cost}"),
            description: "d".into(),
            place: "p".into(),
            budget: budget.to_string(),
            category: "roads".into(),
            cost: cost.into(),
        }
        .check(&[(budget, Money::from_dirhams(1_000))])
        .unwrap();
        ids.push(
            store::submit_proposal(db, cid, &p, Some(w.resident), t)
                .await
                .unwrap(),
        );
    }
    store::set_phase(db, cid, Phase::TechnicalReview, Some(w.staff), t)
        .await
        .unwrap();
    for (id, cost) in ids.iter().zip([400, 500, 300]) {
        let review = nousharik::budgets::model::project::Review::Feasible {
            cost: Money::from_dirhams(cost),
            reason: String::new(),
        };
        store::review(db, *id, &review, w.staff, t).await.unwrap();
    }
    store::set_phase(db, cid, Phase::Voting, Some(w.staff), t)
        .await
        .unwrap();
    (cid, budget, ids)
}

/// A published campaign's calendar: the dates still to come move, open voting is extended but
/// never shortened, a started phase keeps its date, a bad date is explained and kept, the
/// calendar is final once voting has closed; only the campaign's staff may change it, and each
/// change is audited.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_calendar_moves_only_what_is_still_to_come() {
    let mut w = world().await;
    let (cid, _, _) = knapsack_campaign(&w).await;
    let dates = format!("/budgets/campaigns/{cid}/dates");
    let before = store::campaign(w.app.db(), cid)
        .await
        .unwrap()
        .unwrap()
        .schedule;
    let fields = |voting_last: i64, proposing: i64| {
        vec![
            ("informing".to_owned(), ymd(before.informing)),
            ("proposing".to_owned(), ymd(proposing)),
            ("review".to_owned(), ymd(before.review)),
            ("voting".to_owned(), ymd(before.voting)),
            ("voting_last".to_owned(), ymd(voting_last)),
        ]
    };
    let extended = fields(before.voting_end + 4 * DAY, before.proposing);
    // Nobody but the campaign's staff: the other commune's staff and a resident are refused,
    // anonymous visitors sent to log in; nothing changes.
    for who in [Some(w.larache_staff), Some(w.resident)] {
        sign_in(&mut w.app, who, "fr").await;
        assert_eq!(w.app.get(&dates).await.status, 403);
        let r = w.app.post_form_csrf(&dates, &refs(&extended)).await;
        assert_eq!(r.status, 403);
    }
    sign_in(&mut w.app, None, "fr").await;
    assert_eq!(w.app.get(&dates).await.status, 303);
    let app = &mut w.app;
    sign_in(app, Some(w.staff), "fr").await;
    let page = app.get(&format!("/budgets/campaigns/{cid}")).await.text();
    assert!(page.contains(&format!("href=\"{dates}\"")), "{page}");
    let page = app.get(&dates).await.text();
    assert!(
        page.contains("id=\"proposing\" name=\"proposing\" type=\"date\"")
            && page.contains("readonly"),
        "{page}"
    );
    // Shortening open voting is refused, explained, and what was typed stays.
    let short = fields(before.voting_end - 2 * DAY, before.proposing);
    let r = app.post_form_csrf(&dates, &refs(&short)).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("pas écourté"), "{}", r.text());
    assert!(
        r.text().contains(&ymd(before.voting_end - 2 * DAY)),
        "typed date kept"
    );
    // A started phase keeps its date; a date that is not one is explained.
    let moved = fields(before.voting_end + 4 * DAY, before.proposing + DAY);
    let r = app.post_form_csrf(&dates, &refs(&moved)).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("déjà commencée ne peut pas changer"),
        "{}",
        r.text()
    );
    let mut bad = extended.clone();
    bad[4].1 = "le 31 février".into();
    let r = app.post_form_csrf(&dates, &refs(&bad)).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("le 31 février"), "typed text kept");
    let unchanged = store::campaign(app.db(), cid)
        .await
        .unwrap()
        .unwrap()
        .schedule;
    assert_eq!(unchanged, before, "nothing stored by a refusal");
    // Extending works and is audited.
    let r = app.post_form_csrf(&dates, &refs(&extended)).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let after = store::campaign(app.db(), cid)
        .await
        .unwrap()
        .unwrap()
        .schedule;
    // Voting now ends at the end of the day typed (Casablanca time).
    assert_eq!(ymd(after.voting_end - 1), ymd(before.voting_end + 4 * DAY));
    assert_eq!(ymd(after.voting_end), ymd(before.voting_end + 5 * DAY));
    assert_eq!(
        (after.informing, after.proposing, after.voting),
        (before.informing, before.proposing, before.voting),
        "the started phases kept their instants"
    );
    let audited: i64 = app
        .db()
        .query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'budgets.campaign_reschedule'")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(audited, 1);
    // Once voting has closed, the calendar is final.
    app.db()
        .query("UPDATE budget_campaigns SET phase = 'counting' WHERE id = ?")
        .bind(cid)
        .execute(app.db().pool())
        .await
        .unwrap();
    assert_eq!(app.get(&dates).await.status, 409);
    let r = app.post_form_csrf(&dates, &refs(&extended)).await;
    assert_eq!(r.status, 409);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_knapsack_ballot_over_the_budget_is_refused_and_kept() {
    let mut w = world().await;
    let (_, budget, ids) = knapsack_campaign(&w).await;
    let app = &mut w.app;
    sign_in(app, Some(w.resident), "ar").await;
    let vote = format!("/budgets/{budget}/vote");
    let [a, b, c] = [ids[0], ids[1], ids[2]].map(|i| i.to_string());
    let r = app
        .post_form_csrf(
            &vote,
            &[
                ("project", &a),
                ("project", &b),
                ("project", &c),
                ("adult", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(
        html.contains("كلفة المشاريع المختارة تتجاوز الميزانية"),
        "{html}"
    );
    assert!(
        html.contains(&format!("value=\"{c}\" checked")),
        "choices kept"
    );
    assert_eq!(ballots_in(app.db(), budget).await, 0);
    let r = app
        .post_form_csrf(&vote, &[("project", &b), ("project", &c), ("adult", "yes")])
        .await;
    assert_eq!(r.status, 200, "800 DH of 1 000: {}", r.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_staff_action_is_forbidden_to_everyone_else() {
    let mut w = world().await;
    let (cid, budget, ids) = knapsack_campaign(&w).await;
    let project = ids[0];
    let app = &mut w.app;
    let gets = [
        "/budgets/new".to_owned(),
        format!("/budgets/campaigns/{cid}/edit"),
        format!("/budgets/campaigns/{cid}/review"),
        format!("/budgets/{budget}/paper"),
    ];
    let posts = [
        format!("/budgets/campaigns/{cid}/edit"),
        format!("/budgets/campaigns/{cid}/phase"),
        format!("/budgets/campaigns/{cid}/count"),
        format!("/budgets/projects/{project}/review"),
        format!("/budgets/projects/{project}/merge"),
        format!("/budgets/{budget}/paper"),
    ];
    let before: i64 = app
        .db()
        .query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    // Anonymous visitors are sent to sign in (or told to); never a 200.
    sign_in(app, None, "fr").await;
    for path in gets.iter().chain(&posts) {
        let r = app.get(path).await;
        assert!(
            matches!(r.status.as_u16(), 303 | 401 | 405),
            "{path}: {}",
            r.status
        );
    }
    for path in &posts {
        let r = app
            .post_form_csrf(
                path,
                &[
                    ("to", "counting"),
                    ("decision", "feasible"),
                    ("cost", "1"),
                    ("into", "1"),
                ],
            )
            .await;
        assert!(
            matches!(r.status.as_u16(), 303 | 401),
            "{path}: {}",
            r.status
        );
        assert_ne!(
            r.location(),
            Some(format!("/budgets/campaigns/{cid}?done=budgets-notice-phase").as_str())
        );
    }
    // A resident, the staff of another commune and the administrator (for paper ballots).
    for (who, user) in [
        ("resident", w.resident),
        ("larache staff", w.larache_staff),
        ("outsider", w.outsider),
    ] {
        sign_in(app, Some(user), "fr").await;
        for path in &gets {
            // Larache's staff may create campaigns, for Larache only (checked below).
            let expected = if user == w.larache_staff && path == "/budgets/new" {
                200
            } else {
                403
            };
            assert_eq!(app.get(path).await.status, expected, "{who} GET {path}");
        }
        for path in &posts {
            let r = app
                .post_form_csrf(
                    path,
                    &[
                        ("to", "counting"),
                        ("decision", "feasible"),
                        ("cost", "1"),
                        ("into", "1"),
                    ],
                )
                .await;
            assert_eq!(r.status, 403, "{who} POST {path}");
        }
        let r = post_multipart(
            app,
            &format!("/budgets/projects/{project}/progress"),
            &[("status", "works"), ("percent", "1"), ("note", "x")],
            &[],
        )
        .await;
        assert_eq!(r.status, 403, "{who} progress");
    }
    sign_in(app, Some(w.admin), "fr").await;
    assert_eq!(
        app.get(&format!("/budgets/campaigns/{cid}/review"))
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(&format!("/budgets/{budget}/paper")).await.status,
        403,
        "an administrator is no polling official"
    );
    let after: i64 = app
        .db()
        .query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(before, after, "nothing changed");
    let c = store::campaign(app.db(), cid).await.unwrap().unwrap();
    assert_eq!(c.phase, Phase::Voting);
}

#[test]
fn every_message_the_pages_build_from_codes_exists_in_every_language() {
    let mut missing = Vec::new();
    for key in nousharik::budgets::routes::computed_keys() {
        for locale in Locale::ALL {
            if locale.t(&key) == key {
                missing.push(format!("{}: {key}", locale.code()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
