//! Reading `.pb` files.

use std::collections::HashMap;

use super::{
    Ballots, Constraints, Election, ParseError, Problem, Project, TextColumn, VoteColumn, VoteType,
    is_none_cell,
};
use crate::decimal::Decimal;

/// The three sections, in the order the format requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Meta,
    Projects,
    Votes,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::Meta => "META",
            Section::Projects => "PROJECTS",
            Section::Votes => "VOTES",
        }
    }

    /// Recognises a section title: the first cell, trimmed, in any case.
    fn from_title(cell: &[u8]) -> Option<Self> {
        let t = cell.trim_ascii();
        if t.eq_ignore_ascii_case(b"meta") {
            Some(Section::Meta)
        } else if t.eq_ignore_ascii_case(b"projects") {
            Some(Section::Projects)
        } else if t.eq_ignore_ascii_case(b"votes") {
            Some(Section::Votes)
        } else {
            None
        }
    }
}

fn err(line: u64, problem: Problem) -> ParseError {
    ParseError { line, problem }
}

/// A cell as text: UTF-8 checked and trimmed.
fn text(cell: &[u8], line: u64) -> Result<&str, ParseError> {
    std::str::from_utf8(cell)
        .map(str::trim)
        .map_err(|_| err(line, Problem::InvalidUtf8))
}

/// A cell as text, `None` if it says `None`.
fn opt_text(cell: &[u8], line: u64) -> Result<Option<&str>, ParseError> {
    let t = text(cell, line)?;
    Ok((!is_none_cell(t)).then_some(t))
}

fn number(cell: &str, field: impl Into<String>, line: u64) -> Result<Decimal, ParseError> {
    Decimal::parse(cell).map_err(|error| {
        err(
            line,
            Problem::BadNumber {
                field: field.into(),
                error,
            },
        )
    })
}

/// Parses a whole `.pb` file given as text.
pub fn parse_str(text: &str) -> Result<Election, ParseError> {
    parse(text.as_bytes())
}

/// Parses a whole `.pb` file given as bytes (UTF-8, with or without a byte-order mark).
pub fn parse(bytes: &[u8]) -> Result<Election, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut state = Reader::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(err(line, Problem::Csv(e.to_string())));
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        state.last_line = line;
        state.row(&record, line)?;
    }
    state.finish()
}

/// Where the reader is.
#[derive(Debug, Default)]
enum Place {
    #[default]
    Start,
    /// A section title was read; its header row comes next.
    Header(Section, u64),
    /// Inside a section, after its header.
    Body(Section),
}

#[derive(Default)]
struct Reader {
    place: Place,
    seen: Vec<Section>,
    last_line: u64,
    meta: Vec<(String, String)>,
    meta_lines: Vec<u64>,
    meta_line: u64,
    typed: Option<TypedMeta>,
    project_columns: Vec<String>,
    cost_column: usize,
    projects: Vec<Project>,
    ids: HashMap<String, u32>,
    ballots: Ballots,
    points_buf: Vec<Decimal>,
}

struct TypedMeta {
    vote_type: VoteType,
    budget: Decimal,
    constraints: Constraints,
}

impl Reader {
    fn row(&mut self, record: &csv::ByteRecord, line: u64) -> Result<(), ParseError> {
        let blank = record.is_empty() || (record.len() == 1 && record[0].trim_ascii().is_empty());
        if blank {
            return Ok(());
        }
        if let Some(section) = Section::from_title(&record[0]) {
            return self.start_section(section, line);
        }
        match self.place {
            Place::Start => Err(err(line, Problem::OutsideSection)),
            Place::Header(section, _) => self.header(section, record, line),
            Place::Body(Section::Meta) => self.meta_row(record, line),
            Place::Body(Section::Projects) => self.project_row(record, line),
            Place::Body(Section::Votes) => self.ballot_row(record, line),
        }
    }

    fn start_section(&mut self, section: Section, line: u64) -> Result<(), ParseError> {
        if let Place::Header(previous, _) = self.place {
            return Err(err(line, Problem::MissingHeader(previous.name())));
        }
        if self.seen.contains(&section) {
            return Err(err(line, Problem::DuplicateSection(section.name())));
        }
        let required = match section {
            Section::Meta => None,
            Section::Projects => Some(Section::Meta),
            Section::Votes => Some(Section::Projects),
        };
        if let Some(required) = required
            && !self.seen.contains(&required)
        {
            return Err(err(
                line,
                Problem::SectionOrder(section.name(), required.name()),
            ));
        }
        if self.seen.last() == Some(&Section::Meta) {
            self.typed = Some(self.type_meta()?);
        }
        if section == Section::Meta {
            self.meta_line = line;
        }
        self.seen.push(section);
        self.place = Place::Header(section, line);
        Ok(())
    }

