//! The `.ndbundle` format (documented in `docs/bundle.md`): a zip whose `manifest.json`
//! names the format and its version, the sender and the time, the articles it carries and
//! every other entry with its size and SHA-256. Entry names are fixed shapes built from
//! ids and hashes, so a safe name is easy to tell from a hostile one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// The `format` value of every bundle's manifest.
pub const FORMAT: &str = "newsdesk-bundle";
/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The file extension, without the dot.
pub const EXTENSION: &str = "ndbundle";
/// The manifest's name inside the zip.
pub const MANIFEST: &str = "manifest.json";

/// Who sent a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BundleSender {
    /// The sender's profile name, if they had one.
    pub profile: Option<String>,
    /// The profile's role (`reporter`, `photo_editor`, `editor`).
    pub role: Option<String>,
    /// The Newsdesk version that wrote the bundle.
    pub app_version: String,
}

/// One article the bundle carries, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BundleArticle {
    pub id: Uuid,
    pub headline: String,
    /// Revisions carried.
    pub revisions: u32,
}

/// One entry of the zip other than the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BundleEntry {
    /// Name inside the zip, `/`-separated.
    pub path: String,
    /// SHA-256 of the entry's bytes, lower-case hex.
    pub sha256: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BundleManifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    pub created_at: DateTime<Utc>,
    pub sender: BundleSender,
    /// The profile the bundle is addressed to (`Send to desk`), if any. Added within
    /// version 1: a reader that does not know it ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub to: Option<String>,
    pub articles: Vec<BundleArticle>,
    pub entries: Vec<BundleEntry>,
}

impl BundleManifest {
    /// The sender as recorded with conflicts and person versions.
    pub fn source(&self) -> String {
        self.sender
            .profile
            .clone()
            .unwrap_or_else(|| "another laptop".to_owned())
    }

    /// Bytes of all entries.
    pub fn total_bytes(&self) -> u64 {
        self.entries.iter().map(|e| e.bytes).sum()
    }
}

/// What kind of thing an entry holds, read from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// `articles/<uuid>.json`
    Article(Uuid),
    /// `people/<uuid>.json`
    Person(Uuid),
    /// `photos/<uuid>.json`: the library row (metadata).
    PhotoRow(Uuid),
    /// `originals/<sha256>.<jpg|png|webp>`: the original's bytes.
    Original(String),
}

pub(crate) fn article_path(id: Uuid) -> String {
    format!("articles/{id}.json")
}
pub(crate) fn person_path(id: Uuid) -> String {
    format!("people/{id}.json")
}
pub(crate) fn photo_path(id: Uuid) -> String {
    format!("photos/{id}.json")
}
pub(crate) fn original_path(sha256: &str, ext: &str) -> String {
    format!("originals/{sha256}.{ext}")
}

/// Reads an entry name; `None` for anything that is not one of the fixed shapes (which
/// includes every absolute or `..` path).
pub(crate) fn classify(name: &str) -> Option<EntryKind> {
    let (dir, file) = name.split_once('/')?;
    let (stem, ext) = file.rsplit_once('.')?;
    let uuid = || {
        Uuid::parse_str(stem)
            .ok()
            .filter(|u| u.hyphenated().to_string() == stem)
    };
    match (dir, ext) {
        ("articles", "json") => uuid().map(EntryKind::Article),
        ("people", "json") => uuid().map(EntryKind::Person),
        ("photos", "json") => uuid().map(EntryKind::PhotoRow),
        ("originals", "jpg" | "png" | "webp")
            if stem.len() == 64
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) =>
        {
            Some(EntryKind::Original(stem.to_owned()))
        }
        _ => None,
    }
}

/// Whether a name could be used to write outside a folder (absolute, `..`, drive or
/// backslash), told apart from a name that is merely unknown.
pub(crate) fn escapes(name: &str) -> bool {
    name.starts_with('/')
        || name.contains('\\')
        || name.contains(':')
        || name.contains('\0')
        || name.split('/').any(|c| c == ".." || c == ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_fixed_shapes_are_entries() {
        let id = Uuid::now_v7();
        let sha = "ab".repeat(32);
        let cases: [(&str, bool, bool); 10] = [
            (&article_path(id), true, false),
            (&person_path(id), true, false),
            (&photo_path(id), true, false),
            (&original_path(&sha, "jpg"), true, false),
            ("../etc/passwd", false, true),
            ("/etc/passwd", false, true),
            ("articles/../../x.json", false, true),
            ("C:\\x.json", false, true),
            ("originals/AB.jpg", false, false),
            ("notes.txt", false, false),
        ];
        for (name, ok, bad) in cases {
            assert_eq!(classify(name).is_some(), ok, "{name}");
            assert_eq!(escapes(name), bad, "{name}");
        }
    }
}
