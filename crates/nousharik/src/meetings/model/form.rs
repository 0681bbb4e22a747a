//! The organiser's event form as typed, and the materials uploaded to an event.
//!
//! [`EventForm`] keeps every field as the person typed it (so a refused form is shown again
//! unchanged) and turns into an [`EventDraft`] or a [`FormError`] naming the field at fault and
//! its message key. Times are typed as local civil time in Africa/Casablanca
//! (`YYYY-MM-DDTHH:MM`, what `<input type="datetime-local">` sends). The organiser and the
//! territory are resolved by the routes (they need the database and the permission rules).

use super::{
    CertificateCriteria, EventDraft, EventError, EventKind, FormQuestion, MAX_CAPACITY,
    MAX_QUESTIONS, Mode, ModeKind, RegistrationPolicy,
};
use crate::platform::i18n::{CASABLANCA, to_casablanca};

/// Empty registration-question rows offered below the filled ones.
pub const BLANK_QUESTIONS: usize = 3;

/// The event form, field by field, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventForm {
    /// Kind code.
    pub kind: String,
    /// Organising organisation id (new events only).
    pub organiser: String,
    /// Territory code.
    pub territory: String,
    /// Programme.
    pub programme: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Agenda, one item per line.
    pub agenda: String,
    /// Speakers or trainers, one per line.
    pub speakers: String,
    /// Start, local time.
    pub starts_at: String,
    /// End, local time.
    pub ends_at: String,
    /// Mode code.
    pub mode: String,
    /// Address.
    pub address: String,
    /// Link.
    pub link: String,
    /// Places (empty: no limit).
    pub capacity: String,
    /// Waiting-list places (empty: none).
    pub waitlist: String,
    /// Registration policy code.
    pub policy: String,
    /// Registration closes at, local time (empty: at the start).
    pub closes_at: String,
    /// Registration questions: (label, required); empty labels are dropped.
    pub questions: Vec<(String, bool)>,
    /// Certificates issued.
    pub certificate: bool,
    /// The post-test is required for a certificate.
    pub requires_post_test: bool,
    /// Lowest post-test score, percent (empty: any).
    pub min_score: String,
    /// Questions of the organiser's bank chosen for the pre- and post-test, in order.
    pub test_questions: Vec<i64>,
}

/// Why the form was refused: the field at fault and the message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormError {
    /// Name of the form field (also the id of its input).
    pub field: &'static str,
    /// Message key (`meetings-error-…`).
    pub key: &'static str,
}

impl FormError {
    /// An error on a field.
    pub fn new(field: &'static str, key: &'static str) -> Self {
        Self { field, key }
    }
}

/// The field an event rule is about.
fn field_of(e: EventError) -> &'static str {
    match e {
        EventError::TitleRequired | EventError::TitleTooLong => "title",
        EventError::TextTooLong => "description",
        EventError::EndBeforeStart => "ends_at",
        EventError::AddressRequired => "address",
        EventError::LinkRequired | EventError::InvalidLink => "link",
        EventError::InvalidCapacity => "capacity",
        EventError::RegistrationClosesAfterStart => "closes_at",
        EventError::InvalidMinScore => "min_score",
        EventError::InvalidQuestion => "question_0",
    }
}

fn value<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Parses a local time `YYYY-MM-DDTHH:MM` (seconds and a space instead of `T` accepted) in
/// Africa/Casablanca, between the years 2000 and 2100.
pub fn parse_local(text: &str) -> Option<i64> {
    let text = text.trim().replacen(' ', "T", 1);
    let dt: jiff::civil::DateTime = text.parse().ok()?;
    if !(2000..=2100).contains(&dt.year()) {
        return None;
    }
    let z = dt.to_zoned_datetime(CASABLANCA.clone()).ok()?;
    Some(z.timestamp().as_second())
}

