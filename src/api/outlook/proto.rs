//! The outlook's proto messages: a change's fields (the outlook's own for
//! its first change, `lost_again` or `won_again` for a second) and its
//! causes.

use crate::pb::competency as pb;
use crate::rules::outlook::{Cause, Change, Direction, Requirement};
use crate::rules::Submission;

use super::super::convert::{pb_date, pb_money};

/// A change's fields: the outlook's own for its first change, and
/// `lost_again` or `won_again` for a level that changes back.
pub(super) fn pb_change(submission: &Submission, change: &Change) -> pb::OutlookChange {
    pb::OutlookChange {
        changes_on: Some(pb_date(change.on)),
        causes: change
            .causes
            .iter()
            .map(|cause| pb_cause(submission, cause))
            .collect(),
        requirements_changing: change
            .requirements
            .iter()
            .map(|r| requirement_id(*r).to_string())
            .collect(),
        qualifying_before: Some(pb_money(change.qualifying_before)),
        qualifying_on_change: Some(pb_money(change.qualifying)),
        threshold_on_change: Some(pb_money(change.threshold)),
        edition_on_change: change.edition.id.to_string(),
        causes_not_listed: u32::try_from(change.records_not_listed + change.passes_not_listed)
            .unwrap_or(u32::MAX),
    }
}

fn requirement_id(r: Requirement) -> &'static str {
    match r {
        Requirement::Revenue => "revenue",
        Requirement::Exams => "exams",
    }
}

fn pb_direction(direction: Direction) -> pb::OutlookDirection {
    match direction {
        Direction::Starts => pb::OutlookDirection::Starts,
        Direction::Stops => pb::OutlookDirection::Stops,
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn pb_cause(submission: &Submission, cause: &Cause) -> pb::OutlookCause {
    use pb::outlook_cause::Cause as C;
    let cause = match *cause {
        Cause::Revenue {
            record,
            amount,
            booked_on,
            direction,
        } => C::Revenue(pb::OutlookRevenue {
            record_index: index(record),
            amount: Some(pb_money(amount)),
            booked_on: Some(pb_date(booked_on)),
            direction: pb_direction(direction).into(),
        }),
        Cause::Pass {
            individual,
            pass,
            code,
            direction,
        } => C::Pass(pb::OutlookPass {
            individual_index: index(individual),
            individual_id: submission
                .individuals
                .get(individual)
                .map(|i| i.id.clone())
                .unwrap_or_default(),
            exam_index: index(pass),
            code: code.to_string(),
            direction: pb_direction(direction).into(),
        }),
        Cause::Edition { edition } => C::Edition(pb::OutlookEdition {
            edition: edition.id.to_string(),
            in_force_from: edition.in_force_from.map(pb_date),
        }),
    };
    pb::OutlookCause { cause: Some(cause) }
}
