//! What can go wrong writing or reading a bundle. Every refusal happens before anything
//! is written to the receiving laptop; each has a stable [`Error::code`] and a message
//! that says what to do.

use std::path::PathBuf;

use thiserror::Error;

/// A bundle refused, or a bundle that could not be written.
#[derive(Debug, Error)]
pub enum Error {
    #[error("'{path}' is not a Newsdesk bundle: {reason}")]
    NotABundle { path: PathBuf, reason: String },
    #[error("the bundle '{path}' is damaged or cut short ({reason}); ask the sender to send it again. Nothing was changed")]
    Damaged { path: PathBuf, reason: String },
    #[error("the bundle was made by a newer Newsdesk (format {found}; this one reads up to {supported}). Update Newsdesk; nothing was changed")]
    NewerFormat { found: u32, supported: u32 },
    #[error("the bundle holds an entry named '{name}', which points outside the bundle; it was refused and nothing was changed")]
    UnsafePath { name: String },
    #[error("the bundle entry '{name}' declares {bytes} bytes; the limit is {limit} bytes. It was refused and nothing was changed")]
    TooLarge {
        name: String,
        bytes: u64,
        limit: u64,
    },
    #[error("the bundle holds {count} entries; the limit is {limit}. It was refused and nothing was changed")]
    TooManyEntries { count: usize, limit: usize },
    #[error("the bundle entry '{name}' does not match its checksum: it was changed or damaged on the way. Nothing was changed")]
    Checksum { name: String },
    #[error("the bundle entry '{name}' {reason}. Nothing was changed")]
    Invalid { name: String, reason: String },
    // The cause is part of the message, not a `source`, so it is printed once.
    #[error("a photo in the bundle cannot be used: {problem}. Nothing was changed")]
    Photo {
        name: String,
        problem: newsdesk_photo::Error,
    },
    #[error("the file '{0}' already exists; choose another name")]
    Exists(PathBuf),
    #[error("give at least one article to send")]
    NothingToSend,
    #[error("say which profile the bundle is for")]
    NoRecipient,
    #[error("this profile has no watch folder: choose one in the profile settings")]
    NoWatchFolder,
    #[error("{context} '{path}': {problem}")]
    Io {
        context: &'static str,
        path: PathBuf,
        problem: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] newsdesk_store::Error),
}

impl Error {
    /// A stable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotABundle { .. } => "not_a_bundle",
            Error::NoRecipient => "bundle_no_recipient",
            Error::NoWatchFolder => "bundle_no_watch_folder",
            Error::Damaged { .. } => "bundle_damaged",
            Error::NewerFormat { .. } => "bundle_newer_format",
            Error::UnsafePath { .. } => "bundle_unsafe_path",
            Error::TooLarge { .. } => "bundle_too_large",
            Error::TooManyEntries { .. } => "bundle_too_many_entries",
            Error::Checksum { .. } => "bundle_checksum",
            Error::Invalid { .. } => "bundle_invalid",
            Error::Photo { .. } => "bundle_photo",
            Error::Exists(_) => "exists",
            Error::NothingToSend => "invalid",
            Error::Io { .. } => "io",
            Error::Store(e) => e.code(),
        }
    }

    pub(crate) fn io(
        context: &'static str,
        path: &std::path::Path,
        problem: std::io::Error,
    ) -> Error {
        Error::Io {
            context,
            path: path.to_owned(),
            problem,
        }
    }
}

/// Results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
