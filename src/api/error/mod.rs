//! Everything that can go wrong with a call, and the one place that turns it
//! into a `tonic::Status` with rich details (`google.rpc.BadRequest`,
//! `ErrorInfo`, `LocalizedMessage`).

use std::collections::HashMap;

use prost::Message as _;
use tonic::Code;

use crate::l10n::{Locale, Localizer, Message as _};
use crate::pb::google::rpc;
use crate::rules::Date;

use super::shown;

mod messages;

/// The `ErrorInfo.domain` of every error this service sends.
pub const ERROR_DOMAIN: &str = "competency.partner.v1";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// Every problem found in the request, in field order.
    Invalid(Vec<Violation>),
    /// A competency the catalog lacks (NOT_FOUND), with the request's
    /// other problems, in field order.
    UnknownCompetency {
        id: String,
        known: Vec<&'static str>,
        others: Vec<Violation>,
    },
    /// The request is over a configured limit.
    TooLarge(Vec<Violation>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Path of the field, e.g. `submission.revenue[3].amount.currency_code`.
    pub field: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    UnknownEnum(i32),
    Currency(String),
    NanosRange(i32),
    /// `units` of an amount beyond ±`MAX_AMOUNT_UNITS` (the value sent).
    UnitsRange(i64),
    /// `units` and `nanos` of one amount with opposite signs; `units` is
    /// the path of its `units` field.
    NanosSign {
        units: String,
    },
    Date(String),
    DuplicateId {
        id: String,
        /// The path of the id's first use.
        first_field: String,
    },
    /// Sent, but only whitespace.
    Blank,
    Locale(String),
    UnknownEdition {
        edition: String,
        known: Vec<&'static str>,
    },
    TooMany {
        count: usize,
        limit: usize,
    },
    /// A text field longer than `limit` characters (review 40, H1: names
    /// and ids are repeated in the answer's sentences).
    TooLong {
        length: usize,
        limit: usize,
    },
    /// The answer would be `bytes` long, over the `limit` a message may
    /// take (a backstop: the text limits keep answers well below it).
    AnswerTooLarge {
        bytes: usize,
        limit: usize,
    },
    /// A date the answer cannot be given for: its TTM period or outlook
    /// would leave years 1–9999. `first` and `last` bound what is accepted.
    AsOfRange {
        value: Date,
        first: Date,
        last: Date,
    },
}

impl Violation {
    pub fn new(field: impl Into<String>, problem: Problem) -> Violation {
        Violation {
            field: field.into(),
            problem,
        }
    }

    /// The problem as one sentence in `locale`.
    fn render(&self, l10n: &Localizer, locale: Locale) -> String {
        let field = self.field.as_str();
        match &self.problem {
            Problem::Required => messages::Required { field }.text(l10n, locale),
            Problem::UnknownEnum(value) => messages::UnknownEnum {
                field,
                value: *value,
            }
            .text(l10n, locale),
            Problem::Currency(value) if value.is_empty() => {
                messages::CurrencyEmpty { field }.text(l10n, locale)
            }
            Problem::Currency(value) => messages::Currency {
                field,
                value: &shown(value),
            }
            .text(l10n, locale),
            Problem::NanosRange(value) => messages::NanosRange {
                field,
                value: *value,
            }
            .text(l10n, locale),
            Problem::NanosSign { units } => messages::NanosSign { field, units }.text(l10n, locale),
            Problem::UnitsRange(value) => messages::UnitsRange {
                field,
                value: &l10n.integer(locale, *value),
            }
            .text(l10n, locale),
            Problem::Date(value) => messages::InvalidDate { field, value }.text(l10n, locale),
            Problem::DuplicateId { id, first_field } => messages::DuplicateId {
                field,
                value: &shown(id),
                first_field,
            }
            .text(l10n, locale),
            Problem::Blank => messages::Blank { field }.text(l10n, locale),
            Problem::Locale(value) => messages::MalformedLocale {
                field,
                value: &shown(value),
            }
            .text(l10n, locale),
            Problem::UnknownEdition { edition, known } => messages::UnknownEdition {
                field,
                value: &shown(edition),
                known,
            }
            .text(l10n, locale),
            // As sent and as `google.type.Date` reads (year-month-day), like
            // `Problem::Date`: the reader is the caller's developer.
            Problem::AsOfRange { value, first, last } => messages::AsOfRange {
                field,
                value: value.to_string(),
                first: first.to_string(),
                last: last.to_string(),
            }
            .text(l10n, locale),
            Problem::TooMany { count, limit } => messages::TooMany {
                field,
                count: *count,
                limit: *limit,
            }
            .text(l10n, locale),
            Problem::TooLong { length, limit } => messages::TooLong {
                field,
                length: *length,
                limit: *limit,
            }
            .text(l10n, locale),
            Problem::AnswerTooLarge { bytes, limit } => messages::AnswerTooLarge {
                bytes: *bytes,
                limit: *limit,
            }
            .text(l10n, locale),
        }
    }
}

impl ApiError {
    pub fn code(&self) -> Code {
        match self {
            ApiError::Invalid(_) => Code::InvalidArgument,
            ApiError::UnknownCompetency { .. } => Code::NotFound,
            ApiError::TooLarge(_) => Code::ResourceExhausted,
        }
    }

