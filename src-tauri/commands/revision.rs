//! Revision commands: history, one snapshot, restore, diff.

use newsdesk_core::{Article, DiffChunk, Lang};
use newsdesk_store::{Revision, RevisionMeta};
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn revision_list(
    state: State<'_, AppState>,
    article_id: Uuid,
) -> CmdResult<Vec<RevisionMeta>> {
    state.with(|s| s.revisions(article_id))
}

#[tauri::command]
pub async fn revision_get(state: State<'_, AppState>, id: Uuid) -> CmdResult<Revision> {
    state.with(|s| s.revision(id))
}

#[tauri::command]
pub async fn revision_restore(
    state: State<'_, AppState>,
    article_id: Uuid,
    id: Uuid,
) -> CmdResult<Article> {
    state.saving(|s, who| s.restore_revision(article_id, id, who))
}

#[tauri::command]
pub async fn revision_diff(
    state: State<'_, AppState>,
    old: Uuid,
    new: Uuid,
    lang: Lang,
) -> CmdResult<Vec<DiffChunk>> {
    state.with(|s| s.diff(old, new, lang))
}
