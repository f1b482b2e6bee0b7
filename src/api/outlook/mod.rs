//! The outlook (§2.7) as a proto message with its sentence; the sentence's
//! Fluent messages are typed in `messages`.

mod keep;
mod messages;
mod passes;
mod proto;

use std::borrow::Cow;
use std::sync::{LazyLock, RwLock};

use rustc_hash::FxHashMap as HashMap;

use crate::l10n::{Locale, Localizer, MoneyCase};
use crate::pb::competency as pb;
use crate::rules::outlook::{Cause, Change, Direction, Requirement};
use crate::rules::{Date, Level, LevelOutlook, Money, Submission};

use super::convert::pb_date;
use super::render::Renderer;

use crate::l10n::Message;
use messages::{
    EditionMessage, ExamsResultMessage, Keep, Kind, MorePassesMessage, MoreRecordsMessage,
    OutlookMessage, PassMessage, Period, RevenueMessage, RevenueResultMessage,
};
use passes::{grouped_passes, join_from_end, name};
use proto::pb_change;

/// Revenue groups (records of one day moving one way), and people whose
/// passes, each sentence names; the rest are counted (`MoreRecordsMessage`,
/// `MorePassesOfPeopleMessage`).
const NAMED: usize = 3;

/// The `outlook` of one level in a `LevelResult`, with its keep plan.
pub(super) fn level(
    r: &Renderer,
    locale: Locale,
    submission: &Submission,
    as_of: Date,
    outlook: &LevelOutlook,
) -> pb::Outlook {
    let l10n = &r.l10n;
    let level = outlook.level;
    let Some(change) = &outlook.change else {
        let kind = if outlook.attained {
            Kind::Holds
        } else {
            Kind::NotWon
        };
        return pb::Outlook {
            horizon_end: Some(pb_date(outlook.horizon_end)),
            explanation: unchanged(l10n, locale, level, kind, outlook.horizon_end),
            ..Default::default()
        };
    };
    // Why the level cannot be kept, if it cannot: an input of the
    // outlook's own sentence.
    let why = match &outlook.keep {
        Some(Err(cannot)) => Some(keep::cannot(r, locale, cannot)),
        _ => None,
    };
    let keep_input = match &why {
        Some(why) => Keep::Cannot { why },
        None => Keep::Possible,
    };
    let first = pb_change(submission, change);
    let mut text = explanation(
        l10n,
        locale,
        submission,
        outlook,
        change,
        if outlook.attained {
            Kind::Lapses
        } else {
            Kind::Won
        },
        keep_input,
        as_of,
    );
    // A level won and lost again: a second sentence, of the second change;
    // a level lost and won again: a sentence of that, and one of its loss
    // after it, if any.
    let again = [
        (&outlook.won_again, Kind::WonAgain),
        (&outlook.lost_again, Kind::LostAgain),
    ];
    for (change, kind) in again {
        let Some(change) = change else { continue };
        text.push(' ');
        text.push_str(&explanation(
            l10n,
            locale,
            submission,
            outlook,
            change,
            kind,
            Keep::Possible,
            as_of,
        ));
    }
    pb::Outlook {
        changes_on: first.changes_on,
        horizon_end: Some(pb_date(outlook.horizon_end)),
        causes: first.causes,
        requirements_changing: first.requirements_changing,
        explanation: text,
        qualifying_before: first.qualifying_before,
        qualifying_on_change: first.qualifying_on_change,
        threshold_on_change: first.threshold_on_change,
        edition_on_change: first.edition_on_change,
        causes_not_listed: first.causes_not_listed,
        keep: match &outlook.keep {
            Some(Ok(plan)) => Some(keep::plan(r, locale, submission, plan)),
            _ => None,
        },
        lost_again: outlook
            .lost_again
            .as_ref()
            .map(|lost| pb_change(submission, lost)),
        won_again: outlook
            .won_again
            .as_ref()
            .map(|won| pb_change(submission, won)),
    }
}

