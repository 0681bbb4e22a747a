//! The compact, index-based form of an election that every counting rule works on.
//!
//! Parsing (`pabulib`) turns a file into an [`crate::Election`]; [`crate::Election::instance`]
//! turns that into an [`Instance`]: projects by index, costs and budget as integers in the
//! smallest money unit (costs written with decimals are scaled by a common factor), and for
//! every project the list of its supporters with the utility each one gives it.

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
    pub supporters: Vec<Vec<(VoterIx, u64)>>,
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
        self.supporters[p].iter().map(|&(_, u)| u128::from(u)).sum()
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
