-- 0008: publishing to websites (issue 10): the targets, and what each target holds of
-- ours, so a publish can be retried or updated without duplicating posts or media.
-- Released: never edit this file; add a new numbered migration instead.

-- A website to publish to. The password is never here: it is in the OS keyring or in
-- the encrypted vault file of the data folder (`secret_store` says which).
CREATE TABLE publish_targets (
    name          TEXT PRIMARY KEY CHECK (name <> ''),
    kind          TEXT NOT NULL CHECK (kind IN ('wordpress')),
    url           TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    secret_store  TEXT NOT NULL CHECK (secret_store IN ('keyring', 'vault')),
    created_at    TEXT NOT NULL
) STRICT;

-- The remote post of an article on a target. The row is written before the post is
-- created (remote_id NULL, with the slug it will get), so a retry after an answer that
-- never came finds the post by its slug instead of creating a second one.
CREATE TABLE remote_posts (
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    target           TEXT NOT NULL REFERENCES publish_targets (name) ON DELETE CASCADE,
    slug             TEXT NOT NULL,
    remote_id        INTEGER,
    url              TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT '',
    article_version  INTEGER NOT NULL,
    content_hash     TEXT NOT NULL DEFAULT '',
    at               TEXT NOT NULL,
    PRIMARY KEY (article_id, target)
) STRICT;

-- Media uploaded to a target, keyed by the SHA-256 of the bytes sent (the web rendition
-- with its credits embedded): the same bytes are never uploaded twice. remote_id NULL:
-- the upload started and its answer was not seen.
CREATE TABLE remote_media (
    target        TEXT NOT NULL REFERENCES publish_targets (name) ON DELETE CASCADE,
    content_hash  TEXT NOT NULL,
    remote_id     INTEGER,
    url           TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    PRIMARY KEY (target, content_hash)
) STRICT;
