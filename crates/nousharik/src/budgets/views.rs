//! What the budget pages show: amounts in dirhams in the page's language, phases with their
//! dates, ballot rules in words, projects with their decision, and the engine's reasons for
//! every project in plain translated sentences (from the data stored with the result).

use serde_json::Value;

use super::model::project::Status;
use super::model::{BallotType, CountingRule, Money, Phase, VoteScope};
use super::store::{Budget, Campaign, Project, ProjectState};
use crate::platform::Page;
use crate::platform::i18n::Locale;

/// The decimal separator of a page's language.
pub fn decimal(page: &Page) -> char {
    decimal_of(page.locale)
}

/// The decimal separator of a language: a comma, as Morocco writes, except in English.
pub fn decimal_of(locale: Locale) -> char {
    if locale == Locale::En { '.' } else { ',' }
}

/// An amount as people read it: `1 250 000 DH` (or `درهم`).
pub fn money(page: &Page, m: Money) -> String {
    page.tr("budgets-dh", &[("amount", m.format(decimal(page)).into())])
}

/// An amount for a form field: whole dirhams, or with centimes (`1500` / `1500,50`).
pub fn money_input(m: Money) -> String {
    let (dh, c) = (m.0 / 100, m.0 % 100);
    if c == 0 {
        dh.to_string()
    } else {
        format!("{dh},{c:02}")
    }
}

/// The label of a phase.
pub fn phase(page: &Page, p: Phase) -> String {
    page.t(&format!("budgets-phase-{}", p.code()))
}

/// The label of a counting rule.
pub fn rule(page: &Page, r: CountingRule) -> String {
    page.t(&format!("budgets-rule-{}", r.code().replace('_', "-")))
}

/// The label of a vote scope.
pub fn scope(page: &Page, s: VoteScope) -> String {
    page.t(&format!("budgets-scope-{}", s.code()))
}

/// A category's label (the code itself if unknown).
pub fn category(page: &Page, code: &str) -> String {
    if super::model::project::CATEGORIES.contains(&code) {
        page.t(&format!("budgets-category-{code}"))
    } else {
        code.to_owned()
    }
}

/// An implementation status's label.
pub fn status(page: &Page, s: Status) -> String {
    page.t(&format!("budgets-status-{}", s.code()))
}

/// The ballot rules in one sentence.
pub fn ballot_rules(page: &Page, b: BallotType, amount: Option<Money>) -> String {
    match b {
        BallotType::Approval { min, max } => page.tr(
            "budgets-rules-approval",
            &[
                ("min", i64::from(min).into()),
                ("max", i64::from(max).into()),
            ],
        ),
        BallotType::Knapsack => match amount {
            Some(a) => page.tr(
                "budgets-rules-knapsack",
                &[("amount", money(page, a).into())],
            ),
            None => page.t("budgets-type-knapsack"),
        },
        BallotType::Cumulative {
            points,
            max_per_project,
        } => page.tr(
            "budgets-rules-cumulative",
            &[
                ("points", i64::from(points).into()),
                ("max", i64::from(max_per_project).into()),
            ],
        ),
    }
}

/// A campaign as listed.
#[derive(Debug, Clone)]
pub struct CampaignCard {
    /// Link.
    pub href: String,
    /// Title (user text).
    pub title: String,
    /// Territory name.
    pub territory: String,
    /// Current phase, translated.
    pub phase: String,
    /// Phase code (CSS).
    pub phase_code: &'static str,
    /// Voting dates.
    pub voting: String,
    /// Total of its budgets.
    pub total: String,
    /// Number of budgets, in words.
    pub budgets: String,
    /// Demo data.
    pub demo: bool,
}

/// The voting window as `from – last day`.
pub fn voting_dates(page: &Page, c: &Campaign) -> String {
    format!(
        "{} – {}",
        page.date(&c.schedule.voting),
        page.date(&(c.schedule.voting_end - 1))
    )
}

impl CampaignCard {
    /// The card of a campaign.
    pub fn of(page: &Page, c: &Campaign, territory: String) -> Self {
        CampaignCard {
            href: format!("/budgets/campaigns/{}", c.id),
            title: c.title.clone(),
            territory,
            phase: phase(page, c.phase),
            phase_code: c.phase.code(),
            voting: voting_dates(page, c),
            total: money(page, Money(c.budgets.iter().map(|b| b.amount.0).sum())),
            budgets: page.tn("budgets-budget-count", c.budgets.len() as i64),
            demo: c.is_demo,
        }
    }
}

