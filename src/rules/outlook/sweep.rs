//! The sweep itself: from today's result, the days on which something can
//! change a level's `attained`, each judged with the evaluation's own
//! functions, and for each level its change, its change back (lost or won
//! again) and its keep plan (see the module above for why only those days).

use super::super::catalog;
use super::super::evaluate::{Evaluation, Submission};
use super::super::model::{Edition, Level, Market, RevenueRule};
use super::super::revenue::{self, RevenueRecord};
use super::super::{Date, Money};
use super::change::{change, Ground};
use super::keep;
use super::state::{events_on, pass_events, Days, RevenueDays, Staff};
use super::{flags, horizon_end, threshold, Editions, Flags, LevelOutlook};

/// The outlook of every level of `today`, the evaluation of `submission` on
/// its `as_of` by the edition `editions` applies that day, in its order. It
/// starts from `today`'s result (requirements met, groups held) and
/// visits only the days on which something can change it.
pub fn outlook(
    editions: Editions,
    today: &Evaluation,
    submission: &Submission,
) -> Vec<LevelOutlook> {
    let as_of = today.as_of;
    let horizon_end = horizon_end(as_of);
    let days = Days::new(as_of, horizon_end);
    let levels: Vec<Level> = today.levels.iter().map(|l| l.level).collect();

    // Every edition the sweep may apply, and the days on which the exams
    // that count change for everyone (an edition, an acceptance ending).
    let mut used: Vec<&'static Edition> = vec![editions.on(as_of)];
    let mut global: Vec<Date> = Vec::new();
    if let Editions::InForce(competency) = editions {
        for e in competency.editions {
            if let Some(from) = e.in_force_from.filter(|d| days.within(*d)) {
                global.push(from);
                used.push(e);
            }
        }
    }
    for e in &used {
        for exam in e.groups.iter().flat_map(|g| g.exams) {
            if let Some(next) = exam.accepted_until.map(Date::next_day) {
                if days.within(next) {
                    global.push(next);
                }
            }
        }
    }
    // An exam's first day (§2.6: MB2-877 on 2018-01-01), when some listed
    // pass has no date: an undated pass of it counts from that day.
    let undated = submission
        .individuals
        .iter()
        .any(|i| i.exams.iter().any(|p| p.passed_on.is_none()));
    if undated {
        let firsts = catalog::AVAILABILITY.iter().filter_map(|a| a.from);
        global.extend(firsts.filter(|d| days.within(*d)));
    }
    global.sort_unstable();
    global.dedup();

    // A level attained today can be lost; one that is not can be won only
    // if its revenue can reach its threshold on some day. When no level
    // can change, no day can change the outlook: none is visited.
    // The most qualifying revenue a day can have under each edition, summed
    // once for all levels (and only when some level is not attained).
    let most: Vec<Money> = if today.levels.iter().all(|l| l.attained) {
        Vec::new()
    } else {
        used.iter()
            .map(|e| most_qualifying(&e.revenue, &submission.revenue))
            .collect()
    };
    let open: Vec<bool> = today
        .levels
        .iter()
        .map(|l| l.attained || within_reach(&used, &most, l.level, submission.market))
        .collect();
    if !open.contains(&true) {
        return today
            .levels
            .iter()
            .map(|l| LevelOutlook {
                level: l.level,
                attained: false,
                horizon_end,
                change: None,
                lost_again: None,
                won_again: None,
                keep: None,
            })
            .collect();
    }

    let revenue = RevenueDays::new(&days, &used, &submission.revenue);
    let mut staff = Staff::from_masks(today.people.masks());

    // Passes dated within the horizon: (day, individual), in day order.
    let events = pass_events(submission, |d| days.within(d));

    let changes = revenue.changes(&days);
    let mut candidates: Vec<Date> = Vec::with_capacity(global.len() + changes.len() + events.len());
    candidates.extend(&global);
    candidates.extend(changes);
    candidates.extend(events.iter().map(|(d, _)| *d));
    candidates.sort_unstable();
    candidates.dedup();

    let state = |edition: &'static Edition, day: Date, staff: &mut Staff, out: &mut Vec<Flags>| {
        let qualifying = revenue.qualifying(&days, edition, day);
        out.clear();
        out.extend(
            levels
                .iter()
                .map(|level| flags(edition, *level, submission.market, qualifying, staff)),
        );
    };
    // Today's requirements, as the evaluation found them.
    let initial: Vec<Flags> = today
        .levels
        .iter()
        .map(|l| Flags {
            revenue: l.revenue.met,
            exams: l.exams.met,
        })
        .collect();
    let mut previous = initial.clone();
    let mut now = Vec::with_capacity(levels.len());
    // Each level's changes, in order: the first, then the change back (a
    // level won is lost again; one lost is won again), then, for a level
    // attained today, its loss after it is won again.
    let mut flips: Vec<Vec<(Date, Flags, Flags)>> = vec![Vec::new(); levels.len()];
    let wanted = |l: usize| if initial[l].attained() { 3 } else { 2 };
    let watched = |l: usize, flips: &[Vec<(Date, Flags, Flags)>]| match flips[l].len() {
        0 => open[l],
        n => n < wanted(l),
    };
    // Each individual's group set on the day a level attained today is
    // lost: where its keep plan starts (`keep::keep_in_sweep`).
    let mut masks_on_change: Vec<Option<Vec<u8>>> = vec![None; levels.len()];
    let mut next_event = 0;
    for day in candidates {
        let edition = editions.on(day);
        let today = events_on(&events, &mut next_event, day);
        let everyone = global.binary_search(&day).is_ok();
        // Only revenue moves today and no level still open has its exams
        // met: no `attained` can change (`change` works out the revenue of
        // the day before a change itself).
        let mut unsettled = (0..levels.len()).filter(|&l| watched(l, &flips) && previous[l].exams);
        if !everyone && today.is_empty() && unsettled.next().is_none() {
            continue;
        }
        staff.advance(submission, edition, day, everyone, today);
        state(edition, day, &mut staff, &mut now);
        for l in 0..levels.len() {
            if !watched(l, &flips) {
                continue;
            }
            // Attained until today, as things stood after the last change.
            let was = initial[l].attained() != (flips[l].len() % 2 == 1);
            if now[l].attained() != was {
                if flips[l].is_empty() && was {
                    masks_on_change[l] = Some(staff.masks().to_vec());
                }
                flips[l].push((day, previous[l], now[l]));
            }
        }
        std::mem::swap(&mut previous, &mut now);
        if (0..levels.len()).all(|l| !watched(l, &flips)) {
            break;
        }
    }

    levels
        .iter()
        .zip(&initial)
        .zip(flips)
        .zip(masks_on_change)
        .map(|(((level, now), flips), masks)| {
            let ground = Ground {
                editions,
                revenue: &revenue,
                days: &days,
                submission,
                level: *level,
            };
            let change_on =
                |(day, before, after): (Date, Flags, Flags)| change(ground, day, before, after);
            let mut outlook = LevelOutlook {
                level: *level,
                attained: now.attained(),
                horizon_end,
                change: flips.first().copied().map(change_on),
                // Not attained today: won, then lost again. Attained: lost,
                // won again, then lost again.
                lost_again: flips
                    .get(if now.attained() { 2 } else { 1 })
                    .copied()
                    .map(change_on),
                won_again: flips
                    .get(1)
                    .filter(|_| now.attained())
                    .copied()
                    .map(change_on),
                keep: None,
            };
            let sweep = keep::Sweep {
                days: &days,
                revenue: &revenue,
                masks: masks.as_deref(),
            };
            outlook.keep = keep::keep_in_sweep(editions, today, submission, &outlook, sweep);
            outlook
        })
        .collect()
}

/// The most qualifying revenue any day can have under `rule`: every record
/// the rule counts (product, DPOR) with a positive amount, whenever it was
/// booked.
fn most_qualifying(rule: &RevenueRule, records: &[RevenueRecord]) -> Money {
    records
        .iter()
        .filter(|r| revenue::counts_apart_from_period(rule, r))
        .map(|r| r.amount.max(Money::ZERO))
        .sum()
}

/// Whether `level`'s revenue can reach its threshold on some day under one
/// of `editions`, given `most`, each edition's `most_qualifying`.
fn within_reach(
    editions: &[&'static Edition],
    most: &[Money],
    level: Level,
    market: Market,
) -> bool {
    editions.iter().zip(most).any(|(edition, most)| {
        edition
            .level(level)
            .is_some_and(|rule| threshold(rule, market).shortfall_from(*most).is_zero())
    })
}
