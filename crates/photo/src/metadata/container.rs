//! Finding the metadata blocks inside JPEG, PNG and WebP files without decoding pixels,
//! and adding up their sizes so that a file stuffed with metadata can be refused.

use newsdesk_core::PhotoFormat;

/// The raw metadata blocks of one file, borrowed from its bytes.
#[derive(Debug, Default)]
pub(crate) struct Blocks<'a> {
    /// The EXIF TIFF structure (without the `Exif\0\0` header).
    pub exif: Option<&'a [u8]>,
    /// The XMP packet (XML).
    pub xmp: Option<&'a [u8]>,
    /// The IPTC-IIM records (Photoshop resource 0x0404).
    pub iptc: Option<&'a [u8]>,
    /// Bytes taken by every metadata block together, including ones not read.
    pub total_bytes: u64,
}

const XMP_JPEG: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const PHOTOSHOP: &[u8] = b"Photoshop 3.0\0";

/// The metadata blocks of a file of a known format.
pub(crate) fn blocks(bytes: &[u8], format: PhotoFormat) -> Blocks<'_> {
    match format {
        PhotoFormat::Jpeg => jpeg(bytes),
        PhotoFormat::Png => png(bytes),
        PhotoFormat::Webp => webp(bytes),
    }
}

fn jpeg(b: &[u8]) -> Blocks<'_> {
    let mut out = Blocks::default();
    let mut pos = 2;
    while pos + 4 <= b.len() {
        if b[pos] != 0xFF {
            break;
        }
        let marker = b[pos + 1];
        if marker == 0xFF {
            pos += 1; // fill byte
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD8).contains(&marker) {
            pos += 2;
            continue;
        }
        if marker == 0xDA || marker == 0xD9 {
            break; // pixels follow; metadata lives before them
        }
        let len = usize::from(u16::from_be_bytes([b[pos + 2], b[pos + 3]]));
        if len < 2 || pos + 2 + len > b.len() {
            break; // cut short: the decoder reports it
        }
        let data = &b[pos + 4..pos + 2 + len];
        if (0xE1..=0xEF).contains(&marker) || marker == 0xFE {
            out.total_bytes += len as u64;
        }
        match marker {
            0xE1 if data.starts_with(b"Exif\0\0") && out.exif.is_none() => {
                out.exif = Some(&data[6..]);
            }
            0xE1 if data.starts_with(XMP_JPEG) && out.xmp.is_none() => {
                out.xmp = Some(&data[XMP_JPEG.len()..]);
            }
            0xED if data.starts_with(PHOTOSHOP) && out.iptc.is_none() => {
                out.iptc = photoshop_iptc(&data[PHOTOSHOP.len()..]);
            }
            _ => {}
        }
        pos += 2 + len;
    }
    out
}

/// The IPTC-IIM resource (id 0x0404) among Photoshop image resources (`8BIM` blocks).
fn photoshop_iptc(mut d: &[u8]) -> Option<&[u8]> {
    while d.len() >= 12 && &d[0..4] == b"8BIM" {
        let id = u16::from_be_bytes([d[4], d[5]]);
        // Pascal name, padded so that length byte + name is even.
        let name_len = usize::from(d[6]);
        let name_total = (1 + name_len + 1) & !1;
        let size_at = 6 + name_total;
        let size_bytes = d.get(size_at..size_at + 4)?;
        let size = u32::from_be_bytes(size_bytes.try_into().ok()?) as usize;
        let start = size_at + 4;
        let data = d.get(start..start.checked_add(size)?)?;
        if id == 0x0404 {
            return Some(data);
        }
        let next = start + size + (size & 1);
        d = d.get(next..)?;
    }
    None
}

