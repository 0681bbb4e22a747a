//! Pabulib `.pb` files: the [`Election`] they describe, a reader and a writer.
//!
//! A file has three sections, `META` (key/value pairs), `PROJECTS` and `VOTES` (one row per
//! project / ballot, with a header row), each parsed as CSV with `;` separators and `"`
//! quoting. Every META entry and every column is kept, so that reading then writing a file
//! gives back the same election; the parts the counting rules need are also typed (budget,
//! vote type, constraints, costs, votes and points). The format is described in Faliszewski
//! et al., *Participatory Budgeting: Data, Tools, and Analysis* (IJCAI 2023); the behaviour
//! on corner cases follows pabutools' `parse_pabulib`.

mod reader;
mod writer;

use std::fmt;

use crate::decimal::{Decimal, DecimalError};
use crate::instance::{Instance, ProjectIx, Supporters, VoterIx};

pub use reader::{parse, parse_str};
pub use writer::{ElectionBuilder, to_string, write};

/// How voters expressed their preferences (META `vote_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteType {
    /// A set of approved projects.
    Approval,
    /// A single approved project (treated as approval).
    #[serde(rename = "choose-1")]
    Choose1,
    /// A ranking, most preferred first.
    Ordinal,
    /// Points distributed among projects under a total cap.
    Cumulative,
    /// A score per project.
    Scoring,
}

impl VoteType {
    /// Reads a META `vote_type` value (case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "approval" => Some(VoteType::Approval),
            "choose-1" => Some(VoteType::Choose1),
            "ordinal" => Some(VoteType::Ordinal),
            "cumulative" => Some(VoteType::Cumulative),
            "scoring" => Some(VoteType::Scoring),
            _ => None,
        }
    }

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            VoteType::Approval => "approval",
            VoteType::Choose1 => "choose-1",
            VoteType::Ordinal => "ordinal",
            VoteType::Cumulative => "cumulative",
            VoteType::Scoring => "scoring",
        }
    }

    /// Whether ballots carry points parallel to their votes.
    pub fn has_points(self) -> bool {
        matches!(self, VoteType::Cumulative | VoteType::Scoring)
    }
}

impl fmt::Display for VoteType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The ballot constraints written in META. They describe the vote; they are not enforced.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Constraints {
    /// `min_length`: fewest projects a ballot may name.
    pub min_length: Option<u64>,
    /// `max_length`: most projects a ballot may name.
    pub max_length: Option<u64>,
    /// `min_sum_cost`: lowest total cost of a ballot's projects.
    pub min_sum_cost: Option<Decimal>,
    /// `max_sum_cost`: highest total cost of a ballot's projects.
    pub max_sum_cost: Option<Decimal>,
    /// `min_points`: fewest points per project.
    pub min_points: Option<Decimal>,
    /// `max_points`: most points per project.
    pub max_points: Option<Decimal>,
    /// `min_sum_points`: fewest points in a ballot.
    pub min_sum_points: Option<Decimal>,
    /// `max_sum_points`: most points in a ballot.
    pub max_sum_points: Option<Decimal>,
}

/// One project: its id, its exact cost and every cell of its row (in column order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// The project id (column 0, whatever the header says).
    pub id: String,
    /// Exact cost.
    pub cost: Decimal,
    /// Every cell of the row, `None` where the file says `None`.
    pub cells: Vec<Option<String>>,
}

impl Project {
    /// The cell of `column` (by position in [`Election::project_columns`]).
    pub fn cell(&self, column: usize) -> Option<&str> {
        self.cells.get(column).and_then(|c| c.as_deref())
    }
}

/// The cells of one text column of the VOTES section, stored in one buffer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TextColumn {
    text: String,
    /// End offset in `text` of each ballot's cell.
    ends: Vec<u32>,
    /// Whether each ballot's cell is `None`.
    missing: Vec<bool>,
}

