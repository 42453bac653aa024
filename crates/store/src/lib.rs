//! The Newsdesk store: one SQLite file per newsroom laptop. It owns the connection and
//! its pragmas, the migrations, one module per table, the save protocol with its
//! revisions and conflicts, and the data folder. It is the only crate that writes SQL.

pub mod articles;
pub mod data_dir;
mod db;
mod desk;
pub mod error;
pub mod migrations;
pub mod photos;
pub mod placements;
pub mod revisions;
mod save;
pub mod settings;

pub use db::{CheckReport, Store, DB_FILE};
pub use desk::PrintedCredit;
pub use error::{Error, Result};
pub use photos::PhotoFilter;
pub use revisions::{Revision, RevisionKind, RevisionMeta};
pub use save::{Conflict, SaveKind, SaveOutcome};
