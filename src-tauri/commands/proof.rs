//! Proofing commands: proof the article's text blocks with the house settings, convert
//! pasted legacy-encoded text, and read/write the house proofing settings.

use newsdesk_proof::{Config, Converted, Finding};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// Proofs each text (headline, lead, each body text block) separately, so the editor can
/// map each finding's character offsets back into its own block. Returns one list per text.
#[tauri::command]
pub async fn proof_texts(
    state: State<'_, AppState>,
    texts: Vec<String>,
) -> CmdResult<Vec<Vec<Finding>>> {
    let config = state.with(|s| s.proof_config())?;
    Ok(texts
        .iter()
        .map(|t| newsdesk_proof::proof(t, &config))
        .collect())
}

/// Converts pasted text in NFD, TCVN3 or VNI to NFC Unicode and says what it was.
#[tauri::command]
pub async fn proof_convert(text: String) -> CmdResult<Converted> {
    Ok(newsdesk_proof::to_unicode(&text))
}

/// The house proofing settings.
#[tauri::command]
pub async fn proof_config_get(state: State<'_, AppState>) -> CmdResult<Config> {
    state.with(|s| s.proof_config())
}

/// Replaces the house proofing settings and returns them as stored.
#[tauri::command]
pub async fn proof_config_set(state: State<'_, AppState>, config: Config) -> CmdResult<Config> {
    state.with(|s| {
        s.set_proof_config(&config)?;
        s.proof_config()
    })
}
