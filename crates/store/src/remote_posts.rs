//! The `remote_posts` table: the post each article has on each target. A row is
//! written before the post is created (no remote id yet, the slug it will get), so a
//! retry after a lost answer looks the post up instead of creating another.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::articles::ts;
use crate::error::Result;
use crate::revisions::{time_col, uuid_col};

/// An article's post on a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemotePost {
    pub article_id: Uuid,
    pub target: String,
    /// The slug the post was created with (how a lost create is found again).
    pub slug: String,
    /// The post's id on the site; `None` while a create has not been answered.
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    /// The post's public address.
    pub url: String,
    /// The post's status on the site (`publish`, `draft`, …), empty before the create.
    pub status: String,
    /// The article version last sent.
    #[ts(type = "number")]
    pub article_version: i64,
    /// SHA-256 of what was last sent (title, excerpt, content, status, media).
    pub content_hash: String,
    pub at: DateTime<Utc>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<RemotePost> {
    Ok(RemotePost {
        article_id: uuid_col(r, 0)?,
        target: r.get(1)?,
        slug: r.get(2)?,
        remote_id: r.get(3)?,
        url: r.get(4)?,
        status: r.get(5)?,
        article_version: r.get(6)?,
        content_hash: r.get(7)?,
        at: time_col(r, 8)?,
    })
}

const COLUMNS: &str =
    "article_id, target, slug, remote_id, url, status, article_version, content_hash, at";

/// Writes the row for `p.article_id` on `p.target`, replacing what was there.
pub fn put(conn: &Connection, p: &RemotePost) -> Result<()> {
    conn.execute(
        "INSERT INTO remote_posts (article_id, target, slug, remote_id, url, status, article_version, content_hash, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (article_id, target) DO UPDATE SET slug = excluded.slug,
           remote_id = excluded.remote_id, url = excluded.url, status = excluded.status,
           article_version = excluded.article_version, content_hash = excluded.content_hash,
           at = excluded.at",
        params![
            p.article_id.to_string(),
            p.target,
            p.slug,
            p.remote_id,
            p.url,
            p.status,
            p.article_version,
            p.content_hash,
            ts(&p.at),
        ],
    )?;
    Ok(())
}

/// The post of `article_id` on `target`, if one was ever started.
pub fn get(conn: &Connection, article_id: Uuid, target: &str) -> Result<Option<RemotePost>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM remote_posts WHERE article_id = ?1 AND target = ?2"),
            params![article_id.to_string(), target],
            from_row,
        )
        .optional()?)
}

/// Every remote post of an article, by target.
pub fn for_article(conn: &Connection, article_id: Uuid) -> Result<Vec<RemotePost>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM remote_posts WHERE article_id = ?1 ORDER BY target"
    ))?;
    let rows = stmt.query_map([article_id.to_string()], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
