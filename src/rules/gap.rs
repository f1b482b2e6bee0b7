//! The gap (§2.5): the staffing plan that fills a level's seats with the
//! fewest extra exam passes, proposing only exams that can be taken on the
//! plan's day (§2.6 availability), and what each step says.

use super::catalog;
use super::exams::{self, Assigned, Held};
use super::ignored::Ignored;
use super::model::{Edition, Exam, ExamGroup, LevelRule, Seats};
use super::{Date, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub revenue_shortfall: Money,
    pub additional_exams: u32,
    pub additional_individuals: u32,
    pub steps: Vec<GapStep>,
}

/// One seat still to fill: who passes which exams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapStep {
    pub role: usize,
    /// Index into `Submission::individuals`; `None`: a new individual.
    pub individual: Option<usize>,
    /// Pass one exam of each choice.
    pub exams: Vec<ExamChoice>,
    /// Canonical codes of the passes the listed individual already has for
    /// the seat's role (one per group held); empty for a new individual.
    pub held: Vec<&'static str>,
    /// The listed individual's own passes of a group this step asks for that
    /// count only from a later day (dated after `as_of`, or undated before
    /// their exam's first day), one per group, earliest
    /// first: the gap, the outlook and the warnings name the same passes.
    pub pending: Vec<PendingPass>,
    /// Canonical codes of the listed individual's own passes of a group this
    /// step asks for that are dated on a day their exam could not be taken
    /// (§2.6): they count on no day, and their warnings ask to check the
    /// date. Empty for a new individual.
    pub misdated: Vec<&'static str>,
    /// The listed individual's passes the step counts on (of `held`) that
    /// stop counting on a later day, with no other listed pass of theirs
    /// keeping the group the next day (`after_lapse`); empty for a new
    /// individual and in a keep plan, whose binding states cover every
    /// lapse up to its horizon.
    pub held_until: Vec<CountsUntil>,
    /// The role (index into `Edition::roles`) of the seat of this level the
    /// listed individual fills today, when the plan moves them from it to
    /// this step's seat; `None` for a new individual or one who fills no
    /// seat today (the evaluation fills it from the level's seats).
    pub moves_from: Option<usize>,
    /// When the step moves its individual (`moves_from`): the listed
    /// individual who takes the seat they leave without an exam, if the
    /// plan gives it to one; `None` otherwise (a new individual's step, or
    /// another step, fills it).
    pub freed_for: Option<usize>,
    /// Whether the listed individual holds a seat of this role today, so
    /// that the step keeps their seat (a keep plan's step for a pass that
    /// stops counting); false in the gap, whose steps fill seats.
    pub keeps_seat: bool,
}

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
    /// the earliest that counts from its date, if any (`gap::after_lapse`).
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamChoice {
    /// Index into `Edition::groups`.
    pub group: usize,
    /// Canonical codes that the edition accepts and that can be taken on
    /// the plan's day (§2.5, §2.6 availability), in table order.
    pub one_of: Vec<&'static str>,
}

/// Whether a step may propose `exam` on `day`: the edition accepts it and it
/// can be taken that day (§2.5, §2.6 availability).
pub fn takeable(exam: &Exam, day: Date) -> bool {
    exam.accepted_on(day) && catalog::can_take(exam.code, day)
}

/// The last day on which passes of `exam` count, when a step that proposes
/// it on `day` must say so: the edition stops accepting it after a later
/// day (§2.6: MB2-709 under the 2017-11 edition, through 2018-12-31).
pub fn counts_until(exam: &Exam, day: Date) -> Option<Date> {
    exam.accepted_until.filter(|until| *until > day)
}

/// What becomes of `group` for a listed individual (their `passes`) after
/// `until`, the last day the pass that holds it today counts (the
/// evaluation's `edition`): `None` when another of their passes holds it
/// the next day, whether it counts today or is dated by then (the outlook
/// sees no lapse); else `Some` of the earliest of their passes of the group
/// dated later that counts from its date (`Some(None)`: none does).
pub fn after_lapse(
    edition: &'static Edition,
    passes: &[exams::ExamPass],
    group: usize,
    until: Date,
) -> Option<Option<PendingPass>> {
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
    Some(later)
}

