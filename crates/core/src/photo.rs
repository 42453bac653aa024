//! Photos and placements as the newsroom sees them: what a photo's metadata says
//! (description, creator, credit, copyright, date, place), and a placement — one photo
//! put into one article with its own caption, credit and alt text. Pure data; reading
//! files and making renditions is the photo crate's job.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// The image formats the photo desk accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum PhotoFormat {
    Jpeg,
    Png,
    Webp,
}

impl PhotoFormat {
    /// The lower-case name, as stored and shown (`jpeg`, `png`, `webp`).
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpeg",
            PhotoFormat::Png => "png",
            PhotoFormat::Webp => "webp",
        }
    }

    /// The file extension originals of this format are stored under.
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Png => "png",
            PhotoFormat::Webp => "webp",
        }
    }

    /// Parses [`PhotoFormat::as_str`].
    pub fn parse(s: &str) -> Option<PhotoFormat> {
        match s {
            "jpeg" => Some(PhotoFormat::Jpeg),
            "png" => Some(PhotoFormat::Png),
            "webp" => Some(PhotoFormat::Webp),
            _ => None,
        }
    }
}

/// A position on Earth from a photo's GPS tags, in decimal degrees (north and east positive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GpsPosition {
    pub latitude: f64,
    pub longitude: f64,
}

/// What a photo's own metadata (EXIF, IPTC-IIM, XMP) says; prefills the photo desk's
/// fields. Every field is optional because cameras and agencies fill different ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PhotoMeta {
    /// The description (caption) that travels with the photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// The photographer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub creator: Option<String>,
    /// The credit line the supplier asks for (agency, paper).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub credit: Option<String>,
    /// The copyright notice.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub copyright: Option<String>,
    /// A short headline for the photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub headline: Option<String>,
    /// Alternative text for readers who cannot see the photo.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub alt_text: Option<String>,
    /// When the photo was taken, in the camera's local time: `YYYY-MM-DDTHH:MM:SS` (or a date only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub taken_at: Option<String>,
    /// The camera (`Make Model`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub camera: Option<String>,
    /// The EXIF orientation tag (1 to 8); renditions are already turned upright.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub orientation: Option<u16>,
    /// Where the photo was taken, from GPS tags.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub gps: Option<GpsPosition>,
    /// City (or district) named in the metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub city: Option<String>,
    /// Province or state.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub state: Option<String>,
    /// Country.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub country: Option<String>,
}

impl PhotoMeta {
    /// The place as printed: city, province, country, skipping empty parts.
    pub fn place(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.city, &self.state, &self.country]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The same metadata with every text in Unicode NFC, trimmed, empty texts dropped.
    pub fn normalized(&self) -> PhotoMeta {
        fn n(s: &Option<String>) -> Option<String> {
            s.as_deref()
                .map(|t| crate::text::nfc(t.trim()))
                .filter(|t| !t.is_empty())
        }
        PhotoMeta {
            description: n(&self.description),
            creator: n(&self.creator),
            credit: n(&self.credit),
            copyright: n(&self.copyright),
            headline: n(&self.headline),
            alt_text: n(&self.alt_text),
            taken_at: n(&self.taken_at),
            camera: n(&self.camera),
            orientation: self.orientation,
            gps: self.gps,
            city: n(&self.city),
            state: n(&self.state),
            country: n(&self.country),
        }
    }

    /// Fills every empty field of `self` from `other` (a lower-priority source).
    pub fn fill_from(&mut self, other: PhotoMeta) {
        fn take<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        take(&mut self.description, other.description);
        take(&mut self.creator, other.creator);
        take(&mut self.credit, other.credit);
        take(&mut self.copyright, other.copyright);
        take(&mut self.headline, other.headline);
        take(&mut self.alt_text, other.alt_text);
        take(&mut self.taken_at, other.taken_at);
        take(&mut self.camera, other.camera);
        take(&mut self.orientation, other.orientation);
        take(&mut self.gps, other.gps);
        take(&mut self.city, other.city);
        take(&mut self.state, other.state);
        take(&mut self.country, other.country);
    }
}

/// A photo in the library: one original, kept byte-identical under its SHA-256.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Photo {
    pub id: Uuid,
    /// SHA-256 of the original's bytes, lower-case hex; names the files in the photo store.
    pub sha256: String,
    /// The file name it was imported from.
    pub original_name: String,
    pub format: PhotoFormat,
    /// Width as displayed (after EXIF orientation), in pixels.
    pub width: u32,
    /// Height as displayed (after EXIF orientation), in pixels.
    pub height: u32,
    /// Size of the original in bytes.
    #[ts(type = "number")]
    pub byte_size: u64,
    pub imported_at: DateTime<Utc>,
    /// Metadata read at import, then edited on the desk.
    pub meta: PhotoMeta,
}

/// One photo put into one article, with the caption, credit and alt text it has there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Placement {
    pub id: Uuid,
    pub article_id: Uuid,
    pub photo_id: Uuid,
    /// The caption printed under the photo in this article.
    pub caption: String,
    /// The photographer's name as credited here (printed in house style, see [`crate::credit`]).
    pub credit: String,
    /// Alternative text in this article.
    pub alt_text: String,
    pub created_at: DateTime<Utc>,
}

impl Placement {
    /// A new placement of `photo` in `article_id`: the caption defaults from the photo's
    /// description, the credit from its creator (else its credit line), the alt text from its own.
    pub fn new(photo: &Photo, article_id: Uuid, now: DateTime<Utc>) -> Placement {
        let m = &photo.meta;
        Placement {
            id: Uuid::now_v7(),
            article_id,
            photo_id: photo.id,
            caption: m.description.clone().unwrap_or_default(),
            credit: m
                .creator
                .clone()
                .or_else(|| m.credit.clone())
                .unwrap_or_default(),
            alt_text: m.alt_text.clone().unwrap_or_default(),
            created_at: now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(meta: PhotoMeta) -> Photo {
        Photo {
            id: Uuid::now_v7(),
            sha256: "00".repeat(32),
            original_name: "a.jpg".into(),
            format: PhotoFormat::Jpeg,
            width: 10,
            height: 10,
            byte_size: 1,
            imported_at: Utc::now(),
            meta,
        }
    }

    #[test]
    fn placement_defaults_from_the_photo() {
        let p = photo(PhotoMeta {
            description: Some("Mưa lũ ở Quảng Trị".into()),
            creator: Some("Trần Dũng".into()),
            credit: Some("TTXVN".into()),
            ..PhotoMeta::default()
        });
        let a = Uuid::now_v7();
        let pl = Placement::new(&p, a, Utc::now());
        assert_eq!(pl.caption, "Mưa lũ ở Quảng Trị");
        assert_eq!(pl.credit, "Trần Dũng");
        assert_eq!(pl.article_id, a);
        let agency = photo(PhotoMeta {
            credit: Some("TTXVN".into()),
            ..PhotoMeta::default()
        });
        assert_eq!(Placement::new(&agency, a, Utc::now()).credit, "TTXVN");
    }

    #[test]
    fn place_and_fill() {
        let mut m = PhotoMeta {
            city: Some("Đông Hà".into()),
            country: Some("Việt Nam".into()),
            ..PhotoMeta::default()
        };
        assert_eq!(m.place().as_deref(), Some("Đông Hà, Việt Nam"));
        m.fill_from(PhotoMeta {
            city: Some("Huế".into()),
            creator: Some("X".into()),
            ..PhotoMeta::default()
        });
        assert_eq!(m.city.as_deref(), Some("Đông Hà"));
        assert_eq!(m.creator.as_deref(), Some("X"));
    }
}
