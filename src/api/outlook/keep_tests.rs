//! The keep plan's sentence, worded from hand-made plans.

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
            by: Date::ymd(2019, 1, 1),
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
            today: false,
        }
        .text(&r.l10n, locale)
    };
    assert_eq!(
        sentence(Locale::EnUs),
        "You’ll keep Silver through December 31, 2018. On January 1, 2019, C, so R. \
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
        seats: 2,
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
        misdated: Vec::new(),
        not_accepted: Vec::new(),
        held_until: Vec::new(),
        moves_from: None,
        freed_for: None,
        holder_moves: None,
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
        revenue_dated_after: None,
        exams_by: Date::ymd(2018, 1, 1),
        exams_lost: None,
        lowest: None,
        additional_exams: steps.iter().map(|s| s.exams.len() as u32).sum(),
        additional_individuals: steps.len() as u32,
        edition: &crate::rules::catalog::CLOUD_CRM_2017_07,
        steps,
        moves: Vec::new(),
        takes: Vec::new(),
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
        explanation(&r, Locale::EnUs, &submission, &plan),
        "To keep Gold through July 7, 2018, make sure that, by January 1, 2018, two new \
         individuals each pass one exam from the customization group and a third new individual passes \
         MB2-710 (three more exam passes)."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &plan),
        "Чтобы сохранить Золотой уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее 1\u{a0}января 2018\u{a0}г. нужно сдать экзамены (два новых \
         сотрудника\u{a0}— каждый по одному из группы «настройка и конфигурация»; третий новый сотрудник\u{a0}— \
         MB2-710)."
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
        explanation(&r, Locale::EnUs, &submission, &plan),
        "To keep Gold through July 7, 2018, make sure that, by January 1, 2018, one new \
         individual passes MB2-710 and two more new individuals each pass one exam from the customization group (three more exam passes)."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &plan),
        "Чтобы сохранить Золотой уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее 1\u{a0}января 2018\u{a0}г. нужно сдать экзамены (первый новый \
         сотрудник\u{a0}— MB2-710; еще два новых сотрудника\u{a0}— каждый по одному из группы «настройка и конфигурация»)."
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
        explanation(&r, Locale::EnUs, &submission, &plan),
        "To keep Gold through July 7, 2018, make sure that, by January 1, 2018, one new \
         individual passes MB2-710; a second new individual passes one exam from the customization group; and a third new individual passes one exam from the application group (three more \
         exam passes)."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &plan),
        "Чтобы сохранить Золотой уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее 1\u{a0}января 2018\u{a0}г. нужно сдать экзамены (первый новый \
         сотрудник\u{a0}— MB2-710; второй новый сотрудник\u{a0}— любой из группы «настройка и конфигурация»; третий новый сотрудник\u{a0}— любой из группы «приложения»)."
    );
}

/// A step that asks for exams of two groups names each group ("one exam
/// from the application group and MB2-710"), so that no "or" of one group
/// runs into the "and" between groups.
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
        explanation(&r, Locale::EnUs, &submission, &plan),
        "To keep Silver through July 7, 2018, make sure that, by January 1, 2018, a new \
         individual passes one exam from the application group and MB2-710 (two more exam passes)."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &plan),
        "Чтобы сохранить Серебряный уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее 1\u{a0}января 2018\u{a0}г. нужно сдать экзамены (новый \
         сотрудник\u{a0}— любой из группы «приложения» и MB2-710)."
    );
}

