-- 0012: the search index is tidied when the desk is idle, not during a save (issue 8).
-- Released: never edit this file; add a new numbered migration instead.

-- FTS5 adds a small b-tree segment per save and merges segments as it goes. With
-- `automerge` on, a save could be the one that merged a level of large segments: a
-- second or more, while autosave held the store (BENCHMARKS.md). Now saves only add
-- their segment; `Store::tidy_index` merges in bounded steps when nothing has been
-- written for 5 s (the app's `IndexUpkeep`) or when asked (`newsdesk db tidy`).
-- `crisismerge` still merges a level that reaches 64 segments during a save, so a desk
-- that is never idle keeps its queries fast; those are the small, newest segments.
INSERT INTO search_head (search_head, rank) VALUES ('automerge', 0);
INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0);
INSERT INTO search_head (search_head, rank) VALUES ('crisismerge', 64);
INSERT INTO search_text (search_text, rank) VALUES ('crisismerge', 64);
