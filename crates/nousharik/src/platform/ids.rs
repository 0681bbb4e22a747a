//! Typed identifiers shared by every module.
//!
//! Rows are addressed by `i64` keys in both SQLite and PostgreSQL; wrapping them keeps a user id
//! from being passed where an organisation id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A user account (`users.id`).
    UserId
);
id_type!(
    /// An organisation: council, bureau, committee, consultative body, cell, association
    /// (`organisations.id`).
    OrganisationId
);
id_type!(
    /// A territory: region, prefecture/province, commune, arrondissement (`territories.id`).
    TerritoryId
);
