//! Folding Vietnamese text for search: the two keys a word is indexed and looked up by.
//!
//! - [`fold`]: the loose key. NFC, lower case, every tone mark and letter diacritic
//!   removed, `đ`/`Đ` → `d`. A reporter typing `da nang` finds `Đà Nẵng`.
//! - [`exact`]: the strict key. NFC, lower case, diacritics kept, but the tone mark of each
//!   syllable put in one canonical place, so the old style (`hòa`, `thúy`) and the new
//!   style (`hoà`, `thuý`) are the same word. Search ranks matches on this key first.
//!
//! Both work on any text (a sentence, a name, a query); words that are not Vietnamese
//! syllables pass through [`exact`] unchanged apart from case and NFC.

use rustc_hash::FxHashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::text::nfc;

/// The five Vietnamese tone marks as combining characters (NFD).
const TONE_MARKS: [char; 5] = [
    '\u{0300}', // huyền (grave)
    '\u{0301}', // sắc (acute)
    '\u{0303}', // ngã (tilde)
    '\u{0309}', // hỏi (hook above)
    '\u{0323}', // nặng (dot below)
];

/// The loose search key: no tone marks, no diacritics, `đ` as `d`, lower case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // An article repeats its words: each distinct word is folded once (a decomposition
    // of each letter). Letters and the characters between words fold alike, one at a
    // time (NFD, marks dropped, lower case), so folding word by word changes nothing.
    let mut seen: FxHashMap<&str, String> = FxHashMap::default();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_letter(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(from) = start.take() {
            push_folded_word(&mut out, &mut seen, &s[from..i]);
        }
        fold_char(&mut out, c);
    }
    if let Some(from) = start {
        push_folded_word(&mut out, &mut seen, &s[from..]);
    }
    // Letters outside Vietnamese may recompose (e.g. Hangul jamo); keep the output NFC.
    // Folded Vietnamese is ASCII, which is NFC as it is.
    if out.is_ascii() {
        out
    } else {
        nfc(&out)
    }
}

fn push_folded_word<'a>(out: &mut String, seen: &mut FxHashMap<&'a str, String>, word: &'a str) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else if let Some(w) = seen.get(word) {
        out.push_str(w);
    } else {
        let mut w = String::with_capacity(word.len());
        for c in word.chars() {
            fold_char(&mut w, c);
        }
        out.push_str(&w);
        seen.insert(word, w);
    }
}

/// One character folded: decomposed, its marks dropped, `đ` as `d`, lower case.
fn fold_char(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    unicode_normalization::char::decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        match d {
            'đ' | 'Đ' => out.push('d'),
            d if d.is_ascii() => out.push(d.to_ascii_lowercase()),
            d => out.extend(d.to_lowercase()),
        }
    });
}

/// [`char::is_alphabetic`], answered without Unicode table look-ups for ASCII and the
/// Latin blocks Vietnamese is written in (folding tests every character of an article).
fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        // Latin-1 Supplement letters and Latin Extended-A and -B: all letters but × and ÷.
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        // Latin Extended Additional (ạ, ả, ấ, … ỹ): all letters.
        '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// The strict search key: NFC, lower case, with each syllable's tone mark in one
