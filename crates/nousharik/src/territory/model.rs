//! Territories, organisations and the association registry: plain types and the rules over
//! them. No I/O here: the store and the routes call these functions and trust their answers.
//!
//! Every rule that rejects input names the field it rejects and a [`Problem`], which the pages
//! translate through `territory.ftl` (`territory-problem-*` messages).

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::Serialize;

/// Longest accepted name (in characters, not bytes), in any language.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest accepted code (slug).
pub const MAX_CODE_CHARS: usize = 64;
/// Longest accepted free-text note (population source, standing note).
pub const MAX_NOTE_CHARS: usize = 1000;
/// A legal population above this is certainly a typing error (Morocco: ~37 million).
pub const MAX_POPULATION: i64 = 100_000_000;
/// Census years the platform accepts (Morocco's first census was 1960).
pub const CENSUS_YEARS: std::ops::RangeInclusive<i32> = 1960..=2100;

// ---------------------------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------------------------

/// Why a value was refused. Each variant is one translated message (`key()`), with the
/// arguments it needs (`args()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// The field is empty but required.
    Required,
    /// The value is longer than allowed.
    TooLong { max: usize },
    /// The value holds control characters (tabs, line breaks, NUL…).
    ControlCharacters,
    /// A code must be 2–64 characters of a–z, 0–9 and inner hyphens.
    BadCode,
    /// The Arabic name holds no Arabic letter.
    NotArabic,
    /// The Tamazight name must be written in Tifinagh.
    NotTifinagh,
    /// The value is not a whole number.
    NotANumber,
    /// A population must be a positive number.
    NotPositive,
    /// A population above [`MAX_POPULATION`].
    TooLarge { max: i64 },
    /// A census year outside [`CENSUS_YEARS`].
    YearOutOfRange { min: i32, max: i32 },
    /// Not one of the known territory levels.
    UnknownLevel,
    /// This level cannot be added here (only communes and arrondissements can be added).
    LevelNotAllowed,
    /// A territory of this level needs a parent.
    ParentRequired,
    /// A region has no parent.
    ParentNotAllowed,
    /// The parent is not of the level just above.
    WrongParentLevel { expected: String },
    /// No territory with this code exists.
    UnknownParent,
    /// The code is already used (in the database, or earlier in the same file).
    DuplicateCode,
    /// The CSV field is not valid UTF-8.
    BadEncoding,
    /// The CSV header lacks a required column.
    MissingColumn,
    /// The CSV header names a column twice.
    DuplicateColumn,
    /// The CSV header names a column the importer does not know.
    UnknownColumn,
    /// The CSV line could not be read (unbalanced quotes, wrong number of fields…).
    CsvSyntax,
    /// The file holds no data row.
    EmptyFile,
    /// The file holds more rows than one import accepts.
    TooManyRows { max: usize },
    /// Not a date written YYYY-MM-DD.
    BadDate,
    /// A date in the future where only past dates make sense.
    DateInFuture,
    /// Not one of the organisation kinds.
    UnknownKind,
    /// Not one of the consultative-body topics.
    UnknownTopic,
    /// A consultative body needs a topic; other organisations have none.
    TopicMismatch,
    /// This consultative body does not exist at this territory level (LEGAL.md §5).
    TopicNotAtLevel,
    /// This kind of organisation must belong to a council.
    CouncilRequired,
    /// This kind of organisation belongs to no other organisation.
    ParentOrganisationNotAllowed,
    /// The territory level cannot hold this kind of organisation.
    KindNotAtLevel,
    /// Not one of the fixed fields of activity.
    UnknownActivityField,
    /// An association needs at least one field of activity.
    NoActivityField,
    /// Not one of the standings.
    UnknownStanding,
    /// No territory with this identifier.
    UnknownTerritory,
    /// A branch in the seat territory itself.
    BranchIsSeat,
    /// There is already one (one council per territory, one bureau per council).
    AlreadyExists,
}

impl Problem {
    /// The Fluent message that explains the problem.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::Required => "territory-problem-required",
            Problem::TooLong { .. } => "territory-problem-too-long",
            Problem::ControlCharacters => "territory-problem-control-characters",
            Problem::BadCode => "territory-problem-bad-code",
            Problem::NotArabic => "territory-problem-not-arabic",
            Problem::NotTifinagh => "territory-problem-not-tifinagh",
            Problem::NotANumber => "territory-problem-not-a-number",
            Problem::NotPositive => "territory-problem-not-positive",
            Problem::TooLarge { .. } => "territory-problem-too-large",
            Problem::YearOutOfRange { .. } => "territory-problem-year-out-of-range",
            Problem::UnknownLevel => "territory-problem-unknown-level",
            Problem::LevelNotAllowed => "territory-problem-level-not-allowed",
            Problem::ParentRequired => "territory-problem-parent-required",
            Problem::ParentNotAllowed => "territory-problem-parent-not-allowed",
            Problem::WrongParentLevel { .. } => "territory-problem-wrong-parent-level",
            Problem::UnknownParent => "territory-problem-unknown-parent",
            Problem::DuplicateCode => "territory-problem-duplicate-code",
            Problem::BadEncoding => "territory-problem-bad-encoding",
            Problem::MissingColumn => "territory-problem-missing-column",
            Problem::DuplicateColumn => "territory-problem-duplicate-column",
            Problem::UnknownColumn => "territory-problem-unknown-column",
            Problem::CsvSyntax => "territory-problem-csv-syntax",
            Problem::EmptyFile => "territory-problem-empty-file",
            Problem::TooManyRows { .. } => "territory-problem-too-many-rows",
            Problem::BadDate => "territory-problem-bad-date",
            Problem::DateInFuture => "territory-problem-date-in-future",
            Problem::UnknownKind => "territory-problem-unknown-kind",
            Problem::UnknownTopic => "territory-problem-unknown-topic",
            Problem::TopicMismatch => "territory-problem-topic-mismatch",
            Problem::TopicNotAtLevel => "territory-problem-topic-not-at-level",
            Problem::CouncilRequired => "territory-problem-council-required",
            Problem::ParentOrganisationNotAllowed => {
                "territory-problem-parent-organisation-not-allowed"
            }
            Problem::KindNotAtLevel => "territory-problem-kind-not-at-level",
            Problem::UnknownActivityField => "territory-problem-unknown-activity-field",
            Problem::NoActivityField => "territory-problem-no-activity-field",
            Problem::UnknownStanding => "territory-problem-unknown-standing",
            Problem::UnknownTerritory => "territory-problem-unknown-territory",
            Problem::BranchIsSeat => "territory-problem-branch-is-seat",
            Problem::AlreadyExists => "territory-problem-already-exists",
        }
    }

    /// The message's arguments (name, value), as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooLong { max } => vec![("max", max.to_string())],
            Problem::TooLarge { max } => vec![("max", max.to_string())],
            Problem::YearOutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            Problem::WrongParentLevel { expected } => vec![("expected", expected.clone())],
            Problem::TooManyRows { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }
}

