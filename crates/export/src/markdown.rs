//! CommonMark: the same article as the HTML page, for partners and archives. Every
//! character Markdown gives a meaning is backslash-escaped, so user text is never
//! read as markup (no raw HTML gets through).

use std::fmt::Write;

use newsdesk_core::byline::format_bylines;
use newsdesk_core::document::is_allowed_href;
use newsdesk_core::interview::{Turn, LABEL_SEPARATOR};
use newsdesk_core::{dateline, Block, Inline, Lang, Mark, PersonLine};

use crate::html::tagged_lead;
use crate::{ExportInput, Result};

/// `s` with every character CommonMark could read as markup backslash-escaped:
/// emphasis, code, links, HTML, entities, headings and block quotes anywhere, list
/// markers (`-`, `+`, `1.`) only where a line starts; a newline becomes a hard break.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    let mut line_start = true;
    let mut digits_only = true;
    for c in s.chars() {
        if c == '\n' {
            o.push_str("\\\n");
            line_start = true;
            digits_only = true;
            continue;
        }
        let always = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&'
        );
        let at_start = line_start && matches!(c, '-' | '+' | '=')
            || digits_only && !line_start && matches!(c, '.' | ')');
        if always || at_start {
            o.push('\\');
        }
        o.push(c);
        digits_only = digits_only && c.is_ascii_digit();
        line_start = false;
    }
    o
}

/// The whole article.
pub fn document(input: &ExportInput<'_>) -> Result<String> {
    let a = input.article;
    let s = input.settings;
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", escape(&a.headline));
    let _ = writeln!(
        o,
        "*{}*\n",
        escape(&dateline(input.dated, s.tz()?, s.language))
    );
    let (prefix, lead) = tagged_lead(s, &a.lead);
    if !lead.is_empty() {
        let _ = writeln!(o, "**{}{}**\n", escape(&prefix), escape(&lead));
    }
    for b in &a.body.blocks {
        if let Block::Figure { placement_id, .. } = b {
            if let Some(f) = input
                .figures
                .iter()
                .find(|f| f.placement_id == *placement_id)
            {
                if let Some(file) = &f.file {
                    let _ = writeln!(o, "![{}](<{}>)\n", escape(&f.alt), file);
                }
                let _ = writeln!(o, "*{}* {}\n", escape(&f.caption), escape(&f.credit));
            }
            continue;
        }
        block(&mut o, b, "");
    }
    let by = format_bylines(&a.bylines, s.language);
    if !by.is_empty() {
        let _ = writeln!(o, "**{}**\n", escape(&by));
    }
    if !input.related.is_empty() {
        let label = match s.language {
            Lang::Vi => "Xem thêm",
            Lang::En => "See also",
        };
        let _ = writeln!(o, "## {label}\n");
        for r in input.related {
            let _ = writeln!(o, "- {}", escape(&r.headline));
        }
        o.push('\n');
    }
    Ok(o.trim_end().to_owned() + "\n")
}

fn blocks(o: &mut String, bs: &[Block], indent: &str) {
    for b in bs {
        block(o, b, indent);
    }
}

fn para(o: &mut String, indent: &str, text: &str) {
    let _ = writeln!(
        o,
        "{indent}{}\n",
        text.replace('\n', &format!("\n{indent}"))
    );
}

