-- 0005: the workflow and publish step (issue 6): local profiles, the record of every
-- status change, and the publish log.
-- Released: never edit this file; add a new numbered migration instead.

-- Who is working on this laptop. Exactly one profile may be the current one.
CREATE TABLE profiles (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    role        TEXT NOT NULL CHECK (role IN ('reporter', 'photo_editor', 'editor')),
    is_current  INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX profiles_one_current ON profiles (is_current) WHERE is_current = 1;

-- Every status change, written in the same transaction as the article's new status.
CREATE TABLE status_changes (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    profile_id    TEXT NOT NULL,
    profile_name  TEXT NOT NULL,
    at            TEXT NOT NULL
) STRICT;

CREATE INDEX status_changes_by_article ON status_changes (article_id, id);
CREATE INDEX status_changes_by_profile ON status_changes (profile_id);

-- Every export: what (format, article version), when, by whom, where, the checksum of
-- what was written, and whether it updates an earlier export of a changed article.
CREATE TABLE publish_log (
    id               INTEGER PRIMARY KEY,
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    article_version  INTEGER NOT NULL,
    format           TEXT NOT NULL,
    destination      TEXT NOT NULL,
    checksum         TEXT NOT NULL,
    profile_name     TEXT NOT NULL,
    is_update        INTEGER NOT NULL CHECK (is_update IN (0, 1)),
    at               TEXT NOT NULL
) STRICT;

CREATE INDEX publish_log_by_article ON publish_log (article_id, id);