/// One refused field: which one (its form field / CSV column name) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The form field or CSV column name, e.g. `name_ar`.
    pub field: &'static str,
    /// Why it was refused.
    #[serde(flatten)]
    pub problem: Problem,
}

impl FieldError {
    /// A refusal of `field` for `problem`.
    pub fn new(field: &'static str, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

// ---------------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------------

/// The level of a territory. Prefectures and provinces are one tier (urban and mostly rural
/// subdivisions of a region); they are kept apart because their names and councils differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Region,
    Prefecture,
    Province,
    Commune,
    Arrondissement,
}

impl Level {
    /// Every level, from the top.
    pub const ALL: [Level; 5] = [
        Level::Region,
        Level::Prefecture,
        Level::Province,
        Level::Commune,
        Level::Arrondissement,
    ];

    /// The stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Region => "region",
            Level::Prefecture => "prefecture",
            Level::Province => "province",
            Level::Commune => "commune",
            Level::Arrondissement => "arrondissement",
        }
    }

    /// The tier: 0 region, 1 prefecture or province, 2 commune, 3 arrondissement.
    pub fn tier(self) -> u8 {
        match self {
            Level::Region => 0,
            Level::Prefecture | Level::Province => 1,
            Level::Commune => 2,
            Level::Arrondissement => 3,
        }
    }

    /// The levels a parent of this level may have (empty: no parent).
    pub fn parent_levels(self) -> &'static [Level] {
        match self {
            Level::Region => &[],
            Level::Prefecture | Level::Province => &[Level::Region],
            Level::Commune => &[Level::Prefecture, Level::Province],
            Level::Arrondissement => &[Level::Commune],
        }
    }

    /// The levels of this level's children.
    pub fn child_levels(self) -> &'static [Level] {
        match self {
            Level::Region => &[Level::Prefecture, Level::Province],
            Level::Prefecture | Level::Province => &[Level::Commune],
            Level::Commune => &[Level::Arrondissement],
            Level::Arrondissement => &[],
        }
    }

    /// Whether an administrator may add a territory of this level by form or CSV. Regions,
    /// prefectures and provinces are set by decree and seeded as reference data.
    pub fn addable(self) -> bool {
        matches!(self, Level::Commune | Level::Arrondissement)
    }

    /// The Fluent message naming the level.
    pub fn message_key(self) -> &'static str {
        match self {
            Level::Region => "territory-level-region",
            Level::Prefecture => "territory-level-prefecture",
            Level::Province => "territory-level-province",
            Level::Commune => "territory-level-commune",
            Level::Arrondissement => "territory-level-arrondissement",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = Problem;
    fn from_str(s: &str) -> Result<Self, Problem> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
            .ok_or(Problem::UnknownLevel)
    }
}

/// Checks that a territory of `level` may hang under a parent of `parent` level (`None`: no
/// parent): a parent must be of the level just above, and only a region has none.
pub fn check_parent(level: Level, parent: Option<Level>) -> Result<(), Problem> {
    let allowed = level.parent_levels();
    match parent {
        None if allowed.is_empty() => Ok(()),
        None => Err(Problem::ParentRequired),
        Some(_) if allowed.is_empty() => Err(Problem::ParentNotAllowed),
        Some(p) if allowed.contains(&p) => Ok(()),
        Some(_) => Err(Problem::WrongParentLevel {
            expected: allowed
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join("/"),
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Text values
// ---------------------------------------------------------------------------------------------

/// Trims `raw` and checks its length and characters; `Ok(None)` when empty.
pub fn clean_text(raw: &str, max: usize) -> Result<Option<String>, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    if t.chars().any(char::is_control) {
        return Err(Problem::ControlCharacters);
    }
    Ok(Some(t.to_owned()))
}

/// A note allows line breaks (but no other control characters).
pub fn clean_note(raw: &str) -> Result<String, Problem> {
    let t = raw.trim().replace("\r\n", "\n");
    if t.chars().count() > MAX_NOTE_CHARS {
        return Err(Problem::TooLong {
            max: MAX_NOTE_CHARS,
        });
    }
    if t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Problem::ControlCharacters);
    }
    Ok(t)
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

fn is_tifinagh(c: char) -> bool {
    matches!(c, '\u{2D30}'..='\u{2D7F}')
}

/// A stable, URL-safe identifier: 2–64 characters of a–z, 0–9 and single inner hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Code(String);

impl Code {
    /// Parses a code; upper case is folded to lower case, surrounding blanks are ignored.
    pub fn parse(raw: &str) -> Result<Code, Problem> {
        let s = raw.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > MAX_CODE_CHARS {
            return Err(Problem::TooLong {
                max: MAX_CODE_CHARS,
            });
        }
        let ok_chars = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if s.len() < 2 || !ok_chars || s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(Problem::BadCode);
        }
        Ok(Code(s))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A name in the platform's four languages. Arabic and French are required (the languages
/// of the administration's documents); Tamazight and English fall back to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Names {
    pub ar: String,
    pub fr: String,
    pub zgh: Option<String>,
    pub en: Option<String>,
}

impl Names {
    /// The name to show in `lang` (`ar`, `fr`, `zgh`, `en`); Tamazight falls back to Arabic
    /// (both official languages), English to French (same script), anything else to Arabic.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "fr" => &self.fr,
            "en" => self.en.as_deref().unwrap_or(&self.fr),
            "zgh" => self.zgh.as_deref().unwrap_or(&self.ar),
            _ => &self.ar,
        }
    }

    /// Whether the name shown in `lang` is a fallback from another language (the page then
    /// marks it with that language's `lang` attribute).
    pub fn lang_shown(&self, lang: &str) -> &'static str {
        match lang {
            "fr" => "fr",
            "en" if self.en.is_some() => "en",
            "en" => "fr",
            "zgh" if self.zgh.is_some() => "zgh",
            _ => "ar",
        }
    }
}

