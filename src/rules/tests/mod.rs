//! The rules' tests: the source document's requirements one by one
//! (`requirements`), and one consistent answer (`consistency`, issue 23).

use super::catalog::CLOUD_CRM_2017_07;
use super::*;

mod consistency;
mod plans;
mod plans_outlook;
mod requirements;
mod seatings;

const AS_OF: Date = Date::ymd(2017, 7, 7);

fn record(units: i64, product: Product, booked_on: Date, dpor: bool) -> RevenueRecord {
    RevenueRecord {
        product,
        amount: Money::from_units(units),
        booked_on,
        digital_partner_of_record: dpor,
    }
}

fn qualifying(amount: Money) -> RevenueRecord {
    RevenueRecord {
        product: Product::CrmOnline,
        amount,
        booked_on: Date::ymd(2017, 1, 15),
        digital_partner_of_record: true,
    }
}

/// Silver under the 2017-11 edition through 2018: revenue of 2018-06-01,
/// "m" holding application and deployment with MB2-709 (accepted through
/// 2018-12-31) and MB2-710, "c" customization.
fn mb2_709_silver() -> Submission {
    submission(
        Market::Developed,
        vec![
            qualifying(Money::from_units(100_000)),
            RevenueRecord {
                booked_on: Date::ymd(2018, 6, 1),
                ..qualifying(Money::from_units(100_000))
            },
        ],
        vec![
            person("m", &["MB2-709", "MB2-710"]),
            person("c", &["MB2-712"]),
        ],
    )
}

fn person(id: &str, codes: &[&str]) -> Individual {
    Individual {
        id: id.to_string(),
        display_name: String::new(),
        exams: codes
            .iter()
            .map(|c| ExamPass {
                code: c.to_string(),
                passed_on: Some(Date::ymd(2017, 1, 1)),
            })
            .collect(),
    }
}

/// `id`, holding passes of `(code, date)`.
fn dated(id: &str, passes: &[(&str, Date)]) -> Individual {
    Individual {
        id: id.to_string(),
        display_name: String::new(),
        exams: passes
            .iter()
            .map(|(code, on)| ExamPass {
                code: code.to_string(),
                passed_on: Some(*on),
            })
            .collect(),
    }
}

fn submission(
    market: Market,
    revenue: Vec<RevenueRecord>,
    individuals: Vec<Individual>,
) -> Submission {
    Submission {
        partner_id: "p-1".into(),
        market,
        revenue,
        individuals,
    }
}

/// The application (MB2-714), deployment (MB2-710) and customization
/// (MB2-712) exams, by bit of a team member's mask in the brute forces.
const TEAM_CODES: [&str; 3] = ["MB2-714", "MB2-710", "MB2-712"];

/// Team member `i`, holding the undated passes of the bits 0–2 of `mask`
/// (`TEAM_CODES`), for the brute forces of `plans` and `seatings`.
fn team_member(i: usize, mask: u8) -> Individual {
    let codes: Vec<&str> = (0..3)
        .filter(|b| mask & (1 << b) != 0)
        .map(|b| TEAM_CODES[b])
        .collect();
    person(&format!("p{i}"), &codes)
}

/// Every way to give each of `n` people one of two kinds of seat
/// (application and deployment: 0, customization: 1) or none, for the
/// brute forces of `plans` and `seatings`.
fn every_seating(n: usize) -> impl Iterator<Item = Vec<Option<usize>>> {
    (0..3usize.pow(n as u32)).map(move |choice| {
        (0..n)
            .map(|p| match choice / 3usize.pow(p as u32) % 3 {
                0 => None,
                k => Some(k - 1),
            })
            .collect()
    })
}

fn eval(s: &Submission) -> Evaluation {
    evaluate(&CLOUD_CRM_2017_07, AS_OF, s)
}

fn silver(e: &Evaluation) -> &LevelOutcome {
    &e.levels[0]
}
fn gold(e: &Evaluation) -> &LevelOutcome {
    &e.levels[1]
}

/// Two people for Silver, four for Gold, all fully qualified.
fn gold_team() -> Vec<Individual> {
    vec![
        person("a1", &["MB2-714", "MB2-710"]),
        person("a2", &["MB2-713", "MB2-706"]),
        person("c1", &["MB2-712"]),
        person("c2", &["MB2-707"]),
    ]
}
