//! The article: headline, lead (sapo), body, bylines, section, tags, related articles,
//! workflow status and its clock.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::byline::Byline;
use crate::document::{Document, PlaceholderAt};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::text::nfc;

/// Where an article stands in the newsroom's workflow.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    #[default]
    Draft,
    Submitted,
    InEdit,
    Approved,
    Published,
    /// Killed before publication; can be restored.
    Spiked,
    /// Taken down after publication.
    Withdrawn,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::InEdit,
        Status::Approved,
        Status::Published,
        Status::Spiked,
        Status::Withdrawn,
    ];

    /// The name used in the database, files and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::InEdit => "in_edit",
            Status::Approved => "approved",
            Status::Published => "published",
            Status::Spiked => "spiked",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Parses [`Status::as_str`].
    pub fn parse(s: &str) -> Result<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| Error::invalid("status", format!("unknown status '{s}'")))
    }
}

/// Longest headline accepted, in characters.
pub const MAX_HEADLINE_CHARS: usize = 1_000;

/// A news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Article {
    /// UUID v7, assigned at creation; never changes.
    pub id: Uuid,
    /// Incremented by every save; a save names the version it started from.
    #[ts(type = "number")]
    pub version: i64,
    pub headline: String,
    /// The lead (sapo), without the paper tag: the tag is put in front on export.
    pub lead: String,
    pub body: Document,
    /// People credited, in printed order.
    #[serde(default)]
    pub bylines: Vec<Byline>,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids of related articles, printed under "Xem thêm".
    #[serde(default)]
    pub related: Vec<Uuid>,
    #[serde(default)]
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set while the article is in the trash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub trashed_at: Option<DateTime<Utc>>,
}

/// What the draft list shows of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleSummary {
    pub id: Uuid,
    #[ts(type = "number")]
    pub version: i64,
    pub headline: String,
    pub section: String,
    pub bylines: Vec<Byline>,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[ts(optional)]
    pub trashed_at: Option<DateTime<Utc>>,
}

/// The fields a new article starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct NewArticle {
    pub headline: String,
    pub lead: String,
    #[ts(optional)]
    pub body: Option<Document>,
    pub bylines: Vec<Byline>,
    pub section: String,
    pub tags: Vec<String>,
}

impl Article {
    /// A fresh draft at version 0 (the store makes it version 1 on first save).
    pub fn create(new: NewArticle, now: DateTime<Utc>) -> Article {
        Article {
            id: Uuid::now_v7(),
            version: 0,
            headline: new.headline,
            lead: new.lead,
            body: new.body.unwrap_or_default(),
            bylines: new.bylines,
            section: new.section,
            tags: new.tags,
            related: Vec::new(),
            status: Status::Draft,
            created_at: now,
            updated_at: now,
            trashed_at: None,
        }
    }

    /// The same article with every string in NFC, white space trimmed from headline,
    /// section and tags, empty and repeated tags dropped.
    pub fn normalized(&self) -> Article {
        let mut tags: Vec<String> = Vec::new();
        for t in &self.tags {
            let t = nfc(t.trim());
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
        }
        let mut related: Vec<Uuid> = Vec::new();
        for r in &self.related {
            if *r != self.id && !related.contains(r) {
                related.push(*r);
            }
        }
        Article {
            headline: nfc(self.headline.trim()),
            lead: nfc(&self.lead),
            body: self.body.normalized(),
            bylines: self
                .bylines
                .iter()
                .map(|b| Byline {
                    name: nfc(b.name.trim()),
                    ..b.clone()
                })
                .collect(),
            section: nfc(self.section.trim()),
            tags,
            related,
            ..self.clone()
        }
    }

    /// Checks the rules that the types cannot express; the error names the field.
    pub fn validate(&self) -> Result<()> {
        if self.headline.chars().count() > MAX_HEADLINE_CHARS {
            return Err(Error::invalid(
                "headline",
                format!("a headline is at most {MAX_HEADLINE_CHARS} characters"),
            ));
        }
        for (name, s) in [
            ("headline", &self.headline),
            ("lead", &self.lead),
            ("section", &self.section),
        ] {
            if s.contains('\0') {
                return Err(Error::invalid(
                    name,
                    "text must not contain a NUL character",
                ));
            }
        }
        if self.version < 0 {
            return Err(Error::invalid("version", "version must not be negative"));
        }
        self.body.validate()?;
        Ok(())
    }

    /// Every placeholder prompt still in the article (left by a template), with its
    /// path. The pre-publish check refuses an article that has any.
    pub fn placeholders(&self) -> Vec<PlaceholderAt> {
        self.body.placeholders_at("body")
    }

    /// What must be finished in the interview blocks before publication.
    pub fn findings(&self) -> Vec<Finding> {
        self.body.findings_at("body")
    }

    /// The day the article speaks for, in the newsroom's time zone: people are named
    /// with the titles and positions they held that day. It is the creation day until
    /// the workflow records a publication date.
    pub fn date_in(&self, tz: chrono_tz::Tz) -> chrono::NaiveDate {
        self.created_at.with_timezone(&tz).date_naive()
    }

    /// The list entry for this article.
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            id: self.id,
            version: self.version,
            headline: self.headline.clone(),
            section: self.section.clone(),
            bylines: self.bylines.clone(),
            status: self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
            trashed_at: self.trashed_at,
        }
    }

    /// Headline, lead and body as plain text, for diffs and search.
    pub fn plain_text(&self) -> String {
        format!(
            "{}\n\n{}\n\n{}",
            self.headline,
            self.lead,
            self.body.plain_text()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::byline::Role;

    #[test]
    fn normalized_cleans_without_losing_text() {
        let mut a = Article::create(
            NewArticle {
                headline: "  Tin mới  ".into(),
                tags: vec![
                    " Đà Nẵng".into(),
                    "".into(),
                    "Đà Nẵng".into(),
                    "kinh tế".into(),
                ],
                bylines: vec![Byline::new(" Thanh Hải ", Role::Writer)],
                ..NewArticle::default()
            },
            crate::time::now(),
        );
        a.related = vec![a.id, Uuid::now_v7()];
        let n = a.normalized();
        assert_eq!(n.headline, "Tin mới");
        assert_eq!(n.tags, vec!["Đà Nẵng", "kinh tế"]);
        assert_eq!(n.bylines[0].name, "Thanh Hải");
        assert_eq!(n.related.len(), 1, "an article is not related to itself");
    }

    #[test]
    fn status_names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()).unwrap(), s);
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert!(Status::parse("live").is_err());
    }

    #[test]
    fn nul_in_headline_is_refused() {
        let a = Article::create(
            NewArticle {
                headline: "a\0b".into(),
                ..NewArticle::default()
            },
            crate::time::now(),
        );
        assert!(matches!(a.validate(), Err(Error::Invalid { path, .. }) if path == "headline"));
    }
}
