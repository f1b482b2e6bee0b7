//! Exam labels and "one exam from the … group (A, B, or C)" choices: which
//! label an exam carries on a day.

use std::borrow::Cow;

use crate::l10n::{Locale, Localizer, Message};
use crate::rules::Edition;

use super::messages::{label, ExamChoice, ExamOption};

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
/// each exam's label from `label_of`.
pub(super) fn exam_choice<'l>(
    l10n: &Localizer,
    locale: Locale,
    group_label: &str,
    codes: &[&'static str],
    label_of: impl Fn(&'static str) -> &'l str,
) -> String {
    let options = l10n.or_list(
        locale,
        codes.iter().map(|code| {
            Cow::Owned(
                ExamOption {
                    code,
                    label: label_of(code),
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
