//! The `person_versions` table: the other side of a person edited on two laptops, kept
//! whole when a bundle merge keeps the newer fields.

use chrono::{DateTime, Utc};
use newsdesk_core::Person;
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::articles::ts;
use crate::error::Result;

/// Records `person` as another version of itself; returns whether it was new (the same
/// text recorded before is not recorded again).
pub fn insert(
    conn: &Connection,
    person: &Person,
    source: &str,
    at: &DateTime<Utc>,
) -> Result<bool> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO person_versions (person_id, doc, source, recorded_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            person.id.to_string(),
            serde_json::to_string(person)?,
            source,
            ts(at)
        ],
    )? > 0)
}

/// The recorded other versions of a person, oldest first.
pub fn for_person(conn: &Connection, person_id: Uuid) -> Result<Vec<Person>> {
    let mut stmt =
        conn.prepare("SELECT doc FROM person_versions WHERE person_id = ?1 ORDER BY id")?;
    let docs = stmt
        .query_map([person_id.to_string()], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    docs.iter().map(|d| Ok(serde_json::from_str(d)?)).collect()
}
