//! Exports (issue 6): golden files for each format over an article with every block
//! kind, hostile text in every field, the external checkers (Nu HTML checker, the
//! official ninjs schema), byte-identical packages, path safety, and the CLI's
//! workflow and export commands end to end.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Utc};
use newsdesk_core::interview::{Interview, LabelStyle, Speaker, Turn, Voice, VoiceSection};
use newsdesk_core::{
    Article, Block, Byline, Document, Inline, ListItem, Mark, NewArticle, Role, Settings,
};
use newsdesk_export::package::render;
use newsdesk_export::{export, ExportFormat, ExportInput, ExportOptions, RelatedLink};
use uuid::Uuid;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn t(s: &str) -> Inline {
    Inline::Text {
        text: s.into(),
        marks: vec![],
    }
}

fn tm(s: &str, marks: Vec<Mark>) -> Inline {
    Inline::Text {
        text: s.into(),
        marks,
    }
}

fn p(inl: Vec<Inline>) -> Block {
    Block::Paragraph { content: inl }
}

/// An article with every block kind, fixed ids and times so the output is stable.
fn fixture() -> Article {
    let mut a = Article::create(
        NewArticle {
            headline: "Đà Nẵng đón mưa lớn & gió mạnh".into(),
            lead: "Chiều 7/3, mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.".into(),
            bylines: vec![
                Byline::new("Đông Hà", Role::Interviewer),
                Byline::new("Minh Anh", Role::Interviewer),
                Byline::new("T. Dũng", Role::Photographer),
            ],
            section: "Thời sự".into(),
            ..NewArticle::default()
        },
        at("2017-03-07T10:00:00Z"),
    );
    a.id = Uuid::parse_str("01890000-0000-7000-8000-000000000001").unwrap();
    a.version = 3;
    a.updated_at = at("2017-03-07T23:53:00Z");
    a.related = vec![Uuid::parse_str("01890000-0000-7000-8000-000000000002").unwrap()];
    a.body = Document {
        blocks: vec![
            p(vec![
                t("Mở đầu với "),
                tm("chữ đậm", vec![Mark::Bold]),
                t(", "),
                tm("chữ nghiêng", vec![Mark::Italic]),
                t(" và "),
                tm(
                    "một liên kết",
                    vec![Mark::Link {
                        href: "https://baoquangtri.vn/a?b=1&c=2".into(),
                    }],
                ),
                t("."),
                Inline::HardBreak,
                t("Dòng thứ hai."),
            ]),
            Block::Heading {
                level: 2,
                content: vec![t("Thiệt hại ban đầu")],
            },
            Block::Quote {
                blocks: vec![p(vec![t("Nước lên nhanh quá.")])],
            },
            Block::List {
                ordered: false,
                items: vec![
                    ListItem {
                        blocks: vec![p(vec![t("Quận Hải Châu")])],
                    },
                    ListItem {
                        blocks: vec![
                            p(vec![t("Quận Thanh Khê")]),
                            Block::List {
                                ordered: true,
                                items: vec![ListItem {
                                    blocks: vec![p(vec![t("Phường An Khê")])],
                                }],
                            },
                        ],
                    },
                ],
            },
            Block::Interview(Interview {
                interviewer: "PV".into(),
                labels: LabelStyle::FullThenShort,
                speakers: vec![Speaker {
                    key: "s1".into(),
                    person_id: None,
                    honorific: "Ông".into(),
                    name: "Nguyễn Văn Hùng".into(),
                    short_label: String::new(),
                }],
                turns: vec![
                    Turn::Question {
                        blocks: vec![p(vec![t("Thưa ông, thiệt hại thế nào?")])],
                    },
                    Turn::Answer {
                        speaker: "s1".into(),
                        blocks: vec![p(vec![t("Khoảng 200 hộ bị ngập.")])],
                        pull_quote: vec![t("Phải di dời dân ngay")],
                    },
                    Turn::Question {
                        blocks: vec![p(vec![t("Còn sắp tới?")])],
                    },
                    Turn::Answer {
                        speaker: "s1".into(),
                        blocks: vec![p(vec![t("Chúng tôi đã chuẩn bị.")])],
                        pull_quote: vec![],
                    },
                ],
            }),
            Block::Voices(VoiceSection {
                heading: vec![t("Ý kiến cử tri")],
                voices: vec![Voice {
                    person_id: None,
                    honorific: "Đồng chí".into(),
                    name: "Lê Văn Tám".into(),
                    titles: vec!["Ủy viên BTV Tỉnh ủy".into()],
                    position: "Bí thư Huyện ủy Gio Linh".into(),
                    pull_quote: vec![t("Phải lắng nghe dân")],
                    statement: vec![p(vec![t("Tôi đề nghị tăng cường kiểm tra.")])],
                }],
            }),
        ],
        ..Document::default()
    };
    a
}

