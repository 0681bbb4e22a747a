//! Demo organisations: the regional council with its bureau and standing committees, the
//! councils of Tangier, Larache and Al Hoceïma with theirs, the region's three consultative
//! bodies and the communes' equality bodies, the regional and local coordination cells, and
//! eight fictitious associations. Everything here is marked `demo` and shown as such; the
//! associations and their representatives are invented (no real association is named).
//!
//! Committee names follow the minimum committees of the organic laws (111.14 for regions,
//! 113.14 for communes); real councils name theirs in their internal rules.

use jiff::civil::{Date, date};

use super::model::{
    ActivityField, Code, Names, NewAssociation, NewOrganisation, OrgKind, Standing, Topic,
};
use super::reference::REGION;
use super::store::{self, Result, StoreError};
use crate::platform::AppState;
use crate::platform::audit::Actor as By;
use crate::platform::db::Db;

/// A demo body of a council, or a council itself.
struct DemoOrg {
    code: &'static str,
    kind: OrgKind,
    topic: Option<Topic>,
    territory: &'static str,
    parent: Option<&'static str>,
    ar: &'static str,
    fr: &'static str,
    zgh: Option<&'static str>,
    en: &'static str,
}

const fn body(
    code: &'static str,
    kind: OrgKind,
    territory: &'static str,
    parent: Option<&'static str>,
    names: (&'static str, &'static str, &'static str),
) -> DemoOrg {
    DemoOrg {
        code,
        kind,
        topic: None,
        territory,
        parent,
        ar: names.0,
        fr: names.1,
        zgh: None,
        en: names.2,
    }
}

const fn consultative(
    code: &'static str,
    topic: Topic,
    territory: &'static str,
    parent: &'static str,
    names: (&'static str, &'static str, &'static str),
) -> DemoOrg {
    DemoOrg {
        code,
        kind: OrgKind::ConsultativeBody,
        topic: Some(topic),
        territory,
        parent: Some(parent),
        ar: names.0,
        fr: names.1,
        zgh: None,
        en: names.2,
    }
}

const BUDGET: (&str, &str, &str) = (
    "لجنة الميزانية والشؤون المالية والبرمجة",
    "Commission du budget, des affaires financières et de la programmation",
    "Committee on the budget, finance and programming",
);
const BUREAU: (&str, &str, &str) = ("مكتب المجلس", "Bureau du conseil", "Council bureau");
const EQUALITY: (&str, &str, &str) = (
    "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
    "Instance de l'équité, de l'égalité des chances et de l'approche genre",
    "Equality, equal opportunities and gender body",
);
const PUBLIC_SERVICES: (&str, &str, &str) = (
    "لجنة المرافق والخدمات العمومية",
    "Commission des services et équipements publics",
    "Committee on public services and facilities",
);
const URBANISM: (&str, &str, &str) = (
    "لجنة التعمير وإعداد التراب والبيئة",
    "Commission de l'urbanisme, de l'aménagement du territoire et de l'environnement",
    "Committee on urban planning, land use and the environment",
);
const LOCAL_CELL: (&str, &str, &str) = (
    "خلية التنسيق المحلية",
    "Cellule de coordination locale",
    "Local coordination cell",
);

/// Councils first, then what belongs to them (parents before children).
const ORGS: &[DemoOrg] = &[
    DemoOrg {
        code: "council-region",
        kind: OrgKind::Council,
        topic: None,
        territory: REGION,
        parent: None,
        ar: "مجلس جهة طنجة تطوان الحسيمة",
        fr: "Conseil de la région de Tanger-Tétouan-Al Hoceïma",
        zgh: Some("ⴰⴳⵔⴰⵡ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏ ⵟⴰⵏⵊⴰ-ⵜⵉⵟⵟⴰⵡⵉⵏ-ⵍⵃⵓⵙⵉⵎⴰ"),
        en: "Council of the Tanger-Tetouan-Al Hoceima Region",
    },
    body(
        "bureau-region",
        OrgKind::Bureau,
        REGION,
        Some("council-region"),
        BUREAU,
    ),
    body(
        "committee-region-budget",
        OrgKind::StandingCommittee,
        REGION,
        Some("council-region"),
        BUDGET,
    ),
    body(
        "committee-region-development",
        OrgKind::StandingCommittee,
        REGION,
        Some("council-region"),
        (
            "لجنة التنمية الاقتصادية والاجتماعية والثقافية والبيئية",
            "Commission du développement économique, social, culturel et environnemental",
            "Committee on economic, social, cultural and environmental development",
        ),
    ),
    body(
        "committee-region-planning",
        OrgKind::StandingCommittee,
        REGION,
        Some("council-region"),
        (
            "لجنة إعداد التراب",
            "Commission de l'aménagement du territoire",
            "Committee on land-use planning",
        ),
    ),
    consultative(
        "body-region-equality",
        Topic::Equality,
        REGION,
        "council-region",
        EQUALITY,
    ),
    consultative(
        "body-region-youth",
        Topic::Youth,
        REGION,
        "council-region",
        (
            "الهيئة الاستشارية للشباب",
            "Instance consultative de la jeunesse",
            "Youth consultative body",
        ),
    ),
    consultative(
        "body-region-economic-actors",
        Topic::EconomicActors,
        REGION,
        "council-region",
        (
            "الهيئة الاستشارية للفاعلين الاقتصاديين",
            "Instance consultative des acteurs économiques",
            "Economic actors consultative body",
        ),
    ),
    body(
        "cell-region",
        OrgKind::CoordinationCell,
        REGION,
        None,
        (
            "خلية التنسيق الجهوية",
            "Cellule de coordination régionale",
            "Regional coordination cell",
        ),
    ),
    // Tangier
    body(
        "council-tanger",
        OrgKind::Council,
        "commune-tanger",
        None,
        (
            "مجلس جماعة طنجة",
            "Conseil communal de Tanger",
            "Tangier commune council",
        ),
    ),
    body(
        "bureau-tanger",
        OrgKind::Bureau,
        "commune-tanger",
        Some("council-tanger"),
        BUREAU,
    ),
    body(
        "committee-tanger-budget",
        OrgKind::StandingCommittee,
        "commune-tanger",
        Some("council-tanger"),
        BUDGET,
    ),
    body(
        "committee-tanger-services",
        OrgKind::StandingCommittee,
        "commune-tanger",
        Some("council-tanger"),
        PUBLIC_SERVICES,
    ),
    body(
        "committee-tanger-urbanism",
        OrgKind::StandingCommittee,
        "commune-tanger",
        Some("council-tanger"),
        URBANISM,
    ),
    consultative(
        "body-tanger-equality",
        Topic::Equality,
        "commune-tanger",
        "council-tanger",
        EQUALITY,
    ),
    body(
        "cell-tanger",
        OrgKind::CoordinationCell,
        "commune-tanger",
        None,
        LOCAL_CELL,
    ),
    // Larache
    body(
        "council-larache",
        OrgKind::Council,
        "commune-larache",
        None,
        (
            "مجلس جماعة العرائش",
            "Conseil communal de Larache",
            "Larache commune council",
        ),
    ),
    body(
        "bureau-larache",
        OrgKind::Bureau,
        "commune-larache",
        Some("council-larache"),
        BUREAU,
    ),
    body(
        "committee-larache-budget",
        OrgKind::StandingCommittee,
        "commune-larache",
        Some("council-larache"),
        BUDGET,
    ),
    body(
        "committee-larache-services",
        OrgKind::StandingCommittee,
        "commune-larache",
        Some("council-larache"),
        PUBLIC_SERVICES,
    ),
    body(
        "committee-larache-urbanism",
        OrgKind::StandingCommittee,
        "commune-larache",
        Some("council-larache"),
        URBANISM,
    ),
    consultative(
        "body-larache-equality",
        Topic::Equality,
        "commune-larache",
        "council-larache",
        EQUALITY,
    ),
    body(
        "cell-larache",
        OrgKind::CoordinationCell,
        "commune-larache",
        None,
        LOCAL_CELL,
    ),
    // Al Hoceïma
    body(
        "council-al-hoceima",
        OrgKind::Council,
        "commune-al-hoceima",
        None,
        (
            "مجلس جماعة الحسيمة",
            "Conseil communal d'Al Hoceïma",
            "Al Hoceima commune council",
        ),
    ),
    body(
        "bureau-al-hoceima",
        OrgKind::Bureau,
        "commune-al-hoceima",
        Some("council-al-hoceima"),
        BUREAU,
    ),
    body(
        "committee-al-hoceima-budget",
        OrgKind::StandingCommittee,
        "commune-al-hoceima",
        Some("council-al-hoceima"),
        BUDGET,
    ),
    body(
        "committee-al-hoceima-services",
        OrgKind::StandingCommittee,
        "commune-al-hoceima",
        Some("council-al-hoceima"),
        PUBLIC_SERVICES,
    ),
    body(
        "committee-al-hoceima-urbanism",
        OrgKind::StandingCommittee,
        "commune-al-hoceima",
        Some("council-al-hoceima"),
        URBANISM,
    ),
    consultative(
        "body-al-hoceima-equality",
        Topic::Equality,
        "commune-al-hoceima",
        "council-al-hoceima",
        EQUALITY,
    ),
    body(
        "cell-al-hoceima",
        OrgKind::CoordinationCell,
        "commune-al-hoceima",
        None,
        LOCAL_CELL,
    ),
];

/// A fictitious association.
struct DemoAssociation {
    code: &'static str,
    seat: &'static str,
    branches: &'static [&'static str],
    ar: &'static str,
    fr: &'static str,
    created_on: Date,
    standing: Standing,
    standing_on: Date,
    standing_note: &'static str,
    representative: &'static str,
    fields: &'static [ActivityField],
}

const ASSOCIATIONS: &[DemoAssociation] = &[
    DemoAssociation {
        code: "assoc-nassaim",
        seat: "commune-tanger",
        branches: &["commune-larache"],
        ar: "جمعية نسائم للمواطنة والتنمية (تجريبية)",
        fr: "Association Nassaim pour la citoyenneté et le développement (démo)",
        created_on: date(2012, 5, 14),
        standing: Standing::Good,
        standing_on: date(2026, 2, 3),
        standing_note: "Dossier annuel complet (démo).",
        representative: "Samira El Amrani",
        fields: &[ActivityField::CivicParticipation, ActivityField::Youth],
    },
    DemoAssociation {
        code: "assoc-amal-bni-makada",
        seat: "arrondissement-bni-makada",
        branches: &[],
        ar: "جمعية أمل بني مكادة للطفولة (تجريبية)",
        fr: "Association Amal Bni Makada pour l'enfance (démo)",
        created_on: date(2018, 9, 3),
        standing: Standing::Good,
        standing_on: date(2026, 1, 20),
        standing_note: "",
        representative: "Youssef Bennani",
        fields: &[ActivityField::Childhood, ActivityField::Education],
    },
    DemoAssociation {
        code: "assoc-boughaz-environnement",
        seat: "arrondissement-tanger-medina",
        branches: &["commune-al-hoceima"],
        ar: "جمعية البوغاز للبيئة (تجريبية)",
        fr: "Association Boughaz pour l'environnement (démo)",
        created_on: date(2009, 2, 20),
        standing: Standing::Good,
        standing_on: date(2025, 12, 15),
        standing_note: "",
        representative: "Nadia Tazi",
        fields: &[ActivityField::Environment, ActivityField::LocalDevelopment],
    },
    DemoAssociation {
        code: "assoc-loukkos",
        seat: "commune-larache",
        branches: &[],
        ar: "جمعية اللوكوس للتنمية المحلية (تجريبية)",
        fr: "Association Loukkos pour le développement local (démo)",
        created_on: date(2014, 11, 7),
        standing: Standing::Good,
        standing_on: date(2026, 3, 2),
        standing_note: "",
        representative: "Khalid Ouazzani",
        fields: &[
            ActivityField::LocalDevelopment,
            ActivityField::WomenEquality,
        ],
    },
    DemoAssociation {
        code: "assoc-lixus-patrimoine",
        seat: "commune-larache",
        branches: &[],
        ar: "جمعية ليكسوس للثقافة والتراث (تجريبية)",
        fr: "Association Lixus culture et patrimoine (démo)",
        created_on: date(2024, 4, 15),
        standing: Standing::Good,
        standing_on: date(2026, 4, 30),
        standing_note: "Constituée depuis moins de 3 ans : pas encore de pétition d'association (démo).",
        representative: "Hind Chraibi",
        fields: &[ActivityField::Culture],
    },
    DemoAssociation {
        code: "assoc-nekor-jeunesse",
        seat: "commune-al-hoceima",
        branches: &["commune-tanger"],
        ar: "جمعية النكور للشباب والمواطنة (تجريبية)",
        fr: "Association Nekor jeunesse et citoyenneté (démo)",
        created_on: date(2010, 10, 10),
        standing: Standing::Good,
        standing_on: date(2026, 2, 18),
        standing_note: "",
        representative: "Mohamed Azzouzi",
        fields: &[
            ActivityField::Youth,
            ActivityField::CivicParticipation,
            ActivityField::Sport,
        ],
    },
    DemoAssociation {
        code: "assoc-sabadia-handicap",
        seat: "commune-al-hoceima",
        branches: &[],
        ar: "جمعية صباديا للأشخاص في وضعية إعاقة (تجريبية)",
        fr: "Association Sabadia pour les personnes en situation de handicap (démo)",
        created_on: date(2016, 1, 25),
        standing: Standing::NotGood,
        standing_on: date(2026, 6, 30),
        standing_note: "Rapport financier annuel non déposé (démo).",
        representative: "Fatima Zahra Haddouchi",
        fields: &[ActivityField::Disability, ActivityField::Health],
    },
    DemoAssociation {
        code: "assoc-tifawin-femmes",
        seat: "commune-al-hoceima",
        branches: &["commune-tanger", "commune-larache"],
        ar: "جمعية تيفاوين لحقوق النساء (تجريبية)",
        fr: "Association Tifawin pour les droits des femmes (démo)",
        created_on: date(2013, 3, 8),
        standing: Standing::Good,
        standing_on: date(2026, 1, 5),
        standing_note: "",
        representative: "Latifa Ait Brahim",
        fields: &[ActivityField::WomenEquality, ActivityField::HumanRights],
    },
];

fn names(ar: &str, fr: &str, zgh: Option<&str>, en: Option<&str>) -> Names {
    Names {
        ar: ar.to_owned(),
        fr: fr.to_owned(),
        zgh: zgh.map(str::to_owned),
        en: en.map(str::to_owned),
    }
}

async fn territory_id(db: &Db, code: &str) -> Result<i64> {
    store::territory_by_code(db, code)
        .await?
        .map(|t| t.id)
        .ok_or_else(|| StoreError::Corrupt(format!("reference territory {code} missing")))
}

fn code(raw: &str) -> Result<Code> {
    Code::parse(raw).map_err(|_| StoreError::Corrupt(format!("demo code {raw}")))
}

/// The demo seeder of `nousharik demo` / `serve --demo` (no demo accounts here).
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let n = seed_demo(&state.db).await?;
    tracing::info!(inserted = n, "territory demo data");
    Ok(())
}

