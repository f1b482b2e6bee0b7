//! The source document's requirements, one by one.

use super::super::catalog::{CLOUD_CRM, CLOUD_CRM_2017_07, CLOUD_CRM_2017_11};
use super::*;

#[test]
fn thresholds_at_just_below_and_just_above_in_both_markets() {
    let nano = Money::from_parts(0, 1);
    for (market, silver_t, gold_t) in [
        (Market::Developed, 100_000, 300_000),
        (Market::Developing, 50_000, 150_000),
    ] {
        for (level, threshold) in [(0usize, silver_t), (1, gold_t)] {
            let t = Money::from_units(threshold);
            for (amount, met) in [(t, true), (t - nano, false), (t + nano, true)] {
                let e = eval(&submission(market, vec![qualifying(amount)], gold_team()));
                let outcome = &e.levels[level];
                assert_eq!(outcome.revenue.threshold, t);
                assert_eq!(outcome.revenue.met, met, "{market:?} {level} {amount:?}");
                assert_eq!(outcome.attained, met);
                let shortfall = if met { Money::ZERO } else { nano };
                assert_eq!(outcome.revenue.shortfall, shortfall);
                if !met {
                    let gap = outcome.gap.as_ref().expect("gap");
                    assert_eq!(gap.revenue_shortfall, nano);
                    assert_eq!(gap.additional_exams, 0);
                    assert!(gap.steps.is_empty());
                }
            }
        }
    }
}

#[test]
fn attained_level_is_the_highest_met() {
    let team = gold_team();
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(300_000))],
        team.clone(),
    ));
    assert_eq!(e.attained, Some(Level::Gold));
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(299_999))],
        team.clone(),
    ));
    assert_eq!(e.attained, Some(Level::Silver));
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(99_999))],
        team,
    ));
    assert_eq!(e.attained, None);
    assert!(silver(&e).gap.is_some() && gold(&e).gap.is_some());
}

#[test]
fn each_exclusion_reason_is_totalled_under_the_first_reason_it_fails() {
    let inside = Date::ymd(2017, 3, 1);
    let records = vec![
        record(1, Product::CrmOnline, inside, true), // counts
        record(2, Product::Dynamics365Plan1, Date::ymd(2016, 7, 8), true), // first day counts
        record(4, Product::CrmOnline, Date::ymd(2016, 7, 7), true), // day before the period
        record(8, Product::CrmOnline, Date::ymd(2017, 7, 8), true), // after as_of
        record(16, Product::Other, inside, true),    // other product
        record(32, Product::CrmOnline, inside, false), // no DPOR
        record(64, Product::Other, Date::ymd(2015, 1, 1), false), // all three: outside period
        record(128, Product::Other, inside, false),  // product before DPOR
    ];
    let e = eval(&submission(Market::Developed, records, vec![]));
    assert_eq!(e.revenue.qualifying, Money::from_units(3));
    assert_eq!(e.revenue.excluded_outside_period, Money::from_units(4 + 64));
    assert_eq!(e.revenue.excluded_after_as_of, Money::from_units(8));
    assert_eq!(e.revenue.records_excluded, [2, 1, 2, 1]);
    assert_eq!(
        e.revenue.excluded_other_product,
        Money::from_units(16 + 128)
    );
    assert_eq!(e.revenue.excluded_without_dpor, Money::from_units(32));
    assert_eq!(
        e.period,
        Period {
            start: Date::ymd(2016, 7, 8),
            end: AS_OF
        }
    );
}

#[test]
fn credits_reduce_net_revenue_and_cents_are_exact() {
    let records = vec![
        qualifying(Money::from_units(100_000)),
        qualifying(Money::from_parts(-0, -10_000_000)), // a one-cent credit
    ];
    let e = eval(&submission(Market::Developed, records, gold_team()));
    assert_eq!(e.revenue.qualifying, Money::from_parts(99_999, 990_000_000));
    assert!(!silver(&e).revenue.met);
    assert_eq!(
        silver(&e).revenue.shortfall,
        Money::from_parts(0, 10_000_000)
    );
}

