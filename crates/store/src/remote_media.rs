//! The `remote_media` table: media uploaded to a target, keyed by the SHA-256 of the
//! bytes sent, so the same bytes are uploaded once. A row without a remote id is an
//! upload whose answer was not seen.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::articles::ts;
use crate::error::Result;
use crate::revisions::time_col;

/// One uploaded file on a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemoteMedia {
    pub target: String,
    /// SHA-256 (hex) of the bytes uploaded.
    pub content_hash: String,
    /// The media id on the site; `None` while the upload has not been answered.
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    /// The file's address on the site.
    pub url: String,
    pub at: DateTime<Utc>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<RemoteMedia> {
    Ok(RemoteMedia {
        target: r.get(0)?,
        content_hash: r.get(1)?,
        remote_id: r.get(2)?,
        url: r.get(3)?,
        at: time_col(r, 4)?,
    })
}

const COLUMNS: &str = "target, content_hash, remote_id, url, at";

/// Writes the row for `m.content_hash` on `m.target`, replacing what was there.
pub fn put(conn: &Connection, m: &RemoteMedia) -> Result<()> {
    conn.execute(
        "INSERT INTO remote_media (target, content_hash, remote_id, url, at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (target, content_hash) DO UPDATE SET remote_id = excluded.remote_id,
           url = excluded.url, at = excluded.at",
        params![m.target, m.content_hash, m.remote_id, m.url, ts(&m.at)],
    )?;
    Ok(())
}

/// The media with these bytes on `target`, if an upload was ever started.
pub fn get(conn: &Connection, target: &str, content_hash: &str) -> Result<Option<RemoteMedia>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM remote_media WHERE target = ?1 AND content_hash = ?2"),
            params![target, content_hash],
            from_row,
        )
        .optional()?)
}

/// Forgets an entry (the site no longer has that media).
pub fn delete(conn: &Connection, target: &str, content_hash: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM remote_media WHERE target = ?1 AND content_hash = ?2",
        params![target, content_hash],
    )?;
    Ok(())
}

/// How many files were uploaded to `target`.
pub fn count(conn: &Connection, target: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM remote_media WHERE target = ?1 AND remote_id IS NOT NULL",
        [target],
        |r| r.get(0),
    )?)
}
