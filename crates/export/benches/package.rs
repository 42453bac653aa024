//! Package export benchmark (issue 6): an article with 20 placed 24-megapixel JPEGs
//! (6000×4000, q90, camera-like content, made once with the `image` crate into a cache
//! folder, outside any timing). Before timing, a fresh data folder imports them and
//! places each in the article (the photo desk's ingest, not measured here). Then:
//!
//! - **cold**: the renditions are removed (a data folder restored without them), so
//!   `gather` makes the 20 web renditions from the originals, then the package is written;
//! - **warm**: the renditions are there and reused: `gather` + the package (folder),
//!   and the same as a `.zip`;
//! - **baseline, copy floor**: what any package of these pictures costs at least —
//!   read the 20 web renditions, SHA-256 them and write them into a fresh folder — with
//!   no rendering and no metadata.
//!
//! Each path runs against a fresh output folder; cold runs each get a fresh renditions
//! folder. The target: warm ≤ 2 s.
//!
//! Run: `cargo bench -p newsdesk-export --bench package`
//! (cache: `$NEWSDESK_EXPORT_BENCH_CACHE`, default `/tmp/newsdesk-export-bench`;
//! rounds: `$NEWSDESK_EXPORT_BENCH_ROUNDS`, default 5).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsdesk_core::NewArticle;
use newsdesk_export::{export, gather, ExportFormat, ExportOptions};
use newsdesk_photo::{import, ImportOptions, ImportResult, PhotoFiles};
use newsdesk_store::Store;
use sha2::{Digest, Sha256};

const PHOTOS: usize = 20;
const W: u32 = 6000;
const H: u32 = 4000;

fn main() {
    let cache = std::env::var_os("NEWSDESK_EXPORT_BENCH_CACHE").map_or_else(
        || PathBuf::from("/tmp/newsdesk-export-bench"),
        PathBuf::from,
    );
    let rounds: usize = std::env::var("NEWSDESK_EXPORT_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let files = fixtures(&cache);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!(
        "{PHOTOS} photos of {W}×{H} ({:.0} MB of JPEG q90); {} cores; {rounds} rounds",
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // A fresh data folder: the article, the photos imported and placed (not timed).
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut store = Store::open_dir(&data).unwrap();
    let photo_files = PhotoFiles::open(&data).unwrap();
    let article = store
        .create(
            NewArticle {
                headline: "Mùa gặt trên cánh đồng Hải Lăng".into(),
                lead: "Nông dân Hải Lăng gặt lúa đông xuân chạy lũ.".into(),
                body: Some(newsdesk_core::Document::from_plain_text(
                    &"Đoạn văn bản của bài viết về mùa gặt.\n\n".repeat(30),
                )),
                ..NewArticle::default()
            },
            "bench",
        )
        .unwrap();
    let outcomes = import(
        &mut store,
        &photo_files,
        &files,
        &ImportOptions {
            article: Some(article.id),
            author: "bench".into(),
            ..ImportOptions::default()
        },
        |_| {},
    )
    .unwrap();
    assert!(outcomes
        .iter()
        .all(|o| matches!(o.result, ImportResult::Imported { .. })));
    let renditions = data.join("photos/renditions");

    let mut n = 0;
    let mut fresh_out = || {
        n += 1;
        work.path().join(format!("out-{n}"))
    };
    let package = |zip: bool, out: PathBuf| {
        let t = Instant::now();
        let g = gather(&store, &photo_files, article.id).unwrap();
        assert_eq!(g.images.len(), PHOTOS);
        let rep = export(
            &g.input(),
            &ExportOptions {
                out,
                format: ExportFormat::Package,
                zip,
                force: false,
                render: Default::default(),
            },
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(rep.files.len(), 5 + PHOTOS);
        t.elapsed().as_secs_f64()
    };

    let mut rows: Vec<(&str, Vec<f64>)> = vec![
        ("cold: make 20 renditions + package (folder)", vec![]),
        ("warm: package (folder), renditions reused", vec![]),
        ("warm: package (.zip), renditions reused", vec![]),
        (
            "baseline: copy floor (read + SHA-256 + write 20 renditions)",
            vec![],
        ),
    ];
    for round in 0..rounds {
        eprint!("round {} …", round + 1);
        std::io::stderr().flush().ok();
        std::fs::remove_dir_all(&renditions).unwrap();
        rows[0].1.push(package(false, fresh_out()));
        rows[1].1.push(package(false, fresh_out()));
        rows[2].1.push(package(true, fresh_out()));
        rows[3].1.push(copy_floor(&renditions, &fresh_out()));
        eprintln!(" done");
    }
    println!();
    println!("| path | median s | min s | max s |");
    println!("|---|---|---|---|");
    for (label, mut t) in rows {
        t.sort_by(f64::total_cmp);
        println!(
            "| {label} | {:.2} | {:.2} | {:.2} |",
            t[t.len() / 2],
            t[0],
            t[t.len() - 1]
        );
    }
}

/// Reads every web rendition, hashes it and writes it into `out`.
fn copy_floor(renditions: &Path, out: &Path) -> f64 {
    let t = Instant::now();
    std::fs::create_dir_all(out).unwrap();
    let mut n = 0;
    for dir in std::fs::read_dir(renditions).unwrap() {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            if !p.to_string_lossy().ends_with("-1600.jpg") {
                continue;
            }
            let b = std::fs::read(&p).unwrap();
            let _ = Sha256::digest(&b);
            n += 1;
            std::fs::write(out.join(format!("photo-{n:02}.jpg")), &b).unwrap();
        }
    }
    assert_eq!(n, PHOTOS);
    t.elapsed().as_secs_f64()
}

/// The 20 photos, made once into `cache`.
fn fixtures(cache: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(cache).unwrap();
    (0..PHOTOS)
        .map(|i| {
            let p = cache.join(format!("cam-24mp-{i:02}.jpg"));
            if !p.exists() {
                eprint!("making {} …", p.display());
                std::io::stderr().flush().ok();
                let tmp = p.with_extension("part");
                std::fs::write(&tmp, camera_like(i as u32 + 1)).unwrap();
                std::fs::rename(&tmp, &p).unwrap();
                eprintln!(" done");
            }
            p
        })
        .collect()
}

/// A sky-to-field gradient with large soft shapes and sensor-like noise, JPEG q90.
fn camera_like(seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761) | 1;
    let img = image::RgbImage::from_fn(W, H, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let n = (state & 15) as i32 - 8;
        let fx = x as f32 / W as f32;
        let fy = y as f32 / H as f32;
        let shape = ((fx * 9.0).sin() * (fy * 7.0).cos() * 40.0) as i32;
        let r = (60.0 + 150.0 * fy) as i32 + shape + n;
        let g = (110.0 + 90.0 * (1.0 - fy) * fx) as i32 - shape / 2 + n;
        let b = (200.0 - 150.0 * fy) as i32 + n;
        image::Rgb([
            r.clamp(0, 255) as u8,
            g.clamp(0, 255) as u8,
            b.clamp(0, 255) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out
}
