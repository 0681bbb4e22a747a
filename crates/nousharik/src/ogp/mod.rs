//! Open government (OGP Local): action plans of a body (region or commune) with their
//! co-creation record, commitments with the OGP fields (LEGAL.md §6), milestones, indicators,
//! six-monthly progress updates with evidence, the staff's self-assessment, the civil-society
//! review by the member associations of the multi-stakeholder forum, the improvement plan, and
//! the published report (web, PDF, JSON, CSV).

pub mod demo;
pub mod model;
pub mod pdf;
pub mod routes;
pub mod store;
pub mod views;