/// A Unix time as the local time a `datetime-local` input shows.
pub fn format_local(unix_seconds: i64) -> String {
    to_casablanca(unix_seconds)
        .datetime()
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

fn number(text: &str) -> Option<i64> {
    text.trim().parse::<i64>().ok()
}

impl EventForm {
    /// The form as submitted (urlencoded pairs).
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let v = |name: &str| value(fields, name).to_string();
        let ticked = |name: &str| !value(fields, name).is_empty();
        let questions = (0..MAX_QUESTIONS + BLANK_QUESTIONS)
            .map(|i| {
                (
                    value(fields, &format!("question_{i}")).trim().to_string(),
                    ticked(&format!("question_{i}_required")),
                )
            })
            .filter(|(label, _)| !label.is_empty())
            .collect();
        let mut test_questions = Vec::new();
        for (k, val) in fields {
            if k == "test_question"
                && let Ok(id) = val.trim().parse::<i64>()
                && !test_questions.contains(&id)
            {
                test_questions.push(id);
            }
        }
        EventForm {
            kind: v("kind"),
            organiser: v("organiser"),
            territory: v("territory").trim().to_string(),
            programme: v("programme"),
            title: v("title"),
            description: v("description"),
            agenda: v("agenda"),
            speakers: v("speakers"),
            starts_at: v("starts_at"),
            ends_at: v("ends_at"),
            mode: v("mode"),
            address: v("address"),
            link: v("link"),
            capacity: v("capacity"),
            waitlist: v("waitlist"),
            policy: v("policy"),
            closes_at: v("closes_at"),
            questions,
            certificate: ticked("certificate"),
            requires_post_test: ticked("requires_post_test"),
            min_score: v("min_score"),
            test_questions,
        }
    }

    /// A blank form for a new event (a training, open registration, in person).
    pub fn blank() -> Self {
        EventForm {
            kind: EventKind::TrainingSession.code().into(),
            mode: ModeKind::InPerson.code().into(),
            policy: RegistrationPolicy::Open.code().into(),
            waitlist: "0".into(),
            min_score: "0".into(),
            ..Default::default()
        }
    }

    /// The form filled with a stored event, for editing.
    pub fn of(
        d: &EventDraft,
        organiser: i64,
        territory_code: &str,
        test_questions: Vec<i64>,
    ) -> Self {
        EventForm {
            kind: d.kind.code().into(),
            organiser: organiser.to_string(),
            territory: territory_code.into(),
            programme: d.programme.clone().unwrap_or_default(),
            title: d.title.clone(),
            description: d.description.clone(),
            agenda: d.agenda.clone(),
            speakers: d.speakers.clone(),
            starts_at: format_local(d.starts_at),
            ends_at: format_local(d.ends_at),
            mode: d.mode.kind().code().into(),
            address: d.mode.address().unwrap_or_default().into(),
            link: d.mode.link().unwrap_or_default().into(),
            capacity: d.capacity.map(|c| c.to_string()).unwrap_or_default(),
            waitlist: d.waitlist_capacity.to_string(),
            policy: d.policy.code().into(),
            closes_at: format_local(d.registration_closes_at),
            questions: d
                .questions
                .iter()
                .map(|q| (q.label.clone(), q.required))
                .collect(),
            certificate: d.certificate.enabled,
            requires_post_test: d.certificate.requires_post_test,
            min_score: d.certificate.min_post_score_percent.to_string(),
            test_questions,
        }
    }

    /// Checks the form and gives the validated draft (organiser and territory aside).
    pub fn draft(&self) -> Result<EventDraft, FormError> {
        let kind = EventKind::parse(&self.kind)
            .ok_or(FormError::new("kind", "meetings-error-choose-kind"))?;
        let starts_at = parse_local(&self.starts_at)
            .ok_or(FormError::new("starts_at", "meetings-error-invalid-date"))?;
        let ends_at = parse_local(&self.ends_at)
            .ok_or(FormError::new("ends_at", "meetings-error-invalid-date"))?;
        let registration_closes_at = if self.closes_at.trim().is_empty() {
            starts_at
        } else {
            parse_local(&self.closes_at)
                .ok_or(FormError::new("closes_at", "meetings-error-invalid-date"))?
        };
        let mode_kind = ModeKind::parse(&self.mode)
            .ok_or(FormError::new("mode", "meetings-error-choose-mode"))?;
        let mode = Mode::from_parts(
            mode_kind,
            Some(self.address.as_str()),
            Some(self.link.as_str()),
        )
        .map_err(|e| FormError::new(field_of(e), e.key()))?;
        let capacity = match self.capacity.trim() {
            "" => None,
            text => Some(number(text).ok_or(FormError::new(
                "capacity",
                EventError::InvalidCapacity.key(),
            ))?),
        };
        let waitlist_capacity = match self.waitlist.trim() {
            "" => 0,
            text => number(text)
                .filter(|n| (0..=MAX_CAPACITY).contains(n))
                .ok_or(FormError::new(
                    "waitlist",
                    "meetings-error-invalid-waitlist",
                ))?,
        };
        let policy = RegistrationPolicy::parse(&self.policy)
            .ok_or(FormError::new("policy", "meetings-error-choose-policy"))?;
        let min_post_score_percent = match self.min_score.trim() {
            "" => 0,
            text => number(text).ok_or(FormError::new(
                "min_score",
                EventError::InvalidMinScore.key(),
            ))?,
        };
        EventDraft {
            kind,
            title: self.title.clone(),
            description: self.description.trim().to_string(),
            agenda: self.agenda.trim().to_string(),
            speakers: self.speakers.trim().to_string(),
            programme: Some(self.programme.clone()),
            starts_at,
            ends_at,
            mode,
            capacity,
            waitlist_capacity,
            policy,
            registration_closes_at,
            questions: self
                .questions
                .iter()
                .map(|(label, required)| FormQuestion {
                    label: label.clone(),
                    required: *required,
                })
                .collect(),
            certificate: CertificateCriteria {
                enabled: self.certificate,
                requires_post_test: self.certificate && self.requires_post_test,
                min_post_score_percent,
            },
        }
        .validate()
        .map_err(|e| FormError::new(field_of(e), e.key()))
    }
}

