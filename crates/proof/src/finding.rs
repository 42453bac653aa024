//! What a proofing rule reports: the [`Finding`], its [`Rule`] id, [`Severity`] and exact [`Span`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every rule the proofing engine knows. The serialised id (`syllable-stop-tone`, …) is a stable
/// public name: the editor, the CLI's JSON lines and the house settings use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, rename = "ProofRule")]
pub enum Rule {
    /// Letters that cannot form a Vietnamese syllable (`nguoi`, `truog`).
    SyllableInvalid,
    /// A syllable ending in p, t, c or ch without sắc or nặng (`nghiêp`).
    SyllableStopTone,
    /// Spelling of the onset: k/gh/ngh only before e, ê, i, y; c/g/ng not before them; q only as qu.
    SyllableSpelling,
    /// The tone mark sits on the wrong vowel (`tòan` for `toàn`).
    SyllableTonePosition,
    /// A syllable the installed hunspell dictionary and the newsroom words do not know.
    DictionaryUnknown,
    /// Old (`hòa`) or new (`hoà`) tone placement that differs from the house style.
    ToneStyle,
    /// A space before , . ; : ! ?
    SpaceBeforePunctuation,
    /// No space after , . ; : ! ? before the next word.
    SpaceAfterPunctuation,
    /// A space just inside quotation marks (`“ Việc`).
    SpaceInsideQuotes,
    /// A space just inside brackets (`( abc )`).
    SpaceInsideBrackets,
    /// Straight quotes where the house wants “ ” (or the reverse).
    StraightQuotes,
    /// Two or more spaces in a row.
    DoubleSpace,
    /// The same word twice in a row (`các các`), outside the reduplication allow-list.
    DoubledWord,
    /// An abbreviation used before it is spelled out as `Full name (ABBR)`.
    AbbreviationUndefined,
    /// Decomposed (NFD) Vietnamese: base letters followed by combining marks.
    EncodingNfd,
    /// Text left in a legacy 8-bit Vietnamese encoding (TCVN3/ABC or VNI).
    EncodingLegacy,
}

impl Rule {
    /// All rules, in documentation order.
    pub const ALL: [Rule; 16] = [
        Rule::SyllableInvalid,
        Rule::SyllableStopTone,
        Rule::SyllableSpelling,
        Rule::SyllableTonePosition,
        Rule::DictionaryUnknown,
        Rule::ToneStyle,
        Rule::SpaceBeforePunctuation,
        Rule::SpaceAfterPunctuation,
        Rule::SpaceInsideQuotes,
        Rule::SpaceInsideBrackets,
        Rule::StraightQuotes,
        Rule::DoubleSpace,
        Rule::DoubledWord,
        Rule::AbbreviationUndefined,
        Rule::EncodingNfd,
        Rule::EncodingLegacy,
    ];

    /// The stable id, as serialised (`syllable-stop-tone`).
    pub fn id(self) -> &'static str {
        match self {
            Rule::SyllableInvalid => "syllable-invalid",
            Rule::SyllableStopTone => "syllable-stop-tone",
            Rule::SyllableSpelling => "syllable-spelling",
            Rule::SyllableTonePosition => "syllable-tone-position",
            Rule::DictionaryUnknown => "dictionary-unknown",
            Rule::ToneStyle => "tone-style",
            Rule::SpaceBeforePunctuation => "space-before-punctuation",
            Rule::SpaceAfterPunctuation => "space-after-punctuation",
            Rule::SpaceInsideQuotes => "space-inside-quotes",
            Rule::SpaceInsideBrackets => "space-inside-brackets",
            Rule::StraightQuotes => "straight-quotes",
            Rule::DoubleSpace => "double-space",
            Rule::DoubledWord => "doubled-word",
            Rule::AbbreviationUndefined => "abbreviation-undefined",
            Rule::EncodingNfd => "encoding-nfd",
            Rule::EncodingLegacy => "encoding-legacy",
        }
    }

    /// How serious a finding of this rule is.
    pub fn severity(self) -> Severity {
        match self {
            Rule::SyllableStopTone
            | Rule::SyllableSpelling
            | Rule::SyllableTonePosition
            | Rule::EncodingNfd
            | Rule::EncodingLegacy
            | Rule::DoubledWord => Severity::Error,
            Rule::SyllableInvalid
            | Rule::DictionaryUnknown
            | Rule::ToneStyle
            | Rule::SpaceBeforePunctuation
            | Rule::SpaceAfterPunctuation
            | Rule::SpaceInsideQuotes
            | Rule::SpaceInsideBrackets
            | Rule::AbbreviationUndefined => Severity::Warning,
            Rule::StraightQuotes | Rule::DoubleSpace => Severity::Info,
        }
    }
}

/// How serious a finding is; the editor underlines by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, rename = "ProofSeverity")]
pub enum Severity {
    /// Certainly wrong: must be fixed before publishing.
    Error,
    /// Probably wrong: a copy editor should look.
    Warning,
    /// House style or cosmetics.
    Info,
}

/// Where a finding is in the text, in every unit a caller may need: UTF-8 bytes (Rust),
/// Unicode scalar values (the editor), and 1-based line and column (people and the CLI).
/// `end`/`end_char` are exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ProofSpan")]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Offset in characters (Unicode scalar values) of the first character.
    pub start_char: usize,
    /// Offset in characters one past the last character.
    pub end_char: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in characters) of the start.
    pub column: usize,
}

/// One problem found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ProofFinding")]
pub struct Finding {
    /// Which rule found it.
    pub rule: Rule,
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub span: Span,
    /// The flagged text (exactly `text[span.start..span.end]`).
    pub text: String,
    /// What is wrong, in Vietnamese.
    pub message_vi: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// Replacements for the span, best first (may be empty).
    pub suggestions: Vec<String>,
    /// The replacement when it is certain: the editor offers it as a one-click fix.
    pub fix: Option<String>,
}
