//! Languages: Arabic (default, right-to-left), French, Tamazight in Tifinagh (zgh), English.
//!
//! Messages are Fluent files, one per module per language:
//! `crates/nousharik/locales/<ar|fr|zgh|en>/<module>.ftl`. They are compiled into the binary.
//!
//! Decisions taken knowingly:
//! - **Bidi isolation.** Fluent's automatic isolation marks are off. String arguments passed
//!   through [`Locale::tr`] are wrapped in FSI…PDI by us (user text such as a name keeps its own
//!   direction), numbers are not (so "5" stays "5"). Text the templates print directly (not via
//!   Fluent) is isolated with `<bdi>` or `dir="auto"`.
//! - **Plurals.** Arabic uses CLDR's six categories (zero, one, two, few, many, other) through
//!   Fluent. CLDR has no rules for `zgh`: Fluent cannot pick a category, so the default variant
//!   (`*[other]`) is used. Tamazight messages therefore select on exact numbers when a singular
//!   differs (`[1] …` then `*[other] …`), which works with or without plural rules.
//! - **Digits.** Latin digits (0-9) in every locale, Arabic included, as is usual in Morocco.
//! - **Dates.** Civil time in Africa/Casablanca (jiff), formatted by ICU for ar-MA (Moroccan
//!   month names يناير … دجنبر, Latin digits), fr-MA and en, 24-hour clock; ICU has no data for
//!   zgh, so Tamazight uses IRCAM's Tifinagh month names from a table ("30 ⵏⵓⵡⴰⵏⴱⵉⵔ 2026, 00:30").
//! - **Accept-Language.** `ar*`, `fr*`, `en*` map to their locale; `zgh`, `tzm`, `shi`, `rif`
//!   and `ber` (Tamazight varieties) map to `zgh`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use icu::calendar::Gregorian;
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{YMD, YMDT};
use icu::datetime::options::TimePrecision;
use icu::locale::locale;

// All messages of all locales, embedded at compile time.
fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "ar",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Name of the cookie that keeps the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// A supported language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Arabic (default, right-to-left).
    #[default]
    Ar,
    /// French.
    Fr,
    /// Standard Moroccan Tamazight in Tifinagh.
    Zgh,
    /// English.
    En,
}

static LANGIDS: LazyLock<[LanguageIdentifier; 4]> = LazyLock::new(|| {
    [
        fluent_templates::langid!("ar"),
        fluent_templates::langid!("fr"),
        fluent_templates::langid!("zgh"),
        fluent_templates::langid!("en"),
    ]
});

