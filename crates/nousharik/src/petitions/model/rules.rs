//! Dated, cited rule sets for petitions (LEGAL.md §1–2).
//!
//! Legal numbers are data, never constants buried in code: a [`RuleSet`] carries an effective
//! date, and every rule in it carries its legal source and whether it has been checked against
//! the official text. A petition is always judged by the rule set in force on the day it was
//! filed ([`RuleBook::in_force`]), so a new law never changes how an old petition is judged.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The level of the council a petition is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouncilLevel {
    /// A regional council (organic law 111.14).
    Region,
    /// A prefecture or province council (organic law 112.14).
    PrefectureProvince,
    /// A commune council (organic law 113.14).
    Commune,
}

impl CouncilLevel {
    /// Every level, in order from the widest territory.
    pub const ALL: [CouncilLevel; 3] = [Self::Region, Self::PrefectureProvince, Self::Commune];

    /// Stable code used in URLs, the database and message keys.
    pub fn code(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::PrefectureProvince => "prefecture_province",
            Self::Commune => "commune",
        }
    }

    /// Parses [`CouncilLevel::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A national addressee (LEGAL.md §2): the platform prepares the dossier, the national portal
/// receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NationalKind {
    /// A petition to the Head of Government or either House (organic law 44.14).
    Petition,
    /// A legislative motion (organic law 64.14).
    LegislativeMotion,
}

impl NationalKind {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Petition => "national_petition",
            Self::LegislativeMotion => "legislative_motion",
        }
    }
}

/// Whether a rule has been confirmed in an official or institutional source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Confirmed in at least one official or institutional source.
    Checked,
    /// Widely reported but not yet read in the Bulletin officiel.
    ToConfirm,
}

impl Verification {
    /// Stable code (also the message key suffix).
    pub fn code(self) -> &'static str {
        match self {
            Self::Checked => "checked",
            Self::ToConfirm => "to_confirm",
        }
    }
}

/// Where a rule comes from and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The legal text and article, e.g. "Organic law 113.14, art. 123".
    pub source: String,
    /// Checked or to confirm.
    pub mark: Verification,
}

impl Citation {
    fn new(source: &str, mark: Verification) -> Self {
        Self {
            source: source.to_owned(),
            mark,
        }
    }
}

/// The minimum number of signatures for one level and population bracket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdRule {
    /// The council level it applies to.
    pub level: CouncilLevel,
    /// Lowest legal population of the bracket (inclusive).
    pub min_population: u64,
    /// Upper bound of the bracket (exclusive); `None` means no upper bound.
    pub max_population: Option<u64>,
    /// `Some(true)` only for communes divided into arrondissements, `Some(false)` only for the
    /// others, `None` for both. A specific rule wins over a general one.
    pub with_arrondissements: Option<bool>,
    /// Required number of signatures.
    pub signatures: u32,
    /// Legal source.
    pub citation: Citation,
}

impl ThresholdRule {
    fn matches(&self, council: &CouncilFacts) -> bool {
        self.level == council.level
            && council.population >= self.min_population
            && self
                .max_population
                .is_none_or(|max| council.population < max)
            && self
                .with_arrondissements
                .is_none_or(|a| a == council.has_arrondissements)
    }
}

/// The regional spread rule: at least `percent` % of the required number of signatures must
/// come from each prefecture/province of the region, rounded up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpreadRule {
    /// The level it applies to (the region in the current law).
    pub level: CouncilLevel,
    /// Percentage of the required total per subdivision.
    pub percent: u32,
    /// Legal source.
    pub citation: Citation,
}

impl SpreadRule {
    /// Signatures needed in each subdivision: `ceil(required × percent / 100)`.
    pub fn per_subdivision(&self, required: u32) -> u32 {
        let product = u64::from(required) * u64::from(self.percent);
        u32::try_from(product.div_ceil(100)).unwrap_or(u32::MAX)
    }
}

/// Conditions an association must meet to file a petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociationRules {
    /// The association must have been legally constituted for strictly more than this many
    /// years on the filing date.
    pub min_age_years: u32,
    /// Its seat or a branch must be in the council's territory.
    pub seat_or_branch_in_territory: bool,
    /// It must be in good standing with the law.
    pub good_standing: bool,
    /// It must work in a field related to the petition.
    pub related_field: bool,
    /// Legal source.
    pub citation: Citation,
}

/// The time the council has to notify an inadmissibility decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRule {
    /// The council level.
    pub level: CouncilLevel,
    /// Calendar months from the receipt date (Africa/Casablanca calendar).
    pub months: u32,
    /// Legal source.
    pub citation: Citation,
}

