//! What may be attached as evidence of an indicator's value: a link (http or https) or a file
//! of an accepted type and size. The type is decided from the file's first bytes and its name
//! together — never from the type the browser declares — so a renamed executable or an HTML
//! page with a `.pdf` name is refused.

use serde::Serialize;

/// Largest evidence file.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Longest link.
pub const MAX_URL: usize = 2_000;
/// Longest file name kept.
pub const MAX_NAME: usize = 200;

/// An accepted evidence file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FileType {
    /// PDF document.
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image (photos of an attendance sheet, a deliberation).
    Jpeg,
    /// CSV table (UTF-8 text).
    Csv,
    /// OpenDocument text or spreadsheet (a zip archive).
    OpenDocument,
    /// Office Open XML document or spreadsheet (a zip archive).
    OfficeOpenXml,
}

impl FileType {
    /// The `Content-Type` the file is served with.
    pub fn content_type(self, name: &str) -> &'static str {
        let ext = extension(name);
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Csv => "text/csv; charset=utf-8",
            FileType::OpenDocument if ext == "ods" => {
                "application/vnd.oasis.opendocument.spreadsheet"
            }
            FileType::OpenDocument => "application/vnd.oasis.opendocument.text",
            FileType::OfficeOpenXml if ext == "xlsx" => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            FileType::OfficeOpenXml => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Why a file was refused (message keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not one of the accepted types, or the content does not match the name.
    ForbiddenType,
    /// Empty file.
    Empty,
}

impl FileError {
    /// Message key.
    pub fn key(self) -> &'static str {
        match self {
            FileError::TooLarge => "results-error-file-too-large",
            FileError::ForbiddenType => "results-error-file-type",
            FileError::Empty => "results-error-file-empty",
        }
    }
}

/// Checks an evidence file from its name and bytes.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<FileType, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let zip = bytes.starts_with(b"PK\x03\x04");
    let t = match extension(name).as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => FileType::Pdf,
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => FileType::Png,
        "jpg" | "jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => FileType::Jpeg,
        "csv" if is_plain_text(bytes) => FileType::Csv,
        "odt" | "ods" if zip => FileType::OpenDocument,
        "docx" | "xlsx" if zip => FileType::OfficeOpenXml,
        _ => return Err(FileError::ForbiddenType),
    };
    Ok(t)
}

/// UTF-8 without control characters other than tab, CR and LF, and not markup.
fn is_plain_text(bytes: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(bytes) else {
        return false;
    };
    let head = s.trim_start_matches('\u{feff}').trim_start();
    !head.starts_with('<')
        && s.chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n'))
}

/// A file name safe to keep and to send back in `Content-Disposition`: the last path part,
/// letters, digits, `.`, `-`, `_` and spaces only, at most [`MAX_NAME`] characters.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = last
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '))
        .take(MAX_NAME)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() || cleaned.starts_with('.') {
        format!("evidence{cleaned}")
    } else {
        cleaned
    }
}

/// Checks a link to evidence: an absolute http(s) URL, or a path on this site. The error is
/// a message key.
pub fn check_url(raw: &str) -> Result<String, &'static str> {
    let t = raw.trim();
    if t.chars().count() > MAX_URL {
        return Err("results-error-too-long");
    }
    if crate::platform::layout::is_local_path(t) {
        return Ok(t.to_string());
    }
    match url::Url::parse(t) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(u.to_string()),
        _ => Err("results-error-url"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_types_are_recognised_by_content_and_name() {
        assert_eq!(check_file("pv.pdf", b"%PDF-1.7\n..."), Ok(FileType::Pdf));
        assert_eq!(check_file("PV.PDF", b"%PDF-1.4"), Ok(FileType::Pdf));
        assert_eq!(
            check_file("photo.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Ok(FileType::Jpeg)
        );
        assert_eq!(
            check_file("sheet.png", b"\x89PNG\r\n\x1a\nrest"),
            Ok(FileType::Png)
        );
        assert_eq!(
            check_file("list.csv", "nom,sexe\nSalma,F\n".as_bytes()),
            Ok(FileType::Csv)
        );
        assert_eq!(
            check_file("report.odt", b"PK\x03\x04..."),
            Ok(FileType::OpenDocument)
        );
        assert_eq!(
            check_file("report.docx", b"PK\x03\x04..."),
            Ok(FileType::OfficeOpenXml)
        );
    }

    #[test]
    fn forbidden_types_and_disguises_are_refused() {
        for (name, bytes) in [
            ("setup.exe", b"MZ\x90\x00".as_slice()),
            ("page.html", b"<html><script>".as_slice()),
            ("fake.pdf", b"MZ\x90\x00".as_slice()),
            ("image.svg", b"<svg onload=alert(1)>".as_slice()),
            ("list.csv", b"<script>alert(1)</script>".as_slice()),
            ("list.csv", b"\x00\x01binary".as_slice()),
            ("noextension", b"%PDF-1.7".as_slice()),
            ("macro.docm", b"PK\x03\x04".as_slice()),
        ] {
            assert_eq!(
                check_file(name, bytes),
                Err(FileError::ForbiddenType),
                "{name}"
            );
        }
    }

    #[test]
    fn size_limits() {
        assert_eq!(check_file("a.pdf", b""), Err(FileError::Empty));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check_file("a.pdf", &big), Err(FileError::TooLarge));
        big.truncate(MAX_FILE_BYTES);
        assert_eq!(check_file("a.pdf", &big), Ok(FileType::Pdf));
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\Users\\x\\pv 2023.pdf"), "pv 2023.pdf");
        assert_eq!(clean_name("a\"b;c.pdf"), "abc.pdf");
        assert_eq!(clean_name(".htaccess"), "evidence.htaccess");
        assert_eq!(clean_name("محضر.pdf"), "محضر.pdf");
    }

    #[test]
    fn links_are_http_or_local() {
        assert_eq!(
            check_url("https://example.org/a b").as_deref(),
            Ok("https://example.org/a%20b")
        );
        assert_eq!(check_url("/events/3").as_deref(), Ok("/events/3"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://x.org/f",
            "//evil.example",
            "not a link",
        ] {
            assert_eq!(check_url(bad), Err("results-error-url"), "{bad}");
        }
    }
}
