//! The domain: pure functions over plain Rust types. Nothing here knows about
//! gRPC, protobuf or Fluent; results are structured data, never sentences.

pub mod catalog;
mod date;
mod evaluate;
pub mod exams;
pub mod inputs;
mod model;
mod money;
pub mod outlook;
pub mod revenue;

pub use date::Date;
pub use evaluate::{
    evaluate, Evaluation, ExamChoice, ExamsCheck, Gap, GapStep, Individual, LevelOutcome,
    RevenueCheck, SeatFill, Submission,
};
pub use exams::ExamPass;
pub use model::*;
pub use money::Money;
pub use outlook::{evaluate_with_outlook, outlook, Editions, LevelOutlook};
pub use revenue::{Exclusion, Period, RevenueRecord, RevenueTotals};

#[cfg(test)]
mod tests;
