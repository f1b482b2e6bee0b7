//! The keep plan when two unfilled states bind, neither below the other:
//! checked against its definition (the plan's passes keep the level).

use super::*;

/// An edition with three acceptance ends (no catalog edition has more than
/// one): what individuals hold shrinks twice, so that two unfilled states
/// bind, neither below the other.
static THREE_ENDS: Edition = Edition {
    id: "three-ends",
    in_force_from: None,
    revenue: CLOUD_CRM_2017_11.revenue,
    groups: &[
        ExamGroup {
            id: "application",
            exams: &[
                Exam {
                    code: "MB2-713",
                    retiring_on: None,
                    accepted_until: Some(Date::ymd(2018, 12, 31)),
                },
                Exam::new("MB2-714"),
            ],
        },
        ExamGroup {
            id: "deployment",
            exams: &[
                Exam {
                    code: "MB2-706",
                    retiring_on: None,
                    accepted_until: Some(Date::ymd(2018, 9, 30)),
                },
                Exam::new("MB2-710"),
            ],
        },
        ExamGroup {
            id: "customization",
            exams: &[
                Exam {
                    code: "MB2-707",
                    retiring_on: None,
                    accepted_until: Some(Date::ymd(2018, 12, 31)),
                },
                Exam::new("MB2-712"),
            ],
        },
    ],
    roles: CLOUD_CRM_2017_11.roles,
    levels: CLOUD_CRM_2017_11.levels,
    exams_wording: "at-least",
};

/// `plan`'s passes, dated on the deadline, keep the level through the horizon.
fn keeps(editions: Editions, as_of: Date, s: &Submission, plan: &KeepPlan) -> bool {
    let mut kept = s.clone();
    for step in &plan.steps {
        let i = step.individual.expect("listed");
        for choice in &step.exams {
            kept.individuals[i].exams.push(ExamPass {
                code: choice.one_of[0].to_string(),
                passed_on: Some(plan.deadline),
            });
        }
    }
    let out = outlook_of(editions, as_of, &kept).remove(0);
    out.attained && out.change.is_none()
}

#[test]
fn two_binding_states() {
    // From 2018-10-01 b holds only application (MB2-706 ends), a deployment
    // and customization: unfilled. From 2019-01-01 a holds application
    // (MB2-714 dated that day) and deployment, b nothing: unfilled, and
    // neither state holds less than the other for everyone. One pass does
    // not fill both; a adds application and b customization.
    let d = Some(Date::ymd(2019, 1, 1));
    let s = submission(
        revenue_holding(),
        vec![
            person("a", &[("MB2-710", None), ("MB2-707", None), ("MB2-714", d)]),
            person("b", &[("MB2-713", None), ("MB2-706", None)]),
        ],
    );
    let editions = Editions::Pinned(&THREE_ENDS);
    let as_of = Date::ymd(2018, 6, 1);
    let plan = plan_of(editions, as_of, &s);
    assert_eq!(plan.deadline, Date::ymd(2018, 10, 1));
    assert!(plan.exact);
    assert_eq!((plan.additional_exams, plan.additional_individuals), (2, 0));
    assert!(keeps(editions, as_of, &s, &plan));
}

#[test]
fn two_binding_states_each_with_its_own_seats() {
    // Gold. a: application (MB2-713, through 2018-12-31) and deployment;
    // from 2019-01-01 customization instead of application. b: the reverse
    // (customization through 2018-12-31, application and deployment from
    // 2019-01-01). c: application, deployment through 2018-09-30 (MB2-706).
    // d: customization. From 2018-10-01 one application and deployment seat
    // is open (a's; c lacks deployment), from 2019-01-01 too (b's), the
    // seats a and b fill swapping. One deployment pass by c keeps both;
    // what everyone holds on every day (a: deployment, b: nothing, c:
    // application, d: customization) would take three.
    let d = Some(Date::ymd(2019, 1, 1));
    let s = submission(
        vec![
            record(300_000, Date::ymd(2018, 5, 1)),
            record(300_000, Date::ymd(2018, 12, 1)),
        ],
        vec![
            person("a", &[("MB2-713", None), ("MB2-710", None), ("MB2-712", d)]),
            person("b", &[("MB2-707", None), ("MB2-714", d), ("MB2-710", d)]),
            person("c", &[("MB2-714", None), ("MB2-706", None)]),
            person("d", &[("MB2-712", None)]),
        ],
    );
    let editions = Editions::Pinned(&THREE_ENDS);
    let as_of = Date::ymd(2018, 6, 1);
    let out = outlook_of(editions, as_of, &s).remove(1);
    assert_eq!(out.level, Level::Gold);
    let plan = match keep(editions, &today_of(editions, as_of, &s), &s, &out) {
        Some(Ok(plan)) => plan,
        other => panic!("no plan: {other:?}"),
    };
    assert_eq!(plan.deadline, Date::ymd(2018, 10, 1));
    assert!(plan.exact);
    assert_eq!((plan.additional_exams, plan.additional_individuals), (1, 0));
    assert_eq!(
        plan.steps,
        vec![GapStep {
            role: 0,
            seats: 2,
            individual: Some(2),
            exams: vec![ExamChoice {
                group: 1,
                one_of: vec!["MB2-710"],
            }],
            held: vec!["MB2-714"],
            pending: Vec::new(),
            misdated: Vec::new(),
            not_accepted: Vec::new(),
            // The deployment pass that holds c's seat today and lapses.
            held_until: vec![crate::rules::CountsUntil {
                group: 1,
                code: "MB2-706",
                until: Date::ymd(2018, 9, 30),
                then: None,
            }],
            moves_from: None,
            freed_for: None,
            holder_moves: None,
            // c holds an application and deployment seat today.
            keeps_seat: true,
        }]
    );
    let mut kept = s.clone();
    kept.individuals[2].exams.push(ExamPass {
        code: "MB2-710".into(),
        passed_on: Some(plan.deadline),
    });
    let out = outlook_of(editions, as_of, &kept).remove(1);
    assert!(out.attained && out.change.is_none(), "{out:?}");
}

#[path = "keep_properties.rs"]
mod properties;
