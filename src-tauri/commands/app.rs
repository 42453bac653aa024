//! What the UI asks about the app itself: version, data folder, whether the store opened.

use newsdesk_core::AppInfo;
use tauri::State;

use crate::state::{os_user, AppState};

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ()> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir.display().to_string(),
        // Who saves are credited to now (the current profile, else the OS user).
        author: state
            .with(|s| s.author(&os_user()))
            .unwrap_or_else(|_| os_user()),
        open_error: state.open_error(),
    })
}
