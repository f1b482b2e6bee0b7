//! The editions and days a keep plan spans: which edition applies until
//! when, the days on which that changes, the exams offered on the plan's
//! `exams_by`, and group sets carried from one edition's groups to
//! another's.

use super::super::catalog;
use super::super::model::Edition;
use super::super::Date;
use super::Editions;

/// The editions applied on some day of `deadline..=horizon_end`, with the
/// last day each applies, in day order.
pub(super) fn applied(
    editions: Editions,
    deadline: Date,
    horizon_end: Date,
) -> Vec<(&'static Edition, Date)> {
    match editions {
        Editions::Pinned(edition) => vec![(edition, horizon_end)],
        Editions::InForce(competency) => {
            let first = competency.edition_in_force(deadline);
            competency
                .editions
                .iter()
                .filter(|e| {
                    *e == first
                        || e.in_force_from
                            .is_some_and(|f| deadline < f && f <= horizon_end)
                })
                .map(|e| {
                    let last = competency
                        .in_force_until(e)
                        .map_or(horizon_end, |l| l.min(horizon_end));
                    (e, last)
                })
                .collect()
        }
    }
}

/// The days after the deadline, through the horizon, on which exams count
/// differently for everyone: an edition comes into force, an acceptance ends.
pub(super) fn global_days(
    applied: &[(&'static Edition, Date)],
    deadline: Date,
    horizon_end: Date,
) -> Vec<Date> {
    let within = |d: &Date| deadline < *d && *d <= horizon_end;
    let mut out: Vec<Date> = Vec::new();
    for (e, _) in applied {
        out.extend(e.in_force_from.filter(within));
        for exam in e.groups.iter().flat_map(|g| g.exams) {
            out.extend(exam.accepted_until.map(Date::next_day).filter(within));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The codes of each group of the deadline's edition that can be taken on
/// `by` (the plan's `exams_by`) and count, in the same group, on every day
/// from the deadline through the horizon, in table order.
pub(super) fn offered(applied: &[(&'static Edition, Date)], by: Date) -> Vec<Vec<&'static str>> {
    let Some((first, _)) = applied.first() else {
        return Vec::new();
    };
    first
        .groups
        .iter()
        .map(|group| {
            group
                .exams
                .iter()
                .filter(|exam| catalog::can_take(exam.code, by))
                .filter(|exam| {
                    applied.iter().all(|(e, last)| {
                        e.groups
                            .iter()
                            .find(|g| g.id == group.id)
                            .and_then(|g| g.exams.iter().find(|x| x.code == exam.code))
                            .is_some_and(|x| x.accepted_on(*last))
                    })
                })
                .map(|exam| exam.code)
                .collect()
        })
        .collect()
}

/// `bits` (group indices of `from`) as group indices of `to`, by group id.
pub(super) fn remap(bits: u8, from: &Edition, to: &Edition) -> u8 {
    if std::ptr::eq(from, to) {
        return bits;
    }
    (0..from.groups.len())
        .filter(|g| bits & (1 << g) != 0)
        .filter_map(|g| to.group_index(from.groups[g].id))
        .fold(0u8, |m, g| m | (1 << g))
}
