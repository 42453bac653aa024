//! Where targets' application passwords are kept: the OS keyring (Secret Service on
//! Linux, through the `keyring` crate), or — where no keyring answers, as on a machine
//! without a desktop session — `secrets.vault` in the data folder: each password sealed
//! with XChaCha20-Poly1305 under a key derived from the vault password by Argon2id.
//! Never in plain text in the database, the logs or an export.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use argon2::Argon2;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The keyring service name the passwords are filed under.
pub const SERVICE: &str = "newsdesk";
/// The vault file in the data folder.
pub const VAULT_FILE: &str = "secrets.vault";

/// Where a password is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Keyring,
    Vault,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Keyring => "keyring",
            Backend::Vault => "vault",
        }
    }

    pub fn parse(s: &str) -> Option<Backend> {
        match s {
            "keyring" => Some(Backend::Keyring),
            "vault" => Some(Backend::Vault),
            _ => None,
        }
    }
}

/// The passwords of a data folder.
pub struct Secrets {
    data_dir: PathBuf,
    vault_password: Option<String>,
    prefer_vault: bool,
}

impl Secrets {
    /// `vault_password` opens the vault file when it is used; `prefer_vault` skips the
    /// keyring (set `NEWSDESK_SECRET_STORE=vault` at the front ends).
    pub fn new(data_dir: &Path, vault_password: Option<String>, prefer_vault: bool) -> Secrets {
        Secrets {
            data_dir: data_dir.to_owned(),
            vault_password,
            prefer_vault,
        }
    }

    /// The vault file's path.
    pub fn vault_path(&self) -> PathBuf {
        self.data_dir.join(VAULT_FILE)
    }

    /// Whether a keyring answers. `Err` carries why not, for telling the user.
    pub fn keyring_available(&self) -> std::result::Result<(), String> {
        if self.prefer_vault {
            return Err("NEWSDESK_SECRET_STORE=vault".into());
        }
        let entry = keyring::Entry::new(SERVICE, "probe").map_err(|e| e.to_string())?;
        match entry.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Stores `password` for `target`: in the keyring when one answers, else in the
    /// vault. Returns where, and why not the keyring when it was not used.
    pub fn store(&self, target: &str, password: &str) -> Result<(Backend, Option<String>)> {
        match self.keyring_available() {
            Ok(()) => {
                let entry = keyring::Entry::new(SERVICE, &account(target))
                    .map_err(|e| Error::Keyring(e.to_string()))?;
                match entry.set_password(password) {
                    Ok(()) => Ok((Backend::Keyring, None)),
                    Err(e) => {
                        self.vault_put(target, password)?;
                        Ok((Backend::Vault, Some(e.to_string())))
                    }
                }
            }
            Err(why) => {
                self.vault_put(target, password)?;
                Ok((Backend::Vault, Some(why)))
            }
        }
    }

    /// The password of `target` from where it was stored.
    pub fn load(&self, target: &str, backend: Backend) -> Result<String> {
        match backend {
            Backend::Keyring => {
                let entry = keyring::Entry::new(SERVICE, &account(target))
                    .map_err(|e| Error::Keyring(e.to_string()))?;
                match entry.get_password() {
                    Ok(p) => Ok(p),
                    Err(keyring::Error::NoEntry) => Err(Error::NoPassword(target.to_owned())),
                    Err(e) => Err(Error::NoKeyring(e.to_string())),
                }
            }
            Backend::Vault => self
                .vault_read()?
                .get(target)
                .cloned()
                .ok_or_else(|| Error::NoPassword(target.to_owned())),
        }
    }

    /// Forgets the password of `target` (both places; missing is fine).
    pub fn remove(&self, target: &str) -> Result<()> {
        if self.keyring_available().is_ok() {
            if let Ok(entry) = keyring::Entry::new(SERVICE, &account(target)) {
                let _ = entry.delete_credential();
            }
        }
        if self.vault_path().exists() {
            let mut all = self.vault_read()?;
            if all.remove(target).is_some() {
                self.vault_write(&all)?;
            }
        }
        Ok(())
    }

    /// Whether a vault password was given.
    pub fn has_vault_password(&self) -> bool {
        self.vault_password
            .as_deref()
            .is_some_and(|p| !p.is_empty())
    }

    /// Checks the vault password against the vault file, when there is one (a wrong
    /// password is `VaultPassword`); with no file yet any password is accepted.
    pub fn check_vault(&self) -> Result<()> {
        self.password()?;
        if self.vault_path().exists() {
            self.vault_read()?;
        }
        Ok(())
    }

    fn password(&self) -> Result<&str> {
        self.vault_password
            .as_deref()
            .filter(|p| !p.is_empty())
            .ok_or(Error::NoVaultPassword)
    }

    fn vault_put(&self, target: &str, secret: &str) -> Result<()> {
        let mut all = if self.vault_path().exists() {
            self.vault_read()?
        } else {
            BTreeMap::new()
        };
        all.insert(target.to_owned(), secret.to_owned());
        self.vault_write(&all)
    }

    fn vault_read(&self) -> Result<BTreeMap<String, String>> {
        let path = self.vault_path();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
            Err(e) => return Err(Error::io(format!("cannot read {}", path.display()), e)),
        };
        let file: VaultFile = serde_json::from_str(&text).map_err(|_| Error::VaultPassword)?;
        let salt = B64.decode(&file.salt).map_err(|_| Error::VaultPassword)?;
        let cipher = cipher(self.password()?, &salt, &file.kdf)?;
        let mut out = BTreeMap::new();
        for (name, sealed) in file.entries {
            let nonce = B64
                .decode(&sealed.nonce)
                .map_err(|_| Error::VaultPassword)?;
            let data = B64.decode(&sealed.data).map_err(|_| Error::VaultPassword)?;
            if nonce.len() != 24 {
                return Err(Error::VaultPassword);
            }
            let plain = cipher
                .decrypt(
                    XNonce::from_slice(&nonce),
                    Payload {
                        msg: &data,
                        aad: name.as_bytes(),
                    },
                )
                .map_err(|_| Error::VaultPassword)?;
            out.insert(
                name,
                String::from_utf8(plain).map_err(|_| Error::VaultPassword)?,
            );
        }
        Ok(out)
    }

