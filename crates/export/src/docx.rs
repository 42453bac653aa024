//! DOCX: the article as real Word paragraphs (headline and subheadings as Heading
//! styles, bold/italic runs, the lead in bold with the paper tag, interviews with
//! bold labels, the byline and `Xem thêm`), each placed photo as a real picture with
//! its caption and credit line under it. Written by docx-rs, which escapes XML;
//! characters XML cannot hold (NUL, other controls) become U+FFFD.

use std::io::{Cursor, Read, Write};

use docx_rs::{BreakType, Docx, Paragraph, Pic, Run, Style, StyleType};
use newsdesk_core::byline::format_bylines;
use newsdesk_core::interview::{Turn, LABEL_SEPARATOR};
use newsdesk_core::{dateline, Block, Inline, Lang, Mark, PersonLine};

use crate::html::{clean, tagged_lead};
use crate::image_meta::{self, ExportedImage};
use crate::{Error, ExportInput, Result};

/// The widest a picture is set on the page: 16 cm, in EMU.
const MAX_PICTURE_EMU: u64 = 16 * 360_000;

fn run(text: &str) -> Run {
    Run::new().add_text(clean(text).into_owned())
}

fn styles(d: Docx) -> Docx {
    let mut d = d.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(40)
            .bold(),
    );
    for (level, size) in [(2, 32), (3, 28), (4, 24)] {
        d = d.add_style(
            Style::new(format!("Heading{}", level - 1), StyleType::Paragraph)
                .name(format!("Heading {}", level - 1))
                .size(size)
                .bold(),
        );
    }
    d.add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .italic(),
    )
}

/// The DOCX file's bytes, the pictures read from `input.images` and credited.
pub fn document(input: &ExportInput<'_>) -> Result<Vec<u8>> {
    let images = image_meta::load(input, false, &mut |_| {})?;
    document_with(input, &images)
}

/// A picture paragraph, scaled to the text width, with a fixed relationship id so the
/// same article gives the same bytes.
fn picture(n: usize, img: &ExportedImage) -> Paragraph {
    let (w, h) = (u64::from(img.width.max(1)), u64::from(img.height.max(1)));
    let w_emu = (w * 9525).min(MAX_PICTURE_EMU);
    let h_emu = w_emu * h / w;
    let pic = Pic::new_with_dimensions(img.jpeg.clone(), img.width, img.height)
        .id(format!("rIdImage{n}"))
        .size(w_emu as u32, h_emu as u32);
    Paragraph::new()
        .align(docx_rs::AlignmentType::Center)
        .add_run(Run::new().add_image(pic))
}

/// [`document`] with the pictures already loaded.
pub fn document_with(input: &ExportInput<'_>, images: &[ExportedImage]) -> Result<Vec<u8>> {
    let a = input.article;
    let s = input.settings;
    let mut d = styles(Docx::new())
        .created_at(
            &a.created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        )
        .updated_at(
            &a.updated_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
    d = d.add_paragraph(
        Paragraph::new().add_run(run(&dateline(input.dated, s.tz()?, s.language)).italic()),
    );
    d = d.add_paragraph(Paragraph::new().style("Title").add_run(run(&a.headline)));
    let (prefix, lead) = tagged_lead(s, &a.lead);
    if !lead.is_empty() {
        d = d.add_paragraph(Paragraph::new().add_run(run(&format!("{prefix}{lead}")).bold()));
    }
    let mut paras = Vec::new();
    for b in &a.body.blocks {
        if let Block::Figure { placement_id, .. } = b {
            if let Some(f) = input
                .figures
                .iter()
                .find(|f| f.placement_id == *placement_id)
            {
                if let Some(img) = images.iter().find(|i| i.placement_id == *placement_id) {
                    let n = images
                        .iter()
                        .position(|i| i.placement_id == img.placement_id)
                        .unwrap_or(0);
                    paras.push(picture(n + 1, img));
                }
                // The caption under the picture, the credit after it.
                paras.push(
                    Paragraph::new()
                        .add_run(run(&f.caption).italic())
                        .add_run(run(&format!(" {}", f.credit)).bold()),
                );
            }
            continue;
        }
        block(&mut paras, b, None);
    }
    for p in paras {
        d = d.add_paragraph(p);
    }
    let by = format_bylines(&a.bylines, s.language);
    if !by.is_empty() {
        d = d.add_paragraph(
            Paragraph::new()
                .align(docx_rs::AlignmentType::Right)
                .add_run(run(&by).bold()),
        );
    }
    if !input.related.is_empty() {
        let label = match s.language {
            Lang::Vi => "Xem thêm",
            Lang::En => "See also",
        };
        d = d.add_paragraph(Paragraph::new().style("Heading1").add_run(run(label)));
        for r in input.related {
            d = d.add_paragraph(Paragraph::new().add_run(run(&format!("• {}", r.headline))));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut out)
        .map_err(|e| Error::Docx(e.to_string()))?;
    if images.is_empty() {
        Ok(out.into_inner())
    } else {
        jpeg_media(&out.into_inner())
    }
}

/// docx-rs names every picture `media/….png`; ours are JPEGs, so they are renamed
/// `.jpeg` (a type the package already declares) and the relationships follow, so
/// Word and LibreOffice read them by their real type. Entries keep their order and
/// fixed timestamps.
fn jpeg_media(docx: &[u8]) -> Result<Vec<u8>> {
    let mut z = zip::ZipArchive::new(Cursor::new(docx))?;
    let mut entries = Vec::with_capacity(z.len());
    let mut renamed = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i)?;
        let mut name = f.name().to_owned();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)
            .map_err(|e| Error::io("reading the DOCX", e))?;
        if name.starts_with("word/media/")
            && name.ends_with(".png")
            && bytes.starts_with(&[0xFF, 0xD8])
        {
            let stem = &name["word/media/".len()..name.len() - 4];
            renamed.push(stem.to_owned());
            name = format!("word/media/{stem}.jpeg");
        }
        entries.push((name, bytes));
    }
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, mut bytes) in entries {
        if name.ends_with(".rels") {
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            for stem in &renamed {
                text = text.replace(
                    &format!("\"media/{stem}.png\""),
                    &format!("\"media/{stem}.jpeg\""),
                );
            }
            bytes = text.into_bytes();
        }
        if name.ends_with('/') {
            w.add_directory(name, opts)?;
            continue;
        }
        let o = if name.ends_with(".jpeg") {
            opts.compression_method(zip::CompressionMethod::Stored)
        } else {
            opts
        };
        w.start_file(name, o)?;
        w.write_all(&bytes)
            .map_err(|e| Error::io("writing the DOCX", e))?;
    }
    Ok(w.finish()?.into_inner())
}

