//! The messages of `locales/*/warnings.ftl`, one typed struct each (as in
//! fluent-rs's `typesafe_messages` example): its id and its arguments by
//! name, selectors as enums with one `key()`. (The sentence the exams
//! requirement ends with when passes do not count, `exams-note`, is
//! evaluation.ftl's.)

use fluent::FluentArgs;

use crate::l10n::Message;
use crate::rules::inputs::Suggestion;

/// `warning-unknown-exam-code`: `$person`, `$code`, `$suggested` (one |
/// two | no), `$suggestion`, `$alternative`.
pub(super) struct UnknownExamCode<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    pub(super) suggestion: Suggestion,
}

/// `$suggested` of `warning-unknown-exam-code`.
fn suggested_key(suggestion: Suggestion) -> &'static str {
    match suggestion {
        Suggestion::None => "no",
        Suggestion::One(_) => "one",
        Suggestion::Two(..) => "two",
    }
}

impl Message for UnknownExamCode<'_> {
    fn id(&self) -> &'static str {
        "warning-unknown-exam-code"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(5);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("suggested", suggested_key(self.suggestion));
        let mut codes = self.suggestion.codes();
        args.set("suggestion", codes.next().unwrap_or_default());
        args.set("alternative", codes.next().unwrap_or_default());
        args
    }
}

/// `warning-exam-expired`: `$person`, `$code`, `$until` (a date).
pub(super) struct ExamExpired<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    pub(super) until: String,
}

impl Message for ExamExpired<'_> {
    fn id(&self) -> &'static str {
        "warning-exam-expired"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("until", self.until.as_str());
        args
    }
}

/// Whether the edition that has the exam came after the one applied.
#[derive(Clone, Copy)]
pub(super) enum When {
    Later,
    /// Later, and it would apply to the evaluation date: the request asked
    /// for the edition applied.
    Pinned,
    Earlier,
}

impl When {
    fn key(self) -> &'static str {
        match self {
            When::Later => "later",
            When::Pinned => "pinned",
            When::Earlier => "earlier",
        }
    }
}

/// `warning-exam-not-in-edition`: `$person`, `$code`, `$edition`, `$other`,
/// `$when` (later | pinned | earlier), `$other_from` (a date, or empty for an
/// edition in force from the start).
pub(super) struct ExamNotInEdition<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    pub(super) edition: &'a str,
    pub(super) other: &'a str,
    pub(super) when: When,
    pub(super) other_from: String,
    /// With `When::Later`: the pass's date, or with no date the exam's
    /// first day, when that day comes after `other_from`, so the pass
    /// counts only from it (`$first`: dated or later, `$first_day`).
    pub(super) first_day: Option<String>,
    /// Whether the pass has a date (`$first`: dated).
    pub(super) dated: bool,
    /// The pass counts from a later day (`$yet`): `When::Later` and no
    /// edition asked for.
    pub(super) yet: bool,
}

impl Message for ExamNotInEdition<'_> {
    fn id(&self) -> &'static str {
        "warning-exam-not-in-edition"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("edition", self.edition);
        args.set("other", self.other);
        args.set("when", self.when.key());
        args.set("other_from", self.other_from.as_str());
        args.set(
            "first",
            match (&self.first_day, self.dated) {
                (Some(_), true) => "dated",
                (Some(_), false) => "later",
                (None, _) => "none",
            },
        );
        args.set("first_day", self.first_day.as_deref().unwrap_or_default());
        args.set("yet", if self.yet { "yes" } else { "no" });
        args
    }
}

/// Which limit of its availability an exam pass's date misses.
#[derive(Clone, Copy)]
pub(super) enum Side {
    /// Before the exam became available.
    Before,
    /// After it retired.
    After,
}

impl Side {
    fn key(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::After => "after",
        }
    }
}

/// `warning-exam-not-available-on-pass-date`: `$person`, `$code`,
/// `$passed_on` (a date), `$side` (before | after), `$limit` (a date: the
/// first day the exam could be taken, or the last), `$tense` (present: the
/// evaluation date is within that side of the limit, so the exam still can
/// be taken then, or not yet; past).
pub(super) struct ExamNotAvailableOnPassDate<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    pub(super) passed_on: String,
    pub(super) side: Side,
    pub(super) limit: String,
    pub(super) present: bool,
}

