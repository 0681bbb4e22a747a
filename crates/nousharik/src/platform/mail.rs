//! Outgoing mail: SMTP when `NOUSHARIK_SMTP_URL` is set, otherwise one `.eml` file per mail in
//! `<data-dir>/mail/` (development and tests read the links from there).
//!
//! Every mail has a plain-text and an HTML alternative, both base64-encoded: Arabic and
//! Tifinagh text is not 7-bit, and base64 survives every relay. [`read_outbox`] decodes the
//! files back for tests and for developers.

use std::path::{Path, PathBuf};

use base64::Engine;
use lettre::message::header::ContentType;
use lettre::message::{Body, Mailbox, MultiPart, SinglePart, header::ContentTransferEncoding};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use thiserror::Error;

use crate::platform::config::MailTransport;

/// A mail could not be built or sent.
#[derive(Debug, Error)]
pub enum MailError {
    /// The SMTP URL was refused by lettre.
    #[error("invalid SMTP settings: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    /// The file transport failed (disk full, permissions).
    #[error("cannot write the mail file: {0}")]
    File(#[from] lettre::transport::file::Error),
    /// The mail directory could not be created.
    #[error("cannot create the mail directory {0}: {1}")]
    Dir(PathBuf, std::io::Error),
    /// An address did not parse (should not happen: addresses are parsed `Email`s).
    #[error("invalid address: {0}")]
    Address(#[from] lettre::address::AddressError),
    /// The message could not be assembled.
    #[error("cannot build the mail: {0}")]
    Build(#[from] lettre::error::Error),
    /// The mail's template failed to render (a bug).
    #[error("cannot render the mail: {0}")]
    Render(String),
}

/// One mail to send.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// Recipient address (already validated).
    pub to: String,
    /// Subject line (any script; encoded by lettre).
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body (escaped by the template that produced it).
    pub html: String,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// Sends mail through the configured transport. Cheap to clone behind an `Arc` in the state.
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Files(_) => "files",
        };
        f.debug_struct("Mailer")
            .field("transport", &kind)
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// A mailer for the configured transport. `from` is the sender shown to recipients, e.g.
    /// `Nousharik <no-reply@nousharik.ma>`.
    pub fn new(transport: &MailTransport, from: &str) -> Result<Self, MailError> {
        let from: Mailbox = from.parse()?;
        let transport = match transport {
            MailTransport::Smtp(url) => {
                Transport::Smtp(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build())
            }
            MailTransport::Files(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| MailError::Dir(dir.clone(), e))?;
                Transport::Files(AsyncFileTransport::new(dir))
            }
        };
        Ok(Self { transport, from })
    }

