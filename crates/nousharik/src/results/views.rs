//! What the pages and exports show: every indicator of a programme evaluated (current value,
//! progress, breakdown, values with evidence), as table rows, chart bars, JSON and CSV.

use serde::Serialize;

use super::model::{Measure, Progress, Source, latest_value, progress};
use super::store::{self, Indicator, Objective, Programme, Scope, Value};
use crate::platform::Page;
use crate::platform::db::Db;

/// An indicator with what it has reached.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluated {
    /// The indicator.
    #[serde(flatten)]
    pub indicator: Indicator,
    /// Current value: the latest entered value, or the computed figure; `None` when a manual
    /// indicator has no value yet.
    pub current: Option<i64>,
    /// Progress from baseline to target.
    pub progress: Option<Progress>,
    /// The computed figure with its breakdown (computed indicators).
    pub measure: Option<Measure>,
    /// Entered values, oldest first (manual indicators).
    pub values: Vec<Value>,
}

/// Evaluates every indicator of a programme at `now`.
pub async fn evaluate(
    db: &Db,
    programme: &Programme,
    framework: &[Objective],
    now: i64,
) -> store::Result<Vec<Evaluated>> {
    let scope = Scope::of(programme, now);
    let values = store::values(db, programme.id).await?;
    let mut out = Vec::new();
    for ind in framework
        .iter()
        .flat_map(|o| &o.results)
        .flat_map(|r| &r.indicators)
    {
        let mine: Vec<Value> = values
            .iter()
            .filter(|v| v.indicator_id == ind.id)
            .cloned()
            .collect();
        let (current, measure) = match ind.source {
            Source::Manual => {
                let pts: Vec<_> = mine
                    .iter()
                    .map(|v| (v.measured_on, v.id, v.value))
                    .collect();
                (latest_value(&pts), None)
            }
            Source::Computed(q) => {
                let m = store::compute(db, q, &scope).await?;
                (Some(m.value), Some(m))
            }
        };
        out.push(Evaluated {
            indicator: ind.clone(),
            current,
            progress: current.map(|c| progress(ind.baseline, ind.target, c)),
            measure,
            values: mine,
        });
    }
    Ok(out)
}

/// `12.5 %` from thousandths.
pub fn percent(permille: i64) -> String {
    format!("{}.{} %", permille / 10, permille % 10)
}

/// The message key of a breakdown category.
pub fn category_key(b: super::model::Breakdown, code: &str) -> String {
    format!(
        "results-cat-{}-{}",
        b.code().replace('_', "-"),
        code.replace('_', "-")
    )
}

/// The message key of a named query.
pub fn query_key(q: super::model::NamedQuery) -> String {
    format!("results-query-{}", q.code().replace('_', "-"))
}

/// The source as shown: "Entered by hand" or the query's name.
pub fn source_label(page: &Page, s: Source) -> String {
    match s {
        Source::Manual => page.t("results-source-manual"),
        Source::Computed(q) => page.t(&query_key(q)),
    }
}

/// "Women 80 · Men 70 · Unknown 3".
pub fn breakdown_text(page: &Page, e: &Evaluated) -> String {
    let (Source::Computed(q), Some(m)) = (e.indicator.source, &e.measure) else {
        return String::new();
    };
    let Some(b) = q.breakdown() else {
        return String::new();
    };
    let mut parts: Vec<String> = m
        .breakdown
        .iter()
        .map(|(c, n)| format!("{} {n}", page.t(&category_key(b, c))))
        .collect();
    let unknown = m.unknown();
    if unknown > 0 {
        parts.push(format!("{} {unknown}", page.t("results-unknown")));
    }
    parts.join(" · ")
}

/// The CSV export: one row per indicator.
pub fn to_csv(
    programme: &Programme,
    framework: &[Objective],
    evaluated: &[Evaluated],
) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "programme",
        "objective",
        "expected_result",
        "activity",
        "indicator_id",
        "indicator",
        "unit",
        "source",
        "query",
        "baseline",
        "target",
        "current",
        "progress_percent",
        "reached",
        "breakdown",
        "latest_evidence",
    ])?;
    for o in framework {
        for r in &o.results {
            for ind in &r.indicators {
                let Some(e) = evaluated.iter().find(|e| e.indicator.id == ind.id) else {
                    continue;
                };
                let activity = ind
                    .activity_id
                    .and_then(|a| r.activities.iter().find(|x| x.id == a))
                    .map_or("", |a| a.title.as_str());
                let (source, query) = ind.source.columns();
                let mut breakdown: Vec<String> = e
                    .measure
                    .iter()
                    .flat_map(|m| m.breakdown.iter().map(|(c, n)| format!("{c}={n}")))
                    .collect();
                if let Some(m) = &e.measure
                    && !m.breakdown.is_empty()
                {
                    breakdown.push(format!("unknown={}", m.unknown()));
                }
                let evidence = e
                    .values
                    .last()
                    .and_then(|v| v.evidence_url.clone())
                    .unwrap_or_default();
                let record: Vec<String> = vec![
                    programme.key.clone(),
                    o.title.clone(),
                    r.title.clone(),
                    activity.to_string(),
                    ind.id.to_string(),
                    ind.title.clone(),
                    ind.unit.clone(),
                    source.to_string(),
                    query.unwrap_or("").to_string(),
                    ind.baseline.to_string(),
                    ind.target.to_string(),
                    e.current.map(|c| c.to_string()).unwrap_or_default(),
                    e.progress
                        .map(|p| format!("{}.{}", p.permille / 10, p.permille % 10))
                        .unwrap_or_default(),
                    if e.progress.is_some_and(|p| p.reached) {
                        "yes".to_string()
                    } else {
                        "no".to_string()
                    },
                    breakdown.join(";"),
                    evidence,
                ];
                w.write_record(&record)?;
            }
        }
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The JSON export.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The programme.
    pub programme: &'a Programme,
    /// When the figures were computed (Unix seconds).
    pub computed_at: i64,
    /// The framework.
    pub objectives: &'a [Objective],
    /// Every indicator evaluated (with its values and evidence).
    pub indicators: &'a [Evaluated],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(333), "33.3 %");
        assert_eq!(percent(1000), "100.0 %");
        assert_eq!(percent(0), "0.0 %");
    }

    #[test]
    fn keys_follow_codes() {
        use super::super::model::{Breakdown, NamedQuery};
        assert_eq!(
            category_key(Breakdown::EventKind, "training_session"),
            "results-cat-event-kind-training-session"
        );
        assert_eq!(
            query_key(NamedQuery::PbBallotsCast),
            "results-query-pb-ballots-cast"
        );
    }
}
