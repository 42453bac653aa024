//! Plain-text helpers shared by the model: Unicode normalisation and counting.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The text in Unicode NFC, the form every stored string is kept in
/// (Vietnamese typed on some systems arrives decomposed, NFD).
pub fn nfc(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// Whether the text is already NFC.
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// Number of words as a Vietnamese editor counts them: runs of letters or digits
/// separated by white space (each syllable of Vietnamese is a word here).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Text folded for matching as a Vietnamese reader expects: lower case, diacritics
/// removed and `đ` read as `d`, so `nguyen van hung` finds `Nguyễn Văn Hùng`.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Number of characters (Unicode scalar values after NFC).
pub fn char_count(s: &str) -> usize {
    nfc(s).chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        let nfd: String = "Đà Nẵng".nfd().collect();
        assert_ne!(nfd, "Đà Nẵng");
        assert_eq!(nfc(&nfd), "Đà Nẵng");
        assert!(is_nfc(&nfc(&nfd)));
    }

    #[test]
    fn folding_for_matching() {
        for (text, want) in [
            ("Nguyễn Văn Hùng", "nguyen van hung"),
            ("ĐÀ NẴNG", "da nang"),
            ("Quảng Trị", "quang tri"),
        ] {
            assert_eq!(fold(text), want);
            assert_eq!(fold(&text.nfd().collect::<String>()), want);
        }
    }

    #[test]
    fn counts() {
        for (text, words, chars) in [
            ("", 0, 0),
            ("Đà Nẵng", 2, 7),
            ("  Quảng   Trị - 2017 ", 3, 21),
            ("“Việc”, nói.", 2, 12),
        ] {
            assert_eq!(word_count(text), words, "{text:?}");
            assert_eq!(char_count(text), chars, "{text:?}");
        }
    }
}