impl Message for ExamNotAvailableOnPassDate<'_> {
    fn id(&self) -> &'static str {
        "warning-exam-not-available-on-pass-date"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("passed_on", self.passed_on.as_str());
        args.set("side", self.side.key());
        args.set("limit", self.limit.as_str());
        args.set("tense", if self.present { "present" } else { "past" });
        args
    }
}

/// `warning-exam-passed-after-as-of`: `$person`, `$code`, `$passed_on`,
/// `$as_of` (dates), `$already` (another pass of the exam listed for them
/// counts already: yes, no).
pub(super) struct ExamPassedAfterAsOf<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    pub(super) passed_on: String,
    pub(super) as_of: &'a str,
    pub(super) already: bool,
}

impl Message for ExamPassedAfterAsOf<'_> {
    fn id(&self) -> &'static str {
        "warning-exam-passed-after-as-of"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(5);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("passed_on", self.passed_on.as_str());
        args.set("as_of", self.as_of);
        args.set("already", if self.already { "yes" } else { "no" });
        args
    }
}

/// `warning-exam-not-yet-available`: `$person`, `$code`, `$from` (the
/// exam's first day), `$as_of` (dates).
pub(super) struct ExamNotYetAvailable<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    pub(super) from: String,
    pub(super) as_of: &'a str,
}

impl Message for ExamNotYetAvailable<'_> {
    fn id(&self) -> &'static str {
        "warning-exam-not-yet-available"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("from", self.from.as_str());
        args.set("as_of", self.as_of);
        args
    }
}

/// `warning-duplicate-exam-pass`: `$person`, `$code`.
pub(super) struct DuplicateExamPass<'a> {
    pub(super) person: &'a str,
    pub(super) code: &'a str,
    /// How many times the exam is listed for the individual (2 or more).
    pub(super) times: u32,
}

impl Message for DuplicateExamPass<'_> {
    fn id(&self) -> &'static str {
        "warning-duplicate-exam-pass"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("times", self.times);
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::check_messages;

    #[test]
    fn every_message_of_warnings_ftl_has_one_struct_with_its_variables() {
        let (person, code) = ("Ivan Petrov", "MB2-712");
        let unknown = UnknownExamCode {
            person,
            code,
            suggestion: Suggestion::Two("MB2-707", "MB2-712"),
        };
        let expired = ExamExpired {
            person,
            code,
            until: "December 31, 2018".into(),
        };
        let not_in_edition = ExamNotInEdition {
            person,
            code,
            edition: "2017-07",
            other: "2017-11",
            when: When::Later,
            other_from: "November 16, 2017".into(),
            first_day: None,
            dated: false,
            yet: false,
        };
        let after = ExamPassedAfterAsOf {
            person,
            code,
            passed_on: "August 1, 2017".into(),
            as_of: "July 7, 2017",
            already: false,
        };
        let duplicate = DuplicateExamPass {
            person,
            code,
            times: 3,
        };
        let unavailable = ExamNotAvailableOnPassDate {
            person,
            code,
            passed_on: "June 1, 2017".into(),
            side: Side::Before,
            limit: "January 1, 2018".into(),
            present: true,
        };
        let not_yet = ExamNotYetAvailable {
            person,
            code: "MB2-877",
            from: "January 1, 2018".into(),
            as_of: "December 15, 2017",
        };
        let messages: [&dyn Message; 7] = [
            &unknown,
            &expired,
            &not_in_edition,
            &unavailable,
            &after,
            &not_yet,
            &duplicate,
        ];
        // Every struct of this file is in the list above.
        let impls = include_str!("messages.rs")
            .matches(concat!("impl ", "Message for "))
            .count();
        assert_eq!(impls, messages.len(), "a struct is missing from the list");
        check_messages("warnings.ftl", &messages, &[]);
    }
}
