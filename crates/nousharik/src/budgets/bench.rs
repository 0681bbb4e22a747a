//! `nousharik bench budgets`: the two speed figures of participatory budgeting, measured on a
//! database seeded for the purpose (a benchmark, not a test: see the crate README,
//! "Participatory budgets" → "Benchmark").
//!
//! - **Counting**: a budget with 100 000 stored ballots on 150 projects, from the database to
//!   the published result: [`publish::count_budget`] loads the projects and the ballots, builds
//!   the Pabulib election, counts it with the campaign's rule (Equal Shares with the
//!   real-election completion, then greedy) and stores the result document. Bound: 2 s.
//! - **Casting**: concurrent voters each casting one ballot through [`store::cast`], the
//!   function the ballot form's handler calls: every ballot is its own committed transaction
//!   with its voter record and audit entry, and is on disk before its receipt is returned
//!   (see `durable`). Bound: 1 000 ballots a second.
//!
//! The seeding writes ballots for the count in bulk (their insertion is not what is measured)
//! and makes the voters of the cast part directly in the `users` table.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::count;
use super::model::project::Proposal;
use super::model::project::{CATEGORIES, Review};
use super::model::{
    BallotType, BudgetSpec, CampaignSpec, CountingRule, Money, Phase, RawChoice, Receipt, Schedule,
    VoteScope,
};
use super::publish;
use super::store::{self, Voter};
use crate::platform::db::Db;
use crate::platform::ids::{TerritoryId, UserId};

/// Counting bound of the issue.
pub const COUNT_BOUND: Duration = Duration::from_secs(2);
/// Casting bound of the issue, ballots per second.
pub const CAST_BOUND_PER_SECOND: f64 = 1000.0;
/// Most projects one bench ballot approves.
const MAX_CHOICES: u32 = 10;

/// Sizes of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Ballots stored for the count.
    pub ballots: usize,
    /// Projects on the ballot (both parts).
    pub projects: usize,
    /// Ballots cast in the cast part.
    pub casts: usize,
    /// Concurrent casters.
    pub casters: usize,
    /// Timed counts (the figure is the slowest and the median is shown too).
    pub count_runs: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            ballots: 100_000,
            projects: 150,
            casts: 5_000,
            casters: 32,
            count_runs: 3,
        }
    }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same election.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Picks `k` distinct positions among `cumulative.len()`, each drawn with the weight whose
