//! HTTP tests of the platform pages: home in each language, language switch, 404, errors,
//! healthz, static files, and the page-weight budget.

use nousharik::platform::Locale;
use nousharik::platform::db::Db;
use nousharik::platform::layout::{asset_url, static_file};
use nousharik::platform::testing::{self, TestApp};
use nousharik::store_test;

async fn app() -> (TestApp, testing::TestDb) {
    let test_db = testing::sqlite().await;
    (TestApp::new(test_db.db.clone()), test_db)
}

#[tokio::test]
async fn home_in_each_language_has_lang_and_dir() {
    let (mut app, db) = app().await;
    for (locale, title) in [
        (Locale::Ar, "نشارك: منصة المشاركة المواطنة"),
        (
            Locale::Fr,
            "Nousharik : la plateforme de participation citoyenne",
        ),
        (Locale::Zgh, "ⵏⵓⵛⴰⵔⵉⴽ: ⵜⴰⵙⵏⵙⵍⵜ ⵏ ⵜⵓⵎⵙⴰⵙⴰ ⵜⴰⵖⵍⵏⴰⵡⵜ"),
        (Locale::En, "Nousharik: the citizen-participation platform"),
    ] {
        app.set_cookie("lang", locale.code());
        let r = app.get("/").await;
        assert_eq!(r.status, 200);
        let html = r.text();
        let tag = format!(r#"<html lang="{}" dir="{}">"#, locale.code(), locale.dir());
        assert!(html.contains(&tag), "{locale:?}: no {tag}");
        assert!(html.contains(title), "{locale:?}: no title {title}");
        assert!(html.contains(r#"<main id="main""#));
        assert!(html.contains(r##"href="#main""##), "skip link");
        assert!(html.contains("<footer"));
        // Each language link is present and the current one is marked.
        for other in Locale::ALL {
            assert!(html.contains(&format!("/lang/{}?next=%2F", other.code())));
        }
        assert!(html.contains(&format!(
            r#"lang="{}" hreflang="{}" aria-current="true""#,
            locale.code(),
            locale.code()
        )));
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
    }
    db.cleanup().await;
}

#[tokio::test]
async fn arabic_is_the_default_and_accept_language_is_used() {
    let (mut app, db) = app().await;
    assert!(
        app.get("/")
            .await
            .text()
            .contains(r#"<html lang="ar" dir="rtl">"#)
    );
    let r = app
        .get_with("/", &[("accept-language", "de-DE, fr-MA;q=0.8, en;q=0.5")])
        .await;
    assert!(r.text().contains(r#"<html lang="fr" dir="ltr">"#));
    db.cleanup().await;
}

#[tokio::test]
async fn language_switch_sets_cookie_and_goes_back() {
    let (mut app, db) = app().await;
    let r = app.get("/lang/fr?next=%2Fsome%2Fpage%3Fx%3D1").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), Some("/some/page?x=1"));
    assert_eq!(app.cookie("lang"), Some("fr"));
    assert!(
        app.get("/")
            .await
            .text()
            .contains(r#"<html lang="fr" dir="ltr">"#)
    );
    // An outside `next` is refused: back to the home page.
    let r = app
        .get("/lang/zgh?next=https%3A%2F%2Fevil.example%2F")
        .await;
    assert_eq!(r.location(), Some("/"));
    let r = app.get("/lang/en?next=%2F%2Fevil.example").await;
    assert_eq!(r.location(), Some("/"));
    assert_eq!(app.cookie("lang"), Some("en"));
    // An unknown language is a translated 400, not a 500, and the cookie is unchanged.
    let r = app.get("/lang/xx?next=%2F").await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("This language is not available"));
    assert_eq!(app.cookie("lang"), Some("en"));
    db.cleanup().await;
}

#[tokio::test]
async fn unknown_page_is_a_translated_404() {
    let (mut app, db) = app().await;
    let r = app.get("/no/such/page").await;
    assert_eq!(r.status, 404);
    assert!(r.text().contains("الصفحة غير موجودة"));
    assert!(r.text().contains(r#"dir="rtl""#));
    app.set_cookie("lang", "fr");
    let r = app.get("/no/such/page").await;
    assert_eq!(r.status, 404);
    assert!(r.text().contains("Page introuvable"));
    app.set_cookie("lang", "zgh");
    assert!(app.get("/nope").await.text().contains("ⵜⴰⵙⵏⴰ ⵓⵔ ⵜⵍⵍⵉ"));
    db.cleanup().await;
}

store_test!(
    async fn healthz_checks_the_database(db: Db) {
        let mut app = TestApp::new(db.clone());
        let r = app.get("/healthz").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.text(), "ok\n");
        db.close().await;
        let r = app.get("/healthz").await;
        assert_eq!(r.status, 503);
        assert_eq!(r.text(), "database unavailable\n");
    }
);

#[tokio::test]
async fn errors_from_outside_handlers_get_a_translated_page() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "fr");
    // 405: POST on a GET-only route (with a valid CSRF token: without one, the session layer
    // answers 403 before routing).
    let r = app.post_form_csrf("/healthz", &[("a", "b")]).await;
    assert_eq!(r.status, 405);
    assert!(r.text().contains("Requête invalide"), "{}", r.text());
    assert!(r.text().contains(r#"<html lang="fr" dir="ltr">"#));
    // A malformed query string (axum's plain-text rejection) becomes the same page.
    let r = app.get("/lang/fr?next=a&next=b").await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("Requête invalide"), "{}", r.text());
    db.cleanup().await;
}

#[tokio::test]
async fn static_files_are_embedded_and_cached() {
    let (mut app, db) = app().await;
    let r = app.get(&asset_url("app.css")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(r.header("cache-control").unwrap().contains("immutable"));
    let r = app.get(&asset_url("fonts/NotoSansTifinagh.woff2")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("font/woff2"));
    assert_eq!(&r.bytes[..4], b"wOF2");
    // An old version still works, without the long cache.
    let r = app.get("/static/0ld/app.css").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert_eq!(app.get("/static/x/../../Cargo.toml").await.status, 404);
    db.cleanup().await;
}

#[tokio::test]
async fn pages_carry_security_headers_and_are_compressed() {
    let (mut app, db) = app().await;
    let r = app.get_with("/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert!(
        r.header("content-security-policy")
            .unwrap()
            .contains("default-src 'self'")
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    // The test server's public URL is http: no HSTS.
    assert_eq!(r.header("strict-transport-security"), None);
    let icon = app.get(&asset_url("favicon.svg")).await;
    assert_eq!(icon.header("content-type"), Some("image/svg+xml"));
    db.cleanup().await;
}

#[tokio::test]
async fn page_weight_is_within_budget() {
    const BUDGET: usize = 50 * 1024;
    let (mut app, db) = app().await;
    // Measured as served: the server's own gzip (what a phone downloads).
    let gzip = [("accept-encoding", "gzip")];
    let css = app.get_with(&asset_url("app.css"), &gzip).await;
    assert_eq!(css.header("content-encoding"), Some("gzip"));
    assert!(css.bytes.len() < static_file("app.css").unwrap().len());
    for locale in Locale::ALL {
        app.set_cookie("lang", locale.code());
        for path in ["/", "/no/such/page"] {
            let html = app.get_with(path, &gzip).await;
            assert_eq!(html.header("content-encoding"), Some("gzip"));
            let total = html.bytes.len() + css.bytes.len();
            println!(
                "page weight {path} [{}]: HTML {} B + CSS {} B gzip = {total} B (no JS)",
                locale.code(),
                html.bytes.len(),
                css.bytes.len()
            );
            assert!(
                total <= BUDGET,
                "{path} in {}: {total} bytes compressed > {BUDGET}",
                locale.code()
            );
        }
    }
    db.cleanup().await;
}

#[test]
fn css_uses_logical_properties_only() {
    let css = String::from_utf8(static_file("app.css").unwrap().to_vec()).unwrap();
    // Strip comments, then look for physical directions.
    let mut code = String::new();
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    code.push_str(rest);
    let physical = [
        "margin-left",
        "margin-right",
        "margin-top",
        "margin-bottom",
        "padding-left",
        "padding-right",
        "padding-top",
        "padding-bottom",
        "border-left",
        "border-right",
        "border-top",
        "border-bottom",
        "left",
        "right",
        "top",
        "bottom",
        "width",
        "height",
        "min-width",
        "max-width",
        "min-height",
        "max-height",
    ];
    let mut problems = Vec::new();
    for decl in code.split(['{', '}', ';']) {
        let Some((property, value)) = decl.split_once(':') else {
            continue;
        };
        let property = property.trim();
        if property.starts_with('@') || property.contains(' ') || property.contains('(') {
            continue; // selectors and media queries, not declarations
        }
        let base = property
            .trim_end_matches("-width")
            .trim_end_matches("-color")
            .trim_end_matches("-style");
        if physical.contains(&property) || physical.contains(&base) {
            problems.push(decl.trim().to_string());
        }
        if (property == "float" || property == "text-align" || property == "clear")
            && (value.contains("left") || value.contains("right"))
        {
            problems.push(decl.trim().to_string());
        }
    }
    assert!(
        problems.is_empty(),
        "physical CSS in app.css (use logical properties): {problems:?}"
    );
}

#[tokio::test]
async fn every_link_on_the_home_page_works_in_every_language() {
    let (mut app, db) = app().await;
    for locale in Locale::ALL {
        app.set_cookie("lang", locale.code());
        let html = app.get("/").await.text();
        let links: std::collections::BTreeSet<String> = html
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|href| href.starts_with('/') && !href.starts_with("//"))
            .map(|href| href.replace("&amp;", "&"))
            .collect();
        assert!(links.len() >= 5, "{links:?}");
        for href in links {
            let r = app.get(&href).await;
            assert!(
                r.status.is_success() || r.status.is_redirection(),
                "{}: link {href} answers {}",
                locale.code(),
                r.status
            );
        }
    }
    db.cleanup().await;
}
