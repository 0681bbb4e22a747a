//! HTTP tests of the account pages: every route as anonymous, citizen, staff and admin, bad
//! input of every kind, CSRF, and the mail round trip (sign up → read the .eml → follow the
//! link → confirmed → log in).

mod accounts_support;

use nousharik::accounts::model::{DisplayName, Email, Language, OrgRole};
use nousharik::accounts::store::{self, NewUser};
use nousharik::platform::db::Db;
use nousharik::platform::ids::{OrganisationId, TerritoryId, UserId};
use nousharik::platform::mail::{find_link, read_outbox};
use nousharik::platform::testing::{self, TestApp, TestResponse};

const PASSWORD: &str = "a long enough password";

/// A fresh app on SQLite with the reference territories and demo organisations.
async fn app() -> (TestApp, testing::TestDb) {
    let test_db = testing::sqlite().await;
    accounts_support::seed(&test_db.db).await;
    (TestApp::new(test_db.db.clone()), test_db)
}

/// The CSRF token of the first form in a page.
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

async fn id_by_code(db: &Db, table: &str, code: &str) -> i64 {
    db.query_scalar(&format!("SELECT id FROM {table} WHERE code = ?"))
        .bind(code)
        .fetch_one(db.pool())
        .await
        .unwrap_or_else(|e| panic!("{table} {code}: {e}"))
}

/// A confirmed account with `PASSWORD`.
async fn account(db: &Db, email: &str, name: &str) -> UserId {
    let phc = nousharik::platform::password::hash(PASSWORD).unwrap();
    let id = store::create_user(
        db,
        &NewUser {
            email: &Email::parse(email).unwrap(),
            password_hash: &phc,
            display_name: &DisplayName::parse(name).unwrap(),
            language: Language::Fr,
        },
        1_780_000_000,
    )
    .await
    .unwrap()
    .unwrap();
    store::confirm_email(db, id, 1_780_000_000).await.unwrap();
    id
}

struct People {
    admin: UserId,
    staff: UserId,
    citizen: UserId,
    larache_citizen: UserId,
    council: OrganisationId,
    tangier: TerritoryId,
    larache: TerritoryId,
}

async fn people(db: &Db) -> People {
    let admin = account(db, "admin@example.ma", "Admin").await;
    store::set_admin(db, admin, true, None).await.unwrap();
    let staff = account(db, "staff@example.ma", "Staff Tanger").await;
    let council = OrganisationId(id_by_code(db, "organisations", "o-tanger").await);
    store::grant_membership(db, staff, council, OrgRole::Staff, None, 1)
        .await
        .unwrap();
    People {
        admin,
        staff,
        citizen: account(db, "citizen@example.ma", "Citizen").await,
        larache_citizen: account(db, "larache@example.ma", "Larache citizen").await,
        council,
        tangier: TerritoryId(id_by_code(db, "territories", "t-tanger").await),
        larache: TerritoryId(id_by_code(db, "territories", "t-larache").await),
    }
}

async fn log_in(app: &mut TestApp, email: &str) {
    app.clear_cookies();
    let r = submit(
        app,
        "/account/login",
        "/account/login",
        &[("email", email), ("password", PASSWORD), ("next", "")],
    )
    .await;
    assert_eq!(r.status, 303, "log-in of {email}: {}", r.text());
    assert!(app.cookie("nk_session").is_some());
}

