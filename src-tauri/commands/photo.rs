//! Photo library commands: import files in the background (progress and the per-file
//! report arrive as events), list and filter the library, read and edit a photo's metadata.

use std::path::PathBuf;

use newsdesk_core::{Photo, PhotoMeta};
use newsdesk_photo::{import, ImportOptions, ImportOutcome, ImportResult};
use newsdesk_store::PhotoFilter;
use tauri::{AppHandle, Emitter, Manager, State};
use uuid::Uuid;

use crate::error::{from_photo, from_store, CmdResult};
use crate::state::{os_user, AppState};

/// Event sent after each imported file, with an `ImportProgress`.
pub const IMPORT_PROGRESS: &str = "photo-import-progress";
/// Event sent once a batch is finished, with one `ImportOutcome` per file given.
pub const IMPORT_DONE: &str = "photo-import-done";

/// Starts importing `paths` (from a drop or the file dialog) and returns at once; the
/// work runs on a background thread and reports through [`IMPORT_PROGRESS`] and [`IMPORT_DONE`].
#[tauri::command]
pub async fn photo_import(
    app: AppHandle,
    paths: Vec<String>,
    article: Option<Uuid>,
) -> CmdResult<()> {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let result = state.require_photo_files().and_then(|files| {
            state.with_store(|store| {
                let opts = ImportOptions {
                    article,
                    author: store.author(&os_user()).map_err(from_store)?,
                    ..ImportOptions::default()
                };
                import(store, files, &paths, &opts, |p| {
                    let _ = app.emit(IMPORT_PROGRESS, p);
                })
                .map_err(from_photo)
            })
        });
        // A batch that could not start still answers every file, so the report is complete.
        let outcomes = result.unwrap_or_else(|e| {
            paths
                .iter()
                .map(|p| ImportOutcome {
                    file: p.display().to_string(),
                    result: ImportResult::Failed {
                        code: e.code.clone(),
                        message: e.message.clone(),
                    },
                })
                .collect()
        });
        let _ = app.emit(IMPORT_DONE, outcomes);
    });
    Ok(())
}

#[tauri::command]
pub async fn photo_list(state: State<'_, AppState>, filter: PhotoFilter) -> CmdResult<Vec<Photo>> {
    state.with(|s| s.photos(&filter))
}

#[tauri::command]
pub async fn photo_get(state: State<'_, AppState>, id: Uuid) -> CmdResult<Photo> {
    state.with(|s| s.photo(id))
}

#[tauri::command]
pub async fn photo_update_meta(
    state: State<'_, AppState>,
    id: Uuid,
    meta: PhotoMeta,
) -> CmdResult<Photo> {
    state.with(|s| s.update_photo_meta(id, &meta))
}

/// The folder holding the renditions (the only files the webview may load, through the
/// asset protocol).
#[tauri::command]
pub async fn photo_renditions_dir(state: State<'_, AppState>) -> CmdResult<String> {
    let files = state.require_photo_files()?;
    Ok(files.root().join("renditions").display().to_string())
}
