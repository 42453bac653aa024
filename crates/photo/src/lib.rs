//! The Newsdesk photo desk: the content-addressed store of originals and renditions
//! ([`PhotoFiles`]), metadata reading (EXIF, IPTC-IIM, XMP), renditions made from a
//! reduced-size decode, and batch import with progress and per-file results.
//! It knows nothing of Tauri and writes no SQL: library rows go through `newsdesk-store`.

pub mod error;
pub mod files;
pub mod format;
pub mod ingest;
pub mod metadata;
pub mod rendition;

pub use error::{Error, Result};
pub use files::{sha256_hex, PhotoFiles, Recovery};
pub use format::Limits;
pub use ingest::{import, ImportOptions, ImportOutcome, ImportProgress, ImportResult};
pub use rendition::{Renditions, Size};
