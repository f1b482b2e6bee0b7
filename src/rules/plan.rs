//! The gap plans of one evaluation (§2.5), level by level, lowest first:
//! the gap's assignment (`gap::gap_on`) on the evaluation's day, with the
//! evaluation's tie-break between plans that cost the same, each step's
//! own future-dated passes, and the steps in the order a reader follows
//! from one level's plan to the next.

use super::exams::{ExamPass, Held};
use super::gap::{counts_until, gap_on, takeable, Fit, Gap, GapStep};
use super::ignored::{Ignored, NotAccepted};
use super::listed::{
    add_earliest, after_lapse, misdated, pending, pending_groups, pending_in_next, CountsUntil,
};
use super::model::{Edition, Exam, LevelRule};
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
    /// The role the previous (lower) level's plan gives each listed
    /// individual; empty when that level has no plan.
    lower: Vec<Option<usize>>,
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
            lower: Vec::new(),
            next,
        }
    }

    /// The plan for `rule`, whose seats listed individual `i` holds today
    /// in role `seats_today[i]`, short of `shortfall` revenue; `ignored(i)`:
    /// why each of individual `i`'s passes that do not count is ignored.
    /// Levels are asked for lowest first (the catalog lists them so).
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
        let pending_masks: &[u8] = self.pending.get_or_insert_with(|| {
            (0..held.len())
                .map(|i| pending_groups(edition, ignored(i)))
                .collect()
        });
        let lower = &self.lower;
        // A seat is planned for someone the level below's plan seats in its
        // role; unlikely for someone whose future-dated passes are all of
        // other groups than it still needs, or whom that plan seats
        // elsewhere.
        let fit = |i: usize, role: usize| {
            let below = lower.get(i).copied().flatten();
            if below == Some(role) {
                return Fit::Planned;
            }
            let pending = pending_masks[i];
            let missing = role_masks[role] & !held[i].mask;
            if (pending != 0 && missing != 0 && missing & pending == 0) || below.is_some() {
                Fit::Unlikely
            } else {
                Fit::Likely
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
                let next = self.next.filter(|next| {
                    ignored(i).any(|w| {
                        matches!(w, Ignored::ExamNotAccepted {
                            why: NotAccepted::NotInEdition { other }, ..
                        } if std::ptr::eq(*other, *next))
                    })
                });
                if let Some(next) = next {
                    for p in pending_in_next(edition, next, asked, passes(i)) {
                        add_earliest(&mut step.pending, p);
                    }
                    step.pending.sort_by_key(|p| (p.counts_from, p.group));
                }
                step.misdated = misdated(edition, asked, ignored(i));
                step.held_until =
                    held_until(edition, as_of, &held[i], role_masks[step.role], passes(i));
            }
        }
        // Within a seat kind (the steps come grouped by kind), the people
        // the level below's plan already names come first: the plan reads
        // as that one's steps and then the rest (the sort is stable).
        if !lower.is_empty() {
            let named = |step: &GapStep| {
                step.individual
                    .is_some_and(|i| lower.get(i).copied().flatten().is_some())
            };
            for kind in gap.steps.chunk_by_mut(|a, b| a.role == b.role) {
                kind.sort_by_key(|step| !named(step));
            }
        }
        gap
    }

    /// What the next level's plan keeps: this level's plan, if it has one.
    pub(super) fn made(&mut self, gap: Option<&Gap>) {
        self.lower.clear();
        if let Some(gap) = gap {
            self.lower.resize(self.held.len(), None);
            for step in &gap.steps {
                if let Some(i) = step.individual {
                    self.lower[i] = Some(step.role);
                }
            }
        }
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
            let then = after_lapse(edition, passes, group, until)?;
            Some(CountsUntil {
                group,
                code: exam.code,
                until,
                then,
            })
        })
        .collect()
}
