//! Photo ingest benchmark (issue 4): 20 × 24 MP and 5 × 45 MP camera-like JPEGs (q90,
//! with EXIF/IPTC/XMP written by exiftool when it is installed), made once into a cache
//! folder. In one run, each path works through the same files in its own child process,
//! timed, with its peak RSS read by `/usr/bin/time`:
//!
//! - `newsdesk`: the real import (hash, metadata, both renditions, durable writes, SQLite row);
//! - `vipsthumbnail`: the same two sizes from the same files (two passes per file);
//! - `image` naive: full decode, Lanczos3 resize to both sizes, `image`'s JPEG encoder.
//!
//! Run: `cargo bench -p newsdesk-photo --bench ingest`
//! (cache: `$NEWSDESK_BENCH_CACHE`, default `/tmp/newsdesk-photo-bench`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use newsdesk_photo::{import, ImportOptions, ImportResult, PhotoFiles};
use newsdesk_store::Store;

const SETS: [(u32, u32, usize); 2] = [(6000, 4000, 20), (8256, 5504, 5)];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child modes: `--child MODE OUT_DIR FILE...`.
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let mode = args[i + 1].as_str();
        let out = PathBuf::from(&args[i + 2]);
        let files: Vec<PathBuf> = args[i + 3..].iter().map(PathBuf::from).collect();
        match mode {
            "newsdesk-1" => ours(&out, &files, 1),
            "newsdesk" => ours(&out, &files, 0),
            "naive" => naive(&out, &files),
            other => panic!("unknown mode {other}"),
        }
        return;
    }
    let cache = std::env::var_os("NEWSDESK_BENCH_CACHE")
        .map_or_else(|| PathBuf::from("/tmp/newsdesk-photo-bench"), PathBuf::from);
    let files = fixtures(&cache);
    let megapixels: f64 = SETS
        .iter()
        .map(|(w, h, n)| f64::from(w * h) * *n as f64 / 1e6)
        .sum();
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!(
        "{} files, {:.0} MP, {:.0} MB of JPEG (q90); {} cores",
        files.len(),
        megapixels,
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let exe = std::env::current_exe().unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    let mut run = |label: &str, program: &Path, args: Vec<String>, env: &[(&str, &str)]| {
        let out = work.path().join(label.replace(' ', "_"));
        std::fs::create_dir_all(&out).unwrap();
        let args: Vec<String> = args
            .into_iter()
            .map(|a| a.replace("{out}", out.to_str().unwrap()))
            .collect();
        let report = work
            .path()
            .join(format!("{}.time", label.replace(' ', "_")));
        let start = Instant::now();
        let status = Command::new("/usr/bin/time")
            .arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&report)
            .arg(program)
            .args(&args)
            .envs(env.iter().copied())
            .status()
            .expect("/usr/bin/time (Debian package `time`)");
        let secs = start.elapsed().as_secs_f64();
        assert!(status.success(), "{label} failed");
        let max_rss_kb: u64 = std::fs::read_to_string(&report)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        println!(
            "{label:<40} {secs:>7.2} s  {:>6.1} MB peak RSS",
            max_rss_kb as f64 / 1024.0
        );
        rows.push((label.to_owned(), secs, max_rss_kb));
        secs
    };
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let child = |mode: &str| {
        let mut a = vec!["--child".to_owned(), mode.to_owned(), "{out}".to_owned()];
        a.extend(names.iter().cloned());
        a
    };
    let vips_script = format!(
        "for f in {}; do b=$(basename \"$f\" .jpg); \
         vipsthumbnail \"$f\" --size 1600 -o \"{{out}}/$b-1600.jpg[Q=85]\" && \
         vipsthumbnail \"$f\" --size 320 -o \"{{out}}/$b-320.jpg[Q=80]\" || exit 1; done",
        names.join(" ")
    );
    let sh = Path::new("/bin/sh");
    let vips1 = run(
        "vipsthumbnail, 1 thread",
        sh,
        vec!["-c".into(), vips_script.clone()],
        &[("VIPS_CONCURRENCY", "1")],
    );
    let ours1 = run("newsdesk import, 1 worker", &exe, child("newsdesk-1"), &[]);
    let vips = run(
        "vipsthumbnail, default threads",
        sh,
        vec!["-c".into(), vips_script],
        &[],
    );
    let ours = run(
        "newsdesk import, default workers",
        &exe,
        child("newsdesk"),
        &[],
    );
    let naive = run("image crate naive, 1 thread", &exe, child("naive"), &[]);
    println!();
    println!(
        "newsdesk / vipsthumbnail, one thread each:  {:.2}×",
        ours1 / vips1
    );
    println!(
        "newsdesk / vipsthumbnail, default threads:  {:.2}×",
        ours / vips
    );
    println!(
        "naive image / newsdesk, one thread each:    {:.2}×",
        naive / ours1
    );
    println!(
        "per photo, one thread: newsdesk {:.0} ms, vipsthumbnail {:.0} ms, naive {:.0} ms",
        ours1 * 1000.0 / files.len() as f64,
        vips1 * 1000.0 / files.len() as f64,
        naive * 1000.0 / files.len() as f64
    );
}

