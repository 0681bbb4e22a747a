//! Accounts: the typed values a sign-up, a profile and a role are made of, and their rules.
//!
//! Nothing here does I/O. Raw form strings become these types at the edge (routes), so the
//! store and the permission rules only ever see values that are already valid.

use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

// ---------------------------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------------------------

/// Longest address SMTP can carry (RFC 5321 path limit minus the angle brackets).
pub const EMAIL_MAX_CHARS: usize = 254;
const EMAIL_LOCAL_MAX: usize = 64;
const DOMAIN_LABEL_MAX: usize = 63;

/// An email address, trimmed and lower-cased, so that one mailbox is one account.
///
/// Only the common dot-atom form is accepted (no quoted local parts, no IP literals, ASCII
/// only): those are the addresses every mail provider hands out, and refusing the exotic forms
/// keeps header injection and look-alike tricks out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

/// Why an email address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum EmailError {
    /// Nothing was typed.
    #[error("the email address is empty")]
    Empty,
    /// Longer than [`EMAIL_MAX_CHARS`].
    #[error("the email address is too long")]
    TooLong,
    /// Not of the form `name@domain.tld`.
    #[error("the email address is not valid")]
    Invalid,
}

impl Email {
    /// Parses and normalises an address typed by a person.
    pub fn parse(raw: &str) -> Result<Self, EmailError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > EMAIL_MAX_CHARS {
            return Err(EmailError::TooLong);
        }
        if !trimmed.is_ascii() {
            return Err(EmailError::Invalid);
        }
        let lower = trimmed.to_ascii_lowercase();
        let (local, domain) = lower.split_once('@').ok_or(EmailError::Invalid)?;
        if !valid_local_part(local) || !valid_domain(domain) {
            return Err(EmailError::Invalid);
        }
        Ok(Self(lower))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn valid_local_part(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";
    !local.is_empty()
        && local.len() <= EMAIL_LOCAL_MAX
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || SPECIALS.contains(c))
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || domain.len() > 253 {
        return false;
    }
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= DOMAIN_LABEL_MAX
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let tld = labels[labels.len() - 1];
    let tld_ok =
        tld.len() >= 2 && (tld.chars().all(|c| c.is_ascii_alphabetic()) || tld.starts_with("xn--"));
    labels.iter().all(label_ok) && tld_ok
}

// ---------------------------------------------------------------------------------------------
// Password policy
// ---------------------------------------------------------------------------------------------

/// Fewest characters a new password may have.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Most characters a new password may have (argon2 is fed bytes; this keeps a request from
/// making the server hash megabytes).
pub const PASSWORD_MAX_CHARS: usize = 256;

/// A new password that satisfies the policy. It is never trimmed: spaces are characters too.
/// `Debug` does not print it.
#[derive(Clone)]
pub struct NewPassword(String);

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PasswordError {
    /// Fewer than [`PASSWORD_MIN_CHARS`] characters.
    #[error("the password is too short")]
    TooShort,
    /// More than [`PASSWORD_MAX_CHARS`] characters.
    #[error("the password is too long")]
    TooLong,
    /// The password is the account's email address.
    #[error("the password is the email address")]
    SameAsEmail,
}

impl NewPassword {
    /// Checks a password chosen for the account `email`.
    pub fn parse(raw: &str, email: &Email) -> Result<Self, PasswordError> {
        let chars = raw.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        if raw.trim().eq_ignore_ascii_case(email.as_str()) {
            return Err(PasswordError::SameAsEmail);
        }
        Ok(Self(raw.to_owned()))
    }

    /// The password itself, to be hashed.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

// ---------------------------------------------------------------------------------------------
// Display name
// ---------------------------------------------------------------------------------------------

/// Most characters in a display name.
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

/// The name shown for a person: trimmed, 1 to [`DISPLAY_NAME_MAX_CHARS`] characters, with no
/// control characters and no bidirectional overrides (which could make a name display as
/// somebody else's in a right-to-left page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisplayName(String);

/// Why a display name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DisplayNameError {
    /// Nothing but spaces.
    #[error("the name is empty")]
    Empty,
    /// Longer than [`DISPLAY_NAME_MAX_CHARS`].
    #[error("the name is too long")]
    TooLong,
    /// Contains a control or bidirectional-override character.
    #[error("the name contains a control character")]
    ControlCharacter,
}