    /// The default sender for a base URL: `Nousharik <no-reply@host>`.
    pub fn default_from(base_url: &str) -> String {
        let host = url::Url::parse(base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .filter(|h| h.contains('.') && h.parse::<std::net::IpAddr>().is_err())
            .unwrap_or_else(|| "nousharik.localhost".to_owned());
        format!("Nousharik <no-reply@{host}>")
    }

    /// Sends one mail.
    pub async fn send(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        let message = self.build(mail)?;
        match &self.transport {
            Transport::Smtp(t) => {
                t.send(message).await?;
            }
            Transport::Files(t) => {
                t.send(message).await?;
            }
        }
        Ok(())
    }

    fn build(&self, mail: &OutgoingMail) -> Result<Message, MailError> {
        let part = |content_type: ContentType, body: &str| {
            SinglePart::builder()
                .header(content_type)
                .body(base64_body(body))
        };
        Ok(Message::builder()
            .from(self.from.clone())
            .to(mail.to.parse()?)
            .subject(mail.subject.clone())
            .multipart(
                MultiPart::alternative()
                    .singlepart(part(ContentType::TEXT_PLAIN, &mail.text))
                    .singlepart(part(ContentType::TEXT_HTML, &mail.html)),
            )?)
    }
}

fn base64_body(text: &str) -> Body {
    // Base64 accepts any content, so this never falls back; the fallback keeps it total.
    Body::new_with_encoding(text.to_owned(), ContentTransferEncoding::Base64)
        .unwrap_or_else(Body::new)
}

/// A short notice in `locale`: a greeting, the paragraphs, the link alone on its line (never
/// through Fluent, which would wrap it in bidi isolation marks) and a signature, as plain text
/// and as HTML (every text escaped).
pub fn notice(
    locale: crate::platform::i18n::Locale,
    to: &str,
    subject: String,
    paragraphs: &[String],
    link: &str,
    signature: String,
) -> OutgoingMail {
    use crate::platform::chart::escape;
    let mut text = String::new();
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head><body>",
        lang = locale.code(),
        dir = locale.dir(),
        title = escape(&subject),
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    text.push_str(&format!("{link}\n\n{signature}\n"));
    let link = escape(link);
    html.push_str(&format!(
        "<p dir=\"ltr\"><a href=\"{link}\">{link}</a></p><p>{}</p></body></html>",
        escape(&signature)
    ));
    OutgoingMail {
        to: to.to_owned(),
        subject,
        text,
        html,
    }
}

/// Sends `mails` with the installation's transport and returns how many left. A failure is
/// logged, never returned: the change a notice reports is already made and stays.
pub async fn send_logged(state: &crate::platform::AppState, mails: &[OutgoingMail]) -> usize {
    if mails.is_empty() {
        return 0;
    }
    let mailer = match Mailer::new(
        &state.config.mail,
        &Mailer::default_from(&state.config.base_url),
    ) {
        Ok(m) => m,
        Err(e) => {
            tracing::error!(error = %e, "mailer unavailable");
            return 0;
        }
    };
    let mut sent = 0;
    for m in mails {
        match mailer.send(m).await {
            Ok(()) => sent += 1,
            Err(e) => tracing::error!(error = %e, to = %m.to, "mail not sent"),
        }
    }
    sent
}

/// A mail read back from the file transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMail {
    /// File it was read from.
    pub path: PathBuf,
    /// Value of the `To:` header.
    pub to: String,
    /// Decoded subject.
    pub subject: String,
    /// Decoded plain-text part.
    pub text: String,
    /// Decoded HTML part.
    pub html: String,
}

/// Reads every `.eml` file in a mail directory, oldest first. Files that cannot be read or
/// decoded are skipped (they are not ours).
pub fn read_outbox(dir: &Path) -> Vec<StoredMail> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| {
            let modified = e
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, e.path())
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|(_, path)| {
            let raw = std::fs::read_to_string(&path).ok()?;
            parse_eml(&raw).map(|(to, subject, text, html)| StoredMail {
                path,
                to,
                subject,
                text,
                html,
            })
        })
        .collect()
}

/// Splits a message as written by [`Mailer`] into (to, subject, text, html).
fn parse_eml(raw: &str) -> Option<(String, String, String, String)> {
    let raw = raw.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n")?;
    let headers = unfold(head);
    let header = |name: &str| {
        headers
            .iter()
            .find_map(|(k, v)| k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned()))
    };
    let to = header("To")?;
    let subject = decode_encoded_words(&header("Subject").unwrap_or_default());
    let boundary = header("Content-Type")?.split(';').find_map(|p| {
        p.trim()
            .strip_prefix("boundary=")
            .map(|b| b.trim_matches('"').to_owned())
    })?;
    let mut text = String::new();
    let mut html = String::new();
    for part in body.split(&format!("--{boundary}")) {
        let Some((part_head, part_body)) = part.trim_start_matches('\n').split_once("\n\n") else {
            continue;
        };
        let part_headers = unfold(part_head);
        let value = |name: &str| {
            part_headers
                .iter()
                .find_map(|(k, v)| k.eq_ignore_ascii_case(name).then(|| v.to_ascii_lowercase()))
                .unwrap_or_default()
        };
        let decoded = if value("Content-Transfer-Encoding").contains("base64") {
            let compact: String = part_body.split_whitespace().collect();
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(compact)
                    .ok()?,
            )
            .ok()?
        } else {
            part_body.trim_end().to_owned()
        };
        let content_type = value("Content-Type");
        if content_type.starts_with("text/plain") {
            text = decoded;
        } else if content_type.starts_with("text/html") {
            html = decoded;
        }
    }
    Some((to, subject, text, html))
}

