//! What an article's publishes left behind, for the publish log panel: the log entries
//! (exports and publishes) and, per target, the remote post and the steps a publish
//! completed — so a publish that stopped half-way shows how far it got and can be retried.

use std::path::Path;

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, Status};
use newsdesk_store::{PublishEntry, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::job::build_job;
use crate::Result;

/// How far one step of a publish got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StepDone {
    /// Answered by the site; its remote id is recorded.
    Done,
    /// Sent, but the answer never came (a retry looks it up on the site).
    Pending,
    /// Not reached.
    Missing,
}

/// One step of a publish on one target: a photo's upload or the post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepState {
    /// `photo` or `post`.
    pub kind: String,
    /// The photo's number in the article (1-based); 0 for the post.
    pub number: u32,
    pub done: StepDone,
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    pub url: String,
}

/// The article on one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostState {
    pub target: String,
    /// The post's id on the site, once created.
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    pub url: String,
    /// The post's status on the site (`publish`, `draft`), empty before it exists.
    pub status: String,
    /// The article version last sent.
    #[ts(type = "number")]
    pub article_version: i64,
    pub at: Option<DateTime<Utc>>,
    /// True when a publish stopped before its post was written: retry to finish it.
    pub incomplete: bool,
    /// True when the article changed since it was last sent (an update is due).
    pub outdated: bool,
    pub steps: Vec<StepState>,
}

/// Everything the publish log panel shows for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishRecord {
    /// Exports and publishes, oldest first.
    pub entries: Vec<PublishEntry>,
    /// The article on each target where a publish was ever started.
    pub posts: Vec<PostState>,
    /// What may be done with the article now ([`publish_actions`]).
    pub actions: Vec<PublishAction>,
}

/// A button the publish panel offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PublishAction {
    /// Publish an approved article (to a target chosen in the dialog).
    Publish,
    /// Send a published article's changes.
    Update,
    /// Take the post off `target`.
    Withdraw { target: String },
    /// Finish a publish that stopped half-way on `target`.
    Retry { target: String },
}

/// What may be done with an article in `status` given its posts: publish once approved,
/// update once published, retry a half-way publish while it may be sent, withdraw a
/// live post of a published article.
pub fn publish_actions(status: Status, posts: &[PostState]) -> Vec<PublishAction> {
    let mut out = Vec::new();
    let can_send = matches!(status, Status::Approved | Status::Published);
    match status {
        Status::Approved => out.push(PublishAction::Publish),
        Status::Published => out.push(PublishAction::Update),
        _ => {}
    }
    if can_send {
        out.extend(
            posts
                .iter()
                .filter(|p| p.incomplete)
                .map(|p| PublishAction::Retry {
                    target: p.target.clone(),
                }),
        );
    }
    if status == Status::Published {
        out.extend(
            posts
                .iter()
                .filter(|p| p.remote_id.is_some() && p.status != "draft" && !p.incomplete)
                .map(|p| PublishAction::Withdraw {
                    target: p.target.clone(),
                }),
        );
    }
    out
}

/// The publish log and remote state of article `id`.
pub fn publish_record(store: &Store, data_dir: &Path, id: Uuid) -> Result<PublishRecord> {
    let article = store.article(id)?;
    let entries = store.publish_log(id)?;
    // The photos as they would be sent now; their hashes key the recorded uploads. A
    // photo that cannot be read leaves the photo steps out rather than the whole record.
    let hashes: Vec<String> = match build_job(store, data_dir, &article, true) {
        Ok((job, _)) => job.media.into_iter().map(|m| m.hash).collect(),
        Err(_) => Vec::new(),
    };
    let mut posts = Vec::new();
    for target in store.targets()? {
        let post = store.remote_post(id, &target.name)?;
        let mut media = Vec::new();
        for h in &hashes {
            media.push(store.remote_media(&target.name, h)?);
        }
        if post.is_none() && media.iter().all(Option::is_none) {
            continue;
        }
        let post_at = post
            .as_ref()
            .filter(|p| p.remote_id.is_some())
            .map(|p| p.at);
        let mut steps = Vec::new();
        let mut incomplete = post_at.is_none();
        for (i, m) in media.iter().enumerate() {
            let done = match m {
                Some(m) if m.remote_id.is_some() => StepDone::Done,
                Some(_) => StepDone::Pending,
                None => StepDone::Missing,
            };
            // A photo step answered after the post was last written belongs to a
            // publish that did not reach its post.
            if done == StepDone::Pending || m.as_ref().zip(post_at).is_some_and(|(m, at)| m.at > at)
            {
                incomplete = true;
            }
            steps.push(StepState {
                kind: "photo".into(),
                number: i as u32 + 1,
                done,
                remote_id: m.as_ref().and_then(|m| m.remote_id),
                url: m.as_ref().map(|m| m.url.clone()).unwrap_or_default(),
            });
        }
        steps.push(StepState {
            kind: "post".into(),
            number: 0,
            done: match &post {
                Some(p) if p.remote_id.is_some() => StepDone::Done,
                Some(_) => StepDone::Pending,
                None => StepDone::Missing,
            },
            remote_id: post.as_ref().and_then(|p| p.remote_id),
            url: post.as_ref().map(|p| p.url.clone()).unwrap_or_default(),
        });
        posts.push(PostState {
            target: target.name.clone(),
            remote_id: post.as_ref().and_then(|p| p.remote_id),
            url: post.as_ref().map(|p| p.url.clone()).unwrap_or_default(),
            status: post.as_ref().map(|p| p.status.clone()).unwrap_or_default(),
            article_version: post.as_ref().map_or(0, |p| p.article_version),
            at: post.as_ref().map(|p| p.at),
            incomplete,
            outdated: match post.as_ref().filter(|p| p.remote_id.is_some()) {
                Some(p) => changed_since(store, &article, p.article_version)?,
                None => false,
            },
            steps,
        });
    }
    let actions = publish_actions(article.status, &posts);
    Ok(PublishRecord {
        entries,
        posts,
        actions,
    })
}

