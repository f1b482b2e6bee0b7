//! Exact US dollar amounts: whole nanos in an `i128`, never floating point.

use std::iter::Sum;
use std::ops::{Add, Neg, Sub};

pub const NANOS_PER_UNIT: i128 = 1_000_000_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    nanos: i128,
}

impl Money {
    pub const ZERO: Money = Money { nanos: 0 };

    pub const fn from_units(units: i64) -> Money {
        Money {
            nanos: units as i128 * NANOS_PER_UNIT,
        }
    }

    /// From `google.type.Money` parts; the caller has checked their signs agree.
    pub const fn from_parts(units: i64, nanos: i32) -> Money {
        Money {
            nanos: units as i128 * NANOS_PER_UNIT + nanos as i128,
        }
    }

    pub const fn total_nanos(self) -> i128 {
        self.nanos
    }

    /// Back to `google.type.Money` parts (same sign), saturating at the
    /// range of `units` for sums that no real submission reaches.
    pub fn to_parts(self) -> (i64, i32) {
        // Amounts that fit 64 bits (below ~US$9 billion) divide there: a
        // 128-bit division is a library call.
        if let Ok(nanos) = i64::try_from(self.nanos) {
            const PER_UNIT: i64 = NANOS_PER_UNIT as i64;
            return (nanos / PER_UNIT, (nanos % PER_UNIT) as i32);
        }
        let units = self.nanos / NANOS_PER_UNIT;
        let nanos = (self.nanos % NANOS_PER_UNIT) as i32;
        match i64::try_from(units) {
            Ok(units) => (units, nanos),
            Err(_) if units > 0 => (i64::MAX, 999_999_999),
            Err(_) => (i64::MIN, -999_999_999),
        }
    }

    pub fn is_zero(self) -> bool {
        self.nanos == 0
    }

    pub fn is_negative(self) -> bool {
        self.nanos < 0
    }

    /// The amount without its sign (a credit's size).
    pub fn abs(self) -> Money {
        if self.is_negative() {
            -self
        } else {
            self
        }
    }

    /// `self - other`, or zero when `other` already covers `self`.
    pub fn shortfall_from(self, other: Money) -> Money {
        if other >= self {
            Money::ZERO
        } else {
            self - other
        }
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money {
            nanos: self.nanos.saturating_add(rhs.nanos),
        }
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money {
            nanos: self.nanos.saturating_sub(rhs.nanos),
        }
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money { nanos: -self.nanos }
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip_with_sign() {
        let m = Money::from_parts(-1, -750_000_000);
        assert_eq!(m.to_parts(), (-1, -750_000_000));
        assert_eq!(Money::from_parts(0, -5).to_parts(), (0, -5));
        let sum = Money::from_parts(1, 500_000_000) + Money::from_parts(-3, 0);
        assert_eq!(sum.to_parts(), (-1, -500_000_000));
    }

    #[test]
    fn parts_are_the_same_on_both_sides_of_64_bits() {
        let edge = i128::from(i64::MAX);
        for nanos in [
            edge,
            edge + 1,
            -edge - 1,
            -edge - 2,
            123_456_789_012_345_678,
            -7,
        ] {
            let parts = (
                i64::try_from(nanos / NANOS_PER_UNIT).expect("in range"),
                (nanos % NANOS_PER_UNIT) as i32,
            );
            assert_eq!(Money { nanos }.to_parts(), parts, "{nanos}");
        }
    }

    #[test]
    fn exact_cents_do_not_drift() {
        let dime = Money::from_parts(0, 100_000_000);
        let total: Money = std::iter::repeat_n(dime, 10).sum();
        assert_eq!(total, Money::from_units(1));
    }

    #[test]
    fn huge_sums_saturate_instead_of_wrapping() {
        let big = Money::from_units(i64::MAX);
        assert_eq!((big + big).to_parts(), (i64::MAX, 999_999_999));
    }

    #[test]
    fn shortfall() {
        let t = Money::from_units(100);
        assert_eq!(
            t.shortfall_from(Money::from_units(40)),
            Money::from_units(60)
        );
        assert_eq!(t.shortfall_from(Money::from_units(100)), Money::ZERO);
        assert_eq!(t.shortfall_from(Money::from_units(140)), Money::ZERO);
    }
}