/// When the sentence's first day is the horizon's last day itself, it
/// says "that day" rather than the date twice, whatever the plan adds.
#[test]
fn a_deadline_on_the_horizon_day_is_that_day() {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    let submission = nobody();
    let on_horizon = KeepPlan {
        deadline: Date::ymd(2018, 7, 7),
        revenue_by: Date::ymd(2018, 7, 7),
        exams_by: Date::ymd(2018, 7, 7),
        ..exams_plan(Level::Silver, vec![new_individual(0, &[(1, &["MB2-710"])])])
    };
    assert_eq!(
        explanation(&r, Locale::EnUs, &submission, &on_horizon),
        "To keep Silver through July 7, 2018, make sure that, by that day, a new individual \
         passes MB2-710."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &on_horizon),
        "Чтобы сохранить Серебряный уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее этого дня нужно сдать экзамен (новый сотрудник\u{a0}— MB2-710)."
    );
    // Revenue too, due the same day.
    let both = KeepPlan {
        revenue_needed: crate::rules::Money::from_units(5_000),
        revenue_dated_after: Some(Date::ymd(2017, 7, 7)),
        ..on_horizon
    };
    assert_eq!(
        explanation(&r, Locale::EnUs, &submission, &both),
        "To keep Silver through July 7, 2018, book at least US$5,000 more qualifying \
         Net New Revenue by that day, and make sure that by then a new individual passes MB2-710. \
         That revenue must be dated after July 7, 2017: revenue dated on or before \
         that day leaves the TTM period by July 7, 2018."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &both),
        "Чтобы сохранить Серебряный уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее этого дня нужно получить еще как минимум 5\u{a0}000\u{a0}долларов США \
         чистой прибыли партнера за 12-месячный отчетный период, а также сдать экзамен \
         (новый сотрудник\u{a0}— MB2-710). Эта прибыль должна быть получена после \
         7\u{a0}июля 2017\u{a0}г.: прибыль, полученная в этот день или раньше, выйдет из \
         12-месячного отчетного периода не позднее 7\u{a0}июля 2018\u{a0}г."
    );
    // Exams due earlier, revenue on the horizon day: only the revenue's
    // day is the horizon's.
    let later = KeepPlan {
        deadline: Date::ymd(2018, 1, 1),
        exams_by: Date::ymd(2018, 1, 1),
        ..both
    };
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &later),
        "Чтобы сохранить Серебряный уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее 1\u{a0}января 2018\u{a0}г. нужно сдать экзамен (новый \
         сотрудник\u{a0}— MB2-710), а не позднее 7\u{a0}июля 2018\u{a0}г.\u{a0}— получить \
         еще как минимум 5\u{a0}000\u{a0}долларов США чистой прибыли партнера за \
         12-месячный отчетный период. Эта прибыль должна быть получена после \
         7\u{a0}июля 2017\u{a0}г.: прибыль, полученная в этот день или раньше, выйдет из \
         12-месячного отчетного периода не позднее 7\u{a0}июля 2018\u{a0}г."
    );
    assert_eq!(
        explanation(&r, Locale::EnUs, &submission, &later),
        "To keep Silver through July 7, 2018, book at least US$5,000 more qualifying \
         Net New Revenue by that day, and make sure that, by January 1, 2018, a new individual \
         passes MB2-710. That revenue must be dated after July 7, 2017: revenue dated on \
         or before that day leaves the TTM period by July 7, 2018."
    );
}

/// Several people "each pass" the group's exam, «каждый по одному экзамену
/// группы …»: a single exam stays as it is.
#[test]
fn several_people_are_offered_one_of_only_a_group_of_several_exams() {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    let application: &[&str] = &["MB2-714", "MB2-713", "MB2-709"];
    let cases: [(Vec<crate::rules::GapStep>, &str, &str); 2] = [
        (
            vec![
                new_individual(0, &[(1, &["MB2-710"])]),
                new_individual(0, &[(1, &["MB2-710"])]),
            ],
            "two new individuals each pass MB2-710",
            "два новых сотрудника\u{a0}— каждый MB2-710",
        ),
        (
            vec![
                new_individual(0, &[(0, application), (1, &["MB2-710", "MB2-706"])]),
                new_individual(0, &[(0, application), (1, &["MB2-710", "MB2-706"])]),
            ],
            "two new individuals each pass one exam from the application group and one exam from the deployment group",
            "два новых сотрудника\u{a0}— каждый по одному из группы «приложения» и по одному из группы «развертывание»",
        ),
    ];
    for (steps, en, ru) in cases {
        let plan = exams_plan(Level::Gold, steps);
        let en_text = explanation(&r, Locale::EnUs, &nobody(), &plan);
        assert!(en_text.contains(en), "{en_text}");
        let ru_text = explanation(&r, Locale::RuRu, &nobody(), &plan);
        assert!(ru_text.contains(ru), "{ru_text}");
    }
}

