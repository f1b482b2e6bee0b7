//! Exam passes: which groups each individual holds (codes are normalized
//! by `code`; the exact assignment of individuals to seats is `assign`'s,
//! re-exported here).

pub use super::assign::{
    assign, Assigned, MAX_SEAT_KINDS, MAX_SEAT_STATES, MOVED, UNLIKELY, UNPLANNED,
};
pub use super::code::normalize;
pub use super::ignored::{Disposition, ExamWarning};

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use super::catalog;
use super::code::{key, KEY_LEN};
use super::ignored::{Ignored, NotAccepted, Suggestion};
use super::model::{Competency, Edition, Exam};
use super::pass_date::{date_fault, first_counting_day, misdated_on_calendar, DateFault};
use super::Date;

/// Most exam groups an edition may have (a group set is a `u8` bit mask).
pub const MAX_GROUPS: usize = 8;

/// A pass as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamPass {
    pub code: String,
    /// `None`: no date given; the pass counts as passed by the day it is
    /// judged on, so not before its exam's first day (§2.6: MB2-877,
    /// 2018-01-01).
    pub passed_on: Option<Date>,
}

/// One exam of an edition with its normalized code.
#[derive(Clone)]
struct Entry {
    key: [u8; KEY_LEN],
    group: u8,
    exam: &'static Exam,
    /// When the exam can be taken, if that is limited (§2.6).
    availability: Option<&'static catalog::Availability>,
}

/// Every exam of `edition` with its key, in table order.
fn entries(edition: &'static Edition) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (g, group) in edition.groups.iter().enumerate() {
        for exam in group.exams {
            if let Some(key) = key(exam.code) {
                entries.push(Entry {
                    key,
                    group: g as u8,
                    exam,
                    availability: catalog::availability(exam.code),
                });
            }
        }
    }
    entries
}

/// The keys of every catalog edition's exams, computed once (§7: the rules
/// are built once, not per call).
static CATALOG: LazyLock<Vec<(&'static Edition, Vec<Entry>)>> =
    LazyLock::new(|| catalog::editions().map(|e| (e, entries(e))).collect());

/// A code some edition of a competency has, for passes the edition applied
/// does not accept.
#[derive(Clone)]
struct Known {
    key: [u8; KEY_LEN],
    /// `normalize(code)`, for suggestions.
    normalized: String,
    code: &'static str,
    /// The editions that have it, oldest first.
    editions: Vec<&'static Edition>,
}

/// Every code of `editions` (oldest first), once each.
fn known(editions: &[&'static Edition]) -> Vec<Known> {
    let mut out: Vec<Known> = Vec::new();
    for &edition in editions {
        for entry in entries(edition) {
            match out.iter_mut().find(|k| k.key == entry.key) {
                Some(k) => k.editions.push(edition),
                None => out.push(Known {
                    key: entry.key,
                    normalized: normalize(entry.exam.code),
                    code: entry.exam.code,
                    editions: vec![edition],
                }),
            }
        }
    }
    out
}

/// The codes of each catalog competency, over all its editions, computed once.
static KNOWN: LazyLock<Vec<(&'static Competency, Vec<Known>)>> = LazyLock::new(|| {
    catalog::COMPETENCIES
        .iter()
        .map(|c| (c, known(&c.editions.iter().collect::<Vec<_>>())))
        .collect()
});

/// Unknown codes whose suggestion one evaluation keeps (they tend to repeat).
const CACHED_SUGGESTIONS: usize = 16;
/// Longest code whose suggestion is kept.
const CACHED_CODE_LEN: usize = 64;

/// The exams of an edition that count on one day, ready for look-ups.
pub struct ExamIndex {
    entries: Cow<'static, [Entry]>,
    /// Every code of the edition's competency (for a catalog edition) or of
    /// the edition alone (any other).
    known: Cow<'static, [Known]>,
    edition: &'static Edition,
    as_of: Date,
    suggestions: RefCell<Vec<(String, Suggestion)>>,
}

/// What an exam code is, to the edition applied on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    Accepted {
        group: usize,
        exam: &'static Exam,
        availability: Option<&'static catalog::Availability>,
    },
    NotAccepted {
        code: &'static str,
        why: NotAccepted,
    },
    Unknown {
        suggestion: Suggestion,
    },
}

