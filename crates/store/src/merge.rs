//! Merging what a bundle from another laptop holds (articles with their whole history,
//! placements, status changes, the photos placed and the people referenced) into this
//! store, in one `BEGIN IMMEDIATE` transaction. Nothing is overwritten that the other
//! side did not already have: revisions are identified by id, so a second merge of the
//! same bundle changes nothing; when both laptops edited since their common revision, the
//! incoming head becomes an open `conflict` revision for the editor's conflict view.
//!
//! The plan (what a merge would change) is the same merge run and rolled back, so the
//! preview and the merge cannot disagree.

use std::collections::HashMap;

use newsdesk_core::{Article, Person, Photo, Placement, StatusChange};
use rusqlite::{Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::desk::index_photo;
use crate::directory::{insert_person, load};
use crate::error::{Error, Result};
use crate::revisions::{Revision, RevisionKind};
use crate::save::Conflict;
use crate::search::{self, IndexDoc};
use crate::{
    articles, open_conflicts, people, person_codes, person_posts, person_versions, photos,
    placements, revisions, status_changes, Store,
};

/// One article as another laptop sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncomingArticle {
    /// The head on the sending laptop.
    pub head: Article,
    /// Every revision it holds, oldest first, each with its snapshot.
    pub revisions: Vec<Revision>,
    /// The photos placed in it, with caption, credit and alt text.
    pub placements: Vec<Placement>,
    /// Its workflow history.
    pub status_changes: Vec<StatusChange>,
    /// Conflict revisions the sender has not resolved yet: the sender has seen them but
    /// not chosen, so its head does not supersede them.
    #[serde(default)]
    pub open_conflicts: Vec<Uuid>,
}

/// Everything a bundle brings, ready to merge. The photos' files must already be in the
/// photo store (the caller writes them first; they are content-addressed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incoming {
    /// Who sent it (a profile name), recorded with conflicts and person versions.
    pub source: String,
    pub articles: Vec<IncomingArticle>,
    pub people: Vec<Person>,
    pub photos: Vec<Photo>,
}

/// What a merge does to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ArticleChange {
    /// Not on this laptop yet: added with its history.
    New,
    /// Edited only on the other laptop since the common revision: the incoming head
    /// becomes the head here.
    Updated,
    /// Edited on both laptops: the incoming head is kept as a conflict revision to resolve.
    Conflict,
    /// This laptop is ahead: only older revisions it lacked are added to the history.
    History,
    /// Nothing new.
    Unchanged,
}

/// One article's line in a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticlePlan {
    pub id: Uuid,
    /// The headline as it arrives.
    pub headline: String,
    pub change: ArticleChange,
    /// Revisions this laptop does not have yet.
    pub new_revisions: u32,
    /// Placements (photos in the article) this laptop does not have yet.
    pub new_placements: u32,
    /// Status changes this laptop does not have yet.
    pub new_status_changes: u32,
}

/// What a merge changes (or, as a plan, would change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergePlan {
    pub articles: Vec<ArticlePlan>,
    /// Photos added to the library.
    pub new_photos: u32,
    /// Photos whose bytes are already in the library (deduplicated by SHA-256).
    pub known_photos: u32,
    /// People added to the directory (their names).
    pub people_added: Vec<String>,
    /// People whose newer fields came with the bundle; the older text is recorded.
    pub people_updated: Vec<String>,
    /// People edited here more recently: kept, the incoming text recorded beside them.
    pub people_recorded: Vec<String>,
}

impl MergePlan {
    /// Whether the merge changes nothing at all.
    pub fn changes_nothing(&self) -> bool {
        self.new_photos == 0
            && self.people_added.is_empty()
            && self.people_updated.is_empty()
            && self.people_recorded.is_empty()
            && self.articles.iter().all(|a| {
                a.change == ArticleChange::Unchanged
                    && a.new_placements == 0
                    && a.new_status_changes == 0
            })
    }

    /// Number of articles left with a conflict to resolve.
    pub fn conflicts(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| a.change == ArticleChange::Conflict)
            .count()
    }
}

