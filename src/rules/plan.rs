//! The gap plans of one evaluation (§2.5): the gap's assignment
//! (`gap::gap_on`) on the evaluation's day, with the evaluation's
//! tie-break between plans that cost the same, each step's own
//! future-dated passes, and the steps in the order a reader follows from
//! one level's plan to the next (`read_on`).
//!
//! The plans of two levels agree where their costs allow: each breaks its
//! ties toward the other's. The higher level's plan is made first; the
//! lower level's prefers to ask of each person only passes that plan asks
//! of them too (so that following Silver's plan leads toward Gold's), and
//! to seat them where it does; when ties leave the lower plan seating
//! someone elsewhere, the higher level's plan is made again, its ties now
//! broken toward the lower one's, and kept if it agrees with more of it
//! (`agreement`). A level's seats today already read on from the other
//! level's (`seats::fill_levels`), so a plan that keeps people in their
//! seats keeps them where the other level seats them.

use super::exams::{Assigned, ExamPass, Held};
use super::gap::{counts_until, gap_on, takeable, Fit, Gap, GapStep};
use super::ignored::{Ignored, NotAccepted};
use super::listed::{
    add_earliest, after_lapse, misdated, not_accepted, pending, pending_groups, pending_in_next,
    CountsUntil,
};
use super::model::{Edition, Exam, LevelRule};
use super::seats::{fill_levels, roles};
use super::{Date, Money};

/// What the plans of one evaluation share.
pub(super) struct Plans<'a> {
    edition: &'static Edition,
    as_of: Date,
    /// What each listed individual holds on `as_of`.
    held: &'a [Held],
    /// Each role's groups (`exams::role_masks`).
    role_masks: &'a [u8],
    /// The groups of each listed individual's future-dated passes, worked
    /// out when a plan first needs them.
    pending: Option<Vec<u8>>,
    /// The role each listed individual holds in each level's seats once
    /// all their listed passes count (`seats::fill_levels` on what they
    /// hold and their future-dated passes, levels lowest first), worked out
    /// when a plan first needs it and someone lists a future-dated pass.
    eventual: Option<Vec<Vec<Option<usize>>>>,
    /// What the plan the next one follows gives each listed individual;
    /// empty when there is none.
    toward: Vec<Toward>,
    /// Whether that plan is of a higher level: its passes are the ones to
    /// ask (`Fit::unplanned`).
    toward_higher: bool,
    /// The edition that comes into force after `as_of` within the
    /// outlook's year, when the request pins none.
    next: Option<&'static Edition>,
}

impl<'a> Plans<'a> {
    pub(super) fn new(
        edition: &'static Edition,
        as_of: Date,
        held: &'a [Held],
        role_masks: &'a [u8],
        next: Option<&'static Edition>,
    ) -> Self {
        Plans {
            edition,
            as_of,
            held,
            role_masks,
            pending: None,
            eventual: None,
            toward: Vec::new(),
            toward_higher: false,
            next,
        }
    }