/// Inserts the demo organisations and associations that are missing (by code); seeds the
/// reference territories first. Returns how many organisations were inserted.
pub async fn seed_demo(db: &Db) -> Result<usize> {
    store::seed_reference(db).await?;
    let mut inserted = 0;
    for o in ORGS {
        if store::organisation_by_code(db, o.code).await?.is_some() {
            continue;
        }
        let parent_id = match o.parent {
            Some(p) => Some(
                store::organisation_by_code(db, p)
                    .await?
                    .ok_or_else(|| StoreError::Corrupt(format!("demo parent {p}")))?
                    .id,
            ),
            None => None,
        };
        let new = NewOrganisation {
            code: code(o.code)?,
            kind: o.kind,
            topic: o.topic,
            territory_id: territory_id(db, o.territory).await?,
            parent_id,
            names: names(o.ar, o.fr, o.zgh, Some(o.en)),
            demo: true,
        };
        store::insert_organisation(db, &new, By::System).await?;
        inserted += 1;
    }
    for a in ASSOCIATIONS {
        if store::organisation_by_code(db, a.code).await?.is_some() {
            continue;
        }
        let new = NewOrganisation {
            code: code(a.code)?,
            kind: OrgKind::Association,
            topic: None,
            territory_id: territory_id(db, a.seat).await?,
            parent_id: None,
            names: names(a.ar, a.fr, None, None),
            demo: true,
        };
        let mut fields = a.fields.to_vec();
        fields.sort();
        let record = NewAssociation {
            created_on: a.created_on,
            standing: a.standing,
            standing_on: a.standing_on,
            standing_note: a.standing_note.to_owned(),
            representative_name: a.representative.to_owned(),
            fields,
        };
        let mut branches = Vec::new();
        for b in a.branches {
            branches.push(territory_id(db, b).await?);
        }
        store::insert_association(db, &new, &record, &branches, By::System).await?;
        inserted += 1;
    }
    Ok(inserted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::territory::store::{RegistryFilter, registry};

    crate::store_test!(
        async fn demo_seeding_is_complete_and_idempotent(db: Db) {
            let n = seed_demo(&db).await.unwrap();
            assert_eq!(n, ORGS.len() + ASSOCIATIONS.len());
            assert_eq!(seed_demo(&db).await.unwrap(), 0);
            let all = registry(&db, &RegistryFilter::default()).await.unwrap();
            assert_eq!(all.len(), 8);
            assert!(all.iter().all(|e| e.organisation.demo));
            let council = store::organisation_by_code(&db, "council-region")
                .await
                .unwrap()
                .unwrap();
            let kids = store::organisation_children(&db, council.id).await.unwrap();
            assert_eq!(
                kids.iter()
                    .filter(|o| o.kind == OrgKind::ConsultativeBody)
                    .count(),
                3
            );
            assert_eq!(kids.iter().filter(|o| o.kind == OrgKind::Bureau).count(), 1);
        }
    );
}
