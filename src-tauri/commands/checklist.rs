//! The pre-publish checklist of an article, as the editor's panel shows it.

use newsdesk_core::Checklist;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

/// Runs the checklist over the stored article and its figures.
#[tauri::command]
pub async fn checklist_run(state: State<'_, AppState>, id: Uuid) -> CmdResult<Checklist> {
    state.with(|s| {
        let a = s.article(id)?;
        let width = newsdesk_export::gather::output_width();
        let figures = s.figure_facts(&a, width)?;
        s.checklist(&a, &figures, width)
    })
}
