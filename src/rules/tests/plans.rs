//! The plans of two levels agree (exploratory review 24, H4; code review
//! 27): following Silver's plan leads toward Gold's.

use super::super::catalog::CLOUD_CRM_2017_07;
use super::super::evaluate::evaluate_before;
use super::super::plan::agreement;
use super::*;

/// Silver's plan leads toward Gold's (exploratory review 24, H4): Bob takes
/// the application exam Gold's plan asks of him too, not a customization
/// exam that Gold's would not need, and Alice, who holds the application
/// and deployment seat today, moves to the customization seat, for which
/// she already qualifies; the step that takes her seat says so.
#[test]
fn silvers_plan_leads_toward_golds() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![
            person("alice", &["MB2-714", "MB2-710", "MB2-712"]),
            person("bob", &["MB2-710"]),
        ],
    );
    let e = eval(&s);
    let groups = |step: &GapStep| -> Vec<&str> {
        step.exams
            .iter()
            .map(|c| CLOUD_CRM_2017_07.groups[c.group].id)
            .collect()
    };
    let gold = gold(&e).gap.as_ref().expect("gold gap");
    let bob_for_gold = &gold.steps[0];
    assert_eq!((bob_for_gold.role, bob_for_gold.individual), (0, Some(1)));
    assert_eq!(groups(bob_for_gold), ["application"]);
    let silver = silver(&e).gap.as_ref().expect("silver gap");
    assert_eq!(silver.additional_exams, 1);
    let [bob] = silver.steps.as_slice() else {
        panic!("one step: {:?}", silver.steps);
    };
    assert_eq!((bob.role, bob.individual), (0, Some(1)));
    assert_eq!(groups(bob), ["application"]);
    assert_eq!(
        bob.holder_moves,
        Some(HolderMove {
            individual: 0,
            to: 1,
            seats: 1
        })
    );
    // Gold's plan moves nobody, so its steps tell no move.
    assert!(gold.steps.iter().all(|s| s.holder_moves.is_none()));
}

/// When ties leave Silver's plan seating one of its people elsewhere than
/// Gold's first plan does, Gold's plan is made again toward Silver's (e33):
/// Gold alone would leave Carol in her customization seat and ask two new
/// individuals, at the same cost as moving her; Silver's cheapest plan
/// moves her, so Gold's moves her too.
#[test]
fn golds_plan_follows_silvers_where_silvers_cannot_follow_golds() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![
            person("carol", &["MB2-712", "MB2-714"]),
            person("dave", &["MB2-707"]),
        ],
    );
    let e = eval(&s);
    let who = |gap: &Gap| -> Vec<(usize, Option<usize>)> {
        gap.steps.iter().map(|s| (s.role, s.individual)).collect()
    };
    let silver = silver(&e).gap.as_ref().expect("silver gap");
    assert_eq!(who(silver), [(0, Some(0))]);
    assert_eq!(silver.steps[0].freed_for, Some(1), "Dave takes her seat");
    let gold = gold(&e).gap.as_ref().expect("gold gap");
    assert_eq!(who(gold), [(0, Some(0)), (0, None), (1, None)]);
    assert_eq!(gold.additional_exams, 4);
}

/// The cheapest plans of a level of `seats` (application and deployment,
/// customization) for people holding the groups `held` (bit 0 application,
/// 1 deployment, 2 customization), as the sets of (person, kind) seats that
/// take an exam, by brute force: every way to give each person one kind of
/// seat or none.
fn cheapest(held: &[u8], seats: [usize; 2]) -> Vec<Vec<(usize, usize)>> {
    const NEEDS: [u8; 2] = [0b011, 0b100];
    let mut best: Option<(u32, usize)> = None;
    let mut plans = Vec::new();
    for kinds in every_seating(held.len()) {
        let taken = |k: usize| kinds.iter().filter(|&&x| x == Some(k)).count();
        if (0..2).any(|k| taken(k) > seats[k]) {
            continue;
        }
        let mut cost = 0;
        let mut steps = Vec::new();
        for (p, kind) in kinds.iter().enumerate() {
            if let Some(k) = *kind {
                let lacking = (NEEDS[k] & !held[p]).count_ones();
                cost += lacking;
                if lacking > 0 {
                    steps.push((p, k));
                }
            }
        }
        let new = (0..2).map(|k| seats[k] - taken(k)).sum::<usize>();
        cost += (0..2)
            .map(|k| (seats[k] - taken(k)) as u32 * NEEDS[k].count_ones())
            .sum::<u32>();
        let key = (cost, new);
        if best.is_none_or(|b| key < b) {
            best = Some(key);
            plans.clear();
        }
        if best == Some(key) {
            plans.push(steps);
        }
    }
    plans
}

