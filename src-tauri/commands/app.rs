//! What the UI asks about the app itself: version, data folder, whether the store opened.

use newsdesk_core::AppInfo;
use tauri::State;

use crate::state::{author, AppState};

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ()> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir.display().to_string(),
        author: author(),
        open_error: state.open_error(),
    })
}
