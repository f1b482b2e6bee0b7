//! Proto → domain: validates a request, collecting every problem, and
//! converts it by destructuring every field. Domain → proto for plain values.

use crate::l10n::{Locale, Localizer};
use crate::pb::competency as pb;
use crate::pb::google::r#type as gtype;
use crate::rules::{self, catalog, Competency, Date, Edition, Market, Money, Submission};

use super::error::{ApiError, Problem, Violation};

mod submission;
pub use submission::MAX_TEXT_CHARS;
pub(in crate::api) use submission::{blank, too_long};
use submission::{date, is_unset, submission};

/// Per-submission limits; over them a request is RESOURCE_EXHAUSTED.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_individuals: usize,
    pub max_revenue_records: usize,
    pub max_exams_per_individual: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_individuals: 10_000,
            max_revenue_records: 100_000,
            max_exams_per_individual: 100,
        }
    }
}

/// What every call settles first: which competency, edition and day, in which locale.
pub struct Scope {
    pub locale: Locale,
    pub competency: &'static Competency,
    pub edition: &'static Edition,
    /// The request asked for `edition` (else it is the one in force on
    /// `as_of`, and a later day may apply another).
    pub pinned: bool,
    pub as_of: Date,
}

/// How much an answer carries (`EvaluationView`, AIP-157).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Basic,
    /// With the trace of every input.
    Full,
}

/// A request that passed validation.
pub struct ValidEvaluate {
    pub scope: Scope,
    /// The editions the outlook applies: the one pinned, or each day's in force.
    pub editions: rules::Editions,
    pub request_id: String,
    pub submission: Submission,
    pub view: View,
}

/// A failed request, with the locale to explain it in.
pub type Rejection = (ApiError, Locale);

/// A request naming a competency the catalog lacks: NOT_FOUND, with every
/// other problem the request has (review 37 L7), settled without the
/// competency (its editions are unknown, so only a blank one is told).
struct Unknown {
    id: String,
    locale: Locale,
    as_of: Date,
}

impl Unknown {
    fn rejection(self, others: Vec<Violation>) -> Rejection {
        let known = catalog::COMPETENCIES.iter().map(|c| c.id).collect();
        (
            ApiError::UnknownCompetency {
                id: self.id,
                known,
                others,
            },
            self.locale,
        )
    }
}

/// Settles locale, competency, as_of and edition; problems go to `violations`.
/// An unknown competency is NOT_FOUND: the caller goes on collecting the
/// request's other problems and then rejects it (`Unknown::rejection`).
fn scope(
    l10n: &Localizer,
    accept_language: Option<&str>,
    competency: &str,
    locale: &str,
    as_of: Option<gtype::Date>,
    edition: &str,
    violations: &mut Vec<Violation>,
) -> Result<Scope, Unknown> {
    let locale = l10n
        .negotiate(locale, accept_language)
        .unwrap_or_else(|(bad, fallback)| {
            violations.push(Violation::new("locale", Problem::Locale(bad.0)));
            fallback
        });
    // Whitespace alone is a value sent, not one left out: said so, and the
    // call goes on as if it were left out, so that every other problem is
    // listed too.
    let id = if competency.is_empty() {
        catalog::DEFAULT_COMPETENCY
    } else if blank(competency) {
        violations.push(Violation::new("competency", Problem::Blank));
        catalog::DEFAULT_COMPETENCY
    } else {
        competency
    };
    let found = catalog::competency(id);
    let as_of = match as_of.filter(|d| !is_unset(d)) {
        None => Date::today_utc(),
        Some(d) => date(&d, || "as_of".to_string(), violations).unwrap_or_else(Date::today_utc),
    };
    let pinned = !blank(edition);
    if !edition.is_empty() && !pinned {
        violations.push(Violation::new("edition", Problem::Blank));
    }
    let Some(competency) = found else {
        return Err(Unknown {
            id: id.to_string(),
            locale,
            as_of,
        });
    };
    let edition = if pinned {
        competency.edition(edition).unwrap_or_else(|| {
            violations.push(Violation::new(
                "edition",
                Problem::UnknownEdition {
                    edition: edition.to_string(),
                    known: competency.editions.iter().map(|e| e.id).collect(),
                },
            ));
            competency.edition_in_force(as_of)
        })
    } else {
        competency.edition_in_force(as_of)
    };
    Ok(Scope {
        locale,
        competency,
        edition,
        pinned,
        as_of,
    })
}

