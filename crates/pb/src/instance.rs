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
