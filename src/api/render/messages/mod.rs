//! One typed struct per Fluent message: its id, its arguments' names, the
//! keys of its selectors and whether it is a template live here and nowhere
//! else (as in fluent-rs's `typesafe_messages` example). A message's struct
//! holds the values the message receives; its `render` says how. The
//! evaluation's messages are in `evaluation`, the catalog's in `competency`.
//!
//! Kinds of rendering, all of them equivalent to a plain Fluent call with the
//! same arguments (tests compare them):
//! * template: rendered by Fluent at start for every selector value, string
//!   arguments filled in per call (`l10n::Template`); counts are selectors
//!   (digits go to Fluent as numbers, see `number`);
//! * counts: messages whose only arguments are counts bounded by the catalog,
//!   rendered at start for each count (`Renderer::counts`);
//! * Fluent: a plain call (the catalog's messages, rare fallbacks).

use std::borrow::Cow;

use fluent::FluentArgs;

mod competency;
mod evaluation;
mod evaluation_exams;
mod evaluation_gap;
mod evaluation_steps;

pub(super) use competency::*;
pub(super) use evaluation::*;
pub(super) use evaluation_exams::*;
pub(super) use evaluation_gap::*;
pub(super) use evaluation_steps::*;

use crate::l10n::{L10nError, Localizer, Message, Template};
use crate::rules::{catalog, Exclusion, Level, Market, Money};

/// Numbers as template selector keys: "0", "1", … Counts above the last fall
/// back to a Fluent call (with the count as a number).
const NUMBERS: [&str; 17] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
];

/// A count as a selector value.
pub(super) fn number(n: u32) -> Cow<'static, str> {
    match NUMBERS.get(n as usize) {
        Some(key) => Cow::Borrowed(key),
        None => Cow::Owned(n.to_string()),
    }
}

/// A listed pass of the person's that counts only from a later day, as a
/// message's `$then` (later, none), `$then_code` and `$then_from` (empty
/// for none): `exams-holder-until` and `gap-step-held-until` share them.
pub(super) fn set_then<'a>(args: &mut FluentArgs<'a>, then: Option<(&'a str, &'a str)>) {
    let (code, from) = then.unwrap_or_default();
    args.set("then", if then.is_some() { "later" } else { "none" });
    args.set("then_code", code);
    args.set("then_from", from);
}

/// Record counts the exclusions' templates are made for; more go to Fluent.
const RECORD_KEYS: u32 = 16;

/// The keys `0..=max` (at most those in `NUMBERS`).
fn numbers(from: u32, max: u32) -> &'static [&'static str] {
    let end = (max as usize + 1).min(NUMBERS.len());
    &NUMBERS[(from as usize).min(end)..end]
}

/// A level as Fluent selectors (and metric labels) name it.
pub(in crate::api) fn level_key(level: Level) -> &'static str {
    match level {
        Level::Silver => "silver",
        Level::Gold => "gold",
    }
}

/// The sign of an amount, as Fluent selectors name it (`$sign`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::api) enum Sign {
    Positive,
    Negative,
    Zero,
}

impl Sign {
    pub const KEYS: [&'static str; 3] = ["positive", "negative", "zero"];

    pub fn of(amount: Money) -> Sign {
        if amount.is_negative() {
            Sign::Negative
        } else if amount.is_zero() {
            Sign::Zero
        } else {
            Sign::Positive
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Sign::Positive => Sign::KEYS[0],
            Sign::Negative => Sign::KEYS[1],
            Sign::Zero => Sign::KEYS[2],
        }
    }
}

pub(super) fn market_key(market: Market) -> &'static str {
    match market {
        Market::Developed => "developed",
        Market::Developing => "developing",
    }
}

/// Labels: messages without arguments, rendered once at start.
pub(super) mod label {
    use super::*;

    pub fn level(level: Level) -> String {
        format!("level-{}", level_key(level))
    }

