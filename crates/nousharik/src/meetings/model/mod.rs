//! Pure rules of the meetings module: no I/O, every rule unit-tested.
//!
//! - this file: events (kinds, mode, registration policy, capacity) and their validation;
//! - [`code`]: registration and certificate codes;
//! - [`registration`]: registering, the waiting list and its promotions, cancellation,
//!   check-in, the reminder day;
//! - [`attendance`]: actor types and disaggregated counts;
//! - [`evaluation`]: question bank, pre/post tests, satisfaction, certificate eligibility;
//! - [`dashboard`]: the figures of a programme or a territory;
//! - [`form`]: the organiser's event form as typed, and uploaded materials.

pub mod attendance;
pub mod code;
pub mod dashboard;
pub mod evaluation;
pub mod form;
pub mod registration;

use serde::Serialize;

/// Longest title.
pub const MAX_TITLE: usize = 200;
/// Longest free text (description, agenda, address…).
pub const MAX_TEXT: usize = 10_000;
/// Largest capacity an event may declare.
pub const MAX_CAPACITY: i64 = 100_000;

macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in the order offered.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable code (database, forms, JSON, locale keys).
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value for a code.
            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum!(
    /// What kind of gathering an event is (the seed project's activities).
    EventKind {
        /// Launch meeting of a programme in a territory.
        LaunchMeeting => "launch_meeting",
        /// Workshop (e.g. writing the guide of good practices).
        Workshop => "workshop",
        /// Training session (pre/post tests and certificates).
        TrainingSession => "training_session",
        /// Awareness day (e.g. on the Open Government Partnership).
        AwarenessDay => "awareness_day",
        /// Meeting of a council, a consultative body or a multi-stakeholder forum.
        CouncilMeeting => "council_meeting",
        /// Final meeting of a programme.
        FinalMeeting => "final_meeting",
    }
);

impl EventKind {
    /// Whether pre/post tests are part of the event by default (trainings).
    pub fn has_tests_by_default(self) -> bool {
        self == EventKind::TrainingSession
    }
}

coded_enum!(
    /// Who may register.
    RegistrationPolicy {
        /// Anyone signed in.
        Open => "open",
        /// Only people the organiser invited.
        Invitation => "invitation",
        /// Nobody registers online (staff add people at the door).
        Closed => "closed",
    }
);

coded_enum!(
    /// Where the event happens.
    ModeKind {
        /// At an address.
        InPerson => "in_person",
        /// Online, at a link.
        Online => "online",
        /// Both.
        Hybrid => "hybrid",
    }
);

coded_enum!(
    /// Whether the event is still going ahead.
    EventStatus {
        /// Published and planned (or held, once its time has passed).
        Scheduled => "scheduled",
        /// Cancelled by the organiser: no registration, no check-in.
        Cancelled => "cancelled",
    }
);

/// Where the event happens, with what that place needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mode {
    /// At an address.
    InPerson {
        /// Street address.
        address: String,
    },
    /// Online.
    Online {
        /// Meeting link (http or https).
        link: String,
    },
    /// Both.
    Hybrid {
        /// Street address.
        address: String,
        /// Meeting link (http or https).
        link: String,
    },
}

impl Mode {
    /// The kind of mode.
    pub fn kind(&self) -> ModeKind {
        match self {
            Mode::InPerson { .. } => ModeKind::InPerson,
            Mode::Online { .. } => ModeKind::Online,
            Mode::Hybrid { .. } => ModeKind::Hybrid,
        }
    }

    /// The address, if any.
    pub fn address(&self) -> Option<&str> {
        match self {
            Mode::InPerson { address } | Mode::Hybrid { address, .. } => Some(address),
            Mode::Online { .. } => None,
        }
    }

    /// The link, if any.
    pub fn link(&self) -> Option<&str> {
        match self {
            Mode::Online { link } | Mode::Hybrid { link, .. } => Some(link),
            Mode::InPerson { .. } => None,
        }
    }

    /// Builds a mode from its kind and the two optional fields (as stored and as typed).
    pub fn from_parts(
        kind: ModeKind,
        address: Option<&str>,
        link: Option<&str>,
    ) -> Result<Self, EventError> {
        let address = || {
            address
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .ok_or(EventError::AddressRequired)
        };
        let link = || {
            let l = link
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .ok_or(EventError::LinkRequired)?;
            check_link(l)?;
            Ok(l.to_string())
        };
        Ok(match kind {
            ModeKind::InPerson => Mode::InPerson {
                address: address()?,
            },
            ModeKind::Online => Mode::Online { link: link()? },
            ModeKind::Hybrid => Mode::Hybrid {
                address: address()?,
                link: link()?,
            },
        })
    }
}

fn check_link(link: &str) -> Result<(), EventError> {
    match url::Url::parse(link) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(()),
        _ => Err(EventError::InvalidLink),
    }
}

