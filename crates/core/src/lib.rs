//! The Newsdesk domain: what an article is, the typed document its body is written in,
//! bylines, newsroom settings and the date line. Pure data and rules: no I/O, no SQL,
//! no knowledge of Tauri or the command line.

pub mod article;
pub mod byline;
pub mod credit;
pub mod dateline;
pub mod diff;
pub mod document;
pub mod error;
pub mod file;
pub mod photo;
pub mod settings;
pub mod text;
pub mod time;

pub use article::{Article, ArticleSummary, NewArticle, Status};
pub use byline::{Byline, Role};
pub use dateline::{dateline, short_time};
pub use diff::{DiffChunk, DiffOp};
pub use document::{Block, Document, Inline, ListItem, Mark, SCHEMA_VERSION};
pub use error::{Error, Result};
pub use file::ArticleFile;
pub use photo::{GpsPosition, Photo, PhotoFormat, PhotoMeta, Placement};
pub use settings::{Lang, Settings};