/// Header lines with continuation lines folded back.
fn unfold(head: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    out
}

/// Decodes RFC 2047 `=?utf-8?b?…?=` words (what lettre writes for non-ASCII subjects).
fn decode_encoded_words(value: &str) -> String {
    let mut out = String::new();
    let mut previous_was_word = false;
    for (i, token) in value.split(' ').enumerate() {
        let word = token
            .strip_prefix("=?")
            .and_then(|t| t.strip_suffix("?="))
            .and_then(|t| {
                let mut it = t.splitn(3, '?');
                let (_charset, enc, data) = (it.next()?, it.next()?, it.next()?);
                if !enc.eq_ignore_ascii_case("b") {
                    return None;
                }
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .ok()?;
                String::from_utf8(bytes).ok()
            });
        // Whitespace between two encoded words is folding, not content (RFC 2047 §6.2).
        let is_word = word.is_some();
        if i > 0 && !(is_word && previous_was_word) {
            out.push(' ');
        }
        out.push_str(word.as_deref().unwrap_or(token));
        previous_was_word = is_word;
    }
    out
}

/// Finds the first link in `text` that starts with `prefix` (e.g. the base URL +
/// `/account/confirm/`), for tests that follow mailed links.
pub fn find_link(text: &str, prefix: &str) -> Option<String> {
    let start = text.find(prefix)?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn file_transport_round_trip_in_every_script() {
        let dir = tempfile::tempdir().unwrap();
        let mail_dir = dir.path().join("mail");
        let mailer = Mailer::new(
            &MailTransport::Files(mail_dir.clone()),
            &Mailer::default_from("https://nousharik.example.ma"),
        )
        .unwrap();
        let link = "http://127.0.0.1:8080/account/confirm/0123abcd";
        let mail = OutgoingMail {
            to: "amina@example.ma".into(),
            subject: "تأكيد عنوانك — ⵙⵙⵏⵜⴻⵎ — Confirmez".into(),
            text: format!("مرحبا أمينة\nⴰⵣⵓⵍ\n{link}\n"),
            html: format!("<p>مرحبا</p><p><a href=\"{link}\">{link}</a></p>"),
        };
        mailer.send(&mail).await.unwrap();
        let read = read_outbox(&mail_dir);
        assert_eq!(read.len(), 1);
        let m = &read[0];
        assert_eq!(m.to, "amina@example.ma");
        assert_eq!(m.subject, mail.subject);
        assert!(m.text.contains("مرحبا أمينة"));
        assert!(m.text.contains("ⴰⵣⵓⵍ"));
        assert_eq!(
            find_link(&m.text, "http://127.0.0.1:8080/account/confirm/"),
            Some(link.into())
        );
        assert_eq!(
            find_link(&m.html, "http://127.0.0.1:8080/account/confirm/"),
            Some(link.into())
        );
        let raw = std::fs::read_to_string(&m.path).unwrap();
        assert!(raw.contains("From: Nousharik <no-reply@nousharik.example.ma>"));
    }

    #[test]
    fn default_sender_falls_back_for_local_addresses() {
        assert_eq!(
            Mailer::default_from("http://127.0.0.1:8080"),
            "Nousharik <no-reply@nousharik.localhost>"
        );
        assert_eq!(
            Mailer::default_from("https://tanger.nousharik.ma/"),
            "Nousharik <no-reply@tanger.nousharik.ma>"
        );
    }

    #[test]
    fn ascii_subjects_decode_as_is() {
        assert_eq!(
            decode_encoded_words("Confirm your address"),
            "Confirm your address"
        );
    }

    #[test]
    fn outbox_of_missing_directory_is_empty() {
        assert!(read_outbox(Path::new("/nonexistent/nousharik/mail")).is_empty());
    }
}
