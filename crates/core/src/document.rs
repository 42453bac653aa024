//! The typed document an article body is written in.
//!
//! The Rust core owns this model; the editor's schema mirrors it and every export
//! renders from it. It is serialised as JSON with a `type` tag on every block, inline
//! and mark, and carries a `schema_version` so that later versions can add block kinds
//! (photo figures, interview turns) without breaking files written today.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::interview::{Interview, VoiceSection};
use crate::person::Person;
use crate::text::nfc;

/// The version of the document model this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Allowed heading levels: 2 is a subheading, 3 and 4 go below it (the headline is level 1).
pub const HEADING_LEVELS: std::ops::RangeInclusive<u8> = 2..=4;

/// An article body: a versioned list of blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Document {
    /// Version of the document model; a body from a newer version is refused.
    pub schema_version: u32,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            blocks: Vec::new(),
        }
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Block {
    /// A paragraph of running text.
    Paragraph { content: Vec<Inline> },
    /// A subheading inside the body (levels 2 to 4).
    Heading {
        #[schemars(range(min = 2, max = 4))]
        level: u8,
        content: Vec<Inline>,
    },
    /// A block quotation.
    Quote { blocks: Vec<Block> },
    /// A bulleted (`ordered: false`) or numbered list.
    List { ordered: bool, items: Vec<ListItem> },
    /// A question-and-answer interview (hỏi–đáp): the people answering, then the
    /// turns. The intro before it is ordinary paragraphs.
    Interview(Interview),
    /// A multi-voice section (ghi nhận ý kiến): a subheading, then one voice per person.
    Voices(VoiceSection),
    /// A photo placed in the article. Its caption, credit and alt text belong to the
    /// placement (they can differ from article to article); the photo is the original.
    Figure { placement_id: Uuid, photo_id: Uuid },
}

/// One item of a list: blocks, so that an item can hold a nested list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ListItem {
    pub blocks: Vec<Block>,
}

/// Inline content of a paragraph or heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Inline {
    /// A run of text with the same marks.
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[ts(optional, as = "Option<Vec<Mark>>")]
        marks: Vec<Mark>,
    },
    /// A line break inside a block.
    HardBreak,
    /// Template text that prompts the writer (`Câu hỏi của phóng viên`). It must be
    /// replaced before publication: [`crate::Article::placeholders`] lists those left.
    Placeholder { prompt: String },
}

/// Formatting on a run of text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Mark {
    Bold,
    Italic,
    /// A hyperlink; only http, https, mailto and tel addresses are allowed.
    Link {
        href: String,
    },
}

/// URL schemes a link may use. Anything else (`javascript:`, `data:`, `file:`) is refused.
const LINK_SCHEMES: [&str; 4] = ["http://", "https://", "mailto:", "tel:"];

/// Whether `href` is a link address the document accepts.
pub fn is_allowed_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    !href.chars().any(char::is_control) && LINK_SCHEMES.iter().any(|s| lower.starts_with(s))
}

impl Document {
    /// A document of plain paragraphs, one per non-empty line group separated by blank lines.
    pub fn from_plain_text(text: &str) -> Document {
        let blocks = split_paragraphs(text)
            .into_iter()
            .map(|p| Block::paragraph(&p))
            .collect();
        Document {
            schema_version: SCHEMA_VERSION,
            blocks,
        }
    }

    /// The text of the document, blocks separated by blank lines, without formatting.
    pub fn plain_text(&self) -> String {
        let mut out = Vec::new();
        for b in &self.blocks {
            b.collect_text(&mut out);
        }
        out.join("\n\n")
    }

    /// Checks the rules the type system cannot: version, heading levels, link schemes.
    pub fn validate(&self) -> Result<()> {
        self.validate_at("body")
    }

    /// [`Document::validate`] with the field path to report errors under.
    pub fn validate_at(&self, path: &str) -> Result<()> {
        if self.schema_version > SCHEMA_VERSION {
            return Err(Error::invalid(
                format!("{path}.schema_version"),
                format!(
                    "document schema version {} is newer than this Newsdesk reads ({SCHEMA_VERSION})",
                    self.schema_version
                ),
            ));
        }
        if self.schema_version == 0 {
            return Err(Error::invalid(
                format!("{path}.schema_version"),
                "schema version must be 1 or more",
            ));
        }
        for (i, b) in self.blocks.iter().enumerate() {
            b.validate(&format!("{path}.blocks[{i}]"))?;
        }
        Ok(())
    }

