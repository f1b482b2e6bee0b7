//! The exact assignment of distinct individuals to the seats of a level: a
//! dynamic program over individuals × seat states, shared by the
//! evaluation (who fills which seat today), the gap and the keep plan.

use super::model::Seats;

/// Most seat states the assignment explores (product of `count + 1` over seat kinds).
pub const MAX_SEAT_STATES: usize = 4096;
/// Most seat kinds (roles) one level may have.
pub const MAX_SEAT_KINDS: usize = 8;

/// Seat states and (individual, state) choices the assignment keeps on the
/// stack; larger problems use the heap.
const STACK_STATES: usize = 16;
const STACK_CHOICES: usize = 256;

/// One seat of a level, as the assignment filled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assigned {
    /// Index into `Edition::roles`.
    pub role: usize,
    /// Index of a listed individual, or `None` (unfilled / a new individual).
    pub individual: Option<usize>,
    pub cost: u32,
}

/// What a seat of `assign` costs in its tie-break (`penalty`) for each way
/// it disagrees with another level's plan (the gap: each exam pass it asks
/// of its listed individual that a higher level's plan does not ask of
/// them, so that a lower level's plan leads toward the higher one's; or,
/// following a lower level's plan, a seat that plan does not give them):
/// more than any number of `MOVED` and `UNLIKELY` seats can add up to, so
/// agreeing with that plan wins first.
pub const UNPLANNED: u32 = (MOVED + 2 * UNLIKELY) * MAX_SEAT_STATES as u32;
/// What a seat costs in the tie-break when it moves a listed individual
/// from the seat they hold: more than any number of `UNLIKELY` seats can
/// add up to (a level has fewer than `MAX_SEAT_STATES` seats, each
/// unlikely for at most two reasons), so moving fewer people wins next.
pub const MOVED: u32 = 2 * MAX_SEAT_STATES as u32;
/// What a seat costs in the tie-break for each reason it is merely not the
/// likeliest for its individual (the gap: their listed future-dated passes
/// are of other groups; the other level's plan seats them elsewhere).
pub const UNLIKELY: u32 = 1;
/// The most one seat's penalty may be: `UNPLANNED` for each of a role's
/// groups (at most eight, the groups' bit mask is a `u8`), `MOVED` and
/// twice `UNLIKELY`.
pub const MAX_PENALTY: u32 = 8 * UNPLANNED + MOVED + 2 * UNLIKELY;

// The packing in `assign` (cost << 96 | new << 64 | penalty) holds only
// while a level has fewer than 2¹² seats; see the comment there.
const _: () = assert!(MAX_SEAT_STATES <= 1 << 12);
const _: () = assert!(MOVED >= MAX_SEAT_STATES as u32 * 2 * UNLIKELY);
const _: () = assert!(UNPLANNED >= MAX_SEAT_STATES as u32 * (MOVED + 2 * UNLIKELY));
const _: () = assert!(MAX_PENALTY < 1 << 29);

