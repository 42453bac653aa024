//! Importing a batch of files: each is read, recognised, hashed, its metadata read,
//! its renditions made and every file stored durably on worker threads; only then is
//! its library row committed (and, when asked, its placement in an article). Each file
//! gets its own result; a bad file never stops the batch, and nothing of a failed file
//! is kept in the library.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use newsdesk_core::{Photo, PhotoFormat, PhotoMeta, Placement};
use newsdesk_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::files::{sha256_hex, PhotoFiles};
use crate::format::{check_extension, sniff, Limits};
use crate::metadata;
use crate::rendition::{self, Size};

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Place every imported photo at the end of this article.
    pub article: Option<Uuid>,
    /// Who the article revisions are attributed to when placing.
    pub author: String,
    /// Files worked on at once (each holds one original and its decoded image in memory).
    pub workers: usize,
    /// Decoder and file limits.
    pub limits: Limits,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            article: None,
            author: "newsdesk".into(),
            workers: std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(4),
            limits: Limits::default(),
        }
    }
}

/// Where a batch has got to; sent after each file is finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    /// Files finished so far, including this one.
    pub done: u32,
    /// Files in the batch.
    pub total: u32,
    /// The file just finished.
    pub file: String,
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportResult {
    /// Added to the library.
    Imported {
        photo: Photo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        placement: Option<Placement>,
    },
    /// The same bytes were already in the library; nothing new was stored.
    Duplicate {
        photo: Photo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        placement: Option<Placement>,
    },
    /// Not imported; `code` is stable, `message` names the file and the problem.
    Failed { code: String, message: String },
}

/// One file's line in the import report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    /// The path as given.
    pub file: String,
    pub result: ImportResult,
}

/// A file made ready on a worker: its files are stored, its row is not yet.
struct Prepared {
    photo: Photo,
}

/// Reads, checks and stores one file; returns the photo to commit.
fn prepare(path: &Path, files: &PhotoFiles, limits: &Limits) -> Result<Prepared> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io("cannot read", path, e))?
        .len();
    if size > limits.max_file_bytes {
        return Err(Error::FileTooLarge {
            name,
            size_mb: size >> 20,
            limit_mb: limits.max_file_bytes >> 20,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
    let format = sniff(&name, &bytes)?;
    check_extension(&name, path, format)?;
    let meta = metadata::read(&name, &bytes, format, limits)?;
    let sha256 = sha256_hex(&bytes);
    let (web_path, thumb_path) = (
        files.rendition_path(&sha256, Size::Web),
        files.rendition_path(&sha256, Size::Thumb),
    );
    let (width, height) = if web_path.is_file() && thumb_path.is_file() {
        // Renditions of these bytes are already stored: only check the pixels' size.
        rendition::dimensions(&name, &bytes, format, meta.orientation, limits)?
    } else {
        let r = rendition::render(&name, &bytes, format, meta.orientation, limits)?;
        files.put(&web_path, &r.web)?;
        files.put(&thumb_path, &r.thumb)?;
        (r.width, r.height)
    };
    files.put(&files.original_path(&sha256, format), &bytes)?;
    Ok(Prepared {
        photo: new_photo(name, sha256, format, width, height, size, meta),
    })
}

fn new_photo(
    original_name: String,
    sha256: String,
    format: PhotoFormat,
    width: u32,
    height: u32,
    byte_size: u64,
    meta: PhotoMeta,
) -> Photo {
    Photo {
        id: Uuid::now_v7(),
        sha256,
        original_name: newsdesk_core::text::nfc(&original_name),
        format,
        width,
        height,
        byte_size,
        imported_at: newsdesk_core::time::now(),
        meta,
    }
}

/// Commits a prepared file's row, on the thread that owns the store. Placing comes later,
/// in the order the files were given (workers finish in any order).
fn commit(store: &mut Store, prepared: Prepared) -> Result<ImportResult> {
    let (photo, new) = store.add_photo(&prepared.photo)?;
    Ok(if new {
        ImportResult::Imported {
            photo,
            placement: None,
        }
    } else {
        ImportResult::Duplicate {
            photo,
            placement: None,
        }
    })
}

/// Places an imported photo at the end of `article`; a failure to place is the file's
/// failure (the photo stays in the library).
fn place(store: &mut Store, article: Uuid, result: ImportResult, author: &str) -> ImportResult {
    match result {
        ImportResult::Imported { photo, .. } => {
            match store.place_photo(article, photo.id, author) {
                Ok((placement, _)) => ImportResult::Imported {
                    photo,
                    placement: Some(placement),
                },
                Err(e) => failed(&e.into()),
            }
        }
        ImportResult::Duplicate { photo, .. } => {
            match store.place_photo(article, photo.id, author) {
                Ok((placement, _)) => ImportResult::Duplicate {
                    photo,
                    placement: Some(placement),
                },
                Err(e) => failed(&e.into()),
            }
        }
        failed @ ImportResult::Failed { .. } => failed,
    }
}

fn failed(e: &Error) -> ImportResult {
    ImportResult::Failed {
        code: e.code().to_owned(),
        message: e.to_string(),
    }
}

/// Imports `paths` into the library, calling `progress` after each file, and returns
/// one outcome per path in the order given. The article, if any, must exist.
pub fn import(
    store: &mut Store,
    files: &PhotoFiles,
    paths: &[PathBuf],
    opts: &ImportOptions,
    mut progress: impl FnMut(&ImportProgress),
) -> Result<Vec<ImportOutcome>> {
    if let Some(article) = opts.article {
        store.article(article)?;
    }
    let total = paths.len();
    let mut results: Vec<Option<ImportResult>> = vec![None; total];
    let next = AtomicUsize::new(0);
    let workers = opts.workers.clamp(1, total.max(1));
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Result<Prepared>)>();
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                if tx.send((i, prepare(path, files, &opts.limits))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (done, (i, prepared)) in rx.into_iter().enumerate() {
            let result = match prepared.and_then(|p| commit(store, p)) {
                Ok(r) => r,
                Err(e) => failed(&e),
            };
            results[i] = Some(result);
            progress(&ImportProgress {
                done: (done + 1) as u32,
                total: total as u32,
                file: paths[i].display().to_string(),
            });
        }
    });
    // Placed in the order given, so an article's figures follow the files as picked.
    if let Some(article) = opts.article {
        for r in results.iter_mut() {
            if let Some(done) = r.take() {
                *r = Some(place(store, article, done, &opts.author));
            }
        }
    }
    Ok(paths
        .iter()
        .zip(results)
        .map(|(p, r)| ImportOutcome {
            file: p.display().to_string(),
            result: r.unwrap_or_else(|| ImportResult::Failed {
                code: "internal".into(),
                message: format!("'{}' was not processed", p.display()),
            }),
        })
        .collect())
}