    /// Every placeholder prompt left in the body, in reading order, with its path
    /// under `path` (`body`). An article with any cannot be published.
    pub fn placeholders_at(&self, path: &str) -> Vec<PlaceholderAt> {
        let mut out = Vec::new();
        visit_blocks(
            &self.blocks,
            &format!("{path}.blocks"),
            &mut |p, inlines| {
                for (i, inline) in inlines.iter().enumerate() {
                    if let Inline::Placeholder { prompt } = inline {
                        out.push(PlaceholderAt {
                            path: format!("{p}[{i}]"),
                            prompt: prompt.clone(),
                        });
                    }
                }
            },
        );
        out
    }

    /// What must be finished before publication in the interview blocks (a voice with
    /// no name, an empty pull-quote…), with paths under `path` (`body`).
    pub fn findings_at(&self, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, b) in self.blocks.iter().enumerate() {
            let at = format!("{path}.blocks[{i}]");
            match b {
                Block::Interview(iv) => out.extend(iv.findings(&at)),
                Block::Voices(v) => out.extend(v.findings(&at)),
                _ => {}
            }
        }
        out
    }

    /// The placements of the document's figures, in reading order (for credits).
    pub fn placements(&self) -> Vec<Uuid> {
        let mut out = Vec::new();
        for b in &self.blocks {
            b.collect_placements(&mut out);
        }
        out
    }

    /// Fills the empty fields of voices and speakers linked to a person (by
    /// `person_id`) from the directory, titles and position as held on `day` (the
    /// article's date). Text already typed is never replaced.
    pub fn fill_from_directory(&mut self, people: &[Person], day: NaiveDate) {
        for b in &mut self.blocks {
            match b {
                Block::Interview(iv) => iv.fill_from(people),
                Block::Voices(v) => v.fill_from(people, day),
                _ => {}
            }
        }
    }

    /// The same document with every string in Unicode NFC.
    pub fn normalized(&self) -> Document {
        Document {
            schema_version: self.schema_version,
            blocks: self.blocks.iter().map(Block::normalized).collect(),
        }
    }
}

fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

impl Block {
    /// A paragraph holding one unformatted run of text (line breaks become hard breaks).
    pub fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            content: Inline::plain_lines(text),
        }
    }

    pub(crate) fn collect_text(&self, out: &mut Vec<String>) {
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                out.push(inline_text(content))
            }
            Block::Quote { blocks } => blocks.iter().for_each(|b| b.collect_text(out)),
            Block::List { items, .. } => items
                .iter()
                .flat_map(|i| &i.blocks)
                .for_each(|b| b.collect_text(out)),
            Block::Interview(i) => i.collect_text(out),
            Block::Voices(v) => v.collect_text(out),
            Block::Figure { .. } => {}
        }
    }

    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        match self {
            Block::Paragraph { content } => validate_inlines(content, &format!("{path}.content")),
            Block::Heading { level, content } => {
                if !HEADING_LEVELS.contains(level) {
                    return Err(Error::invalid(
                        format!("{path}.level"),
                        format!("heading level {level} is not allowed (2 to 4)"),
                    ));
                }
                validate_inlines(content, &format!("{path}.content"))
            }
            Block::Quote { blocks } => validate_nested(blocks, &format!("{path}.blocks")),
            Block::List { items, .. } => items.iter().enumerate().try_for_each(|(i, item)| {
                validate_nested(&item.blocks, &format!("{path}.items[{i}].blocks"))
            }),
            Block::Interview(i) => i.validate(path),
            Block::Voices(v) => v.validate(path),
            Block::Figure { .. } => Ok(()),
        }
    }

    pub(crate) fn normalized(&self) -> Block {
        match self {
            Block::Paragraph { content } => Block::Paragraph {
                content: normalize_inlines(content),
            },
            Block::Heading { level, content } => Block::Heading {
                level: *level,
                content: normalize_inlines(content),
            },
            Block::Quote { blocks } => Block::Quote {
                blocks: blocks.iter().map(Block::normalized).collect(),
            },
            Block::List { ordered, items } => Block::List {
                ordered: *ordered,
                items: items
                    .iter()
                    .map(|i| ListItem {
                        blocks: i.blocks.iter().map(Block::normalized).collect(),
                    })
                    .collect(),
            },
            Block::Interview(i) => Block::Interview(i.normalized()),
            Block::Voices(v) => Block::Voices(v.normalized()),
            Block::Figure { .. } => self.clone(),
        }
    }

    /// The placements of figures in this block and the blocks inside it, in reading order.
    fn collect_placements(&self, out: &mut Vec<Uuid>) {
        match self {
            Block::Figure { placement_id, .. } => out.push(*placement_id),
            Block::Quote { blocks } => blocks.iter().for_each(|b| b.collect_placements(out)),
            Block::List { items, .. } => items
                .iter()
                .flat_map(|i| &i.blocks)
                .for_each(|b| b.collect_placements(out)),
            Block::Paragraph { .. } | Block::Heading { .. } => {}
            Block::Interview(_) | Block::Voices(_) => {}
        }
    }

    /// Calls `f` with every inline run of this block and its path, in reading order.
    pub(crate) fn visit_inlines<'a>(&'a self, path: &str, f: &mut dyn FnMut(&str, &'a [Inline])) {
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                f(&format!("{path}.content"), content)
            }
            Block::Quote { blocks } => visit_blocks(blocks, &format!("{path}.blocks"), f),
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    visit_blocks(&item.blocks, &format!("{path}.items[{i}].blocks"), f)
                }
            }
            Block::Interview(i) => i.visit_inlines(path, f),
            Block::Voices(v) => v.visit_inlines(path, f),
            Block::Figure { .. } => {}
        }
    }
}

