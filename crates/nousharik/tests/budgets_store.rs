//! Participatory-budget store tests, each on SQLite and PostgreSQL: the whole cycle from
//! proposal to implementation, ballot secrecy and replacement, refusals, paper ballots.

use std::collections::BTreeMap;

use nousharik::budgets::model::project::{PaperError, ProposalForm, Review, Status};
use nousharik::budgets::model::{
    BallotError, BallotType, BudgetSpec, CampaignError, CampaignSpec, CountingRule, Money, Phase,
    RawChoice, Receipt, Schedule, VoteScope,
};
use nousharik::budgets::store::{self, PaperOutcome, StoreError, Voter};
use nousharik::platform::db::Db;
use nousharik::platform::ids::{TerritoryId, UserId};
use nousharik::store_test;
use nousharik::territory;

const T0: i64 = 1_800_000_000;

fn schedule() -> Schedule {
    Schedule {
        informing: T0,
        proposing: T0 + 100,
        review: T0 + 200,
        voting: T0 + 300,
        voting_end: T0 + 400,
    }
}

async fn territory_id(db: &Db, code: &str) -> TerritoryId {
    TerritoryId(
        territory::store::territory_by_code(db, code)
            .await
            .unwrap()
            .unwrap()
            .id,
    )
}

async fn user(db: &Db, email: &str, sex: Option<&str>) -> UserId {
    let consent = sex.map(|_| 1_i64);
    UserId(
        db.query_scalar(
            "INSERT INTO users (email, display_name, language, created_at, email_confirmed_at, \
             sex, age_group, demographics_consent_version, demographics_consent_at) \
             VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
        )
        .bind(email)
        .bind(email)
        .bind("fr")
        .bind(T0)
        .bind(T0)
        .bind(sex)
        .bind(sex.map(|_| "18_35"))
        .bind(consent)
        .bind(consent.map(|_| T0))
        .fetch_one(db.pool())
        .await
        .unwrap(),
    )
}

/// Seeds the territories and a Tangier campaign with one budget per arrondissement's
/// Bni Makada and a city-wide one; returns (campaign id, [bni makada budget, city budget]).
async fn campaign(db: &Db, ballot: BallotType, scope: VoteScope) -> (i64, [i64; 2]) {
    territory::store::seed_reference(db).await.unwrap();
    let tangier = territory_id(db, "commune-tanger").await;
    let bni = territory_id(db, "arrondissement-bni-makada").await;
    let spec = CampaignSpec {
        title: "Tanger 2026".into(),
        territory: tangier,
        budgets: vec![
            BudgetSpec {
                name: "Bni Makada".into(),
                territory: bni,
                amount: Money::from_dirhams(1_000),
            },
            BudgetSpec {
                name: "Ville".into(),
                territory: tangier,
                amount: Money::from_dirhams(5_000),
            },
        ],
        ballot,
        rule: CountingRule::EqualSharesThenGreedy,
        min_age: 16,
        scope,
        schedule: schedule(),
    };
    let id = store::create_campaign(db, &spec, "Présentation", None, false)
        .await
        .unwrap();
    let c = store::campaign(db, id).await.unwrap().unwrap();
    (id, [c.budgets[0].id, c.budgets[1].id])
}

fn proposal(budget: i64, title: &str, cost: &str) -> ProposalForm {
    ProposalForm {
        title: title.into(),
        description: "Pour le quartier".into(),
        place: "Rue 1".into(),
        budget: budget.to_string(),
        category: "green".into(),
        cost: cost.into(),
    }
}

fn choices(ids: &[i64]) -> Vec<RawChoice> {
    ids.iter()
        .map(|id| RawChoice {
            project: id.to_string(),
            points: None,
        })
        .collect()
}

fn voter(user: UserId) -> Voter {
    Voter {
        user,
        resident: true,
        declared_min_age: true,
        age_group: None,
        replace: None,
    }
}

