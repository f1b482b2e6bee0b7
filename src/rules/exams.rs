//! Exam passes: code normalization, which groups each individual holds, and
//! the exact assignment of individuals to seats.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::catalog;
use super::model::{Edition, Exam, Seats};
use super::Date;

/// Most exam groups an edition may have (a group set is a `u8` bit mask).
pub const MAX_GROUPS: usize = 8;
/// Most seat states the assignment explores (product of `count + 1` over seat kinds).
pub const MAX_SEAT_STATES: usize = 4096;
/// Most seat kinds (roles) one level may have.
pub const MAX_SEAT_KINDS: usize = 8;

const KEY_LEN: usize = 16;

/// Seat states and (individual, state) choices the assignment keeps on the
/// stack; larger problems use the heap.
const STACK_STATES: usize = 16;
const STACK_CHOICES: usize = 256;

/// An exam code without case, spaces, hyphens or underscores: "mb2 714" → "MB2714".
pub fn normalize(code: &str) -> String {
    code.chars()
        .filter(|c| !is_separator(*c))
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '-' || c == '_'
}

/// The normalized code in a fixed buffer, or `None` when it cannot be a known
/// code (too long or not ASCII). Allocation-free for the hot path.
fn key(code: &str) -> Option<[u8; KEY_LEN]> {
    let mut out = [0u8; KEY_LEN];
    for (len, c) in code.chars().filter(|c| !is_separator(*c)).enumerate() {
        if !c.is_ascii() || len == KEY_LEN {
            return None;
        }
        out[len] = c.to_ascii_uppercase() as u8;
    }
    Some(out)
}

/// A pass as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamPass {
    pub code: String,
    /// `None`: no date given; the pass counts.
    pub passed_on: Option<Date>,
}

/// One exam of an edition with its normalized code.
#[derive(Clone)]
struct Entry {
    key: [u8; KEY_LEN],
    group: u8,
    exam: &'static Exam,
}

/// Every exam of `edition` with its key, in table order.
fn entries(edition: &'static Edition) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (g, group) in edition.groups.iter().enumerate() {
        for exam in group.exams {
            if let Some(key) = key(exam.code) {
                entries.push(Entry {
                    key,
                    group: g as u8,
                    exam,
                });
            }
        }
    }
    entries
}

