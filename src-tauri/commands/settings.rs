//! Newsroom settings commands.

use newsdesk_core::Settings;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
pub async fn settings_set(state: State<'_, AppState>, settings: Settings) -> CmdResult<Settings> {
    state.with(|s| {
        s.set_settings(&settings)?;
        s.settings()
    })
}
