//! The sweep's state: the days it covers, qualifying revenue per day, and
//! the group sets individuals hold.

use super::super::exams::{self, ExamIndex, MAX_GROUPS};
use super::super::model::{Edition, LevelRule};
use super::super::revenue::{self, Period, RevenueRecord};
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

/// Qualifying revenue per booking day, for each edition's revenue rule, as
/// prefix sums: the TTM sum of any day of the sweep is one subtraction.
pub(super) struct RevenueDays {
    /// (edition, prefix sums: `sums[i]` is the total of days before `i`).
    rules: Vec<(&'static Edition, Vec<Money>)>,
    /// Whether any record that qualifies under some rule was booked on day `i`.
    booked: Vec<bool>,
}

impl RevenueDays {
    pub(super) fn new(
        days: &Days,
        editions: &[&'static Edition],
        records: &[RevenueRecord],
    ) -> RevenueDays {
        // Records booked outside these days count on no day of the sweep.
        let span = Period {
            start: days.date(0),
            end: days.horizon_end,
        };
        let mut per_day: Vec<Vec<Money>> = vec![vec![Money::default(); days.len]; editions.len()];
        let mut booked = vec![false; days.len];
        for r in records {
            if !span.contains(r.booked_on) {
                continue;
            }
            let i = days.index(r.booked_on);
            for (e, sums) in editions.iter().zip(&mut per_day) {
                if revenue::classify(&e.revenue, &span, r).is_none() {
                    sums[i] = sums[i] + r.amount;
                    booked[i] = true;
                }
            }
        }
        let rules = editions
            .iter()
            .zip(per_day)
            .map(|(e, sums)| {
                let mut prefix = Vec::with_capacity(sums.len() + 1);
                let mut total = Money::default();
                prefix.push(total);
                for amount in sums {
                    total = total + amount;
                    prefix.push(total);
                }
                (*e, prefix)
            })
            .collect();
        RevenueDays { rules, booked }
    }

    /// Qualifying revenue on `day` (within the sweep) by `edition`'s rule.
    pub(super) fn qualifying(&self, days: &Days, edition: &'static Edition, day: Date) -> Money {
        let Some((_, prefix)) = self.rules.iter().find(|(e, _)| *e == edition) else {
            return Money::default();
        };
        let period = Period::ttm(day);
        prefix[days.index(period.end) + 1] - prefix[days.index(period.start)]
    }

    /// The days on which a qualifying record enters or leaves the TTM period.
    pub(super) fn changes(&self, days: &Days) -> Vec<Date> {
        let mut out = Vec::new();
        for (i, _) in self.booked.iter().enumerate().filter(|(_, b)| **b) {
            let booked_on = days.date(i);
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
}

impl Staff {
    pub(super) fn new(submission: &Submission, edition: &'static Edition, day: Date) -> Staff {
        let mut staff = Staff {
            masks: vec![0; submission.individuals.len()],
            holding: [0; 1 << MAX_GROUPS],
        };
        staff.recompute(submission, edition, day);
        staff
    }

    pub(super) fn recompute(
        &mut self,
        submission: &Submission,
        edition: &'static Edition,
        day: Date,
    ) {
        let index = ExamIndex::new(edition, day);
        self.holding = [0; 1 << MAX_GROUPS];
        for (mask, ind) in self.masks.iter_mut().zip(&submission.individuals) {
            *mask = exams::held(&index, &ind.exams, day).mask;
            self.holding[usize::from(*mask)] += 1;
        }
    }

    pub(super) fn update(
        &mut self,
        submission: &Submission,
        i: usize,
        edition: &'static Edition,
        day: Date,
    ) {
        let index = ExamIndex::new(edition, day);
        let mask = exams::held(&index, &submission.individuals[i].exams, day).mask;
        self.holding[usize::from(self.masks[i])] -= 1;
        self.holding[usize::from(mask)] += 1;
        self.masks[i] = mask;
    }

    /// Whether distinct individuals fill every seat of `rule`: the same
    /// assignment as the evaluation's, over one stand-in per individual
    /// holding a group set, up to as many as the level has seats.
    pub(super) fn seats_filled(&self, edition: &'static Edition, rule: &LevelRule) -> bool {
        let role_masks = exams::role_masks(edition);
        let kinds: Vec<_> = rule
            .seats
            .iter()
            .filter_map(|s| edition.role_index(s.role).map(|r| (r, s)))
            .collect();
        let seats = rule.individuals_required();
        let people: Vec<u8> = self
            .holding
            .iter()
            .enumerate()
            .flat_map(|(mask, n)| std::iter::repeat_n(mask as u8, (*n).min(seats) as usize))
            .collect();
        let filled = exams::assign(
            people.len(),
            &kinds,
            |i, k| (role_masks[kinds[k].0] & !people[i] == 0).then_some(0),
            |_| 1,
        );
        filled.iter().all(|a| a.individual.is_some())
    }
}
