//! What the account pages share: field errors for refilled forms, option lists, and the
//! message keys of every model error.

use crate::accounts::model::{
    AgeGroup, DemographicsError, DisplayNameError, EmailError, Evidence, OrgRole, PasswordError,
    Sex, VerificationLevel,
};
use crate::platform::i18n::Locale;

/// One field's error, shown beside the field and in the summary at the top of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's `id` (the summary links to `#field`).
    pub field: &'static str,
    /// Translated message.
    pub message: String,
}

/// The errors of one submitted form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// Adds an error for `field` with the message `key` translated in `locale`.
    pub fn add(&mut self, locale: Locale, field: &'static str, key: &str) {
        self.0.push(FieldError {
            field,
            message: locale.t(key),
        });
    }

    /// Adds an already translated message.
    pub fn add_text(&mut self, field: &'static str, message: String) {
        self.0.push(FieldError { field, message });
    }

    /// The message for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// Whether `field` has an error.
    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    /// Whether the form is free of errors.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every error, in form order.
    pub fn items(&self) -> &[FieldError] {
        &self.0
    }
}

/// How a re-shown form went: its errors, a success notice, and the status to answer with.
#[derive(Debug, Clone)]
pub struct Feedback {
    /// Field errors.
    pub errors: FieldErrors,
    /// Success notice.
    pub notice: Option<String>,
    /// HTTP status.
    pub status: axum::http::StatusCode,
}

impl Feedback {
    /// A plain 200 with an optional notice.
    pub fn ok(notice: Option<String>) -> Self {
        Self {
            errors: FieldErrors::default(),
            notice,
            status: axum::http::StatusCode::OK,
        }
    }

    /// Errors with their status.
    pub fn errors(errors: FieldErrors, status: axum::http::StatusCode) -> Self {
        Self {
            errors,
            notice: None,
            status,
        }
    }
}

/// An `<option>`: value and translated label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    /// Submitted value.
    pub code: String,
    /// Shown label.
    pub label: String,
}

/// A language choice, shown in its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageOption {
    /// Locale code.
    pub code: &'static str,
    /// The language's own name.
    pub name: &'static str,
}

/// The four interface languages.
pub fn language_options() -> Vec<LanguageOption> {
    Locale::ALL
        .into_iter()
        .map(|l| LanguageOption {
            code: l.code(),
            name: l.native_name(),
        })
        .collect()
}

/// Sex choices, "prefer not to say" first.
pub fn sex_options(locale: Locale) -> Vec<SelectOption> {
    let mut v = vec![SelectOption {
        code: String::new(),
        label: locale.t("accounts-not-said"),
    }];
    v.extend(Sex::ALL.into_iter().map(|s| SelectOption {
        code: s.code().into(),
        label: locale.t(sex_key(s)),
    }));
    v
}

/// Age-group choices, "prefer not to say" first.
pub fn age_options(locale: Locale) -> Vec<SelectOption> {
    let mut v = vec![SelectOption {
        code: String::new(),
        label: locale.t("accounts-not-said"),
    }];
    v.extend(AgeGroup::ALL.into_iter().map(|a| SelectOption {
        code: a.code().into(),
        label: locale.t(age_key(a)),
    }));
    v
}

/// Message key of a sex.
pub fn sex_key(s: Sex) -> &'static str {
    match s {
        Sex::Female => "accounts-sex-female",
        Sex::Male => "accounts-sex-male",
    }
}

/// Message key of an age group.
pub fn age_key(a: AgeGroup) -> &'static str {
    match a {
        AgeGroup::Under18 => "accounts-age-under-18",
        AgeGroup::From18To35 => "accounts-age-18-35",
        AgeGroup::From36To59 => "accounts-age-36-59",
        AgeGroup::SixtyAndOver => "accounts-age-60-plus",
    }
}

/// Message key of a role.
pub fn role_key(r: OrgRole) -> &'static str {
    match r {
        OrgRole::Staff => "accounts-role-staff",
        OrgRole::ElectedMember => "accounts-role-elected-member",
        OrgRole::BureauMember => "accounts-role-bureau-member",
        OrgRole::Moderator => "accounts-role-moderator",
        OrgRole::AssociationRepresentative => "accounts-role-association-representative",
        OrgRole::Coordinator => "accounts-role-coordinator",
    }
}

/// Message key of an evidence kind.
pub fn evidence_key(e: Evidence) -> &'static str {
    match e {
        Evidence::CinShownAtCounter => "accounts-evidence-cin-shown",
        Evidence::ResidenceCertificate => "accounts-evidence-residence-certificate",
        Evidence::ElectoralRoll => "accounts-evidence-electoral-roll",
    }
}

