//! The evaluation's messages (`locales/*/evaluation.ftl`): the summary,
//! revenue and names here; the exam requirement's in `evaluation_exams.rs`,
//! the gap's in `evaluation_gap.rs` and `evaluation_steps.rs`.

use fluent::FluentArgs;

use super::{level_key, market_key, number, Ctx, Sign};
use crate::l10n::Message;
use crate::rules::{Exclusion, Level, Market};

/// `summary`: the evaluation's first sentence.
pub(in crate::api::render) struct Summary<'a> {
    pub level: Option<Level>,
    pub partner: &'a str,
    pub edition: &'a str,
    pub as_of: &'a str,
}

impl Summary<'_> {
    pub(super) const ID: &'static str = "summary";
    pub(super) const SLOTS: [&'static str; 2] = ["as_of", "partner"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.summary.render(
            &c.r.l10n,
            c.locale,
            &[
                ("edition", self.edition),
                ("level", self.level.map_or("none", level_key)),
            ],
            &[("as_of", self.as_of), ("partner", self.partner)],
        )
    }
}

/// `revenue-explanation`: the revenue requirement of one level.
pub(in crate::api::render) struct RevenueExplanation<'a> {
    pub level: Level,
    pub market: Market,
    pub met: bool,
    /// A negative total (more credits than revenue): a net credit.
    pub negative: bool,
    /// The edition's product wording (`Edition::revenue.wording`).
    pub wording: &'static str,
    pub start: &'a str,
    pub end: &'a str,
    /// The total without its sign.
    pub qualifying: &'a str,
    pub threshold: &'a str,
    /// Empty when met.
    pub shortfall: &'a str,
}

impl RevenueExplanation<'_> {
    pub(super) const ID: &'static str = "revenue-explanation";
    pub(super) const SLOTS: [&'static str; 5] =
        ["end", "qualifying", "shortfall", "start", "threshold"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.revenue.render(
            &c.r.l10n,
            c.locale,
            &[
                ("level", level_key(self.level)),
                ("market", market_key(self.market)),
                ("met", if self.met { "yes" } else { "no" }),
                (
                    "sign",
                    if self.negative {
                        "negative"
                    } else {
                        "positive"
                    },
                ),
                ("wording", self.wording),
            ],
            &[
                ("end", self.end),
                ("qualifying", self.qualifying),
                ("shortfall", self.shortfall),
                ("start", self.start),
                ("threshold", self.threshold),
            ],
        )
    }
}

/// `revenue-exclusions`: what the revenue total leaves out (a sentence).
pub(in crate::api::render) struct Exclusions<'a> {
    pub items: &'a str,
}

impl Exclusions<'_> {
    pub(super) const ID: &'static str = "revenue-exclusions";
    pub(super) const SLOTS: [&'static str; 1] = ["items"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates
            .exclusions
            .render(&c.r.l10n, c.locale, &[], &[("items", self.items)])
    }
}

/// `revenue-excluded-*`: one item of `revenue-exclusions`, the net of the
/// records one reason leaves out.
pub(in crate::api::render) struct Excluded<'a> {
    pub reason: Exclusion,
    /// The net's sign: a negative net is a net credit; a zero net is still
    /// named, with its records.
    pub sign: Sign,
    /// How many records the reason leaves out.
    pub records: u32,
    /// The net without its sign.
    pub amount: &'a str,
}

impl Excluded<'_> {
    /// The message of each reason.
    pub const fn id(reason: Exclusion) -> &'static str {
        match reason {
            Exclusion::OutsidePeriod => "revenue-excluded-outside-period",
            Exclusion::AfterAsOf => "revenue-excluded-after-as-of",
            Exclusion::OtherProduct => "revenue-excluded-other-product",
            Exclusion::WithoutDpor => "revenue-excluded-without-dpor",
        }
    }
    /// Selectors in the order `render` passes them: `$records`, `$sign`,
    /// `$wording` (the edition's, as in `revenue-explanation`: Russian names
    /// the DPOR status as the edition's page does).
    pub(super) fn selectors<'w>(
        records: &'static [&'static str],
        wordings: &'w [&'static str],
    ) -> [(&'static str, &'w [&'static str]); 3] {
        [
            ("records", records),
            ("sign", &Sign::KEYS),
            ("wording", wordings),
        ]
    }
    pub(super) const SLOTS: [&'static str; 1] = ["amount"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.excluded(self.reason).render(
            &c.r.l10n,
            c.locale,
            &[
                ("records", &number(self.records)),
                ("sign", self.sign.key()),
                ("wording", c.edition.revenue.wording),
            ],
            &[("amount", self.amount)],
        )
    }
}

/// `revenue-later-qualifying`: after `revenue-exclusions`, when some
/// records dated after `as_of` do not qualify (`rules::RevenueTotals::
/// records_after_as_of_not_qualifying`), what of that revenue will count
/// once it enters the TTM period.
pub(in crate::api::render) struct RevenueLaterQualifying<'a> {
    /// The qualifying records' net, without its sign, and its sign; `None`:
    /// none of them qualifies (`$part`: none).
    pub part: Option<(Sign, &'a str)>,
    /// Why the rest won't count (`$why`).
    pub why: LaterWhy,
    /// The edition's product wording (`Edition::revenue.wording`).
    pub wording: &'static str,
}

/// Why records dated after `as_of` won't count even once they enter the
/// TTM period (`$why` of `revenue-later-qualifying`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::api::render) enum LaterWhy {
    /// Each is for another product.
    OtherProduct,
    /// Each is from a customer for whom the partner isn't the DPOR.
    WithoutDpor,
    /// Some are one, some the other.
    Both,
}

impl LaterWhy {
    const KEYS: [&'static str; 3] = ["other-product", "without-dpor", "both"];

    fn key(self) -> &'static str {
        match self {
            LaterWhy::OtherProduct => "other-product",
            LaterWhy::WithoutDpor => "without-dpor",
            LaterWhy::Both => "both",
        }
    }
}

impl RevenueLaterQualifying<'_> {
    pub(super) const ID: &'static str = "revenue-later-qualifying";
    pub(super) const SLOTS: [&'static str; 1] = ["amount"];

    pub(super) fn selectors<'w>(
        wordings: &'w [&'static str],
    ) -> [(&'static str, &'w [&'static str]); 4] {
        [
            ("part", &["some", "none"]),
            ("sign", &Sign::KEYS),
            ("why", &LaterWhy::KEYS),
            ("wording", wordings),
        ]
    }

    pub fn render(&self, c: &Ctx) -> String {
        let (part, sign, amount) = match self.part {
            Some((sign, amount)) => ("some", sign, amount),
            None => ("none", Sign::Positive, ""),
        };
        c.r.templates.later_qualifying.render(
            &c.r.l10n,
            c.locale,
            &[
                ("part", part),
                ("sign", sign.key()),
                ("why", self.why.key()),
                ("wording", self.wording),
            ],
            &[("amount", amount)],
        )
    }
}

/// `individual-unnamed`: an individual without a display name, named by id
/// ("Individual x"), wherever the explanations, warnings and outlook name
/// people.
pub(in crate::api) struct IndividualUnnamed<'a> {
    pub id: &'a str,
}

impl Message for IndividualUnnamed<'_> {
    fn id(&self) -> &'static str {
        "individual-unnamed"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("id", self.id);
        args
    }
}