/// Replaces every `photo_id` string in a JSON tree found in `map`.
fn remap_photo_ids(v: &mut serde_json::Value, map: &HashMap<String, String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, val) in o.iter_mut() {
                if k == "photo_id" {
                    if let serde_json::Value::String(s) = val {
                        if let Some(to) = map.get(s.as_str()) {
                            *s = to.clone();
                        }
                    }
                } else {
                    remap_photo_ids(val, map);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| remap_photo_ids(x, map)),
        _ => {}
    }
}

fn remapped(a: &Article, map: &HashMap<String, String>) -> Result<Article> {
    if map.is_empty() {
        return Ok(a.clone());
    }
    let mut v = serde_json::to_value(a)?;
    remap_photo_ids(&mut v, map);
    Ok(serde_json::from_value(v)?)
}

/// Adds the incoming photos, deduplicated by content; returns incoming id → id here for
/// those stored here under another id.
fn merge_photos(
    tx: &Transaction<'_>,
    list: &[Photo],
    plan: &mut MergePlan,
) -> Result<HashMap<Uuid, Uuid>> {
    let mut map = HashMap::new();
    for p in list {
        if let Some(here) = photos::by_sha256(tx, &p.sha256)? {
            plan.known_photos += 1;
            if here.id != p.id {
                map.insert(p.id, here.id);
            }
            continue;
        }
        // The same id with other bytes would be a forged bundle: give it a fresh id.
        let id = if photos::get(tx, p.id)?.is_some() {
            let fresh = Uuid::now_v7();
            map.insert(p.id, fresh);
            fresh
        } else {
            p.id
        };
        photos::insert(
            tx,
            &Photo {
                id,
                meta: p.meta.normalized(),
                ..p.clone()
            },
        )?;
        index_photo(tx, id)?;
        plan.new_photos += 1;
    }
    Ok(map)
}

/// Codes of `p` that no other person here holds (a code belongs to one person).
fn free_codes(tx: &Transaction<'_>, p: &Person) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for c in &p.codes {
        match person_codes::owner(tx, c)? {
            Some(owner) if owner != p.id => {}
            _ => out.push(c.clone()),
        }
    }
    Ok(out)
}

fn merge_people(
    tx: &Transaction<'_>,
    list: &[Person],
    source: &str,
    plan: &mut MergePlan,
) -> Result<()> {
    let now = newsdesk_core::time::now();
    for incoming in list {
        incoming.validate()?;
        let here = match people::get(tx, incoming.id)? {
            Some(_) => Some(load(tx, incoming.id)?),
            None => None,
        };
        match here {
            None => {
                let p = Person {
                    codes: free_codes(tx, incoming)?,
                    ..incoming.clone()
                };
                insert_person(tx, &p)?;
                plan.people_added.push(p.full_name.clone());
            }
            Some(here) if here == *incoming => {}
            Some(here) if incoming.updated_at > here.updated_at => {
                // The incoming text is newer: it wins, this laptop's is recorded.
                person_versions::insert(tx, &here, "this laptop", &now)?;
                let p = Person {
                    created_at: here.created_at,
                    codes: free_codes(tx, incoming)?,
                    ..incoming.clone()
                };
                people::update(tx, &p)?;
                person_posts::replace(tx, p.id, &p.posts)?;
                person_codes::replace(tx, p.id, &p.codes)?;
                search::upsert(tx, &IndexDoc::person(&p))?;
                plan.people_updated.push(p.full_name.clone());
            }
            Some(here) => {
                if person_versions::insert(tx, incoming, source, &now)? {
                    plan.people_recorded.push(here.full_name.clone());
                }
            }
        }
    }
    Ok(())
}

/// The incoming head's revision: the one with the highest version.
fn head_revision(a: &IncomingArticle) -> Result<&Revision> {
    a.revisions
        .iter()
        .filter(|r| r.meta.version.is_some())
        .max_by_key(|r| r.meta.version)
        .ok_or_else(|| {
            Error::Corrupt(format!(
                "the incoming article '{}' has no revision that became its head",
                a.head.id
            ))
        })
}

