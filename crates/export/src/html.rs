//! The HTML page as the paper prints it online: date line, headline, lead with the
//! paper tag, body (interviews formatted), byline, `Xem thêm`. One self-contained,
//! valid HTML5 file: inline CSS, no script, a Content-Security-Policy that forbids
//! scripts, every user string escaped, links only to http/https/mailto/tel.

use std::fmt::Write;

use newsdesk_core::byline::format_bylines;
use newsdesk_core::document::is_allowed_href;
use newsdesk_core::interview::{Interview, Turn, VoiceSection, LABEL_SEPARATOR};
use newsdesk_core::{dateline, Block, Inline, Lang, Mark, PersonLine};

use crate::{ExportInput, FigureView, Result};

const STYLE: &str = "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}\
.dateline{color:#666;font-size:.9em}.lead{font-weight:bold}.byline{text-align:right;font-weight:bold}\
.pull-quote{font-size:1.2em;font-style:italic;border-left:3px solid #999;padding-left:1em}\
.related h2{font-size:1em;text-transform:uppercase}";

/// Text made safe for HTML: characters HTML forbids (NUL, other controls,
/// noncharacters) become U+FFFD, then `&`, `<`, `>` are escaped.
pub fn text(s: &str) -> String {
    html_escape::encode_text(&clean(s)).into_owned()
}

/// [`text`] for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(&clean(s)).into_owned()
}