impl DisplayName {
    /// Parses a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, DisplayNameError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(DisplayNameError::Empty);
        }
        if name.chars().count() > DISPLAY_NAME_MAX_CHARS {
            return Err(DisplayNameError::TooLong);
        }
        if name.chars().any(|c| c.is_control() || is_bidi_control(c)) {
            return Err(DisplayNameError::ControlCharacter);
        }
        Ok(Self(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

// ---------------------------------------------------------------------------------------------
// Preferred language
// ---------------------------------------------------------------------------------------------

/// The interface languages (Arabic is the default): the same as the page's locale.
pub use crate::platform::i18n::Locale as Language;

// ---------------------------------------------------------------------------------------------
// Demographics (optional, only with consent)
// ---------------------------------------------------------------------------------------------

/// Version of the consent text shown beside the sex and age-group fields. Bump it when the
/// text changes, so each recorded consent names the text that was agreed to (law 09-08).
pub const DEMOGRAPHICS_CONSENT_VERSION: i64 = 1;

/// Sex, as used for statistics disaggregated by sex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Woman.
    Female,
    /// Man.
    Male,
}

impl Sex {
    /// Every value, in the order offered.
    pub const ALL: [Sex; 2] = [Sex::Female, Sex::Male];

    /// Stable code (database, forms).
    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }

    /// The value for a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Age groups used by the project's indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// Under 18.
    Under18,
    /// 18 to 35.
    From18To35,
    /// 36 to 59.
    From36To59,
    /// 60 and over.
    SixtyAndOver,
}

impl AgeGroup {
    /// Every value, youngest first.
    pub const ALL: [AgeGroup; 4] = [
        AgeGroup::Under18,
        AgeGroup::From18To35,
        AgeGroup::From36To59,
        AgeGroup::SixtyAndOver,
    ];

    /// Stable code (database, forms).
    pub fn code(self) -> &'static str {
        match self {
            AgeGroup::Under18 => "under_18",
            AgeGroup::From18To35 => "18_35",
            AgeGroup::From36To59 => "36_59",
            AgeGroup::SixtyAndOver => "60_plus",
        }
    }

    /// The value for a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// A recorded consent: which text version was agreed to, and when (unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Version of the consent text.
    pub version: i64,
    /// When it was given.
    pub given_at: i64,
}

/// Sex and age group of a person. The fields are private and the only constructor takes a
/// [`Consent`]: the value cannot exist without the consent that allows keeping it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Demographics {
    sex: Option<Sex>,
    age_group: Option<AgeGroup>,
    consent: Consent,
}

/// Why the demographics part of a profile form was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DemographicsError {
    /// A value was chosen but the consent box was not ticked.
    #[error("consent is needed to keep sex or age group")]
    ConsentMissing,
    /// The sex value is not one of ours.
    #[error("unknown sex value")]
    InvalidSex,
    /// The age-group value is not one of ours.
    #[error("unknown age group")]
    InvalidAgeGroup,
}

impl Demographics {
    /// Builds demographics under a consent; `None` when nothing was chosen, since there is
    /// nothing to keep.
    pub fn new(consent: Consent, sex: Option<Sex>, age_group: Option<AgeGroup>) -> Option<Self> {
        (sex.is_some() || age_group.is_some()).then_some(Self {
            sex,
            age_group,
            consent,
        })
    }

    /// Reads the profile form: the consent box, and the two optional choices (empty string =
    /// "prefer not to say"). Without consent nothing is kept, and choosing a value without
    /// ticking the box is an error the person must see, not a silent drop.
    pub fn from_form(
        consent_ticked: bool,
        sex: &str,
        age_group: &str,
        now: i64,
    ) -> Result<Option<Self>, DemographicsError> {
        let sex = match sex.trim() {
            "" => None,
            code => Some(Sex::parse(code).ok_or(DemographicsError::InvalidSex)?),
        };
        let age_group = match age_group.trim() {
            "" => None,
            code => Some(AgeGroup::parse(code).ok_or(DemographicsError::InvalidAgeGroup)?),
        };
        if !consent_ticked {
            return match (sex, age_group) {
                (None, None) => Ok(None),
                _ => Err(DemographicsError::ConsentMissing),
            };
        }
        let consent = Consent {
            version: DEMOGRAPHICS_CONSENT_VERSION,
            given_at: now,
        };
        Ok(Self::new(consent, sex, age_group))
    }

    /// Sex, when given.
    pub fn sex(&self) -> Option<Sex> {
        self.sex
    }

    /// Age group, when given.
    pub fn age_group(&self) -> Option<AgeGroup> {
        self.age_group
    }

    /// The consent under which they are kept.
    pub fn consent(&self) -> Consent {
        self.consent
    }
}

