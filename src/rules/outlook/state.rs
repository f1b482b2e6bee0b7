//! The sweep's state: the days it covers, qualifying revenue per day, and
//! the group sets individuals hold.

use super::super::exams::{self, ExamIndex, MAX_GROUPS};
use super::super::gap::kinds;
use super::super::model::{Edition, Level, LevelRule, RevenueRule};
use super::super::revenue::{self, Period, RevenueRecord};
use super::super::seats::fill;
use super::super::{Date, Money, Submission};

/// The days of the sweep as indices: 0 is the first day of `as_of`'s TTM
/// period, the last is `horizon_end`.
#[derive(Clone, Copy)]
pub(super) struct Days {
    as_of: Date,
    horizon_end: Date,
    first: i64,
    len: usize,
}

impl Days {
    pub(super) fn new(as_of: Date, horizon_end: Date) -> Days {
        let first = Period::ttm(as_of).start.days_since_epoch();
        let len = (horizon_end.days_since_epoch() - first + 1) as usize;
        Days {
            as_of,
            horizon_end,
            first,
            len,
        }
    }

    /// Whether `day` is one the sweep looks at: after `as_of`, up to the horizon.
    pub(super) fn within(&self, day: Date) -> bool {
        self.as_of < day && day <= self.horizon_end
    }

    pub(super) fn index(&self, day: Date) -> usize {
        (day.days_since_epoch() - self.first) as usize
    }

    pub(super) fn date(&self, index: usize) -> Date {
        Date::from_days_since_epoch(self.first + index as i64)
    }
}

/// Qualifying revenue per booking day, for each revenue rule the sweep
/// applies, as prefix sums over the days anything was booked: the TTM sum of
/// any day is two binary searches and one subtraction.
pub(super) struct RevenueDays {
    /// Each distinct rule the sweep applies.
    rules: Vec<&'static RevenueRule>,
    /// Days (`Days` indices) on which a record that qualifies under some rule
    /// was booked, ascending.
    booked: Vec<u32>,
    /// Per rule: `sums[r][k]` is the total booked on `booked[..k]`.
    sums: Vec<Vec<Money>>,
}

/// From this many records in the sweep's days on, per-day tables (one
/// slot per day) are cheaper than sorting the records.
const PER_DAY_FROM: usize = 1_024;

/// Whether each rule counts `r` (booked within `span`).
fn counted<'a>(
    rules: &'a [&'static RevenueRule],
    span: Period,
    r: &'a RevenueRecord,
) -> impl Iterator<Item = bool> + 'a {
    rules
        .iter()
        .map(move |rule| revenue::classify(rule, &span, r).is_none())
}

/// Whether two editions' rules count the same records (their wording may differ).
fn same_rule(a: &RevenueRule, b: &RevenueRule) -> bool {
    a.products == b.products && a.requires_dpor == b.requires_dpor
}

