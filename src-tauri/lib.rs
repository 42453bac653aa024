//! The Newsdesk app shell: opens the store, registers the commands and hosts the UI.
//! No domain rules live here; see ARCHITECTURE.md.

mod commands;
mod error;
mod state;
mod upkeep;

use std::path::{Path, PathBuf};

use tauri::{Emitter, Manager};

use crate::state::{AppState, PendingBundle};

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

/// The name the running app holds on the session bus: one running app per data folder, so a
/// second start on the same folder hands over its arguments, and one on another folder (a
/// second laptop in the tests) runs beside it. FNV-1a of the folder: stable across builds.
fn instance_id(explicit: Option<&Path>) -> String {
    let key = newsdesk_store::data_dir::resolve(explicit)
        .map(|d| std::path::absolute(&d).unwrap_or(d).display().to_string())
        .unwrap_or_default();
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("vn.newsdesk.app.d{hash:016x}")
}

/// A second start of the app on the same data folder: bring the window forward and show the
/// bundle it was asked to open, if any.
fn second_start(app: &tauri::AppHandle, argv: Vec<String>, cwd: String) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
    if let Some(path) = newsdesk_bundle::bundle_in_args(argv.iter().skip(1), Path::new(&cwd)) {
        let _ = app.emit_to(
            "main",
            commands::bundle::BUNDLE_OPEN,
            path.display().to_string(),
        );
    }
}

/// Starts the app.
pub fn run() {
    let explicit = data_dir_arg();
    tauri::Builder::default()
        // First, so that a second start exits before it opens anything.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id(explicit.as_deref()))
                .callback(second_start)
                .build(),
        )
        // Native open/save dialogs (photo import, export destination): the window may only
        // ask the user to pick; it never reads or writes a path by itself.
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
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
            upkeep::start(app.handle().clone());
            // A .ndbundle double-clicked in the file manager starts the app with its path.
            let cwd = std::env::current_dir().unwrap_or_default();
            app.manage(PendingBundle::new(newsdesk_bundle::bundle_in_args(
                std::env::args_os().skip(1),
                &cwd,
            )));
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
            commands::bundle::bundle_pending,
            commands::bundle::bundle_send_to_desk,
            commands::watch::watch_folder_get,
            commands::watch::watch_folder_set,
            commands::watch::watch_waiting,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Newsdesk");
}
