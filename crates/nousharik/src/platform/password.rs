//! Password hashing: argon2id with the crate's default parameters (RFC 9106 / OWASP: 19 MiB,
//! 2 passes, 1 lane), stored as a PHC string that carries its own parameters, so they can be
//! raised later without breaking existing hashes.
//!
//! Hashing costs tens of milliseconds of CPU on purpose: call these from
//! `tokio::task::spawn_blocking`, never directly on an async worker.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use std::sync::LazyLock;
use thiserror::Error;

/// Hashing failed (the system random generator was unavailable).
#[derive(Debug, Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash(password: &str) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// A hash of a random password, verified against when the account does not exist, so that
/// a log-in for an unknown address takes as long as one for a known address.
static DUMMY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    let mut noise = [0u8; 24];
    rand::fill(&mut noise);
    hash(&hex::encode(noise)).ok()
});

/// Checks `password` against a stored PHC string; with `None` (unknown account, or an account
/// without a password) it spends the same work on a dummy hash and returns false. The
/// comparison itself is constant-time inside the argon2 crate.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    match stored {
        Some(phc) => check(password, phc),
        None => {
            if let Some(dummy) = DUMMY_HASH.as_deref() {
                check(password, dummy);
            }
            false
        }
    }
}

fn check(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Warms the dummy hash at start-up, so the first log-in for an unknown address is not the
/// one slow request that gives it away.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_verify() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$"));
        assert!(verify("correct horse battery", Some(&h)));
        assert!(!verify("correct horse batterY", Some(&h)));
        assert!(!verify("", Some(&h)));
        // Salted: the same password hashes differently each time.
        assert_ne!(h, hash("correct horse battery").unwrap());
    }

    #[test]
    fn unknown_account_and_garbage_never_verify() {
        assert!(!verify("anything at all", None));
        assert!(!verify("anything at all", Some("not a phc string")));
        assert!(!verify("anything at all", Some("")));
    }

    #[test]
    fn dummy_verification_costs_about_as_much_as_a_real_one() {
        let h = hash("a real password").unwrap();
        warm_up();
        let time = |f: &dyn Fn() -> bool| {
            let start = std::time::Instant::now();
            for _ in 0..3 {
                f();
            }
            start.elapsed().as_secs_f64()
        };
        let real = time(&|| verify("wrong guess!", Some(&h)));
        let dummy = time(&|| verify("wrong guess!", None));
        // Same algorithm and parameters: within a factor of 3 even on a busy machine.
        assert!(
            dummy > real / 3.0 && dummy < real * 3.0,
            "{real} vs {dummy}"
        );
    }
}
