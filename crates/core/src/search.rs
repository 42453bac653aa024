//! What a search is and what it returns, without the index: the query the UI sends, how
//! its text is read into words and phrases, the hits it gets back, and the marking of
//! matches in a hit's text. Any text is a valid query: quotes make phrases, every other
//! character that is not a letter or digit only separates words.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::article::Status;
use crate::fold::{exact, fold};
use crate::text::nfc;

/// What kind of thing a search hit is. New kinds add a variant and their own index rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchKind {
    /// A news article.
    Article,
    /// A photo in the library.
    Photo,
    /// A person (source, contributor).
    Person,
}

impl SearchKind {
    /// Every kind.
    pub const ALL: [SearchKind; 3] = [SearchKind::Article, SearchKind::Photo, SearchKind::Person];

    /// The name used in the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Article => "article",
            SearchKind::Photo => "photo",
            SearchKind::Person => "person",
        }
    }

    /// Parses [`SearchKind::as_str`].
    pub fn parse(s: &str) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A search as the UI or the command line asks for it. Only `text` is required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SearchQuery {
    /// What the user typed. Words match with or without diacritics; `"…"` is a phrase;
    /// the last word matches as a prefix unless the text ends with a space.
    pub text: String,
    /// Only these kinds; empty means all.
    pub kinds: Vec<SearchKind>,
    /// Only articles in this workflow status.
    #[ts(optional)]
    pub status: Option<Status>,
    /// Only this section (compared without case or diacritics).
    #[ts(optional)]
    pub section: Option<String>,
    /// Only things crediting this person (a name, matched as a phrase without diacritics).
    #[ts(optional)]
    pub person: Option<String>,
    /// Only things dated on or after this day (UTC).
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    /// Only things dated on or before this day (UTC).
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    /// Include things in the trash.
    pub include_trashed: bool,
    /// Most hits to return (default 20, at most 200).
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// A run of a hit's text, marked when it matched the query. The UI renders the runs as
/// text (never as HTML), emphasising the marked ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TextPart {
    /// The text of the run, exactly as stored.
    pub text: String,
    /// Whether the run matched the query.
    pub hit: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    /// What the hit is.
    pub kind: SearchKind,
    /// The id in the kind's own table (an article's UUID, …).
    pub id: String,
    /// The title (headline, caption, name) with matches marked.
    pub title: Vec<TextPart>,
    /// A short passage of the text around the first match, matches marked; `…` where cut.
    pub snippet: Vec<TextPart>,
    /// Where the first match starts in the hit's full text, in UTF-16 code units (as
    /// JavaScript counts), so the UI can open the hit at that place; none when only the
    /// title, people or tags matched.
    #[ts(optional)]
    pub match_offset: Option<u32>,
    /// The section (articles); empty for other kinds.
    pub section: String,
    /// The workflow status (articles).
    #[ts(optional)]
    pub status: Option<Status>,
    /// The date the date filter compares (an article's last change).
    pub date: DateTime<Utc>,
    /// Whether it is in the trash.
    pub trashed: bool,
    /// Higher is better; only comparable within one search.
    pub score: f64,
}

/// A search run before, for the recent-searches list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecentSearch {
    /// The query text as typed (NFC, trimmed).
    pub text: String,
    /// When it was last run.
    pub searched_at: DateTime<Utc>,
}

/// One thing to look for: a word, or a phrase of consecutive words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The words as typed, NFC and lower case with canonical tone marks ([`exact`]).
    pub exact: Vec<String>,
    /// The same words folded ([`fold`]).
    pub folded: Vec<String>,
    /// Written in quotes.
    pub phrase: bool,
    /// The last word also matches longer words starting with it.
    pub prefix: bool,
}

/// Most terms read from one query; the rest is ignored (a pasted page is not a query).
pub const MAX_TERMS: usize = 16;

