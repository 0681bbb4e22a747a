//! The mails of the meetings module besides the reminder: an invitation to an invitation-only
//! event, the notice that an event is cancelled, and the notice that a place freed up for
//! someone on the waiting list. Each is in the recipient's language, plain text and HTML, with
//! the event's link on a line of its own (never through Fluent, which would wrap it in bidi
//! isolation marks).
//!
//! A mail that cannot be sent is logged: the change it reports is already committed and stays.

use super::store::Event;
use crate::platform::AppState;
use crate::platform::i18n::{Arg, Locale};
use crate::platform::mail::{OutgoingMail, notice, send_logged};

/// Which mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventMail {
    /// You are invited (registration on invitation).
    Invitation,
    /// The event is cancelled.
    Cancelled,
    /// A place freed up: you moved from the waiting list to the registered.
    Promoted,
}

impl EventMail {
    /// Message keys: subject, body.
    fn keys(self) -> [&'static str; 2] {
        match self {
            EventMail::Invitation => [
                "meetings-mail-invitation-subject",
                "meetings-mail-invitation-body",
            ],
            EventMail::Cancelled => [
                "meetings-mail-cancelled-subject",
                "meetings-mail-cancelled-body",
            ],
            EventMail::Promoted => [
                "meetings-mail-promoted-subject",
                "meetings-mail-promoted-body",
            ],
        }
    }
}

/// What a mail says about its event.
#[derive(Debug, Clone)]
pub struct About {
    /// Event title.
    pub title: String,
    /// Start time (UTC seconds).
    pub starts_at: i64,
    /// Absolute link to the event's page.
    pub link: String,
}

impl About {
    /// The facts of a stored event, with its link on this platform.
    pub fn of(state: &AppState, e: &Event) -> About {
        About {
            title: e.draft.title.clone(),
            starts_at: e.draft.starts_at,
            link: format!(
                "{}/events/{}",
                state.config.base_url.trim_end_matches('/'),
                e.id
            ),
        }
    }
}

/// Builds one mail for `to` (named `name`) in `locale`; `code` is the registration code, shown
/// in the mail of a promotion.
pub fn build(
    kind: EventMail,
    locale: Locale,
    to: &str,
    name: &str,
    about: &About,
    code: Option<&str>,
) -> OutgoingMail {
    let [subject_key, body_key] = kind.keys();
    let args = [
        ("title", Arg::from(about.title.as_str())),
        ("when", Arg::from(locale.format_datetime(about.starts_at))),
        ("code", Arg::from(code.unwrap_or_default())),
    ];
    let subject = locale.tr(subject_key, &args[..1]);
    let paragraphs = [
        locale.tr("meetings-mail-greeting", &[("name", Arg::from(name))]),
        locale.tr(body_key, &args),
    ];
    notice(
        locale,
        to,
        subject,
        &paragraphs,
        &about.link,
        locale.t("meetings-mail-signature"),
    )
}

/// The language of an account (its code as stored), Arabic when unknown.
pub fn locale_of(code: &str) -> Locale {
    Locale::from_code(code).unwrap_or_default()
}

/// Mails everyone registered or waiting (with an account) that the event is cancelled.
pub async fn event_cancelled(state: &AppState, e: &Event) -> anyhow::Result<usize> {
    let about = About::of(state, e);
    let mails: Vec<OutgoingMail> = super::store::registered_accounts(&state.db, e.id)
        .await?
        .iter()
        .map(|r| {
            build(
                EventMail::Cancelled,
                locale_of(&r.language),
                &r.email,
                &r.name,
                &about,
                None,
            )
        })
        .collect();
    Ok(send_logged(state, &mails).await)
}

/// Mails the people just promoted from the waiting list that they have a place, with their
/// code.
pub async fn promoted(state: &AppState, e: &Event, registrations: &[i64]) -> anyhow::Result<usize> {
    let about = About::of(state, e);
    let mut mails = Vec::new();
    for id in registrations {
        if let Some(r) = super::store::recipient(&state.db, *id).await? {
            let code = super::model::code::Code::parse(&r.code)
                .map_or_else(|_| r.code.clone(), |c| c.to_string());
            mails.push(build(
                EventMail::Promoted,
                locale_of(&r.language),
                &r.email,
                &r.name,
                &about,
                Some(&code),
            ));
        }
    }
    Ok(send_logged(state, &mails).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_exists_in_every_language_with_the_link_alone_on_its_line() {
        let about = About {
            title: "Formation <b>budget</b>".into(),
            starts_at: 1_800_000_000,
            link: "http://127.0.0.1:8080/events/7".into(),
        };
        for kind in [
            EventMail::Invitation,
            EventMail::Cancelled,
            EventMail::Promoted,
        ] {
            for locale in Locale::ALL {
                let m = build(
                    kind,
                    locale,
                    "a@b.ma",
                    "Amina",
                    &about,
                    Some("ABCD-EFGH-JKM"),
                );
                assert!(!m.subject.starts_with("meetings-"), "{kind:?} {locale:?}");
                assert!(!m.text.contains("meetings-"), "{kind:?} {locale:?}");
                assert!(m.subject.contains("Formation <b>budget</b>"));
                assert!(
                    m.text.lines().any(|l| l == about.link),
                    "{kind:?} {locale:?}"
                );
                assert!(m.html.contains("href=\"http://127.0.0.1:8080/events/7\""));
                assert!(!m.html.contains("<b>budget"), "escaped");
                assert!(m.html.contains(&format!("lang=\"{}\"", locale.code())));
                if kind == EventMail::Promoted {
                    assert!(m.text.contains("ABCD-EFGH-JKM"), "{locale:?}");
                }
            }
        }
    }
}
