//! When to tidy the search index: merging its segments, then checkpointing the
//! write-ahead log, waits until the store has been quiet for a while, so neither lands on
//! a save (migration 0012, BENCHMARKS.md). The
//! app calls [`IndexUpkeep::tick`] from a background thread; the policy lives here so it
//! is the same for any front end and testable without one.

use std::time::{Duration, Instant};

use crate::error::Result;
use crate::Store;

/// Tracks the store's writes and tidies the index in steps once they have stopped.
#[derive(Debug)]
pub struct IndexUpkeep {
    /// The store's write count at the last tick.
    seen: u64,
    /// When the write count last changed (or the upkeep started).
    quiet_since: Instant,
    /// Nothing was left to merge at the last step, and nothing was written since.
    tidy: bool,
}

impl IndexUpkeep {
    /// How long the store must go without a write before merging starts. Autosave fires
    /// 0.8 s after the last key, so this is a real pause, not a gap between words.
    pub const QUIET: Duration = Duration::from_secs(5);
    /// Pages per FTS table per step: a step takes tens of milliseconds, the longest a
    /// save that comes in meanwhile waits for the store.
    pub const PAGES: u32 = 200;
    /// How often to look at the store while it is busy or already tidy.
    pub const CHECK: Duration = Duration::from_secs(1);
    /// The pause between steps while there is merging left, so other commands get in.
    pub const BETWEEN_STEPS: Duration = Duration::from_millis(50);

    /// Starts watching `store` at `now`.
    pub fn new(store: &Store, now: Instant) -> IndexUpkeep {
        IndexUpkeep {
            seen: store.write_count(),
            quiet_since: now,
            tidy: false,
        }
    }

    /// Looks at the store at `now` and, when it has been quiet for [`Self::QUIET`] and
    /// there may be merging left, does one step. Returns how long to wait before the
    /// next tick.
    pub fn tick(&mut self, store: &mut Store, now: Instant) -> Result<Duration> {
        let count = store.write_count();
        if count != self.seen {
            self.seen = count;
            self.quiet_since = now;
            self.tidy = false;
            return Ok(Self::CHECK);
        }
        if self.tidy || now.duration_since(self.quiet_since) < Self::QUIET {
            return Ok(Self::CHECK);
        }
        let worked = store.tidy_index(Self::PAGES)?;
        if !worked {
            // Merged: write the log into the database now rather than in a later save.
            store.checkpoint()?;
        }
        // The step's own writes are not the user's.
        self.seen = store.write_count();
        self.tidy = !worked;
        Ok(if worked {
            Self::BETWEEN_STEPS
        } else {
            Self::CHECK
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SaveKind;
    use newsdesk_core::{Document, NewArticle, SearchQuery};

    fn save_some(s: &mut Store, n: usize) {
        for i in 0..n {
            let a = s
                .create(
                    NewArticle {
                        headline: format!("Cầu Rồng số {i}"),
                        body: Some(Document::from_plain_text("Đà Nẵng về đêm.")),
                        ..NewArticle::default()
                    },
                    "test",
                )
                .unwrap();
            let mut b = a.clone();
            b.lead = format!("Bài {i} ở Quảng Trị");
            s.save(&b, a.version, SaveKind::Auto, "test").unwrap();
        }
    }

    fn found(s: &Store, text: &str) -> usize {
        s.search(&SearchQuery {
            text: text.into(),
            limit: Some(200),
            ..SearchQuery::default()
        })
        .unwrap()
        .len()
    }

    #[test]
    fn saves_leave_merging_to_tidy_which_keeps_every_hit() {
        let mut s = Store::open_in_memory().unwrap();
        save_some(&mut s, 30);
        // 60 saves, a segment each, none merged on the way: there is work to do.
        assert!(s.tidy_index(IndexUpkeep::PAGES).unwrap());
        let mut steps = 1;
        while s.tidy_index(IndexUpkeep::PAGES).unwrap() {
            steps += 1;
            assert!(steps < 100, "tidying never finishes");
        }
        assert_eq!(found(&s, "cau rong"), 30);
        assert_eq!(found(&s, "quang tri"), 30);
        assert_eq!(found(&s, "Đà Nẵng"), 30);
    }

    #[test]
    fn upkeep_waits_for_a_quiet_store_then_tidies_until_done() {
        let mut s = Store::open_in_memory().unwrap();
        let t0 = Instant::now();
        let mut u = IndexUpkeep::new(&s, t0);
        save_some(&mut s, 10);
        let before = s.write_count();
        // (seconds after t0, what the tick should wait, whether it may write)
        let ticks: [(u64, Duration, bool); 3] = [
            (1, IndexUpkeep::CHECK, false), // saw the saves: quiet from now
            (3, IndexUpkeep::CHECK, false), // 2 s quiet: too soon
            (5, IndexUpkeep::CHECK, false), // 4 s quiet: still too soon
        ];
        for (at, wait, writes) in ticks {
            let was = s.write_count();
            let w = u.tick(&mut s, t0 + Duration::from_secs(at)).unwrap();
            assert_eq!(w, wait, "tick at {at} s");
            assert_eq!(s.write_count() != was, writes, "tick at {at} s");
        }
        assert_eq!(s.write_count(), before);
        // 5 s quiet: steps until nothing is left, then stays quiet.
        let mut at = t0 + Duration::from_secs(7);
        let mut steps = 0;
        while u.tick(&mut s, at).unwrap() == IndexUpkeep::BETWEEN_STEPS {
            steps += 1;
            at += IndexUpkeep::BETWEEN_STEPS;
            assert!(steps < 100);
        }
        assert!(steps >= 1, "it merged the saves' segments");
        let tidied = s.write_count();
        assert!(tidied > before);
        u.tick(&mut s, at + Duration::from_secs(60)).unwrap();
        assert_eq!(s.write_count(), tidied, "a tidy index is not touched again");
        // A new save starts the wait again.
        save_some(&mut s, 1);
        let w = u.tick(&mut s, at + Duration::from_secs(61)).unwrap();
        assert_eq!(w, IndexUpkeep::CHECK);
        assert_eq!(found(&s, "cau rong"), 11);
    }
}
