//! What the keep plan reads from today's seats: who holds a seat of which
//! role, for the tie-break that keeps holders in their roles, for the
//! steps that keep a seat (`GapStep::keeps_seat`), and for who moves to or
//! takes a seat with no exam (`KeepPlan::moves`, `KeepPlan::takes`).

use super::super::exams::Assigned;
use super::super::model::{Edition, Level, Seats};
use super::super::Evaluation;
use super::keep_types::{KeepMove, KeepPlan, KeepTake};

/// From the plan's assignment (single binding state; roles index into
/// `edition`, the deadline's): the holders of a seat today whom it moves
/// to another role with no exam, and the people who hold no seat today
/// whom it seats with no exam, each with the holder whose seat of that
/// role they take over (holders the plan seats in no seat of their role,
/// in listing order), if any is left.
pub(super) fn moves_and_takes(
    edition: &'static Edition,
    kinds: &[(usize, &Seats)],
    assigned: &[Assigned],
    seats_today: &[Option<&'static str>],
) -> (Vec<KeepMove>, Vec<KeepTake>) {
    let today = |i: usize| seats_today.get(i).copied().flatten();
    let id = |role: usize| edition.roles.get(role).map(|r| r.id);
    let seats = |role: usize| {
        kinds
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(0, |(_, s)| s.count)
    };
    let mut moves = Vec::new();
    let mut takes = Vec::new();
    for a in assigned.iter().filter(|a| a.cost == 0) {
        let Some(i) = a.individual else { continue };
        match today(i) {
            Some(held) if Some(held) != id(a.role) => {
                if let Some(from) = edition.role_index(held) {
                    moves.push(KeepMove {
                        individual: i,
                        from,
                        to: a.role,
                        seats: seats(a.role),
                    });
                }
            }
            Some(_) => {}
            None => takes.push(KeepTake {
                individual: i,
                to: a.role,
                seats: seats(a.role),
                holder: None,
            }),
        }
    }
    if !takes.is_empty() {
        // Holders whose seat of their role the plan gives to someone else.
        let mut left: Vec<(usize, &'static str)> = (0..seats_today.len())
            .filter_map(|i| Some((i, today(i)?)))
            .filter(|&(i, held)| {
                !assigned
                    .iter()
                    .any(|a| a.individual == Some(i) && id(a.role) == Some(held))
            })
            .collect();
        for take in &mut takes {
            let at = left.iter().position(|&(_, held)| Some(held) == id(take.to));
            take.holder = at.map(|at| left.remove(at).0);
        }
    }
    (moves, takes)
}

/// Sets `keeps_seat` on each step whose listed individual holds a seat of
/// its role today (`seats_today`), and gives such a step the pass that
/// holds that seat today and stops counting (today's
/// `SeatFill::counts_until`), where the step asks for an exam of its group:
/// why someone who holds the seat must pass another exam (review 42 M3).
pub(super) fn mark_kept_seats(
    plan: &mut KeepPlan,
    seats_today: &[Option<&'static str>],
    today: &Evaluation,
) {
    let seats = today
        .levels
        .iter()
        .find(|l| l.level == plan.level)
        .map_or(&[][..], |l| &l.exams.seats[..]);
    for step in &mut plan.steps {
        let role = plan.edition.roles.get(step.role).map(|r| r.id);
        step.keeps_seat = step.individual.is_some_and(|i| {
            seats_today
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|r| Some(r) == role)
        });
        if !step.keeps_seat {
            continue;
        }
        let lapsing = seats
            .iter()
            .filter(|seat| {
                seat.individual == step.individual
                    && today.edition.roles.get(seat.role).map(|r| r.id) == role
            })
            .find_map(|seat| seat.counts_until);
        if let Some(mut lapse) = lapsing {
            // Today's group, as the plan's edition numbers it.
            let group = today
                .edition
                .groups
                .get(lapse.group)
                .and_then(|g| plan.edition.group_index(g.id));
            if let Some(group) = group.filter(|g| step.exams.iter().any(|c| c.group == *g)) {
                lapse.group = group;
                lapse.then = None;
                step.held_until.push(lapse);
            }
        }
    }
}

/// The id of the role of each listed individual's seat of `level` today,
/// if they hold one (ids: the plan's edition may be a later one than
/// today's).
pub(super) fn seats_today(
    today: &Evaluation,
    level: Level,
    individuals: usize,
) -> Vec<Option<&'static str>> {
    let Some(outcome) = today.levels.iter().find(|l| l.level == level) else {
        return Vec::new();
    };
    outcome
        .exams
        .roles_held(individuals)
        .into_iter()
        .map(|role| role.and_then(|r| today.edition.roles.get(r)).map(|r| r.id))
        .collect()
}
