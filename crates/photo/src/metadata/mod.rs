//! Reading what a photo says about itself: EXIF (date taken, camera, orientation, GPS),
//! IPTC-IIM (with its declared character set) and XMP, merged into one [`PhotoMeta`]
//! to prefill the desk. XMP wins over IPTC-IIM, which wins over EXIF, field by field:
//! XMP is what current tools write and is always Unicode.

mod container;
mod exif;
mod iptc;
mod xmp;

use newsdesk_core::{PhotoFormat, PhotoMeta};

use crate::error::{Error, Result};
use crate::format::Limits;

/// Reads the metadata of an image already recognised as `format`.
///
/// A file whose metadata blocks together exceed [`Limits::max_metadata_bytes`] is refused.
/// Damaged metadata is skipped rather than refused: the pixels may still be good.
pub fn read(name: &str, bytes: &[u8], format: PhotoFormat, limits: &Limits) -> Result<PhotoMeta> {
    let blocks = container::blocks(bytes, format);
    if blocks.total_bytes > limits.max_metadata_bytes {
        return Err(Error::MetadataTooLarge {
            name: name.to_owned(),
            size_kb: blocks.total_bytes / 1024,
            limit_kb: limits.max_metadata_bytes / 1024,
        });
    }
    let mut meta = blocks.xmp.map(xmp::read).unwrap_or_default();
    if let Some(iim) = blocks.iptc {
        meta.fill_from(iptc::read(iim));
    }
    let from_exif = match blocks.exif {
        Some(tiff) => exif::read(tiff),
        None => PhotoMeta::default(),
    };
    // Orientation and GPS come from EXIF first: XMP copies of them are often stale.
    let mut merged = PhotoMeta {
        orientation: from_exif.orientation,
        gps: from_exif.gps,
        ..PhotoMeta::default()
    };
    merged.fill_from(meta);
    merged.fill_from(from_exif);
    Ok(merged.normalized())
}

/// Text of a legacy field: UTF-8 when the bytes are valid UTF-8 (most tools write it,
/// declared or not), else Windows-1252 (the Latin-1 superset older tools used).
pub(crate) fn legacy_text(bytes: &[u8]) -> String {
    let trimmed = bytes
        .iter()
        .rposition(|&b| b != 0)
        .map_or(&bytes[..0], |end| &bytes[..=end]);
    match std::str::from_utf8(trimmed) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(trimmed).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_text_is_utf8_else_latin1() {
        assert_eq!(legacy_text("Hà Nội\0\0".as_bytes()), "Hà Nội");
        assert_eq!(
            legacy_text(b"T\xe2y Ninh v\xe0 C\xe0 Mau"),
            "Tây Ninh và Cà Mau"
        );
        assert_eq!(legacy_text(b""), "");
    }
}
