//! The outlook (§2.7) through the public gRPC API, with every date derived
//! by hand in the comments. Expected sentences take their dates and amounts
//! from the Localizer, so they test the outlook's wording, not the formats.

mod common;

use common::{date, person, record, usd, TestServer};
use crm_competency::l10n::{Locale, Localizer};
use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use crm_competency::pb::google::r#type::Date as PbDate;
use crm_competency::rules::{Date, Money};
use pb::outlook_cause::Cause;
use pb::Product::CrmOnline;
use tonic::transport::Channel;

fn request(
    as_of: Option<PbDate>,
    revenue: Vec<pb::RevenueRecord>,
    individuals: Vec<pb::Individual>,
) -> pb::EvaluateRequest {
    pb::EvaluateRequest {
        competency: "cloud-crm".into(),
        request_id: "outlook".into(),
        locale: "en-US".into(),
        as_of,
        edition: String::new(),
        submission: Some(pb::Submission {
            partner_id: "contoso".into(),
            market: pb::Market::Developed.into(),
            revenue,
            individuals,
        }),
        ..Default::default()
    }
}

fn pass(code: &str, on: Option<PbDate>) -> pb::ExamPass {
    pb::ExamPass {
        code: code.into(),
        passed_on: on,
    }
}

/// Silver's two seats, filled by passes of 2017-01-10.
fn silver_team() -> Vec<pb::Individual> {
    vec![
        person("e-1", "Anna Smirnova", &["MB2-714", "MB2-710"]),
        person("e-2", "Ivan Petrov", &["MB2-712"]),
    ]
}

async fn evaluate(
    client: &mut CompetencyServiceClient<Channel>,
    request: pb::EvaluateRequest,
) -> pb::Evaluation {
    client
        .evaluate(request)
        .await
        .expect("evaluate")
        .into_inner()
}

fn outlook(e: &pb::Evaluation, level: usize) -> &pb::Outlook {
    e.levels[level].outlook.as_ref().expect("outlook")
}

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::ymd(y, m, day)
}

#[tokio::test]
async fn a_record_leaves_the_ttm_period_in_both_locales() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // as_of 2017-07-07: TTM 2016-07-08..2017-07-07 holds 90,000 + 30,000.
    // The 30,000 booked 2016-09-15 is in the period of 2017-09-14
    // (2016-09-15..2017-09-14) and out of 2017-09-15's (2016-09-16..).
    let revenue = vec![
        record("fabrikam", CrmOnline, 90_000, date(2017, 3, 14), true),
        record("tailspin", CrmOnline, 30_000, date(2016, 9, 15), true),
    ];
    let l = Localizer::new().expect("localizer");
    for (tag, locale) in [("en-US", Locale::EnUs), ("ru-RU", Locale::RuRu)] {
        let mut req = request(date(2017, 7, 7), revenue.clone(), silver_team());
        req.locale = tag.into();
        let e = evaluate(&mut client, req).await;
        assert!(e.levels[0].attained);
        let o = outlook(&e, 0);
        assert_eq!(o.changes_on, date(2017, 9, 15));
        assert_eq!(o.horizon_end, date(2018, 7, 7));
        assert_eq!(o.requirements_changing, vec!["revenue"]);
        assert_eq!(o.qualifying_before, usd(120_000, 0));
        assert_eq!(o.qualifying_on_change, usd(90_000, 0));
        assert_eq!(o.threshold_on_change, usd(100_000, 0));
        assert_eq!(o.edition_on_change, "2017-07");
        assert_eq!(
            o.causes,
            vec![pb::OutlookCause {
                cause: Some(Cause::Revenue(pb::OutlookRevenue {
                    record_index: 1,
                    amount: usd(30_000, 0),
                    booked_on: date(2016, 9, 15),
                    direction: pb::OutlookDirection::Stops.into(),
                })),
            }]
        );
        let (date, money) = (
            |x| l.date(locale, x),
            |u| l.money(locale, Money::from_units(u)),
        );
        let expected = match locale {
            Locale::EnUs => format!(
                "You’ll keep Silver through {}. On {}, revenue of {} booked on {}, leaves the TTM \
                 period, so your qualifying Net New Revenue falls to {} (below the {} threshold).",
                date(d(2017, 9, 14)),
                date(d(2017, 9, 15)),
                money(30_000),
                date(d(2016, 9, 15)),
                money(90_000),
                money(100_000),
            ),
            Locale::Pseudo => unreachable!("not one of Locale::ALL"),
            Locale::RuRu => format!(
                "Серебряный уровень сохранится по {} включительно; {} из отчетного \
                 периода выбудет проведенная {} сумма {}, и поэтому чистая \
                 прибыль партнера за 12-месячный отчетный период снизится до {} (ниже порога \
                 в {}).",
                date(d(2017, 9, 14)),
                date(d(2017, 9, 15)),
                date(d(2016, 9, 15)),
                money(30_000),
                money(90_000),
                money(100_000),
            ),
        };
        assert_eq!(o.explanation, expected);
        // Gold: nothing in the submission wins it within the horizon.
        let gold = outlook(&e, 1);
        assert_eq!(gold.changes_on, None);
        assert!(gold.causes.is_empty());
        let expected = match locale {
            Locale::EnUs => format!(
                "Based on your current submission, you won’t attain Gold on any day through {}.",
                date(d(2018, 7, 7))
            ),
            Locale::Pseudo => unreachable!("not one of Locale::ALL"),
            Locale::RuRu => format!(
                "При неизменных данных Золотой уровень не будет достигнут до {} \
                 включительно.",
                date(d(2018, 7, 7))
            ),
        };
        assert_eq!(gold.explanation, expected);
    }
    server.stop().await;
}

