//! Placement commands: put a photo into an article as a figure, edit its caption, credit
//! and alt text, move or remove its figure, read the printed credits.

use newsdesk_core::{Article, Placement};
use newsdesk_store::PrintedCredit;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::{author, AppState};

#[tauri::command]
pub async fn placement_place(
    state: State<'_, AppState>,
    article_id: Uuid,
    photo_id: Uuid,
    at: Option<usize>,
) -> CmdResult<(Placement, Article)> {
    state.with(|s| s.place_photo_at(article_id, photo_id, at, &author()))
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
    state.with(|s| s.remove_placement(id, &author()))
}

#[tauri::command]
pub async fn placement_move(state: State<'_, AppState>, id: Uuid, up: bool) -> CmdResult<Article> {
    state.with(|s| s.move_figure(id, up, &author()))
}

#[tauri::command]
pub async fn placement_credits(
    state: State<'_, AppState>,
    article_id: Uuid,
) -> CmdResult<Vec<PrintedCredit>> {
    state.with(|s| s.printed_credits(article_id))
}
