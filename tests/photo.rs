//! The photo desk end to end through the `newsdesk` CLI (issue 4), on real files:
//! camera-like JPEGs made here, with metadata written by exiftool (IPTC-IIM in UTF-8 and
//! in the legacy encoding, XMP, EXIF only, orientation), read back with Vietnamese
//! intact; dedupe; a corpus of hostile files; and an import killed half-way.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use image::{ImageEncoder, Rgb, RgbImage};
use serde_json::Value;

mod common;
use common::{camera_jpeg, encode_jpeg, newsdesk};

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn encode_png(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

fn exiftool(file: &Path, args: &[&str]) {
    let out = Command::new("exiftool")
        .args(["-q", "-overwrite_original"])
        .args(args)
        .arg(file)
        .output()
        .expect("exiftool is installed (libimage-exiftool-perl)");
    assert!(
        out.status.success(),
        "exiftool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn import_json(data: &Path, files: &[&Path]) -> (Output, Vec<Value>) {
    let mut args = vec!["photo", "import", "--json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let out = newsdesk(data, &args);
    let v = json_of(&out);
    (out, v.as_array().unwrap().clone())
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn metadata_written_by_exiftool_reads_back_with_vietnamese_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let dir = tmp.path();
    let make = |name: &str, seed: u32| {
        let p = dir.join(name);
        std::fs::write(&p, camera_jpeg(640, 480, seed)).unwrap();
        p
    };

    let iptc_utf8 = make("iptc-utf8.jpg", 1);
    exiftool(
        &iptc_utf8,
        &[
            "-charset",
            "iptc=UTF8",
            "-IPTC:CodedCharacterSet=UTF8",
            "-IPTC:Caption-Abstract=Người dân xã Hải Lăng gặt lúa chạy lũ",
            "-IPTC:By-line=Nguyễn Thị Ánh",
            "-IPTC:Credit=Báo Quảng Trị",
            "-IPTC:CopyrightNotice=© Báo Quảng Trị",
            "-IPTC:City=Đông Hà",
            "-IPTC:Province-State=Quảng Trị",
            "-IPTC:Country-PrimaryLocationName=Việt Nam",
            "-IPTC:Headline=Gặt lúa chạy lũ",
            "-IPTC:DateCreated=2026:10:02",
        ],
    );

    // No 1:90 declaration: exiftool stores Latin-1 (Vietnamese letters outside Latin-1
    // cannot be written this way, which is why the text keeps to those inside it).
    let iptc_legacy = make("iptc-legacy.jpg", 2);
    exiftool(
        &iptc_legacy,
        &[
            "-charset",
            "iptc=Latin",
            "-IPTC:Caption-Abstract=Tây Ninh và Cà Mau",
            "-IPTC:By-line=Hà Vân",
        ],
    );

    let xmp = make("xmp.jpg", 3);
    exiftool(
        &xmp,
        &[
            "-XMP-dc:Description=Cầu Hiền Lương bên dòng Bến Hải",
            "-XMP-dc:Creator=Trần Đức Dũng",
            "-XMP-photoshop:Credit=TTXVN",
            "-XMP-dc:Rights=Bản quyền thuộc TTXVN",
            "-XMP-photoshop:City=Vĩnh Linh",
            "-XMP-photoshop:State=Quảng Trị",
            "-XMP-photoshop:Country=Việt Nam",
            "-XMP-iptcCore:AltTextAccessibility=Cây cầu sơn hai màu bắc qua sông",
            "-XMP-photoshop:Headline=Hiền Lương hôm nay",
        ],
    );

    let exif_only = make("exif-only.jpg", 4);
    exiftool(
        &exif_only,
        &[
            "-EXIF:ImageDescription=Phố cổ Hội An về đêm",
            "-EXIF:Artist=Lê Hữu Phước",
            "-EXIF:Copyright=Lê Hữu Phước",
            "-EXIF:DateTimeOriginal=2026:10:02 07:15:00",
            "-EXIF:Make=Canon",
            "-EXIF:Model=Canon EOS R6",
            "-GPSLatitude=16.8163",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=107.1003",
            "-GPSLongitudeRef=E",
        ],
    );

    let (out, results) = import_json(&data, &[&iptc_utf8, &iptc_legacy, &xmp, &exif_only]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Vec<&Value> = results
        .iter()
        .map(|r| {
            assert_eq!(r["result"]["status"], "imported", "{r}");
            &r["result"]["photo"]["meta"]
        })
        .collect();

    let cases: Vec<(usize, &str, &str)> = vec![
        (0, "description", "Người dân xã Hải Lăng gặt lúa chạy lũ"),
        (0, "creator", "Nguyễn Thị Ánh"),
        (0, "credit", "Báo Quảng Trị"),
        (0, "copyright", "© Báo Quảng Trị"),
        (0, "city", "Đông Hà"),
        (0, "state", "Quảng Trị"),
        (0, "country", "Việt Nam"),
        (0, "headline", "Gặt lúa chạy lũ"),
        (0, "taken_at", "2026-10-02"),
        (1, "description", "Tây Ninh và Cà Mau"),
        (1, "creator", "Hà Vân"),
        (2, "description", "Cầu Hiền Lương bên dòng Bến Hải"),
        (2, "creator", "Trần Đức Dũng"),
        (2, "credit", "TTXVN"),
        (2, "copyright", "Bản quyền thuộc TTXVN"),
        (2, "city", "Vĩnh Linh"),
        (2, "state", "Quảng Trị"),
        (2, "country", "Việt Nam"),
        (2, "alt_text", "Cây cầu sơn hai màu bắc qua sông"),
        (2, "headline", "Hiền Lương hôm nay"),
        (3, "description", "Phố cổ Hội An về đêm"),
        (3, "creator", "Lê Hữu Phước"),
        (3, "copyright", "Lê Hữu Phước"),
        (3, "taken_at", "2026-10-02T07:15:00"),
        (3, "camera", "Canon EOS R6"),
    ];
    for (i, field, want) in cases {
        assert_eq!(meta[i][field], want, "file {i} field {field}: {}", meta[i]);
    }
    let gps = &meta[3]["gps"];
    assert!(
        (gps["latitude"].as_f64().unwrap() - 16.8163).abs() < 1e-4,
        "{gps}"
    );
    assert!(
        (gps["longitude"].as_f64().unwrap() - 107.1003).abs() < 1e-4,
        "{gps}"
    );

    // What was read is what `photo show` prints.
    let id = results[2]["result"]["photo"]["id"].as_str().unwrap();
    let shown = newsdesk(&data, &["photo", "show", id]);
    let text = String::from_utf8(shown.stdout).unwrap();
    assert!(text.contains("Cầu Hiền Lương bên dòng Bến Hải"), "{text}");
    assert!(text.contains("Vĩnh Linh, Quảng Trị, Việt Nam"), "{text}");
}

#[test]
fn orientation_is_honoured_and_originals_are_kept_byte_identical_once() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // 2000×1000, left half red, right half blue; tagged "rotate 90° clockwise".
    let img = RgbImage::from_fn(2000, 1000, |x, _| {
        if x < 1000 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    });
    let rotated = tmp.path().join("rotated.jpg");
    std::fs::write(&rotated, encode_jpeg(&img)).unwrap();
    exiftool(&rotated, &["-Orientation#=6"]);
    let copy = tmp.path().join("same bytes, other name.jpg");
    std::fs::copy(&rotated, &copy).unwrap();

    let (out, results) = import_json(&data, &[&rotated]);
    assert!(out.status.success());
    let photo = &results[0]["result"]["photo"];
    assert_eq!(
        (photo["width"].as_u64(), photo["height"].as_u64()),
        (Some(1000), Some(2000))
    );
    assert_eq!(photo["meta"]["orientation"], 6);

    let sha = photo["sha256"].as_str().unwrap();
    let photos = data.join("photos");
    let web = photos
        .join("renditions")
        .join(&sha[..2])
        .join(format!("{sha}-1600.jpg"));
    let thumb = photos
        .join("renditions")
        .join(&sha[..2])
        .join(format!("{sha}-320.jpg"));
    let web = image::open(&web).unwrap().into_rgb8();
    assert_eq!(web.dimensions(), (800, 1600));
    let thumb = image::open(&thumb).unwrap().into_rgb8();
    assert_eq!(thumb.dimensions(), (160, 320));
    // Turned clockwise: the red left half is now on top.
    let top = thumb.get_pixel(80, 40);
    let bottom = thumb.get_pixel(80, 280);
    assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");

    // The same bytes again, under another name and twice in one batch: one copy.
    let (out, again) = import_json(&data, &[&copy, &rotated]);
    assert!(out.status.success());
    for r in &again {
        assert_eq!(r["result"]["status"], "duplicate", "{r}");
        assert_eq!(r["result"]["photo"]["id"], photo["id"]);
    }
    let originals = files_under(&photos.join("originals"));
    assert_eq!(originals.len(), 1, "{originals:?}");
    assert_eq!(
        std::fs::read(&originals[0]).unwrap(),
        std::fs::read(&rotated).unwrap(),
        "the original is byte-identical"
    );
    let list = json_of(&newsdesk(&data, &["photo", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
}

/// Patches a PNG's IHDR to declare another size (fixing its CRC).
fn png_declaring(w: u32, h: u32) -> Vec<u8> {
    let mut png = encode_png(&RgbImage::new(8, 8));
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32fast::hash(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

/// Patches a JPEG's SOF0 to declare another size.
fn jpeg_declaring(w: u16, h: u16) -> Vec<u8> {
    let mut jpeg = camera_jpeg(16, 16, 9);
    let sof = jpeg
        .windows(2)
        .position(|m| m == [0xFF, 0xC0])
        .expect("baseline JPEG");
    jpeg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    jpeg
}

/// A JPEG with ~13 MB of comment segments before its pixels.
fn jpeg_with_huge_metadata() -> Vec<u8> {
    let jpeg = camera_jpeg(64, 64, 5);
    let mut out = jpeg[..2].to_vec();
    let payload = vec![b'x'; 65_533];
    for _ in 0..200 {
        out.extend([0xFF, 0xFE, 0xFF, 0xFF]);
        out.extend(&payload);
    }
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn hostile_files_fail_one_by_one_and_leave_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let good = camera_jpeg(800, 600, 7);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.jpg",
            good[..good.len() * 6 / 10].to_vec(),
            "damaged",
        ),
        ("empty.jpg", Vec::new(), "empty_file"),
        (
            "png-named.jpg",
            encode_png(&RgbImage::new(32, 32)),
            "wrong_extension",
        ),
        (
            "notes.jpg",
            b"Phong vien: gui anh sau\n".repeat(50),
            "not_an_image",
        ),
        ("bomb.png", png_declaring(60_000, 60_000), "too_many_pixels"),
        (
            "bomb.jpg",
            jpeg_declaring(60_000, 60_000),
            "too_many_pixels",
        ),
        (
            "huge-metadata.jpg",
            jpeg_with_huge_metadata(),
            "metadata_too_large",
        ),
        (
            "phone.heic",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            "unsupported_format",
        ),
    ];
    let mut paths = Vec::new();
    for (name, bytes, _) in &cases {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push(p);
    }
    let fine = tmp.path().join("fine.jpg");
    std::fs::write(&fine, &good).unwrap();
    paths.insert(3, fine.clone());

    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (out, results) = import_json(&data, &refs);
    assert_eq!(out.status.code(), Some(1), "a batch with failures exits 1");
    assert_eq!(results.len(), cases.len() + 1);
    assert_eq!(results[3]["result"]["status"], "imported", "{}", results[3]);
    let failed: Vec<&Value> = results
        .iter()
        .filter(|r| r["result"]["status"] == "failed")
        .collect();
    for ((name, _, code), r) in cases.iter().zip(failed) {
        assert_eq!(r["result"]["code"], *code, "{name}: {r}");
        let message = r["result"]["message"].as_str().unwrap();
        assert!(
            message.contains(name),
            "{name}: the message names the file: {message}"
        );
    }
    let bomb = results
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("bomb.png"))
        .unwrap();
    assert!(
        bomb["result"]["message"]
            .as_str()
            .unwrap()
            .contains("60000×60000"),
        "{bomb}"
    );

    // Only the good file is in the library and on disk.
    let list = json_of(&newsdesk(&data, &["photo", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let photos = data.join("photos");
    assert_eq!(files_under(&photos.join("originals")).len(), 1);
    assert_eq!(files_under(&photos.join("renditions")).len(), 2);
    assert!(files_under(&photos.join("tmp")).is_empty());

    // Text output: one line per file, the failures named.
    let text = newsdesk(
        &data,
        &[
            "photo",
            "import",
            paths[0].to_str().unwrap(),
            fine.to_str().unwrap(),
        ],
    );
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(
        stdout.contains("failed") && stdout.contains("truncated.jpg"),
        "{stdout}"
    );
    assert!(stdout.contains("duplicate"), "{stdout}");
    assert!(String::from_utf8_lossy(&text.stderr).contains("error: 1 of 2 files"));
}

#[test]
fn import_into_an_article_places_figures_with_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = newsdesk(&data, &["article", "new", "--headline", "Mùa lũ"]);
    assert!(out.status.success());
    let article = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let p = tmp.path().join("a.jpg");
    std::fs::write(&p, camera_jpeg(400, 300, 11)).unwrap();
    exiftool(
        &p,
        &[
            "-XMP-dc:Description=Nước ngập Hải Lăng",
            "-XMP-dc:Creator=Trần Dũng",
        ],
    );
    let out = newsdesk(
        &data,
        &[
            "photo",
            "import",
            "--json",
            "--article",
            &article,
            p.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = json_of(&out);
    let placement = &results[0]["result"]["placement"];
    assert_eq!(placement["caption"], "Nước ngập Hải Lăng");
    assert_eq!(placement["credit"], "Trần Dũng");

    let shown = json_of(&newsdesk(&data, &["article", "show", "--json", &article]));
    let blocks = shown["article"]["body"]["blocks"].as_array().unwrap();
    let figure = blocks.last().expect("a figure block");
    assert_eq!(figure["type"], "figure");
    assert_eq!(figure["placement_id"], placement["id"]);

    let missing = newsdesk(
        &data,
        &[
            "photo",
            "import",
            "--article",
            "0193a0a0-0000-7000-8000-000000000000",
            p.to_str().unwrap(),
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not found"));
}

#[test]
fn photos_imported_into_an_article_are_placed_in_the_order_given() {
    // Workers finish in any order (a big file first, small ones after): the figures still
    // follow the files as the photo editor picked them.
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = newsdesk(&data, &["article", "new", "--headline", "Thứ tự ảnh"]);
    assert!(out.status.success());
    let article = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let sizes = [(3000, 2000), (160, 120), (200, 150), (240, 180)];
    let mut files = Vec::new();
    for (i, (w, h)) in sizes.iter().enumerate() {
        let p = tmp.path().join(format!("anh-{i}.jpg"));
        std::fs::write(&p, camera_jpeg(*w, *h, 40 + i as u32)).unwrap();
        files.push(p.display().to_string());
    }
    let mut args = vec!["photo", "import", "--json", "--article", &article];
    args.extend(files.iter().map(String::as_str));
    let results = json_of(&newsdesk(&data, &args));
    let placed: Vec<Value> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["result"]["placement"]["id"].clone())
        .collect();
    let shown = json_of(&newsdesk(&data, &["article", "show", "--json", &article]));
    let figures: Vec<Value> = shown["article"]["body"]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "figure")
        .map(|b| b["placement_id"].clone())
        .collect();
    assert_eq!(figures, placed, "figures in the order the files were given");
}

#[test]
fn an_import_killed_half_way_leaves_no_orphans_after_the_next_open() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("shoot");
    std::fs::create_dir(&src).unwrap();
    let mut paths = Vec::new();
    for i in 0..16 {
        let p = src.join(format!("DSC_{i:04}.jpg"));
        std::fs::write(&p, camera_jpeg(1800, 1200, 100 + i)).unwrap();
        paths.push(p.display().to_string());
    }
    // Kill after the first original lands and, in a second round, a little later.
    for (round, extra_wait) in [(0, 0u64), (1, 150)] {
        let data = tmp.path().join(format!("data{round}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
            .arg("--data-dir")
            .arg(&data)
            .args(["photo", "import"])
            .args(&paths)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let originals = data.join("photos").join("originals");
        let start = Instant::now();
        while files_under(&originals).is_empty() && start.elapsed() < Duration::from_secs(120) {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(extra_wait));
        child.kill().unwrap();
        child.wait().unwrap();

        // The next open mends; then every row has its files and no temp file is left.
        let list = json_of(&newsdesk(&data, &["photo", "list", "--json"]));
        let rows = list.as_array().unwrap();
        assert!(
            rows.len() < paths.len(),
            "round {round}: the kill came too late to test anything"
        );
        assert!(
            files_under(&data.join("photos").join("tmp")).is_empty(),
            "round {round}"
        );
        for row in rows {
            let sha = row["sha256"].as_str().unwrap();
            let orig = originals.join(&sha[..2]).join(format!("{sha}.jpg"));
            assert!(
                orig.is_file(),
                "round {round}: row without its original: {row}"
            );
            for size in ["1600", "320"] {
                let r = data
                    .join("photos/renditions")
                    .join(&sha[..2])
                    .join(format!("{sha}-{size}.jpg"));
                assert!(
                    r.is_file(),
                    "round {round}: row without its {size} rendition"
                );
            }
        }
        let check = newsdesk(&data, &["db", "check"]);
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );

        // Importing the batch again completes it.
        let out = newsdesk(
            &data,
            &["photo", "import", "--json"]
                .iter()
                .copied()
                .chain(paths.iter().map(String::as_str))
                .collect::<Vec<_>>(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let list = json_of(&newsdesk(&data, &["photo", "list", "--json"]));
        assert_eq!(list.as_array().unwrap().len(), paths.len());
    }
}

#[test]
fn orphan_rows_whose_original_is_gone_are_removed_on_open() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let p = tmp.path().join("a.jpg");
    std::fs::write(&p, camera_jpeg(300, 200, 3)).unwrap();
    let (_, results) = import_json(&data, &[&p]);
    let sha = results[0]["result"]["photo"]["sha256"].as_str().unwrap();
    // As if the row had been committed but the original never reached the disk.
    std::fs::remove_file(
        data.join("photos/originals")
            .join(&sha[..2])
            .join(format!("{sha}.jpg")),
    )
    .unwrap();
    let list = json_of(&newsdesk(&data, &["photo", "list", "--json"]));
    assert!(list.as_array().unwrap().is_empty(), "{list}");
}

#[test]
fn png_with_transparency_and_webp_are_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // A transparent PNG: renditions are JPEG, so transparency turns white.
    let rgba = image::RgbaImage::from_fn(2400, 1200, |x, _| {
        if x < 1200 {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([10, 120, 30, 255])
        }
    });
    let png = tmp.path().join("logo.png");
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(rgba.as_raw(), 2400, 1200, image::ExtendedColorType::Rgba8)
        .unwrap();
    std::fs::write(&png, bytes).unwrap();
    let webp = tmp.path().join("chart.webp");
    let rgb = RgbImage::from_fn(900, 600, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut bytes = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut bytes)
        .write_image(rgb.as_raw(), 900, 600, image::ExtendedColorType::Rgb8)
        .unwrap();
    std::fs::write(&webp, bytes).unwrap();

    let (out, results) = import_json(&data, &[&png, &webp]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases = [
        (0, "png", 2400, 1200, (1600, 800)),
        (1, "webp", 900, 600, (900, 600)),
    ];
    for (i, format, w, h, web_size) in cases {
        let photo = &results[i]["result"]["photo"];
        assert_eq!(photo["format"], format, "{photo}");
        assert_eq!(
            (photo["width"].as_u64(), photo["height"].as_u64()),
            (Some(w), Some(h))
        );
        let sha = photo["sha256"].as_str().unwrap();
        let web = data
            .join("photos/renditions")
            .join(&sha[..2])
            .join(format!("{sha}-1600.jpg"));
        let web = image::open(web).unwrap().into_rgb8();
        assert_eq!(web.dimensions(), web_size, "{format}: not enlarged");
        if format == "png" {
            let left = web.get_pixel(100, 400);
            assert!(
                left.0.iter().all(|&c| c > 240),
                "transparent is white: {left:?}"
            );
        }
    }
}
