//! The photo desk on top of the `photos`, `placements`, `articles` and `revisions`
//! tables: add a photo once per original, edit its metadata, place it in an article as
//! a figure block (a new article version), edit or remove the placement, and print the
//! article's photo credits in house style. Each operation is one `BEGIN IMMEDIATE`
//! transaction.

use newsdesk_core::credit::article_credits;
use newsdesk_core::{
    Article, Block, FigureFacts, Photo, PhotoFormat, PhotoMeta, Placement, SearchKind,
};
use rusqlite::TransactionBehavior;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::Result;
use crate::photos::PhotoFilter;
use crate::revisions::RevisionKind;
use crate::save::new_meta;
use crate::search::{self, IndexDoc};
use crate::{articles, photos, placements, revisions, settings, Store};

/// A placement with its credit as printed in the article (house style, initials on repeat).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrintedCredit {
    pub placement_id: Uuid,
    /// E.g. `Ảnh: TRẦN DŨNG` or, for a repeat, `Ảnh: T.D`; empty when the placement has no credit.
    pub credit: String,
}

/// Saves `head` with its body's blocks changed by `change` as the next version, with a
/// `save` revision, inside the caller's transaction.
/// The directory's spelling of a photographer whose name the camera wrote without
/// diacritics or in other case (`TRAN DUNG` → `Trần Dũng`): photographers are people too,
/// and the credit takes its name from the directory. `None` when no photographer matches.
fn directory_credit(conn: &rusqlite::Connection, credit: &str) -> Result<Option<String>> {
    let key = newsdesk_core::fold::fold(credit.trim());
    if key.is_empty() {
        return Ok(None);
    }
    Ok(crate::people::list(conn)?
        .into_iter()
        .find(|p| p.photographer && newsdesk_core::fold::fold(p.full_name.trim()) == key)
        .map(|p| p.full_name))
}

fn save_body(
    conn: &rusqlite::Connection,
    head: &Article,
    author: &str,
    change: impl FnOnce(&mut Vec<Block>),
) -> Result<Article> {
    let mut saved = head.clone();
    change(&mut saved.body.blocks);
    saved.version = head.version + 1;
    saved.updated_at = newsdesk_core::time::now();
    saved.validate()?;
    articles::update(conn, &saved)?;
    search::upsert(conn, &IndexDoc::article(&saved))?;
    let meta = new_meta(
        &saved,
        Some(saved.version),
        head.version,
        RevisionKind::Save,
        None,
        author,
    );
    revisions::insert(conn, &meta, &saved)?;
    Ok(saved)
}

/// Brings a photo's search row up to date (its metadata and the captions it has in
/// articles), inside the caller's transaction.
pub(crate) fn index_photo(conn: &rusqlite::Connection, id: Uuid) -> Result<()> {
    let photo = photos::require(conn, id)?;
    let captions = placements::captions_for_photo(conn, id)?;
    search::upsert(conn, &IndexDoc::photo(&photo, &captions))
}

