//! The keep plan against hand-derived cases and its definition.

use super::super::super::catalog::{CLOUD_CRM, CLOUD_CRM_2017_07, CLOUD_CRM_2017_11};
use super::super::super::model::{Exam, ExamGroup, Market, Product};
use super::super::super::{ExamPass, Individual, Money, RevenueRecord};
use super::super::tests::{person, record, silver_team, submission};
use super::super::{Editions, LevelOutlook};
use super::*;

/// Silver's outlook and keep plan.
fn silver(
    editions: Editions,
    as_of: Date,
    s: &Submission,
) -> (LevelOutlook, Option<Result<KeepPlan, CannotKeep>>) {
    let out = outlook_of(editions, as_of, s).remove(0);
    assert_eq!(out.level, Level::Silver);
    let plan = keep(editions, &today_of(editions, as_of, s), s, &out);
    (out, plan)
}

fn plan_of(editions: Editions, as_of: Date, s: &Submission) -> KeepPlan {
    match silver(editions, as_of, s).1 {
        Some(Ok(plan)) => plan,
        other => panic!("no plan: {other:?}"),
    }
}

const APPLICATION_OFFERED: [&str; 5] = ["MB2-714", "MB2-713", "MB2-717", "MB2-718", "MB2-877"];

/// 100,000 on 2017-07-07: 30,000 leaves on 2017-09-15 (90,000 with the
/// 20,000 booked on 2017-09-01), 15,000 on 2017-11-01 (75,000, the lowest):
/// 25,000 more keeps Silver until the 85,000 of 2018-06-15 arrives, and
/// after 55,000 leaves on 2018-07-01 (105,000).
fn revenue_leaving() -> Vec<RevenueRecord> {
    vec![
        record(30_000, Date::ymd(2016, 9, 15)),
        record(15_000, Date::ymd(2016, 11, 1)),
        record(55_000, Date::ymd(2017, 7, 1)),
        record(20_000, Date::ymd(2017, 9, 1)),
        record(85_000, Date::ymd(2018, 6, 15)),
    ]
}

#[test]
fn revenue_only_the_larger_shortfall() {
    let s = submission(revenue_leaving(), silver_team());
    let as_of = Date::ymd(2017, 7, 7);
    let plan = plan_of(Editions::Pinned(&CLOUD_CRM_2017_07), as_of, &s);
    assert_eq!(plan.deadline, Date::ymd(2017, 9, 15));
    assert_eq!(plan.horizon_end, Date::ymd(2018, 7, 7));
    assert_eq!(plan.revenue_needed, Money::from_units(25_000));
    // The outlook names 85,000 on 2017-09-15; the 25,000 makes up for the
    // lower 75,000 of 2017-11-01, which the plan names.
    assert_eq!(
        plan.lowest,
        Some(Lowest {
            on: Date::ymd(2017, 11, 1),
            qualifying: Money::from_units(75_000),
        })
    );
    assert_eq!((plan.additional_exams, plan.additional_individuals), (0, 0));
    assert!(plan.steps.is_empty());
    assert!(plan.exact);
    // In force: the 2017-11 edition from 2017-11-16 changes nothing here.
    let in_force = plan_of(Editions::InForce(&CLOUD_CRM), as_of, &s);
    assert_eq!(in_force.revenue_needed, Money::from_units(25_000));
    assert_eq!(in_force.edition, &CLOUD_CRM_2017_07);
}

/// Revenue that stays above 100,000 from 2018-05-01 through 2019-06-01.
fn revenue_holding() -> Vec<RevenueRecord> {
    vec![
        record(100_000, Date::ymd(2018, 5, 1)),
        record(100_000, Date::ymd(2018, 12, 1)),
    ]
}

/// a holds the application-deployment seat through MB2-709 (accepted
/// through 2018-12-31), c the customization seat.
fn team_709() -> Vec<Individual> {
    vec![
        person("a", &[("MB2-709", None), ("MB2-710", None)]),
        person("c", &[("MB2-712", None)]),
    ]
}

