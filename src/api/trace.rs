//! The per-input trace of `view = FULL` (§2.8): the disposition of every
//! revenue record and exam pass, by index. Built only when asked for.

use crate::pb::competency as pb;
use crate::rules::inputs::{self, Ignored, PassOutcome};
use crate::rules::{Evaluation, Exclusion};

use super::convert::pb_level;

/// The trace of `ev`, read from its outcomes.
pub fn trace(ev: &Evaluation) -> pb::EvaluationTrace {
    let t = inputs::trace(ev);
    let revenue = t
        .revenue
        .iter()
        .enumerate()
        .map(|(i, exclusion)| pb::RevenueRecordTrace {
            index: i as u32,
            disposition: revenue_disposition(*exclusion).into(),
        })
        .collect();
    let individuals = t
        .exams
        .iter()
        .enumerate()
        .map(|(i, passes)| pb::IndividualTrace {
            index: i as u32,
            exams: passes
                .iter()
                .enumerate()
                .map(|(j, outcome)| exam_pass(ev, j, outcome))
                .collect(),
        })
        .collect();
    pb::EvaluationTrace {
        revenue,
        individuals,
    }
}

fn revenue_disposition(exclusion: Option<Exclusion>) -> pb::RevenueDisposition {
    match exclusion {
        None => pb::RevenueDisposition::Counted,
        Some(Exclusion::OutsidePeriod | Exclusion::AfterAsOf) => {
            pb::RevenueDisposition::ExcludedOutsidePeriod
        }
        Some(Exclusion::OtherProduct) => pb::RevenueDisposition::ExcludedOtherProduct,
        Some(Exclusion::WithoutDpor) => pb::RevenueDisposition::ExcludedWithoutDpor,
    }
}

fn exam_pass(ev: &Evaluation, index: usize, outcome: &PassOutcome) -> pb::ExamPassTrace {
    use pb::ExamPassDisposition as D;
    let (disposition, seats) = match outcome {
        PassOutcome::Counted { seats } => (
            D::Counted,
            seats
                .iter()
                .filter_map(|&(l, s)| {
                    let level = ev.levels.get(l)?;
                    let seat = level.exams.seats.get(s)?;
                    Some(pb::SeatReference {
                        level: pb_level(Some(level.level)).into(),
                        seat: s as u32,
                        role: ev.edition.roles.get(seat.role)?.id.to_string(),
                    })
                })
                .collect(),
        ),
        PassOutcome::NotNeeded => (D::NotNeeded, Vec::new()),
        PassOutcome::Ignored(ignored) => (
            match ignored {
                Ignored::UnknownExamCode { .. } => D::UnknownExamCode,
                Ignored::ExamNotAccepted { .. } => D::ExamNotAccepted,
                Ignored::ExamNotAvailableOnPassDate { .. } => D::ExamNotAvailableOnPassDate,
                Ignored::ExamPassedAfterAsOf { .. } => D::ExamPassedAfterAsOf,
                Ignored::ExamNotYetAvailable { .. } => D::ExamNotYetAvailable,
                Ignored::DuplicateExamPass { .. } => D::DuplicateExamPass,
            },
            Vec::new(),
        ),
    };
    pb::ExamPassTrace {
        index: index as u32,
        disposition: disposition.into(),
        seats,
    }
}