/// Makes (once) the camera-like JPEGs: smooth gradients with sensor-like noise, q90,
/// with the metadata a newsroom camera and agency tool leave when exiftool is present.
fn fixtures(cache: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(cache).unwrap();
    let mut out = Vec::new();
    for (w, h, n) in SETS {
        for i in 0..n {
            let p = cache.join(format!("cam-{}mp-{i:02}.jpg", w * h / 1_000_000));
            if !p.exists() {
                eprint!("making {} …", p.display());
                std::io::stderr().flush().ok();
                let jpeg = camera_like(w, h, i as u32 + w);
                let tmp = p.with_extension("part");
                std::fs::write(&tmp, jpeg).unwrap();
                let _ = Command::new("exiftool")
                    .args([
                        "-q",
                        "-overwrite_original",
                        "-EXIF:Make=Nikon",
                        "-EXIF:Model=NIKON Z 7II",
                        "-EXIF:DateTimeOriginal=2026:10:02 07:15:00",
                        "-EXIF:Orientation#=1",
                        "-IPTC:CodedCharacterSet=UTF8",
                        "-charset",
                        "iptc=UTF8",
                        "-IPTC:Caption-Abstract=Nông dân Hải Lăng gặt lúa chạy lũ",
                        "-IPTC:By-line=Trần Dũng",
                        "-XMP-dc:Description=Nông dân Hải Lăng gặt lúa chạy lũ",
                        "-XMP-dc:Creator=Trần Dũng",
                    ])
                    .arg(&tmp)
                    .status();
                std::fs::rename(&tmp, &p).unwrap();
                eprintln!(" done");
            }
            out.push(p);
        }
    }
    out
}

fn camera_like(w: u32, h: u32, seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761) | 1;
    let mut px = vec![0u8; (w * h * 3) as usize];
    for y in 0..h {
        for x in 0..w {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let n = (state & 15) as i32 - 8;
            let fx = x as f32 / w as f32;
            let fy = y as f32 / h as f32;
            // A sky-to-field gradient with some large soft shapes.
            let shape = ((fx * 9.0).sin() * (fy * 7.0).cos() * 40.0) as i32;
            let r = (60.0 + 150.0 * fy) as i32 + shape + n;
            let g = (110.0 + 90.0 * (1.0 - fy) * fx) as i32 - shape / 2 + n;
            let b = (200.0 - 150.0 * fy) as i32 + n;
            let i = ((y * w + x) * 3) as usize;
            px[i] = r.clamp(0, 255) as u8;
            px[i + 1] = g.clamp(0, 255) as u8;
            px[i + 2] = b.clamp(0, 255) as u8;
        }
    }
    turbojpeg::compress(
        turbojpeg::Image {
            pixels: px.as_slice(),
            width: w as usize,
            pitch: w as usize * 3,
            height: h as usize,
            format: turbojpeg::PixelFormat::RGB,
        },
        90,
        turbojpeg::Subsamp::Sub2x2,
    )
    .unwrap()
    .to_vec()
}

/// The real import into a fresh data folder.
fn ours(out: &Path, files: &[PathBuf], workers: usize) {
    let mut store = Store::open_dir(out).unwrap();
    let photo_files = PhotoFiles::open(out).unwrap();
    let mut opts = ImportOptions::default();
    if workers > 0 {
        opts.workers = workers;
    }
    let outcomes = import(&mut store, &photo_files, files, &opts, |_| {}).unwrap();
    for o in outcomes {
        assert!(
            matches!(o.result, ImportResult::Imported { .. }),
            "{}: {:?}",
            o.file,
            o.result
        );
    }
}

/// The naive path: `image` full decode, Lanczos3 to each size, `image` JPEG encoder.
fn naive(out: &Path, files: &[PathBuf]) {
    use image::imageops::FilterType;
    for f in files {
        let img = image::open(f).unwrap();
        let stem = f.file_stem().unwrap().to_str().unwrap();
        for (side, q) in [(1600u32, 85u8), (320, 80)] {
            let small = img.resize(side, side, FilterType::Lanczos3).into_rgb8();
            let mut buf = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, q)
                .encode_image(&small)
                .unwrap();
            std::fs::write(out.join(format!("{stem}-{side}.jpg")), buf).unwrap();
        }
    }
}