/// First Strong Isolate and Pop Directional Isolate, around user-supplied arguments.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// A Fluent argument value.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Text (isolated for bidi).
    Str(Cow<'a, str>),
    /// A number (selects plural variants).
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}
impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl Locale {
    /// Every locale, default first.
    pub const ALL: [Locale; 4] = [Locale::Ar, Locale::Fr, Locale::Zgh, Locale::En];

    /// BCP 47 tag, also the folder name under `locales/` and the `lang` cookie value.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::Fr => "fr",
            Locale::Zgh => "zgh",
            Locale::En => "en",
        }
    }

    /// Text direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// `true` for right-to-left scripts.
    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }

    /// The language's name in itself (for the language switcher).
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ar => "العربية",
            Locale::Fr => "Français",
            Locale::Zgh => "ⵜⴰⵎⴰⵣⵉⵖⵜ",
            Locale::En => "English",
        }
    }

    /// Parses a locale code as used in URLs and the cookie.
    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The Fluent language identifier.
    pub fn langid(self) -> &'static LanguageIdentifier {
        let i = match self {
            Locale::Ar => 0,
            Locale::Fr => 1,
            Locale::Zgh => 2,
            Locale::En => 3,
        };
        &LANGIDS[i]
    }

    /// The message `key`; the key itself when missing (the locale test prevents that).
    pub fn t(self, key: &str) -> String {
        match LOCALES.try_lookup(self.langid(), key) {
            Some(s) => s,
            None => {
                tracing::warn!(key, locale = self.code(), "missing message");
                key.to_string()
            }
        }
    }

    /// The message `key` with arguments; text arguments are bidi-isolated.
    pub fn tr(self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Str(s) => FluentValue::from(format!("{FSI}{s}{PDI}")),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Owned(name.to_string()), v)
            })
            .collect();
        match LOCALES.try_lookup_with_args(self.langid(), key, &map) {
            Some(s) => s,
            None => {
                tracing::warn!(key, locale = self.code(), "missing message");
                key.to_string()
            }
        }
    }

    /// The best locale from an `Accept-Language` header, if any is supported.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut candidates: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(pos, part)| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim().to_ascii_lowercase();
                let q = pieces
                    .find_map(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|v| v.trim().parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                let primary = tag.split(['-', '_']).next()?;
                let locale = match primary {
                    "ar" => Locale::Ar,
                    "fr" => Locale::Fr,
                    "en" => Locale::En,
                    "zgh" | "tzm" | "shi" | "rif" | "ber" => Locale::Zgh,
                    _ => return None,
                };
                (q > 0.0).then_some((q, pos, locale))
            })
            .collect();
        // Highest quality first; the header's order breaks ties.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|c| c.2)
    }

    /// Resolution order: the `lang` cookie, then `Accept-Language`, then Arabic.
    pub fn resolve(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(Locale::from_code)
            .or_else(|| accept_language.and_then(Locale::from_accept_language))
            .unwrap_or_default()
    }

    /// Month name (1 = January) for Tamazight: IRCAM's Tifinagh names (ICU has no zgh data).
    /// The other locales' names come from ICU (ar-MA: the Moroccan يناير … دجنبر).
    pub fn zgh_month_name(month: i8) -> &'static str {
        const ZGH: [&str; 12] = [
            "ⵉⵏⵏⴰⵢⵔ",
            "ⴱⵕⴰⵢⵕ",
            "ⵎⴰⵕⵚ",
            "ⵉⴱⵔⵉⵔ",
            "ⵎⴰⵢⵢⵓ",
            "ⵢⵓⵏⵢⵓ",
            "ⵢⵓⵍⵢⵓⵣ",
            "ⵖⵓⵛⵜ",
            "ⵛⵓⵜⴰⵏⴱⵉⵔ",
            "ⴽⵜⵓⴱⵔ",
            "ⵏⵓⵡⴰⵏⴱⵉⵔ",
            "ⴷⵓⵊⴰⵏⴱⵉⵔ",
        ];
        ZGH[usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0)]
    }

    /// A date such as `30 نونبر 2026` / `30 novembre 2026`, in Africa/Casablanca, Latin digits.
    pub fn format_date(self, unix_seconds: i64) -> String {
        let z = to_casablanca(unix_seconds);
        let date = z.date();
        let zgh = || {
            format!(
                "{} {} {}",
                date.day(),
                Locale::zgh_month_name(date.month()),
                date.year()
            )
        };
        match (self, icu_date(date)) {
            (Locale::Zgh, _) | (_, None) => zgh(),
            (_, Some(d)) => match &ICU.get(self.icu_index()).and_then(|f| f.date.as_ref()) {
                Some(f) => f.format(&d).to_string(),
                None => zgh(),
            },
        }
    }

    /// A date and time such as `30 novembre 2026 à 00:30`, in Africa/Casablanca, Latin digits,
    /// 24-hour clock.
    pub fn format_datetime(self, unix_seconds: i64) -> String {
        let z = to_casablanca(unix_seconds);
        let date = z.date();
        let zgh = || {
            format!(
                "{}, {:02}:{:02}",
                self.format_date(unix_seconds),
                z.hour(),
                z.minute()
            )
        };
        if self == Locale::Zgh {
            return zgh();
        }
        let input = icu_date(date).zip(
            icu::time::Time::try_new(
                u8::try_from(z.hour()).unwrap_or(0),
                u8::try_from(z.minute()).unwrap_or(0),
                0,
                0,
            )
            .ok(),
        );
        match (
            input,
            ICU.get(self.icu_index()).and_then(|f| f.datetime.as_ref()),
        ) {
            (Some((date, time)), Some(f)) => {
                f.format(&icu::time::DateTime { date, time }).to_string()
            }
            _ => zgh(),
        }
    }

    /// Index into [`ICU`] (Tamazight has no ICU data and uses the last slot's absence).
    fn icu_index(self) -> usize {
        match self {
            Locale::Ar => 0,
            Locale::Fr => 1,
            Locale::En => 2,
            Locale::Zgh => 3,
        }
    }
}

/// ICU date formatters of one locale.
struct IcuFormatters {
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    datetime: Option<FixedCalendarDateTimeFormatter<Gregorian, YMDT>>,
}

/// Formatters for ar-MA (Moroccan month names, Latin digits), fr-MA and en, all with a
/// 24-hour clock. Built once; a locale whose data fails to load falls back to the table format.
static ICU: LazyLock<Vec<IcuFormatters>> = LazyLock::new(|| {
    [
        locale!("ar-MA-u-hc-h23"),
        locale!("fr-MA-u-hc-h23"),
        locale!("en-u-hc-h23"),
    ]
    .into_iter()
    .map(|l| IcuFormatters {
        date: FixedCalendarDateTimeFormatter::try_new(l.clone().into(), YMD::long()).ok(),
        datetime: FixedCalendarDateTimeFormatter::try_new(
            l.into(),
            YMDT::long().with_time_precision(TimePrecision::Minute),
        )
        .ok(),
    })
    .collect()
});

