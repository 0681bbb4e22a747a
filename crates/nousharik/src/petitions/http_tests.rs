//! HTTP tests of the petition pages: anonymous, citizen, representative, bureau and staff,
//! bad input of every kind, and both walks of the issue (a citizen petition from drafting to
//! the bureau's decision and the register; an association petition refused on a legal ground).

use super::testkit;
use crate::platform::now;
use crate::platform::permissions::UserActor;
use crate::platform::testing::{self, TestApp, TestResponse};

fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..start + 64].to_owned()
}

async fn as_user(app: &mut TestApp, who: &UserActor) {
    app.clear_cookies();
    let token = crate::accounts::store::create_session(app.db(), who.id, "test", now())
        .await
        .unwrap();
    app.set_cookie("nk_session", &token);
    app.set_cookie("lang", "en");
}

/// GETs `page`, then POSTs its CSRF token and `fields` to `action`.
async fn submit(
    app: &mut TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let p = app.get(page).await;
    assert_eq!(p.status, 200, "GET {page}: {}", p.text());
    let csrf = csrf_of(&p.text());
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(action, &all).await
}

fn id_from_location(r: &TestResponse) -> i64 {
    let loc = r.location().expect("a redirect");
    loc.trim_start_matches("/petitions/")
        .split(['?', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

const TEXTS: [(&str, &str); 4] = [
    ("title", "Lighting in Bni Makada"),
    (
        "request",
        "Put the public lighting of the Bni Makada streets on the agenda.",
    ),
    (
        "reasons",
        "Several streets have had no working light for a year; people feel unsafe.",
    ),
    ("deputy_name", "Youssef A."),
];

async fn setup() -> (TestApp, testing::TestDb, testkit::World) {
    let test_db = testing::sqlite().await;
    testkit::rules(&test_db.db, now()).await;
    let w = testkit::world(&test_db.db).await;
    (TestApp::new(test_db.db.clone()), test_db, w)
}

fn sign_fields<'a>(cin: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", "Amina B."),
        ("cin", cin),
        ("basis", "resident"),
        ("electoral_roll", "1"),
        ("consent", version),
        ("notify", "1"),
    ]
}

#[tokio::test]
async fn public_pages_and_bad_paths() {
    let (mut app, db, _w) = setup().await;
    app.set_cookie("lang", "en");
    for path in ["/petitions", "/petitions/stats", "/petitions/rules"] {
        let r = app.get(path).await;
        assert_eq!(r.status, 200, "{path}");
    }
    assert!(
        app.get("/petitions/rules")
            .await
            .text()
            .contains("to confirm")
    );
    let json = app.get("/petitions.json").await;
    assert_eq!(json.status, 200);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json.text()).unwrap(),
        serde_json::json!([])
    );
    for bad in [
        "/petitions/abc",
        "/petitions/0",
        "/petitions/99999",
        "/petitions/-1/receipt.pdf",
    ] {
        assert_eq!(app.get(bad).await.status, 404, "{bad}");
    }
    let r = app
        .get("/petitions?state=bogus&territory=x&level=%3Cscript%3E")
        .await;
    assert_eq!(r.status, 200, "unknown filters are ignored");
    let r = app.get("/petitions/new").await;
    assert!(
        r.status.is_redirection(),
        "anonymous visitors are sent to log in"
    );
    let r = app.post_form("/petitions/1/sign", &[("cin", "AB1")]).await;
    assert_eq!(r.status, 403, "no CSRF token");
    db.cleanup().await;
}

