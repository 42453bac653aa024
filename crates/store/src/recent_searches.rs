//! The `recent_searches` table: the last searches run, newest first, each text once.

use chrono::{DateTime, Utc};
use newsdesk_core::RecentSearch;
use rusqlite::{params, Connection};

use crate::error::{Error, Result};

/// How many recent searches are kept.
pub const KEEP: i64 = 50;

/// Records that `text` was searched at `at` (moving it to the top), keeping the newest [`KEEP`].
pub fn record(conn: &Connection, text: &str, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO recent_searches (query, searched_at) VALUES (?1, ?2)
         ON CONFLICT (query) DO UPDATE SET searched_at = excluded.searched_at",
        params![
            text,
            at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        ],
    )?;
    conn.execute(
        "DELETE FROM recent_searches WHERE query NOT IN
           (SELECT query FROM recent_searches ORDER BY searched_at DESC, query LIMIT ?1)",
        [KEEP],
    )?;
    Ok(())
}

/// The most recent searches, newest first.
pub fn list(conn: &Connection, limit: u32) -> Result<Vec<RecentSearch>> {
    let mut stmt = conn.prepare(
        "SELECT query, searched_at FROM recent_searches ORDER BY searched_at DESC, query LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(text, at)| {
            let searched_at = DateTime::parse_from_rfc3339(&at)
                .map_err(|e| Error::Corrupt(format!("a recent search has a bad time '{at}': {e}")))?
                .with_timezone(&Utc);
            Ok(RecentSearch { text, searched_at })
        })
        .collect()
}

/// Forgets every recent search.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM recent_searches", [])?;
    Ok(())
}
