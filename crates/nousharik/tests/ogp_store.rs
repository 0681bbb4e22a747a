//! Store tests of the OGP module, each on SQLite and PostgreSQL: a plan with its forum,
//! linked meeting, commitments, milestones, indicators, updates with evidence, self-assessment
//! and reviews; refusals (closed plan, association not in the forum, duplicates); every change
//! in the audit log.

use jiff::civil::date;
use nousharik::ogp::model::evidence::check_file;
use nousharik::ogp::model::{
    CommitmentForm, Completion, IndicatorDraft, MilestoneDraft, MilestoneKind, MilestoneStatus,
    OgpValue, PlanForm, PlanStatus, Potential, Rating,
};
use nousharik::ogp::store::{self, NewEvidence, StoreError};
use nousharik::platform::audit;
use nousharik::platform::db::Db;
use nousharik::platform::ids::UserId;
use nousharik::store_test;
use sqlx::Row;

const NOW: i64 = 1_750_000_000;

struct Fixture {
    council: i64,
    member: i64,
    outsider: i64,
    staff: UserId,
    event: i64,
}

async fn insert_id(db: &Db, sql: &str, binds: &[&str]) -> i64 {
    let mut q = db.query(sql);
    for b in binds {
        q = q.bind(b.to_string());
    }
    q.fetch_one(db.pool()).await.unwrap().get(0)
}

async fn fixture(db: &Db) -> Fixture {
    let t = insert_id(
        db,
        "INSERT INTO territories (code, level, name_ar, name_fr, population, census_year, \
         source, created_at, updated_at) VALUES ('region-tta', 'region', 'جهة طنجة تطوان الحسيمة', \
         'Tanger-Tétouan-Al Hoceïma', 4030222, 2024, 'test', 0, 0) RETURNING id",
        &[],
    )
    .await;
    let org = |code: &'static str, kind: &'static str, ar: &'static str, fr: &'static str| {
        let t = t.to_string();
        async move {
            insert_id(
                db,
                "INSERT INTO organisations (code, kind, territory_id, name_ar, name_fr, created_at, \
                 updated_at) VALUES (?, ?, CAST(? AS BIGINT), ?, ?, 0, 0) RETURNING id",
                &[code, kind, &t, ar, fr],
            )
            .await
        }
    };
    let council = org(
        "council-region",
        "council",
        "مجلس الجهة",
        "Conseil régional",
    )
    .await;
    let member = org("assoc-a", "association", "جمعية أ", "Association A").await;
    let outsider = org("assoc-b", "association", "جمعية ب", "Association B").await;
    let staff = insert_id(
        db,
        "INSERT INTO users (email, display_name, language, email_confirmed_at, created_at) \
         VALUES ('staff@example.org', 'Staff', 'ar', 0, 0) RETURNING id",
        &[],
    )
    .await;
    let event = insert_id(
        db,
        &format!(
            "INSERT INTO events (organiser_id, territory_id, kind, title, description, agenda, \
             speakers, starts_at, ends_at, mode, address, waitlist_capacity, policy, \
             registration_closes_at, questions, certificate_enabled, \
             certificate_requires_post_test, certificate_min_score, status, created_at, updated_at) \
             VALUES ({council}, {t}, 'workshop', 'Atelier de co-création', '', '', '', {NOW}, {NOW}, \
             'in_person', 'Tanger', 0, 'open', {NOW}, '[]', 0, 0, 0, 'scheduled', 0, 0) RETURNING id"
        ),
        &[],
    )
    .await;
    Fixture {
        council,
        member,
        outsider,
        staff: UserId(staff),
        event,
    }
}

fn plan_form() -> PlanForm {
    PlanForm {
        title: "Plan d'action OGP Local 2025–2026".into(),
        starts_on: "2025-01-01".into(),
        ends_on: "2026-12-31".into(),
        co_creation: "Trois ateliers, une consultation en ligne".into(),
        participants: "140".into(),
        contributions: "63".into(),
    }
}

fn commitment_form(code: &str, values: &[&str]) -> CommitmentForm {
    CommitmentForm {
        code: code.into(),
        title: format!("Engagement {code}"),
        problem: "Problème".into(),
        status_quo: "Situation".into(),
        action: "Action".into(),
        how_it_solves: "Solution".into(),
        values: values.iter().map(|v| v.to_string()).collect(),
        lead_institution: "Conseil régional".into(),
        supporting_institutions: "Associations du forum".into(),
        starts_on: "2025-01-01".into(),
        ends_on: "2026-06-30".into(),
    }
}

