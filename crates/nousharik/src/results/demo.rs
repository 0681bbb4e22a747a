//! Demo data: the seed project's results framework ("Nousharik 2023", 1 January – 31 December
//! 2023, the Tanger-Tétouan-Al Hoceïma region, owned by the regional council): its three
//! objectives, four expected results, the activities the project document plans, and
//! indicators with baselines and targets. The computed indicators count the meetings demo's
//! events of the same programme key ([`crate::meetings::demo::PROGRAMME`]).
//!
//! Where the targets come from: the numbers the project document gives (19 meetings, workshops
//! and trainings; 9 training cycles; 3 strategies adopted; 5 participation projects; one
//! coordination cell, self-assessment, report, guide, evaluation). The document gives no
//! number of participants, associations, petitions or budget projects: those targets are
//! illustrative and say so in the indicator's note. The document lists objective 3's five
//! activities under the fifth-project result and places neither the "capitalisation" result
//! nor the closing activities (final meeting, evaluation) under an objective; we put both
//! under objective 3. The one manual value entered (the coordination cell) is demo data with
//! a fictitious evidence file, marked as such.
//!
//! Idempotent: nothing is added once the programme exists.

use super::model::evidence::{FileType, check_file};
use super::model::{IndicatorDraft, NamedQuery, Period, ProgrammeDraft, Source, ValueDraft};
use super::store::{self, EvidenceFile, Level, Owner};
use crate::meetings::demo::PROGRAMME;
use crate::platform::audit::Actor as By;
use crate::platform::{AppState, now};
use jiff::civil::date;

/// Owner of the demo programme (organisation code).
pub const OWNER: &str = "council-region";
/// Territory counted (code).
pub const TERRITORY: &str = "region-tanger-tetouan-al-hoceima";

/// One demo indicator.
#[derive(Debug, Clone, Copy)]
pub struct DemoIndicator {
    /// Title.
    pub title: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Target (baselines are 0: the project starts from nothing).
    pub target: i64,
    /// `None`: entered by hand.
    pub query: Option<NamedQuery>,
    /// Definition, source of the target.
    pub note: &'static str,
    /// Index of the activity (in its result) it measures.
    pub activity: Option<usize>,
}

/// One expected result with its activities and indicators.
#[derive(Debug, Clone, Copy)]
pub struct DemoResult {
    /// Title.
    pub title: &'static str,
    /// Activities.
    pub activities: &'static [&'static str],
    /// Indicators.
    pub indicators: &'static [DemoIndicator],
}

/// One objective with its expected results.
#[derive(Debug, Clone, Copy)]
pub struct DemoObjective {
    /// Title.
    pub title: &'static str,
    /// Expected results.
    pub results: &'static [DemoResult],
}

const ILLUSTRATIVE: &str = "Cible illustrative (démo) : le document du projet ne la chiffre pas. / هدف توضيحي (تجريبي): وثيقة المشروع لا تحدد رقما.";

const fn computed(
    title: &'static str,
    unit: &'static str,
    target: i64,
    query: NamedQuery,
    note: &'static str,
) -> DemoIndicator {
    DemoIndicator {
        title,
        unit,
        target,
        query: Some(query),
        note,
        activity: None,
    }
}

const fn manual(
    title: &'static str,
    unit: &'static str,
    target: i64,
    activity: usize,
    note: &'static str,
) -> DemoIndicator {
    DemoIndicator {
        title,
        unit,
        target,
        query: None,
        note,
        activity: Some(activity),
    }
}

