//! The save protocol and the article life cycle on top of the `articles` and
//! `revisions` tables: create, save with a version check, conflicts that keep the
//! losing text, restore, import, trash and purge. Each operation is one
//! `BEGIN IMMEDIATE` transaction, so a crash leaves either all of it or none.

use newsdesk_core::diff::{comparable_text, word_diff};
use newsdesk_core::{Article, ArticleSummary, DiffChunk, Lang, NewArticle, Settings};
use rusqlite::TransactionBehavior;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::revisions::{Revision, RevisionKind, RevisionMeta};
use crate::search::{self, IndexDoc};
use crate::{articles, revisions, settings, Store};

/// Keeps the search index in step with an article's head, in the caller's transaction
/// (unless turned off with [`Store::set_index_on_save`]).
fn index(tx: &rusqlite::Transaction<'_>, a: &Article, on: bool) -> Result<()> {
    if on {
        search::upsert(tx, &IndexDoc::article(a))?;
    }
    Ok(())
}

/// What kind of save the writer made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum SaveKind {
    /// Autosave or an ordinary save.
    Auto,
    /// A save the writer marked, e.g. with Ctrl+S; `label` names it in the history.
    Named { label: String },
}

/// Both sides of a conflicting save. The losing (incoming) text is already kept as
/// revision `kept`; nothing was overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    /// The head as it is in the store (saved by someone else since `yours.version`).
    pub current: Article,
    /// The text that was being saved, at the version it started from.
    pub yours: Article,
    /// The revision holding `yours`.
    pub kept: RevisionMeta,
}

/// The result of a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
#[allow(
    clippy::large_enum_variant,
    reason = "returned once per save; the rare conflict is already boxed"
)]
pub enum SaveOutcome {
    /// Written: the new head.
    Saved { article: Article },
    /// Not written over: see [`Conflict`].
    Conflict { conflict: Box<Conflict> },
}

pub(crate) fn new_meta(
    a: &Article,
    version: Option<i64>,
    base: i64,
    kind: RevisionKind,
    label: Option<String>,
    author: &str,
) -> RevisionMeta {
    RevisionMeta {
        id: Uuid::now_v7(),
        article_id: a.id,
        version,
        base_version: base,
        kind,
        label,
        author: author.to_owned(),
        created_at: newsdesk_core::time::now(),
        headline: a.headline.clone(),
    }
}

/// One article of an import, inside the caller's transaction.
fn import_in(
    tx: &rusqlite::Transaction<'_>,
    incoming: Article,
    author: &str,
    on: bool,
) -> Result<Article> {
    let result = match articles::get(tx, incoming.id)? {
        None => {
            let a = Article {
                version: incoming.version.max(1),
                ..incoming
            };
            articles::insert(tx, &a)?;
            index(tx, &a, on)?;
            revisions::insert(
                tx,
                &new_meta(&a, Some(a.version), 0, RevisionKind::Import, None, author),
                &a,
            )?;
            a
        }
        Some(head) => {
            let a = Article {
                version: head.version + 1,
                created_at: head.created_at,
                updated_at: newsdesk_core::time::now(),
                ..incoming
            };
            articles::update(tx, &a)?;
            index(tx, &a, on)?;
            revisions::insert(
                tx,
                &new_meta(
                    &a,
                    Some(a.version),
                    head.version,
                    RevisionKind::Import,
                    None,
                    author,
                ),
                &a,
            )?;
            a
        }
    };
    Ok(result)
}

impl Store {
    /// Creates a draft; it is saved at version 1 with a `create` revision.
    pub fn create(&mut self, new: NewArticle, author: &str) -> Result<Article> {
        let article = Article {
            version: 1,
            ..Article::create(new, newsdesk_core::time::now())
        }
        .normalized();
        article.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        articles::insert(&tx, &article)?;
        revisions::insert(
            &tx,
            &new_meta(&article, Some(1), 0, RevisionKind::Create, None, author),
            &article,
        )?;
        index(&tx, &article, self.index_on_save)?;
        tx.commit()?;
        Ok(article)
    }

