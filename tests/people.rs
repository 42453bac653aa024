//! Interview templates and the people directory end to end through the `newsdesk` CLI
//! (issue 5), on a real data folder: both interview formats through the store and the
//! article file, positions with dates, code replacement, the CSV import with a broken
//! row, and newsroom template files including a malformed one.

use std::path::Path;

use newsdesk_core::{Article, ArticleFile, Block, Inline, Role, Speaker, Turn, Voice};
use serde_json::Value;

mod common;
use common::{newsdesk, ok, stderr};

fn article(data: &Path, id: &str) -> Article {
    ArticleFile::read(ok(data, &["article", "export-json", id]).as_bytes()).unwrap()
}

fn text(t: &str) -> Vec<Inline> {
    Inline::plain_lines(t)
}

#[test]
fn templates_make_skeletons_with_placeholders_and_the_interviewer_role() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let list = ok(d, &["templates", "list"]);
    for key in ["news", "qa", "voices", "photo"] {
        assert!(
            list.lines().any(|l| l.starts_with(key)),
            "{key} missing: {list}"
        );
    }
    ok(d, &["settings", "set", "--interviewer-label", "Phóng viên"]);
    let id = ok(
        d,
        &[
            "article",
            "new",
            "--template",
            "qa",
            "--byline",
            "Đông Hà",
            "--byline",
            "Minh Anh",
        ],
    );
    let a = article(d, id.trim());
    assert!(a.bylines.iter().all(|b| b.role == Role::Interviewer));
    let Block::Interview(iv) = &a.body.blocks[1] else {
        panic!("no interview block: {:?}", a.body)
    };
    assert_eq!(iv.interviewer, "Phóng viên");
    assert!(!a.placeholders().is_empty());
    let shown = ok(d, &["article", "show", id.trim()]);
    assert!(shown.contains("Đông Hà - Minh Anh (thực hiện)"), "{shown}");
    assert!(
        shown.contains("placeholder left: body.blocks[1].turns[0].blocks[0].content[0]"),
        "{shown}"
    );
    let photo = ok(
        d,
        &[
            "article",
            "new",
            "--template",
            "photo",
            "--byline",
            "T. Dũng",
        ],
    );
    assert_eq!(article(d, photo.trim()).bylines[0].role, Role::Photographer);
    let news = ok(
        d,
        &["article", "new", "--template", "news", "--headline", "Tin"],
    );
    assert_eq!(article(d, news.trim()).headline, "Tin");

    let out = newsdesk(d, &["article", "new", "--template", "phong-su"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no template 'phong-su'"),
        "{}",
        stderr(&out)
    );
    let out = newsdesk(d, &["article", "new"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a headline or a template is needed"
    );
}

/// A Q&A and a multi-voice section with people from the directory survive the store,
/// export, import into another data folder, and export again, byte for byte.
#[test]
fn both_interview_formats_round_trip_through_store_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let hung = ok(
        d,
        &[
            "people",
            "add",
            "--name",
            "Nguyễn Văn Hùng",
            "--honorific",
            "Ông",
            "--position",
            "Giám đốc Sở Y tế",
        ],
    );
    let hung = ok(d, &["people", "show", hung.trim(), "--json"]);
    let hung: newsdesk_core::Person = serde_json::from_str(&hung).unwrap();

    let mut files = Vec::new();
    for key in ["qa", "voices"] {
        let id = ok(
            d,
            &[
                "article",
                "new",
                "--template",
                key,
                "--headline",
                "Phỏng vấn",
            ],
        );
        let mut a = article(d, id.trim());
        for b in &mut a.body.blocks {
            match b {
                Block::Paragraph { content } => *content = text("Lời giới thiệu."),
                Block::Interview(iv) => {
                    iv.speakers[0] = Speaker::from_person("s1", &hung);
                    iv.turns = vec![
                        Turn::Question {
                            blocks: vec![Block::paragraph("Thưa ông?")],
                        },
                        Turn::Answer {
                            speaker: "s1".into(),
                            blocks: vec![Block::paragraph("Chúng tôi làm được.")],
                            pull_quote: text("làm được"),
                        },
                    ];
                }
                Block::Voices(v) => {
                    v.heading = text("Ý kiến");
                    v.voices = vec![Voice {
                        pull_quote: text("Phải lắng nghe dân"),
                        statement: vec![Block::paragraph("Tôi cho rằng…")],
                        ..Voice::from_person(&hung, "2024-01-01".parse().unwrap())
                    }];
                }
                _ => {}
            }
        }
        assert!(a.placeholders().is_empty());
        assert!(a.findings().is_empty(), "{:?}", a.findings());
        let file = d.join(format!("{key}.json"));
        std::fs::write(&file, ArticleFile::write(&a)).unwrap();
        ok(d, &["article", "import", file.to_str().unwrap()]);
        let stored = article(d, id.trim());
        assert_eq!(stored.body, a.body, "{key} through the store");
        files.push((id.trim().to_owned(), ArticleFile::write(&stored)));
    }
    let other = tempfile::tempdir().unwrap();
    for (id, text) in &files {
        let f = other.path().join("in.json");
        std::fs::write(&f, text).unwrap();
        ok(other.path(), &["article", "import", f.to_str().unwrap()]);
        assert_eq!(&ok(other.path(), &["article", "export-json", id]), text);
    }
    let shown = ok(d, &["article", "show", &files[1].0]);
    assert!(
        shown.contains("Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế: “Phải lắng nghe dân”"),
        "{shown}"
    );
    let shown = ok(d, &["article", "show", &files[0].0]);
    assert!(shown.contains("PV: Thưa ông?"), "{shown}");
    assert!(
        shown.contains("Ông Nguyễn Văn Hùng: Chúng tôi làm được."),
        "{shown}"
    );
}

