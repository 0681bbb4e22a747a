//! Demo data: the seed project's 2023 programme ("Nousharik 2023") — three launch meetings,
//! three workshops writing the guide of successful experiences, three training cycles, the
//! awareness day on open government and the final meeting — with plausible, clearly marked
//! demo attendance (fictitious walk-ins "Participant·e démo N" plus three demo accounts), pre-
//! and post-tests and satisfaction forms; and one upcoming training in Tangier that the demo
//! accounts can register for and the demo Tangier staff member can check people in at.
//!
//! The figures are a fixed table ([`PROGRAMME`]) so that a test can check the dashboard
//! against them. Idempotent: nothing is added once a demo event of the programme exists.

use jiff::civil::date;

use super::model::attendance::{ActorType, Profile};
use super::model::evaluation::{Question, Satisfaction, TestPhase};
use super::model::{CertificateCriteria, EventDraft, EventKind, Mode, RegistrationPolicy};
use super::store::{self, Identify, NewRegistration, Placement};
use crate::accounts::model::{AgeGroup, Sex};
use crate::platform::i18n::CASABLANCA;
use crate::platform::ids::UserId;
use crate::platform::{AppState, now};

/// The programme's name.
pub const PROGRAMME: &str = "Nousharik 2023";

/// One demo event of the 2023 programme.
#[derive(Debug, Clone, Copy)]
pub struct DemoEvent {
    /// Kind.
    pub kind: EventKind,
    /// Title.
    pub title: &'static str,
    /// Organiser's code.
    pub organiser: &'static str,
    /// Territory's code.
    pub territory: &'static str,
    /// (year, month, day, hour) local start; the event lasts `days` days, 9:00–17:00 or 3 h.
    pub start: (i16, i8, i8, i8),
    /// Days (1 = a half-day meeting of 3 hours).
    pub days: i64,
    /// Fictitious walk-ins: women, then men.
    pub women: usize,
    /// Men.
    pub men: usize,
    /// Demo accounts (e-mail) who attended.
    pub accounts: &'static [&'static str],
}

const TANGIER_CITIZEN: &str = "citizen.tanger@demo.nousharik.ma";
const LARACHE_CITIZEN: &str = "citizen.larache@demo.nousharik.ma";
const ASSOCIATION: &str = "association@demo.nousharik.ma";
/// Sex recorded at the door for the demo accounts (the walk-ins' come from the table).
const ACCOUNT_SEX: &[(&str, Sex)] = &[
    (TANGIER_CITIZEN, Sex::Female),
    (LARACHE_CITIZEN, Sex::Male),
    (ASSOCIATION, Sex::Female),
];

