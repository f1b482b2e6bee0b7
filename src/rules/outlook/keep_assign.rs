//! The exact assignment over several binding states (`keep`'s point 6):
//! what each individual adds is one set of groups, the same in every state,
//! while the seat they fill may differ from state to state. Dynamic
//! programming over individuals × (seat state of every binding state), as
//! `exams::assign` does for one: each individual either adds nothing, or
//! fills one seat kind (or none) in each state and adds the groups all of
//! those seats lack; new individuals (as many as the level has seats) come
//! last. Minimizes (passes, new individuals); on ties it prefers earlier
//! individuals.

use super::super::exams::MAX_SEAT_STATES;

/// Most (individual, seat state) cells the table may have: its time and
/// memory (two bytes a cell) stay bounded whatever the submission's size.
const MAX_CELLS: usize = 1 << 22;

/// One individual's part of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pick {
    /// A listed individual; `None`: a new one.
    pub individual: Option<usize>,
    /// The seat kind (index into `kinds`) filled in the first state in
    /// which they fill one.
    pub kind: usize,
    /// The groups they add.
    pub adds: u8,
}

/// The plan for `states` (per state, each listed individual's groups),
/// seats `kinds` (seats of each kind, the kind's groups), adding only
/// `offered` groups. `None` when the table would be too large (more than
/// `MAX_SEAT_STATES` states or `MAX_CELLS` cells); `Some(None)` when no
/// plan fills every state.
pub(super) fn assign_all(
    states: &[Vec<u8>],
    kinds: &[(u32, u8)],
    offered: u8,
) -> Option<Option<Vec<Pick>>> {
    let (m, k) = (states.len(), kinds.len());
    if m * k > 64 {
        return None;
    }
    // Digit (t, kind) of the mixed radix: seats of `kind` filled in state t.
    let mut strides = Vec::with_capacity(m * k);
    let mut size = 1usize;
    for _ in 0..m {
        for (count, _) in kinds {
            strides.push(size);
            size = size.checked_mul(*count as usize + 1)?;
            if size > MAX_SEAT_STATES {
                return None;
            }
        }
    }
    // open[s]: bit (t * k + kind) set when state s leaves such a seat open.
    let open: Vec<u64> = (0..size)
        .map(|s| {
            (0..m * k).fold(0u64, |bits, d| {
                let filled = (s / strides[d]) % (kinds[d % k].0 as usize + 1);
                if filled < kinds[d % k].0 as usize {
                    bits | 1 << d
                } else {
                    bits
                }
            })
        })
        .collect();
    let full: usize = (0..m * k)
        .map(|d| strides[d] * kinds[d % k].0 as usize)
        .sum();
    // Every option: a kind or none (k) per state, not all none.
    let options: Vec<Vec<usize>> = (0..(k + 1).pow(m as u32))
        .map(|mut o| {
            (0..m)
                .map(|_| {
                    let pick = o % (k + 1);
                    o /= k + 1;
                    pick
                })
                .collect::<Vec<usize>>()
        })
        .filter(|o| o.iter().any(|kind| *kind < k))
        .collect();
    let listed = states.first().map_or(0, Vec::len);
    let seats: u32 = kinds.iter().map(|(c, _)| c).sum();
    let people = listed + seats as usize;
    if people.saturating_mul(size) > MAX_CELLS {
        return None;
    }
    let held = |i: usize, t: usize| if i < listed { states[t][i] } else { 0 };
    // What option `o` costs individual `i`: (groups added, needed bits, delta).
    let option = |i: usize, o: &[usize]| -> Option<(u8, u64, usize)> {
        let (mut adds, mut need, mut delta) = (0u8, 0u64, 0usize);
        for (t, &kind) in o.iter().enumerate() {
            if kind < k {
                adds |= kinds[kind].1 & !held(i, t);
                need |= 1 << (t * k + kind);
                delta += strides[t * k + kind];
            }
        }
        (adds & !offered == 0).then_some((adds, need, delta))
    };
    const INF: u64 = u64::MAX;
    let pack = |adds: u8, new: bool| u64::from(adds.count_ones()) << 32 | u64::from(new);
    let mut next: Vec<u64> = (0..size).map(|s| if s == full { 0 } else { INF }).collect();
    let mut cur = vec![INF; size];
    let mut choice = vec![0u16; people * size];
    for i in (0..people).rev() {
        let costs: Vec<(usize, u8, u64, usize, u64)> = options
            .iter()
            .enumerate()
            .filter_map(|(n, o)| {
                option(i, o)
                    .map(|(adds, need, delta)| (n, adds, need, delta, pack(adds, i >= listed)))
            })
            .collect();
        for s in 0..size {
            let (mut best, mut pick) = (next[s], 0u16);
            for &(n, _, need, delta, c) in &costs {
                if need & !open[s] == 0 && next[s + delta] != INF {
                    let cand = c + next[s + delta];
                    if cand <= best {
                        (best, pick) = (cand, n as u16 + 1);
                    }
                }
            }
            cur[s] = best;
            choice[i * size + s] = pick;
        }
        std::mem::swap(&mut next, &mut cur);
    }
    if next[0] == INF {
        return Some(None);
    }
    let mut out = Vec::new();
    let mut s = 0usize;
    for i in 0..people {
        let pick = choice[i * size + s];
        if pick == 0 {
            continue;
        }
        let o = &options[usize::from(pick - 1)];
        let Some((adds, _, delta)) = option(i, o) else {
            continue;
        };
        s += delta;
        let kind = o.iter().copied().find(|kind| *kind < k).unwrap_or(0);
        out.push(Pick {
            individual: (i < listed).then_some(i),
            kind,
            adds,
        });
    }
    Some(Some(out))
}
