//! The OGP journey in Arabic in a real browser: the regional staff record a self-assessment,
//! an association of the forum records its review (shown side by side, with the disagreement),
//! and the Arabic PDF report is downloaded; its text (pdftotext) contains the commitments.
//! Screenshots and axe-core on the commitment and report pages.

use base64::Engine as _;
use fantoccini::Locator;

use crate::harness::{Browser, artifacts_dir};

async fn wait_for(b: &Browser, css: &str) {
    b.client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} never appeared: {e}"));
}

async fn click(b: &Browser, css: &str) {
    b.client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn type_into(b: &Browser, css: &str, text: &str) {
    let el = b
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    el.clear().await.expect("clear");
    el.send_keys(text).await.expect("type");
}

async fn log_in(b: &Browser, email: &str, password: &str) {
    b.open("/account/login").await;
    b.fill("email", email).await;
    b.fill("password", password).await;
    b.submit("form[action=\"/account/login\"] button[type=submit]")
        .await;
    wait_for(b, "form[action=\"/account/logout\"]").await;
}

async fn log_out(b: &Browser) {
    click(b, "form[action=\"/account/logout\"] button[type=submit]").await;
    wait_for(b, "a[href=\"/account/login\"]").await;
}

async fn axe_clean(b: &Browser, what: &str) {
    let violations = b.axe_serious().await;
    assert!(violations.is_empty(), "{what}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "not run yet: written on an overloaded machine; run with --run-ignored"]
async fn self_assessment_review_and_pdf_report_in_arabic() {
    let b = Browser::start(true).await;
    b.open("/lang/ar?next=%2Fogp").await;
    wait_for(&b, "html[lang=\"ar\"][dir=\"rtl\"]").await;
    b.screenshot("ogp-index-ar").await;
    axe_clean(&b, "/ogp").await;

    // The open plan (newest period first) and its commitment TTA-04, not yet assessed.
    let plan_href: String = b
        .client
        .execute(
            "return document.querySelector('.card a[href^=\"/ogp/plans/\"]').getAttribute('href')",
            vec![],
        )
        .await
        .expect("plan link")
        .as_str()
        .expect("a link")
        .to_string();
    b.open(&plan_href).await;
    b.screenshot("ogp-plan-ar").await;
    axe_clean(&b, &plan_href).await;
    let commitment_href: String = b
        .client
        .execute(
            "return [...document.querySelectorAll('tbody tr')].find(r => r.textContent.includes('TTA-04')).querySelector('a').getAttribute('href')",
            vec![],
        )
        .await
        .expect("commitment link")
        .as_str()
        .expect("a link")
        .to_string();

    // The regional staff record the self-assessment.
    log_in(&b, "staff.region@demo.nousharik.ma", "demo-staff-2026").await;
    b.open(&commitment_href).await;
    wait_for(&b, "#assessment-form").await;
    click(&b, "#a-completion option[value=\"limited\"]").await;
    click(&b, "#a-potential option[value=\"substantial\"]").await;
    click(&b, "#assessment-form input[value=\"civic_participation\"]").await;
    type_into(&b, "#a-narrative", "عقدت دورتان تكوينيتان للشباب في طنجة").await;
    b.screenshot("ogp-assessment-form-ar").await;
    click(&b, "#assessment-submit").await;
    wait_for(&b, "#side-by-side article").await;
    let text = b.main_text().await;
    assert!(
        text.contains("عقدت دورتان تكوينيتان للشباب في طنجة"),
        "{text}"
    );
    assert!(text.contains("محدود"), "completion label in Arabic");
    b.screenshot("ogp-assessment-ar").await;
    axe_clean(&b, "commitment page (staff)").await;
    log_out(&b).await;

    // The association of the forum records its review; it differs, and says so.
    log_in(&b, "association@demo.nousharik.ma", "demo-assoc-2026").await;
    b.open(&commitment_href).await;
    wait_for(&b, "#review-form").await;
    click(&b, "#r-completion option[value=\"not_started\"]").await;
    click(&b, "#r-potential option[value=\"modest\"]").await;
    type_into(&b, "#r-narrative", "لم تفتح أي دورة في الحسيمة").await;
    click(&b, "#review-submit").await;
    wait_for(&b, "#side-by-side article + article").await;
    let text = b.main_text().await;
    assert!(text.contains("لم تفتح أي دورة في الحسيمة"), "{text}");
    assert!(
        text.contains("يختلف عن التقييم الذاتي"),
        "disagreement shown"
    );
    b.screenshot("ogp-review-ar").await;
    axe_clean(&b, "commitment page (association)").await;

    // The report page, then its Arabic PDF, downloaded by the browser.
    b.open(&format!("{plan_href}/report")).await;
    wait_for(&b, "#pdf-ar").await;
    b.screenshot("ogp-report-ar").await;
    axe_clean(&b, "report").await;
    let encoded = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch(document.querySelector('#pdf-ar').href).then(r => r.arrayBuffer()).then(buf => {\
               let s = ''; const bytes = new Uint8Array(buf);\
               for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);\
               done(btoa(s)); }, e => done('error: ' + e));",
            vec![],
        )
        .await
        .expect("download the PDF");
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(encoded.as_str().expect("base64 text"))
        .expect("base64 PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    let path = artifacts_dir().join("ogp-report-ar.pdf");
    std::fs::write(&path, &pdf).expect("write the PDF");
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    // Lines may wrap anywhere: compare with the whitespace collapsed.
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "TTA-01",
        "TTA-02",
        "TTA-03",
        "TTA-04",
        "Portail régional",
        "Budget ouvert",
        "Suivi public",
        "Participation des jeunes",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the PDF text:\n{text}"
        );
    }
    b.close().await;
}
