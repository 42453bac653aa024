//! The documented article file (`docs/article-format.md`, schema in
//! `docs/article.schema.json`): what `newsdesk article export-json` writes and
//! `newsdesk article import` reads. Writing is byte-stable: the same article always
//! gives the same bytes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::error::{Error, Result};

/// The value of the `format` field.
pub const FORMAT: &str = "newsdesk-article";
/// The file format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Reads the envelope every Newsdesk JSON file shares: UTF-8 text, JSON, a `format`
/// field naming the kind of file (`what`, e.g. "an article file", for the message) and
/// a `format_version` no newer than `supported`. Checked before the fields, so a newer
/// or foreign file gets the right message rather than a field error.
pub(crate) fn read_envelope(
    bytes: &[u8],
    format: &str,
    supported: u32,
    what: &str,
) -> Result<serde_json::Value> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Json {
        path: "(file)".into(),
        message: format!(
            "the file is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ),
    })?;
    let head: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Json {
        path: "(file)".into(),
        message: format!("not valid JSON: {e}"),
    })?;
    match head.get("format").and_then(|f| f.as_str()) {
        Some(f) if f == format => {}
        Some(other) => {
            return Err(Error::Json {
                path: "format".into(),
                message: format!("expected \"{format}\", found \"{other}\""),
            })
        }
        None => {
            return Err(Error::Json {
                path: "format".into(),
                message: format!("missing; {what} has \"format\": \"{format}\""),
            })
        }
    }
    if let Some(v) = head.get("format_version").and_then(|v| v.as_u64()) {
        if v > u64::from(supported) {
            return Err(Error::NewerFormat {
                found: u32::try_from(v).unwrap_or(u32::MAX),
                supported,
            });
        }
    }
    Ok(head)
}

/// One article in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Newsdesk article file")]
pub struct ArticleFile {
    /// Always `newsdesk-article`.
    pub format: String,
    /// The file format version; a file from a newer version is refused.
    pub format_version: u32,
    pub article: Article,
}

impl ArticleFile {
    /// The file's text for an article: pretty JSON, fields in a fixed order, final newline.
    pub fn write(article: &Article) -> String {
        let file = ArticleFile {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            article: article.clone(),
        };
        let mut s = serde_json::to_string_pretty(&file).expect("an article always serialises");
        s.push('\n');
        s
    }

    /// Reads an article file. Errors name the field path (`article.body.blocks[3].level`).
    /// Text is normalised to NFC; the article is validated.
    pub fn read(bytes: &[u8]) -> Result<Article> {
        let head = read_envelope(bytes, FORMAT, FORMAT_VERSION, "an article file")?;
        let file: ArticleFile =
            serde_path_to_error::deserialize(head).map_err(|e| Error::Json {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        let article = file.article.normalized();
        article.validate().map_err(|e| match e {
            Error::Invalid { path, message } => Error::Invalid {
                path: format!("article.{path}"),
                message,
            },
            other => other,
        })?;
        Ok(article)
    }

    /// The JSON Schema of the file, as published in `docs/article.schema.json`.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(ArticleFile);
        let mut s = serde_json::to_string_pretty(&schema).expect("schema serialises");
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::NewArticle;
    use crate::document::Document;

    fn sample() -> Article {
        let mut a = Article::create(
            NewArticle {
                headline: "Đà Nẵng đón khách".into(),
                lead: "Sáng 8/3, thành phố...".into(),
                body: Some(Document::from_plain_text("Đoạn một.\n\nĐoạn hai.")),
                ..NewArticle::default()
            },
            chrono::DateTime::parse_from_rfc3339("2017-03-07T23:53:00.123Z")
                .unwrap()
                .into(),
        );
        a.version = 3;
        a
    }

    #[test]
    fn write_read_write_is_byte_stable() {
        let article = sample();
        let first = ArticleFile::write(&article);
        let back = ArticleFile::read(first.as_bytes()).unwrap();
        assert_eq!(back, article);
        assert_eq!(ArticleFile::write(&back), first);
    }

    /// Issue 5: both interview formats survive the article file byte for byte.
    #[test]
    fn interview_formats_round_trip_through_the_file() {
        let mut a = sample();
        a.body = crate::interview::tests::both_formats();
        let first = ArticleFile::write(&a);
        let back = ArticleFile::read(first.as_bytes()).unwrap();
        assert_eq!(back, a);
        assert_eq!(ArticleFile::write(&back), first);
        let unknown_speaker = first.replace("\"speaker\": \"lan\"", "\"speaker\": \"ghost\"");
        assert!(matches!(
            ArticleFile::read(unknown_speaker.as_bytes()),
            Err(Error::Invalid { path, .. }) if path == "article.body.blocks[1].turns[2].speaker"
        ));
    }

    #[test]
    fn errors_name_the_field_path() {
        let good = ArticleFile::write(&sample());
        let cases: Vec<(String, &str)> = vec![
            (
                good.replace("\"paragraph\"", "\"figurine\""),
                "article.body.blocks[0]",
            ),
            (
                good.replace("\"headline\": \"Đà Nẵng đón khách\"", "\"headline\": 7"),
                "article.headline",
            ),
            (
                good.replace("\"status\": \"draft\"", "\"status\": \"live\""),
                "article.status",
            ),
            (
                good.replace(
                    "\"format_version\": 1",
                    "\"format_version\": 1, \"extra\": 1",
                ),
                "extra",
            ),
            (good.replace("newsdesk-article", "other"), "format"),
            ("{\"format\": \"newsdesk-article\"".into(), "(file)"),
        ];
        for (text, path) in cases {
            match ArticleFile::read(text.as_bytes()) {
                Err(Error::Json { path: p, .. }) | Err(Error::Invalid { path: p, .. }) => {
                    assert!(p.starts_with(path), "expected path {path}, got {p}")
                }
                other => panic!("expected an error at {path}, got {other:?}"),
            }
        }
    }

    #[test]
    fn invalid_utf8_and_newer_versions_are_refused_plainly() {
        assert!(matches!(
            ArticleFile::read(b"{\"format\": \"\xff\"}"),
            Err(Error::Json { message, .. }) if message.contains("UTF-8")
        ));
        let newer =
            ArticleFile::write(&sample()).replace("\"format_version\": 1", "\"format_version\": 9");
        assert!(matches!(
            ArticleFile::read(newer.as_bytes()),
            Err(Error::NewerFormat { found: 9, .. })
        ));
        let bad_link = ArticleFile::write(&sample()).replace(
            "\"text\": \"Đoạn một.\"",
            "\"text\": \"x\", \"marks\": [{\"type\": \"link\", \"href\": \"javascript:alert(1)\"}]",
        );
        assert!(matches!(
            ArticleFile::read(bad_link.as_bytes()),
            Err(Error::Invalid { path, .. }) if path == "article.body.blocks[0].content[0].marks[0].href"
        ));
    }

    /// The published schema in docs/ must match the code; run with
    /// `NEWSDESK_BLESS=1 cargo test -p newsdesk-core` to rewrite it after a model change.
    #[test]
    fn published_schema_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/article.schema.json");
        let want = ArticleFile::json_schema();
        if std::env::var_os("NEWSDESK_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(have == want, "docs/article.schema.json is out of date: run NEWSDESK_BLESS=1 cargo test -p newsdesk-core");
    }
}
