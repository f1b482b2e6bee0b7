//! Domain results → proto messages, with every sentence from Fluent.
//!
//! * `messages`: one typed struct per Fluent message (ids, argument names,
//!   selector keys) and the templates made from them;
//! * `evaluation`: an `Evaluation`'s proto mapping;
//! * `competency`: the catalog's proto mapping (`GetCompetency`).
//!
//! A new sentence is a new struct in `messages` (and a template there if it
//! is on the hot path); a new section of the answer is a function beside
//! the others that takes the call's `Ctx`.

mod competency;
mod evaluation;
mod exams;
mod messages;

pub(in crate::api) use evaluation::steps as gap_steps;
pub(in crate::api) use evaluation::Words;
pub(in crate::api) use messages::level_key;

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use crate::l10n::{L10nError, Locale, Localizer, Message, MoneyCase};
use crate::pb::competency as pb;
use crate::rules::{self, catalog, Date, Edition, Evaluation, Money, Submission};

use super::convert::{blank, Scope};
use crate::rules::Individual;
use exams::{exam_label, exam_mask, quoted_title, render_choice};
use messages::{label, ExamsMet, ExamsUnmet, GapItemCount, IndividualUnnamed, Templates};

/// How the answer names an individual: the display name, else the id in
/// `individual-unnamed` ("individual x"; no English sentence starts with a
/// name, Russian names people in apposition). `shorten` cuts what is shown as given (warnings bound it).
pub(in crate::api) fn person<'a>(
    l10n: &Localizer,
    locale: Locale,
    ind: &'a Individual,
    shorten: impl Fn(&'a str) -> Cow<'a, str>,
) -> Cow<'a, str> {
    if blank(&ind.display_name) {
        Cow::Owned(
            IndividualUnnamed {
                id: &shorten(&ind.id),
            }
            .text(l10n, locale),
        )
    } else {
        shorten(&ind.display_name)
    }
}

/// What every message of one call needs: the renderer, the locale and the
/// edition the call is about.
pub(super) struct Ctx<'a> {
    pub r: &'a Renderer,
    pub locale: Locale,
    pub edition: &'static Edition,
    /// The day the answer is about: exam labels carry an availability note
    /// ("Available January 2018") only before the exam can be taken.
    pub day: Date,
}

