//! The participatory-budget journey of issue 5 in a real browser, once in French and once in
//! Arabic, on the demo data: the Tangier council's staff create a campaign with the form and open
//! it for proposals → a verified resident proposes three projects → the staff review them →
//! voting opens → the resident votes and gets a receipt → voting closes → the staff count →
//! the public results page shows which projects are funded, and the receipt is found in the
//! published ballots. Screenshots of every step, axe-core on the main pages.

use fantoccini::Locator;
use nousharik::platform::now;

use crate::harness::{Browser, id_of};

const STAFF: (&str, &str) = ("staff.tanger@demo.nousharik.ma", "demo-staff-2026");
const CITIZEN: (&str, &str) = ("citizen.tanger@demo.nousharik.ma", "demo-citizen-2026");
const DAY: i64 = 86_400;

/// What the walk types and expects, per language.
struct Words {
    lang: &'static str,
    campaign: &'static str,
    budget: &'static str,
    projects: [(&'static str, &'static str); 3],
    funded: &'static str,
    not_funded: &'static str,
}

const FRENCH: Words = Words {
    lang: "fr",
    campaign: "Budget participatif de Tanger 2027",
    budget: "Toute la ville",
    projects: [
        ("Jardin de quartier", "400"),
        ("Bibliothèque de rue", "300"),
        ("Terrain de sport", "500"),
    ],
    funded: "Financé",
    not_funded: "Non financé",
};

const ARABIC: Words = Words {
    lang: "ar",
    campaign: "الميزانية التشاركية لطنجة 2027",
    budget: "المدينة كلها",
    projects: [
        ("حديقة الحي", "400"),
        ("مكتبة الشارع", "300"),
        ("ملعب رياضي", "500"),
    ],
    funded: "مموَّل",
    not_funded: "غير مموَّل",
};

fn ymd(t: i64) -> String {
    let z = nousharik::platform::i18n::to_casablanca(t);
    format!("{:04}-{:02}-{:02}", z.year(), z.month(), z.day())
}

/// The staff move the campaign to its next phase from its page.
async fn next_phase(b: &Browser, campaign: &str) {
    b.open(campaign).await;
    b.click_then("#next-phase", ".notice-ok").await;
}