fn png(b: &[u8]) -> Blocks<'_> {
    let mut out = Blocks::default();
    let mut pos = 8;
    while pos + 12 <= b.len() {
        let len = u32::from_be_bytes([b[pos], b[pos + 1], b[pos + 2], b[pos + 3]]) as usize;
        let kind = &b[pos + 4..pos + 8];
        let Some(data) = b.get(pos + 8..(pos + 8).saturating_add(len)) else {
            break;
        };
        match kind {
            b"eXIf" => {
                out.total_bytes += len as u64;
                out.exif.get_or_insert(data);
            }
            b"tEXt" | b"zTXt" | b"iTXt" => {
                out.total_bytes += len as u64;
                if kind == b"iTXt" && out.xmp.is_none() {
                    out.xmp = png_itxt_xmp(data);
                }
            }
            b"IEND" => break,
            _ => {}
        }
        pos += 12 + len;
    }
    out
}

/// The XMP packet of an uncompressed `iTXt` chunk with the keyword `XML:com.adobe.xmp`.
fn png_itxt_xmp(d: &[u8]) -> Option<&[u8]> {
    let rest = d.strip_prefix(b"XML:com.adobe.xmp\0")?;
    let (&compressed, rest) = rest.split_first()?;
    if compressed != 0 {
        return None;
    }
    let rest = rest.get(1..)?; // compression method
    let lang_end = rest.iter().position(|&c| c == 0)?;
    let rest = &rest[lang_end + 1..];
    let tr_end = rest.iter().position(|&c| c == 0)?;
    Some(&rest[tr_end + 1..])
}

fn webp(b: &[u8]) -> Blocks<'_> {
    let mut out = Blocks::default();
    let mut pos = 12;
    while pos + 8 <= b.len() {
        let kind = &b[pos..pos + 4];
        let len = u32::from_le_bytes([b[pos + 4], b[pos + 5], b[pos + 6], b[pos + 7]]) as usize;
        let Some(data) = b.get(pos + 8..(pos + 8).saturating_add(len)) else {
            break;
        };
        match kind {
            b"EXIF" => {
                out.total_bytes += len as u64;
                out.exif
                    .get_or_insert(data.strip_prefix(b"Exif\0\0").unwrap_or(data));
            }
            b"XMP " => {
                out.total_bytes += len as u64;
                out.xmp.get_or_insert(data);
            }
            _ => {}
        }
        pos += 8 + len + (len & 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
        let mut v = vec![0xFF, marker];
        v.extend(((data.len() + 2) as u16).to_be_bytes());
        v.extend(data);
        v
    }

    #[test]
    fn finds_jpeg_blocks_and_counts_their_size() {
        let mut f = vec![0xFF, 0xD8];
        f.extend(segment(0xE0, b"JFIF\0\x01\x01"));
        f.extend(segment(0xE1, &[XMP_JPEG, b"<x/>"].concat()));
        let mut ps = PHOTOSHOP.to_vec();
        ps.extend(b"8BIM\x04\x04\0\0\0\0\0\x05\x1c\x02\x78\0\0\0");
        f.extend(segment(0xED, &ps));
        f.extend([0xFF, 0xDA, 0, 2]);
        let b = jpeg(&f);
        assert_eq!(b.xmp, Some(&b"<x/>"[..]));
        assert_eq!(b.iptc, Some(&b"\x1c\x02\x78\0\0"[..]));
        assert!(b.exif.is_none());
        assert_eq!(
            b.total_bytes,
            (2 + XMP_JPEG.len() + 4 + 2 + ps.len()) as u64
        );
    }

    #[test]
    fn cut_short_segments_do_not_panic() {
        for f in [
            &[0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 1][..],
            &[0xFF, 0xD8, 0xFF],
            &[0xFF, 0xD8, 0xFF, 0xED, 0, 30, b'P'],
        ] {
            let _ = jpeg(f);
        }
        assert!(photoshop_iptc(b"8BIM\x04\x04\x09abc").is_none());
        assert!(photoshop_iptc(b"8BIM\x04\x04\0\0\xff\xff\xff\xffxx").is_none());
    }
}