/// Raw name fields as typed in a form or a CSV row.
#[derive(Debug, Clone, Default)]
pub struct NamesInput {
    pub ar: String,
    pub fr: String,
    pub zgh: String,
    pub en: String,
}

/// Validates names: Arabic (with Arabic letters) and French required; Tamazight, when given,
/// in Tifinagh only (no Latin or Arabic letters); each at most [`MAX_NAME_CHARS`].
pub fn validate_names(input: &NamesInput, errors: &mut Vec<FieldError>) -> Option<Names> {
    let ar = required_text("name_ar", &input.ar, errors);
    if let Some(a) = &ar
        && !a.chars().any(is_arabic_letter)
    {
        errors.push(FieldError::new("name_ar", Problem::NotArabic));
    }
    let fr = required_text("name_fr", &input.fr, errors);
    let zgh = optional_text("name_zgh", &input.zgh, errors);
    if let Some(z) = &zgh
        && z.chars().any(|c| c.is_alphabetic() && !is_tifinagh(c))
    {
        errors.push(FieldError::new("name_zgh", Problem::NotTifinagh));
    }
    let en = optional_text("name_en", &input.en, errors);
    match (ar, fr) {
        (Some(ar), Some(fr)) if errors.iter().all(|e| !e.field.starts_with("name_")) => {
            Some(Names { ar, fr, zgh, en })
        }
        _ => None,
    }
}

fn required_text(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    match clean_text(raw, MAX_NAME_CHARS) {
        Ok(Some(t)) => Some(t),
        Ok(None) => {
            errors.push(FieldError::new(field, Problem::Required));
            None
        }
        Err(p) => {
            errors.push(FieldError::new(field, p));
            None
        }
    }
}

fn optional_text(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    match clean_text(raw, MAX_NAME_CHARS) {
        Ok(t) => t,
        Err(p) => {
            errors.push(FieldError::new(field, p));
            None
        }
    }
}

/// Parses a legal population: a positive whole number, at most [`MAX_POPULATION`]. Spaces,
/// no-break spaces and commas used as thousands separators are accepted ("1 494 413").
pub fn parse_population(raw: &str) -> Result<i64, Problem> {
    let digits: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | ',' | '_'))
        .collect();
    if digits.is_empty() {
        return Err(Problem::Required);
    }
    if digits.starts_with('-') && digits[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotPositive);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotANumber);
    }
    // More than 12 digits overflows nothing yet is certainly too large.
    if digits.len() > 12 {
        return Err(Problem::TooLarge {
            max: MAX_POPULATION,
        });
    }
    let n: i64 = digits.parse().map_err(|_| Problem::NotANumber)?;
    if n <= 0 {
        Err(Problem::NotPositive)
    } else if n > MAX_POPULATION {
        Err(Problem::TooLarge {
            max: MAX_POPULATION,
        })
    } else {
        Ok(n)
    }
}

/// Parses a census year within [`CENSUS_YEARS`].
pub fn parse_census_year(raw: &str) -> Result<i32, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let y: i32 = t.parse().map_err(|_| Problem::NotANumber)?;
    if CENSUS_YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(Problem::YearOutOfRange {
            min: *CENSUS_YEARS.start(),
            max: *CENSUS_YEARS.end(),
        })
    }
}

/// Parses a date written `YYYY-MM-DD`, not after `today`.
pub fn parse_past_date(raw: &str, today: Date) -> Result<Date, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    if t.len() != 10 {
        return Err(Problem::BadDate);
    }
    let d: Date = t.parse().map_err(|_| Problem::BadDate)?;
    if d > today {
        Err(Problem::DateInFuture)
    } else {
        Ok(d)
    }
}

// ---------------------------------------------------------------------------------------------
// Territories
// ---------------------------------------------------------------------------------------------

/// A territory as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Territory {
    pub id: i64,
    pub code: String,
    pub level: Level,
    pub parent_id: Option<i64>,
    pub names: Names,
    /// Legal population at `census_year`.
    pub population: i64,
    pub census_year: i32,
    /// Where the population comes from, and whether it is still to confirm.
    pub source: String,
}

/// A territory ready to be stored (validated; its parent is checked by the store, which
/// knows the parent's level).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTerritory {
    pub code: Code,
    pub level: Level,
    pub names: Names,
    pub population: i64,
    pub census_year: i32,
    pub source: String,
}

