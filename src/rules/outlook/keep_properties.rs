//! The keep plan against its definition: applying it keeps the level on
//! every day through the horizon (the outlook, itself checked against
//! evaluating every day, finds no change), with every offered exam; one
//! cent less revenue does not; and no plan with fewer passes (then fewer new
//! individuals) does.

use super::*;
use proptest::prelude::*;

const APPLICATION: [&str; 4] = ["MB2-709", "MB2-714", "MB2-717", "MB2-877"];
const DEPLOYMENT: [&str; 2] = ["MB2-710", "MB2-715"];
const CUSTOMIZATION: [&str; 2] = ["MB2-712", "MB2-716"];

fn day(base: Date, span: i64) -> impl Strategy<Value = Date> {
    (-span..=span).prop_map(move |n| base.plus_days(n))
}

/// One individual: which seats their passes aim at (0: application and
/// deployment, 1: customization, 2: both, 3: an application exam only),
/// the exams of each group, and the date of the passes (`None`: undated).
type Person = (usize, usize, usize, usize, Option<Date>);

fn cases() -> impl Strategy<Value = (Editions, Date, Submission)> {
    // As of dates around 2018: MB2-709's acceptance ends within the horizon.
    // Teams that often attain a level, and lose it.
    let base = Date::ymd(2018, 6, 1);
    let records = proptest::collection::vec((-1i64..=8, day(base, 400)), 2..12);
    let people = proptest::collection::vec(
        (
            0usize..4,
            0..APPLICATION.len(),
            0..DEPLOYMENT.len(),
            0..CUSTOMIZATION.len(),
            proptest::option::weighted(0.3, day(base, 400)),
        ),
        2..7,
    );
    (0usize..3, day(base, 300), any::<bool>(), records, people).prop_map(
        |(e, as_of, developing, records, people)| {
            let editions = match e {
                0 => Editions::InForce(&CLOUD_CRM),
                1 => Editions::Pinned(&CLOUD_CRM_2017_07),
                _ => Editions::Pinned(&CLOUD_CRM_2017_11),
            };
            let revenue = records
                .into_iter()
                .map(|(k, booked_on)| record(k * 25_000, booked_on))
                .collect();
            let individuals = people
                .into_iter()
                .enumerate()
                .map(|(i, (aim, a, d, c, passed_on)): (usize, Person)| {
                    let codes: &[&str] = match aim {
                        0 => &[APPLICATION[a], DEPLOYMENT[d]],
                        1 => &[CUSTOMIZATION[c]],
                        2 => &[APPLICATION[a], DEPLOYMENT[d], CUSTOMIZATION[c]],
                        _ => &[APPLICATION[a]],
                    };
                    Individual {
                        id: format!("i{i}"),
                        display_name: String::new(),
                        exams: codes
                            .iter()
                            .map(|code| ExamPass {
                                code: code.to_string(),
                                passed_on,
                            })
                            .collect(),
                    }
                })
                .collect();
            let mut s = submission(revenue, individuals);
            if developing {
                s.market = Market::Developing;
            }
            (editions, as_of, s)
        },
    )
}