// ---------------------------------------------------------------------------------------------
// Materials
// ---------------------------------------------------------------------------------------------

/// Largest file accepted as material or minutes attachment.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Longest file name kept.
pub const MAX_FILE_NAME: usize = 200;
/// At most this many files per event.
pub const MAX_FILES: usize = 50;

/// File types accepted: extension, MIME type, and the first bytes every such file starts with
/// (plain text: none, but it must be UTF-8 without NUL).
const FILE_TYPES: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("jpg", "image/jpeg", b"\xff\xd8\xff"),
    ("jpeg", "image/jpeg", b"\xff\xd8\xff"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        b"PK\x03\x04",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        b"PK\x03\x04",
    ),
    (
        "odt",
        "application/vnd.oasis.opendocument.text",
        b"PK\x03\x04",
    ),
    (
        "ods",
        "application/vnd.oasis.opendocument.spreadsheet",
        b"PK\x03\x04",
    ),
    (
        "odp",
        "application/vnd.oasis.opendocument.presentation",
        b"PK\x03\x04",
    ),
    ("txt", "text/plain; charset=utf-8", b""),
    ("csv", "text/csv; charset=utf-8", b""),
];

/// Why an uploaded file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// No file, or an empty one.
    #[error("no file")]
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("file too big")]
    TooBig,
    /// Not one of the accepted types, or its content does not match its extension.
    #[error("file type not accepted")]
    Type,
    /// The event has [`MAX_FILES`] files already.
    #[error("too many files")]
    TooMany,
}

impl FileError {
    /// The message key.
    pub fn key(self) -> &'static str {
        match self {
            FileError::Empty => "meetings-error-file-empty",
            FileError::TooBig => "meetings-error-file-too-big",
            FileError::Type => "meetings-error-file-type",
            FileError::TooMany => "meetings-error-file-too-many",
        }
    }
}

/// A file accepted for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedFile {
    /// The name kept (last path component, control characters removed, shortened).
    pub file_name: String,
    /// The MIME type decided here from the checked type (never the browser's claim).
    pub content_type: &'static str,
}

