//! Credits written into exported JPEGs, so every photo carries them wherever it goes:
//! caption, creator, credit line, copyright, date and alt text as XMP (APP1) and
//! IPTC-IIM (APP13, with 1:90 declaring UTF-8). Segments are edited with img-parts;
//! the picture data is not touched.

use bytes::Bytes;
use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::html::clean;
use crate::{Error, ExportInput, Result};

/// What is written into a photo on export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImageCredits {
    pub caption: String,
    /// The photographer.
    pub creator: String,
    /// The printed credit line (`Ảnh: NAME`).
    pub credit: String,
    pub copyright: String,
    /// ISO date `YYYY-MM-DD` the photo was taken, or empty.
    pub date: String,
    pub alt: String,
}

/// A figure's picture as exported: its name inside the package and the JPEG copy with
/// the placement's credits written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedImage {
    pub placement_id: uuid::Uuid,
    /// `images/photo-01.jpg`: numbered in reading order, never from user text.
    pub name: String,
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The photo's original with the same credits written in, when asked for.
    pub original: Option<ExportedOriginal>,
}

/// A photo's original as exported beside its web picture: a copy of the file imported
/// (JPEG, PNG or WebP) with the placement's credits written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedOriginal {
    /// `images/photo-01-original.jpg` (the extension from the file's format).
    pub name: String,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The name of the `n`-th (from 1) picture inside a package.
pub fn image_name(n: usize) -> String {
    format!("images/photo-{n:02}.jpg")
}

/// The name of the `n`-th (from 1) picture's original inside a package.
pub fn original_name(n: usize, ext: &str) -> String {
    format!("images/photo-{n:02}-original.{ext}")
}