/// Bad input: a voice with no person and an empty pull-quote save (nothing typed is
/// lost) but are listed as blocking findings; a broken structure is refused by path.
#[test]
fn unfinished_voices_are_findings_and_broken_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(
        d,
        &[
            "article",
            "new",
            "--template",
            "voices",
            "--headline",
            "Ý kiến",
        ],
    );
    let mut a = article(d, id.trim());
    let Block::Voices(v) = &mut a.body.blocks[1] else {
        panic!("no voices block")
    };
    v.heading = text("Ý kiến");
    v.voices = vec![
        Voice {
            honorific: "Ông".into(),
            pull_quote: text("Câu nói"),
            statement: vec![Block::paragraph("Tôi nói.")],
            ..Voice::default()
        },
        Voice {
            honorific: "Bà".into(),
            name: "Trần Thị Lan".into(),
            pull_quote: Vec::new(),
            statement: vec![Block::paragraph("Tôi đồng ý.")],
            ..Voice::default()
        },
    ];
    let file = d.join("a.json");
    std::fs::write(&file, ArticleFile::write(&a)).unwrap();
    ok(d, &["article", "import", file.to_str().unwrap()]);
    let shown = ok(d, &["article", "show", id.trim()]);
    assert!(
        shown.contains("to fix: body.blocks[1].voices[0].name"),
        "{shown}"
    );
    assert!(shown.contains("[voice_unnamed]"), "{shown}");
    assert!(
        shown.contains("to fix: body.blocks[1].voices[1].pull_quote"),
        "{shown}"
    );
    assert!(shown.contains("[pull_quote_empty]"), "{shown}");

    // An answer naming a speaker the interview does not have is refused, by path.
    let qa = ok(
        d,
        &["article", "new", "--template", "qa", "--headline", "Hỏi"],
    );
    let bad = ok(d, &["article", "export-json", qa.trim()]).replacen(
        "\"speaker\": \"s1\"",
        "\"speaker\": \"ghost\"",
        1,
    );
    std::fs::write(&file, bad).unwrap();
    let out = newsdesk(d, &["article", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("article.body.blocks[1].turns[1].speaker"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        article(d, qa.trim()).version,
        1,
        "nothing saved before is lost"
    );
}

/// Issue 5: an article dated before a promotion shows the old title.
#[test]
fn positions_with_dates_and_code_replacement() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(
        d,
        &[
            "people",
            "add",
            "--name",
            "Nguyễn Văn Hùng",
            "--honorific",
            "Ông",
            "--title",
            "Tỉnh ủy viên",
            "--position",
            "Giám đốc Sở Y tế",
            "--since",
            "2016-01-01",
            "--code",
            "nvh",
        ],
    );
    ok(
        d,
        &[
            "people",
            "promote",
            "\\nvh",
            "--name",
            "Phó Chủ tịch UBND tỉnh",
            "--from",
            "01/03/2022",
        ],
    );
    let before = ok(d, &["people", "show", id.trim(), "--on", "2022-02-28"]);
    assert!(
        before.contains("on 2022-02-28: Tỉnh ủy viên, Giám đốc Sở Y tế"),
        "{before}"
    );
    let after = ok(d, &["people", "show", "nvh", "--on", "2022-03-01"]);
    assert!(
        after.contains("on 2022-03-01: Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"),
        "{after}"
    );
    assert_eq!(
        ok(
            d,
            &["people", "expand", "\\nvh phát biểu", "--on", "2021-05-01"]
        )
        .trim(),
        "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Giám đốc Sở Y tế phát biểu"
    );
    assert_eq!(
        ok(
            d,
            &["people", "expand", "\\NVH phát biểu", "--on", "2023-05-01"]
        )
        .trim(),
        "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh phát biểu"
    );

    // Codes are listed, editable, unique.
    let lan = ok(
        d,
        &[
            "people",
            "add",
            "--name",
            "Trần Thị Lan",
            "--honorific",
            "Bà",
            "--photographer",
        ],
    );
    let out = newsdesk(d, &["people", "codes", "set", "nvh", lan.trim()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already belongs"), "{}", stderr(&out));
    ok(d, &["people", "codes", "set", "ttl", lan.trim()]);
    let codes = ok(d, &["people", "codes", "list"]);
    assert!(
        codes.contains("\\nvh") && codes.contains("\\ttl"),
        "{codes}"
    );
    ok(d, &["people", "codes", "remove", "\\ttl"]);
    assert!(!ok(d, &["people", "codes", "list"]).contains("ttl"));
    let photographers: Value =
        serde_json::from_str(&ok(d, &["people", "list", "--photographers", "--json"])).unwrap();
    assert_eq!(photographers.as_array().unwrap().len(), 1);
    assert_eq!(photographers[0]["full_name"], "Trần Thị Lan");
    let found = ok(d, &["people", "list", "--query", "hung"]);
    assert!(
        found.contains("Nguyễn Văn Hùng") && !found.contains("Lan"),
        "{found}"
    );

    // The store keeps it all across a reopen (a fresh process each call already).
    let mut store = newsdesk_store::Store::open_dir(d).unwrap();
    let old = {
        let mut a = Article::create(Default::default(), "2021-06-01T03:00:00Z".parse().unwrap());
        a.version = 1;
        store.import(&a, "test").unwrap()
    };
    let hung = uuid::Uuid::parse_str(id.trim()).unwrap();
    assert_eq!(
        store.voice_for(hung, old.id).unwrap().position,
        "Giám đốc Sở Y tế"
    );
}

#[test]
fn a_csv_with_a_broken_row_imports_the_good_rows() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = d.join("people.csv");
    std::fs::write(
        &csv,
        "honorific,full_name,short_name,titles,position,since,organisation,codes,photographer\n\
         Ông,Nguyễn Văn Hùng,Ông Hùng,Tỉnh ủy viên,Giám đốc Sở Y tế,2016-01-01,Sở Y tế,nvh,\n\
         Bà,Trần Thị Lan,,,\"Chủ tịch Hội LHPN tỉnh, khóa XV\",01/03/2020,,ttl,no\n\
         Ông,Lê Văn Tám,,,\n\
         Ông,Phạm Văn C,,,Trưởng phòng,tháng ba,,,\n\
         ,Hoàng Dũng,,,,,Báo Quảng Trị,td,yes\n",
    )
    .unwrap();
    let out = newsdesk(d, &["people", "import", csv.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("people.csv:4: not imported"), "{err}");
    assert!(
        err.contains("people.csv:5: not imported") && err.contains("tháng ba"),
        "{err}"
    );
    assert!(
        err.contains("3 added, 0 already in the directory, 2 not imported"),
        "{err}"
    );
    let people: Value = serde_json::from_str(&ok(d, &["people", "list", "--json"])).unwrap();
    let names: Vec<_> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["full_name"].as_str().unwrap().to_owned())
        .collect();
    // By given name, as a Vietnamese list is ordered.
    assert_eq!(names, ["Hoàng Dũng", "Nguyễn Văn Hùng", "Trần Thị Lan"]);
    let lan = ok(d, &["people", "show", "ttl", "--on", "2021-01-01"]);
    assert!(lan.contains("Chủ tịch Hội LHPN tỉnh, khóa XV"), "{lan}");

    // Importing again adds nobody twice.
    let out = newsdesk(d, &["people", "import", csv.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("0 added, 3 already in the directory"),
        "{}",
        stderr(&out)
    );

    // A header that names an unknown column refuses the whole file, plainly.
    std::fs::write(&csv, "ho_ten,chuc_vu\nA,B\n").unwrap();
    let out = newsdesk(d, &["people", "import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown column 'ho_ten'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn newsroom_template_files_load_and_malformed_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let templates = d.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    // The regular legal column: the paper's lawyer, linked to the directory.
    let lawyer = ok(
        d,
        &[
            "people",
            "add",
            "--name",
            "Lê Minh Tâm",
            "--honorific",
            "Luật sư",
            "--short",
            "LS Tâm",
        ],
    );
    let qa = ok(d, &["templates", "show", "qa"]);
    let legal = qa
        .replace("\"key\": \"qa\"", "\"key\": \"hoi-dap-phap-luat\"")
        .replace(
            "\"name\": \"Phỏng vấn hỏi – đáp\"",
            "\"name\": \"Hỏi – đáp pháp luật\"",
        )
        .replace("\"section\": \"\"", "\"section\": \"Pháp luật\"")
        .replace(
            "\"key\": \"s1\",",
            &format!("\"key\": \"s1\", \"person_id\": \"{}\",", lawyer.trim()),
        );
    std::fs::write(templates.join("legal.json"), &legal).unwrap();
    std::fs::write(
        templates.join("figures.json"),
        legal.replace("hoi-dap-phap-luat", "anh").replacen(
            "\"type\": \"paragraph\"",
            "\"type\": \"carousel\"",
            1,
        ),
    )
    .unwrap();
    std::fs::write(
        templates.join("half.json"),
        "{\"format\": \"newsdesk-template\", ",
    )
    .unwrap();

    let out = newsdesk(d, &["templates", "list"]);
    assert!(
        out.status.success(),
        "a bad file is not fatal: {}",
        stderr(&out)
    );
    let list = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        list.contains("hoi-dap-phap-luat") && list.contains("templates/legal.json"),
        "{list}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("templates/figures.json") && err.contains("unknown variant `carousel`"),
        "{err}"
    );
    assert!(
        err.contains("templates/half.json") && err.contains("not valid JSON"),
        "{err}"
    );

    let id = ok(
        d,
        &[
            "article",
            "new",
            "--template",
            "hoi-dap-phap-luat",
            "--byline",
            "Thu Hà",
        ],
    );
    let a = article(d, id.trim());
    assert_eq!(a.section, "Pháp luật");
    let Block::Interview(iv) = &a.body.blocks[1] else {
        panic!("no interview")
    };
    assert_eq!(
        iv.speakers[0].name, "Lê Minh Tâm",
        "filled from the directory"
    );
    assert_eq!(iv.speakers[0].later_label(), "LS Tâm");
}
