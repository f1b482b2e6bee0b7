//! An `Evaluation` as its proto message, every sentence from `messages`.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::pb::competency as pb;
use crate::rules::{self, Date, Evaluation, Gap, LevelOutcome, RevenueTotals, Submission};

use super::super::convert::{pb_date, pb_money};
use super::messages::{
    Excluded, Exclusions, GapExplanation, GapItemCount, GapItemRevenue, GapStep, GapStepMisdated,
    GapStepPending, GapStepUntil, RevenueExplanation, Sign, Summary,
};
use super::{person, Ctx};
use crate::l10n::Message;

/// Sentences one after another, separated by a space.
fn join_sentences(parts: &[&str]) -> String {
    let mut text = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(part);
    }
    text
}

/// The words of one evaluation: the call's context, the input, and what
/// both levels say alike, rendered once. The assembler (`api::answer`) asks
/// it for the summary and each level's requirements and gap.
pub(in crate::api) struct Words<'a> {
    c: Ctx<'a>,
    submission: &'a Submission,
    ev: &'a Evaluation,
    qualifying: String,
    start: String,
    end: String,
    exclusions: Option<String>,
    /// Gap steps already rendered for a lower level, with the number they
    /// were rendered with: the plans of two levels often share steps.
    steps: RefCell<Vec<(&'a rules::GapStep, u32, String)>>,
}

