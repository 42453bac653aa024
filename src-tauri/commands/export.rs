//! Exporting an article from the app: runs in the background like a photo import and
//! reports `export-progress` (a `Progress`, its step prefixed with the format) and then
//! `export-done` (one `ExportReport` per format) or `export-failed` (an `ApiError`).
//! The store is held only to gather the article and to write the publish log, never
//! while files are written, so typing and autosave go on meanwhile.

use std::path::PathBuf;

use newsdesk_core::{Article, Settings};
use newsdesk_export::{
    ExportFormat, ExportInput, ExportOptions, ExportReport, FigureView, Progress, RelatedLink,
};
use newsdesk_store::{Error as StoreError, Store};
use tauri::{AppHandle, Emitter, Manager};
use uuid::Uuid;

use crate::error::{from_export, ApiError, CmdResult};
use crate::state::AppState;

/// Event sent after each step, with a `Progress`.
pub const EXPORT_PROGRESS: &str = "export-progress";
/// Event sent when every format was written, with the `ExportReport`s.
pub const EXPORT_DONE: &str = "export-done";
/// Event sent when the export stopped, with an `ApiError`.
pub const EXPORT_FAILED: &str = "export-failed";

/// What an export renders from, read from the store.
struct Gathered {
    article: Article,
    settings: Settings,
    related: Vec<RelatedLink>,
    figures: Vec<FigureView>,
    who: String,
}

/// Starts exporting article `id` in each of `formats` into the folder `out` and returns
/// at once. The checklist runs first: blocking findings refuse the export
/// (code `checklist`). A folder that already holds files is refused (code `exists`)
/// unless `force`.
#[tauri::command]
pub async fn export_run(
    app: AppHandle,
    id: Uuid,
    formats: Vec<ExportFormat>,
    out: String,
    zip: bool,
    force: bool,
) -> CmdResult<()> {
    if formats.is_empty() {
        return Err(ApiError::new("invalid", "choose at least one format"));
    }
    if out.trim().is_empty() {
        return Err(ApiError::new("invalid", "choose the folder to export into"));
    }
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let emit = |p: Progress| {
            let _ = app.emit(EXPORT_PROGRESS, p);
        };
        match run(&state, id, &formats, PathBuf::from(out), zip, force, emit) {
            Ok(reports) => {
                let _ = app.emit(EXPORT_DONE, reports);
            }
            Err(e) => {
                let _ = app.emit(EXPORT_FAILED, e);
            }
        }
    });
    Ok(())
}

fn run(
    state: &AppState,
    id: Uuid,
    formats: &[ExportFormat],
    out: PathBuf,
    zip: bool,
    force: bool,
    emit: impl Fn(Progress),
) -> CmdResult<Vec<ExportReport>> {
    let g = state.with(|s| gather(s, id))?;
    let input = ExportInput {
        article: &g.article,
        settings: &g.settings,
        related: &g.related,
        figures: &g.figures,
        dated: g.article.updated_at,
    };
    let mut reports = Vec::new();
    for (i, format) in formats.iter().enumerate() {
        let opts = ExportOptions {
            out: out.clone(),
            format: *format,
            zip,
            // The first format checks the folder; the next ones write beside it.
            force: force || i > 0,
        };
        let report = newsdesk_export::export(&input, &opts, &mut |p| {
            emit(Progress {
                step: format!("{} · {}", format.as_str(), p.step),
                ..p
            })
        })
        .map_err(from_export)?;
        let path = report.path.display().to_string();
        state
            .with(|s| s.log_export(&g.article, format.as_str(), &path, &report.checksum, &g.who))?;
        reports.push(report);
    }
    Ok(reports)
}

/// Reads the article and everything around it; refuses while the checklist blocks.
fn gather(s: &mut Store, id: Uuid) -> Result<Gathered, StoreError> {
    let article = s.article(id)?;
    let facts = s.figure_facts(&article)?;
    let c = s.checklist(&article, &facts, 0, &[])?;
    if !c.passes() {
        return Err(StoreError::Checklist(c.blocking().cloned().collect()));
    }
    let mut related = Vec::new();
    for rid in &article.related {
        if let Ok(r) = s.article(*rid) {
            if r.trashed_at.is_none() {
                related.push(RelatedLink {
                    id: r.id,
                    headline: r.headline,
                });
            }
        }
    }
    let credits = s.printed_credits(id)?;
    let mut figures = Vec::new();
    for p in s.placements(id)? {
        let copyright = s
            .photo(p.photo_id)
            .ok()
            .and_then(|ph| ph.meta.copyright)
            .unwrap_or_default();
        let credit = credits
            .iter()
            .find(|c| c.placement_id == p.id)
            .map(|c| c.credit.clone())
            .unwrap_or_default();
        figures.push(FigureView {
            placement_id: p.id,
            caption: p.caption,
            credit,
            alt: p.alt_text,
            copyright,
            file: None,
        });
    }
    let who = s.current_profile()?.map(|p| p.name).unwrap_or_default();
    Ok(Gathered {
        settings: s.settings()?,
        article,
        related,
        figures,
        who,
    })
}
