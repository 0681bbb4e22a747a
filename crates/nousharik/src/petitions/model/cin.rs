//! The national identity card (CIN) number: parsing, keyed hashing and encryption.
//!
//! Law 09-08 (LEGAL.md §4): a CIN number is never stored in clear. Duplicate detection uses a
//! keyed hash (HMAC-SHA256 with a key derived from the platform secret, bound to the petition
//! so that hashes cannot be linked across petitions); the clear value exists only encrypted, for
//! the signature list handed to the council, and is deleted after the retention period.

use chacha20poly1305::aead::{Aead, AeadCore, Generate, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A well-formed CIN number: one or two Latin capital letters then 1 to 6 digits (e.g.
/// `AB123456`, `K45123`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cin(String);

/// Why a CIN number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CinError {
    /// Nothing was typed.
    #[error("the CIN number is empty")]
    Empty,
    /// It does not have the Moroccan shape.
    #[error("a CIN number is 1 or 2 letters followed by 1 to 6 digits")]
    Format,
}

impl Cin {
    /// Parses a CIN number as a person types it: spaces, dots and dashes are ignored, letters
    /// are upper-cased, and Arabic-Indic digits become Latin digits.
    pub fn parse(input: &str) -> Result<Cin, CinError> {
        let mut out = String::with_capacity(8);
        for ch in input.chars() {
            if ch.is_whitespace() || matches!(ch, '-' | '.' | '_' | '/') {
                continue;
            }
            match ch {
                'a'..='z' | 'A'..='Z' => out.push(ch.to_ascii_uppercase()),
                '0'..='9' => out.push(ch),
                '\u{0660}'..='\u{0669}' => out.push(shift_digit(ch, '\u{0660}')),
                '\u{06F0}'..='\u{06F9}' => out.push(shift_digit(ch, '\u{06F0}')),
                _ => return Err(CinError::Format),
            }
            if out.len() > 8 {
                return Err(CinError::Format);
            }
        }
        if out.is_empty() {
            return Err(CinError::Empty);
        }
        let letters = out.chars().take_while(char::is_ascii_uppercase).count();
        let digits = out.len() - letters;
        let tail_is_digits = out[letters..].chars().all(|c| c.is_ascii_digit());
        if !(1..=2).contains(&letters) || !(1..=6).contains(&digits) || !tail_is_digits {
            return Err(CinError::Format);
        }
        Ok(Cin(out))
    }

    /// The normalised number.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with all but its letters and last two digits hidden, for display.
    pub fn masked(&self) -> String {
        let n = self.0.len();
        self.0
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if c.is_ascii_digit() && i + 2 < n {
                    '•'
                } else {
                    c
                }
            })
            .collect()
    }
}

impl std::fmt::Debug for Cin {
    // Never print a CIN number in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cin({})", self.masked())
    }
}

fn shift_digit(ch: char, zero: char) -> char {
    char::from(b'0' + (u32::from(ch) - u32::from(zero)) as u8)
}

type HmacSha256 = Hmac<Sha256>;

/// Derives a 32-byte sub-key for `purpose` from the platform secret (HMAC-SHA256 as a PRF; the
/// platform secret is random, so one extraction step is enough).
pub fn derive_key(secret: &[u8], purpose: &str) -> [u8; 32] {
    // HMAC accepts keys of any length: new_from_slice cannot fail.
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(b"nousharik/");
    mac.update(purpose.as_bytes());
    mac.finalize().into_bytes().into()
}

/// The keys the petition module derives from the platform secret.
#[derive(Clone)]
pub struct CinKeys {
    hash_key: [u8; 32],
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for CinKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CinKeys(..)")
    }
}

/// The encrypted CIN could not be decrypted (wrong key, or the data was altered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the encrypted CIN number cannot be decrypted")]
pub struct DecryptError;

impl CinKeys {
    /// Derives both keys from the platform secret.
    pub fn from_secret(secret: &[u8]) -> Self {
        let enc = derive_key(secret, "petitions/cin-encryption/v1");
        Self {
            hash_key: derive_key(secret, "petitions/cin-hash/v1"),
            cipher: XChaCha20Poly1305::new(&enc.into()),
        }
    }