    pub fn market(market: Market) -> &'static str {
        match market {
            Market::Developed => "market-developed",
            Market::Developing => "market-developing",
        }
    }

    pub fn group(id: &str) -> String {
        format!("group-{id}")
    }

    pub fn role(id: &str) -> String {
        format!("role-{id}")
    }

    pub fn exam(code: &str) -> String {
        format!("exam-{}", code.to_ascii_lowercase())
    }

    /// An edition's own label of an exam, where it has one: it takes the
    /// place of `exam(code)` in that edition's answers.
    pub fn exam_in(edition: &str, code: &str) -> String {
        format!("exam-{edition}-{}", code.to_ascii_lowercase())
    }

    /// An exam's label once it can be taken, where its usual label carries
    /// an availability note (§2.6): `exam-mb2-877-available`.
    pub fn exam_available(code: &str) -> String {
        format!("exam-{}-available", code.to_ascii_lowercase())
    }

    /// The availability note alone, for an option that writes it after
    /// the quoted title: `exam-mb2-877-note`.
    pub fn exam_note(code: &str) -> String {
        format!("exam-{}-note", code.to_ascii_lowercase())
    }

    pub fn competency_title(id: &str) -> String {
        format!("competency-{id}-title")
    }

    pub fn competency_description(id: &str) -> String {
        format!("competency-{id}-description")
    }
}

/// Bounds of the counts the catalog allows, for the templates' keys.
struct Bounds {
    /// Most seats of one role at one level.
    role_seats: u32,
    /// Most seats of one level.
    level_seats: u32,
    /// Most exam groups of one role.
    role_groups: u32,
}

impl Bounds {
    fn of_catalog() -> Bounds {
        let mut b = Bounds {
            role_seats: 1,
            level_seats: 1,
            role_groups: 1,
        };
        for edition in catalog::editions() {
            for rule in edition.levels {
                b.level_seats = b.level_seats.max(rule.individuals_required());
                for s in rule.seats {
                    b.role_seats = b.role_seats.max(s.count);
                }
            }
            for role in edition.roles {
                b.role_groups = b.role_groups.max(role.groups.len() as u32);
            }
        }
        b
    }
}

/// Every templated message, made at start.
pub(super) struct Templates {
    summary: Template,
    revenue: Template,
    exclusions: Template,
    excluded_outside_period: Template,
    excluded_after_as_of: Template,
    excluded_other_product: Template,
    excluded_without_dpor: Template,
    holders: Template,
    gap: Template,
    gap_revenue: Template,
    step: Template,
    step_until: Template,
    later_qualifying: Template,
}

impl Templates {
    pub fn new(l10n: &Localizer) -> Result<Templates, L10nError> {
        let b = Bounds::of_catalog();
        let t = Template::new;
        Ok(Templates {
            summary: t(
                l10n,
                Summary::ID,
                &[
                    ("edition", &editions()),
                    ("level", &["gold", "silver", "none"]),
                ],
                &Summary::SLOTS,
            )?,
            revenue: t(
                l10n,
                RevenueExplanation::ID,
                &[
                    ("level", &["silver", "gold"]),
                    ("market", &["developed", "developing"]),
                    ("met", &["yes", "no"]),
                    ("sign", &["positive", "negative"]),
                    ("wording", &wordings()),
                ],
                &RevenueExplanation::SLOTS,
            )?,
            exclusions: t(l10n, Exclusions::ID, &[], &Exclusions::SLOTS)?,
            excluded_outside_period: t(
                l10n,
                Excluded::id(Exclusion::OutsidePeriod),
                &Excluded::selectors(numbers(1, RECORD_KEYS), &wordings()),
                &Excluded::SLOTS,
            )?,
            excluded_after_as_of: t(
                l10n,
                Excluded::id(Exclusion::AfterAsOf),
                &Excluded::selectors(numbers(1, RECORD_KEYS), &wordings()),
                &Excluded::SLOTS,
            )?,
            excluded_other_product: t(
                l10n,
                Excluded::id(Exclusion::OtherProduct),
                &Excluded::selectors(numbers(1, RECORD_KEYS), &wordings()),
                &Excluded::SLOTS,
            )?,
            excluded_without_dpor: t(
                l10n,
                Excluded::id(Exclusion::WithoutDpor),
                &Excluded::selectors(numbers(1, RECORD_KEYS), &wordings()),
                &Excluded::SLOTS,
            )?,
            holders: t(
                l10n,
                ExamsHolders::ID,
                &[
                    ("count", numbers(1, b.role_seats)),
                    ("role", &roles()),
                    ("seats", numbers(1, b.role_seats)),
                ],
                &ExamsHolders::SLOTS,
            )?,
            gap: t(
                l10n,
                GapExplanation::ID,
                &GapExplanation::selectors(numbers(0, b.level_seats * b.role_groups)),
                &GapExplanation::SLOTS,
            )?,
            gap_revenue: t(l10n, GapItemRevenue::ID, &[], &GapItemRevenue::SLOTS)?,
            step: t(
                l10n,
                GapStep::ID,
                &[
                    ("freed", &["taken", "open"]),
                    ("held", numbers(0, b.role_groups)),
                    ("leaves", &leaves()),
                    ("number", numbers(0, b.level_seats)),
                    ("role", &roles()),
                    ("seats", numbers(1, b.role_seats)),
                    ("stays", &["yes", "takes", "no"]),
                    ("who", &["new", "listed"]),
                ],
                &GapStep::SLOTS,
            )?,
            step_until: t(
                l10n,
                GapStepUntil::ID,
                &GapStepUntil::SELECTORS,
                &GapStepUntil::SLOTS,
            )?,
            later_qualifying: t(
                l10n,
                RevenueLaterQualifying::ID,
                &RevenueLaterQualifying::selectors(&wordings()),
                &RevenueLaterQualifying::SLOTS,
            )?,
        })
    }