#[test]
fn exams_only_mb2_709_across_2018_12_31() {
    let s = submission(revenue_holding(), team_709());
    let as_of = Date::ymd(2018, 6, 1);
    for editions in [
        Editions::InForce(&CLOUD_CRM),
        Editions::Pinned(&CLOUD_CRM_2017_11),
    ] {
        let plan = plan_of(editions, as_of, &s);
        assert_eq!(plan.deadline, Date::ymd(2019, 1, 1));
        assert_eq!(plan.horizon_end, Date::ymd(2019, 6, 1));
        assert_eq!(plan.revenue_needed, Money::ZERO);
        assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
        assert_eq!(
            plan.steps,
            vec![GapStep {
                role: 0,
                seats: 1,
                individual: Some(0),
                exams: vec![ExamChoice {
                    group: 0,
                    one_of: APPLICATION_OFFERED.to_vec(),
                }],
                held: vec!["MB2-710"],
                pending: Vec::new(),
                misdated: Vec::new(),
                not_accepted: Vec::new(),
                // Why she must pass another application exam: her MB2-709,
                // which holds the seat today (review 42 M3).
                held_until: vec![crate::rules::CountsUntil {
                    group: 0,
                    code: "MB2-709",
                    until: Date::ymd(2018, 12, 31),
                    then: None,
                }],
                moves_from: None,
                freed_for: None,
                holder_moves: None,
                // Her application and deployment seat of today.
                keeps_seat: true,
            }]
        );
    }
    // The 2017-07 edition accepts MB2-709 with no end: nothing is lost.
    let (out, plan) = silver(Editions::Pinned(&CLOUD_CRM_2017_07), as_of, &s);
    assert!(out.attained && out.change.is_none() && plan.is_none());
}

#[test]
fn both_revenue_and_exams() {
    // 90,000 from 2019-05-01, when the first 100,000 leaves.
    let mut revenue = revenue_holding();
    revenue[1].amount = Money::from_units(90_000);
    let s = submission(revenue, team_709());
    let plan = plan_of(Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 6, 1), &s);
    assert_eq!(plan.deadline, Date::ymd(2019, 1, 1));
    assert_eq!(plan.revenue_needed, Money::from_units(10_000));
    assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
}

#[test]
fn a_pinned_edition_offers_what_can_be_taken_on_the_deadline() {
    // Pinned 2017-07 on 2018-02-01: MB2-709 retired, MB2-877 not in the table.
    let applied = [(&CLOUD_CRM_2017_07, Date::ymd(2019, 2, 1))];
    let offered = offered(&applied, Date::ymd(2018, 2, 1));
    assert_eq!(offered[0], vec!["MB2-714", "MB2-713"]);
    assert_eq!(offered[1], vec!["MB2-710", "MB2-706"]);
    // Before 2018: MB2-709 still could be taken.
    let offered = super::offered(&applied, Date::ymd(2017, 12, 31));
    assert_eq!(offered[0], vec!["MB2-714", "MB2-713", "MB2-709"]);
    // In force, deadline 2017-12-31: MB2-709 stops counting on 2019-01-01,
    // MB2-877 cannot be taken yet.
    let applied = [(&CLOUD_CRM_2017_11, Date::ymd(2019, 1, 1))];
    let offered = super::offered(&applied, Date::ymd(2017, 12, 31));
    assert_eq!(offered[0], vec!["MB2-714", "MB2-713", "MB2-717", "MB2-718"]);
    // Deadline under 2017-07, horizon under 2017-11: only exams both count.
    let applied = [
        (&CLOUD_CRM_2017_07, Date::ymd(2017, 11, 15)),
        (&CLOUD_CRM_2017_11, Date::ymd(2018, 7, 1)),
    ];
    let offered = super::offered(&applied, Date::ymd(2017, 9, 1));
    assert_eq!(offered[0], vec!["MB2-714", "MB2-713", "MB2-709"]);
    assert_eq!(offered[2], vec!["MB2-712", "MB2-707"]);
}

#[test]
fn pinned_2017_07_keeps_mb2_709_and_asks_for_revenue_only() {
    let mut revenue = revenue_holding();
    revenue[1].amount = Money::from_units(90_000);
    let s = submission(revenue, team_709());
    let plan = plan_of(
        Editions::Pinned(&CLOUD_CRM_2017_07),
        Date::ymd(2018, 6, 1),
        &s,
    );
    assert_eq!(plan.deadline, Date::ymd(2019, 5, 1));
    assert_eq!(plan.revenue_needed, Money::from_units(10_000));
    assert!(plan.steps.is_empty());
    assert_eq!(plan.edition, &CLOUD_CRM_2017_07);
}

