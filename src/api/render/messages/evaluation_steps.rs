//! The gap steps' messages of `evaluation.ftl` (`gap-step*`, `exam-option`,
//! `exam-choice`), one typed struct each; the gap's own are in
//! `evaluation_gap.rs`.

use fluent::FluentArgs;

use super::{number, set_then, Ctx};
use crate::l10n::Message;
use crate::rules::Pending;

/// `gap-step-pending`: a listed individual's own passes, dated after
/// `as_of`, of groups their step asks for, that start to count on one day
/// (a sentence after `gap-step`).
pub(in crate::api::render) struct GapStepPending<'a> {
    /// Their codes, joined.
    pub codes: &'a str,
    pub count: u32,
    /// The day the pass starts to count.
    pub counts_from: &'a str,
    /// Why only then (`$why`).
    pub why: Pending,
}

impl Message for GapStepPending<'_> {
    fn id(&self) -> &'static str {
        "gap-step-pending"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(5);
        args.set("codes", self.codes);
        args.set("count", self.count);
        args.set("counts_from", self.counts_from);
        let (why, edition) = match self.why {
            Pending::Dated => ("dated", ""),
            Pending::FirstDay => ("first-day", ""),
            Pending::Edition(id) => ("edition", id),
            Pending::Late => ("late", ""),
        };
        args.set("why", why);
        args.set("edition", edition);
        args
    }
}

/// `gap-step-misdated`: a listed individual's own passes, of groups their
/// step asks for, dated on a day their exam could not be taken (a sentence
/// after `gap-step`).
pub(in crate::api::render) struct GapStepMisdated<'a> {
    /// Their codes, joined.
    pub codes: &'a str,
    pub count: u32,
}

impl Message for GapStepMisdated<'_> {
    fn id(&self) -> &'static str {
        "gap-step-misdated"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("codes", self.codes);
        args.set("count", self.count);
        args
    }
}

/// `gap-step-not-accepted`: a listed individual's own passes, of groups
/// their step asks for, that the edition applied doesn't accept
/// (`rules::GapStep::not_accepted`; a sentence after `gap-step`).
pub(in crate::api::render) struct GapStepNotAccepted<'a> {
    /// Their codes, joined.
    pub codes: &'a str,
    pub count: u32,
    /// The edition no longer accepts them (`$why`: expired), else it lacks
    /// their exams (edition).
    pub expired: bool,
    /// The edition applied.
    pub edition: &'a str,
}

impl Message for GapStepNotAccepted<'_> {
    fn id(&self) -> &'static str {
        "gap-step-not-accepted"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("codes", self.codes);
        args.set("count", self.count);
        args.set("why", if self.expired { "expired" } else { "edition" });
        args.set("edition", self.edition);
        args
    }
}

/// `gap-step-holder-moves`: a listed individual who holds a seat of the
/// step's role today moves, with no exam, to a seat of another role (a
/// sentence after `gap-step` and the sentences about its own person's
/// passes; `rules::GapStep::holder_moves`).
pub(in crate::api::render) struct GapStepHolderMoves<'a> {
    pub person: &'a str,
    /// The role of the seat they move to.
    pub to: &'static str,
    /// How many seats of that role the level has.
    pub to_seats: u32,
}

impl Message for GapStepHolderMoves<'_> {
    fn id(&self) -> &'static str {
        "gap-step-holder-moves"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("person", self.person);
        args.set("to", self.to);
        args.set("to_seats", self.to_seats);
        args
    }
}

