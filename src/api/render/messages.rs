//! One typed struct per Fluent message: its id, its arguments' names, the
//! keys of its selectors and whether it is a template live here and nowhere
//! else (as in fluent-rs's `typesafe_messages` example). A message's struct
//! holds the values the message receives; its `render` says how.
//!
//! Kinds of rendering, all of them equivalent to a plain Fluent call with the
//! same arguments (tests compare them):
//! * template: rendered by Fluent at start for every selector value, string
//!   arguments filled in per call (`l10n::Template`); counts are selectors
//!   (digits go to Fluent as numbers, see `Keys::number`);
//! * counts: messages whose only arguments are counts bounded by the catalog,
//!   rendered at start for each count (`Renderer::counts`);
//! * Fluent: a plain call (the catalog's messages, rare fallbacks).

use std::borrow::Cow;

use fluent::FluentArgs;

use crate::l10n::{L10nError, Locale, Localizer, Template};
use crate::rules::{catalog, Level, Market};

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

/// The keys `0..=max` (at most those in `NUMBERS`).
fn numbers(from: u32, max: u32) -> &'static [&'static str] {
    let end = (max as usize + 1).min(NUMBERS.len());
    &NUMBERS[(from as usize).min(end)..end]
}

pub(super) fn level_key(level: Level) -> &'static str {
    match level {
        Level::Silver => "silver",
        Level::Gold => "gold",
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
    excluded: [Template; 3],
    holders: Template,
    gap: Template,
    gap_revenue: Template,
    step: Template,
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
                    ("wording", &wordings()),
                ],
                &RevenueExplanation::SLOTS,
            )?,
            exclusions: t(l10n, Exclusions::ID, &[], &Exclusions::SLOTS)?,
            excluded: [
                t(
                    l10n,
                    Excluded::IDS[0],
                    &Excluded::SELECTORS,
                    &Excluded::SLOTS,
                )?,
                t(
                    l10n,
                    Excluded::IDS[1],
                    &Excluded::SELECTORS,
                    &Excluded::SLOTS,
                )?,
                t(
                    l10n,
                    Excluded::IDS[2],
                    &Excluded::SELECTORS,
                    &Excluded::SLOTS,
                )?,
            ],
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
                &GapExplanation::SELECTORS,
                &GapExplanation::SLOTS,
            )?,
            gap_revenue: t(l10n, GapItemRevenue::ID, &[], &GapItemRevenue::SLOTS)?,
            step: t(
                l10n,
                GapStep::ID,
                &[
                    ("held", numbers(0, b.role_groups)),
                    ("number", numbers(0, b.level_seats)),
                    ("role", &roles()),
                    ("who", &["new", "listed"]),
                ],
                &GapStep::SLOTS,
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
        ]
        .into_iter()
        .chain(&self.excluded)
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

/// What every message's `render` needs.
use super::Ctx;

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

// ---------------------------------------------------------------- evaluation

/// `summary`: the evaluation's first sentence.
pub(super) struct Summary<'a> {
    pub level: Option<Level>,
    pub partner: &'a str,
    pub edition: &'a str,
    pub as_of: &'a str,
}

impl Summary<'_> {
    const ID: &'static str = "summary";
    const SLOTS: [&'static str; 2] = ["as_of", "partner"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.summary.render(
            &c.r.l10n,
            c.locale,
            &[self.edition, self.level.map_or("none", level_key)],
            &[self.as_of, self.partner],
        )
    }
}

/// `revenue-explanation`: the revenue requirement of one level.
pub(super) struct RevenueExplanation<'a> {
    pub level: Level,
    pub market: Market,
    pub met: bool,
    /// The edition's product wording (`Edition::revenue.wording`).
    pub wording: &'static str,
    pub start: &'a str,
    pub end: &'a str,
    pub qualifying: &'a str,
    pub threshold: &'a str,
    /// Empty when met.
    pub shortfall: &'a str,
}

impl RevenueExplanation<'_> {
    const ID: &'static str = "revenue-explanation";
    const SLOTS: [&'static str; 5] = ["end", "qualifying", "shortfall", "start", "threshold"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.revenue.render(
            &c.r.l10n,
            c.locale,
            &[
                level_key(self.level),
                market_key(self.market),
                if self.met { "yes" } else { "no" },
                self.wording,
            ],
            &[
                self.end,
                self.qualifying,
                self.shortfall,
                self.start,
                self.threshold,
            ],
        )
    }
}

/// `revenue-exclusions`: what the revenue total leaves out (a sentence).
pub(super) struct Exclusions<'a> {
    pub items: &'a str,
}

impl Exclusions<'_> {
    const ID: &'static str = "revenue-exclusions";
    const SLOTS: [&'static str; 1] = ["items"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates
            .exclusions
            .render(&c.r.l10n, c.locale, &[], &[self.items])
    }
}

