//! Where the in-process time of a small ru-RU / en-US call goes:
//! conversion (validation), evaluation (with the outlook, §2.7), rendering; with THREADS=2 the same
//! loop runs on two threads sharing one renderer, as a server's workers do.
//!
//!     cargo run --release --example phases
//!     THREADS=2 cargo run --release --example phases
//!
//! (`N=300 valgrind --tool=callgrind target/release/examples/phases` for a profile.)
//!
//! `ONLY=convert`, `evaluate` or `render` runs that phase alone, N times, on
//! the small ru-RU submission (the English one with `LOCALE=en-US`, the
//! medium one with `SIZE=medium`, the large one with `SIZE=large`),
//! `ONLY=all` the three in turn, and
//! `ONLY=none` only the same setup: under
//! callgrind, the difference of two runs' totals divided by N is the phase's
//! instructions per call (with link-time optimization most of a call is
//! inlined into a few functions, so per-function counts say little).
//!
//! `COLD=1` evicts the caches before each call, as a loaded server's other
//! work does: under `valgrind --tool=cachegrind --cache-sim=yes` the
//! difference of two runs' cache misses divided by N is the phase's
//! footprint, the cache lines of code and data it touches per call.

use std::time::{Duration, Instant};

use crm_competency::api::{answer, convert, render::Renderer, Limits};
use crm_competency::l10n::Localizer;

#[path = "../benches/fixtures.rs"]
mod fixtures;

/// The same allocator as the service binary, so that the bare server (and
/// the client) are measured on equal terms.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn run(r: &Renderer, locale: &str, n: u32) -> [Duration; 3] {
    let request = fixtures::small(locale);
    let mut spent = [Duration::ZERO; 3];
    for _ in 0..n {
        let t0 = Instant::now();
        let valid = convert::evaluate(&r.l10n, &UNBOUNDED, None, request.clone())
            .map_err(|(e, _)| e)
            .expect("valid request");
        let t1 = Instant::now();
        let e = answer::judge(&valid);
        let t2 = Instant::now();
        std::hint::black_box(answer::assemble(r, &valid, &e));
        let t3 = Instant::now();
        spent[0] += t1 - t0;
        spent[1] += t2 - t1;
        spent[2] += t3 - t2;
    }
    spent
}

/// One phase alone (see the top of the file); the request copies are made
/// for every phase, so that `none` subtracts them.
/// No size limits, as in `benches/evaluate.rs` (the large case is over
/// the service's defaults).
const UNBOUNDED: Limits = Limits {
    max_individuals: usize::MAX,
    max_revenue_records: usize::MAX,
    max_exams_per_individual: usize::MAX,
};

fn only(r: &Renderer, phase: &str, n: u32) {
    // SIZE=medium: §7's medium case (1,000 individuals, 10,000 records).
    // LOCALE=en-US: the English answer instead of the Russian one.
    let locale = std::env::var("LOCALE").unwrap_or_else(|_| "ru-RU".into());
    let request = match std::env::var("SIZE").as_deref() {
        Ok("medium") => fixtures::submission(1_000, 10_000, &locale),
        // SIZE=large: §7's large case (100,000 individuals, 1,000,000 records).
        Ok("large") => fixtures::submission(100_000, 1_000_000, &locale),
        _ => fixtures::small(&locale),
    };
    let valid = convert::evaluate(&r.l10n, &UNBOUNDED, None, request.clone())
        .map_err(|(e, _)| e)
        .expect("valid request");
    let e = answer::judge(&valid);
    let requests: Vec<_> = (0..n).map(|_| request.clone()).collect();
    let mut cold = Evictor::new();
    for q in requests {
        cold.evict();
        match phase {
            "convert" => {
                std::hint::black_box(convert::evaluate(&r.l10n, &UNBOUNDED, None, q).is_ok());
            }
            "evaluate" => {
                std::hint::black_box(answer::judge(&valid));
            }
            "render" => {
                std::hint::black_box(answer::assemble(r, &valid, &e));
            }
            "all" => {
                let valid = convert::evaluate(&r.l10n, &UNBOUNDED, None, q)
                    .map_err(|(e, _)| e)
                    .expect("valid request");
                let e = answer::judge(&valid);
                std::hint::black_box(answer::assemble(r, &valid, &e));
            }
            "none" => {}
            other => panic!("ONLY={other}: convert, evaluate, render, all or none"),
        }
    }
}

/// With `COLD=1`, writes a buffer larger than a core's caches before each
/// call, as a loaded server's other work (the transport, the kernel, other
/// processes) does between two evaluations: under cachegrind the call's
/// cache misses then count the code and data it touches (its footprint;
/// docs/performance.md compares it with a warm call's).
struct Evictor(Vec<u64>, u64);

impl Evictor {
    fn new() -> Evictor {
        let words = if std::env::var_os("COLD").is_some() {
            (2 << 20) / 8
        } else {
            0
        };
        Evictor(vec![0; words], 0)
    }

    fn evict(&mut self) {
        self.1 += 1;
        // One write per 64-byte line.
        for (i, word) in self.0.iter_mut().enumerate().step_by(8) {
            *word = word.wrapping_add(self.1 ^ i as u64);
        }
        std::hint::black_box(&self.0);
    }
}

fn main() {
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    if let Ok(phase) = std::env::var("ONLY") {
        let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
        return only(&r, &phase, n);
    }
    let threads: usize = std::env::var("THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    run(&r, "ru-RU", n / 10); // warm-up
    for locale in ["ru-RU", "en-US"] {
        let spent: Vec<[Duration; 3]> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|_| s.spawn(|| run(&r, locale, n)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("thread"))
                .collect()
        });
        let calls = f64::from(n) * threads as f64;
        let us = |i: usize| spent.iter().map(|s| s[i].as_secs_f64()).sum::<f64>() / calls * 1e6;
        println!(
            "{locale}, {threads} thread(s): convert {:.1} µs, evaluate {:.1} µs, render {:.1} µs per call",
            us(0),
            us(1),
            us(2)
        );
    }
}
