//! The reminder mail sent the day before an event (local time). Runs hourly in every server
//! process; `store::claim_reminder` (a primary key per registration) makes exactly one process
//! send each reminder, however many run.

use super::model::registration::reminder_due;
use super::store;
use crate::platform::i18n::Locale;
use crate::platform::mail::{Mailer, OutgoingMail};
use crate::platform::{AppState, now};

/// Sends the reminders due at `at`; returns how many were sent by this process.
pub async fn send_due(state: &AppState, mailer: &Mailer, at: i64) -> anyhow::Result<usize> {
    let mut sent = 0;
    for r in store::pending_reminders(&state.db, at).await? {
        if !reminder_due(r.starts_at, at)
            || !store::claim_reminder(&state.db, r.registration_id, at).await?
        {
            continue;
        }
        let locale = Locale::from_code(&r.language).unwrap_or_default();
        let link = format!(
            "{}/events/{}",
            state.config.base_url.trim_end_matches('/'),
            r.event_id
        );
        let args = [
            ("name", r.name.clone().into()),
            ("title", r.title.clone().into()),
            ("when", locale.format_datetime(r.starts_at).into()),
            ("link", link.into()),
        ];
        let text = locale.tr("meetings-reminder-body", &args);
        let mail = OutgoingMail {
            to: r.email.clone(),
            subject: locale.tr("meetings-reminder-subject", &args[1..2]),
            html: format!("<p>{}</p>", crate::platform::chart::escape(&text)),
            text,
        };
        mailer.send(&mail).await?;
        sent += 1;
    }
    Ok(sent)
}

/// Starts the hourly reminder task.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            let mailer = match Mailer::new(
                &state.config.mail,
                &Mailer::default_from(&state.config.base_url),
            ) {
                Ok(m) => m,
                Err(e) => {
                    tracing::warn!(error = %e, "reminders: mailer unavailable");
                    continue;
                }
            };
            match send_due(&state, &mailer, now()).await {
                Ok(n) => tracing::debug!(reminders = n, "event reminders sent"),
                Err(e) => tracing::warn!(error = %e, "event reminders failed"),
            }
        }
    });
}