impl Ctx<'_> {
    fn l10n(&self) -> &Localizer {
        &self.r.l10n
    }

    /// A message without arguments (a label), rendered at start.
    fn label(&self, id: &str) -> &str {
        self.r.l10n.label(self.locale, id)
    }

    fn money(&self, amount: Money) -> Cow<'_, str> {
        self.money_in(amount, MoneyCase::Nominative)
    }

    /// `money` in the grammatical case its sentence puts it in.
    fn money_in(&self, amount: Money, case: MoneyCase) -> Cow<'_, str> {
        match self.r.thresholds.get(&(self.locale, amount, case)) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(self.r.l10n.money_in(self.locale, amount, case)),
        }
    }

    fn date(&self, date: Date) -> String {
        self.r.l10n.date(self.locale, date)
    }

    pub(in crate::api) fn group_label(&self, g: usize) -> &str {
        let Some(group) = self.edition.groups.get(g) else {
            return "?";
        };
        match self.r.group_labels.get(&(self.locale, group.id)) {
            Some(text) => text,
            None => self.label(&label::group(group.id)),
        }
    }

    /// An exam's label in the call's edition, on the call's day.
    fn exam_label(&self, code: &'static str) -> &str {
        let noted = catalog::not_yet_available(code, self.day);
        match self
            .r
            .exam_labels
            .get(&(self.locale, self.edition.id, code, noted))
        {
            Some(text) => text,
            None => exam_label(&self.r.l10n, self.locale, self.edition.id, code, noted),
        }
    }

    /// An exam's label as it stands quoted in a sentence other than a list
    /// of options, on the call's day (`exams::quoted_title`).
    fn exam_title_quoted(&self, code: &'static str) -> &str {
        let noted = catalog::not_yet_available(code, self.day);
        quoted_title(&self.r.l10n, self.locale, self.edition.id, code, noted)
    }

    fn role_label(&self, id: &'static str) -> &str {
        match self.r.role_labels.get(&(self.locale, id)) {
            Some(text) => text,
            None => self.label(&label::role(id)),
        }
    }

    /// "one exam from the … group (A, B, or C)" for `codes` of group `g`
    /// (rendered at start, see `Renderer::choices`), with each exam's title
    /// where `titled`, else by code alone (a title already given in the same
    /// plan: `exams::exam_choice_by_code`; an exam's availability note is
    /// never left out).
    fn choice(&self, g: usize, codes: &[&'static str], titled: bool) -> Cow<'_, str> {
        self.choice_masked(g, exam_mask(self.edition, g, codes), codes, titled)
    }

    /// `choice`, with the bit mask of `codes` (`exams::exam_mask`) already
    /// worked out (a plan's steps have it from `Shown::fresh`).
    fn choice_masked(
        &self,
        g: usize,
        mask: Option<u32>,
        codes: &[&'static str],
        titled: bool,
    ) -> Cow<'_, str> {
        let noted = codes
            .iter()
            .any(|code| catalog::not_yet_available(code, self.day));
        let titled = titled || noted;
        if let Some(text) = mask.and_then(|mask| {
            self.r
                .choices
                .get(&(self.locale, self.edition.id, g, mask, noted, titled))
        }) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(render_choice(
            &self.r.l10n,
            self.locale,
            self.edition,
            g,
            self.group_label(g),
            codes,
            self.day,
            titled,
        ))
    }
}

/// Turns domain results into localized proto messages. Built once at start;
/// besides the `Localizer` it keeps what every call would otherwise render
/// again from the rules' tables.
pub struct Renderer {
    pub l10n: Localizer,
    templates: Templates,
    /// "one exam from the … group (A, B, or C)" for every edition, group and
    /// set of exams that can be proposed on some day (the set changes only
    /// where an exam's acceptance or availability begins or ends), keyed by
    /// a bit mask over the group's exams, whether a label carries its
    /// availability note, and whether the exams are named with their titles
    /// or by code alone.
    choices: HashMap<(Locale, &'static str, usize, u32, bool, bool), String>,
    /// Every threshold of every edition, formatted in each case the answers
    /// put it in: constants of each call.
    thresholds: HashMap<(Locale, Money, MoneyCase), String>,
    /// Messages that take nothing but counts bounded by the catalog (seats
    /// of a level, exams those seats need), rendered for every such count:
    /// `(locale, message id, count, second count)`; 0 for one-count messages.
    counts: HashMap<(Locale, &'static str, u32, u32), String>,
    /// Group and role titles by id, per locale (labels without the lookup
    /// of a composed message id).
    group_labels: HashMap<(Locale, &'static str), String>,
    role_labels: HashMap<(Locale, &'static str), String>,
    /// Exam labels by edition and code, per locale, with and without the
    /// availability note: see `exam_label`.
    exam_labels: HashMap<(Locale, &'static str, &'static str, bool), String>,
}

impl Renderer {
    pub fn new(l10n: Localizer) -> Result<Renderer, L10nError> {
        let templates = Templates::new(&l10n)?;
        let mut thresholds = HashMap::default();
        let mut choices = HashMap::default();
        let mut counts = HashMap::default();
        let mut group_labels = HashMap::default();
        let mut role_labels = HashMap::default();
        let mut exam_labels = HashMap::default();
        for (locale, edition) in l10n
            .locales()
            .iter()
            .copied()
            .flat_map(|locale| catalog::editions().map(move |e| (locale, e)))
        {
            for exam in edition.groups.iter().flat_map(|g| g.exams) {
                for noted in [false, true] {
                    exam_labels
                        .entry((locale, edition.id, exam.code, noted))
                        .or_insert_with(|| {
                            exam_label(&l10n, locale, edition.id, exam.code, noted).to_string()
                        });
                }
            }
            for role in edition.roles {
                role_labels
                    .entry((locale, role.id))
                    .or_insert_with(|| l10n.label(locale, &label::role(role.id)).to_string());
            }
            for (g, group) in edition.groups.iter().enumerate() {
                let label = l10n.label(locale, &label::group(group.id));
                group_labels
                    .entry((locale, group.id))
                    .or_insert_with(|| label.to_string());
                // Every day on which the exams a step may propose change.
                let days = std::iter::once(Date::ymd(1, 1, 1))
                    .chain(
                        group
                            .exams
                            .iter()
                            .filter_map(|e| e.accepted_until.map(Date::next_day)),
                    )
                    .chain(
                        catalog::AVAILABILITY
                            .iter()
                            .flat_map(|a| a.from.into_iter().chain(a.until.map(Date::next_day))),
                    );
                for day in days {
                    let codes = rules::takeable_codes(group, day);
                    let noted = codes
                        .iter()
                        .any(|code| catalog::not_yet_available(code, day));
                    let Some(mask) = exam_mask(edition, g, &codes) else {
                        continue;
                    };
                    for titled in [true, false] {
                        let titled = titled || noted;
                        choices
                            .entry((locale, edition.id, g, mask, noted, titled))
                            .or_insert_with(|| {
                                render_choice(&l10n, locale, edition, g, label, &codes, day, titled)
                            });
                    }
                }
            }
            for rule in edition.levels {
                for t in rule.thresholds {
                    for case in [MoneyCase::Nominative, MoneyCase::Genitive] {
                        thresholds
                            .entry((locale, t.amount, case))
                            .or_insert_with(|| l10n.money_in(locale, t.amount, case));
                    }
                }
                let seats = rule.individuals_required();
                let exams: u32 = rule
                    .seats
                    .iter()
                    .filter_map(|s| edition.roles.iter().find(|r| r.id == s.role))
                    .zip(rule.seats)
                    .map(|(role, s)| s.count * role.groups.len() as u32)
                    .sum();
                counts
                    .entry((locale, ExamsMet::ID, seats, 0))
                    .or_insert_with(|| ExamsMet { required: seats }.text(&l10n, locale));
                for filled in 0..seats {
                    counts
                        .entry((locale, ExamsUnmet::ID, filled, seats))
                        .or_insert_with(|| {
                            ExamsUnmet {
                                filled,
                                required: seats,
                            }
                            .text(&l10n, locale)
                        });
                }
                for (id, max) in [
                    (GapItemCount::EXAMS, exams),
                    (GapItemCount::INDIVIDUALS, seats),
                ] {
                    for count in 1..=max {
                        counts
                            .entry((locale, id, count, 0))
                            .or_insert_with(|| GapItemCount { id, count }.text(&l10n, locale));
                    }
                }
            }
        }
        Ok(Renderer {
            l10n,
            templates,
            choices,
            thresholds,
            counts,
            group_labels,
            role_labels,
            exam_labels,
        })
    }

    /// The words of one evaluation (for the assembler, `api::answer`).
    pub(super) fn words<'a>(
        &'a self,
        locale: Locale,
        submission: &'a Submission,
        ev: &'a Evaluation,
    ) -> Words<'a> {
        let ctx = Ctx {
            r: self,
            locale,
            edition: ev.edition,
            day: ev.as_of,
        };
        Words::new(ctx, submission, ev)
    }

    pub fn competency(&self, scope: &Scope) -> pb::Competency {
        let ctx = Ctx {
            r: self,
            locale: scope.locale,
            edition: scope.edition,
            day: scope.as_of,
        };
        competency::competency(&ctx, scope)
    }

    /// Checks every template against Fluent (see `Template::check`).
    pub fn check_templates(&self) -> Result<(), Vec<String>> {
        let mut differences = Vec::new();
        for template in self.templates.all().chain(self.l10n.money_template()) {
            if let Err(d) = template.check(&self.l10n) {
                differences.extend(d);
            }
        }
        if differences.is_empty() {
            Ok(())
        } else {
            Err(differences)
        }
    }
}
