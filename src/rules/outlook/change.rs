//! What one level's change consists of: the requirements that flip on its
//! day, and the records and passes that enter or leave (the causes an
//! outlook names), worked out on that day and the one before.

use super::super::evaluate::Submission;
use super::super::exams::{self, ExamIndex};
use super::super::model::{Edition, Level};
use super::super::revenue::{self, Period};
use super::super::seats::level_seating;
use super::super::{Date, Money};
use super::state::{Days, RevenueDays};
use super::{threshold, Cause, Change, Direction, Editions, Flags, Requirement, MAX_CAUSES};

/// What every change of one level is worked out from.
#[derive(Clone, Copy)]
pub(super) struct Ground<'a> {
    pub(super) editions: Editions,
    /// Qualifying revenue per day.
    pub(super) revenue: &'a RevenueDays,
    pub(super) days: &'a Days,
    pub(super) submission: &'a Submission,
    pub(super) level: Level,
}

/// The change of one level on `day`: what flips, and what enters or leaves.
pub(super) fn change(ground: Ground, day: Date, before: Flags, after: Flags) -> Change {
    let yesterday = day.previous_day();
    let old = ground.editions.on(yesterday);
    let qualifying_before = ground.revenue.qualifying(ground.days, old, yesterday);
    // The sweep may have skipped days on which only revenue moved.
    let before = Flags {
        revenue: old.level(ground.level).is_some_and(|rule| {
            threshold(rule, ground.submission.market)
                .shortfall_from(qualifying_before)
                .is_zero()
        }),
        exams: before.exams,
    };
    let mut requirements = Vec::new();
    if before.revenue != after.revenue {
        requirements.push(Requirement::Revenue);
    }
    if before.exams != after.exams {
        requirements.push(Requirement::Exams);
    }
    worked_out(ground, day, requirements, after.exams, qualifying_before)
}

/// The change of one level on `day` in which `requirements` flip (revenue
/// first): its causes and the qualifying revenue and threshold around it.
/// `exams_met`: whether the exam requirements are met on `day`; when they
/// flip, only passes moving that way are causes (a pass that starts to
/// count never empties a seat, nor does one that stops fill it). The keep
/// plan asks for the exams alone on the day its passes are due
/// (`KeepPlan::exams_lost`).
pub(super) fn change_of(
    ground: Ground,
    day: Date,
    requirements: Vec<Requirement>,
    exams_met: bool,
) -> Change {
    let yesterday = day.previous_day();
    let old = ground.editions.on(yesterday);
    let qualifying_before = ground.revenue.qualifying(ground.days, old, yesterday);
    worked_out(ground, day, requirements, exams_met, qualifying_before)
}

/// `change_of`, with the qualifying revenue of the day before `day`.
fn worked_out(
    ground: Ground,
    day: Date,
    requirements: Vec<Requirement>,
    exams_met: bool,
    qualifying_before: Money,
) -> Change {
    let Ground {
        editions,
        revenue,
        days,
        submission,
        level,
    } = ground;
    let yesterday = day.previous_day();
    let (old, edition) = (editions.on(yesterday), editions.on(day));
    let mut causes = Causes::default();
    if old != edition && edition_bears(ground, day, old, edition, &requirements) {
        causes.push(Cause::Edition { edition });
    }
    if requirements.contains(&Requirement::Revenue) {
        let (was, is) = (Period::ttm(yesterday), Period::ttm(day));
        for (record, r) in submission.revenue.iter().enumerate() {
            let counted = revenue::classify(&old.revenue, &was, r).is_none();
            let counts = revenue::classify(&edition.revenue, &is, r).is_none();
            if counted != counts {
                causes.push(Cause::Revenue {
                    record,
                    amount: r.amount,
                    booked_on: r.booked_on,
                    direction: direction(counts),
                });
            }
        }
    }
    if requirements.contains(&Requirement::Exams) {
        let (was, is) = (ExamIndex::new(old, yesterday), ExamIndex::new(edition, day));
        let masks = |index: &ExamIndex, on: Date| -> Vec<u8> {
            let people = submission.individuals.iter();
            people
                .map(|ind| exams::held(index, &ind.exams, on).mask)
                .collect()
        };
        let (held_was, held_is) = (masks(&was, yesterday), masks(&is, day));
        // A pass bears on this level only through a seat of it: one that
        // stops counting when its holder filled a seat of the level the day
        // before, for a role that needs its group; one that starts counting
        // when its holder fills such a seat on `day` (§2.7: the level's own
        // exact assignment, as the evaluation's).
        let (seated_was, seated_is) = (
            seated(old, level, &held_was),
            seated(edition, level, &held_is),
        );
        for (individual, ind) in submission.individuals.iter().enumerate() {
            let moved = held_was[individual] ^ held_is[individual];
            if moved == 0 {
                continue;
            }
            // A repeat listing of an exam is no second cause (it counts
            // once): each of the individual's exams is named once.
            let mut named: Vec<&'static str> = Vec::new();
            for (pass, p) in ind.exams.iter().enumerate() {
                let (counted, counts) = (was.counting(p), is.counting(p));
                let changed = match (counted, counts) {
                    (Some((g, _)), None) => {
                        !exams_met && moved & seated_was[individual] & (1 << g) != 0
                    }
                    (None, Some((g, _))) => {
                        exams_met && moved & seated_is[individual] & (1 << g) != 0
                    }
                    _ => false,
                };
                if let (true, Some((_, code))) = (changed, counts.or(counted)) {
                    if named.contains(&code) {
                        continue;
                    }
                    named.push(code);
                    causes.push(Cause::Pass {
                        individual,
                        pass,
                        code,
                        direction: direction(counts.is_some()),
                    });
                }
            }
        }
    }

    Change {
        on: day,
        edition,
        requirements,
        qualifying_before,
        qualifying: revenue.qualifying(days, edition, day),
        threshold: edition
            .level(level)
            .map(|rule| threshold(rule, submission.market))
            .unwrap_or_default(),
        causes: causes.listed,
        records_not_listed: causes.records_not_listed,
        passes_not_listed: causes.passes_not_listed,
        records_not_listed_starting: causes.records_not_listed_starting,
        passes_not_listed_starting: causes.passes_not_listed_starting,
    }
}