/// Sentences of outlooks in which nothing changes, by locale, level, kind
/// and horizon: they depend on nothing else, and nearly every call looks
/// ahead from today, so they are kept (up to `MAX_KEPT`), as
/// `Localizer::date` keeps dates.
type Unchanged = HashMap<(Locale, Level, bool, Date), String>;
static UNCHANGED: LazyLock<RwLock<Unchanged>> = LazyLock::new(Default::default);
const MAX_KEPT: usize = 4096;

fn unchanged(l10n: &Localizer, locale: Locale, level: Level, kind: Kind, horizon: Date) -> String {
    let key = (locale, level, matches!(kind, Kind::Holds), horizon);
    if let Some(text) = UNCHANGED.read().ok().and_then(|m| m.get(&key).cloned()) {
        return text;
    }
    let text = OutlookMessage {
        change: kind,
        level,
        last: "",
        day: "",
        horizon: &l10n.date(locale, horizon),
        causes: "",
        results: "",
        keep: Keep::Possible,
        today: false,
    }
    .text(l10n, locale);
    if let Ok(mut kept) = UNCHANGED.write() {
        if kept.len() < MAX_KEPT {
            kept.insert(key, text.clone());
        }
    }
    text
}

/// The ways the causes beyond the rules' listing limit move: `starting` of
/// `count` start, the rest stop.
fn not_listed(count: usize, starting: usize) -> Vec<Direction> {
    let mut directions = Vec::with_capacity(2);
    if starting > 0 {
        directions.push(Direction::Starts);
    }
    if count > starting {
        directions.push(Direction::Stops);
    }
    directions
}

/// The sentence of a change of `kind` (`Lapses`, `Won`, `WonAgain` or
/// `LostAgain`):
/// what enters or leaves, then what follows.
#[allow(clippy::too_many_arguments)]
fn explanation(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    outlook: &LevelOutlook,
    change: &Change,
    kind: Kind,
    keep: Keep,
    as_of: Date,
) -> String {
    let causes = causes(l10n, locale, submission, change);

    // What follows: every flipped requirement is met from that day when the
    // level is won, and no longer met when it lapses (at least one does:
    // the level is attained when every requirement is met).
    let won = matches!(kind, Kind::Won | Kind::WonAgain);
    let mut results = Vec::with_capacity(change.requirements.len());
    for requirement in &change.requirements {
        results.push(match requirement {
            Requirement::Revenue => RevenueResultMessage {
                met: won,
                negative: change.qualifying.is_negative(),
                qualifying: l10n.money_in(locale, change.qualifying.abs(), MoneyCase::Genitive),
                threshold: l10n.money(locale, change.threshold),
            }
            .text(l10n, locale),
            Requirement::Exams => ExamsResultMessage {
                met: won,
                again: matches!(kind, Kind::WonAgain),
            }
            .text(l10n, locale),
        });
    }

    let results = l10n.and_list(locale, results.into_iter().map(Cow::Owned));
    OutlookMessage {
        change: kind,
        level: outlook.level,
        last: &l10n.date(locale, change.on.previous_day()),
        day: &l10n.date(locale, change.on),
        horizon: &l10n.date(locale, outlook.horizon_end),
        causes: &causes,
        results: &results,
        keep,
        // The level holds only on the day the answer has just named: the
        // evaluation date (a lapse), or the day it is won (lost again).
        today: match kind {
            Kind::Lapses => change.on.previous_day() == as_of,
            Kind::LostAgain => if outlook.attained {
                &outlook.won_again
            } else {
                &outlook.change
            }
            .as_ref()
            .is_some_and(|won| won.on == change.on.previous_day()),
            _ => false,
        },
    }
    .text(l10n, locale)
}