/// Reads the picture of every figure in the body that has one, in reading order, and
/// writes its credits into the copy — and into a copy of the original too when
/// `originals`; `progress` hears each name. The sources are only read.
pub fn load(
    input: &ExportInput<'_>,
    originals: bool,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<ExportedImage>> {
    let mut out = Vec::new();
    for id in input.article.body.placements() {
        let Some(img) = input.images.iter().find(|i| i.placement_id == id) else {
            continue;
        };
        if out.iter().any(|e: &ExportedImage| e.placement_id == id) {
            continue;
        }
        let name = image_name(out.len() + 1);
        let src = std::fs::read(&img.source)
            .map_err(|e| Error::io(format!("reading the photo '{}'", img.source.display()), e))?;
        let jpeg = embed(&src, &img.credits)?;
        let (width, height) = jpeg_size(&jpeg).ok_or_else(|| {
            Error::Image(format!(
                "'{}' has no frame header the exporter can read",
                img.source.display()
            ))
        })?;
        progress(&name);
        let original = match (&img.original, originals) {
            (Some(path), true) => {
                let src = std::fs::read(path).map_err(|e| {
                    Error::io(format!("reading the original '{}'", path.display()), e)
                })?;
                let (bytes, ext, (width, height)) = embed_any(&src, &img.credits)
                    .map_err(|e| Error::Image(format!("'{}': {e}", path.display())))?;
                let name = original_name(out.len() + 1, ext);
                progress(&name);
                Some(ExportedOriginal {
                    name,
                    bytes,
                    width,
                    height,
                })
            }
            _ => None,
        };
        out.push(ExportedImage {
            placement_id: id,
            name,
            jpeg,
            width,
            height,
            original,
        });
    }
    Ok(out)
}

/// Width and height from a JPEG's frame header (SOF0-SOF15 but DHT, JPG and DAC).
pub fn jpeg_size(jpeg: &[u8]) -> Option<(u32, u32)> {
    let img = Jpeg::from_bytes(Bytes::copy_from_slice(jpeg)).ok()?;
    img.segments().iter().find_map(|s| {
        let m = s.marker();
        let c = s.contents();
        ((0xC0..=0xCF).contains(&m) && !matches!(m, 0xC4 | 0xC8 | 0xCC) && c.len() >= 5).then(
            || {
                let h = u16::from_be_bytes([c[1], c[2]]);
                let w = u16::from_be_bytes([c[3], c[4]]);
                (u32::from(w), u32::from(h))
            },
        )
    })
}

const XMP_NS: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
/// Extended XMP (the rest of a packet too large for one segment), dropped with the XMP.
const XMP_EXT_NS: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const PHOTOSHOP: &[u8] = b"Photoshop 3.0\0";

/// `jpeg` with its XMP and IPTC replaced by `c`.
pub fn embed(jpeg: &[u8], c: &ImageCredits) -> Result<Vec<u8>> {
    let mut img = Jpeg::from_bytes(Bytes::copy_from_slice(jpeg))
        .map_err(|e| Error::Image(format!("not a JPEG the exporter can edit: {e}")))?;
    let segs = img.segments_mut();
    segs.retain(|s| {
        let c = s.contents();
        !(s.marker() == markers::APP1 && (c.starts_with(XMP_NS) || c.starts_with(XMP_EXT_NS))
            || s.marker() == markers::APP13 && c.starts_with(PHOTOSHOP))
    });
    // After APP0 (JFIF) and an EXIF APP1, if present.
    let at = segs
        .iter()
        .take_while(|s| {
            s.marker() == markers::APP0
                || s.marker() == markers::APP1 && s.contents().starts_with(b"Exif\0")
        })
        .count();
    let mut xmp_seg = XMP_NS.to_vec();
    xmp_seg.extend_from_slice(xmp(c).as_bytes());
    if xmp_seg.len() > 65_533 {
        return Err(Error::Image(
            "the photo's caption and credits are too long for one XMP segment (64 KB)".into(),
        ));
    }
    let iptc = photoshop_irb(&iim(c)?);
    if iptc.len() > 65_533 {
        return Err(Error::Image(
            "the photo's caption and credits are too long for the IPTC block (64 KB)".into(),
        ));
    }
    segs.insert(
        at,
        JpegSegment::new_with_contents(markers::APP13, Bytes::from(iptc)),
    );
    segs.insert(
        at,
        JpegSegment::new_with_contents(markers::APP1, Bytes::from(xmp_seg)),
    );
    let mut out = Vec::with_capacity(jpeg.len() + 4096);
    img.encoder()
        .write_to(&mut out)
        .map_err(|e| Error::io("writing the JPEG", e))?;
    Ok(out)
}

/// A copy of an original (JPEG, PNG or WebP) with `c` written in: a JPEG gets XMP and
/// IPTC-IIM as [`embed`]; a PNG an `iTXt` chunk `XML:com.adobe.xmp` and a WebP an
/// `XMP ` chunk (with the `VP8X` header saying so), the places those formats keep XMP
/// (neither has a standard place for IPTC-IIM). Returns the bytes, the extension and
/// the picture's size. The pixels are not touched.
pub fn embed_any(bytes: &[u8], c: &ImageCredits) -> Result<(Vec<u8>, &'static str, (u32, u32))> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let out = embed(bytes, c)?;
        let size =
            jpeg_size(&out).ok_or_else(|| Error::Image("the JPEG has no frame header".into()))?;
        Ok((out, "jpg", size))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        embed_png(bytes, c).map(|(b, s)| (b, "png", s))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        embed_webp(bytes, c).map(|(b, s)| (b, "webp", s))
    } else {
        Err(Error::Image(
            "the original is not a JPEG, PNG or WebP the exporter can edit".into(),
        ))
    }
}

const PNG_XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp\0";

fn embed_png(bytes: &[u8], c: &ImageCredits) -> Result<(Vec<u8>, (u32, u32))> {
    use img_parts::png::{Png, PngChunk};
    let mut png = Png::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|e| Error::Image(format!("not a PNG the exporter can edit: {e}")))?;
    let size = png
        .chunk_by_type(*b"IHDR")
        .map(|h| h.contents())
        .filter(|c| c.len() >= 8)
        .map(|c| {
            (
                u32::from_be_bytes([c[0], c[1], c[2], c[3]]),
                u32::from_be_bytes([c[4], c[5], c[6], c[7]]),
            )
        })
        .ok_or_else(|| Error::Image("the PNG has no header".into()))?;
    let chunks = png.chunks_mut();
    chunks.retain(|ch| !(ch.kind() == *b"iTXt" && ch.contents().starts_with(PNG_XMP_KEYWORD)));
    // keyword, not compressed, method 0, no language tag, no translated keyword, text.
    let mut itxt = PNG_XMP_KEYWORD.to_vec();
    itxt.extend_from_slice(&[0, 0, 0, 0]);
    itxt.extend_from_slice(xmp(c).as_bytes());
    // Right after IHDR, before the picture data.
    let at = chunks
        .iter()
        .position(|ch| ch.kind() == *b"IHDR")
        .map_or(0, |i| i + 1);
    chunks.insert(at, PngChunk::new(*b"iTXt", Bytes::from(itxt)));
    let mut out = Vec::with_capacity(bytes.len() + 4096);
    png.encoder()
        .write_to(&mut out)
        .map_err(|e| Error::io("writing the PNG", e))?;
    Ok((out, size))
}

