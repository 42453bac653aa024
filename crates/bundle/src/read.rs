//! Reading a bundle. Everything is checked before anything is written: the zip's
//! structure, the count and declared size of its entries (a zip bomb is refused from its
//! directory), every name (nothing can point outside), the format and its version, every
//! entry's size and SHA-256 against the manifest, every JSON entry, the links between
//! them, and every photo's pixels (decoded into its renditions, which are kept for the
//! import).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use newsdesk_core::{Person, Photo};
use newsdesk_photo::{PhotoFiles, Renditions, Size};
use newsdesk_store::{Incoming, IncomingArticle, MergePlan, Store};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use crate::error::{Error, Result};
use crate::manifest::{
    classify, escapes, BundleManifest, EntryKind, FORMAT, FORMAT_VERSION, MANIFEST,
};
use crate::{BundleProgress, BundleStep, Limits};

type Archive = ZipArchive<BufReader<File>>;

/// A photo original in a bundle, checked and decoded.
struct Original {
    name: String,
    sha256: String,
    format: newsdesk_core::PhotoFormat,
    renditions: Renditions,
}

/// A bundle that passed every check, ready to preview and import.
pub struct Bundle {
    path: PathBuf,
    manifest: BundleManifest,
    incoming: Incoming,
    originals: Vec<Original>,
}

fn damaged(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::Damaged {
        path: path.to_owned(),
        reason: reason.to_string(),
    }
}

fn invalid(name: &str, reason: impl Into<String>) -> Error {
    Error::Invalid {
        name: name.to_owned(),
        reason: reason.into(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn open_zip(path: &Path) -> Result<Archive> {
    let mut file = File::open(path).map_err(|e| Error::io("cannot open", path, e))?;
    let mut magic = [0u8; 4];
    let n = file
        .read(&mut magic)
        .map_err(|e| Error::io("cannot read", path, e))?;
    if n < 4 || &magic[..2] != b"PK" {
        return Err(Error::NotABundle {
            path: path.to_owned(),
            reason: "it is not a zip file".into(),
        });
    }
    let file = File::open(path).map_err(|e| Error::io("cannot open", path, e))?;
    ZipArchive::new(BufReader::new(file)).map_err(|e| damaged(path, e))
}

/// Reads one entry, refusing more bytes than `expected` and a size or checksum that
/// differs from what the manifest says.
fn read_entry(
    zip: &mut Archive,
    path: &Path,
    name: &str,
    expected: u64,
    sha256: &str,
) -> Result<Vec<u8>> {
    let f = zip.by_name(name).map_err(|e| damaged(path, e))?;
    let mut buf = Vec::with_capacity(expected.min(64 << 20) as usize);
    f.take(expected + 1)
        .read_to_end(&mut buf)
        .map_err(|e| damaged(path, format!("{name}: {e}")))?;
    if buf.len() as u64 != expected {
        return Err(damaged(
            path,
            format!(
                "{name} holds {} bytes, the manifest says {expected}",
                buf.len()
            ),
        ));
    }
    if hex(&Sha256::digest(&buf)) != sha256 {
        return Err(Error::Checksum {
            name: name.to_owned(),
        });
    }
    Ok(buf)
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| invalid(name, format!("cannot be read: {e}")))
}

/// Checks the zip's directory: entry count, names, declared sizes. Returns name → size.
fn check_directory(zip: &mut Archive, limits: &Limits) -> Result<BTreeMap<String, u64>> {
    if zip.len() > limits.max_entries {
        return Err(Error::TooManyEntries {
            count: zip.len(),
            limit: limits.max_entries,
        });
    }
    let mut names = BTreeMap::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| Error::Damaged {
            path: PathBuf::new(),
            reason: e.to_string(),
        })?;
        let name = f.name().to_owned();
        if escapes(&name) || f.enclosed_name().is_none() {
            return Err(Error::UnsafePath { name });
        }
        let limit = if name.ends_with(".json") {
            limits.max_json_bytes
        } else {
            limits.photo.max_file_bytes
        };
        if f.size() > limit {
            return Err(Error::TooLarge {
                name,
                bytes: f.size(),
                limit,
            });
        }
        total = total.saturating_add(f.size());
        if total > limits.max_total_bytes {
            return Err(Error::TooLarge {
                name: "(all entries together)".into(),
                bytes: total,
                limit: limits.max_total_bytes,
            });
        }
        if names.insert(name.clone(), f.size()).is_some() {
            return Err(invalid(&name, "appears twice"));
        }
    }
    Ok(names)
}

