//! The connection: opening, pragmas, migration with a backup first, checks and snapshots.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::migrations::{self, Plan};

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "newsdesk.db";

/// An open store.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// Whether saves keep the search index in step (always, but for measuring its cost).
    pub(crate) index_on_save: bool,
    /// How searches run (always tuned, but for the benchmark's side-by-side runs).
    pub(crate) search_plan: crate::search::SearchPlan,
}

/// The result of `db check`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckReport {
    pub ok: bool,
    /// Lines from `integrity_check` and `foreign_key_check`; `["ok"]` when all is well.
    pub messages: Vec<String>,
}

impl Store {
    /// Opens (creating if needed) the database in a data folder.
    pub fn open_dir(dir: &Path) -> Result<Store> {
        Store::open_dir_with(dir, &mut |_| {})
    }

    /// [`Store::open_dir`], telling `progress` how a rebuild of the search index that a
    /// migration asked for is going (the first open after an upgrade; minutes for a large
    /// archive). Not called when there is none.
    pub fn open_dir_with(
        dir: &Path,
        progress: &mut dyn FnMut(crate::ReindexProgress),
    ) -> Result<Store> {
        crate::data_dir::prepare(dir)?;
        Store::open_file_with(&dir.join(DB_FILE), progress)
    }

    /// Opens (creating if needed) a database file, migrating an older schema after
    /// taking a backup copy beside it. A newer schema or a non-database file is refused
    /// without being changed.
    pub fn open_file(path: &Path) -> Result<Store> {
        Store::open_file_with(path, &mut |_| {})
    }

    /// [`Store::open_file`] with the progress of a rebuild, as [`Store::open_dir_with`].
    pub fn open_file_with(
        path: &Path,
        progress: &mut dyn FnMut(crate::ReindexProgress),
    ) -> Result<Store> {
        let not_db = |e: Error| match e {
            Error::NotADatabase(_) => Error::NotADatabase(path.to_path_buf()),
            Error::Corrupt(_) | Error::Sqlite(_) if path.exists() => {
                Error::NotADatabase(path.to_path_buf())
            }
            other => other,
        };
        let conn = Connection::open(path).map_err(|e| not_db(e.into()))?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            index_on_save: true,
            search_plan: crate::search::SearchPlan::Tuned,
        };
        // The first statement that reads the file tells whether it is a database at all.
        let plan = migrations::plan(&store.conn).map_err(not_db)?;
        if let Plan::Upgrade { from } = plan {
            store.backup_before_migration(from)?;
        }
        store.configure()?;
        migrations::run(&mut store.conn)?;
        store.reindex_if_asked(progress)?;
        Ok(store)
    }

    /// An in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            index_on_save: true,
            search_plan: crate::search::SearchPlan::Tuned,
        };
        store.configure()?;
        migrations::run(&mut store.conn)?;
        store.reindex_if_asked(&mut |_| {})?;
        Ok(store)
    }

    /// The database file, if on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Pragmas every connection sets. `synchronous = FULL` in WAL mode syncs the log on
    /// every commit, so an acknowledged save survives power loss, not only a crash (see
    /// ARCHITECTURE.md for the measured cost).
    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if self.path.is_some() && !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Corrupt(format!(
                "could not switch to WAL (got {mode})"
            )));
        }
        self.conn.pragma_update(None, "foreign_keys", true)?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    fn backup_before_migration(&self, from: i64) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let name = format!(
            "{}.schema{from}-{stamp}.bak",
            path.file_name().and_then(|n| n.to_str()).unwrap_or(DB_FILE)
        );
        let target = path.with_file_name(name);
        self.snapshot(&target)
    }

    /// `integrity_check` and `foreign_key_check`.
    pub fn check(&self) -> Result<CheckReport> {
        let mut messages = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            messages.push(row?);
        }
        let integrity_ok = messages == ["ok"];
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let fk: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "foreign key: row {} of {} points at a missing row of {}",
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let ok = integrity_ok && fk.is_empty();
        if !integrity_ok {
            messages.insert(0, "integrity_check failed:".into());
        }
        messages.extend(fk);
        Ok(CheckReport { ok, messages })
    }

    /// Copies what the write-ahead log holds into the database file, as far as readers
    /// allow (`wal_checkpoint(PASSIVE)`), so the next saves do not pay for it: SQLite
    /// does it inside whichever commit fills the log to 1,000 pages, every 20-odd saves
    /// of an indexed article (BENCHMARKS.md). [`crate::IndexUpkeep`] calls it when the
    /// store is quiet.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// A consistent copy of the live database at `target` (which must not exist),
    /// taken while others may be reading and writing.
    pub fn snapshot(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(Error::Exists(target.to_path_buf()));
        }
        let target_str = target.to_str().ok_or_else(|| Error::DataDir {
            path: target.to_path_buf(),
            reason: "the path is not valid UTF-8".into(),
        })?;
        self.conn.execute("VACUUM INTO ?1", [target_str])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_sqlite_is_refused_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let junk = b"this is not a database, it is a shopping list\n".repeat(200);
        std::fs::write(&path, &junk).unwrap();
        match Store::open_file(&path) {
            Err(Error::NotADatabase(p)) => assert_eq!(p, path),
            Err(e) => panic!("wrong error {e:?}"),
            Ok(_) => panic!("opened a text file as a database"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), junk);
    }

    #[test]
    fn newer_schema_is_refused_and_older_is_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }
        assert!(matches!(
            Store::open_file(&path),
            Err(Error::NewerSchema { found: 999, .. })
        ));
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 999, "a refused database is not touched");
    }

    #[test]
    fn check_and_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir(dir.path()).unwrap();
        let report = store.check().unwrap();
        assert!(report.ok, "{report:?}");
        let snap = dir.path().join("copy.db");
        store.snapshot(&snap).unwrap();
        assert!(matches!(store.snapshot(&snap), Err(Error::Exists(_))));
        let copy = Store::open_file(&snap).unwrap();
        assert!(copy.check().unwrap().ok);
    }

    #[test]
    fn data_dir_that_is_a_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(Store::open_dir(&file).err().unwrap().code(), "data_dir");
    }
}