/// Every team of one to three people, each holding any of an application
/// (MB2-714), a deployment (MB2-710) and a customization (MB2-712) pass,
/// and at most one more of them dated later (and every team of four with
/// no later pass): wherever some cheapest Silver
/// plan and some cheapest Gold plan agree (Gold's steps name every listed
/// person Silver's steps name, in the same role), the evaluation's plans
/// agree; and every seat holder's move names, once, someone who holds a
/// seat of the step's role today.
#[test]
fn the_plans_agree_wherever_two_cheapest_plans_do() {
    let mut checked = 0;
    for n in 1..=4u32 {
        let variants: u32 = if n == 4 { 8 } else { 32 };
        for code in 0..variants.pow(n) {
            let team: Vec<u8> = (0..n)
                .map(|i| (code / variants.pow(i) % variants) as u8)
                .collect();
            checked += usize::from(check_team(&team));
        }
    }
    assert!(checked > 10_000, "{checked} teams with an agreeing pair");
}

/// A team of four with later passes that the search above leaves out and
/// that tells a fix apart (code review 28: p0 and p1 with a later
/// MB2-714, p2 with application and customization passes, p3 with a
/// customization pass; Gold's plan following Silver's must give p2 an
/// application and deployment seat).
#[test]
fn the_plans_agree_for_a_team_a_review_found() {
    let team = [8u8, 8, 5, 4];
    assert!(check_team(&team), "{team:?} has an agreeing pair");
}

/// The check of `the_plans_agree_wherever_two_cheapest_plans_do` for one
/// team (bits 0–2 of `team[i]`: person i's application, deployment and
/// customization passes; bits 3–4: 1–3 for one more of them dated later);
/// whether some cheapest pair agrees.
fn check_team(team: &[u8]) -> bool {
    let later = Date::ymd(2018, 1, 1);
    let people: Vec<Individual> = team
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut p = team_member(i, m & 7);
            if let Some(code) = (m >> 3).checked_sub(1) {
                p.exams.push(ExamPass {
                    code: TEAM_CODES[usize::from(code)].to_string(),
                    passed_on: Some(later),
                });
            }
            p
        })
        .collect();
    let e = eval(&submission(Market::Developed, vec![], people));
    for level in &e.levels {
        let (Some(gap), today) = (&level.gap, level.exams.roles_held(team.len())) else {
            continue;
        };
        let movers: Vec<usize> = gap
            .steps
            .iter()
            .filter_map(|step| {
                let m = step.holder_moves?;
                assert_eq!(today[m.individual], Some(step.role), "{team:?}");
                assert_ne!(step.individual, Some(m.individual), "{team:?}");
                Some(m.individual)
            })
            .collect();
        let mut once = movers.clone();
        once.sort_unstable();
        once.dedup();
        assert_eq!(once.len(), movers.len(), "{team:?}");
    }
    let (Some(silver), Some(gold)) = (&silver(&e).gap, &gold(&e).gap) else {
        return false;
    };
    let held: Vec<u8> = team.iter().map(|m| m & 7).collect();
    let (s, g) = (cheapest(&held, [1, 1]), cheapest(&held, [2, 2]));
    let possible = s
        .iter()
        .any(|s| g.iter().any(|g| s.iter().all(|step| g.contains(step))));
    let (agree, named) = agreement(silver, gold);
    let steps = |gap: &Gap| -> Vec<(Option<usize>, usize)> {
        gap.steps.iter().map(|s| (s.individual, s.role)).collect()
    };
    assert!(
        !possible || agree == named,
        "{team:?}: Silver {:?}, Gold {:?}",
        steps(silver),
        steps(gold)
    );
    possible
}

