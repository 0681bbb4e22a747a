//! The statutory decision deadline and the bureau's warnings (LEGAL.md §1, step 4).
//!
//! The deadline is counted in calendar months from the receipt date, in the Africa/Casablanca
//! calendar: a petition received on 31 January with a 3-month deadline must be answered by
//! 30 April (the month is clamped, as in civil computation). The last day is included.

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

/// The calendar in which deadlines are counted.
pub const TIME_ZONE: &str = "Africa/Casablanca";

/// Days before the deadline on which the bureau is warned.
pub const WARNING_DAYS: [u32; 3] = [30, 7, 1];

/// The Africa/Casablanca time zone (bundled in the binary; +01:00 if it ever were missing).
pub fn casablanca() -> TimeZone {
    TimeZone::get(TIME_ZONE).unwrap_or_else(|_| TimeZone::fixed(Offset::constant(1)))
}

/// The Casablanca calendar date of a unix time in seconds.
pub fn civil_date(unix_seconds: i64) -> Date {
    let ts = Timestamp::from_second(unix_seconds).unwrap_or(Timestamp::UNIX_EPOCH);
    ts.to_zoned_datetime(casablanca()).date()
}

/// Unix seconds at the start of `date` in Casablanca.
pub fn start_of_day(date: Date) -> i64 {
    date.to_zoned_datetime(casablanca())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(i64::MAX)
}

/// A decision deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The last day on which the decision is in time.
    pub last_day: Date,
    /// Unix seconds from which the decision is overdue (start of the next day in Casablanca).
    pub overdue_from: i64,
}

/// The deadline for a petition received at `receipt_unix` with a `months`-month rule.
pub fn decision_deadline(receipt_unix: i64, months: u32) -> Deadline {
    let receipt = civil_date(receipt_unix);
    let last_day = receipt
        .checked_add(i64::from(months).months())
        .unwrap_or(Date::MAX);
    let next = last_day.tomorrow().unwrap_or(Date::MAX);
    Deadline {
        last_day,
        overdue_from: start_of_day(next),
    }
}

impl Deadline {
    /// Whole days from today (Casablanca) to the last day: 0 on the last day, negative after.
    pub fn days_remaining(&self, now_unix: i64) -> i64 {
        let today = civil_date(now_unix);
        today
            .until(self.last_day)
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
    }

    /// Whether the decision is late at `now_unix`.
    pub fn is_overdue(&self, now_unix: i64) -> bool {
        now_unix >= self.overdue_from
    }
}

/// The warning to send now, if any: the tightest of [`WARNING_DAYS`] that the remaining days
/// have reached, unless it was already sent. A petition deposited with 20 days left gets its
/// "30 days" warning at once, then the 7-day and the 1-day ones; nothing is sent once overdue.
pub fn warning_due(days_remaining: i64, already_sent: &[u32]) -> Option<u32> {
    if days_remaining < 0 {
        return None;
    }
    let tightest = WARNING_DAYS
        .iter()
        .copied()
        .filter(|&d| days_remaining <= i64::from(d))
        .min()?;
    (!already_sent.contains(&tightest)).then_some(tightest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn noon(d: Date) -> i64 {
        start_of_day(d) + 12 * 3600
    }

    #[test]
    fn months_are_calendar_months_in_casablanca() {
        let d = decision_deadline(noon(date(2026, 1, 31)), 3);
        assert_eq!(d.last_day, date(2026, 4, 30));
        let d = decision_deadline(noon(date(2025, 12, 31)), 2);
        assert_eq!(d.last_day, date(2026, 2, 28));
        let d = decision_deadline(noon(date(2026, 3, 15)), 2);
        assert_eq!(d.last_day, date(2026, 5, 15));
        let utc = |d: i16, h, m| {
            jiff::civil::datetime(2026, (d / 100) as i8, (d % 100) as i8, h, m, 0, 0)
                .to_zoned_datetime(TimeZone::UTC)
                .unwrap()
                .timestamp()
                .as_second()
        };
        // 23:30 UTC on 14 June is already 15 June in Casablanca (UTC+1)…
        assert_eq!(civil_date(utc(614, 23, 30)), date(2026, 6, 15));
        assert_eq!(
            decision_deadline(utc(614, 23, 30), 3).last_day,
            date(2026, 9, 15)
        );
        // …but during Ramadan Morocco keeps UTC+0, so 23:30 UTC on 14 March is still 14 March.
        assert_eq!(civil_date(utc(314, 23, 30)), date(2026, 3, 14));
    }

    #[test]
    fn overdue_from_the_day_after_the_last_day() {
        let d = decision_deadline(noon(date(2026, 1, 10)), 2);
        assert_eq!(d.last_day, date(2026, 3, 10));
        assert!(!d.is_overdue(start_of_day(date(2026, 3, 11)) - 1));
        assert!(d.is_overdue(start_of_day(date(2026, 3, 11))));
        assert_eq!(d.days_remaining(noon(date(2026, 3, 10))), 0);
        assert_eq!(d.days_remaining(noon(date(2026, 3, 9))), 1);
        assert_eq!(d.days_remaining(noon(date(2026, 2, 8))), 30);
        assert_eq!(d.days_remaining(noon(date(2026, 3, 12))), -2);
    }

    #[test]
    fn warnings() {
        assert_eq!(warning_due(45, &[]), None);
        assert_eq!(warning_due(30, &[]), Some(30));
        assert_eq!(warning_due(20, &[]), Some(30));
        assert_eq!(warning_due(20, &[30]), None);
        assert_eq!(warning_due(7, &[30]), Some(7));
        assert_eq!(warning_due(3, &[30]), Some(7));
        assert_eq!(warning_due(1, &[30, 7]), Some(1));
        assert_eq!(warning_due(0, &[30, 7]), Some(1));
        assert_eq!(warning_due(0, &[30, 7, 1]), None);
        assert_eq!(warning_due(-1, &[]), None);
    }

    proptest! {
        /// Walking day by day from deposit to deadline sends each warning at most once, and the
        /// 1-day warning always goes out before the deadline passes.
        #[test]
        fn each_warning_at_most_once(start in 0i64..120) {
            let mut sent = Vec::new();
            for remaining in (-3..=start).rev() {
                if let Some(w) = warning_due(remaining, &sent) {
                    prop_assert!(!sent.contains(&w));
                    sent.push(w);
                }
            }
            prop_assert!(sent.contains(&1));
            prop_assert!(sent.len() <= 3);
        }

        #[test]
        fn deadline_is_after_receipt(day in 0i64..20_000, months in 1u32..=3) {
            let receipt = day * 86_400;
            let d = decision_deadline(receipt, months);
            prop_assert!(d.overdue_from > receipt);
            prop_assert!(d.last_day > civil_date(receipt));
        }
    }
}
