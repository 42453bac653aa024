//! Watch folders: a shared folder (a newsroom network drive, a synced folder) where
//! `Send to desk` drops bundles addressed to a profile. A laptop looks there for the
//! bundles addressed to its current profile that it has not received yet; only the zip's
//! directory and the manifest of each are read, so a look is cheap enough to repeat.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::manifest::BundleManifest;
use crate::open::is_bundle;
use crate::read::Bundle;
use crate::Limits;

/// A bundle in a watch folder addressed to this profile and not received here yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WaitingBundle {
    pub path: String,
    /// What this laptop remembers once it has imported the bundle ([`bundle_key`]).
    pub key: String,
    pub manifest: BundleManifest,
}

/// `Send to desk`: writes the articles `ids` as a bundle addressed to the profile `to` into
/// the shared `folder` (under a fresh name; the address is in the manifest, not the name).
/// The file appears under its name only when complete, so a watcher never sees half of it.
pub fn send_to_desk(
    store: &newsdesk_store::Store,
    files: &newsdesk_photo::PhotoFiles,
    ids: &[uuid::Uuid],
    folder: &Path,
    to: &str,
    progress: impl FnMut(&crate::BundleProgress),
) -> Result<(std::path::PathBuf, BundleManifest)> {
    let to = to.trim();
    if to.is_empty() {
        return Err(Error::NoRecipient);
    }
    if !folder.is_dir() {
        return Err(Error::io(
            "cannot write into",
            folder,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let out = folder.join(format!(
        "{}.{}",
        uuid::Uuid::now_v7().simple(),
        crate::EXTENSION
    ));
    let manifest = crate::export_to(store, files, ids, &out, Some(to), progress)?;
    Ok((out, manifest))
}

/// `Send to desk` from this laptop: into the current profile's watch folder.
pub fn send_to_my_desk(
    store: &newsdesk_store::Store,
    files: &newsdesk_photo::PhotoFiles,
    ids: &[uuid::Uuid],
    to: &str,
    progress: impl FnMut(&crate::BundleProgress),
) -> Result<(std::path::PathBuf, BundleManifest)> {
    let folder = store.watch_folder()?.ok_or(Error::NoWatchFolder)?;
    send_to_desk(store, files, ids, Path::new(&folder), to, progress)
}

/// The bundles waiting for the current profile in its watch folder (none without a
/// profile or a folder), leaving out those imported here.
pub fn waiting_here(store: &newsdesk_store::Store, limits: &Limits) -> Result<Vec<WaitingBundle>> {
    let (Some(profile), Some(folder)) = (store.current_profile()?, store.watch_folder()?) else {
        return Ok(Vec::new());
    };
    waiting(
        Path::new(&folder),
        &profile.name,
        |k| store.bundle_received(k).unwrap_or(false),
        limits,
    )
}

/// A bundle's identity: the SHA-256 of its manifest, which names the time, the sender and
/// the checksum of every entry. A copy or a renamed file has the same key.
pub fn bundle_key(m: &BundleManifest) -> String {
    let bytes = serde_json::to_vec(m).expect("a manifest serialises");
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Profile names compare as a person reads them: NFC, case and outer spaces aside.
fn same_profile(a: &str, b: &str) -> bool {
    let norm = |s: &str| newsdesk_core::text::nfc(s.trim()).to_lowercase();
    norm(a) == norm(b)
}

/// The bundles in `folder` (not its subfolders) addressed to `profile` whose key
/// `received` does not know, oldest first. Anything else is passed over silently: other
/// files, a sender's temporary file, bundles for someone else or for no one, and bundles
/// that cannot be read yet (still being copied) or at all (damaged — dropping one on the
/// window says why). A folder that cannot be listed is an error: the share is not there.
pub fn waiting(
    folder: &Path,
    profile: &str,
    received: impl Fn(&str) -> bool,
    limits: &Limits,
) -> Result<Vec<WaitingBundle>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io("cannot look in", folder, e))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden || !is_bundle(&path) || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(manifest) = Bundle::peek(&path, limits) else {
            continue;
        };
        if !manifest
            .to
            .as_deref()
            .is_some_and(|to| same_profile(to, profile))
        {
            continue;
        }
        let key = bundle_key(&manifest);
        if received(&key) || out.iter().any(|w: &WaitingBundle| w.key == key) {
            continue;
        }
        out.push(WaitingBundle {
            path: path.display().to_string(),
            key,
            manifest,
        });
    }
    out.sort_by(|a, b| (a.manifest.created_at, &a.path).cmp(&(b.manifest.created_at, &b.path)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::{NewArticle, ProfileRole};
    use newsdesk_photo::PhotoFiles;
    use newsdesk_store::Store;
    use std::collections::HashSet;
    use std::path::PathBuf;

    /// A laptop: a store with `profile` chosen, and its photo files.
    struct Desk {
        store: Store,
        files: PhotoFiles,
        _dir: tempfile::TempDir,
    }

    fn desk(profile: &str, role: ProfileRole) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store.add_profile(profile, role).unwrap();
        store.use_profile(profile).unwrap();
        let files = PhotoFiles::open(dir.path()).unwrap();
        Desk {
            store,
            files,
            _dir: dir,
        }
    }

    fn sender() -> Desk {
        desk("Hùng", ProfileRole::Editor)
    }

    /// Makes the current profile of `store` watch `folder`.
    fn watch(store: &mut Store, folder: &Path) {
        store
            .set_watch_folder(Some(&folder.display().to_string()))
            .unwrap();
    }

    fn send(s: &mut Desk, folder: &Path, name: &str, to: Option<&str>) -> PathBuf {
        let a = s
            .store
            .create(
                NewArticle {
                    headline: name.into(),
                    ..NewArticle::default()
                },
                "Hùng",
            )
            .unwrap();
        let out = folder.join(format!("{name}.ndbundle"));
        crate::export_to(&s.store, &s.files, &[a.id], &out, to, |_| {}).unwrap();
        out
    }

    fn names(list: &[WaitingBundle]) -> Vec<String> {
        list.iter()
            .map(|w| w.manifest.articles[0].headline.clone())
            .collect()
    }

    #[test]
    fn only_bundles_for_this_profile_not_received_yet_are_waiting() {
        let folder = tempfile::tempdir().unwrap();
        let f = folder.path();
        let mut s = sender();
        send(&mut s, f, "cho-lan-1", Some("Lan"));
        send(&mut s, f, "cho-minh", Some("Minh"));
        send(&mut s, f, "cho-ai-cung-duoc", None);
        let second = send(&mut s, f, "cho-lan-2", Some(" lan "));
        // A copy of the same bundle under another name is one bundle.
        std::fs::copy(&second, f.join("ban-sao.ndbundle")).unwrap();
        // Not bundles, or not readable (yet): passed over.
        std::fs::write(f.join("ghi-chu.txt"), "x").unwrap();
        std::fs::write(f.join("dang-chep.ndbundle"), b"PK\x03\x04 half").unwrap();
        let bytes = std::fs::read(&second).unwrap();
        std::fs::write(f.join("cut.ndbundle"), &bytes[..bytes.len() / 2]).unwrap();
        std::fs::write(f.join(".cho-lan-3.ndbundle"), &bytes).unwrap();
        std::fs::create_dir(f.join("cu.ndbundle")).unwrap();

        let limits = Limits::default();
        let all = waiting(f, "Lan", |_| false, &limits).unwrap();
        assert_eq!(names(&all), ["cho-lan-1", "cho-lan-2"]);
        assert!(all.iter().all(|w| w.manifest.to.is_some()));
        // In another case, the same profile.
        assert_eq!(waiting(f, "LAN", |_| false, &limits).unwrap().len(), 2);
        assert_eq!(
            names(&waiting(f, "Minh", |_| false, &limits).unwrap()),
            ["cho-minh"]
        );
        assert!(waiting(f, "Hùng", |_| false, &limits).unwrap().is_empty());

        // Once received, a bundle is not offered again.
        let received: HashSet<String> = [all[0].key.clone()].into();
        let rest = waiting(f, "Lan", |k| received.contains(k), &limits).unwrap();
        assert_eq!(names(&rest), ["cho-lan-2"]);
    }

    #[test]
    fn send_to_desk_drops_an_addressed_bundle_that_the_recipient_sees() {
        let folder = tempfile::tempdir().unwrap();
        let mut s = sender();
        let a = s.store.create(NewArticle::default(), "Hùng").unwrap();
        let (path, m) =
            send_to_desk(&s.store, &s.files, &[a.id], folder.path(), "Lan", |_| {}).unwrap();
        assert_eq!(path.parent(), Some(folder.path()));
        assert_eq!(m.to.as_deref(), Some("Lan"));
        assert_eq!(m.sender.profile.as_deref(), Some("Hùng"));
        let w = waiting(folder.path(), "Lan", |_| false, &Limits::default()).unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].path, path.display().to_string());
        assert_eq!(w[0].key, bundle_key(&m));
        let e = send_to_desk(&s.store, &s.files, &[a.id], folder.path(), " ", |_| {});
        assert_eq!(e.unwrap_err().code(), "bundle_no_recipient");
        let gone = folder.path().join("o-mang");
        let e = send_to_desk(&s.store, &s.files, &[a.id], &gone, "Lan", |_| {});
        assert_eq!(e.unwrap_err().code(), "io");
    }

    #[test]
    fn an_imported_bundle_is_no_longer_waiting_here() {
        let folder = tempfile::tempdir().unwrap();
        let mut s = sender();
        watch(&mut s.store, folder.path());
        let a = s.store.create(NewArticle::default(), "Hùng").unwrap();
        send_to_my_desk(&s.store, &s.files, &[a.id], "Lan", |_| {}).unwrap();

        let dir = tempfile::tempdir().unwrap();
        let mut lan = Store::open_in_memory().unwrap();
        let files = PhotoFiles::open(dir.path()).unwrap();
        let limits = Limits::default();
        assert!(
            waiting_here(&lan, &limits).unwrap().is_empty(),
            "no profile, no folder"
        );
        lan.add_profile("Lan", ProfileRole::Reporter).unwrap();
        lan.use_profile("Lan").unwrap();
        assert!(waiting_here(&lan, &limits).unwrap().is_empty(), "no folder");
        watch(&mut lan, folder.path());
        let w = waiting_here(&lan, &limits).unwrap();
        assert_eq!(w.len(), 1);
        crate::import(&mut lan, &files, Path::new(&w[0].path), &limits, |_| {}).unwrap();
        assert!(lan.bundle_received(&w[0].key).unwrap());
        assert!(waiting_here(&lan, &limits).unwrap().is_empty());
    }

    /// Issue 9: a bundle that brings nothing new (its articles came in another bundle)
    /// was offered again at every start when it was only previewed, never imported.
    #[test]
    fn issue_9_a_previewed_bundle_that_changes_nothing_is_no_longer_waiting() {
        let folder = tempfile::tempdir().unwrap();
        let mut s = sender();
        watch(&mut s.store, folder.path());
        let a = s.store.create(NewArticle::default(), "Hùng").unwrap();
        let Desk {
            store: mut lan,
            files,
            _dir,
        } = desk("Lan", ProfileRole::Reporter);
        let limits = Limits::default();
        watch(&mut lan, folder.path());

        // The first bundle brings the article: previewing it remembers nothing.
        send_to_my_desk(&s.store, &s.files, &[a.id], "Lan", |_| {}).unwrap();
        let first = waiting_here(&lan, &limits).unwrap();
        assert_eq!(first.len(), 1);
        let p = crate::preview(&mut lan, Path::new(&first[0].path), &limits).unwrap();
        assert!(!p.changes_nothing);
        assert_eq!(waiting_here(&lan, &limits).unwrap(), first, "still waiting");
        crate::import(&mut lan, &files, Path::new(&first[0].path), &limits, |_| {}).unwrap();

        // The same article sent again, unchanged: a new bundle that brings nothing.
        send_to_my_desk(&s.store, &s.files, &[a.id], "Lan", |_| {}).unwrap();
        let second = waiting_here(&lan, &limits).unwrap();
        assert_eq!(second.len(), 1);
        assert_ne!(second[0].key, first[0].key);
        let p = crate::preview(&mut lan, Path::new(&second[0].path), &limits).unwrap();
        assert!(p.changes_nothing);
        assert!(lan.bundle_received(&second[0].key).unwrap());
        assert!(waiting_here(&lan, &limits).unwrap().is_empty());
    }

    #[test]
    fn a_folder_that_is_not_there_is_an_error() {
        let folder = tempfile::tempdir().unwrap();
        let gone = folder.path().join("o-mang");
        let e = waiting(&gone, "Lan", |_| false, &Limits::default()).unwrap_err();
        assert_eq!(e.code(), "io");
    }

    #[test]
    fn the_key_follows_the_manifest() {
        let folder = tempfile::tempdir().unwrap();
        let mut s = sender();
        let a = send(&mut s, folder.path(), "a", Some("Lan"));
        let b = send(&mut s, folder.path(), "b", Some("Lan"));
        let limits = Limits::default();
        let (ma, mb) = (
            Bundle::peek(&a, &limits).unwrap(),
            Bundle::peek(&b, &limits).unwrap(),
        );
        assert_eq!(bundle_key(&ma), bundle_key(&ma.clone()));
        assert_ne!(bundle_key(&ma), bundle_key(&mb));
        assert_eq!(bundle_key(&ma).len(), 64);
    }
}
