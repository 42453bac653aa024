//! Publishing to a real WordPress (issue 10). Each test starts a private WordPress on
//! 127.0.0.1 with tests/wordpress/start.sh (Debian's wordpress, mariadb-server, php-cli,
//! php-mysql; scripts/setup.sh installs them) and stops it afterwards. Without those
//! packages (or without root) the tests say so and skip; CI has both.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use newsdesk_core::interview::{Interview, LabelStyle, Speaker, Turn, Voice, VoiceSection};
use newsdesk_core::{Block, Byline, Document, Inline, Mark, NewArticle, Role};
use newsdesk_publish::secret::Secrets;
use newsdesk_publish::{PublishOptions, PublishProgress};
use newsdesk_store::Store;
use serde_json::Value;
use uuid::Uuid;

mod common;
use common::camera_jpeg;

const VAULT_PASSWORD: &str = "kho mật khẩu thử";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A running test WordPress; stopped and removed on drop.
struct Wp {
    url: String,
    user: String,
    password: String,
    dir: String,
}

impl Wp {
    /// Starts one, or `None` (with the reason printed) where it cannot run here.
    fn start() -> Option<Wp> {
        let out = Command::new("bash")
            .arg(root().join("tests/wordpress/start.sh"))
            .output()
            .expect("run tests/wordpress/start.sh");
        let err = String::from_utf8_lossy(&out.stderr);
        if matches!(out.status.code(), Some(3 | 4)) {
            eprintln!("SKIPPED: no test WordPress here: {err}");
            return None;
        }
        assert!(out.status.success(), "start.sh failed: {err}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("start.sh prints JSON");
        Some(Wp {
            url: v["url"].as_str().unwrap().into(),
            user: v["user"].as_str().unwrap().into(),
            password: v["password"].as_str().unwrap().into(),
            dir: v["dir"].as_str().unwrap().into(),
        })
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }

    /// GET a REST route with the application password; the JSON answer.
    fn get(&self, route: &str) -> Value {
        let auth = format!(
            "Basic {}",
            base64_encode(format!("{}:{}", self.user, self.password).as_bytes())
        );
        let mut r = Self::agent()
            .get(format!("{}/wp-json{route}", self.url))
            .header("Authorization", &auth)
            .call()
            .unwrap();
        let text = r.body_mut().read_to_string().unwrap();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{route}: {e}: {text}"))
    }

    fn download(&self, url: &str) -> Vec<u8> {
        let mut r = Self::agent().get(url).call().unwrap();
        assert_eq!(r.status().as_u16(), 200, "{url}");
        r.body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_vec()
            .unwrap()
    }

    fn web(&self, action: &str) {
        let st = Command::new("bash")
            .arg(root().join("tests/wordpress/web.sh"))
            .args([action, &self.dir])
            .status()
            .unwrap();
        assert!(st.success(), "web.sh {action}");
    }

    fn posts(&self) -> Vec<Value> {
        self.get(
            "/wp/v2/posts?status=publish,draft,pending,private,future&context=edit&per_page=100",
        )
        .as_array()
        .unwrap()
        .clone()
    }

    fn media(&self) -> Vec<Value> {
        self.get("/wp/v2/media?context=edit&per_page=100")
            .as_array()
            .unwrap()
            .clone()
    }
}

impl Drop for Wp {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(root().join("tests/wordpress/stop.sh"))
            .arg(&self.dir)
            .status();
    }
}

fn base64_encode(b: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::new();
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                o.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                o.push('=');
            }
        }
    }
    o
}

