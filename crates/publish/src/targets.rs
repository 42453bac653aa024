//! Adding, changing and removing publish targets: the row in the store and the password
//! where it is kept (keyring or vault). The CLI and the app both go through here.

use newsdesk_store::{PublishTarget, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::secret::Secrets;
use crate::{Error, Result};

/// A target as the user types it in (no password: that is passed apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TargetInput {
    pub name: String,
    /// The site's base address (`https://example.vn`).
    pub url: String,
    pub user: String,
    /// The kind of site: `wordpress`.
    pub kind: String,
}

/// What saving a target did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TargetSaved {
    pub target: PublishTarget,
    /// Why no keyring was used, when the password went to the vault file instead.
    pub no_keyring: Option<String>,
}

/// Where passwords go on this machine, for telling the user before asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SecretPlace {
    /// Why no keyring answers; `None` when one does.
    pub no_keyring: Option<String>,
    /// The password-protected file used instead.
    pub vault_path: String,
    /// Whether a vault password is known to this process.
    pub vault_unlocked: bool,
}

/// The site address as stored: trimmed, without a trailing slash, http(s) only.
pub fn normalise_url(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/').to_owned();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.chars().any(char::is_whitespace) => Ok(url),
        _ => Err(Error::BadUrl(url)),
    }
}

/// Adds a target or changes one. A `password` is stored (keyring, else vault); without
/// one the target must exist already and keeps its password.
pub fn save_target(
    store: &mut Store,
    secrets: &Secrets,
    input: &TargetInput,
    password: Option<&str>,
) -> Result<TargetSaved> {
    let kind = match input.kind.as_str() {
        "" | "wordpress" => "wordpress",
        other => {
            return Err(Error::Rejected {
                status: 0,
                message: format!("unknown kind of target '{other}'"),
            })
        }
    };
    let url = normalise_url(&input.url)?;
    let name = input.name.trim().to_owned();
    let existing = store.targets()?.into_iter().find(|t| t.name == name);
    let (secret_store, no_keyring) = match password.filter(|p| !p.is_empty()) {
        Some(p) => {
            let (backend, why) = secrets.store(&name, p)?;
            (backend.as_str().to_owned(), why)
        }
        None => match &existing {
            Some(t) => (t.secret_store.clone(), None),
            None => return Err(Error::NoPassword(name)),
        },
    };
    let target = PublishTarget {
        name,
        kind: kind.into(),
        url,
        user: input.user.trim().to_owned(),
        secret_store,
        created_at: existing
            .map(|t| t.created_at)
            .unwrap_or_else(newsdesk_core::time::now),
    };
    store.put_target(&target)?;
    Ok(TargetSaved { target, no_keyring })
}

/// Removes a target, its record of remote posts and media, and its stored password.
pub fn remove_target(store: &mut Store, secrets: &Secrets, name: &str) -> Result<()> {
    store.remove_target(name)?;
    secrets.remove(name)
}

/// Where a new password would go.
pub fn secret_place(secrets: &Secrets) -> SecretPlace {
    SecretPlace {
        no_keyring: secrets.keyring_available().err(),
        vault_path: secrets.vault_path().display().to_string(),
        vault_unlocked: secrets.has_vault_password(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Backend;

    fn input(name: &str, url: &str) -> TargetInput {
        TargetInput {
            name: name.into(),
            url: url.into(),
            user: " editor ".into(),
            kind: "wordpress".into(),
        }
    }

    #[test]
    fn addresses_are_checked_and_tidied() {
        for (given, want) in [
            ("https://example.vn/", Some("https://example.vn")),
            (" http://127.0.0.1:8080 ", Some("http://127.0.0.1:8080")),
            ("ftp://example.vn", None),
            ("example.vn", None),
            ("https://", None),
            ("https://a b", None),
        ] {
            assert_eq!(normalise_url(given).ok().as_deref(), want, "{given}");
        }
    }

    #[test]
    fn a_target_is_saved_changed_without_a_new_password_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Secrets::new(dir.path(), Some("kho".into()), true);
        let mut store = Store::open_in_memory().unwrap();
        let err = save_target(&mut store, &secrets, &input("web", "https://a.vn"), None);
        assert_eq!(err.unwrap_err().code(), "no_password");
        let saved = save_target(
            &mut store,
            &secrets,
            &input("web", "https://a.vn/"),
            Some("pw 1"),
        )
        .unwrap();
        assert_eq!(saved.target.secret_store, "vault");
        assert_eq!(saved.target.user, "editor");
        assert!(saved.no_keyring.is_some());
        let changed =
            save_target(&mut store, &secrets, &input("web", "https://b.vn"), None).unwrap();
        assert_eq!(changed.target.url, "https://b.vn");
        assert_eq!(changed.target.created_at, saved.target.created_at);
        assert_eq!(secrets.load("web", Backend::Vault).unwrap(), "pw 1");
        let bad = save_target(&mut store, &secrets, &input("web", "b.vn"), None);
        assert_eq!(bad.unwrap_err().code(), "bad_url");
        remove_target(&mut store, &secrets, "web").unwrap();
        assert!(store.targets().unwrap().is_empty());
        assert_eq!(
            secrets.load("web", Backend::Vault).unwrap_err().code(),
            "no_password"
        );
    }

    #[test]
    fn without_a_vault_password_a_vault_target_is_refused_and_nothing_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Secrets::new(dir.path(), None, true);
        let mut store = Store::open_in_memory().unwrap();
        let place = secret_place(&secrets);
        assert!(place.no_keyring.is_some());
        assert!(!place.vault_unlocked);
        let err = save_target(
            &mut store,
            &secrets,
            &input("web", "https://a.vn"),
            Some("p"),
        );
        assert_eq!(err.unwrap_err().code(), "no_vault_password");
        assert!(store.targets().unwrap().is_empty());
    }
}
