//! Demo data: two participatory-budget campaigns, made through the store's own functions with
//! past dates, clearly marked demo (`budget_campaigns.is_demo`).
//!
//! - **Tangier 2025, finished**: one budget per arrondissement and a city-wide one; proposals
//!   with Arabic and French titles, the technical review's decisions (some refused with their
//!   reasons, duplicates merged), a few hundred ballots cast by demo voters (verified residents
//!   of their arrondissement, with consenting profiles so the turnout charts by sex and age
//!   have data), counted with the engine, results stored, and the funded projects tracked
//!   (status, progress, dated milestones).
//! - **Larache 2027, open for voting** (relative to today): knapsack ballots, a few ballots
//!   already cast; the demo citizen of Larache (`citizen.larache@demo.nousharik.ma`, a verified
//!   resident) can vote.
//!
//! The tables below are the data; the voters' choices come from a fixed-seed generator, so
//! every seeding gives the same result. Idempotent: nothing is added once a demo campaign
//! exists. The demo voters have no password (they cannot log in).

use jiff::civil::date;
use tokio::task::JoinSet;

use super::bench::{Rng, pick_weighted};
use super::model::project::{Proposal, Review, Status};
use super::model::{
    BallotType, BudgetSpec, CampaignSpec, CountingRule, Money, Phase, RawChoice, Schedule,
    VoteScope,
};
use super::publish;
use super::store::{self, Voter};
use crate::accounts::model::{AgeGroup, Email, Evidence};
use crate::platform::db::Db;
use crate::platform::i18n::CASABLANCA;
use crate::platform::ids::{TerritoryId, UserId};
use crate::platform::{AppState, now};

const DAY: i64 = 86_400;
/// Title of the finished Tangier campaign.
pub const TANGIER_TITLE: &str =
    "Budget participatif de Tanger 2025 / الميزانية التشاركية لمدينة طنجة 2025";
/// Title of the Larache campaign open for voting.
pub const LARACHE_TITLE: &str =
    "Budget participatif de Larache 2027 / الميزانية التشاركية لجماعة العرائش 2027";
/// Staff account recording the Tangier campaign (accounts demo).
const TANGIER_STAFF: &str = "staff.tanger@demo.nousharik.ma";
/// Verifies the Larache residents (accounts demo).
const ADMIN: &str = "admin@demo.nousharik.ma";
/// The demo citizen who can vote in Larache (accounts demo).
pub const LARACHE_CITIZEN: &str = "citizen.larache@demo.nousharik.ma";
/// E-mail prefix of the demo voters (no password; `budgets.voter.<place>.<n>@…`).
pub const VOTER_PREFIX: &str = "budgets.voter.";

