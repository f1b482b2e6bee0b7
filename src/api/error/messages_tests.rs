//! One value of every error message struct, checked against the FTL files.

use super::*;
use crate::l10n::check_messages;

/// One value of every struct of `messages`.
fn every_message(problems: &[String]) -> Vec<Box<dyn Message + '_>> {
    vec![
        Box::new(InvalidRequest { problems, count: 3 }),
        Box::new(UnknownCompetency {
            competency: "x",
            known: &["crm"],
            problems,
            count: 3,
        }),
        Box::new(TooLarge { problems, count: 3 }),
        Box::new(Required { field: "f" }),
        Box::new(UnknownEnum {
            field: "f",
            value: 9,
        }),
        Box::new(Currency {
            field: "f",
            value: "EUR",
        }),
        Box::new(CurrencyEmpty { field: "f" }),
        Box::new(NanosRange {
            field: "f",
            value: -1,
        }),
        Box::new(NanosSign {
            field: "f",
            units: "u",
        }),
        Box::new(UnitsRange {
            field: "f",
            value: "1,000,000,000,000",
        }),
        Box::new(InvalidDate {
            field: "f",
            value: "2017-02-30",
        }),
        Box::new(AsOfRange {
            field: "f",
            value: "v".into(),
            first: "a".into(),
            last: "b".into(),
        }),
        Box::new(DuplicateId {
            field: "f",
            value: "e-1",
            first_field: "g",
        }),
        Box::new(Blank { field: "f" }),
        Box::new(MalformedLocale {
            field: "f",
            value: "x_y",
        }),
        Box::new(UnknownEdition {
            field: "f",
            value: "z",
            known: &["a", "b"],
        }),
        Box::new(TooMany {
            field: "f",
            count: 2,
            limit: 1,
        }),
        Box::new(TooLong {
            field: "f",
            length: 300,
            limit: 256,
        }),
        Box::new(AnswerTooLarge {
            bytes: 20_000_000,
            limit: 16_777_216,
        }),
    ]
}

#[test]
fn every_message_of_errors_ftl_has_one_struct_with_its_variables() {
    let problems = ["A.".to_string(), "B.".to_string()];
    let messages = every_message(&problems);
    // Every struct of this file is in the list above.
    let impls = include_str!("messages.rs")
        .matches(concat!("impl ", "Message for "))
        .count();
    assert_eq!(impls, messages.len(), "a struct is missing from the list");
    let messages: Vec<&dyn Message> = messages.iter().map(|m| m.as_ref()).collect();
    check_messages("errors.ftl", &messages, &[]);
}
