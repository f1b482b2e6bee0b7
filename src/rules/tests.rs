//! The source document's requirements, one by one.

use super::catalog::{CLOUD_CRM, CLOUD_CRM_2017_07, CLOUD_CRM_2017_11};
use super::*;

const AS_OF: Date = Date::ymd(2017, 7, 7);

fn record(units: i64, product: Product, booked_on: Date, dpor: bool) -> RevenueRecord {
    RevenueRecord {
        product,
        amount: Money::from_units(units),
        booked_on,
        digital_partner_of_record: dpor,
    }
}

fn qualifying(amount: Money) -> RevenueRecord {
    RevenueRecord {
        product: Product::CrmOnline,
        amount,
        booked_on: Date::ymd(2017, 1, 15),
        digital_partner_of_record: true,
    }
}

fn person(id: &str, codes: &[&str]) -> Individual {
    Individual {
        id: id.to_string(),
        display_name: String::new(),
        exams: codes
            .iter()
            .map(|c| ExamPass {
                code: c.to_string(),
                passed_on: Some(Date::ymd(2017, 1, 1)),
            })
            .collect(),
    }
}

fn submission(
    market: Market,
    revenue: Vec<RevenueRecord>,
    individuals: Vec<Individual>,
) -> Submission {
    Submission {
        partner_id: "p-1".into(),
        market,
        revenue,
        individuals,
    }
}

fn eval(s: &Submission) -> Evaluation {
    evaluate(&CLOUD_CRM_2017_07, AS_OF, s)
}

fn silver(e: &Evaluation) -> &LevelOutcome {
    &e.levels[0]
}
fn gold(e: &Evaluation) -> &LevelOutcome {
    &e.levels[1]
}

/// Two people for Silver, four for Gold, all fully qualified.
fn gold_team() -> Vec<Individual> {
    vec![
        person("a1", &["MB2-714", "MB2-710"]),
        person("a2", &["MB2-713", "MB2-706"]),
        person("c1", &["MB2-712"]),
        person("c2", &["MB2-707"]),
    ]
}

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
    let gap = silver(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (3, 0));
    let who: Vec<_> = gap.steps.iter().map(|s| s.individual).collect();
    assert_eq!(who, vec![Some(0), Some(1)]);
    let gap = gold(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (6, 1));
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
    let s = submission(
        Market::Developed,
        vec![
            qualifying(Money::from_units(100_000)),
            RevenueRecord {
                booked_on: Date::ymd(2018, 6, 1),
                ..qualifying(Money::from_units(100_000))
            },
        ],
        vec![
            person("m", &["MB2-709", "MB2-710"]),
            person("c", &["MB2-712"]),
        ],
    );
    let last = Date::ymd(2018, 12, 31);
    let e = evaluate(&CLOUD_CRM_2017_11, last, &s);
    assert!(silver(&e).exams.met);
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
    let who: Vec<_> = gap.steps.iter().map(|s| s.individual).collect();
    assert_eq!(who, vec![Some(0), Some(1), Some(2), Some(3)]);
}

#[test]
fn every_catalog_level_fits_the_seat_assignment_tables() {
    for edition in catalog::editions() {
        assert!(edition.groups.len() <= exams::MAX_GROUPS, "{}", edition.id);
        for level in edition.levels {
            assert!(level.seats.len() <= exams::MAX_SEAT_KINDS, "{}", edition.id);
            let states: usize = level.seats.iter().map(|s| s.count as usize + 1).product();
            assert!(states <= exams::MAX_SEAT_STATES, "{}", edition.id);
        }
    }
}

// Issue 23: one result, and a consistent answer.

fn dated(id: &str, passes: &[(&str, Date)]) -> Individual {
    Individual {
        id: id.to_string(),
        display_name: String::new(),
        exams: passes
            .iter()
            .map(|(code, on)| ExamPass {
                code: code.to_string(),
                passed_on: Some(*on),
            })
            .collect(),
    }
}

#[test]
fn a_step_proposes_only_exams_that_can_be_taken_that_day() {
    let s = submission(Market::Developed, vec![], vec![]);
    let app = |day: Date| {
        let e = evaluate(CLOUD_CRM.edition_in_force(day), day, &s);
        let gap = silver(&e).gap.clone().expect("gap");
        gap.steps[0].exams[0].one_of.clone()
    };
    // MB2-709 until it retires, MB2-877 from January 2018.
    assert!(app(Date::ymd(2017, 12, 31)).contains(&"MB2-709"));
    assert!(!app(Date::ymd(2017, 12, 31)).contains(&"MB2-877"));
    assert!(!app(Date::ymd(2018, 1, 1)).contains(&"MB2-709"));
    assert!(app(Date::ymd(2018, 1, 1)).contains(&"MB2-877"));
    assert!(!app(Date::ymd(2018, 12, 1)).contains(&"MB2-709"));
    // A calendar fact: the July edition, pinned, does not propose it either.
    let e = evaluate(&CLOUD_CRM_2017_07, Date::ymd(2018, 12, 1), &s);
    let gap = silver(&e).gap.clone().expect("gap");
    assert_eq!(gap.steps[0].exams[0].one_of, vec!["MB2-714", "MB2-713"]);
}

