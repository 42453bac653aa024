-- 0007: article bundles between laptops (issue 9): the conflicts a merge brought in and
-- that the editor has not resolved yet, and the other side of a person edited on two
-- laptops.
-- Released: never edit this file; add a new numbered migration instead.

-- A `conflict` revision that came in with a bundle (both laptops edited since their
-- common revision). It is shown in the editor's conflict view once, until resolved.
CREATE TABLE open_conflicts (
    revision_id  TEXT PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- Who sent it: the sender's profile name as the bundle gives it.
    source       TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX open_conflicts_by_article ON open_conflicts (article_id);

-- A person was edited on both laptops: the newer fields are kept in `people`, the other
-- side is recorded here whole (the Person JSON), once per distinct text.
CREATE TABLE person_versions (
    id           INTEGER PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    doc          TEXT NOT NULL,
    source       TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    UNIQUE (person_id, doc)
) STRICT;
