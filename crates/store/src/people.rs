//! The `people` table: one row per person in the directory. Their titles and
//! positions live in `person_posts`, their codes in `person_codes`.

use newsdesk_core::text::fold;
use newsdesk_core::Person;
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::articles::ts;
use crate::error::{Error, Result};
use crate::revisions::{time_col, uuid_col};

const COLUMNS: &str = "id, honorific, full_name, short_name, organisation, phone, email, notes, photographer, created_at, updated_at";

/// A person row without posts and codes (the caller adds them).
fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: uuid_col(r, 0)?,
        honorific: r.get(1)?,
        full_name: r.get(2)?,
        short_name: r.get(3)?,
        organisation: r.get(4)?,
        phone: r.get(5)?,
        email: r.get(6)?,
        notes: r.get(7)?,
        photographer: r.get(8)?,
        created_at: time_col(r, 9)?,
        updated_at: time_col(r, 10)?,
        posts: Vec::new(),
        codes: Vec::new(),
    })
}

/// Inserts a person row.
pub fn insert(conn: &Connection, p: &Person) -> Result<()> {
    conn.execute(
        "INSERT INTO people (id, honorific, full_name, short_name, organisation, phone, email, notes,
                             photographer, name_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            p.id.to_string(),
            p.honorific,
            p.full_name,
            p.short_name,
            p.organisation,
            p.phone,
            p.email,
            p.notes,
            p.photographer,
            fold(&p.full_name),
            ts(&p.created_at),
            ts(&p.updated_at),
        ],
    )?;
    Ok(())
}

/// Replaces a person row's fields.
pub fn update(conn: &Connection, p: &Person) -> Result<()> {
    let n = conn.execute(
        "UPDATE people SET honorific = ?2, full_name = ?3, short_name = ?4, organisation = ?5,
                phone = ?6, email = ?7, notes = ?8, photographer = ?9, name_key = ?10, updated_at = ?11
         WHERE id = ?1",
        params![
            p.id.to_string(),
            p.honorific,
            p.full_name,
            p.short_name,
            p.organisation,
            p.phone,
            p.email,
            p.notes,
            p.photographer,
            fold(&p.full_name),
            ts(&p.updated_at),
        ],
    )?;
    if n == 0 {
        return Err(not_found(p.id));
    }
    Ok(())
}

fn not_found(id: Uuid) -> Error {
    Error::NotFound {
        what: "person",
        id: id.to_string(),
    }
}

/// Deletes a person (their posts and codes go with them).
pub fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    let n = conn.execute("DELETE FROM people WHERE id = ?1", [id.to_string()])?;
    if n == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

/// One person row, or `None`.
pub fn get(conn: &Connection, id: Uuid) -> Result<Option<Person>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM people WHERE id = ?1"),
            [id.to_string()],
            from_row,
        )
        .optional()?)
}

/// One person row, or a not-found error.
pub fn require(conn: &Connection, id: Uuid) -> Result<Person> {
    get(conn, id)?.ok_or_else(|| not_found(id))
}

/// Every person row.
pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM people"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ids of people whose folded full name equals `full_name` folded.
pub fn ids_named(conn: &Connection, full_name: &str) -> Result<Vec<Uuid>> {
    let mut stmt = conn.prepare("SELECT id FROM people WHERE name_key = ?1 ORDER BY id")?;
    let ids = stmt
        .query_map([fold(full_name)], |r| uuid_col(r, 0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ids)
}
