//! The PDF report of an action plan (typst via `platform::pdf`), in Arabic or French: the plan
//! and its co-creation, three charts (completion by commitment, by OGP value, milestones on
//! time) drawn by typst from the same figures as the web page, each commitment with its
//! self-assessment, the civil-society reviews beside it, and the evidence links.

use jiff::civil::Date;

use super::model::report::{completion_by_value, milestones_on_time};
use super::model::{Completion, MilestoneKind, MilestoneStatus};
use super::store::PlanBundle;
use super::views::{facts, overdue, pick, value_labels};
use crate::platform::i18n::{Arg, Locale};
use crate::platform::pdf::{self, Fonts, Inputs, PdfError};

/// The typst source; data arrives as `sys.inputs`, never as markup.
const SOURCE: &str = include_str!("../../templates/ogp/report.typ");

/// Labels of the document, by input name and message key.
const LABELS: &[(&str, &str)] = &[
    ("h_report", "ogp-report-title"),
    ("h_body", "ogp-body"),
    ("h_period", "ogp-period"),
    ("h_status", "ogp-status"),
    ("h_co_creation", "ogp-co-creation"),
    ("h_participants", "ogp-participants"),
    ("h_contributions", "ogp-contributions"),
    ("h_meetings", "ogp-meetings"),
    ("h_forum", "ogp-forum"),
    ("h_by_commitment", "ogp-chart-by-commitment"),
    ("h_by_value", "ogp-chart-by-value"),
    ("h_milestones", "ogp-chart-milestones"),
    ("h_commitments", "ogp-commitments"),
    ("h_values", "ogp-values"),
    ("h_lead", "ogp-field-lead-institution"),
    ("h_self", "ogp-self-assessment"),
    ("h_reviews", "ogp-reviews"),
    ("h_completion", "ogp-field-completion"),
    ("h_potential", "ogp-field-potential"),
    ("h_milestones_done", "ogp-milestones-done"),
    ("h_evidence", "ogp-evidence"),
    ("h_overdue", "ogp-update-overdue"),
    ("h_demo", "ogp-demo-notice"),
    ("h_differs", "ogp-differs"),
];

