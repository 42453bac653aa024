//! The `person_codes` table: short codes (`nvh`) that expand to a person.

use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::error::{Error, Result};

/// Replaces a person's codes with `codes` (already clean: lower case, no `\`).
pub fn replace(conn: &Connection, person: Uuid, codes: &[String]) -> Result<()> {
    conn.execute(
        "DELETE FROM person_codes WHERE person_id = ?1",
        [person.to_string()],
    )?;
    for code in codes {
        if let Some(owner) = owner(conn, code)? {
            return Err(Error::CodeTaken {
                code: code.clone(),
                person: owner.to_string(),
            });
        }
        conn.execute(
            "INSERT INTO person_codes (code, person_id) VALUES (?1, ?2)",
            params![code, person.to_string()],
        )?;
    }
    Ok(())
}

/// The person a code belongs to, if any.
pub fn owner(conn: &Connection, code: &str) -> Result<Option<Uuid>> {
    let id: Option<String> = conn
        .query_row(
            "SELECT person_id FROM person_codes WHERE code = ?1",
            [code],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|s| Uuid::parse_str(&s).map_err(|e| Error::Corrupt(format!("person id '{s}': {e}"))))
        .transpose()
}

/// Adds one code to a person.
pub fn insert(conn: &Connection, code: &str, person: Uuid) -> Result<()> {
    conn.execute(
        "INSERT INTO person_codes (code, person_id) VALUES (?1, ?2)",
        params![code, person.to_string()],
    )?;
    Ok(())
}

/// Removes a code; false when there was no such code.
pub fn delete(conn: &Connection, code: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM person_codes WHERE code = ?1", [code])? > 0)
}

/// Every code with its person, by code.
pub fn all(conn: &Connection) -> Result<Vec<(String, Uuid)>> {
    let mut stmt = conn.prepare("SELECT code, person_id FROM person_codes ORDER BY code")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(code, id)| {
            Ok((
                code,
                Uuid::parse_str(&id)
                    .map_err(|e| Error::Corrupt(format!("person id '{id}': {e}")))?,
            ))
        })
        .collect()
}