/// canonical place (the new style: `hoà`, `thuý`, `khoẻ`).
pub fn exact(s: &str) -> String {
    let lower: String = nfc(s).to_lowercase();
    let mut out = String::with_capacity(lower.len());
    // An article repeats its words: each distinct word is put in canonical form once
    // (two normalisations each; the larger part of indexing a save, BENCHMARKS.md).
    let mut seen: FxHashMap<&str, String> = FxHashMap::default();
    fn push_word<'a>(out: &mut String, seen: &mut FxHashMap<&'a str, String>, word: &'a str) {
        if word.is_ascii() {
            // No tone mark to move.
            out.push_str(word);
        } else if let Some(w) = seen.get(word) {
            out.push_str(w);
        } else {
            let w = canonical_tone(word);
            out.push_str(&w);
            seen.insert(word, w);
        }
    }
    let mut start = None;
    for (i, c) in lower.char_indices() {
        match (is_letter(c), start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, Some(from)) => {
                push_word(&mut out, &mut seen, &lower[from..i]);
                start = None;
                out.push(c);
            }
            (false, None) => out.push(c),
        }
    }
    if let Some(from) = start {
        push_word(&mut out, &mut seen, &lower[from..]);
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_quality_mark(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// One lower-case NFC word with its tone mark moved to the canonical vowel; a word that is
/// not a single-toned Vietnamese syllable is returned as it is.
fn canonical_tone(word: &str) -> String {
    // Split the tone mark from the letters: NFD, take the tone out, recompose the rest so
    // that letters like `ư` and `ê` are single characters again.
    let mut tone = None;
    let mut bare = String::with_capacity(word.len());
    for c in word.nfd() {
        if TONE_MARKS.contains(&c) {
            if tone.is_some() {
                return word.to_owned();
            }
            tone = Some(c);
        } else {
            bare.push(c);
        }
    }
    let Some(tone) = tone else {
        return word.to_owned();
    };
    let letters: Vec<char> = bare.nfc().collect();
    if letters
        .iter()
        .any(|&c| !(c.is_ascii_lowercase() || is_vowel(c) || c == 'đ'))
    {
        return word.to_owned();
    }
    let Some(at) = tone_position(&letters) else {
        return word.to_owned();
    };
    let mut out = String::with_capacity(word.len() + 2);
    for (i, &c) in letters.iter().enumerate() {
        out.push(c);
        if i == at {
            out.push(tone);
        }
    }
    out.nfc().collect()
}

/// Which letter of a toneless syllable carries the tone mark (new-style rule).
fn tone_position(letters: &[char]) -> Option<usize> {
    let mut start = letters.iter().position(|&c| is_vowel(c))?;
    // `qu` and `gi` before another vowel: the `u`/`i` belongs to the onset.
    let onset_glide = (start > 0 && letters[start - 1] == 'q' && letters[start] == 'u')
        || (start > 0
            && letters[start - 1] == 'g'
            && letters[start] == 'i'
            && start == 1
            && letters.get(start + 1).is_some_and(|&c| is_vowel(c)));
    if onset_glide && letters.get(start + 1).is_some_and(|&c| is_vowel(c)) {
        start += 1;
    }
    let end = start
        + letters[start..]
            .iter()
            .take_while(|&&c| is_vowel(c))
            .count();
    if letters[end..].iter().any(|&c| is_vowel(c)) {
        return None; // two vowel groups: not one syllable
    }
    let nucleus = &letters[start..end];
    let has_coda = end < letters.len();
    if let Some(i) = nucleus.iter().rposition(|&c| has_quality_mark(c)) {
        return Some(start + i);
    }
    let i = match nucleus.len() {
        1 => 0,
        _ if has_coda => nucleus.len() - 1,
        2 if matches!(nucleus, ['o', 'a'] | ['o', 'e'] | ['u', 'y']) => 1,
        2 => 0,
        _ => 1,
    };
    Some(start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn fold_removes_marks_and_strokes() {
        for (input, expected) in [
            ("Đà Nẵng", "da nang"),
            ("Quảng Trị", "quang tri"),
            ("hòa", "hoa"),
            ("hoà", "hoa"),
            ("nghiệp", "nghiep"),
            ("ĐỨC", "duc"),
            ("Thừa Thiên Huế", "thua thien hue"),
            ("Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet"),
            ("ươ ƯƠ ă â ê ô", "uo uo a a e o"),
            ("café ÉTÉ", "cafe ete"),
            ("2017 - \"quote\" *x*", "2017 - \"quote\" *x*"),
            ("", ""),
        ] {
            assert_eq!(fold(input), expected, "fold({input:?})");
            assert_eq!(fold(&nfd(input)), expected, "fold(NFD {input:?})");
        }
    }

    #[test]
    fn exact_keeps_diacritics_and_unifies_tone_styles() {
        for (input, expected) in [
            ("Đà Nẵng", "đà nẵng"),
            ("Đa năng", "đa năng"),
            ("hòa", "hoà"),
            ("hoà", "hoà"),
            ("HÒA BÌNH", "hoà bình"),
            ("thúy", "thuý"),
            ("thuý", "thuý"),
            ("khỏe", "khoẻ"),
            ("khoẻ", "khoẻ"),
            ("quý", "quý"),
            ("quí", "quí"),
            ("giá", "giá"),
            ("gìn", "gìn"),
            ("hoàn", "hoàn"),
            ("khoái", "khoái"),
            ("người", "người"),
            ("thuở", "thuở"),
            ("mùa", "mùa"),
            ("kìa", "kìa"),
            ("tuổi", "tuổi"),
            ("nghiệp", "nghiệp"),
            ("Quảng Trị, 7-3", "quảng trị, 7-3"),
            ("café", "café"),
            ("naïve", "naïve"),
        ] {
            assert_eq!(exact(input), expected, "exact({input:?})");
            assert_eq!(exact(&nfd(input)), expected, "exact(NFD {input:?})");
        }
    }

    /// `exact` as it was first written, one word at a time with no shortcuts: the
    /// memoised, ASCII-skipping version must give the same text for any input.
    fn exact_word_by_word(s: &str) -> String {
        let lower: String = nfc(s).to_lowercase();
        let mut out = String::new();
        let mut word = String::new();
        for c in lower.chars() {
            if c.is_alphabetic() {
                word.push(c);
            } else {
                out.push_str(&canonical_tone(&word));
                word.clear();
                out.push(c);
            }
        }
        out.push_str(&canonical_tone(&word));
        out
    }

    #[test]
    fn exact_with_shortcuts_matches_the_word_by_word_definition() {
        let article = "HÒA BÌNH ở Thừa Thiên Huế: người dân hòa giải, hoà bình; khỏe, khoẻ! \
            Nguyễn Thị Ánh Tuyết (thúy) 2017-03-08 café naïve ﬁne Straße ΣΊΣΥΦΟΣ İstanbul \
            x\u{301}y \u{323}đ ĐỨC đức Đức hòa hòa hòa \"quý\" quí 한국어 ١٢٣ ";
        for text in [article, "", " ", "hòa", "ĐÀ", "a\u{300}", "\u{300}a"] {
            for input in [text.to_owned(), nfd(text)] {
                assert_eq!(exact(&input), exact_word_by_word(&input), "{input:?}");
            }
        }
    }

    /// `fold` as it was first written, the whole text at once.
    fn fold_whole_text(s: &str) -> String {
        let mut out = String::new();
        for c in s.nfd() {
            if is_combining_mark(c) {
                continue;
            }
            match c {
                'đ' | 'Đ' => out.push('d'),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
        nfc(&out)
    }

    #[test]
    fn fold_word_by_word_matches_folding_the_whole_text() {
        let article = "HÒA BÌNH ở Thừa Thiên Huế: người dân hòa giải, hoà bình; khỏe, khoẻ! \
            Nguyễn Thị Ánh Tuyết (thúy) 2017-03-08 café naïve ﬁne Straße ΣΊΣΥΦΟΣ İstanbul \
            x\u{301}y \u{323}đ ĐỨC đức Đức hòa hòa hòa \"quý\" quí 한국어 각 ١٢٣ Ⅻ ⓐ ǅ";
        for text in [
            article,
            "",
            " ",
            "hòa",
            "ĐÀ",
            "a\u{300}",
            "\u{300}a",
            "\u{1100}\u{1161}",
        ] {
            for input in [text.to_owned(), nfd(text)] {
                assert_eq!(fold(&input), fold_whole_text(&input), "{input:?}");
            }
        }
    }

    #[test]
    fn letters_are_the_alphabetic_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_two_keys_agree_on_the_loose_form() {
        for s in ["Đà Nẵng", "hòa", "hoà", "Thuý Kiều", "người Quảng Trị"] {
            assert_eq!(fold(&exact(s)), fold(s), "{s}");
        }
    }
}