#[tokio::test]
async fn a_record_booked_on_february_29_leaves_on_march_1() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // TTM of 2017-02-28 starts 2016-02-29 (2016-02-28 + 1): still counted;
    // TTM of 2017-03-01 starts 2016-03-02: gone.
    let revenue = vec![
        record("a", CrmOnline, 70_000, date(2016, 12, 1), true),
        record("b", CrmOnline, 30_000, date(2016, 2, 29), true),
    ];
    let e = evaluate(
        &mut client,
        request(date(2016, 12, 31), revenue.clone(), silver_team_of_2016()),
    )
    .await;
    assert_eq!(outlook(&e, 0).changes_on, date(2017, 3, 1));
    // as_of on a Feb 29: the horizon is 2017-02-28 + 1 day = as_of + 365.
    let e = evaluate(
        &mut client,
        request(date(2016, 2, 29), revenue, silver_team_of_2016()),
    )
    .await;
    assert_eq!(outlook(&e, 0).horizon_end, date(2017, 2, 28));
    server.stop().await;
}

fn silver_team_of_2016() -> Vec<pb::Individual> {
    vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: String::new(),
            exams: vec![pass("MB2-714", None), pass("MB2-710", None)],
        },
        pb::Individual {
            id: "e-2".into(),
            display_name: String::new(),
            exams: vec![pass("MB2-712", None)],
        },
    ]
}

#[tokio::test]
async fn credits_make_a_level_lapse_later_or_never() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // 100,000 (2017-03-01) + 30,000 and a 30,000 credit, both 2016-09-15.
    // On 2017-09-15 both leave: still 100,000. On 2018-03-01 the 100,000
    // leaves (TTM 2017-03-02..): Silver lapses then, not on 2017-09-15.
    let mut revenue = vec![
        record("a", CrmOnline, 100_000, date(2017, 3, 1), true),
        record("b", CrmOnline, 30_000, date(2016, 9, 15), true),
        record("b", CrmOnline, -30_000, date(2016, 9, 15), true),
    ];
    let e = evaluate(
        &mut client,
        request(date(2017, 7, 7), revenue.clone(), silver_team()),
    )
    .await;
    assert_eq!(outlook(&e, 0).changes_on, date(2018, 3, 1));
    // With 100,000 booked 2018-02-01 (counted from that day), never.
    revenue.push(record("c", CrmOnline, 100_000, date(2018, 2, 1), true));
    let e = evaluate(
        &mut client,
        request(date(2017, 7, 7), revenue, silver_team()),
    )
    .await;
    let o = outlook(&e, 0);
    assert_eq!(o.changes_on, None);
    assert_eq!(
        o.explanation,
        format!(
            "You’ll keep Silver through at least {}.",
            Localizer::new()
                .expect("localizer")
                .date(Locale::EnUs, d(2018, 7, 7))
        )
    );

    // A credit leaving wins Silver: 110,000 - 20,000 (2016-08-01) = 90,000;
    // the credit leaves on 2017-08-01.
    let revenue = vec![
        record("a", CrmOnline, 110_000, date(2017, 1, 10), true),
        record("b", CrmOnline, -20_000, date(2016, 8, 1), true),
    ];
    let l = Localizer::new().expect("localizer");
    let mut ru = request(date(2017, 7, 7), revenue.clone(), silver_team());
    ru.locale = "ru-RU".into();
    let e = evaluate(&mut client, ru).await;
    let o = outlook(&e, 0);
    assert_eq!(o.changes_on, date(2017, 8, 1));
    let r = Locale::RuRu;
    assert_eq!(
        o.explanation,
        format!(
            "Серебряный уровень будет достигнут {}: в этот день из отчетного \
             периода выбудет проведенный {} возврат на сумму {}, и поэтому чистая прибыль \
             партнера за 12-месячный отчетный период возрастет до {} (порог в {} достигнут). \
             Этот уровень сохранится по {} включительно; {} из отчетного периода \
             выбудет проведенная {} сумма {}, и поэтому чистая прибыль партнера за \
             12-месячный отчетный период снизится до {} (ниже порога в {}).",
            l.date(r, d(2017, 8, 1)),
            l.date(r, d(2016, 8, 1)),
            l.money(r, Money::from_units(20_000)),
            l.money(r, Money::from_units(110_000)),
            l.money(r, Money::from_units(100_000)),
            l.date(r, d(2018, 1, 9)),
            l.date(r, d(2018, 1, 10)),
            l.date(r, d(2017, 1, 10)),
            l.money(r, Money::from_units(110_000)),
            l.money(r, Money::ZERO),
            l.money(r, Money::from_units(100_000)),
        )
    );
    // Won, then lost again when the 110,000 leaves: both days, each with its cause.
    let lost = o.lost_again.as_ref().expect("lost again");
    assert_eq!(lost.changes_on, date(2018, 1, 10));
    assert_eq!(lost.requirements_changing, vec!["revenue"]);
    let e = evaluate(
        &mut client,
        request(date(2017, 7, 7), revenue, silver_team()),
    )
    .await;
    let o = outlook(&e, 0);
    assert_eq!(o.changes_on, date(2017, 8, 1));
    let en = Locale::EnUs;
    assert_eq!(
        o.explanation,
        format!(
            "You’ll attain Silver on {}. On that day, a credit of {} booked on {}, leaves \
             the TTM period, so your qualifying Net New Revenue rises to {} (which meets the {} threshold). \
             You’ll keep Silver through {}. On {}, revenue of {} booked on {}, leaves the TTM period, \
             so your qualifying Net New Revenue falls to {} (below the {} threshold).",
            l.date(en, d(2017, 8, 1)),
            l.money(en, Money::from_units(20_000)),
            l.date(en, d(2016, 8, 1)),
            l.money(en, Money::from_units(110_000)),
            l.money(en, Money::from_units(100_000)),
            l.date(en, d(2018, 1, 9)),
            l.date(en, d(2018, 1, 10)),
            l.money(en, Money::from_units(110_000)),
            l.date(en, d(2017, 1, 10)),
            l.money(en, Money::ZERO),
            l.money(en, Money::from_units(100_000)),
        )
    );
    server.stop().await;
}

/// Silver with MB2-709 as the application exam (2017-11 exams elsewhere).
fn mb2_709_team() -> Vec<pb::Individual> {
    vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: "Anna Smirnova".into(),
            exams: vec![pass("MB2-709", date(2017, 5, 1)), pass("MB2-715", None)],
        },
        pb::Individual {
            id: "e-2".into(),
            display_name: String::new(),
            exams: vec![pass("MB2-716", None)],
        },
    ]
}

