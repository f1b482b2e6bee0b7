//! The outlook's Fluent messages (`locales/*/outlook.ftl`), one typed
//! struct each: its id, argument names and selector keys in one place.

use fluent::FluentArgs;

use crate::l10n::Message;
use crate::rules::outlook::Direction;
use crate::rules::Level;

use super::super::render::level_key;

/// `$change` of `outlook`.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Lapses,
    Won,
    /// A level won on the first change and lost on a later day: the
    /// sentence after the `Won` one.
    LostAgain,
    /// A level lost on the first change and won on a later day: the
    /// sentence after the `Lapses` one.
    WonAgain,
    Holds,
    NotWon,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Lapses => "lapses",
            Kind::Won => "won",
            Kind::LostAgain => "lost-again",
            Kind::WonAgain => "won-again",
            Kind::Holds => "holds",
            Kind::NotWon => "not-won",
        }
    }
}

/// `$period` of `outlook-revenue` and `outlook-more-records`: whether the
/// item is the first of its sentence to name the TTM period, or follows one
/// that did, and so refers back to it ("enters it", «в него войдет»).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    Named,
    Again,
}

impl Period {
    fn key(self) -> &'static str {
        match self {
            Period::Named => "named",
            Period::Again => "again",
        }
    }
}

fn direction_key(direction: Direction) -> &'static str {
    match direction {
        Direction::Starts => "starts",
        Direction::Stops => "stops",
    }
}

fn sign_key(negative: bool) -> &'static str {
    if negative {
        "negative"
    } else {
        "positive"
    }
}

fn met_key(met: bool) -> &'static str {
    if met {
        "yes"
    } else {
        "no"
    }
}

/// `$keep` of `outlook`: whether a level that lapses can be kept (its keep
/// plan is a sibling, `Outlook.keep`), or not, and why (`$why`,
/// `CannotKeepMessage`).
#[derive(Clone, Copy)]
pub(super) enum Keep<'a> {
    /// A plan keeps it, or the outlook has none (nothing lapses).
    Possible,
    Cannot {
        why: &'a str,
    },
}

impl Keep<'_> {
    fn key(self) -> &'static str {
        match self {
            Keep::Possible => "possible",
            Keep::Cannot { .. } => "cannot",
        }
    }
}

/// `outlook`: the sentence.
pub(super) struct OutlookMessage<'a> {
    pub(super) change: Kind,
    pub(super) level: Level,
    pub(super) last: &'a str,
    pub(super) day: &'a str,
    pub(super) horizon: &'a str,
    /// What enters or leaves, and what follows from it (two lists, so that
    /// a locale can join them as its grammar needs).
    pub(super) causes: &'a str,
    pub(super) results: &'a str,
    pub(super) keep: Keep<'a>,
    /// Whether `last` is the day the answer has just named (`$today`: yes,
    /// no): the evaluation date for a lapse, the day the level is won for a
    /// loss after it. The level holds for that day alone.
    pub(super) today: bool,
}

impl Message for OutlookMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(10);
        args.set("change", self.change.key());
        args.set("today", if self.today { "yes" } else { "no" });
        args.set("level", level_key(self.level));
        args.set("last", self.last);
        args.set("day", self.day);
        args.set("horizon", self.horizon);
        args.set("causes", self.causes);
        args.set("results", self.results);
        args.set("keep", self.keep.key());
        args.set(
            "why",
            match self.keep {
                Keep::Cannot { why } => why,
                Keep::Possible => "",
            },
        );
        args
    }
}

/// `outlook-revenue`: records booked on one day entering or leaving.
pub(super) struct RevenueMessage {
    pub(super) direction: Direction,
    pub(super) negative: bool,
    /// Without its sign.
    pub(super) amount: String,
    pub(super) booked: String,
    pub(super) records: u32,
    pub(super) period: Period,
}

impl Message for RevenueMessage {
    fn id(&self) -> &'static str {
        "outlook-revenue"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("direction", direction_key(self.direction));
        args.set("sign", sign_key(self.negative));
        args.set("amount", self.amount.as_str());
        args.set("booked", self.booked.as_str());
        args.set("records", self.records);
        args.set("period", self.period.key());
        args
    }
}

/// `outlook-pass`: one pass starting or stopping to count.
pub(super) struct PassMessage<'a> {
    pub(super) direction: Direction,
    pub(super) person: &'a str,
    pub(super) code: &'a str,
}

impl Message for PassMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-pass"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("direction", direction_key(self.direction));
        args.set("person", self.person);
        args.set("code", self.code);
        args
    }
}

/// `outlook-passes`: several passes moving one way, grouped by person.
pub(super) struct PassesMessage<'a> {
    pub(super) direction: Direction,
    /// All of them, named or not.
    pub(super) count: u32,
    /// `PersonPassesMessage`s and a `MorePassesOfPeopleMessage`, joined.
    pub(super) list: &'a str,
}

