//! The keep plan (§2.7 as amended, issue 25): when a level attained on
//! `as_of` would be lost on `changes_on` (the deadline), what must be added,
//! dated after `as_of`, so that the level is attained on every day from the
//! deadline through `horizon_end`; the revenue by the first day from the
//! deadline on which it falls short (`revenue_by`), the passes by the first
//! day on which the seats are not filled (`exams_by`). One of the two is the
//! deadline itself: the level is lost on it through its revenue or its
//! exams.
//!
//! Revenue. A qualifying record booked after `as_of` and no later than the
//! deadline is in the TTM period of every day from the deadline through
//! `horizon_end` (it stays a year; the horizon is 365 days after `as_of`),
//! so it adds its amount to each of those days alike. The exact amount is
//! therefore the largest shortfall over those days: the threshold minus the
//! lowest qualifying revenue (zero if never below). Qualifying revenue and
//! the threshold move only on the days a record enters or leaves the period
//! and an edition comes into force, so only those days and the deadline are
//! looked at.
//!
//! Exams. Why an assignment on one day is exact:
//! 1. The plan adds passes only of offered exams: exams that can be taken on
//!    `exams_by` and count on every day from the deadline through
//!    `horizon_end`. A pass dated no later than `exams_by`, the first
//!    unfilled day, counts on every unfilled day. So what the plan gives
//!    individual `i` is one set of groups `A_i`, the same on every unfilled
//!    day: on day `d` they hold `h_i(d) ∪ A_i`.
//! 2. More groups never empty a seat. A day on which the seats are filled as
//!    things stand stays filled whatever is added: only the days on which
//!    they are not ("unfilled days") constrain the plan.
//! 3. `h_i(d)` is constant between the days on which a pass dated then starts
//!    to count, an exam's acceptance ends, or an edition comes into force;
//!    the sweep below visits those days only, as the outlook does. (An
//!    exam's first day, when an undated pass of it starts to count, is not
//!    visited: holdings only grow that day, so a plan that fills the older,
//!    smaller state fills the day too, by point 2; at worst it asks for a
//!    pass the undated one would have given: more than needed, never too
//!    little.)
//! 4. If on unfilled day `d` every individual holds at least what they hold
//!    on unfilled day `e` (same edition), any plan that fills `e` fills `d`:
//!    only the minimal states among the unfilled days bind ("the
//!    intersection of days": each binding state holds, per individual, what
//!    that individual holds on every unfilled day it stands for).
//! 5. With one binding state, the plan is exactly the gap's assignment on
//!    that state (`exams::assign`, exact dynamic programming over
//!    individuals × seat states, with the gap's order: fewest passes, then
//!    fewest new individuals, then the most people kept in the role of
//!    the seat they hold today and the fewest given a seat of another role,
//!    then earlier individuals), where an individual may add only offered
//!    groups.
//! 6. The catalog's tables always give at most one: what individuals hold
//!    only grows over time (passes start to count; a later edition only adds
//!    exams), except on the single day MB2-709's acceptance ends, after which
//!    it only grows again. Tables with several acceptance ends can give
//!    several, none below another; then an individual may fill different
//!    seats in different states while adding one set of groups, and
//!    `keep_assign` solves that exactly (dynamic programming over
//!    individuals × the seat states of every binding state). Only where that
//!    table would be too large (`keep_assign::assign_all`) are the binding states
//!    intersected (per individual, the groups held in every one of them):
//!    the plan still keeps the level, but may ask for more than the fewest
//!    passes (`KeepPlan::exact` is false).

use super::super::exams::{self, ExamIndex};
use super::super::gap::seat_count;
use super::super::listed::late;
use super::super::model::{Edition, Level};
use super::super::{Date, Evaluation, ExamChoice, GapStep, Period, Submission};
use super::change::{change_of, Ground};
use super::keep_assign;
use super::keep_bindings::binding_states;
use super::keep_editions::{applied, global_days, offered, remap};
pub use super::keep_revenue::Lowest;
use super::keep_revenue::{revenue_needed, RevenueNeed};
use super::keep_seats::{mark_kept_seats, moves_and_takes, seats_today};
pub use super::keep_types::{CannotKeep, KeepMove, KeepPlan, KeepTake, Why};
use super::state::{Days, RevenueDays};
use super::{Editions, LevelOutlook, Requirement};

/// The keep plan of one level whose outlook is `outlook`: `None` unless the
/// level is attained on `as_of` and lost within the horizon.
pub fn keep(
    editions: Editions,
    today: &Evaluation,
    submission: &Submission,
    outlook: &LevelOutlook,
) -> Option<Result<KeepPlan, CannotKeep>> {
    let change = outlook.change.as_ref().filter(|_| outlook.attained)?;
    let days = Days::new(today.as_of, outlook.horizon_end);
    let applied = applied(editions, change.on, outlook.horizon_end);
    let used: Vec<&'static Edition> = applied.iter().map(|(e, _)| *e).collect();
    let revenue = RevenueDays::new(&days, &used, &submission.revenue);
    let sweep = Sweep {
        days: &days,
        revenue: &revenue,
        masks: None,
    };
    keep_in_sweep(editions, today, submission, outlook, sweep)
}