/// The keys of every catalog edition's exams, computed once (§7: the rules
/// are built once, not per call).
static CATALOG: LazyLock<Vec<(&'static Edition, Vec<Entry>)>> =
    LazyLock::new(|| catalog::editions().map(|e| (e, entries(e))).collect());

/// The exams of an edition that count on one day, ready for look-ups.
pub(crate) struct ExamIndex {
    entries: Cow<'static, [Entry]>,
    as_of: Date,
}

impl ExamIndex {
    /// A catalog edition's index is borrowed from `CATALOG`; any other
    /// edition's (tests make their own) is built here.
    pub(crate) fn new(edition: &'static Edition, as_of: Date) -> ExamIndex {
        let entries = match CATALOG.iter().find(|(e, _)| std::ptr::eq(*e, edition)) {
            Some((_, entries)) => Cow::Borrowed(entries.as_slice()),
            None => Cow::Owned(entries(edition)),
        };
        ExamIndex { entries, as_of }
    }

    /// The group and canonical code of a pass of `code`, if it counts on
    /// the index's day.
    pub(crate) fn find(&self, code: &str) -> Option<(usize, &'static str)> {
        let k = key(code)?;
        self.entries
            .iter()
            .find(|e| e.key == k && e.exam.accepted_on(self.as_of))
            .map(|e| (usize::from(e.group), e.exam.code))
    }
}

/// The groups one individual holds on `as_of`, and the first counting pass of each.
#[derive(Debug, Clone, Default)]
pub(crate) struct Held {
    pub mask: u8,
    pub counted: [Option<&'static str>; MAX_GROUPS],
}

pub(crate) fn held(index: &ExamIndex, passes: &[ExamPass], as_of: Date) -> Held {
    let mut held = Held::default();
    for pass in passes {
        if pass.passed_on.is_some_and(|d| d > as_of) {
            continue;
        }
        if let Some((group, code)) = index.find(&pass.code) {
            if held.mask & (1 << group) == 0 {
                held.mask |= 1 << group;
                held.counted[group] = Some(code);
            }
        }
    }
    held
}

/// The group mask of each role of an edition.
pub(crate) fn role_masks(edition: &Edition) -> Vec<u8> {
    edition
        .roles
        .iter()
        .map(|role| {
            role.groups
                .iter()
                .filter_map(|g| edition.group_index(g))
                .fold(0u8, |m, g| m | (1 << g))
        })
        .collect()
}

/// One seat of a level, as the assignment filled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Assigned {
    /// Index into `Edition::roles`.
    pub role: usize,
    /// Index of a listed individual, or `None` (unfilled / a new individual).
    pub individual: Option<usize>,
    pub cost: u32,
}

/// Exact assignment of distinct individuals to the seats of a level, by dynamic
/// programming over individuals × seat states (how many seats of each kind are
/// filled). Minimizes (total cost, seats left to new individuals); on ties it
/// prefers earlier individuals, and for one individual the earlier seat kind.
///
/// `cost(i, kind)` is what it takes for listed individual `i` to fill a seat
/// of `kinds[kind]` (`None`: not allowed); `new_cost(kind)` is the cost of a
/// seat left to a new individual. Runs in O(individuals × states × kinds).
pub(crate) fn assign(
    individuals: usize,
    kinds: &[(usize, &Seats)],
    cost: impl Fn(usize, usize) -> Option<u32>,
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

    // next[s]: best (cost, new individuals) to fill what state s leaves open,
    // using only the individuals after the current one; packed as
    // cost << 32 | new, so that one integer comparison orders the pairs
    // (both stay far below 2³², see MAX_SEAT_STATES and MAX_GROUPS).
    // open[s]: bit k set when state s leaves a seat of kind k open.
    let pack = |cost: u32, new: u32| u64::from(cost) << 32 | u64::from(new);
    // Small problems (every catalog level) keep their tables on the stack,
    // larger ones on the heap.
    let (mut next_stack, mut cur_stack) = ([0u64; STACK_STATES], [0u64; STACK_STATES]);
    let mut open_stack = [0u8; STACK_STATES];
    let (mut next_heap, mut cur_heap, mut open_heap);
    let (mut next, mut cur, open): (&mut [u64], &mut [u64], &mut [u8]) = if states <= STACK_STATES {
        (
            &mut next_stack[..states],
            &mut cur_stack[..states],
            &mut open_stack[..states],
        )
    } else {
        (next_heap, cur_heap, open_heap) =
            (vec![0u64; states], vec![0u64; states], vec![0u8; states]);
        (&mut next_heap, &mut cur_heap, &mut open_heap)
    };
    // The only walk through the states' seat counts: the rest reads `open`.
    for (slot, open_kinds) in next.iter_mut().zip(open.iter_mut()) {
        let (mut left_to_new, mut mask) = (0u64, 0u8);
        for (k, filled) in filled.iter().enumerate() {
            let left = counts[k] - filled;
            left_to_new += pack(left * new_cost(k), left);
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
    // (new = 0), last kind first.
    let mut options = [(0usize, 0u64); MAX_SEAT_KINDS];

    for (i, row) in choice.chunks_exact_mut(states).enumerate().rev() {
        let mut n = 0;
        for k in (0..kinds.len()).rev() {
            if let Some(c) = cost(i, k) {
                options[n] = (k, pack(c, 0));
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
mod tests {
    use super::*;

    #[test]
    fn normalization_ignores_case_spaces_hyphens_underscores() {
        for code in ["MB2-714", "mb2 714", "MB2714", "mb2_714", " Mb2 - 714 "] {
            assert_eq!(normalize(code), "MB2714");
            assert_eq!(key(code), key("MB2-714"));
        }
        assert_eq!(key("MB2-714-AND-A-VERY-LONG-TAIL"), None);
        assert_eq!(key("МБ2-714"), None);
    }

    /// The best (cost, new individuals) over every way to seat `costs.len()`
    /// individuals: each skips or takes a seat of a kind that allows them.
    fn brute_force(costs: &[Vec<Option<u32>>], counts: &[u32], new_cost: &[u32]) -> (u32, u32) {
        fn go(
            i: usize,
            left: &mut Vec<u32>,
            spent: u32,
            costs: &[Vec<Option<u32>>],
            new_cost: &[u32],
        ) -> (u32, u32) {
            if i == costs.len() {
                let new: u32 = left.iter().sum();
                let cost = left.iter().zip(new_cost).map(|(n, c)| n * c).sum::<u32>();
                return (spent + cost, new);
            }
            let mut best = go(i + 1, left, spent, costs, new_cost);
            for k in 0..left.len() {
                if let (Some(c), true) = (costs[i][k], left[k] > 0) {
                    left[k] -= 1;
                    best = best.min(go(i + 1, left, spent + c, costs, new_cost));
                    left[k] += 1;
                }
            }
            best
        }
        go(0, &mut counts.to_vec(), 0, costs, new_cost)
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
            // Individuals who may take no seat: they make the tables large
            // enough for the heap (up to 125 states, 25,000 choices).
            idle in 0usize..=200,
        ) {
            let mut costs = costs;
            costs.extend(std::iter::repeat_n(vec![None; 3], idle));
            let seats: Vec<Seats> = counts.iter().map(|&count| Seats { role: "r", count }).collect();
            let kinds: Vec<(usize, &Seats)> = seats.iter().enumerate().collect();
            let out = assign(costs.len(), &kinds, |i, k| costs[i][k], |k| new_cost[k]);

            let expected = brute_force(&costs, &counts, &new_cost);
            let total: u32 = out.iter().map(|a| a.cost).sum();
            let new = out.iter().filter(|a| a.individual.is_none()).count() as u32;
            proptest::prop_assert_eq!((total, new), expected);
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

    #[test]
    fn catalog_editions_use_the_index_built_at_start() {
        for edition in catalog::editions() {
            let days = [Date::ymd(2017, 1, 1), Date::ymd(2017, 12, 31)]
                .into_iter()
                .chain(edition.groups.iter().flat_map(|g| {
                    g.exams
                        .iter()
                        .filter_map(|e| e.accepted_until)
                        .flat_map(|d| [d, d.next_day()])
                }));
            for as_of in days {
                let shared = ExamIndex::new(edition, as_of);
                assert!(matches!(shared.entries, Cow::Borrowed(_)), "{}", edition.id);
                let own = ExamIndex {
                    entries: Cow::Owned(entries(edition)),
                    as_of,
                };
                for exam in edition.groups.iter().flat_map(|g| g.exams) {
                    let found = shared.find(&exam.code.to_lowercase());
                    assert_eq!(found, own.find(exam.code));
                    assert_eq!(found.is_some(), exam.accepted_on(as_of), "{}", exam.code);
                }
            }
        }
    }
}