fn block(o: &mut String, b: &Block, indent: &str) {
    match b {
        Block::Paragraph { content } => para(o, indent, &inlines(content)),
        Block::Heading { level, content } => {
            let hashes = "#".repeat((*level).clamp(2, 4) as usize);
            let _ = writeln!(o, "{indent}{hashes} {}\n", inlines(content));
        }
        Block::Quote { blocks: inner } => {
            blocks(o, inner, &format!("{indent}> "));
        }
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_owned()
                };
                let mut inner = String::new();
                blocks(&mut inner, &item.blocks, "");
                let pad = " ".repeat(marker.len());
                for (j, line) in inner.trim_end().lines().enumerate() {
                    let lead = if j == 0 {
                        marker.as_str()
                    } else {
                        pad.as_str()
                    };
                    let _ = writeln!(
                        o,
                        "{indent}{}{line}",
                        if line.is_empty() { "" } else { lead }
                    );
                }
                o.push('\n');
            }
        }
        Block::Interview(iv) => {
            for (turn, label) in iv.turns.iter().zip(iv.turn_labels()) {
                let (bs, pq) = match turn {
                    Turn::Question { blocks } => (blocks, None),
                    Turn::Answer {
                        blocks, pull_quote, ..
                    } => (blocks, Some(pull_quote)),
                };
                if let Some(pq) = pq.filter(|p| !p.is_empty()) {
                    let _ = writeln!(o, "{indent}> *{}*\n", inlines(pq));
                }
                labelled(o, &label, bs, indent);
            }
        }
        Block::Figure { .. } => {}
        Block::Voices(v) => {
            if !v.heading.is_empty() {
                let _ = writeln!(o, "{indent}## {}\n", inlines(&v.heading));
            }
            for voice in &v.voices {
                let line = PersonLine::of(voice);
                let who = line.who();
                let mut l = String::new();
                if !who.is_empty() {
                    let _ = write!(l, "**{}**", escape(&who));
                }
                if !line.quote.is_empty() {
                    if !who.is_empty() {
                        l.push_str(LABEL_SEPARATOR);
                    }
                    let _ = write!(l, "“{}”", escape(&line.quote));
                }
                para(o, indent, &l);
                blocks(o, &voice.statement, indent);
            }
        }
    }
}

fn labelled(o: &mut String, label: &str, bs: &[Block], indent: &str) {
    let mut done = label.is_empty();
    for b in bs {
        match (b, done) {
            (Block::Paragraph { content }, false) => {
                let text = format!(
                    "**{}{}**{}",
                    escape(label),
                    escape(LABEL_SEPARATOR.trim_end()),
                    format_args!(" {}", inlines(content))
                );
                para(o, indent, &text);
                done = true;
            }
            _ => block(o, b, indent),
        }
    }
    if !done {
        let _ = writeln!(o, "{indent}**{}**\n", escape(label));
    }
}

/// Inline runs as Markdown.
pub fn inlines(content: &[Inline]) -> String {
    let mut o = String::new();
    for i in content {
        match i {
            Inline::Text { text, marks } => {
                let mut t = escape(text);
                for m in marks {
                    t = match m {
                        Mark::Bold => format!("**{t}**"),
                        Mark::Italic => format!("*{t}*"),
                        Mark::Link { href } if is_allowed_href(href) => {
                            format!("[{t}](<{}>)", href.trim().replace(['<', '>', '\n'], ""))
                        }
                        Mark::Link { .. } => t,
                    }
                }
                o.push_str(&t);
            }
            Inline::HardBreak => o.push_str("\\\n"),
            Inline::Placeholder { prompt } => {
                let _ = write!(o, "\\[{}\\]", escape(prompt));
            }
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser};

    /// The text a CommonMark reader gets back from one escaped paragraph.
    fn read_back(md: &str) -> String {
        let mut out = String::new();
        for e in Parser::new(md) {
            match e {
                Event::Text(t) => out.push_str(&t),
                Event::HardBreak => out.push('\n'),
                Event::SoftBreak => out.push(' '),
                Event::Start(_) | Event::End(_) => {}
                other => panic!("{md:?} was read as markup: {other:?}"),
            }
        }
        out
    }

    #[test]
    fn escaped_text_reads_back_exactly() {
        let cases = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "[a](javascript:alert(1))",
            "*nghiêng* **đậm** _x_ `code`",
            "# không phải tiêu đề",
            "> không phải trích dẫn",
            "1. không phải danh sách",
            "- không phải danh sách",
            "+ cũng không",
            "2017) năm",
            "&amp; &#x41; \\ \\*",
            "dòng một\ndòng hai",
            "a|b ~~c~~ !x",
            "\u{202E}\u{200F}RTL",
            "a\u{0}b",
        ];
        for s in cases {
            let md = escape(s);
            assert_eq!(read_back(&md), s, "{s:?} escaped as {md:?}");
        }
    }
}
