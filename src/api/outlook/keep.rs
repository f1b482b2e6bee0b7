//! The keep plan (issue 25) as a proto message with its sentence, and the
//! reason a level cannot be kept (an input of the outlook's own sentence,
//! `outlook`'s `$keep` and `$why`).

use std::borrow::Cow;

use crate::l10n::{Locale, Localizer, Message, MoneyCase};
use crate::pb::competency as pb;
use crate::rules::outlook::keep::{CannotKeep, KeepPlan, Why};
use crate::rules::{GapStep, Submission};

use super::super::convert::{pb_date, pb_money};
use super::super::render::{gap_steps, person, Ctx, Renderer};
use super::messages::{
    CannotKeepMessage, Due, KeepChoiceMessage, KeepExamsLaterMessage, KeepLowestMessage,
    KeepMessage, KeepMoveMessage, KeepNewGroupMessage, KeepNewMessage, KeepRevenueAfterMessage,
    KeepStepMessage, KeepStepsMessage, KeepSwapMessage, KeepTakeMessage, Parts, Reason,
};
use super::proto::pb_change;
use super::{causes, join_from_end};

/// `Outlook.keep`.
pub(super) fn plan(
    r: &Renderer,
    locale: Locale,
    submission: &Submission,
    plan: &KeepPlan,
) -> pb::KeepPlan {
    // The steps are worded as on the deadline: exam labels carry an
    // availability note only before the exam can be taken.
    let c = Ctx {
        r,
        locale,
        edition: plan.edition,
        day: plan.deadline,
    };
    pb::KeepPlan {
        deadline: Some(pb_date(plan.deadline)),
        revenue_needed: Some(pb_money(plan.revenue_needed)),
        revenue_deadline: (!plan.revenue_needed.is_zero()).then(|| pb_date(plan.revenue_by)),
        additional_exams: plan.additional_exams,
        additional_individuals: plan.additional_individuals,
        steps: gap_steps(&c, submission, &plan.steps),
        explanation: explanation(r, locale, submission, plan),
        lowest_qualifying: plan.lowest.map(|l| pb_money(l.qualifying)),
        lowest_on: plan.lowest.map(|l| pb_date(l.on)),
        exams_deadline: (!plan.steps.is_empty()).then(|| pb_date(plan.exams_by)),
        exams_lost: plan
            .exams_lost
            .as_ref()
            .map(|lost| pb_change(submission, lost)),
    }
}

