//! Petitions to councils (LEGAL.md §1) and national dossiers (§2).

pub mod model;
