//! Pure rules of the results framework: no I/O, every rule unit-tested.
//!
//! A programme has objectives → expected results → activities → indicators. An indicator has a
//! baseline, a target and a unit, and is either entered by hand (values over time, each with
//! its evidence) or computed from the platform by one of the [`NamedQuery`]s.
//!
//! - this file: the named queries, the drafts typed in forms and their validation, progress;
//! - [`evidence`]: what may be attached as evidence (links, files: types and sizes).

pub mod evidence;

use jiff::civil::Date;
use serde::Serialize;

use crate::meetings::model::coded_enum;
use crate::platform::i18n::CASABLANCA;

/// Longest title (programme, objective, result, activity, indicator).
pub const MAX_TITLE: usize = 300;
/// Longest free text (description, note).
pub const MAX_TEXT: usize = 4_000;
/// Longest unit ("people", "training sessions"…).
pub const MAX_UNIT: usize = 60;
/// Largest baseline, target or value.
pub const MAX_NUMBER: i64 = 1_000_000_000_000;

coded_enum!(
    /// The fixed list of figures the platform computes for an indicator. Each has its SQL in
    /// `results::store` (both backends). Meetings figures count the events tagged with the
    /// programme's key; every figure is limited to the programme's territory (and what lies
    /// below it) and period.
    NamedQuery {
        /// Training sessions of the programme that have ended (not cancelled).
        TrainingsHeld => "trainings_held",
        /// Different people checked in at those trainings, by actor type.
        PeopleTrained => "people_trained",
        /// Different people checked in at those trainings, by sex (women, men, unknown).
        PeopleTrainedBySex => "people_trained_by_sex",
        /// Different associations (registry organisations) a member of which, with an account,
        /// was checked in at those trainings.
        AssociationsTrained => "associations_trained",
        /// Events of the programme that have ended (not cancelled), by kind.
        EventsHeld => "events_held",
        /// Different people checked in at those events, by sex.
        PeopleReached => "people_reached",
        /// Petitions deposited with a council, by kind (citizen, association).
        PetitionsDeposited => "petitions_deposited",
        /// Petitions the bureau declared admissible, by kind.
        PetitionsAdmissible => "petitions_admissible",
        /// Participatory-budget projects funded (campaigns whose vote closed in the period).
        PbProjectsFunded => "pb_projects_funded",
        /// Participatory-budget ballots cast (online and paper) in those campaigns.
        PbBallotsCast => "pb_ballots_cast",
    }
);

coded_enum!(
    /// How a computed figure is broken down.
    Breakdown {
        /// Women, men (from the attendance records).
        Sex => "sex",
        /// Citizen, association, staff, elected member, consultative body.
        ActorType => "actor_type",
        /// Launch meeting, workshop, training…
        EventKind => "event_kind",
        /// Citizen or association petition.
        PetitionKind => "petition_kind",
    }
);

impl NamedQuery {
    /// The breakdown this figure comes with, if its source has one.
    pub fn breakdown(self) -> Option<Breakdown> {
        match self {
            NamedQuery::PeopleTrained => Some(Breakdown::ActorType),
            NamedQuery::PeopleTrainedBySex | NamedQuery::PeopleReached => Some(Breakdown::Sex),
            NamedQuery::EventsHeld => Some(Breakdown::EventKind),
            NamedQuery::PetitionsDeposited | NamedQuery::PetitionsAdmissible => {
                Some(Breakdown::PetitionKind)
            }
            NamedQuery::TrainingsHeld
            | NamedQuery::AssociationsTrained
            | NamedQuery::PbProjectsFunded
            | NamedQuery::PbBallotsCast => None,
        }
    }

    /// Whether the figure counts events tagged with the programme's key (meetings module).
    pub fn uses_programme_key(self) -> bool {
        matches!(
            self,
            NamedQuery::TrainingsHeld
                | NamedQuery::PeopleTrained
                | NamedQuery::PeopleTrainedBySex
                | NamedQuery::AssociationsTrained
                | NamedQuery::EventsHeld
                | NamedQuery::PeopleReached
        )
    }
}

/// Where an indicator's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "source", content = "query", rename_all = "snake_case")]
pub enum Source {
    /// Typed in by staff, with evidence.
    Manual,
    /// Computed by the platform.
    Computed(NamedQuery),
}