/// `keep`, with the sweep's days and qualifying revenue per day (built for
/// at least every edition applied from the deadline through the horizon)
/// and, when the sweep has them, each individual's group set on the
/// deadline (`masks`, in the deadline edition's groups): the outlook
/// computes them once for both.
pub(super) fn keep_in_sweep(
    editions: Editions,
    today: &Evaluation,
    submission: &Submission,
    outlook: &LevelOutlook,
    sweep: Sweep,
) -> Option<Result<KeepPlan, CannotKeep>> {
    let change = outlook.change.as_ref().filter(|_| outlook.attained)?;
    let seats = seats_today(today, outlook.level, submission.individuals.len());
    let mut plan = plan(
        editions,
        submission,
        outlook.level,
        (change.on, outlook.horizon_end),
        &seats,
        sweep,
    );
    if let Ok(plan) = &mut plan {
        mark_kept_seats(plan, &seats, today);
        plan.revenue_dated_after = (!plan.revenue_needed.is_zero()
            && Period::ttm(plan.horizon_end).start > today.as_of)
            .then_some(today.as_of);
        if !plan.steps.is_empty() && plan.exams_by > plan.deadline {
            let ground = Ground {
                editions,
                revenue: sweep.revenue,
                days: sweep.days,
                submission,
                level: outlook.level,
            };
            plan.exams_lost = Some(change_of(
                ground,
                plan.exams_by,
                vec![Requirement::Exams],
                false,
            ));
            // The seats were filled the day before: an edition comes into
            // force, or a seated person's pass stops counting (the sentence
            // that names the causes needs one).
            debug_assert!(plan
                .exams_lost
                .as_ref()
                .is_some_and(|lost| { !lost.causes.is_empty() || lost.passes_not_listed > 0 }));
        }
        // The outlook's sentence already names the qualifying revenue of
        // the day of its change when revenue flips that day: a low on that
        // day needs no second mention.
        let named = change.requirements.contains(&Requirement::Revenue);
        plan.lowest = plan.lowest.filter(|l| !(named && l.on == change.on));
    }
    Some(plan)
}

/// What the outlook's sweep hands the keep plan.
#[derive(Clone, Copy)]
pub(super) struct Sweep<'a> {
    pub(super) days: &'a Days,
    /// Qualifying revenue per day.
    pub(super) revenue: &'a RevenueDays,
    /// Each individual's group set on the deadline, in the deadline
    /// edition's groups, when the sweep has it.
    pub(super) masks: Option<&'a [u8]>,
}

