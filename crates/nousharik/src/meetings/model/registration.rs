//! Registering, the waiting list and its automatic promotions, cancellation, check-in at the
//! door, and the day of the reminder mail.

use super::{EventStatus, FormQuestion, RegistrationPolicy, coded_enum};
use crate::platform::i18n::to_casablanca;

coded_enum!(
    /// Where a registration stands.
    RegistrationStatus {
        /// Has a place.
        Confirmed => "confirmed",
        /// On the waiting list (ordered by the time of registration).
        Waiting => "waiting",
        /// Cancelled by the person or the organiser; the place went to the next in line.
        Cancelled => "cancelled",
    }
);

/// What the registration rules need to know about an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSlots {
    /// Scheduled or cancelled.
    pub status: EventStatus,
    /// Who may register.
    pub policy: RegistrationPolicy,
    /// Places (`None` = unlimited).
    pub capacity: Option<i64>,
    /// Waiting-list places.
    pub waitlist_capacity: i64,
    /// Online registration closes then.
    pub registration_closes_at: i64,
    /// Start.
    pub starts_at: i64,
    /// End.
    pub ends_at: i64,
    /// Confirmed registrations now.
    pub confirmed: i64,
    /// People on the waiting list now.
    pub waiting: i64,
}

/// Facts about the person registering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applicant {
    /// Holds a live (confirmed or waiting) registration for this event already.
    pub already_registered: bool,
    /// Was invited by the organiser.
    pub invited: bool,
}

/// Why a registration was refused (each maps to a message key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationError {
    /// The event was cancelled.
    #[error("event cancelled")]
    EventCancelled,
    /// Registration is closed for this event (policy).
    #[error("registration closed")]
    Closed,
    /// Invitation only, and not invited.
    #[error("invitation only")]
    NotInvited,
    /// The registration deadline has passed.
    #[error("registration deadline passed")]
    DeadlinePassed,
    /// Registered already.
    #[error("already registered")]
    AlreadyRegistered,
    /// All places and all waiting-list places are taken.
    #[error("full")]
    Full,
    /// A required answer is missing.
    #[error("answer required")]
    AnswerRequired,
    /// An answer is too long.
    #[error("answer too long")]
    AnswerTooLong,
}

impl RegistrationError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            RegistrationError::EventCancelled => "meetings-error-event-cancelled",
            RegistrationError::Closed => "meetings-error-registration-closed",
            RegistrationError::NotInvited => "meetings-error-not-invited",
            RegistrationError::DeadlinePassed => "meetings-error-deadline-passed",
            RegistrationError::AlreadyRegistered => "meetings-error-already-registered",
            RegistrationError::Full => "meetings-error-full",
            RegistrationError::AnswerRequired => "meetings-error-answer-required",
            RegistrationError::AnswerTooLong => "meetings-error-answer-too-long",
        }
    }
}

/// Decides a registration made at `now`: a confirmed place, a waiting-list place, or a refusal.
pub fn decide(
    event: &EventSlots,
    applicant: Applicant,
    now: i64,
) -> Result<RegistrationStatus, RegistrationError> {
    if event.status == EventStatus::Cancelled {
        return Err(RegistrationError::EventCancelled);
    }
    match event.policy {
        RegistrationPolicy::Closed => return Err(RegistrationError::Closed),
        RegistrationPolicy::Invitation if !applicant.invited => {
            return Err(RegistrationError::NotInvited);
        }
        _ => {}
    }
    if now >= event.registration_closes_at || now >= event.starts_at {
        return Err(RegistrationError::DeadlinePassed);
    }
    if applicant.already_registered {
        return Err(RegistrationError::AlreadyRegistered);
    }
    match event.capacity {
        None => Ok(RegistrationStatus::Confirmed),
        // Nobody jumps the queue: a free place with people still waiting goes to them.
        Some(cap) if event.confirmed < cap && event.waiting == 0 => {
            Ok(RegistrationStatus::Confirmed)
        }
        Some(_) if event.waiting < event.waitlist_capacity => Ok(RegistrationStatus::Waiting),
        Some(_) => Err(RegistrationError::Full),
    }
}

/// Longest answer to a registration question.
pub const MAX_ANSWER: usize = 500;