#[test]
fn a_listed_individuals_step_names_their_future_dated_pass() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![
            person("a", &["MB2-714", "MB2-710"]),
            dated("ivan", &[("MB2-712", Date::ymd(2017, 8, 1))]),
        ],
    );
    let e = eval(&s);
    let gap = silver(&e).gap.as_ref().expect("gap");
    let step = gap
        .steps
        .iter()
        .find(|s| s.individual == Some(1))
        .expect("Ivan's step");
    assert_eq!(
        step.pending,
        vec![PendingPass {
            group: 2,
            code: "MB2-712",
            counts_from: Date::ymd(2017, 8, 1),
        }]
    );
}

#[test]
fn repeat_listings_are_never_counted_as_why_seats_are_empty() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![person("a", &["MB2-714", "MB2-714", "AZ-900"])],
    );
    let e = eval(&s);
    assert_eq!(e.warnings.len(), 2);
    // Only the unknown code may be why: the repeat counts once anyway.
    assert_eq!(silver(&e).exams.passes_not_counting, 1);
}

#[test]
fn exclusions_are_nets_per_reason_with_their_records() {
    let s = submission(
        Market::Developed,
        vec![
            record(30_000, Product::CrmOnline, Date::ymd(2015, 1, 1), true),
            record(-30_000, Product::CrmOnline, Date::ymd(2015, 2, 1), true),
            record(5_000, Product::Other, Date::ymd(2017, 1, 1), true),
            record(-7_000, Product::Other, Date::ymd(2017, 2, 1), true),
        ],
        vec![],
    );
    let e = eval(&s);
    let got: Vec<Excluded> = e.revenue.exclusions().collect();
    assert_eq!(
        got,
        vec![
            Excluded {
                reason: Exclusion::OutsidePeriod,
                net: Money::ZERO,
                records: 2,
            },
            Excluded {
                reason: Exclusion::OtherProduct,
                net: Money::from_units(-2_000),
                records: 2,
            },
        ]
    );
    assert_eq!(
        e.records,
        vec![
            Some(Exclusion::OutsidePeriod),
            Some(Exclusion::OutsidePeriod),
            Some(Exclusion::OtherProduct),
            Some(Exclusion::OtherProduct),
        ]
    );
}

#[test]
fn the_outlook_starts_from_todays_result() {
    let s = submission(
        Market::Developed,
        vec![qualifying(Money::from_units(100_000))],
        vec![
            person("a", &["MB2-714", "MB2-710"]),
            dated("c", &[("MB2-712", Date::ymd(2017, 8, 1))]),
        ],
    );
    let a = answer(Editions::Pinned(&CLOUD_CRM_2017_07), AS_OF, &s, true);
    assert!(!a.today.levels[0].attained);
    let silver = a.outlook_of(Level::Silver).expect("outlook");
    assert!(!silver.attained);
    assert_eq!(
        silver.change.as_ref().map(|c| c.on),
        Some(Date::ymd(2017, 8, 1))
    );
}

#[test]
fn answers_stay_within_years_1_to_9999() {
    use super::answer::{in_range, FIRST_AS_OF, LAST_AS_OF};
    assert_eq!(Period::ttm(FIRST_AS_OF).start, Date::ymd(1, 1, 1));
    assert_eq!(outlook::horizon_end(LAST_AS_OF), Date::ymd(9999, 12, 31));
    assert!(in_range(FIRST_AS_OF) && in_range(LAST_AS_OF));
    assert!(!in_range(FIRST_AS_OF.previous_day()) && !in_range(LAST_AS_OF.next_day()));
    assert_eq!(
        outlook::horizon_end(Date::ymd(9999, 12, 31)),
        Date::ymd(9999, 12, 31)
    );
}

/// The evaluation of `people` with revenue that meets both thresholds, so
/// that only the exams decide.
fn revenue_met(people: Vec<Individual>) -> Evaluation {
    eval(&submission(
        Market::Developed,
        vec![qualifying(Money::from_units(400_000))],
        people,
    ))
}

