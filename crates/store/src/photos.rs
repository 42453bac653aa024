//! The `photos` table: one row per original in the content-addressed photo store.

use chrono::{DateTime, Utc};
use newsdesk_core::{Photo, PhotoFormat, PhotoMeta};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};

const COLUMNS: &str =
    "id, sha256, original_name, format, width, height, byte_size, imported_at, meta";

/// Which photos the library shows: every field narrows the list; all empty means every photo.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PhotoFilter {
    /// Photos by this creator (exact, case-insensitive).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub creator: Option<String>,
    /// Taken on or after this date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub taken_from: Option<String>,
    /// Taken on or before this date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub taken_to: Option<String>,
    /// Words that must appear in the description or original file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    /// At most this many photos (newest imports first); 0 means no limit.
    pub limit: u32,
    /// Skip this many (for paging a virtualised grid).
    pub offset: u32,
}

fn ts(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn from_row(r: &Row) -> rusqlite::Result<Result<Photo>> {
    let id: String = r.get(0)?;
    let format: String = r.get(3)?;
    let imported: String = r.get(7)?;
    let meta: String = r.get(8)?;
    let sha256: String = r.get(1)?;
    let original_name: String = r.get(2)?;
    let width: i64 = r.get(4)?;
    let height: i64 = r.get(5)?;
    let byte_size: i64 = r.get(6)?;
    Ok((|| {
        let corrupt = |what: &str| Error::Corrupt(format!("photo {id}: bad {what}"));
        Ok(Photo {
            id: Uuid::parse_str(&id).map_err(|_| corrupt("id"))?,
            sha256,
            original_name,
            format: PhotoFormat::parse(&format).ok_or_else(|| corrupt("format"))?,
            width: u32::try_from(width).map_err(|_| corrupt("width"))?,
            height: u32::try_from(height).map_err(|_| corrupt("height"))?,
            byte_size: u64::try_from(byte_size).map_err(|_| corrupt("size"))?,
            imported_at: DateTime::parse_from_rfc3339(&imported)
                .map_err(|_| corrupt("import time"))?
                .with_timezone(&Utc),
            meta: serde_json::from_str::<PhotoMeta>(&meta)?,
        })
    })())
}

fn collect(rows: impl Iterator<Item = rusqlite::Result<Result<Photo>>>) -> Result<Vec<Photo>> {
    rows.map(|r| r?).collect()
}

/// Inserts a new photo.
pub fn insert(conn: &Connection, p: &Photo) -> Result<()> {
    conn.execute(
        "INSERT INTO photos (id, sha256, original_name, format, width, height, byte_size,
                             imported_at, taken_at, creator, description, meta)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            p.id.to_string(),
            p.sha256,
            p.original_name,
            p.format.as_str(),
            p.width,
            p.height,
            p.byte_size as i64,
            ts(&p.imported_at),
            p.meta.taken_at,
            p.meta.creator,
            p.meta.description,
            serde_json::to_string(&p.meta)?,
        ],
    )?;
    Ok(())
}

/// Replaces a photo's metadata (and the copies kept for filtering).
pub fn update_meta(conn: &Connection, id: Uuid, meta: &PhotoMeta) -> Result<()> {
    let n = conn.execute(
        "UPDATE photos SET taken_at = ?2, creator = ?3, description = ?4, meta = ?5 WHERE id = ?1",
        params![
            id.to_string(),
            meta.taken_at,
            meta.creator,
            meta.description,
            serde_json::to_string(meta)?
        ],
    )?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

fn not_found(id: Uuid) -> Error {
    Error::NotFound {
        what: "photo",
        id: id.to_string(),
    }
}

/// One photo, or `None`.
pub fn get(conn: &Connection, id: Uuid) -> Result<Option<Photo>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM photos WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )
    .optional()?
    .transpose()
}

/// One photo, or a not-found error.
pub fn require(conn: &Connection, id: Uuid) -> Result<Photo> {
    get(conn, id)?.ok_or_else(|| not_found(id))
}

/// The photo whose original has this SHA-256, if any.
pub fn by_sha256(conn: &Connection, sha256: &str) -> Result<Option<Photo>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM photos WHERE sha256 = ?1"),
        [sha256],
        from_row,
    )
    .optional()?
    .transpose()
}

/// The photos matching `f`, newest imports first.
pub fn list(conn: &Connection, f: &PhotoFilter) -> Result<Vec<Photo>> {
    let mut sql = format!("SELECT {COLUMNS} FROM photos WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if let Some(c) = f.creator.as_deref().filter(|c| !c.trim().is_empty()) {
        args.push(c.trim().to_lowercase());
        sql += &format!(" AND lower(creator) = ?{}", args.len());
    }
    if let Some(d) = f.taken_from.as_deref().filter(|d| !d.is_empty()) {
        args.push(d.to_owned());
        sql += &format!(" AND taken_at >= ?{}", args.len());
    }
    if let Some(d) = f.taken_to.as_deref().filter(|d| !d.is_empty()) {
        // A date-only bound includes the whole day.
        args.push(format!("{d}\u{10FFFF}"));
        sql += &format!(" AND taken_at <= ?{}", args.len());
    }
    for word in f.text.as_deref().unwrap_or("").split_whitespace() {
        args.push(format!("%{}%", word.replace(['%', '_'], "")));
        let n = args.len();
        sql += &format!(" AND (description LIKE ?{n} OR original_name LIKE ?{n})");
    }
    sql += " ORDER BY imported_at DESC, id DESC";
    if f.limit > 0 {
        sql += &format!(" LIMIT {} OFFSET {}", f.limit, f.offset);
    }
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), from_row)?;
    collect(rows)
}

/// Every photo's id, SHA-256 and format: what names its files in the photo store.
pub fn hashes(conn: &Connection) -> Result<Vec<(Uuid, String, PhotoFormat)>> {
    let mut stmt = conn.prepare("SELECT id, sha256, format FROM photos")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, sha, format) = row?;
        let bad = || Error::Corrupt(format!("photo '{id}' has a bad id or format"));
        let uuid = Uuid::parse_str(&id).map_err(|_| bad())?;
        out.push((uuid, sha, PhotoFormat::parse(&format).ok_or_else(bad)?));
    }
    Ok(out)
}

/// Deletes a photo row. Fails while a placement still uses it.
pub fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    let n = conn
        .execute("DELETE FROM photos WHERE id = ?1", [id.to_string()])
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::PhotoPlaced(id.to_string()),
            _ => e.into(),
        })?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// How many photos the library holds.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM photos", [], |r| r.get(0))?)
}
