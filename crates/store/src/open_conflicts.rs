//! The `open_conflicts` table: conflict revisions a bundle brought in that the editor
//! has not resolved yet.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::articles::ts;
use crate::error::Result;
use crate::revisions::uuid_col;

/// Records an open conflict; a second record of the same revision is ignored.
pub fn insert(
    conn: &Connection,
    revision_id: Uuid,
    article_id: Uuid,
    source: &str,
    at: &DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO open_conflicts (revision_id, article_id, source, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            revision_id.to_string(),
            article_id.to_string(),
            source,
            ts(at)
        ],
    )?;
    Ok(())
}

/// The open conflict revisions of an article, oldest first.
pub fn for_article(conn: &Connection, article_id: Uuid) -> Result<Vec<Uuid>> {
    let mut stmt = conn.prepare(
        "SELECT revision_id FROM open_conflicts WHERE article_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([article_id.to_string()], |r| uuid_col(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a conflict resolved. Returns whether it was open.
pub fn delete(conn: &Connection, revision_id: Uuid) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM open_conflicts WHERE revision_id = ?1",
        [revision_id.to_string()],
    )? > 0)
}

/// Number of open conflicts, all articles.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM open_conflicts", [], |r| r.get(0))?)
}
