//! The generic evaluator: reads a competency edition and judges a submission.

use super::exams::{self, Assigned, ExamIndex, ExamPass, Held};
use super::inputs::{self, ExamWarning};
use super::model::{Edition, Level, Market};
use super::outlook::LevelOutlook;
use super::revenue::{self, Period, RevenueRecord, RevenueTotals};
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

#[derive(Debug, Clone)]
pub struct Evaluation {
    pub edition: &'static Edition,
    pub as_of: Date,
    pub period: Period,
    pub revenue: RevenueTotals,
    /// In the edition's order: lowest level first.
    pub levels: Vec<LevelOutcome>,
    /// The highest level attained, if any.
    pub attained: Option<Level>,
    /// Each level's outlook (§2.7); empty unless asked for
    /// (`outlook::evaluate_with_outlook`).
    pub outlook: Vec<LevelOutlook>,
    /// Every exam pass that does not count, in input order.
    pub warnings: Vec<ExamWarning>,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamsCheck {
    pub met: bool,
    pub individuals_required: u32,
    /// One per seat, in the level's seat order; filled seats first within a role.
    pub seats: Vec<SeatFill>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFill {
    /// Index into `Edition::roles`.
    pub role: usize,
    /// Index into `Submission::individuals`; `None` when nobody listed qualifies.
    pub individual: Option<usize>,
    /// Canonical codes of the passes that qualify the individual, one per group.
    pub exams_counted: Vec<&'static str>,
}

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamChoice {
    /// Index into `Edition::groups`.
    pub group: usize,
    /// Canonical codes the edition accepts on `as_of`, in table order.
    pub one_of: Vec<&'static str>,
}

/// Judges `submission` by `edition` on `as_of`. Linear in the size of the submission.
pub fn evaluate(edition: &'static Edition, as_of: Date, submission: &Submission) -> Evaluation {
    let period = Period::ttm(as_of);
    let revenue = revenue::totals(&edition.revenue, &period, &submission.revenue);

    let index = ExamIndex::new(edition, as_of);
    let mut warnings = Vec::new();
    let held: Vec<Held> = submission
        .individuals
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            exams::held_with(&index, &ind.exams, as_of, |j, d| {
                if let Some(w) = inputs::warning(i, j, &d) {
                    warnings.push(w);
                }
            })
        })
        .collect();
    let role_masks = exams::role_masks(edition);

    let levels: Vec<LevelOutcome> = edition
        .levels
        .iter()
        .map(|rule| {
            let threshold = rule.threshold(submission.market).unwrap_or_default();
            let shortfall = threshold.shortfall_from(revenue.qualifying);
            let revenue_check = RevenueCheck {
                threshold,
                met: shortfall.is_zero(),
                shortfall,
            };

            let kinds: Vec<_> = rule
                .seats
                .iter()
                .filter_map(|s| edition.role_index(s.role).map(|r| (r, s)))
                .collect();
            let lacking = |i: usize, k: usize| {
                let mask = role_masks[kinds[k].0];
                (mask & !held[i].mask).count_ones()
            };
            // Seats that listed individuals already fill: the largest such assignment.
            let filled = exams::assign(
                held.len(),
                &kinds,
                |i, k| (lacking(i, k) == 0).then_some(0),
                |_| 1,
            );
            let exams_met = filled.iter().all(|a| a.individual.is_some());
            let seats = filled
                .iter()
                .map(|a| SeatFill {
                    role: a.role,
                    individual: a.individual,
                    exams_counted: a
                        .individual
                        .map(|i| counted(edition, &held[i], role_masks[a.role]))
                        .unwrap_or_default(),
                })
                .collect();
            let exams_check = ExamsCheck {
                met: exams_met,
                individuals_required: rule.individuals_required(),
                seats,
            };

            let attained = revenue_check.met && exams_met;
            let gap = (!attained).then(|| {
                let plan = if exams_met {
                    Vec::new()
                } else {
                    exams::assign(
                        held.len(),
                        &kinds,
                        |i, k| Some(lacking(i, k)),
                        |k| role_masks[kinds[k].0].count_ones(),
                    )
                };
                gap(edition, as_of, &held, &role_masks, shortfall, &plan)
            });
            LevelOutcome {
                level: rule.level,
                attained,
                revenue: revenue_check,
                exams: exams_check,
                gap,
            }
        })
        .collect();

    let attained = levels.iter().filter(|l| l.attained).map(|l| l.level).max();
    Evaluation {
        edition,
        as_of,
        period,
        revenue,
        levels,
        attained,
        outlook: Vec::new(),
        warnings,
    }
}

fn counted(edition: &Edition, held: &Held, role_mask: u8) -> Vec<&'static str> {
    (0..edition.groups.len())
        .filter(|g| role_mask & (1 << g) != 0)
        .filter_map(|g| held.counted[g].map(|e| e.code))
        .collect()
}

fn gap(
    edition: &'static Edition,
    as_of: Date,
    held: &[Held],
    role_masks: &[u8],
    revenue_shortfall: Money,
    plan: &[Assigned],
) -> Gap {
    let steps: Vec<GapStep> = plan
        .iter()
        .filter(|a| a.cost > 0)
        .map(|a| {
            let have = a.individual.map_or(0, |i| held[i].mask);
            let missing = role_masks[a.role] & !have;
            GapStep {
                role: a.role,
                individual: a.individual,
                exams: (0..edition.groups.len())
                    .filter(|g| missing & (1 << g) != 0)
                    .map(|g| ExamChoice {
                        group: g,
                        one_of: edition.groups[g].accepted_codes(as_of),
                    })
                    .collect(),
                held: a
                    .individual
                    .map(|i| counted(edition, &held[i], role_masks[a.role]))
                    .unwrap_or_default(),
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
