//! The competency's requirements as the source document states them
//! (`GetCompetency`), every sentence from `messages`.

use std::borrow::Cow;

use crate::l10n::MoneyCase;
use crate::pb::competency as pb;
use crate::rules::{catalog, Exam, LevelRule};

use super::super::convert::{pb_date, pb_level, pb_market, pb_money, Scope};
use super::messages::{
    label, CompetencyNote, EditionInForce, ExamNoteNoLongerOffered, ExamNoteNotYetAvailable,
    ExamNoteRetiring, NoLongerOffered, Plain, RequirementIndividuals, RequirementRole,
    RequirementThreshold, RevenueRule,
};
use super::Ctx;

pub(super) fn competency(c: &Ctx, scope: &Scope) -> pb::Competency {
    let Scope {
        competency, as_of, ..
    } = *scope;
    let edition = c.edition;

    let mut notes: Vec<String> = edition
        .groups
        .iter()
        .flat_map(|g| g.exams.iter())
        .filter_map(|exam| {
            let (retiring, until) = (exam.retiring_on?, exam.accepted_until?);
            Some(
                CompetencyNote {
                    code: exam.code,
                    label: c.exam_title_quoted(exam.code),
                    retiring: &c.date(retiring),
                    until: &c.date(until),
                    retired: retiring < as_of,
                    past: until < as_of,
                }
                .render(c),
            )
        })
        .collect();
    // Rendered once: a list note and the exam's own note.
    let no_longer: Vec<(&str, (String, String))> = edition
        .groups
        .iter()
        .flat_map(|g| g.exams.iter())
        .filter_map(|exam| Some((exam.code, no_longer_offered(c, exam)?)))
        .collect();
    notes.extend(no_longer.iter().map(|(_, (note, _))| note.clone()));
    let from = edition.in_force_from.map(|d| c.date(d));
    let until = competency.in_force_until(edition).map(|d| c.date(d));
    notes.push(
        EditionInForce {
            edition: edition.id,
            from: from.as_deref(),
            until: until.as_deref(),
        }
        .render(c),
    );

    pb::Competency {
        id: competency.id.to_string(),
        locale: c.locale.tag().to_string(),
        edition: edition.id.to_string(),
        as_of: Some(pb_date(as_of)),
        title: c.label(&label::competency_title(competency.id)).to_string(),
        description: c
            .label(&label::competency_description(competency.id))
            .to_string(),
        levels: edition
            .levels
            .iter()
            .map(|rule| level(c, scope, rule))
            .collect(),
        roles: edition
            .roles
            .iter()
            .map(|role| pb::Role {
                id: role.id.to_string(),
                title: c.role_label(role.id).to_string(),
                groups: role.groups.iter().map(|g| g.to_string()).collect(),
            })
            .collect(),
        exam_groups: edition
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| pb::ExamGroup {
                id: group.id.to_string(),
                title: c.group_label(g).to_string(),
                exams: group
                    .exams
                    .iter()
                    .map(|e| pb::Exam {
                        code: e.code.to_string(),
                        label: c.exam_label(e.code).to_string(),
                        // A pass counts only from the day its exam can
                        // be taken (review 39 M6: MB2-877 before 2018).
                        accepted: e.accepted_on(as_of)
                            && !catalog::not_yet_available(e.code, as_of),
                        accepted_until: e.accepted_until.map(pb_date),
                        note: exam_note(c, e)
                            .or_else(|| not_yet_available(c, e))
                            .or_else(|| {
                                no_longer
                                    .iter()
                                    .find(|(code, _)| *code == e.code)
                                    .map(|(_, (_, own))| own.clone())
                            })
                            .unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect(),
        revenue_rule: RevenueRule {
            wording: edition.revenue.wording,
        }
        .render(c),
        notes,
        editions: competency
            .editions
            .iter()
            .map(|e| pb::EditionInfo {
                id: e.id.to_string(),
                in_force_from: e.in_force_from.map(pb_date),
                in_force_until: competency.in_force_until(e).map(pb_date),
            })
            .collect(),
    }
}

fn level(c: &Ctx, scope: &Scope, rule: &LevelRule) -> pb::LevelRequirements {
    let edition = c.edition;
    let mut requirements: Vec<String> = rule
        .thresholds
        .iter()
        .map(|t| {
            RequirementThreshold {
                market: c.label(label::market(t.market)),
                threshold: &c.money_in(t.amount, MoneyCase::Genitive),
                wording: edition.revenue.wording,
            }
            .render(c)
        })
        .collect();
    requirements.push(
        RequirementIndividuals {
            count: rule.individuals_required(),
            wording: edition.exams_wording,
        }
        .render(c),
    );
    for seats in rule.seats {
        let Some(role) = edition.roles.iter().find(|r| r.id == seats.role) else {
            continue;
        };
        let exams = role.groups.iter().filter_map(|g| {
            let index = edition.group_index(g)?;
            // The exams one may still pass: not one that can no longer be
            // taken (MB2-709 after 2017-12-31, whose passes may still count:
            // the exam list says so), as Evaluate's steps; one not yet
            // available is offered with its note (review 39, M5).
            let mut codes = edition.groups[index].accepted_codes(scope.as_of);
            codes.retain(|code| {
                catalog::can_take(code, scope.as_of)
                    || catalog::not_yet_available(code, scope.as_of)
            });
            Some(c.choice(index, &codes, true))
        });
        let exams: Cow<'_, str> = c.l10n().and_list(c.locale, exams);
        requirements.push(
            RequirementRole {
                count: seats.count,
                role: role.id,
                exams: &exams,
            }
            .render(c),
        );
    }
    pb::LevelRequirements {
        level: pb_level(Some(rule.level)).into(),
        title: c.label(&label::level(rule.level)).to_string(),
        thresholds: rule
            .thresholds
            .iter()
            .map(|t| pb::MarketThreshold {
                market: pb_market(t.market).into(),
                market_label: c.label(label::market(t.market)).to_string(),
                threshold: Some(pb_money(t.amount)),
            })
            .collect(),
        individuals_required: rule.individuals_required(),
        seats: rule
            .seats
            .iter()
            .map(|s| pb::RoleSeats {
                role: s.role.to_string(),
                seats: s.count,
            })
            .collect(),
        requirements,
    }
}

/// An exam that can be taken only through a day (§2.6: MB2-709) and counts
/// under the call's edition, which has no retirement note of its own for it:
/// before that day, that it can be taken only through it, as `Evaluate`'s
/// steps say; after it, that it no longer can. The list's note
/// (`competency-note-no-longer-offered`) names the exam; the exam's own
/// (`exam-note-no-longer-offered`) speaks in its voice, as the source's
/// retirement note does (review 38, L4).
fn no_longer_offered(c: &Ctx, exam: &Exam) -> Option<(String, String)> {
    let until = catalog::availability(exam.code)?.until?;
    if exam.retiring_on.is_some() || !exam.accepted_on(c.day) {
        return None;
    }
    let (until, past) = (c.date(until), c.day > until);
    let listed = NoLongerOffered {
        code: exam.code,
        label: c.exam_title_quoted(exam.code),
        until: &until,
        edition: c.edition.id,
        past,
    }
    .render(c);
    let own = ExamNoteNoLongerOffered {
        until: &until,
        edition: c.edition.id,
        past,
    }
    .render(c);
    Some((listed, own))
}

/// An exam the edition accepts that can be taken only from a later day
/// (§2.6: MB2-877 before 2018-01-01): its own note says from when, as
/// `Evaluate`'s warning about an undated pass of it does.
fn not_yet_available(c: &Ctx, exam: &Exam) -> Option<String> {
    let from = catalog::availability(exam.code)?.from?;
    (exam.accepted_on(c.day) && c.day < from).then(|| {
        ExamNoteNotYetAvailable {
            from: &c.date(from),
        }
        .render(c)
    })
}

/// The source's retirement note ("Retiring …. This exam will continue to be
/// accepted … through …") is quoted word for word, so it is shown only while
/// it is true: on evaluation dates through the last day the exam is
/// accepted, and in the past tense once the exam has retired.
fn exam_note(c: &Ctx, exam: &Exam) -> Option<String> {
    let (retiring, until) = (exam.retiring_on?, exam.accepted_until?);
    if c.day > until {
        return None;
    }
    Some(
        ExamNoteRetiring {
            retiring: &c.date(retiring),
            until: &c.date(until),
            retired: c.day > retiring,
        }
        .render(c),
    )
}
