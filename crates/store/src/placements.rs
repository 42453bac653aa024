//! The `placements` table: a photo put into an article, with its caption, credit and alt text there.

use chrono::{DateTime, Utc};
use newsdesk_core::Placement;
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::error::{Error, Result};

const COLUMNS: &str = "id, article_id, photo_id, caption, credit, alt_text, created_at";

fn from_row(r: &Row) -> rusqlite::Result<Result<Placement>> {
    let ids: [String; 3] = [r.get(0)?, r.get(1)?, r.get(2)?];
    let caption: String = r.get(3)?;
    let credit: String = r.get(4)?;
    let alt_text: String = r.get(5)?;
    let created: String = r.get(6)?;
    Ok((|| {
        let corrupt = |what: &str| Error::Corrupt(format!("placement {}: bad {what}", ids[0]));
        let uuid = |s: &str| Uuid::parse_str(s).map_err(|_| corrupt("id"));
        Ok(Placement {
            id: uuid(&ids[0])?,
            article_id: uuid(&ids[1])?,
            photo_id: uuid(&ids[2])?,
            caption,
            credit,
            alt_text,
            created_at: DateTime::parse_from_rfc3339(&created)
                .map_err(|_| corrupt("time"))?
                .with_timezone(&Utc),
        })
    })())
}

fn not_found(id: Uuid) -> Error {
    Error::NotFound {
        what: "placement",
        id: id.to_string(),
    }
}

/// Inserts a placement.
pub fn insert(conn: &Connection, p: &Placement) -> Result<()> {
    conn.execute(
        "INSERT INTO placements (id, article_id, photo_id, caption, credit, alt_text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            p.id.to_string(),
            p.article_id.to_string(),
            p.photo_id.to_string(),
            p.caption,
            p.credit,
            p.alt_text,
            p.created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        ],
    )?;
    Ok(())
}

/// Replaces a placement's caption, credit and alt text.
pub fn update(conn: &Connection, p: &Placement) -> Result<()> {
    let n = conn.execute(
        "UPDATE placements SET caption = ?2, credit = ?3, alt_text = ?4 WHERE id = ?1",
        params![p.id.to_string(), p.caption, p.credit, p.alt_text],
    )?;
    if n == 0 {
        return Err(not_found(p.id));
    }
    Ok(())
}

/// One placement, or a not-found error.
pub fn require(conn: &Connection, id: Uuid) -> Result<Placement> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM placements WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )
    .optional()?
    .transpose()?
    .ok_or_else(|| not_found(id))
}

/// The placements in one article, oldest first.
pub fn for_article(conn: &Connection, article_id: Uuid) -> Result<Vec<Placement>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM placements WHERE article_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([article_id.to_string()], from_row)?;
    rows.map(|r| r?).collect()
}

/// The captions a photo has in the articles it is placed in (for the search index).
pub fn captions_for_photo(conn: &Connection, photo_id: Uuid) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT caption FROM placements WHERE photo_id = ?1 AND caption <> '' ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([photo_id.to_string()], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many placements use a photo.
pub fn count_for_photo(conn: &Connection, photo_id: Uuid) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM placements WHERE photo_id = ?1",
        [photo_id.to_string()],
        |r| r.get(0),
    )?)
}

/// Deletes a placement.
pub fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    let n = conn.execute("DELETE FROM placements WHERE id = ?1", [id.to_string()])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// One placement, or `None`.
pub fn get(conn: &Connection, id: Uuid) -> Result<Option<Placement>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM placements WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )
    .optional()?
    .transpose()
}
