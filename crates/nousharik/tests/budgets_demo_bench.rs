//! The participatory-budget demo (both backends): the finished Tangier campaign's published
//! ballots recount to its stored results, its funded projects are tracked, turnout has
//! profiles, and the Larache campaign is open to its demo citizen. And the benchmark's
//! seeding, counting and casting at a small size (not timed), so `nousharik bench budgets`
//! does not rot.

use nousharik::budgets::bench::{self, Rng, Sizes};
use nousharik::budgets::demo::{LARACHE_CITIZEN, LARACHE_TITLE, TANGIER, TANGIER_TITLE};
use nousharik::budgets::model::{Phase, RawChoice};
use nousharik::budgets::store::{self, ProjectState, Voter};
use nousharik::budgets::{count, publish};
use nousharik::platform::db::Db;
use nousharik::platform::ids::UserId;
use nousharik::store_test;

async fn campaign_titled(db: &Db, title: &str) -> store::Campaign {
    let all = store::campaigns(db, true).await.unwrap();
    all.into_iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no demo campaign {title}"))
}

async fn published_funded(db: &Db, budget: i64) -> (i64, Vec<i64>) {
    let (_, n, json) = store::result(db, budget).await.unwrap().unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let funded = v["funded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect();
    (n, funded)
}

store_test!(
    async fn the_demo_holds_a_counted_campaign_and_one_open_for_voting(db: Db) {
        nousharik::territory::store::seed_reference(&db)
            .await
            .unwrap();
        let dir = nousharik::platform::testing::temp_dir("nk-budgets-demo");
        let state = nousharik::platform::testing::test_state(db.clone(), &dir);
        nousharik::demo::seed(&state).await.unwrap();
        // Idempotent: `serve --demo` seeds at every start.
        nousharik::demo::seed(&state).await.unwrap();
        let n: i64 = db
            .query_scalar("SELECT COUNT(*) FROM budget_campaigns WHERE is_demo = 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(n, 2);

        // Tangier: finished, one budget per arrondissement and the city's.
        let c = campaign_titled(&db, TANGIER_TITLE).await;
        assert_eq!(c.phase, Phase::Implementation);
        assert_eq!(c.budgets.len(), TANGIER.len());
        let mut ballots = 0;
        let mut funded_all = Vec::new();
        for b in &c.budgets {
            // The published file, recounted by the engine, gives the stored result.
            let file = publish::ballots_file(&db, b.id).await.unwrap();
            let recount = count::recount_file(&file, c.ballot).unwrap();
            let (n, funded) = published_funded(&db, b.id).await;
            assert_eq!(recount, funded, "{}", b.name);
            assert!(!funded.is_empty(), "{} funds something", b.name);
            assert_eq!(n as usize, store::ballots(&db, b.id).await.unwrap().len());
            ballots += n;
            funded_all.extend(funded);
        }
        assert!((300..=1000).contains(&ballots), "{ballots} ballots");
        let projects = store::projects(&db, c.id).await.unwrap();
        let refused: Vec<_> = projects
            .iter()
            .filter(|p| p.state == ProjectState::NotFeasible)
            .collect();
        assert!(refused.len() >= 4);
        assert!(refused.iter().all(|p| !p.review_reason.is_empty()));
        assert!(projects.iter().any(|p| p.state == ProjectState::Merged));
        assert!(
            projects.iter().all(|p| p.title.contains(" / ")
                && p.title
                    .chars()
                    .any(|ch| ('\u{600}'..='\u{6ff}').contains(&ch))),
            "French / Arabic titles"
        );
        // Funded projects are tracked, with dated milestones.
        let mut milestones = 0;
        for p in projects.iter().filter(|p| p.funded) {
            assert!(funded_all.contains(&p.id));
            assert!(p.progress_status.is_some(), "{}", p.title);
            milestones += store::milestones(&db, p.id).await.unwrap().len();
        }
        assert!(milestones >= funded_all.len(), "{milestones} milestones");
        // Turnout by sex and age group has data (and some voters did not consent).
        let (sex, age) = store::turnout(&db, c.id).await.unwrap();
        let of = |v: &[(String, i64)], k: &str| v.iter().find(|(c, _)| c == k).map_or(0, |x| x.1);
        assert!(of(&sex, "female") > 50 && of(&sex, "male") > 50, "{sex:?}");
        assert!(of(&sex, "") > 0, "{sex:?}");
        assert!(of(&age, "18_35") > 0 && of(&age, "60_plus") > 0, "{age:?}");
        assert_eq!(
            store::voter_count(&db, c.id).await.unwrap(),
            TANGIER.iter().map(|b| b.voters as i64).sum::<i64>()
        );

        // Larache: voting open now; the demo citizen of Larache may vote, once.
        let l = campaign_titled(&db, LARACHE_TITLE).await;
        assert_eq!(l.phase, Phase::Voting);
        let now = nousharik::platform::now();
        assert!(l.schedule.voting_open_at(now));
        assert!(store::result(&db, l.budgets[0].id).await.unwrap().is_none());
        let citizen: i64 = db
            .query_scalar(
                "SELECT u.id FROM users u JOIN resident_verifications r ON r.user_id = u.id \
                 WHERE u.email = ? AND r.territory_id = ?",
            )
            .bind(LARACHE_CITIZEN)
            .bind(l.budgets[0].territory_id)
            .fetch_one(db.pool())
            .await
            .unwrap();
        let citizen = UserId(citizen);
        assert!(
            store::voted_budgets(&db, l.id, citizen)
                .await
                .unwrap()
                .is_empty()
        );
        let on_ballot = store::ballot_projects(&db, l.id).await.unwrap();
        let pick = vec![RawChoice {
            project: on_ballot[0].id.to_string(),
            points: None,
        }];
        let voter = Voter {
            user: citizen,
            resident: true,
            declared_min_age: true,
            age_group: None,
            replace: None,
        };
        let receipt = store::cast(&db, &l, l.budgets[0].id, &voter, &pick, now)
            .await
            .unwrap();
        assert!(
            store::ballot_by_receipt(&db, l.id, &receipt)
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            store::cast(&db, &l, l.budgets[0].id, &voter, &pick, now)
                .await
                .is_err()
        );
        nousharik::platform::audit::verify(&db).await.unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }
);

store_test!(
    async fn the_benchmark_seeds_counts_and_casts_at_a_small_size(db: Db) {
        let sizes = Sizes {
            ballots: 1_200,
            projects: 12,
            casts: 60,
            casters: 4,
            count_runs: 2,
        };
        let mut rng = Rng::new(7);
        let seeded = bench::seed_count(&db, &sizes, &mut rng).await.unwrap();
        assert_eq!(seeded.projects.len(), 12);
        let stored = store::ballots(&db, seeded.budget).await.unwrap();
        assert_eq!(stored.len(), 1_200);
        assert!(stored.iter().all(|(_, c)| {
            let n = c.split(',').count();
            (1..=10).contains(&n)
        }));
        let f = bench::measure_count(&db, &seeded, sizes.count_runs)
            .await
            .unwrap();
        assert_eq!(f.ballots, 1_200);
        assert_eq!(f.runs.len(), 2);
        assert!(f.funded > 0);
        // What it stored is the published result, and the published file recounts to it.
        let c = store::campaign(&db, seeded.campaign)
            .await
            .unwrap()
            .unwrap();
        let file = publish::ballots_file(&db, seeded.budget).await.unwrap();
        let (n, funded) = published_funded(&db, seeded.budget).await;
        assert_eq!(n, 1_200);
        assert_eq!(funded.len(), f.funded);
        assert_eq!(count::recount_file(&file, c.ballot).unwrap(), funded);
        assert!(bench::count_report("test", &f).contains("1200 ballots"));

        let setup = bench::seed_cast(&db, &sizes, &mut rng).await.unwrap();
        assert_eq!(setup.voters.len(), 60);
        let f = bench::measure_cast(&db, &setup, sizes.casters, &mut rng)
            .await
            .unwrap();
        assert_eq!((f.casts, f.casters), (60, 4));
        assert!(f.per_second() > 0.0 && f.p50 <= f.p99);
        // Each cast left its voter record and one audit entry; the chain verifies.
        let audited: i64 = db
            .query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'budgets.ballot_cast'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(audited, 60);
        nousharik::platform::audit::verify(&db).await.unwrap();
    }
);

#[test]
fn the_generator_is_deterministic_and_picks_distinct_projects() {
    let mut a = Rng::new(1);
    let mut b = Rng::new(1);
    let cumulative = bench::popularity(&mut a, 150);
    assert_eq!(cumulative, bench::popularity(&mut b, 150));
    assert!(cumulative.windows(2).all(|w| w[0] < w[1]));
    for k in 1..=10 {
        let picks = bench::pick_weighted(&mut a, &cumulative, k);
        assert_eq!(picks.len(), k);
        assert!(picks.windows(2).all(|w| w[0] < w[1]), "distinct, sorted");
        assert!(picks.iter().all(|&i| i < 150));
    }
}
