//! Localization: Fluent bundles (built once, shared by every call), locale
//! negotiation, and ICU4X for numbers, plural categories and lists.
//!
//! Every user-visible sentence lives in `locales/<locale>/*.ftl`; this module
//! only fills in arguments. Numbers passed as `FluentValue::Number` keep their
//! plural selection and are formatted by ICU4X (CLDR grouping and decimal
//! marks); money is formatted exactly from its decimal value, never through `f64`.

mod formats;
mod lists;
mod load;
mod message;
#[cfg(test)]
mod message_check;
mod negotiate;
mod numbers;
mod pieces;
mod slot_check;
mod template;

use fixed_decimal::{Decimal, Sign};
use fluent::FluentArgs;
use std::borrow::Cow;
use std::path::Path;

use crate::rules::{Date, Money};

pub use formats::MoneyCase;
use formats::{DateMessage, MoneyMessage, MoneySign};
use lists::list;
pub use load::SOURCES;
use load::{pseudo_files, LocaleData};
pub use message::Message;
#[cfg(test)]
pub(crate) use message_check::check_messages;
pub use negotiate::MalformedLocale;
use numbers::exact_decimal;
pub use template::Template;

/// Room for a formatted amount: 19 integer digits with grouping, 9 decimals.
const AMOUNT_CAPACITY: usize = 48;

/// Rendered dates kept per locale (see `Localizer::date`).
const MAX_CACHED_DATES: usize = 4096;

/// Initial capacity of a rendered sentence: most fit, few need to grow.
const TEXT_CAPACITY: usize = 256;

/// A locale the service speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    EnUs,
    RuRu,
    /// `en-XA`, the test-only pseudo-locale: served only by a server started
    /// with its FTL files (`Localizer::with_pseudo_locale`), and only to a
    /// caller that asks for exactly `en-XA`. Not one of `ALL`.
    Pseudo,
}

impl Locale {
    /// The locales the service ships (`Localizer::locales` adds the
    /// pseudo-locale where it is loaded).
    pub const ALL: [Locale; 2] = [Locale::EnUs, Locale::RuRu];
    pub const DEFAULT: Locale = Locale::EnUs;
    pub const PSEUDO_TAG: &'static str = "en-XA";

    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::RuRu => "ru-RU",
            Locale::Pseudo => Locale::PSEUDO_TAG,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, thiserror::Error)]
pub enum L10nError {
    #[error("{locale}/{file}: {detail}")]
    Resource {
        locale: &'static str,
        file: String,
        detail: String,
    },
    #[error("template of {id}: {detail}")]
    Template { id: &'static str, detail: String },
    #[error("pseudo-locale files in {dir}: {detail}")]
    PseudoFiles { dir: String, detail: String },
    #[error("ICU4X data for {locale}: {detail}")]
    Icu {
        locale: &'static str,
        detail: String,
    },
}

/// Everything needed to speak every supported locale; build once at start.
pub struct Localizer {
    /// Indexed by `Locale::index`.
    locales: Vec<LocaleData>,
    served: Vec<Locale>,
    negotiator: negotiate::Negotiator,
    /// The `money` message as a template (see `template`).
    money: Option<Template>,
}

impl Localizer {
    pub fn new() -> Result<Localizer, L10nError> {
        Localizer::with_pseudo_locale(None)
    }

