//! Exact decimal numbers as written in Pabulib files (`1500000`, `2,5`, `400000.0`, `-3`).
//!
//! Costs, budgets and points must be exact: a decimal is kept as an integer mantissa and a
//! power-of-ten scale, never as a float.

use std::cmp::Ordering;
use std::fmt;

/// An exact decimal number: `mantissa / 10^scale`, normalised so that the mantissa has no
/// trailing zero when `scale > 0` (so equal numbers compare equal field by field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Why a number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    /// The text is empty.
    #[error("empty number")]
    Empty,
    /// The text is not a plain decimal number.
    #[error("not a number: {0:?}")]
    Invalid(String),
    /// Too many digits to be held exactly.
    #[error("number too large: {0:?}")]
    TooLarge(String),
}

/// Largest scale accepted (digits after the decimal separator).
const MAX_SCALE: u32 = 18;

impl Decimal {
    /// The integer `value`.
    pub fn from_integer(value: i128) -> Self {
        Decimal {
            mantissa: value,
            scale: 0,
        }
    }

    /// Parses `12`, `-3`, `2.5`, `2,5` (decimal comma), `400000.0`, `+7`, `.5`.
    /// Surrounding whitespace is ignored.
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        let s = text.trim();
        if s.is_empty() {
            return Err(DecimalError::Empty);
        }
        let invalid = || DecimalError::Invalid(s.to_owned());
        let too_large = || DecimalError::TooLarge(s.to_owned());
        let (negative, body) = match s.as_bytes()[0] {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        let (int_part, frac_part) = match body.find(['.', ',']) {
            Some(pos) => (&body[..pos], &body[pos + 1..]),
            None => (body, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        let frac_part = frac_part.trim_end_matches('0');
        if frac_part.len() as u64 > u64::from(MAX_SCALE) {
            return Err(too_large());
        }
        let mut mantissa: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            if !b.is_ascii_digit() {
                return Err(invalid());
            }
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or_else(too_large)?;
        }
        // Bound the mantissa so that rescaling to MAX_SCALE never overflows.
        if mantissa > i128::MAX / 10i128.pow(MAX_SCALE) {
            return Err(too_large());
        }
        if negative {
            mantissa = -mantissa;
        }
        Ok(Decimal {
            mantissa,
            scale: frac_part.len() as u32,
        })
    }

    /// Number of digits after the decimal point (0 for an integer).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The mantissa: the number times `10^scale`.
    pub fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// Whether the number is an integer.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// The number times `10^scale` as an integer, if `scale >= self.scale()` and it fits.
    pub fn scaled_to(&self, scale: u32) -> Option<i128> {
        let shift = scale.checked_sub(self.scale)?;
        10i128
            .checked_pow(shift)
            .and_then(|f| self.mantissa.checked_mul(f))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        // Both mantissas are bounded at parse time so rescaling to MAX_SCALE fits in i128.
        match (self.scaled_to(scale), other.scaled_to(scale)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.mantissa.cmp(&other.mantissa),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(self.mantissa, self.scale))
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

/// Writes `units / 10^scale` with a `.` and exactly `scale` digits after it (none if 0).
pub fn format_scaled(units: i128, scale: u32) -> String {
    let digits = units.unsigned_abs().to_string();
    let sign = if units < 0 { "-" } else { "" };
    let scale = scale as usize;
    if scale == 0 {
        return format!("{sign}{digits}");
    }
    let padded = if digits.len() <= scale {
        format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
    } else {
        digits
    };
    let (int, frac) = padded.split_at(padded.len() - scale);
    format!("{sign}{int}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_decimal_forms() {
        assert_eq!(
            Decimal::parse("1500000").unwrap(),
            Decimal::from_integer(1500000)
        );
        assert_eq!(
            Decimal::parse(" 400000.0 ").unwrap(),
            Decimal::from_integer(400000)
        );
        let d = Decimal::parse("2,5").unwrap();
        assert_eq!((d.mantissa(), d.scale()), (25, 1));
        assert_eq!(Decimal::parse("2.50").unwrap(), d);
        assert_eq!(Decimal::parse("-3").unwrap().mantissa(), -3);
        assert_eq!(Decimal::parse(".5").unwrap().to_string(), "0.5");
        assert_eq!(Decimal::parse("0.05").unwrap().to_string(), "0.05");
        assert_eq!(Decimal::parse("12.340").unwrap().to_string(), "12.34");
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(Decimal::parse(""), Err(DecimalError::Empty));
        assert!(matches!(
            Decimal::parse("1e5"),
            Err(DecimalError::Invalid(_))
        ));
        assert!(matches!(Decimal::parse("."), Err(DecimalError::Invalid(_))));
        assert!(matches!(
            Decimal::parse("1.2.3"),
            Err(DecimalError::Invalid(_))
        ));
        assert!(matches!(
            Decimal::parse("--1"),
            Err(DecimalError::Invalid(_))
        ));
        assert!(matches!(
            Decimal::parse("999999999999999999999999999999"),
            Err(DecimalError::TooLarge(_))
        ));
    }

    #[test]
    fn compares_across_scales() {
        let a = Decimal::parse("2.5").unwrap();
        let b = Decimal::parse("3").unwrap();
        assert!(a < b);
        assert_eq!(a.scaled_to(3), Some(2500));
        assert_eq!(b.scaled_to(0), Some(3));
        assert_eq!(a.scaled_to(0), None);
    }

    #[test]
    fn formats_scaled_units() {
        assert_eq!(format_scaled(25, 1), "2.5");
        assert_eq!(format_scaled(5, 2), "0.05");
        assert_eq!(format_scaled(-125, 2), "-1.25");
        assert_eq!(format_scaled(7, 0), "7");
    }
}
