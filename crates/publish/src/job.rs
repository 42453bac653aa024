//! A publish from the store's point of view: the article, its placed photos' web
//! renditions with credits embedded (as export does), the checklist, the target and its
//! password, the ledger of remote ids, the publish log and the status change.

use std::path::Path;
use std::sync::Arc;

use newsdesk_core::byline::format_bylines;
use newsdesk_core::{Article, Block, FigureFacts, Status};
use newsdesk_export::image_meta::{embed, ImageCredits};
use newsdesk_export::{html, FigureView};
use newsdesk_photo::{PhotoFiles, Size};
use newsdesk_store::{RemoteMedia, RemotePost, Store};
use uuid::Uuid;

use crate::secret::{Backend, Secrets};
use crate::wordpress::WordPress;
use crate::{
    BodyRenderer, ConnectionReport, Error, Job, Ledger, MediaItem, PublishProgress, Published,
    Result, Target,
};

/// How to publish.
#[derive(Debug, Clone)]
pub struct PublishOptions<'a> {
    /// The target's name.
    pub target: &'a str,
    /// `true`: publish for readers (the article moves to published); `false`: a draft
    /// on the site for a last look.
    pub live: bool,
    /// The profile acting (default: the current one).
    pub profile: Option<&'a str>,
}

/// The target called `name`, with its password from where it was stored.
pub fn target_for(store: &Store, secrets: &Secrets, name: &str) -> Result<Box<dyn Target>> {
    let t = store.target(name)?;
    let backend = Backend::parse(&t.secret_store).unwrap_or(Backend::Vault);
    let password = secrets.load(name, backend)?;
    match t.kind.as_str() {
        "wordpress" => Ok(Box::new(WordPress::new(
            &t.name, &t.url, &t.user, &password,
        )?)),
        other => Err(Error::Rejected {
            status: 0,
            message: format!("unknown kind of target '{other}'"),
        }),
    }
}

/// Tests a target's connection: reachability, credentials, API version.
pub fn test_target(store: &Store, secrets: &Secrets, name: &str) -> Result<ConnectionReport> {
    target_for(store, secrets, name)?.test()
}

/// Publishes (or updates) an approved or published article on a target. Each step is
/// recorded as it completes, so after a failure publishing again resumes.
pub fn publish(
    store: &mut Store,
    secrets: &Secrets,
    data_dir: &Path,
    id: Uuid,
    opts: &PublishOptions<'_>,
    progress: &mut dyn FnMut(PublishProgress),
) -> Result<Published> {
    let article = store.article(id)?;
    if !matches!(article.status, Status::Approved | Status::Published) {
        return Err(Error::NotApproved {
            status: article.status.as_str().to_owned(),
        });
    }
    let moves = opts.live && article.status == Status::Approved;
    let who = if moves {
        store.acting_profile(opts.profile)?.name
    } else {
        store
            .acting_profile(opts.profile)
            .map(|p| p.name)
            .unwrap_or_default()
    };
    let (job, facts) = build_job(store, data_dir, &article, opts.live)?;
    let c = store.checklist(&article, &facts, 0)?;
    if !c.passes() {
        return Err(newsdesk_store::Error::Checklist(c.blocking().cloned().collect()).into());
    }
    let target = target_for(store, secrets, opts.target)?;
    let out = {
        let mut ledger = StoreLedger {
            store: &mut *store,
            target: opts.target,
            article_id: id,
        };
        target.publish(&job, &mut ledger, progress)?
    };
    let hash = store
        .remote_post(id, opts.target)?
        .map(|p| p.content_hash)
        .unwrap_or_default();
    store.log_export(
        &article,
        &format!("publish:{}", opts.target),
        &out.url,
        &hash,
        &who,
    )?;
    if moves {
        store.change_status(id, Status::Published, Some(&who), &facts)?;
    }
    Ok(out)
}

/// Takes an article off a target (WordPress: the post goes back to draft), records it,
/// and moves a published article to withdrawn.
pub fn withdraw(
    store: &mut Store,
    secrets: &Secrets,
    id: Uuid,
    target_name: &str,
    profile: Option<&str>,
) -> Result<Published> {
    let article = store.article(id)?;
    let moves = article.status == Status::Published;
    let who = if moves {
        store.acting_profile(profile)?.name
    } else {
        store
            .acting_profile(profile)
            .map(|p| p.name)
            .unwrap_or_default()
    };
    let target = target_for(store, secrets, target_name)?;
    let out = {
        let mut ledger = StoreLedger {
            store: &mut *store,
            target: target_name,
            article_id: id,
        };
        target.withdraw(&mut ledger)?
    };
    store.log_export(
        &article,
        &format!("withdraw:{target_name}"),
        &out.url,
        "",
        &who,
    )?;
    if moves {
        store.change_status(id, Status::Withdrawn, Some(&who), &[])?;
    }
    Ok(out)
}

