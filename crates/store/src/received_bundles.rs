//! The `received_bundles` table: bundles imported on this laptop, by key (the SHA-256 of
//! their manifest), so one still lying in a watch folder is not offered again.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::articles::ts;
use crate::error::Result;

/// Records a bundle as received; a second record of the same key is ignored.
pub fn insert(conn: &Connection, key: &str, path: &str, at: &DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO received_bundles (key, path, received_at) VALUES (?1, ?2, ?3)",
        params![key, path, ts(at)],
    )?;
    Ok(())
}

/// Whether the bundle `key` was received here.
pub fn contains(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM received_bundles WHERE key = ?1)",
        [key],
        |r| r.get(0),
    )?)
}
