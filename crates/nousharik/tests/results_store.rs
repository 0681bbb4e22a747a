//! Store tests of the results framework, on SQLite and PostgreSQL: building a framework (and
//! its audit trail), refusals (duplicate key, a node of another programme, a value for a
//! computed indicator), and every named query — on the demo data, checked against numbers
//! computed here independently from the meetings demo's table and from the raw tables, and on
//! data made for the purpose (territory, period and "has ended" limits; an association
//! trained; petitions; participatory-budget projects and ballots).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::date;
use nousharik::meetings::demo::{EVENTS, PROGRAMME, demo_actor};
use nousharik::meetings::model::EventKind;
use nousharik::platform::audit::Actor as By;
use nousharik::platform::db::Db;
use nousharik::platform::testing;
use nousharik::results::model::{
    IndicatorDraft, Measure, NamedQuery, Period, ProgrammeDraft, Source, ValueDraft,
};
use nousharik::results::store::{self, Level, Owner, Scope, StoreError};
use nousharik::store_test;
use sqlx::Row;

async fn demo(db: &Db) {
    let dir = testing::temp_dir("nk-results");
    let state = testing::test_state(db.clone(), &dir);
    nousharik::territory::store::seed_reference(db)
        .await
        .unwrap();
    nousharik::demo::seed(&state).await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
}

async fn id_of(db: &Db, table: &str, code: &str) -> i64 {
    db.query_scalar(&format!("SELECT id FROM {table} WHERE code = ?"))
        .bind(code.to_string())
        .fetch_one(db.pool())
        .await
        .unwrap()
}

fn period(from: (i16, i8, i8), to: (i16, i8, i8)) -> Period {
    Period {
        from: date(from.0, from.1, from.2),
        to: date(to.0, to.1, to.2),
    }
}

/// One named query's figure in a scope.
async fn value(db: &Db, q: NamedQuery, s: &Scope) -> i64 {
    store::compute(db, q, s).await.unwrap().value
}

async fn scope(db: &Db, territory: &str, key: &str, p: Period) -> Scope {
    Scope {
        key: key.into(),
        territory_id: id_of(db, "territories", territory).await,
        period: p,
        now: nousharik::platform::now(),
    }
}

fn count(m: &Measure, cat: &str) -> i64 {
    m.breakdown
        .iter()
        .find(|(c, _)| c == cat)
        .map_or_else(|| panic!("no category {cat} in {m:?}"), |(_, n)| *n)
}

/// One check-in as read back from the raw tables.
struct Att {
    kind: String,
    person: (bool, i64),
    sex: Option<String>,
    actor: Option<String>,
    at: i64,
}