/// Shortest last word that is matched as a prefix (one letter would match half the index).
pub const MIN_PREFIX_CHARS: usize = 2;

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Reads a query's text into terms. Never fails: characters that are not letters or
/// digits separate words, an unclosed quote runs to the end, an empty text gives none.
pub fn parse_query(text: &str) -> Vec<Term> {
    let text = nfc(text);
    let ends_in_word = text.chars().last().is_some_and(char::is_alphanumeric);
    let mut terms: Vec<Term> = Vec::new();
    for (i, segment) in text.split('"').enumerate() {
        let quoted = i % 2 == 1;
        let ws = words(segment);
        if quoted {
            if !ws.is_empty() {
                terms.push(term(&ws, true));
            }
        } else {
            terms.extend(ws.iter().map(|w| term(&[w], false)));
        }
    }
    let cut = terms.len() > MAX_TERMS;
    terms.truncate(MAX_TERMS);
    if ends_in_word && !cut {
        if let Some(last) = terms.last_mut() {
            let long_enough = last
                .folded
                .last()
                .is_some_and(|w| w.chars().count() >= MIN_PREFIX_CHARS);
            last.prefix = long_enough;
        }
    }
    terms
}

fn term(ws: &[&str], phrase: bool) -> Term {
    Term {
        exact: ws.iter().map(|w| exact(w)).collect(),
        folded: ws.iter().map(|w| fold(w)).collect(),
        phrase,
        prefix: false,
    }
}

/// Whether `c` is part of a word: [`char::is_alphanumeric`], answered without Unicode
/// table look-ups for ASCII and the Latin blocks Vietnamese is written in (snippets of
/// long articles test every character: measured as the largest cost of a search).
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 Supplement letters and Latin Extended-A and -B: all letters but × and ÷.
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        // Latin Extended Additional (ạ, ả, ấ, … ỹ): all letters.
        '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The first word of `text` at or after byte `from`, as a byte range.
fn next_span(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut start = None;
    for (i, c) in text[from..].char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(from + i),
            (false, Some(s)) => return Some((s, from + i)),
            _ => {}
        }
    }
    start.map(|s| (s, text.len()))
}

/// Words of a text with their byte ranges.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(span) = next_span(text, at) {
        at = span.1;
        spans.push(span);
    }
    spans
}

/// The words of a text, found only as far as asked for: a snippet of a long article
/// needs the words up to its first match and a few more, not all of them.
struct Words<'a> {
    text: &'a str,
    spans: Vec<(usize, usize)>,
    done: bool,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Words<'a> {
        Words {
            text,
            spans: Vec::new(),
            done: false,
        }
    }

    /// Finds words until there are `n` or the text ends; returns how many there are.
    fn fill(&mut self, n: usize) -> usize {
        while self.spans.len() < n && !self.done {
            let at = self.spans.last().map_or(0, |s| s.1);
            match next_span(self.text, at) {
                Some(span) => self.spans.push(span),
                None => self.done = true,
            }
        }
        self.spans.len()
    }
}

fn fold_word(w: &str) -> String {
    if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        w.to_ascii_lowercase()
    } else {
        fold(w)
    }
}

/// Whether the terms match the words starting at `i`; returns how many words matched.
fn match_at(folded: &[String], i: usize, terms: &[Term]) -> Option<usize> {
    terms.iter().find_map(|t| {
        let n = t.folded.len();
        let ws = folded.get(i..i + n)?;
        let ok = ws.iter().zip(&t.folded).enumerate().all(|(k, (w, q))| {
            if t.prefix && k == n - 1 {
                w.starts_with(q.as_str())
            } else {
                w == q
            }
        });
        ok.then_some(n)
    })
}

/// Splits `text` into runs, marking every match of `terms` (folded comparison).
pub fn highlight(text: &str, terms: &[Term]) -> Vec<TextPart> {
    let spans = word_spans(text);
    let folded: Vec<String> = spans.iter().map(|&(s, e)| fold_word(&text[s..e])).collect();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        match match_at(&folded, i, terms) {
            Some(n) => {
                marks.push((spans[i].0, spans[i + n - 1].1));
                i += n;
            }
            None => i += 1,
        }
    }
    parts(text, 0, text.len(), &marks)
}

