//! What the keep plan reads from today's seats: who holds a seat of which
//! role, for the tie-break that keeps holders in their roles and for the
//! steps that keep a seat (`GapStep::keeps_seat`).

use super::super::model::Level;
use super::super::Evaluation;
use super::keep_types::KeepPlan;

/// Sets `keeps_seat` on each step whose listed individual holds a seat of
/// its role today (`seats_today`).
pub(super) fn mark_kept_seats(plan: &mut KeepPlan, seats_today: &[Option<&'static str>]) {
    for step in &mut plan.steps {
        let role = plan.edition.roles.get(step.role).map(|r| r.id);
        step.keeps_seat = step.individual.is_some_and(|i| {
            seats_today
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|r| Some(r) == role)
        });
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
