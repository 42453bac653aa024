//! What the integration tests share: running the `newsdesk` binary on a data folder, the
//! way a script would (a clean environment for the data folder, a known author).
//! Each test file takes what it needs, so some helpers are unused in some files.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The author every test's saves are recorded under.
pub const AUTHOR: &str = "Lan";

/// `newsdesk --data-dir DIR ARGS...`, its output collected.
pub fn newsdesk(dir: &Path, args: &[&str]) -> Output {
    command(dir, args)
        .output()
        .expect("the newsdesk binary runs")
}

/// The command for `newsdesk --data-dir DIR ARGS...`, to add stdin or environment to.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("NEWSDESK_DATA_DIR")
        .env("NEWSDESK_AUTHOR", AUTHOR);
    cmd
}

/// Runs a command that must succeed and returns its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = newsdesk(dir, args);
    assert!(
        out.status.success(),
        "newsdesk {args:?} failed: {}",
        stderr(&out)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs a command that must fail with exit `code` and returns its stderr.
pub fn fails(dir: &Path, args: &[&str], code: i32) -> String {
    let out = newsdesk(dir, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "newsdesk {args:?}: {}",
        stderr(&out)
    );
    stderr(&out)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A camera-like JPEG: gradients plus noise, so it compresses like a photo.
pub fn camera_jpeg(w: u32, h: u32, seed: u32) -> Vec<u8> {
    use image::{Rgb, RgbImage};
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let img = RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let n = (state % 24) as u8;
        Rgb([
            ((x * 200 / w) as u8).saturating_add(n),
            ((y * 200 / h) as u8).saturating_add(n),
            (((x + y) * 100 / (w + h)) as u8).saturating_add(n),
        ])
    });
    encode_jpeg(&img)
}

/// `img` as a quality-90 JPEG.
pub fn encode_jpeg(img: &image::RgbImage) -> Vec<u8> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}
