//! Hand-off between laptops with article bundles (issue 9), end to end through the
//! `newsdesk` CLI on real data folders, one per laptop: round trips, a second import that
//! changes nothing, edits on both sides that end as a conflict with nothing lost, photos
//! deduplicated by content, people edited on both sides, three laptops passing a draft
//! around, and hostile bundles refused with the receiving database unchanged.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use newsdesk_core::{Article, Byline, NewPerson, Person, Role};
use newsdesk_store::{SaveKind, SaveOutcome, Store};
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;

mod common;
use common::camera_jpeg;

fn newsdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("NEWSDESK_AUTHOR", "test")
        .output()
        .expect("run newsdesk")
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = newsdesk(data, args);
    assert!(
        out.status.success(),
        "newsdesk {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(data: &Path, args: &[&str]) -> String {
    let out = newsdesk(data, args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "newsdesk {args:?} should fail:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

/// A laptop: its own data folder with a profile.
struct Laptop {
    dir: tempfile::TempDir,
}

impl Laptop {
    fn new(profile: &str, role: &str) -> Laptop {
        let l = Laptop {
            dir: tempfile::tempdir().unwrap(),
        };
        ok(l.path(), &["profile", "add", profile, "--role", role]);
        l
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn store(&self) -> Store {
        Store::open_dir(self.path()).unwrap()
    }

    fn new_article(&self, headline: &str) -> Uuid {
        let out = ok(
            self.path(),
            &[
                "article",
                "new",
                "--headline",
                headline,
                "--body",
                "Đoạn đầu.",
            ],
        );
        Uuid::parse_str(out.trim()).unwrap()
    }

    fn edit(&self, id: Uuid, f: impl FnOnce(&mut Article)) -> Article {
        let mut s = self.store();
        let mut a = s.article(id).unwrap();
        f(&mut a);
        match s.save(&a, a.version, SaveKind::Auto, "test").unwrap() {
            SaveOutcome::Saved { article } => article,
            SaveOutcome::Conflict { .. } => panic!("unexpected local conflict"),
        }
    }

    fn send(&self, ids: &[Uuid], name: &str) -> PathBuf {
        let out = self.path().join(format!("{name}.ndbundle"));
        let mut args = vec!["bundle".to_owned(), "export".to_owned()];
        args.extend(ids.iter().map(Uuid::to_string));
        args.extend(["--out".to_owned(), out.display().to_string()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ok(self.path(), &args);
        out
    }

    fn receive(&self, bundle: &Path) -> Value {
        let out = ok(
            self.path(),
            &["bundle", "import", bundle.to_str().unwrap(), "--json"],
        );
        serde_json::from_str(&out).unwrap()
    }

    fn revision_ids(&self, id: Uuid) -> Vec<Uuid> {
        let mut v: Vec<Uuid> = self
            .store()
            .revisions(id)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        v.sort();
        v
    }

    /// Every row that a bundle import could touch, as text: equal text, unchanged database.
    fn snapshot(&self) -> String {
        let conn = rusqlite::Connection::open(self.path().join(newsdesk_store::DB_FILE)).unwrap();
        let mut out = String::new();
        for table in [
            "articles",
            "revisions",
            "photos",
            "placements",
            "people",
            "person_posts",
            "person_codes",
            "person_versions",
            "status_changes",
            "open_conflicts",
            "search_docs",
        ] {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
                .unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    (0..n)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<rusqlite::Result<Vec<_>>>()
                })
                .unwrap();
            for row in rows {
                out.push_str(&format!("{table}: {}\n", row.unwrap().join(" | ")));
            }
        }
        out
    }

    fn files_under(&self, sub: &str) -> Vec<PathBuf> {
        fn walk(d: &Path, out: &mut Vec<PathBuf>) {
            for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
                if e.path().is_dir() {
                    walk(&e.path(), out);
                } else {
                    out.push(e.path());
                }
            }
        }
        let mut v = Vec::new();
        walk(&self.path().join(sub), &mut v);
        v.sort();
        v
    }
}

/// Imports a photo file into the library and places it in `article`.
fn place_photo(l: &Laptop, article: Uuid, bytes: &[u8], name: &str) {
    let file = l.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    ok(
        l.path(),
        &[
            "photo",
            "import",
            file.to_str().unwrap(),
            "--article",
            &article.to_string(),
        ],
    );
}

fn plan_of(report: &Value) -> &Value {
    &report["plan"]
}

fn change_of(report: &Value) -> &str {
    plan_of(report)["articles"][0]["change"].as_str().unwrap()
}

#[test]
fn issue_9_round_trip_between_two_data_folders_carries_history_people_photos_and_workflow() {
    let reporter = Laptop::new("Lan", "reporter");
    let editor = Laptop::new("Hùng", "editor");
    let id = reporter.new_article("Lũ ở Quảng Nam");
    let person = reporter
        .store()
        .add_person(NewPerson {
            honorific: "Ông".into(),
            full_name: "Nguyễn Văn An".into(),
            ..NewPerson::default()
        })
        .unwrap();
    reporter.edit(id, |a| {
        a.bylines = vec![Byline {
            person_id: Some(person.id),
            ..Byline::new("Nguyễn Văn An", Role::Writer)
        }]
    });
    place_photo(&reporter, id, &camera_jpeg(640, 480, 1), "lu.jpg");
    ok(reporter.path(), &["status", &id.to_string(), "submitted"]);

    let bundle = reporter.send(&[id], "to-editor");
    let report = editor.receive(&bundle);
    assert_eq!(change_of(&report), "new");
    assert_eq!(report["imported"], true);
    assert_eq!(plan_of(&report)["new_photos"], 1);
    assert_eq!(plan_of(&report)["people_added"][0], "Nguyễn Văn An");
    assert_eq!(report["manifest"]["sender"]["profile"], "Lan");

    let (r, e) = (reporter.store(), editor.store());
    assert_eq!(e.article(id).unwrap(), r.article(id).unwrap());
    assert_eq!(e.revisions(id).unwrap(), r.revisions(id).unwrap());
    assert_eq!(e.placements(id).unwrap(), r.placements(id).unwrap());
    assert_eq!(e.status_history(id).unwrap(), r.status_history(id).unwrap());
    assert_eq!(e.person(person.id).unwrap(), r.person(person.id).unwrap());
    let photo = r.placements(id).unwrap()[0].photo_id;
    assert_eq!(e.photo(photo).unwrap(), r.photo(photo).unwrap());
    // The original arrives byte-identical, with its renditions.
    assert_eq!(
        editor.files_under("photos/originals").len(),
        1,
        "{:?}",
        editor.files_under("photos")
    );
    assert_eq!(editor.files_under("photos/renditions").len(), 2);
    assert_eq!(
        std::fs::read(&editor.files_under("photos/originals")[0]).unwrap(),
        std::fs::read(&reporter.files_under("photos/originals")[0]).unwrap()
    );
    assert!(e.check().unwrap().ok);
}

#[test]
fn issue_9_importing_the_same_bundle_twice_changes_nothing() {
    let a = Laptop::new("Lan", "reporter");
    let b = Laptop::new("Hùng", "editor");
    let id = a.new_article("Tin hai lần");
    place_photo(&a, id, &camera_jpeg(320, 200, 2), "p.jpg");
    let bundle = a.send(&[id], "twice");
    b.receive(&bundle);
    let before = b.snapshot();
    let report = b.receive(&bundle);
    assert_eq!(report["imported"], false);
    assert_eq!(change_of(&report), "unchanged");
    assert_eq!(b.snapshot(), before);
    let text = ok(b.path(), &["bundle", "import", bundle.to_str().unwrap()]);
    assert!(text.contains("nothing to import"), "{text}");
    assert_eq!(b.snapshot(), before);
}

#[test]
fn issue_9_a_dry_run_prints_the_plan_and_writes_nothing() {
    let a = Laptop::new("Lan", "reporter");
    let b = Laptop::new("Hùng", "editor");
    let id = a.new_article("Chỉ xem trước");
    let bundle = a.send(&[id], "dry");
    let before = b.snapshot();
    let text = ok(
        b.path(),
        &["bundle", "import", bundle.to_str().unwrap(), "--dry-run"],
    );
    assert!(
        text.contains("new") && text.contains("Chỉ xem trước"),
        "{text}"
    );
    assert!(text.contains("dry run"), "{text}");
    assert_eq!(b.snapshot(), before);
}

#[test]
fn issue_9_both_sides_edited_becomes_one_conflict_revision_and_nothing_is_lost() {
    let reporter = Laptop::new("Lan", "reporter");
    let editor = Laptop::new("Hùng", "editor");
    let id = reporter.new_article("Bản gốc");
    editor.receive(&reporter.send(&[id], "first"));

    reporter.edit(id, |a| a.headline = "Phóng viên sửa".into());
    editor.edit(id, |a| a.headline = "Biên tập sửa".into());
    let report = editor.receive(&reporter.send(&[id], "second"));
    assert_eq!(change_of(&report), "conflict");

    let e = editor.store();
    assert_eq!(
        e.article(id).unwrap().headline,
        "Biên tập sửa",
        "the head is not overwritten"
    );
    let open = e.open_conflicts(id).unwrap();
    assert_eq!(open.len(), 1, "shown once");
    assert_eq!(open[0].yours.headline, "Phóng viên sửa");
    assert_eq!(open[0].current.headline, "Biên tập sửa");
    let texts: Vec<String> = e
        .revisions(id)
        .unwrap()
        .into_iter()
        .map(|r| r.headline)
        .collect();
    for t in ["Bản gốc", "Phóng viên sửa", "Biên tập sửa"] {
        assert!(texts.iter().any(|h| h == t), "{t} missing from {texts:?}");
    }
    // Once more: still one conflict, nothing new.
    let again = editor.receive(&reporter.send(&[id], "third"));
    assert_eq!(again["imported"], false);
    assert_eq!(editor.store().open_conflicts(id).unwrap().len(), 1);
    // The other way: the reporter gets the editor's text as a conflict too.
    let back = reporter.receive(&editor.send(&[id], "back"));
    assert_eq!(change_of(&back), "conflict");
    assert_eq!(reporter.revision_ids(id), editor.revision_ids(id));
}

#[test]
fn issue_9_photos_dedupe_by_content_hash() {
    let a = Laptop::new("Lan", "reporter");
    let b = Laptop::new("Minh", "photo_editor");
    let bytes = camera_jpeg(400, 300, 3);
    let id = a.new_article("Ảnh trùng");
    place_photo(&a, id, &bytes, "same.jpg");
    // B has the same bytes in its library already, under its own id.
    let own = b.path().join("own.jpg");
    std::fs::write(&own, &bytes).unwrap();
    ok(b.path(), &["photo", "import", own.to_str().unwrap()]);
    let b_photo = b.store().photos(&Default::default()).unwrap()[0].clone();

    let report = b.receive(&a.send(&[id], "dupe"));
    assert_eq!(plan_of(&report)["new_photos"], 0);
    assert_eq!(plan_of(&report)["known_photos"], 1);
    let s = b.store();
    assert_eq!(s.photos(&Default::default()).unwrap().len(), 1);
    assert_eq!(b.files_under("photos/originals").len(), 1);
    // The placement and the figure point at the photo as B knows it.
    assert_eq!(s.placements(id).unwrap()[0].photo_id, b_photo.id);
    let body = serde_json::to_value(&s.article(id).unwrap().body).unwrap();
    assert!(body.to_string().contains(&b_photo.id.to_string()), "{body}");
}

#[test]
fn issue_9_a_person_edited_on_both_sides_keeps_the_newer_fields_and_records_the_other() {
    let a = Laptop::new("Lan", "reporter");
    let b = Laptop::new("Hùng", "editor");
    let p = a
        .store()
        .add_person(NewPerson {
            full_name: "Trần Thị Bình".into(),
            ..NewPerson::default()
        })
        .unwrap();
    let id = a.new_article("Phỏng vấn");
    a.edit(id, |art| {
        art.bylines = vec![Byline {
            person_id: Some(p.id),
            ..Byline::new("Trần Thị Bình", Role::Writer)
        }]
    });
    b.receive(&a.send(&[id], "one"));
    b.store()
        .update_person(&Person {
            phone: "0905 111 222".into(),
            ..b.store().person(p.id).unwrap()
        })
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(10));
    a.store()
        .update_person(&Person {
            organisation: "Sở Y tế".into(),
            ..a.store().person(p.id).unwrap()
        })
        .unwrap();
    let report = b.receive(&a.send(&[id], "two"));
    assert_eq!(plan_of(&report)["people_updated"][0], "Trần Thị Bình");
    let s = b.store();
    assert_eq!(s.person(p.id).unwrap().organisation, "Sở Y tế");
    let recorded = s.person_versions(p.id).unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].phone, "0905 111 222", "the other side is kept");
    // The reporter receives the editor's older text: kept as a recorded version there.
    let back = a.receive(&b.send(&[id], "back"));
    assert_eq!(
        plan_of(&back)["people_updated"].as_array().unwrap().len(),
        0
    );
    assert_eq!(a.store().person(p.id).unwrap().organisation, "Sở Y tế");
    let again = b.receive(&a.send(&[id], "three"));
    assert_eq!(again["imported"], false);
}

