//! The `publish_targets` table: the websites articles are published to. The password
//! is never stored here; `secret_store` says where it is (OS keyring or vault file).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::articles::ts;
use crate::error::Result;
use crate::revisions::time_col;

/// A website to publish to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishTarget {
    /// The name the newsroom gives it (`web`, `site-en`).
    pub name: String,
    /// The kind of site: `wordpress`.
    pub kind: String,
    /// The site's base address (`https://example.vn`).
    pub url: String,
    /// The user the application password belongs to.
    pub user: String,
    /// Where the password is kept: `keyring` or `vault`.
    pub secret_store: String,
    pub created_at: DateTime<Utc>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<PublishTarget> {
    Ok(PublishTarget {
        name: r.get(0)?,
        kind: r.get(1)?,
        url: r.get(2)?,
        user: r.get(3)?,
        secret_store: r.get(4)?,
        created_at: time_col(r, 5)?,
    })
}

const COLUMNS: &str = "name, kind, url, user_name, secret_store, created_at";

/// Adds a target or replaces the one with the same name (its remote records stay).
pub fn upsert(conn: &Connection, t: &PublishTarget) -> Result<()> {
    conn.execute(
        "INSERT INTO publish_targets (name, kind, url, user_name, secret_store, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url,
           user_name = excluded.user_name, secret_store = excluded.secret_store",
        params![
            t.name,
            t.kind,
            t.url,
            t.user,
            t.secret_store,
            ts(&t.created_at)
        ],
    )?;
    Ok(())
}

/// Every target, by name.
pub fn list(conn: &Connection) -> Result<Vec<PublishTarget>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM publish_targets ORDER BY name"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The target called `name`, if any.
pub fn get(conn: &Connection, name: &str) -> Result<Option<PublishTarget>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM publish_targets WHERE name = ?1"),
            [name],
            from_row,
        )
        .optional()?)
}

/// Removes a target and, by cascade, what it recorded of remote posts and media.
pub fn delete(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM publish_targets WHERE name = ?1", [name])? > 0)
}
