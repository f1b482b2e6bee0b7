//! The keep plan's messages of `outlook.ftl` (`outlook-keep*`,
//! `outlook-cannot-keep`), one typed struct each.

use fluent::FluentArgs;

use crate::l10n::Message;
use crate::rules::Level;

use super::super::super::render::level_key;
use super::ListJoin;

/// `$parts` of `outlook-keep`: what the plan adds.
#[derive(Clone, Copy)]
pub(in crate::api::outlook) enum Parts {
    Revenue,
    Exams,
    Both,
}

impl Parts {
    fn key(self) -> &'static str {
        match self {
            Parts::Revenue => "revenue",
            Parts::Exams => "exams",
            Parts::Both => "both",
        }
    }
}

/// `$same` and `$first` of `outlook-keep`: whether the revenue and the
/// exams are due the same day, and if not, which first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(in crate::api::outlook) enum Due {
    Same,
    ExamsFirst,
    RevenueFirst,
}

impl Due {
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Due::Same => ("yes", "exams"),
            Due::ExamsFirst => ("no", "exams"),
            Due::RevenueFirst => ("no", "revenue"),
        }
    }
}

/// `outlook-keep`: the keep plan's sentence.
pub(in crate::api::outlook) struct KeepMessage<'a> {
    pub(in crate::api::outlook) level: Level,
    pub(in crate::api::outlook) parts: Parts,
    pub(in crate::api::outlook) horizon: &'a str,
    /// The day the level would be lost.
    pub(in crate::api::outlook) deadline: &'a str,
    /// The last day the revenue can be booked, and the last day the exams
    /// can be passed: one of them is the deadline.
    pub(in crate::api::outlook) revenue_by: &'a str,
    pub(in crate::api::outlook) exams_by: &'a str,
    /// Which is due first (`$same`, `$first`).
    pub(in crate::api::outlook) due: Due,
    pub(in crate::api::outlook) revenue: &'a str,
    /// `revenue_by` (the deadline, when the plan asks only for exams or
    /// both are due the same day) is the horizon's last day (`$by`:
    /// horizon).
    pub(in crate::api::outlook) by_horizon: bool,
    pub(in crate::api::outlook) exams: u32,
    /// `KeepStepMessage`s, joined.
    pub(in crate::api::outlook) steps: &'a str,
}

impl Message for KeepMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(12);
        args.set("level", level_key(self.level));
        args.set("parts", self.parts.key());
        args.set("horizon", self.horizon);
        args.set("deadline", self.deadline);
        let (same, first) = self.due.keys();
        args.set("same", same);
        args.set("first", first);
        args.set("revenue_by", self.revenue_by);
        args.set("exams_by", self.exams_by);
        args.set("revenue", self.revenue);
        args.set("by", if self.by_horizon { "horizon" } else { "date" });
        args.set("exams", self.exams);
        args.set("steps", self.steps);
        args
    }
}

/// `outlook-keep-exams-later`: after `outlook-keep`, when its passes are
/// due after the deadline: the day the seats would empty without them, and
/// why (`KeepPlan::exams_lost`).
pub(in crate::api::outlook) struct KeepExamsLaterMessage<'a> {
    pub(in crate::api::outlook) day: &'a str,
    /// The passes the plan adds.
    pub(in crate::api::outlook) exams: u32,
    /// What leaves that day, as the outlook's `$causes` (`outlook::causes`).
    pub(in crate::api::outlook) causes: &'a str,
}

impl Message for KeepExamsLaterMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-exams-later"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("day", self.day);
        args.set("exams", self.exams);
        args.set("causes", self.causes);
        args
    }
}

/// `outlook-keep-move`: a seat holder whom the keep plan moves, with no
/// exam, to a seat of another role (`KeepPlan::moves`; right after
/// `outlook-keep`).
pub(in crate::api::outlook) struct KeepMoveMessage<'a> {
    pub(in crate::api::outlook) person: &'a str,
    /// The role of the seat they hold today.
    pub(in crate::api::outlook) from: &'static str,
    /// The role of the seat they move to.
    pub(in crate::api::outlook) to: &'static str,
    /// How many seats of that role the level has.
    pub(in crate::api::outlook) to_seats: u32,
}