fn related() -> Vec<RelatedLink> {
    vec![RelatedLink {
        id: Uuid::parse_str("01890000-0000-7000-8000-000000000002").unwrap(),
        headline: "Quảng Trị chủ động ứng phó mưa lũ".into(),
    }]
}

fn input<'a>(a: &'a Article, s: &'a Settings, r: &'a [RelatedLink]) -> ExportInput<'a> {
    ExportInput {
        article: a,
        settings: s,
        related: r,
        figures: &[],
        dated: a.updated_at,
    }
}

/// Compares `got` with the golden file; `NEWSDESK_BLESS=1` rewrites it.
fn golden(name: &str, got: &[u8]) {
    let path = root().join("tests/golden/export").join(name);
    if std::env::var_os("NEWSDESK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "golden file {} is missing; run with NEWSDESK_BLESS=1 to write it",
            path.display()
        )
    });
    assert!(
        want == got,
        "{name} differs from its golden file; got:\n{}",
        String::from_utf8_lossy(got)
    );
}

#[test]
fn golden_files_for_every_format() {
    let a = fixture();
    let s = Settings::default();
    let r = related();
    let files = render(&input(&a, &s, &r), ExportFormat::Package).unwrap();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        [
            "article.docx",
            "article.html",
            "article.md",
            "article.ninjs.json",
            "manifest.json"
        ]
    );
    for (name, bytes) in &files {
        golden(name, bytes);
    }
    let html = String::from_utf8(files["article.html"].clone()).unwrap();
    for want in [
        "Cập nhật: Thứ 4, 08/03/2017 | 06:53 GMT+7",
        "<p class=\"lead\">(QT) - Chiều 7/3",
        "<strong>Đồng chí Lê Văn Tám, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy Gio Linh</strong>: “Phải lắng nghe dân”",
        "<strong>Ông Nguyễn Văn Hùng: </strong>Khoảng 200",
        "<strong>Ông Hùng: </strong>Chúng tôi",
        "<strong>PV: </strong>Thưa ông",
        "Đông Hà - Minh Anh (thực hiện), T. Dũng (ảnh)",
        "<h2>Xem thêm</h2>",
        "<a href=\"https://baoquangtri.vn/a?b=1&amp;c=2\">",
    ] {
        assert!(html.contains(want), "the page lacks {want:?}");
    }
}

/// Hostile strings put into every text field.
const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "a\u{0}b",
    "\u{202E}\u{200F}RTL \u{202B}mark\u{202C}",
    "' onmouseover='x",
];

fn hostile_article(h: &str) -> Article {
    let mut a = fixture();
    a.headline = h.into();
    a.lead = h.into();
    a.section = h.into();
    a.bylines = vec![Byline::new(h, Role::Writer)];
    a.body.blocks.push(p(vec![
        t(h),
        tm(
            h,
            vec![Mark::Link {
                href: "javascript:alert(1)".into(),
            }],
        ),
        tm(
            h,
            vec![Mark::Link {
                href: format!("https://x.vn/{h}"),
            }],
        ),
        Inline::Placeholder { prompt: h.into() },
    ]));
    if let Block::Voices(v) = &mut a.body.blocks[6] {
        v.voices[0].name = h.into();
        v.voices[0].titles = vec![h.into()];
        v.voices[0].position = h.into();
        v.voices[0].pull_quote = vec![t(h)];
    }
    a
}

fn assert_safe_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "script in {html}");
    assert!(!lower.contains("javascript:\""), "javascript link");
    assert!(!lower.contains("href=\"javascript:"), "javascript link");
    assert!(!lower.contains("<img"), "an element from user text");
    // No on* attribute: every `on…=` must be inside text, i.e. after an escaped quote.
    let mut in_tag = false;
    let bytes = lower.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'o' if in_tag && bytes.get(i + 1) == Some(&b'n') && i > 0 => {
                let prev = bytes[i - 1];
                let rest: String = lower[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                assert!(
                    !(prev.is_ascii_whitespace() && lower[i + rest.len()..].starts_with('=')),
                    "an on* attribute in a tag: {}",
                    &lower[i.saturating_sub(40)..(i + 40).min(lower.len())]
                );
            }
            _ => {}
        }
    }
}

