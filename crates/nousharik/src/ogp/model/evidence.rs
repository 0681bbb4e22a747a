//! Evidence of progress: a file of an allowed type and size, or a web link.

/// Largest evidence file accepted (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// An allowed kind of evidence file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// File name extension (lowercase).
    pub extension: &'static str,
    /// Content type served.
    pub content_type: &'static str,
    /// The first bytes every such file starts with (empty: text, checked as UTF-8).
    magic: &'static [u8],
}

const ZIP: &[u8] = b"PK\x03\x04";

/// The allow-list: documents, spreadsheets, images and plain text.
pub const ALLOWED: &[FileKind] = &[
    FileKind {
        extension: "pdf",
        content_type: "application/pdf",
        magic: b"%PDF-",
    },
    FileKind {
        extension: "png",
        content_type: "image/png",
        magic: b"\x89PNG\r\n\x1a\n",
    },
    FileKind {
        extension: "jpg",
        content_type: "image/jpeg",
        magic: b"\xff\xd8\xff",
    },
    FileKind {
        extension: "jpeg",
        content_type: "image/jpeg",
        magic: b"\xff\xd8\xff",
    },
    FileKind {
        extension: "odt",
        content_type: "application/vnd.oasis.opendocument.text",
        magic: ZIP,
    },
    FileKind {
        extension: "ods",
        content_type: "application/vnd.oasis.opendocument.spreadsheet",
        magic: ZIP,
    },
    FileKind {
        extension: "docx",
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        magic: ZIP,
    },
    FileKind {
        extension: "xlsx",
        content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        magic: ZIP,
    },
    FileKind {
        extension: "csv",
        content_type: "text/csv; charset=utf-8",
        magic: b"",
    },
    FileKind {
        extension: "txt",
        content_type: "text/plain; charset=utf-8",
        magic: b"",
    },
];

/// Why a file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    /// Empty file.
    #[error("empty file")]
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("file too large")]
    TooLarge,
    /// Not on the allow-list (by name, or its content does not match its name).
    #[error("file type not allowed")]
    ForbiddenType,
}

impl EvidenceError {
    /// Message key.
    pub fn key(self) -> &'static str {
        match self {
            EvidenceError::Empty => "ogp-error-file-empty",
            EvidenceError::TooLarge => "ogp-error-file-too-large",
            EvidenceError::ForbiddenType => "ogp-error-file-type",
        }
    }
}

/// A checked evidence file: a safe name and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    /// The name kept (path and odd characters removed).
    pub file_name: String,
    /// Its kind.
    pub kind: FileKind,
}

/// The file name without any path, with only letters, digits, `.`, `-`, `_` and spaces kept.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "evidence".into()
    } else {
        cleaned
    }
}

/// Checks an uploaded file against the allow-list (by its extension and its first bytes) and
/// the size limit.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<CheckedFile, EvidenceError> {
    if bytes.is_empty() {
        return Err(EvidenceError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(EvidenceError::TooLarge);
    }
    let file_name = safe_name(name);
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .ok_or(EvidenceError::ForbiddenType)?;
    let kind = ALLOWED
        .iter()
        .find(|k| k.extension == extension)
        .copied()
        .ok_or(EvidenceError::ForbiddenType)?;
    let content_ok = if kind.magic.is_empty() {
        std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0)
    } else {
        bytes.starts_with(kind.magic)
    };
    if !content_ok {
        return Err(EvidenceError::ForbiddenType);
    }
    Ok(CheckedFile { file_name, kind })
}

/// A web link to evidence: `http` or `https` with a host, at most 2000 characters.
pub fn parse_link(value: &str) -> Result<String, &'static str> {
    let v = value.trim();
    if v.len() > 2000 {
        return Err("ogp-error-link");
    }
    match url::Url::parse(v) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            Ok(u.to_string())
        }
        _ => Err("ogp-error-link"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_files_pass_with_matching_content() {
        let f = check_file("C:\\docs\\rapport final.pdf", b"%PDF-1.7 ...").unwrap();
        assert_eq!(f.file_name, "rapport final.pdf");
        assert_eq!(f.kind.content_type, "application/pdf");
        assert!(check_file("photo.JPG", b"\xff\xd8\xff\xe0rest").is_ok());
        assert!(check_file("table.csv", "commune;valeur\nطنجة;3\n".as_bytes()).is_ok());
        assert!(check_file("plan.docx", b"PK\x03\x04....").is_ok());
    }

    #[test]
    fn forbidden_types_are_refused() {
        for (name, bytes) in [
            ("virus.exe", b"MZ\x90\x00".as_slice()),
            ("page.html", b"<script>".as_slice()),
            ("noextension", b"%PDF-".as_slice()),
            // A program renamed to look like a PDF.
            ("rapport.pdf", b"MZ\x90\x00".as_slice()),
            ("notes.txt", b"\x00\x01\x02".as_slice()),
        ] {
            assert_eq!(
                check_file(name, bytes),
                Err(EvidenceError::ForbiddenType),
                "{name}"
            );
        }
    }

    #[test]
    fn size_limits() {
        assert_eq!(check_file("a.pdf", b""), Err(EvidenceError::Empty));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check_file("a.pdf", &big), Err(EvidenceError::TooLarge));
        big.truncate(MAX_FILE_BYTES);
        assert!(check_file("a.pdf", &big).is_ok());
    }

    #[test]
    fn links() {
        assert_eq!(
            parse_link(" https://data.tanger.ma/budget "),
            Ok("https://data.tanger.ma/budget".into())
        );
        for bad in [
            "javascript:alert(1)",
            "ftp://x.ma/f",
            "not a link",
            "https://",
        ] {
            assert_eq!(parse_link(bad), Err("ogp-error-link"), "{bad}");
        }
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("..."), "evidence");
    }
}
