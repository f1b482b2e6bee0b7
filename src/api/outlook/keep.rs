//! The keep plan (issue 25) as a proto message with its sentence, and the
//! reason a level cannot be kept (an input of the outlook's own sentence,
//! `outlook`'s `$keep` and `$why`).

use std::borrow::Cow;

use crate::l10n::{Locale, Localizer, Message};
use crate::pb::competency as pb;
use crate::rules::outlook::keep::{CannotKeep, KeepPlan, Why};
use crate::rules::Submission;

use super::super::convert::{pb_date, pb_money};
use super::super::render::{gap_steps, person, Ctx, Renderer};
use super::messages::{
    CannotKeepMessage, KeepChoiceMessage, KeepLowestMessage, KeepMessage, KeepNewGroupMessage,
    KeepNewMessage, KeepStepMessage, KeepStepsMessage, Parts, Reason, StepsJoin,
};

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
        explanation: explanation(&r.l10n, locale, submission, plan),
        lowest_qualifying: plan.lowest.map(|l| pb_money(l.qualifying)),
        lowest_on: plan.lowest.map(|l| pb_date(l.on)),
    }
}

fn explanation(
    l10n: &Localizer,
    locale: Locale,
    submission: &Submission,
    plan: &KeepPlan,
) -> String {
    // Who passes what: individuals offered the same exams are named together
    // ("Alice and Bob each pass …"), in the order of the steps; several new
    // individuals offered the same exams are counted ("two new individuals
    // each pass …"), one alone is numbered as in the gap when the plan needs
    // several.
    struct Group {
        options: String,
        listed: Vec<String>,
        new: u32,
    }
    let mut groups: Vec<Group> = Vec::new();
    for step in &plan.steps {
        let choices = step.exams.len() as u32;
        let options = l10n.and_list(
            locale,
            step.exams.iter().map(|choice| {
                let codes = l10n.or_list(locale, choice.one_of.iter().map(|c| Cow::Borrowed(*c)));
                if choices == 1 {
                    return codes;
                }
                Cow::Owned(
                    KeepChoiceMessage {
                        codes: &codes,
                        count: choice.one_of.len() as u32,
                    }
                    .text(l10n, locale),
                )
            }),
        );
        let index = match groups.iter().position(|g| g.options == options) {
            Some(i) => i,
            None => {
                groups.push(Group {
                    options: options.into_owned(),
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
            KeepStepMessage {
                people: &l10n.and_list(locale, people),
                count: group.listed.len() as u32 + group.new,
                options: &group.options,
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
    let mut text = KeepMessage {
        level: plan.level,
        parts,
        horizon: &l10n.date(locale, plan.horizon_end),
        deadline: &l10n.date(locale, plan.deadline),
        revenue_by: (plan.revenue_by != plan.deadline)
            .then(|| l10n.date(locale, plan.revenue_by))
            .as_deref(),
        revenue: &l10n.money(locale, plan.revenue_needed),
        exams: plan.additional_exams,
        steps: &steps,
    }
    .text(l10n, locale);
    // Why the revenue asked for is more than the outlook's shortfall: the
    // revenue counted keeps falling after the revenue deadline.
    if let Some(lowest) = plan.lowest {
        text.push(' ');
        text.push_str(
            &KeepLowestMessage {
                day: &l10n.date(locale, lowest.on),
                negative: lowest.qualifying.is_negative(),
                qualifying: &l10n.money(locale, lowest.qualifying.abs()),
            }
            .text(l10n, locale),
        );
    }
    text
}

/// The plan's steps as one list, joined two at a time from the end by
/// `outlook-keep-steps`, as a CLDR list pattern joins its items. The steps'
/// exams carry commas of their own, so three or more steps are separated by
/// semicolons ("A; B; and C"; Russian: «A; B; C»).
fn join_steps(l10n: &Localizer, locale: Locale, steps: Vec<String>) -> String {
    let count = steps.len();
    let mut items = steps.into_iter().rev();
    let Some(mut list) = items.next() else {
        return String::new();
    };
    for (joined, item) in items.enumerate() {
        let join = match (count, joined) {
            (2, _) => StepsJoin::Pair,
            (_, 0) => StepsJoin::End,
            _ => StepsJoin::Middle,
        };
        list = KeepStepsMessage {
            join,
            first: &item,
            rest: &list,
        }
        .text(l10n, locale);
    }
    list
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
    let (why, group, day, edition) = match cannot.why {
        Why::NoExam { group, on } => (Reason::NoExam, c.group_label(group).to_string(), on, ""),
        Why::NoLevel { on } => (Reason::NoLevel, String::new(), on, cannot.edition.id),
    };
    CannotKeepMessage {
        why,
        horizon: &l10n.date(locale, cannot.horizon_end),
        deadline: &l10n.date(locale, cannot.deadline),
        day: &l10n.date(locale, day),
        group: &group,
        edition,
    }
    .text(l10n, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalog::CLOUD_CRM_2017_11;
    use crate::rules::Date;
    use crate::rules::Level;

    /// The catalog always has an exam to take: the reason a level cannot be
    /// kept, from a plan made up here, as the end of the outlook's own
    /// sentence (an input of `outlook`, not text appended to it).
    #[test]
    fn cannot_keep_in_both_locales() {
        use super::super::messages::{Keep, Kind, OutlookMessage};
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
        let sentence = |locale: Locale| {
            let why = cannot(&r, locale, &lost);
            OutlookMessage {
                change: Kind::Lapses,
                level: Level::Silver,
                last: &r.l10n.date(locale, Date::ymd(2018, 12, 31)),
                day: &r.l10n.date(locale, Date::ymd(2019, 1, 1)),
                horizon: &r.l10n.date(locale, lost.horizon_end),
                causes: "C",
                results: "R",
                keep: Keep::Cannot { why: &why },
            }
            .text(&r.l10n, locale)
        };
        assert_eq!(
            sentence(Locale::EnUs),
            "You keep Silver through December 31, 2018. On January 1, 2019, C, so R. \
             You can’t keep it through June 1, 2019: no exam of the application group \
             that can be taken by January 1, 2019, still counts through June 1, 2019."
        );
        assert_eq!(
            sentence(Locale::RuRu),
            "Серебряный уровень сохранится по 31\u{a0}декабря 2018\u{a0}г. включительно; \
             1\u{a0}января 2019\u{a0}г. C, и поэтому R. \
             Сохранить его по 1\u{a0}июня 2019\u{a0}г. включительно нельзя: \
             среди экзаменов группы «приложения», которые можно сдать до 1\u{a0}января \
             2019\u{a0}г. включительно, нет ни одного, результаты которого засчитывались бы \
             по 1\u{a0}июня 2019\u{a0}г. включительно."
        );
    }

    /// Two new individuals offered the same exams are counted, not listed
    /// one by one ("one new individual and a second new individual each
    /// pass …"); a third offered others keeps its ordinal.
    /// A new individual's keep step for a seat of `role`: one exam of each
    /// (group, codes).
    fn new_individual(role: usize, choices: &[(usize, &[&'static str])]) -> crate::rules::GapStep {
        crate::rules::GapStep {
            role,
            individual: None,
            exams: choices
                .iter()
                .map(|&(group, one_of)| crate::rules::ExamChoice {
                    group,
                    one_of: one_of.to_vec(),
                })
                .collect(),
            held: Vec::new(),
            pending: Vec::new(),
            moves_from: None,
            freed_for: None,
            keeps_seat: false,
        }
    }

    /// A keep plan of exams only, by January 1, 2018, through July 7, 2018,
    /// under the 2017-07 edition; each step a new individual.
    fn exams_plan(level: Level, steps: Vec<crate::rules::GapStep>) -> KeepPlan {
        KeepPlan {
            level,
            deadline: Date::ymd(2018, 1, 1),
            horizon_end: Date::ymd(2018, 7, 7),
            revenue_needed: crate::rules::Money::ZERO,
            revenue_by: Date::ymd(2018, 1, 1),
            lowest: None,
            additional_exams: steps.iter().map(|s| s.exams.len() as u32).sum(),
            additional_individuals: steps.len() as u32,
            edition: &crate::rules::catalog::CLOUD_CRM_2017_07,
            steps,
            exact: true,
        }
    }

    /// A submission that lists nobody.
    fn nobody() -> Submission {
        Submission {
            partner_id: "p".into(),
            market: crate::rules::Market::Developed,
            revenue: Vec::new(),
            individuals: Vec::new(),
        }
    }

    #[test]
    fn new_individuals_offered_the_same_exams_are_counted() {
        let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
        let customization: &[&str] = &["MB2-712", "MB2-707"];
        let plan = exams_plan(
            Level::Gold,
            vec![
                new_individual(1, &[(2, customization)]),
                new_individual(1, &[(2, customization)]),
                new_individual(0, &[(1, &["MB2-710"])]),
            ],
        );
        let submission = nobody();
        assert_eq!(
            explanation(&r.l10n, Locale::EnUs, &submission, &plan),
            "To keep Gold through July 7, 2018, have, by January 1, 2018, two new \
             individuals each pass MB2-712 or MB2-707 and a third new individual pass \
             MB2-710 (three more exam passes)."
        );
        assert_eq!(
            explanation(&r.l10n, Locale::RuRu, &submission, &plan),
            "Чтобы сохранить Золотой уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
             до 1\u{a0}января 2018\u{a0}г. включительно нужно сдать экзамены: два новых \
             сотрудника\u{a0}— каждый MB2-712 или MB2-707; третий новый сотрудник\u{a0}— \
             MB2-710."
        );
        // A single new individual first: the group after it is "more".
        let plan = KeepPlan {
            steps: vec![
                new_individual(0, &[(1, &["MB2-710"])]),
                new_individual(1, &[(2, customization)]),
                new_individual(1, &[(2, customization)]),
            ],
            ..plan
        };
        assert_eq!(
            explanation(&r.l10n, Locale::EnUs, &submission, &plan),
            "To keep Gold through July 7, 2018, have, by January 1, 2018, one new \
             individual pass MB2-710 and two more new individuals each pass MB2-712 or \
             MB2-707 (three more exam passes)."
        );
        assert_eq!(
            explanation(&r.l10n, Locale::RuRu, &submission, &plan),
            "Чтобы сохранить Золотой уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
             до 1\u{a0}января 2018\u{a0}г. включительно нужно сдать экзамены: первый новый \
             сотрудник\u{a0}— MB2-710; еще два новых сотрудника\u{a0}— каждый MB2-712 или \
             MB2-707."
        );
        // Three steps: a list of three, with semicolons between the Russian
        // dash clauses, which hold "and" and "or" themselves.
        let plan = KeepPlan {
            steps: vec![
                new_individual(0, &[(1, &["MB2-710"])]),
                new_individual(1, &[(2, customization)]),
                new_individual(0, &[(0, &["MB2-714", "MB2-713"])]),
            ],
            ..plan
        };
        assert_eq!(
            explanation(&r.l10n, Locale::EnUs, &submission, &plan),
            "To keep Gold through July 7, 2018, have, by January 1, 2018, one new \
             individual pass MB2-710; a second new individual pass MB2-712 or MB2-707; \
             and a third new individual pass MB2-714 or MB2-713 (three more exam passes)."
        );
        assert_eq!(
            explanation(&r.l10n, Locale::RuRu, &submission, &plan),
            "Чтобы сохранить Золотой уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
             до 1\u{a0}января 2018\u{a0}г. включительно нужно сдать экзамены: первый новый \
             сотрудник\u{a0}— MB2-710; второй новый сотрудник\u{a0}— MB2-712 или MB2-707; \
             третий новый сотрудник\u{a0}— MB2-714 или MB2-713."
        );
    }

    /// A step that asks for exams of two groups names each group's exams as
    /// "one of …", so that the "or" of one group does not run into the "and"
    /// between groups.
    #[test]
    fn a_step_with_two_groups_says_one_of_each() {
        let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
        let plan = exams_plan(
            Level::Silver,
            vec![new_individual(
                0,
                &[(0, &["MB2-714", "MB2-713"]), (1, &["MB2-710"])],
            )],
        );
        let submission = nobody();
        assert_eq!(
            explanation(&r.l10n, Locale::EnUs, &submission, &plan),
            "To keep Silver through July 7, 2018, have, by January 1, 2018, a new \
             individual pass either MB2-714 or MB2-713 and MB2-710 (two more exam passes)."
        );
        assert_eq!(
            explanation(&r.l10n, Locale::RuRu, &submission, &plan),
            "Чтобы сохранить Серебряный уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
             до 1\u{a0}января 2018\u{a0}г. включительно нужно сдать экзамены: новый \
             сотрудник\u{a0}— один из экзаменов MB2-714 или MB2-713 и MB2-710."
        );
    }
}