fn newsdesk(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    c.arg("--data-dir")
        .arg(data)
        .args(args)
        .env("NEWSDESK_VAULT_PASSWORD", VAULT_PASSWORD)
        .env("NEWSDESK_SECRET_STORE", "vault");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run newsdesk")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "newsdesk failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn t(s: &str) -> Inline {
    Inline::Text {
        text: s.into(),
        marks: vec![],
    }
}

fn p(s: &str) -> Block {
    Block::Paragraph {
        content: vec![t(s)],
    }
}

/// The texts of an article under test.
struct Texts {
    headline: String,
    lead: String,
    paragraph: String,
    link: String,
    captions: [String; 2],
    alts: [String; 2],
    credits: [String; 2],
}

fn vietnamese() -> Texts {
    Texts {
        headline: "Quảng Trị: Mưa lũ gây ngập sâu nhiều tuyến đường ở Hải Lăng".into(),
        lead: "Chiều 7/3, mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu, hàng trăm hộ dân phải di dời.".into(),
        paragraph: "Theo Ban Chỉ huy phòng chống thiên tai, nước lên nhanh trong đêm; lực lượng cứu hộ đã có mặt.".into(),
        link: "https://baoquangtri.vn/tin?a=1".into(),
        captions: [
            "Nước ngập sâu trên Quốc lộ 1 qua xã Hải Thượng".into(),
            "Người dân di dời tài sản lên chỗ cao".into(),
        ],
        alts: [
            "Đường ngập nước, xe máy đi chậm".into(),
            "Hai người khiêng tủ gỗ qua nước".into(),
        ],
        credits: ["Trần Dũng".into(), "Lê Minh Ánh".into()],
    }
}

/// A data folder with the article approved, two placed photos and the target `web`.
fn setup(tmp: &Path, wp: &Wp, x: &Texts) -> (PathBuf, Uuid) {
    let data = tmp.join("data");
    ok(newsdesk(
        &data,
        &["settings", "set", "--paper-tag", "QT"],
        &[],
    ));
    ok(newsdesk(
        &data,
        &["profile", "add", "Hùng", "--role", "editor"],
        &[],
    ));
    let id = {
        let mut s = Store::open_dir(&data).unwrap();
        let body = Document {
            blocks: vec![
                p(&x.paragraph),
                Block::Paragraph {
                    content: vec![
                        t("Xem "),
                        Inline::Text {
                            text: "bản đồ ngập".into(),
                            marks: vec![Mark::Link {
                                href: x.link.clone(),
                            }],
                        },
                        t("."),
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
                            blocks: vec![p("Thưa ông, thiệt hại thế nào?")],
                        },
                        Turn::Answer {
                            speaker: "s1".into(),
                            blocks: vec![p("Khoảng 200 hộ bị ngập.")],
                            pull_quote: vec![t("Phải di dời dân ngay")],
                        },
                    ],
                }),
                Block::Voices(VoiceSection {
                    heading: vec![t("Ý kiến người dân")],
                    voices: vec![
                        Voice {
                            person_id: None,
                            honorific: "Bà".into(),
                            name: "Trần Thị Lụa".into(),
                            titles: vec![],
                            position: "tiểu thương chợ Diên Sanh".into(),
                            pull_quote: vec![t("Nước vào nhà trong một giờ")],
                            statement: vec![p("Chúng tôi kê hàng lên cao từ tối.")],
                        },
                        Voice {
                            person_id: None,
                            honorific: "Đồng chí".into(),
                            name: "Lê Văn Tám".into(),
                            titles: vec!["Ủy viên BTV Tỉnh ủy".into()],
                            position: "Bí thư Huyện ủy Hải Lăng".into(),
                            pull_quote: vec![t("Không để ai thiếu đói")],
                            statement: vec![p("Huyện đã chuẩn bị lương thực cho các xã.")],
                        },
                    ],
                }),
            ],
            ..Document::default()
        };
        s.create(
            NewArticle {
                headline: x.headline.clone(),
                lead: x.lead.clone(),
                body: Some(body),
                bylines: vec![Byline::new("Đông Hà", Role::Writer)],
                section: "Thời sự".into(),
                tags: vec!["mưa lũ".into(), "Quảng Trị".into()],
            },
            "test",
        )
        .unwrap()
        .id
    };
    let photos: Vec<PathBuf> = (0..2)
        .map(|i| {
            let path = tmp.join(format!("DSC_{i}.jpg"));
            std::fs::write(&path, camera_jpeg(1200, 800, 7 + i)).unwrap();
            path
        })
        .collect();
    let id_s = id.to_string();
    ok(newsdesk(
        &data,
        &[
            "photo",
            "import",
            "--article",
            &id_s,
            photos[0].to_str().unwrap(),
            photos[1].to_str().unwrap(),
        ],
        &[],
    ));
    {
        let mut s = Store::open_dir(&data).unwrap();
        let placed = s.placements(id).unwrap();
        assert_eq!(placed.len(), 2);
        for (i, mut pl) in placed.into_iter().enumerate() {
            pl.caption = x.captions[i].clone();
            pl.alt_text = x.alts[i].clone();
            pl.credit = x.credits[i].clone();
            s.update_placement(&pl).unwrap();
        }
    }
    for state in ["submitted", "in_edit", "approved"] {
        ok(newsdesk(&data, &["status", &id_s, state], &[]));
    }
    ok(newsdesk(
        &data,
        &["target", "add", "web", "--url", &wp.url, "--user", &wp.user],
        &[("NEWSDESK_TARGET_PASSWORD", wp.password.as_str())],
    ));
    (data, id)
}

