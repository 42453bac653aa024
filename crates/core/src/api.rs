//! The shape errors take when they cross to the UI or a script: a stable code to branch
//! on and a message to show. Front ends build it from each crate's error; nobody
//! matches on message text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApiError {
    /// Stable machine-readable code, e.g. `disk_full`, `not_found`, `invalid`.
    pub code: String,
    /// A sentence a person can act on.
    pub message: String,
}

impl ApiError {
    /// An error with a code and message.
    pub fn new(code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> Self {
        ApiError::new(e.code(), e.to_string())
    }
}

/// What the UI learns about the running app at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// The data folder in use.
    pub data_dir: String,
    /// The name revisions are saved under.
    pub author: String,
    /// Set when the database could not be opened; the UI shows it instead of the desk.
    pub open_error: Option<ApiError>,
}
