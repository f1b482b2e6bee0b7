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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    OutsidePeriod,
    OtherProduct,
    WithoutDpor,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RevenueTotals {
    pub qualifying: Money,
    pub excluded_outside_period: Money,
    pub excluded_other_product: Money,
    pub excluded_without_dpor: Money,
}

pub fn classify(rule: &RevenueRule, period: &Period, r: &RevenueRecord) -> Option<Exclusion> {
    if !period.contains(r.booked_on) {
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
    let mut t = RevenueTotals::default();
    for r in records {
        let bucket = match classify(rule, period, r) {
            None => &mut t.qualifying,
            Some(Exclusion::OutsidePeriod) => &mut t.excluded_outside_period,
            Some(Exclusion::OtherProduct) => &mut t.excluded_other_product,
            Some(Exclusion::WithoutDpor) => &mut t.excluded_without_dpor,
        };
        *bucket = *bucket + r.amount;
    }
    t
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
}
