//! The compact, index-based form of an election that every counting rule works on.
//!
//! Parsing (`pabulib`) turns a file into an [`crate::Election`]; [`crate::Election::instance`]
//! turns that into an [`Instance`]: projects by index, costs and budget as integers in the
//! smallest money unit (costs written with decimals are scaled by a common factor), and for
//! every project the list of its supporters with the utility each one gives it.
//!
//! The supporters are stored compactly ([`Supporters`]): one flat array of voter indices
//! (4 bytes per approval) cut into one slice per project, and the utilities beside it only
//! when some utility is not 1 (cumulative and scoring ballots).

use std::ops::{Index, Range};

/// Index of a project inside an [`Instance`] (position in `Instance::costs`).
pub type ProjectIx = usize;
/// Index of a voter (ballot) inside an [`Instance`].
pub type VoterIx = u32;

/// The data a counting rule needs, nothing more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// Total budget, in the same unit as `costs`.
    pub budget: u64,
    /// Cost of each project.
    pub costs: Vec<u64>,
    /// Project ids, used for tie-breaking (compared as strings).
    pub ids: Vec<String>,
    /// Number of voters (ballots), including empty ballots.
    pub voters: u32,
    /// For each project, its supporters and the utility each gives it: 1 for approval,
    /// choose-1 and ordinal ballots; the points for cumulative and scoring ballots.
    /// Sorted by voter index; a voter appears at most once per project.
    pub supporters: Supporters,
}

/// The supporters of every project, in compressed-row form: `supporters[p]` is the slice of
/// the voters supporting project `p` (sorted, each at most once), and
/// [`Supporters::utilities`] the utility each gives it (stored only when some utility is
/// not 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Supporters {
    /// Project `p`'s supporters are `voters[start[p]..start[p + 1]]`.
    start: Vec<usize>,
    voters: Vec<VoterIx>,
    /// Parallel to `voters`; empty when every utility is 1.
    utilities: Vec<u64>,
}

impl Supporters {
    /// From one list of `(voter, utility)` per project.
    pub fn from_lists(lists: &[Vec<(VoterIx, u64)>]) -> Self {
        let total = lists.iter().map(Vec::len).sum();
        let all_one = lists.iter().flatten().all(|&(_, u)| u == 1);
        let mut start = Vec::with_capacity(lists.len() + 1);
        let mut voters = Vec::with_capacity(total);
        let mut utilities = Vec::with_capacity(if all_one { 0 } else { total });
        start.push(0);
        for list in lists {
            voters.extend(list.iter().map(|&(v, _)| v));
            if !all_one {
                utilities.extend(list.iter().map(|&(_, u)| u));
            }
            start.push(voters.len());
        }
        Supporters {
            start,
            voters,
            utilities,
        }
    }

    /// From its parts: `start` has one entry per project plus one (starting at 0, ending at
    /// `voters.len()`, non-decreasing), `utilities` is empty or parallel to `voters`. Every
    /// utility being 1, they are dropped.
    pub(crate) fn from_parts(start: Vec<usize>, voters: Vec<VoterIx>, utilities: Vec<u64>) -> Self {
        debug_assert_eq!(start.first().copied().unwrap_or(0), 0);
        debug_assert_eq!(start.last().copied().unwrap_or(0), voters.len());
        debug_assert!(utilities.is_empty() || utilities.len() == voters.len());
        let utilities = if utilities.iter().all(|&u| u == 1) {
            Vec::new()
        } else {
            utilities
        };
        Supporters {
            start,
            voters,
            utilities,
        }
    }

    /// Number of projects.
    pub fn num_projects(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Number of (voter, project) supports over all projects.
    pub fn total(&self) -> usize {
        self.voters.len()
    }

    /// Whether every utility is 1.
    pub fn all_one(&self) -> bool {
        self.utilities.is_empty()
    }

    fn range(&self, p: ProjectIx) -> Range<usize> {
        self.start[p]..self.start[p + 1]
    }

    /// The utilities of project `p`'s supporters, parallel to `self[p]`; `None` when they
    /// are all 1.
    pub fn utilities(&self, p: ProjectIx) -> Option<&[u64]> {
        (!self.utilities.is_empty()).then(|| &self.utilities[self.range(p)])
    }

    /// Project `p`'s supporters with the utility each gives it, by voter.
    pub fn iter(&self, p: ProjectIx) -> impl ExactSizeIterator<Item = (VoterIx, u64)> + '_ {
        let voters = &self[p];
        let utilities = self.utilities(p);
        voters
            .iter()
            .enumerate()
            .map(move |(i, &v)| (v, utilities.map_or(1, |u| u[i])))
    }

