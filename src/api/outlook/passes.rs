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
/// (the first `NAMED` people; the rest counted, unless the rest is one
/// person: "and one more" would say less in as many words).
pub(super) fn grouped_passes(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    direction: Direction,
    moving: &[&(usize, &str, Direction)],
) -> String {
    // Everyone is named when they are at most one more than `NAMED`
    // (looking no further than that, so this stays linear in the passes).
    let mut seen: Vec<usize> = Vec::with_capacity(NAMED + 2);
    for (individual, _, _) in moving {
        if !seen.contains(individual) {
            seen.push(*individual);
            if seen.len() > NAMED + 1 {
                break;
            }
        }
    }
    let named = if seen.len() == NAMED + 1 {
        NAMED + 1
    } else {
        NAMED
    };
    // The first `named` people in order, with their codes; the passes of
    // everyone else are only counted.
    let mut people: Vec<(usize, Vec<&str>)> = Vec::with_capacity(named);
    let mut more = 0;
    for (individual, code, _) in moving {
        if let Some((_, codes)) = people.iter_mut().find(|(i, _)| i == individual) {
            codes.push(code);
        } else if people.len() < named {
            people.push((*individual, vec![code]));
        } else {
            more += 1;
        }
    }
    let mut entries: Vec<String> = Vec::with_capacity(named + 1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Individual, Market};

    #[test]
    fn three_people_are_named_and_the_rest_counted_unless_the_rest_is_one() {
        let l10n = Localizer::new().expect("localizer");
        let people = |n: usize| Submission {
            partner_id: "p".into(),
            market: Market::Developed,
            revenue: Vec::new(),
            individuals: (0..n)
                .map(|i| Individual {
                    id: format!("i{i}"),
                    display_name: format!("P{i}"),
                    exams: Vec::new(),
                })
                .collect(),
        };
        // Person 3 has two passes: with four people, they are named; with
        // five, person 3's and person 4's three passes are counted.
        let passes = |n: usize| -> Vec<(usize, &'static str, Direction)> {
            (0..n)
                .flat_map(|i| {
                    let codes: &[&'static str] = if i == 3 {
                        &["MB2-714", "MB2-710"]
                    } else {
                        &["MB2-712"]
                    };
                    codes.iter().map(move |c| (i, *c, Direction::Starts))
                })
                .collect()
        };
        for (n, en, ru) in [
            (
                4,
                "P2’s MB2-712, and P3’s MB2-714 and MB2-710)",
                "P3\u{a0}— MB2-714 и MB2-710)",
            ),
            (
                5,
                "P2’s MB2-712, and three more)",
                "P2\u{a0}— MB2-712; еще три результата)",
            ),
        ] {
            let submission = people(n);
            let moving = passes(n);
            let moving: Vec<_> = moving.iter().collect();
            for (locale, wanted) in [(Locale::EnUs, en), (Locale::RuRu, ru)] {
                let text = grouped_passes(&l10n, locale, &submission, Direction::Starts, &moving);
                assert!(text.ends_with(wanted), "{n}: {text}");
            }
        }
    }
}