#[tokio::test]
async fn citizen_petition_walk_from_draft_to_register() {
    let (mut app, db, w) = setup().await;
    let council = w.tangier_council.to_string();

    // Drafting: a bad title is refused with the form refilled, nothing lost.
    as_user(&mut app, &w.rep).await;
    let mut fields = vec![
        ("kind", "citizen"),
        ("council", council.as_str()),
        ("representative_name", "Fatima Z."),
    ];
    fields.extend_from_slice(&TEXTS);
    fields[3] = ("title", "<b>");
    let r = submit(&mut app, "/petitions/new", "/petitions/new", &fields).await;
    assert_eq!(r.status, 422);
    let page = r.text();
    assert!(page.contains("The title must have 5 to 200 characters."));
    assert!(
        page.contains("Several streets have had no working light"),
        "refilled"
    );
    assert!(!page.contains("value=\"<b>\""), "escaped");
    assert!(
        page.contains("&lt;b&gt;") || page.contains("&#60;b&#62;"),
        "refilled, escaped"
    );
    fields[3] = TEXTS[0];
    let r = submit(&mut app, "/petitions/new", "/petitions/new", &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = id_from_location(&r);
    let page_path = format!("/petitions/{id}");
    let step = format!("/petitions/{id}/step");

    // Drafts are private.
    app.clear_cookies();
    assert_eq!(app.get(&page_path).await.status, 404);
    as_user(&mut app, &w.tangier_residents[0]).await;
    assert_eq!(app.get(&page_path).await.status, 404);

    // Opening, by the representative only.
    as_user(&mut app, &w.rep).await;
    let r = submit(&mut app, &page_path, &step, &[("step", "open")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = submit(&mut app, &page_path, &step, &[("step", "deposit")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("0 valid signatures of the 3 required."));

    // Signing: bad CIN, forged consent version, double signing, a non-resident.
    as_user(&mut app, &w.tangier_residents[0]).await;
    let sign = format!("/petitions/{id}/sign");
    let r = submit(&mut app, &page_path, &sign, &sign_fields("12-34", "1")).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("A CIN number is one or two letters followed by 1 to 6 digits")
    );
    assert!(r.text().contains("Amina B."), "name refilled");
    assert!(!r.text().contains("12-34"), "the CIN is never sent back");
    let r = submit(&mut app, &page_path, &sign, &sign_fields("AB1", "0")).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("The consent text has changed"));
    let r = submit(&mut app, &page_path, &sign, &sign_fields("AB1", "1")).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(
        app.get(&page_path)
            .await
            .text()
            .contains("Withdraw my signature")
    );
    let r = submit(&mut app, &page_path, &sign, &sign_fields("AB9", "1")).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("already has a signature from this person")
    );
    as_user(&mut app, &w.larache_resident).await;
    let r = submit(&mut app, &page_path, &sign, &sign_fields("LL1", "1")).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("You are not a verified resident of this territory.")
    );
    for (i, who) in w.tangier_residents.iter().enumerate().skip(1).take(2) {
        as_user(&mut app, who).await;
        let cin = format!("CD{i}");
        let r = submit(&mut app, &page_path, &sign, &sign_fields(&cin, "1")).await;
        assert_eq!(r.status, 303);
    }

    // A forged step name and someone else's deposit.
    let r = submit(&mut app, &page_path, &step, &[("step", "deposit")]).await;
    assert_eq!(r.status, 403);
    assert!(
        r.text()
            .contains("You are not allowed to do this on this petition.")
    );
    as_user(&mut app, &w.rep).await;
    let r = submit(&mut app, &page_path, &step, &[("step", "teleport")]).await;
    assert_eq!(r.status, 422);
    let r = submit(&mut app, &page_path, &step, &[("step", "deposit")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let receipt = app.get(&format!("/petitions/{id}/receipt.pdf")).await;
    assert_eq!(receipt.status, 200);
    assert!(receipt.bytes.starts_with(b"%PDF-"));

    // The signature list: that council's staff only.
    let list = format!("/petitions/{id}/signatures.csv");
    assert_eq!(app.get(&list).await.status, 403);
    as_user(&mut app, &w.larache_bureau_member).await;
    assert_eq!(app.get(&list).await.status, 403);
    as_user(&mut app, &w.tangier_staff).await;
    let csv = app.get(&list).await;
    assert_eq!(csv.status, 200);
    assert!(csv.text().contains("AB1") && csv.text().contains("CD2"));
    assert_eq!(
        app.get(&format!("/petitions/{id}/signatures.pdf"))
            .await
            .status,
        200
    );

    // The bureau's decision: not by staff, then by the bureau.
    let decide = [
        ("step", "declare_admissible"),
        ("decision", "admissible"),
        ("ground", ""),
        ("text", ""),
    ];
    let r = submit(&mut app, &page_path, &step, &decide).await;
    assert_eq!(r.status, 403);
    as_user(&mut app, &w.tangier_bureau_member).await;
    let r = submit(&mut app, &page_path, &step, &decide).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = submit(&mut app, &page_path, &step, &decide).await;
    assert_eq!(r.status, 422, "a second decision");

    // The public register shows it with its history.
    app.clear_cookies();
    app.set_cookie("lang", "ar");
    let page = app.get(&page_path).await.text();
    assert!(page.contains("dir=\"rtl\""));
    assert!(page.contains("مقبولة"));
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/petitions.json").await.text()).unwrap();
    let record = &json[0];
    assert_eq!(record["id"], id);
    assert_eq!(record["status"], "admissible");
    assert_eq!(record["signature_count"], 3);
    assert_eq!(record["required_signatures"], 3);
    assert_eq!(record["kind"], "citizen");
    assert!(
        record["decision_deadline"]
            .as_str()
            .is_some_and(|d| d.len() == 10)
    );
    let csv = app.get("/petitions.csv").await.text();
    assert!(csv.starts_with("id,url,title,kind"));
    db.cleanup().await;
}

#[tokio::test]
async fn association_petition_refused_on_a_legal_ground() {
    let (mut app, db, w) = setup().await;
    let council = w.larache_council.to_string();
    let young = w.young_association.to_string();
    let old = w.old_association.to_string();
    as_user(&mut app, &w.association_rep).await;
    let mut fields = vec![
        ("kind", "association"),
        ("council", council.as_str()),
        ("association", young.as_str()),
        ("field", "environment"),
        ("representative_name", "Karim L."),
    ];
    fields.extend_from_slice(&TEXTS);
    let r = submit(&mut app, "/petitions/new", "/petitions/new", &fields).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("the law requires more than 3 years of existence"),
        "{}",
        r.text()
    );
    fields[2] = ("association", old.as_str());
    let r = submit(&mut app, "/petitions/new", "/petitions/new", &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = id_from_location(&r);
    let page_path = format!("/petitions/{id}");
    let step = format!("/petitions/{id}/step");
    let r = submit(&mut app, &page_path, &step, &[("step", "deposit")]).await;
    assert_eq!(r.status, 303, "{}", r.text());

    as_user(&mut app, &w.larache_bureau_member).await;
    let refuse = |ground: &'static str, text: &'static str| {
        [
            ("step", "declare_inadmissible"),
            ("decision", "inadmissible"),
            ("ground", ground),
            ("text", text),
        ]
    };
    let r = submit(&mut app, &page_path, &step, &refuse("", "Reasons")).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("Choose one of the legal grounds of refusal.")
    );
    let r = submit(
        &mut app,
        &page_path,
        &step,
        &refuse("outside_competence", ""),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("The reasoned text is required."));
    let r = submit(
        &mut app,
        &page_path,
        &step,
        &refuse("outside_competence", "Ports are a State competence."),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    app.clear_cookies();
    app.set_cookie("lang", "fr");
    let page = app.get(&page_path).await.text();
    assert!(page.contains("Elle ne relève pas des compétences du conseil"));
    assert!(page.contains("Ports are a State competence."));
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/petitions.json?kind=association").await.text()).unwrap();
    assert_eq!(json[0]["status"], "inadmissible");
    assert_eq!(json[0]["refusal_ground"], "outside_competence");
    db.cleanup().await;
}

#[tokio::test]
async fn demo_holds_petitions_in_every_state_and_is_idempotent() {
    use super::model::procedure::PetitionState;
    let test_db = testing::sqlite().await;
    let app = TestApp::new(test_db.db.clone());
    crate::territory::store::seed_reference(app.db())
        .await
        .unwrap();
    crate::demo::seed(&app.state).await.unwrap();
    crate::demo::seed(&app.state).await.unwrap();
    let states: Vec<String> = app
        .db()
        .query_scalar("SELECT DISTINCT state FROM petitions ORDER BY state")
        .fetch_all(app.db().pool())
        .await
        .unwrap();
    let mut expected: Vec<&str> = PetitionState::ALL.iter().map(|s| s.code()).collect();
    expected.sort_unstable();
    assert_eq!(states, expected);
    let n: i64 = app
        .db()
        .query_scalar("SELECT COUNT(*) FROM petitions")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(n, 12, "seeded once");
    // Every stored counter matches its rows.
    let drift: i64 = app
        .db()
        .query_scalar(
            "SELECT COUNT(*) FROM petitions p WHERE p.signature_count <> \
             (SELECT COUNT(*) FROM petition_signatures s WHERE s.petition_id = p.id)",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(drift, 0);
    // The deadline job warns the Tangier bureau once about the petition deposited 80 days ago.
    let sent = super::jobs::run_deadline_warnings(&app.state, now())
        .await
        .unwrap();
    assert_eq!(sent, 1);
    assert_eq!(
        super::jobs::run_deadline_warnings(&app.state, now())
            .await
            .unwrap(),
        0
    );
    let mails = crate::platform::mail::read_outbox(&app.data_dir().join("mail"));
    assert!(
        mails
            .iter()
            .any(|m| m.to == "bureau.tanger@demo.nousharik.ma" && m.text.contains("Charf-Souani"))
    );
    test_db.cleanup().await;
}

#[tokio::test]
async fn council_steps_paper_entry_and_rules_over_http() {
    use super::model::procedure::Transition;
    use super::service;
    let (mut app, db, w) = setup().await;
    let t = now();
    let id = service::draft_citizen(
        app.db(),
        &w.rep,
        w.tangier_council,
        &super::service::Texts {
            title: TEXTS[0].1.into(),
            request: TEXTS[1].1.into(),
            reasons: TEXTS[2].1.into(),
            representative_name: "Fatima Z.".into(),
            deputy_name: "Youssef A.".into(),
        },
        t,
    )
    .await
    .unwrap();
    service::transition(app.db(), &w.rep, id, Transition::Open, t)
        .await
        .unwrap();
    let page_path = format!("/petitions/{id}");
    let paper = format!("/petitions/{id}/paper");
    let place = w.bni_makada.to_string();

    // Paper lines: typed twice, by two committee members; a mismatch counts nothing.
    let member = w.tangier_residents[3].clone();
    super::store::add_committee_member(app.db(), id, member.id.0, "member")
        .await
        .unwrap();
    let line = |cin: &'static str, name: &'static str| {
        vec![("sheet", "S-1"), ("full_name", name), ("cin", cin)]
    };
    for (cin, name) in [("P1", "Ali One"), ("P2", "Badr Two"), ("P3", "Chama Three")] {
        let mut f = line(cin, name);
        f.push(("place", place.as_str()));
        as_user(&mut app, &w.rep).await;
        let r = submit(&mut app, &page_path, &paper, &f).await;
        assert_eq!(r.status, 200);
        assert!(r.text().contains("First entry recorded"));
        as_user(&mut app, &member).await;
        let r = submit(&mut app, &page_path, &paper, &f).await;
        assert!(r.text().contains("Both entries agree"), "{cin}");
    }
    as_user(&mut app, &w.rep).await;
    let mut f = line("P4", "Driss Four");
    f.push(("place", place.as_str()));
    submit(&mut app, &page_path, &paper, &f).await;
    as_user(&mut app, &member).await;
    let mut g = line("P4", "Driss Five");
    g.push(("place", place.as_str()));
    let r = submit(&mut app, &page_path, &paper, &g).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("differs from the first on") && r.text().contains("the name"));
    as_user(&mut app, &w.tangier_residents[0]).await;
    let page = app.get(&page_path).await.text();
    assert!(!page.contains(&paper), "no paper form for a signatory");
    let mut f = line("P9", "Someone");
    f.push(("place", place.as_str()));
    let r = submit(&mut app, &page_path, &paper, &f).await;
    assert_eq!(r.status, 403);

    // Someone who asked to be told of the decision.
    let sign = format!("/petitions/{id}/sign");
    let r = submit(&mut app, &page_path, &sign, &sign_fields("Q1", "1")).await;
    assert_eq!(r.status, 303);
    service::transition(app.db(), &w.rep, id, Transition::Deposit, t)
        .await
        .unwrap();
    service::transition(
        app.db(),
        &w.tangier_bureau_member,
        id,
        Transition::DeclareAdmissible,
        t,
    )
    .await
    .unwrap();

    // Referral, agenda and decision by the council's staff.
    as_user(&mut app, &w.tangier_staff).await;
    let step = format!("/petitions/{id}/step");
    let committee = w.tangier_committee.to_string();
    let r = submit(
        &mut app,
        &page_path,
        &step,
        &[("step", "refer_to_committee"), ("committee", "x")],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = submit(
        &mut app,
        &page_path,
        &step,
        &[
            ("step", "refer_to_committee"),
            ("committee", committee.as_str()),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let r = submit(
        &mut app,
        &page_path,
        &step,
        &[("step", "put_on_agenda"), ("session_date", "2026-13-45")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("Give the session date as a calendar date.")
    );
    let r = submit(
        &mut app,
        &page_path,
        &step,
        &[("step", "put_on_agenda"), ("session_date", "2026-10-05")],
    )
    .await;
    assert_eq!(r.status, 303);
    let decide = |votes: &'static str| {
        vec![
            ("step", "record_decision"),
            ("text", "Adopted."),
            ("votes_for", votes),
            ("votes_against", "2"),
            ("abstentions", ""),
        ]
    };
    let r = submit(&mut app, &page_path, &step, &decide("-3")).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("whole numbers"));
    assert!(r.text().contains("Adopted."), "refilled");
    let r = submit(&mut app, &page_path, &step, &decide("30")).await;
    assert_eq!(r.status, 303);
    let r = submit(&mut app, &page_path, &step, &decide("30")).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("case is closed"));
    let mails = crate::platform::mail::read_outbox(&app.data_dir().join("mail"));
    assert_eq!(mails.len(), 1, "the one signatory who asked");
    assert!(mails[0].subject.contains(TEXTS[0].1));

    // Rule sets: administrators add versions; others cannot.
    let body = serde_json::to_string(&super::testkit::small_rules())
        .unwrap()
        .replace("2020-01-01", "2031-01-01");
    let r = submit(
        &mut app,
        "/petitions/rules",
        "/petitions/rules",
        &[("body", body.as_str())],
    )
    .await;
    assert_eq!(r.status, 403);
    app.db()
        .query("UPDATE users SET is_admin = 1 WHERE id = ?")
        .bind(w.rep.id.0)
        .execute(app.db().pool())
        .await
        .unwrap();
    as_user(&mut app, &w.rep).await;
    let r = submit(
        &mut app,
        "/petitions/rules",
        "/petitions/rules",
        &[("body", "{ not json")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("This rule set is not valid"));
    assert!(r.text().contains("{ not json"), "refilled");
    let r = submit(
        &mut app,
        "/petitions/rules",
        "/petitions/rules",
        &[("body", body.as_str())],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = submit(
        &mut app,
        "/petitions/rules",
        "/petitions/rules",
        &[("body", body.as_str())],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("already takes effect on that date"));
    db.cleanup().await;
}

/// Editing a draft: the representative only, validated, audit-logged, refused once opened.
#[tokio::test]
async fn draft_edit_page() {
    let (mut app, db, w) = setup().await;
    let council = w.tangier_council.to_string();
    as_user(&mut app, &w.rep).await;
    let mut fields = vec![
        ("kind", "citizen"),
        ("council", council.as_str()),
        ("representative_name", "Fatima Z."),
    ];
    fields.extend_from_slice(&TEXTS);
    let r = submit(&mut app, "/petitions/new", "/petitions/new", &fields).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let id = id_from_location(&r);
    let page_path = format!("/petitions/{id}");
    let edit = format!("/petitions/{id}/edit");
    assert!(app.get(&page_path).await.text().contains(&edit), "a link");

    // The form comes filled in with the draft.
    let form = app.get(&edit).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Lighting in Bni Makada"));
    // Addresses as people type them (the fixture's own have no dot in their domain).
    for (who, email) in [
        (&w.rep, "rep@example.ma"),
        (&w.tangier_residents[1], "t1@example.ma"),
    ] {
        app.db()
            .query("UPDATE users SET email = ? WHERE id = ?")
            .bind(email)
            .bind(who.id.0)
            .execute(app.db().pool())
            .await
            .unwrap();
    }
    let member_email = "t1@example.ma";
    let edited = [
        ("title", "Lighting and pavements in Bni Makada"),
        ("request", TEXTS[1].1),
        ("reasons", TEXTS[2].1),
        ("representative_name", "Fatima Z."),
        ("deputy_name", "Youssef B."),
        (
            "committee",
            "T1@example.ma\n  t1@example.ma, rep@example.ma",
        ),
    ];

    // Bad input comes back on the form, as typed, with a translated message.
    let mut bad = edited;
    bad[2] = ("reasons", "too short");
    let r = submit(&mut app, &edit, &edit, &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Lighting and pavements"), "refilled");
    let mut bad = edited;
    bad[5] = ("committee", "nobody@nowhere.example.ma");
    let r = submit(&mut app, &edit, &edit, &bad).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("does not belong to an account on the platform")
    );
    let mut bad = edited;
    bad[5] = ("committee", "not-an-address");
    let r = submit(&mut app, &edit, &edit, &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("not a valid email address"));
    let unchanged = crate::petitions::store::petition(app.db(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.title, "Lighting in Bni Makada", "nothing saved");
    let r = app.post_form(&edit, &edited).await;
    assert_eq!(r.status, 403, "no CSRF token");

    // Saved: texts, deputy, committee (the representative's own address ignored), audit.
    let r = submit(&mut app, &edit, &edit, &edited).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        r.location(),
        Some(format!("/petitions/{id}?done=edited").as_str())
    );
    let p = crate::petitions::store::petition(app.db(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.title, "Lighting and pavements in Bni Makada");
    assert_eq!(p.deputy_name, "Youssef B.");
    assert_eq!(
        crate::petitions::store::committee_emails(app.db(), id)
            .await
            .unwrap(),
        vec![member_email.to_owned()]
    );
    let audit = crate::platform::audit::for_subject(app.db(), &format!("petition:{id}"))
        .await
        .unwrap();
    let entry = audit
        .iter()
        .find(|e| e.action == "petition.edit")
        .expect("the edit is audited");
    assert!(entry.details.contains("title") && entry.details.contains("committee"));
    assert!(!entry.details.contains("request"), "only changed fields");

    // The committee member sees the draft but may not edit it; strangers do not see it.
    as_user(&mut app, &w.tangier_residents[1]).await;
    assert_eq!(app.get(&page_path).await.status, 200);
    assert!(!app.get(&page_path).await.text().contains(&edit));
    assert_eq!(app.get(&edit).await.status, 403);
    let r = submit(&mut app, &page_path, &edit, &edited).await;
    assert_eq!(r.status, 403);
    assert!(
        r.text()
            .contains("You are not allowed to do this on this petition.")
    );
    as_user(&mut app, &w.tangier_residents[2]).await;
    assert_eq!(app.get(&edit).await.status, 404);
    as_user(&mut app, &w.tangier_bureau_member).await;
    assert_eq!(app.get(&edit).await.status, 404);
    app.clear_cookies();
    assert!(app.get(&edit).await.status.is_redirection(), "log in first");

    // Once open for signatures, nothing can be edited.
    as_user(&mut app, &w.rep).await;
    let step = format!("/petitions/{id}/step");
    let r = submit(&mut app, &page_path, &step, &[("step", "open")]).await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(!app.get(&page_path).await.text().contains(&edit));
    assert_eq!(app.get(&edit).await.status, 409);
    let mut late = edited;
    late[0] = ("title", "A different petition after opening");
    let r = submit(&mut app, &page_path, &edit, &late).await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("only a draft can be edited"));
    let p = crate::petitions::store::petition(app.db(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.title, "Lighting and pavements in Bni Makada");

    // Paper lists: the second entry must come from another committee member.
    let paper = format!("/petitions/{id}/paper");
    let place = w.bni_makada.to_string();
    let line = [
        ("sheet", "S1"),
        ("full_name", "Said K."),
        ("cin", "PP77"),
        ("place", place.as_str()),
    ];
    let r = submit(&mut app, &page_path, &paper, &line).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = submit(&mut app, &page_path, &paper, &line).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("another member of the committee"));
    as_user(&mut app, &w.tangier_residents[1]).await;
    let r = submit(&mut app, &page_path, &paper, &line).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let p = crate::petitions::store::petition(app.db(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.signature_count, 1, "confirmed by a second member");
    db.cleanup().await;
}
