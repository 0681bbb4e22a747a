//! The pure rules of participatory budgeting: campaigns and their phases, ballots and who may
//! cast them, receipts, proposals, review, paper ballots and implementation tracking. No I/O.

pub mod ballot;
pub mod campaign;
pub mod money;
pub mod project;
pub mod receipt;

pub use ballot::{
    Ballot, BallotContext, BallotError, BallotProject, RawChoice, VoterFacts, check_voter,
    validate_ballot, voting_open,
};
pub use campaign::{
    BallotType, BudgetSpec, CampaignError, CampaignSpec, CountingRule, Phase, Schedule,
    TransitionFacts, VoteScope, advance, reschedule,
};
pub use money::{Money, MoneyError};
pub use receipt::Receipt;
