//! Participatory-budgeting engine: Pabulib files, exact counting rules and explanations.
//!
//! No web, no database: a pure library used by the Nousharik platform and by anyone else.

pub mod instance;

pub use instance::{Instance, ProjectIx, Satisfaction, TieBreak, VoterIx};
