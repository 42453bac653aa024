-- 0002: the search index (issue 8) and recent searches.
-- Released: never edit this file; add a new numbered migration instead.

-- One row per searchable thing (an article now; photos and people as they land), with
-- what a result shows and what the filters compare. `id` is the rowid of the same
-- thing in `search_fts`. `kind` + `ref_id` point at the row in the kind's own table.
CREATE TABLE search_docs (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    ref_id   TEXT NOT NULL,
    title    TEXT NOT NULL,
    text     TEXT NOT NULL,
    section  TEXT NOT NULL,
    status   TEXT,
    people   TEXT NOT NULL,
    date     TEXT NOT NULL,
    trashed  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, ref_id)
) STRICT;

CREATE INDEX search_docs_by_date ON search_docs (date);

-- The full-text index, in two contentless FTS5 tables (the text to show lives in
-- search_docs). Each field is indexed twice: as typed (exact key: lower case,
-- diacritics kept, canonical tone marks) and folded (`_f`: no diacritics, đ → d), so
-- `da nang` finds `Đà Nẵng` and exact matches can rank first.
-- search_head: the short fields (title, people, tags), so a match there is found
-- without walking the long texts. search_text: everything, title to tags, so words
-- spread over several fields still match together.
-- `meta` holds filter words: kind, status, section, people, month, trash state.
CREATE VIRTUAL TABLE search_head USING fts5 (
    head, head_f, meta,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

CREATE VIRTUAL TABLE search_text USING fts5 (
    body, body_f, meta,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

-- Merge index segments 16 at a time instead of 4: a save then rewrites far fewer
-- pages (measured: mean save overhead 4.7 ms -> 2.6 ms at 100,000 articles), queries
-- stay as fast (BENCHMARKS.md).
INSERT INTO search_head (search_head, rank) VALUES ('automerge', 16);
INSERT INTO search_text (search_text, rank) VALUES ('automerge', 16);

-- Set by a migration that changes what is indexed; the store rebuilds the index when it
-- opens a database with a row here, then empties it. A later migration that needs a
-- rebuild (e.g. photos or people becoming searchable) inserts a row.
CREATE TABLE search_reindex (
    reason TEXT NOT NULL
) STRICT;

INSERT INTO search_reindex (reason) VALUES ('0002_search: the index is new');

-- What was searched, newest first in the UI; one row per distinct query text.
CREATE TABLE recent_searches (
    query        TEXT PRIMARY KEY,
    searched_at  TEXT NOT NULL
) STRICT;
