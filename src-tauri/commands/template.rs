//! Template commands: the catalogue "New article" offers and making an article from one.

use newsdesk_core::Article;
use newsdesk_store::TemplateCatalog;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// The built-in and newsroom templates, with the files that could not be used.
#[tauri::command]
pub async fn template_list(state: State<'_, AppState>) -> CmdResult<TemplateCatalog> {
    state.with(|s| Ok(s.templates()))
}

/// A new article from the template `key`, with `bylines` in the template's role.
#[tauri::command]
pub async fn article_from_template(
    state: State<'_, AppState>,
    key: String,
    bylines: Vec<String>,
) -> CmdResult<Article> {
    state.saving(|s, who| s.create_from_template(&key, &bylines, who))
}