#[tokio::test]
async fn mb2_709_counts_through_2018_12_31_and_not_on_2019_01_01() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let revenue = vec![record("a", CrmOnline, 150_000, date(2018, 6, 1), true)];
    let l = Localizer::new().expect("localizer");
    for (tag, locale) in [("en-US", Locale::EnUs), ("ru-RU", Locale::RuRu)] {
        let mut req = request(date(2018, 7, 1), revenue.clone(), mb2_709_team());
        req.locale = tag.into();
        let e = evaluate(&mut client, req).await;
        let o = outlook(&e, 0);
        assert!(e.levels[0].attained);
        assert_eq!(o.changes_on, date(2019, 1, 1));
        assert_eq!(o.requirements_changing, vec!["exams"]);
        assert_eq!(
            o.causes,
            vec![pb::OutlookCause {
                cause: Some(Cause::Pass(pb::OutlookPass {
                    individual_index: 0,
                    individual_id: "e-1".into(),
                    exam_index: 0,
                    code: "MB2-709".into(),
                    direction: pb::OutlookDirection::Stops.into(),
                })),
            }]
        );
        let date = |x| l.date(locale, x);
        let expected = match locale {
            Locale::EnUs => format!(
                "You’ll keep Silver through {}. On {}, Anna Smirnova’s MB2-709 pass stops counting, \
                 so the exam requirements are no longer met.",
                date(d(2018, 12, 31)),
                date(d(2019, 1, 1)),
            ),
            Locale::Pseudo => unreachable!("not one of Locale::ALL"),
            Locale::RuRu => format!(
                "Серебряный уровень сохранится по {} включительно; {} перестанет \
                 засчитываться результат экзамена MB2-709 (сотрудник Anna Smirnova), и \
                 поэтому требования к экзаменам больше не будут выполнены.",
                date(d(2018, 12, 31)),
                date(d(2019, 1, 1)),
            ),
        };
        assert_eq!(o.explanation, expected);
    }
    // The last day it counts, and the first it does not.
    let e = evaluate(
        &mut client,
        request(date(2018, 12, 31), revenue.clone(), mb2_709_team()),
    )
    .await;
    assert!(e.levels[0].attained);
    assert_eq!(outlook(&e, 0).changes_on, date(2019, 1, 1));
    let e = evaluate(
        &mut client,
        request(date(2019, 1, 1), revenue, mb2_709_team()),
    )
    .await;
    assert!(!e.levels[0].attained);
    // 2019-01-01's outlook: the revenue (2018-06-01) leaves on 2019-06-01,
    // but without MB2-709 nothing wins Silver back.
    assert_eq!(outlook(&e, 0).changes_on, None);
    server.stop().await;
}

/// A pass listed twice counts once (its warning says so), so it is one
/// cause, not two, whether it stops counting (MB2-709, listed undated and
/// again with a date) or starts to (MB2-714, the same pass listed twice).
#[tokio::test]
async fn a_repeat_listing_is_no_second_cause() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let revenue = vec![record("a", CrmOnline, 150_000, date(2018, 3, 1), true)];
    let stops = vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: "Anna Smirnova".into(),
            exams: vec![
                pass("MB2-709", None),
                pass("MB2-709", date(2017, 5, 5)),
                pass("MB2-710", None),
            ],
        },
        person("e-2", "Ivan Petrov", &["MB2-712"]),
    ];
    let starts = vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: "Anna Smirnova".into(),
            exams: vec![
                pass("MB2-714", date(2018, 7, 1)),
                pass("MB2-714", date(2018, 7, 1)),
                pass("MB2-710", None),
            ],
        },
        person("e-2", "Ivan Petrov", &["MB2-712"]),
    ];
    for (team, changes_on, sentence) in [
        (
            stops,
            date(2019, 1, 1),
            "Anna Smirnova’s MB2-709 pass stops counting",
        ),
        (
            starts,
            date(2018, 7, 1),
            "Anna Smirnova’s MB2-714 pass starts to count",
        ),
    ] {
        let e = evaluate(
            &mut client,
            request(date(2018, 6, 1), revenue.clone(), team),
        )
        .await;
        let o = outlook(&e, 0);
        assert_eq!(o.changes_on, changes_on);
        let passes: Vec<u32> = o
            .causes
            .iter()
            .filter_map(|c| match &c.cause {
                Some(Cause::Pass(p)) => Some(p.exam_index),
                _ => None,
            })
            .collect();
        assert_eq!(passes, [0], "the first listing only: {:?}", o.causes);
        assert!(o.explanation.contains(sentence), "{}", o.explanation);
    }
    server.stop().await;
}

/// A seat's MB2-709 stops counting after 2018-12-31. The exams explanation
/// (a seat holder) and a gap step (a person the step counts on) say so only
/// when no other listed pass of that person keeps the application group on
/// 2019-01-01, as the outlook sees it; a listed pass that starts to count
/// later than that is named with its day.
#[tokio::test]
async fn a_pass_that_stops_counting_is_named_only_when_nothing_listed_replaces_it() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let revenue = vec![record("a", CrmOnline, 350_000, date(2018, 3, 1), true)];
    let olga = |then: Option<(&str, Option<PbDate>)>, deployment: bool| {
        let mut exams = vec![pass("MB2-709", None)];
        if deployment {
            exams.push(pass("MB2-710", None));
        }
        if let Some((code, on)) = then {
            exams.push(pass(code, on));
        }
        vec![
            pb::Individual {
                id: "e-1".into(),
                display_name: "Olga".into(),
                exams,
            },
            person("e-2", "Ivan Petrov", &["MB2-712"]),
        ]
    };
    let until = "MB2-709 pass listed for Olga counts toward competency qualification only through";
    // Gold's exams explanation, for a seat holder.
    for (then, expected) in [
        (None, Some("After that day, they’ll keep their seat only if")),
        (Some(("MB2-714", date(2018, 12, 15))), None),
        (Some(("MB2-714", date(2019, 1, 1))), None),
        (
            Some(("MB2-717", date(2019, 2, 1))),
            Some("and their listed MB2-717 pass starts to count only on February 1, 2019. In between,"),
        ),
    ] {
        let e = evaluate(&mut client, request(date(2018, 6, 1), revenue.clone(), olga(then, true))).await;
        let exams = &e.levels[1].requirements[1].explanation;
        match expected {
            Some(text) => assert!(exams.contains(until) && exams.contains(text), "{exams}"),
            None => assert!(!exams.contains("MB2-709"), "{exams}"),
        }
    }
    // Silver's gap step for Olga, who has no deployment exam yet.
    for (then, expected) in [
        (None, Some("Their listed MB2-709 pass counts toward competency qualification only through December 31, 2018; to hold the seat after that day,")),
        (Some(("MB2-714", date(2018, 7, 1))), None),
        (
            Some(("MB2-717", date(2019, 2, 1))),
            Some("and their listed MB2-717 pass starts to count only on February 1, 2019; to hold the seat in between,"),
        ),
    ] {
        let e = evaluate(&mut client, request(date(2018, 6, 1), revenue.clone(), olga(then, false))).await;
        let gap = e.levels[0].gap.as_ref().expect("gap");
        let step = &gap.steps[0].explanation;
        assert!(step.contains("Olga, who has already passed MB2-709"), "{step}");
        match expected {
            Some(text) => assert!(step.contains(text), "{step}"),
            None => assert!(!step.contains("Their listed MB2-709"), "{step}"),
        }
    }
    server.stop().await;
}

