//! Accounts and roles: sign-up, confirmation, log-in, sessions, profile, data export and
//! deletion, memberships, and resident verification by staff.
//!
//! `model` holds the pure rules, `store` the SQL, `routes` the account pages, `admin` the
//! administration and staff pages, `mails` the mails, `views` what the pages share, `demo`
//! the demo accounts. Sessions, CSRF and the permission rules themselves are shared platform
//! code: `platform::session` and `platform::permissions`.

pub mod admin;
pub mod demo;
pub mod mails;
pub mod model;
pub mod routes;
pub mod store;
pub mod views;