/// "This total excludes …", or `None` when nothing was left out:
/// each reason's net, a negative net as a net credit, a zero net with its
/// record count.
fn exclusions(c: &Ctx, t: &RevenueTotals) -> Option<String> {
    let items: Vec<String> = t
        .exclusions()
        .map(|excluded| {
            let amount = c.money(excluded.net.abs());
            Excluded {
                reason: excluded.reason,
                sign: Sign::of(excluded.net),
                records: excluded.records,
                amount: &amount,
            }
            .render(c)
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let items = c
        .l10n()
        .and_list(c.locale, items.into_iter().map(Cow::Owned));
    Some(Exclusions { items: &items }.render(c))
}

impl<'a> Words<'a> {
    pub(in crate::api) fn new(c: Ctx<'a>, submission: &'a Submission, ev: &'a Evaluation) -> Self {
        Words {
            qualifying: c.r.l10n.money(c.locale, ev.revenue.qualifying.abs()),
            start: c.date(ev.period.start),
            end: c.date(ev.period.end),
            exclusions: exclusions(&c, &ev.revenue),
            steps: RefCell::new(Vec::new()),
            c,
            submission,
            ev,
        }
    }

    /// The answer's first sentence.
    pub(in crate::api) fn summary(&self) -> String {
        let ev = self.ev;
        Summary {
            level: ev.attained,
            partner: &self.submission.partner_id,
            edition: ev.edition.id,
            as_of: &self.c.date(ev.as_of),
        }
        .render(&self.c)
    }

    /// A level's requirements (revenue, then exams) and its gap.
    /// `won_on`: the day the outlook attains the level with the submission
    /// unchanged, if it does (the gap then says what attains it sooner);
    /// `horizon`: the outlook's last day (a seat holder of a level not
    /// attained whose pass stops counting before it is told so).
    pub(in crate::api) fn level(
        &self,
        outcome: &'a LevelOutcome,
        won_on: Option<Date>,
        horizon: Option<Date>,
    ) -> (Vec<pb::RequirementResult>, Option<pb::Gap>) {
        let c = &self.c;
        let ev = self.ev;
        let edition = ev.edition;

        // Revenue. Only the "not met" wording names the shortfall; the gap repeats it.
        let shortfall = (!outcome.revenue.met).then(|| c.money(outcome.revenue.shortfall));
        let revenue = RevenueExplanation {
            level: outcome.level,
            market: self.submission.market,
            met: outcome.revenue.met,
            negative: ev.revenue.qualifying.is_negative(),
            wording: edition.revenue.wording,
            start: &self.start,
            end: &self.end,
            qualifying: &self.qualifying,
            threshold: &c.money(outcome.revenue.threshold),
            shortfall: shortfall.as_deref().unwrap_or_default(),
        }
        .render(c);
        // The exclusions are a sentence of their own after the revenue's.
        let explanation = match &self.exclusions {
            Some(excluded) => join_sentences(&[&revenue, excluded]),
            None => revenue,
        };
        let revenue = pb::RequirementResult {
            id: "revenue".to_string(),
            met: outcome.revenue.met,
            explanation,
            detail: Some(pb::requirement_result::Detail::Revenue(pb::RevenueDetail {
                threshold: Some(pb_money(outcome.revenue.threshold)),
                qualifying: Some(pb_money(ev.revenue.qualifying)),
                excluded_without_dpor: Some(pb_money(ev.revenue.excluded_without_dpor)),
                excluded_other_product: Some(pb_money(ev.revenue.excluded_other_product)),
                // Both sides of the period, as the contract has always said;
                // the later side also on its own.
                excluded_outside_period: Some(pb_money(
                    ev.revenue.excluded_outside_period + ev.revenue.excluded_after_as_of,
                )),
                excluded_after_as_of: Some(pb_money(ev.revenue.excluded_after_as_of)),
                period_start: Some(pb_date(ev.period.start)),
                period_end: Some(pb_date(ev.period.end)),
            })),
        };

        let exams = pb::RequirementResult {
            id: "exams".to_string(),
            met: outcome.exams.met,
            explanation: self
                .exams_explanation(&outcome.exams, horizon.filter(|_| !outcome.attained)),
            detail: Some(pb::requirement_result::Detail::Exams(pb::ExamsDetail {
                individuals_required: outcome.exams.individuals_required,
                seats: outcome
                    .exams
                    .seats
                    .iter()
                    .map(|seat| pb::Seat {
                        role: edition.roles[seat.role].id.to_string(),
                        individual_id: seat
                            .individual
                            .map(|i| self.submission.individuals[i].id.clone())
                            .unwrap_or_default(),
                        exams_counted: seat.exams_counted.iter().map(|c| c.to_string()).collect(),
                    })
                    .collect(),
            })),
        };

        let gap = outcome
            .gap
            .as_ref()
            .map(|gap| self.gap(outcome, gap, shortfall, won_on));
        (vec![revenue, exams], gap)
    }

    fn gap(
        &self,
        outcome: &LevelOutcome,
        gap: &'a Gap,
        shortfall: Option<Cow<'_, str>>,
        won_on: Option<Date>,
    ) -> pb::Gap {
        let c = &self.c;
        let mut items = Vec::with_capacity(3);
        if !gap.revenue_shortfall.is_zero() {
            let amount = shortfall.unwrap_or_else(|| c.money(gap.revenue_shortfall));
            items.push(GapItemRevenue { amount: &amount }.render(c));
        }
        for (count, id) in [
            (gap.additional_exams, GapItemCount::EXAMS),
            (gap.additional_individuals, GapItemCount::INDIVIDUALS),
        ] {
            if count > 0 {
                items.push(GapItemCount { id, count }.render(c));
            }
        }
        let items = c
            .l10n()
            .and_list(c.locale, items.into_iter().map(Cow::Owned));
        pb::Gap {
            revenue_shortfall: Some(pb_money(gap.revenue_shortfall)),
            additional_exams: gap.additional_exams,
            additional_individuals: gap.additional_individuals,
            steps: gap
                .steps
                .iter()
                .zip(new_numbers(&gap.steps))
                .map(|(step, number)| self.step(step, number))
                .collect(),
            explanation: GapExplanation {
                level: outcome.level,
                items: &items,
                won_on: won_on.map(|day| c.date(day)).as_deref(),
            }
            .render(c),
        }
    }

    fn step(&self, step: &'a rules::GapStep, number: u32) -> pb::GapStep {
        let done = self
            .steps
            .borrow()
            .iter()
            .find(|(s, n, _)| *s == step && *n == number)
            .map(|(_, _, text)| text.clone());
        let explanation = done.unwrap_or_else(|| {
            let text = step_text(&self.c, self.submission, step, number);
            self.steps.borrow_mut().push((step, number, text.clone()));
            text
        });
        pb_step(&self.c, self.submission, step, explanation)
    }
}

/// A step's sentence (`gap-step`); `number` counts new individuals when the
/// plan needs several, else 0.
fn step_text(c: &Ctx, submission: &Submission, step: &rules::GapStep, number: u32) -> String {
    let role = c.edition.roles[step.role].id;
    let listed = step.individual.map(|i| &submission.individuals[i]);
    let exams = c.l10n().and_list(
        c.locale,
        step.exams
            .iter()
            .map(|choice| c.choice(choice.group, &choice.one_of)),
    );
    let held_exams = c
        .l10n()
        .and_list(c.locale, step.held.iter().map(|code| Cow::Borrowed(*code)));
    let text = GapStep {
        person: listed
            .map(|i| person(c.l10n(), c.locale, i, Cow::Borrowed))
            .as_deref(),
        number,
        held: step.held.len() as u32,
        held_exams: &held_exams,
        role,
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
    }
    .render(c);
    // A listed individual's own passes that count later, by day.
    let mut days: Vec<(Date, Vec<&str>)> = Vec::new();
    for p in &step.pending {
        match days.iter_mut().find(|(day, _)| *day == p.counts_from) {
            Some((_, codes)) => codes.push(p.code),
            None => days.push((p.counts_from, vec![p.code])),
        }
    }
    // After the step's sentence: for each offered exam whose passes count
    // only through a later day, a sentence saying so; then the person's own
    // passes that count later, a sentence per day on which some start.
    let mut after: Vec<String> = Vec::new();
    for choice in &step.exams {
        let Some(group) = c.edition.groups.get(choice.group) else {
            continue;
        };
        for exam in group
            .exams
            .iter()
            .filter(|e| choice.one_of.contains(&e.code))
        {
            if let Some(until) = rules::counts_until(exam, c.day) {
                let retiring = rules::retires_on(exam.code, c.day).map(|day| c.date(day));
                after.push(
                    GapStepUntil {
                        code: exam.code,
                        until: &c.date(until),
                        retiring: retiring.as_deref(),
                    }
                    .text(c.l10n(), c.locale),
                );
            }
        }
    }
    for (day, codes) in &days {
        let list = c
            .l10n()
            .and_list(c.locale, codes.iter().map(|code| Cow::Borrowed(*code)));
        after.push(
            GapStepPending {
                codes: &list,
                count: u32::try_from(codes.len()).unwrap_or(u32::MAX),
                counts_from: &c.date(*day),
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
    if after.is_empty() {
        text
    } else {
        let mut parts: Vec<&str> = vec![&text];
        parts.extend(after.iter().map(String::as_str));
        join_sentences(&parts)
    }
}

fn pb_step(
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
    steps
        .iter()
        .zip(new_numbers(steps))
        .map(|(step, number)| {
            let text = step_text(c, submission, step, number);
            pb_step(c, submission, step, text)
        })
        .collect()
}

/// Each step's new-individual number: 1, 2, … for the new individuals when
/// the plan needs more than one, else 0 (a listed person, or the only new
/// one).
fn new_numbers(steps: &[rules::GapStep]) -> impl Iterator<Item = u32> + '_ {
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

#[path = "evaluation_exams.rs"]
mod exams;

#[cfg(test)]
#[path = "evaluation_tests.rs"]
mod tests;