#[test]
fn silver_exams_need_application_and_deployment_from_one_person_and_customization_from_another() {
    let rev = vec![qualifying(Money::from_units(100_000))];
    let ok = eval(&submission(
        Market::Developed,
        rev.clone(),
        vec![
            person("a", &["MB2-709", "MB2-706"]),
            person("c", &["MB2-707"]),
        ],
    ));
    assert!(silver(&ok).exams.met);
    assert_eq!(ok.attained, Some(Level::Silver));
    let seats = &silver(&ok).exams.seats;
    assert_eq!(seats.len(), 2);
    assert_eq!(seats[0].individual, Some(0));
    assert_eq!(seats[0].exams_counted, vec!["MB2-709", "MB2-706"]);
    assert_eq!(seats[1].individual, Some(1));
    assert_eq!(seats[1].exams_counted, vec!["MB2-707"]);

    // Application and deployment split across two people fills no seat of that role.
    let split = eval(&submission(
        Market::Developed,
        rev,
        vec![
            person("a", &["MB2-714"]),
            person("d", &["MB2-710"]),
            person("c", &["MB2-712"]),
        ],
    ));
    assert!(!silver(&split).exams.met);
    let gap = silver(&split).gap.as_ref().expect("gap");
    assert_eq!(gap.additional_exams, 1);
    assert_eq!(gap.additional_individuals, 0);
    assert_eq!(gap.steps.len(), 1);
    assert_eq!(gap.steps[0].individual, Some(0), "the earlier of a and d");
    assert_eq!(gap.steps[0].exams[0].one_of, vec!["MB2-710", "MB2-706"]);
}

#[test]
fn one_person_holding_every_exam_fills_only_one_seat() {
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(1_000_000))],
        vec![person(
            "all",
            &[
                "MB2-714", "MB2-713", "MB2-709", "MB2-710", "MB2-706", "MB2-712", "MB2-707",
            ],
        )],
    ));
    assert_eq!(e.attained, None);
    let s = silver(&e);
    assert!(!s.exams.met);
    assert_eq!(s.exams.individuals_required, 2);
    assert_eq!(
        s.exams
            .seats
            .iter()
            .filter(|x| x.individual.is_some())
            .count(),
        1
    );
    let gap = s.gap.as_ref().expect("gap");
    // The cheapest way: the one person takes application-deployment, a new
    // individual passes one customization exam.
    assert_eq!((gap.additional_exams, gap.additional_individuals), (1, 1));
    assert_eq!(gap.steps[0].individual, None);
    assert_eq!(
        CLOUD_CRM_2017_07.roles[gap.steps[0].role].id,
        "customization"
    );
}

#[test]
fn gold_blocked_only_by_distinctness() {
    let all = ["MB2-714", "MB2-710", "MB2-712"];
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(300_000))],
        vec![person("x", &all), person("y", &all), person("z", &all)],
    ));
    assert_eq!(e.attained, Some(Level::Silver));
    let g = gold(&e);
    assert!(g.revenue.met);
    assert!(!g.exams.met);
    assert_eq!(
        g.exams
            .seats
            .iter()
            .filter(|s| s.individual.is_some())
            .count(),
        3
    );
    let gap = g.gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (1, 1));
    assert_eq!(
        CLOUD_CRM_2017_07.roles[gap.steps[0].role].id,
        "customization"
    );
}

#[test]
fn the_assignment_is_exact_not_greedy() {
    // A greedy pass that gives "both" the customization seat first leaves
    // application-deployment empty; the exact assignment swaps them.
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(100_000))],
        vec![
            person("both", &["MB2-712", "MB2-714", "MB2-710"]),
            person("c", &["MB2-707"]),
        ],
    ));
    assert!(silver(&e).exams.met);
    assert_eq!(silver(&e).exams.seats[0].individual, Some(0));
    assert_eq!(silver(&e).exams.seats[1].individual, Some(1));
}