/// The seed project's framework.
pub const FRAMEWORK: &[DemoObjective] = &[
    DemoObjective {
        title: "Objectif 1 : une dynamique régionale qui réponde équitablement aux besoins des collectivités territoriales et des jeunes à Tanger, Larache et Al Hoceïma / الهدف الأول: خلق دينامية جهوية تراعي احتياجات الجماعات الترابية والشباب بطريقة عادلة في طنجة والعرائش والحسيمة",
        results: &[DemoResult {
            title: "Une plateforme multi-acteurs qui renforce la participation citoyenne existe / خلق أرضية متعددة الأطراف من أجل تعزيز المشاركة المواطنة",
            activities: &[
                "Trois rencontres de lancement : Larache, Tanger, Al Hoceïma / تنظيم ثلاث لقاءات للإعلان الرسمي عن المشروع بالعرائش وطنجة والحسيمة",
                "Cellule de coordination régionale et locale / تأسيس خلية التنسيق على المستوى الجهوي والمحلي",
                "Trois ateliers pour écrire le guide des expériences réussies / تنظيم 3 ورشات عمل لبلورة دليل التجارب الناجحة في مجال المشاركة المواطنة",
                "Trois formations (Larache, Tanger, Al Hoceïma) : stratégies de participation et plan de communication / تنظيم 3 دورات تكوينية حول تطوير استراتيجيات المشاركة المواطنة وخطة التواصل",
                "Adoption des stratégies de participation par les collectivités territoriales / المصادقة على استراتيجيات المشاركة المواطنة من طرف الجماعات الترابية",
            ],
            indicators: &[
                computed(
                    "Rencontres, ateliers et formations du programme tenus / اللقاءات والورشات والدورات المنجزة",
                    "événements / أنشطة",
                    19,
                    NamedQuery::EventsHeld,
                    "Cible : les 19 rencontres prévues par le document du projet (3 lancements, 3 ateliers du guide, 9 formations, journée OGP, atelier des indicateurs OGP, restitution de l'auto-évaluation, rencontre finale). / الهدف: 19 نشاطا مبرمجا في وثيقة المشروع.",
                ),
                computed(
                    "Personnes touchées par les activités / الأشخاص المستفيدون من الأنشطة",
                    "personnes / أشخاص",
                    400,
                    NamedQuery::PeopleReached,
                    ILLUSTRATIVE,
                ),
                manual(
                    "Cellule de coordination mise en place / خلية التنسيق المحدثة",
                    "cellule / خلية",
                    1,
                    1,
                    "Preuve : la liste des membres de la cellule. / الإثبات: لائحة أعضاء الخلية.",
                ),
                manual(
                    "Stratégies de participation adoptées par les collectivités / استراتيجيات المشاركة المواطنة المصادق عليها",
                    "stratégies / استراتيجيات",
                    3,
                    4,
                    "Cible : Larache, Tanger, Al Hoceïma. Preuve : la délibération du conseil. / الإثبات: مقرر المجلس.",
                ),
            ],
        }],
    },
    DemoObjective {
        title: "Objectif 2 : améliorer la qualité de la participation citoyenne et l'accès à l'information dans la planification territoriale / الهدف الثاني: تحسين جودة المشاركة المواطنة والحصول على المعلومات من خلال عملية التخطيط الترابي",
        results: &[DemoResult {
            title: "Les capacités des associations en participation citoyenne sont renforcées / تقوية قدرات الجمعيات في مجال المشاركة المواطنة",
            activities: &[
                "Trois formations sur les mécanismes de participation : cadre institutionnel et législatif, notes de politique publique, pétitions / تنظيم 3 دورات تكوينية حول آليات المشاركة المواطنة",
                "Trois formations sur la transparence financière par le budget participatif / تنظيم 3 دورات تكوينية حول الشفافية المالية من خلال الميزانية التشاركية",
                "Plan d'action pour mettre en œuvre les stratégies de participation / بلورة خطة عمل لتنفيذ استراتيجيات المشاركة المواطنة",
            ],
            indicators: &[
                computed(
                    "Sessions de formation tenues / الدورات التكوينية المنجزة",
                    "formations / دورات",
                    9,
                    NamedQuery::TrainingsHeld,
                    "Cible : les 9 cycles de formation du document du projet (stratégies, mécanismes, budget participatif ; 3 chacun). / الهدف: 9 دورات تكوينية.",
                ),
                computed(
                    "Personnes formées / الأشخاص المكونون",
                    "personnes / أشخاص",
                    180,
                    NamedQuery::PeopleTrained,
                    ILLUSTRATIVE,
                ),
                computed(
                    "Personnes formées, par sexe / الأشخاص المكونون حسب الجنس",
                    "personnes / أشخاص",
                    180,
                    NamedQuery::PeopleTrainedBySex,
                    ILLUSTRATIVE,
                ),
                computed(
                    "Associations formées / الجمعيات المستفيدة من التكوين",
                    "associations / جمعيات",
                    15,
                    NamedQuery::AssociationsTrained,
                    "Cible illustrative (démo). Compte les associations du registre dont un membre avec un compte a été émargé ; une personne sans compte ne peut pas être rattachée à une association. / هدف توضيحي.",
                ),
                manual(
                    "Plan d'action adopté / خطة العمل المعتمدة",
                    "plan / خطة",
                    1,
                    2,
                    "Preuve : le plan d'action validé. / الإثبات: خطة العمل المصادق عليها.",
                ),
            ],
        }],
    },
    DemoObjective {
        title: "Objectif 3 : institutionnaliser les bonnes pratiques de participation et montrer la contribution des associations au gouvernement ouvert (OGP) / الهدف الثالث: إضفاء الطابع المؤسسي على الممارسات الجيدة في مشاركة المواطنين وإبراز مساهمة جمعيات المجتمع المدني في تنفيذ شراكة الحكومة المنفتحة",
        results: &[
            DemoResult {
                title: "Les expériences réussies et les effets du projet sont capitalisés dans les indicateurs du gouvernement ouvert / تثمين التجارب الناجحة والآثار الناجحة للمشروع في إطار مؤشرات شراكة الحكومة المنفتحة",
                activities: &[
                    "Rencontre finale et stratégie de pérennisation / تنظيم اللقاء الختامي وتقديم استراتيجية ديمومة مخرجات المشروع",
                    "Évaluation du projet / تقييم المشروع",
                ],
                indicators: &[
                    manual(
                        "Guide des expériences réussies publié / دليل التجارب الناجحة المنشور",
                        "guide / دليل",
                        1,
                        0,
                        "Preuve : le guide publié. / الإثبات: الدليل المنشور.",
                    ),
                    manual(
                        "Évaluation du projet réalisée / تقييم المشروع المنجز",
                        "rapport / تقرير",
                        1,
                        1,
                        "Preuve : le rapport d'évaluation. / الإثبات: تقرير التقييم.",
                    ),
                ],
            },
            DemoResult {
                title: "Cinq projets de participation citoyenne développés et mis en œuvre sous la supervision du conseil régional, des collectivités et des associations / تطوير وتنزيل 5 مشاريع في مجال المشاركة المواطنة تحت إشراف مجلس الجهة والجماعات الترابية ومنظمات المجتمع المدني",
                activities: &[
                    "Journée de sensibilisation au gouvernement ouvert / تنظيم يوم تحسيسي حول شراكة الحكومة المنفتحة",
                    "Atelier sur les indicateurs des mesures et engagements OGP / تنظيم ورشة بلورة مؤشرات تنزيل إجراءات والتزامات الحكومة المنفتحة",
                    "Auto-évaluation des engagements OGP de la région / التقييم الذاتي لالتزامات الحكومة المنفتحة من طرف الجهة",
                    "Restitution de l'auto-évaluation à la société civile et plan d'amélioration / تقديم نتائج التقييم الذاتي للمجتمع المدني وبلورة خطة عمل",
                    "Rapport public sur les réalisations de la région en gouvernement ouvert / بلورة ونشر تقرير حول إنجازات الجهة في مجال الحكومة المنفتحة",
                ],
                indicators: &[
                    manual(
                        "Projets de participation citoyenne mis en œuvre / مشاريع المشاركة المواطنة المنجزة",
                        "projets / مشاريع",
                        5,
                        3,
                        "Cible : les 5 projets du document du projet. / الهدف: 5 مشاريع.",
                    ),
                    manual(
                        "Auto-évaluation des engagements OGP réalisée / التقييم الذاتي المنجز",
                        "auto-évaluation / تقييم",
                        1,
                        2,
                        "Preuve : le rapport d'auto-évaluation. / الإثبات: تقرير التقييم الذاتي.",
                    ),
                    manual(
                        "Rapport sur les réalisations OGP publié / التقرير المنشور حول إنجازات الحكومة المنفتحة",
                        "rapport / تقرير",
                        1,
                        4,
                        "Preuve : le rapport publié. / الإثبات: التقرير المنشور.",
                    ),
                    computed(
                        "Pétitions déposées auprès des conseils de la région / العرائض المودعة لدى مجالس الجهة",
                        "pétitions / عرائض",
                        6,
                        NamedQuery::PetitionsDeposited,
                        ILLUSTRATIVE,
                    ),
                    computed(
                        "Projets de budget participatif financés / مشاريع الميزانية التشاركية الممولة",
                        "projets / مشاريع",
                        5,
                        NamedQuery::PbProjectsFunded,
                        ILLUSTRATIVE,
                    ),
                ],
            },
        ],
    },
];