/// The last day on which exam `code` can be taken, when it retires on or
/// after `day` (MB2-709: 2017-12-31): a step that proposes it on `day` says
/// so beside `counts_until`.
pub fn retires_on(code: &str, day: Date) -> Option<Date> {
    catalog::availability(code)
        .and_then(|a| a.until)
        .filter(|until| *until >= day)
}

/// The codes of `group` a step may propose on `day`, in table order.
pub fn takeable_codes(group: &ExamGroup, day: Date) -> Vec<&'static str> {
    group
        .exams
        .iter()
        .filter(|e| takeable(e, day))
        .map(|e| e.code)
        .collect()
}

/// How a seat of a role suits a listed individual, for the plan's
/// tie-break among plans of equal cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Nothing speaks for or against it.
    Likely,
    /// Their listed future-dated passes are all of other groups than it
    /// still needs, or the level below's plan seats them elsewhere.
    Unlikely,
    /// The level below's plan seats them in this role: a move there from
    /// the seat they hold is that plan's, not a further one.
    Planned,
}

/// The seat kinds of `rule`: (index into `Edition::roles`, seats).
pub(super) fn kinds<'r>(edition: &Edition, rule: &'r LevelRule) -> Vec<(usize, &'r Seats)> {
    rule.seats
        .iter()
        .filter_map(|s| edition.role_index(s.role).map(|r| (r, s)))
        .collect()
}

/// The staffing plan (§2.5) for `rule` when listed individuals hold `held`,
/// proposing only exams for which `takeable` holds (accepted by the edition
/// and available on the plan's day). The gap machinery of the evaluation,
/// callable for any day and any set of takeable exams. `seats_today[i]` is
/// the role (index into `Edition::roles`) of the seat of this level that
/// listed individual `i` holds today, if any (empty: nobody holds one): on
/// equal cost the plan moves nobody from their seat, and a step that does
/// says so (`moves_from`, `freed_for`); a move `fit(i, role)` calls
/// `Fit::Planned` (the level below's plan makes it) is not counted against
/// the plan, though its step still says so. Among plans that move no more
/// people, one that seats fewer people where `fit` is `Fit::Unlikely` wins. `pending` is left empty (the evaluation fills it
/// from the passes).
pub fn gap_on(
    edition: &'static Edition,
    rule: &LevelRule,
    held: &[Held],
    seats_today: &[Option<usize>],
    revenue_shortfall: Money,
    takeable: impl Fn(&Exam) -> bool,
    fit: impl Fn(usize, usize) -> Fit,
) -> Gap {
    let role_masks = exams::role_masks(edition);
    // Groups with an exam that can be taken: a seat needing another group
    // can be filled only by someone who already holds it.
    let open = edition
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.exams.iter().any(&takeable))
        .fold(0u8, |m, (g, _)| m | 1 << g);
    let kinds = kinds(edition, rule);
    let plan = exams::assign(
        held.len(),
        &kinds,
        |i, k| {
            let missing = role_masks[kinds[k].0] & !held[i].mask;
            (missing & !open == 0).then(|| missing.count_ones())
        },
        |i, k| {
            let role = kinds[k].0;
            let fit = fit(i, role);
            let moved = seat_today(seats_today, i).is_some_and(|today| today != role)
                && fit != Fit::Planned;
            u32::from(moved) * exams::MOVED + u32::from(fit == Fit::Unlikely) * exams::UNLIKELY
        },
        |k| role_masks[kinds[k].0].count_ones(),
    );
    let mut gap = gap(
        edition,
        held,
        &role_masks,
        revenue_shortfall,
        &plan,
        &takeable,
    );
    moves(&mut gap.steps, &plan, seats_today);
    gap
}

fn seat_today(seats_today: &[Option<usize>], i: usize) -> Option<usize> {
    seats_today.get(i).copied().flatten()
}

/// Which seat each step's listed individual leaves (`moves_from`), and who
/// takes it as they are (`freed_for`): someone the plan seats in that role
/// without an exam who holds no seat today, each named for one seat only.
fn moves(steps: &mut [GapStep], plan: &[Assigned], seats_today: &[Option<usize>]) {
    for step in steps.iter_mut() {
        step.moves_from = step
            .individual
            .and_then(|i| seat_today(seats_today, i))
            .filter(|role| *role != step.role);
    }
    // Takers are looked for only when somebody moves (seldom).
    if steps.iter().all(|step| step.moves_from.is_none()) {
        return;
    }
    let mut takers: Vec<(usize, usize)> = plan
        .iter()
        .filter(|a| a.cost == 0)
        .filter_map(|a| a.individual.map(|i| (a.role, i)))
        .filter(|&(_, i)| seat_today(seats_today, i).is_none())
        .collect();
    for step in steps {
        step.freed_for = step.moves_from.and_then(|left| {
            let at = takers.iter().position(|&(role, _)| role == left)?;
            Some(takers.remove(at).1)
        });
    }
}

