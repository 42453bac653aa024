//! The pre-publish checklist: everything that must be fixed (blocking) or looked at
//! (warnings) before an article is approved or exported. Pure: the caller gathers
//! what needs I/O (which related articles exist, the figures' metadata, proofing
//! findings) and passes it in. Each finding carries the field path the editor jumps to.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::article::Article;
use crate::finding::{Finding, Severity};
use crate::settings::Settings;
use crate::text::word_count;

/// What the checklist needs to know about one figure placed in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FigureFacts {
    /// The figure's path in the article, e.g. `body.blocks[4]`.
    pub path: String,
    pub caption: String,
    pub credit: String,
    pub alt: String,
    /// Width in pixels of the rendition that will be exported.
    pub rendition_width: u32,
}

/// Everything the checklist looks at besides the article.
#[derive(Debug, Clone, Default)]
pub struct ChecklistInput<'a> {
    /// Related article ids that do not exist (or are in the trash).
    pub missing_related: &'a [Uuid],
    /// The figures, in reading order.
    pub figures: &'a [FigureFacts],
    /// The size photos are exported at; a smaller rendition gets a warning. The store
    /// measures both on the long side (`Store::figure_facts`), so a portrait photo is
    /// not flagged for being narrower than it is tall.
    pub output_width: u32,
    /// Proofing findings, already located; they are shown as warnings.
    pub proofing: &'a [Finding],
}

/// The checklist's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Checklist {
    /// Blocking findings first, then warnings; each in reading order.
    pub findings: Vec<Finding>,
}

impl Checklist {
    /// Whether nothing blocks approval or export.
    pub fn passes(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|f| f.severity == Severity::Blocking)
    }

    /// The blocking findings.
    pub fn blocking(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
    }
}

/// Runs the checklist over `article`.
pub fn check(article: &Article, settings: &Settings, input: &ChecklistInput<'_>) -> Checklist {
    let mut out = Vec::new();
    if article.headline.trim().is_empty() {
        out.push(Finding::blocking(
            "headline".into(),
            "headline_empty",
            "the headline is empty",
        ));
    }
    if article.lead.trim().is_empty() {
        out.push(Finding::blocking(
            "lead".into(),
            "lead_empty",
            "the lead (sapo) is empty",
        ));
    }
    for f in input.figures {
        for (field, value, code) in [
            ("caption", &f.caption, "figure_no_caption"),
            ("credit", &f.credit, "figure_no_credit"),
            ("alt", &f.alt, "figure_no_alt"),
        ] {
            if value.trim().is_empty() {
                out.push(Finding::blocking(
                    format!("{}.{field}", f.path),
                    code,
                    format!("a photo has no {}", field_words(field)),
                ));
            }
        }
        if input.output_width > 0 && f.rendition_width < input.output_width {
            out.push(Finding::warning(
                format!("{}.photo", f.path),
                "rendition_small",
                format!(
                    "the photo's rendition is {} px on its long side, less than the {} px exported",
                    f.rendition_width, input.output_width
                ),
            ));
        }
    }
    for p in article.placeholders() {
        out.push(Finding::blocking(
            p.path,
            "placeholder_left",
            format!("template text left: “{}”", p.prompt),
        ));
    }
    for (i, id) in article.related.iter().enumerate() {
        if input.missing_related.contains(id) {
            out.push(Finding::blocking(
                format!("related[{i}]"),
                "related_missing",
                format!("the related article {id} does not exist"),
            ));
        }
    }
    out.extend(article.findings());
    let words = word_count(&article.lead);
    let limit = settings.lead_word_limit as usize;
    if limit > 0 && words > limit {
        out.push(Finding::warning(
            "lead".into(),
            "lead_too_long",
            format!("the lead has {words} words; the limit is {limit}"),
        ));
    }
    out.extend(input.proofing.iter().map(|f| Finding {
        severity: Severity::Warning,
        ..f.clone()
    }));
    // Stable: blocking first, reading order kept inside each group.
    out.sort_by_key(|f| f.severity != Severity::Blocking);
    Checklist { findings: out }
}

fn field_words(field: &str) -> &'static str {
    match field {
        "caption" => "caption",
        "credit" => "credit",
        _ => "alt text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Document, Inline};
    use crate::NewArticle;

    fn article(headline: &str, lead: &str) -> Article {
        Article::create(
            NewArticle {
                headline: headline.into(),
                lead: lead.into(),
                ..NewArticle::default()
            },
            crate::time::now(),
        )
    }

    fn codes(c: &Checklist) -> Vec<(&str, &str, Severity)> {
        c.findings
            .iter()
            .map(|f| (f.code.as_str(), f.path.as_str(), f.severity))
            .collect()
    }

    #[test]
    fn findings_with_paths() {
        let s = Settings {
            lead_word_limit: 3,
            ..Settings::default()
        };
        let missing = Uuid::now_v7();
        let mut a = article(" ", "một hai ba bốn");
        a.related = vec![Uuid::now_v7(), missing];
        a.body = Document {
            blocks: vec![Block::Paragraph {
                content: vec![Inline::Placeholder {
                    prompt: "Câu hỏi".into(),
                }],
            }],
            ..Document::default()
        };
        let figs = [FigureFacts {
            path: "body.blocks[1]".into(),
            caption: "Ảnh".into(),
            credit: "".into(),
            alt: " ".into(),
            rendition_width: 800,
        }];
        let proofing = [Finding::blocking("lead".into(), "spelling", "typo")];
        let c = check(
            &a,
            &s,
            &ChecklistInput {
                missing_related: &[missing],
                figures: &figs,
                output_width: 1600,
                proofing: &proofing,
            },
        );
        use Severity::*;
        assert_eq!(
            codes(&c),
            vec![
                ("headline_empty", "headline", Blocking),
                ("figure_no_credit", "body.blocks[1].credit", Blocking),
                ("figure_no_alt", "body.blocks[1].alt", Blocking),
                ("placeholder_left", "body.blocks[0].content[0]", Blocking),
                ("related_missing", "related[1]", Blocking),
                ("rendition_small", "body.blocks[1].photo", Warning),
                ("lead_too_long", "lead", Warning),
                ("spelling", "lead", Warning),
            ]
        );
        assert!(!c.passes());
    }

    #[test]
    fn a_finished_article_passes() {
        let c = check(
            &article("Tin", "Sapo ngắn."),
            &Settings::default(),
            &ChecklistInput::default(),
        );
        assert_eq!(c.findings, vec![]);
        assert!(c.passes());
    }
}
