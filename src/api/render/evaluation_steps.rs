//! A gap step's sentence and proto message: the step (`gap-step`), then
//! what it adds about the exams it offers and the person's own passes.

use std::borrow::Cow;

use crate::l10n::Message;
use crate::pb::competency as pb;
use crate::rules::{self, Date, Submission};

use super::super::exams::exam_mask;
use super::super::messages::{
    GapStep, GapStepHeldUntil, GapStepHolderMoves, GapStepMisdated, GapStepNotAccepted,
    GapStepPending, GapStepUntil,
};
use super::super::{person, Ctx};
use super::join_sentences;

/// The exams of a plan whose titles its steps have given so far: per
/// group, a bit mask over the group's exams (`exams::exam_mask`). A step
/// names an exam by its title, and says when it retires or stops counting,
/// only the first time the plan offers it (review 40, L5: the same lists
/// of titles four times in one level).
#[derive(Default)]
pub(super) struct Shown(Vec<u32>);

impl Shown {
    /// For each of `step`'s choices, the exams it offers that no earlier
    /// step of the plan has (bits as in `exam_mask`; all of them where the
    /// codes are not the group's), now marked as shown.
    pub(super) fn fresh(&mut self, c: &Ctx, step: &rules::GapStep) -> Fresh {
        let mut fresh = Fresh::default();
        for (k, choice) in step.exams.iter().enumerate().take(FRESH_CHOICES) {
            let mask = exam_mask(c.edition, choice.group, &choice.one_of);
            let bits = mask.unwrap_or(u32::MAX);
            if self.0.len() <= choice.group {
                self.0.resize(choice.group + 1, 0);
            }
            fresh.new[k] = bits & !self.0[choice.group];
            self.0[choice.group] |= bits;
            fresh.masks[k] = mask;
        }
        fresh
    }
}

/// How many of a step's choices `Fresh` tells apart (a role has two
/// groups); any after them count as new.
const FRESH_CHOICES: usize = 4;

/// What `Shown::fresh` gives a step: for each of its choices, the exams
/// first offered there, and the bit mask of all it offers (`exam_mask`,
/// which `Ctx::choice_masked` looks the choice's words up by).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Fresh {
    new: [u32; FRESH_CHOICES],
    masks: [Option<u32>; FRESH_CHOICES],
}

impl Fresh {
    fn of(&self, k: usize) -> u32 {
        self.new.get(k).copied().unwrap_or(u32::MAX)
    }

    /// Choice `k`'s mask, worked out here past the choices `Fresh` keeps.
    fn mask(&self, c: &Ctx, k: usize, choice: &rules::ExamChoice) -> Option<u32> {
        match self.masks.get(k) {
            Some(mask) => *mask,
            None => exam_mask(c.edition, choice.group, &choice.one_of),
        }
    }
}