pub fn get_competency(
    l10n: &Localizer,
    accept_language: Option<&str>,
    request: pb::GetCompetencyRequest,
) -> Result<Scope, Rejection> {
    let pb::GetCompetencyRequest {
        competency,
        locale,
        as_of,
        edition,
    } = request;
    let mut violations = Vec::new();
    let scope = scope(
        l10n,
        accept_language,
        &competency,
        &locale,
        as_of,
        &edition,
        &mut violations,
    );
    match scope {
        Err(unknown) => Err(unknown.rejection(violations)),
        Ok(scope) if violations.is_empty() => Ok(scope),
        Ok(scope) => Err((ApiError::Invalid(violations), scope.locale)),
    }
}

pub fn evaluate(
    l10n: &Localizer,
    limits: &Limits,
    accept_language: Option<&str>,
    request: pb::EvaluateRequest,
) -> Result<ValidEvaluate, Rejection> {
    let pb::EvaluateRequest {
        competency,
        submission,
        locale,
        as_of,
        request_id,
        edition,
        view,
    } = request;
    let mut violations = Vec::new();
    let scope = scope(
        l10n,
        accept_language,
        &competency,
        &locale,
        as_of,
        &edition,
        &mut violations,
    );
    let (locale, as_of) = match &scope {
        Ok(scope) => (scope.locale, scope.as_of),
        Err(unknown) => (unknown.locale, unknown.as_of),
    };
    if let Some(problem) = too_long(&request_id) {
        violations.push(Violation::new("request_id", problem));
    }
    // Every date of the answer (TTM period, outlook) stays in years 1–9999.
    if !rules::answer::in_range(as_of) {
        violations.push(Violation::new(
            "as_of",
            Problem::AsOfRange {
                value: as_of,
                first: rules::answer::FIRST_AS_OF,
                last: rules::answer::LAST_AS_OF,
            },
        ));
    }
    let view = match pb::EvaluationView::try_from(view) {
        Ok(pb::EvaluationView::Full) => View::Full,
        Ok(pb::EvaluationView::Basic | pb::EvaluationView::Unspecified) => View::Basic,
        Err(_) => {
            violations.push(Violation::new("view", Problem::UnknownEnum(view)));
            View::Basic
        }
    };
    let submission = match submission {
        None => {
            violations.push(Violation::new("submission", Problem::Required));
            None
        }
        Some(submission) => {
            let too_many = over_limits(limits, &submission);
            match (&scope, too_many.is_empty()) {
                (_, true) => self::submission(submission, &mut violations),
                (Ok(_), false) => return Err((ApiError::TooLarge(too_many), locale)),
                // Not looked into further: too large to validate.
                (Err(_), false) => {
                    violations.extend(too_many);
                    None
                }
            }
        }
    };
    let scope = match scope {
        Ok(scope) => scope,
        Err(unknown) => return Err(unknown.rejection(violations)),
    };
    match submission {
        Some(submission) if violations.is_empty() => Ok(ValidEvaluate {
            editions: if scope.pinned {
                rules::Editions::Pinned(scope.edition)
            } else {
                rules::Editions::InForce(scope.competency)
            },
            scope,
            request_id,
            submission,
            view,
        }),
        _ => Err((ApiError::Invalid(violations), locale)),
    }
}

fn over_limits(limits: &Limits, s: &pb::Submission) -> Vec<Violation> {
    let mut out = Vec::new();
    // The field path is built only for a violation.
    let mut check = |field: &dyn Fn() -> String, count: usize, limit: usize| {
        if count > limit {
            out.push(Violation::new(field(), Problem::TooMany { count, limit }));
        }
    };
    check(
        &|| "submission.revenue".into(),
        s.revenue.len(),
        limits.max_revenue_records,
    );
    check(
        &|| "submission.individuals".into(),
        s.individuals.len(),
        limits.max_individuals,
    );
    for (i, ind) in s.individuals.iter().enumerate() {
        check(
            &|| format!("submission.individuals[{i}].exams"),
            ind.exams.len(),
            limits.max_exams_per_individual,
        );
    }
    out
}

pub fn pb_date(d: Date) -> gtype::Date {
    gtype::Date {
        year: d.year(),
        month: i32::from(d.month()),
        day: i32::from(d.day()),
    }
}

pub fn pb_money(m: Money) -> gtype::Money {
    let (units, nanos) = m.to_parts();
    gtype::Money {
        currency_code: "USD".to_string(),
        units,
        nanos,
    }
}

pub fn pb_level(level: Option<rules::Level>) -> pb::Level {
    match level {
        None => pb::Level::None,
        Some(rules::Level::Silver) => pb::Level::Silver,
        Some(rules::Level::Gold) => pb::Level::Gold,
    }
}

pub fn pb_market(market: Market) -> pb::Market {
    match market {
        Market::Developed => pb::Market::Developed,
        Market::Developing => pb::Market::Developing,
    }
}