fn embed_webp(bytes: &[u8], c: &ImageCredits) -> Result<(Vec<u8>, (u32, u32))> {
    use img_parts::riff::{RiffChunk, RiffContent};
    use img_parts::webp::{WebP, CHUNK_ALPH, CHUNK_VP8L, CHUNK_VP8X, CHUNK_XMP};
    let mut webp = WebP::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|e| Error::Image(format!("not a WebP the exporter can edit: {e}")))?;
    let (w, h) = webp
        .dimensions()
        .ok_or_else(|| Error::Image("the WebP has no size the exporter can read".into()))?;
    webp.remove_chunks_by_id(CHUNK_XMP);
    const XMP_FLAG: u8 = 0b0000_0100;
    const ALPHA_FLAG: u8 = 0b0001_0000;
    let vp8x = webp
        .chunk_by_id(CHUNK_VP8X)
        .and_then(|ch| ch.content().data().cloned());
    let header = match vp8x {
        Some(d) if d.len() >= 10 => {
            let mut d = d.to_vec();
            d[0] |= XMP_FLAG;
            d
        }
        _ => {
            // A simple WebP becomes an extended one: VP8X with the canvas size.
            let lossless_alpha = webp
                .chunk_by_id(CHUNK_VP8L)
                .and_then(|ch| ch.content().data())
                .and_then(|d| d.get(4))
                .is_some_and(|b| b & 0x10 != 0);
            let mut flags = XMP_FLAG;
            if lossless_alpha || webp.has_chunk(CHUNK_ALPH) {
                flags |= ALPHA_FLAG;
            }
            let mut d = vec![flags, 0, 0, 0];
            d.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
            d.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
            d
        }
    };
    webp.remove_chunks_by_id(CHUNK_VP8X);
    let chunks = webp.chunks_mut();
    chunks.insert(
        0,
        RiffChunk::new(CHUNK_VP8X, RiffContent::Data(Bytes::from(header))),
    );
    chunks.push(RiffChunk::new(
        CHUNK_XMP,
        RiffContent::Data(Bytes::from(xmp(c).into_bytes())),
    ));
    let mut out = Vec::with_capacity(bytes.len() + 4096);
    webp.encoder()
        .write_to(&mut out)
        .map_err(|e| Error::io("writing the WebP", e))?;
    Ok((out, (w, h)))
}

fn x(s: &str) -> String {
    html_escape::encode_text(&clean(s)).into_owned()
}

fn alt_tag(tag: &str, v: &str) -> String {
    if v.is_empty() {
        return String::new();
    }
    format!(
        "<{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{tag}>",
        x(v)
    )
}

/// The XMP packet.
pub fn xmp(c: &ImageCredits) -> String {
    let mut d = String::new();
    d.push_str(&alt_tag("dc:description", &c.caption));
    if !c.creator.is_empty() {
        d.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            x(&c.creator)
        ));
    }
    d.push_str(&alt_tag("dc:rights", &c.copyright));
    if !c.credit.is_empty() {
        d.push_str(&format!(
            "<photoshop:Credit>{}</photoshop:Credit>",
            x(&c.credit)
        ));
    }
    if !c.date.is_empty() {
        d.push_str(&format!(
            "<photoshop:DateCreated>{}</photoshop:DateCreated>",
            x(&c.date)
        ));
    }
    d.push_str(&alt_tag("Iptc4xmpCore:AltTextAccessibility", &c.alt));
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" \
xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\">{d}</rdf:Description>\
</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    )
}

