//! What a plan's step says of its person's own listed passes (§2.5, §2.7):
//! those of a group it asks for that count only from a later day (dated
//! later, undated before their exam's first day, of an exam the next
//! edition adds, or after a keep plan's exams are due), those dated when
//! their exam could not be taken, and those it counts on that stop counting
//! later with nothing else of theirs keeping the group.

use super::catalog;
use super::exams;
use super::ignored::{Ignored, NotAccepted};
use super::model::Edition;
use super::Date;

/// A pass that fills a seat today and stops counting after `until`, when
/// no other listed pass of its holder keeps the group the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountsUntil {
    /// Index into `Edition::groups`: the group the seat then lacks.
    pub group: usize,
    /// Canonical code.
    pub code: &'static str,
    /// The last day it counts.
    pub until: Date,
    /// The holder's own pass of the group dated later than the next day,
    /// the earliest that counts from its date, if any (`after_lapse`).
    pub then: Option<PendingPass>,
}

/// A listed pass that starts to count on a later day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingPass {
    /// Index into `Edition::groups`.
    pub group: usize,
    pub code: &'static str,
    /// The day it starts to count.
    pub counts_from: Date,
    pub why: Pending,
}

/// Why a listed pass counts only from a later day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// It is dated that day.
    Dated,
    /// It has no date, and that day is the first its exam can be taken
    /// (§2.6: MB2-877, 2018-01-01).
    FirstDay,
    /// The edition applied lacks its exam, and that day the edition that
    /// has it comes into force (MB2-717 under 2017-07: 2017-11-16).
    Edition(&'static str),
    /// A keep plan's step: it is dated that day, after the plan's exams are
    /// due, too late to keep the seat without a break.
    Late,
}

/// A listed individual's groups after a pass of theirs stops counting
/// (`after_lapse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lapse {
    /// Their earliest pass of the group dated later, that counts from its
    /// date, if any.
    pub then: Option<PendingPass>,
    /// The groups they hold the next day (bit `g`: `Edition::groups[g]`).
    pub mask_next_day: u8,
}

/// What becomes of `group` for a listed individual (their `passes`) after
/// `until`, the last day the pass that holds it today counts (the
/// evaluation's `edition`): `None` when another of their passes holds it
/// the next day, whether it counts today or is dated by then (the outlook
/// sees no lapse); else what they hold then.
pub fn after_lapse(
    edition: &'static Edition,
    passes: &[exams::ExamPass],
    group: usize,
    until: Date,
) -> Option<Lapse> {
    let next = until.next_day();
    let held = exams::held(&exams::ExamIndex::new(edition, next), passes, next);
    if held.mask & (1 << group) != 0 {
        return None;
    }
    let later = passes
        .iter()
        .filter_map(|p| {
            let day = p.passed_on.filter(|day| *day > next)?;
            match exams::ExamIndex::new(edition, day).counting(p) {
                Some((g, code)) if g == group => Some(PendingPass {
                    group,
                    code,
                    counts_from: day,
                    why: Pending::Dated,
                }),
                _ => None,
            }
        })
        .min_by_key(|p| p.counts_from);
    Some(Lapse {
        then: later,
        mask_next_day: held.mask,
    })
}

/// A listed pass that counts only from a later day (`ignored`, one of its
/// warnings: dated after `as_of`, or undated before its exam's first day) that
/// `edition` accepts on its date: its group, code and date.
fn pending_pass(edition: &Edition, ignored: &Ignored) -> Option<PendingPass> {
    let (code, passed_on, why) = match *ignored {
        Ignored::ExamPassedAfterAsOf {
            code, passed_on, ..
        } => (code, passed_on, Pending::Dated),
        Ignored::ExamNotYetAvailable { code, from } => (code, from, Pending::FirstDay),
        _ => return None,
    };
    let (group, exam) = edition.exam(code)?;
    exam.accepted_on(passed_on).then_some(PendingPass {
        group,
        code,
        counts_from: passed_on,
        why,
    })
}

/// Adds `p` to `out`, which holds one pass per group: the one that counts
/// first.
pub(super) fn add_earliest(out: &mut Vec<PendingPass>, p: PendingPass) {
    match out.iter_mut().find(|q| q.group == p.group) {
        Some(q) if q.counts_from <= p.counts_from => {}
        Some(q) => *q = p,
        None => out.push(p),
    }
}

/// The codes of one individual's passes (`ignored`: the warnings of their
/// passes) dated on a day their exam could not be taken, of a group that
/// `asked` (a group mask) asks for: once each, in input order.
pub(super) fn misdated<'w>(
    edition: &Edition,
    asked: u8,
    ignored: impl Iterator<Item = &'w Ignored>,
) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for ignored in ignored {
        let Ignored::ExamNotAvailableOnPassDate { code, .. } = *ignored else {
            continue;
        };
        let asked = edition
            .exam(code)
            .is_some_and(|(group, _)| asked & (1 << group) != 0);
        if asked && !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// A listed pass the edition applied doesn't accept (`GapStep::not_accepted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAcceptedPass {
    pub code: &'static str,
    /// The edition stopped accepting its passes (else it lacks the exam).
    pub expired: bool,
}