/// running total `cumulative` holds (popular projects are picked more often).
pub fn pick_weighted(rng: &mut Rng, cumulative: &[u64], k: usize) -> Vec<usize> {
    let total = cumulative.last().copied().unwrap_or(0);
    let k = k.min(cumulative.len());
    let mut out: Vec<usize> = Vec::with_capacity(k);
    while out.len() < k {
        let x = rng.below(total);
        let i = cumulative.partition_point(|&c| c <= x);
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// Running totals of the popularity weights of `n` projects (Zipf-like: the project at
/// position `i` has weight ~ 1/(i+1)^0.8, shuffled so popularity does not follow the ids).
pub fn popularity(rng: &mut Rng, n: usize) -> Vec<u64> {
    let mut weights: Vec<u64> = (0..n)
        .map(|i| (1_000_000.0 / ((i + 1) as f64).powf(0.8)) as u64 + 1)
        .collect();
    for i in (1..weights.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        weights.swap(i, j);
    }
    let mut acc = 0;
    weights
        .into_iter()
        .map(|w| {
            acc += w;
            acc
        })
        .collect()
}

/// A campaign of one budget in the voting phase, with its projects.
#[derive(Debug, Clone)]
pub struct Seeded {
    /// Campaign id.
    pub campaign: i64,
    /// Budget id.
    pub budget: i64,
    /// Project ids on the ballot, in id order.
    pub projects: Vec<i64>,
}

async fn insert_user(db: &Db, email: &str, now: i64) -> anyhow::Result<UserId> {
    let id: i64 = db
        .query_scalar(
            "INSERT INTO users (email, display_name, language, created_at, email_confirmed_at) \
             VALUES (?,?,?,?,?) RETURNING id",
        )
        .bind(email.to_owned())
        .bind(email.to_owned())
        .bind("fr")
        .bind(now)
        .bind(now)
        .fetch_one(db.pool())
        .await?;
    Ok(UserId(id))
}

async fn tangier(db: &Db) -> anyhow::Result<TerritoryId> {
    crate::territory::store::seed_reference(db).await?;
    let t = crate::territory::store::territory_by_code(db, "commune-tanger")
        .await?
        .ok_or_else(|| anyhow::anyhow!("reference territory commune-tanger missing"))?;
    Ok(TerritoryId(t.id))
}

/// Creates a campaign of one budget (200 000 dirhams per project, at least 3 million;
/// approval of 1 to 10 projects, Equal Shares then greedy) with `projects` feasible projects, and opens its vote. `schedule` must
/// have voting open at or before its `voting` date.
pub async fn campaign_with_projects(
    db: &Db,
    title: &str,
    projects: usize,
    schedule: Schedule,
    rng: &mut Rng,
) -> anyhow::Result<Seeded> {
    let territory = tangier(db).await?;
    let staff = insert_user(
        db,
        &format!("bench-staff-{}@bench.invalid", rng.next_u64()),
        schedule.informing,
    )
    .await?;
    // 200 000 dirhams per project (30 million for 150): about a seventh of what all the
    // projects cost, so the vote decides (with more money than every project costs together,
    // the Equal Shares completion raises the budget step by step up to pabutools' bound).
    let amount = Money::from_dirhams(200_000 * projects.max(15) as i64);
    let spec = CampaignSpec {
        title: title.to_owned(),
        territory,
        budgets: vec![BudgetSpec {
            name: "Ville (banc d'essai)".into(),
            territory,
            amount,
        }],
        ballot: BallotType::Approval {
            min: 1,
            max: MAX_CHOICES,
        },
        rule: CountingRule::EqualSharesThenGreedy,
        min_age: 16,
        scope: VoteScope::EachBudget,
        schedule,
    };
    let campaign = store::create_campaign(db, &spec, "Banc d'essai", Some(staff), false).await?;
    let budget = store::campaign(db, campaign)
        .await?
        .and_then(|c| c.budgets.first().map(|b| b.id))
        .ok_or_else(|| anyhow::anyhow!("campaign {campaign} has no budget"))?;
    for (to, at) in [
        (Phase::Informing, schedule.informing),
        (Phase::Proposing, schedule.proposing),
    ] {
        store::set_phase(db, campaign, to, Some(staff), at).await?;
    }
    let mut ids = Vec::with_capacity(projects);
    for i in 0..projects {
        // 50 000 to 3 000 000 dirhams: the budget funds a few dozen of them.
        let cost = Money::from_dirhams(50_000 + 10_000 * rng.below(296) as i64).min(amount);
        let p = Proposal {
            title: format!("Projet {} / مشروع {}", i + 1, i + 1),
            description: "Projet du banc d'essai.".into(),
            place: "Tanger".into(),
            budget,
            category: CATEGORIES[i % CATEGORIES.len()],
            estimated_cost: cost,
        };
        ids.push((
            store::submit_proposal(db, campaign, &p, None, schedule.proposing).await?,
            cost,
        ));
    }
    store::set_phase(
        db,
        campaign,
        Phase::TechnicalReview,
        Some(staff),
        schedule.review,
    )
    .await?;
    for (id, cost) in &ids {
        let review = Review::Feasible {
            cost: *cost,
            reason: String::new(),
        };
        store::review(db, *id, &review, staff, schedule.review).await?;
    }
    store::set_phase(db, campaign, Phase::Voting, Some(staff), schedule.voting).await?;
    Ok(Seeded {
        campaign,
        budget,
        projects: ids.into_iter().map(|(id, _)| id).collect(),
    })
}

/// Rows per multi-row INSERT (4 values each: far below both backends' parameter limits).
const ROWS_PER_INSERT: usize = 500;

/// Stores `n` approval ballots (1 to 10 projects each, popular projects more often) in
/// `seeded`'s budget, in bulk; returns how many.
pub async fn store_ballots(
    db: &Db,
    seeded: &Seeded,
    n: usize,
    rng: &mut Rng,
) -> anyhow::Result<usize> {
    let cumulative = popularity(rng, seeded.projects.len());
    let mut done = 0;
    while done < n {
        let rows = ROWS_PER_INSERT.min(n - done);
        let mut sql = String::from(
            "INSERT INTO budget_ballots (receipt_hash, budget_id, choices, channel) VALUES ",
        );
        for i in 0..rows {
            sql.push_str(if i == 0 { "(?,?,?,?)" } else { ",(?,?,?,?)" });
        }
        let mut q = db.query(&sql);
        for _ in 0..rows {
            let k = 1 + rng.below(u64::from(MAX_CHOICES)) as usize;
            let picks = pick_weighted(rng, &cumulative, k);
            let mut ids: Vec<i64> = picks.iter().map(|&i| seeded.projects[i]).collect();
            ids.sort_unstable();
            let choices = ids
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            q = q
                .bind(Receipt::generate().hash())
                .bind(seeded.budget)
                .bind(choices)
                .bind("online");
        }
        q.execute(db.pool()).await?;
        done += rows;
    }
    Ok(done)
}

/// Seeds the count part: a campaign whose vote closed, `sizes.projects` projects and
/// `sizes.ballots` stored ballots, moved to its counting phase.
pub async fn seed_count(db: &Db, sizes: &Sizes, rng: &mut Rng) -> anyhow::Result<Seeded> {
    let now = crate::platform::now();
    let schedule = Schedule {
        informing: now - 5_000,
        proposing: now - 4_000,
        review: now - 3_000,
        voting: now - 2_000,
        voting_end: now - 1_000,
    };
    let seeded = campaign_with_projects(
        db,
        "Banc d'essai : dépouillement",
        sizes.projects,
        schedule,
        rng,
    )
    .await?;
    store_ballots(db, &seeded, sizes.ballots, rng).await?;
    store::set_phase(db, seeded.campaign, Phase::Counting, None, now).await?;
    Ok(seeded)
}

/// What the count part measured.
#[derive(Debug, Clone)]
pub struct CountFigures {
    /// Ballots counted.
    pub ballots: u64,
    /// Projects on the ballot.
    pub projects: usize,
    /// Projects funded.
    pub funded: usize,
    /// Each timed run of `publish::count_budget`, in order.
    pub runs: Vec<Duration>,
    /// One more run, step by step: loading from the database.
    pub load: Duration,
    /// Building the Pabulib election.
    pub build: Duration,
    /// Counting with the engine.
    pub count: Duration,
    /// Writing the result document and the funded projects.
    pub store: Duration,
}

impl CountFigures {
    /// The slowest run (the figure compared with the bound).
    pub fn worst(&self) -> Duration {
        self.runs.iter().copied().max().unwrap_or_default()
    }

    /// The median run.
    pub fn median(&self) -> Duration {
        let mut r = self.runs.clone();
        r.sort_unstable();
        r.get(r.len() / 2).copied().unwrap_or_default()
    }
}

/// Counts the seeded budget `runs` times with [`publish::count_budget`] (from the database to
/// the stored result), then once more step by step for the breakdown.
pub async fn measure_count(db: &Db, seeded: &Seeded, runs: usize) -> anyhow::Result<CountFigures> {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let r = publish::count_budget(db, seeded.budget, None, crate::platform::now()).await?;
        times.push(t.elapsed());
        last = Some(r);
    }
    let result = last.ok_or_else(|| anyhow::anyhow!("no count ran"))?;
    let t = Instant::now();
    let (c, b, projects, ballots) = publish::load(db, seeded.budget).await?;
    let load = t.elapsed();
    let t = Instant::now();
    let election = count::election(&publish::input(&c, &b, &projects, &ballots))?;
    let build = t.elapsed();
    let t = Instant::now();
    let again = count::count(&election, c.rule, c.ballot, b.id, &b.name, &projects)?;
    let count_time = t.elapsed();
    anyhow::ensure!(
        again.funded == result.funded,
        "two counts of the same ballots differ"
    );
    let t = Instant::now();
    let json = serde_json::to_string_pretty(&again)?;
    store::store_result(
        db,
        b.id,
        ballots.len() as i64,
        &again.funded,
        &json,
        None,
        crate::platform::now(),
    )
    .await?;
    let store_time = t.elapsed();
    Ok(CountFigures {
        ballots: result.ballots,
        projects: projects.len(),
        funded: result.funded.len(),
        runs: times,
        load,
        build,
        count: count_time,
        store: store_time,
    })
}

/// The cast part's campaign (voting open now) and its voters.
#[derive(Debug, Clone)]
pub struct CastSetup {
    /// The campaign.
    pub seeded: Seeded,
    /// Voters who have not voted yet.
    pub voters: Vec<UserId>,
}

/// Seeds the cast part: a campaign with voting open and `sizes.casts` voters with consenting
/// profiles (sex and age group), made in bulk.
pub async fn seed_cast(db: &Db, sizes: &Sizes, rng: &mut Rng) -> anyhow::Result<CastSetup> {
    let now = crate::platform::now();
    let schedule = Schedule {
        informing: now - 400,
        proposing: now - 300,
        review: now - 200,
        voting: now - 100,
        voting_end: now + 86_400,
    };
    let seeded =
        campaign_with_projects(db, "Banc d'essai : vote", sizes.projects, schedule, rng).await?;
    let tag = rng.next_u64();
    let mut voters = Vec::with_capacity(sizes.casts);
    let mut done = 0;
    while done < sizes.casts {
        let rows = ROWS_PER_INSERT.min(sizes.casts - done);
        let mut sql = String::from(
            "INSERT INTO users (email, display_name, language, created_at, email_confirmed_at, \
             sex, age_group, demographics_consent_version, demographics_consent_at) VALUES ",
        );
        for i in 0..rows {
            sql.push_str(if i == 0 {
                "(?,?,?,?,?,?,?,?,?)"
            } else {
                ",(?,?,?,?,?,?,?,?,?)"
            });
        }
        sql.push_str(" RETURNING id");
        let mut q = db.query_scalar::<i64>(&sql);
        for i in done..done + rows {
            q = q
                .bind(format!("bench-voter-{tag}-{i}@bench.invalid"))
                .bind(format!("Votant·e {i}"))
                .bind("fr")
                .bind(now)
                .bind(now)
                .bind(if i % 2 == 0 { "female" } else { "male" })
                .bind(["18_35", "36_59", "60_plus"][i % 3])
                .bind(crate::accounts::model::DEMOGRAPHICS_CONSENT_VERSION)
                .bind(now);
        }
        voters.extend(q.fetch_all(db.pool()).await?.into_iter().map(UserId));
        done += rows;
    }
    Ok(CastSetup { seeded, voters })
}

/// What the cast part measured.
#[derive(Debug, Clone)]
pub struct CastFigures {
    /// Ballots cast (all accepted).
    pub casts: usize,
    /// Concurrent casters.
    pub casters: usize,
    /// Wall time from the first cast to the last receipt.
    pub elapsed: Duration,
    /// Median time of one cast (campaign load + `store::cast`).
    pub p50: Duration,
    /// 99th percentile.
    pub p99: Duration,
}

impl CastFigures {
    /// Ballots per second.
    pub fn per_second(&self) -> f64 {
        self.casts as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Casts one ballot for each voter of `setup`, `casters` at a time. Each cast does what the
/// ballot form's handler does with the database: load the campaign, then [`store::cast`].
/// Checks afterwards that every ballot and voter record is stored.
pub async fn measure_cast(
    db: &Db,
    setup: &CastSetup,
    casters: usize,
    rng: &mut Rng,
) -> anyhow::Result<CastFigures> {
    let cumulative = popularity(rng, setup.seeded.projects.len());
    let ballots: Vec<(UserId, Vec<RawChoice>)> = setup
        .voters
        .iter()
        .map(|u| {
            let k = 1 + rng.below(u64::from(MAX_CHOICES)) as usize;
            let choices = pick_weighted(rng, &cumulative, k)
                .into_iter()
                .map(|i| RawChoice {
                    project: setup.seeded.projects[i].to_string(),
                    points: None,
                })
                .collect();
            (*u, choices)
        })
        .collect();
    let ballots = Arc::new(ballots);
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..casters.max(1) {
        let (db, ballots, next) = (db.clone(), ballots.clone(), next.clone());
        let (campaign_id, budget) = (setup.seeded.campaign, setup.seeded.budget);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((user, choices)) = ballots.get(i) else {
                    break;
                };
                let t = Instant::now();
                let campaign = store::campaign(&db, campaign_id)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("campaign {campaign_id} vanished"))?;
                let voter = Voter {
                    user: *user,
                    resident: true,
                    declared_min_age: true,
                    age_group: None,
                    replace: None,
                };
                store::cast(
                    &db,
                    &campaign,
                    budget,
                    &voter,
                    choices,
                    crate::platform::now(),
                )
                .await?;
                latencies.push(t.elapsed());
            }
            anyhow::Ok(latencies)
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await??);
    }
    let elapsed = start.elapsed();
    let stored: i64 = db
        .query_scalar("SELECT COUNT(*) FROM budget_ballots WHERE budget_id = ?")
        .bind(setup.seeded.budget)
        .fetch_one(db.pool())
        .await?;
    let voters: i64 = db
        .query_scalar("SELECT COUNT(*) FROM budget_voters WHERE budget_id = ?")
        .bind(setup.seeded.budget)
        .fetch_one(db.pool())
        .await?;
    anyhow::ensure!(
        stored as usize == ballots.len() && voters as usize == ballots.len(),
        "{} ballots cast, {stored} stored, {voters} voter records",
        ballots.len()
    );
    latencies.sort_unstable();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    Ok(CastFigures {
        casts: latencies.len(),
        casters: casters.max(1),
        elapsed,
        p50: at(0.5),
        p99: at(0.99),
    })
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "within the bound"
    } else {
        "MISSES the bound"
    }
}