fn rating(c: Completion, p: Potential) -> Rating {
    Rating {
        completion: c,
        potential: p,
        relevant_values: vec![OgpValue::AccessToInformation],
        narrative: "Récit".into(),
        evidence_link: Some("https://example.org/rapport".into()),
    }
}

async fn audit_actions(db: &Db) -> Vec<String> {
    db.query_scalar("SELECT action FROM audit_log WHERE action LIKE 'ogp.%' ORDER BY id")
        .fetch_all(db.pool())
        .await
        .unwrap()
}

store_test!(
    async fn a_plan_is_built_assessed_and_reviewed(db: Db) {
        let f = fixture(&db).await;
        let by = Some(f.staff);
        let plan = store::create_plan(
            &db,
            f.council,
            &plan_form().parse().unwrap(),
            false,
            by,
            NOW,
        )
        .await
        .unwrap();
        store::add_forum_member(&db, plan, f.member, by, NOW)
            .await
            .unwrap();
        assert!(matches!(
            store::add_forum_member(&db, plan, f.member, by, NOW).await,
            Err(StoreError::Duplicate)
        ));
        assert!(matches!(
            store::add_forum_member(&db, plan, f.council, by, NOW).await,
            Err(StoreError::NotAnAssociation)
        ));
        store::link_event(&db, plan, f.event, by, NOW)
            .await
            .unwrap();
        let events = store::plan_events(&db, plan).await.unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].title, "Atelier de co-création");

        let c1 = store::create_commitment(
            &db,
            plan,
            &commitment_form(
                "TTA-01",
                &["access_to_information", "public_accountability"],
            )
            .parse()
            .unwrap(),
            by,
            NOW,
        )
        .await
        .unwrap();
        let dup = store::create_commitment(
            &db,
            plan,
            &commitment_form("TTA-01", &["civic_participation"])
                .parse()
                .unwrap(),
            by,
            NOW,
        )
        .await;
        assert!(matches!(dup, Err(StoreError::Duplicate)));
        let c = store::commitment(&db, c1).await.unwrap().unwrap();
        assert_eq!(
            c.draft.values,
            vec![
                OgpValue::AccessToInformation,
                OgpValue::PublicAccountability
            ]
        );
        assert_eq!(c.draft.starts_on, date(2025, 1, 1));
        assert_eq!(c.last_update_at, None);

        // Milestone and improvement action, then completion.
        let m = store::add_milestone(
            &db,
            c1,
            &MilestoneDraft::parse(
                MilestoneKind::Milestone,
                "Portail en ligne",
                "Service informatique",
                "2025-01-01",
                "2025-06-30",
            )
            .unwrap(),
            by,
            NOW,
        )
        .await
        .unwrap();
        store::add_milestone(
            &db,
            c1,
            &MilestoneDraft::parse(
                MilestoneKind::Improvement,
                "Publier les données brutes",
                "Direction des finances",
                "2025-07-01",
                "2025-12-31",
            )
            .unwrap(),
            by,
            NOW,
        )
        .await
        .unwrap();
        store::set_milestone_status(
            &db,
            m,
            MilestoneStatus::Completed,
            Some(date(2025, 6, 20)),
            by,
            NOW,
        )
        .await
        .unwrap();
        let ms = store::milestones(&db, c1).await.unwrap();
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0].status, MilestoneStatus::Completed);
        assert_eq!(ms[0].completed_on, Some(date(2025, 6, 20)));
        assert_eq!(ms[1].draft.kind, MilestoneKind::Improvement);
        assert_eq!(store::plan_milestones(&db, plan).await.unwrap().len(), 2);

        // Indicator with two values over time.
        let i = store::add_indicator(
            &db,
            c1,
            &IndicatorDraft::parse("Jeux de données", "jeux", "0", "25", "Portail").unwrap(),
            by,
            NOW,
        )
        .await
        .unwrap();
        store::add_indicator_value(&db, i, date(2025, 12, 31), 12.5, by, NOW)
            .await
            .unwrap();
        store::add_indicator_value(&db, i, date(2025, 6, 30), 4.0, by, NOW)
            .await
            .unwrap();
        let ind = store::indicators(&db, c1).await.unwrap();
        assert_eq!(ind[0].draft.target, 25.0);
        assert_eq!(
            ind[0].values,
            vec![(date(2025, 6, 30), 4.0), (date(2025, 12, 31), 12.5)]
        );

        // Update with a file and a link.
        let pdf = b"%PDF-1.4 rapport".to_vec();
        let checked = check_file("rapport.pdf", &pdf).unwrap();
        store::add_update(
            &db,
            c1,
            "Portail ouvert en juin",
            &[
                NewEvidence::File(checked, pdf.clone()),
                NewEvidence::Link("https://data.example.org/".into()),
            ],
            by,
            NOW + 10,
        )
        .await
        .unwrap();
        let ups = store::updates(&db, c1).await.unwrap();
        assert_eq!(ups.len(), 1);
        assert_eq!(ups[0].author.as_deref(), Some("Staff"));
        assert_eq!(ups[0].evidence.len(), 2);
        let file_id = ups[0]
            .evidence
            .iter()
            .find(|e| e.file_name.is_some())
            .unwrap()
            .id;
        let link_id = ups[0]
            .evidence
            .iter()
            .find(|e| e.link.is_some())
            .unwrap()
            .id;
        let (name, ctype, bytes) = store::evidence_file(&db, file_id).await.unwrap().unwrap();
        assert_eq!(
            (name.as_str(), ctype.as_str()),
            ("rapport.pdf", "application/pdf")
        );
        assert_eq!(bytes, pdf);
        assert!(store::evidence_file(&db, link_id).await.unwrap().is_none());
        assert_eq!(
            store::commitment(&db, c1)
                .await
                .unwrap()
                .unwrap()
                .last_update_at,
            Some(NOW + 10)
        );

        // Self-assessment, then reviews: a member may, an outsider may not.
        store::record_assessment(
            &db,
            c1,
            &rating(Completion::Limited, Potential::Modest),
            by,
            NOW,
        )
        .await
        .unwrap();
        store::record_assessment(
            &db,
            c1,
            &rating(Completion::Substantial, Potential::Modest),
            by,
            NOW + 1,
        )
        .await
        .unwrap();
        let a = store::latest_assessment(&db, c1).await.unwrap().unwrap();
        assert_eq!(a.rating.completion, Completion::Substantial);
        assert_eq!(
            a.rating.evidence_link.as_deref(),
            Some("https://example.org/rapport")
        );
        store::record_review(
            &db,
            c1,
            f.member,
            &rating(Completion::Limited, Potential::Unclear),
            by,
            NOW,
        )
        .await
        .unwrap();
        store::record_review(
            &db,
            c1,
            f.member,
            &rating(Completion::Limited, Potential::Modest),
            by,
            NOW + 2,
        )
        .await
        .unwrap();
        let refused = store::record_review(
            &db,
            c1,
            f.outsider,
            &rating(Completion::Complete, Potential::Substantial),
            by,
            NOW,
        )
        .await;
        assert!(matches!(refused, Err(StoreError::NotInForum)));
        let reviews = store::latest_reviews(&db, c1).await.unwrap();
        assert_eq!(reviews.len(), 1, "the latest review per association");
        assert_eq!(reviews[0].rating.potential, Potential::Modest);
        assert_eq!(reviews[0].association.as_ref().unwrap().2, "Association A");

        assert_eq!(
            audit_actions(&db).await,
            [
                "ogp.plan_create",
                "ogp.forum_add",
                "ogp.event_link",
                "ogp.commitment_create",
                "ogp.milestone_add",
                "ogp.milestone_add",
                "ogp.milestone_status",
                "ogp.indicator_add",
                "ogp.indicator_value",
                "ogp.indicator_value",
                "ogp.update",
                "ogp.assessment",
                "ogp.assessment",
                "ogp.review",
                "ogp.review",
            ]
        );
        audit::verify(&db).await.unwrap();
    }
);

