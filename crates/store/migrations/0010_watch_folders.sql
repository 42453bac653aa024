-- 0009: watch folders for bundles (issue 9): the shared folder each profile watches for
-- bundles addressed to it, and the bundles this laptop has imported, so a bundle still
-- lying in the folder is not offered again.
-- Released: never edit this file; add a new numbered migration instead.

CREATE TABLE watch_folders (
    profile_id   TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    folder       TEXT NOT NULL
) STRICT;

-- A bundle imported here, by its key (the SHA-256 of its manifest).
CREATE TABLE received_bundles (
    key          TEXT PRIMARY KEY,
    path         TEXT NOT NULL,
    received_at  TEXT NOT NULL
) STRICT;
