//! HTTP tests of the territory pages: territories, organisations, the association registry and
//! their JSON, in every language, with bad input and hostile stored text.

use nousharik::platform::Locale;
use nousharik::platform::audit::Actor;
use nousharik::platform::testing::{self, TestApp};
use nousharik::territory::model::{
    ActivityField, Code, Names, NewAssociation, NewOrganisation, OrgKind, Standing,
};
use nousharik::territory::{demo, store};

async fn app() -> (TestApp, testing::TestDb) {
    let test_db = testing::sqlite().await;
    demo::seed_demo(&test_db.db).await.unwrap();
    (TestApp::new(test_db.db.clone()), test_db)
}

#[tokio::test]
async fn territory_index_lists_the_tree_in_every_language() {
    let (mut app, db) = app().await;
    for (locale, region, level) in [
        (Locale::Ar, "طنجة تطوان الحسيمة", "جهة"),
        (Locale::Fr, "Tanger-Tétouan-Al Hoceïma", "Région"),
        (Locale::Zgh, "ⵟⴰⵏⵊⴰ-ⵜⵉⵟⵟⴰⵡⵉⵏ-ⵍⵃⵓⵙⵉⵎⴰ", "ⵜⴰⵎⵏⴰⴹⵜ"),
        (Locale::En, "Tanger-Tetouan-Al Hoceima", "Region"),
    ] {
        app.set_cookie("lang", locale.code());
        let r = app.get("/territories").await;
        assert_eq!(r.status, 200, "{locale:?}");
        let html = r.text();
        assert!(html.contains(&format!(r#"<html lang="{}""#, locale.code())));
        assert!(html.contains(region), "{locale:?}: {region}");
        assert!(html.contains(level), "{locale:?}: {level}");
        assert!(html.contains("<caption>"));
        assert!(html.contains(r#"<th scope="col""#));
        // Every seeded territory is linked, in tree order: the region, then Tanger-Assilah
        // before its commune Tangier before Tangier's arrondissements.
        let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(
            at("/territories/region-tanger-tetouan-al-hoceima")
                < at("/territories/prefecture-tanger-assilah")
        );
        assert!(at("/territories/prefecture-tanger-assilah") < at("/territories/commune-tanger"));
        assert!(at("/territories/commune-tanger") < at("/territories/arrondissement-bni-makada"));
        // Latin digits, grouped.
        if locale == Locale::En {
            assert!(html.contains("4,030,222"));
        } else {
            assert!(html.contains("4\u{202F}030\u{202F}222"));
        }
    }
    db.cleanup().await;
}

#[tokio::test]
async fn a_territory_page_shows_names_children_council_and_figures() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "fr");
    let r = app.get("/territories/commune-tanger").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(
        html.contains(r#"<h1 lang="fr" dir="auto">Tanger</h1>"#),
        "{html}"
    );
    assert!(html.contains("1\u{202F}275\u{202F}428"));
    assert!(html.contains("Chiffre à confirmer"));
    // Names in the four languages, each marked with its language.
    assert!(html.contains(r#"<span lang="ar" dir="auto">طنجة</span>"#));
    assert!(html.contains(r#"<span lang="zgh" dir="auto">ⵟⴰⵏⵊⴰ</span>"#));
    // Breadcrumb: region and prefecture.
    assert!(html.contains(r#"aria-label="Vous êtes ici""#));
    assert!(html.contains("/territories/prefecture-tanger-assilah"));
    // Its 4 arrondissements, its council, its bureau and committees, its cell.
    for code in [
        "tanger-medina",
        "bni-makada",
        "charf-mghogha",
        "charf-souani",
    ] {
        assert!(
            html.contains(&format!("/territories/arrondissement-{code}")),
            "{code}"
        );
    }
    assert!(html.contains("/organisations/council-tanger"));
    assert!(html.contains("/organisations/bureau-tanger"));
    assert!(html.contains("/organisations/committee-tanger-budget"));
    assert!(html.contains("/organisations/cell-tanger"));
    assert!(html.contains("Données de démonstration"));
    assert!(html.contains("/associations?territory=commune-tanger"));

    // A checked 2024 figure is not marked (its 2014 commune, listed below, is).
    let html = app.get("/territories/province-larache").await.text();
    let lead = html.split(r#"<p class="lead">"#).nth(1).unwrap();
    let lead = &lead[..lead.find("</p>").unwrap()];
    assert!(lead.contains("510\u{202F}211"), "{lead}");
    assert!(!lead.contains("Chiffre à confirmer"), "{lead}");
    assert!(
        html.contains("Chiffre à confirmer"),
        "the commune of Larache, 2014"
    );
    // An arrondissement has no children; the message says so.
    let html = app
        .get("/territories/arrondissement-charf-souani")
        .await
        .text();
    assert!(html.contains("Aucune subdivision"));

    assert_eq!(app.get("/territories/nowhere").await.status, 404);
    assert_eq!(app.get("/territories/%3Cscript%3E").await.status, 404);
    db.cleanup().await;
}

#[tokio::test]
async fn territories_json_has_every_territory_with_its_parent() {
    let (mut app, db) = app().await;
    let r = app.get("/territories.json").await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let v: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 16);
    assert_eq!(list[0]["code"], "region-tanger-tetouan-al-hoceima");
    assert_eq!(list[0]["parent_code"], serde_json::Value::Null);
    let medina = list
        .iter()
        .find(|t| t["code"] == "arrondissement-tanger-medina")
        .unwrap();
    assert_eq!(medina["parent_code"], "commune-tanger");
    assert_eq!(medina["level"], "arrondissement");
    assert_eq!(medina["names"]["zgh"], "ⵟⴰⵏⵊⴰ ⵜⵉⵖⵕⵎⵜ");
    assert_eq!(medina["population"], 343_535);
    let larache = list
        .iter()
        .find(|t| t["code"] == "commune-larache")
        .unwrap();
    assert_eq!(larache["census_year"], 2014);
    db.cleanup().await;
}

#[tokio::test]
async fn organisation_pages() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "en");
    let r = app.get("/organisations/council-region").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains("Council of the Tanger-Tetouan-Al Hoceima Region"));
    for code in [
        "bureau-region",
        "committee-region-budget",
        "body-region-equality",
        "body-region-youth",
        "body-region-economic-actors",
    ] {
        assert!(html.contains(&format!("/organisations/{code}")), "{code}");
    }
    assert!(html.contains("Equality, equal opportunities and gender"));
    let html = app.get("/organisations/body-region-youth").await.text();
    assert!(html.contains("Consultative body"));
    assert!(
        html.contains("/organisations/council-region"),
        "link to its council"
    );
    // An association is shown on its registry page.
    let r = app.get("/organisations/assoc-loukkos").await;
    assert_eq!(r.status, 308);
    assert_eq!(r.location(), Some("/associations/assoc-loukkos"));
    assert_eq!(app.get("/organisations/none-such").await.status, 404);
    db.cleanup().await;
}

#[tokio::test]
async fn the_registry_filters_by_territory_and_field() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "fr");
    let html = app.get("/associations").await.text();
    assert!(html.contains("8 associations"));
    assert!(html.contains(r#"<label for="filter-territory">"#));
    assert!(html.contains(r#"<label for="filter-field">"#));

    // Larache: the two seated there and the two with a branch there.
    let html = app
        .get("/associations?territory=commune-larache")
        .await
        .text();
    assert!(html.contains("4 associations"), "{html}");
    assert!(html.contains("/associations/assoc-loukkos"));
    assert!(html.contains("/associations/assoc-nassaim"));
    assert!(!html.contains("/associations/assoc-amal-bni-makada"));
    assert!(html.contains(r#"<option value="commune-larache" lang="fr" selected>"#));

    // Tangier includes its arrondissements.
    let html = app
        .get("/associations?territory=commune-tanger&field=childhood")
        .await
        .text();
    assert!(html.contains("1 association"), "{html}");
    assert!(html.contains("/associations/assoc-amal-bni-makada"));

    let html = app
        .get("/associations?field=sport&territory=commune-larache")
        .await
        .text();
    assert!(html.contains("Aucune association ne correspond"));

    // Empty filters are no filters.
    let html = app.get("/associations?territory=&field=").await.text();
    assert!(html.contains("8 associations"));

    // Unknown values: a translated 400, not a 500.
    let r = app.get("/associations?territory=atlantis").await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("Territoire inconnu"));
    let r = app
        .get("/associations?field=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(r.status, 400);
    assert!(!r.text().contains("<script>alert(1)"));
    db.cleanup().await;
}

#[tokio::test]
async fn an_association_page_and_the_registry_json() {
    let (mut app, db) = app().await;
    app.set_cookie("lang", "ar");
    let r = app.get("/associations/assoc-sabadia-handicap").await;
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains("في وضعية قانونية غير سليمة"));
    assert!(html.contains("Rapport financier annuel non déposé (démo)."));
    assert!(html.contains("لا تستوفي شروط السجل"));
    assert!(html.contains("بيانات تجريبية"));
    let html = app.get("/associations/assoc-tifawin-femmes").await.text();
    assert!(html.contains("تستوفي شروط السجل"));
    assert!(html.contains("/territories/commune-tanger"), "branch");
    // Constituted less than 3 years before today (2024-04-15 < 3 years before 2026-11).
    let html = app.get("/associations/assoc-lixus-patrimoine").await.text();
    assert!(html.contains("لا تستوفي شروط السجل"));
    assert_eq!(app.get("/associations/council-region").await.status, 404);
    assert_eq!(app.get("/associations/none").await.status, 404);

    let r = app
        .get("/associations.json?territory=commune-al-hoceima")
        .await;
    assert_eq!(r.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    let list = v.as_array().unwrap();
    let codes: Vec<&str> = list.iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "assoc-boughaz-environnement",
            "assoc-nekor-jeunesse",
            "assoc-sabadia-handicap",
            "assoc-tifawin-femmes"
        ]
    );
    let sabadia = &list[2];
    assert_eq!(sabadia["standing"], "not_good");
    assert_eq!(sabadia["created_on"], "2016-01-25");
    assert_eq!(sabadia["seat_code"], "commune-al-hoceima");
    assert_eq!(
        sabadia["fields"],
        serde_json::json!(["disability", "health"])
    );
    assert_eq!(sabadia["demo"], true);
    assert_eq!(app.get("/associations.json?field=nope").await.status, 400);
    db.cleanup().await;
}

#[tokio::test]
async fn stored_script_and_sql_text_is_shown_escaped() {
    let (mut app, db) = app().await;
    let medina = store::territory_by_code(&db.db, "arrondissement-tanger-medina")
        .await
        .unwrap()
        .unwrap();
    let org = NewOrganisation {
        code: Code::parse("assoc-hostile").unwrap(),
        kind: OrgKind::Association,
        topic: None,
        territory_id: medina.id,
        parent_id: None,
        names: Names {
            ar: "جمعية <script>alert('ar')</script>".into(),
            fr: "<script>alert(1)</script>'; DROP TABLE organisations; --".into(),
            zgh: None,
            en: None,
        },
        demo: false,
    };
    let record = NewAssociation {
        created_on: jiff::civil::date(2010, 1, 1),
        standing: Standing::Good,
        standing_on: jiff::civil::date(2026, 1, 1),
        standing_note: "<img src=x onerror=alert(2)>".into(),
        representative_name: "\"><script>alert(3)</script>".into(),
        fields: vec![ActivityField::Youth],
    };
    store::insert_association(&db.db, &org, &record, &[], Actor::System)
        .await
        .unwrap();
    for locale in ["fr", "ar"] {
        app.set_cookie("lang", locale);
        for path in [
            "/associations/assoc-hostile",
            "/associations",
            "/associations?territory=commune-tanger",
        ] {
            let html = app.get(path).await.text();
            assert!(!html.contains("<script>alert"), "{path}");
            assert!(!html.contains("<img src=x"), "{path}");
            assert!(
                html.contains("&lt;script&gt;alert") || html.contains("&#60;script&#62;alert"),
                "{path}: {html}"
            );
        }
    }
    // The organisations table is still there.
    assert_eq!(app.get("/associations/assoc-loukkos").await.status, 200);
    db.cleanup().await;
}

#[tokio::test]
async fn territory_pages_are_within_the_page_weight_budget() {
    const BUDGET: usize = 50 * 1024;
    let (mut app, db) = app().await;
    let gzip = [("accept-encoding", "gzip")];
    let css = app
        .get_with(&nousharik::platform::layout::asset_url("app.css"), &gzip)
        .await;
    for locale in Locale::ALL {
        app.set_cookie("lang", locale.code());
        for path in [
            "/territories",
            "/territories/commune-tanger",
            "/organisations/council-region",
            "/associations",
            "/associations/assoc-nassaim",
        ] {
            let html = app.get_with(path, &gzip).await;
            assert_eq!(html.status, 200);
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
                "{path} in {}: {total} B > {BUDGET}",
                locale.code()
            );
        }
    }
    db.cleanup().await;
}
