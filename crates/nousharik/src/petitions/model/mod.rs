//! Pure petition rules: no I/O, no clock, no database — everything is passed in.

pub mod cin;
pub mod deadline;
pub mod eligibility;
pub mod procedure;
pub mod progress;
pub mod rules;
