//! The gap's own messages of `evaluation.ftl` (`gap-explanation`,
//! `gap-item-*`), one typed struct each; its steps' are in
//! `evaluation_steps.rs`, the rest of the file's in `evaluation.rs`.

use fluent::FluentArgs;

use super::{counted, level_key, number, Ctx};
use crate::l10n::Message;
use crate::rules::Level;

/// `gap-explanation`: what one level still lacks.
pub(in crate::api::render) struct GapExplanation<'a> {
    pub level: Level,
    pub items: &'a str,
    /// The day the outlook attains the level with the submission unchanged
    /// (`$won`: later, `$day`), so that the gap is what attains it sooner;
    /// `None`: not within the horizon.
    pub won_on: Option<&'a str>,
    /// `won_on` is the day after the evaluation date (`$won`: next-day), so
    /// that "sooner" can only mean on the evaluation date itself.
    pub next_day: bool,
    /// How many of the exams the listed individuals' own passes cover from
    /// a later day (`rules::Gap::pending_exams`); said only when the level
    /// is not won later (`won_on` is `None`), where "before …" covers it.
    pub pending: u32,
    /// How many exams the gap asks for (`$all`: whether `pending` is all of
    /// them).
    pub exams: u32,
}

impl GapExplanation<'_> {
    pub(super) const ID: &'static str = "gap-explanation";
    pub(super) const SLOTS: [&'static str; 2] = ["day", "items"];

    /// Its selectors, `$pending` up to `max_exams` (a level's most exams).
    pub(super) fn selectors(
        max_exams: &'static [&'static str],
    ) -> [(&'static str, &'static [&'static str]); 4] {
        [
            ("all", &["yes", "no"]),
            ("level", &["silver", "gold"]),
            ("pending", max_exams),
            ("won", &["later", "next-day", "no"]),
        ]
    }

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.gap.render(
            &c.r.l10n,
            c.locale,
            &[
                (
                    "all",
                    if self.pending == self.exams {
                        "yes"
                    } else {
                        "no"
                    },
                ),
                ("level", level_key(self.level)),
                (
                    "pending",
                    &number(if self.won_on.is_some() {
                        0
                    } else {
                        self.pending
                    }),
                ),
                (
                    "won",
                    match (self.won_on, self.next_day) {
                        (Some(_), true) => "next-day",
                        (Some(_), false) => "later",
                        (None, _) => "no",
                    },
                ),
            ],
            &[
                ("day", self.won_on.unwrap_or_default()),
                ("items", self.items),
            ],
        )
    }
}

/// `gap-item-revenue`: an item of `gap-explanation`.
pub(in crate::api::render) struct GapItemRevenue<'a> {
    pub amount: &'a str,
}

impl GapItemRevenue<'_> {
    pub(super) const ID: &'static str = "gap-item-revenue";
    pub(super) const SLOTS: [&'static str; 1] = ["amount"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates
            .gap_revenue
            .render(&c.r.l10n, c.locale, &[], &[("amount", self.amount)])
    }
}

/// `gap-item-exams` and `gap-item-individuals`: items of `gap-explanation`.
pub(in crate::api::render) struct GapItemCount {
    pub id: &'static str,
    pub count: u32,
}

impl GapItemCount {
    pub const EXAMS: &'static str = "gap-item-exams";
    pub const INDIVIDUALS: &'static str = "gap-item-individuals";

    pub fn render(&self, c: &Ctx) -> String {
        let count = self.count;
        counted(c, self.id, count, 0, || {
            let mut args = FluentArgs::with_capacity(1);
            args.set("count", count);
            args
        })
    }
}

impl Message for GapItemCount {
    fn id(&self) -> &'static str {
        self.id
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("count", self.count);
        args
    }
}