/// Raw territory fields as typed in the admin form or read from a CSV row.
#[derive(Debug, Clone, Default)]
pub struct TerritoryInput {
    pub code: String,
    pub level: String,
    pub names: NamesInput,
    pub population: String,
    pub census_year: String,
    pub source: String,
}

/// Validates everything about a new territory except its parent; `addable_only` refuses the
/// levels that come from decrees (region, prefecture, province).
pub fn validate_territory(
    input: &TerritoryInput,
    addable_only: bool,
) -> Result<NewTerritory, Vec<FieldError>> {
    let mut errors = Vec::new();
    let code = Code::parse(&input.code)
        .map_err(|p| errors.push(FieldError::new("code", p)))
        .ok();
    let level = match input.level.parse::<Level>() {
        Ok(l) if addable_only && !l.addable() => {
            errors.push(FieldError::new("level", Problem::LevelNotAllowed));
            None
        }
        Ok(l) => Some(l),
        Err(p) => {
            errors.push(FieldError::new("level", p));
            None
        }
    };
    let names = validate_names(&input.names, &mut errors);
    let population = parse_population(&input.population)
        .map_err(|p| errors.push(FieldError::new("population", p)))
        .ok();
    let census_year = parse_census_year(&input.census_year)
        .map_err(|p| errors.push(FieldError::new("census_year", p)))
        .ok();
    let source = clean_note(&input.source)
        .map_err(|p| errors.push(FieldError::new("source", p)))
        .ok();
    match (code, level, names, population, census_year, source) {
        (
            Some(code),
            Some(level),
            Some(names),
            Some(population),
            Some(census_year),
            Some(source),
        ) if errors.is_empty() => Ok(NewTerritory {
            code,
            level,
            names,
            population,
            census_year,
            source,
        }),
        _ => Err(errors),
    }
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// The elected council of a territory.
    Council,
    /// The bureau of a council (president and vice-presidents); decides petition admissibility.
    Bureau,
    /// A standing committee of a council; studies admissible petitions.
    StandingCommittee,
    /// A consultative body of a council (LEGAL.md §5).
    ConsultativeBody,
    /// A coordination cell of the participation project, regional or local.
    CoordinationCell,
    /// An association (CSO) in the registry.
    Association,
}

impl OrgKind {
    /// Every kind.
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Council,
        OrgKind::Bureau,
        OrgKind::StandingCommittee,
        OrgKind::ConsultativeBody,
        OrgKind::CoordinationCell,
        OrgKind::Association,
    ];

    /// Stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Council => "council",
            OrgKind::Bureau => "bureau",
            OrgKind::StandingCommittee => "standing_committee",
            OrgKind::ConsultativeBody => "consultative_body",
            OrgKind::CoordinationCell => "coordination_cell",
            OrgKind::Association => "association",
        }
    }

    /// The Fluent message naming the kind.
    pub fn message_key(self) -> &'static str {
        match self {
            OrgKind::Council => "territory-kind-council",
            OrgKind::Bureau => "territory-kind-bureau",
            OrgKind::StandingCommittee => "territory-kind-standing-committee",
            OrgKind::ConsultativeBody => "territory-kind-consultative-body",
            OrgKind::CoordinationCell => "territory-kind-coordination-cell",
            OrgKind::Association => "territory-kind-association",
        }
    }

    /// Whether this kind belongs to a council (bureau, committees, consultative bodies).
    pub fn belongs_to_council(self) -> bool {
        matches!(
            self,
            OrgKind::Bureau | OrgKind::StandingCommittee | OrgKind::ConsultativeBody
        )
    }
}

impl FromStr for OrgKind {
    type Err = Problem;
    fn from_str(s: &str) -> Result<Self, Problem> {
        OrgKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or(Problem::UnknownKind)
    }
}

/// The subject of a consultative body (LEGAL.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Equality, equal opportunities and gender (region, prefecture/province, commune).
    Equality,
    /// Youth (region only).
    Youth,
    /// Economic actors (region only).
    EconomicActors,
}

impl Topic {
    /// Every topic.
    pub const ALL: [Topic; 3] = [Topic::Equality, Topic::Youth, Topic::EconomicActors];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Equality => "equality",
            Topic::Youth => "youth",
            Topic::EconomicActors => "economic_actors",
        }
    }

    /// The Fluent message naming the topic.
    pub fn message_key(self) -> &'static str {
        match self {
            Topic::Equality => "territory-topic-equality",
            Topic::Youth => "territory-topic-youth",
            Topic::EconomicActors => "territory-topic-economic-actors",
        }
    }

    /// Whether the law provides this body at this level: regions have all three (law 111.14
    /// art. 117); prefectures, provinces and communes an equality body (113.14 art. 120).
    pub fn exists_at(self, level: Level) -> bool {
        match self {
            Topic::Equality => level != Level::Arrondissement,
            Topic::Youth | Topic::EconomicActors => level == Level::Region,
        }
    }
}

impl FromStr for Topic {
    type Err = Problem;
    fn from_str(s: &str) -> Result<Self, Problem> {
        Topic::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or(Problem::UnknownTopic)
    }
}

/// Checks how an organisation of `kind` fits: its topic, the level of its territory, and the
/// kind of the organisation it belongs to (`parent`). Errors name the offending field.
pub fn check_organisation(
    kind: OrgKind,
    topic: Option<Topic>,
    level: Level,
    parent: Option<OrgKind>,
) -> Result<(), FieldError> {
    match (kind, topic) {
        (OrgKind::ConsultativeBody, None) => {
            return Err(FieldError::new("topic", Problem::TopicMismatch));
        }
        (OrgKind::ConsultativeBody, Some(t)) if !t.exists_at(level) => {
            return Err(FieldError::new("topic", Problem::TopicNotAtLevel));
        }
        (OrgKind::ConsultativeBody, Some(_)) => {}
        (_, Some(_)) => return Err(FieldError::new("topic", Problem::TopicMismatch)),
        (_, None) => {}
    }
    if kind == OrgKind::CoordinationCell && !matches!(level, Level::Region | Level::Commune) {
        return Err(FieldError::new("territory", Problem::KindNotAtLevel));
    }
    match (kind.belongs_to_council(), parent) {
        (true, Some(OrgKind::Council)) => Ok(()),
        (true, _) => Err(FieldError::new("parent", Problem::CouncilRequired)),
        (false, None) => Ok(()),
        (false, Some(_)) => Err(FieldError::new(
            "parent",
            Problem::ParentOrganisationNotAllowed,
        )),
    }
}