/// What the technical review decided about a demo proposal.
#[derive(Debug, Clone, Copy)]
pub enum Decision {
    /// Feasible at this final cost (dirhams).
    Feasible(i64),
    /// Not feasible, with this reason.
    NotFeasible(&'static str),
    /// A duplicate of the proposal at this position of the same budget.
    Duplicate(usize),
}

/// One demo proposal.
#[derive(Debug, Clone, Copy)]
pub struct DemoProject {
    /// Title, French / Arabic.
    pub title: &'static str,
    /// Place.
    pub place: &'static str,
    /// Category code.
    pub category: &'static str,
    /// The author's estimate (dirhams).
    pub estimate: i64,
    /// The review.
    pub decision: Decision,
    /// How popular it is with the demo voters (relative weight).
    pub appeal: u64,
}

/// One demo budget.
#[derive(Debug, Clone, Copy)]
pub struct DemoBudget {
    /// Name.
    pub name: &'static str,
    /// Territory code of its voters.
    pub territory: &'static str,
    /// Amount (dirhams).
    pub amount: i64,
    /// Demo voters living there (0 for the city-wide budget: everyone votes there too).
    pub voters: usize,
    /// Its proposals.
    pub projects: &'static [DemoProject],
}

const fn p(
    title: &'static str,
    place: &'static str,
    category: &'static str,
    estimate: i64,
    decision: Decision,
    appeal: u64,
) -> DemoProject {
    DemoProject {
        title,
        place,
        category,
        estimate,
        decision,
        appeal,
    }
}

use Decision::{Duplicate, Feasible, NotFeasible};

/// The Tangier 2025 budgets: the four arrondissements, then the city-wide budget.
pub const TANGIER: &[DemoBudget] = &[
    DemoBudget {
        name: "Tanger-Médina / طنجة المدينة",
        territory: "arrondissement-tanger-medina",
        amount: 3_000_000,
        voters: 70,
        projects: &[
            p(
                "Réhabilitation des escaliers de la Casbah / تأهيل أدراج القصبة",
                "Casbah / القصبة",
                "roads",
                900_000,
                Feasible(950_000),
                9,
            ),
            p(
                "Éclairage solaire des ruelles de la médina / إنارة أزقة المدينة العتيقة بالطاقة الشمسية",
                "Médina / المدينة العتيقة",
                "environment",
                600_000,
                Feasible(640_000),
                8,
            ),
            p(
                "Bibliothèque de quartier à Dar Baroud / مكتبة القرب بدار البارود",
                "Dar Baroud / دار البارود",
                "culture",
                1_200_000,
                Feasible(1_100_000),
                6,
            ),
            p(
                "Restauration des fontaines publiques / ترميم السقايات العمومية",
                "Médina / المدينة العتيقة",
                "culture",
                450_000,
                Feasible(480_000),
                5,
            ),
            p(
                "Parking à étages sous le Grand Socco / موقف سيارات تحت ساحة السوق البراني",
                "Grand Socco / السوق البراني",
                "roads",
                2_900_000,
                NotFeasible(
                    "Site classé et coût hors de portée du budget d'arrondissement : relève du plan de déplacements de la ville. / موقع مصنف وكلفة تفوق ميزانية المقاطعة: يندرج ضمن مخطط التنقل للمدينة.",
                ),
                0,
            ),
            p(
                "Espace jeunes et numérique / فضاء الشباب والرقمنة",
                "Marshan / مرشان",
                "education",
                700_000,
                Feasible(720_000),
                7,
            ),
            p(
                "Éclairage des ruelles de la médina / إنارة أزقة المدينة",
                "Médina / المدينة العتيقة",
                "environment",
                550_000,
                Duplicate(1),
                0,
            ),
        ],
    },
    DemoBudget {
        name: "Bni Makada / بني مكادة",
        territory: "arrondissement-bni-makada",
        amount: 4_500_000,
        voters: 110,
        projects: &[
            p(
                "Terrain de proximité à Bir Chifa / ملعب القرب ببئر الشفاء",
                "Bir Chifa / بئر الشفاء",
                "sport",
                1_500_000,
                Feasible(1_600_000),
                10,
            ),
            p(
                "Jardin public à Bni Makada El Qdima / حديقة عمومية ببني مكادة القديمة",
                "Bni Makada El Qdima / بني مكادة القديمة",
                "green",
                1_100_000,
                Feasible(1_200_000),
                7,
            ),
            p(
                "Crèche communautaire / روض أطفال جماعي",
                "Hay Al Boughaz / حي البوغاز",
                "education",
                900_000,
                Feasible(950_000),
                8,
            ),
            p(
                "Trottoirs et ralentisseurs devant les écoles / أرصفة ومخففات السرعة أمام المدارس",
                "Avenue Moulay Ismail / شارع مولاي إسماعيل",
                "roads",
                800_000,
                Feasible(750_000),
                9,
            ),
            p(
                "Centre de santé de proximité / مركز صحي للقرب",
                "Aouama / العوامة",
                "health",
                3_800_000,
                NotFeasible(
                    "Compétence du ministère de la Santé : la demande est transmise à la délégation provinciale. / من اختصاص وزارة الصحة: أحيل الطلب على المندوبية الإقليمية.",
                ),
                0,
            ),
            p(
                "Atelier de formation pour femmes artisanes / ورشة تكوين للنساء الحرفيات",
                "Hay Bendibane / حي بنديبان",
                "social",
                600_000,
                Feasible(650_000),
                6,
            ),
            p(
                "Collecte sélective des déchets / الفرز الانتقائي للنفايات",
                "Tout l'arrondissement / كل المقاطعة",
                "environment",
                500_000,
                Feasible(520_000),
                5,
            ),
            p(
                "Piscine couverte / مسبح مغطى",
                "Bir Chifa / بئر الشفاء",
                "sport",
                4_400_000,
                NotFeasible(
                    "Le coût d'exploitation annuel n'est pas couvert : une étude est inscrite au plan d'action de la commune. / تكاليف التسيير السنوية غير مغطاة: أدرجت دراسة في برنامج عمل الجماعة.",
                ),
                0,
            ),
        ],
    },
    DemoBudget {
        name: "Charf-Mghogha / الشرف مغوغة",
        territory: "arrondissement-charf-mghogha",
        amount: 2_500_000,
        voters: 60,
        projects: &[
            p(
                "Forêt urbaine de Mghogha : sentiers et bancs / غابة مغوغة: مسالك ومقاعد",
                "Mghogha / مغوغة",
                "green",
                700_000,
                Feasible(750_000),
                9,
            ),
            p(
                "Marché de proximité couvert / سوق قرب مغطى",
                "Hay Charf / حي الشرف",
                "social",
                1_400_000,
                Feasible(1_500_000),
                7,
            ),
            p(
                "Éclairage LED de l'avenue principale / إنارة الشارع الرئيسي بمصابيح LED",
                "Route de Tétouan / طريق تطوان",
                "environment",
                600_000,
                Feasible(580_000),
                6,
            ),
            p(
                "Salle de sport de quartier / قاعة رياضية للحي",
                "Mghogha Sghira / مغوغة الصغيرة",
                "sport",
                900_000,
                Feasible(950_000),
                6,
            ),
            p(
                "Passerelle piétonne au-dessus de la voie rapide / قنطرة للراجلين فوق الطريق السريع",
                "Route nationale 2 / الطريق الوطنية 2",
                "roads",
                2_200_000,
                NotFeasible(
                    "Ouvrage sur une route nationale : compétence de l'État (ministère de l'Équipement). / منشأة على طريق وطنية: من اختصاص الدولة (وزارة التجهيز).",
                ),
                0,
            ),
        ],
    },
    DemoBudget {
        name: "Charf-Souani / الشرف السواني",
        territory: "arrondissement-charf-souani",
        amount: 1_500_000,
        voters: 40,
        projects: &[
            p(
                "Aire de jeux pour enfants / فضاء ألعاب للأطفال",
                "Souani / السواني",
                "green",
                350_000,
                Feasible(380_000),
                9,
            ),
            p(
                "Cours d'alphabétisation et soutien scolaire / دروس محو الأمية والدعم المدرسي",
                "Maison de quartier / دار الحي",
                "education",
                250_000,
                Feasible(260_000),
                7,
            ),
            p(
                "Réfection de la rue des Oliviers / إصلاح زنقة الزيتون",
                "Rue des Oliviers / زنقة الزيتون",
                "roads",
                700_000,
                Feasible(720_000),
                6,
            ),
            p(
                "Accès pour personnes handicapées au centre culturel / ولوجيات للأشخاص في وضعية إعاقة بالمركز الثقافي",
                "Centre culturel / المركز الثقافي",
                "social",
                300_000,
                Feasible(320_000),
                5,
            ),
            p(
                "Bornes Wi-Fi publiques / نقاط ويفي عمومية",
                "Places publiques / الساحات العمومية",
                "education",
                200_000,
                NotFeasible(
                    "Réseau de télécommunications : une convention avec un opérateur est nécessaire, hors budget participatif. / شبكة اتصالات: تتطلب اتفاقية مع متعهد، خارج الميزانية التشاركية.",
                ),
                0,
            ),
        ],
    },
    DemoBudget {
        name: "Ville de Tanger / مدينة طنجة",
        territory: "commune-tanger",
        amount: 10_000_000,
        voters: 0,
        projects: &[
            p(
                "Piste cyclable de la corniche à Malabata / مسار للدراجات من الكورنيش إلى ملاباطا",
                "Corniche – Malabata / الكورنيش – ملاباطا",
                "roads",
                3_500_000,
                Feasible(3_800_000),
                9,
            ),
            p(
                "Accueil et sentiers de la forêt de Rmilat / تهيئة مداخل ومسالك غابة الرميلات",
                "Rmilat – Perdicaris / الرميلات",
                "green",
                2_500_000,
                Feasible(2_600_000),
                8,
            ),
            p(
                "Festival itinérant des quartiers / مهرجان الأحياء المتنقل",
                "Toute la ville / كل المدينة",
                "culture",
                1_200_000,
                Feasible(1_000_000),
                5,
            ),
            p(
                "Navettes vers les plages pour les familles / حافلات نحو الشواطئ للأسر",
                "Plages de l'Atlantique / شواطئ الأطلسي",
                "social",
                1_800_000,
                Feasible(1_900_000),
                7,
            ),
            p(
                "Centres d'écoute pour femmes victimes de violence / مراكز الاستماع للنساء ضحايا العنف",
                "Quatre arrondissements / المقاطعات الأربع",
                "social",
                1_500_000,
                Feasible(1_500_000),
                6,
            ),
            p(
                "Plantation de 5 000 arbres / غرس 5000 شجرة",
                "Toute la ville / كل المدينة",
                "environment",
                1_600_000,
                Feasible(1_700_000),
                8,
            ),
            p(
                "Téléphérique du port au Marshan / تلفريك من الميناء إلى مرشان",
                "Port – Marshan / الميناء – مرشان",
                "roads",
                9_800_000,
                NotFeasible(
                    "Une étude de faisabilité et une concession sont nécessaires ; le coût réel est estimé à plusieurs fois le budget. / يتطلب دراسة جدوى وامتيازا؛ الكلفة الحقيقية تفوق الميزانية بأضعاف.",
                ),
                0,
            ),
            p(
                "Pistes cyclables sur la corniche / مسارات الدراجات على الكورنيش",
                "Corniche / الكورنيش",
                "roads",
                3_000_000,
                Duplicate(0),
                0,
            ),
        ],
    },
];

/// The Larache 2027 budget (open for voting).
pub const LARACHE: DemoBudget = DemoBudget {
    name: "Commune de Larache / جماعة العرائش",
    territory: "commune-larache",
    amount: 2_000_000,
    voters: 24,
    projects: &[
        p(
            "Réaménagement du balcon Atlantique / إعادة تهيئة شرفة الأطلسي",
            "Balcon Atlantique / شرفة الأطلسي",
            "green",
            800_000,
            Feasible(820_000),
            8,
        ),
        p(
            "Terrain de football synthétique à Jnane Bacha / ملعب معشوشب بجنان الباشا",
            "Jnane Bacha / جنان الباشا",
            "sport",
            900_000,
            Feasible(900_000),
            9,
        ),
        p(
            "Bibliothèque numérique au centre culturel / مكتبة رقمية بالمركز الثقافي",
            "Centre culturel / المركز الثقافي",
            "culture",
            400_000,
            Feasible(420_000),
            6,
        ),
        p(
            "Navette vers le site archéologique de Lixus / حافلة نحو الموقع الأثري ليكسوس",
            "Lixus / ليكسوس",
            "culture",
            350_000,
            Feasible(360_000),
            5,
        ),
        p(
            "Éclairage public du quartier Al Mansour / الإنارة العمومية بحي المنصور",
            "Hay Al Mansour / حي المنصور",
            "roads",
            500_000,
            Feasible(480_000),
            7,
        ),
        p(
            "Ateliers pour jeunes pêcheurs / ورشات للصيادين الشباب",
            "Port de pêche / ميناء الصيد",
            "education",
            300_000,
            Feasible(300_000),
            4,
        ),
        p(
            "Port de plaisance / ميناء ترفيهي",
            "Embouchure du Loukkos / مصب اللوكوس",
            "sport",
            1_900_000,
            NotFeasible(
                "Domaine portuaire : compétence de l'Agence nationale des ports. / الملك المينائي: من اختصاص الوكالة الوطنية للموانئ.",
            ),
            0,
        ),
    ],
};

fn local(y: i16, m: i8, d: i8, h: i8) -> anyhow::Result<i64> {
    Ok(date(y, m, d)
        .at(h, 0, 0, 0)
        .to_zoned_datetime(CASABLANCA.clone())?
        .timestamp()
        .as_second())
}

async fn territory(db: &Db, code: &str) -> anyhow::Result<Option<TerritoryId>> {
    Ok(crate::territory::store::territory_by_code(db, code)
        .await?
        .map(|t| TerritoryId(t.id)))
}

async fn account(db: &Db, email: &str) -> anyhow::Result<Option<UserId>> {
    Ok(
        crate::accounts::store::user_by_email(db, &Email::parse(email)?)
            .await?
            .map(|u| u.id),
    )
}

/// Seeds both demo campaigns (idempotent). Needs the territory and accounts demos first;
/// without their staff accounts nothing is added.
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let db = &state.db;
    let exists: i64 = db
        .query_scalar("SELECT COUNT(*) FROM budget_campaigns WHERE is_demo = 1")
        .fetch_one(db.pool())
        .await?;
    if exists > 0 {
        return Ok(());
    }
    let (Some(staff), Some(admin)) = (account(db, TANGIER_STAFF).await?, account(db, ADMIN).await?)
    else {
        return Ok(());
    };
    seed_tangier(db, staff).await?;
    seed_larache(db, admin).await
}

