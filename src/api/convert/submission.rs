//! The submission's fields, each checked and converted: every problem is
//! listed with its field's path.

use rustc_hash::FxHashMap as HashMap;

use crate::pb::competency as pb;
use crate::pb::google::r#type as gtype;
use crate::rules::{Date, ExamPass, Individual, Market, Money, Product, RevenueRecord, Submission};

use super::super::error::{Problem, Violation};

/// Converts the submission; `None` when anything was wrong (all in `violations`).
pub(super) fn submission(s: pb::Submission, violations: &mut Vec<Violation>) -> Option<Submission> {
    let pb::Submission {
        partner_id,
        market,
        revenue,
        individuals,
    } = s;
    let before = violations.len();
    if let Some(problem) = missing(&partner_id).or_else(|| too_long(&partner_id)) {
        violations.push(Violation::new("submission.partner_id", problem));
    }
    let market = match pb::Market::try_from(market) {
        Ok(pb::Market::Developed) => Some(Market::Developed),
        Ok(pb::Market::Developing) => Some(Market::Developing),
        Ok(pb::Market::Unspecified) => {
            violations.push(Violation::new("submission.market", Problem::Required));
            None
        }
        Err(_) => {
            violations.push(Violation::new(
                "submission.market",
                Problem::UnknownEnum(market),
            ));
            None
        }
    };
    // Sized up front: `filter_map` cannot tell `collect` how many will pass.
    let mut records = Vec::with_capacity(revenue.len());
    records.extend(
        revenue
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| revenue_record(i, r, violations)),
    );

    // Ids are unique: a repeat is reported where it occurs, naming the
    // first, in input order with the individual's other problems.
    let mut seen: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(individuals.len(), Default::default());
    let first_use: Vec<Option<usize>> = individuals
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            if blank(&ind.id) {
                return None; // reported as missing
            }
            match seen.get(ind.id.as_str()) {
                Some(&first) => Some(first),
                None => {
                    seen.insert(&ind.id, i);
                    None
                }
            }
        })
        .collect();
    let mut people = Vec::with_capacity(individuals.len());
    people.extend(individuals.into_iter().enumerate().filter_map(|(i, ind)| {
        if let Some(first) = first_use[i] {
            violations.push(Violation::new(
                format!("submission.individuals[{i}].id"),
                Problem::DuplicateId {
                    id: ind.id.clone(),
                    first_field: format!("submission.individuals[{first}].id"),
                },
            ));
        }
        individual(i, ind, violations)
    }));

    (violations.len() == before).then_some(Submission {
        partner_id,
        market: market?,
        revenue: records,
        individuals: people,
    })
}

fn revenue_record(
    i: usize,
    r: pb::RevenueRecord,
    violations: &mut Vec<Violation>,
) -> Option<RevenueRecord> {
    let pb::RevenueRecord {
        customer_id,
        product,
        amount,
        booked_on,
        digital_partner_of_record,
    } = r;
    let path = |field: &str| format!("submission.revenue[{i}].{field}");
    let before = violations.len();
    if let Some(problem) = missing(&customer_id).or_else(|| too_long(&customer_id)) {
        violations.push(Violation::new(path("customer_id"), problem));
    }
    let product = match pb::Product::try_from(product) {
        Ok(pb::Product::CrmOnline) => Some(Product::CrmOnline),
        Ok(pb::Product::Dynamics365Plan1) => Some(Product::Dynamics365Plan1),
        Ok(pb::Product::Other) => Some(Product::Other),
        Ok(pb::Product::Unspecified) => {
            violations.push(Violation::new(path("product"), Problem::Required));
            None
        }
        Err(_) => {
            violations.push(Violation::new(
                path("product"),
                Problem::UnknownEnum(product),
            ));
            None
        }
    };
    let amount = match amount {
        None => {
            violations.push(Violation::new(path("amount"), Problem::Required));
            None
        }
        Some(m) => money(&m, || path("amount"), violations),
    };
    let booked_on = match booked_on.filter(|d| !is_unset(d)) {
        None => {
            violations.push(Violation::new(path("booked_on"), Problem::Required));
            None
        }
        Some(d) => date(&d, || path("booked_on"), violations),
    };
    if violations.len() != before {
        return None;
    }
    Some(RevenueRecord {
        product: product?,
        amount: amount?,
        booked_on: booked_on?,
        digital_partner_of_record,
    })
}

