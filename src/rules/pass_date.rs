//! The rules on a listed pass's date (§2.3, §2.6): the days its exam could
//! be taken, the evaluation date, and, for a pass with no date, the exam's
//! first day; shared by the evaluation, the outlook's sweep and its causes
//! (through `exams`).

use super::catalog;
use super::ignored::NotAccepted;
use super::Date;

/// Why the date of a pass of an exam the edition accepts keeps it from
/// counting on `on`: dated on a day the exam could not be taken (it never
/// counts), after `on` (not yet), or undated while the exam can be taken
/// only from a day after `on` (not yet: from that day at the earliest).
pub(super) enum DateFault {
    Unavailable {
        passed_on: Date,
        availability: &'static catalog::Availability,
    },
    After {
        passed_on: Date,
    },
    NotYetAvailable {
        from: Date,
    },
}

/// The one rule on a pass's date, which the evaluation, the outlook's sweep
/// and the causes it names all apply: a day the exam could not be taken
/// first, then a day after `on`. A pass without a date counts as passed by
/// `on`, which it cannot be before the exam's first day.
pub(super) fn date_fault(
    availability: Option<&'static catalog::Availability>,
    passed_on: Option<Date>,
    on: Date,
) -> Option<DateFault> {
    let Some(passed_on) = passed_on else {
        let from = availability.and_then(|a| a.from)?;
        return (from > on).then_some(DateFault::NotYetAvailable { from });
    };
    if let Some(availability) = availability.filter(|a| !a.allows(passed_on)) {
        return Some(DateFault::Unavailable {
            passed_on,
            availability,
        });
    }
    (passed_on > on).then_some(DateFault::After { passed_on })
}

/// A pass of `code` dated on a day the exam could not be taken, whatever
/// the edition: its date and the exam's availability.
pub(super) fn misdated_on_calendar(
    code: &'static str,
    passed_on: Option<Date>,
) -> Option<(Date, &'static catalog::Availability)> {
    // `date_fault`'s first rule, on the pass's own day (never after it).
    let passed_on = passed_on?;
    match date_fault(catalog::availability(code), Some(passed_on), passed_on)? {
        DateFault::Unavailable {
            passed_on,
            availability,
        } => Some((passed_on, availability)),
        DateFault::After { .. } | DateFault::NotYetAvailable { .. } => None,
    }
}

/// `why` with `NotAccepted::NotInEdition::first_day` set for a pass of
/// `code`: its date, or with no date the exam's first day, when that comes
/// after the edition that has the exam comes into force.
pub(super) fn first_counting_day(
    code: &str,
    why: NotAccepted,
    passed_on: Option<Date>,
) -> NotAccepted {
    match why {
        NotAccepted::NotInEdition { other, .. } => NotAccepted::NotInEdition {
            other,
            // A dated pass counts from its date, an undated one from its
            // exam's first day: named where that is after `other` comes
            // into force (review 40 M2 for a dated one).
            first_day: passed_on
                .or_else(|| catalog::availability(code).and_then(|a| a.from))
                .filter(|day| other.in_force_from.is_some_and(|o| o < *day)),
        },
        why => why,
    }
}
