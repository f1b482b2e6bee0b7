//! The outlook against its definition: evaluating every day of the horizon.

use super::super::catalog::{CLOUD_CRM, CLOUD_CRM_2017_07, CLOUD_CRM_2017_11};
use super::super::{
    evaluate, ExamPass, Individual, Market, Period, Product, RevenueRecord, Submission,
};
use super::*;

/// The outlook of `s` on `as_of`, from its evaluation that day.
fn outlook(editions: Editions, as_of: Date, s: &Submission) -> Vec<LevelOutlook> {
    let today = evaluate(editions.on(as_of), as_of, s);
    super::outlook(editions, &today, s)
}

pub(super) fn record(units: i64, booked_on: Date) -> RevenueRecord {
    RevenueRecord {
        product: Product::CrmOnline,
        amount: Money::from_units(units),
        booked_on,
        digital_partner_of_record: true,
    }
}

pub(super) fn person(id: &str, passes: &[(&str, Option<Date>)]) -> Individual {
    Individual {
        id: id.to_string(),
        display_name: String::new(),
        exams: passes
            .iter()
            .map(|(code, passed_on)| ExamPass {
                code: code.to_string(),
                passed_on: *passed_on,
            })
            .collect(),
    }
}

pub(super) fn submission(revenue: Vec<RevenueRecord>, individuals: Vec<Individual>) -> Submission {
    Submission {
        partner_id: "p".into(),
        market: Market::Developed,
        revenue,
        individuals,
    }
}

pub(super) fn silver_team() -> Vec<Individual> {
    vec![
        person("a", &[("MB2-714", None), ("MB2-710", None)]),
        person("c", &[("MB2-712", None)]),
    ]
}

/// The first day after `as_of`, through 365 days, on which each level's
/// `attained` differs from `as_of`'s: by evaluating every day.
fn by_every_day(editions: Editions, as_of: Date, s: &Submission) -> Vec<Option<Date>> {
    let today = evaluate(editions.on(as_of), as_of, s);
    today
        .levels
        .iter()
        .map(|now| {
            (1..=HORIZON_DAYS).map(|n| as_of.plus_days(n)).find(|day| {
                let e = evaluate(editions.on(*day), *day, s);
                let l = e.levels.iter().find(|l| l.level == now.level);
                l.is_some_and(|l| l.attained) != now.attained
            })
        })
        .collect()
}

/// For each level, the days through 365 days on which `attained` changes
/// after its first change: the change back, then another (by evaluating
/// every day). The sweep reports the first of them for a level not attained
/// on `as_of` (`lost_again`), and both for one attained (`won_again`, then
/// `lost_again`).
fn later_changes_by_every_day(editions: Editions, as_of: Date, s: &Submission) -> Vec<Vec<Date>> {
    let attained = |day: Date, level: Level| {
        let e = evaluate(editions.on(day), day, s);
        e.levels.iter().any(|l| l.level == level && l.attained)
    };
    evaluate(editions.on(as_of), as_of, s)
        .levels
        .iter()
        .map(|now| {
            let mut was = now.attained;
            let mut out = Vec::new();
            for day in (1..=HORIZON_DAYS).map(|n| as_of.plus_days(n)) {
                if attained(day, now.level) != was {
                    was = !was;
                    out.push(day);
                }
            }
            out.into_iter().skip(1).take(2).collect()
        })
        .collect()
}

fn changes(editions: Editions, as_of: Date, s: &Submission) -> Vec<Option<Date>> {
    outlook(editions, as_of, s)
        .iter()
        .map(|l| l.change.as_ref().map(|c| c.on))
        .collect()
}

/// The causes of a change that one pass makes.
fn one_pass(
    individual: usize,
    pass: usize,
    code: &'static str,
    direction: Direction,
) -> Vec<Cause> {
    vec![Cause::Pass {
        individual,
        pass,
        code,
        direction,
    }]
}

