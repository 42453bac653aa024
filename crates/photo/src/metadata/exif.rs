//! EXIF, read with kamadak-exif: date taken, camera, orientation, GPS, and the legacy
//! description/artist/copyright fields (ASCII by the standard, UTF-8 in practice).

use exif::{Exif, Field, In, Tag, Value};
use newsdesk_core::{GpsPosition, PhotoMeta};

use super::legacy_text;

/// The fields of an EXIF TIFF block; a damaged block gives nothing.
pub fn read(tiff: &[u8]) -> PhotoMeta {
    let Ok(exif) = exif::Reader::new().read_raw(tiff.to_vec()) else {
        return PhotoMeta::default();
    };
    let text = |tag: Tag| field(&exif, tag).and_then(ascii);
    let camera = match (text(Tag::Make), text(Tag::Model)) {
        (Some(make), Some(model)) if model.starts_with(&make) => Some(model),
        (Some(make), Some(model)) => Some(format!("{make} {model}")),
        (make, model) => model.or(make),
    };
    let taken_at = text(Tag::DateTimeOriginal)
        .or_else(|| text(Tag::DateTimeDigitized))
        .or_else(|| text(Tag::DateTime))
        .and_then(|t| exif_date(&t));
    PhotoMeta {
        description: text(Tag::ImageDescription),
        creator: text(Tag::Artist),
        copyright: text(Tag::Copyright),
        taken_at,
        camera,
        orientation: field(&exif, Tag::Orientation)
            .and_then(|f| f.value.get_uint(0))
            .and_then(|o| u16::try_from(o).ok())
            .filter(|o| (1..=8).contains(o)),
        gps: gps(&exif),
        ..PhotoMeta::default()
    }
}

fn field(exif: &Exif, tag: Tag) -> Option<&Field> {
    exif.get_field(tag, In::PRIMARY)
}

fn ascii(f: &Field) -> Option<String> {
    match &f.value {
        Value::Ascii(parts) => {
            let joined: Vec<u8> = parts.join(&b' ');
            let s = legacy_text(&joined).trim().to_owned();
            (!s.is_empty()).then_some(s)
        }
        _ => None,
    }
}

/// `2026:10:02 07:15:00` → `2026-10-02T07:15:00`; blank or malformed dates give `None`.
fn exif_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b':' || b[7] != b':' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let digits = [0..4, 5..7, 8..10, 11..13, 14..16, 17..19];
    if digits
        .iter()
        .any(|r| !b[r.clone()].iter().all(u8::is_ascii_digit))
        || &s[0..4] == "0000"
    {
        return None;
    }
    Some(format!(
        "{}-{}-{}T{}:{}:{}",
        &s[0..4],
        &s[5..7],
        &s[8..10],
        &s[11..13],
        &s[14..16],
        &s[17..19]
    ))
}

fn gps(exif: &Exif) -> Option<GpsPosition> {
    let coord = |value: Tag, reference: Tag, negative: u8| -> Option<f64> {
        let Value::Rational(r) = &field(exif, value)?.value else {
            return None;
        };
        if r.len() < 3 || r.iter().any(|x| x.denom == 0) {
            return None;
        }
        let deg = r[0].to_f64() + r[1].to_f64() / 60.0 + r[2].to_f64() / 3600.0;
        let sign = match field(exif, reference).map(|f| &f.value) {
            Some(Value::Ascii(a)) if a.first().and_then(|s| s.first()) == Some(&negative) => -1.0,
            _ => 1.0,
        };
        Some(sign * deg)
    };
    let latitude = coord(Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S')?;
    let longitude = coord(Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W')?;
    ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude)).then_some(
        GpsPosition {
            latitude,
            longitude,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exif_dates() {
        for (s, want) in [
            ("2026:10:02 07:15:00", Some("2026-10-02T07:15:00")),
            ("0000:00:00 00:00:00", None),
            ("    :  :     :  :  ", None),
            ("2026:10:02", None),
        ] {
            assert_eq!(exif_date(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn damaged_exif_gives_nothing() {
        assert_eq!(read(b"II*\0garbage"), PhotoMeta::default());
    }
}