fn read_manifest(
    zip: &mut Archive,
    path: &Path,
    names: &BTreeMap<String, u64>,
    limits: &Limits,
) -> Result<BundleManifest> {
    let Some(&size) = names.get(MANIFEST) else {
        return Err(Error::NotABundle {
            path: path.to_owned(),
            reason: format!("it has no {MANIFEST}"),
        });
    };
    let f = zip.by_name(MANIFEST).map_err(|e| damaged(path, e))?;
    let mut buf = Vec::new();
    f.take(size.min(limits.max_json_bytes) + 1)
        .read_to_end(&mut buf)
        .map_err(|e| damaged(path, format!("{MANIFEST}: {e}")))?;
    if buf.len() as u64 != size {
        return Err(damaged(path, format!("{MANIFEST} is cut short")));
    }
    // The format and version first, so a newer bundle is named as such even if the rest
    // of its manifest has changed shape.
    let head: serde_json::Value = parse(MANIFEST, &buf)?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::NotABundle {
            path: path.to_owned(),
            reason: format!("its {MANIFEST} does not name the format '{FORMAT}'"),
        });
    }
    let version = head
        .get("format_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| invalid(MANIFEST, "has no format version"))?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(Error::NewerFormat {
            found: u32::try_from(version).unwrap_or(u32::MAX),
            supported: FORMAT_VERSION,
        });
    }
    parse(MANIFEST, &buf)
}

impl Bundle {
    /// Reads only the manifest of the bundle at `path` (after checking the zip's directory):
    /// enough to tell who it is from and for, without reading its entries.
    pub fn peek(path: &Path, limits: &Limits) -> Result<BundleManifest> {
        let mut zip = open_zip(path)?;
        let names = check_directory(&mut zip, limits).map_err(|e| match e {
            Error::Damaged { reason, .. } => damaged(path, reason),
            e => e,
        })?;
        read_manifest(&mut zip, path, &names, limits)
    }