    fn header(
        &mut self,
        section: Section,
        record: &csv::ByteRecord,
        line: u64,
    ) -> Result<(), ParseError> {
        let columns = record
            .iter()
            .map(|c| text(c, line).map(str::to_owned))
            .collect::<Result<Vec<_>, _>>()?;
        match section {
            Section::Meta => {}
            Section::Projects => {
                self.cost_column = columns.iter().position(|c| c == "cost").ok_or_else(|| {
                    err(
                        line,
                        Problem::MissingColumn {
                            section: "PROJECTS",
                            column: "cost",
                        },
                    )
                })?;
                self.project_columns = columns;
            }
            Section::Votes => self.votes_header(columns, line)?,
        }
        self.place = Place::Body(section);
        Ok(())
    }

    fn votes_header(&mut self, columns: Vec<String>, line: u64) -> Result<(), ParseError> {
        let has_points = self
            .typed
            .as_ref()
            .is_some_and(|t| t.vote_type.has_points());
        let missing = |column| {
            err(
                line,
                Problem::MissingColumn {
                    section: "VOTES",
                    column,
                },
            )
        };
        if !columns.iter().any(|c| c == "vote") {
            return Err(missing("vote"));
        }
        if has_points && !columns.iter().any(|c| c == "points") {
            return Err(missing("points"));
        }
        let mut kinds = Vec::with_capacity(columns.len());
        let mut text_columns = 0;
        for c in &columns {
            let kind = match c.as_str() {
                // Only the first column of that name is typed; a repeated one stays text.
                "vote" if !kinds.contains(&VoteColumn::Vote) => VoteColumn::Vote,
                "points" if has_points && !kinds.contains(&VoteColumn::Points) => {
                    VoteColumn::Points
                }
                _ => {
                    text_columns += 1;
                    VoteColumn::Text(text_columns - 1)
                }
            };
            kinds.push(kind);
        }
        self.ballots = Ballots {
            columns,
            kinds,
            text: vec![TextColumn::default(); text_columns],
            ..Ballots::default()
        };
        Ok(())
    }

    fn check_len(expected: usize, record: &csv::ByteRecord, line: u64) -> Result<(), ParseError> {
        if record.len() != expected {
            return Err(err(
                line,
                Problem::ColumnCount {
                    expected,
                    found: record.len(),
                },
            ));
        }
        Ok(())
    }

    fn meta_row(&mut self, record: &csv::ByteRecord, line: u64) -> Result<(), ParseError> {
        Self::check_len(2, record, line)?;
        let key = text(&record[0], line)?.to_owned();
        let value = text(&record[1], line)?.to_owned();
        self.meta.push((key, value));
        self.meta_lines.push(line);
        Ok(())
    }

    /// The last META entry for `key`, with its line.
    fn meta_entry(&self, key: &str) -> Option<(&str, u64)> {
        self.meta
            .iter()
            .zip(&self.meta_lines)
            .rev()
            .find(|((k, _), _)| k == key)
            .map(|((_, v), &l)| (v.as_str(), l))
    }

