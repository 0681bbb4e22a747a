//! The mails the account pages send, in the recipient's language, plain text + HTML.
//!
//! Links are never passed through Fluent (which would wrap them in bidi isolation marks): they
//! sit on a line of their own, so a mail client can always recognise them.

use askama::Template;

use crate::platform::AppState;
use crate::platform::i18n::{Arg, Locale};
use crate::platform::mail::{MailError, Mailer, OutgoingMail};

/// The HTML alternative of every account mail.
#[derive(Template)]
#[template(path = "accounts/mail.html")]
struct MailHtml<'a> {
    lang: &'static str,
    dir: &'static str,
    title: &'a str,
    paragraphs: &'a [String],
    link: &'a str,
    link_label: &'a str,
    after: &'a [String],
}

/// Which mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountMail {
    /// Confirm the address given at sign-up.
    Confirm,
    /// Somebody tried to sign up with an address that already has an account.
    AlreadyRegistered,
    /// Choose a new password.
    Reset,
}

impl AccountMail {
    /// Message keys: subject, body, link label, closing line.
    fn keys(self) -> [&'static str; 4] {
        match self {
            AccountMail::Confirm => [
                "accounts-mail-confirm-subject",
                "accounts-mail-confirm-body",
                "accounts-mail-confirm-action",
                "accounts-mail-confirm-after",
            ],
            AccountMail::AlreadyRegistered => [
                "accounts-mail-existing-subject",
                "accounts-mail-existing-body",
                "accounts-mail-existing-action",
                "accounts-mail-existing-after",
            ],
            AccountMail::Reset => [
                "accounts-mail-reset-subject",
                "accounts-mail-reset-body",
                "accounts-mail-reset-action",
                "accounts-mail-reset-after",
            ],
        }
    }
}

/// Builds a mail for `to` (named `name`) in `locale` with its one link.
pub fn build(
    kind: AccountMail,
    locale: Locale,
    to: &str,
    name: &str,
    link: &str,
) -> Result<OutgoingMail, askama::Error> {
    let [subject_key, body_key, action_key, after_key] = kind.keys();
    let subject = locale.t(subject_key);
    let greeting = locale.tr("accounts-mail-greeting", &[("name", Arg::from(name))]);
    let body = locale.t(body_key);
    let link_label = locale.t(action_key);
    let after = vec![locale.t(after_key), locale.t("accounts-mail-signature")];
    let paragraphs = vec![greeting, body];
    let text = format!(
        "{}\n\n{}\n\n{link}\n\n{}\n\n{}\n",
        paragraphs[0], paragraphs[1], after[0], after[1]
    );
    let html = MailHtml {
        lang: locale.code(),
        dir: locale.dir(),
        title: &subject,
        paragraphs: &paragraphs,
        link,
        link_label: &link_label,
        after: &after,
    }
    .render()?;
    Ok(OutgoingMail {
        to: to.to_owned(),
        subject,
        text,
        html,
    })
}

/// Builds and sends; failures are logged and reported to the caller, who shows a translated
/// "could not send" message rather than an error page.
pub async fn send(
    state: &AppState,
    mailer: &Mailer,
    kind: AccountMail,
    locale: Locale,
    to: &str,
    name: &str,
    path: &str,
) -> Result<(), MailError> {
    let link = format!("{}{path}", state.config.base_url);
    let mail =
        build(kind, locale, to, name, &link).map_err(|e| MailError::Render(e.to_string()))?;
    mailer.send(&mail).await.inspect_err(|e| {
        tracing::error!(error = %e, "account mail not sent");
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_exist_in_every_language_with_the_link_alone_on_its_line() {
        let link = "http://127.0.0.1:8080/account/confirm/abc";
        for kind in [
            AccountMail::Confirm,
            AccountMail::AlreadyRegistered,
            AccountMail::Reset,
        ] {
            for locale in Locale::ALL {
                let m = build(kind, locale, "a@b.ma", "<b>Amina</b>", link).unwrap();
                assert!(!m.subject.starts_with("accounts-"), "{kind:?} {locale:?}");
                assert!(m.text.lines().any(|l| l == link), "{kind:?} {locale:?}");
                assert!(m.html.contains(&format!("href=\"{link}\"")));
                // The name is escaped in HTML.
                assert!(m.html.contains("&#60;b&#62;Amina") || m.html.contains("&lt;b&gt;Amina"));
                assert!(!m.html.contains("<b>Amina"));
                assert!(m.html.contains(&format!("lang=\"{}\"", locale.code())));
            }
        }
    }
}
