//! Writing exports to disk: one format as a file, or a package (folder or `.zip`) of
//! every format plus `manifest.json` with SHA-256 checksums. Names come from slugs
//! only, nothing is written outside the chosen folder, an existing non-empty folder
//! is refused unless forced, and the same article gives byte-identical output.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zip::write::SimpleFileOptions;

use crate::error::{Error, Result};
use crate::image_meta::{self, ExportedImage};
use crate::slug::{is_safe_name, slug};
use crate::{html, markdown, ninjs, ExportInput, FigureView, NinjsVersion};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Html,
    Md,
    Docx,
    Ninjs,
    /// Every format plus the manifest.
    Package,
}

impl ExportFormat {
    /// The name used in the publish log and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Md => "md",
            ExportFormat::Docx => "docx",
            ExportFormat::Ninjs => "ninjs",
            ExportFormat::Package => "package",
        }
    }

    /// How an export in this format is named in the publish log: the format, then the
    /// ninjs version when the output holds ninjs and `originals` when a package carries
    /// them, joined by ` · ` (`ninjs · 3.1`, `package · ninjs 2.2 · originals`), so the
    /// log says what was sent. The first part is always [`ExportFormat::as_str`].
    pub fn log_label(self, render: &RenderOptions) -> String {
        let version = render.ninjs.as_str();
        match self {
            ExportFormat::Ninjs => format!("ninjs · {version}"),
            ExportFormat::Package if render.originals => {
                format!("package · ninjs {version} · originals")
            }
            ExportFormat::Package => format!("package · ninjs {version}"),
            other => other.as_str().to_owned(),
        }
    }
}

/// Where and how to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The chosen output folder; created when missing.
    pub out: PathBuf,
    pub format: ExportFormat,
    /// A package as one `.zip` file instead of a folder.
    pub zip: bool,
    /// Write into a folder that already holds files (replacing this article's export).
    pub force: bool,
    /// The ninjs version and whether a package carries the originals.
    pub render: RenderOptions,
}

/// Choices that change what is rendered (not where it goes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RenderOptions {
    /// The ninjs version of `article.ninjs.json` (default 2.2).
    pub ninjs: NinjsVersion,
    /// A package also carries each placed photo's original, credited like the web
    /// picture, as `images/photo-NN-original.EXT` (listed in the manifest).
    pub originals: bool,
}

/// A step of a running export, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Progress {
    /// Steps finished.
    pub done: u32,
    pub total: u32,
    /// What is being done, e.g. `article.html`.
    pub step: String,
}

