//! The report's figures: completion by commitment and by OGP value, milestones on time, and
//! where civil society disagrees with the self-assessment.

use std::collections::BTreeMap;

use super::progress::Timeliness;
use super::{Completion, OgpValue, Potential};

/// What the report needs of one commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentFacts {
    /// The OGP values it serves.
    pub values: Vec<OgpValue>,
    /// Completion in the latest self-assessment, if any.
    pub completion: Option<Completion>,
    /// Timeliness of each of its milestones (improvement actions excluded).
    pub milestones: Vec<Timeliness>,
}

/// Completion of the commitments serving one OGP value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueCompletion {
    /// The value.
    pub value: OgpValue,
    /// Commitments serving it.
    pub commitments: usize,
    /// Of which self-assessed.
    pub assessed: usize,
    /// Mean completion of the assessed ones, in percent (rounded), `None` when none is.
    pub mean_percent: Option<i64>,
}

/// Completion by OGP value, in the order of [`OgpValue::ALL`].
pub fn completion_by_value(facts: &[CommitmentFacts]) -> Vec<ValueCompletion> {
    OgpValue::ALL
        .iter()
        .map(|&value| {
            let serving: Vec<&CommitmentFacts> =
                facts.iter().filter(|f| f.values.contains(&value)).collect();
            let percents: Vec<i64> = serving
                .iter()
                .filter_map(|f| f.completion.map(Completion::percent))
                .collect();
            let mean_percent = if percents.is_empty() {
                None
            } else {
                let n = percents.len() as i64;
                Some((percents.iter().sum::<i64>() * 2 + n) / (2 * n))
            };
            ValueCompletion {
                value,
                commitments: serving.len(),
                assessed: percents.len(),
                mean_percent,
            }
        })
        .collect()
}

/// How many milestones are in each timeliness, every kind present (zero included).
pub fn milestones_on_time(facts: &[CommitmentFacts]) -> BTreeMap<Timeliness, usize> {
    let mut counts: BTreeMap<Timeliness, usize> = Timeliness::ALL.iter().map(|t| (*t, 0)).collect();
    for t in facts.iter().flat_map(|f| f.milestones.iter()) {
        *counts.entry(*t).or_default() += 1;
    }
    counts
}

/// Where a civil-society review differs from the self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disagreement {
    /// The completion ratings differ.
    pub completion: bool,
    /// The potential-for-results ratings differ.
    pub potential: bool,
}

impl Disagreement {
    /// Whether the two ratings differ at all.
    pub fn any(self) -> bool {
        self.completion || self.potential
    }
}

/// Compares a review with the self-assessment (no self-assessment: nothing to disagree with).
pub fn disagreement(
    assessment: Option<(Completion, Potential)>,
    review: (Completion, Potential),
) -> Disagreement {
    match assessment {
        None => Disagreement {
            completion: false,
            potential: false,
        },
        Some((c, p)) => Disagreement {
            completion: c != review.0,
            potential: p != review.1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(
        values: &[OgpValue],
        completion: Option<Completion>,
        m: &[Timeliness],
    ) -> CommitmentFacts {
        CommitmentFacts {
            values: values.to_vec(),
            completion,
            milestones: m.to_vec(),
        }
    }

    #[test]
    fn completion_by_value_averages_the_assessed_commitments() {
        use OgpValue::*;
        let f = vec![
            facts(&[AccessToInformation], Some(Completion::Complete), &[]),
            facts(
                &[AccessToInformation, CivicParticipation],
                Some(Completion::Limited),
                &[],
            ),
            facts(&[CivicParticipation], None, &[]),
        ];
        let by = completion_by_value(&f);
        assert_eq!(by.len(), 4);
        assert_eq!(by[0].value, AccessToInformation);
        assert_eq!((by[0].commitments, by[0].assessed), (2, 2));
        assert_eq!(by[0].mean_percent, Some(67)); // (100 + 33) / 2 = 66.5, rounded up
        assert_eq!(by[1].value, CivicParticipation);
        assert_eq!((by[1].commitments, by[1].assessed), (2, 1));
        assert_eq!(by[1].mean_percent, Some(33));
        assert_eq!(by[2].mean_percent, None);
        assert_eq!(by[2].commitments, 0);
    }

    #[test]
    fn milestones_are_counted_by_timeliness() {
        use Timeliness::*;
        let f = vec![
            facts(&[], None, &[OnTime, Late, OnTime]),
            facts(&[], None, &[Overdue]),
        ];
        let m = milestones_on_time(&f);
        assert_eq!(m[&OnTime], 2);
        assert_eq!(m[&Late], 1);
        assert_eq!(m[&Overdue], 1);
        assert_eq!(m[&Pending], 0);
    }

    #[test]
    fn disagreements() {
        let own = Some((Completion::Substantial, Potential::Modest));
        assert!(!disagreement(own, (Completion::Substantial, Potential::Modest)).any());
        let d = disagreement(own, (Completion::Limited, Potential::Modest));
        assert!(d.completion && !d.potential);
        assert!(!disagreement(None, (Completion::Limited, Potential::Unclear)).any());
    }
}
