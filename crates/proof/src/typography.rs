//! Typography rules: spaces around punctuation, spaces inside quotes and brackets, quote
//! shape, double spaces. Numbers, times and dates (`1,93%`, `2.254`, `06:53`, `7/3/2017`)
//! and web addresses are left alone.

use crate::config::{Config, QuoteStyle};
use crate::finding::Rule;
use crate::sink::{Raw, Sink};

/// Abbreviations written with a full stop and no space before the next capital (`TP.HCM`).
const DOTTED: &[&str] = &[
    "tp", "tx", "tt", "ths", "ts", "gs", "pgs", "bs", "ks", "ls", "ncs", "q", "p", "h", "x", "st",
    "mr", "ms", "dr", "nxb", "ubnd", "đh", "cn", "kts", "tc", "ct", "bv",
];

fn is_hspace(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

fn is_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?')
}

fn raw(rule: Rule, start: usize, end: usize, vi: &str, en: &str, fix: &str) -> Raw {
    Raw {
        rule,
        start,
        end,
        message_vi: vi.into(),
        message_en: en.into(),
        suggestions: vec![fix.to_owned()],
        fix: Some(fix.to_owned()),
    }
}

/// The letters just before byte `i` (the word a full stop ends).
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(i, |(j, _)| j);
    &text[start..i]
}

/// Runs the typography rules over `text`.
pub(crate) fn check(text: &str, config: &Config, sink: &mut Sink) {
    let mut prev: Option<char> = None;
    // The character before `prev`: tells an opening quote used the wrong way round.
    let mut before_prev: Option<char> = None;
    // Straight double quotes seen in the current paragraph (odd = inside a quotation).
    let mut straight = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if sink.full() {
            return;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let after = i + c.len_utf8();
        if is_hspace(c) {
            // A run of horizontal space: look at what is around it.
            let mut end = after;
            while let Some(&(j, n)) = iter.peek() {
                if !is_hspace(n) {
                    break;
                }
                end = j + n.len_utf8();
                iter.next();
            }
            let next = iter.peek().map(|&(_, n)| n);
            let line_start = prev.is_none_or(|p| p == '\n');
            let line_end = next.is_none_or(|n| n == '\n' || n == '\r');
            if line_start || line_end {
                before_prev = prev;
                prev = Some(' ');
                continue;
            }
            let n = next.unwrap_or(' ');
            let p = prev.unwrap_or(' ');
            let after_n = text[end..].chars().nth(1);
            // ` .5`, ` .h`, ` ./run`, ` !=`, ` ...`: not a sentence's punctuation.
            let not_sentence_punct = after_n.is_some_and(|d| d.is_ascii_digit() || d == '=')
                || n == '.' && after_n.is_some_and(|d| d.is_alphanumeric() || d == '/')
                || text[end..].starts_with("...");
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if is_punct(n) && !not_sentence_punct {
                sink.push(raw(
                    Rule::SpaceBeforePunctuation,
                    i,
                    end,
                    "Thừa khoảng trắng trước dấu câu",
                    "Space before a punctuation mark",
                    "",
                ));
            } else if matches!(p, '“' | '‘' | '(' | '[') && !alnum(before_prev) {
                let (rule, vi, en) = quote_or_bracket(p);
                sink.push(raw(rule, i, end, vi, en, ""));
            } else if matches!(n, '”' | '’' | ')' | ']') && !alnum(after_n) {
                let (rule, vi, en) = quote_or_bracket(n);
                sink.push(raw(rule, i, end, vi, en, ""));
            } else if (n == '"' || p == '"') && straight % 2 == 1 {
                sink.push(raw(
                    Rule::SpaceInsideQuotes,
                    i,
                    end,
                    "Thừa khoảng trắng ngay trong dấu ngoặc kép",
                    "Space just inside quotation marks",
                    "",
                ));
            } else if text[i..end].chars().count() > 1 {
                sink.push(raw(
                    Rule::DoubleSpace,
                    i,
                    end,
                    "Hai khoảng trắng liền nhau",
                    "Two spaces in a row",
                    " ",
                ));
            }
            before_prev = prev;
            prev = Some(' ');
            continue;
        }
        if c == '\n' {
            straight = 0;
        }
        if is_punct(c) {
            if let Some(n) = next {
                if missing_space_after(text, i, c, prev, n) {
                    let fix = format!("{c} ");
                    sink.push(raw(
                        Rule::SpaceAfterPunctuation,
                        i,
                        after,
                        "Thiếu khoảng trắng sau dấu câu",
                        "Missing space after a punctuation mark",
                        &fix,
                    ));
                }
            }
        }
        if c == '"' {
            straight += 1;
            if config.quote_style == QuoteStyle::Curly {
                let opening = prev
                    .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '-' | '–' | '—'));
                let fix = if opening { "“" } else { "”" };
                sink.push(raw(
                    Rule::StraightQuotes,
                    i,
                    after,
                    "Dùng ngoặc kép cong “ ” theo quy định của tờ báo",
                    "Use curly quotes “ ” (house style)",
                    fix,
                ));
            }
        } else if matches!(c, '“' | '”') && config.quote_style == QuoteStyle::Straight {
            sink.push(raw(
                Rule::StraightQuotes,
                i,
                after,
                "Dùng ngoặc kép thẳng \" theo quy định của tờ báo",
                "Use straight quotes \" (house style)",
                "\"",
            ));
        }
        before_prev = prev;
        prev = Some(c);
    }
}

fn quote_or_bracket(c: char) -> (Rule, &'static str, &'static str) {
    if matches!(c, '(' | ')' | '[' | ']') {
        (
            Rule::SpaceInsideBrackets,
            "Thừa khoảng trắng ngay trong dấu ngoặc",
            "Space just inside brackets",
        )
    } else {
        (
            Rule::SpaceInsideQuotes,
            "Thừa khoảng trắng ngay trong dấu ngoặc kép",
            "Space just inside quotation marks",
        )
    }
}

fn missing_space_after(text: &str, i: usize, c: char, prev: Option<char>, n: char) -> bool {
    let starts_word = n.is_alphabetic() || matches!(n, '“' | '(');
    if !starts_word {
        return false;
    }
    let p = prev.unwrap_or(' ');
    match c {
        ',' | ';' | '!' | '?' => !p.is_whitespace(),
        ':' => p.is_alphabetic() && n.is_alphabetic(),
        '.' => {
            // `ông.Ông` but not `TP.HCM`, `baochinhphu.vn`, `v.v.`
            if !(p.is_lowercase() && n.is_uppercase()) {
                return false;
            }
            let w = word_before(text, i).to_lowercase();
            w.chars().count() >= 2 && !DOTTED.contains(&w.as_str())
        }
        _ => false,
    }
}