/// Validates blocks that stand inside another block (a quote, a list item, a turn, a
/// statement): interview sections stand only at the top level of the body.
pub(crate) fn validate_nested(blocks: &[Block], path: &str) -> Result<()> {
    for (i, b) in blocks.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if matches!(b, Block::Interview(_) | Block::Voices(_)) {
            return Err(Error::invalid(
                at,
                "an interview or voices section cannot stand inside another block",
            ));
        }
        b.validate(&at)?;
    }
    Ok(())
}

/// [`Block::visit_inlines`] over a list of blocks whose path is `path` (`body.blocks`).
pub(crate) fn visit_blocks<'a>(
    blocks: &'a [Block],
    path: &str,
    f: &mut dyn FnMut(&str, &'a [Inline]),
) {
    for (i, b) in blocks.iter().enumerate() {
        b.visit_inlines(&format!("{path}[{i}]"), f);
    }
}

/// A placeholder prompt still in a document, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlaceholderAt {
    /// The field path of the placeholder (`body.blocks[2].turns[0].blocks[0].content[0]`).
    pub path: String,
    /// The prompt text it shows.
    pub prompt: String,
}

impl Inline {
    /// Unformatted text; `\n` becomes a hard break.
    pub fn plain_lines(text: &str) -> Vec<Inline> {
        let mut out = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Inline::HardBreak);
            }
            if !line.is_empty() {
                out.push(Inline::Text {
                    text: line.to_owned(),
                    marks: Vec::new(),
                });
            }
        }
        out
    }
}

/// The text of a run of inlines; hard breaks become `\n`.
pub fn inline_text(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } => text.clone(),
            Inline::HardBreak => "\n".to_owned(),
            Inline::Placeholder { prompt } => format!("[{prompt}]"),
        })
        .collect()
}