/// On 2017-11-10 the 2017-07 edition lacks MB2-717. Unless the request
/// pins 2017-07, the 2017-11 edition applies from 2017-11-16: the outlook
/// wins Silver that day through Anna's MB2-717, and her gap step says so.
/// Pinned, neither does.
#[tokio::test]
async fn a_step_names_a_pass_that_counts_when_the_next_edition_comes_into_force() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let revenue = vec![record("a", CrmOnline, 150_000, date(2017, 11, 1), true)];
    let team = vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: "Anna Smirnova".into(),
            exams: vec![pass("MB2-717", None), pass("MB2-710", None)],
        },
        person("e-2", "Ivan Petrov", &["MB2-712"]),
    ];
    let sentence =
        "Their listed MB2-717 pass starts to count toward this seat on November 16, 2017, \
                    when the 2017-11 edition of the rules comes into force.";
    for (edition, changes_on) in [("", date(2017, 11, 16)), ("2017-07", None)] {
        let mut req = request(date(2017, 11, 10), revenue.clone(), team.clone());
        req.edition = edition.into();
        let e = evaluate(&mut client, req).await;
        assert_eq!(outlook(&e, 0).changes_on, changes_on, "{edition:?}");
        let gap = e.levels[0].gap.as_ref().expect("gap");
        let step = &gap.steps[0].explanation;
        assert_eq!(
            step.contains(sentence),
            changes_on.is_some(),
            "{edition:?}: {step}"
        );
    }
    server.stop().await;
}

/// Gold's four seats; two are held only with exams the 2017-11 edition adds.
fn gold_team_of_2017_11() -> Vec<pb::Individual> {
    vec![
        person("a1", "A1", &["MB2-714", "MB2-710"]),
        person("a2", "A2", &["MB2-717", "MB2-715"]),
        person("c1", "C1", &["MB2-712"]),
        person("c2", "C2", &["MB2-716"]),
    ]
}

#[tokio::test]
async fn the_2017_11_edition_wins_gold_unless_an_edition_is_pinned() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let revenue = vec![record("a", CrmOnline, 300_000, date(2017, 7, 1), true)];
    let e = evaluate(
        &mut client,
        request(date(2017, 7, 7), revenue.clone(), gold_team_of_2017_11()),
    )
    .await;
    assert_eq!(e.edition, "2017-07");
    assert!(!e.levels[1].attained);
    let gold = outlook(&e, 1);
    assert_eq!(gold.changes_on, date(2017, 11, 16));
    assert_eq!(gold.edition_on_change, "2017-11");
    assert_eq!(gold.requirements_changing, vec!["exams"]);
    assert_eq!(
        gold.causes[0],
        pb::OutlookCause {
            cause: Some(Cause::Edition(pb::OutlookEdition {
                edition: "2017-11".into(),
                in_force_from: date(2017, 11, 16),
            })),
        }
    );
    // MB2-717 and MB2-715 (a2), MB2-716 (c2) start to count: a person with
    // two codes is set apart by a comma before the list's own "and".
    let codes: Vec<&str> = gold.causes[1..]
        .iter()
        .map(|c| match &c.cause {
            Some(Cause::Pass(p)) => p.code.as_str(),
            other => panic!("a pass expected: {other:?}"),
        })
        .collect();
    assert_eq!(codes, ["MB2-717", "MB2-715", "MB2-716"]);
    let l = Localizer::new().expect("localizer");
    assert_eq!(
        gold.explanation,
        format!(
            "You’ll attain Gold on {}. On that day, the 2017-11 edition of the rules comes \
             into force and three exam passes start to count (A2’s MB2-717 and MB2-715, and C2’s \
             MB2-716), so the exam requirements are met. You’ll keep Gold through June 30, 2018. \
             On July 1, 2018, revenue of US$300,000 booked on July 1, 2017, leaves the TTM \
             period, so your qualifying Net New Revenue falls to US$0 (below the US$300,000 \
             threshold).",
            l.date(Locale::EnUs, d(2017, 11, 16))
        )
    );
    // Silver holds until the revenue (2017-07-01) leaves on 2018-07-01.
    assert_eq!(outlook(&e, 0).changes_on, date(2018, 7, 1));

    // Pinned to 2017-07: the look-ahead stays in that edition.
    let mut pinned = request(date(2017, 7, 7), revenue, gold_team_of_2017_11());
    pinned.edition = "2017-07".into();
    let e = evaluate(&mut client, pinned).await;
    assert_eq!(outlook(&e, 1).changes_on, None);
    assert_eq!(outlook(&e, 0).changes_on, date(2018, 7, 1));
    server.stop().await;
}