    /// `new`, plus the pseudo-locale `en-XA` read from the `*.ftl` files in
    /// `pseudo_dir` where one is given. Test-only: the tests generate these
    /// files from en-US's at test time (tests/pseudo_locale.rs) to prove that
    /// every word of every answer comes from Fluent.
    pub fn with_pseudo_locale(pseudo_dir: Option<&Path>) -> Result<Localizer, L10nError> {
        let mut locales = Vec::with_capacity(Locale::ALL.len() + 1);
        for (locale, (tag, files)) in Locale::ALL.iter().zip(SOURCES) {
            debug_assert_eq!(locale.tag(), tag);
            let files = files.iter().map(|(f, s)| (f.to_string(), *s));
            locales.push(LocaleData::load(*locale, files)?);
        }
        let mut served = Locale::ALL.to_vec();
        if let Some(dir) = pseudo_dir {
            let files = pseudo_files(dir)?;
            let files = files.iter().map(|(f, s)| (f.clone(), s.as_str()));
            locales.push(LocaleData::load(Locale::Pseudo, files)?);
            served.push(Locale::Pseudo);
        }
        let mut l10n = Localizer {
            locales,
            negotiator: negotiate::Negotiator::new(served.contains(&Locale::Pseudo)),
            served,
            money: None,
        };
        l10n.money = Some(Template::new(
            &l10n,
            "money",
            &MoneyMessage::SELECTORS,
            &MoneyMessage::SLOTS,
        )?);
        Ok(l10n)
    }

    /// The locales this instance serves: `Locale::ALL`, and the pseudo-locale
    /// where it was loaded. Per-locale tables are built for each of these.
    pub fn locales(&self) -> &[Locale] {
        &self.served
    }

    fn data(&self, locale: Locale) -> &LocaleData {
        // Only a loaded locale is ever negotiated; en-US stands in otherwise.
        self.locales
            .get(locale.index())
            .unwrap_or(&self.locales[Locale::DEFAULT.index()])
    }

    /// The locale for a call: the request's `locale` field, else the
    /// `accept-language` metadata (q-values honoured), else en-US. A malformed
    /// field is an error; the fallback locale comes with it so the error can
    /// still be localized.
    pub fn negotiate(
        &self,
        requested: &str,
        accept_language: Option<&str>,
    ) -> Result<Locale, (MalformedLocale, Locale)> {
        self.negotiator.negotiate(requested, accept_language)
    }

    /// Renders message `id`, or reports every Fluent error (missing message,
    /// missing argument, ...). The tests require this to succeed everywhere.
    pub fn try_text(
        &self,
        locale: Locale,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, Vec<String>> {
        let bundle = &self.data(locale).bundle;
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| vec![format!("no message {id} in {}", locale.tag())])?;
        let mut errors = Vec::new();
        // Written straight into one buffer sized for a typical sentence, rather
        // than `format_pattern`, which grows a fresh `String` step by step.
        let mut text = String::with_capacity(TEXT_CAPACITY);
        let written = bundle.write_pattern(&mut text, pattern, args, &mut errors);
        if written.is_ok() && errors.is_empty() {
            Ok(text)
        } else {
            Err(errors.iter().map(|e| e.to_string()).collect())
        }
    }

    /// The pattern of message `id` (its value), or of one of its
    /// attributes: what a reference `{ id }` or `{ id.attribute }` stands for.
    fn pattern(
        &self,
        locale: Locale,
        id: &str,
        attribute: Option<&str>,
    ) -> Option<&fluent_syntax::ast::Pattern<&str>> {
        let message = self.data(locale).bundle.get_message(id)?;
        match attribute {
            Some(name) => Some(message.get_attribute(name)?.value()),
            None => message.value(),
        }
    }

    /// A message that takes no arguments (a label), rendered at start, or
    /// `None` where the locale has no such message (optional labels).
    pub fn try_label(&self, locale: Locale, id: &str) -> Option<&str> {
        self.data(locale).fixed.get(id).map(String::as_str)
    }

    /// A message that takes no arguments (a label), rendered at start.
    pub fn label(&self, locale: Locale, id: &str) -> &str {
        match self.data(locale).fixed.get(id) {
            Some(text) => text,
            None => {
                tracing::error!(locale = locale.tag(), id, "no such label");
                "?"
            }
        }
    }

    /// Renders message `id`; a Fluent error is logged and the message id shown.
    pub fn text(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
        if args.is_none() {
            if let Some(text) = self.data(locale).fixed.get(id) {
                return text.clone();
            }
        }
        self.try_text(locale, id, args).unwrap_or_else(|errors| {
            tracing::error!(locale = locale.tag(), id, ?errors, "localization error");
            id.to_string()
        })
    }

