//! The `person_codes` table: short codes (`nvh`) that expand to a person.

use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::revisions::uuid_col;

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
    Ok(conn
        .query_row(
            "SELECT person_id FROM person_codes WHERE code = ?1",
            [code],
            |r| uuid_col(r, 0),
        )
        .optional()?)
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
        .query_map([], |r| Ok((r.get::<_, String>(0)?, uuid_col(r, 1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