async fn attendances(db: &Db) -> Vec<Att> {
    let rows = db
        .query(
            "SELECT e.kind, e.programme, r.id, r.user_id, r.sex, r.actor_type, r.checked_in_at \
             FROM registrations r, events e WHERE e.id = r.event_id",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
    rows.iter()
        .filter(|r| {
            r.try_get::<Option<String>, _>("programme")
                .unwrap()
                .as_deref()
                == Some(PROGRAMME)
        })
        .filter_map(|r| {
            let at: Option<i64> = r.try_get("checked_in_at").unwrap();
            let user: Option<i64> = r.try_get("user_id").unwrap();
            let id: i64 = r.try_get("id").unwrap();
            Some(Att {
                kind: r.try_get("kind").unwrap(),
                person: user.map_or((false, id), |u| (true, u)),
                sex: r.try_get("sex").unwrap(),
                actor: r.try_get("actor_type").unwrap(),
                at: at?,
            })
        })
        .collect()
}

/// (account?, id) → (latest known sex, latest known actor type).
type People = BTreeMap<(bool, i64), (Option<String>, Option<String>)>;

/// Unique people and their latest known sex / actor type, from the raw check-ins.
fn people(atts: &[&Att]) -> People {
    let mut sorted: Vec<&&Att> = atts.iter().collect();
    sorted.sort_by_key(|a| a.at);
    let mut out: People = BTreeMap::new();
    for a in sorted {
        let e = out.entry(a.person).or_default();
        if a.sex.is_some() {
            e.0 = a.sex.clone();
        }
        if a.actor.is_some() {
            e.1 = a.actor.clone();
        }
    }
    out
}

store_test!(
    async fn computed_indicators_match_the_demo_programme(db: Db) {
        demo(&db).await;
        let p = store::programme_by_key(&db, PROGRAMME)
            .await
            .unwrap()
            .expect("demo programme");
        let s = Scope::of(&p, nousharik::platform::now());

        // From the meetings demo's own table (its source), independently of any SQL.
        let trainings: Vec<_> = EVENTS
            .iter()
            .filter(|e| e.kind == EventKind::TrainingSession)
            .collect();
        let walk_ins_trained: usize = trainings.iter().map(|e| e.women + e.men).sum();
        let accounts_trained: BTreeSet<&str> = trainings
            .iter()
            .flat_map(|e| e.accounts.iter().copied())
            .collect();
        let walk_ins_reached: usize = EVENTS.iter().map(|e| e.women + e.men).sum();
        let accounts_reached: BTreeSet<&str> = EVENTS
            .iter()
            .flat_map(|e| e.accounts.iter().copied())
            .collect();
        assert_eq!(trainings.len(), 3);
        assert_eq!(walk_ins_trained, 72);

        let m = store::compute(&db, NamedQuery::TrainingsHeld, &s)
            .await
            .unwrap();
        assert_eq!(m.value, trainings.len() as i64);
        let m = store::compute(&db, NamedQuery::EventsHeld, &s)
            .await
            .unwrap();
        assert_eq!(m.value, EVENTS.len() as i64);
        for kind in EventKind::ALL {
            let expected = EVENTS.iter().filter(|e| e.kind == *kind).count() as i64;
            assert_eq!(count(&m, kind.code()), expected, "{kind:?}");
        }
        let trained = store::compute(&db, NamedQuery::PeopleTrained, &s)
            .await
            .unwrap();
        assert_eq!(
            trained.value,
            (walk_ins_trained + accounts_trained.len()) as i64
        );
        let reached = store::compute(&db, NamedQuery::PeopleReached, &s)
            .await
            .unwrap();
        assert_eq!(
            reached.value,
            (walk_ins_reached + accounts_reached.len()) as i64
        );

        // Sex and actor type: the walk-ins' from the demo table, the accounts' from the raw
        // check-ins (the latest known value of each person).
        let atts = attendances(&db).await;
        let training_atts: Vec<&Att> = atts
            .iter()
            .filter(|a| a.kind == "training_session")
            .collect();
        let all_atts: Vec<&Att> = atts.iter().collect();
        let trained_people = people(&training_atts);
        let reached_people = people(&all_atts);
        assert_eq!(trained_people.len() as i64, trained.value);
        assert_eq!(reached_people.len() as i64, reached.value);
        let accounts_of = |ps: &People, sex: &str| {
            ps.iter()
                .filter(|((account, _), (s, _))| *account && s.as_deref() == Some(sex))
                .count()
        };
        let women_trained: usize = trainings.iter().map(|e| e.women).sum::<usize>()
            + accounts_of(&trained_people, "female");
        let men_trained: usize =
            trainings.iter().map(|e| e.men).sum::<usize>() + accounts_of(&trained_people, "male");
        let by_sex = store::compute(&db, NamedQuery::PeopleTrainedBySex, &s)
            .await
            .unwrap();
        assert_eq!(by_sex.value, trained.value);
        assert_eq!(count(&by_sex, "female"), women_trained as i64);
        assert_eq!(count(&by_sex, "male"), men_trained as i64);
        assert_eq!(by_sex.unknown(), 0, "every demo attendance has a sex");
        let women_reached: usize =
            EVENTS.iter().map(|e| e.women).sum::<usize>() + accounts_of(&reached_people, "female");
        assert_eq!(count(&reached, "female"), women_reached as i64);
        assert_eq!(
            count(&reached, "female") + count(&reached, "male"),
            reached.value
        );
        // Actor types: walk-in i of each training has demo_actor(i); accounts as recorded.
        let mut actors: BTreeMap<&str, i64> = BTreeMap::new();
        for e in &trainings {
            for i in 0..e.women + e.men {
                *actors.entry(demo_actor(i).code()).or_default() += 1;
            }
        }
        for ((account, _), (_, actor)) in &trained_people {
            if *account {
                *actors.entry(actor.as_deref().unwrap()).or_default() += 1;
            }
        }
        for (code, n) in &actors {
            assert_eq!(count(&trained, code), *n, "{code}");
        }
        // Associations: no account holder who belongs to an association came to a training.
        let members: Vec<i64> = db
            .query_scalar(
                "SELECT m.user_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
                 WHERE o.kind = 'association'",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
        let trained_members = trained_people
            .keys()
            .filter(|(account, id)| *account && members.contains(id))
            .count();
        let m = store::compute(&db, NamedQuery::AssociationsTrained, &s)
            .await
            .unwrap();
        assert_eq!(m.value, trained_members as i64);
        assert_eq!(m.value, 0);

        // The framework: three objectives, four expected results, the demo value.
        let f = store::framework(&db, p.id).await.unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!(f.iter().map(|o| o.results.len()).sum::<usize>(), 4);
        let values = store::values(&db, p.id).await.unwrap();
        assert_eq!(values.len(), 1);
        assert_eq!(
            values[0].evidence_name.as_deref(),
            Some("cellule-coordination-demo.csv")
        );
        let (_, ty, bytes) = store::evidence(&db, p.id, values[0].id)
            .await
            .unwrap()
            .unwrap();
        assert!(ty.starts_with("text/csv"));
        assert_eq!(bytes, nousharik::results::demo::CELL_EVIDENCE.as_bytes());
        // Seeding again adds nothing.
        demo(&db).await;
        assert_eq!(store::programmes(&db).await.unwrap().len(), 1);
    }
);

store_test!(
    async fn scope_limits_territory_period_and_what_has_ended(db: Db) {
        demo(&db).await;
        let year = period((2023, 1, 1), (2023, 12, 31));
        // Only Tangier: its launch meeting, workshop 1 and training.
        let s = scope(&db, "commune-tanger", PROGRAMME, year).await;
        let m = store::compute(&db, NamedQuery::EventsHeld, &s)
            .await
            .unwrap();
        assert_eq!(m.value, 3);
        let m = store::compute(&db, NamedQuery::TrainingsHeld, &s)
            .await
            .unwrap();
        assert_eq!(m.value, 1);
        let tangier = EVENTS
            .iter()
            .find(|e| e.kind == EventKind::TrainingSession && e.territory == "commune-tanger")
            .unwrap();
        let m = store::compute(&db, NamedQuery::PeopleTrained, &s)
            .await
            .unwrap();
        assert_eq!(
            m.value,
            (tangier.women + tangier.men + tangier.accounts.len()) as i64
        );
        // Only the first half of June: the Larache training (13–15 June).
        let s = scope(
            &db,
            "region-tanger-tetouan-al-hoceima",
            PROGRAMME,
            period((2023, 6, 1), (2023, 6, 15)),
        )
        .await;
        let m = store::compute(&db, NamedQuery::TrainingsHeld, &s)
            .await
            .unwrap();
        assert_eq!(m.value, 1);
        // Another key counts nothing.
        let s = scope(
            &db,
            "region-tanger-tetouan-al-hoceima",
            "Autre programme",
            year,
        )
        .await;
        let m = store::compute(&db, NamedQuery::EventsHeld, &s)
            .await
            .unwrap();
        assert_eq!(
            m,
            Measure {
                value: 0,
                breakdown: m.breakdown.clone()
            }
        );
        assert!(m.breakdown.iter().all(|(_, n)| *n == 0));
        // Seen from 20 June 2023 (Larache's training over, Tangier's just starting): one held.
        let mut s = scope(&db, "region-tanger-tetouan-al-hoceima", PROGRAMME, year).await;
        s.now = 1_687_244_400; // 2023-06-20T07:00:00Z
        let m = store::compute(&db, NamedQuery::TrainingsHeld, &s)
            .await
            .unwrap();
        assert_eq!(m.value, 1);
    }
);

store_test!(
    async fn an_association_member_trained_counts_their_association(db: Db) {
        use nousharik::accounts::model::Sex;
        use nousharik::meetings::model::attendance::{ActorType, Profile};
        use nousharik::meetings::model::{
            CertificateCriteria, EventDraft, Mode, RegistrationPolicy,
        };
        use nousharik::meetings::store::{Identify, NewRegistration, Placement};
        use nousharik::platform::ids::UserId;
        demo(&db).await;
        let org = id_of(&db, "organisations", "council-larache").await;
        let ter = id_of(&db, "territories", "commune-larache").await;
        let starts_at = 1_700_000_000; // November 2023
        let draft = EventDraft {
            kind: EventKind::TrainingSession,
            title: "Formation PB".into(),
            description: String::new(),
            agenda: String::new(),
            speakers: String::new(),
            programme: Some("Test 2023".into()),
            starts_at,
            ends_at: starts_at + 3600,
            mode: Mode::InPerson {
                address: "Salle".into(),
            },
            capacity: Some(10),
            waitlist_capacity: 0,
            policy: RegistrationPolicy::Open,
            registration_closes_at: starts_at - 86_400,
            questions: Vec::new(),
            certificate: CertificateCriteria {
                enabled: false,
                requires_post_test: false,
                min_post_score_percent: 0,
            },
        }
        .validate()
        .unwrap();
        let place = Placement {
            organiser_id: org,
            territory_id: ter,
            demo: false,
        };
        let event = nousharik::meetings::store::create_event(
            &db,
            place,
            &draft,
            None,
            starts_at - 30 * 86_400,
        )
        .await
        .unwrap();
        let member: i64 = db
            .query_scalar("SELECT id FROM users WHERE email = 'association@demo.nousharik.ma'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        let admin: i64 = db
            .query_scalar("SELECT id FROM users WHERE is_admin = 1 ORDER BY id LIMIT 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
        let new = NewRegistration {
            user: UserId(member),
            name: "Association".into(),
            answers: Vec::new(),
            profile: Profile {
                sex: Some(Sex::Female),
                age_group: None,
                actor_type: Some(ActorType::Association),
            },
        };
        let r = nousharik::meetings::store::register(&db, event, &new, starts_at - 7 * 86_400)
            .await
            .unwrap();
        nousharik::meetings::store::check_in(
            &db,
            event,
            &Identify::Registration(r.id),
            Profile::default(),
            UserId(admin),
            starts_at + 60,
        )
        .await
        .unwrap();
        // A walk-in without account and without sex: a person of unknown sex, no association.
        nousharik::meetings::store::walk_in(
            &db,
            event,
            "Sans compte",
            None,
            Profile::default(),
            UserId(admin),
            starts_at + 60,
        )
        .await
        .unwrap();
        let s = scope(
            &db,
            "region-tanger-tetouan-al-hoceima",
            "Test 2023",
            period((2023, 1, 1), (2023, 12, 31)),
        )
        .await;
        let m = store::compute(&db, NamedQuery::AssociationsTrained, &s)
            .await
            .unwrap();
        assert_eq!(m.value, 1);
        let m = store::compute(&db, NamedQuery::PeopleTrainedBySex, &s)
            .await
            .unwrap();
        assert_eq!(
            (m.value, count(&m, "female"), count(&m, "male"), m.unknown()),
            (2, 1, 0, 1)
        );
        let m = store::compute(&db, NamedQuery::PeopleTrained, &s)
            .await
            .unwrap();
        assert_eq!((count(&m, "association"), m.unknown()), (1, 1));
    }
);

store_test!(
    async fn petitions_and_participatory_budgets_are_counted_in_scope(db: Db) {
        demo(&db).await;
        let wide = period((2000, 1, 1), (2099, 12, 31));
        let region = "region-tanger-tetouan-al-hoceima";
        let s = scope(&db, region, "", wide).await;
        // Expected from the raw rows, filtered here: deposited petitions of the region's
        // territories (national dossiers have none).
        let region_ids = nousharik::territory::store::subtree_ids(&db, s.territory_id)
            .await
            .unwrap();
        let rows = db
            .query("SELECT id, kind, territory_id, deposited_at FROM petitions")
            .fetch_all(db.pool())
            .await
            .unwrap();
        let mut deposited: BTreeMap<String, i64> = BTreeMap::new();
        let mut deposited_ids = Vec::new();
        for r in &rows {
            let t: Option<i64> = r.try_get("territory_id").unwrap();
            let at: Option<i64> = r.try_get("deposited_at").unwrap();
            if at.is_some() && t.is_some_and(|t| region_ids.contains(&t)) {
                *deposited.entry(r.try_get("kind").unwrap()).or_default() += 1;
                deposited_ids.push(r.try_get::<i64, _>("id").unwrap());
            }
        }
        let m = store::compute(&db, NamedQuery::PetitionsDeposited, &s)
            .await
            .unwrap();
        assert_eq!(m.value, deposited.values().sum::<i64>());
        assert!(m.value > 0, "the petitions demo deposits some");
        for (kind, n) in &deposited {
            assert_eq!(count(&m, kind), *n);
        }
        let admissible: Vec<i64> = db
            .query_scalar(
                "SELECT DISTINCT petition_id FROM petition_events WHERE to_state = 'admissible'",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
        let expected = admissible
            .iter()
            .filter(|id| deposited_ids.contains(id))
            .count() as i64;
        let m = store::compute(&db, NamedQuery::PetitionsAdmissible, &s)
            .await
            .unwrap();
        assert_eq!(m.value, expected);
        // Nothing deposited in 1999.
        let s99 = scope(&db, region, "", period((1999, 1, 1), (1999, 12, 31))).await;
        assert_eq!(
            store::compute(&db, NamedQuery::PetitionsDeposited, &s99)
                .await
                .unwrap()
                .value,
            0
        );

        // A participatory budget in Tangier whose vote closed in 2024: 2 projects funded of 3,
        // 4 ballots. The demo has campaigns of its own, so the figures are compared with
        // what each scope counted before this one was added.
        let s = scope(&db, region, "", wide).await;
        let larache = scope(&db, "commune-larache", "", wide).await;
        let y2023 = scope(&db, region, "", period((2023, 1, 1), (2023, 12, 31))).await;
        let funded_before = value(&db, NamedQuery::PbProjectsFunded, &s).await;
        let ballots_before = value(&db, NamedQuery::PbBallotsCast, &s).await;
        let larache_before = value(&db, NamedQuery::PbBallotsCast, &larache).await;
        let y2023_before = value(&db, NamedQuery::PbProjectsFunded, &y2023).await;
        let tangier = id_of(&db, "territories", "commune-tanger").await;
        let closes = 1_717_200_000; // 1 June 2024
        let campaign: i64 = db
            .query_scalar(
                "INSERT INTO budget_campaigns (territory_id, title, description, phase, ballot_type, \
                 approval_min, approval_max, points, max_points_per_project, rule, min_age, scope, \
                 informing_at, proposing_at, review_at, voting_at, voting_end_at, created_at) \
                 VALUES (?, 'PB', '', 'implementation', 'approval', 1, 3, 0, 0, 'greedy', 16, 'one', \
                 ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(tangier)
            .bind(closes - 40)
            .bind(closes - 30)
            .bind(closes - 20)
            .bind(closes - 10)
            .bind(closes)
            .bind(closes - 50)
            .fetch_one(db.pool())
            .await
            .unwrap();
        let budget: i64 = db
            .query_scalar("INSERT INTO budget_budgets (campaign_id, name, territory_id, amount, position) VALUES (?, 'B', ?, 100000, 1) RETURNING id")
            .bind(campaign)
            .bind(tangier)
            .fetch_one(db.pool())
            .await
            .unwrap();
        for funded in [1, 1, 0] {
            db.query(
                "INSERT INTO budget_projects (campaign_id, budget_id, title, description, place, category, \
                 estimated_cost, submitted_at, status, funded) VALUES (?, ?, 'P', '', '', 'x', 100, 0, 'feasible', ?)",
            )
            .bind(campaign)
            .bind(budget)
            .bind(funded)
            .execute(db.pool())
            .await
            .unwrap();
        }
        for k in 0..4 {
            db.query("INSERT INTO budget_ballots (receipt_hash, budget_id, choices, channel) VALUES (?, ?, '[]', 'online')")
                .bind(format!("hash-{k}"))
                .bind(budget)
                .execute(db.pool())
                .await
                .unwrap();
        }
        assert_eq!(
            value(&db, NamedQuery::PbProjectsFunded, &s).await,
            funded_before + 2
        );
        assert_eq!(
            value(&db, NamedQuery::PbBallotsCast, &s).await,
            ballots_before + 4
        );
        // Larache's scope or 2023 see none of it.
        assert_eq!(
            value(&db, NamedQuery::PbBallotsCast, &larache).await,
            larache_before
        );
        assert_eq!(
            value(&db, NamedQuery::PbProjectsFunded, &y2023).await,
            y2023_before
        );
    }
);

store_test!(
    async fn the_framework_is_built_audited_and_guarded(db: Db) {
        nousharik::territory::store::seed_reference(&db)
            .await
            .unwrap();
        let dir = testing::temp_dir("nk-results");
        let state = testing::test_state(db.clone(), &dir);
        nousharik::territory::demo::seed(&state).await.unwrap();
        let org = id_of(&db, "organisations", "council-tanger").await;
        let ter = id_of(&db, "territories", "commune-tanger").await;
        let owner = Owner {
            organisation_id: org,
            territory_id: ter,
            demo: false,
        };
        let draft = ProgrammeDraft {
            key: "Tanger 2024".into(),
            title: "Programme".into(),
            description: String::new(),
            period: period((2024, 1, 1), (2024, 12, 31)),
        };
        let p = store::create_programme(&db, owner, &draft, By::System, 1)
            .await
            .unwrap();
        assert!(matches!(
            store::create_programme(&db, owner, &draft, By::System, 2).await,
            Err(StoreError::DuplicateKey)
        ));
        let mut other = draft.clone();
        other.key = "Autre".into();
        let q = store::create_programme(&db, owner, &other, By::System, 3)
            .await
            .unwrap();
        let o = store::add_node(&db, p, Level::Objective, p, "O1", By::System)
            .await
            .unwrap();
        let r = store::add_node(&db, p, Level::Result, o, "R1", By::System)
            .await
            .unwrap();
        let a = store::add_node(&db, p, Level::Activity, r, "A1", By::System)
            .await
            .unwrap();
        // A node cannot be hung under another programme's parent, nor renamed through it.
        assert!(matches!(
            store::add_node(&db, q, Level::Result, o, "x", By::System).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store::rename_node(&db, q, Level::Activity, a, "x", By::System).await,
            Err(StoreError::NotFound)
        ));
        store::rename_node(&db, p, Level::Activity, a, "A1 bis", By::System)
            .await
            .unwrap();
        let manual = IndicatorDraft {
            title: "Strategies adopted".into(),
            unit: "strategies".into(),
            baseline: 0,
            target: 3,
            source: Source::Manual,
            note: String::new(),
            activity: Some(a),
        };
        let i = store::add_indicator(&db, p, r, &manual, By::System, 4)
            .await
            .unwrap();
        let computed = IndicatorDraft {
            source: Source::Computed(NamedQuery::TrainingsHeld),
            activity: None,
            ..manual.clone()
        };
        let c = store::add_indicator(&db, p, r, &computed, By::System, 5)
            .await
            .unwrap();
        assert!(matches!(
            store::add_indicator(&db, q, r, &computed, By::System, 5).await,
            Err(StoreError::NotFound)
        ));
        let v = ValueDraft {
            measured_on: date(2024, 6, 30),
            value: 2,
            note: "two councils".into(),
            evidence_url: Some("https://example.org/pv.pdf".into()),
        };
        store::add_value(&db, p, i, &v, None, By::System, 6)
            .await
            .unwrap();
        assert!(matches!(
            store::add_value(&db, p, c, &v, None, By::System, 6).await,
            Err(StoreError::NotManual)
        ));
        assert!(matches!(
            store::add_value(&db, q, i, &v, None, By::System, 6).await,
            Err(StoreError::NotFound)
        ));
        let mut edited = manual.clone();
        edited.target = 4;
        store::update_indicator(&db, p, i, &edited, By::System, 7)
            .await
            .unwrap();
        assert_eq!(
            store::indicator(&db, p, i).await.unwrap().unwrap().target,
            4
        );
        let f = store::framework(&db, p).await.unwrap();
        assert_eq!(f[0].results[0].activities[0].title, "A1 bis");
        assert_eq!(f[0].results[0].indicators.len(), 2);
        // Every change is in the audit log.
        let actions: Vec<String> = db
            .query_scalar("SELECT action FROM audit_log WHERE action LIKE 'results.%' ORDER BY id")
            .fetch_all(db.pool())
            .await
            .unwrap();
        assert_eq!(
            actions,
            [
                "results.programme.create",
                "results.programme.create",
                "results.objective.add",
                "results.result.add",
                "results.activity.add",
                "results.activity.rename",
                "results.indicator.add",
                "results.indicator.add",
                "results.value.add",
                "results.indicator.edit",
            ]
        );
        let _ = std::fs::remove_dir_all(dir);
    }
);