fn inline_runs(mut p: Paragraph, content: &[Inline]) -> Paragraph {
    for i in content {
        p = match i {
            Inline::Text { text, marks } => {
                let mut r = run(text);
                for m in marks {
                    r = match m {
                        Mark::Bold => r.bold(),
                        Mark::Italic => r.italic(),
                        Mark::Link { .. } => r.underline("single"),
                    };
                }
                p.add_run(r)
            }
            Inline::HardBreak => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Inline::Placeholder { prompt } => p.add_run(run(&format!("[{prompt}]")).italic()),
        };
    }
    p
}

fn blocks(out: &mut Vec<Paragraph>, bs: &[Block], style: Option<&str>) {
    for b in bs {
        block(out, b, style);
    }
}

fn block(out: &mut Vec<Paragraph>, b: &Block, style: Option<&str>) {
    let base = || match style {
        Some(s) => Paragraph::new().style(s),
        None => Paragraph::new(),
    };
    match b {
        Block::Paragraph { content } => out.push(inline_runs(base(), content)),
        Block::Heading { level, content } => out.push(inline_runs(
            Paragraph::new().style(&format!("Heading{}", (*level).clamp(2, 4) - 1)),
            content,
        )),
        Block::Quote { blocks: inner } => blocks(out, inner, Some("Quote")),
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "• ".to_owned()
                };
                let mut inner = Vec::new();
                blocks(&mut inner, &item.blocks, style);
                for (j, p) in inner.into_iter().enumerate() {
                    let p = p.indent(Some(360), None, None, None);
                    out.push(if j == 0 {
                        // The marker goes in front of the item's first paragraph.
                        let mut first = Paragraph::new().indent(Some(360), None, None, None);
                        first = first.add_run(run(&marker));
                        merge(first, p)
                    } else {
                        p
                    });
                }
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
                    out.push(inline_runs(Paragraph::new().style("Quote"), pq));
                }
                let mut done = label.is_empty();
                for b in bs {
                    match (b, done) {
                        (Block::Paragraph { content }, false) => {
                            let p = Paragraph::new()
                                .add_run(run(&format!("{label}{LABEL_SEPARATOR}")).bold());
                            out.push(inline_runs(p, content));
                            done = true;
                        }
                        _ => block(out, b, style),
                    }
                }
            }
        }
        Block::Figure { .. } => {}
        Block::Voices(v) => {
            if !v.heading.is_empty() {
                out.push(inline_runs(Paragraph::new().style("Heading1"), &v.heading));
            }
            for voice in &v.voices {
                let line = PersonLine::of(voice);
                let who = line.who();
                let mut p = Paragraph::new();
                if !who.is_empty() {
                    p = p.add_run(run(&who).bold());
                }
                if !line.quote.is_empty() {
                    let sep = if who.is_empty() { "" } else { LABEL_SEPARATOR };
                    p = p.add_run(run(&format!("{sep}“{}”", line.quote)));
                }
                out.push(p);
                blocks(out, &voice.statement, style);
            }
        }
    }
}

/// `first`'s runs followed by `rest`'s children, with `rest`'s properties.
fn merge(first: Paragraph, rest: Paragraph) -> Paragraph {
    let mut p = rest;
    let mut children = first.children;
    children.append(&mut p.children);
    p.children = children;
    p
}
