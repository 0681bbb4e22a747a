//! Nousharik: the citizen-participation platform (library part of the `nousharik` binary).

pub mod accounts;
pub mod petitions;
pub mod platform;
pub mod territory;
