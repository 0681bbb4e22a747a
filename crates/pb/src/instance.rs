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
