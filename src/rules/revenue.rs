//! Qualifying revenue: net new revenue in the TTM period from qualifying
//! products with customers for whom the partner is Digital Partner of Record.

use super::model::{Product, RevenueRule};
use super::{Date, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevenueRecord {
    pub product: Product,
    /// Negative amounts are credits.
    pub amount: Money,
    pub booked_on: Date,
    pub digital_partner_of_record: bool,
}

/// The trailing twelve months ending on `as_of`, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    /// From the day after the same date one year before `as_of` (Feb 29 maps
    /// to Feb 28 first) to `as_of`: 2017-07-07 → 2016-07-08 … 2017-07-07.
    pub fn ttm(as_of: Date) -> Period {
        Period {
            start: as_of.one_year_earlier().next_day(),
            end: as_of,
        }
    }

    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }
}

/// Why a record does not count; a record goes under the first reason it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exclusion {
    /// Booked before the TTM period.
    OutsidePeriod,
    /// Dated after `as_of`: it enters the TTM period of a later day.
    AfterAsOf,
    OtherProduct,
    WithoutDpor,
}

impl Exclusion {
    /// Every reason, in §2.2's order (the period's two sides first).
    pub const ALL: [Exclusion; 4] = [
        Exclusion::OutsidePeriod,
        Exclusion::AfterAsOf,
        Exclusion::OtherProduct,
        Exclusion::WithoutDpor,
    ];
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RevenueTotals {
    pub qualifying: Money,
    /// Booked before the TTM period.
    pub excluded_outside_period: Money,
    /// Dated after `as_of`.
    pub excluded_after_as_of: Money,
    pub excluded_other_product: Money,
    pub excluded_without_dpor: Money,
    /// How many records each reason leaves out (in `Exclusion::ALL` order).
    pub records_excluded: [u32; 4],
    /// Of the records dated after `as_of`, the net of those whose product
    /// and DPOR qualify: what can count once they enter the TTM period.
    pub after_as_of_qualifying: Money,
    /// And how many of them do not qualify (they never count).
    pub records_after_as_of_not_qualifying: u32,
    /// Of those, how many are for other products (the rest lack DPOR).
    pub records_after_as_of_other_product: u32,
}

/// What one reason leaves out: the net of its records and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Excluded {
    pub reason: Exclusion,
    /// Negative: the reason's records are a net credit.
    pub net: Money,
    pub records: u32,
}

impl RevenueTotals {
    /// The net left out for `reason`.
    pub fn excluded(&self, reason: Exclusion) -> Money {
        match reason {
            Exclusion::OutsidePeriod => self.excluded_outside_period,
            Exclusion::AfterAsOf => self.excluded_after_as_of,
            Exclusion::OtherProduct => self.excluded_other_product,
            Exclusion::WithoutDpor => self.excluded_without_dpor,
        }
    }

    /// Each reason that leaves out at least one record, with its net (zero
    /// included: records that cancel out are still named), in §2.2's order.
    pub fn exclusions(&self) -> impl Iterator<Item = Excluded> + '_ {
        Exclusion::ALL
            .into_iter()
            .zip(self.records_excluded)
            .filter(|(_, records)| *records > 0)
            .map(|(reason, records)| Excluded {
                reason,
                net: self.excluded(reason),
                records,
            })
    }
}

/// Whether `rule` counts `r` on a day whose TTM period holds its booking
/// day (its product and DPOR qualify).
pub fn counts_apart_from_period(rule: &RevenueRule, r: &RevenueRecord) -> bool {
    rule.products.contains(&r.product) && (r.digital_partner_of_record || !rule.requires_dpor)
}

pub fn classify(rule: &RevenueRule, period: &Period, r: &RevenueRecord) -> Option<Exclusion> {
    if r.booked_on > period.end {
        Some(Exclusion::AfterAsOf)
    } else if !period.contains(r.booked_on) {
        Some(Exclusion::OutsidePeriod)
    } else if !rule.products.contains(&r.product) {
        Some(Exclusion::OtherProduct)
    } else if rule.requires_dpor && !r.digital_partner_of_record {
        Some(Exclusion::WithoutDpor)
    } else {
        None
    }
}

