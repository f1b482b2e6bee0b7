//! The gRPC adapter: proto in, rules, Fluent, proto out.

pub mod answer;
pub mod convert;
pub mod error;
mod outlook;
pub mod render;
pub mod service;
pub mod trace;
pub mod warnings;

pub use convert::Limits;
pub use error::{ApiError, Problem, Violation};
pub use service::{CompetencyApi, ServiceOptions};

use std::borrow::Cow;

/// Longest code, name or value a message repeats as given, in characters;
/// longer ones are cut and end in "…".
const MAX_SHOWN_CHARS: usize = 64;

/// A code, name or value as given, cut to `MAX_SHOWN_CHARS` for a message
/// (warnings and errors quote what the caller sent; the caller's own field
/// keeps it whole).
fn shown(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}