/// Runs a campaign to the voting phase with three feasible projects in the first budget
/// (costs 400, 500, 300), one in the second (1 000), one refused, one merged.
async fn to_voting(db: &Db, ballot: BallotType, scope: VoteScope) -> (i64, [i64; 2], Vec<i64>) {
    let (id, budgets) = campaign(db, ballot, scope).await;
    let staff = user(db, "staff@example.org", None).await;
    store::set_phase(db, id, Phase::Informing, Some(staff), T0)
        .await
        .unwrap();
    store::set_phase(db, id, Phase::Proposing, Some(staff), T0 + 100)
        .await
        .unwrap();
    let author = user(db, "author@example.org", None).await;
    let amounts = [
        (budgets[0], Money::from_dirhams(1_000)),
        (budgets[1], Money::from_dirhams(5_000)),
    ];
    let mut ids = Vec::new();
    for (b, title, cost) in [
        (budgets[0], "Jardin", "400"),
        (budgets[0], "Terrain", "500"),
        (budgets[0], "Bibliothèque", "300"),
        (budgets[1], "Piste cyclable", "1000"),
        (budgets[0], "Casino", "100"),
        (budgets[0], "Jardin (doublon)", "350"),
    ] {
        let p = proposal(b, title, cost).check(&amounts).unwrap();
        ids.push(
            store::submit_proposal(db, id, &p, Some(author), T0 + 150)
                .await
                .unwrap(),
        );
    }
    // Reviewing before the review phase is refused.
    let feasible = |c: i64| Review::Feasible {
        cost: Money::from_dirhams(c),
        reason: String::new(),
    };
    assert!(matches!(
        store::review(db, ids[0], &feasible(400), staff, T0 + 150).await,
        Err(StoreError::WrongPhase)
    ));
    store::set_phase(db, id, Phase::TechnicalReview, Some(staff), T0 + 200)
        .await
        .unwrap();
    // Voting cannot open while a budget has nothing on its ballot.
    assert!(matches!(
        store::set_phase(db, id, Phase::Voting, Some(staff), T0 + 300).await,
        Err(StoreError::Campaign(CampaignError::EmptyBallot))
    ));
    for (p, c) in [(ids[0], 400), (ids[1], 500), (ids[2], 300), (ids[3], 1000)] {
        store::review(db, p, &feasible(c), staff, T0 + 250)
            .await
            .unwrap();
    }
    store::review(
        db,
        ids[4],
        &Review::NotFeasible {
            reason: "Hors compétence".into(),
        },
        staff,
        T0 + 250,
    )
    .await
    .unwrap();
    store::merge(db, ids[5], ids[0], staff).await.unwrap();
    store::set_phase(db, id, Phase::Voting, Some(staff), T0 + 300)
        .await
        .unwrap();
    (id, budgets, ids)
}