/// Whether the edition that comes into force on `day` (`edition`, after
/// `old`) bears on one of the `requirements` that flip: whether, on that
/// day, the requirement would come out otherwise under `old` (other revenue
/// counted or another threshold; other passes accepted or other seats
/// asked for, among the people who could fill them). One that changes
/// nothing is no cause (review 40, M5: a revenue-only loss on November 16,
/// 2017, named the new edition as one; code review 31, M2).
fn edition_bears(
    ground: Ground,
    day: Date,
    old: &'static Edition,
    edition: &'static Edition,
    requirements: &[Requirement],
) -> bool {
    let (level, market) = (ground.level, ground.submission.market);
    let revenue_met = |e: &'static Edition| {
        e.level(level).is_some_and(|rule| {
            threshold(rule, market)
                .shortfall_from(ground.revenue.qualifying(ground.days, e, day))
                .is_zero()
        })
    };
    let exams_met = |e: &'static Edition| {
        let index = ExamIndex::new(e, day);
        let masks: Vec<u8> = ground
            .submission
            .individuals
            .iter()
            .map(|ind| exams::held(&index, &ind.exams, day).mask)
            .collect();
        level_seating(e, &exams::role_masks(e), level, &masks)
            .is_some_and(|seated| seated.iter().all(|a| a.individual.is_some()))
    };
    requirements.is_empty()
        || (requirements.contains(&Requirement::Revenue)
            && revenue_met(old) != revenue_met(edition))
        || (requirements.contains(&Requirement::Exams) && exams_met(old) != exams_met(edition))
}

/// For each individual holding the groups `masks`, the group mask of the
/// role whose seat they fill in `level`'s assignment by `edition` (0: no
/// seat): the evaluation's assignment (`seats::fill_levels`, each level's
/// seats reading on from the other level's), on masks alone.
fn seated(edition: &'static Edition, level: Level, masks: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; masks.len()];
    let role_masks = exams::role_masks(edition);
    let seats = level_seating(edition, &role_masks, level, masks);
    for seat in seats.into_iter().flatten() {
        if let Some(i) = seat.individual {
            out[i] = role_masks[seat.role];
        }
    }
    out
}

fn direction(counts: bool) -> Direction {
    if counts {
        Direction::Starts
    } else {
        Direction::Stops
    }
}

#[derive(Default)]
struct Causes {
    listed: Vec<Cause>,
    records_not_listed: usize,
    passes_not_listed: usize,
    records_not_listed_starting: usize,
    passes_not_listed_starting: usize,
}

impl Causes {
    fn push(&mut self, cause: Cause) {
        match cause {
            _ if self.listed.len() < MAX_CAUSES => self.listed.push(cause),
            Cause::Revenue { direction, .. } => {
                self.records_not_listed += 1;
                self.records_not_listed_starting += usize::from(direction == Direction::Starts);
            }
            Cause::Pass { direction, .. } => {
                self.passes_not_listed += 1;
                self.passes_not_listed_starting += usize::from(direction == Direction::Starts);
            }
            // Listed first, before any limit is reached.
            Cause::Edition { .. } => self.listed.push(cause),
        }
    }
}