/// What must be true for an attendee to get a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CertificateCriteria {
    /// Certificates are issued for this event at all.
    pub enabled: bool,
    /// The post-test must have been taken.
    pub requires_post_test: bool,
    /// Lowest post-test score accepted, in percent (0–100); 0 = any score.
    pub min_post_score_percent: i64,
}

impl CertificateCriteria {
    /// No certificates.
    pub const NONE: Self = Self {
        enabled: false,
        requires_post_test: false,
        min_post_score_percent: 0,
    };
}

/// A validated event, as created or edited by the organiser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDraft {
    /// Kind.
    pub kind: EventKind,
    /// Title (in the language the organiser writes in).
    pub title: String,
    /// Description.
    pub description: String,
    /// Agenda, one item per line.
    pub agenda: String,
    /// Speakers or trainers, one per line.
    pub speakers: String,
    /// Programme it belongs to (e.g. "Nousharik 2023"), if any.
    pub programme: Option<String>,
    /// Start, Unix seconds UTC.
    pub starts_at: i64,
    /// End, Unix seconds UTC.
    pub ends_at: i64,
    /// Place.
    pub mode: Mode,
    /// Places; `None` = unlimited.
    pub capacity: Option<i64>,
    /// Places on the waiting list once full; 0 = no waiting list.
    pub waitlist_capacity: i64,
    /// Who may register.
    pub policy: RegistrationPolicy,
    /// Online registration closes at this time (at the latest at the start).
    pub registration_closes_at: i64,
    /// Extra questions of the registration form.
    pub questions: Vec<FormQuestion>,
    /// Certificate rules.
    pub certificate: CertificateCriteria,
}

/// One question of an event's registration form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct FormQuestion {
    /// The question as shown.
    pub label: String,
    /// Whether an answer is required.
    pub required: bool,
}

/// Why an event's form was refused (each maps to a `meetings-error-…` message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    /// Empty title.
    #[error("title required")]
    TitleRequired,
    /// Title too long.
    #[error("title too long")]
    TitleTooLong,
    /// A text field too long.
    #[error("text too long")]
    TextTooLong,
    /// End not after start.
    #[error("end before start")]
    EndBeforeStart,
    /// Address missing for an in-person or hybrid event.
    #[error("address required")]
    AddressRequired,
    /// Link missing for an online or hybrid event.
    #[error("link required")]
    LinkRequired,
    /// Link not http(s).
    #[error("invalid link")]
    InvalidLink,
    /// Capacity not positive or absurdly large.
    #[error("invalid capacity")]
    InvalidCapacity,
    /// Registration closing after the start.
    #[error("registration closes after start")]
    RegistrationClosesAfterStart,
    /// Minimum score outside 0–100.
    #[error("invalid minimum score")]
    InvalidMinScore,
    /// A registration-form question empty or too long, or too many of them.
    #[error("invalid question")]
    InvalidQuestion,
}

impl EventError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            EventError::TitleRequired => "meetings-error-title-required",
            EventError::TitleTooLong => "meetings-error-title-too-long",
            EventError::TextTooLong => "meetings-error-text-too-long",
            EventError::EndBeforeStart => "meetings-error-end-before-start",
            EventError::AddressRequired => "meetings-error-address-required",
            EventError::LinkRequired => "meetings-error-link-required",
            EventError::InvalidLink => "meetings-error-invalid-link",
            EventError::InvalidCapacity => "meetings-error-invalid-capacity",
            EventError::RegistrationClosesAfterStart => "meetings-error-closes-after-start",
            EventError::InvalidMinScore => "meetings-error-invalid-min-score",
            EventError::InvalidQuestion => "meetings-error-invalid-question",
        }
    }
}

/// At most this many extra registration questions.
pub const MAX_QUESTIONS: usize = 10;