impl ExamIndex {
    /// A catalog edition's index is borrowed from `CATALOG` and `KNOWN`; any
    /// other edition's (tests make their own) is built here.
    pub fn new(edition: &'static Edition, as_of: Date) -> ExamIndex {
        let entries = match CATALOG.iter().find(|(e, _)| std::ptr::eq(*e, edition)) {
            Some((_, entries)) => Cow::Borrowed(entries.as_slice()),
            None => Cow::Owned(entries(edition)),
        };
        let known = match KNOWN
            .iter()
            .find(|(c, _)| c.editions.iter().any(|e| std::ptr::eq(e, edition)))
        {
            Some((_, known)) => Cow::Borrowed(known.as_slice()),
            None => Cow::Owned(known(&[edition])),
        };
        ExamIndex {
            entries,
            known,
            edition,
            as_of,
            suggestions: RefCell::new(Vec::new()),
        }
    }

    /// The group and canonical code of `pass` when it counts on `as_of`,
    /// by itself (a repeat of a counting pass would too): by the rule
    /// `held_with` judges every pass by (code, calendar, edition, then date).
    pub fn counting(&self, pass: &ExamPass) -> Option<(usize, &'static str)> {
        match self.lookup(&pass.code) {
            Lookup::Accepted {
                group,
                exam,
                availability,
            } => date_fault(availability, pass.passed_on, self.as_of)
                .is_none()
                .then_some((group, exam.code)),
            Lookup::NotAccepted { .. } | Lookup::Unknown { .. } => None,
        }
    }

    fn lookup(&self, code: &str) -> Lookup {
        if let Some(k) = key(code) {
            if let Some(e) = self.entries.iter().find(|e| e.key == k) {
                return match e.exam.accepted_until {
                    Some(until) if self.as_of > until => Lookup::NotAccepted {
                        code: e.exam.code,
                        why: NotAccepted::Expired {
                            accepted_until: until,
                        },
                    },
                    _ => Lookup::Accepted {
                        group: usize::from(e.group),
                        exam: e.exam,
                        availability: e.availability,
                    },
                };
            }
            if let Some(known) = self.known.iter().find(|x| x.key == k) {
                // The next edition that has it, else the last one before.
                let from = self.edition.in_force_from;
                let other = known
                    .editions
                    .iter()
                    .find(|e| e.in_force_from > from)
                    .or(known.editions.last())
                    .copied()
                    .unwrap_or(self.edition);
                return Lookup::NotAccepted {
                    code: known.code,
                    why: NotAccepted::NotInEdition {
                        other,
                        first_day: None,
                    },
                };
            }
        }
        Lookup::Unknown {
            suggestion: self.suggest(code),
        }
    }

    /// The known codes one edit (Damerau's optimal string alignment:
    /// insert, delete, substitute, or swap two neighbours) away from `code`
    /// after normalization: one or two; none when none or more are.
    fn suggest(&self, code: &str) -> Suggestion {
        // Keyed by the code as given: a repeat costs no normalization.
        if let Ok(cache) = self.suggestions.try_borrow() {
            if let Some((_, s)) = cache.iter().find(|(c, _)| c == code) {
                return *s;
            }
        }
        let normalized = normalize(code);
        let len = normalized.chars().count();
        let mut found = Suggestion::None;
        for k in self.known.iter() {
            if len.abs_diff(k.normalized.chars().count()) > 1 {
                continue;
            }
            if strsim::osa_distance(&normalized, &k.normalized) == 1 {
                match found.and(k.code) {
                    Some(more) => found = more,
                    None => {
                        found = Suggestion::None;
                        break;
                    }
                }
            }
        }
        if let Ok(mut cache) = self.suggestions.try_borrow_mut() {
            if cache.len() < CACHED_SUGGESTIONS && code.len() <= CACHED_CODE_LEN {
                cache.push((code.to_string(), found));
            }
        }
        found
    }
}

