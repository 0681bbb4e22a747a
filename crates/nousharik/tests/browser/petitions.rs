//! The two petition walks of issue 4 in a real browser, in Arabic, on the demo data:
//! a citizen petition to the Larache council from drafting to signatures, deposit, the bureau's
//! admissibility, referral, agenda and the council's decision, then the public register; and an
//! association petition refused by the bureau on a legal ground. Screenshots of every step,
//! axe-core on the main pages.

use fantoccini::Locator;
use nousharik::petitions::model::cin::CinKeys;
use nousharik::petitions::model::eligibility::CONSENT_VERSION;
use nousharik::petitions::service::{self, SignForm};
use nousharik::petitions::store;
use nousharik::platform::db::Db;
use nousharik::platform::ids::{TerritoryId, UserId};
use nousharik::platform::permissions::{TerritoryChain, UserActor};

use crate::harness::{Browser, id_of};

/// `n` verified residents of `territory` sign the petition through the same service as the
/// signing page (a browser walk cannot type 199 signatures).
async fn residents_sign(b: &Browser, db: &Db, petition: i64, territory: i64, n: usize) {
    let secret = nousharik::platform::config::load_or_create_secret(b.data_dir.path(), "data")
        .expect("the server's secret key");
    let keys = CinKeys::from_secret(secret.bytes());
    let staff: i64 = db
        .query_scalar("SELECT id FROM users WHERE email = 'staff.tanger@demo.nousharik.ma'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let chain = store::territory_chain(db, territory).await.unwrap();
    let now = jiff::Timestamp::now().as_second();
    for i in 0..n {
        let id: i64 = db
            .query_scalar(
                "INSERT INTO users (email, display_name, language, is_admin, email_confirmed_at, created_at) \
                 VALUES (?, ?, 'ar', 0, ?, ?) RETURNING id",
            )
            .bind(format!("signer{i}@walk.test"))
            .bind(format!("Signer {i}"))
            .bind(now)
            .bind(now)
            .fetch_one(db.pool())
            .await
            .unwrap();
        db.query(
            "INSERT INTO resident_verifications (user_id, territory_id, verified_by, evidence, verified_at) \
             VALUES (?, ?, ?, 'cin_shown', ?)",
        )
        .bind(id)
        .bind(territory)
        .bind(staff)
        .bind(now)
        .execute(db.pool())
        .await
        .unwrap();
        let actor = UserActor {
            id: UserId(id),
            is_admin: false,
            email_confirmed: true,
            memberships: Vec::new(),
            residences: vec![TerritoryChain::new(
                TerritoryId(chain[0]),
                chain[1..].iter().map(|&t| TerritoryId(t)),
            )],
        };
        let form = SignForm {
            cin: format!("LA{}", 10_000 + i),
            full_name: format!("موقع {i}"),
            basis: "resident".into(),
            electoral_roll: true,
            consent_version: Some(CONSENT_VERSION),
            ..SignForm::default()
        };
        service::sign(db, &keys, &actor, petition, &form, now)
            .await
            .unwrap_or_else(|e| panic!("signer {i}: {e}"));
    }
}

fn petition_id(url: &str) -> i64 {
    url.split("/petitions/")
        .nth(1)
        .and_then(|rest| rest.split(['?', '#', '/']).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no petition id in {url}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn citizen_petition_from_drafting_to_the_public_register_in_arabic() {
    let b = Browser::start(true).await;
    let db = b.database().await;
    let council = id_of(&db, "organisations", "council-larache").await;
    let larache = id_of(&db, "territories", "commune-larache").await;

    // Drafting, by a verified resident of Larache.
    b.log_in(
        "citizen.larache@demo.nousharik.ma",
        "demo-citizen-2026",
        "ar",
    )
    .await;
    b.open("/petitions/new").await;
    b.select("council", &council.to_string()).await;
    b.fill("title", "إنارة شارع محمد الخامس بالعرائش").await;
    b.fill(
        "request",
        "إدراج إصلاح الإنارة العمومية بشارع محمد الخامس في جدول أعمال الدورة العادية المقبلة.",
    )
    .await;
    b.fill(
        "reasons",
        "الشارع مظلم منذ أشهر ويشعر السكان بعدم الأمان عند عودتهم ليلا.",
    )
    .await;
    b.fill("deputy_name", "يوسف العلمي").await;
    b.screenshot("petitions-walk-ar-1-draft").await;
    b.axe_clean("new petition").await;
    b.click_then(
        "form[action=\"/petitions/new\"] button[type=submit]",
        ".notice-ok",
    )
    .await;
    let url = b.client.current_url().await.unwrap().to_string();
    let id = petition_id(&url);
    let page = format!("/petitions/{id}");

    // The draft is edited (task: the draft-edit page), then opened for signatures.
    b.open(&format!("/petitions/{id}/edit")).await;
    b.fill("title", "إنارة شارع محمد الخامس وأزقته بالعرائش")
        .await;
    b.screenshot("petitions-walk-ar-2-edit").await;
    b.axe_clean("edit draft").await;
    b.click_then(
        &format!("form[action=\"/petitions/{id}/edit\"] button[type=submit]"),
        ".notice-ok",
    )
    .await;
    assert!(b.main_text().await.contains("وأزقته"));
    b.click_then(
        "form:has(input[name=\"step\"][value=\"open\"]) button",
        ".notice-ok",
    )
    .await;
    assert!(b.main_text().await.contains("مفتوحة للتوقيع"));

    // 199 residents sign; the representative signs as the 200th in the browser.
    residents_sign(&b, &db, id, larache, 199).await;
    b.open(&page).await;
    b.fill("full_name", "فاطمة الزهراء").await;
    b.fill("cin", "LB123456").await;
    b.click("input[name=\"electoral_roll\"]").await;
    b.click("input[name=\"consent\"]").await;
    b.screenshot("petitions-walk-ar-3-sign").await;
    b.axe_clean("petition page, signing form").await;
    b.click_then(
        &format!("form[action=\"/petitions/{id}/sign\"] button[type=submit]"),
        ".notice-ok",
    )
    .await;
    assert!(b.main_text().await.contains("200"));

    // Deposit: receipt number and PDF receipt.
    b.click_then(
        "form:has(input[name=\"step\"][value=\"deposit\"]) button",
        ".notice-ok",
    )
    .await;
    let text = b.main_text().await;
    assert!(text.contains("مودعة"), "{text}");
    assert!(
        text.contains("LARACHE-") || text.contains("COMMUNE-LARACHE-"),
        "{text}"
    );
    b.screenshot("petitions-walk-ar-4-deposited").await;
    assert!(
        b.client
            .find(Locator::Css(&format!(
                "a[href=\"/petitions/{id}/receipt.pdf\"]"
            )))
            .await
            .is_ok()
    );
    b.log_out().await;

    // The Larache bureau: admissible, referred to a standing committee, on the agenda, decided.
    b.log_in("bureau.larache@demo.nousharik.ma", "demo-bureau-2026", "ar")
        .await;
    b.open(&page).await;
    b.click("input[name=\"decision\"][value=\"admissible\"]")
        .await;
    b.screenshot("petitions-walk-ar-5-bureau").await;
    b.axe_clean("petition page, bureau").await;
    b.click_then(
        "form:has(input[name=\"step\"][value=\"declare_admissible\"]) button",
        ".notice-ok",
    )
    .await;
    assert!(b.main_text().await.contains("مقبولة"));
    b.click_then(
        "form:has(input[name=\"step\"][value=\"refer_to_committee\"]) button",
        ".notice-ok",
    )
    .await;
    b.client
        .execute(
            "document.getElementById('session_date').value = '2026-12-07';",
            vec![],
        )
        .await
        .expect("set the session date");
    b.click_then(
        "form:has(input[name=\"step\"][value=\"put_on_agenda\"]) button",
        ".notice-ok",
    )
    .await;
    b.fill(
        "text",
        "وافق المجلس على إصلاح الإنارة العمومية بالشارع خلال السنة المقبلة.",
    )
    .await;
    b.fill("votes_for", "21").await;
    b.fill("votes_against", "3").await;
    b.fill("abstentions", "2").await;
    b.click_then(
        "form:has(input[name=\"step\"][value=\"record_decision\"]) button",
        ".notice-ok",
    )
    .await;
    let text = b.main_text().await;
    assert!(text.contains("بت فيها المجلس"), "{text}");
    b.screenshot("petitions-walk-ar-6-decided").await;
    b.log_out().await;

    // The public register, in Arabic, for anyone.
    b.open(&format!("/petitions?territory={larache}")).await;
    let text = b.main_text().await;
    assert!(
        text.contains("إنارة شارع محمد الخامس وأزقته بالعرائش"),
        "{text}"
    );
    assert!(text.contains("بت فيها المجلس"), "{text}");
    b.screenshot("petitions-walk-ar-7-register").await;
    b.axe_clean("register").await;
    b.open(&page).await;
    let text = b.main_text().await;
    assert!(
        text.contains("21") && text.contains("وافق المجلس"),
        "{text}"
    );
    b.screenshot("petitions-walk-ar-8-public-page").await;
    b.axe_clean("public petition page").await;
    db.close().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn association_petition_refused_on_a_legal_ground_in_arabic() {
    let b = Browser::start(true).await;
    let db = b.database().await;
    let council = id_of(&db, "organisations", "council-larache").await;
    let association = id_of(&db, "organisations", "assoc-nassaim").await;

    // The association's legal representative files and deposits at once (no signatures).
    b.log_in("association@demo.nousharik.ma", "demo-assoc-2026", "ar")
        .await;
    b.open("/petitions/new").await;
    b.click("input[name=\"kind\"][value=\"association\"]").await;
    b.select("council", &council.to_string()).await;
    b.select("association", &association.to_string()).await;
    b.select("field", "youth").await;
    b.fill("title", "تدبير ميناء العرائش بمشاركة الجمعيات")
        .await;
    b.fill(
        "request",
        "إدراج مشاركة الجمعيات في تدبير ميناء العرائش في جدول أعمال المجلس الجماعي.",
    )
    .await;
    b.fill(
        "reasons",
        "يعاني سكان الأحياء المجاورة من أضرار الميناء دون أن تتم استشارتهم في تدبيره.",
    )
    .await;
    b.fill("deputy_name", "هشام البقالي").await;
    b.screenshot("petitions-assoc-ar-1-draft").await;
    b.click_then(
        "form[action=\"/petitions/new\"] button[type=submit]",
        ".notice-ok",
    )
    .await;
    let url = b.client.current_url().await.unwrap().to_string();
    let id = petition_id(&url);
    let page = format!("/petitions/{id}");
    b.click_then(
        "form:has(input[name=\"step\"][value=\"deposit\"]) button",
        ".notice-ok",
    )
    .await;
    assert!(b.main_text().await.contains("مودعة"));
    b.log_out().await;

    // The bureau refuses it: outside the council's competence, with a reasoned text.
    b.log_in("bureau.larache@demo.nousharik.ma", "demo-bureau-2026", "ar")
        .await;
    b.open(&page).await;
    b.click("input[name=\"decision\"][value=\"inadmissible\"]")
        .await;
    b.select("ground", "outside_competence").await;
    b.fill(
        "text",
        "تدبير الموانئ من اختصاص الدولة والسلطة المينائية، وليس من الاختصاصات الذاتية أو المشتركة للجماعة.",
    )
    .await;
    b.screenshot("petitions-assoc-ar-2-refusal").await;
    b.click_then(
        "form:has(input[name=\"step\"][value=\"declare_admissible\"]) button",
        ".notice-ok",
    )
    .await;
    let text = b.main_text().await;
    assert!(text.contains("غير مقبولة"), "{text}");
    assert!(text.contains("لا تدخل في اختصاصات المجلس"), "{text}");
    b.log_out().await;

    // The register and the petition's page show the refusal, its ground and its reasons.
    b.open("/petitions?kind=association&state=inadmissible")
        .await;
    let text = b.main_text().await;
    assert!(
        text.contains("تدبير ميناء العرائش بمشاركة الجمعيات"),
        "{text}"
    );
    b.screenshot("petitions-assoc-ar-3-register").await;
    b.axe_clean("register, refused association petitions").await;
    b.open(&page).await;
    let text = b.main_text().await;
    assert!(text.contains("لا تدخل في اختصاصات المجلس"), "{text}");
    assert!(text.contains("تدبير الموانئ من اختصاص الدولة"), "{text}");
    b.screenshot("petitions-assoc-ar-4-refused").await;
    b.axe_clean("refused petition page").await;
    db.close().await;
    b.close().await;
}