/// Whether what a site shows of `article` changed after `version`: a status change makes
/// a new version too (publishing itself does), so the texts are compared, not numbers.
fn changed_since(store: &Store, article: &Article, version: i64) -> Result<bool> {
    if version >= article.version {
        return Ok(false);
    }
    let Some(meta) = store
        .revisions(article.id)?
        .into_iter()
        .find(|m| m.version == Some(version))
    else {
        return Ok(true);
    };
    let sent = store.revision(meta.id)?.article;
    Ok(!(sent.headline == article.headline
        && sent.lead == article.lead
        && sent.body == article.body
        && sent.tags == article.tags
        && sent.bylines == article.bylines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::NewArticle;
    use newsdesk_store::{PublishTarget, RemotePost};

    fn post(id: Uuid, remote_id: Option<i64>, version: i64) -> RemotePost {
        RemotePost {
            article_id: id,
            target: "web".into(),
            slug: "tin".into(),
            remote_id,
            url: remote_id.map_or(String::new(), |n| format!("https://a.vn/?p={n}")),
            status: if remote_id.is_some() { "publish" } else { "" }.into(),
            article_version: version,
            content_hash: String::new(),
            at: newsdesk_core::time::now(),
        }
    }

    fn state(over: impl FnOnce(&mut PostState)) -> PostState {
        let mut p = PostState {
            target: "web".into(),
            remote_id: Some(12),
            url: "https://a.vn/?p=12".into(),
            status: "publish".into(),
            article_version: 3,
            at: None,
            incomplete: false,
            outdated: false,
            steps: Vec::new(),
        };
        over(&mut p);
        p
    }

    #[test]
    fn the_actions_follow_the_status_and_the_posts() {
        let half_way = |p: &mut PostState| p.incomplete = true;
        let never_answered = |p: &mut PostState| {
            p.incomplete = true;
            p.remote_id = None;
        };
        let cases: Vec<(Status, Vec<PostState>, &[&str])> = vec![
            (Status::Draft, vec![], &[]),
            (Status::InEdit, vec![state(never_answered)], &[]),
            (Status::Approved, vec![], &["publish"]),
            (
                Status::Approved,
                vec![state(|p| {
                    never_answered(p);
                    p.status.clear();
                })],
                &["publish", "retry:web"],
            ),
            (
                Status::Published,
                vec![state(|_| {})],
                &["update", "withdraw:web"],
            ),
            (
                Status::Published,
                vec![state(|p| p.status = "draft".into())],
                &["update"],
            ),
            (
                Status::Published,
                vec![state(half_way)],
                &["update", "retry:web"],
            ),
            (
                Status::Withdrawn,
                vec![state(|p| p.status = "draft".into())],
                &[],
            ),
        ];
        for (status, posts, want) in cases {
            let got: Vec<String> = publish_actions(status, &posts)
                .into_iter()
                .map(|a| match a {
                    PublishAction::Publish => "publish".to_owned(),
                    PublishAction::Update => "update".to_owned(),
                    PublishAction::Withdraw { target } => format!("withdraw:{target}"),
                    PublishAction::Retry { target } => format!("retry:{target}"),
                })
                .collect();
            assert_eq!(got, want, "{status:?}");
        }
    }

    #[test]
    fn a_post_whose_create_was_not_answered_is_incomplete_then_complete_then_outdated() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open_in_memory().unwrap();
        s.put_target(&PublishTarget {
            name: "web".into(),
            kind: "wordpress".into(),
            url: "https://a.vn".into(),
            user: "u".into(),
            secret_store: "vault".into(),
            created_at: newsdesk_core::time::now(),
        })
        .unwrap();
        let a = s.create(NewArticle::default(), "t").unwrap();
        let r = publish_record(&s, dir.path(), a.id).unwrap();
        assert!(r.posts.is_empty(), "never published: nothing to show");

        s.put_remote_post(&post(a.id, None, a.version)).unwrap();
        let r = publish_record(&s, dir.path(), a.id).unwrap();
        let p = &r.posts[0];
        assert!(p.incomplete);
        assert_eq!(p.steps.last().unwrap().done, StepDone::Pending);

        s.put_remote_post(&post(a.id, Some(7), a.version)).unwrap();
        let p = &publish_record(&s, dir.path(), a.id).unwrap().posts[0];
        assert!(!p.incomplete && !p.outdated);
        assert_eq!(p.remote_id, Some(7));
        assert_eq!(p.steps.last().unwrap().done, StepDone::Done);

        s.put_remote_post(&post(a.id, Some(7), a.version - 1))
            .unwrap();
        let p = &publish_record(&s, dir.path(), a.id).unwrap().posts[0];
        assert!(p.outdated && !p.incomplete);
    }
}
