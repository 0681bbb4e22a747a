//! Nousharik (نشارك): the citizen-participation platform of a Moroccan region and its communes.
//!
//! `platform` holds what every module shares; each capability is a folder of its own
//! (model · store · routes · views). See crates/nousharik/README.md for the conventions.

pub mod accounts;
pub mod admin;
pub mod budgets;
pub mod cli;
pub mod demo;
pub mod home;
pub mod meetings;
pub mod ogp;
pub mod pbcli;
pub mod petitions;
pub mod platform;
pub mod results;
pub mod territory;
