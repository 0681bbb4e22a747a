//! Exact comparisons of fractions of large integers.

use std::cmp::Ordering;

use num_bigint::BigUint;

/// Compares `a/b` with `c/d` (b, d > 0) exactly: in u128 when the products fit, otherwise
/// with big integers.
pub(crate) fn cmp_fractions(a: u128, b: u64, c: u128, d: u64) -> Ordering {
    match (a.checked_mul(u128::from(d)), c.checked_mul(u128::from(b))) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => (BigUint::from(a) * BigUint::from(d)).cmp(&(BigUint::from(c) * BigUint::from(b))),
    }
}

/// `floor(a * b / c)` (c > 0), exactly, saturating at `u128::MAX`.
pub(crate) fn mul_div_floor(a: u128, b: u128, c: u128) -> u128 {
    match a.checked_mul(b) {
        Some(x) => x / c,
        None => {
            let q = BigUint::from(a) * BigUint::from(b) / BigUint::from(c);
            u128::try_from(q).unwrap_or(u128::MAX)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_ratios_compare_exactly() {
        assert_eq!(
            cmp_fractions(u128::MAX, 3, u128::MAX - 1, 3),
            Ordering::Greater
        );
        assert_eq!(
            cmp_fractions(u128::MAX, u64::MAX, u128::MAX, u64::MAX),
            Ordering::Equal
        );
        assert_eq!(cmp_fractions(1, 3, 2, 6), Ordering::Equal);
    }

    #[test]
    fn mul_div_is_exact() {
        assert_eq!(mul_div_floor(7, 3, 2), 10);
        assert_eq!(mul_div_floor(u128::MAX, 2, 4), u128::MAX / 2);
    }
}
