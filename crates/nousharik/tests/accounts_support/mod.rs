//! Places for the account tests: a region with two communes (Tangier with an arrondissement,
//! Larache) and the Tangier and regional councils, inserted directly so the account tests do not
//! depend on the territory module's seed data.

use nousharik::platform::db::Db;

/// Ids of the inserted places.
#[allow(dead_code)]
pub struct Places {
    pub region: i64,
    pub tangier: i64,
    pub tangier_arrondissement: i64,
    pub larache: i64,
    pub tangier_council: i64,
    pub region_council: i64,
}

async fn territory(
    db: &Db,
    code: &str,
    level: &str,
    parent: Option<i64>,
    ar: &str,
    fr: &str,
) -> i64 {
    db.query_scalar(
        "INSERT INTO territories (code, level, parent_id, name_ar, name_fr, name_zgh, name_en, \
         population, census_year, source, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, NULL, NULL, 1000, 2024, 'test', 0, 0) RETURNING id",
    )
    .bind(code)
    .bind(level)
    .bind(parent)
    .bind(ar)
    .bind(fr)
    .fetch_one(db.pool())
    .await
    .unwrap_or_else(|e| panic!("territory {code}: {e}"))
}

async fn council(db: &Db, code: &str, territory: i64, ar: &str, fr: &str) -> i64 {
    db.query_scalar(
        "INSERT INTO organisations (code, kind, topic, territory_id, parent_id, name_ar, name_fr, \
         name_zgh, name_en, demo, created_at, updated_at) \
         VALUES (?, 'council', NULL, ?, NULL, ?, ?, NULL, NULL, 0, 0, 0) RETURNING id",
    )
    .bind(code)
    .bind(territory)
    .bind(ar)
    .bind(fr)
    .fetch_one(db.pool())
    .await
    .unwrap_or_else(|e| panic!("organisation {code}: {e}"))
}

/// Inserts the places.
pub async fn seed(db: &Db) -> Places {
    let region = territory(db, "t-region", "region", None, "الجهة", "Région test").await;
    let tangier = territory(db, "t-tanger", "commune", Some(region), "طنجة", "Tanger").await;
    let tangier_arrondissement = territory(
        db,
        "t-tanger-a",
        "arrondissement",
        Some(tangier),
        "مقاطعة",
        "Arrondissement",
    )
    .await;
    let larache = territory(
        db,
        "t-larache",
        "commune",
        Some(region),
        "العرائش",
        "Larache",
    )
    .await;
    Places {
        region,
        tangier,
        tangier_arrondissement,
        larache,
        tangier_council: council(db, "o-tanger", tangier, "مجلس طنجة", "Conseil de Tanger").await,
        region_council: council(db, "o-region", region, "مجلس الجهة", "Conseil régional").await,
    }
}
