//! Petitions to councils (LEGAL.md §1) and national dossiers (§2).
//!
//! `model` holds the pure rules and the state machine, `store` the SQL, `service` carries out
//! the procedure (permissions, rules, records), `routes` and `views` the pages.

pub mod bench;
pub mod demo;
pub mod jobs;
pub mod model;
pub mod routes;
pub mod service;
pub mod signing;
pub mod store;
pub mod views;

#[cfg(test)]
mod http_tests;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
