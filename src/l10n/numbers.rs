//! ICU4X number formatting plugged into Fluent as the bundles' formatter.

use fixed_decimal::Decimal;
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