/// The groups one individual holds on `as_of`, and the exam of the first
/// counting pass of each (thin pointers: a `Held` stays small enough to be
/// moved without a `memcpy` call, once per individual).
#[derive(Debug, Clone, Default)]
pub struct Held {
    pub mask: u8,
    pub counted: [Option<&'static Exam>; MAX_GROUPS],
}

impl Held {
    /// The counting passes of the groups in `role_mask`, with their group,
    /// in group order: what qualifies this individual for a seat of that role.
    pub fn counted_for(&self, role_mask: u8) -> impl Iterator<Item = (usize, &'static Exam)> + '_ {
        self.counted
            .iter()
            .enumerate()
            .filter(move |(g, _)| role_mask & (1 << g) != 0)
            .filter_map(|(g, exam)| exam.map(|e| (g, e)))
    }
}

/// The groups `passes` hold on `as_of`.
pub fn held(index: &ExamIndex, passes: &[ExamPass], as_of: Date) -> Held {
    held_with(index, passes, as_of, |_, _| {})
}

/// The groups `passes` hold on `as_of`; `sink` hears what each pass does, in
/// order. A pass is checked for its code, then for a day its exam could
/// not be taken (whatever the edition), then the edition's acceptance, then
/// its date against `as_of`, then repeats (see `Ignored`).
pub fn held_with(
    index: &ExamIndex,
    passes: &[ExamPass],
    as_of: Date,
    mut sink: impl FnMut(usize, Disposition),
) -> Held {
    let mut held = Held::default();
    let mut first_at = [0usize; MAX_GROUPS];
    // Valid passes of exams other than the one holding their group, for
    // repeats of those: (code, index). Rare; allocates only when used.
    let mut others: Vec<(&'static str, usize)> = Vec::new();
    for (j, pass) in passes.iter().enumerate() {
        let d = match index.lookup(&pass.code) {
            Lookup::Unknown { suggestion } => {
                Disposition::Ignored(Ignored::UnknownExamCode { suggestion })
            }
            // A day the exam could not be taken is a calendar fact, whatever
            // the edition: such a pass never counts, so its date is what to
            // fix (reviews 31 H2, 32 M4).
            Lookup::NotAccepted { code, why } => match misdated_on_calendar(code, pass.passed_on) {
                Some((passed_on, availability)) => {
                    Disposition::Ignored(Ignored::ExamNotAvailableOnPassDate {
                        code,
                        passed_on,
                        availability,
                    })
                }
                None => Disposition::Ignored(Ignored::ExamNotAccepted {
                    code,
                    why: first_counting_day(code, why, pass.passed_on),
                }),
            },
            Lookup::Accepted {
                group,
                exam,
                availability,
            } => {
                let code = exam.code;
                match date_fault(availability, pass.passed_on, as_of) {
                    Some(DateFault::Unavailable {
                        passed_on,
                        availability,
                    }) => Disposition::Ignored(Ignored::ExamNotAvailableOnPassDate {
                        code,
                        passed_on,
                        availability,
                    }),
                    Some(DateFault::After { passed_on }) => {
                        Disposition::Ignored(Ignored::ExamPassedAfterAsOf {
                            code,
                            passed_on,
                            // Settled once all the individual's passes are
                            // seen (`evaluate`).
                            already: false,
                        })
                    }
                    Some(DateFault::NotYetAvailable { from }) => {
                        Disposition::Ignored(Ignored::ExamNotYetAvailable { code, from })
                    }
                    None if held.mask & (1 << group) == 0 => {
                        held.mask |= 1 << group;
                        held.counted[group] = Some(exam);
                        first_at[group] = j;
                        Disposition::Holds { group }
                    }
                    None if held.counted[group].is_some_and(|e| std::ptr::eq(e, exam)) => {
                        Disposition::Ignored(Ignored::DuplicateExamPass {
                            code,
                            first: first_at[group],
                        })
                    }
                    None => match others.iter().find(|(c, _)| *c == code) {
                        Some(&(_, first)) => {
                            Disposition::Ignored(Ignored::DuplicateExamPass { code, first })
                        }
                        None => {
                            others.push((code, j));
                            Disposition::SameGroup { group }
                        }
                    },
                }
            }
        };
        sink(j, d);
    }
    held
}

/// The group mask of each role of a catalog edition, computed once.
static ROLE_MASKS: LazyLock<Vec<(&'static Edition, Vec<u8>)>> =
    LazyLock::new(|| catalog::editions().map(|e| (e, masks(e))).collect());

/// The group mask of each role of an edition: a catalog edition's is
/// borrowed from `ROLE_MASKS`; any other edition's (tests make their own)
/// is worked out here.
pub fn role_masks(edition: &'static Edition) -> Cow<'static, [u8]> {
    match ROLE_MASKS.iter().find(|(e, _)| std::ptr::eq(*e, edition)) {
        Some((_, masks)) => Cow::Borrowed(masks.as_slice()),
        None => Cow::Owned(masks(edition)),
    }
}

fn masks(edition: &Edition) -> Vec<u8> {
    edition
        .roles
        .iter()
        .map(|role| {
            role.groups
                .iter()
                .filter_map(|g| edition.group_index(g))
                .fold(0u8, |m, g| m | (1 << g))
        })
        .collect()
}

#[cfg(test)]
#[path = "exams_tests.rs"]
mod tests;
