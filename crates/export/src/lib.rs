//! Newsdesk exports: an article rendered as the paper's HTML page, Markdown, IPTC
//! ninjs JSON, and a package of all of them with a manifest of SHA-256 checksums.
//!
//! Architecture invariant: no SQL and no Tauri. The caller (CLI, app) reads the
//! article, settings and related headlines from the store and passes them in as an
//! [`ExportInput`]; this crate renders and writes files, never outside the folder it
//! is given.

pub mod docx;
pub mod error;
pub mod gather;
pub mod html;
pub mod image_meta;
pub mod markdown;
pub mod ninjs;
pub mod package;
pub mod slug;

pub use error::{Error, Result};
pub use gather::{gather, read_checked, Gathered};
pub use image_meta::ImageCredits;
pub use ninjs::NinjsVersion;
pub use package::{export, ExportFormat, ExportOptions, ExportReport, Progress, RenderOptions};

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use newsdesk_core::{Article, Settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// A related article printed under `Xem thêm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RelatedLink {
    pub id: Uuid,
    pub headline: String,
}

/// A placed photo as the export prints it (from the placement and the photo).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FigureView {
    pub placement_id: Uuid,
    pub caption: String,
    /// The printed credit line (`Ảnh: NAME`).
    pub credit: String,
    pub alt: String,
    pub copyright: String,
    /// The image file inside the package (`images/…jpg`), when one is written.
    #[ts(optional)]
    pub file: Option<String>,
    /// The photo's original inside the package (`images/…-original.jpg`), when the
    /// package carries originals.
    #[ts(optional)]
    pub original: Option<String>,
    /// Width and height of the web picture written, when one is.
    #[ts(optional)]
    pub web_size: Option<(u32, u32)>,
    /// Width and height of the original written, when one is.
    #[ts(optional)]
    pub original_size: Option<(u32, u32)>,
}

/// A placed photo's picture for the package and the DOCX: the JPEG to export (the web
/// rendition), the original (copied only when a package asks for originals) and what
/// is written into the copies. The sources are read, never written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureImage {
    pub placement_id: Uuid,
    /// The JPEG file to copy (in the photo store).
    pub source: PathBuf,
    /// The original as imported (JPEG, PNG or WebP, in the photo store), if known.
    pub original: Option<PathBuf>,
    pub credits: ImageCredits,
}

/// Everything an export renders from, gathered by the caller.
#[derive(Debug, Clone)]
pub struct ExportInput<'a> {
    pub article: &'a Article,
    pub settings: &'a Settings,
    /// The related articles that exist, in the article's order.
    pub related: &'a [RelatedLink],
    /// The placed photos; a figure whose placement is not here is left out.
    pub figures: &'a [FigureView],
    /// The placed photos' pictures; a figure without one is printed without its picture.
    pub images: &'a [FigureImage],
    /// The instant the date line shows (publication time, or the last update).
    pub dated: DateTime<Utc>,
}
