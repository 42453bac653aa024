//! The `watch_folders` table: the shared folder each profile watches for bundles
//! addressed to it.

use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::error::Result;

/// The folder `profile_id` watches, if one is set.
pub fn get(conn: &Connection, profile_id: Uuid) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT folder FROM watch_folders WHERE profile_id = ?1",
            [profile_id.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Sets the folder `profile_id` watches, or with `None` stops watching.
pub fn set(conn: &Connection, profile_id: Uuid, folder: Option<&str>) -> Result<()> {
    match folder {
        Some(f) => conn.execute(
            "INSERT INTO watch_folders (profile_id, folder) VALUES (?1, ?2)
             ON CONFLICT (profile_id) DO UPDATE SET folder = excluded.folder",
            params![profile_id.to_string(), f],
        )?,
        None => conn.execute(
            "DELETE FROM watch_folders WHERE profile_id = ?1",
            [profile_id.to_string()],
        )?,
    };
    Ok(())
}