/// Revenue due on the deadline and exams only later (the level is lost on
/// the deadline through its revenue; its seats empty later): each has its
/// own day, the earlier first in Russian, the revenue first in English.
#[test]
fn exams_due_after_the_revenue_have_their_own_day() {
    use crate::rules::outlook::{Cause, Change, Direction, Requirement};
    use crate::rules::{ExamPass, Individual, Money};
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    let submission = Submission {
        individuals: vec![Individual {
            id: "o1".into(),
            display_name: "Olga Kuznetsova".into(),
            exams: vec![ExamPass {
                code: "MB2-709".into(),
                passed_on: None,
            }],
        }],
        ..nobody()
    };
    // What the rules find on March 1: Olga's pass stops counting.
    let lost = Change {
        on: Date::ymd(2018, 3, 1),
        edition: &CLOUD_CRM_2017_11,
        requirements: vec![Requirement::Exams],
        qualifying_before: Money::ZERO,
        qualifying: Money::ZERO,
        threshold: Money::from_units(100_000),
        causes: vec![Cause::Pass {
            individual: 0,
            pass: 0,
            code: "MB2-709",
            direction: Direction::Stops,
        }],
        records_not_listed: 0,
        passes_not_listed: 0,
        records_not_listed_starting: 0,
        passes_not_listed_starting: 0,
    };
    let plan = KeepPlan {
        revenue_needed: Money::from_units(5_000),
        revenue_dated_after: Some(Date::ymd(2017, 7, 7)),
        revenue_by: Date::ymd(2018, 1, 1),
        exams_by: Date::ymd(2018, 3, 1),
        exams_lost: Some(lost),
        ..exams_plan(Level::Silver, vec![new_individual(0, &[(1, &["MB2-710"])])])
    };
    assert_eq!(
        explanation(&r, Locale::EnUs, &submission, &plan),
        "To keep Silver through July 7, 2018, book at least US$5,000 more qualifying \
         Net New Revenue by January 1, 2018, and make sure that, by March 1, 2018, a new individual \
         passes MB2-710. That revenue must be dated after July 7, 2017: revenue dated on or \
         before that day leaves the TTM period by July 7, 2018. Without the additional \
         pass, the exam requirements would no longer be met on March 1, 2018, when Olga \
         Kuznetsova’s MB2-709 pass stops counting."
    );
    assert_eq!(
        explanation(&r, Locale::RuRu, &submission, &plan),
        "Чтобы сохранить Серебряный уровень по 7\u{a0}июля 2018\u{a0}г. включительно, \
         не позднее 1\u{a0}января 2018\u{a0}г. нужно получить еще как минимум \
         5\u{a0}000\u{a0}долларов США чистой прибыли партнера за 12-месячный отчетный \
         период, а не позднее 1\u{a0}марта 2018\u{a0}г.\u{a0}— сдать экзамен (новый \
         сотрудник\u{a0}— MB2-710). Эта прибыль должна быть получена после \
         7\u{a0}июля 2017\u{a0}г.: прибыль, полученная в этот день или раньше, выйдет из \
         12-месячного отчетного периода не позднее 7\u{a0}июля 2018\u{a0}г. \
         Если не сдать этот экзамен, 1\u{a0}марта 2018\u{a0}г. \
         требования к экзаменам больше не будут выполнены: в этот день перестанет \
         засчитываться результат экзамена MB2-709 (сотрудник Olga Kuznetsova)."
    );
    let answer = super::plan(&r, Locale::EnUs, &submission, &plan);
    assert_eq!(answer.exams_deadline, Some(pb_date(Date::ymd(2018, 3, 1))));
    let lost = answer.exams_lost.expect("exams_lost");
    assert_eq!(lost.changes_on, Some(pb_date(Date::ymd(2018, 3, 1))));
    assert_eq!(lost.requirements_changing, ["exams"]);
    assert_eq!(lost.causes.len(), 1);
    assert_eq!(
        answer.revenue_deadline,
        Some(pb_date(Date::ymd(2018, 1, 1)))
    );
}