impl Message for PassesMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-passes"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("direction", direction_key(self.direction));
        args.set("count", self.count);
        args.set("list", self.list);
        args
    }
}

/// `outlook-passes-person`: one person's passes in `PassesMessage`.
pub(super) struct PersonPassesMessage<'a> {
    pub(super) person: &'a str,
    /// Their codes, joined.
    pub(super) codes: &'a str,
    pub(super) count: u32,
}

impl Message for PersonPassesMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-passes-person"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("person", self.person);
        args.set("codes", self.codes);
        args.set("count", self.count);
        args
    }
}

/// `$join` of `outlook-keep-steps` and `outlook-passes-people`: which two
/// items of a list joined from its end it joins.
#[derive(Clone, Copy)]
pub(in crate::api::outlook) enum ListJoin {
    /// The only two.
    Pair,
    /// The last two of three or more.
    End,
    /// An earlier item and the rest of the list.
    Middle,
}

impl ListJoin {
    pub(in crate::api::outlook) fn key(self) -> &'static str {
        match self {
            ListJoin::Pair => "pair",
            ListJoin::End => "end",
            ListJoin::Middle => "middle",
        }
    }
}

/// `outlook-passes-people`: one item of `PassesMessage`'s list (a
/// `PersonPassesMessage`) and the items after it, already joined.
pub(super) struct PassesPeopleMessage<'a> {
    pub(super) join: ListJoin,
    /// Whether some person in the list has two or more codes (joined by
    /// an "and" of their own).
    pub(super) several: bool,
    pub(super) first: &'a str,
    pub(super) rest: &'a str,
}

impl Message for PassesPeopleMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-passes-people"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("join", self.join.key());
        args.set("several", if self.several { "yes" } else { "no" });
        args.set("first", self.first);
        args.set("rest", self.rest);
        args
    }
}

/// `outlook-passes-more`: the passes of people `PassesMessage` does not name.
pub(super) struct MorePassesOfPeopleMessage {
    pub(super) count: u32,
}

impl Message for MorePassesOfPeopleMessage {
    fn id(&self) -> &'static str {
        "outlook-passes-more"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("count", self.count);
        args
    }
}

/// `outlook-edition`: an edition coming into force.
pub(super) struct EditionMessage<'a> {
    pub(super) edition: &'a str,
}

impl Message for EditionMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-edition"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("edition", self.edition);
        args
    }
}

/// `$direction` of `outlook-more-records` and `outlook-more-passes`: the
/// way every unnamed record or pass moves, or `both`.
fn directions_key(directions: &[Direction]) -> &'static str {
    match directions.first() {
        Some(first) if directions.iter().all(|d| d == first) => direction_key(*first),
        _ => "both",
    }
}

/// `outlook-more-records`: revenue records not named.
pub(super) struct MoreRecordsMessage<'a> {
    pub(super) directions: &'a [Direction],
    pub(super) count: u32,
    pub(super) period: Period,
}

impl Message for MoreRecordsMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-more-records"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("direction", directions_key(self.directions));
        args.set("count", self.count);
        args.set("period", self.period.key());
        args
    }
}

/// `outlook-more-passes`: passes not named.
pub(super) struct MorePassesMessage<'a> {
    pub(super) directions: &'a [Direction],
    pub(super) count: u32,
}

impl Message for MorePassesMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-more-passes"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("direction", directions_key(self.directions));
        args.set("count", self.count);
        args
    }
}

/// `outlook-revenue-result`: qualifying revenue against the threshold.
pub(super) struct RevenueResultMessage {
    pub(super) met: bool,
    /// A negative total (more credits than revenue): a net credit.
    pub(super) negative: bool,
    /// The total without its sign.
    pub(super) qualifying: String,
    pub(super) threshold: String,
}

impl Message for RevenueResultMessage {
    fn id(&self) -> &'static str {
        "outlook-revenue-result"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("met", met_key(self.met));
        args.set("sign", sign_key(self.negative));
        args.set("qualifying", self.qualifying.as_str());
        args.set("threshold", self.threshold.as_str());
        args
    }
}

/// `outlook-exams-result`: the exam requirements.
pub(super) struct ExamsResultMessage {
    pub(super) met: bool,
    /// Met once more after days they were not (`won-again`; `$met`: again).
    pub(super) again: bool,
}

impl Message for ExamsResultMessage {
    fn id(&self) -> &'static str {
        "outlook-exams-result"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set(
            "met",
            if self.met && self.again {
                "again"
            } else {
                met_key(self.met)
            },
        );
        args
    }
}

mod keep;
pub(super) use keep::*;

#[cfg(test)]
mod tests;