impl TextColumn {
    /// Adds a cell; `None` when the column's text would pass 4 GiB.
    fn push(&mut self, cell: Option<&str>) -> Option<()> {
        if let Some(c) = cell {
            self.text.push_str(c);
        }
        self.ends.push(u32::try_from(self.text.len()).ok()?);
        self.missing.push(cell.is_none());
        Some(())
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.missing.shrink_to_fit();
    }

    fn get(&self, i: usize) -> Option<&str> {
        if *self.missing.get(i)? {
            return None;
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize)
    }
}

/// What a column of the VOTES section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VoteColumn {
    /// The `vote` list, typed.
    Vote,
    /// The `points` list, typed (cumulative and scoring ballots).
    Points,
    /// Any other column, kept as text: index into `Ballots::text`.
    Text(usize),
}

/// All ballots of an election, stored column by column (one allocation per column, not per
/// cell, so that files with a hundred thousand ballots load fast).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ballots {
    columns: Vec<String>,
    kinds: Vec<VoteColumn>,
    /// End offset in `votes` (and `points`) of each ballot.
    vote_ends: Vec<u32>,
    /// The projects named by each ballot, in file order.
    votes: Vec<u32>,
    /// Points parallel to `votes` (empty unless the vote type has points).
    points: Vec<Decimal>,
    text: Vec<TextColumn>,
}

impl Ballots {
    /// Number of ballots.
    pub fn len(&self) -> usize {
        self.vote_ends.len()
    }

    /// Whether there is no ballot.
    pub fn is_empty(&self) -> bool {
        self.vote_ends.is_empty()
    }

    /// The column names of the VOTES section, in file order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Ballot number `index` (0-based, in file order).
    pub fn get(&self, index: usize) -> Option<Ballot<'_>> {
        (index < self.len()).then_some(Ballot {
            ballots: self,
            index,
        })
    }

    /// All ballots in file order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Ballot<'_>> + '_ {
        (0..self.len()).map(|index| Ballot {
            ballots: self,
            index,
        })
    }

    fn range(&self, index: usize) -> std::ops::Range<usize> {
        let start = if index == 0 {
            0
        } else {
            self.vote_ends[index - 1] as usize
        };
        start..self.vote_ends[index] as usize
    }

    /// Gives back the memory reserved for growth while reading.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.vote_ends.shrink_to_fit();
        self.votes.shrink_to_fit();
        self.points.shrink_to_fit();
        for t in &mut self.text {
            t.shrink_to_fit();
        }
    }
}

/// A view of one ballot.
#[derive(Debug, Clone, Copy)]
pub struct Ballot<'a> {
    ballots: &'a Ballots,
    index: usize,
}

impl<'a> Ballot<'a> {
    /// The projects named, in file order (indices into [`Election::projects`]).
    pub fn vote(&self) -> &'a [u32] {
        &self.ballots.votes[self.ballots.range(self.index)]
    }

    /// The points parallel to [`Ballot::vote`], for cumulative and scoring ballots.
    pub fn points(&self) -> Option<&'a [Decimal]> {
        if self.ballots.kinds.contains(&VoteColumn::Points) {
            Some(&self.ballots.points[self.ballots.range(self.index)])
        } else {
            None
        }
    }

    /// The text of a column other than `vote` and typed `points`, `None` if missing or if
    /// the column does not exist.
    pub fn cell(&self, column: &str) -> Option<&'a str> {
        let pos = self.ballots.columns.iter().position(|c| c == column)?;
        match self.ballots.kinds[pos] {
            VoteColumn::Text(t) => self.ballots.text[t].get(self.index),
            _ => None,
        }
    }

    /// The `voter_id` cell, if any.
    pub fn voter_id(&self) -> Option<&'a str> {
        self.cell("voter_id")
    }
}

/// A whole participatory-budgeting election as described by a Pabulib file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Election {
    meta: Vec<(String, String)>,
    vote_type: VoteType,
    budget: Decimal,
    constraints: Constraints,
    project_columns: Vec<String>,
    projects: Vec<Project>,
    ballots: Ballots,
}

/// A problem in a Pabulib file, with the line where it was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ParseError {
    /// 1-based line number in the file (0 when the problem concerns the whole file).
    pub line: u64,
    /// What is wrong.
    pub problem: Problem,
}

