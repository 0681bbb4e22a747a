//! Background work: the bureau's deadline warnings (30, 7 and 1 days before) and the notices
//! to signatories when the council has decided.
//!
//! The warning job runs in every server process on a tokio interval. It is safe with several
//! processes: each warning is claimed by inserting a row with a unique key
//! (`petition_deadline_warnings`), and only the process whose insert succeeded sends it.

use std::time::Duration;

use crate::platform::i18n::{Arg, Locale};
use crate::platform::mail::{Mailer, OutgoingMail};
use crate::platform::{AppState, now};

use super::model::procedure::PetitionState;
use super::service;
use super::store;
use super::views;

/// How often the warning job looks for deadlines.
pub const EVERY: Duration = Duration::from_secs(15 * 60);

fn mailer(state: &AppState) -> Option<Mailer> {
    Mailer::new(
        &state.config.mail,
        &Mailer::default_from(&state.config.base_url),
    )
    .inspect_err(|e| tracing::error!(error = %e, "petition mails: mailer unavailable"))
    .ok()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn mail(locale: Locale, to: &str, subject: String, body: String) -> OutgoingMail {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><body><p>{}</p></body></html>",
        locale.code(),
        locale.dir(),
        escape(&body)
    );
    OutgoingMail {
        to: to.to_owned(),
        subject,
        text: format!("{body}\n"),
        html,
    }
}

/// Sends the deadline warnings due at `now`; returns how many mails were sent.
pub async fn run_deadline_warnings(
    state: &AppState,
    now: i64,
) -> Result<usize, service::PetitionError> {
    let due = service::claim_due_warnings(&state.db, now).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let Some(mailer) = mailer(state) else {
        return Ok(0);
    };
    let mut sent = 0;
    for w in due {
        let url = format!("{}/petitions/{}", state.config.base_url, w.petition.id);
        for (email, lang) in &w.recipients {
            let locale = Locale::from_code(lang).unwrap_or(Locale::Ar);
            let deadline = w.petition.deadline_on.as_deref().unwrap_or_default();
            let days = Arg::Num(w.days_left);
            let title = Arg::from(w.petition.title.as_str());
            let subject = locale.tr(
                "petitions-mail-warning-subject",
                &[("title", title.clone()), ("days", days.clone())],
            );
            let body = locale.tr(
                "petitions-mail-warning-body",
                &[
                    ("title", title),
                    ("days", days),
                    ("deadline", Arg::from(deadline.to_owned())),
                    ("url", Arg::from(url.clone())),
                ],
            );
            match mailer.send(&mail(locale, email, subject, body)).await {
                Ok(()) => sent += 1,
                Err(e) => {
                    tracing::error!(error = %e, petition = w.petition.id, "deadline warning not sent")
                }
            }
        }
    }
    Ok(sent)
}

/// Starts the warning job in this process.
pub fn spawn_deadline_warnings(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            match run_deadline_warnings(&state, now()).await {
                Ok(n) if n > 0 => tracing::info!(mails = n, "petition deadline warnings sent"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "petition deadline job failed"),
            }
        }
    });
}

/// Tells the signatories who asked that the petition reached a final decision (admissibility
/// refused, or the council decided). Failures are logged: the decision itself is recorded.
pub async fn notify_outcome(state: &AppState, petition_id: i64) {
    let result = async {
        let Some(p) = store::petition(&state.db, petition_id).await? else {
            return Ok(0);
        };
        let recipients = store::notice_recipients(&state.db, petition_id).await?;
        let Some(mailer) = mailer(state) else {
            return Ok(0);
        };
        let url = format!("{}/petitions/{}", state.config.base_url, p.id);
        let st = p.state().unwrap_or(PetitionState::Decided);
        let mut sent = 0usize;
        for (email, lang) in recipients {
            let locale = Locale::from_code(&lang).unwrap_or(Locale::Ar);
            let title = Arg::from(p.title.as_str());
            let subject = locale.tr(
                "petitions-mail-outcome-subject",
                &[("title", title.clone())],
            );
            let body = locale.tr(
                "petitions-mail-outcome-body",
                &[
                    ("title", title),
                    ("state", Arg::from(locale.t(&views::state_key(st)))),
                    ("url", Arg::from(url.clone())),
                ],
            );
            if mailer
                .send(&mail(locale, &email, subject, body))
                .await
                .is_ok()
            {
                sent += 1;
            }
        }
        Ok::<usize, store::StoreError>(sent)
    }
    .await;
    match result {
        Ok(n) => tracing::info!(
            petition = petition_id,
            mails = n,
            "petition outcome notices sent"
        ),
        Err(e) => {
            tracing::error!(error = %e, petition = petition_id, "petition outcome notices failed")
        }
    }
}
