//! The keep plan's result (`keep::keep`): what to add to keep a level
//! through the horizon, or why nothing can.

use super::super::model::{Edition, Level};
use super::super::{Date, GapStep, Money};
use super::keep_revenue::Lowest;
use super::Change;

/// What to add, by `revenue_by` and `exams_by`, to keep a level through the
/// horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeepPlan {
    pub level: Level,
    /// = `changes_on`, the day the level would be lost: `revenue_by` or
    /// `exams_by`, whichever is earlier (both, when they are the same).
    pub deadline: Date,
    pub horizon_end: Date,
    /// Extra qualifying revenue; zero when revenue holds.
    pub revenue_needed: Money,
    /// The last day the extra revenue can be booked: the first day from the
    /// deadline on which qualifying revenue falls short (revenue booked then
    /// stays in the TTM period through `horizon_end`, which is within a year
    /// of `as_of`); the deadline when no revenue is needed.
    pub revenue_by: Date,
    /// `as_of`, when the plan asks for revenue and revenue dated on it (or
    /// before) leaves the TTM period by `horizon_end`, so that what the plan
    /// asks for must be dated after it (review 40, M6); `None` otherwise, as
    /// where a February 29 falls within the year (review 41, M5).
    pub revenue_dated_after: Option<Date>,
    /// The last day the plan's passes can be dated: the first day from the
    /// deadline on which the level's seats are not filled (after the
    /// deadline when the level is lost on it through its revenue); the
    /// deadline when the seats are filled on every day.
    pub exams_by: Date,
    /// When the plan adds passes due after the deadline: what happens on
    /// `exams_by` as things stand (the exams requirement is no longer met,
    /// and the passes that stop counting or the edition that comes into
    /// force that day), since the outlook's sentence speaks only of the
    /// revenue then.
    pub exams_lost: Option<Change>,
    /// What `revenue_needed` makes up for, when the outlook's sentence does
    /// not say it (revenue does not flip on the change, or keeps falling
    /// after it): the first day qualifying revenue is lowest, and its amount.
    pub lowest: Option<Lowest>,
    pub additional_exams: u32,
    pub additional_individuals: u32,
    /// The edition applied on the deadline: the steps' roles and groups
    /// index into it.
    pub edition: &'static Edition,
    /// One per seat to fill, as in the gap; `one_of` lists the offered exams.
    pub steps: Vec<GapStep>,
    /// The people who hold a seat of the level today and whom the plan
    /// moves, with no exam, to a seat of another role (with one binding
    /// state: every catalog case), so that the plan's text can say why
    /// someone whose pass stops counting needs no exam.
    pub moves: Vec<KeepMove>,
    /// The people who hold no seat of the level today and whom the plan
    /// seats with no exam (their listed passes qualify them by `exams_by`;
    /// with one binding state), so that the plan's text can say who takes
    /// over the seat of someone whose pass stops counting.
    pub takes: Vec<KeepTake>,
    /// False only where the binding states had to be intersected (never
    /// with the catalog's tables; see the module's comment, point 6).
    pub exact: bool,
}

/// A seat holder's move in a keep plan (`KeepPlan::moves`): roles index
/// into `KeepPlan::edition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepMove {
    /// Index into `Submission::individuals`.
    pub individual: usize,
    /// The role of the seat they hold today.
    pub from: usize,
    /// The role of the seat they move to.
    pub to: usize,
    /// How many seats of that role the level has.
    pub seats: u32,
}

/// A seat taken with no exam in a keep plan (`KeepPlan::takes`): roles
/// index into `KeepPlan::edition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepTake {
    /// Index into `Submission::individuals`.
    pub individual: usize,
    /// The role of the seat they take.
    pub to: usize,
    /// How many seats of that role the level has.
    pub seats: u32,
    /// The holder of a seat of that role today whom the plan seats in no
    /// seat of it, whose seat this is, if any.
    pub holder: Option<usize>,
}

/// Why no plan can keep a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannotKeep {
    pub level: Level,
    pub deadline: Date,
    pub horizon_end: Date,
    /// The edition applied on the deadline (`Why::NoExam` indexes into it).
    pub edition: &'static Edition,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A seat needs this group (an index into `CannotKeep::edition`'s
    /// groups), no one holds it on `on`, and none of its exams can be taken
    /// on `by` (`KeepPlan::exams_by`) and count through `horizon_end`.
    NoExam { group: usize, on: Date, by: Date },
    /// The edition applied on `on` has no such level.
    NoLevel { on: Date },
}