fn publish_cli(data: &Path, id: Uuid, extra: &[&str]) -> Value {
    let id = id.to_string();
    let mut args = vec!["publish", id.as_str(), "--target", "web", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(newsdesk(data, &args, &[]))).unwrap()
}

fn secrets(data: &Path) -> Secrets {
    Secrets::new(data, Some(VAULT_PASSWORD.into()), true)
}

/// The body HTML the site must hold: the article rendered with the media addresses
/// recorded for its photos.
fn expected_content(data: &Path, id: Uuid) -> String {
    let s = Store::open_dir(data).unwrap();
    let a = s.article(id).unwrap();
    let (job, _) = newsdesk_publish::job::build_job(&s, data, &a, true).unwrap();
    let urls: Vec<(Uuid, String)> = job
        .media
        .iter()
        .map(|m| {
            let r = s.remote_media("web", &m.hash).unwrap().expect("recorded");
            (m.placement_id, r.url)
        })
        .collect();
    (job.body.0)(&urls)
}

fn exiftool_json(bytes: &[u8], dir: &Path) -> Value {
    let f = dir.join("downloaded.jpg");
    std::fs::write(&f, bytes).unwrap();
    let out = Command::new("exiftool")
        .args(["-j", "-charset", "iptc=UTF8", "-a", "-G1"])
        .arg(&f)
        .output()
        .expect("exiftool (libimage-exiftool-perl) is installed");
    assert!(out.status.success());
    serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone()
}