    /// Opens and checks the bundle at `path`, calling `progress` as entries are checked.
    /// Nothing is written anywhere.
    pub fn open(
        path: &Path,
        limits: &Limits,
        mut progress: impl FnMut(&BundleProgress),
    ) -> Result<Bundle> {
        let mut zip = open_zip(path)?;
        let names = check_directory(&mut zip, limits).map_err(|e| match e {
            Error::Damaged { reason, .. } => damaged(path, reason),
            e => e,
        })?;
        let manifest = read_manifest(&mut zip, path, &names, limits)?;

        // The manifest and the zip must list the same entries, each a known shape.
        let mut listed = BTreeSet::new();
        for e in &manifest.entries {
            if escapes(&e.path) {
                return Err(Error::UnsafePath {
                    name: e.path.clone(),
                });
            }
            if classify(&e.path).is_none() {
                return Err(invalid(
                    &e.path,
                    format!("is not part of the bundle format {FORMAT_VERSION}"),
                ));
            }
            let Some(&size) = names.get(&e.path) else {
                return Err(damaged(path, format!("{} is missing", e.path)));
            };
            if size != e.bytes {
                return Err(damaged(
                    path,
                    format!(
                        "{} holds {size} bytes, the manifest says {}",
                        e.path, e.bytes
                    ),
                ));
            }
            if !listed.insert(e.path.as_str()) {
                return Err(invalid(&e.path, "is listed twice in the manifest"));
            }
        }
        if let Some(extra) = names
            .keys()
            .find(|n| n.as_str() != MANIFEST && !listed.contains(n.as_str()))
        {
            return Err(invalid(extra, "is not listed in the manifest"));
        }

        let total = manifest.total_bytes();
        let mut done = 0;
        let mut articles: Vec<IncomingArticle> = Vec::new();
        let mut people: Vec<Person> = Vec::new();
        let mut photos: Vec<Photo> = Vec::new();
        let mut originals: Vec<Original> = Vec::new();
        for e in &manifest.entries {
            let bytes = read_entry(&mut zip, path, &e.path, e.bytes, &e.sha256)?;
            let id_mismatch = || invalid(&e.path, "does not hold what its name says");
            match classify(&e.path).expect("checked above") {
                EntryKind::Article(id) => {
                    let a: IncomingArticle = parse(&e.path, &bytes)?;
                    if a.head.id != id {
                        return Err(id_mismatch());
                    }
                    check_article(&e.path, &a)?;
                    articles.push(a);
                }
                EntryKind::Person(id) => {
                    let p: Person = parse(&e.path, &bytes)?;
                    if p.id != id {
                        return Err(id_mismatch());
                    }
                    p.validate()
                        .map_err(|err| invalid(&e.path, format!("is not a valid person: {err}")))?;
                    people.push(p);
                }
                EntryKind::PhotoRow(id) => {
                    let p: Photo = parse(&e.path, &bytes)?;
                    if p.id != id {
                        return Err(id_mismatch());
                    }
                    photos.push(p);
                }
                EntryKind::Original(sha) => {
                    if e.sha256 != sha {
                        return Err(Error::Checksum {
                            name: e.path.clone(),
                        });
                    }
                    let photo_err = |problem| Error::Photo {
                        name: e.path.clone(),
                        problem,
                    };
                    let format =
                        newsdesk_photo::format::sniff(&e.path, &bytes).map_err(photo_err)?;
                    if !e.path.ends_with(&format!(".{}", format.extension())) {
                        return Err(invalid(
                            &e.path,
                            format!("is a {} image under another name", format.as_str()),
                        ));
                    }
                    // Upright as the photo's row says (the writer puts the row first).
                    let orientation = photos
                        .iter()
                        .find(|p| p.sha256 == sha)
                        .and_then(|p| p.meta.orientation);
                    let renditions = newsdesk_photo::rendition::render(
                        &e.path,
                        &bytes,
                        format,
                        orientation,
                        &limits.photo,
                    )
                    .map_err(photo_err)?;
                    originals.push(Original {
                        name: e.path.clone(),
                        sha256: sha,
                        format,
                        renditions,
                    });
                }
            }
            done += e.bytes;
            progress(&BundleProgress {
                step: BundleStep::Checking,
                done,
                total,
                entry: e.path.clone(),
            });
        }

        // The links between entries.
        let listed_articles: BTreeSet<_> = manifest.articles.iter().map(|a| a.id).collect();
        let carried: BTreeSet<_> = articles.iter().map(|a| a.head.id).collect();
        if listed_articles != carried {
            return Err(invalid(
                MANIFEST,
                "lists other articles than the bundle carries",
            ));
        }
        let photo_ids: BTreeSet<_> = photos.iter().map(|p| p.id).collect();
        for p in &photos {
            let name = crate::manifest::photo_path(p.id);
            let Some(o) = originals.iter().find(|o| o.sha256 == p.sha256) else {
                return Err(invalid(
                    &name,
                    "names an original the bundle does not carry",
                ));
            };
            if o.format != p.format {
                return Err(invalid(&name, "gives another format than its original's"));
            }
            // Orientation is applied when the renditions are made; the row's size is the
            // upright size as the sender's library measured it.
            if p.width == 0 || p.height == 0 {
                return Err(invalid(&name, "has no size"));
            }
        }
        for a in &articles {
            for pl in &a.placements {
                if !photo_ids.contains(&pl.photo_id) {
                    return Err(invalid(
                        &crate::manifest::article_path(a.head.id),
                        format!(
                            "places photo {} that the bundle does not carry",
                            pl.photo_id
                        ),
                    ));
                }
            }
        }
        Ok(Bundle {
            path: path.to_owned(),
            incoming: Incoming {
                source: manifest.source(),
                articles,
                people,
                photos,
            },
            manifest,
            originals,
        })
    }