/// `gap-step`: one seat to fill, by whom, with which exams.
pub(in crate::api::render) struct GapStep<'a> {
    /// The listed individual's name; `None`: a new individual.
    pub person: Option<&'a str>,
    /// Which new individual (1, 2, …) when the plan needs several; 0 when one.
    pub number: u32,
    /// The role's exams the listed individual already has.
    pub held: u32,
    pub held_exams: &'a str,
    pub role: &'static str,
    /// How many seats of the role the level has (`rules::GapStep::seats`).
    pub seats: u32,
    pub exams: &'a str,
    /// The role of the seat the listed individual leaves for this one
    /// (`rules::GapStep::moves_from`); `None`: they leave none.
    pub leaves: Option<&'static str>,
    /// Who takes the seat they leave, as they are (`rules::GapStep::freed_for`);
    /// `None`: nobody listed (`$freed`: open).
    pub taker: Option<&'a str>,
    /// The listed individual holds a seat of this role today and the step
    /// keeps it (`rules::GapStep::keeps_seat`; `$stays`: yes).
    pub stays: bool,
    /// Who holds the seat today and moves to another one
    /// (`rules::GapStep::holder_moves`; `$stays`: takes).
    pub holder: Option<&'a str>,
}

impl GapStep<'_> {
    pub(super) const ID: &'static str = "gap-step";
    pub(super) const SLOTS: [&'static str; 5] =
        ["exams", "held_exams", "holder", "person", "taker"];

    pub fn render(&self, c: &Ctx) -> String {
        let who = if self.person.is_some() {
            "listed"
        } else {
            "new"
        };
        c.r.templates.step.render(
            &c.r.l10n,
            c.locale,
            &[
                (
                    "freed",
                    if self.taker.is_some() {
                        "taken"
                    } else {
                        "open"
                    },
                ),
                ("held", &number(self.held)),
                ("leaves", self.leaves.unwrap_or("none")),
                ("number", &number(self.number)),
                ("role", self.role),
                ("seats", &number(self.seats)),
                (
                    "stays",
                    match (self.stays, self.holder) {
                        (true, _) => "yes",
                        (false, Some(_)) => "takes",
                        (false, None) => "no",
                    },
                ),
                ("who", who),
            ],
            &[
                ("exams", self.exams),
                ("held_exams", self.held_exams),
                ("holder", self.holder.unwrap_or_default()),
                ("person", self.person.unwrap_or_default()),
                ("taker", self.taker.unwrap_or_default()),
            ],
        )
    }
}

/// `$join` of `exam-option`: where the option stands in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::api::render) enum OptionJoin {
    /// The list's last option, or its only one.
    Last,
    /// The first of two.
    Pair,
    /// The last but one of three or more.
    End,
    /// An earlier option.
    Middle,
}

impl OptionJoin {
    /// Option `k` of a list of `n`.
    pub fn at(k: usize, n: usize) -> OptionJoin {
        match (n, n - k) {
            (_, 1) => OptionJoin::Last,
            (2, _) => OptionJoin::Pair,
            (_, 2) => OptionJoin::End,
            _ => OptionJoin::Middle,
        }
    }

    fn key(self) -> &'static str {
        match self {
            OptionJoin::Last => "last",
            OptionJoin::Pair => "pair",
            OptionJoin::End => "end",
            OptionJoin::Middle => "middle",
        }
    }
}

/// `exam-option`: `MB2-710 “…”`, and the options after it in its list.
pub(in crate::api::render) struct ExamOption<'a> {
    pub code: &'a str,
    /// The exam's title in the call's edition, without an availability
    /// note (`render::exams::option_parts`).
    pub label: &'a str,
    /// Its availability note, before the exam can be taken (`$noted`: yes).
    pub note: Option<&'a str>,
    pub join: OptionJoin,
    /// The options after it, joined (empty for the last).
    pub rest: &'a str,
}

impl Message for ExamOption<'_> {
    fn id(&self) -> &'static str {
        "exam-option"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("code", self.code);
        args.set("label", self.label);
        args.set("noted", if self.note.is_some() { "yes" } else { "no" });
        args.set("note", self.note.unwrap_or_default());
        args.set("join", self.join.key());
        args.set("rest", self.rest);
        args
    }
}