    /// Project `p`'s supporters with their utilities, as a list.
    pub fn to_vec(&self, p: ProjectIx) -> Vec<(VoterIx, u64)> {
        self.iter(p).collect()
    }
}

impl Index<ProjectIx> for Supporters {
    type Output = [VoterIx];

    /// The voters supporting project `p`, sorted.
    fn index(&self, p: ProjectIx) -> &[VoterIx] {
        &self.voters[self.range(p)]
    }
}

impl From<Vec<Vec<(VoterIx, u64)>>> for Supporters {
    fn from(lists: Vec<Vec<(VoterIx, u64)>>) -> Self {
        Supporters::from_lists(&lists)
    }
}

/// How a voter's satisfaction with a set of projects is measured (pabutools' `sat_class`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Satisfaction {
    /// `Cost_Sat`: the total cost of the supported projects funded.
    Cost,
    /// `Cardinality_Sat`: the number of supported projects funded.
    Cardinality,
    /// `Additive_Cardinal_Sat`: the total points given to the projects funded.
    Points,
}

/// How ties between projects are broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TieBreak {
    /// pabutools' default: the smallest project id, compared as a string, wins.
    #[default]
    Lexicographic,
    /// Lowest cost first, then most supporters, then a lot drawn from `seed`.
    CostVotesLot {
        /// Seed of the deterministic lot.
        seed: u64,
    },
}

impl Instance {
    /// Number of projects.
    pub fn num_projects(&self) -> usize {
        self.costs.len()
    }

    /// Total cost of `projects` (saturating at `u64::MAX`).
    pub fn cost_of(&self, projects: &[ProjectIx]) -> u64 {
        projects
            .iter()
            .fold(0u64, |sum, &p| sum.saturating_add(self.costs[p]))
    }

    /// Total utility that voters give project `p` (sum of the utilities of its supporters).
    pub fn total_utility(&self, p: ProjectIx) -> u128 {
        match self.supporters.utilities(p) {
            None => self.supporters[p].len() as u128,
            Some(u) => u.iter().map(|&u| u128::from(u)).sum(),
        }
    }
}

impl TieBreak {
    /// Every project, the one that wins ties first.
    pub fn order(&self, instance: &Instance) -> Vec<ProjectIx> {
        let mut order: Vec<ProjectIx> = (0..instance.num_projects()).collect();
        match *self {
            TieBreak::Lexicographic => {
                order.sort_by(|&a, &b| instance.ids[a].cmp(&instance.ids[b]))
            }
            TieBreak::CostVotesLot { seed } => order.sort_by(|&a, &b| {
                instance.costs[a]
                    .cmp(&instance.costs[b])
                    .then(
                        instance.supporters[b]
                            .len()
                            .cmp(&instance.supporters[a].len()),
                    )
                    .then(lot(seed, &instance.ids[a]).cmp(&lot(seed, &instance.ids[b])))
                    .then(instance.ids[a].cmp(&instance.ids[b]))
            }),
        }
        order
    }

    /// For each project, its position in [`TieBreak::order`] (0 wins every tie).
    pub fn ranks(&self, instance: &Instance) -> Vec<usize> {
        let mut ranks = vec![0; instance.num_projects()];
        for (rank, p) in self.order(instance).into_iter().enumerate() {
            ranks[p] = rank;
        }
        ranks
    }
}

/// The seeded lot of a project: a hash of the seed and the project id (not of its position
/// in the file, so that the lot does not depend on the order of projects).
fn lot(seed: u64, id: &str) -> u64 {
    // FNV-1a over the id, then SplitMix64 mixing with the seed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut z = h ^ seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
