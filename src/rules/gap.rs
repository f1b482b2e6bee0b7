//! The gap (§2.5): the staffing plan that fills a level's seats with the
//! fewest extra exam passes, proposing only exams that can be taken on the
//! plan's day (§2.6 availability), and what each step says.

use super::catalog;
use super::exams::{self, Assigned, Held};
use super::ignored::Ignored;
use super::model::{Edition, Exam, ExamGroup, LevelRule, Seats};
use super::{Date, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub revenue_shortfall: Money,
    pub additional_exams: u32,
    pub additional_individuals: u32,
    pub steps: Vec<GapStep>,
}

/// One seat still to fill: who passes which exams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapStep {
    pub role: usize,
    /// Index into `Submission::individuals`; `None`: a new individual.
    pub individual: Option<usize>,
    /// Pass one exam of each choice.
    pub exams: Vec<ExamChoice>,
    /// Canonical codes of the passes the listed individual already has for
    /// the seat's role (one per group held); empty for a new individual.
    pub held: Vec<&'static str>,
    /// The listed individual's own passes of a group the seat's role lacks
    /// today that are dated after `as_of` (so do not count yet), one per
    /// group, earliest first: the gap, the outlook and the warnings name the
    /// same passes. `exams` does not ask for their groups again.
    pub pending: Vec<PendingPass>,
    /// The role (index into `Edition::roles`) of the seat of this level the
    /// listed individual fills today, when the plan moves them from it to
    /// this step's seat; `None` for a new individual or one who fills no
    /// seat today (the evaluation fills it from the level's seats).
    pub moves_from: Option<usize>,
    /// Set when `pending` covers every group the seat's role lacks today:
    /// those passes alone fill the seat, from this day (the latest of their
    /// dates); `exams` is then empty (nothing more to pass).
    pub filled_on: Option<Date>,
}

/// A listed pass that starts to count on a later day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingPass {
    /// Index into `Edition::groups`.
    pub group: usize,
    pub code: &'static str,
    /// The day it starts to count (its date).
    pub counts_from: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamChoice {
    /// Index into `Edition::groups`.
    pub group: usize,
    /// Canonical codes that the edition accepts and that can be taken on
    /// the plan's day (§2.5, §2.6 availability), in table order.
    pub one_of: Vec<&'static str>,
}

/// Whether a step may propose `exam` on `day`: the edition accepts it and it
/// can be taken that day (§2.5, §2.6 availability).
pub fn takeable(exam: &Exam, day: Date) -> bool {
    exam.accepted_on(day) && catalog::can_take(exam.code, day)
}

/// The last day on which passes of `exam` count, when a step that proposes
/// it on `day` must say so: the edition stops accepting it after a later
/// day (§2.6: MB2-709 under the 2017-11 edition, through 2018-12-31).
pub fn counts_until(exam: &Exam, day: Date) -> Option<Date> {
    exam.accepted_until.filter(|until| *until > day)
}

/// The codes of `group` a step may propose on `day`, in table order.
pub fn takeable_codes(group: &ExamGroup, day: Date) -> Vec<&'static str> {
    group
        .exams
        .iter()
        .filter(|e| takeable(e, day))
        .map(|e| e.code)
        .collect()
}

/// The seat kinds of `rule`: (index into `Edition::roles`, seats).
pub(super) fn kinds<'r>(edition: &Edition, rule: &'r LevelRule) -> Vec<(usize, &'r Seats)> {
    rule.seats
        .iter()
        .filter_map(|s| edition.role_index(s.role).map(|r| (r, s)))
        .collect()
}

/// Weight of one additional pass in the assignment's cost: above any count
/// of seats (`exams::MAX_SEAT_STATES`), so that the fewest passes come
/// first and, among plans with as many, the fewest seats that wait for
/// passes dated after `as_of`.
const PASS: u32 = exams::MAX_SEAT_STATES as u32;

/// The staffing plan (§2.5) for `rule` when listed individuals hold `held`,
/// proposing only exams for which `takeable` holds (accepted by the edition
/// and available on the plan's day). `soon[i]` (empty: none) is the groups
/// of individual `i`'s passes dated after `as_of` that count from their
/// date: the plan does not ask for those groups again, but prefers seats
/// that need no such wait. The gap machinery of the evaluation, callable
/// for any day and any set of takeable exams. `pending` is left empty and
/// `moves_from` and `filled_on` unset (the evaluation fills them from the
/// passes and the level's seats).
pub fn gap_on(
    edition: &'static Edition,
    rule: &LevelRule,
    held: &[Held],
    soon: &[u8],
    revenue_shortfall: Money,
    takeable: impl Fn(&Exam) -> bool,
) -> Gap {
    let role_masks = exams::role_masks(edition);
    // Groups with an exam that can be taken: a seat needing another group
    // can be filled only by someone who already holds it.
    let open = edition
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.exams.iter().any(&takeable))
        .fold(0u8, |m, (g, _)| m | 1 << g);
    let kinds = kinds(edition, rule);
    let soon_of = |i: usize| soon.get(i).copied().unwrap_or(0);
    let plan = exams::assign(
        held.len(),
        &kinds,
        |i, k| {
            let missing = role_masks[kinds[k].0] & !held[i].mask;
            let waits = missing & soon_of(i);
            let to_pass = missing & !waits;
            (to_pass & !open == 0).then(|| PASS * to_pass.count_ones() + u32::from(waits != 0))
        },
        |k| PASS * role_masks[kinds[k].0].count_ones(),
    );
    gap(
        edition,
        held,
        &soon_of,
        &role_masks,
        revenue_shortfall,
        &plan,
        &takeable,
    )
}