#[test]
fn publish_read_back_update_withdraw_and_publish_again() {
    let Some(wp) = Wp::start() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let x = vietnamese();
    let (data, id) = setup(tmp.path(), &wp, &x);

    // The target is tested and listed, never with its password.
    let tested = ok(newsdesk(&data, &["target", "test", "web"], &[]));
    assert!(tested.starts_with("ok\twp/v2\tNewsdesk test\t"), "{tested}");
    let listed = ok(newsdesk(&data, &["target", "list"], &[]));
    assert!(listed.contains("web\twordpress\t") && listed.contains("\tvault"));
    assert!(!listed.contains(&wp.password));
    let db = std::fs::read(data.join(newsdesk_store::DB_FILE)).unwrap();
    assert!(
        !db.windows(wp.password.len())
            .any(|w| w == wp.password.as_bytes()),
        "the application password is not in the database"
    );

    let first = publish_cli(&data, id, &[]);
    let post_id = first["remote_id"].as_i64().unwrap();
    assert_eq!(first["status"], "publish");
    assert_eq!(first["uploaded"], 2);
    assert!(first["url"].as_str().unwrap().starts_with(&wp.url));

    let post = wp.get(&format!("/wp/v2/posts/{post_id}?context=edit"));
    assert_eq!(post["title"]["raw"], x.headline.as_str());
    assert_eq!(
        post["excerpt"]["raw"],
        format!("(QT) - {}", x.lead).as_str()
    );
    let content = post["content"]["raw"].as_str().unwrap();
    assert_eq!(content, expected_content(&data, id));
    for text in [
        x.paragraph.as_str(),
        "<p class=\"byline\">Đông Hà</p>",
        "<strong>Ông Nguyễn Văn Hùng: </strong>Khoảng 200 hộ bị ngập.",
        "Bí thư Huyện ủy Hải Lăng",
        "<a href=\"https://baoquangtri.vn/tin?a=1\">bản đồ ngập</a>",
    ] {
        assert!(content.contains(text), "{text:?} not in {content}");
    }
    assert!(!content.contains("javascript:"), "{content}");
    assert_eq!(post["tags"].as_array().unwrap().len(), 2);
    let a = Store::open_dir(&data).unwrap().article(id).unwrap();
    assert_eq!(a.status.as_str(), "published");

    // The media: caption, alt text and credit on the site and inside the JPEG.
    let media = wp.media();
    assert_eq!(media.len(), 2);
    assert_eq!(
        post["featured_media"].as_i64(),
        Some(
            media
                .iter()
                .map(|m| m["id"].as_i64().unwrap())
                .min()
                .unwrap()
        )
    );
    for i in 0..2 {
        let m = media
            .iter()
            .find(|m| m["caption"]["raw"] == x.captions[i].as_str())
            .unwrap_or_else(|| panic!("no media with caption {:?}", x.captions[i]));
        assert_eq!(m["alt_text"], x.alts[i].as_str());
        let printed = newsdesk_core::credit::format_credit(&x.credits[i], newsdesk_core::Lang::Vi);
        assert_eq!(m["description"]["raw"], printed.as_str());
        assert_eq!(m["media_details"]["image_meta"]["credit"], printed.as_str());
        assert!(content.contains(m["source_url"].as_str().unwrap()));
        let exif = exiftool_json(&wp.download(m["source_url"].as_str().unwrap()), tmp.path());
        assert_eq!(exif["IPTC:Credit"], printed.as_str(), "{exif}");
        assert_eq!(exif["IPTC:Caption-Abstract"], x.captions[i].as_str());
        assert_eq!(exif["XMP-photoshop:Credit"], printed.as_str());
    }

    // Update: the same post, the photos reused.
    {
        let mut s = Store::open_dir(&data).unwrap();
        let mut a = s.article(id).unwrap();
        a.headline = format!("{} (cập nhật)", x.headline);
        s.save(&a, a.version, newsdesk_store::SaveKind::Auto, "test")
            .unwrap();
    }
    let second = publish_cli(&data, id, &[]);
    assert_eq!(second["remote_id"].as_i64(), Some(post_id));
    assert_eq!(second["updated"], true);
    assert_eq!(
        (second["uploaded"].as_i64(), second["reused"].as_i64()),
        (Some(0), Some(2))
    );
    let post = wp.get(&format!("/wp/v2/posts/{post_id}?context=edit"));
    assert_eq!(
        post["title"]["raw"],
        format!("{} (cập nhật)", x.headline).as_str()
    );

    // Withdraw: the post goes back to draft, recorded, and the article is withdrawn.
    let id_s = id.to_string();
    let w: Value = serde_json::from_str(&ok(newsdesk(
        &data,
        &["withdraw", &id_s, "--target", "web", "--json"],
        &[],
    )))
    .unwrap();
    assert_eq!(w["status"], "draft");
    let post = wp.get(&format!("/wp/v2/posts/{post_id}?context=edit"));
    assert_eq!(post["status"], "draft");
    let log = Store::open_dir(&data).unwrap().publish_log(id).unwrap();
    assert_eq!(
        log.iter().map(|e| e.format.as_str()).collect::<Vec<_>>(),
        vec!["publish:web", "publish:web", "withdraw:web"]
    );
    assert!(log[1].is_update);

    // Publish again after taking it back through edit: one post, no duplicate media.
    for state in ["in_edit", "approved"] {
        ok(newsdesk(&data, &["status", &id_s, state], &[]));
    }
    let third = publish_cli(&data, id, &[]);
    assert_eq!(third["remote_id"].as_i64(), Some(post_id));
    assert_eq!(third["status"], "publish");
    assert_eq!(
        wp.posts()
            .iter()
            .filter(|p| p["slug"] != "hello-world")
            .count(),
        1
    );
    assert_eq!(wp.media().len(), 2);

    // A wrong password is a clear error.
    ok(newsdesk(
        &data,
        &["target", "add", "bad", "--url", &wp.url, "--user", &wp.user],
        &[("NEWSDESK_TARGET_PASSWORD", "xxxx xxxx xxxx xxxx")],
    ));
    let out = newsdesk(&data, &["target", "test", "bad"], &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("[unauthorized]") && err.contains("401"),
        "{err}"
    );
}