/// One phase of the calendar.
#[derive(Debug, Clone)]
pub struct PhaseRow {
    /// Translated name.
    pub label: String,
    /// Planned start (empty for phases that follow events).
    pub from: String,
    /// The current phase.
    pub current: bool,
    /// A phase already over.
    pub done: bool,
}

/// The calendar of a campaign (without the draft).
pub fn phases(page: &Page, c: &Campaign) -> Vec<PhaseRow> {
    Phase::ALL
        .into_iter()
        .filter(|p| p.is_public())
        .map(|p| PhaseRow {
            label: phase(page, p),
            from: match p {
                Phase::Counting => page.tr(
                    "budgets-voting-closes",
                    &[("date", page.datetime(&c.schedule.voting_end).into())],
                ),
                p => c
                    .schedule
                    .start_of(p)
                    .map(|t| page.tr("budgets-from-date", &[("date", page.date(&t).into())]))
                    .unwrap_or_default(),
            },
            current: p == c.phase,
            done: p < c.phase,
        })
        .collect()
}

/// A budget as shown on the campaign page.
#[derive(Debug, Clone)]
pub struct BudgetRow {
    /// Id.
    pub id: i64,
    /// Name (user text).
    pub name: String,
    /// Who votes in it.
    pub territory: String,
    /// Amount.
    pub amount: String,
}

impl BudgetRow {
    /// The row of a budget.
    pub fn of(page: &Page, b: &Budget, territory: String) -> Self {
        BudgetRow {
            id: b.id,
            name: b.name.clone(),
            territory,
            amount: money(page, b.amount),
        }
    }
}

/// A project with its decision, as listed.
#[derive(Debug, Clone)]
pub struct ProjectRow {
    /// Id.
    pub id: i64,
    /// Link.
    pub href: String,
    /// Title (user text).
    pub title: String,
    /// Description (user text).
    pub description: String,
    /// Place (user text).
    pub place: String,
    /// Budget name.
    pub budget: String,
    /// Budget id.
    pub budget_id: i64,
    /// Category, translated.
    pub category: String,
    /// Estimated cost.
    pub estimated: String,
    /// Cost on the ballot (final if reviewed).
    pub cost: String,
    /// State code (CSS).
    pub state_code: &'static str,
    /// The decision in words.
    pub decision: String,
    /// Reviewer's reason or remarks (user text).
    pub reason: String,
    /// Funded by the count.
    pub funded: bool,
    /// Implementation status, translated.
    pub status: Option<String>,
    /// Progress percentage.
    pub percent: i64,
    /// Still waiting for review (staff may decide).
    pub open: bool,
    /// Merged into another.
    pub merged: bool,
}

impl ProjectRow {
    /// The row of a project; `titles` names the other projects (for "merged into").
    pub fn of(page: &Page, p: &Project, budget: &str, all: &[Project]) -> Self {
        let decision = match p.state {
            ProjectState::Submitted => page.t("budgets-project-submitted"),
            ProjectState::Feasible => page.tr(
                "budgets-project-feasible",
                &[("cost", money(page, p.cost()).into())],
            ),
            ProjectState::NotFeasible => page.t("budgets-project-not-feasible"),
            ProjectState::Merged => {
                let into = p
                    .merged_into
                    .and_then(|id| all.iter().find(|o| o.id == id))
                    .map_or_else(String::new, |o| o.title.clone());
                page.tr("budgets-project-merged", &[("title", into.into())])
            }
        };
        ProjectRow {
            id: p.id,
            href: format!("/budgets/projects/{}", p.id),
            title: p.title.clone(),
            description: p.description.clone(),
            place: p.place.clone(),
            budget: budget.to_owned(),
            budget_id: p.budget_id,
            category: category(page, &p.category),
            estimated: money(page, p.estimated_cost),
            cost: money(page, p.cost()),
            state_code: p.state.code(),
            decision,
            reason: p.review_reason.clone(),
            funded: p.funded,
            status: p.progress_status.map(|s| status(page, s)),
            percent: p.progress_percent,
            open: p.state != ProjectState::Merged,
            merged: p.state == ProjectState::Merged,
        }
    }
}

/// Money written by the engine as a decimal string of dirhams (`"1234.50"`), for reading.
fn engine_dirhams(page: &Page, v: &Value) -> String {
    let dh = v
        .as_str()
        .and_then(|s| s.parse::<f64>().ok())
        .or_else(|| v.as_f64())
        .unwrap_or(0.0);
    money(page, Money((dh * 100.0).round() as i64))
}

