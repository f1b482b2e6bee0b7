//! Warnings (§2.8): one per exam pass that does not count (repeat listings
//! of one pass: one for all), worded by Fluent.
//!
//! Each message of `locales/*/warnings.ftl` is one type in `messages`,
//! holding its id, its arguments and its selector keys in one place (as
//! fluent-rs's `typesafe_messages` example does); `tests/l10n.rs` checks that
//! every locale defines them with the same variables.

use prost::Message as _;

use crate::l10n::{Localizer, Message};
use crate::pb::competency as pb;
use crate::rules::inputs::{ExamWarning, Ignored, NotAccepted, Suggestion};
use crate::rules::{Date, Evaluation, Submission};

use super::convert::Scope;
use super::render::person;
use super::shown;

mod messages;
use messages::{
    DuplicateExamPass, ExamExpired, ExamNotAvailableOnPassDate, ExamNotInEdition,
    ExamNotYetAvailable, ExamPassedAfterAsOf, Side, UnknownExamCode, When,
};

/// Most warnings one answer carries, the first in input order; the rest are
/// counted in `Evaluation.warnings_omitted`. This bounds both the answer's
/// size and the time spent wording warnings (docs/api.md, "Sizes").
pub const MAX_WARNINGS: usize = 100;

/// Most bytes the warnings of one answer take, encoded; the rest are
/// counted as omitted. Ids are echoed whole, so their length is not bounded
/// otherwise.
pub const MAX_WARNING_BYTES: usize = 1 << 20;

/// `submission.individuals[i].exams[j]` and `tail`: the same path as
/// `BadRequest` violations use, built without `format!`'s machinery (which
/// cost as much as the warning's Fluent message).
fn exam_path(i: usize, j: usize, tail: &str) -> String {
    const INDIVIDUALS: &str = "submission.individuals[";
    const EXAMS: &str = "].exams[";
    let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
    let (i, j) = (a.format(i), b.format(j));
    let mut path =
        String::with_capacity(INDIVIDUALS.len() + i.len() + EXAMS.len() + j.len() + 1 + tail.len());
    for piece in [INDIVIDUALS, i, EXAMS, j, "]", tail] {
        path.push_str(piece);
    }
    path
}

/// The answer's warnings, in input order, and how many were left out
/// (`Evaluation.warnings_omitted`). Costs nothing when there are none.
pub fn warnings(
    l10n: &Localizer,
    scope: &Scope,
    submission: &Submission,
    ev: &Evaluation,
) -> (Vec<pb::Warning>, u32) {
    if ev.warnings.is_empty() {
        return (Vec::new(), 0);
    }
    let listed = listings(&ev.warnings);
    let times = |i: usize| listed.as_ref().map_or(1, |t| t[i]);
    let shown = (0..ev.warnings.len()).filter(|i| times(*i) > 0);
    let mut as_of: Option<String> = None;
    let mut bytes = 0;
    let mut out = Vec::with_capacity(ev.warnings.len().min(MAX_WARNINGS));
    for i in shown.clone().take(MAX_WARNINGS) {
        let w = &ev.warnings[i];
        let Some(warning) = warning(l10n, scope, submission, ev.as_of, &mut as_of, w, times(i))
        else {
            continue;
        };
        bytes += warning.encoded_len();
        if bytes > MAX_WARNING_BYTES {
            break;
        }
        out.push(warning);
    }
    let omitted = shown.count() - out.len();
    (out, u32::try_from(omitted).unwrap_or(u32::MAX))
}

/// Repeat listings of one pass get one warning, at the first repeat, that
/// says how many times the exam is listed: for each of `warnings`, that
/// number for a first repeat, 0 for a later repeat (no warning of its own),
/// 1 for any other. `None` when nothing is repeated (the usual case).
fn listings(warnings: &[ExamWarning]) -> Option<Vec<u32>> {
    let repeat = |w: &ExamWarning| match w.ignored {
        Ignored::DuplicateExamPass { first, .. } => Some(first),
        _ => None,
    };
    if !warnings.iter().any(|w| repeat(w).is_some()) {
        return None;
    }
    let mut times = vec![1u32; warnings.len()];
    // One individual's warnings are consecutive: the first repeat (warning
    // index) of each listing of theirs seen so far.
    let mut individual = usize::MAX;
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (i, w) in warnings.iter().enumerate() {
        let Some(first) = repeat(w) else { continue };
        if w.individual != individual {
            individual = w.individual;
            seen.clear();
        }
        match seen.iter().find(|(f, _)| *f == first) {
            Some(&(_, at)) => {
                times[at] = times[at].saturating_add(1);
                times[i] = 0;
            }
            None => {
                seen.push((first, i));
                times[i] = 2;
            }
        }
    }
    Some(times)
}