/// The count part's lines.
pub fn count_report(backend: &str, f: &CountFigures) -> String {
    let runs: Vec<String> = f
        .runs
        .iter()
        .map(|d| format!("{:.3} s", d.as_secs_f64()))
        .collect();
    format!(
        "Counting on {backend}: {} ballots, {} projects, Equal Shares then greedy, {} funded.\n\
         \x20 database → published result (publish::count_budget): {} (median {:.3} s, slowest \
         {:.3} s; bound {:.1} s: {})\n\
         \x20 one more, step by step: load {:.3} s, build the Pabulib election {:.3} s, count \
         {:.3} s, store the result {:.3} s\n",
        f.ballots,
        f.projects,
        f.funded,
        runs.join(", "),
        f.median().as_secs_f64(),
        f.worst().as_secs_f64(),
        COUNT_BOUND.as_secs_f64(),
        verdict(f.worst() < COUNT_BOUND),
        f.load.as_secs_f64(),
        f.build.as_secs_f64(),
        f.count.as_secs_f64(),
        f.store.as_secs_f64(),
    )
}

/// The cast part's lines.
pub fn cast_report(backend: &str, f: &CastFigures) -> String {
    format!(
        "Casting on {backend}: {} ballots by {} concurrent voters, each its own committed \
         transaction (ballot, voter record, audit entry) on disk before its receipt.\n\
         \x20 {:.0} ballots/s ({:.3} s; bound {:.0}/s: {}); one cast p50 {:.1} ms, p99 {:.1} ms\n",
        f.casts,
        f.casters,
        f.per_second(),
        f.elapsed.as_secs_f64(),
        CAST_BOUND_PER_SECOND,
        verdict(f.per_second() >= CAST_BOUND_PER_SECOND),
        f.p50.as_secs_f64() * 1000.0,
        f.p99.as_secs_f64() * 1000.0,
    )
}

