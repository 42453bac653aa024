//! The house settings the proofing rules read: tone-mark style, quote style and the
//! newsroom's editable lists. The app passes this as JSON; every field has a default.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::finding::Rule;

/// Where the tone mark goes on the open diphthongs oa, oe, uy: both are correct Vietnamese,
/// the house picks one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ToneStyle {
    /// Old placement: `hòa`, `khỏe`, `Ủy`.
    Old,
    /// New placement: `hoà`, `khoẻ`, `Uỷ`.
    New,
    /// No house preference: only flag the minority style when an article mixes both.
    Consistent,
}

/// Which quotation marks the house uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum QuoteStyle {
    /// Curly quotes “ ”: straight `"` is flagged.
    Curly,
    /// Straight quotes `"`: curly “ ” are flagged.
    Straight,
    /// Either: quotes are not checked for shape.
    Any,
}

/// Proofing settings. Missing fields in JSON take their defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, rename = "ProofConfig")]
pub struct Config {
    /// House tone-mark placement.
    pub tone_style: ToneStyle,
    /// House quotation marks.
    pub quote_style: QuoteStyle,
    /// Words that are genuinely repeated in Vietnamese (`từ từ`), not flagged as doubled.
    pub reduplications: Vec<String>,
    /// The newsroom word list: names, places, loanwords. Never flagged by the syllable or
    /// dictionary rules; multi-word entries add each of their words.
    pub newsroom_words: Vec<String>,
    /// Abbreviations readers know without a spelled-out form (UBND, HĐND…).
    pub known_abbreviations: Vec<String>,
    /// Rules switched off for this newsroom.
    pub disabled_rules: Vec<Rule>,
    /// Look syllables up in the system hunspell dictionary when one is installed.
    pub use_system_dictionary: bool,
    /// Stop after this many findings, so that junk input cannot exhaust memory.
    pub max_findings: u32,
}

/// Genuine reduplications that are not typing mistakes.
pub const DEFAULT_REDUPLICATIONS: &[&str] = &[
    "từ từ",
    "ngày ngày",
    "người người",
    "nhà nhà",
    "đâu đâu",
    "xa xa",
    "dần dần",
    "luôn luôn",
    "mãi mãi",
    "đời đời",
    "thường thường",
    "lâu lâu",
    "năm năm",
    "tháng tháng",
    "hàng hàng",
    "lớp lớp",
    "đêm đêm",
    "chiều chiều",
    "sáng sáng",
    "trưa trưa",
    "tối tối",
    "vâng vâng",
    "thôi thôi",
    "ai ai",
    "gì gì",
    "đi đi",
    "là là",
    "ầm ầm",
    "ào ào",
    "ùn ùn",
    "vù vù",
    "đùng đùng",
    "rầm rầm",
    "khư khư",
    "sờ sờ",
    "lăm lăm",
    "cao cao",
    "xanh xanh",
    "đỏ đỏ",
    "ngà ngà",
    "chầm chậm",
    "nhiều nhiều",
    "mỗi mỗi",
    "ngồi ngồi",
    "bao bao",
    "cuồn cuộn",
    "chung chung",
    "vừa vừa",
    "nho nhỏ",
    "hơi hơi",
    "to to",
    "bé bé",
    "rất rất",
    "đều đều",
    "đâu đâu",
    "tà tà",
    "phà phà",
    "hà hà",
    "ha ha",
    "hi hi",
    "ồ ồ",
    "ừ ừ",
    "ờ ờ",
    "tí tí",
    "song song",
    "khăng khăng",
    "chằm chằm",
    "đăm đăm",
    "chăm chăm",
    "hăm hăm",
    "hằm hằm",
    "oang oang",
    "ong ong",
    "lù lù",
    "lừ lừ",
    "bon bon",
    "rần rần",
    "phăm phăm",
    "xăm xăm",
    "khà khà",
    "hì hì",
];

/// Abbreviations every reader of a Vietnamese daily knows.
pub const DEFAULT_ABBREVIATIONS: &[&str] = &[
    "UBND", "HĐND", "MTTQ", "TP", "HCM", "TPHCM", "THPT", "THCS", "CSGT", "GDP", "USD", "VND",
    "ASEAN", "WHO", "UNESCO", "FIFA", "AFF", "SEA", "TV", "PGS", "TS", "GS", "BS", "CEO", "ATM",
    "AI", "IT", "CNTT", "ĐH", "ĐBQH", "BHXH", "BHYT", "COVID", "SARS", "CoV", "PV", "VN", "LHQ",
    "EU", "UN", "NATO", "APEC", "WTO", "IMF", "GPS", "SMS", "PC", "VTV", "VOV", "TTXVN", "HLV",
    "CLB", "ĐT", "QL", "KCN", "CP", "TNHH", "BOT", "ODA", "FDI", "CPI", "SEA", "OCOP", "ThS",
    "KTS", "NSND", "NSƯT", "THVN", "TNXP", "CAND", "QĐND", "VFF", "UEFA", "KHXH", "PCCC", "CNH",
    "HĐH", "XHCN", "CHXHCN", "CHDCND", "ĐBSCL", "APT", "PET", "CT", "MRI", "DNA", "PCR", "IELTS",
    "TOEFL", "ISO", "SIM", "SOS", "OK", "MC", "DJ", "NXB", "ĐSQ",
];

/// Loanwords and units common in Vietnamese news that the syllable rules would otherwise flag;
/// built in, in addition to the newsroom words.
pub const BUILTIN_WORDS: &[&str] = &[
    // Stop-final loanwords whose Vietnamese look-alikes are rare; "hop", "set", "net", "bit",
    // "tip", "cup" and "hip" are left out on purpose (họp, sét, nét, bít, típ, cúp, híp).
    "top",
    "hot",
    "chat",
    "chip",
    "pop",
    "rap",
    "test",
    "rock",
    "blog",
    "club",
    "container",
    "marketing",
    "online",
    "offline",
    "internet",
    "video",
    "camera",
    "taxi",
    "euro",
    "email",
    "game",
    "show",
    "logo",
    "laptop",
    "startup",
    "smartphone",
    "robot",
    "ok",
    "stress",
    "style",
    "fan",
    "clip",
    "app",
    "web",
    "website",
    "livestream",
    "karaoke",
    "piano",
    "guitar",
    "radio",
    "studio",
    "album",
    "tour",
    "golf",
    "tennis",
    "visa",
    "menu",
    "pizza",
    "sandwich",
    "hamburger",
    "selfie",
    "trend",
    "blockchain",
    "bitcoin",
    "startup",
    "pin",
    "vaccine",
    "vắc",
    "xin",
    "oxy",
    "mét",
    "ki",
    "lô",
    "gam",
];

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            tone_style: ToneStyle::Old,
            quote_style: QuoteStyle::Curly,
            reduplications: owned(DEFAULT_REDUPLICATIONS),
            newsroom_words: Vec::new(),
            known_abbreviations: owned(DEFAULT_ABBREVIATIONS),
            disabled_rules: Vec::new(),
            use_system_dictionary: true,
            max_findings: 10_000,
        }
    }
}

impl Config {
    /// Whether a rule is switched on.
    pub fn enabled(&self, rule: Rule) -> bool {
        !self.disabled_rules.contains(&rule)
    }
}