/// `revenue-excluded-*`: one item of `revenue-exclusions`.
pub(super) struct Excluded<'a> {
    /// Index into `IDS` (the order of `RevenueTotals`' exclusions).
    pub reason: usize,
    /// A negative amount: a credit.
    pub credit: bool,
    /// The amount without its sign.
    pub amount: &'a str,
}

impl Excluded<'_> {
    pub const IDS: [&'static str; 3] = [
        "revenue-excluded-outside-period",
        "revenue-excluded-other-product",
        "revenue-excluded-without-dpor",
    ];
    const SELECTORS: [(&'static str, &'static [&'static str]); 1] =
        [("kind", &["revenue", "credit"])];
    const SLOTS: [&'static str; 1] = ["amount"];

    pub fn render(&self, c: &Ctx) -> String {
        let kind = if self.credit { "credit" } else { "revenue" };
        match c.r.templates.excluded.get(self.reason) {
            Some(t) => t.render(&c.r.l10n, c.locale, &[kind], &[self.amount]),
            None => String::new(),
        }
    }
}

/// `exams-met`: the exam requirement of one level, met.
pub(super) struct ExamsMet {
    pub required: u32,
}

impl ExamsMet {
    pub const ID: &'static str = "exams-met";

    pub fn fluent(&self, l10n: &Localizer, locale: Locale) -> String {
        let mut args = FluentArgs::with_capacity(1);
        args.set("required", self.required);
        l10n.text(locale, Self::ID, Some(&args))
    }

    pub fn render(&self, c: &Ctx) -> String {
        let required = self.required;
        counted(c, Self::ID, required, 0, || {
            let mut args = FluentArgs::with_capacity(1);
            args.set("required", required);
            args
        })
    }
}

/// `exams-unmet`: the exam requirement of one level, not met.
pub(super) struct ExamsUnmet {
    pub filled: u32,
    pub required: u32,
}

impl ExamsUnmet {
    pub const ID: &'static str = "exams-unmet";

    fn args(filled: u32, required: u32) -> FluentArgs<'static> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("filled", filled);
        args.set("required", required);
        args
    }

    pub fn fluent(&self, l10n: &Localizer, locale: Locale) -> String {
        l10n.text(
            locale,
            Self::ID,
            Some(&Self::args(self.filled, self.required)),
        )
    }

    pub fn render(&self, c: &Ctx) -> String {
        let (filled, required) = (self.filled, self.required);
        counted(c, Self::ID, filled, required, || {
            Self::args(filled, required)
        })
    }
}

/// `exams-holders`: who holds the seats of one role (a sentence).
pub(super) struct ExamsHolders<'a> {
    pub role: &'static str,
    /// How many people `people` names.
    pub count: u32,
    /// The role's seats at this level.
    pub seats: u32,
    pub people: &'a str,
}

impl ExamsHolders<'_> {
    const ID: &'static str = "exams-holders";
    const SLOTS: [&'static str; 1] = ["people"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.holders.render(
            &c.r.l10n,
            c.locale,
            &[&number(self.count), self.role, &number(self.seats)],
            &[self.people],
        )
    }
}

/// `gap-explanation`: what one level still lacks.
pub(super) struct GapExplanation<'a> {
    pub level: Level,
    pub items: &'a str,
}

impl GapExplanation<'_> {
    const ID: &'static str = "gap-explanation";
    const SELECTORS: [(&'static str, &'static [&'static str]); 1] =
        [("level", &["silver", "gold"])];
    const SLOTS: [&'static str; 1] = ["items"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates
            .gap
            .render(&c.r.l10n, c.locale, &[level_key(self.level)], &[self.items])
    }
}

/// `gap-item-revenue`: an item of `gap-explanation`.
pub(super) struct GapItemRevenue<'a> {
    pub amount: &'a str,
}

impl GapItemRevenue<'_> {
    const ID: &'static str = "gap-item-revenue";
    const SLOTS: [&'static str; 1] = ["amount"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates
            .gap_revenue
            .render(&c.r.l10n, c.locale, &[], &[self.amount])
    }
}

/// `gap-item-exams` and `gap-item-individuals`: items of `gap-explanation`.
pub(super) struct GapItemCount {
    pub id: &'static str,
    pub count: u32,
}

impl GapItemCount {
    pub const EXAMS: &'static str = "gap-item-exams";
    pub const INDIVIDUALS: &'static str = "gap-item-individuals";

    pub fn fluent(&self, l10n: &Localizer, locale: Locale) -> String {
        let mut args = FluentArgs::with_capacity(1);
        args.set("count", self.count);
        l10n.text(locale, self.id, Some(&args))
    }

    pub fn render(&self, c: &Ctx) -> String {
        let count = self.count;
        counted(c, self.id, count, 0, || {
            let mut args = FluentArgs::with_capacity(1);
            args.set("count", count);
            args
        })
    }
}

