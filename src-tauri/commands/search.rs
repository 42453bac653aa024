//! Search commands: run a search, and the recent-searches list.

use newsdesk_core::{RecentSearch, SearchHit, SearchQuery};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// How many recent searches the search box offers.
const RECENT: u32 = 10;

#[tauri::command]
pub async fn search_run(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> CmdResult<Vec<SearchHit>> {
    state.with(|s| s.search(&query))
}

#[tauri::command]
pub async fn search_remember(state: State<'_, AppState>, text: String) -> CmdResult<()> {
    state.with(|s| s.remember_search(&text))
}

#[tauri::command]
pub async fn search_recent(state: State<'_, AppState>) -> CmdResult<Vec<RecentSearch>> {
    state.with(|s| s.recent_searches(RECENT))
}

#[tauri::command]
pub async fn search_clear_recent(state: State<'_, AppState>) -> CmdResult<()> {
    state.with(|s| s.clear_recent_searches())
}