/// A pass of an exam the next edition adds counts from its first day, as a
/// pass dated that day would (review 37, M1): Bob's MB2-716 gets him
/// Gold's customization seat on 2017-10-01, and not an application and
/// deployment seat with two exams; with the edition pinned (no next one),
/// his step says instead that the edition applied doesn't accept it.
#[test]
fn a_pass_the_next_edition_adds_weighs_as_a_later_dated_one() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![
            person("alice", &["MB2-714", "MB2-710"]),
            person("bob", &["MB2-716"]),
            person("carol", &["MB2-712"]),
        ],
    );
    let as_of = Date::ymd(2017, 10, 1);
    let bob_step = |e: &Evaluation| {
        gold(e)
            .gap
            .as_ref()
            .expect("gold gap")
            .steps
            .iter()
            .find(|step| step.individual == Some(1))
            .cloned()
            .expect("a step for Bob")
    };
    let (july, november) = catalog_editions();
    let next = evaluate_before(july, Some(november), as_of, &s);
    let bob = bob_step(&next);
    assert_eq!(CLOUD_CRM_2017_07.roles[bob.role].id, "customization");
    assert_eq!(bob.pending.len(), 1);
    assert!(bob.not_accepted.is_empty());
    // Pinned (no next edition): a pass of an exam the edition lacks, of a
    // group the step asks for, is told as not accepted.
    let s = submission(
        Market::Developed,
        vec![],
        vec![
            person("bob", &["MB2-717", "MB2-710"]),
            person("carol", &["MB2-712"]),
        ],
    );
    let pinned = evaluate(july, as_of, &s);
    let bob = silver(&pinned)
        .gap
        .as_ref()
        .expect("silver gap")
        .steps
        .iter()
        .find(|step| step.individual == Some(0))
        .cloned()
        .expect("a step for Bob");
    assert_eq!(
        bob.not_accepted,
        [NotAcceptedPass {
            code: "MB2-717",
            expired: false
        }]
    );
}

/// Two passes of one group that the next edition adds: the step tells the
/// first as counting later and says nothing of the second, which doesn't
/// count "under the edition" either (code review 30, M1).
#[test]
fn a_second_pass_the_next_edition_adds_is_not_called_unaccepted() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![
            person("bob", &["MB2-717", "MB2-718", "MB2-710"]),
            person("carol", &["MB2-712"]),
        ],
    );
    let (july, november) = catalog_editions();
    let e = evaluate_before(july, Some(november), Date::ymd(2017, 10, 1), &s);
    let silver = silver(&e).gap.as_ref().expect("silver gap");
    let bob = silver
        .steps
        .iter()
        .find(|step| step.individual == Some(0))
        .expect("a step for Bob");
    assert_eq!(bob.pending.len(), 1);
    assert!(bob.not_accepted.is_empty(), "{:?}", bob.not_accepted);
}

/// One person holding both roles' groups fills one seat; the other seat
/// stays open and says who also qualifies for it (review 37, M3).
#[test]
fn a_holder_who_also_qualifies_for_an_open_seat_is_named() {
    let s = submission(
        Market::Developed,
        vec![],
        vec![person("alice", &["MB2-714", "MB2-710", "MB2-712"])],
    );
    let e = eval(&s);
    let seats = &silver(&e).exams.seats;
    let alice = seats
        .iter()
        .find(|seat| seat.individual == Some(0))
        .expect("Alice's seat");
    let open = seats
        .iter()
        .find(|seat| seat.individual.is_none())
        .expect("an open seat");
    assert_eq!(alice.also_qualifies, Some(open.role));
}

/// The catalog's two editions, as the service finds them: editions are
/// compared by identity, and a `const` item's address isn't the catalog's.
fn catalog_editions() -> (&'static Edition, &'static Edition) {
    let find = |id: &str| {
        super::super::catalog::editions()
            .find(|e| e.id == id)
            .expect("edition")
    };
    (find("2017-07"), find("2017-11"))
}
