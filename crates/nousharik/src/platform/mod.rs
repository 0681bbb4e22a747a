//! What every module shares.

pub mod ids;
pub mod password;
pub mod pdf;
pub mod permissions;
pub mod secret;
