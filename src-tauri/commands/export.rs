//! Exporting an article from the app: runs in the background like a photo import and
//! reports `export-progress` (a `Progress`: first the missing web renditions being
//! made, then each step, prefixed with the format) and then `export-done` (one
//! `ExportReport` per format) or `export-failed` (an `ApiError`).
//! The store is held only to read the article and to write the publish log, never
//! while renditions are made or files written, so typing and autosave go on meanwhile.

use std::path::PathBuf;

use newsdesk_export::{
    ExportFormat, ExportOptions, ExportReport, Gathered, Progress, RenderOptions,
};
use newsdesk_photo::PhotoFiles;
use newsdesk_store::Store;
use tauri::{AppHandle, Emitter, Manager};
use uuid::Uuid;

use crate::error::{from_export, from_store, ApiError, CmdResult};
use crate::state::AppState;

/// Event sent after each step, with a `Progress`.
pub const EXPORT_PROGRESS: &str = "export-progress";
/// Event sent when every format was written, with the `ExportReport`s.
pub const EXPORT_DONE: &str = "export-done";
/// Event sent when the export stopped, with an `ApiError`.
pub const EXPORT_FAILED: &str = "export-failed";

/// Starts exporting article `id` in each of `formats` into the folder `out` and returns
/// at once. The checklist runs first: blocking findings refuse the export
/// (code `checklist`). A folder that already holds files is refused (code `exists`)
/// unless `force`. `render` picks the ninjs version and whether a package carries the
/// photos' originals.
#[tauri::command]
pub async fn export_run(
    app: AppHandle,
    id: Uuid,
    formats: Vec<ExportFormat>,
    out: String,
    zip: bool,
    force: bool,
    render: RenderOptions,
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
        let job = Job {
            id,
            formats: &formats,
            out: PathBuf::from(out),
            zip,
            force,
            render,
        };
        match run(&state, &job, emit) {
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

/// What `export_run` was asked for.
struct Job<'a> {
    id: Uuid,
    formats: &'a [ExportFormat],
    out: PathBuf,
    zip: bool,
    force: bool,
    render: RenderOptions,
}

fn run(state: &AppState, job: &Job<'_>, emit: impl Fn(Progress)) -> CmdResult<Vec<ExportReport>> {
    let files = state.require_photo_files()?;
    let (mut g, who) = state.with_store(|s| prepare(s, files, job.id))?;
    // The cold path (renditions made from the originals) runs without the store.
    g.make_renditions(files, &mut |p| emit(p))
        .map_err(from_export)?;
    let input = g.input();
    let mut reports = Vec::new();
    for (i, format) in job.formats.iter().enumerate() {
        let opts = ExportOptions {
            out: job.out.clone(),
            format: *format,
            zip: job.zip,
            // The first format checks the folder; the next ones write beside it.
            force: job.force || i > 0,
            render: job.render,
        };
        let report = newsdesk_export::export(&input, &opts, &mut |p| {
            emit(Progress {
                step: format!("{} · {}", format.as_str(), p.step),
                ..p
            })
        })
        .map_err(from_export)?;
        let path = report.path.display().to_string();
        let label = format.log_label(&job.render);
        state.with(|s| s.log_export(&g.article, &label, &path, &report.checksum, &who))?;
        reports.push(report);
    }
    Ok(reports)
}

/// Reads the article, its figures and their pictures and runs the checklist (as the
/// CLI does, `newsdesk_export::read_checked`); also says who is exporting.
fn prepare(s: &mut Store, files: &PhotoFiles, id: Uuid) -> CmdResult<(Gathered, String)> {
    let (g, _) = newsdesk_export::read_checked(s, files, id).map_err(from_export)?;
    let who = s
        .current_profile()
        .map_err(from_store)?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok((g, who))
}