#[test]
fn hostile_text_is_escaped_and_comes_back() {
    let s = Settings::default();
    let long = "<b>x".repeat(2_500);
    for h in HOSTILE.iter().copied().chain([long.as_str()]) {
        let a = hostile_article(h);
        let files = render(&input(&a, &s, &related()), ExportFormat::Package).unwrap();
        let html = String::from_utf8(files["article.html"].clone()).unwrap();
        assert_safe_html(&html);
        // The headline comes back exactly (NUL, which HTML cannot carry, as U+FFFD).
        let h1 = html
            .split("<h1>")
            .nth(1)
            .unwrap()
            .split("</h1>")
            .next()
            .unwrap();
        let back = html_escape::decode_html_entities(h1);
        assert_eq!(back, h.replace('\0', "\u{FFFD}"), "headline {h:?}");
        // ninjs carries every character exactly, NUL included.
        let v: serde_json::Value = serde_json::from_slice(&files["article.ninjs.json"]).unwrap();
        assert_eq!(v["headlines"][0]["value"], h);
        assert_eq!(
            v["descriptions"][0]["value"],
            format!("(QT) - {}", h.trim())
        );
        assert_safe_html(v["bodies"][0]["value"].as_str().unwrap());
        // Markdown: the text is escaped, so no raw HTML tag is left.
        let md = String::from_utf8(files["article.md"].clone()).unwrap();
        assert!(
            !md.replace("\\<", "").contains("<script"),
            "raw html in markdown"
        );
        assert!(!md.contains("](javascript"), "javascript link in markdown");
    }
}

fn ninjs_schema_dir() -> PathBuf {
    match std::env::var_os("NEWSDESK_NINJS_SCHEMAS") {
        Some(p) => PathBuf::from(p),
        None => root().join("../shared/fixtures/ninjs"),
    }
}