/// Checks the answers to an event's registration questions (one per question, in order);
/// returns them trimmed.
pub fn check_answers(
    questions: &[FormQuestion],
    answers: &[String],
) -> Result<Vec<String>, RegistrationError> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let a = answers.get(i).map(|a| a.trim()).unwrap_or("");
            if q.required && a.is_empty() {
                Err(RegistrationError::AnswerRequired)
            } else if a.chars().count() > MAX_ANSWER {
                Err(RegistrationError::AnswerTooLong)
            } else {
                Ok(a.to_string())
            }
        })
        .collect()
}

/// How many people at the head of the waiting list get a place now: the free places, once
/// the event has not started yet. Called after every cancellation and capacity change, inside
/// the same transaction, so promotion is automatic and nobody is promoted twice.
pub fn promotions(event: &EventSlots, now: i64) -> i64 {
    if event.status == EventStatus::Cancelled || now >= event.starts_at {
        return 0;
    }
    let free = match event.capacity {
        None => event.waiting,
        Some(cap) => (cap - event.confirmed).max(0),
    };
    free.min(event.waiting)
}

/// Why a cancellation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CancelError {
    /// Cancelled already.
    #[error("already cancelled")]
    AlreadyCancelled,
    /// The event has started; attendance is recorded instead.
    #[error("event started")]
    Started,
    /// Checked in: the person came.
    #[error("checked in")]
    CheckedIn,
}

impl CancelError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            CancelError::AlreadyCancelled => "meetings-error-already-cancelled",
            CancelError::Started => "meetings-error-event-started",
            CancelError::CheckedIn => "meetings-error-checked-in",
        }
    }
}

/// Whether a registration may be cancelled at `now`.
pub fn can_cancel(
    status: RegistrationStatus,
    checked_in: bool,
    starts_at: i64,
    now: i64,
) -> Result<(), CancelError> {
    if status == RegistrationStatus::Cancelled {
        return Err(CancelError::AlreadyCancelled);
    }
    if checked_in {
        return Err(CancelError::CheckedIn);
    }
    if now >= starts_at {
        return Err(CancelError::Started);
    }
    Ok(())
}

/// Check-in opens this long before the start (people arrive early).
pub const CHECK_IN_OPENS_BEFORE: i64 = 3 * 3600;
/// Check-in stays open this long after the end (to type in a paper list).
pub const CHECK_IN_CLOSES_AFTER: i64 = 7 * 24 * 3600;

/// Why a check-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CheckInError {
    /// The typed code is not a code (check character wrong: mistyped or forged).
    #[error("malformed code")]
    MalformedCode,
    /// Well-formed, but no registration of this event has it.
    #[error("unknown code")]
    UnknownCode,
    /// The person is checked in already (a code used twice).
    #[error("already checked in")]
    AlreadyCheckedIn,
    /// The registration was cancelled.
    #[error("registration cancelled")]
    RegistrationCancelled,
    /// On the waiting list: no place was given.
    #[error("on the waiting list")]
    OnWaitingList,
    /// The event was cancelled.
    #[error("event cancelled")]
    EventCancelled,
    /// Too early or too late.
    #[error("outside the check-in window")]
    OutsideWindow,
}

impl CheckInError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            CheckInError::MalformedCode => "meetings-error-code-malformed",
            CheckInError::UnknownCode => "meetings-error-code-unknown",
            CheckInError::AlreadyCheckedIn => "meetings-error-already-checked-in",
            CheckInError::RegistrationCancelled => "meetings-error-registration-cancelled",
            CheckInError::OnWaitingList => "meetings-error-on-waiting-list",
            CheckInError::EventCancelled => "meetings-error-event-cancelled",
            CheckInError::OutsideWindow => "meetings-error-check-in-window",
        }
    }
}

/// Whether the event accepts check-ins at `now` (also for walk-ins).
pub fn check_in_window(
    status: EventStatus,
    starts_at: i64,
    ends_at: i64,
    now: i64,
) -> Result<(), CheckInError> {
    if status == EventStatus::Cancelled {
        return Err(CheckInError::EventCancelled);
    }
    if now < starts_at - CHECK_IN_OPENS_BEFORE || now > ends_at + CHECK_IN_CLOSES_AFTER {
        return Err(CheckInError::OutsideWindow);
    }
    Ok(())
}

