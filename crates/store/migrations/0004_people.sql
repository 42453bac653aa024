-- 0004: the people directory (issue 5): people, their titles and positions over
-- time, and the short codes that expand to them.
-- Released: never edit this file; add a new numbered migration instead.

CREATE TABLE people (
    id            TEXT PRIMARY KEY,
    honorific     TEXT NOT NULL,
    full_name     TEXT NOT NULL CHECK (full_name <> ''),
    short_name    TEXT NOT NULL,
    organisation  TEXT NOT NULL,
    phone         TEXT NOT NULL,
    email         TEXT NOT NULL,
    notes         TEXT NOT NULL,
    photographer  INTEGER NOT NULL CHECK (photographer IN (0, 1)),
    -- The full name folded for matching: lower case, no diacritics, đ as d.
    name_key      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX people_by_name ON people (name_key);

-- Titles and positions, in printed order (`ord`), each held from `valid_from` to
-- `valid_until` (ISO dates, both inclusive; NULL is an open end).
CREATE TABLE person_posts (
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('title', 'position')),
    name         TEXT NOT NULL CHECK (name <> ''),
    valid_from   TEXT,
    valid_until  TEXT,
    PRIMARY KEY (person_id, ord),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
) STRICT;

-- Code replacements: `\code` typed in a text field expands to the person.
CREATE TABLE person_codes (
    code       TEXT PRIMARY KEY CHECK (code <> '' AND code = lower(code)),
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE
) STRICT;

CREATE INDEX person_codes_by_person ON person_codes (person_id);
