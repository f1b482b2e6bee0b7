//! outlook.ftl's typed messages against the file.

use super::*;
use crate::l10n::check_messages;

#[test]
fn every_message_of_outlook_ftl_has_one_struct_with_its_variables() {
    let both = [Direction::Starts, Direction::Stops];
    let messages: Vec<Box<dyn Message>> = vec![
        Box::new(OutlookMessage {
            change: Kind::Lapses,
            level: Level::Gold,
            last: "a",
            day: "b",
            horizon: "c",
            causes: "d",
            results: "e",
            keep: Keep::Cannot { why: "f" },
            today: true,
        }),
        Box::new(RevenueMessage {
            direction: Direction::Starts,
            negative: false,
            amount: "1".into(),
            booked: "a".into(),
            records: 1,
            period: Period::Named,
        }),
        Box::new(PassMessage {
            direction: Direction::Stops,
            person: "p",
            code: "c",
        }),
        Box::new(PassesMessage {
            direction: Direction::Starts,
            count: 2,
            list: "l",
        }),
        Box::new(PersonPassesMessage {
            person: "p",
            codes: "c",
            count: 2,
        }),
        Box::new(MorePassesOfPeopleMessage { count: 3 }),
        Box::new(EditionMessage { edition: "e" }),
        Box::new(MoreRecordsMessage {
            directions: &both,
            count: 2,
            period: Period::Again,
        }),
        Box::new(MorePassesMessage {
            directions: &both,
            count: 2,
        }),
        Box::new(RevenueResultMessage {
            met: true,
            negative: false,
            qualifying: "1".into(),
            threshold: "2".into(),
        }),
        Box::new(ExamsResultMessage {
            met: true,
            again: true,
        }),
        Box::new(KeepMessage {
            level: Level::Silver,
            parts: Parts::Both,
            horizon: "h",
            deadline: "d",
            revenue_by: "b",
            exams_by: "x",
            due: Due::RevenueFirst,
            revenue: "r",
            by_horizon: true,
            exams: 1,
            steps: "s",
        }),
        Box::new(KeepStepMessage {
            people: "p",
            count: 1,
            options: "o",
        }),
        Box::new(PassesPeopleMessage {
            join: ListJoin::Pair,
            several: true,
            first: "f",
            rest: "r",
        }),
        Box::new(KeepStepsMessage {
            join: ListJoin::End,
            first: "f",
            rest: "r",
        }),
        Box::new(KeepChoiceMessage {
            codes: "c",
            count: 2,
            group: "g",
            except: Some("e"),
            each: true,
        }),
        Box::new(KeepNewMessage { number: 1 }),
        Box::new(KeepExamsLaterMessage {
            day: "d",
            exams: 2,
            causes: "c",
        }),
        Box::new(KeepLowestMessage {
            day: "d",
            negative: false,
            qualifying: "q",
        }),
        Box::new(KeepRevenueAfterMessage {
            as_of: "a",
            horizon: "h",
        }),
        Box::new(KeepTakeMessage {
            person: "p",
            to: "customization",
            to_seats: 2,
            holder: Some("h"),
            by: "b",
        }),
        Box::new(KeepMoveMessage {
            person: "p",
            from: "customization",
            to: "application-deployment",
            to_seats: 2,
        }),
        Box::new(KeepSwapMessage {
            first: "p",
            second: "q",
            first_from: "application-deployment",
        }),
        Box::new(KeepNewGroupMessage { count: 2, after: 0 }),
        Box::new(CannotKeepMessage {
            why: Reason::NoExam,
            horizon: "h",
            deadline: "d",
            day: "a",
            group: "g",
            edition: "e",
        }),
    ];
    let impls = [include_str!("mod.rs"), include_str!("keep.rs")]
        .iter()
        .map(|source| source.matches(concat!("impl ", "Message for ")).count())
        .sum::<usize>();
    assert_eq!(impls, messages.len(), "a struct is missing from the list");
    let messages: Vec<&dyn Message> = messages.iter().map(|m| m.as_ref()).collect();
    // A language may need the number of codes; en-US and ru-RU do not.
    let offered = [("outlook-passes-person", "count")];
    check_messages("outlook.ftl", &messages, &offered);
}
