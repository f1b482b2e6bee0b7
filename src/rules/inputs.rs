//! What happened to every input (§2.8): a warning for each exam pass that
//! does not count, and, on request, the disposition of every revenue record
//! and exam pass. Structured data only; the adapter words it.

use super::evaluate::{Evaluation, PassUse};
use super::exams;
use super::revenue::Exclusion;

pub use super::ignored::{ExamWarning, Ignored, NotAccepted, Suggestion};

/// The disposition of every input, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// One per revenue record: `None` when it counts, else the first reason
    /// (§2.2's order) it fails.
    pub revenue: Vec<Option<Exclusion>>,
    /// One list per individual, one entry per exam pass.
    pub exams: Vec<Vec<PassOutcome>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassOutcome {
    /// The pass is what holds its group for seats the individual fills:
    /// `(index into Evaluation::levels, index into that level's seats)`.
    Counted {
        seats: Vec<(usize, usize)>,
    },
    /// The pass is valid, but no seat uses it: the individual fills no seat
    /// needing its group, or another pass of the group holds it.
    NotNeeded,
    Ignored(Ignored),
}

/// The disposition of every input, as `ev` used it: read from the
/// evaluation's own outcomes, nothing looked up again. Linear in the size of
/// the submission.
pub fn trace(ev: &Evaluation) -> Trace {
    let role_masks = exams::role_masks(ev.edition);
    let individuals = ev.people.held.len();
    // The seats each individual fills, with the groups each needs.
    let mut seats_of: Vec<Vec<(usize, usize, u8)>> = vec![Vec::new(); individuals];
    for (l, level) in ev.levels.iter().enumerate() {
        for (s, seat) in level.exams.seats.iter().enumerate() {
            if let Some(i) = seat.individual {
                if let Some(list) = seats_of.get_mut(i) {
                    list.push((l, s, role_masks.get(seat.role).copied().unwrap_or(0)));
                }
            }
        }
    }
    let exams = seats_of
        .iter()
        .enumerate()
        .map(|(i, seats)| {
            ev.people
                .passes(i)
                .iter()
                .map(|pass| match *pass {
                    PassUse::Holds { group } => {
                        let used: Vec<(usize, usize)> = seats
                            .iter()
                            .filter(|(_, _, mask)| mask & (1 << group) != 0)
                            .map(|&(l, s, _)| (l, s))
                            .collect();
                        if used.is_empty() {
                            PassOutcome::NotNeeded
                        } else {
                            PassOutcome::Counted { seats: used }
                        }
                    }
                    PassUse::SameGroup { .. } => PassOutcome::NotNeeded,
                    PassUse::Ignored { warning } => match ev.warnings.get(warning as usize) {
                        Some(w) => PassOutcome::Ignored(w.ignored),
                        None => PassOutcome::NotNeeded,
                    },
                })
                .collect()
        })
        .collect();
    Trace {
        revenue: ev.records.clone(),
        exams,
    }
}
