//! Watch folder commands: the shared folder the current profile watches for bundles sent
//! to it (`Send to desk`), and the bundles waiting there. The look itself is
//! `newsdesk_bundle::waiting_here`; the window asks again every little while.

use newsdesk_bundle::{Limits, WaitingBundle};
use tauri::{AppHandle, Manager, State};

use crate::error::{from_bundle, ApiError, CmdResult};
use crate::state::AppState;

/// The folder the current profile watches, if any.
#[tauri::command]
pub async fn watch_folder_get(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    state.with(|s| s.watch_folder())
}

/// Sets (or with `null` or a blank name clears) the folder the current profile watches.
#[tauri::command]
pub async fn watch_folder_set(state: State<'_, AppState>, folder: Option<String>) -> CmdResult<()> {
    state.with(|s| s.set_watch_folder(folder.as_deref()))
}

/// The bundles in the watch folder addressed to the current profile, not imported yet.
/// The folder is often a network share: it is read on a blocking thread with a store
/// connection of its own, so a slow share never holds up autosave.
#[tauri::command]
pub async fn watch_waiting(app: AppHandle) -> CmdResult<Vec<WaitingBundle>> {
    tauri::async_runtime::spawn_blocking(move || {
        let store = app.state::<AppState>().open_second()?;
        newsdesk_bundle::waiting_here(&store, &Limits::default()).map_err(from_bundle)
    })
    .await
    .map_err(|e| ApiError::new("internal", e.to_string()))?
}
