//! Amounts of money in Moroccan dirhams, held as integer centimes.
//!
//! Why centimes: the platform's convention (DESIGN.md "money in centimes") and council budget
//! lines, which are written to the centime. Every computation on money is on integers; the
//! counting engine receives the same amounts (written to the Pabulib file in dirhams with the
//! centimes as decimals when any amount has them, which the engine scales back exactly).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in centimes of a dirham (never negative once parsed).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

/// The largest amount accepted from a form: 100 billion dirhams (far above any council budget,
/// far below `i64` overflow even when thousands of amounts are added).
pub const MAX_DIRHAMS: i64 = 100_000_000_000;

/// Why a typed amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing typed.
    #[error("empty amount")]
    Empty,
    /// Not a number of dirhams (letters, several separators, more than 2 decimals…).
    #[error("not an amount")]
    Invalid,
    /// Zero or negative where a positive amount is needed.
    #[error("amount must be positive")]
    NotPositive,
    /// Above [`MAX_DIRHAMS`].
    #[error("amount too large")]
    TooLarge,
}

impl Money {
    /// Whole dirhams.
    pub const fn from_dirhams(dh: i64) -> Self {
        Money(dh * 100)
    }

    /// The centimes.
    pub fn centimes(self) -> i64 {
        self.0
    }

    /// Parses what a person types: `150000`, `150 000`, `150.000,50`, `150,000.50`,
    /// `1 500,5` (a comma or point followed by one or two digits at the end is the decimal
    /// separator; other spaces, points, commas and narrow spaces group thousands). Positive
    /// amounts only.
    pub fn parse(raw: &str) -> Result<Money, MoneyError> {
        let text: String = raw
            .trim()
            .trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace())
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
            .collect();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        // A decimal part is a separator followed by exactly 1 or 2 digits at the end.
        let (whole, cents) = match text.rfind([',', '.']) {
            Some(i) if (1..=2).contains(&(text.len() - i - 1)) => {
                let frac = &text[i + 1..];
                let cents = if frac.len() == 1 {
                    format!("{frac}0")
                } else {
                    frac.to_owned()
                };
                (text[..i].to_owned(), cents)
            }
            _ => (text.clone(), "00".to_owned()),
        };
        let whole: String = whole.chars().filter(|c| !matches!(c, ',' | '.')).collect();
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !cents.chars().all(|c| c.is_ascii_digit())
        {
            return Err(MoneyError::Invalid);
        }
        if whole.len() > 15 {
            return Err(MoneyError::TooLarge);
        }
        let dh: i64 = whole.parse().map_err(|_| MoneyError::Invalid)?;
        let c: i64 = cents.parse().map_err(|_| MoneyError::Invalid)?;
        if dh > MAX_DIRHAMS {
            return Err(MoneyError::TooLarge);
        }
        let m = Money(dh * 100 + c);
        if m.0 <= 0 {
            return Err(MoneyError::NotPositive);
        }
        Ok(m)
    }

    /// Dirhams with thousands grouped by a narrow no-break space, centimes only when there
    /// are some: `1 250 000`, `99,50` (`decimal` is the locale's separator).
    pub fn format(self, decimal: char) -> String {
        let negative = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let (dh, c) = (abs / 100, abs % 100);
        let digits = dh.to_string();
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('\u{202f}');
            }
            out.push(ch);
        }
        if c != 0 {
            out.push(decimal);
            out.push_str(&format!("{c:02}"));
        }
        out
    }

    /// The amount as a Pabulib number in dirhams: `1250000` or `99.5` (shortest exact form).
    pub fn pabulib(self) -> String {
        let (dh, c) = (self.0 / 100, self.0 % 100);
        match c {
            0 => dh.to_string(),
            c if c % 10 == 0 => format!("{dh}.{}", c / 10),
            c => format!("{dh}.{c:02}"),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Money::parse("150000"), Ok(Money::from_dirhams(150_000)));
        assert_eq!(
            Money::parse(" 150 000 DH"),
            Ok(Money::from_dirhams(150_000))
        );
        assert_eq!(Money::parse("150.000,50"), Ok(Money(15_000_050)));
        assert_eq!(Money::parse("150,000.5"), Ok(Money(15_000_050)));
        assert_eq!(Money::parse("1\u{202f}500,05"), Ok(Money(150_005)));
        assert_eq!(Money::parse("1,500"), Ok(Money::from_dirhams(1_500)));
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("abc"), Err(MoneyError::Empty));
        assert_eq!(Money::parse("12a4"), Err(MoneyError::Invalid));
        assert_eq!(Money::parse("-5"), Err(MoneyError::Invalid));
        assert_eq!(Money::parse("0"), Err(MoneyError::NotPositive));
        assert_eq!(Money::parse("0,00"), Err(MoneyError::NotPositive));
        assert_eq!(
            Money::parse("999999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Money::parse("100000000001"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn formats_for_people_and_for_pabulib() {
        assert_eq!(
            Money::from_dirhams(1_250_000).format(','),
            "1\u{202f}250\u{202f}000"
        );
        assert_eq!(Money(9_950).format(','), "99,50");
        assert_eq!(Money(5).format('.'), "0.05");
        assert_eq!(Money(-100).format('.'), "-1");
        assert_eq!(Money::from_dirhams(1_250_000).pabulib(), "1250000");
        assert_eq!(Money(9_950).pabulib(), "99.5");
        assert_eq!(Money(9_905).pabulib(), "99.05");
    }
}
