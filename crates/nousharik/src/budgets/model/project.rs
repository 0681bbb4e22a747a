//! Proposals, technical review, paper ballots and implementation tracking: the pure rules.

use serde::{Deserialize, Serialize};

use super::ballot::Ballot;
use super::campaign::clean_text;
use super::money::{Money, MoneyError};

/// Longest title of a proposal.
pub const TITLE_MAX_CHARS: usize = 150;
/// Longest description, place, reason or milestone text.
pub const TEXT_MAX_CHARS: usize = 5000;
/// Longest place.
pub const PLACE_MAX_CHARS: usize = 200;

/// Fixed categories (message keys `budgets-category-<code>`).
pub const CATEGORIES: [&str; 8] = [
    "roads",
    "green",
    "sport",
    "culture",
    "education",
    "health",
    "social",
    "environment",
];

/// A proposal as typed, before checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ProposalForm {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// What, why, for whom.
    #[serde(default)]
    pub description: String,
    /// Where.
    #[serde(default)]
    pub place: String,
    /// The budget it is proposed for (id as text).
    #[serde(default)]
    pub budget: String,
    /// Category code.
    #[serde(default)]
    pub category: String,
    /// Estimated cost as typed.
    #[serde(default)]
    pub cost: String,
}

/// A checked proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Place.
    pub place: String,
    /// Budget id (one of the campaign's).
    pub budget: i64,
    /// Category code.
    pub category: &'static str,
    /// Estimated cost.
    pub estimated_cost: Money,
}

/// One problem with a field of a form (message key `budgets-error-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    /// The form field.
    pub field: &'static str,
    /// What is wrong.
    pub code: &'static str,
}

fn money_code(e: MoneyError) -> &'static str {
    match e {
        MoneyError::Empty => "required",
        MoneyError::Invalid => "amount-invalid",
        MoneyError::NotPositive => "amount-positive",
        MoneyError::TooLarge => "amount-too-large",
    }
}

impl ProposalForm {
    /// Checks every field and returns all problems at once (so the form can show them all).
    /// `budgets` are the campaign's budgets with their amounts: a proposal costing more than
    /// its budget could never be funded.
    pub fn check(&self, budgets: &[(i64, Money)]) -> Result<Proposal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, code| errors.push(FieldError { field, code });
        let title = clean_text(&self.title, TITLE_MAX_CHARS);
        if title.is_none() {
            err("title", "text-length");
        }
        let description = clean_text(&self.description, TEXT_MAX_CHARS);
        if description.is_none() {
            err("description", "text-length");
        }
        let place = clean_text(&self.place, PLACE_MAX_CHARS);
        if place.is_none() {
            err("place", "text-length");
        }
        let budget = self
            .budget
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| budgets.iter().find(|(b, _)| *b == id).copied());
        if budget.is_none() {
            err("budget", "choose");
        }
        let category = CATEGORIES
            .iter()
            .find(|c| **c == self.category.trim())
            .copied();
        if category.is_none() {
            err("category", "choose");
        }
        let cost = Money::parse(&self.cost);
        match (cost, budget) {
            (Err(e), _) => err("cost", money_code(e)),
            (Ok(c), Some((_, amount))) if c > amount => err("cost", "over-budget"),
            _ => {}
        }
        match (title, description, place, budget, category, cost) {
            (Some(title), Some(description), Some(place), Some(b), Some(category), Ok(cost))
                if errors.is_empty() =>
            {
                Ok(Proposal {
                    title,
                    description,
                    place,
                    budget: b.0,
                    category,
                    estimated_cost: cost,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The outcome of a technical review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Review {
    /// Feasible at this final cost: goes on the ballot.
    Feasible {
        /// Final cost.
        cost: Money,
        /// Remarks (may be empty).
        reason: String,
    },
    /// Not feasible, with the reason published.
    NotFeasible {
        /// Why.
        reason: String,
    },
}

/// Checks a review: a reason is required to refuse; a feasible project needs a final cost
/// within its budget.
pub fn check_review(
    feasible: bool,
    cost: &str,
    reason: &str,
    budget_amount: Money,
) -> Result<Review, FieldError> {
    let reason = reason.trim();
    if reason.chars().count() > TEXT_MAX_CHARS {
        return Err(FieldError {
            field: "reason",
            code: "text-length",
        });
    }
    if !feasible {
        if reason.is_empty() {
            return Err(FieldError {
                field: "reason",
                code: "reason-required",
            });
        }
        return Ok(Review::NotFeasible {
            reason: reason.to_owned(),
        });
    }
    let cost = Money::parse(cost).map_err(|e| FieldError {
        field: "cost",
        code: money_code(e),
    })?;
    if cost > budget_amount {
        return Err(FieldError {
            field: "cost",
            code: "over-budget",
        });
    }
    Ok(Review::Feasible {
        cost,
        reason: reason.to_owned(),
    })
}

/// Why a paper ballot's entry was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PaperError {
    /// The second entry was typed by the same official as the first.
    #[error("second entry by the same official")]
    SameOfficial,
    /// The two entries differ: the sheet must be looked at again.
    #[error("entries differ")]
    Mismatch,
    /// The sheet was already entered twice and accepted.
    #[error("sheet already counted")]
    AlreadyCounted,
}

/// The second-entry check for a paper ballot: another official types the same sheet; the
/// ballot counts only when both entries are identical.
pub fn second_entry(
    first_by: i64,
    first: &Ballot,
    second_by: i64,
    second: &Ballot,
) -> Result<(), PaperError> {
    if first_by == second_by {
        return Err(PaperError::SameOfficial);
    }
    if first != second {
        return Err(PaperError::Mismatch);
    }
    Ok(())
}

/// Where a funded project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Funded, not started.
    Planned,
    /// Studies and design.
    Studies,
    /// Public procurement.
    Procurement,
    /// Works under way.
    Works,
    /// Done and delivered.
    Completed,
    /// Stopped (the reason is in a milestone).
    Suspended,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::Studies,
        Status::Procurement,
        Status::Works,
        Status::Completed,
        Status::Suspended,
    ];

    /// Stable code (`budgets-status-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Studies => "studies",
            Status::Procurement => "procurement",
            Status::Works => "works",
            Status::Completed => "completed",
            Status::Suspended => "suspended",
        }
    }

    /// The status for a code.
    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Checks a progress update: a known status, a percentage 0–100 consistent with it