/// A legal ground on which the bureau may declare a petition inadmissible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedGround {
    /// Stable code, also the message key suffix (`petitions-ground-<code>`).
    pub code: String,
    /// Legal source.
    pub citation: Citation,
}

/// Thresholds for national dossiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalRule {
    /// Petition or legislative motion.
    pub kind: NationalKind,
    /// Required number of signatures.
    pub signatures: u32,
    /// Size of the committee that files it (0 when the law sets none).
    pub committee_size: u32,
    /// The committee members must come from at least this many of Morocco's 12 regions
    /// (0 when the law sets none; a third of the regions for a legislative motion).
    pub committee_min_regions: u32,
    /// Legal source.
    pub citation: Citation,
}

/// One dated version of every rule the petition procedure applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    /// Short human name of the version.
    pub name: String,
    /// First day on which this rule set applies (Africa/Casablanca calendar).
    pub effective_from: Date,
    /// The legal basis as a whole.
    pub citation: Citation,
    /// Minimum signatures by level and population bracket.
    pub thresholds: Vec<ThresholdRule>,
    /// The regional spread rule, if any.
    pub spread: Option<SpreadRule>,
    /// Conditions for association petitions.
    pub association: AssociationRules,
    /// Decision deadlines by level.
    pub deadlines: Vec<DeadlineRule>,
    /// Grounds on which a petition may be refused.
    pub excluded_grounds: Vec<ExcludedGround>,
    /// National petitions and legislative motions.
    pub national: Vec<NationalRule>,
}

/// What the rules need to know about the council a petition is addressed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilFacts {
    /// The council's level.
    pub level: CouncilLevel,
    /// Legal population of its territory.
    pub population: u64,
    /// Whether the territory (a commune) is divided into arrondissements.
    pub has_arrondissements: bool,
    /// Number of prefectures/provinces in the territory (for the regional spread rule).
    pub subdivisions: u32,
}

/// How many signatures a petition needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// Total number of valid signatures.
    pub total: u32,
    /// Minimum signatures in each prefecture/province, when the spread rule applies.
    pub per_subdivision: Option<u32>,
}

/// Why a rule set cannot answer a question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// No rule set was in force on that date.
    #[error("no petition rule set in force on {0}")]
    NoRuleSetInForce(Date),
    /// The rule set has no threshold for this council.
    #[error("the rule set has no signature threshold for a {level:?} of {population} inhabitants")]
    NoThreshold {
        /// Level.
        level: CouncilLevel,
        /// Population.
        population: u64,
    },
    /// The rule set has no deadline for this level.
    #[error("the rule set has no decision deadline for a {0:?} council")]
    NoDeadline(CouncilLevel),
    /// The rule set has no rule for this national dossier.
    #[error("the rule set has no rule for {0:?}")]
    NoNationalRule(NationalKind),
    /// The rule set is not consistent.
    #[error("invalid rule set: {0}")]
    Invalid(String),
}

impl RuleSet {
    /// The signatures a citizen petition to this council needs.
    ///
    /// A rule restricted to communes with (or without) arrondissements wins over a general one.
    pub fn requirement(&self, council: &CouncilFacts) -> Result<Requirement, RuleError> {
        let mut matching = self.thresholds.iter().filter(|r| r.matches(council));
        let first = matching.next().ok_or(RuleError::NoThreshold {
            level: council.level,
            population: council.population,
        })?;
        let rule = std::iter::once(first)
            .chain(matching)
            .find(|r| r.with_arrondissements.is_some())
            .unwrap_or(first);
        let per_subdivision = self
            .spread
            .as_ref()
            .filter(|s| s.level == council.level && council.subdivisions > 0)
            .map(|s| s.per_subdivision(rule.signatures));
        Ok(Requirement {
            total: rule.signatures,
            per_subdivision,
        })
    }

    /// The number of calendar months the council has to decide.
    pub fn deadline_months(&self, level: CouncilLevel) -> Result<u32, RuleError> {
        self.deadlines
            .iter()
            .find(|d| d.level == level)
            .map(|d| d.months)
            .ok_or(RuleError::NoDeadline(level))
    }

    /// The rule for a national dossier.
    pub fn national(&self, kind: NationalKind) -> Result<&NationalRule, RuleError> {
        self.national
            .iter()
            .find(|n| n.kind == kind)
            .ok_or(RuleError::NoNationalRule(kind))
    }

