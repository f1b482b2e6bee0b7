//! The levels' seats today agree (exploratory review 32, H1): one answer
//! lists nobody in two roles when some largest seatings of the two levels
//! would not.

use super::*;

/// The largest seatings of a level of `seats` (application and deployment,
/// customization) for people holding the groups `held` (bit 0 application,
/// 1 deployment, 2 customization), as each person's role (`None`: no seat),
/// by brute force.
fn largest(held: &[u8], seats: [usize; 2]) -> Vec<Vec<Option<usize>>> {
    const NEEDS: [u8; 2] = [0b011, 0b100];
    let mut best = 0;
    let mut out = Vec::new();
    for roles in every_seating(held.len()) {
        let fits = roles
            .iter()
            .zip(held)
            .all(|(role, h)| role.is_none_or(|k| NEEDS[k] & !h == 0));
        let taken = |k: usize| roles.iter().filter(|&&r| r == Some(k)).count();
        if !fits || (0..2).any(|k| taken(k) > seats[k]) {
            continue;
        }
        let size = taken(0) + taken(1);
        if size > best {
            best = size;
            out.clear();
        }
        if size == best {
            out.push(roles);
        }
    }
    out
}

fn apart(a: &[Option<usize>], b: &[Option<usize>]) -> bool {
    a.iter()
        .zip(b)
        .any(|(x, y)| matches!((x, y), (Some(x), Some(y)) if x != y))
}

/// Every team of one to five people, each holding any of an application
/// (MB2-714), a deployment (MB2-710) and a customization (MB2-712) pass:
/// wherever some largest Silver seating and some largest Gold seating seat
/// nobody in two roles, the evaluation's seats do not either.
#[test]
fn the_seats_agree_wherever_two_largest_seatings_do() {
    let mut checked = 0;
    for n in 1..=5u32 {
        for code in 0..8u32.pow(n) {
            let held: Vec<u8> = (0..n).map(|i| (code / 8u32.pow(i) % 8) as u8).collect();
            let (s, g) = (largest(&held, [1, 1]), largest(&held, [2, 2]));
            if !s.iter().any(|s| g.iter().any(|g| !apart(s, g))) {
                continue;
            }
            checked += 1;
            let people: Vec<Individual> = held
                .iter()
                .enumerate()
                .map(|(i, m)| team_member(i, *m))
                .collect();
            let e = eval(&submission(Market::Developed, vec![], people));
            let roles = |level: &LevelOutcome| level.exams.roles_held(held.len());
            assert!(
                !apart(&roles(silver(&e)), &roles(gold(&e))),
                "{held:?}: Silver {:?}, Gold {:?}",
                roles(silver(&e)),
                roles(gold(&e))
            );
        }
    }
    assert!(checked > 30_000, "{checked} teams");
}
