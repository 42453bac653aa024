//! The Newsdesk app shell: opens the store, registers the commands and hosts the UI.
//! No domain rules live here; see ARCHITECTURE.md.

mod commands;
mod error;
mod state;

use std::path::PathBuf;

use tauri::Manager;

use crate::state::AppState;

/// The data folder from `--data-dir DIR` (or `--data-dir=DIR`) on the command line, if given.
fn data_dir_arg() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// Starts the app.
pub fn run() {
    tauri::Builder::default()
        // Native open/save dialogs (photo import, export destination): the window may only
        // ask the user to pick; it never reads or writes a path by itself.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let explicit = data_dir_arg();
            let dir = match newsdesk_store::data_dir::resolve(explicit.as_deref()) {
                Ok(d) => d,
                Err(_) => app.path().app_data_dir()?,
            };
            let state = AppState::open(dir);
            // The webview may read the photo store's renditions and nothing else of the disk.
            if let Some(files) = state.photo_files() {
                app.asset_protocol_scope()
                    .allow_directory(files.root().join("renditions"), true)?;
            }
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::article::article_list,
            commands::article::article_get,
            commands::article::article_create,
            commands::article::article_save,
            commands::article::article_trash,
            commands::article::article_untrash,
            commands::article::article_purge,
            commands::revision::revision_list,
            commands::revision::revision_get,
            commands::revision::revision_restore,
            commands::revision::revision_diff,
            commands::settings::settings_get,
            commands::settings::settings_set,
            commands::search::search_run,
            commands::search::search_remember,
            commands::search::search_recent,
            commands::search::search_clear_recent,
            commands::photo::photo_get,
            commands::person::person_get,
            commands::person::person_list,
            commands::person::person_find,
            commands::person::person_add,
            commands::person::person_update,
            commands::person::person_remove,
            commands::person::person_import_csv,
            commands::person::person_voice,
            commands::person::person_expand,
            commands::template::template_list,
            commands::template::article_from_template,
            commands::photo::photo_import,
            commands::photo::photo_list,
            commands::photo::photo_update_meta,
            commands::photo::photo_renditions_dir,
            commands::placement::placement_place,
            commands::placement::placement_list,
            commands::placement::placement_update,
            commands::placement::placement_remove,
            commands::placement::placement_move,
            commands::placement::placement_credits,
            commands::proof::proof_texts,
            commands::proof::proof_convert,
            commands::proof::proof_config_get,
            commands::proof::proof_config_set,
            commands::profile::profile_list,
            commands::profile::profile_current,
            commands::profile::profile_add,
            commands::profile::profile_use,
            commands::workflow::workflow_next,
            commands::workflow::workflow_change,
            commands::workflow::workflow_history,
            commands::workflow::workflow_list,
            commands::checklist::checklist_run,
            commands::export::export_run,
            commands::bundle::bundle_export,
            commands::bundle::bundle_plan,
            commands::bundle::bundle_import,
            commands::bundle::bundle_conflicts,
            commands::bundle::bundle_resolve_conflict,
            commands::target::target_list,
            commands::target::target_secrets,
            commands::target::target_unlock,
            commands::target::target_save,
            commands::target::target_remove,
            commands::target::target_test,
            commands::publish::publish_run,
            commands::publish::publish_withdraw,
            commands::publish::publish_record,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Newsdesk");
}
