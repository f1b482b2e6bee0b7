//! The catalog's messages (`locales/*/competency.ftl`), for `GetCompetency`.

use fluent::FluentArgs;

use super::{fluent, Ctx};

/// `revenue-rule`: which revenue counts.
pub(in crate::api::render) struct RevenueRule {
    pub wording: &'static str,
}

impl RevenueRule {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(1);
        args.set("wording", self.wording);
        fluent(c, "revenue-rule", &args)
    }
}

/// `requirement-threshold`: one market's revenue threshold.
pub(in crate::api::render) struct RequirementThreshold<'a> {
    pub market: &'a str,
    pub threshold: &'a str,
    pub wording: &'static str,
}

impl RequirementThreshold<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(3);
        args.set("market", self.market);
        args.set("threshold", self.threshold);
        args.set("wording", self.wording);
        fluent(c, "requirement-threshold", &args)
    }
}

/// `requirement-individuals`: how many individuals a level needs.
pub(in crate::api::render) struct RequirementIndividuals {
    pub count: u32,
    /// `Edition::exams_wording`.
    pub wording: &'static str,
}

impl RequirementIndividuals {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(2);
        args.set("count", self.count);
        args.set("wording", self.wording);
        fluent(c, "requirement-individuals", &args)
    }
}

/// `requirement-role`: the exams each seat of one role needs.
pub(in crate::api::render) struct RequirementRole<'a> {
    pub count: u32,
    pub role: &'static str,
    pub exams: &'a str,
}

impl RequirementRole<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(3);
        args.set("count", self.count);
        args.set("role", self.role);
        args.set("exams", self.exams);
        fluent(c, "requirement-role", &args)
    }
}

/// `exam-note-retiring`: an exam's own note.
pub(in crate::api::render) struct ExamNoteRetiring<'a> {
    pub retiring: &'a str,
    pub until: &'a str,
}

impl ExamNoteRetiring<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(2);
        args.set("retiring", self.retiring);
        args.set("until", self.until);
        fluent(c, "exam-note-retiring", &args)
    }
}

/// `competency-note`: a retiring exam, among the competency's notes.
pub(in crate::api::render) struct CompetencyNote<'a> {
    pub code: &'a str,
    pub label: &'a str,
    pub retiring: &'a str,
    pub until: &'a str,
}

impl CompetencyNote<'_> {
    pub fn render(&self, c: &Ctx) -> String {
        let mut args = FluentArgs::with_capacity(4);
        args.set("code", self.code);
        args.set("label", self.label);
        args.set("retiring", self.retiring);
        args.set("until", self.until);
        fluent(c, "competency-note", &args)
    }
}

/// `edition-in-force`: when an edition's rules apply.
pub(in crate::api::render) struct EditionInForce<'a> {
    pub edition: &'a str,
    pub from: Option<&'a str>,
    pub until: Option<&'a str>,
}

impl EditionInForce<'_> {
    pub fn render(&self, c: &Ctx) -> String {
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
        fluent(c, "edition-in-force", &args)
    }
}
