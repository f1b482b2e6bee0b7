//! Messages rendered by Fluent once, at start, for every combination of their
//! selector values, with their string arguments left as slots.
//!
//! A string argument that a message only prints (never selects on, never
//! passes to a function: checked on the message's syntax tree, and on the
//! messages it references, when the template is made) comes out of Fluent
//! verbatim (isolation is off). So rendering the message with a marker in
//! that argument's place and splitting the text at the markers gives the
//! same sentence, for any value, as a Fluent call would: a call then only
//! concatenates pieces. Values outside a selector's list fall back to a
//! Fluent call, and tests compare both ways for every template.
//!
//! A selector value made only of digits is passed to Fluent as a number, so
//! a count given as a selector keeps its plural selection (`[one]`, `[few]`)
//! and exact matches (`[0]`): the template holds one variant per count.

use fluent::{FluentArgs, FluentValue};

use super::pieces::{fill, fill_with, marker, only_text, split, Piece, MAX_SLOTS};
use super::slot_check::SlotCheck;
use super::{L10nError, Locale, Localizer};

/// One message as pieces, for each locale and selector combination.
#[derive(Debug)]
pub struct Template {
    id: &'static str,
    selectors: Vec<(&'static str, Vec<&'static str>)>,
    slots: Vec<&'static str>,
    /// `variants[locale][combination]`: the combination's index counts over
    /// the selectors' values (the last selector fastest).
    variants: Vec<Vec<Vec<Piece>>>,
}

impl Template {
    /// Renders message `id` for every value of every selector, with `slots`
    /// (the names of its string arguments) as markers.
    pub fn new(
        l10n: &Localizer,
        id: &'static str,
        selectors: &[(&'static str, &[&'static str])],
        slots: &[&'static str],
    ) -> Result<Template, L10nError> {
        let bad = |detail: String| L10nError::Template { id, detail };
        if slots.len() > MAX_SLOTS {
            return Err(bad(format!("more than {MAX_SLOTS} slots")));
        }
        // A name given twice would let a call's two values of it pick
        // different pieces than Fluent (whose last value wins).
        let names: Vec<&str> = selectors
            .iter()
            .map(|(n, _)| *n)
            .chain(slots.iter().copied())
            .collect();
        if let Some(twice) = names
            .iter()
            .enumerate()
            .find_map(|(i, n)| names[..i].contains(n).then_some(*n))
        {
            return Err(bad(format!("${twice} is named twice")));
        }
        let mut template = Template {
            id,
            selectors: selectors
                .iter()
                .map(|(name, values)| (*name, values.to_vec()))
                .collect(),
            slots: slots.to_vec(),
            variants: Vec::with_capacity(l10n.locales().len()),
        };
        let markers: Vec<String> = (0..slots.len()).map(|i| marker(i).to_string()).collect();
        let markers: Vec<&str> = markers.iter().map(String::as_str).collect();
        for &locale in l10n.locales() {
            debug_assert_eq!(locale.index(), template.variants.len());
            let pattern = l10n
                .pattern(locale, id, None)
                .ok_or_else(|| bad(format!("no message in {}", locale.tag())))?;
            let check = SlotCheck {
                l10n,
                locale,
                slots,
            };
            if let Some(name) = check.pattern(pattern, 0) {
                return Err(bad(format!(
                    "{}: ${name} is selected on or passed to a function, so it cannot be a slot",
                    locale.tag()
                )));
            }
            let mut pieces = Vec::with_capacity(template.combinations());
            for combination in 0..template.combinations() {
                let args = template.args(&template.selector_values(combination), &markers);
                let text = l10n
                    .try_text(locale, id, Some(&args))
                    .map_err(|errors| bad(format!("{}: {errors:?}", locale.tag())))?;
                pieces.push(split(&text, slots.len()));
            }
            template.variants.push(pieces);
        }
        Ok(template)
    }

    fn combinations(&self) -> usize {
        self.selectors
            .iter()
            .map(|(_, values)| values.len())
            .product()
    }

