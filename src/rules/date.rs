//! A civil (proleptic Gregorian) date: enough calendar for the rules, no time zones.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A date known to be valid, for the rules' own tables.
    pub const fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// A validated date; `None` for impossible dates (month 13, 2017-02-30, year 0).
    pub fn new(year: i32, month: i32, day: i32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let month = month as u8;
        if day < 1 || day > i32::from(days_in_month(year, month)) {
            return None;
        }
        Some(Date::ymd(year, month, day as u8))
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Today in UTC.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Howard Hinnant's `civil_from_days`.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::ymd(year, month, day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The first day whose trailing twelve months (`Period::ttm`) no longer
    /// contain `self`: the same date a year later, and March 1 for Feb 29.
    pub fn one_year_later(self) -> Date {
        let year = self.year + 1;
        if self.day > days_in_month(year, self.month) {
            Date::ymd(year, self.month + 1, 1)
        } else {
            Date::ymd(year, self.month, self.day)
        }
    }

    /// The same day one year earlier; Feb 29 maps to Feb 28.
    pub fn one_year_earlier(self) -> Date {
        let year = self.year - 1;
        let day = self.day.min(days_in_month(year, self.month));
        Date::ymd(year, self.month, day)
    }

    pub fn previous_day(self) -> Date {
        if self.day > 1 {
            Date::ymd(self.year, self.month, self.day - 1)
        } else if self.month > 1 {
            let month = self.month - 1;
            Date::ymd(self.year, month, days_in_month(self.year, month))
        } else {
            Date::ymd(self.year - 1, 12, 31)
        }
    }

    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date::ymd(self.year, self.month, self.day + 1)
        } else if self.month < 12 {
            Date::ymd(self.year, self.month + 1, 1)
        } else {
            Date::ymd(self.year + 1, 1, 1)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2017, 2, 30).is_none());
        assert!(Date::new(2017, 13, 1).is_none());
        assert!(Date::new(2017, 0, 1).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(2017, 4, 31).is_none());
        assert!(Date::new(2016, 2, 29).is_some());
        assert!(Date::new(2017, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn civil_from_days() {
        assert_eq!(Date::from_days_since_epoch(0), Date::ymd(1970, 1, 1));
        assert_eq!(Date::from_days_since_epoch(17_354), Date::ymd(2017, 7, 7));
        assert_eq!(Date::from_days_since_epoch(11_016), Date::ymd(2000, 2, 29));
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in -800_000..800_000 {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
        assert_eq!(Date::ymd(2017, 7, 7).plus_days(365), Date::ymd(2018, 7, 7));
        assert_eq!(Date::ymd(2016, 3, 1).plus_days(-1), Date::ymd(2016, 2, 29));
        assert_eq!(
            Date::ymd(2016, 2, 29).one_year_later(),
            Date::ymd(2017, 3, 1)
        );
        assert_eq!(
            Date::ymd(2016, 2, 28).one_year_later(),
            Date::ymd(2017, 2, 28)
        );
    }

    #[test]
    fn year_arithmetic() {
        assert_eq!(
            Date::ymd(2016, 2, 29).one_year_earlier(),
            Date::ymd(2015, 2, 28)
        );
        assert_eq!(Date::ymd(2016, 12, 31).next_day(), Date::ymd(2017, 1, 1));
        assert_eq!(Date::ymd(2016, 2, 28).next_day(), Date::ymd(2016, 2, 29));
        assert_eq!(Date::ymd(2017, 2, 28).next_day(), Date::ymd(2017, 3, 1));
    }
}
