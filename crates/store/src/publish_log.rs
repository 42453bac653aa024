//! The `publish_log` table: every export of an article — what, when, by whom, where,
//! with the checksum of what was written and whether it updated an earlier export.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::articles::ts;
use crate::error::Result;
use crate::revisions::{time_col, uuid_col};

/// One export in the publish log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishEntry {
    pub article_id: Uuid,
    /// The article version that was exported.
    #[ts(type = "number")]
    pub article_version: i64,
    /// `html`, `md`, `docx`, `ninjs` or `package`.
    pub format: String,
    /// Where it was written (a folder or file path).
    pub destination: String,
    /// SHA-256 (hex) of the main file written.
    pub checksum: String,
    /// The profile that exported.
    pub profile_name: String,
    /// True when an earlier export of this article had a different version: the
    /// partners get it as an update.
    pub is_update: bool,
    pub at: DateTime<Utc>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<PublishEntry> {
    Ok(PublishEntry {
        article_id: uuid_col(r, 0)?,
        article_version: r.get(1)?,
        format: r.get(2)?,
        destination: r.get(3)?,
        checksum: r.get(4)?,
        profile_name: r.get(5)?,
        is_update: r.get::<_, i64>(6)? == 1,
        at: time_col(r, 7)?,
    })
}

const COLUMNS: &str =
    "article_id, article_version, format, destination, checksum, profile_name, is_update, at";

/// Appends an entry.
pub fn insert(conn: &Connection, e: &PublishEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO publish_log (article_id, article_version, format, destination, checksum, profile_name, is_update, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            e.article_id.to_string(),
            e.article_version,
            e.format,
            e.destination,
            e.checksum,
            e.profile_name,
            e.is_update as i64,
            ts(&e.at),
        ],
    )?;
    Ok(())
}

/// The latest entry for an article, if it was ever exported.
pub fn latest(conn: &Connection, article_id: Uuid) -> Result<Option<PublishEntry>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM publish_log WHERE article_id = ?1 ORDER BY id DESC LIMIT 1"
            ),
            [article_id.to_string()],
            from_row,
        )
        .optional()?)
}

/// Every entry for an article, oldest first.
pub fn for_article(conn: &Connection, article_id: Uuid) -> Result<Vec<PublishEntry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM publish_log WHERE article_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([article_id.to_string()], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
