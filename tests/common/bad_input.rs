//! Bad input: requests that break one rule of SPEC §5 each, and one that
//! breaks several (tests/validation.rs checks the errors; tests/pseudo_locale.rs
//! reads each error in the pseudo-locale).

use super::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::google::r#type::{Date, Money};

pub fn valid() -> pb::EvaluateRequest {
    contoso("en-US")
}

pub fn with_submission(f: impl FnOnce(&mut pb::Submission)) -> pb::EvaluateRequest {
    let mut r = valid();
    f(r.submission.as_mut().expect("submission"));
    r
}

/// Each request with the one field path its error names.
pub fn invalid_requests() -> Vec<(pb::EvaluateRequest, Vec<String>)> {
    let rev = |i: usize, f: &str| format!("submission.revenue[{i}].{f}");
    vec![
        (
            pb::EvaluateRequest {
                submission: None,
                ..valid()
            },
            vec!["submission".into()],
        ),
        (
            with_submission(|s| s.partner_id.clear()),
            vec!["submission.partner_id".into()],
        ),
        (
            with_submission(|s| s.market = 0),
            vec!["submission.market".into()],
        ),
        // Longer than a text field may be (review 40 H1).
        (
            with_submission(|s| s.individuals[0].display_name = "N".repeat(300)),
            vec!["submission.individuals[0].display_name".into()],
        ),
        (
            pb::EvaluateRequest {
                request_id: "r".repeat(257),
                ..valid()
            },
            vec!["request_id".into()],
        ),
        (
            with_submission(|s| s.market = 7),
            vec!["submission.market".into()],
        ),
        (
            with_submission(|s| s.revenue[1].customer_id = " ".into()),
            vec![rev(1, "customer_id")],
        ),
        (
            with_submission(|s| s.revenue[2].product = 0),
            vec![rev(2, "product")],
        ),
        (
            with_submission(|s| s.revenue[2].product = 42),
            vec![rev(2, "product")],
        ),
        (
            with_submission(|s| s.revenue[0].amount = None),
            vec![rev(0, "amount")],
        ),
        (
            with_submission(|s| s.revenue[0].booked_on = None),
            vec![rev(0, "booked_on")],
        ),
        (
            with_submission(|s| {
                s.revenue[3].amount.as_mut().expect("amount").currency_code = "EUR".into()
            }),
            vec![rev(3, "amount.currency_code")],
        ),
        (
            with_submission(|s| {
                s.revenue[3]
                    .amount
                    .as_mut()
                    .expect("amount")
                    .currency_code
                    .clear()
            }),
            vec![rev(3, "amount.currency_code")],
        ),
        (
            with_submission(|s| {
                s.revenue[0].amount = Some(Money {
                    currency_code: "USD".into(),
                    units: 1,
                    nanos: 1_000_000_000,
                })
            }),
            vec![rev(0, "amount.nanos")],
        ),
        (
            with_submission(|s| {
                s.revenue[0].amount = Some(Money {
                    currency_code: "USD".into(),
                    units: 5,
                    nanos: -1,
                })
            }),
            vec![rev(0, "amount.nanos")],
        ),
        // Past US$1 trillion a record: sums could leave google.type.Money.
        (
            with_submission(|s| {
                s.revenue[0].amount = Some(Money {
                    currency_code: "USD".into(),
                    units: i64::MAX,
                    nanos: 999_999_999,
                })
            }),
            vec![rev(0, "amount.units")],
        ),
        (
            with_submission(|s| {
                s.revenue[1].amount = Some(Money {
                    currency_code: "USD".into(),
                    units: -1_000_000_000_000,
                    nanos: 0,
                })
            }),
            vec![rev(1, "amount.units")],
        ),
        (
            with_submission(|s| {
                s.revenue[0].amount = Some(Money {
                    currency_code: "USD".into(),
                    units: -5,
                    nanos: 1,
                })
            }),
            vec![rev(0, "amount.nanos")],
        ),
        (
            with_submission(|s| {
                s.revenue[0].booked_on = Some(Date {
                    year: 2017,
                    month: 2,
                    day: 30,
                })
            }),
            vec![rev(0, "booked_on")],
        ),
        (
            with_submission(|s| {
                s.revenue[0].booked_on = Some(Date {
                    year: 2017,
                    month: 13,
                    day: 1,
                })
            }),
            vec![rev(0, "booked_on")],
        ),
        (
            pb::EvaluateRequest {
                as_of: Some(Date {
                    year: 2017,
                    month: 2,
                    day: 29,
                }),
                ..valid()
            },
            vec!["as_of".into()],
        ),
        (
            with_submission(|s| {
                s.individuals[1].exams[0].passed_on = Some(Date {
                    year: 2016,
                    month: 4,
                    day: 31,
                })
            }),
            vec!["submission.individuals[1].exams[0].passed_on".into()],
        ),
        (
            with_submission(|s| s.individuals[2].id.clear()),
            vec!["submission.individuals[2].id".into()],
        ),
        (
            with_submission(|s| s.individuals[2].id = "e-1".into()),
            vec!["submission.individuals[2].id".into()],
        ),
        (
            with_submission(|s| s.individuals[0].exams[1].code = "  ".into()),
            vec!["submission.individuals[0].exams[1].code".into()],
        ),
        // The calendar's edges (issue 23): the TTM period or the outlook
        // would leave years 1–9999.
        (
            pb::EvaluateRequest {
                as_of: Some(Date {
                    year: 1,
                    month: 12,
                    day: 30,
                }),
                ..valid()
            },
            vec!["as_of".into()],
        ),
        (
            pb::EvaluateRequest {
                as_of: Some(Date {
                    year: 9999,
                    month: 12,
                    day: 31,
                }),
                ..valid()
            },
            vec!["as_of".into()],
        ),
        (
            pb::EvaluateRequest {
                locale: "en-US-!!".into(),
                ..valid()
            },
            vec!["locale".into()],
        ),
        (
            pb::EvaluateRequest {
                edition: "2016-01".into(),
                ..valid()
            },
            vec!["edition".into()],
        ),
    ]
}

/// Seven problems at once (partner, market, currency, date, product, a
/// repeated id, an empty exam code).
pub fn many_problems() -> pb::EvaluateRequest {
    with_submission(|s| {
        s.partner_id.clear();
        s.market = 9;
        s.revenue[0].amount.as_mut().expect("amount").currency_code = "RUB".into();
        s.revenue[1].booked_on = Some(Date {
            year: 2017,
            month: 2,
            day: 30,
        });
        s.revenue[2].product = 0;
        s.individuals[1].id = "e-1".into();
        s.individuals[2].exams[0].code.clear();
    })
}