fn parts(text: &str, from: usize, to: usize, marks: &[(usize, usize)]) -> Vec<TextPart> {
    let mut out = Vec::new();
    let mut at = from;
    for &(s, e) in marks {
        if s < from || e > to {
            continue;
        }
        if s > at {
            out.push(TextPart {
                text: text[at..s].to_owned(),
                hit: false,
            });
        }
        out.push(TextPart {
            text: text[s..e].to_owned(),
            hit: true,
        });
        at = e;
    }
    if at < to {
        out.push(TextPart {
            text: text[at..to].to_owned(),
            hit: false,
        });
    }
    out
}

/// Words shown in a snippet.
pub const SNIPPET_WORDS: usize = 32;
/// Words of context shown before the first match.
const SNIPPET_BEFORE: usize = 8;

/// A passage of about [`SNIPPET_WORDS`] words around the first match of `terms` in
/// `text`, matches marked, `…` where the text was cut; and where the first match starts
/// (UTF-16 code units from the start of `text`). Without a match, the opening words.
pub fn snippet(text: &str, terms: &[Term]) -> (Vec<TextPart>, Option<u32>) {
    let mut words = Words::new(text);
    if words.fill(1) == 0 {
        return (Vec::new(), None);
    }
    // Split and fold lazily: most texts match early, and a long article need not be
    // walked whole.
    let mut folded: Vec<String> = Vec::new();
    let mut first = None;
    let mut i = 0;
    let longest = terms.iter().map(|t| t.folded.len()).max().unwrap_or(1);
    while words.fill(i + 1) > i {
        let known = words.fill(i + longest);
        while folded.len() < (i + longest).min(known) {
            let (s, e) = words.spans[folded.len()];
            folded.push(fold_word(&text[s..e]));
        }
        if match_at(&folded, i, terms).is_some() {
            first = Some(i);
            break;
        }
        i += 1;
    }
    let start = first.map_or(0, |f| f.saturating_sub(SNIPPET_BEFORE));
    // One word more than shown, to know whether the text goes on.
    let known = words.fill(start + SNIPPET_WORDS + 1);
    let end = (start + SNIPPET_WORDS).min(known);
    let spans = &words.spans;
    while folded.len() < end {
        let (s, e) = spans[folded.len()];
        folded.push(fold_word(&text[s..e]));
    }
    let mut marks = Vec::new();
    let mut k = start;
    while k < end {
        match match_at(&folded[..end], k, terms) {
            Some(n) => {
                marks.push((spans[k].0, spans[k + n - 1].1));
                k += n;
            }
            None => k += 1,
        }
    }
    // Uncut ends keep the text's own opening and closing punctuation.
    let from = if start == 0 { 0 } else { spans[start].0 };
    let to = if end == known {
        text.len()
    } else {
        spans[end - 1].1
    };
    let mut out = parts(text, from, to, &marks);
    if start > 0 {
        out.insert(
            0,
            TextPart {
                text: "…".into(),
                hit: false,
            },
        );
    }
    if end < known {
        out.push(TextPart {
            text: "…".into(),
            hit: false,
        });
    }
    let offset = first.map(|f| text[..spans[f].0].encode_utf16().count() as u32);
    (out, offset)
}

