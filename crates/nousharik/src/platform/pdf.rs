//! PDF documents made with typst as a library: the generic "world" every module reuses.
//!
//! A module keeps a static typst source (e.g. `templates/petitions/receipt.typ`) and passes its
//! data as `sys.inputs` ([`Inputs`]): user text never becomes typst markup, so a title like
//! `#eval("…")` is printed, not run. Fonts are Noto TTFs (Arabic, Latin, Tifinagh) loaded once
//! from `NOUSHARIK_FONT_DIR` or Debian's `fonts-noto-core` directory. Pitfall: French text
//! needs a Latin-first font list, or the Arabic font supplies its punctuation — templates set
//! `font: ("Noto Sans", "Noto Naskh Arabic")` for Latin text and the reverse for Arabic.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Array, Bytes, Datetime, Dict, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Where Debian's `fonts-noto-core` puts its fonts.
pub const DEFAULT_FONT_DIR: &str = "/usr/share/fonts/truetype/noto";

/// Font files loaded (prefixes of the file names): Arabic, Latin and Tifinagh.
const FONT_FILES: &[&str] = &[
    "NotoNaskhArabic-Regular",
    "NotoNaskhArabic-Bold",
    "NotoSansArabic-Regular",
    "NotoSansArabic-Bold",
    "NotoSans-Regular",
    "NotoSans-Bold",
    "NotoSans-Italic",
    "NotoSansTifinagh-Regular",
];

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No usable font was found.
    #[error("no fonts found in {0} (install fonts-noto-core or set NOUSHARIK_FONT_DIR)")]
    NoFonts(String),
    /// The typst source failed to compile (a bug in a template).
    #[error("typst: {0}")]
    Typst(String),
}

/// A set of fonts and their book.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fonts({} faces)", self.fonts.len())
    }
}

impl Fonts {
    /// Loads the platform's fonts from `dir`.
    pub fn load(dir: &Path) -> Result<Self, PdfError> {
        let mut fonts = Vec::new();
        for name in FONT_FILES {
            for ext in ["ttf", "otf"] {
                let path = dir.join(format!("{name}.{ext}"));
                if let Ok(data) = std::fs::read(&path) {
                    fonts.extend(Font::iter(Bytes::new(data)));
                }
            }
        }
        if fonts.is_empty() {
            return Err(PdfError::NoFonts(dir.display().to_string()));
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(Self { book, fonts })
    }

    /// The fonts of this installation, loaded on first use.
    pub fn shared() -> Result<&'static Fonts, &'static PdfError> {
        static FONTS: LazyLock<Result<Fonts, PdfError>> = LazyLock::new(|| {
            let dir = std::env::var_os("NOUSHARIK_FONT_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_FONT_DIR));
            Fonts::load(&dir)
        });
        FONTS.as_ref()
    }
}

/// Data handed to a template as `sys.inputs`.
#[derive(Debug, Default, Clone)]
pub struct Inputs(Dict);

impl Inputs {
    /// Empty inputs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a string.
    pub fn text(mut self, key: &str, value: impl Into<String>) -> Self {
        self.0
            .insert(Str::from(key), Value::Str(Str::from(value.into())));
        self
    }

    /// Adds a table: a list of rows, each a list of strings.
    pub fn rows(mut self, key: &str, rows: Vec<Vec<String>>) -> Self {
        let array: Array = rows
            .into_iter()
            .map(|row| Value::Array(row.into_iter().map(|c| Value::Str(Str::from(c))).collect()))
            .collect();
        self.0.insert(Str::from(key), Value::Array(array));
        self
    }
}

/// The smallest world that compiles one in-memory source.
struct OneFileWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: FileId,
    source: Source,
}

impl World for OneFileWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            Ok(Bytes::from_string(self.source.text().to_owned()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // Documents print their own dates (Africa/Casablanca); typst's clock is not used.
        None
    }
}

/// Compiles `source` with `inputs` into a PDF. CPU-bound: call it from `spawn_blocking`.
pub fn render(fonts: &Fonts, source: &str, inputs: Inputs) -> Result<Vec<u8>, PdfError> {
    // One interned id for every document: FileId::unique would leak an id per call.
    let path = VirtualPath::new("/main.typ").map_err(|e| PdfError::Typst(format!("{e:?}")))?;
    let main = RootedPath::new(VirtualRoot::Project, path).intern();
    let world = OneFileWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs.0).build()),
        fonts,
        main,
        source: Source::new(main, source.to_owned()),
    };
    let document = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map_err(|errors| {
            PdfError::Typst(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        PdfError::Typst(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"
#set page(width: 10cm, height: auto, margin: 1cm)
#set text(font: ("Noto Sans", "Noto Naskh Arabic"), lang: "fr")
= #sys.inputs.title
#text(font: ("Noto Naskh Arabic", "Noto Sans"), lang: "ar", dir: rtl)[#sys.inputs.ar]
#table(columns: 2, ..sys.inputs.rows.flatten())
"#;

    #[test]
    fn renders_arabic_and_french_and_never_runs_input() {
        let fonts = Fonts::shared().expect("fonts-noto-core is installed for tests");
        let inputs = Inputs::new()
            .text("title", "Récépissé #eval(\"1+1\") ]")
            .text("ar", "وصل إيداع عريضة")
            .rows(
                "rows",
                vec![vec!["a".into(), "b".into()], vec!["1".into(), "2".into()]],
            );
        let pdf = render(fonts, DOC, inputs).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1000);
    }

    #[test]
    fn template_errors_are_reported() {
        let fonts = Fonts::shared().expect("fonts-noto-core is installed for tests");
        let err = render(fonts, "#sys.inputs.missing", Inputs::new()).unwrap_err();
        assert!(matches!(err, PdfError::Typst(_)));
    }

    #[test]
    fn missing_font_dir_is_a_clear_error() {
        let err = Fonts::load(Path::new("/nonexistent")).unwrap_err();
        assert!(err.to_string().contains("fonts-noto-core"));
    }
}
