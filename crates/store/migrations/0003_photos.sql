-- 0003: the photo library and the placements of photos in articles.
-- Released: never edit this file; add a new numbered migration instead.

-- One row per original in the content-addressed photo store (files named by sha256).
-- `meta` is the photo's metadata as JSON (PhotoMeta); the columns beside it are copies
-- for filtering and searching the library without parsing JSON.
CREATE TABLE photos (
    id             TEXT PRIMARY KEY,
    sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    original_name  TEXT NOT NULL,
    format         TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    width          INTEGER NOT NULL CHECK (width > 0),
    height         INTEGER NOT NULL CHECK (height > 0),
    byte_size      INTEGER NOT NULL CHECK (byte_size > 0),
    imported_at    TEXT NOT NULL,
    taken_at       TEXT,
    creator        TEXT,
    description    TEXT,
    meta           TEXT NOT NULL
) STRICT;

CREATE INDEX photos_by_import ON photos (imported_at DESC);
CREATE INDEX photos_by_taken ON photos (taken_at);
CREATE INDEX photos_by_creator ON photos (creator);

-- A photo put into an article, with the caption, credit and alt text it has there.
-- A photo that is placed somewhere cannot be deleted from the library.
CREATE TABLE placements (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    photo_id    TEXT NOT NULL REFERENCES photos (id) ON DELETE RESTRICT,
    caption     TEXT NOT NULL,
    credit      TEXT NOT NULL,
    alt_text    TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX placements_by_article ON placements (article_id, created_at);
CREATE INDEX placements_by_photo ON placements (photo_id);