/// (completed is 100 %, planned is 0 %), and the milestone text.
pub fn check_progress(
    status: &str,
    percent: &str,
    note: &str,
) -> Result<(Status, u8, String), FieldError> {
    let status = Status::parse(status.trim()).ok_or(FieldError {
        field: "status",
        code: "choose",
    })?;
    let percent: u8 = percent
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or(FieldError {
            field: "percent",
            code: "percent",
        })?;
    let consistent = match status {
        Status::Completed => percent == 100,
        Status::Planned => percent == 0,
        _ => true,
    };
    if !consistent {
        return Err(FieldError {
            field: "percent",
            code: "percent-status",
        });
    }
    let note = clean_text(note, TEXT_MAX_CHARS).ok_or(FieldError {
        field: "note",
        code: "text-length",
    })?;
    Ok((status, percent, note))
}

/// Accepted photo formats, recognised by their first bytes (never by the file name).
pub fn photo_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Largest photo accepted (2 MB: enough for a phone photo resized by the phone's browser).
pub const PHOTO_MAX_BYTES: usize = 2 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn form() -> ProposalForm {
        ProposalForm {
            title: "Jardin".into(),
            description: "Un jardin pour le quartier".into(),
            place: "Rue 12".into(),
            budget: "7".into(),
            category: "green".into(),
            cost: "120 000".into(),
        }
    }

    const BUDGETS: [(i64, Money); 1] = [(7, Money::from_dirhams(1_000_000))];

    #[test]
    fn a_good_proposal_passes() {
        let p = form().check(&BUDGETS).unwrap();
        assert_eq!(p.estimated_cost, Money::from_dirhams(120_000));
        assert_eq!(p.budget, 7);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = ProposalForm {
            title: " ".into(),
            description: "x".repeat(TEXT_MAX_CHARS + 1),
            place: String::new(),
            budget: "8".into(),
            category: "casino".into(),
            cost: "abc1".into(),
        };
        let errs = bad.check(&BUDGETS).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "title",
                "description",
                "place",
                "budget",
                "category",
                "cost"
            ]
        );
        let mut f = form();
        f.cost = "2 000 000".into();
        assert_eq!(
            f.check(&BUDGETS).unwrap_err(),
            vec![FieldError {
                field: "cost",
                code: "over-budget"
            }]
        );
    }

    #[test]
    fn reviews() {
        let amount = Money::from_dirhams(1000);
        assert_eq!(
            check_review(false, "", " ", amount).unwrap_err().code,
            "reason-required"
        );
        assert!(matches!(
            check_review(false, "", "Terrain privé", amount),
            Ok(Review::NotFeasible { .. })
        ));
        assert_eq!(
            check_review(true, "1001", "", amount).unwrap_err().code,
            "over-budget"
        );
        assert_eq!(
            check_review(true, "900", "", amount),
            Ok(Review::Feasible {
                cost: Money::from_dirhams(900),
                reason: String::new()
            })
        );
    }

    #[test]
    fn second_entry_needs_another_official_and_the_same_ballot() {
        let a = Ballot {
            budget: 1,
            choices: BTreeMap::from([(1, 1), (2, 1)]),
        };
        let b = Ballot {
            budget: 1,
            choices: BTreeMap::from([(1, 1)]),
        };
        assert_eq!(second_entry(1, &a, 1, &a), Err(PaperError::SameOfficial));
        assert_eq!(second_entry(1, &a, 2, &b), Err(PaperError::Mismatch));
        assert_eq!(second_entry(1, &a, 2, &a.clone()), Ok(()));
    }

    #[test]
    fn progress_updates() {
        assert_eq!(
            check_progress("works", "40 %", "Début des travaux").unwrap(),
            (Status::Works, 40, "Début des travaux".into())
        );
        assert_eq!(
            check_progress("done", "40", "x").unwrap_err().field,
            "status"
        );
        assert_eq!(
            check_progress("works", "140", "x").unwrap_err().code,
            "percent"
        );
        assert_eq!(
            check_progress("completed", "90", "x").unwrap_err().code,
            "percent-status"
        );
        assert_eq!(check_progress("works", "10", "").unwrap_err().field, "note");
    }

    #[test]
    fn photos_are_recognised_by_content() {
        assert_eq!(photo_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(photo_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(photo_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(photo_type(b"<svg onload=alert(1)>"), None);
        assert_eq!(photo_type(b""), None);
    }
}