/// Money stored as centimes in the result document.
fn centimes(v: &Value) -> Money {
    Money(v.as_i64().unwrap_or(0))
}

/// One reason of the result document (`count::Reason`) as a sentence.
pub fn reason(page: &Page, r: &Value) -> String {
    let num = |k: &str| r[k].as_i64().unwrap_or(0);
    match r["kind"].as_str().unwrap_or_default() {
        "shares_bought" => page.tr(
            "budgets-reason-shares-bought",
            &[
                ("step", num("step").into()),
                ("payers", num("payers").into()),
                ("max", engine_dirhams(page, &r["max_paid"]).into()),
            ],
        ),
        "shares_not_affordable" => page.tr(
            "budgets-reason-shares-not-affordable",
            &[("money", engine_dirhams(page, &r["supporters_money"]).into())],
        ),
        "greedy_funded" => page.tr(
            "budgets-reason-greedy-funded",
            &[
                ("rank", num("rank").into()),
                ("left", money(page, centimes(&r["left"])).into()),
            ],
        ),
        "greedy_does_not_fit" => page.tr(
            "budgets-reason-greedy-does-not-fit",
            &[
                ("rank", num("rank").into()),
                ("left", money(page, centimes(&r["left"])).into()),
            ],
        ),
        "phragmen_funded" => page.tr(
            "budgets-reason-phragmen-funded",
            &[("round", num("round").into())],
        ),
        "phragmen_stopped" => page.t("budgets-reason-phragmen-stopped"),
        "too_expensive" => page.t("budgets-reason-too-expensive"),
        "no_supporters" => page.t("budgets-reason-no-supporters"),
        other => other.to_owned(),
    }
}

/// One project of a published result.
#[derive(Debug, Clone)]
pub struct ResultRow {
    /// Link to the project page.
    pub href: String,
    /// Title (user text).
    pub title: String,
    /// Category, translated.
    pub category: String,
    /// Cost.
    pub cost: String,
    /// Ballots naming it.
    pub votes: i64,
    /// Points (cumulative ballots).
    pub points: i64,
    /// Funded.
    pub funded: bool,
    /// Why, in words.
    pub reasons: Vec<String>,
}

/// The summary and rows of a stored result document.
#[derive(Debug, Clone)]
pub struct ResultView {
    /// Ballots counted.
    pub ballots: i64,
    /// Amount.
    pub budget: String,
    /// Money used.
    pub used: String,
    /// Money left.
    pub left: String,
    /// Every project, funded first.
    pub rows: Vec<ResultRow>,
    /// The engine's own explanation (English, exact figures).
    pub engine_text: String,
}

impl ResultView {
    /// Reads the result document.
    pub fn of(page: &Page, doc: &Value) -> Self {
        let rows = doc["projects"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|p| ResultRow {
                        href: format!("/budgets/projects/{}", p["id"].as_i64().unwrap_or(0)),
                        title: p["title"].as_str().unwrap_or_default().to_owned(),
                        category: category(page, p["category"].as_str().unwrap_or_default()),
                        cost: money(page, centimes(&p["cost"])),
                        votes: p["votes"].as_i64().unwrap_or(0),
                        points: p["points"].as_i64().unwrap_or(0),
                        funded: p["funded"].as_bool().unwrap_or(false),
                        reasons: p["reasons"]
                            .as_array()
                            .map(|rs| rs.iter().map(|r| reason(page, r)).collect())
                            .unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        ResultView {
            ballots: doc["ballots"].as_i64().unwrap_or(0),
            budget: money(page, centimes(&doc["budget"])),
            used: money(page, centimes(&doc["used"])),
            left: money(page, centimes(&doc["left"])),
            rows,
            engine_text: doc["engine_explanation"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        }
    }
}

/// A turnout group's label (`""` is "not stated").
pub fn sex_label(page: &Page, code: &str) -> String {
    match code {
        "female" | "male" => page.t(&format!("budgets-sex-{code}")),
        _ => page.t("budgets-not-stated"),
    }
}

/// An age group's label (`""` is "not stated").
pub fn age_label(page: &Page, code: &str) -> String {
    match code {
        "under_18" | "18_35" | "36_59" | "60_plus" => {
            page.t(&format!("budgets-age-{}", code.replace('_', "-")))
        }
        _ => page.t("budgets-not-stated"),
    }
}