#[test]
fn a_record_leaves_the_period_a_year_after_it_was_booked() {
    // Silver: 100,000 = 70,000 + 30,000; the 30,000 booked 2016-09-15 is
    // last in the period of 2017-09-14 and out of that of 2017-09-15.
    let s = submission(
        vec![
            record(70_000, Date::ymd(2017, 3, 1)),
            record(30_000, Date::ymd(2016, 9, 15)),
        ],
        silver_team(),
    );
    let as_of = Date::ymd(2017, 7, 7);
    let out = outlook(Editions::Pinned(&CLOUD_CRM_2017_07), as_of, &s);
    let silver = &out[0];
    assert!(silver.attained);
    assert_eq!(silver.horizon_end, Date::ymd(2018, 7, 7));
    let change = silver.change.as_ref().expect("a change");
    assert_eq!(change.on, Date::ymd(2017, 9, 15));
    assert_eq!(change.requirements, vec![Requirement::Revenue]);
    assert_eq!(change.qualifying_before, Money::from_units(100_000));
    assert_eq!(change.qualifying, Money::from_units(70_000));
    assert_eq!(change.threshold, Money::from_units(100_000));
    assert_eq!(
        change.causes,
        vec![Cause::Revenue {
            record: 1,
            amount: Money::from_units(30_000),
            booked_on: Date::ymd(2016, 9, 15),
            direction: Direction::Stops,
        }]
    );
    // Gold is never attained and nothing wins it.
    assert!(!out[1].attained);
    assert_eq!(out[1].change, None);
}

#[test]
fn a_record_booked_on_february_29_leaves_on_march_1() {
    let s = submission(
        vec![
            record(70_000, Date::ymd(2016, 12, 1)),
            record(30_000, Date::ymd(2016, 2, 29)),
        ],
        silver_team(),
    );
    let as_of = Date::ymd(2016, 12, 31);
    let edition = Editions::Pinned(&CLOUD_CRM_2017_07);
    // 2017-02-28: the period starts 2016-02-29, the record still counts.
    assert!(evaluate(&CLOUD_CRM_2017_07, Date::ymd(2017, 2, 28), &s).levels[0].attained);
    assert_eq!(changes(edition, as_of, &s)[0], Some(Date::ymd(2017, 3, 1)));
}

#[test]
fn credits_make_a_level_lapse_later_or_never() {
    let as_of = Date::ymd(2017, 7, 7);
    let edition = Editions::Pinned(&CLOUD_CRM_2017_07);
    // 110,000 with a 20,000 credit: 90,000, not attained; the credit
    // leaves on 2017-08-01 and Silver is won that day.
    let s = submission(
        vec![
            record(110_000, Date::ymd(2017, 1, 10)),
            record(-20_000, Date::ymd(2016, 8, 1)),
        ],
        silver_team(),
    );
    assert_eq!(changes(edition, as_of, &s)[0], Some(Date::ymd(2017, 8, 1)));
    // 30,000 and a 30,000 credit both booked 2016-09-15 leave together on
    // 2017-09-15: Silver holds then, and lapses when the 100,000 booked
    // 2017-03-01 leaves on 2018-03-01.
    let mut records = vec![
        record(100_000, Date::ymd(2017, 3, 1)),
        record(30_000, Date::ymd(2016, 9, 15)),
        record(-30_000, Date::ymd(2016, 9, 15)),
    ];
    let s = submission(records.clone(), silver_team());
    assert_eq!(changes(edition, as_of, &s)[0], Some(Date::ymd(2018, 3, 1)));
    // With 100,000 more booked 2018-02-01 (future-dated), it never lapses.
    records.push(record(100_000, Date::ymd(2018, 2, 1)));
    let s = submission(records, silver_team());
    assert_eq!(changes(edition, as_of, &s)[0], None);
}

#[test]
fn mb2_709_counts_through_2018_12_31() {
    let s = submission(
        vec![record(200_000, Date::ymd(2018, 6, 1))],
        vec![
            person("a", &[("MB2-709", None), ("MB2-715", None)]),
            person("c", &[("MB2-716", None)]),
        ],
    );
    let as_of = Date::ymd(2018, 7, 1);
    let out = outlook(Editions::InForce(&CLOUD_CRM), as_of, &s);
    let change = out[0].change.as_ref().expect("lapse");
    assert_eq!(change.on, Date::ymd(2019, 1, 1));
    assert_eq!(change.requirements, vec![Requirement::Exams]);
    assert_eq!(change.causes, one_pass(0, 0, "MB2-709", Direction::Stops));
    assert!(evaluate(&CLOUD_CRM_2017_11, Date::ymd(2018, 12, 31), &s).levels[0].attained);
    assert!(!evaluate(&CLOUD_CRM_2017_11, Date::ymd(2019, 1, 1), &s).levels[0].attained);
}

