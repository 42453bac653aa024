//! The rules that look at one word at a time (syllable shape, stop-final tones, onset
//! spelling, tone position, dictionary, house tone style, encodings) and at two words in a
//! row (doubled words).

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::config::{Config, ToneStyle, BUILTIN_WORDS};
use crate::dictionary::Dictionary;
use crate::encoding::{decode, is_combining, legacy_signs, nfc, SourceEncoding};
use crate::finding::Rule;
use crate::sink::{Raw, Sink};
use crate::syllable::{
    letters, shape, spell, spelling_fix, tone_places, with_tone, NotChecked, Shape, Tone,
};

/// A word: a run of letters, digits and combining marks, as byte offsets.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        // Latin letters with marks, Vietnamese included: the common case, kept off the
        // slow Unicode tables.
        '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{24f}'
        | '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphanumeric() || is_combining(c),
    }
}

/// The words of a text, in order.
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = it.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = it.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            it.next();
        }
        Some(Word { start, end })
    })
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Case {
    Lower,
    Capitalised,
    Upper,
    Mixed,
}

fn case_of(w: &str) -> Case {
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let (mut up, mut low) = (0, 0);
    for c in chars {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
    }
    match (first_upper, up, low) {
        (false, 0, _) => Case::Lower,
        (true, 0, _) => Case::Capitalised,
        (true, _, 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

struct StyleUse {
    start: usize,
    end: usize,
    old: bool,
    fix_old: String,
    fix_new: String,
}

/// Lower-cased newsroom and built-in words, each word of a multi-word entry separately.
fn known_words(config: &Config) -> HashSet<String> {
    let mut set = HashSet::new();
    for entry in config
        .newsroom_words
        .iter()
        .map(String::as_str)
        .chain(BUILTIN_WORDS.iter().copied())
    {
        for w in entry.split(|c: char| c.is_whitespace() || c == '-') {
            if !w.is_empty() {
                set.insert(nfc(w).to_lowercase());
            }
        }
    }
    set
}

/// Spans of whitespace-separated chunks that look like TCVN3 or VNI.
fn legacy_chunks(text: &str, sink: &mut Sink) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = None;
    let bytes_end = text.len();
    let mut check = |s: usize, e: usize, sink: &mut Sink| {
        let chunk = &text[s..e];
        if chunk.is_ascii() || chunk.len() > 256 {
            return;
        }
        if let Some(enc) = legacy_signs(chunk) {
            ranges.push((s, e));
            let name = if enc == SourceEncoding::Tcvn3 {
                "TCVN3 (ABC)"
            } else {
                "VNI"
            };
            sink.push(Raw {
                rule: Rule::EncodingLegacy,
                start: s,
                end: e,
                message_vi: format!("Chữ còn ở bảng mã cũ {name}, chưa chuyển sang Unicode"),
                message_en: format!("Text left in the legacy {name} encoding, not Unicode"),
                suggestions: vec![decode(chunk, enc)],
                fix: None,
            });
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                if sink.full() {
                    break;
                }
                check(s, i, sink);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        check(s, bytes_end, sink);
    }
    ranges
}

fn only_spaces(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Runs the word rules over `text`.
pub(crate) fn check(text: &str, config: &Config, dict: Option<&Dictionary>, sink: &mut Sink) {
    let known = known_words(config);
    let redup: HashSet<String> = config
        .reduplications
        .iter()
        .map(|r| nfc(r).to_lowercase())
        .collect();
    let legacy = if sink.wants(Rule::EncodingLegacy) {
        legacy_chunks(text, sink)
    } else {
        Vec::new()
    };
    let mut legacy_i = 0;
    let mut styles: Vec<StyleUse> = Vec::new();
    let mut dict_cache: HashMap<String, bool> = HashMap::new();
    let mut suggestions_left = 200usize;
    let old_house = config.tone_style != ToneStyle::New;
    let mut prev: Option<(Word, String)> = None;
    let mut prev_end = 0usize;

    for w in words(text) {
        if sink.full() {
            break;
        }
        let word = &text[w.start..w.end];
        let gap = &text[prev_end..w.start];
        prev_end = w.end;
        while legacy_i < legacy.len() && legacy[legacy_i].1 <= w.start {
            legacy_i += 1;
        }
        if legacy
            .get(legacy_i)
            .is_some_and(|&(s, e)| s <= w.start && w.end <= e)
        {
            prev = None;
            continue;
        }
        if word.chars().any(is_combining) {
            let composed = nfc(word);
            let certain = !composed.chars().any(is_combining);
            sink.push(Raw {
                rule: Rule::EncodingNfd,
                start: w.start,
                end: w.end,
                message_vi: "Chữ ở dạng tổ hợp (NFD): dấu tách rời khỏi chữ cái".into(),
                message_en: "Decomposed (NFD) letters: the marks are separate characters".into(),
                suggestions: vec![composed.clone()],
                fix: certain.then_some(composed),
            });
            prev = None;
            continue;
        }

        // Doubled word: the same word twice with only spaces between.
        let lower = word.to_lowercase();
        if let Some((p, ref plower)) = prev {
            let pword = &text[p.start..p.end];
            // Same word, same case — or capitalised then lower case at a sentence start
            // (`Các các`). `trang TRANG` is a label next to its placeholder, not a slip.
            let same_case = pword == word
                || case_of(pword) == Case::Capitalised && case_of(word) == Case::Lower;
            if *plower == lower
                && same_case
                && only_spaces(&text[p.end..w.start])
                && lower.chars().any(char::is_alphabetic)
                && !redup.contains(&format!("{plower} {lower}"))
            {
                sink.push(Raw {
                    rule: Rule::DoubledWord,
                    start: p.start,
                    end: w.end,
                    message_vi: format!("Lặp từ “{word}”"),
                    message_en: format!("The word “{word}” is repeated"),
                    suggestions: vec![text[p.start..p.end].to_owned()],
                    fix: Some(text[p.start..p.end].to_owned()),
                });
            }
        }
        prev = Some((w, lower.clone()));

        let case = case_of(word);
        if case == Case::Mixed || known.contains(&lower) {
            continue;
        }
        let hyphenated = text[..w.start].ends_with('-') || text[w.end..].starts_with('-');
        let l = match letters(word) {
            Ok(l) => l,
            Err(NotChecked::TwoTones) if case == Case::Lower => {
                sink.push(invalid(w, dict, word, &mut suggestions_left));
                continue;
            }
            Err(_) => continue,
        };
        let parts = match shape(&l) {
            Shape::Valid(p) => p,
            Shape::Invalid if case == Case::Lower && !hyphenated => {
                sink.push(invalid(w, dict, word, &mut suggestions_left));
                continue;
            }
            _ => continue,
        };
        if case == Case::Lower {
            if let Some(fix) = spelling_fix(&l, &parts) {
                let (vi, en) = if parts.onset == "q" {
                    (
                        "Chữ q chỉ đi với u (qu)".to_owned(),
                        "q is only written as qu".to_owned(),
                    )
                } else {
                    (
                        format!("Sai chính tả phụ âm đầu “{}”", parts.onset),
                        format!("Misspelt onset “{}”", parts.onset),
                    )
                };
                sink.push(Raw {
                    rule: Rule::SyllableSpelling,
                    start: w.start,
                    end: w.end,
                    message_vi: vi,
                    message_en: en,
                    suggestions: fix.iter().cloned().collect(),
                    fix,
                });
                continue;
            }
        }
        let places = tone_places(&l, &parts);
        if let Some(at) = l.tone_at {
            if !places.contains(&at) {
                let target = if places.len() == 2 && !old_house {
                    places[1]
                } else {
                    places[0]
                };
                let fixed = spell(&l, Some(target));
                sink.push(Raw {
                    rule: Rule::SyllableTonePosition,
                    start: w.start,
                    end: w.end,
                    message_vi: "Dấu thanh đặt sai nguyên âm".into(),
                    message_en: "The tone mark is on the wrong vowel".into(),
                    suggestions: vec![fixed.clone()],
                    fix: Some(fixed),
                });
                continue;
            }
        }
        // A capitalised word inside a sentence is a name, maybe a foreign one (Bach, Pat).
        // An all-capitals word in plain ASCII is an abbreviation (EC, ABC), not a syllable.
        let name = case != Case::Lower && !sentence_start(gap, w.start)
            || case == Case::Upper && word.is_ascii();
        if parts.stop_final() && !matches!(l.tone, Tone::Acute | Tone::Dot) && !name {
            let mut sugg = vec![
                with_tone(&l, &parts, Tone::Acute, old_house),
                with_tone(&l, &parts, Tone::Dot, old_house),
            ];
            if let Some(d) = dict {
                let known_first = |s: &String| !d.check(&dict_form(s, d));
                sugg.sort_by_key(known_first);
            }
            sink.push(Raw {
                rule: Rule::SyllableStopTone,
                start: w.start,
                end: w.end,
                message_vi: format!(
                    "Âm tiết tận cùng bằng “{}” phải mang dấu sắc hoặc nặng",
                    parts.coda
                ),
                message_en: format!(
                    "A syllable ending in “{}” must carry sắc or nặng",
                    parts.coda
                ),
                suggestions: sugg,
                fix: None,
            });
            continue;
        }
        if places.len() == 2 && l.tone != Tone::Level {
            styles.push(StyleUse {
                start: w.start,
                end: w.end,
                old: l.tone_at == Some(places[0]),
                fix_old: spell(&l, Some(places[0])),
                fix_new: spell(&l, Some(places[1])),
            });
        }
        if let (Some(d), Case::Lower) = (dict, case) {
            if hyphenated {
                continue;
            }
            // Cached by the word as written, so a repeated word costs one hash lookup.
            let ok = match dict_cache.get(lower.as_str()) {
                Some(&ok) => ok,
                None => {
                    let ok = d.check(&dict_form(&lower, d));
                    dict_cache.insert(lower.clone(), ok);
                    ok
                }
            };
            if !ok && sink.wants(Rule::DictionaryUnknown) {
                let suggestions = if suggestions_left > 0 {
                    suggestions_left -= 1;
                    d.suggest(&dict_form(&lower, d), 5)
                } else {
                    Vec::new()
                };
                sink.push(Raw {
                    rule: Rule::DictionaryUnknown,
                    start: w.start,
                    end: w.end,
                    message_vi: "Từ không có trong từ điển".into(),
                    message_en: "Not in the dictionary".into(),
                    suggestions,
                    fix: None,
                });
            }
        }
    }
    tone_style(config, styles, sink);
}

/// Whether a word whose preceding gap (text since the previous word) is `gap` starts a
/// sentence, a paragraph, a quotation or a bracket.
fn sentence_start(gap: &str, word_start: usize) -> bool {
    let trimmed = gap.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.ends_with('\n') || word_start == gap.len() {
        return true;
    }
    trimmed.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | '“' | '"' | '(' | '[' | '…' | '–' | '—' | '\'' | '‘'
        )
    })
}

/// The spelling of a lower-case word the dictionary uses (its tone style).
fn dict_form(word: &str, d: &Dictionary) -> String {
    let Ok(l) = letters(word) else {
        return word.to_owned();
    };
    let Shape::Valid(p) = shape(&l) else {
        return word.to_owned();
    };
    let places = tone_places(&l, &p);
    if places.len() == 2 && l.tone != Tone::Level {
        spell(&l, Some(if d.new_style { places[1] } else { places[0] }))
    } else {
        word.to_owned()
    }
}

fn invalid(w: Word, dict: Option<&Dictionary>, word: &str, left: &mut usize) -> Raw {
    let suggestions = match dict {
        Some(d) if *left > 0 => {
            *left -= 1;
            d.suggest(word, 5)
        }
        _ => Vec::new(),
    };
    Raw {
        rule: Rule::SyllableInvalid,
        start: w.start,
        end: w.end,
        message_vi: "Không phải âm tiết tiếng Việt hợp lệ".into(),
        message_en: "Not a possible Vietnamese syllable".into(),
        suggestions,
        fix: None,
    }
}

fn tone_style(config: &Config, styles: Vec<StyleUse>, sink: &mut Sink) {
    let flag_old = match config.tone_style {
        ToneStyle::Old => false,
        ToneStyle::New => true,
        ToneStyle::Consistent => {
            let olds = styles.iter().filter(|s| s.old).count();
            let news = styles.len() - olds;
            if olds == 0 || news == 0 {
                return;
            }
            // Flag the minority; on a tie, the style that appeared second.
            olds < news || (olds == news && !styles[0].old)
        }
    };
    for s in styles {
        if s.old != flag_old {
            continue;
        }
        let (fix, vi, en) = if flag_old {
            (
                s.fix_new,
                "Bỏ dấu kiểu cũ; tờ báo dùng kiểu mới (hoà, thuỷ)",
                "Old-style tone placement; the house uses the new style (hoà, thuỷ)",
            )
        } else {
            (
                s.fix_old,
                "Bỏ dấu kiểu mới; tờ báo dùng kiểu cũ (hòa, thủy)",
                "New-style tone placement; the house uses the old style (hòa, thủy)",
            )
        };
        sink.push(Raw {
            rule: Rule::ToneStyle,
            start: s.start,
            end: s.end,
            message_vi: vi.into(),
            message_en: en.into(),
            suggestions: vec![fix.clone()],
            fix: Some(fix),
        });
    }
}
