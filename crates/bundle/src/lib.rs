//! Article bundles: the hand-off between laptops. [`export`] writes one `.ndbundle`
//! file (a zip, see [`manifest`] and `docs/bundle.md`) with the articles' whole history,
//! the people they reference and the photos placed in them. [`Bundle::open`] reads one
//! and checks all of it — the zip, every checksum, the format version, every name, every
//! size, every JSON entry and every photo's pixels — before anything is written;
//! [`Bundle::plan`] says what it would change and [`Bundle::import`] stores the photos and
//! merges the rest in one store transaction (`Store::merge`).
//! It writes no SQL and knows nothing of Tauri.

pub mod error;
pub mod manifest;
mod open;
mod read;
mod watch;
mod write;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use error::{Error, Result};
pub use manifest::{
    BundleArticle, BundleEntry, BundleManifest, BundleSender, EXTENSION, FORMAT, FORMAT_VERSION,
};
pub use open::{bundle_in_args, is_bundle};
pub use read::Bundle;
pub use watch::{bundle_key, send_to_desk, send_to_my_desk, waiting, waiting_here, WaitingBundle};
pub use write::{export, export_to};

/// Bounds on what a bundle may hold, checked before anything is read in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the zip.
    pub max_entries: usize,
    /// Bytes of one JSON entry (an article with its whole history, a person, a photo row).
    pub max_json_bytes: u64,
    /// Bytes of all entries together, as declared.
    pub max_total_bytes: u64,
    /// What the photo desk decodes (the largest original among them).
    pub photo: newsdesk_photo::Limits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 20_000,
            max_json_bytes: 256 * 1024 * 1024,
            max_total_bytes: 8 * 1024 * 1024 * 1024,
            photo: newsdesk_photo::Limits::default(),
        }
    }
}

/// What a bundle operation is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BundleStep {
    /// Writing a bundle.
    Writing,
    /// Checking a bundle's entries.
    Checking,
    /// Storing its photos.
    Storing,
}

/// Where a bundle operation has got to, in bytes (photos make up most of a large bundle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BundleProgress {
    pub step: BundleStep,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    /// The entry just finished.
    pub entry: String,
}

/// What a bundle holds and what importing it would change, for the preview before import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BundlePreview {
    pub manifest: BundleManifest,
    pub plan: newsdesk_store::MergePlan,
    /// Importing would change nothing here ([`newsdesk_store::MergePlan::changes_nothing`]).
    pub changes_nothing: bool,
}

/// Opens and checks the bundle at `path` and says what importing it would change. Nothing
/// is written, but for one thing: a bundle that would change nothing is remembered as
/// received (importing it would do only that), so a watch folder does not offer it again.
pub fn preview(
    store: &mut newsdesk_store::Store,
    path: &std::path::Path,
    limits: &Limits,
) -> Result<BundlePreview> {
    let bundle = Bundle::open(path, limits, |_| {})?;
    let plan = bundle.plan(store)?;
    let changes_nothing = plan.changes_nothing();
    if changes_nothing {
        store.remember_bundle(
            &watch::bundle_key(bundle.manifest()),
            &path.display().to_string(),
        )?;
    }
    Ok(BundlePreview {
        manifest: bundle.manifest().clone(),
        plan,
        changes_nothing,
    })
}

/// Opens, checks and imports the bundle at `path` (see [`Bundle::import`]).
pub fn import(
    store: &mut newsdesk_store::Store,
    files: &newsdesk_photo::PhotoFiles,
    path: &std::path::Path,
    limits: &Limits,
    mut progress: impl FnMut(&BundleProgress),
) -> Result<newsdesk_store::MergePlan> {
    let bundle = Bundle::open(path, limits, &mut progress)?;
    bundle.import(store, files, progress)
}
