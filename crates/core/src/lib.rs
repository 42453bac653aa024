//! The Newsdesk domain: what an article is, the typed document its body is written in,
//! bylines, newsroom settings and the date line, the interview blocks, the people
//! directory's entries and article templates. Pure data and rules: no I/O, no SQL,
//! no knowledge of Tauri or the command line.

pub mod api;
pub mod article;
pub mod byline;
pub mod checklist;
pub mod credit;
pub mod dateline;
pub mod diff;
pub mod document;
pub mod error;
pub mod file;
pub mod finding;
pub mod fold;
pub mod interview;
pub mod person;
pub mod person_csv;
pub mod photo;
pub mod search;
pub mod settings;
pub mod template;
pub mod text;
pub mod time;
pub mod workflow;

pub use api::{ApiError, AppInfo};
pub use article::{Article, ArticleSummary, NewArticle, Status};
pub use byline::{Byline, Role};
pub use checklist::{Checklist, ChecklistInput, FigureFacts};
pub use dateline::{dateline, short_time};
pub use diff::{DiffChunk, DiffOp};
pub use document::{Block, Document, Inline, ListItem, Mark, PlaceholderAt, SCHEMA_VERSION};
pub use error::{Error, Result};
pub use file::ArticleFile;
pub use finding::{Finding, Severity};
pub use interview::{
    person_line, Interview, LabelStyle, PersonLine, Speaker, Turn, Voice, VoiceSection,
};
pub use person::{
    expand_codes, Designation, Expansion, NewPerson, Person, PersonCode, Post, PostKind,
};
pub use photo::{GpsPosition, Photo, PhotoFormat, PhotoMeta, Placement};
pub use search::{RecentSearch, SearchHit, SearchKind, SearchQuery, TextPart};
pub use settings::{Lang, Settings};
pub use template::{Template, TemplateSource};
pub use workflow::{Profile, ProfileRole, StatusChange};
