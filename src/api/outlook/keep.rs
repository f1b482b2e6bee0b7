//! The keep plan (issue 25) as a proto message with its sentence, and the
//! sentence saying why a level cannot be kept.

use std::borrow::Cow;

use fluent::FluentArgs;

use crate::l10n::{Locale, Localizer};
use crate::pb::competency as pb;
use crate::rules::outlook::keep::{CannotKeep, KeepPlan, Why};
use crate::rules::{Level, Submission};

use super::super::convert::{pb_date, pb_money};
use super::super::render::{gap_steps, level_key, person, Ctx, Renderer};
use super::messages::Message;

/// `Outlook.keep`.
pub(super) fn plan(
    r: &Renderer,
    locale: Locale,
    submission: &Submission,
    plan: &KeepPlan,
) -> pb::KeepPlan {
    let c = Ctx {
        r,
        locale,
        edition: plan.edition,
    };
    pb::KeepPlan {
        deadline: Some(pb_date(plan.deadline)),
        revenue_needed: Some(pb_money(plan.revenue_needed)),
        additional_exams: plan.additional_exams,
        additional_individuals: plan.additional_individuals,
        steps: gap_steps(&c, submission, &plan.steps),
        explanation: explanation(&r.l10n, locale, submission, plan),
    }
}

fn explanation(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    plan: &KeepPlan,
) -> String {
    // Who passes what: individuals offered the same exams are named together
    // ("Alice and Bob each pass …"), in the order of the steps.
    let numbered = plan.additional_individuals > 1;
    let mut new = 0;
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for step in &plan.steps {
        let options = l10n.and_list(
            locale,
            step.exams.iter().map(|choice| {
                l10n.or_list(locale, choice.one_of.iter().map(|c| Cow::Borrowed(*c)))
            }),
        );
        let who = match step.individual.and_then(|i| submission.individuals.get(i)) {
            Some(listed) => person(l10n, locale, listed, Cow::Borrowed).into_owned(),
            None => {
                new += u32::from(numbered);
                KeepNewMessage { number: new }.render(l10n, locale)
            }
        };
        match groups.iter_mut().find(|(o, _)| *o == options) {
            Some((_, people)) => people.push(who),
            None => groups.push((options.into_owned(), vec![who])),
        }
    }
    let steps = l10n.and_list(
        locale,
        groups.iter().map(|(options, people)| {
            Cow::Owned(
                KeepStepMessage {
                    people: &l10n
                        .and_list(locale, people.iter().map(|p| Cow::Borrowed(p.as_str()))),
                    count: people.len() as u32,
                    options,
                }
                .render(l10n, locale),
            )
        }),
    );
    let parts = match (plan.revenue_needed.is_zero(), plan.steps.is_empty()) {
        (false, true) => "revenue",
        (true, false) => "exams",
        _ => "both",
    };
    KeepMessage {
        level: plan.level,
        parts,
        horizon: &l10n.date(locale, plan.horizon_end),
        deadline: &l10n.date(locale, plan.deadline),
        revenue: &l10n.money(locale, plan.revenue_needed),
        exams: plan.additional_exams,
        steps: &steps,
    }
    .render(l10n, locale)
}

/// The sentence saying why no plan keeps the level.
pub(super) fn cannot(r: &Renderer, locale: Locale, cannot: &CannotKeep) -> String {
    let l10n = &r.l10n;
    let c = Ctx {
        r,
        locale,
        edition: cannot.edition,
    };
    let (why, group, day, edition) = match cannot.why {
        Why::NoExam { group, on } => ("no-exam", c.group_label(group).to_string(), on, ""),
        Why::NoLevel { on } => ("no-level", String::new(), on, cannot.edition.id),
    };
    CannotKeepMessage {
        level: cannot.level,
        why,
        horizon: &l10n.date(locale, cannot.horizon_end),
        deadline: &l10n.date(locale, cannot.deadline),
        day: &l10n.date(locale, day),
        group: &group,
        edition,
    }
    .render(l10n, locale)
}

/// `outlook-keep`: the plan's sentence.
struct KeepMessage<'a> {
    level: Level,
    /// revenue, exams, both
    parts: &'static str,
    horizon: &'a str,
    deadline: &'a str,
    revenue: &'a str,
    exams: u32,
    steps: &'a str,
}

impl Message for KeepMessage<'_> {
    const ID: &'static str = "outlook-keep";
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(7);
        args.set("level", level_key(self.level));
        args.set("parts", self.parts);
        args.set("horizon", self.horizon);
        args.set("deadline", self.deadline);
        args.set("revenue", self.revenue);
        args.set("exams", self.exams);
        args.set("steps", self.steps);
        args
    }
}

/// `outlook-keep-step`: individuals offered the same exams, inside `outlook-keep`.
struct KeepStepMessage<'a> {
    /// Names joined with "and".
    people: &'a str,
    count: u32,
    options: &'a str,
}

impl Message for KeepStepMessage<'_> {
    const ID: &'static str = "outlook-keep-step";
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("people", self.people);
        args.set("count", self.count);
        args.set("options", self.options);
        args
    }
}

/// `outlook-keep-new`: a new individual, numbered when the plan needs several.
struct KeepNewMessage {
    number: u32,
}

impl Message for KeepNewMessage {
    const ID: &'static str = "outlook-keep-new";
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("number", self.number);
        args
    }
}

/// `outlook-cannot-keep`: why no plan keeps the level.
struct CannotKeepMessage<'a> {
    level: Level,
    /// no-exam, no-level
    why: &'static str,
    horizon: &'a str,
    deadline: &'a str,
    day: &'a str,
    group: &'a str,
    edition: &'a str,
}

impl Message for CannotKeepMessage<'_> {
    const ID: &'static str = "outlook-cannot-keep";
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(7);
        args.set("level", level_key(self.level));
        args.set("why", self.why);
        args.set("horizon", self.horizon);
        args.set("deadline", self.deadline);
        args.set("day", self.day);
        args.set("group", self.group);
        args.set("edition", self.edition);
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalog::CLOUD_CRM_2017_11;
    use crate::rules::Date;

    /// The catalog always has an exam to take: the sentence of a level that
    /// cannot be kept, from a plan made up here.
    #[test]
    fn cannot_keep_in_both_locales() {
        let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
        let lost = CannotKeep {
            level: Level::Silver,
            deadline: Date::ymd(2019, 1, 1),
            horizon_end: Date::ymd(2019, 6, 1),
            edition: &CLOUD_CRM_2017_11,
            why: Why::NoExam {
                group: 0,
                on: Date::ymd(2019, 1, 1),
            },
        };
        assert_eq!(
            cannot(&r, Locale::EnUs, &lost),
            "Silver cannot be kept through June 1, 2019: no exam of the application group \
             that can be taken by January 1, 2019, still counts through June 1, 2019."
        );
        assert_eq!(
            cannot(&r, Locale::RuRu, &lost),
            "Сохранить Серебряный уровень по 1\u{a0}июня 2019\u{a0}г. включительно нельзя: \
             ни один экзамен группы «приложения», который можно сдать до 1\u{a0}января \
             2019\u{a0}г. включительно, не засчитывается по 1\u{a0}июня 2019\u{a0}г. \
             включительно."
        );
    }
}
