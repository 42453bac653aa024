//! Writing a bundle: the articles' whole history, the people referenced and the placed
//! photos' originals, each entry checksummed into `manifest.json`. The zip is written to
//! a temporary name beside the target and renamed when complete, so a crash never leaves
//! a half bundle under the chosen name.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use newsdesk_photo::PhotoFiles;
use newsdesk_store::Store;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::{Error, Result};
use crate::manifest::{
    article_path, original_path, person_path, photo_path, BundleArticle, BundleEntry,
    BundleManifest, BundleSender, FORMAT, FORMAT_VERSION, MANIFEST,
};
use crate::{BundleProgress, BundleStep};

/// A zip being written, with the manifest entries so far.
struct Writer {
    zip: ZipWriter<BufWriter<File>>,
    entries: Vec<BundleEntry>,
    path: PathBuf,
}

impl Writer {
    fn add(&mut self, name: &str, bytes: &[u8], compress: bool) -> Result<()> {
        let method = if compress {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(bytes.len() as u64 >= u64::from(u32::MAX))
            .last_modified_time(zip::DateTime::default());
        let fail = |e: zip::result::ZipError| {
            Error::io(
                "cannot write the bundle",
                &self.path,
                std::io::Error::other(e),
            )
        };
        self.zip.start_file(name, opts).map_err(fail)?;
        self.zip
            .write_all(bytes)
            .map_err(|e| Error::io("cannot write the bundle", &self.path, e))?;
        self.entries.push(BundleEntry {
            path: name.to_owned(),
            sha256: hex(&Sha256::digest(bytes)),
            bytes: bytes.len() as u64,
        });
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn json<T: serde::Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec_pretty(v).expect("bundle types serialise")
}

/// Writes the articles `ids` with everything they need to `out` (which must not exist
/// yet), calling `progress` after each entry. Returns the manifest written.
pub fn export(
    store: &Store,
    files: &PhotoFiles,
    ids: &[Uuid],
    out: &Path,
    progress: impl FnMut(&BundleProgress),
) -> Result<BundleManifest> {
    export_to(store, files, ids, out, None, progress)
}

/// [`export`], addressed to the profile `to` (the manifest's `to`): a watch folder offers
/// the bundle to that profile only.
pub fn export_to(
    store: &Store,
    files: &PhotoFiles,
    ids: &[Uuid],
    out: &Path,
    to: Option<&str>,
    mut progress: impl FnMut(&BundleProgress),
) -> Result<BundleManifest> {
    if ids.is_empty() {
        return Err(Error::NothingToSend);
    }
    if out.exists() {
        return Err(Error::Exists(out.to_owned()));
    }
    let profile = store.current_profile()?;
    let sender = BundleSender {
        profile: profile.as_ref().map(|p| p.name.clone()),
        role: profile.as_ref().map(|p| p.role.as_str().to_owned()),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
    };
    let outgoing = store.outgoing(ids, sender.profile.as_deref().unwrap_or(""))?;
    let total: u64 = outgoing.photos.iter().map(|p| p.byte_size).sum::<u64>()
        + (outgoing.articles.len() + outgoing.people.len() + outgoing.photos.len()) as u64;
    let mut done = 0;
    let mut step = |done: u64, entry: &str| {
        progress(&BundleProgress {
            step: BundleStep::Writing,
            done,
            total,
            entry: entry.to_owned(),
        })
    };

    let dir = out.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = dir.unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        out.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        Uuid::now_v7().simple()
    ));
    let file = File::create(&tmp).map_err(|e| Error::io("cannot create", &tmp, e))?;
    let mut w = Writer {
        zip: ZipWriter::new(BufWriter::new(file)),
        entries: Vec::new(),
        path: out.to_owned(),
    };
    let written = (move || -> Result<BundleManifest> {
        let mut articles = Vec::new();
        for a in &outgoing.articles {
            let name = article_path(a.head.id);
            w.add(&name, &json(a), true)?;
            articles.push(BundleArticle {
                id: a.head.id,
                headline: a.head.headline.clone(),
                revisions: a.revisions.len() as u32,
            });
            done += 1;
            step(done, &name);
        }
        for p in &outgoing.people {
            let name = person_path(p.id);
            w.add(&name, &json(p), true)?;
            done += 1;
            step(done, &name);
        }
        for p in &outgoing.photos {
            let name = photo_path(p.id);
            w.add(&name, &json(p), true)?;
            let src = files.original_of(p);
            let bytes = std::fs::read(&src)
                .map_err(|e| Error::io("cannot read the photo original", &src, e))?;
            let oname = original_path(&p.sha256, p.format.extension());
            // Each original once, even if two library rows shared it.
            if !w.entries.iter().any(|e| e.path == oname) {
                w.add(&oname, &bytes, false)?;
            }
            done += 1 + p.byte_size;
            step(done, &oname);
        }
        let manifest = BundleManifest {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            created_at: newsdesk_core::time::now(),
            sender: sender.clone(),
            to: to.map(str::to_owned),
            articles,
            entries: w.entries.clone(),
        };
        let opts = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let fail = |e: zip::result::ZipError| {
            Error::io("cannot write the bundle", out, std::io::Error::other(e))
        };
        w.zip.start_file(MANIFEST, opts).map_err(fail)?;
        w.zip
            .write_all(&json(&manifest))
            .map_err(|e| Error::io("cannot write the bundle", out, e))?;
        let buf = w.zip.finish().map_err(fail)?;
        let file = buf
            .into_inner()
            .map_err(|e| Error::io("cannot write the bundle", out, e.into_error()))?;
        file.sync_all()
            .map_err(|e| Error::io("cannot write the bundle", out, e))?;
        Ok(manifest)
    })();
    match written {
        Ok(m) => {
            if out.exists() {
                let _ = std::fs::remove_file(&tmp);
                return Err(Error::Exists(out.to_owned()));
            }
            std::fs::rename(&tmp, out).map_err(|e| Error::io("cannot write the bundle", out, e))?;
            Ok(m)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
