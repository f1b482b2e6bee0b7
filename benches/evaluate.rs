//! In-process cost of a call, without the transport: validate + convert the
//! proto request, evaluate the rules, render in Russian. Sizes grow 100× from
//! one case to the next, so linear growth shows as ~100× time.
//!
//! cargo bench --bench evaluate

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use crm_competency::api::{convert, render::Renderer, Limits};
use crm_competency::l10n::Localizer;
use crm_competency::pb::competency as pb;
use crm_competency::pb::google::r#type::{Date, Money};
use crm_competency::rules;

const CODES: [&str; 7] = [
    "MB2-714", "MB2 710", "mb2-712", "MB2-713", "MB2706", "MB2-707", "AZ-900",
];

/// A submission with `individuals` people and `records` revenue records.
pub fn submission(individuals: usize, records: usize) -> pb::EvaluateRequest {
    let products = [
        pb::Product::CrmOnline,
        pb::Product::Dynamics365Plan1,
        pb::Product::Other,
    ];
    pb::EvaluateRequest {
        competency: "cloud-crm".into(),
        locale: "ru-RU".into(),
        as_of: Some(Date {
            year: 2017,
            month: 7,
            day: 7,
        }),
        request_id: "bench".into(),
        edition: String::new(),
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

fn bench(c: &mut Criterion) {
    let r = Renderer::new(Localizer::new().expect("localizer"));
    let l10n = &r.l10n;
    let limits = Limits {
        max_individuals: usize::MAX,
        max_revenue_records: usize::MAX,
        max_exams_per_individual: usize::MAX,
    };
    let mut group = c.benchmark_group("in_process");
    for (name, individuals, records) in [
        ("small", 5, 20),
        ("medium", 1_000, 10_000),
        ("large", 100_000, 1_000_000),
    ] {
        if name == "large" {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(20));
        }
        group.throughput(Throughput::Elements((individuals + records) as u64));
        let request = submission(individuals, records);

        // The whole in-process path, as a call pays it.
        group.bench_with_input(
            BenchmarkId::new("validate_evaluate_render", name),
            &request,
            |b, request| {
                b.iter_batched(
                    || request.clone(),
                    |request| {
                        let valid = convert::evaluate(l10n, &limits, None, request)
                            .map_err(|(e, _)| e)
                            .expect("valid");
                        let e = rules::evaluate(
                            valid.scope.edition,
                            valid.scope.as_of,
                            &valid.submission,
                        );
                        black_box(r.evaluation(
                            &valid.scope,
                            valid.request_id,
                            &valid.submission,
                            &e,
                        ))
                    },
                    BatchSize::LargeInput,
                )
            },
        );

        // Evaluation and rendering alone (§7's "in-process evaluation and rendering").
        let valid = convert::evaluate(l10n, &limits, None, request.clone())
            .map_err(|(e, _)| e)
            .expect("valid");
        group.bench_with_input(
            BenchmarkId::new("evaluate_render", name),
            &valid,
            |b, valid| {
                b.iter(|| {
                    let e =
                        rules::evaluate(valid.scope.edition, valid.scope.as_of, &valid.submission);
                    black_box(r.evaluation(&valid.scope, String::new(), &valid.submission, &e))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
