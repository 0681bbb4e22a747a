//! The results framework (capability 9 of DESIGN.md): a programme's objectives → expected
//! results → activities → indicators with baselines and targets; indicators entered by hand
//! with evidence, or computed from the platform by a named query (trainings held, people
//! trained by sex, associations trained, petitions deposited, PB projects funded…); a
//! dashboard of progress against targets; JSON and CSV exports.
//!
//! model (pure rules) · store (SQL, both backends) · routes (HTTP) · views (what pages and
//! exports show) · demo (the seed project's programme).

pub mod demo;
pub mod model;
pub mod routes;
pub mod store;
pub mod views;