/// Checks an upload: size, extension among [`FILE_TYPES`] and content that matches it.
pub fn check_upload(file_name: &str, content: &[u8]) -> Result<AcceptedFile, FileError> {
    if content.is_empty() {
        return Err(FileError::Empty);
    }
    if content.len() > MAX_FILE_BYTES {
        return Err(FileError::TooBig);
    }
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>();
    let base = base.trim();
    let ext = base
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .ok_or(FileError::Type)?;
    let (_, content_type, magic) = FILE_TYPES
        .iter()
        .find(|(e, _, _)| *e == ext)
        .ok_or(FileError::Type)?;
    let matches = if magic.is_empty() {
        std::str::from_utf8(content).is_ok_and(|t| !t.contains('\0'))
    } else {
        content.starts_with(magic)
    };
    if !matches {
        return Err(FileError::Type);
    }
    let mut name: String = base.chars().take(MAX_FILE_NAME).collect();
    if !name.to_ascii_lowercase().ends_with(&format!(".{ext}")) {
        // Shortened past its extension: keep the extension.
        name = format!(
            "{}.{ext}",
            base.chars()
                .take(MAX_FILE_NAME - ext.len() - 1)
                .collect::<String>()
        );
    }
    Ok(AcceptedFile {
        file_name: name,
        content_type,
    })
}

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

/// Most addresses one submission of the invitations form may carry.
pub const MAX_INVITES: usize = 200;

