//! Who may sign a citizen petition, and whether an association may file one.
//!
//! Territories are passed as chains of ids from the most local territory up to the region
//! (e.g. `[arrondissement, commune, province, region]`), so that "lives in the territory" means
//! "the council's territory is in one of the person's chains".

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::procedure::PetitionState;
use super::rules::AssociationRules;

/// The version of the consent text signatories accept now. A new wording gets a new number and
/// new message keys, so every signature keeps the version its signatory accepted.
pub const CONSENT_VERSION: u32 = 1;

/// Why a person signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerBasis {
    /// Lives in the territory (verified by council staff).
    Resident,
    /// Carries on an economic, commercial or professional activity there (declared).
    Activity,
}

impl SignerBasis {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Resident => "resident",
            Self::Activity => "activity",
        }
    }

    /// Parses [`SignerBasis::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Resident, Self::Activity]
            .into_iter()
            .find(|b| b.code() == code)
    }
}

/// What is known about a would-be signatory.
#[derive(Debug, Clone)]
pub struct SignerFacts<'a> {
    /// One chain (local → region) per territory the person is a verified resident of.
    pub verified_residences: &'a [Vec<i64>],
    /// Resident or activity.
    pub basis: SignerBasis,
    /// For the activity basis: the chain of the territory where the activity is carried on.
    pub activity_place: Option<&'a [i64]>,
    /// For the activity basis: what the activity is.
    pub activity_description: &'a str,
    /// The person confirmed meeting the conditions of the general electoral rolls.
    pub electoral_roll_confirmed: bool,
    /// The consent text version the person accepted, if any.
    pub consent_version: Option<u32>,
}

/// Why a person may not sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Ineligibility {
    /// The petition is not open for signatures.
    #[error("the petition does not take signatures now")]
    NotOpen,
    /// The person has no verified residence at all (identity never checked).
    #[error("your residence has not been verified")]
    NotVerified,
    /// The person is not a verified resident of the council's territory.
    #[error("you are not a verified resident of this territory")]
    NotResident,
    /// The declared activity is not in the territory or not described.
    #[error("the declared activity is not described or not in this territory")]
    ActivityNotInTerritory,
    /// The electoral-roll condition was not confirmed.
    #[error("the electoral-roll condition was not confirmed")]
    ElectoralRollNotConfirmed,
    /// The consent text was not accepted.
    #[error("the consent text was not accepted")]
    ConsentMissing,
    /// An older consent text was accepted.
    #[error("the consent text has changed; read and accept it again")]
    ConsentOutdated,
}

/// Checks a signatory; on success returns the chain that places the signature in the territory
/// (used to attribute it to a prefecture/province).
pub fn check_signer<'a>(
    state: PetitionState,
    council_territory: i64,
    facts: &SignerFacts<'a>,
) -> Result<&'a [i64], Ineligibility> {
    if !state.accepts_signatures() {
        return Err(Ineligibility::NotOpen);
    }
    if facts.verified_residences.is_empty() {
        return Err(Ineligibility::NotVerified);
    }
    let place = match facts.basis {
        SignerBasis::Resident => facts
            .verified_residences
            .iter()
            .find(|chain| chain.contains(&council_territory))
            .map(Vec::as_slice)
            .ok_or(Ineligibility::NotResident)?,
        SignerBasis::Activity => facts
            .activity_place
            .filter(|chain| chain.contains(&council_territory))
            .filter(|_| !facts.activity_description.trim().is_empty())
            .ok_or(Ineligibility::ActivityNotInTerritory)?,
    };
    if !facts.electoral_roll_confirmed {
        return Err(Ineligibility::ElectoralRollNotConfirmed);
    }
    match facts.consent_version {
        None => Err(Ineligibility::ConsentMissing),
        Some(v) if v != CONSENT_VERSION => Err(Ineligibility::ConsentOutdated),
        Some(_) => Ok(place),
    }
}

/// The prefecture/province a signature counts for: the territory just below the council's in
/// the signatory's chain (`None` when the chain does not go below the council's territory).
pub fn subdivision_of(chain: &[i64], council_territory: i64) -> Option<i64> {
    let at = chain.iter().position(|&t| t == council_territory)?;
    at.checked_sub(1).map(|i| chain[i])
}

