-- 0009: search speed (issue 8). The store rebuilds the index on first open.
-- Released: never edit this file; add a new numbered migration instead.

-- Every word of four letters or more that the index has seen, as typed and folded. A
-- prefix longer than the FTS prefix indexes (2 and 3 letters) is looked up here and
-- searched as the words it stands for: FTS5 answers a prefix query that long by merging
-- the whole posting list of every word it covers before returning the first hit
-- (measured in BENCHMARKS.md). Words are added on save and never removed: a word no row
-- has any more only matches nothing.
CREATE TABLE search_words (
    word TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- The date of each search row (`id` as in `search_docs`), for the date-range filter: in
-- `search_docs` the date sits after the long text, so reading it there follows the
-- text's overflow pages for every candidate row.
CREATE TABLE search_dates (
    id    INTEGER PRIMARY KEY,
    date  TEXT NOT NULL
) STRICT;


-- Every word written without diacritics in the indexed texts as typed (`va`, `2025`,
-- `Facebook`), any length. A query word typed without diacritics can only match the exact
-- tiers where some text has it written so; when none has, those tiers are skipped instead
-- of walking every row that holds the word's folded twin (a phrase like `"của va"` walked
-- all 200,000 rows for nothing: 15-30 ms, BENCHMARKS.md). Never removed, like search_words.
CREATE TABLE search_plain (
    word TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

INSERT INTO search_reindex (reason) VALUES ('0009_search_words: words, plain words and dates get tables');
