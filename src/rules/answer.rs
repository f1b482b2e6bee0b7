//! The one result of a call (issue 23): today's evaluation and, from it,
//! every level's outlook. The adapter builds the whole answer from this; no
//! part of it is computed twice.

use super::evaluate::{evaluate_before, Evaluation, Submission};
use super::model::Level;
use super::outlook::{self, Editions, LevelOutlook};
use super::Date;

/// The earliest `as_of` an answer can be given for: its TTM period starts on
/// 0001-01-01 (an earlier one would start in year 0).
pub const FIRST_AS_OF: Date = Date::ymd(1, 12, 31);
/// The latest `as_of`: the outlook's last day is 9999-12-31.
pub const LAST_AS_OF: Date = Date::ymd(9998, 12, 31);

/// Whether every date an answer for `as_of` carries lies in years 1–9999.
pub fn in_range(as_of: Date) -> bool {
    (FIRST_AS_OF..=LAST_AS_OF).contains(&as_of)
}

/// Everything the answer to one evaluation needs.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The result on `as_of`: every input's outcome, every level's
    /// requirements and gap.
    pub today: Evaluation,
    /// Each level's outlook (§2.7), in the levels' order; empty when not
    /// asked for.
    pub outlook: Vec<LevelOutlook>,
}

impl Answer {
    /// The outlook of `level`, if computed.
    pub fn outlook_of(&self, level: Level) -> Option<&LevelOutlook> {
        self.outlook.iter().find(|o| o.level == level)
    }
}

/// Judges `submission` on `as_of` by the edition `editions` applies that
/// day, and looks ahead from that result when `with_outlook`.
pub fn answer(
    editions: Editions,
    as_of: Date,
    submission: &Submission,
    with_outlook: bool,
) -> Answer {
    let next = match editions {
        Editions::InForce(competency) => {
            let horizon = outlook::horizon_end(as_of);
            competency
                .editions
                .iter()
                .filter(|e| e.in_force_from.is_some_and(|d| d > as_of && d <= horizon))
                .min_by_key(|e| e.in_force_from)
        }
        Editions::Pinned(_) => None,
    };
    let today = evaluate_before(editions.on(as_of), next, as_of, submission);
    let outlook = if with_outlook {
        outlook::outlook(editions, &today, submission)
    } else {
        Vec::new()
    };
    Answer { today, outlook }
}
