//! Exam labels and "one exam from the … group (A, B, or C)" choices: which
//! label an exam carries on a day.

use std::borrow::Cow;

use crate::l10n::{Locale, Localizer, Message};
use crate::rules::{self, catalog, Date, Edition};

use super::messages::{label, ExamChoice, ExamCodeLimited, ExamOption, OptionJoin};

/// Which of group `g`'s exams `codes` names, as bits in table order; `None`
/// for codes the group does not have.
pub(super) fn exam_mask(edition: &Edition, g: usize, codes: &[&'static str]) -> Option<u32> {
    let exams = edition.groups.get(g)?.exams;
    codes.iter().try_fold(0u32, |mask, code| {
        let i = exams.iter().position(|e| e.code == *code)?;
        (i < 32).then(|| mask | 1 << i)
    })
}

/// An exam's label in `edition`: the edition's own label
/// (`exam-<edition>-<code>`) where the locale has one, else `exam-<code>`.
/// Once the exam can be taken (`noted` false), its label without the
/// availability note (`exam-<code>-available`) where the locale has one.
pub(super) fn exam_label<'l>(
    l10n: &'l Localizer,
    locale: Locale,
    edition: &str,
    code: &str,
    noted: bool,
) -> &'l str {
    l10n.label(locale, &exam_label_id(l10n, locale, edition, code, noted))
}

/// The id of the message `exam_label` takes.
fn exam_label_id(
    l10n: &Localizer,
    locale: Locale,
    edition: &str,
    code: &str,
    noted: bool,
) -> String {
    let has = |id: &String| l10n.try_label(locale, id).is_some();
    Some(label::exam_available(code))
        .filter(|id| !noted && has(id))
        .or_else(|| Some(label::exam_in(edition, code)).filter(has))
        .unwrap_or_else(|| label::exam(code))
}

/// An exam as an option (`exam-option`) names it by its quoted title and
/// writes its availability note, while it has one (`noted`), after the
/// quotation marks (`exam-<code>-note`), where the locale has both that
/// note and the label without it (`exam-<code>-available`); otherwise the
/// label keeps the note inside.
pub(super) fn option_parts<'l>(
    l10n: &'l Localizer,
    locale: Locale,
    edition: &str,
    code: &str,
    noted: bool,
) -> (&'l str, Option<&'l str>) {
    let apart = noted
        && l10n
            .try_label(locale, &label::exam_available(code))
            .is_some();
    let note = apart
        .then(|| l10n.try_label(locale, &label::exam_note(code)))
        .flatten();
    let title = quoted_title(l10n, locale, edition, code, noted && note.is_none());
    (title, note)
}

/// An exam's label as it stands inside quotation marks in a sentence: the
/// label's `.quoted` attribute where it has one (Russian capitalizes a
/// quoted title), else the label itself (`exam_label`).
pub(super) fn quoted_title<'l>(
    l10n: &'l Localizer,
    locale: Locale,
    edition: &str,
    code: &str,
    noted: bool,
) -> &'l str {
    let id = exam_label_id(l10n, locale, edition, code, noted);
    l10n.try_label(locale, &format!("{id}.quoted"))
        .unwrap_or_else(|| l10n.label(locale, &id))
}

/// "one exam from the deployment group (MB2-710 “…” or MB2-706 “…”)", with
/// each exam's title and note from `option_parts` of its code.
pub(super) fn exam_choice<'l>(
    l10n: &Localizer,
    locale: Locale,
    group_label: &str,
    codes: &[&'static str],
    option_parts: impl Fn(&'static str) -> (&'l str, Option<&'l str>),
) -> String {
    // From the end: each option is written with the ones after it, so
    // that the message places the separator (inside a closing quotation
    // mark in English).
    let mut options = String::new();
    for (k, code) in codes.iter().enumerate().rev() {
        let (label, note) = option_parts(code);
        options = ExamOption {
            code,
            label,
            note,
            join: OptionJoin::at(k, codes.len()),
            rest: &options,
        }
        .text(l10n, locale);
    }
    ExamChoice {
        group_label,
        count: codes.len() as u32,
        options: &options,
    }
    .text(l10n, locale)
}

/// "one exam from the deployment group (MB2-710 or MB2-706)": the exams of
/// group `g` of `edition` by code alone, in the locale's "or" list, each
/// that retires or whose passes stop counting with those days in brackets
/// (`exam-code-limited`), as offered on `day`. The days are the catalog's,
/// the same on every day the exam can be taken, so that `Renderer::choices`
/// keeps this text for its mask (a test compares it on every day).
pub(super) fn exam_choice_by_code(
    l10n: &Localizer,
    locale: Locale,
    edition: &Edition,
    g: usize,
    group_label: &str,
    codes: &[&'static str],
    day: Date,
) -> String {
    let exams = edition.groups.get(g).map_or(&[][..], |group| group.exams);
    let items = codes.iter().map(|&code| {
        let until = exams
            .iter()
            .find(|e| e.code == code)
            .and_then(|exam| rules::counts_until(exam, day));
        let retiring = rules::retires_on(code, day);
        if retiring.is_none() && until.is_none() {
            return Cow::Borrowed(code);
        }
        Cow::Owned(
            ExamCodeLimited {
                code,
                retiring: retiring.map(|d| l10n.date(locale, d)).as_deref(),
                until: until.map(|d| l10n.date(locale, d)).as_deref(),
            }
            .text(l10n, locale),
        )
    });
    let options = l10n.or_list(locale, items);
    ExamChoice {
        group_label,
        count: codes.len() as u32,
        options: &options,
    }
    .text(l10n, locale)
}

/// A choice of group `g`'s exams as offered on `day`: with titles
/// (`exam_choice`, each exam's availability note as on that day) or by code
/// (`exam_choice_by_code`). `Ctx::choice` renders with it what
/// `Renderer::choices` did not render at start.
#[allow(clippy::too_many_arguments)]
pub(super) fn render_choice(
    l10n: &Localizer,
    locale: Locale,
    edition: &Edition,
    g: usize,
    group_label: &str,
    codes: &[&'static str],
    day: Date,
    titled: bool,
) -> String {
    if !titled {
        return exam_choice_by_code(l10n, locale, edition, g, group_label, codes, day);
    }
    exam_choice(l10n, locale, group_label, codes, |code| {
        let noted = catalog::not_yet_available(code, day);
        option_parts(l10n, locale, edition.id, code, noted)
    })
}

#[cfg(test)]
#[path = "exams_tests.rs"]
mod tests;