store_test!(
    async fn a_closed_plan_refuses_every_change(db: Db) {
        let f = fixture(&db).await;
        let by = Some(f.staff);
        let plan = store::create_plan(
            &db,
            f.council,
            &plan_form().parse().unwrap(),
            false,
            by,
            NOW,
        )
        .await
        .unwrap();
        store::add_forum_member(&db, plan, f.member, by, NOW)
            .await
            .unwrap();
        let c = store::create_commitment(
            &db,
            plan,
            &commitment_form("TTA-02", &["civic_participation"])
                .parse()
                .unwrap(),
            by,
            NOW,
        )
        .await
        .unwrap();
        let m = store::add_milestone(
            &db,
            c,
            &MilestoneDraft::parse(
                MilestoneKind::Milestone,
                "M",
                "R",
                "2025-01-01",
                "2025-02-01",
            )
            .unwrap(),
            by,
            NOW,
        )
        .await
        .unwrap();
        store::close_plan(&db, plan, by, NOW).await.unwrap();
        assert_eq!(
            store::plan(&db, plan).await.unwrap().unwrap().status,
            PlanStatus::Closed
        );
        let before = audit_actions(&db).await.len();
        let closed = |r: Result<i64, StoreError>| matches!(r, Err(StoreError::PlanClosed));
        assert!(closed(
            store::add_update(&db, c, "Trop tard", &[], by, NOW).await
        ));
        assert!(closed(
            store::record_assessment(
                &db,
                c,
                &rating(Completion::Complete, Potential::Modest),
                by,
                NOW
            )
            .await
        ));
        assert!(closed(
            store::record_review(
                &db,
                c,
                f.member,
                &rating(Completion::Limited, Potential::Modest),
                by,
                NOW
            )
            .await
        ));
        assert!(closed(
            store::create_commitment(
                &db,
                plan,
                &commitment_form("TTA-03", &["civic_participation"])
                    .parse()
                    .unwrap(),
                by,
                NOW
            )
            .await
        ));
        assert!(closed(
            store::set_milestone_status(&db, m, MilestoneStatus::Completed, None, by, NOW).await
        ));
        assert!(matches!(
            store::add_forum_member(&db, plan, f.outsider, by, NOW).await,
            Err(StoreError::PlanClosed)
        ));
        assert!(matches!(
            store::close_plan(&db, plan, by, NOW).await,
            Err(StoreError::PlanClosed)
        ));
        assert!(store::updates(&db, c).await.unwrap().is_empty());
        assert_eq!(audit_actions(&db).await.len(), before, "nothing recorded");
        assert!(matches!(
            store::add_update(&db, 999_999, "x", &[], by, NOW).await,
            Err(StoreError::NotFound)
        ));
    }
);

