//! Person commands: read one person from the directory (the search panel shows them).

use newsdesk_core::Person;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn person_get(state: State<'_, AppState>, id: Uuid) -> CmdResult<Person> {
    state.with(|s| s.person(id))
}