#[test]
fn a_lapse_names_no_pass_that_starts_to_count() {
    // On 2019-01-01 "a" loses MB2-709 (the application and deployment seat
    // empties) while "b"'s MB2-707, dated that day, starts to count and
    // seats "b" (listed before "c") in the customization seat "c" held: a
    // pass that starts to count never empties a seat, so it is no cause.
    let s = submission(
        vec![record(200_000, Date::ymd(2018, 6, 1))],
        vec![
            person("a", &[("MB2-709", None), ("MB2-715", None)]),
            person("b", &[("MB2-707", Some(Date::ymd(2019, 1, 1)))]),
            person("c", &[("MB2-716", None)]),
        ],
    );
    let out = outlook(Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 7, 1), &s);
    let change = out[0].change.as_ref().expect("lapse");
    assert_eq!(change.on, Date::ymd(2019, 1, 1));
    assert_eq!(change.causes, one_pass(0, 0, "MB2-709", Direction::Stops));
}

#[test]
fn a_level_names_only_the_passes_of_its_own_seats() {
    // e17: both application-and-deployment people lose MB2-709 on
    // 2019-01-01; Silver's one seat of that kind is "a"'s, Gold's two are
    // both theirs.
    let s = submission(
        vec![record(310_000, Date::ymd(2018, 6, 1))],
        vec![
            person("a", &[("MB2-709", None), ("MB2-715", None)]),
            person("b", &[("MB2-709", None), ("MB2-710", None)]),
            person("c", &[("MB2-716", None)]),
            person("d", &[("MB2-707", None)]),
        ],
    );
    let out = outlook(Editions::InForce(&CLOUD_CRM), Date::ymd(2018, 12, 31), &s);
    let stopped = |l: usize| -> Vec<usize> {
        let change = out[l].change.as_ref().expect("lapse");
        assert_eq!(change.on, Date::ymd(2019, 1, 1));
        change
            .causes
            .iter()
            .filter_map(|c| match c {
                Cause::Pass { individual, .. } => Some(*individual),
                _ => None,
            })
            .collect()
    };
    assert_eq!(stopped(0), vec![0], "Silver");
    assert_eq!(stopped(1), vec![0, 1], "Gold");
}

#[test]
fn the_2017_11_edition_wins_gold_unless_the_edition_is_pinned() {
    // Two of the four people hold only the new edition's exams.
    let s = submission(
        vec![record(300_000, Date::ymd(2017, 6, 1))],
        vec![
            person("a1", &[("MB2-714", None), ("MB2-710", None)]),
            person("a2", &[("MB2-717", None), ("MB2-715", None)]),
            person("c1", &[("MB2-712", None)]),
            person("c2", &[("MB2-716", None)]),
        ],
    );
    let as_of = Date::ymd(2017, 7, 7);
    let out = outlook(Editions::InForce(&CLOUD_CRM), as_of, &s);
    let gold = out[1].change.as_ref().expect("gold won");
    assert_eq!(gold.on, Date::ymd(2017, 11, 16));
    assert_eq!(gold.edition.id, "2017-11");
    assert_eq!(gold.requirements, vec![Requirement::Exams]);
    assert_eq!(
        gold.causes[0],
        Cause::Edition {
            edition: &CLOUD_CRM_2017_11
        }
    );
    let passes: Vec<_> = gold.causes[1..].iter().collect();
    assert_eq!(passes.len(), 3, "{passes:?}");
    // Pinned to 2017-07, the new exams never count: Gold is never won
    // (Silver lapses when the revenue leaves, in either case).
    assert_eq!(
        changes(Editions::Pinned(&CLOUD_CRM_2017_07), as_of, &s),
        vec![Some(Date::ymd(2018, 6, 1)), None]
    );
}

/// An edition that comes into force on the day a level is lost only
/// through revenue, and changes nothing that bears on it, is no cause
/// (review 40, M5); one that does (the exams above) still is.
#[test]
fn an_edition_that_changes_nothing_is_no_cause() {
    let s = submission(
        vec![record(150_000, Date::ymd(2016, 11, 16))],
        vec![
            person("a1", &[("MB2-714", None), ("MB2-710", None)]),
            person("c1", &[("MB2-712", None)]),
        ],
    );
    let out = outlook(Editions::InForce(&CLOUD_CRM), Date::ymd(2017, 11, 1), &s);
    let silver = out[0].change.as_ref().expect("silver lost");
    assert_eq!(silver.on, Date::ymd(2017, 11, 16));
    assert_eq!(silver.edition.id, "2017-11");
    assert_eq!(silver.requirements, vec![Requirement::Revenue]);
    assert!(
        silver
            .causes
            .iter()
            .all(|c| matches!(c, Cause::Revenue { .. })),
        "{:?}",
        silver.causes
    );
}