impl Source {
    /// The stored pair (`source`, `query`).
    pub fn columns(self) -> (&'static str, Option<&'static str>) {
        match self {
            Source::Manual => ("manual", None),
            Source::Computed(q) => ("computed", Some(q.code())),
        }
    }

    /// From the stored pair; `None` for a pair the schema forbids or an unknown query.
    pub fn from_columns(source: &str, query: Option<&str>) -> Option<Self> {
        match (source, query) {
            ("manual", None) => Some(Source::Manual),
            ("computed", Some(q)) => NamedQuery::parse(q).map(Source::Computed),
            _ => None,
        }
    }
}

/// A refused form field: the field's name and the message key saying why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    /// Form field name.
    pub field: &'static str,
    /// Message key.
    pub key: &'static str,
}

fn err(field: &'static str, key: &'static str) -> FieldError {
    FieldError { field, key }
}

/// A required single-line text of at most `max` characters.
fn text(raw: &str, field: &'static str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let t = raw.trim();
    if t.is_empty() {
        errors.push(err(field, "results-error-required"));
    } else if t.chars().count() > max {
        errors.push(err(field, "results-error-too-long"));
    }
    t.to_string()
}

/// A free text of at most [`MAX_TEXT`] characters (may be empty).
fn free_text(raw: &str, field: &'static str, errors: &mut Vec<FieldError>) -> String {
    let t = raw.trim();
    if t.chars().count() > MAX_TEXT {
        errors.push(err(field, "results-error-too-long"));
    }
    t.to_string()
}

/// A whole number ≥ 0 as typed: ASCII or Arabic-Indic digits, spaces as thousands separators.
/// The error is a message key: not a number, negative, or too large.
pub fn parse_count(raw: &str) -> Result<i64, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("results-error-required");
    }
    let (negative, digits) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut n: i64 = 0;
    let mut seen = false;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            '٠'..='٩' => c as i64 - '٠' as i64,
            '۰'..='۹' => c as i64 - '۰' as i64,
            ' ' | '\u{a0}' | '\u{202f}' if seen => continue,
            _ => return Err("results-error-not-number"),
        };
        seen = true;
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d))
            .filter(|n| *n <= MAX_NUMBER)
            .ok_or("results-error-too-large")?;
    }
    if !seen {
        return Err("results-error-not-number");
    }
    if negative && n > 0 {
        return Err("results-error-negative");
    }
    Ok(n)
}

fn count(raw: &str, field: &'static str, errors: &mut Vec<FieldError>) -> i64 {
    parse_count(raw).unwrap_or_else(|key| {
        errors.push(err(field, key));
        0
    })
}

/// A date typed as `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Option<Date> {
    raw.trim().parse::<Date>().ok()
}

fn date(raw: &str, field: &'static str, errors: &mut Vec<FieldError>) -> Option<Date> {
    let d = parse_date(raw);
    if d.is_none() {
        errors.push(err(
            field,
            if raw.trim().is_empty() {
                "results-error-required"
            } else {
                "results-error-date"
            },
        ));
    }
    d
}

/// The key events are tagged with: trimmed, 1–100 characters, no control characters.
fn programme_key(raw: &str, errors: &mut Vec<FieldError>) -> String {
    let k = text(raw, "key", 100, errors);
    if k.chars().any(char::is_control) {
        errors.push(err("key", "results-error-key"));
    }
    k
}