/// Renders the report of a plan in `locale` (Arabic or French).
pub fn render(
    b: &PlanBundle,
    locale: Locale,
    base_url: &str,
    today: Date,
) -> Result<Vec<u8>, PdfError> {
    let fonts: &Fonts = Fonts::shared().map_err(|e| PdfError::NoFonts(e.to_string()))?;
    let base = base_url.trim_end_matches('/');
    let p = &b.plan;
    let mut inputs = Inputs::new()
        .text("rtl", if locale.is_rtl() { "1" } else { "" })
        .text("lang", locale.code())
        .text("title", p.draft.title.clone())
        .text("body", pick(locale, &p.organisation_name))
        .text(
            "period",
            format!("{} – {}", p.draft.starts_on, p.draft.ends_on),
        )
        .text("status", locale.t(&p.status.key()))
        .text("co_creation", p.draft.co_creation.clone())
        .text("participants", p.draft.participants.to_string())
        .text("contributions", p.draft.contributions.to_string())
        .text(
            "meetings",
            b.events
                .iter()
                .map(|e| e.title.clone())
                .collect::<Vec<_>>()
                .join(" · "),
        )
        .text(
            "forum",
            b.forum
                .iter()
                .map(|m| pick(locale, &m.name))
                .collect::<Vec<_>>()
                .join(" · "),
        )
        .text("demo", if p.demo { "1" } else { "" })
        .text("url", format!("{base}/ogp/plans/{}/report", p.id));
    for (name, key) in LABELS {
        inputs = inputs.text(name, locale.t(key));
    }
    // Charts: [label, percent or count (bar length), shown value].
    let by_commitment: Vec<Vec<String>> = b
        .commitments
        .iter()
        .map(|c| {
            let completion = c.assessment.as_ref().map(|a| a.rating.completion);
            vec![
                c.commitment.draft.code.clone(),
                completion.map_or(0, Completion::percent).to_string(),
                completion.map_or_else(|| locale.t("ogp-not-assessed"), |x| locale.t(&x.key())),
            ]
        })
        .collect();
    let f = facts(b, today);
    let by_value: Vec<Vec<String>> = completion_by_value(&f)
        .iter()
        .map(|v| {
            vec![
                locale.t(&v.value.key()),
                v.mean_percent.unwrap_or(0).to_string(),
                v.mean_percent.map_or_else(
                    || locale.t("ogp-not-assessed"),
                    |pc| {
                        locale.tr(
                            "ogp-mean-of",
                            &[
                                ("percent", Arg::Num(pc)),
                                ("count", Arg::Num(v.assessed as i64)),
                            ],
                        )
                    },
                ),
            ]
        })
        .collect();
    let on_time: Vec<Vec<String>> = milestones_on_time(&f)
        .iter()
        .map(|(t, n)| vec![locale.t(&t.key()), n.to_string(), n.to_string()])
        .collect();
    let max_milestones = on_time
        .iter()
        .filter_map(|r| r[1].parse::<i64>().ok())
        .max()
        .unwrap_or(0)
        .max(1);
    // Commitments: [code, title, values, lead, completion, potential, narrative, milestones,
    // overdue flag, evidence links].
    let commitments: Vec<Vec<String>> = b
        .commitments
        .iter()
        .map(|c| {
            let d = &c.commitment.draft;
            let own = c.assessment.as_ref();
            let ms: Vec<_> = c
                .milestones
                .iter()
                .filter(|m| m.draft.kind == MilestoneKind::Milestone)
                .collect();
            let done = ms
                .iter()
                .filter(|m| m.status == MilestoneStatus::Completed)
                .count();
            let evidence: Vec<String> = c
                .updates
                .iter()
                .flat_map(|u| u.evidence.iter())
                .map(|e| {
                    e.link
                        .clone()
                        .unwrap_or_else(|| format!("{base}/ogp/evidence/{}", e.id))
                })
                .collect();
            vec![
                d.code.clone(),
                d.title.clone(),
                value_labels(locale, &d.values),
                d.lead_institution.clone(),
                own.map_or_else(
                    || locale.t("ogp-not-assessed"),
                    |a| locale.t(&a.rating.completion.key()),
                ),
                own.map_or_else(String::new, |a| locale.t(&a.rating.potential.key())),
                own.map_or_else(String::new, |a| a.rating.narrative.clone()),
                format!("{done} / {}", ms.len()),
                if overdue(&c.commitment, p.status, today) {
                    "1".into()
                } else {
                    String::new()
                },
                evidence.join("\n"),
            ]
        })
        .collect();
    // Reviews: [commitment code, association, completion, potential, comment, differs flag].
    let reviews: Vec<Vec<String>> = b
        .commitments
        .iter()
        .flat_map(|c| {
            let own = c
                .assessment
                .as_ref()
                .map(|a| (a.rating.completion, a.rating.potential));
            c.reviews.iter().map(move |r| {
                let d = super::model::report::disagreement(
                    own,
                    (r.rating.completion, r.rating.potential),
                );
                vec![
                    c.commitment.draft.code.clone(),
                    r.association
                        .as_ref()
                        .map(|(_, ar, fr)| pick(locale, &(ar.clone(), fr.clone())))
                        .unwrap_or_default(),
                    locale.t(&r.rating.completion.key()),
                    locale.t(&r.rating.potential.key()),
                    r.rating.narrative.clone(),
                    if d.any() { "1".into() } else { String::new() },
                ]
            })
        })
        .collect();
    let inputs = inputs
        .rows("by_commitment", by_commitment)
        .rows("by_value", by_value)
        .rows("on_time", on_time)
        .text("max_milestones", max_milestones.to_string())
        .rows("commitments", commitments)
        .rows("reviews", reviews);
    pdf::render(fonts, SOURCE, inputs)
}