/// A listed pass that counts only from a later day (`ignored`, one of its
/// warnings: dated after `as_of`, or undated before its exam's first day) that
/// `edition` accepts on its date: its group, code and date.
fn pending_pass(edition: &Edition, ignored: &Ignored) -> Option<PendingPass> {
    let (code, passed_on, why) = match *ignored {
        Ignored::ExamPassedAfterAsOf { code, passed_on } => (code, passed_on, Pending::Dated),
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
/// `choices` asks for: once each, in input order.
pub(super) fn misdated<'w>(
    edition: &Edition,
    choices: &[ExamChoice],
    ignored: impl Iterator<Item = &'w Ignored>,
) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for ignored in ignored {
        let Ignored::ExamNotAvailableOnPassDate { code, .. } = *ignored else {
            continue;
        };
        let asked = edition
            .exam(code)
            .is_some_and(|(group, _)| choices.iter().any(|c| c.group == group));
        if asked && !out.contains(&code) {
            out.push(code);
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
/// that `choices` asks for, and accepted by `edition` on their date: the
/// earliest of each group.
pub(super) fn pending<'w>(
    edition: &Edition,
    choices: &[ExamChoice],
    ignored: impl Iterator<Item = &'w Ignored>,
) -> Vec<PendingPass> {
    let mut out: Vec<PendingPass> = Vec::new();
    let asked = |p: &PendingPass| choices.iter().any(|c| c.group == p.group);
    for pass in ignored.filter_map(|ignored| pending_pass(edition, ignored)) {
        if !asked(&pass) {
            continue;
        }
        add_earliest(&mut out, pass);
    }
    out.sort_by_key(|p| (p.counts_from, p.group));
    out
}

fn gap(
    edition: &'static Edition,
    held: &[Held],
    role_masks: &[u8],
    revenue_shortfall: Money,
    plan: &[Assigned],
    takeable: &impl Fn(&Exam) -> bool,
) -> Gap {
    let steps: Vec<GapStep> = plan
        .iter()
        .filter(|a| a.cost > 0)
        .map(|a| {
            let have = a.individual.map_or(0, |i| held[i].mask);
            let missing = role_masks[a.role] & !have;
            GapStep {
                role: a.role,
                individual: a.individual,
                exams: (0..edition.groups.len())
                    .filter(|g| missing & (1 << g) != 0)
                    .map(|g| ExamChoice {
                        group: g,
                        one_of: edition.groups[g]
                            .exams
                            .iter()
                            .filter(|e| takeable(e))
                            .map(|e| e.code)
                            .collect(),
                    })
                    .collect(),
                held: a
                    .individual
                    .map(|i| {
                        held[i]
                            .counted_for(role_masks[a.role])
                            .map(|(_, e)| e.code)
                            .collect()
                    })
                    .unwrap_or_default(),
                pending: Vec::new(),
                misdated: Vec::new(),
                held_until: Vec::new(),
                moves_from: None,
                freed_for: None,
                keeps_seat: false,
            }
        })
        .collect();
    Gap {
        revenue_shortfall,
        additional_exams: steps.iter().map(|s| s.exams.len() as u32).sum(),
        additional_individuals: steps.iter().filter(|s| s.individual.is_none()).count() as u32,
        steps,
    }
}

/// One individual's listed passes (`passes`, judged by `edition` on
/// `as_of`) of exams `edition` lacks and `next` has, of a group `choices`
/// asks for: the day each starts to count under `next` (its first day, the
/// pass's later date, or for an undated pass its exam's later first day),
/// for each such group the earliest, as `pending` gives them.
pub(super) fn pending_in_next(
    edition: &'static Edition,
    next: &'static Edition,
    choices: &[ExamChoice],
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
        if !choices.iter().any(|c| c.group == group) {
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
