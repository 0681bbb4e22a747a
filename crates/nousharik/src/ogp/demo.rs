//! Demo data of the OGP module: the structure of the region's OGP Local action plans (the
//! 2021–2023 plan, closed, and the 2025–2026 plan, open — LEGAL.md §6) with ILLUSTRATIVE
//! commitments, every title marked "(تجريبي / démo)" and every plan flagged demo; a forum of
//! four demo associations; updates (one commitment overdue), self-assessments, reviews with a
//! disagreement, and an improvement action. Plus the regional staff account that runs them.
//! Idempotent: nothing is added when a demo plan exists.

use jiff::civil::{Date, date};

use super::model::{
    CommitmentForm, Completion, IndicatorDraft, MilestoneDraft, MilestoneKind, MilestoneStatus,
    OgpValue, PlanForm, Potential, Rating,
};
use super::store::{self, NewEvidence};
use crate::accounts::model::{DisplayName, Email, Language, OrgRole};
use crate::accounts::store as accounts;
use crate::demo::DemoLogin;
use crate::platform::AppState;
use crate::platform::db::Db;
use crate::platform::ids::{OrganisationId, UserId};
use crate::platform::password;

/// The regional staff demo account (responsible for the plan and its self-assessment).
pub const REGION_STAFF: &str = "staff.region@demo.nousharik.ma";
const REGION_STAFF_PASSWORD: &str = "demo-staff-2026";

/// Marks every demo title.
const MARK: &str = "(تجريبي / démo)";

/// Noon in Casablanca on a day, as Unix seconds.
fn at(d: Date) -> i64 {
    d.at(12, 0, 0, 0)
        .in_tz("Africa/Casablanca")
        .map_or(0, |z| z.timestamp().as_second())
}

async fn org_id(db: &Db, code: &str) -> anyhow::Result<i64> {
    db.query_scalar("SELECT id FROM organisations WHERE code = ?")
        .bind(code.to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| anyhow::anyhow!("the OGP demo needs organisation {code} (territory demo)"))
}

async fn ensure_staff(db: &Db, council: i64, now: i64) -> anyhow::Result<UserId> {
    let email = Email::parse(REGION_STAFF)?;
    let id = match accounts::user_by_email(db, &email).await? {
        Some(u) => u.id,
        None => {
            let pw = REGION_STAFF_PASSWORD.to_owned();
            let phc = tokio::task::spawn_blocking(move || password::hash(&pw)).await??;
            let name = DisplayName::parse("Hicham, OGP regional staff (démo)")?;
            let new = accounts::NewUser {
                email: &email,
                password_hash: &phc,
                display_name: &name,
                language: Language::Ar,
            };
            match accounts::create_user(db, &new, now).await? {
                Some(id) => id,
                None => accounts::user_by_email(db, &email)
                    .await?
                    .map(|u| u.id)
                    .ok_or_else(|| anyhow::anyhow!("demo account {REGION_STAFF} vanished"))?,
            }
        }
    };
    accounts::confirm_email(db, id, now).await?;
    accounts::grant_membership(db, id, OrganisationId(council), OrgRole::Staff, None, now).await?;
    Ok(id)
}

/// (commitment index, title, responsible, start, due, status, completed on).
type DemoMilestone = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    MilestoneStatus,
    Option<Date>,
);
/// (commitment index, name, unit, baseline, target, values over time).
type DemoIndicator<'a> = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'a [(Date, f64)],
);

struct DemoCommitment {
    code: &'static str,
    title: &'static str,
    problem: &'static str,
    action: &'static str,
    values: &'static [OgpValue],
    lead: &'static str,
}