fn dataset(out: &mut Vec<u8>, record: u8, id: u8, value: &[u8]) -> Result<()> {
    let len = u16::try_from(value.len())
        .ok()
        .filter(|l| *l < 0x8000)
        .ok_or_else(|| Error::Image(format!("IPTC field {record}:{id} is longer than 32 KB")))?;
    out.extend_from_slice(&[0x1C, record, id]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(value);
    Ok(())
}

/// The IPTC-IIM records: 1:90 (UTF-8), then caption, by-line, credit, copyright, date.
pub fn iim(c: &ImageCredits) -> Result<Vec<u8>> {
    let mut o = Vec::new();
    dataset(&mut o, 1, 90, b"\x1b%G")?;
    dataset(&mut o, 2, 0, &[0, 4])?;
    for (id, v) in [
        (120, &c.caption),
        (80, &c.creator),
        (110, &c.credit),
        (116, &c.copyright),
    ] {
        let v = clean(v);
        if !v.is_empty() {
            dataset(&mut o, 2, id, v.as_bytes())?;
        }
    }
    let date: String = c.date.chars().filter(char::is_ascii_digit).collect();
    if date.len() == 8 {
        dataset(&mut o, 2, 55, date.as_bytes())?;
    }
    Ok(o)
}

/// An APP13 body: the Photoshop header and one 8BIM resource 0x0404 holding `iim`.
fn photoshop_irb(iim: &[u8]) -> Vec<u8> {
    let mut o = PHOTOSHOP.to_vec();
    o.extend_from_slice(b"8BIM");
    o.extend_from_slice(&[0x04, 0x04, 0, 0]); // resource id, empty Pascal name padded
    o.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    o.extend_from_slice(iim);
    if iim.len() % 2 == 1 {
        o.push(0);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits() -> ImageCredits {
        ImageCredits {
            caption: "Bản đồ vùng ngập".into(),
            creator: "Lê Hoa".into(),
            credit: "Ảnh: LÊ HOA".into(),
            copyright: "© Báo Quảng Trị".into(),
            date: "2017-03-07".into(),
            alt: "Bản đồ tô màu".into(),
        }
    }

    fn picture(format: image::ImageFormat) -> (Vec<u8>, image::RgbaImage) {
        let img = image::RgbaImage::from_fn(40, 30, |x, y| {
            image::Rgba([
                (x * 6) as u8,
                (y * 8) as u8,
                90,
                if x < 5 { 128 } else { 255 },
            ])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        (out.into_inner(), img)
    }

    fn count(hay: &[u8], needle: &[u8]) -> usize {
        hay.windows(needle.len()).filter(|w| *w == needle).count()
    }

    #[test]
    fn png_and_webp_originals_get_one_xmp_packet_and_keep_their_pixels() {
        for (format, ext) in [
            (image::ImageFormat::Png, "png"),
            (image::ImageFormat::WebP, "webp"),
        ] {
            let (bytes, pixels) = picture(format);
            let (once, got_ext, size) = embed_any(&bytes, &credits()).unwrap();
            assert_eq!((got_ext, size), (ext, (40, 30)));
            // Written again (an original that already carries our XMP): replaced, not added.
            let (twice, _, _) = embed_any(&once, &credits()).unwrap();
            assert_eq!(twice, once, "{ext}: a second embed changed the file");
            assert_eq!(count(&once, b"<x:xmpmeta"), 1, "{ext}");
            assert_eq!(count(&once, "Bản đồ vùng ngập".as_bytes()), 1, "{ext}");
            let decoded = image::load_from_memory_with_format(&once, format)
                .unwrap()
                .to_rgba8();
            assert_eq!(decoded, pixels, "{ext}: the pixels changed");
        }
    }

    #[test]
    fn a_simple_webp_becomes_extended_with_the_xmp_and_alpha_flags() {
        let (bytes, _) = picture(image::ImageFormat::WebP);
        let (out, _, _) = embed_any(&bytes, &credits()).unwrap();
        assert_eq!(&out[12..16], b"VP8X", "VP8X comes first");
        let flags = out[20];
        assert_ne!(flags & 0b0000_0100, 0, "XMP flag");
        assert_ne!(flags & 0b0001_0000, 0, "alpha flag (the picture has alpha)");
        let w = u32::from_le_bytes([out[24], out[25], out[26], 0]) + 1;
        let h = u32::from_le_bytes([out[27], out[28], out[29], 0]) + 1;
        assert_eq!((w, h), (40, 30));
        let riff_len = u32::from_le_bytes([out[4], out[5], out[6], out[7]]) as usize;
        assert_eq!(
            riff_len + 8,
            out.len(),
            "the RIFF size covers the new chunks"
        );
    }

    #[test]
    fn an_original_of_another_format_is_refused() {
        let err = embed_any(b"GIF89a....", &credits()).unwrap_err();
        assert_eq!(err.code(), "image");
    }
}
