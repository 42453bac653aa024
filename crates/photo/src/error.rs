//! Errors of the photo desk. Each has a stable [`Error::code`] for the UI and scripts;
//! the message names the file and says what is wrong with it.

use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong importing or serving a photo.
#[derive(Debug, Error)]
pub enum Error {
    #[error("'{name}' is empty (0 bytes)")]
    Empty { name: String },
    #[error("'{name}' is not an image Newsdesk can read (it is not JPEG, PNG or WebP)")]
    NotAnImage { name: String },
    #[error(
        "'{name}' is a {format} image, which Newsdesk cannot import yet; export it as JPEG first"
    )]
    Unsupported { name: String, format: String },
    #[error("'{name}' is a {actual} image but its name ends in '.{extension}'; rename it and import again")]
    WrongExtension {
        name: String,
        actual: String,
        extension: String,
    },
    #[error("'{name}' declares {width}×{height} pixels; the limit is {limit}×{limit} and {max_megapixels} megapixels")]
    TooManyPixels {
        name: String,
        width: u64,
        height: u64,
        limit: u32,
        max_megapixels: u32,
    },
    #[error("'{name}' is {size_mb} MB; the limit is {limit_mb} MB")]
    FileTooLarge {
        name: String,
        size_mb: u64,
        limit_mb: u64,
    },
    #[error("'{name}' carries {size_kb} KB of metadata; the limit is {limit_kb} KB")]
    MetadataTooLarge {
        name: String,
        size_kb: u64,
        limit_kb: u64,
    },
    #[error("'{name}' is damaged or cut short and cannot be decoded: {reason}")]
    Damaged { name: String, reason: String },
    #[error("could not make the renditions of '{name}': {reason}")]
    Rendition { name: String, reason: String },
    #[error("{context} '{path}': {source}")]
    Io {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] newsdesk_store::Error),
}

impl Error {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "empty_file",
            Error::NotAnImage { .. } => "not_an_image",
            Error::Unsupported { .. } => "unsupported_format",
            Error::WrongExtension { .. } => "wrong_extension",
            Error::TooManyPixels { .. } => "too_many_pixels",
            Error::FileTooLarge { .. } => "file_too_large",
            Error::MetadataTooLarge { .. } => "metadata_too_large",
            Error::Damaged { .. } => "damaged",
            Error::Rendition { .. } => "rendition",
            Error::Io { .. } => "io",
            Error::Store(e) => e.code(),
        }
    }

    /// Shorthand for an [`Error::Io`].
    pub(crate) fn io(
        context: &'static str,
        path: &std::path::Path,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            context,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Result of the photo crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