#[test]
fn a_publish_killed_half_way_resumes_to_the_same_result() {
    let Some(wp) = Wp::start() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let x = vietnamese();
    let (data, id) = setup(tmp.path(), &wp, &x);
    let mut store = Store::open_dir(&data).unwrap();
    let secrets = secrets(&data);
    let opts = PublishOptions {
        target: "web",
        live: true,
        profile: None,
    };
    // The site goes away right after the first photo is up.
    let mut seen = Vec::new();
    let err = newsdesk_publish::publish(
        &mut store,
        &secrets,
        &data,
        id,
        &opts,
        &mut |p: PublishProgress| {
            if p.done == 1 {
                wp.web("stop");
            }
            seen.push(p);
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "unreachable", "{err}");
    assert!(err
        .message(newsdesk_core::Lang::Vi)
        .contains("Không kết nối được"));
    assert_eq!(seen.len(), 1);
    assert_eq!(
        store.remote_media_count("web").unwrap(),
        1,
        "the first upload is recorded"
    );
    assert!(store.remote_post(id, "web").unwrap().is_none());
    assert_eq!(
        store.article(id).unwrap().status.as_str(),
        "approved",
        "nothing local is lost"
    );

    wp.web("start");
    let done =
        newsdesk_publish::publish(&mut store, &secrets, &data, id, &opts, &mut |_| {}).unwrap();
    assert_eq!((done.uploaded, done.reused), (1, 1));
    assert_eq!(wp.media().len(), 2, "no duplicate upload");
    assert_eq!(
        wp.posts()
            .iter()
            .filter(|p| p["slug"] != "hello-world")
            .count(),
        1
    );
    let post = wp.get(&format!("/wp/v2/posts/{}?context=edit", done.remote_id));
    assert_eq!(post["content"]["raw"], expected_content(&data, id).as_str());
    assert_eq!(post["title"]["raw"], x.headline.as_str());
    assert_eq!(post["status"], "publish");

    // A create whose answer was lost: the ledger has the slug but no id, the site has
    // the post. Publishing again finds it instead of making a second one.
    let mut rec = store.remote_post(id, "web").unwrap().unwrap();
    rec.remote_id = None;
    store.put_remote_post(&rec).unwrap();
    let again =
        newsdesk_publish::publish(&mut store, &secrets, &data, id, &opts, &mut |_| {}).unwrap();
    assert_eq!(again.remote_id, done.remote_id);
    assert_eq!((again.uploaded, again.reused), (0, 2));
    assert_eq!(
        wp.posts()
            .iter()
            .filter(|p| p["slug"] != "hello-world")
            .count(),
        1
    );
    assert_eq!(wp.media().len(), 2);
}

#[test]
fn hostile_content_arrives_escaped_as_text() {
    let Some(wp) = Wp::start() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let long = "<script>alert(1)</script>".repeat(400); // 10,000 characters
    assert_eq!(long.chars().count(), 10_000);
    let x = Texts {
        // Headlines stop at 1,000 characters (the article's own limit).
        headline: {
            let h = "<script>alert('h')</script><img src=x onerror=alert(2)> ";
            format!("{h}{}", "Đ".repeat(1_000 - h.chars().count()))
        },
        lead: format!("<b>in đậm?</b> <a href=\"javascript:alert(3)\">bấm</a> {long}"),
        paragraph: long.clone(),
        // The store refuses javascript: links; an allowed address carrying markup.
        link: "https://example.vn/?q=\"><script>alert(4)</script>".into(),
        captions: [long.clone(), "<iframe src=//x>".into()],
        alts: ["\"><script>alert(5)</script>".into(), "a".repeat(10_000)],
        credits: ["<b>Trần</b>".into(), "Lê".into()],
    };
    let (data, id) = setup(tmp.path(), &wp, &x);
    let out = publish_cli(&data, id, &[]);
    let post = wp.get(&format!("/wp/v2/posts/{}?context=edit", out["remote_id"]));
    for field in ["title", "excerpt", "content"] {
        for form in ["raw", "rendered"] {
            let v = post[field][form].as_str().unwrap();
            // As markup, never: the same words as escaped text are fine.
            // (The two figures' own <img> tags are the only images.)
            for bad in [
                "<script",
                "<img src=x",
                "<iframe",
                "<b>",
                "<a href=\"javascript",
            ] {
                assert!(!v.contains(bad), "{field}.{form} holds {bad:?}");
            }
        }
    }
    let content = post["content"]["raw"].as_str().unwrap();
    assert_eq!(content.matches("<img ").count(), 2, "only the figures");
    assert!(
        content.contains("href=\"https://example.vn/?q=%22%3E%3Cscript%3Ealert(4)%3C/script%3E\""),
        "{}",
        &content[..2000.min(content.len())]
    );
    assert_eq!(
        post["title"]["raw"],
        newsdesk_export::html::text(&x.headline).as_str()
    );
    assert!(post["content"]["raw"]
        .as_str()
        .unwrap()
        .contains(&newsdesk_export::html::text(&long)));
    for m in wp.media() {
        for field in ["caption", "description"] {
            for form in ["raw", "rendered"] {
                let v = m[field][form].as_str().unwrap_or_default();
                assert!(
                    !v.contains("<script") && !v.contains("<iframe") && !v.contains("<b>"),
                    "{field}.{form}: {v}"
                );
            }
        }
        assert!(!m["alt_text"].as_str().unwrap().contains("<script"));
    }
}

#[test]
fn the_password_goes_to_the_keyring_when_one_answers() {
    let have = |c: &str| {
        Command::new("sh")
            .args(["-c", format!("command -v {c}").as_str()])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !have("dbus-run-session") || !have("gnome-keyring-daemon") {
        eprintln!("SKIPPED: no dbus-run-session or gnome-keyring-daemon to start a Secret Service");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // A private session bus with an unlocked keyring; nothing listens on port 9, so
    // `target test` gets as far as the network only if it read the password back.
    let script = r#"
        set -e
        printf '%s' unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        "$ND" --data-dir "$DATA" target add kr --url http://127.0.0.1:9 --user u
        "$ND" --data-dir "$DATA" target list
        "$ND" --data-dir "$DATA" target test kr || true
        "$ND" --data-dir "$DATA" target remove kr
        "$ND" --data-dir "$DATA" target list
    "#;
    // The keyring's files go to a temporary home, not the user's.
    let home = tmp.path().join("home");
    let run = tmp.path().join("run");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let out = Command::new("dbus-run-session")
        .args(["--", "bash", "-c", script])
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_RUNTIME_DIR", &run)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("ND", env!("CARGO_BIN_EXE_newsdesk"))
        .env("DATA", &data)
        .env("NEWSDESK_TARGET_PASSWORD", "keyring-app-password")
        .env_remove("NEWSDESK_SECRET_STORE")
        .env_remove("NEWSDESK_VAULT_PASSWORD")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("kr\tkeyring\n"), "{stdout}\n{stderr}");
    assert!(stdout.contains("\tu\tkeyring\n"), "{stdout}");
    assert!(
        stderr.contains("[unreachable]"),
        "the password came back: {stderr}"
    );
    assert!(
        !data.join("secrets.vault").exists(),
        "the vault was not used"
    );
    let db = std::fs::read(data.join(newsdesk_store::DB_FILE)).unwrap();
    assert!(!db.windows(20).any(|w| w == b"keyring-app-password"));
}

#[test]
fn without_a_keyring_the_cli_says_so_and_uses_the_vault() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    c.arg("--data-dir")
        .arg(&data)
        .args([
            "target",
            "add",
            "web",
            "--url",
            "http://127.0.0.1:9",
            "--user",
            "u",
        ])
        .env("NEWSDESK_VAULT_PASSWORD", VAULT_PASSWORD)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env_remove("NEWSDESK_SECRET_STORE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"vault-app-password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "web\tvault\n");
    assert!(stderr.contains("no keyring answered"), "{stderr}");
    let vault = std::fs::read(data.join("secrets.vault")).unwrap();
    assert!(!vault.windows(18).any(|w| w == b"vault-app-password"));
    let s = secrets(&data);
    assert_eq!(
        s.load("web", newsdesk_publish::secret::Backend::Vault)
            .unwrap(),
        "vault-app-password"
    );
    // Without the vault password the target cannot be used, and says why.
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--data-dir")
        .arg(&data)
        .args(["target", "test", "web"])
        .env_remove("NEWSDESK_VAULT_PASSWORD")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("[no_vault_password]"));
}