/// An article both laptops hold: whether the incoming head is behind the head here,
/// continues its line, or diverged from it; writes the revisions this laptop lacks.
#[allow(
    clippy::too_many_arguments,
    reason = "one step of merge_article, split out to keep the three cases readable"
)]
fn merge_known(
    tx: &Transaction<'_>,
    incoming: &IncomingArticle,
    local: &Article,
    head_rev: &Revision,
    known: &HashMap<Uuid, Option<i64>>,
    fresh: &[&Revision],
    photo_map: &HashMap<String, String>,
    source: &str,
) -> Result<ArticleChange> {
    let id = local.id;
    // Sender's version → version here, for the revisions both hold on their lines.
    let mut versions: HashMap<i64, i64> = incoming
        .revisions
        .iter()
        .filter_map(|r| Some((r.meta.version?, (*known.get(&r.meta.id)?)?)))
        .collect();
    // The newest revision both lines share, as a version here.
    let common = incoming
        .revisions
        .iter()
        .filter(|r| r.meta.version.is_some())
        .filter_map(|r| *known.get(&r.meta.id)?)
        .max()
        .unwrap_or(0);
    let kept =
        |r: &Revision, versions: &HashMap<i64, i64>, kind: RevisionKind| revisions::RevisionMeta {
            version: None,
            base_version: r
                .meta
                .version
                .and_then(|v| versions.get(&v).copied())
                .unwrap_or(common),
            kind,
            ..r.meta.clone()
        };

    if matches!(known.get(&head_rev.meta.id), Some(Some(_))) {
        // The incoming head is on the line here already: add only the history lacking.
        if fresh.is_empty() {
            return Ok(ArticleChange::Unchanged);
        }
        for r in fresh {
            revisions::insert(
                tx,
                &kept(r, &versions, r.meta.kind),
                &remapped(&r.article, photo_map)?,
            )?;
        }
        return Ok(ArticleChange::History);
    }

    // The sender has the head here on its own line, or saw it as a conflict and resolved
    // it: its head supersedes the one here.
    let sender_has_mine = revisions::latest(tx, id)?.is_some_and(|h| {
        incoming.revisions.iter().any(|r| {
            r.meta.id == h.id
                && (r.meta.version.is_some() || !incoming.open_conflicts.contains(&h.id))
        })
    });
    if sender_has_mine {
        let mut next = local.version;
        for r in &incoming.revisions {
            let is_fresh = !known.contains_key(&r.meta.id);
            if !is_fresh && r.meta.id != head_rev.meta.id {
                continue;
            }
            let base = versions
                .get(&r.meta.base_version)
                .copied()
                .unwrap_or(local.version);
            let version = r.meta.version.map(|sv| {
                next += 1;
                versions.insert(sv, next);
                next
            });
            if is_fresh {
                let mut snapshot = remapped(&r.article, photo_map)?;
                if let Some(v) = version {
                    snapshot.version = v;
                }
                let meta = revisions::RevisionMeta {
                    version,
                    base_version: base,
                    ..r.meta.clone()
                };
                revisions::insert(tx, &meta, &snapshot)?;
            } else {
                // Held here as a conflict; the sender chose it, so it becomes the head.
                revisions::promote(tx, r.meta.id, next, r.meta.kind)?;
                open_conflicts::delete(tx, r.meta.id)?;
            }
        }
        let head = Article {
            version: next,
            created_at: local.created_at,
            ..remapped(&incoming.head, photo_map)?
        };
        articles::update(tx, &head)?;
        return Ok(ArticleChange::Updated);
    }

    // Both edited since the common revision: nothing is overwritten. The incoming
    // revisions join the history; the incoming head is an open conflict.
    if fresh.is_empty() {
        return Ok(ArticleChange::Unchanged);
    }
    let head_is_fresh = !known.contains_key(&head_rev.meta.id);
    for r in fresh {
        let meta = if r.meta.id == head_rev.meta.id {
            revisions::RevisionMeta {
                base_version: common,
                ..kept(r, &versions, RevisionKind::Conflict)
            }
        } else {
            kept(r, &versions, r.meta.kind)
        };
        revisions::insert(tx, &meta, &remapped(&r.article, photo_map)?)?;
    }
    if !head_is_fresh {
        return Ok(ArticleChange::History);
    }
    open_conflicts::insert(
        tx,
        head_rev.meta.id,
        id,
        source,
        &newsdesk_core::time::now(),
    )?;
    Ok(ArticleChange::Conflict)
}

