//! Search from the command line on a real database file (issue 8): Vietnamese with and
//! without diacritics, exact matches first, filters, hostile input, `db reindex`, and the
//! rebuild after migrating a database made before the index existed.

use std::path::Path;
use std::process::Command;

mod common;
use common::{newsdesk, ok};

fn new_article(dir: &Path, headline: &str, body: &str) -> String {
    ok(
        dir,
        &["article", "new", "--headline", headline, "--body", body],
    )
    .trim()
    .to_owned()
}

/// Headlines of the hits, best first.
fn search(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let hits: serde_json::Value = serde_json::from_str(&ok(dir, &all)).unwrap();
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            h["title"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["text"].as_str().unwrap())
                .collect()
        })
        .collect()
}

fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (h, b) in [
        ("Đa năng", "Máy cày đa năng về làng."),
        ("Đà Nẵng", "Mưa lớn ở Đà Nẵng suốt đêm qua."),
        ("Lũ ở Quảng Trị", "Nước sông Thạch Hãn lên nhanh."),
        ("Hòa giải ở phường", "Tổ hòa giải làm việc."),
        ("Hoà bình", "Kiểu bỏ dấu mới."),
        ("Khuyến nông", "Nghề nông nghiệp vất vả."),
    ] {
        new_article(dir.path(), h, b);
    }
    dir
}

#[test]
fn vietnamese_is_found_with_or_without_diacritics() {
    let d = newsroom();
    let dir = d.path();
    for (query, first, count) in [
        // Typed without diacritics both are equally good: both found, either first.
        ("da nang", "", 2),
        ("Đà Nẵng", "Đà Nẵng", 2),
        ("Đa năng", "Đa năng", 2),
        ("quang tri", "Lũ ở Quảng Trị", 1),
        ("\"song thach han\"", "Lũ ở Quảng Trị", 1),
        ("nghi", "Khuyến nông", 1),
        // Prefixes longer than the FTS prefix indexes are spelled out as whole words.
        ("nghiệ", "Khuyến nông", 1),
        ("Quản", "Lũ ở Quảng Trị", 1),
        ("phườn", "Hòa giải ở phường", 1),
        ("\"song thach ha", "Lũ ở Quảng Trị", 1),
    ] {
        let got = search(dir, &[query]);
        assert_eq!(got.len(), count, "{query:?}: {got:?}");
        if first.is_empty() {
            assert!(got.iter().any(|g| g == "Đà Nẵng"), "{query:?}: {got:?}");
        } else {
            assert_eq!(got[0], first, "{query:?}: {got:?}");
        }
    }
    for query in ["hoa ", "hòa ", "hoà "] {
        let mut got = search(dir, &[query]);
        got.sort();
        assert_eq!(got, ["Hoà bình", "Hòa giải ở phường"], "{query:?}");
    }
    // Text output marks the matches.
    let text = ok(dir, &["search", "da nang"]);
    assert!(text.contains("[Đà] [Nẵng]"), "{text}");
}

#[test]
fn fts_syntax_in_a_query_is_text() {
    let d = newsroom();
    for query in [
        "\"",
        "\"Đà",
        "da*",
        "*",
        "NEAR(da nang)",
        "da NEAR nang",
        "title:da",
        ":",
        "-da",
        "da -nang",
        "AND",
        "OR NOT",
        "(da",
        "^",
        "{title}:x",
        "\"a\" \"",
    ] {
        let out = newsdesk(d.path(), &["search", query]);
        assert!(
            out.status.success(),
            "{query:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(search(d.path(), &["\"Đà"])[0], "Đà Nẵng");
}