/// The keep plan of `level` lost on `deadline`, through `horizon_end`;
/// `seats_today[i]`: the role id of listed individual `i`'s seat of
/// `level` today, if any, for the tie-break between plans of equal cost.
fn plan(
    editions: Editions,
    submission: &Submission,
    level: Level,
    (deadline, horizon_end): (Date, Date),
    seats_today: &[Option<&'static str>],
    sweep: Sweep,
) -> Result<KeepPlan, CannotKeep> {
    let Sweep {
        days,
        revenue,
        masks,
    } = sweep;
    let applied = applied(editions, deadline, horizon_end);
    let first = editions.on(deadline);
    let cannot = |why| CannotKeep {
        level,
        deadline,
        horizon_end,
        edition: first,
        why,
    };
    let global = global_days(&applied, deadline, horizon_end);

    // Revenue: what the plan books, by when, and what it makes up for.
    let RevenueNeed {
        needed: revenue_needed,
        by: revenue_by,
        lowest,
    } = revenue_needed(
        editions,
        level,
        submission.market,
        days,
        revenue,
        deadline,
        &global,
    )
    .map_err(|on| cannot(Why::NoLevel { on }))?;

    // Exams: the states that bind the plan (points 3 and 4), and the day
    // by which its passes are due.
    let (bindings, first_unfilled) = binding_states(
        editions,
        submission,
        level,
        (deadline, horizon_end),
        &global,
        masks,
    )
    .map_err(|on| cannot(Why::NoLevel { on }))?;
    let exams_by = first_unfilled.unwrap_or(deadline);

    let mut plan = KeepPlan {
        level,
        deadline,
        horizon_end,
        revenue_needed,
        revenue_by: revenue_by.unwrap_or(deadline),
        revenue_dated_after: None,
        exams_by,
        exams_lost: None,
        lowest,
        additional_exams: 0,
        additional_individuals: 0,
        edition: first,
        steps: Vec::new(),
        moves: Vec::new(),
        takes: Vec::new(),
        exact: bindings.len() <= 1,
    };
    let Some(binding) = bindings.first() else {
        return Ok(plan);
    };
    // Point 6: what everyone holds in every binding state (the plan's
    // starting point with one state; the fallback with too many).
    let masks: Vec<u8> = (0..submission.individuals.len())
        .map(|i| bindings.iter().fold(u8::MAX, |m, b| m & b.masks[i]))
        .collect();
    let Some(rule) = first.level(level) else {
        return Err(cannot(Why::NoLevel { on: deadline }));
    };

    let offered = offered(&applied, exams_by);
    let offered_mask = offered
        .iter()
        .enumerate()
        .filter(|(_, codes)| !codes.is_empty())
        .fold(0u8, |m, (g, _)| m | (1 << g));
    let role_masks = exams::role_masks(first);
    let kinds: Vec<_> = rule
        .seats
        .iter()
        .filter_map(|s| first.role_index(s.role).map(|r| (r, s)))
        .collect();
    // The first group a seat needs that no exam offered gives.
    let no_exam = || {
        let needed = kinds.iter().fold(0u8, |m, (r, _)| m | role_masks[*r]);
        cannot(Why::NoExam {
            group: (needed & !offered_mask).trailing_zeros() as usize,
            on: binding.day,
            by: exams_by,
        })
    };
    // Seats to fill: (role, who, the groups they add).
    let mut fill: Vec<(usize, Option<usize>, u8)> = Vec::new();
    let several = (bindings.len() > 1)
        .then(|| {
            let states: Vec<Vec<u8>> = bindings.iter().map(|b| b.masks.clone()).collect();
            let seats: Vec<(u32, u8)> = kinds
                .iter()
                .map(|(r, s)| (s.count, role_masks[*r]))
                .collect();
            keep_assign::assign_all(&states, &seats, offered_mask)
        })
        .flatten();
    if let Some(picks) = several {
        let picks = picks.ok_or_else(no_exam)?;
        plan.exact = true;
        fill.extend(
            picks
                .iter()
                .filter(|p| p.adds != 0)
                .map(|p| (kinds[p.kind].0, p.individual, p.adds)),
        );
    } else {
        // More than any plan's passes: a seat no one can fill.
        const UNFILLABLE: u32 = 1 << 16;
        let assigned = exams::assign(
            masks.len(),
            &kinds,
            |i, k| {
                let lacking = role_masks[kinds[k].0] & !masks[i];
                (lacking & !offered_mask == 0).then_some(lacking.count_ones())
            },
            // On equal cost, the most people keep the role of the seat they
            // hold today: the person whose pass stops counting passes an
            // exam rather than someone else taking their seat; then the
            // fewest holders move to another role. (Every plan of equal
            // cost seats as many listed people.)
            |i, k| {
                let role = first.roles.get(kinds[k].0).map(|r| r.id);
                match seats_today.get(i).copied().flatten() {
                    Some(today) if Some(today) == role => 0,
                    Some(_) => exams::MOVED + exams::UNLIKELY,
                    None => exams::MOVED,
                }
            },
            |k| {
                let role = role_masks[kinds[k].0];
                if role & !offered_mask == 0 {
                    role.count_ones()
                } else {
                    UNFILLABLE
                }
            },
        );
        if assigned.iter().any(|a| a.cost >= UNFILLABLE) {
            return Err(no_exam());
        }
        (plan.moves, plan.takes) = moves_and_takes(first, &kinds, &assigned, seats_today);
        fill.extend(assigned.iter().filter(|a| a.cost > 0).map(|a| {
            let have = a.individual.map_or(0, |i| masks[i]);
            (a.role, a.individual, role_masks[a.role] & !have)
        }));
    }

    // What each listed individual in a step holds on the binding day (in
    // every binding state).
    let index = ExamIndex::new(binding.edition, binding.day);
    plan.steps = fill
        .iter()
        .map(|&(role, individual, missing)| {
            let role_mask = role_masks[role];
            let have = individual.map_or(0, |i| masks[i]);
            let held = individual
                .map(|i| exams::held(&index, &submission.individuals[i].exams, binding.day));
            GapStep {
                role,
                seats: seat_count(&kinds, role),
                individual,
                exams: (0..first.groups.len())
                    .filter(|g| missing & (1 << g) != 0)
                    .map(|g| ExamChoice {
                        group: g,
                        one_of: offered[g].clone(),
                    })
                    .collect(),
                held: held
                    .map(|h| {
                        (0..binding.edition.groups.len())
                            .filter(|g| {
                                remap(1 << g, binding.edition, first) & role_mask & have != 0
                            })
                            .filter_map(|g| h.counted[g].map(|e| e.code))
                            .collect()
                    })
                    .unwrap_or_default(),
                // The person's own passes of those groups that count only
                // after the plan's passes are due.
                pending: individual
                    .map(|i| late(first, exams_by, missing, &submission.individuals[i].exams))
                    .unwrap_or_default(),
                misdated: Vec::new(),
                not_accepted: Vec::new(),
                held_until: Vec::new(),
                // A keep plan adds passes to the binding day's state; it
                // names no seat anyone holds today.
                moves_from: None,
                freed_for: None,
                holder_moves: None,
                keeps_seat: false,
            }
        })
        .collect();
    plan.additional_exams = plan.steps.iter().map(|s| s.exams.len() as u32).sum();
    plan.additional_individuals =
        plan.steps.iter().filter(|s| s.individual.is_none()).count() as u32;
    Ok(plan)
}

#[cfg(test)]
#[path = "keep_tests.rs"]
mod tests;