/// Message key of a verification level.
pub fn level_key(l: VerificationLevel) -> &'static str {
    match l {
        VerificationLevel::Unconfirmed => "accounts-level-unconfirmed",
        VerificationLevel::EmailConfirmed => "accounts-level-email-confirmed",
        VerificationLevel::ResidentVerified => "accounts-level-resident-verified",
    }
}

/// Role choices.
pub fn role_options(locale: Locale) -> Vec<SelectOption> {
    OrgRole::ALL
        .into_iter()
        .map(|r| SelectOption {
            code: r.code().into(),
            label: role_label(locale, r),
        })
        .collect()
}

/// Translated name of a role.
pub fn role_label(locale: Locale, role: OrgRole) -> String {
    locale.t(role_key(role))
}

/// Evidence choices.
pub fn evidence_options(locale: Locale) -> Vec<SelectOption> {
    Evidence::ALL
        .into_iter()
        .map(|e| SelectOption {
            code: e.code().into(),
            label: evidence_label(locale, e),
        })
        .collect()
}

/// Translated name of an evidence kind.
pub fn evidence_label(locale: Locale, e: Evidence) -> String {
    locale.t(evidence_key(e))
}

/// Translated verification level.
pub fn level_label(locale: Locale, level: VerificationLevel) -> String {
    locale.t(level_key(level))
}

/// Message key for an email error.
pub fn email_error_key(e: EmailError) -> &'static str {
    match e {
        EmailError::Empty => "accounts-error-email-empty",
        EmailError::TooLong => "accounts-error-email-too-long",
        EmailError::Invalid => "accounts-error-email-invalid",
    }
}

/// Message key for a display-name error.
pub fn name_error_key(e: DisplayNameError) -> &'static str {
    match e {
        DisplayNameError::Empty => "accounts-error-name-empty",
        DisplayNameError::TooLong => "accounts-error-name-too-long",
        DisplayNameError::ControlCharacter => "accounts-error-name-control",
    }
}

/// Message key for a password error.
pub fn password_error_key(e: PasswordError) -> &'static str {
    match e {
        PasswordError::TooShort => "accounts-error-password-too-short",
        PasswordError::TooLong => "accounts-error-password-too-long",
        PasswordError::SameAsEmail => "accounts-error-password-same-as-email",
    }
}

/// Field and message key for a demographics error.
pub fn demographics_error(e: DemographicsError) -> (&'static str, &'static str) {
    match e {
        DemographicsError::ConsentMissing => ("consent", "accounts-error-consent-missing"),
        DemographicsError::InvalidSex => ("sex", "accounts-error-sex-invalid"),
        DemographicsError::InvalidAgeGroup => ("age_group", "accounts-error-age-invalid"),
    }
}

/// Every message key built from a value (not written literally at its use); the test below
/// checks them in every locale.
pub fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    keys.extend(Sex::ALL.map(sex_key));
    keys.extend(AgeGroup::ALL.map(age_key));
    keys.extend(OrgRole::ALL.map(role_key));
    keys.extend(Evidence::ALL.map(evidence_key));
    keys.extend(
        [
            VerificationLevel::Unconfirmed,
            VerificationLevel::EmailConfirmed,
            VerificationLevel::ResidentVerified,
        ]
        .map(level_key),
    );
    keys.extend([EmailError::Empty, EmailError::TooLong, EmailError::Invalid].map(email_error_key));
    keys.extend(
        [
            DisplayNameError::Empty,
            DisplayNameError::TooLong,
            DisplayNameError::ControlCharacter,
        ]
        .map(name_error_key),
    );
    keys.extend(
        [
            PasswordError::TooShort,
            PasswordError::TooLong,
            PasswordError::SameAsEmail,
        ]
        .map(password_error_key),
    );
    keys.extend(
        [
            DemographicsError::ConsentMissing,
            DemographicsError::InvalidSex,
            DemographicsError::InvalidAgeGroup,
        ]
        .map(|e| demographics_error(e).1),
    );
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_key_exists_in_every_locale() {
        for locale in Locale::ALL {
            for key in all_keys() {
                assert_ne!(locale.t(key), key, "{key} missing in {}", locale.code());
            }
        }
    }

    #[test]
    fn field_errors_lookup() {
        let mut e = FieldErrors::default();
        assert!(e.is_empty());
        e.add_text("email", "bad".into());
        assert_eq!(e.get("email"), Some("bad"));
        assert!(!e.has("password"));
        assert_eq!(e.items().len(), 1);
    }
}