/// The 2023 programme.
pub const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        kind: EventKind::LaunchMeeting,
        title: "Rencontre de lancement – Larache / لقاء إطلاق المشروع بالعرائش",
        organiser: "council-larache",
        territory: "commune-larache",
        start: (2023, 2, 16, 10),
        days: 1,
        women: 18,
        men: 22,
        accounts: &[LARACHE_CITIZEN],
    },
    DemoEvent {
        kind: EventKind::LaunchMeeting,
        title: "Rencontre de lancement – Tanger / لقاء إطلاق المشروع بطنجة",
        organiser: "council-tanger",
        territory: "commune-tanger",
        start: (2023, 2, 23, 10),
        days: 1,
        women: 25,
        men: 31,
        accounts: &[TANGIER_CITIZEN, ASSOCIATION],
    },
    DemoEvent {
        kind: EventKind::LaunchMeeting,
        title: "Rencontre de lancement – Al Hoceïma / لقاء إطلاق المشروع بالحسيمة",
        organiser: "council-al-hoceima",
        territory: "commune-al-hoceima",
        start: (2023, 3, 2, 10),
        days: 1,
        women: 14,
        men: 19,
        accounts: &[],
    },
    DemoEvent {
        kind: EventKind::Workshop,
        title: "Atelier 1 du guide des expériences réussies / الورشة 1 لدليل التجارب الناجحة",
        organiser: "cell-region",
        territory: "commune-tanger",
        start: (2023, 5, 11, 9),
        days: 1,
        women: 9,
        men: 11,
        accounts: &[TANGIER_CITIZEN, ASSOCIATION],
    },
    DemoEvent {
        kind: EventKind::Workshop,
        title: "Atelier 2 du guide des expériences réussies / الورشة 2 لدليل التجارب الناجحة",
        organiser: "cell-region",
        territory: "commune-larache",
        start: (2023, 5, 18, 9),
        days: 1,
        women: 8,
        men: 10,
        accounts: &[ASSOCIATION],
    },
    DemoEvent {
        kind: EventKind::Workshop,
        title: "Atelier 3 du guide des expériences réussies / الورشة 3 لدليل التجارب الناجحة",
        organiser: "cell-region",
        territory: "commune-al-hoceima",
        start: (2023, 5, 25, 9),
        days: 1,
        women: 7,
        men: 9,
        accounts: &[ASSOCIATION],
    },
    DemoEvent {
        kind: EventKind::TrainingSession,
        title: "Cycle de formation – Larache : stratégies de participation et plan de communication / دورة تكوينية بالعرائش",
        organiser: "council-larache",
        territory: "commune-larache",
        start: (2023, 6, 13, 9),
        days: 3,
        women: 12,
        men: 13,
        accounts: &[LARACHE_CITIZEN],
    },
    DemoEvent {
        kind: EventKind::TrainingSession,
        title: "Cycle de formation – Tanger : stratégies de participation et plan de communication / دورة تكوينية بطنجة",
        organiser: "council-tanger",
        territory: "commune-tanger",
        start: (2023, 6, 20, 9),
        days: 3,
        women: 14,
        men: 12,
        accounts: &[TANGIER_CITIZEN],
    },
    DemoEvent {
        kind: EventKind::TrainingSession,
        title: "Cycle de formation – Al Hoceïma : stratégies de participation et plan de communication / دورة تكوينية بالحسيمة",
        organiser: "council-al-hoceima",
        territory: "commune-al-hoceima",
        start: (2023, 6, 27, 9),
        days: 3,
        women: 10,
        men: 11,
        accounts: &[],
    },
    DemoEvent {
        kind: EventKind::AwarenessDay,
        title: "Journée de sensibilisation au gouvernement ouvert (OGP) / يوم تحسيسي حول الحكومة المنفتحة",
        organiser: "council-region",
        territory: "region-tanger-tetouan-al-hoceima",
        start: (2023, 10, 12, 9),
        days: 1,
        women: 21,
        men: 24,
        accounts: &[TANGIER_CITIZEN],
    },
    DemoEvent {
        kind: EventKind::FinalMeeting,
        title: "Rencontre finale : stratégie de pérennisation / اللقاء الختامي",
        organiser: "council-region",
        territory: "region-tanger-tetouan-al-hoceima",
        start: (2023, 12, 14, 10),
        days: 1,
        women: 30,
        men: 35,
        accounts: &[TANGIER_CITIZEN, LARACHE_CITIZEN, ASSOCIATION],
    },
];

/// Age groups of the walk-ins, by position (one in seven left unknown: not everyone says).
pub fn demo_age(i: usize) -> Option<AgeGroup> {
    if i % 7 == 6 {
        return None;
    }
    Some(
        [
            AgeGroup::From18To35,
            AgeGroup::From36To59,
            AgeGroup::From18To35,
            AgeGroup::SixtyAndOver,
            AgeGroup::From36To59,
            AgeGroup::Under18,
        ][i % 6],
    )
}

/// Actor types of the walk-ins, by position.
pub fn demo_actor(i: usize) -> ActorType {
    ActorType::ALL[i % ActorType::ALL.len()]
}

/// Pre-test score (of 4) of the walk-in at position `i` of a training; the post-test adds
/// 1 or 2.
pub fn demo_scores(i: usize) -> (usize, usize) {
    let pre = i % 3;
    (pre, pre + 1 + i % 2)
}

/// Overall satisfaction of the walk-in at position `i` (workshops and trainings; every second
/// person answers).
pub fn demo_rating(i: usize) -> Option<i64> {
    i.is_multiple_of(2).then(|| 3 + (i % 3) as i64)
}

fn local(y: i16, m: i8, d: i8, h: i8) -> anyhow::Result<i64> {
    Ok(date(y, m, d)
        .at(h, 0, 0, 0)
        .to_zoned_datetime(CASABLANCA.clone())?
        .timestamp()
        .as_second())
}

async fn id_by_code(state: &AppState, table: &str, code: &str) -> anyhow::Result<Option<i64>> {
    // `table` is one of two literals of this file, never input.
    let sql = format!("SELECT id FROM {table} WHERE code = ?");
    Ok(state
        .db
        .query_scalar(&sql)
        .bind(code.to_string())
        .fetch_optional(state.db.pool())
        .await?)
}

async fn user_id(state: &AppState, email: &str) -> anyhow::Result<Option<UserId>> {
    let id: Option<i64> = state
        .db
        .query_scalar("SELECT id FROM users WHERE email = ? AND deleted_at IS NULL")
        .bind(email.to_string())
        .fetch_optional(state.db.pool())
        .await?;
    Ok(id.map(UserId))
}