/// A step's sentence (`gap-step`); `number` counts new individuals when the
/// plan needs several, else 0; `fresh`: the exams the plan offers here
/// first (`Shown::fresh`).
pub(super) fn step_text(
    c: &Ctx,
    submission: &Submission,
    step: &rules::GapStep,
    number: u32,
    fresh: Fresh,
) -> String {
    let role = c.edition.roles[step.role].id;
    let listed = step.individual.map(|i| &submission.individuals[i]);
    let exams = c.l10n().and_list(
        c.locale,
        step.exams.iter().enumerate().map(|(k, choice)| {
            let mask = fresh.mask(c, k, choice);
            c.choice_masked(choice.group, mask, &choice.one_of, fresh.of(k) != 0)
        }),
    );
    let held_exams = c
        .l10n()
        .and_list(c.locale, step.held.iter().map(|code| Cow::Borrowed(*code)));
    // Who holds the step's seat today and moves to another one.
    let holder_moves = step.holder_moves.and_then(|m| {
        let holder = submission.individuals.get(m.individual)?;
        let name = person(c.l10n(), c.locale, holder, Cow::Borrowed);
        Some((m, name, c.edition.roles.get(m.to)?))
    });
    let text = GapStep {
        person: listed
            .map(|i| person(c.l10n(), c.locale, i, Cow::Borrowed))
            .as_deref(),
        number,
        held: step.held.len() as u32,
        held_exams: &held_exams,
        role,
        seats: step.seats,
        exams: &exams,
        leaves: step
            .moves_from
            .and_then(|r| c.edition.roles.get(r))
            .map(|r| r.id),
        taker: step
            .freed_for
            .and_then(|i| submission.individuals.get(i))
            .map(|i| person(c.l10n(), c.locale, i, Cow::Borrowed))
            .as_deref(),
        stays: step.keeps_seat,
        holder: holder_moves.as_ref().map(|(_, name, _)| name.as_ref()),
    }
    .render(c);
    // A listed individual's own passes that count later, by day (and why).
    let mut days: Vec<(Date, rules::Pending, Vec<&str>)> = Vec::new();
    for p in &step.pending {
        match days
            .iter_mut()
            .find(|(day, why, _)| *day == p.counts_from && *why == p.why)
        {
            Some((_, _, codes)) => codes.push(p.code),
            None => days.push((p.counts_from, p.why, vec![p.code])),
        }
    }
    // After the step's sentence: the person's own passes the step counts
    // on that stop counting; then their passes that count later, a
    // sentence per day on which some start; their misdated passes and those
    // the edition doesn't accept; then who leaves the step's seat for
    // another one, if somebody does; last, the offered exams that retire or
    // whose passes count only through a later day.
    let mut after: Vec<String> = Vec::new();
    // The person's own passes the step counts on that stop counting on a
    // later day with nothing else of theirs keeping the group then.
    for ends in &step.held_until {
        let then_from = ends.then.map(|p| c.date(p.counts_from));
        after.push(
            GapStepHeldUntil {
                code: ends.code,
                until: &c.date(ends.until),
                group: c.group_label(ends.group),
                then: ends
                    .then
                    .zip(then_from.as_deref())
                    .map(|(p, from)| (p.code, from)),
                kept: step.keeps_seat && ends.then.is_none(),
            }
            .text(c.l10n(), c.locale),
        );
    }
    for (day, why, codes) in &days {
        let list = c
            .l10n()
            .and_list(c.locale, codes.iter().map(|code| Cow::Borrowed(*code)));
        after.push(
            GapStepPending {
                codes: &list,
                count: u32::try_from(codes.len()).unwrap_or(u32::MAX),
                counts_from: &c.date(*day),
                why: *why,
            }
            .text(c.l10n(), c.locale),
        );
    }
    // Then the person's own passes of those groups whose dates are wrong:
    // the step asks for an exam they list, and the warnings say why not.
    if !step.misdated.is_empty() {
        let list = c.l10n().and_list(
            c.locale,
            step.misdated.iter().map(|code| Cow::Borrowed(*code)),
        );
        after.push(
            GapStepMisdated {
                codes: &list,
                count: u32::try_from(step.misdated.len()).unwrap_or(u32::MAX),
            }
            .text(c.l10n(), c.locale),
        );
    }
    // And those the edition applied doesn't accept: of an exam it lacks,
    // then of one it no longer accepts.
    for expired in [false, true] {
        let codes: Vec<&str> = step
            .not_accepted
            .iter()
            .filter(|p| p.expired == expired)
            .map(|p| p.code)
            .collect();
        if codes.is_empty() {
            continue;
        }
        let list = c
            .l10n()
            .and_list(c.locale, codes.iter().map(|code| Cow::Borrowed(*code)));
        after.push(
            GapStepNotAccepted {
                codes: &list,
                count: u32::try_from(codes.len()).unwrap_or(u32::MAX),
                expired,
                edition: c.edition.id,
            }
            .text(c.l10n(), c.locale),
        );
    }
    // Then who leaves the step's seat for another one: after the person's
    // own sentences, whose "their" would otherwise read as the holder's
    // (review 40, H2).
    if let Some((moves, holder, to)) = &holder_moves {
        after.push(
            GapStepHolderMoves {
                person: holder,
                to: to.id,
                to_seats: moves.seats,
            }
            .text(c.l10n(), c.locale),
        );
    }
    // Last, for each offered exam that retires or whose passes count only
    // through a later day, a sentence saying so, the first time the plan
    // offers it: the person's own sentences before it refer back to the
    // step.
    for (k, choice) in step.exams.iter().enumerate() {
        let Some(group) = c.edition.groups.get(choice.group) else {
            continue;
        };
        let fresh = fresh.of(k);
        for (_, exam) in
            group.exams.iter().enumerate().filter(|(i, e)| {
                choice.one_of.contains(&e.code) && (*i >= 32 || fresh & 1 << i != 0)
            })
        {
            let until = rules::counts_until(exam, c.day).map(|day| c.date(day));
            let retiring = rules::retires_on(exam.code, c.day).map(|day| c.date(day));
            let sentence = match (until.as_deref(), retiring.as_deref()) {
                (Some(until), retiring) => GapStepUntil::Counts {
                    code: exam.code,
                    until,
                    retiring,
                },
                (None, Some(retiring)) => GapStepUntil::Retires {
                    code: exam.code,
                    retiring,
                },
                (None, None) => continue,
            };
            after.push(sentence.render(c));
        }
    }
    if after.is_empty() {
        text
    } else {
        let mut parts: Vec<&str> = vec![&text];
        parts.extend(after.iter().map(String::as_str));
        join_sentences(&parts)
    }
}

pub(super) fn pb_step(
    c: &Ctx,
    submission: &Submission,
    step: &rules::GapStep,
    explanation: String,
) -> pb::GapStep {
    let edition = c.edition;
    pb::GapStep {
        individual_id: step
            .individual
            .map(|i| submission.individuals[i].id.clone())
            .unwrap_or_default(),
        role: edition.roles[step.role].id.to_string(),
        exams: step
            .exams
            .iter()
            .map(|choice| pb::ExamChoice {
                group: edition.groups[choice.group].id.to_string(),
                one_of: choice.one_of.iter().map(|c| c.to_string()).collect(),
                group_label: c.group_label(choice.group).to_string(),
            })
            .collect(),
        explanation,
    }
}

/// Steps worded as the gap's, for a plan whose roles and groups index into
/// `c.edition` (the keep plan's); new individuals are numbered when the
/// plan needs more than one.
pub(in crate::api) fn steps(
    c: &Ctx,
    submission: &Submission,
    steps: &[rules::GapStep],
) -> Vec<pb::GapStep> {
    let mut shown = Shown::default();
    steps
        .iter()
        .zip(new_numbers(steps))
        .map(|(step, number)| {
            let text = step_text(c, submission, step, number, shown.fresh(c, step));
            pb_step(c, submission, step, text)
        })
        .collect()
}

/// Each step's new-individual number: 1, 2, … for the new individuals when
/// the plan needs more than one, else 0 (a listed person, or the only new
/// one).
pub(super) fn new_numbers(steps: &[rules::GapStep]) -> impl Iterator<Item = u32> + '_ {
    let numbered = steps.iter().filter(|s| s.individual.is_none()).count() > 1;
    steps.iter().scan(0, move |new, step| {
        if step.individual.is_none() && numbered {
            *new += 1;
            Some(*new)
        } else {
            Some(0)
        }
    })
}
