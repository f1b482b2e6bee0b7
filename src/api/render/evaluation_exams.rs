//! A level's exam requirement in words: met or not, who holds which
//! seats, whose seat rests on a pass that stops counting, and the passes
//! that do not count.

use std::borrow::Cow;

use crate::l10n::Message;
use crate::rules::{self, Date};

use super::super::messages::{
    ExamsHolderMayMove, ExamsHolderTakenOver, ExamsHolderUntil, ExamsHolders, ExamsMet, ExamsNote,
    ExamsOneSeat, ExamsUnmet, NoteWhy,
};
use super::super::person;
use super::Words;

impl Words<'_> {
    /// Listed individual `i` as the answer names them.
    fn named(&self, i: usize) -> Cow<'_, str> {
        person(
            self.c.l10n(),
            self.c.locale,
            &self.submission.individuals[i],
            Cow::Borrowed,
        )
    }

    /// Whether the exam requirement is met, then who holds which seats: one
    /// sentence per role that has a holder; a sentence for each holder whose
    /// pass stops counting before `horizon`: for a level not attained, what
    /// they need to keep their seat; for one attained, who takes it over.
    pub(super) fn exams_explanation(
        &self,
        check: &rules::ExamsCheck,
        horizon: Option<Date>,
        attained: bool,
    ) -> String {
        // The pass a holder's seat rests on, when it stops counting before
        // the horizon.
        let lapsing = |seat: &rules::SeatFill| {
            seat.counts_until
                .filter(|ends| horizon.is_some_and(|horizon| ends.until < horizon))
        };
        // How many of the level's seats of `role` there are, and how many
        // of them are open ("the open … seat" / «свободного места» where
        // one of two is taken: review 41, M4).
        let seats_of = |role: usize, open: bool| {
            let of_role = check.seats.iter().filter(|s| s.role == role);
            of_role.filter(|s| !open || s.individual.is_none()).count() as u32
        };
        let c = &self.c;
        let required = check.seats.len() as u32;
        let filled = check
            .seats
            .iter()
            .filter(|s| s.individual.is_some())
            .count() as u32;
        let mut text = if check.met {
            ExamsMet { required }.render(c)
        } else {
            ExamsUnmet { filled, required }.render(c)
        };
        // Seats come in the level's order, those of one role together.
        for seats in check.seats.chunk_by(|a, b| a.role == b.role) {
            let holders = seats.iter().filter_map(|s| s.individual);
            let count = holders.clone().count() as u32;
            if count == 0 {
                continue;
            }
            let people = c.l10n().and_list(c.locale, holders.map(|i| self.named(i)));
            let sentence = ExamsHolders {
                role: self.ev.edition.roles[seats[0].role].id,
                count,
                seats: seats.len() as u32,
                people: &people,
            }
            .render(c);
            text.push(' ');
            text.push_str(&sentence);
        }
        // Holders who also qualify for a seat nobody fills: one person
        // fills one seat. Not for a holder whose lapse note (below) offers
        // them that seat already.
        let lapse_told = |seat: &rules::SeatFill| {
            !attained && lapsing(seat).is_some() && seat.open_instead.is_some()
        };
        let mut again = false;
        for seat in &check.seats {
            let (Some(i), Some(also)) = (seat.individual, seat.also_qualifies) else {
                continue;
            };
            if lapse_told(seat) {
                continue;
            }
            let who = self.named(i);
            text.push(' ');
            text.push_str(
                &ExamsOneSeat {
                    person: &who,
                    also: self.ev.edition.roles[also].id,
                    also_seats: seats_of(also, true),
                    held: self.ev.edition.roles[seat.role].id,
                    held_seats: seats_of(seat.role, false),
                    again,
                }
                .text(c.l10n(), c.locale),
            );
            again = true;
        }
        // Holders whose seat rests on a pass that stops counting within the
        // year the outlook looks at.
        for seat in check.seats.iter().filter(|_| !attained) {
            let (Some(i), Some(ends)) = (seat.individual, lapsing(seat)) else {
                continue;
            };
            let who = self.named(i);
            let then_from = ends.then.map(|p| c.date(p.counts_from));
            text.push(' ');
            text.push_str(
                &ExamsHolderUntil {
                    person: &who,
                    code: ends.code,
                    until: &c.date(ends.until),
                    group: c.group_label(ends.group),
                    then: ends
                        .then
                        .zip(then_from.as_deref())
                        .map(|(p, from)| (p.code, from)),
                }
                .text(c.l10n(), c.locale),
            );
            if let Some((r, role)) = seat
                .open_instead
                .and_then(|r| Some((r, c.edition.roles.get(r)?)))
            {
                text.push(' ');
                text.push_str(
                    &ExamsHolderMayMove {
                        person: &who,
                        to: role.id,
                        to_seats: seats_of(r, true),
                    }
                    .text(c.l10n(), c.locale),
                );
            }
        }
        // For a level attained, who takes over the seat of a holder whose
        // pass stops counting (review 36, M3): the outlook keeps the level.
        for seat in check.seats.iter().filter(|_| attained) {
            let (Some(i), Some(ends), Some(taker)) =
                (seat.individual, lapsing(seat), seat.taken_over_by)
            else {
                continue;
            };
            text.push(' ');
            text.push_str(
                &ExamsHolderTakenOver {
                    person: &self.named(i),
                    code: ends.code,
                    until: &c.date(ends.until),
                    role: self.ev.edition.roles[seat.role].id,
                    taker: &self.named(taker),
                    from: &c.date(ends.until.next_day()),
                    ready: seat.taker_ready,
                }
                .text(c.l10n(), c.locale),
            );
        }
        // Passes that do not count, of people who fill no seat: they may be
        // why seats are empty (repeat listings never are, and are not counted).
        if check.passes_not_counting > 0 {
            text.push(' ');
            text.push_str(
                &ExamsNote {
                    count: check.passes_not_counting,
                    why: if check.passes_not_counting_yet == check.passes_not_counting {
                        NoteWhy::Later
                    } else if check.passes_not_counting_yet + check.passes_not_counting_yet_other
                        == check.passes_not_counting
                    {
                        NoteWhy::Yet
                    } else {
                        NoteWhy::Other
                    },
                    filled: check.seats.iter().any(|s| s.individual.is_some()),
                }
                .text(c.l10n(), c.locale),
            );
        }
        text
    }
}
