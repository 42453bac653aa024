//! The `newsdesk` command line on real data folders: the commands of issue 2, their
//! output formats and exit codes, and bad input.

use std::path::Path;

mod common;
use common::{fails, ok};

#[test]
fn article_lifecycle() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let id = ok(
        dir,
        &[
            "article",
            "new",
            "--headline",
            "Đà Nẵng đón khách",
            "--lead",
            "Sáng 8/3, hàng nghìn du khách",
        ],
    );
    let id = id.trim();
    assert_eq!(id.len(), 36);
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 7);

    let list = ok(dir, &["article", "list"]);
    assert!(
        list.contains("Đà Nẵng đón khách") && list.contains(id),
        "{list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["article", "list", "--json"])).unwrap();
    assert_eq!(json[0]["headline"], "Đà Nẵng đón khách");

    let shown = ok(dir, &["article", "show", id]);
    assert!(
        shown.contains("(QT) - Sáng 8/3"),
        "the lead carries the paper tag: {shown}"
    );
    assert!(shown.starts_with("Cập nhật: "), "{shown}");

    ok(dir, &["article", "trash", id]);
    assert!(!ok(dir, &["article", "list"]).contains(id));
    assert!(ok(dir, &["article", "list", "--trash"]).contains(id));
    ok(dir, &["article", "restore", id]);
    assert!(ok(dir, &["article", "list"]).contains(id));
    let err = fails(dir, &["article", "purge", id], 1);
    assert!(err.contains("not in the trash"), "{err}");
    ok(dir, &["article", "trash", id]);
    ok(dir, &["article", "purge", id]);
    assert!(!ok(dir, &["article", "list", "--trash"]).contains(id));
    assert!(fails(dir, &["article", "show", id], 1).contains("not found"));
}

#[test]
fn export_import_round_trip_is_byte_stable() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let id = ok(
        a.path(),
        &[
            "article",
            "new",
            "--headline",
            "Quảng Trị",
            "--body",
            "Đoạn một.\n\nĐoạn hai.",
        ],
    );
    let id = id.trim();
    let first = ok(a.path(), &["article", "export-json", id]);
    let file = a.path().join("a.json");
    std::fs::write(&file, &first).unwrap();
    assert_eq!(
        ok(b.path(), &["article", "import", file.to_str().unwrap()]).trim(),
        id
    );
    let second = ok(b.path(), &["article", "export-json", id]);
    assert_eq!(
        first, second,
        "export → import → export must give the same bytes"
    );
    assert_eq!(ok(a.path(), &["article", "show", id, "--json"]), first);
}

#[test]
fn revisions_list_restore_and_diff() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let id = ok(dir, &["article", "new", "--headline", "Bản đầu"]);
    let id = id.trim();
    // A second version through import of an edited file.
    let edited = ok(dir, &["article", "export-json", id]).replace("Bản đầu", "Bản sửa");
    let file = dir.join("e.json");
    std::fs::write(&file, edited).unwrap();
    ok(dir, &["article", "import", file.to_str().unwrap()]);
    let revs: serde_json::Value =
        serde_json::from_str(&ok(dir, &["revisions", id, "--json"])).unwrap();
    let revs = revs.as_array().unwrap();
    assert_eq!(revs.len(), 2);
    let first = revs[0]["id"].as_str().unwrap();
    let second = revs[1]["id"].as_str().unwrap();
    assert_eq!(revs[0]["author"], "Lan");
    let diff = ok(dir, &["revisions", "diff", first, second]);
    assert!(
        diff.contains("[-đầu-]") && diff.contains("{+sửa+}"),
        "{diff}"
    );
    assert_eq!(ok(dir, &["revisions", "restore", id, first]).trim(), "v3");
    assert!(ok(dir, &["article", "show", id]).contains("Bản đầu"));
    assert_eq!(ok(dir, &["revisions", id]).lines().count(), 3);
}

