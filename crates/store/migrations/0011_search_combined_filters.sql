-- 0011: combined filter words (issue 8). The store rebuilds the index on first open.
-- Released: never edit this file; add a new numbered migration instead.

-- `meta` now also holds one word per combination of two or three of status, section and
-- one person (`search.rs` `combined`), so a search narrowed by several of them follows
-- one short list instead of stepping through three long ones (BENCHMARKS.md). Nothing
-- in the schema changes; the words come in with the rebuild.
INSERT INTO search_reindex (reason) VALUES ('0011_search_combined_filters: combined filter words');
