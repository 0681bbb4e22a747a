//! The account journey in a real browser: sign up → confirm by the mailed link → log in →
//! switch language, with screenshots in French and Arabic; axe-core on the account pages.

use fantoccini::Locator;
use nousharik::platform::mail::{find_link, read_outbox};

use crate::harness::Browser;

const PASSWORD: &str = "une phrase assez longue";

#[tokio::test(flavor = "multi_thread")]
async fn sign_up_confirm_log_in_switch_language() {
    let b = Browser::start(false).await;
    b.open("/lang/fr?next=/account/signup").await;
    b.fill("email", "amina@example.ma").await;
    b.fill("display_name", "Amina Benali").await;
    b.fill("password", PASSWORD).await;
    b.screenshot("accounts-signup-fr").await;
    b.submit("form[action=\"/account/signup\"] button[type=submit]")
        .await;
    b.wait_for("#message-title").await;
    assert!(b.main_text().await.contains("Consultez votre messagerie"));

    // The mailed link (file transport in the data directory).
    let mails = read_outbox(&b.data_dir.path().join("mail"));
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "amina@example.ma");
    let link = find_link(&mails[0].text, &format!("{}/account/confirm/", b.base))
        .expect("a confirmation link");
    b.client.goto(&link).await.expect("open the link");
    b.screenshot("accounts-confirm-fr").await;
    b.submit("form[action^=\"/account/confirm/\"] button[type=submit]")
        .await;
    b.wait_for(".notice-ok").await;
    assert!(b.main_text().await.contains("Votre adresse est confirmée"));

    // Log in; the header then shows the name and a log-out button.
    b.fill("email", "amina@example.ma").await;
    b.fill("password", PASSWORD).await;
    b.submit("form[action=\"/account/login\"] button[type=submit]")
        .await;
    b.wait_for("form[action=\"/account/logout\"]").await;
    b.open("/account/profile").await;
    assert!(b.main_text().await.contains("amina@example.ma"));
    b.screenshot("accounts-profile-fr").await;

    // Switch to Arabic with the language links (no JavaScript needed).
    b.client
        .find(Locator::Css("a[hreflang=\"ar\"]"))
        .await
        .expect("the Arabic link")
        .click()
        .await
        .expect("switch to Arabic");
    b.wait_for("html[lang=\"ar\"]").await;
    let html = b.client.source().await.expect("page source");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(b.main_text().await.contains("ملفي الشخصي"));
    b.screenshot("accounts-profile-ar").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn account_pages_pass_axe() {
    let b = Browser::start(false).await;
    for lang in ["ar", "fr"] {
        for (path, name) in [
            ("/account/signup", "signup"),
            ("/account/login", "login"),
            ("/account/forgot", "forgot"),
        ] {
            b.open(&format!("/lang/{lang}?next={path}")).await;
            let violations = b.axe_serious().await;
            assert!(violations.is_empty(), "{lang} {path}: {violations:#?}");
            b.screenshot(&format!("axe-{name}-{lang}")).await;
        }
        // A form with errors (summary, aria-invalid) too.
        b.open(&format!("/lang/{lang}?next=/account/signup")).await;
        b.fill("email", "not an address").await;
        b.submit("form[action=\"/account/signup\"] button[type=submit]")
            .await;
        b.wait_for(".error-summary").await;
        let violations = b.axe_serious().await;
        assert!(
            violations.is_empty(),
            "{lang} sign-up errors: {violations:#?}"
        );
        b.screenshot(&format!("axe-signup-errors-{lang}")).await;
    }
    b.close().await;
}