/// The four questions of the demo question bank (per organiser): prompt, choices, index of
/// the right choice.
pub const QUESTIONS: &[(&str, &[&str], usize)] = &[
    (
        "Combien de signatures faut-il pour une pétition citoyenne à une commune de plus de 35 000 habitants ? / كم عدد التوقيعات اللازمة؟",
        &["100", "200", "400"],
        1,
    ),
    (
        "Qui décide de la recevabilité d'une pétition ? / من يقرر قبول العريضة؟",
        &[
            "Le bureau du conseil / مكتب المجلس",
            "Le wali / الوالي",
            "Les pétitionnaires / الموقعون",
        ],
        0,
    ),
    (
        "Quelle loi régit l'accès à l'information ? / ما القانون المنظم للحق في الحصول على المعلومات؟",
        &["31.13", "44.14", "113.14"],
        0,
    ),
    (
        "Un plan de communication sert à… / تستعمل خطة التواصل من أجل…",
        &[
            "diffuser la stratégie à tous les citoyens / نشر الاستراتيجية لجميع المواطنين",
            "remplacer le vote du conseil / تعويض تصويت المجلس",
        ],
        0,
    ),
];

async fn questions_for(state: &AppState, organiser: i64, t: i64) -> anyhow::Result<Vec<i64>> {
    let bank = store::question_bank(&state.db, organiser).await?;
    if bank.len() >= QUESTIONS.len() {
        return Ok(bank.iter().take(QUESTIONS.len()).map(|q| q.id).collect());
    }
    let mut ids = Vec::new();
    for (prompt, choices, correct) in QUESTIONS {
        let choices: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
        let q = Question::new(0, prompt, &choices, *correct)?;
        ids.push(store::add_question(&state.db, organiser, &q, None, t).await?);
    }
    Ok(ids)
}

fn draft(e: &DemoEvent, starts_at: i64) -> EventDraft {
    let ends_at = if e.days == 1 {
        starts_at + 3 * 3600
    } else {
        starts_at + (e.days - 1) * 86_400 + 8 * 3600
    };
    let training = e.kind == EventKind::TrainingSession;
    EventDraft {
        kind: e.kind,
        title: e.title.to_string(),
        description: "Données de démonstration du programme Nousharik 2023 (activités du projet d'appui à la participation citoyenne). / بيانات تجريبية.".into(),
        agenda: "Accueil et émargement\nPrésentation du projet\nTravaux en groupes\nSynthèse et prochaines étapes".into(),
        speakers: "Équipe du projet (démo)\nFormateur·rice (démo)".into(),
        programme: Some(PROGRAMME.into()),
        starts_at,
        ends_at,
        mode: Mode::InPerson {
            address: "Siège de la collectivité (adresse de démonstration)".into(),
        },
        capacity: Some(if training { 30 } else { 80 }),
        waitlist_capacity: 10,
        policy: RegistrationPolicy::Open,
        registration_closes_at: starts_at - 86_400,
        questions: Vec::new(),
        certificate: if training {
            CertificateCriteria {
                enabled: true,
                requires_post_test: true,
                min_post_score_percent: 50,
            }
        } else {
            CertificateCriteria {
                enabled: true,
                requires_post_test: false,
                min_post_score_percent: 0,
            }
        },
    }
}

/// Seeds the demo programme (idempotent).
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let exists: i64 = state
        .db
        .query_scalar("SELECT COUNT(*) FROM events WHERE demo = 1 AND programme = ?")
        .bind(PROGRAMME)
        .fetch_one(state.db.pool())
        .await?;
    if exists > 0 {
        return Ok(());
    }
    for e in EVENTS {
        seed_event(state, e).await?;
    }
    seed_upcoming(state).await
}

