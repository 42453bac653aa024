//! Recognising what a file is from its bytes (never from its name alone), and the
//! limits every decoder works under so that hostile files cannot exhaust memory.

use std::path::Path;

use newsdesk_core::PhotoFormat;

use crate::error::{Error, Result};

/// Bounds on what the photo desk will decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest width or height accepted, in pixels.
    pub max_side: u32,
    /// Largest pixel count accepted, in megapixels.
    pub max_megapixels: u32,
    /// Largest pixel count accepted for a progressive JPEG, in megapixels: the decoder
    /// keeps all its coefficients in memory (3 to 6 bytes a pixel) whatever the scale.
    pub max_progressive_megapixels: u32,
    /// Largest original accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest total of metadata blocks (EXIF, XMP, IPTC, comments, text chunks), in bytes.
    pub max_metadata_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_side: 20_000,
            max_megapixels: 200,
            max_progressive_megapixels: 50,
            max_file_bytes: 200 * 1024 * 1024,
            max_metadata_bytes: 8 * 1024 * 1024,
        }
    }
}

impl Limits {
    /// Refuses dimensions beyond the limits, before any pixel is decoded.
    pub fn check_dimensions(&self, name: &str, width: u64, height: u64) -> Result<()> {
        self.check(name, width, height, self.max_megapixels)
    }

    /// [`Limits::check_dimensions`] for a progressive JPEG.
    pub fn check_progressive(&self, name: &str, width: u64, height: u64) -> Result<()> {
        self.check(name, width, height, self.max_progressive_megapixels)
    }

    fn check(&self, name: &str, width: u64, height: u64, max_megapixels: u32) -> Result<()> {
        let side = u64::from(self.max_side);
        if width == 0
            || height == 0
            || width > side
            || height > side
            || width * height > u64::from(max_megapixels) * 1_000_000
        {
            return Err(Error::TooManyPixels {
                name: name.to_owned(),
                width,
                height,
                limit: self.max_side,
                max_megapixels,
            });
        }
        Ok(())
    }
}

/// What the first bytes of a file say it is.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<PhotoFormat> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            name: name.to_owned(),
        });
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(PhotoFormat::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(PhotoFormat::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(PhotoFormat::Webp);
    }
    let unsupported = |format: &str| Error::Unsupported {
        name: name.to_owned(),
        format: format.to_owned(),
    };
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Err(match &bytes[8..12] {
            b"avif" | b"avis" => unsupported("AVIF"),
            // No maintained pure-Rust HEVC decoder exists; HEIC stays unsupported.
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => unsupported("HEIC"),
            _ => Error::NotAnImage {
                name: name.to_owned(),
            },
        });
    }
    if bytes.starts_with(b"GIF8") {
        return Err(unsupported("GIF"));
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Err(unsupported("TIFF or camera raw"));
    }
    Err(Error::NotAnImage {
        name: name.to_owned(),
    })
}

/// Refuses a file whose name claims another image format than its bytes (a PNG named
/// `.jpg`), since the name is what other tools and the web will trust.
pub fn check_extension(name: &str, path: &Path, format: PhotoFormat) -> Result<()> {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return Ok(());
    };
    let ext_lower = ext.to_ascii_lowercase();
    let ok = match format {
        PhotoFormat::Jpeg => ["jpg", "jpeg", "jpe", "jfif"].contains(&ext_lower.as_str()),
        PhotoFormat::Png => ext_lower == "png",
        PhotoFormat::Webp => ext_lower == "webp",
    };
    if ok {
        Ok(())
    } else {
        Err(Error::WrongExtension {
            name: name.to_owned(),
            actual: format.as_str().to_uppercase(),
            extension: ext.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let cases: Vec<(&[u8], &str)> = vec![
            (b"", "empty_file"),
            (b"\xFF\xD8\xFF\xE0rest", "jpeg"),
            (b"\x89PNG\r\n\x1a\nrest", "png"),
            (b"RIFF\0\0\0\0WEBPVP8 ", "webp"),
            (b"\0\0\0\x18ftypheic\0\0\0\0", "unsupported_format"),
            (b"GIF89a", "unsupported_format"),
            (b"%PDF-1.7", "not_an_image"),
            (b"hello", "not_an_image"),
        ];
        for (bytes, want) in cases {
            let got = match sniff("x", bytes) {
                Ok(f) => f.as_str().to_owned(),
                Err(e) => e.code().to_owned(),
            };
            assert_eq!(got, want, "{bytes:?}");
        }
    }

    #[test]
    fn extensions() {
        let cases = [
            ("a.JPG", PhotoFormat::Jpeg, true),
            ("a.jpeg", PhotoFormat::Jpeg, true),
            ("a.png", PhotoFormat::Jpeg, false),
            ("a.jpg", PhotoFormat::Png, false),
            ("noext", PhotoFormat::Webp, true),
        ];
        for (name, f, ok) in cases {
            assert_eq!(
                check_extension(name, Path::new(name), f).is_ok(),
                ok,
                "{name}"
            );
        }
    }

    #[test]
    fn a_bomb_is_refused_by_its_header() {
        let l = Limits::default();
        assert!(l.check_dimensions("x", 8192, 5464).is_ok());
        let e = l.check_dimensions("bomb.png", 60000, 60000).unwrap_err();
        assert_eq!(e.code(), "too_many_pixels");
        assert!(e.to_string().contains("60000×60000"), "{e}");
        assert!(l.check_dimensions("x", 19000, 19000).is_err(), "361 MP");
    }
}
