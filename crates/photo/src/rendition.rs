//! Renditions: a 1600 px web image and a 320 px thumbnail per photo, turned upright
//! by the EXIF orientation. JPEGs are decoded at reduced size in the DCT domain
//! (libjpeg-turbo scaling, only the SIMD-accelerated 1/8, 1/4, 1/2 factors) and resized
//! with a SIMD convolution resizer; PNG and WebP go through the `image` decoders under
//! dimension and allocation limits. Every decoder sees the dimensions checked first.

use std::io::Cursor;

use fast_image_resize::images::Image as FrImage;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};
use newsdesk_core::PhotoFormat;
use turbojpeg::{Colorspace, Decompressor, PixelFormat, ScalingFactor};

use crate::error::{Error, Result};
use crate::format::Limits;

/// The sizes made for every photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 1600 px on the long side: the web and in-editor image.
    Web,
    /// 320 px on the long side: the library grid.
    Thumb,
}

impl Size {
    /// Every size, largest first.
    pub const ALL: [Size; 2] = [Size::Web, Size::Thumb];

    /// The long side in pixels (smaller originals are not enlarged).
    pub fn long_side(self) -> u32 {
        match self {
            Size::Web => 1600,
            Size::Thumb => 320,
        }
    }

    /// The suffix in the rendition's file name.
    pub fn suffix(self) -> &'static str {
        match self {
            Size::Web => "1600",
            Size::Thumb => "320",
        }
    }

    fn quality(self) -> i32 {
        match self {
            Size::Web => 85,
            Size::Thumb => 80,
        }
    }
}

/// The renditions of one photo, JPEG-encoded, and the photo's upright size.
#[derive(Debug, Clone)]
pub struct Renditions {
    /// The 1600 px JPEG.
    pub web: Vec<u8>,
    /// The 320 px JPEG.
    pub thumb: Vec<u8>,
    /// Width of the original as displayed (after orientation).
    pub width: u32,
    /// Height of the original as displayed (after orientation).
    pub height: u32,
}

/// The upright size of an image without decoding its pixels.
pub fn dimensions(
    name: &str,
    bytes: &[u8],
    format: PhotoFormat,
    orientation: Option<u16>,
    limits: &Limits,
) -> Result<(u32, u32)> {
    let (w, h) = match format {
        PhotoFormat::Jpeg => {
            let header = turbojpeg::read_header(bytes).map_err(|e| damaged(name, e))?;
            (header.width as u64, header.height as u64)
        }
        PhotoFormat::Png | PhotoFormat::Webp => {
            let (w, h) = reader(bytes, format)
                .into_dimensions()
                .map_err(|e| damaged(name, e))?;
            (u64::from(w), u64::from(h))
        }
    };
    limits.check_dimensions(name, w, h)?;
    Ok(upright(w as u32, h as u32, orientation))
}

/// Makes both renditions of an image already recognised as `format`.
pub fn render(
    name: &str,
    bytes: &[u8],
    format: PhotoFormat,
    orientation: Option<u16>,
    limits: &Limits,
) -> Result<Renditions> {
    let web_side = Size::Web.long_side();
    let (decoded, full_w, full_h) = match format {
        PhotoFormat::Jpeg => decode_jpeg(name, bytes, web_side, limits)?,
        PhotoFormat::Png | PhotoFormat::Webp => decode_other(name, bytes, format, limits)?,
    };
    let web = fit(name, decoded, web_side)?;
    let web = orient(web, orientation);
    let thumb = fit(name, web.clone(), Size::Thumb.long_side())?;
    let (width, height) = upright(full_w, full_h, orientation);
    Ok(Renditions {
        web: encode(name, &web, Size::Web)?,
        thumb: encode(name, &thumb, Size::Thumb)?,
        width,
        height,
    })
}

fn upright(w: u32, h: u32, orientation: Option<u16>) -> (u32, u32) {
    match orientation {
        Some(5..=8) => (h, w),
        _ => (w, h),
    }
}

fn damaged(name: &str, e: impl std::fmt::Display) -> Error {
    Error::Damaged {
        name: name.to_owned(),
        reason: e.to_string(),
    }
}

fn rendition_error(name: &str, e: impl std::fmt::Display) -> Error {
    Error::Rendition {
        name: name.to_owned(),
        reason: e.to_string(),
    }
}

