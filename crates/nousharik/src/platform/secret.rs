//! Small cryptographic helpers: random tokens, their stored digests, and keyed MACs.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// A fresh random token: 32 bytes from the operating system's CSPRNG (via rand's thread
/// generator, reseeded from it), as 64 hex characters. Used for session ids, mailed links and
/// CSRF secrets.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    hex::encode(bytes)
}

/// SHA-256 of a token, hex. Tokens are stored only as this digest, so a leaked database copy
/// holds no usable session or link.
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// HMAC-SHA256 over `parts` under `key`, hex. Parts are length-prefixed so that ("ab","c") and
/// ("a","bc") never collide.
pub fn mac_hex(key: &[u8], parts: &[&[u8]]) -> String {
    hex::encode(mac(key, parts).finalize().into_bytes())
}

/// Checks, in constant time, that `tag_hex` is the MAC of `parts` under `key`.
pub fn mac_verify(key: &[u8], parts: &[&[u8]], tag_hex: &str) -> bool {
    match hex::decode(tag_hex) {
        Ok(tag) => mac(key, parts).verify_slice(&tag).is_ok(),
        Err(_) => false,
    }
}

fn mac(key: &[u8], parts: &[&[u8]]) -> HmacSha256 {
    // HMAC is defined for keys of every length; the key is ours (the server secret), never
    // user input.
    #[allow(clippy::expect_used)]
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    for p in parts {
        m.update(&(p.len() as u64).to_be_bytes());
        m.update(p);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hex() {
        let a = random_token();
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, random_token());
    }

    #[test]
    fn digest_is_stable_and_differs_from_token() {
        let t = random_token();
        assert_eq!(token_digest(&t), token_digest(&t));
        assert_ne!(token_digest(&t), t);
        assert_eq!(
            token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn mac_round_trip_and_tamper() {
        let key = b"k".repeat(32);
        let tag = mac_hex(&key, &[b"csrf", b"abc"]);
        assert!(mac_verify(&key, &[b"csrf", b"abc"], &tag));
        assert!(!mac_verify(&key, &[b"csrf", b"abd"], &tag));
        assert!(!mac_verify(b"other key", &[b"csrf", b"abc"], &tag));
        assert!(!mac_verify(&key, &[b"csr", b"fabc"], &tag));
        assert!(!mac_verify(&key, &[b"csrf", b"abc"], "zz"));
        assert!(!mac_verify(&key, &[b"csrf", b"abc"], ""));
        assert!(!mac_verify(&key, &[b"csrf", b"abc"], &tag[..62]));
    }
}