fn warning(
    l10n: &Localizer,
    scope: &Scope,
    submission: &Submission,
    as_of_day: Date,
    as_of: &mut Option<String>,
    w: &ExamWarning,
    times: u32,
) -> Option<pb::Warning> {
    let locale = scope.locale;
    let ind = submission.individuals.get(w.individual)?;
    let pass = ind.exams.get(w.exam)?;
    let who = person(l10n, locale, ind, shown);
    let who = &*who;
    let path = |tail: &str| exam_path(w.individual, w.exam, tail);
    let mut out = pb::Warning {
        reason: w.ignored.reason().to_string(),
        individual_id: ind.id.clone(),
        ..Default::default()
    };
    match w.ignored {
        Ignored::UnknownExamCode { suggestion } => {
            out.field = path(".code");
            if let Suggestion::One(code) = suggestion {
                out.suggestion = code.to_string();
            }
            out.suggestions = suggestion.codes().map(str::to_string).collect();
            out.message = UnknownExamCode {
                person: who,
                code: &shown(&pass.code),
                suggestion,
            }
            .text(l10n, locale);
        }
        Ignored::ExamNotAccepted { code, why } => {
            out.field = path(".code");
            out.exam_code = code.to_string();
            out.message = match why {
                NotAccepted::Expired { accepted_until } => ExamExpired {
                    person: who,
                    code,
                    until: l10n.date(locale, accepted_until),
                }
                .text(l10n, locale),
                NotAccepted::NotInEdition { other, first_day } => {
                    let when = if other.in_force_from <= scope.edition.in_force_from {
                        When::Earlier
                    } else if other.in_force_from.is_some_and(|from| from <= as_of_day) {
                        When::Pinned
                    } else {
                        When::Later
                    };
                    // An undated pass of an exam that can be taken only after
                    // the later edition comes into force counts from the
                    // exam's first day (review 31, M1), as the outlook and
                    // the steps say; under a pinned edition it never does.
                    let first_day =
                        first_day.filter(|_| matches!(when, When::Later) && !scope.pinned);
                    ExamNotInEdition {
                        person: who,
                        code,
                        edition: scope.edition.id,
                        other: other.id,
                        when,
                        other_from: other
                            .in_force_from
                            .map(|day| l10n.date(locale, day))
                            .unwrap_or_default(),
                        first_day: first_day.map(|day| l10n.date(locale, day)),
                        dated: pass.passed_on.is_some(),
                        yet: matches!(when, When::Later) && !scope.pinned,
                    }
                    .text(l10n, locale)
                }
            };
        }
        Ignored::ExamNotAvailableOnPassDate {
            code,
            passed_on,
            availability,
        } => {
            out.field = path(".passed_on");
            out.exam_code = code.to_string();
            // The limit the date misses: the first day, if it is before it;
            // else the last.
            let (side, limit) = match availability.from.filter(|from| passed_on < *from) {
                Some(from) => (Side::Before, from),
                None => (Side::After, availability.until.unwrap_or(passed_on)),
            };
            // On the evaluation date the exam cannot be taken yet (before
            // its first day), or still can be (through its last): the
            // sentence speaks of that day in the present.
            let present = match side {
                Side::Before => as_of_day < limit,
                Side::After => as_of_day <= limit,
            };
            out.message = ExamNotAvailableOnPassDate {
                person: who,
                code,
                passed_on: l10n.date(locale, passed_on),
                side,
                limit: l10n.date(locale, limit),
                present,
            }
            .text(l10n, locale);
        }
        Ignored::ExamPassedAfterAsOf {
            code,
            passed_on,
            already,
        } => {
            out.field = path(".passed_on");
            out.exam_code = code.to_string();
            let as_of = as_of.get_or_insert_with(|| l10n.date(locale, as_of_day));
            out.message = ExamPassedAfterAsOf {
                person: who,
                code,
                passed_on: l10n.date(locale, passed_on),
                as_of,
                already,
            }
            .text(l10n, locale);
        }
        Ignored::ExamNotYetAvailable { code, from } => {
            out.field = path(".passed_on");
            out.exam_code = code.to_string();
            let as_of = as_of.get_or_insert_with(|| l10n.date(locale, as_of_day));
            out.message = ExamNotYetAvailable {
                person: who,
                code,
                from: l10n.date(locale, from),
                as_of,
            }
            .text(l10n, locale);
        }
        Ignored::DuplicateExamPass { code, first } => {
            out.field = path("");
            out.related_field = exam_path(w.individual, first, "");
            out.exam_code = code.to_string();
            out.times = times;
            out.message = DuplicateExamPass {
                person: who,
                code,
                times,
            }
            .text(l10n, locale);
        }
    }
    Some(out)
}
