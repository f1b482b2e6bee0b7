//! The gap (§2.5): the staffing plan that fills a level's seats with the
//! fewest extra exam passes, proposing only exams that can be taken on the
//! plan's day (§2.6 availability), and what each step says (of its person's
//! own listed passes: `listed`).

use super::catalog;
use super::exams::{self, Assigned, Held};
use super::listed::{CountsUntil, NotAcceptedPass, PendingPass};
use super::model::{Edition, Exam, ExamGroup, LevelRule, Seats};
use super::{Date, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub revenue_shortfall: Money,
    pub additional_exams: u32,
    pub additional_individuals: u32,
    pub steps: Vec<GapStep>,
}

impl Gap {
    /// How many of `additional_exams` the listed individuals' own passes
    /// cover from a later day (`GapStep::pending`, one per group asked).
    pub fn pending_exams(&self) -> u32 {
        self.steps.iter().map(|s| s.pending.len() as u32).sum()
    }
}

/// One seat still to fill: who passes which exams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapStep {
    pub role: usize,
    /// How many seats of its role the level has (the wording says "the
    /// customization seat" where there is one).
    pub seats: u32,
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
    /// The listed individual's own passes of a group this step asks for
    /// that the edition applied doesn't accept and won't within the
    /// outlook (review 36, M1): of an exam it lacks (a pinned edition, or
    /// one that dropped it) or no longer accepts. Once each, in input
    /// order; empty for a new individual and in a keep plan.
    pub not_accepted: Vec<NotAcceptedPass>,
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
    /// A listed individual who holds a seat of this step's role today and
    /// whom the plan moves, with no exam, to a seat of another role, making
    /// room for this step's individual; `None` otherwise. One step of the
    /// role they leave tells each such move, unless no step fills a seat of
    /// that role or someone else who needs no exam may take the one left.
    pub holder_moves: Option<HolderMove>,
    /// Whether the listed individual holds a seat of this role today, so
    /// that the step keeps their seat (a keep plan's step for a pass that
    /// stops counting); false in the gap, whose steps fill seats.
    pub keeps_seat: bool,
}

impl GapStep {
    /// The groups the step asks for (bit `g`: group `g`).
    pub fn asked(&self) -> u8 {
        self.exams.iter().fold(0, |mask, c| mask | 1 << c.group)
    }
}

/// A seat holder's move that needs no exam (`GapStep::holder_moves`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HolderMove {
    /// Index into `Submission::individuals`.
    pub individual: usize,
    /// The role (index into `Edition::roles`) of the seat they move to.
    pub to: usize,
    /// How many seats of that role the level has.
    pub seats: u32,
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
/// tie-break among plans of equal cost (`Fit::default()`: nothing speaks
/// for or against it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fit {
    /// The other level's plan seats them in this role: a move there from
    /// the seat they hold is that plan's, not a further one.
    pub planned: bool,
    /// Why it is unlikely for them, of two reasons: their listed
    /// future-dated passes are all of other groups than it still needs; the
    /// other level's plan seats them elsewhere.
    pub unlikely: u32,
    /// How many of the passes the seat asks of them a higher level's plan
    /// does not ask of them; following a lower level, 1 unless that plan
    /// gives them a seat of this role.
    pub unplanned: u32,
}

/// How many seats of `role` the seat kinds hold.
pub(super) fn seat_count(kinds: &[(usize, &Seats)], role: usize) -> u32 {
    kinds
        .iter()
        .find(|(r, _)| *r == role)
        .map_or(0, |(_, seats)| seats.count)
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
/// says so (`moves_from`, `freed_for`, `holder_moves`). Among plans of
/// equal cost, one that asks fewer passes `fit` calls unplanned (those the
/// other level's plan does not ask) wins, then one that moves fewer people
/// (a move `fit` calls planned, the other level's plan's, is not counted, though
/// its step still says so), then one that seats fewer people where `fit`
/// calls them unlikely. `pending` is left empty (the evaluation fills it
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
            let moved =
                seat_today(seats_today, i).is_some_and(|today| today != role) && !fit.planned;
            // At most eight groups and two reasons (`MAX_PENALTY`).
            fit.unplanned.min(8) * exams::UNPLANNED
                + u32::from(moved) * exams::MOVED
                + fit.unlikely.min(2) * exams::UNLIKELY
        },
        |k| role_masks[kinds[k].0].count_ones(),
    );
    let mut gap = gap(
        edition,
        held,
        &role_masks,
        revenue_shortfall,
        &plan,
        &kinds,
        &takeable,
    );
    moves(&mut gap.steps, &plan, seats_today, &kinds);
    gap
}

fn seat_today(seats_today: &[Option<usize>], i: usize) -> Option<usize> {
    seats_today.get(i).copied().flatten()
}

/// Which seat each step's listed individual leaves (`moves_from`), and who
/// takes it as they are (`freed_for`): someone the plan seats in that role
/// without an exam who holds no seat today, each named for one seat only;
/// and who leaves a seat of the step's role for another one without an
/// exam (`holder_moves`), each told by one step.
fn moves(
    steps: &mut [GapStep],
    plan: &[Assigned],
    seats_today: &[Option<usize>],
    kinds: &[(usize, &Seats)],
) {
    // Someone who needs no exam and holds no seat of a role today may take
    // a seat of it that a holder leaves: then no step of that role is sure
    // to fill the seat left, and none tells the move.
    let entered = |role: usize| {
        plan.iter().any(|a| {
            a.cost == 0
                && a.role == role
                && a.individual
                    .is_some_and(|i| seat_today(seats_today, i) != Some(role))
        })
    };
    for a in plan.iter().filter(|a| a.cost == 0) {
        let Some(i) = a.individual else { continue };
        let Some(left) = seat_today(seats_today, i).filter(|role| *role != a.role) else {
            continue;
        };
        if entered(left) {
            continue;
        }
        let step = steps
            .iter_mut()
            .find(|step| step.role == left && step.holder_moves.is_none());
        if let Some(step) = step {
            step.holder_moves = Some(HolderMove {
                individual: i,
                to: a.role,
                seats: seat_count(kinds, a.role),
            });
        }
    }
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

fn gap(
    edition: &'static Edition,
    held: &[Held],
    role_masks: &[u8],
    revenue_shortfall: Money,
    plan: &[Assigned],
    kinds: &[(usize, &Seats)],
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
                seats: seat_count(kinds, a.role),
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
                not_accepted: Vec::new(),
                held_until: Vec::new(),
                moves_from: None,
                freed_for: None,
                holder_moves: None,
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
