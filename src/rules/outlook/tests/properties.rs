//! The outlook against evaluating every day, on generated submissions.

use super::super::state::RevenueDays;
use super::*;
use proptest::prelude::*;

const CODES: [&str; 10] = [
    "MB2-714", "MB2-709", "MB2-717", "MB2-710", "MB2-715", "MB2-712", "MB2-716", "MB2-707",
    "MB2-877", "AZ-900",
];

fn day(base: Date) -> impl Strategy<Value = Date> {
    (-400i64..=400).prop_map(move |n| base.plus_days(n))
}

fn submissions() -> impl Strategy<Value = (Date, bool, Submission)> {
    let base = Date::ymd(2017, 12, 1);
    let records =
        proptest::collection::vec((-40i64..=80, day(base), 0usize..3, any::<bool>()), 0..8);
    let people = proptest::collection::vec(
        proptest::collection::vec(
            (0..CODES.len(), proptest::option::weighted(0.7, day(base))),
            0..4,
        ),
        0..6,
    );
    (day(base), any::<bool>(), records, people).prop_map(|(as_of, pinned, records, people)| {
        let products = [
            Product::CrmOnline,
            Product::Dynamics365Plan1,
            Product::Other,
        ];
        let revenue = records
            .into_iter()
            .map(|(k, booked_on, p, dpor)| RevenueRecord {
                product: products[p],
                amount: Money::from_units(k * 2_500),
                booked_on,
                digital_partner_of_record: dpor,
            })
            .collect();
        let individuals = people
            .into_iter()
            .enumerate()
            .map(|(i, passes)| Individual {
                id: format!("i{i}"),
                display_name: String::new(),
                exams: passes
                    .into_iter()
                    .map(|(c, passed_on)| ExamPass {
                        code: CODES[c].to_string(),
                        passed_on,
                    })
                    .collect(),
            })
            .collect();
        let mut s = submission(revenue, individuals);
        s.market = if pinned {
            Market::Developing
        } else {
            Market::Developed
        };
        (as_of, pinned, s)
    })
}

proptest! {
    /// Per-day tables (large submissions) and sorted records (small
    /// ones) give the same sums on every day, and the same days.
    #[test]
    fn both_ways_of_summing_revenue_agree((as_of, _, s) in submissions()) {
        let days = super::super::state::Days::new(as_of, as_of.plus_days(HORIZON_DAYS));
        let editions: Vec<&'static Edition> = CLOUD_CRM.editions.iter().collect();
        let sorted = RevenueDays::build(&days, &editions, &s.revenue, usize::MAX);
        let per_day = RevenueDays::build(&days, &editions, &s.revenue, 0);
        prop_assert_eq!(sorted.changes(&days), per_day.changes(&days));
        for n in 0..=HORIZON_DAYS {
            let day = as_of.plus_days(n);
            for e in &editions {
                prop_assert_eq!(
                    sorted.qualifying(&days, e, day),
                    per_day.qualifying(&days, e, day)
                );
            }
        }
        let e = evaluate(&CLOUD_CRM_2017_11, as_of, &s);
        prop_assert_eq!(sorted.qualifying(&days, &CLOUD_CRM_2017_11, as_of), e.revenue.qualifying);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn the_sweep_agrees_with_evaluating_every_day(
        (as_of, pinned, s) in submissions(),
        edition in 0usize..2,
    ) {
        let editions = if pinned {
            Editions::Pinned(&super::super::super::catalog::COMPETENCIES[0].editions[edition])
        } else {
            Editions::InForce(&CLOUD_CRM)
        };
        let out = outlook(editions, as_of, &s);
        prop_assert_eq!(changes(editions, as_of, &s), by_every_day(editions, as_of, &s));
        // The later changes: lost again (not attained today), or won again
        // and then lost again (attained today).
        let later: Vec<Vec<Date>> = out
            .iter()
            .map(|l| {
                let (first, second) = if l.attained {
                    (&l.won_again, &l.lost_again)
                } else {
                    (&l.lost_again, &None)
                };
                first.iter().chain(second).map(|c| c.on).collect()
            })
            .collect();
        let expected: Vec<Vec<Date>> = later_changes_by_every_day(editions, as_of, &s)
            .into_iter()
            .zip(&out)
            .map(|(days, l)| days.into_iter().take(if l.attained { 2 } else { 1 }).collect())
            .collect();
        prop_assert_eq!(later, expected);
        for l in &out {
            let now = evaluate(editions.on(as_of), as_of, &s);
            let level = now.levels.iter().find(|x| x.level == l.level).expect("level");
            prop_assert_eq!(l.attained, level.attained);
            if let Some(c) = &l.change {
                check_change(editions, &s, l.level, c, l.attained)?;
            }
            if let Some(c) = &l.won_again {
                check_change(editions, &s, l.level, c, false)?;
            }
            if let Some(c) = &l.lost_again {
                check_change(editions, &s, l.level, c, true)?;
            }
        }
    }
}

/// A change of `level` against evaluating its day and the day before:
/// `attained` goes from `was` to its opposite, with the evaluation's
/// qualifying revenue and flipped requirements, and at least one cause.
fn check_change(
    editions: Editions,
    s: &Submission,
    level: Level,
    c: &Change,
    was: bool,
) -> Result<(), TestCaseError> {
    let before = evaluate(editions.on(c.on.previous_day()), c.on.previous_day(), s);
    let after = evaluate(editions.on(c.on), c.on, s);
    let (b, a) = (
        before
            .levels
            .iter()
            .find(|x| x.level == level)
            .expect("level"),
        after
            .levels
            .iter()
            .find(|x| x.level == level)
            .expect("level"),
    );
    prop_assert_eq!(b.attained, was);
    prop_assert_eq!(a.attained, !was);
    prop_assert_eq!(c.qualifying_before, before.revenue.qualifying);
    prop_assert_eq!(c.qualifying, after.revenue.qualifying);
    let mut flipped = Vec::new();
    if a.revenue.met != b.revenue.met {
        flipped.push(Requirement::Revenue);
    }
    if a.exams.met != b.exams.met {
        flipped.push(Requirement::Exams);
    }
    prop_assert_eq!(&c.requirements, &flipped);
    prop_assert!(!c.causes.is_empty());
    Ok(())
}
