//! A level's seats as listed individuals fill them (§2.4): the largest
//! assignment, each level's reading on from the level below's (and the
//! level below's read again from the level above's where they disagree),
//! shared by the evaluation, the outlook's sweep and its causes.

use super::exams::{self, Held};
use super::gap::kinds;
use super::listed::{after_lapse, CountsUntil};
use super::model::{Edition, Level, LevelRule, Seats};
use super::{Date, Submission};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamsCheck {
    pub met: bool,
    pub individuals_required: u32,
    /// One per seat, in the level's seat order; filled seats first within a role.
    pub seats: Vec<SeatFill>,
    /// Passes that do not count, of people who fill no seat of this level,
    /// each once however often it is listed; repeats of a counting exam and
    /// codes like no Cloud CRM exam left out (neither is ever why a seat is
    /// empty).
    pub passes_not_counting: u32,
    /// Of those, how many are dated after `as_of` (they count later).
    pub passes_not_counting_yet: u32,
    /// And how many count from a later day for another reason: no date
    /// while their exam can be taken only from a later day, or an exam the
    /// edition coming into force within the outlook's year adds (the
    /// request pins no edition).
    pub passes_not_counting_yet_other: u32,
}

impl ExamsCheck {
    /// The role (index into `Edition::roles`) of the seat of this level
    /// that each of the first `individuals` listed individuals holds, if
    /// any, in one pass over the seats.
    pub fn roles_held(&self, individuals: usize) -> Vec<Option<usize>> {
        roles_of(
            self.seats.iter().map(|seat| (seat.individual, seat.role)),
            individuals,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFill {
    /// Index into `Edition::roles`.
    pub role: usize,
    /// Index into `Submission::individuals`; `None` when nobody listed qualifies.
    pub individual: Option<usize>,
    /// Canonical codes of the passes that qualify the individual, one per group.
    pub exams_counted: Vec<&'static str>,
    /// Of those, the one that stops counting first on a later day, if any
    /// does (its edition's acceptance ends: MB2-709 under the 2017-11
    /// edition, through 2018-12-31).
    pub counts_until: Option<CountsUntil>,
    /// With `counts_until`: a role (index into `Edition::roles`) of which
    /// the level has a seat nobody fills today and whose groups the holder
    /// still holds the day after the pass stops counting, so that they
    /// could move to it instead (review 29, M1).
    pub open_instead: Option<usize>,
    /// A role (index into `Edition::roles`) of which the level has a seat
    /// nobody fills, whose groups the holder holds today: they fill only
    /// one seat (§2.3), so it stays open (review 37, M3). A role's open seats
    /// are named for one holder.
    pub also_qualifies: Option<usize>,
    /// With `counts_until`: the listed individual who fills a seat of this
    /// role the day after, in the level's seating on that day with every
    /// seat filled, and who holds no seat of the level today (review 36,
    /// M3): they take it over with no new exam.
    pub taken_over_by: Option<usize>,
    /// Whether `taken_over_by` already qualifies for the seat today (else
    /// passes of theirs that count later make them qualify by then:
    /// review 39 L4, review 40 L1).
    pub taker_ready: bool,
}

/// The passes of `held` that qualify it for the groups of `role_mask`
/// (`SeatFill::exams_counted`), and of those the one that stops counting
/// first (`SeatFill::counts_until`): one walk over the groups.
fn seat_passes(held: &Held, role_mask: u8) -> (Vec<&'static str>, Option<CountsUntil>) {
    let mut codes = Vec::with_capacity(role_mask.count_ones() as usize);
    let mut first: Option<CountsUntil> = None;
    for (g, exam) in held.counted_for(role_mask) {
        codes.push(exam.code);
        if let Some(until) = exam.accepted_until {
            if first.is_none_or(|f| until < f.until) {
                first = Some(CountsUntil {
                    group: g,
                    code: exam.code,
                    until,
                    then: None,
                });
            }
        }
    }
    (codes, first)
}

/// The seats of `rule`, as listed individuals holding `held` fill them in
/// the level's assignment `filled` (`fill_levels`).
pub fn seats(
    rule: &LevelRule,
    held: &[Held],
    role_masks: &[u8],
    filled: &[exams::Assigned],
) -> ExamsCheck {
    ExamsCheck {
        met: filled.iter().all(|a| a.individual.is_some()),
        individuals_required: rule.individuals_required(),
        seats: filled
            .iter()
            .map(|a| {
                let (exams_counted, counts_until) = a
                    .individual
                    .map(|i| seat_passes(&held[i], role_masks[a.role]))
                    .unwrap_or_default();
                SeatFill {
                    role: a.role,
                    individual: a.individual,
                    exams_counted,
                    counts_until,
                    open_instead: None,
                    also_qualifies: None,
                    taken_over_by: None,
                    taker_ready: false,
                }
            })
            .collect(),
        passes_not_counting: 0,
        passes_not_counting_yet: 0,
        passes_not_counting_yet_other: 0,
    }
}

/// A seat's pass that stops counting (`SeatFill::counts_until`) is named
/// only when no other listed pass of its holder keeps the group the next
/// day. Where the holder then still qualifies, with groups held today, for
/// a seat of another role that nobody fills today, the note says they
/// could move to it (`SeatFill::open_instead`); each open seat is offered
/// to one holder only (code review 29, L1 and M3).
pub(super) fn name_lapses(
    check: &mut ExamsCheck,
    edition: &'static Edition,
    submission: &Submission,
    held: &[Held],
    role_masks: &[u8],
) {
    let mut offered: Vec<usize> = Vec::new();
    for k in 0..check.seats.len() {
        let seat = &check.seats[k];
        let (Some(i), Some(ends)) = (seat.individual, seat.counts_until) else {
            continue;
        };
        let passes = &submission.individuals[i].exams;
        let lapse = after_lapse(edition, passes, ends.group, ends.until);
        let held_today = held[i].mask;
        let open = lapse.and_then(|lapse| {
            check.seats.iter().enumerate().position(|(at, open)| {
                open.individual.is_none()
                    && open.role != seat.role
                    && !offered.contains(&at)
                    && role_masks[open.role] & !(lapse.mask_next_day & held_today) == 0
            })
        });
        offered.extend(open);
        let open_instead = open.map(|at| check.seats[at].role);
        let seat = &mut check.seats[k];
        match lapse {
            Some(lapse) => {
                seat.counts_until = Some(CountsUntil {
                    then: lapse.then,
                    ..ends
                });
                seat.open_instead = open_instead;
            }
            None => seat.counts_until = None,
        }
    }
}

/// Names, for each seat whose holder's pass stops counting, who takes it
/// over the day after with no new exam (`SeatFill::taken_over_by`): the
/// level's seating on that day, by `edition`, when it fills every seat.
/// Looked for only where the exam requirement is met and a pass stops
/// counting (seldom), once for each day on which one does.
pub(super) fn name_takers(
    check: &mut ExamsCheck,
    rule: &LevelRule,
    edition: &'static Edition,
    submission: &Submission,
    held: &[Held],
    role_masks: &[u8],
) {
    if !check.met {
        return;
    }
    let mut taken: Vec<usize> = Vec::new();
    let mut seating: Option<(Date, Option<Vec<exams::Assigned>>)> = None;
    for k in 0..check.seats.len() {
        let Some(ends) = check.seats[k].counts_until else {
            continue;
        };
        let role = check.seats[k].role;
        let day = ends.until.next_day();
        if seating.as_ref().is_none_or(|(d, _)| *d != day) {
            let index = exams::ExamIndex::new(edition, day);
            let masks: Vec<u8> = submission
                .individuals
                .iter()
                .map(|ind| exams::held(&index, &ind.exams, day).mask)
                .collect();
            let seated = level_seating(edition, role_masks, rule.level, &masks)
                .filter(|seated| seated.iter().all(|a| a.individual.is_some()));
            seating = Some((day, seated));
        }
        let Some(seated) = seating.as_ref().and_then(|(_, s)| s.as_ref()) else {
            continue;
        };
        // Someone seated today would leave a seat of their own: a swap,
        // which this one sentence can't tell.
        let holds_today = |i: usize| check.seats.iter().any(|s| s.individual == Some(i));
        let taker = seated.iter().find_map(|a| {
            a.individual
                .filter(|&i| a.role == role && !holds_today(i) && !taken.contains(&i))
        });
        if let Some(i) = taker {
            taken.push(i);
            check.seats[k].taken_over_by = Some(i);
            check.seats[k].taker_ready =
                held.get(i).is_some_and(|h| role_masks[role] & !h.mask == 0);
        }
    }
}

/// Names, for each role with a seat nobody fills, one holder of another
/// seat who holds its groups today (`SeatFill::also_qualifies`).
pub(super) fn name_also_qualified(check: &mut ExamsCheck, held: &[Held], role_masks: &[u8]) {
    let mut named: Vec<usize> = Vec::new();
    for k in 0..check.seats.len() {
        let seat = &check.seats[k];
        let Some(i) = seat.individual else {
            continue;
        };
        let open = check.seats.iter().find(|open| {
            open.individual.is_none()
                && open.role != seat.role
                && !named.contains(&open.role)
                && role_masks[open.role] & !held[i].mask == 0
        });
        if let Some(role) = open.map(|open| open.role) {
            named.push(role);
            check.seats[k].also_qualifies = Some(role);
        }
    }
}

/// `level`'s assignment of `edition` for people holding the groups `masks`,
/// as `fill_levels` makes it.
pub(super) fn level_seating(
    edition: &'static Edition,
    role_masks: &[u8],
    level: Level,
    masks: &[u8],
) -> Option<Vec<exams::Assigned>> {
    fill_levels(edition, role_masks, masks.len(), |i| masks[i])
        .into_iter()
        .find(|(rule, _)| rule.level == level)
        .map(|(_, seated)| seated)
}

/// Each level's assignment of `edition` (`fill`), lowest first, each
/// reading on from the level below's: the one the evaluation and the
/// outlook's causes seat people by. Where a level above must seat someone
/// in another role than the level below does (its largest seatings all do),
/// the level below is filled again, once, reading on from the level
/// above's, and kept if fewer people then sit in different roles (review
/// 32, H1). For the catalog's levels (one and two seats of each role) no
/// answer then lists one person in two roles when some largest seatings
/// would not (`rules::tests::seatings`, every team of up to five people);
/// other tables may keep a disagreement another round would remove.
pub(super) fn fill_levels(
    edition: &'static Edition,
    role_masks: &[u8],
    individuals: usize,
    mask: impl Fn(usize) -> u8,
) -> Vec<(&'static LevelRule, Vec<exams::Assigned>)> {
    // Each level's assignment and the role it gives each person.
    let mut levels: Vec<(&'static LevelRule, Vec<exams::Assigned>)> = Vec::new();
    let mut held: Vec<Vec<Option<usize>>> = Vec::new();
    for rule in edition.levels {
        let below = held.last().map_or(&[][..], Vec::as_slice);
        let filled = fill(&kinds(edition, rule), role_masks, individuals, &mask, below);
        held.push(roles(&filled, individuals));
        levels.push((rule, filled));
    }
    for k in (1..levels.len()).rev() {
        let above = &held[k];
        let apart = elsewhere(&levels[k - 1].1, above);
        if apart == 0 {
            continue;
        }
        let rule = levels[k - 1].0;
        let again = fill(&kinds(edition, rule), role_masks, individuals, &mask, above);
        if elsewhere(&again, above) < apart {
            held[k - 1] = roles(&again, individuals);
            levels[k - 1].1 = again;
        }
    }
    levels
}

/// The role of each of `individuals` people's seat in `filled`, if any.
pub(super) fn roles(filled: &[exams::Assigned], individuals: usize) -> Vec<Option<usize>> {
    roles_of(filled.iter().map(|a| (a.individual, a.role)), individuals)
}

/// The role of each of `individuals` people given (person, role) seats.
fn roles_of(
    seats: impl Iterator<Item = (Option<usize>, usize)>,
    individuals: usize,
) -> Vec<Option<usize>> {
    let mut roles = vec![None; individuals];
    for (individual, seat_role) in seats {
        if let Some(role) = individual.and_then(|i| roles.get_mut(i)) {
            *role = Some(seat_role);
        }
    }
    roles
}

/// How many people `filled` seats in another role than `other` gives them.
fn elsewhere(filled: &[exams::Assigned], other: &[Option<usize>]) -> usize {
    filled
        .iter()
        .filter(|a| {
            a.individual
                .and_then(|i| other.get(i).copied().flatten())
                .is_some_and(|role| role != a.role)
        })
        .count()
}

/// The largest assignment of the seats `kinds` (a level's, `gap::kinds`)
/// to `individuals` people, person `i` holding the groups `mask(i)` (bit
/// `g`: group `g`): the one the evaluation, the outlook's sweep and its
/// causes all fill seats by. Among the largest, the one that seats the
/// fewest people elsewhere than in the role `below[i]` of their seat of
/// another level (empty: none), so that a level's seats read on from the
/// lower level's (or, in `fill_levels`, the higher level's).
pub(super) fn fill(
    kinds: &[(usize, &Seats)],
    role_masks: &[u8],
    individuals: usize,
    mask: impl Fn(usize) -> u8,
    below: &[Option<usize>],
) -> Vec<exams::Assigned> {
    exams::assign(
        individuals,
        kinds,
        |i, k| (role_masks[kinds[k].0] & !mask(i) == 0).then_some(0),
        |i, k| {
            let elsewhere = below
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|role| role != kinds[k].0);
            u32::from(elsewhere) * exams::UNLIKELY
        },
        |_| 1,
    )
}