fn individual(
    i: usize,
    ind: pb::Individual,
    violations: &mut Vec<Violation>,
) -> Option<Individual> {
    let pb::Individual {
        id,
        display_name,
        exams,
    } = ind;
    let before = violations.len();
    if let Some(problem) = missing(&id).or_else(|| too_long(&id)) {
        violations.push(Violation::new(
            format!("submission.individuals[{i}].id"),
            problem,
        ));
    }
    if let Some(problem) = too_long(&display_name) {
        violations.push(Violation::new(
            format!("submission.individuals[{i}].display_name"),
            problem,
        ));
    }
    let mut passes = Vec::with_capacity(exams.len());
    passes.extend(exams.into_iter().enumerate().filter_map(|(j, pass)| {
        let pb::ExamPass { code, passed_on } = pass;
        let path = |field: &str| format!("submission.individuals[{i}].exams[{j}].{field}");
        let mut ok = true;
        if let Some(problem) = missing(&code).or_else(|| too_long(&code)) {
            violations.push(Violation::new(path("code"), problem));
            ok = false;
        }
        let passed_on = match passed_on.filter(|d| !is_unset(d)) {
            None => None,
            Some(d) => {
                let parsed = date(&d, || path("passed_on"), violations);
                ok &= parsed.is_some();
                parsed
            }
        };
        ok.then_some(ExamPass { code, passed_on })
    }));
    (violations.len() == before).then_some(Individual {
        id,
        display_name,
        exams: passes,
    })
}

/// What is wrong with a text field that must hold something: `Required`
/// when nothing was sent, `Blank` when only whitespace was.
fn missing(s: &str) -> Option<Problem> {
    if s.is_empty() {
        Some(Problem::Required)
    } else if blank(s) {
        Some(Problem::Blank)
    } else {
        None
    }
}

/// The most characters a text field may hold: names and ids are repeated
/// in the answer's sentences, so that an answer's size stays a small
/// multiple of what the request says (review 40, H1).
pub const MAX_TEXT_CHARS: usize = 256;

/// `Problem::TooLong` for a text of more than `MAX_TEXT_CHARS` characters
/// (counted only where its bytes could be that many).
pub(in crate::api) fn too_long(s: &str) -> Option<Problem> {
    if s.len() <= MAX_TEXT_CHARS {
        return None;
    }
    let length = s.chars().count();
    (length > MAX_TEXT_CHARS).then_some(Problem::TooLong {
        length,
        limit: MAX_TEXT_CHARS,
    })
}

/// Empty or only whitespace (`s.trim().is_empty()`, without scanning from
/// both ends: most values fail on their first character).
pub(in crate::api) fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// An all-zero `google.type.Date` is what clients send for "no date".
pub(super) fn is_unset(d: &gtype::Date) -> bool {
    d.year == 0 && d.month == 0 && d.day == 0
}

/// Field paths are built only for a violation: `field` is called then.
pub(super) fn date(
    d: &gtype::Date,
    field: impl FnOnce() -> String,
    violations: &mut Vec<Violation>,
) -> Option<Date> {
    let parsed = Date::new(d.year, d.month, d.day);
    if parsed.is_none() {
        violations.push(Violation::new(
            field(),
            Problem::Date(format!(
                "{}-{}-{}",
                signed(d.year, 4),
                signed(d.month, 2),
                signed(d.day, 2)
            )),
        ));
    }
    parsed
}

/// A date part as sent, zero-padded to `width` digits, a negative one with
/// the minus sign U+2212 as every other number the errors show ("−1", not
/// "-001": review 40 L6).
fn signed(n: i32, width: usize) -> String {
    let digits = format!("{:0width$}", n.unsigned_abs());
    if n < 0 {
        format!("\u{2212}{digits}")
    } else {
        digits
    }
}

/// The most whole dollars one revenue record may carry, either sign:
/// under US$1 trillion. Sums of up to millions of records, and the amounts
/// derived from them (shortfalls, nets), then stay within what
/// `google.type.Money` holds, so that an answer's sentences and its fields
/// never disagree.
pub const MAX_AMOUNT_UNITS: i64 = 999_999_999_999;

fn money(
    m: &gtype::Money,
    field: impl Fn() -> String,
    violations: &mut Vec<Violation>,
) -> Option<Money> {
    let gtype::Money {
        currency_code,
        units,
        nanos,
    } = m;
    let before = violations.len();
    if currency_code != "USD" {
        violations.push(Violation::new(
            format!("{}.currency_code", field()),
            Problem::Currency(currency_code.clone()),
        ));
    }
    if !(-MAX_AMOUNT_UNITS..=MAX_AMOUNT_UNITS).contains(units) {
        violations.push(Violation::new(
            format!("{}.units", field()),
            Problem::UnitsRange(*units),
        ));
    }
    if !(-999_999_999..=999_999_999).contains(nanos) {
        violations.push(Violation::new(
            format!("{}.nanos", field()),
            Problem::NanosRange(*nanos),
        ));
    } else if (*units > 0 && *nanos < 0) || (*units < 0 && *nanos > 0) {
        violations.push(Violation::new(
            format!("{}.nanos", field()),
            Problem::NanosSign {
                units: format!("{}.units", field()),
            },
        ));
    }
    (violations.len() == before).then(|| Money::from_parts(*units, *nanos))
}