/// Nor is one whose new exams only someone who fills no seat lists (code
/// review 31, M2): Silver is won on the day the 2017-11 edition comes into
/// force through a customization pass dated that day, which either edition
/// counts; MB2-717 is Xavier's only pass.
#[test]
fn an_edition_is_no_cause_through_a_pass_that_fills_no_seat() {
    let s = submission(
        vec![record(150_000, Date::ymd(2017, 6, 1))],
        vec![
            person("a1", &[("MB2-714", None), ("MB2-710", None)]),
            person("c1", &[("MB2-712", Some(Date::ymd(2017, 11, 16)))]),
            person("x1", &[("MB2-717", None)]),
        ],
    );
    let out = outlook(Editions::InForce(&CLOUD_CRM), Date::ymd(2017, 11, 1), &s);
    let silver = out[0].change.as_ref().expect("silver won");
    assert_eq!(silver.on, Date::ymd(2017, 11, 16));
    assert_eq!(silver.requirements, vec![Requirement::Exams]);
    assert!(
        !silver
            .causes
            .iter()
            .any(|c| matches!(c, Cause::Edition { .. })),
        "{:?}",
        silver.causes
    );
}

#[test]
fn causes_beyond_the_limit_are_counted() {
    // 1,001 records of 100 booked 2016-09-15: 100,100, Silver; all leave
    // on 2017-09-15, the first 1,000 listed.
    let revenue = vec![record(100, Date::ymd(2016, 9, 15)); MAX_CAUSES + 1];
    let s = submission(revenue, silver_team());
    let out = outlook(
        Editions::Pinned(&CLOUD_CRM_2017_07),
        Date::ymd(2017, 7, 7),
        &s,
    );
    let change = out[0].change.as_ref().expect("lapse");
    assert_eq!(change.on, Date::ymd(2017, 9, 15));
    assert_eq!(change.causes.len(), MAX_CAUSES);
    assert_eq!(change.records_not_listed, 1);
    assert_eq!(change.passes_not_listed, 0);
    assert_eq!(change.records_not_listed_starting, 0, "all leave");
    assert_eq!(change.qualifying, Money::default());
}

#[test]
fn the_record_leaving_the_period_leaves_on_the_day_ttm_says() {
    // Every booking day of four years: last counted the day before
    // `one_year_later`, not counted from it on.
    let mut d = Date::ymd(2015, 1, 1);
    while d < Date::ymd(2019, 1, 1) {
        let leaves = d.one_year_later();
        assert!(Period::ttm(leaves.previous_day()).contains(d), "{d}");
        assert!(!Period::ttm(leaves).contains(d), "{d}");
        d = d.next_day();
    }
}

mod again;
mod properties;

#[test]
fn a_level_whose_revenue_cannot_reach_its_threshold_is_not_swept_and_one_that_just_can_is() {
    // Silver (developed) needs 100,000. Every qualifying record together,
    // counted at once, makes 99,999.99 (a credit and other products do not
    // help): no day can attain Silver, and the outlook says so without a
    // sweep. One cent more, booked later, wins Silver on its day.
    let as_of = Date::ymd(2017, 7, 7);
    let mut other = record(500_000, Date::ymd(2017, 1, 1));
    other.product = Product::Other;
    let mut revenue = vec![
        Money::from_parts(99_999, 990_000_000),
        Money::from_units(-10_000),
    ]
    .into_iter()
    .map(|amount| RevenueRecord {
        amount,
        ..record(0, Date::ymd(2017, 8, 1))
    })
    .collect::<Vec<_>>();
    revenue.push(other);
    let editions = Editions::Pinned(&CLOUD_CRM_2017_07);
    let s = submission(revenue.clone(), silver_team());
    assert_eq!(
        changes(editions, as_of, &s),
        by_every_day(editions, as_of, &s)
    );
    assert_eq!(changes(editions, as_of, &s), vec![None, None]);

    revenue.push(RevenueRecord {
        amount: Money::from_parts(0, 10_000_000),
        ..record(0, Date::ymd(2017, 9, 1))
    });
    revenue.retain(|r| !r.amount.is_negative());
    let s = submission(revenue, silver_team());
    assert_eq!(
        changes(editions, as_of, &s),
        by_every_day(editions, as_of, &s)
    );
    assert_eq!(
        changes(editions, as_of, &s),
        vec![Some(Date::ymd(2017, 9, 1)), None]
    );
}
