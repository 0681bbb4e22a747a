//! What the pages show: names in the page's language, translated scale labels, the update flag
//! and the report's figures, computed from the store's records with the model's rules.

use jiff::civil::Date;

use super::model::progress::{Timeliness, timeliness, update_overdue};
use super::model::report::{
    CommitmentFacts, ValueCompletion, completion_by_value, disagreement, milestones_on_time,
};
use super::model::{Completion, MilestoneKind, OgpValue, PlanStatus};
use super::store::{
    Commitment, CommitmentBundle, Indicator, Milestone, Plan, PlanBundle, RatingRecord, Update,
};
use crate::platform::chart::{Bar, BarChart};
use crate::platform::i18n::{Locale, to_casablanca};

/// Today in Africa/Casablanca.
pub fn today(now: i64) -> Date {
    to_casablanca(now).date()
}

/// The Arabic name on Arabic pages, the French one otherwise.
pub fn pick(locale: Locale, names: &(String, String)) -> String {
    if locale.is_rtl() {
        names.0.clone()
    } else {
        names.1.clone()
    }
}

/// The labels of OGP values, joined.
pub fn value_labels(locale: Locale, values: &[OgpValue]) -> String {
    values
        .iter()
        .map(|v| locale.t(&v.key()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A plan as shown.
#[derive(Debug, Clone)]
pub struct PlanView {
    /// Id.
    pub id: i64,
    /// Title (user text).
    pub title: String,
    /// The body.
    pub body: String,
    /// "2025-01-01 – 2026-12-31".
    pub period: String,
    /// Status label.
    pub status: String,
    /// Open.
    pub open: bool,
    /// Co-creation narrative.
    pub co_creation: String,
    /// Participants.
    pub participants: i64,
    /// Contributions.
    pub contributions: i64,
    /// Demo data.
    pub demo: bool,
}

impl PlanView {
    /// The view of a plan.
    pub fn of(p: &Plan, locale: Locale) -> Self {
        Self {
            id: p.id,
            title: p.draft.title.clone(),
            body: pick(locale, &p.organisation_name),
            period: format!("{} – {}", p.draft.starts_on, p.draft.ends_on),
            status: locale.t(&p.status.key()),
            open: p.status == PlanStatus::Open,
            co_creation: p.draft.co_creation.clone(),
            participants: p.draft.participants,
            contributions: p.draft.contributions,
            demo: p.demo,
        }
    }
}

/// Whether a commitment of a plan in `status` is overdue for a progress update today.
pub fn overdue(c: &Commitment, status: PlanStatus, today: Date) -> bool {
    let last = c.last_update_at.map(|t| to_casablanca(t).date());
    update_overdue(status, c.draft.starts_on, last, today)
}

/// A commitment as listed.
#[derive(Debug, Clone)]
pub struct CommitmentRow {
    /// Id.
    pub id: i64,
    /// Identifier.
    pub code: String,
    /// Title.
    pub title: String,
    /// OGP values.
    pub values: String,
    /// Lead institution.
    pub lead: String,
    /// "2025-01-01 – 2026-06-30".
    pub period: String,
    /// Completion of the latest self-assessment, translated (or "not assessed").
    pub completion: String,
    /// Last update, formatted, or "never".
    pub last_update: String,
    /// No update for more than six months.
    pub overdue: bool,
}

impl CommitmentRow {
    /// The row of a commitment.
    pub fn of(b: &CommitmentBundle, status: PlanStatus, today: Date, locale: Locale) -> Self {
        let c = &b.commitment;
        Self {
            id: c.id,
            code: c.draft.code.clone(),
            title: c.draft.title.clone(),
            values: value_labels(locale, &c.draft.values),
            lead: c.draft.lead_institution.clone(),
            period: format!("{} – {}", c.draft.starts_on, c.draft.ends_on),
            completion: b.assessment.as_ref().map_or_else(
                || locale.t("ogp-not-assessed"),
                |a| locale.t(&a.rating.completion.key()),
            ),
            last_update: c
                .last_update_at
                .map_or_else(|| locale.t("ogp-never-updated"), |t| locale.format_date(t)),
            overdue: overdue(c, status, today),
        }
    }
}

/// A milestone or improvement action as shown.
#[derive(Debug, Clone)]
pub struct MilestoneView {
    /// Id.
    pub id: i64,
    /// What.
    pub title: String,
    /// Who.
    pub responsible: String,
    /// Start.
    pub starts_on: String,
    /// Due.
    pub due_on: String,
    /// Status label.
    pub status: String,
    /// Status code (form default).
    pub status_code: &'static str,
    /// Completed on.
    pub completed_on: String,
    /// Timeliness label.
    pub timeliness: String,
    /// Late or overdue.
    pub late: bool,
}

impl MilestoneView {
    /// The view of a milestone.
    pub fn of(m: &Milestone, today: Date, locale: Locale) -> Self {
        let t = timeliness(m.status, m.draft.due_on, m.completed_on, today);
        Self {
            id: m.id,
            title: m.draft.title.clone(),
            responsible: m.draft.responsible.clone(),
            starts_on: m.draft.starts_on.to_string(),
            due_on: m.draft.due_on.to_string(),
            status: locale.t(&m.status.key()),
            status_code: m.status.code(),
            completed_on: m.completed_on.map(|d| d.to_string()).unwrap_or_default(),
            timeliness: locale.t(&t.key()),
            late: matches!(t, Timeliness::Late | Timeliness::Overdue),
        }
    }
}

/// An indicator as shown.
#[derive(Debug, Clone)]
pub struct IndicatorView {
    /// Id.
    pub id: i64,
    /// What is measured.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: String,
    /// Target.
    pub target: String,
    /// Data source.
    pub data_source: String,
    /// (date, value), oldest first.
    pub values: Vec<(String, String)>,
}

/// A number without useless decimals (Latin digits).
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

impl IndicatorView {
    /// The view of an indicator.
    pub fn of(i: &Indicator) -> Self {
        Self {
            id: i.id,
            name: i.draft.name.clone(),
            unit: i.draft.unit.clone(),
            baseline: number(i.draft.baseline),
            target: number(i.draft.target),
            data_source: i.draft.data_source.clone(),
            values: i
                .values
                .iter()
                .map(|(d, v)| (d.to_string(), number(*v)))
                .collect(),
        }
    }
}

/// A piece of evidence as shown: a label and where it is.
#[derive(Debug, Clone)]
pub struct EvidenceView {
    /// File name or link.
    pub label: String,
    /// `/ogp/evidence/{id}` or the link.
    pub href: String,
}

/// An update as shown.
#[derive(Debug, Clone)]
pub struct UpdateView {
    /// What was done.
    pub body: String,
    /// Who.
    pub author: String,
    /// When.
    pub when: String,
    /// Evidence.
    pub evidence: Vec<EvidenceView>,
}

impl UpdateView {
    /// The view of an update.
    pub fn of(u: &Update, locale: Locale) -> Self {
        Self {
            body: u.body.clone(),
            author: u.author.clone().unwrap_or_default(),
            when: locale.format_date(u.created_at),
            evidence: u
                .evidence
                .iter()
                .map(|e| match (&e.link, &e.file_name) {
                    (Some(l), _) => EvidenceView {
                        label: l.clone(),
                        href: l.clone(),
                    },
                    (None, name) => EvidenceView {
                        label: name.clone().unwrap_or_default(),
                        href: format!("/ogp/evidence/{}", e.id),
                    },
                })
                .collect(),
        }
    }
}

/// A self-assessment or review as shown, with where a review differs from the self-assessment.
#[derive(Debug, Clone)]
pub struct RatingView {
    /// "Self-assessment" or the association's name.
    pub by: String,
    /// Author's name.
    pub author: String,
    /// Completion label.
    pub completion: String,
    /// Potential label.
    pub potential: String,
    /// Relevant OGP values.
    pub values: String,
    /// Narrative.
    pub narrative: String,
    /// Evidence link.
    pub evidence_link: Option<String>,
    /// When.
    pub when: String,
    /// Completion differs from the self-assessment.
    pub completion_differs: bool,
    /// Potential differs from the self-assessment.
    pub potential_differs: bool,
}

impl RatingView {
    /// The view of a rating; `own` is the self-assessment it is compared with.
    pub fn of(r: &RatingRecord, own: Option<&RatingRecord>, locale: Locale) -> Self {
        let d = disagreement(
            own.filter(|_| r.association.is_some())
                .map(|a| (a.rating.completion, a.rating.potential)),
            (r.rating.completion, r.rating.potential),
        );
        Self {
            by: r.association.as_ref().map_or_else(
                || locale.t("ogp-self-assessment"),
                |(_, ar, fr)| pick(locale, &(ar.clone(), fr.clone())),
            ),
            author: r.author.clone().unwrap_or_default(),
            completion: locale.t(&r.rating.completion.key()),
            potential: locale.t(&r.rating.potential.key()),
            values: value_labels(locale, &r.rating.relevant_values),
            narrative: r.rating.narrative.clone(),
            evidence_link: r.rating.evidence_link.clone(),
            when: locale.format_date(r.at),
            completion_differs: d.completion,
            potential_differs: d.potential,
        }
    }
}

/// The report's facts of a plan's commitments (milestones only, improvement actions apart).
pub fn facts(b: &PlanBundle, today: Date) -> Vec<CommitmentFacts> {
    b.commitments
        .iter()
        .map(|c| CommitmentFacts {
            values: c.commitment.draft.values.clone(),
            completion: c.assessment.as_ref().map(|a| a.rating.completion),
            milestones: c
                .milestones
                .iter()
                .filter(|m| m.draft.kind == MilestoneKind::Milestone)
                .map(|m| timeliness(m.status, m.draft.due_on, m.completed_on, today))
                .collect(),
        })
        .collect()
}

/// The three charts of the report: completion by commitment, by OGP value, milestones on time.
pub fn charts(b: &PlanBundle, today: Date, locale: Locale) -> [BarChart; 3] {
    let by_commitment = BarChart {
        caption: locale.t("ogp-chart-by-commitment"),
        label_header: locale.t("ogp-commitment"),
        value_header: locale.t("ogp-completion"),
        bars: b
            .commitments
            .iter()
            .map(|c| {
                let completion = c.assessment.as_ref().map(|a| a.rating.completion);
                Bar::new(
                    format!("{} {}", c.commitment.draft.code, c.commitment.draft.title),
                    completion.map_or(0, Completion::percent),
                    completion.map_or_else(
                        || locale.t("ogp-not-assessed"),
                        |x| format!("{} ({} %)", locale.t(&x.key()), x.percent()),
                    ),
                )
            })
            .collect(),
    };
    let f = facts(b, today);
    let by_value = BarChart {
        caption: locale.t("ogp-chart-by-value"),
        label_header: locale.t("ogp-value"),
        value_header: locale.t("ogp-mean-completion"),
        bars: completion_by_value(&f)
            .iter()
            .map(|v: &ValueCompletion| {
                Bar::new(
                    locale.t(&v.value.key()),
                    v.mean_percent.unwrap_or(0),
                    v.mean_percent.map_or_else(
                        || locale.t("ogp-not-assessed"),
                        |p| {
                            locale.tr(
                                "ogp-mean-of",
                                &[
                                    ("percent", crate::platform::i18n::Arg::Num(p)),
                                    ("count", crate::platform::i18n::Arg::Num(v.assessed as i64)),
                                ],
                            )
                        },
                    ),
                )
            })
            .collect(),
    };
    let on_time = BarChart {
        caption: locale.t("ogp-chart-milestones"),
        label_header: locale.t("ogp-timeliness"),
        value_header: locale.t("ogp-milestones-count"),
        bars: milestones_on_time(&f)
            .iter()
            .map(|(t, n)| Bar::new(locale.t(&t.key()), *n as i64, n.to_string()))
            .collect(),
    };
    [by_commitment, by_value, on_time]
}
