//! The messages of `locales/*/errors.ftl`, one typed struct each (as in
//! fluent-rs's `typesafe_messages` example): its id and its arguments by
//! name. Counts are numbers, so that plurals select; dates come formatted
//! in the message's locale; lists are joined here, as the FTL comments say.

use fluent::FluentArgs;

use crate::l10n::Message;

/// `error-invalid-request`: `$count` (the problems), `$problems` (the
/// listed ones, each a sentence, joined with a space), `$more` (how many
/// are not listed).
pub(super) struct InvalidRequest<'a> {
    /// The listed problems' sentences (`Violation::render`), in field order.
    pub(super) problems: &'a [String],
    /// Every problem, listed or not.
    pub(super) count: usize,
}

impl Message for InvalidRequest<'_> {
    fn id(&self) -> &'static str {
        "error-invalid-request"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("count", self.count);
        args.set("problems", self.problems.join(" "));
        args.set("more", self.count.saturating_sub(self.problems.len()));
        args
    }
}

/// `error-unknown-competency`: `$competency`, `$known` (joined with ", "),
/// and the request's other problems: `$count`, `$problems`, `$more`, as
/// `InvalidRequest`.
pub(super) struct UnknownCompetency<'a> {
    pub(super) competency: &'a str,
    pub(super) known: &'a [&'static str],
    pub(super) problems: &'a [String],
    pub(super) count: usize,
}

impl Message for UnknownCompetency<'_> {
    fn id(&self) -> &'static str {
        "error-unknown-competency"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(5);
        args.set("competency", self.competency);
        args.set("known", self.known.join(", "));
        args.set("count", self.count);
        args.set("problems", self.problems.join(" "));
        args.set("more", self.count.saturating_sub(self.problems.len()));
        args
    }
}

/// `error-too-large`: `$count`, `$problems`, as `InvalidRequest`.
pub(super) struct TooLarge<'a> {
    pub(super) problems: &'a [String],
    pub(super) count: usize,
}

impl Message for TooLarge<'_> {
    fn id(&self) -> &'static str {
        "error-too-large"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("count", self.count);
        args.set("problems", self.problems.join(" "));
        args.set("more", self.count.saturating_sub(self.problems.len()));
        args
    }
}

/// `violation-required`: `$field` (the field's path).
pub(super) struct Required<'a> {
    pub(super) field: &'a str,
}

impl Message for Required<'_> {
    fn id(&self) -> &'static str {
        "violation-required"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("field", self.field);
        args
    }
}

/// `violation-enum`: `$field`, `$value` (the unknown enum number).
pub(super) struct UnknownEnum<'a> {
    pub(super) field: &'a str,
    pub(super) value: i32,
}

impl Message for UnknownEnum<'_> {
    fn id(&self) -> &'static str {
        "violation-enum"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("value", self.value);
        args
    }
}

/// `violation-currency`: `$field`, `$value` (the currency code sent).
pub(super) struct Currency<'a> {
    pub(super) field: &'a str,
    pub(super) value: &'a str,
}

impl Message for Currency<'_> {
    fn id(&self) -> &'static str {
        "violation-currency"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("value", self.value);
        args
    }
}

/// `violation-currency-empty`: `$field` (a currency code sent empty).
pub(super) struct CurrencyEmpty<'a> {
    pub(super) field: &'a str,
}

impl Message for CurrencyEmpty<'_> {
    fn id(&self) -> &'static str {
        "violation-currency-empty"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("field", self.field);
        args
    }
}

/// `violation-nanos-range`: `$field`, `$value` (the nanos sent, a number).
pub(super) struct NanosRange<'a> {
    pub(super) field: &'a str,
    pub(super) value: i32,
}

impl Message for NanosRange<'_> {
    fn id(&self) -> &'static str {
        "violation-nanos-range"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("value", self.value);
        args
    }
}

/// `violation-units-range`: `$field`, `$value` (the units sent, grouped as
/// the locale groups digits: `Localizer::integer`, exact for every `i64`).
pub(super) struct UnitsRange<'a> {
    pub(super) field: &'a str,
    pub(super) value: &'a str,
}

impl Message for UnitsRange<'_> {
    fn id(&self) -> &'static str {
        "violation-units-range"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("value", self.value);
        args
    }
}

