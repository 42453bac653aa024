//! What the app holds while it runs: the open store (or why it could not open) and the
//! data folder.

use std::path::PathBuf;
use std::sync::Mutex;

use newsdesk_store::Store;

use crate::error::{from_store, ApiError, CmdResult};

/// The app's managed state.
pub struct AppState {
    store: Mutex<Result<Store, ApiError>>,
    /// The data folder in use.
    pub data_dir: PathBuf,
}

impl AppState {
    /// Opens the store in `data_dir`; a failure is kept and reported to the UI.
    pub fn open(data_dir: PathBuf) -> AppState {
        let store = Store::open_dir(&data_dir).map_err(from_store);
        AppState {
            store: Mutex::new(store),
            data_dir,
        }
    }

    /// Runs `f` with the store.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, newsdesk_store::Error>,
    ) -> CmdResult<T> {
        let mut guard = self.store.lock().map_err(|_| {
            ApiError::new("internal", "the store lock was poisoned; restart Newsdesk")
        })?;
        match guard.as_mut() {
            Ok(store) => f(store).map_err(from_store),
            Err(e) => Err(e.clone()),
        }
    }

    /// Why the store could not be opened, if it could not.
    pub fn open_error(&self) -> Option<ApiError> {
        self.store
            .lock()
            .ok()
            .and_then(|g| g.as_ref().err().cloned())
    }
}

/// Who revisions saved from this app are attributed to.
pub fn author() -> String {
    std::env::var("NEWSDESK_AUTHOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "newsdesk".into())
}
