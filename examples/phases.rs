//! Where the in-process time of a small ru-RU / en-US call goes:
//! conversion (validation), evaluation, rendering.
//!
//!     cargo run --release --example phases
//!
//! (`N=300 valgrind --tool=callgrind target/release/examples/phases` for a profile.)
use crm_competency::api::{convert, render::Renderer, Limits};
use crm_competency::l10n::Localizer;
use crm_competency::rules;
use std::time::Instant;
#[path = "../benches/fixtures.rs"]
mod fixtures;

fn main() {
    let r = Renderer::new(Localizer::new().unwrap());
    let l10n = &r.l10n;
    for locale in ["ru-RU", "en-US", "ru-RU", "en-US"] {
        let req = fixtures::small(locale);
        let n: u128 = std::env::var("N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2000);
        let (mut tc, mut te, mut tr) = (0u128, 0u128, 0u128);
        for _ in 0..n {
            let t0 = Instant::now();
            let v = convert::evaluate(l10n, &Limits::default(), None, req.clone())
                .map_err(|e| e.0)
                .unwrap();
            let t1 = Instant::now();
            let e = rules::evaluate(v.scope.edition, v.scope.as_of, &v.submission);
            let t2 = Instant::now();
            let out = r.evaluation(&v.scope, v.request_id, &v.submission, &e);
            let t3 = Instant::now();
            std::hint::black_box(out);
            tc += (t1 - t0).as_nanos();
            te += (t2 - t1).as_nanos();
            tr += (t3 - t2).as_nanos();
        }
        println!(
            "{locale}: convert {} us, evaluate {} us, render {} us",
            tc / n / 1000,
            te / n / 1000,
            tr / n / 1000
        );
    }
}
