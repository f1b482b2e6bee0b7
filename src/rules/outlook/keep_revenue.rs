//! The keep plan's revenue (`keep`'s module comment, "Revenue"): the
//! largest shortfall from the deadline through the horizon, the first day
//! qualifying revenue falls short, and the day it is lowest.

use super::super::model::{Level, Market};
use super::super::{Date, Money};
use super::state::{Days, RevenueDays};
use super::Editions;

/// The lowest qualifying revenue from the deadline through the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lowest {
    pub on: Date,
    pub qualifying: Money,
}

/// What a keep plan's revenue must be.
pub(super) struct RevenueNeed {
    /// The largest shortfall; zero when revenue holds.
    pub(super) needed: Money,
    /// The first day from the deadline on which revenue falls short.
    pub(super) by: Option<Date>,
    /// The first day of the largest shortfall, with its qualifying revenue.
    pub(super) lowest: Option<Lowest>,
}

/// The largest shortfall of `level` on `deadline` and on every later day on
/// which qualifying revenue or the threshold can move (a record entering
/// or leaving the period, or one of `global`, the days an edition comes
/// into force or an acceptance ends). `Err(day)`: the edition applied on
/// `day` has no such level.
pub(super) fn revenue_needed(
    editions: Editions,
    level: Level,
    market: Market,
    days: &Days,
    revenue: &RevenueDays,
    deadline: Date,
    global: &[Date],
) -> Result<RevenueNeed, Date> {
    let mut revenue_days: Vec<Date> = revenue.changes(days);
    revenue_days.retain(|d| *d > deadline);
    revenue_days.extend(global);
    revenue_days.push(deadline);
    revenue_days.sort_unstable();
    revenue_days.dedup();
    let mut need = RevenueNeed {
        needed: Money::default(),
        by: None,
        lowest: None,
    };
    for &day in &revenue_days {
        let edition = editions.on(day);
        let rule = edition.level(level).ok_or(day)?;
        let threshold = rule.threshold(market).unwrap_or_default();
        let qualifying = revenue.qualifying(days, edition, day);
        let shortfall = threshold.shortfall_from(qualifying);
        if shortfall > need.needed {
            need.needed = shortfall;
            need.lowest = Some(Lowest {
                on: day,
                qualifying,
            });
        }
        if !shortfall.is_zero() && need.by.is_none() {
            need.by = Some(day);
        }
    }
    Ok(need)
}
