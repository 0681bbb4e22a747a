//! Accounts and roles: sign-up, confirmation, log-in, sessions, profile, memberships and
//! resident verification.

pub mod model;