    /// The selector values of combination `index` (the inverse of `combination`).
    fn selector_values(&self, index: usize) -> Vec<&'static str> {
        let mut rest = index;
        let mut values = vec![""; self.selectors.len()];
        for (value, (_, known)) in values.iter_mut().zip(&self.selectors).rev() {
            *value = known[rest % known.len()];
            rest /= known.len();
        }
        values
    }

    /// The sentence for these selector values (in the order given to `new`)
    /// and slot values; the same text a Fluent call with those arguments gives.
    /// The message with its arguments, each given with its name (in any
    /// order: a value can only reach the argument it is named for).
    pub fn render(
        &self,
        l10n: &Localizer,
        locale: Locale,
        selectors: &[(&str, &str)],
        slots: &[(&str, &str)],
    ) -> String {
        // The usual call names its values in the template's own order:
        // then each name is checked where it stands, and no copy is made.
        match self.render_in_order(locale, selectors, slots) {
            Some(text) => text,
            None => self.render_by_name(l10n, locale, selectors, slots),
        }
    }

    /// `render` for values in another order, or a selector value the
    /// template was not made for.
    #[cold]
    #[inline(never)]
    fn render_by_name(
        &self,
        l10n: &Localizer,
        locale: Locale,
        selectors: &[(&str, &str)],
        slots: &[(&str, &str)],
    ) -> String {
        let mut by_selector = [""; MAX_SLOTS];
        let mut by_slot = [""; MAX_SLOTS];
        let names = self.selectors.iter().map(|(name, _)| *name);
        match (
            ordered(names, selectors, &mut by_selector),
            ordered(self.slots.iter().copied(), slots, &mut by_slot),
        ) {
            (Some(n), Some(k)) => {
                self.render_positional(l10n, locale, &by_selector[..n], &by_slot[..k])
            }
            // A name the template does not have: Fluent, by name.
            _ => {
                let mut args = FluentArgs::with_capacity(selectors.len() + slots.len());
                for (name, value) in selectors {
                    args.set(name.to_string(), selector_value(value));
                }
                for (name, value) in slots {
                    args.set(name.to_string(), FluentValue::from(*value));
                }
                l10n.text(locale, self.id, Some(&args))
            }
        }
    }

    /// `render` for values given in the template's order of names (every
    /// name checked); `None` when they are not, or when a selector value is
    /// one the template was not made for.
    fn render_in_order(
        &self,
        locale: Locale,
        selectors: &[(&str, &str)],
        slots: &[(&str, &str)],
    ) -> Option<String> {
        if !in_order(self.slots.iter().copied(), slots) {
            return None;
        }
        let pieces = self
            .variants
            .get(locale.index())?
            .get(self.combination_named(selectors)?)?;
        Some(fill_with(pieces, |i| slots.get(i).map_or("", |(_, v)| *v)))
    }

    fn render_positional(
        &self,
        l10n: &Localizer,
        locale: Locale,
        selectors: &[&str],
        slots: &[&str],
    ) -> String {
        let combination = self.combination(selectors.iter().copied());
        let pieces = self.variants.get(locale.index());
        let Some(pieces) = combination.and_then(|c| pieces?.get(c)) else {
            return self.fluent(l10n, locale, selectors, slots);
        };
        fill(pieces, slots)
    }

    /// The text before and after the one slot of a variant that holds
    /// exactly one slot (slot 0) and text around it, for callers that write
    /// the slot's value in place; `None` for any other variant or value.
    pub fn around(&self, locale: Locale, selectors: &[(&str, &str)]) -> Option<(&str, &str)> {
        let pieces = self
            .variants
            .get(locale.index())?
            .get(self.combination_named(selectors)?)?;
        let at = pieces.iter().position(|p| matches!(p, Piece::Slot(_)))?;
        match &pieces[at] {
            Piece::Slot(0) => Some((only_text(&pieces[..at])?, only_text(&pieces[at + 1..])?)),
            _ => None,
        }
    }

    /// The combination of selector values given by name: checked where
    /// they stand when given in the template's order (the usual call),
    /// looked up by name otherwise.
    fn combination_named(&self, selectors: &[(&str, &str)]) -> Option<usize> {
        let names = self.selectors.iter().map(|(name, _)| *name);
        if in_order(names.clone(), selectors) {
            return self.combination(selectors.iter().map(|(_, value)| *value));
        }
        let mut by_selector = [""; MAX_SLOTS];
        let n = ordered(names, selectors, &mut by_selector)?;
        self.combination(by_selector[..n].iter().copied())
    }

    /// The combination of one value per selector, in the template's order.
    fn combination<'v>(&self, values: impl ExactSizeIterator<Item = &'v str>) -> Option<usize> {
        if values.len() != self.selectors.len() {
            return None;
        }
        self.selectors
            .iter()
            .zip(values)
            .try_fold(0usize, |index, ((_, known), value)| {
                Some(index * known.len() + key_index(known, value)?)
            })
    }

    /// A value the template was not made for: ask Fluent.
    fn fluent(
        &self,
        l10n: &Localizer,
        locale: Locale,
        selectors: &[&str],
        slots: &[&str],
    ) -> String {
        l10n.text(locale, self.id, Some(&self.args(selectors, slots)))
    }

    /// The Fluent arguments these selector and slot values stand for.
    fn args<'v>(&self, selectors: &[&'v str], slots: &[&'v str]) -> FluentArgs<'v> {
        let mut args = FluentArgs::with_capacity(self.selectors.len() + self.slots.len());
        for ((name, _), value) in self.selectors.iter().zip(selectors) {
            args.set(*name, selector_value(value));
        }
        for (name, value) in self.slots.iter().zip(slots) {
            args.set(*name, FluentValue::from(*value));
        }
        args
    }

    /// Compares the template with Fluent for every locale, every selector
    /// combination and a few slot values: `Err` lists what differs.
    pub fn check(&self, l10n: &Localizer) -> Result<(), Vec<String>> {
        let samples: [&dyn Fn(usize) -> String; 3] =
            [&|i| format!("value{i}"), &|_| String::new(), &|i| {
                format!("{{ $x }} «ё{i}» \u{2068} 1 234,50 $")
            }];
        let mut differences = Vec::new();
        for &locale in l10n.locales() {
            for combination in 0..self.combinations() {
                let selectors = self.selector_values(combination);
                for sample in samples {
                    let values: Vec<String> = (0..self.slots.len()).map(sample).collect();
                    let slots: Vec<&str> = values.iter().map(String::as_str).collect();
                    let args = self.args(&selectors, &slots);
                    let fluent = l10n.try_text(locale, self.id, Some(&args));
                    // By position, by name in the template's order (the
                    // usual call), and by name in reverse order.
                    let names = self.selectors.iter().map(|(name, _)| *name);
                    let mut named: Vec<(&str, &str)> =
                        names.zip(selectors.iter().copied()).collect();
                    let mut named_slots: Vec<(&str, &str)> = self
                        .slots
                        .iter()
                        .copied()
                        .zip(slots.iter().copied())
                        .collect();
                    let in_order = self.render(l10n, locale, &named, &named_slots);
                    named.reverse();
                    named_slots.reverse();
                    let reversed = self.render(l10n, locale, &named, &named_slots);
                    let positional = self.render_positional(l10n, locale, &selectors, &slots);
                    for (how, template) in [
                        ("by position", positional),
                        ("in order", in_order),
                        ("reversed", reversed),
                    ] {
                        if fluent.as_ref() != Ok(&template) {
                            differences.push(format!(
                                "{} {} {selectors:?} {how}: template {template:?}, Fluent {fluent:?}",
                                self.id,
                                locale.tag()
                            ));
                        }
                    }
                }
            }
        }
        if differences.is_empty() {
            Ok(())
        } else {
            Err(differences)
        }
    }
}

