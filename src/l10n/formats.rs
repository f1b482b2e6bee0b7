//! The messages of `locales/*/formats.ftl`, one typed struct each (as in
//! fluent-rs's `typesafe_messages` example): `money`, rendered through its
//! template with the same names, and `date`.

use fluent::FluentArgs;
use icu_plurals::PluralCategory;

use super::Message;
use crate::rules::Date;

/// `$sign` of `money`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MoneySign {
    Negative,
    Positive,
}

impl MoneySign {
    pub(super) const KEYS: [&'static str; 2] = ["negative", "positive"];

    fn key(self) -> &'static str {
        match self {
            MoneySign::Negative => "negative",
            MoneySign::Positive => "positive",
        }
    }
}

/// `$case` of `money`: the grammatical case the amount stands in. The
/// nominative also serves the accusative (ru: «составляет 21 доллар США»,
/// «на сумму 21 доллар США»); the genitive follows «до», «не менее», «в
/// размере» (ru: «до 21 доллара США»). English has one form for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MoneyCase {
    Nominative,
    Genitive,
}

impl MoneyCase {
    pub(super) const KEYS: [&'static str; 2] = ["nominative", "genitive"];

    fn key(self) -> &'static str {
        match self {
            MoneyCase::Nominative => "nominative",
            MoneyCase::Genitive => "genitive",
        }
    }
}

/// `$plural` of `money`: every CLDR plural category.
pub(super) const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn plural_key(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// `money`: `$amount` (the number without its sign, formatted by ICU4X),
/// `$plural` (its CLDR category), `$sign`, `$case`. Rendered through its template
/// (`Localizer::money`), which takes the same names.
pub(super) struct MoneyMessage<'a> {
    pub(super) amount: &'a str,
    pub(super) plural: PluralCategory,
    pub(super) sign: MoneySign,
    pub(super) case: MoneyCase,
}

impl MoneyMessage<'_> {
    /// The template's selectors, with every value each can take.
    pub(super) const SELECTORS: [(&'static str, &'static [&'static str]); 3] = [
        ("plural", &PLURAL_KEYS),
        ("sign", &MoneySign::KEYS),
        ("case", &MoneyCase::KEYS),
    ];
    /// The template's string arguments.
    pub(super) const SLOTS: [&'static str; 1] = ["amount"];

    /// The selectors' values by name, for the template.
    pub(super) fn selectors(
        plural: PluralCategory,
        sign: MoneySign,
        case: MoneyCase,
    ) -> [(&'static str, &'static str); 3] {
        [
            ("plural", plural_key(plural)),
            ("sign", sign.key()),
            ("case", case.key()),
        ]
    }

    /// The string arguments by name, for the template.
    pub(super) fn slots(&self) -> [(&'static str, &str); 1] {
        [("amount", self.amount)]
    }
}

impl Message for MoneyMessage<'_> {
    fn id(&self) -> &'static str {
        "money"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        for (name, value) in self.slots() {
            args.set(name, value);
        }
        for (name, value) in MoneyMessage::selectors(self.plural, self.sign, self.case) {
            args.set(name, value);
        }
        args
    }
}

/// `$month` of `date`. Identifier keys compare as strings; numeric keys
/// would be parsed as numbers at every selection.
const MONTH_KEYS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `date`: `$year` (a string, so that it is not grouped), `$month` (jan …
/// dec), `$day` (a number).
pub(super) struct DateMessage {
    pub(super) date: Date,
}

impl Message for DateMessage {
    fn id(&self) -> &'static str {
        "date"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("year", self.date.year().to_string());
        args.set(
            "month",
            MONTH_KEYS[usize::from(self.date.month().saturating_sub(1)) % 12],
        );
        args.set("day", self.date.day());
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::check_messages;

    #[test]
    fn every_message_of_formats_ftl_has_one_struct_with_its_variables() {
        let money = MoneyMessage {
            amount: "1",
            plural: PluralCategory::One,
            sign: MoneySign::Positive,
            case: MoneyCase::Genitive,
        };
        let date = DateMessage {
            date: Date::ymd(2017, 7, 7),
        };
        let impls = include_str!("formats.rs")
            .matches(concat!("impl ", "Message for "))
            .count();
        assert_eq!(impls, 2, "a struct is missing from the list");
        check_messages("formats.ftl", &[&money, &date], &[]);
    }
}