async fn seed_event(state: &AppState, e: &DemoEvent) -> anyhow::Result<()> {
    let (Some(org), Some(ter)) = (
        id_by_code(state, "organisations", e.organiser).await?,
        id_by_code(state, "territories", e.territory).await?,
    ) else {
        // The territory module's demo organisations are missing: nothing to attach to.
        return Ok(());
    };
    let (y, m, d, h) = e.start;
    let starts_at = local(y, m, d, h)?;
    let draft = draft(e, starts_at).validate()?;
    let place = Placement {
        organiser_id: org,
        territory_id: ter,
        demo: true,
    };
    let id = store::create_event(&state.db, place, &draft, None, starts_at - 30 * 86_400).await?;
    let training = e.kind == EventKind::TrainingSession;
    if training {
        let qs = questions_for(state, org, starts_at).await?;
        store::set_event_questions(&state.db, id, &qs, None).await?;
    }
    let at = starts_at + 600;
    // Any staff-like account is fine as the recorder of demo check-ins: the first admin.
    let recorder: Option<i64> = state
        .db
        .query_scalar("SELECT id FROM users WHERE is_admin = 1 ORDER BY id LIMIT 1")
        .fetch_optional(state.db.pool())
        .await?;
    let Some(recorder) = recorder.map(UserId) else {
        return Ok(());
    };
    for email in e.accounts {
        let Some(u) = user_id(state, email).await? else {
            continue;
        };
        let sex = ACCOUNT_SEX
            .iter()
            .find(|(m, _)| m == email)
            .map(|(_, s)| *s);
        let new = NewRegistration {
            user: u,
            name: email.split('@').next().unwrap_or("demo").to_string(),
            answers: Vec::new(),
            profile: Profile {
                sex,
                age_group: Some(AgeGroup::From18To35),
                actor_type: Some(if *email == ASSOCIATION {
                    ActorType::Association
                } else {
                    ActorType::Citizen
                }),
            },
        };
        let r = store::register(&state.db, id, &new, starts_at - 7 * 86_400).await?;
        store::check_in(
            &state.db,
            id,
            &Identify::Registration(r.id),
            Profile::default(),
            recorder,
            at,
        )
        .await?;
    }
    for i in 0..e.women + e.men {
        let sex = if i < e.women { Sex::Female } else { Sex::Male };
        let profile = Profile {
            sex: Some(sex),
            age_group: demo_age(i),
            actor_type: Some(demo_actor(i)),
        };
        let name = format!(
            "Participant·e démo {} / مشارك(ة) تجريبي(ة) {}",
            i + 1,
            i + 1
        );
        let r = store::walk_in(&state.db, id, &name, None, profile, recorder, at).await?;
        if training {
            let (pre, post) = demo_scores(i);
            let answers = |n: usize| -> Vec<Option<usize>> {
                QUESTIONS
                    .iter()
                    .enumerate()
                    .map(|(k, (_, choices, correct))| {
                        Some(if k < n {
                            *correct
                        } else {
                            (*correct + 1) % choices.len()
                        })
                    })
                    .collect()
            };
            store::submit_test(&state.db, &r, TestPhase::Pre, &answers(pre), recorder, at).await?;
            store::submit_test(
                &state.db,
                &r,
                TestPhase::Post,
                &answers(post),
                recorder,
                at + 3600,
            )
            .await?;
        }
        if matches!(e.kind, EventKind::Workshop | EventKind::TrainingSession)
            && let Some(overall) = demo_rating(i)
        {
            let o = overall.to_string();
            let s = Satisfaction::parse([&o, "4", "4", "4"], "")?;
            store::submit_satisfaction(&state.db, &r, &s, None, at + 7200).await?;
        }
    }
    let contributions = (e.women + e.men) as i64 / 2;
    store::set_minutes(
        &state.db,
        id,
        "Compte rendu de démonstration : présentation, échanges, recommandations. / محضر تجريبي.",
        contributions,
        recorder,
        starts_at + 86_400,
    )
    .await?;
    Ok(())
}

/// One upcoming training in Tangier (relative to today), with the question bank, so the demo
/// can be walked through: register, check in (demo Tangier staff), tests, certificate.
async fn seed_upcoming(state: &AppState) -> anyhow::Result<()> {
    let (Some(org), Some(ter)) = (
        id_by_code(state, "organisations", "council-tanger").await?,
        id_by_code(state, "territories", "commune-tanger").await?,
    ) else {
        return Ok(());
    };
    let t = now();
    let day = crate::platform::i18n::to_casablanca(t + 14 * 86_400).date();
    let starts_at = day
        .at(9, 0, 0, 0)
        .to_zoned_datetime(CASABLANCA.clone())?
        .timestamp()
        .as_second();
    let mut d = draft(
        &DemoEvent {
            kind: EventKind::TrainingSession,
            title: "Formation : pétitions et budget participatif (démo) / دورة تكوينية: العرائض والميزانية التشاركية",
            organiser: "council-tanger",
            territory: "commune-tanger",
            start: (2023, 1, 1, 9),
            days: 1,
            women: 0,
            men: 0,
            accounts: &[],
        },
        starts_at,
    );
    d.programme = Some("Nousharik – suivi (démo)".into());
    d.capacity = Some(25);
    d.questions = vec![super::model::FormQuestion {
        label: "Organisation / الهيئة".into(),
        required: false,
    }];
    let d = d.validate()?;
    let id = store::create_event(
        &state.db,
        Placement {
            organiser_id: org,
            territory_id: ter,
            demo: true,
        },
        &d,
        None,
        t,
    )
    .await?;
    let qs = questions_for(state, org, t).await?;
    store::set_event_questions(&state.db, id, &qs, None).await?;
    Ok(())
}