/// One individual's passes (`ignored`: the warnings of their passes) that
/// `edition` doesn't accept, of a group `asked` asks for (an exam it lacks
/// is placed by the group of the same id in the edition that has it), but
/// for those `next`, the edition that comes into force within the outlook,
/// will count (they count later): once each, in input order.
pub(super) fn not_accepted<'w>(
    edition: &Edition,
    next: Option<&'static Edition>,
    asked: u8,
    ignored: impl Iterator<Item = &'w Ignored>,
) -> Vec<NotAcceptedPass> {
    let mut out: Vec<NotAcceptedPass> = Vec::new();
    for ignored in ignored {
        let Ignored::ExamNotAccepted { code, why } = *ignored else {
            continue;
        };
        let (group, expired) = match why {
            NotAccepted::Expired { .. } => (edition.exam(code).map(|(g, _)| g), true),
            NotAccepted::NotInEdition { other, .. }
                if next.is_some_and(|next| std::ptr::eq(next, other)) =>
            {
                continue;
            }
            NotAccepted::NotInEdition { other, .. } => {
                let group = other.exam(code).and_then(|(g, _)| {
                    let id = other.groups.get(g)?.id;
                    edition.groups.iter().position(|eg| eg.id == id)
                });
                (group, false)
            }
        };
        let asked = group.is_some_and(|g| asked & (1 << g) != 0);
        if asked && !out.iter().any(|p| p.code == code) {
            out.push(NotAcceptedPass { code, expired });
        }
    }
    out
}

/// The groups of one individual's passes dated after `as_of` that `edition`
/// accepts on their dates (`ignored`: the warnings of their passes).
pub(super) fn pending_groups<'w>(
    edition: &Edition,
    ignored: impl Iterator<Item = &'w Ignored>,
) -> u8 {
    ignored
        .filter_map(|ignored| pending_pass(edition, ignored))
        .fold(0, |mask, p| mask | 1 << p.group)
}

/// The passes in `passes` (one individual's) dated after `as_of` of a group
/// that `asked` (a group mask) asks for, and accepted by `edition` on their date: the
/// earliest of each group.
pub(super) fn pending<'w>(
    edition: &Edition,
    asked: u8,
    ignored: impl Iterator<Item = &'w Ignored>,
) -> Vec<PendingPass> {
    let mut out: Vec<PendingPass> = Vec::new();
    for pass in ignored.filter_map(|ignored| pending_pass(edition, ignored)) {
        if asked & (1 << pass.group) == 0 {
            continue;
        }
        add_earliest(&mut out, pass);
    }
    out.sort_by_key(|p| (p.counts_from, p.group));
    out
}

/// One individual's listed passes (`passes`, judged by `edition` on
/// `as_of`) of exams `edition` lacks and `next` has, of a group `asked`
/// asks for: the day each starts to count under `next` (its first day, the
/// pass's later date, or for an undated pass its exam's later first day),
/// for each such group the earliest, as `pending` gives them.
pub(super) fn pending_in_next(
    edition: &'static Edition,
    next: &'static Edition,
    asked: u8,
    passes: &[exams::ExamPass],
) -> Vec<PendingPass> {
    let Some(first) = next.in_force_from else {
        return Vec::new();
    };
    let mut out: Vec<PendingPass> = Vec::new();
    for pass in passes {
        let dated = pass.passed_on.filter(|d| *d > first);
        let day = dated.unwrap_or(first);
        let counting = exams::ExamIndex::new(next, day)
            .counting(pass)
            .map(|c| (c, day));
        // An undated pass of an exam that can be taken only later still.
        let counting = counting.or_else(|| {
            let later = pass.passed_on.is_none().then(|| {
                catalog::AVAILABILITY
                    .iter()
                    .filter_map(|a| a.from)
                    .filter(|from| *from > first)
            });
            later.into_iter().flatten().find_map(|from| {
                exams::ExamIndex::new(next, from)
                    .counting(pass)
                    .map(|c| (c, from))
            })
        });
        let Some(((g, code), day)) = counting else {
            continue;
        };
        if edition.exam(code).is_some() {
            continue;
        }
        // The same group in the edition applied, by its id.
        let Some(group) = next
            .groups
            .get(g)
            .and_then(|ng| edition.groups.iter().position(|eg| eg.id == ng.id))
        else {
            continue;
        };
        if asked & (1 << group) == 0 {
            continue;
        }
        let why = if day == first {
            Pending::Edition(next.id)
        } else if dated.is_some() {
            Pending::Dated
        } else {
            Pending::FirstDay
        };
        let p = PendingPass {
            group,
            code,
            counts_from: day,
            why,
        };
        add_earliest(&mut out, p);
    }
    out
}

/// A keep plan's step for listed individual `passes`, by `edition`, asking
/// for the groups `missing`: their own passes of those groups dated after
/// `exams_by`, when the plan's passes are due, that count from their date:
/// for each group the earliest (`Pending::Late`).
pub(super) fn late(
    edition: &'static Edition,
    exams_by: Date,
    missing: u8,
    passes: &[exams::ExamPass],
) -> Vec<PendingPass> {
    let mut out: Vec<PendingPass> = Vec::new();
    for pass in passes {
        let Some(day) = pass.passed_on.filter(|d| *d > exams_by) else {
            continue;
        };
        let Some((group, code)) = exams::ExamIndex::new(edition, day).counting(pass) else {
            continue;
        };
        if missing & (1 << group) == 0 {
            continue;
        }
        let p = PendingPass {
            group,
            code,
            counts_from: day,
            why: Pending::Late,
        };
        add_earliest(&mut out, p);
    }
    out.sort_by_key(|p| (p.counts_from, p.group));
    out
}
