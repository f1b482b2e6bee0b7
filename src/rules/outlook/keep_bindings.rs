//! The keep plan's binding states (`keep`'s module comment, points 3 and
//! 4): the sweep over the days, from the deadline through the horizon, on
//! which what someone holds can change, keeping the minimal states among
//! the days on which the level's seats are not filled.

use super::super::model::{Edition, Level};
use super::super::{Date, Submission};
use super::keep_editions::remap;
use super::state::{events_on, pass_events, Staff};
use super::Editions;

/// What every individual holds on an unfilled day, in the deadline
/// edition's groups.
pub(super) struct Binding {
    pub(super) day: Date,
    pub(super) edition: &'static Edition,
    pub(super) masks: Vec<u8>,
}

/// The minimal unfilled states of `level` from the deadline through the
/// horizon (`span`), and the first unfilled day (the last day the plan's
/// passes can be dated; `None` when the seats are filled on every day);
/// `global`: the days an edition comes into force or an acceptance ends;
/// `masks`: each individual's group set on the deadline, when the
/// outlook's sweep has it. `Err(day)`: the edition applied on `day` has no
/// such level.
pub(super) fn binding_states(
    editions: Editions,
    submission: &Submission,
    level: Level,
    (deadline, horizon_end): (Date, Date),
    global: &[Date],
    masks: Option<&[u8]>,
) -> Result<(Vec<Binding>, Option<Date>), Date> {
    let first = editions.on(deadline);
    let events = pass_events(submission, |d| deadline < d && d <= horizon_end);
    let mut sweep: Vec<Date> = Vec::with_capacity(1 + global.len() + events.len());
    sweep.push(deadline);
    sweep.extend(global);
    sweep.extend(events.iter().map(|(d, _)| *d));
    sweep.sort_unstable();
    sweep.dedup();

    let mut staff = match masks {
        Some(masks) => Staff::from_masks(masks.iter().copied()),
        None => Staff::on(submission, first, deadline),
    };
    let mut bindings: Vec<Binding> = Vec::new();
    let mut first_unfilled = None;
    let mut next_event = 0;
    for day in sweep {
        let edition = editions.on(day);
        let today = events_on(&events, &mut next_event, day);
        let everyone = global.binary_search(&day).is_ok();
        staff.advance(submission, edition, day, everyone, today);
        let Some(rule) = edition.level(level) else {
            return Err(day);
        };
        if staff.seats_filled(edition, rule) {
            continue;
        }
        // Kept apart from the bindings: the first unfilled state may be
        // dropped below for a smaller later one, but its day still bounds
        // when the passes are due.
        first_unfilled.get_or_insert(day);
        let masks: Vec<u8> = staff
            .masks()
            .iter()
            .map(|m| remap(*m, edition, first))
            .collect();
        // Point 4: keep only the minimal states.
        let covers = |a: &[u8], b: &[u8]| a.iter().zip(b).all(|(a, b)| a & !b == 0);
        if bindings
            .iter()
            .any(|b| b.edition == edition && covers(&b.masks, &masks))
        {
            continue;
        }
        bindings.retain(|b| !(b.edition == edition && covers(&masks, &b.masks)));
        bindings.push(Binding {
            day,
            edition,
            masks,
        });
    }
    Ok((bindings, first_unfilled))
}
