-- 0006: photos and people join the search index (issue 8). Nothing in the search tables
-- changes; existing databases only need their photo and person rows indexed, which the
-- store does on first open when it finds a row here.
-- Released: never edit this file; add a new numbered migration instead.

INSERT INTO search_reindex (reason) VALUES ('0006_search_kinds: photos and people are searchable');