/// `gap-step-until`: a sentence after a step that offers `code`, whose
/// passes count only through `until` (`rules::counts_until`), or which
/// retires on a later day (`rules::retires_on`).
pub(in crate::api::render) enum GapStepUntil<'a> {
    /// Its passes count only through `until`; `retiring`: the last day it
    /// can be taken, if it retires (`$retires`: yes, else no).
    Counts {
        code: &'a str,
        until: &'a str,
        retiring: Option<&'a str>,
    },
    /// It retires after `retiring`, and the edition applied sets no last
    /// day for its passes (`$retires`: only).
    Retires { code: &'a str, retiring: &'a str },
}

impl GapStepUntil<'_> {
    pub(super) const ID: &'static str = "gap-step-until";
    pub(super) const SELECTORS: [(&'static str, &'static [&'static str]); 1] =
        [("retires", &["yes", "only", "no"])];
    pub(super) const SLOTS: [&'static str; 3] = ["code", "retiring", "until"];

    pub fn render(&self, c: &Ctx) -> String {
        let (code, until, retires, retiring) = match *self {
            GapStepUntil::Counts {
                code,
                until,
                retiring: Some(retiring),
            } => (code, until, "yes", retiring),
            GapStepUntil::Counts {
                code,
                until,
                retiring: None,
            } => (code, until, "no", ""),
            GapStepUntil::Retires { code, retiring } => (code, "", "only", retiring),
        };
        c.r.templates.step_until.render(
            &c.r.l10n,
            c.locale,
            &[("retires", retires)],
            &[("code", code), ("retiring", retiring), ("until", until)],
        )
    }
}

/// `gap-step-held-until`: a sentence after a step whose listed individual
/// already has `code` for the seat, a pass that counts only through `until`
/// (`rules::counts_until`); after that day the seat needs another exam of
/// `group` (its label, as in `exam-choice`).
pub(in crate::api::render) struct GapStepHeldUntil<'a> {
    pub code: &'a str,
    pub until: &'a str,
    pub group: &'a str,
    /// Their own later-dated pass of the group and the day it starts to
    /// count, when one does after the lapse (`$then`: later).
    pub then: Option<(&'a str, &'a str)>,
    /// A keep plan's step for the seat this pass holds today, which asks
    /// for another exam of the group itself (`$then`: kept).
    pub kept: bool,
}

impl Message for GapStepHeldUntil<'_> {
    fn id(&self) -> &'static str {
        "gap-step-held-until"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("code", self.code);
        args.set("until", self.until);
        args.set("group", self.group);
        set_then(&mut args, self.then);
        if self.kept {
            args.set("then", "kept");
        }
        args
    }
}

/// `exam-choice`: "one exam from the deployment group (A or B)".
pub(in crate::api::render) struct ExamChoice<'a> {
    pub group_label: &'a str,
    pub count: u32,
    /// The options, joined with "or".
    pub options: &'a str,
}

impl Message for ExamChoice<'_> {
    fn id(&self) -> &'static str {
        "exam-choice"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("group", self.group_label);
        args.set("count", self.count);
        args.set("options", self.options);
        args
    }
}

/// `exam-code-limited`: an exam by code in a later step's list, with the
/// last day it can be taken and the last day its passes count, where it
/// has them (`$limit`: retiring, counts, both).
pub(in crate::api::render) struct ExamCodeLimited<'a> {
    pub code: &'a str,
    /// The last day it can be taken (`rules::retires_on`), a date.
    pub retiring: Option<&'a str>,
    /// The last day its passes count (`rules::counts_until`), a date.
    pub until: Option<&'a str>,
}

impl Message for ExamCodeLimited<'_> {
    fn id(&self) -> &'static str {
        "exam-code-limited"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("code", self.code);
        let limit = match (self.retiring, self.until) {
            (Some(_), Some(_)) => "both",
            (Some(_), None) => "retiring",
            _ => "counts",
        };
        args.set("limit", limit);
        args.set("retiring", self.retiring.unwrap_or_default());
        args.set("until", self.until.unwrap_or_default());
        args
    }
}
