//! Exam passes: code normalization, which groups each individual holds, and
//! the exact assignment of individuals to seats.

pub use super::ignored::{warning, Disposition, ExamWarning};

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use super::catalog;
use super::ignored::{Ignored, NotAccepted};
use super::model::{Competency, Edition, Exam, Seats};
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

/// A code some edition of a competency has, for passes the edition applied
/// does not accept.
#[derive(Clone)]
struct Known {
    key: [u8; KEY_LEN],
    /// `normalize(code)`, for suggestions.
    normalized: String,
    code: &'static str,
    /// The editions that have it, oldest first.
    editions: Vec<&'static Edition>,
}

/// Every code of `editions` (oldest first), once each.
fn known(editions: &[&'static Edition]) -> Vec<Known> {
    let mut out: Vec<Known> = Vec::new();
    for &edition in editions {
        for entry in entries(edition) {
            match out.iter_mut().find(|k| k.key == entry.key) {
                Some(k) => k.editions.push(edition),
                None => out.push(Known {
                    key: entry.key,
                    normalized: normalize(entry.exam.code),
                    code: entry.exam.code,
                    editions: vec![edition],
                }),
            }
        }
    }
    out
}

/// The codes of each catalog competency, over all its editions, computed once.
static KNOWN: LazyLock<Vec<(&'static Competency, Vec<Known>)>> = LazyLock::new(|| {
    catalog::COMPETENCIES
        .iter()
        .map(|c| (c, known(&c.editions.iter().collect::<Vec<_>>())))
        .collect()
});

/// Unknown codes whose suggestion one evaluation keeps (they tend to repeat).
const CACHED_SUGGESTIONS: usize = 16;
/// Longest code whose suggestion is kept.
const CACHED_CODE_LEN: usize = 64;

/// The exams of an edition that count on one day, ready for look-ups.
pub struct ExamIndex {
    entries: Cow<'static, [Entry]>,
    /// Every code of the edition's competency (for a catalog edition) or of
    /// the edition alone (any other).
    known: Cow<'static, [Known]>,
    edition: &'static Edition,
    as_of: Date,
    suggestions: RefCell<Vec<(String, Option<&'static str>)>>,
}

/// What an exam code is, to the edition applied on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    Accepted {
        group: usize,
        exam: &'static Exam,
    },
    NotAccepted {
        code: &'static str,
        why: NotAccepted,
    },
    Unknown {
        suggestion: Option<&'static str>,
    },
}

impl ExamIndex {
    /// A catalog edition's index is borrowed from `CATALOG` and `KNOWN`; any
    /// other edition's (tests make their own) is built here.
    pub fn new(edition: &'static Edition, as_of: Date) -> ExamIndex {
        let entries = match CATALOG.iter().find(|(e, _)| std::ptr::eq(*e, edition)) {
            Some((_, entries)) => Cow::Borrowed(entries.as_slice()),
            None => Cow::Owned(entries(edition)),
        };
        let known = match KNOWN
            .iter()
            .find(|(c, _)| c.editions.iter().any(|e| std::ptr::eq(e, edition)))
        {
            Some((_, known)) => Cow::Borrowed(known.as_slice()),
            None => Cow::Owned(known(&[edition])),
        };
        ExamIndex {
            entries,
            known,
            edition,
            as_of,
            suggestions: RefCell::new(Vec::new()),
        }
    }

    /// The group and canonical code of a pass of `code` that counts on `as_of`.
    pub fn find(&self, code: &str) -> Option<(usize, &'static str)> {
        match self.lookup(code) {
            Lookup::Accepted { group, exam } => Some((group, exam.code)),
            Lookup::NotAccepted { .. } | Lookup::Unknown { .. } => None,
        }
    }

    fn lookup(&self, code: &str) -> Lookup {
        if let Some(k) = key(code) {
            if let Some(e) = self.entries.iter().find(|e| e.key == k) {
                return match e.exam.accepted_until {
                    Some(until) if self.as_of > until => Lookup::NotAccepted {
                        code: e.exam.code,
                        why: NotAccepted::Expired {
                            accepted_until: until,
                        },
                    },
                    _ => Lookup::Accepted {
                        group: usize::from(e.group),
                        exam: e.exam,
                    },
                };
            }
            if let Some(known) = self.known.iter().find(|x| x.key == k) {
                // The next edition that has it, else the last one before.
                let from = self.edition.in_force_from;
                let other = known
                    .editions
                    .iter()
                    .find(|e| e.in_force_from > from)
                    .or(known.editions.last())
                    .copied()
                    .unwrap_or(self.edition);
                return Lookup::NotAccepted {
                    code: known.code,
                    why: NotAccepted::NotInEdition { other },
                };
            }
        }
        Lookup::Unknown {
            suggestion: self.suggest(code),
        }
    }

