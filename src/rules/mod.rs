//! The domain: pure functions over plain Rust types. Nothing here knows about
//! gRPC, protobuf or Fluent; results are structured data, never sentences.

pub mod answer;
mod assign;
pub mod catalog;
mod code;
mod date;
mod evaluate;
pub mod exams;
mod gap;
mod ignored;
pub mod inputs;
mod listed;
mod model;
mod money;
pub mod outlook;
mod pass_date;
mod plan;
pub mod revenue;
mod seats;

pub use answer::{answer, Answer};
pub use date::Date;
pub use evaluate::{
    evaluate, Evaluation, Individual, LevelOutcome, PassUse, People, RevenueCheck, Submission,
};
pub use exams::{Disposition, ExamPass, Held};
pub use gap::{
    counts_until, gap_on, retires_on, takeable, takeable_codes, ExamChoice, Fit, Gap, GapStep,
    HolderMove,
};
pub use listed::{CountsUntil, NotAcceptedPass, Pending, PendingPass};
pub use model::*;
pub use money::Money;
pub use outlook::{outlook, Editions, LevelOutlook};
pub use revenue::{Excluded, Exclusion, Period, RevenueRecord, RevenueTotals};
pub use seats::{seats, ExamsCheck, SeatFill};

#[cfg(test)]
mod tests;
