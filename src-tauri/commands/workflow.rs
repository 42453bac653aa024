//! Workflow commands: the statuses an article may move to, moving it as the current
//! profile, its status history and the draft list filtered by status and person.

use newsdesk_core::workflow::next_statuses;
use newsdesk_core::{Article, ArticleSummary, Status, StatusChange};
use newsdesk_store::ListFilter;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

/// The statuses an article in `from` may move to, in the order the UI offers them.
#[tauri::command]
pub async fn workflow_next(from: Status) -> CmdResult<Vec<Status>> {
    Ok(next_statuses(from).to_vec())
}

/// Moves an article to `to` as the current profile; approving and publishing run the
/// checklist (with the article's figures) and are refused while anything blocks.
#[tauri::command]
pub async fn workflow_change(
    state: State<'_, AppState>,
    id: Uuid,
    to: Status,
) -> CmdResult<Article> {
    state.with(|s| {
        let figures = s.figure_facts(&s.article(id)?, newsdesk_export::gather::output_width())?;
        s.change_status(id, to, None, &figures)
    })
}

/// Who moved the article when, oldest first.
#[tauri::command]
pub async fn workflow_history(
    state: State<'_, AppState>,
    id: Uuid,
) -> CmdResult<Vec<StatusChange>> {
    state.with(|s| s.status_history(id))
}

/// The draft list filtered by status and person.
#[tauri::command]
pub async fn workflow_list(
    state: State<'_, AppState>,
    filter: ListFilter,
) -> CmdResult<Vec<ArticleSummary>> {
    state.with(|s| s.list_filtered(&filter))
}