pub fn totals(rule: &RevenueRule, period: &Period, records: &[RevenueRecord]) -> RevenueTotals {
    classified(rule, period, records).0
}

/// The totals and, in input order, each record's outcome: `None` when it
/// counts, else the first reason it fails. One pass over the records.
pub fn classified(
    rule: &RevenueRule,
    period: &Period,
    records: &[RevenueRecord],
) -> (RevenueTotals, Vec<Option<Exclusion>>) {
    let mut t = RevenueTotals::default();
    let mut outcomes = Vec::with_capacity(records.len());
    for r in records {
        let outcome = classify(rule, period, r);
        let bucket = match outcome {
            None => &mut t.qualifying,
            Some(Exclusion::OutsidePeriod) => &mut t.excluded_outside_period,
            Some(Exclusion::AfterAsOf) => &mut t.excluded_after_as_of,
            Some(Exclusion::OtherProduct) => &mut t.excluded_other_product,
            Some(Exclusion::WithoutDpor) => &mut t.excluded_without_dpor,
        };
        *bucket = *bucket + r.amount;
        if let Some(reason) = outcome {
            t.records_excluded[reason as usize] += 1;
        }
        if outcome == Some(Exclusion::AfterAsOf) {
            if counts_apart_from_period(rule, r) {
                t.after_as_of_qualifying = t.after_as_of_qualifying + r.amount;
            } else {
                t.records_after_as_of_not_qualifying += 1;
                if !rule.products.contains(&r.product) {
                    t.records_after_as_of_other_product += 1;
                }
            }
        }
        outcomes.push(outcome);
    }
    (t, outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttm_period_is_inclusive_and_handles_the_leap_day() {
        let p = Period::ttm(Date::ymd(2017, 7, 7));
        assert_eq!(p.start, Date::ymd(2016, 7, 8));
        assert_eq!(p.end, Date::ymd(2017, 7, 7));
        assert!(p.contains(Date::ymd(2016, 7, 8)));
        assert!(p.contains(Date::ymd(2017, 7, 7)));
        assert!(!p.contains(Date::ymd(2016, 7, 7)));
        assert!(!p.contains(Date::ymd(2017, 7, 8)));

        // Feb 29 → Feb 28 of the year before, then the day after.
        let leap = Period::ttm(Date::ymd(2016, 2, 29));
        assert_eq!(leap.start, Date::ymd(2015, 3, 1));
        let after_leap = Period::ttm(Date::ymd(2017, 2, 28));
        assert_eq!(after_leap.start, Date::ymd(2016, 2, 29));
        let new_year = Period::ttm(Date::ymd(2017, 12, 31));
        assert_eq!(new_year.start, Date::ymd(2017, 1, 1));
    }

    /// Of the records dated after `as_of`, the totals say what will count
    /// once they enter the period and why the rest never will.
    #[test]
    fn records_after_as_of_are_told_apart_by_why_they_wont_count() {
        let rule = &super::super::catalog::CLOUD_CRM_2017_11.revenue;
        let as_of = Date::ymd(2018, 6, 1);
        let later = |product, amount, dpor| RevenueRecord {
            product,
            amount: Money::from_units(amount),
            booked_on: Date::ymd(2018, 7, 1),
            digital_partner_of_record: dpor,
        };
        let t = totals(
            rule,
            &Period::ttm(as_of),
            &[
                later(Product::CrmOnline, 30_000, true),
                later(Product::Other, 5_000, true),
                later(Product::CrmOnline, 7_000, false),
                later(Product::Other, 1_000, false),
            ],
        );
        assert_eq!(t.after_as_of_qualifying, Money::from_units(30_000));
        assert_eq!(t.records_after_as_of_not_qualifying, 3);
        assert_eq!(t.records_after_as_of_other_product, 2);
    }
}
