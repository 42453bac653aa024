//! Errors of the store. Each has a stable [`Error::code`] for the UI and scripts.

use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong reading or writing the store.
#[derive(Debug, Error)]
pub enum Error {
    #[error("the file '{0}' is not a Newsdesk database (not SQLite, or damaged)")]
    NotADatabase(PathBuf),
    #[error("the database was written by a newer Newsdesk (schema {found}; this one knows up to {supported}). Update Newsdesk; the database was not changed")]
    NewerSchema { found: i64, supported: i64 },
    #[error("the data folder '{path}' cannot be used: {reason}")]
    DataDir { path: PathBuf, reason: String },
    #[error("not saved: the disk is full. The previous version is intact; free some space and save again")]
    DiskFull,
    #[error("not saved: the database is read-only. The previous version is intact")]
    ReadOnly,
    #[error("the database is busy in another window or process; try again")]
    Busy,
    #[error("{what} '{id}' was not found")]
    NotFound { what: &'static str, id: String },
    #[error("article '{0}' is not in the trash; only trashed articles can be purged")]
    NotInTrash(String),
    #[error("photo '{0}' is placed in an article; remove it from the article first")]
    PhotoPlaced(String),
    #[error("the file '{0}' already exists; choose another name")]
    Exists(PathBuf),
    #[error("the code '{code}' already belongs to person {person}")]
    CodeTaken { code: String, person: String },
    #[error("there is no template '{0}' (see `newsdesk templates list`)")]
    NoTemplate(String),
    #[error(
        "no profile is chosen: add one with `newsdesk profile add NAME --role ROLE` or pass --as"
    )]
    NoProfile,
    #[error("a profile named '{0}' already exists")]
    ProfileTaken(String),
    #[error("the pre-publish checklist blocks this: {}", .0.iter().map(|f| format!("{} ({})", f.message, f.path)).collect::<Vec<_>>().join("; "))]
    Checklist(Vec<newsdesk_core::Finding>),
    #[error(transparent)]
    Invalid(#[from] newsdesk_core::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotADatabase(_) => "not_a_database",
            Error::NewerSchema { .. } => "newer_schema",
            Error::DataDir { .. } => "data_dir",
            Error::DiskFull => "disk_full",
            Error::ReadOnly => "read_only",
            Error::Busy => "busy",
            Error::NotFound { .. } => "not_found",
            Error::NotInTrash(_) => "not_in_trash",
            Error::PhotoPlaced(_) => "photo_placed",
            Error::Exists(_) => "exists",
            Error::CodeTaken { .. } => "code_taken",
            Error::NoTemplate(_) => "no_template",
            Error::NoProfile => "no_profile",
            Error::ProfileTaken(_) => "profile_taken",
            Error::Checklist(_) => "checklist",
            Error::Invalid(e) => e.code(),
            Error::Corrupt(_) => "corrupt",
            Error::Sqlite(_) => "database",
            Error::Io { .. } => "io",
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            Some(ErrorCode::ReadOnly) => Error::ReadOnly,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::NotADatabase) => Error::NotADatabase(PathBuf::new()),
            _ => Error::Sqlite(e),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Corrupt(format!("a stored document does not parse: {e}"))
    }
}

/// Result of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;