/// The addresses typed in the invitations box: one per line (commas and semicolons separate
/// too, for a list pasted from a mail client), trimmed, blank ones and repeats (whatever their
/// case) dropped, in the order typed.
pub fn invite_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in text.split(['\n', ',', ';']) {
        let piece = piece.trim();
        if !piece.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(piece)) {
            out.push(piece.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn good() -> Vec<(String, String)> {
        fields(&[
            ("kind", "training_session"),
            ("title", " Formation "),
            ("programme", "Nousharik 2023"),
            ("starts_at", "2026-12-10T09:00"),
            ("ends_at", "2026-12-10T13:30"),
            ("mode", "hybrid"),
            ("address", "Salle A"),
            ("link", "https://meet.example.org/x"),
            ("capacity", "30"),
            ("waitlist", "5"),
            ("policy", "open"),
            ("closes_at", ""),
            ("question_0", "Organisation"),
            ("question_0_required", "yes"),
            ("question_1", "  "),
            ("question_2", "Allergies"),
            ("certificate", "yes"),
            ("requires_post_test", "yes"),
            ("min_score", "50"),
            ("test_question", "4"),
            ("test_question", "2"),
            ("test_question", "4"),
            ("test_question", "x"),
        ])
    }

    #[test]
    fn a_good_form_gives_its_draft() {
        let f = EventForm::from_fields(&good());
        assert_eq!(f.test_questions, vec![4, 2]);
        let d = f.draft().unwrap();
        assert_eq!(d.title, "Formation");
        // 10 December 2026, 09:00 in Casablanca (UTC+1) = 08:00 UTC.
        assert_eq!(d.starts_at, 1_796_889_600);
        assert_eq!(d.ends_at - d.starts_at, 4 * 3600 + 1800);
        assert_eq!(d.registration_closes_at, d.starts_at, "empty: at the start");
        assert_eq!(d.capacity, Some(30));
        assert_eq!(d.waitlist_capacity, 5);
        assert_eq!(d.questions.len(), 2, "the blank row is dropped");
        assert!(d.questions[0].required && !d.questions[1].required);
        assert_eq!(d.mode.kind(), ModeKind::Hybrid);
        assert_eq!(d.certificate.min_post_score_percent, 50);
        // And back again for editing.
        let again = EventForm::of(&d, 7, "commune-tanger", vec![4, 2]);
        assert_eq!(again.starts_at, "2026-12-10T09:00");
        assert_eq!(again.draft().unwrap(), d);
    }

    #[test]
    fn each_bad_field_is_named_with_its_message() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("kind", "party", "kind", "meetings-error-choose-kind"),
            ("title", "  ", "title", "meetings-error-title-required"),
            (
                "starts_at",
                "tomorrow",
                "starts_at",
                "meetings-error-invalid-date",
            ),
            (
                "ends_at",
                "1999-01-01T10:00",
                "ends_at",
                "meetings-error-invalid-date",
            ),
            (
                "ends_at",
                "2026-12-10T08:00",
                "ends_at",
                "meetings-error-end-before-start",
            ),
            ("mode", "telepathy", "mode", "meetings-error-choose-mode"),
            ("link", "", "link", "meetings-error-link-required"),
            (
                "link",
                "ftp://x.org/a",
                "link",
                "meetings-error-invalid-link",
            ),
            ("address", " ", "address", "meetings-error-address-required"),
            (
                "capacity",
                "0",
                "capacity",
                "meetings-error-invalid-capacity",
            ),
            (
                "capacity",
                "-4",
                "capacity",
                "meetings-error-invalid-capacity",
            ),
            (
                "capacity",
                "ten",
                "capacity",
                "meetings-error-invalid-capacity",
            ),
            (
                "waitlist",
                "-1",
                "waitlist",
                "meetings-error-invalid-waitlist",
            ),
            ("policy", "vip", "policy", "meetings-error-choose-policy"),
            (
                "closes_at",
                "2026-12-11T09:00",
                "closes_at",
                "meetings-error-closes-after-start",
            ),
            (
                "min_score",
                "120",
                "min_score",
                "meetings-error-invalid-min-score",
            ),
        ];
        for (name, bad, field, key) in cases {
            let mut fs = good();
            for (k, v) in fs.iter_mut() {
                if k == name {
                    *v = bad.to_string();
                }
            }
            let f = EventForm::from_fields(&fs);
            assert_eq!(
                f.draft(),
                Err(FormError::new(field, key)),
                "{name} = {bad:?}"
            );
        }
    }

    #[test]
    fn online_needs_no_address_and_capacity_may_be_unlimited() {
        let mut fs = good();
        for (k, v) in fs.iter_mut() {
            match k.as_str() {
                "mode" => *v = "online".into(),
                "address" | "capacity" | "waitlist" | "min_score" => v.clear(),
                _ => {}
            }
        }
        let d = EventForm::from_fields(&fs).draft().unwrap();
        assert_eq!(d.mode.address(), None);
        assert_eq!(d.capacity, None);
        assert_eq!(d.waitlist_capacity, 0);
    }

    #[test]
    fn local_times_follow_casablanca() {
        assert_eq!(parse_local("2026-12-10 09:00"), Some(1_796_889_600));
        assert_eq!(parse_local("2026-12-10T09:00:00"), Some(1_796_889_600));
        assert_eq!(parse_local("2026-13-10T09:00"), None);
        assert_eq!(parse_local(""), None);
        assert_eq!(format_local(1_796_889_600), "2026-12-10T09:00");
    }

    #[test]
    fn uploads_are_checked_by_size_type_and_content() {
        let pdf = b"%PDF-1.7 ...".to_vec();
        let ok = check_upload("C:\\Users\\a\\Programme atelier.PDF", &pdf).unwrap();
        assert_eq!(ok.file_name, "Programme atelier.PDF");
        assert_eq!(ok.content_type, "application/pdf");
        assert_eq!(
            check_upload("notes.txt", "Ordre du jour – جدول".as_bytes())
                .unwrap()
                .content_type,
            "text/plain; charset=utf-8"
        );
        assert_eq!(check_upload("a.pdf", b""), Err(FileError::Empty));
        assert_eq!(check_upload("virus.exe", b"MZ\x90"), Err(FileError::Type));
        assert_eq!(check_upload("fake.pdf", b"MZ\x90"), Err(FileError::Type));
        assert_eq!(check_upload("noext", b"%PDF-"), Err(FileError::Type));
        assert_eq!(check_upload("bin.txt", b"a\0b"), Err(FileError::Type));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(check_upload("big.txt", &big), Err(FileError::TooBig));
        let long = format!("{}.pdf", "n".repeat(300));
        let kept = check_upload(&long, &pdf).unwrap().file_name;
        assert_eq!(kept.chars().count(), MAX_FILE_NAME);
        assert!(kept.ends_with(".pdf"));
        assert!(FileError::TooMany.key().starts_with("meetings-error-"));
    }

    #[test]
    fn invitation_lines_are_split_trimmed_and_deduplicated() {
        assert_eq!(
            invite_lines(" a@b.ma \r\n\n c@d.ma, e@f.ma;A@B.MA\nnot an address\n"),
            vec!["a@b.ma", "c@d.ma", "e@f.ma", "not an address"]
        );
        assert!(invite_lines(" \n ,; ").is_empty());
    }
}
