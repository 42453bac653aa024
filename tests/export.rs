//! Exports (issue 6): golden files for each format over an article with every block
//! kind, hostile text in every field, the external checkers (Nu HTML checker, the
//! official ninjs schema), byte-identical packages, path safety, and the CLI's
//! workflow and export commands end to end.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use newsdesk_core::credit::article_credits;
use newsdesk_core::interview::{Interview, LabelStyle, Speaker, Turn, Voice, VoiceSection};
use newsdesk_core::{
    Article, Block, Byline, Document, Inline, ListItem, Mark, NewArticle, Role, Settings,
};
use newsdesk_export::image_meta::ImageCredits;
use newsdesk_export::package::render;
use newsdesk_export::{
    export, ExportFormat, ExportInput, ExportOptions, FigureImage, FigureView, NinjsVersion,
    RelatedLink, RenderOptions,
};
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
            figure(0),
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
            figure(1),
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
            figure(2),
        ],
        ..Document::default()
    };
    a
}

/// The fixture's three placed photos: (caption, photographer, alt text, RGB colour).
const PHOTOS: [(&str, &str, &str, [u8; 3]); 3] = [
    (
        "Người dân phường Hải Châu lội nước về nhà chiều 7/3",
        "Trần Dũng",
        "Hai người đàn ông lội qua đoạn phố ngập đến đầu gối",
        [40, 90, 160],
    ),
    (
        "Lực lượng cứu hộ đưa người già đến nơi an toàn",
        "Lê Hoa",
        "Chiến sĩ cứu hộ dìu một cụ bà lên xuồng",
        [160, 60, 40],
    ),
    (
        "Xe cộ chết máy trên đường Điện Biên Phủ",
        "trần  dũng",
        "Hàng xe máy dựng bên đường ngập",
        [60, 140, 60],
    ),
];

fn fixed_id(n: u32) -> Uuid {
    Uuid::parse_str(&format!("01890000-0000-7000-8000-{n:012}")).unwrap()
}

fn figure(i: usize) -> Block {
    Block::Figure {
        placement_id: fixed_id(11 + i as u32),
        photo_id: fixed_id(21 + i as u32),
    }
}

/// The figures as printed: house credits (`Ảnh: NAME`, the repeat shortened to initials
/// as the default settings ask).
fn figures() -> &'static [FigureView] {
    static F: OnceLock<Vec<FigureView>> = OnceLock::new();
    F.get_or_init(|| {
        let s = Settings::default();
        let names: Vec<&str> = PHOTOS.iter().map(|p| p.1).collect();
        let credits = article_credits(&names, s.credit_initials_on_repeat, s.language);
        PHOTOS
            .iter()
            .zip(credits)
            .enumerate()
            .map(|(i, ((caption, _, alt, _), credit))| FigureView {
                placement_id: fixed_id(11 + i as u32),
                caption: (*caption).into(),
                credit,
                alt: (*alt).into(),
                copyright: "© Báo Quảng Trị".into(),
                ..FigureView::default()
            })
            .collect()
    })
}

/// A small JPEG of one colour, made the same way every run.
fn jpeg(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            rgb[0].wrapping_add((x % 32) as u8),
            rgb[1].wrapping_add((y % 32) as u8),
            rgb[2],
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .unwrap();
    out
}