/// Records as open here the sender's open conflicts among the revisions that just
/// arrived, unless that revision is on this laptop's line; returns how many were opened.
fn open_incoming_conflicts(
    tx: &Transaction<'_>,
    incoming: &IncomingArticle,
    fresh: &[&Revision],
    source: &str,
) -> Result<usize> {
    let arriving: Vec<Uuid> = fresh
        .iter()
        .map(|r| r.meta.id)
        .filter(|id| incoming.open_conflicts.contains(id))
        .collect();
    if arriving.is_empty() {
        return Ok(0);
    }
    let id = incoming.head.id;
    let here = revisions::known(tx, id)?;
    let already = open_conflicts::for_article(tx, id)?;
    let now = newsdesk_core::time::now();
    let mut opened = 0;
    for rev in arriving {
        if matches!(here.get(&rev), Some(None)) && !already.contains(&rev) {
            open_conflicts::insert(tx, rev, id, source, &now)?;
            opened += 1;
        }
    }
    Ok(opened)
}

fn merge_article(
    tx: &Transaction<'_>,
    incoming: &IncomingArticle,
    photo_map: &HashMap<String, String>,
    source: &str,
    index_on: bool,
) -> Result<ArticlePlan> {
    let id = incoming.head.id;
    incoming.head.validate()?;
    for r in &incoming.revisions {
        if r.meta.article_id != id || r.article.id != id {
            return Err(Error::Corrupt(format!(
                "revision '{}' does not belong to article '{id}'",
                r.meta.id
            )));
        }
        r.article.validate()?;
    }
    let head_in = remapped(&incoming.head, photo_map)?;
    let head_rev = head_revision(incoming)?;
    let local = articles::get(tx, id)?;
    let known = revisions::known(tx, id)?;
    let fresh: Vec<&Revision> = incoming
        .revisions
        .iter()
        .filter(|r| !known.contains_key(&r.meta.id))
        .collect();
    let mut plan = ArticlePlan {
        id,
        headline: incoming.head.headline.clone(),
        change: ArticleChange::Unchanged,
        new_revisions: fresh.len() as u32,
        new_placements: 0,
        new_status_changes: 0,
    };
    let index = |a: &Article| -> Result<()> {
        if index_on {
            search::upsert(tx, &IndexDoc::article(a))?;
        }
        Ok(())
    };
    match local {
        None => {
            articles::insert(tx, &head_in)?;
            index(&head_in)?;
            for r in &fresh {
                revisions::insert(tx, &r.meta, &remapped(&r.article, photo_map)?)?;
            }
            plan.change = ArticleChange::New;
        }
        Some(local) => {
            plan.change = merge_known(
                tx, incoming, &local, head_rev, &known, &fresh, photo_map, source,
            )?;
            if plan.change == ArticleChange::Updated {
                index(&articles::require(tx, id)?)?;
            }
        }
    }
    // A conflict the sender has not resolved stays open here too when its revision
    // arrives now (issue 9): a laptop that held it only as history would otherwise pass
    // it on as resolved, and the next laptop would let the sender's head supersede its
    // own without anyone choosing. A revision known here already keeps its state (this
    // laptop may have resolved it).
    let opened = open_incoming_conflicts(tx, incoming, &fresh, source)?;
    if opened > 0 && plan.change == ArticleChange::History {
        plan.change = ArticleChange::Conflict;
    }
    let takes_over = matches!(plan.change, ArticleChange::New | ArticleChange::Updated);
    for p in &incoming.placements {
        let p = Placement {
            article_id: id,
            photo_id: photo_map
                .get(&p.photo_id.to_string())
                .and_then(|s| Uuid::parse_str(s).ok())
                .unwrap_or(p.photo_id),
            ..p.clone()
        };
        match placements::get(tx, p.id)? {
            None => {
                placements::insert(tx, &p)?;
                index_photo(tx, p.photo_id)?;
                plan.new_placements += 1;
            }
            Some(here) if takes_over && here != p => {
                placements::update(tx, &p)?;
                index_photo(tx, p.photo_id)?;
            }
            Some(_) => {}
        }
    }
    for c in &incoming.status_changes {
        let c = StatusChange {
            article_id: id,
            ..c.clone()
        };
        if !status_changes::exists(tx, &c)? {
            status_changes::insert(tx, &c)?;
            plan.new_status_changes += 1;
        }
    }
    Ok(plan)
}