/// One file of an export and its checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ManifestEntry {
    /// Path inside the package, `/`-separated.
    pub path: String,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportReport {
    /// The file or folder written.
    pub path: PathBuf,
    /// SHA-256 of the file written (of `manifest.json` for a package folder, of the
    /// `.zip` for a zipped package).
    pub checksum: String,
    pub files: Vec<ManifestEntry>,
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `format` carries the pictures (the package as files, the DOCX inside it).
fn needs_images(format: ExportFormat) -> bool {
    matches!(format, ExportFormat::Docx | ExportFormat::Package)
}

/// Whether the pictures' originals are read for `format`: only a package carries them.
fn wants_originals(format: ExportFormat, render: RenderOptions) -> bool {
    render.originals && format == ExportFormat::Package
}

/// The files of an export, by name inside the package, rendered in memory (the
/// pictures read and credited first).
pub fn render(
    input: &ExportInput<'_>,
    format: ExportFormat,
    opts: RenderOptions,
) -> Result<BTreeMap<String, Vec<u8>>> {
    let images = if needs_images(format) {
        image_meta::load(input, wants_originals(format, opts), &mut |_| {})?
    } else {
        Vec::new()
    };
    render_with(input, format, opts, &images)
}

/// [`render`] with the pictures already loaded by [`image_meta::load`]. In a package
/// each figure's page, Markdown and ninjs refer to its file under `images/`.
pub fn render_with(
    input: &ExportInput<'_>,
    format: ExportFormat,
    opts: RenderOptions,
    images: &[ExportedImage],
) -> Result<BTreeMap<String, Vec<u8>>> {
    let figures: Vec<FigureView> = input
        .figures
        .iter()
        .map(|f| {
            let mut f = f.clone();
            if format == ExportFormat::Package {
                if let Some(i) = images.iter().find(|i| i.placement_id == f.placement_id) {
                    f.file = Some(i.name.clone());
                    f.web_size = Some((i.width, i.height));
                    if let Some(o) = &i.original {
                        f.original = Some(o.name.clone());
                        f.original_size = Some((o.width, o.height));
                    }
                }
            }
            f
        })
        .collect();
    let input = &ExportInput {
        figures: &figures,
        ..input.clone()
    };
    let mut files = BTreeMap::new();
    let want = |f: ExportFormat| format == f || format == ExportFormat::Package;
    if want(ExportFormat::Html) {
        files.insert("article.html".into(), html::page(input)?.into_bytes());
    }
    if want(ExportFormat::Md) {
        files.insert("article.md".into(), markdown::document(input)?.into_bytes());
    }
    if want(ExportFormat::Docx) {
        files.insert(
            "article.docx".into(),
            crate::docx::document_with(input, images)?,
        );
    }
    if want(ExportFormat::Ninjs) {
        files.insert(
            "article.ninjs.json".into(),
            ninjs::to_string(input, opts.ninjs)?.into_bytes(),
        );
    }
    if format == ExportFormat::Package {
        for i in images {
            files.insert(i.name.clone(), i.jpeg.clone());
            if let Some(o) = &i.original {
                files.insert(o.name.clone(), o.bytes.clone());
            }
        }
        let entries = manifest_entries(&files);
        let manifest = serde_json::json!({
            "article": input.article.id.to_string(),
            "version": input.article.version,
            "ninjs": opts.ninjs.as_str(),
            "files": entries,
        });
        files.insert(
            "manifest.json".into(),
            (serde_json::to_string_pretty(&manifest)? + "\n").into_bytes(),
        );
    }
    Ok(files)
}

fn manifest_entries(files: &BTreeMap<String, Vec<u8>>) -> Vec<ManifestEntry> {
    files
        .iter()
        .map(|(p, b)| ManifestEntry {
            path: p.clone(),
            sha256: sha256_hex(b),
            bytes: b.len() as u64,
        })
        .collect()
}

/// Renders and writes an export, reporting each step to `progress`.
pub fn export(
    input: &ExportInput<'_>,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportReport> {
    let stem = slug(&input.article.headline, "article");
    let originals = wants_originals(opts.format, opts.render);
    let pictures = if needs_images(opts.format) {
        let mut seen = std::collections::BTreeSet::new();
        input
            .article
            .body
            .placements()
            .iter()
            .filter(|id| seen.insert(**id))
            .filter_map(|id| input.images.iter().find(|i| i.placement_id == *id))
            .map(|i| 1 + u32::from(originals && i.original.is_some()))
            .sum::<u32>()
    } else {
        0
    };
    // Reading each picture (and original) is a step, rendering one, and a package
    // writes its four documents, the manifest and its pictures too.
    let written = match opts.format {
        ExportFormat::Package => 5 + pictures,
        _ => 1,
    };
    let total = pictures + 1 + written;
    let mut done = 0;
    let mut step = |done: &mut u32, s: &str| {
        *done = (*done + 1).min(total);
        progress(Progress {
            done: *done,
            total,
            step: s.to_owned(),
        });
    };
    let images = if needs_images(opts.format) {
        image_meta::load(input, originals, &mut |name| step(&mut done, name))?
    } else {
        Vec::new()
    };
    let files = render_with(input, opts.format, opts.render, &images)?;
    prepare_out(&opts.out, opts.force)?;
    step(&mut done, "render");
    let entries = manifest_entries(&files);
    match (opts.format, opts.zip) {
        (ExportFormat::Package, true) => {
            let name = format!("{stem}.zip");
            let bytes = zip_with(&stem, &files, &mut |f| step(&mut done, f))?;
            let path = write_in(&opts.out, &name, &bytes)?;
            Ok(ExportReport {
                path,
                checksum: sha256_hex(&bytes),
                files: entries,
            })
        }
        (ExportFormat::Package, false) => {
            let dir = safe_child(&opts.out, &stem)?;
            if dir.exists() {
                if !opts.force {
                    return Err(Error::Exists(dir));
                }
                std::fs::remove_dir_all(&dir)
                    .map_err(|e| Error::io(format!("removing '{}'", dir.display()), e))?;
            }
            std::fs::create_dir(&dir)
                .map_err(|e| Error::io(format!("creating '{}'", dir.display()), e))?;
            for (name, bytes) in &files {
                write_nested(&dir, name, bytes)?;
                step(&mut done, name);
            }
            Ok(ExportReport {
                path: dir,
                checksum: sha256_hex(&files["manifest.json"]),
                files: entries,
            })
        }
        (_, _) => {
            let (inner, bytes) = files.iter().next().expect("one format renders one file");
            let ext = inner.strip_prefix("article").unwrap_or(inner);
            let path = write_in(&opts.out, &format!("{stem}{ext}"), bytes)?;
            step(&mut done, inner);
            Ok(ExportReport {
                path,
                checksum: sha256_hex(bytes),
                files: entries,
            })
        }
    }
}

/// Creates the output folder, or refuses one that already holds files unless forced.
fn prepare_out(out: &Path, force: bool) -> Result<()> {
    match std::fs::read_dir(out) {
        Ok(mut it) => {
            if it.next().is_some() && !force {
                return Err(Error::Exists(out.to_owned()));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir_all(out)
            .map_err(|e| Error::io(format!("creating '{}'", out.display()), e)),
        Err(e) => Err(Error::io(format!("opening '{}'", out.display()), e)),
    }
}

/// `dir/name` when `name` is a safe single file name and the result is not a link
/// leading elsewhere.
fn safe_child(dir: &Path, name: &str) -> Result<PathBuf> {
    if !is_safe_name(name) {
        return Err(Error::OutsideFolder(name.to_owned()));
    }
    let path = dir.join(name);
    if let Ok(m) = std::fs::symlink_metadata(&path) {
        if m.file_type().is_symlink() {
            return Err(Error::OutsideFolder(path.display().to_string()));
        }
    }
    Ok(path)
}

fn write_in(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = safe_child(dir, name)?;
    std::fs::write(&path, bytes)
        .map_err(|e| Error::io(format!("writing '{}'", path.display()), e))?;
    Ok(path)
}

/// Writes `rel` (`/`-separated, each part a safe name) under `dir`, making folders.
fn write_nested(dir: &Path, rel: &str, bytes: &[u8]) -> Result<PathBuf> {
    let mut parts: Vec<&str> = rel.split('/').collect();
    let name = parts.pop().unwrap_or_default();
    let mut at = dir.to_owned();
    for p in parts {
        at = safe_child(&at, p)?;
        if !at.is_dir() {
            std::fs::create_dir(&at)
                .map_err(|e| Error::io(format!("creating '{}'", at.display()), e))?;
        }
    }
    write_in(&at, name, bytes)
}

/// A zip of `files` under the folder `stem/`: stable order, fixed timestamps
/// (1980-01-01) and permissions, so the bytes depend only on the content.
pub fn zip_bytes(stem: &str, files: &BTreeMap<String, Vec<u8>>) -> Result<Vec<u8>> {
    zip_with(stem, files, &mut |_| {})
}

/// [`zip_bytes`], telling `progress` each entry as it is added.
fn zip_with(
    stem: &str,
    files: &BTreeMap<String, Vec<u8>>,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<u8>> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in files {
        // JPEGs are compressed already: stored as they are.
        let o = if name.ends_with(".jpg") {
            opts.compression_method(zip::CompressionMethod::Stored)
        } else {
            opts
        };
        w.start_file(format!("{stem}/{name}"), o)?;
        w.write_all(bytes)
            .map_err(|e| Error::io("writing into the zip", e))?;
        progress(name);
    }
    Ok(w.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NinjsVersion;

    #[test]
    fn the_publish_log_names_the_ninjs_version_and_the_originals() {
        let v31 = RenderOptions {
            ninjs: NinjsVersion::V3_1,
            originals: false,
        };
        let v22_originals = RenderOptions {
            ninjs: NinjsVersion::V2_2,
            originals: true,
        };
        let cases = [
            (ExportFormat::Ninjs, v31, "ninjs · 3.1"),
            (ExportFormat::Ninjs, RenderOptions::default(), "ninjs · 2.2"),
            (ExportFormat::Package, v31, "package · ninjs 3.1"),
            (
                ExportFormat::Package,
                v22_originals,
                "package · ninjs 2.2 · originals",
            ),
            (ExportFormat::Html, v22_originals, "html"),
            (ExportFormat::Docx, v31, "docx"),
        ];
        for (format, render, want) in cases {
            assert_eq!(format.log_label(&render), want, "{format:?} {render:?}");
        }
    }
}