/// `violation-nanos-sign`: `$field`.
pub(super) struct NanosSign<'a> {
    pub(super) field: &'a str,
    /// The path of the amount's `units` field.
    pub(super) units: &'a str,
}

impl Message for NanosSign<'_> {
    fn id(&self) -> &'static str {
        "violation-nanos-sign"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("units", self.units);
        args
    }
}

/// `violation-date`: `$field`, `$value` (the date as sent, year-month-day).
pub(super) struct InvalidDate<'a> {
    pub(super) field: &'a str,
    pub(super) value: &'a str,
}

impl Message for InvalidDate<'_> {
    fn id(&self) -> &'static str {
        "violation-date"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("value", self.value);
        args
    }
}

/// `violation-as-of-range`: `$field`, `$value` (the date sent), `$first`
/// and `$last` (the dates accepted), each formatted in the locale.
pub(super) struct AsOfRange<'a> {
    pub(super) field: &'a str,
    pub(super) value: String,
    pub(super) first: String,
    pub(super) last: String,
}

impl Message for AsOfRange<'_> {
    fn id(&self) -> &'static str {
        "violation-as-of-range"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("field", self.field);
        args.set("value", self.value.as_str());
        args.set("first", self.first.as_str());
        args.set("last", self.last.as_str());
        args
    }
}

/// `violation-duplicate-id`: `$field`, `$value` (the id), `$first_field`
/// (the path of the id that used it first: a path, never a number, so that
/// no digit grouping reaches it).
pub(super) struct DuplicateId<'a> {
    pub(super) field: &'a str,
    pub(super) value: &'a str,
    pub(super) first_field: &'a str,
}

impl Message for DuplicateId<'_> {
    fn id(&self) -> &'static str {
        "violation-duplicate-id"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("field", self.field);
        args.set("value", self.value);
        args.set("first_field", self.first_field);
        args
    }
}

/// `violation-blank`: `$field`.
pub(super) struct Blank<'a> {
    pub(super) field: &'a str,
}

impl Message for Blank<'_> {
    fn id(&self) -> &'static str {
        "violation-blank"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("field", self.field);
        args
    }
}

/// `violation-locale`: `$field`, `$value` (the tag sent).
pub(super) struct MalformedLocale<'a> {
    pub(super) field: &'a str,
    pub(super) value: &'a str,
}

impl Message for MalformedLocale<'_> {
    fn id(&self) -> &'static str {
        "violation-locale"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("field", self.field);
        args.set("value", self.value);
        args
    }
}

/// `violation-edition`: `$field`, `$value` (the edition sent), `$known`
/// (the known editions, joined with ", ").
pub(super) struct UnknownEdition<'a> {
    pub(super) field: &'a str,
    pub(super) value: &'a str,
    pub(super) known: &'a [&'static str],
}

impl Message for UnknownEdition<'_> {
    fn id(&self) -> &'static str {
        "violation-edition"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("field", self.field);
        args.set("value", self.value);
        args.set("known", self.known.join(", "));
        args
    }
}

/// `violation-too-many`: `$field`, `$count` (entries sent), `$limit`
/// (entries allowed), both numbers.
pub(super) struct TooMany<'a> {
    pub(super) field: &'a str,
    pub(super) count: usize,
    pub(super) limit: usize,
}

impl Message for TooMany<'_> {
    fn id(&self) -> &'static str {
        "violation-too-many"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("field", self.field);
        args.set("count", self.count);
        args.set("limit", self.limit);
        args
    }
}

/// `violation-too-long`: `$field`, `$length` (characters sent), `$limit`.
pub(super) struct TooLong<'a> {
    pub(super) field: &'a str,
    pub(super) length: usize,
    pub(super) limit: usize,
}

impl Message for TooLong<'_> {
    fn id(&self) -> &'static str {
        "violation-too-long"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("field", self.field);
        args.set("length", self.length);
        args.set("limit", self.limit);
        args
    }
}

/// `violation-answer-too-large`: `$bytes` (the answer's size), `$limit`
/// (the field, `submission`, is in `BadRequest`).
pub(super) struct AnswerTooLarge {
    pub(super) bytes: usize,
    pub(super) limit: usize,
}

impl Message for AnswerTooLarge {
    fn id(&self) -> &'static str {
        "violation-answer-too-large"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("bytes", self.bytes);
        args.set("limit", self.limit);
        args
    }
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
