//! What happened to every input (§2.8): a warning for each exam pass that
//! does not count, and, on request, the disposition of every revenue record
//! and exam pass. Structured data only; the adapter words it.

use super::evaluate::{Evaluation, Submission};
use super::exams::{self, Disposition, ExamIndex};
use super::model::Edition;
use super::revenue::{self, Exclusion};
use super::Date;

/// Why an exam pass does not count. A pass gets the first that applies, in
/// this order: the code, then the edition, then the date, then repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ignored {
    /// No edition of the competency has the code. `suggestion`: the one
    /// known code one edit away after normalization, when exactly one is.
    UnknownExamCode { suggestion: Option<&'static str> },
    /// The edition applied does not accept the exam on `as_of`.
    ExamNotAccepted {
        code: &'static str,
        why: NotAccepted,
    },
    /// Dated after `as_of`.
    ExamPassedAfterAsOf { code: &'static str, passed_on: Date },
    /// The individual's pass `first` (an index into their exams) is the same
    /// exam and counts (or would, were its group not already held).
    DuplicateExamPass { code: &'static str, first: usize },
}

impl Ignored {
    /// The stable reason code callers see.
    pub fn reason(&self) -> &'static str {
        match self {
            Ignored::UnknownExamCode { .. } => "UNKNOWN_EXAM_CODE",
            Ignored::ExamNotAccepted { .. } => "EXAM_NOT_ACCEPTED",
            Ignored::ExamPassedAfterAsOf { .. } => "EXAM_PASSED_AFTER_AS_OF",
            Ignored::DuplicateExamPass { .. } => "DUPLICATE_EXAM_PASS",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum NotAccepted {
    /// The edition accepted passes up to this day, and `as_of` is later.
    Expired { accepted_until: Date },
    /// The edition applied lacks the exam; `other` is the nearest edition of
    /// the competency that has it (a later one if any, else an earlier one).
    NotInEdition { other: &'static Edition },
}

/// Editions are compared by identity: each is a static table.
impl PartialEq for NotAccepted {
    fn eq(&self, other: &NotAccepted) -> bool {
        match (self, other) {
            (
                NotAccepted::Expired { accepted_until: a },
                NotAccepted::Expired { accepted_until: b },
            ) => a == b,
            (NotAccepted::NotInEdition { other: a }, NotAccepted::NotInEdition { other: b }) => {
                std::ptr::eq(*a, *b)
            }
            _ => false,
        }
    }
}

impl Eq for NotAccepted {}

/// An exam pass that does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamWarning {
    /// Index into `Submission::individuals`.
    pub individual: usize,
    /// Index into that individual's exams.
    pub exam: usize,
    pub ignored: Ignored,
}

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

/// The warning for pass `exam` of `individual`, if it does not count. The
/// evaluation calls this for every pass as it looks the codes up anyway, so
/// warnings cost nothing beyond the (rare) passes that have one.
pub(crate) fn warning(individual: usize, exam: usize, d: &Disposition) -> Option<ExamWarning> {
    match d {
        Disposition::Ignored(ignored) => Some(ExamWarning {
            individual,
            exam,
            ignored: *ignored,
        }),
        Disposition::Holds { .. } | Disposition::SameGroup { .. } => None,
    }
}

/// The disposition of every input of `submission`, as `ev` (its evaluation
/// by `edition` on `as_of`) used it. Linear in the size of the submission.
pub fn trace(
    edition: &'static Edition,
    as_of: Date,
    submission: &Submission,
    ev: &Evaluation,
) -> Trace {
    let revenue = submission
        .revenue
        .iter()
        .map(|r| revenue::classify(&edition.revenue, &ev.period, r))
        .collect();

    let role_masks = exams::role_masks(edition);
    // The seats each individual fills, with the groups each needs.
    let mut seats_of: Vec<Vec<(usize, usize, u8)>> = vec![Vec::new(); submission.individuals.len()];
    for (l, level) in ev.levels.iter().enumerate() {
        for (s, seat) in level.exams.seats.iter().enumerate() {
            if let Some(i) = seat.individual {
                if let Some(list) = seats_of.get_mut(i) {
                    list.push((l, s, role_masks.get(seat.role).copied().unwrap_or(0)));
                }
            }
        }
    }

    let index = ExamIndex::new(edition, as_of);
    let exams = submission
        .individuals
        .iter()
        .zip(&seats_of)
        .map(|(ind, seats)| {
            let mut out = Vec::with_capacity(ind.exams.len());
            exams::held_with(&index, &ind.exams, as_of, |_, d| {
                out.push(match d {
                    Disposition::Holds { group } => {
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
                    Disposition::SameGroup { .. } => PassOutcome::NotNeeded,
                    Disposition::Ignored(ignored) => PassOutcome::Ignored(ignored),
                })
            });
            out
        })
        .collect();
    Trace { revenue, exams }
}