/// `s` with `revenue` booked on `booked_on` and `groups[i]` passed by
/// listed individual `i` on `passed_on` (the `pick`-th offered exam of each
/// group, or the last), and new individuals holding `new`. The cheaper
/// plans and the cent less are tried with passes on the deadline, the
/// earliest day the plan allows, which only helps them.
#[allow(clippy::too_many_arguments)]
fn with(
    s: &Submission,
    passed_on: Date,
    revenue: Money,
    booked_on: Date,
    offered: &[Vec<&'static str>],
    groups: &[u8],
    new: &[u8],
    pick: usize,
) -> Submission {
    let mut s = s.clone();
    if !revenue.is_zero() {
        s.revenue.push(RevenueRecord {
            product: Product::CrmOnline,
            amount: revenue,
            booked_on,
            digital_partner_of_record: true,
        });
    }
    let passes = |mask: u8| -> Vec<ExamPass> {
        (0..offered.len())
            .filter(|g| mask & (1 << g) != 0)
            .map(|g| ExamPass {
                code: offered[g][pick.min(offered[g].len() - 1)].to_string(),
                passed_on: Some(passed_on),
            })
            .collect()
    };
    for (i, mask) in groups.iter().enumerate() {
        s.individuals[i].exams.extend(passes(*mask));
    }
    for (n, mask) in new.iter().enumerate() {
        s.individuals.push(Individual {
            id: format!("new{n}"),
            display_name: String::new(),
            exams: passes(*mask),
        });
    }
    s
}

fn kept(editions: Editions, as_of: Date, s: &Submission, level: Level) -> bool {
    outlook_of(editions, as_of, s)
        .iter()
        .find(|o| o.level == level)
        .is_some_and(|o| o.attained && o.change.is_none())
}

/// The plan's passes as group masks: per listed individual, and per new one.
fn masks(plan: &KeepPlan, individuals: usize) -> (Vec<u8>, Vec<u8>) {
    let mut listed = vec![0u8; individuals];
    let mut new = Vec::new();
    for step in &plan.steps {
        let mask = step.exams.iter().fold(0u8, |m, c| m | (1 << c.group));
        match step.individual {
            Some(i) => listed[i] |= mask,
            None => new.push(mask),
        }
    }
    (listed, new)
}

/// The plan keeps the level with every offered exam, one cent less revenue
/// does not, and (small submissions) no cheaper plan does.
fn check(editions: Editions, as_of: Date, s: &Submission) -> Result<(), TestCaseError> {
    let s = s.clone();
    let today = crate::rules::evaluate::evaluate(editions.on(as_of), as_of, &s);
    for out in crate::rules::outlook::outlook(editions, &today, &s) {
        // The outlook's plan (with the sweep's revenue) is the plan.
        prop_assert_eq!(&out.keep, &keep(editions, &today, &s, &out));
        let Some(plan) = keep(editions, &today, &s, &out) else {
            prop_assert!(!out.attained || out.change.is_none());
            continue;
        };
        let plan = match plan {
            Ok(plan) => plan,
            Err(why) => {
                prop_assert!(false, "the catalog always has an exam to take: {:?}", why);
                unreachable!()
            }
        };
        prop_assert!(plan.exact);
        let applied = applied(editions, plan.deadline, plan.horizon_end);
        let offered = offered(&applied, plan.exams_by);
        // The exams are due on the deadline, or later only when the level is
        // lost on the deadline through its revenue.
        prop_assert!(plan.exams_by >= plan.deadline && plan.exams_by <= plan.horizon_end);
        prop_assert!(plan.exams_by == plan.deadline || plan.revenue_by == plan.deadline);
        let n = s.individuals.len();
        let (listed, new) = masks(&plan, n);
        for step in &plan.steps {
            for choice in &step.exams {
                prop_assert_eq!(&choice.one_of, &offered[choice.group]);
            }
        }

        // Every offered exam alone keeps the level.
        let longest = offered.iter().map(Vec::len).max().unwrap_or(1);
        for pick in 0..longest {
            // The revenue and the passes as late as the plan allows.
            let t = with(
                &s,
                plan.exams_by,
                plan.revenue_needed,
                plan.revenue_by,
                &offered,
                &listed,
                &new,
                pick,
            );
            prop_assert!(
                kept(editions, as_of, &t, out.level),
                "pick {}: {:?}",
                pick,
                plan
            );
        }
        // Passes a day later than the plan allows do not: the seats are
        // not filled on `exams_by`.
        if !plan.steps.is_empty() && plan.exams_by < plan.horizon_end {
            let t = with(
                &s,
                plan.exams_by.next_day(),
                plan.revenue_needed,
                plan.revenue_by,
                &offered,
                &listed,
                &new,
                0,
            );
            prop_assert!(!kept(editions, as_of, &t, out.level), "{:?}", plan);
        }
        // One cent less revenue does not.
        if !plan.revenue_needed.is_zero() {
            let less = plan.revenue_needed - Money::from_parts(0, 10_000_000);
            let t = with(
                &s,
                plan.deadline,
                less,
                plan.deadline,
                &offered,
                &listed,
                &new,
                0,
            );
            prop_assert!(!kept(editions, as_of, &t, out.level));
        }

        // Brute force (small submissions): every plan with fewer passes,
        // or as many with fewer new individuals, fails on some day.
        if n > 4 {
            continue;
        }
        let edition = plan.edition;
        let rule = edition.level(out.level).expect("level");
        let role_masks = exams::role_masks(edition);
        let kinds: Vec<(u8, u32)> = rule
            .seats
            .iter()
            .filter_map(|x| edition.role_index(x.role).map(|r| (role_masks[r], x.count)))
            .collect();
        let groups = offered
            .iter()
            .enumerate()
            .filter(|(_, codes)| !codes.is_empty())
            .fold(0u8, |m, (g, _)| m | (1 << g));
        let subsets: Vec<u8> = (0..=groups).filter(|m| m & !groups == 0).collect();
        let goal = (plan.additional_exams, plan.additional_individuals);
        let mut choice = vec![0usize; n];
        loop {
            let listed: Vec<u8> = choice.iter().map(|c| subsets[*c]).collect();
            let listed_passes: u32 = listed.iter().map(|m| m.count_ones()).sum();
            // New individuals: how many of each seat kind.
            let mut counts = vec![0u32; kinds.len()];
            if listed_passes <= goal.0 {
                loop {
                    let new: Vec<u8> = kinds
                        .iter()
                        .zip(&counts)
                        .flat_map(|((mask, _), c)| std::iter::repeat_n(*mask, *c as usize))
                        .collect();
                    let passes = listed_passes + new.iter().map(|m| m.count_ones()).sum::<u32>();
                    let cost = (passes, new.len() as u32);
                    if cost < goal && new.iter().all(|m| m & !groups == 0) {
                        let t = with(
                            &s,
                            plan.deadline,
                            plan.revenue_needed,
                            plan.deadline,
                            &offered,
                            &listed,
                            &new,
                            0,
                        );
                        prop_assert!(
                            !kept(editions, as_of, &t, out.level),
                            "cheaper: {:?} {:?} than {:?}",
                            listed,
                            new,
                            plan
                        );
                    }
                    let Some(k) = (0..kinds.len()).find(|k| counts[*k] < kinds[*k].1) else {
                        break;
                    };
                    counts[k] += 1;
                    counts[..k].fill(0);
                }
            }
            let Some(i) = (0..n).find(|i| choice[*i] + 1 < subsets.len()) else {
                break;
            };
            choice[i] += 1;
            choice[..i].fill(0);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn the_plan_keeps_the_level_and_nothing_cheaper_does(
        (editions, as_of, s) in cases(),
    ) {
        check(editions, as_of, &s)?;
    }

    /// Tables with several acceptance ends: several binding states.
    #[test]
    fn with_several_acceptance_ends_too(
        (_, as_of, s) in cases(),
    ) {
        let mut s = s;
        for ind in &mut s.individuals {
            for pass in &mut ind.exams {
                pass.code = match pass.code.as_str() {
                    "MB2-709" => "MB2-713",
                    "MB2-717" | "MB2-877" => "MB2-714",
                    "MB2-715" => "MB2-706",
                    "MB2-716" => "MB2-707",
                    other => other,
                }
                .to_string();
            }
        }
        check(Editions::Pinned(&THREE_ENDS), as_of, &s)?;
    }
}

/// The outlook of `s` on `as_of`, from today's evaluation (as
/// `rules::answer` computes it).
fn outlook_of(editions: Editions, as_of: Date, s: &Submission) -> Vec<super::super::LevelOutlook> {
    let today = crate::rules::evaluate::evaluate(editions.on(as_of), as_of, s);
    crate::rules::outlook::outlook(editions, &today, s)
}