    /// Saves `article` as the new head if the head is still at `expected_version`.
    ///
    /// Otherwise nothing is overwritten: the incoming text is kept as a `conflict`
    /// revision and both sides are returned. An autosave whose content equals the head
    /// writes nothing and returns the head.
    pub fn save(
        &mut self,
        article: &Article,
        expected_version: i64,
        kind: SaveKind,
        author: &str,
    ) -> Result<SaveOutcome> {
        let incoming = article.normalized();
        incoming.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read the head's version and times; parse its JSON only when a conflict needs it.
        let head = articles::head(&tx, incoming.id)?;
        if head.version != expected_version {
            let current = head.article()?;
            let yours = Article {
                version: expected_version,
                ..incoming
            };
            let kept = new_meta(
                &yours,
                None,
                expected_version,
                RevisionKind::Conflict,
                None,
                author,
            );
            revisions::insert(&tx, &kept, &yours)?;
            tx.commit()?;
            return Ok(SaveOutcome::Conflict {
                conflict: Box::new(Conflict {
                    current,
                    yours,
                    kept,
                }),
            });
        }
        if kind == SaveKind::Auto {
            // Unchanged if the head's JSON equals the incoming text at the head's version.
            let as_head = serde_json::to_string(&Article {
                version: head.version,
                created_at: head.created_at,
                updated_at: head.updated_at,
                trashed_at: head.trashed_at,
                ..incoming.clone()
            })?;
            if as_head == head.doc {
                return Ok(SaveOutcome::Saved {
                    article: head.article()?,
                });
            }
        }
        let (rev_kind, label) = match kind {
            SaveKind::Auto => (RevisionKind::Save, None),
            SaveKind::Named { label } => (RevisionKind::Named, Some(label)),
        };
        let saved = Article {
            version: head.version + 1,
            created_at: head.created_at,
            updated_at: newsdesk_core::time::now(),
            trashed_at: head.trashed_at,
            ..incoming
        };
        // One serialisation serves the head and its revision.
        let doc = serde_json::to_string(&saved)?;
        articles::update_with_doc(&tx, &saved, &doc)?;
        index(&tx, &saved, self.index_on_save)?;
        let meta = new_meta(
            &saved,
            Some(saved.version),
            expected_version,
            rev_kind,
            label,
            author,
        );
        revisions::insert_with_doc(&tx, &meta, &doc)?;
        tx.commit()?;
        Ok(SaveOutcome::Saved { article: saved })
    }

    /// The head of an article.
    pub fn article(&self, id: Uuid) -> Result<Article> {
        articles::require(&self.conn, id)
    }

    /// Articles newest first; the trash instead when `trash` is true.
    pub fn list(&self, trash: bool) -> Result<Vec<ArticleSummary>> {
        articles::list(&self.conn, trash)
    }

    /// Revisions of an article, oldest first.
    pub fn revisions(&self, article_id: Uuid) -> Result<Vec<RevisionMeta>> {
        articles::require(&self.conn, article_id)?;
        revisions::list(&self.conn, article_id)
    }

    /// One revision with its snapshot.
    pub fn revision(&self, id: Uuid) -> Result<Revision> {
        revisions::get(&self.conn, id)
    }