    /// The plan for `rule`, whose seats listed individual `i` holds today
    /// in role `seats_today[i]`, short of `shortfall` revenue; `ignored(i)`:
    /// why each of individual `i`'s passes that do not count is ignored.
    /// Its ties break toward the plan given to `follow` last.
    pub(super) fn gap<'w, 'p, I>(
        &mut self,
        rule: &LevelRule,
        seats_today: &[Option<usize>],
        shortfall: Money,
        ignored: impl Fn(usize) -> I,
        passes: impl Fn(usize) -> &'p [ExamPass],
    ) -> Gap
    where
        I: Iterator<Item = &'w Ignored>,
    {
        let (edition, held, role_masks) = (self.edition, self.held, self.role_masks);
        let next = self.next;
        let pending_masks: &[u8] = self.pending.get_or_insert_with(|| {
            (0..held.len())
                .map(|i| {
                    pending_groups(edition, ignored(i))
                        | next_edition_groups(edition, next, ignored(i), passes(i))
                })
                .collect()
        });
        // The outlook seats people by the evaluation's assignment on the
        // day a level's seats fill as their passes come to count; a plan
        // that agrees asks each for the seat the outlook then names them in
        // (review 38, M6; code review 31, H2: the first such day, not the
        // day every listed pass counts).
        let eventual = self.eventual.get_or_insert_with(|| {
            if pending_masks.iter().all(|&m| m == 0) {
                return Vec::new();
            }
            let later: Vec<Vec<(Date, u8)>> = (0..held.len())
                .map(|i| {
                    let mut passes_later: Vec<(Date, u8)> = pending(edition, u8::MAX, ignored(i))
                        .iter()
                        .map(|p| (p.counts_from, 1 << p.group))
                        .collect();
                    if let Some(next) = lists_next_edition_exam(next, ignored(i)) {
                        passes_later.extend(
                            pending_in_next(edition, next, u8::MAX, passes(i))
                                .iter()
                                .map(|p| (p.counts_from, 1 << p.group)),
                        );
                    }
                    passes_later
                })
                .collect();
            first_full_seatings(edition, role_masks, held, &later)
        });
        let eventual: &[Option<usize>] = edition
            .levels
            .iter()
            .position(|r| r.level == rule.level)
            .and_then(|at| eventual.get(at))
            .map_or(&[], Vec::as_slice);
        let (toward, higher) = (&self.toward, self.toward_higher);
        // A seat is planned for someone the other level's plan seats in its
        // role (which outweighs their future-dated passes); unlikely for
        // someone whose future-dated passes are all of other groups than
        // it still needs, or whom that plan seats elsewhere. Unplanned: the
        // passes it asks that a higher level's plan does not ask of them,
        // or, following a lower level, a seat other than the one that
        // plan gives them. Their future-dated passes make a seat unlikely
        // when they are all of other groups than it still needs, or when,
        // once they count, the level seats them in another role.
        let fit = |i: usize, role: usize| {
            let missing = role_masks[role] & !held[i].mask;
            let pending = pending_masks[i];
            let later = eventual.get(i).copied().flatten();
            let unlikely = u32::from(
                pending != 0
                    && missing != 0
                    && (missing & pending == 0 || later.is_some_and(|r| r != role)),
            );
            let Some(other) = toward.get(i) else {
                return Fit {
                    unlikely,
                    ..Fit::default()
                };
            };
            let planned = other.role == Some(role);
            let elsewhere = other.role.is_some() && !planned;
            Fit {
                planned,
                unlikely: if planned {
                    0
                } else {
                    unlikely + u32::from(elsewhere)
                },
                // Following a lower plan, every seat but the one it gives
                // them counts, so that the plan agrees with the most of it
                // (every plan of equal cost seats as many listed people).
                unplanned: if higher {
                    (missing & !other.asked).count_ones()
                } else {
                    u32::from(!planned)
                },
            }
        };
        let as_of = self.as_of;
        let mut gap = gap_on(
            edition,
            rule,
            held,
            seats_today,
            shortfall,
            |exam: &Exam| takeable(exam, as_of),
            fit,
        );
        for step in &mut gap.steps {
            if let Some(i) = step.individual {
                let asked = step.asked();
                step.pending = pending(edition, asked, ignored(i));
                // Passes of exams the next edition adds count from its
                // first day, as the outlook finds (only looked for when
                // the person lists one).
                if let Some(next) = lists_next_edition_exam(self.next, ignored(i)) {
                    for p in pending_in_next(edition, next, asked, passes(i)) {
                        add_earliest(&mut step.pending, p);
                    }
                    step.pending.sort_by_key(|p| (p.counts_from, p.group));
                }
                step.misdated = misdated(edition, asked, ignored(i));
                // Passes that never count here; those the next edition
                // counts are pending, told with their day.
                let pending = &step.pending;
                step.not_accepted = not_accepted(edition, self.next, asked, ignored(i))
                    .into_iter()
                    .filter(|p| pending.iter().all(|q| q.code != p.code))
                    .collect();
                step.held_until =
                    held_until(edition, as_of, &held[i], role_masks[step.role], passes(i));
            }
        }
        gap
    }

    /// The plan the next one breaks its ties toward: `gap`, of a higher
    /// level (`higher`) or a lower one, if it has steps.
    pub(super) fn follow(&mut self, gap: Option<&Gap>, higher: bool) {
        self.toward.clear();
        self.toward_higher = higher;
        if let Some(gap) = gap.filter(|gap| !gap.steps.is_empty()) {
            self.toward.resize(self.held.len(), Toward::default());
            for step in &gap.steps {
                if let Some(i) = step.individual {
                    self.toward[i] = Toward {
                        role: Some(step.role),
                        asked: step.asked(),
                    };
                }
            }
        }
    }
}

