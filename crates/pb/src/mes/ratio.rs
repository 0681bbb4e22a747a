//! Exact rational numbers for the money of Equal Shares.
//!
//! Budgets and prices in MES are fractions whose denominators grow with every purchase
//! (a price is a remainder divided by a number of supporters). Most of them fit in 128 bits,
//! so the fast path is a reduced `i128` fraction compared with a 256-bit cross product; any
//! operation that would overflow switches transparently to an arbitrary-precision fraction.
//! No floating point is used anywhere.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// An exact rational number.
#[derive(Clone, Debug)]
pub enum Q {
    /// `num / den`, reduced, `den > 0`.
    Small(i128, i128),
    /// Anything larger.
    Big(Box<BigFrac>),
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// Full 256-bit product of two `u128`, as `(high, low)`.
pub(crate) fn mul_wide(x: u128, y: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (x0, x1) = (x & MASK, x >> 64);
    let (y0, y1) = (y & MASK, y >> 64);
    let p00 = x0 * y0;
    let p01 = x0 * y1;
    let p10 = x1 * y0;
    let p11 = x1 * y1;
    let mid = (p00 >> 64) + (p01 & MASK) + (p10 & MASK);
    let low = (p00 & MASK) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

impl Q {
    /// Zero.
    pub const ZERO: Q = Q::Small(0, 1);

    /// The integer `n`.
    pub fn int(n: i128) -> Q {
        Q::Small(n, 1)
    }

    /// The fraction `num / den` (`den != 0`), reduced.
    pub fn ratio(num: i128, den: i128) -> Q {
        debug_assert!(den != 0);
        Self::small_or_big(num, den)
            .unwrap_or_else(|| Q::from_big(BigFrac::new(BigInt::from(num), BigInt::from(den))))
    }

    fn small_or_big(num: i128, den: i128) -> Option<Q> {
        let (mut n, mut d) = (num, den);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        let g = gcd(n.unsigned_abs(), d as u128);
        if g > 1 {
            n /= g as i128;
            d /= g as i128;
        }
        Some(Q::Small(n, d))
    }

    fn from_big(r: BigFrac) -> Q {
        match (r.numer().to_i128(), r.denom().to_i128()) {
            (Some(n), Some(d)) => Q::Small(n, d),
            _ => Q::Big(Box::new(r)),
        }
    }

    fn to_big(&self) -> BigFrac {
        match self {
            Q::Small(n, d) => BigFrac::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Q::Big(b) => (**b).clone(),
        }
    }

    /// The number `num / den` (`den > 0`).
    pub fn from_biguints(num: &BigUint, den: &BigUint) -> Q {
        Q::from_big(BigFrac::new(
            BigInt::from(num.clone()),
            BigInt::from(den.clone()),
        ))
    }

    /// Numerator and denominator of a non-negative number (`None` if negative).
    pub fn to_biguints(&self) -> Option<(BigUint, BigUint)> {
        let r = self.to_big();
        Some((r.numer().to_biguint()?, r.denom().to_biguint()?))
    }

    /// The largest integer `<=` this number, saturated to the `u64` range.
    pub fn floor_u64(&self) -> u64 {
        let r = self.to_big();
        let floor = r.floor();
        if floor.is_negative() {
            0
        } else {
            floor.to_u64().unwrap_or(u64::MAX)
        }
    }

    /// True when the number is 0.
    pub fn is_zero(&self) -> bool {
        match self {
            Q::Small(n, _) => *n == 0,
            Q::Big(b) => b.is_zero(),
        }
    }

    /// True when the number is < 0.
    pub fn is_negative(&self) -> bool {
        match self {
            Q::Small(n, _) => *n < 0,
            Q::Big(b) => b.is_negative(),
        }
    }

    /// `self + other`.
    pub fn add(&self, other: &Q) -> Q {
        if let (Q::Small(a, b), Q::Small(c, d)) = (self, other)
            && let Some(q) = add_small(*a, *b, *c, *d)
        {
            return q;
        }
        Q::from_big(self.to_big() + other.to_big())
    }

    /// `self - other`.
    pub fn sub(&self, other: &Q) -> Q {
        if let (Q::Small(a, b), Q::Small(c, d)) = (self, other)
            && let Some(q) = c.checked_neg().and_then(|nc| add_small(*a, *b, nc, *d))
        {
            return q;
        }
        Q::from_big(self.to_big() - other.to_big())
    }

    /// `self * other`.
    pub fn mul(&self, other: &Q) -> Q {
        if let (Q::Small(a, b), Q::Small(c, d)) = (self, other) {
            // Cross-reduce first so the products stay small.
            let g1 = gcd(a.unsigned_abs(), *d as u128).max(1) as i128;
            let g2 = gcd(c.unsigned_abs(), *b as u128).max(1) as i128;
            let num = (a / g1).checked_mul(c / g2);
            let den = (b / g2).checked_mul(d / g1);
            if let (Some(n), Some(d)) = (num, den) {
                return if n == 0 { Q::ZERO } else { Q::Small(n, d) };
            }
        }
        Q::from_big(self.to_big() * other.to_big())
    }

    /// `self * k` for an integer `k`.
    pub fn mul_int(&self, k: i128) -> Q {
        self.mul(&Q::int(k))
    }

    /// `self / other` (`other != 0`).
    pub fn div(&self, other: &Q) -> Q {
        debug_assert!(!other.is_zero());
        let inv = match other {
            Q::Small(c, d) => {
                if *c < 0 {
                    match (d.checked_neg(), c.checked_neg()) {
                        (Some(nd), Some(nc)) => Q::Small(nd, nc),
                        _ => Q::from_big(other.to_big().recip()),
                    }
                } else {
                    Q::Small(*d, *c)
                }
            }
            Q::Big(b) => Q::from_big(b.recip()),
        };
        self.mul(&inv)
    }

    /// `self / k` for a positive integer `k`.
    pub fn div_int(&self, k: i128) -> Q {
        self.div(&Q::int(k))
    }

    /// The smaller of two numbers (a clone).
    pub fn min_of(&self, other: &Q) -> Q {
        if self <= other {
            self.clone()
        } else {
            other.clone()
        }
    }

    /// Exact text `n/d` (or `n` for integers).
    pub fn to_exact_string(&self) -> String {
        match self {
            Q::Small(n, 1) => n.to_string(),
            Q::Small(n, d) => format!("{n}/{d}"),
            Q::Big(b) => b.to_string(),
        }
    }

    /// Decimal text rounded towards zero to `digits` places, for display only.
    pub fn to_decimal_string(&self, digits: u32) -> String {
        let r = self.to_big();
        let scale = BigInt::from(10u32).pow(digits);
        let scaled = (r.numer() * &scale) / r.denom();
        let neg = scaled.is_negative() || (r.is_negative() && scaled.is_zero());
        let abs = scaled.abs().to_string();
        let digits = digits as usize;
        let padded = if abs.len() <= digits {
            format!("{}{abs}", "0".repeat(digits + 1 - abs.len()))
        } else {
            abs
        };
        let (int, frac) = padded.split_at(padded.len() - digits);
        let sign = if neg { "-" } else { "" };
        if digits == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    }
}

/// An arbitrary-precision fraction, reduced, with a positive denominator.
#[derive(Clone, Debug)]
pub struct BigFrac {
    num: BigInt,
    den: BigInt,
}

impl BigFrac {
    fn new(num: BigInt, den: BigInt) -> BigFrac {
        let (num, den) = if den.is_negative() {
            (-num, -den)
        } else {
            (num, den)
        };
        let g = num.gcd(&den);
        if g.is_zero() || g == BigInt::from(1u8) {
            return BigFrac { num, den };
        }
        BigFrac {
            num: num / &g,
            den: den / &g,
        }
    }

    fn new_raw(num: BigInt, den: BigInt) -> BigFrac {
        BigFrac { num, den }
    }

    fn numer(&self) -> &BigInt {
        &self.num
    }

    fn denom(&self) -> &BigInt {
        &self.den
    }

    fn is_zero(&self) -> bool {
        self.num.is_zero()
    }

    fn is_negative(&self) -> bool {
        self.num.is_negative()
    }

    fn recip(&self) -> BigFrac {
        BigFrac::new(self.den.clone(), self.num.clone())
    }

    fn floor(&self) -> BigInt {
        self.num.div_floor(&self.den)
    }
}

impl std::ops::Add for BigFrac {
    type Output = BigFrac;
    fn add(self, o: BigFrac) -> BigFrac {
        BigFrac::new(&self.num * &o.den + &o.num * &self.den, self.den * o.den)
    }
}

impl std::ops::Sub for BigFrac {
    type Output = BigFrac;
    fn sub(self, o: BigFrac) -> BigFrac {
        BigFrac::new(&self.num * &o.den - &o.num * &self.den, self.den * o.den)
    }
}

impl std::ops::Mul for BigFrac {
    type Output = BigFrac;
    fn mul(self, o: BigFrac) -> BigFrac {
        BigFrac::new(self.num * o.num, self.den * o.den)
    }
}

impl PartialEq for BigFrac {
    fn eq(&self, o: &BigFrac) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for BigFrac {}

impl PartialOrd for BigFrac {
    fn partial_cmp(&self, o: &BigFrac) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for BigFrac {
    fn cmp(&self, o: &BigFrac) -> Ordering {
        (&self.num * &o.den).cmp(&(&o.num * &self.den))
    }
}

impl fmt::Display for BigFrac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == BigInt::from(1u8) {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

fn add_small(a: i128, b: i128, c: i128, d: i128) -> Option<Q> {
    let g = gcd(b as u128, d as u128) as i128;
    let (bg, dg) = (b / g, d / g);
    let num = a.checked_mul(dg)?.checked_add(c.checked_mul(bg)?)?;
    let den = bg.checked_mul(d)?;
    Q::small_or_big(num, den)
}

fn cmp_small(a: i128, b: i128, c: i128, d: i128) -> Ordering {
    // a/b ? c/d with b, d > 0  <=>  a*d ? c*b
    let (sa, sc) = (a.signum(), c.signum());
    if sa != sc {
        return sa.cmp(&sc);
    }
    if sa == 0 {
        return Ordering::Equal;
    }
    let left = mul_wide(a.unsigned_abs(), d as u128);
    let right = mul_wide(c.unsigned_abs(), b as u128);
    let mag = left.cmp(&right);
    if sa > 0 { mag } else { mag.reverse() }
}

impl PartialEq for Q {
    fn eq(&self, other: &Q) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Q {}

impl PartialOrd for Q {
    fn partial_cmp(&self, other: &Q) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Q {
    fn cmp(&self, other: &Q) -> Ordering {
        match (self, other) {
            (Q::Small(a, b), Q::Small(c, d)) => cmp_small(*a, *b, *c, *d),
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl fmt::Display for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_exact_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_is_exact() {
        let third = Q::ratio(1, 3);
        let sixth = Q::ratio(1, 6);
        assert_eq!(third.add(&sixth), Q::ratio(1, 2));
        assert_eq!(third.sub(&sixth), sixth);
        assert_eq!(third.mul(&Q::ratio(3, 7)), Q::ratio(1, 7));
        assert_eq!(third.div(&sixth), Q::int(2));
        assert!(Q::ratio(-1, 3) < Q::ratio(-1, 4));
        assert!(Q::ratio(2, 3) > Q::ratio(3, 5));
    }

    #[test]
    fn overflow_falls_back_to_big_and_back() {
        let huge = Q::ratio(i128::MAX / 2, 1);
        let sum = huge.add(&huge).add(&huge);
        assert!(matches!(sum, Q::Big(_)));
        let back = sum.sub(&huge).sub(&huge);
        assert_eq!(back, huge);
        assert!(matches!(back, Q::Small(..)));
        let tiny = Q::ratio(1, i128::MAX - 1).mul(&Q::ratio(1, i128::MAX - 2));
        assert!(tiny > Q::ZERO);
        assert!(tiny < Q::ratio(1, i128::MAX));
    }

    #[test]
    fn wide_comparison_is_exact() {
        let a = Q::ratio(i128::MAX - 1, i128::MAX - 2);
        let b = Q::ratio(i128::MAX - 2, i128::MAX - 3);
        assert!(a < b);
        assert_eq!(a.cmp(&a.clone()), Ordering::Equal);
    }

    #[test]
    fn decimal_display_truncates() {
        assert_eq!(Q::ratio(2, 3).to_decimal_string(3), "0.666");
        assert_eq!(Q::ratio(-5, 2).to_decimal_string(2), "-2.50");
        assert_eq!(Q::int(7).to_decimal_string(0), "7");
    }
}
