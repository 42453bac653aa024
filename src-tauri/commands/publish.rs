//! Publishing an article to a target from the app. `publish_run` works in the background
//! on its own store connection (the app's stays free for autosave) and reports
//! `publish-progress` (a `PublishProgress` per step), then `publish-done` (`Published`)
//! or `publish-failed` (an `ApiError`). Publishing again after a failure resumes it.

use newsdesk_publish::{PublishOptions, PublishProgress, PublishRecord, Published};
use tauri::{AppHandle, Emitter, Manager, State};
use uuid::Uuid;

use crate::error::{from_publish, ApiError, CmdResult};
use crate::state::AppState;

/// Event sent after each step, with a `PublishProgress`.
pub const PUBLISH_PROGRESS: &str = "publish-progress";
/// Event sent when the post is on the site, with the `Published`.
pub const PUBLISH_DONE: &str = "publish-done";
/// Event sent when the publish stopped, with an `ApiError`.
pub const PUBLISH_FAILED: &str = "publish-failed";

/// Starts publishing (or updating, or resuming) article `id` on `target` and returns at
/// once; `live` publishes for readers (the article moves to published), otherwise a
/// draft on the site. The checklist runs first (code `checklist` when it blocks).
#[tauri::command]
pub async fn publish_run(app: AppHandle, id: Uuid, target: String, live: bool) -> CmdResult<()> {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let lang = state.lang();
        let secrets = state.secrets();
        let result = state.open_second().and_then(|mut store| {
            newsdesk_publish::publish(
                &mut store,
                &secrets,
                &state.data_dir,
                id,
                &PublishOptions {
                    target: &target,
                    live,
                    profile: None,
                },
                &mut |p: PublishProgress| {
                    let _ = app.emit(PUBLISH_PROGRESS, p);
                },
            )
            .map_err(|e| from_publish(e, lang))
        });
        match result {
            Ok(p) => {
                let _ = app.emit(PUBLISH_DONE, p);
            }
            Err(e) => {
                let _ = app.emit(PUBLISH_FAILED, e);
            }
        }
    });
    Ok(())
}

/// Takes article `id` off `target` (the post goes back to draft there) and moves a
/// published article to withdrawn.
#[tauri::command]
pub async fn publish_withdraw(app: AppHandle, id: Uuid, target: String) -> CmdResult<Published> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let (lang, secrets) = (state.lang(), state.secrets());
        let mut store = state.open_second()?;
        newsdesk_publish::withdraw(&mut store, &secrets, id, &target, None)
            .map_err(|e| from_publish(e, lang))
    })
    .await
    .map_err(|e| ApiError::new("internal", e.to_string()))?
}

/// The article's publish log (exports and publishes) and its posts on each target, with
/// the steps an interrupted publish completed.
#[tauri::command]
pub async fn publish_record(state: State<'_, AppState>, id: Uuid) -> CmdResult<PublishRecord> {
    let lang = state.lang();
    state.with_store(|s| {
        newsdesk_publish::publish_record(s, &state.data_dir, id).map_err(|e| from_publish(e, lang))
    })
}
