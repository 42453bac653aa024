//! Vietnamese proofing for Newsdesk: the rules a copy editor applies by eye — possible
//! syllables, tone marks, house tone style, typography, abbreviations, encodings — as one
//! pure function, [`proof`], fast enough to run on every pause in typing. Also the
//! legacy-encoding converter the app calls on paste and import ([`to_unicode`]).
//!
//! Rule ids are documented in this crate's README.md.

pub mod abbreviation;
pub mod config;
pub mod dictionary;
pub mod encoding;
pub mod error;
pub mod finding;
mod sink;
pub mod syllable;
pub mod typography;
pub mod words;

#[cfg(test)]
mod tests;

pub use config::{Config, QuoteStyle, ToneStyle};
pub use dictionary::Dictionary;
pub use encoding::{detect, to_unicode, Converted, SourceEncoding};
pub use error::{Error, Result};
pub use finding::{Finding, Rule, Severity, Span};

/// Proofs `text` with the house settings, using the system hunspell dictionary when
/// `config.use_system_dictionary` is on and one is installed. Findings are sorted by position.
pub fn proof(text: &str, config: &Config) -> Vec<Finding> {
    let dict = if config.use_system_dictionary {
        Dictionary::system()
    } else {
        None
    };
    proof_with(text, config, dict)
}

/// Proofs `text` with an explicit dictionary (or none).
pub fn proof_with(text: &str, config: &Config, dict: Option<&Dictionary>) -> Vec<Finding> {
    let mut sink = sink::Sink::new(config);
    words::check(text, config, dict, &mut sink);
    typography::check(text, config, &mut sink);
    abbreviation::check(text, config, &mut sink);
    sink.finish(text)
}