#[tokio::test]
async fn a_pass_dated_when_its_exam_could_not_be_taken_is_never_a_cause() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // Anna's MB2-709 and MB2-714 are both dated 2018-02-01: MB2-714 starts
    // to count that day and wins Silver; MB2-709 had retired, so it counts
    // on no day and the outlook must not name it.
    let revenue = vec![record("a", CrmOnline, 150_000, date(2017, 6, 1), true)];
    let team = vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: "Anna Smirnova".into(),
            exams: vec![
                pass("MB2-709", date(2018, 2, 1)),
                pass("MB2-714", date(2018, 2, 1)),
                pass("MB2-710", None),
            ],
        },
        person("e-2", "Ivan Petrov", &["MB2-712"]),
    ];
    let mut req = request(date(2017, 12, 1), revenue, team);
    req.edition = "2017-11".into();
    let e = evaluate(&mut client, req).await;
    assert!(!e.levels[0].attained);
    let o = outlook(&e, 0);
    assert_eq!(o.changes_on, date(2018, 2, 1));
    let passes: Vec<u32> = o
        .causes
        .iter()
        .filter_map(|c| match &c.cause {
            Some(Cause::Pass(p)) => Some(p.exam_index),
            _ => None,
        })
        .collect();
    assert_eq!(passes, [1], "only MB2-714: {:?}", o.causes);
    assert!(
        o.explanation
            .contains("Anna Smirnova’s MB2-714 pass starts to count")
            && !o.explanation.contains("MB2-709"),
        "{}",
        o.explanation
    );
    server.stop().await;
}

#[tokio::test]
async fn a_future_pass_wins_silver() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let revenue = vec![record("a", CrmOnline, 100_000, date(2017, 6, 1), true)];
    let team = vec![
        pb::Individual {
            id: "e-1".into(),
            display_name: "Анна Смирнова".into(),
            exams: vec![pass("MB2-714", None), pass("MB2-710", date(2017, 8, 20))],
        },
        person("e-2", "Иван Петров", &["MB2-712"]),
    ];
    let mut req = request(date(2017, 7, 7), revenue, team);
    req.locale = "ru-RU".into();
    let e = evaluate(&mut client, req).await;
    assert!(!e.levels[0].attained);
    let o = outlook(&e, 0);
    assert_eq!(o.changes_on, date(2017, 8, 20));
    assert_eq!(o.requirements_changing, vec!["exams"]);
    let l = Localizer::new().expect("localizer");
    assert_eq!(
        o.explanation,
        format!(
            "Серебряный уровень будет достигнут {}: в этот день начнет засчитываться результат \
             экзамена MB2-710 (сотрудник Анна Смирнова), и поэтому требования к экзаменам \
             будут выполнены. Этот уровень сохранится по 31\u{a0}мая 2018\u{a0}г. включительно; \
             1\u{a0}июня 2018\u{a0}г. из отчетного периода выбудет проведенная \
             1\u{a0}июня 2017\u{a0}г. сумма 100\u{a0}000\u{a0}долларов США, и поэтому чистая \
             прибыль партнера за 12-месячный отчетный период снизится до 0\u{a0}долларов США \
             (ниже порога в 100\u{a0}000\u{a0}долларов США).",
            l.date(Locale::RuRu, d(2017, 8, 20))
        )
    );
    // The second change in its own fields: the revenue that won it leaves.
    let lost = o.lost_again.as_ref().expect("lost again");
    assert_eq!(lost.changes_on, date(2018, 6, 1));
    assert_eq!(lost.requirements_changing, vec!["revenue"]);
    assert_eq!(lost.qualifying_on_change, usd(0, 0));
    assert_eq!(
        lost.causes,
        vec![pb::OutlookCause {
            cause: Some(Cause::Revenue(pb::OutlookRevenue {
                record_index: 0,
                amount: usd(100_000, 0),
                booked_on: date(2017, 6, 1),
                direction: pb::OutlookDirection::Stops.into(),
            })),
        }]
    );
    // Silver attained from a day on and lost on another: Gold, never won, has none.
    assert!(outlook(&e, 1).lost_again.is_none());
    server.stop().await;
}

#[tokio::test]
async fn records_of_one_day_are_summed_in_the_sentence() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // Three records booked 2016-09-15 (21,000 in all) leave on 2017-09-15.
    let revenue = vec![
        record("a", CrmOnline, 90_000, date(2017, 3, 14), true),
        record("b", CrmOnline, 10_000, date(2016, 9, 15), true),
        record("c", CrmOnline, 6_000, date(2016, 9, 15), true),
        record("d", CrmOnline, 5_000, date(2016, 9, 15), true),
        // Not qualifying (no DPOR): never a cause.
        record("e", CrmOnline, 5_000, date(2016, 9, 15), false),
    ];
    let l = Localizer::new().expect("localizer");
    let mut req = request(date(2017, 7, 7), revenue, silver_team());
    req.locale = "ru-RU".into();
    let e = evaluate(&mut client, req).await;
    let o = outlook(&e, 0);
    assert_eq!(o.changes_on, date(2017, 9, 15));
    assert_eq!(o.causes.len(), 3);
    let ru = Locale::RuRu;
    assert_eq!(
        o.explanation,
        format!(
            "Серебряный уровень сохранится по {} включительно; {} из отчетного \
             периода выбудет проведенная {} сумма {} (три записи), и поэтому чистая \
             прибыль партнера за 12-месячный отчетный период снизится до {} (ниже порога в \
             {}).",
            l.date(ru, d(2017, 9, 14)),
            l.date(ru, d(2017, 9, 15)),
            l.date(ru, d(2016, 9, 15)),
            l.money(ru, Money::from_units(21_000)),
            l.money(ru, Money::from_units(90_000)),
            l.money(ru, Money::from_units(100_000)),
        )
    );
    server.stop().await;
}