const COMMITMENTS: &[DemoCommitment] = &[
    DemoCommitment {
        code: "TTA-01",
        title: "بوابة المعطيات المفتوحة للجهة — Portail régional de données ouvertes",
        problem: "المعطيات العمومية للجهة متفرقة وصعبة الولوج — Les données publiques de la région sont dispersées et difficiles d'accès.",
        action: "نشر المعطيات في بوابة مفتوحة بصيغ قابلة لإعادة الاستعمال — Publier les données sur un portail ouvert, dans des formats réutilisables.",
        values: &[
            OgpValue::AccessToInformation,
            OgpValue::TechnologyInnovation,
        ],
        lead: "مديرية نظم المعلومات بالجهة — Direction des systèmes d'information de la région",
    },
    DemoCommitment {
        code: "TTA-02",
        title: "الميزانية المفتوحة والتشاركية — Budget ouvert et participatif",
        problem: "المواطنون لا يعرفون كيف تصرف ميزانية الجهة — Les citoyens ne savent pas comment le budget régional est dépensé.",
        action: "نشر الميزانية وتنفيذها كل ستة أشهر وتنظيم ميزانية تشاركية — Publier le budget et son exécution chaque semestre et organiser un budget participatif.",
        values: &[
            OgpValue::AccessToInformation,
            OgpValue::CivicParticipation,
            OgpValue::PublicAccountability,
        ],
        lead: "مديرية الميزانية والشؤون المالية — Direction du budget et des affaires financières",
    },
    DemoCommitment {
        code: "TTA-03",
        title: "التتبع العمومي للعرائض — Suivi public des pétitions",
        problem: "أصحاب العرائض لا يعرفون مآل عرائضهم — Les pétitionnaires ne savent pas ce que deviennent leurs pétitions.",
        action: "سجل عمومي للعرائض بآجالها وقراراتها — Un registre public des pétitions avec leurs délais et décisions.",
        values: &[OgpValue::CivicParticipation, OgpValue::PublicAccountability],
        lead: "مكتب مجلس الجهة — Bureau du conseil régional",
    },
    DemoCommitment {
        code: "TTA-04",
        title: "إشراك الشباب والنساء في المنتدى — Participation des jeunes et des femmes au forum",
        problem: "الشباب والنساء قليلو الحضور في هيئات الحوار — Les jeunes et les femmes sont peu présents dans les instances de dialogue.",
        action: "مقاعد مخصصة ودورات تكوينية في المنتدى متعدد الأطراف — Des sièges réservés et des formations au forum multi-acteurs.",
        values: &[OgpValue::CivicParticipation],
        lead: "الهيئة الاستشارية للمساواة وتكافؤ الفرص ومقاربة النوع — Instance de l'équité, de l'égalité des chances et de l'approche genre",
    },
];

fn form(c: &DemoCommitment, starts: &str, ends: &str) -> CommitmentForm {
    CommitmentForm {
        code: c.code.into(),
        title: format!("{} {MARK}", c.title),
        problem: c.problem.into(),
        status_quo: format!("{MARK} {}", c.problem),
        action: c.action.into(),
        how_it_solves: format!("{MARK} {}", c.action),
        values: c.values.iter().map(|v| v.code().to_string()).collect(),
        lead_institution: c.lead.into(),
        supporting_institutions:
            "جمعيات المنتدى متعدد الأطراف — Associations du forum multi-acteurs".into(),
        starts_on: starts.into(),
        ends_on: ends.into(),
    }
}

fn rating(c: Completion, p: Potential, values: &[OgpValue], narrative: &str) -> Rating {
    Rating {
        completion: c,
        potential: p,
        relevant_values: values.to_vec(),
        narrative: format!("{MARK} {narrative}"),
        evidence_link: None,
    }
}

/// Seeds the OGP demo; returns the regional staff login.
pub async fn seed(state: &AppState) -> anyhow::Result<Vec<DemoLogin>> {
    let db = &state.db;
    let now = crate::platform::now();
    let council = org_id(db, "council-region").await?;
    let staff = ensure_staff(db, council, now).await?;
    let login = vec![DemoLogin {
        role: "regional council staff (OGP plan, self-assessment)".into(),
        email: REGION_STAFF.into(),
        password: REGION_STAFF_PASSWORD.into(),
    }];
    let existing: i64 = db
        .query_scalar("SELECT COUNT(*) FROM ogp_plans WHERE demo = 1")
        .fetch_one(db.pool())
        .await?;
    if existing > 0 {
        return Ok(login);
    }
    let by = Some(staff);
    seed_first_plan(db, council, by).await?;
    seed_second_plan(db, council, by).await?;
    Ok(login)
}

/// The 2021–2023 plan, closed, with one illustrative commitment.
async fn seed_first_plan(db: &Db, council: i64, by: Option<UserId>) -> anyhow::Result<()> {
    let d = PlanForm {
        title: format!("خطة العمل المحلية للحكومة المنفتحة 2021–2023 — Plan d'action OGP Local 2021–2023 {MARK}"),
        starts_on: "2021-01-01".into(),
        ends_on: "2023-12-31".into(),
        co_creation: format!("{MARK} الجهة أول عضو في OGP المحلية بالشرق الأوسط وشمال إفريقيا (أكتوبر 2020) — La région, premier membre d'OGP Local au Moyen-Orient et en Afrique du Nord (octobre 2020)."),
        participants: "0".into(),
        contributions: "0".into(),
    }
    .parse()?;
    let plan = store::create_plan(db, council, &d, true, by, at(date(2021, 1, 1))).await?;
    let mut f = form(&COMMITMENTS[0], "2021-03-01", "2023-12-31");
    f.code = "TTA21-01".into();
    let c = store::create_commitment(db, plan, &f.parse()?, by, at(date(2021, 3, 1))).await?;
    store::add_update(
        db,
        c,
        &format!("{MARK} النسخة الأولى من البوابة — Première version du portail."),
        &[],
        by,
        at(date(2023, 6, 30)),
    )
    .await?;
    store::record_assessment(
        db,
        c,
        &rating(
            Completion::Substantial,
            Potential::Modest,
            &[OgpValue::AccessToInformation],
            "نسخة أولى منشورة — Première version publiée.",
        ),
        by,
        at(date(2023, 12, 15)),
    )
    .await?;
    store::close_plan(db, plan, by, at(date(2024, 1, 15))).await?;
    Ok(())
}

