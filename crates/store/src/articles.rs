//! The `articles` table: the head version of each article.

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, ArticleSummary};
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::error::{Error, Result};

/// A time as the store writes it: RFC 3339 in UTC with milliseconds.
pub(crate) fn ts(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn parse_doc(json: &str) -> Result<Article> {
    Ok(serde_json::from_str(json)?)
}

/// The head of one article, or `None`.
pub fn get(conn: &Connection, id: Uuid) -> Result<Option<Article>> {
    let doc: Option<String> = conn
        .query_row(
            "SELECT doc FROM articles WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    doc.as_deref().map(parse_doc).transpose()
}

/// The head of one article, or a not-found error.
pub fn require(conn: &Connection, id: Uuid) -> Result<Article> {
    get(conn, id)?.ok_or_else(|| Error::NotFound {
        what: "article",
        id: id.to_string(),
    })
}

/// The version of the head, or `None` when the article does not exist.
pub fn version(conn: &Connection, id: Uuid) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT version FROM articles WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The head's version, times and stored JSON, without parsing it.
pub struct HeadRow {
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub trashed_at: Option<DateTime<Utc>>,
    pub doc: String,
}

fn parse_time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Error::Corrupt(format!("a stored time '{s}' does not parse: {e}")))
}

/// The head row of an article, or a not-found error.
pub fn head(conn: &Connection, id: Uuid) -> Result<HeadRow> {
    let row = conn
        .query_row(
            "SELECT version, created_at, updated_at, trashed_at, doc FROM articles WHERE id = ?1",
            [id.to_string()],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "article",
            id: id.to_string(),
        })?;
    Ok(HeadRow {
        version: row.0,
        created_at: parse_time(&row.1)?,
        updated_at: parse_time(&row.2)?,
        trashed_at: row.3.as_deref().map(parse_time).transpose()?,
        doc: row.4,
    })
}

impl HeadRow {
    /// The head, parsed.
    pub fn article(&self) -> Result<Article> {
        parse_doc(&self.doc)
    }
}

/// Inserts a new head.
pub fn insert(conn: &Connection, a: &Article) -> Result<()> {
    conn.execute(
        "INSERT INTO articles (id, version, headline, section, status, created_at, updated_at, trashed_at, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            a.id.to_string(),
            a.version,
            a.headline,
            a.section,
            a.status.as_str(),
            ts(&a.created_at),
            ts(&a.updated_at),
            a.trashed_at.as_ref().map(ts),
            serde_json::to_string(a)?,
        ],
    )?;
    Ok(())
}

/// Replaces the head with `a`.
pub fn update(conn: &Connection, a: &Article) -> Result<()> {
    update_with_doc(conn, a, &serde_json::to_string(a)?)
}

/// Replaces the head with `a`, whose JSON the caller already has (`doc`).
pub fn update_with_doc(conn: &Connection, a: &Article, doc: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE articles SET version = ?2, headline = ?3, section = ?4, status = ?5, created_at = ?6,
                updated_at = ?7, trashed_at = ?8, doc = ?9
         WHERE id = ?1",
        params![
            a.id.to_string(),
            a.version,
            a.headline,
            a.section,
            a.status.as_str(),
            ts(&a.created_at),
            ts(&a.updated_at),
            a.trashed_at.as_ref().map(ts),
            doc,
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "article",
            id: a.id.to_string(),
        });
    }
    Ok(())
}

/// Deletes an article row (its revisions go with it).
pub fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    conn.execute("DELETE FROM articles WHERE id = ?1", [id.to_string()])?;
    Ok(())
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<String> {
    r.get(0)
}

/// Articles newest first: those in the trash when `trash` is true, the others otherwise.
pub fn list(conn: &Connection, trash: bool) -> Result<Vec<ArticleSummary>> {
    let sql = if trash {
        "SELECT doc FROM articles WHERE trashed_at IS NOT NULL ORDER BY updated_at DESC, id"
    } else {
        "SELECT doc FROM articles WHERE trashed_at IS NULL ORDER BY updated_at DESC, id"
    };
    let mut stmt = conn.prepare(sql)?;
    let docs = stmt
        .query_map([], summary_from_row)?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    docs.iter()
        .map(|d| parse_doc(d).map(|a| a.summary()))
        .collect()
}

/// Number of articles, trashed or not.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
}
