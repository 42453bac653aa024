//! The `status_changes` table: who moved which article to which status, and when.

use newsdesk_core::{Status, StatusChange};
use rusqlite::{params, Connection, Row};
use uuid::Uuid;

use crate::articles::ts;
use crate::error::Result;
use crate::revisions::{time_col, uuid_col};

fn status_col(r: &Row<'_>, i: usize) -> rusqlite::Result<Status> {
    let s: String = r.get(i)?;
    Status::parse(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<StatusChange> {
    Ok(StatusChange {
        article_id: uuid_col(r, 0)?,
        from: status_col(r, 1)?,
        to: status_col(r, 2)?,
        profile_id: uuid_col(r, 3)?,
        profile_name: r.get(4)?,
        at: time_col(r, 5)?,
    })
}

/// Records a change.
pub fn insert(conn: &Connection, c: &StatusChange) -> Result<()> {
    conn.execute(
        "INSERT INTO status_changes (article_id, from_status, to_status, profile_id, profile_name, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            c.article_id.to_string(),
            c.from.as_str(),
            c.to.as_str(),
            c.profile_id.to_string(),
            c.profile_name,
            ts(&c.at),
        ],
    )?;
    Ok(())
}

/// The changes of one article, oldest first.
pub fn for_article(conn: &Connection, article_id: Uuid) -> Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare(
        "SELECT article_id, from_status, to_status, profile_id, profile_name, at
         FROM status_changes WHERE article_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([article_id.to_string()], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ids of the articles a profile has moved at least once.
pub fn articles_touched_by(conn: &Connection, profile_id: Uuid) -> Result<Vec<Uuid>> {
    let mut stmt =
        conn.prepare("SELECT DISTINCT article_id FROM status_changes WHERE profile_id = ?1")?;
    let rows = stmt.query_map([profile_id.to_string()], |r| uuid_col(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether this exact change (article, statuses, profile, time) is already recorded.
pub fn exists(conn: &Connection, c: &StatusChange) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM status_changes WHERE article_id = ?1 AND from_status = ?2
                 AND to_status = ?3 AND profile_id = ?4 AND at = ?5)",
        params![
            c.article_id.to_string(),
            c.from.as_str(),
            c.to.as_str(),
            c.profile_id.to_string(),
            ts(&c.at),
        ],
        |r| r.get(0),
    )?)
}