/// The text of `parts` with each matched run in `[` `]`, for plain-text front ends.
pub fn bracket_hits(parts: &[TextPart]) -> String {
    parts
        .iter()
        .map(|p| {
            if p.hit {
                format!("[{}]", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        // The fast path must not change what a word is: every character of the BMP.
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn snippets_of_long_texts_find_late_matches_and_cut_both_ends() {
        let filler = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(20);
        let long = format!("{filler}mưa lớn ở Đà Nẵng {filler}");
        for (text, query, starts_cut, ends_cut, hit) in [
            (long.as_str(), "da nang", true, true, Some("Đà Nẵng")),
            (long.as_str(), "xyz", false, true, None),
            (
                "Mưa lớn ở Đà Nẵng.",
                "da nang",
                false,
                false,
                Some("Đà Nẵng"),
            ),
            ("Đà Nẵng", "da nang", false, false, Some("Đà Nẵng")),
        ] {
            let (parts, offset) = snippet(text, &parse_query(query));
            let shown: String = parts.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(shown.starts_with('…'), starts_cut, "{query}: {shown}");
            assert_eq!(shown.ends_with('…'), ends_cut, "{query}: {shown}");
            let marked: Vec<&str> = parts
                .iter()
                .filter(|p| p.hit)
                .map(|p| p.text.as_str())
                .collect();
            assert_eq!(marked.join(" "), hit.unwrap_or_default(), "{query}");
            assert_eq!(offset.is_some(), hit.is_some(), "{query}");
            if let Some(o) = offset {
                assert!(
                    String::from_utf16(&text.encode_utf16().skip(o as usize).collect::<Vec<_>>())
                        .unwrap()
                        .starts_with("Đà"),
                    "{query}"
                );
            }
        }
        assert_eq!(snippet("", &parse_query("x")), (Vec::new(), None));
        assert_eq!(snippet(" … ", &parse_query("x")), (Vec::new(), None));
    }

    fn shape(terms: &[Term]) -> Vec<String> {
        terms
            .iter()
            .map(|t| {
                format!(
                    "{}{}{}",
                    if t.phrase { "\"" } else { "" },
                    t.folded.join(" "),
                    if t.prefix { "*" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn any_text_reads_as_words_and_phrases() {
        for (input, expected) in [
            ("Đà Nẵng", vec!["da", "nang*"]),
            ("Đà Nẵng ", vec!["da", "nang"]),
            ("\"Đà Nẵng\"", vec!["\"da nang"]),
            ("\"Đà Nẵng", vec!["\"da nang*"]),
            ("nghi", vec!["nghi*"]),
            ("n", vec!["n"]),
            ("a NEAR b", vec!["a", "near", "b"]),
            ("title: -x * y*", vec!["title", "x", "y"]),
            ("\"\"\"", vec![]),
            ("", vec![]),
            ("   ", vec![]),
            ("AND OR NOT", vec!["and", "or", "not*"]),
            ("(a OR b)", vec!["a", "or", "b"]),
            ("Covid-19", vec!["covid", "19*"]),
            ("x^y {a b}:c", vec!["x", "y", "a", "b", "c"]),
        ] {
            assert_eq!(shape(&parse_query(input)), expected, "{input:?}");
        }
    }

    #[test]
    fn a_pasted_page_is_cut_to_a_query() {
        let long = "chữ ".repeat(1000);
        assert_eq!(parse_query(&long).len(), MAX_TERMS);
    }

    fn marked(parts: &[TextPart]) -> String {
        super::bracket_hits(parts)
    }

    #[test]
    fn matches_are_marked_without_diacritics() {
        for (text, query, expected) in [
            ("Mưa lớn ở Đà Nẵng.", "da nang", "Mưa lớn ở [Đà] [Nẵng]."),
            ("Mưa lớn ở Đà Nẵng.", "\"da nang\"", "Mưa lớn ở [Đà Nẵng]."),
            ("Nông nghiệp", "nghi", "Nông [nghiệp]"),
            ("Hòa và hoà", "hoa ", "[Hòa] và [hoà]"),
            ("<b>x</b>", "b", "<[b]>x</[b]>"),
        ] {
            assert_eq!(
                marked(&highlight(text, &parse_query(query))),
                expected,
                "{query:?}"
            );
        }
    }

    #[test]
    fn snippet_is_cut_around_the_first_match() {
        let text = format!("{} Quảng Trị {}", "một ".repeat(50), "hai ".repeat(50));
        let (parts, offset) = snippet(&text, &parse_query("quang tri"));
        let m = marked(&parts);
        assert!(m.starts_with("…một"), "{m}");
        assert!(m.contains("[Quảng] [Trị]"), "{m}");
        assert!(m.ends_with('…'), "{m}");
        assert_eq!(offset, Some(201));
        let (parts, offset) = snippet("ngắn thôi", &parse_query("xa"));
        assert_eq!(marked(&parts), "ngắn thôi");
        assert_eq!(offset, None);
    }
}
