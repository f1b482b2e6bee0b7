//! The one assembler: the whole proto answer to `Evaluate`, built from the
//! rules' one result (`rules::Answer`). Summary, levels (requirements, gap,
//! outlook), warnings and trace are siblings here; none of them edits
//! another's text — a fact one sentence needs from another part is an input
//! of that sentence, decided by the rules.
//!
//! The service, `benches/evaluate.rs`, `examples/phases.rs` and
//! `tests/properties.rs` all answer through `respond` (or, to time the
//! phases apart, `rules::answer` then `assemble`).

use crate::pb::competency as pb;
use crate::rules::{self, Answer};

use super::convert::{pb_date, pb_level, ValidEvaluate, View};
use super::render::Renderer;
use super::{outlook, trace, warnings};

/// Judges a validated request and words the answer: the one entry point.
pub fn respond(r: &Renderer, valid: ValidEvaluate) -> pb::Evaluation {
    let answer = judge(&valid);
    assemble(r, &valid, &answer)
}

/// The rules' result for a validated request (with the outlook).
pub fn judge(valid: &ValidEvaluate) -> Answer {
    rules::answer(valid.editions, valid.scope.as_of, &valid.submission, true)
}

/// The proto answer to `valid`, from the rules' result `answer`.
pub fn assemble(r: &Renderer, valid: &ValidEvaluate, answer: &Answer) -> pb::Evaluation {
    let ValidEvaluate {
        scope,
        request_id,
        submission,
        view,
        ..
    } = valid;
    let ev = &answer.today;
    let locale = scope.locale;
    let words = r.words(locale, submission, ev);
    let levels = ev
        .levels
        .iter()
        .map(|outcome| {
            let outlook = answer.outlook_of(outcome.level);
            // A level not attained today that the outlook attains later:
            // the gap is what attains it sooner (an input of its sentence).
            let won_on = outlook
                .filter(|o| !o.attained)
                .and_then(|o| o.change.as_ref())
                .map(|change| change.on);
            let horizon = outlook.map(|o| o.horizon_end);
            let (requirements, gap) = words.level(outcome, won_on, horizon);
            pb::LevelResult {
                level: pb_level(Some(outcome.level)).into(),
                attained: outcome.attained,
                requirements,
                gap,
                outlook: outlook.map(|o| outlook::level(r, locale, submission, scope.as_of, o)),
            }
        })
        .collect();
    let (warnings, warnings_omitted) = warnings::warnings(&r.l10n, scope, submission, ev);
    pb::Evaluation {
        request_id: request_id.clone(),
        partner_id: submission.partner_id.clone(),
        competency: scope.competency.id.to_string(),
        locale: locale.tag().to_string(),
        as_of: Some(pb_date(ev.as_of)),
        attained_level: pb_level(ev.attained).into(),
        summary: words.summary(),
        levels,
        edition: ev.edition.id.to_string(),
        warnings,
        warnings_omitted,
        trace: (*view == View::Full).then(|| Box::new(trace::trace(ev))),
    }
}