/// An organisation as stored (associations add an [`Association`] record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub code: String,
    pub kind: OrgKind,
    pub topic: Option<Topic>,
    pub territory_id: i64,
    pub parent_id: Option<i64>,
    pub names: Names,
    /// Demo data, shown with a "demo" mark.
    pub demo: bool,
}

/// An organisation ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub code: Code,
    pub kind: OrgKind,
    pub topic: Option<Topic>,
    pub territory_id: i64,
    pub parent_id: Option<i64>,
    pub names: Names,
    pub demo: bool,
}

// ---------------------------------------------------------------------------------------------
// Association registry
// ---------------------------------------------------------------------------------------------

/// The fixed list of fields of activity of the association registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityField {
    CivicParticipation,
    HumanRights,
    WomenEquality,
    Youth,
    Childhood,
    Disability,
    Education,
    Health,
    Environment,
    Culture,
    Sport,
    SocialDevelopment,
    LocalDevelopment,
}

impl ActivityField {
    /// Every field, in display order.
    pub const ALL: [ActivityField; 13] = [
        ActivityField::CivicParticipation,
        ActivityField::HumanRights,
        ActivityField::WomenEquality,
        ActivityField::Youth,
        ActivityField::Childhood,
        ActivityField::Disability,
        ActivityField::Education,
        ActivityField::Health,
        ActivityField::Environment,
        ActivityField::Culture,
        ActivityField::Sport,
        ActivityField::SocialDevelopment,
        ActivityField::LocalDevelopment,
    ];

    /// Stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityField::CivicParticipation => "civic_participation",
            ActivityField::HumanRights => "human_rights",
            ActivityField::WomenEquality => "women_equality",
            ActivityField::Youth => "youth",
            ActivityField::Childhood => "childhood",
            ActivityField::Disability => "disability",
            ActivityField::Education => "education",
            ActivityField::Health => "health",
            ActivityField::Environment => "environment",
            ActivityField::Culture => "culture",
            ActivityField::Sport => "sport",
            ActivityField::SocialDevelopment => "social_development",
            ActivityField::LocalDevelopment => "local_development",
        }
    }

    /// The Fluent message naming the field (`territory-field-<as_str with hyphens>`).
    pub fn message_key(self) -> &'static str {
        match self {
            ActivityField::CivicParticipation => "territory-field-civic-participation",
            ActivityField::HumanRights => "territory-field-human-rights",
            ActivityField::WomenEquality => "territory-field-women-equality",
            ActivityField::Youth => "territory-field-youth",
            ActivityField::Childhood => "territory-field-childhood",
            ActivityField::Disability => "territory-field-disability",
            ActivityField::Education => "territory-field-education",
            ActivityField::Health => "territory-field-health",
            ActivityField::Environment => "territory-field-environment",
            ActivityField::Culture => "territory-field-culture",
            ActivityField::Sport => "territory-field-sport",
            ActivityField::SocialDevelopment => "territory-field-social-development",
            ActivityField::LocalDevelopment => "territory-field-local-development",
        }
    }
}

impl FromStr for ActivityField {
    type Err = Problem;
    fn from_str(s: &str) -> Result<Self, Problem> {
        ActivityField::ALL
            .into_iter()
            .find(|f| f.as_str() == s.trim())
            .ok_or(Problem::UnknownActivityField)
    }
}

/// Whether an association is in good standing with the law (LEGAL.md §1: a condition of
/// association petitions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Good,
    NotGood,
}

impl Standing {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Good => "good",
            Standing::NotGood => "not_good",
        }
    }

    /// The Fluent message naming the standing.
    pub fn message_key(self) -> &'static str {
        match self {
            Standing::Good => "territory-standing-good",
            Standing::NotGood => "territory-standing-not-good",
        }
    }
}

impl FromStr for Standing {
    type Err = Problem;
    fn from_str(s: &str) -> Result<Self, Problem> {
        match s.trim() {
            "good" => Ok(Standing::Good),
            "not_good" => Ok(Standing::NotGood),
            _ => Err(Problem::UnknownStanding),
        }
    }
}

/// The registry record of an association (its names, seat and demo mark are on its
/// [`Organisation`]: the legal names are the organisation's Arabic and French names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Association {
    pub organisation_id: i64,
    #[serde(serialize_with = "serialize_date")]
    pub created_on: Date,
    pub standing: Standing,
    /// When the standing was last established.
    #[serde(serialize_with = "serialize_date")]
    pub standing_on: Date,
    pub standing_note: String,
    pub representative_name: String,
    pub fields: Vec<ActivityField>,
    /// Territories (other than the seat) where the association has a branch.
    pub branch_ids: Vec<i64>,
}

/// Dates go to JSON as `YYYY-MM-DD` text.
fn serialize_date<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

impl Association {
    /// Whole years since the association was legally constituted, on `today`.
    pub fn years_constituted(&self, today: Date) -> i16 {
        let mut years = today.year() - self.created_on.year();
        if (today.month(), today.day()) < (self.created_on.month(), self.created_on.day()) {
            years -= 1;
        }
        years.max(0)
    }

