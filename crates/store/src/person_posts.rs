//! The `person_posts` table: the titles and positions each person held, with dates.

use chrono::NaiveDate;
use newsdesk_core::{Post, PostKind};
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::error::{Error, Result};

/// Replaces a person's posts with `posts`, in order.
pub fn replace(conn: &Connection, person: Uuid, posts: &[Post]) -> Result<()> {
    conn.execute(
        "DELETE FROM person_posts WHERE person_id = ?1",
        [person.to_string()],
    )?;
    let mut stmt = conn.prepare(
        "INSERT INTO person_posts (person_id, ord, kind, name, valid_from, valid_until)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, p) in posts.iter().enumerate() {
        stmt.execute(params![
            person.to_string(),
            i as i64,
            p.kind.as_str(),
            p.name,
            p.from.map(|d| d.to_string()),
            p.until.map(|d| d.to_string()),
        ])?;
    }
    Ok(())
}

/// Every post of every person, grouped by person, each in printed order.
pub fn all(conn: &Connection) -> Result<Vec<(Uuid, Post)>> {
    let mut stmt = conn.prepare(
        "SELECT person_id, kind, name, valid_from, valid_until FROM person_posts
         ORDER BY person_id, ord",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, kind, name, from, until)| {
            let corrupt = |what: String| Error::Corrupt(format!("person post of '{id}': {what}"));
            let date = |d: Option<String>| {
                d.map(|d| {
                    d.parse::<NaiveDate>()
                        .map_err(|e| corrupt(format!("date '{d}': {e}")))
                })
                .transpose()
            };
            Ok((
                Uuid::parse_str(&id).map_err(|e| corrupt(e.to_string()))?,
                Post {
                    kind: PostKind::parse(&kind).map_err(|e| corrupt(e.to_string()))?,
                    name,
                    from: date(from)?,
                    until: date(until)?,
                },
            ))
        })
        .collect()
}
