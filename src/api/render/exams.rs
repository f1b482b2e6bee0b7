//! Exam labels and "one exam from the … group (A, B, or C)" choices: which
//! label an exam carries on a day, and which exams a step says count only
//! through a later day.

use std::borrow::Cow;

use crate::l10n::{Locale, Localizer, Message};
use crate::rules::{self, Date, Edition, ExamGroup};

use super::messages::{label, ExamChoice, ExamOption};
use super::Renderer;

/// Which of group `g`'s exams among `codes` a step offering them on `day`
/// says count only through a later day, as bits in table order.
pub(super) fn limited_mask(edition: &Edition, g: usize, codes: &[&'static str], day: Date) -> u32 {
    let Some(group) = edition.groups.get(g) else {
        return 0;
    };
    group
        .exams
        .iter()
        .enumerate()
        .filter(|(i, e)| *i < 32 && codes.contains(&e.code))
        .filter(|(_, e)| rules::counts_until(e, day).is_some())
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// The formatted last day on which passes of `code` (of group `g`) count,
/// when `limited` says a step names it.
pub(super) fn until_of(
    r: &Renderer,
    locale: Locale,
    edition: &Edition,
    g: usize,
    code: &str,
    limited: u32,
) -> Option<String> {
    let until = until_in(edition.groups.get(g)?, code, limited)?;
    Some(r.l10n.date(locale, until))
}

/// The last day on which passes of `code` count, when it is one of the
/// exams of `group` that `limited` marks (bits in table order).
pub(super) fn until_in(group: &ExamGroup, code: &str, limited: u32) -> Option<Date> {
    let i = group.exams.iter().position(|e| e.code == code)?;
    (i < 32 && limited & 1 << i != 0)
        .then_some(group.exams[i].accepted_until)
        .flatten()
}

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
    let available = (!noted)
        .then(|| l10n.try_label(locale, &label::exam_available(code)))
        .flatten();
    available
        .or_else(|| l10n.try_label(locale, &label::exam_in(edition, code)))
        .unwrap_or_else(|| l10n.label(locale, &label::exam(code)))
}

/// "one exam from the deployment group (MB2-710 “…” or MB2-706 “…”)", with
/// each exam's label from `label_of` and, where `until_of` gives one, the
/// day through which its passes count.
pub(super) fn exam_choice<'l>(
    l10n: &Localizer,
    locale: Locale,
    group_label: &str,
    codes: &[&'static str],
    label_of: impl Fn(&'static str) -> &'l str,
    until_of: impl Fn(&'static str) -> Option<String>,
) -> String {
    let options = l10n.or_list(
        locale,
        codes.iter().map(|code| {
            let until = until_of(code);
            Cow::Owned(
                ExamOption {
                    code,
                    label: label_of(code),
                    until: until.as_deref(),
                }
                .text(l10n, locale),
            )
        }),
    );
    ExamChoice {
        group_label,
        count: codes.len() as u32,
        options: &options,
    }
    .text(l10n, locale)
}
