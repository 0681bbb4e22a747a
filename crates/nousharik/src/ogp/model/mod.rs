//! Pure rules of the OGP module: vocabularies (OGP values, completion, potential for results),
//! what a plan, commitment, milestone, indicator, assessment and review must contain, evidence
//! files, staleness of progress and the report's figures. No I/O.

pub mod evidence;
pub mod progress;
pub mod report;

use jiff::civil::Date;
use serde::Serialize;

/// Defines a closed vocabulary stored as a code: `ALL`, `code()`, `parse()` and the locale
/// key `ogp-<prefix>-<code with dashes>`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the order offered.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable code (database, forms, JSON, CSV).
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The value for a code.
            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// Message key of its label.
            pub fn key(self) -> String {
                format!("ogp-{}-{}", $prefix, self.code().replace('_', "-"))
            }
        }
    };
}

vocabulary!(
    /// The OGP values a commitment is relevant to (LEGAL.md §6).
    OgpValue, "value", {
        /// Access to information (transparency).
        AccessToInformation => "access_to_information",
        /// Civic participation.
        CivicParticipation => "civic_participation",
        /// Public accountability.
        PublicAccountability => "public_accountability",
        /// Technology and innovation for openness and accountability.
        TechnologyInnovation => "technology_innovation",
    }
);

vocabulary!(
    /// How far a commitment is carried out (the OGP completion scale).
    Completion, "completion", {
        /// No evidence to judge.
        NoEvidence => "no_evidence",
        /// Not started.
        NotStarted => "not_started",
        /// Limited.
        Limited => "limited",
        /// Substantial.
        Substantial => "substantial",
        /// Complete.
        Complete => "complete",
    }
);

vocabulary!(
    /// Potential for results (the current OGP scale).
    Potential, "potential", {
        /// Unclear.
        Unclear => "unclear",
        /// Modest.
        Modest => "modest",
        /// Substantial.
        Substantial => "substantial",
    }
);

vocabulary!(
    /// Whether an action plan still takes updates, assessments and reviews.
    PlanStatus, "plan-status", {
        /// Being carried out.
        Open => "open",
        /// Over: read-only.
        Closed => "closed",
    }
);

vocabulary!(
    /// Where a milestone or improvement action stands.
    MilestoneStatus, "milestone-status", {
        /// Not started.
        NotStarted => "not_started",
        /// In progress.
        InProgress => "in_progress",
        /// Completed.
        Completed => "completed",
    }
);

vocabulary!(
    /// A milestone of the commitment, or an action of the improvement plan drawn from the
    /// assessment (both tracked the same way).
    MilestoneKind, "milestone-kind", {
        /// A milestone of the commitment as written in the plan.
        Milestone => "milestone",
        /// An action of the improvement plan.
        Improvement => "improvement",
    }
);

impl Completion {
    /// Share of the commitment carried out, in percent, for charts (no evidence counts as 0).
    pub fn percent(self) -> i64 {
        match self {
            Completion::NoEvidence | Completion::NotStarted => 0,
            Completion::Limited => 33,
            Completion::Substantial => 67,
            Completion::Complete => 100,
        }
    }
}