/// The groups of one individual's passes dated after `as_of` (`ignored`)
/// that count from their date: what `pending` can name.
pub(super) fn soon<'w>(edition: &Edition, ignored: impl Iterator<Item = &'w Ignored>) -> u8 {
    let mut mask = 0u8;
    for ignored in ignored {
        if let Ignored::ExamPassedAfterAsOf { code, passed_on } = *ignored {
            if let Some((g, _)) = accepted_group(edition, code, passed_on) {
                mask |= 1 << g;
            }
        }
    }
    mask
}

/// The group of the exam `code` in `edition`, when the edition accepts it on `day`.
fn accepted_group(edition: &Edition, code: &str, day: Date) -> Option<(usize, &'static str)> {
    let (g, exam) = edition
        .groups
        .iter()
        .enumerate()
        .find_map(|(g, group)| group.exams.iter().find(|e| e.code == code).map(|e| (g, e)))?;
    exam.accepted_on(day).then_some((g, exam.code))
}

pub(super) fn counted(edition: &Edition, held: &Held, role_mask: u8) -> Vec<&'static str> {
    (0..edition.groups.len())
        .filter(|g| role_mask & (1 << g) != 0)
        .filter_map(|g| held.counted[g].map(|e| e.code))
        .collect()
}

/// The passes among one individual's `ignored` dated after `as_of` of a
/// group in `groups` (a mask), and accepted by `edition` on their date: the
/// earliest of each group.
pub(super) fn pending<'w>(
    edition: &Edition,
    groups: u8,
    ignored: impl Iterator<Item = &'w Ignored>,
) -> Vec<PendingPass> {
    let mut out: Vec<PendingPass> = Vec::new();
    for ignored in ignored {
        let Ignored::ExamPassedAfterAsOf { code, passed_on } = *ignored else {
            continue;
        };
        let Some((group, code)) = accepted_group(edition, code, passed_on) else {
            continue;
        };
        if groups & (1 << group) == 0 {
            continue;
        }
        match out.iter_mut().find(|p| p.group == group) {
            Some(p) if p.counts_from <= passed_on => {}
            Some(p) => {
                *p = PendingPass {
                    group,
                    code,
                    counts_from: passed_on,
                }
            }
            None => out.push(PendingPass {
                group,
                code,
                counts_from: passed_on,
            }),
        }
    }
    out.sort_by_key(|p| (p.counts_from, p.group));
    out
}

fn gap(
    edition: &'static Edition,
    held: &[Held],
    soon: &impl Fn(usize) -> u8,
    role_masks: &[u8],
    revenue_shortfall: Money,
    plan: &[Assigned],
    takeable: &impl Fn(&Exam) -> bool,
) -> Gap {
    let steps: Vec<GapStep> = plan
        .iter()
        .filter(|a| a.cost > 0)
        .map(|a| {
            // Groups a pass dated after `as_of` brings are not asked for again.
            let have = a.individual.map_or(0, |i| held[i].mask | soon(i));
            let missing = role_masks[a.role] & !have;
            GapStep {
                role: a.role,
                individual: a.individual,
                exams: (0..edition.groups.len())
                    .filter(|g| missing & (1 << g) != 0)
                    .map(|g| ExamChoice {
                        group: g,
                        one_of: edition.groups[g]
                            .exams
                            .iter()
                            .filter(|e| takeable(e))
                            .map(|e| e.code)
                            .collect(),
                    })
                    .collect(),
                held: a
                    .individual
                    .map(|i| counted(edition, &held[i], role_masks[a.role]))
                    .unwrap_or_default(),
                pending: Vec::new(),
                moves_from: None,
                filled_on: None,
            }
        })
        .collect();
    Gap {
        revenue_shortfall,
        additional_exams: steps.iter().map(|s| s.exams.len() as u32).sum(),
        additional_individuals: steps.iter().filter(|s| s.individual.is_none()).count() as u32,
        steps,
    }
}
