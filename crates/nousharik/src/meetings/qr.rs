//! QR codes as inline SVG (no image library, no JavaScript): printed on the registration
//! page and read at the door by any phone camera.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code for `text`, with a quiet zone, at least `size` pixels wide. Error
/// correction level M survives a crumpled printout. `None` only if the text is too long for a
/// QR code (never for our codes and URLs).
pub fn svg(text: &str, size: u32) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(size, size)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_an_svg_whose_module_grid_depends_on_the_text() {
        let a = svg(
            "https://example.org/events/1/registration/ABCD-EFGH-JKM",
            160,
        )
        .unwrap();
        assert!(a.starts_with("<?xml") || a.starts_with("<svg"));
        assert!(a.contains("<svg") && a.contains("</svg>"));
        let b = svg(
            "https://example.org/events/1/registration/ABCD-EFGH-JKN",
            160,
        )
        .unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn refuses_text_too_long_for_a_qr_code() {
        assert!(svg(&"x".repeat(5000), 100).is_none());
    }
}