    /// The stable `ErrorInfo.reason`.
    pub fn reason(&self) -> &'static str {
        match self {
            ApiError::Invalid(_) => "INVALID_REQUEST",
            ApiError::UnknownCompetency { .. } => "UNKNOWN_COMPETENCY",
            ApiError::TooLarge(_) => "REQUEST_TOO_LARGE",
        }
    }

    fn violations(&self) -> &[Violation] {
        match self {
            ApiError::Invalid(v) | ApiError::TooLarge(v) => v,
            ApiError::UnknownCompetency { others, .. } => others,
        }
    }

    /// The whole error as one sentence in `locale`, with the sentences of
    /// the problems it lists (`problems`, the first of `self.violations()`).
    fn message(&self, l10n: &Localizer, locale: Locale, problems: &[String]) -> String {
        match self {
            ApiError::UnknownCompetency { id, known, others } => messages::UnknownCompetency {
                competency: &shown(id),
                known,
                problems,
                count: others.len(),
            }
            .text(l10n, locale),
            ApiError::Invalid(v) => messages::InvalidRequest {
                problems,
                count: v.len(),
            }
            .text(l10n, locale),
            ApiError::TooLarge(v) => messages::TooLarge {
                problems,
                count: v.len(),
            }
            .text(l10n, locale),
        }
    }

    /// The error as a `google.rpc.Status`: the English message, and details
    /// with the reason (`ErrorInfo`), the field violations it lists
    /// (`BadRequest`) and the message in the negotiated locale
    /// (`LocalizedMessage`), in the order tonic-types writes them.
    /// `EvaluateStream` sends this inline. It lists the problems, in field
    /// order, that fit `LISTED_BYTES` and counts the rest; `ErrorInfo`'s
    /// `violations` counts them all.
    pub fn to_rpc_status(&self, l10n: &Localizer, locale: Locale) -> rpc::Status {
        let violations = self.violations();
        let (english, localized) = listed(l10n, locale, violations);
        let mut metadata = HashMap::new();
        match self {
            ApiError::UnknownCompetency { id, others, .. } => {
                metadata.insert("competency".to_string(), shown(id).into_owned());
                if !others.is_empty() {
                    metadata.insert("violations".to_string(), others.len().to_string());
                }
            }
            ApiError::Invalid(v) | ApiError::TooLarge(v) => {
                metadata.insert("violations".to_string(), v.len().to_string());
            }
        }
        let mut details = vec![any(
            "ErrorInfo",
            &rpc::ErrorInfo {
                reason: self.reason().to_string(),
                domain: ERROR_DOMAIN.to_string(),
                metadata,
            },
        )];
        if !violations.is_empty() {
            let field_violations = violations
                .iter()
                .zip(&english)
                .map(|(v, description)| rpc::bad_request::FieldViolation {
                    field: v.field.clone(),
                    description: description.clone(),
                    ..Default::default()
                })
                .collect();
            details.push(any("BadRequest", &rpc::BadRequest { field_violations }));
        }
        let message = self.message(l10n, locale, localized.as_deref().unwrap_or(&english));
        details.push(any(
            "LocalizedMessage",
            &rpc::LocalizedMessage {
                locale: locale.tag().to_string(),
                message,
            },
        ));
        rpc::Status {
            code: self.code() as i32,
            message: self.message(l10n, Locale::EnUs, &english),
            details,
        }
    }

    /// The status a unary caller gets: `to_rpc_status`, its details in
    /// `grpc-status-details-bin`.
    pub fn to_status(&self, l10n: &Localizer, locale: Locale) -> tonic::Status {
        let status = self.to_rpc_status(l10n, locale);
        tonic::Status::with_details(
            self.code(),
            status.message.clone(),
            status.encode_to_vec().into(),
        )
    }
}

/// Most bytes of the call's trailers the problems one error lists may take,
/// as encoded there. Clients cap trailers: tonic's (hyper's) at 16 KiB,
/// grpc-java's at 8 KiB; this leaves room under both for the rest (the
/// status, `ErrorInfo`, the messages' opening sentences).
pub const LISTED_BYTES: usize = 6 * 1024;

/// What listing one problem adds to the trailers: its English sentence in
/// `grpc-message` (percent-encoded: three bytes for each byte outside
/// printable ASCII), and, base64-encoded in `grpc-status-details-bin`, the
/// English sentence twice more (the status's own message, `BadRequest`),
/// the path (`BadRequest`) and the sentence of the `LocalizedMessage`, with
/// a few bytes of framing.
fn trailer_cost(path: &str, english: &str, localized: &str) -> usize {
    let percent_encoded: usize = english
        .bytes()
        .map(|b| {
            if (0x20..0x7f).contains(&b) && b != b'%' {
                1
            } else {
                3
            }
        })
        .sum();
    let details = 2 * english.len() + path.len() + localized.len() + 8;
    percent_encoded + (4 * details).div_ceil(3)
}

/// The sentences of the problems an error lists, in English and (when the
/// locale is another) in `locale`: the first ones whose `trailer_cost` fits
/// `LISTED_BYTES`, and always the first.
fn listed(
    l10n: &Localizer,
    locale: Locale,
    violations: &[Violation],
) -> (Vec<String>, Option<Vec<String>>) {
    let other = locale != Locale::EnUs;
    let mut english = Vec::new();
    let mut localized = Vec::new();
    let mut spent = 0;
    for v in violations {
        let en = v.render(l10n, Locale::EnUs);
        let loc = other.then(|| v.render(l10n, locale));
        let cost = trailer_cost(&v.field, &en, loc.as_deref().unwrap_or(&en));
        if spent + cost > LISTED_BYTES && !english.is_empty() {
            break;
        }
        spent += cost;
        english.push(en);
        localized.extend(loc);
    }
    (english, other.then_some(localized))
}

/// A `google.rpc` detail message packed as `Any`.
fn any(name: &str, message: &impl prost::Message) -> prost_types::Any {
    prost_types::Any {
        type_url: format!("type.googleapis.com/google.rpc.{name}"),
        value: message.encode_to_vec(),
    }
}
