//! Short, unguessable codes with a check character: registration codes (shown at the door and
//! in the QR code) and certificate verification codes.
//!
//! Alphabet: Crockford's base 32 (digits and capitals without I, L, O, U), so a code read aloud
//! or typed from paper survives the usual confusions (O/0, I/L/1 are folded when parsing). Ten
//! random symbols carry 50 bits: guessing one valid code among a million issued takes ~10⁹
//! tries. The eleventh symbol is a Luhn mod 32 check character: every single mistyped symbol
//! and most swaps of two neighbours are caught before any database look-up, so a typo says
//! "mistyped" rather than "unknown".

use std::fmt;

/// Crockford base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random symbols in a code.
pub const RANDOM_LEN: usize = 10;
/// Random bytes needed by [`Code::from_random`] (one per symbol; 5 bits of each are used).
pub type CodeSeed = [u8; RANDOM_LEN];

/// A well-formed code (random part + valid check character), stored without separators.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(String);

/// Why a typed code is not a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Empty after removing spaces and hyphens.
    #[error("empty code")]
    Empty,
    /// Not 11 symbols.
    #[error("wrong length")]
    Length,
    /// A character outside the alphabet.
    #[error("invalid character")]
    Character,
    /// The check character does not match: mistyped or made up.
    #[error("check character mismatch")]
    Check,
}

fn value(c: u8) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        other => other,
    };
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// Luhn mod 32 check symbol over the given symbol values.
fn check_value(values: &[u32]) -> u32 {
    let mut sum = 0;
    // From the right, the symbol next to the (future) check character is doubled.
    for (i, v) in values.iter().rev().enumerate() {
        let mut add = *v;
        if i % 2 == 0 {
            add *= 2;
            add = add / 32 + add % 32;
        }
        sum += add;
    }
    (32 - sum % 32) % 32
}

impl Code {
    /// A new code from random bytes (the caller draws them, so this stays pure).
    pub fn from_random(seed: CodeSeed) -> Self {
        let values: Vec<u32> = seed.iter().map(|b| u32::from(b & 31)).collect();
        let mut s: String = values
            .iter()
            .map(|v| ALPHABET[*v as usize] as char)
            .collect();
        s.push(ALPHABET[check_value(&values) as usize] as char);
        Code(s)
    }

    /// A new random code.
    pub fn generate() -> Self {
        Self::from_random(rand::random())
    }

    /// Parses what a person typed: case, spaces and hyphens do not matter; O reads as 0 and
    /// I or L as 1.
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        let raw: Vec<u8> = input
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'-' | b'\t'))
            .collect();
        if raw.is_empty() {
            return Err(CodeError::Empty);
        }
        if raw.len() != RANDOM_LEN + 1 {
            return Err(CodeError::Length);
        }
        let values = raw
            .iter()
            .map(|b| value(*b))
            .collect::<Option<Vec<u32>>>()
            .ok_or(CodeError::Character)?;
        let (body, check) = values.split_at(RANDOM_LEN);
        if check_value(body) != check[0] {
            return Err(CodeError::Check);
        }
        Ok(Code(
            values
                .iter()
                .map(|v| ALPHABET[*v as usize] as char)
                .collect(),
        ))
    }

    /// The code as stored (11 symbols, no separators).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Shown grouped for reading: `ABCD-EFGH-JKM`.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.0;
        write!(f, "{}-{}-{}", &s[0..4], &s[4..8], &s[8..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_parse_back_in_every_written_form() {
        for i in 0..200u8 {
            let seed = [i, i.wrapping_mul(7), 3, 200, i ^ 0x55, 9, 31, 0, 255, i];
            let code = Code::from_random(seed);
            assert_eq!(code.as_str().len(), 11);
            assert_eq!(Code::parse(code.as_str()), Ok(code.clone()));
            assert_eq!(Code::parse(&code.to_string()), Ok(code.clone()));
            assert_eq!(
                Code::parse(&code.to_string().to_lowercase()),
                Ok(code.clone())
            );
        }
    }

    #[test]
    fn every_single_symbol_error_is_caught() {
        let code = Code::from_random([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        let s: Vec<u8> = code.as_str().bytes().collect();
        for pos in 0..s.len() {
            for &a in ALPHABET.iter() {
                if a == s[pos] {
                    continue;
                }
                let mut t = s.clone();
                t[pos] = a;
                let typed = String::from_utf8(t).unwrap();
                assert_eq!(Code::parse(&typed), Err(CodeError::Check), "{typed}");
            }
        }
    }

    #[test]
    fn most_adjacent_swaps_are_caught() {
        let mut caught = 0;
        let mut total = 0;
        for i in 0..50u8 {
            let code = Code::from_random([i, 17, i ^ 3, 9, 30, i, 2, 11, 5, 21]);
            let s: Vec<u8> = code.as_str().bytes().collect();
            for pos in 0..s.len() - 1 {
                if s[pos] == s[pos + 1] {
                    continue;
                }
                let mut t = s.clone();
                t.swap(pos, pos + 1);
                total += 1;
                if Code::parse(std::str::from_utf8(&t).unwrap()).is_err() {
                    caught += 1;
                }
            }
        }
        assert!(caught * 100 >= total * 90, "{caught}/{total}");
    }

    #[test]
    fn confusable_letters_are_folded() {
        let code = Code::from_random([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
        assert!(code.as_str().starts_with("0101010101"));
        let typed = format!("OIOL0101 01{}", &code.as_str()[10..]);
        assert_eq!(Code::parse(&typed), Ok(code));
    }

    #[test]
    fn malformed_input_is_refused_with_its_reason() {
        assert_eq!(Code::parse(" - "), Err(CodeError::Empty));
        assert_eq!(Code::parse("ABC"), Err(CodeError::Length));
        assert_eq!(Code::parse("ABCDEFGHJKU"), Err(CodeError::Character));
        assert_eq!(Code::parse("ABCDEFGHJK!"), Err(CodeError::Character));
        assert_eq!(Code::parse("<script>x</"), Err(CodeError::Character));
    }

    #[test]
    fn random_codes_differ() {
        let a = Code::generate();
        let b = Code::generate();
        assert_ne!(a, b);
    }
}
