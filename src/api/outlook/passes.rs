//! The outlook sentence's list of passes moving on one day, grouped by
//! person, and the joining of a list from its end that it shares with the
//! keep plan's steps.

use std::borrow::Cow;

use crate::l10n::{Locale, Localizer, Message};
use crate::rules::outlook::Direction;
use crate::rules::Submission;

use super::super::render::person;
use super::messages::{
    ListJoin, MorePassesOfPeopleMessage, PassesMessage, PassesPeopleMessage, PersonPassesMessage,
};
use super::NAMED;

/// How an answer names individual `index` of the submission.
pub(super) fn name<'a>(
    l10n: &Localizer,
    locale: Locale,
    submission: &'a Submission,
    index: usize,
) -> Cow<'a, str> {
    submission
        .individuals
        .get(index)
        .map(|i| person(l10n, locale, i, Cow::Borrowed))
        .unwrap_or_default()
}

/// Several passes moving one way on one day: counted, and named by person
/// (the first `NAMED` people; the rest counted).
pub(super) fn grouped_passes(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    direction: Direction,
    moving: &[&(usize, &str, Direction)],
) -> String {
    // The first `NAMED` people in order, with their codes; the passes of
    // everyone else are only counted (so this is linear in the passes).
    let mut people: Vec<(usize, Vec<&str>)> = Vec::with_capacity(NAMED);
    let mut more = 0;
    for (individual, code, _) in moving {
        if let Some((_, codes)) = people.iter_mut().find(|(i, _)| i == individual) {
            codes.push(code);
        } else if people.len() < NAMED {
            people.push((*individual, vec![code]));
        } else {
            more += 1;
        }
    }
    let mut entries: Vec<String> = Vec::with_capacity(NAMED + 1);
    for (individual, codes) in &people {
        let who = name(l10n, locale, submission, *individual);
        let list = l10n.and_list(locale, codes.iter().map(|c| Cow::Borrowed(*c)));
        entries.push(
            PersonPassesMessage {
                person: &who,
                codes: &list,
                count: u32::try_from(codes.len()).unwrap_or(u32::MAX),
            }
            .text(l10n, locale),
        );
    }
    if more > 0 {
        entries.push(
            MorePassesOfPeopleMessage {
                count: u32::try_from(more).unwrap_or(u32::MAX),
            }
            .text(l10n, locale),
        );
    }
    // Each item may carry an "and" of its own (two codes of one person):
    // the people are joined by `outlook-passes-people`, not by the list
    // pattern, so that a language can set them apart.
    let several = people.iter().any(|(_, codes)| codes.len() > 1);
    let list = join_from_end(entries, |join, first, rest| {
        PassesPeopleMessage {
            join,
            several,
            first,
            rest,
        }
        .text(l10n, locale)
    });
    PassesMessage {
        direction,
        count: u32::try_from(moving.len()).unwrap_or(u32::MAX),
        list: &list,
    }
    .text(l10n, locale)
}

/// `items` as one list, joined two at a time from the end by `join` (which
/// renders a message taking the two and a `ListJoin`), as a CLDR list
/// pattern joins its items.
pub(super) fn join_from_end(
    items: Vec<String>,
    mut join: impl FnMut(ListJoin, &str, &str) -> String,
) -> String {
    let count = items.len();
    let mut items = items.into_iter().rev();
    let Some(mut list) = items.next() else {
        return String::new();
    };
    for (joined, item) in items.enumerate() {
        let at = match (count, joined) {
            (2, _) => ListJoin::Pair,
            (_, 0) => ListJoin::End,
            _ => ListJoin::Middle,
        };
        list = join(at, &item, &list);
    }
    list
}
