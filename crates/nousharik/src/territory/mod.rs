//! Territories and organisations: the region → prefectures/provinces → communes →
//! arrondissements hierarchy with legal populations, the councils with their bureaux and
//! standing committees, consultative bodies, coordination cells, and the association registry.

pub mod admin;
pub mod demo;
pub mod import;
pub mod model;
pub mod reference;
pub mod routes;
pub mod store;