    fn vault_write(&self, all: &BTreeMap<String, String>) -> Result<()> {
        let mut rng = rand::rng();
        let mut salt = [0u8; 16];
        rng.fill_bytes(&mut salt);
        let kdf = Kdf::default();
        let cipher = cipher(self.password()?, &salt, &kdf)?;
        let mut entries = BTreeMap::new();
        for (name, secret) in all {
            let mut nonce = [0u8; 24];
            rng.fill_bytes(&mut nonce);
            let data = cipher
                .encrypt(
                    XNonce::from_slice(&nonce),
                    Payload {
                        msg: secret.as_bytes(),
                        aad: name.as_bytes(),
                    },
                )
                .map_err(|_| Error::VaultPassword)?;
            entries.insert(
                name.clone(),
                Sealed {
                    nonce: B64.encode(nonce),
                    data: B64.encode(data),
                },
            );
        }
        let file = VaultFile {
            format: "newsdesk-vault-1".into(),
            kdf,
            salt: B64.encode(salt),
            entries,
        };
        let path = self.vault_path();
        let tmp = path.with_extension("vault.tmp");
        let text = serde_json::to_string_pretty(&file).expect("the vault serialises");
        write_private(&tmp, text.as_bytes())
            .and_then(|()| fs::rename(&tmp, &path))
            .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
    }
}

fn account(target: &str) -> String {
    format!("target:{target}")
}

#[derive(Serialize, Deserialize)]
struct VaultFile {
    format: String,
    kdf: Kdf,
    salt: String,
    entries: BTreeMap<String, Sealed>,
}

#[derive(Serialize, Deserialize)]
struct Sealed {
    nonce: String,
    data: String,
}

/// Argon2id parameters, kept in the file so they can be raised later.
#[derive(Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
}

impl Default for Kdf {
    fn default() -> Kdf {
        Kdf {
            algorithm: "argon2id".into(),
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1,
        }
    }
}

fn cipher(password: &str, salt: &[u8], kdf: &Kdf) -> Result<XChaCha20Poly1305> {
    if kdf.algorithm != "argon2id" {
        return Err(Error::VaultPassword);
    }
    let params = argon2::Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
        .map_err(|_| Error::VaultPassword)?;
    let argon = Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = [0u8; 32];
    argon
        .hash_password_into(password.as_bytes(), salt, &mut key)
        .map_err(|_| Error::VaultPassword)?;
    XChaCha20Poly1305::new_from_slice(&key).map_err(|_| Error::VaultPassword)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vault_keeps_passwords_sealed_and_refuses_a_wrong_password() {
        let d = tempfile::tempdir().unwrap();
        let s = Secrets::new(d.path(), Some("mật khẩu kho".into()), true);
        let (backend, why) = s.store("web", "abcd EFGH ijkl").unwrap();
        assert_eq!(backend, Backend::Vault);
        assert!(why.unwrap().contains("NEWSDESK_SECRET_STORE"));
        s.store("en", "second").unwrap();
        assert_eq!(s.load("web", Backend::Vault).unwrap(), "abcd EFGH ijkl");
        assert_eq!(s.load("en", Backend::Vault).unwrap(), "second");
        let raw = fs::read_to_string(s.vault_path()).unwrap();
        assert!(
            !raw.contains("abcd EFGH"),
            "the password is not in the file in clear"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(s.vault_path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let wrong = Secrets::new(d.path(), Some("sai".into()), true);
        assert_eq!(
            wrong.load("web", Backend::Vault).unwrap_err().code(),
            "vault_password"
        );
        let none = Secrets::new(d.path(), None, true);
        assert_eq!(
            none.load("web", Backend::Vault).unwrap_err().code(),
            "no_vault_password"
        );
        s.remove("web").unwrap();
        assert_eq!(
            s.load("web", Backend::Vault).unwrap_err().code(),
            "no_password"
        );
        assert_eq!(s.load("en", Backend::Vault).unwrap(), "second");
    }

    #[test]
    fn a_tampered_vault_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let s = Secrets::new(d.path(), Some("k".into()), true);
        s.store("web", "secret").unwrap();
        let raw = fs::read_to_string(s.vault_path()).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&raw).unwrap();
        // Move the sealed password under another name: the name is authenticated.
        let sealed = v["entries"]["web"].take();
        v["entries"]["other"] = sealed;
        v["entries"].as_object_mut().unwrap().remove("web");
        fs::write(s.vault_path(), v.to_string()).unwrap();
        assert_eq!(
            s.load("other", Backend::Vault).unwrap_err().code(),
            "vault_password"
        );
    }

    #[test]
    fn without_a_session_bus_the_keyring_says_why_and_the_vault_is_used() {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
            eprintln!("skipped: a session bus is present, the keyring may answer");
            return;
        }
        let d = tempfile::tempdir().unwrap();
        let s = Secrets::new(d.path(), Some("k".into()), false);
        let why = s.keyring_available().unwrap_err();
        assert!(!why.is_empty());
        let (backend, reason) = s.store("web", "p").unwrap();
        assert_eq!(backend, Backend::Vault);
        assert!(reason.is_some());
        assert_eq!(s.load("web", Backend::Vault).unwrap(), "p");
    }
}