store_test!(
    async fn corrections_are_audited_with_old_and_new_values_and_refused_once_closed(db: Db) {
        let f = fixture(&db).await;
        let by = Some(f.staff);
        let plan = store::create_plan(
            &db,
            f.council,
            &plan_form().parse().unwrap(),
            false,
            by,
            NOW,
        )
        .await
        .unwrap();
        let new = |code: &str| {
            commitment_form(code, &["civic_participation"])
                .parse()
                .unwrap()
        };
        let c = store::create_commitment(&db, plan, &new("TTA-01"), by, NOW)
            .await
            .unwrap();
        store::create_commitment(&db, plan, &new("TTA-02"), by, NOW)
            .await
            .unwrap();
        let milestone = |title: &str, due: &str| {
            MilestoneDraft::parse(MilestoneKind::Milestone, title, "DSI", "2025-01-01", due)
                .unwrap()
        };
        let m = store::add_milestone(
            &db,
            c,
            &milestone("Portail en ligne", "2025-06-30"),
            by,
            NOW,
        )
        .await
        .unwrap();
        let indicator = |target: &str| {
            IndicatorDraft::parse("Jeux de données", "jeux", "0", target, "Portail").unwrap()
        };
        let i = store::add_indicator(&db, c, &indicator("40"), by, NOW)
            .await
            .unwrap();
        store::add_indicator_value(&db, i, date(2025, 6, 30), 12.0, by, NOW)
            .await
            .unwrap();

        // The commitment: a taken identifier is a duplicate; a real correction is stored and
        // audited with the changed fields only; the same values again write nothing.
        let mut d = new("TTA-02");
        assert!(matches!(
            store::update_commitment(&db, c, &d, by, NOW + 1).await,
            Err(StoreError::Duplicate)
        ));
        d.code = "TTA-01".into();
        d.title = "Portail régional (corrigé)".into();
        d.values = vec![OgpValue::AccessToInformation, OgpValue::CivicParticipation];
        assert_eq!(
            store::update_commitment(&db, c, &d, by, NOW + 1)
                .await
                .unwrap(),
            plan
        );
        let stored = store::commitment(&db, c).await.unwrap().unwrap();
        assert_eq!(stored.draft, d);
        let before = audit_actions(&db).await.len();
        store::update_commitment(&db, c, &d, by, NOW + 2)
            .await
            .unwrap();
        assert_eq!(
            audit_actions(&db).await.len(),
            before,
            "no change, no entry"
        );

        // The milestone: dates, responsible and status; a completion date only when completed.
        let mut md = milestone("Portail en ligne", "2025-09-30");
        md.responsible = "Direction du numérique".into();
        assert_eq!(
            store::update_milestone(
                &db,
                m,
                &md,
                MilestoneStatus::InProgress,
                Some(date(2025, 9, 1)),
                by,
                NOW
            )
            .await
            .unwrap(),
            c
        );
        let got = store::milestone(&db, m).await.unwrap().unwrap();
        assert_eq!(got.draft, md);
        assert_eq!(got.status, MilestoneStatus::InProgress);
        assert_eq!(got.completed_on, None);
        store::update_milestone(
            &db,
            m,
            &md,
            MilestoneStatus::Completed,
            Some(date(2025, 9, 1)),
            by,
            NOW,
        )
        .await
        .unwrap();
        let got = store::milestone(&db, m).await.unwrap().unwrap();
        assert_eq!(got.completed_on, Some(date(2025, 9, 1)));

        // The indicator: its definition changes, its measured values stay.
        assert_eq!(
            store::update_indicator(&db, i, &indicator("60"), by)
                .await
                .unwrap(),
            c
        );
        let all = store::indicators(&db, c).await.unwrap();
        assert_eq!(all[0].draft.target, 60.0);
        assert_eq!(all[0].values, vec![(date(2025, 6, 30), 12.0)]);

        let details: Vec<String> = db
            .query_scalar(
                "SELECT details FROM audit_log WHERE action LIKE 'ogp.%_edit' ORDER BY id",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
        let details: Vec<serde_json::Value> = details
            .iter()
            .map(|d| serde_json::from_str(d).unwrap())
            .collect();
        assert_eq!(details.len(), 4, "{details:?}");
        assert_eq!(
            details[0]["changes"],
            serde_json::json!({
                "title": ["Engagement TTA-01", "Portail régional (corrigé)"],
                "values": ["civic_participation", "access_to_information,civic_participation"],
            })
        );
        assert_eq!(
            details[1]["changes"]["responsible"],
            serde_json::json!(["DSI", "Direction du numérique"])
        );
        assert_eq!(
            details[1]["changes"]["due_on"],
            serde_json::json!(["2025-06-30", "2025-09-30"])
        );
        assert_eq!(
            details[2]["changes"],
            serde_json::json!({
                "status": ["in_progress", "completed"],
                "completed_on": ["", "2025-09-01"],
            })
        );
        assert_eq!(
            details[3]["changes"],
            serde_json::json!({ "target": ["40", "60"] })
        );

        // Closed: every correction is refused and nothing is recorded.
        store::close_plan(&db, plan, by, NOW).await.unwrap();
        let before = audit_actions(&db).await.len();
        d.title = "Trop tard".into();
        assert!(matches!(
            store::update_commitment(&db, c, &d, by, NOW).await,
            Err(StoreError::PlanClosed)
        ));
        assert!(matches!(
            store::update_milestone(&db, m, &md, MilestoneStatus::NotStarted, None, by, NOW).await,
            Err(StoreError::PlanClosed)
        ));
        assert!(matches!(
            store::update_indicator(&db, i, &indicator("99"), by).await,
            Err(StoreError::PlanClosed)
        ));
        assert_eq!(audit_actions(&db).await.len(), before);
        assert_eq!(
            store::commitment(&db, c)
                .await
                .unwrap()
                .unwrap()
                .draft
                .title,
            "Portail régional (corrigé)"
        );
        assert!(matches!(
            store::update_milestone(
                &db,
                999_999,
                &md,
                MilestoneStatus::NotStarted,
                None,
                by,
                NOW
            )
            .await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store::update_indicator(&db, 999_999, &indicator("1"), by).await,
            Err(StoreError::NotFound)
        ));
        audit::verify(&db).await.unwrap();
    }
);
