//! Signature progress against the requirement, and what still blocks a deposit.

use serde::Serialize;

use super::procedure::DepositBlocker;
use super::rules::Requirement;

/// Progress in one prefecture/province (regional spread rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SubdivisionProgress {
    /// The prefecture/province.
    pub territory_id: i64,
    /// Valid signatures attributed to it.
    pub count: u32,
    /// Required from each.
    pub required: u32,
}

impl SubdivisionProgress {
    /// Whether this subdivision has enough signatures.
    pub fn met(&self) -> bool {
        self.count >= self.required
    }
}

/// A petition's signature progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Valid signatures.
    pub total: u32,
    /// Required total.
    pub required: u32,
    /// Per prefecture/province, when the spread rule applies (in the order given).
    pub subdivisions: Vec<SubdivisionProgress>,
}

/// Computes progress from the total and the counts per subdivision. Every subdivision of the
/// territory is listed, with 0 when nobody from it signed.
pub fn progress(
    requirement: &Requirement,
    total: u32,
    counts: &[(i64, u32)],
    subdivisions: &[i64],
) -> Progress {
    let subdivisions = match requirement.per_subdivision {
        Some(required) => subdivisions
            .iter()
            .map(|&territory_id| SubdivisionProgress {
                territory_id,
                count: counts
                    .iter()
                    .filter(|(t, _)| *t == territory_id)
                    .map(|(_, c)| *c)
                    .sum(),
                required,
            })
            .collect(),
        None => Vec::new(),
    };
    Progress {
        total,
        required: requirement.total,
        subdivisions,
    }
}

impl Progress {
    /// What keeps the petition from being deposited for lack of signatures.
    pub fn blockers(&self) -> Vec<DepositBlocker> {
        let mut out = Vec::new();
        if self.total < self.required {
            out.push(DepositBlocker::TooFewSignatures {
                have: self.total,
                need: self.required,
            });
        }
        out.extend(self.subdivisions.iter().filter(|s| !s.met()).map(|s| {
            DepositBlocker::TooFewInSubdivision {
                territory_id: s.territory_id,
                have: s.count,
                need: s.required,
            }
        }));
        out
    }

    /// Whether every signature condition holds.
    pub fn met(&self) -> bool {
        self.blockers().is_empty()
    }

    /// Progress towards the total, 0–100 (capped).
    pub fn percent(&self) -> u32 {
        if self.required == 0 {
            return 100;
        }
        let p = u64::from(self.total) * 100 / u64::from(self.required);
        u32::try_from(p.min(100)).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_needs_total_and_spread() {
        let req = Requirement {
            total: 500,
            per_subdivision: Some(25),
        };
        let subs = [1, 2, 3];
        let p = progress(&req, 520, &[(1, 480), (2, 30), (3, 10)], &subs);
        assert_eq!(p.percent(), 100);
        assert_eq!(
            p.blockers(),
            vec![DepositBlocker::TooFewInSubdivision {
                territory_id: 3,
                have: 10,
                need: 25
            }]
        );
        let p = progress(&req, 120, &[(1, 40), (2, 40), (3, 40)], &subs);
        assert_eq!(
            p.blockers(),
            vec![DepositBlocker::TooFewSignatures {
                have: 120,
                need: 500
            }]
        );
        assert_eq!(p.percent(), 24);
        let p = progress(&req, 500, &[(1, 450), (2, 25), (3, 25), (99, 7)], &subs);
        assert!(p.met());
        // A subdivision nobody signed from is listed with 0.
        let p = progress(&req, 500, &[(1, 500)], &subs);
        assert_eq!(
            p.subdivisions[2],
            SubdivisionProgress {
                territory_id: 3,
                count: 0,
                required: 25
            }
        );
    }

    #[test]
    fn commune_needs_total_only() {
        let req = Requirement {
            total: 200,
            per_subdivision: None,
        };
        let p = progress(&req, 199, &[(5, 199)], &[5]);
        assert!(p.subdivisions.is_empty());
        assert!(!p.met());
        assert!(progress(&req, 200, &[], &[]).met());
    }
}