/// A set of OGP values, stored as codes separated by commas.
pub fn values_to_codes(values: &[OgpValue]) -> String {
    values
        .iter()
        .map(|v| v.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// The OGP values of a stored list; `None` when a code is unknown.
pub fn values_from_codes(codes: &str) -> Option<Vec<OgpValue>> {
    codes
        .split(',')
        .filter(|c| !c.is_empty())
        .map(OgpValue::parse)
        .collect()
}

/// Why a form was refused: the message key and the field it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{key} ({field})")]
pub struct FieldError {
    /// The form field.
    pub field: &'static str,
    /// Message key of the explanation.
    pub key: &'static str,
}

impl FieldError {
    fn new(field: &'static str, key: &'static str) -> Self {
        Self { field, key }
    }
}

/// Longest one-line text (titles, names, institutions).
pub const MAX_LINE: usize = 300;
/// Longest free text (problem, narrative, update).
pub const MAX_TEXT: usize = 8000;

/// A required text of at most `max` characters, trimmed.
pub fn required_text(field: &'static str, value: &str, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new(field, "ogp-error-required"));
    }
    optional_text(field, v, max)
}

/// An optional text of at most `max` characters, trimmed.
pub fn optional_text(field: &'static str, value: &str, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(FieldError::new(field, "ogp-error-too-long"));
    }
    Ok(v.to_string())
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(field: &'static str, value: &str) -> Result<Date, FieldError> {
    value
        .trim()
        .parse::<Date>()
        .map_err(|_| FieldError::new(field, "ogp-error-date"))
}

/// A count (0 or more).
pub fn parse_count(field: &'static str, value: &str) -> Result<i64, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(0);
    }
    match v.parse::<i64>() {
        Ok(n) if (0..=10_000_000).contains(&n) => Ok(n),
        _ => Err(FieldError::new(field, "ogp-error-count")),
    }
}

/// A measured value (decimal point or comma).
pub fn parse_number(field: &'static str, value: &str) -> Result<f64, FieldError> {
    value
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && n.abs() < 1e12)
        .ok_or(FieldError::new(field, "ogp-error-number"))
}

/// A value of a closed vocabulary chosen in a form.
pub fn parse_choice<T>(
    field: &'static str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, FieldError> {
    parse(value.trim()).ok_or(FieldError::new(field, "ogp-error-scale"))
}

fn period(
    start_field: &'static str,
    start: &str,
    end_field: &'static str,
    end: &str,
) -> Result<(Date, Date), FieldError> {
    let s = parse_date(start_field, start)?;
    let e = parse_date(end_field, end)?;
    if e < s {
        return Err(FieldError::new(end_field, "ogp-error-period"));
    }
    Ok((s, e))
}

/// An action plan as written by the body's staff.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDraft {
    /// Title, e.g. "OGP Local action plan 2025–2026".
    pub title: String,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// How the plan was co-created (narrative).
    pub co_creation: String,
    /// People who took part in the co-creation.
    pub participants: i64,
    /// Contributions received (proposals, comments).
    pub contributions: i64,
}

/// The plan form as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PlanForm {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// First day.
    #[serde(default)]
    pub starts_on: String,
    /// Last day.
    #[serde(default)]
    pub ends_on: String,
    /// Co-creation narrative.
    #[serde(default)]
    pub co_creation: String,
    /// Participants.
    #[serde(default)]
    pub participants: String,
    /// Contributions.
    #[serde(default)]
    pub contributions: String,
}

impl PlanForm {
    /// The plan, or the first mistake.
    pub fn parse(&self) -> Result<PlanDraft, FieldError> {
        let title = required_text("title", &self.title, MAX_LINE)?;
        let (starts_on, ends_on) = period("starts_on", &self.starts_on, "ends_on", &self.ends_on)?;
        Ok(PlanDraft {
            title,
            starts_on,
            ends_on,
            co_creation: optional_text("co_creation", &self.co_creation, MAX_TEXT)?,
            participants: parse_count("participants", &self.participants)?,
            contributions: parse_count("contributions", &self.contributions)?,
        })
    }
}

/// A commitment with the OGP fields (LEGAL.md §6).
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentDraft {
    /// Identifier within the plan, e.g. "TTA-01".
    pub code: String,
    /// Title.
    pub title: String,
    /// The problem it addresses.
    pub problem: String,
    /// The status quo.
    pub status_quo: String,
    /// The action.
    pub action: String,
    /// How it solves the problem.
    pub how_it_solves: String,
    /// The OGP values it serves (at least one).
    pub values: Vec<OgpValue>,
    /// Lead institution.
    pub lead_institution: String,
    /// Supporting institutions (government, civil society, others).
    pub supporting_institutions: String,
    /// Start date.
    pub starts_on: Date,
    /// End date.
    pub ends_on: Date,
}

