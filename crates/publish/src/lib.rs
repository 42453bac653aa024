//! Newsdesk publishing: an approved article put on the paper's website without anyone
//! re-typing it. A [`Target`] is one kind of site; WordPress over its REST API
//! ([`wordpress`]) is the first. Another kind (an HTTPS endpoint taking the ninjs
//! package, a vendor CMS) is a new module implementing [`Target`].
//!
//! What a site holds of ours is written to the store step by step through a [`Ledger`]
//! (a row before each create or upload, then its remote id), so a publish that stops
//! half-way resumes without duplicate posts or media, and an update reuses unchanged
//! media (matched by the SHA-256 of the bytes sent).
//!
//! Passwords live in the OS keyring or in an encrypted vault file ([`secret`]), never
//! in the database, the logs or an export.
//!
//! Architecture invariant: no SQL (the store does it) and no Tauri.

pub mod error;
pub mod job;
pub mod secret;
pub mod state;
pub mod targets;
pub mod wordpress;

pub use error::{Error, Result};
pub use job::{publish, target_for, test_target, withdraw, PublishOptions};
pub use state::{
    publish_actions, publish_record, PostState, PublishAction, PublishRecord, StepState,
};
pub use targets::{
    normalise_url, remove_target, save_target, secret_place, SecretPlace, TargetInput, TargetSaved,
};

use newsdesk_store::{RemoteMedia, RemotePost};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One photo to upload: the web rendition with its credits embedded.
#[derive(Debug, Clone)]
pub struct MediaItem {
    /// SHA-256 (hex) of `bytes`: the key that makes an unchanged photo upload once.
    pub hash: String,
    pub bytes: Vec<u8>,
    /// The caption as plain text.
    pub caption: String,
    pub alt: String,
    /// The printed credit line (`Ảnh: NAME`).
    pub credit: String,
    /// The figure this is the photo of.
    pub placement_id: uuid::Uuid,
}

/// An article ready for a site: texts as the site stores them (HTML-escaped where the
/// site reads HTML) and the photos; the body is rendered once media addresses are known.
#[derive(Debug, Clone)]
pub struct Job {
    pub article_id: uuid::Uuid,
    pub article_version: i64,
    /// The post's slug on first publish (kept afterwards).
    pub slug: String,
    /// The headline as HTML text.
    pub title: String,
    /// The lead with the paper tag, as HTML text.
    pub excerpt: String,
    /// The body as HTML, given each figure's uploaded address.
    pub body: BodyRenderer,
    pub media: Vec<MediaItem>,
    pub tags: Vec<String>,
    /// `publish` or `draft`.
    pub status: String,
}

/// Renders the body HTML given each figure's (placement id, media address).
pub type RenderBody = dyn Fn(&[(uuid::Uuid, String)]) -> String + Send + Sync;

/// Renders the body HTML once the media addresses are known.
#[derive(Clone)]
pub struct BodyRenderer(pub std::sync::Arc<RenderBody>);

impl std::fmt::Debug for BodyRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BodyRenderer")
    }
}

/// How far a publish is, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishProgress {
    /// Steps done so far (each photo, then the post).
    pub done: u32,
    pub total: u32,
    /// What is being done (`upload photo 1/2`, `reused photo 2/2`, `post`).
    pub step: String,
}

/// What a publish or withdraw left on the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Published {
    pub target: String,
    #[ts(type = "number")]
    pub remote_id: i64,
    pub url: String,
    /// The post's status on the site.
    pub status: String,
    /// Photos uploaded by this run.
    pub uploaded: u32,
    /// Photos already on the site and reused.
    pub reused: u32,
    /// True when the post existed before (an update).
    pub updated: bool,
}

/// What a connection test found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConnectionReport {
    /// The site's name.
    pub site: String,
    /// The API the target talks (`wp/v2`).
    pub api: String,
    /// The user the password belongs to, as the site names it.
    pub user: String,
}

/// The record of what a site holds of ours, written as each step completes.
pub trait Ledger {
    fn media(&self, hash: &str) -> Result<Option<RemoteMedia>>;
    /// Records an upload: `None` before it starts, then its id and address.
    fn put_media(&mut self, hash: &str, remote: Option<(i64, String)>) -> Result<()>;
    fn forget_media(&mut self, hash: &str) -> Result<()>;
    fn post(&self) -> Result<Option<RemotePost>>;
    fn put_post(&mut self, post: &RemotePost) -> Result<()>;
}

/// One kind of website.
pub trait Target {
    /// Reachability, credentials and the API version, each failing with its own error.
    fn test(&self) -> Result<ConnectionReport>;
    /// Puts `job` on the site: uploads the photos the ledger does not have, creates or
    /// updates the post, recording each step in `ledger`.
    fn publish(
        &self,
        job: &Job,
        ledger: &mut dyn Ledger,
        progress: &mut dyn FnMut(PublishProgress),
    ) -> Result<Published>;
    /// Takes the post off the site (WordPress: back to draft), recording it.
    fn withdraw(&self, ledger: &mut dyn Ledger) -> Result<Published>;
}