fn merge_in(tx: &Transaction<'_>, incoming: &Incoming, index_on: bool) -> Result<MergePlan> {
    let mut plan = MergePlan::default();
    let photo_map: HashMap<String, String> = merge_photos(tx, &incoming.photos, &mut plan)?
        .into_iter()
        .map(|(from, to)| (from.to_string(), to.to_string()))
        .collect();
    merge_people(tx, &incoming.people, &incoming.source, &mut plan)?;
    for a in &incoming.articles {
        plan.articles.push(merge_article(
            tx,
            a,
            &photo_map,
            &incoming.source,
            index_on,
        )?);
    }
    Ok(plan)
}

impl Store {
    /// What merging `incoming` would change; nothing is written.
    pub fn plan_merge(&mut self, incoming: &Incoming) -> Result<MergePlan> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let plan = merge_in(&tx, incoming, self.index_on_save)?;
        tx.rollback()?;
        Ok(plan)
    }

    /// Merges `incoming` in one transaction: all of it or, on any error, none.
    pub fn merge(&mut self, incoming: &Incoming) -> Result<MergePlan> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let plan = merge_in(&tx, incoming, self.index_on_save)?;
        tx.commit()?;
        Ok(plan)
    }

    /// Everything this store holds of some articles, as another laptop would receive it:
    /// heads, every revision, placements, status changes, the placed photos and the people
    /// referenced (by `person_id` anywhere in the articles' revisions).
    pub fn outgoing(&self, ids: &[Uuid], source: &str) -> Result<Incoming> {
        let mut out = Incoming {
            source: source.to_owned(),
            articles: Vec::new(),
            people: Vec::new(),
            photos: Vec::new(),
        };
        let mut person_ids = std::collections::BTreeSet::new();
        let mut photo_ids = std::collections::BTreeSet::new();
        for &id in ids {
            let head = articles::require(&self.conn, id)?;
            let mut revs = Vec::new();
            for m in revisions::list(&self.conn, id)? {
                let r = revisions::get(&self.conn, m.id)?;
                collect_person_ids(&serde_json::to_value(&r.article)?, &mut person_ids);
                revs.push(r);
            }
            collect_person_ids(&serde_json::to_value(&head)?, &mut person_ids);
            let placed = placements::for_article(&self.conn, id)?;
            photo_ids.extend(placed.iter().map(|p| p.photo_id));
            out.articles.push(IncomingArticle {
                head,
                revisions: revs,
                placements: placed,
                status_changes: status_changes::for_article(&self.conn, id)?,
                open_conflicts: open_conflicts::for_article(&self.conn, id)?,
            });
        }
        for id in person_ids {
            // A byline can name someone removed from the directory since: skip them.
            if people::get(&self.conn, id)?.is_some() {
                out.people.push(load(&self.conn, id)?);
            }
        }
        for id in photo_ids {
            out.photos.push(photos::require(&self.conn, id)?);
        }
        Ok(out)
    }

    /// The conflicts bundles brought into an article that are not resolved yet, each with
    /// the head as it is here (`current`) and the incoming text (`yours`).
    pub fn open_conflicts(&self, article_id: Uuid) -> Result<Vec<Conflict>> {
        let current = articles::require(&self.conn, article_id)?;
        open_conflicts::for_article(&self.conn, article_id)?
            .into_iter()
            .map(|rev| {
                let r = revisions::get(&self.conn, rev)?;
                Ok(Conflict {
                    current: current.clone(),
                    yours: Article {
                        version: current.version,
                        ..r.article
                    },
                    kept: r.meta,
                })
            })
            .collect()
    }

    /// Marks a conflict a bundle brought in as resolved (both texts stay in the history).
    pub fn resolve_conflict(&mut self, revision_id: Uuid) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !open_conflicts::delete(&tx, revision_id)? {
            return Err(Error::NotFound {
                what: "open conflict",
                id: revision_id.to_string(),
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// Other versions of a person recorded when a merge kept the newer fields.
    pub fn person_versions(&self, id: Uuid) -> Result<Vec<Person>> {
        person_versions::for_person(&self.conn, id)
    }

    /// Open conflicts across all articles.
    pub fn open_conflict_count(&self) -> Result<i64> {
        open_conflicts::count(&self.conn)
    }
}

fn collect_person_ids(v: &serde_json::Value, out: &mut std::collections::BTreeSet<Uuid>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, val) in o {
                if k == "person_id" {
                    if let Some(id) = val.as_str().and_then(|s| Uuid::parse_str(s).ok()) {
                        out.insert(id);
                    }
                } else {
                    collect_person_ids(val, out);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_person_ids(x, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SaveKind;
    use newsdesk_core::{NewArticle, NewPerson};

    fn laptop() -> Store {
        Store::open_in_memory().unwrap()
    }

    fn edit(s: &mut Store, id: Uuid, headline: &str) -> Article {
        let mut a = s.article(id).unwrap();
        a.headline = headline.into();
        match s.save(&a, a.version, SaveKind::Auto, "x").unwrap() {
            crate::SaveOutcome::Saved { article } => article,
            crate::SaveOutcome::Conflict { .. } => panic!("conflict"),
        }
    }

    fn send(from: &Store, id: Uuid) -> Incoming {
        from.outgoing(&[id], "sender").unwrap()
    }

    fn headlines(s: &Store, id: Uuid) -> Vec<String> {
        let mut h: Vec<String> = s
            .revisions(id)
            .unwrap()
            .into_iter()
            .map(|r| r.headline)
            .collect();
        h.sort();
        h
    }

    #[test]
    fn a_new_article_arrives_with_its_history_and_a_second_merge_changes_nothing() {
        let mut a = laptop();
        let art = a
            .create(
                NewArticle {
                    headline: "Một".into(),
                    ..NewArticle::default()
                },
                "Lan",
            )
            .unwrap();
        edit(&mut a, art.id, "Hai");
        let mut b = laptop();
        let plan = b.plan_merge(&send(&a, art.id)).unwrap();
        assert_eq!(plan.articles[0].change, ArticleChange::New);
        assert!(b.list(false).unwrap().is_empty(), "a plan writes nothing");
        b.merge(&send(&a, art.id)).unwrap();
        assert_eq!(b.article(art.id).unwrap(), a.article(art.id).unwrap());
        assert_eq!(b.revisions(art.id).unwrap(), a.revisions(art.id).unwrap());
        let again = b.merge(&send(&a, art.id)).unwrap();
        assert!(again.changes_nothing(), "{again:?}");
    }

    #[test]
    fn edits_on_one_side_continue_the_line_and_edits_on_both_make_a_conflict() {
        let mut a = laptop();
        let art = a.create(NewArticle::default(), "Lan").unwrap();
        let mut b = laptop();
        b.merge(&send(&a, art.id)).unwrap();
        edit(&mut a, art.id, "A sửa");
        let p = b.merge(&send(&a, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Updated);
        assert_eq!(b.article(art.id).unwrap().headline, "A sửa");
        assert_eq!(b.article(art.id).unwrap().version, 2);
        // Both edit now.
        edit(&mut a, art.id, "A lần hai");
        edit(&mut b, art.id, "B sửa");
        let p = b.merge(&send(&a, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Conflict);
        assert_eq!(
            b.article(art.id).unwrap().headline,
            "B sửa",
            "nothing overwritten"
        );
        let open = b.open_conflicts(art.id).unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].yours.headline, "A lần hai");
        assert_eq!(open[0].kept.kind, RevisionKind::Conflict);
        assert!(b.merge(&send(&a, art.id)).unwrap().changes_nothing());
        assert_eq!(b.open_conflicts(art.id).unwrap().len(), 1, "shown once");
        // Back the other way: A gets B's edit as a conflict too; every text is on both.
        let p = a.merge(&send(&b, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Conflict);
        assert_eq!(headlines(&a, art.id), headlines(&b, art.id));
        assert_eq!(a.open_conflicts(art.id).unwrap().len(), 1);
        // B keeps its own text; once A hears of that, A's head follows and its conflict closes.
        b.resolve_conflict(open[0].kept.id).unwrap();
        assert!(b.open_conflicts(art.id).unwrap().is_empty());
        let p = a.merge(&send(&b, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Updated);
        assert_eq!(a.article(art.id).unwrap().headline, "B sửa");
        assert!(a.open_conflicts(art.id).unwrap().is_empty());
        assert!(b.merge(&send(&a, art.id)).unwrap().changes_nothing());
        assert!(a.merge(&send(&b, art.id)).unwrap().changes_nothing());
        assert_eq!(headlines(&a, art.id), headlines(&b, art.id));
    }

    #[test]
    fn issue_9_an_open_conflict_passed_on_as_history_stays_open_and_supersedes_nothing() {
        // Found by the property test (tests/bundle_convergence.rs): C writes, A and C both
        // edit; B follows A. C's edit reaches A as an open conflict and then B with A's
        // history. When B sends to C, C's head must stay: nobody chose A's text over it.
        let (mut a, mut b, mut c) = (laptop(), laptop(), laptop());
        let art = c.create(NewArticle::default(), "C").unwrap();
        a.merge(&send(&c, art.id)).unwrap();
        edit(&mut a, art.id, "A sửa");
        edit(&mut c, art.id, "C sửa");
        b.merge(&send(&a, art.id)).unwrap();
        let p = a.merge(&send(&c, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Conflict);
        let p = b.merge(&send(&a, art.id)).unwrap();
        assert_eq!(
            p.articles[0].change,
            ArticleChange::Conflict,
            "B learns of the conflict A has not resolved"
        );
        assert_eq!(b.open_conflicts(art.id).unwrap().len(), 1);
        assert_eq!(b.article(art.id).unwrap().headline, "A sửa");
        c.merge(&send(&a, art.id)).unwrap();
        let p = c.merge(&send(&b, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Unchanged, "{p:?}");
        assert_eq!(c.article(art.id).unwrap().headline, "C sửa");
        assert_eq!(c.open_conflicts(art.id).unwrap().len(), 1);
        // Once B resolves it (keeping A's text), C hears of it and follows.
        let open = b.open_conflicts(art.id).unwrap();
        b.resolve_conflict(open[0].kept.id).unwrap();
        let p = c.merge(&send(&b, art.id)).unwrap();
        assert_eq!(p.articles[0].change, ArticleChange::Updated);
        assert_eq!(c.article(art.id).unwrap().headline, "A sửa");
        assert!(c.open_conflicts(art.id).unwrap().is_empty());
    }

    #[test]
    fn a_person_edited_on_both_sides_keeps_the_newer_fields_and_records_the_other() {
        let mut a = laptop();
        let p = a
            .add_person(NewPerson {
                full_name: "Nguyễn Văn An".into(),
                ..NewPerson::default()
            })
            .unwrap();
        let mut b = laptop();
        let incoming = |s: &Store| Incoming {
            source: "A".into(),
            articles: vec![],
            people: vec![s.person(p.id).unwrap()],
            photos: vec![],
        };
        assert_eq!(b.merge(&incoming(&a)).unwrap().people_added.len(), 1);
        b.update_person(&Person {
            phone: "0905".into(),
            ..b.person(p.id).unwrap()
        })
        .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        a.update_person(&Person {
            organisation: "UBND".into(),
            ..a.person(p.id).unwrap()
        })
        .unwrap();
        let plan = b.merge(&incoming(&a)).unwrap();
        assert_eq!(plan.people_updated, ["Nguyễn Văn An"]);
        assert_eq!(b.person(p.id).unwrap().organisation, "UBND");
        let other = b.person_versions(p.id).unwrap();
        assert_eq!(other.len(), 1);
        assert_eq!(other[0].phone, "0905", "the other side is recorded");
        assert!(b.merge(&incoming(&a)).unwrap().changes_nothing());
    }
}