/// The fixture's pictures, written once under the test target's temp folder.
fn images() -> &'static [FigureImage] {
    static I: OnceLock<Vec<FigureImage>> = OnceLock::new();
    I.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-fixture");
        std::fs::create_dir_all(&dir).unwrap();
        figures()
            .iter()
            .zip(PHOTOS)
            .enumerate()
            .map(|(i, (f, (_, creator, _, rgb)))| {
                let source = dir.join(format!("source-{i}.jpg"));
                let bytes = jpeg(96, 64, rgb);
                if std::fs::read(&source).ok().as_deref() != Some(&bytes[..]) {
                    let tmp = dir.join(format!("source-{i}.{}.tmp", std::process::id()));
                    std::fs::write(&tmp, &bytes).unwrap();
                    std::fs::rename(&tmp, &source).unwrap();
                }
                FigureImage {
                    placement_id: f.placement_id,
                    original: Some(source.clone()),
                    source,
                    credits: ImageCredits {
                        caption: f.caption.clone(),
                        creator: creator.into(),
                        credit: f.credit.clone(),
                        copyright: f.copyright.clone(),
                        date: "2017-03-07".into(),
                        alt: f.alt.clone(),
                    },
                }
            })
            .collect()
    })
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
        figures: figures(),
        images: images(),
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
    let files = render(
        &input(&a, &s, &r),
        ExportFormat::Package,
        RenderOptions::default(),
    )
    .unwrap();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        [
            "article.docx",
            "article.html",
            "article.md",
            "article.ninjs.json",
            "images/photo-01.jpg",
            "images/photo-02.jpg",
            "images/photo-03.jpg",
            "manifest.json"
        ]
    );
    // The pictures are checked through the manifest's checksums, not stored as goldens.
    for (name, bytes) in files.iter().filter(|(n, _)| !n.ends_with(".jpg")) {
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
        "<img src=\"images/photo-01.jpg\" alt=\"Hai người đàn ông lội qua đoạn phố ngập đến đầu gối\">",
        "<figcaption>Người dân phường Hải Châu lội nước về nhà chiều 7/3 <span class=\"credit\">Ảnh: TRẦN DŨNG</span></figcaption>",
        "<span class=\"credit\">Ảnh: LÊ HOA</span>",
        "<img src=\"images/photo-03.jpg\"",
        "<span class=\"credit\">Ảnh: T.D</span>",
    ] {
        assert!(html.contains(want), "the page lacks {want:?}");
    }
    let md = String::from_utf8(files["article.md"].clone()).unwrap();
    for want in [
        "![Hai người đàn ông lội qua đoạn phố ngập đến đầu gối](<images/photo-01.jpg>)",
        "Ảnh: T.D",
    ] {
        assert!(md.contains(want), "the Markdown lacks {want:?}");
    }
    let ninjs: serde_json::Value = serde_json::from_slice(&files["article.ninjs.json"]).unwrap();
    let assoc = &ninjs["associations"];
    assert_eq!(assoc[0]["renditions"][0]["title"], "images/photo-01.jpg");
    assert_eq!(assoc[1]["by"], "Ảnh: LÊ HOA");
    assert_eq!(assoc[2]["by"], "Ảnh: T.D");
    // Every picture is listed in the manifest with its checksum.
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".jpg")) {
        let e = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"] == name.as_str())
            .unwrap_or_else(|| panic!("{name} is not in the manifest"));
        assert_eq!(e["sha256"], newsdesk_export::package::sha256_hex(bytes));
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
    if let Some(Block::Voices(v)) = a
        .body
        .blocks
        .iter_mut()
        .find(|b| matches!(b, Block::Voices(_)))
    {
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
    // The only pictures are the package's own files.
    assert_eq!(
        lower.matches("<img").count(),
        lower.matches("<img src=\"images/photo-").count(),
        "an element from user text"
    );
    // No on* attribute: every `on…=` must be inside text, i.e. after an escaped quote.
    // Attribute values are double-quoted with `"` escaped, so a `"` inside a tag opens or
    // closes a value; `on…=` counts only outside values.
    let mut in_tag = false;
    let mut in_value = false;
    let bytes = lower.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' if in_tag => in_value = !in_value,
            b'<' if !in_value => in_tag = true,
            b'>' if !in_value => in_tag = false,
            b'o' if in_tag && !in_value && bytes.get(i + 1) == Some(&b'n') && i > 0 => {
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
        // The figures' caption, credit and alt text are hostile too.
        let figs: Vec<FigureView> = figures()
            .iter()
            .map(|f| FigureView {
                caption: h.into(),
                credit: h.into(),
                alt: h.into(),
                ..f.clone()
            })
            .collect();
        let r = related();
        let files = render(
            &ExportInput {
                figures: &figs,
                ..input(&a, &s, &r)
            },
            ExportFormat::Package,
            RenderOptions::default(),
        )
        .unwrap();
        let html = String::from_utf8(files["article.html"].clone()).unwrap();
        assert_safe_html(&html);
        let alt = html
            .split("<img src=\"images/photo-01.jpg\" alt=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(
            html_escape::decode_html_entities(alt),
            h.replace('\0', "\u{FFFD}"),
            "alt {h:?}"
        );
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

/// The official ninjs schema of `version`, compiled (formats checked too); the test
/// fails with a plain message when the schema is absent.
fn ninjs_validator(version: NinjsVersion) -> jsonschema::Validator {
    let dir = ninjs_schema_dir();
    let path = dir.join(version.schema_file());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the official ninjs {v} schema is absent at {} ({e}); set NEWSDESK_NINJS_SCHEMAS \
             to the folder holding {}. This test cannot pass without it.",
            path.display(),
            version.schema_file(),
            v = version.as_str(),
        )
    });
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The schema refers to GeoJSON for `places[].geometry`, which Newsdesk never
    // writes; it resolves to the permissive schema so the check runs offline.
    jsonschema::options()
        .with_retriever(OfflineGeoJson)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

#[test]
fn ninjs_is_valid_against_the_official_schema() {
    let s = Settings::default();
    let r = related();
    let mut articles = vec![fixture()];
    articles.extend(HOSTILE.iter().map(|h| hostile_article(h)));
    let validators = [
        (NinjsVersion::V2_2, ninjs_validator(NinjsVersion::V2_2)),
        (NinjsVersion::V3_1, ninjs_validator(NinjsVersion::V3_1)),
    ];
    for (version, validator) in &validators {
        for a in &articles {
            // The ninjs file alone, and inside a package with the originals (the
            // associations then name their pictures, with sizes in 3.1).
            let alone = newsdesk_export::ninjs::item(&input(a, &s, &r), *version).unwrap();
            let packaged = render(
                &input(a, &s, &r),
                ExportFormat::Package,
                RenderOptions {
                    ninjs: *version,
                    originals: true,
                },
            )
            .unwrap();
            let packaged: serde_json::Value =
                serde_json::from_slice(&packaged["article.ninjs.json"]).unwrap();
            for v in [&alone, &packaged] {
                let errors: Vec<String> = validator.iter_errors(v).map(|e| e.to_string()).collect();
                assert!(
                    errors.is_empty(),
                    "ninjs {} invalid: {errors:?}",
                    version.as_str()
                );
            }
        }
        // The validator does reject a broken item, so the check can fail.
        let bad = serde_json::json!({"uri": "x", "pubstatus": "live"});
        assert!(!validator.is_valid(&bad));
    }
    // 3.1 is not 2.2 relabelled: each version's document is invalid against the other's
    // schema (2.x lower-case names are unknown to 3.1 and the reverse).
    let a = fixture();
    let v22 = newsdesk_export::ninjs::item(&input(&a, &s, &r), NinjsVersion::V2_2).unwrap();
    let v31 = newsdesk_export::ninjs::item(&input(&a, &s, &r), NinjsVersion::V3_1).unwrap();
    assert!(
        !validators[1].1.is_valid(&v22),
        "a 2.2 item passed the 3.1 schema"
    );
    assert!(
        !validators[0].1.is_valid(&v31),
        "a 3.1 item passed the 2.2 schema"
    );
}

#[test]
fn ninjs_3_1_golden_and_its_fields() {
    let a = fixture();
    let s = Settings::default();
    let r = related();
    let files = render(
        &input(&a, &s, &r),
        ExportFormat::Package,
        RenderOptions {
            ninjs: NinjsVersion::V3_1,
            originals: true,
        },
    )
    .unwrap();
    golden("article.ninjs-3.1.json", &files["article.ninjs.json"]);
    let v: serde_json::Value = serde_json::from_slice(&files["article.ninjs.json"]).unwrap();
    for gone in [
        "versioncreated",
        "firstcreated",
        "pubstatus",
        "copyrightnotice",
    ] {
        assert!(v.get(gone).is_none(), "3.1 has the 2.x name {gone}");
    }
    assert_eq!(v["versionCreated"], "2017-03-07T23:53:00Z");
    assert_eq!(v["firstCreated"], "2017-03-07T10:00:00Z");
    assert_eq!(v["pubStatus"], "withheld");
    assert_eq!(v["standard"]["version"], "3.1");
    assert_eq!(v["headlines"][0]["value"], "Đà Nẵng đón mưa lớn & gió mạnh");
    assert_eq!(v["descriptions"][0]["contentType"], "text/plain");
    assert!(v["descriptions"][0]["value"]
        .as_str()
        .unwrap()
        .starts_with("(QT) - Chiều 7/3"));
    assert_eq!(v["bodies"][0]["contentType"], "text/html");
    assert!(v["bodies"][0]["wordCount"].as_u64().unwrap() > 20);
    assert_eq!(v["by"], "Đông Hà - Minh Anh (thực hiện), T. Dũng (ảnh)");
    let assoc = v["associations"].as_array().unwrap();
    assert_eq!(assoc.len(), 4, "three photos and the related article");
    assert_eq!(assoc[0]["rel"], "photo");
    assert_eq!(assoc[0]["copyrightNotice"], "© Báo Quảng Trị");
    assert_eq!(assoc[1]["by"], "Ảnh: LÊ HOA");
    let rend = assoc[0]["renditions"].as_array().unwrap();
    assert_eq!(rend[0]["title"], "images/photo-01.jpg");
    assert_eq!(rend[0]["contentType"], "image/jpeg");
    assert_eq!(
        (rend[0]["width"].as_u64(), rend[0]["height"].as_u64()),
        (Some(96), Some(64))
    );
    assert_eq!(rend[1]["name"], "original");
    assert_eq!(rend[1]["title"], "images/photo-01-original.jpg");
    assert_eq!(assoc[3]["rel"], "seeAlso");
    assert_eq!(
        assoc[3]["uri"],
        "urn:uuid:01890000-0000-7000-8000-000000000002"
    );
    assert_eq!(
        assoc[3]["headlines"][0]["value"],
        "Quảng Trị chủ động ứng phó mưa lũ"
    );
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
        // The package's page: figures with their pictures.
        let rendered = render(
            &input(a, &s, &r),
            ExportFormat::Package,
            RenderOptions::default(),
        )
        .unwrap();
        let html = &rendered["article.html"];
        assert!(String::from_utf8_lossy(html).contains("<img src=\"images/photo-01.jpg\""));
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
                render: RenderOptions::default(),
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
            render: RenderOptions::default(),
        },
        &mut |_| {},
    )
    .unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(rep.path.join("manifest.json")).unwrap()).unwrap();
    let listed = manifest["files"].as_array().unwrap();
    assert_eq!(listed.len(), 7, "four formats and three pictures");
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
                    render: RenderOptions::default(),
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
        render: RenderOptions::default(),
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