#[test]
fn the_cheapest_plan_prefers_a_listed_person_who_lacks_one_exam_over_a_new_individual() {
    let e = eval(&submission(
        Market::Developed,
        vec![],
        vec![
            person("full", &["MB2-714", "MB2-710"]),
            person("half", &["MB2-713"]),
            person("c", &["MB2-712"]),
        ],
    ));
    let gap = gold(&e).gap.as_ref().expect("gap");
    // Gold: a second application-deployment seat (half lacks deployment: 1
    // exam) and a second customization seat (a new individual: 1 exam).
    assert_eq!((gap.additional_exams, gap.additional_individuals), (2, 1));
    let half = &gap.steps[0];
    assert_eq!(half.individual, Some(1));
    assert_eq!(half.exams.len(), 1);
    assert_eq!(
        CLOUD_CRM_2017_07.groups[half.exams[0].group].id,
        "deployment"
    );
    assert_eq!(gap.steps[1].individual, None);
    assert_eq!(gap.revenue_shortfall, Money::from_units(300_000));
}

#[test]
fn a_listed_person_without_exams_is_preferred_to_a_new_one_and_earlier_people_first() {
    let e = eval(&submission(
        Market::Developed,
        vec![],
        vec![person("p1", &[]), person("p2", &[]), person("p3", &[])],
    ));
    let gap = gold(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (6, 1));
    let who: Vec<_> = gap.steps.iter().map(|s| (s.role, s.individual)).collect();
    assert_eq!(
        who,
        vec![(0, Some(0)), (0, Some(1)), (1, Some(2)), (1, None)]
    );
    // Silver's plan follows Gold's: p1 and p3, in the seats Gold gives them.
    let gap = silver(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (3, 0));
    let who: Vec<_> = gap.steps.iter().map(|s| (s.role, s.individual)).collect();
    assert_eq!(who, vec![(0, Some(0)), (1, Some(2))]);
}

#[test]
fn new_individuals_only_where_cheaper() {
    // "app" lacks deployment (1 exam). A customization seat from "app" would
    // cost 1 too, but then application-deployment needs a new person (2).
    let e = eval(&submission(
        Market::Developed,
        vec![],
        vec![person("app", &["MB2-714"])],
    ));
    let gap = silver(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (2, 1));
    assert_eq!(gap.steps[0].individual, Some(0));
    assert_eq!(gap.steps[1].individual, None);
}

#[test]
fn exam_codes_are_normalized_unknown_codes_ignored_and_dates_respected() {
    let mut a = person("a", &["mb2 714", "MB2710", "AZ-900", ""]);
    a.exams.push(ExamPass {
        code: "mb2_712".into(),
        passed_on: Some(Date::ymd(2017, 7, 8)),
    });
    let mut c = person("c", &[]);
    c.exams.push(ExamPass {
        code: "Mb2-707".into(),
        passed_on: None,
    });
    let e = eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(100_000))],
        vec![a, c],
    ));
    assert_eq!(e.attained, Some(Level::Silver));
    assert_eq!(
        silver(&e).exams.seats[0].exams_counted,
        vec!["MB2-714", "MB2-710"]
    );

    // Passed the day after as_of: does not count.
    let late = Individual {
        id: "late".into(),
        display_name: String::new(),
        exams: vec![ExamPass {
            code: "MB2-712".into(),
            passed_on: Some(Date::ymd(2017, 7, 8)),
        }],
    };
    let e = eval(&submission(
        Market::Developed,
        vec![],
        vec![person("a", &["MB2-714", "MB2-710"]), late],
    ));
    assert!(!silver(&e).exams.met);
    // On as_of itself it counts.
    let on_time = Individual {
        id: "on".into(),
        display_name: String::new(),
        exams: vec![ExamPass {
            code: "MB2-712".into(),
            passed_on: Some(AS_OF),
        }],
    };
    let e = eval(&submission(
        Market::Developed,
        vec![],
        vec![person("a", &["MB2-714", "MB2-710"]), on_time],
    ));
    assert!(silver(&e).exams.met);
}