#[test]
fn kind_filter_and_usage_errors() {
    let d = newsroom();
    assert_eq!(search(d.path(), &["da nang", "--kind", "article"]).len(), 2);
    assert!(search(d.path(), &["da nang", "--kind", "photo"]).is_empty());
    assert!(search(d.path(), &["da nang", "--kind", "person"]).is_empty());
    let out = newsdesk(d.path(), &["search", "x", "--kind", "video"]);
    assert_eq!(out.status.code(), Some(2), "a bad kind is a usage error");
    let out = newsdesk(d.path(), &["search", "x", "--status", "live"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown status 'live'"));
}

#[test]
fn trashed_and_purged_articles_leave_the_results() {
    let d = newsroom();
    let id = new_article(d.path(), "Cầu Rồng phun lửa", "Cuối tuần.");
    assert_eq!(search(d.path(), &["cau rong"]).len(), 1);
    ok(d.path(), &["article", "trash", &id]);
    assert!(search(d.path(), &["cau rong"]).is_empty());
    assert_eq!(search(d.path(), &["cau rong", "--trash"]).len(), 1);
    ok(d.path(), &["article", "purge", &id]);
    assert!(search(d.path(), &["cau rong", "--trash"]).is_empty());
}

/// Issue 8: saves leave merging the index to `db tidy` (and the app's idle upkeep); it
/// merges what the saves left, then has nothing to do, and every hit is still found.
#[test]
fn db_tidy_merges_what_saves_left_and_then_has_nothing_to_do() {
    let d = newsroom();
    let steps = |out: String| -> u32 {
        out.trim()
            .strip_prefix("tidied in ")
            .and_then(|s| s.strip_suffix(" steps"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected output {out:?}"))
    };
    assert!(
        steps(ok(d.path(), &["db", "tidy"])) >= 1,
        "six saves, six segments"
    );
    assert_eq!(steps(ok(d.path(), &["db", "tidy"])), 0);
    assert_eq!(search(d.path(), &["da nang"]).len(), 2);
    assert_eq!(search(d.path(), &["quang tri"]), ["Lũ ở Quảng Trị"]);
}

/// The first open after an upgrade that asks for a rebuild says so on stderr, whatever
/// the command, and the search works after it; the next open says nothing.
#[test]
fn a_rebuild_asked_for_by_a_migration_is_announced_once() {
    // A new data folder's first open rebuilds an empty index: nothing to announce.
    let fresh = tempfile::tempdir().unwrap();
    let first = newsdesk(fresh.path(), &["article", "list"]);
    assert!(first.status.success());
    assert!(
        !common::stderr(&first).contains("rebuilding"),
        "{}",
        common::stderr(&first)
    );

    let d = newsroom();
    {
        let conn = rusqlite::Connection::open(d.path().join("newsdesk.db")).unwrap();
        conn.execute(
            "INSERT INTO search_reindex (reason) VALUES ('a migration of a later version')",
            [],
        )
        .unwrap();
    }
    let out = newsdesk(d.path(), &["search", "da nang", "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("rebuilding the search index after an upgrade (6 items)"),
        "{}",
        common::stderr(&out)
    );
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 2);
    let again = newsdesk(d.path(), &["search", "da nang"]);
    assert!(
        !common::stderr(&again).contains("rebuilding"),
        "{}",
        common::stderr(&again)
    );
}

#[test]
fn db_reindex_rebuilds_from_the_articles() {
    let d = newsroom();
    assert_eq!(ok(d.path(), &["db", "reindex"]).trim(), "indexed 6");
    assert_eq!(search(d.path(), &["da nang"]).len(), 2);
}

/// Issue 8: a database made before the index existed is indexed when it is migrated.
#[test]
fn a_database_from_before_search_is_indexed_on_open() {
    let d = newsroom();
    let db = d.path().join("newsdesk.db");
    {
        // Turn it back into a schema-1 database: no search tables, version 1.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TABLE received_bundles; DROP TABLE watch_folders;
             DROP TABLE open_conflicts; DROP TABLE person_versions;
             DROP TABLE remote_posts; DROP TABLE remote_media; DROP TABLE publish_targets;
             DROP TABLE search_head; DROP TABLE search_text; DROP TABLE search_docs; DROP TABLE search_reindex; DROP TABLE search_words; DROP TABLE search_plain; DROP TABLE search_dates;
             DROP TABLE recent_searches; DROP TABLE person_codes; DROP TABLE person_posts;
             DROP TABLE people; DROP TABLE placements; DROP TABLE photos; DROP TABLE publish_log;
             DROP TABLE status_changes; DROP TABLE profiles; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    assert_eq!(search(d.path(), &["quang tri"]), ["Lũ ở Quảng Trị"]);
    assert_eq!(search(d.path(), &["Quản"]), ["Lũ ở Quảng Trị"]);
    let backups = std::fs::read_dir(d.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".schema1-")
        })
        .count();
    assert_eq!(backups, 1, "the migration took a backup first");
}

/// A small JPEG with the given IPTC fields written by exiftool (UTF-8).
fn photo_file(dir: &Path, name: &str, seed: u8, fields: &[&str]) -> std::path::PathBuf {
    use image::ImageEncoder;
    let (w, h) = (64u32, 48u32);
    let raw: Vec<u8> = (0..w * h * 3)
        .map(|i| (i as u8).wrapping_mul(seed))
        .collect();
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .write_image(&raw, w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    let out = Command::new("exiftool")
        .args(["-q", "-overwrite_original", "-charset", "iptc=UTF8"])
        .arg("-IPTC:CodedCharacterSet=UTF8")
        .args(fields)
        .arg(&p)
        .output()
        .expect("exiftool is installed (libimage-exiftool-perl)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    p
}

/// (kind, title) of each hit, best first.
fn kinds(dir: &Path, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let hits: serde_json::Value = serde_json::from_str(&ok(dir, &all)).unwrap();
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let title = h["title"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["text"].as_str().unwrap())
                .collect();
            (h["kind"].as_str().unwrap().to_owned(), title)
        })
        .collect()
}

/// Issue 8: photos (description, caption, credit, creator) and people (name, short name,
/// titles, positions) are found next to articles, and `--kind` keeps one kind.
#[test]
fn photos_and_people_are_searchable() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let dir = data.as_path();
    new_article(dir, "Đà Nẵng đón khách", "Mùa du lịch ở Đà Nẵng.");
    let flood = photo_file(
        tmp.path(),
        "lu.jpg",
        3,
        &[
            "-IPTC:Headline=Gặt lúa chạy lũ",
            "-IPTC:Caption-Abstract=Người dân xã Hải Lăng gặt lúa",
            "-IPTC:By-line=Nguyễn Thị Ánh",
            "-IPTC:Credit=Báo Quảng Trị",
        ],
    );
    let beach = photo_file(
        tmp.path(),
        "bien.jpg",
        7,
        &["-IPTC:Caption-Abstract=Bãi biển Mỹ Khê, Đà Nẵng"],
    );
    ok(
        dir,
        &[
            "photo",
            "import",
            flood.to_str().unwrap(),
            beach.to_str().unwrap(),
        ],
    );
    ok(
        dir,
        &[
            "people",
            "add",
            "--name",
            "Lê Văn Hùng",
            "--short",
            "Ông Hùng",
            "--title",
            "Tỉnh ủy viên",
            "--position",
            "Giám đốc Sở Du lịch",
        ],
    );
    let photo = |t: &str| ("photo".to_owned(), t.to_owned());
    let person = |t: &str| ("person".to_owned(), t.to_owned());
    let article = |t: &str| ("article".to_owned(), t.to_owned());
    for (args, want) in [
        // description, credit, creator
        (vec!["hai lang"], vec![photo("Gặt lúa chạy lũ")]),
        (vec!["bao quang tri"], vec![photo("Gặt lúa chạy lũ")]),
        (vec!["nguyen thi anh"], vec![photo("Gặt lúa chạy lũ")]),
        // no headline: the file name is the title
        (vec!["my khe"], vec![photo("bien.jpg")]),
        // name, short name, title, position
        (vec!["le van hung"], vec![person("Lê Văn Hùng")]),
        (vec!["ong hung"], vec![person("Lê Văn Hùng")]),
        (vec!["tinh uy vien"], vec![person("Lê Văn Hùng")]),
        (vec!["so du lich"], vec![person("Lê Văn Hùng")]),
        // kinds
        (vec!["da nang", "--kind", "photo"], vec![photo("bien.jpg")]),
        (
            vec!["da nang", "--kind", "article"],
            vec![article("Đà Nẵng đón khách")],
        ),
        (
            vec!["du lich", "--kind", "person"],
            vec![person("Lê Văn Hùng")],
        ),
        (
            vec!["du lich", "--kind", "article"],
            vec![article("Đà Nẵng đón khách")],
        ),
        (vec!["hai lang", "--kind", "person"], vec![]),
    ] {
        assert_eq!(kinds(dir, &args), want, "{args:?}");
    }
    // A rebuild from the tables gives the same rows.
    assert_eq!(ok(dir, &["db", "reindex"]).trim(), "indexed 4");
    assert_eq!(kinds(dir, &["so du lich"]), vec![person("Lê Văn Hùng")]);
}
