//! Declares the app's own commands so that capabilities must allow each one by name.

const COMMANDS: &[&str] = &[
    "app_info",
    "article_list",
    "article_get",
    "article_create",
    "article_save",
    "article_trash",
    "article_untrash",
    "article_purge",
    "revision_list",
    "revision_get",
    "revision_restore",
    "revision_diff",
    "settings_get",
    "settings_set",
    "search_run",
    "search_remember",
    "search_recent",
    "search_clear_recent",
    "photo_get",
    "person_get",
    "person_list",
    "person_find",
    "person_add",
    "person_update",
    "person_remove",
    "person_import_csv",
    "person_voice",
    "person_expand",
    "template_list",
    "article_from_template",
    "photo_import",
    "photo_list",
    "photo_update_meta",
    "photo_renditions_dir",
    "placement_place",
    "placement_list",
    "placement_update",
    "placement_remove",
    "placement_move",
    "placement_credits",
    "proof_texts",
    "proof_convert",
    "proof_config_get",
    "proof_config_set",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS))
            .capabilities_path_pattern("src-tauri/capabilities/**/*.json"),
    )
    .expect("tauri build step failed");
}
