//! Participatory-budgeting engine: Pabulib files, exact counting rules and explanations.
//!
//! No web, no database: a pure library used by the Nousharik platform and by anyone else.

pub mod completion;
pub mod decimal;
pub mod explain;
pub mod greedy;
pub mod instance;
pub mod max_welfare;
pub mod mes;
pub mod pabulib;
pub mod phragmen;
mod ratio;
pub mod rules;

pub use decimal::Decimal;
pub use instance::{Instance, ProjectIx, Satisfaction, Supporters, TieBreak, VoterIx};
pub use pabulib::{Election, ParseError, VoteType};