fn icu_date(d: jiff::civil::Date) -> Option<icu::calendar::Date<Gregorian>> {
    icu::calendar::Date::try_new_gregorian(
        i32::from(d.year()),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

/// The platform's time zone.
pub static CASABLANCA: LazyLock<jiff::tz::TimeZone> = LazyLock::new(|| {
    jiff::tz::TimeZone::get("Africa/Casablanca").unwrap_or(jiff::tz::TimeZone::UTC)
});

/// A Unix timestamp as civil time in Africa/Casablanca (out-of-range values clamp to the epoch).
pub fn to_casablanca(unix_seconds: i64) -> jiff::ZonedDateTime {
    let ts = jiff::Timestamp::from_second(unix_seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    ts.to_zoned_datetime(CASABLANCA.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_directions_and_names() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
            assert_eq!(l.langid().to_string(), l.code());
        }
        assert_eq!(Locale::default(), Locale::Ar);
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::Zgh.dir(), "ltr");
        assert_eq!(Locale::from_code("de"), None);
    }

    #[test]
    fn resolution_cookie_then_accept_language_then_arabic() {
        assert_eq!(Locale::resolve(Some("fr"), Some("en")), Locale::Fr);
        assert_eq!(
            Locale::resolve(Some("xx"), Some("en-GB,en;q=0.8")),
            Locale::En
        );
        assert_eq!(
            Locale::resolve(None, Some("de-DE, fr;q=0.5, en;q=0.9")),
            Locale::En
        );
        assert_eq!(
            Locale::resolve(None, Some("de-DE, fr-MA;q=0.5")),
            Locale::Fr
        );
        assert_eq!(Locale::resolve(None, Some("tzm-Tfng")), Locale::Zgh);
        assert_eq!(
            Locale::resolve(None, Some("fr;q=0, ar-MA;q=0.1")),
            Locale::Ar
        );
        assert_eq!(Locale::resolve(None, Some("de")), Locale::Ar);
        assert_eq!(Locale::resolve(None, Some("")), Locale::Ar);
        assert_eq!(Locale::resolve(None, None), Locale::Ar);
        // Equal quality: the header's order decides.
        assert_eq!(Locale::resolve(None, Some("en, fr")), Locale::En);
    }

    #[test]
    fn dates_in_casablanca_with_latin_digits() {
        // 2026-11-29T23:30:00Z is 2026-11-30 00:30 in Casablanca (UTC+1).
        let ts = 1_795_995_000;
        assert_eq!(Locale::Ar.format_date(ts), "30 نونبر 2026");
        assert_eq!(Locale::Fr.format_date(ts), "30 novembre 2026");
        assert_eq!(Locale::En.format_date(ts), "November 30, 2026");
        assert_eq!(Locale::Zgh.format_date(ts), "30 ⵏⵓⵡⴰⵏⴱⵉⵔ 2026");
        assert_eq!(Locale::Zgh.format_datetime(ts), "30 ⵏⵓⵡⴰⵏⴱⵉⵔ 2026, 00:30");
        // ICU (ar-MA, fr-MA, en) with a 24-hour clock; Tamazight from our table.
        assert_eq!(Locale::Ar.format_datetime(ts), "30 نونبر 2026 في 00:30");
        assert_eq!(Locale::Fr.format_datetime(ts), "30 novembre 2026 à 00:30");
        assert_eq!(Locale::En.format_datetime(ts), "November 30, 2026 at 00:30");
        for l in Locale::ALL {
            assert!(
                !l.format_datetime(ts)
                    .chars()
                    .any(|c| ('\u{0660}'..='\u{0669}').contains(&c))
            );
        }
        // ICU's ar-MA gives the Moroccan month names (غشت, not أغسطس).
        let months: Vec<String> = (1..=12)
            .map(|m| {
                let ts = jiff::civil::date(2026, m, 15)
                    .at(12, 0, 0, 0)
                    .to_zoned_datetime(CASABLANCA.clone());
                let s = Locale::Ar.format_date(ts.unwrap().timestamp().as_second());
                s.split(' ').nth(1).unwrap_or_default().to_string()
            })
            .collect();
        assert_eq!(
            months.join(" "),
            "يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر"
        );
        assert_eq!(Locale::zgh_month_name(1), "ⵉⵏⵏⴰⵢⵔ");
        assert_eq!(Locale::zgh_month_name(12), "ⴷⵓⵊⴰⵏⴱⵉⵔ");
    }

    #[test]
    fn arguments_are_isolated_numbers_are_not() {
        let s = Locale::En.tr("platform-welcome-name", &[("name", "سارة".into())]);
        assert_eq!(s, "Hello, \u{2068}سارة\u{2069}!");
    }

    #[test]
    fn arabic_has_six_plural_forms() {
        let forms: Vec<String> = [0i64, 1, 2, 3, 11, 100]
            .iter()
            .map(|n| Locale::Ar.tr("platform-languages-count", &[("count", (*n).into())]))
            .collect();
        let distinct: std::collections::HashSet<&String> = forms.iter().collect();
        assert_eq!(distinct.len(), 6, "{forms:?}");
        assert!(forms[3].contains('3'), "{}", forms[3]);
    }

    #[test]
    fn tamazight_selects_on_exact_numbers() {
        let one = Locale::Zgh.tr("platform-languages-count", &[("count", 1i64.into())]);
        let five = Locale::Zgh.tr("platform-languages-count", &[("count", 5i64.into())]);
        assert_ne!(one, five);
        assert!(five.contains('5'), "{five}");
    }
}
