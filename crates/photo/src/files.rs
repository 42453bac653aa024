//! The photo files under the data folder, named by the SHA-256 of the original:
//! `photos/originals/ab/<sha256>.<ext>` (byte-identical to what was imported) and
//! `photos/renditions/ab/<sha256>-1600.jpg` / `-320.jpg`. Every file is written to a
//! temporary name in `photos/tmp/`, synced, renamed into place and its folder synced,
//! so a crash leaves either the whole file or only a temporary one, which the next
//! [`PhotoFiles::open`] removes. The same bytes are stored once.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use newsdesk_core::{Photo, PhotoFormat};
use newsdesk_store::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::format::Limits;
use crate::rendition::Size;

/// The folder under the data folder that holds every photo file.
pub const PHOTOS_DIR: &str = "photos";
const TMP_SUFFIX: &str = ".tmp";

/// The content-addressed photo store of one data folder.
#[derive(Debug, Clone)]
pub struct PhotoFiles {
    root: PathBuf,
}

/// What [`PhotoFiles::recover`] mended after an interrupted import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recovery {
    /// Temporary files of dead imports that were removed.
    pub temp_files_removed: usize,
    /// Library rows whose original was missing, removed (they were placed nowhere).
    pub orphan_rows_removed: Vec<Uuid>,
    /// Library rows whose original is missing but which are placed in articles: kept, reported.
    pub missing_originals: Vec<Uuid>,
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl PhotoFiles {
    /// Opens (creating if needed) the photo store of a data folder and removes the
    /// temporary files that imports which are no longer running left behind.
    pub fn open(data_dir: &Path) -> Result<PhotoFiles> {
        let files = PhotoFiles {
            root: data_dir.join(PHOTOS_DIR),
        };
        for d in ["originals", "renditions", "tmp"] {
            let p = files.root.join(d);
            fs::create_dir_all(&p).map_err(|e| Error::io("cannot create the folder", &p, e))?;
        }
        files.remove_stale_temp_files()?;
        Ok(files)
    }

    /// The folder everything lives in (the scope the webview's asset protocol gets).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the original with this hash is kept.
    pub fn original_path(&self, sha256: &str, format: PhotoFormat) -> PathBuf {
        self.root
            .join("originals")
            .join(&sha256[..2])
            .join(format!("{sha256}.{}", format.extension()))
    }

    /// Where a rendition of the original with this hash is kept.
    pub fn rendition_path(&self, sha256: &str, size: Size) -> PathBuf {
        self.root
            .join("renditions")
            .join(&sha256[..2])
            .join(format!("{sha256}-{}.jpg", size.suffix()))
    }

    /// The original of a photo in the library.
    pub fn original_of(&self, photo: &Photo) -> PathBuf {
        self.original_path(&photo.sha256, photo.format)
    }

    /// The web (1600 px) rendition of a photo in the library, made from its original
    /// (with the thumbnail) when it is not on disk, e.g. in a data folder restored
    /// without its renditions. The original is only read.
    pub fn web_rendition(&self, photo: &Photo, limits: &Limits) -> Result<PathBuf> {
        let web = self.rendition_path(&photo.sha256, Size::Web);
        if web.is_file() {
            return Ok(web);
        }
        let original = self.original_of(photo);
        let bytes = fs::read(&original).map_err(|e| Error::io("cannot read", &original, e))?;
        let r = crate::rendition::render(
            &photo.original_name,
            &bytes,
            photo.format,
            photo.meta.orientation,
            limits,
        )?;
        self.put(&web, &r.web)?;
        self.put(&self.rendition_path(&photo.sha256, Size::Thumb), &r.thumb)?;
        Ok(web)
    }

    /// Writes `bytes` to `path` durably unless a complete file is already there.
    /// Returns whether it wrote.
    pub fn put(&self, path: &Path, bytes: &[u8]) -> Result<bool> {
        if fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            return Ok(false);
        }
        let dir = path.parent().expect("store paths have a folder");
        fs::create_dir_all(dir).map_err(|e| Error::io("cannot create the folder", dir, e))?;
        let tmp = self.temp_path();
        let written = (|| {
            let mut f = File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, path)?;
            sync_dir(dir)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(Error::io("cannot store the file", path, e));
        }
        Ok(true)
    }

    /// A new temporary name: the process id marks whose it is.
    fn temp_path(&self) -> PathBuf {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        self.root.join("tmp").join(format!(
            "{}-{n}-{}{TMP_SUFFIX}",
            std::process::id(),
            Uuid::now_v7().simple()
        ))
    }

    /// Removes temporary files whose process is gone (or, where that cannot be told,
    /// that are more than a day old).
    fn remove_stale_temp_files(&self) -> Result<usize> {
        let dir = self.root.join("tmp");
        let entries = fs::read_dir(&dir).map_err(|e| Error::io("cannot read", &dir, e))?;
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !name.ends_with(TMP_SUFFIX) {
                continue;
            }
            let pid: Option<u32> = name.split('-').next().and_then(|p| p.parse().ok());
            let stale = match pid {
                Some(pid) if pid == std::process::id() => false,
                Some(pid) if Path::new("/proc/self").exists() => {
                    !Path::new("/proc").join(pid.to_string()).exists()
                }
                _ => entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok())
                    .is_some_and(|age| age > Duration::from_secs(24 * 3600)),
            };
            if stale && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Mends what an interrupted import can leave: stale temporary files, and library
    /// rows whose original is not on disk (removed unless an article uses them).
    pub fn recover(&self, store: &mut Store) -> Result<Recovery> {
        let mut r = Recovery {
            temp_files_removed: self.remove_stale_temp_files()?,
            ..Recovery::default()
        };
        for (id, sha256, format) in store.photo_hashes()? {
            if self.original_path(&sha256, format).is_file() {
                continue;
            }
            if store.photo_placement_count(id)? == 0 {
                store.delete_photo(id)?;
                r.orphan_rows_removed.push(id);
            } else {
                r.missing_originals.push(id);
            }
        }
        Ok(r)
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_are_stored_once_and_temp_files_of_dead_imports_go() {
        let dir = tempfile::tempdir().unwrap();
        let files = PhotoFiles::open(dir.path()).unwrap();
        let bytes = b"not really a photo".repeat(10);
        let sha = sha256_hex(&bytes);
        let path = files.original_path(&sha, PhotoFormat::Jpeg);
        assert!(files.put(&path, &bytes).unwrap());
        assert!(
            !files.put(&path, &bytes).unwrap(),
            "second put writes nothing"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes);

        // A process id that cannot be running (above the kernel's pid_max).
        let stale = files.root().join("tmp").join("99999999-0-x.tmp");
        fs::write(&stale, b"half").unwrap();
        let mine = files.temp_path();
        fs::write(&mine, b"in progress").unwrap();
        PhotoFiles::open(dir.path()).unwrap();
        assert!(!stale.exists());
        assert!(mine.exists(), "a running import's temp file is kept");
    }

    #[test]
    fn sha256_is_lower_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