/// Issue 6: revisions were credited to `$USER` though a profile was chosen. The CLI
/// credits the current profile, and the OS user (`NEWSDESK_AUTHOR` here) only while
/// there is none.
#[test]
fn issue_6_cli_saves_credit_the_current_profile() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let new_article = || {
        let (ok, out, err) = newsdesk(
            d,
            &["article", "new", "--headline", "Tin", "--lead", "Sapo."],
        );
        assert!(ok, "{err}");
        out.trim().to_owned()
    };
    let authors = |id: &str| -> Vec<String> {
        let (ok, out, err) = newsdesk(d, &["revisions", id, "--json"]);
        assert!(ok, "{err}");
        let revs: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        revs.iter()
            .map(|r| r["author"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = new_article();
    assert_eq!(authors(&before), ["test"], "no profile: the OS user");
    assert!(newsdesk(d, &["profile", "add", "Lan", "--role", "reporter"]).0);
    assert!(newsdesk(d, &["profile", "add", "Hùng", "--role", "editor"]).0);
    assert!(newsdesk(d, &["profile", "use", "Hùng"]).0);
    let after = new_article();
    assert_eq!(authors(&after), ["Hùng"]);
}

#[test]
fn export_records_the_publish_log_and_marks_updates() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = new_article(d, "Đà Nẵng: mưa lớn", "Chiều 7/3, mưa lớn.");
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
    // Each figure is a real picture (its JPEG in word/media, by its real type) with
    // the caption and credit line in the paragraph under it.
    let pictures = xml.matches("<pic:pic").count();
    assert_eq!(pictures, 3, "three pictures in document.xml");
    let z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let media: Vec<&str> = z
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .collect();
    assert_eq!(media.len(), 3, "{media:?}");
    assert!(media.iter().all(|m| m.ends_with(".jpeg")), "{media:?}");
    let rels = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut f = z.by_name("word/_rels/document.xml.rels").unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        s
    };
    assert!(rels.contains("media/rIdImage1.jpeg"), "{rels}");
    let after_first = &xml[xml.find("<pic:pic").unwrap()..];
    let caption = after_first
        .find("Người dân phường Hải Châu lội nước về nhà chiều 7/3")
        .expect("the caption follows the picture");
    let credit = after_first
        .find(" Ảnh: TRẦN DŨNG")
        .expect("the credit line");
    assert!(caption < credit && credit < after_first[1..].find("<pic:pic").unwrap());
    assert!(xml.contains(" Ảnh: T.D"), "the repeated credit in initials");
    // The same article gives the same bytes (fixed picture ids).
    assert!(bytes == newsdesk_export::docx::document(&input(&a, &s, &r)).unwrap());
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
    // The pictures were rendered: the PDF holds one image object per picture.
    let images = head
        .windows(b"/Subtype/Image".len())
        .filter(|w| *w == b"/Subtype/Image")
        .count();
    assert!(
        images >= 3,
        "the PDF has {images} images, not the three pictures"
    );
}

