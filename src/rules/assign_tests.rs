use super::*;
use crate::rules::model::Seats;

/// Whether seating individual `i` in a seat of kind `k` moves them from the
/// kind they hold today (`today[i]`).
fn moves(today: &[Option<usize>], i: usize, k: usize) -> bool {
    today.get(i).copied().flatten().is_some_and(|t| t != k)
}

/// For how many reasons (up to two) individual `i` is unlikely for kind `k`
/// (`unlikely[i][k]`; individuals beyond the table: none).
fn unlikely_for(unlikely: &[Vec<u32>], i: usize, k: usize) -> u32 {
    unlikely.get(i).map_or(0, |row| row[k])
}

/// How many unplanned passes seating individual `i` in a seat of kind `k`
/// asks (`unplanned[i][k]`; individuals beyond the table: none).
fn unplanned_for(unplanned: &[Vec<u32>], i: usize, k: usize) -> u32 {
    unplanned.get(i).map_or(0, |row| row[k])
}

/// The best (cost, new individuals, unplanned passes, individuals moved,
/// individuals seated where unlikely) over every way to seat `costs.len()`
/// individuals: each skips or takes a seat of a kind that allows them.
fn brute_force(
    costs: &[Vec<Option<u32>>],
    today: &[Option<usize>],
    unlikely: &[Vec<u32>],
    unplanned: &[Vec<u32>],
    counts: &[u32],
    new_cost: &[u32],
) -> (u32, u32, u32, u32, u32) {
    struct Problem<'a> {
        costs: &'a [Vec<Option<u32>>],
        today: &'a [Option<usize>],
        unlikely: &'a [Vec<u32>],
        unplanned: &'a [Vec<u32>],
        new_cost: &'a [u32],
    }
    fn go(
        p: &Problem,
        i: usize,
        left: &mut Vec<u32>,
        spent: (u32, u32, u32, u32),
    ) -> (u32, u32, u32, u32, u32) {
        let (cost, unplanned, moved, unlikely) = spent;
        if i == p.costs.len() {
            let new: u32 = left.iter().sum();
            let rest = left.iter().zip(p.new_cost).map(|(n, c)| n * c).sum::<u32>();
            return (cost + rest, new, unplanned, moved, unlikely);
        }
        let mut best = go(p, i + 1, left, spent);
        for k in 0..left.len() {
            if let (Some(c), true) = (p.costs[i][k], left[k] > 0) {
                left[k] -= 1;
                let x = unplanned_for(p.unplanned, i, k);
                let m = u32::from(moves(p.today, i, k));
                let u = unlikely_for(p.unlikely, i, k);
                let spent = (cost + c, unplanned + x, moved + m, unlikely + u);
                best = best.min(go(p, i + 1, left, spent));
                left[k] += 1;
            }
        }
        best
    }
    let p = Problem {
        costs,
        today,
        unlikely,
        unplanned,
        new_cost,
    };
    go(&p, 0, &mut counts.to_vec(), (0, 0, 0, 0))
}

proptest::proptest! {
    #[test]
    fn the_assignment_is_optimal_and_valid(
        counts in proptest::collection::vec(1u32..=4, 1..=3),
        new_cost in proptest::collection::vec(1u32..=4, 3),
        costs in proptest::collection::vec(
            proptest::collection::vec(proptest::option::of(0u32..=4), 3),
            0..=6,
        ),
        // The kind each individual holds today, if any.
        today in proptest::collection::vec(proptest::option::of(0usize..3), 6),
        // For how many reasons each is unlikely for each kind (the gap's
        // last tie-break).
        unlikely in proptest::collection::vec(proptest::collection::vec(0u32..=2, 3), 6),
        // The passes each seat asks that the plan of the level above does
        // not (the gap's first tie-break).
        unplanned in proptest::collection::vec(proptest::collection::vec(0u32..=2, 3), 6),
        // Individuals who may take no seat: they make the tables large
        // enough for the heap (up to 125 states, 25,000 choices).
        idle in 0usize..=200,
    ) {
        let mut costs = costs;
        costs.extend(std::iter::repeat_n(vec![None; 3], idle));
        let seats: Vec<Seats> = counts.iter().map(|&count| Seats { role: "r", count }).collect();
        let kinds: Vec<(usize, &Seats)> = seats.iter().enumerate().collect();
        let out = assign(
            costs.len(),
            &kinds,
            |i, k| costs[i][k],
            |i, k| {
                unplanned_for(&unplanned, i, k) * UNPLANNED
                    + u32::from(moves(&today, i, k)) * MOVED
                    + unlikely_for(&unlikely, i, k) * UNLIKELY
            },
            |k| new_cost[k],
        );

        let expected = brute_force(&costs, &today, &unlikely, &unplanned, &counts, &new_cost);
        let total: u32 = out.iter().map(|a| a.cost).sum();
        let new = out.iter().filter(|a| a.individual.is_none()).count() as u32;
        let count = |f: &dyn Fn(usize, usize) -> bool| {
            out.iter()
                .filter(|a| a.individual.is_some_and(|i| f(i, a.role)))
                .count() as u32
        };
        let moved = count(&|i, k| moves(&today, i, k));
        let unlikely_seated: u32 = out
            .iter()
            .filter_map(|a| a.individual.map(|i| unlikely_for(&unlikely, i, a.role)))
            .sum();
        let unplanned_passes: u32 = out
            .iter()
            .filter_map(|a| a.individual.map(|i| unplanned_for(&unplanned, i, a.role)))
            .sum();
        proptest::prop_assert_eq!(
            (total, new, unplanned_passes, moved, unlikely_seated),
            expected
        );
        for (k, count) in counts.iter().enumerate() {
            let of_kind = out.iter().filter(|a| a.role == k).count() as u32;
            proptest::prop_assert_eq!(of_kind, *count);
        }
        let mut people: Vec<usize> = out.iter().filter_map(|a| a.individual).collect();
        for a in &out {
            match a.individual {
                Some(i) => proptest::prop_assert_eq!(Some(a.cost), costs[i][a.role]),
                None => proptest::prop_assert_eq!(a.cost, new_cost[a.role]),
            }
        }
        people.sort_unstable();
        people.dedup();
        proptest::prop_assert_eq!(people.len(), out.len() - new as usize);
    }
}

/// The packing's bit budget at its limit: a level of MAX_SEAT_STATES − 1
/// seats of one kind, each with the highest penalty, or left to new
/// individuals at the keep plan's unfillable cost (2¹⁶), still orders
/// plans by cost first.
#[test]
fn the_largest_level_fits_the_packing() {
    let seats = [Seats {
        role: "r",
        count: MAX_SEAT_STATES as u32 - 1,
    }];
    let kinds: Vec<(usize, &Seats)> = seats.iter().enumerate().collect();
    let n = MAX_SEAT_STATES - 1;
    let out = assign(n, &kinds, |_, _| Some(8), |_, _| MAX_PENALTY, |_| 1 << 16);
    assert!(out.iter().all(|a| a.individual.is_some()));
    let out = assign(n, &kinds, |_, _| None, |_, _| 0, |_| 1 << 16);
    assert!(out.iter().all(|a| a.individual.is_none()));
    // Every seat at the highest penalty still beats leaving one to a new
    // individual at no cost: the penalties' sum stays below the new
    // individuals' field.
    let out = assign(n, &kinds, |_, _| Some(0), |_, _| MAX_PENALTY, |_| 0);
    assert!(out.iter().all(|a| a.individual.is_some()));
}