#[test]
fn ninjs_is_valid_against_the_official_schema() {
    let dir = ninjs_schema_dir();
    let path = dir.join("ninjs-schema_2.2.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the official ninjs 2.2 schema is absent at {} ({e}); set NEWSDESK_NINJS_SCHEMAS \
             to the folder holding ninjs-schema_2.2.json. This test cannot pass without it.",
            path.display()
        )
    });
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The schema refers to GeoJSON for `places[].geometry`, which Newsdesk never
    // writes; it resolves to the permissive schema so the check runs offline.
    let validator = jsonschema::options()
        .with_retriever(OfflineGeoJson)
        .build(&schema)
        .unwrap();
    let s = Settings::default();
    let r = related();
    let mut articles = vec![fixture()];
    articles.extend(HOSTILE.iter().map(|h| hostile_article(h)));
    for a in &articles {
        let v = newsdesk_export::ninjs::item(&input(a, &s, &r)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "ninjs invalid: {errors:?}");
    }
    // The validator does reject a broken item, so the check can fail.
    let bad = serde_json::json!({"uri": "x", "pubstatus": "live"});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn html_passes_the_nu_checker() {
    let jar = root().join("tests/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.exists(),
        "the Nu HTML checker is missing at {}: run `npm install` in tests/tools (needs java)",
        jar.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let s = Settings::default();
    let r = related();
    let mut pages = vec![("fixture", fixture())];
    for (i, h) in HOSTILE.iter().enumerate() {
        pages.push((["h0", "h1", "h2", "h3", "h4", "h5"][i], hostile_article(h)));
    }
    let mut files = Vec::new();
    for (name, a) in &pages {
        let html = newsdesk_export::html::page(&input(a, &s, &r)).unwrap();
        let f = dir.path().join(format!("{name}.html"));
        std::fs::write(&f, html).unwrap();
        files.push(f);
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--errors-only")
        .args(&files)
        .output()
        .expect("java must be installed to run the Nu HTML checker");
    assert!(
        out.status.success(),
        "the Nu HTML checker found errors:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_package_is_byte_identical_on_re_export_and_its_manifest_is_right() {
    let a = fixture();
    let s = Settings::default();
    let r = related();
    let mut zips = Vec::new();
    for _ in 0..2 {
        let out = tempfile::tempdir().unwrap();
        let mut steps = Vec::new();
        let rep = export(
            &input(&a, &s, &r),
            &ExportOptions {
                out: out.path().join("pkg"),
                format: ExportFormat::Package,
                zip: true,
                force: false,
            },
            &mut |p| steps.push(p),
        )
        .unwrap();
        assert!(steps.len() >= 2 && steps.last().unwrap().done == steps.last().unwrap().total);
        zips.push(std::fs::read(&rep.path).unwrap());
    }
    assert!(zips[0] == zips[1], "two exports of one article differ");
    // The folder form: every file's checksum is in the manifest.
    let out = tempfile::tempdir().unwrap();
    let rep = export(
        &input(&a, &s, &r),
        &ExportOptions {
            out: out.path().to_owned(),
            format: ExportFormat::Package,
            zip: false,
            force: false,
        },
        &mut |_| {},
    )
    .unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(rep.path.join("manifest.json")).unwrap()).unwrap();
    let listed = manifest["files"].as_array().unwrap();
    assert_eq!(listed.len(), 4);
    for f in listed {
        let bytes = std::fs::read(rep.path.join(f["path"].as_str().unwrap())).unwrap();
        assert_eq!(
            f["sha256"].as_str().unwrap(),
            newsdesk_export::package::sha256_hex(&bytes)
        );
    }
}

#[test]
fn nothing_is_written_outside_the_output_folder() {
    let s = Settings::default();
    for headline in [
        "../../evil",
        "/etc/passwd",
        "..\\..\\evil",
        "CON",
        "nul",
        "....",
        "\u{0}",
    ] {
        let outer = tempfile::tempdir().unwrap();
        let out = outer.path().join("out");
        let mut a = fixture();
        a.headline = headline.into();
        for format in [ExportFormat::Html, ExportFormat::Package] {
            export(
                &input(&a, &s, &[]),
                &ExportOptions {
                    out: out.clone(),
                    format,
                    zip: false,
                    force: true,
                },
                &mut |_| {},
            )
            .unwrap();
        }
        let outside: Vec<_> = std::fs::read_dir(outer.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            outside,
            ["out"],
            "{headline:?} wrote beside the output folder"
        );
        for e in std::fs::read_dir(&out).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            assert!(
                newsdesk_export::slug::is_safe_name(&name),
                "{headline:?} gave the unsafe name {name:?}"
            );
        }
    }
}

#[test]
fn an_output_folder_with_files_is_refused_unless_forced() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("keep.txt"), "mine").unwrap();
    let a = fixture();
    let s = Settings::default();
    let opts = |force| ExportOptions {
        out: out.path().to_owned(),
        format: ExportFormat::Html,
        zip: false,
        force,
    };
    let err = export(&input(&a, &s, &[]), &opts(false), &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "exists");
    export(&input(&a, &s, &[]), &opts(true), &mut |_| {}).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.path().join("keep.txt")).unwrap(),
        "mine"
    );
}

// ---- the CLI, end to end -------------------------------------------------------

fn newsdesk(data: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("NEWSDESK_AUTHOR", "test")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn workflow_check_and_export_from_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let (ok, out, err) = newsdesk(
        d,
        &["article", "new", "--headline", "Tin mới", "--lead", ""],
    );
    assert!(ok, "{err}");
    let id = out
        .split_whitespace()
        .find(|w| Uuid::parse_str(w).is_ok())
        .unwrap_or_else(|| panic!("no id in {out}"))
        .to_owned();
    assert!(newsdesk(d, &["profile", "add", "Lan", "--role", "reporter"]).0);
    assert!(newsdesk(d, &["profile", "add", "Hùng", "--role", "editor"]).0);
    let (_, list, _) = newsdesk(d, &["profile", "list"]);
    assert!(list.contains("* Lan\treporter"), "{list}");

    // The checklist blocks: the lead is empty.
    let (ok, out, _) = newsdesk(d, &["check", &id, "--json"]);
    assert!(!ok);
    let c: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(c["findings"][0]["code"], "lead_empty");
    assert_eq!(c["findings"][0]["path"], "lead");

    assert!(newsdesk(d, &["status", &id, "submitted"]).0);
    let (ok, _, err) = newsdesk(d, &["status", &id, "in_edit"]);
    assert!(!ok && err.contains("only an editor"), "{err}");
    assert!(newsdesk(d, &["status", &id, "in_edit", "--as", "Hùng"]).0);
    let (ok, _, err) = newsdesk(d, &["status", &id, "approved", "--as", "Hùng"]);
    assert!(!ok && err.contains("checklist"), "{err}");
    let (ok, _, err) = newsdesk(d, &["status", &id, "bogus"]);
    assert!(!ok && err.contains("unknown status"), "{err}");

    // Export refuses while the checklist blocks; fix the lead through a file round trip.
    let out_dir = d.join("export");
    let out_s = out_dir.to_str().unwrap();
    let (ok, _, err) = newsdesk(d, &["export", &id, "--format", "html", "--out", out_s]);
    assert!(!ok && err.contains("lead_empty"), "{err}");
}