    /// The manifest: sender, time, articles, entries.
    pub fn manifest(&self) -> &BundleManifest {
        &self.manifest
    }

    /// What the bundle carries, as the store merges it.
    pub fn incoming(&self) -> &Incoming {
        &self.incoming
    }

    /// What importing the bundle would change; nothing is written.
    pub fn plan(&self, store: &mut Store) -> Result<MergePlan> {
        Ok(store.plan_merge(&self.incoming)?)
    }

    /// Stores the photos this laptop does not have yet (originals and renditions, content
    /// addressed), then merges everything else in one store transaction. If the merge is
    /// refused, the database is unchanged (stored photo files are unreferenced and
    /// harmless).
    pub fn import(
        &self,
        store: &mut Store,
        files: &PhotoFiles,
        mut progress: impl FnMut(&BundleProgress),
    ) -> Result<MergePlan> {
        let total: u64 = self
            .originals
            .iter()
            .filter_map(|o| self.entry_bytes(&o.name))
            .sum();
        let mut done = 0;
        let mut zip: Option<Archive> = None;
        for o in &self.originals {
            let Some(e) = self.manifest.entries.iter().find(|e| e.path == o.name) else {
                continue;
            };
            let original = files.original_path(&o.sha256, o.format);
            let have = store.photo_by_sha256(&o.sha256)?.is_some() && original.is_file();
            if !have {
                let z = match &mut zip {
                    Some(z) => z,
                    None => zip.insert(open_zip(&self.path)?),
                };
                // Read again and check again: the file may have changed since it was opened.
                let bytes = read_entry(z, &self.path, &e.path, e.bytes, &e.sha256)?;
                let put = |p: &Path, b: &[u8]| {
                    files.put(p, b).map_err(|problem| Error::Photo {
                        name: o.name.clone(),
                        problem,
                    })
                };
                put(
                    &files.rendition_path(&o.sha256, Size::Web),
                    &o.renditions.web,
                )?;
                put(
                    &files.rendition_path(&o.sha256, Size::Thumb),
                    &o.renditions.thumb,
                )?;
                put(&original, &bytes)?;
            }
            done += e.bytes;
            progress(&BundleProgress {
                step: BundleStep::Storing,
                done,
                total,
                entry: e.path.clone(),
            });
        }
        let plan = store.merge(&self.incoming)?;
        // Remembered so a watch folder does not offer it again; were this to fail, the
        // bundle is offered again and importing it changes nothing.
        store.remember_bundle(
            &crate::watch::bundle_key(&self.manifest),
            &self.path.display().to_string(),
        )?;
        Ok(plan)
    }

    fn entry_bytes(&self, name: &str) -> Option<u64> {
        self.manifest
            .entries
            .iter()
            .find(|e| e.path == name)
            .map(|e| e.bytes)
    }
}

/// An article's own consistency: its revisions belong to it and one of them is its head.
fn check_article(name: &str, a: &IncomingArticle) -> Result<()> {
    a.head
        .validate()
        .map_err(|e| invalid(name, format!("is not a valid article: {e}")))?;
    let mut ids = BTreeSet::new();
    for r in &a.revisions {
        if r.meta.article_id != a.head.id || r.article.id != a.head.id {
            return Err(invalid(
                name,
                format!("holds revision {} of another article", r.meta.id),
            ));
        }
        if !ids.insert(r.meta.id) {
            return Err(invalid(name, format!("holds revision {} twice", r.meta.id)));
        }
        r.article.validate().map_err(|e| {
            invalid(
                name,
                format!("holds an invalid revision {}: {e}", r.meta.id),
            )
        })?;
    }
    if !a.revisions.iter().any(|r| r.meta.version.is_some()) {
        return Err(invalid(name, "has no revision that became its head"));
    }
    for p in &a.placements {
        if p.article_id != a.head.id {
            return Err(invalid(
                name,
                format!("holds placement {} of another article", p.id),
            ));
        }
    }
    for c in &a.status_changes {
        if c.article_id != a.head.id {
            return Err(invalid(name, "holds a status change of another article"));
        }
    }
    Ok(())
}
