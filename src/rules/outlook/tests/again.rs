//! A level's change back against evaluating every day: a level won and
//! lost again, one lost, won again and lost again.

use super::*;

/// Gold, attained on 2018-10-01, is lost on 2019-01-01 (Olga's MB2-709
/// stops counting), won again on 2019-01-02 (Mark's MB2-717 starts to
/// count) and lost again on 2019-06-01 (the revenue leaves the TTM period):
/// the sweep reports all three, as evaluating every day does (reviews 32
/// M2, 33 M5).
#[test]
fn an_attained_level_lost_won_again_and_lost_again() {
    let s = submission(
        vec![record(400_000, Date::ymd(2018, 6, 1))],
        vec![
            person("olga", &[("MB2-709", None), ("MB2-710", None)]),
            person("zoe", &[("MB2-714", None), ("MB2-710", None)]),
            person("pat", &[("MB2-712", None)]),
            person("ivan", &[("MB2-716", None)]),
            person(
                "mark",
                &[("MB2-717", Some(Date::ymd(2019, 1, 2))), ("MB2-715", None)],
            ),
        ],
    );
    let (editions, as_of) = (Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 10, 1));
    let out = outlook(editions, as_of, &s);
    let gold = &out[1];
    assert!(gold.attained);
    let on = |c: &Option<Change>| c.as_ref().map(|c| c.on);
    assert_eq!(on(&gold.change), Some(Date::ymd(2019, 1, 1)));
    assert_eq!(on(&gold.won_again), Some(Date::ymd(2019, 1, 2)));
    assert_eq!(on(&gold.lost_again), Some(Date::ymd(2019, 6, 1)));
    let won = gold.won_again.as_ref().expect("won again");
    assert_eq!(won.requirements, vec![Requirement::Exams]);
    assert_eq!(won.causes, one_pass(4, 0, "MB2-717", Direction::Starts));
    assert_eq!(
        later_changes_by_every_day(editions, as_of, &s)[1],
        vec![Date::ymd(2019, 1, 2), Date::ymd(2019, 6, 1)]
    );
    // Silver is lost once, on 2019-06-01, and not won again.
    assert!(out[0].won_again.is_none() && out[0].lost_again.is_none());
}

#[test]
fn a_future_pass_wins_silver() {
    let s = submission(
        vec![record(100_000, Date::ymd(2017, 6, 1))],
        vec![
            person(
                "a",
                &[("MB2-714", None), ("MB2-710", Some(Date::ymd(2017, 8, 20)))],
            ),
            person("c", &[("MB2-712", None)]),
        ],
    );
    let out = outlook(Editions::InForce(&CLOUD_CRM), Date::ymd(2017, 7, 7), &s);
    let change = out[0].change.as_ref().expect("silver won");
    assert_eq!(change.on, Date::ymd(2017, 8, 20));
    assert_eq!(change.causes, one_pass(0, 1, "MB2-710", Direction::Starts));
    // The revenue that wins it leaves the period a year after its booking,
    // within the horizon: the level is lost again, and the outlook says when.
    let lost = out[0].lost_again.as_ref().expect("silver lost again");
    assert_eq!(lost.on, Date::ymd(2018, 6, 1));
    assert_eq!(lost.requirements, vec![Requirement::Revenue]);
    assert_eq!(lost.qualifying, Money::ZERO);
    assert_eq!(
        lost.causes,
        vec![Cause::Revenue {
            record: 0,
            amount: Money::from_units(100_000),
            booked_on: Date::ymd(2017, 6, 1),
            direction: Direction::Stops,
        }]
    );
    // A level attained today, or never won, has no second change.
    assert!(out[1].lost_again.is_none());
}
