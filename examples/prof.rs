use crm_competency::api::{convert, render::Renderer, Limits};
use crm_competency::l10n::Localizer;
use crm_competency::rules;
use std::time::Instant;
mod load {
    use crm_competency::pb::competency as pb;
    use crm_competency::pb::google::r#type::{Date, Money};
    /// §7's small submission: 5 individuals, 20 revenue records.
    pub fn small_request(locale: &str) -> pb::EvaluateRequest {
        let products = [
            pb::Product::CrmOnline,
            pb::Product::Dynamics365Plan1,
            pb::Product::Other,
        ];
        let exams: [&[&str]; 5] = [
            &["MB2-714", "MB2-710"],
            &["MB2-712"],
            &["MB2-713"],
            &["MB2-706"],
            &[],
        ];
        pb::EvaluateRequest {
            competency: "cloud-crm".into(),
            locale: locale.into(),
            as_of: Some(Date {
                year: 2017,
                month: 7,
                day: 7,
            }),
            request_id: "load".into(),
            edition: String::new(),
            submission: Some(pb::Submission {
                partner_id: "contoso".into(),
                market: pb::Market::Developed.into(),
                revenue: (0..20)
                    .map(|i| pb::RevenueRecord {
                        customer_id: format!("customer-{i}"),
                        product: products[i % 3].into(),
                        amount: Some(Money {
                            currency_code: "USD".into(),
                            units: 9_000 + i as i64 * 100,
                            nanos: 500_000_000,
                        }),
                        booked_on: Some(Date {
                            year: 2016 + (i % 2) as i32,
                            month: 1 + (i % 12) as i32,
                            day: 1 + i as i32,
                        }),
                        digital_partner_of_record: i % 5 != 0,
                    })
                    .collect(),
                individuals: exams
                    .iter()
                    .enumerate()
                    .map(|(i, codes)| pb::Individual {
                        id: format!("e-{i}"),
                        display_name: format!("Сотрудник {i}"),
                        exams: codes
                            .iter()
                            .map(|c| pb::ExamPass {
                                code: c.to_string(),
                                passed_on: None,
                            })
                            .collect(),
                    })
                    .collect(),
            }),
        }
    }
}
fn main() {
    let r = Renderer::new(Localizer::new().unwrap());
    let l10n = &r.l10n;
    for locale in ["ru-RU", "en-US", "ru-RU", "en-US"] {
        let req = load::small_request(locale);
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
