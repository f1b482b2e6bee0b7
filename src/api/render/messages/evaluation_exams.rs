//! The exam requirement's messages of `evaluation.ftl` (`exams-*`), one
//! typed struct each.

use fluent::FluentArgs;

use super::{counted, number, set_then, Ctx};
use crate::l10n::Message;

/// `exams-met`: the exam requirement of one level, met.
pub(in crate::api::render) struct ExamsMet {
    pub required: u32,
}

impl ExamsMet {
    pub const ID: &'static str = "exams-met";

    pub fn render(&self, c: &Ctx) -> String {
        let required = self.required;
        counted(c, Self::ID, required, 0, || {
            let mut args = FluentArgs::with_capacity(1);
            args.set("required", required);
            args
        })
    }
}

impl Message for ExamsMet {
    fn id(&self) -> &'static str {
        Self::ID
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("required", self.required);
        args
    }
}

/// `exams-unmet`: the exam requirement of one level, not met.
pub(in crate::api::render) struct ExamsUnmet {
    pub filled: u32,
    pub required: u32,
}

impl ExamsUnmet {
    pub const ID: &'static str = "exams-unmet";

    fn named(filled: u32, required: u32) -> FluentArgs<'static> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("filled", filled);
        args.set("required", required);
        args
    }

    pub fn render(&self, c: &Ctx) -> String {
        let (filled, required) = (self.filled, self.required);
        counted(c, Self::ID, filled, required, || {
            Self::named(filled, required)
        })
    }
}

impl Message for ExamsUnmet {
    fn id(&self) -> &'static str {
        Self::ID
    }
    fn args(&self) -> FluentArgs<'_> {
        Self::named(self.filled, self.required)
    }
}

/// `exams-holders`: who holds the seats of one role (a sentence).
pub(in crate::api::render) struct ExamsHolders<'a> {
    pub role: &'static str,
    /// How many people `people` names.
    pub count: u32,
    /// The role's seats at this level.
    pub seats: u32,
    pub people: &'a str,
}

impl ExamsHolders<'_> {
    pub(super) const ID: &'static str = "exams-holders";
    pub(super) const SLOTS: [&'static str; 1] = ["people"];

    pub fn render(&self, c: &Ctx) -> String {
        c.r.templates.holders.render(
            &c.r.l10n,
            c.locale,
            &[
                ("count", &number(self.count)),
                ("role", self.role),
                ("seats", &number(self.seats)),
            ],
            &[("people", self.people)],
        )
    }
}

/// `exams-note`: how many listed passes of people
/// who fill no seat of the level do not count (a sentence after the exams').
pub(in crate::api::render) struct ExamsNote {
    pub count: u32,
    /// Why they do not count (`$why`).
    pub why: NoteWhy,
    /// Whether any seat of the level is filled (`$filled`: some, none).
    pub filled: bool,
}

/// What the passes an exams note counts have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::api::render) enum NoteWhy {
    /// Every one is dated after `as_of`: the note says why they do not
    /// count yet.
    Later,
    /// Every one counts later, and some have no date (their exam can be
    /// taken only from a later day): the note says only that they do not
    /// count yet.
    Yet,
    /// Any other mix: they may be why seats are empty.
    Other,
}

impl NoteWhy {
    pub(in crate::api::render) fn key(self) -> &'static str {
        match self {
            NoteWhy::Later => "later",
            NoteWhy::Yet => "yet",
            NoteWhy::Other => "other",
        }
    }
}

impl Message for ExamsNote {
    fn id(&self) -> &'static str {
        "exams-note"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("count", self.count);
        args.set("why", self.why.key());
        args.set("filled", if self.filled { "some" } else { "none" });
        args
    }
}

/// `exams-holder-until`: a seat holder of a level not attained whose counted
/// pass stops counting within the outlook's year (a sentence after the
/// holders').
pub(in crate::api::render) struct ExamsHolderUntil<'a> {
    pub person: &'a str,
    pub code: &'a str,
    /// The last day the pass counts.
    pub until: &'a str,
    /// The label of the group the seat then lacks.
    pub group: &'a str,
    /// The holder's own later-dated pass of the group and the day it starts
    /// to count, when one does after the seat is lost (`$then`: later).
    pub then: Option<(&'a str, &'a str)>,
}

impl Message for ExamsHolderUntil<'_> {
    fn id(&self) -> &'static str {
        "exams-holder-until"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(7);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("until", self.until);
        args.set("group", self.group);
        set_then(&mut args, self.then);
        args
    }
}

/// `exams-holder-may-move`: the holder of `exams-holder-until` still
/// qualifies, after the lapse, for a seat of another role that is open
/// today (`rules::SeatFill::open_instead`; a sentence right after it).
pub(in crate::api::render) struct ExamsHolderMayMove<'a> {
    /// The holder, named again (the sentence before may name another).
    pub person: &'a str,
    /// The role of the open seat.
    pub to: &'static str,
    /// How many seats of that role are open.
    pub to_seats: u32,
}

impl Message for ExamsHolderMayMove<'_> {
    fn id(&self) -> &'static str {
        "exams-holder-may-move"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("person", self.person);
        args.set("to", self.to);
        args.set("to_seats", self.to_seats);
        args
    }
}

/// `exams-one-seat`: a holder who also qualifies for a seat nobody fills
/// today (`rules::SeatFill::also_qualifies`; a sentence after the holders').
pub(in crate::api::render) struct ExamsOneSeat<'a> {
    pub person: &'a str,
    /// The role of the open seat.
    pub also: &'static str,
    /// How many seats of that role are open.
    pub also_seats: u32,
    /// The role of the seat they hold, and how many seats of it the level
    /// has (`$held`, `$held_seats`).
    pub held: &'static str,
    pub held_seats: u32,
    /// Another holder's sentence comes right before (`$again`).
    pub again: bool,
}

impl Message for ExamsOneSeat<'_> {
    fn id(&self) -> &'static str {
        "exams-one-seat"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("person", self.person);
        args.set("also", self.also);
        args.set("also_seats", self.also_seats);
        args.set("held", self.held);
        args.set("held_seats", self.held_seats);
        args.set("again", if self.again { "yes" } else { "no" });
        args
    }
}

/// `exams-holder-taken-over`: for a level attained, a seat holder whose
/// counted pass stops counting within the outlook's year and whose seat
/// another listed individual then takes with no new exam
/// (`rules::SeatFill::taken_over_by`; a sentence after the holders').
pub(in crate::api::render) struct ExamsHolderTakenOver<'a> {
    pub person: &'a str,
    pub code: &'a str,
    /// The last day the pass counts.
    pub until: &'a str,
    /// The role of the seat.
    pub role: &'static str,
    pub taker: &'a str,
    /// The day after `until`.
    pub from: &'a str,
    /// The taker already qualifies today (`$ready`).
    pub ready: bool,
}

impl Message for ExamsHolderTakenOver<'_> {
    fn id(&self) -> &'static str {
        "exams-holder-taken-over"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(7);
        args.set("person", self.person);
        args.set("code", self.code);
        args.set("until", self.until);
        args.set("role", self.role);
        args.set("taker", self.taker);
        args.set("from", self.from);
        args.set("ready", if self.ready { "yes" } else { "no" });
        args
    }
}