/// The fictitious evidence of the demo value (the coordination cell's members).
pub const CELL_EVIDENCE: &str = "organisation,role\nConseil de la région (démo),coordination\nCommune de Tanger (démo),membre\nCommune de Larache (démo),membre\nCommune d'Al Hoceïma (démo),membre\nAssociation Madinati (démo),membre\n";

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

/// Seeds the demo programme (idempotent).
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let db = &state.db;
    if store::programme_by_key(db, PROGRAMME).await?.is_some() {
        return Ok(());
    }
    let (Some(org), Some(ter)) = (
        id_by_code(state, "organisations", OWNER).await?,
        id_by_code(state, "territories", TERRITORY).await?,
    ) else {
        // The territory module's demo organisations are missing: nothing to attach to.
        return Ok(());
    };
    let t = now();
    let draft = ProgrammeDraft {
        key: PROGRAMME.into(),
        title: "Nousharik : appui à la participation citoyenne dans la région Tanger-Tétouan-Al Hoceïma (2023) / مشروع «نشارك» لدعم المشاركة المواطنة بجهة طنجة تطوان الحسيمة".into(),
        description: "Cadre de résultats du projet (document de février 2023) : objectifs, résultats attendus, activités et indicateurs. Données de démonstration. / الإطار المنطقي للمشروع. بيانات تجريبية.".into(),
        period: Period {
            from: date(2023, 1, 1),
            to: date(2023, 12, 31),
        },
    };
    let owner = Owner {
        organisation_id: org,
        territory_id: ter,
        demo: true,
    };
    let p = store::create_programme(db, owner, &draft, By::System, t).await?;
    for o in FRAMEWORK {
        let oid = store::add_node(db, p, Level::Objective, p, o.title, By::System).await?;
        for r in o.results {
            let rid = store::add_node(db, p, Level::Result, oid, r.title, By::System).await?;
            let mut acts = Vec::new();
            for a in r.activities {
                acts.push(store::add_node(db, p, Level::Activity, rid, a, By::System).await?);
            }
            for i in r.indicators {
                let d = IndicatorDraft {
                    title: i.title.into(),
                    unit: i.unit.into(),
                    baseline: 0,
                    target: i.target,
                    source: i.query.map_or(Source::Manual, Source::Computed),
                    note: i.note.into(),
                    activity: i.activity.and_then(|k| acts.get(k).copied()),
                };
                let id = store::add_indicator(db, p, rid, &d, By::System, t).await?;
                if i.title.starts_with("Cellule de coordination") {
                    seed_cell_value(state, p, id, t).await?;
                }
            }
        }
    }
    Ok(())
}

async fn seed_cell_value(state: &AppState, p: i64, ind: i64, t: i64) -> anyhow::Result<()> {
    let name = "cellule-coordination-demo.csv";
    let file_type = check_file(name, CELL_EVIDENCE.as_bytes())
        .map_err(|e| anyhow::anyhow!("demo evidence refused: {e:?}"))?;
    debug_assert_eq!(file_type, FileType::Csv);
    let v = ValueDraft {
        measured_on: date(2023, 3, 15),
        value: 1,
        note: "Valeur de démonstration : cellule installée après les rencontres de lancement. / قيمة تجريبية.".into(),
        evidence_url: None,
    };
    let file = EvidenceFile {
        name: name.into(),
        file_type,
        bytes: CELL_EVIDENCE.as_bytes().to_vec(),
    };
    store::add_value(&state.db, p, ind, &v, Some(&file), By::System, t).await?;
    Ok(())
}
