//! Article templates: the skeletons "New article" offers (news, Q&A interview,
//! multi-voice, photo story) and the newsroom's own, read from `templates/*.json` in
//! the data folder in the format documented in `docs/templates.md`. A template's body
//! carries placeholder prompts that the pre-publish check refuses to let through.
//! This module parses and builds templates; reading the folder is the store's job.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::article::NewArticle;
use crate::byline::{Byline, Role};
use crate::document::{Block, Document, Inline, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::file::read_envelope;
use crate::interview::{Interview, Speaker, Turn, Voice, VoiceSection};
use crate::settings::Settings;

/// The value of the `format` field of a template file.
pub const FORMAT: &str = "newsdesk-template";
/// The template file format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateSource {
    /// Shipped with Newsdesk.
    BuiltIn,
    /// A file in the data folder's `templates/`.
    File { file: String },
}

/// A template "New article" offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Template {
    /// Short name used on the command line (`qa`); unique.
    pub key: String,
    /// The name the picker shows (`Phỏng vấn hỏi – đáp`).
    pub name: String,
    pub description: String,
    pub source: TemplateSource,
    /// The role bylines of an article made from it get (interviews: `Interviewer`,
    /// printed `(thực hiện)`).
    pub byline_role: Role,
    /// The section the article starts in (may be empty).
    pub section: String,
    pub tags: Vec<String>,
    /// The skeleton, with placeholder prompts.
    pub body: Document,
}

/// A template file as written on disk.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    format: String,
    format_version: u32,
    key: String,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default = "writer")]
    byline_role: Role,
    #[serde(default)]
    section: String,
    #[serde(default)]
    tags: Vec<String>,
    blocks: Vec<Block>,
}

fn writer() -> Role {
    Role::Writer
}

/// Keys of the built-in templates.
pub const BUILT_IN_KEYS: [&str; 4] = ["news", "qa", "voices", "photo"];

fn ph(prompt: &str) -> Block {
    Block::Paragraph {
        content: vec![placeholder(prompt)],
    }
}

fn placeholder(prompt: &str) -> Inline {
    Inline::Placeholder {
        prompt: prompt.to_owned(),
    }
}

fn built_in(key: &str, name: &str, description: &str, role: Role, blocks: Vec<Block>) -> Template {
    Template {
        key: key.into(),
        name: name.into(),
        description: description.into(),
        source: TemplateSource::BuiltIn,
        byline_role: role,
        section: String::new(),
        tags: Vec::new(),
        body: Document {
            schema_version: SCHEMA_VERSION,
            blocks,
        },
    }
}

impl Template {
    /// The templates shipped with Newsdesk: news (tin), Q&A interview, multi-voice and
    /// photo story, in that order.
    pub fn built_ins() -> Vec<Template> {
        let question = || Turn::Question {
            blocks: vec![ph("Câu hỏi của phóng viên")],
        };
        let answer = || Turn::Answer {
            speaker: "s1".into(),
            blocks: vec![ph("Câu trả lời")],
            pull_quote: Vec::new(),
        };
        let voice = || Voice {
            pull_quote: vec![placeholder("Câu nói nổi bật, in trong ngoặc kép")],
            statement: vec![ph("Ý kiến của người được hỏi, viết ở ngôi thứ nhất")],
            ..Voice::default()
        };
        vec![
            built_in(
                "news",
                "Tin",
                "Tin: ai, làm gì, ở đâu, khi nào, rồi chi tiết.",
                Role::Writer,
                vec![
                    ph("Nội dung chính: ai, làm gì, ở đâu, khi nào"),
                    ph("Chi tiết, số liệu, trích dẫn"),
                ],
            ),
            built_in(
                "qa",
                "Phỏng vấn hỏi – đáp",
                "Lời giới thiệu, rồi các lượt hỏi của phóng viên và trả lời của người được phỏng vấn.",
                Role::Interviewer,
                vec![
                    ph("Giới thiệu người được phỏng vấn và lý do cuộc phỏng vấn"),
                    Block::Interview(Interview {
                        speakers: vec![Speaker {
                            key: "s1".into(),
                            person_id: None,
                            honorific: String::new(),
                            name: String::new(),
                            short_label: String::new(),
                        }],
                        turns: vec![question(), answer(), question(), answer()],
                        ..Interview::new("")
                    }),
                ],
            ),
            built_in(
                "voices",
                "Ghi nhận ý kiến",
                "Lời dẫn, rồi một tiêu đề phụ và ý kiến của từng người.",
                Role::Interviewer,
                vec![
                    ph("Lời dẫn: sự việc, vấn đề được hỏi ý kiến"),
                    Block::Voices(VoiceSection {
                        heading: vec![placeholder("Tiêu đề phụ của phần ý kiến")],
                        voices: vec![voice(), voice(), voice()],
                    }),
                ],
            ),
            built_in(
                "photo",
                "Phóng sự ảnh",
                "Lời dẫn, rồi từng ảnh với chú thích.",
                Role::Photographer,
                vec![
                    ph("Lời dẫn: câu chuyện của bộ ảnh"),
                    ph("Ảnh 1: chèn ảnh và chú thích"),
                    ph("Ảnh 2: chèn ảnh và chú thích"),
                    ph("Ảnh 3: chèn ảnh và chú thích"),
                ],
            ),
        ]
    }

