//! The generic evaluator: reads a competency edition and judges a submission.

use rustc_hash::FxHashMap as HashMap;

use super::exams::{self, Disposition, ExamIndex, ExamPass, ExamWarning, Held};
use super::gap::Gap;
use super::ignored::{Ignored, Listed, NotAccepted, Suggestion};
use super::model::{Edition, Level, LevelRule, Market};
use super::plan::{agreement, read_on, Plans};
use super::revenue::{self, Exclusion, Period, RevenueRecord, RevenueTotals};
use super::seats::{fill_levels, name_also_qualified, name_lapses, name_takers, seats, ExamsCheck};
use super::{Date, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Individual {
    /// Unique within the submission.
    pub id: String,
    /// For explanations only; the rules never read it.
    pub display_name: String,
    pub exams: Vec<ExamPass>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub partner_id: String,
    pub market: Market,
    pub revenue: Vec<RevenueRecord>,
    pub individuals: Vec<Individual>,
}

/// The result on `as_of`, computed once: the outcome of every input and
/// every level's requirements and gap. The outlook starts from it
/// (`answer::Answer` holds both).
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub edition: &'static Edition,
    pub as_of: Date,
    pub period: Period,
    pub revenue: RevenueTotals,
    /// Each revenue record's outcome, in input order: `None` when it counts,
    /// else the first reason (§2.2's order) it fails.
    pub records: Vec<Option<Exclusion>>,
    /// Each individual's groups on `as_of` and what each of their passes does.
    pub people: People,
    /// In the edition's order: lowest level first.
    pub levels: Vec<LevelOutcome>,
    /// The highest level attained, if any.
    pub attained: Option<Level>,
    /// Every exam pass that does not count, in input order; a pass listed
    /// again for the same person with the same code and date shares the
    /// first listing's warning (`PassUse::Ignored` of both points at it).
    pub warnings: Vec<ExamWarning>,
}

/// The exam passes of a submission on `as_of`, as the evaluation used them.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Per individual: the groups held and the exam holding each.
    pub held: Vec<Held>,
    /// Every pass's use, individual after individual (see `passes`).
    uses: Vec<PassUse>,
    /// `starts[i]`: where individual `i`'s passes begin in `uses`.
    starts: Vec<u32>,
}

/// What one pass does, compactly (eight bytes: a maximum submission has a
/// million passes): the group it holds, or the warning that says why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassUse {
    /// The first valid pass of its group: the individual holds the group.
    Holds { group: u8 },
    /// Valid, but an earlier pass of another exam of the group holds it.
    SameGroup { group: u8 },
    /// Does not count: `Evaluation::warnings[warning]` says why.
    Ignored { warning: u32 },
}

impl People {
    /// What each pass of individual `i` does, in input order.
    pub fn passes(&self, i: usize) -> &[PassUse] {
        let at = |i: usize| self.starts.get(i).map(|s| *s as usize);
        let start = at(i).unwrap_or(0);
        let end = at(i + 1).unwrap_or(self.uses.len());
        self.uses.get(start..end).unwrap_or_default()
    }

    /// Why each of individual `i`'s passes that do not count is ignored
    /// (`warnings`: the evaluation's, which `PassUse::Ignored` indexes).
    pub fn ignored<'w>(
        &'w self,
        i: usize,
        warnings: &'w [ExamWarning],
    ) -> impl Iterator<Item = &'w Ignored> + 'w {
        self.passes(i).iter().filter_map(|pass| match pass {
            PassUse::Ignored { warning } => warnings.get(*warning as usize).map(|w| &w.ignored),
            _ => None,
        })
    }

    /// Each individual's group set on `as_of` (bit `g`: group `g` held).
    pub fn masks(&self) -> impl Iterator<Item = u8> + '_ {
        self.held.iter().map(|h| h.mask)
    }
}