#[tokio::test]
async fn records_beyond_the_listing_limit_are_counted_and_refer_back_to_the_period() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // 1,001 records of US$20 booked 2016-09-15 leave on 2017-09-15; in the
    // second case two of US$5 booked that day enter too. The rules list
    // 1,000 causes (MAX_CAUSES) and count the rest. The sentence's first
    // revenue item names the TTM period; the count refers back to it.
    let leaving =
        (0..1_001).map(|i| record(&format!("c{i}"), CrmOnline, 20, date(2016, 9, 15), true));
    let entering = (0..2).map(|i| record(&format!("n{i}"), CrmOnline, 5, date(2017, 9, 15), true));
    let base = record("a", CrmOnline, 90_000, date(2017, 3, 14), true);
    let cases = [
        (
            std::iter::once(base.clone())
                .chain(leaving.clone())
                .collect::<Vec<_>>(),
            1,
            90_000,
            "one more record leaves it",
            "из него выбудет еще одна запись",
        ),
        (
            std::iter::once(base)
                .chain(leaving)
                .chain(entering)
                .collect(),
            3,
            90_010,
            "three more records enter or leave it",
            "в него войдут или из него выбудут еще три записи",
        ),
    ];
    let l = Localizer::new().expect("localizer");
    for (revenue, not_listed, qualifying, en, ru) in cases {
        for (tag, locale) in [("en-US", Locale::EnUs), ("ru-RU", Locale::RuRu)] {
            let mut req = request(date(2017, 7, 7), revenue.clone(), silver_team());
            req.locale = tag.into();
            let e = evaluate(&mut client, req).await;
            let o = outlook(&e, 0);
            assert_eq!(o.changes_on, date(2017, 9, 15));
            assert_eq!((o.causes.len(), o.causes_not_listed), (1_000, not_listed));
            let (date, money) = (
                |x| l.date(locale, x),
                |u| l.money(locale, Money::from_units(u)),
            );
            let expected = match locale {
                Locale::EnUs => format!(
                    "You’ll keep Silver through {}. On {}, revenue of {} from 1,000 records booked \
                     on {}, leaves the TTM period and {en}, so your qualifying Net New Revenue \
                     falls to {} (below the {} threshold).",
                    date(d(2017, 9, 14)),
                    date(d(2017, 9, 15)),
                    money(20_000),
                    date(d(2016, 9, 15)),
                    money(qualifying),
                    money(100_000),
                ),
                Locale::Pseudo => unreachable!("not one of Locale::ALL"),
                Locale::RuRu => format!(
                    "Серебряный уровень сохранится по {} включительно; {} из отчетного \
                     периода выбудет проведенная {} сумма {} (1\u{a0}000\u{a0}записей) и {ru}, \
                     и поэтому чистая прибыль партнера за 12-месячный отчетный период снизится \
                     до {} (ниже порога в {}).",
                    date(d(2017, 9, 14)),
                    date(d(2017, 9, 15)),
                    date(d(2016, 9, 15)),
                    money(20_000),
                    money(qualifying),
                    money(100_000),
                ),
            };
            assert_eq!(o.explanation, expected);
        }
    }
    server.stop().await;
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    /// Codes by the group they fill (AZ-900 fills none), so that random
    /// teams often come close to Silver or Gold.
    const APPLICATION: [&str; 3] = ["MB2-714", "MB2-709", "MB2-717"];
    const DEPLOYMENT: [&str; 3] = ["MB2-710", "MB2-715", "AZ-900"];
    const CUSTOMIZATION: [&str; 3] = ["MB2-712", "MB2-716", "AZ-900"];

    fn pb_date(d: Date) -> Option<PbDate> {
        date(d.year(), i32::from(d.month()), i32::from(d.day()))
    }

    fn rules_date(d: &PbDate) -> Date {
        Date::new(d.year, d.month, d.day).expect("a valid date")
    }

    fn day() -> impl Strategy<Value = Date> {
        (-400i64..=400).prop_map(|n| Date::ymd(2017, 12, 1).plus_days(n))
    }

    fn requests() -> impl Strategy<Value = pb::EvaluateRequest> {
        let records =
            proptest::collection::vec((-4i64..=12, day(), proptest::bool::weighted(0.8)), 2..10);
        let when = || proptest::option::weighted(0.7, day());
        let people = proptest::collection::vec(
            (
                0..3usize,
                0..3usize,
                0..3usize,
                when(),
                when(),
                any::<bool>(),
            ),
            2..8,
        );
        (day(), 0usize..3, records, people).prop_map(|(as_of, edition, records, people)| {
            let revenue = records
                .into_iter()
                .enumerate()
                .map(|(i, (k, booked, dpor))| {
                    record(
                        &format!("c{i}"),
                        CrmOnline,
                        k * 25_000,
                        pb_date(booked),
                        dpor,
                    )
                })
                .collect();
            let individuals = people
                .into_iter()
                .enumerate()
                .map(|(i, (a, b, c, first, second, customizer))| {
                    let exams = if customizer {
                        vec![pass(CUSTOMIZATION[c], first.and_then(pb_date))]
                    } else {
                        vec![
                            pass(APPLICATION[a], first.and_then(pb_date)),
                            pass(DEPLOYMENT[b], second.and_then(pb_date)),
                        ]
                    };
                    pb::Individual {
                        id: format!("i{i}"),
                        display_name: String::new(),
                        exams,
                    }
                })
                .collect();
            let mut r = request(pb_date(as_of), revenue, individuals);
            r.edition = ["", "2017-07", "2017-11"][edition].into();
            r
        })
    }

    /// Evaluating on `changes_on` gives the other `attained`, and on the day
    /// before the same as today; with no change, the horizon's last day
    /// gives today's.
    #[test]
    fn evaluating_on_changes_on_and_the_day_before_agrees_with_the_outlook() {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let server = rt.block_on(TestServer::start());
        let client = rt.block_on(server.client());
        // A fixed seed: the same cases on every run, so that the count of
        // changes below is a property of the cases, not of luck.
        let mut runner = TestRunner::new_with_rng(
            Config {
                cases: 64,
                failure_persistence: None,
                ..Config::default()
            },
            TestRng::deterministic_rng(RngAlgorithm::ChaCha),
        );
        let changes = std::sync::atomic::AtomicUsize::new(0);
        let result = runner.run(&requests(), |req| {
            let mut client = client.clone();
            let changes = &changes;
            rt.block_on(async move {
                let today = evaluate(&mut client, req.clone()).await;
                for (l, level) in today.levels.iter().enumerate() {
                    let o = level.outlook.as_ref().expect("outlook");
                    let probes = match &o.changes_on {
                        Some(on) => {
                            changes.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let on = rules_date(on);
                            vec![(on.previous_day(), level.attained), (on, !level.attained)]
                        }
                        None => {
                            let end = rules_date(o.horizon_end.as_ref().expect("horizon"));
                            vec![(end, level.attained)]
                        }
                    };
                    for (as_of, attained) in probes {
                        let mut later = req.clone();
                        later.as_of = pb_date(as_of);
                        let e = evaluate(&mut client, later).await;
                        prop_assert_eq!(e.levels[l].attained, attained, "{} on {}", l, as_of);
                    }
                }
                Ok(())
            })
        });
        rt.block_on(server.stop());
        result.expect("the outlook agrees with evaluating on its days");
        // The cases exercise changes, not only outlooks where nothing changes.
        let changes = changes.into_inner();
        assert!(changes >= 10, "{changes} changes");
    }
}

