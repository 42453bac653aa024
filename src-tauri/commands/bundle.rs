//! Bundle commands: send articles to another laptop as a `.ndbundle` file, preview what
//! a received bundle would change, import it, and list and close the conflicts it brought.
//! Progress for large bundles arrives as `bundle-progress` events (a `BundleProgress`); a
//! bundle the app is asked to open (double-click) is taken once with `bundle_pending`, or
//! arrives as a `bundle-open` event while the app runs.

use std::path::PathBuf;

use newsdesk_bundle::{BundleManifest, BundlePreview, Limits};
use newsdesk_store::{Conflict, MergePlan};
use tauri::{AppHandle, Emitter, State};
use uuid::Uuid;

use crate::error::{from_bundle, CmdResult};
use crate::state::{AppState, PendingBundle};

/// Event sent as a bundle is written, checked or stored, with a `BundleProgress`.
pub const BUNDLE_PROGRESS: &str = "bundle-progress";

/// Event sent to the window when a second start of the app (a bundle double-clicked while
/// it runs) asks it to open a bundle, with the bundle's path.
pub const BUNDLE_OPEN: &str = "bundle-open";

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

/// `Send to desk`: writes the articles `ids` into the current profile's watch folder,
/// addressed to the profile `to`; returns the file written.
#[tauri::command]
pub async fn bundle_send_to_desk(
    app: AppHandle,
    state: State<'_, AppState>,
    ids: Vec<Uuid>,
    to: String,
) -> CmdResult<String> {
    let files = state.require_photo_files()?;
    state.with_store(|s| {
        newsdesk_bundle::send_to_my_desk(s, files, &ids, &to, |p| {
            let _ = app.emit(BUNDLE_PROGRESS, p);
        })
        .map(|(path, _)| path.display().to_string())
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

/// The bundle the app was started to open (double-clicked in the file manager), once.
#[tauri::command]
pub async fn bundle_pending(pending: State<'_, PendingBundle>) -> CmdResult<Option<String>> {
    Ok(pending.take().map(|p| p.display().to_string()))
}
