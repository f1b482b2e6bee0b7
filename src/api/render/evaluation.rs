//! An `Evaluation` as its proto message, every sentence from `messages`.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::pb::competency as pb;
use crate::rules::{
    self, Date, Evaluation, Exclusion, Gap, LevelOutcome, RevenueTotals, Submission,
};

use super::super::convert::{pb_date, pb_money};
use super::messages::{
    Excluded, Exclusions, GapExplanation, GapItemCount, GapItemRevenue, LaterWhy,
    RevenueExplanation, RevenueLaterQualifying, Sign, Summary,
};
use super::Ctx;

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
    /// Gap steps already rendered for a lower level, with the number and
    /// the exams first offered (`Shown`) they were rendered with: the plans
    /// of two levels often share steps.
    steps: RefCell<Vec<(&'a rules::GapStep, u32, Fresh, String)>>,
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
    let mut text = Exclusions { items: &items }.render(c);
    // Records dated after `as_of` that will not count even once they enter
    // the TTM period (review 31, H1): what of that revenue will.
    if t.records_after_as_of_not_qualifying > 0 {
        let later = Exclusion::AfterAsOf as usize;
        let none = t.records_after_as_of_not_qualifying == t.records_excluded[later];
        let amount = c.money(t.after_as_of_qualifying.abs());
        let part = (!none).then(|| (Sign::of(t.after_as_of_qualifying), &*amount));
        text.push(' ');
        text.push_str(
            &RevenueLaterQualifying {
                part,
                why: match t.records_after_as_of_other_product {
                    0 => LaterWhy::WithoutDpor,
                    n if n == t.records_after_as_of_not_qualifying => LaterWhy::OtherProduct,
                    _ => LaterWhy::Both,
                },
                wording: c.edition.revenue.wording,
            }
            .render(c),
        );
    }
    Some(text)
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
            explanation: self.exams_explanation(&outcome.exams, horizon, outcome.attained),
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
            steps: {
                let mut shown = Shown::default();
                gap.steps
                    .iter()
                    .zip(new_numbers(&gap.steps))
                    .map(|(step, number)| self.step(step, number, shown.fresh(c, step)))
                    .collect()
            },
            explanation: GapExplanation {
                level: outcome.level,
                items: &items,
                won_on: won_on.map(|day| c.date(day)).as_deref(),
                next_day: won_on == Some(c.day.next_day()),
                pending: gap.pending_exams(),
                exams: gap.additional_exams,
            }
            .render(c),
        }
    }

    fn step(&self, step: &'a rules::GapStep, number: u32, fresh: Fresh) -> pb::GapStep {
        let done = self
            .steps
            .borrow()
            .iter()
            .find(|(s, n, f, _)| *s == step && *n == number && *f == fresh)
            .map(|(_, _, _, text)| text.clone());
        let explanation = done.unwrap_or_else(|| {
            let text = step_text(&self.c, self.submission, step, number, fresh);
            self.steps
                .borrow_mut()
                .push((step, number, fresh, text.clone()));
            text
        });
        pb_step(&self.c, self.submission, step, explanation)
    }
}

#[path = "evaluation_steps.rs"]
mod steps_words;
pub(in crate::api) use steps_words::steps;
use steps_words::{new_numbers, pb_step, step_text, Fresh, Shown};

#[path = "evaluation_exams.rs"]
mod exams;

#[cfg(test)]
#[path = "evaluation_tests.rs"]
mod tests;
