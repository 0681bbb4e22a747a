//! HTTP tests of the administration home and the audit-log browser: who may see them, paging
//! and filtering, bad query input, and the chain check naming a tampered entry.

use nousharik::accounts::model::{DisplayName, Email, Language};
use nousharik::accounts::store::{self, NewUser};
use nousharik::platform::audit::{self, Actor};
use nousharik::platform::db::{Backend, Db};
use nousharik::platform::ids::UserId;
use nousharik::platform::testing::{self, TestApp};

const PASSWORD: &str = "a long enough password";

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

async fn log_in(app: &mut TestApp, email: &str) {
    app.clear_cookies();
    let r = app
        .post_form_csrf(
            "/account/login",
            &[("email", email), ("password", PASSWORD), ("next", "")],
        )
        .await;
    assert_eq!(r.status, 303, "log-in of {email}: {}", r.text());
}

/// An app with an administrator and a citizen signed up, and 60 more audit entries.
async fn app() -> (TestApp, testing::TestDb) {
    let test_db = testing::sqlite().await;
    let db = &test_db.db;
    let admin = account(db, "admin@example.ma", "Admin").await;
    store::set_admin(db, admin, true, None).await.unwrap();
    account(db, "citizen@example.ma", "Citizen").await;
    for i in 0..60 {
        let details = serde_json::json!({ "n": i });
        audit::record(
            db,
            Actor::System,
            "test.step",
            &format!("thing:{}", i % 3),
            details,
        )
        .await
        .unwrap();
    }
    (TestApp::new(test_db.db.clone()), test_db)
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_log_in_and_citizens_are_refused() {
    let (mut app, db) = app().await;
    for path in [
        "/admin/users",
        "/admin",
        "/admin/audit",
        "/admin/audit/verify",
    ] {
        app.clear_cookies();
        let r = app.get(path).await;
        assert_eq!(r.status, 303, "{path}: {}", r.text());
        assert!(
            r.location()
                .unwrap_or_default()
                .starts_with("/account/login"),
            "{path}"
        );
    }
    log_in(&mut app, "citizen@example.ma").await;
    app.set_cookie("lang", "fr");
    for path in ["/admin", "/admin/audit", "/admin/audit/verify"] {
        let r = app.get(path).await;
        assert_eq!(r.status, 403, "{path}");
        assert!(!r.text().contains("test.step"), "{path} leaks the log");
    }
    // The header offers the administration link to administrators only.
    assert!(!app.get("/").await.text().contains(r#"href="/admin""#));
    db.cleanup().await;
}

#[tokio::test]
async fn administrators_browse_the_log_by_pages_and_by_subject() {
    let (mut app, db) = app().await;
    log_in(&mut app, "admin@example.ma").await;
    app.set_cookie("lang", "fr");
    let home = app.get("/admin").await;
    assert_eq!(home.status, 200);
    let html = home.text();
    for link in [
        "/admin/users",
        "/admin/territory",
        "/staff/residents",
        "/admin/audit",
    ] {
        assert!(html.contains(&format!(r#"href="{link}""#)), "{link}");
    }
    assert!(html.contains("Journal d'audit") || html.contains("Journal d&#39;audit"));
    assert!(app.get("/").await.text().contains(r#"href="/admin""#));

    let first = app.get("/admin/audit").await;
    assert_eq!(first.status, 200);
    let html = first.text();
    let total: i64 = db
        .db
        .query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(db.db.pool())
        .await
        .unwrap();
    assert!(total > 60);
    // Newest first, 50 a page, with a link to the older ones.
    assert!(html.contains(&format!(r#"<td class="num">{total}</td>"#)));
    assert!(!html.contains(&format!(r#"<td class="num">{}</td>"#, total - 50)));
    let older = format!("/admin/audit?before={}", total - 49);
    assert!(html.contains(&older), "pager link {older}");
    let second = app.get(&older).await.text();
    assert!(second.contains(&format!(r#"<td class="num">{}</td>"#, total - 50)));

    let subject = app.get("/admin/audit?subject=thing%3A1").await.text();
    assert_eq!(
        subject.matches("<td dir=\"ltr\">test.step</td>").count(),
        20
    );
    db.cleanup().await;
}

#[tokio::test]
async fn bad_query_input_gets_a_translated_message_not_an_error() {
    let (mut app, db) = app().await;
    log_in(&mut app, "admin@example.ma").await;
    app.set_cookie("lang", "ar");
    let r = app.get("/admin/audit?before=abc").await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("رقم الصفحة هذا غير صالح"));
    let long = "x".repeat(201);
    let r = app.get(&format!("/admin/audit?subject={long}")).await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("لا يتجاوز الموضوع 200 حرف"));
    let r = app
        .get("/admin/audit?subject=%3Cscript%3Ealert(1)%3C%2Fscript%3E%27%3B%20DROP%20TABLE%20audit_log")
        .await;
    assert_eq!(r.status, 200);
    assert!(!r.text().contains("<script>alert(1)"));
    assert!(r.text().contains("&#60;script&#62;") || r.text().contains("&lt;script&gt;"));
    db.cleanup().await;
}

#[tokio::test]
async fn the_chain_check_names_a_changed_entry() {
    let (mut app, db) = app().await;
    log_in(&mut app, "admin@example.ma").await;
    app.set_cookie("lang", "en");
    let ok = app.get("/admin/audit/verify").await;
    assert_eq!(ok.status, 200);
    assert!(ok.text().contains("The chain is intact"), "{}", ok.text());

    // Someone with database access edits entry 5 behind the platform's back.
    assert_eq!(db.db.backend(), Backend::Sqlite);
    for sql in [
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET details = '{\"n\":999}' WHERE id = 5",
    ] {
        db.db.query(sql).execute(db.db.pool()).await.unwrap();
    }
    let broken = app.get("/admin/audit/verify").await;
    assert_eq!(broken.status, 200);
    assert!(
        broken.text().contains("entry 5 was changed"),
        "{}",
        broken.text()
    );
    db.cleanup().await;
}
