//! The Newsdesk store: one SQLite file per newsroom laptop. It owns the connection and
//! its pragmas, the migrations, one module per table, the save protocol with its
//! revisions and conflicts, the merge of bundles from other laptops, the people directory, the data folder and the newsroom's
//! template files. It is the only crate that writes SQL.

pub mod articles;
pub mod data_dir;
mod db;
mod desk;
mod directory;
pub mod error;
mod find;
mod merge;
pub mod migrations;
pub mod open_conflicts;
pub mod people;
pub mod person_codes;
pub mod person_posts;
pub mod person_versions;
pub mod photos;
pub mod placements;
pub mod profiles;
pub mod publish_log;
pub mod publish_targets;
mod publishing;
pub mod received_bundles;
pub mod recent_searches;
pub mod remote_media;
pub mod remote_posts;
pub mod revisions;
mod save;
pub mod search;
pub mod settings;
pub mod status_changes;
pub mod templates;
mod upkeep;
mod watch;
pub mod watch_folders;
mod workflow;

pub use db::{CheckReport, Store, DB_FILE};
pub use desk::PrintedCredit;
pub use directory::{ImportedPerson, PeopleImport};
pub use error::{Error, Result};
pub use find::ReindexProgress;
pub use merge::{ArticleChange, ArticlePlan, Incoming, IncomingArticle, MergePlan};
pub use photos::PhotoFilter;
pub use publish_log::PublishEntry;
pub use publish_targets::PublishTarget;
pub use remote_media::RemoteMedia;
pub use remote_posts::RemotePost;
pub use revisions::{Revision, RevisionKind, RevisionMeta};
pub use save::{Conflict, SaveKind, SaveOutcome};
pub use search::{IndexDoc, SearchPlan};
pub use templates::{TemplateCatalog, TemplateProblem};
pub use upkeep::IndexUpkeep;
pub use workflow::{proofing_findings, ListFilter};