impl Store {
    /// Adds a photo unless one with the same SHA-256 is already in the library.
    /// Returns the photo in the library and whether it was new.
    pub fn add_photo(&mut self, photo: &Photo) -> Result<(Photo, bool)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(existing) = photos::by_sha256(&tx, &photo.sha256)? {
            return Ok((existing, false));
        }
        photos::insert(
            &tx,
            &Photo {
                meta: photo.meta.normalized(),
                ..photo.clone()
            },
        )?;
        let stored = photos::require(&tx, photo.id)?;
        index_photo(&tx, photo.id)?;
        tx.commit()?;
        Ok((stored, true))
    }

    /// One photo.
    pub fn photo(&self, id: Uuid) -> Result<Photo> {
        photos::require(&self.conn, id)
    }

    /// The photo whose original has this SHA-256, if it is in the library.
    pub fn photo_by_sha256(&self, sha256: &str) -> Result<Option<Photo>> {
        photos::by_sha256(&self.conn, sha256)
    }

    /// The library, filtered, newest imports first.
    pub fn photos(&self, filter: &PhotoFilter) -> Result<Vec<Photo>> {
        photos::list(&self.conn, filter)
    }

    /// Every photo's id, SHA-256 and format, for checking the photo store's files.
    pub fn photo_hashes(&self) -> Result<Vec<(Uuid, String, PhotoFormat)>> {
        photos::hashes(&self.conn)
    }

    /// Replaces a photo's metadata (the description travels with the photo to later placements).
    pub fn update_photo_meta(&mut self, id: Uuid, meta: &PhotoMeta) -> Result<Photo> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        photos::update_meta(&tx, id, &meta.normalized())?;
        index_photo(&tx, id)?;
        let photo = photos::require(&tx, id)?;
        tx.commit()?;
        Ok(photo)
    }

    /// Deletes a photo's row; refused while it is placed in an article.
    pub fn delete_photo(&mut self, id: Uuid) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        photos::delete(&tx, id)?;
        search::remove(&tx, SearchKind::Photo, &id.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// How many placements use a photo.
    pub fn photo_placement_count(&self, id: Uuid) -> Result<i64> {
        placements::count_for_photo(&self.conn, id)
    }

    /// Places a photo at the end of an article: a placement (caption from the photo's
    /// description, credit from its creator) and a figure block, saved as a new version.
    pub fn place_photo(
        &mut self,
        article_id: Uuid,
        photo_id: Uuid,
        author: &str,
    ) -> Result<(Placement, Article)> {
        self.place_photo_at(article_id, photo_id, None, author)
    }

    /// Places a photo before the body block at index `at` (a photo dropped into the
    /// editor), or at the end when `at` is `None` or past the last block.
    pub fn place_photo_at(
        &mut self,
        article_id: Uuid,
        photo_id: Uuid,
        at: Option<usize>,
        author: &str,
    ) -> Result<(Placement, Article)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head = articles::require(&tx, article_id)?;
        let photo = photos::require(&tx, photo_id)?;
        let now = newsdesk_core::time::now();
        let mut placement = Placement::new(&photo, article_id, now);
        if let Some(name) = directory_credit(&tx, &placement.credit)? {
            placement.credit = name;
        }
        placements::insert(&tx, &placement)?;
        index_photo(&tx, photo_id)?;
        let saved = save_body(&tx, &head, author, |blocks| {
            let figure = Block::Figure {
                placement_id: placement.id,
                photo_id,
            };
            match at {
                Some(i) if i < blocks.len() => blocks.insert(i, figure),
                _ => blocks.push(figure),
            }
        })?;
        tx.commit()?;
        Ok((placement, saved))
    }

    /// The placements in an article, in the order they were made.
    pub fn placements(&self, article_id: Uuid) -> Result<Vec<Placement>> {
        placements::for_article(&self.conn, article_id)
    }

    /// Changes a placement's caption, credit and alt text (nothing else of it changes).
    pub fn update_placement(&mut self, p: &Placement) -> Result<Placement> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut stored = placements::require(&tx, p.id)?;
        stored.caption = newsdesk_core::text::nfc(&p.caption);
        stored.credit = newsdesk_core::text::nfc(&p.credit);
        stored.alt_text = newsdesk_core::text::nfc(&p.alt_text);
        placements::update(&tx, &stored)?;
        index_photo(&tx, stored.photo_id)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Removes a placement and its figure block from the article (a new version).
    pub fn remove_placement(&mut self, id: Uuid, author: &str) -> Result<Article> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let placement = placements::require(&tx, id)?;
        let head = articles::require(&tx, placement.article_id)?;
        placements::delete(&tx, id)?;
        index_photo(&tx, placement.photo_id)?;
        let saved = save_body(&tx, &head, author, |blocks| {
            blocks
                .retain(|b| !matches!(b, Block::Figure { placement_id, .. } if *placement_id == id))
        })?;
        tx.commit()?;
        Ok(saved)
    }

    /// Moves a placement's figure block one block up (`up`) or down in its article's body
    /// (a new version); at the start or end of the body nothing changes and the head is returned.
    pub fn move_figure(&mut self, placement_id: Uuid, up: bool, author: &str) -> Result<Article> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let placement = placements::require(&tx, placement_id)?;
        let head = articles::require(&tx, placement.article_id)?;
        let at =
            head.body.blocks.iter().position(
                |b| matches!(b, Block::Figure { placement_id: p, .. } if *p == placement_id),
            );
        let to = at.and_then(|i| if up { i.checked_sub(1) } else { Some(i + 1) });
        let (Some(at), Some(to)) = (at, to) else {
            return Ok(head);
        };
        if to >= head.body.blocks.len() {
            return Ok(head);
        }
        let saved = save_body(&tx, &head, author, |blocks| blocks.swap(at, to))?;
        tx.commit()?;
        Ok(saved)
    }

    /// What the pre-publish checklist needs of each figure in `article`'s body, in
    /// reading order: its path, caption, printed credit, alt text and the long side of
    /// the rendition exported (the photo's, never enlarged beyond `output_long_side`).
    pub fn figure_facts(
        &self,
        article: &Article,
        output_long_side: u32,
    ) -> Result<Vec<FigureFacts>> {
        let all = placements::for_article(&self.conn, article.id)?;
        let printed = self.printed_credits(article.id)?;
        let mut out = Vec::new();
        for (i, b) in article.body.blocks.iter().enumerate() {
            let Block::Figure { placement_id, .. } = b else {
                continue;
            };
            let Some(p) = all.iter().find(|p| p.id == *placement_id) else {
                continue;
            };
            let photo = photos::require(&self.conn, p.photo_id)?;
            out.push(FigureFacts {
                path: format!("body.blocks[{i}]"),
                caption: p.caption.clone(),
                credit: printed
                    .iter()
                    .find(|c| c.placement_id == p.id)
                    .map(|c| c.credit.clone())
                    .unwrap_or_default(),
                alt: p.alt_text.clone(),
                rendition_width: photo.width.max(photo.height).min(output_long_side),
            });
        }
        Ok(out)
    }

    /// The article's photo credits as printed, in the order the figures appear in the
    /// body, following the newsroom's settings (language, initials on repeat).
    pub fn printed_credits(&self, article_id: Uuid) -> Result<Vec<PrintedCredit>> {
        let article = articles::require(&self.conn, article_id)?;
        let s = settings::get(&self.conn)?;
        let all = placements::for_article(&self.conn, article_id)?;
        let ordered: Vec<&Placement> = article
            .body
            .placements()
            .into_iter()
            .filter_map(|id| all.iter().find(|p| p.id == id))
            .collect();
        let names: Vec<&str> = ordered.iter().map(|p| p.credit.as_str()).collect();
        let printed = article_credits(&names, s.credit_initials_on_repeat, s.language);
        Ok(ordered
            .iter()
            .zip(printed)
            .map(|(p, credit)| PrintedCredit {
                placement_id: p.id,
                credit,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use newsdesk_core::NewArticle;

    fn photo(sha_byte: u8, creator: &str) -> Photo {
        Photo {
            id: Uuid::now_v7(),
            sha256: format!("{sha_byte:02x}").repeat(32),
            original_name: "IMG_0001.jpg".into(),
            format: PhotoFormat::Jpeg,
            width: 6000,
            height: 4000,
            byte_size: 123,
            imported_at: Utc::now(),
            meta: PhotoMeta {
                description: Some("Nông dân Hải Lăng gặt lúa".into()),
                creator: Some(creator.into()),
                taken_at: Some("2026-10-02T07:15:00".into()),
                ..PhotoMeta::default()
            },
        }
    }

    #[test]
    fn the_same_original_is_added_once() {
        let mut store = Store::open_in_memory().unwrap();
        let p = photo(1, "Trần Dũng");
        let (first, new) = store.add_photo(&p).unwrap();
        assert!(new);
        let again = Photo {
            id: Uuid::now_v7(),
            ..p.clone()
        };
        let (second, new) = store.add_photo(&again).unwrap();
        assert!(!new);
        assert_eq!(second.id, first.id);
        assert_eq!(photos::count(&store.conn).unwrap(), 1);
        assert_eq!(store.photo(p.id).unwrap(), first);
        assert_eq!(first.meta, p.meta);
    }

    #[test]
    fn filters_narrow_the_library() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_photo(&photo(1, "Trần Dũng")).unwrap();
        let mut other = photo(2, "Lê Hoa");
        other.meta.description = Some("Cầu Hiền Lương".into());
        other.meta.taken_at = Some("2026-11-20T09:00:00".into());
        store.add_photo(&other).unwrap();
        let cases: Vec<(PhotoFilter, usize)> = vec![
            (PhotoFilter::default(), 2),
            (
                PhotoFilter {
                    creator: Some("lê hoa".into()),
                    ..PhotoFilter::default()
                },
                1,
            ),
            (
                PhotoFilter {
                    text: Some("Hiền Lương".into()),
                    ..PhotoFilter::default()
                },
                1,
            ),
            (
                PhotoFilter {
                    taken_from: Some("2026-10-01".into()),
                    taken_to: Some("2026-10-02".into()),
                    ..PhotoFilter::default()
                },
                1,
            ),
            (
                PhotoFilter {
                    limit: 1,
                    ..PhotoFilter::default()
                },
                1,
            ),
        ];
        for (f, n) in cases {
            assert_eq!(store.photos(&f).unwrap().len(), n, "{f:?}");
        }
    }

    #[test]
    fn a_credit_typed_by_the_camera_takes_the_directory_spelling() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .add_person(newsdesk_core::NewPerson {
                full_name: "Trần Dũng".into(),
                photographer: true,
                ..newsdesk_core::NewPerson::default()
            })
            .unwrap();
        store
            .add_person(newsdesk_core::NewPerson {
                full_name: "Lê Hoa".into(),
                ..newsdesk_core::NewPerson::default()
            })
            .unwrap();
        let a = store.create(NewArticle::default(), "t").unwrap();
        let cases = [
            (1, "TRAN DUNG", "Trần Dũng"),
            (2, "tran dung ", "Trần Dũng"),
            // Not a photographer in the directory: the camera's spelling stays.
            (3, "LE HOA", "LE HOA"),
            (4, "Nguyen Van A", "Nguyen Van A"),
        ];
        for (sha, creator, want) in cases {
            let p = store.add_photo(&photo(sha, creator)).unwrap().0;
            let (placed, _) = store.place_photo(a.id, p.id, "t").unwrap();
            assert_eq!(placed.credit, want, "{creator}");
        }
        assert_eq!(
            store.printed_credits(a.id).unwrap()[0].credit,
            "Ảnh: TRẦN DŨNG"
        );
    }

    #[test]
    fn a_photo_dropped_into_the_body_lands_before_the_block_it_was_dropped_on() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.create(NewArticle::default(), "t").unwrap();
        let p1 = store.add_photo(&photo(1, "Trần Dũng")).unwrap().0;
        let p2 = store.add_photo(&photo(2, "Trần Dũng")).unwrap().0;
        let p3 = store.add_photo(&photo(3, "Trần Dũng")).unwrap().0;
        let (first, _) = store.place_photo(a.id, p1.id, "t").unwrap();
        let (second, _) = store.place_photo_at(a.id, p2.id, Some(0), "t").unwrap();
        // Past the end means at the end.
        let (third, art) = store.place_photo_at(a.id, p3.id, Some(99), "t").unwrap();
        assert_eq!(art.body.placements(), [second.id, first.id, third.id]);
    }

    #[test]
    fn placing_adds_a_figure_and_credits_shorten_on_repeat() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store
            .create(
                NewArticle {
                    headline: "Mùa gặt".into(),
                    ..NewArticle::default()
                },
                "t",
            )
            .unwrap();
        let p1 = store.add_photo(&photo(1, "Trần Dũng")).unwrap().0;
        let p2 = store.add_photo(&photo(2, "Trần Dũng")).unwrap().0;
        let (pl1, art) = store.place_photo(a.id, p1.id, "t").unwrap();
        assert_eq!(pl1.caption, "Nông dân Hải Lăng gặt lúa");
        assert_eq!(pl1.credit, "Trần Dũng");
        assert_eq!(art.version, 2);
        assert_eq!(art.body.placements(), [pl1.id]);
        let (pl2, _) = store.place_photo(a.id, p2.id, "t").unwrap();
        let credits: Vec<String> = store
            .printed_credits(a.id)
            .unwrap()
            .into_iter()
            .map(|c| c.credit)
            .collect();
        assert_eq!(credits, ["Ảnh: TRẦN DŨNG", "Ảnh: T.D"]);

        let mut s = store.settings().unwrap();
        s.credit_initials_on_repeat = false;
        store.set_settings(&s).unwrap();
        assert_eq!(
            store.printed_credits(a.id).unwrap()[1].credit,
            "Ảnh: TRẦN DŨNG"
        );

        let edited = store
            .update_placement(&Placement {
                caption: "Chú thích riêng".into(),
                ..pl2.clone()
            })
            .unwrap();
        assert_eq!(edited.caption, "Chú thích riêng");
        assert_eq!(
            store.photo(p2.id).unwrap().meta.description.as_deref(),
            Some("Nông dân Hải Lăng gặt lúa"),
            "the placement's caption does not change the photo"
        );

        let moved = store.move_figure(pl2.id, true, "t").unwrap();
        assert_eq!(moved.body.placements(), [pl2.id, pl1.id]);
        let same = store.move_figure(pl2.id, true, "t").unwrap();
        assert_eq!(
            same.version, moved.version,
            "the first figure cannot move up"
        );
        let back = store.move_figure(pl2.id, false, "t").unwrap();
        assert_eq!(back.body.placements(), [pl1.id, pl2.id]);

        assert_eq!(
            store.delete_photo(p1.id).unwrap_err().code(),
            "photo_placed"
        );
        let art = store.remove_placement(pl1.id, "t").unwrap();
        assert_eq!(art.body.placements(), [pl2.id]);
        store.delete_photo(p1.id).unwrap();
    }
}