/// Runs `exiftool -j` over `files` and returns one object per file.
fn exiftool(files: &[PathBuf]) -> Vec<serde_json::Value> {
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
            "-IPTC:DateCreated",
        ])
        .args(files)
        .output()
        .expect("exiftool is needed to read the photo metadata back (apt-get install libimage-exiftool-perl)");
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    serde_json::from_slice(&ran.stdout).unwrap()
}

fn field(v: &serde_json::Value, k: &str) -> String {
    v[k].as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| v[k].to_string())
}

#[test]
fn a_package_carries_each_picture_with_its_placement_credits() {
    let a = fixture();
    let s = Settings::default();
    let r = related();
    let before: Vec<Vec<u8>> = images()
        .iter()
        .map(|i| std::fs::read(&i.source).unwrap())
        .collect();
    let out = tempfile::tempdir().unwrap();
    let rep = export(
        &input(&a, &s, &r),
        &ExportOptions {
            out: out.path().to_owned(),
            format: ExportFormat::Package,
            zip: false,
            force: false,
            render: RenderOptions::default(),
        },
        &mut |_| {},
    )
    .unwrap();
    let files: Vec<PathBuf> = (1..=3)
        .map(|n| rep.path.join(format!("images/photo-{n:02}.jpg")))
        .collect();
    let read = exiftool(&files);
    for ((v, f), i) in read.iter().zip(figures()).zip(images()) {
        assert_eq!(field(v, "Description"), f.caption);
        assert_eq!(field(v, "Caption-Abstract"), f.caption);
        assert_eq!(field(v, "Credit"), f.credit, "the printed credit line");
        assert_eq!(field(v, "AltTextAccessibility"), f.alt);
        assert_eq!(field(v, "Creator"), i.credits.creator);
        assert_eq!(field(v, "By-line"), i.credits.creator);
        assert_eq!(field(v, "Rights"), f.copyright);
        assert_eq!(field(v, "CopyrightNotice"), f.copyright);
        assert_eq!(field(v, "DateCreated"), "2017:03:07");
        assert_eq!(field(v, "CodedCharacterSet"), "UTF8");
    }
    assert_eq!(field(&read[2], "Credit"), "Ảnh: T.D");
    // The pictures are the sources' pixels; the sources are untouched.
    for (i, b) in images().iter().zip(&before) {
        assert_eq!(&std::fs::read(&i.source).unwrap(), b, "a source changed");
    }
    let html = std::fs::read_to_string(rep.path.join("article.html")).unwrap();
    for n in 1..=3 {
        let name = format!("images/photo-{n:02}.jpg");
        assert!(html.contains(&format!("<img src=\"{name}\"")), "{name}");
    }
}