    /// Whether `code` is one of this rule set's refusal grounds.
    pub fn has_ground(&self, code: &str) -> bool {
        self.excluded_grounds.iter().any(|g| g.code == code)
    }

    /// Checks the rule set is usable: every level has a deadline, every threshold is positive,
    /// brackets are well formed and ground codes are unique and well formed.
    pub fn validate(&self) -> Result<(), RuleError> {
        let invalid = |m: String| Err(RuleError::Invalid(m));
        if self.name.trim().is_empty() {
            return invalid("empty name".into());
        }
        for level in CouncilLevel::ALL {
            let months = self.deadline_months(level)?;
            if months == 0 || months > 24 {
                return invalid(format!("deadline of {months} months for {}", level.code()));
            }
            if !self.thresholds.iter().any(|t| t.level == level) {
                return invalid(format!("no threshold for {}", level.code()));
            }
        }
        for t in &self.thresholds {
            if t.signatures == 0 {
                return invalid("a threshold of 0 signatures".into());
            }
            if t.max_population.is_some_and(|max| max <= t.min_population) {
                return invalid(format!(
                    "empty population bracket from {}",
                    t.min_population
                ));
            }
        }
        if let Some(s) = &self.spread
            && (s.percent == 0 || s.percent > 100)
        {
            return invalid(format!("spread of {} %", s.percent));
        }
        let mut codes: Vec<&str> = self
            .excluded_grounds
            .iter()
            .map(|g| g.code.as_str())
            .collect();
        codes.sort_unstable();
        if codes.windows(2).any(|w| w[0] == w[1]) {
            return invalid("duplicate ground code".into());
        }
        if codes
            .iter()
            .any(|c| c.is_empty() || !c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'))
        {
            return invalid("ground codes are lower-case letters and underscores".into());
        }
        Ok(())
    }

    /// The rule set of the organic laws of 2015 (111.14, 112.14, 113.14) and of the national
    /// organic laws as amended in 2021, with the marks of LEGAL.md. It gives the demo figures:
    /// 500 signatures (at least 25 per prefecture/province) for Tanger-Tétouan-Al Hoceïma, 400
    /// for Tangier, 200 for Larache and Al Hoceïma.
    pub fn organic_laws_2015() -> RuleSet {
        use CouncilLevel::*;
        use Verification::*;
        let region = "Organic law 111.14, arts 120–122";
        let province = "Organic law 112.14, arts 114–116";
        let commune = "Organic law 113.14, arts 121–125";
        let t = |level, min, max, arr, signatures, source: &str, mark| ThresholdRule {
            level,
            min_population: min,
            max_population: max,
            with_arrondissements: arr,
            signatures,
            citation: Citation::new(source, mark),
        };
        let d = |level, months, source: &str| DeadlineRule {
            level,
            months,
            citation: Citation::new(source, Checked),
        };
        let g = |code: &str, source: &str| ExcludedGround {
            code: code.to_owned(),
            citation: Citation::new(source, Checked),
        };
        RuleSet {
            name: "Organic laws 111.14, 112.14, 113.14 (2015); 44.14 and 64.14 as amended in 2021"
                .to_owned(),
            effective_from: Date::constant(2016, 10, 6),
            citation: Citation::new(
                "Constitution art. 139; organic laws 111.14, 112.14, 113.14; decree 2.16.403 of 6 October 2016",
                Checked,
            ),
            thresholds: vec![
                t(Region, 0, Some(1_000_000), None, 300, region, Checked),
                t(
                    Region,
                    1_000_000,
                    Some(3_000_000),
                    None,
                    400,
                    region,
                    Checked,
                ),
                t(Region, 3_000_000, None, None, 500, region, Checked),
                t(PrefectureProvince, 0, None, None, 300, province, ToConfirm),
                t(
                    Commune,
                    0,
                    Some(35_000),
                    Some(false),
                    100,
                    commune,
                    ToConfirm,
                ),
                t(Commune, 35_000, None, Some(false), 200, commune, ToConfirm),
                t(Commune, 0, None, Some(true), 400, commune, ToConfirm),
            ],
            spread: Some(SpreadRule {
                level: Region,
                percent: 5,
                citation: Citation::new(region, Checked),
            }),
            association: AssociationRules {
                min_age_years: 3,
                seat_or_branch_in_territory: true,
                good_standing: true,
                related_field: true,
                citation: Citation::new(
                    "Organic laws 111.14 art. 120, 112.14 art. 114, 113.14 art. 121",
                    Checked,
                ),
            },
            deadlines: vec![
                d(Region, 2, "Organic law 111.14, art. 122"),
                d(PrefectureProvince, 2, "Organic law 112.14, art. 116"),
                d(Commune, 3, "Organic law 113.14, art. 123"),
            ],
            excluded_grounds: vec![
                g(
                    "constitutional_constants",
                    "Constitution art. 1; organic laws 111.14, 112.14, 113.14",
                ),
                g(
                    "outside_competence",
                    "Constitution art. 139; organic laws 111.14, 112.14, 113.14",
                ),
                g(
                    "signatures_insufficient",
                    "Organic laws 111.14 art. 121, 112.14 art. 115, 113.14 art. 122",
                ),
                g(
                    "association_conditions",
                    "Organic laws 111.14 art. 120, 112.14 art. 114, 113.14 art. 121",
                ),
                g("documents_missing", "Decree 2.16.403 of 6 October 2016"),
            ],
            national: vec![
                NationalRule {
                    kind: NationalKind::Petition,
                    signatures: 4_000,
                    committee_size: 0,
                    committee_min_regions: 0,
                    citation: Citation::new("Organic law 44.14 as amended by 70.21", Checked),
                },
                NationalRule {
                    kind: NationalKind::LegislativeMotion,
                    signatures: 20_000,
                    committee_size: 9,
                    committee_min_regions: 4,
                    citation: Citation::new("Organic law 64.14 as amended by 71.21", Checked),
                },
            ],
        }
    }
}

/// Every known rule set; the one in force on a date is the latest that took effect on or
/// before it.
#[derive(Debug, Clone, Default)]
pub struct RuleBook {
    sets: Vec<RuleSet>,
}

impl RuleBook {
    /// Builds a rule book from rule sets in any order.
    pub fn new(mut sets: Vec<RuleSet>) -> Self {
        sets.sort_by_key(|s| s.effective_from);
        Self { sets }
    }

