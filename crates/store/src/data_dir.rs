//! Where the data folder is: `--data-dir`, else `NEWSDESK_DATA_DIR`, else the platform's
//! app data folder (the same one the Tauri shell uses for the identifier `vn.newsdesk.app`).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The app identifier; also the folder name under the platform data folder.
pub const APP_ID: &str = "vn.newsdesk.app";
/// The environment variable that overrides the default data folder.
pub const ENV_VAR: &str = "NEWSDESK_DATA_DIR";

/// The data folder to use, from an explicit choice, the environment, or the platform default.
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_ID))
        .ok_or_else(|| Error::DataDir {
            path: PathBuf::new(),
            reason: format!(
                "no platform data folder is known here; set {ENV_VAR} or pass --data-dir"
            ),
        })
}

/// Creates the folder if it is missing and checks that it can be written.
pub fn prepare(dir: &Path) -> Result<()> {
    let fail = |reason: String| Error::DataDir {
        path: dir.to_path_buf(),
        reason,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(fail("it is a file, not a folder".into()));
    }
    std::fs::create_dir_all(dir).map_err(|e| fail(format!("it cannot be created ({e})")))?;
    let probe = dir.join(".newsdesk-write-check");
    std::fs::write(&probe, b"ok").map_err(|e| fail(format!("it is not writable ({e})")))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}