/// A campaign as created from the tables, moved to its voting phase. Returns its id and, per
/// budget, the budget id and the ids of the projects on its ballot with their appeal.
async fn up_to_voting(
    db: &Db,
    spec: CampaignSpec,
    description: &str,
    budgets: &[DemoBudget],
    staff: UserId,
) -> anyhow::Result<(i64, Vec<(i64, Vec<(i64, u64)>)>)> {
    let s = spec.schedule;
    let id = store::create_campaign(db, &spec, description, Some(staff), true).await?;
    store::set_phase(db, id, Phase::Informing, Some(staff), s.informing).await?;
    store::set_phase(db, id, Phase::Proposing, Some(staff), s.proposing).await?;
    let campaign = store::campaign(db, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo campaign {id} vanished"))?;
    let mut submitted: Vec<Vec<i64>> = Vec::new();
    for (b, budget) in budgets.iter().zip(&campaign.budgets) {
        let mut ids = Vec::new();
        for (i, project) in b.projects.iter().enumerate() {
            let proposal = Proposal {
                title: project.title.to_owned(),
                description: format!(
                    "Proposition d'habitant·e (données de démonstration) : {}. / مقترح مواطن(ة) (بيانات تجريبية).",
                    project.title
                ),
                place: project.place.to_owned(),
                budget: budget.id,
                category: project.category,
                estimated_cost: Money::from_dirhams(project.estimate),
            };
            let at = s.proposing + (i as i64 + 1) * DAY;
            ids.push(store::submit_proposal(db, id, &proposal, None, at).await?);
        }
        submitted.push(ids);
    }
    store::set_phase(db, id, Phase::TechnicalReview, Some(staff), s.review).await?;
    let mut ballots = Vec::new();
    for ((b, budget), ids) in budgets.iter().zip(&campaign.budgets).zip(&submitted) {
        let mut on_ballot = Vec::new();
        for (i, (project, pid)) in b.projects.iter().zip(ids).enumerate() {
            let at = s.review + (i as i64 + 1) * DAY / 2;
            match project.decision {
                Feasible(cost) => {
                    let review = Review::Feasible {
                        cost: Money::from_dirhams(cost),
                        reason: if cost == project.estimate {
                            String::new()
                        } else {
                            "Coût revu par les services techniques (études, TVA). / كلفة مراجعة من طرف المصالح التقنية.".into()
                        },
                    };
                    store::review(db, *pid, &review, staff, at).await?;
                    on_ballot.push((*pid, project.appeal));
                }
                NotFeasible(reason) => {
                    let review = Review::NotFeasible {
                        reason: reason.to_owned(),
                    };
                    store::review(db, *pid, &review, staff, at).await?;
                }
                Duplicate(of) => {
                    let into = ids.get(of).copied().ok_or_else(|| {
                        anyhow::anyhow!("demo duplicate of a missing proposal {of}")
                    })?;
                    store::merge(db, *pid, into, staff).await?;
                }
            }
        }
        ballots.push((budget.id, on_ballot));
    }
    store::set_phase(db, id, Phase::Voting, Some(staff), s.voting).await?;
    Ok((id, ballots))
}

/// The profile of demo voter `i`: sex and age group, or nothing for one in eight (no
/// consent). Slightly more men than women vote, as in the seed project's attendance.
fn profile(i: usize) -> Option<(&'static str, AgeGroup)> {
    if i % 8 == 7 {
        return None;
    }
    let sex = if i % 13 < 6 { "female" } else { "male" };
    let age = match i % 20 {
        0 => AgeGroup::Under18,
        1..=9 => AgeGroup::From18To35,
        10..=16 => AgeGroup::From36To59,
        _ => AgeGroup::SixtyAndOver,
    };
    Some((sex, age))
}

/// Creates demo voter `i` of `place` (no password, confirmed address, consenting profile
/// unless [`profile`] says otherwise), a verified resident of `territory`.
async fn voter(
    db: &Db,
    place: &str,
    i: usize,
    territory: TerritoryId,
    verifier: UserId,
    at: i64,
) -> anyhow::Result<(UserId, Option<AgeGroup>)> {
    let prof = profile(i);
    let consent = prof.map(|_| crate::accounts::model::DEMOGRAPHICS_CONSENT_VERSION);
    let id: i64 = db
        .query_scalar(
            "INSERT INTO users (email, display_name, language, created_at, email_confirmed_at, \
             sex, age_group, demographics_consent_version, demographics_consent_at) \
             VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
        )
        .bind(format!(
            "{VOTER_PREFIX}{place}.{:03}@demo.nousharik.ma",
            i + 1
        ))
        .bind(format!(
            "Votant·e démo {place} {} / مصوت(ة) تجريبي(ة) {}",
            i + 1,
            i + 1
        ))
        .bind(if i.is_multiple_of(3) { "fr" } else { "ar" })
        .bind(at)
        .bind(at)
        .bind(prof.map(|(s, _)| s))
        .bind(prof.map(|(_, a)| a.code()))
        .bind(consent)
        .bind(consent.map(|_| at))
        .fetch_one(db.pool())
        .await?;
    let user = UserId(id);
    crate::accounts::store::verify_resident(
        db,
        user,
        territory,
        Evidence::CinShownAtCounter,
        verifier,
        at,
    )
    .await?;
    Ok((user, prof.map(|(_, a)| a)))
}

/// Draws a demo voter's choices among `projects` (id, appeal): 1 to `max` of them, the more
/// appealing more often; for knapsack ballots, only what fits in `amount` with `costs`.
fn choose(rng: &mut Rng, projects: &[(i64, u64)], max: usize) -> Vec<RawChoice> {
    let mut acc = 0;
    let cumulative: Vec<u64> = projects
        .iter()
        .map(|(_, a)| {
            acc += a;
            acc
        })
        .collect();
    let k = 1 + rng.below(max as u64) as usize;
    pick_weighted(rng, &cumulative, k)
        .into_iter()
        .map(|i| RawChoice {
            project: projects[i].0.to_string(),
            points: None,
        })
        .collect()
}

/// One ballot to cast: budget, voter, age group, choices, time.
type Cast = (i64, UserId, Option<AgeGroup>, Vec<RawChoice>, i64);

/// Casts `casts` through [`store::cast`], eight at a time (the order does not matter: the
/// ballots are stored in receipt order).
async fn cast_all(db: &Db, campaign_id: i64, casts: Vec<Cast>) -> anyhow::Result<()> {
    let campaign = store::campaign(db, campaign_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo campaign {campaign_id} vanished"))?;
    let campaign = std::sync::Arc::new(campaign);
    let mut running = JoinSet::new();
    for (budget, user, age_group, choices, at) in casts {
        if running.len() >= 8
            && let Some(done) = running.join_next().await
        {
            done??;
        }
        let (db, campaign) = (db.clone(), campaign.clone());
        running.spawn(async move {
            let v = Voter {
                user,
                resident: true,
                declared_min_age: true,
                age_group,
                replace: None,
            };
            store::cast(&db, &campaign, budget, &v, &choices, at)
                .await
                .map(|_| ())
        });
    }
    while let Some(done) = running.join_next().await {
        done??;
    }
    Ok(())
}

/// Implementation trajectories of the funded projects, taken in turn: (days after the start
/// of implementation, status, percent, note).
const TRAJECTORIES: &[&[(i64, Status, u8, &str)]] = &[
    &[
        (
            20,
            Status::Studies,
            10,
            "Études techniques lancées. / انطلاق الدراسات التقنية.",
        ),
        (
            110,
            Status::Procurement,
            25,
            "Appel d'offres publié. / نشر طلب العروض.",
        ),
        (
            200,
            Status::Works,
            60,
            "Travaux en cours. / الأشغال في طور الإنجاز.",
        ),
        (
            330,
            Status::Completed,
            100,
            "Réception des travaux et inauguration. / تسلم الأشغال والتدشين.",
        ),
    ],
    &[
        (
            30,
            Status::Studies,
            15,
            "Relevés et plans d'exécution. / الرفع الطبوغرافي وتصاميم التنفيذ.",
        ),
        (
            150,
            Status::Procurement,
            30,
            "Marché attribué. / إسناد الصفقة.",
        ),
        (
            260,
            Status::Works,
            55,
            "Gros œuvre achevé à moitié. / إنجاز نصف الأشغال الكبرى.",
        ),
    ],
    &[
        (
            45,
            Status::Studies,
            10,
            "Concertation avec les habitant·es. / التشاور مع الساكنة.",
        ),
        (
            170,
            Status::Procurement,
            30,
            "Consultation des entreprises. / استشارة المقاولات.",
        ),
    ],
    &[
        (
            25,
            Status::Studies,
            20,
            "Convention avec l'association partenaire. / اتفاقية مع الجمعية الشريكة.",
        ),
        (
            120,
            Status::Works,
            70,
            "Premières activités ouvertes au public. / انطلاق الأنشطة الأولى.",
        ),
        (
            240,
            Status::Completed,
            100,
            "Service en fonctionnement. / الخدمة في طور الاشتغال.",
        ),
    ],
    &[
        (40, Status::Studies, 10, "Étude de sol. / دراسة التربة."),
        (
            180,
            Status::Suspended,
            10,
            "Suspendu : le terrain prévu est litigieux ; un autre site est recherché. / متوقف: نزاع حول العقار، والبحث جار عن موقع آخر.",
        ),
    ],
];

async fn seed_tangier(db: &Db, staff: UserId) -> anyhow::Result<()> {
    let Some(tangier) = territory(db, "commune-tanger").await? else {
        return Ok(());
    };
    let mut budgets = Vec::new();
    for b in TANGIER {
        let Some(t) = territory(db, b.territory).await? else {
            return Ok(());
        };
        budgets.push(BudgetSpec {
            name: b.name.to_owned(),
            territory: t,
            amount: Money::from_dirhams(b.amount),
        });
    }
    let schedule = Schedule {
        informing: local(2025, 1, 6, 9)?,
        proposing: local(2025, 2, 3, 9)?,
        review: local(2025, 3, 17, 9)?,
        voting: local(2025, 4, 21, 9)?,
        voting_end: local(2025, 5, 19, 18)?,
    };
    let spec = CampaignSpec {
        title: TANGIER_TITLE.to_owned(),
        territory: tangier,
        budgets,
        ballot: BallotType::Approval { min: 1, max: 3 },
        rule: CountingRule::EqualSharesThenGreedy,
        min_age: 16,
        scope: VoteScope::EachBudget,
        schedule,
    };
    let (id, ballots) = up_to_voting(
        db,
        spec,
        "Chaque arrondissement dispose de son budget, et la ville d'un budget commun. Les habitant·es de 16 ans et plus votent pour 1 à 3 projets dans leur arrondissement et dans le budget de la ville. Données de démonstration. / لكل مقاطعة ميزانيتها وللمدينة ميزانية مشتركة. بيانات تجريبية.",
        TANGIER,
        staff,
    )
    .await?;
    let city = ballots
        .last()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("the Tangier demo has no city-wide budget"))?;
    let mut rng = Rng::new(2025);
    let mut casts: Vec<Cast> = Vec::new();
    let mut n = 0;
    for (b, (budget, projects)) in TANGIER.iter().zip(&ballots) {
        let Some(t) = territory(db, b.territory).await? else {
            continue;
        };
        let place = b.territory.trim_start_matches("arrondissement-");
        for i in 0..b.voters {
            let at = schedule.voting + ((n * 7_919) as i64 % (27 * DAY));
            let (user, age) = voter(db, place, i, t, staff, at - DAY).await?;
            casts.push((*budget, user, age, choose(&mut rng, projects, 3), at));
            // Six in seven also vote in the city-wide budget.
            if n % 7 != 3 {
                casts.push((city.0, user, age, choose(&mut rng, &city.1, 3), at + 60));
            }
            n += 1;
        }
    }
    cast_all(db, id, casts).await?;
    let counted_at = schedule.voting_end + DAY;
    store::set_phase(db, id, Phase::Counting, Some(staff), schedule.voting_end).await?;
    let results = publish::count_campaign(db, id, Some(staff), counted_at).await?;
    let start = schedule.voting_end + 14 * DAY;
    store::set_phase(db, id, Phase::Implementation, Some(staff), start).await?;
    let mut k = 0;
    for r in &results {
        for project in &r.funded {
            for (days, status, percent, note) in TRAJECTORIES[k % TRAJECTORIES.len()] {
                let at = start + days * DAY;
                if at > now() {
                    break;
                }
                store::record_progress(db, *project, *status, *percent, note, staff, at).await?;
            }
            k += 1;
        }
    }
    Ok(())
}

async fn seed_larache(db: &Db, verifier: UserId) -> anyhow::Result<()> {
    let Some(larache) = territory(db, LARACHE.territory).await? else {
        return Ok(());
    };
    let t = now();
    let schedule = Schedule {
        informing: t - 45 * DAY,
        proposing: t - 38 * DAY,
        review: t - 21 * DAY,
        voting: t - 7 * DAY,
        voting_end: t + 21 * DAY,
    };
    let spec = CampaignSpec {
        title: LARACHE_TITLE.to_owned(),
        territory: larache,
        budgets: vec![BudgetSpec {
            name: LARACHE.name.to_owned(),
            territory: larache,
            amount: Money::from_dirhams(LARACHE.amount),
        }],
        ballot: BallotType::Knapsack,
        rule: CountingRule::EqualSharesThenGreedy,
        min_age: 16,
        scope: VoteScope::OneBudget,
        schedule,
    };
    let (id, ballots) = up_to_voting(
        db,
        spec,
        "Choisissez les projets que vous financeriez avec les 2 millions de dirhams de la commune, sans dépasser ce montant. Données de démonstration. / اختاروا المشاريع التي تمولونها في حدود مليوني درهم. بيانات تجريبية.",
        std::slice::from_ref(&LARACHE),
        verifier,
    )
    .await?;
    let Some((budget, projects)) = ballots.first().cloned() else {
        return Ok(());
    };
    let costs: Vec<(i64, i64)> = LARACHE
        .projects
        .iter()
        .filter_map(|p| match p.decision {
            Feasible(c) => Some(Money::from_dirhams(c).0),
            _ => None,
        })
        .zip(&projects)
        .map(|(c, (pid, _))| (*pid, c))
        .collect();
    let mut rng = Rng::new(2027);
    let mut casts: Vec<Cast> = Vec::new();
    for i in 0..LARACHE.voters {
        let at = schedule.voting + (i as i64 * 5_003) % (6 * DAY);
        let (user, age) = voter(db, "larache", i, larache, verifier, at - DAY).await?;
        // Knapsack: draw, then keep what fits in the budget, in the order drawn.
        let mut left = Money::from_dirhams(LARACHE.amount).0;
        let mut choices = choose(&mut rng, &projects, 4);
        choices.retain(|c| {
            let cost = costs
                .iter()
                .find(|(pid, _)| pid.to_string() == c.project)
                .map_or(i64::MAX, |(_, c)| *c);
            if cost <= left {
                left -= cost;
                true
            } else {
                false
            }
        });
        casts.push((budget, user, age, choices, at));
    }
    cast_all(db, id, casts).await
}