#[test]
fn issue_9_three_laptops_pass_a_draft_around_and_every_revision_reaches_the_editor() {
    let reporter = Laptop::new("Lan", "reporter");
    let photo_desk = Laptop::new("Minh", "photo_editor");
    let editor = Laptop::new("Hùng", "editor");
    let id = reporter.new_article("Bão số 5");
    reporter.edit(id, |a| a.lead = "Sapo của phóng viên.".into());
    let to_photo = reporter.send(&[id], "r-to-p");
    photo_desk.receive(&to_photo);
    place_photo(&photo_desk, id, &camera_jpeg(500, 300, 5), "bao.jpg");
    let mut s = photo_desk.store();
    let mut pl = s.placements(id).unwrap()[0].clone();
    pl.caption = "Gió giật mạnh ở Đà Nẵng".into();
    pl.credit = "Minh".into();
    s.update_placement(&pl).unwrap();
    drop(s);
    editor.receive(&photo_desk.send(&[id], "p-to-e"));
    // The editor edits while the reporter edits too; bundles cross both ways.
    editor.edit(id, |a| a.headline = "Bão số 5 đổ bộ".into());
    reporter.edit(id, |a| a.lead = "Sapo sửa thêm.".into());
    let from_reporter = reporter.send(&[id], "r-to-e");
    let from_editor = editor.send(&[id], "e-to-r");
    let r1 = editor.receive(&from_reporter);
    assert_eq!(change_of(&r1), "conflict");
    reporter.receive(&from_editor);
    reporter.receive(&photo_desk.send(&[id], "p-to-r"));
    editor.receive(&reporter.send(&[id], "r-to-e-2"));

    // Every revision from every side is on the editor's laptop; the conflict shows once.
    let all: std::collections::BTreeSet<Uuid> = [&reporter, &photo_desk, &editor]
        .iter()
        .flat_map(|l| l.revision_ids(id))
        .collect();
    assert_eq!(editor.revision_ids(id), all.into_iter().collect::<Vec<_>>());
    assert_eq!(editor.store().open_conflicts(id).unwrap().len(), 1);
    assert_eq!(
        editor.store().placements(id).unwrap()[0].caption,
        "Gió giật mạnh ở Đà Nẵng"
    );
    // Every bundle a second time: nothing changes anywhere.
    let snaps: Vec<String> = [&reporter, &photo_desk, &editor]
        .iter()
        .map(|l| l.snapshot())
        .collect();
    photo_desk.receive(&to_photo);
    editor.receive(&from_reporter);
    reporter.receive(&from_editor);
    let after: Vec<String> = [&reporter, &photo_desk, &editor]
        .iter()
        .map(|l| l.snapshot())
        .collect();
    assert_eq!(snaps, after);
}