fn mails_to(app: &TestApp, to: &str) -> Vec<nousharik::platform::mail::StoredMail> {
    read_outbox(&app.data_dir().join("mail"))
        .into_iter()
        .filter(|m| m.to == to)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Sign-up, confirmation, log-in
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn sign_up_mail_round_trip_then_log_in() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "fr");
    let r = submit(
        &mut app,
        "/account/signup",
        "/account/signup",
        &[
            ("email", " Amina@Example.MA "),
            ("display_name", "Amina"),
            ("password", PASSWORD),
            ("language", "ar"),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Consultez votre messagerie"));

    let mails = mails_to(&app, "amina@example.ma");
    assert_eq!(mails.len(), 1);
    // The mail is in the language chosen at sign-up, plain text and HTML.
    assert!(
        mails[0].subject.contains("أكّد عنوانك"),
        "{}",
        mails[0].subject
    );
    assert!(mails[0].html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    let base = app.state.config.base_url.clone();
    let link = find_link(&mails[0].text, &format!("{base}/account/confirm/")).unwrap();
    let path = link.strip_prefix(&base).unwrap().to_owned();

    // Not signed in before confirming.
    let r = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[("email", "amina@example.ma"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(r.text().contains("pas encore confirmée"));
    assert!(app.cookie("nk_session").is_none());

    // Following the link shows a button; pressing it confirms.
    let r = submit(&mut app, &path, &path, &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/account/login?notice=confirmed"));
    let u = store::user_by_email(app.db(), &Email::parse("amina@example.ma").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(u.email_confirmed_at.is_some());
    assert!(
        app.get("/account/login?notice=confirmed")
            .await
            .text()
            .contains("Votre adresse est confirmée")
    );

    // The link is single-use.
    let r = app.get(&path).await;
    assert_eq!(r.status, 410);
    assert!(r.text().contains("déjà été utilisé"));

    // Log in: session cookie, language cookie from the profile, back to `next`.
    let r = submit(
        &mut app,
        "/account/login?next=/account/profile",
        "/account/login",
        &[
            ("email", "AMINA@example.ma"),
            ("password", PASSWORD),
            ("next", "/account/profile"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/account/profile"));
    let set_cookies: Vec<&str> = r
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let session = set_cookies
        .iter()
        .find(|c| c.starts_with("nk_session="))
        .unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(!session.contains("Secure"), "http base URL");
    assert_eq!(app.cookie("lang"), Some("ar"));
    let r = app.get("/account/profile").await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("amina@example.ma"));
    db.cleanup().await;
}

#[tokio::test]
async fn sign_up_bad_input_is_refilled_and_translated() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "en");
    let long_name = "n".repeat(101);
    let long_email = format!("{}@example.ma", "a".repeat(250));
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[("email", "not-an-email")],
            "This is not a valid email address",
        ),
        (&[("email", "")], "Enter your email address"),
        (
            &[("email", long_email.as_str())],
            "This address is too long",
        ),
        (&[("display_name", "   ")], "Enter a name"),
        (
            &[("display_name", long_name.as_str())],
            "The name is too long",
        ),
        (
            &[("display_name", "evil\u{202E}name")],
            "invisible control characters",
        ),
        (&[("password", "short")], "The password is too short"),
        (
            &[("password", "ok@example.ma")],
            "must not be your email address",
        ),
        (&[("language", "de")], "Choose one of the offered languages"),
    ];
    for (overrides, message) in cases {
        let mut fields = vec![
            ("email", "ok@example.ma"),
            ("display_name", "<script>alert('x')</script>"),
            ("password", PASSWORD),
            ("language", "fr"),
        ];
        for (k, v) in overrides.iter() {
            fields.retain(|(f, _)| f != k);
            fields.push((k, v));
        }
        let r = submit(&mut app, "/account/signup", "/account/signup", &fields).await;
        assert_eq!(r.status, 422, "{overrides:?}");
        let html = r.text();
        assert!(html.contains(message), "{overrides:?}: no {message:?}");
        // Refilled (escaped), except the password.
        if !overrides.iter().any(|(k, _)| *k == "display_name") {
            assert!(
                html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"),
                "{overrides:?}"
            );
        }
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains(PASSWORD));
        assert!(html.contains("aria-invalid=\"true\""));
    }
    assert!(read_outbox(&app.data_dir().join("mail")).is_empty());
    db.cleanup().await;
}

#[tokio::test]
async fn script_and_sql_names_are_stored_as_text_and_shown_escaped() {
    let (mut app, db) = app().await;
    for name in [
        "<img src=x onerror=alert(1)>",
        "Robert'); DROP TABLE users;--",
    ] {
        let email = if name.starts_with('<') {
            "x1@example.ma"
        } else {
            "x2@example.ma"
        };
        let r = submit(
            &mut app,
            "/account/signup",
            "/account/signup",
            &[
                ("email", email),
                ("display_name", name),
                ("password", PASSWORD),
                ("language", "fr"),
            ],
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.text());
        let u = store::user_by_email(app.db(), &Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(u.display_name, name);
    }
    let admin = account(app.db(), "admin@example.ma", "Admin").await;
    store::set_admin(app.db(), admin, true, None).await.unwrap();
    log_in(&mut app, "admin@example.ma").await;
    let html = app.get("/admin/users").await.text();
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&#60;img src=x") || html.contains("&lt;img src=x"));
    assert!(html.contains("DROP TABLE users"));
    db.cleanup().await;
}

#[tokio::test]
async fn second_sign_up_reveals_nothing_and_mails_the_owner() {
    let (mut app, db) = app().await;
    account(app.db(), "owner@example.ma", "Owner").await;
    let fields = [
        ("email", "owner@example.ma"),
        ("display_name", "Intruder"),
        ("password", "another long password"),
        ("language", "en"),
    ];
    let fresh = [
        ("email", "fresh@example.ma"),
        ("display_name", "Fresh"),
        ("password", PASSWORD),
        ("language", "en"),
    ];
    app.set_cookie("lang", "en");
    let existing = submit(&mut app, "/account/signup", "/account/signup", &fields).await;
    let new = submit(&mut app, "/account/signup", "/account/signup", &fresh).await;
    assert_eq!(existing.status, new.status);
    let strip = |t: String, e: &str| t.replace(e, "EMAIL").replace(&csrf_of_or_empty(&t), "");
    assert_eq!(
        strip(existing.text(), "owner@example.ma"),
        strip(new.text(), "fresh@example.ma"),
        "same page whether or not the address exists"
    );
    let to_owner = mails_to(&app, "owner@example.ma");
    assert_eq!(to_owner.len(), 1);
    // The owner's language (French), and a way to reset, not a confirmation link.
    assert!(to_owner[0].subject.contains("Tentative d'inscription"));
    assert!(to_owner[0].text.contains("/account/forgot"));
    // The existing account is untouched.
    let u = store::user_by_email(app.db(), &Email::parse("owner@example.ma").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(u.display_name, "Owner");
    db.cleanup().await;
}

fn csrf_of_or_empty(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    html.find(marker)
        .map(|s| html[s + marker.len()..s + marker.len() + 64].to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn log_in_failures_are_generic_and_rate_limited() {
    let (mut app, db) = app().await;
    account(app.db(), "known@example.ma", "Known").await;
    app.set_cookie("lang", "en");
    let wrong = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[
            ("email", "known@example.ma"),
            ("password", "wrong password!"),
        ],
    )
    .await;
    let unknown = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[
            ("email", "nobody@example.ma"),
            ("password", "wrong password!"),
        ],
    )
    .await;
    for r in [&wrong, &unknown] {
        assert_eq!(r.status, 422);
        assert!(
            r.text()
                .contains("The email address or the password is wrong.")
        );
        assert!(!r.text().contains("wrong password!"));
    }
    let bad = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[("email", "' OR 1=1 --"), ("password", "x")],
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("not a valid email address"));
    // An open redirect through `next` is refused.
    let r = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[
            ("email", "known@example.ma"),
            ("password", PASSWORD),
            ("next", "//evil.example/"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/"));
    app.clear_cookies();
    app.set_cookie("lang", "en");
    // Ten attempts per address per 15 minutes (one was the success above).
    let mut last = None;
    for _ in 0..10 {
        let r = submit(
            &mut app,
            "/account/login",
            "/account/login",
            &[
                ("email", "known@example.ma"),
                ("password", "guess guess guess"),
            ],
        )
        .await;
        last = Some(r);
    }
    let last = last.unwrap();
    assert_eq!(last.status, 429);
    assert!(last.text().contains("Too many attempts"));
    assert!(last.text().contains("known@example.ma"), "refilled");
    // Even the right password waits.
    let r = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[("email", "known@example.ma"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, 429);
    db.cleanup().await;
}

#[tokio::test]
async fn log_out_ends_the_session() {
    let (mut app, db) = app().await;
    account(app.db(), "a@example.ma", "A").await;
    log_in(&mut app, "a@example.ma").await;
    let token = app.cookie("nk_session").unwrap().to_owned();
    let r = submit(&mut app, "/account/profile", "/account/logout", &[]).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/account/login?notice=logged-out"));
    assert!(app.cookie("nk_session").is_none());
    assert!(
        store::session(app.db(), &token, i64::MAX / 4)
            .await
            .unwrap()
            .is_none()
    );
    // Replaying the old cookie does not work.
    app.set_cookie("nk_session", &token);
    let r = app.get("/account/profile").await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.location(),
        Some("/account/login?next=%2Faccount%2Fprofile")
    );
    db.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// CSRF
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn missing_or_wrong_csrf_gets_a_translated_403_keeping_the_form() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "fr");
    // No token at all.
    let r = app
        .post_form(
            "/account/signup",
            &[
                ("email", "a@example.ma"),
                ("display_name", "Amina"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, 403);
    let html = r.text();
    assert!(html.contains("Ce formulaire a expiré"));
    assert!(html.contains("a@example.ma"), "typed values are shown");
    assert!(!html.contains(PASSWORD), "never the password");
    // The anonymous cookie is now set, so a reload works.
    assert!(app.cookie("nk_csrf").is_some());
    // A forged token.
    let r = app
        .post_form(
            "/account/login",
            &[("csrf", &"0".repeat(64)), ("email", "a@example.ma")],
        )
        .await;
    assert_eq!(r.status, 403);
    // A token from another visitor.
    let theirs = csrf_of(&app.get("/account/login").await.text());
    app.clear_cookies();
    app.get("/account/login").await;
    let r = app
        .post_form(
            "/account/login",
            &[("csrf", &theirs), ("email", "a@example.ma")],
        )
        .await;
    assert_eq!(r.status, 403);
    // Signed-in forms are bound to the session: the anonymous token stops working.
    account(app.db(), "b@example.ma", "B").await;
    let anonymous_token = csrf_of(&app.get("/account/login").await.text());
    log_in(&mut app, "b@example.ma").await;
    let r = app
        .post_form("/account/logout", &[("csrf", &anonymous_token)])
        .await;
    assert_eq!(r.status, 403);
    assert!(app.cookie("nk_session").is_some(), "still signed in");
    // The token also works as a header (scripts).
    let token = csrf_of(&app.get("/account/profile").await.text());
    let request = axum::http::Request::post("/account/logout")
        .header("x-csrf-token", token)
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.send(request).await.status, 303);
    db.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// Forgotten password
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn password_reset_round_trip() {
    let (mut app, db) = app().await;
    let id = account(app.db(), "a@example.ma", "A").await;
    log_in(&mut app, "a@example.ma").await;
    let old_session = app.cookie("nk_session").unwrap().to_owned();
    app.clear_cookies();
    app.set_cookie("lang", "en");

    // Unknown and known addresses get the same answer; only the known one gets a mail.
    let unknown = submit(
        &mut app,
        "/account/forgot",
        "/account/forgot",
        &[("email", "nobody@example.ma")],
    )
    .await;
    let known = submit(
        &mut app,
        "/account/forgot",
        "/account/forgot",
        &[("email", "a@example.ma")],
    )
    .await;
    assert_eq!(unknown.status, 200);
    assert_eq!(known.status, 200);
    assert!(known.text().contains("If an account uses this address"));
    assert!(mails_to(&app, "nobody@example.ma").is_empty());
    let mails = mails_to(&app, "a@example.ma");
    assert_eq!(mails.len(), 1);
    let base = app.state.config.base_url.clone();
    let link = find_link(&mails[0].text, &format!("{base}/account/reset/")).unwrap();
    let path = link.strip_prefix(&base).unwrap().to_owned();

    // A too-short password keeps the link usable.
    let r = submit(&mut app, &path, &path, &[("password", "short")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("too short"));
    let r = submit(
        &mut app,
        &path,
        &path,
        &[("password", "a brand new password")],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/account/login?notice=password-changed"));
    // Every old session is gone.
    assert!(
        store::session(app.db(), &old_session, 1_780_000_100)
            .await
            .unwrap()
            .is_none()
    );
    // The link is used up.
    let r = app.get(&path).await;
    assert_eq!(r.status, 410);
    assert!(r.text().contains("already been used"));
    // The new password works, the old one does not.
    let r = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[("email", "a@example.ma"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = submit(
        &mut app,
        "/account/login",
        "/account/login",
        &[
            ("email", "a@example.ma"),
            ("password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    app.set_cookie("lang", "en");

    // An expired link says so.
    let token = store::create_token(
        app.db(),
        id,
        nousharik::accounts::model::TokenPurpose::ResetPassword,
        1_000,
    )
    .await
    .unwrap();
    let r = app.get(&format!("/account/reset/{token}")).await;
    assert_eq!(r.status, 410);
    assert!(r.text().contains("This link has expired"));
    // Garbage in the URL is an unknown link, not an error.
    for bad in [
        "/account/reset/xyz",
        "/account/reset/'%20OR%201=1",
        "/account/confirm/%3Cscript%3E",
    ] {
        let r = app.get(bad).await;
        assert_eq!(r.status, 404, "{bad}");
        assert!(r.text().contains("This link is not valid"));
    }
    db.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// Profile, data, deletion
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn profile_demographics_need_consent() {
    let (mut app, db) = app().await;
    let id = account(app.db(), "a@example.ma", "A").await;
    log_in(&mut app, "a@example.ma").await;
    app.set_cookie("lang", "en");
    let r = submit(
        &mut app,
        "/account/profile",
        "/account/profile",
        &[
            ("display_name", "Amina B."),
            ("language", "fr"),
            ("sex", "female"),
            ("age_group", "18_35"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("tick the consent box"));
    assert!(r.text().contains("Amina B."), "refilled");
    assert_eq!(
        store::user(app.db(), id)
            .await
            .unwrap()
            .unwrap()
            .demographics,
        None
    );

    let r = submit(
        &mut app,
        "/account/profile",
        "/account/profile",
        &[
            ("display_name", "Amina B."),
            ("language", "zgh"),
            ("consent", "yes"),
            ("sex", "female"),
            ("age_group", "18_35"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(app.cookie("lang"), Some("zgh"));
    let u = store::user(app.db(), id).await.unwrap().unwrap();
    assert_eq!(u.display_name, "Amina B.");
    assert_eq!(u.language, Language::Zgh);
    assert!(u.demographics.is_some());

    // Unticking the box erases them.
    let r = submit(
        &mut app,
        "/account/profile",
        "/account/profile",
        &[
            ("display_name", "Amina B."),
            ("language", "zgh"),
            ("sex", ""),
            ("age_group", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        store::user(app.db(), id)
            .await
            .unwrap()
            .unwrap()
            .demographics,
        None
    );

    let r = submit(
        &mut app,
        "/account/profile",
        "/account/profile",
        &[
            ("display_name", ""),
            ("language", "xx"),
            ("consent", "yes"),
            ("sex", "other"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    db.cleanup().await;
}

#[tokio::test]
async fn my_data_download_is_json_without_secrets() {
    let (mut app, db) = app().await;
    account(app.db(), "a@example.ma", "A").await;
    assert_eq!(
        app.get("/account/data").await.status,
        303,
        "anonymous: log in first"
    );
    log_in(&mut app, "a@example.ma").await;
    let r = app.get("/account/data").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert!(
        r.header("content-disposition")
            .unwrap()
            .contains("attachment")
    );
    let v: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    assert_eq!(v["account"]["email"], "a@example.ma");
    assert!(!r.text().contains("argon2"));
    db.cleanup().await;
}

#[tokio::test]
async fn delete_my_account() {
    let (mut app, db) = app().await;
    let id = account(app.db(), "a@example.ma", "A").await;
    log_in(&mut app, "a@example.ma").await;
    app.set_cookie("lang", "en");
    let r = submit(
        &mut app,
        "/account/delete",
        "/account/delete",
        &[("password", "not it at all")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("The password is wrong."));
    let r = submit(
        &mut app,
        "/account/delete",
        "/account/delete",
        &[("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Your account is deleted"));
    assert!(app.cookie("nk_session").is_none());
    let u = store::user(app.db(), id).await.unwrap().unwrap();
    assert!(u.deleted_at.is_some());
    assert!(!u.email.contains("a@example.ma"));
    // The only administrator cannot delete the account.
    let admin = account(app.db(), "admin@example.ma", "Admin").await;
    store::set_admin(app.db(), admin, true, None).await.unwrap();
    log_in(&mut app, "admin@example.ma").await;
    app.set_cookie("lang", "en");
    let r = submit(
        &mut app,
        "/account/delete",
        "/account/delete",
        &[("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("only administrator"));
    db.cleanup().await;
}

// ---------------------------------------------------------------------------------------------
// Every route for every role
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn pages_by_role() {
    let (mut app, db) = app().await;
    let p = people(app.db()).await;
    let user_page = format!("/admin/users/{}", p.citizen.0);
    let public = ["/account/signup", "/account/login", "/account/forgot"];
    let own = ["/account/profile", "/account/data", "/account/delete"];
    let admin_only = ["/admin/users", user_page.as_str()];

    // Anonymous: public pages, log-in redirects for the rest.
    app.clear_cookies();
    for path in public {
        assert_eq!(app.get(path).await.status, 200, "anonymous {path}");
    }
    for path in own
        .iter()
        .chain(admin_only.iter())
        .chain(["/staff/residents"].iter())
    {
        let r = app.get(path).await;
        assert_eq!(r.status, 303, "anonymous {path}");
        assert!(
            r.location().unwrap().starts_with("/account/login?next="),
            "{path}"
        );
    }

    // Citizen: own pages; admin and staff pages are forbidden (translated 403).
    log_in(&mut app, "citizen@example.ma").await;
    app.set_cookie("lang", "fr");
    for path in own {
        assert_eq!(app.get(path).await.status, 200, "citizen {path}");
    }
    for path in admin_only.iter().chain(["/staff/residents"].iter()) {
        let r = app.get(path).await;
        assert_eq!(r.status, 403, "citizen {path}");
        assert!(
            r.text().contains("Non autorisé") || r.text().contains("autoris"),
            "{}",
            r.text()
        );
    }
    // Signed in, the sign-up and log-in pages lead to the profile.
    assert_eq!(
        app.get("/account/signup").await.location(),
        Some("/account/profile")
    );

    // Staff: the verification page, not the admin pages.
    log_in(&mut app, "staff@example.ma").await;
    assert_eq!(app.get("/staff/residents").await.status, 200);
    for path in admin_only {
        assert_eq!(app.get(path).await.status, 403, "staff {path}");
    }

    // Admin: everything.
    log_in(&mut app, "admin@example.ma").await;
    for path in own
        .iter()
        .chain(admin_only.iter())
        .chain(["/staff/residents"].iter())
    {
        assert_eq!(app.get(path).await.status, 200, "admin {path}");
    }
    assert_eq!(app.get("/admin/users/999999").await.status, 404);
    assert_eq!(app.get("/admin/users/not-a-number").await.status, 400);
    let _ = (
        p.admin,
        p.staff,
        p.larache_citizen,
        p.council,
        p.tangier,
        p.larache,
    );
    db.cleanup().await;
}

#[tokio::test]
async fn admin_rights_go_through_permissions_and_the_audit_log() {
    let (mut app, db) = app().await;
    let p = people(app.db()).await;
    let admin_path = format!("/admin/users/{}/admin", p.citizen.0);
    let member_path = format!("/admin/users/{}/memberships", p.citizen.0);
    let council = p.council.0.to_string();

    // Citizen and staff cannot grant anything.
    for who in ["citizen@example.ma", "staff@example.ma"] {
        log_in(&mut app, who).await;
        let r = submit(&mut app, "/account/profile", &admin_path, &[("grant", "1")]).await;
        assert_eq!(r.status, 403, "{who}");
        let r = submit(
            &mut app,
            "/account/profile",
            &member_path,
            &[
                ("grant", "1"),
                ("organisation", &council),
                ("role", "staff"),
            ],
        )
        .await;
        assert_eq!(r.status, 403, "{who}");
    }
    assert!(
        !store::user(app.db(), p.citizen)
            .await
            .unwrap()
            .unwrap()
            .is_admin
    );

    log_in(&mut app, "admin@example.ma").await;
    let user_page = format!("/admin/users/{}", p.citizen.0);
    let r = submit(&mut app, &user_page, &admin_path, &[("grant", "1")]).await;
    assert_eq!(r.status, 303);
    assert!(
        store::user(app.db(), p.citizen)
            .await
            .unwrap()
            .unwrap()
            .is_admin
    );
    let r = submit(
        &mut app,
        &user_page,
        &member_path,
        &[
            ("grant", "1"),
            ("organisation", &council),
            ("role", "moderator"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        store::memberships_of(app.db(), p.citizen)
            .await
            .unwrap()
            .len(),
        1
    );
    app.set_cookie("lang", "en");
    let r = app.get(&format!("{user_page}?notice=role-granted")).await;
    assert!(r.text().contains("Role granted."));
    // Bad input: unknown organisation or role.
    let r = submit(
        &mut app,
        &user_page,
        &member_path,
        &[
            ("grant", "1"),
            ("organisation", "999999"),
            ("role", "emperor"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Choose an organisation from the list."));
    assert!(r.text().contains("Choose a role from the list."));
    // Revoking one's own administrator rights is refused.
    let own = format!("/admin/users/{}/admin", p.admin.0);
    let r = submit(&mut app, &user_page, &own, &[("grant", "0")]).await;
    assert_eq!(r.status, 403);
    let actions: Vec<String> =
        nousharik::platform::audit::for_subject(app.db(), &format!("account:{}", p.citizen.0))
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
    assert!(actions.contains(&"account.admin.grant".to_owned()));
    assert!(actions.contains(&"account.membership.grant".to_owned()));
    db.cleanup().await;
}

#[tokio::test]
async fn staff_verify_residents_of_their_territory_only() {
    let (mut app, db) = app().await;
    let p = people(app.db()).await;
    let tangier = p.tangier.0.to_string();
    let larache = p.larache.0.to_string();

    log_in(&mut app, "staff@example.ma").await;
    app.set_cookie("lang", "en");
    let form = app.get("/staff/residents").await.text();
    assert!(form.contains(&format!("value=\"{tangier}\"")));
    assert!(
        !form.contains(&format!("value=\"{larache}\"")),
        "Larache is not offered"
    );
    assert!(form.contains("never write the identity card number"));

    let r = submit(
        &mut app,
        "/staff/residents",
        "/staff/residents",
        &[
            ("email", "citizen@example.ma"),
            ("territory", tangier.as_str()),
            ("evidence", "cin_shown"),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("is recorded as a resident of"));
    let rs = store::residences_of(app.db(), p.citizen).await.unwrap();
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].verified_by, p.staff);

    // Another commune: refused, with the reason.
    let r = submit(
        &mut app,
        "/staff/residents",
        "/staff/residents",
        &[
            ("email", "larache@example.ma"),
            ("territory", larache.as_str()),
            ("evidence", "electoral_roll"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(
        r.text()
            .contains("only in the territories of your organisation")
    );
    assert!(
        store::residences_of(app.db(), p.larache_citizen)
            .await
            .unwrap()
            .is_empty()
    );
    // Oneself: refused.
    let r = submit(
        &mut app,
        "/staff/residents",
        "/staff/residents",
        &[
            ("email", "staff@example.ma"),
            ("territory", tangier.as_str()),
            ("evidence", "cin_shown"),
        ],
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(r.text().contains("cannot verify your own residence"));
    // Unknown person, bad territory, no evidence: translated messages, refilled.
    let r = submit(
        &mut app,
        "/staff/residents",
        "/staff/residents",
        &[
            ("email", "ghost@example.ma"),
            ("territory", "abc"),
            ("evidence", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("No confirmed account uses this address"));
    assert!(html.contains("Choose a territory from the list."));
    assert!(html.contains("Choose what the person showed."));
    assert!(html.contains("ghost@example.ma"));

    // A citizen cannot use the form at all; the administrator can verify anywhere.
    log_in(&mut app, "citizen@example.ma").await;
    let r = submit(
        &mut app,
        "/account/profile",
        "/staff/residents",
        &[("email", "x")],
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(!r.text().contains("csrf-title"));
    log_in(&mut app, "admin@example.ma").await;
    let r = submit(
        &mut app,
        "/staff/residents",
        "/staff/residents",
        &[
            ("email", "larache@example.ma"),
            ("territory", larache.as_str()),
            ("evidence", "residence_certificate"),
        ],
    )
    .await;
    assert_eq!(r.status, 200);
    // Revoking goes through the same rule: staff of Tangier cannot revoke in Larache.
    log_in(&mut app, "staff@example.ma").await;
    let revoke = format!(
        "/admin/users/{}/residences/{}/revoke",
        p.larache_citizen.0, p.larache.0
    );
    let r = submit(&mut app, "/staff/residents", &revoke, &[]).await;
    assert_eq!(r.status, 403);
    log_in(&mut app, "admin@example.ma").await;
    let r = submit(&mut app, "/staff/residents", &revoke, &[]).await;
    assert_eq!(r.status, 303);
    assert!(
        store::residences_of(app.db(), p.larache_citizen)
            .await
            .unwrap()
            .is_empty()
    );
    db.cleanup().await;
}
