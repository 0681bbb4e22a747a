//! Writing `.pb` files.

use std::fmt::Write as _;
use std::io;

use super::{Election, VoteColumn};

/// Appends one cell, quoted when it holds a separator, a quote, a line break or surrounding
/// whitespace; `None` is written as `None`.
fn push_cell(out: &mut String, cell: Option<&str>) {
    let Some(cell) = cell else {
        out.push_str("None");
        return;
    };
    let needs_quotes = cell.contains([';', '"', '\n', '\r']) || cell.trim() != cell;
    if needs_quotes {
        out.push('"');
        for ch in cell.chars() {
            if ch == '"' {
                out.push('"');
            }
            out.push(ch);
        }
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

fn push_row<'a>(out: &mut String, cells: impl IntoIterator<Item = Option<&'a str>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_cell(out, cell);
    }
    out.push('\n');
}

/// The election as the text of a `.pb` file: META entries, then projects, then ballots, each
/// in the order read, every column kept.
pub fn to_string(election: &Election) -> String {
    let mut out = String::with_capacity(64 * (election.ballots.len() + election.projects.len()));
    out.push_str("META\nkey;value\n");
    for (k, v) in &election.meta {
        push_row(&mut out, [Some(k.as_str()), Some(v.as_str())]);
    }
    out.push_str("PROJECTS\n");
    push_row(
        &mut out,
        election.project_columns.iter().map(|c| Some(c.as_str())),
    );
    for p in &election.projects {
        push_row(&mut out, p.cells.iter().map(|c| c.as_deref()));
    }
    out.push_str("VOTES\n");
    let ballots = &election.ballots;
    push_row(&mut out, ballots.columns.iter().map(|c| Some(c.as_str())));
    let mut vote = String::new();
    let mut points = String::new();
    for (i, ballot) in ballots.iter().enumerate() {
        vote.clear();
        for (k, &p) in ballot.vote().iter().enumerate() {
            if k > 0 {
                vote.push(',');
            }
            vote.push_str(&election.projects[p as usize].id);
        }
        points.clear();
        for (k, pt) in ballot.points().unwrap_or(&[]).iter().enumerate() {
            if k > 0 {
                points.push(',');
            }
            // Writing to a String cannot fail.
            let _ = write!(points, "{pt}");
        }
        let row_start = out.len();
        push_row(
            &mut out,
            ballots.kinds.iter().map(|kind| match *kind {
                VoteColumn::Vote => Some(vote.as_str()),
                VoteColumn::Points => Some(points.as_str()),
                VoteColumn::Text(t) => ballots.text[t].get(i),
            }),
        );
        // A row that is a lone empty cell would read back as a blank line and vanish: an empty
        // ballot with no other column is written `None` (missing vote = empty ballot).
        if &out[row_start..] == "\n" {
            out.insert_str(row_start, "None");
        }
    }
    out
}

/// Writes the election as a `.pb` file.
pub fn write<W: io::Write>(election: &Election, mut writer: W) -> io::Result<()> {
    writer.write_all(to_string(election).as_bytes())
}

/// Builds an [`Election`] row by row, as a program exporting its own vote would: META
/// entries, then the PROJECTS header and rows, then the VOTES header and rows. `build` checks
/// everything exactly as reading a file does (same errors, with the line the row would have).
#[derive(Debug, Clone, Default)]
pub struct ElectionBuilder {
    text: String,
}

impl ElectionBuilder {
    /// An empty election (META section opened).
    pub fn new() -> Self {
        ElectionBuilder {
            text: "META\nkey;value\n".to_owned(),
        }
    }

    /// Adds a META entry (`vote_type` and `budget` are required).
    pub fn meta(mut self, key: &str, value: &str) -> Self {
        push_row(&mut self.text, [Some(key), Some(value)]);
        self
    }

    /// Opens the PROJECTS section with its column names (`project_id` first, `cost` somewhere).
    pub fn project_columns(mut self, columns: &[&str]) -> Self {
        self.text.push_str("PROJECTS\n");
        push_row(&mut self.text, columns.iter().map(|c| Some(*c)));
        self
    }

    /// Adds a project row (`None` for a missing cell).
    pub fn project(mut self, cells: &[Option<&str>]) -> Self {
        push_row(&mut self.text, cells.iter().copied());
        self
    }

    /// Opens the VOTES section with its column names (`vote` required, `points` for
    /// cumulative and scoring).
    pub fn vote_columns(mut self, columns: &[&str]) -> Self {
        self.text.push_str("VOTES\n");
        push_row(&mut self.text, columns.iter().map(|c| Some(*c)));
        self
    }

    /// Adds a ballot row (`vote` as comma-separated project ids).
    pub fn ballot(mut self, cells: &[Option<&str>]) -> Self {
        let start = self.text.len();
        push_row(&mut self.text, cells.iter().copied());
        if &self.text[start..] == "\n" {
            self.text.insert_str(start, "None");
        }
        self
    }

    /// The election, validated.
    pub fn build(self) -> Result<Election, super::ParseError> {
        super::parse_str(&self.text)
    }
}
