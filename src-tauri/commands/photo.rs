//! Photo commands: read one photo (the search panel shows its details).

use newsdesk_core::Photo;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn photo_get(state: State<'_, AppState>, id: Uuid) -> CmdResult<Photo> {
    state.with(|s| s.photo(id))
}