#[test]
fn export_records_the_publish_log_and_marks_updates() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let (ok, out, err) = newsdesk(
        d,
        &[
            "article",
            "new",
            "--headline",
            "Đà Nẵng: mưa lớn",
            "--lead",
            "Chiều 7/3, mưa lớn.",
            "--body",
            "Đoạn một.",
        ],
    );
    assert!(ok, "{err}");
    let id = out
        .split_whitespace()
        .find(|w| Uuid::parse_str(w).is_ok())
        .unwrap()
        .to_owned();
    assert!(newsdesk(d, &["profile", "add", "Hùng", "--role", "editor"]).0);
    for st in ["submitted", "in_edit", "approved"] {
        let (ok, _, err) = newsdesk(d, &["status", &id, st]);
        assert!(ok, "{st}: {err}");
    }
    let out_dir = d.join("out");
    let o = out_dir.to_str().unwrap();
    let (ok, out, err) = newsdesk(
        d,
        &["export", &id, "--format", "package", "--zip", "--out", o],
    );
    assert!(ok, "{err}");
    assert!(err.contains("[1/"), "progress on stderr: {err}");
    assert!(
        out.contains("da-nang-mua-lon.zip") && !out.contains("update"),
        "{out}"
    );
    let (ok, _, err) = newsdesk(d, &["export", &id, "--format", "html", "--out", o]);
    assert!(!ok && err.contains("--force"), "{err}");
    // Publishing makes a new version: the next export is an update.
    assert!(newsdesk(d, &["status", &id, "published"]).0);
    let (ok, out, err) = newsdesk(
        d,
        &["export", &id, "--format", "html", "--out", o, "--force"],
    );
    assert!(ok, "{err}");
    assert!(out.trim_end().ends_with("update"), "{out}");
    let html = std::fs::read_to_string(out_dir.join("da-nang-mua-lon.html")).unwrap();
    assert!(html.contains("(QT) - Chiều 7/3"));
    let (ok, list, _) = newsdesk(d, &["article", "list", "--json"]);
    assert!(ok);
    assert!(list.contains("\"published\""), "{list}");
    // The draft list filters by state and person.
    let (ok, list, err) = newsdesk(
        d,
        &[
            "article",
            "list",
            "--status",
            "published",
            "--person",
            "Hùng",
        ],
    );
    assert!(ok, "{err}");
    assert!(list.contains(&id), "{list}");
    let (_, list, _) = newsdesk(d, &["article", "list", "--status", "draft"]);
    assert!(!list.contains(&id), "{list}");
}

/// Resolves the ninjs schema's only external reference (GeoJSON) without the network.
struct OfflineGeoJson;

impl jsonschema::Retrieve for OfflineGeoJson {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
        if uri.as_str().starts_with("https://geojson.org/") {
            Ok(serde_json::json!({}))
        } else {
            Err(format!("unexpected external schema {uri}").into())
        }
    }
}