/// Decodes at the smallest DCT scale (1/8, 1/4, 1/2 or 1) whose long side still covers
/// `target`. Returns the RGB image and the full size.
fn decode_jpeg(
    name: &str,
    bytes: &[u8],
    target: u32,
    limits: &Limits,
) -> Result<(RgbImage, u32, u32)> {
    let mut d = Decompressor::new().map_err(|e| rendition_error(name, e))?;
    let header = d.read_header(bytes).map_err(|e| damaged(name, e))?;
    limits.check_dimensions(name, header.width as u64, header.height as u64)?;
    if header.is_progressive {
        limits.check_progressive(name, header.width as u64, header.height as u64)?;
    }
    // A progressive file with thousands of tiny scans costs time, not pixels: refuse it.
    d.set_scan_limit(500)
        .map_err(|e| rendition_error(name, e))?;
    if matches!(header.colorspace, Colorspace::CMYK | Colorspace::YCCK) {
        return Err(Error::Unsupported {
            name: name.to_owned(),
            format: "CMYK JPEG".into(),
        });
    }
    let long = header.width.max(header.height);
    let num = [1, 2, 4]
        .into_iter()
        .find(|n| long * n / 8 >= target as usize)
        .unwrap_or(8);
    let factor = ScalingFactor::new(num, 8);
    d.set_scaling_factor(factor)
        .map_err(|e| rendition_error(name, e))?;
    let scaled = header.scaled(factor);
    let (w, h) = (scaled.width, scaled.height);
    let mut pixels = vec![0u8; w * h * 3];
    d.decompress(
        bytes,
        turbojpeg::Image {
            pixels: pixels.as_mut_slice(),
            width: w,
            pitch: w * 3,
            height: h,
            format: PixelFormat::RGB,
        },
    )
    .map_err(|e| damaged(name, e))?;
    let img = RgbImage::from_raw(w as u32, h as u32, pixels)
        .ok_or_else(|| rendition_error(name, "decoded buffer has the wrong size"))?;
    Ok((img, header.width as u32, header.height as u32))
}

fn reader(bytes: &[u8], format: PhotoFormat) -> image::ImageReader<Cursor<&[u8]>> {
    let f = match format {
        PhotoFormat::Png => image::ImageFormat::Png,
        PhotoFormat::Webp => image::ImageFormat::WebP,
        PhotoFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    image::ImageReader::with_format(Cursor::new(bytes), f)
}

/// PNG and WebP: dimensions first, then a full decode under the `image` crate's limits;
/// transparency is flattened onto white (the renditions are JPEG).
fn decode_other(
    name: &str,
    bytes: &[u8],
    format: PhotoFormat,
    limits: &Limits,
) -> Result<(RgbImage, u32, u32)> {
    let (w, h) = reader(bytes, format)
        .into_dimensions()
        .map_err(|e| damaged(name, e))?;
    limits.check_dimensions(name, u64::from(w), u64::from(h))?;
    let mut r = reader(bytes, format);
    let mut l = image::Limits::default();
    l.max_image_width = Some(limits.max_side);
    l.max_image_height = Some(limits.max_side);
    // RGBA at 8 bits for the largest accepted image, plus the decoder's own buffers.
    l.max_alloc = Some(u64::from(limits.max_megapixels) * 1_000_000 * 4 + (64 << 20));
    r.limits(l);
    let img = r.decode().map_err(|e| damaged(name, e))?;
    let rgb = if img.color().has_alpha() {
        let rgba = img.into_rgba8();
        let (w, h) = rgba.dimensions();
        let mut out = Vec::with_capacity(w as usize * h as usize * 3);
        for p in rgba.pixels() {
            let [r, g, b, a] = p.0;
            let a = u16::from(a);
            let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            out.extend([over(r), over(g), over(b)]);
        }
        RgbImage::from_raw(w, h, out).ok_or_else(|| rendition_error(name, "bad buffer"))?
    } else {
        img.into_rgb8()
    };
    Ok((rgb, w, h))
}

/// Resizes so that the long side is at most `side` (never enlarging), Lanczos3.
fn fit(name: &str, img: RgbImage, side: u32) -> Result<RgbImage> {
    let (w, h) = img.dimensions();
    let long = w.max(h);
    if long <= side {
        return Ok(img);
    }
    let scale = f64::from(side) / f64::from(long);
    let tw = ((f64::from(w) * scale).round() as u32).max(1);
    let th = ((f64::from(h) * scale).round() as u32).max(1);
    let src = FrImage::from_vec_u8(w, h, img.into_raw(), PixelType::U8x3)
        .map_err(|e| rendition_error(name, e))?;
    let mut dst = FrImage::new(tw, th, PixelType::U8x3);
    Resizer::new()
        .resize(
            &src,
            &mut dst,
            &ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)),
        )
        .map_err(|e| rendition_error(name, e))?;
    RgbImage::from_raw(tw, th, dst.into_vec()).ok_or_else(|| rendition_error(name, "bad buffer"))
}