    /// The one known code one edit (Damerau's optimal string alignment:
    /// insert, delete, substitute, or swap two neighbours) away from `code`
    /// after normalization; `None` when none or several are.
    fn suggest(&self, code: &str) -> Option<&'static str> {
        // Keyed by the code as given: a repeat costs no normalization.
        if let Ok(cache) = self.suggestions.try_borrow() {
            if let Some((_, s)) = cache.iter().find(|(c, _)| c == code) {
                return *s;
            }
        }
        let normalized = normalize(code);
        let len = normalized.chars().count();
        let mut found: Option<&'static str> = None;
        for k in self.known.iter() {
            if len.abs_diff(k.normalized.chars().count()) > 1 {
                continue;
            }
            if strsim::osa_distance(&normalized, &k.normalized) == 1 {
                if found.is_some() {
                    found = None;
                    break;
                }
                found = Some(k.code);
            }
        }
        if let Ok(mut cache) = self.suggestions.try_borrow_mut() {
            if cache.len() < CACHED_SUGGESTIONS && code.len() <= CACHED_CODE_LEN {
                cache.push((code.to_string(), found));
            }
        }
        found
    }
}

/// The groups one individual holds on `as_of`, and the exam of the first
/// counting pass of each (thin pointers: a `Held` stays small enough to be
/// moved without a `memcpy` call, once per individual).
#[derive(Debug, Clone, Default)]
pub struct Held {
    pub mask: u8,
    pub counted: [Option<&'static Exam>; MAX_GROUPS],
}

/// The groups `passes` hold on `as_of`.
#[allow(dead_code)] // kept for callers that need only the groups
pub fn held(index: &ExamIndex, passes: &[ExamPass], as_of: Date) -> Held {
    held_with(index, passes, as_of, |_, _| {})
}

/// The groups `passes` hold on `as_of`; `sink` hears what each pass does, in
/// order. A pass is checked for its code, then the edition's acceptance,
/// then its date, then repeats (see `Ignored`).
pub fn held_with(
    index: &ExamIndex,
    passes: &[ExamPass],
    as_of: Date,
    mut sink: impl FnMut(usize, Disposition),
) -> Held {
    let mut held = Held::default();
    let mut first_at = [0usize; MAX_GROUPS];
    // Valid passes of exams other than the one holding their group, for
    // repeats of those: (code, index). Rare; allocates only when used.
    let mut others: Vec<(&'static str, usize)> = Vec::new();
    for (j, pass) in passes.iter().enumerate() {
        let d = match index.lookup(&pass.code) {
            Lookup::Unknown { suggestion } => {
                Disposition::Ignored(Ignored::UnknownExamCode { suggestion })
            }
            Lookup::NotAccepted { code, why } => {
                Disposition::Ignored(Ignored::ExamNotAccepted { code, why })
            }
            Lookup::Accepted { group, exam } => {
                let code = exam.code;
                if let Some(passed_on) = pass.passed_on.filter(|d| *d > as_of) {
                    Disposition::Ignored(Ignored::ExamPassedAfterAsOf { code, passed_on })
                } else if held.mask & (1 << group) == 0 {
                    held.mask |= 1 << group;
                    held.counted[group] = Some(exam);
                    first_at[group] = j;
                    Disposition::Holds { group }
                } else if held.counted[group].is_some_and(|e| std::ptr::eq(e, exam)) {
                    Disposition::Ignored(Ignored::DuplicateExamPass {
                        code,
                        first: first_at[group],
                    })
                } else if let Some(&(_, first)) = others.iter().find(|(c, _)| *c == code) {
                    Disposition::Ignored(Ignored::DuplicateExamPass { code, first })
                } else {
                    others.push((code, j));
                    Disposition::SameGroup { group }
                }
            }
        };
        sink(j, d);
    }
    held
}

/// The group mask of each role of an edition.
pub fn role_masks(edition: &Edition) -> Vec<u8> {
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
pub struct Assigned {
    /// Index into `Edition::roles`.
    pub role: usize,
    /// Index of a listed individual, or `None` (unfilled / a new individual).
    pub individual: Option<usize>,
    pub cost: u32,
}

/// Exact assignment of distinct individuals to the seats of a level, by dynamic
/// programming over individuals × seat states (how many seats of each kind are
/// filled). Minimizes (total cost, seats left to new individuals, listed
/// individuals asked to pass an exam): when two plans cost the same, the one
/// that asks fewer people wins, so nobody is moved from the seat they hold
/// to another for nothing. Further ties go to earlier individuals, and for
/// one individual to the earlier seat kind.
///
/// `cost(i, kind)` is what it takes for listed individual `i` to fill a seat
/// of `kinds[kind]` (`None`: not allowed); `new_cost(kind)` is the cost of a
/// seat left to a new individual. Runs in O(individuals × states × kinds).
pub fn assign(
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

    // next[s]: best (cost, new individuals, listed individuals asked) to
    // fill what state s leaves open, using only the individuals after the
    // current one; packed as cost << 32 | new << 16 | asked, so that one
    // integer comparison orders the triples (the cost stays far below 2³²,
    // and both counts, at most the level's seats, below 2¹⁶: see
    // MAX_SEAT_STATES and MAX_GROUPS).
    // open[s]: bit k set when state s leaves a seat of kind k open.
    let pack = |cost: u32, new: u32, asked: u32| {
        u64::from(cost) << 32 | u64::from(new) << 16 | u64::from(asked)
    };
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
    // (new = 0; asked = 1 when it costs an exam), last kind first.
    let mut options = [(0usize, 0u64); MAX_SEAT_KINDS];

    for (i, row) in choice.chunks_exact_mut(states).enumerate().rev() {
        let mut n = 0;
        for k in (0..kinds.len()).rev() {
            if let Some(c) = cost(i, k) {
                options[n] = (k, pack(c, 0, u32::from(c > 0)));
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
#[path = "exams_tests.rs"]
mod tests;