/// Makes a draft through the CLI with a one-paragraph body; returns its id.
fn new_article(d: &Path, headline: &str, lead: &str) -> String {
    let (ok, out, err) = newsdesk(
        d,
        &[
            "article",
            "new",
            "--headline",
            headline,
            "--lead",
            lead,
            "--body",
            "Đoạn một.",
        ],
    );
    assert!(ok, "{err}");
    out.split_whitespace()
        .find(|w| Uuid::parse_str(w).is_ok())
        .unwrap()
        .to_owned()
}

/// Imports the files into the photo library, placed in article `id`.
fn import_photos(d: &Path, id: &str, paths: &[String]) {
    let mut args = vec!["photo", "import", "--article", id];
    args.extend(paths.iter().map(String::as_str));
    let (ok, _, err) = newsdesk(d, &args);
    assert!(ok, "{err}");
}

/// Every original in the data folder with its bytes, in path order.
fn originals_in(d: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<(PathBuf, Vec<u8>)> = walk(&d.join("photos/originals"))
        .into_iter()
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    v.sort();
    v
}

/// A JPEG with a Vietnamese description, creator and alt text in its XMP and IPTC.
fn credited_jpeg(w: u32, h: u32, caption: &str, creator: &str, alt: &str) -> Vec<u8> {
    newsdesk_export::image_meta::embed(
        &jpeg(w, h, [90, 90, 90]),
        &ImageCredits {
            caption: caption.into(),
            creator: creator.into(),
            alt: alt.into(),
            ..ImageCredits::default()
        },
    )
    .unwrap()
}