/// What can be wrong in a Pabulib file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A required section is absent.
    #[error("missing section {0}")]
    MissingSection(&'static str),
    /// A section appears twice.
    #[error("section {0} appears twice")]
    DuplicateSection(&'static str),
    /// A section comes before one it depends on.
    #[error("section {0} must come after {1}")]
    SectionOrder(&'static str, &'static str),
    /// A section title is not followed by a header row.
    #[error("section {0} has no header row")]
    MissingHeader(&'static str),
    /// Data before the first section title.
    #[error("data outside any section")]
    OutsideSection,
    /// A row has the wrong number of cells.
    #[error("expected {expected} cells, found {found}")]
    ColumnCount {
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A required META key is absent.
    #[error("META has no {0:?}")]
    MissingMeta(&'static str),
    /// A required column is absent.
    #[error("{section} has no {column:?} column")]
    MissingColumn {
        /// Section name.
        section: &'static str,
        /// Column name.
        column: &'static str,
    },
    /// The vote type is unknown.
    #[error("unknown vote_type {0:?}")]
    UnknownVoteType(String),
    /// A number could not be read.
    #[error("{field}: {error}")]
    BadNumber {
        /// What the number is.
        field: String,
        /// Why it is bad.
        error: DecimalError,
    },
    /// A project row has no id.
    #[error("empty project id")]
    EmptyProjectId,
    /// Two projects share an id.
    #[error("duplicate project id {0:?}")]
    DuplicateProject(String),
    /// A vote names a project that does not exist.
    #[error("vote names unknown project {0:?}")]
    UnknownProject(String),
    /// `points` does not have one entry per project voted for.
    #[error("{votes} projects voted for but {points} points given")]
    PointsMismatch {
        /// Projects in `vote`.
        votes: usize,
        /// Entries in `points`.
        points: usize,
    },
    /// Text that is not UTF-8.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// More votes, or more text in a column, than 2³² − 1.
    #[error("too large: {0}")]
    TooLarge(&'static str),
    /// The CSV layer failed.
    #[error("CSV error: {0}")]
    Csv(String),
}

/// Why an [`Election`] cannot be turned into an [`Instance`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstanceError {
    /// A negative cost or budget.
    #[error("negative amount for {0}")]
    NegativeMoney(String),
    /// A negative number of points.
    #[error("negative points in ballot {ballot}")]
    NegativePoints {
        /// 0-based ballot index.
        ballot: usize,
    },
    /// Amounts too large once scaled to integers.
    #[error("amount too large once scaled to integers: {0}")]
    TooLarge(String),
    /// More ballots than an instance can index.
    #[error("too many ballots")]
    TooManyBallots,
}

impl Election {
    /// Every META entry in file order (keys and values trimmed).
    pub fn meta(&self) -> &[(String, String)] {
        &self.meta
    }

    /// The value of a META key (the last one if it appears twice, like pabutools).
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The vote type.
    pub fn vote_type(&self) -> VoteType {
        self.vote_type
    }

    /// The exact budget.
    pub fn budget(&self) -> Decimal {
        self.budget
    }

    /// The ballot constraints written in META.
    pub fn constraints(&self) -> &Constraints {
        &self.constraints
    }

    /// The column names of the PROJECTS section.
    pub fn project_columns(&self) -> &[String] {
        &self.project_columns
    }

    /// The projects in file order.
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }

    /// The ballots in file order.
    pub fn ballots(&self) -> &Ballots {
        &self.ballots
    }

    /// The power of ten by which costs and budget are multiplied in [`Election::instance`]
    /// (0 when every amount is an integer).
    pub fn money_scale(&self) -> u32 {
        self.projects
            .iter()
            .map(|p| p.cost.scale())
            .fold(self.budget.scale(), u32::max)
    }

    /// The power of ten by which points are multiplied in [`Election::instance`].
    pub fn points_scale(&self) -> u32 {
        self.ballots
            .points
            .iter()
            .map(Decimal::scale)
            .max()
            .unwrap_or(0)
    }

    /// Builds the index-based [`Instance`] the counting rules work on.
    ///
    /// Costs and budget are scaled by `10^money_scale()` to integers. Approval, choose-1 and
    /// ordinal ballots give utility 1 to each project named (duplicates count once);
    /// cumulative and scoring ballots give the points (scaled by `10^points_scale()`; if a
    /// project is named twice, the last points count, as in pabutools).
    pub fn instance(&self) -> Result<Instance, InstanceError> {
        let scale = self.money_scale();
        let money = |d: Decimal, what: &dyn Fn() -> String| -> Result<u64, InstanceError> {
            if d.is_negative() {
                return Err(InstanceError::NegativeMoney(what()));
            }
            d.scaled_to(scale)
                .and_then(|v| u64::try_from(v).ok())
                .ok_or_else(|| InstanceError::TooLarge(what()))
        };
        let budget = money(self.budget, &|| "budget".to_owned())?;
        let costs = self
            .projects
            .iter()
            .map(|p| money(p.cost, &|| format!("project {}", p.id)))
            .collect::<Result<Vec<_>, _>>()?;
        let voters =
            u32::try_from(self.ballots.len()).map_err(|_| InstanceError::TooManyBallots)?;
        let supporters = self.supporters()?;
        Ok(Instance {
            budget,
            costs,
            ids: self.projects.iter().map(|p| p.id.clone()).collect(),
            voters,
            supporters,
        })
    }

    /// The supporters of every project, built in two passes over the ballots (count, then
    /// fill) so that every array has exactly its final size.
    fn supporters(&self) -> Result<Supporters, InstanceError> {
        let m = self.projects.len();
        // `last[p]`: the last ballot (+1) that named `p`, to count a project named twice in
        // one ballot once.
        let mut last = vec![0u32; m];
        let mut start = vec![0usize; m + 1];
        for (b, ballot) in self.ballots.iter().enumerate() {
            let mark = b as u32 + 1;
            for &p in ballot.vote() {
                let p = p as ProjectIx;
                if last[p] != mark {
                    last[p] = mark;
                    start[p + 1] += 1;
                }
            }
        }
        for p in 0..m {
            start[p + 1] += start[p];
        }
        let total = start[m];
        let points_scale = self.points_scale();
        let with_points = self.vote_type.has_points() && !self.ballots.points.is_empty();
        let mut voters = vec![0 as VoterIx; total];
        let mut utilities = if with_points {
            vec![0u64; total]
        } else {
            Vec::new()
        };
        let mut fill = start.clone();
        last.fill(0);
        for (b, ballot) in self.ballots.iter().enumerate() {
            let voter = b as VoterIx;
            let mark = voter + 1;
            let points = ballot.points();
            for (k, &p) in ballot.vote().iter().enumerate() {
                let p = p as ProjectIx;
                let utility = match (with_points, points) {
                    (true, Some(points)) => {
                        let pt = points[k];
                        if pt.is_negative() {
                            return Err(InstanceError::NegativePoints { ballot: b });
                        }
                        pt.scaled_to(points_scale)
                            .and_then(|v| u64::try_from(v).ok())
                            .ok_or_else(|| InstanceError::TooLarge(format!("points, ballot {b}")))?
                    }
                    _ => 1,
                };
                if last[p] == mark {
                    // Named twice in the same ballot: a set for approval and ordinal (first
                    // mention counts), a dict for points (last assignment counts).
                    if with_points {
                        utilities[fill[p] - 1] = utility;
                    }
                    continue;
                }
                last[p] = mark;
                voters[fill[p]] = voter;
                if with_points {
                    utilities[fill[p]] = utility;
                }
                fill[p] += 1;
            }
        }
        Ok(Supporters::from_parts(start, voters, utilities))
    }
}

/// Whether a cell means "missing" (`None`, any case).
fn is_none_cell(cell: &str) -> bool {
    cell.eq_ignore_ascii_case("none")
}

#[cfg(test)]
mod tests;
