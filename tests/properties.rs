//! Property-based tests over generated submissions, valid and invalid.

use std::sync::LazyLock;

use crm_competency::api::{answer, convert, render::Renderer, Limits};
use crm_competency::l10n::{Locale, Localizer};
use crm_competency::pb::competency as pb;
use crm_competency::pb::google::r#type as gtype;
use crm_competency::rules::{
    self, catalog::CLOUD_CRM, Date, Evaluation, ExamPass, Individual, Market, Money, Product,
    RevenueRecord, Submission,
};
use proptest::prelude::*;

static R: LazyLock<Renderer> =
    LazyLock::new(|| Renderer::new(Localizer::new().expect("localizer")).expect("renderer"));
static L10N: LazyLock<&Localizer> = LazyLock::new(|| &R.l10n);

const CODES: &[&str] = &[
    "MB2-714", "mb2 713", "MB2709", "MB2-710", "mb2_706", "MB2-712", "MB2-707", "MB2-717",
    "MB2-718", "MB2-877", "MB2-715", "MB2-716", "AZ-900", "MB2-999",
];
const AS_OF: &[Date] = &[
    Date::ymd(2017, 7, 7),
    Date::ymd(2017, 11, 16),
    Date::ymd(2018, 12, 31),
    Date::ymd(2019, 1, 1),
    Date::ymd(2016, 2, 29),
];

