//! Errors of the export crate, each with a stable [`Error::code`].

use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong exporting.
#[derive(Debug, Error)]
pub enum Error {
    #[error("the output '{0}' already exists; choose another folder or overwrite it (--force)")]
    Exists(PathBuf),
    #[error("refusing to write '{0}': it would be outside the output folder")]
    OutsideFolder(String),
    #[error("the newsroom settings are not usable: {0}")]
    Settings(#[from] newsdesk_core::Error),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("writing the zip file failed: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("writing the DOCX file failed: {0}")]
    Docx(String),
    #[error("{0}")]
    Image(String),
    #[error("could not serialise the export: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Store(#[from] newsdesk_store::Error),
    #[error(transparent)]
    Photo(#[from] newsdesk_photo::Error),
}

impl Error {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Exists(_) => "exists",
            Error::OutsideFolder(_) => "outside_folder",
            Error::Settings(e) => e.code(),
            Error::Io { .. } => "io",
            Error::Zip(_) => "zip",
            Error::Docx(_) => "docx",
            Error::Image(_) => "image",
            Error::Json(_) => "json",
            Error::Store(e) => e.code(),
            Error::Photo(e) => e.code(),
        }
    }

    /// An I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// Result of the export crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
