//! The meetings journey in a real browser, on the demo data: the Tangier council's staff
//! create a training on invitation with the event form → invite a citizen by her address on
//! the invitations page → she registers (Arabic) → the staff check her
//! in by her code → she fills the post-test → downloads her certificate PDF → its code is
//! verified on the public page. Screenshots in French and Arabic; axe-core on the form, the
//! event page (anonymous, with the registration form, and registered) and the check-in page.

use fantoccini::Locator;
use nousharik::meetings::demo::QUESTIONS;
use nousharik::meetings::model::form::format_local;
use nousharik::platform::mail::read_outbox;
use nousharik::platform::now;
use serde_json::json;

use crate::harness::{Browser, artifacts_dir};

const STAFF: (&str, &str) = ("staff.tanger@demo.nousharik.ma", "demo-staff-2026");
const CITIZEN: (&str, &str) = ("citizen.tanger@demo.nousharik.ma", "demo-citizen-2026");

#[tokio::test(flavor = "multi_thread")]
async fn register_check_in_post_test_certificate_and_verify() {
    let b = Browser::start(true).await;

    // The organiser's staff create a training starting in an hour, tests from the bank.
    b.log_in(STAFF.0, STAFF.1, "fr").await;
    b.open("/events").await;
    b.click("#new-event").await;
    b.wait_for("#save-event").await;
    b.axe_clean("event form (fr)").await;
    b.fill("title", "Formation navigateur : pétitions").await;
    b.set_value("territory", "commune-tanger").await;
    b.set_value("starts_at", &format_local(now() + 3600)).await;
    b.set_value("ends_at", &format_local(now() + 5 * 3600))
        .await;
    b.fill("address", "Salle de la commune").await;
    b.fill("capacity", "20").await;
    b.select("policy", "invitation").await;
    b.fill("question_0", "Votre association").await;
    let boxes = b
        .client
        .find_all(Locator::Css("input[name=\"test_question\"]"))
        .await
        .expect("bank questions");
    assert_eq!(boxes.len(), QUESTIONS.len(), "the Tangier demo bank");
    for q in boxes {
        q.click().await.expect("choose a bank question");
    }
    b.click("#certificate").await;
    b.click("#requires_post_test").await;
    b.fill("min_score", "50").await;
    b.screenshot("meetings-form-fr").await;
    b.submit("#save-event").await;
    b.wait_for("#registration-code, .notice-ok").await;
    let url = b.client.current_url().await.expect("url");
    let event = url
        .path()
        .strip_prefix("/events/")
        .expect("the new event's page")
        .to_string();
    assert!(
        b.main_text()
            .await
            .contains("Formation navigateur : pétitions")
    );
    let page = format!("/events/{event}");

    // Registration is on invitation: the staff invite her by her address (and a mistyped
    // line, which comes back named and kept in the box).
    b.click_then("#invitations-link", "#invite-button").await;
    b.axe_clean("invitations page (fr)").await;
    b.type_into("#addresses", &format!("{}\ncitizen.tanger@", CITIZEN.0))
        .await;
    b.click_then("#invite-button", "#invite-malformed").await;
    let text = b.main_text().await;
    assert!(
        text.contains("1 invitation") || text.contains("Une invitation"),
        "{text}"
    );
    let kept = b
        .client
        .execute("return document.getElementById('addresses').value;", vec![])
        .await
        .expect("the box's value");
    assert_eq!(
        kept.as_str().map(str::trim),
        Some("citizen.tanger@"),
        "the refused line is kept"
    );
    assert!(
        b.client
            .find(Locator::Css("#invited tr[data-status=\"none\"]"))
            .await
            .is_ok()
    );
    b.axe_clean("invitations page with a refused line (fr)")
        .await;
    b.screenshot("meetings-invitations-fr").await;
    let mails = read_outbox(&b.data_dir.path().join("mail"));
    let mail = mails
        .iter()
        .find(|m| m.to == CITIZEN.0)
        .expect("the invitation mail");
    assert!(
        mail.text.lines().any(|l| l.ends_with(&page)),
        "the event's link in the mail: {}",
        mail.text
    );

    // Anyone sees the event page; in Arabic, right to left.
    b.client.delete_all_cookies().await.expect("log out");
    for lang in ["fr", "ar"] {
        b.open(&format!("/lang/{lang}?next={page}")).await;
        b.wait_for(&format!("html[lang=\"{lang}\"]")).await;
        b.axe_clean(&format!("event page, anonymous ({lang})"))
            .await;
    }
    b.screenshot("meetings-event-ar").await;

    // The citizen registers, in Arabic.
    b.log_in(CITIZEN.0, CITIZEN.1, "ar").await;
    b.open(&page).await;
    b.wait_for("#register-button").await;
    b.axe_clean("registration form (ar)").await;
    b.fill("answer_0", "جمعية النسائم").await;
    b.set_value("actor_type", "association").await;
    b.submit("#register-button").await;
    b.wait_for("#registration-code").await;
    let code = b
        .client
        .find(Locator::Css("#registration-code"))
        .await
        .expect("the code")
        .text()
        .await
        .expect("code text");
    assert!(!code.trim().is_empty());
    assert!(
        b.client.find(Locator::Css("figure.qr svg")).await.is_ok(),
        "QR code shown"
    );
    b.axe_clean("registered, code and QR (ar)").await;
    b.screenshot("meetings-registered-ar").await;

    // The staff check her in by her code.
    b.log_in(STAFF.0, STAFF.1, "fr").await;
    b.open(&format!("{page}/check-in")).await;
    b.wait_for("#check-in-button").await;
    b.axe_clean("check-in page (fr)").await;
    b.fill("code", &code).await;
    b.submit("#check-in-button").await;
    b.wait_for(".notice-ok").await;
    assert!(b.main_text().await.contains("أمينة من طنجة"));
    b.screenshot("meetings-checkin-fr").await;

    // She fills the post-test (the right answers of the demo bank).
    b.log_in(CITIZEN.0, CITIZEN.1, "ar").await;
    b.open(&page).await;
    b.click("#post-test-link").await;
    b.wait_for("#test-submit").await;
    let legends = b
        .client
        .find_all(Locator::Css("form fieldset legend"))
        .await
        .expect("questions");
    assert_eq!(legends.len(), QUESTIONS.len());
    for (i, legend) in legends.iter().enumerate() {
        let text = legend.text().await.expect("legend");
        let (_, _, right) = QUESTIONS
            .iter()
            .find(|(prompt, _, _)| text.contains(prompt))
            .unwrap_or_else(|| panic!("a demo question: {text}"));
        b.click(&format!("input[name=\"q_{i}\"][value=\"{right}\"]"))
            .await;
    }
    b.screenshot("meetings-post-test-ar").await;
    b.submit("#test-submit").await;
    b.wait_for(".notice-ok").await;

    // The certificate link downloads a PDF (fetched by the page, with her session).
    let href = b
        .client
        .find(Locator::Css("#certificate-link"))
        .await
        .expect("the certificate link")
        .attr("href")
        .await
        .expect("href")
        .expect("a link");
    let got = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {\
               const bytes = Array.from(new Uint8Array(await r.arrayBuffer()));\
               done({status: r.status, type: r.headers.get('content-type'),\
                     disposition: r.headers.get('content-disposition'), bytes});\
             }, e => done({error: String(e)}));",
            vec![json!(href)],
        )
        .await
        .expect("fetch the certificate");
    assert_eq!(got["status"], 200, "{}", got["error"]);
    assert_eq!(got["type"], "application/pdf");
    let pdf: Vec<u8> = got["bytes"]
        .as_array()
        .expect("bytes")
        .iter()
        .map(|v| v.as_u64().unwrap_or_default() as u8)
        .collect();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    std::fs::write(artifacts_dir().join("meetings-certificate.pdf"), &pdf).expect("save PDF");
    let disposition = got["disposition"].as_str().expect("a file name");
    let cert_code = disposition
        .split("certificate-")
        .nth(1)
        .and_then(|rest| rest.split(".pdf").next())
        .expect("the verification code in the file name")
        .to_string();
    // The code printed in the document is the one in its name (poppler-utils, which
    // scripts/test installs, extracts the text).
    let text = std::process::Command::new("pdftotext")
        .arg(artifacts_dir().join("meetings-certificate.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    let bare = |s: &str| -> String { s.chars().filter(char::is_ascii_alphanumeric).collect() };
    assert!(
        bare(&text).contains(&bare(&cert_code)),
        "{cert_code} in {text}"
    );

    // Anyone verifies the code on the public page.
    b.client.delete_all_cookies().await.expect("log out");
    for lang in ["ar", "fr"] {
        b.open(&format!("/lang/{lang}?next=/certificates/verify"))
            .await;
        b.wait_for("#code").await;
        b.fill("code", &cert_code).await;
        b.submit("form[action=\"/certificates/verify\"] button[type=submit]")
            .await;
        b.wait_for("#verify-result").await;
        let text = b.main_text().await;
        assert!(
            text.contains("Formation navigateur : pétitions"),
            "{lang}: {text}"
        );
        b.axe_clean(&format!("verification page ({lang})")).await;
        b.screenshot(&format!("meetings-verify-{lang}")).await;
    }
    assert!(b.main_text().await.contains("authentique"));
    // A made-up code is not found.
    b.open("/certificates/verify?code=ABCD-EFGH-JKM").await;
    b.wait_for("#verify-result").await;
    assert!(b.main_text().await.contains("Aucune attestation"));
    b.close().await;
}
