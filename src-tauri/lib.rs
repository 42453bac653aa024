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
        .setup(|app| {
            let explicit = data_dir_arg();
            let dir = match newsdesk_store::data_dir::resolve(explicit.as_deref()) {
                Ok(d) => d,
                Err(_) => app.path().app_data_dir()?,
            };
            app.manage(AppState::open(dir));
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
            commands::proof::proof_texts,
            commands::proof::proof_convert,
            commands::proof::proof_config_get,
            commands::proof::proof_config_set,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Newsdesk");
}