/// The commitment form as typed (`values` may repeat).
#[derive(Debug, Clone, Default)]
pub struct CommitmentForm {
    /// Identifier.
    pub code: String,
    /// Title.
    pub title: String,
    /// Problem.
    pub problem: String,
    /// Status quo.
    pub status_quo: String,
    /// Action.
    pub action: String,
    /// How it solves the problem.
    pub how_it_solves: String,
    /// Codes of the ticked OGP values.
    pub values: Vec<String>,
    /// Lead institution.
    pub lead_institution: String,
    /// Supporting institutions.
    pub supporting_institutions: String,
    /// Start date.
    pub starts_on: String,
    /// End date.
    pub ends_on: String,
}

impl From<&CommitmentDraft> for CommitmentForm {
    /// The form filled with a stored commitment (to correct it).
    fn from(d: &CommitmentDraft) -> Self {
        Self {
            code: d.code.clone(),
            title: d.title.clone(),
            problem: d.problem.clone(),
            status_quo: d.status_quo.clone(),
            action: d.action.clone(),
            how_it_solves: d.how_it_solves.clone(),
            values: d.values.iter().map(|v| v.code().to_string()).collect(),
            lead_institution: d.lead_institution.clone(),
            supporting_institutions: d.supporting_institutions.clone(),
            starts_on: d.starts_on.to_string(),
            ends_on: d.ends_on.to_string(),
        }
    }
}

/// A commitment identifier: 1–20 letters, digits, dashes or dots.
pub fn parse_code(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let ok = !v.is_empty()
        && v.len() <= 20
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if ok {
        Ok(v.to_string())
    } else {
        Err(FieldError::new("code", "ogp-error-code"))
    }
}

impl CommitmentForm {
    /// The commitment, or the first mistake.
    pub fn parse(&self) -> Result<CommitmentDraft, FieldError> {
        let code = parse_code(&self.code)?;
        let title = required_text("title", &self.title, MAX_LINE)?;
        let problem = required_text("problem", &self.problem, MAX_TEXT)?;
        let status_quo = required_text("status_quo", &self.status_quo, MAX_TEXT)?;
        let action = required_text("action", &self.action, MAX_TEXT)?;
        let how_it_solves = required_text("how_it_solves", &self.how_it_solves, MAX_TEXT)?;
        let mut values = Vec::new();
        for code in &self.values {
            let v = parse_choice("values", code, OgpValue::parse)?;
            if !values.contains(&v) {
                values.push(v);
            }
        }
        if values.is_empty() {
            return Err(FieldError::new("values", "ogp-error-values"));
        }
        values.sort();
        let lead_institution = required_text("lead_institution", &self.lead_institution, MAX_LINE)?;
        let supporting_institutions = optional_text(
            "supporting_institutions",
            &self.supporting_institutions,
            MAX_TEXT,
        )?;
        let (starts_on, ends_on) = period("starts_on", &self.starts_on, "ends_on", &self.ends_on)?;
        Ok(CommitmentDraft {
            code,
            title,
            problem,
            status_quo,
            action,
            how_it_solves,
            values,
            lead_institution,
            supporting_institutions,
            starts_on,
            ends_on,
        })
    }
}

/// A milestone or an improvement action.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneDraft {
    /// Milestone of the plan or improvement action.
    pub kind: MilestoneKind,
    /// What is to be done.
    pub title: String,
    /// Who is responsible (an institution or a person's role).
    pub responsible: String,
    /// Start date.
    pub starts_on: Date,
    /// Due date.
    pub due_on: Date,
}

impl MilestoneDraft {
    /// A milestone from the typed fields.
    pub fn parse(
        kind: MilestoneKind,
        title: &str,
        responsible: &str,
        starts_on: &str,
        due_on: &str,
    ) -> Result<Self, FieldError> {
        let title = required_text("title", title, MAX_LINE)?;
        let responsible = required_text("responsible", responsible, MAX_LINE)?;
        let (starts_on, due_on) = period("starts_on", starts_on, "due_on", due_on)?;
        Ok(Self {
            kind,
            title,
            responsible,
            starts_on,
            due_on,
        })
    }
}

