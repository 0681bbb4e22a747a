//! Progress rules: a commitment must be updated at least every six months (LEGAL.md §6), and
//! milestones are on time, late or pending.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{MilestoneStatus, PlanStatus};

/// Longest time without a progress update, in months.
pub const UPDATE_INTERVAL_MONTHS: i32 = 6;

/// Whether a commitment of a plan in `status`, started on `starts_on`, whose last progress
/// update was on `last_update` (if any), is overdue for an update on `today`: more than six
/// months since the last update, or since its start when it never had one. Closed plans and
/// commitments not yet started are never flagged.
pub fn update_overdue(
    status: PlanStatus,
    starts_on: Date,
    last_update: Option<Date>,
    today: Date,
) -> bool {
    if status == PlanStatus::Closed || today < starts_on {
        return false;
    }
    let since = last_update.map_or(starts_on, |d| d.max(starts_on));
    match since.checked_add(UPDATE_INTERVAL_MONTHS.months()) {
        Ok(limit) => today > limit,
        Err(_) => false,
    }
}

/// Where a milestone stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Timeliness {
    /// Completed on or before its due date.
    OnTime,
    /// Completed after its due date.
    Late,
    /// Not completed and past its due date.
    Overdue,
    /// Not completed, not yet due.
    Pending,
}

impl Timeliness {
    /// Every value, in report order.
    pub const ALL: [Timeliness; 4] = [
        Timeliness::OnTime,
        Timeliness::Late,
        Timeliness::Overdue,
        Timeliness::Pending,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Timeliness::OnTime => "on_time",
            Timeliness::Late => "late",
            Timeliness::Overdue => "overdue",
            Timeliness::Pending => "pending",
        }
    }

    /// Message key.
    pub fn key(self) -> String {
        format!("ogp-timeliness-{}", self.code().replace('_', "-"))
    }
}

/// The timeliness of a milestone due on `due_on`, in `status`, completed on `completed_on`.
pub fn timeliness(
    status: MilestoneStatus,
    due_on: Date,
    completed_on: Option<Date>,
    today: Date,
) -> Timeliness {
    match (status, completed_on) {
        (MilestoneStatus::Completed, Some(done)) if done <= due_on => Timeliness::OnTime,
        (MilestoneStatus::Completed, Some(_)) => Timeliness::Late,
        (MilestoneStatus::Completed, None) => Timeliness::OnTime,
        _ if today > due_on => Timeliness::Overdue,
        _ => Timeliness::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn six_months_without_update_is_flagged() {
        let start = date(2025, 1, 15);
        let open = PlanStatus::Open;
        // Never updated: counted from the start.
        assert!(!update_overdue(open, start, None, date(2025, 7, 15)));
        assert!(update_overdue(open, start, None, date(2025, 7, 16)));
        // Updated: counted from the last update.
        assert!(!update_overdue(
            open,
            start,
            Some(date(2025, 6, 1)),
            date(2025, 12, 1)
        ));
        assert!(update_overdue(
            open,
            start,
            Some(date(2025, 6, 1)),
            date(2025, 12, 2)
        ));
        // End of month: 31 August + 6 months is the end of February.
        assert!(!update_overdue(
            open,
            start,
            Some(date(2025, 8, 31)),
            date(2026, 2, 28)
        ));
        assert!(update_overdue(
            open,
            start,
            Some(date(2025, 8, 31)),
            date(2026, 3, 1)
        ));
        // Not started yet, or plan closed: never flagged.
        assert!(!update_overdue(
            open,
            date(2027, 1, 1),
            None,
            date(2026, 1, 1)
        ));
        assert!(!update_overdue(
            PlanStatus::Closed,
            start,
            None,
            date(2030, 1, 1)
        ));
    }

    #[test]
    fn milestone_timeliness() {
        let due = date(2025, 6, 30);
        let today = date(2025, 9, 1);
        assert_eq!(
            timeliness(
                MilestoneStatus::Completed,
                due,
                Some(date(2025, 6, 30)),
                today
            ),
            Timeliness::OnTime
        );
        assert_eq!(
            timeliness(
                MilestoneStatus::Completed,
                due,
                Some(date(2025, 7, 1)),
                today
            ),
            Timeliness::Late
        );
        assert_eq!(
            timeliness(MilestoneStatus::InProgress, due, None, today),
            Timeliness::Overdue
        );
        assert_eq!(
            timeliness(MilestoneStatus::NotStarted, due, None, date(2025, 6, 30)),
            Timeliness::Pending
        );
    }
}