    /// Reads a template file (`file` is its name, for the source). Errors name the
    /// field (`blocks[2]: unknown variant `figurine`…` for a block kind this Newsdesk
    /// does not know).
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Template> {
        let value = read_envelope(bytes, FORMAT, FORMAT_VERSION, "a template file")?;
        let f: TemplateFile = serde_path_to_error::deserialize(value).map_err(|e| Error::Json {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
        let key = f.key.trim().to_owned();
        if key.is_empty()
            || key.len() > 40
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(Error::invalid(
                "key",
                format!("'{key}' is not a template key: use 1 to 40 of a-z, 0-9 and -"),
            ));
        }
        if f.name.trim().is_empty() {
            return Err(Error::invalid("name", "a template needs a name"));
        }
        let body = Document {
            schema_version: SCHEMA_VERSION,
            blocks: f.blocks,
        }
        .normalized();
        body.validate_at("").map_err(|e| match e {
            Error::Invalid { path, message } => Error::Invalid {
                path: path.trim_start_matches('.').to_owned(),
                message,
            },
            other => other,
        })?;
        Ok(Template {
            key,
            name: f.name.trim().to_owned(),
            description: f.description,
            source: TemplateSource::File { file: file.into() },
            byline_role: f.byline_role,
            section: f.section,
            tags: f.tags,
            body,
        })
    }

    /// The template as a file in the documented format (pretty JSON, final newline):
    /// a starting point for a newsroom's own template.
    pub fn to_file(&self) -> String {
        let f = TemplateFile {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            key: self.key.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            byline_role: self.byline_role,
            section: self.section.clone(),
            tags: self.tags.clone(),
            blocks: self.body.blocks.clone(),
        };
        let mut s = serde_json::to_string_pretty(&f).expect("a template always serialises");
        s.push('\n');
        s
    }

    /// The fields of a new article made from this template: the skeleton with
    /// interviewer labels from the settings, and the named people as bylines in the
    /// template's role (editable afterwards).
    pub fn new_article(&self, settings: &Settings, byline_names: &[String]) -> NewArticle {
        let mut body = self.body.clone();
        for b in &mut body.blocks {
            if let Block::Interview(iv) = b {
                if iv.interviewer.trim().is_empty() {
                    iv.interviewer = settings.interviewer_label.clone();
                }
            }
        }
        NewArticle {
            body: Some(body),
            bylines: byline_names
                .iter()
                .map(|n| Byline::new(n, self.byline_role))
                .collect(),
            section: self.section.clone(),
            tags: self.tags.clone(),
            ..NewArticle::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_are_valid_and_full_of_placeholders() {
        let all = Template::built_ins();
        let keys: Vec<_> = all.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, BUILT_IN_KEYS);
        for t in &all {
            t.body.validate().unwrap();
            assert!(!t.body.placeholders_at("body").is_empty(), "{}", t.key);
            // Every built-in survives its own file format.
            let back = Template::parse("x.json", t.to_file().as_bytes()).unwrap();
            assert_eq!(back.body, t.body, "{}", t.key);
        }
    }

    #[test]
    fn an_interview_template_sets_the_interviewer_role_and_label() {
        let qa = &Template::built_ins()[1];
        let s = Settings {
            interviewer_label: "Phóng viên".into(),
            ..Settings::default()
        };
        let new = qa.new_article(&s, &["Đông Hà".into(), "Minh Anh".into()]);
        assert_eq!(
            crate::byline::format_bylines(&new.bylines, crate::Lang::Vi),
            "Đông Hà - Minh Anh (thực hiện)"
        );
        let Some(Block::Interview(iv)) = new.body.as_ref().and_then(|b| b.blocks.get(1)) else {
            panic!("no interview block")
        };
        assert_eq!(iv.interviewer, "Phóng viên");
    }

    #[test]
    fn bad_template_files_say_what_is_wrong() {
        let good = Template::built_ins()[0].to_file();
        let cases: Vec<(String, &str, &str)> = vec![
            (
                good.replace("\"paragraph\"", "\"figurine\""),
                "blocks[0].type",
                "figurine",
            ),
            (
                good.replace("\"key\": \"news\"", "\"key\": \"Tin Tức\""),
                "key",
                "template key",
            ),
            (good.replace(FORMAT, "something"), "format", FORMAT),
            ("{\"format\":".into(), "(file)", "JSON"),
            (
                good.replace(
                    "\"format_version\": 1",
                    "\"format_version\": 1, \"colour\": 2",
                ),
                "colour",
                "unknown field",
            ),
        ];
        for (text, path, needle) in cases {
            match Template::parse("t.json", text.as_bytes()) {
                Err(Error::Json { path: p, message } | Error::Invalid { path: p, message }) => {
                    assert_eq!(p, path, "{message}");
                    assert!(message.contains(needle), "{message}");
                }
                other => panic!("expected an error at {path}, got {other:?}"),
            }
        }
    }
}