    /// LEGAL.md §1's conditions that the registry can check by itself: constituted for more
    /// than 3 years, and in good standing. (Seat or branch in the territory and a related field
    /// depend on the petition; the petitions module checks them with [`Association::present_in`].)
    pub fn meets_registry_conditions(&self, today: Date) -> bool {
        let three_years_on = self.created_on.checked_add(jiff::Span::new().years(3));
        let old_enough = matches!(three_years_on, Ok(d) if d < today);
        old_enough && self.standing == Standing::Good
    }

    /// Whether the association has its seat (`seat_id`) or a branch in one of `territory_ids`.
    pub fn present_in(&self, seat_id: i64, territory_ids: &[i64]) -> bool {
        territory_ids.contains(&seat_id)
            || self.branch_ids.iter().any(|b| territory_ids.contains(b))
    }
}

/// Raw association fields from the admin form.
#[derive(Debug, Clone, Default)]
pub struct AssociationInput {
    pub created_on: String,
    pub standing: String,
    pub standing_on: String,
    pub standing_note: String,
    pub representative_name: String,
    pub fields: Vec<String>,
}

/// A validated association record, without its organisation id and branches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssociation {
    pub created_on: Date,
    pub standing: Standing,
    pub standing_on: Date,
    pub standing_note: String,
    pub representative_name: String,
    pub fields: Vec<ActivityField>,
}