#[test]
fn a_credit_entering() {
    // 100,000 booked 2017-06-01 holds through the horizon but for a credit
    // of 12,500.50 booked on 2017-10-01.
    let mut credit = record(0, Date::ymd(2017, 10, 1));
    credit.amount = -Money::from_parts(12_500, 500_000_000);
    let s = submission(
        vec![
            record(100_000, Date::ymd(2017, 6, 1)),
            credit,
            record(100_000, Date::ymd(2018, 5, 1)),
        ],
        silver_team(),
    );
    let plan = plan_of(
        Editions::Pinned(&CLOUD_CRM_2017_07),
        Date::ymd(2017, 7, 7),
        &s,
    );
    assert_eq!(plan.deadline, Date::ymd(2017, 10, 1));
    assert_eq!(plan.revenue_needed, Money::from_parts(12_500, 500_000_000));
}

#[test]
fn the_cheapest_listed_individual_takes_the_seat() {
    // c holds customization; from 2019-01-01 a holds MB2-710, b nothing.
    // One pass by a fills the seat, though b is listed first.
    let s = submission(
        revenue_holding(),
        vec![
            person("b", &[("MB2-709", None)]),
            person("a", &[("MB2-709", None), ("MB2-710", None)]),
            person("c", &[("MB2-712", None)]),
        ],
    );
    let plan = plan_of(Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 6, 1), &s);
    assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
    assert_eq!(plan.steps[0].individual, Some(1));
    // Two alike: the one listed first.
    let s = submission(
        revenue_holding(),
        vec![
            person("x", &[("MB2-709", None), ("MB2-710", None)]),
            person("y", &[("MB2-710", None), ("MB2-709", None)]),
            person("c", &[("MB2-712", None)]),
        ],
    );
    let plan = plan_of(Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 6, 1), &s);
    assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
    assert_eq!(plan.steps[0].individual, Some(0));
}

/// On equal cost the person whose pass stops counting keeps their seat
/// (e48; code review 28): Olga is asked for an application exam, not Nina,
/// who holds no seat today and is listed first, nor Zoe, who would move
/// from her customization seat.
#[test]
fn the_holder_whose_pass_stops_counting_keeps_their_seat() {
    let s = submission(
        revenue_holding(),
        vec![
            person("nina", &[("MB2-710", None)]),
            person("zoe", &[("MB2-712", None), ("MB2-714", None)]),
            person("olga", &[("MB2-709", None), ("MB2-710", None)]),
            person("ivan", &[("MB2-712", None)]),
        ],
    );
    let plan = plan_of(Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 6, 1), &s);
    assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
    let [step] = plan.steps.as_slice() else {
        panic!("one step: {:?}", plan.steps);
    };
    assert_eq!((step.individual, step.keeps_seat), (Some(2), true));
}

/// Olga's and Mark's MB2-709 stop counting on 2019-01-01; Quinn's MB2-715,
/// dated 2018-12-15, qualifies them for an application and deployment seat
/// by then: Gold's plan asks Olga for an exam and has Quinn take over Mark's
/// seat (review 32, M1).
#[test]
fn someone_without_a_seat_takes_over_a_lapsing_holders_seat() {
    let s = submission(
        vec![record(400_000, Date::ymd(2018, 6, 1))],
        vec![
            person("olga", &[("MB2-709", None), ("MB2-710", None)]),
            person("mark", &[("MB2-709", None), ("MB2-706", None)]),
            person("zoe", &[("MB2-712", None)]),
            person("ivan", &[("MB2-716", None)]),
            person(
                "quinn",
                &[
                    ("MB2-714", None),
                    ("MB2-715", Some(Date::ymd(2018, 12, 15))),
                ],
            ),
        ],
    );
    let editions = Editions::InForce(&CLOUD_CRM);
    let as_of = Date::ymd(2018, 10, 1);
    let gold = outlook_of(editions, as_of, &s).remove(1);
    assert_eq!(gold.level, Level::Gold);
    let Some(Ok(plan)) = keep(editions, &today_of(editions, as_of, &s), &s, &gold) else {
        panic!("Gold has a plan");
    };
    assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
    assert_eq!(plan.steps[0].individual, Some(0));
    let role = plan.edition.role_index("application-deployment");
    assert_eq!(
        plan.takes,
        vec![KeepTake {
            individual: 4,
            to: role.expect("role"),
            seats: 2,
            holder: Some(1),
        }]
    );
    assert!(plan.moves.is_empty());
}