impl RevenueDays {
    pub(super) fn new(
        days: &Days,
        editions: &[&'static Edition],
        records: &[RevenueRecord],
    ) -> RevenueDays {
        RevenueDays::build(days, editions, records, PER_DAY_FROM)
    }

    /// `new`, with per-day tables from `per_day_from` records on (tests
    /// compare both ways).
    pub(super) fn build(
        days: &Days,
        editions: &[&'static Edition],
        records: &[RevenueRecord],
        per_day_from: usize,
    ) -> RevenueDays {
        let mut rules: Vec<&'static RevenueRule> = Vec::new();
        for e in editions {
            if !rules.iter().any(|r| same_rule(r, &e.revenue)) {
                rules.push(&e.revenue);
            }
        }
        // Records booked outside these days count on no day of the sweep.
        let span = Period {
            start: days.date(0),
            end: days.horizon_end,
        };
        let within = records.iter().filter(|r| span.contains(r.booked_on));
        let counts = |r| counted(&rules, span, r);
        let mut booked = Vec::new();
        let mut amounts: Vec<Vec<Money>> = vec![Vec::new(); rules.len()];
        if records.len() >= per_day_from {
            let mut per_day = vec![vec![Money::default(); days.len]; rules.len()];
            let mut any = vec![false; days.len];
            for r in within {
                let i = days.index(r.booked_on);
                for (sums, counted) in per_day.iter_mut().zip(counts(r)) {
                    if counted {
                        sums[i] = sums[i] + r.amount;
                        any[i] = true;
                    }
                }
            }
            for (i, _) in any.iter().enumerate().filter(|(_, any)| **any) {
                booked.push(i as u32);
                for (out, sums) in amounts.iter_mut().zip(&per_day) {
                    out.push(sums[i]);
                }
            }
        } else {
            let mut entries: Vec<(u32, &RevenueRecord)> = Vec::with_capacity(records.len());
            entries.extend(
                within
                    .filter(|r| counts(r).any(|c| c))
                    .map(|r| (days.index(r.booked_on) as u32, r)),
            );
            entries.sort_unstable_by_key(|(i, _)| *i);
            booked.reserve(entries.len());
            for a in &mut amounts {
                a.reserve(entries.len());
            }
            for (i, r) in entries {
                if booked.last() != Some(&i) {
                    booked.push(i);
                    amounts.iter_mut().for_each(|a| a.push(Money::default()));
                }
                for (out, counted) in amounts.iter_mut().zip(counts(r)) {
                    if let (true, Some(last)) = (counted, out.last_mut()) {
                        *last = *last + r.amount;
                    }
                }
            }
        }
        let sums = amounts
            .into_iter()
            .map(|amounts| {
                let mut sums = Vec::with_capacity(amounts.len() + 1);
                let mut total = Money::default();
                sums.push(total);
                for amount in amounts {
                    total = total + amount;
                    sums.push(total);
                }
                sums
            })
            .collect();
        RevenueDays {
            rules,
            booked,
            sums,
        }
    }

    /// Qualifying revenue on `day` (within the sweep) by `edition`'s rule.
    pub(super) fn qualifying(&self, days: &Days, edition: &'static Edition, day: Date) -> Money {
        let Some(r) = self
            .rules
            .iter()
            .position(|rule| same_rule(rule, &edition.revenue))
        else {
            return Money::default();
        };
        let period = Period::ttm(day);
        let (first, last) = (
            days.index(period.start) as u32,
            days.index(period.end) as u32,
        );
        let from = self.booked.partition_point(|d| *d < first);
        let to = self.booked.partition_point(|d| *d <= last);
        self.sums[r][to] - self.sums[r][from]
    }

    /// The days on which a qualifying record enters or leaves the TTM period.
    pub(super) fn changes(&self, days: &Days) -> Vec<Date> {
        let mut out = Vec::with_capacity(2 * self.booked.len());
        for i in &self.booked {
            let booked_on = days.date(*i as usize);
            for day in [booked_on, booked_on.one_year_later()] {
                if days.within(day) {
                    out.push(day);
                }
            }
        }
        out
    }
}

/// The group set each individual holds on the current day of the sweep, and
/// how many individuals hold each set: the exam requirements depend on
/// nothing else.
pub(super) struct Staff {
    masks: Vec<u8>,
    holding: [u32; 1 << MAX_GROUPS],
    /// Whether the seats of (edition, level) are filled, for the current
    /// group sets: most days of the sweep change only revenue.
    filled: Vec<(&'static str, Level, bool)>,
}

impl Staff {
    /// From the group sets the evaluation found on `as_of`.
    pub(super) fn from_masks(masks: impl Iterator<Item = u8>) -> Staff {
        let mut staff = Staff {
            masks: masks.collect(),
            holding: [0; 1 << MAX_GROUPS],
            filled: Vec::new(),
        };
        for mask in &staff.masks {
            staff.holding[usize::from(*mask)] += 1;
        }
        staff
    }

    /// Every individual's groups on `day` by `edition`, computed afresh (for
    /// a keep plan asked for outside the outlook's sweep).
    pub(super) fn on(submission: &Submission, edition: &'static Edition, day: Date) -> Staff {
        let mut staff = Staff::from_masks(std::iter::repeat_n(0, submission.individuals.len()));
        staff.recompute(submission, edition, day);
        staff
    }

    /// Every individual's groups on `day` (an edition or an exam's
    /// acceptance changes for everyone).
    fn recompute(&mut self, submission: &Submission, edition: &'static Edition, day: Date) {
        let index = ExamIndex::new(edition, day);
        self.holding = [0; 1 << MAX_GROUPS];
        self.filled.clear();
        for (mask, ind) in self.masks.iter_mut().zip(&submission.individuals) {
            *mask = exams::held(&index, &ind.exams, day).mask;
            self.holding[usize::from(*mask)] += 1;
        }
    }

    /// Individual `i`'s groups on `day` (a pass of theirs dated that day).
    fn update(&mut self, submission: &Submission, i: usize, edition: &'static Edition, day: Date) {
        let index = ExamIndex::new(edition, day);
        let mask = exams::held(&index, &submission.individuals[i].exams, day).mask;
        if mask == self.masks[i] {
            return;
        }
        self.filled.clear();
        self.holding[usize::from(self.masks[i])] -= 1;
        self.holding[usize::from(mask)] += 1;
        self.masks[i] = mask;
    }

    /// Everyone's groups on `day`: recomputed for everyone on a `global`
    /// day (an edition comes into force or an acceptance ends), else for
    /// the individuals with a pass dated `day` (`today`, from `events_on`).
    pub(super) fn advance(
        &mut self,
        submission: &Submission,
        edition: &'static Edition,
        day: Date,
        global: bool,
        today: &[(Date, usize)],
    ) {
        if global {
            self.recompute(submission, edition, day);
        } else {
            for &(_, i) in today {
                self.update(submission, i, edition, day);
            }
        }
    }

    /// Each individual's group set on the current day, in input order.
    pub(super) fn masks(&self) -> &[u8] {
        &self.masks
    }

    /// Whether distinct individuals fill every seat of `rule` (remembered
    /// until someone's groups change).
    pub(super) fn seats_filled(&mut self, edition: &'static Edition, rule: &LevelRule) -> bool {
        let key = (edition.id, rule.level);
        if let Some((_, _, filled)) = self.filled.iter().find(|(e, l, _)| (*e, *l) == key) {
            return *filled;
        }
        let filled = self.assign(edition, rule);
        self.filled.push((key.0, key.1, filled));
        filled
    }

    /// The same assignment as the evaluation's (`exams::assign`), over one
    /// stand-in per individual holding a group set, up to as many as the
    /// level has seats: who they are does not change whether seats fill.
    fn assign(&self, edition: &'static Edition, rule: &LevelRule) -> bool {
        let role_masks = exams::role_masks(edition);
        let kinds = kinds(edition, rule);
        // Group sets within the edition's groups: no one holds any other.
        let sets = (1usize << edition.groups.len()).min(self.holding.len());
        let holding = &self.holding[..sets];
        // Too few people able to take some kind of seat: unfilled, without
        // the assignment (the usual case for a level far from attained).
        let able = |role_mask: u8| -> u32 {
            let holders = holding.iter().enumerate();
            holders
                .filter(|(mask, _)| role_mask & !(*mask as u8) == 0)
                .map(|(_, n)| *n)
                .sum()
        };
        if kinds
            .iter()
            .any(|(r, seats)| able(role_masks[*r]) < seats.count)
        {
            return false;
        }
        let seats = rule.individuals_required();
        let people: Vec<u8> = holding
            .iter()
            .enumerate()
            .flat_map(|(mask, n)| std::iter::repeat_n(mask as u8, (*n).min(seats) as usize))
            .collect();
        let filled = fill(&kinds, &role_masks, people.len(), |i| people[i], &[]);
        filled.iter().all(|a| a.individual.is_some())
    }
}

/// The passes dated on a day `within` accepts, as (day, individual), in day
/// order, once per individual and day: the days on which a pass starts to
/// count, and whose holdings then change.
pub(super) fn pass_events(
    submission: &Submission,
    within: impl Fn(Date) -> bool,
) -> Vec<(Date, usize)> {
    let within = &within;
    let mut events: Vec<(Date, usize)> = submission
        .individuals
        .iter()
        .enumerate()
        .flat_map(|(i, ind)| {
            ind.exams
                .iter()
                .filter_map(move |p| p.passed_on.filter(|d| within(*d)).map(|d| (d, i)))
        })
        .collect();
    events.sort_unstable();
    events.dedup();
    events
}

/// The events of `day`, from `*next` on in `events` (in day order, as
/// `pass_events` gives them), moving `*next` past them.
pub(super) fn events_on<'e>(
    events: &'e [(Date, usize)],
    next: &mut usize,
    day: Date,
) -> &'e [(Date, usize)] {
    let from = *next;
    while *next < events.len() && events[*next].0 == day {
        *next += 1;
    }
    &events[from..*next]
}