#[test]
fn dateline_uses_the_newsroom_zone() {
    let d = tempfile::tempdir().unwrap();
    for (args, want) in [
        (
            vec!["dateline", "2017-03-07T23:53:00Z"],
            "Cập nhật: Thứ 4, 08/03/2017 | 06:53 GMT+7\n",
        ),
        (
            vec!["dateline", "2017-03-07T23:53:00Z", "--lang", "en"],
            "Updated: Wednesday, March 8, 2017 | 06:53 GMT+7\n",
        ),
        (
            vec!["dateline", "2017-03-08T06:53:00+07:00"],
            "Cập nhật: Thứ 4, 08/03/2017 | 06:53 GMT+7\n",
        ),
    ] {
        assert_eq!(ok(d.path(), &args), want);
    }
    ok(d.path(), &["settings", "set", "--time-zone", "UTC"]);
    assert_eq!(
        ok(d.path(), &["dateline", "2017-03-07T23:53:00Z"]),
        "Cập nhật: Thứ 3, 07/03/2017 | 23:53 GMT\n"
    );
    assert!(fails(d.path(), &["dateline", "yesterday"], 1).contains("RFC 3339"));
}

#[test]
fn db_check_and_backup() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["article", "new", "--headline", "Sao lưu"]);
    assert_eq!(ok(d.path(), &["db", "check"]), "ok\n");
    let target = d.path().join("snap.db");
    ok(d.path(), &["db", "backup", target.to_str().unwrap()]);
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&target, copy.path().join("newsdesk.db")).unwrap();
    assert!(ok(copy.path(), &["article", "list"]).contains("Sao lưu"));
    assert!(
        fails(d.path(), &["db", "backup", target.to_str().unwrap()], 1).contains("already exists")
    );
}

#[test]
fn bad_input_gets_a_clear_error_and_changes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let id = ok(dir, &["article", "new", "--headline", "Giữ nguyên"]);
    let before = ok(dir, &["article", "export-json", id.trim()]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "malformed.json",
            b"{\"format\": \"newsdesk-article\", ".to_vec(),
            "not valid JSON",
        ),
        (
            "wrong-type.json",
            before
                .replace("\"version\": 1", "\"version\": \"one\"")
                .into_bytes(),
            "article.version",
        ),
        (
            "bad-block.json",
            before
                .replace(
                    "\"blocks\": []",
                    "\"blocks\": [{\"type\": \"heading\", \"level\": 9, \"content\": []}]",
                )
                .into_bytes(),
            "article.body.blocks[0].level",
        ),
        (
            "latin1.json",
            b"{\"format\": \"newsdesk-article\", \"x\": \"\xe0\"}".to_vec(),
            "not UTF-8",
        ),
        (
            "newer.json",
            before
                .replace("\"format_version\": 1", "\"format_version\": 2")
                .into_bytes(),
            "format version 2",
        ),
    ];
    for (name, bytes, want) in cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let err = fails(dir, &["article", "import", file.to_str().unwrap()], 1);
        assert!(err.contains(want), "{name}: expected {want:?} in {err}");
    }
    assert_eq!(
        ok(dir, &["article", "export-json", id.trim()]),
        before,
        "nothing changed"
    );
    assert!(
        fails(dir, &["article", "import", "/nonexistent/file.json"], 1).contains("cannot read")
    );
}

#[test]
fn bad_data_folders_are_refused_plainly() {
    let d = tempfile::tempdir().unwrap();
    // Not a database.
    let junk = d.path().join("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(
        junk.join("newsdesk.db"),
        "bảng chấm công, không phải cơ sở dữ liệu\n".repeat(100),
    )
    .unwrap();
    let err = fails(&junk, &["article", "list"], 1);
    assert!(err.contains("is not a Newsdesk database"), "{err}");
    // A file where the folder should be.
    let file = d.path().join("file");
    std::fs::write(&file, "x").unwrap();
    assert!(fails(&file, &["article", "list"], 1).contains("it is a file, not a folder"));
    // A folder that cannot be created.
    assert!(
        fails(Path::new("/proc/self/newsdesk"), &["article", "list"], 1)
            .contains("cannot be created")
    );
    // A missing folder is created.
    let fresh = d.path().join("new/folder");
    ok(&fresh, &["article", "list"]);
    assert!(fresh.join("newsdesk.db").exists());
}

#[test]
fn usage_errors_exit_2() {
    let d = tempfile::tempdir().unwrap();
    for args in [
        vec!["article"],
        vec!["article", "bogus"],
        vec!["dateline"],
        vec!["article", "list", "--nope"],
    ] {
        fails(d.path(), &args, 2);
    }
    assert!(fails(d.path(), &["article", "show", "not-an-id"], 1)
        .contains("not an article or revision id"));
}