/// The text of `word/document.xml` inside a DOCX.
fn docx_xml(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut f = z.by_name("word/document.xml").unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn docx_has_real_paragraphs_and_opens_in_libreoffice() {
    let a = fixture();
    let s = Settings::default();
    let r = related();
    let bytes = newsdesk_export::docx::document(&input(&a, &s, &r)).unwrap();
    let xml = docx_xml(&bytes);
    for want in [
        "<w:pStyle w:val=\"Title\" />",
        "<w:pStyle w:val=\"Heading1\" />",
        "<w:b />",
        "<w:i />",
        "Đà Nẵng đón mưa lớn &amp; gió mạnh",
        "(QT) - Chiều 7/3",
        "Ông Nguyễn Văn Hùng: ",
        "Đồng chí Lê Văn Tám, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy Gio Linh",
        "Xem thêm",
    ] {
        assert!(xml.contains(want), "document.xml lacks {want:?}");
    }
    // Hostile text stays text.
    for h in HOSTILE {
        let bytes = newsdesk_export::docx::document(&input(&hostile_article(h), &s, &r)).unwrap();
        let xml = docx_xml(&bytes);
        assert!(!xml.contains("<script"), "raw markup in DOCX");
        assert!(!xml.contains('\0'), "NUL in DOCX XML");
    }
    // LibreOffice headless converts it to PDF.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.docx");
    std::fs::write(&file, &bytes).unwrap();
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok())
        .expect("LibreOffice is not installed (apt-get install libreoffice-writer-nogui); the DOCX check cannot run");
    let out = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let pdf = dir.path().join("article.pdf");
    assert!(
        pdf.exists(),
        "LibreOffice did not convert the DOCX: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let head = std::fs::read(&pdf).unwrap();
    assert!(head.starts_with(b"%PDF") && head.len() > 1000, "not a PDF");
}

#[test]
fn photo_credits_are_written_as_xmp_and_iptc_and_exiftool_reads_them_back() {
    use newsdesk_export::image_meta::{embed, ImageCredits};
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.jpg");
    let made = Command::new("convert")
        .args(["-size", "64x48", "xc:gray"])
        .arg(&src)
        .status()
        .expect(
            "ImageMagick `convert` is needed to make the test JPEG (apt-get install imagemagick)",
        );
    assert!(made.success());
    let long = "Đà Nẵng ".repeat(200);
    let cases = [
        ImageCredits {
            caption: "Người dân Đà Nẵng dọn dẹp sau mưa lũ \"lịch sử\" <b>& gió</b>".into(),
            creator: "Trần Dũng".into(),
            credit: "Ảnh: T.D".into(),
            copyright: "© Báo Quảng Trị".into(),
            date: "2017-03-08".into(),
            alt: "Ba người đàn ông khiêng ghế qua phố ngập nước".into(),
        },
        ImageCredits {
            caption: long.trim().into(),
            creator: "\u{202E}RTL tên".into(),
            credit: "Ảnh: X".into(),
            copyright: "© Báo".into(),
            date: String::new(),
            alt: "<script>alert(1)</script>".into(),
        },
    ];
    for c in cases {
        let out = dir.path().join("out.jpg");
        std::fs::write(&out, embed(&std::fs::read(&src).unwrap(), &c).unwrap()).unwrap();
        let ran = Command::new("exiftool")
            .args(["-j", "-charset", "iptc=UTF8"])
            .args([
                "-XMP-dc:Description",
                "-XMP-dc:Creator",
                "-XMP-dc:Rights",
                "-XMP-photoshop:Credit",
                "-XMP-iptcCore:AltTextAccessibility",
                "-IPTC:Caption-Abstract",
                "-IPTC:By-line",
                "-IPTC:Credit",
                "-IPTC:CopyrightNotice",
                "-IPTC:CodedCharacterSet",
            ])
            .arg(&out)
            .output()
            .expect("exiftool is needed to read the photo metadata back (apt-get install libimage-exiftool-perl)");
        assert!(
            ran.status.success(),
            "{}",
            String::from_utf8_lossy(&ran.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&ran.stdout).unwrap();
        let v = &v[0];
        let s = |k: &str| {
            v[k].as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| v[k].to_string())
        };
        assert_eq!(s("Description"), c.caption);
        assert_eq!(s("Caption-Abstract"), c.caption);
        assert_eq!(s("Creator"), c.creator);
        assert_eq!(s("By-line"), c.creator);
        assert_eq!(s("Rights"), c.copyright);
        assert_eq!(s("CopyrightNotice"), c.copyright);
        assert_eq!(v["Credit"].as_str().unwrap(), c.credit);
        assert_eq!(s("AltTextAccessibility"), c.alt);
        assert_eq!(s("CodedCharacterSet"), "UTF8");
    }
}
