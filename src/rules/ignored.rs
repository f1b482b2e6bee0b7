//! What one exam pass does on `as_of`, and why a pass does not count (the
//! warnings of §2.8): structured data, worded by the adapter.

use super::catalog::Availability;
use super::model::Edition;
use super::Date;

/// What one pass does for its individual on `as_of` (see `held_with`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// The first valid pass of its group: the individual holds the group.
    Holds {
        group: usize,
    },
    /// Valid, but an earlier pass of another exam of the group holds it.
    SameGroup {
        group: usize,
    },
    Ignored(Ignored),
}

/// The known codes one edit away from an unknown one: none, one, or two
/// (in code order); three or more suggest nothing, as the code is then like
/// no exam in particular.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggestion {
    None,
    One(&'static str),
    Two(&'static str, &'static str),
}

impl Suggestion {
    /// These and `code`, one more code found one edit away; `None` when
    /// that makes three.
    pub(super) fn and(self, code: &'static str) -> Option<Suggestion> {
        match self {
            Suggestion::None => Some(Suggestion::One(code)),
            Suggestion::One(a) if code < a => Some(Suggestion::Two(code, a)),
            Suggestion::One(a) => Some(Suggestion::Two(a, code)),
            Suggestion::Two(..) => None,
        }
    }

    /// The codes, in order.
    pub fn codes(self) -> impl Iterator<Item = &'static str> {
        let (a, b) = match self {
            Suggestion::None => (None, None),
            Suggestion::One(a) => (Some(a), None),
            Suggestion::Two(a, b) => (Some(a), Some(b)),
        };
        a.into_iter().chain(b)
    }
}

/// Why an exam pass does not count. A pass gets the first that applies, in
/// this order: the code, then a day the exam could not be taken (a calendar
/// fact, whatever the edition), then the edition, then a date after
/// `as_of`, then repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ignored {
    /// No edition of the competency has the code. `suggestion`: the known
    /// codes one edit away after normalization.
    UnknownExamCode { suggestion: Suggestion },
    /// The edition applied does not accept the exam on `as_of`.
    ExamNotAccepted {
        code: &'static str,
        why: NotAccepted,
    },
    /// Dated on a day the exam could not be taken (§2.6): the date is
    /// wrong, and the pass counts on no day until it is corrected.
    ExamNotAvailableOnPassDate {
        code: &'static str,
        passed_on: Date,
        availability: &'static Availability,
    },
    /// Dated after `as_of`.
    ExamPassedAfterAsOf {
        code: &'static str,
        passed_on: Date,
        /// Another pass of the same exam listed for the same individual
        /// counts on `as_of`: this one is a later retake listed too, which
        /// changes nothing when its day comes (review 37 L2).
        already: bool,
    },
    /// Not dated, so taken to be passed by `as_of`, but the exam can be
    /// taken only from `from`, a later day (§2.6: MB2-877 before
    /// 2018-01-01): it counts from `from` at the earliest.
    ExamNotYetAvailable { code: &'static str, from: Date },
    /// The individual's pass `first` (an index into their exams) is the same
    /// exam and counts (or would, were its group not already held).
    DuplicateExamPass { code: &'static str, first: usize },
}

/// Which exam a pass that does not count is a listing of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// A known exam: its canonical code.
    Exam(&'static str),
    /// A code no edition has: only the code as given names it.
    Unknown,
    /// A repeat of a counting exam (`DuplicateExamPass`).
    Repeat,
}

impl Ignored {
    /// Which exam the pass is a listing of.
    pub fn code(&self) -> Listed {
        match *self {
            Ignored::UnknownExamCode { .. } => Listed::Unknown,
            Ignored::DuplicateExamPass { .. } => Listed::Repeat,
            Ignored::ExamNotAccepted { code, .. }
            | Ignored::ExamNotAvailableOnPassDate { code, .. }
            | Ignored::ExamPassedAfterAsOf { code, .. }
            | Ignored::ExamNotYetAvailable { code, .. } => Listed::Exam(code),
        }
    }

    /// The stable reason code callers see.
    pub fn reason(&self) -> &'static str {
        match self {
            Ignored::UnknownExamCode { .. } => "UNKNOWN_EXAM_CODE",
            Ignored::ExamNotAccepted { .. } => "EXAM_NOT_ACCEPTED",
            Ignored::ExamNotAvailableOnPassDate { .. } => "EXAM_NOT_AVAILABLE_ON_PASS_DATE",
            Ignored::ExamPassedAfterAsOf { .. } => "EXAM_PASSED_AFTER_AS_OF",
            Ignored::ExamNotYetAvailable { .. } => "EXAM_NOT_YET_AVAILABLE",
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
    /// `first_day`: the pass's date, or with no date the exam's first day,
    /// when that day comes after `other` comes into force, so that the pass
    /// counts from it at the earliest (where `other` comes to apply).
    NotInEdition {
        other: &'static Edition,
        first_day: Option<Date>,
    },
}

/// Editions are compared by identity: each is a static table.
impl PartialEq for NotAccepted {
    fn eq(&self, other: &NotAccepted) -> bool {
        match (self, other) {
            (
                NotAccepted::Expired { accepted_until: a },
                NotAccepted::Expired { accepted_until: b },
            ) => a == b,
            (
                NotAccepted::NotInEdition {
                    other: a,
                    first_day: x,
                },
                NotAccepted::NotInEdition {
                    other: b,
                    first_day: y,
                },
            ) => std::ptr::eq(*a, *b) && x == y,
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
