//! A readable diff between two versions of an article: words, not JSON.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};
use ts_rs::TS;

use crate::article::Article;
use crate::byline::format_bylines;
use crate::settings::Lang;

/// Whether a piece of text is in both versions, only the old or only the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// A run of text with one [`DiffOp`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct DiffChunk {
    pub op: DiffOp,
    pub text: String,
}

/// The text of an article as a reader compares it: headline, lead, byline, section and
/// tags, then the body, one block per paragraph.
pub fn comparable_text(a: &Article, lang: Lang) -> String {
    let (byline, section, tags) = match lang {
        Lang::Vi => ("Tác giả", "Chuyên mục", "Thẻ"),
        Lang::En => ("Byline", "Section", "Tags"),
    };
    format!(
        "{}\n\n{}\n\n{byline}: {}\n{section}: {}\n{tags}: {}\n\n{}",
        a.headline,
        a.lead,
        format_bylines(&a.bylines, lang),
        a.section,
        a.tags.join(", "),
        a.body.plain_text()
    )
}

/// Word-level differences between two texts, adjacent runs of the same kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffChunk> {
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_words(old, new);
    let mut out: Vec<DiffChunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(DiffChunk {
                op,
                text: text.to_owned(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(chunks: &[DiffChunk]) -> String {
        chunks
            .iter()
            .map(|c| match c.op {
                DiffOp::Equal => c.text.clone(),
                DiffOp::Delete => format!("[-{}-]", c.text),
                DiffOp::Insert => format!("{{+{}+}}", c.text),
            })
            .collect()
    }

    #[test]
    fn word_level_changes() {
        for (old, new, want) in [
            (
                "Đà Nẵng đón khách",
                "Đà Nẵng đón nhiều khách",
                "Đà Nẵng đón {+nhiều +}khách",
            ),
            ("một hai ba", "một ba", "một [-hai -]ba"),
            ("giống hệt", "giống hệt", "giống hệt"),
            ("", "mới", "{+mới+}"),
        ] {
            assert_eq!(render(&word_diff(old, new)), want, "{old} -> {new}");
        }
    }
}