/// A selector value as Fluent gets it: digits are a `Number` (so that the
/// message may select on its plural category or on an exact number), any
/// other value a string.
fn selector_value<'v>(value: &'v str) -> FluentValue<'v> {
    match value.parse::<u32>() {
        Ok(n) if value.bytes().all(|b| b.is_ascii_digit()) => FluentValue::from(n),
        _ => FluentValue::from(value),
    }
}

/// `values`, given by name, in the order of `names` (into `out`); `None`
/// when a name is missing or another name is given.
fn ordered<'v>(
    names: impl Iterator<Item = &'static str>,
    values: &[(&str, &'v str)],
    out: &mut [&'v str; MAX_SLOTS],
) -> Option<usize> {
    let mut n = 0;
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = values
            .iter()
            .find(|(given, _)| std::ptr::eq(*given, name) || *given == name)?
            .1;
        n += 1;
    }
    (n == values.len()).then_some(n)
}

/// Whether `values` are given with exactly `names`, in that order.
fn in_order(names: impl ExactSizeIterator<Item = &'static str>, values: &[(&str, &str)]) -> bool {
    names.len() == values.len()
        && names
            .zip(values)
            .all(|(name, (given, _))| std::ptr::eq(name, *given) || name == *given)
}

/// Where `value` is among a selector's `known` values. Callers pass the
/// same string constants the template was made with, so the address
/// usually settles it; the text is compared only when no address matches.
fn key_index(known: &[&'static str], value: &str) -> Option<usize> {
    known
        .iter()
        .position(|k| std::ptr::eq(*k, value))
        .or_else(|| known.iter().position(|k| *k == value))
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