/// An indicator of a commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDraft {
    /// What is measured.
    pub name: String,
    /// Unit (e.g. "datasets", "%").
    pub unit: String,
    /// Value at the start.
    pub baseline: f64,
    /// Value aimed at.
    pub target: f64,
    /// Where the figure comes from.
    pub data_source: String,
}

impl IndicatorDraft {
    /// An indicator from the typed fields.
    pub fn parse(
        name: &str,
        unit: &str,
        baseline: &str,
        target: &str,
        data_source: &str,
    ) -> Result<Self, FieldError> {
        Ok(Self {
            name: required_text("name", name, MAX_LINE)?,
            unit: required_text("unit", unit, 40)?,
            baseline: parse_number("baseline", baseline)?,
            target: parse_number("target", target)?,
            data_source: required_text("data_source", data_source, MAX_LINE)?,
        })
    }
}

/// A rating of a commitment on the OGP scales: the staff's self-assessment or an
/// association's review.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    /// Completion.
    pub completion: Completion,
    /// Potential for results.
    pub potential: Potential,
    /// The OGP values the commitment is judged relevant to.
    pub relevant_values: Vec<OgpValue>,
    /// Narrative or comment.
    pub narrative: String,
    /// Link to the evidence, if any.
    pub evidence_link: Option<String>,
}

/// The rating form as typed.
#[derive(Debug, Clone, Default)]
pub struct RatingForm {
    /// Completion code.
    pub completion: String,
    /// Potential code.
    pub potential: String,
    /// Codes of the OGP values ticked as relevant.
    pub relevant_values: Vec<String>,
    /// Narrative.
    pub narrative: String,
    /// Evidence link.
    pub evidence_link: String,
}

