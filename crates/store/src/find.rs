//! Search on the [`Store`]: running a search, the recent-searches list, and rebuilding the
//! index from the tables it mirrors. The index itself is [`crate::search`].

use newsdesk_core::{RecentSearch, SearchHit, SearchQuery};
use rusqlite::TransactionBehavior;

use crate::error::Result;
use crate::photos::PhotoFilter;
use crate::search::{self, IndexDoc, SearchPlan};
use crate::{articles, directory, photos, placements, recent_searches, Store};

/// How far a rebuild of the search index has got: things indexed out of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReindexProgress {
    pub done: u64,
    pub total: u64,
}

impl Store {
    /// Runs a search. Any text is accepted (FTS5 syntax in it is read as words); a text
    /// without words finds nothing.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        search::search(&self.conn, q, self.search_plan)
    }

    /// Adds a search to the recent-searches list (call when the user settles on it, e.g.
    /// opens a hit or presses Enter, not on every key). Blank text is ignored.
    pub fn remember_search(&mut self, text: &str) -> Result<()> {
        let text = newsdesk_core::text::nfc(text.trim());
        if text.is_empty() {
            return Ok(());
        }
        recent_searches::record(&self.conn, &text, newsdesk_core::time::now())
    }

    /// The most recent searches, newest first.
    pub fn recent_searches(&self, limit: u32) -> Result<Vec<RecentSearch>> {
        recent_searches::list(&self.conn, limit)
    }

    /// Forgets the recent searches.
    pub fn clear_recent_searches(&mut self) -> Result<()> {
        recent_searches::clear(&self.conn)
    }

    /// Rebuilds the search index from scratch in one transaction; returns the number of
    /// rows indexed. Each searchable kind adds its rows here.
    pub fn reindex(&mut self) -> Result<i64> {
        self.reindex_with(&mut |_| {})
    }

    /// [`Store::reindex`], telling `progress` how far it has got (at the start, every 100
    /// things and at the end): minutes for a large archive.
    pub fn reindex_with(&mut self, progress: &mut dyn FnMut(ReindexProgress)) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let people = directory::load_all(&tx)?;
        let total = (articles::count(&tx)? + photos::count(&tx)?) as u64 + people.len() as u64;
        progress(ReindexProgress { done: 0, total });
        let mut done = 0u64;
        let mut step = |done: &mut u64| {
            *done += 1;
            if done.is_multiple_of(100) {
                progress(ReindexProgress { done: *done, total });
            }
        };
        search::clear(&tx)?;
        articles::each(&tx, |a| {
            search::upsert(&tx, &IndexDoc::article(&a))?;
            step(&mut done);
            Ok(())
        })?;
        for p in photos::list(&tx, &PhotoFilter::default())? {
            let captions = placements::captions_for_photo(&tx, p.id)?;
            search::upsert(&tx, &IndexDoc::photo(&p, &captions))?;
            step(&mut done);
        }
        for p in people {
            search::upsert(&tx, &IndexDoc::person(&p))?;
            step(&mut done);
        }
        progress(ReindexProgress {
            done,
            total: total.max(done),
        });
        search::optimize(&tx)?;
        search::rebuilt(&tx)?;
        let n = search::count(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Rebuilds the index when a migration asked for it (checked at every open).
    pub(crate) fn reindex_if_asked(
        &mut self,
        progress: &mut dyn FnMut(ReindexProgress),
    ) -> Result<()> {
        if search::needs_rebuild(&self.conn)? {
            self.reindex_with(progress)?;
        }
        Ok(())
    }

    /// Indexes things whose own tables are kept elsewhere, in one transaction. The
    /// benchmark uses it to stand in photo rows until photos are stored here.
    pub fn index_all(&mut self, docs: &[IndexDoc]) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for d in docs {
            search::upsert(&tx, d)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Turns keeping the search index in step on saves off (`false`) or back on. Only for
    /// measuring what indexing adds to a save (the search benchmark): while off, the index
    /// goes stale until [`Store::reindex`].
    pub fn set_index_on_save(&mut self, on: bool) {
        self.index_on_save = on;
    }

    /// Chooses how searches run. Only for measuring the current design against the one
    /// before it on the same database (the search benchmark); the default is
    /// [`SearchPlan::Tuned`].
    pub fn set_search_plan(&mut self, plan: SearchPlan) {
        self.search_plan = plan;
    }

    /// Merges part of the search index's segments, about `pages` pages per FTS table, in
    /// one transaction; returns whether there was anything to merge (call again until it
    /// returns `false`). Saves add a small segment each and leave merging to this, so no
    /// save waits on a large merge (migration 0012); [`crate::IndexUpkeep`] calls it when the
    /// store has been quiet, `newsdesk db tidy` when asked.
    pub fn tidy_index(&mut self, pages: u32) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let worked = search::tidy(&tx, pages)?;
        tx.commit()?;
        Ok(worked)
    }

    /// How many rows this connection has changed since it opened (SQLite's
    /// `total_changes`): a write counter for telling whether the store has been quiet.
    pub fn write_count(&self) -> u64 {
        self.conn.total_changes()
    }

    /// Turns FTS5's merging during saves back on (`true`, the settings before migration
    /// 0012) or off again. Only for measuring the two side by side (the search
    /// benchmark); the setting is stored in the database.
    pub fn set_merge_on_save(&mut self, on: bool) -> Result<()> {
        search::set_merge_on_save(&self.conn, on)
    }

    /// Number of rows in the search index.
    pub fn index_count(&self) -> Result<i64> {
        search::count(&self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::{Document, NewArticle};

    #[test]
    fn a_rebuild_reports_its_progress_and_an_open_only_when_one_was_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(dir.path()).unwrap();
        for i in 0..250 {
            s.create(
                NewArticle {
                    headline: format!("Bài {i} ở Đà Nẵng"),
                    body: Some(Document::from_plain_text("Mưa lớn.")),
                    ..NewArticle::default()
                },
                "test",
            )
            .unwrap();
        }
        let mut seen = Vec::new();
        assert_eq!(
            s.reindex_with(&mut |p| seen.push((p.done, p.total)))
                .unwrap(),
            250
        );
        assert_eq!(seen, [(0, 250), (100, 250), (200, 250), (250, 250)]);

        // An open with nothing to rebuild says nothing.
        drop(s);
        let mut seen = Vec::new();
        Store::open_dir_with(dir.path(), &mut |p| seen.push(p)).unwrap();
        assert!(seen.is_empty());

        // After a migration asked for a rebuild, the open reports it.
        let s = Store::open_dir(dir.path()).unwrap();
        s.conn
            .execute("INSERT INTO search_reindex (reason) VALUES ('test')", [])
            .unwrap();
        drop(s);
        let mut last = None;
        let s = Store::open_dir_with(dir.path(), &mut |p| last = Some(p)).unwrap();
        assert_eq!(
            last,
            Some(ReindexProgress {
                done: 250,
                total: 250
            })
        );
        assert_eq!(
            s.search(&newsdesk_core::SearchQuery {
                text: "da nang".into(),
                limit: Some(200),
                ..Default::default()
            })
            .unwrap()
            .len(),
            200
        );
    }
}