#[tokio::test]
async fn a_fourth_person_is_named_rather_than_counted() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // On 2017-11-16 six passes of the new edition start to count, all of
    // people who then fill Gold's seats (a2, a3: two each; c2, c3: one
    // each). The sentence names three people and counts the rest's passes,
    // unless the rest is one person: then they are named too ("and one
    // more" would say less in as many words). Gold's four seats make that
    // the case whenever passes move only for the people who fill them.
    let team = vec![
        person("a2", "A2", &["MB2-717", "MB2-715"]),
        person("a3", "A3", &["MB2-718", "MB2-715"]),
        person("c2", "C2", &["MB2-716"]),
        person("c3", "C3", &["MB2-716"]),
    ];
    let revenue = vec![record("a", CrmOnline, 300_000, date(2017, 7, 1), true)];
    let l = Localizer::new().expect("localizer");
    for (tag, locale) in [("en-US", Locale::EnUs), ("ru-RU", Locale::RuRu)] {
        let mut req = request(date(2017, 7, 7), revenue.clone(), team.clone());
        req.locale = tag.into();
        let e = evaluate(&mut client, req).await;
        let gold = outlook(&e, 1);
        assert_eq!(gold.changes_on, date(2017, 11, 16));
        assert_eq!(gold.causes.len(), 7, "the edition and six passes");
        let day = l.date(locale, d(2017, 11, 16));
        let expected = match locale {
            Locale::EnUs => format!(
                "You’ll attain Gold on {day}. On that day, the 2017-11 edition of the rules \
                 comes into force and six exam passes start to count (A2’s MB2-717 and MB2-715, \
                 A3’s MB2-718 and MB2-715, C2’s MB2-716, and C3’s MB2-716), so the exam \
                 requirements are met. You’ll keep Gold through June 30, 2018. On July 1, 2018, \
                 revenue of US$300,000 booked on July 1, 2017, leaves the TTM period, so your \
                 qualifying Net New Revenue falls to US$0 (below the US$300,000 threshold)."
            ),
            Locale::Pseudo => unreachable!("not one of Locale::ALL"),
            Locale::RuRu => format!(
                "Золотой уровень будет достигнут {day}: в этот день вступят в силу правила \
                 редакции 2017-11 и начнут засчитываться шесть результатов экзаменов \
                 (A2\u{a0}— MB2-717 и MB2-715; A3\u{a0}— MB2-718 и MB2-715; \
                 C2\u{a0}— MB2-716; C3\u{a0}— MB2-716), и поэтому требования к экзаменам будут \
                 выполнены. Этот уровень сохранится по 30\u{a0}июня 2018\u{a0}г. включительно; \
                 1\u{a0}июля 2018\u{a0}г. из отчетного периода выбудет \
                 проведенная 1\u{a0}июля 2017\u{a0}г. сумма 300\u{a0}000\u{a0}долларов США, и \
                 поэтому чистая прибыль партнера за 12-месячный отчетный период снизится до \
                 0\u{a0}долларов США (ниже порога в 300\u{a0}000\u{a0}долларов США)."
            ),
        };
        assert_eq!(gold.explanation, expected);
    }
    server.stop().await;
}

#[tokio::test]
async fn revenue_that_falls_below_zero_is_a_net_credit_in_both_locales() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // as_of 2017-07-07: 150,000 (2016-08-01) − 50,000 (2017-01-01) = 100,000,
    // Silver's threshold. 2016-08-01 leaves the TTM period on 2017-08-01
    // (its period starts 2016-08-02): −50,000 is left, a net credit.
    let revenue = vec![
        record("fabrikam", CrmOnline, 150_000, date(2016, 8, 1), true),
        record("tailspin", CrmOnline, -50_000, date(2017, 1, 1), true),
    ];
    for (tag, wanted) in [
        ("en-US", "your qualifying Net New Revenue falls to a net credit of US$50,000 (below the US$100,000 threshold)."),
        ("ru-RU", "станет отрицательной (чистый возврат в размере 50\u{a0}000\u{a0}долларов США; ниже порога в 100\u{a0}000\u{a0}долларов США)."),
    ] {
        let mut req = request(date(2017, 7, 7), revenue.clone(), silver_team());
        req.locale = tag.into();
        let e = evaluate(&mut client, req).await;
        assert!(e.levels[0].attained);
        let o = outlook(&e, 0);
        assert_eq!(o.changes_on, date(2017, 8, 1));
        assert_eq!(o.qualifying_on_change, usd(-50_000, 0));
        assert!(o.explanation.ends_with(wanted), "{tag}: {}", o.explanation);
        assert!(
            !o.explanation.contains("-US$") && !o.explanation.contains('\u{2212}'),
            "{tag}: {}",
            o.explanation
        );
    }
}

