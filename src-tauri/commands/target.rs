//! Publish targets (the websites articles go to) in the newsroom settings: list, save
//! (the application password to the keyring, or the vault file when none answers),
//! remove, test the connection, and the vault password for this run.

use newsdesk_publish::{ConnectionReport, SecretPlace, TargetInput, TargetSaved};
use newsdesk_store::PublishTarget;
use tauri::{AppHandle, Manager, State};

use crate::error::{from_publish, ApiError, CmdResult};
use crate::state::AppState;

#[tauri::command]
pub async fn target_list(state: State<'_, AppState>) -> CmdResult<Vec<PublishTarget>> {
    state.with(|s| s.targets())
}

/// Where a new password would be kept: tells the user when no keyring answers.
#[tauri::command]
pub async fn target_secrets(state: State<'_, AppState>) -> CmdResult<SecretPlace> {
    Ok(newsdesk_publish::secret_place(&state.secrets()))
}

/// Remembers the vault password for this run, once it opens the vault file (code
/// `vault_password` when it does not).
#[tauri::command]
pub async fn target_unlock(state: State<'_, AppState>, password: String) -> CmdResult<()> {
    let lang = state.lang();
    let secrets =
        newsdesk_publish::secret::Secrets::new(&state.data_dir, Some(password.clone()), true);
    secrets.check_vault().map_err(|e| from_publish(e, lang))?;
    state.set_vault_password(password);
    Ok(())
}

/// Adds or changes a target; an empty `password` keeps the stored one.
#[tauri::command]
pub async fn target_save(
    state: State<'_, AppState>,
    target: TargetInput,
    password: Option<String>,
) -> CmdResult<TargetSaved> {
    let (lang, secrets) = (state.lang(), state.secrets());
    state.with_store(|s| {
        newsdesk_publish::save_target(s, &secrets, &target, password.as_deref())
            .map_err(|e| from_publish(e, lang))
    })
}

/// Removes a target, its record of remote posts and media, and its password.
#[tauri::command]
pub async fn target_remove(state: State<'_, AppState>, name: String) -> CmdResult<()> {
    let (lang, secrets) = (state.lang(), state.secrets());
    state.with_store(|s| {
        newsdesk_publish::remove_target(s, &secrets, &name).map_err(|e| from_publish(e, lang))
    })
}

/// Reachability, credentials and API version of a target. Runs off the UI thread and
/// without holding the app's store while it waits on the network.
#[tauri::command]
pub async fn target_test(app: AppHandle, name: String) -> CmdResult<ConnectionReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let (lang, secrets) = (state.lang(), state.secrets());
        let store = state.open_second()?;
        newsdesk_publish::test_target(&store, &secrets, &name).map_err(|e| from_publish(e, lang))
    })
    .await
    .map_err(|e| ApiError::new("internal", e.to_string()))?
}
