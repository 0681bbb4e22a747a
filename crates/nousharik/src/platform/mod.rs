//! What every module shares.

pub mod ids;
pub mod permissions;