/// The entries of a bundle, in order.
fn entries(bundle: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(bundle).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            (f.name().to_owned(), buf)
        })
        .collect()
}

/// Writes entries as a zip; with `reseal`, the manifest's sizes and checksums are made
/// to match the entries again (so only the change under test is wrong).
fn write_zip(path: &Path, mut list: Vec<(String, Vec<u8>)>, reseal: bool) {
    if reseal {
        let sums: std::collections::HashMap<String, (String, usize)> = list
            .iter()
            .map(|(n, b)| {
                let hex: String = Sha256::digest(b)
                    .iter()
                    .map(|x| format!("{x:02x}"))
                    .collect();
                (n.clone(), (hex, b.len()))
            })
            .collect();
        for (name, bytes) in &mut list {
            if name == "manifest.json" {
                let mut m: Value = serde_json::from_slice(bytes).unwrap();
                for e in m["entries"].as_array_mut().unwrap() {
                    if let Some((hex, len)) = sums.get(e["path"].as_str().unwrap()) {
                        e["sha256"] = Value::from(hex.clone());
                        e["bytes"] = Value::from(*len);
                    }
                }
                *bytes = serde_json::to_vec(&m).unwrap();
            }
        }
    }
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in list {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

fn with_manifest(list: &mut [(String, Vec<u8>)], f: impl FnOnce(&mut Value)) {
    let (_, bytes) = list.iter_mut().find(|(n, _)| n == "manifest.json").unwrap();
    let mut m: Value = serde_json::from_slice(bytes).unwrap();
    f(&mut m);
    *bytes = serde_json::to_vec(&m).unwrap();
}

/// Sets the uncompressed size the zip's central directory declares for `entry`.
fn declare_size(bundle: &[u8], entry: &str, size: u32) -> Vec<u8> {
    let mut out = bundle.to_vec();
    let sig = [0x50, 0x4b, 0x01, 0x02];
    let mut i = 0;
    while i + 46 < out.len() {
        if out[i..i + 4] == sig {
            let name_len = u16::from_le_bytes([out[i + 28], out[i + 29]]) as usize;
            if &out[i + 46..i + 46 + name_len] == entry.as_bytes() {
                out[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
                return out;
            }
        }
        i += 1;
    }
    panic!("{entry} not in the central directory");
}

#[test]
fn issue_9_hostile_bundles_are_refused_with_a_clear_message_and_the_database_unchanged() {
    let a = Laptop::new("Lan", "reporter");
    let id = a.new_article("Gửi đi");
    place_photo(&a, id, &camera_jpeg(300, 200, 9), "x.jpg");
    let good = a.send(&[id], "good");
    let good_bytes = std::fs::read(&good).unwrap();
    let original = entries(&good)
        .into_iter()
        .find(|(n, _)| n.starts_with("originals/"))
        .unwrap()
        .0;
    let article_entry = format!("articles/{id}.json");

    let b = Laptop::new("Hùng", "editor");
    // B already holds an older state, so "unchanged" means more than an empty database.
    let other = b.new_article("Bài của B");
    b.edit(other, |x| x.lead = "Đã có.".into());
    let before = b.snapshot();
    let dir = tempfile::tempdir().unwrap();

    type Make = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Make, &str)> = vec![
        (
            "truncated",
            Box::new({
                let g = good_bytes.clone();
                move |p| std::fs::write(p, &g[..g.len() / 2]).unwrap()
            }),
            "damaged or cut short",
        ),
        (
            "not a zip",
            Box::new(|p| std::fs::write(p, "Xin chào, đây không phải là gói.").unwrap()),
            "not a Newsdesk bundle",
        ),
        (
            "a byte flipped in a photo",
            Box::new({
                let g = good_bytes.clone();
                move |p| {
                    // The originals are stored uncompressed: find the JPEG's middle and flip it.
                    let mut g = g.clone();
                    let start = g.windows(3).position(|w| w == [0xFF, 0xD8, 0xFF]).unwrap();
                    g[start + 400] ^= 0xFF;
                    std::fs::write(p, g).unwrap()
                }
            }),
            "damaged or cut short",
        ),
        (
            "checksum mismatch",
            Box::new({
                let good = good.clone();
                let entry = article_entry.clone();
                move |p| {
                    let mut l = entries(&good);
                    let (_, bytes) = l.iter_mut().find(|(n, _)| *n == entry).unwrap();
                    let text = String::from_utf8(bytes.clone()).unwrap();
                    *bytes = text.replacen("Gửi đi", "Gửi đa", 1).into_bytes();
                    write_zip(p, l, false)
                }
            }),
            "checksum",
        ),
        (
            "newer format version",
            Box::new({
                let good = good.clone();
                move |p| {
                    let mut l = entries(&good);
                    with_manifest(&mut l, |m| m["format_version"] = Value::from(2));
                    write_zip(p, l, false)
                }
            }),
            "newer Newsdesk",
        ),
        (
            "path traversal",
            Box::new({
                let good = good.clone();
                move |p| {
                    let mut l = entries(&good);
                    l.push(("../../evil.json".into(), b"{}".to_vec()));
                    write_zip(p, l, false)
                }
            }),
            "points outside",
        ),
        (
            "absolute path",
            Box::new({
                let good = good.clone();
                move |p| {
                    let mut l = entries(&good);
                    l.push(("/etc/evil.json".into(), b"{}".to_vec()));
                    write_zip(p, l, false)
                }
            }),
            "points outside",
        ),
        (
            "absurd declared size",
            Box::new({
                let g = good_bytes.clone();
                let entry = article_entry.clone();
                move |p| std::fs::write(p, declare_size(&g, &entry, 0xFFFF_FFF0)).unwrap()
            }),
            "the limit is",
        ),
        (
            "a photo that fails to decode",
            Box::new({
                let good = good.clone();
                let original = original.clone();
                move |p| {
                    let mut l = entries(&good);
                    let (name, bytes) = l.iter_mut().find(|(n, _)| *n == original).unwrap();
                    bytes.truncate(600);
                    // The name carries the hash, so a consistent forgery renames it too.
                    let hex: String = Sha256::digest(&*bytes)
                        .iter()
                        .map(|x| format!("{x:02x}"))
                        .collect();
                    let new_name = format!("originals/{hex}.jpg");
                    let old_sha = name["originals/".len()..name.len() - 4].to_owned();
                    *name = new_name.clone();
                    for (n, b) in l.iter_mut() {
                        if n == "manifest.json" || n.starts_with("photos/") {
                            let t = String::from_utf8(b.clone()).unwrap();
                            *b = t.replace(&old_sha, &hex).into_bytes();
                        }
                    }
                    with_manifest(&mut l, |m| {
                        for e in m["entries"].as_array_mut().unwrap() {
                            if e["path"].as_str().unwrap().starts_with("originals/") {
                                e["path"] = Value::from(new_name.clone());
                            }
                        }
                    });
                    write_zip(p, l, true)
                }
            }),
            "cannot be used",
        ),
        (
            "an entry the manifest does not list",
            Box::new({
                let good = good.clone();
                move |p| {
                    let mut l = entries(&good);
                    l.push((format!("people/{}.json", Uuid::now_v7()), b"{}".to_vec()));
                    write_zip(p, l, false)
                }
            }),
            "not listed in the manifest",
        ),
        (
            "no manifest",
            Box::new({
                let good = good.clone();
                move |p| {
                    let l = entries(&good)
                        .into_iter()
                        .filter(|(n, _)| n != "manifest.json")
                        .collect();
                    write_zip(p, l, false)
                }
            }),
            "no manifest.json",
        ),
    ];
    for (what, make, expected) in cases {
        let file = dir
            .path()
            .join(format!("{}.ndbundle", what.replace(' ', "-")));
        make(&file);
        for extra in [&[][..], &["--dry-run"][..]] {
            let mut args = vec!["bundle", "import", file.to_str().unwrap()];
            args.extend_from_slice(extra);
            let err = fails(b.path(), &args);
            assert!(
                err.contains(expected),
                "{what}: expected '{expected}' in: {err}"
            );
        }
        assert_eq!(b.snapshot(), before, "{what}: the database changed");
        assert!(
            b.files_under("photos/originals").is_empty(),
            "{what}: a photo was stored"
        );
    }
    // The good bundle still goes in.
    b.receive(&good);
    assert_eq!(b.store().article(id).unwrap().headline, "Gửi đi");
}

#[test]
fn issue_9_export_refuses_an_existing_file_and_unknown_articles() {
    let a = Laptop::new("Lan", "reporter");
    let id = a.new_article("Một");
    let out = a.send(&[id], "once");
    let err = fails(
        a.path(),
        &[
            "bundle",
            "export",
            &id.to_string(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(err.contains("already exists"), "{err}");
    let missing = a.path().join("missing.ndbundle");
    let err = fails(
        a.path(),
        &[
            "bundle",
            "export",
            &Uuid::now_v7().to_string(),
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert!(err.contains("not found"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn issue_9_the_deb_registers_the_bundle_file_type() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tauri.conf.json")).unwrap())
            .unwrap();
    let assoc = &conf["bundle"]["fileAssociations"][0];
    assert_eq!(assoc["ext"][0], newsdesk_bundle::EXTENSION);
    let mime = assoc["mimeType"].as_str().unwrap();
    assert_eq!(mime, "application/x-newsdesk-bundle");
    let deb = &conf["bundle"]["linux"]["deb"];
    // The desktop entry (the bundler's own template plus %F) hands the double-clicked files
    // over and claims the association's MIME type, which the bundler fills in.
    let desktop =
        std::fs::read_to_string(root.join(deb["desktopTemplate"].as_str().unwrap())).unwrap();
    let lines: Vec<&str> = desktop.lines().collect();
    assert!(lines.contains(&"Exec={{exec}} %F"), "{desktop}");
    assert!(lines.contains(&"MimeType={{mime_type}};"), "{desktop}");
    // The shared-mime-info entry maps *.ndbundle to that type.
    let files = deb["files"].as_object().unwrap();
    let (dest, src) = files
        .iter()
        .find(|(k, _)| k.starts_with("/usr/share/mime/packages/"))
        .expect("a shared-mime-info file in the deb");
    assert!(dest.ends_with(".xml"));
    let xml = std::fs::read_to_string(root.join(src.as_str().unwrap())).unwrap();
    assert!(
        xml.contains(&format!("<mime-type type=\"{mime}\">")),
        "{xml}"
    );
    assert!(xml.contains("<glob pattern=\"*.ndbundle\""), "{xml}");
}

#[test]
fn issue_9_send_to_desk_reaches_the_addressed_profile_once() {
    let share = tempfile::tempdir().unwrap();
    let share_dir = share.path().to_str().unwrap();
    let editor = Laptop::new("Hùng", "editor");
    let reporter = Laptop::new("Lan", "reporter");
    let photo = Laptop::new("Minh", "photo_editor");
    for l in [&editor, &reporter, &photo] {
        let out = ok(l.path(), &["bundle", "watch", share_dir]);
        assert_eq!(out.trim(), share_dir);
    }
    let id = editor.new_article("Gửi lên bàn");
    // No --out and no watch folder is refused with a hint.
    let lone = Laptop::new("An", "reporter");
    let err = fails(
        lone.path(),
        &["bundle", "export", &id.to_string(), "--to", "Lan"],
    );
    assert!(err.contains("watch folder"), "{err}");

    let out = ok(
        editor.path(),
        &["bundle", "export", &id.to_string(), "--to", "Lan"],
    );
    assert!(out.starts_with(share_dir), "{out}");
    let waiting = |l: &Laptop| -> Vec<Value> {
        serde_json::from_str(&ok(l.path(), &["bundle", "waiting", "--json"])).unwrap()
    };
    assert!(waiting(&photo).is_empty(), "addressed to Lan only");
    assert!(waiting(&editor).is_empty());
    let for_lan = waiting(&reporter);
    assert_eq!(for_lan.len(), 1);
    assert_eq!(for_lan[0]["manifest"]["to"], "Lan");
    assert_eq!(for_lan[0]["manifest"]["sender"]["profile"], "Hùng");
    let path = for_lan[0]["path"].as_str().unwrap();
    reporter.receive(Path::new(path));
    assert!(waiting(&reporter).is_empty(), "imported: not offered again");
    assert_eq!(
        reporter.store().article(id).unwrap().headline,
        "Gửi lên bàn"
    );

    // A bundle that brings nothing new is remembered once looked at, too.
    ok(
        editor.path(),
        &["bundle", "export", &id.to_string(), "--to", "Lan"],
    );
    assert_eq!(waiting(&reporter).len(), 1);
    let again = waiting(&reporter)[0]["path"].as_str().unwrap().to_owned();
    let text = ok(reporter.path(), &["bundle", "import", &again]);
    assert!(text.contains("nothing to import"), "{text}");
    assert!(waiting(&reporter).is_empty());
    ok(reporter.path(), &["bundle", "watch", "--clear"]);
    assert!(ok(reporter.path(), &["bundle", "watch"]).contains("no watch folder"));
}