/// `gap-step`: one seat to fill, by whom, with which exams.
pub(super) struct GapStep<'a> {
    /// The listed individual's name; `None`: a new individual.
    pub person: Option<&'a str>,
    /// Which new individual (1, 2, …) when the plan needs several; 0 when one.
    pub number: u32,
    /// The role's exams the listed individual already has.
    pub held: u32,
    pub held_exams: &'a str,
    pub role: &'static str,
    pub exams: &'a str,
}

impl GapStep<'_> {
    const ID: &'static str = "gap-step";
    const SLOTS: [&'static str; 3] = ["exams", "held_exams", "person"];

    pub fn render(&self, c: &Ctx) -> String {
        let who = if self.person.is_some() {
            "listed"
        } else {
            "new"
        };
        c.r.templates.step.render(
            &c.r.l10n,
            c.locale,
            &[&number(self.held), &number(self.number), self.role, who],
            &[self.exams, self.held_exams, self.person.unwrap_or_default()],
        )
    }
}

/// `exam-option`: `MB2-710 “…”`.
pub(super) struct ExamOption<'a> {
    pub code: &'a str,
}

impl ExamOption<'_> {
    pub fn fluent(&self, l10n: &Localizer, locale: Locale) -> String {
        let mut args = FluentArgs::with_capacity(2);
        args.set("code", self.code);
        args.set("label", l10n.label(locale, &label::exam(self.code)));
        l10n.text(locale, "exam-option", Some(&args))
    }
}

/// `exam-choice`: "one exam of the deployment group (A or B)".
pub(super) struct ExamChoice<'a> {
    pub group_label: &'a str,
    pub count: u32,
    /// The options, joined with "or".
    pub options: &'a str,
}

impl ExamChoice<'_> {
    pub fn fluent(&self, l10n: &Localizer, locale: Locale) -> String {
        let mut args = FluentArgs::with_capacity(3);
        args.set("group", self.group_label);
        args.set("count", self.count);
        args.set("options", self.options);
        l10n.text(locale, "exam-choice", Some(&args))
    }
}

// ------------------------------------------------------------------- catalog

/// `revenue-rule`: which revenue counts.
pub(super) struct RevenueRule {
    pub wording: &'static str,
}

impl RevenueRule {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(1);
        args.set("wording", self.wording);
        fluent(c, "revenue-rule", &args)
    }
}

/// `requirement-threshold`: one market's revenue threshold.
pub(super) struct RequirementThreshold<'a> {
    pub market: &'a str,
    pub threshold: &'a str,
    pub wording: &'static str,
}

impl RequirementThreshold<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(3);
        args.set("market", self.market);
        args.set("threshold", self.threshold);
        args.set("wording", self.wording);
        fluent(c, "requirement-threshold", &args)
    }
}

/// `requirement-individuals`: how many individuals a level needs.
pub(super) struct RequirementIndividuals {
    pub count: u32,
    /// `Edition::exams_wording`.
    pub wording: &'static str,
}

impl RequirementIndividuals {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(2);
        args.set("count", self.count);
        args.set("wording", self.wording);
        fluent(c, "requirement-individuals", &args)
    }
}

/// `requirement-role`: the exams each seat of one role needs.
pub(super) struct RequirementRole<'a> {
    pub count: u32,
    pub role: &'static str,
    pub exams: &'a str,
}

impl RequirementRole<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(3);
        args.set("count", self.count);
        args.set("role", self.role);
        args.set("exams", self.exams);
        fluent(c, "requirement-role", &args)
    }
}

/// `exam-note-retiring`: an exam's own note.
pub(super) struct ExamNoteRetiring<'a> {
    pub retiring: &'a str,
    pub until: &'a str,
}

impl ExamNoteRetiring<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(2);
        args.set("retiring", self.retiring);
        args.set("until", self.until);
        fluent(c, "exam-note-retiring", &args)
    }
}

/// `competency-note`: a retiring exam, among the competency's notes.
pub(super) struct CompetencyNote<'a> {
    pub code: &'a str,
    pub label: &'a str,
    pub retiring: &'a str,
    pub until: &'a str,
}

impl CompetencyNote<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(4);
        args.set("code", self.code);
        args.set("label", self.label);
        args.set("retiring", self.retiring);
        args.set("until", self.until);
        fluent(c, "competency-note", &args)
    }
}

/// `edition-in-force`: when an edition's rules apply.
pub(super) struct EditionInForce<'a> {
    pub edition: &'a str,
    pub from: Option<&'a str>,
    pub until: Option<&'a str>,
}

impl EditionInForce<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let span = match (self.from, self.until) {
            (Some(_), Some(_)) => "between",
            (Some(_), None) => "since",
            (None, Some(_)) => "until",
            (None, None) => "always",
        };
        let mut args = FluentArgs::with_capacity(4);
        args.set("edition", self.edition);
        args.set("span", span);
        args.set("from", self.from.unwrap_or_default());
        args.set("until", self.until.unwrap_or_default());
        fluent(c, "edition-in-force", &args)
    }
}