/// What is known about an association filing a petition.
#[derive(Debug, Clone)]
pub struct AssociationFacts<'a> {
    /// Legal creation date.
    pub created_on: Date,
    /// Chain of the seat's territory.
    pub seat: &'a [i64],
    /// Chains of its branches' territories.
    pub branches: &'a [Vec<i64>],
    /// In good standing with the law (declared and up to date).
    pub good_standing: bool,
    /// Its fields of activity (codes).
    pub fields: &'a [String],
}

/// A condition an association does not meet — each with what the person needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "condition", rename_all = "snake_case")]
pub enum AssociationCondition {
    /// Constituted for less than the minimum; it may file from `eligible_from`.
    TooYoung {
        /// Creation date.
        created_on: Date,
        /// First day it may file.
        eligible_from: Date,
        /// Minimum age in years.
        years: u32,
    },
    /// Neither its seat nor a branch is in the council's territory.
    NotInTerritory,
    /// Not in good standing with the law.
    NotInGoodStanding,
    /// The petition's field is not one of the association's fields.
    FieldUnrelated {
        /// The petition's field.
        field: String,
    },
}

/// Every association condition the association fails, empty when it may file on `filed_on`.
pub fn check_association(
    rules: &AssociationRules,
    facts: &AssociationFacts<'_>,
    filed_on: Date,
    council_territory: i64,
    petition_field: &str,
) -> Vec<AssociationCondition> {
    let mut unmet = Vec::new();
    // "More than N years": the day after the N-th anniversary (29 February → 28 February).
    let eligible_from = facts
        .created_on
        .checked_add(i64::from(rules.min_age_years).years())
        .and_then(|d| d.checked_add(1.day()))
        .unwrap_or(Date::MAX);
    if filed_on < eligible_from {
        unmet.push(AssociationCondition::TooYoung {
            created_on: facts.created_on,
            eligible_from,
            years: rules.min_age_years,
        });
    }
    let in_territory = facts.seat.contains(&council_territory)
        || facts
            .branches
            .iter()
            .any(|b| b.contains(&council_territory));
    if rules.seat_or_branch_in_territory && !in_territory {
        unmet.push(AssociationCondition::NotInTerritory);
    }
    if rules.good_standing && !facts.good_standing {
        unmet.push(AssociationCondition::NotInGoodStanding);
    }
    if rules.related_field && !facts.fields.iter().any(|f| f == petition_field) {
        unmet.push(AssociationCondition::FieldUnrelated {
            field: petition_field.to_owned(),
        });
    }
    unmet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petitions::model::rules::RuleSet;
    use jiff::civil::date;

    const REGION: i64 = 1;
    const TANGIER_PREF: i64 = 10;
    const TANGIER: i64 = 100;
    const BNI_MAKADA: i64 = 1000;
    const LARACHE_PROV: i64 = 20;
    const LARACHE: i64 = 200;

    fn facts(res: &[Vec<i64>]) -> SignerFacts<'_> {
        SignerFacts {
            verified_residences: res,
            basis: SignerBasis::Resident,
            activity_place: None,
            activity_description: "",
            electoral_roll_confirmed: true,
            consent_version: Some(CONSENT_VERSION),
        }
    }

    #[test]
    fn residents_of_the_territory_or_below_may_sign() {
        let res = vec![vec![BNI_MAKADA, TANGIER, TANGIER_PREF, REGION]];
        let f = facts(&res);
        let open = PetitionState::OpenForSignatures;
        assert!(check_signer(open, TANGIER, &f).is_ok());
        assert!(check_signer(open, REGION, &f).is_ok());
        assert_eq!(
            check_signer(open, LARACHE, &f),
            Err(Ineligibility::NotResident)
        );
        for s in [
            PetitionState::Draft,
            PetitionState::Deposited,
            PetitionState::Withdrawn,
        ] {
            assert_eq!(check_signer(s, TANGIER, &f), Err(Ineligibility::NotOpen));
        }
        assert_eq!(
            check_signer(open, TANGIER, &facts(&[])),
            Err(Ineligibility::NotVerified)
        );
    }

    #[test]
    fn conditions_and_consent() {
        let res = vec![vec![LARACHE, LARACHE_PROV, REGION]];
        let open = PetitionState::OpenForSignatures;
        let mut f = facts(&res);
        f.electoral_roll_confirmed = false;
        assert_eq!(
            check_signer(open, LARACHE, &f),
            Err(Ineligibility::ElectoralRollNotConfirmed)
        );
        let mut f = facts(&res);
        f.consent_version = None;
        assert_eq!(
            check_signer(open, LARACHE, &f),
            Err(Ineligibility::ConsentMissing)
        );
        f.consent_version = Some(CONSENT_VERSION + 1);
        assert_eq!(
            check_signer(open, LARACHE, &f),
            Err(Ineligibility::ConsentOutdated)
        );
    }

    #[test]
    fn activity_basis() {
        let res = vec![vec![LARACHE, LARACHE_PROV, REGION]];
        let place = [BNI_MAKADA, TANGIER, TANGIER_PREF, REGION];
        let open = PetitionState::OpenForSignatures;
        let mut f = facts(&res);
        f.basis = SignerBasis::Activity;
        assert_eq!(
            check_signer(open, TANGIER, &f),
            Err(Ineligibility::ActivityNotInTerritory)
        );
        f.activity_place = Some(&place);
        assert_eq!(
            check_signer(open, TANGIER, &f),
            Err(Ineligibility::ActivityNotInTerritory)
        );
        f.activity_description = "Shop owner, Bni Makada market";
        assert_eq!(check_signer(open, TANGIER, &f), Ok(&place[..]));
        assert_eq!(
            check_signer(open, LARACHE, &f),
            Err(Ineligibility::ActivityNotInTerritory)
        );
    }

    #[test]
    fn subdivision_attribution() {
        let chain = [BNI_MAKADA, TANGIER, TANGIER_PREF, REGION];
        assert_eq!(subdivision_of(&chain, REGION), Some(TANGIER_PREF));
        assert_eq!(subdivision_of(&chain, TANGIER), Some(BNI_MAKADA));
        assert_eq!(subdivision_of(&chain, BNI_MAKADA), None);
        assert_eq!(subdivision_of(&chain, LARACHE), None);
    }

    fn assoc<'a>(created: Date, seat: &'a [i64], fields: &'a [String]) -> AssociationFacts<'a> {
        AssociationFacts {
            created_on: created,
            seat,
            branches: &[],
            good_standing: true,
            fields,
        }
    }

    #[test]
    fn association_age_is_strictly_more_than_three_years() {
        let rules = RuleSet::organic_laws_2015().association;
        let fields = vec!["environment".to_owned()];
        let seat = [LARACHE, LARACHE_PROV, REGION];
        let a = assoc(date(2020, 5, 1), &seat, &fields);
        let unmet = check_association(&rules, &a, date(2023, 5, 1), LARACHE, "environment");
        assert_eq!(
            unmet,
            vec![AssociationCondition::TooYoung {
                created_on: date(2020, 5, 1),
                eligible_from: date(2023, 5, 2),
                years: 3
            }]
        );
        assert!(check_association(&rules, &a, date(2023, 5, 2), LARACHE, "environment").is_empty());
        let leap = assoc(date(2020, 2, 29), &seat, &fields);
        let unmet = check_association(&rules, &leap, date(2023, 2, 28), LARACHE, "environment");
        assert!(
            matches!(unmet[0], AssociationCondition::TooYoung { eligible_from, .. } if eligible_from == date(2023, 3, 1))
        );
    }

    #[test]
    fn association_every_unmet_condition_is_named() {
        let rules = RuleSet::organic_laws_2015().association;
        let fields = vec!["youth".to_owned()];
        let seat = [TANGIER, TANGIER_PREF, REGION];
        let mut a = assoc(date(2010, 1, 1), &seat, &fields);
        a.good_standing = false;
        let unmet = check_association(&rules, &a, date(2026, 1, 1), LARACHE, "environment");
        assert_eq!(
            unmet,
            vec![
                AssociationCondition::NotInTerritory,
                AssociationCondition::NotInGoodStanding,
                AssociationCondition::FieldUnrelated {
                    field: "environment".into()
                },
            ]
        );
        // A branch in Larache is enough; the region contains both.
        let branches = vec![vec![LARACHE, LARACHE_PROV, REGION]];
        a.branches = &branches;
        a.good_standing = true;
        assert!(check_association(&rules, &a, date(2026, 1, 1), LARACHE, "youth").is_empty());
        assert!(check_association(&rules, &a, date(2026, 1, 1), REGION, "youth").is_empty());
    }
}
