//! The outlook (§2.7) as a proto message with its sentence; the sentence's
//! Fluent messages are typed in `messages`.

mod keep;
mod messages;

use std::borrow::Cow;
use std::sync::{LazyLock, RwLock};

use rustc_hash::FxHashMap as HashMap;

use crate::l10n::{Locale, Localizer};
use crate::pb::competency as pb;
use crate::rules::outlook::{Cause, Change, Direction, Requirement};
use crate::rules::{Date, Evaluation, Level, LevelOutlook, Money, Submission};

use super::convert::{pb_date, pb_money};
use super::render::{person, Renderer};

use messages::{
    EditionMessage, ExamsResultMessage, Kind, Message, MorePassesMessage, MoreRecordsMessage,
    OutlookMessage, PassMessage, RevenueMessage, RevenueResultMessage,
};

/// Revenue groups (records of one day moving one way) and passes each
/// sentence names; the rest are counted (`MoreRecordsMessage`,
/// `MorePassesMessage`).
const NAMED: usize = 3;

/// The `outlook` of `level` in a `LevelResult`; `None` when the evaluation
/// has none.
pub(super) fn level(
    r: &Renderer,
    locale: Locale,
    submission: &Submission,
    ev: &Evaluation,
    level: Level,
) -> Option<pb::Outlook> {
    let outlook = ev.outlook.iter().find(|o| o.level == level)?;
    let l10n = &r.l10n;
    let Some(change) = &outlook.change else {
        let kind = if outlook.attained {
            Kind::Holds
        } else {
            Kind::NotWon
        };
        return Some(pb::Outlook {
            horizon_end: Some(pb_date(outlook.horizon_end)),
            explanation: unchanged(l10n, locale, level, kind, outlook.horizon_end),
            ..Default::default()
        });
    };
    let mut text = explanation(l10n, locale, submission, outlook, change);
    if let Some(Err(cannot)) = &outlook.keep {
        text.push(' ');
        text.push_str(&keep::cannot(r, locale, cannot));
    }
    Some(pb::Outlook {
        changes_on: Some(pb_date(change.on)),
        horizon_end: Some(pb_date(outlook.horizon_end)),
        causes: change
            .causes
            .iter()
            .map(|cause| pb_cause(submission, cause))
            .collect(),
        requirements_changing: change
            .requirements
            .iter()
            .map(|r| requirement_id(*r).to_string())
            .collect(),
        explanation: text,
        qualifying_before: Some(pb_money(change.qualifying_before)),
        qualifying_on_change: Some(pb_money(change.qualifying)),
        threshold_on_change: Some(pb_money(change.threshold)),
        edition_on_change: change.edition.id.to_string(),
        causes_not_listed: u32::try_from(change.records_not_listed + change.passes_not_listed)
            .unwrap_or(u32::MAX),
        keep: match &outlook.keep {
            Some(Ok(plan)) => Some(keep::plan(r, locale, submission, plan)),
            _ => None,
        },
    })
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
        items: "",
    }
    .render(l10n, locale);
    if let Ok(mut kept) = UNCHANGED.write() {
        if kept.len() < MAX_KEPT {
            kept.insert(key, text.clone());
        }
    }
    text
}

fn requirement_id(r: Requirement) -> &'static str {
    match r {
        Requirement::Revenue => "revenue",
        Requirement::Exams => "exams",
    }
}

fn pb_direction(direction: Direction) -> pb::OutlookDirection {
    match direction {
        Direction::Starts => pb::OutlookDirection::Starts,
        Direction::Stops => pb::OutlookDirection::Stops,
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn pb_cause(submission: &Submission, cause: &Cause) -> pb::OutlookCause {
    use pb::outlook_cause::Cause as C;
    let cause = match *cause {
        Cause::Revenue {
            record,
            amount,
            booked_on,
            direction,
        } => C::Revenue(pb::OutlookRevenue {
            record_index: index(record),
            amount: Some(pb_money(amount)),
            booked_on: Some(pb_date(booked_on)),
            direction: pb_direction(direction).into(),
        }),
        Cause::Pass {
            individual,
            pass,
            code,
            direction,
        } => C::Pass(pb::OutlookPass {
            individual_index: index(individual),
            individual_id: submission
                .individuals
                .get(individual)
                .map(|i| i.id.clone())
                .unwrap_or_default(),
            exam_index: index(pass),
            code: code.to_string(),
            direction: pb_direction(direction).into(),
        }),
        Cause::Edition { edition } => C::Edition(pb::OutlookEdition {
            edition: edition.id.to_string(),
            in_force_from: edition.in_force_from.map(pb_date),
        }),
    };
    pb::OutlookCause { cause: Some(cause) }
}

/// The sentence of a change: what enters or leaves, then what follows.
fn explanation(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    outlook: &LevelOutlook,
    change: &Change,
) -> String {
    let mut items: Vec<String> = Vec::new();

    for cause in &change.causes {
        if let Cause::Edition { edition } = cause {
            items.push(
                EditionMessage {
                    edition: edition.id,
                }
                .render(l10n, locale),
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
            }
            .render(l10n, locale),
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
        if change.records_not_listed > 0 {
            unnamed.extend([Direction::Starts, Direction::Stops]); // not known
        }
        items.push(
            MoreRecordsMessage {
                directions: &unnamed,
                count: u32::try_from(unnamed_records).unwrap_or(u32::MAX),
            }
            .render(l10n, locale),
        );
    }

    unnamed.clear();
    let mut unnamed_passes = change.passes_not_listed;
    for (n, (individual, code, direction)) in passes.enumerate() {
        if n >= NAMED {
            unnamed.push(direction);
            unnamed_passes += 1;
            continue;
        }
        let who = submission
            .individuals
            .get(individual)
            .map(|i| person(l10n, locale, i, Cow::Borrowed))
            .unwrap_or_default();
        items.push(
            PassMessage {
                direction,
                person: &who,
                code,
            }
            .render(l10n, locale),
        );
    }
    if unnamed_passes > 0 {
        if change.passes_not_listed > 0 {
            unnamed.extend([Direction::Starts, Direction::Stops]); // not known
        }
        items.push(
            MorePassesMessage {
                directions: &unnamed,
                count: u32::try_from(unnamed_passes).unwrap_or(u32::MAX),
            }
            .render(l10n, locale),
        );
    }

    // What follows: every flipped requirement is met from that day when the
    // level is won, and no longer met when it lapses.
    let won = !outlook.attained;
    for requirement in &change.requirements {
        items.push(match requirement {
            Requirement::Revenue => RevenueResultMessage {
                met: won,
                negative: change.qualifying.is_negative(),
                qualifying: l10n.money(locale, change.qualifying.abs()),
                threshold: l10n.money(locale, change.threshold),
            }
            .render(l10n, locale),
            Requirement::Exams => ExamsResultMessage { met: won }.render(l10n, locale),
        });
    }

    let items = l10n.and_list(locale, items.into_iter().map(Cow::Owned));
    OutlookMessage {
        change: if won { Kind::Won } else { Kind::Lapses },
        level: outlook.level,
        last: &l10n.date(locale, change.on.previous_day()),
        day: &l10n.date(locale, change.on),
        horizon: "",
        items: &items,
    }
    .render(l10n, locale)
}
