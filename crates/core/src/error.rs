//! Errors of the domain crate.

use thiserror::Error;

/// What can be wrong with data handed to the domain.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum Error {
    /// A value breaks a rule of the document model; `path` names the field (`body.blocks[2].level`).
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    /// Text that is not JSON, or JSON that does not fit the article format; `path` names the field.
    #[error("{path}: {message}")]
    Json { path: String, message: String },
    /// A file written by a newer Newsdesk than this one.
    #[error("this file uses format version {found}; this Newsdesk reads up to version {supported}. Update Newsdesk to open it")]
    NewerFormat { found: u32, supported: u32 },
    /// A time zone name that is not in the IANA database.
    #[error("unknown time zone '{0}' (expected an IANA name such as Asia/Ho_Chi_Minh)")]
    UnknownTimeZone(String),
}

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A stable machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::Json { .. } => "invalid_json",
            Error::NewerFormat { .. } => "newer_format",
            Error::UnknownTimeZone(_) => "unknown_time_zone",
        }
    }
}

/// Result of the domain crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
