//! The one shape of a typed Fluent message (as in fluent-rs's
//! `typesafe_messages` example): a struct per message whose fields are its
//! arguments, typed (selectors are enums with one `key()` each), with the
//! message's id and its arguments by name in one place. Every message type
//! of `src/api` implements this trait; templated messages (`Template`) take
//! their values by name too, so no value can reach another argument.

use fluent::FluentArgs;

use super::{Locale, Localizer};

/// One Fluent message.
pub trait Message {
    /// Its id in the FTL files.
    fn id(&self) -> &'static str;

    /// Its arguments, by name, from the struct's typed fields.
    fn args(&self) -> FluentArgs<'_>;

    /// The message in `locale`, by a plain Fluent call.
    fn text(&self, l10n: &Localizer, locale: Locale) -> String {
        l10n.text(locale, self.id(), Some(&self.args()))
    }
}
