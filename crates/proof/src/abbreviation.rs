//! The abbreviation rule: an abbreviation must be spelled out once as `Full name (ABBR)`
//! before or where it is first used, unless it is on the newsroom's well-known list.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::config::Config;
use crate::finding::Rule;
use crate::sink::{Raw, Sink};
use crate::syllable::{letters, Tone};
use crate::words::words;

/// Whether a word looks like an abbreviation: 2–10 capitals, no tone marks.
fn is_candidate(w: &str) -> bool {
    let n = w.chars().count();
    if !(2..=10).contains(&n) || !w.chars().all(char::is_uppercase) {
        return false;
    }
    if w.chars().all(|c| "IVXLCDM".contains(c)) {
        return false; // Roman numerals
    }
    match letters(w) {
        Ok(l) => l.tone == Tone::Level,
        Err(_) => w.chars().all(|c| c.is_ascii_uppercase() || c == 'Đ'),
    }
}

/// An all-capitals word with a tone mark: part of a headline in capitals.
fn is_caps_with_marks(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(char::is_uppercase)
        && letters(w).is_ok_and(|l| l.tone != Tone::Level)
}

/// Runs the abbreviation rule over `text`.
pub(crate) fn check(text: &str, config: &Config, sink: &mut Sink) {
    if !sink.wants(Rule::AbbreviationUndefined) {
        return;
    }
    let known: HashSet<&str> = config
        .known_abbreviations
        .iter()
        .map(String::as_str)
        .collect();
    // Where each abbreviation is first spelled out: the `(` of `Full name (ABBR)`.
    let mut defined: HashMap<&str, usize> = HashMap::new();
    for w in words(text) {
        let word = &text[w.start..w.end];
        if w.start > 1
            && text[..w.start].ends_with('(')
            && text[w.end..].starts_with([')', ','])
            && is_candidate(word)
        {
            defined.entry(word).or_insert(w.start - 1);
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    // Lines in step with the words, so that each is looked at once.
    let mut lines = text
        .split_inclusive('\n')
        .scan(0usize, |pos, l| {
            let start = *pos;
            *pos += l.len();
            Some((start + l.len(), l))
        })
        .peekable();
    let mut line_has_lower = false;
    let mut line_end = 0usize;
    let mut it = words(text).peekable();
    let mut prev: Option<&str> = None;
    while let Some(w) = it.next() {
        if sink.full() {
            return;
        }
        let word = &text[w.start..w.end];
        let before = prev.replace(word);
        if !is_candidate(word) || known.contains(word) || seen.contains(word) {
            continue;
        }
        if w.start >= line_end {
            while let Some(&(end, l)) = lines.peek() {
                lines.next();
                if end > w.start {
                    line_end = end;
                    line_has_lower = l.chars().any(char::is_lowercase);
                    break;
                }
            }
        }
        // Headlines in capitals are not abbreviations.
        if !line_has_lower {
            continue;
        }
        let after = it.peek().map(|n| &text[n.start..n.end]);
        if before.is_some_and(is_caps_with_marks) || after.is_some_and(is_caps_with_marks) {
            continue;
        }
        seen.insert(word);
        let ok = defined.get(word).is_some_and(|&d| d < w.start);
        if !ok {
            sink.push(Raw {
                rule: Rule::AbbreviationUndefined,
                start: w.start,
                end: w.end,
                message_vi: format!(
                    "Chữ viết tắt “{word}” được dùng trước khi viết đầy đủ “Tên đầy đủ ({word})”"
                ),
                message_en: format!(
                    "The abbreviation “{word}” is used before it is spelled out as “Full name ({word})”"
                ),
                suggestions: Vec::new(),
                fix: None,
            });
        }
    }
}