/// `nousharik bench budgets` options.
#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// Ballots stored for the count.
    #[arg(long, default_value_t = 100_000)]
    pub ballots: usize,
    /// Projects on the ballot.
    #[arg(long, default_value_t = 150)]
    pub projects: usize,
    /// Ballots cast in the cast part.
    #[arg(long, default_value_t = 5_000)]
    pub casts: usize,
    /// Concurrent voters in the cast part.
    #[arg(long, default_value_t = 32)]
    pub casters: usize,
    /// Timed counts.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Also run the count part on PostgreSQL: a server URL (postgres://…); a scratch database
    /// is created there and dropped afterwards.
    #[arg(long)]
    pub postgres: Option<String>,
}

impl BenchArgs {
    fn sizes(&self) -> Sizes {
        Sizes {
            ballots: self.ballots,
            projects: self.projects,
            casts: self.casts,
            casters: self.casters,
            count_runs: self.runs,
        }
    }
}

/// Runs both parts on a temporary SQLite database (the platform's settings: WAL, 10
/// connections), then the count part on PostgreSQL if asked; prints the figures.
pub async fn run(args: &BenchArgs) -> anyhow::Result<()> {
    let sizes = args.sizes();
    let dir = std::env::temp_dir().join(format!(
        "nk-bench-{}",
        hex::encode(rand::random::<[u8; 6]>())
    ));
    std::fs::create_dir_all(&dir)?;
    let outcome = sqlite_part(&dir, &sizes).await;
    let _ = std::fs::remove_dir_all(&dir);
    outcome?;
    if let Some(url) = &args.postgres {
        postgres_part(url, &sizes).await?;
    }
    Ok(())
}