// ---------------------------------------------------------------------------------------------
// Roles and memberships
// ---------------------------------------------------------------------------------------------

/// What a person is in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    /// Staff member of a territorial collectivity.
    Staff,
    /// Elected member of a council.
    ElectedMember,
    /// Member of a council's bureau.
    BureauMember,
    /// Moderates contributions.
    Moderator,
    /// Speaks for an association.
    AssociationRepresentative,
    /// Coordinates a coordination cell or consultative body.
    Coordinator,
}

impl OrgRole {
    /// Every role, in the order offered.
    pub const ALL: [OrgRole; 6] = [
        OrgRole::Staff,
        OrgRole::ElectedMember,
        OrgRole::BureauMember,
        OrgRole::Moderator,
        OrgRole::AssociationRepresentative,
        OrgRole::Coordinator,
    ];

    /// Stable code (database, forms, locale keys).
    pub fn code(self) -> &'static str {
        match self {
            OrgRole::Staff => "staff",
            OrgRole::ElectedMember => "elected_member",
            OrgRole::BureauMember => "bureau_member",
            OrgRole::Moderator => "moderator",
            OrgRole::AssociationRepresentative => "association_representative",
            OrgRole::Coordinator => "coordinator",
        }
    }

    /// The role for a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A role held in one organisation. `territory` is the organisation's territory, carried so
/// that territorial rules (who may verify residents where) need no lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The organisation.
    pub organisation: OrganisationId,
    /// The organisation's territory.
    pub territory: TerritoryId,
    /// The role held.
    pub role: OrgRole,
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

/// What a staff member saw to verify residence. The CIN number itself is never recorded
/// (LEGAL.md §4): only that a card was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The national identity card (CIN) shown at the counter.
    CinShownAtCounter,
    /// A residence certificate (شهادة السكنى).
    ResidenceCertificate,
    /// An entry in the electoral roll.
    ElectoralRoll,
}

impl Evidence {
    /// Every kind, in the order offered.
    pub const ALL: [Evidence; 3] = [
        Evidence::CinShownAtCounter,
        Evidence::ResidenceCertificate,
        Evidence::ElectoralRoll,
    ];

    /// Stable code (database, forms, locale keys).
    pub fn code(self) -> &'static str {
        match self {
            Evidence::CinShownAtCounter => "cin_shown",
            Evidence::ResidenceCertificate => "residence_certificate",
            Evidence::ElectoralRoll => "electoral_roll",
        }
    }

    /// The kind for a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// A staff member's statement that a person lives in a territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ResidentVerification {
    /// Where the person lives.
    pub territory: TerritoryId,
    /// The staff member (or administrator) who verified.
    pub verified_by: UserId,
    /// When (unix seconds).
    pub verified_at: i64,
    /// What was seen.
    pub evidence: Evidence,
}

/// How far a person's identity has been established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationLevel {
    /// Signed up, address not yet confirmed.
    Unconfirmed,
    /// Followed the link mailed to them.
    EmailConfirmed,
    /// A staff member verified residence in at least one territory.
    ResidentVerified,
}

impl VerificationLevel {
    /// The level reached by a person with these facts. Residence counts only on top of a
    /// confirmed address: an account nobody can reach by mail is not a verified citizen.
    pub fn of(email_confirmed: bool, residences: &[ResidentVerification]) -> Self {
        match (email_confirmed, residences.is_empty()) {
            (false, _) => VerificationLevel::Unconfirmed,
            (true, true) => VerificationLevel::EmailConfirmed,
            (true, false) => VerificationLevel::ResidentVerified,
        }
    }

    /// Stable code (locale keys).
    pub fn code(self) -> &'static str {
        match self {
            VerificationLevel::Unconfirmed => "unconfirmed",
            VerificationLevel::EmailConfirmed => "email_confirmed",
            VerificationLevel::ResidentVerified => "resident_verified",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Single-use links
// ---------------------------------------------------------------------------------------------

/// What a mailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirms the address given at sign-up.
    ConfirmEmail,
    /// Lets a person choose a new password.
    ResetPassword,
}

impl TokenPurpose {
    /// Stable code (database).
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::ConfirmEmail => "confirm_email",
            TokenPurpose::ResetPassword => "reset_password",
        }
    }

    /// How long a link stays valid, in seconds: 48 h to confirm, 1 h to reset a password.
    pub fn lifetime_secs(self) -> i64 {
        match self {
            TokenPurpose::ConfirmEmail => 48 * 3600,
            TokenPurpose::ResetPassword => 3600,
        }
    }
}