fn date_strategy() -> impl Strategy<Value = Date> {
    (2015i32..=2019, 1i32..=12, 1i32..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

fn pass_strategy() -> impl Strategy<Value = ExamPass> {
    (
        prop::sample::select(CODES),
        prop::option::of(date_strategy()),
    )
        .prop_map(|(code, passed_on)| ExamPass {
            code: code.to_string(),
            passed_on,
        })
}

fn submission_strategy() -> impl Strategy<Value = Submission> {
    let record = (
        prop::sample::select(
            &[
                Product::CrmOnline,
                Product::Dynamics365Plan1,
                Product::Other,
            ][..],
        ),
        -50_000i64..250_000,
        0i32..1_000_000_000,
        date_strategy(),
        any::<bool>(),
    )
        .prop_map(|(product, units, nanos, booked_on, dpor)| RevenueRecord {
            product,
            amount: Money::from_parts(units, if units < 0 { -nanos } else { nanos }),
            booked_on,
            digital_partner_of_record: dpor,
        });
    (
        prop::sample::select(&[Market::Developed, Market::Developing][..]),
        prop::collection::vec(record, 0..8),
        prop::collection::vec(prop::collection::vec(pass_strategy(), 0..5), 0..7),
    )
        .prop_map(|(market, revenue, people)| Submission {
            partner_id: "p".into(),
            market,
            revenue,
            individuals: people
                .into_iter()
                .enumerate()
                .map(|(i, exams)| Individual {
                    id: format!("i{i}"),
                    display_name: String::new(),
                    exams,
                })
                .collect(),
        })
}

fn eval(as_of: Date, s: &Submission) -> Evaluation {
    rules::evaluate(CLOUD_CRM.edition_in_force(as_of), as_of, s)
}

fn additional_exams(e: &Evaluation) -> Vec<u32> {
    e.levels
        .iter()
        .map(|l| l.gap.as_ref().map_or(0, |g| g.additional_exams))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn gold_implies_silver(s in submission_strategy(), as_of in prop::sample::select(AS_OF)) {
        let e = eval(as_of, &s);
        if e.levels[1].attained {
            prop_assert!(e.levels[0].attained);
        }
        prop_assert_eq!(e.attained.is_some(), e.levels[0].attained);
    }

    #[test]
    fn more_qualifying_revenue_never_lowers_the_level(
        s in submission_strategy(),
        as_of in prop::sample::select(AS_OF),
        units in 0i64..400_000,
    ) {
        let before = eval(as_of, &s);
        let mut more = s.clone();
        more.revenue.push(RevenueRecord {
            product: Product::CrmOnline,
            amount: Money::from_units(units),
            booked_on: as_of,
            digital_partner_of_record: true,
        });
        let after = eval(as_of, &more);
        prop_assert!(after.attained >= before.attained);
    }

    #[test]
    fn another_pass_never_raises_additional_exams(
        s in submission_strategy(),
        as_of in prop::sample::select(AS_OF),
        pass in pass_strategy(),
        who in 0usize..8,
    ) {
        let before = eval(as_of, &s);
        let mut more = s.clone();
        if more.individuals.is_empty() {
            return Ok(());
        }
        let i = who % more.individuals.len();
        more.individuals[i].exams.push(pass);
        let after = eval(as_of, &more);
        for (b, a) in additional_exams(&before).iter().zip(additional_exams(&after)) {
            prop_assert!(a <= *b, "{} -> {}", b, a);
        }
    }

    #[test]
    fn no_additional_exams_exactly_when_the_exams_requirement_is_met(
        s in submission_strategy(),
        as_of in prop::sample::select(AS_OF),
    ) {
        let e = eval(as_of, &s);
        for level in &e.levels {
            if let Some(gap) = &level.gap {
                prop_assert_eq!(gap.additional_exams == 0, level.exams.met);
                prop_assert_eq!(gap.steps.is_empty(), level.exams.met);
                prop_assert_eq!(gap.revenue_shortfall.is_zero(), level.revenue.met);
            } else {
                prop_assert!(level.attained && level.exams.met);
            }
        }
    }

    #[test]
    fn applying_the_plan_meets_the_exams_requirement_with_exactly_that_many_passes(
        s in submission_strategy(),
        as_of in prop::sample::select(AS_OF),
    ) {
        let e = eval(as_of, &s);
        for (idx, level) in e.levels.iter().enumerate() {
            let Some(gap) = &level.gap else { continue };
            let mut applied = s.clone();
            let mut added = 0u32;
            for step in &gap.steps {
                let passes: Vec<ExamPass> = step
                    .exams
                    .iter()
                    .map(|choice| ExamPass { code: choice.one_of[0].to_string(), passed_on: Some(as_of) })
                    .collect();
                added += passes.len() as u32;
                match step.individual {
                    Some(i) => applied.individuals[i].exams.extend(passes),
                    None => applied.individuals.push(Individual {
                        id: format!("new-{}", applied.individuals.len()),
                        display_name: String::new(),
                        exams: passes,
                    }),
                }
            }
            prop_assert_eq!(added, gap.additional_exams);
            let after = eval(as_of, &applied);
            prop_assert!(after.levels[idx].exams.met, "plan did not fill {:?}", level.level);
            let new = gap.steps.iter().filter(|s| s.individual.is_none()).count() as u32;
            prop_assert_eq!(new, gap.additional_individuals);
        }
    }
}

// --- Anything a caller can send: conversion, evaluation and rendering never panic.

fn any_date() -> impl Strategy<Value = Option<gtype::Date>> {
    prop::option::of(
        (-5i32..3000, -2i32..15, -2i32..33).prop_map(|(year, month, day)| gtype::Date {
            year,
            month,
            day,
        }),
    )
}

fn any_money() -> impl Strategy<Value = Option<gtype::Money>> {
    prop::option::of(
        (
            prop::sample::select(&["USD", "", "EUR", "usd"][..]),
            any::<i64>(),
            any::<i32>(),
        )
            .prop_map(|(c, units, nanos)| gtype::Money {
                currency_code: c.to_string(),
                units,
                nanos,
            }),
    )
}

fn any_request() -> impl Strategy<Value = pb::EvaluateRequest> {
    let record = (".{0,3}", -1i32..5, any_money(), any_date(), any::<bool>()).prop_map(
        |(customer_id, product, amount, booked_on, dpor)| pb::RevenueRecord {
            customer_id,
            product,
            amount,
            booked_on,
            digital_partner_of_record: dpor,
        },
    );
    let pass = (
        prop_oneof![
            prop::sample::select(CODES).prop_map(str::to_string),
            ".{0,12}"
        ],
        any_date(),
    )
        .prop_map(|(code, passed_on)| pb::ExamPass { code, passed_on });
    let person = (
        prop::sample::select(&["a", "b", "", "c", "ä"][..]),
        ".{0,6}",
        prop::collection::vec(pass, 0..4),
    )
        .prop_map(|(id, display_name, exams)| pb::Individual {
            id: id.to_string(),
            display_name,
            exams,
        });
    let submission = prop::option::of(
        (
            ".{0,4}",
            -1i32..4,
            prop::collection::vec(record, 0..5),
            prop::collection::vec(person, 0..5),
        )
            .prop_map(
                |(partner_id, market, revenue, individuals)| pb::Submission {
                    partner_id,
                    market,
                    revenue,
                    individuals,
                },
            ),
    );
    (
        prop::sample::select(&["", "cloud-crm", "cloud-erp"][..]),
        submission,
        prop_oneof![
            prop::sample::select(&["", "ru", "en-GB", "ru-KZ", "zz", "!!"][..])
                .prop_map(str::to_string),
            ".{0,8}"
        ],
        any_date(),
        prop::sample::select(&["", "2017-07", "2017-11", "1999-01"][..]),
    )
        .prop_map(
            |(competency, submission, locale, as_of, edition)| pb::EvaluateRequest {
                competency: competency.to_string(),
                submission,
                locale,
                as_of,
                request_id: "r".into(),
                edition: edition.to_string(),
                view: pb::EvaluationView::Basic.into(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn nothing_a_caller_sends_panics(request in any_request(), header in prop::option::of(".{0,12}")) {
        let limits = Limits::default();
        match convert::evaluate(&L10N, &limits, header.as_deref(), request) {
            Ok(valid) => {
                let out = answer::respond(&R, valid);
                prop_assert_eq!(out.levels.len(), 2);
                prop_assert!(out.levels.iter().all(|l| l.outlook.is_some()));
                prop_assert!(!out.summary.is_empty());
            }
            Err((error, locale)) => {
                let status = error.to_status(&L10N, locale);
                prop_assert_ne!(status.code(), tonic::Code::Ok);
                prop_assert!(Locale::ALL.contains(&locale));
            }
        }
    }
}