/// Exact assignment of distinct individuals to the seats of a level, by dynamic
/// programming over individuals × seat states (how many seats of each kind are
/// filled). Minimizes (total cost, seats left to new individuals, total
/// penalty): when two plans cost the same, the one with the lower penalty
/// wins: one that asks fewer passes another plan does not (`UNPLANNED`),
/// then one that moves fewer people from the seat they hold (`MOVED`), so
/// nobody is moved to another seat for nothing, then one that seats fewer
/// people where they are unlikely (`UNLIKELY`). Further ties go to earlier
/// individuals, and for one individual to the earlier seat kind.
///
/// `cost(i, kind)` is what it takes for listed individual `i` to fill a seat
/// of `kinds[kind]` (`None`: not allowed); `penalty(i, kind)` that seat's
/// tie-break cost (a sum of `UNPLANNED`, `MOVED` and `UNLIKELY`, at most
/// `MAX_PENALTY`);
/// `new_cost(kind)` is the cost of a seat left to a new individual. Runs
/// in O(individuals × states × kinds).
pub fn assign(
    individuals: usize,
    kinds: &[(usize, &Seats)],
    cost: impl Fn(usize, usize) -> Option<u32>,
    penalty: impl Fn(usize, usize) -> u32,
    new_cost: impl Fn(usize) -> u32,
) -> Vec<Assigned> {
    assert!(
        kinds.len() <= MAX_SEAT_KINDS,
        "too many seat kinds: {}",
        kinds.len()
    );
    // Small per-kind tables live on the stack.
    let mut strides = [0usize; MAX_SEAT_KINDS];
    let mut states = 1usize;
    for (stride, (_, seats)) in strides.iter_mut().zip(kinds) {
        *stride = states;
        states = states.saturating_mul(seats.count as usize + 1);
    }
    assert!(
        states <= MAX_SEAT_STATES,
        "seat table too large: {states} states"
    );
    // Seats of each kind, on the stack.
    let mut counts = [0u32; MAX_SEAT_KINDS];
    for (count, (_, seats)) in counts.iter_mut().zip(kinds) {
        *count = seats.count;
    }
    // filled[k]: seats of kind k that state s fills, counted up like an
    // odometer as s goes 0, 1, 2, …: no table and no division (which costs
    // tens of cycles each). After the last state it is back at all zeros.
    let mut filled = [0u32; MAX_SEAT_KINDS];
    let filled = &mut filled[..kinds.len()];
    let advance = |filled: &mut [u32]| {
        for (k, digit) in filled.iter_mut().enumerate() {
            if *digit < counts[k] {
                *digit += 1;
                return;
            }
            *digit = 0;
        }
    };

    // next[s]: best (cost, new individuals, penalty) to fill what state s
    // leaves open, using only the individuals after the current one; packed
    // as cost << 96 | new << 64 | penalty, so that one integer comparison
    // orders the triples: a level has fewer than MAX_SEAT_STATES = 2¹²
    // seats, so the cost (at most 2¹⁶ per seat, the keep plan's unfillable
    // seat included) stays below 2²⁸, the new individuals below 2¹², and
    // the penalty, at most MAX_PENALTY < 2²⁹ per seat, below 2⁴¹.
    // open[s]: bit k set when state s leaves a seat of kind k open.
    let pack = |cost: u32, new: u32, penalty: u32| {
        debug_assert!(penalty <= MAX_PENALTY, "penalty {penalty} per seat");
        u128::from(cost) << 96 | u128::from(new) << 64 | u128::from(penalty.min(MAX_PENALTY))
    };
    // Small problems (every catalog level) keep their tables on the stack,
    // larger ones on the heap.
    let (mut next_stack, mut cur_stack) = ([0u128; STACK_STATES], [0u128; STACK_STATES]);
    let mut open_stack = [0u8; STACK_STATES];
    let (mut next_heap, mut cur_heap, mut open_heap);
    let (mut next, mut cur, open): (&mut [u128], &mut [u128], &mut [u8]) = if states <= STACK_STATES
    {
        (
            &mut next_stack[..states],
            &mut cur_stack[..states],
            &mut open_stack[..states],
        )
    } else {
        (next_heap, cur_heap, open_heap) =
            (vec![0u128; states], vec![0u128; states], vec![0u8; states]);
        (&mut next_heap, &mut cur_heap, &mut open_heap)
    };
    // The only walk through the states' seat counts: the rest reads `open`.
    for (slot, open_kinds) in next.iter_mut().zip(open.iter_mut()) {
        let (mut left_to_new, mut mask) = (0u128, 0u8);
        for (k, filled) in filled.iter().enumerate() {
            let left = counts[k] - filled;
            left_to_new += pack(left * new_cost(k), left, 0);
            if left > 0 {
                mask |= 1 << k;
            }
        }
        (*slot, *open_kinds) = (left_to_new, mask);
        advance(filled);
    }
    // choice[i * states + s]: 0 = skip individual i, k + 1 = give it a seat of kind k.
    let cells = individuals.saturating_mul(states);
    let mut choice_stack = [0u8; STACK_CHOICES];
    let mut choice_heap;
    let choice: &mut [u8] = if cells <= STACK_CHOICES {
        &mut choice_stack[..cells]
    } else {
        choice_heap = vec![0u8; cells];
        &mut choice_heap
    };
    // The kinds a listed individual may take, each with its packed cost
    // (new = 0, and the seat's penalty), last kind first.
    let mut options = [(0usize, 0u128); MAX_SEAT_KINDS];

    for (i, row) in choice.chunks_exact_mut(states).enumerate().rev() {
        let mut n = 0;
        for k in (0..kinds.len()).rev() {
            if let Some(c) = cost(i, k) {
                options[n] = (k, pack(c, 0, penalty(i, k)));
                n += 1;
            }
        }
        if n == 0 {
            continue; // choice stays "skip", next stays as it is
        }
        for (s, ((best_out, pick_out), &open_kinds)) in
            cur.iter_mut().zip(row).zip(&*open).enumerate()
        {
            let mut best = next[s];
            let mut pick = 0u8;
            // An assignment wins ties against skipping, and the earlier
            // kind against a later one: earlier individuals and kinds first.
            for &(k, c) in &options[..n] {
                if open_kinds & (1 << k) != 0 {
                    let cand = c + next[s + strides[k]];
                    if cand <= best {
                        best = cand;
                        pick = k as u8 + 1;
                    }
                }
            }
            (*best_out, *pick_out) = (best, pick);
        }
        std::mem::swap(&mut next, &mut cur);
    }

    let seats: u32 = kinds.iter().map(|(_, seats)| seats.count).sum();
    let mut out = Vec::with_capacity(seats as usize);
    let mut s = 0usize;
    filled.fill(0);
    for i in 0..individuals {
        let pick = choice[i * states + s];
        if pick > 0 {
            let k = usize::from(pick - 1);
            out.push(Assigned {
                role: kinds[k].0,
                individual: Some(i),
                cost: cost(i, k).unwrap_or(0),
            });
            s += strides[k];
            filled[k] += 1;
        }
    }
    for (k, (role, seats)) in kinds.iter().enumerate() {
        for _ in filled[k]..seats.count {
            out.push(Assigned {
                role: *role,
                individual: None,
                cost: new_cost(k),
            });
        }
    }
    // Seat order: by kind as the level lists them, filled seats first.
    out.sort_by_key(|a| {
        (
            kinds.iter().position(|(r, _)| *r == a.role),
            a.individual.is_none(),
        )
    });
    out
}

#[cfg(test)]
#[path = "assign_tests.rs"]
mod tests;
