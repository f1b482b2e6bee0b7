//! In-process cost of a call, without the transport: validate + convert the
//! proto request, evaluate the rules (with the outlook, §2.7), render in
//! Russian, all through the one entry point (`api::answer`); the evaluation
//! with and without the outlook, the outlook alone, the keep plan alone
//! (issue 25), and `view = FULL`'s
//! trace on top (`evaluate_render_full`, §2.8) (the full evaluation's
//! outlook included). Sizes
//! grow 100× from one case to the next, so linear growth shows as ~100× time.
//!
//! cargo bench --bench evaluate

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use crm_competency::api::{answer, convert, render::Renderer, Limits};
use crm_competency::l10n::Localizer;
use crm_competency::rules;

mod fixtures;

/// The service binary's allocator, so in-process figures match what it pays.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
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
        let request = fixtures::submission(individuals, records, "ru-RU");

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
                        black_box(answer::respond(&r, valid))
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
                        rules::answer(valid.editions, valid.scope.as_of, &valid.submission, false);
                    black_box(answer::assemble(&r, valid, &e))
                })
            },
        );

        // The same with the outlook (§2.7), as every call now pays it.
        group.bench_with_input(
            BenchmarkId::new("evaluate_outlook_render", name),
            &valid,
            |b, valid| {
                b.iter(|| {
                    let e = answer::judge(valid);
                    black_box(answer::assemble(&r, valid, &e))
                })
            },
        );

        // The outlook alone: the sweep over the days anything changes.
        let today = rules::evaluate(valid.scope.edition, valid.scope.as_of, &valid.submission);
        group.bench_with_input(BenchmarkId::new("outlook", name), &valid, |b, valid| {
            b.iter(|| black_box(rules::outlook(valid.editions, &today, &valid.submission)))
        });

        // The keep plan (issue 25). As of 2018-06-01 every record of the
        // fixture (booked in 2016 and 2017) leaves the TTM period within
        // the horizon: each level is lost, and has a plan. The outlook with
        // its plans, then the plans alone (each builds its own revenue per
        // day; in the outlook they share the sweep's).
        let mut lost = request.clone();
        lost.as_of = Some(crm_competency::pb::google::r#type::Date {
            year: 2018,
            month: 6,
            day: 1,
        });
        let lost = convert::evaluate(l10n, &limits, None, lost)
            .map_err(|(e, _)| e)
            .expect("valid");
        let lost_today = rules::evaluate(lost.scope.edition, lost.scope.as_of, &lost.submission);
        let outlooks = rules::outlook(lost.editions, &lost_today, &lost.submission);
        assert!(
            outlooks.iter().any(|o| o.keep.is_some()) || name == "small",
            "{name}: no level is lost within the horizon"
        );
        group.bench_with_input(BenchmarkId::new("outlook_lost", name), &lost, |b, valid| {
            b.iter(|| {
                black_box(rules::outlook(
                    valid.editions,
                    &lost_today,
                    &valid.submission,
                ))
            })
        });
        group.bench_with_input(BenchmarkId::new("keep", name), &lost, |b, valid| {
            b.iter(|| {
                for o in &outlooks {
                    black_box(rules::outlook::keep::keep(
                        valid.editions,
                        &lost_today,
                        &valid.submission,
                        o,
                    ));
                }
            })
        });

        // The same with view = FULL: the per-input trace on top (§2.8).
        let mut full_request = request.clone();
        full_request.view = crm_competency::pb::competency::EvaluationView::Full.into();
        let full = convert::evaluate(l10n, &limits, None, full_request)
            .map_err(|(e, _)| e)
            .expect("valid");
        group.bench_with_input(
            BenchmarkId::new("evaluate_render_full", name),
            &full,
            |b, full| {
                b.iter(|| {
                    let e = answer::judge(full);
                    black_box(answer::assemble(&r, full, &e))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