pub(crate) fn validate_inlines(content: &[Inline], path: &str) -> Result<()> {
    for (i, inline) in content.iter().enumerate() {
        if let Inline::Placeholder { prompt } = inline {
            if prompt.trim().is_empty() {
                return Err(Error::invalid(
                    format!("{path}[{i}].prompt"),
                    "a placeholder needs a prompt",
                ));
            }
        }
        if let Inline::Text { text, marks } = inline {
            if text.is_empty() {
                return Err(Error::invalid(
                    format!("{path}[{i}].text"),
                    "a text run must not be empty",
                ));
            }
            for (j, m) in marks.iter().enumerate() {
                if let Mark::Link { href } = m {
                    if !is_allowed_href(href) {
                        return Err(Error::invalid(
                            format!("{path}[{i}].marks[{j}].href"),
                            format!(
                                "link address '{}' is not allowed: use http, https, mailto or tel",
                                truncate(href, 80)
                            ),
                        ));
                    }
                }
                if marks[..j].contains(m) {
                    return Err(Error::invalid(
                        format!("{path}[{i}].marks[{j}]"),
                        "the same mark appears twice on one run",
                    ));
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn normalize_inlines(content: &[Inline]) -> Vec<Inline> {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text, marks } => Inline::Text {
                text: nfc(text),
                marks: marks.clone(),
            },
            Inline::HardBreak => Inline::HardBreak,
            Inline::Placeholder { prompt } => Inline::Placeholder {
                prompt: nfc(prompt),
            },
        })
        .collect()
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, marks: Vec<Mark>) -> Inline {
        Inline::Text {
            text: t.into(),
            marks,
        }
    }

    fn every_kind() -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            blocks: vec![
                Block::Heading {
                    level: 2,
                    content: vec![text("Tiêu đề phụ", vec![])],
                },
                Block::Paragraph {
                    content: vec![
                        text("Đà Nẵng ", vec![Mark::Bold]),
                        text("và", vec![Mark::Italic, Mark::Bold]),
                        Inline::HardBreak,
                        text(
                            "Quảng Trị",
                            vec![Mark::Link {
                                href: "https://baoquangtri.vn".into(),
                            }],
                        ),
                    ],
                },
                Block::Quote {
                    blocks: vec![Block::paragraph("“Trích dẫn”")],
                },
                Block::List {
                    ordered: true,
                    items: vec![ListItem {
                        blocks: vec![
                            Block::paragraph("một"),
                            Block::List {
                                ordered: false,
                                items: vec![ListItem {
                                    blocks: vec![Block::paragraph("hai")],
                                }],
                            },
                        ],
                    }],
                },
                Block::Figure {
                    placement_id: Uuid::from_u128(1),
                    photo_id: Uuid::from_u128(2),
                },
            ],
        }
    }

    #[test]
    fn every_block_kind_round_trips_through_json() {
        let doc = every_kind();
        doc.validate().unwrap();
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert!(json.contains(r#""type":"heading""#), "{json}");
        assert!(json.contains(r#""type":"hard_break""#), "{json}");
        assert!(
            json.contains(r#""type":"figure","placement_id":"#),
            "{json}"
        );
        assert_eq!(back.placements(), [Uuid::from_u128(1)]);
    }

    #[test]
    fn plain_text_and_back() {
        let doc = Document::from_plain_text("Dòng một\ncòn tiếp\n\n\nĐoạn hai\n");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.plain_text(), "Dòng một\ncòn tiếp\n\nĐoạn hai");
        assert_eq!(
            every_kind().plain_text().lines().next(),
            Some("Tiêu đề phụ")
        );
    }

    #[test]
    fn validation_names_the_field() {
        let cases: Vec<(Document, &str)> = vec![
            (
                Document {
                    schema_version: 1,
                    blocks: vec![Block::Heading {
                        level: 7,
                        content: vec![],
                    }],
                },
                "body.blocks[0].level",
            ),
            (
                Document {
                    schema_version: 1,
                    blocks: vec![Block::Quote {
                        blocks: vec![Block::Paragraph {
                            content: vec![text(
                                "x",
                                vec![Mark::Link {
                                    href: " JavaScript:alert(1)".into(),
                                }],
                            )],
                        }],
                    }],
                },
                "body.blocks[0].blocks[0].content[0].marks[0].href",
            ),
            (
                Document {
                    schema_version: 99,
                    blocks: vec![],
                },
                "body.schema_version",
            ),
            (
                Document {
                    schema_version: 1,
                    blocks: vec![Block::Paragraph {
                        content: vec![text("", vec![])],
                    }],
                },
                "body.blocks[0].content[0].text",
            ),
        ];
        for (doc, path) in cases {
            match doc.validate() {
                Err(Error::Invalid { path: p, .. }) => assert_eq!(p, path),
                other => panic!("expected an error at {path}, got {other:?}"),
            }
        }
    }

    #[test]
    fn link_schemes() {
        for (href, ok) in [
            ("https://a.vn", true),
            ("http://a.vn/x?y=1", true),
            ("mailto:toasoan@a.vn", true),
            ("javascript:alert(1)", false),
            ("JAVASCRIPT:alert(1)", false),
            ("data:text/html,x", false),
            ("java\nscript:x", false),
            ("/relative", false),
        ] {
            assert_eq!(is_allowed_href(href), ok, "{href}");
        }
    }

    #[test]
    fn normalized_composes_every_string() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Nẵng".nfd().collect();
        let doc = Document::from_plain_text(&nfd).normalized();
        assert_eq!(doc.plain_text(), "Nẵng");
    }
}