impl EventDraft {
    /// Checks every rule of an event; text is trimmed first.
    pub fn validate(mut self) -> Result<Self, EventError> {
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(EventError::TitleRequired);
        }
        if self.title.chars().count() > MAX_TITLE {
            return Err(EventError::TitleTooLong);
        }
        for text in [&self.description, &self.agenda, &self.speakers] {
            if text.chars().count() > MAX_TEXT {
                return Err(EventError::TextTooLong);
            }
        }
        self.programme = self
            .programme
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        if self
            .programme
            .as_ref()
            .is_some_and(|p| p.chars().count() > MAX_TITLE)
        {
            return Err(EventError::TitleTooLong);
        }
        if self.ends_at <= self.starts_at {
            return Err(EventError::EndBeforeStart);
        }
        if self
            .capacity
            .is_some_and(|c| !(1..=MAX_CAPACITY).contains(&c))
            || !(0..=MAX_CAPACITY).contains(&self.waitlist_capacity)
        {
            return Err(EventError::InvalidCapacity);
        }
        if self.registration_closes_at > self.starts_at {
            return Err(EventError::RegistrationClosesAfterStart);
        }
        if !(0..=100).contains(&self.certificate.min_post_score_percent) {
            return Err(EventError::InvalidMinScore);
        }
        if self.questions.len() > MAX_QUESTIONS
            || self
                .questions
                .iter()
                .any(|q| q.label.trim().is_empty() || q.label.chars().count() > MAX_TITLE)
        {
            return Err(EventError::InvalidQuestion);
        }
        // Re-check the mode (a stored draft may come from an older form).
        self.mode = Mode::from_parts(self.mode.kind(), self.mode.address(), self.mode.link())?;
        Ok(self)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn draft() -> EventDraft {
        EventDraft {
            kind: EventKind::TrainingSession,
            title: "  Training on petitions  ".into(),
            description: "".into(),
            agenda: "Law 44-14\nCase studies".into(),
            speakers: "A trainer".into(),
            programme: Some(" Nousharik 2023 ".into()),
            starts_at: 1_700_000_000,
            ends_at: 1_700_000_000 + 6 * 3600,
            mode: Mode::InPerson {
                address: "Larache town hall".into(),
            },
            capacity: Some(30),
            waitlist_capacity: 10,
            policy: RegistrationPolicy::Open,
            registration_closes_at: 1_700_000_000 - 3600,
            questions: vec![FormQuestion {
                label: "Organisation".into(),
                required: false,
            }],
            certificate: CertificateCriteria {
                enabled: true,
                requires_post_test: true,
                min_post_score_percent: 50,
            },
        }
    }

    #[test]
    fn a_good_draft_is_trimmed_and_kept() {
        let d = draft().validate().unwrap();
        assert_eq!(d.title, "Training on petitions");
        assert_eq!(d.programme.as_deref(), Some("Nousharik 2023"));
    }

    #[test]
    fn empty_programme_becomes_none() {
        let mut d = draft();
        d.programme = Some("   ".into());
        assert_eq!(d.validate().unwrap().programme, None);
    }

    #[test]
    fn each_bad_field_is_refused_with_its_reason() {
        type Case = (fn(&mut EventDraft), EventError);
        let cases: Vec<Case> = vec![
            (|d| d.title = "   ".into(), EventError::TitleRequired),
            (|d| d.title = "x".repeat(201), EventError::TitleTooLong),
            (|d| d.agenda = "x".repeat(10_001), EventError::TextTooLong),
            (|d| d.ends_at = d.starts_at, EventError::EndBeforeStart),
            (
                |d| {
                    d.mode = Mode::InPerson {
                        address: " ".into(),
                    }
                },
                EventError::AddressRequired,
            ),
            (
                |d| {
                    d.mode = Mode::Online {
                        link: "javascript:alert(1)".into(),
                    }
                },
                EventError::InvalidLink,
            ),
            (
                |d| d.mode = Mode::Online { link: "".into() },
                EventError::LinkRequired,
            ),
            (
                |d| {
                    d.mode = Mode::Hybrid {
                        address: "".into(),
                        link: "https://meet.example.org/x".into(),
                    }
                },
                EventError::AddressRequired,
            ),
            (|d| d.capacity = Some(0), EventError::InvalidCapacity),
            (|d| d.capacity = Some(-5), EventError::InvalidCapacity),
            (|d| d.waitlist_capacity = -1, EventError::InvalidCapacity),
            (
                |d| d.registration_closes_at = d.starts_at + 1,
                EventError::RegistrationClosesAfterStart,
            ),
            (
                |d| d.certificate.min_post_score_percent = 101,
                EventError::InvalidMinScore,
            ),
            (
                |d| {
                    d.questions = vec![FormQuestion {
                        label: " ".into(),
                        required: true,
                    }]
                },
                EventError::InvalidQuestion,
            ),
        ];
        for (change, expected) in cases {
            let mut d = draft();
            change(&mut d);
            assert_eq!(d.validate(), Err(expected));
            assert!(expected.key().starts_with("meetings-error-"));
        }
    }

    #[test]
    fn modes_keep_their_fields() {
        let m = Mode::from_parts(
            ModeKind::Hybrid,
            Some(" Hall "),
            Some("https://meet.example.org/a"),
        )
        .unwrap();
        assert_eq!(m.address(), Some("Hall"));
        assert_eq!(m.link(), Some("https://meet.example.org/a"));
        assert_eq!(m.kind(), ModeKind::Hybrid);
        let online = Mode::from_parts(ModeKind::Online, None, Some("http://x.org")).unwrap();
        assert_eq!(online.address(), None);
    }

    #[test]
    fn codes_round_trip() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.code()), Some(*k));
        }
        for p in RegistrationPolicy::ALL {
            assert_eq!(RegistrationPolicy::parse(p.code()), Some(*p));
        }
        assert_eq!(EventKind::parse("party"), None);
        assert!(EventKind::TrainingSession.has_tests_by_default());
        assert!(!EventKind::Workshop.has_tests_by_default());
    }
}
