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