#[derive(Debug, Clone)]
pub struct LevelOutcome {
    pub level: Level,
    pub attained: bool,
    pub revenue: RevenueCheck,
    pub exams: ExamsCheck,
    /// What is missing; `None` when the level is attained.
    pub gap: Option<Gap>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevenueCheck {
    pub threshold: Money,
    pub met: bool,
    pub shortfall: Money,
}

/// Judges `submission` by `edition` on `as_of`. Linear in the size of the submission.
pub fn evaluate(edition: &'static Edition, as_of: Date, submission: &Submission) -> Evaluation {
    evaluate_before(edition, None, as_of, submission)
}

/// `evaluate`, knowing `next`: the edition that comes into force after
/// `as_of` within the outlook's year when the request pins none, from whose
/// first day a listed pass of an exam it adds counts (the gap's steps say
/// so, as the outlook does).
pub fn evaluate_before(
    edition: &'static Edition,
    next: Option<&'static Edition>,
    as_of: Date,
    submission: &Submission,
) -> Evaluation {
    let period = Period::ttm(as_of);
    let (revenue, records) = revenue::classified(&edition.revenue, &period, &submission.revenue);

    let index = ExamIndex::new(edition, as_of);
    let mut warnings = Vec::new();
    let passes: usize = submission.individuals.iter().map(|i| i.exams.len()).sum();
    let mut people = People {
        held: Vec::with_capacity(submission.individuals.len()),
        uses: Vec::with_capacity(passes),
        starts: Vec::with_capacity(submission.individuals.len()),
    };
    // One individual's passes that do not count, by exam (its canonical
    // code; an unknown code as given, which no canonical code equals) and
    // date: a pass listed again shares the first listing's warning (the
    // same exam and date give the same reason), so that the answer says it
    // once and counts it once among the passes that might be why a seat is
    // empty. Repeats of a counting exam each have their own
    // `DuplicateExamPass`, which the answer words together.
    let mut listed: HashMap<(&str, Option<Date>), u32> = HashMap::default();
    for (i, ind) in submission.individuals.iter().enumerate() {
        people.starts.push(people.uses.len() as u32);
        listed.clear();
        let first_warning = warnings.len();
        let uses = &mut people.uses;
        let held = exams::held_with(&index, &ind.exams, as_of, |j, d| {
            uses.push(match d {
                Disposition::Holds { group } => PassUse::Holds { group: group as u8 },
                Disposition::SameGroup { group } => PassUse::SameGroup { group: group as u8 },
                Disposition::Ignored(ignored) => {
                    let mut warn = || {
                        warnings.push(ExamWarning {
                            individual: i,
                            exam: j,
                            ignored,
                        });
                        (warnings.len() - 1) as u32
                    };
                    let warning = match (ignored.code(), ind.exams.get(j)) {
                        (_, None) | (Listed::Repeat, _) => warn(),
                        (Listed::Exam(code), Some(pass)) => {
                            *listed.entry((code, pass.passed_on)).or_insert_with(warn)
                        }
                        (Listed::Unknown, Some(pass)) => *listed
                            .entry((pass.code.as_str(), pass.passed_on))
                            .or_insert_with(warn),
                    };
                    PassUse::Ignored { warning }
                }
            });
        });
        already_counting(&index, ind, &mut warnings[first_warning..]);
        people.held.push(held);
    }
    let role_masks = exams::role_masks(edition);
    let mut plans = Plans::new(edition, as_of, &people.held, &role_masks, next);
    // Each level's seats read on from the seats of the level below.
    let mut levels: Vec<LevelOutcome> = fill_levels(edition, &role_masks, people.held.len(), |i| {
        people.held[i].mask
    })
    .into_iter()
    .map(|(rule, filled)| {
        let threshold = rule.threshold(submission.market).unwrap_or_default();
        let shortfall = threshold.shortfall_from(revenue.qualifying);
        let revenue_check = RevenueCheck {
            threshold,
            met: shortfall.is_zero(),
            shortfall,
        };
        let mut exams_check = seats(rule, &people.held, &role_masks, &filled);
        name_lapses(
            &mut exams_check,
            edition,
            submission,
            &people.held,
            &role_masks,
        );
        name_also_qualified(&mut exams_check, &people.held, &role_masks);
        name_takers(
            &mut exams_check,
            rule,
            edition,
            submission,
            &people.held,
            &role_masks,
        );
        let seated = |i: usize| exams_check.seats.iter().any(|s| s.individual == Some(i));
        let (passes_not_counting, passes_not_counting_yet, passes_not_counting_yet_other) =
            if exams_check.met {
                (0, 0, 0)
            } else {
                // Neither a repeat (it counts once anyway) nor a code that
                // is no Cloud CRM exam and like none (AZ-900) can be why a
                // seat is empty; a near miss (MB2-7144) may be a typo.
                let counted = warnings
                    .iter()
                    .filter(|w| {
                        !matches!(
                            w.ignored,
                            Ignored::DuplicateExamPass { .. }
                                | Ignored::ExamPassedAfterAsOf { already: true, .. }
                                | Ignored::UnknownExamCode {
                                    suggestion: Suggestion::None
                                }
                        )
                    })
                    .filter(|w| !seated(w.individual));
                counted.fold((0, 0, 0), |(all, yet, undated), w| {
                    let later = matches!(w.ignored, Ignored::ExamPassedAfterAsOf { .. });
                    let first_day = match w.ignored {
                        Ignored::ExamNotYetAvailable { .. } => true,
                        Ignored::ExamNotAccepted {
                            why: NotAccepted::NotInEdition { other, .. },
                            ..
                        } => next.is_some_and(|next| std::ptr::eq(other, next)),
                        _ => false,
                    };
                    (
                        all + 1,
                        yet + u32::from(later),
                        undated + u32::from(first_day),
                    )
                })
            };
        let exams_check = ExamsCheck {
            passes_not_counting,
            passes_not_counting_yet,
            passes_not_counting_yet_other,
            ..exams_check
        };

        LevelOutcome {
            level: rule.level,
            attained: revenue_check.met && exams_check.met,
            revenue: revenue_check,
            exams: exams_check,
            gap: None,
        }
    })
    .collect();
    // The plans, highest level first, each lower one breaking its ties
    // toward the one above (`Plans`); then, where
    // a lower plan still seats someone elsewhere than the plan above, that
    // plan again, breaking its ties toward the lower one (kept if it
    // agrees with more of it); and each reads on from the one below.
    let plan = |plans: &mut Plans, rule: &LevelRule, exams: &ExamsCheck, shortfall: Money| {
        plans.gap(
            rule,
            &exams.roles_held(people.held.len()),
            shortfall,
            |i| people.ignored(i, &warnings),
            |i| &submission.individuals[i].exams,
        )
    };
    for at in (0..levels.len()).rev() {
        let level = &mut levels[at];
        if level.attained {
            plans.follow(None, true);
            continue;
        }
        level.gap = Some(if level.exams.met {
            Gap {
                revenue_shortfall: level.revenue.shortfall,
                additional_exams: 0,
                additional_individuals: 0,
                steps: Vec::new(),
            }
        } else {
            plan(
                &mut plans,
                &edition.levels[at],
                &level.exams,
                level.revenue.shortfall,
            )
        });
        plans.follow(level.gap.as_ref(), true);
    }
    for at in 1..levels.len() {
        let (lower, higher) = levels.split_at_mut(at);
        let higher = &mut higher[0];
        let (Some(lower), Some(gap)) = (&lower[at - 1].gap, &mut higher.gap) else {
            continue;
        };
        let (agree, named) = agreement(lower, gap);
        if !gap.steps.is_empty() && agree < named {
            plans.follow(Some(lower), false);
            let shortfall = higher.revenue.shortfall;
            let again = plan(&mut plans, &edition.levels[at], &higher.exams, shortfall);
            // Only a plan that agrees with more of the lower one replaces
            // the first (whose ties the lower plan followed).
            if agreement(lower, &again).0 > agree {
                *gap = again;
            }
        }
        read_on(lower, gap);
    }
    // A seat's pass that stops counting is not named when the level's plan
    // moves the seat's holder to another seat: the plan's steps say what
    // they then need (review 28).
    for level in &mut levels {
        let Some(gap) = &level.gap else { continue };
        let moved = |i: usize| {
            gap.steps.iter().any(|step| {
                step.holder_moves.is_some_and(|m| m.individual == i)
                    || (step.individual == Some(i) && step.moves_from.is_some())
            })
        };
        for seat in &mut level.exams.seats {
            if seat.individual.is_some_and(moved) {
                seat.counts_until = None;
                seat.open_instead = None;
            }
        }
    }

    let attained = levels.iter().filter(|l| l.attained).map(|l| l.level).max();
    Evaluation {
        edition,
        as_of,
        period,
        revenue,
        records,
        people,
        levels,
        attained,
        warnings,
    }
}

/// Marks each of one individual's passes dated after `as_of` (`warnings`,
/// theirs) whose exam another of their passes already counts for on
/// `as_of` (`Ignored::ExamPassedAfterAsOf::already`). The exams that count
/// are found once, only where such a pass is listed (at most one entry per
/// exam of the catalog: linear in the passes, code review 31 H1).
fn already_counting(index: &ExamIndex, individual: &Individual, warnings: &mut [ExamWarning]) {
    let later = |w: &ExamWarning| matches!(w.ignored, Ignored::ExamPassedAfterAsOf { .. });
    if !warnings.iter().any(later) {
        return;
    }
    let mut counting: Vec<&'static str> = Vec::new();
    for code in individual
        .exams
        .iter()
        .filter_map(|pass| index.counting(pass).map(|(_, code)| code))
    {
        if !counting.contains(&code) {
            counting.push(code);
        }
    }
    for w in warnings {
        if let Ignored::ExamPassedAfterAsOf { code, already, .. } = &mut w.ignored {
            *already = counting.contains(code);
        }
    }
}
