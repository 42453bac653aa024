//! Errors of the proofing crate. Proofing itself cannot fail; loading a dictionary can.

use thiserror::Error;

/// What can go wrong around proofing.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// A hunspell dictionary that cannot be read or parsed.
    #[error("cannot load the hunspell dictionary '{path}': {message}")]
    Dictionary { path: String, message: String },
}

impl Error {
    /// A stable machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Dictionary { .. } => "dictionary",
        }
    }
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
