//! Demo petitions in every state, for the region, Tangier, Larache and Al Hoceïma, made through
//! the same service functions as the pages (with past dates), plus the demo accounts they need.
//! Idempotent: nothing is added when demo petitions exist.

use crate::accounts::model::{DisplayName, Email, Evidence, Language, OrgRole};
use crate::accounts::store as accounts;
use crate::demo::DemoLogin;
use crate::platform::AppState;
use crate::platform::db::Db;
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use crate::platform::password;
use crate::platform::permissions::{TerritoryChain, UserActor};

use super::model::cin::{Cin, CinKeys};
use super::model::eligibility;
use super::model::procedure::{CouncilDecision, Transition};
use super::service::{self, Texts};
use super::store;

const DAY: i64 = 86_400;

struct Extra {
    email: &'static str,
    password: &'static str,
    name: &'static str,
    language: Language,
    role: &'static str,
    membership: Option<(&'static str, OrgRole)>,
    residence: Option<&'static str>,
}

const EXTRA: &[Extra] = &[
    Extra {
        email: "bureau.tanger@demo.nousharik.ma",
        password: "demo-bureau-2026",
        name: "يوسف عضو مكتب مجلس طنجة (تجريبي)",
        language: Language::Ar,
        role: "Tangier council bureau member",
        membership: Some(("bureau-tanger", OrgRole::BureauMember)),
        residence: None,
    },
    Extra {
        email: "bureau.larache@demo.nousharik.ma",
        password: "demo-bureau-2026",
        name: "Leila bureau Larache (démo)",
        language: Language::Fr,
        role: "Larache council bureau member",
        membership: Some(("bureau-larache", OrgRole::BureauMember)),
        residence: None,
    },
    Extra {
        email: "citizen.alhoceima@demo.nousharik.ma",
        password: "demo-citizen-2026",
        name: "ⵎⵓⵃⵎⵎⴷ ⵏ ⵍⵃⵓⵙⵉⵎⴰ (demo)",
        language: Language::Zgh,
        role: "verified citizen, Al Hoceïma",
        membership: None,
        residence: Some("commune-al-hoceima"),
    },
];

async fn id_by_code(db: &Db, table: &str, code: &str) -> anyhow::Result<i64> {
    // `table` is a literal of this file, never input.
    db.query_scalar(&format!("SELECT id FROM {table} WHERE code = ?"))
        .bind(code.to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo petitions need {table} {code} (territory demo data)"))
}

async fn user_id(db: &Db, email: &str) -> anyhow::Result<UserId> {
    accounts::user_by_email(db, &Email::parse(email)?)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| anyhow::anyhow!("demo account {email} missing (accounts demo data)"))
}

async fn ensure_extra(db: &Db, e: &Extra, now: i64) -> anyhow::Result<UserId> {
    let email = Email::parse(e.email)?;
    if let Some(u) = accounts::user_by_email(db, &email).await? {
        return Ok(u.id);
    }
    let pw = e.password.to_owned();
    let phc = tokio::task::spawn_blocking(move || password::hash(&pw)).await??;
    let name = DisplayName::parse(e.name)?;
    let new = accounts::NewUser {
        email: &email,
        password_hash: &phc,
        display_name: &name,
        language: e.language,
    };
    let id = match accounts::create_user(db, &new, now).await? {
        Some(id) => id,
        None => user_id(db, e.email).await?,
    };
    accounts::confirm_email(db, id, now).await?;
    Ok(id)
}

/// The permission facts of a user, read from the database.
async fn actor(db: &Db, user: UserId) -> anyhow::Result<UserActor> {
    let memberships: Vec<(i64, i64, String)> = db
        .query_as(
            "SELECT m.organisation_id, o.territory_id, m.role FROM memberships m \
             JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ?",
        )
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    let mut residences = Vec::new();
    for chain in store::residence_chains(db, user.0).await? {
        residences.push(TerritoryChain::new(
            TerritoryId(chain[0]),
            chain[1..].iter().map(|&t| TerritoryId(t)),
        ));
    }
    Ok(UserActor {
        id: user,
        is_admin: false,
        email_confirmed: true,
        memberships: memberships
            .into_iter()
            .filter_map(|(o, t, r)| {
                OrgRole::parse(&r).map(|role| crate::accounts::model::Membership {
                    organisation: OrganisationId(o),
                    territory: TerritoryId(t),
                    role,
                })
            })
            .collect(),
        residences,
    })
}

const FIRST: [&str; 10] = [
    "Amina", "Youssef", "Fatima", "Karim", "Salma", "Omar", "Nadia", "Hicham", "Khadija", "Reda",
];
const LAST: [&str; 8] = [
    "El Idrissi",
    "Benali",
    "Amrani",
    "Ouazzani",
    "Tahiri",
    "Bakkali",
    "Chaoui",
    "Haddad",
];

/// Adds `count` demo paper signatures spread over `places` (each line typed twice, as the
/// committee would).
async fn paper(
    db: &Db,
    keys: &CinKeys,
    rep: &UserActor,
    petition: i64,
    places: &[(i64, u32)],
    seed: u32,
    now: i64,
) -> anyhow::Result<()> {
    let territory = store::petition(db, petition)
        .await?
        .and_then(|p| p.territory_id)
        .unwrap_or(0);
    let mut n = seed;
    for &(place, count) in places {
        let chain = store::territory_chain(db, place).await?;
        let subdivision = eligibility::subdivision_of(&chain, territory);
        let mut lines = Vec::new();
        for _ in 0..count {
            n += 1;
            let name = format!(
                "{} {}",
                FIRST[(n % 10) as usize],
                LAST[((n / 10) % 8) as usize]
            );
            let cin = Cin::parse(&format!("DM{:06}", n))?;
            lines.push((name, cin));
        }
        store::add_checked_paper_lines(
            db,
            keys,
            petition,
            rep.id.0,
            place,
            subdivision,
            &lines,
            now,
        )
        .await?;
    }
    Ok(())
}

fn texts(title: &str, request: &str, reasons: &str, rep: &str, deputy: &str) -> Texts {
    Texts {
        title: title.into(),
        request: request.into(),
        reasons: reasons.into(),
        representative_name: rep.into(),
        deputy_name: deputy.into(),
    }
}

/// Seeds the demo petitions; returns the extra demo logins.
pub async fn seed(state: &AppState) -> anyhow::Result<Vec<DemoLogin>> {
    let db = &state.db;
    let now = jiff::Timestamp::now().as_second();
    store::ensure_default_rule_set(db, now).await?;
    let admin = user_id(db, "admin@demo.nousharik.ma").await?;
    for e in EXTRA {
        let id = ensure_extra(db, e, now).await?;
        if let Some((org, role)) = e.membership {
            let org = id_by_code(db, "organisations", org).await?;
            accounts::grant_membership(db, id, OrganisationId(org), role, None, now).await?;
        }
        if let Some(t) = e.residence
            && accounts::residences_of(db, id).await?.is_empty()
        {
            let t = id_by_code(db, "territories", t).await?;
            accounts::verify_resident(
                db,
                id,
                TerritoryId(t),
                Evidence::CinShownAtCounter,
                admin,
                now,
            )
            .await?;
        }
    }
    let logins = EXTRA
        .iter()
        .map(|e| DemoLogin {
            role: e.role.into(),
            email: e.email.into(),
            password: e.password.into(),
        })
        .collect();
    let existing: i64 = db
        .query_scalar("SELECT COUNT(*) FROM petitions WHERE demo = 1")
        .fetch_one(db.pool())
        .await?;
    if existing > 0 {
        return Ok(logins);
    }
    let keys = CinKeys::from_secret(state.secret.bytes());
    let tanger_citizen = actor(db, user_id(db, "citizen.tanger@demo.nousharik.ma").await?).await?;
    let larache_citizen =
        actor(db, user_id(db, "citizen.larache@demo.nousharik.ma").await?).await?;
    let alhoceima_citizen = actor(
        db,
        user_id(db, "citizen.alhoceima@demo.nousharik.ma").await?,
    )
    .await?;
    let association_rep = actor(db, user_id(db, "association@demo.nousharik.ma").await?).await?;
    let tanger_staff = actor(db, user_id(db, "staff.tanger@demo.nousharik.ma").await?).await?;
    let tanger_bureau = actor(db, user_id(db, "bureau.tanger@demo.nousharik.ma").await?).await?;
    let region_council = id_by_code(db, "organisations", "council-region").await?;
    let tangier_council = id_by_code(db, "organisations", "council-tanger").await?;
    let larache_council = id_by_code(db, "organisations", "council-larache").await?;
    let alhoceima_council = id_by_code(db, "organisations", "council-al-hoceima").await?;
    let nassaim = id_by_code(db, "organisations", "assoc-nassaim").await?;
    let committee = id_by_code(db, "organisations", "committee-tanger-services").await?;
    let t = |code: &'static str| id_by_code(db, "territories", code);
    let (bni_makada, medina, souani) = (
        t("arrondissement-bni-makada").await?,
        t("arrondissement-tanger-medina").await?,
        t("arrondissement-charf-souani").await?,
    );
    let ago = |days: i64| now - days * DAY;

    // 1. Tangier, decided: the whole procedure, months ago.
    let green = service::draft_citizen(
        db,
        &tanger_citizen,
        tangier_council,
        &texts(
            "حدائق ومساحات خضراء في بني مكادة",
            "إدراج نقطة إحداث ثلاث حدائق عمومية في مقاطعة بني مكادة ضمن جدول أعمال المجلس.",
            "المقاطعة من أكثف مناطق المدينة سكانا وتفتقر إلى فضاءات خضراء آمنة للأطفال والأسر.",
            "أمينة من طنجة",
            "Rachid Amrani",
        ),
        ago(210),
    )
    .await?;
    service::transition(db, &tanger_citizen, green, Transition::Open, ago(205)).await?;
    paper(
        db,
        &keys,
        &tanger_citizen,
        green,
        &[(bni_makada, 260), (medina, 120), (souani, 51)],
        0,
        ago(180),
    )
    .await?;
    service::transition(db, &tanger_citizen, green, Transition::Deposit, ago(160)).await?;
    service::transition(
        db,
        &tanger_bureau,
        green,
        Transition::DeclareAdmissible,
        ago(130),
    )
    .await?;
    service::transition(
        db,
        &tanger_staff,
        green,
        Transition::ReferToCommittee {
            committee_id: committee,
        },
        ago(125),
    )
    .await?;
    let session = super::model::deadline::civil_date(ago(100));
    service::transition(
        db,
        &tanger_staff,
        green,
        Transition::PutOnAgenda {
            session_date: session,
        },
        ago(110),
    )
    .await?;
    let decision = CouncilDecision {
        text: "Le conseil adopte la création de deux jardins publics à Bni Makada au budget 2027 et charge la commission des services d'en suivre la réalisation.".into(),
        votes_for: 38,
        votes_against: 6,
        abstentions: 3,
    };
    service::transition(
        db,
        &tanger_staff,
        green,
        Transition::RecordDecision(decision),
        ago(95),
    )
    .await?;

    // 2. Tangier, deposited 80 days ago: the 3-month deadline is near.
    let light = service::draft_citizen(
        db,
        &tanger_citizen,
        tangier_council,
        &texts(
            "Éclairage public des quartiers de Charf-Souani",
            "Inscrire à l'ordre du jour la remise en état de l'éclairage public des rues de Charf-Souani.",
            "Plusieurs rues sont sans éclairage depuis plus d'un an ; les habitants, surtout les femmes, ne s'y sentent pas en sécurité le soir.",
            "أمينة من طنجة",
            "Salma Tahiri",
        ),
        ago(120),
    )
    .await?;
    service::transition(db, &tanger_citizen, light, Transition::Open, ago(115)).await?;
    paper(
        db,
        &keys,
        &tanger_citizen,
        light,
        &[(souani, 300), (medina, 112)],
        1000,
        ago(90),
    )
    .await?;
    service::transition(db, &tanger_citizen, light, Transition::Deposit, ago(80)).await?;

    // 3. Tangier, association petition deposited 100 days ago: the decision is overdue.
    let youth = service::draft_association(
        db,
        &association_rep,
        nassaim,
        tangier_council,
        "youth",
        &texts(
            "Conseil local des jeunes de Tanger",
            "Inscrire à l'ordre du jour la création d'un conseil local des jeunes consulté sur le plan d'action de la commune.",
            "Les jeunes représentent un tiers des habitants et ne disposent d'aucune instance de consultation au niveau communal.",
            "Samira Association",
            "Hicham Bakkali",
        ),
        ago(105),
    )
    .await?;
    service::transition(db, &association_rep, youth, Transition::Deposit, ago(100)).await?;

    // 4. Tangier, association petition refused on a legal ground.
    let port = service::draft_association(
        db,
        &association_rep,
        nassaim,
        tangier_council,
        "civic_participation",
        &texts(
            "Gestion participative du port de Tanger Med",
            "Inscrire à l'ordre du jour la participation des associations à la gestion du port de Tanger Med.",
            "Les habitants riverains subissent les nuisances du port sans être consultés sur sa gestion.",
            "Samira Association",
            "Hicham Bakkali",
        ),
        ago(70),
    )
    .await?;
    service::transition(db, &association_rep, port, Transition::Deposit, ago(65)).await?;
    service::transition(
        db,
        &tanger_bureau,
        port,
        Transition::DeclareInadmissible {
            ground: "outside_competence".into(),
            reasons: "La gestion des ports relève de l'État et de l'autorité portuaire, non des compétences propres ou partagées de la commune (loi organique 113.14, art. 77 et suivants).".into(),
        },
        ago(40),
    )
    .await?;

    // 4b. Tangier, association petitions at the later stages: admissible, referred, on the agenda.
    let mut later = Vec::new();
    for (i, (title, request)) in [
        ("Pistes cyclables vers les lycées", "Inscrire à l'ordre du jour un plan de pistes cyclables reliant les quartiers aux lycées."),
        ("Maison des associations à Bni Makada", "Inscrire à l'ordre du jour l'ouverture d'une maison des associations à Bni Makada."),
        ("Budget participatif des jeunes", "Inscrire à l'ordre du jour une enveloppe de budget participatif réservée aux projets des jeunes."),
    ]
    .into_iter()
    .enumerate()
    {
        let days = 90 - 10 * i64::try_from(i).unwrap_or(0);
        let id = service::draft_association(
            db,
            &association_rep,
            nassaim,
            tangier_council,
            "youth",
            &texts(title, request, "Les jeunes de Tanger l'ont demandé lors des ateliers du projet Nousharik en 2023.", "Samira Association", "Hicham Bakkali"),
            ago(days),
        )
        .await?;
        service::transition(db, &association_rep, id, Transition::Deposit, ago(days - 2)).await?;
        service::transition(db, &tanger_bureau, id, Transition::DeclareAdmissible, ago(days - 20)).await?;
        if i >= 1 {
            service::transition(db, &tanger_staff, id, Transition::ReferToCommittee { committee_id: committee }, ago(days - 25)).await?;
        }
        if i >= 2 {
            let session = super::model::deadline::civil_date(now + 20 * DAY);
            service::transition(db, &tanger_staff, id, Transition::PutOnAgenda { session_date: session }, ago(days - 30)).await?;
        }
        later.push(id);
    }

    // 4c. A national petition prepared here and exported to the national portal.
    let national = service::draft_national(
        db,
        &tanger_citizen,
        super::model::rules::NationalKind::Petition,
        &texts(
            "Gratuité des transports publics pour les étudiants",
            "Demander au Chef du gouvernement la gratuité des transports publics urbains pour les étudiants.",
            "Le coût du transport pèse sur les familles et pousse des étudiants à abandonner leurs études.",
            "أمينة من طنجة",
            "Reda Haddad",
        ),
        ago(150),
    )
    .await?;
    service::transition(db, &tanger_citizen, national, Transition::Open, ago(148)).await?;
    let tangier_commune = t("commune-tanger").await?;
    paper(
        db,
        &keys,
        &tanger_citizen,
        national,
        &[(tangier_commune, 4_012)],
        20_000,
        ago(100),
    )
    .await?;
    service::transition(
        db,
        &tanger_citizen,
        national,
        Transition::ExportNationalDossier,
        ago(90),
    )
    .await?;

    // 5. The region, open: progress per prefecture/province (some below the 5 % floor).
    let bus = service::draft_citizen(
        db,
        &tanger_citizen,
        region_council,
        &texts(
            "النقل المدرسي في العالم القروي بالجهة",
            "إدراج نقطة تعميم النقل المدرسي على الجماعات القروية للجهة في جدول أعمال مجلس الجهة.",
            "ينقطع عدد كبير من التلاميذ والتلميذات في العالم القروي عن الدراسة بسبب بعد المؤسسات وغياب النقل.",
            "أمينة من طنجة",
            "Youssef El Idrissi",
        ),
        ago(45),
    )
    .await?;
    service::transition(db, &tanger_citizen, bus, Transition::Open, ago(40)).await?;
    let mut spread = Vec::new();
    for (code, count) in [
        ("prefecture-tanger-assilah", 120),
        ("prefecture-mdiq-fnideq", 31),
        ("province-tetouan", 64),
        ("province-fahs-anjra", 12),
        ("province-larache", 40),
        ("province-al-hoceima", 27),
        ("province-chefchaouen", 18),
        ("province-ouezzane", 9),
    ] {
        spread.push((t(code).await?, count));
    }
    paper(db, &keys, &tanger_citizen, bus, &spread, 5000, ago(20)).await?;

    // 6. Al Hoceïma, open; 7. Al Hoceïma, withdrawn.
    let water = service::draft_citizen(
        db,
        &alhoceima_citizen,
        alhoceima_council,
        &texts(
            "ⴰⵎⴰⵏ ⵉⵣⴷⴷⵉⴳⵏ ⵉ ⵉⵖⵔⵎⴰⵏ ⵏ ⵍⵃⵓⵙⵉⵎⴰ",
            "Inscrire à l'ordre du jour l'extension du réseau d'eau potable aux quartiers périphériques d'Al Hoceïma.",
            "Les quartiers du sud de la ville dépendent encore de citernes en été ; les coupures touchent plusieurs milliers d'habitants.",
            "ⵎⵓⵃⵎⵎⴷ ⵏ ⵍⵃⵓⵙⵉⵎⴰ",
            "Nadia Chaoui",
        ),
        ago(30),
    )
    .await?;
    service::transition(db, &alhoceima_citizen, water, Transition::Open, ago(28)).await?;
    let alhoceima = t("commune-al-hoceima").await?;
    paper(
        db,
        &keys,
        &alhoceima_citizen,
        water,
        &[(alhoceima, 87)],
        9000,
        ago(10),
    )
    .await?;
    let market = service::draft_citizen(
        db,
        &alhoceima_citizen,
        alhoceima_council,
        &texts(
            "Marché de Sabadia",
            "Inscrire à l'ordre du jour la rénovation du marché de Sabadia.",
            "Le marché est vétuste ; une autre pétition, plus large, sera déposée à la place de celle-ci.",
            "ⵎⵓⵃⵎⵎⴷ ⵏ ⵍⵃⵓⵙⵉⵎⴰ",
            "Omar Haddad",
        ),
        ago(25),
    )
    .await?;
    service::transition(db, &alhoceima_citizen, market, Transition::Open, ago(24)).await?;
    service::transition(
        db,
        &alhoceima_citizen,
        market,
        Transition::Withdraw,
        ago(12),
    )
    .await?;

    // 8. Larache, a private draft.
    let draft = service::draft_citizen(
        db,
        &larache_citizen,
        larache_council,
        &texts(
            "Marché couvert de Larache",
            "Inscrire à l'ordre du jour la construction d'un marché couvert près de la place de la Libération.",
            "Les marchands ambulants n'ont pas d'emplacement protégé de la pluie et de la chaleur.",
            "ⵢⵓⵙⴼ ⵏ ⵍⵄⵔⴰⵢⵛ",
            "Khadija Ouazzani",
        ),
        ago(3),
    )
    .await?;

    for id in [
        green, light, youth, port, bus, water, market, draft, national,
    ]
    .into_iter()
    .chain(later)
    {
        db.query("UPDATE petitions SET demo = 1 WHERE id = ?")
            .bind(id)
            .execute(db.pool())
            .await?;
    }
    Ok(logins)
}