store_test!(
    async fn a_campaign_goes_from_proposals_to_counted_results(db: Db) {
        let (id, budgets, ids) = to_voting(
            &db,
            BallotType::Approval { min: 1, max: 2 },
            VoteScope::EachBudget,
        )
        .await;
        let c = store::campaign(&db, id).await.unwrap().unwrap();
        let on_ballot = store::ballot_projects(&db, id).await.unwrap();
        assert_eq!(
            on_ballot.iter().map(|p| p.id).collect::<Vec<_>>(),
            ids[..4].to_vec()
        );
        let projects = store::projects(&db, id).await.unwrap();
        let by_id = |pid: i64| projects.iter().find(|p| p.id == pid).unwrap();
        assert_eq!(by_id(ids[5]).merged_into, Some(ids[0]));
        assert_eq!(by_id(ids[4]).review_reason, "Hors compétence");

        let mut receipts = Vec::new();
        for (i, pick) in [[ids[0], ids[2]], [ids[0], ids[1]], [ids[1], ids[2]]]
            .iter()
            .enumerate()
        {
            let u = user(&db, &format!("v{i}@example.org"), Some("female")).await;
            let r = store::cast(&db, &c, budgets[0], &voter(u), &choices(pick), T0 + 310)
                .await
                .unwrap();
            receipts.push((u, r));
        }
        // The same person may vote in the city-wide budget too (scope: each budget).
        let (u0, r0) = receipts[0].clone();
        store::cast(
            &db,
            &c,
            budgets[1],
            &voter(u0),
            &choices(&[ids[3]]),
            T0 + 311,
        )
        .await
        .unwrap();
        assert_eq!(
            store::voted_budgets(&db, id, u0).await.unwrap(),
            vec![budgets[0], budgets[1]]
        );
        // The receipt finds the ballot.
        let b = store::ballot_by_receipt(&db, id, &r0)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(b.choices, BTreeMap::from([(ids[0], 1), (ids[2], 1)]));
        assert_eq!(store::ballots(&db, budgets[0]).await.unwrap().len(), 3);
        let (sex, age) = store::turnout(&db, id).await.unwrap();
        assert_eq!(sex, vec![("female".to_owned(), 3)]);
        assert_eq!(age, vec![("18_35".to_owned(), 3)]);
        assert_eq!(store::voter_count(&db, id).await.unwrap(), 3);

        // Closing early is refused; at the planned end it closes, and ballots stop.
        assert!(matches!(
            store::set_phase(&db, id, Phase::Counting, None, T0 + 399).await,
            Err(StoreError::Campaign(CampaignError::TooEarly))
        ));
        store::set_phase(&db, id, Phase::Counting, None, T0 + 400)
            .await
            .unwrap();
        let c = store::campaign(&db, id).await.unwrap().unwrap();
        let late = user(&db, "late@example.org", None).await;
        assert!(matches!(
            store::cast(
                &db,
                &c,
                budgets[0],
                &voter(late),
                &choices(&[ids[0]]),
                T0 + 390
            )
            .await,
            Err(StoreError::Ballot(BallotError::VotingClosed))
        ));
        // Implementation needs every budget counted.
        assert!(matches!(
            store::set_phase(&db, id, Phase::Implementation, None, T0 + 500).await,
            Err(StoreError::Campaign(CampaignError::NotCounted))
        ));
        for b in budgets {
            store::store_result(&db, b, 3, &[ids[0]], "{}", None, T0 + 450)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        store::set_phase(&db, id, Phase::Implementation, None, T0 + 500)
            .await
            .unwrap();
        let staff = user(&db, "works@example.org", None).await;
        store::record_progress(
            &db,
            ids[0],
            Status::Works,
            40,
            "Début des travaux",
            staff,
            T0 + 600,
        )
        .await
        .unwrap();
        // A project that was not funded is not tracked.
        assert!(matches!(
            store::record_progress(&db, ids[1], Status::Works, 10, "x", staff, T0 + 600).await,
            Err(StoreError::WrongPhase)
        ));
        let p = store::project(&db, ids[0]).await.unwrap().unwrap();
        assert!(p.funded);
        assert_eq!(
            (p.progress_status, p.progress_percent),
            (Some(Status::Works), 40)
        );
        assert_eq!(store::milestones(&db, ids[0]).await.unwrap().len(), 1);
        let photo = store::add_photo(
            &db,
            ids[0],
            "implementation",
            "image/png",
            vec![1, 2, 3],
            Some(staff),
            T0,
        )
        .await
        .unwrap();
        assert_eq!(
            store::photo(&db, photo).await.unwrap(),
            Some(("image/png".to_owned(), vec![1, 2, 3]))
        );
        // Every change is in the audit chain, and the chain verifies.
        nousharik::platform::audit::verify(&db).await.unwrap();
    }
);

store_test!(
    async fn ballots_are_secret_and_replaceable_only_with_the_receipt(db: Db) {
        let (id, budgets, ids) = to_voting(
            &db,
            BallotType::Approval { min: 1, max: 2 },
            VoteScope::OneBudget,
        )
        .await;
        let c = store::campaign(&db, id).await.unwrap().unwrap();
        let u = user(&db, "secret@example.org", None).await;
        let r1 = store::cast(
            &db,
            &c,
            budgets[0],
            &voter(u),
            &choices(&[ids[0]]),
            T0 + 310,
        )
        .await
        .unwrap();
        // Nothing in the ballots table names the voter: exactly these four columns.
        let cols: Vec<String> = match db.backend() {
            nousharik::platform::db::Backend::Sqlite => db
                .query_scalar("SELECT name FROM pragma_table_info('budget_ballots') ORDER BY cid")
                .fetch_all(db.pool())
                .await
                .unwrap(),
            nousharik::platform::db::Backend::Postgres => db
                .query_scalar(
                    "SELECT column_name::text FROM information_schema.columns \
                     WHERE table_name = 'budget_ballots' ORDER BY ordinal_position",
                )
                .fetch_all(db.pool())
                .await
                .unwrap(),
        };
        assert_eq!(cols, ["receipt_hash", "budget_id", "choices", "channel"]);
        let stored: Vec<(String, String)> = store::ballots(&db, budgets[0]).await.unwrap();
        assert_eq!(stored, vec![(r1.hash(), ids[0].to_string())]);

        // A second ballot without the receipt: refused, in this budget and (one budget per
        // voter) in the other.
        for b in budgets {
            let pick = if b == budgets[0] { ids[1] } else { ids[3] };
            assert!(matches!(
                store::cast(&db, &c, b, &voter(u), &choices(&[pick]), T0 + 320).await,
                Err(StoreError::Ballot(BallotError::AlreadyVoted))
            ));
        }
        // With a wrong receipt: refused. With the right one: replaced, new receipt, one ballot.
        let mut v = voter(u);
        v.replace = Some(Receipt::generate());
        assert!(matches!(
            store::cast(&db, &c, budgets[0], &v, &choices(&[ids[1]]), T0 + 320).await,
            Err(StoreError::Ballot(BallotError::ReceiptNotFound))
        ));
        v.replace = Some(r1.clone());
        let r2 = store::cast(&db, &c, budgets[0], &v, &choices(&[ids[1]]), T0 + 330)
            .await
            .unwrap();
        assert_ne!(r1, r2);
        assert_eq!(
            store::ballots(&db, budgets[0]).await.unwrap(),
            vec![(r2.hash(), ids[1].to_string())]
        );
        assert!(
            store::ballot_by_receipt(&db, id, &r1)
                .await
                .unwrap()
                .is_none()
        );
        // Another voter cannot use someone's receipt unless they voted in that budget, and the
        // old receipt no longer works for anybody.
        let other = user(&db, "other@example.org", None).await;
        let mut v2 = voter(other);
        v2.replace = Some(r2.clone());
        assert!(matches!(
            store::cast(&db, &c, budgets[0], &v2, &choices(&[ids[2]]), T0 + 330).await,
            Err(StoreError::Ballot(BallotError::ReceiptNotFound))
        ));
        // Refusals store nothing.
        for (v, pick, err) in [
            (
                Voter {
                    resident: false,
                    ..voter(other)
                },
                vec![ids[0]],
                BallotError::NotResident,
            ),
            (
                Voter {
                    declared_min_age: false,
                    ..voter(other)
                },
                vec![ids[0]],
                BallotError::UnderAge,
            ),
            (
                voter(other),
                vec![ids[0], ids[1], ids[2]],
                BallotError::TooMany,
            ),
            (voter(other), vec![ids[3]], BallotError::OtherBudget),
            (voter(other), vec![ids[4]], BallotError::UnknownProject),
            (voter(other), vec![999_999], BallotError::UnknownProject),
        ] {
            match store::cast(&db, &c, budgets[0], &v, &choices(&pick), T0 + 340).await {
                Err(StoreError::Ballot(e)) => assert_eq!(e, err),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(store::ballots(&db, budgets[0]).await.unwrap().len(), 1);
        assert_eq!(store::voter_count(&db, id).await.unwrap(), 1);
    }
);

store_test!(
    async fn knapsack_ballots_stay_within_the_budget(db: Db) {
        let (id, budgets, ids) = to_voting(&db, BallotType::Knapsack, VoteScope::EachBudget).await;
        let c = store::campaign(&db, id).await.unwrap().unwrap();
        let u = user(&db, "k@example.org", None).await;
        assert!(matches!(
            store::cast(
                &db,
                &c,
                budgets[0],
                &voter(u),
                &choices(&ids[..3]),
                T0 + 310
            )
            .await,
            Err(StoreError::Ballot(BallotError::OverBudget))
        ));
        store::cast(
            &db,
            &c,
            budgets[0],
            &voter(u),
            &choices(&[ids[0], ids[1]]),
            T0 + 310,
        )
        .await
        .unwrap();
    }
);

store_test!(
    async fn paper_ballots_need_two_matching_entries_by_two_officials(db: Db) {
        let (id, budgets, ids) = to_voting(
            &db,
            BallotType::Approval { min: 1, max: 2 },
            VoteScope::EachBudget,
        )
        .await;
        let c = store::campaign(&db, id).await.unwrap().unwrap();
        let a = user(&db, "a@example.org", None).await;
        let b = user(&db, "b@example.org", None).await;
        let sheet = Receipt::generate();
        let pick = choices(&[ids[0], ids[2]]);
        let first = store::paper_entry(&db, &c, budgets[0], &sheet, &pick, a, T0 + 310)
            .await
            .unwrap();
        assert_eq!(first, PaperOutcome::AwaitingSecondEntry);
        assert!(store::ballots(&db, budgets[0]).await.unwrap().is_empty());
        assert!(matches!(
            store::paper_entry(&db, &c, budgets[0], &sheet, &pick, a, T0 + 311).await,
            Err(StoreError::Paper(PaperError::SameOfficial))
        ));
        assert!(matches!(
            store::paper_entry(
                &db,
                &c,
                budgets[0],
                &sheet,
                &choices(&[ids[0]]),
                b,
                T0 + 311
            )
            .await,
            Err(StoreError::Paper(PaperError::Mismatch))
        ));
        assert!(store::ballots(&db, budgets[0]).await.unwrap().is_empty());
        assert_eq!(
            store::paper_entry(&db, &c, budgets[0], &sheet, &pick, b, T0 + 312)
                .await
                .unwrap(),
            PaperOutcome::Accepted
        );
        assert!(matches!(
            store::paper_entry(&db, &c, budgets[0], &sheet, &pick, b, T0 + 313).await,
            Err(StoreError::Paper(PaperError::AlreadyCounted))
        ));
        let stored = store::ballots(&db, budgets[0]).await.unwrap();
        assert_eq!(
            stored,
            vec![(sheet.hash(), format!("{},{}", ids[0], ids[2]))]
        );
        // A paper ballot with a forged project is refused like an online one.
        assert!(matches!(
            store::paper_entry(
                &db,
                &c,
                budgets[0],
                &Receipt::generate(),
                &choices(&[-3]),
                a,
                T0
            )
            .await,
            Err(StoreError::Ballot(BallotError::UnknownProject))
        ));
    }
);

store_test!(
    async fn published_ballots_recount_to_the_published_result(db: Db) {
        use nousharik::budgets::{count, publish};
        let (id, budgets, ids) = to_voting(
            &db,
            BallotType::Approval { min: 1, max: 2 },
            VoteScope::EachBudget,
        )
        .await;
        let c = store::campaign(&db, id).await.unwrap().unwrap();
        // 7 voters in the arrondissement budget (1 000 DH: 400, 500, 300), 2 in the city's.
        let picks: [&[i64]; 7] = [
            &[ids[0], ids[2]],
            &[ids[0], ids[1]],
            &[ids[1]],
            &[ids[1], ids[2]],
            &[ids[0]],
            &[ids[1]],
            &[ids[2]],
        ];
        for (i, pick) in picks.iter().enumerate() {
            let u = user(&db, &format!("r{i}@example.org"), None).await;
            store::cast(&db, &c, budgets[0], &voter(u), &choices(pick), T0 + 310)
                .await
                .unwrap();
            if i < 2 {
                store::cast(
                    &db,
                    &c,
                    budgets[1],
                    &voter(u),
                    &choices(&[ids[3]]),
                    T0 + 310,
                )
                .await
                .unwrap();
            }
        }
        // Nothing is published while voting is open.
        let mut app = nousharik::platform::testing::TestApp::new(db.clone());
        for path in [
            format!("/budgets/{}/ballots.pb", budgets[0]),
            format!("/budgets/{}/results.json", budgets[0]),
            "/budgets/abc/ballots.pb".to_owned(),
            "/budgets/999999/results.json".to_owned(),
        ] {
            assert_eq!(app.get(&path).await.status.as_u16(), 404, "{path}");
        }
        // Counting before voting closes is refused.
        assert!(
            publish::count_budget(&db, budgets[0], None, T0 + 350)
                .await
                .is_err()
        );
        store::set_phase(&db, id, Phase::Counting, None, T0 + 400)
            .await
            .unwrap();
        let results = publish::count_campaign(&db, id, None, T0 + 410)
            .await
            .unwrap();
        for (b, r) in budgets.iter().zip(&results) {
            assert_eq!(r.used.0 + r.left.0, r.budget.0);
            assert!(r.used <= r.budget);
            assert!(r.projects.iter().all(|p| !p.reasons.is_empty()), "{r:?}");
            // The published file, recounted by the engine with the rule it names, gives the
            // published result.
            let file = app.get(&format!("/budgets/{b}/ballots.pb")).await.text();
            assert_eq!(file, publish::ballots_file(&db, *b).await.unwrap());
            assert!(file.contains("mes_cost_add1_noexhstop_greedy"));
            let recount = count::recount_file(&file, c.ballot).unwrap();
            let (_, n, json) = store::result(&db, *b).await.unwrap().unwrap();
            assert_eq!(
                app.get(&format!("/budgets/{b}/results.json")).await.text(),
                json
            );
            let published: serde_json::Value = serde_json::from_str(&json).unwrap();
            let funded: Vec<i64> = published["funded"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_i64().unwrap())
                .collect();
            assert_eq!(recount, funded);
            assert_eq!(n as u64, r.ballots);
            // Each funded project is marked in the store.
            for p in store::projects(&db, id).await.unwrap() {
                if p.budget_id == *b {
                    assert_eq!(p.funded, funded.contains(&p.id), "{}", p.title);
                }
            }
        }
        // Votes: 400 → 3, 500 → 4, 300 → 3; Equal Shares with 1 000 DH for 7 voters funds
        // the most supported project and the greedy pass adds what fits.
        let r = &results[0];
        assert_eq!(r.ballots, 7);
        assert!(r.funded.contains(&ids[1]));
        assert_eq!(results[1].funded, vec![ids[3]]);
        store::set_phase(&db, id, Phase::Implementation, None, T0 + 500)
            .await
            .unwrap();
    }
);