impl Message for KeepMoveMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-move"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(4);
        args.set("person", self.person);
        args.set("from", self.from);
        args.set("to", self.to);
        args.set("to_seats", self.to_seats);
        args
    }
}

/// `outlook-keep-swap`: two seat holders whom the keep plan moves, with no
/// exam, each to the other's role (two `KeepPlan::moves` that mirror each
/// other; right after `outlook-keep`, in their place).
pub(in crate::api::outlook) struct KeepSwapMessage<'a> {
    pub(in crate::api::outlook) first: &'a str,
    pub(in crate::api::outlook) second: &'a str,
    /// The role of the seat `first` holds today (`second` moves to it).
    pub(in crate::api::outlook) first_from: &'static str,
}

impl Message for KeepSwapMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-swap"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("first", self.first);
        args.set("second", self.second);
        args.set("first_from", self.first_from);
        args
    }
}

/// `outlook-keep-take`: right after `outlook-keep` (and its moves), someone
/// who holds no seat of the level today and whom the plan seats with no
/// exam (`rules::KeepPlan::takes`).
pub(in crate::api::outlook) struct KeepTakeMessage<'a> {
    pub(in crate::api::outlook) person: &'a str,
    /// The role of the seat they take.
    pub(in crate::api::outlook) to: &'static str,
    /// How many seats of that role the level has.
    pub(in crate::api::outlook) to_seats: u32,
    /// Whose seat it is today, if the plan frees one (`$whose`: holder).
    pub(in crate::api::outlook) holder: Option<&'a str>,
    /// The day by which their passes qualify them: the plan's exam deadline.
    pub(in crate::api::outlook) by: &'a str,
}

impl Message for KeepTakeMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-take"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(5);
        args.set("person", self.person);
        args.set("to", self.to);
        args.set("to_seats", self.to_seats);
        args.set(
            "whose",
            if self.holder.is_some() {
                "holder"
            } else {
                "none"
            },
        );
        args.set("holder", self.holder.unwrap_or_default());
        args.set("by", self.by);
        args
    }
}

/// `outlook-keep-revenue-after`: right after `outlook-keep`, when it asks
/// for revenue: that revenue is dated after `as_of`.
pub(in crate::api::outlook) struct KeepRevenueAfterMessage<'a> {
    /// The evaluation date.
    pub(in crate::api::outlook) as_of: &'a str,
    /// The plan's last day.
    pub(in crate::api::outlook) horizon: &'a str,
}

impl Message for KeepRevenueAfterMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-revenue-after"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("as_of", self.as_of);
        args.set("horizon", self.horizon);
        args
    }
}

/// `outlook-keep-lowest`: after `outlook-keep`, the lowest qualifying
/// revenue the plan's revenue covers, when it is lower than on the revenue
/// deadline.
pub(in crate::api::outlook) struct KeepLowestMessage<'a> {
    pub(in crate::api::outlook) day: &'a str,
    pub(in crate::api::outlook) negative: bool,
    /// The amount without its sign.
    pub(in crate::api::outlook) qualifying: &'a str,
}

impl Message for KeepLowestMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-lowest"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("day", self.day);
        args.set(
            "sign",
            if self.negative {
                "negative"
            } else {
                "positive"
            },
        );
        args.set("qualifying", self.qualifying);
        args
    }
}

/// `outlook-keep-step`: individuals offered the same exams, inside
/// `outlook-keep`.
pub(in crate::api::outlook) struct KeepStepMessage<'a> {
    /// Names joined with "and".
    pub(in crate::api::outlook) people: &'a str,
    pub(in crate::api::outlook) count: u32,
    pub(in crate::api::outlook) options: &'a str,
}

