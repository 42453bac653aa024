//! Bundle commands: send articles to another laptop as a `.ndbundle` file, preview what
//! a received bundle would change, import it, and list and close the conflicts it brought. Progress for large bundles arrives as
//! `bundle-progress` events (a `BundleProgress`).

use std::path::PathBuf;

use newsdesk_bundle::{BundleManifest, BundlePreview, Limits};
use newsdesk_store::{Conflict, MergePlan};
use tauri::{AppHandle, Emitter, State};
use uuid::Uuid;

use crate::error::{from_bundle, CmdResult};
use crate::state::AppState;

/// Event sent as a bundle is written, checked or stored, with a `BundleProgress`.
pub const BUNDLE_PROGRESS: &str = "bundle-progress";

/// Writes the articles `ids` to a new bundle file at `path`.
#[tauri::command]
pub async fn bundle_export(
    app: AppHandle,
    state: State<'_, AppState>,
    ids: Vec<Uuid>,
    path: String,
) -> CmdResult<BundleManifest> {
    let files = state.require_photo_files()?;
    state.with_store(|s| {
        newsdesk_bundle::export(s, files, &ids, &PathBuf::from(&path), |p| {
            let _ = app.emit(BUNDLE_PROGRESS, p);
        })
        .map_err(from_bundle)
    })
}

/// Checks the bundle at `path` and says what importing it would change; writes nothing.
#[tauri::command]
pub async fn bundle_plan(state: State<'_, AppState>, path: String) -> CmdResult<BundlePreview> {
    state.with_store(|s| {
        newsdesk_bundle::preview(s, &PathBuf::from(&path), &Limits::default()).map_err(from_bundle)
    })
}

/// Checks and imports the bundle at `path`; returns what changed.
#[tauri::command]
pub async fn bundle_import(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> CmdResult<MergePlan> {
    let files = state.require_photo_files()?;
    state.with_store(|s| {
        newsdesk_bundle::import(s, files, &PathBuf::from(&path), &Limits::default(), |p| {
            let _ = app.emit(BUNDLE_PROGRESS, p);
        })
        .map_err(from_bundle)
    })
}

/// The conflicts bundles brought into an article that are not resolved yet.
#[tauri::command]
pub async fn bundle_conflicts(
    state: State<'_, AppState>,
    article_id: Uuid,
) -> CmdResult<Vec<Conflict>> {
    state.with(|s| s.open_conflicts(article_id))
}

/// Marks a conflict a bundle brought in as resolved (both texts stay in the history).
#[tauri::command]
pub async fn bundle_resolve_conflict(
    state: State<'_, AppState>,
    revision_id: Uuid,
) -> CmdResult<()> {
    state.with(|s| s.resolve_conflict(revision_id))
}
