//! An optional hunspell dictionary read with the pure-Rust `spellbook` crate. The project
//! never ships one: Debian's `hunspell-vi` (GPL) is used when it is installed.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// Where Debian's `hunspell-vi` puts the Vietnamese dictionary (without extension).
pub const SYSTEM_DICTIONARY: &str = "/usr/share/hunspell/vi_VN";

/// A loaded hunspell dictionary of Vietnamese syllables.
pub struct Dictionary {
    inner: spellbook::Dictionary,
    /// Whether the dictionary spells oa/oe/uy the new way (`hoà`), as hunspell-vi does.
    pub new_style: bool,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("new_style", &self.new_style)
            .finish_non_exhaustive()
    }
}

impl Dictionary {
    /// Loads `<base>.aff` and `<base>.dic`.
    pub fn load(base: &Path) -> Result<Dictionary> {
        let aff_path = base.with_extension("aff");
        let dic_path = base.with_extension("dic");
        let read = |p: &PathBuf| {
            std::fs::read_to_string(p).map_err(|e| Error::Dictionary {
                path: p.display().to_string(),
                message: e.to_string(),
            })
        };
        let aff = read(&aff_path)?;
        let dic = read(&dic_path)?;
        let inner = spellbook::Dictionary::new(&aff, &dic).map_err(|e| Error::Dictionary {
            path: dic_path.display().to_string(),
            message: e.to_string(),
        })?;
        let new_style = inner.check("hoà") || !inner.check("hòa");
        Ok(Dictionary { inner, new_style })
    }

    /// The system dictionary, loaded once per process; `None` when it is not installed
    /// or cannot be read.
    pub fn system() -> Option<&'static Dictionary> {
        static SYSTEM: OnceLock<Option<Dictionary>> = OnceLock::new();
        SYSTEM
            .get_or_init(|| Dictionary::load(Path::new(SYSTEM_DICTIONARY)).ok())
            .as_ref()
    }

    /// Whether the word is spelt correctly.
    pub fn check(&self, word: &str) -> bool {
        self.inner.check(word)
    }

    /// Up to `max` likely corrections.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.inner.suggest(word, &mut out);
        out.truncate(max);
        out
    }
}
