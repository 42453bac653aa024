//! What the app holds while it runs: the open store (or why it could not open) and the
//! data folder.

use std::path::PathBuf;
use std::sync::Mutex;

use newsdesk_photo::PhotoFiles;
use newsdesk_publish::secret::Secrets;
use newsdesk_store::Store;

use crate::error::{from_photo, from_store, ApiError, CmdResult};

/// The app's managed state.
pub struct AppState {
    store: Mutex<Result<Store, ApiError>>,
    /// The photo store (or why it could not be opened).
    photos: Result<PhotoFiles, ApiError>,
    /// The data folder in use.
    pub data_dir: PathBuf,
    /// The password of the targets' vault file, from NEWSDESK_VAULT_PASSWORD or typed
    /// in by the user; kept in memory only.
    vault_password: Mutex<Option<String>>,
}

impl AppState {
    /// Opens the store in `data_dir`; a failure is kept and reported to the UI.
    pub fn open(data_dir: PathBuf) -> AppState {
        let mut store = Store::open_dir(&data_dir).map_err(from_store);
        let photos = PhotoFiles::open(&data_dir).map_err(from_photo);
        // Mend what an import killed half-way left behind before anything reads the library.
        if let (Ok(s), Ok(files)) = (store.as_mut(), photos.as_ref()) {
            if let Err(e) = files.recover(s) {
                eprintln!("warning: the photo store could not be checked: {e}");
            }
        }
        AppState {
            store: Mutex::new(store),
            photos,
            data_dir,
            vault_password: Mutex::new(std::env::var("NEWSDESK_VAULT_PASSWORD").ok()),
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

    /// Runs `f` with the store if no one else holds it right now; `None` when it is busy
    /// or did not open. For background upkeep that must never make a command wait.
    pub fn try_with<T>(&self, f: impl FnOnce(&mut Store) -> T) -> Option<T> {
        let mut guard = self.store.try_lock().ok()?;
        guard.as_mut().ok().map(f)
    }

    /// The photo store, if it opened.
    pub fn photo_files(&self) -> Option<&PhotoFiles> {
        self.photos.as_ref().ok()
    }

    /// The photo store, or why it could not be opened.
    pub fn require_photo_files(&self) -> CmdResult<&PhotoFiles> {
        self.photos.as_ref().map_err(Clone::clone)
    }

    /// Runs `f` with the store when `f` maps its own errors (work spanning several crates).
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> CmdResult<T>) -> CmdResult<T> {
        let mut guard = self.store.lock().map_err(|_| {
            ApiError::new("internal", "the store lock was poisoned; restart Newsdesk")
        })?;
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(e.clone()),
        }
    }

    /// Runs `f` with the store and who a save is credited to: the current profile when
    /// one is chosen, else the operating-system user ([`os_user`]). Every command that
    /// saves goes through this, so autosave, Ctrl+S, restore, placements and imports
    /// credit the same person the top bar shows.
    pub fn saving<T>(
        &self,
        f: impl FnOnce(&mut Store, &str) -> Result<T, newsdesk_store::Error>,
    ) -> CmdResult<T> {
        self.with(|s| {
            let who = s.author(&os_user())?;
            f(s, &who)
        })
    }

    /// The targets' passwords (keyring, or the vault with the password known so far;
    /// NEWSDESK_SECRET_STORE=vault skips the keyring, as in the CLI).
    pub fn secrets(&self) -> Secrets {
        let password = self.vault_password.lock().ok().and_then(|p| p.clone());
        let prefer_vault = std::env::var("NEWSDESK_SECRET_STORE").is_ok_and(|v| v == "vault");
        Secrets::new(&self.data_dir, password, prefer_vault)
    }

    /// Remembers the vault password for this run.
    pub fn set_vault_password(&self, password: String) {
        if let Ok(mut p) = self.vault_password.lock() {
            *p = Some(password);
        }
    }

    /// The newsroom's language (English when the store cannot say).
    pub fn lang(&self) -> newsdesk_core::Lang {
        self.with(|s| s.settings())
            .map(|s| s.language)
            .unwrap_or(newsdesk_core::Lang::En)
    }

    /// A second connection to the store, for long work (a publish waiting on the
    /// network) that must not hold the app's connection while typing is saved.
    pub fn open_second(&self) -> CmdResult<Store> {
        Store::open_dir(&self.data_dir).map_err(from_store)
    }

    /// Why the store could not be opened, if it could not.
    pub fn open_error(&self) -> Option<ApiError> {
        self.store
            .lock()
            .ok()
            .and_then(|g| g.as_ref().err().cloned())
    }
}

/// A bundle the app was asked to open (a `.ndbundle` double-clicked in the file manager)
/// that the window has not shown yet.
#[derive(Default)]
pub struct PendingBundle(Mutex<Option<PathBuf>>);

impl PendingBundle {
    pub fn new(path: Option<PathBuf>) -> PendingBundle {
        PendingBundle(Mutex::new(path))
    }

    /// The bundle to show, once: a reload of the window does not offer it again.
    pub fn take(&self) -> Option<PathBuf> {
        self.0.lock().ok().and_then(|mut p| p.take())
    }
}

/// The operating-system user the app runs as (`NEWSDESK_AUTHOR` overrides it): who
/// saves are credited to when no profile is chosen.
pub fn os_user() -> String {
    std::env::var("NEWSDESK_AUTHOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "newsdesk".into())
}