/// Whether the registration found for a code (or picked by name) may be checked in.
/// A person on the waiting list who turns up is let in by staff as a walk-in, not by code,
/// so that the decision is visible.
pub fn can_check_in(status: RegistrationStatus, checked_in: bool) -> Result<(), CheckInError> {
    match status {
        RegistrationStatus::Cancelled => Err(CheckInError::RegistrationCancelled),
        RegistrationStatus::Waiting => Err(CheckInError::OnWaitingList),
        RegistrationStatus::Confirmed if checked_in => Err(CheckInError::AlreadyCheckedIn),
        RegistrationStatus::Confirmed => Ok(()),
    }
}

/// The local date (Africa/Casablanca) on which the reminder of an event starting at
/// `starts_at` is sent: the day before.
pub fn reminder_day(starts_at: i64) -> Option<jiff::civil::Date> {
    to_casablanca(starts_at).date().yesterday().ok()
}

/// Whether the reminder of an event starting at `starts_at` is due at `now`: `now` falls on the
/// day before the start, local time. The periodic task runs hourly; a unique key per
/// registration makes sure only one process sends it.
pub fn reminder_due(starts_at: i64, now: i64) -> bool {
    reminder_day(starts_at) == Some(to_casablanca(now).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: i64 = 1_700_000_000;

    fn slots() -> EventSlots {
        EventSlots {
            status: EventStatus::Scheduled,
            policy: RegistrationPolicy::Open,
            capacity: Some(2),
            waitlist_capacity: 1,
            registration_closes_at: START - 3600,
            starts_at: START,
            ends_at: START + 3600,
            confirmed: 0,
            waiting: 0,
        }
    }
    const NEW: Applicant = Applicant {
        already_registered: false,
        invited: false,
    };
    const NOW: i64 = START - 86_400;

    #[test]
    fn fills_places_then_the_waiting_list_then_refuses() {
        let mut e = slots();
        assert_eq!(decide(&e, NEW, NOW), Ok(RegistrationStatus::Confirmed));
        e.confirmed = 1;
        assert_eq!(decide(&e, NEW, NOW), Ok(RegistrationStatus::Confirmed));
        e.confirmed = 2;
        assert_eq!(decide(&e, NEW, NOW), Ok(RegistrationStatus::Waiting));
        e.waiting = 1;
        assert_eq!(decide(&e, NEW, NOW), Err(RegistrationError::Full));
    }

    #[test]
    fn nobody_jumps_the_waiting_list() {
        let mut e = slots();
        e.confirmed = 1;
        e.waiting = 0;
        e.waitlist_capacity = 5;
        assert_eq!(decide(&e, NEW, NOW), Ok(RegistrationStatus::Confirmed));
        e.waiting = 1; // a place is free but someone waits (promotion not run yet)
        assert_eq!(decide(&e, NEW, NOW), Ok(RegistrationStatus::Waiting));
    }

    #[test]
    fn unlimited_capacity_always_confirms() {
        let mut e = slots();
        e.capacity = None;
        e.confirmed = 10_000;
        assert_eq!(decide(&e, NEW, NOW), Ok(RegistrationStatus::Confirmed));
    }

    #[test]
    fn no_waiting_list_means_full() {
        let mut e = slots();
        e.waitlist_capacity = 0;
        e.confirmed = 2;
        assert_eq!(decide(&e, NEW, NOW), Err(RegistrationError::Full));
    }

    #[test]
    fn refusals_in_order_of_precedence() {
        let mut e = slots();
        e.status = EventStatus::Cancelled;
        assert_eq!(decide(&e, NEW, NOW), Err(RegistrationError::EventCancelled));
        let mut e = slots();
        e.policy = RegistrationPolicy::Closed;
        assert_eq!(decide(&e, NEW, NOW), Err(RegistrationError::Closed));
        e.policy = RegistrationPolicy::Invitation;
        assert_eq!(decide(&e, NEW, NOW), Err(RegistrationError::NotInvited));
        let invited = Applicant {
            invited: true,
            ..NEW
        };
        assert_eq!(decide(&e, invited, NOW), Ok(RegistrationStatus::Confirmed));
        let e = slots();
        assert_eq!(
            decide(&e, NEW, e.registration_closes_at),
            Err(RegistrationError::DeadlinePassed)
        );
        let twice = Applicant {
            already_registered: true,
            ..NEW
        };
        assert_eq!(
            decide(&e, twice, NOW),
            Err(RegistrationError::AlreadyRegistered)
        );
    }

    #[test]
    fn answers_are_checked_and_trimmed() {
        let qs = vec![
            FormQuestion {
                label: "Organisation".into(),
                required: true,
            },
            FormQuestion {
                label: "Needs".into(),
                required: false,
            },
        ];
        assert_eq!(
            check_answers(&qs, &[" Madinati ".into()]),
            Ok(vec!["Madinati".into(), "".into()])
        );
        assert_eq!(
            check_answers(&qs, &["  ".into(), "x".into()]),
            Err(RegistrationError::AnswerRequired)
        );
        assert_eq!(
            check_answers(&qs, &["a".into(), "x".repeat(501)]),
            Err(RegistrationError::AnswerTooLong)
        );
    }

    #[test]
    fn promotion_fills_freed_places_before_the_start_only() {
        let mut e = slots();
        e.confirmed = 1;
        e.waiting = 3;
        assert_eq!(promotions(&e, NOW), 1);
        e.confirmed = 0;
        assert_eq!(promotions(&e, NOW), 2);
        e.confirmed = 2;
        assert_eq!(promotions(&e, NOW), 0);
        e.confirmed = 0;
        assert_eq!(promotions(&e, START), 0);
        e.capacity = None;
        assert_eq!(promotions(&e, NOW), 3);
        e.status = EventStatus::Cancelled;
        assert_eq!(promotions(&e, NOW), 0);
        // Capacity lowered below the confirmed count: nobody is promoted (nor demoted).
        let mut e = slots();
        e.confirmed = 5;
        e.waiting = 1;
        assert_eq!(promotions(&e, NOW), 0);
    }

    #[test]
    fn cancellation_rules() {
        use RegistrationStatus::*;
        assert_eq!(can_cancel(Confirmed, false, START, NOW), Ok(()));
        assert_eq!(can_cancel(Waiting, false, START, NOW), Ok(()));
        assert_eq!(
            can_cancel(Cancelled, false, START, NOW),
            Err(CancelError::AlreadyCancelled)
        );
        assert_eq!(
            can_cancel(Confirmed, true, START, NOW),
            Err(CancelError::CheckedIn)
        );
        assert_eq!(
            can_cancel(Confirmed, false, START, START),
            Err(CancelError::Started)
        );
    }

    #[test]
    fn check_in_rules() {
        use RegistrationStatus::*;
        assert_eq!(can_check_in(Confirmed, false), Ok(()));
        assert_eq!(
            can_check_in(Confirmed, true),
            Err(CheckInError::AlreadyCheckedIn)
        );
        assert_eq!(
            can_check_in(Cancelled, false),
            Err(CheckInError::RegistrationCancelled)
        );
        assert_eq!(
            can_check_in(Waiting, false),
            Err(CheckInError::OnWaitingList)
        );
        let end = START + 3600;
        let ok = |now| check_in_window(EventStatus::Scheduled, START, end, now);
        assert_eq!(ok(START - CHECK_IN_OPENS_BEFORE), Ok(()));
        assert_eq!(
            ok(START - CHECK_IN_OPENS_BEFORE - 1),
            Err(CheckInError::OutsideWindow)
        );
        assert_eq!(ok(end + CHECK_IN_CLOSES_AFTER), Ok(()));
        assert_eq!(
            ok(end + CHECK_IN_CLOSES_AFTER + 1),
            Err(CheckInError::OutsideWindow)
        );
        assert_eq!(
            check_in_window(EventStatus::Cancelled, START, end, START),
            Err(CheckInError::EventCancelled)
        );
    }

    #[test]
    fn reminder_is_due_on_the_local_day_before() {
        // 2023-03-15 09:00 in Casablanca (UTC+1 then) = 08:00 UTC.
        let start = jiff::Timestamp::from_second(1_678_867_200)
            .unwrap()
            .as_second();
        let day = reminder_day(start).unwrap();
        assert_eq!(day, jiff::civil::date(2023, 3, 14));
        // 2023-03-14 23:30 UTC is already the 15th in Casablanca (UTC+1): not due.
        let late = jiff::civil::date(2023, 3, 14)
            .at(23, 30, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_second();
        assert!(!reminder_due(start, late));
        // 2023-03-13 23:30 UTC is the 14th in Casablanca: due.
        assert!(reminder_due(start, late - 86_400));
        assert!(!reminder_due(start, late - 2 * 86_400));
        assert!(!reminder_due(start, start));
    }
}