#[test]
fn a_package_from_the_command_line_carries_credited_pictures_and_leaves_originals_alone() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = new_article(
        d,
        "Mùa gặt ở Hải Lăng",
        "Nông dân Hải Lăng thu hoạch lúa đông xuân.",
    );
    let src = d.join("src");
    std::fs::create_dir(&src).unwrap();
    let photos = [
        (
            "a.jpg",
            "Nông dân gặt lúa trên cánh đồng Hải Lăng",
            "Trần Dũng",
            "Người nông dân cầm liềm giữa ruộng lúa chín",
        ),
        (
            "b.jpg",
            "Máy gặt đập liên hợp vào vụ",
            "Trần Dũng",
            "Máy gặt màu đỏ trên ruộng",
        ),
    ];
    let mut paths = Vec::new();
    for (name, caption, creator, alt) in photos {
        let p = src.join(name);
        std::fs::write(&p, credited_jpeg(120, 80, caption, creator, alt)).unwrap();
        paths.push(p.display().to_string());
    }
    import_photos(d, &id, &paths);
    // The renditions are gone (a restored data folder): the export makes them again.
    std::fs::remove_dir_all(d.join("photos/renditions")).unwrap();
    let originals = || originals_in(d);
    let before = originals();
    assert_eq!(before.len(), 2);
    // The 120 px photos are below the export size: a warning, not a block.
    let (ok, check, _) = newsdesk(d, &["check", &id, "--json"]);
    assert!(ok, "{check}");
    assert!(check.contains("rendition_small"), "{check}");
    let o = d.join("out");
    let (ok, out, err) = newsdesk(
        d,
        &[
            "export",
            &id,
            "--format",
            "package",
            "--out",
            o.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    assert!(out.starts_with("package\t"), "{out}");
    let pkg = o.join("mua-gat-o-hai-lang");
    let read = exiftool(&[
        pkg.join("images/photo-01.jpg"),
        pkg.join("images/photo-02.jpg"),
    ]);
    for (v, (_, caption, _, alt)) in read.iter().zip(photos) {
        assert_eq!(field(v, "Description"), caption);
        assert_eq!(field(v, "Caption-Abstract"), caption);
        assert_eq!(field(v, "AltTextAccessibility"), alt);
        assert_eq!(field(v, "Creator"), "Trần Dũng");
    }
    assert_eq!(field(&read[0], "Credit"), "Ảnh: TRẦN DŨNG");
    assert_eq!(field(&read[1], "Credit"), "Ảnh: T.D");
    assert_eq!(originals(), before, "an original changed");
    for (p, b) in &before {
        let name = p.file_stem().unwrap().to_str().unwrap();
        assert_eq!(newsdesk_export::package::sha256_hex(b), name);
    }
    let html = std::fs::read_to_string(pkg.join("article.html")).unwrap();
    assert!(
        html.contains("<img src=\"images/photo-02.jpg\" alt=\"Máy gặt màu đỏ trên ruộng\">"),
        "{html}"
    );
    let md = std::fs::read_to_string(pkg.join("article.md")).unwrap();
    assert!(md.contains("](<images/photo-01.jpg>)"), "{md}");
    let ninjs = std::fs::read_to_string(pkg.join("article.ninjs.json")).unwrap();
    assert!(ninjs.contains("\"images/photo-02.jpg\""), "{ninjs}");
}

/// A PNG or WebP (lossless) of one colour with credits in its XMP, as a camera-less
/// graphics desk might send.
fn credited_image(format: image::ImageFormat, caption: &str, creator: &str, alt: &str) -> Vec<u8> {
    let img = image::RgbImage::from_fn(100, 70, |x, y| {
        image::Rgb([(x * 2) as u8, (y * 3) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    newsdesk_export::image_meta::embed_any(
        &out.into_inner(),
        &ImageCredits {
            caption: caption.into(),
            creator: creator.into(),
            alt: alt.into(),
            ..ImageCredits::default()
        },
    )
    .unwrap()
    .0
}

/// Issue 6: `--originals` puts each photo's original beside its web picture, credited
/// the same way (JPEG, PNG and WebP), listed in the manifest; the data folder's
/// originals stay byte-identical; the same export twice gives the same zip; progress
/// reaches its total on stderr; the ninjs 3.1 file names the originals.
#[test]
fn a_package_with_originals_carries_credited_copies_and_leaves_the_data_folder_alone() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = new_article(d, "Ảnh gốc trong gói", "Ba ảnh gốc ở ba định dạng.");
    let src = d.join("src");
    std::fs::create_dir(&src).unwrap();
    let photos = [
        (
            "a.jpg",
            "Cánh đồng lúa chín ở Hải Lăng",
            "Trần Dũng",
            "Ruộng lúa vàng dưới nắng",
        ),
        (
            "b.png",
            "Bản đồ vùng ngập lụt",
            "Lê Hoa",
            "Bản đồ tô màu các xã bị ngập",
        ),
        (
            "c.webp",
            "Đồ họa lượng mưa ba ngày",
            "Minh Anh",
            "Biểu đồ cột lượng mưa",
        ),
    ];
    let mut paths = Vec::new();
    for (name, caption, creator, alt) in photos {
        let bytes = match name.rsplit('.').next().unwrap() {
            "jpg" => credited_jpeg(120, 80, caption, creator, alt),
            "png" => credited_image(image::ImageFormat::Png, caption, creator, alt),
            _ => credited_image(image::ImageFormat::WebP, caption, creator, alt),
        };
        let p = src.join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push(p.display().to_string());
    }
    import_photos(d, &id, &paths);
    std::fs::remove_dir_all(d.join("photos/renditions")).unwrap();
    let originals = || originals_in(d);
    let before = originals();
    assert_eq!(before.len(), 3);
    let export_to = |dir: &Path, zip: bool| {
        let mut args = vec![
            "export",
            id.as_str(),
            "--format",
            "package",
            "--originals",
            "--ninjs-version",
            "3.1",
            "--out",
            dir.to_str().unwrap(),
        ];
        if zip {
            args.push("--zip");
        }
        let (ok, out, err) = newsdesk(d, &args);
        assert!(ok, "{err}");
        (out, err)
    };
    let (_, err) = export_to(&d.join("out"), false);
    // Progress: the renditions made again, then each step, ending at its total.
    let steps: Vec<&str> = err.lines().filter(|l| l.starts_with('[')).collect();
    assert!(steps.iter().any(|l| l.contains("rendition")), "{err}");
    let last = steps
        .last()
        .unwrap_or_else(|| panic!("no progress in {err}"));
    let (done, total) = last[1..last.find(']').unwrap()].split_once('/').unwrap();
    assert_eq!(done, total, "{err}");
    assert!(err.contains("images/photo-03-original.webp"), "{err}");
    let pkg = d.join("out/anh-goc-trong-goi");
    let copies = [
        pkg.join("images/photo-01-original.jpg"),
        pkg.join("images/photo-02-original.png"),
        pkg.join("images/photo-03-original.webp"),
    ];
    let read = exiftool(&copies);
    for (v, (_, caption, creator, alt)) in read.iter().zip(photos) {
        assert_eq!(field(v, "Description"), caption, "{v}");
        assert_eq!(field(v, "Creator"), creator, "{v}");
        assert_eq!(field(v, "AltTextAccessibility"), alt, "{v}");
        assert_eq!(field(v, "Rights"), "© Báo Quảng Trị", "{v}");
    }
    assert_eq!(
        field(&read[0], "Caption-Abstract"),
        photos[0].1,
        "IPTC-IIM in the JPEG"
    );
    assert_eq!(field(&read[0], "Credit"), "Ảnh: TRẦN DŨNG");
    assert_eq!(field(&read[1], "Credit"), "Ảnh: LÊ HOA");
    assert_eq!(field(&read[2], "Credit"), "Ảnh: MINH ANH");
    // Each copy still decodes.
    for copy in &copies {
        let bytes = std::fs::read(copy).unwrap();
        image::load_from_memory(&bytes).unwrap_or_else(|e| panic!("{}: {e}", copy.display()));
    }
    // The manifest lists them with their checksums.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pkg.join("manifest.json")).unwrap()).unwrap();
    let listed = manifest["files"].as_array().unwrap();
    assert_eq!(
        listed.len(),
        4 + 3 + 3,
        "four formats, three pictures, three originals"
    );
    for c in &copies {
        let rel = c.strip_prefix(&pkg).unwrap().to_str().unwrap();
        let e = listed
            .iter()
            .find(|e| e["path"] == rel)
            .unwrap_or_else(|| panic!("{rel} is not in the manifest"));
        assert_eq!(
            e["sha256"].as_str().unwrap(),
            newsdesk_export::package::sha256_hex(&std::fs::read(c).unwrap())
        );
    }
    assert_eq!(manifest["ninjs"], "3.1");
    // The ninjs 3.1 file names each original and passes the official schema.
    let ninjs: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pkg.join("article.ninjs.json")).unwrap()).unwrap();
    assert_eq!(
        ninjs["associations"][1]["renditions"][1],
        serde_json::json!({
            "name": "original",
            "contentType": "image/png",
            "title": "images/photo-02-original.png",
            "width": 100,
            "height": 70,
        })
    );
    let errors: Vec<String> = ninjs_validator(NinjsVersion::V3_1)
        .iter_errors(&ninjs)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The data folder's originals are byte-identical and still named by their hash.
    assert_eq!(
        originals(),
        before,
        "an original in the data folder changed"
    );
    for (p, b) in &before {
        let name = p.file_stem().unwrap().to_str().unwrap();
        assert_eq!(newsdesk_export::package::sha256_hex(b), name);
    }
    // Determinism: the same article exported twice gives the same zip.
    export_to(&d.join("z1"), true);
    export_to(&d.join("z2"), true);
    let zip1 = std::fs::read(d.join("z1/anh-goc-trong-goi.zip")).unwrap();
    let zip2 = std::fs::read(d.join("z2/anh-goc-trong-goi.zip")).unwrap();
    assert!(zip1 == zip2, "two exports with originals differ");
    // --originals is refused where it cannot apply.
    let (ok, _, err) = newsdesk(
        d,
        &[
            "export",
            &id,
            "--format",
            "html",
            "--originals",
            "--out",
            d.join("h").to_str().unwrap(),
        ],
    );
    assert!(!ok && err.contains("--originals"), "{err}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
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
