//! Placement commands: put a photo into an article as a figure, edit its caption, credit
//! and alt text, move or remove its figure, read the printed credits.

use newsdesk_core::{Article, Placement};
use newsdesk_store::PrintedCredit;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn placement_place(
    state: State<'_, AppState>,
    article_id: Uuid,
    photo_id: Uuid,
    at: Option<usize>,
) -> CmdResult<(Placement, Article)> {
    state.saving(|s, who| s.place_photo_at(article_id, photo_id, at, who))
}

#[tauri::command]
pub async fn placement_list(
    state: State<'_, AppState>,
    article_id: Uuid,
) -> CmdResult<Vec<Placement>> {
    state.with(|s| s.placements(article_id))
}

#[tauri::command]
pub async fn placement_update(
    state: State<'_, AppState>,
    placement: Placement,
) -> CmdResult<Placement> {
    state.with(|s| s.update_placement(&placement))
}

#[tauri::command]
pub async fn placement_remove(state: State<'_, AppState>, id: Uuid) -> CmdResult<Article> {
    state.saving(|s, who| s.remove_placement(id, who))
}

#[tauri::command]
pub async fn placement_move(state: State<'_, AppState>, id: Uuid, up: bool) -> CmdResult<Article> {
    state.saving(|s, who| s.move_figure(id, up, who))
}

#[tauri::command]
pub async fn placement_credits(
    state: State<'_, AppState>,
    article_id: Uuid,
) -> CmdResult<Vec<PrintedCredit>> {
    state.with(|s| s.printed_credits(article_id))
}
