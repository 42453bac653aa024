//! Publishing to websites, on top of the `publish_targets`, `remote_posts` and
//! `remote_media` tables: the targets, and the record of what each target holds, written
//! step by step so an interrupted publish resumes without duplicates.

use uuid::Uuid;

use crate::error::{Error, Result};
use crate::publish_targets::PublishTarget;
use crate::remote_media::RemoteMedia;
use crate::remote_posts::RemotePost;
use crate::{publish_targets, remote_media, remote_posts, Store};

impl Store {
    /// Adds a publish target, or changes the one with the same name.
    pub fn put_target(&mut self, t: &PublishTarget) -> Result<()> {
        let name = t.name.trim();
        if name.is_empty() || name.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(newsdesk_core::Error::invalid(
                "name",
                "a target name must not be empty or hold spaces or control characters",
            )
            .into());
        }
        publish_targets::upsert(&self.conn, t)
    }

    /// Every publish target, by name.
    pub fn targets(&self) -> Result<Vec<PublishTarget>> {
        publish_targets::list(&self.conn)
    }

    /// The target called `name`.
    pub fn target(&self, name: &str) -> Result<PublishTarget> {
        publish_targets::get(&self.conn, name)?.ok_or_else(|| Error::NotFound {
            what: "publish target",
            id: name.to_owned(),
        })
    }

    /// Removes a target and what was recorded of its posts and media.
    pub fn remove_target(&mut self, name: &str) -> Result<()> {
        if publish_targets::delete(&self.conn, name)? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "publish target",
                id: name.to_owned(),
            })
        }
    }

    /// The article's post on `target`, if a publish was ever started.
    pub fn remote_post(&self, article_id: Uuid, target: &str) -> Result<Option<RemotePost>> {
        remote_posts::get(&self.conn, article_id, target)
    }

    /// Every remote post of an article.
    pub fn remote_posts(&self, article_id: Uuid) -> Result<Vec<RemotePost>> {
        remote_posts::for_article(&self.conn, article_id)
    }

    /// Records the article's post on a target (before the create, then after each answer).
    pub fn put_remote_post(&mut self, p: &RemotePost) -> Result<()> {
        remote_posts::put(&self.conn, p)
    }

    /// The media with these bytes on `target`, if an upload was ever started.
    pub fn remote_media(&self, target: &str, content_hash: &str) -> Result<Option<RemoteMedia>> {
        remote_media::get(&self.conn, target, content_hash)
    }

    /// Records an upload (before it starts, then with its remote id).
    pub fn put_remote_media(&mut self, m: &RemoteMedia) -> Result<()> {
        remote_media::put(&self.conn, m)
    }

    /// Forgets an upload the site no longer has.
    pub fn forget_remote_media(&mut self, target: &str, content_hash: &str) -> Result<()> {
        remote_media::delete(&self.conn, target, content_hash)
    }

    /// How many files were uploaded to `target`.
    pub fn remote_media_count(&self, target: &str) -> Result<i64> {
        remote_media::count(&self.conn, target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::NewArticle;

    fn target(name: &str) -> PublishTarget {
        PublishTarget {
            name: name.into(),
            kind: "wordpress".into(),
            url: "https://example.vn".into(),
            user: "editor".into(),
            secret_store: "vault".into(),
            created_at: newsdesk_core::time::now(),
        }
    }

    #[test]
    fn targets_are_added_changed_and_removed_with_their_records() {
        let mut s = Store::open_in_memory().unwrap();
        s.put_target(&target("web")).unwrap();
        s.put_target(&PublishTarget {
            url: "https://b.vn".into(),
            ..target("web")
        })
        .unwrap();
        assert_eq!(s.targets().unwrap().len(), 1);
        assert_eq!(s.target("web").unwrap().url, "https://b.vn");
        for bad in ["", "a b", "x\u{7}"] {
            assert_eq!(s.put_target(&target(bad)).unwrap_err().code(), "invalid");
        }
        let a = s.create(NewArticle::default(), "t").unwrap();
        let now = newsdesk_core::time::now();
        s.put_remote_post(&RemotePost {
            article_id: a.id,
            target: "web".into(),
            slug: "tin".into(),
            remote_id: None,
            url: String::new(),
            status: String::new(),
            article_version: 1,
            content_hash: String::new(),
            at: now,
        })
        .unwrap();
        let mut p = s.remote_post(a.id, "web").unwrap().unwrap();
        assert_eq!(p.remote_id, None);
        p.remote_id = Some(42);
        s.put_remote_post(&p).unwrap();
        assert_eq!(
            s.remote_post(a.id, "web").unwrap().unwrap().remote_id,
            Some(42)
        );
        s.put_remote_media(&RemoteMedia {
            target: "web".into(),
            content_hash: "ab".into(),
            remote_id: Some(7),
            url: "u".into(),
            at: now,
        })
        .unwrap();
        assert_eq!(s.remote_media_count("web").unwrap(), 1);
        s.remove_target("web").unwrap();
        assert!(s.remote_post(a.id, "web").unwrap().is_none());
        assert!(s.remote_media("web", "ab").unwrap().is_none());
        assert_eq!(s.remove_target("web").unwrap_err().code(), "not_found");
    }
}
