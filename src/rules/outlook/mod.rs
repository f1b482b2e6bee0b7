//! The outlook (§2.7): with the submission unchanged and `as_of` moving
//! forward one day at a time through `as_of` + 365 days, the first day on
//! which each level's `attained` differs from today's, and why; for a level
//! won that way, also the first later day on which it is lost again; for
//! one lost, the first later day on which it is won again, and then lost
//! again.
//!
//! Nothing can change between two days on which something enters or leaves:
//! a revenue record enters the TTM period on the day it was booked and leaves
//! it a year later (`Date::one_year_later`), a pass starts to count on its
//! date, an exam stops counting the day after its `accepted_until`, and an
//! edition comes into force on its `in_force_from`. So the sweep visits only
//! those days, with the evaluation's own functions: qualifying revenue from
//! sums over the days records were booked (`revenue::classify`), and the
//! exam requirements from how many individuals hold each set of groups
//! (`exams::held`, `exams::assign`).

mod change;
pub mod keep;
mod keep_assign;
mod keep_bindings;
mod keep_editions;
mod keep_revenue;
mod keep_seats;
mod keep_types;
mod state;
mod sweep;
#[cfg(test)]
mod tests;

use super::model::{Competency, Edition, Level, LevelRule, Market};
use super::{Date, Money};
use keep::{CannotKeep, KeepPlan};
use state::Staff;
pub use sweep::outlook;

/// How far the outlook looks: `as_of` + 365 days, that last day included.
pub const HORIZON_DAYS: i64 = 365;

/// Most causes one change lists; the rest are only counted.
pub const MAX_CAUSES: usize = 1_000;

/// Which edition applies on each day of the sweep.
#[derive(Debug, Clone, Copy)]
pub enum Editions {
    /// The request pinned an edition: every day uses it.
    Pinned(&'static Edition),
    /// Each day uses the edition in force on that day.
    InForce(&'static Competency),
}

impl Editions {
    pub fn on(self, day: Date) -> &'static Edition {
        match self {
            Editions::Pinned(edition) => edition,
            Editions::InForce(competency) => competency.edition_in_force(day),
        }
    }
}

/// A requirement of a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    Revenue,
    Exams,
}

/// Which way something moves on the day of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A record enters the TTM period; a pass starts to count.
    Starts,
    /// A record leaves the TTM period; a pass stops counting.
    Stops,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A qualifying revenue record enters or leaves the TTM period.
    Revenue {
        /// Index into `Submission::revenue`.
        record: usize,
        amount: Money,
        booked_on: Date,
        direction: Direction,
    },
    /// A pass starts or stops counting, and with it a group the individual holds.
    Pass {
        /// Index into `Submission::individuals`.
        individual: usize,
        /// Index into that individual's `exams`.
        pass: usize,
        /// Canonical code.
        code: &'static str,
        direction: Direction,
    },
    /// Another edition of the rules comes into force.
    Edition { edition: &'static Edition },
}

/// One level's outlook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelOutlook {
    pub level: Level,
    /// Whether the level is attained on `as_of`.
    pub attained: bool,
    /// The last day looked at.
    pub horizon_end: Date,
    /// The first day `attained` differs; `None` when it never does by `horizon_end`.
    pub change: Option<Change>,
    /// For a level not attained on `as_of` and attained on `change.on`: the
    /// first later day, through `horizon_end`, on which it is lost again;
    /// for one attained, lost on `change.on` and won again (`won_again`):
    /// the first day after that on which it is lost again.
    pub lost_again: Option<Change>,
    /// For a level attained on `as_of` and lost on `change.on`: the first
    /// later day, through `horizon_end`, on which it is attained again.
    pub won_again: Option<Change>,
    /// For a level attained on `as_of` and lost on `change.on`: what keeps
    /// it through `horizon_end`, or why nothing can (`keep::keep`).
    pub keep: Option<Result<KeepPlan, CannotKeep>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub on: Date,
    /// The edition applied on `on`.
    pub edition: &'static Edition,
    /// The requirements whose `met` flips on `on`, revenue first.
    pub requirements: Vec<Requirement>,
    /// Qualifying revenue on the day before `on`, and on `on`.
    pub qualifying_before: Money,
    pub qualifying: Money,
    /// The level's threshold on `on`.
    pub threshold: Money,
    /// What enters or leaves on `on` that bears on the requirements that
    /// flip (and an edition coming into force), at most `MAX_CAUSES`.
    pub causes: Vec<Cause>,
    /// Revenue records and passes beyond `MAX_CAUSES`, counted but not listed.
    pub records_not_listed: usize,
    pub passes_not_listed: usize,
    /// Of those, how many enter the TTM period or start to count (the rest
    /// leave or stop), so that a sentence can say which way they move.
    pub records_not_listed_starting: usize,
    pub passes_not_listed_starting: usize,
}

/// The last day the outlook of `as_of` looks at: `as_of` + 365 days, and
/// never after 9999-12-31 (the API refuses such an `as_of` before it gets here).
pub fn horizon_end(as_of: Date) -> Date {
    let last = Date::ymd(9999, 12, 31);
    if as_of.days_since_epoch() + HORIZON_DAYS > last.days_since_epoch() {
        last
    } else {
        as_of.plus_days(HORIZON_DAYS)
    }
}

/// What a level's requirements are on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Flags {
    revenue: bool,
    exams: bool,
}

impl Flags {
    fn attained(self) -> bool {
        self.revenue && self.exams
    }
}

fn flags(
    edition: &'static Edition,
    level: Level,
    market: Market,
    qualifying: Money,
    staff: &mut Staff,
) -> Flags {
    match edition.level(level) {
        None => Flags {
            revenue: false,
            exams: false,
        },
        Some(rule) => Flags {
            revenue: threshold(rule, market).shortfall_from(qualifying).is_zero(),
            exams: staff.seats_filled(edition, rule),
        },
    }
}

fn threshold(rule: &LevelRule, market: Market) -> Money {
    rule.threshold(market).unwrap_or_default()
}