async fn walk(w: &Words) {
    let b = Browser::start(true).await;
    let db = b.database().await;
    let tangier = id_of(&db, "territories", "commune-tanger")
        .await
        .to_string();
    let shot = |step: &str| format!("budgets-{step}-{}", w.lang);

    // The staff create the campaign: one city-wide budget of 1,000 DH, approval of 1 to 2
    // projects, every phase up to voting allowed to start now.
    b.log_in(STAFF.0, STAFF.1, w.lang).await;
    b.open("/budgets/new").await;
    b.wait_for("#save-campaign").await;
    b.fill("title", w.campaign).await;
    b.select("territory", &tangier).await;
    b.select("ballot_type", "approval").await;
    b.fill("approval_min", "1").await;
    b.fill("approval_max", "2").await;
    b.select("rule", "mes_greedy").await;
    let t = now();
    for (field, at) in [
        ("informing", t - 5 * DAY),
        ("proposing", t - 4 * DAY),
        ("review", t - 3 * DAY),
        ("voting", t - 2 * DAY),
        ("voting_last", t + 2 * DAY),
    ] {
        b.set_value(field, &ymd(at)).await;
    }
    b.fill("budget_name_0", w.budget).await;
    b.select("budget_territory_0", &tangier).await;
    b.fill("budget_amount_0", "1 000").await;
    b.screenshot(&shot("campaign-form")).await;
    b.axe_clean("campaign form").await;
    b.click_then("#save-campaign", ".notice-ok").await;
    let campaign = b.client.current_url().await.expect("url").path().to_owned();
    assert!(campaign.starts_with("/budgets/campaigns/"), "{campaign}");
    let campaign_id: i64 = campaign
        .trim_start_matches("/budgets/campaigns/")
        .parse()
        .expect("campaign id");
    let budget: i64 = db
        .query_scalar("SELECT id FROM budget_budgets WHERE campaign_id = ?")
        .bind(campaign_id)
        .fetch_one(db.pool())
        .await
        .expect("the budget");
    next_phase(&b, &campaign).await; // informing
    next_phase(&b, &campaign).await; // proposing

    // The resident proposes three projects.
    b.log_in(CITIZEN.0, CITIZEN.1, w.lang).await;
    for (title, cost) in w.projects {
        b.open(&campaign).await;
        b.click_then("#propose-link", "#submit-proposal").await;
        b.fill("title", title).await;
        b.type_into("#description", title).await;
        b.fill("place", "Tanger").await;
        b.select("budget", &budget.to_string()).await;
        b.select("category", "green").await;
        b.fill("cost", cost).await;
        b.click_then("#submit-proposal", ".notice-ok").await;
    }
    b.screenshot(&shot("proposal")).await;
    b.axe_clean("a proposal's page").await;
    let projects: Vec<i64> = db
        .query_scalar("SELECT id FROM budget_projects WHERE campaign_id = ? ORDER BY id")
        .bind(campaign_id)
        .fetch_all(db.pool())
        .await
        .expect("the proposals");
    assert_eq!(projects.len(), 3, "three proposals stored");

    // The staff review them: all feasible at the proposed cost.
    b.log_in(STAFF.0, STAFF.1, w.lang).await;
    next_phase(&b, &campaign).await; // technical review
    for (id, (_, cost)) in projects.iter().zip(w.projects) {
        b.open(&format!("{campaign}/review")).await;
        b.click(&format!("#feasible-{id}")).await;
        b.type_into(&format!("#cost-{id}"), cost).await;
        b.click_then(&format!("#review-{id}"), ".notice-ok").await;
    }
    b.screenshot(&shot("review")).await;
    b.axe_clean("review page").await;
    next_phase(&b, &campaign).await; // voting
    // The calendar page: the started phases read-only, the last day of voting open.
    b.open(&format!("{campaign}/dates")).await;
    b.wait_for("#voting_last:not([readonly])").await;
    b.wait_for("#voting[readonly]").await;
    b.screenshot(&shot("dates")).await;
    b.axe_clean("calendar page").await;

    // The resident votes for the first two and keeps her receipt.
    b.log_in(CITIZEN.0, CITIZEN.1, w.lang).await;
    b.open(&format!("/budgets/{budget}/vote")).await;
    b.wait_for("#cast-ballot").await;
    b.click(&format!("#project-{}", projects[0])).await;
    b.click(&format!("#project-{}", projects[1])).await;
    b.click("#adult").await;
    b.screenshot(&shot("ballot")).await;
    b.axe_clean("ballot").await;
    b.click_then("#cast-ballot", "#receipt-code").await;
    let receipt = b
        .client
        .find(Locator::Css("#receipt-code"))
        .await
        .expect("receipt")
        .text()
        .await
        .expect("receipt text");
    assert!(!receipt.trim().is_empty(), "a receipt code is shown");
    b.screenshot(&shot("receipt")).await;

    // Voting closes at its last day (moved to now here); the staff count.
    db.query("UPDATE budget_campaigns SET voting_end_at = ? WHERE id = ?")
        .bind(now() - 1)
        .bind(campaign_id)
        .execute(db.pool())
        .await
        .expect("close the vote");
    b.log_in(STAFF.0, STAFF.1, w.lang).await;
    next_phase(&b, &campaign).await; // counting
    b.open(&campaign).await;
    b.click_then("#count-button", ".notice-ok").await;

    // Anyone sees the results: the two projects voted for are funded, the third is not.
    b.client.delete_all_cookies().await.expect("log out");
    b.open(&format!(
        "/lang/{}?next=%2Fbudgets%2F{budget}%2Fresults",
        w.lang
    ))
    .await;
    b.wait_for(&format!("html[lang=\"{}\"]", w.lang)).await;
    let text = b.main_text().await;
    for (title, _) in w.projects {
        assert!(text.contains(title), "{title} on the results page: {text}");
    }
    assert!(text.contains(w.funded), "{text}");
    assert!(text.contains(w.not_funded), "{text}");
    b.screenshot(&shot("results")).await;
    b.axe_clean("results").await;
    // results.json names the funded projects; the receipt finds the ballot on the public
    // receipt page.
    b.open(&format!("/budgets/{budget}/results.json")).await;
    let json: serde_json::Value = serde_json::from_str(&b.body_text().await).expect("results.json");
    let funded: Vec<i64> = json["funded"]
        .as_array()
        .expect("funded list")
        .iter()
        .filter_map(|v| v.as_i64())
        .collect();
    assert_eq!(funded, projects[..2].to_vec(), "{json}");
    b.open(&format!("{campaign}/receipt")).await;
    b.fill("code", receipt.trim()).await;
    b.click_then("#check-receipt", "#receipt-found").await;
    let found = b.main_text().await;
    assert!(
        found.contains(w.projects[0].0) && found.contains(w.projects[1].0),
        "{found}"
    );
    b.screenshot(&shot("receipt-check")).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn proposal_vote_count_and_results_in_french() {
    walk(&FRENCH).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn proposal_vote_count_and_results_in_arabic() {
    walk(&ARABIC).await;
}