fn orient(img: RgbImage, orientation: Option<u16>) -> RgbImage {
    let Some(o) = orientation
        .and_then(|o| u8::try_from(o).ok())
        .and_then(Orientation::from_exif)
    else {
        return img;
    };
    if o == Orientation::NoTransforms {
        return img;
    }
    let mut d = DynamicImage::ImageRgb8(img);
    d.apply_orientation(o);
    d.into_rgb8()
}

fn encode(name: &str, img: &RgbImage, size: Size) -> Result<Vec<u8>> {
    let mut c = turbojpeg::Compressor::new().map_err(|e| rendition_error(name, e))?;
    c.set_quality(size.quality())
        .and_then(|_| c.set_subsamp(turbojpeg::Subsamp::Sub2x2))
        .map_err(|e| rendition_error(name, e))?;
    let (w, h) = img.dimensions();
    c.compress_to_vec(turbojpeg::Image {
        pixels: img.as_raw().as_slice(),
        width: w as usize,
        pitch: w as usize * 3,
        height: h as usize,
        format: PixelFormat::RGB,
    })
    .map_err(|e| rendition_error(name, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: usize, h: usize, progressive: bool) -> Vec<u8> {
        let pixels = vec![128u8; w * h * 3];
        let mut c = turbojpeg::Compressor::new().unwrap();
        c.set_progressive(progressive).unwrap();
        c.compress_to_vec(turbojpeg::Image {
            pixels: pixels.as_slice(),
            width: w,
            pitch: w * 3,
            height: h,
            format: PixelFormat::RGB,
        })
        .unwrap()
    }

    /// Declares another size in the first SOF marker (baseline C0 or progressive C2).
    fn declaring(mut jpeg: Vec<u8>, w: u16, h: u16) -> Vec<u8> {
        let sof = jpeg
            .windows(2)
            .position(|m| m == [0xFF, 0xC0] || m == [0xFF, 0xC2])
            .unwrap();
        jpeg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
        jpeg
    }

    #[test]
    fn progressive_jpegs_get_the_lower_pixel_limit() {
        let limits = Limits::default();
        let cases = [
            (false, 10_000, 6_000, "damaged"),
            (true, 10_000, 6_000, "too_many_pixels"),
            (false, 20_000, 20_000, "too_many_pixels"),
        ];
        for (progressive, w, h, code) in cases {
            let bytes = declaring(jpeg(16, 16, progressive), w, h);
            let e = render("x.jpg", &bytes, PhotoFormat::Jpeg, None, &limits).unwrap_err();
            assert_eq!(e.code(), code, "progressive {progressive} {w}×{h}: {e}");
        }
    }

    #[test]
    fn renditions_fit_the_long_side_without_enlarging() {
        let cases = [
            ((4000, 3000), (1600, 1200), (320, 240)),
            ((800, 600), (800, 600), (320, 240)),
        ];
        for ((w, h), web, thumb) in cases {
            let r = render(
                "x.jpg",
                &jpeg(w, h, false),
                PhotoFormat::Jpeg,
                Some(1),
                &Limits::default(),
            )
            .unwrap();
            let size = |b: &[u8]| {
                let h = turbojpeg::read_header(b).unwrap();
                (h.width, h.height)
            };
            assert_eq!(size(&r.web), web);
            assert_eq!(size(&r.thumb), thumb);
            assert_eq!((r.width as usize, r.height as usize), (w, h));
        }
    }
}