    fn type_meta(&self) -> Result<TypedMeta, ParseError> {
        let required = |key: &'static str| {
            self.meta_entry(key)
                .ok_or_else(|| err(self.meta_line, Problem::MissingMeta(key)))
        };
        let (vt, vt_line) = required("vote_type")?;
        let vote_type = VoteType::parse(vt)
            .ok_or_else(|| err(vt_line, Problem::UnknownVoteType(vt.to_owned())))?;
        let (budget, budget_line) = required("budget")?;
        let budget = number(budget, "budget", budget_line)?;
        let decimal = |key: &'static str| -> Result<Option<Decimal>, ParseError> {
            match self.meta_entry(key) {
                Some((v, l)) if !is_none_cell(v) => number(v, key, l).map(Some),
                _ => Ok(None),
            }
        };
        let integer = |key: &'static str| -> Result<Option<u64>, ParseError> {
            let Some(d) = decimal(key)? else {
                return Ok(None);
            };
            let line = self.meta_entry(key).map_or(0, |(_, l)| l);
            match u64::try_from(d.mantissa()) {
                Ok(n) if d.is_integer() => Ok(Some(n)),
                _ => Err(err(
                    line,
                    Problem::BadNumber {
                        field: key.to_owned(),
                        error: crate::decimal::DecimalError::Invalid(d.to_string()),
                    },
                )),
            }
        };
        let constraints = Constraints {
            min_length: integer("min_length")?,
            max_length: integer("max_length")?,
            min_sum_cost: decimal("min_sum_cost")?,
            max_sum_cost: decimal("max_sum_cost")?,
            min_points: decimal("min_points")?,
            max_points: decimal("max_points")?,
            min_sum_points: decimal("min_sum_points")?,
            max_sum_points: decimal("max_sum_points")?,
        };
        Ok(TypedMeta {
            vote_type,
            budget,
            constraints,
        })
    }

    fn project_row(&mut self, record: &csv::ByteRecord, line: u64) -> Result<(), ParseError> {
        Self::check_len(self.project_columns.len(), record, line)?;
        let cells = record
            .iter()
            .map(|c| opt_text(c, line).map(|o| o.map(str::to_owned)))
            .collect::<Result<Vec<_>, _>>()?;
        let id = match cells.first() {
            Some(Some(id)) if !id.is_empty() => id.clone(),
            _ => return Err(err(line, Problem::EmptyProjectId)),
        };
        let cost = match &cells[self.cost_column] {
            Some(c) => number(c, format!("cost of project {id}"), line)?,
            None => {
                return Err(err(
                    line,
                    Problem::BadNumber {
                        field: format!("cost of project {id}"),
                        error: crate::decimal::DecimalError::Empty,
                    },
                ));
            }
        };
        let index = u32::try_from(self.projects.len())
            .map_err(|_| err(line, Problem::Csv("too many projects".to_owned())))?;
        if self.ids.insert(id.clone(), index).is_some() {
            return Err(err(line, Problem::DuplicateProject(id)));
        }
        self.projects.push(Project { id, cost, cells });
        Ok(())
    }

    fn ballot_row(&mut self, record: &csv::ByteRecord, line: u64) -> Result<(), ParseError> {
        Self::check_len(self.ballots.columns.len(), record, line)?;
        let start = self.ballots.votes.len();
        self.points_buf.clear();
        let mut has_points = false;
        for (cell, kind) in record.iter().zip(&self.ballots.kinds) {
            match *kind {
                VoteColumn::Vote => {
                    let Some(list) = opt_text(cell, line)? else {
                        continue;
                    };
                    for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        let &p = self
                            .ids
                            .get(id)
                            .ok_or_else(|| err(line, Problem::UnknownProject(id.to_owned())))?;
                        self.ballots.votes.push(p);
                    }
                }
                VoteColumn::Points => {
                    has_points = true;
                    let Some(list) = opt_text(cell, line)? else {
                        continue;
                    };
                    for pt in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        self.points_buf.push(number(pt, "points", line)?);
                    }
                }
                VoteColumn::Text(t) => self.ballots.text[t]
                    .push(opt_text(cell, line)?)
                    .ok_or_else(|| err(line, Problem::TooLarge("text of a VOTES column")))?,
            }
        }
        if has_points {
            let votes = self.ballots.votes.len() - start;
            if votes != self.points_buf.len() {
                return Err(err(
                    line,
                    Problem::PointsMismatch {
                        votes,
                        points: self.points_buf.len(),
                    },
                ));
            }
            self.ballots.points.extend_from_slice(&self.points_buf);
        }
        let end = u32::try_from(self.ballots.votes.len())
            .map_err(|_| err(line, Problem::TooLarge("number of votes")))?;
        self.ballots.vote_ends.push(end);
        Ok(())
    }

    fn finish(mut self) -> Result<Election, ParseError> {
        if let Place::Header(section, line) = self.place {
            return Err(err(line, Problem::MissingHeader(section.name())));
        }
        if self.seen.last() == Some(&Section::Meta) {
            self.typed = Some(self.type_meta()?);
        }
        for section in [Section::Meta, Section::Projects, Section::Votes] {
            if !self.seen.contains(&section) {
                return Err(err(self.last_line, Problem::MissingSection(section.name())));
            }
        }
        let Some(typed) = self.typed else {
            return Err(err(self.meta_line, Problem::MissingMeta("vote_type")));
        };
        self.ballots.shrink_to_fit();
        Ok(Election {
            meta: self.meta,
            vote_type: typed.vote_type,
            budget: typed.budget,
            constraints: typed.constraints,
            project_columns: self.project_columns,
            projects: self.projects,
            ballots: self.ballots,
        })
    }
}