/// A programme as typed in its form.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeForm {
    /// The key events are tagged with (meetings' "programme").
    pub key: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`.
    pub ends_on: String,
}

/// A valid programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeDraft {
    /// The key events are tagged with.
    pub key: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// The period counted.
    pub period: Period,
}

impl ProgrammeForm {
    /// Checks every field; all the problems at once.
    pub fn validate(&self) -> Result<ProgrammeDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let key = programme_key(&self.key, &mut errors);
        let title = text(&self.title, "title", MAX_TITLE, &mut errors);
        let description = free_text(&self.description, "description", &mut errors);
        let from = date(&self.starts_on, "starts_on", &mut errors);
        let to = date(&self.ends_on, "ends_on", &mut errors);
        let period = match (from, to) {
            (Some(from), Some(to)) if to < from => {
                errors.push(err("ends_on", "results-error-period"));
                None
            }
            (Some(from), Some(to)) => Some(Period { from, to }),
            _ => None,
        };
        match period {
            Some(period) if errors.is_empty() => Ok(ProgrammeDraft {
                key,
                title,
                description,
                period,
            }),
            _ => Err(errors),
        }
    }
}

/// A period of whole days, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
}

impl Period {
    /// `[start, end)` in Unix seconds: from midnight of the first day to midnight after the
    /// last, Africa/Casablanca time.
    pub fn bounds(&self) -> (i64, i64) {
        let midnight = |d: Date| {
            d.to_zoned_datetime(CASABLANCA.clone())
                .map(|z| z.timestamp().as_second())
                .unwrap_or(i64::MAX)
        };
        let after = self.to.tomorrow().map_or(i64::MAX, midnight);
        (midnight(self.from), after)
    }
}

/// An indicator as typed in its form.
#[derive(Debug, Clone, Default)]
pub struct IndicatorForm {
    /// Title.
    pub title: String,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: String,
    /// Target.
    pub target: String,
    /// `manual` or the code of a [`NamedQuery`].
    pub source: String,
    /// Definition, data source, how it is counted.
    pub note: String,
    /// Activity id, or empty.
    pub activity: String,
}

/// A valid indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorDraft {
    /// Title.
    pub title: String,
    /// Unit.
    pub unit: String,
    /// Baseline (≥ 0).
    pub baseline: i64,
    /// Target (≥ 0).
    pub target: i64,
    /// Manual or computed.
    pub source: Source,
    /// Definition and data source.
    pub note: String,
    /// The activity it measures, if any (one of its result's activities).
    pub activity: Option<i64>,
}

impl IndicatorForm {
    /// Checks every field; `activities` are the ids of the result's activities.
    pub fn validate(&self, activities: &[i64]) -> Result<IndicatorDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = text(&self.title, "title", MAX_TITLE, &mut errors);
        let unit = text(&self.unit, "unit", MAX_UNIT, &mut errors);
        let baseline = count(&self.baseline, "baseline", &mut errors);
        let target = count(&self.target, "target", &mut errors);
        let source = match self.source.trim() {
            "manual" => Some(Source::Manual),
            code => NamedQuery::parse(code).map(Source::Computed),
        };
        if source.is_none() {
            errors.push(err("source", "results-error-unknown-query"));
        }
        let note = free_text(&self.note, "note", &mut errors);
        let activity = match self.activity.trim() {
            "" => None,
            a => match a.parse::<i64>() {
                Ok(id) if activities.contains(&id) => Some(id),
                _ => {
                    errors.push(err("activity", "results-error-activity"));
                    None
                }
            },
        };
        match source {
            Some(source) if errors.is_empty() => Ok(IndicatorDraft {
                title,
                unit,
                baseline,
                target,
                source,
                note,
                activity,
            }),
            _ => Err(errors),
        }
    }
}

/// A value of a manual indicator as typed.
#[derive(Debug, Clone, Default)]
pub struct ValueForm {
    /// Date of the measure, `YYYY-MM-DD`.
    pub measured_on: String,
    /// The value.
    pub value: String,
    /// What it is based on.
    pub note: String,
    /// Link to the evidence, or empty.
    pub evidence_url: String,
}

/// A valid value (the evidence file, if any, is checked by [`evidence::check_file`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueDraft {
    /// Date of the measure.
    pub measured_on: Date,
    /// The value.
    pub value: i64,
    /// What it is based on.
    pub note: String,
    /// Link to the evidence.
    pub evidence_url: Option<String>,
}

impl ValueForm {
    /// Checks every field. `has_file`: a valid evidence file comes with it; a value needs a
    /// link or a file.
    pub fn validate(&self, has_file: bool) -> Result<ValueDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let measured_on = date(&self.measured_on, "measured_on", &mut errors);
        let value = count(&self.value, "value", &mut errors);
        let note = free_text(&self.note, "note", &mut errors);
        let evidence_url = match self.evidence_url.trim() {
            "" => None,
            raw => match evidence::check_url(raw) {
                Ok(u) => Some(u),
                Err(key) => {
                    errors.push(err("evidence_url", key));
                    None
                }
            },
        };
        if evidence_url.is_none() && !has_file && self.evidence_url.trim().is_empty() {
            errors.push(err("evidence_url", "results-error-evidence-required"));
        }
        match measured_on {
            Some(measured_on) if errors.is_empty() => Ok(ValueDraft {
                measured_on,
                value,
                note,
                evidence_url,
            }),
            _ => Err(errors),
        }
    }
}

/// A title typed for an objective, expected result or activity.
pub fn validate_title(raw: &str) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    let t = text(raw, "title", MAX_TITLE, &mut errors);
    if errors.is_empty() {
        Ok(t)
    } else {
        Err(errors)
    }
}

/// A computed figure: the value and, when the source has one, its breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Measure {
    /// The figure.
    pub value: i64,
    /// (category code, count), in a stable order.
    pub breakdown: Vec<(String, i64)>,
}

impl Measure {
    /// The part of the figure no category accounts for (unknown sex or actor type).
    pub fn unknown(&self) -> i64 {
        (self.value - self.breakdown.iter().map(|(_, n)| n).sum::<i64>()).max(0)
    }
}

/// How far an indicator has gone from its baseline to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Share of the way done, in thousandths, between 0 and 1000.
    pub permille: i64,
    /// The target is reached.
    pub reached: bool,
}

/// Progress of `current` from `baseline` to `target`. A target below the baseline is a
/// reduction (fewer complaints): progress is then measured downwards. A target equal to the
/// baseline is reached when the current value is at least the target.
pub fn progress(baseline: i64, target: i64, current: i64) -> Progress {
    let (done, way) = if target >= baseline {
        (current - baseline, target - baseline)
    } else {
        (baseline - current, baseline - target)
    };
    if way == 0 {
        let reached = current >= target;
        return Progress {
            permille: if reached { 1000 } else { 0 },
            reached,
        };
    }
    let p = (i128::from(done) * 1000 / i128::from(way)).clamp(0, 1000) as i64;
    Progress {
        permille: p,
        reached: done >= way,
    }
}

/// The current value of a manual indicator: the value of the latest measure (by date, then
/// by order of entry); `None` before the first.
pub fn latest_value(values: &[(Date, i64, i64)]) -> Option<i64> {
    values
        .iter()
        .max_by_key(|(d, id, _)| (*d, *id))
        .map(|(_, _, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn counts_accept_digits_of_both_scripts_and_refuse_the_rest() {
        assert_eq!(parse_count("42"), Ok(42));
        assert_eq!(parse_count(" 1 200 "), Ok(1200));
        assert_eq!(parse_count("٤٢"), Ok(42));
        assert_eq!(parse_count("+7"), Ok(7));
        assert_eq!(parse_count("-0"), Ok(0));
        assert_eq!(parse_count("-5"), Err("results-error-negative"));
        assert_eq!(parse_count("−5"), Err("results-error-negative"));
        assert_eq!(parse_count("douze"), Err("results-error-not-number"));
        assert_eq!(parse_count("12.5"), Err("results-error-not-number"));
        assert_eq!(parse_count("1e3"), Err("results-error-not-number"));
        assert_eq!(parse_count("-"), Err("results-error-not-number"));
        assert_eq!(parse_count(""), Err("results-error-required"));
        assert_eq!(
            parse_count("99999999999999999999"),
            Err("results-error-too-large")
        );
        assert_eq!(parse_count("1000000000000"), Ok(MAX_NUMBER));
        assert_eq!(parse_count("1000000000001"), Err("results-error-too-large"));
    }

    fn indicator() -> IndicatorForm {
        IndicatorForm {
            title: "Training sessions held".into(),
            unit: "sessions".into(),
            baseline: "0".into(),
            target: "9".into(),
            source: "trainings_held".into(),
            note: String::new(),
            activity: String::new(),
        }
    }

    #[test]
    fn a_valid_indicator_is_typed() {
        let d = indicator().validate(&[]).unwrap();
        assert_eq!(d.source, Source::Computed(NamedQuery::TrainingsHeld));
        assert_eq!((d.baseline, d.target), (0, 9));
        let mut m = indicator();
        m.source = "manual".into();
        m.activity = "12".into();
        let d = m.validate(&[11, 12]).unwrap();
        assert_eq!((d.source, d.activity), (Source::Manual, Some(12)));
    }

    #[test]
    fn every_bad_indicator_field_is_reported_at_once() {
        let f = IndicatorForm {
            title: " ".into(),
            unit: "x".repeat(MAX_UNIT + 1),
            baseline: "abc".into(),
            target: "-3".into(),
            source: "drop_tables".into(),
            note: String::new(),
            activity: "99".into(),
        };
        let errors = f.validate(&[1]).unwrap_err();
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.key)).collect();
        assert_eq!(
            got,
            vec![
                ("title", "results-error-required"),
                ("unit", "results-error-too-long"),
                ("baseline", "results-error-not-number"),
                ("target", "results-error-negative"),
                ("source", "results-error-unknown-query"),
                ("activity", "results-error-activity"),
            ]
        );
    }

    #[test]
    fn programme_period_must_be_ordered() {
        let f = ProgrammeForm {
            key: "Nousharik 2023".into(),
            title: "Nousharik".into(),
            description: String::new(),
            starts_on: "2023-01-01".into(),
            ends_on: "2023-12-31".into(),
        };
        let d = f.validate().unwrap();
        assert_eq!(d.period.from, date(2023, 1, 1));
        let mut bad = f.clone();
        bad.ends_on = "2022-12-31".into();
        let e = bad.validate().unwrap_err();
        assert_eq!(e[0].key, "results-error-period");
        let mut bad = f;
        bad.starts_on = "01/01/2023".into();
        bad.key = "a\u{7}b".into();
        let keys: Vec<&str> = bad.validate().unwrap_err().iter().map(|e| e.key).collect();
        assert_eq!(keys, vec!["results-error-key", "results-error-date"]);
    }

    #[test]
    fn period_bounds_are_casablanca_midnights() {
        let p = Period {
            from: date(2023, 1, 1),
            to: date(2023, 12, 31),
        };
        let (a, b) = p.bounds();
        // Morocco was at UTC+1 all of 2023 (except Ramadan, UTC+0, which is not these days).
        assert_eq!(a, 1_672_527_600); // 2022-12-31T23:00:00Z
        assert_eq!(b, 1_704_063_600); // 2023-12-31T23:00:00Z
    }

    #[test]
    fn values_need_evidence_and_a_number() {
        let f = ValueForm {
            measured_on: "2023-06-30".into(),
            value: "3".into(),
            note: String::new(),
            evidence_url: "https://www.region-tth.ma/deliberation.pdf".into(),
        };
        assert_eq!(f.validate(false).unwrap().value, 3);
        let mut no_evidence = f.clone();
        no_evidence.evidence_url.clear();
        assert_eq!(
            no_evidence.validate(false).unwrap_err()[0].key,
            "results-error-evidence-required"
        );
        assert!(no_evidence.validate(true).is_ok());
        let mut nan = f.clone();
        nan.value = "three".into();
        assert_eq!(
            nan.validate(false).unwrap_err()[0].key,
            "results-error-not-number"
        );
        let mut js = f;
        js.evidence_url = "javascript:alert(1)".into();
        assert_eq!(js.validate(false).unwrap_err()[0].key, "results-error-url");
    }

    #[test]
    fn progress_goes_from_baseline_to_target() {
        assert_eq!(progress(0, 9, 3).permille, 333);
        assert!(!progress(0, 9, 3).reached);
        assert_eq!(
            progress(0, 9, 12),
            Progress {
                permille: 1000,
                reached: true
            }
        );
        assert_eq!(progress(10, 20, 5).permille, 0);
        // A reduction: from 40 down to 10, now 25 → half way.
        assert_eq!(progress(40, 10, 25).permille, 500);
        assert!(progress(40, 10, 9).reached);
        // Target equal to baseline.
        assert!(progress(5, 5, 5).reached);
        assert_eq!(progress(5, 5, 4).permille, 0);
        assert_eq!(progress(0, MAX_NUMBER, MAX_NUMBER).permille, 1000);
    }

    #[test]
    fn the_latest_measure_is_the_current_value() {
        let v = [
            (date(2023, 6, 30), 1, 2),
            (date(2023, 12, 31), 2, 5),
            (date(2023, 12, 31), 3, 4),
            (date(2023, 3, 1), 4, 9),
        ];
        assert_eq!(latest_value(&v), Some(4));
        assert_eq!(latest_value(&[]), None);
    }

    #[test]
    fn sources_round_trip_through_their_columns() {
        for q in NamedQuery::ALL {
            let s = Source::Computed(*q);
            let (a, b) = s.columns();
            assert_eq!(Source::from_columns(a, b), Some(s));
        }
        assert_eq!(Source::from_columns("manual", None), Some(Source::Manual));
        assert_eq!(Source::from_columns("computed", Some("nope")), None);
        assert_eq!(Source::from_columns("manual", Some("events_held")), None);
    }

    #[test]
    fn unknown_is_what_no_category_accounts_for() {
        let m = Measure {
            value: 10,
            breakdown: vec![("female".into(), 4), ("male".into(), 5)],
        };
        assert_eq!(m.unknown(), 1);
    }
}