impl RatingForm {
    /// The rating, or the first mistake (a value outside a scale is refused).
    pub fn parse(&self) -> Result<Rating, FieldError> {
        let completion = parse_choice("completion", &self.completion, Completion::parse)?;
        let potential = parse_choice("potential", &self.potential, Potential::parse)?;
        let mut relevant_values = Vec::new();
        for c in &self.relevant_values {
            let v = parse_choice("relevant_values", c, OgpValue::parse)?;
            if !relevant_values.contains(&v) {
                relevant_values.push(v);
            }
        }
        relevant_values.sort();
        let narrative = required_text("narrative", &self.narrative, MAX_TEXT)?;
        let link = self.evidence_link.trim();
        let evidence_link = if link.is_empty() {
            None
        } else {
            Some(evidence::parse_link(link).map_err(|key| FieldError::new("evidence_link", key))?)
        };
        Ok(Rating {
            completion,
            potential,
            relevant_values,
            narrative,
            evidence_link,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commitment_form() -> CommitmentForm {
        CommitmentForm {
            code: "TTA-01".into(),
            title: "Open budget data".into(),
            problem: "Budget documents are hard to find".into(),
            status_quo: "PDF on request".into(),
            action: "Publish the budget as open data".into(),
            how_it_solves: "Anyone can read and reuse it".into(),
            values: vec![
                "public_accountability".into(),
                "access_to_information".into(),
            ],
            lead_institution: "Regional council".into(),
            supporting_institutions: "Associations".into(),
            starts_on: "2025-01-01".into(),
            ends_on: "2026-12-31".into(),
        }
    }

    #[test]
    fn vocabularies_round_trip_and_have_keys() {
        for v in OgpValue::ALL {
            assert_eq!(OgpValue::parse(v.code()), Some(*v));
        }
        assert_eq!(Completion::parse("limited"), Some(Completion::Limited));
        assert_eq!(Completion::parse("great"), None);
        assert_eq!(Potential::parse("transformative"), None);
        assert_eq!(Completion::NoEvidence.key(), "ogp-completion-no-evidence");
        assert_eq!(
            OgpValue::TechnologyInnovation.key(),
            "ogp-value-technology-innovation"
        );
        assert_eq!(
            values_from_codes("civic_participation,access_to_information"),
            Some(vec![
                OgpValue::CivicParticipation,
                OgpValue::AccessToInformation
            ])
        );
        assert_eq!(values_from_codes("civic_participation,x"), None);
        assert_eq!(values_from_codes(""), Some(vec![]));
    }

    #[test]
    fn a_stored_commitment_fills_its_correction_form() {
        let c = commitment_form().parse().unwrap();
        let again = CommitmentForm::from(&c).parse().unwrap();
        assert_eq!(again, c);
    }

    #[test]
    fn a_commitment_needs_every_ogp_field() {
        let c = commitment_form().parse().unwrap();
        assert_eq!(
            c.values,
            vec![
                OgpValue::AccessToInformation,
                OgpValue::PublicAccountability
            ]
        );
        let mut f = commitment_form();
        f.values.clear();
        assert_eq!(f.parse().unwrap_err().key, "ogp-error-values");
        let mut f = commitment_form();
        f.values.push("happiness".into());
        assert_eq!(f.parse().unwrap_err().key, "ogp-error-scale");
        let mut f = commitment_form();
        f.problem = "  ".into();
        assert_eq!(f.parse().unwrap_err().field, "problem");
        let mut f = commitment_form();
        f.ends_on = "2024-12-31".into();
        assert_eq!(f.parse().unwrap_err().key, "ogp-error-period");
        let mut f = commitment_form();
        f.code = "TTA 01".into();
        assert_eq!(f.parse().unwrap_err().key, "ogp-error-code");
        let mut f = commitment_form();
        f.starts_on = "31/12/2024".into();
        assert_eq!(f.parse().unwrap_err().key, "ogp-error-date");
    }

    #[test]
    fn ratings_outside_the_scales_are_refused() {
        let ok = RatingForm {
            completion: "substantial".into(),
            potential: "modest".into(),
            relevant_values: vec!["civic_participation".into()],
            narrative: "Two of three milestones done".into(),
            evidence_link: "https://example.org/report.pdf".into(),
        };
        let r = ok.parse().unwrap();
        assert_eq!(r.completion, Completion::Substantial);
        assert_eq!(
            r.evidence_link.as_deref(),
            Some("https://example.org/report.pdf")
        );
        for (completion, potential) in
            [("5", "modest"), ("substantial", "transformative"), ("", "")]
        {
            let f = RatingForm {
                completion: completion.into(),
                potential: potential.into(),
                ..ok.clone()
            };
            assert_eq!(f.parse().unwrap_err().key, "ogp-error-scale");
        }
        let f = RatingForm {
            evidence_link: "javascript:alert(1)".into(),
            ..ok.clone()
        };
        assert_eq!(f.parse().unwrap_err().field, "evidence_link");
        let f = RatingForm {
            narrative: String::new(),
            ..ok
        };
        assert_eq!(f.parse().unwrap_err().field, "narrative");
    }

    #[test]
    fn numbers_and_counts() {
        assert_eq!(parse_number("v", "12,5"), Ok(12.5));
        assert!(parse_number("v", "NaN").is_err());
        assert!(parse_number("v", "abc").is_err());
        assert_eq!(parse_count("n", ""), Ok(0));
        assert!(parse_count("n", "-3").is_err());
        assert_eq!(Completion::Complete.percent(), 100);
        assert_eq!(Completion::NoEvidence.percent(), 0);
    }

    #[test]
    fn plans_and_milestones() {
        let p = PlanForm {
            title: "Plan".into(),
            starts_on: "2025-01-01".into(),
            ends_on: "2026-12-31".into(),
            co_creation: "Workshops".into(),
            participants: "120".into(),
            contributions: "48".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(p.participants, 120);
        let m = MilestoneDraft::parse(
            MilestoneKind::Milestone,
            "Portal online",
            "IT unit",
            "2025-02-01",
            "2025-01-01",
        );
        assert_eq!(m.unwrap_err().key, "ogp-error-period");
        let i = IndicatorDraft::parse("Datasets", "datasets", "0", "x", "Portal");
        assert_eq!(i.unwrap_err().field, "target");
    }
}
