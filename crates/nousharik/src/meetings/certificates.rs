//! PDF attendance certificates (typst via `platform::pdf`), in Arabic and French on one page,
//! with the verification code and the public page that checks it.

use super::model::code::Code;
use super::store::Certificate;
use crate::platform::i18n::Locale;
use crate::platform::pdf::{self, Fonts, Inputs, PdfError};

/// The typst source; data arrives as `sys.inputs`, never as markup.
const SOURCE: &str = include_str!("../../templates/meetings/certificate.typ");

/// Renders a certificate.
pub fn render(cert: &Certificate, base_url: &str) -> Result<Vec<u8>, PdfError> {
    let fonts: &Fonts = Fonts::shared().map_err(|e| PdfError::NoFonts(e.to_string()))?;
    let code = Code::parse(&cert.code).map_or_else(|_| cert.code.clone(), |c| c.to_string());
    let e = &cert.event;
    let inputs = Inputs::new()
        .text("name", cert.registration.name.clone())
        .text("title", e.draft.title.clone())
        .text("organiser_ar", e.organiser_name.0.clone())
        .text("organiser_fr", e.organiser_name.1.clone())
        .text("place_ar", e.territory_name.0.clone())
        .text("place_fr", e.territory_name.1.clone())
        .text("date_ar", Locale::Ar.format_date(e.draft.starts_at))
        .text("date_fr", Locale::Fr.format_date(e.draft.starts_at))
        .text("kind_ar", Locale::Ar.t(&kind_key(e)))
        .text("kind_fr", Locale::Fr.t(&kind_key(e)))
        .text("code", code.clone())
        .text(
            "verify_url",
            format!(
                "{}/certificates/verify?code={}",
                base_url.trim_end_matches('/'),
                cert.code
            ),
        )
        .text("heading_ar", Locale::Ar.t("meetings-certificate-heading"))
        .text("heading_fr", Locale::Fr.t("meetings-certificate-heading"))
        .text("attended_ar", Locale::Ar.t("meetings-certificate-attended"))
        .text("attended_fr", Locale::Fr.t("meetings-certificate-attended"))
        .text("verify_ar", Locale::Ar.t("meetings-certificate-verify"))
        .text("verify_fr", Locale::Fr.t("meetings-certificate-verify"));
    pdf::render(fonts, SOURCE, inputs)
}

fn kind_key(e: &super::store::Event) -> String {
    format!("meetings-kind-{}", e.draft.kind.code().replace('_', "-"))
}