/// For each level of `edition` (lowest first), the role each listed
/// individual holds in its seating on the first day, as the passes in
/// `later` (per individual: the day each starts to count, its group's
/// bit) come to count, on which every seat of the level is filled. Where
/// none fills it, the day a lower level's seats fill (each level's seating
/// reads on from the one below, so a plan for it leads on from that
/// one's), else the day the last of them counts. Found by bisection over
/// those days: more passes never fill fewer seats.
fn first_full_seatings(
    edition: &'static Edition,
    role_masks: &[u8],
    held: &[Held],
    later: &[Vec<(Date, u8)>],
) -> Vec<Vec<Option<usize>>> {
    let mut days: Vec<Date> = later.iter().flatten().map(|(day, _)| *day).collect();
    days.sort_unstable();
    days.dedup();
    let seatings = |day: Date| {
        fill_levels(edition, role_masks, held.len(), |i| {
            later[i]
                .iter()
                .filter(|(from, _)| *from <= day)
                .fold(held[i].mask, |mask, (_, group)| mask | group)
        })
    };
    let full = |seated: &[Assigned]| seated.iter().all(|a| a.individual.is_some());
    let mut fill_days: Vec<Option<Date>> = Vec::with_capacity(edition.levels.len());
    for at in 0..edition.levels.len() {
        let fills = |day: Date| seatings(day).get(at).is_some_and(|(_, s)| full(s));
        let first = days.partition_point(|&day| !fills(day));
        fill_days.push(days.get(first).copied());
    }
    (0..edition.levels.len())
        .map(|at| {
            let below = fill_days[..at].iter().rev().find_map(|day| *day);
            let day = fill_days[at].or(below).or(days.last().copied());
            day.and_then(|day| seatings(day).into_iter().nth(at))
                .map(|(_, seated)| roles(&seated, held.len()))
                .unwrap_or_default()
        })
        .collect()
}

/// What the plan another one follows gives one listed individual.
#[derive(Debug, Clone, Copy, Default)]
struct Toward {
    /// The role of its step for them, if it has one.
    role: Option<usize>,
    /// The groups that step asks of them.
    asked: u8,
}

/// How many of the listed people `lower`'s plan names `higher`'s plan seats
/// in the same role (so that it asks of them what `lower`'s does and
/// more), and how many it names.
pub(super) fn agreement(lower: &Gap, higher: &Gap) -> (usize, usize) {
    let listed = lower.steps.iter().filter(|s| s.individual.is_some());
    listed.fold((0, 0), |(agree, named), step| {
        let same = higher
            .steps
            .iter()
            .any(|s| s.individual == step.individual && s.role == step.role);
        (agree + usize::from(same), named + 1)
    })
}

/// Orders the steps of `higher`'s plan so that it reads on from `lower`'s:
/// within a seat kind (the steps come grouped by kind), the people
/// `lower`'s plan names come first (the sort is stable).
pub(super) fn read_on(lower: &Gap, higher: &mut Gap) {
    let named = |step: &GapStep| {
        step.individual
            .is_some_and(|i| lower.steps.iter().any(|s| s.individual == Some(i)))
    };
    for kind in higher.steps.chunk_by_mut(|a, b| a.role == b.role) {
        kind.sort_by_key(|step| !named(step));
    }
}

/// The passes of `held` a step for a seat of `role_mask` counts on that stop
/// counting on a later day (`counts_until`) with no other of the person's
/// `passes` keeping their group the next day (`after_lapse`).
fn held_until(
    edition: &'static Edition,
    as_of: Date,
    held: &Held,
    role_mask: u8,
    passes: &[ExamPass],
) -> Vec<CountsUntil> {
    held.counted_for(role_mask)
        .filter_map(|(group, exam)| {
            let until = counts_until(exam, as_of)?;
            let then = after_lapse(edition, passes, group, until)?.then;
            Some(CountsUntil {
                group,
                code: exam.code,
                until,
                then,
            })
        })
        .collect()
}

/// `next`, when one of an individual's passes (`ignored`: the warnings of
/// their passes) is of an exam the edition applied lacks and `next` has.
fn lists_next_edition_exam<'w>(
    next: Option<&'static Edition>,
    mut ignored: impl Iterator<Item = &'w Ignored>,
) -> Option<&'static Edition> {
    let next = next?;
    ignored
        .any(|w| {
            matches!(w, Ignored::ExamNotAccepted {
                why: NotAccepted::NotInEdition { other, .. }, ..
            } if std::ptr::eq(*other, next))
        })
        .then_some(next)
}

/// The groups of an individual's passes of exams the edition applied lacks
/// and `next` has, which count from a later day as a future-dated pass
/// does (review 37 M1: the plan's tie-breaks treat them alike).
fn next_edition_groups<'w>(
    edition: &'static Edition,
    next: Option<&'static Edition>,
    ignored: impl Iterator<Item = &'w Ignored>,
    passes: &[ExamPass],
) -> u8 {
    lists_next_edition_exam(next, ignored).map_or(0, |next| {
        pending_in_next(edition, next, u8::MAX, passes)
            .iter()
            .fold(0, |mask, p| mask | 1 << p.group)
    })
}