/// The article as a [`Job`], and the figure facts for the checklist.
pub fn build_job(
    store: &Store,
    data_dir: &Path,
    article: &Article,
    live: bool,
) -> Result<(Job, Vec<FigureFacts>)> {
    let settings = store.settings()?;
    let placements = store.placements(article.id)?;
    let credits = store.printed_credits(article.id)?;
    let files = PhotoFiles::open(data_dir).map_err(|e| Error::Photo {
        name: data_dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let mut media = Vec::new();
    let mut figures = Vec::new();
    let mut facts = Vec::new();
    for (i, b) in article.body.blocks.iter().enumerate() {
        let Block::Figure { placement_id, .. } = b else {
            continue;
        };
        let Some(p) = placements.iter().find(|p| p.id == *placement_id) else {
            continue;
        };
        let photo = store.photo(p.photo_id)?;
        let credit = credits
            .iter()
            .find(|c| c.placement_id == p.id)
            .map(|c| c.credit.clone())
            .unwrap_or_default();
        let bytes = web_rendition(&files, &photo)?;
        let embedded = embed(
            &bytes,
            &ImageCredits {
                caption: p.caption.clone(),
                creator: p.credit.clone(),
                credit: credit.clone(),
                copyright: photo.meta.copyright.clone().unwrap_or_default(),
                date: photo
                    .meta
                    .taken_at
                    .as_deref()
                    .and_then(|t| t.get(..10))
                    .unwrap_or_default()
                    .to_owned(),
                alt: p.alt_text.clone(),
            },
        )?;
        let width = newsdesk_photo::Size::Web
            .long_side()
            .min(photo.width.max(photo.height));
        facts.push(FigureFacts {
            path: format!("body.blocks[{i}]"),
            caption: p.caption.clone(),
            credit: p.credit.clone(),
            alt: p.alt_text.clone(),
            rendition_width: width,
        });
        figures.push(FigureView {
            placement_id: p.id,
            caption: p.caption.clone(),
            credit: credit.clone(),
            alt: p.alt_text.clone(),
            copyright: photo.meta.copyright.clone().unwrap_or_default(),
            ..FigureView::default()
        });
        media.push(MediaItem {
            hash: newsdesk_photo::sha256_hex(&embedded),
            bytes: embedded,
            caption: p.caption.clone(),
            alt: p.alt_text.clone(),
            credit,
            placement_id: p.id,
        });
    }
    let blocks = article.body.blocks.clone();
    let byline = format_bylines(&article.bylines, settings.language);
    let body = BodyRenderer(Arc::new(move |urls: &[(Uuid, String)]| {
        let figs: Vec<FigureView> = figures
            .iter()
            .map(|f| FigureView {
                file: urls
                    .iter()
                    .find(|(id, _)| *id == f.placement_id)
                    .map(|(_, u)| u.clone()),
                ..f.clone()
            })
            .collect();
        let mut out = html::body(&blocks, &figs);
        if !byline.is_empty() {
            out.push_str(&format!(
                "<p class=\"byline\">{}</p>\n",
                html::text(&byline)
            ));
        }
        out
    }));
    let (prefix, lead) = html::tagged_lead(&settings, &article.lead);
    let short = article.id.simple().to_string();
    let slug = format!(
        "{}-{}",
        newsdesk_export::slug::slug(&article.headline, "bai"),
        &short[short.len() - 8..]
    );
    Ok((
        Job {
            article_id: article.id,
            article_version: article.version,
            slug,
            title: html::text(&article.headline),
            excerpt: html::text(&format!("{prefix}{lead}")),
            body,
            media,
            tags: article.tags.clone(),
            status: if live { "publish" } else { "draft" }.into(),
        },
        facts,
    ))
}

/// The 1600 px rendition of a photo, made again from the original when it is missing.
fn web_rendition(files: &PhotoFiles, photo: &newsdesk_core::Photo) -> Result<Vec<u8>> {
    let err = |reason: String| Error::Photo {
        name: photo.original_name.clone(),
        reason,
    };
    let path = files.rendition_path(&photo.sha256, Size::Web);
    match std::fs::read(&path) {
        Ok(b) => Ok(b),
        Err(_) => {
            let original = std::fs::read(files.original_of(photo))
                .map_err(|e| err(format!("the original is missing from the photo store: {e}")))?;
            let r = newsdesk_photo::rendition::render(
                &photo.original_name,
                &original,
                photo.format,
                photo.meta.orientation,
                &newsdesk_photo::Limits::default(),
            )
            .map_err(|e| err(e.to_string()))?;
            Ok(r.web)
        }
    }
}

/// The ledger kept in the store for one article on one target.
struct StoreLedger<'a> {
    store: &'a mut Store,
    target: &'a str,
    article_id: Uuid,
}

impl Ledger for StoreLedger<'_> {
    fn media(&self, hash: &str) -> Result<Option<RemoteMedia>> {
        Ok(self.store.remote_media(self.target, hash)?)
    }

    fn put_media(&mut self, hash: &str, remote: Option<(i64, String)>) -> Result<()> {
        let (remote_id, url) = match remote {
            Some((id, url)) => (Some(id), url),
            None => (None, String::new()),
        };
        Ok(self.store.put_remote_media(&RemoteMedia {
            target: self.target.to_owned(),
            content_hash: hash.to_owned(),
            remote_id,
            url,
            at: newsdesk_core::time::now(),
        })?)
    }

    fn forget_media(&mut self, hash: &str) -> Result<()> {
        Ok(self.store.forget_remote_media(self.target, hash)?)
    }

    fn post(&self) -> Result<Option<RemotePost>> {
        Ok(self.store.remote_post(self.article_id, self.target)?)
    }

    fn put_post(&mut self, post: &RemotePost) -> Result<()> {
        Ok(self.store.put_remote_post(post)?)
    }
}