/// `s` with the characters HTML and XML cannot carry (NUL, other controls,
/// noncharacters) replaced by U+FFFD.
pub(crate) fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c as u32, 0xFDD0..=0xFDEF)
            || (c as u32 & 0xFFFE) == 0xFFFE
    };
    if s.chars().any(bad) {
        s.chars()
            .map(|c| if bad(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// Characters a URL may not hold as they are: percent-encoded in link addresses.
const URL_UNSAFE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A link address with the characters URLs forbid percent-encoded (`%` itself is kept,
/// so an address already encoded is not encoded twice).
pub fn url(href: &str) -> String {
    percent_encoding::utf8_percent_encode(href, URL_UNSAFE).to_string()
}

fn lang_tag(l: Lang) -> &'static str {
    match l {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// The lead as printed: the paper tag prefix (`(QT) - `, from the settings) and the lead.
pub fn tagged_lead(settings: &newsdesk_core::Settings, lead: &str) -> (String, String) {
    (settings.lead_prefix(), lead.trim().to_owned())
}

/// The whole page.
pub fn page(input: &ExportInput<'_>) -> Result<String> {
    let a = input.article;
    let s = input.settings;
    let tz = s.tz()?;
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(o, "<html lang=\"{}\">", lang_tag(s.language));
    o.push_str("<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = if a.headline.trim().is_empty() {
        s.paper_name.clone()
    } else {
        a.headline.clone()
    };
    let _ = writeln!(o, "<title>{}</title>", text(&title));
    let _ = writeln!(o, "<style>{STYLE}</style>\n</head>\n<body>\n<article>");
    let _ = writeln!(
        o,
        "<p class=\"dateline\">{}</p>",
        text(&dateline(input.dated, tz, s.language))
    );
    let _ = writeln!(o, "<h1>{}</h1>", text(&a.headline));
    let (prefix, lead) = tagged_lead(s, &a.lead);
    if !prefix.is_empty() || !lead.is_empty() {
        let _ = writeln!(o, "<p class=\"lead\">{}{}</p>", text(&prefix), text(&lead));
    }
    o.push_str(&body(&a.body.blocks, input.figures));
    let by = format_bylines(&a.bylines, s.language);
    if !by.is_empty() {
        let _ = writeln!(o, "<p class=\"byline\">{}</p>", text(&by));
    }
    if !input.related.is_empty() {
        let label = match s.language {
            Lang::Vi => "Xem thêm",
            Lang::En => "See also",
        };
        let _ = writeln!(o, "<section class=\"related\">\n<h2>{label}</h2>\n<ul>");
        for r in input.related {
            let _ = writeln!(o, "<li>{}</li>", text(&r.headline));
        }
        o.push_str("</ul>\n</section>\n");
    }
    o.push_str("</article>\n</body>\n</html>\n");
    Ok(o)
}

/// The body blocks as an HTML fragment (also the ninjs body).
pub fn body(blocks: &[Block], figures: &[FigureView]) -> String {
    let mut o = String::new();
    for b in blocks {
        if let Block::Figure { placement_id, .. } = b {
            if let Some(f) = figures.iter().find(|f| f.placement_id == *placement_id) {
                figure(&mut o, f);
            }
            continue;
        }
        block(&mut o, b);
    }
    o
}

fn figure(o: &mut String, f: &FigureView) {
    o.push_str("<figure>\n");
    if let Some(file) = &f.file {
        let _ = writeln!(
            o,
            "<img src=\"{}\" alt=\"{}\">",
            attr(&url(file)),
            attr(&f.alt)
        );
    }
    let _ = writeln!(
        o,
        "<figcaption>{} <span class=\"credit\">{}</span></figcaption>",
        text(&f.caption),
        text(&f.credit)
    );
    o.push_str("</figure>\n");
}

fn block(o: &mut String, b: &Block) {
    match b {
        Block::Paragraph { content } => {
            let _ = writeln!(o, "<p>{}</p>", inlines(content));
        }
        Block::Heading { level, content } => {
            let l = (*level).clamp(2, 4);
            let _ = writeln!(o, "<h{l}>{}</h{l}>", inlines(content));
        }
        Block::Quote { blocks } => {
            o.push_str("<blockquote>\n");
            blocks.iter().for_each(|b| block(o, b));
            o.push_str("</blockquote>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(o, "<{tag}>");
            for item in items {
                o.push_str("<li>");
                item.blocks.iter().for_each(|b| block(o, b));
                o.push_str("</li>\n");
            }
            let _ = writeln!(o, "</{tag}>");
        }
        Block::Interview(iv) => interview(o, iv),
        Block::Voices(v) => voices(o, v),
        // Figures stand at the top level; [`body`] prints them with their placement.
        Block::Figure { .. } => {}
    }
}

/// Blocks with `label: ` in bold before the first paragraph's text.
fn labelled(o: &mut String, label: &str, blocks: &[Block]) {
    let mut done = label.is_empty();
    for b in blocks {
        match (b, done) {
            (Block::Paragraph { content }, false) => {
                let _ = writeln!(
                    o,
                    "<p><strong>{}{LABEL_SEPARATOR}</strong>{}</p>",
                    text(label),
                    inlines(content)
                );
                done = true;
            }
            _ => block(o, b),
        }
    }
    if !done {
        let _ = writeln!(o, "<p><strong>{}</strong></p>", text(label));
    }
}

fn interview(o: &mut String, iv: &Interview) {
    o.push_str("<section class=\"interview\">\n");
    for (turn, label) in iv.turns.iter().zip(iv.turn_labels()) {
        match turn {
            Turn::Question { blocks } => {
                o.push_str("<div class=\"question\">\n");
                labelled(o, &label, blocks);
                o.push_str("</div>\n");
            }
            Turn::Answer {
                blocks, pull_quote, ..
            } => {
                o.push_str("<div class=\"answer\">\n");
                if !pull_quote.is_empty() {
                    let _ = writeln!(
                        o,
                        "<blockquote class=\"pull-quote\"><p>{}</p></blockquote>",
                        inlines(pull_quote)
                    );
                }
                labelled(o, &label, blocks);
                o.push_str("</div>\n");
            }
        }
    }
    o.push_str("</section>\n");
}

fn voices(o: &mut String, v: &VoiceSection) {
    o.push_str("<section class=\"voices\">\n");
    if !v.heading.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2>", inlines(&v.heading));
    }
    for voice in &v.voices {
        let line = PersonLine::of(voice);
        let who = line.who();
        o.push_str("<div class=\"voice\">\n<p class=\"person-line\">");
        if !who.is_empty() {
            let _ = write!(o, "<strong>{}</strong>", text(&who));
        }
        if !line.quote.is_empty() {
            if !who.is_empty() {
                o.push_str(LABEL_SEPARATOR);
            }
            let _ = write!(o, "“{}”", text(&line.quote));
        }
        o.push_str("</p>\n");
        voice.statement.iter().for_each(|b| block(o, b));
        o.push_str("</div>\n");
    }
    o.push_str("</section>\n");
}

/// Inline runs as HTML: bold, italic, safe links; placeholders as marked text.
pub fn inlines(content: &[Inline]) -> String {
    let mut o = String::new();
    for i in content {
        match i {
            Inline::Text { text: t, marks } => {
                let mut open = String::new();
                let mut close = Vec::new();
                for m in marks {
                    match m {
                        Mark::Bold => {
                            open.push_str("<strong>");
                            close.push("</strong>");
                        }
                        Mark::Italic => {
                            open.push_str("<em>");
                            close.push("</em>");
                        }
                        Mark::Link { href } if is_allowed_href(href) => {
                            let _ = write!(open, "<a href=\"{}\">", attr(&url(href.trim())));
                            close.push("</a>");
                        }
                        Mark::Link { .. } => {} // not a safe address: the text stays, the link goes
                    }
                }
                o.push_str(&open);
                o.push_str(&text(t).replace('\n', "<br>"));
                close.iter().rev().for_each(|c| o.push_str(c));
            }
            Inline::HardBreak => o.push_str("<br>"),
            Inline::Placeholder { prompt } => {
                let _ = write!(o, "<mark>[{}]</mark>", text(prompt));
            }
        }
    }
    o
}
