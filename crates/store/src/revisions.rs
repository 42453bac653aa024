//! The `revisions` table: every save, restore, import and the losing side of every
//! conflict, as a full snapshot of the article.

use chrono::{DateTime, Utc};
use newsdesk_core::Article;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};

/// How a revision came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RevisionKind {
    /// The first version of a new article.
    Create,
    /// An autosave or ordinary save.
    Save,
    /// A save the writer marked (Ctrl+S), with a label.
    Named,
    /// Restoring an older revision.
    Restore,
    /// Text that lost a conflict: kept, never the head.
    Conflict,
    /// Brought in from an article file or bundle.
    Import,
}

impl RevisionKind {
    fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Create => "create",
            RevisionKind::Save => "save",
            RevisionKind::Named => "named",
            RevisionKind::Restore => "restore",
            RevisionKind::Conflict => "conflict",
            RevisionKind::Import => "import",
        }
    }

    fn parse(s: &str) -> rusqlite::Result<RevisionKind> {
        Ok(match s {
            "create" => RevisionKind::Create,
            "save" => RevisionKind::Save,
            "named" => RevisionKind::Named,
            "restore" => RevisionKind::Restore,
            "conflict" => RevisionKind::Conflict,
            "import" => RevisionKind::Import,
            other => {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    4,
                    rusqlite::types::Type::Text,
                    format!("unknown revision kind {other}").into(),
                ))
            }
        })
    }
}

/// A revision without its snapshot, for the history list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RevisionMeta {
    pub id: Uuid,
    pub article_id: Uuid,
    /// The article version this revision became; `None` for a kept conflict text.
    #[ts(type = "number | null")]
    pub version: Option<i64>,
    /// The version the writer started the edit from.
    #[ts(type = "number")]
    pub base_version: i64,
    pub kind: RevisionKind,
    pub label: Option<String>,
    pub author: String,
    pub created_at: DateTime<Utc>,
    /// The headline at that revision.
    pub headline: String,
}

/// A revision with its full snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Revision {
    pub meta: RevisionMeta,
    pub article: Article,
}

const META_COLUMNS: &str =
    "id, article_id, version, base_version, kind, label, author, created_at, json_extract(doc, '$.headline')";

/// Column `i` read as a UUID.
pub(crate) fn uuid_col(r: &Row<'_>, i: usize) -> rusqlite::Result<Uuid> {
    let s: String = r.get(i)?;
    Uuid::parse_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Column `i` read as an RFC 3339 time.
pub(crate) fn time_col(r: &Row<'_>, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    let s: String = r.get(i)?;
    DateTime::parse_from_rfc3339(&s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn meta_from_row(r: &Row<'_>) -> rusqlite::Result<RevisionMeta> {
    Ok(RevisionMeta {
        id: uuid_col(r, 0)?,
        article_id: uuid_col(r, 1)?,
        version: r.get(2)?,
        base_version: r.get(3)?,
        kind: RevisionKind::parse(&r.get::<_, String>(4)?)?,
        label: r.get(5)?,
        author: r.get(6)?,
        created_at: time_col(r, 7)?,
        headline: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
    })
}

/// Inserts a revision holding `article` as its snapshot.
pub fn insert(conn: &Connection, meta: &RevisionMeta, article: &Article) -> Result<()> {
    insert_with_doc(conn, meta, &serde_json::to_string(article)?)
}

/// Inserts a revision whose snapshot JSON the caller already has (`doc`).
pub fn insert_with_doc(conn: &Connection, meta: &RevisionMeta, doc: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO revisions (id, article_id, version, base_version, kind, label, author, created_at, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            meta.id.to_string(),
            meta.article_id.to_string(),
            meta.version,
            meta.base_version,
            meta.kind.as_str(),
            meta.label,
            meta.author,
            meta.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            doc,
        ],
    )?;
    Ok(())
}

/// Revisions of an article, oldest first.
pub fn list(conn: &Connection, article_id: Uuid) -> Result<Vec<RevisionMeta>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {META_COLUMNS} FROM revisions WHERE article_id = ?1 ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map([article_id.to_string()], meta_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One revision with its snapshot.
pub fn get(conn: &Connection, id: Uuid) -> Result<Revision> {
    let row = conn
        .query_row(
            &format!("SELECT {META_COLUMNS}, doc FROM revisions WHERE id = ?1"),
            [id.to_string()],
            |r| Ok((meta_from_row(r)?, r.get::<_, String>(9)?)),
        )
        .optional()?;
    let (meta, doc) = row.ok_or_else(|| Error::NotFound {
        what: "revision",
        id: id.to_string(),
    })?;
    Ok(Revision {
        meta,
        article: serde_json::from_str(&doc)?,
    })
}

/// The newest revision of an article that became its head.
pub fn latest(conn: &Connection, article_id: Uuid) -> Result<Option<RevisionMeta>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {META_COLUMNS} FROM revisions WHERE article_id = ?1 AND version IS NOT NULL
                 ORDER BY version DESC LIMIT 1"
            ),
            [article_id.to_string()],
            meta_from_row,
        )
        .optional()?)
}

/// Number of revisions of an article.
pub fn count(conn: &Connection, article_id: Uuid) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM revisions WHERE article_id = ?1",
        [article_id.to_string()],
        |r| r.get(0),
    )?)
}

/// The revisions of an article this store holds: id → the version it became here
/// (`None` for one that never became the head here).
pub fn known(
    conn: &Connection,
    article_id: Uuid,
) -> Result<std::collections::HashMap<Uuid, Option<i64>>> {
    let mut stmt = conn.prepare("SELECT id, version FROM revisions WHERE article_id = ?1")?;
    let rows = stmt.query_map([article_id.to_string()], |r| {
        Ok((uuid_col(r, 0)?, r.get::<_, Option<i64>>(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Makes a revision kept here without a version (a conflict) the revision of head
/// version `version`, as `kind`: another laptop resolved the conflict in its favour.
pub fn promote(conn: &Connection, id: Uuid, version: i64, kind: RevisionKind) -> Result<()> {
    conn.execute(
        "UPDATE revisions SET version = ?2, kind = ?3 WHERE id = ?1",
        params![id.to_string(), version, kind.as_str()],
    )?;
    Ok(())
}