#[test]
fn a_level_not_lost_or_not_attained_has_no_plan() {
    let as_of = Date::ymd(2017, 7, 7);
    let s = submission(
        vec![
            record(100_000, Date::ymd(2017, 7, 1)),
            record(100_000, Date::ymd(2017, 12, 1)),
        ],
        silver_team(),
    );
    let (out, plan) = silver(Editions::Pinned(&CLOUD_CRM_2017_07), as_of, &s);
    assert!(out.attained && out.change.is_none() && plan.is_none());
    // Not attained (the gap answers), even when it is won later.
    let s = submission(vec![record(100_000, Date::ymd(2017, 8, 1))], silver_team());
    let (out, plan) = silver(Editions::Pinned(&CLOUD_CRM_2017_07), as_of, &s);
    assert!(!out.attained && out.change.is_some() && plan.is_none());
}

/// An edition whose application group has only MB2-709.
static ONLY_709: Edition = Edition {
    id: "only-709",
    in_force_from: None,
    revenue: CLOUD_CRM_2017_11.revenue,
    groups: &[
        ExamGroup {
            id: "application",
            exams: &[Exam {
                code: "MB2-709",
                retiring_on: Some(Date::ymd(2017, 12, 31)),
                accepted_until: Some(Date::ymd(2018, 12, 31)),
            }],
        },
        ExamGroup {
            id: "deployment",
            exams: &[Exam::new("MB2-710")],
        },
        ExamGroup {
            id: "customization",
            exams: &[Exam::new("MB2-712")],
        },
    ],
    roles: CLOUD_CRM_2017_11.roles,
    levels: CLOUD_CRM_2017_11.levels,
    exams_wording: "at-least",
};

#[test]
fn no_exam_can_be_taken_no_plan() {
    let s = submission(revenue_holding(), team_709());
    let (out, plan) = silver(Editions::Pinned(&ONLY_709), Date::ymd(2018, 6, 1), &s);
    assert_eq!(out.change.map(|c| c.on), Some(Date::ymd(2019, 1, 1)));
    assert_eq!(
        plan,
        Some(Err(CannotKeep {
            level: Level::Silver,
            deadline: Date::ymd(2019, 1, 1),
            horizon_end: Date::ymd(2019, 6, 1),
            edition: &ONLY_709,
            why: Why::NoExam {
                group: 0,
                on: Date::ymd(2019, 1, 1),
                by: Date::ymd(2019, 1, 1),
            },
        }))
    );
}

/// Plans whose exams two states bind at once.
#[path = "keep_binding_tests.rs"]
mod binding;

/// The outlook of `s` on `as_of`, from today's evaluation (as
/// `rules::answer` computes it).
fn today_of(editions: Editions, as_of: Date, s: &Submission) -> crate::rules::Evaluation {
    crate::rules::evaluate::evaluate(editions.on(as_of), as_of, s)
}

fn outlook_of(editions: Editions, as_of: Date, s: &Submission) -> Vec<super::super::LevelOutlook> {
    crate::rules::outlook::outlook(editions, &today_of(editions, as_of, s), s)
}

/// A plan that asks for revenue asks for it dated after `as_of`, as revenue
/// of that day leaves the TTM period by the horizon's last day (review 40,
/// M6), except where a February 29 falls within the year: from one,
/// revenue of that day stays through February 28 a year later, the
/// horizon's last day (review 41, M5; code review 31, L2).
#[test]
fn revenue_is_dated_after_as_of_unless_that_days_revenue_lasts() {
    // Silver on 100,000 booked a month before, which leaves within the year.
    let dated_after = |as_of: Date| {
        let booked = Date::ymd(as_of.year(), as_of.month(), 1);
        let s = submission(vec![record(100_000, booked)], silver_team());
        plan_of(Editions::Pinned(&CLOUD_CRM_2017_11), as_of, &s).revenue_dated_after
    };
    let as_of = Date::ymd(2020, 3, 20);
    assert_eq!(dated_after(as_of), Some(as_of));
    assert_eq!(dated_after(Date::ymd(2020, 2, 29)), None);
    assert_eq!(dated_after(Date::ymd(2019, 3, 20)), None);
}
