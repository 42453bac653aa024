//! Article commands: list, get, create, save, trash.

use newsdesk_core::{Article, ArticleSummary, NewArticle};
use newsdesk_store::{SaveKind, SaveOutcome};
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn article_list(
    state: State<'_, AppState>,
    trash: bool,
) -> CmdResult<Vec<ArticleSummary>> {
    state.with(|s| s.list(trash))
}

#[tauri::command]
pub async fn article_get(state: State<'_, AppState>, id: Uuid) -> CmdResult<Article> {
    state.with(|s| s.article(id))
}

#[tauri::command]
pub async fn article_create(state: State<'_, AppState>, new: NewArticle) -> CmdResult<Article> {
    state.saving(|s, who| s.create(new, who))
}

#[tauri::command]
pub async fn article_save(
    state: State<'_, AppState>,
    article: Article,
    expected_version: i64,
    kind: SaveKind,
) -> CmdResult<SaveOutcome> {
    state.saving(|s, who| s.save(&article, expected_version, kind, who))
}

#[tauri::command]
pub async fn article_trash(state: State<'_, AppState>, id: Uuid) -> CmdResult<Article> {
    state.with(|s| s.trash(id))
}

#[tauri::command]
pub async fn article_untrash(state: State<'_, AppState>, id: Uuid) -> CmdResult<Article> {
    state.with(|s| s.untrash(id))
}

#[tauri::command]
pub async fn article_purge(state: State<'_, AppState>, id: Uuid) -> CmdResult<()> {
    state.with(|s| s.purge(id))
}
