//! Benchmark inputs, shared by `benches/evaluate.rs`, `benches/load.rs`,
//! `examples/phases.rs` and `examples/decode.rs`.

use crm_competency::pb::competency as pb;
use crm_competency::pb::google::r#type::{Date, Money};

const CODES: [&str; 7] = [
    "MB2-714", "MB2 710", "mb2-712", "MB2-713", "MB2706", "MB2-707", "AZ-900",
];

/// A submission with `individuals` people and `records` revenue records.
pub fn submission(individuals: usize, records: usize, locale: &str) -> pb::EvaluateRequest {
    let products = [
        pb::Product::CrmOnline,
        pb::Product::Dynamics365Plan1,
        pb::Product::Other,
    ];
    pb::EvaluateRequest {
        competency: "cloud-crm".into(),
        locale: locale.into(),
        as_of: Some(Date {
            year: 2017,
            month: 7,
            day: 7,
        }),
        request_id: "bench".into(),
        edition: String::new(),
        view: pb::EvaluationView::Basic.into(),
        submission: Some(pb::Submission {
            partner_id: "contoso".into(),
            market: pb::Market::Developed.into(),
            revenue: (0..records)
                .map(|i| pb::RevenueRecord {
                    customer_id: format!("c{}", i % 997),
                    product: products[i % 3].into(),
                    amount: Some(Money {
                        currency_code: "USD".into(),
                        units: 1_000 + (i % 5_000) as i64,
                        nanos: 250_000_000,
                    }),
                    booked_on: Some(Date {
                        year: 2016 + (i % 2) as i32,
                        month: 1 + (i % 12) as i32,
                        day: 1 + (i % 28) as i32,
                    }),
                    digital_partner_of_record: i % 7 != 0,
                })
                .collect(),
            individuals: (0..individuals)
                .map(|i| pb::Individual {
                    id: format!("e{i}"),
                    display_name: format!("Сотрудник {i}"),
                    exams: (0..(i % 3))
                        .map(|j| pb::ExamPass {
                            code: CODES[(i + j) % CODES.len()].into(),
                            passed_on: Some(Date {
                                year: 2016,
                                month: 1 + (j % 12) as i32,
                                day: 10,
                            }),
                        })
                        .collect(),
                })
                .collect(),
        }),
    }
}

/// §7's small submission: 5 individuals, 20 revenue records.
#[allow(dead_code)] // not every includer needs it
pub fn small(locale: &str) -> pb::EvaluateRequest {
    submission(5, 20, locale)
}