/// Issue 25: the keep plan. As of 2018-06-01 (horizon 2019-06-01), Silver
/// holds through 2018-12-31: on 2019-01-01 Olga Kuznetsova's MB2-709 stops
/// counting; on 2019-05-01 the 100,000 of 2018-05-01 leaves and 88,499.50
/// (booked 2018-12-01) remains, 11,500.50 short. By 2019-01-01, one
/// application exam that can be taken that day (never MB2-709, retired) and
/// counts through 2019-06-01; by 2019-05-01 (when revenue first falls
/// short), 11,500.50 more.
#[tokio::test]
async fn a_keep_plan_in_both_locales() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut late = record("b", CrmOnline, 88_499, date(2018, 12, 1), true);
    late.amount = usd(88_499, 500_000_000);
    let revenue = vec![
        record("a", CrmOnline, 100_000, date(2018, 5, 1), true),
        late,
    ];
    let team = vec![
        pb::Individual {
            id: "o-1".into(),
            display_name: "Olga Kuznetsova".into(),
            exams: vec![pass("MB2-709", date(2017, 5, 1)), pass("MB2-710", None)],
        },
        person("e-2", "Ivan Petrov", &["MB2-712"]),
    ];
    let l = Localizer::new().expect("localizer");
    for (tag, locale) in [("en-US", Locale::EnUs), ("ru-RU", Locale::RuRu)] {
        let mut req = request(date(2018, 6, 1), revenue.clone(), team.clone());
        req.locale = tag.into();
        let e = evaluate(&mut client, req).await;
        let o = outlook(&e, 0);
        assert_eq!(o.changes_on, date(2019, 1, 1));
        let keep = o.keep.as_ref().expect("a keep plan");
        assert_eq!(keep.deadline, date(2019, 1, 1));
        assert_eq!(keep.revenue_needed, usd(11_500, 500_000_000));
        assert_eq!(keep.revenue_deadline, date(2019, 5, 1));
        assert_eq!((keep.additional_exams, keep.additional_individuals), (1, 0));
        assert_eq!(keep.steps.len(), 1);
        assert_eq!(keep.steps[0].individual_id, "o-1");
        assert_eq!(keep.steps[0].role, "application-deployment");
        assert_eq!(keep.steps[0].exams.len(), 1);
        assert_eq!(
            keep.steps[0].exams[0].one_of,
            ["MB2-714", "MB2-713", "MB2-717", "MB2-718", "MB2-877"]
        );
        let (date, money, lowest) = (
            |x| l.date(locale, x),
            l.money(locale, Money::from_parts(11_500, 500_000_000)),
            l.money(locale, Money::from_parts(88_499, 500_000_000)),
        );
        // The outlook names the exams that stop counting, not the revenue
        // that falls short later: the plan says what its revenue makes up for.
        assert_eq!(keep.lowest_on, common::date(2019, 5, 1));
        assert_eq!(keep.lowest_qualifying, usd(88_499, 500_000_000));
        let expected = match locale {
            Locale::EnUs => format!(
                "To keep Silver through {}, book at least {money} more qualifying Net New Revenue \
                 by {}, and make sure that, by {}, Olga Kuznetsova passes one exam from the application group other than MB2-709. That revenue must be dated after {}: revenue dated on or \
                 before that day leaves the TTM period by {}. Without the additional revenue, \
                 your qualifying Net New Revenue would fall to {lowest} on {}.",
                date(d(2019, 6, 1)),
                date(d(2019, 5, 1)),
                date(d(2019, 1, 1)),
                date(d(2018, 6, 1)),
                date(d(2019, 6, 1)),
                date(d(2019, 5, 1)),
            ),
            Locale::RuRu => format!(
                "Чтобы сохранить Серебряный уровень по {} включительно, не позднее {} \
                 нужно сдать экзамен (Olga Kuznetsova\u{a0}— любой из группы «приложения», кроме MB2-709), а не позднее {}\u{a0}— получить еще как минимум \
                 {money} чистой прибыли партнера за 12-месячный отчетный период. Эта прибыль \
                 должна быть получена после {}: прибыль, полученная в этот день или раньше, \
                 выйдет из 12-месячного отчетного периода не позднее {} Если не \
                 получить дополнительную прибыль, {} чистая прибыль партнера снизится до {lowest}.",
                date(d(2019, 6, 1)),
                date(d(2019, 1, 1)),
                date(d(2019, 5, 1)),
                date(d(2018, 6, 1)),
                date(d(2019, 6, 1)),
                date(d(2019, 5, 1)),
            ),
            Locale::Pseudo => unreachable!("only en-US and ru-RU are asked for"),
        };
        assert_eq!(keep.explanation, expected);
        // Gold is not attained: no plan (the gap answers).
        assert!(outlook(&e, 1).keep.is_none());
    }
    // Pinned to 2017-07, MB2-709 counts with no end: revenue only, and the
    // deadline is the day revenue falls short.
    let mut req = request(date(2018, 6, 1), revenue.clone(), team.clone());
    req.edition = "2017-07".into();
    let e = evaluate(&mut client, req).await;
    let keep = outlook(&e, 0).keep.as_ref().expect("a keep plan");
    assert_eq!(keep.deadline, date(2019, 5, 1));
    assert_eq!(keep.revenue_needed, usd(11_500, 500_000_000));
    assert_eq!(keep.revenue_deadline, date(2019, 5, 1));
    assert!(keep.steps.is_empty());
    assert_eq!(
        keep.explanation,
        format!(
            "To keep Silver through {}, book at least {} more qualifying Net New Revenue by {}. \
             That revenue must be dated after {}: revenue dated on or before that day leaves \
             the TTM period by {}.",
            l.date(Locale::EnUs, d(2019, 6, 1)),
            l.money(Locale::EnUs, Money::from_parts(11_500, 500_000_000)),
            l.date(Locale::EnUs, d(2019, 5, 1)),
            l.date(Locale::EnUs, d(2018, 6, 1)),
            l.date(Locale::EnUs, d(2019, 6, 1)),
        )
    );
    // Not lost within the horizon: no plan.
    let e = evaluate(
        &mut client,
        request(
            date(2018, 6, 1),
            vec![
                record("a", CrmOnline, 100_000, date(2018, 5, 1), true),
                record("b", CrmOnline, 100_000, date(2018, 12, 1), true),
            ],
            silver_team(),
        ),
    )
    .await;
    assert!(e.levels[0].attained);
    assert_eq!(outlook(&e, 0).changes_on, None);
    assert!(outlook(&e, 0).keep.is_none());
    server.stop().await;
}
