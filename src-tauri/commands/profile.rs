//! Profile commands: who is working on this laptop (the author of status changes and exports).

use newsdesk_core::{Profile, ProfileRole};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn profile_list(state: State<'_, AppState>) -> CmdResult<Vec<Profile>> {
    state.with(|s| s.profiles())
}

/// The current profile, or `null` when none was chosen yet.
#[tauri::command]
pub async fn profile_current(state: State<'_, AppState>) -> CmdResult<Option<Profile>> {
    state.with(|s| s.current_profile())
}

/// Adds a profile (the first one becomes current).
#[tauri::command]
pub async fn profile_add(
    state: State<'_, AppState>,
    name: String,
    role: ProfileRole,
) -> CmdResult<Profile> {
    state.with(|s| s.add_profile(&name, role))
}

/// Makes the profile called `name` the current one.
#[tauri::command]
pub async fn profile_use(state: State<'_, AppState>, name: String) -> CmdResult<Profile> {
    state.with(|s| s.use_profile(&name))
}
