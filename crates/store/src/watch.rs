//! Watch folders (issue 9): the shared folder the current profile watches for bundles
//! addressed to it, and the bundles this laptop has imported so they are not offered
//! twice. What lies in a folder is read by `newsdesk-bundle`; this keeps the settings.

use rusqlite::TransactionBehavior;

use crate::error::{Error, Result};
use crate::{profiles, received_bundles, watch_folders, Store};

impl Store {
    /// The folder the current profile watches for bundles, if any.
    pub fn watch_folder(&self) -> Result<Option<String>> {
        match profiles::current(&self.conn)? {
            Some(p) => watch_folders::get(&self.conn, p.id),
            None => Ok(None),
        }
    }

    /// Sets (or with `None` or a blank name clears) the folder the current profile watches.
    pub fn set_watch_folder(&mut self, folder: Option<&str>) -> Result<()> {
        let folder = folder.map(str::trim).filter(|f| !f.is_empty());
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let p = profiles::current(&tx)?.ok_or(Error::NoProfile)?;
        watch_folders::set(&tx, p.id, folder)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the bundle with this key (`newsdesk_bundle::bundle_key`) was imported here.
    pub fn bundle_received(&self, key: &str) -> Result<bool> {
        received_bundles::contains(&self.conn, key)
    }

    /// Remembers that the bundle with this key was imported here (from `path`).
    pub fn remember_bundle(&mut self, key: &str, path: &str) -> Result<()> {
        received_bundles::insert(&self.conn, key, path, &newsdesk_core::time::now())
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use newsdesk_core::ProfileRole;

    #[test]
    fn each_profile_has_its_own_watch_folder() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.watch_folder().unwrap(), None);
        assert_eq!(
            s.set_watch_folder(Some("/mnt/toa-soan"))
                .unwrap_err()
                .code(),
            "no_profile"
        );
        s.add_profile("Lan", ProfileRole::Reporter).unwrap();
        s.add_profile("Hùng", ProfileRole::Editor).unwrap();
        s.use_profile("Lan").unwrap();
        s.set_watch_folder(Some(" /mnt/toa-soan/Lan ")).unwrap();
        assert_eq!(
            s.watch_folder().unwrap().as_deref(),
            Some("/mnt/toa-soan/Lan")
        );
        s.use_profile("Hùng").unwrap();
        assert_eq!(s.watch_folder().unwrap(), None);
        s.set_watch_folder(Some("/mnt/toa-soan")).unwrap();
        s.set_watch_folder(Some("/mnt/chung")).unwrap();
        assert_eq!(s.watch_folder().unwrap().as_deref(), Some("/mnt/chung"));
        s.use_profile("Lan").unwrap();
        assert_eq!(
            s.watch_folder().unwrap().as_deref(),
            Some("/mnt/toa-soan/Lan")
        );
        s.set_watch_folder(Some("  ")).unwrap();
        assert_eq!(s.watch_folder().unwrap(), None);
    }

    #[test]
    fn a_received_bundle_is_remembered_once() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(!s.bundle_received("abc").unwrap());
        s.remember_bundle("abc", "/mnt/a.ndbundle").unwrap();
        s.remember_bundle("abc", "/mnt/copy.ndbundle").unwrap();
        assert!(s.bundle_received("abc").unwrap());
        assert!(!s.bundle_received("abd").unwrap());
    }
}
