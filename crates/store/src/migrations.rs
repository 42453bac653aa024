//! Schema migrations: numbered SQL files in `migrations/`, embedded at build time, each
//! run in its own transaction and recorded in `PRAGMA user_version`. Append-only: a
//! released file is never edited; a change is a new file with the next number.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// The migrations, in order; the schema version after a migration is the number its
/// name starts with. Numbers are handed out per feature branch, so a branch may carry
/// a later number before the ones between have landed; they only ever increase.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_articles",
        include_str!("../migrations/0001_articles.sql"),
    ),
    ("0002_search", include_str!("../migrations/0002_search.sql")),
    ("0003_photos", include_str!("../migrations/0003_photos.sql")),
    ("0004_people", include_str!("../migrations/0004_people.sql")),
    (
        "0005_workflow",
        include_str!("../migrations/0005_workflow.sql"),
    ),
    (
        "0006_search_kinds",
        include_str!("../migrations/0006_search_kinds.sql"),
    ),
    (
        "0007_bundles",
        include_str!("../migrations/0007_bundles.sql"),
    ),
    (
        "0008_publish_targets",
        include_str!("../migrations/0008_publish_targets.sql"),
    ),
    (
        "0009_search_words",
        include_str!("../migrations/0009_search_words.sql"),
    ),
    (
        "0010_watch_folders",
        include_str!("../migrations/0010_watch_folders.sql"),
    ),
    (
        "0011_search_combined_filters",
        include_str!("../migrations/0011_search_combined_filters.sql"),
    ),
    (
        "0012_search_idle_merge",
        include_str!("../migrations/0012_search_idle_merge.sql"),
    ),
];

/// The schema version a migration brings the database to: the number its name starts with.
fn number(name: &str) -> i64 {
    name.split('_')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a migration name starts with its number")
}

/// The schema version this build creates and understands.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |(name, _)| number(name))
}

/// The schema version recorded in the database.
pub fn current(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// What [`plan`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Schema is current.
    UpToDate,
    /// A new, empty database.
    Create,
    /// An older database that will be migrated from this version (after a backup).
    Upgrade { from: i64 },
}

/// Decides what to do with a database, refusing one from a newer schema.
pub fn plan(conn: &Connection) -> Result<Plan> {
    let found = current(conn)?;
    let latest = latest();
    match found {
        f if f > latest => Err(Error::NewerSchema {
            found: f,
            supported: latest,
        }),
        f if f == latest => Ok(Plan::UpToDate),
        0 => {
            // A SQLite file with someone else's tables is not ours to add to.
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                Err(Error::NotADatabase(std::path::PathBuf::new()))
            } else {
                Ok(Plan::Create)
            }
        }
        f => Ok(Plan::Upgrade { from: f }),
    }
}

/// Runs every migration newer than the database's version, each in its own transaction.
pub fn run(conn: &mut Connection) -> Result<()> {
    let from = current(conn)?;
    for (name, sql) in MIGRATIONS {
        let version = number(name);
        if version <= from {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)
            .map_err(|e| Error::Corrupt(format!("migration {name} failed: {e}")))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_an_empty_database_and_refuses_a_newer_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(plan(&conn).unwrap(), Plan::Create);
        run(&mut conn).unwrap();
        assert_eq!(plan(&conn).unwrap(), Plan::UpToDate);
        run(&mut conn).unwrap(); // idempotent
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        assert!(matches!(plan(&conn), Err(Error::NewerSchema { .. })));
    }

    #[test]
    fn migration_files_are_numbered_in_order() {
        let mut last = 0;
        for (name, _) in MIGRATIONS {
            assert!(
                name.len() > 5 && name.as_bytes()[4] == b'_',
                "{name} does not start with a four-digit number"
            );
            assert!(number(name) > last, "{name} is out of order");
            last = number(name);
        }
    }
}