    pub fn all(&self) -> impl Iterator<Item = &Template> {
        [
            &self.summary,
            &self.revenue,
            &self.exclusions,
            &self.holders,
            &self.gap,
            &self.gap_revenue,
            &self.step,
            &self.step_until,
            &self.later_qualifying,
            &self.excluded_outside_period,
            &self.excluded_after_as_of,
            &self.excluded_other_product,
            &self.excluded_without_dpor,
        ]
        .into_iter()
    }

    /// The template of a reason's `revenue-excluded-*` message.
    pub fn excluded(&self, reason: Exclusion) -> &Template {
        match reason {
            Exclusion::OutsidePeriod => &self.excluded_outside_period,
            Exclusion::AfterAsOf => &self.excluded_after_as_of,
            Exclusion::OtherProduct => &self.excluded_other_product,
            Exclusion::WithoutDpor => &self.excluded_without_dpor,
        }
    }
}

/// The editions' ids (`$edition` keys).
fn editions() -> Vec<&'static str> {
    catalog::editions().map(|e| e.id).collect()
}

/// The edition's product wordings (`$wording` keys), each once.
fn wordings() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = catalog::editions().map(|e| e.revenue.wording).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The role ids (`$role` keys), each once.
fn roles() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = catalog::editions()
        .flat_map(|e| e.roles)
        .map(|r| r.id)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The `$leaves` keys of `gap-step`: `none`, then the role ids.
fn leaves() -> Vec<&'static str> {
    let mut keys = vec!["none"];
    keys.extend(roles());
    keys
}

/// What every message's `render` needs.
use super::Ctx;

/// A plain (not templated) message in the call's locale: `render(c)`, as
/// the templated ones say it.
pub(super) trait Plain: Message {
    fn render(&self, c: &Ctx) -> String {
        self.text(&c.r.l10n, c.locale)
    }
}

impl<M: Message> Plain for M {}

/// A message rendered by a plain Fluent call.
fn fluent(c: &Ctx, id: &str, args: &FluentArgs) -> String {
    c.r.l10n.text(c.locale, id, Some(args))
}

/// A count-only message from `Renderer::counts`, or Fluent for a count the
/// catalog does not reach.
fn counted(
    c: &Ctx,
    id: &'static str,
    a: u32,
    b: u32,
    args: impl FnOnce() -> FluentArgs<'static>,
) -> String {
    match c.r.counts.get(&(c.locale, id, a, b)) {
        Some(text) => text.clone(),
        None => fluent(c, id, &args()),
    }
}