    /// A whole number with the locale's digit grouping (`9,223,372,036,854,775,807`
    /// / `9 223 372 036 854 775 807`), a negative one with the minus sign
    /// U+2212: exact for every `i64`, where a Fluent number (a float) is not.
    pub fn integer(&self, locale: Locale, value: i64) -> String {
        let digits = self
            .data(locale)
            .decimal
            .format_to_string(&Decimal::from(value.unsigned_abs()));
        if value < 0 {
            format!("\u{2212}{digits}")
        } else {
            digits
        }
    }

    /// `US$100,000` / `100 000 долларов США` (no-break spaces in the number and
    /// before «долларов»); cents when there are any,
    /// more digits only for sub-cent amounts. Exact: no floating point.
    pub fn money(&self, locale: Locale, amount: Money) -> String {
        self.money_in(locale, amount, MoneyCase::Nominative)
    }

    /// `money` in the grammatical case its sentence puts it in (ru: «до
    /// 21 доллара США», not «до 21 доллар США»).
    pub fn money_in(&self, locale: Locale, amount: Money, case: MoneyCase) -> String {
        let data = self.data(locale);
        let nanos = amount.total_nanos();
        let value = Decimal::new(Sign::None, exact_decimal(nanos.unsigned_abs()));
        let sign = if nanos < 0 {
            MoneySign::Negative
        } else {
            MoneySign::Positive
        };
        let plural = data.plurals.category_for(&value);
        let selectors = MoneyMessage::selectors(plural, sign, case);
        let formatted = data.decimal.format(&value);
        // The usual case: ICU writes the amount straight into the sentence.
        if let Some((before, after)) = self
            .money
            .as_ref()
            .and_then(|t| t.around(locale, &selectors))
        {
            let mut text = String::with_capacity(before.len() + AMOUNT_CAPACITY + after.len());
            text.push_str(before);
            let _ = writeable::Writeable::write_to(&formatted, &mut text);
            text.push_str(after);
            return text;
        }
        // Written in one pass (`format_to_string` measures the text first).
        let mut amount = String::with_capacity(AMOUNT_CAPACITY);
        let _ = writeable::Writeable::write_to(&formatted, &mut amount);
        let message = MoneyMessage {
            amount: &amount,
            plural,
            sign,
            case,
        };
        match &self.money {
            Some(template) => template.render(self, locale, &selectors, &message.slots()),
            None => message.text(self, locale),
        }
    }

    /// `July 7, 2017` / `7 июля 2017 г.` (no-break spaces after the day and
    /// before «г.»): month names live in the FTL files.
    ///
    /// Every date a call shows derives from its `as_of` (the date itself and
    /// its reporting period), and nearly every call is evaluated as of today,
    /// so rendered dates are kept: up to `MAX_CACHED_DATES` per locale, after
    /// which further dates are rendered each time.
    pub fn date(&self, locale: Locale, date: Date) -> String {
        let cache = &self.data(locale).dates;
        if let Some(text) = cache.read().ok().and_then(|c| c.get(&date).cloned()) {
            return text;
        }
        let text = DateMessage { date }.text(self, locale);
        if let Ok(mut cache) = cache.write() {
            if cache.len() < MAX_CACHED_DATES {
                cache.insert(date, text.clone());
            }
        }
        text
    }

    /// The `money` message's template, for tests.
    pub fn money_template(&self) -> Option<&Template> {
        self.money.as_ref()
    }

    /// "a, b, and c" / "a, b и c". Items may be borrowed or owned; a list
    /// of one item is that item, borrowed if it was.
    pub fn and_list<'a, I>(&self, locale: Locale, items: I) -> Cow<'a, str>
    where
        I: IntoIterator<Item = Cow<'a, str>>,
    {
        list(&self.data(locale).and, items)
    }

    /// "a, b, or c" / "a, b или c", like `and_list`.
    pub fn or_list<'a, I>(&self, locale: Locale, items: I) -> Cow<'a, str>
    where
        I: IntoIterator<Item = Cow<'a, str>>,
    {
        list(&self.data(locale).or, items)
    }
}

#[cfg(test)]
mod tests;