    /// Keyed hash of a CIN number for one petition (hex, 64 characters). Two signatures of the
    /// same petition with the same CIN have the same hash; hashes of different petitions cannot
    /// be compared.
    pub fn hash(&self, petition_id: i64, cin: &Cin) -> String {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.hash_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(&petition_id.to_be_bytes());
        mac.update(cin.as_str().as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Encrypts a CIN number for the council's list: a random 24-byte nonce followed by the
    /// ciphertext; the petition id is authenticated so a value cannot be moved to another
    /// petition.
    pub fn encrypt(&self, petition_id: i64, cin: &Cin) -> Vec<u8> {
        let nonce = XNonce::generate();
        let aad = petition_id.to_be_bytes();
        let payload = Payload {
            msg: cin.as_str().as_bytes(),
            aad: &aad,
        };
        // Encryption only fails for messages longer than 256 GiB; a CIN has at most 8 bytes.
        let sealed = self
            .cipher
            .encrypt(&nonce, payload)
            .unwrap_or_else(|_| unreachable!("a CIN number is short"));
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypts what [`CinKeys::encrypt`] produced for the same petition.
    pub fn decrypt(&self, petition_id: i64, data: &[u8]) -> Result<Cin, DecryptError> {
        let nonce_len = <XChaCha20Poly1305 as AeadCore>::NonceSize::USIZE;
        if data.len() <= nonce_len {
            return Err(DecryptError);
        }
        let (nonce, sealed) = data.split_at(nonce_len);
        let nonce = XNonce::try_from(nonce).map_err(|_| DecryptError)?;
        let aad = petition_id.to_be_bytes();
        let clear = self
            .cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: sealed,
                    aad: &aad,
                },
            )
            .map_err(|_| DecryptError)?;
        let text = String::from_utf8(clear).map_err(|_| DecryptError)?;
        Cin::parse(&text).map_err(|_| DecryptError)
    }
}

use chacha20poly1305::aead::array::typenum::Unsigned;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_normalises() {
        assert_eq!(Cin::parse("AB123456").unwrap().as_str(), "AB123456");
        assert_eq!(Cin::parse(" ab 123-456 ").unwrap().as_str(), "AB123456");
        assert_eq!(Cin::parse("k45123").unwrap().as_str(), "K45123");
        assert_eq!(Cin::parse("BK١٢٣٤٥٦").unwrap().as_str(), "BK123456");
        assert_eq!(Cin::parse("J۷۸۹").unwrap().as_str(), "J789");
    }

    #[test]
    fn refuses_malformed() {
        assert_eq!(Cin::parse(""), Err(CinError::Empty));
        assert_eq!(Cin::parse("  - "), Err(CinError::Empty));
        for bad in [
            "123456",
            "ABC123",
            "AB",
            "AB1234567",
            "A1B2",
            "AB12345X",
            "É12345",
            "AB'1;--",
            "<script>",
        ] {
            assert_eq!(Cin::parse(bad), Err(CinError::Format), "{bad}");
        }
        assert_eq!(Cin::parse(&"A1".repeat(1000)), Err(CinError::Format));
    }

    #[test]
    fn masks_and_never_debugs_clear() {
        let cin = Cin::parse("AB123456").unwrap();
        assert_eq!(cin.masked(), "AB••••56");
        assert!(!format!("{cin:?}").contains("1234"));
    }

    #[test]
    fn hash_is_keyed_and_per_petition() {
        let keys = CinKeys::from_secret(b"secret one");
        let other = CinKeys::from_secret(b"secret two");
        let a = Cin::parse("AB123456").unwrap();
        let b = Cin::parse("ab 123456").unwrap();
        assert_eq!(keys.hash(1, &a), keys.hash(1, &b));
        assert_eq!(keys.hash(1, &a).len(), 64);
        assert_ne!(keys.hash(1, &a), keys.hash(2, &a));
        assert_ne!(keys.hash(1, &a), other.hash(1, &a));
        assert_ne!(
            keys.hash(1, &a),
            keys.hash(1, &Cin::parse("AB123457").unwrap())
        );
    }

    #[test]
    fn encryption_round_trip_and_binding() {
        let keys = CinKeys::from_secret(b"platform secret");
        let cin = Cin::parse("K45123").unwrap();
        let sealed = keys.encrypt(9, &cin);
        assert!(!sealed.windows(6).any(|w| w == b"K45123"));
        assert_ne!(sealed, keys.encrypt(9, &cin), "nonces are random");
        assert_eq!(keys.decrypt(9, &sealed), Ok(cin.clone()));
        assert_eq!(keys.decrypt(10, &sealed), Err(DecryptError));
        assert_eq!(
            CinKeys::from_secret(b"other").decrypt(9, &sealed),
            Err(DecryptError)
        );
        let mut altered = sealed.clone();
        let last = altered.len() - 1;
        altered[last] ^= 1;
        assert_eq!(keys.decrypt(9, &altered), Err(DecryptError));
        assert_eq!(keys.decrypt(9, &sealed[..10]), Err(DecryptError));
    }

    proptest! {
        #[test]
        fn valid_shapes_parse_and_normalise_idempotently(letters in "[A-Za-z]{1,2}", digits in "[0-9]{1,6}") {
            let cin = Cin::parse(&format!("{letters} {digits}")).unwrap();
            prop_assert_eq!(Cin::parse(cin.as_str()).unwrap(), cin.clone());
            prop_assert_eq!(cin.as_str(), format!("{}{}", letters.to_uppercase(), digits));
        }

        #[test]
        fn parse_never_panics(s in ".{0,40}") {
            let _ = Cin::parse(&s);
        }
    }
}
