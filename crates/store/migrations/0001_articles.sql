-- 0001: articles, their revisions, and newsroom settings.
-- Released: never edit this file; add a new numbered migration instead.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The head of each article. `doc` is the whole article as JSON (the documented
-- article format's `article` object); the other columns are copies for listing and
-- filtering without parsing JSON.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version >= 1),
    headline    TEXT NOT NULL,
    section     TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    trashed_at  TEXT,
    doc         TEXT NOT NULL
) STRICT;

CREATE INDEX articles_by_update ON articles (updated_at DESC);

-- Every save, restore, import and every losing side of a conflict. A revision with
-- a NULL version never became the head (kind = 'conflict'); `base_version` is the
-- version the writer had when they started the edit.
CREATE TABLE revisions (
    id            TEXT PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version       INTEGER,
    base_version  INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('create', 'save', 'named', 'restore', 'conflict', 'import')),
    label         TEXT,
    author        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    doc           TEXT NOT NULL
) STRICT;

CREATE INDEX revisions_by_article ON revisions (article_id, created_at);
CREATE UNIQUE INDEX revisions_one_per_version ON revisions (article_id, version) WHERE version IS NOT NULL;