#[test]
fn editions_judge_the_same_submission_differently() {
    let team = vec![
        person("d365", &["MB2-717", "MB2-715"]),
        person("cust", &["MB2-716"]),
    ];
    let s = submission(
        Market::Developing,
        vec![qualifying(Money::from_units(50_000))],
        team,
    );
    let before = Date::ymd(2017, 11, 15);
    let after = Date::ymd(2017, 11, 16);
    let old = evaluate(CLOUD_CRM.edition_in_force(before), before, &s);
    assert_eq!(old.edition.id, "2017-07");
    assert_eq!(old.attained, None);
    let new = evaluate(CLOUD_CRM.edition_in_force(after), after, &s);
    assert_eq!(new.edition.id, "2017-11");
    assert_eq!(new.attained, Some(Level::Silver));
}

#[test]
fn mb2_709_is_accepted_until_the_end_of_2018_in_the_november_edition() {
    let s = mb2_709_silver();
    let last = Date::ymd(2018, 12, 31);
    let e = evaluate(&CLOUD_CRM_2017_11, last, &s);
    assert!(silver(&e).exams.met);
    // The seat it fills says through which day it counts; the other does not.
    let seats = &silver(&e).exams.seats;
    assert_eq!(
        seats[0].counts_until,
        Some(CountsUntil {
            group: 0,
            code: "MB2-709",
            until: last,
            then: None,
        })
    );
    assert_eq!(seats[1].counts_until, None);
    let day_after = last.next_day();
    let e = evaluate(&CLOUD_CRM_2017_11, day_after, &s);
    assert!(!silver(&e).exams.met);
    let gap = silver(&e).gap.as_ref().expect("gap");
    assert_eq!(gap.steps[0].individual, Some(0));
    let choices = &gap.steps[0].exams[0].one_of;
    assert!(!choices.contains(&"MB2-709"), "{choices:?}");
    assert_eq!(
        choices,
        &vec!["MB2-714", "MB2-713", "MB2-717", "MB2-718", "MB2-877"]
    );
    // The July edition, pinned, knows no retirement.
    let e = evaluate(&CLOUD_CRM_2017_07, day_after, &s);
    assert!(silver(&e).exams.met);
}

#[test]
fn linear_sized_inputs_are_handled() {
    let individuals: Vec<_> = (0..10_000)
        .map(|i| person(&format!("p{i}"), &["MB2-714"]))
        .collect();
    let e = eval(&submission(Market::Developed, vec![], individuals));
    let gap = gold(&e).gap.as_ref().expect("gap");
    // Two application holders add deployment (2), two others add customization (2).
    assert_eq!((gap.additional_exams, gap.additional_individuals), (4, 0));
    // Gold's plan seats p0 and p1 (application and deployment), p2 and p3
    // (customization); Silver's follows it with p0 and p2, whom Gold's
    // steps then name first among each kind's.
    let who: Vec<_> = gap.steps.iter().map(|s| s.individual).collect();
    assert_eq!(who, vec![Some(0), Some(1), Some(2), Some(3)]);
    let gap = silver(&e).gap.as_ref().expect("gap");
    let who: Vec<_> = gap.steps.iter().map(|s| s.individual).collect();
    assert_eq!(who, vec![Some(0), Some(2)]);
}

#[test]
fn every_catalog_level_fits_the_seat_assignment_tables() {
    for edition in catalog::editions() {
        assert!(edition.groups.len() <= exams::MAX_GROUPS, "{}", edition.id);
        // Lowest first: the gap plan of each level keeps the people of the
        // plan of the one before it in their seats where it can.
        let levels: Vec<Level> = edition.levels.iter().map(|l| l.level).collect();
        assert_eq!(levels, [Level::Silver, Level::Gold], "{}", edition.id);
        for level in edition.levels {
            assert!(level.seats.len() <= exams::MAX_SEAT_KINDS, "{}", edition.id);
            let states: usize = level.seats.iter().map(|s| s.count as usize + 1).product();
            assert!(states <= exams::MAX_SEAT_STATES, "{}", edition.id);
        }
    }
}
