//! Receipt codes: what a voter keeps to find their ballot in the published set, and to
//! replace it while voting is open.
//!
//! A receipt is 15 random symbols of Crockford's base 32 (75 bits), shown as
//! `XXXXX-XXXXX-XXXXX`. Only its SHA-256 is stored with the ballot and published in the
//! ballot file: the code itself exists only on the voter's screen (or printed on the paper
//! ballot). So a copy of the database does not let anyone replace a ballot, and the
//! published set lets a voter check their ballot (the receipt page hashes the code they
//! type; `sha256sum` does the same offline).

use sha2::{Digest, Sha256};

/// Crockford's base-32 alphabet (no I, L, O, U: nothing to confuse when copying by hand).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in a receipt.
pub const LEN: usize = 15;

/// A receipt code, normalised (upper case, no separators).
#[derive(Clone, PartialEq, Eq)]
pub struct Receipt(String);

impl std::fmt::Debug for Receipt {
    // A receipt is a secret until voting closes: keep it out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Receipt(…)")
    }
}

impl Receipt {
    /// A new random receipt.
    pub fn generate() -> Receipt {
        let bytes: [u8; LEN] = rand::random();
        Receipt(
            bytes
                .iter()
                .map(|b| ALPHABET[usize::from(b % 32)] as char)
                .collect(),
        )
    }

    /// Reads what a person typed: case, spaces and hyphens do not matter, and the letters
    /// people confuse are read as Crockford says (O → 0, I and L → 1).
    pub fn parse(raw: &str) -> Option<Receipt> {
        let mut out = String::with_capacity(LEN);
        for c in raw.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{a0}' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return None,
            };
            out.push(c);
        }
        (out.len() == LEN).then_some(Receipt(out))
    }

    /// For display: `XXXXX-XXXXX-XXXXX`.
    pub fn display(&self) -> String {
        let s = &self.0;
        format!("{}-{}-{}", &s[..5], &s[5..10], &s[10..])
    }

    /// What is stored and published: hex SHA-256 of the normalised code.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_receipts_parse_back_and_differ() {
        let a = Receipt::generate();
        let b = Receipt::generate();
        assert_ne!(a, b);
        assert_eq!(Receipt::parse(&a.display()), Some(a.clone()));
        assert_eq!(Receipt::parse(&a.display().to_lowercase()), Some(a.clone()));
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), b.hash());
        assert_eq!(format!("{a:?}"), "Receipt(…)");
    }

    #[test]
    fn typing_mistakes_are_forgiven_and_garbage_refused() {
        let r = Receipt::parse("0123456789ABCDE").unwrap();
        assert_eq!(Receipt::parse("o1234-56789-abcde"), Some(r.clone()));
        assert_eq!(
            Receipt::parse("0I234 56789 ABCDE").unwrap().0,
            "0123456789ABCDE"
        );
        assert_eq!(Receipt::parse("0123456789ABCD"), None);
        assert_eq!(Receipt::parse("0123456789ABCDEF"), None);
        assert_eq!(Receipt::parse("0123456789ABCDU"), None);
        assert_eq!(Receipt::parse("٠١٢٣٤٥٦٧٨٩ABCDE"), None);
        // Same as `echo -n 0123456789ABCDE | sha256sum`.
        assert_eq!(
            r.hash(),
            "fa6b86f30f55fc38d1e98443ab7b6184a2d67acc438329476bade54c634192e5"
        );
    }
}
