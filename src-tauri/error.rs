//! Errors as the UI receives them: `{code, message}` (see `newsdesk_core::ApiError`).

pub use newsdesk_core::ApiError;

/// Result of a command.
pub type CmdResult<T> = Result<T, ApiError>;

/// Maps a store error to what the UI receives.
pub fn from_store(e: newsdesk_store::Error) -> ApiError {
    ApiError::new(e.code(), e.to_string())
}

/// Maps a photo desk error to what the UI receives.
pub fn from_photo(e: newsdesk_photo::Error) -> ApiError {
    ApiError::new(e.code(), e.to_string())
}

/// Maps an export error to what the UI receives.
pub fn from_export(e: newsdesk_export::Error) -> ApiError {
    ApiError::new(e.code(), e.to_string())
}

/// Maps a bundle error to what the UI receives.
pub fn from_bundle(e: newsdesk_bundle::Error) -> ApiError {
    ApiError::new(e.code(), e.to_string())
}

/// Maps a publishing error to what the UI receives, its message in `lang` (the
/// newsroom's language, which the interface speaks).
pub fn from_publish(e: newsdesk_publish::Error, lang: newsdesk_core::Lang) -> ApiError {
    ApiError::new(e.code(), e.message(lang))
}