/// Why a mailed link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum TokenProblem {
    /// No such link (mistyped, or for another purpose).
    #[error("unknown link")]
    Unknown,
    /// Already used once.
    #[error("link already used")]
    Used,
    /// Past its lifetime.
    #[error("link expired")]
    Expired,
}

/// Decides whether a stored link may be used now. A used link stays used even once expired,
/// so the person is told the truer reason.
pub fn check_token(expires_at: i64, used_at: Option<i64>, now: i64) -> Result<(), TokenProblem> {
    if used_at.is_some() {
        Err(TokenProblem::Used)
    } else if now >= expires_at {
        Err(TokenProblem::Expired)
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Account deletion
// ---------------------------------------------------------------------------------------------

/// The address a deleted account keeps: unique, clearly not a mailbox (`.invalid` is reserved
/// by RFC 2606), and it frees the real address for a new sign-up.
pub fn anonymised_email(user: UserId) -> String {
    format!("deleted-{}@deleted.invalid", user.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(s: &str) -> Email {
        Email::parse(s).unwrap()
    }

    #[test]
    fn email_is_trimmed_and_lowercased() {
        assert_eq!(
            email("  Amina.B@Example.MA ").as_str(),
            "amina.b@example.ma"
        );
    }

    #[test]
    fn email_accepts_common_forms() {
        for ok in [
            "a@b.ma",
            "first.last+tag@sub.domain.org",
            "x_y-z@mail-server.co.uk",
            "user@xn--mgbai9azgqp6j.xn--mgberp4a5d4ar",
        ] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn email_rejects_bad_forms() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        for bad in [
            "plain",
            "@example.ma",
            "a@",
            "a@b",
            "a@@b.ma",
            "a@b@c.ma",
            ".a@b.ma",
            "a.@b.ma",
            "a..b@c.ma",
            "a@-b.ma",
            "a@b-.ma",
            "a@b..ma",
            "a@b.m",
            "a@b.123",
            "a b@c.ma",
            "a@b.ma\r\nBcc: x@y.ma",
            "<script>@x.ma",
            "'; DROP TABLE users; --@x.ma",
            "أمينة@example.ma",
            "\"quoted\"@example.ma",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad:?}");
        }
    }

    #[test]
    fn email_length_limits() {
        let local = "a".repeat(64);
        assert!(Email::parse(&format!("{local}@example.ma")).is_ok());
        let local = "a".repeat(65);
        assert_eq!(
            Email::parse(&format!("{local}@example.ma")),
            Err(EmailError::Invalid)
        );
        let long = format!("{}@{}.ma", "a".repeat(60), "b".repeat(200));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
        let label = "c".repeat(64);
        assert_eq!(
            Email::parse(&format!("a@{label}.ma")),
            Err(EmailError::Invalid)
        );
    }

    #[test]
    fn password_policy() {
        let e = email("amina@example.ma");
        assert_eq!(
            NewPassword::parse("short", &e).unwrap_err(),
            PasswordError::TooShort
        );
        assert_eq!(
            NewPassword::parse("123456789", &e).unwrap_err(),
            PasswordError::TooShort
        );
        assert!(NewPassword::parse("1234567890", &e).is_ok());
        // Characters, not bytes: ten Arabic letters are ten characters.
        assert!(NewPassword::parse("كلمةسرطويل", &e).is_ok());
        assert_eq!(
            NewPassword::parse("كلمةسر", &e).unwrap_err(),
            PasswordError::TooShort
        );
        assert!(NewPassword::parse(&"x".repeat(256), &e).is_ok());
        assert_eq!(
            NewPassword::parse(&"x".repeat(257), &e).unwrap_err(),
            PasswordError::TooLong
        );
        assert_eq!(
            NewPassword::parse("Amina@Example.ma", &e).unwrap_err(),
            PasswordError::SameAsEmail
        );
        // Not trimmed: the spaces are kept as typed.
        assert_eq!(
            NewPassword::parse("  spaced pass  ", &e).unwrap().expose(),
            "  spaced pass  "
        );
    }

    #[test]
    fn password_debug_is_redacted() {
        let e = email("amina@example.ma");
        let p = NewPassword::parse("very-secret-pass", &e).unwrap();
        assert!(!format!("{p:?}").contains("secret"));
    }

    #[test]
    fn display_name_rules() {
        assert_eq!(DisplayName::parse("  أمينة  ").unwrap().as_str(), "أمينة");
        assert_eq!(
            DisplayName::parse(" \t ").unwrap_err(),
            DisplayNameError::Empty
        );
        assert!(DisplayName::parse(&"ⵜ".repeat(100)).is_ok());
        assert_eq!(
            DisplayName::parse(&"ⵜ".repeat(101)).unwrap_err(),
            DisplayNameError::TooLong
        );
        for bad in [
            "a\u{0}b",
            "a\nb",
            "a\u{7}b",
            "evil\u{202E}txt",
            "x\u{2066}y",
        ] {
            assert_eq!(
                DisplayName::parse(bad).unwrap_err(),
                DisplayNameError::ControlCharacter,
                "{bad:?}"
            );
        }
        // Markup is just text: it is escaped when shown, not refused.
        assert!(DisplayName::parse("<script>alert(1)</script>").is_ok());
    }

    #[test]
    fn language_codes_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
        assert_eq!(Language::from_code("de"), None);
        assert_eq!(Language::from_code(""), None);
        assert_eq!(Language::default(), Language::Ar);
    }

    #[test]
    fn codes_round_trip() {
        for r in OrgRole::ALL {
            assert_eq!(OrgRole::parse(r.code()), Some(r));
        }
        for e in Evidence::ALL {
            assert_eq!(Evidence::parse(e.code()), Some(e));
        }
        for s in Sex::ALL {
            assert_eq!(Sex::parse(s.code()), Some(s));
        }
        for a in AgeGroup::ALL {
            assert_eq!(AgeGroup::parse(a.code()), Some(a));
        }
        assert_eq!(OrgRole::parse("admin"), None);
        assert_eq!(Evidence::parse("cin_number"), None);
    }

    #[test]
    fn demographics_need_consent() {
        assert_eq!(
            Demographics::from_form(false, "female", "", 10),
            Err(DemographicsError::ConsentMissing)
        );
        assert_eq!(
            Demographics::from_form(false, "", "18_35", 10),
            Err(DemographicsError::ConsentMissing)
        );
        assert_eq!(Demographics::from_form(false, "", "", 10), Ok(None));
        // Consent with nothing chosen keeps nothing.
        assert_eq!(Demographics::from_form(true, "", "", 10), Ok(None));
        let d = Demographics::from_form(true, "female", "36_59", 10)
            .unwrap()
            .unwrap();
        assert_eq!(d.sex(), Some(Sex::Female));
        assert_eq!(d.age_group(), Some(AgeGroup::From36To59));
        assert_eq!(
            d.consent(),
            Consent {
                version: DEMOGRAPHICS_CONSENT_VERSION,
                given_at: 10
            }
        );
        assert_eq!(
            Demographics::from_form(true, "other", "", 10),
            Err(DemographicsError::InvalidSex)
        );
        assert_eq!(
            Demographics::from_form(true, "", "17", 10),
            Err(DemographicsError::InvalidAgeGroup)
        );
    }

    #[test]
    fn verification_levels() {
        let v = ResidentVerification {
            territory: TerritoryId(1),
            verified_by: UserId(2),
            verified_at: 5,
            evidence: Evidence::ElectoralRoll,
        };
        assert_eq!(
            VerificationLevel::of(false, &[]),
            VerificationLevel::Unconfirmed
        );
        assert_eq!(
            VerificationLevel::of(false, &[v]),
            VerificationLevel::Unconfirmed
        );
        assert_eq!(
            VerificationLevel::of(true, &[]),
            VerificationLevel::EmailConfirmed
        );
        assert_eq!(
            VerificationLevel::of(true, &[v]),
            VerificationLevel::ResidentVerified
        );
        assert!(VerificationLevel::ResidentVerified > VerificationLevel::EmailConfirmed);
    }

    #[test]
    fn token_checks() {
        assert_eq!(check_token(100, None, 99), Ok(()));
        assert_eq!(check_token(100, None, 100), Err(TokenProblem::Expired));
        assert_eq!(check_token(100, Some(50), 60), Err(TokenProblem::Used));
        assert_eq!(check_token(100, Some(50), 200), Err(TokenProblem::Used));
        assert_eq!(TokenPurpose::ConfirmEmail.lifetime_secs(), 172_800);
        assert_eq!(TokenPurpose::ResetPassword.lifetime_secs(), 3_600);
    }

    #[test]
    fn anonymised_email_is_not_a_valid_mailbox_collision() {
        let a = anonymised_email(UserId(42));
        assert_eq!(a, "deleted-42@deleted.invalid");
        assert_ne!(a, anonymised_email(UserId(43)));
    }
}