impl Message for KeepStepMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-step"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("people", self.people);
        args.set("count", self.count);
        args.set("options", self.options);
        args
    }
}

/// `outlook-keep-choice`: one group's exams in a keep step that asks for
/// several groups ("one of A, B, or C"), so that its "or" list does not run
/// into the "and" between groups.
pub(in crate::api::outlook) struct KeepChoiceMessage<'a> {
    /// The group's exam, where it offers one (else empty).
    pub(in crate::api::outlook) codes: &'a str,
    /// How many exams.
    pub(in crate::api::outlook) count: u32,
    /// Their group's label.
    pub(in crate::api::outlook) group: &'a str,
    /// The pass of the group that holds the person's seat today and stops
    /// counting (`$but`: yes, `$except`).
    pub(in crate::api::outlook) except: Option<&'a str>,
    /// Several people each pass one of them.
    pub(in crate::api::outlook) each: bool,
}

impl Message for KeepChoiceMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-choice"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("codes", self.codes);
        args.set("count", self.count);
        args.set("group", self.group);
        args.set("but", if self.except.is_some() { "yes" } else { "no" });
        args.set("except", self.except.unwrap_or_default());
        args.set("each", if self.each { "yes" } else { "no" });
        args
    }
}

/// `outlook-keep-steps`: a step and the rest of the plan's steps, in
/// `outlook-keep`'s `$steps`.
pub(in crate::api::outlook) struct KeepStepsMessage<'a> {
    pub(in crate::api::outlook) join: ListJoin,
    pub(in crate::api::outlook) first: &'a str,
    pub(in crate::api::outlook) rest: &'a str,
}

impl Message for KeepStepsMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-keep-steps"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(3);
        args.set("join", self.join.key());
        args.set("first", self.first);
        args.set("rest", self.rest);
        args
    }
}

/// `outlook-keep-new`: a new individual, numbered when the plan needs several.
pub(in crate::api::outlook) struct KeepNewMessage {
    pub(in crate::api::outlook) number: u32,
}

impl Message for KeepNewMessage {
    fn id(&self) -> &'static str {
        "outlook-keep-new"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(1);
        args.set("number", self.number);
        args
    }
}

/// `outlook-keep-new-group`: several new individuals offered the same
/// exams in a keep plan ("two new individuals").
pub(in crate::api::outlook) struct KeepNewGroupMessage {
    pub(in crate::api::outlook) count: u32,
    /// How many new individuals the plan named before them ("two more").
    pub(in crate::api::outlook) after: u32,
}

impl Message for KeepNewGroupMessage {
    fn id(&self) -> &'static str {
        "outlook-keep-new-group"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(2);
        args.set("count", self.count);
        args.set("after", self.after);
        args
    }
}

/// `$why` of `outlook-cannot-keep`.
#[derive(Clone, Copy)]
pub(in crate::api::outlook) enum Reason {
    NoExam,
    NoLevel,
}

impl Reason {
    fn key(self) -> &'static str {
        match self {
            Reason::NoExam => "no-exam",
            Reason::NoLevel => "no-level",
        }
    }
}

/// `outlook-cannot-keep`: why no plan keeps the level (`outlook`'s `$why`).
pub(in crate::api::outlook) struct CannotKeepMessage<'a> {
    pub(in crate::api::outlook) why: Reason,
    pub(in crate::api::outlook) horizon: &'a str,
    pub(in crate::api::outlook) deadline: &'a str,
    pub(in crate::api::outlook) day: &'a str,
    pub(in crate::api::outlook) group: &'a str,
    pub(in crate::api::outlook) edition: &'a str,
}

impl Message for CannotKeepMessage<'_> {
    fn id(&self) -> &'static str {
        "outlook-cannot-keep"
    }
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(6);
        args.set("why", self.why.key());
        args.set("horizon", self.horizon);
        args.set("deadline", self.deadline);
        args.set("day", self.day);
        args.set("group", self.group);
        args.set("edition", self.edition);
        args
    }
}
