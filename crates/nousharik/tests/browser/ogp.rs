//! The OGP journey in Arabic in a real browser: the regional staff record a self-assessment,
//! an association of the forum records its review (shown side by side, with the disagreement),
//! and the Arabic PDF report is downloaded; its text (pdftotext) contains the commitments.
//! On the way the staff correct the commitment's lead institution through its edit form.
//! Screenshots and axe-core on the index, plan, commitment, edit and report pages.

use base64::Engine as _;

use crate::harness::{Browser, artifacts_dir};

#[tokio::test(flavor = "multi_thread")]
async fn self_assessment_review_and_pdf_report_in_arabic() {
    let b = Browser::start(true).await;
    b.open("/lang/ar?next=%2Fogp").await;
    b.wait_for("html[lang=\"ar\"][dir=\"rtl\"]").await;
    b.screenshot("ogp-index-ar").await;
    b.axe_clean("/ogp").await;

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
    b.axe_clean(&plan_href).await;
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
    b.log_in("staff.region@demo.nousharik.ma", "demo-staff-2026", "ar")
        .await;
    b.open(&commitment_href).await;
    b.wait_for("#assessment-form").await;
    b.select("a-completion", "limited").await;
    b.select("a-potential", "substantial").await;
    b.click("#assessment-form input[value=\"civic_participation\"]")
        .await;
    b.type_into("#a-narrative", "عقدت دورتان تكوينيتان للشباب في طنجة")
        .await;
    b.screenshot("ogp-assessment-form-ar").await;
    b.click_then("#assessment-submit", "#side-by-side article")
        .await;
    let text = b.main_text().await;
    assert!(
        text.contains("عقدت دورتان تكوينيتان للشباب في طنجة"),
        "{text}"
    );
    assert!(text.contains("محدود"), "completion label in Arabic");
    b.client
        .execute(
            "document.getElementById('side-by-side').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll to the ratings");
    b.screenshot("ogp-assessment-ar").await;
    b.axe_clean("commitment page (staff)").await;

    // The staff correct the commitment's lead institution (kept through the edit form).
    b.click_then("#edit-commitment", "#commitment-form").await;
    b.axe_clean("commitment edit page").await;
    b.type_into(
        "#lead_institution",
        "مجلس جهة طنجة تطوان الحسيمة — مديرية الشؤون الاجتماعية",
    )
    .await;
    b.screenshot("ogp-edit-commitment-ar").await;
    b.click_then("#commitment-submit", "#side-by-side article")
        .await;
    let text = b.main_text().await;
    assert!(text.contains("مديرية الشؤون الاجتماعية"), "{text}");

    // TTA-01's milestone and indicator edit pages; a target that is not a number is explained
    // in Arabic with what was typed kept, then corrected.
    b.open(&plan_href).await;
    let tta01_href: String = b
        .client
        .execute(
            "return [...document.querySelectorAll('tbody tr')].find(r => r.textContent.includes('TTA-01')).querySelector('a').getAttribute('href')",
            vec![],
        )
        .await
        .expect("TTA-01 link")
        .as_str()
        .expect("a link")
        .to_string();
    b.open(&tta01_href).await;
    b.click_then("a[id^=\"edit-milestone-\"]", "#milestone-form")
        .await;
    b.axe_clean("milestone edit page").await;
    b.screenshot("ogp-edit-milestone-ar").await;
    b.open(&tta01_href).await;
    b.click_then("a[id^=\"edit-indicator-\"]", "#indicator-form")
        .await;
    b.axe_clean("indicator edit page").await;
    let indicator: i64 = b
        .client
        .current_url()
        .await
        .expect("the edit page's address")
        .path()
        .trim_start_matches("/ogp/indicators/")
        .trim_end_matches("/edit")
        .parse()
        .expect("an indicator id");
    b.type_into("#i-target", "كثير").await;
    b.click_then("#indicator-submit", "#edit-error").await;
    let text = b.main_text().await;
    assert!(text.contains("القيمة المستهدفة — اكتب عددا."), "{text}");
    let typed: String = b
        .client
        .execute("return document.getElementById('i-target').value", vec![])
        .await
        .expect("the typed target")
        .as_str()
        .expect("text")
        .to_string();
    assert_eq!(typed, "كثير", "what was typed is kept");
    b.screenshot("ogp-edit-indicator-error-ar").await;
    b.axe_clean("indicator edit page with its error").await;
    b.type_into("#i-target", "75").await;
    b.click_then("#indicator-submit", "#side-by-side").await;
    let db = b.database().await;
    let target: f64 = db
        .query_scalar("SELECT target FROM ogp_indicators WHERE id = ?")
        .bind(indicator)
        .fetch_one(db.pool())
        .await
        .expect("the corrected indicator");
    assert_eq!(target, 75.0);
    b.log_out().await;

    // The association of the forum records its review; it differs, and says so.
    b.log_in("association@demo.nousharik.ma", "demo-assoc-2026", "ar")
        .await;
    b.open(&commitment_href).await;
    b.wait_for("#review-form").await;
    b.select("r-completion", "not_started").await;
    b.select("r-potential", "modest").await;
    b.type_into("#r-narrative", "لم تفتح أي دورة في الحسيمة")
        .await;
    b.click_then("#review-submit", "#side-by-side article + article")
        .await;
    let text = b.main_text().await;
    assert!(text.contains("لم تفتح أي دورة في الحسيمة"), "{text}");
    assert!(
        text.contains("يختلف عن التقييم الذاتي"),
        "disagreement shown"
    );
    b.client
        .execute(
            "document.getElementById('side-by-side').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll to the ratings");
    b.screenshot("ogp-review-ar").await;
    b.axe_clean("commitment page (association)").await;

    // The report page, then its Arabic PDF, downloaded by the browser.
    b.open(&format!("{plan_href}/report")).await;
    b.wait_for("#pdf-ar").await;
    b.screenshot("ogp-report-ar").await;
    b.axe_clean("report").await;
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
