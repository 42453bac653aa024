//! Gathering what an export renders from: the article, settings and existing related
//! articles from the store, and for each figure its placement (caption, alt), its
//! printed credit (house style, initials on repeat), the photo's copyright and date,
//! and the web rendition to copy — made from the original when it is not on disk.
//! Both front ends (CLI, app) call [`read_checked`] (the store is needed only for
//! this), then [`Gathered::make_renditions`] (the cold path, with progress, the store
//! no longer held), then [`crate::export`] with [`Gathered::input`].
//! [`gather`] reads and makes the renditions in one call (no checklist).

use newsdesk_core::{Article, Block, Checklist, FigureFacts, Photo, Settings};
use newsdesk_photo::{Limits, PhotoFiles, Size};
use newsdesk_store::Store;
use uuid::Uuid;

use crate::{ExportInput, FigureImage, FigureView, ImageCredits, Progress, RelatedLink, Result};

/// An export's input, owned.
#[derive(Debug, Clone)]
pub struct Gathered {
    pub article: Article,
    pub settings: Settings,
    pub related: Vec<RelatedLink>,
    /// The figures in reading order.
    pub figures: Vec<FigureView>,
    /// The pictures of the figures, in reading order.
    pub images: Vec<FigureImage>,
    /// What the pre-publish checklist needs of each figure.
    pub facts: Vec<FigureFacts>,
    /// Photos whose web rendition is not on disk yet, made by
    /// [`Gathered::make_renditions`] before the export reads them.
    pub missing: Vec<Photo>,
}

impl Gathered {
    /// The input for [`crate::export`]; the date line shows the last update.
    pub fn input(&self) -> ExportInput<'_> {
        ExportInput {
            article: &self.article,
            settings: &self.settings,
            related: &self.related,
            figures: &self.figures,
            images: &self.images,
            dated: self.article.updated_at,
        }
    }

    /// Makes the web renditions that are not on disk (the cold path: each decodes an
    /// original), telling `progress` after each one. Originals are only read. Needs no
    /// store, so the app runs it without holding the store.
    pub fn make_renditions(
        &mut self,
        files: &PhotoFiles,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<()> {
        let limits = Limits::default();
        let total = self.missing.len() as u32;
        for (i, photo) in std::mem::take(&mut self.missing).iter().enumerate() {
            files.web_rendition(photo, &limits)?;
            progress(Progress {
                done: i as u32 + 1,
                total,
                step: format!("rendition {}", photo.original_name),
            });
        }
        Ok(())
    }
}

/// The long side, in pixels, pictures are exported at (the web rendition's).
pub fn output_width() -> u32 {
    Size::Web.long_side()
}

/// `YYYY-MM-DD` from the start of an EXIF/XMP date, or empty.
fn iso_day(taken: Option<&str>) -> String {
    let Some(t) = taken else {
        return String::new();
    };
    let day: String = t.chars().take(10).collect();
    let b = day.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if ok {
        day
    } else {
        String::new()
    }
}

/// [`read`], then the pre-publish checklist over what was read: both front ends export
/// through this. While anything blocks it refuses with the store's `checklist` error
/// (which carries the blocking findings); otherwise the warnings come back with the
/// input so the caller can show them. The missing renditions are left to
/// [`Gathered::make_renditions`].
pub fn read_checked(store: &Store, files: &PhotoFiles, id: Uuid) -> Result<(Gathered, Checklist)> {
    let g = read(store, files, id)?;
    let c = store.checklist(&g.article, &g.facts, output_width())?;
    if !c.passes() {
        return Err(newsdesk_store::Error::Checklist(c.blocking().cloned().collect()).into());
    }
    Ok((g, c))
}

/// Reads article `id` and everything its export needs. Web renditions missing from
/// the photo store are made from the originals (the cold path); originals are only read.
pub fn gather(store: &Store, files: &PhotoFiles, id: Uuid) -> Result<Gathered> {
    let mut g = read(store, files, id)?;
    g.make_renditions(files, &mut |_| {})?;
    Ok(g)
}

/// Reads article `id` and everything its export needs from the store; the web
/// renditions not on disk are listed in [`Gathered::missing`], not made.
pub fn read(store: &Store, files: &PhotoFiles, id: Uuid) -> Result<Gathered> {
    let article = store.article(id)?;
    let settings = store.settings()?;
    let mut related = Vec::new();
    for rid in &article.related {
        if let Ok(r) = store.article(*rid) {
            if r.trashed_at.is_none() {
                related.push(RelatedLink {
                    id: r.id,
                    headline: r.headline,
                });
            }
        }
    }
    let placements = store.placements(id)?;
    let printed = store.printed_credits(id)?;
    let paper_copyright = if settings.paper_name.trim().is_empty() {
        String::new()
    } else {
        format!("© {}", settings.paper_name.trim())
    };
    let facts = store.figure_facts(&article, output_width())?;
    let (mut figures, mut images, mut missing) = (Vec::new(), Vec::new(), Vec::new());
    for b in &article.body.blocks {
        let Block::Figure { placement_id, .. } = b else {
            continue;
        };
        let Some(p) = placements.iter().find(|p| p.id == *placement_id) else {
            continue;
        };
        let photo = store.photo(p.photo_id)?;
        let credit = printed
            .iter()
            .find(|c| c.placement_id == p.id)
            .map(|c| c.credit.clone())
            .unwrap_or_default();
        let copyright = photo
            .meta
            .copyright
            .clone()
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| paper_copyright.clone());
        figures.push(FigureView {
            placement_id: p.id,
            caption: p.caption.clone(),
            credit: credit.clone(),
            alt: p.alt_text.clone(),
            copyright: copyright.clone(),
            ..FigureView::default()
        });
        let source = files.rendition_path(&photo.sha256, Size::Web);
        if !source.is_file() && !missing.iter().any(|m: &Photo| m.id == photo.id) {
            missing.push(photo.clone());
        }
        images.push(FigureImage {
            placement_id: p.id,
            source,
            original: Some(files.original_of(&photo)),
            credits: ImageCredits {
                caption: p.caption.clone(),
                creator: p.credit.clone(),
                credit,
                copyright,
                date: iso_day(photo.meta.taken_at.as_deref()),
                alt: p.alt_text.clone(),
            },
        });
    }
    Ok(Gathered {
        article,
        settings,
        related,
        figures,
        images,
        facts,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_days_for_the_iptc_date() {
        for (taken, want) in [
            (Some("2017-03-08T06:53:00"), "2017-03-08"),
            (Some("2017-03-08"), "2017-03-08"),
            (Some("2017:03:08 06:53:00"), ""),
            (Some("hôm qua"), ""),
            (None, ""),
        ] {
            assert_eq!(iso_day(taken), want, "{taken:?}");
        }
    }
}