#[test]
fn a_step_that_moves_someone_names_the_seat_they_leave() {
    // Carol holds Silver's customization seat today and has an application
    // exam; Dave can take her seat as he is. Moving Carol costs one
    // deployment exam, where a new individual would need two.
    let e = revenue_met(vec![
        person("c1", &["MB2-712", "MB2-714"]),
        person("d1", &["MB2-707"]),
    ]);
    let edition = &CLOUD_CRM_2017_07;
    let role = |id: &str| edition.roles.iter().position(|r| r.id == id);
    let customization = silver(&e)
        .exams
        .seats
        .iter()
        .find(|seat| Some(seat.role) == role("customization"))
        .expect("seat");
    assert_eq!(customization.individual, Some(0), "Carol's seat today");
    let gap = silver(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (1, 0));
    let [carol] = gap.steps.as_slice() else {
        panic!("one step: {:?}", gap.steps);
    };
    assert_eq!(carol.individual, Some(0));
    assert_eq!(Some(carol.role), role("application-deployment"));
    assert_eq!(carol.moves_from, role("customization"));
    assert_eq!(carol.freed_for, Some(1), "Dave takes the seat she leaves");
}

#[test]
fn nobody_is_moved_when_a_plan_without_moves_costs_the_same() {
    // e14: moving Carol (customization today, with an application exam)
    // to an application-and-deployment seat costs one exam and leaves both
    // customization seats to new individuals: three exams and two new
    // individuals, as when she stays and the new individuals take an
    // application-and-deployment seat and a customization seat. The plan
    // that moves fewer people wins: Carol keeps her seat.
    let e = revenue_met(vec![
        person("a1", &["MB2-714", "MB2-710"]),
        person("c1", &["MB2-712", "MB2-714"]),
    ]);
    let gap = gold(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (3, 2));
    assert!(gap
        .steps
        .iter()
        .all(|s| s.individual.is_none() && s.moves_from.is_none()));
}

#[test]
fn nobody_is_moved_when_someone_else_can_take_the_same_exam() {
    // Carol and Erin both hold customization and application exams; Carol
    // has Silver's customization seat today. Moving Carol (one deployment
    // exam) and seating Erin in her place costs what Erin's own deployment
    // exam costs: the plan moves nobody.
    let e = revenue_met(vec![
        person("c1", &["MB2-712", "MB2-714"]),
        person("e1", &["MB2-712", "MB2-714"]),
    ]);
    let gap = silver(&e).gap.as_ref().expect("gap");
    let [erin] = gap.steps.as_slice() else {
        panic!("one step: {:?}", gap.steps);
    };
    assert_eq!(erin.individual, Some(1));
    assert_eq!((erin.moves_from, erin.freed_for), (None, None));
}

#[test]
fn two_people_moved_from_one_role_leave_their_seats_to_two_others() {
    // Gold: Carol and Erin hold both customization seats and have an
    // application exam each; Dave and Frank can take customization seats as
    // they are. Moving Carol and Erin (a deployment exam each) is cheaper
    // than any plan that keeps them; each freed seat goes to its own taker.
    let e = revenue_met(vec![
        person("c1", &["MB2-712", "MB2-714"]),
        person("e1", &["MB2-712", "MB2-714"]),
        person("d1", &["MB2-707"]),
        person("f1", &["MB2-712"]),
    ]);
    let edition = &CLOUD_CRM_2017_07;
    let customization = edition.roles.iter().position(|r| r.id == "customization");
    let gap = gold(&e).gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (2, 0));
    let mut takers: Vec<Option<usize>> = gap
        .steps
        .iter()
        .map(|step| {
            assert_eq!(step.moves_from, customization);
            step.freed_for
        })
        .collect();
    takers.sort_unstable();
    assert_eq!(takers, [Some(2), Some(3)], "Dave and Frank, one seat each");
}

#[test]
fn a_step_says_through_which_day_a_retiring_exam_counts_only_before_that_day() {
    let mb2_709 = CLOUD_CRM_2017_11
        .groups
        .iter()
        .flat_map(|g| g.exams)
        .find(|e| e.code == "MB2-709")
        .expect("MB2-709");
    let until = Date::ymd(2018, 12, 31);
    assert_eq!(counts_until(mb2_709, Date::ymd(2017, 12, 31)), Some(until));
    assert_eq!(counts_until(mb2_709, until), None);
    let in_july = CLOUD_CRM_2017_07
        .groups
        .iter()
        .flat_map(|g| g.exams)
        .find(|e| e.code == "MB2-709")
        .expect("MB2-709");
    assert_eq!(counts_until(in_july, Date::ymd(2017, 12, 31)), None);
}