    /// Makes the content of revision `rev` the new head, as a new `restore` revision;
    /// nothing in between is lost.
    pub fn restore_revision(
        &mut self,
        article_id: Uuid,
        rev: Uuid,
        author: &str,
    ) -> Result<Article> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head = articles::require(&tx, article_id)?;
        let old = revisions::get(&tx, rev)?;
        if old.meta.article_id != article_id {
            return Err(Error::NotFound {
                what: "revision of this article",
                id: rev.to_string(),
            });
        }
        let restored = Article {
            version: head.version + 1,
            created_at: head.created_at,
            updated_at: newsdesk_core::time::now(),
            trashed_at: head.trashed_at,
            ..old.article
        };
        let label = match old.meta.version {
            Some(v) => format!("v{v}"),
            None => format!("{}", old.meta.id),
        };
        articles::update(&tx, &restored)?;
        index(&tx, &restored, self.index_on_save)?;
        revisions::insert(
            &tx,
            &new_meta(
                &restored,
                Some(restored.version),
                head.version,
                RevisionKind::Restore,
                Some(label),
                author,
            ),
            &restored,
        )?;
        tx.commit()?;
        Ok(restored)
    }

    /// A word diff between two revisions of the same article (old first).
    pub fn diff(&self, old: Uuid, new: Uuid, lang: Lang) -> Result<Vec<DiffChunk>> {
        let a = revisions::get(&self.conn, old)?;
        let b = revisions::get(&self.conn, new)?;
        Ok(word_diff(
            &comparable_text(&a.article, lang),
            &comparable_text(&b.article, lang),
        ))
    }

    /// Brings in an article from a file. A new id is added as it is (version and times
    /// kept, so an export-import-export round trip is byte-stable); a known id becomes a
    /// new version on top of the head, the old head staying in the history.
    pub fn import(&mut self, article: &Article, author: &str) -> Result<Article> {
        let mut imported = self.import_all(std::slice::from_ref(article), author)?;
        Ok(imported.remove(0))
    }

    /// Imports many articles in one transaction (an archive, a generated test database):
    /// all of them or, on the first refused one, none. Each is imported as [`Store::import`]
    /// does.
    pub fn import_all(&mut self, list: &[Article], author: &str) -> Result<Vec<Article>> {
        let incoming: Vec<Article> = list.iter().map(Article::normalized).collect();
        for a in &incoming {
            a.validate()?;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(incoming.len());
        for a in incoming {
            out.push(import_in(&tx, a, author, self.index_on_save)?);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Moves an article to the trash (hidden from the list, restorable).
    pub fn trash(&mut self, id: Uuid) -> Result<Article> {
        self.set_trashed(id, Some(newsdesk_core::time::now()))
    }

    /// Takes an article out of the trash.
    pub fn untrash(&mut self, id: Uuid) -> Result<Article> {
        self.set_trashed(id, None)
    }

    fn set_trashed(
        &mut self,
        id: Uuid,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Article> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut a = articles::require(&tx, id)?;
        a.trashed_at = at;
        articles::update(&tx, &a)?;
        index(&tx, &a, self.index_on_save)?;
        tx.commit()?;
        Ok(a)
    }

    /// Deletes a trashed article and its history for good.
    pub fn purge(&mut self, id: Uuid) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let a = articles::require(&tx, id)?;
        if a.trashed_at.is_none() {
            return Err(Error::NotInTrash(id.to_string()));
        }
        articles::delete(&tx, id)?;
        search::remove(&tx, newsdesk_core::SearchKind::Article, &id.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Newsroom settings.
    pub fn settings(&self) -> Result<Settings> {
        settings::get(&self.conn)
    }

    /// Replaces the newsroom settings.
    pub fn set_settings(&mut self, s: &Settings) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        settings::set(&tx, s)?;
        tx.commit()?;
        Ok(())
    }

    /// The house proofing settings (tone style, quotes, abbreviations, newsroom words).
    pub fn proof_config(&self) -> Result<newsdesk_proof::Config> {
        settings::proof_config(&self.conn)
    }

    /// Replaces the house proofing settings.
    pub fn set_proof_config(&mut self, c: &newsdesk_proof::Config) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        settings::set_proof_config(&tx, c)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::Document;

    fn draft(store: &mut Store, headline: &str) -> Article {
        store
            .create(
                NewArticle {
                    headline: headline.into(),
                    lead: "Sapo".into(),
                    ..NewArticle::default()
                },
                "Lan",
            )
            .unwrap()
    }

    fn saved(o: SaveOutcome) -> Article {
        match o {
            SaveOutcome::Saved { article } => article,
            SaveOutcome::Conflict { .. } => panic!("unexpected conflict"),
        }
    }

    #[test]
    fn every_save_is_a_revision_and_versions_climb() {
        let mut s = Store::open_in_memory().unwrap();
        let a = draft(&mut s, "Tin một");
        assert_eq!(a.version, 1);
        let mut edit = a.clone();
        edit.body = Document::from_plain_text("Đoạn văn.");
        let v2 = saved(s.save(&edit, 1, SaveKind::Auto, "Lan").unwrap());
        assert_eq!(v2.version, 2);
        let v3 = saved(
            s.save(
                &v2,
                2,
                SaveKind::Named {
                    label: "bản gửi".into(),
                },
                "Lan",
            )
            .unwrap(),
        );
        assert_eq!(v3.version, 3);
        let revs = s.revisions(a.id).unwrap();
        let kinds: Vec<_> = revs.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RevisionKind::Create,
                RevisionKind::Save,
                RevisionKind::Named
            ]
        );
        assert_eq!(revs[2].label.as_deref(), Some("bản gửi"));
        assert_eq!(s.article(a.id).unwrap(), v3);
    }

    #[test]
    fn an_unchanged_autosave_writes_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        let a = draft(&mut s, "Tin");
        let same = saved(s.save(&a, 1, SaveKind::Auto, "Lan").unwrap());
        assert_eq!(same.version, 1);
        assert_eq!(s.revisions(a.id).unwrap().len(), 1);
    }

    #[test]
    fn a_stale_save_is_a_conflict_that_keeps_both_texts() {
        let mut s = Store::open_in_memory().unwrap();
        let a = draft(&mut s, "Gốc");
        let mut mine = a.clone();
        mine.headline = "Bản của tôi".into();
        let mut theirs = a.clone();
        theirs.headline = "Bản của họ".into();
        saved(s.save(&theirs, 1, SaveKind::Auto, "Hùng").unwrap());
        let SaveOutcome::Conflict { conflict } = s.save(&mine, 1, SaveKind::Auto, "Lan").unwrap()
        else {
            panic!("expected a conflict")
        };
        assert_eq!(conflict.current.headline, "Bản của họ");
        assert_eq!(conflict.yours.headline, "Bản của tôi");
        assert_eq!(
            s.article(a.id).unwrap().headline,
            "Bản của họ",
            "the head is not overwritten"
        );
        let kept = s.revision(conflict.kept.id).unwrap();
        assert_eq!(kept.article.headline, "Bản của tôi");
        assert_eq!(kept.meta.kind, RevisionKind::Conflict);
        assert_eq!(kept.meta.version, None);
    }

    #[test]
    fn restore_is_a_new_revision() {
        let mut s = Store::open_in_memory().unwrap();
        let a = draft(&mut s, "Bản đầu");
        let mut e = a.clone();
        e.headline = "Bản sau".into();
        saved(s.save(&e, 1, SaveKind::Auto, "Lan").unwrap());
        let first = s.revisions(a.id).unwrap()[0].id;
        let r = s.restore_revision(a.id, first, "Lan").unwrap();
        assert_eq!((r.version, r.headline.as_str()), (3, "Bản đầu"));
        let revs = s.revisions(a.id).unwrap();
        assert_eq!(revs.len(), 3);
        assert_eq!(revs[2].kind, RevisionKind::Restore);
        let diff = s.diff(revs[1].id, revs[2].id, Lang::Vi).unwrap();
        assert!(
            diff.iter()
                .any(|c| c.op == newsdesk_core::DiffOp::Insert && c.text.contains("đầu")),
            "{diff:?}"
        );
    }

    #[test]
    fn trash_restore_purge() {
        let mut s = Store::open_in_memory().unwrap();
        let a = draft(&mut s, "Sẽ xoá");
        assert!(matches!(s.purge(a.id), Err(Error::NotInTrash(_))));
        s.trash(a.id).unwrap();
        assert!(s.list(false).unwrap().is_empty());
        assert_eq!(s.list(true).unwrap().len(), 1);
        s.untrash(a.id).unwrap();
        assert_eq!(s.list(false).unwrap().len(), 1);
        s.trash(a.id).unwrap();
        s.purge(a.id).unwrap();
        assert!(matches!(s.article(a.id), Err(Error::NotFound { .. })));
        assert!(s.list(true).unwrap().is_empty());
    }

    #[test]
    fn import_keeps_new_articles_as_they_are_and_stacks_known_ones() {
        let mut s = Store::open_in_memory().unwrap();
        let mut a = Article::create(
            NewArticle {
                headline: "Nhập".into(),
                ..NewArticle::default()
            },
            newsdesk_core::time::now(),
        );
        a.version = 7;
        let first = s.import(&a, "cli").unwrap();
        assert_eq!(first, a);
        let again = s.import(&a, "cli").unwrap();
        assert_eq!(again.version, 8);
        assert_eq!(s.revisions(a.id).unwrap().len(), 2);
    }

    #[test]
    fn a_full_disk_keeps_the_previous_revision() {
        let mut s = Store::open_in_memory().unwrap();
        let a = draft(&mut s, "Trước khi đầy");
        let pages: i64 = s
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        s.conn
            .pragma_update(None, "max_page_count", pages + 1)
            .unwrap();
        let mut big = a.clone();
        big.body = Document::from_plain_text(&"chữ ".repeat(100_000));
        let err = s.save(&big, 1, SaveKind::Auto, "Lan").unwrap_err();
        assert_eq!(err.code(), "disk_full", "{err}");
        assert!(err.to_string().contains("not saved"));
        let head = s.article(a.id).unwrap();
        assert_eq!((head.version, head.headline.as_str()), (1, "Trước khi đầy"));
        assert_eq!(s.revisions(a.id).unwrap().len(), 1);
        assert!(s.check().unwrap().ok);
    }

    #[test]
    fn proof_config_round_trip_keeps_newsroom_words() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.proof_config().unwrap(), newsdesk_proof::Config::default());
        let mut c = newsdesk_proof::Config::default();
        c.newsroom_words.push("Gio Linh".into());
        c.tone_style = newsdesk_proof::ToneStyle::New;
        s.set_proof_config(&c).unwrap();
        assert_eq!(s.proof_config().unwrap(), c);
        // The other settings are untouched by the proofing key.
        assert_eq!(s.settings().unwrap(), Settings::default());
    }

    #[test]
    fn settings_round_trip() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.settings().unwrap(), Settings::default());
        let mine = Settings {
            paper_tag: "ĐN".into(),
            language: Lang::En,
            ..Settings::default()
        };
        s.set_settings(&mine).unwrap();
        assert_eq!(s.settings().unwrap(), mine);
        let bad = Settings {
            time_zone: "Nowhere".into(),
            ..Settings::default()
        };
        assert!(s.set_settings(&bad).is_err());
        assert_eq!(s.settings().unwrap(), mine);
    }
}
