//! The catalog's messages (`locales/*/competency.ftl`), for `GetCompetency`.

use fluent::FluentArgs;

use crate::l10n::Message;

/// `revenue-rule`: which revenue counts.
pub(in crate::api::render) struct RevenueRule {
    pub wording: &'static str,
}

impl Message for RevenueRule {
    fn id(&self) -> &'static str {
        "revenue-rule"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("wording", self.wording);
        args
    }
}

/// `requirement-threshold`: one market's revenue threshold.
pub(in crate::api::render) struct RequirementThreshold<'a> {
    pub market: &'a str,
    pub threshold: &'a str,
    pub wording: &'static str,
}

impl Message for RequirementThreshold<'_> {
    fn id(&self) -> &'static str {
        "requirement-threshold"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("market", self.market);
        args.set("threshold", self.threshold);
        args.set("wording", self.wording);
        args
    }
}

/// `requirement-individuals`: how many individuals a level needs.
pub(in crate::api::render) struct RequirementIndividuals {
    pub count: u32,
    /// `Edition::exams_wording`.
    pub wording: &'static str,
}

impl Message for RequirementIndividuals {
    fn id(&self) -> &'static str {
        "requirement-individuals"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("count", self.count);
        args.set("wording", self.wording);
        args
    }
}

/// `requirement-role`: the exams each seat of one role needs.
pub(in crate::api::render) struct RequirementRole<'a> {
    pub count: u32,
    pub role: &'static str,
    pub exams: &'a str,
}

impl Message for RequirementRole<'_> {
    fn id(&self) -> &'static str {
        "requirement-role"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("count", self.count);
        args.set("role", self.role);
        args.set("exams", self.exams);
        args
    }
}

/// `exam-note-retiring`: an exam's own note.
pub(in crate::api::render) struct ExamNoteRetiring<'a> {
    pub retiring: &'a str,
    pub until: &'a str,
    /// Whether `retiring` is before the evaluation date (the exam can no
    /// longer be taken), so that the note says it in the past tense.
    pub retired: bool,
}

impl Message for ExamNoteRetiring<'_> {
    fn id(&self) -> &'static str {
        "exam-note-retiring"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("retiring", self.retiring);
        args.set("until", self.until);
        args.set("retired", if self.retired { "yes" } else { "no" });
        args
    }
}

/// `competency-note`: a retiring exam, among the competency's notes.
pub(in crate::api::render) struct CompetencyNote<'a> {
    pub code: &'a str,
    pub label: &'a str,
    pub retiring: &'a str,
    pub until: &'a str,
    /// Whether `retiring` is before the evaluation date (`$retired`).
    pub retired: bool,
    /// Whether `until` is before the evaluation date (the passes no longer
    /// count), so that the note says it in the past tense.
    pub past: bool,
}

impl Message for CompetencyNote<'_> {
    fn id(&self) -> &'static str {
        "competency-note"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("code", self.code);
        args.set("label", self.label);
        args.set("retiring", self.retiring);
        args.set("until", self.until);
        args.set("retired", if self.retired { "yes" } else { "no" });
        args.set("past", if self.past { "yes" } else { "no" });
        args
    }
}

/// `competency-note-no-longer-offered`: an exam that can no longer be
/// taken, whose passes the edition still counts (MB2-709 under the 2017-07
/// edition after 2017-12-31).
pub(in crate::api::render) struct NoLongerOffered<'a> {
    pub code: &'a str,
    pub label: &'a str,
    /// The last day it could be taken.
    pub until: &'a str,
    pub edition: &'a str,
    /// Whether `until` is before the evaluation date (`$past`).
    pub past: bool,
}

impl Message for NoLongerOffered<'_> {
    fn id(&self) -> &'static str {
        "competency-note-no-longer-offered"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(5);
        args.set("code", self.code);
        args.set("label", self.label);
        args.set("until", self.until);
        args.set("edition", self.edition);
        args.set("past", if self.past { "yes" } else { "no" });
        args
    }
}

/// `exam-note-no-longer-offered`: the same fact as `NoLongerOffered`, as
/// the exam's own note (in its voice, without its code and title).
pub(in crate::api::render) struct ExamNoteNoLongerOffered<'a> {
    /// The last day it can be taken.
    pub until: &'a str,
    pub edition: &'a str,
    /// Whether `until` is before the evaluation date (`$past`).
    pub past: bool,
}

impl Message for ExamNoteNoLongerOffered<'_> {
    fn id(&self) -> &'static str {
        "exam-note-no-longer-offered"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("until", self.until);
        args.set("edition", self.edition);
        args.set("past", if self.past { "yes" } else { "no" });
        args
    }
}

/// `exam-note-not-yet-available`: the exam's own note before the first day
/// it can be taken.
pub(in crate::api::render) struct ExamNoteNotYetAvailable<'a> {
    /// That day.
    pub from: &'a str,
}

impl Message for ExamNoteNotYetAvailable<'_> {
    fn id(&self) -> &'static str {
        "exam-note-not-yet-available"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("from", self.from);
        args
    }
}

/// `edition-in-force`: when an edition's rules apply.
pub(in crate::api::render) struct EditionInForce<'a> {
    pub edition: &'a str,
    pub from: Option<&'a str>,
    pub until: Option<&'a str>,
}

impl Message for EditionInForce<'_> {
    fn id(&self) -> &'static str {
        "edition-in-force"
    }
    fn args(&self) -> FluentArgs<'_> {
        let span = match (self.from, self.until) {
            (Some(_), Some(_)) => "between",
            (Some(_), None) => "since",
            (None, Some(_)) => "until",
            (None, None) => "always",
        };
        let mut args = FluentArgs::with_capacity(4);
        args.set("edition", self.edition);
        args.set("span", span);
        args.set("from", self.from.unwrap_or_default());
        args.set("until", self.until.unwrap_or_default());
        args
    }
}