async fn sqlite_part(dir: &std::path::Path, sizes: &Sizes) -> anyhow::Result<()> {
    let url = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let mut rng = Rng::new(2026);
    let t = Instant::now();
    let seeded = seed_count(&db, sizes, &mut rng).await?;
    println!(
        "Seeded {} ballots on {} projects in {:.1} s (SQLite file in {}).",
        sizes.ballots,
        sizes.projects,
        t.elapsed().as_secs_f64(),
        dir.display()
    );
    let figures = measure_count(&db, &seeded, sizes.count_runs).await?;
    print!("{}", count_report("SQLite", &figures));
    let setup = seed_cast(&db, sizes, &mut rng).await?;
    let figures = measure_cast(&db, &setup, sizes.casters, &mut rng).await?;
    print!("{}", cast_report("SQLite", &figures));
    db.close().await;
    Ok(())
}

async fn postgres_part(url: &str, sizes: &Sizes) -> anyhow::Result<()> {
    let name = format!("nk_bench_{}", hex::encode(rand::random::<[u8; 6]>()));
    let admin = Db::connect_with(url, 1).await?;
    admin
        .query(&format!("CREATE DATABASE {name}"))
        .execute(admin.pool())
        .await?;
    let mut scratch = url::Url::parse(url)?;
    scratch.set_path(&format!("/{name}"));
    let outcome = async {
        let db = Db::connect(scratch.as_str()).await?;
        db.migrate().await?;
        let mut rng = Rng::new(2026);
        let seeded = seed_count(&db, sizes, &mut rng).await?;
        let figures = measure_count(&db, &seeded, sizes.count_runs).await?;
        print!("{}", count_report("PostgreSQL", &figures));
        db.close().await;
        anyhow::Ok(())
    }
    .await;
    admin
        .query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(admin.pool())
        .await?;
    admin.close().await;
    outcome
}