/// The 2025–2026 plan, open: forum, meetings, four commitments in different states.
async fn seed_second_plan(db: &Db, council: i64, by: Option<UserId>) -> anyhow::Result<()> {
    let d = PlanForm {
        title: format!("خطة العمل المحلية للحكومة المنفتحة 2025–2026 — Plan d'action OGP Local 2025–2026 {MARK}"),
        starts_on: "2025-01-01".into(),
        ends_on: "2026-12-31".into(),
        co_creation: format!("{MARK} لقاءات تشاورية في طنجة وتطوان والحسيمة واستشارة عبر الإنترنت (أرقام توضيحية) — Rencontres à Tanger, Tétouan et Al Hoceïma et consultation en ligne (chiffres illustratifs)."),
        participants: "214".into(),
        contributions: "87".into(),
    }
    .parse()?;
    let start = at(date(2024, 11, 1));
    let plan = store::create_plan(db, council, &d, true, by, start).await?;
    for code in [
        "assoc-nassaim",
        "assoc-tifawin-femmes",
        "assoc-nekor-jeunesse",
        "assoc-loukkos",
    ] {
        if let Ok(a) = org_id(db, code).await {
            store::add_forum_member(db, plan, a, by, start).await?;
        }
    }
    let events: Vec<i64> = db
        .query_scalar("SELECT id FROM events WHERE demo = 1 ORDER BY starts_at LIMIT 2")
        .fetch_all(db.pool())
        .await?;
    for e in events {
        store::link_event(db, plan, e, by, start).await?;
    }
    let mut ids = Vec::new();
    for c in COMMITMENTS {
        let f = form(c, "2025-01-01", "2026-12-31");
        ids.push(store::create_commitment(db, plan, &f.parse()?, by, start).await?);
    }
    // Milestones: (commitment, title, responsible, start, due, status, completed on).
    let milestones: &[DemoMilestone] = &[
        (
            0,
            "جرد المعطيات — Inventaire des données",
            "DSI",
            "2025-01-01",
            "2025-04-30",
            MilestoneStatus::Completed,
            Some(date(2025, 4, 20)),
        ),
        (
            0,
            "إطلاق البوابة — Lancement du portail",
            "DSI",
            "2025-05-01",
            "2025-10-31",
            MilestoneStatus::Completed,
            Some(date(2025, 12, 10)),
        ),
        (
            0,
            "30 مجموعة معطيات — 30 jeux de données",
            "DSI",
            "2025-11-01",
            "2026-12-31",
            MilestoneStatus::InProgress,
            None,
        ),
        (
            1,
            "نشر الميزانية المفصلة — Publication du budget détaillé",
            "DBAF",
            "2025-01-01",
            "2025-03-31",
            MilestoneStatus::Completed,
            Some(date(2025, 3, 28)),
        ),
        (
            1,
            "أول ميزانية تشاركية — Premier budget participatif",
            "DBAF",
            "2025-06-01",
            "2026-06-30",
            MilestoneStatus::InProgress,
            None,
        ),
        (
            2,
            "سجل العرائض على الإنترنت — Registre des pétitions en ligne",
            "Bureau",
            "2025-01-01",
            "2025-12-31",
            MilestoneStatus::InProgress,
            None,
        ),
        (
            3,
            "مقاعد مخصصة في المنتدى — Sièges réservés au forum",
            "IEECAG",
            "2025-01-01",
            "2025-09-30",
            MilestoneStatus::NotStarted,
            None,
        ),
    ];
    for (i, title, who, s, due, status, done) in milestones {
        let m = MilestoneDraft::parse(
            MilestoneKind::Milestone,
            &format!("{title} {MARK}"),
            who,
            s,
            due,
        )?;
        let id = store::add_milestone(db, ids[*i], &m, by, start).await?;
        if *status != MilestoneStatus::NotStarted {
            store::set_milestone_status(db, id, *status, *done, by, start).await?;
        }
    }
    let improvement = MilestoneDraft::parse(
        MilestoneKind::Improvement,
        &format!("نشر المعطيات الخام للميزانية — Publier les données brutes du budget {MARK}"),
        "DSI + DBAF",
        "2026-01-01",
        "2026-09-30",
    )?;
    store::add_milestone(db, ids[0], &improvement, by, start).await?;
    // Indicators with values over time.
    let indicators: &[DemoIndicator<'_>] = &[
        (
            0,
            "مجموعات المعطيات المنشورة — Jeux de données publiés",
            "jeux",
            "0",
            "30",
            &[(date(2025, 12, 31), 12.0), (date(2026, 6, 30), 19.0)],
        ),
        (
            1,
            "وثائق الميزانية المنشورة — Documents budgétaires publiés",
            "documents",
            "1",
            "8",
            &[(date(2025, 12, 31), 4.0)],
        ),
        (
            3,
            "نسبة النساء والشباب في المنتدى — Part des femmes et des jeunes au forum",
            "%",
            "18",
            "40",
            &[],
        ),
    ];
    for (i, name, unit, base, target, values) in indicators {
        let d = IndicatorDraft::parse(
            &format!("{name} {MARK}"),
            unit,
            base,
            target,
            "تقارير الجهة — Rapports de la région",
        )?;
        let id = store::add_indicator(db, ids[*i], &d, by, start).await?;
        for (day, v) in values.iter() {
            store::add_indicator_value(db, id, *day, *v, by, at(*day)).await?;
        }
    }
    // Progress updates: TTA-03 last updated in March 2026 and TTA-04 never — both flagged.
    let updates: &[(usize, Date, &str, Option<&str>)] = &[
        (
            0,
            date(2026, 10, 15),
            "19 مجموعة معطيات منشورة — 19 jeux de données publiés",
            Some("https://www.ogpstories.org/"),
        ),
        (
            1,
            date(2026, 7, 1),
            "نشر تنفيذ الميزانية للنصف الأول — Exécution du premier semestre publiée",
            None,
        ),
        (
            2,
            date(2026, 3, 10),
            "دفتر التحملات جاهز — Cahier des charges prêt",
            None,
        ),
    ];
    for (i, day, body, link) in updates {
        let evidence: Vec<NewEvidence> = link
            .map(|l| NewEvidence::Link(l.to_string()))
            .into_iter()
            .collect();
        store::add_update(
            db,
            ids[*i],
            &format!("{MARK} {body}"),
            &evidence,
            by,
            at(*day),
        )
        .await?;
    }
    // Self-assessments (TTA-04 left for staff to assess) and reviews with a disagreement.
    let assessments: &[(usize, Completion, Potential, &str)] = &[
        (
            0,
            Completion::Substantial,
            Potential::Modest,
            "البوابة مفتوحة وثلثا المعطيات منشورة — Portail ouvert, deux tiers des données publiées.",
        ),
        (
            1,
            Completion::Limited,
            Potential::Substantial,
            "الميزانية منشورة، والميزانية التشاركية في بدايتها — Budget publié, budget participatif à ses débuts.",
        ),
        (
            2,
            Completion::NotStarted,
            Potential::Modest,
            "السجل لم ينطلق بعد — Le registre n'a pas encore démarré.",
        ),
    ];
    for (i, c, p, text) in assessments {
        let values = COMMITMENTS[*i].values;
        store::record_assessment(
            db,
            ids[*i],
            &rating(*c, *p, values, text),
            by,
            at(date(2026, 11, 2)),
        )
        .await?;
    }
    let reviews: &[(usize, &str, Completion, Potential, &str)] = &[
        (
            0,
            "assoc-tifawin-femmes",
            Completion::Limited,
            Potential::Modest,
            "المعطيات غير محينة وصعبة الاستعمال — Données peu à jour et peu réutilisables.",
        ),
        (
            1,
            "assoc-nekor-jeunesse",
            Completion::Limited,
            Potential::Substantial,
            "نتفق مع التقييم الذاتي — Nous partageons l'auto-évaluation.",
        ),
    ];
    for (i, code, c, p, text) in reviews {
        if let Ok(a) = org_id(db, code).await {
            let values = COMMITMENTS[*i].values;
            // Recorded by the platform: the demo associations have no accounts of their own.
            store::record_review(
                db,
                ids[*i],
                a,
                &rating(*c, *p, values, text),
                None,
                at(date(2026, 11, 10)),
            )
            .await?;
        }
    }
    Ok(())
}