    /// The rule set in force on `date` (the date a petition was filed).
    pub fn in_force(&self, date: Date) -> Result<&RuleSet, RuleError> {
        self.sets
            .iter()
            .rev()
            .find(|s| s.effective_from <= date)
            .ok_or(RuleError::NoRuleSetInForce(date))
    }

    /// All rule sets, oldest first.
    pub fn sets(&self) -> &[RuleSet] {
        &self.sets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn council(level: CouncilLevel, population: u64, arr: bool, subs: u32) -> CouncilFacts {
        CouncilFacts {
            level,
            population,
            has_arrondissements: arr,
            subdivisions: subs,
        }
    }

    #[test]
    fn demo_figures() {
        let r = RuleSet::organic_laws_2015();
        r.validate().unwrap();
        let region = r
            .requirement(&council(CouncilLevel::Region, 4_030_222, false, 8))
            .unwrap();
        assert_eq!(
            region,
            Requirement {
                total: 500,
                per_subdivision: Some(25)
            }
        );
        let tangier = r
            .requirement(&council(CouncilLevel::Commune, 1_275_428, true, 0))
            .unwrap();
        assert_eq!(
            tangier,
            Requirement {
                total: 400,
                per_subdivision: None
            }
        );
        let larache = r
            .requirement(&council(CouncilLevel::Commune, 126_000, false, 0))
            .unwrap();
        assert_eq!(larache.total, 200);
        let alhoceima = r
            .requirement(&council(CouncilLevel::Commune, 56_716, false, 0))
            .unwrap();
        assert_eq!(alhoceima.total, 200);
        let province = r.requirement(&council(
            CouncilLevel::PrefectureProvince,
            510_211,
            false,
            0,
        ));
        assert_eq!(province.unwrap().total, 300);
    }

    #[test]
    fn bracket_edges() {
        let r = RuleSet::organic_laws_2015();
        let req = |l, p, a| r.requirement(&council(l, p, a, 0)).unwrap().total;
        assert_eq!(req(CouncilLevel::Commune, 34_999, false), 100);
        assert_eq!(req(CouncilLevel::Commune, 35_000, false), 200);
        assert_eq!(req(CouncilLevel::Commune, 20_000, true), 400);
        assert_eq!(req(CouncilLevel::Region, 999_999, false), 300);
        assert_eq!(req(CouncilLevel::Region, 1_000_000, false), 400);
        assert_eq!(req(CouncilLevel::Region, 2_999_999, false), 400);
        assert_eq!(req(CouncilLevel::Region, 3_000_000, false), 500);
    }

    #[test]
    fn spread_rounds_up() {
        let s = SpreadRule {
            level: CouncilLevel::Region,
            percent: 5,
            citation: Citation::new("x", Verification::Checked),
        };
        assert_eq!(s.per_subdivision(500), 25);
        assert_eq!(s.per_subdivision(300), 15);
        assert_eq!(s.per_subdivision(301), 16);
        assert_eq!(s.per_subdivision(600), 30);
        assert_eq!(s.per_subdivision(1), 1);
    }

    #[test]
    fn deadlines_and_national() {
        let r = RuleSet::organic_laws_2015();
        assert_eq!(r.deadline_months(CouncilLevel::Region), Ok(2));
        assert_eq!(r.deadline_months(CouncilLevel::PrefectureProvince), Ok(2));
        assert_eq!(r.deadline_months(CouncilLevel::Commune), Ok(3));
        assert_eq!(
            r.national(NationalKind::Petition).unwrap().signatures,
            4_000
        );
        let motion = r.national(NationalKind::LegislativeMotion).unwrap();
        assert_eq!((motion.signatures, motion.committee_size), (20_000, 9));
        assert!(r.has_ground("constitutional_constants"));
        assert!(!r.has_ground("because"));
    }

    #[test]
    fn rule_book_picks_the_version_in_force_on_the_filing_date() {
        let old = RuleSet::organic_laws_2015();
        let mut new = old.clone();
        new.name = "2027 amendment".into();
        new.effective_from = Date::constant(2027, 1, 1);
        for t in new
            .thresholds
            .iter_mut()
            .filter(|t| t.level == CouncilLevel::Region)
        {
            t.signatures = 600;
        }
        let book = RuleBook::new(vec![new, old]);
        let c = council(CouncilLevel::Region, 4_030_222, false, 8);
        let before = book.in_force(Date::constant(2026, 12, 31)).unwrap();
        assert_eq!(before.requirement(&c).unwrap().total, 500);
        let after = book.in_force(Date::constant(2027, 1, 1)).unwrap();
        assert_eq!(
            after.requirement(&c).unwrap(),
            Requirement {
                total: 600,
                per_subdivision: Some(30)
            }
        );
        assert_eq!(
            book.in_force(Date::constant(2010, 1, 1)),
            Err(RuleError::NoRuleSetInForce(Date::constant(2010, 1, 1)))
        );
    }

    #[test]
    fn validation_rejects_broken_sets() {
        let mut r = RuleSet::organic_laws_2015();
        r.deadlines.retain(|d| d.level != CouncilLevel::Commune);
        assert_eq!(
            r.validate(),
            Err(RuleError::NoDeadline(CouncilLevel::Commune))
        );
        let mut r = RuleSet::organic_laws_2015();
        r.thresholds[0].signatures = 0;
        assert!(r.validate().is_err());
        let mut r = RuleSet::organic_laws_2015();
        r.excluded_grounds[1].code = r.excluded_grounds[0].code.clone();
        assert!(r.validate().is_err());
        let mut r = RuleSet::organic_laws_2015();
        r.excluded_grounds[0].code = "Bad Code".into();
        assert!(r.validate().is_err());
        let mut r = RuleSet::organic_laws_2015();
        r.spread.as_mut().unwrap().percent = 0;
        assert!(r.validate().is_err());
    }

    #[test]
    fn json_round_trip() {
        let r = RuleSet::organic_laws_2015();
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"effective_from\":\"2016-10-06\""));
        let back: RuleSet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }

    proptest! {
        #[test]
        fn every_council_has_exactly_one_answer(pop in 0u64..50_000_000, arr: bool, level in 0usize..3) {
            let r = RuleSet::organic_laws_2015();
            let level = CouncilLevel::ALL[level];
            let req = r.requirement(&council(level, pop, arr, 8)).unwrap();
            prop_assert!(req.total >= 100);
            if let Some(per) = req.per_subdivision {
                prop_assert!(u64::from(per) * 100 >= u64::from(req.total) * 5);
                prop_assert!(u64::from(per - 1) * 100 < u64::from(req.total) * 5);
            }
        }

        #[test]
        fn spread_is_ceiling(required in 0u32..1_000_000, percent in 1u32..=100) {
            let s = SpreadRule { level: CouncilLevel::Region, percent, citation: Citation::new("x", Verification::Checked) };
            let per = u64::from(s.per_subdivision(required));
            let exact = u64::from(required) * u64::from(percent);
            prop_assert!(per * 100 >= exact);
            prop_assert!(per == 0 || (per - 1) * 100 < exact);
        }
    }
}