/// What enters or leaves on the day of `change`, as one list: the edition
/// coming into force, revenue per booking day and direction, passes per
/// direction ("the causes" of `outlook`, and of `outlook-keep-exams-later`).
pub(super) fn causes(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    change: &Change,
) -> String {
    let mut items: Vec<String> = Vec::new();

    for cause in &change.causes {
        if let Cause::Edition { edition } = cause {
            items.push(
                EditionMessage {
                    edition: edition.id,
                }
                .text(l10n, locale),
            );
        }
    }

    // Revenue: one item per booking day and direction (all records leaving
    // on one day were booked on one day), leaving first.
    let mut groups: Vec<(Direction, Date, Money, u32)> = Vec::new();
    for cause in &change.causes {
        if let Cause::Revenue {
            amount,
            booked_on,
            direction,
            ..
        } = *cause
        {
            match groups
                .iter_mut()
                .find(|(d, b, _, _)| *d == direction && *b == booked_on)
            {
                Some(group) => {
                    group.2 = group.2 + amount;
                    group.3 += 1;
                }
                None => groups.push((direction, booked_on, amount, 1)),
            }
        }
    }
    groups.sort_by_key(|(d, b, _, _)| (*d == Direction::Starts, *b));
    // The first revenue item names the TTM period; the items after it,
    // listed together, refer back to it.
    let period_named = !groups.is_empty();
    // Records not named: those of the groups beyond `NAMED`, and those not listed.
    let mut unnamed: Vec<Direction> = Vec::new();
    let mut unnamed_records = change.records_not_listed;
    for (n, (direction, booked_on, amount, records)) in groups.into_iter().enumerate() {
        if n >= NAMED {
            unnamed.push(direction);
            unnamed_records += records as usize;
            continue;
        }
        items.push(
            RevenueMessage {
                direction,
                negative: amount.is_negative(),
                amount: l10n.money(locale, amount.abs()),
                booked: l10n.date(locale, booked_on),
                records,
                period: if n == 0 { Period::Named } else { Period::Again },
            }
            .text(l10n, locale),
        );
    }

    let passes = change.causes.iter().filter_map(|cause| match *cause {
        Cause::Pass {
            individual,
            code,
            direction,
            ..
        } => Some((individual, code, direction)),
        _ => None,
    });
    if unnamed_records > 0 {
        unnamed.extend(not_listed(
            change.records_not_listed,
            change.records_not_listed_starting,
        ));
        items.push(
            MoreRecordsMessage {
                directions: &unnamed,
                count: u32::try_from(unnamed_records).unwrap_or(u32::MAX),
                period: if period_named {
                    Period::Again
                } else {
                    Period::Named
                },
            }
            .text(l10n, locale),
        );
    }

    // Passes: one item per direction; several passes are counted and
    // grouped by person ("6 exam passes start to count (A’s X and Y, B’s Z,
    // and 3 more)") rather than named one sentence part each.
    let passes: Vec<_> = passes.collect();
    for direction in [Direction::Stops, Direction::Starts] {
        let moving: Vec<_> = passes.iter().filter(|p| p.2 == direction).collect();
        if let [(individual, code, _)] = moving[..] {
            let who = name(l10n, locale, submission, *individual);
            items.push(
                PassMessage {
                    direction,
                    person: &who,
                    code,
                }
                .text(l10n, locale),
            );
        } else if !moving.is_empty() {
            items.push(grouped_passes(l10n, locale, submission, direction, &moving));
        }
    }
    if change.passes_not_listed > 0 {
        // Beyond the rules' listing limit: counted, with the ways they move.
        items.push(
            MorePassesMessage {
                directions: &not_listed(
                    change.passes_not_listed,
                    change.passes_not_listed_starting,
                ),
                count: u32::try_from(change.passes_not_listed).unwrap_or(u32::MAX),
            }
            .text(l10n, locale),
        );
    }

    l10n.and_list(locale, items.into_iter().map(Cow::Owned))
        .into_owned()
}
