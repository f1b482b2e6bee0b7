//! ICU4X number formatting plugged into Fluent as the bundles' formatter.

use fixed_decimal::{Decimal, UnsignedDecimal};
use fluent::FluentValue;
use icu_decimal::DecimalFormatter;
use intl_memoizer::{concurrent::IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

/// A CLDR decimal formatter for one locale, cached by Fluent's memoizer.
struct IcuDecimal(DecimalFormatter);

impl Memoizable for IcuDecimal {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale: icu_locale_core::Locale = lang.to_string().parse().map_err(|_| ())?;
        DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(IcuDecimal)
            .map_err(|_| ())
    }
}

/// Formats whole numbers with the locale's grouping (`1,234` / `1 234`), a
/// negative one with the minus sign U+2212 (`−5`), as money is written;
/// anything else falls back to Fluent's own formatting.
pub(super) fn format_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let v = number.value;
    if !v.is_finite() || v.fract() != 0.0 || v.abs() > 9_007_199_254_740_992.0 {
        return None;
    }
    let decimal = Decimal::from((v as i64).unsigned_abs());
    let digits = intls
        .with_try_get::<IcuDecimal, _, _>((), |f| f.0.format_to_string(&decimal))
        .ok()?;
    Some(if v < 0.0 {
        format!("\u{2212}{digits}")
    } else {
        digits
    })
}

/// `nanos` billionths as an exact decimal: cents when there are any, more
/// digits only for sub-cent amounts. The amount is counted in the coarsest
/// unit that keeps every digit (units, cents or nanos) and converted once.
pub(super) fn exact_decimal(nanos: u128) -> UnsignedDecimal {
    // Amounts below ~US$18 billion divide in 64 bits (a multiplication);
    // 128-bit division is a library call. Counts that fit `u64` also convert
    // far faster than `u128` ones.
    let (count, power) = match u64::try_from(nanos) {
        Ok(n) => {
            let (count, power) = coarsest(n, NANOS_PER_UNIT as u64);
            (u128::from(count), power)
        }
        Err(_) => coarsest(nanos, NANOS_PER_UNIT),
    };
    let decimal = match u64::try_from(count) {
        Ok(count) => UnsignedDecimal::from(count),
        Err(_) => UnsignedDecimal::from(count),
    }
    .multiplied_pow10(power);
    // A count of nanos is not a whole number of cents, so its trimmed digits
    // always reach below the cents: no padding is ever needed.
    if power == -9 {
        decimal.trimmed_end()
    } else {
        decimal
    }
}

/// `nanos` as a count of units (power 0), of cents (-2) or of nanos (-9):
/// the coarsest that is exact.
fn coarsest<T>(nanos: T, per_unit: T) -> (T, i16)
where
    T: Copy + PartialEq + Default + std::ops::Div<Output = T> + std::ops::Rem<Output = T>,
    T: From<u8>,
{
    let per_cent = per_unit / T::from(100);
    if nanos % per_unit == T::default() {
        (nanos / per_unit, 0)
    } else if nanos % per_cent == T::default() {
        (nanos / per_cent, -2)
    } else {
        (nanos, -9)
    }
}

const NANOS_PER_UNIT: u128 = 1_000_000_000;
