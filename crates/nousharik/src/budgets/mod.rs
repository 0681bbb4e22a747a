//! Participatory budgeting: campaigns for a territory with one or more budgets, proposals,
//! technical review, secret ballots with receipts, counting with the `pb` engine, published
//! results and implementation tracking. See crates/nousharik/README.md ("Participatory
//! budgets").

pub mod bench;
pub mod count;
pub mod demo;
pub mod durable;
pub mod mails;
pub mod model;
pub mod publish;
pub mod routes;
pub mod store;
pub mod views;
