//! The `profiles` table: the local profiles (who is working on this laptop) and
//! which one is current.

use newsdesk_core::{Profile, ProfileRole};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::articles::ts;
use crate::error::{Error, Result};
use crate::revisions::{time_col, uuid_col};

fn from_row(r: &Row<'_>) -> rusqlite::Result<Profile> {
    let role: String = r.get(2)?;
    Ok(Profile {
        id: uuid_col(r, 0)?,
        name: r.get(1)?,
        role: ProfileRole::parse(&role).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        created_at: time_col(r, 3)?,
    })
}

const COLUMNS: &str = "id, name, role, created_at";

/// Adds a profile; a name already taken is refused.
pub fn insert(conn: &Connection, p: &Profile) -> Result<()> {
    if by_name(conn, &p.name)?.is_some() {
        return Err(Error::ProfileTaken(p.name.clone()));
    }
    conn.execute(
        "INSERT INTO profiles (id, name, role, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![p.id.to_string(), p.name, p.role.as_str(), ts(&p.created_at)],
    )?;
    Ok(())
}

/// Every profile, by name.
pub fn list(conn: &Connection) -> Result<Vec<Profile>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM profiles ORDER BY name"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The profile called `name`, if any.
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Profile>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM profiles WHERE name = ?1"),
            [name],
            from_row,
        )
        .optional()?)
}

/// The current profile, if one was chosen.
pub fn current(conn: &Connection) -> Result<Option<Profile>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM profiles WHERE is_current = 1"),
            [],
            from_row,
        )
        .optional()?)
}

/// Makes the profile called `name` the current one.
pub fn set_current(conn: &Connection, name: &str) -> Result<Profile> {
    let p = by_name(conn, name)?.ok_or_else(|| Error::NotFound {
        what: "profile",
        id: name.to_owned(),
    })?;
    conn.execute(
        "UPDATE profiles SET is_current = 0 WHERE is_current = 1",
        [],
    )?;
    conn.execute(
        "UPDATE profiles SET is_current = 1 WHERE id = ?1",
        [p.id.to_string()],
    )?;
    Ok(p)
}