fn explanation(r: &Renderer, locale: Locale, submission: &Submission, plan: &KeepPlan) -> String {
    let l10n = &r.l10n;
    let c = Ctx {
        r,
        locale,
        edition: plan.edition,
        day: plan.deadline,
    };
    // Who passes what: individuals offered the same exams are named together
    // ("Alice and Bob each pass …"), in the order of the steps; several new
    // individuals offered the same exams are counted ("two new individuals
    // each pass …"), one alone is numbered as in the gap when the plan needs
    // several.
    struct Group<'p> {
        /// The exams as worded for one person: the key people share.
        options: String,
        step: &'p GapStep,
        listed: Vec<String>,
        new: u32,
    }
    let mut groups: Vec<Group> = Vec::new();
    for step in &plan.steps {
        let options = options(&c, step, false);
        let index = match groups.iter().position(|g| g.options == options) {
            Some(i) => i,
            None => {
                groups.push(Group {
                    options,
                    step,
                    listed: Vec::new(),
                    new: 0,
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[index];
        match step.individual.and_then(|i| submission.individuals.get(i)) {
            Some(listed) => group
                .listed
                .push(person(l10n, locale, listed, Cow::Borrowed).into_owned()),
            None => group.new += 1,
        }
    }
    let numbered = plan.additional_individuals > 1;
    let mut seen = 0;
    let steps: Vec<String> = groups
        .iter()
        .map(|group| {
            let new = match group.new {
                0 => None,
                1 => Some(
                    KeepNewMessage {
                        number: if numbered { seen + 1 } else { 0 },
                    }
                    .text(l10n, locale),
                ),
                count => Some(KeepNewGroupMessage { count, after: seen }.text(l10n, locale)),
            };
            seen += group.new;
            let people = group
                .listed
                .iter()
                .chain(&new)
                .map(|p| Cow::Borrowed(p.as_str()));
            let count = group.listed.len() as u32 + group.new;
            // Several people: "each pass one exam from …" / «каждый по
            // одному экзамену группы …».
            let options = if count > 1 {
                Cow::Owned(options(&c, group.step, true))
            } else {
                Cow::Borrowed(group.options.as_str())
            };
            KeepStepMessage {
                people: &l10n.and_list(locale, people),
                count,
                options: &options,
            }
            .text(l10n, locale)
        })
        .collect();
    let steps = join_steps(l10n, locale, steps);
    let parts = match (plan.revenue_needed.is_zero(), plan.steps.is_empty()) {
        (false, true) => Parts::Revenue,
        (true, false) => Parts::Exams,
        _ => Parts::Both,
    };
    let exams_by = l10n.date(locale, plan.exams_by);
    let mut text = KeepMessage {
        level: plan.level,
        parts,
        horizon: &l10n.date(locale, plan.horizon_end),
        deadline: &l10n.date(locale, plan.deadline),
        revenue_by: &l10n.date(locale, plan.revenue_by),
        exams_by: &exams_by,
        due: match plan.revenue_by.cmp(&plan.exams_by) {
            std::cmp::Ordering::Equal => Due::Same,
            std::cmp::Ordering::Greater => Due::ExamsFirst,
            std::cmp::Ordering::Less => Due::RevenueFirst,
        },
        revenue: &l10n.money(locale, plan.revenue_needed),
        // The revenue's last day (the deadline, when the plan asks only for
        // exams or both are due the same day) is the horizon's.
        by_horizon: plan.revenue_by == plan.horizon_end,
        exams: plan.additional_exams,
        steps: &steps,
    }
    .text(l10n, locale);
    // The revenue asked for is dated after `as_of` where revenue of that
    // day would leave the TTM period by the horizon's last day
    // (`KeepPlan::revenue_dated_after`).
    if let Some(as_of) = plan.revenue_dated_after {
        text.push(' ');
        text.push_str(
            &KeepRevenueAfterMessage {
                as_of: &l10n.date(locale, as_of),
                horizon: &l10n.date(locale, plan.horizon_end),
            }
            .text(l10n, locale),
        );
    }
    // Who moves to another seat with no exam: why someone whose pass stops
    // counting may need none. Two who move each to the other's role swap
    // seats, in one sentence (review 36, M2).
    let mut told = vec![false; plan.moves.len()];
    for (k, m) in plan.moves.iter().enumerate() {
        if told[k] {
            continue;
        }
        told[k] = true;
        let role = |r: usize| plan.edition.roles.get(r).map(|role| role.id);
        let mirror = (k + 1..plan.moves.len())
            .find(|&o| !told[o] && plan.moves[o].from == m.to && plan.moves[o].to == m.from);
        let swap = mirror.and_then(|o| {
            let other = submission.individuals.get(plan.moves[o].individual)?;
            told[o] = true;
            Some(other)
        });
        if let (Some(other), Some(listed), Some(from)) =
            (swap, submission.individuals.get(m.individual), role(m.from))
        {
            text.push(' ');
            text.push_str(
                &KeepSwapMessage {
                    first: &person(l10n, locale, listed, Cow::Borrowed),
                    second: &person(l10n, locale, other, Cow::Borrowed),
                    first_from: from,
                }
                .text(l10n, locale),
            );
            continue;
        }
        let (Some(listed), Some(from), Some(to)) = (
            submission.individuals.get(m.individual),
            role(m.from),
            role(m.to),
        ) else {
            continue;
        };
        text.push(' ');
        text.push_str(
            &KeepMoveMessage {
                person: &person(l10n, locale, listed, Cow::Borrowed),
                from,
                to,
                to_seats: m.seats,
            }
            .text(l10n, locale),
        );
    }
    // Who takes a seat with no exam though they hold none today: whose seat
    // of someone whose pass stops counting is then filled (review 32, M1).
    for take in &plan.takes {
        let (Some(listed), Some(to)) = (
            submission.individuals.get(take.individual),
            plan.edition.roles.get(take.to),
        ) else {
            continue;
        };
        let holder = take
            .holder
            .and_then(|h| submission.individuals.get(h))
            .map(|h| person(l10n, locale, h, Cow::Borrowed));
        text.push(' ');
        text.push_str(
            &KeepTakeMessage {
                person: &person(l10n, locale, listed, Cow::Borrowed),
                to: to.id,
                to_seats: take.seats,
                holder: holder.as_deref(),
                by: &exams_by,
            }
            .text(l10n, locale),
        );
    }
    // What the passes make up for, when they are due after the deadline:
    // the outlook's sentence speaks only of the revenue then.
    if let Some(lost) = &plan.exams_lost {
        text.push(' ');
        text.push_str(
            &KeepExamsLaterMessage {
                day: &exams_by,
                exams: plan.additional_exams,
                causes: &causes(l10n, locale, submission, lost),
            }
            .text(l10n, locale),
        );
    }
    // What the revenue asked for makes up for, when the outlook's sentence
    // does not say it (`KeepPlan::lowest`).
    if let Some(lowest) = plan.lowest {
        text.push(' ');
        text.push_str(
            &KeepLowestMessage {
                day: &l10n.date(locale, lowest.on),
                negative: lowest.qualifying.is_negative(),
                qualifying: &l10n.money_in(locale, lowest.qualifying.abs(), MoneyCase::Genitive),
            }
            .text(l10n, locale),
        );
    }
    text
}

/// A step's exams: one exam of each choice, by its group where it offers
/// several ("one exam from the application group", «один экзамен группы
/// «приложения»»: the steps that follow list them, review 42 M4), other
/// than the pass of the group that holds the person's seat today and stops
/// counting ("other than MB2-709", «кроме MB2-709»: code review 32, M2),
/// else by its code (`outlook-keep-choice`); `each`: for several people,
/// each passing them.
fn options(c: &Ctx, step: &GapStep, each: bool) -> String {
    let (l10n, locale) = (&c.r.l10n, c.locale);
    l10n.and_list(
        locale,
        step.exams.iter().map(|choice| {
            let codes = match choice.one_of.as_slice() {
                [one] => Cow::Borrowed(*one),
                _ => Cow::Borrowed(""),
            };
            let except = step
                .held_until
                .iter()
                .find(|lapse| lapse.group == choice.group)
                .map(|lapse| lapse.code);
            Cow::Owned(
                KeepChoiceMessage {
                    codes: &codes,
                    count: choice.one_of.len() as u32,
                    group: c.group_label(choice.group),
                    except,
                    each,
                }
                .text(l10n, locale),
            )
        }),
    )
    .into_owned()
}

/// The plan's steps as one list, joined two at a time from the end by
/// `outlook-keep-steps`. The steps' exams carry commas of their own, so
/// three or more steps are separated by semicolons ("A; B; and C";
/// Russian: «A; B; C»).
fn join_steps(l10n: &Localizer, locale: Locale, steps: Vec<String>) -> String {
    join_from_end(steps, |join, first, rest| {
        KeepStepsMessage { join, first, rest }.text(l10n, locale)
    })
}

/// Why no plan keeps the level: `outlook`'s `$why` (its `$keep` is
/// `cannot`), a clause of the outlook's own sentence.
pub(super) fn cannot(r: &Renderer, locale: Locale, cannot: &CannotKeep) -> String {
    let l10n = &r.l10n;
    let c = Ctx {
        r,
        locale,
        edition: cannot.edition,
        day: cannot.deadline,
    };
    // `by`: the last day the exams can be taken (`KeepPlan::exams_by`).
    let (why, group, day, by, edition) = match cannot.why {
        Why::NoExam { group, on, by } => {
            let group = c.group_label(group).to_string();
            (Reason::NoExam, group, on, by, "")
        }
        Why::NoLevel { on } => (
            Reason::NoLevel,
            String::new(),
            on,
            cannot.deadline,
            cannot.edition.id,
        ),
    };
    CannotKeepMessage {
        why,
        horizon: &l10n.date(locale, cannot.horizon_end),
        deadline: &l10n.date(locale, by),
        day: &l10n.date(locale, day),
        group: &group,
        edition,
    }
    .text(l10n, locale)
}

#[cfg(test)]
#[path = "keep_tests.rs"]
mod tests;