/// Validates an association's registry fields; `today` bounds the dates.
pub fn validate_association(
    input: &AssociationInput,
    today: Date,
) -> Result<NewAssociation, Vec<FieldError>> {
    let mut errors = Vec::new();
    let created_on = parse_past_date(&input.created_on, today)
        .map_err(|p| errors.push(FieldError::new("created_on", p)))
        .ok();
    let standing = input
        .standing
        .parse::<Standing>()
        .map_err(|p| errors.push(FieldError::new("standing", p)))
        .ok();
    let standing_on = parse_past_date(&input.standing_on, today)
        .map_err(|p| errors.push(FieldError::new("standing_on", p)))
        .ok();
    let standing_note = clean_note(&input.standing_note)
        .map_err(|p| errors.push(FieldError::new("standing_note", p)))
        .ok();
    let representative_name = required_text(
        "representative_name",
        &input.representative_name,
        &mut errors,
    );
    let mut fields = Vec::new();
    for raw in &input.fields {
        match raw.parse::<ActivityField>() {
            Ok(f) if !fields.contains(&f) => fields.push(f),
            Ok(_) => {}
            Err(p) => errors.push(FieldError::new("fields", p)),
        }
    }
    if input.fields.is_empty() {
        errors.push(FieldError::new("fields", Problem::NoActivityField));
    }
    fields.sort();
    match (
        created_on,
        standing,
        standing_on,
        standing_note,
        representative_name,
    ) {
        (Some(created_on), Some(standing), Some(standing_on), Some(standing_note), Some(rep))
            if errors.is_empty() =>
        {
            Ok(NewAssociation {
                created_on,
                standing,
                standing_on,
                standing_note,
                representative_name: rep,
                fields,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn names() -> NamesInput {
        NamesInput {
            ar: "طنجة".into(),
            fr: "Tanger".into(),
            zgh: "ⵟⴰⵏⵊⴰ".into(),
            en: "Tangier".into(),
        }
    }

    fn input() -> TerritoryInput {
        TerritoryInput {
            code: "commune-test".into(),
            level: "commune".into(),
            names: names(),
            population: "12 345".into(),
            census_year: "2024".into(),
            source: "HCP".into(),
        }
    }

    #[test]
    fn each_level_needs_the_level_just_above() {
        assert_eq!(check_parent(Level::Region, None), Ok(()));
        assert_eq!(check_parent(Level::Province, Some(Level::Region)), Ok(()));
        assert_eq!(check_parent(Level::Prefecture, Some(Level::Region)), Ok(()));
        assert_eq!(
            check_parent(Level::Commune, Some(Level::Prefecture)),
            Ok(())
        );
        assert_eq!(check_parent(Level::Commune, Some(Level::Province)), Ok(()));
        assert_eq!(
            check_parent(Level::Arrondissement, Some(Level::Commune)),
            Ok(())
        );
        assert_eq!(
            check_parent(Level::Region, Some(Level::Region)),
            Err(Problem::ParentNotAllowed)
        );
        assert_eq!(
            check_parent(Level::Commune, None),
            Err(Problem::ParentRequired)
        );
        assert_eq!(
            check_parent(Level::Commune, Some(Level::Region)),
            Err(Problem::WrongParentLevel {
                expected: "prefecture/province".into()
            })
        );
        assert_eq!(
            check_parent(Level::Arrondissement, Some(Level::Province)),
            Err(Problem::WrongParentLevel {
                expected: "commune".into()
            })
        );
        assert!(check_parent(Level::Province, Some(Level::Prefecture)).is_err());
    }

    #[test]
    fn parent_and_child_levels_agree_and_tiers_step_by_one() {
        for l in Level::ALL {
            for c in l.child_levels() {
                assert!(c.parent_levels().contains(&l), "{c} under {l}");
                assert_eq!(c.tier(), l.tier() + 1);
            }
            for p in l.parent_levels() {
                assert!(p.child_levels().contains(&l));
            }
            assert_eq!(l.as_str().parse::<Level>(), Ok(l));
        }
        assert_eq!("county".parse::<Level>(), Err(Problem::UnknownLevel));
        assert!(Level::Commune.addable() && Level::Arrondissement.addable());
        assert!(!Level::Region.addable() && !Level::Province.addable());
    }

    #[test]
    fn codes_are_lowercase_slugs() {
        assert_eq!(
            Code::parse(" Tanger-Medina ").unwrap().as_str(),
            "tanger-medina"
        );
        assert_eq!(Code::parse(""), Err(Problem::Required));
        assert_eq!(Code::parse("a"), Err(Problem::BadCode));
        assert_eq!(Code::parse("-ab"), Err(Problem::BadCode));
        assert_eq!(Code::parse("ab-"), Err(Problem::BadCode));
        assert_eq!(Code::parse("a--b"), Err(Problem::BadCode));
        assert_eq!(Code::parse("tanger médina"), Err(Problem::BadCode));
        assert_eq!(
            Code::parse("x'; drop table territories;--"),
            Err(Problem::BadCode)
        );
        assert_eq!(
            Code::parse(&"a".repeat(65)),
            Err(Problem::TooLong { max: 64 })
        );
        assert!(Code::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn population_is_a_positive_whole_number() {
        assert_eq!(parse_population("1 494 413"), Ok(1_494_413));
        assert_eq!(parse_population("1,494,413"), Ok(1_494_413));
        assert_eq!(parse_population("1\u{202F}494\u{202F}413"), Ok(1_494_413));
        assert_eq!(parse_population(""), Err(Problem::Required));
        assert_eq!(parse_population("0"), Err(Problem::NotPositive));
        assert_eq!(parse_population("-5"), Err(Problem::NotPositive));
        assert_eq!(parse_population("12.5"), Err(Problem::NotANumber));
        assert_eq!(parse_population("١٢٣"), Err(Problem::NotANumber));
        assert_eq!(parse_population("abc"), Err(Problem::NotANumber));
        assert_eq!(
            parse_population("100000001"),
            Err(Problem::TooLarge {
                max: MAX_POPULATION
            })
        );
        assert_eq!(
            parse_population("99999999999999999999999"),
            Err(Problem::TooLarge {
                max: MAX_POPULATION
            })
        );
        assert_eq!(parse_population("100000000"), Ok(100_000_000));
    }

    #[test]
    fn census_year_is_bounded() {
        assert_eq!(parse_census_year("2014"), Ok(2014));
        assert_eq!(parse_census_year(" 2024 "), Ok(2024));
        assert_eq!(
            parse_census_year("1959"),
            Err(Problem::YearOutOfRange {
                min: 1960,
                max: 2100
            })
        );
        assert_eq!(parse_census_year("twenty"), Err(Problem::NotANumber));
        assert_eq!(parse_census_year(""), Err(Problem::Required));
    }

    #[test]
    fn a_valid_commune_passes() {
        let t = validate_territory(&input(), true).unwrap();
        assert_eq!(t.code.as_str(), "commune-test");
        assert_eq!(t.level, Level::Commune);
        assert_eq!(t.population, 12_345);
        assert_eq!(t.names.zgh.as_deref(), Some("ⵟⴰⵏⵊⴰ"));
    }

    #[test]
    fn names_need_arabic_and_french_and_tifinagh_for_tamazight() {
        let mut i = input();
        i.names.ar = " ".into();
        i.names.fr = String::new();
        i.names.zgh = "Tanja".into();
        let errs = validate_territory(&i, true).unwrap_err();
        assert!(errs.contains(&FieldError::new("name_ar", Problem::Required)));
        assert!(errs.contains(&FieldError::new("name_fr", Problem::Required)));
        assert!(errs.contains(&FieldError::new("name_zgh", Problem::NotTifinagh)));

        let mut i = input();
        i.names.ar = "Tanger".into();
        i.names.zgh = String::new();
        i.names.en = String::new();
        let errs = validate_territory(&i, true).unwrap_err();
        assert_eq!(errs, vec![FieldError::new("name_ar", Problem::NotArabic)]);

        // Optional names may be left out, and fall back when shown.
        let mut i = input();
        i.names.zgh = String::new();
        i.names.en = String::new();
        let t = validate_territory(&i, true).unwrap();
        assert_eq!(t.names.get("zgh"), "طنجة");
        assert_eq!(t.names.get("en"), "Tanger");
        assert_eq!(t.names.lang_shown("en"), "fr");
        assert_eq!(t.names.lang_shown("zgh"), "ar");
        assert_eq!(t.names.get("xx"), "طنجة");
    }

    #[test]
    fn overlong_and_control_characters_are_refused() {
        let mut i = input();
        i.names.fr = "é".repeat(MAX_NAME_CHARS + 1);
        i.names.en = "bad\u{0}name".into();
        i.source = "x".repeat(MAX_NOTE_CHARS + 1);
        let errs = validate_territory(&i, true).unwrap_err();
        assert!(errs.contains(&FieldError::new(
            "name_fr",
            Problem::TooLong {
                max: MAX_NAME_CHARS
            }
        )));
        assert!(errs.contains(&FieldError::new("name_en", Problem::ControlCharacters)));
        assert!(errs.contains(&FieldError::new(
            "source",
            Problem::TooLong {
                max: MAX_NOTE_CHARS
            }
        )));
        // Exactly the maximum is accepted, counted in characters, not bytes.
        let mut i = input();
        i.names.fr = "é".repeat(MAX_NAME_CHARS);
        assert!(validate_territory(&i, true).is_ok());
    }

    #[test]
    fn script_and_sql_strings_are_just_text() {
        let mut i = input();
        i.names.fr = "<script>alert(1)</script>".into();
        i.names.en = "'; DROP TABLE territories; --".into();
        let t = validate_territory(&i, true).unwrap();
        assert_eq!(t.names.fr, "<script>alert(1)</script>");
    }

    #[test]
    fn only_communes_and_arrondissements_are_addable() {
        let mut i = input();
        i.level = "province".into();
        assert_eq!(
            validate_territory(&i, true).unwrap_err(),
            vec![FieldError::new("level", Problem::LevelNotAllowed)]
        );
        assert!(validate_territory(&i, false).is_ok());
        i.level = "district".into();
        assert_eq!(
            validate_territory(&i, false).unwrap_err(),
            vec![FieldError::new("level", Problem::UnknownLevel)]
        );
    }

    #[test]
    fn organisations_fit_their_council_and_level() {
        use OrgKind::*;
        assert!(check_organisation(Council, None, Level::Commune, None).is_ok());
        assert!(check_organisation(Council, None, Level::Arrondissement, None).is_ok());
        assert!(check_organisation(Bureau, None, Level::Commune, Some(Council)).is_ok());
        assert_eq!(
            check_organisation(Bureau, None, Level::Commune, None),
            Err(FieldError::new("parent", Problem::CouncilRequired))
        );
        assert_eq!(
            check_organisation(StandingCommittee, None, Level::Region, Some(Bureau)),
            Err(FieldError::new("parent", Problem::CouncilRequired))
        );
        assert_eq!(
            check_organisation(Association, None, Level::Commune, Some(Council)),
            Err(FieldError::new(
                "parent",
                Problem::ParentOrganisationNotAllowed
            ))
        );
        // Consultative bodies: three at the region, an equality body below it.
        for t in Topic::ALL {
            assert!(
                check_organisation(ConsultativeBody, Some(t), Level::Region, Some(Council)).is_ok()
            );
        }
        assert!(
            check_organisation(
                ConsultativeBody,
                Some(Topic::Equality),
                Level::Commune,
                Some(Council)
            )
            .is_ok()
        );
        assert_eq!(
            check_organisation(
                ConsultativeBody,
                Some(Topic::Youth),
                Level::Commune,
                Some(Council)
            ),
            Err(FieldError::new("topic", Problem::TopicNotAtLevel))
        );
        assert_eq!(
            check_organisation(ConsultativeBody, None, Level::Region, Some(Council)),
            Err(FieldError::new("topic", Problem::TopicMismatch))
        );
        assert_eq!(
            check_organisation(Council, Some(Topic::Youth), Level::Region, None),
            Err(FieldError::new("topic", Problem::TopicMismatch))
        );
        assert!(check_organisation(CoordinationCell, None, Level::Region, None).is_ok());
        assert!(check_organisation(CoordinationCell, None, Level::Commune, None).is_ok());
        assert_eq!(
            check_organisation(CoordinationCell, None, Level::Province, None),
            Err(FieldError::new("territory", Problem::KindNotAtLevel))
        );
    }

    fn association_input() -> AssociationInput {
        AssociationInput {
            created_on: "2015-03-01".into(),
            standing: "good".into(),
            standing_on: "2026-01-10".into(),
            standing_note: "Dossier annuel déposé".into(),
            representative_name: "Samira El Idrissi".into(),
            fields: vec!["youth".into(), "civic_participation".into(), "youth".into()],
        }
    }

    #[test]
    fn association_fields_are_validated() {
        let today = date(2026, 11, 29);
        let a = validate_association(&association_input(), today).unwrap();
        assert_eq!(
            a.fields,
            vec![ActivityField::CivicParticipation, ActivityField::Youth]
        );
        let mut i = association_input();
        i.created_on = "2027-01-01".into();
        i.standing_on = "01/02/2020".into();
        i.standing = "excellent".into();
        i.representative_name = String::new();
        i.fields = vec!["fishing".into()];
        let errs = validate_association(&i, today).unwrap_err();
        assert!(errs.contains(&FieldError::new("created_on", Problem::DateInFuture)));
        assert!(errs.contains(&FieldError::new("standing_on", Problem::BadDate)));
        assert!(errs.contains(&FieldError::new("standing", Problem::UnknownStanding)));
        assert!(errs.contains(&FieldError::new("representative_name", Problem::Required)));
        assert!(errs.contains(&FieldError::new("fields", Problem::UnknownActivityField)));
        i.fields.clear();
        let errs = validate_association(&i, today).unwrap_err();
        assert!(errs.contains(&FieldError::new("fields", Problem::NoActivityField)));
    }

    #[test]
    fn petition_conditions_of_the_registry() {
        let mut a = Association {
            organisation_id: 1,
            created_on: date(2023, 11, 29),
            standing: Standing::Good,
            standing_on: date(2026, 1, 1),
            standing_note: String::new(),
            representative_name: "X".into(),
            fields: vec![ActivityField::Youth],
            branch_ids: vec![7],
        };
        // Exactly three years is not "more than three years".
        assert!(!a.meets_registry_conditions(date(2026, 11, 29)));
        assert!(a.meets_registry_conditions(date(2026, 11, 30)));
        assert_eq!(a.years_constituted(date(2026, 11, 28)), 2);
        assert_eq!(a.years_constituted(date(2026, 11, 29)), 3);
        a.standing = Standing::NotGood;
        assert!(!a.meets_registry_conditions(date(2030, 1, 1)));
        assert!(a.present_in(3, &[3, 4]));
        assert!(a.present_in(3, &[7]));
        assert!(!a.present_in(3, &[8]));
    }

    #[test]
    fn every_enum_round_trips_through_text() {
        for k in OrgKind::ALL {
            assert_eq!(k.as_str().parse::<OrgKind>(), Ok(k));
        }
        for t in Topic::ALL {
            assert_eq!(t.as_str().parse::<Topic>(), Ok(t));
        }
        for f in ActivityField::ALL {
            assert_eq!(f.as_str().parse::<ActivityField>(), Ok(f));
            assert_eq!(
                f.message_key(),
                format!("territory-field-{}", f.as_str().replace('_', "-"))
            );
        }
        for s in [Standing::Good, Standing::NotGood] {
            assert_eq!(s.as_str().parse::<Standing>(), Ok(s));
        }
    }
}
